//! The parse cache `build` keeps beside its output, with the render cache (`documents` in
//! `.public.cache/`): for each page file the last build read without a word to say about it, its
//! front matter as written (JSON) and what its Markdown says ([`crate::model::Parsed`]), by the
//! digest of its path and text. A rebuild then reads every file, as it must to know what changed,
//! but reads the YAML and parses the Markdown of the changed ones only.
//!
//! Nothing in it is trusted beyond what it can prove: the cache is used only by the same binary,
//! for the same site folder and setup ([`Key`]); an entry only for a file of exactly the text it
//! was made from; and an entry whose bytes do not match their hash, or that does not read back, is
//! a miss: the file is read and parsed as if there were no cache. The front matter read back is
//! validated again, exactly as after reading the YAML. A page that gave any warning or error is
//! never kept, so a hit says nothing that a fresh read would have said.
//!
//! One file, written as it goes: entries, then an index sorted by digest (digest, place, lengths,
//! hash) and a footer that says where the index is, with the key and a checksum. A rebuild appends
//! the entries it parsed and a new index after the old ones (the bytes an index points to never
//! change), and starts a new file when less than half of it is still used. Entries are written as
//! the pages are parsed and only the index is read at the start, so a large site's cache never
//! sits in memory whole. A build killed while writing leaves a file whose footer is not whole:
//! the next build reads no cache from it and starts a new one.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::cache::{read_at, Key};

const FILE: &str = "documents";
const MAGIC: &[u8; 20] = b"shishin parse cache\n";
/// Version of the file's layout, and of what an entry holds.
const FORMAT: u32 = 3;

/// Whether a file of the cache folder is this cache's (the render cache leaves it alone).
pub fn owns(name: &str) -> bool {
    name == FILE || name.starts_with(&format!("{FILE}.tmp-"))
}

/// What the cache keeps of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its front matter as written, as JSON.
    pub front: String,
    /// What its Markdown says, encoded.
    pub parsed: Vec<u8>,
}

/// Where an entry is in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    digest: u128,
    offset: u64,
    front: u32,
    parsed: u32,
    hash: u64,
}

const PLACE_BYTES: usize = 16 + 8 + 4 + 4 + 8;
/// Index offset, entry count, index checksum, then the magic again.
const FOOTER_BYTES: usize = 8 + 8 + 16 + MAGIC.len();

/// The parse cache of a build: the one the last build left, and the entries this one adds.
#[derive(Default)]
pub struct Parsed {
    dir: Option<PathBuf>,
    key: Option<Key>,
    old: Option<Old>,
    /// Opened at the first new entry.
    writer: Mutex<Option<Writer>>,
}

/// The file the last build left.
struct Old {
    file: std::fs::File,
    /// Sorted by digest.
    index: Vec<Place>,
    len: u64,
    /// The bytes in use: the header, the entries the index names, the index and the footer.
    live: u64,
}

/// Where this build's new entries go: after the old ones, or into a new file.
struct Writer {
    out: BufWriter<std::fs::File>,
    offset: u64,
    /// A new file, renamed over the old one once whole.
    fresh: Option<PathBuf>,
    failed: bool,
}

impl Parsed {
    /// The cache in `dir` for a build with `key`; empty when there is none, it is another
    /// build's, or it cannot be read. `clean`: empty, and replaced once saved.
    pub fn load(dir: &Path, key: Key, clean: bool) -> Parsed {
        let old = match clean {
            true => None,
            false => read_index(&dir.join(FILE), &key),
        };
        Parsed {
            dir: Some(dir.to_path_buf()),
            key: Some(key),
            old,
            writer: Mutex::new(None),
        }
    }

    /// The entry of the file of digest `digest`, when the cache holds it whole.
    pub fn get(&self, digest: u128) -> Option<Entry> {
        let old = self.old.as_ref()?;
        let i = old.index.binary_search_by_key(&digest, |p| p.digest).ok()?;
        read_entry(&old.file, &old.index[i])
    }

    /// The place of a kept entry, to name it in the next index.
    pub fn kept(&self, digest: u128) -> Option<Place> {
        let old = self.old.as_ref()?;
        let i = old.index.binary_search_by_key(&digest, |p| p.digest).ok()?;
        Some(old.index[i])
    }

    /// Writes a new entry (parallel callers take turns); where it went, `None` when it could not
    /// be written.
    pub fn add(&self, digest: u128, entry: &Entry) -> Option<Place> {
        let mut writer = self.writer.lock().ok()?;
        if writer.is_none() {
            *writer = Some(self.open()?);
        }
        let w = writer.as_mut()?;
        let (front, parsed) = (
            u32::try_from(entry.front.len()).ok()?,
            u32::try_from(entry.parsed.len()).ok()?,
        );
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        hasher.update(entry.front.as_bytes());
        hasher.update(&entry.parsed);
        let written = w
            .out
            .write_all(entry.front.as_bytes())
            .and_then(|()| w.out.write_all(&entry.parsed));
        if written.is_err() {
            w.failed = true;
            return None;
        }
        let place = Place {
            digest,
            offset: w.offset,
            front,
            parsed,
            hash: hasher.digest(),
        };
        w.offset += u64::from(front) + u64::from(parsed);
        Some(place)
    }

    /// Ends the cache of this build, naming `places`: the entries kept and added. Nothing is
    /// written when they are the ones the last build named. A failure only costs the next build
    /// its cache.
    pub fn finish(&self, mut places: Vec<Place>) {
        places.sort_by_key(|p| p.digest);
        places.dedup_by_key(|p| p.digest);
        let Ok(mut writer) = self.writer.lock() else {
            return;
        };
        if writer.is_none() {
            let same = self.old.as_ref().is_some_and(|o| o.index == places);
            if same {
                return;
            }
            match self.open() {
                Some(w) => *writer = Some(w),
                None => return,
            }
        }
        let Some(mut w) = writer.take() else {
            return;
        };
        let saved = self.end(&mut w, places);
        if let Some(fresh) = &w.fresh {
            let renamed = saved.and_then(|()| {
                let dir = self.dir.as_ref().ok_or(std::io::ErrorKind::NotFound)?;
                std::fs::rename(fresh, dir.join(FILE))
            });
            if renamed.is_err() {
                let _ = std::fs::remove_file(fresh);
            }
        }
    }

    /// Writes the index and the footer; in a new file, the kept entries first.
    fn end(&self, w: &mut Writer, places: Vec<Place>) -> std::io::Result<()> {
        if w.failed {
            return Err(std::io::ErrorKind::Other.into());
        }
        let mut index = Vec::with_capacity(places.len());
        for place in places {
            // An entry of the old file, in a new one: copied.
            let copied = w.fresh.is_some() && self.kept(place.digest) == Some(place);
            if copied {
                let Some(entry) = self.get(place.digest) else {
                    continue;
                };
                w.out.write_all(entry.front.as_bytes())?;
                w.out.write_all(&entry.parsed)?;
                index.push(Place {
                    offset: w.offset,
                    ..place
                });
                w.offset += u64::from(place.front) + u64::from(place.parsed);
            } else {
                index.push(place);
            }
        }
        index.sort_by_key(|p| p.digest);
        let key = self.key.as_ref().ok_or(std::io::ErrorKind::NotFound)?;
        let mut bytes = Vec::with_capacity(index.len() * PLACE_BYTES + FOOTER_BYTES + 64);
        for p in &index {
            bytes.extend_from_slice(&p.digest.to_le_bytes());
            bytes.extend_from_slice(&p.offset.to_le_bytes());
            bytes.extend_from_slice(&p.front.to_le_bytes());
            bytes.extend_from_slice(&p.parsed.to_le_bytes());
            bytes.extend_from_slice(&p.hash.to_le_bytes());
        }
        let sum = checksum(key, &bytes);
        bytes.extend_from_slice(&w.offset.to_le_bytes());
        bytes.extend_from_slice(&(index.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&sum.to_le_bytes());
        bytes.extend_from_slice(MAGIC);
        w.out.write_all(&bytes)?;
        w.out.flush()
    }

    /// Where new entries go: after the old ones when at least half of the old file is in use,
    /// else a new file.
    fn open(&self) -> Option<Writer> {
        let dir = self.dir.as_ref()?;
        let reuse = self.old.as_ref().filter(|o| o.live * 2 >= o.len);
        if let Some(old) = reuse {
            let file = std::fs::OpenOptions::new()
                .append(true)
                .open(dir.join(FILE))
                .ok()?;
            // Past whatever a killed build appended.
            let offset = file.metadata().ok()?.len().max(old.len);
            return Some(Writer {
                out: BufWriter::new(file),
                offset,
                fresh: None,
                failed: false,
            });
        }
        std::fs::create_dir_all(dir).ok()?;
        let path = dir.join(format!("{FILE}.tmp-{}", std::process::id()));
        let mut out = BufWriter::new(std::fs::File::create(&path).ok()?);
        out.write_all(MAGIC).ok()?;
        out.write_all(&FORMAT.to_le_bytes()).ok()?;
        Some(Writer {
            out,
            offset: (MAGIC.len() + 4) as u64,
            fresh: Some(path),
            failed: false,
        })
    }
}

/// The checksum of an index, which also says which build it is for.
fn checksum(key: &Key, index: &[u8]) -> u128 {
    let mut k = Vec::new();
    key.encode_into(&mut k);
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&FORMAT.to_le_bytes());
    h.update(&k);
    h.update(index);
    h.digest128()
}

/// The index of the cache file at `path`, when it is one of `key` and its footer and index are
/// whole.
fn read_index(path: &Path, key: &Key) -> Option<Old> {
    let file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let mut head = [0; MAGIC.len() + 4];
    read_at(&file, &mut head, 0).ok()?;
    (head[..MAGIC.len()] == MAGIC[..]).then_some(())?;
    (head[MAGIC.len()..] == FORMAT.to_le_bytes()).then_some(())?;
    let mut footer = [0; FOOTER_BYTES];
    read_at(&file, &mut footer, len.checked_sub(FOOTER_BYTES as u64)?).ok()?;
    (footer[32..] == MAGIC[..]).then_some(())?;
    let at = u64::from_le_bytes(footer[0..8].try_into().ok()?);
    let count = u64::from_le_bytes(footer[8..16].try_into().ok()?);
    let sum = u128::from_le_bytes(footer[16..32].try_into().ok()?);
    let size = count.checked_mul(PLACE_BYTES as u64)?;
    (at.checked_add(size)? + FOOTER_BYTES as u64 == len).then_some(())?;
    let mut raw = vec![0; usize::try_from(size).ok()?];
    read_at(&file, &mut raw, at).ok()?;
    (checksum(key, &raw) == sum).then_some(())?;
    let index: Vec<Place> = raw
        .chunks_exact(PLACE_BYTES)
        .map(|c| Place {
            digest: u128::from_le_bytes(c[0..16].try_into().expect("16 bytes")),
            offset: u64::from_le_bytes(c[16..24].try_into().expect("8 bytes")),
            front: u32::from_le_bytes(c[24..28].try_into().expect("4 bytes")),
            parsed: u32::from_le_bytes(c[28..32].try_into().expect("4 bytes")),
            hash: u64::from_le_bytes(c[32..40].try_into().expect("8 bytes")),
        })
        .collect();
    let sorted = index.windows(2).all(|w| w[0].digest < w[1].digest);
    let inside = index
        .iter()
        .all(|p| p.offset + u64::from(p.front) + u64::from(p.parsed) <= at);
    (sorted && inside).then_some(())?;
    let entries: u64 = index
        .iter()
        .map(|p| u64::from(p.front) + u64::from(p.parsed))
        .sum();
    let live = (MAGIC.len() + 4) as u64 + entries + size + FOOTER_BYTES as u64;
    Some(Old {
        file,
        index,
        len,
        live,
    })
}

/// An entry, when its bytes are as their hash says.
fn read_entry(file: &std::fs::File, place: &Place) -> Option<Entry> {
    let mut bytes = vec![0; place.front as usize + place.parsed as usize];
    read_at(file, &mut bytes, place.offset).ok()?;
    if xxhash_rust::xxh3::xxh3_64(&bytes) != place.hash {
        return None;
    }
    let parsed = bytes.split_off(place.front as usize);
    let front = String::from_utf8(bytes).ok()?;
    Some(Entry { front, parsed })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: u8) -> Entry {
        Entry {
            front: format!("{{\"title\":\"{n}\"}}"),
            parsed: vec![n; 5],
        }
    }

    /// A build: the digests it reads, each kept from the cache when it holds it, else added.
    fn build(dir: &Path, key: &Key, clean: bool, digests: &[u8]) -> Vec<bool> {
        let cache = Parsed::load(dir, key.clone(), clean);
        let mut places = Vec::new();
        let mut hits = Vec::new();
        for &d in digests {
            let digest = u128::from(d);
            match cache.get(digest) {
                Some(e) => {
                    assert_eq!(e, entry(d));
                    places.push(cache.kept(digest).unwrap());
                    hits.push(true);
                }
                None => {
                    places.push(cache.add(digest, &entry(d)).unwrap());
                    hits.push(false);
                }
            }
        }
        cache.finish(places);
        hits
    }

    fn file_len(dir: &Path) -> u64 {
        std::fs::metadata(dir.join(FILE)).unwrap().len()
    }

    #[test]
    fn entries_read_back_and_a_rebuild_appends_only_what_it_parsed() {
        let dir = tempfile::tempdir().unwrap();
        let key = Key::for_tests("/site", 1);
        assert_eq!(build(dir.path(), &key, false, &[3, 1]), [false, false]);
        let len = file_len(dir.path());
        // Nothing new: nothing written.
        assert_eq!(build(dir.path(), &key, false, &[1, 3]), [true, true]);
        assert_eq!(file_len(dir.path()), len);
        // One new entry, one gone: appended.
        assert_eq!(build(dir.path(), &key, false, &[3, 2]), [true, false]);
        assert!(file_len(dir.path()) > len);
        assert_eq!(build(dir.path(), &key, false, &[2, 3]), [true, true]);
        // Another setup or site, or --clean: nothing is read.
        assert_eq!(
            build(dir.path(), &Key::for_tests("/other", 1), false, &[2]),
            [false]
        );
        assert_eq!(build(dir.path(), &key, true, &[2]), [false]);
        assert_eq!(build(dir.path(), &key, false, &[2]), [true]);
        // No stray files.
        let names = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(names, 1);
    }

    #[test]
    fn a_file_mostly_unused_is_written_anew_with_the_kept_entries() {
        let dir = tempfile::tempdir().unwrap();
        let key = Key::for_tests("/site", 1);
        let all: Vec<u8> = (1..=20).collect();
        build(dir.path(), &key, false, &all);
        let big = file_len(dir.path());
        build(dir.path(), &key, false, &[1, 2, 30]);
        // The next build finds less than half of the file in use: a new, small file.
        assert_eq!(
            build(dir.path(), &key, false, &[1, 2, 30, 31]),
            [true, true, true, false]
        );
        assert!(
            file_len(dir.path()) < big / 2,
            "{} of {big}",
            file_len(dir.path())
        );
        assert_eq!(build(dir.path(), &key, false, &[1, 2, 30, 31]), [true; 4]);
    }

    #[test]
    fn damage_is_a_miss_never_a_wrong_entry() {
        let dir = tempfile::tempdir().unwrap();
        let key = Key::for_tests("/site", 1);
        build(dir.path(), &key, false, &[1, 2, 3]);
        let path = dir.path().join(FILE);
        let bytes = std::fs::read(&path).unwrap();
        // A changed byte in the first entry: that entry is a miss, the others are not.
        let mut changed = bytes.clone();
        changed[MAGIC.len() + 4 + 2] ^= 1;
        std::fs::write(&path, &changed).unwrap();
        let cache = Parsed::load(dir.path(), key.clone(), false);
        let misses = (1..=3).filter(|d| cache.get(*d).is_none()).count();
        assert_eq!(misses, 1);
        // A cut-off footer (a killed build): nothing is read.
        std::fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        assert!(Parsed::load(dir.path(), key.clone(), false)
            .get(1)
            .is_none());
        // A changed byte in the index: nothing is read.
        let mut changed = bytes.clone();
        let at = bytes.len() - FOOTER_BYTES - 10;
        changed[at] ^= 1;
        std::fs::write(&path, &changed).unwrap();
        assert!(Parsed::load(dir.path(), key.clone(), false)
            .get(1)
            .is_none());
        // And the next build starts a whole new file that reads back.
        assert_eq!(build(dir.path(), &key, false, &[1]), [false]);
        assert_eq!(build(dir.path(), &key, false, &[1]), [true]);
    }
}
