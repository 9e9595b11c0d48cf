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
//! One file: a header with the key, an index sorted by digest (digest, place, lengths, hash), then
//! the entries. A build reads the index only, and each entry it uses with one read at its place,
//! so a large site's cache never sits in memory whole. The file is written anew (a new file
//! renamed over the old one) when the pages changed.

use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use super::cache::Key;

const FILE: &str = "documents";
const MAGIC: &[u8] = b"shishin parse cache\n";
/// Version of the file's layout, and of what an entry holds.
const FORMAT: u32 = 1;

/// Whether a file of the cache folder is this cache's (the render cache leaves it alone).
pub fn owns(name: &str) -> bool {
    name == FILE
}

/// The digest a file's entry is kept by: its path below the site and its text.
pub fn digest(path: &str, text: &str) -> u128 {
    let mut bytes = Vec::with_capacity(path.len() + text.len() + 1);
    bytes.extend_from_slice(path.as_bytes());
    bytes.push(0);
    bytes.extend_from_slice(text.as_bytes());
    xxhash_rust::xxh3::xxh3_128(&bytes)
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
#[derive(Debug, Clone, Copy)]
struct Place {
    digest: u128,
    offset: u64,
    front: u32,
    parsed: u32,
    hash: u64,
}

const PLACE_BYTES: usize = 16 + 8 + 4 + 4 + 8;

/// The parse cache the last build left, or an empty one.
#[derive(Default)]
pub struct Parsed {
    dir: Option<PathBuf>,
    key: Option<Key>,
    file: Option<std::fs::File>,
    /// Sorted by digest.
    index: Vec<Place>,
}

impl Parsed {
    /// The cache in `dir` for a build with `key`; empty when there is none, it is another
    /// build's, or it cannot be read. `clean`: empty, and replaced once saved.
    pub fn load(dir: &Path, key: Key, clean: bool) -> Parsed {
        let empty = Parsed {
            dir: Some(dir.to_path_buf()),
            key: Some(key.clone()),
            ..Parsed::default()
        };
        if clean {
            return empty;
        }
        match read_index(&dir.join(FILE), &key) {
            Some((file, index)) => Parsed {
                file: Some(file),
                index,
                ..empty
            },
            None => empty,
        }
    }

    /// The entry of the file of digest `digest`, when the cache holds it whole.
    pub fn get(&self, digest: u128) -> Option<Entry> {
        let i = self
            .index
            .binary_search_by_key(&digest, |p| p.digest)
            .ok()?;
        let place = self.index[i];
        let mut bytes = vec![0; place.front as usize + place.parsed as usize];
        read_at(self.file.as_ref()?, &mut bytes, place.offset).ok()?;
        if xxhash_rust::xxh3::xxh3_64(&bytes) != place.hash {
            return None;
        }
        let parsed = bytes.split_off(place.front as usize);
        let front = String::from_utf8(bytes).ok()?;
        Some(Entry { front, parsed })
    }

    /// Writes the cache of this build: `entries` by digest, each either new or one this cache
    /// holds (`None`), read back from it. Nothing is written when the entries are the ones the
    /// cache holds. A failure only costs the next build its cache.
    pub fn save(&self, mut entries: Vec<(u128, Option<Entry>)>) {
        let (Some(dir), Some(key)) = (&self.dir, &self.key) else {
            return;
        };
        entries.sort_by_key(|(d, _)| *d);
        entries.dedup_by_key(|(d, _)| *d);
        let unchanged = entries.len() == self.index.len()
            && entries
                .iter()
                .zip(&self.index)
                .all(|((d, e), p)| e.is_none() && *d == p.digest);
        if unchanged {
            return;
        }
        let _ = std::fs::create_dir_all(dir);
        let tmp = dir.join(format!("{FILE}.tmp-{}", std::process::id()));
        let written = self
            .write(&tmp, key, entries)
            .and_then(|()| std::fs::rename(&tmp, dir.join(FILE)));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }

    fn write(
        &self,
        path: &Path,
        key: &Key,
        entries: Vec<(u128, Option<Entry>)>,
    ) -> std::io::Result<()> {
        let entries: Vec<(u128, Entry)> = entries
            .into_iter()
            .filter_map(|(digest, entry)| Some((digest, entry.or_else(|| self.get(digest))?)))
            .collect();
        let mut head = Vec::new();
        head.extend_from_slice(MAGIC);
        head.extend_from_slice(&FORMAT.to_le_bytes());
        key.encode_into(&mut head);
        head.extend_from_slice(&(entries.len() as u64).to_le_bytes());
        let data_start = (head.len() + entries.len() * PLACE_BYTES + 16) as u64;
        let mut offset = data_start;
        for (digest, e) in &entries {
            let (front, parsed) = (e.front.len() as u32, e.parsed.len() as u32);
            let mut hasher = xxhash_rust::xxh3::Xxh3::new();
            hasher.update(e.front.as_bytes());
            hasher.update(&e.parsed);
            head.extend_from_slice(&digest.to_le_bytes());
            head.extend_from_slice(&offset.to_le_bytes());
            head.extend_from_slice(&front.to_le_bytes());
            head.extend_from_slice(&parsed.to_le_bytes());
            head.extend_from_slice(&hasher.digest().to_le_bytes());
            offset += u64::from(front) + u64::from(parsed);
        }
        let sum = xxhash_rust::xxh3::xxh3_128(&head);
        let mut out = BufWriter::new(std::fs::File::create(path)?);
        out.write_all(&head)?;
        out.write_all(&sum.to_le_bytes())?;
        for (_, e) in &entries {
            out.write_all(e.front.as_bytes())?;
            out.write_all(&e.parsed)?;
        }
        out.flush()
    }
}

/// The index of the cache file at `path`, when it is one of `key` and its index is whole.
fn read_index(path: &Path, key: &Key) -> Option<(std::fs::File, Vec<Place>)> {
    let file = std::fs::File::open(path).ok()?;
    let mut r = BufReader::new(&file);
    let mut head = Vec::new();
    let mut magic = vec![0; MAGIC.len()];
    r.read_exact(&mut magic).ok()?;
    (magic == MAGIC).then_some(())?;
    head.extend_from_slice(&magic);
    let format = read_u32(&mut r, &mut head)?;
    (format == FORMAT).then_some(())?;
    let mut ours = Vec::new();
    key.encode_into(&mut ours);
    let mut theirs = vec![0; ours.len()];
    r.read_exact(&mut theirs).ok()?;
    (theirs == ours).then_some(())?;
    head.extend_from_slice(&theirs);
    let count = usize::try_from(read_u64(&mut r, &mut head)?).ok()?;
    let len = file.metadata().ok()?.len();
    (count as u64 <= len / PLACE_BYTES as u64).then_some(())?;
    let mut raw = vec![0; count * PLACE_BYTES];
    r.read_exact(&mut raw).ok()?;
    head.extend_from_slice(&raw);
    let mut sum = [0; 16];
    r.read_exact(&mut sum).ok()?;
    (xxhash_rust::xxh3::xxh3_128(&head) == u128::from_le_bytes(sum)).then_some(())?;
    let index = raw
        .chunks_exact(PLACE_BYTES)
        .map(|c| Place {
            digest: u128::from_le_bytes(c[0..16].try_into().expect("16 bytes")),
            offset: u64::from_le_bytes(c[16..24].try_into().expect("8 bytes")),
            front: u32::from_le_bytes(c[24..28].try_into().expect("4 bytes")),
            parsed: u32::from_le_bytes(c[28..32].try_into().expect("4 bytes")),
            hash: u64::from_le_bytes(c[32..40].try_into().expect("8 bytes")),
        })
        .collect::<Vec<_>>();
    index
        .windows(2)
        .all(|w| w[0].digest < w[1].digest)
        .then_some(())?;
    drop(r);
    Some((file, index))
}

fn read_u32(r: &mut impl Read, head: &mut Vec<u8>) -> Option<u32> {
    let mut b = [0; 4];
    r.read_exact(&mut b).ok()?;
    head.extend_from_slice(&b);
    Some(u32::from_le_bytes(b))
}

fn read_u64(r: &mut impl Read, head: &mut Vec<u8>) -> Option<u64> {
    let mut b = [0; 8];
    r.read_exact(&mut b).ok()?;
    head.extend_from_slice(&b);
    Some(u64::from_le_bytes(b))
}

#[cfg(unix)]
fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom};
    let mut file = file;
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(buf)
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

    #[test]
    fn entries_read_back_by_digest_and_a_changed_byte_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let key = Key::for_tests("/site", 1);
        let empty = Parsed::load(dir.path(), key.clone(), false);
        assert!(empty.get(1).is_none());
        empty.save(vec![(3, Some(entry(3))), (1, Some(entry(1)))]);
        let kept = Parsed::load(dir.path(), key.clone(), false);
        assert_eq!(kept.get(1), Some(entry(1)));
        assert_eq!(kept.get(3), Some(entry(3)));
        assert_eq!(kept.get(2), None);
        // A build that keeps one entry and adds another.
        kept.save(vec![(3, None), (2, Some(entry(2)))]);
        let kept = Parsed::load(dir.path(), key.clone(), false);
        assert_eq!(kept.get(1), None);
        assert_eq!(kept.get(2), Some(entry(2)));
        assert_eq!(kept.get(3), Some(entry(3)));
        // Another setup or site, or --clean: nothing.
        assert!(Parsed::load(dir.path(), Key::for_tests("/site", 2), false)
            .get(2)
            .is_none());
        assert!(Parsed::load(dir.path(), Key::for_tests("/other", 1), false)
            .get(2)
            .is_none());
        assert!(Parsed::load(dir.path(), key.clone(), true).get(2).is_none());
        // A byte of an entry changed: that entry is a miss, the others are not.
        let path = dir.path().join(FILE);
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        let kept = Parsed::load(dir.path(), key.clone(), false);
        assert_eq!(kept.get(3), None);
        assert_eq!(kept.get(2), Some(entry(2)));
        // A byte of the index changed: nothing is used.
        bytes[last] ^= 1;
        bytes[MAGIC.len() + 6] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert!(Parsed::load(dir.path(), key, false).get(2).is_none());
    }

    #[test]
    fn the_digest_covers_the_path_and_the_text() {
        assert_ne!(digest("a.md", "x"), digest("b.md", "x"));
        assert_ne!(digest("a.md", "x"), digest("a.md", "y"));
        assert_ne!(digest("a.md", "bx"), digest("a.mdb", "x"));
        assert_eq!(digest("a.md", "x"), digest("a.md", "x"));
    }
}
