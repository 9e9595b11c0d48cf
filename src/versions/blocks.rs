//! The blocks of a Markdown text, as a reader sees them: headings, paragraphs, list items,
//! table rows and code blocks, each as plain text with its kind.
//!
//! A block is the unit of a 新旧対照表 row, so it is as small as a reader would cite: one list
//! item (not the whole list), one table row (not the whole table). Markup is dropped (emphasis,
//! links, heading attributes, obligation markers `{#hub-3}`), because the table compares wording;
//! the number of an ordered list item stays, because readers see it and cite it.
//!
//! The parser is the pages' own ([`crate::markdown::options`]), so a block here is a block on
//! the site.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::markdown::split_marker;

/// What kind of block a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// A heading of level 1 to 6.
    Heading(u8),
    Paragraph,
    ListItem,
    /// A row of a table, its cells joined with ` | ` (the header row included).
    TableRow,
    /// A fenced or indented code block, its lines as written.
    Code,
}

/// One block: its kind and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// What a reader sees: the list number (`3.`) included.
    pub text: String,
    /// The text without the list number: what decides whether two blocks are the same block
    /// reworded, so that renumbering alone never makes two items look unrelated.
    pub body: String,
}

impl Block {
    fn new(kind: BlockKind, number: Option<&str>, body: String) -> Self {
        let text = match number {
            Some(n) => format!("{n} {body}"),
            None => body.clone(),
        };
        Block { kind, text, body }
    }
}

/// The Markdown body of a page or any Markdown file: front matter, when the text opens with a
/// closed one, is left out without being read (a file from another tool may hold anything there).
pub fn body(text: &str) -> &str {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    crate::load::frontmatter::body_of(text).unwrap_or(text)
}

/// The blocks of a Markdown body, in order; blocks without text are left out.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut reader = Reader::default();
    for event in Parser::new_ext(markdown, crate::markdown::options()) {
        reader.event(event);
    }
    reader.finish();
    reader.blocks
}

/// A block whose text is being collected.
struct Open {
    kind: BlockKind,
    number: Option<String>,
    text: String,
    /// A line break inside a paragraph is pending: joined as a space only between two ASCII
    /// characters, since Japanese lines are broken inside words.
    soft_break: bool,
    cells: usize,
}

impl Open {
    fn new(kind: BlockKind, number: Option<String>) -> Self {
        Open {
            kind,
            number,
            text: String::new(),
            soft_break: false,
            cells: 0,
        }
    }
}

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    open: Option<Open>,
    /// For each open list, the number of its next item (`None` for a bullet list).
    lists: Vec<Option<u64>>,
}

impl Reader {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) => self.push(&text),
            Event::Html(html) => self.push_html_block(&html),
            Event::InlineHtml(html) if is_line_break(&html) => self.push("\n"),
            Event::SoftBreak => {
                if let Some(open) = &mut self.open {
                    open.soft_break = true;
                }
            }
            Event::HardBreak => self.push("\n"),
            Event::FootnoteReference(label) => self.push(&format!("[^{label}]")),
            Event::TaskListMarker(done) => self.push(if done { "[x] " } else { "[ ] " }),
            Event::Rule => self.finish(),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => self.open(BlockKind::Heading(level as u8), None),
            // A paragraph inside a list item (a loose list) is the item's text.
            Tag::Paragraph => match &mut self.open {
                Some(open) if open.kind == BlockKind::ListItem => {
                    if !open.text.trim().is_empty() {
                        open.text.push('\n');
                    }
                    open.soft_break = false;
                }
                _ => self.open(BlockKind::Paragraph, None),
            },
            Tag::List(first) => {
                self.finish();
                self.lists.push(first);
            }
            Tag::Item => {
                let number = self.lists.last_mut().and_then(|next| {
                    let n = (*next)?;
                    *next = Some(n.saturating_add(1));
                    Some(format!("{n}."))
                });
                self.open(BlockKind::ListItem, number);
            }
            Tag::CodeBlock(_) => self.open(BlockKind::Code, None),
            Tag::TableHead | Tag::TableRow => self.open(BlockKind::TableRow, None),
            Tag::TableCell => {
                if let Some(open) = &mut self.open {
                    if open.cells > 0 {
                        open.text.push_str(" | ");
                    }
                    open.cells += 1;
                }
            }
            Tag::HtmlBlock | Tag::BlockQuote(_) | Tag::FootnoteDefinition(_) | Tag::Table(_) => {
                self.finish()
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            // A paragraph inside a list item ends with the item, not here.
            TagEnd::Paragraph if self.open_kind() == Some(BlockKind::Paragraph) => self.finish(),
            TagEnd::List(_) => {
                self.finish();
                self.lists.pop();
            }
            TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::CodeBlock
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::HtmlBlock
            | TagEnd::BlockQuote(_)
            | TagEnd::FootnoteDefinition => self.finish(),
            _ => {}
        }
    }

    fn open_kind(&self) -> Option<BlockKind> {
        self.open.as_ref().map(|o| o.kind)
    }

    fn open(&mut self, kind: BlockKind, number: Option<String>) {
        self.finish();
        self.open = Some(Open::new(kind, number));
    }

    /// Appends text to the open block; text outside any block (after a nested list, inside the
    /// same item) starts a paragraph of its own.
    fn push(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let open = self
            .open
            .get_or_insert_with(|| Open::new(BlockKind::Paragraph, None));
        if std::mem::take(&mut open.soft_break) {
            let before = open.text.chars().next_back();
            let after = text.chars().next();
            if before.is_some_and(|c| c.is_ascii() && !c.is_whitespace())
                && after.is_some_and(|c| c.is_ascii())
            {
                open.text.push(' ');
            }
        }
        open.text.push_str(text);
    }

    /// Raw HTML written as a block is shown as written: it is what the author typed.
    fn push_html_block(&mut self, html: &str) {
        if self.open.is_none() {
            self.open(BlockKind::Paragraph, None);
        }
        self.push(html);
    }

    fn finish(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let body = match open.kind {
            BlockKind::Code => open.text.trim_end_matches('\n').to_string(),
            BlockKind::ListItem => split_marker(open.text.trim()).0.trim().to_string(),
            _ => open.text.trim().to_string(),
        };
        if !body.trim().is_empty() {
            self.blocks
                .push(Block::new(open.kind, open.number.as_deref(), body));
        }
    }
}

/// `<br>`, `<br/>`, `<br />` in any case: the one inline tag that changes the text's layout.
fn is_line_break(html: &str) -> bool {
    let tag: String = html
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    matches!(tag.as_str(), "<br>" | "<br/>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_and_texts(markdown: &str) -> Vec<(BlockKind, String)> {
        blocks(markdown)
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn each_kind_of_block_is_read_as_plain_text() {
        let md = "# 在宅医療 {#home}\n\n会議を**定期的に**開催し、\n[課題](https://example.jp)を抽出する。\n\n- 退院支援\n- 看取り {#hub-4}\n\n3. 急変時\n4. 日常\n\n| 項目 | 額 |\n|---|---|\n| 基準額 | 3,000千円 |\n\n```\nlet a = 1;\n```\n";
        assert_eq!(
            kinds_and_texts(md),
            vec![
                (BlockKind::Heading(1), "在宅医療".into()),
                (
                    BlockKind::Paragraph,
                    "会議を定期的に開催し、課題を抽出する。".into()
                ),
                (BlockKind::ListItem, "退院支援".into()),
                (BlockKind::ListItem, "看取り".into()),
                (BlockKind::ListItem, "3. 急変時".into()),
                (BlockKind::ListItem, "4. 日常".into()),
                (BlockKind::TableRow, "項目 | 額".into()),
                (BlockKind::TableRow, "基準額 | 3,000千円".into()),
                (BlockKind::Code, "let a = 1;".into()),
            ]
        );
    }

    #[test]
    fn lines_join_with_a_space_only_between_latin_words() {
        assert_eq!(
            kinds_and_texts("home\ncare 在宅\n医療")[0].1,
            "home care 在宅医療"
        );
    }

    #[test]
    fn the_list_number_is_text_but_not_body() {
        let b = &blocks("2. 会議")[0];
        assert_eq!((b.text.as_str(), b.body.as_str()), ("2. 会議", "会議"));
    }

    #[test]
    fn nested_lists_and_loose_items_give_one_block_per_item() {
        let md = "- 親\n\n  続き\n  - 子\n- 次\n";
        assert_eq!(
            kinds_and_texts(md),
            vec![
                (BlockKind::ListItem, "親\n続き".into()),
                (BlockKind::ListItem, "子".into()),
                (BlockKind::ListItem, "次".into()),
            ]
        );
    }

    #[test]
    fn front_matter_is_skipped_unread() {
        assert_eq!(body("---\ntitle: [broken\n---\n本文\n"), "本文\n");
        assert_eq!(body("本文\n"), "本文\n");
        assert_eq!(body("---\nnot closed\n"), "---\nnot closed\n");
    }
}
