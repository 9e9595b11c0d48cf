//! A built comparison table as JSON (the pages' downloads and client-side tables), CSV (UTF-8
//! with a BOM, for Excel) and Markdown.

use serde_json::{json, Value};

use crate::guidance::facts::FactValue;
use crate::guidance::obligations::Class;
use crate::model::tables::{
    Cell, FactCell, FactTable, ObligationTable, PrefectureItem, Provenance,
};
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

    /// One row per canonical obligation, then one per own addition, each with a unique `id`
    /// (`hub-3`, `hub-own-chiba-1`); per prefecture its class, text, detail, similarity, note,
    /// source URL and per-obligation facts (SPEC §5, §11).
    pub fn to_csv(&self, site: &Site, lang: Lang) -> String {
        self.csv_table(site, lang).to_csv()
    }

    /// The CSV as columns described for the data package, and rows.
    pub fn csv_table(&self, site: &Site, lang: Lang) -> CsvTable {
        let fact_keys = self.item_fact_keys(site);
        let mut fields = vec![
            CsvField::string(
                "id",
                label(lang, "行ID", "row id"),
                label(
                    lang,
                    "行ごとに一意のID: 基準の事項はそのID（hub-3）、都道府県独自の事項は「セット-own-都道府県-番号」（hub-own-chiba-1）",
                    "Unique per row: a canonical obligation's id (hub-3), or SET-own-PREFECTURE-N for a prefecture's own addition (hub-own-chiba-1)",
                ),
            ),
            CsvField::string(
                label(lang, "基準の文言", "canonical text"),
                label(lang, "基準の文言", "canonical text"),
                label(lang, "指針の文言（独自の事項の行では空欄）", "The guideline's text (empty in the rows of own additions)"),
            ),
        ];
        for c in &self.columns {
            let name = c.prefecture.name(lang);
            let head = |part: &str| format!("{:02} {name} {part}", c.prefecture.code);
            let parts = PREFECTURE_PARTS
                .iter()
                .map(|&(ja, en, ty, dja, den)| CsvField {
                    name: head(label(lang, ja, en)),
                    ty,
                    title: head(label(lang, ja, en)),
                    description: label(lang, dja, den).to_string(),
                });
            fields.extend(parts);
            for k in &fact_keys {
                let decl = site.config.facts.get(*k);
                let fact = decl.map_or(*k, |d| d.label(lang));
                fields.push(CsvField::string(
                    &head(fact),
                    &head(fact),
                    format!(
                        "{} {}",
                        decl.and_then(|d| d.definition.as_ref())
                            .map_or("", |d| d.get(lang)),
                        label(
                            lang,
                            "（事項ごとの値。数値は数値、記載のない事項は not_stated）",
                            "(per obligation: numbers as numbers, not_stated where the item does not give it)"
                        )
                    )
                    .trim(),
                ));
            }
        }
        let mut rows = Vec::new();
        for (i, o) in self.obligations.iter().enumerate() {
            let mut row = vec![o.id.clone(), o.text(lang).0.to_string()];
            for c in &self.columns {
                row.extend(self.cell_csv(site, &c.cells[i], &fact_keys, lang));
            }
            rows.push(row);
        }
        for (ci, c) in self.columns.iter().enumerate() {
            for (n, e) in c.own.iter().enumerate() {
                let mut row = vec![
                    format!("{}-own-{}-{}", self.set, c.prefecture.slug, n + 1),
                    String::new(),
                ];
                for cj in 0..self.columns.len() {
                    if cj == ci {
                        let (t, _) = e.text(lang);
                        row.extend([
                            "own".to_string(),
                            t.text.clone(),
                            t.detail.clone(),
                            String::new(),
                            item_note(e),
                            item_permalink(site, e, lang),
                        ]);
                        row.extend(fact_keys.iter().map(|k| item_fact_csv(e, k)));
                    } else {
                        row.push(FactState::NotApplicable.name().to_string());
                        row.extend(std::iter::repeat_n(
                            String::new(),
                            PREFECTURE_PARTS.len() - 1,
                        ));
                        row.extend(fact_keys.iter().map(|_| String::new()));
                    }
                }
                rows.push(row);
            }
        }
        CsvTable::new(fields, rows)
    }

    /// One prefecture's cell of a canonical obligation's row: `gap` where no item covers it;
    /// several items joined by line breaks, with the similarity of the closest.
    fn cell_csv(&self, site: &Site, cells: &[Cell], fact_keys: &[&str], lang: Lang) -> Vec<String> {
        let join = |f: &dyn Fn(&Cell) -> String| cells.iter().map(f).collect::<Vec<_>>().join("\n");
        let similarity = cells
            .iter()
            .map(|c| c.similarity)
            .fold(None, |best: Option<f64>, s| {
                Some(best.map_or(s, |b| b.max(s)))
            });
        let mut out = vec![
            if cells.is_empty() {
                "gap".into()
            } else {
                cells
                    .iter()
                    .map(|c| class_name(c.class))
                    .collect::<Vec<_>>()
                    .join(";")
            },
            join(&|c| c.item.text(lang).0.text.clone()),
            join(&|c| c.item.text(lang).0.detail.clone()),
            similarity
                .map(|s| format!("{:.3}", s.clamp(0.0, 1.0)))
                .unwrap_or_default(),
            join(&|c| item_note(&c.item)),
            join(&|c| item_permalink(site, &c.item, lang)),
        ];
        out.extend(
            fact_keys
                .iter()
                .map(|k| join(&|c| item_fact_csv(&c.item, k))),
        );
        out
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

    /// One row per fact; per page its state, the text as written, the normalised value, the
    /// value as a number where it is one, what an amount is per, as of when, the note and the
    /// source. Cells a spreadsheet would run as formulas are quoted (see [`write_csv_record`]).
    pub fn to_csv(&self, site: &Site, lang: Lang) -> String {
        self.csv_table(site, lang).to_csv()
    }

    /// The CSV as columns described for the data package, and rows.
    pub fn csv_table(&self, site: &Site, lang: Lang) -> CsvTable {
        let mut fields = vec![
            CsvField::string(
                "id",
                label(lang, "変数ID", "variable id"),
                label(
                    lang,
                    "site.yaml のコードブックでの変数のID",
                    "The variable's id in the codebook of site.yaml",
                ),
            ),
            CsvField::string(
                label(lang, "項目", "fact"),
                label(lang, "項目", "fact"),
                label(lang, "変数の名前", "The variable's label"),
            ),
        ];
        let titles: Vec<&str> = self.columns.iter().map(|&p| site.title(p, lang)).collect();
        for (&p, title) in self.columns.iter().zip(&titles) {
            // Two pages of one title are told apart by their paths.
            let head = if titles.iter().filter(|t| *t == title).count() > 1 {
                format!("{title} ({})", site.pages[p].path)
            } else {
                title.to_string()
            };
            fields.extend(FACT_PARTS.iter().map(|&(ja, en, ty, dja, den)| {
                let name = format!("{head}: {}", label(lang, ja, en));
                CsvField {
                    title: name.clone(),
                    name,
                    ty,
                    description: label(lang, dja, den).to_string(),
                }
            }));
        }
        let rows = self
            .rows
            .iter()
            .map(|(key, cells)| {
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
                row
            })
            .collect();
        CsvTable::new(fields, rows)
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

/// A part of a column group: Japanese and English headings, type, Japanese and English
/// descriptions.
type Part = (
    &'static str,
    &'static str,
    FieldType,
    &'static str,
    &'static str,
);

/// The parts of a page's value in a fact CSV, in order.
const FACT_PARTS: [Part; 10] = [
    ("状態", "state", FieldType::String, "stated（記載あり）、not_stated（記載なし）、not_applicable（該当なし）", "stated, not_stated (the page does not give it) or not_applicable (the page says it does not apply)"),
    ("原文の表記", "as written", FieldType::String, "資料の表記のまま（記載のないときは空欄、理由は「状態」）", "As the document writes it (empty where there is no value: the state says why)"),
    ("値", "value", FieldType::String, "正規化した値: 金額は円、率は小数、コードはID、構造のある値はJSON", "The normalised value: yen as an integer, rates as decimals, codes by id, structured values as JSON"),
    ("数値", "number", FieldType::Number, "値が一つの数のときその数（金額は円、率は小数）、そうでなければ空欄", "The value where it is one number (yen, a rate as a decimal), else empty"),
    ("あたり", "per", FieldType::String, "金額が何あたりか（1拠点あたり → 拠点）", "What an amount is per (per hub → hub)"),
    ("時点", "as of", FieldType::String, "値の時点（2024-03-31 または FY2024）", "When the value held (2024-03-31 or FY2024)"),
    ("注記", "note", FieldType::String, "作成者の注記", "The author's note"),
    ("出典", "source", FieldType::Uri, "値のあるページの、値の直前の見出しのURL", "The URL of the page that gives the value, at the heading nearest above it"),
    ("文書名", "document", FieldType::String, "ページが掲載する資料の名前", "The title of the document the page reproduces"),
    ("文書の日付", "document date", FieldType::String, "資料の日付（2024-03-31 または FY2024）", "The document's date (2024-03-31 or FY2024)"),
];

/// The parts of a prefecture's cell in an obligation CSV, in order (its per-obligation facts
/// follow).
const PREFECTURE_PARTS: [Part; 6] = [
    ("区分", "class", FieldType::String, "verbatim（原文どおり）、modified（変更あり）、own_wording（独自の表現）、gap（記載なし）、own（独自の事項）、not_applicable（他の都道府県の独自の事項の行）", "verbatim, modified, own_wording, gap (no item covers it), own (the prefecture's own addition), not_applicable (another prefecture's own addition)"),
    ("記載", "text", FieldType::String, "都道府県の文言（複数の項目は改行で区切る）", "The prefecture's text (several items separated by line breaks)"),
    ("詳細", "detail", FieldType::String, "項目の下の記載", "What is nested under the item"),
    ("類似度", "similarity", FieldType::Number, "指針の文言との類似度（0〜1、複数の項目は最も近いもの、区分が gap・own のときは空欄）", "Similarity to the guideline's text, 0 to 1 (for several items the closest; empty for gap and own)"),
    ("注記", "note", FieldType::String, "slip（誤記と思われる差異）と作成者の注記", "slip (an apparent slip in the source) and the author's note"),
    ("出典", "source", FieldType::Uri, "項目のあるページのURL（項目のアンカー付き）", "The URL of the item on its page"),
];

/// The type of a CSV column, as the data package declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    String,
    /// A URL: a string of format `uri`.
    Uri,
    Number,
    Integer,
}

impl FieldType {
    /// Its Frictionless Table Schema type.
    pub fn name(self) -> &'static str {
        match self {
            FieldType::String | FieldType::Uri => "string",
            FieldType::Number => "number",
            FieldType::Integer => "integer",
        }
    }
}

/// A column of a published CSV: its header, its type, and for the data package its title and
/// description in the table's language.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvField {
    pub name: String,
    pub ty: FieldType,
    pub title: String,
    pub description: String,
}

impl CsvField {
    pub fn string(name: &str, title: &str, description: &str) -> CsvField {
        CsvField::new(name, FieldType::String, title, description)
    }

    pub fn new(name: &str, ty: FieldType, title: &str, description: &str) -> CsvField {
        CsvField {
            name: name.into(),
            ty,
            title: title.into(),
            description: description.into(),
        }
    }
}

/// A table as published: its columns and its rows, each as long as the columns.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvTable {
    pub fields: Vec<CsvField>,
    pub rows: Vec<Vec<String>>,
}

impl CsvTable {
    /// Headers made unique (a repeated one gets ` (2)`, ` (3)`, …): tools that load the table
    /// by its headers, and the data package's schema, need one name per column.
    pub fn new(mut fields: Vec<CsvField>, rows: Vec<Vec<String>>) -> CsvTable {
        let mut seen = std::collections::HashSet::new();
        for f in &mut fields {
            let mut name = f.name.clone();
            let mut n = 1;
            while !seen.insert(name.clone()) {
                n += 1;
                name = format!("{} ({n})", f.name);
            }
            f.name = name;
        }
        CsvTable { fields, rows }
    }

    /// UTF-8 with a BOM (so Excel opens it), CRLF; cells a spreadsheet would run as formulas
    /// quoted (see [`write_csv_record`]).
    pub fn to_csv(&self) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let header: Vec<&str> = self.fields.iter().map(|f| f.name.as_str()).collect();
        let _ = write_csv_record(&mut w, &header);
        for row in &self.rows {
            let _ = write_csv_record(&mut w, row);
        }
        let bytes = w.into_inner().unwrap_or_default();
        format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
    }
}

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

/// A page's value as the CSV columns of [`FACT_PARTS`].
fn fact_cell_csv(site: &Site, c: &FactCell, lang: Lang) -> Vec<String> {
    let document = document_of(site, c.provenance.page, lang);
    let value = c.given.as_ref().and_then(|f| f.state.value());
    let (raw, as_of, note) = match &c.given {
        Some(f) => (
            f.raw.display(),
            f.as_of.as_ref().map(|d| d.iso()).unwrap_or_default(),
            f.note.clone().unwrap_or_default(),
        ),
        None => Default::default(),
    };
    vec![
        c.state().name().to_string(),
        raw,
        value.map(csv_value).unwrap_or_default(),
        value.and_then(csv_number).unwrap_or_default(),
        value
            .and_then(|v| v.per())
            .map(|p| p.text(lang).0.to_string())
            .unwrap_or_default(),
        as_of,
        note,
        source_permalink(site, &c.provenance, lang),
        document.title.to_string(),
        document.date.unwrap_or_default(),
    ]
}

/// The absolute URL of a value's source (from `base_url`): CSV files are read away from the
/// site, where a site-absolute path leads nowhere.
pub fn source_permalink(site: &Site, p: &Provenance, lang: Lang) -> String {
    match &p.anchor {
        Some(a) => format!("{}#{a}", site.permalink(p.page, lang)),
        None => site.permalink(p.page, lang),
    }
}

/// The absolute URL of an obligation item on its page.
fn item_permalink(site: &Site, item: &PrefectureItem, lang: Lang) -> String {
    format!("{}#{}", site.permalink(item.page, lang), item.anchor)
}

/// A value as one number, where it is one (an amount, a plain rate): the column a spreadsheet
/// or a data tool sums and sorts.
pub fn csv_number(v: &FactValue) -> Option<String> {
    match v.to_json() {
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A normalised value in one CSV cell: numbers as numbers, text as text, anything structured as
/// its JSON.
pub fn csv_value(v: &FactValue) -> String {
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
pub fn item_fact_csv(item: &PrefectureItem, key: &str) -> String {
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

pub fn label(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
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
