//! The search index and pages of a small built site: what each language's index holds, where the
//! search page and box point, and that the real index answers the queries the SPEC names.

mod common;

use common::TestSite;
use serde_json::Value;
use shishin::render::search::{search, SearchEntry};

fn site() -> TestSite {
    let site = TestSite::new();
    site.write(
        "content/guideline/_index.md",
        "---\ntitle: 国の指針\n---\n指針の一覧。\n",
    );
    site.write(
        "content/guideline/hub.md",
        "---\ntitle: 連携の拠点\n---\n## 急変時の対応\n\n在宅医療の体制として、**看取り**に向けた支援を行う。\n\n| 区分 | 補助率 |\n|---|---|\n| 普及啓発 | ２分の１ |\n",
    );
    site.write(
        "content/guideline/hub.en.md",
        "---\ntitle: Coordination hubs\n---\n## Sudden changes\n\nSupport for end&#8209;of&#8209;life care &amp; <mark>caregivers</mark>.\n",
    );
    site.write(
        "content/guideline/fund.md",
        "---\ntitle: 基金\n---\n在宅での療養を支える基金。\n",
    );
    site
}

/// A built index as `{lang, pages}`, read from the scripts the search page loads: `index.js`,
/// which names the parts, and each part `index-N.js` beside it.
fn index(site: &TestSite, path: &str) -> (Value, Vec<SearchEntry>) {
    let text = site.read(path);
    let json = text
        .strip_prefix("window.shishinSearchIndex=")
        .and_then(|s| s.strip_suffix(";\n"))
        .unwrap_or_else(|| panic!("{path} is not the index script: {text}"));
    let head: Value = serde_json::from_str(json).unwrap();
    let mut pages = Vec::new();
    for n in 1..=head["parts"].as_u64().unwrap() {
        let part_path = path.replace("index.js", &format!("index-{n}.js"));
        let part = site.read(&part_path);
        let json = part
            .strip_prefix(&format!(
                "(self.shishinSearchParts=self.shishinSearchParts||{{}})[{n}]="
            ))
            .and_then(|s| s.strip_suffix(";\n"))
            .unwrap_or_else(|| panic!("{part_path} is not an index part: {part}"));
        let part: Value = serde_json::from_str(json).unwrap();
        pages.extend(part.as_array().unwrap().iter().cloned());
    }
    let v = serde_json::json!({"lang": head["lang"], "pages": pages});
    let entries = pages
        .iter()
        .map(|p| SearchEntry {
            path: p["u"].as_str().unwrap().into(),
            title: p["t"].as_str().unwrap().into(),
            text: p["x"].as_str().unwrap().into(),
            lang: None,
        })
        .collect();
    (v, entries)
}

fn page<'a>(v: &'a Value, path: &str) -> &'a Value {
    v["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["u"] == path)
        .unwrap_or_else(|| panic!("no entry for {path:?} in {v}"))
}

#[test]
fn each_language_has_an_index_of_every_page_with_its_visible_text() {
    let site = site();
    site.build_ok();
    let (ja, _) = index(&site, "search/index.js");
    assert_eq!(ja["lang"], "ja");
    assert_eq!(ja["pages"].as_array().unwrap().len(), 4, "{ja}");
    let hub = page(&ja, "guideline/hub/");
    assert_eq!(hub["t"], "連携の拠点");
    let text = hub["x"].as_str().unwrap();
    // Headings, body and table cells as written (full-width digits kept: snippets show the text
    // as the page has it, and the search folds it as it reads it), tags gone.
    assert!(
        text.starts_with("急変時の対応 在宅医療の体制として、看取りに向けた支援を行う。"),
        "{text}"
    );
    assert!(text.contains("普及啓発 ２分の１"), "{text}");
    let compared = shishin::render::search::fold(&shishin::render::search::normalize(text));
    assert!(compared.contains("普及啓発 2分の1"), "{compared}");
    assert!(!text.contains('<') && !text.contains("**"), "{text}");
    // Navigation chrome is not indexed: the section's title appears only in its own entry.
    assert!(!text.contains("国の指針"), "{text}");
    assert!(hub.get("l").is_none());

    let (en, _) = index(&site, "en/search/index.js");
    assert_eq!(en["lang"], "en");
    let hub = page(&en, "guideline/hub/");
    assert_eq!(hub["t"], "Coordination hubs");
    assert!(
        hub["x"]
            .as_str()
            .unwrap()
            .contains("end\u{2011}of\u{2011}life care & caregivers"),
        "{hub}"
    );
    // The non-breaking hyphen is kept as written; NFKC turns it into U+2010, which the search
    // folds to "-".
    let compared = shishin::render::search::fold(&shishin::render::search::normalize(
        hub["x"].as_str().unwrap(),
    ));
    assert!(compared.contains("end-of-life care"), "{compared}");
    // An untranslated page is indexed as the English reader sees it: the Japanese text, marked so.
    let fund = page(&en, "guideline/fund/");
    assert_eq!(fund["x"], "在宅での療養を支える基金。");
    assert_eq!(fund["l"], "ja");
}

#[test]
fn the_built_index_answers_compounds_parts_and_long_queries() {
    let site = site();
    site.build_ok();
    let (_, ja) = index(&site, "search/index.js");
    for q in [
        "看取り",
        "急変時",
        "急変",
        "普及啓発",
        "啓発",
        "補助率",
        "看取りに向けた支援",
    ] {
        assert_eq!(search(&ja, q), ["guideline/hub/"], "{q}");
    }
    let mut both = search(&ja, "在宅");
    both.sort();
    assert_eq!(both, ["guideline/fund/", "guideline/hub/"]);
    assert!(search(&ja, "看取りに向けない").is_empty());
    let (_, en) = index(&site, "en/search/index.js");
    assert_eq!(search(&en, "end-of-life"), ["guideline/hub/"]);
    assert_eq!(search(&en, "CARE"), ["guideline/hub/"]);
}

#[test]
fn search_pages_and_the_header_box_work_under_the_base_path() {
    let site = site();
    site.build_ok();
    for (lang, prefix, up) in [("ja", "", "../"), ("en", "en/", "../../")] {
        let html = site.read(&format!("{prefix}search/index.html"));
        assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{html}");
        // Relative script URLs: the page works under /zaitaku/ and opened from a folder.
        assert!(
            html.contains("<script src=\"index.js\" defer></script>"),
            "{html}"
        );
        assert!(
            html.contains(&format!("<script src=\"{up}search.js\" defer></script>")),
            "{html}"
        );
        assert!(html.contains("data-root=\"../\""), "{html}");
        assert!(
            html.contains("role=\"status\" aria-live=\"polite\""),
            "{html}"
        );
        assert!(
            html.contains(
                "<input class=\"search-input\" id=\"search-q\" type=\"search\" name=\"q\""
            ),
            "{html}"
        );
        // The page has its own form; the header box is left out there.
        assert!(!html.contains("site-search-q"), "{html}");
        assert!(html.contains("<noscript>"), "{html}");

        let page = site.read(&format!("{prefix}guideline/hub/index.html"));
        assert!(
            page.contains(&format!(
                "action=\"/zaitaku/{prefix}search/\" method=\"get\""
            )),
            "{page}"
        );
        assert!(page.contains("href=\"/zaitaku/search.css\""), "{page}");
        assert!(page.contains("name=\"q\""), "{page}");
    }
    assert!(site.read("search/index.html").contains("検索する言葉"));
    assert!(site
        .read("en/search/index.html")
        .contains("Words to search for"));
    assert!(site.exists("search.js") && site.exists("search.css"));
}

#[test]
fn a_page_at_the_search_url_is_an_error() {
    let site = TestSite::new();
    site.write(
        "content/search.md",
        "---\ntitle: 検索について\n---\n本文。\n",
    );
    let run = site.build();
    assert!(!run.ok, "{}", run.stdout);
    assert!(
        run.stderr.contains("content/search.md")
            && run.stderr.contains("where shishin puts the search page")
            && run.stderr.contains("slug:"),
        "{}",
        run.stderr
    );
    assert!(!site.exists("search/index.html"));
}
