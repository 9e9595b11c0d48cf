//! Putting a finished tree in place. Every operation here stays inside the output folder or the
//! working folders beside it: paths are built from the output folder downwards, and a link met
//! on the way is replaced, never followed.

use std::io;
use std::path::{Component, Path};

/// Exchanges two folders in one step: at every moment each path names a whole tree. Linux's
/// `renameat2(RENAME_EXCHANGE)`; elsewhere, and on file systems without it, `Unsupported`.
#[cfg(target_os = "linux")]
pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "NUL in path"))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both are valid NUL-terminated paths, relative ones to the current folder.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(());
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        // The kernel or the file system does not know the flag.
        Some(libc::EINVAL) | Some(libc::ENOSYS) => Err(io::ErrorKind::Unsupported.into()),
        _ => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
pub fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// Whether a rename failed because the two paths are on different file systems or the target
/// is a mount point: then only file-by-file replacement can work.
pub fn crosses_mounts(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::CrossesDevices | io::ErrorKind::ResourceBusy
    )
}

/// The folders of `rel`'s parent below `out_dir`, made where missing. A file or a link standing
/// where a folder must go (a page that became a section, `uploads -> /srv/uploads`) is removed
/// first: the walk starts at `out_dir` and never looks above it.
pub fn make_parents(out_dir: &Path, rel: &Path) -> io::Result<()> {
    let mut at = out_dir.to_path_buf();
    let Some(parent) = rel.parent() else {
        return Ok(());
    };
    for part in parent.components() {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.is_dir() => continue,
            Ok(_) => std::fs::remove_file(&at)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        std::fs::create_dir(&at)?;
    }
    Ok(())
}

/// Replaces `out_dir/rel` with the staged file `from`, whole: the new bytes are put beside it
/// under a temporary name and renamed over it, so a reader sees the old file or the new one. A
/// link at `rel` is replaced, not written through; a folder there (a section that became a page)
/// is removed first.
pub fn replace(from: &Path, out_dir: &Path, rel: &Path) -> io::Result<()> {
    make_parents(out_dir, rel)?;
    let to = out_dir.join(rel);
    if std::fs::symlink_metadata(&to).is_ok_and(|m| m.is_dir()) {
        std::fs::remove_dir_all(&to)?;
    }
    match std::fs::rename(from, &to) {
        Err(e) if crosses_mounts(&e) => {}
        done => return done,
    }
    let name = to.file_name().unwrap_or_default().to_string_lossy();
    let tmp = to.with_file_name(format!(".{name}.shishin-{}", std::process::id()));
    let copied = std::fs::copy(from, &tmp).and_then(|_| std::fs::rename(&tmp, &to));
    if copied.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    copied.map(|_| ())
}

/// Whether `rel` is a path strictly below a folder: relative, without `..`, `.`, a root or a
/// prefix. Every output path is checked so that no bug elsewhere can make a write land above
/// the output folder.
pub fn is_below(rel: &Path) -> bool {
    !rel.as_os_str().is_empty() && rel.components().all(|c| matches!(c, Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_are_below() {
        assert!(is_below(Path::new("a/b/index.html")));
        assert!(is_below(Path::new("index.html")));
        for bad in ["", "/etc/passwd", "../x", "a/../../x", "./a"] {
            assert!(!is_below(Path::new(bad)), "{bad}");
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn exchange_swaps_two_folders() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::create_dir(&a).unwrap();
        std::fs::create_dir(&b).unwrap();
        std::fs::write(a.join("f"), "from a").unwrap();
        std::fs::write(b.join("f"), "from b").unwrap();
        exchange(&a, &b).unwrap();
        assert_eq!(std::fs::read_to_string(a.join("f")).unwrap(), "from b");
        assert_eq!(std::fs::read_to_string(b.join("f")).unwrap(), "from a");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_output_is_replaced_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let (out, elsewhere) = (dir.path().join("public"), dir.path().join("srv"));
        std::fs::create_dir_all(&out).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::fs::write(elsewhere.join("index.html"), "theirs").unwrap();
        std::os::unix::fs::symlink(&elsewhere, out.join("uploads")).unwrap();
        std::os::unix::fs::symlink(elsewhere.join("index.html"), out.join("f.html")).unwrap();
        let staged = dir.path().join("staged");
        for rel in ["uploads/index.html", "f.html"] {
            std::fs::write(&staged, "ours").unwrap();
            replace(&staged, &out, Path::new(rel)).unwrap();
        }
        assert!(out.join("uploads").symlink_metadata().unwrap().is_dir());
        assert!(out.join("f.html").symlink_metadata().unwrap().is_file());
        assert_eq!(
            std::fs::read_to_string(out.join("uploads/index.html")).unwrap(),
            "ours"
        );
        assert_eq!(
            std::fs::read_to_string(elsewhere.join("index.html")).unwrap(),
            "theirs"
        );
    }
}
