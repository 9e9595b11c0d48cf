//! The one pipeline shared by every command: load → parse → link → render.
//! `build` writes its outputs; `check` stops before writing; `serve` keeps them in memory.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::compare::Tables;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::link::{self, Site};
use crate::load;
use crate::load::config::Config;
use crate::markdown;
use crate::markdown::glossary::Glossary;
use crate::model::{Asset, Doc, Lang};
use crate::render::theme::{self, Theme};
use crate::render::{self, Content, Job, Output, Renderer};
use crate::timing::Stages;
use crate::{
    check::links, check::paths, markdown::highlight, render::feeds, render::search, write,
};

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publish pages marked `draft: true`.
    pub drafts: bool,
    /// Replaces `base_url` from site.yaml.
    pub base_url: Option<String>,
    /// Rendering for the preview server.
    pub serve: bool,
}

/// Where a build's files go as they are made, batch by batch (a later file for the same path
/// replaces an earlier one).
pub trait Sink: Send {
    fn write(&mut self, outputs: &[Output]) -> Result<(), Diagnostic>;
}

/// For `check`: the files are made and checked, then dropped.
pub struct Discard;

impl Sink for Discard {
    fn write(&mut self, _: &[Output]) -> Result<(), Diagnostic> {
        Ok(())
    }
}

impl Sink for write::Staging {
    fn write(&mut self, outputs: &[Output]) -> Result<(), Diagnostic> {
        write::Staging::write(self, outputs)
    }
}

/// Page jobs rendered at a time: enough to keep every core busy, few enough that a large site's
/// HTML never sits in memory whole.
const BATCH: usize = 1024;

/// Tag pages rendered at a time.
const TAG_BATCH: usize = 4;

/// A site that went through every stage without an error.
pub struct Built {
    pub site: Site,
    pub tables: Tables,
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

/// Runs load → parse → link → render, handing every file to `sink` as it is made. Errors and
/// warnings come back together when anything failed; the sink may then have had some files.
pub fn run(root: &Path, options: &Options, sink: &mut dyn Sink) -> Result<Built, Diagnostics> {
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
    let renderer = Renderer::new(&site, &tables, &theme, root, options.serve);
    let mut render = Render::new(&renderer, sink);
    // The pages and tag pages are rendered batch by batch. Everything else first: few files,
    // whose paths with the pages' and the site files' are every path of the output, which the
    // link check needs before the first page.
    let (streamed, first): (Vec<Job>, Vec<Job>) = renderer
        .jobs()
        .into_iter()
        .partition(|&j| renderer.output_path(j).is_some());
    let (pages, tags): (Vec<Job>, Vec<Job>) = streamed
        .into_iter()
        .partition(|j| matches!(j, Job::Page(..)));
    let (first, first_entries) = render.jobs(&first);
    // Every path is known now, before anything is written: one source each (SPEC §12).
    let streamed_jobs = pages.iter().chain(&tags).copied();
    let claims = paths::claims(&renderer, &first, streamed_jobs, &site_static);
    let clashes = paths::check(&claims);
    if !clashes.is_empty() {
        diags.extend(clashes);
        return Err(diags);
    }
    let mut paths = static_paths(&site.config, Some(&theme), &site_static);
    paths.extend(site.assets.iter().map(|a| a.rel.clone()));
    paths.extend(first.iter().map(|o| o.path.clone()));
    let streamed = pages.iter().chain(&tags);
    paths.extend(streamed.filter_map(|&job| renderer.output_path(job)));
    paths.extend(site.config.languages.iter().map(|&l| search::index_path(l)));
    render.out.links = Some(links::Checker::new(
        &site.config.base_path,
        &site.config.base_url,
        paths.into_iter(),
    ));
    render.out.hand_over((first, first_entries));
    // A tag page lists every page with the tag: on a large site, a few megabytes each.
    let mut previous = None;
    for batch in pages.chunks(BATCH).chain(tags.chunks(TAG_BATCH)) {
        previous = Some(render.jobs_beside(batch, previous.take()));
    }
    let mut out = render.out;
    out.hand_over(previous.unwrap_or_default());
    let indexes = std::mem::take(&mut out.indexes);
    let index_files = indexes.into_iter().flat_map(search::IndexWriter::finish);
    out.hand_over((index_files.collect(), Vec::new()));
    // The sitemap of a large site is tens of megabytes: its files go one by one.
    feeds::sitemaps(&site, &mut |file| out.hand_over((vec![file], Vec::new())));
    // Last, so the site's own static files replace rendered ones of the same path.
    let mut files = fixed_files(&site, &theme, &site_static);
    dedup_outputs(&mut files);
    out.hand_over((files, Vec::new()));
    out.timings.report();
    let HandOver { errors, links, .. } = out;
    if !errors.is_empty() {
        diags.extend(render::once_each(errors));
        return Err(diags);
    }
    // Templates write links too: every internal href, src and anchor must land.
    let broken = links.map(|l| l.finish(&site)).unwrap_or_default();
    stages.done("render, check and write");
    if !broken.is_empty() {
        diags.extend(broken);
        return Err(diags);
    }
    Ok(Built {
        site,
        tables,
        diagnostics: diags,
        elapsed: started.elapsed(),
    })
}

/// The render stage of a build: jobs rendered batch by batch, each batch's files link-checked,
/// their search entries added to the index, and the files handed to the sink.
struct Render<'r, 's> {
    renderer: &'r Renderer<'r>,
    out: HandOver<'s>,
}

/// What happens to rendered files: link check, search index, sink.
struct HandOver<'s> {
    sink: &'s mut dyn Sink,
    indexes: Vec<search::IndexWriter>,
    /// Set once every output path is known.
    links: Option<links::Checker>,
    /// Template errors so far; once there is one, nothing more is handed over.
    errors: Vec<Diagnostic>,
    timings: RenderTimings,
}

impl<'r, 's> Render<'r, 's> {
    fn new(renderer: &'r Renderer<'r>, sink: &'s mut dyn Sink) -> Self {
        let languages = &renderer.site.config.languages;
        Render {
            renderer,
            out: HandOver {
                sink,
                indexes: languages
                    .iter()
                    .map(|&l| search::IndexWriter::new(l))
                    .collect(),
                links: None,
                errors: Vec::new(),
                timings: RenderTimings::default(),
            },
        }
    }

    fn jobs(&mut self, jobs: &[Job]) -> render::Rendered {
        let (rendered, took) = render_timed(self.renderer, jobs);
        self.out.timings.render += took;
        self.out.keep(rendered)
    }

    /// Renders `jobs` while the previous batch is handed over. Rendering is parallel, the
    /// hand-over mostly sequential: side by side they keep every core busy.
    fn jobs_beside(
        &mut self,
        jobs: &[Job],
        previous: Option<render::Rendered>,
    ) -> render::Rendered {
        let renderer = self.renderer;
        let out = &mut self.out;
        let ((rendered, took), ()) = rayon::join(
            || render_timed(renderer, jobs),
            || out.hand_over(previous.unwrap_or_default()),
        );
        self.out.timings.render += took;
        self.out.keep(rendered)
    }
}

fn render_timed(
    renderer: &Renderer,
    jobs: &[Job],
) -> (Result<render::Rendered, Vec<Diagnostic>>, Duration) {
    let started = Instant::now();
    let rendered = renderer.render_jobs(jobs);
    (rendered, started.elapsed())
}

impl HandOver<'_> {
    /// The files of a rendered batch, or nothing when it failed (its errors are kept).
    fn keep(&mut self, rendered: Result<render::Rendered, Vec<Diagnostic>>) -> render::Rendered {
        rendered.unwrap_or_else(|errors| {
            self.errors.extend(errors);
            Default::default()
        })
    }

    fn hand_over(&mut self, (mut outputs, entries): render::Rendered) {
        if !self.errors.is_empty() || (outputs.is_empty() && entries.is_empty()) {
            return;
        }
        let started = Instant::now();
        if let Some(links) = &mut self.links {
            links.check(&outputs);
        }
        let checked = Instant::now();
        self.timings.check += checked - started;
        let entries: Vec<(Lang, String)> = entries
            .into_par_iter()
            .map(|(lang, entry)| (lang, entry.to_json()))
            .collect();
        for (lang, json) in entries {
            let index = self.indexes.iter_mut().find(|i| i.lang() == lang);
            outputs.extend(index.and_then(|i| i.add_json(&json)));
        }
        let indexed = Instant::now();
        self.timings.index += indexed - checked;
        if let Err(e) = self.sink.write(&outputs) {
            self.errors.push(e);
        }
        self.timings.write += indexed.elapsed();
    }
}

/// Where the render stage's time goes (printed with `SHISHIN_TIMINGS`).
#[derive(Default)]
struct RenderTimings {
    render: Duration,
    check: Duration,
    index: Duration,
    write: Duration,
}

impl RenderTimings {
    fn report(&self) {
        crate::timing::report("  render", self.render);
        crate::timing::report("  check links", self.check);
        crate::timing::report("  search index", self.index);
        crate::timing::report("  write", self.write);
    }
}

/// Runs load → parse → link → compare: every check except the templates'.
pub fn model(root: &Path, options: &Options) -> Result<Model, Diagnostics> {
    let mut stages = Stages::start();
    let mut diags = Diagnostics::default();
    let config = load_config(root, options)?;
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
    parse(&mut docs, config.markdown.raw_html, &mut diags);
    stages.done("parse");

    let site_static = static_files(root);
    let paths = static_paths(&config, theme.as_ref(), &site_static);
    // A broken theme is already in `diags`, so this reports the content's errors beside it.
    let docs = docs.into_iter().map(Arc::new).collect();
    let glossary = load_glossary(root, &mut diags);
    let (site, tables) = link_and_compare(
        config,
        glossary,
        docs,
        loaded.assets,
        &paths,
        &dropped,
        &mut diags,
    )?;
    stages.done("link and compare");
    let Some(theme) = theme else {
        return Err(diags);
    };
    Ok(Model {
        site,
        tables,
        theme,
        site_static,
        diagnostics: diags,
    })
}

/// `site.yaml`, with `--base-url` applied.
pub fn load_config(root: &Path, options: &Options) -> Result<Config, Diagnostics> {
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
    Ok(config)
}

/// `content/glossary.yaml` (empty without one); its errors go to `diags`.
pub fn load_glossary(root: &Path, diags: &mut Diagnostics) -> Glossary {
    Glossary::load(root).unwrap_or_else(|errors| {
        diags.extend(errors);
        Glossary::default()
    })
}

/// Parse stage: what each document's Markdown says, in parallel.
pub fn parse(docs: &mut [Doc], raw_html: crate::load::config::RawHtml, diags: &mut Diagnostics) {
    let scans: Vec<_> = docs
        .par_iter()
        .map(|d| markdown::scan(d, raw_html))
        .collect();
    for (doc, (parsed, ds)) in docs.iter_mut().zip(scans) {
        doc.parsed = parsed;
        diags.extend(ds);
    }
}

/// Files of the site's own `static/` folder.
pub fn static_files(root: &Path) -> Vec<(String, PathBuf)> {
    theme::list_files(root, &root.join("static"))
}

/// Every path below the output root that is not a page: what plain links may point to.
pub fn static_paths(
    config: &Config,
    theme: Option<&Theme>,
    site_static: &[(String, PathBuf)],
) -> HashSet<String> {
    let mut paths = generated_files(config);
    let theme_files = theme.iter().flat_map(|t| t.static_files.iter());
    paths.extend(theme_files.map(|(rel, _)| rel.clone()));
    paths.extend(site_static.iter().map(|(rel, _)| rel.clone()));
    paths
}

/// Link and compare stages. `None` when either found an error (they are in `diags`).
pub fn link_and_compare(
    config: Config,
    glossary: Glossary,
    docs: Vec<Arc<Doc>>,
    assets: Vec<Asset>,
    static_paths: &HashSet<String>,
    dropped_drafts: &HashSet<String>,
    diags: &mut Diagnostics,
) -> Result<(Site, Tables), Diagnostics> {
    let site = link::link(config, docs, assets, static_paths, dropped_drafts, diags);
    let mut site = match site {
        Some(site) if !diags.has_errors() => site,
        _ => return Err(std::mem::take(diags)),
    };
    site.glossary = glossary;
    crate::render::search::check_reserved(&site, diags);
    let tables = Tables::build(&site, diags);
    if diags.has_errors() {
        return Err(std::mem::take(diags));
    }
    Ok((site, tables))
}

/// Everything of the output that no template renders: feeds, the sitemap, the highlighting
/// stylesheet, the theme's and the site's static files, and the content's assets.
pub fn site_files(site: &Site, theme: &Theme, site_static: &[(String, PathBuf)]) -> Vec<Output> {
    let mut outputs = Vec::new();
    feeds::sitemaps(site, &mut |file| outputs.push(file));
    outputs.extend(fixed_files(site, theme, site_static));
    outputs
}

/// [`site_files`] less the sitemap.
fn fixed_files(site: &Site, theme: &Theme, site_static: &[(String, PathBuf)]) -> Vec<Output> {
    let mut outputs = feeds::outputs(site);
    outputs.push(Output::text("syntax.css", highlight::stylesheet()));
    // Theme files first, then the site's own static/ over them, then content assets.
    let copies = theme.static_files.iter().chain(site_static.iter());
    outputs.extend(copies.map(|(rel, path)| copy(rel, path)));
    outputs.extend(site.assets.iter().map(|a| copy(&a.rel, &a.source)));
    outputs
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
fn drop_drafts(docs: Vec<Doc>, keep: bool) -> (Vec<Doc>, HashSet<String>) {
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
pub fn dedup_outputs(outputs: &mut Vec<Output>) {
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
