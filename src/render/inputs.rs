//! What each render job is made from, as one number: `serve` re-renders a job only when this
//! fingerprint changed since the last rebuild.
//!
//! A fingerprint must cover every input of the job's template context (`Renderer::context`,
//! `page_view`, the tag and comparison renderers) except what only `site.yaml` or the theme
//! decide: a change to those re-renders everything. Documents enter by their *generation*, a
//! number the preview gives each document it (re)loads, so an unchanged file costs nothing to
//! compare. `tests/serve.rs` checks that an incremental rebuild equals a full build.

use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use rustc_hash::FxHasher as DefaultHasher;

use crate::model::{Lang, PageId};
use crate::model::{Site, Target};

use super::Job;

/// Per-rebuild values many fingerprints share, computed once.
pub struct Inputs<'a> {
    site: &'a Site,
    /// Per document: its generation.
    generations: &'a [u64],
    /// Per page and language: what lists, menus and breadcrumbs show of it.
    metas: Vec<[u64; 2]>,
    /// Per language: the main navigation.
    nav: [u64; 2],
    /// Everything the comparison tables are made from.
    tables: u64,
}

impl<'a> Inputs<'a> {
    pub fn new(site: &'a Site, generations: &'a [u64]) -> Inputs<'a> {
        let metas: Vec<[u64; 2]> = (0..site.pages.len())
            .into_par_iter()
            .map(|p| Lang::ALL.map(|lang| meta(site, p, lang)))
            .collect();
        let nav = Lang::ALL.map(|lang| {
            hash_all(
                site.pages[site.home]
                    .children
                    .iter()
                    .map(|&c| (site.pages[c].is_section(), metas[c][index(lang)])),
            )
        });
        let mut inputs = Inputs {
            site,
            generations,
            metas,
            nav,
            tables: 0,
        };
        inputs.tables = inputs.tables_fingerprint();
        inputs
    }

    /// What the feeds and the sitemap are made from: every page's meta.
    pub fn feeds(&self) -> u64 {
        hash_all(&self.metas)
    }

    pub fn fingerprint(&self, job: Job) -> u64 {
        match job {
            Job::Page(page, lang) => self.page(page, lang),
            Job::Changes(page, lang) => self.changes(page, lang),
            Job::TagIndex(lang) => self.tag_index(lang),
            Job::Tag(lang, name) => self.tag(lang, name),
            Job::Comparisons(lang) => hash_all([self.nav[index(lang)], self.tables]),
            // The glossary itself comes with site.yaml: an edit of it renders everything.
            Job::Glossary(lang) | Job::Search(lang) | Job::NotFound(lang) => self.nav[index(lang)],
        }
    }

    fn page(&self, page: PageId, lang: Lang) -> u64 {
        let site = self.site;
        let p = &site.pages[page];
        let doc_id = p.doc_for(lang);
        let mut h = DefaultHasher::default();
        // The page's own documents (the Japanese one also decides a translation's stale notice).
        self.generations[p.ja].hash(&mut h);
        p.en.map(|e| self.generations[e]).hash(&mut h);
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
        let links: u64 = site.links[doc_id]
            .iter()
            .map(|(dest, target)| {
                let mut h = DefaultHasher::default();
                dest.hash(&mut h);
                match target {
                    Target::Page { page, anchor } => (&site.pages[*page].path, anchor).hash(&mut h),
                    Target::File(path) | Target::Generated(path) => path.hash(&mut h),
                }
                h.finish()
            })
            .fold(0, u64::wrapping_add);
        links.hash(&mut h);
        h.finish()
    }

    /// A changes page shows both versions' bodies (in either language: which ones it compares
    /// depends on what is translated), their titles and URLs, and the newer page's place.
    fn changes(&self, page: PageId, lang: Lang) -> u64 {
        let site = self.site;
        let mut h = DefaultHasher::default();
        self.nav[index(lang)].hash(&mut h);
        let versions = [Some(page), site.pages[page].versions.older];
        for p in versions.into_iter().flatten() {
            let p_ = &site.pages[p];
            self.generations[p_.ja].hash(&mut h);
            p_.en.map(|e| self.generations[e]).hash(&mut h);
            self.metas[p].hash(&mut h);
        }
        let mut at = site.pages[page].parent;
        let mut depth = 0;
        while let Some(a) = at.filter(|_| depth < site.pages.len()) {
            self.metas[a][index(lang)].hash(&mut h);
            at = site.pages[a].parent;
            depth += 1;
        }
        h.finish()
    }

    fn tag_index(&self, lang: Lang) -> u64 {
        let mut h = DefaultHasher::default();
        self.nav[index(lang)].hash(&mut h);
        for (name, pages) in self.site.tags.get(&lang).into_iter().flatten() {
            (name, pages.len()).hash(&mut h);
        }
        h.finish()
    }

    fn tag(&self, lang: Lang, name: &str) -> u64 {
        let mut h = DefaultHasher::default();
        self.nav[index(lang)].hash(&mut h);
        let pages = self.site.tags.get(&lang).and_then(|t| t.get(name));
        for &p in pages.into_iter().flatten() {
            self.metas[p][index(lang)].hash(&mut h);
        }
        h.finish()
    }

    /// The comparisons are made from the pages with obligation lists or facts, and their versions
    /// (only a current version is compared; the revisions link both versions).
    fn tables_fingerprint(&self) -> u64 {
        let site = self.site;
        let mut h = DefaultHasher::default();
        for (page, p) in site.pages.iter().enumerate() {
            let docs = std::iter::once(p.ja).chain(p.en);
            let compared = docs.clone().any(|d| {
                let doc = &site.docs[d];
                !doc.parsed.obligation_lists.is_empty() || !doc.front.facts.is_empty()
            });
            if compared {
                page.hash(&mut h);
                for d in docs {
                    self.generations[d].hash(&mut h);
                }
                self.metas[page].hash(&mut h);
                for version in [p.versions.older, p.versions.newer] {
                    version.map(|v| (v, self.metas[v])).hash(&mut h);
                }
            }
        }
        h.finish()
    }
}

/// What other pages, feeds and the sitemap show of a page: its title, summary, kind, dates,
/// draft mark, language and URL.
fn meta(site: &Site, page: PageId, lang: Lang) -> u64 {
    let doc = site.doc(page, lang);
    let f = &doc.front;
    let mut h = DefaultHasher::default();
    (&f.title, &f.description, f.kind, f.date, f.updated, f.draft).hash(&mut h);
    // The URL, less what site.yaml decides (an edit there renders everything anyway).
    (doc.lang, lang, &site.pages[page].path).hash(&mut h);
    h.finish()
}

/// The anchors of a document's obligation items, and the untranslated Japanese items it shows.
fn obligation_anchors(doc: &crate::model::Doc) -> u64 {
    let mut h = DefaultHasher::default();
    for list in &doc.parsed.obligation_lists {
        list.items.iter().for_each(|i| i.id.hash(&mut h));
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

fn hash_all<T: Hash>(items: impl IntoIterator<Item = T>) -> u64 {
    let mut h = DefaultHasher::default();
    for i in items {
        i.hash(&mut h);
    }
    h.finish()
}
