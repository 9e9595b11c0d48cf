//! Comparison stage (SPEC §5, §6): every prefecture's obligation lists matched against the
//! canonical sets, and the facts of pages side by side. It builds the tables of
//! [`crate::model::tables`], which feed the comparison pages, and exports them as CSV, JSON and
//! Markdown for those pages and `shishin compare`.

use serde_json::{json, Value};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::guidance::obligations::{self, Class, MatchOutcome};
use crate::model::tables::{
    Canonical, Cell, Column, FactCell, FactTable, ItemText, ObligationTable, PrefectureItem,
};
use crate::model::{Lang, ObligationItem, PageId, Site, Tables};
use crate::text::safety::write_csv_record;

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

/// Comparison exports: JSON, CSV (UTF-8 with BOM, for Excel) and Markdown.
impl ObligationTable {
    pub fn to_json(&self, site: &Site, lang: Lang) -> Value {
        let source = |e: &PrefectureItem| format!("{}#{}", site.url(e.page, lang), e.anchor);
        json!({
            "set": self.set,
            "lang": lang.code(),
            "name": self.name(site, lang),
            "source": site.url(self.page, lang),
            "obligations": self.obligations.iter().map(|o| json!({"id": o.id, "text": o.text(lang).0})).collect::<Vec<_>>(),
            "prefectures": self.columns.iter().map(|c| {
                let cells: serde_json::Map<String, Value> = self.obligations.iter().zip(&c.cells).filter(|(_, cs)| !cs.is_empty()).map(|(o, cs)| {
                    (o.id.clone(), Value::Array(cs.iter().map(|cell| {
                        let (t, tl) = cell.item.text(lang);
                        json!({
                            "class": cell.class, "text": t.text, "detail": t.detail, "lang": tl.code(),
                            "source": source(&cell.item), "similarity": (cell.similarity * 1000.0).round() / 1000.0,
                            "diff": cell.diff,
                        })
                    }).collect()))
                }).collect();
                json!({
                    "code": c.prefecture.code, "slug": c.prefecture.slug,
                    "name": c.prefecture.name(lang),
                    "coverage": format!("{}/{}", c.covered(), self.obligations.len()),
                    "cells": cells,
                    "gaps": c.gaps(self),
                    "own": c.own.iter().map(|e| { let (t, tl) = e.text(lang); json!({"text": t.text, "detail": t.detail, "lang": tl.code(), "source": source(e)}) }).collect::<Vec<_>>(),
                })
            }).collect::<Vec<_>>(),
        })
    }

    /// One row per canonical obligation, then one per own addition; per prefecture its class and text.
    /// Cells a spreadsheet would run as formulas are quoted (see [`write_csv_record`]).
    pub fn to_csv(&self, lang: Lang) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let mut header = vec![
            "id".to_string(),
            label(lang, "基準の文言", "canonical text").into(),
        ];
        for c in &self.columns {
            let name = c.prefecture.name(lang);
            header.push(format!(
                "{:02} {name} {}",
                c.prefecture.code,
                label(lang, "区分", "class")
            ));
            header.push(format!(
                "{:02} {name} {}",
                c.prefecture.code,
                label(lang, "記載", "text")
            ));
        }
        let _ = write_csv_record(&mut w, &header);
        for (i, o) in self.obligations.iter().enumerate() {
            let mut row = vec![o.id.clone(), o.text(lang).0.to_string()];
            for c in &self.columns {
                let cells = &c.cells[i];
                row.push(if cells.is_empty() {
                    "gap".into()
                } else {
                    cells
                        .iter()
                        .map(|cell| class_name(cell.class))
                        .collect::<Vec<_>>()
                        .join(";")
                });
                row.push(
                    cells
                        .iter()
                        .map(|cell| cell.item.text(lang).0.text.clone())
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            }
            let _ = write_csv_record(&mut w, &row);
        }
        for (ci, c) in self.columns.iter().enumerate() {
            for e in &c.own {
                let mut row = vec![format!("{}-own", c.prefecture.slug), String::new()];
                for cj in 0..self.columns.len() {
                    if cj == ci {
                        row.push("own".into());
                        row.push(e.text(lang).0.text.clone());
                    } else {
                        row.push(String::new());
                        row.push(String::new());
                    }
                }
                let _ = write_csv_record(&mut w, &row);
            }
        }
        let bytes = w.into_inner().unwrap_or_default();
        format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
    }

    pub fn to_markdown(&self, site: &Site, lang: Lang) -> String {
        let mut out = format!(
            "# {}\n\n| id | {} |",
            self.name(site, lang),
            label(lang, "基準の文言", "canonical text")
        );
        for c in &self.columns {
            let name = c.prefecture.name(lang);
            out.push_str(&format!(
                " {name} ({}/{}) |",
                c.covered(),
                self.obligations.len()
            ));
        }
        out.push_str("\n|---|---|");
        out.push_str(&"---|".repeat(self.columns.len()));
        out.push('\n');
        for (i, o) in self.obligations.iter().enumerate() {
            out.push_str(&format!("| {} | {} |", o.id, md_cell(o.text(lang).0)));
            for c in &self.columns {
                let cell = c.cells[i]
                    .iter()
                    .map(|cell| {
                        format!(
                            "[{}] {}",
                            class_name(cell.class),
                            md_cell(&cell.item.text(lang).0.text)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("<br>");
                out.push_str(&format!(
                    " {} |",
                    if cell.is_empty() {
                        label(lang, "（記載なし）", "(gap)").to_string()
                    } else {
                        cell
                    }
                ));
            }
            out.push('\n');
        }
        for c in &self.columns {
            for e in &c.own {
                let name = c.prefecture.name(lang);
                out.push_str(&format!(
                    "\n- {name} ({}): {}",
                    label(lang, "独自", "own"),
                    md_cell(&e.text(lang).0.text)
                ));
            }
        }
        out.push('\n');
        out
    }
}

impl FactTable {
    pub fn to_json(&self, site: &Site, lang: Lang) -> Value {
        json!({
            "id": self.id,
            "lang": lang.code(),
            "name": self.name(lang),
            "columns": self.columns.iter().map(|&p| {
                let f = &site.doc(p, lang).front;
                json!({
                    "source": site.url(p, lang),
                    "title": f.title,
                    "prefecture": site.docs[site.pages[p].ja].front.prefecture.map(|pr| json!({"code": pr.code, "slug": pr.slug, "name": pr.name(lang)})),
                })
            }).collect::<Vec<_>>(),
            "rows": self.rows.iter().map(|(key, values)| json!({
                "fact": key,
                "label": site.config.facts.get(key).map_or(key.as_str(), |d| d.label(lang)),
                "values": values.iter().map(|v| v.as_ref().map(|c| json!({
                    "raw": c.raw,
                    "value": c.value.to_json(),
                    "display": c.value.display(lang),
                }))).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })
    }

    /// One row per fact, one column per page, the values as written; cells a spreadsheet would
    /// run as formulas are quoted (see [`write_csv_record`]).
    pub fn to_csv(&self, site: &Site, lang: Lang) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let mut header = vec![label(lang, "項目", "fact").to_string()];
        header.extend(
            self.columns
                .iter()
                .map(|&p| site.title(p, lang).to_string()),
        );
        let _ = write_csv_record(&mut w, &header);
        for (key, values) in &self.rows {
            let mut row = vec![site
                .config
                .facts
                .get(key)
                .map_or(key.as_str(), |d| d.label(lang))
                .to_string()];
            row.extend(
                values
                    .iter()
                    .map(|v| v.as_ref().map_or(String::new(), |c| c.raw.clone())),
            );
            let _ = write_csv_record(&mut w, &row);
        }
        let bytes = w.into_inner().unwrap_or_default();
        format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
    }

    pub fn to_markdown(&self, site: &Site, lang: Lang) -> String {
        let mut out = format!(
            "# {}\n\n| {} |",
            self.name(lang),
            label(lang, "項目", "fact")
        );
        for &p in &self.columns {
            out.push_str(&format!(" {} |", md_cell(site.title(p, lang))));
        }
        out.push_str("\n|---|");
        out.push_str(&"---|".repeat(self.columns.len()));
        out.push('\n');
        for (key, values) in &self.rows {
            out.push_str(&format!(
                "| {} |",
                site.config
                    .facts
                    .get(key)
                    .map_or(key.as_str(), |d| d.label(lang))
            ));
            for v in values {
                let shown = v.as_ref().map_or(String::new(), |c| c.value.display(lang));
                out.push_str(&format!(" {} |", md_cell(&shown)));
            }
            out.push('\n');
        }
        out
    }
}

pub fn class_name(c: Class) -> &'static str {
    match c {
        Class::Verbatim => "verbatim",
        Class::Modified => "modified",
        Class::OwnWording => "own_wording",
    }
}

fn label(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

impl Tables {
    pub fn build(site: &Site, diags: &mut Diagnostics) -> Tables {
        Tables {
            obligations: obligation_tables(site, diags),
            facts: fact_tables(site),
        }
    }

    /// `shishin compare ID`: an obligation set or a fact comparison, in a format.
    pub fn export(&self, site: &Site, id: &str, format: Format, lang: Lang) -> Option<String> {
        if let Some(t) = self.obligations.iter().find(|t| t.set == id) {
            return Some(match format {
                Format::Json => pretty(&t.to_json(site, lang)),
                Format::Csv => t.to_csv(lang),
                Format::Md => t.to_markdown(site, lang),
            });
        }
        let t = self.facts.iter().find(|t| t.id == id)?;
        Some(match format {
            Format::Json => pretty(&t.to_json(site, lang)),
            Format::Csv => t.to_csv(site, lang),
            Format::Md => t.to_markdown(site, lang),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Csv,
    Json,
}

/// JSON as published and printed: indented, with a final newline.
pub fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}
