//! A built comparison table as JSON (the pages' downloads and client-side tables), CSV (UTF-8
//! with a BOM, for Excel) and Markdown.

use serde_json::{json, Value};

use crate::guidance::facts::FactValue;
use crate::guidance::obligations::Class;
use crate::model::tables::{FactCell, FactTable, ObligationTable, PrefectureItem, Provenance};
use crate::model::{FactState, ItemFact, Lang, PageId, Site, Tables};
use crate::text::safety::write_csv_record;

impl Tables {
    /// `shishin compare ID`: an obligation set or a fact comparison, in a format.
    pub fn export(&self, site: &Site, id: &str, format: Format, lang: Lang) -> Option<String> {
        if let Some(t) = self.obligations.iter().find(|t| t.set == id) {
            return Some(match format {
                Format::Json => pretty(&t.to_json(site, lang)),
                Format::Csv => t.to_csv(site, lang),
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
            "classes_compare": class_basis(lang),
            "item_facts": self.item_fact_keys(site).iter().map(|k| {
                let decl = site.config.facts.get(*k);
                json!({"fact": k, "label": decl.map_or(*k, |d| d.label(lang)), "type": decl.map(|d| d.ty.name())})
            }).collect::<Vec<_>>(),
            "source": site.url(self.page, lang),
            "obligations": self.obligations.iter().map(|o| json!({"id": o.id, "text": o.text(lang).0})).collect::<Vec<_>>(),
            "prefectures": self.columns.iter().map(|c| {
                let cells: serde_json::Map<String, Value> = self.obligations.iter().zip(&c.cells).filter(|(_, cs)| !cs.is_empty()).map(|(o, cs)| {
                    (o.id.clone(), Value::Array(cs.iter().map(|cell| {
                        let (t, tl) = cell.item.text(lang);
                        json!({
                            "class": cell.class, "text": t.text, "detail": t.detail, "lang": tl.code(),
                            "source": source(&cell.item), "similarity": (cell.similarity * 1000.0).round() / 1000.0,
                            "diff": cell.diff, "slip": cell.item.slip, "note": cell.item.note,
                            "facts": item_facts_json(&cell.item, lang),
                            "provenance": item_provenance(site, &cell.item, lang),
                        })
                    }).collect()))
                }).collect();
                json!({
                    "code": c.prefecture.code, "slug": c.prefecture.slug,
                    "name": c.prefecture.name(lang),
                    "coverage": format!("{}/{}", c.covered(), self.obligations.len()),
                    "cells": cells,
                    "gaps": c.gaps(self),
                    "own": c.own.iter().map(|e| { let (t, tl) = e.text(lang); json!({"text": t.text, "detail": t.detail, "lang": tl.code(), "source": source(e), "slip": e.slip, "note": e.note, "facts": item_facts_json(e, lang), "provenance": item_provenance(site, e, lang)}) }).collect::<Vec<_>>(),
                })
            }).collect::<Vec<_>>(),
        })
    }

    /// One row per canonical obligation, then one per own addition; per prefecture its class and text.
    /// Cells a spreadsheet would run as formulas are quoted (see [`write_csv_record`]).
    pub fn to_csv(&self, site: &Site, lang: Lang) -> String {
        let fact_keys = self.item_fact_keys(site);
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
            header.push(format!(
                "{:02} {name} {}",
                c.prefecture.code,
                label(lang, "注記", "note")
            ));
            for k in &fact_keys {
                let fact = site.config.facts.get(*k).map_or(*k, |d| d.label(lang));
                header.push(format!("{:02} {name} {fact}", c.prefecture.code));
            }
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
                row.push(
                    cells
                        .iter()
                        .map(|cell| item_note(&cell.item))
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
                for k in &fact_keys {
                    row.push(
                        cells
                            .iter()
                            .map(|cell| item_fact_csv(&cell.item, k))
                            .collect::<Vec<_>>()
                            .join("\n"),
                    );
                }
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
                        row.push(item_note(e));
                        row.extend(fact_keys.iter().map(|k| item_fact_csv(e, k)));
                    } else {
                        row.extend([String::new(), String::new(), String::new()]);
                        row.extend(fact_keys.iter().map(|_| String::new()));
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
            "# {}\n\n{}\n\n| id | {} |",
            self.name(site, lang),
            class_basis(lang),
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
                        let slip = if cell.item.slip { ", slip" } else { "" };
                        format!(
                            "[{}{slip}] {}",
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
                let document = document_of(site, p, lang);
                json!({
                    "source": site.url(p, lang),
                    "title": f.title,
                    "prefecture": site.docs[site.pages[p].ja].front.prefecture.map(|pr| json!({"code": pr.code, "slug": pr.slug, "name": pr.name(lang)})),
                    "document": {"title": document.title, "date": document.date},
                })
            }).collect::<Vec<_>>(),
            "rows": self.rows.iter().map(|(key, cells)| {
                let decl = site.config.facts.get(key);
                json!({
                    "fact": key,
                    "label": decl.map_or(key.as_str(), |d| d.label(lang)),
                    "type": decl.map(|d| d.ty.name()),
                    "values": cells.iter().map(|c| fact_cell_json(site, c, lang)).collect::<Vec<_>>(),
                })
            }).collect::<Vec<_>>(),
        })
    }

    /// One row per fact; per page its state, the text as written, the normalised value (a
    /// number where it is one), what an amount is per, as of when, the note and the source.
    /// Cells a spreadsheet would run as formulas are quoted (see [`write_csv_record`]).
    pub fn to_csv(&self, site: &Site, lang: Lang) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let mut header = vec!["id".to_string(), label(lang, "項目", "fact").to_string()];
        for &p in &self.columns {
            let title = site.title(p, lang);
            for (ja, en) in CSV_PARTS {
                header.push(format!("{title}: {}", label(lang, ja, en)));
            }
        }
        let _ = write_csv_record(&mut w, &header);
        for (key, cells) in &self.rows {
            let mut row = vec![
                key.clone(),
                site.config
                    .facts
                    .get(key)
                    .map_or(key.as_str(), |d| d.label(lang))
                    .to_string(),
            ];
            for c in cells {
                row.extend(fact_cell_csv(site, c, lang));
            }
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
        for (key, cells) in &self.rows {
            out.push_str(&format!(
                "| {} |",
                site.config
                    .facts
                    .get(key)
                    .map_or(key.as_str(), |d| d.label(lang))
            ));
            for c in cells {
                out.push_str(&format!(" {} |", md_cell(&shown(c, lang))));
            }
            out.push('\n');
        }
        out
    }
}

/// The parts of a page's value in a fact CSV, in order: Japanese and English headings.
const CSV_PARTS: [(&str, &str); 9] = [
    ("状態", "state"),
    ("原文の表記", "as written"),
    ("値", "value"),
    ("あたり", "per"),
    ("時点", "as of"),
    ("注記", "note"),
    ("出典", "source"),
    ("文書名", "document"),
    ("文書の日付", "document date"),
];

/// A cell as a reader sees it: the value, or its state (記載なし, 該当なし).
pub fn shown(c: &FactCell, lang: Lang) -> String {
    match &c.given {
        Some(f) => f.display(lang).0,
        None => c.state().label(lang).to_string(),
    }
}

/// The document a page reproduces, for provenance: its `source:` title and date, or the page's
/// own title and date where it names none.
pub struct Document<'a> {
    pub title: &'a str,
    /// ISO date (`2023-03-31`) or fiscal year (`FY2024`).
    pub date: Option<String>,
}

pub fn document_of(site: &Site, page: PageId, lang: Lang) -> Document<'_> {
    let front = &site.docs[site.pages[page].ja].front;
    let source = front.source.as_ref();
    Document {
        title: source
            .and_then(|s| s.title.as_deref())
            .unwrap_or_else(|| site.title(page, lang)),
        date: source
            .and_then(|s| s.date.as_ref())
            .or(front.date.as_ref())
            .map(|d| d.iso()),
    }
}

/// The URL of a value's source: its page, at the anchor nearest above it.
pub fn source_url(site: &Site, p: &Provenance, lang: Lang) -> String {
    match &p.anchor {
        Some(a) => format!("{}#{a}", site.url(p.page, lang)),
        None => site.url(p.page, lang),
    }
}

/// A value in JSON (SPEC §6, §6.1): always its `state`; for a given value what was written, the
/// normalised value, its display, and what it is per, as of and noted; always its provenance.
pub fn fact_cell_json(site: &Site, c: &FactCell, lang: Lang) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("state".into(), json!(c.state().name()));
    if let Some(f) = &c.given {
        let (display, shown_lang) = f.display(lang);
        m.insert("raw".into(), json!(f.raw.display()));
        if let Some(v) = f.state.value() {
            m.insert("value".into(), v.to_json());
        }
        m.insert("display".into(), json!(display));
        m.insert("display_lang".into(), json!(shown_lang.code()));
        if let Some(per) = f.state.value().and_then(|v| v.per()) {
            m.insert("per".into(), json!({"ja": per.ja, "en": per.en}));
        }
        if let Some(as_of) = &f.as_of {
            m.insert("as_of".into(), json!(as_of.iso()));
        }
        if let Some(note) = &f.note {
            m.insert("note".into(), json!(note));
        }
    } else {
        m.insert("display".into(), json!(c.state().label(lang)));
        m.insert("display_lang".into(), json!(lang.code()));
    }
    m.insert(
        "provenance".into(),
        provenance_json(site, &c.provenance, lang),
    );
    Value::Object(m)
}

/// Where a value comes from: the page, the anchor nearest above it, the source URL, and the
/// title and date of the document the page reproduces.
pub fn provenance_json(site: &Site, p: &Provenance, lang: Lang) -> Value {
    let document = document_of(site, p.page, lang);
    json!({
        "page": site.url(p.page, lang),
        "anchor": p.anchor,
        "source": source_url(site, p, lang),
        "document": document.title,
        "document_date": document.date,
    })
}

/// Where an obligation item comes from: its page, its own anchor, the document.
fn item_provenance(site: &Site, item: &PrefectureItem, lang: Lang) -> Value {
    provenance_json(
        site,
        &Provenance {
            page: item.page,
            anchor: Some(item.anchor.clone()),
        },
        lang,
    )
}

/// A page's value as the CSV columns of [`CSV_PARTS`].
fn fact_cell_csv(site: &Site, c: &FactCell, lang: Lang) -> Vec<String> {
    let document = document_of(site, c.provenance.page, lang);
    let (raw, value, per, as_of, note) = match &c.given {
        Some(f) => (
            f.raw.display(),
            f.state.value().map(csv_value).unwrap_or_default(),
            f.state
                .value()
                .and_then(|v| v.per())
                .map(|p| p.text(lang).0.to_string())
                .unwrap_or_default(),
            f.as_of.as_ref().map(|d| d.iso()).unwrap_or_default(),
            f.note.clone().unwrap_or_default(),
        ),
        None => Default::default(),
    };
    vec![
        c.state().name().to_string(),
        raw,
        value,
        per,
        as_of,
        note,
        source_url(site, &c.provenance, lang),
        document.title.to_string(),
        document.date.unwrap_or_default(),
    ]
}

/// A normalised value in one CSV cell: numbers as numbers, text as text, anything structured as
/// its JSON.
fn csv_value(v: &crate::guidance::facts::FactValue) -> String {
    match v.to_json() {
        Value::String(s) => s,
        other => other.to_string(),
    }
}

/// What the classes compare, said in every export: the Japanese texts, also in English outputs
/// (an English reader sees translations, which were not compared).
pub fn class_basis(lang: Lang) -> &'static str {
    label(
        lang,
        "区分（原文どおり・変更あり・独自の表現）は、指針と都道府県の日本語の文言を比べた結果です。",
        "The classes (Verbatim, Modified, Own wording) compare the Japanese texts of the guideline and of the prefecture, not the English translations.",
    )
}

/// An item's facts given per obligation, by key (SPEC §6.1): each with its state, as written,
/// normalised, shown, what an amount is per, and the remark.
pub fn item_facts_json(item: &PrefectureItem, lang: Lang) -> Value {
    Value::Object(
        item.facts
            .iter()
            .map(|f| {
                let mut m = serde_json::Map::new();
                m.insert("state".into(), json!(f.state.name()));
                m.insert("raw".into(), json!(f.raw));
                if let Some(v) = f.state.value() {
                    m.insert("value".into(), v.to_json());
                    if let Some(per) = v.per() {
                        m.insert("per".into(), json!({"ja": per.ja, "en": per.en}));
                    }
                }
                let (display, shown_lang) = item_fact_display(f, lang);
                m.insert("display".into(), json!(display));
                m.insert("display_lang".into(), json!(shown_lang.code()));
                if let Some(note) = &f.note {
                    m.insert("note".into(), json!(note));
                }
                (f.key.clone(), Value::Object(m))
            })
            .collect(),
    )
}

/// A per-obligation fact for a reader of `lang`, and the language it is in: a text value has no
/// English, so it stays Japanese.
pub fn item_fact_display(f: &ItemFact, lang: Lang) -> (String, Lang) {
    match &f.state {
        FactState::Stated(FactValue::Text(_) | FactValue::List(_)) => f.state.display(Lang::Ja),
        state => state.display(lang),
    }
}

/// A per-obligation fact in a CSV cell: the normalised value, or the state's name; `not_stated`
/// for an item that does not give it.
fn item_fact_csv(item: &PrefectureItem, key: &str) -> String {
    match item.facts.iter().find(|f| f.key == key) {
        Some(f) => f
            .state
            .value()
            .map_or_else(|| f.state.name().to_string(), csv_value),
        None => FactState::NotStated.name().to_string(),
    }
}

/// An item's note in a CSV cell: `slip` where the difference is an apparent slip in the source,
/// then the author's note.
fn item_note(item: &PrefectureItem) -> String {
    let slip = item.slip.then_some("slip");
    slip.into_iter()
        .chain(item.note.as_deref())
        .collect::<Vec<_>>()
        .join("; ")
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
