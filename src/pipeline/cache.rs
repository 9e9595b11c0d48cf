//! The render cache `build` keeps beside its output (`.public.cache/` for `public/`, SPEC §1): for
//! every render job of the last build, the fingerprint of its inputs (`render::inputs`), the files
//! it made (path, hash of the bytes, the ids the link check needs) and its search entry. A rebuild
//! still reads and links the whole site, which it needs to know what changed (the parse cache,
//! [`super::parsed`], spares it reading unchanged pages' YAML and Markdown again), but renders only
//! the jobs whose fingerprint changed, and keeps the other jobs' files as they are.
//!
//! What makes a kept file safe to publish again:
//!
//! - The cache is only valid for one site folder, one `shishin` binary and one setup: the key
//!   ([`Key`]) covers the binary's version and identity, the site folder, `site.yaml`, the build's
//!   options, every file of the theme, the glossary and the list of the site's static files. A
//!   cache of another format, binary or site folder, or one that fails its checksum, is ignored
//!   with a note; one of another setup is simply not used (everything renders again).
//! - A job is kept only when its fingerprint is exactly the one recorded, and each of its files is
//!   in the previous output exactly as the previous build's manifest recorded it, with the bytes
//!   the cache says the job made (`write::Staging::holds`). A file edited by hand is made again.
//! - The cache only describes the output it was saved with: it is removed before an output is
//!   replaced and saved once the new output is in place.
//! - A kept page's links were checked when it was made. They are checked again (its bytes read
//!   back from the output) when a file of the previous output went away or a page made again lost
//!   an id: any kept page may have pointed there.
//!
//! Two files: `jobs` (everything above, with a checksum) and `search-ID`, the search entries one
//! after another, each with its own hash in `jobs`. A build appends the entries it made to the
//! search file the last one left (the bytes a `jobs` points to never change), and starts a new
//! one when less than half of it is still used. `jobs` also records how long the search file
//! was: a shorter one is damaged. The search index's parts are cut where pages' URLs say
//! (`render::search::PartEnds`); for each part `jobs` records the entries it held and the hash of
//! its file, so a rebuild keeps a part whose entries are all the same without reading them.

use crate::messages::Text;
use crate::msg;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::model::{Lang, Site};
use crate::render::inputs::Fingerprint;
use crate::render::search::IndexEntry;
use crate::render::Job;

use super::Options;

/// Version of the files' layout: a cache of another layout is ignored.
const FORMAT: u32 = 3;
const MAGIC: &[u8] = b"shishin render cache\n";
const JOBS: &str = "jobs";
const SEARCH: &str = "search-";

/// A render job named so that it survives pages being added or removed (page ids shift then),
/// and from one build to the next.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum JobKey {
    Page(String, Lang),
    Changes(String, Lang),
    TagIndex(Lang),
    Tag(Lang, String),
    Comparisons(Lang),
    /// A prefecture's profile, by its slug.
    Profile(Lang, String),
    Glossary(Lang),
    Search(Lang),
    NotFound(Lang),
    Data(Lang),
}

impl JobKey {
    pub fn of(job: Job, site: &Site) -> JobKey {
        match job {
            Job::Page(p, lang) => JobKey::Page(site.pages[p].key.clone(), lang),
            Job::Changes(p, lang) => JobKey::Changes(site.pages[p].key.clone(), lang),
            Job::TagIndex(lang) => JobKey::TagIndex(lang),
            Job::Tag(lang, name) => JobKey::Tag(lang, name.to_string()),
            Job::Comparisons(lang) => JobKey::Comparisons(lang),
            Job::Profile(lang, p) => JobKey::Profile(lang, p.slug.to_string()),
            Job::Glossary(lang) => JobKey::Glossary(lang),
            Job::Search(lang) => JobKey::Search(lang),
            Job::NotFound(lang) => JobKey::NotFound(lang),
            Job::Data(lang) => JobKey::Data(lang),
        }
    }

    fn encode(&self, w: &mut Encoder) {
        let (tag, lang, name) = match self {
            JobKey::Page(k, l) => (0, *l, k.as_str()),
            JobKey::Changes(k, l) => (1, *l, k.as_str()),
            JobKey::TagIndex(l) => (2, *l, ""),
            JobKey::Tag(l, n) => (3, *l, n.as_str()),
            JobKey::Comparisons(l) => (4, *l, ""),
            JobKey::Glossary(l) => (5, *l, ""),
            JobKey::Search(l) => (6, *l, ""),
            JobKey::NotFound(l) => (7, *l, ""),
            JobKey::Data(l) => (8, *l, ""),
            JobKey::Profile(l, slug) => (9, *l, slug.as_str()),
        };
        w.u8(tag);
        w.lang(lang);
        w.str(name);
    }

    fn decode(r: &mut Decoder) -> Option<JobKey> {
        let (tag, lang, name) = (r.u8()?, r.lang()?, r.str()?);
        Some(match tag {
            0 => JobKey::Page(name, lang),
            1 => JobKey::Changes(name, lang),
            2 => JobKey::TagIndex(lang),
            3 => JobKey::Tag(lang, name),
            4 => JobKey::Comparisons(lang),
            5 => JobKey::Glossary(lang),
            6 => JobKey::Search(lang),
            7 => JobKey::NotFound(lang),
            8 => JobKey::Data(lang),
            9 => JobKey::Profile(lang, name),
            _ => return None,
        })
    }
}

/// A file a job made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    /// Below the output folder.
    pub path: String,
    /// Of its bytes, as `write` hashes them.
    pub hash: u128,
    /// For an HTML file: its ids as the link check hashes them, sorted.
    pub ids: Option<Vec<u64>>,
}

/// Where a job's search entry is in the search file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Blob {
    pub lang: Lang,
    /// The hash of the page's URL, which decides where the index's parts end.
    pub cut: u64,
    offset: u64,
    pub len: u32,
    /// Of the entry's JSON.
    pub hash: u64,
}

/// A part of a language's search index as a build wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub lang: Lang,
    /// From 1.
    pub number: u32,
    /// Of the entries it holds ([`part_digest`]).
    pub digest: u128,
    /// Of its file's bytes, as `write` hashes them.
    pub hash: u128,
}

/// What identifies the entries of a search index part: the hash and length of each, in order.
pub fn part_digest(entries: impl Iterator<Item = (u64, u32)>) -> u128 {
    let mut digest = Digest(Vec::new());
    for (hash, len) in entries {
        digest.write(&hash.to_le_bytes());
        digest.write(&len.to_le_bytes());
    }
    digest.digest()
}

/// What the cache knows of one job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub fingerprint: Fingerprint,
    pub made: Vec<Made>,
    /// A page's search entry.
    pub search: Option<Blob>,
}

/// Everything a cache is valid for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// The binary's version and identity.
    binary: String,
    /// The site folder.
    root: String,
    /// `site.yaml`, the options, the theme, the glossary and the static files' names.
    setup: u128,
}

impl Key {
    /// The key as bytes, for another cache file of the same build (`pipeline::parsed`).
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        let mut w = Encoder(Vec::new());
        w.str(&self.binary);
        w.str(&self.root);
        w.u128(self.setup);
        out.extend_from_slice(&w.0);
    }

    #[cfg(test)]
    pub fn for_tests(root: &str, setup: u128) -> Key {
        Key {
            binary: "test".into(),
            root: root.into(),
            setup,
        }
    }

    pub fn new(root: &Path, options: &Options) -> Key {
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        Key {
            binary: binary(),
            root: root.to_string_lossy().into_owned(),
            setup: setup(&root, options),
        }
    }
}

/// The version and the identity of the running binary: a binary built anew of the same version
/// may render differently.
fn binary() -> String {
    let exe = std::env::current_exe().and_then(std::fs::metadata);
    let (len, modified) = match exe {
        Ok(meta) => {
            let modified = meta.modified().ok();
            let since = modified.and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok());
            (meta.len(), since.map_or(0, |d| d.as_nanos()))
        }
        Err(_) => (0, 0),
    };
    format!("{} {len} {modified}", env!("CARGO_PKG_VERSION"))
}

/// What every job is rendered with besides the content: `site.yaml`, the build's options, every
/// file of the themes, the glossary and the names of the site's static files. Read whole each
/// build: a few hundred kilobytes.
fn setup(root: &Path, options: &Options) -> u128 {
    let mut h = Digest::default();
    (
        options.drafts,
        &options.base_url,
        options.serve,
        options.relative,
    )
        .hash(&mut h);
    let files = [
        root.join("site.yaml"),
        root.join(crate::load::glossary::PATH),
    ];
    for file in files {
        std::fs::read(&file).ok().hash(&mut h);
    }
    // Every theme: the name in site.yaml picks one, and site.yaml is hashed above.
    for (folder, contents) in [("themes", true), ("static", false)] {
        let mut entries: Vec<(String, PathBuf)> = walkdir::WalkDir::new(root.join(folder))
            .follow_links(true)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(root).unwrap_or(e.path());
                (rel.to_string_lossy().into_owned(), e.path().to_path_buf())
            })
            .collect();
        entries.sort();
        for (rel, path) in entries {
            rel.hash(&mut h);
            if contents {
                std::fs::read(&path).ok().hash(&mut h);
            }
        }
    }
    h.digest()
}

/// Collects bytes and digests them once (xxh3-128).
#[derive(Default)]
struct Digest(Vec<u8>);

impl Hasher for Digest {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn finish(&self) -> u64 {
        xxhash_rust::xxh3::xxh3_64(&self.0)
    }
}

impl Digest {
    fn digest(&self) -> u128 {
        xxhash_rust::xxh3::xxh3_128(&self.0)
    }
}

/// A path of the output as the cache keeps it: hashed.
pub fn path_hash(path: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(path.as_bytes())
}

/// The cache the previous build left.
#[derive(Default)]
pub struct Kept {
    /// The `jobs` file as read: its entries are decoded when asked for, as a large site's would
    /// take several times the file's size in memory.
    bytes: Vec<u8>,
    /// Where each job's entry starts in `bytes` (its key first), by the hash of its key.
    entries: HashMap<u64, usize>,
    /// Every output path of the previous build (the paths links resolve against), hashed.
    paths: HashSet<u64>,
    parts: HashMap<(Lang, u32), Part>,
    search: Option<Store>,
}

/// The search file the previous build left.
struct Store {
    name: String,
    file: std::fs::File,
    /// Its length when the cache was saved: every entry lies below.
    len: u64,
    /// The bytes of the entries the cache names.
    live: u64,
}

/// Why a cache was ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ignored {
    Damaged,
    Format,
    Binary,
    Site,
}

impl Ignored {
    /// The note the build prints.
    pub fn note(self, dir: &Path) -> Text {
        let why = match self {
            Ignored::Damaged => msg!("cache-ignored-damaged"),
            Ignored::Format => msg!("cache-ignored-format"),
            Ignored::Binary => msg!("cache-ignored-binary"),
            Ignored::Site => msg!("cache-ignored-site"),
        };
        msg!("cache-ignored", dir = dir.display().to_string(), why = why)
    }
}

impl Kept {
    /// The cache in `dir` for a build with `key`: empty when there is none or it was made with
    /// another setup; `Err` when it is one that must not be trusted.
    pub fn load(dir: &Path, key: &Key) -> Result<Kept, Ignored> {
        let Ok(bytes) = std::fs::read(dir.join(JOBS)) else {
            return Ok(Kept::default());
        };
        let (head, sum) = bytes
            .split_at_checked(bytes.len().saturating_sub(16))
            .ok_or(Ignored::Damaged)?;
        let sum: [u8; 16] = sum.try_into().map_err(|_| Ignored::Damaged)?;
        if !head.starts_with(MAGIC) || xxhash_rust::xxh3::xxh3_128(head) != u128::from_le_bytes(sum)
        {
            return Err(Ignored::Damaged);
        }
        let head_len = head.len();
        let mut r = Decoder(&head[MAGIC.len()..]);
        if r.u32() != Some(FORMAT) {
            return Err(Ignored::Format);
        }
        if r.str().as_deref() != Some(key.binary.as_str()) {
            return Err(Ignored::Binary);
        }
        if r.str().as_deref() != Some(key.root.as_str()) {
            return Err(Ignored::Site);
        }
        if r.u128() != Some(key.setup) {
            return Ok(Kept::default());
        }
        let at = head_len - r.0.len();
        let mut bytes = bytes;
        bytes.truncate(head_len);
        Kept::decode(dir, bytes, at).ok_or(Ignored::Damaged)
    }

    /// The cache from the `jobs` file's bytes (without the checksum), read from `at` on. Every
    /// entry is decoded once here, to check it.
    fn decode(dir: &Path, bytes: Vec<u8>, at: usize) -> Option<Kept> {
        let r = &mut Decoder(&bytes[at..]);
        let name = r.str()?;
        if !name.starts_with(SEARCH) || name.contains(['/', '\\']) {
            return None;
        }
        let len = r.u64()?;
        let paths = (0..r.len()?).map(|_| r.u64()).collect::<Option<_>>()?;
        let mut parts = HashMap::new();
        for _ in 0..r.len()? {
            let part = Part {
                lang: r.lang()?,
                number: r.u32()?,
                digest: r.u128()?,
                hash: r.u128()?,
            };
            parts.insert((part.lang, part.number), part);
        }
        let mut entries = HashMap::new();
        let mut live = 0;
        for _ in 0..r.len()? {
            let start = bytes.len() - r.0.len();
            let key = JobKey::decode(r)?;
            let entry = decode_entry(r)?;
            if let Some(blob) = &entry.search {
                if blob.offset + u64::from(blob.len) > len {
                    return None;
                }
                live += u64::from(blob.len);
            }
            entries.insert(key_hash(&key), start);
        }
        if !r.0.is_empty() {
            return None;
        }
        // A search file shorter than recorded lost entries; one that is missing, all of them.
        let file = std::fs::File::open(dir.join(&name)).ok()?;
        if file.metadata().ok()?.len() < len {
            return None;
        }
        Some(Kept {
            bytes,
            entries,
            paths,
            parts,
            search: Some(Store {
                name,
                file,
                len,
                live,
            }),
        })
    }

    /// A job's entry, decoded. Two keys of one hash would find one entry: the key is checked,
    /// and the other job is simply made again.
    pub fn get(&self, key: &JobKey) -> Option<Entry> {
        let &at = self.entries.get(&key_hash(key))?;
        let mut r = Decoder(&self.bytes[at..]);
        (JobKey::decode(&mut r)? == *key).then_some(())?;
        decode_entry(&mut r)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether a path of the previous output is not among `paths` (hashed).
    pub fn lost_a_path(&self, paths: &HashSet<u64>) -> bool {
        self.paths.iter().any(|p| !paths.contains(p))
    }

    /// A search index part as the previous build wrote it.
    pub fn part(&self, lang: Lang, number: u32) -> Option<&Part> {
        self.parts.get(&(lang, number))
    }

    /// A job's search entry as JSON, `None` when it cannot be read whole or is not what the
    /// cache recorded.
    pub fn search_entry(&self, blob: &Blob) -> Option<String> {
        let store = self.search.as_ref()?;
        let mut bytes = vec![0; blob.len as usize];
        read_at(&store.file, &mut bytes, blob.offset).ok()?;
        if xxhash_rust::xxh3::xxh3_64(&bytes) != blob.hash {
            return None;
        }
        String::from_utf8(bytes).ok()
    }
}

/// What [`Kept`] finds a job's entry by.
fn key_hash(key: &JobKey) -> u64 {
    let mut h = Digest(Vec::new());
    key.hash(&mut h);
    h.finish()
}

/// Reads `buf.len()` bytes at `offset` of `file`: how the caches read an entry.
#[cfg(unix)]
pub(super) fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
pub(super) fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = file;
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(buf)
}

fn decode_entry(r: &mut Decoder) -> Option<Entry> {
    let fingerprint = r.u128()?;
    let made = (0..r.len()?)
        .map(|_| {
            let (path, hash) = (r.str()?, r.u128()?);
            let ids = match r.u8()? {
                0 => None,
                _ => Some((0..r.len()?).map(|_| r.u64()).collect::<Option<_>>()?),
            };
            Some(Made { path, hash, ids })
        })
        .collect::<Option<_>>()?;
    let search = match r.u8()? {
        0 => None,
        _ => Some(Blob {
            lang: r.lang()?,
            cut: r.u64()?,
            offset: r.u64()?,
            len: r.u32()?,
            hash: r.u64()?,
        }),
    };
    Some(Entry {
        fingerprint,
        made,
        search,
    })
}

/// The cache this build makes, saved once its output is in place.
pub struct Next {
    dir: PathBuf,
    key: Key,
    /// `search-ID`
    search_name: String,
    search: Option<BufWriter<std::fs::File>>,
    /// The entries are appended to the previous build's search file: theirs stay where they are.
    appended: bool,
    offset: u64,
    parts: Vec<Part>,
    /// The entries so far, encoded and written to a working file as they come (`jobs.entries-`):
    /// on a large site they are tens of megabytes, which need not wait in memory.
    entries: Option<BufWriter<std::fs::File>>,
    /// Where one entry is encoded.
    scratch: Encoder,
    count: usize,
    paths: Vec<u64>,
    /// Something could not be written: nothing is saved.
    broken: bool,
    saved: bool,
}

impl Next {
    /// The cache of a build that starts from `kept`: its entries go after the previous build's,
    /// unless less than half of that file is still used.
    pub fn new(dir: &Path, key: Key, kept: &Kept) -> Next {
        let reused = kept
            .search
            .as_ref()
            .filter(|s| s.live * 2 >= s.len)
            .and_then(|s| {
                let file = std::fs::OpenOptions::new()
                    .append(true)
                    .open(dir.join(&s.name))
                    .ok()?;
                // Past whatever a killed build appended.
                let offset = file.metadata().ok()?.len();
                Some((s.name.clone(), file, offset))
            });
        let appended = reused.is_some();
        let (search_name, search, offset) = reused.map_or_else(
            || {
                let id = xxhash_rust::xxh3::xxh3_64(
                    format!("{} {:?}", std::process::id(), std::time::SystemTime::now()).as_bytes(),
                );
                let name = format!("{SEARCH}{id:016x}");
                let file = std::fs::create_dir_all(dir)
                    .and_then(|()| std::fs::File::create(dir.join(&name)))
                    .ok();
                (name, file, 0)
            },
            |(name, file, offset)| (name, Some(file), offset),
        );
        let search = search.map(BufWriter::new);
        Next {
            dir: dir.to_path_buf(),
            key,
            broken: search.is_none(),
            search_name,
            search,
            appended,
            offset,
            parts: Vec::new(),
            entries: std::fs::File::create(entries_file(dir))
                .ok()
                .map(BufWriter::new),
            scratch: Encoder(Vec::new()),
            count: 0,
            paths: Vec::new(),
            saved: false,
        }
    }

    /// Keeps a page's search entry, of JSON hash `hash`; where it went.
    pub fn add_search(&mut self, entry: &IndexEntry, hash: u64) -> Option<Blob> {
        let file = self.search.as_mut()?;
        let len = u32::try_from(entry.json.len()).ok()?;
        if file.write_all(entry.json.as_bytes()).is_err() {
            self.broken = true;
            return None;
        }
        let blob = Blob {
            lang: entry.lang,
            cut: entry.cut,
            offset: self.offset,
            len,
            hash,
        };
        self.offset += u64::from(len);
        Some(blob)
    }

    /// Keeps the search entry of a job kept from the previous build: where it is now (copied
    /// when this cache has a search file of its own).
    pub fn carry(&mut self, kept: &Kept, blob: Blob) -> Option<Blob> {
        if self.appended {
            return Some(blob);
        }
        let json = kept.search_entry(&blob)?;
        let entry = IndexEntry {
            lang: blob.lang,
            cut: blob.cut,
            json,
        };
        self.add_search(&entry, blob.hash)
    }

    /// A part of the search index this build's output holds.
    pub fn add_part(&mut self, part: Part) {
        self.parts.push(part);
    }

    /// The cache folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn add(&mut self, key: JobKey, entry: Entry) {
        self.scratch.0.clear();
        key.encode(&mut self.scratch);
        encode_entry(&mut self.scratch, &entry);
        let written = self.entries.as_mut().map(|f| f.write_all(&self.scratch.0));
        if !matches!(written, Some(Ok(()))) {
            self.broken = true;
        }
        self.count += 1;
    }

    /// Every output path of this build, the paths links resolve against.
    pub fn set_paths(&mut self, paths: Vec<u64>) {
        self.paths = paths;
    }

    /// Writes `jobs` (a new file renamed over the old one) and removes the search files no
    /// cache names any more. A failure only costs the next build its cache.
    pub fn save(mut self) {
        let flushed = self.search.take().map(|mut f| f.flush());
        let entries = self
            .entries
            .take()
            .map(|f| f.into_inner().map_err(|e| e.into_error()));
        let (false, Some(Ok(())), Some(Ok(_))) = (self.broken, flushed, entries) else {
            return;
        };
        let mut w = Encoder(Vec::with_capacity(256 + self.paths.len() * 8));
        w.0.extend_from_slice(MAGIC);
        w.u32(FORMAT);
        w.str(&self.key.binary);
        w.str(&self.key.root);
        w.u128(self.key.setup);
        w.str(&self.search_name);
        w.u64(self.offset);
        w.len(self.paths.len());
        for &p in &self.paths {
            w.u64(p);
        }
        w.len(self.parts.len());
        for p in &self.parts {
            w.lang(p.lang);
            w.u32(p.number);
            w.u128(p.digest);
            w.u128(p.hash);
        }
        w.len(self.count);
        let tmp = self.dir.join(format!("{JOBS}.tmp-{}", std::process::id()));
        let written = std::fs::File::create(&tmp)
            .and_then(|f| write_jobs(&w.0, &entries_file(&self.dir), f))
            .and_then(|()| std::fs::rename(&tmp, self.dir.join(JOBS)));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
            return;
        }
        self.saved = true;
        self.remove_others();
    }

    /// Removes the files of the cache folder that the saved cache does not use: older search
    /// files, and what a killed build left.
    fn remove_others(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if name != JOBS && name != self.search_name.as_str() && !super::parsed::owns(&name) {
                crate::write::remove_working(&e.path());
            }
        }
    }
}

/// The working file a build's entries are written to until `jobs` is saved.
fn entries_file(dir: &Path) -> PathBuf {
    dir.join(format!("{JOBS}.entries-{}", std::process::id()))
}

/// Writes `jobs`: `head`, the entries from the working file `entries`, and the checksum of both.
fn write_jobs(head: &[u8], entries: &Path, out: std::fs::File) -> std::io::Result<()> {
    let mut out = Summed {
        out: BufWriter::new(out),
        sum: xxhash_rust::xxh3::Xxh3::new(),
    };
    out.write_all(head)?;
    std::io::copy(&mut std::fs::File::open(entries)?, &mut out)?;
    let Summed { mut out, sum } = out;
    out.write_all(&sum.digest128().to_le_bytes())?;
    out.into_inner().map_err(|e| e.into_error()).map(drop)
}

/// A writer that hashes what goes through it.
struct Summed<W> {
    out: W,
    sum: xxhash_rust::xxh3::Xxh3,
}

impl<W: Write> Write for Summed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.sum.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

impl Drop for Next {
    fn drop(&mut self) {
        self.entries = None;
        let _ = std::fs::remove_file(entries_file(&self.dir));
        // An appended file still holds what the previous `jobs` names.
        if !self.saved && !self.appended {
            self.search = None;
            let _ = std::fs::remove_file(self.dir.join(&self.search_name));
        }
    }
}

/// Removes the cache in `dir`, before the output it describes is replaced.
pub fn forget(dir: &Path) {
    let _ = std::fs::remove_file(dir.join(JOBS));
}

fn encode_entry(w: &mut Encoder, entry: &Entry) {
    w.u128(entry.fingerprint);
    w.len(entry.made.len());
    for m in &entry.made {
        w.str(&m.path);
        w.u128(m.hash);
        match &m.ids {
            None => w.u8(0),
            Some(ids) => {
                w.u8(1);
                w.len(ids.len());
                for &id in ids {
                    w.u64(id);
                }
            }
        }
    }
    match &entry.search {
        None => w.u8(0),
        Some(b) => {
            w.u8(1);
            w.lang(b.lang);
            w.u64(b.cut);
            w.u64(b.offset);
            w.u32(b.len);
            w.u64(b.hash);
        }
    }
}

/// Little-endian numbers and length-prefixed strings.
struct Encoder(Vec<u8>);

impl Encoder {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u128(&mut self, v: u128) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }
    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn lang(&mut self, l: Lang) {
        self.u8(match l {
            Lang::Ja => 0,
            Lang::En => 1,
        });
    }
}

/// Reads what [`Encoder`] wrote; `None` past the end or on a value out of range.
struct Decoder<'a>(&'a [u8]);

impl Decoder<'_> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.0.split_first_chunk::<N>()?;
        self.0 = rest;
        Some(*head)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take::<1>().map(|b| b[0])
    }
    fn u32(&mut self) -> Option<u32> {
        self.take().map(u32::from_le_bytes)
    }
    fn u64(&mut self) -> Option<u64> {
        self.take().map(u64::from_le_bytes)
    }
    fn u128(&mut self) -> Option<u128> {
        self.take().map(u128::from_le_bytes)
    }
    /// A count, which can be no more than the bytes left (each item takes one at least).
    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.u64()?).ok()?;
        (n <= self.0.len()).then_some(n)
    }
    fn str(&mut self) -> Option<String> {
        let n = self.len()?;
        let (s, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        String::from_utf8(s.to_vec()).ok()
    }
    fn lang(&mut self) -> Option<Lang> {
        match self.u8()? {
            0 => Some(Lang::Ja),
            1 => Some(Lang::En),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(root: &str) -> Key {
        Key {
            binary: "1.0 1 2".into(),
            root: root.into(),
            setup: 7,
        }
    }

    fn index_entry(json: &str) -> IndexEntry {
        IndexEntry {
            lang: Lang::Ja,
            cut: 5,
            json: json.into(),
        }
    }

    /// The search file of the cache in `dir`.
    fn search_file(dir: &Path) -> PathBuf {
        std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with(SEARCH))
            .unwrap()
            .path()
    }

    fn saved(dir: &Path) -> Entry {
        let mut next = Next::new(dir, key("/site"), &Kept::default());
        let json = "{\"u\":\"a/\"}";
        let blob = next.add_search(
            &index_entry(json),
            xxhash_rust::xxh3::xxh3_64(json.as_bytes()),
        );
        let entry = Entry {
            fingerprint: 42,
            made: vec![Made {
                path: "a/index.html".into(),
                hash: 9,
                ids: Some(vec![1, 2]),
            }],
            search: blob,
        };
        next.add(JobKey::Page("a.md".into(), Lang::Ja), entry.clone());
        next.set_paths(vec![path_hash("a/index.html")]);
        next.save();
        entry
    }

    #[test]
    fn a_saved_cache_reads_back_with_its_search_entries() {
        let dir = tempfile::tempdir().unwrap();
        let entry = saved(dir.path());
        let kept = Kept::load(dir.path(), &key("/site")).unwrap();
        let got = kept.get(&JobKey::Page("a.md".into(), Lang::Ja)).unwrap();
        assert_eq!(got, entry);
        // Entries are found by their own key only.
        assert!(kept.get(&JobKey::Page("a.md".into(), Lang::En)).is_none());
        assert!(kept
            .get(&JobKey::Changes("a.md".into(), Lang::Ja))
            .is_none());
        let entry = kept.search_entry(got.search.as_ref().unwrap()).unwrap();
        assert_eq!(entry, "{\"u\":\"a/\"}");
        assert!(!kept.lost_a_path(&[path_hash("a/index.html")].into()));
        assert!(kept.lost_a_path(&HashSet::new()));
        // A second save leaves one search file.
        saved(dir.path());
        // (The entries' working file is gone too.)
        let searches = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(searches, 2, "jobs and one search file");
    }

    #[test]
    fn a_damaged_or_foreign_cache_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        saved(dir.path());
        let jobs = dir.path().join(JOBS);
        let bytes = std::fs::read(&jobs).unwrap();
        assert_eq!(
            Kept::load(dir.path(), &key("/other")).err(),
            Some(Ignored::Site)
        );
        let other_binary = Key {
            binary: "2.0".into(),
            ..key("/site")
        };
        assert_eq!(
            Kept::load(dir.path(), &other_binary).err(),
            Some(Ignored::Binary)
        );
        let other_setup = Key {
            setup: 8,
            ..key("/site")
        };
        assert!(Kept::load(dir.path(), &other_setup).unwrap().is_empty());
        std::fs::write(&jobs, &bytes[..bytes.len() - 5]).unwrap();
        assert_eq!(
            Kept::load(dir.path(), &key("/site")).err(),
            Some(Ignored::Damaged)
        );
        let mut flipped = bytes.clone();
        flipped[40] ^= 1;
        std::fs::write(&jobs, &flipped).unwrap();
        assert_eq!(
            Kept::load(dir.path(), &key("/site")).err(),
            Some(Ignored::Damaged)
        );
        std::fs::write(&jobs, b"").unwrap();
        assert_eq!(
            Kept::load(dir.path(), &key("/site")).err(),
            Some(Ignored::Damaged)
        );
        std::fs::remove_file(&jobs).unwrap();
        assert!(Kept::load(dir.path(), &key("/site")).unwrap().is_empty());
    }

    #[test]
    fn a_search_entry_that_changed_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        saved(dir.path());
        let kept = Kept::load(dir.path(), &key("/site")).unwrap();
        let search = search_file(dir.path());
        std::fs::write(&search, "{\"u\":\"b/\"}").unwrap();
        let entry = kept.get(&JobKey::Page("a.md".into(), Lang::Ja)).unwrap();
        assert_eq!(kept.search_entry(entry.search.as_ref().unwrap()), None);
    }

    #[test]
    fn a_rebuild_appends_to_the_search_file_until_half_of_it_is_unused() {
        let dir = tempfile::tempdir().unwrap();
        let entry = saved(dir.path());
        let kept = Kept::load(dir.path(), &key("/site")).unwrap();
        let old = *kept
            .get(&JobKey::Page("a.md".into(), Lang::Ja))
            .unwrap()
            .search
            .as_ref()
            .unwrap();
        // The kept entry stays where it is; a new one goes after it.
        let mut next = Next::new(dir.path(), key("/site"), &kept);
        assert_eq!(next.carry(&kept, old), Some(old));
        let json = "{\"u\":\"b/\"}";
        let fresh = next
            .add_search(
                &index_entry(json),
                xxhash_rust::xxh3::xxh3_64(json.as_bytes()),
            )
            .unwrap();
        next.add(JobKey::Page("a.md".into(), Lang::Ja), entry.clone());
        next.add(
            JobKey::Page("b.md".into(), Lang::Ja),
            Entry {
                search: Some(fresh),
                ..entry.clone()
            },
        );
        next.add_part(Part {
            lang: Lang::Ja,
            number: 1,
            digest: part_digest([(old.hash, old.len), (fresh.hash, fresh.len)].into_iter()),
            hash: 11,
        });
        next.save();
        let files = || std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(files(), 2, "jobs and the one search file");
        let kept = Kept::load(dir.path(), &key("/site")).unwrap();
        let b = kept.get(&JobKey::Page("b.md".into(), Lang::Ja)).unwrap();
        assert_eq!(kept.search_entry(b.search.as_ref().unwrap()).unwrap(), json);
        assert_eq!(kept.part(Lang::Ja, 1).unwrap().hash, 11);
        // Only b's entry is named now, and what no job names comes after it: less than half of
        // the file is in use, so the next build starts a new file with the kept entry copied.
        let b = *b.search.as_ref().unwrap();
        let mut next = Next::new(dir.path(), key("/site"), &kept);
        assert_eq!(next.carry(&kept, b), Some(b));
        next.add_search(&index_entry(&"x".repeat(100)), 0).unwrap();
        let named = |blob| Entry {
            search: Some(blob),
            ..entry.clone()
        };
        next.add(JobKey::Page("b.md".into(), Lang::Ja), named(b));
        next.save();
        let kept = Kept::load(dir.path(), &key("/site")).unwrap();
        let mut next = Next::new(dir.path(), key("/site"), &kept);
        let copied = next.carry(&kept, b).unwrap();
        assert_ne!(copied, b, "copied to the start of a new file");
        next.add(JobKey::Page("b.md".into(), Lang::Ja), named(copied));
        next.save();
        assert_eq!(files(), 2, "the old search file is removed");
        let kept = Kept::load(dir.path(), &key("/site")).unwrap();
        let b = kept.get(&JobKey::Page("b.md".into(), Lang::Ja)).unwrap();
        assert_eq!(kept.search_entry(b.search.as_ref().unwrap()).unwrap(), json);
    }

    #[test]
    fn a_search_file_shorter_than_recorded_is_damaged() {
        let dir = tempfile::tempdir().unwrap();
        saved(dir.path());
        let search = search_file(dir.path());
        let bytes = std::fs::read(&search).unwrap();
        std::fs::write(&search, &bytes[..bytes.len() - 1]).unwrap();
        assert_eq!(
            Kept::load(dir.path(), &key("/site")).err(),
            Some(Ignored::Damaged)
        );
        std::fs::remove_file(&search).unwrap();
        assert_eq!(
            Kept::load(dir.path(), &key("/site")).err(),
            Some(Ignored::Damaged)
        );
    }
}
