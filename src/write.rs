//! Write stage. Nothing of the previous output changes until every page has been rendered and
//! every new file written, so a failed build never damages what was published before.
//!
//! A rebuild mostly produces the same bytes as before, and writing many files costs much system
//! time (on a disk, worst right after deleting many). So only files whose bytes changed are
//! written, into a staging folder beside the output; once everything succeeded, [`Staging::commit`]
//! renames each of them into place (a rename replaces a file whole: a reader sees the old page or
//! the new one, never a mix) and removes the files the site no longer has. A first build renames
//! the whole staging folder into place.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::render::{Content, Output};

/// Writes `outputs` into `out_dir`, replacing its previous content.
pub fn write_site(outputs: &[Output], out_dir: &Path) -> Result<(), Diagnostic> {
    let mut staging = Staging::begin(out_dir)?;
    staging.write(outputs)?;
    staging.commit()
}

/// A build's output being written, in as many batches as the renderer hands over (so a large
/// site never holds all its HTML in memory). Dropped without [`Staging::commit`], it removes its
/// folder and the output stays as it was.
pub struct Staging {
    /// New and changed files, below their output paths.
    dir: PathBuf,
    out_dir: PathBuf,
    /// Whether `out_dir` held a previous build to update.
    update: bool,
    /// Every output path of this build.
    paths: HashSet<String>,
    /// The paths written into `dir`, to move into place.
    changed: Vec<String>,
    committed: bool,
}

impl Staging {
    pub fn begin(out_dir: &Path) -> Result<Staging, Diagnostic> {
        let parent = out_dir
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = out_dir
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        std::fs::create_dir_all(parent).map_err(|e| io_error("create", parent, &e))?;
        let dir = parent.join(format!(".{name}.new-{}", std::process::id()));
        remove(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| io_error("create", &dir, &e))?;
        Ok(Staging {
            dir,
            update: out_dir.is_dir(),
            out_dir: out_dir.to_path_buf(),
            paths: HashSet::new(),
            changed: Vec::new(),
            committed: false,
        })
    }

    /// Writes a batch: the files whose bytes differ from the previous build's. A later batch may
    /// replace a file of an earlier one.
    pub fn write(&mut self, outputs: &[Output]) -> Result<(), Diagnostic> {
        let mut to_write: Vec<&Output> = Vec::new();
        let mut check: Vec<&Output> = Vec::new();
        for o in outputs {
            if !self.paths.insert(o.path.clone()) || !self.update {
                // Seen in an earlier batch (its staged copy must be replaced) or a first build.
                to_write.push(o);
            } else {
                check.push(o);
            }
        }
        let out_dir = &self.out_dir;
        let differ: Vec<&Output> = check
            .into_par_iter()
            .filter(|o| !unchanged(&o.content, &out_dir.join(&o.path)))
            .collect();
        to_write.extend(differ);
        write_tree(&to_write, &self.dir)?;
        self.changed.extend(to_write.iter().map(|o| o.path.clone()));
        Ok(())
    }

    /// Puts the new files in place and removes those the site no longer has.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        self.committed = true;
        if !self.update {
            let result = std::fs::rename(&self.dir, &self.out_dir)
                .map_err(|e| io_error("move into place", &self.out_dir, &e));
            remove(&self.dir);
            return result;
        }
        self.changed.sort();
        self.changed.dedup();
        for rel in &self.changed {
            move_into_place(&self.dir.join(rel), &self.out_dir.join(rel))?;
        }
        remove_stale(&self.out_dir, &self.paths);
        remove(&self.dir);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            remove(&self.dir);
        }
    }
}

/// Writes `outputs` below `dir`: folders first, then the files in parallel; a file already there
/// (from an earlier batch) is replaced.
fn write_tree(outputs: &[&Output], dir: &Path) -> Result<(), Diagnostic> {
    let mut dirs: Vec<PathBuf> = outputs
        .iter()
        .filter_map(|o| dir.join(&o.path).parent().map(Path::to_path_buf))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        std::fs::create_dir_all(d).map_err(|e| io_error("create", d, &e))?;
    }
    outputs.par_iter().try_for_each(|o| {
        let path = dir.join(&o.path);
        match &o.content {
            Content::Text(t) => std::fs::write(&path, t).map_err(|e| io_error("write", &path, &e)),
            Content::Copy(from) => std::fs::copy(from, &path)
                .map(|_| ())
                .map_err(|e| io_error("copy to", &path, &e)),
        }
    })
}

/// Whether the file at `old` already holds exactly these bytes (a regular file, not a link).
/// Sizes are compared first, so a changed page is rarely read.
fn unchanged(content: &Content, old: &Path) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(old) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    match content {
        Content::Text(t) => {
            meta.len() == t.len() as u64 && std::fs::read(old).is_ok_and(|o| o == t.as_bytes())
        }
        Content::Copy(from) => {
            std::fs::metadata(from).is_ok_and(|m| m.len() == meta.len())
                && matches!((std::fs::read(from), std::fs::read(old)), (Ok(a), Ok(b)) if a == b)
        }
    }
}

/// Renames a staged file over its place in the output; a folder or file in the way (a page that
/// became a file, or the other way round) is removed first.
fn move_into_place(from: &Path, to: &Path) -> Result<(), Diagnostic> {
    if let Some(parent) = to.parent() {
        if std::fs::create_dir_all(parent).is_err() {
            // A file of the old site stands where a folder must go.
            let mut p = parent.to_path_buf();
            while !p.exists() || p.is_dir() {
                if !p.pop() {
                    break;
                }
            }
            remove(&p);
            std::fs::create_dir_all(parent).map_err(|e| io_error("create", parent, &e))?;
        }
    }
    if to.is_dir() {
        remove(to);
    }
    std::fs::rename(from, to).map_err(|e| io_error("move into place", to, &e))
}

/// Removes the files below `out_dir` that are not among `paths`, then the folders left empty.
fn remove_stale(out_dir: &Path, paths: &HashSet<String>) {
    // Only folders something was removed from can have become empty: trying every folder of a
    // large site would cost a failing system call each.
    let mut emptied = HashSet::new();
    for entry in walkdir::WalkDir::new(out_dir)
        .min_depth(1)
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(out_dir)
            .map(|r| r.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        if !paths.contains(&rel) && std::fs::remove_file(entry.path()).is_ok() {
            emptied.extend(entry.path().parent().map(Path::to_path_buf));
        }
    }
    // Deepest first, each then its parents while they empty too.
    let mut emptied: Vec<PathBuf> = emptied.into_iter().collect();
    emptied.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    for d in emptied {
        let mut at = d.as_path();
        while at != out_dir && std::fs::remove_dir(at).is_ok() {
            match at.parent() {
                Some(p) => at = p,
                None => break,
            }
        }
    }
}

fn remove(path: &Path) {
    if path.is_dir() {
        let _ = std::fs::remove_dir_all(path);
    } else if path.exists() {
        let _ = std::fs::remove_file(path);
    }
}

fn io_error(what: &str, path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot {what} {}: {e}", path.display()))
        .hint("check free disk space and permissions of the output folder")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_previous_output_entirely() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("old")).unwrap();
        std::fs::write(out.join("old/stale.html"), "x").unwrap();
        write_site(&[Output::text("a/index.html", "new".into())], &out).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "new"
        );
        assert!(!out.join("old").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no staging folders left behind");
    }

    #[cfg(unix)]
    #[test]
    fn unchanged_files_are_kept_changed_ones_rewritten() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let ino = |rel: &str| std::fs::metadata(out.join(rel)).unwrap().ino();
        let first = [
            Output::text("a/index.html", "same".into()),
            Output::text("b/index.html", "old".into()),
            Output::text("c/index.html", "abc".into()),
        ];
        write_site(&first, &out).unwrap();
        let (a, b, c) = (
            ino("a/index.html"),
            ino("b/index.html"),
            ino("c/index.html"),
        );
        let second = [
            Output::text("a/index.html", "same".into()),
            Output::text("b/index.html", "new!".into()),
            // Same size, other bytes: must be rewritten too.
            Output::text("c/index.html", "xyz".into()),
        ];
        write_site(&second, &out).unwrap();
        assert_eq!(ino("a/index.html"), a, "unchanged file kept, not rewritten");
        assert_ne!(ino("b/index.html"), b);
        assert_ne!(ino("c/index.html"), c);
        let read = |rel: &str| std::fs::read_to_string(out.join(rel)).unwrap();
        assert_eq!(read("a/index.html"), "same");
        assert_eq!(read("b/index.html"), "new!");
        assert_eq!(read("c/index.html"), "xyz");
    }

    #[test]
    fn a_failed_write_keeps_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&[Output::text("a/index.html", "v1".into())], &out).unwrap();
        // A file where a folder must go makes the second build fail midway.
        let bad = [
            Output::text("a/index.html", "v1".into()),
            Output::text("x", "file".into()),
            Output::text("x/index.html", "v2".into()),
        ];
        assert!(write_site(&bad, &out).is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "v1"
        );
        assert!(!out.join("x").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no staging folders left behind");
    }

    #[test]
    fn an_update_removes_stale_files_and_swaps_files_and_folders() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = [
            Output::text("gone/index.html", "x".into()),
            Output::text("deep/er/index.html", "y".into()),
            Output::text("f", "a file".into()),
            Output::text("d/index.html", "in a folder".into()),
            Output::text("keep.css", "k".into()),
        ];
        write_site(&first, &out).unwrap();
        let second = [
            // `f` becomes a folder, `d` a file.
            Output::text("f/index.html", "now a folder".into()),
            Output::text("d", "now a file".into()),
            Output::text("keep.css", "k".into()),
        ];
        write_site(&second, &out).unwrap();
        let read = |rel: &str| std::fs::read_to_string(out.join(rel)).unwrap();
        assert_eq!(read("f/index.html"), "now a folder");
        assert_eq!(read("d"), "now a file");
        assert_eq!(read("keep.css"), "k");
        assert!(
            !out.join("gone").exists(),
            "stale page and its folder removed"
        );
        assert!(
            !out.join("deep").exists(),
            "folders emptied by the removal removed up the tree"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no staging folders left behind");
    }

    #[test]
    fn a_later_batch_replaces_an_earlier_one() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&[Output::text("s.css", "v1".into())], &out).unwrap();
        let mut staging = Staging::begin(&out).unwrap();
        staging
            .write(&[Output::text("s.css", "theme".into())])
            .unwrap();
        // The site's own file of the same name, and then one equal to the old output.
        staging
            .write(&[Output::text("s.css", "site".into())])
            .unwrap();
        staging.commit().unwrap();
        assert_eq!(std::fs::read_to_string(out.join("s.css")).unwrap(), "site");
        let mut staging = Staging::begin(&out).unwrap();
        staging.write(&[Output::text("s.css", "x".into())]).unwrap();
        staging
            .write(&[Output::text("s.css", "site".into())])
            .unwrap();
        staging.commit().unwrap();
        assert_eq!(std::fs::read_to_string(out.join("s.css")).unwrap(), "site");
    }
}
