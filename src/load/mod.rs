//! Load stage: walk `content/`, decode each file, read its front matter; read `site.yaml`
//! ([`config`]) and `content/glossary.yaml` ([`glossary`]). What it reads goes into the model's
//! types ([`crate::model`]); the reading and checking stay here. The YAML mistakes staff really
//! make (a full-width colon, a tab that indents) are named in plain words by [`mistakes`].
//!
//! The walk is also where the site's files are vetted as files (SPEC §12): a symbolic link that
//! leads out of the site folder is refused (it would publish a file from elsewhere), names are
//! taken in Unicode NFC (macOS saves them decomposed), and names a Windows server cannot hold
//! get a warning.

pub mod config;
pub mod facts;
pub mod frontmatter;
pub mod glossary;
pub mod mistakes;
pub mod source;
pub mod yaml;

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::messages::Text;
use crate::model::{Asset, Doc, Lang, Parsed, Source};
use crate::msg;
use crate::text::names;

/// A text file's text, and the warning when it was not UTF-8.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub warnings: Diagnostics,
}

/// Reads and decodes a text file: UTF-8 (a BOM is dropped), or Shift_JIS (CP932) with a warning.
/// CRLF line endings become LF. `display` is the path shown in messages.
pub fn read_text(path: &Path, display: &str) -> Result<Decoded, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(msg!("cannot-read", path = display, why = e.to_string()))
            .in_file(display)
            .hint(msg!("cannot-read-hint"))
    })?;
    // Most files are UTF-8 already: their bytes become the text without a copy.
    let Decoded { text, warnings } = match String::from_utf8(bytes) {
        Ok(text) if !text.starts_with('\u{FEFF}') => Decoded {
            text,
            warnings: Diagnostics::default(),
        },
        Ok(text) => decode(text.as_bytes(), display)?,
        Err(e) => decode(e.as_bytes(), display)?,
    };
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    Ok(Decoded { text, warnings })
}

/// Like [`read_text`], for a file the walk listed: when it is gone by the time it is read, the
/// message says so instead of a bare "not found".
pub fn read_listed_text(path: &Path, display: &str) -> Result<Decoded, Diagnostic> {
    read_text(path, display).map_err(|d| vanished(path, display).unwrap_or(d))
}

/// The error for a source file that was listed at the start of the build and is gone now
/// (deleted, moved or renamed meanwhile); `None` while it is still there. `display` names it as
/// the user knows it (`content/a.pdf`), never as the copy in the output.
pub fn vanished(path: &Path, display: &str) -> Option<Diagnostic> {
    if std::fs::symlink_metadata(path).is_ok() && path.exists() {
        return None;
    }
    Some(
        Diagnostic::error(msg!("file-vanished", path = display))
            .in_file(display)
            .hint(msg!("file-vanished-hint")),
    )
}

/// [`vanished`] for a file copied into the output (an asset, a static file), named by its path
/// as the build was given it (`content/a.pdf` for a site built from its own folder).
pub fn vanished_copy(source: &Path) -> Option<Diagnostic> {
    let shown = source.strip_prefix(".").unwrap_or(source);
    vanished(source, &shown.display().to_string())
}

/// UTF-8 first; then Shift_JIS, which Japanese office software still writes.
pub fn decode(bytes: &[u8], display: &str) -> Result<Decoded, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_string(),
            warnings: Diagnostics::default(),
        }),
        Err(utf8_error) => {
            let at = utf8_error.valid_up_to();
            // Japanese text already read as UTF-8 before the bad byte means a damaged UTF-8
            // file: reading it as Shift_JIS would only turn every character into another.
            let damaged_utf8 = !bytes[..at].is_ascii();
            let (decoded, had_errors) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(bytes);
            if !had_errors && !damaged_utf8 {
                let warning = Diagnostic::warning(msg!("shift-jis", path = display))
                    .in_file(display)
                    .hint(msg!("shift-jis-hint"));
                return Ok(Decoded {
                    text: decoded.into_owned(),
                    warnings: warning.into(),
                });
            }
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(
                Diagnostic::error(msg!("undecodable", path = display, line = line, byte = at))
                    .in_file(display)
                    .hint(msg!("undecodable-hint")),
            )
        }
    }
}

/// The files of `content/`: Markdown pages (path below `content/`, file) and assets.
#[derive(Debug, Default, Clone)]
pub struct Listing {
    pub markdown: Vec<(String, PathBuf)>,
    pub assets: Vec<Asset>,
}

/// Lists `content/` in a stable order (each folder's entries by name, depth first), leaving out
/// editors' temporary files.
pub fn list_content(root: &Path, diags: &mut Diagnostics) -> Listing {
    let content = root.join("content");
    if !content.is_dir() {
        diags.push(
            Diagnostic::error(msg!(
                "no-content-folder",
                path = content.display().to_string()
            ))
            .hint(msg!("no-content-folder-hint")),
        );
        return Listing::default();
    }
    let mut listing = Listing::default();
    let site = SiteFolder::new(root);
    let mut walk = WalkDir::new(&content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(|p| display_path(root, p)).unwrap_or_default();
                let why = if e.loop_ancestor().is_some() {
                    msg!("link-loops")
                } else {
                    Text::verbatim(e.to_string())
                };
                diags.push(
                    Diagnostic::error(msg!("cannot-read", path = &path, why = why))
                        .in_file(path)
                        .hint(msg!("link-loops-hint")),
                );
                continue;
            }
        };
        if let Some(outside) = site.link_outside(&entry) {
            diags.push(outside_link_error(root, entry.path(), &outside));
            if entry.file_type().is_dir() {
                walk.skip_current_dir();
            }
            continue;
        }
        if entry.depth() > 0 {
            diags.extend(windows_name_warning(root, &entry));
        }
        if entry.file_type().is_dir() {
            continue;
        }
        // Compared and published in NFC, whatever form the file system gave.
        let rel = names::nfc(&relative(&content, entry.path())).into_owned();
        if !entry.file_type().is_file() {
            // A named pipe would block the build forever; a socket or device is no content.
            let path = display_path(root, entry.path());
            diags.push(
                Diagnostic::error(msg!(
                    "cannot-read",
                    path = &path,
                    why = msg!("not-a-regular-file")
                ))
                .in_file(path)
                .hint(msg!("not-a-regular-file-hint")),
            );
            continue;
        }
        if rel.ends_with(".md") {
            listing.markdown.push((rel, entry.into_path()));
        } else if rel != "glossary.yaml" {
            listing.assets.push(Asset {
                rel,
                source: entry.into_path(),
            });
        }
    }
    // `static/` is copied as it is: the same rule. The theme checks its own folder.
    outside_links(root, &root.join("static"), diags);
    listing
}

/// Reads the file `path` (`rel` below `content/`), with the warnings its name or encoding gives.
pub fn load_file(
    root: &Path,
    rel: &str,
    path: &Path,
    diags: &mut Diagnostics,
) -> Option<SourceFile> {
    let display = display_path(root, path);
    let text = match read_listed_text(path, &display) {
        Ok(decoded) => {
            diags.extend(decoded.warnings);
            decoded.text
        }
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let (key, _) = page_key(rel);
    if !is_slug_path(&key) {
        diags.push(
            Diagnostic::warning(msg!("not-a-slug", path = &display))
                .in_file(&display)
                .hint(msg!("not-a-slug-hint")),
        );
    }
    Some(SourceFile {
        path: display,
        text: text.into(),
    })
}

/// The document of the file `path` (`rel` below `content/`, its text in `source`) from its front
/// matter as read, its Markdown not parsed yet.
pub fn doc_of(
    path: String,
    source: Source,
    rel: &str,
    read: Result<frontmatter::Read, Diagnostics>,
    diags: &mut Diagnostics,
) -> Option<Doc> {
    let (key, lang) = page_key(rel);
    match read {
        Ok(frontmatter::Read {
            front,
            body,
            warnings,
        }) => {
            diags.extend(warnings);
            Some(Doc {
                path,
                source,
                key,
                lang,
                body,
                front,
                parsed: Parsed::default(),
                digest: Default::default(),
            })
        }
        Err(ds) => {
            diags.extend(ds);
            None
        }
    }
}

/// `a/b.en.md` → (`a/b.md`, English); `a/b.md` → (`a/b.md`, Japanese).
pub fn page_key(rel: &str) -> (String, Lang) {
    match rel.strip_suffix(".en.md") {
        Some(stem) => (format!("{stem}.md"), Lang::En),
        None => (rel.to_string(), Lang::Ja),
    }
}

fn is_slug_path(key: &str) -> bool {
    key.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/'))
}

/// Hidden files and editors' temporary and swap files are never content.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
        || name.starts_with(".goutputstream-")
        || name.starts_with('#') && name.ends_with('#')
}

fn relative(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A path as shown in messages: relative to the site root when it is inside it, in NFC.
pub fn display_path(root: &Path, path: &Path) -> String {
    names::nfc(&relative(root, path)).into_owned()
}

/// The site folder as the file system resolves it, to tell where symbolic links lead.
pub struct SiteFolder {
    /// `None` when it cannot be resolved; then no link is judged (the walk reports the folder).
    real: Option<PathBuf>,
}

impl SiteFolder {
    pub fn new(root: &Path) -> SiteFolder {
        SiteFolder {
            real: std::fs::canonicalize(root).ok(),
        }
    }

    /// Where the entry leads, when it is a symbolic link that resolves outside the site folder.
    /// Only links are resolved: everything else below the site folder is inside it, and a
    /// folder reached through a link that stays inside is judged by its own links.
    pub fn link_outside(&self, entry: &walkdir::DirEntry) -> Option<PathBuf> {
        if !entry.path_is_symlink() {
            return None;
        }
        let real = self.real.as_ref()?;
        let target = std::fs::canonicalize(entry.path()).ok()?;
        (!target.starts_with(real)).then_some(target)
    }
}

/// An error for each symbolic link below `dir` (`static/`, a theme) that leads out of the site
/// folder; what is below such a link is not looked at. A missing folder has none.
pub fn outside_links(root: &Path, dir: &Path, errors: &mut Diagnostics) {
    let site = SiteFolder::new(root);
    let mut walk = WalkDir::new(dir).follow_links(true).into_iter();
    while let Some(entry) = walk.next() {
        // Unreadable entries are the business of whoever lists the folder.
        let Ok(entry) = entry else { continue };
        if let Some(target) = site.link_outside(&entry) {
            errors.push(outside_link_error(root, entry.path(), &target));
            if entry.file_type().is_dir() {
                walk.skip_current_dir();
            }
        }
    }
}

/// A link that would publish a file from outside the site (SPEC §12).
pub fn outside_link_error(root: &Path, link: &Path, target: &Path) -> Diagnostic {
    let path = display_path(root, link);
    Diagnostic::error(msg!(
        "link-outside-site",
        target = target.display().to_string()
    ))
    .in_file(path)
    .hint(msg!("link-outside-site-hint"))
}

/// A warning for a file or folder name a Windows server cannot hold (`CON.md`, `a?.md`).
fn windows_name_warning(root: &Path, entry: &walkdir::DirEntry) -> Option<Diagnostic> {
    let name = names::nfc(&entry.file_name().to_string_lossy()).into_owned();
    let problem = names::windows_problem(&name)?;
    let what = if entry.file_type().is_dir() {
        Entry::Folder
    } else {
        Entry::File
    };
    let path = display_path(root, entry.path());
    Some(windows_name_message(&path, &name, what, &problem))
}

/// The words of [`windows_name_warning`], apart from the walk.
fn windows_name_message(path: &str, name: &str, what: Entry, problem: &Text) -> Diagnostic {
    let safe = names::windows_safe_name(name);
    let (message, hint) = match what {
        Entry::File => (
            msg!("windows-file-name", name = name, problem = problem),
            msg!("windows-file-name-hint", safe = safe),
        ),
        Entry::Folder => (
            msg!("windows-folder-name", name = name, problem = problem),
            msg!("windows-folder-name-hint", safe = safe),
        ),
    };
    Diagnostic::warning(message).in_file(path).hint(hint)
}

/// A file or a folder, as a message names it.
#[derive(Debug, Clone, Copy)]
enum Entry {
    File,
    Folder,
}

/// `content/` below `root`.
pub fn content_dir(root: &Path) -> PathBuf {
    root.join("content")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_and_crlf() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, b"\xEF\xBB\xBF---\r\ntitle: a\r\n---\r\n").unwrap();
        let Decoded { text, warnings } = read_text(&p, "a.md").unwrap();
        assert_eq!(text, "---\ntitle: a\n---\n");
        assert!(warnings.is_empty());
    }

    #[test]
    fn shift_jis_is_read_with_a_warning() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("在宅医療");
        let Decoded { text, warnings } = decode(&bytes, "a.md").unwrap();
        assert_eq!(text, "在宅医療");
        assert!(warnings.0[0].message.contains("Shift_JIS"));
    }

    #[test]
    fn undecodable_bytes_are_an_error_with_the_line() {
        let err = decode(b"ok\n\xFF\xFF\xFF", "a.md").unwrap_err();
        assert!(err.message.contains("a.md:2"), "{}", err.message);
    }

    #[test]
    fn damaged_utf8_is_not_mistaken_for_shift_jis() {
        // `\xED\xA0\x80` (a surrogate half) happens to be valid Shift_JIS.
        let err = decode(
            "在宅\n\u{1F3E5}\n"
                .as_bytes()
                .iter()
                .chain(b"\xED\xA0\x80")
                .copied()
                .collect::<Vec<_>>()
                .as_slice(),
            "a.md",
        )
        .unwrap_err();
        assert!(err.message.contains("a.md:3"), "{}", err.message);
        let Decoded { text, warnings } = decode(b"ok\n\xED\xA0\x80", "a.md").unwrap();
        assert!(
            !warnings.is_empty(),
            "ASCII before: still read as Shift_JIS ({text})"
        );
    }

    #[test]
    fn a_named_pipe_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        let fifo = dir.path().join("content/a.md");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let mut diags = Diagnostics::default();
        // Nothing listed is nothing loaded.
        let listing = list_content(dir.path(), &mut diags);
        assert!(listing.markdown.is_empty() && listing.assets.is_empty());
        assert!(
            diags.0[0].message.contains("not a regular file"),
            "{diags:?}"
        );
        assert_eq!(diags.0[0].file.as_deref(), Some("content/a.md"));
    }

    #[test]
    fn a_file_removed_between_the_walk_and_the_read_is_named_as_the_source() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        std::fs::write(dir.path().join("content/a.md"), "---\ntitle: A\n---\n").unwrap();
        let mut diags = Diagnostics::default();
        let listing = list_content(dir.path(), &mut diags);
        std::fs::remove_file(dir.path().join("content/a.md")).unwrap();
        let (rel, path) = &listing.markdown[0];
        let mut errors = Diagnostics::default();
        let doc = load_file(dir.path(), rel, path, &mut errors);
        let errors = errors.0;
        assert!(doc.is_none());
        assert_eq!(
            errors[0].message,
            "content/a.md disappeared while the site was being built"
        );
        assert_eq!(errors[0].file.as_deref(), Some("content/a.md"));
        assert!(errors[0].hint.as_deref().unwrap().contains("build again"));
    }

    #[test]
    fn a_copied_file_that_vanished_is_named_by_its_source_not_the_output() {
        let d = vanished_copy(Path::new("./content/no-such-file.pdf")).unwrap();
        assert_eq!(
            d.message,
            "content/no-such-file.pdf disappeared while the site was being built"
        );
        assert!(vanished_copy(Path::new(env!("CARGO_MANIFEST_DIR"))).is_none());
    }

    #[test]
    fn links_out_of_the_site_folder_are_errors_links_inside_are_not() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("passwd"), "secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir(&content).unwrap();
        std::fs::write(content.join("real.txt"), "ok").unwrap();
        std::os::unix::fs::symlink(outside.path().join("passwd"), content.join("p.txt")).unwrap();
        std::os::unix::fs::symlink("real.txt", content.join("same.txt")).unwrap();
        let mut diags = Diagnostics::default();
        let listing = list_content(dir.path(), &mut diags);
        let rels: Vec<&str> = listing.assets.iter().map(|a| a.rel.as_str()).collect();
        assert_eq!(rels, ["real.txt", "same.txt"]);
        assert_eq!(diags.0.len(), 1, "{diags:?}");
        assert_eq!(diags.0[0].file.as_deref(), Some("content/p.txt"));
        assert!(diags.0[0].message.contains("outside the site folder"));
    }

    #[test]
    fn nfd_names_are_listed_in_nfc() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        std::fs::write(dir.path().join("content/\u{304B}\u{3099}.md"), "").unwrap();
        let listing = list_content(dir.path(), &mut Diagnostics::default());
        assert_eq!(listing.markdown[0].0, "\u{304C}.md");
    }

    #[test]
    fn windows_names_warn_in_plain_words() {
        let d = windows_name_message(
            "content/CON.md",
            "CON.md",
            Entry::File,
            &names::windows_problem("CON.md").unwrap(),
        );
        assert!(!d.is_error());
        assert_eq!(d.plain(), "content/CON.md: warning: Windows servers cannot hold the file name `CON.md`: it is the name of a device (`CON`) on Windows (help: rename the file, for example to `CON-page.md`, so the site can be copied to any server)");
    }

    #[test]
    fn translations_share_the_page_key() {
        assert_eq!(page_key("a/b.en.md"), ("a/b.md".into(), Lang::En));
        assert_eq!(page_key("_index.md"), ("_index.md".into(), Lang::Ja));
    }

    #[test]
    fn editor_files_are_ignored() {
        for name in [
            ".a.md.swp",
            "a.md~",
            "4913",
            ".#a.md",
            "a.tmp",
            ".goutputstream-X1",
        ] {
            assert!(is_ignored(name), "{name}");
        }
        assert!(!is_ignored("a.md"));
    }
}
