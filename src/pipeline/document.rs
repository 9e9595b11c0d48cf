//! One Markdown file of `content/`, loaded and parsed: the one way `build` and the preview's
//! rebuild turn a file into a document, so a page reads the same in both.

use std::path::{Path, PathBuf};

use crate::diagnostics::{par_map, Diagnostics};
use crate::link::Absent;
use crate::load;
use crate::markdown;
use crate::model::Config;
use crate::model::{Doc, Lang};

/// What became of one Markdown file.
pub enum Document {
    /// Loaded and parsed (boxed: a document is far larger than the other cases).
    Page(Box<Doc>),
    /// A draft left out (no `--drafts`): its Markdown is not parsed; its key explains links to it.
    Draft { key: String, lang: Lang },
    /// Unreadable, or its front matter is wrong: the diagnostics say why.
    Unreadable,
}

impl Document {
    pub fn into_page(self) -> Option<Doc> {
        match self {
            Document::Page(doc) => Some(*doc),
            Document::Draft { .. } | Document::Unreadable => None,
        }
    }
}

/// Loads the file `path` (`rel` below `content/`) and parses its Markdown, unless it is a draft
/// and drafts are left out. Its problems go to `diags`; what became of it is returned.
pub fn read(
    root: &Path,
    rel: &str,
    path: &Path,
    config: &Config,
    drafts: bool,
    diags: &mut Diagnostics,
) -> Document {
    let Some(mut doc) = load::load_doc(root, rel, path, config, diags) else {
        return Document::Unreadable;
    };
    if doc.front.draft && !drafts {
        let (key, lang) = (doc.key, doc.lang);
        return Document::Draft { key, lang };
    }
    doc.parsed = markdown::scan(&doc, config.markdown.raw_html, diags);
    Document::Page(Box::new(doc))
}

/// Every listed Markdown file, in parallel, in the listing's order; the keys of the pages whose
/// Japanese document is a draft left out or could not be read, to explain links to them.
pub fn read_all(
    root: &Path,
    markdown: &[(String, PathBuf)],
    config: &Config,
    drafts: bool,
    diags: &mut Diagnostics,
) -> (Vec<Doc>, Absent) {
    let read = par_map(markdown, diags, |(rel, path), found| {
        read(root, rel, path, config, drafts, found)
    });
    let mut docs = Vec::with_capacity(read.len());
    let mut absent = Absent::default();
    for ((rel, _), document) in markdown.iter().zip(read) {
        match document {
            Document::Page(doc) => docs.push(*doc),
            Document::Draft { key, lang } => {
                if lang == Lang::Ja {
                    absent.drafts.insert(key);
                }
            }
            Document::Unreadable => absent.unreadable(rel),
        }
    }
    (docs, absent)
}
