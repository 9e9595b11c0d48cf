//! The open data (SPEC §11): `/data/` and `/data/codebook/` in both languages, the Frictionless
//! Data Package whose every resource exists and whose schemas match the CSVs' headers, and the
//! long table of facts with an explicit state in every row — on the shipped site and on a small
//! one whose every value is known.

mod common;

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

use common::TestSite;
use serde_json::Value;

/// The shipped site, built into `public/`.
fn shipped() -> TestSite {
    let site = TestSite::new();
    for folder in ["content", "themes"] {
        common::copy_dir(&common::repo().join(folder), &site.path(folder));
    }
    std::fs::copy(common::repo().join("site.yaml"), site.path("site.yaml")).unwrap();
    site.build_ok();
    site
}

const SITE: &str = "title: { ja: テスト, en: Test }
base_url: https://ex.jp/zaitaku/
obligations:
  sets:
    hub: { ja: 連携の拠点, en: Coordination hubs }
facts:
  base_amount: { ja: 基準額, en: Base amount, type: yen, definition: { ja: 補助の基準額, en: The base amount } }
  recipients: { ja: 補助先, type: text }
  who:
    ja: 主体
    en: Who
    type: code
    values:
      city: { ja: 市町村, en: Municipalities }
  budget_cap: { ja: 予算上限, en: Budget cap, type: yen, scope: obligation }
units: { 拠点: hub }
comparisons:
  subsidies: { ja: 補助制度の比較, en: Subsidies compared, kind: subsidy, facts: [base_amount, recipients] }
";

const GUIDELINE: &str = "---\ntitle: 指針\nkind: guideline\ndate: 2023-03-31\n---\n## 求められる事項 {.obligations set=hub}\n\n- 地域の関係者による会議を定期的に開催すること\n- 住民への普及啓発を実施すること\n";

const CHIBA: &str = "---\ntitle: 千葉県の補助金\nkind: subsidy\nprefecture: chiba\ndate: 2024-05-01\nfacts:\n  base_amount: 3,000千円\n  recipients: 市町村\n---\n## 拠点 {.obligations set=hub}\n\n- 地域の関係者による会議を定期的に開催すること\n  - 予算上限: 1拠点あたり1,060千円\n- 研修会を開くこと\n";

const OSAKA: &str = "---\ntitle: 大阪府の補助金\nkind: subsidy\nprefecture: osaka\nfacts:\n  base_amount: 該当なし\n---\n本文。\n";

fn small() -> TestSite {
    let site = TestSite::new();
    site.write("site.yaml", SITE);
    site.write("content/guideline.md", GUIDELINE);
    site.write("content/chiba.md", CHIBA);
    site.write("content/osaka.md", OSAKA);
    site.write(
        "content/links.md",
        "---\ntitle: リンク\n---\n[データ](/data/) [コードブック](/data/codebook/#base_amount) [表](/data/facts.csv) [パッケージ](/data/datapackage.json) [比較](/data/compare/hub.csv)\n",
    );
    site
}

/// A CSV as published: after its BOM, the header and the rows.
fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(text.starts_with('\u{feff}'), "UTF-8 with a BOM");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// Every resource of the package exists beside it, below its folder, and its CSV's header is its
/// schema's field names in order; every field is described; numbers parse; ids are unique.
fn assert_package_shape(out: &Path, lang_prefix: &str) -> Value {
    let folder = out.join(lang_prefix).join("data");
    let package: Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("datapackage.json")).unwrap())
            .unwrap();
    for key in ["name", "version", "created", "resources"] {
        assert!(!package[key].is_null(), "the package has `{key}`");
    }
    let resources = package["resources"].as_array().unwrap();
    assert!(!resources.is_empty());
    let mut names = HashSet::new();
    for r in resources {
        let name = r["name"].as_str().unwrap();
        assert!(names.insert(name), "resource names are unique: {name}");
        assert!(
            name.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c)),
            "{name}"
        );
        let path = r["path"].as_str().unwrap();
        assert!(!path.starts_with('/') && !path.contains(".."), "{path}");
        let file = folder.join(path);
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let (header, rows) = read_csv(&text);
        let fields = r["schema"]["fields"].as_array().unwrap();
        let field_names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
        assert_eq!(header, field_names, "{path}: header = schema");
        assert_eq!(r["schema"]["missingValues"], serde_json::json!([""]));
        for f in fields {
            for key in ["name", "type", "title", "description"] {
                assert!(
                    f[key].as_str().is_some_and(|s| !s.is_empty()),
                    "{path}: field {} has `{key}`",
                    f["name"]
                );
            }
        }
        let mut ids = HashSet::new();
        for row in &rows {
            assert_eq!(row.len(), fields.len(), "{path}: {row:?}");
            assert!(ids.insert(row[0].clone()), "{path}: id {} twice", row[0]);
            for (cell, f) in row.iter().zip(fields) {
                let ok = cell.is_empty()
                    || match f["type"].as_str().unwrap() {
                        "number" => cell.parse::<f64>().is_ok(),
                        "integer" => cell.parse::<i64>().is_ok(),
                        _ => true,
                    };
                assert!(ok, "{path}: {cell:?} is no {}", f["type"]);
            }
        }
    }
    package
}

#[test]
fn the_shipped_package_describes_every_csv_in_both_languages() {
    let site = shipped();
    let out = site.path("public");
    for prefix in ["", "en/"] {
        let package = assert_package_shape(&out, prefix);
        let paths: Vec<&str> = package["resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["path"].as_str().unwrap())
            .collect();
        for id in ["hub", "active", "subsidies", "schemes"] {
            let copy = format!("compare/{id}.csv");
            assert!(paths.contains(&copy.as_str()), "{copy} in {paths:?}");
            // The copy is the comparison's own CSV.
            assert_eq!(
                site.read(&format!("{prefix}data/{copy}")),
                site.read(&format!("{prefix}compare/{id}.csv"))
            );
        }
        assert_eq!(paths[0], "facts.csv");
        let index = site.read(&format!("{prefix}data/index.html"));
        for link in [
            "data/codebook/",
            "data/datapackage.json",
            "data/facts.csv",
            "compare/hub.csv",
            "compare/hub.json",
        ] {
            assert!(
                index.contains(&format!("href=\"/zaitaku/{prefix}{link}\"")),
                "{prefix}data/: {link}"
            );
        }
        // Every page's footer leads to the data.
        let home = site.read(&format!("{prefix}index.html"));
        assert!(home.contains(&format!("href=\"/zaitaku/{prefix}data/\"")));
    }
}

/// The package loads in the standard tool, where it is installed (CI installs it:
/// checks/datapackage.py).
#[test]
fn the_shipped_package_validates_with_frictionless_where_installed() {
    let has = Command::new("python3")
        .args(["-c", "import frictionless"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has {
        eprintln!("frictionless is not installed: checks/datapackage.py runs it in CI");
        return;
    }
    let site = shipped();
    let run = Command::new("python3")
        .arg(common::repo().join("checks/datapackage.py"))
        .arg(site.path("public"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(stdout.matches(", valid").count(), 2, "{stdout}");
}

#[test]
fn the_long_table_has_every_page_and_variable_with_its_state() {
    let site = small();
    site.build_ok();
    let (header, rows) = read_csv(&site.read("data/facts.csv"));
    assert_eq!(
        header,
        [
            "id",
            "prefecture_code",
            "prefecture",
            "page",
            "page_title",
            "variable",
            "label",
            "type",
            "obligation",
            "state",
            "raw",
            "value",
            "number",
            "per",
            "as_of",
            "note",
            "source",
            "document",
            "document_date"
        ]
    );
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = |id: &str| {
        rows.iter()
            .find(|r| r[0] == id)
            .unwrap_or_else(|| panic!("{id}: {rows:?}"))
    };
    // Two pages with facts × three page variables, then the item's fact.
    assert_eq!(rows.len(), 2 * 3 + 1, "{rows:?}");
    let base = row("chiba:base_amount");
    assert_eq!(base[at("prefecture_code")], "12");
    assert_eq!(base[at("state")], "stated");
    assert_eq!(base[at("raw")], "3,000千円");
    assert_eq!(base[at("value")], "3000000");
    assert_eq!(base[at("number")], "3000000");
    assert_eq!(base[at("page")], "https://ex.jp/zaitaku/chiba/");
    assert!(base[at("source")].starts_with("https://ex.jp/zaitaku/chiba/"));
    // What the page does not give, and what it says does not apply: empty values, a state.
    let who = row("chiba:who");
    assert_eq!(who[at("state")], "not_stated");
    assert_eq!(who[at("value")], "");
    let na = row("osaka:base_amount");
    assert_eq!(na[at("state")], "not_applicable");
    assert_eq!(na[at("number")], "");
    // A fact an obligation item gives: its obligation, and what the amount is per.
    let cap = row("chiba#hub-1:budget_cap");
    assert_eq!(cap[at("obligation")], "hub-1");
    assert_eq!(cap[at("number")], "1060000");
    assert_eq!(cap[at("per")], "拠点");
    assert_eq!(cap[at("source")], "https://ex.jp/zaitaku/chiba/#hub-1");
    // English: the same columns; what an amount is per in English.
    let (en_header, en_rows) = read_csv(&site.read("en/data/facts.csv"));
    assert_eq!(en_header, header);
    let cap = en_rows
        .iter()
        .find(|r| r[0] == "chiba#hub-1:budget_cap")
        .unwrap();
    assert_eq!(cap[at("per")], "hub");
    assert_eq!(cap[at("page")], "https://ex.jp/zaitaku/en/chiba/");

    let package = assert_package_shape(&site.path("public"), "");
    assert_package_shape(&site.path("public"), "en/");
    // No clock: the newest date of the pages.
    assert_eq!(package["created"], "2024-05-01T00:00:00Z");
    assert!(package["version"]
        .as_str()
        .unwrap()
        .starts_with("2024-05-01+"));
    assert_eq!(package["name"], "ex.jp-zaitaku-ja");
}

#[test]
fn the_codebook_documents_every_variable_in_each_language() {
    let site = small();
    site.build_ok();
    let ja = site.read("data/codebook/index.html");
    for id in ["base_amount", "recipients", "who", "budget_cap"] {
        assert!(ja.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(ja.contains("補助の基準額"));
    assert!(ja.contains("<code>city</code>") && ja.contains("市町村"));
    // Which comparisons use a variable: the fact comparison, the obligation set.
    assert!(ja.contains("href=\"/zaitaku/compare/subsidies/\""));
    assert!(ja.contains("href=\"/zaitaku/compare/hub/\""));
    let en = site.read("en/data/codebook/index.html");
    assert!(en.contains("The base amount"));
    assert!(en.contains("Municipalities"));
    // A label without English is shown in Japanese, marked as such.
    assert!(en.contains("<span lang=\"ja\">補助先</span>"), "{en}");
    assert!(
        en.contains("href=\"/zaitaku/en/data/\""),
        "breadcrumb to the data"
    );
    // The obligation CSV's copy and the comparison's are one text.
    assert_eq!(
        site.read("data/compare/hub.csv"),
        site.read("compare/hub.csv")
    );
}

/// A content page at a data URL is the error of every generated URL.
#[test]
fn a_page_cannot_take_a_data_url() {
    let site = small();
    site.write(
        "content/data/codebook.md",
        "---\ntitle: 横取り\n---\n本文\n",
    );
    let run = site.build();
    assert!(!run.ok);
    assert!(run.stderr.contains("data/codebook.md"), "{}", run.stderr);
}
