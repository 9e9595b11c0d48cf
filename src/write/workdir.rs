//! The working folders a build keeps beside its output folder, and nowhere else (for `public/`):
//!
//! - `.public.lock`: held while a build writes, so two builds never write one output at once;
//! - `.public.new-PID`: the new tree while it is assembled; after the exchange, the old tree
//!   until it is removed;
//! - `.public.old-PID`: the old tree for a moment, on file systems that cannot exchange two
//!   folders in one step;
//! - `.public.new-PID-0`: a working folder being removed after an interrupt;
//! - `.public.spare`: the tree the last build replaced, where the next build starts;
//! - `.public.manifest`: what the last build wrote ([`super::manifest`]);
//! - `.public.cache`: the render cache of the last build (`pipeline::cache`): what each render
//!   job was made from and what it made, so the next build renders only what changed.
//!
//! A build that was killed leaves its folders behind; the next one, holding the lock, knows that
//! no other build is using them and removes them. Ctrl-C and `kill` (SIGINT, SIGTERM) remove them
//! at once.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

use crate::diagnostics::Diagnostic;
use crate::messages::Text;
use crate::msg;

/// The working folders of one build of one output folder.
pub struct WorkDirs {
    parent: PathBuf,
    /// The output folder's own name, which every working folder carries.
    name: String,
    /// Held until the build ends; the lock goes with the process, however it ends.
    _lock: File,
    /// Where the new tree is assembled.
    pub staging: PathBuf,
}

impl WorkDirs {
    /// Takes the output folder `out_dir` for this build: its lock, the working folders that
    /// killed builds left, and a fresh staging folder.
    pub fn claim(out_dir: &Path) -> Result<WorkDirs, Diagnostic> {
        let parent = out_dir
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        let name = folder_name(out_dir);
        std::fs::create_dir_all(&parent).map_err(|e| io_error(Doing::Create, &parent, &e))?;
        let lock_path = parent.join(format!(".{name}.lock"));
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| io_error(Doing::Create, &lock_path, &e))?;
        if lock.try_lock().is_err() {
            return Err(Diagnostic::error(msg!(
                "output-locked",
                out = out_dir.display().to_string()
            ))
            .hint(msg!("output-locked-hint")));
        }
        let dirs = WorkDirs {
            staging: parent.join(format!(".{name}.new-{}", std::process::id())),
            parent,
            name,
            _lock: lock,
        };
        dirs.remove_leftovers();
        install_interrupt_handler();
        watch(&dirs.staging);
        std::fs::create_dir(&dirs.staging)
            .map_err(|e| io_error(Doing::Create, &dirs.staging, &e))?;
        Ok(dirs)
    }

    /// Where the manifest of the output folder is kept.
    pub fn manifest(&self) -> PathBuf {
        super::manifest::path_for(&self.parent.join(&self.name))
    }

    /// The folder of the render cache kept with the output.
    pub fn cache(&self) -> PathBuf {
        self.parent.join(format!(".{}.cache", self.name))
    }

    /// The tree the last build replaced, kept: hard links to the output's files for the most
    /// part, so it costs little room, and the next build starts from it instead of linking every
    /// file anew (and no build pays for removing a whole tree, which on a disk takes longer than
    /// a whole build).
    fn spare(&self) -> PathBuf {
        self.parent.join(format!(".{}.spare", self.name))
    }

    /// Makes the spare tree, if there is one, the staging folder when `reuse`; removes it when
    /// not (a tree the new output cannot start from). Any spare tree will do: the build checks
    /// each of its files against the output before it keeps it.
    pub fn take_spare(&self, reuse: bool) -> bool {
        let spare = self.spare();
        let Ok(meta) = std::fs::symlink_metadata(&spare) else {
            return false;
        };
        // Its files are told from the output's by inode, so only on the output's file system;
        // and only a tree made by whoever builds now can be written into.
        let usable = reuse && meta.is_dir() && made_like(&meta, &self.staging);
        if !usable || std::fs::remove_dir(&self.staging).is_err() {
            remove(&spare);
            return false;
        }
        if std::fs::rename(&spare, &self.staging).is_ok() {
            return true;
        }
        // The staging folder must exist whatever happened.
        let _ = std::fs::create_dir(&self.staging);
        false
    }

    /// Keeps the staging folder, which now holds the replaced tree, as the next build's spare.
    pub fn keep_as_spare(&self) {
        let spare = self.spare();
        remove(&spare);
        if std::fs::rename(&self.staging, &spare).is_err() {
            remove(&self.staging);
        }
    }

    /// Where the old tree waits for a moment where folders cannot be exchanged in one step.
    pub fn aside(&self) -> PathBuf {
        self.parent
            .join(format!(".{}.old-{}", self.name, std::process::id()))
    }

    /// Removes the working folders of builds that no longer run: with the lock held, no other
    /// build is using any. Only entries directly beside the output folder and named as ours are
    /// touched; a link among them is removed, never followed.
    fn remove_leftovers(&self) {
        let Ok(entries) = std::fs::read_dir(&self.parent) else {
            return;
        };
        let prefixes = [
            format!(".{}.new-", self.name),
            format!(".{}.old-", self.name),
        ];
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let ours = prefixes.iter().any(|p| {
                name.strip_prefix(p.as_str()).is_some_and(|pid| {
                    pid.starts_with(|c: char| c.is_ascii_digit())
                        && pid.bytes().all(|b| b.is_ascii_digit() || b == b'-')
                })
            });
            if ours {
                remove(&entry.path());
            }
        }
    }
}

impl Drop for WorkDirs {
    fn drop(&mut self) {
        remove(&self.staging);
        remove(&self.aside());
        unwatch(&self.staging);
        unwatch(&self.aside());
    }
}

/// Whether `meta` is on the same file system and has the same owner as the folder `made` that
/// this build has just made.
#[cfg(unix)]
fn made_like(meta: &std::fs::Metadata, made: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(made).is_ok_and(|m| m.dev() == meta.dev() && m.uid() == meta.uid())
}

#[cfg(not(unix))]
fn made_like(_: &std::fs::Metadata, _: &Path) -> bool {
    true
}

/// The output folder's own name, which every working folder beside it carries.
pub fn folder_name(out_dir: &Path) -> String {
    out_dir
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned())
}

/// Working folders that an interrupt must remove.
static WORKING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn working() -> MutexGuard<'static, Vec<PathBuf>> {
    WORKING.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn watch(path: &Path) {
    working().push(path.to_path_buf());
}

pub fn unwatch(path: &Path) {
    working().retain(|p| p != path);
}

/// Held while the output folder is being exchanged: an interrupt waits until the output is whole
/// again (old or new) before it removes the working folders and exits.
pub fn hold() -> MutexGuard<'static, Vec<PathBuf>> {
    working()
}

fn install_interrupt_handler() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Without a handler (another part of the program set one) an interrupted build leaves
        // its folders to the next build, which removes them.
        let _ = ctrlc::set_handler(|| {
            let paths = working();
            for p in paths.iter() {
                // Renamed first: writers still running then find no folder to write into.
                let mut gone = p.as_os_str().to_owned();
                gone.push("-0");
                let gone = PathBuf::from(gone);
                match std::fs::rename(p, &gone) {
                    Ok(()) => remove(&gone),
                    Err(_) => remove(p),
                }
            }
            eprintln!("{}", crate::messages::say(&msg!("build-interrupted")));
            std::process::exit(130);
        });
    });
}

/// Removes a working folder or file; a link is removed itself, never followed.
pub fn remove(path: &Path) {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => {
            // A writer still adding files can make one attempt fail on a folder it filled.
            for _ in 0..3 {
                if std::fs::remove_dir_all(path).is_ok() {
                    break;
                }
            }
        }
        Ok(_) => {
            let _ = std::fs::remove_file(path);
        }
        Err(_) => {}
    }
}

/// What the writer was doing when the file system refused, as a message names it.
#[derive(Debug, Clone, Copy)]
pub enum Doing {
    Create,
    Write,
    CopyTo,
    Exchange,
    MoveIntoPlace,
    Replace,
}

impl Doing {
    fn text(self) -> Text {
        match self {
            Doing::Create => msg!("doing-create"),
            Doing::Write => msg!("doing-write"),
            Doing::CopyTo => msg!("doing-copy-to"),
            Doing::Exchange => msg!("doing-exchange"),
            Doing::MoveIntoPlace => msg!("doing-move-into-place"),
            Doing::Replace => msg!("doing-replace"),
        }
    }
}

pub fn io_error(doing: Doing, path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(msg!(
        "output-io-failed",
        doing = doing.text(),
        path = path.display().to_string(),
        why = e.to_string()
    ))
    .hint(msg!("output-io-failed-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_of_killed_builds_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        for name in [".public.new-123", ".public.old-9", ".public.new-77-0/deep"] {
            std::fs::create_dir_all(dir.path().join(name)).unwrap();
        }
        // Kept: another output's folders, a look-alike, the user's own files.
        for name in [
            ".docs.new-5",
            ".public.new-x",
            "notes.txt",
            ".public.newer-1",
        ] {
            std::fs::write(dir.path().join(name), "mine").unwrap();
        }
        // A link named like a leftover is removed as a link; what it points to stays.
        let target = dir.path().join("target");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("sentinel"), "keep").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&target, dir.path().join(".public.new-1")).unwrap();
        let work = WorkDirs::claim(&out).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let staging = format!(".public.new-{}", std::process::id());
        let mut expected = vec![
            ".docs.new-5",
            ".public.lock",
            staging.as_str(),
            ".public.new-x",
            ".public.newer-1",
            "notes.txt",
            "target",
        ];
        expected.sort();
        assert_eq!(names, expected);
        assert_eq!(
            std::fs::read_to_string(target.join("sentinel")).unwrap(),
            "keep"
        );
        drop(work);
        assert!(!dir.path().join(&staging).exists(), "removed when dropped");
    }

    #[test]
    fn a_second_build_of_the_same_output_is_refused_while_the_first_runs() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = WorkDirs::claim(&out).unwrap();
        let err = WorkDirs::claim(&out).err().expect("refused");
        assert!(err.message.contains("right now"), "{err:?}");
        assert!(first.staging.is_dir(), "the first build's folder is kept");
        drop(first);
        assert!(WorkDirs::claim(&out).is_ok());
    }
}
