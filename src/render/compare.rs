//! The comparison pages: `/compare/` (index), `/compare/SET/` (the matrix), `/obligations/SET-N/`
//! (one obligation across prefectures), `/compare/ID/` (facts), with CSV and JSON beside them.

use serde_json::{json, Map, Value};

use super::{Here, Renderer};
use crate::compare::class_name;
use crate::diagnostics::Diagnostic;
use crate::guidance::obligations::{self, Class};
use crate::model::tables::{Cell, FactTable, ObligationTable, PrefectureItem};
use crate::model::Lang;
use crate::model::{Output, Tables};
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
                t.to_csv(lang),
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

    fn path_url(&self, lang: Lang, generated: Generated) -> String {
        generated.url(&self.site.config.base_path, lang)
    }

    /// Common variables of a generated page below the comparison index.
    fn generated(
        &self,
        lang: Lang,
        page: Generated,
        title: &str,
        under_index: bool,
    ) -> Map<String, Value> {
        let site = self.site;
        let mut ctx = self.common(lang, Here::Path(page.path()));
        let mut crumbs = vec![
            json!({"title": site.title(site.home, lang), "url": site.url(site.home, lang), "lang": site.doc(site.home, lang).lang.code()}),
        ];
        if under_index {
            crumbs.push(json!({"title": self.t(lang, "comparisons"), "url": self.path_url(lang, Generated::CompareIndex), "lang": lang.code()}));
        }
        ctx.insert("breadcrumbs".into(), Value::Array(crumbs));
        ctx.insert("title".into(), json!(title));
        ctx
    }

    fn render_compare_index(&self, tables: &Tables, lang: Lang) -> Result<Output, Diagnostic> {
        let title = self.t(lang, "comparisons");
        let mut ctx = self.generated(lang, Generated::CompareIndex, &title, false);
        let obligations: Vec<Value> = tables
            .obligations
            .iter()
            .map(|t| {
                json!({
                    "name": t.name(self.site, lang),
                    "url": self.path_url(lang, Generated::Comparison(&t.set)),
                    "csv_url": self.path_url(lang, Generated::Table(&t.set, TableFormat::Csv)),
                    "json_url": self.path_url(lang, Generated::Table(&t.set, TableFormat::Json)),
                    "count": t.obligations.len(),
                    "prefectures": t.columns.iter().map(|c| json!({
                        "name": c.prefecture.name(lang),
                        "coverage": format!("{}/{}", c.covered(), t.obligations.len()),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let facts: Vec<Value> = tables
            .facts
            .iter()
            .map(|t| {
                json!({
                    "name": t.name(lang),
                    "url": self.path_url(lang, Generated::Comparison(&t.id)),
                    "csv_url": self.path_url(lang, Generated::Table(&t.id, TableFormat::Csv)),
                    "json_url": self.path_url(lang, Generated::Table(&t.id, TableFormat::Json)),
                    "count": t.columns.len(),
                })
            })
            .collect();
        ctx.insert("obligation_tables".into(), Value::Array(obligations));
        ctx.insert("fact_tables".into(), Value::Array(facts));
        let html = self.render("compare-index.html", ctx)?;
        Ok(Output::text(Generated::CompareIndex.file(lang), html))
    }

    fn cell_value(&self, cell: &Cell, lang: Lang) -> Value {
        let mut v = self.item_value(&cell.item, lang);
        v["class"] = json!(class_name(cell.class));
        v["class_label"] = json!(self.t(lang, &format!("class_{}", class_name(cell.class))));
        v["similarity"] = json!(format!("{:.0}%", cell.similarity * 100.0));
        v["diff_html"] = json!(if cell.class == Class::Verbatim {
            String::new()
        } else {
            obligations::diff_html(&cell.diff)
        });
        v
    }

    fn item_value(&self, e: &PrefectureItem, lang: Lang) -> Value {
        let (t, tl) = e.text(lang);
        json!({
            "text": t.text,
            "detail": t.detail,
            "lang": tl.code(),
            "source": format!("{}#{}", self.site.url(e.page, lang), e.anchor),
            "page_title": self.site.title(e.page, lang),
        })
    }

    fn render_obligation_table(
        &self,
        t: &ObligationTable,
        lang: Lang,
    ) -> Result<Output, Diagnostic> {
        let site = self.site;
        let name = t.name(site, lang).to_string();
        let page = Generated::Comparison(&t.set);
        let mut ctx = self.generated(lang, page, &name, true);
        let columns: Vec<Value> = t
            .columns
            .iter()
            .map(|c| {
                json!({
                    "code": c.prefecture.code, "slug": c.prefecture.slug,
                    "name": c.prefecture.name(lang),
                    "covered": c.covered(), "total": t.obligations.len(),
                    "own": c.own.iter().map(|e| self.item_value(e, lang)).collect::<Vec<_>>(),
                })
            })
            .collect();
        let rows: Vec<Value> = t
            .obligations
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let (text, tl) = o.text(lang);
                json!({
                    "id": o.id, "text": text, "lang": tl.code(),
                    "url": self.path_url(lang, Generated::Obligation(&o.id)),
                    "source": format!("{}#{}", site.url(t.page, lang), o.id),
                    "cells": t.columns.iter().map(|c| c.cells[i].iter().map(|cell| self.cell_value(cell, lang)).collect::<Vec<_>>()).collect::<Vec<_>>(),
                })
            })
            .collect();
        ctx.insert(
            "table".into(),
            json!({
                "set": t.set, "name": name,
                "source": site.url(t.page, lang), "source_title": site.title(t.page, lang),
                "csv_url": self.path_url(lang, Generated::Table(&t.set, TableFormat::Csv)),
                "json_url": self.path_url(lang, Generated::Table(&t.set, TableFormat::Json)),
                "columns": columns, "rows": rows,
            }),
        );
        let html = self.render("compare.html", ctx)?;
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
        let mut ctx = self.generated(
            lang,
            page,
            &format!("{} {}", o.id, t.name(site, lang)),
            true,
        );
        let versions: Vec<Value> = t
            .columns
            .iter()
            .flat_map(|c| {
                c.cells[i].iter().map(move |cell| {
                    let mut v = self.cell_value(cell, lang);
                    v["prefecture"] = json!(c.prefecture.name(lang));
                    v
                })
            })
            .collect();
        let gaps: Vec<&str> = t
            .columns
            .iter()
            .filter(|c| c.cells[i].is_empty())
            .map(|c| c.prefecture.name(lang))
            .collect();
        ctx.insert(
            "obligation".into(),
            json!({
                "id": o.id, "set": t.set, "set_name": t.name(site, lang), "text": text, "lang": tl.code(),
                "source": format!("{}#{}", site.url(t.page, lang), o.id), "source_title": site.title(t.page, lang),
                "compare_url": self.path_url(lang, Generated::Comparison(&t.set)),
                "versions": versions, "gaps": gaps,
            }),
        );
        let html = self.render("obligation.html", ctx)?;
        Ok(Output::text(page.file(lang), html))
    }

    fn render_fact_table(&self, t: &FactTable, lang: Lang) -> Result<Output, Diagnostic> {
        let site = self.site;
        let page = Generated::Comparison(&t.id);
        let mut ctx = self.generated(lang, page, t.name(lang), true);
        let columns: Vec<Value> = t
            .columns
            .iter()
            .map(|&p| {
                let pref = site.docs[site.pages[p].ja].front.prefecture;
                json!({
                    "title": site.title(p, lang), "url": site.url(p, lang), "lang": site.doc(p, lang).lang.code(),
                    "prefecture": pref.map(|pr| pr.name(lang)),
                })
            })
            .collect();
        let rows: Vec<Value> = t
            .rows
            .iter()
            .map(|(key, values)| {
                json!({
                    "key": key,
                    "label": site.config.facts.get(key).map_or(key.as_str(), |d| d.label(lang)),
                    "values": values.iter().map(|v| v.as_ref().map(|c| json!({
                        "raw": c.raw,
                        "value": c.value.display(lang),
                    }))).collect::<Vec<_>>(),
                })
            })
            .collect();
        ctx.insert(
            "table".into(),
            json!({
                "id": t.id, "name": t.name(lang),
                "csv_url": self.path_url(lang, Generated::Table(&t.id, TableFormat::Csv)),
                "json_url": self.path_url(lang, Generated::Table(&t.id, TableFormat::Json)),
                "columns": columns, "rows": rows,
            }),
        );
        let html = self.render("facts.html", ctx)?;
        Ok(Output::text(page.file(lang), html))
    }
}
