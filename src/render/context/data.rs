//! The contexts of the data pages (SPEC §11): `data.html` (every downloadable table) and
//! `codebook.html` (every variable). Documented in docs/templates.md like the others.

use serde::Serialize;

/// The view of `data.html`.
#[derive(Serialize)]
pub struct DataView<'a> {
    /// The downloads.
    pub data: DataIndex<'a>,
}

/// Every downloadable table of the site in `lang`.
#[derive(Serialize)]
pub struct DataIndex<'a> {
    /// The codebook page.
    pub codebook_url: String,
    /// The Frictionless Data Package that describes every CSV.
    pub package_url: String,
    /// The long table of facts.
    pub facts_csv_url: String,
    /// How many rows the long table has.
    pub facts_rows: usize,
    /// How many columns the long table has.
    pub facts_columns: usize,
    /// Every comparison's tables: obligation sets first, then fact comparisons.
    pub tables: Vec<DataTableLink<'a>>,
}

/// A comparison's downloads.
#[derive(Serialize)]
pub struct DataTableLink<'a> {
    /// The comparison's name in `lang` (Japanese where site.yaml gives no English).
    pub name: &'a str,
    /// `obligations` (an obligation set) or `facts` (a fact comparison).
    pub kind: &'static str,
    /// The comparison page.
    pub url: String,
    /// Its CSV.
    pub csv_url: String,
    /// Its JSON.
    pub json_url: String,
    /// How many rows its CSV has (after the header).
    pub rows: usize,
    /// How many columns its CSV has.
    pub columns: usize,
}

/// The view of `codebook.html`.
#[derive(Serialize)]
pub struct CodebookView<'a> {
    /// The codebook.
    pub codebook: Codebook<'a>,
}

/// Every variable of site.yaml's `facts:` (SPEC §6.1), and what a value's state means.
#[derive(Serialize)]
pub struct Codebook<'a> {
    /// The variables, in the order of site.yaml.
    pub variables: Vec<Variable<'a>>,
    /// The states every value has, with their meaning in `lang`.
    pub states: Vec<StateEntry>,
    /// The data downloads page.
    pub data_url: String,
    /// The long table of facts.
    pub facts_csv_url: String,
}

/// One variable of the codebook.
#[derive(Serialize)]
pub struct Variable<'a> {
    /// Its id in site.yaml (`base_amount`): the anchor of its entry, and the `variable` column
    /// of the long table.
    pub id: &'a str,
    /// Its label in `lang` (Japanese where site.yaml gives no English).
    pub label: &'a str,
    /// What it records, in `lang`, or absent.
    pub definition: Option<&'a str>,
    /// Its type as site.yaml writes it (`yen`, `code`, …).
    pub ty: &'static str,
    /// The type in words, in `lang`.
    pub type_label: String,
    /// The unit of its values in `lang`, or absent for types without one (text, codes).
    pub unit: Option<String>,
    /// For codes: a value may hold several.
    pub multiple: bool,
    /// `page` (given once in a page's front matter) or `obligation` (per obligation item).
    pub scope: &'static str,
    /// `scope` in words, in `lang`.
    pub scope_label: String,
    /// For `type: code`: the codes, in order; empty for other types.
    pub codes: Vec<CodeEntry<'a>>,
    /// The comparisons that use it: fact comparisons that list it, obligation sets whose items
    /// give it.
    pub used_by: Vec<UsedBy<'a>>,
}

/// A code a variable may take.
#[derive(Serialize)]
pub struct CodeEntry<'a> {
    /// The code as data carries it (`municipality`).
    pub id: &'a str,
    /// Its label in `lang`.
    pub label: &'a str,
}

/// A comparison that uses a variable.
#[derive(Serialize)]
pub struct UsedBy<'a> {
    /// The comparison's name in `lang`.
    pub name: &'a str,
    /// The comparison page.
    pub url: String,
}

/// A state a value has (SPEC §6.1).
#[derive(Serialize)]
pub struct StateEntry {
    /// As the data writes it: `stated`, `not_stated`, `not_applicable`.
    pub name: &'static str,
    /// What it means, in `lang`.
    pub meaning: String,
}
