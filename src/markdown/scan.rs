//! The first pass over a body: what it says (headings and their anchors, links, obligation
//! lists) and what in it would be unsafe to publish.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::anchors::{slugify, IdAllocator, THEME_IDS};
use super::guard::ScriptGuard;
use super::lists::ListReader;
use super::{is_internal, parser};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::model::config::RawHtml;
use crate::model::{Doc, Heading, LinkRef, Parsed};

/// Reads a document's body: headings with their anchors, links, obligation lists; and checks
/// that it publishes nothing that runs code (`raw_html` says what raw HTML may do). What it
/// finds wrong goes to `diags`; the body is read to its end all the same, so its links are
/// checked too.
pub fn scan(doc: &Doc, raw_html: RawHtml, diags: &mut Diagnostics) -> Parsed {
    let file = match doc.text() {
        Ok(text) => SourceFile {
            path: doc.path.clone(),
            text,
        },
        Err(d) => {
            diags.push(d);
            return Parsed::default();
        }
    };
    let (parsed, found) = read_body(doc, &file, raw_html);
    diags.extend(found);
    parsed
}

fn read_body(doc: &Doc, file: &SourceFile, raw_html: RawHtml) -> (Parsed, Vec<Diagnostic>) {
    let base = doc.body.start;
    let mut scanner = Scanner::new(file, raw_html);
    let events = parser(doc.body_of(&file.text));
    scanner
        .guard
        .definitions(events.reference_definitions(), base);
    for (event, range) in events {
        scanner.event(&event, base + range.start..base + range.end);
    }
    scanner.finish()
}

/// The state of one scan: what has been found so far, and what is half read.
struct Scanner<'f> {
    parsed: Parsed,
    diags: Vec<Diagnostic>,
    /// Anchors of headings and obligation items share one namespace per page.
    ids: IdAllocator,
    heading: Option<OpenHeading>,
    lists: ListReader<'f>,
    guard: ScriptGuard<'f>,
}

/// A heading whose text is being collected.
struct OpenHeading {
    level: u8,
    explicit_id: Option<String>,
    start: usize,
    text: String,
    is_obligations: bool,
    set: Option<String>,
}

impl<'f> Scanner<'f> {
    fn new(file: &'f SourceFile, raw_html: RawHtml) -> Self {
        Scanner {
            parsed: Parsed::default(),
            diags: Vec::new(),
            ids: IdAllocator::reserving(THEME_IDS),
            heading: None,
            lists: ListReader::new(file),
            guard: ScriptGuard::new(file, raw_html),
        }
    }

    /// One event, at `span` in the file.
    fn event(&mut self, event: &Event, span: Range<usize>) {
        self.guard.event(event, span.clone());
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => self.heading_started(*level, id.as_deref(), classes, attrs, span.start),
            Event::End(TagEnd::Heading(_)) => self.heading_ended(span.end),
            Event::Start(Tag::List(_)) => self.lists.list_started(),
            Event::End(TagEnd::List(_)) => {
                if let Some(list) = self.lists.list_ended() {
                    self.parsed.obligation_lists.push(list);
                }
            }
            Event::Start(Tag::Item) => self.lists.item_started(span.start),
            Event::End(TagEnd::Item) => {
                self.lists
                    .item_ended(span.end, &mut self.ids, &mut self.diags)
            }
            Event::Start(Tag::Paragraph) => self.lists.paragraph_started(),
            Event::End(TagEnd::Paragraph) => self.lists.paragraph_ended(),
            Event::Start(Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::Table(_)) => {
                self.lists.leave_first_paragraph()
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if is_internal(dest_url) =>
            {
                self.parsed.links.push(LinkRef {
                    dest: dest_url.to_string(),
                    span,
                });
            }
            Event::FootnoteReference(_) => {}
            Event::Start(Tag::FootnoteDefinition(label)) => {
                self.parsed.anchors.push(label.to_string())
            }
            Event::Text(t) | Event::Code(t) => self.text(t),
            Event::SoftBreak | Event::HardBreak => self.lists.text("\n"),
            _ => {}
        }
    }

    fn heading_started(
        &mut self,
        level: HeadingLevel,
        id: Option<&str>,
        classes: &[CowStr],
        attrs: &[(CowStr, Option<CowStr>)],
        start: usize,
    ) {
        let set = attrs
            .iter()
            .find(|(k, _)| k.as_ref() == "set")
            .and_then(|(_, v)| v.as_ref().map(|v| v.to_string()));
        self.heading = Some(OpenHeading {
            level: level as u8,
            explicit_id: id.map(str::to_string),
            start,
            text: String::new(),
            is_obligations: classes.iter().any(|c| c.as_ref() == "obligations"),
            set,
        });
        self.lists.heading_started(&mut self.diags);
    }

    /// The heading is complete: it gets its anchor, and an obligations heading opens a list.
    fn heading_ended(&mut self, end: usize) {
        let Some(OpenHeading {
            level,
            explicit_id,
            start,
            text,
            is_obligations,
            set,
        }) = self.heading.take()
        else {
            return;
        };
        let id = match explicit_id {
            Some(id) => self.ids.explicit(&id),
            None => self.ids.derived(&slugify(&text)),
        };
        self.parsed.headings.push(Heading {
            level,
            id,
            text: text.trim().to_string(),
            offset: start,
        });
        if is_obligations {
            self.lists
                .obligations_heading(set, start..end, &mut self.diags);
        }
    }

    fn text(&mut self, t: &str) {
        if let Some(h) = self.heading.as_mut() {
            h.text.push_str(t);
        }
        self.lists.text(t);
    }

    fn finish(mut self) -> (Parsed, Vec<Diagnostic>) {
        self.lists.finish(&mut self.diags);
        self.parsed.anchors.extend(self.ids.into_used());
        self.diags.extend(self.guard.into_diagnostics());
        (self.parsed, self.diags)
    }
}
