//! Write stage: the new site is written beside the old output and swapped in only when every
//! file was written, so a failed build never damages what was published before.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::render::{Content, Output};

/// Writes `outputs` into `out_dir`, replacing its previous content at once.
pub fn write_site(outputs: &[Output], out_dir: &Path) -> Result<(), Diagnostic> {
    let parent = out_dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out_dir
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    std::fs::create_dir_all(parent).map_err(|e| io_error("create", parent, &e))?;
    let staging = parent.join(format!(".{name}.new-{}", std::process::id()));
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    remove(&staging);
    let written = write_tree(outputs, &staging);
    if let Err(e) = written {
        remove(&staging);
        return Err(e);
    }
    swap(&staging, out_dir, &old)
}

/// Writes every output below `dir`: folders first, then the files in parallel.
pub fn write_tree(outputs: &[Output], dir: &Path) -> Result<(), Diagnostic> {
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
            Content::Bytes(b) => std::fs::write(&path, b).map_err(|e| io_error("write", &path, &e)),
            Content::Copy(from) => std::fs::copy(from, &path)
                .map(|_| ())
                .map_err(|e| io_error("copy to", &path, &e)),
        }
    })
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
        remove(old);
    }
    Ok(())
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
}
