//! The open data of SPEC §11: the long table of every fact (`/data/facts.csv`) and the
//! Frictionless Data Package (`/data/datapackage.json`) that describes it and every comparison's
//! CSV, so that the data loads in standard tools.
//!
//! The package's resources are copies of the comparisons' CSVs below `data/compare/`: a resource
//! path may not climb out of the package's folder (Frictionless refuses `../compare/hub.csv` as
//! unsafe). Nothing here reads the clock, so a build is reproducible: `created` is the newest
//! `date` or `updated` of the site's pages, and `version` that date with a digest of the tables.

use serde_json::{json, Value};

use super::export::{
    csv_number, csv_value, document_of, label, source_permalink, CsvField, CsvTable, FieldType,
};
use super::tables::fact_cell;
use crate::model::config::Scope;
use crate::model::tables::PrefectureItem;
use crate::model::{Lang, PageId, Site, Tables};
use crate::urls::Generated;

/// A CSV of the package: its name there, its path relative to `data/`, what it is, and its
/// table.
pub struct Resource {
    pub name: String,
    /// Relative to the package file: `facts.csv`, `compare/hub.csv`.
    pub path: String,
    pub title: String,
    pub description: String,
    pub table: CsvTable,
}

/// Every CSV of the package: the long table of facts first, then each comparison (obligation
/// sets, then fact comparisons).
pub fn resources(site: &Site, tables: &Tables, lang: Lang) -> Vec<Resource> {
    let data = Generated::DataIndex.path();
    let below = |g: Generated| g.path()[data.len()..].to_string();
    let mut out = vec![Resource {
        name: "facts".into(),
        path: below(Generated::FactsLong),
        title: label(lang, "事実の一覧（縦長の表）", "Every fact (long table)").into(),
        description: label(
            lang,
            "ページ（都道府県）× 変数ごとに1行: 状態、原文の表記、正規化した値、あたり、時点、出典URL。事項ごとの変数は、記載のある項目ごとに1行。",
            "One row per page (prefecture) and variable: state, as written, normalised value, per, as of, source URL. Per-obligation variables have one row per item that gives them.",
        )
        .into(),
        table: facts_long(site, tables, lang),
    }];
    let mut names = vec!["facts".to_string()];
    for t in &tables.obligations {
        out.push(Resource {
            name: unique_name(&mut names, &t.set),
            path: below(Generated::DataTable(&t.set)),
            title: t.name(site, lang).to_string(),
            description: label(
                lang,
                "求められる事項（行）と都道府県（列）の比較: 区分、文言、詳細、類似度、出典URL",
                "Obligations (rows) against prefectures (columns): class, text, detail, similarity, source URL",
            )
            .into(),
            table: t.csv_table(site, lang),
        });
    }
    for t in &tables.facts {
        out.push(Resource {
            name: unique_name(&mut names, &t.id),
            path: below(Generated::DataTable(&t.id)),
            title: t.name(lang).to_string(),
            description: label(
                lang,
                "変数（行）とページ（列）の比較: 状態、原文の表記、正規化した値と数値、出典URL",
                "Variables (rows) against pages (columns): state, as written, normalised value and number, source URL",
            )
            .into(),
            table: t.csv_table(site, lang),
        });
    }
    out
}

/// A resource name as Frictionless allows it (lower-case ASCII letters, digits, `-`, `_`,
/// `.`), not yet taken: `compare-hub`.
fn unique_name(taken: &mut Vec<String>, id: &str) -> String {
    let plain: String = format!("compare-{id}")
        .chars()
        .map(|c| {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let mut name = plain.clone();
    let mut n = 1;
    while taken.contains(&name) {
        n += 1;
        name = format!("{plain}-{n}");
    }
    taken.push(name.clone());
    name
}

/// The long table (SPEC §11): for every current page that gives facts, one row per `scope:
/// page` variable of the codebook (its state explicit, `not_stated` where the page does not give
/// it); then one row per fact an obligation item gives.
pub fn facts_long(site: &Site, tables: &Tables, lang: Lang) -> CsvTable {
    let mut rows = Vec::new();
    for page in pages_with_facts(site) {
        for (key, decl) in &site.config.facts {
            if decl.scope != Scope::Page {
                continue;
            }
            let cell = fact_cell(site, page, key);
            let given = cell.given.as_ref();
            let value = given.and_then(|f| f.state.value());
            let document = document_of(site, page, lang);
            rows.push(row(
                site,
                page,
                lang,
                format!("{}:{key}", row_page(site, page)),
                key,
                "",
                [
                    cell.state().name().to_string(),
                    given.map(|f| f.raw.display()).unwrap_or_default(),
                    value.map(csv_value).unwrap_or_default(),
                    value.and_then(csv_number).unwrap_or_default(),
                    value
                        .and_then(|v| v.per())
                        .map(|p| p.text(lang).0.to_string())
                        .unwrap_or_default(),
                    given
                        .and_then(|f| f.as_of.as_ref())
                        .map(|d| d.iso())
                        .unwrap_or_default(),
                    given.and_then(|f| f.note.clone()).unwrap_or_default(),
                    source_permalink(site, &cell.provenance, lang),
                    document.title.to_string(),
                    document.date.unwrap_or_default(),
                ],
            ));
        }
    }
    for t in &tables.obligations {
        for c in &t.columns {
            let matched =
                t.obligations.iter().zip(&c.cells).flat_map(|(o, cells)| {
                    cells.iter().map(move |cell| (o.id.as_str(), &cell.item))
                });
            let own = c.own.iter().map(|item| ("", item));
            for (obligation, item) in matched.chain(own) {
                rows.extend(item_rows(site, item, obligation, lang));
            }
        }
    }
    CsvTable::new(long_fields(lang), rows)
}

/// The current pages whose front matter gives facts, in the order of the comparisons: by JIS
/// code, then weight, then path.
fn pages_with_facts(site: &Site) -> Vec<PageId> {
    let mut pages: Vec<PageId> = (0..site.pages.len())
        .filter(|&p| {
            site.pages[p].versions.newer.is_none()
                && !site.docs[site.pages[p].ja].front.facts.is_empty()
        })
        .collect();
    pages.sort_by_key(|&p| {
        let f = &site.docs[site.pages[p].ja].front;
        (
            f.prefecture.map_or(99, |pr| pr.code),
            f.weight,
            site.pages[p].key.clone(),
        )
    });
    pages
}

/// A page's part of a row id: its path without slashes at the ends, `home` for the home page.
fn row_page(site: &Site, page: PageId) -> String {
    let path = site.pages[page].path.trim_matches('/');
    if path.is_empty() {
        "home".into()
    } else {
        path.into()
    }
}

/// The rows of the facts an obligation item gives.
fn item_rows(site: &Site, item: &PrefectureItem, obligation: &str, lang: Lang) -> Vec<Vec<String>> {
    let document = document_of(site, item.page, lang);
    item.facts
        .iter()
        .map(|f| {
            let value = f.state.value();
            row(
                site,
                item.page,
                lang,
                format!("{}#{}:{}", row_page(site, item.page), item.anchor, f.key),
                &f.key,
                obligation,
                [
                    f.state.name().to_string(),
                    f.raw.clone(),
                    value.map(csv_value).unwrap_or_default(),
                    value.and_then(csv_number).unwrap_or_default(),
                    value
                        .and_then(|v| v.per())
                        .map(|p| p.text(lang).0.to_string())
                        .unwrap_or_default(),
                    String::new(),
                    f.note.clone().unwrap_or_default(),
                    format!("{}#{}", site.permalink(item.page, lang), item.anchor),
                    document.title.to_string(),
                    document.date.clone().unwrap_or_default(),
                ],
            )
        })
        .collect()
}

/// One row of the long table: who and what, then the value's parts.
fn row(
    site: &Site,
    page: PageId,
    lang: Lang,
    id: String,
    key: &str,
    obligation: &str,
    value: [String; 10],
) -> Vec<String> {
    let prefecture = site.docs[site.pages[page].ja].front.prefecture;
    let decl = site.config.facts.get(key);
    let mut row = vec![
        id,
        prefecture.map(|p| p.code.to_string()).unwrap_or_default(),
        prefecture
            .map(|p| p.name(lang).to_string())
            .unwrap_or_default(),
        site.permalink(page, lang),
        site.title(page, lang).to_string(),
        key.to_string(),
        decl.map_or(key, |d| d.label(lang)).to_string(),
        decl.map_or("", |d| d.ty.name()).to_string(),
        obligation.to_string(),
    ];
    row.extend(value);
    row
}

/// The columns of the long table: ASCII names (the same in both languages, so scripts read
/// either), titles and descriptions in the table's language.
fn long_fields(lang: Lang) -> Vec<CsvField> {
    use FieldType::*;
    let f = |name: &str,
             ty,
             ja: &'static str,
             en: &'static str,
             dja: &'static str,
             den: &'static str| {
        CsvField::new(name, ty, label(lang, ja, en), label(lang, dja, den))
    };
    vec![
        f("id", String, "行ID", "row id", "ページのパスと変数のID（事項ごとの変数は項目のアンカーも）", "The page's path and the variable's id (for a per-obligation variable, also the item's anchor)"),
        f("prefecture_code", Integer, "都道府県コード", "prefecture code", "JIS X 0401 の都道府県コード（都道府県のないページは空欄）", "The JIS X 0401 code of the page's prefecture (empty for a page of none)"),
        f("prefecture", String, "都道府県", "prefecture", "都道府県の名前", "The prefecture's name"),
        f("page", Uri, "ページ", "page", "ページのURL", "The page's URL"),
        f("page_title", String, "ページ名", "page title", "ページの題名", "The page's title"),
        f("variable", String, "変数", "variable", "コードブックの変数のID（/data/codebook/）", "The variable's id in the codebook (/data/codebook/)"),
        f("label", String, "変数名", "label", "変数の名前", "The variable's label"),
        f("type", String, "型", "type", "変数の型: yen, rate, fiscal_years, date, text, list, code", "The variable's type: yen, rate, fiscal_years, date, text, list, code"),
        f("obligation", String, "事項", "obligation", "事項ごとの変数で、項目が当たる基準の事項のID（独自の事項と、ページの変数では空欄）", "For a per-obligation variable, the canonical obligation its item matches (empty for own additions and page variables)"),
        f("state", String, "状態", "state", "stated（記載あり）、not_stated（記載なし）、not_applicable（該当なし）: 値が空欄の理由", "stated, not_stated (the page does not give it) or not_applicable (the page says it does not apply): why a value is empty"),
        f("raw", String, "原文の表記", "as written", "資料の表記のまま", "As the document writes it"),
        f("value", String, "値", "value", "正規化した値: 金額は円、率は小数、コードはID、構造のある値はJSON", "The normalised value: yen as an integer, rates as decimals, codes by id, structured values as JSON"),
        f("number", Number, "数値", "number", "値が一つの数のときその数、そうでなければ空欄", "The value where it is one number, else empty"),
        f("per", String, "あたり", "per", "金額が何あたりか", "What an amount is per"),
        f("as_of", String, "時点", "as of", "値の時点（2024-03-31 または FY2024）", "When the value held (2024-03-31 or FY2024)"),
        f("note", String, "注記", "note", "作成者の注記", "The author's note"),
        f("source", Uri, "出典", "source", "値のあるページのURL（値の直前の見出しまたは項目のアンカー付き）", "The URL of the value on its page (at the heading nearest above it, or the item)"),
        f("document", String, "文書名", "document", "ページが掲載する資料の名前", "The title of the document the page reproduces"),
        f("document_date", String, "文書の日付", "document date", "資料の日付", "The document's date"),
    ]
}

/// The Frictionless Data Package of a language's data (SPEC §11).
pub fn datapackage(site: &Site, lang: Lang, resources: &[Resource]) -> Value {
    let cfg = &site.config;
    let newest = newest_date(site);
    let digest = crate::text::digest(
        &resources
            .iter()
            .map(|r| r.table.to_csv())
            .collect::<String>(),
    );
    let mut package = serde_json::Map::new();
    package.insert("name".into(), json!(package_name(&cfg.base_url, lang)));
    package.insert("title".into(), json!(cfg.title.get(lang)));
    if let Some(d) = &cfg.description {
        package.insert("description".into(), json!(d.get(lang)));
    }
    package.insert(
        "homepage".into(),
        json!(crate::urls::permalink(
            &cfg.base_url,
            lang,
            &Generated::DataIndex.path()
        )),
    );
    let version = match newest {
        Some(d) => format!("{}+{}", d.format("%Y-%m-%d"), &digest[..8]),
        None => digest[..8].to_string(),
    };
    package.insert("version".into(), json!(version));
    // No clock: the newest date the pages give. A site without dates has no `created`.
    if let Some(d) = newest {
        package.insert(
            "created".into(),
            json!(format!("{}T00:00:00Z", d.format("%Y-%m-%d"))),
        );
    }
    package.insert("languages".into(), json!([lang.code()]));
    package.insert(
        "resources".into(),
        Value::Array(resources.iter().map(resource_json).collect()),
    );
    Value::Object(package)
}

fn resource_json(r: &Resource) -> Value {
    json!({
        "name": r.name,
        "path": r.path,
        "title": r.title,
        "description": r.description,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": true},
        "schema": {
            "fields": r.table.fields.iter().map(|f| {
                let mut field = json!({
                    "name": f.name, "type": f.ty.name(), "title": f.title, "description": f.description,
                });
                if f.ty == FieldType::Uri {
                    field["format"] = json!("uri");
                }
                field
            }).collect::<Vec<_>>(),
            // An empty cell is a missing value; the row's state or class says why.
            "missingValues": [""],
            "primaryKey": ["id"],
        },
    })
}

/// The package's name: the site's address in the characters Frictionless allows, and the
/// language (`www.pref.example.lg.jp-zaitaku-ja`).
pub fn package_name(base_url: &str, lang: Lang) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let mut name: String = rest
        .chars()
        .map(|c| {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    while name.contains("--") {
        name = name.replace("--", "-");
    }
    format!("{}-{}", name.trim_matches('-'), lang.code())
}

/// The newest `date` or `updated` of the site's pages (a fiscal year as its first day).
/// The newest date any page gives (`date:` or `updated:` of its Japanese document).
pub fn newest_date(site: &Site) -> Option<chrono::NaiveDate> {
    site.pages
        .iter()
        .flat_map(|p| {
            let f = &site.docs[p.ja].front;
            [f.date, f.updated]
        })
        .flatten()
        .map(|d| d.sort_key())
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_names_are_plain_ascii() {
        assert_eq!(
            package_name("https://www.pref.example.lg.jp/zaitaku/", Lang::Ja),
            "www.pref.example.lg.jp-zaitaku-ja"
        );
        assert_eq!(
            package_name("https://e.jp/%E5%9C%A8%E5%AE%85/", Lang::En),
            "e.jp-e5-9c-a8-e5-ae-85-en"
        );
    }

    #[test]
    fn resource_names_are_unique_and_plain() {
        let mut taken = vec!["facts".to_string()];
        assert_eq!(unique_name(&mut taken, "hub"), "compare-hub");
        assert_eq!(unique_name(&mut taken, "HUB"), "compare-hub-2");
        assert_eq!(unique_name(&mut taken, "補助"), "compare---");
    }
}
