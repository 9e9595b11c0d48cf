//! Parse stage: what a page's Markdown says (headings and their anchors, links, obligation lists),
//! and the rendering of a body to HTML once links are resolved.
//!
//! Both passes run pulldown-cmark over the same text with the same options, so positions found by
//! [`scan`] (byte offsets in the file) identify the same events again in [`render`].
//!
//! [`scan`] is the first pass (scan.rs): a `Scanner` reads the events once and hands each concern
//! to its own part: heading anchors (anchors.rs), obligation lists (lists.rs) and the check for
//! anything that would run code (guard.rs). [`render`] is the second pass (render.rs): a
//! `Renderer` turns the events into HTML, and the text in them into glossary links and
//! `lang="ja"` runs (marks.rs). Code blocks are highlighted by [`highlight`].

pub mod highlight;

mod anchors;
mod guard;
mod lists;
mod marks;
mod render;
mod scan;
#[cfg(test)]
mod tests;

pub use anchors::slugify;
pub use lists::{split_full_marker, split_marker, Marker};
pub use marks::TermLinks;
pub use render::{render, render_observed, replace_controls};
pub use scan::scan;

use pulldown_cmark::{Options, Parser};

use crate::text::language::push_escaped;

/// The Markdown dialect of pages: every reader of a body (the stages here, the 新旧対照表 of
/// [`crate::versions`]) parses with these options, so all see the same blocks.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_TASKLISTS
}

/// The events of a document's Markdown body, with their offsets in the body.
fn parser(body: &str) -> pulldown_cmark::OffsetIter<'_, pulldown_cmark::DefaultBrokenLinkCallback> {
    Parser::new_ext(body, options()).into_offset_iter()
}

/// Links shishin checks and rewrites: `@/a.md`, `@ob:hub-3` and plain paths, not external ones
/// (`https:`, `mailto:`, `//host`; see [`crate::urls::is_external`]).
fn is_internal(dest: &str) -> bool {
    !dest.is_empty() && !crate::urls::is_external(dest)
}

/// Text escaped for HTML element content or an attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    push_escaped(s, &mut out);
    out
}
