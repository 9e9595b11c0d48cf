//! Write stage. Nothing of the previous output changes until every page has been rendered and
//! every new file written, so a failed build never damages what was published before.
//!
//! A rebuild mostly produces the same bytes as before, and writing many files costs much system
//! time (on a disk, worst right after deleting many). So only files whose bytes changed are
//! written, into a staging folder beside the output; once everything succeeded, [`Staging::commit`]
//! renames each of them into place (a rename replaces a file whole: a reader sees the old page or
//! the new one, never a mix) and removes the files the site no longer has. A first build renames
//! the whole staging folder into place. Whether a file changed is known from the manifest of the
//! previous build ([`manifest`]) without reading the file back.

mod manifest;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::render::{Content, Output};
use manifest::{Manifest, Record, Stamp};

/// A build's output being written, in as many batches as the renderer hands over (so a large
/// site never holds all its HTML in memory). Dropped without [`Staging::commit`], it removes its
/// folder and the output stays as it was.
pub struct Staging {
    /// New and changed files, below their output paths.
    dir: PathBuf,
    out_dir: PathBuf,
    /// Whether `out_dir` held a previous build to update.
    update: bool,
    /// What the previous build wrote.
    previous: Manifest,
    /// Every output path of this build, and what became of it.
    files: HashMap<String, File>,
    committed: bool,
}

/// A file of this build.
enum File {
    /// Already in the output with these bytes; recorded when it is generated text.
    Kept(Option<Record>),
    /// Written into the staging folder; its hash when it is generated text.
    Staged(Option<u128>),
}

impl Staging {
    pub fn begin(out_dir: &Path) -> Result<Staging, Diagnostic> {
        // `.` or `a/..` name no folder of their own: the real path tells where the output is.
        let resolved;
        let out_dir = match out_dir.file_name() {
            Some(_) => out_dir,
            None => {
                resolved = std::fs::canonicalize(out_dir).unwrap_or_else(|_| out_dir.into());
                &resolved
            }
        };
        refuse_foreign_folder(out_dir)?;
        let parent = out_dir
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = folder_name(out_dir);
        std::fs::create_dir_all(parent).map_err(|e| io_error("create", parent, &e))?;
        let dir = parent.join(format!(".{name}.new-{}", std::process::id()));
        remove(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| io_error("create", &dir, &e))?;
        let update = out_dir.is_dir();
        Ok(Staging {
            dir,
            update,
            previous: match update {
                true => Manifest::load(&manifest::path_for(out_dir)),
                false => Manifest::default(),
            },
            out_dir: out_dir.to_path_buf(),
            files: HashMap::new(),
            committed: false,
        })
    }

    /// Writes a batch: the files whose bytes differ from the previous build's. A later batch may
    /// replace a file of an earlier one.
    pub fn write(&mut self, outputs: &[Output]) -> Result<(), Diagnostic> {
        let (out_dir, previous, files) = (&self.out_dir, &self.previous, &self.files);
        // Seen in an earlier batch (its staged copy must be replaced) or a first build: written.
        let compare = |o: &Output| self.update && !files.contains_key(&o.path);
        let verdicts: Vec<(&Output, File)> = outputs
            .par_iter()
            .map(|o| {
                let hash = match &o.content {
                    Content::Text(t) => Some(manifest::hash(t.as_bytes())),
                    Content::Copy(_) => None,
                };
                let kept = compare(o)
                    .then(|| unchanged(o, hash, &out_dir.join(&o.path), previous))
                    .flatten();
                (o, kept.unwrap_or(File::Staged(hash)))
            })
            .collect();
        let to_write: Vec<&Output> = verdicts
            .iter()
            .filter(|(_, file)| matches!(file, File::Staged(_)))
            .map(|(o, _)| *o)
            .collect();
        write_tree(&to_write, &self.dir)?;
        for (o, file) in verdicts {
            self.files.insert(o.path.clone(), file);
        }
        Ok(())
    }

    /// Puts the new files in place and removes those the site no longer has.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        self.committed = true;
        // The old manifest goes first: whatever happens next, it never vouches for a file this
        // commit has replaced.
        let manifest = manifest::path_for(&self.out_dir);
        let _ = std::fs::remove_file(&manifest);
        if !self.update {
            let result = std::fs::rename(&self.dir, &self.out_dir)
                .map_err(|e| io_error("move into place", &self.out_dir, &e));
            remove(&self.dir);
            result?;
        } else {
            let mut staged: Vec<&String> = self
                .files
                .iter()
                .filter(|(_, f)| matches!(f, File::Staged(_)))
                .map(|(rel, _)| rel)
                .collect();
            staged.sort();
            for rel in staged {
                move_into_place(&self.dir.join(rel), &self.out_dir.join(rel))?;
            }
            remove_stale(&self.out_dir, &self.files);
            remove(&self.dir);
        }
        self.save_manifest(&manifest);
        Ok(())
    }

    /// Records what is now in the output. Without a manifest the next build compares bytes, so a
    /// failure here is no error.
    fn save_manifest(&self, manifest: &Path) {
        let records: Vec<(&str, Record)> = self
            .files
            .par_iter()
            .filter_map(|(rel, file)| match *file {
                File::Kept(record) => Some((rel.as_str(), record?)),
                File::Staged(hash) => {
                    let meta = std::fs::symlink_metadata(self.out_dir.join(rel)).ok()?;
                    let stamp = Stamp::of(&meta)?;
                    Some((rel.as_str(), Record { stamp, hash: hash? }))
                }
            })
            .collect();
        let _ = Manifest::save(records.into_iter(), manifest);
    }
}

/// The output folder's own name, which the staging folder and the manifest beside it carry.
fn folder_name(out_dir: &Path) -> String {
    out_dir
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned())
}

/// A build replaces everything in its output folder: a folder that already holds files shishin
/// did not make (the site's own sources, someone's documents) is refused, never emptied.
fn refuse_foreign_folder(out_dir: &Path) -> Result<(), Diagnostic> {
    let Ok(mut entries) = std::fs::read_dir(out_dir) else {
        // Missing (a first build) or not a folder (the rename into place then fails cleanly).
        return Ok(());
    };
    let ours = entries.next().is_none()
        || manifest::path_for(out_dir).is_file()
        || std::fs::read_to_string(out_dir.join("index.html"))
            .is_ok_and(|html| html.contains("<meta name=\"generator\" content=\"shishin\">"));
    if ours {
        return Ok(());
    }
    Err(Diagnostic::error(format!(
        "the output folder {} already holds files that shishin did not make",
        out_dir.display()
    ))
    .hint(
        "a build replaces everything in its output folder: give --out a new or empty folder, \
         or move those files away first",
    ))
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
            Content::Copy(from) => std::fs::copy(from, &path).map(|_| ()).map_err(|e| {
                crate::load::vanished_copy(from).unwrap_or_else(|| io_error("copy to", &path, &e))
            }),
        }
    })
}

/// [`File::Kept`] when the file at `old` (a regular file, not a link) already holds exactly the
/// output's bytes. Generated text whose hash is `hash` is not even read when the previous
/// manifest knows the file as it is; sizes are compared first, so a changed page is rarely read
/// either.
fn unchanged(o: &Output, hash: Option<u128>, old: &Path, previous: &Manifest) -> Option<File> {
    let meta = std::fs::symlink_metadata(old).ok()?;
    if !meta.is_file() {
        return None;
    }
    let stamp = Stamp::of(&meta);
    let same = match &o.content {
        Content::Text(t) => {
            let known = previous.get(&o.path).filter(|r| Some(r.stamp) == stamp);
            match (known, hash) {
                (Some(record), Some(hash)) => record.hash == hash,
                _ => {
                    meta.len() == t.len() as u64
                        && std::fs::read(old).is_ok_and(|b| b == t.as_bytes())
                }
            }
        }
        Content::Copy(from) => {
            std::fs::metadata(from).is_ok_and(|m| m.len() == meta.len())
                && matches!((std::fs::read(from), std::fs::read(old)), (Ok(a), Ok(b)) if a == b)
        }
    };
    // A copied file has no hash to record: it is compared byte by byte every time.
    let record = stamp.zip(hash).map(|(stamp, hash)| Record { stamp, hash });
    same.then_some(File::Kept(record))
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

    /// One whole build's files into `out_dir`.
    fn write_site(outputs: &[Output], out_dir: &Path) -> Result<(), Diagnostic> {
        let mut staging = Staging::begin(out_dir)?;
        staging.write(outputs)?;
        staging.commit()
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
            .filter(|n| n != ".public.manifest")
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
        let mut staging = Staging::begin(&out).unwrap();
        staging
            .write(&[Output::text("s.css", "theme".into())])
            .unwrap();
        // The site's own file of the same name, and then one equal to the old output.
        staging
            .write(&[Output::text("s.css", "site".into())])
            .unwrap();
        staging.commit().unwrap();
        assert_eq!(read(&out, "s.css"), "site");
        let mut staging = Staging::begin(&out).unwrap();
        staging.write(&[Output::text("s.css", "x".into())]).unwrap();
        staging
            .write(&[Output::text("s.css", "site".into())])
            .unwrap();
        staging.commit().unwrap();
        assert_eq!(read(&out, "s.css"), "site");
    }
}
