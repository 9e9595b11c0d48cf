//! The in-memory model every stage works on, and only the model: the stages that fill it live
//! elsewhere, and this module depends on none of them (only on the domain, `guidance`, and on
//! `text` and `diagnostics`).
//!
//! - `load` reads `site.yaml` into the [`Config`] ([`config`]), each Markdown file into a [`Doc`]
//!   with its [`FrontMatter`], and `content/glossary.yaml` into the [`Glossary`] ([`glossary`]).
//! - `markdown` (the parse stage) fills each document's [`Parsed`]: headings, anchors, links,
//!   obligation lists.
//! - `link` groups documents into [`Page`]s (a page and its translation) and makes the [`Site`]
//!   ([`site`]): resolved links, backlinks, translation states, tags, canonical obligation sets.
//! - `compare` builds the comparison [`Tables`] ([`tables`]) from the site.
//! - `render` turns all of it into [`Output`]s ([`output`]), which `check` and `write` read.
//!
//! Documents and pages refer to each other by index: a [`DocId`] into `Site::docs`, a [`PageId`]
//! into `Site::pages`. An id is valid only within the build that made it: the preview links the
//! site again after an edit, and a page added or removed shifts every id after it.
//!
//! [`Lang`] is defined in `text::lang`, a leaf, so that the domain can take a language too; it is
//! re-exported here with the rest of the model.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::guidance::dates::DateValue;
use crate::guidance::obligations::ObligationId;
use crate::guidance::prefecture::Prefecture;
pub use crate::text::lang::Lang;

pub mod config;
pub mod facts;
pub mod glossary;
pub mod output;
pub mod site;
pub mod tables;

pub use config::Config;
pub use facts::{Fact, FactState, FactText, ItemFact, NestedLine};
pub use glossary::Glossary;
pub use output::{Content, Output};
pub use site::{CanonicalSet, Links, Site, Target, TranslationState};
pub use tables::Tables;

/// What a page is (`kind:` in its front matter); guideline pages define the canonical sets.
/// Written by its English name or, as staff type it, by its Japanese one (`kind: 計画`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Guideline,
    Plan,
    Subsidy,
    Survey,
    Page,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Guideline,
        Kind::Plan,
        Kind::Subsidy,
        Kind::Survey,
        Kind::Page,
    ];

    /// The English names, in the order of [`Kind::ALL`]: what a message lists as allowed.
    pub const NAMES: &'static [&'static str] = &["guideline", "plan", "subsidy", "survey", "page"];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Guideline => "guideline",
            Kind::Plan => "plan",
            Kind::Subsidy => "subsidy",
            Kind::Survey => "survey",
            Kind::Page => "page",
        }
    }

    /// The Japanese names accepted for the kind: what the documents call themselves.
    pub fn names_ja(self) -> &'static [&'static str] {
        match self {
            Kind::Guideline => &["指針", "ガイドライン"],
            Kind::Plan => &["計画", "計画案"],
            Kind::Subsidy => &["補助金", "補助事業"],
            Kind::Survey => &["調査"],
            Kind::Page => &["ページ"],
        }
    }

    /// The kind named `name` in English (any case, full-width too) or Japanese.
    pub fn from_name(name: &str) -> Option<Kind> {
        let name: String = name.nfkc().collect();
        let name = name.trim();
        Kind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name) || k.names_ja().contains(&name))
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
        d.deserialize_str(KindName)
    }
}

/// Reads a kind by name. It rejects inside the deserializer's call, so that serde_yaml's error
/// carries the key and the line, as for a derived enum.
struct KindName;

impl serde::de::Visitor<'_> for KindName {
    type Value = Kind;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a kind of page")
    }
    fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Kind, E> {
        Kind::from_name(name).ok_or_else(|| E::unknown_variant(name, Kind::NAMES))
    }
}

/// The official document a page reproduces.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Citation {
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub number: Option<String>,
    pub date: Option<DateValue>,
    pub url: Option<String>,
}

/// Front matter after validation: every value typed.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    pub title: String,
    pub description: Option<String>,
    pub kind: Kind,
    pub prefecture: Option<&'static Prefecture>,
    pub date: Option<DateValue>,
    pub updated: Option<DateValue>,
    /// Boxed, as most pages cite nothing: a document stays small (a large site has 100,000s).
    pub source: Option<Box<Citation>>,
    pub draft: bool,
    pub weight: i64,
    /// Facts the page gives (SPEC §6), in the page's order, parsed by their declared type.
    pub facts: Vec<Fact>,
    pub translated_from: Option<String>,
    /// The older version this page replaces (SPEC §10), resolved by the link stage.
    pub supersedes: Option<Box<Supersedes>>,
    pub tags: Vec<String>,
    pub slug: Option<String>,
    pub extra: serde_json::Value,
}

/// `supersedes: "@/a/old.md"` as written: the page key it names and the line it is on, for the
/// link stage's errors (a missing target, a cycle).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Supersedes {
    /// The named page's key below `content/` (`a/old.md`).
    pub key: String,
    /// The value as written, for messages.
    pub written: String,
    /// The line of `supersedes:` in the file (1-based).
    pub line: usize,
}

/// What the Markdown of a document says, found by the parse stage (kept by a build's parse
/// cache, `pipeline::parsed`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Parsed {
    pub headings: Vec<Heading>,
    pub links: Vec<LinkRef>,
    pub obligation_lists: Vec<ObligationList>,
    /// Every `id` the rendered body will carry (headings, obligation items, footnotes).
    pub anchors: Vec<String>,
    /// On a translation whose obligation lists have fewer items than the Japanese (the Japanese
    /// was edited, the translation not yet): the Japanese items it lacks, shown in Japanese
    /// where they belong. Set by the link stage (SPEC §5).
    #[serde(skip)]
    pub untranslated: Vec<Untranslated>,
}

/// Japanese obligation items a translation lacks, and where its body shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Untranslated {
    pub set: String,
    pub place: Place,
    pub items: Vec<ObligationItem>,
}

/// Where untranslated items go in a translation's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    /// At the end of the obligation list whose first item starts at this offset in the file.
    EndOfList(usize),
    /// The translation has no list of the set: after the body.
    EndOfBody,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
    pub offset: usize,
}

/// A link in the body that shishin resolves: `@/a/b.md#x`, `@ob:hub-3`, or a relative path.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LinkRef {
    pub dest: String,
    /// Byte range of the link in the file's text.
    pub span: Range<usize>,
}

/// The list after a heading marked `{.obligations set=…}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ObligationList {
    pub set: String,
    /// Byte range of the heading, for errors.
    pub heading_span: Range<usize>,
    pub items: Vec<ObligationItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObligationItem {
    /// The item's anchor on its page. The parse stage gives `hub-3` by position (right for the
    /// canonical list); on a prefecture's page the link stage renames it after what the item
    /// matches (`hub-3`, `hub-3-2`, `hub-own-1`). Empty on a translation's item that has no
    /// Japanese counterpart any more: it gets no anchor.
    pub id: String,
    /// The anchors of the further obligations an item with several markers matches
    /// (`{#hub-2 #hub-3}` → `hub-3`), given by the link stage: each an empty `<span id>` at the
    /// start of the item, so a link to any obligation it matches lands on it.
    pub also: Vec<String>,
    /// The first paragraph as plain text, without the marker.
    pub text: String,
    /// Everything nested under the item, as plain text lines.
    pub detail: String,
    /// Explicit `{#hub-3 #hub-4}` marker targets.
    pub markers: Vec<ObligationId>,
    /// `{#hub-1 .slip}`: the difference is an apparent slip in the source document (SPEC §5).
    pub slip: bool,
    /// `{#hub-1 note="…"}`: the author's note on the item.
    pub note: Option<String>,
    /// The items of the list nested directly under it, each its first line: where facts given
    /// per obligation (`- 予算上限：…`, SPEC §6.1) are read from.
    pub nested: Vec<NestedLine>,
    pub span: Range<usize>,
}

/// One Markdown file.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Path as the user knows it: relative to the site root (`content/a/b.md`).
    pub path: String,
    /// Its text, or where to read it again (`Doc::text`, in `load::source`).
    pub source: Source,
    /// The page this file belongs to: its Japanese source path below `content/` (`a/b.md`).
    pub key: String,
    pub lang: Lang,
    /// Byte range of the Markdown body in the text.
    pub body: Range<usize>,
    pub front: FrontMatter,
    pub parsed: Parsed,
    /// The digest of the body, computed once when first asked for (translations compare it).
    pub digest: OnceLock<String>,
}

/// A document's text as the parse stage read it: held in memory, or left in its file (a build,
/// past the parse stage) and read again when a stage asks for it, checked against `hash`.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file on disk.
    pub file: PathBuf,
    /// The digest of the document's path and the text parsed (`load::source::digest`).
    pub hash: u128,
    /// The text, while it is kept in memory.
    pub held: Option<Arc<String>>,
}

impl Doc {
    pub fn is_section(&self) -> bool {
        is_section_key(&self.key)
    }
}

pub fn is_section_key(key: &str) -> bool {
    key == "_index.md" || key.ends_with("/_index.md")
}

pub type DocId = usize;
pub type PageId = usize;

/// A page: a Japanese document and, where it exists, its English translation.
#[derive(Debug, Clone)]
pub struct Page {
    pub key: String,
    /// URL path below the language prefix, without the base path: `""` (home), `a/`, `a/b/`
    /// (made by `urls::page_path`, which lays out every URL of the site).
    pub path: String,
    pub ja: DocId,
    pub en: Option<DocId>,
    pub parent: Option<PageId>,
    /// Sections only: pages and sections directly below, ordered by weight, then prefectures
    /// north to south (JIS code), then title.
    pub children: Vec<PageId>,
    /// The page's place among the versions of one document (SPEC §10).
    pub versions: Versions,
}

/// The versions next to a page: the older one it supersedes and the newer one that supersedes
/// it. Both directions are kept, so neither the superseded page's notice nor the newer page's
/// `changes/` page has to search the site. The link stage refuses cycles and a page superseded
/// twice, so following `older` (or `newer`) always ends.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Versions {
    pub older: Option<PageId>,
    pub newer: Option<PageId>,
}

impl Page {
    pub fn is_section(&self) -> bool {
        is_section_key(&self.key)
    }
    pub fn is_home(&self) -> bool {
        self.key == "_index.md"
    }
    /// The document shown to a reader of `lang`: the translation, or the Japanese as a fallback.
    pub fn doc_for(&self, lang: Lang) -> DocId {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en.unwrap_or(self.ja),
        }
    }
}

/// A file in `content/` that is not Markdown (PDF, image): copied beside its page.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path below `content/`, with `/` separators.
    pub rel: String,
    pub source: PathBuf,
}
