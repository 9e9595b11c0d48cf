//! The linked site: every document grouped into pages, every link resolved, and what depends on
//! links (backlinks, translation states, tags, canonical obligation sets). The link stage
//! (`link`) fills it; everything after reads it.

use crate::guidance::prefecture::Prefecture;
use crate::urls;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use indexmap::IndexMap;

use super::config::Config;
use super::glossary::Glossary;
use super::{Asset, Doc, Lang, ObligationItem, Page, PageId};

/// Where a link goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A page (in the reader's language), maybe an anchor on it.
    Page {
        page: PageId,
        anchor: Option<String>,
    },
    /// A file copied to the output (asset or static), as a path below the site root.
    File(String),
    /// A page or file shishin generates in each language (`compare/hub/`), below the language prefix.
    Generated(String),
}

/// A document's resolved links: each destination as written → where it goes, sorted by
/// destination. A sorted boxed slice rather than a hash map: a large site has hundreds of
/// thousands of them, kept to the end of the build, and a slice holds them without a map's
/// spare buckets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links(Box<[(Box<str>, Target)]>);

impl Links {
    /// Where the link written `dest` goes; `None` when it is no internal link that resolved.
    pub fn get(&self, dest: &str) -> Option<&Target> {
        let found = self.0.binary_search_by(|(d, _)| (**d).cmp(dest));
        found.ok().map(|i| &self.0[i].1)
    }

    /// Every destination with its target, in the order of the destinations.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Target)> {
        self.0.iter().map(|(d, t)| (&**d, t))
    }

    pub fn values(&self) -> impl Iterator<Item = &Target> {
        self.0.iter().map(|(_, t)| t)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The first target given for a destination is kept.
impl FromIterator<(String, Target)> for Links {
    fn from_iter<I: IntoIterator<Item = (String, Target)>>(links: I) -> Links {
        let mut links: Vec<(Box<str>, Target)> = links
            .into_iter()
            .map(|(d, t)| (d.into_boxed_str(), t))
            .collect();
        links.sort_by(|a, b| a.0.cmp(&b.0));
        links.dedup_by(|later, first| later.0 == first.0);
        Links(links.into_boxed_slice())
    }
}

/// The canonical definition of an obligation set, from a national guideline page.
#[derive(Debug, Clone)]
pub struct CanonicalSet {
    pub page: PageId,
    pub ja: Vec<ObligationItem>,
    /// From the English translation of the guideline page, aligned by position.
    pub en: Option<Vec<ObligationItem>>,
}

/// The linked site: the model `render` and `write` work from. Documents are shared, so that the
/// preview can link the site again after an edit without copying every unchanged document.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    pub docs: Vec<Arc<Doc>>,
    pub pages: Vec<Page>,
    pub by_key: HashMap<String, PageId>,
    pub home: PageId,
    pub assets: Vec<Asset>,
    /// Per document: each internal link destination as written → where it goes.
    pub links: Vec<Links>,
    /// Pages that link to a page, as read in a language, ordered by title.
    pub backlinks: HashMap<(PageId, Lang), Vec<PageId>>,
    pub translations: Vec<TranslationState>,
    /// Per language: tag → pages carrying it, ordered by title.
    pub tags: BTreeMap<Lang, BTreeMap<String, Vec<PageId>>>,
    pub obligations: IndexMap<String, CanonicalSet>,
    /// `content/glossary.yaml`; empty when the site has none.
    pub glossary: Glossary,
}

impl Site {
    /// The page's URL path in a language, with the base path: `/zaitaku/en/a/b/`.
    pub fn url(&self, page: PageId, lang: Lang) -> String {
        urls::url(&self.config.base_path, lang, &self.pages[page].path)
    }

    /// Absolute URL, for feeds, the sitemap and hreflang.
    pub fn permalink(&self, page: PageId, lang: Lang) -> String {
        urls::permalink(&self.config.base_url, lang, &self.pages[page].path)
    }

    /// The document a reader of `lang` sees for a page.
    pub fn doc(&self, page: PageId, lang: Lang) -> &Doc {
        &self.docs[self.pages[page].doc_for(lang)]
    }

    /// Every version of the document a page is a version of, oldest first. The link stage
    /// refuses cycles, so both walks end; the bound only guards against a model built otherwise.
    pub fn version_chain(&self, page: PageId) -> Vec<PageId> {
        let bound = self.pages.len();
        let walk = |next: fn(&Page) -> Option<PageId>| {
            std::iter::successors(next(&self.pages[page]), move |&p| next(&self.pages[p]))
                .take(bound)
        };
        let mut chain: Vec<PageId> = walk(|p| p.versions.older).collect();
        chain.reverse();
        chain.push(page);
        chain.extend(walk(|p| p.versions.newer));
        chain
    }

    /// The prefectures that have a profile (SPEC §11, `compare/prefecture/SLUG/`): those some
    /// page names in its `prefecture:`, by JIS code.
    pub fn profiles(&self) -> Vec<&'static Prefecture> {
        let mut named: Vec<&'static Prefecture> = self
            .pages
            .iter()
            .filter_map(|p| self.docs[p.ja].front.prefecture)
            .collect();
        named.sort();
        named.dedup();
        named
    }

    pub fn title(&self, page: PageId, lang: Lang) -> &str {
        &self.doc(page, lang).front.title
    }

    /// The URL a link target has for a reader of `lang`.
    pub fn target_url(&self, target: &Target, lang: Lang) -> String {
        match target {
            Target::Page { page, anchor } => {
                let url = self.url(*page, lang);
                match anchor {
                    Some(a) => format!("{url}#{a}"),
                    None => url,
                }
            }
            Target::File(path) => format!("{}{}", self.config.base_path, path),
            Target::Generated(path) => urls::url(&self.config.base_path, lang, path),
        }
    }

    /// Every (page, language) the site publishes.
    pub fn views(&self) -> impl Iterator<Item = (PageId, Lang)> + '_ {
        self.config
            .languages
            .iter()
            .flat_map(move |&lang| (0..self.pages.len()).map(move |p| (p, lang)))
    }
}

/// Where a translation stands against its Japanese original (SPEC §3): a translation records, in
/// `translated_from`, a digest of the Japanese body it was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TranslationState {
    /// No English file: the English page shows the Japanese text.
    Missing,
    /// Translated, but without a digest: nobody recorded which original it follows.
    Unstamped,
    /// The Japanese body changed since the translation was made.
    Stale,
    Current,
}

impl TranslationState {
    pub fn label(self) -> &'static str {
        match self {
            TranslationState::Missing => "missing",
            TranslationState::Unstamped => "unstamped",
            TranslationState::Stale => "stale",
            TranslationState::Current => "ok",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_found_by_destination_and_the_first_target_of_one_is_kept() {
        let page = |page| Target::Page { page, anchor: None };
        let links: Links = [
            ("@/b.md".to_string(), page(2)),
            ("@/a.md".to_string(), page(1)),
            ("@/b.md".to_string(), page(3)),
            ("/x.pdf".to_string(), Target::File("x.pdf".into())),
        ]
        .into_iter()
        .collect();
        assert_eq!(links.len(), 3);
        assert_eq!(links.get("@/a.md"), Some(&page(1)));
        assert_eq!(links.get("@/b.md"), Some(&page(2)));
        assert_eq!(links.get("/x.pdf"), Some(&Target::File("x.pdf".into())));
        assert_eq!(links.get("@/c.md"), None);
        let dests: Vec<&str> = links.iter().map(|(d, _)| d).collect();
        assert_eq!(dests, ["/x.pdf", "@/a.md", "@/b.md"]);
    }
}
