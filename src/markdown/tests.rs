use super::*;
use crate::diagnostics::Diagnostics;
use crate::guidance::obligations::ObligationId;
use crate::model::config::RawHtml;
use crate::model::{Doc, FrontMatter, Kind, Lang, Parsed};

pub(crate) fn doc(body: &str) -> Doc {
    let text = format!("---\ntitle: t\n---\n{body}");
    let start = "---\ntitle: t\n---\n".len();
    Doc {
        path: "content/a.md".into(),
        source: crate::load::source::held("content/a.md", "a.md".into(), text.clone().into()),
        key: "a.md".into(),
        lang: Lang::Ja,
        body: start..text.len(),
        front: FrontMatter {
            title: "t".into(),
            description: None,
            kind: Kind::Page,
            prefecture: None,
            date: None,
            updated: None,
            source: None,
            draft: false,
            weight: 0,
            facts: vec![],
            translated_from: None,
            supersedes: None,
            tags: vec![],
            slug: None,
            extra: serde_json::Value::Null,
        },
        parsed: Parsed::default(),
        digest: Default::default(),
    }
}

pub(super) fn scanned(body: &str) -> Doc {
    let mut d = doc(body);
    let mut diags = Diagnostics::default();
    let parsed = scan(&d, RawHtml::Safe, &mut diags);
    assert!(diags.is_empty(), "{diags:?}");
    d.parsed = parsed;
    d
}

#[test]
fn nul_becomes_the_replacement_character() {
    let d = scanned("a\0b `c\0d`\n\n```\ne\0f\n```\n");
    let html = render(&d, &d.text().unwrap(), &|_| None);
    assert!(!html.contains('\0'), "{html:?}");
    assert!(html.contains("a\u{FFFD}b"), "{html}");
    assert!(html.contains("c\u{FFFD}d"), "{html}");
}

#[test]
fn other_control_characters_become_the_replacement_character() {
    let d = scanned("a\u{1}b\u{7f}c\td\u{c}e\n");
    let html = render(&d, &d.text().unwrap(), &|_| None);
    assert!(html.contains("a\u{FFFD}b\u{FFFD}c\td\u{c}e"), "{html:?}");
}

fn errors(body: &str, raw_html: RawHtml) -> Diagnostics {
    let mut diags = Diagnostics::default();
    scan(&doc(body), raw_html, &mut diags);
    diags
}

#[test]
fn script_urls_in_links_images_autolinks_and_definitions_are_errors() {
    for (body, at) in [
        ("[x](javascript:alert(1))\n", "content/a.md:4:5"),
        ("a [x](JaVaScRiPt:alert(1))\n", "content/a.md:4:7"),
        ("![i](data:text/html,x)\n", "content/a.md:4:6"),
        (
            "![i](data:image/svg+xml;base64,PHN2Zz4=)\n",
            "content/a.md:4:6",
        ),
        ("<javascript:alert(1)>\n", "content/a.md:4:2"),
        ("[x][r]\n\n[r]: vbscript:msgbox\n", "content/a.md:6:6"),
        ("[x](<java\tscript:alert(1)>)\n", "content/a.md:4:6"),
        ("[x](&#106;avascript:alert(1))\n", "content/a.md:4:1"),
    ] {
        let diags = errors(body, RawHtml::Safe);
        assert_eq!(diags.len(), 1, "{body}: {diags:?}");
        assert_eq!(diags[0].location(), at, "{body}");
        assert!(diags[0].is_error());
        // Trusting raw HTML does not make script URLs in Markdown acceptable.
        assert_eq!(errors(body, RawHtml::Trusted).len(), 1, "{body}");
    }
}

#[test]
fn raster_data_images_and_ordinary_links_pass() {
    let body = "![地図](data:image/png;base64,iVBORw0KGgo=) [a](https://ex.jp) [b](@/b.md) <https://ex.jp>\n";
    assert!(errors(body, RawHtml::Safe).is_empty());
}

#[test]
fn raw_html_outside_the_allowlist_is_an_error_at_its_line() {
    let body = "本文<span onclick=\"x()\">a</span>\n\n<div>\n<script>alert(1)</script>\n</div>\n\n<iframe src=x></iframe>\n";
    let diags = errors(body, RawHtml::Safe);
    let found: Vec<(String, &str)> = diags
        .iter()
        .map(|d| (d.location(), d.source_line().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "content/a.md:4:9".to_string(),
                "本文<span onclick=\"x()\">a</span>"
            ),
            ("content/a.md:6:1".to_string(), "<div>"),
            ("content/a.md:7:1".to_string(), "<script>alert(1)</script>"),
            ("content/a.md:10:1".to_string(), "<iframe src=x></iframe>"),
        ]
    );
    assert!(
        diags[0].message.contains("`onclick`"),
        "{}",
        diags[0].message
    );
    assert!(
        diags[2].message.contains("`<script>`"),
        "{}",
        diags[2].message
    );
    assert!(errors(body, RawHtml::Trusted).is_empty());
}

#[test]
fn a_tag_spread_over_lines_of_an_html_block_is_read_whole() {
    let body = "<span\n  lang=\"ja\"\n  style=\"color:red\">a</span>\n";
    let diags = errors(body, RawHtml::Safe);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].location(), "content/a.md:6:3");
}

#[test]
fn allowed_raw_html_passes_and_is_rendered() {
    let body = "<ruby>在宅<rp>(</rp><rt>ざいたく</rt><rp>)</rp></ruby>医療<br>\nx<sup>1</sup> <span lang=\"en\">home</span> <!-- note -->\n";
    assert!(errors(body, RawHtml::Safe).is_empty());
    let d = scanned(body);
    let html = render(&d, &d.text().unwrap(), &|_| None);
    assert!(html.contains("<rt>ざいたく</rt>"), "{html}");
    assert!(html.contains("<span lang=\"en\">home</span>"), "{html}");
}

#[test]
fn japanese_heading_anchors_are_kept_and_deduplicated() {
    let d = scanned(
        "## 急変時の対応\n\n## 急変時の対応\n\n## 1. Goals & aims\n\n## 「看取り」・ACP {#acp}\n",
    );
    let ids: Vec<&str> = d.parsed.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(
        ids,
        ["急変時の対応", "急変時の対応-1", "1-goals--aims", "acp"]
    );
    let html = render(&d, &d.text().unwrap(), &|_| None);
    assert!(html.contains("<h2 id=\"急変時の対応-1\">"), "{html}");
    assert!(html.contains("<h2 id=\"acp\">"), "{html}");
}

#[test]
fn obligation_list_items_text_detail_and_anchors() {
    let d = scanned(
        "## 求められる事項 {.obligations set=hub}\n\n- 会議を定期的に開催\n  すること\n  - 市町村事業: (ア)(オ)\n  - 予算上限: 1拠点あたり3,536千円\n- 調整を行うこと {#hub-3 #hub-4}\n\n段落\n\n- 別のリスト\n",
    );
    let list = &d.parsed.obligation_lists[0];
    assert_eq!(list.set, "hub");
    assert_eq!(list.items.len(), 2);
    assert_eq!(list.items[0].id, "hub-1");
    assert_eq!(list.items[0].text, "会議を定期的に開催すること");
    assert_eq!(
        list.items[0].detail,
        "市町村事業: (ア)(オ)\n予算上限: 1拠点あたり3,536千円"
    );
    assert_eq!(list.items[1].markers, ["hub-3", "hub-4"]);
    assert_eq!(list.items[1].text, "調整を行うこと");
    let html = render(&d, &d.text().unwrap(), &|_| None);
    assert!(
        html.contains("<li id=\"hub-1\" class=\"obligation\">"),
        "{html}"
    );
    assert!(
        html.contains("<h2 id=\"求められる事項\" class=\"obligations\" data-set=\"hub\">"),
        "{html}"
    );
    assert!(
        !html.contains("{#hub-3"),
        "marker must not be rendered: {html}"
    );
    assert!(
        html.contains("<ul class=\"obligation-list\" data-set=\"hub\">"),
        "{html}"
    );
}

#[test]
fn loose_obligation_lists_take_the_first_paragraph() {
    let d =
        scanned("### 事項 {.obligations set=active}\n\n1. 一つ目\n\n   詳細の段落\n\n2. 二つ目\n");
    let items = &d.parsed.obligation_lists[0].items;
    assert_eq!(items[0].text, "一つ目");
    assert_eq!(items[0].detail, "詳細の段落");
    assert_eq!(items[1].id, "active-2");
}

#[test]
fn obligation_heading_without_set_is_an_error() {
    let d = doc("## 事項 {.obligations}\n\n- a\n");
    let mut diags = Diagnostics::default();
    scan(&d, RawHtml::Safe, &mut diags);
    assert!(diags[0].message.contains("no `set`"));
    assert_eq!(diags[0].location(), "content/a.md:4:1");
}

#[test]
fn internal_links_are_found_and_rewritten() {
    let d = scanned("[a](@/b.md#x) [b](https://ex.jp) [c](../c/) [d](@ob:hub-2) ![i](map.png)\n");
    let dests: Vec<&str> = d.parsed.links.iter().map(|l| l.dest.as_str()).collect();
    assert_eq!(dests, ["@/b.md#x", "../c/", "@ob:hub-2", "map.png"]);
    let html = render(&d, &d.text().unwrap(), &|dest| Some(format!("/R{dest}")));
    assert!(html.contains("href=\"/R@/b.md#x\""));
    assert!(html.contains("href=\"https://ex.jp\""));
}

#[test]
fn code_is_highlighted_with_classes_and_tables_wrapped() {
    let d = scanned("```rust\nfn main() {}\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    let html = render(&d, &d.text().unwrap(), &|_| None);
    assert!(html.contains("<pre class=\"code\""), "{html}");
    assert!(html.contains("<span class="), "{html}");
    assert!(!html.contains("style="), "{html}");
    assert!(
        html.contains(
            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"表1\"><table>"
        ),
        "{html}"
    );
}

#[test]
fn markers_and_ids() {
    assert_eq!(split_marker("x {#hub-1}"), ("x", vec!["hub-1".to_string()]));
    assert_eq!(split_marker("x {not}"), ("x {not}", vec![]));
    assert!(ObligationId::parse("hub-3").is_some());
    assert!(ObligationId::parse("hub").is_none());
    assert!(ObligationId::parse("hub-0").is_none());
}
