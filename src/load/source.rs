//! A document's text after the parse stage. The preview keeps every page's text in memory: an
//! edit reads one file again, and its fast paths compare texts. A build reads each file once to
//! parse it and leaves the text in the file ([`Doc::leave_text_in_file`]): the text of 100,000
//! pages (hundreds of megabytes) would otherwise stay in memory to the end, though only the
//! render stage, and a few messages, read it again.
//!
//! What is read again is checked against the digest of what was parsed ([`digest`]): every
//! offset the parse stage found points into that text, and a page rendered from another text
//! would mix two versions. A file changed during the build is an error that says so, and the
//! build publishes nothing (SPEC §12).

use std::sync::Arc;

use crate::diagnostics::{Diagnostic, SourceFile};
use crate::model::{Doc, Source};
use crate::msg;

/// The digest of a file's path below the site and its text: what a document is known by between
/// builds (the caches) and within one (its text read again).
pub fn digest(path: &str, text: &str) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&(path.len() as u64).to_le_bytes());
    h.update(path.as_bytes());
    h.update(text.as_bytes());
    h.digest128()
}

/// The source of the text `text` of the file `file` (shown as `path`), held in memory.
pub fn held(path: &str, file: std::path::PathBuf, text: Arc<String>) -> Source {
    Source {
        hash: digest(path, &text),
        file,
        held: Some(text),
    }
}

impl Doc {
    /// The whole text of the file, as parsed: held, or read again and checked.
    pub fn text(&self) -> Result<Arc<String>, Diagnostic> {
        if let Some(text) = &self.source.held {
            return Ok(text.clone());
        }
        let text = super::read_listed_text(&self.source.file, &self.path)?.text;
        if digest(&self.path, &text) != self.source.hash {
            return Err(Diagnostic::error(msg!("file-changed", path = &self.path))
                .in_file(&self.path)
                .hint(msg!("file-changed-hint")));
        }
        Ok(Arc::new(text))
    }

    /// The file for a message that shows a line of it. When its text cannot be read as parsed
    /// any more, the message names the file without the line.
    pub fn file(&self) -> SourceFile {
        SourceFile {
            path: self.path.clone(),
            text: self.text().unwrap_or_default(),
        }
    }

    /// The Markdown body of `text`, this document's whole text.
    pub fn body_of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.body.clone()]
    }

    /// Lets go of the text once the document is parsed: a build's later stages read it again
    /// from the file when they need it. The digest translations compare is made first, as it is
    /// asked for every Japanese page of a site with translations.
    pub fn leave_text_in_file(&mut self) {
        if self.lang == crate::model::Lang::Ja {
            self.body_digest();
        }
        self.source.held = None;
    }

    /// The digest translations record in `translated_from` (see [`crate::text::digest`]). A
    /// build makes it before the text leaves memory; should the text be unreadable here, the
    /// digest is empty, which no translation records.
    pub fn body_digest(&self) -> &str {
        self.digest.get_or_init(|| match self.text() {
            Ok(text) => crate::text::digest(self.body_of(&text)),
            Err(_) => String::new(),
        })
    }
}
