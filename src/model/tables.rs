//! The comparison tables (SPEC §5, §6): every prefecture's obligation lists against the
//! canonical sets, and the facts of pages side by side. The compare stage (`compare`) builds them
//! from the linked site and exports them; the render stage shows them.

use crate::guidance::obligations::{Class, Segment};
use crate::guidance::prefecture::Prefecture;

use super::config::ComparisonDecl;
use super::{Fact, FactState, ItemFact};
use super::{Lang, PageId, Site};

/// One canonical set against every prefecture that quotes it.
#[derive(Debug, Clone)]
pub struct ObligationTable {
    pub set: String,
    /// The guideline page that defines the set.
    pub page: PageId,
    pub obligations: Vec<Canonical>,
    /// By JIS code; only current versions (a page superseded by a newer one has no column).
    pub columns: Vec<Column>,
    /// Per canonical obligation (same index), how revisions changed prefectures' items of it.
    pub revisions: Vec<Vec<Revision>>,
}

/// One step of a document's versions (SPEC §10) that changed a prefecture's items for one
/// obligation: the items of the older version and of the newer, either side possibly empty (an
/// item added or left out).
#[derive(Debug, Clone)]
pub struct Revision {
    pub prefecture: &'static Prefecture,
    pub older: PageId,
    pub newer: PageId,
    pub before: Vec<PrefectureItem>,
    pub after: Vec<PrefectureItem>,
}

/// One obligation of a canonical set, in Japanese and, where the guideline is translated, English.
#[derive(Debug, Clone)]
pub struct Canonical {
    pub id: String,
    pub ja: String,
    pub en: Option<String>,
}

impl Canonical {
    pub fn text(&self, lang: Lang) -> (&str, Lang) {
        match (lang, &self.en) {
            (Lang::En, Some(en)) => (en, Lang::En),
            _ => (&self.ja, Lang::Ja),
        }
    }
}

/// One prefecture's lists of a set, placed against the canonical obligations.
#[derive(Debug, Clone)]
pub struct Column {
    pub prefecture: &'static Prefecture,
    /// Per canonical obligation (same index), the items that match it.
    pub cells: Vec<Vec<Cell>>,
    /// Items that match nothing: the prefecture's own additions.
    pub own: Vec<PrefectureItem>,
}

impl Column {
    pub fn covered(&self) -> usize {
        self.cells.iter().filter(|c| !c.is_empty()).count()
    }
    /// Ids of the canonical obligations no item covers.
    pub fn gaps<'a>(&self, table: &'a ObligationTable) -> Vec<&'a str> {
        self.cells
            .iter()
            .zip(&table.obligations)
            .filter(|(c, _)| c.is_empty())
            .map(|(_, o)| o.id.as_str())
            .collect()
    }
}

/// An item of a prefecture's obligation list, as the tables show it: where it stands, and its
/// English text if the page is translated.
#[derive(Debug, Clone)]
pub struct PrefectureItem {
    pub page: PageId,
    /// The item's anchor on its page.
    pub anchor: String,
    pub ja: ItemText,
    pub en: Option<ItemText>,
    /// The difference is an apparent slip in the source (`{#hub-1 .slip}`), not a policy change.
    pub slip: bool,
    /// The author's note (`note="…"`).
    pub note: Option<String>,
    /// Facts given per obligation in its nested items (`scope: obligation`, SPEC §6.1).
    pub facts: Vec<ItemFact>,
}

/// An item's text in one language: its first paragraph, and everything nested under it.
#[derive(Debug, Clone)]
pub struct ItemText {
    pub text: String,
    pub detail: String,
}

impl PrefectureItem {
    /// The text for a reader of `lang`, and the language it is in.
    pub fn text(&self, lang: Lang) -> (&ItemText, Lang) {
        match (lang, &self.en) {
            (Lang::En, Some(en)) => (en, Lang::En),
            _ => (&self.ja, Lang::Ja),
        }
    }
}

/// A prefecture's item in the row of the canonical obligation it matches.
#[derive(Debug, Clone)]
pub struct Cell {
    pub item: PrefectureItem,
    pub class: Class,
    pub similarity: f64,
    /// Canonical (Japanese) → the prefecture's text; empty for verbatim items.
    pub diff: Vec<Segment>,
}

impl ObligationTable {
    /// The per-obligation facts its items give, in the order of site.yaml: each becomes a matrix
    /// of its own (obligations × prefectures).
    pub fn item_fact_keys<'a>(&self, site: &'a Site) -> Vec<&'a str> {
        site.config
            .facts
            .keys()
            .filter(|k| {
                self.columns.iter().any(|c| {
                    c.cells
                        .iter()
                        .flatten()
                        .any(|cell| cell.item.facts.iter().any(|f| &f.key == *k))
                })
            })
            .map(String::as_str)
            .collect()
    }

    /// The set's name in `lang`, from site.yaml.
    pub fn name<'a>(&self, site: &'a Site, lang: Lang) -> &'a str {
        site.config
            .obligations
            .sets
            .get(&self.set)
            .map_or("", |n| n.get(lang))
    }
}

/// A table of facts: rows are facts, columns are pages.
#[derive(Debug, Clone)]
pub struct FactTable {
    pub id: String,
    pub decl: ComparisonDecl,
    pub columns: Vec<PageId>,
    /// Fact key → one cell per column.
    pub rows: Vec<(String, Vec<FactCell>)>,
}

/// One page's value of a fact (SPEC §6.1): the fact as the page gives it, or nothing (the page
/// does not state it), and where it comes from.
#[derive(Debug, Clone)]
pub struct FactCell {
    pub given: Option<Fact>,
    pub provenance: Provenance,
}

impl FactCell {
    /// The cell's state: `not_stated` where the page does not give the fact.
    pub fn state(&self) -> &FactState {
        const NOT_STATED: FactState = FactState::NotStated;
        self.given.as_ref().map_or(&NOT_STATED, |f| &f.state)
    }
}

/// Where a value comes from: its page and the anchor nearest above the value there (absent when
/// the value is not found in the body, or stands above every heading).
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    pub page: PageId,
    pub anchor: Option<String>,
}

impl FactTable {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.decl.ja,
            Lang::En => self.decl.en.as_deref().unwrap_or(&self.decl.ja),
        }
    }
}

/// Every comparison of the site.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    pub obligations: Vec<ObligationTable>,
    pub facts: Vec<FactTable>,
}

impl Tables {
    /// The ids of every comparison: obligation sets first, then fact comparisons.
    pub fn ids(&self) -> Vec<&str> {
        self.obligations
            .iter()
            .map(|t| t.set.as_str())
            .chain(self.facts.iter().map(|t| t.id.as_str()))
            .collect()
    }
}
