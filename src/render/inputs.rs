//! What each render job is made from, as one number: `serve` re-renders a job only when this
//! fingerprint changed since the last rebuild, and `build` only when it differs from the one its
//! render cache kept (`pipeline::cache`).
//!
//! A fingerprint must cover every input of the job's template context (`Renderer::context`,
//! `page_view`, the tag and comparison renderers) except what only `site.yaml`, the theme or the
//! glossary decide: a change to those re-renders everything. Documents enter by a number that
//! changes whenever the document may have: the preview gives each document it (re)loads a new
//! *generation*, so an unchanged file costs nothing to compare; a build uses a digest of the
//! file's path and text, which is the same from one build to the next. `tests/rebuild.rs` and
//! `tests/incremental.rs` check that an incremental rebuild equals a full build.
//!
//! Fingerprints are 128-bit digests (xxh3) of everything hashed into them: a build keeps them
//! from one run to the next, so a collision would publish a stale page.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::model::{Lang, PageId};
use crate::model::{Site, Target};

use super::Job;

/// A job's fingerprint.
pub type Fingerprint = u128;

/// Collects the bytes of what is hashed and digests them once (xxh3-128): most writes are a few
/// bytes, which a streaming hasher would buffer one by one anyway.
#[derive(Default)]
struct DefaultHasher(Vec<u8>);

impl Hasher for DefaultHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn finish(&self) -> u64 {
        xxhash_rust::xxh3::xxh3_64(&self.0)
    }
}

impl DefaultHasher {
    fn digest(&self) -> Fingerprint {
        xxhash_rust::xxh3::xxh3_128(&self.0)
    }
}

/// Per-rebuild values many fingerprints share, computed once.
pub struct Inputs<'a> {
    site: &'a Site,
    /// Per document: a number that changes whenever the document may have.
    documents: &'a [u128],
    /// Per page and language: what lists, menus and breadcrumbs show of it.
    metas: Vec<[Fingerprint; 2]>,
    /// Per language: the main navigation, and the home page's title and URL.
    nav: [Fingerprint; 2],
    /// Everything the comparison tables are made from, by the prefecture the pages name;
    /// computed when first asked for (the preview's edits that touch no compared page never ask).
    tables: OnceLock<HashMap<Option<u8>, Fingerprint>>,
    /// What each prefecture's profile shows beyond the tables, by prefecture code: its pages and
    /// their versions; computed when first asked for, as `tables`.
    profiles: OnceLock<HashMap<u8, Fingerprint>>,
}

impl<'a> Inputs<'a> {
    /// `documents` holds for each document of the site (by `DocId`) its generation in the
    /// preview, its digest ([`document_digest`]) in a build.
    pub fn new(site: &'a Site, documents: &'a [u128]) -> Inputs<'a> {
        let metas: Vec<[Fingerprint; 2]> = (0..site.pages.len())
            .into_par_iter()
            .map(|p| Lang::ALL.map(|lang| meta(site, p, lang)))
            .collect();
        // The navigation lists the home page's children; every page that is not below the home
        // page (404, search, glossary, comparisons, data) shows the home page's title in its
        // breadcrumb.
        let nav = Lang::ALL.map(|lang| {
            let home = metas[site.home][index(lang)];
            let children = site.pages[site.home]
                .children
                .iter()
                .map(|&c| (site.pages[c].is_section(), metas[c][index(lang)]));
            hash_all([(false, home)].into_iter().chain(children))
        });
        Inputs {
            site,
            documents,
            metas,
            nav,
            tables: OnceLock::new(),
            profiles: OnceLock::new(),
        }
    }

    /// What the feeds and the sitemap are made from: every page's meta.
    pub fn feeds(&self) -> Fingerprint {
        hash_all(&self.metas)
    }

    pub fn fingerprint(&self, job: Job) -> Fingerprint {
        match job {
            Job::Page(page, lang) => self.page(page, lang),
            Job::Changes(page, lang) => self.changes(page, lang),
            Job::TagIndex(lang) => self.tag_index(lang),
            Job::Tag(lang, name) => self.tag(lang, name),
            // The index's map links the prefectures that have a profile.
            Job::Comparisons(lang) => {
                let profiled = self
                    .site
                    .profiles()
                    .iter()
                    .map(|p| p.code)
                    .collect::<Vec<_>>();
                hash_all([self.nav[index(lang)], self.tables(), hash_all(profiled)])
            }
            Job::Profile(lang, p) => {
                let own = self.profiles().get(&p.code).copied().unwrap_or_default();
                hash_all([self.nav[index(lang)], self.tables_for(p.code), own])
            }
            // The glossary itself comes with site.yaml: an edit of it renders everything.
            Job::Glossary(lang) | Job::Search(lang) | Job::NotFound(lang) => self.nav[index(lang)],
            // The tables, the pages' facts (which the tables' fingerprint covers) and, for the
            // package's `created` and `version`, the newest date any page gives.
            Job::Data(lang) => {
                let newest = crate::compare::data::newest_date(self.site);
                hash_all([self.nav[index(lang)], self.tables(), hash_all([newest])])
            }
        }
    }

    fn page(&self, page: PageId, lang: Lang) -> Fingerprint {
        let site = self.site;
        let p = &site.pages[page];
        let doc_id = p.doc_for(lang);
        let mut h = DefaultHasher::default();
        // The page's own documents (the Japanese one also decides a translation's stale notice).
        self.documents[p.ja].hash(&mut h);
        p.en.map(|e| self.documents[e]).hash(&mut h);
        site.translations.get(page).hash(&mut h);
        // Obligation items' anchors follow the guideline's list, not only the page (`link`).
        obligation_anchors(&site.docs[doc_id]).hash(&mut h);
        // Its URLs in every language (switcher, alternates) and the navigation.
        self.metas[page].hash(&mut h);
        self.nav[index(lang)].hash(&mut h);
        // Breadcrumbs, section listing, backlinks.
        let mut at = p.parent;
        let mut depth = 0;
        while let Some(a) = at.filter(|_| depth < site.pages.len()) {
            self.metas[a][index(lang)].hash(&mut h);
            at = site.pages[a].parent;
            depth += 1;
        }
        for &c in &p.children {
            (site.pages[c].is_section(), self.metas[c][index(lang)]).hash(&mut h);
        }
        // A section's timeline: every version of each child's document (the dates it sorts by
        // are the Japanese pages', shown are `lang`'s).
        if p.is_section() {
            for &c in &p.children {
                for v in site.version_chain(c) {
                    (v, self.metas[v]).hash(&mut h);
                }
            }
        }
        for &b in site.backlinks.get(&(page, lang)).into_iter().flatten() {
            self.metas[b][index(lang)].hash(&mut h);
        }
        // The versions it links: the newer one's notice, the older one's link.
        for version in [p.versions.older, p.versions.newer] {
            version.map(|v| self.metas[v][index(lang)]).hash(&mut h);
        }
        // Where its links go (a target's URL changes with the target's slug). Order-free: the
        // links are kept in a hash map.
        let links: Fingerprint = site.links[doc_id]
            .iter()
            .map(|(dest, target)| {
                let mut h = DefaultHasher::default();
                dest.hash(&mut h);
                match target {
                    Target::Page { page, anchor } => (&site.pages[*page].path, anchor).hash(&mut h),
                    Target::File(path) | Target::Generated(path) => path.hash(&mut h),
                }
                h.digest()
            })
            .fold(0, Fingerprint::wrapping_add);
        links.hash(&mut h);
        h.digest()
    }

    /// A changes page shows both versions' bodies (in either language: which ones it compares
    /// depends on what is translated), their titles and URLs, and the newer page's place.
    fn changes(&self, page: PageId, lang: Lang) -> Fingerprint {
        let site = self.site;
        let mut h = DefaultHasher::default();
        self.nav[index(lang)].hash(&mut h);
        let versions = [Some(page), site.pages[page].versions.older];
        for p in versions.into_iter().flatten() {
            let p_ = &site.pages[p];
            self.documents[p_.ja].hash(&mut h);
            p_.en.map(|e| self.documents[e]).hash(&mut h);
            self.metas[p].hash(&mut h);
        }
        let mut at = site.pages[page].parent;
        let mut depth = 0;
        while let Some(a) = at.filter(|_| depth < site.pages.len()) {
            self.metas[a][index(lang)].hash(&mut h);
            at = site.pages[a].parent;
            depth += 1;
        }
        h.digest()
    }

    fn tag_index(&self, lang: Lang) -> Fingerprint {
        let mut h = DefaultHasher::default();
        self.nav[index(lang)].hash(&mut h);
        for (name, pages) in self.site.tags.get(&lang).into_iter().flatten() {
            (name, pages.len()).hash(&mut h);
        }
        h.digest()
    }

    fn tag(&self, lang: Lang, name: &str) -> Fingerprint {
        let mut h = DefaultHasher::default();
        self.nav[index(lang)].hash(&mut h);
        // The language switcher goes to the tag's page in a language that has the tag, to the
        // tag index in one that does not.
        for other in Lang::ALL {
            let has = self
                .site
                .tags
                .get(&other)
                .is_some_and(|t| t.contains_key(name));
            has.hash(&mut h);
        }
        let pages = self.site.tags.get(&lang).and_then(|t| t.get(name));
        for &p in pages.into_iter().flatten() {
            self.metas[p][index(lang)].hash(&mut h);
        }
        h.digest()
    }

    /// Every compared page.
    fn tables(&self) -> Fingerprint {
        let by = self.tables_of();
        let mut groups: Vec<(&Option<u8>, &Fingerprint)> = by.iter().collect();
        groups.sort();
        hash_all(groups)
    }

    /// The compared pages a prefecture's profile shows: its own and the national ones.
    fn tables_for(&self, code: u8) -> Fingerprint {
        let by = self.tables_of();
        hash_all([by.get(&None), by.get(&Some(code))])
    }

    fn tables_of(&self) -> &HashMap<Option<u8>, Fingerprint> {
        self.tables.get_or_init(|| self.tables_by_prefecture())
    }

    fn profiles(&self) -> &HashMap<u8, Fingerprint> {
        self.profiles.get_or_init(|| self.profiles_fingerprints())
    }

    /// The comparisons are made from the pages with obligation lists or facts, and their versions
    /// (only a current version is compared; the revisions link both versions). By the
    /// prefecture the pages name (`None`: national pages such as the guideline), so that a
    /// profile can depend on its own prefecture's pages and the national ones only.
    fn tables_by_prefecture(&self) -> HashMap<Option<u8>, Fingerprint> {
        let site = self.site;
        let mut hashers: HashMap<Option<u8>, DefaultHasher> = HashMap::new();
        for (page, p) in site.pages.iter().enumerate() {
            let docs = std::iter::once(p.ja).chain(p.en);
            let compared = docs.clone().any(|d| {
                let doc = &site.docs[d];
                !doc.parsed.obligation_lists.is_empty() || !doc.front.facts.is_empty()
            });
            if compared {
                let code = site.docs[p.ja].front.prefecture.map(|pref| pref.code);
                let h = hashers.entry(code).or_default();
                page.hash(h);
                for d in docs {
                    self.documents[d].hash(h);
                }
                self.metas[page].hash(h);
                for version in [p.versions.older, p.versions.newer] {
                    version.map(|v| (v, self.metas[v])).hash(h);
                }
            }
        }
        hashers
            .into_iter()
            .map(|(code, h)| (code, h.digest()))
            .collect()
    }
}

impl Inputs<'_> {
    /// Each prefecture's profile (`render/profile.rs`): the pages that name it, and the titles,
    /// dates and URLs of their documents' versions.
    fn profiles_fingerprints(&self) -> HashMap<u8, Fingerprint> {
        let site = self.site;
        let mut hashers: HashMap<u8, DefaultHasher> = HashMap::new();
        for (page, p) in site.pages.iter().enumerate() {
            let Some(pref) = site.docs[p.ja].front.prefecture else {
                continue;
            };
            let h = hashers.entry(pref.code).or_default();
            (page, p.is_section(), self.metas[page]).hash(h);
            for v in site.version_chain(page) {
                (v, self.metas[v]).hash(h);
            }
        }
        hashers
            .into_iter()
            .map(|(code, h)| (code, h.digest()))
            .collect()
    }
}

/// What other pages, feeds and the sitemap show of a page: its title, summary, kind, dates,
/// draft mark, language and URL.
fn meta(site: &Site, page: PageId, lang: Lang) -> Fingerprint {
    let doc = site.doc(page, lang);
    let f = &doc.front;
    let mut h = DefaultHasher::default();
    (&f.title, &f.description, f.kind, f.date, f.updated, f.draft).hash(&mut h);
    // The URL, less what site.yaml decides (an edit there renders everything anyway).
    (doc.lang, lang, &site.pages[page].path).hash(&mut h);
    h.digest()
}

/// What a build knows a document by between runs: its path and its text, by their digest
/// (everything else a document is made from, `site.yaml`, is in the render cache's key).
pub fn document_digest(doc: &crate::model::Doc) -> u128 {
    let mut h = DefaultHasher::default();
    (doc.source.hash, &doc.key, doc.lang).hash(&mut h);
    h.digest()
}

/// The anchors of a document's obligation items, and the untranslated Japanese items it shows.
fn obligation_anchors(doc: &crate::model::Doc) -> u64 {
    let mut h = DefaultHasher::default();
    for list in &doc.parsed.obligation_lists {
        list.items
            .iter()
            .for_each(|i| (&i.id, &i.also).hash(&mut h));
    }
    for u in &doc.parsed.untranslated {
        (&u.set, u.place).hash(&mut h);
        u.items
            .iter()
            .for_each(|i| (&i.id, &i.text, &i.detail).hash(&mut h));
    }
    h.finish()
}

fn index(lang: Lang) -> usize {
    match lang {
        Lang::Ja => 0,
        Lang::En => 1,
    }
}

fn hash_all<T: Hash>(items: impl IntoIterator<Item = T>) -> Fingerprint {
    let mut h = DefaultHasher::default();
    for i in items {
        i.hash(&mut h);
    }
    h.digest()
}
