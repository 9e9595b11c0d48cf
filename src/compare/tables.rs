//! The comparison tables: each prefecture's obligation lists matched against the canonical sets,
//! and the facts of pages side by side.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::guidance::obligations::{self, Class, MatchOutcome};
use crate::model::tables::{
    Canonical, Cell, Column, FactCell, FactTable, ItemText, ObligationTable, PrefectureItem,
};
use crate::model::{ObligationItem, PageId, Site, Tables};

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
        })
        .collect();

    for (page_id, page) in site.pages.iter().enumerate() {
        let doc = &site.docs[page.ja];
        let Some(prefecture) = doc.front.prefecture else {
            continue;
        };
        let en_doc = page.en.map(|e| &site.docs[e]);
        for (list_index, list) in doc.parsed.obligation_lists.iter().enumerate() {
            let Some(table) = tables.iter_mut().find(|t| t.set == list.set) else {
                if site.config.obligations.sets.contains_key(&list.set) {
                    diags.push(
                        Diagnostic::warning(format!("no national guideline page defines the set `{}`, so this list is not compared", list.set))
                            .at(&doc.file, list.heading_span.clone())
                            .hint(format!("add the canonical list to a page with `kind: guideline` under a heading `{{.obligations set={}}}`", list.set)),
                    );
                }
                continue;
            };
            // The translation's list of the same set, in the same position among lists of that set.
            let nth = doc.parsed.obligation_lists[..list_index]
                .iter()
                .filter(|l| l.set == list.set)
                .count();
            let en_items: Option<&Vec<ObligationItem>> = en_doc
                .and_then(|d| {
                    d.parsed
                        .obligation_lists
                        .iter()
                        .filter(|l| l.set == list.set)
                        .nth(nth)
                })
                .map(|l| &l.items)
                .filter(|items| items.len() == list.items.len());
            let canonical: Vec<&str> = table.obligations.iter().map(|o| o.ja.as_str()).collect();
            let column_index = match table
                .columns
                .iter()
                .position(|c| c.prefecture.code == prefecture.code)
            {
                Some(i) => i,
                None => {
                    table.columns.push(Column {
                        prefecture,
                        cells: vec![Vec::new(); canonical.len()],
                        own: Vec::new(),
                    });
                    table.columns.len() - 1
                }
            };
            for (i, item) in list.items.iter().enumerate() {
                let markers = marker_indexes(item, &table.set, canonical.len(), doc, diags);
                let prefecture_item = PrefectureItem {
                    page: page_id,
                    anchor: item.id.clone(),
                    ja: ItemText {
                        text: item.text.clone(),
                        detail: item.detail.clone(),
                    },
                    en: en_items.and_then(|e| e.get(i)).map(|e| ItemText {
                        text: e.text.clone(),
                        detail: e.detail.clone(),
                    }),
                };
                let result = obligations::match_item(&item.text, &markers, &canonical, threshold);
                if let Some((a, b)) = result.ambiguous {
                    diags.push(
                        Diagnostic::warning(format!(
                            "this item matches `{}` and `{}` almost equally",
                            table.obligations[a].id, table.obligations[b].id
                        ))
                        .at(&doc.file, item.span.start..item.span.start)
                        .hint(format!(
                            "mark it explicitly: end its first line with `{{#{}}}`",
                            table.obligations[a].id
                        )),
                    );
                }
                let column = &mut table.columns[column_index];
                match result.outcome {
                    MatchOutcome::Own => column.own.push(prefecture_item),
                    MatchOutcome::Matched(matches) => {
                        for m in matches {
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
    for t in &mut tables {
        t.columns.sort_by_key(|c| c.prefecture.code);
    }
    tables
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
                Diagnostic::error(format!(
                    "the marker `{{#{m}}}` names no obligation of the set `{set}`"
                ))
                .at(&doc.file, item.span.start..item.span.start)
                .hint(format!("the set `{set}` has `{set}-1` to `{set}-{len}`")),
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
                    decl.kind.is_none_or(|k| k == f.kind)
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
                    let values = columns
                        .iter()
                        .map(|&p| {
                            site.docs[site.pages[p].ja]
                                .front
                                .facts
                                .iter()
                                .find(|f| &f.key == key)
                                .map(|f| FactCell {
                                    raw: f.raw.display(),
                                    value: f.value.clone(),
                                })
                        })
                        .collect();
                    (key.clone(), values)
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
