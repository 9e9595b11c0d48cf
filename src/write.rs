//! Write stage: the new site is written beside the old output and swapped in only when every
//! file was written, so a failed build never damages what was published before.
//!
//! A rebuild mostly produces the same bytes as before. Writing every file again costs much system
//! time (and, on a disk, write-back), so a file whose bytes did not change is hard-linked from the
//! old tree into the new one instead: the old tree is never modified, only read, so the swap stays
//! all-or-nothing.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::render::{Content, Output};

/// Writes `outputs` into `out_dir`, replacing its previous content at once.
pub fn write_site(outputs: &[Output], out_dir: &Path) -> Result<(), Diagnostic> {
    let staging = Staging::begin(out_dir)?;
    staging.write(outputs)?;
    staging.commit()
}

/// A new output tree being written beside the old one, in as many batches as the renderer
/// hands over (so a large site never holds all its HTML in memory). Nothing replaces the old
/// output until [`Staging::commit`]; dropped uncommitted, the staging tree is removed.
pub struct Staging {
    dir: PathBuf,
    out_dir: PathBuf,
    old: PathBuf,
    /// The previous output, whose unchanged files are linked instead of written.
    previous: Option<PathBuf>,
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
            old: parent.join(format!(".{name}.old-{}", std::process::id())),
            previous: out_dir.is_dir().then(|| out_dir.to_path_buf()),
            out_dir: out_dir.to_path_buf(),
            dir,
            committed: false,
        })
    }

    /// Writes a batch; a later batch may replace a file of an earlier one.
    pub fn write(&self, outputs: &[Output]) -> Result<(), Diagnostic> {
        write_tree(outputs, &self.dir, self.previous.as_deref())
    }

    /// Puts the new tree in place of the old one.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        self.committed = true;
        let mut stages = crate::timing::Stages::start();
        let swapped = swap(&self.dir, &self.out_dir, &self.old);
        stages.done("swap");
        swapped
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            remove(&self.dir);
        }
    }
}

/// Writes every output below `dir`: folders first, then the files in parallel. A file that
/// `previous` (the last build) already holds with the same bytes is hard-linked from there.
pub fn write_tree(
    outputs: &[Output],
    dir: &Path,
    previous: Option<&Path>,
) -> Result<(), Diagnostic> {
    let mut dirs: Vec<PathBuf> = outputs
        .iter()
        .filter_map(|o| dir.join(&o.path).parent().map(Path::to_path_buf))
        .collect();
    dirs.sort();
    dirs.dedup();
    let mut stages = crate::timing::Stages::start();
    for d in &dirs {
        std::fs::create_dir_all(d).map_err(|e| io_error("create", d, &e))?;
    }
    stages.done("mkdirs");
    outputs.par_iter().try_for_each(|o| {
        let path = dir.join(&o.path);
        // An earlier batch wrote this path: never write through it, as it may be a link to a
        // file of the old tree, which must stay as it is until the swap.
        if std::fs::symlink_metadata(&path).is_ok() {
            std::fs::remove_file(&path).map_err(|e| io_error("replace", &path, &e))?;
        }
        if let Some(prev) = previous.map(|p| p.join(&o.path)) {
            if unchanged(&o.content, &prev) && std::fs::hard_link(&prev, &path).is_ok() {
                return Ok(());
            }
        }
        match &o.content {
            Content::Bytes(b) => std::fs::write(&path, b).map_err(|e| io_error("write", &path, &e)),
            Content::Copy(from) => std::fs::copy(from, &path)
                .map(|_| ())
                .map_err(|e| io_error("copy to", &path, &e)),
        }
    })
}

/// Whether the file at `old` already holds exactly these bytes (a regular file, not a link that
/// could lead outside the output). Sizes are compared first, so a changed page is rarely read.
fn unchanged(content: &Content, old: &Path) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(old) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    match content {
        Content::Bytes(b) => {
            meta.len() == b.len() as u64 && std::fs::read(old).is_ok_and(|o| o == *b)
        }
        Content::Copy(from) => {
            std::fs::metadata(from).is_ok_and(|m| m.len() == meta.len())
                && matches!((std::fs::read(from), std::fs::read(old)), (Ok(a), Ok(b)) if a == b)
        }
    }
}

fn swap(staging: &Path, out_dir: &Path, old: &Path) -> Result<(), Diagnostic> {
    let had_old = out_dir.exists();
    if had_old {
        remove(old);
        std::fs::rename(out_dir, old).map_err(|e| io_error("move aside", out_dir, &e))?;
    }
    if let Err(e) = std::fs::rename(staging, out_dir) {
        if had_old {
            // Put the previous site back: nothing may be lost.
            let _ = std::fs::rename(old, out_dir);
        }
        remove(staging);
        return Err(io_error("move into place", out_dir, &e));
    }
    if had_old {
        remove_parallel(old);
    }
    Ok(())
}

/// Removes a large tree with every core: its top-level entries in parallel.
fn remove_parallel(path: &Path) {
    if let Ok(entries) = std::fs::read_dir(path) {
        let entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        entries.par_iter().for_each(|p| remove(p));
    }
    remove(path);
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
    fn unchanged_files_are_linked_changed_ones_rewritten() {
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
        assert_eq!(
            ino("a/index.html"),
            a,
            "unchanged file kept (linked), not rewritten"
        );
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
}
