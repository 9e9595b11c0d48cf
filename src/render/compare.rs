//! The comparison pages: `/compare/` (index), `/compare/SET/` (the matrix), `/obligations/SET-N/`
//! (one obligation across prefectures), `/compare/ID/` (facts), with CSV and JSON beside them.

use std::borrow::Cow;

use super::context::{
    Breadcrumb, CompareIndexView, Context, Coverage, FactColumn, FactRow,
    FactTable as FactTableCtx, FactTableLink, FactTableView, FactValue, Obligation, ObligationCell,
    ObligationEntry, ObligationRow, ObligationTable as ObligationTableCtx, ObligationTableLink,
    ObligationTableView, ObligationView, PrefectureColumn, Version,
};
use super::{Here, Output, Renderer};
use crate::compare::{class_name, Cell, Entry, FactTable, ObligationTable, Tables};
use crate::diagnostics::Diagnostic;
use crate::guidance::obligations::{self, Class};
use crate::model::Lang;

impl Renderer<'_> {
    pub fn render_comparisons(
        &self,
        tables: &Tables,
        lang: Lang,
    ) -> Vec<Result<Output, Diagnostic>> {
        let prefix = lang.url_prefix();
        let mut out = Vec::new();
        out.push(self.render_compare_index(tables, lang));
        for t in &tables.obligations {
            out.push(self.render_obligation_table(t, lang));
            out.push(Ok(Output::text(
                format!("{prefix}compare/{}.csv", t.set),
                t.to_csv(lang),
            )));
            out.push(Ok(Output::text(
                format!("{prefix}compare/{}.json", t.set),
                crate::compare::pretty(&t.to_json(self.site, lang)),
            )));
            for i in 0..t.obligations.len() {
                out.push(self.render_obligation(t, i, lang));
            }
        }
        for t in &tables.facts {
            out.push(self.render_fact_table(t, lang));
            out.push(Ok(Output::text(
                format!("{prefix}compare/{}.csv", t.id),
                t.to_csv(self.site, lang),
            )));
            out.push(Ok(Output::text(
                format!("{prefix}compare/{}.json", t.id),
                crate::compare::pretty(&t.to_json(self.site, lang)),
            )));
        }
        out
    }

    fn path_url(&self, lang: Lang, path: &str) -> String {
        format!(
            "{}{}{}",
            self.site.config.base_path,
            lang.url_prefix(),
            path
        )
    }

    /// The context of a generated page below the comparison index: its breadcrumbs go to the home
    /// page and, below the index, to the index.
    fn generated<'s, V>(
        &'s self,
        lang: Lang,
        path: &str,
        title: Cow<'s, str>,
        under_index: bool,
        view: V,
    ) -> Context<'s, V> {
        let site = self.site;
        let mut ctx = self.context(lang, Here::Path(path.to_string()), title, view);
        let mut crumbs = vec![self.page_crumb(site.home, lang)];
        if under_index {
            crumbs.push(Breadcrumb {
                title: Cow::Owned(self.t(lang, "comparisons")),
                url: self.path_url(lang, "compare/"),
                lang: Some(lang),
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
                url: self.path_url(lang, &format!("compare/{}/", t.set)),
                csv_url: self.path_url(lang, &format!("compare/{}.csv", t.set)),
                json_url: self.path_url(lang, &format!("compare/{}.json", t.set)),
                count: t.obligations.len(),
                prefectures: t
                    .columns
                    .iter()
                    .map(|c| Coverage {
                        name: c.prefecture.name(lang.is_en()),
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
                url: self.path_url(lang, &format!("compare/{}/", t.id)),
                csv_url: self.path_url(lang, &format!("compare/{}.csv", t.id)),
                json_url: self.path_url(lang, &format!("compare/{}.json", t.id)),
                count: t.columns.len(),
            })
            .collect();
        let view = CompareIndexView {
            obligation_tables,
            fact_tables,
        };
        let title = Cow::Owned(self.t(lang, "comparisons"));
        let ctx = self.generated(lang, "compare/", title, false, view);
        let html = self.render("compare-index.html", &ctx)?;
        Ok(Output::text(
            format!("{}compare/index.html", lang.url_prefix()),
            html,
        ))
    }

    fn cell<'s>(&'s self, cell: &'s Cell, lang: Lang) -> ObligationCell<'s> {
        let class = class_name(cell.class);
        ObligationCell {
            entry: self.entry(&cell.entry, lang),
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

    fn entry<'s>(&'s self, e: &'s Entry, lang: Lang) -> ObligationEntry<'s> {
        let (t, tl) = e.text(lang);
        ObligationEntry {
            text: &t.text,
            detail: &t.detail,
            lang: tl,
            source: format!("{}#{}", self.site.url(e.page, lang), e.anchor),
            page_title: self.site.title(e.page, lang),
        }
    }

    fn render_obligation_table(
        &self,
        t: &ObligationTable,
        lang: Lang,
    ) -> Result<Output, Diagnostic> {
        let site = self.site;
        let name = t.name(site, lang);
        let path = format!("compare/{}/", t.set);
        let columns = t
            .columns
            .iter()
            .map(|c| PrefectureColumn {
                code: c.prefecture.code,
                slug: c.prefecture.slug,
                name: c.prefecture.name(lang.is_en()),
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
                    url: self.path_url(lang, &format!("obligations/{}/", o.id)),
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
                csv_url: self.path_url(lang, &format!("compare/{}.csv", t.set)),
                json_url: self.path_url(lang, &format!("compare/{}.json", t.set)),
                columns,
                rows,
            },
        };
        let ctx = self.generated(lang, &path, Cow::Borrowed(name), true, view);
        let html = self.render("compare.html", &ctx)?;
        Ok(Output::text(
            format!("{}{path}index.html", lang.url_prefix()),
            html,
        ))
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
        let path = format!("obligations/{}/", o.id);
        let versions = t
            .columns
            .iter()
            .flat_map(|c| {
                c.cells[i].iter().map(move |cell| Version {
                    cell: self.cell(cell, lang),
                    prefecture: c.prefecture.name(lang.is_en()),
                })
            })
            .collect();
        let gaps = t
            .columns
            .iter()
            .filter(|c| c.cells[i].is_empty())
            .map(|c| c.prefecture.name(lang.is_en()))
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
                compare_url: self.path_url(lang, &format!("compare/{}/", t.set)),
                versions,
                gaps,
            },
        };
        let title = Cow::Owned(format!("{} {}", o.id, t.name(site, lang)));
        let ctx = self.generated(lang, &path, title, true, view);
        let html = self.render("obligation.html", &ctx)?;
        Ok(Output::text(
            format!("{}{path}index.html", lang.url_prefix()),
            html,
        ))
    }

    fn render_fact_table(&self, t: &FactTable, lang: Lang) -> Result<Output, Diagnostic> {
        let site = self.site;
        let path = format!("compare/{}/", t.id);
        let columns = t
            .columns
            .iter()
            .map(|&p| {
                let pref = site.docs[site.pages[p].ja].front.prefecture;
                FactColumn {
                    title: site.title(p, lang),
                    url: site.url(p, lang),
                    lang: site.doc(p, lang).lang,
                    prefecture: pref.map(|pr| pr.name(lang.is_en())),
                }
            })
            .collect();
        let rows = t
            .rows
            .iter()
            .map(|(key, values)| FactRow {
                key,
                label: site
                    .config
                    .facts
                    .get(key)
                    .map_or(key.as_str(), |d| d.label(lang)),
                values: values
                    .iter()
                    .map(|v| {
                        v.as_ref().map(|c| FactValue {
                            raw: &c.raw,
                            value: c.value.display(lang.is_en()),
                        })
                    })
                    .collect(),
            })
            .collect();
        let view = FactTableView {
            table: FactTableCtx {
                id: &t.id,
                name: t.name(lang),
                csv_url: self.path_url(lang, &format!("compare/{}.csv", t.id)),
                json_url: self.path_url(lang, &format!("compare/{}.json", t.id)),
                columns,
                rows,
            },
        };
        let ctx = self.generated(lang, &path, Cow::Borrowed(t.name(lang)), true, view);
        let html = self.render("facts.html", &ctx)?;
        Ok(Output::text(
            format!("{}{path}index.html", lang.url_prefix()),
            html,
        ))
    }
}
