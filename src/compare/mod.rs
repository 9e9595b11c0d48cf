//! Comparison stage (SPEC §5, §6): every prefecture's obligation lists matched against the
//! canonical sets, and the facts of pages side by side. It builds the tables of
//! [`crate::model::tables`], which feed the comparison pages, and exports them as CSV, JSON and
//! Markdown for those pages and `shishin compare`.
//!
//! `data` makes the open data of SPEC §11 (the long table of facts and the data package).
//! `tables` builds the tables once per build (the matching of obligations and its warnings
//! happen there); `item_facts` reads the facts given per obligation item (SPEC §6.1), whose labels
//! come from site.yaml; `export` writes a built table as JSON, CSV or Markdown, which neither the
//! pages nor `shishin compare` need to know how to do.

pub mod data;
mod export;
mod item_facts;
mod tables;

pub use export::{
    class_name, document_of, fact_cell_json, item_fact_display, item_facts_json, pretty,
    provenance_json, shown, source_permalink, source_url, CsvField, CsvTable, FieldType, Format,
};
pub use tables::{fact_cell, fact_tables, obligation_tables};
