//! The comparison pages: `/compare/` (index), `/compare/SET/` (the matrix), `/obligations/SET-N/`
//! (one obligation across prefectures), `/compare/ID/` (facts), with CSV and JSON beside them.

use std::borrow::Cow;

use super::context::{
    Breadcrumb, CompareIndexView, Context, Coverage, FactColumn, FactMatrix, FactMatrixRow,
    FactRow, FactTable as FactTableCtx, FactTableLink, FactTableView, FactValue, ItemFactView,
    Obligation, ObligationCell, ObligationEntry, ObligationRevision, ObligationRow,
    ObligationTable as ObligationTableCtx, ObligationTableLink, ObligationTableView,
    ObligationView, PrefectureColumn, Version,
};
use super::context::{MatrixCell, MatrixRow};
use super::{map, Here, Output, Renderer};
use crate::compare::class_name;
use crate::diagnostics::Diagnostic;
use crate::guidance::obligations::{self, Class};
use crate::guidance::prefecture::Prefecture;
use crate::model::tables::{
    Cell, Column, FactCell as FactCellModel, FactTable, ObligationTable, PrefectureItem, Revision,
};
use crate::model::Tables;
use crate::model::{FactState, ItemFact, Lang};
use crate::urls::{Generated, TableFormat};

impl Renderer<'_> {
    pub fn render_comparisons(
        &self,
        tables: &Tables,
        lang: Lang,
    ) -> Vec<Result<Output, Diagnostic>> {
        let mut out = Vec::new();
        out.push(self.render_compare_index(tables, lang));
        for t in &tables.obligations {
            out.push(self.render_obligation_table(t, lang));
            out.push(Ok(Output::text(
                Generated::Table(&t.set, TableFormat::Csv).file(lang),
                t.to_csv(self.site, lang),
            )));
            out.push(Ok(Output::text(
                Generated::Table(&t.set, TableFormat::Json).file(lang),
                crate::compare::pretty(&t.to_json(self.site, lang)),
            )));
            for i in 0..t.obligations.len() {
                out.push(self.render_obligation(t, i, lang));
            }
        }
        for t in &tables.facts {
            out.push(self.render_fact_table(t, lang));
            out.push(Ok(Output::text(
                Generated::Table(&t.id, TableFormat::Csv).file(lang),
                t.to_csv(self.site, lang),
            )));
            out.push(Ok(Output::text(
                Generated::Table(&t.id, TableFormat::Json).file(lang),
                crate::compare::pretty(&t.to_json(self.site, lang)),
            )));
        }
        out
    }

    pub(super) fn path_url(&self, lang: Lang, generated: Generated) -> String {
        generated.url(&self.site.config.base_path, lang)
    }

    /// The context of a generated page below the comparison index: its breadcrumbs go to the home
    /// page and, below the index, to the index.
    pub(super) fn generated<'s, V>(
        &'s self,
        lang: Lang,
        page: Generated,
        title: Cow<'s, str>,
        under_index: bool,
        view: V,
    ) -> Context<'s, V> {
        let site = self.site;
        let mut ctx = self.context(lang, Here::Path(page.path()), title, view);
        let mut crumbs = vec![self.page_crumb(site.home, lang)];
        if under_index {
            crumbs.push(Breadcrumb {
                title: Cow::Owned(self.t(lang, "comparisons")),
                url: self.path_url(lang, Generated::CompareIndex),
                lang: Some(lang),
                lang_attr: "",
            });
        }
        ctx.place.breadcrumbs = crumbs;
        ctx
    }

    fn render_compare_index(&self, tables: &Tables, lang: Lang) -> Result<Output, Diagnostic> {
        let obligation_tables = tables
            .obligations
            .iter()
            .map(|t| ObligationTableLink {
                name: t.name(self.site, lang),
                url: self.path_url(lang, Generated::Comparison(&t.set)),
                csv_url: self.path_url(lang, Generated::Table(&t.set, TableFormat::Csv)),
                json_url: self.path_url(lang, Generated::Table(&t.set, TableFormat::Json)),
                count: t.obligations.len(),
                prefectures: t
                    .columns
                    .iter()
                    .map(|c| Coverage {
                        name: c.prefecture.name(lang),
                        coverage: format!("{}/{}", c.covered(), t.obligations.len()),
                    })
                    .collect(),
            })
            .collect();
        let fact_tables = tables
            .facts
            .iter()
            .map(|t| FactTableLink {
                name: t.name(lang),
                url: self.path_url(lang, Generated::Comparison(&t.id)),
                csv_url: self.path_url(lang, Generated::Table(&t.id, TableFormat::Csv)),
                json_url: self.path_url(lang, Generated::Table(&t.id, TableFormat::Json)),
                count: t.columns.len(),
            })
            .collect();
        let no_data = self.t(lang, "no_data");
        let maps = tables
            .obligations
            .iter()
            .map(|t| {
                let coverage = |p: &'static Prefecture| {
                    let column = t.columns.iter().find(|c| c.prefecture.code == p.code);
                    column.map(Column::covered)
                };
                let profile = |p: &'static Prefecture| self.profile_url(p, lang);
                let (set, name) = (t.set.as_str(), t.name(self.site, lang));
                let total = t.obligations.len();
                map::coverage_map(set, name, total, &no_data, lang, coverage, profile)
            })
            .collect();
        let view = CompareIndexView {
            obligation_tables,
            fact_tables,
            maps,
        };
        let title = Cow::Owned(self.t(lang, "comparisons"));
        let ctx = self.generated(lang, Generated::CompareIndex, title, false, view);
        let html = self.render("compare-index.html", &ctx)?;
        Ok(Output::text(Generated::CompareIndex.file(lang), html))
    }

    fn cell<'s>(&'s self, cell: &'s Cell, lang: Lang) -> ObligationCell<'s> {
        let class = class_name(cell.class);
        ObligationCell {
            entry: self.entry(&cell.item, lang),
            class,
            class_label: self.t(lang, &format!("class_{class}")),
            similarity: format!("{:.0}%", cell.similarity * 100.0),
            diff_html: if cell.class == Class::Verbatim {
                String::new()
            } else {
                obligations::diff_html(&cell.diff)
            },
        }
    }

    fn entry<'s>(&'s self, e: &'s PrefectureItem, lang: Lang) -> ObligationEntry<'s> {
        let (t, tl) = e.text(lang);
        ObligationEntry {
            text: &t.text,
            detail: &t.detail,
            lang: tl,
            source: format!("{}#{}", self.site.url(e.page, lang), e.anchor),
            page_title: self.site.title(e.page, lang),
            slip: e.slip,
            note: e.note.as_deref(),
            facts: self
                .site
                .config
                .facts
                .keys()
                .filter_map(|k| e.facts.iter().find(|f| &f.key == k))
                .map(|f| self.item_fact(f, e, lang))
                .collect(),
        }
    }

    /// A per-obligation fact of an item, as a cell shows it.
    fn item_fact<'s>(
        &'s self,
        f: &'s ItemFact,
        e: &PrefectureItem,
        lang: Lang,
    ) -> ItemFactView<'s> {
        let (value, value_lang) = crate::compare::item_fact_display(f, lang);
        ItemFactView {
            key: &f.key,
            label: self.fact_label(&f.key, lang),
            state: f.state.name(),
            value,
            lang: value_lang,
            note: f.note.as_deref(),
            source: Some(format!("{}#{}", self.site.url(e.page, lang), e.anchor)),
        }
    }

    pub(super) fn fact_label<'s>(&'s self, key: &'s str, lang: Lang) -> &'s str {
        self.site
            .config
            .facts
            .get(key)
            .map_or(key, |d| d.label(lang))
    }

    /// Each per-obligation fact of a set as a matrix: per obligation and prefecture, the values
    /// of its items, `not_stated` for an item without it, `gap` where no item covers it.
    fn fact_matrices<'s>(&'s self, t: &'s ObligationTable, lang: Lang) -> Vec<FactMatrix<'s>> {
        t.item_fact_keys(self.site)
            .into_iter()
            .map(|key| FactMatrix {
                key,
                label: self.fact_label(key, lang),
                definition: self
                    .site
                    .config
                    .facts
                    .get(key)
                    .and_then(|d| d.definition.as_ref())
                    .map(|d| d.get(lang)),
                rows: t
                    .obligations
                    .iter()
                    .enumerate()
                    .map(|(i, o)| FactMatrixRow {
                        id: &o.id,
                        url: self.path_url(lang, Generated::Obligation(&o.id)),
                        cells: t
                            .columns
                            .iter()
                            .map(|c| self.matrix_cell(&c.cells[i], key, lang))
                            .collect(),
                    })
                    .collect(),
            })
            .collect()
    }

    /// The compact matrix: per obligation, a badge per prefecture linking to its cell of the
    /// detail table (`ID-SLUG`), and how many prefectures cover it.
    fn matrix<'s>(&'s self, t: &'s ObligationTable, lang: Lang) -> Vec<MatrixRow<'s>> {
        t.obligations
            .iter()
            .enumerate()
            .map(|(i, o)| MatrixRow {
                id: &o.id,
                url: self.path_url(lang, Generated::Obligation(&o.id)),
                covered: t.columns.iter().filter(|c| !c.cells[i].is_empty()).count(),
                cells: t
                    .columns
                    .iter()
                    .map(|c| {
                        let cells = &c.cells[i];
                        let class = cells.first().map_or("gap", |cell| class_name(cell.class));
                        let label = match class {
                            "gap" => self.t(lang, "gap"),
                            _ => self.t(lang, &format!("class_{class}")),
                        };
                        MatrixCell {
                            slug: c.prefecture.slug,
                            class,
                            label,
                            badge: self.t(lang, &format!("badge_{class}")),
                            items: cells.len(),
                            target: format!("{}-{}", o.id, c.prefecture.slug),
                        }
                    })
                    .collect(),
            })
            .collect()
    }

    pub(super) fn matrix_cell<'s>(
        &'s self,
        cells: &'s [Cell],
        key: &'s str,
        lang: Lang,
    ) -> Vec<ItemFactView<'s>> {
        if cells.is_empty() {
            return vec![ItemFactView {
                key,
                label: self.fact_label(key, lang),
                state: "gap",
                value: self.t(lang, "gap"),
                lang,
                note: None,
                source: None,
            }];
        }
        cells
            .iter()
            .map(|cell| match cell.item.facts.iter().find(|f| f.key == key) {
                Some(f) => self.item_fact(f, &cell.item, lang),
                None => ItemFactView {
                    key,
                    label: self.fact_label(key, lang),
                    state: FactState::NotStated.name(),
                    value: FactState::NotStated.label(lang).to_string(),
                    lang,
                    note: None,
                    source: Some(format!(
                        "{}#{}",
                        self.site.url(cell.item.page, lang),
                        cell.item.anchor
                    )),
                },
            })
            .collect()
    }

    fn render_obligation_table(
        &self,
        t: &ObligationTable,
        lang: Lang,
    ) -> Result<Output, Diagnostic> {
        let site = self.site;
        let name = t.name(site, lang);
        let page = Generated::Comparison(&t.set);
        let columns = t
            .columns
            .iter()
            .map(|c| PrefectureColumn {
                code: c.prefecture.code,
                slug: c.prefecture.slug,
                name: c.prefecture.name(lang),
                covered: c.covered(),
                total: t.obligations.len(),
                own: c.own.iter().map(|e| self.entry(e, lang)).collect(),
            })
            .collect();
        let rows = t
            .obligations
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let (text, tl) = o.text(lang);
                ObligationRow {
                    id: &o.id,
                    text,
                    lang: tl,
                    url: self.path_url(lang, Generated::Obligation(&o.id)),
                    source: format!("{}#{}", site.url(t.page, lang), o.id),
                    cells: t
                        .columns
                        .iter()
                        .map(|c| {
                            c.cells[i]
                                .iter()
                                .map(|cell| self.cell(cell, lang))
                                .collect()
                        })
                        .collect(),
                }
            })
            .collect();
        let view = ObligationTableView {
            table: ObligationTableCtx {
                set: &t.set,
                name,
                source: site.url(t.page, lang),
                source_title: site.title(t.page, lang),
                csv_url: self.path_url(lang, Generated::Table(&t.set, TableFormat::Csv)),
                json_url: self.path_url(lang, Generated::Table(&t.set, TableFormat::Json)),
                columns,
                rows,
                fact_matrices: self.fact_matrices(t, lang),
                matrix: self.matrix(t, lang),
            },
        };
        let ctx = self.generated(lang, page, Cow::Borrowed(name), true, view);
        let html = self.render("compare.html", &ctx)?;
        Ok(Output::text(page.file(lang), html))
    }

    fn render_obligation(
        &self,
        t: &ObligationTable,
        i: usize,
        lang: Lang,
    ) -> Result<Output, Diagnostic> {
        let site = self.site;
        let o = &t.obligations[i];
        let (text, tl) = o.text(lang);
        let page = Generated::Obligation(&o.id);
        let versions = t
            .columns
            .iter()
            .flat_map(|c| {
                c.cells[i].iter().map(move |cell| Version {
                    cell: self.cell(cell, lang),
                    prefecture: c.prefecture.name(lang),
                })
            })
            .collect();
        let gaps = t
            .columns
            .iter()
            .filter(|c| c.cells[i].is_empty())
            .map(|c| c.prefecture.name(lang))
            .collect();
        let view = ObligationView {
            obligation: Obligation {
                id: &o.id,
                set: &t.set,
                set_name: t.name(site, lang),
                text,
                lang: tl,
                source: format!("{}#{}", site.url(t.page, lang), o.id),
                source_title: site.title(t.page, lang),
                compare_url: self.path_url(lang, Generated::Comparison(&t.set)),
                versions,
                gaps,
                revisions: t.revisions[i]
                    .iter()
                    .map(|r| self.revision(r, lang))
                    .collect(),
            },
        };
        let title = Cow::Owned(format!("{} {}", o.id, t.name(site, lang)));
        let ctx = self.generated(lang, page, title, true, view);
        let html = self.render("obligation.html", &ctx)?;
        Ok(Output::text(page.file(lang), html))
    }

    /// A revision's items before and after, and the character diff of their Japanese wording
    /// (the same diff as a cell's against the canonical text).
    fn revision<'s>(&'s self, r: &'s Revision, lang: Lang) -> ObligationRevision<'s> {
        let wording = |items: &[PrefectureItem]| {
            items
                .iter()
                .map(|i| i.ja.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let diff = obligations::diff(&wording(&r.before), &wording(&r.after));
        ObligationRevision {
            prefecture: r.prefecture.name(lang),
            older: self.page_link(r.older, lang),
            newer: self.page_link(r.newer, lang),
            before: r.before.iter().map(|e| self.entry(e, lang)).collect(),
            after: r.after.iter().map(|e| self.entry(e, lang)).collect(),
            diff_html: obligations::diff_html(&diff).replace('\n', "<br>"),
        }
    }

    /// A fact table's cell: the value or its state, and where it comes from.
    pub(super) fn fact_value(&self, c: &FactCellModel, lang: Lang) -> FactValue {
        let (value, value_lang) = match &c.given {
            Some(f) => f.display(lang),
            None => (c.state().label(lang).to_string(), lang),
        };
        FactValue {
            state: c.state().name(),
            raw: c.given.as_ref().map(|f| f.raw.display()),
            value,
            lang: value_lang,
            as_of: c
                .given
                .as_ref()
                .and_then(|f| f.as_of.as_ref())
                .map(|d| d.display(lang)),
            note: c.given.as_ref().and_then(|f| f.note.clone()),
            source: crate::compare::source_url(self.site, &c.provenance, lang),
        }
    }

    fn render_fact_table(&self, t: &FactTable, lang: Lang) -> Result<Output, Diagnostic> {
        let site = self.site;
        let page = Generated::Comparison(&t.id);
        let columns = t
            .columns
            .iter()
            .map(|&p| {
                let pref = site.docs[site.pages[p].ja].front.prefecture;
                FactColumn {
                    title: site.title(p, lang),
                    url: site.url(p, lang),
                    lang: site.doc(p, lang).lang,
                    prefecture: pref.map(|pr| pr.name(lang)),
                }
            })
            .collect();
        let rows = t
            .rows
            .iter()
            .map(|(key, cells)| {
                let decl = site.config.facts.get(key);
                FactRow {
                    key,
                    label: decl.map_or(key.as_str(), |d| d.label(lang)),
                    definition: decl
                        .and_then(|d| d.definition.as_ref())
                        .map(|d| d.get(lang)),
                    values: cells.iter().map(|c| self.fact_value(c, lang)).collect(),
                }
            })
            .collect();
        let view = FactTableView {
            table: FactTableCtx {
                id: &t.id,
                name: t.name(lang),
                csv_url: self.path_url(lang, Generated::Table(&t.id, TableFormat::Csv)),
                json_url: self.path_url(lang, Generated::Table(&t.id, TableFormat::Json)),
                columns,
                rows,
            },
        };
        let ctx = self.generated(lang, page, Cow::Borrowed(t.name(lang)), true, view);
        let html = self.render("facts.html", &ctx)?;
        Ok(Output::text(page.file(lang), html))
    }
}
