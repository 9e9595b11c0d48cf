//! A built comparison table as JSON (the pages' downloads and client-side tables), CSV (UTF-8
//! with a BOM, for Excel) and Markdown.

use serde_json::{json, Value};

use crate::guidance::obligations::Class;
use crate::model::tables::{FactTable, ObligationTable, PrefectureItem};
use crate::model::{Lang, Site, Tables};
use crate::text::safety::write_csv_record;

impl Tables {
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

/// The formats `shishin compare` writes a table in.
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
