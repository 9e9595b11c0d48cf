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

/// Who reads a document, which decides what it keeps.
#[derive(Clone, Copy)]
enum Reading<'a> {
    /// The preview: the document holds its text.
    Preview,
    /// A build, with its parse cache if it keeps one: the document leaves its text in its file
    /// once parsed (`Doc::leave_text_in_file`).
    Build(Option<&'a parsed::Parsed>),
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
    read_cached(root, rel, path, config, drafts, Reading::Preview, diags).0
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
    reading: Reading,
    diags: &mut Diagnostics,
) -> (Document, Option<(Place, bool)>) {
    let (cache, keep_text) = match reading {
        Reading::Preview => (None, true),
        Reading::Build(cache) => (cache, false),
    };
    let Some(file) = load::load_file(root, rel, path, diags) else {
        return (Document::Unreadable, None);
    };
    let source = load::source::held(&file.path, path.to_path_buf(), file.text.clone());
    let digest = cache.map(|_| source.hash);
    let hit = cache.zip(digest).and_then(|(c, d)| {
        let entry = c.get(d)?;
        let raw = Raw::from_json(&entry.front)?;
        let parsed: Stored = bincode::deserialize(&entry.parsed).ok()?;
        Some((raw, parsed))
    });
    if let Some((raw, (parsed, body_digest))) = hit {
        let read = frontmatter::from_raw(raw, &file, config);
        let Some(mut doc) = load::doc_of(file.path, source, rel, read, diags) else {
            return (Document::Unreadable, None);
        };
        if doc.front.draft && !drafts {
            let (key, lang) = (doc.key, doc.lang);
            return (Document::Draft { key, lang }, None);
        }
        doc.parsed = parsed;
        if let Some(d) = body_digest {
            let _ = doc.digest.set(d);
        }
        if !keep_text {
            doc.leave_text_in_file();
        }
        let kept = cache.zip(digest).filter(|_| diags.0.is_empty());
        let kept = kept.and_then(|(c, d)| c.kept(d)).map(|p| (p, false));
        return (Document::Page(Box::new(doc)), kept);
    }
    let (read, front) = match frontmatter::read_raw(&file) {
        Ok((raw, json)) => (frontmatter::from_raw(raw, &file, config), json),
        Err(e) => (Err(e), None),
    };
    let Some(mut doc) = load::doc_of(file.path, source, rel, read, diags) else {
        return (Document::Unreadable, None);
    };
    if doc.front.draft && !drafts {
        let (key, lang) = (doc.key, doc.lang);
        return (Document::Draft { key, lang }, None);
    }
    doc.parsed = markdown::scan(&doc, config.markdown.raw_html, diags);
    if !keep_text {
        doc.leave_text_in_file();
    }
    let added = match (cache.zip(digest), front) {
        (Some((c, d)), Some(front)) if diags.0.is_empty() => {
            let stored = bincode::serialize(&(&doc.parsed, doc.digest.get()));
            let parsed = stored.ok();
            let place = parsed.and_then(|parsed| c.add(d, &Entry { front, parsed }));
            place.map(|p| (p, true))
        }
        _ => None,
    };
    (Document::Page(Box::new(doc)), added)
}

/// What the parse cache keeps of a document beside its front matter: what its Markdown says,
/// and the digest of a Japanese body (translations compare it).
type Stored = (Parsed, Option<String>);

/// Every listed Markdown file, in parallel, in the listing's order; the keys of the pages whose
/// Japanese document is a draft left out or could not be read, to explain links to them. The
/// documents leave their text in their files (`load::source`).
pub fn read_all(
    root: &Path,
    markdown: &[(String, PathBuf)],
    config: &Config,
    drafts: bool,
    cache: Option<&parsed::Parsed>,
    diags: &mut Diagnostics,
) -> (Vec<Doc>, Absent) {
    let read = par_map(markdown, diags, |(rel, path), found| {
        read_cached(
            root,
            rel,
            path,
            config,
            drafts,
            Reading::Build(cache),
            found,
        )
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::SourceFile;

    fn config() -> Config {
        Config::parse(SourceFile {
            path: "site.yaml".into(),
            text: "title: { ja: A, en: A }\nbase_url: https://e.jp/\n"
                .to_string()
                .into(),
        })
        .unwrap()
    }

    const PAGE: &str = "---\ntitle: 拠点\n---\n# 見出し\n\n本文。\n";

    /// Reads `content/a.md` (with `text`) as a build or the preview does.
    fn read(root: &Path, text: &str, reading: Reading) -> Doc {
        let path = root.join("content/a.md");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        let mut diags = Diagnostics::default();
        let (doc, _) = read_cached(root, "a.md", &path, &config(), false, reading, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        doc.into_page().unwrap()
    }

    #[test]
    fn a_build_leaves_the_text_in_the_file_and_reads_it_again_as_parsed() {
        let dir = tempfile::tempdir().unwrap();
        let doc = read(dir.path(), PAGE, Reading::Build(None));
        assert!(doc.source.held.is_none());
        assert_eq!(doc.text().unwrap().as_str(), PAGE);
        assert_eq!(doc.body_of(&doc.text().unwrap()), "# 見出し\n\n本文。\n");
        // The digest translations compare was made while the text was there.
        assert_eq!(
            doc.digest.get().unwrap(),
            &crate::text::digest("# 見出し\n\n本文。\n")
        );
        // The preview keeps it.
        let kept = read(dir.path(), PAGE, Reading::Preview);
        assert_eq!(kept.source.held.as_deref().map(String::as_str), Some(PAGE));
        assert_eq!(kept.source.hash, doc.source.hash);
    }

    #[test]
    fn a_file_changed_after_it_was_parsed_is_refused_not_mixed() {
        let dir = tempfile::tempdir().unwrap();
        let doc = read(dir.path(), PAGE, Reading::Build(None));
        // Saved again with one more line: every offset the parse found would be off.
        let path = dir.path().join("content/a.md");
        std::fs::write(&path, format!("{PAGE}追記。\n")).unwrap();
        let e = doc.text().unwrap_err();
        let shown = format!("{}", e.message);
        assert!(shown.contains("content/a.md"), "{shown}");
        assert_eq!(
            e.message,
            crate::msg!("file-changed", path = "content/a.md")
        );
        // A message about the page still names the file, without a line from another text.
        let file = doc.file();
        assert_eq!(file.path, "content/a.md");
        assert_eq!(file.text.as_str(), "");
        // Saved back as it was: read as parsed again.
        std::fs::write(&path, PAGE).unwrap();
        assert_eq!(doc.text().unwrap().as_str(), PAGE);
        // Gone: the message says so.
        std::fs::remove_file(&path).unwrap();
        let gone = doc.text().unwrap_err();
        assert_eq!(
            gone.message,
            crate::msg!("file-vanished", path = "content/a.md")
        );
    }
}
