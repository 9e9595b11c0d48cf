//! The comparison tables: each prefecture's obligation lists matched against the canonical sets,
//! and the facts of pages side by side.
//!
//! Obligations follow versions (SPEC §10): a page superseded by a newer version is matched like
//! any other (its markers are still checked), but only the current version of each document
//! enters the tables, so a prefecture appears once, in the wording of its current plan. What a
//! revision changed is kept beside them, per obligation ([`Revision`]).

use std::collections::HashMap;

use super::item_facts;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::guidance::obligations::{self, Class, MatchOutcome};
use crate::model::tables::{
    Canonical, Cell, Column, FactCell, FactTable, ItemText, ObligationTable, PrefectureItem,
    Provenance, Revision,
};
use crate::model::{ObligationItem, PageId, Site, Tables};
use crate::msg;

/// Per page, per canonical obligation of one set: the page's items that match it.
type Matched = HashMap<PageId, Vec<Vec<PrefectureItem>>>;

impl Tables {
    pub fn build(site: &Site, diags: &mut Diagnostics) -> Tables {
        Tables {
            obligations: obligation_tables(site, diags),
            facts: fact_tables(site),
        }
    }
}

/// Matches every prefecture's obligation lists against the canonical sets.
pub fn obligation_tables(site: &Site, diags: &mut Diagnostics) -> Vec<ObligationTable> {
    let threshold = site.config.obligations.match_threshold;
    let mut tables: Vec<ObligationTable> = site
        .obligations
        .iter()
        .map(|(set, c)| ObligationTable {
            set: set.clone(),
            page: c.page,
            obligations: c
                .ja
                .iter()
                .enumerate()
                .map(|(i, item)| Canonical {
                    id: item.id.clone(),
                    ja: item.text.clone(),
                    en: c
                        .en
                        .as_ref()
                        .and_then(|en| en.get(i))
                        .map(|e| e.text.clone()),
                })
                .collect(),
            columns: Vec::new(),
            revisions: vec![Vec::new(); c.ja.len()],
        })
        .collect();
    let mut matched: Vec<Matched> = vec![Matched::new(); tables.len()];

    for (page_id, page) in site.pages.iter().enumerate() {
        let doc = &site.docs[page.ja];
        let Some(prefecture) = doc.front.prefecture else {
            continue;
        };
        let en_doc = page.en.map(|e| &site.docs[e]);
        for (list_index, list) in doc.parsed.obligation_lists.iter().enumerate() {
            let Some(table_index) = tables.iter().position(|t| t.set == list.set) else {
                if site.config.obligations.sets.contains_key(&list.set) {
                    diags.push(
                        Diagnostic::warning(msg!("set-without-guideline", set = &list.set))
                            .at(&doc.file(), list.heading_span.clone())
                            .hint(msg!("set-without-guideline-hint", set = &list.set)),
                    );
                }
                continue;
            };
            let table = &mut tables[table_index];
            let current = page.versions.newer.is_none();
            let page_matched = matched[table_index]
                .entry(page_id)
                .or_insert_with(|| vec![Vec::new(); table.obligations.len()]);
            // The translation's list of the same set, in the same position among lists of that set.
            let nth = doc.parsed.obligation_lists[..list_index]
                .iter()
                .filter(|l| l.set == list.set)
                .count();
            // Its items carry the anchors of the Japanese items they translate (`link`).
            let en_items: HashMap<&str, &ObligationItem> = en_doc
                .and_then(|d| {
                    d.parsed
                        .obligation_lists
                        .iter()
                        .filter(|l| l.set == list.set)
                        .nth(nth)
                })
                .map(|l| l.items.iter().map(|i| (i.id.as_str(), i)).collect())
                .unwrap_or_default();
            let canonical: Vec<&str> = table.obligations.iter().map(|o| o.ja.as_str()).collect();
            // A superseded version is matched (for its revisions) but has no column.
            let mut column =
                current.then(|| column_of(&mut table.columns, prefecture, canonical.len()));
            for item in &list.items {
                let markers = marker_indexes(item, &table.set, canonical.len(), doc, diags);
                let (facts, fact_lines) = item_facts::read(&site.config, &item.nested, doc, diags);
                let prefecture_item = PrefectureItem {
                    page: page_id,
                    anchor: item.id.clone(),
                    ja: ItemText {
                        text: item.text.clone(),
                        detail: item_facts::without_lines(&item.detail, |l| {
                            fact_lines.iter().any(|f| f == l)
                        }),
                    },
                    en: en_items.get(item.id.as_str()).map(|e| ItemText {
                        text: e.text.clone(),
                        detail: item_facts::without_lines(&e.detail, |l| {
                            item_facts::is_fact_line(&site.config, l)
                        }),
                    }),
                    facts,
                    slip: item.slip,
                    note: item.note.clone(),
                };
                let result = obligations::match_item(&item.text, &markers, &canonical, threshold);
                if let Some((a, b)) = result.ambiguous {
                    diags.push(
                        Diagnostic::warning(msg!(
                            "item-matches-two",
                            first = &table.obligations[a].id,
                            second = &table.obligations[b].id
                        ))
                        .at(&doc.file(), item.span.start..item.span.start)
                        .hint(msg!(
                            "item-matches-two-hint",
                            first = &table.obligations[a].id
                        )),
                    );
                }
                match result.outcome {
                    MatchOutcome::Own => {
                        if let Some(column) = column.as_mut() {
                            column.own.push(prefecture_item)
                        }
                    }
                    MatchOutcome::Matched(matches) => {
                        if item.slip && matches.iter().all(|m| m.class == Class::Verbatim) {
                            diags.push(
                                slip_on_verbatim(&table.obligations[matches[0].canonical].id)
                                    .at(&doc.file(), item.span.start..item.span.start + 1),
                            );
                        }
                        for (k, m) in matches.into_iter().enumerate() {
                            // The k-th obligation an item matches has the item's k-th anchor
                            // (`link` names them in this order).
                            let mut prefecture_item = prefecture_item.clone();
                            if let Some(anchor) = k.checked_sub(1).and_then(|k| item.also.get(k)) {
                                prefecture_item.anchor = anchor.clone();
                            }
                            page_matched[m.canonical].push(prefecture_item.clone());
                            let Some(column) = column.as_mut() else {
                                continue;
                            };
                            let diff = match m.class {
                                Class::Verbatim => Vec::new(),
                                _ => obligations::diff(canonical[m.canonical], &item.text),
                            };
                            column.cells[m.canonical].push(Cell {
                                item: prefecture_item.clone(),
                                class: m.class,
                                similarity: m.similarity,
                                diff,
                            });
                        }
                    }
                }
            }
        }
    }
    for (t, matched) in tables.iter_mut().zip(&matched) {
        t.columns.sort_by_key(|c| c.prefecture.code);
        t.revisions = revisions(site, matched, t.obligations.len());
    }
    tables
}

/// `.slip` on an item whose wording is the guideline's: there is no difference to call a slip.
fn slip_on_verbatim(id: &str) -> Diagnostic {
    Diagnostic::warning(msg!("slip-on-verbatim", id = id)).hint(msg!("slip-on-verbatim-hint"))
}

/// The column of a prefecture, added (empty) if the table has none yet.
fn column_of<'t>(
    columns: &'t mut Vec<Column>,
    prefecture: &'static crate::guidance::prefecture::Prefecture,
    len: usize,
) -> &'t mut Column {
    let i = match columns
        .iter()
        .position(|c| c.prefecture.code == prefecture.code)
    {
        Some(i) => i,
        None => {
            columns.push(Column {
                prefecture,
                cells: vec![Vec::new(); len],
                own: Vec::new(),
            });
            columns.len() - 1
        }
    };
    &mut columns[i]
}

/// Per canonical obligation, every step of a version chain (older → newer) whose items for it
/// differ in Japanese text or detail: an item reworded, added or left out. By prefecture, then
/// the newer page, so a chain A → B → C reads in order.
fn revisions(site: &Site, matched: &Matched, len: usize) -> Vec<Vec<Revision>> {
    let none: Vec<Vec<PrefectureItem>> = vec![Vec::new(); len];
    let mut out: Vec<Vec<Revision>> = vec![Vec::new(); len];
    for (newer, page) in site.pages.iter().enumerate() {
        let Some(older) = page.versions.older else {
            continue;
        };
        if !matched.contains_key(&newer) && !matched.contains_key(&older) {
            continue;
        }
        let Some(prefecture) = site.docs[page.ja].front.prefecture else {
            continue;
        };
        let before = matched.get(&older).unwrap_or(&none);
        let after = matched.get(&newer).unwrap_or(&none);
        for (i, (b, a)) in before.iter().zip(after).enumerate() {
            if wording(b) != wording(a) {
                out[i].push(Revision {
                    prefecture,
                    older,
                    newer,
                    before: b.clone(),
                    after: a.clone(),
                });
            }
        }
    }
    for r in &mut out {
        r.sort_by_key(|r| (r.prefecture.code, chain_depth(site, r.newer)));
    }
    out
}

/// What a reader compares between two versions: the Japanese text and detail of each item.
fn wording(items: &[PrefectureItem]) -> Vec<(&str, &str)> {
    items
        .iter()
        .map(|i| (i.ja.text.as_str(), i.ja.detail.as_str()))
        .collect()
}

/// How many versions precede a page (the link stage refuses cycles, so this ends).
fn chain_depth(site: &Site, page: PageId) -> usize {
    std::iter::successors(site.pages[page].versions.older, |&p| {
        site.pages[p].versions.older
    })
    .count()
}

/// `{#hub-3}` → index 2; a marker naming another set or a number past the end is an error.
fn marker_indexes(
    item: &ObligationItem,
    set: &str,
    len: usize,
    doc: &crate::model::Doc,
    diags: &mut Diagnostics,
) -> Vec<usize> {
    let mut out = Vec::new();
    for m in &item.markers {
        match m {
            m if m.set == set && (1..=len).contains(&m.index().saturating_add(1)) => {
                out.push(m.index())
            }
            _ => diags.push(
                Diagnostic::error(msg!(
                    "marker-names-nothing",
                    marker = m.to_string(),
                    set = set
                ))
                .at(&doc.file(), item.span.start..item.span.start)
                .hint(msg!("marker-names-nothing-hint", set = set, count = len)),
            ),
        }
    }
    out
}

/// Builds every comparison declared in site.yaml.
pub fn fact_tables(site: &Site) -> Vec<FactTable> {
    site.config
        .comparisons
        .iter()
        .map(|(id, decl)| {
            let mut columns: Vec<PageId> = (0..site.pages.len())
                .filter(|&p| {
                    let f = &site.docs[site.pages[p].ja].front;
                    // Only the current version of a document is compared (SPEC §10).
                    site.pages[p].versions.newer.is_none()
                        && decl.kind.is_none_or(|k| k == f.kind)
                        && f.facts.iter().any(|fact| decl.facts.contains(&fact.key))
                })
                .collect();
            columns.sort_by_key(|&p| {
                let f = &site.docs[site.pages[p].ja].front;
                (
                    f.prefecture.map_or(99, |pr| pr.code),
                    f.weight,
                    site.pages[p].key.clone(),
                )
            });
            let rows = decl
                .facts
                .iter()
                .map(|key| {
                    let cells = columns.iter().map(|&p| fact_cell(site, p, key)).collect();
                    (key.clone(), cells)
                })
                .collect();
            FactTable {
                id: id.clone(),
                decl: decl.clone(),
                columns,
                rows,
            }
        })
        .collect()
}

/// One page's cell of a fact: the fact as the (Japanese) page gives it, and where.
pub fn fact_cell(site: &Site, page: PageId, key: &str) -> FactCell {
    let doc = &site.docs[site.pages[page].ja];
    let given = doc.front.facts.iter().find(|f| f.key == key).cloned();
    let anchor = given.as_ref().and_then(|f| anchor_of(doc, f));
    FactCell {
        given,
        provenance: Provenance { page, anchor },
    }
}

/// The anchor nearest above where the page's body writes the value: the heading before the first
/// place the value (as written, or as shishin shows it in Japanese) appears. Front matter stands
/// above the body, so this is the part of the page a reader checks the value against.
fn anchor_of(doc: &crate::model::Doc, fact: &crate::model::Fact) -> Option<String> {
    let text = doc.text().ok()?;
    let body = doc.body_of(&text);
    let mut needles = fact.raw.parts();
    if let Some(v) = fact.state.value() {
        needles.push(v.display_ja());
    }
    let at = needles
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .find_map(|n| body.find(n))?;
    let offset = doc.body.start + at;
    doc.parsed
        .headings
        .iter()
        .rev()
        .find(|h| h.offset <= offset)
        .map(|h| h.id.clone())
}
