//! The prefectures' profiles, `/compare/prefecture/SLUG/` (SPEC §11): one page per prefecture
//! that some page names in its `prefecture:`, gathering what the comparisons say of it (coverage
//! of each set, every variable of the codebook with its state and source, the per-obligation
//! facts) and its documents with their versions (SPEC §10).
//!
//! They render in the comparisons' job: they are made from the same tables, and from the pages
//! that name a prefecture, which that job's fingerprint covers (`render/inputs.rs`).

use std::borrow::Cow;

use super::context::{
    FactColumn, FactMatrixRow, FactRow, ObligationRef, Profile, ProfileItemFacts, ProfileSet,
    ProfileView,
};
use super::{Output, Renderer};
use crate::diagnostics::Diagnostic;
use crate::guidance::prefecture::Prefecture;
use crate::model::config::Scope;
use crate::model::tables::{Column, ObligationTable};
use crate::model::{Lang, PageId, Tables};
use crate::urls::Generated;

impl Renderer<'_> {
    /// Every prefecture's profile in `lang`.
    /// The URL of a prefecture's profile, where it has one.
    pub(super) fn profile_url(&self, p: &Prefecture, lang: Lang) -> Option<String> {
        let has = self.site.profiles().iter().any(|q| q.code == p.code);
        has.then(|| Generated::Profile(p.slug).url(&self.site.config.base_path, lang))
    }

    pub fn render_profile(
        &self,
        tables: &Tables,
        p: &'static Prefecture,
        lang: Lang,
    ) -> Result<Output, Diagnostic> {
        let site = self.site;
        let page = Generated::Profile(p.slug);
        let fact_pages = self.fact_pages(p);
        let fact_columns = fact_pages
            .iter()
            .map(|&pg| FactColumn {
                title: site.title(pg, lang),
                url: site.url(pg, lang),
                lang: site.doc(pg, lang).lang,
                prefecture: Some(p.name(lang)),
            })
            .collect();
        let fact_rows = site
            .config
            .facts
            .iter()
            .filter(|(_, d)| d.scope == Scope::Page)
            .map(|(key, decl)| FactRow {
                key,
                label: decl.label(lang),
                definition: decl.definition.as_ref().map(|d| d.get(lang)),
                values: fact_pages
                    .iter()
                    .map(|&pg| self.fact_value(&crate::compare::fact_cell(site, pg, key), lang))
                    .collect(),
            })
            .collect();
        let documents = (0..site.pages.len()).filter(|&pg| {
            !site.pages[pg].is_section() && site.docs[site.pages[pg].ja].front.prefecture == Some(p)
        });
        let view = ProfileView {
            profile: Profile {
                code: p.code,
                slug: p.slug,
                name: p.name(lang),
                sets: tables
                    .obligations
                    .iter()
                    .map(|t| self.profile_set(t, column_of(t, p), lang))
                    .collect(),
                fact_columns,
                fact_rows,
                item_facts: tables
                    .obligations
                    .iter()
                    .filter_map(|t| self.profile_item_facts(t, column_of(t, p)?, lang))
                    .collect(),
                documents: self.timeline_of(documents, lang),
            },
        };
        let ctx = self.generated(lang, page, Cow::Borrowed(p.name(lang)), true, view);
        let html = self.render("prefecture.html", &ctx)?;
        Ok(Output::text(page.file(lang), html))
    }

    /// The prefecture's current pages that give any fact of the codebook, in the order of the
    /// fact comparisons (by weight, then path).
    fn fact_pages(&self, p: &Prefecture) -> Vec<PageId> {
        let site = self.site;
        let mut pages: Vec<PageId> = (0..site.pages.len())
            .filter(|&pg| {
                let f = &site.docs[site.pages[pg].ja].front;
                site.pages[pg].versions.newer.is_none()
                    && f.prefecture.is_some_and(|q| q.code == p.code)
                    && !f.facts.is_empty()
            })
            .collect();
        pages.sort_by_key(|&pg| {
            let f = &site.docs[site.pages[pg].ja].front;
            (f.weight, site.pages[pg].key.clone())
        });
        pages
    }

    fn profile_set<'s>(
        &'s self,
        t: &'s ObligationTable,
        column: Option<&'s Column>,
        lang: Lang,
    ) -> ProfileSet<'s> {
        let base = &self.site.config.base_path;
        ProfileSet {
            set: &t.set,
            name: t.name(self.site, lang),
            url: Generated::Comparison(&t.set).url(base, lang),
            total: t.obligations.len(),
            covered: column.map(Column::covered),
            gaps: column
                .map(|c| c.gaps(t))
                .unwrap_or_default()
                .into_iter()
                .map(|id| ObligationRef {
                    id,
                    url: Generated::Obligation(id).url(base, lang),
                })
                .collect(),
            own: column.map_or(0, |c| c.own.len()),
        }
    }

    /// The facts the prefecture's items of a set give per obligation, one column per fact;
    /// `None` where they give none.
    fn profile_item_facts<'s>(
        &'s self,
        t: &'s ObligationTable,
        column: &'s Column,
        lang: Lang,
    ) -> Option<ProfileItemFacts<'s>> {
        let keys: Vec<&str> = t
            .item_fact_keys(self.site)
            .into_iter()
            .filter(|k| {
                let items = column.cells.iter().flatten();
                items
                    .clone()
                    .any(|c| c.item.facts.iter().any(|f| f.key == *k))
            })
            .collect();
        if keys.is_empty() {
            return None;
        }
        let rows = t
            .obligations
            .iter()
            .zip(&column.cells)
            .map(|(o, cells)| FactMatrixRow {
                id: &o.id,
                url: self.path_url(lang, Generated::Obligation(&o.id)),
                cells: keys
                    .iter()
                    .map(|k| self.matrix_cell(cells, k, lang))
                    .collect(),
            })
            .collect();
        Some(ProfileItemFacts {
            set: &t.set,
            name: t.name(self.site, lang),
            labels: keys.iter().map(|k| self.fact_label(k, lang)).collect(),
            rows,
        })
    }
}

/// The prefecture's column of a set's table, where its pages list the set.
fn column_of<'t>(t: &'t ObligationTable, p: &Prefecture) -> Option<&'t Column> {
    t.columns.iter().find(|c| c.prefecture.code == p.code)
}
