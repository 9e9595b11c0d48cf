//! One Markdown file of `content/`, loaded and parsed: the one way `build` and the preview's
//! rebuild turn a file into a document, so a page reads the same in both.

use std::path::{Path, PathBuf};

use crate::diagnostics::{par_map, Diagnostics};
use crate::link::Absent;
use crate::load;
use crate::load::frontmatter::{self, Raw};
use crate::markdown;
use crate::model::Config;
use crate::model::{Doc, Lang, Parsed};

use super::parsed::{self, Entry, Place};

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
    read_cached(root, rel, path, config, drafts, None, diags).0
}

/// [`read`] with the parse cache of a build: a file the cache holds is not read as YAML and
/// Markdown again, and one parsed here is added to it. Returns, beside the document, where the
/// next cache keeps the file's entry, and whether it was parsed here; nothing for a file that
/// gave any diagnostic.
fn read_cached(
    root: &Path,
    rel: &str,
    path: &Path,
    config: &Config,
    drafts: bool,
    cache: Option<&parsed::Parsed>,
    diags: &mut Diagnostics,
) -> (Document, Option<(Place, bool)>) {
    let Some(file) = load::load_file(root, rel, path, diags) else {
        return (Document::Unreadable, None);
    };
    let digest = cache.map(|_| parsed::digest(&file.path, &file.text));
    let hit = cache.zip(digest).and_then(|(c, d)| {
        let entry = c.get(d)?;
        let raw = Raw::from_json(&entry.front)?;
        let parsed: Parsed = bincode::deserialize(&entry.parsed).ok()?;
        Some((raw, parsed))
    });
    if let Some((raw, parsed)) = hit {
        let read = frontmatter::from_raw(raw, &file, config);
        let Some(mut doc) = load::doc_of(file, rel, read, diags) else {
            return (Document::Unreadable, None);
        };
        if doc.front.draft && !drafts {
            let (key, lang) = (doc.key, doc.lang);
            return (Document::Draft { key, lang }, None);
        }
        doc.parsed = parsed;
        let kept = cache.zip(digest).filter(|_| diags.0.is_empty());
        let kept = kept.and_then(|(c, d)| c.kept(d)).map(|p| (p, false));
        return (Document::Page(Box::new(doc)), kept);
    }
    let (read, front) = match frontmatter::read_raw(&file) {
        Ok((raw, json)) => (frontmatter::from_raw(raw, &file, config), json),
        Err(e) => (Err(e), None),
    };
    let Some(mut doc) = load::doc_of(file, rel, read, diags) else {
        return (Document::Unreadable, None);
    };
    if doc.front.draft && !drafts {
        let (key, lang) = (doc.key, doc.lang);
        return (Document::Draft { key, lang }, None);
    }
    doc.parsed = markdown::scan(&doc, config.markdown.raw_html, diags);
    let added = match (cache.zip(digest), front) {
        (Some((c, d)), Some(front)) if diags.0.is_empty() => bincode::serialize(&doc.parsed)
            .ok()
            .and_then(|parsed| c.add(d, &Entry { front, parsed }))
            .map(|p| (p, true)),
        _ => None,
    };
    (Document::Page(Box::new(doc)), added)
}

/// Every listed Markdown file, in parallel, in the listing's order; the keys of the pages whose
/// Japanese document is a draft left out or could not be read, to explain links to them.
pub fn read_all(
    root: &Path,
    markdown: &[(String, PathBuf)],
    config: &Config,
    drafts: bool,
    cache: Option<&parsed::Parsed>,
    diags: &mut Diagnostics,
) -> (Vec<Doc>, Absent) {
    let read = par_map(markdown, diags, |(rel, path), found| {
        read_cached(root, rel, path, config, drafts, cache, found)
    });
    let mut docs = Vec::with_capacity(read.len());
    let mut absent = Absent::default();
    let mut places = Vec::new();
    let read = read.into_iter().map(|(document, place)| {
        places.extend(place);
        document
    });
    let read: Vec<Document> = read.collect();
    if let Some(cache) = cache {
        let parsed = places.iter().filter(|(_, new)| *new).count();
        crate::timing::report_count("  documents parsed", parsed);
        crate::timing::report_count("  from the cache", places.len() - parsed);
        cache.finish(places.into_iter().map(|(p, _)| p).collect());
    }
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
