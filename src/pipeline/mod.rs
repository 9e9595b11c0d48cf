//! The one driver of every command: load → parse → link → compare → render → check. `build`
//! writes its outputs; `check` stops before writing; `serve`'s rebuild (`serve::rebuild`) keeps
//! them in memory and re-renders only what an edit affects, through the same pieces: the setup
//! ([`setup`]), one document at a time ([`document`]), the render of a list of jobs ([`jobs`]),
//! the output paths with their sources ([`outputs`]) and the output checks (`check`).

mod batches;
pub mod cache;
pub mod document;
mod index;
pub mod jobs;
pub mod outputs;
pub mod parsed;
pub mod setup;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::check::links;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::link;
use crate::load;
use crate::messages::Text;
use crate::model::Config;
use crate::model::Glossary;
use crate::model::Output;
use crate::model::Site;
use crate::model::Tables;
use crate::model::{Asset, Doc, Lang};
use crate::msg;
use crate::render::inputs::{document_digest, Inputs};
use crate::render::relative::Relative;
use crate::render::theme::Theme;
use crate::render::{self, Job, Renderer};
use crate::timing::Stages;
use crate::{render::feeds, write};

use batches::{Batch, HandOver, Incremental, Render};
use cache::Key;
pub use outputs::{dedup_outputs, site_files};
pub use setup::{load_config, load_glossary, static_files, static_paths, BrokenSetup, Setup};

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publish pages marked `draft: true`.
    pub drafts: bool,
    /// Replaces `base_url` from site.yaml.
    pub base_url: Option<String>,
    /// Rendering for the preview server.
    pub serve: bool,
    /// Every internal URL relative, for a folder opened from disk (`build --relative`).
    pub relative: bool,
    /// Ignore the render cache the last build left (and replace it).
    pub clean: bool,
}

/// Where a build's files go as they are made, batch by batch (a later file for the same path
/// replaces an earlier one).
pub trait Sink: Send {
    fn write(&mut self, outputs: &[Output]) -> Result<(), Diagnostic>;

    /// Where the render cache of this output is kept; `None`: no cache.
    fn cache_dir(&self) -> Option<PathBuf> {
        None
    }

    /// Whether the previous output holds `path` with bytes of hash `hash`, unchanged.
    fn holds(&self, _path: &str, _hash: u128) -> bool {
        false
    }

    /// Looks up these files of the previous output ahead, all at once, before [`Sink::holds`] is
    /// asked about them one by one.
    fn look_up(&self, _paths: &[&str]) {}

    /// Keeps files of the previous output, each one it [`Sink::holds`].
    fn keep(&mut self, _files: &[(String, u128)]) -> Result<(), Diagnostic> {
        Ok(())
    }

    /// The hash of the bytes of a file written or kept.
    fn hash_of(&self, _path: &str) -> Option<u128> {
        None
    }

    /// A file of the previous output, read back.
    fn previous(&self, _path: &str) -> Option<String> {
        None
    }

    /// What to run just before the output is replaced and once it is in place.
    fn on_commit(
        &mut self,
        _before: Box<dyn FnOnce() + Send + Sync>,
        _after: Box<dyn FnOnce() + Send + Sync>,
    ) {
    }
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

    fn cache_dir(&self) -> Option<PathBuf> {
        Some(write::Staging::cache_dir(self))
    }

    fn holds(&self, path: &str, hash: u128) -> bool {
        write::Staging::holds(self, path, hash)
    }

    fn look_up(&self, paths: &[&str]) {
        write::Staging::look_up(self, paths)
    }

    fn keep(&mut self, files: &[(String, u128)]) -> Result<(), Diagnostic> {
        write::Staging::keep(self, files)
    }

    fn hash_of(&self, path: &str) -> Option<u128> {
        write::Staging::hash_of(self, path)
    }

    fn previous(&self, path: &str) -> Option<String> {
        write::Staging::previous(self, path)
    }

    fn on_commit(
        &mut self,
        before: Box<dyn FnOnce() + Send + Sync>,
        after: Box<dyn FnOnce() + Send + Sync>,
    ) {
        write::Staging::on_commit(self, before, after);
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
    pub warnings: Diagnostics,
    pub elapsed: Duration,
    /// Why the render cache kept from the last build was not used, when it could not be trusted.
    pub note: Option<Text>,
}

impl Built {
    /// The one-line summary `build` prints.
    pub fn summary(&self) -> Text {
        let site = &self.site;
        let pages = site.pages.len();
        let translated = site.pages.iter().filter(|p| p.en.is_some()).count();
        let langs: Vec<Text> = site
            .config
            .languages
            .iter()
            .map(|l| match l {
                Lang::Ja => msg!("summary-pages-ja", pages = pages),
                Lang::En => msg!("summary-pages-en", pages = pages, translated = translated),
            })
            .collect();
        let tags: usize = site.tags.get(&Lang::Ja).map_or(0, |t| t.len());
        let comparisons = self.tables.obligations.len() + self.tables.facts.len();
        msg!(
            "summary",
            languages = Text::join(&langs),
            tags = tags,
            comparisons = comparisons,
            warnings = self.warnings.warnings(),
            ms = self.elapsed.as_millis() as u64
        )
    }
}

/// The linked site and its comparisons with the theme, ready to render: what `compare` and
/// `i18n status` need, and where `build` and `check` go on to render.
pub struct Prepared {
    pub site: Site,
    pub tables: Tables,
    pub theme: Theme,
    /// Files of the site's own `static/` folder.
    pub site_static: Vec<(String, PathBuf)>,
    /// Warnings only.
    pub warnings: Diagnostics,
}

/// Runs load → parse → link → render, handing every file to `sink` as it is made. Errors and
/// warnings come back together when anything failed; the sink may then have had some files.
pub fn run(root: &Path, options: &Options, sink: &mut dyn Sink) -> Result<Built, Diagnostics> {
    let started = Instant::now();
    let mut stages = Stages::start();
    // With a render cache, the build also keeps what it parsed (`parsed`), for the same key.
    let key = sink.cache_dir().map(|_| Key::new(root, options));
    let parse_cache = sink
        .cache_dir()
        .zip(key.clone())
        .map(|(dir, key)| parsed::Parsed::load(&dir, key, options.clean));
    let Prepared {
        site,
        tables,
        theme,
        site_static,
        warnings: mut diags,
    } = prepare_with(root, options, parse_cache.as_ref())?;
    stages.done("model");
    let renderer = Renderer::new(&site, &tables, &theme, root, options.serve);
    // With a render cache, each job's inputs are fingerprinted; documents by their text.
    let (incremental, note) = match (sink.cache_dir(), key) {
        (Some(dir), Some(key)) => {
            let (incremental, note) = Incremental::start(&dir, key, options);
            (Some(incremental), note)
        }
        _ => (None, None),
    };
    let digests: Vec<u128> = match incremental {
        Some(_) => site.docs.par_iter().map(|d| document_digest(d)).collect(),
        None => Vec::new(),
    };
    let inputs = incremental.as_ref().map(|_| Inputs::new(&site, &digests));
    stages.done("fingerprints");
    let mut render = Render::new(&renderer, sink, inputs, incremental);
    // The pages and tag pages are rendered batch by batch. Everything else first: few files,
    // whose paths with the pages' and the site files' are every path of the output, which the
    // link check needs before the first page.
    let (streamed, first): (Vec<Job>, Vec<Job>) = renderer
        .jobs()
        .into_iter()
        .partition(|&j| renderer.output_path(j).is_some());
    let (pages, tags): (Vec<Job>, Vec<Job>) = streamed
        .into_iter()
        .partition(|j| matches!(j, Job::Page(..) | Job::Changes(..)));
    let first = render.jobs(&first);
    // Every path is known now, before anything is written: one source each (SPEC §12).
    let made = first.paths();
    let streamed_jobs = pages.iter().chain(&tags).copied();
    let paths = match outputs::plan(&renderer, made, streamed_jobs, &site_static) {
        Ok(paths) => paths,
        Err(clashes) => {
            diags.extend(clashes);
            return Err(diags);
        }
    };
    if let Some(incremental) = &mut render.out.incremental {
        incremental.set_paths(&paths);
    }
    let checker = links::Checker::new(
        &site.config.base_path,
        &site.config.base_url,
        paths.into_iter(),
    );
    render.out.links = Some(if options.relative {
        checker.for_files()
    } else {
        checker
    });
    render.out.relative = options.relative.then(|| Relative::new(&site.config));
    render.out.hand_over(first);
    // A tag page lists every page with the tag: on a large site, a few megabytes each.
    let mut previous = None;
    for batch in pages.chunks(BATCH).chain(tags.chunks(TAG_BATCH)) {
        previous = Some(render.jobs_beside(batch, previous.take()));
    }
    let mut out = render.out;
    out.hand_over(previous.unwrap_or_default());
    out.finish_index();
    // The sitemap of a large site is tens of megabytes: its files go one by one.
    feeds::sitemaps(&site, &mut |file| out.hand_over(Batch::files(vec![file])));
    // Last, so the site's own static files replace rendered ones of the same path.
    let mut files = outputs::fixed_files(&site, &theme, &site_static);
    dedup_outputs(&mut files);
    out.hand_over(Batch::files(files));
    out.check_kept_again();
    out.save_cache_on_commit();
    out.timings.report();
    let HandOver { errors, links, .. } = out;
    if !errors.is_empty() {
        diags.extend(render::once_each(errors));
        return Err(diags);
    }
    // Templates write links too: every internal href, src and anchor must land.
    let checked = links.map_or(Ok(()), |l| l.finish(&site));
    stages.done("render, check and write");
    if let Err(broken) = checked {
        diags.extend(broken);
        return Err(diags);
    }
    Ok(Built {
        site,
        tables,
        warnings: diags,
        elapsed: started.elapsed(),
        note,
    })
}

/// Runs load → parse → link → compare: every check except the templates'.
pub fn prepare(root: &Path, options: &Options) -> Result<Prepared, Diagnostics> {
    prepare_with(root, options, None)
}

/// [`prepare`] with the parse cache of a build ([`parsed`]).
fn prepare_with(
    root: &Path,
    options: &Options,
    cache: Option<&parsed::Parsed>,
) -> Result<Prepared, Diagnostics> {
    let mut stages = Stages::start();
    // The pages are read while the theme is compiled.
    let (setup, content) = Setup::load_beside(root, options, |config| {
        let mut diags = Diagnostics::default();
        let listing = load::list_content(root, &mut diags);
        let (docs, absent) = document::read_all(
            root,
            &listing.markdown,
            config,
            options.drafts,
            cache,
            &mut diags,
        );
        (listing, docs, absent, diags)
    });
    // A broken theme or glossary is reported beside the content's errors.
    let (config, mut setup, mut diags) = match setup {
        Ok(setup) => (setup.config.clone(), Some(setup), Diagnostics::default()),
        Err(BrokenSetup {
            config: Some(config),
            diags,
        }) => (*config, None, diags),
        Err(BrokenSetup {
            config: None,
            diags,
        }) => return Err(diags),
    };
    let Some((listing, docs, absent, found)) = content else {
        return Err(diags);
    };
    diags.extend(found);
    stages.done("config, load and parse");

    let site_static = match &setup {
        Some(setup) => setup.site_static.clone(),
        None => static_files(root),
    };
    let paths = static_paths(&config, setup.as_ref().map(|s| &s.theme), &site_static);
    let docs = docs.into_iter().map(Arc::new).collect();
    let glossary = setup.as_mut().map(|s| std::mem::take(&mut s.glossary));
    let linked = link_and_compare(
        config,
        glossary.unwrap_or_default(),
        docs,
        listing.assets,
        &paths,
        &absent,
        &mut diags,
    );
    let Some((site, tables)) = linked else {
        return Err(diags);
    };
    stages.done("link and compare");
    let Some(setup) = setup else {
        return Err(diags);
    };
    Ok(Prepared {
        site,
        tables,
        theme: setup.theme,
        site_static,
        warnings: diags,
    })
}

/// Link and compare stages. `None` when `diags` holds an error, theirs or an earlier stage's:
/// nothing is rendered from a site with a mistake.
pub fn link_and_compare(
    config: Config,
    glossary: Glossary,
    docs: Vec<Arc<Doc>>,
    assets: Vec<Asset>,
    static_paths: &HashSet<String>,
    absent: &link::Absent,
    diags: &mut Diagnostics,
) -> Option<(Site, Tables)> {
    let site = link::link(config, glossary, docs, assets, static_paths, absent, diags);
    let site = site.filter(|_| !diags.has_errors())?;
    let tables = Tables::build(&site, diags);
    (!diags.has_errors()).then_some((site, tables))
}
