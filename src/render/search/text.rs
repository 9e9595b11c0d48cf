//! The text a reader sees in a page's rendered body, which is what the index holds.
//!
//! A page's text is collected from the Markdown events as they are written ([`VisibleText`], fed
//! by `markdown::render_observed`), not by scanning the finished HTML again: the same text, at a
//! fraction of the work. [`html_text`] reads the raw HTML among those events (the author's, and
//! the markup shishin writes itself: highlighted code, glossary links, obligation items).

use std::collections::HashMap;

use pulldown_cmark::{Event, Tag, TagEnd};

/// The visible text of a body, collected from the events its HTML is written from. What it
/// yields is what [`html_text`] finds in that HTML: text events as they are, raw HTML through
/// `html_text`, a space where the HTML has a block boundary or a line break, nothing from an
/// image's alt text (an attribute), and the numbers `push_html` gives footnotes.
#[derive(Default)]
pub struct VisibleText {
    out: String,
    /// Raw HTML events in a row: read together, since one tag may span several.
    html: String,
    /// Inside an image: its alt text is an attribute, not text.
    images: usize,
}

impl VisibleText {
    /// One chunk of events, as one `push_html` writes it.
    pub fn chunk<'e>(&mut self, events: &'e [Event<'e>]) {
        // push_html numbers footnotes by first appearance, afresh for each chunk.
        let mut numbers: HashMap<&'e str, usize> = HashMap::new();
        let mut number = |name: &'e str| {
            let next = numbers.len() + 1;
            *numbers.entry(name).or_insert(next)
        };
        for event in events {
            if !matches!(event, Event::Html(_) | Event::InlineHtml(_)) {
                self.flush_html();
            }
            if self.images > 0 {
                match event {
                    Event::Start(Tag::Image { .. }) => self.images += 1,
                    Event::End(TagEnd::Image) => self.images -= 1,
                    _ => {}
                }
                continue;
            }
            match event {
                Event::Html(h) | Event::InlineHtml(h) => self.html.push_str(h),
                Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                    self.out.push_str(t)
                }
                Event::SoftBreak | Event::HardBreak | Event::Rule | Event::TaskListMarker(_) => {
                    self.out.push(' ')
                }
                Event::FootnoteReference(name) => {
                    self.out.push_str(&number(name).to_string());
                }
                Event::Start(Tag::Image { .. }) => self.images = 1,
                Event::Start(Tag::FootnoteDefinition(name)) => {
                    self.out.push(' ');
                    self.out.push_str(&number(name).to_string());
                }
                Event::Start(tag) if breaks_start(tag) => self.out.push(' '),
                Event::End(tag) if breaks_end(*tag) => self.out.push(' '),
                Event::Start(_) | Event::End(_) => {}
            }
        }
        self.flush_html();
    }

    /// The text collected, with the control characters the HTML shows as U+FFFD replaced alike.
    pub fn finish(mut self) -> String {
        self.flush_html();
        crate::markdown::replace_controls(self.out)
    }

    fn flush_html(&mut self) {
        if !self.html.is_empty() {
            self.out.push_str(&html_text(&self.html));
            self.html.clear();
        }
    }
}

/// Start tags whose HTML is a block boundary or is followed by a line break.
fn breaks_start(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::HtmlBlock
            | Tag::MetadataBlock(_)
    )
}

/// End tags likewise.
fn breaks_end(tag: TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::HtmlBlock
            | TagEnd::MetadataBlock(_)
    )
}

/// The text a reader sees in rendered body HTML: tags dropped, block ends as spaces, the entities
/// the Markdown renderer writes decoded.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_decoded(&mut out, &rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            rest = &rest[lt..];
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        if let Some(skipped) = skip_element(tag, rest) {
            rest = skipped;
            continue;
        }
        if is_block_boundary(tag) {
            out.push(' ');
        }
    }
    push_decoded(&mut out, rest);
    out
}

/// Elements whose content is not text for the reader: raw HTML scripts and styles.
fn skip_element<'h>(tag: &str, rest: &'h str) -> Option<&'h str> {
    let name = tag_name(tag);
    let end = ["script", "style", "template"]
        .into_iter()
        .find(|n| n.eq_ignore_ascii_case(name))?;
    let close = format!("</{end}>");
    Some(rest.find(&close).map_or("", |i| &rest[i + close.len()..]))
}

fn tag_name(tag: &str) -> &str {
    tag.trim_start_matches('/')
        .split(|c: char| c.is_whitespace() || c == '/')
        .next()
        .unwrap_or("")
}

fn is_block_boundary(tag: &str) -> bool {
    const BLOCKS: [&str; 20] = [
        "p",
        "br",
        "li",
        "td",
        "th",
        "tr",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "dt",
        "dd",
        "section",
        "figcaption",
        "hr",
    ];
    let name = tag_name(tag);
    BLOCKS.iter().any(|b| b.eq_ignore_ascii_case(name))
}

fn push_decoded(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest
            .find(';')
            .filter(|&semi| semi <= 10)
            .and_then(|semi| decode_entity(&rest[1..semi]).map(|c| (c, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn decode_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;
    use crate::model::config::RawHtml;
    use crate::model::{Doc, FrontMatter, Kind, Lang};
    use crate::render::search::normalize;

    fn doc(body: &str, lang: Lang) -> Doc {
        let head = "---\ntitle: t\n---\n";
        let text = format!("{head}{body}");
        let mut doc = Doc {
            path: "content/a.md".into(),
            source: crate::load::source::held("content/a.md", "a.md".into(), text.clone().into()),
            key: "a.md".into(),
            lang,
            body: head.len()..text.len(),
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
            parsed: Default::default(),
            digest: Default::default(),
        };
        let mut diags = Diagnostics::default();
        doc.parsed = crate::markdown::scan(&doc, RawHtml::Trusted, &mut diags);
        doc
    }

    /// The body's HTML, and its visible text as the search index gets it.
    fn rendered(body: &str, lang: Lang) -> (String, String) {
        let doc = doc(body, lang);
        let mut text = VisibleText::default();
        let source = doc.text().unwrap();
        let html = crate::markdown::render_observed(
            &doc,
            &source,
            &|_| Some("/zaitaku/b/".into()),
            None,
            &mut |events| text.chunk(events),
        );
        (html, normalize(&text.finish()))
    }

    #[test]
    fn text_collected_while_rendering_is_the_text_of_the_html() {
        let long_list: String = (0..400)
            .map(|i| format!("- 項目{i}[^n{}]\n", i % 3))
            .collect();
        let bodies = [
            "# 見出し {#h}\n\n急変時の*対応*と**連携**。\n次の行\\\n改行の後\n\n---\n\n> 引用 `code` と `3,000千円`",
            "| 項目 | 値 |\n|---|---:|\n| 補助率 | 2/3 |\n| A&B | <x> |\n\n本文",
            "- [ ] 未了\n- [x] 済み\n\n1. 一\n2. 二\n\n3. 三\n",
            "画像 ![代替 *テキスト*](a.png \"題\") の後。[リンク](@/b.md)と[外部](https://example.jp)",
            "脚注[^1]と再び[^1]、別の[^b]。\n\n[^1]: 一つ目の注。\n[^b]: 二つ目。\n",
            "```yaml\nkey: \"値\" # <注> & 'x'\n```\n\n    indented <code>\n\n後",
            "<div class=\"box\"\n  data-x=\"1\">\n<p>生の&amp;HTML&#x2014;<b>太字</b></p>\n</div>\n\n文中の<span>インライン</span>HTML",
            "制御\u{1}文字と&copy;と&unknown;と\u{a0}空白",
            "Home care in 在宅医療 and ACP.\n\nNext paragraph.",
            &long_list,
        ];
        for body in bodies {
            for lang in Lang::ALL {
                let (html, text) = rendered(body, lang);
                assert_eq!(text, normalize(&html_text(&html)), "{body}\n{html}");
            }
        }
    }

    #[test]
    fn alt_text_and_markup_are_not_text() {
        let (_, text) = rendered("前 ![代替](a.png) 後 <span class=\"x\">中</span>", Lang::Ja);
        assert_eq!(text, "前 後 中");
    }

    #[test]
    fn html_text_keeps_what_the_reader_sees() {
        let html = "<h2 id=\"a\">急変時の<em>対応</em></h2>\n<p>A &amp; B&nbsp;&lt;C&gt; &#x2014; &#12354;<br>next</p><ul><li>one</li><li>two</li></ul><script>var x = '<p>';</script><p>note</p>";
        let text = normalize(&html_text(html));
        assert_eq!(text, "急変時の対応 A & B <C> — あ next one two note");
    }

    #[test]
    fn a_stray_ampersand_or_bracket_stays_text() {
        assert_eq!(html_text("a & b &unknown; c"), "a & b &unknown; c");
        assert_eq!(html_text("x <unclosed"), "x <unclosed");
    }
}
