//! The output folders a build refuses before it writes anything. A build replaces everything in
//! its output folder, so the folder must be one that only shishin fills: not a file, not the
//! site's own sources (a build would publish its previous output inside itself, or replace the
//! sources with pages), not a folder of someone's documents.

use std::path::{Component, Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::msg;

/// The site's folders whose files are sources: an output inside one of them is refused.
const SOURCES: [&str; 3] = ["content", "themes", "static"];

/// Refuses an output folder that is, holds or lies inside the site's sources, that is not a
/// folder, or that holds files shishin did not make.
pub fn check(out_dir: &Path, site_root: &Path) -> Result<(), Diagnostic> {
    refuse_sources(out_dir, site_root)?;
    refuse_non_folder(out_dir)?;
    refuse_foreign_folder(out_dir)
}

fn refuse_sources(out_dir: &Path, site_root: &Path) -> Result<(), Diagnostic> {
    let (out, root) = (real_path(out_dir), real_path(site_root));
    let out_name = out_dir.display().to_string();
    let problem = if out == root {
        Some(msg!("output-is-the-site", out = out_name))
    } else if root.starts_with(&out) {
        Some(msg!(
            "output-holds-the-site",
            out = out_name,
            root = root.display().to_string()
        ))
    } else {
        SOURCES
            .iter()
            .find(|s| out.starts_with(root.join(s)))
            .map(|s| msg!("output-inside-sources", out = out_name, folder = *s))
    };
    match problem {
        None => Ok(()),
        Some(problem) => Err(Diagnostic::error(problem).hint(msg!("output-inside-sources-hint"))),
    }
}

fn refuse_non_folder(out_dir: &Path) -> Result<(), Diagnostic> {
    match std::fs::metadata(out_dir) {
        Ok(meta) if !meta.is_dir() => Err(Diagnostic::error(msg!(
            "output-is-a-file",
            out = out_dir.display().to_string()
        ))
        .hint(msg!("output-is-a-file-hint"))),
        _ => Ok(()),
    }
}

/// A folder that already holds files shishin did not make (someone's documents) is refused,
/// never emptied.
fn refuse_foreign_folder(out_dir: &Path) -> Result<(), Diagnostic> {
    let Ok(mut entries) = std::fs::read_dir(out_dir) else {
        // Missing: a first build.
        return Ok(());
    };
    let ours = entries.next().is_none()
        || super::manifest::path_for(out_dir).is_file()
        || std::fs::read_to_string(out_dir.join("index.html"))
            .is_ok_and(|html| html.contains("<meta name=\"generator\" content=\"shishin\">"));
    if ours {
        return Ok(());
    }
    Err(Diagnostic::error(msg!(
        "output-holds-other-files",
        out = out_dir.display().to_string()
    ))
    .hint(msg!("output-holds-other-files-hint")))
}

/// `path` with its links resolved as far as it exists, the rest taken as written: an output
/// folder that does not exist yet is compared by where it will be.
fn real_path(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    let mut real = loop {
        if let Ok(real) = std::fs::canonicalize(existing) {
            break real;
        }
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break existing.to_path_buf(),
        }
    };
    for part in rest.iter().rev() {
        match Path::new(part).components().next() {
            Some(Component::ParentDir) => {
                real.pop();
            }
            Some(Component::CurDir) => {}
            _ => real.push(part),
        }
    }
    real
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for d in ["site/content/guide", "site/themes", "site/static"] {
            std::fs::create_dir_all(dir.path().join(d)).unwrap();
        }
        dir
    }

    #[test]
    fn outputs_in_or_around_the_sources_are_refused() {
        let dir = site();
        let root = dir.path().join("site");
        for out in [
            "site",
            "site/.",
            "site/content",
            "site/content/out",
            "site/content/guide/../new/out",
            "site/themes/x",
            "site/static/public",
            ".",
        ] {
            let err = refuse_sources(&dir.path().join(out), &root).expect_err(out);
            assert!(err.message.contains("the output folder"), "{out}: {err:?}");
        }
        assert!(refuse_sources(&dir.path().join(".."), &root).is_err());
        for out in ["site/public", "site/dist/ja", "elsewhere/public"] {
            assert!(
                refuse_sources(&dir.path().join(out), &root).is_ok(),
                "{out}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_into_the_sources_is_seen_through() {
        let dir = site();
        let root = dir.path().join("site");
        std::os::unix::fs::symlink(root.join("content"), dir.path().join("link")).unwrap();
        let err = refuse_sources(&dir.path().join("link/out"), &root).unwrap_err();
        assert!(err.message.contains("content/"), "{err:?}");
    }

    #[test]
    fn a_file_is_no_output_folder() {
        let dir = site();
        let file = dir.path().join("public");
        std::fs::write(&file, "mine").unwrap();
        let err = check(&file, &dir.path().join("site")).unwrap_err();
        assert!(err.message.contains("is a file"), "{err:?}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    }
}
