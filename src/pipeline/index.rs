//! The search index of a build, written part by part as the pages come (`render::search`). With a
//! render cache ([`super::cache`]) a part whose entries are those the last build wrote in it, in
//! the same order, is kept as it is in the output without reading any of them; a part with a
//! new or changed entry is written again, its kept entries read back from the cache.

use crate::diagnostics::Diagnostic;
use crate::model::{Lang, Output};
use crate::msg;
use crate::render::search::{self, IndexEntry, PartEnds};
use crate::urls::Generated;

use super::cache::{part_digest, Blob, Kept, Part};
use super::Sink;

/// A page's search entry as a batch hands it over.
pub(super) enum Search {
    /// Rendered by this build.
    Fresh(IndexEntry),
    /// As the last build made it: in the cache's search file.
    Kept(Blob),
}

impl Search {
    pub fn lang(&self) -> Lang {
        match self {
            Search::Fresh(e) => e.lang,
            Search::Kept(b) => b.lang,
        }
    }
}

/// An entry of the open part, with what identifies it.
struct Pending {
    search: Search,
    hash: u64,
    len: u32,
}

/// One language's index being written.
struct LangIndex {
    lang: Lang,
    ends: PartEnds,
    open: Vec<Pending>,
    /// Parts closed so far.
    parts: usize,
}

/// What closing parts gave: files to write, files of the previous output to keep, and the parts
/// for the next cache (those written get their hash once the sink has it).
#[derive(Default)]
pub(super) struct Closed {
    pub outputs: Vec<Output>,
    pub kept_files: Vec<(String, u128)>,
    pub kept_parts: Vec<Part>,
    pub written_parts: Vec<Part>,
}

/// The search index of every language.
pub(super) struct Index {
    langs: Vec<LangIndex>,
}

impl Index {
    pub fn new(languages: &[Lang]) -> Index {
        let langs = languages
            .iter()
            .map(|&lang| LangIndex {
                lang,
                ends: PartEnds::default(),
                open: Vec::new(),
                parts: 0,
            })
            .collect();
        Index { langs }
    }

    /// Adds a page's entry (of JSON hash `hash`), closing the part it completes.
    pub fn add(
        &mut self,
        search: Search,
        hash: u64,
        kept: Option<&Kept>,
        sink: &dyn Sink,
        closed: &mut Closed,
    ) -> Result<(), Diagnostic> {
        let lang = search.lang();
        let Some(index) = self.langs.iter_mut().find(|l| l.lang == lang) else {
            return Ok(());
        };
        let (len, cut) = match &search {
            Search::Fresh(e) => (e.json.len(), e.cut),
            Search::Kept(b) => (b.len as usize, b.cut),
        };
        let len = u32::try_from(len).unwrap_or(u32::MAX);
        let ends = index.ends.ends_after(len as usize, cut);
        index.open.push(Pending { search, hash, len });
        if ends {
            index.close(kept, sink, closed)?;
        }
        Ok(())
    }

    /// Closes every language's last part, and adds `index.js` naming the parts.
    pub fn finish(
        &mut self,
        kept: Option<&Kept>,
        sink: &dyn Sink,
        closed: &mut Closed,
    ) -> Result<(), Diagnostic> {
        for index in &mut self.langs {
            if !index.open.is_empty() {
                index.close(kept, sink, closed)?;
            }
            closed
                .outputs
                .push(search::head_file(index.lang, index.parts));
        }
        Ok(())
    }
}

impl LangIndex {
    fn close(
        &mut self,
        kept: Option<&Kept>,
        sink: &dyn Sink,
        closed: &mut Closed,
    ) -> Result<(), Diagnostic> {
        self.parts += 1;
        let open = std::mem::take(&mut self.open);
        let number = u32::try_from(self.parts).unwrap_or(u32::MAX);
        let digest = part_digest(open.iter().map(|p| (p.hash, p.len)));
        let path = Generated::SearchIndexPart(self.parts).file(self.lang);
        let mut part = Part {
            lang: self.lang,
            number,
            digest,
            hash: 0,
        };
        let before = kept.and_then(|k| k.part(self.lang, number));
        if let Some(before) = before.filter(|b| b.digest == digest) {
            if sink.holds(&path, before.hash) {
                part.hash = before.hash;
                closed.kept_files.push((path, before.hash));
                closed.kept_parts.push(part);
                return Ok(());
            }
        }
        let mut jsons = Vec::with_capacity(open.len());
        for p in open {
            jsons.push(match p.search {
                Search::Fresh(e) => e.json,
                Search::Kept(blob) => kept
                    .and_then(|k| k.search_entry(&blob))
                    .ok_or_else(damaged)?,
            });
        }
        let file = search::part_file(self.lang, self.parts, jsons.iter().map(String::as_str));
        closed.outputs.push(file);
        closed.written_parts.push(part);
        Ok(())
    }
}

/// A kept entry that can no longer be read: the cache changed under the build.
fn damaged() -> Diagnostic {
    Diagnostic::error(msg!("cache-damaged-search"))
}
