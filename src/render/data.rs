//! The data downloads (SPEC §11): `/data/` lists every downloadable table, `/data/codebook/`
//! documents every variable, `/data/datapackage.json` describes every CSV as a Frictionless Data
//! Package, `/data/facts.csv` is the long table of facts, and `/data/compare/ID.csv` are the
//! comparisons' CSVs where the package's paths can reach them. One job per language makes them
//! all (`Job::Data`), from the comparison tables and site.yaml's codebook.

use std::borrow::Cow;

use super::context::{
    Breadcrumb, CodeEntry, Codebook, CodebookView, DataIndex, DataTableLink, DataView, StateEntry,
    UsedBy, Variable,
};
use super::{Here, Output, Renderer};
use crate::compare::data::{datapackage, resources, Resource};
use crate::compare::pretty;
use crate::diagnostics::Diagnostic;
use crate::model::config::{FactDecl, Scope};
use crate::model::{FactState, Lang};
use crate::urls::{Generated, TableFormat};

impl Renderer<'_> {
    /// Every file of `data/` in `lang`.
    pub fn render_data(&self, lang: Lang) -> Vec<Result<Output, Diagnostic>> {
        let resources = resources(self.site, self.tables, lang);
        let mut out = vec![
            self.render_data_index(lang, &resources),
            self.render_codebook(lang),
            Ok(Output::text(
                Generated::DataPackage.file(lang),
                pretty(&datapackage(self.site, lang, &resources)),
            )),
        ];
        let data = Generated::DataIndex.file(lang);
        let folder = data.trim_end_matches("index.html");
        out.extend(resources.iter().map(|r| {
            Ok(Output::text(
                format!("{folder}{}", r.path),
                r.table.to_csv(),
            ))
        }));
        out
    }

    fn url_of(&self, lang: Lang, generated: Generated) -> String {
        generated.url(&self.site.config.base_path, lang)
    }

    /// Breadcrumbs of a data page: the home page and, below the data index, the index.
    fn data_crumbs(&self, lang: Lang, under_index: bool) -> Vec<Breadcrumb<'_>> {
        let mut crumbs = vec![self.page_crumb(self.site.home, lang)];
        if under_index {
            crumbs.push(Breadcrumb {
                title: Cow::Owned(self.t(lang, "data")),
                url: self.url_of(lang, Generated::DataIndex),
                lang: Some(lang),
                lang_attr: "",
            });
        }
        crumbs
    }

    /// `resources` as [`resources`] makes them: the long table, then one per comparison in the
    /// order of the tables.
    fn render_data_index(&self, lang: Lang, resources: &[Resource]) -> Result<Output, Diagnostic> {
        let site = self.site;
        let tables = self.tables;
        let obligations = tables
            .obligations
            .iter()
            .map(|t| (t.name(site, lang), "obligations", t.set.as_str()));
        let fact_tables = tables
            .facts
            .iter()
            .map(|t| (t.name(lang), "facts", t.id.as_str()));
        let facts = resources.first().map(|r| &r.table);
        let (facts_rows, facts_columns) = facts.map_or((0, 0), |t| (t.rows.len(), t.fields.len()));
        let view = DataView {
            data: DataIndex {
                codebook_url: self.url_of(lang, Generated::Codebook),
                package_url: self.url_of(lang, Generated::DataPackage),
                facts_csv_url: self.url_of(lang, Generated::FactsLong),
                facts_rows,
                facts_columns,
                tables: obligations
                    .chain(fact_tables)
                    .zip(resources.iter().skip(1).map(|r| &r.table))
                    .map(|((name, kind, id), csv)| DataTableLink {
                        name,
                        kind,
                        url: self.url_of(lang, Generated::Comparison(id)),
                        csv_url: self.url_of(lang, Generated::Table(id, TableFormat::Csv)),
                        json_url: self.url_of(lang, Generated::Table(id, TableFormat::Json)),
                        rows: csv.rows.len(),
                        columns: csv.fields.len(),
                    })
                    .collect(),
            },
        };
        let page = Generated::DataIndex;
        let title = Cow::Owned(self.t(lang, "data"));
        let mut ctx = self.context(lang, Here::Path(page.path()), title, view);
        ctx.place.breadcrumbs = self.data_crumbs(lang, false);
        let html = self.render("data.html", &ctx)?;
        Ok(Output::text(page.file(lang), html))
    }

    fn render_codebook(&self, lang: Lang) -> Result<Output, Diagnostic> {
        let variables = self
            .site
            .config
            .facts
            .iter()
            .map(|(id, decl)| self.variable(id, decl, lang))
            .collect();
        let states = [
            FactState::Stated(crate::guidance::facts::FactValue::Text(String::new())),
            FactState::NotStated,
            FactState::NotApplicable,
        ]
        .iter()
        .map(|s| StateEntry {
            name: s.name(),
            meaning: self.t(lang, &format!("state_{}", s.name())),
        })
        .collect();
        let view = CodebookView {
            codebook: Codebook {
                variables,
                states,
                data_url: self.url_of(lang, Generated::DataIndex),
                facts_csv_url: self.url_of(lang, Generated::FactsLong),
            },
        };
        let page = Generated::Codebook;
        let title = Cow::Owned(self.t(lang, "codebook"));
        let mut ctx = self.context(lang, Here::Path(page.path()), title, view);
        ctx.place.breadcrumbs = self.data_crumbs(lang, true);
        let html = self.render("codebook.html", &ctx)?;
        Ok(Output::text(page.file(lang), html))
    }

    /// One variable of the codebook, with the comparisons that use it.
    fn variable<'s>(&'s self, id: &'s str, decl: &'s FactDecl, lang: Lang) -> Variable<'s> {
        let site = self.site;
        let ty = decl.ty.name();
        let unit = self.t_or(lang, &format!("unit_{ty}"), "");
        let scope = match decl.scope {
            Scope::Page => "page",
            Scope::Obligation => "obligation",
        };
        let fact_tables = self
            .tables
            .facts
            .iter()
            .filter(|t| t.decl.facts.iter().any(|k| k == id))
            .map(|t| (t.name(lang), t.id.as_str()));
        let obligation_sets = self
            .tables
            .obligations
            .iter()
            .filter(|t| t.item_fact_keys(site).contains(&id))
            .map(|t| (t.name(site, lang), t.set.as_str()));
        Variable {
            id,
            label: decl.label(lang),
            definition: decl.definition.as_ref().map(|d| d.get(lang)),
            ty,
            type_label: self.t(lang, &format!("type_{ty}")),
            unit: (!unit.is_empty()).then(|| unit.to_string()),
            multiple: decl.multiple,
            scope,
            scope_label: self.t(lang, &format!("scope_{scope}")),
            codes: decl
                .values
                .iter()
                .map(|(code, l)| CodeEntry {
                    id: code,
                    label: match lang {
                        Lang::Ja => &l.ja,
                        Lang::En => &l.en,
                    },
                })
                .collect(),
            used_by: obligation_sets
                .chain(fact_tables)
                .map(|(name, id)| UsedBy {
                    name,
                    url: self.url_of(lang, Generated::Comparison(id)),
                })
                .collect(),
        }
    }
}
