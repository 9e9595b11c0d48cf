//! What the previous build wrote, kept beside the output (`.public.manifest` for `public/`): for
//! each file its identity on disk (size, modification and change times, inode) and a hash of its
//! bytes. A rebuild then knows whether a file changed from one `stat` and the hash of the new
//! bytes, without reading the old file back (the pages of a 10,000-page site are 300 MB to read;
//! on a disk after a restart, from the disk).
//!
//! The record is only trusted for a file whose identity is exactly as recorded: a file edited by
//! hand, replaced, or without a record is compared byte by byte. A missing or damaged manifest
//! costs time, never correctness.

use std::collections::HashMap;
use std::fs::Metadata;
use std::io::Write;
use std::path::{Path, PathBuf};

const HEADER: &str = "shishin manifest 1";

/// A file's identity on disk. The change time cannot be set by hand, so an edit that keeps the
/// size and resets the modification time still shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    ino: u64,
}

impl Stamp {
    #[cfg(unix)]
    pub fn of(meta: &Metadata) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        Some(Stamp {
            len: meta.len(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
            ctime: (meta.ctime(), meta.ctime_nsec()),
            ino: meta.ino(),
        })
    }

    /// The file's inode number.
    pub fn ino(&self) -> u64 {
        self.ino
    }

    /// Elsewhere there is no change time to rely on: every file is compared byte by byte.
    #[cfg(not(unix))]
    pub fn of(_: &Metadata) -> Option<Stamp> {
        None
    }
}

/// A file as the manifest records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Record {
    pub stamp: Stamp,
    pub hash: u128,
}

pub fn hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// The manifest of the output folder `out_dir`: `.NAME.manifest` beside it, where the staging
/// folder goes too, so the published folder holds only the site.
pub fn path_for(out_dir: &Path) -> PathBuf {
    out_dir.with_file_name(format!(
        ".{}.manifest",
        super::workdir::folder_name(out_dir)
    ))
}

#[derive(Default)]
pub struct Manifest {
    /// By the hash of the file's path: a large site's paths would take more memory than their
    /// records. Two paths of one hash at worst share a record, whose stamp then fits neither file.
    files: HashMap<u64, Record>,
}

impl Manifest {
    /// The manifest at `path`; empty when it is missing or not one. A damaged line is skipped.
    pub fn load(path: &Path) -> Manifest {
        let Ok(text) = std::fs::read_to_string(path) else {
            return Manifest::default();
        };
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Manifest::default();
        }
        Manifest {
            files: lines.filter_map(parse_line).collect(),
        }
    }

    pub fn get(&self, path: &str) -> Option<Record> {
        self.files.get(&path_key(path)).copied()
    }

    /// Writes the records to `path` whole (a new file renamed over the old one).
    pub fn save<'a>(
        records: impl Iterator<Item = (&'a str, Record)>,
        path: &Path,
    ) -> std::io::Result<()> {
        // Beside the manifest, under a name no other build and no staging folder uses.
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(format!(".tmp-{}", std::process::id()));
        let tmp = PathBuf::from(tmp);
        // Written as it goes: a large output's manifest is tens of megabytes.
        let written = std::fs::File::create(&tmp).and_then(|f| {
            let mut out = std::io::BufWriter::new(f);
            writeln!(out, "{HEADER}")?;
            for (file, r) in records.filter(|(file, _)| !file.contains('\n')) {
                let s = r.stamp;
                writeln!(
                    out,
                    "{:032x} {} {} {} {} {} {} {file}",
                    r.hash, s.len, s.mtime.0, s.mtime.1, s.ctime.0, s.ctime.1, s.ino
                )?;
            }
            out.into_inner().map_err(|e| e.into_error()).map(drop)
        });
        written
            .and_then(|()| std::fs::rename(&tmp, path))
            .inspect_err(|_| {
                let _ = std::fs::remove_file(&tmp);
            })
    }
}

fn path_key(path: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(path.as_bytes())
}

fn parse_line(line: &str) -> Option<(u64, Record)> {
    let mut fields = line.splitn(8, ' ');
    let hash = u128::from_str_radix(fields.next()?, 16).ok()?;
    let mut number = || fields.next()?.parse::<i64>().ok();
    let len = u64::try_from(number()?).ok()?;
    let mtime = (number()?, number()?);
    let ctime = (number()?, number()?);
    let ino = u64::try_from(number()?).ok()?;
    let path = fields.next().filter(|p| !p.is_empty())?;
    let stamp = Stamp {
        len,
        mtime,
        ctime,
        ino,
    };
    Some((path_key(path), Record { stamp, hash }))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn records_survive_a_round_trip_and_damaged_lines_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.html");
        std::fs::write(&file, "x").unwrap();
        let stamp = Stamp::of(&std::fs::metadata(&file).unwrap()).unwrap();
        let record = Record {
            stamp,
            hash: hash(b"x"),
        };
        let path = path_for(&dir.path().join("public"));
        assert_eq!(path, dir.path().join(".public.manifest"));
        let records = [("a/index.html", record), ("b c/index.html", record)];
        Manifest::save(records.into_iter(), &path).unwrap();
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str("not a record\nffff 1 2\n");
        std::fs::write(&path, text).unwrap();
        let loaded = Manifest::load(&path);
        assert_eq!(loaded.get("a/index.html"), Some(record));
        assert_eq!(loaded.get("b c/index.html"), Some(record));
        assert_eq!(loaded.files.len(), 2);
    }

    #[test]
    fn a_file_that_is_not_a_manifest_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".public.manifest");
        std::fs::write(&path, "0 1 2 3 4 5 6 a/index.html\n").unwrap();
        assert!(Manifest::load(&path).files.is_empty());
        assert!(Manifest::load(&dir.path().join("missing")).files.is_empty());
    }

    #[test]
    fn an_edit_that_keeps_size_and_modification_time_changes_the_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.html");
        std::fs::write(&file, "abc").unwrap();
        let before = std::fs::metadata(&file).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&file, "xyz").unwrap();
        let f = std::fs::File::options().write(true).open(&file).unwrap();
        f.set_modified(before.modified().unwrap()).unwrap();
        let after = std::fs::metadata(&file).unwrap();
        assert_eq!(before.len(), after.len());
        assert_eq!(before.modified().unwrap(), after.modified().unwrap());
        assert_ne!(Stamp::of(&before), Stamp::of(&after));
    }
}
