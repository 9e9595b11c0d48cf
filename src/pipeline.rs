//! The one pipeline shared by every command: load → parse → link → render.
//! `build` writes its outputs; `check` stops before writing; `serve` keeps them in memory.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::compare::Tables;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::link::{self, Site};
use crate::load;
use crate::markdown;
use crate::model::Lang;
use crate::render::{Content, Output, Renderer};
use crate::theme::{self, Theme};
use crate::timing::Stages;
use crate::{feeds, highlight};

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publish pages marked `draft: true`.
    pub drafts: bool,
    /// Replaces `base_url` from site.yaml.
    pub base_url: Option<String>,
    /// Rendering for the preview server.
    pub serve: bool,
}

/// A site that went through every stage without an error.
pub struct Built {
    pub site: Site,
    pub tables: Tables,
    pub outputs: Vec<Output>,
    /// Warnings only.
    pub diagnostics: Diagnostics,
    pub elapsed: Duration,
}

impl Built {
    /// The one-line summary `build` prints.
    pub fn summary(&self) -> String {
        let site = &self.site;
        let pages = site.pages.len();
        let translated = site.pages.iter().filter(|p| p.en.is_some()).count();
        let langs: Vec<String> = site
            .config
            .languages
            .iter()
            .map(|l| match l {
                Lang::Ja => format!("{pages} pages in ja"),
                Lang::En => format!("{pages} in en ({translated} translated)"),
            })
            .collect();
        let tags: usize = site.tags.get(&Lang::Ja).map_or(0, |t| t.len());
        let comparisons = self.tables.obligations.len() + self.tables.facts.len();
        format!(
            "{}, {} tags, {} comparisons, {} warnings, in {} ms",
            langs.join(", "),
            tags,
            comparisons,
            self.diagnostics.warnings(),
            self.elapsed.as_millis()
        )
    }
}

/// The linked site and its comparisons, ready to render: what `compare` and `i18n status` need.
pub struct Model {
    pub site: Site,
    pub tables: Tables,
    pub theme: Theme,
    /// Files of the site's own `static/` folder.
    pub site_static: Vec<(String, PathBuf)>,
    /// Warnings only.
    pub diagnostics: Diagnostics,
}

/// Runs load → parse → link → render. Errors and warnings come back together when anything failed.
pub fn run(root: &Path, options: &Options) -> Result<Built, Diagnostics> {
    let mut outputs = Vec::new();
    let mut built = run_in_batches(root, options, usize::MAX, &mut |batch| {
        outputs.extend(batch);
        Ok(())
    })?;
    dedup_outputs(&mut outputs);
    built.outputs = outputs;
    Ok(built)
}

/// Like [`run`], but hands the outputs to `sink` in batches of about `batch` pages as they are
/// rendered (`build` writes each batch at once), so memory does not grow with the site's HTML.
/// Within and across batches, a later output for the same path replaces an earlier one. The
/// returned [`Built`] has no outputs.
pub fn run_in_batches(
    root: &Path,
    options: &Options,
    batch: usize,
    sink: &mut dyn FnMut(Vec<Output>) -> Result<(), Diagnostic>,
) -> Result<Built, Diagnostics> {
    let started = Instant::now();
    let mut stages = Stages::start();
    let Model {
        site,
        tables,
        theme,
        site_static,
        diagnostics: mut diags,
    } = model(root, options)?;
    stages.done("model");
    let renderer = Renderer {
        site: &site,
        tables: &tables,
        theme: &theme,
        root,
        serve: options.serve,
    };
    if let Err(errors) = renderer.render_in_batches(batch, sink) {
        diags.extend(errors);
        return Err(diags);
    }
    stages.done("render");
    let mut outputs = feeds::outputs(&site);
    outputs.push(Output::text("syntax.css", highlight::stylesheet()));
    // Theme files first, then the site's own static/ over them, then content assets.
    let copies = theme.static_files.iter().chain(site_static.iter());
    outputs.extend(copies.map(|(rel, path)| copy(rel, path)));
    outputs.extend(site.assets.iter().map(|a| copy(&a.rel, &a.source)));
    dedup_outputs(&mut outputs);
    if let Err(e) = sink(outputs) {
        diags.push(e);
        return Err(diags);
    }
    stages.done("feeds");
    Ok(Built {
        site,
        tables,
        outputs: Vec::new(),
        diagnostics: diags,
        elapsed: started.elapsed(),
    })
}

/// Runs load → parse → link → compare: every check except the templates'.
pub fn model(root: &Path, options: &Options) -> Result<Model, Diagnostics> {
    let mut stages = Stages::start();
    let mut diags = Diagnostics::default();
    let mut config = match Config::load(root) {
        Ok(c) => c,
        Err(errors) => {
            diags.extend(errors);
            return Err(diags);
        }
    };
    if let Some(url) = &options.base_url {
        if let Err(e) = config.set_base_url(url) {
            diags.push(e);
            return Err(diags);
        }
    }
    let theme = match Theme::load(root, &config.theme) {
        Ok(t) => Some(t),
        Err(errors) => {
            diags.extend(errors);
            None
        }
    };

    stages.done("config");
    let loaded = load::load_content(root, &config, &mut diags);
    stages.done("load");
    let (mut docs, dropped) = drop_drafts(loaded.docs, options.drafts);
    let scans: Vec<_> = docs.par_iter().map(markdown::scan).collect();
    for (doc, (parsed, ds)) in docs.iter_mut().zip(scans) {
        doc.parsed = parsed;
        diags.extend(ds);
    }
    stages.done("parse");

    let site_static = theme::list_files(&root.join("static"));
    let mut static_paths: HashSet<String> = generated_files(&config);
    if let Some(t) = &theme {
        static_paths.extend(t.static_files.iter().map(|(rel, _)| rel.clone()));
    }
    static_paths.extend(site_static.iter().map(|(rel, _)| rel.clone()));

    let site = link::link(
        config,
        docs,
        loaded.assets,
        &static_paths,
        &dropped,
        &mut diags,
    );
    stages.done("link");
    let (Some(site), Some(theme)) = (site, theme) else {
        return Err(diags);
    };
    if diags.has_errors() {
        return Err(diags);
    }

    let tables = Tables::build(&site, &mut diags);
    stages.done("compare");
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Model {
        site,
        tables,
        theme,
        site_static,
        diagnostics: diags,
    })
}

fn copy(rel: &str, path: &Path) -> Output {
    Output {
        path: rel.to_string(),
        content: Content::Copy(PathBuf::from(path)),
    }
}

/// Files shishin itself writes at the root, which plain links may point to.
fn generated_files(config: &Config) -> HashSet<String> {
    let mut files: HashSet<String> = ["syntax.css", "sitemap.xml", "robots.txt"]
        .map(String::from)
        .into();
    for l in &config.languages {
        files.insert(format!("{}atom.xml", l.url_prefix()));
        files.insert(format!("{}404.html", l.url_prefix()));
    }
    files
}

/// Leaves drafts out unless asked; returns the keys of the pages left out, to explain broken links.
fn drop_drafts(
    docs: Vec<crate::model::Doc>,
    keep: bool,
) -> (Vec<crate::model::Doc>, HashSet<String>) {
    if keep {
        return (docs, HashSet::new());
    }
    let dropped = docs
        .iter()
        .filter(|d| d.front.draft && d.lang == Lang::Ja)
        .map(|d| d.key.clone())
        .collect();
    let kept = docs.into_iter().filter(|d| !d.front.draft).collect();
    (kept, dropped)
}

/// A later output for the same path replaces an earlier one (the site's static/ over the theme's).
fn dedup_outputs(outputs: &mut Vec<Output>) {
    let mut seen = HashSet::new();
    let mut keep = vec![false; outputs.len()];
    for (i, o) in outputs.iter().enumerate().rev() {
        keep[i] = seen.insert(o.path.clone());
    }
    let mut i = 0;
    outputs.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}
