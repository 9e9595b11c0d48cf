//! The check that a body publishes nothing that runs code (SPEC §12), run on the events of the
//! scan as they come.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use crate::diagnostics::{Diagnostic, SourceFile};
use crate::messages::Text;
use crate::model::config::RawHtml;
use crate::msg;

/// Finds what in a body would run code once published (SPEC §12): script and non-image `data:`
/// URLs in links, images, autolinks and reference definitions, and raw HTML outside the
/// allowlist of [`crate::text::safety`] unless the site trusts its authors' HTML. Each is an error at
/// its line, so nothing is dropped silently.
pub(super) struct ScriptGuard<'f> {
    file: &'f SourceFile,
    raw_html: RawHtml,
    /// The HTML block being read: its lines are checked together, as a tag may span them.
    block: Option<HtmlFragment>,
    diags: Vec<Diagnostic>,
}

/// Raw HTML text with, for each piece of it, where that piece is in the file.
#[derive(Default)]
struct HtmlFragment {
    text: String,
    /// (offset in `text`, range in the file, whether the file holds the piece byte for byte).
    pieces: Vec<(usize, Range<usize>, bool)>,
}

impl HtmlFragment {
    fn push(&mut self, piece: &str, span: Range<usize>, file: &SourceFile) {
        let exact = file.text.get(span.clone()) == Some(piece);
        self.pieces.push((self.text.len(), span, exact));
        self.text.push_str(piece);
    }

    /// Where a byte offset of `text` is in the file.
    fn source_offset(&self, at: usize) -> usize {
        let piece = self.pieces.iter().rev().find(|(start, ..)| *start <= at);
        match piece {
            Some((start, span, true)) => span.start + (at - start),
            Some((_, span, false)) => span.start,
            None => 0,
        }
    }
}

impl<'f> ScriptGuard<'f> {
    pub(super) fn new(file: &'f SourceFile, raw_html: RawHtml) -> Self {
        ScriptGuard {
            file,
            raw_html,
            block: None,
            diags: Vec::new(),
        }
    }

    /// `[label]: url` lines; links that use them are not checked again.
    pub(super) fn definitions(&mut self, defs: &pulldown_cmark::RefDefs, base: usize) {
        for (_, def) in defs.iter() {
            let span = base + def.span.start..base + def.span.end;
            self.url(&def.dest, span, msg!("what-link-definition-address"));
        }
    }

    pub(super) fn event(&mut self, event: &Event, span: Range<usize>) {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) if written_in_place(*link_type) => {
                self.url(dest_url, span, msg!("what-link-address"))
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                ..
            }) if written_in_place(*link_type) => {
                self.url(dest_url, span, msg!("what-image-address"))
            }
            _ if self.raw_html == RawHtml::Trusted => {}
            Event::Start(Tag::HtmlBlock) => self.block = Some(HtmlFragment::default()),
            Event::Html(html) => match self.block.as_mut() {
                Some(block) => block.push(html, span, self.file),
                None => self.inline_html(html, span),
            },
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(block) = self.block.take() {
                    self.html(&block);
                }
            }
            Event::InlineHtml(html) => self.inline_html(html, span),
            _ => {}
        }
    }

    /// What was found, once the body has been read.
    pub(super) fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diags
    }

    fn url(&mut self, url: &str, span: Range<usize>, what: Text) {
        let Some(problem) = crate::text::safety::unsafe_url(url) else {
            return;
        };
        // Point at the URL itself when it is written as it reads (not entity-encoded).
        let written = self.file.text.get(span.clone()).unwrap_or("");
        let span = match written.find(url.trim()) {
            Some(i) if !url.trim().is_empty() => span.start + i..span.start + i + url.trim().len(),
            _ => span,
        };
        self.diags.push(
            Diagnostic::error(msg!(
                "value-is-unsafe",
                what = what,
                problem = problem.problem()
            ))
            .at(self.file, span)
            .hint(problem.hint()),
        );
    }

    fn inline_html(&mut self, html: &str, span: Range<usize>) {
        let mut fragment = HtmlFragment::default();
        fragment.push(html, span, self.file);
        self.html(&fragment);
    }

    fn html(&mut self, fragment: &HtmlFragment) {
        for found in crate::text::safety::check_html(&fragment.text) {
            let start = fragment.source_offset(found.range.start);
            let end = start + found.range.len();
            self.diags.push(
                Diagnostic::error(found.message)
                    .at(self.file, start..end)
                    .hint(found.hint),
            );
        }
    }
}

/// Links whose URL is written where the link is; the others use a reference definition, which
/// is checked once, where it is written.
fn written_in_place(link_type: LinkType) -> bool {
    matches!(
        link_type,
        LinkType::Inline | LinkType::Autolink | LinkType::Email
    )
}
