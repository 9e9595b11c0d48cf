//! Entry points for the fuzz targets in `fuzz/` and for the regression tests that replay what
//! they found (`tests/fuzz_regressions.rs`), so both go through exactly the same code.
//!
//! Each takes arbitrary bytes, runs one input-owning stage on them the way a build would, and
//! returns normally whatever the bytes are: any panic, hang or runaway allocation is a bug.

use std::sync::{Arc, OnceLock};

use crate::diagnostics::SourceFile;
use crate::guidance::facts::{self, FactType};
use crate::model::{Config, Doc, Lang, Parsed};
use crate::versions::{Format, Row};
use crate::{
    guidance::dates, guidance::obligations, guidance::prefecture, load, load::frontmatter, markdown,
};

/// The site every target reads pages against: one obligation set, one fact of each type.
const SITE_YAML: &str = "title: { ja: 試験, en: Test }\nbase_url: https://example.jp/\nobligations:\n  sets:\n    hub: { ja: 拠点, en: Hubs }\nfacts:\n  amount: { ja: 金額, en: Amount, type: yen }\n  rate: { ja: 補助率, en: Rate, type: rate }\n  period: { ja: 期間, en: Period, type: fiscal_years }\n  day: { ja: 日付, en: Date, type: date }\n  note: { ja: 備考, en: Note, type: text }\n  items: { ja: 対象, en: Items, type: list }\n";

fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| {
        let file = SourceFile {
            path: "site.yaml".into(),
            text: Arc::new(SITE_YAML.to_string()),
        };
        Config::parse(file).expect("the fuzzing site.yaml is valid")
    })
}

/// A whole page file: decoding, front matter, then (when it is valid) the Markdown stages.
pub fn page(data: &[u8]) {
    let Ok(load::Decoded { text, .. }) = load::decode(data, "content/fuzz.md") else {
        return;
    };
    let file = SourceFile {
        path: "content/fuzz.md".into(),
        text: text.into(),
    };
    let Ok(frontmatter::Read { front, body, .. }) = frontmatter::read(&file, config()) else {
        return;
    };
    let doc = Doc {
        source: crate::load::source::held(&file.path, "fuzz.md".into(), file.text.clone()),
        path: file.path,
        key: "fuzz.md".into(),
        lang: Lang::Ja,
        body,
        front,
        parsed: Parsed::default(),
        digest: Default::default(),
    };
    scan_and_render(doc);
}

/// A Markdown body under a fixed, valid front matter: scan (anchors, links, obligation lists),
/// render, and match every obligation item against the others.
pub fn markdown(data: &[u8]) {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let text = format!("---\ntitle: 試験\nkind: guideline\n---\n{body}");
    page(text.as_bytes());
}

fn scan_and_render(mut doc: Doc) {
    let mut ignored = crate::diagnostics::Diagnostics::default();
    let parsed = markdown::scan(&doc, crate::model::config::RawHtml::Safe, &mut ignored);
    doc.parsed = parsed;
    let text = doc.source.held.clone().unwrap_or_default();
    let html = markdown::render(&doc, &text, &|dest| {
        Some(format!("/resolved/{}", dest.len()))
    });
    assert!(!html.contains('\0'), "NUL reached the HTML");
    let canonical: Vec<&str> = doc
        .parsed
        .obligation_lists
        .iter()
        .flat_map(|l| l.items.iter().map(|i| i.text.as_str()))
        .collect();
    for list in &doc.parsed.obligation_lists {
        for item in &list.items {
            obligations::match_item(&item.text, &[0, 1, usize::MAX], &canonical, 0.6);
            if let Some(first) = canonical.first() {
                obligations::diff_html(&obligations::diff(first, &item.text));
            }
        }
    }
}

/// Obligation matching: the input is split at NUL bytes into an item and canonical texts.
pub fn obligations(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\0');
    let item = parts.next().unwrap_or("");
    let canonical: Vec<&str> = parts.take(16).collect();
    let markers: Vec<usize> = data.iter().take(4).map(|&b| usize::from(b % 8)).collect();
    for threshold in [0.0, 0.6, 1.0] {
        for markers in [&[][..], &markers[..]] {
            let result = obligations::match_item(item, markers, &canonical, threshold);
            if let obligations::MatchOutcome::Matched(matches) = result.outcome {
                assert!(matches.iter().all(|m| m.canonical < canonical.len()));
                assert!(matches.iter().all(|m| (0.0..=1.0).contains(&m.similarity)));
            }
        }
    }
    obligations::normalize(item);
    for c in &canonical {
        let s = obligations::similarity(item, c);
        assert!((0.0..=1.0).contains(&s), "similarity {s}");
        let segments = obligations::diff(c, item);
        obligations::diff_html(&segments);
    }
}

/// The 新旧対照表: the input is split at the first NUL byte into the old and the new text; the
/// table is printed in every format and language, and each column must be its text's blocks.
pub fn versions(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (old, new) = text.split_once('\0').unwrap_or((&text, ""));
    let rows = crate::versions::compare(old, new);
    for format in [Format::Md, Format::Html, Format::Csv] {
        for lang in Lang::ALL {
            crate::versions::print(&rows, format, lang, "fuzz");
        }
    }
    let column = |cells: Vec<Option<crate::versions::Cell<'_>>>| -> Vec<String> {
        cells.into_iter().flatten().map(|c| c.text()).collect()
    };
    let blocks = |text: &str| -> Vec<String> {
        let body = crate::versions::blocks::body(text);
        crate::versions::blocks::blocks(body)
            .into_iter()
            .map(|b| b.text)
            .collect()
    };
    assert_eq!(
        column(rows.iter().map(Row::old_cell).collect()),
        blocks(old)
    );
    assert_eq!(
        column(rows.iter().map(Row::new_cell).collect()),
        blocks(new)
    );
}

/// Facts, dates and prefectures: the first byte picks the fact type, the rest is the text.
pub fn facts(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let ty = FactType::ALL[usize::from(pick) % FactType::ALL.len()];
    if let Ok(value) = facts::parse_fact(ty, &text) {
        for lang in Lang::ALL {
            value.display(lang);
        }
        value.to_json();
    }
    let items: Vec<String> = text.split('\n').map(str::to_string).collect();
    facts::parse_list(&items).to_json();
    if let Ok(date) = dates::parse_date(&text) {
        date.iso();
        date.display_ja();
        date.display_en();
        date.sort_key();
    }
    let _ = dates::parse_fiscal_year(&text);
    let _ = prefecture::lookup(&text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fuzzing_site_yaml_is_valid() {
        assert!(config().obligations.sets.contains_key("hub"));
    }

    #[test]
    fn entry_points_take_ordinary_input() {
        page("---\ntitle: A\n---\n## 求められる事項 {.obligations set=hub}\n\n- 会議\n".as_bytes());
        markdown("## 求められる事項 {.obligations set=hub}\n\n- 会議を開く\n- 会議\n".as_bytes());
        obligations("会議を開く\0会議を開くこと\0研修".as_bytes());
        facts("\u{1}１０／１０".as_bytes());
        versions("## 拠点\n\n前記(1)から(4)\0## 拠点\n\n①～④\n\n- 新設".as_bytes());
    }
}
