//! Write stage: the output folder shows the whole previous site or the whole new one, at every
//! moment, whether the build succeeds, fails or is killed (SPEC 12).
//!
//! The new tree is assembled in a working folder beside the output ([`workdir`]): files whose
//! bytes changed are written, unchanged ones hard-linked from the previous output (a rebuild
//! mostly produces the same bytes, and writing many files costs much system time, on a disk
//! most of all). Whether a file changed is known from the manifest of the previous build
//! ([`manifest`]) without reading it back. Once everything succeeded, [`Staging::commit`]
//! exchanges the two trees in one step. The replaced tree is kept as the next build's starting
//! point: most of its files are the output's own, linked, so a rebuild that changes little
//! touches little, and no build pays for removing a whole tree.
//!
//! An output folder that is a mount point (a Docker volume, a docroot partition) or a link to a
//! folder cannot be exchanged: its changed files are then replaced one by one, each whole, and
//! the summary says so. Nothing is ever written, removed or followed above the output folder
//! ([`place`]); the folders a build refuses to write to are in [`guard`]. A file is always
//! written as a new file: whatever stands at its path in the staging tree is removed first, never
//! written through (in a recycled tree it may be a link to a file readers see now).

mod guard;
mod manifest;
mod place;
mod workdir;

use std::collections::{HashMap, HashSet};
use std::fs::Metadata;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::model::{Content, Output};
use crate::msg;
use manifest::{Manifest, Record, Stamp};
use workdir::{io_error, Doing, WorkDirs};

/// Removes a working file or folder beside the output; a link is removed, never followed.
pub use workdir::remove as remove_working;

/// A build's output being written, in as many batches as the renderer hands over (so a large
/// site never holds all its HTML in memory). Dropped without [`Staging::commit`], it removes its
/// working folders and the output stays as it was.
pub struct Staging {
    work: WorkDirs,
    out_dir: PathBuf,
    mode: Mode,
    /// The previous output and the recycled tree as found, in the background.
    found: Background,
    /// Every output path of this build.
    files: HashMap<String, File>,
    /// Run once the new output is in place (the render cache is saved there).
    after_commit: Vec<Box<dyn FnOnce() + Send + Sync>>,
    /// Run before the output is replaced (the render cache of the replaced output is dropped).
    before_commit: Vec<Box<dyn FnOnce() + Send + Sync>>,
}

/// How the new output takes the place of the old.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// No previous output: the new tree is renamed into place.
    First,
    /// The new tree is whole beside the old, and the two are exchanged in one step.
    Exchange,
    /// The output folder cannot be exchanged: changed files are replaced one by one.
    InPlace,
}

/// A file of this build.
#[derive(Clone, Copy)]
struct File {
    fate: Fate,
    /// The hash of its bytes when it is generated text, for the manifest.
    hash: Option<u128>,
}

/// What a build does with one of its files.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fate {
    /// Its bytes differ from the previous output's: written into the staging folder.
    Written,
    /// Unchanged: the previous output's file, linked into the new tree.
    Linked,
    /// Unchanged, with nothing to do: the recycled tree holds the output's file itself, or the
    /// output is updated in place. Its identity on disk is as the previous output found it.
    Kept,
}

/// How the new output was put in place, for the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placed {
    /// In one step: readers saw the old site until that moment, the new one from it.
    AtOnce,
    /// File by file, each whole: the output folder is a mount point or a link to a folder.
    FileByFile,
}

/// A commit that failed.
#[derive(Debug)]
pub struct Failed {
    pub diagnostic: Diagnostic,
    /// Some files of the output were already replaced: it is partly updated.
    pub partly_updated: bool,
}

impl Staging {
    /// Starts a build of the site at `site_root` into `out_dir`, after checking that the folder
    /// is one a build may replace ([`guard`]).
    pub fn begin(out_dir: &Path, site_root: &Path) -> Result<Staging, Diagnostic> {
        // `.` or `a/..` name no folder of their own: the real path tells where the output is.
        let resolved;
        let out_dir = match out_dir.file_name() {
            Some(_) => out_dir,
            None => {
                resolved = std::fs::canonicalize(out_dir).unwrap_or_else(|_| out_dir.into());
                &resolved
            }
        };
        guard::check(out_dir, site_root)?;
        let work = WorkDirs::claim(out_dir)?;
        let mode = mode_of(out_dir);
        // Only a tree that is exchanged whole can start from the spare one.
        let reuse = work.take_spare(mode == Mode::Exchange);
        let found = Background::start(out_dir, &work, mode, reuse);
        Ok(Staging {
            work,
            out_dir: out_dir.to_path_buf(),
            mode,
            found,
            files: HashMap::new(),
            after_commit: Vec::new(),
            before_commit: Vec::new(),
        })
    }

    /// The working folder beside the output where the render cache is kept (`.public.cache`).
    pub fn cache_dir(&self) -> PathBuf {
        self.work.cache()
    }

    /// Whether the previous output holds the file `path` exactly as the previous build recorded
    /// it, with bytes of hash `hash`: then this build can keep it without making it again.
    pub fn holds(&self, path: &str, hash: u128) -> bool {
        let found = self.found.get();
        let (Some(meta), Some(record)) = (found.old.get(path), found.manifest.get(path)) else {
            return false;
        };
        !self.files.contains_key(path)
            && meta.stamp == Some(record.stamp)
            && record.hash == hash
            && place::is_below(Path::new(path))
    }

    /// Looks up files of the previous output in parallel, so that [`Staging::holds`] then finds
    /// them known.
    pub fn look_up(&self, paths: &[&str]) {
        let old = &self.found.get().old;
        paths.par_iter().for_each(|p| {
            old.get(p);
        });
    }

    /// The bytes of a file of the previous output (one this build keeps, [`Staging::holds`]).
    pub fn previous(&self, path: &str) -> Option<String> {
        self.found.get().old.get(path)?;
        std::fs::read_to_string(self.out_dir.join(path)).ok()
    }

    /// The hash of the bytes of a file this build wrote or kept.
    pub fn hash_of(&self, path: &str) -> Option<u128> {
        self.files.get(path)?.hash
    }

    /// Keeps files of the previous output unchanged in the new one, without their bytes: each
    /// must be one the previous output holds ([`Staging::holds`]), which is checked again.
    pub fn keep(&mut self, kept: &[(String, u128)]) -> Result<(), Diagnostic> {
        if let Some((path, _)) = kept.iter().find(|(p, h)| !self.holds(p, *h)) {
            return Err(
                Diagnostic::error(msg!("output-kept-file-changed", path = path))
                    .hint(msg!("output-kept-file-changed-hint")),
            );
        }
        let link = self.mode == Mode::Exchange;
        let found = self.found.get();
        let verdicts: Vec<(String, File)> = kept
            .iter()
            .map(|(path, hash)| {
                let fate = match link && !found.recycled.holds_live(path, &found.old) {
                    true => Fate::Linked,
                    false => Fate::Kept,
                };
                let hash = Some(*hash);
                (path.clone(), File { fate, hash })
            })
            .collect();
        let staging = &self.work.staging;
        let (out_dir, recycled) = (&self.out_dir, &found.recycled);
        let linked: Vec<&String> = verdicts
            .iter()
            .filter(|(_, f)| f.fate == Fate::Linked)
            .map(|(p, _)| p)
            .collect();
        for path in &linked {
            if recycled.in_the_way(path) {
                recycled.clear_way(staging, path);
            }
        }
        make_folders(linked.iter().map(|p| p.as_str()), staging)?;
        linked
            .par_iter()
            .try_for_each(|path| link_file(&out_dir.join(path), &staging.join(path)))?;
        self.files.extend(verdicts);
        Ok(())
    }

    /// Runs `before` just before the output is replaced and `after` once the new output is in
    /// place; neither runs when the build is not committed.
    pub fn on_commit(
        &mut self,
        before: Box<dyn FnOnce() + Send + Sync>,
        after: Box<dyn FnOnce() + Send + Sync>,
    ) {
        self.before_commit.push(before);
        self.after_commit.push(after);
    }

    /// Writes a batch: the files whose bytes differ from the previous build's; the others are
    /// linked from the previous output when the new tree must be whole. A later batch may replace
    /// a file of an earlier one.
    pub fn write(&mut self, outputs: &[Output]) -> Result<(), Diagnostic> {
        if let Some(o) = outputs
            .iter()
            .find(|o| !place::is_below(Path::new(&o.path)))
        {
            return Err(
                Diagnostic::error(msg!("output-path-outside", path = &o.path))
                    .hint(msg!("internal-error-hint")),
            );
        }
        let found = self.found.get();
        let (old, previous, files) = (&found.old, &found.manifest, &self.files);
        let (out_dir, recycled) = (&self.out_dir, &found.recycled);
        let link = self.mode == Mode::Exchange;
        let verdicts: Vec<(&Output, File)> = outputs
            .par_iter()
            .map(|o| {
                let hash = match &o.content {
                    Content::Text(t) => Some(manifest::hash(t.as_bytes())),
                    Content::Copy(_) => None,
                };
                // Seen in an earlier batch: its staged copy must be replaced.
                let changed = files.contains_key(&o.path)
                    || !old.get(&o.path).is_some_and(|meta| {
                        unchanged(o, hash, &out_dir.join(&o.path), &meta, previous)
                    });
                let fate = match changed {
                    true => Fate::Written,
                    false if link && !recycled.holds_live(&o.path, old) => Fate::Linked,
                    false => Fate::Kept,
                };
                (o, File { fate, hash })
            })
            .collect();
        let staging = &self.work.staging;
        let placed: Vec<&(&Output, File)> = verdicts
            .iter()
            .filter(|(_, f)| f.fate != Fate::Kept)
            .collect();
        // What stands where a placed file goes goes first: a file staged or linked by an earlier
        // batch or an earlier build (a link must never be written through, it is the file
        // readers see now), or a file or folder of the recycled tree in the way.
        for (o, _) in &placed {
            if files.contains_key(&o.path) || recycled.in_the_way(&o.path) {
                recycled.clear_way(staging, &o.path);
            }
        }
        make_folders(placed.iter().map(|(o, _)| o.path.as_str()), staging)?;
        placed
            .par_iter()
            .try_for_each(|(o, file)| match file.fate {
                Fate::Linked => link_file(&out_dir.join(&o.path), &staging.join(&o.path)),
                _ => write_file(o, &staging.join(&o.path)),
            })?;
        for (o, file) in verdicts {
            self.files.insert(o.path.clone(), file);
        }
        Ok(())
    }

    /// Puts the new output in place.
    pub fn commit(mut self) -> Result<Placed, Failed> {
        // The old manifest goes first: whatever happens next, it never vouches for a file this
        // commit has replaced.
        let manifest = self.work.manifest();
        let _ = std::fs::remove_file(&manifest);
        for before in std::mem::take(&mut self.before_commit) {
            before();
        }
        let found = self.found.get();
        found
            .recycled
            .remove_unused(&self.work.staging, &self.files);
        let placed = match self.mode {
            Mode::First => self.rename_into_place().map(|_| Placed::AtOnce),
            Mode::Exchange => match self.exchange() {
                Ok(()) => Ok(Placed::AtOnce),
                // A bind mount or another file system that the folder check did not see.
                Err(e) if place::crosses_mounts(&e) => {
                    self.replace_one_by_one().map(|_| Placed::FileByFile)
                }
                Err(e) => Err(not_placed(Doing::Exchange, &self.out_dir, &e)),
            },
            Mode::InPlace => self.replace_one_by_one().map(|_| Placed::FileByFile),
        }?;
        // The previous tree now sits in the staging folder: kept, it is where the next build
        // starts, so neither build pays for removing a whole tree.
        if placed == Placed::AtOnce {
            self.work.keep_as_spare();
        }
        self.save_manifest(&manifest);
        for after in std::mem::take(&mut self.after_commit) {
            after();
        }
        Ok(placed)
    }

    fn rename_into_place(&self) -> Result<(), Failed> {
        let _interrupt = workdir::hold();
        std::fs::rename(&self.work.staging, &self.out_dir)
            .map_err(|e| not_placed(Doing::MoveIntoPlace, &self.out_dir, &e))
    }

    /// Exchanges the new tree and the old. Where the file system cannot exchange in one step, the
    /// old tree is moved aside and the new one renamed into place right after: for that moment
    /// the output folder is missing, but never mixed.
    fn exchange(&self) -> std::io::Result<()> {
        let _interrupt = workdir::hold();
        let (new, out) = (&self.work.staging, &self.out_dir);
        match place::exchange(new, out) {
            Err(e) if e.kind() == std::io::ErrorKind::Unsupported => {}
            done => return done,
        }
        let aside = self.work.aside();
        std::fs::rename(out, &aside)?;
        if let Err(e) = std::fs::rename(new, out) {
            std::fs::rename(&aside, out)?;
            return Err(e);
        }
        std::fs::rename(&aside, new)
    }

    /// Replaces the changed files of the output one by one, each whole, and removes the files the
    /// site no longer has.
    fn replace_one_by_one(&self) -> Result<(), Failed> {
        let mut changed: Vec<&String> = self
            .files
            .iter()
            .filter(|(_, f)| f.fate == Fate::Written)
            .map(|(rel, _)| rel)
            .collect();
        changed.sort();
        for (done, rel) in changed.iter().enumerate() {
            let from = self.work.staging.join(rel);
            place::replace(&from, &self.out_dir, Path::new(rel)).map_err(|e| {
                let failed = not_placed(Doing::Replace, &self.out_dir.join(rel), &e);
                match done {
                    0 => failed,
                    _ => partly_updated(&self.out_dir, done, changed.len(), failed.diagnostic),
                }
            })?;
        }
        remove_stale(&self.out_dir, &self.files);
        Ok(())
    }

    /// Records what is now in the output. Without a manifest the next build compares bytes, so a
    /// failure here is no error. A file written or linked by this build is looked at anew
    /// (linking changes a file's change time); a kept one is as the previous output found it.
    fn save_manifest(&self, manifest: &Path) {
        let records: Vec<(&str, Record)> = self
            .files
            .par_iter()
            .filter_map(|(rel, file)| {
                let stamp = match (file.fate, self.found.get().old.get(rel)) {
                    (Fate::Kept, Some(meta)) => meta.stamp?,
                    _ => Stamp::of(&std::fs::symlink_metadata(self.out_dir.join(rel)).ok()?)?,
                };
                Some((
                    rel.as_str(),
                    Record {
                        stamp,
                        hash: file.hash?,
                    },
                ))
            })
            .collect();
        let _ = Manifest::save(records.into_iter(), manifest);
    }
}

/// What a build finds of the previous output and of the tree it recycles.
#[derive(Default)]
struct Previous {
    /// The regular files of the previous output.
    old: OldFiles,
    /// What the previous build wrote.
    manifest: Manifest,
    /// What the staging folder already holds when it is the tree an earlier build replaced
    /// ([`workdir::WorkDirs::take_spare`]): most of its files are the output's own, linked.
    recycled: Recycled,
}

/// [`Previous`], found by two threads while the site is read and parsed (walking a large output
/// costs a few system calls per folder, and those stages leave a core idle at times), waited for
/// when first needed.
struct Background {
    ready: std::sync::OnceLock<Previous>,
    pending: std::sync::Mutex<Option<std::thread::JoinHandle<Previous>>>,
}

impl Background {
    fn start(out_dir: &Path, work: &WorkDirs, mode: Mode, reuse: bool) -> Background {
        let (out_dir, manifest, staging) =
            (out_dir.to_path_buf(), work.manifest(), work.staging.clone());
        let handle = std::thread::spawn(move || {
            let spare = std::thread::spawn(move || match reuse {
                true => Recycled::of(&staging),
                false => Recycled::default(),
            });
            let (old, manifest) = match mode {
                Mode::First => (OldFiles::default(), Manifest::default()),
                _ => (OldFiles::of(&out_dir), Manifest::load(&manifest)),
            };
            // A walk that failed must not pass for an empty tree: a file linked to the output
            // would then be written through.
            let recycled = spare
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            Previous {
                old,
                manifest,
                recycled,
            }
        });
        Background {
            ready: std::sync::OnceLock::new(),
            pending: std::sync::Mutex::new(Some(handle)),
        }
    }

    fn get(&self) -> &Previous {
        self.ready.get_or_init(|| {
            let handle = self.pending.lock().ok().and_then(|mut p| p.take());
            match handle {
                Some(h) => h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
                None => unreachable!("the previous output is found once"),
            }
        })
    }
}

/// The files and folders of a recycled staging tree, by path with `/`: each file with its inode
/// as its folder lists it (no `stat` for each of a large site's files).
#[derive(Default)]
struct Recycled {
    files: HashMap<String, Option<u64>>,
    folders: HashSet<String>,
}

impl Recycled {
    fn of(dir: &Path) -> Recycled {
        let mut recycled = Recycled::default();
        for entry in walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .flatten()
        {
            let Some(rel) = entry.path().strip_prefix(dir).ok().and_then(Path::to_str) else {
                continue;
            };
            let rel = rel.replace('\\', "/");
            match entry.file_type().is_dir() {
                true => recycled.folders.insert(rel),
                false => recycled.files.insert(rel, inode(&entry)).is_none(),
            };
        }
        recycled
    }

    /// Removes the recycled tree's files that this build does not have, then the folders they
    /// leave empty.
    fn remove_unused(&self, dir: &Path, files: &HashMap<String, File>) {
        let unused = self.files.keys().filter(|rel| !files.contains_key(*rel));
        let mut emptied = HashSet::new();
        for rel in unused {
            let path = dir.join(rel);
            if std::fs::remove_file(&path).is_ok() {
                emptied.extend(path.parent().map(Path::to_path_buf));
            }
        }
        remove_empty_folders(dir, emptied);
    }

    /// Whether the recycled tree already holds the output's unchanged file itself (the same
    /// file, linked): then there is nothing to do for it.
    fn holds_live(&self, path: &str, old: &OldFiles) -> bool {
        let Some(Some(here)) = self.files.get(path) else {
            return false;
        };
        old.get(path)
            .is_some_and(|live| Some(*here) == live.stamp.map(|s| s.ino()))
    }

    /// Whether something of the recycled tree stands at `rel` or where one of its folders goes.
    fn in_the_way(&self, rel: &str) -> bool {
        if self.files.is_empty() && self.folders.is_empty() {
            return false;
        }
        self.files.contains_key(rel)
            || self.folders.contains(rel)
            || Path::new(rel)
                .ancestors()
                .skip(1)
                .filter_map(Path::to_str)
                .any(|a| self.files.contains_key(a))
    }

    /// Removes what stands at `rel` below `dir`, and any file where one of its folders goes.
    fn clear_way(&self, dir: &Path, rel: &str) {
        workdir::remove(&dir.join(rel));
        for a in Path::new(rel).ancestors().skip(1).filter_map(Path::to_str) {
            if self.files.contains_key(a) {
                workdir::remove(&dir.join(a));
            }
        }
    }
}

/// A listed file's inode. The recycled tree is only used on the output's own file system
/// ([`WorkDirs::take_spare`]), so inodes compare.
#[cfg(unix)]
fn inode(entry: &walkdir::DirEntry) -> Option<u64> {
    use walkdir::DirEntryExt;
    Some(entry.ino())
}

/// Elsewhere no file is taken for the output's own: each is linked anew.
#[cfg(not(unix))]
fn inode(_: &walkdir::DirEntry) -> Option<u64> {
    None
}

/// How `out_dir` can take the new output.
fn mode_of(out_dir: &Path) -> Mode {
    let Ok(link) = std::fs::symlink_metadata(out_dir) else {
        return Mode::First;
    };
    if link.file_type().is_symlink() || is_mount_point(out_dir) {
        Mode::InPlace
    } else {
        Mode::Exchange
    }
}

/// Whether `out_dir` is on another file system than the folder it lies in.
#[cfg(unix)]
fn is_mount_point(out_dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let parent = out_dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (std::fs::metadata(out_dir), std::fs::metadata(parent)) {
        (Ok(out), Ok(parent)) => out.dev() != parent.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_mount_point(_: &Path) -> bool {
    false
}

/// What a build needs of a file of the previous output: far less than its whole `Metadata`, for
/// each of a large site's 200,000 files.
#[derive(Clone, Copy)]
struct OldFile {
    len: u64,
    stamp: Option<Stamp>,
}

/// The regular files of the previous output, looked up one by one as the build asks: the file
/// without following it, and once each the folders above it, which must be folders, not links (a
/// file below a link is never taken for part of the output). A large output is not walked whole:
/// a build only asks about its own files.
#[derive(Default)]
struct OldFiles {
    /// `None`: there is no previous output.
    out_dir: Option<PathBuf>,
    files: std::sync::Mutex<HashMap<String, Option<OldFile>>>,
    /// Below the output, by path with `/`: whether it is a folder (and not a link).
    folders: std::sync::Mutex<HashMap<String, bool>>,
}

impl OldFiles {
    fn of(out_dir: &Path) -> OldFiles {
        OldFiles {
            out_dir: Some(out_dir.to_path_buf()),
            ..OldFiles::default()
        }
    }

    /// The file `path` (below the output, with `/`) of the previous output, when it is a
    /// regular file there.
    fn get(&self, path: &str) -> Option<OldFile> {
        let out_dir = self.out_dir.as_ref()?;
        if let Some(&known) = self.files.lock().ok()?.get(path) {
            return known;
        }
        let found = self.look(out_dir, path).map(|meta| OldFile {
            len: meta.len(),
            stamp: Stamp::of(&meta),
        });
        self.files.lock().ok()?.insert(path.to_string(), found);
        found
    }

    fn look(&self, out_dir: &Path, path: &str) -> Option<Metadata> {
        if !place::is_below(Path::new(path)) {
            return None;
        }
        let folders = path.match_indices('/').map(|(i, _)| &path[..i]);
        for folder in folders {
            if !self.is_folder(out_dir, folder) {
                return None;
            }
        }
        let meta = std::fs::symlink_metadata(out_dir.join(path)).ok()?;
        meta.file_type().is_file().then_some(meta)
    }

    fn is_folder(&self, out_dir: &Path, folder: &str) -> bool {
        if let Some(&known) = self
            .folders
            .lock()
            .ok()
            .as_ref()
            .and_then(|f| f.get(folder))
        {
            return known;
        }
        let is = std::fs::symlink_metadata(out_dir.join(folder)).is_ok_and(|m| m.is_dir());
        if let Ok(mut folders) = self.folders.lock() {
            folders.insert(folder.to_string(), is);
        }
        is
    }
}

/// Makes the folders the files at `paths` go in, below `dir`.
fn make_folders<'a>(paths: impl Iterator<Item = &'a str>, dir: &Path) -> Result<(), Diagnostic> {
    let mut dirs: Vec<PathBuf> = paths
        .filter_map(|p| dir.join(p).parent().map(Path::to_path_buf))
        .filter(|d| d != dir)
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        create_below(dir, d).map_err(|e| io_error(Doing::Create, d, &e))?;
    }
    Ok(())
}

/// Makes the folder `path` and its missing parents up to `dir`, which must exist: once an
/// interrupt has removed the staging folder, no writer may make it again.
fn create_below(dir: &Path, path: &Path) -> std::io::Result<()> {
    match std::fs::create_dir(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && path != dir => {
            match path.parent().filter(|p| p.starts_with(dir) && *p != dir) {
                Some(parent) => create_below(dir, parent)?,
                None => return Err(e),
            }
            create_below(dir, path)
        }
        Err(e) => Err(e),
    }
}

fn write_file(o: &Output, path: &Path) -> Result<(), Diagnostic> {
    match &o.content {
        Content::Text(t) => new_file(path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, t.as_bytes()))
            .map_err(|e| io_error(Doing::Write, path, &e)),
        Content::Copy(from) => copy_file(from, path).map_err(|e| {
            crate::load::vanished_copy(from).unwrap_or_else(|| io_error(Doing::CopyTo, path, &e))
        }),
    }
}

/// Puts the previous output's unchanged file into the new tree without copying its bytes; where
/// the file system cannot link (or forbids linking a file of another owner), it is copied.
fn link_file(old: &Path, new: &Path) -> Result<(), Diagnostic> {
    let linked = std::fs::hard_link(old, new).or_else(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(new).and_then(|()| std::fs::hard_link(old, new))
        }
        _ => Err(e),
    });
    linked
        .or_else(|_| copy_file(old, new))
        .map_err(|e| io_error(Doing::CopyTo, new, &e))
}

/// A new, empty file at `path` of the staging tree. Whatever stood there is removed first, never
/// written through: in a recycled tree it may be a link to a file the published site shows, and
/// the build must not depend on having found every such file.
fn new_file(path: &Path) -> std::io::Result<std::fs::File> {
    let create = || {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
    };
    create().or_else(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => std::fs::remove_file(path).and_then(|()| create()),
        _ => Err(e),
    })
}

/// Copies `from` into a new file at `to` ([`new_file`]).
fn copy_file(from: &Path, to: &Path) -> std::io::Result<()> {
    let mut source = std::fs::File::open(from)?;
    let mut target = new_file(to)?;
    std::io::copy(&mut source, &mut target).map(|_| ())
}

/// Whether the previous output's file `old` (found as `meta`) already holds exactly the output's
/// bytes. Generated text whose hash is `hash` is not even read when the previous manifest knows
/// the file as it is; sizes are compared first, so a changed page is rarely read either.
fn unchanged(o: &Output, hash: Option<u128>, old: &Path, meta: &OldFile, prev: &Manifest) -> bool {
    match &o.content {
        Content::Text(t) => {
            let known = prev.get(&o.path).filter(|r| Some(r.stamp) == meta.stamp);
            match (known, hash) {
                (Some(record), Some(hash)) => record.hash == hash,
                _ => {
                    meta.len == t.len() as u64
                        && std::fs::read(old).is_ok_and(|b| b == t.as_bytes())
                }
            }
        }
        Content::Copy(from) => {
            std::fs::metadata(from).is_ok_and(|m| m.len() == meta.len)
                && matches!((std::fs::read(from), std::fs::read(old)), (Ok(a), Ok(b)) if a == b)
        }
    }
}

/// Removes the files and links below `out_dir` that are not among `paths`, then the folders left
/// empty. Links are removed, never followed.
fn remove_stale(out_dir: &Path, paths: &HashMap<String, File>) {
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
        if !paths.contains_key(&rel) && std::fs::remove_file(entry.path()).is_ok() {
            emptied.extend(entry.path().parent().map(Path::to_path_buf));
        }
    }
    remove_empty_folders(out_dir, emptied);
}

/// Removes the folders below `dir` among `emptied` that are empty, deepest first, each then its
/// parents while they empty too.
fn remove_empty_folders(dir: &Path, emptied: HashSet<PathBuf>) {
    let mut emptied: Vec<PathBuf> = emptied.into_iter().collect();
    emptied.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    for d in emptied {
        let mut at = d.as_path();
        while at != dir && at.starts_with(dir) && std::fs::remove_dir(at).is_ok() {
            match at.parent() {
                Some(p) => at = p,
                None => break,
            }
        }
    }
}

/// The new output could not be put in place; the previous one is as it was.
fn not_placed(what: Doing, path: &Path, e: &std::io::Error) -> Failed {
    Failed {
        diagnostic: io_error(what, path, e),
        partly_updated: false,
    }
}

/// Replacing files one by one stopped after `done` of `total`.
fn partly_updated(out_dir: &Path, done: usize, total: usize, cause: Diagnostic) -> Failed {
    let hint = msg!(
        "output-partly-updated-hint",
        out = out_dir.display().to_string(),
        done = done,
        total = total
    );
    let diagnostic = Diagnostic {
        hint: Some(hint),
        ..cause
    };
    Failed {
        diagnostic,
        partly_updated: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One whole build's files into `out_dir`.
    fn write_site(outputs: &[Output], out_dir: &Path) -> Result<(), Diagnostic> {
        let mut staging = Staging::begin(out_dir, &elsewhere())?;
        staging.write(outputs)?;
        staging.commit().map(|_| ()).map_err(|f| f.diagnostic)
    }

    /// A site folder away from every output of these tests.
    fn elsewhere() -> PathBuf {
        std::env::temp_dir().join("shishin-no-site")
    }

    /// A file of the output.
    fn read(out_dir: &Path, rel: &str) -> String {
        std::fs::read_to_string(out_dir.join(rel)).unwrap()
    }

    /// What is beside the output folder, less the manifest.
    fn beside(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| {
                !n.ends_with(".manifest") && !n.ends_with(".lock") && !n.ends_with(".spare")
            })
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_previous_output_entirely() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("old")).unwrap();
        std::fs::write(out.join("old/stale.html"), "x").unwrap();
        // An earlier build's home page, which says who made it.
        let home = "<meta name=\"generator\" content=\"shishin\">";
        std::fs::write(out.join("index.html"), home).unwrap();
        write_site(&[Output::text("a/index.html", "new".into())], &out).unwrap();
        assert_eq!(read(&out, "a/index.html"), "new");
        assert!(!out.join("old").exists());
        assert_eq!(
            beside(dir.path()),
            ["public"],
            "no staging folders left behind"
        );
    }

    #[test]
    fn a_file_in_the_way_is_replaced_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let live = dir.path().join("live.html");
        std::fs::write(&live, "公開中").unwrap();
        // A staging path that is a link to the published file, which nothing listed.
        let staged = dir.path().join("staged.html");
        std::fs::hard_link(&live, &staged).unwrap();
        write_file(&Output::text("staged.html", "新しい".into()), &staged).unwrap();
        assert_eq!(std::fs::read_to_string(&live).unwrap(), "公開中");
        assert_eq!(std::fs::read_to_string(&staged).unwrap(), "新しい");
        // Linked over, and copied over.
        let other = dir.path().join("other.html");
        std::fs::write(&other, "別のページ").unwrap();
        std::fs::remove_file(&staged).unwrap();
        std::fs::hard_link(&live, &staged).unwrap();
        link_file(&other, &staged).unwrap();
        assert_eq!(std::fs::read_to_string(&live).unwrap(), "公開中");
        assert_eq!(std::fs::read_to_string(&staged).unwrap(), "別のページ");
        std::fs::remove_file(&staged).unwrap();
        std::fs::hard_link(&live, &staged).unwrap();
        copy_file(&other, &staged).unwrap();
        assert_eq!(std::fs::read_to_string(&live).unwrap(), "公開中");
        assert_eq!(std::fs::read_to_string(&staged).unwrap(), "別のページ");
    }

    #[cfg(unix)]
    #[test]
    fn a_file_below_a_link_in_the_output_is_not_taken_for_the_outputs_own() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let page = || vec![Output::text("a/index.html", "同じ内容".into())];
        write_site(&page(), &out).unwrap();
        // The folder `a` is moved outside, its file as the manifest knows it, and a link to it
        // takes its place.
        let outside = dir.path().join("outside");
        std::fs::rename(out.join("a"), &outside).unwrap();
        std::os::unix::fs::symlink(&outside, out.join("a")).unwrap();
        let outside_inode = std::os::unix::fs::MetadataExt::ino(
            &std::fs::metadata(outside.join("index.html")).unwrap(),
        );
        let hash = manifest::hash("同じ内容".as_bytes());
        let staging = Staging::begin(&out, &elsewhere()).unwrap();
        assert!(!staging.holds("a/index.html", hash));
        drop(staging);
        write_site(&page(), &out).unwrap();
        let a = std::fs::symlink_metadata(out.join("a")).unwrap();
        assert!(a.is_dir(), "the link is replaced by a folder of the output");
        assert_eq!(read(&out, "a/index.html"), "同じ内容");
        assert_eq!(
            std::fs::read_to_string(outside.join("index.html")).unwrap(),
            "同じ内容"
        );
        let ours = std::fs::metadata(out.join("a/index.html")).unwrap();
        assert_ne!(std::os::unix::fs::MetadataExt::ino(&ours), outside_inode);
    }

    #[test]
    fn a_folder_of_other_files_is_refused_and_keeps_them() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("docs");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("notes.txt"), "mine").unwrap();
        let err = write_site(&[Output::text("index.html", "new".into())], &out).unwrap_err();
        assert!(err.message.contains("did not make"), "{err:?}");
        assert_eq!(read(&out, "notes.txt"), "mine");
        assert!(!out.join("index.html").exists());
        assert_eq!(
            beside(dir.path()),
            ["docs"],
            "no staging folder left behind"
        );
        // An empty folder is fine, and after one build the folder is known as an output.
        std::fs::remove_file(out.join("notes.txt")).unwrap();
        write_site(&[Output::text("index.html", "new".into())], &out).unwrap();
        write_site(&[Output::text("a/index.html", "next".into())], &out).unwrap();
        assert!(!out.join("index.html").exists(), "a later build updates it");
    }

    #[test]
    fn the_current_folder_is_refused_by_its_real_name() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("content")).unwrap();
        std::fs::write(site.join("content/a.md"), "---\ntitle: A\n---\n").unwrap();
        let dot = site.join("content/..");
        let err = write_site(&[Output::text("index.html", "x".into())], &dot).unwrap_err();
        assert!(err.message.contains("did not make"), "{err:?}");
        assert!(site.join("content/a.md").is_file());
    }

    #[cfg(unix)]
    #[test]
    fn a_file_the_manifest_knows_is_not_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&[Output::text("a/index.html", "same".into())], &out).unwrap();
        // Make the record claim the file holds "next": only a build that believes the record
        // without reading the file keeps "same" in place.
        let manifest = dir.path().join(".public.manifest");
        let text = std::fs::read_to_string(&manifest).unwrap();
        let claimed = format!("{:032x}", manifest::hash(b"next"));
        let real = format!("{:032x}", manifest::hash(b"same"));
        std::fs::write(&manifest, text.replace(&real, &claimed)).unwrap();
        write_site(&[Output::text("a/index.html", "next".into())], &out).unwrap();
        let file = out.join("a/index.html");
        assert_eq!(std::fs::read_to_string(file).unwrap(), "same");
    }

    #[cfg(unix)]
    #[test]
    fn the_manifest_is_trusted_only_for_files_as_it_recorded_them() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let page = |text: &str| [Output::text("a/index.html", text.into())];
        write_site(&page("same"), &out).unwrap();
        let manifest = dir.path().join(".public.manifest");
        assert!(std::fs::read_to_string(&manifest)
            .unwrap()
            .contains(" a/index.html\n"));
        // Edited by hand: same size, the old modification time put back.
        let file = out.join("a/index.html");
        let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&file, "evil").unwrap();
        let f = std::fs::File::options().write(true).open(&file).unwrap();
        f.set_modified(modified).unwrap();
        write_site(&page("same"), &out).unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "same");
        // A damaged manifest only costs a comparison.
        std::fs::write(
            &manifest,
            "shishin manifest 1\n0 0 0 0 0 0 0 a/index.html\n",
        )
        .unwrap();
        write_site(&page("next"), &out).unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "next");
        std::fs::write(&manifest, "garbage").unwrap();
        write_site(&page("last"), &out).unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "last");
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
        assert_eq!(read(&out, "a/index.html"), "same");
        assert_eq!(read(&out, "b/index.html"), "new!");
        assert_eq!(read(&out, "c/index.html"), "xyz");
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
        assert_eq!(read(&out, "a/index.html"), "v1");
        assert!(!out.join("x").exists());
        assert_eq!(
            beside(dir.path()),
            ["public"],
            "no staging folders left behind"
        );
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
        assert_eq!(read(&out, "f/index.html"), "now a folder");
        assert_eq!(read(&out, "d"), "now a file");
        assert_eq!(read(&out, "keep.css"), "k");
        assert!(
            !out.join("gone").exists(),
            "stale page and its folder removed"
        );
        assert!(
            !out.join("deep").exists(),
            "folders emptied by the removal removed up the tree"
        );
        assert_eq!(
            beside(dir.path()),
            ["public"],
            "no staging folders left behind"
        );
    }

    #[test]
    fn a_later_batch_replaces_an_earlier_one() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&[Output::text("s.css", "v1".into())], &out).unwrap();
        let mut staging = Staging::begin(&out, &elsewhere()).unwrap();
        staging
            .write(&[Output::text("s.css", "theme".into())])
            .unwrap();
        // The site's own file of the same name, and then one equal to the old output.
        staging
            .write(&[Output::text("s.css", "site".into())])
            .unwrap();
        staging.commit().unwrap();
        assert_eq!(read(&out, "s.css"), "site");
        let mut staging = Staging::begin(&out, &elsewhere()).unwrap();
        staging.write(&[Output::text("s.css", "x".into())]).unwrap();
        staging
            .write(&[Output::text("s.css", "site".into())])
            .unwrap();
        staging.commit().unwrap();
        assert_eq!(read(&out, "s.css"), "site");
    }

    #[cfg(unix)]
    #[test]
    fn a_rebuild_starts_from_the_replaced_tree_and_publishes_only_its_own_files() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let spare = dir.path().join(".public.spare");
        let ino = |rel: &str| std::fs::metadata(out.join(rel)).unwrap().ino();
        let site = |files: &[(&str, &str)]| -> Vec<Output> {
            files
                .iter()
                .map(|(p, t)| Output::text(*p, t.to_string()))
                .collect()
        };
        write_site(&site(&[("a", "1"), ("b", "1"), ("f", "file")]), &out).unwrap();
        write_site(&site(&[("a", "2"), ("b", "1"), ("f", "file")]), &out).unwrap();
        assert!(spare.is_dir(), "the replaced tree is kept");
        // Something planted in the spare tree, and a folder where a file goes.
        std::fs::create_dir_all(spare.join("planted")).unwrap();
        std::fs::write(spare.join("planted/index.html"), "evil").unwrap();
        let b = ino("b");
        let mut staging = Staging::begin(&out, &elsewhere()).unwrap();
        staging
            .write(&site(&[("a", "2"), ("b", "3"), ("f/index.html", "folder")]))
            .unwrap();
        // Until the commit, readers see the previous output whole.
        assert_eq!(read(&out, "b"), "1");
        assert_eq!(read(&out, "f"), "file");
        staging.commit().unwrap();
        assert_eq!(read(&out, "a"), "2");
        assert_eq!(read(&out, "b"), "3");
        assert_eq!(read(&out, "f/index.html"), "folder");
        assert!(
            !out.join("planted").exists(),
            "nothing of the spare tree is published"
        );
        assert_ne!(ino("b"), b);
        // A rebuild without changes keeps every file as it is.
        let a = ino("a");
        write_site(
            &site(&[("a", "2"), ("b", "3"), ("f/index.html", "folder")]),
            &out,
        )
        .unwrap();
        assert_eq!(ino("a"), a);
        assert_eq!(read(&out, "f/index.html"), "folder");
        let mut files: Vec<String> = walkdir::WalkDir::new(&out)
            .min_depth(1)
            .into_iter()
            .map(|e| {
                e.unwrap()
                    .path()
                    .strip_prefix(&out)
                    .unwrap()
                    .display()
                    .to_string()
            })
            .collect();
        files.sort();
        assert_eq!(files, ["a", "b", "f", "f/index.html"]);
    }
}
