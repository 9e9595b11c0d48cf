//! The output: files as the render stage makes them, before the write stage puts them on disk
//! (or the preview serves them from memory).

use std::path::PathBuf;

/// One file of the output.
#[derive(Debug, Clone)]
pub struct Output {
    /// Path below the output root, with `/`: `en/a/b/index.html`.
    pub path: String,
    pub content: Content,
}

/// What a file of the output holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// Generated text: pages, feeds, scripts. Kept as a `String` so that later stages (the link
    /// check, the preview) read it without validating the UTF-8 again.
    Text(String),
    /// A file copied as it is (assets, static files).
    Copy(PathBuf),
}

impl Output {
    pub fn text(path: impl Into<String>, text: String) -> Output {
        Output {
            path: path.into(),
            content: Content::Text(text),
        }
    }
}
