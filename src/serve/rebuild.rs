//! Incremental rebuilds for `serve`: the preview keeps every loaded document and every rendered
//! output in memory. An edit reloads only the files it touched and re-renders only the jobs whose
//! inputs changed (`render::inputs`). An edit to `site.yaml` or the theme rebuilds everything.
//!
//! How much is linked again depends on the edit. A page's text alone: nothing, the edited
//! documents are patched into the last site. What other pages show of a page (title,
//! description, tags) or its links and anchors: only what the edit touches (`link::relink`),
//! and only the jobs that may show it are fingerprinted (`affected_jobs`; in debug builds every
//! other job's fingerprint is checked to be as it was). Files added, removed or moved, a slug,
//! a date, obligations, facts, a new tag: the whole site, as `build` links it.
//!
//! Every step is the build's own (`pipeline`): the same setup, the same per-document load and
//! parse, the same render of a list of jobs and the same output checks — one source per output
//! path, and every internal link and anchor of what was rendered again resolving in the whole
//! site. So a rebuild fails exactly where `build` would, and the last good site stays served.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::check::links::{self, Passed};
use crate::diagnostics::Diagnostics;
use crate::guidance::obligations::ObligationId;
use crate::guidance::prefecture::Prefecture;
use crate::link;
use crate::load::{self, Listing};
use crate::messages::Text;
use crate::model::{Config, Content, Doc, Lang, Output, Site, Tables};
use crate::msg;
use crate::pipeline::cache::JobKey;
use crate::pipeline::jobs::{self, Finished};
use crate::pipeline::{self, document, outputs, Options, Setup};
use crate::render::inputs::{Fingerprint, Inputs};
use crate::render::{feeds, search};
use crate::render::{Job, Renderer};
use crate::timing::Stages;
use crate::urls::{self, Generated};

/// The site as the preview serves it, and everything needed to update it after an edit.
pub struct Preview {
    root: PathBuf,
    options: Options,
    setup: Option<Setup>,
    /// Every Markdown file of `content/`, loaded and parsed, by path.
    docs: HashMap<PathBuf, CachedDoc>,
    /// The last generation given to a loaded document.
    generation: u64,
    /// Per render job: the fingerprint of its inputs and the outputs it made.
    jobs: HashMap<JobKey, (Fingerprint, Vec<String>)>,
    /// What the server answers: path below the site root → content.
    outputs: HashMap<String, Content>,
    /// What the search index holds of each page job.
    entries: HashMap<JobKey, (Lang, search::SearchEntry)>,
    /// The search index files of each language, made when first asked for after a change.
    search_index: Mutex<HashMap<Lang, Vec<Output>>>,
    /// The outputs no template renders (feeds, static files, assets), by path.
    files: HashSet<String>,
    /// The last good site, kept for edits that leave every page's structure as it was.
    last: Option<(Site, Tables)>,
    /// The last listing of `content/`, kept for edits that add or remove no file.
    listing: Option<Listing>,
    /// What the outputs in `files` were made from, to skip them when it did not change.
    files_key: u64,
    /// The paths and anchors of the site served, which the links of a rebuild must land on.
    links: links::Kept,
    /// Per document of the last good site (by `DocId`): its generation, what fingerprints know
    /// it by.
    generations: Vec<u128>,
    /// The pages of the last good site that exist but have no document (drafts, unreadable).
    absent: link::Absent,
    /// The last update failed: the last good site is older than the documents read since, so
    /// no edit may be patched into it.
    failed: bool,
}

/// One Markdown file as last read: its document, or the errors that kept it from loading.
struct CachedDoc {
    doc: Option<Arc<Doc>>,
    generation: u64,
    diags: Diagnostics,
}

/// A document read again for a fast path: its path, its id in the last site, what was read and
/// the warnings reading it gave.
type Edit = (PathBuf, usize, Doc, Diagnostics);

/// Files the watcher saw change, sorted by what they affect.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Changes {
    /// `site.yaml`, the theme or the glossary: everything is rebuilt.
    pub setup: bool,
    /// The site's `static/` folder.
    pub statics: Vec<PathBuf>,
    /// Files and folders below `content/`.
    pub content: Vec<PathBuf>,
}

impl Changes {
    /// Sorts changed paths (absolute, below `root`); paths the site does not read are dropped.
    pub fn classify(root: &Path, paths: impl IntoIterator<Item = PathBuf>) -> Changes {
        let mut changes = Changes::default();
        for path in paths {
            let Ok(rel) = path.strip_prefix(root) else {
                continue;
            };
            let ignored = rel.components().any(|c| {
                let name = c.as_os_str().to_string_lossy();
                load::is_ignored(&name)
            });
            if ignored {
                continue;
            }
            // The glossary is read with site.yaml: every page may use its terms.
            let setup = rel == Path::new("site.yaml")
                || rel.starts_with("themes")
                || rel == Path::new("content/glossary.yaml");
            if setup {
                changes.setup = true;
            } else if rel.starts_with("static") {
                changes.statics.push(path);
            } else if rel.starts_with("content") && !changes.content.contains(&path) {
                changes.content.push(path);
            }
        }
        changes
    }

    pub fn is_empty(&self) -> bool {
        !self.setup && self.statics.is_empty() && self.content.is_empty()
    }
}

/// What one rebuild did.
#[derive(Debug)]
pub struct Rebuilt {
    /// Everything was rebuilt (first build, `site.yaml` or theme edits).
    pub full: bool,
    /// The whole site was linked again; `false`: the edit was patched into the last site.
    pub linked_whole: bool,
    /// Outputs rendered through templates (a page in one language is one).
    pub rendered: usize,
    /// Output paths whose bytes changed, that appeared or that went away.
    pub changed: Vec<String>,
    pub warnings: Diagnostics,
    pub elapsed: Duration,
}

impl Rebuilt {
    /// Only stylesheets changed: browsers can swap them without reloading.
    pub fn css_only(&self) -> bool {
        !self.full && !self.changed.is_empty() && self.changed.iter().all(|p| p.ends_with(".css"))
    }

    /// The line the terminal prints.
    pub fn summary(&self) -> Text {
        let changed = if self.full {
            msg!("rebuilt-everything-changed")
        } else {
            msg!("rebuilt-files-changed", files = self.changed.len())
        };
        msg!(
            "rebuilt-summary",
            pages = self.rendered,
            changed = changed,
            warnings = self.warnings.warnings(),
            ms = self.elapsed.as_millis() as u64
        )
    }
}

impl Preview {
    /// A preview of the site at `root` (which should be absolute, as the watcher reports
    /// absolute paths). Nothing is read until the first [`Preview::update`].
    pub fn new(root: PathBuf, options: Options) -> Preview {
        Preview {
            root,
            options: Options {
                serve: true,
                drafts: true,
                ..options
            },
            setup: None,
            docs: HashMap::new(),
            generation: 0,
            jobs: HashMap::new(),
            outputs: HashMap::new(),
            entries: HashMap::new(),
            search_index: Mutex::new(HashMap::new()),
            files: HashSet::new(),
            last: None,
            listing: None,
            files_key: 0,
            links: links::Kept::default(),
            generations: Vec::new(),
            absent: link::Absent::default(),
            failed: false,
        }
    }

    /// The output at a path below the site root (`en/a/index.html`).
    pub fn get(&self, path: &str) -> Option<Content> {
        if let Some(content) = self.outputs.get(path) {
            return Some(content.clone());
        }
        let languages = self.setup.as_ref()?.config.languages.clone();
        let lang = languages.into_iter().find(|&l| {
            let (in_lang, below) = urls::split_lang(path);
            in_lang == l
                && matches!(
                    Generated::parse(below),
                    Some(Generated::SearchIndex | Generated::SearchIndexPart(_))
                )
        })?;
        self.search_index(lang, path)
    }

    /// A file of a language's search index. JobFiles on demand: an edit changes the index, yet it
    /// is needed only when someone searches, and on a large site it is the largest part.
    fn search_index(&self, lang: Lang, path: &str) -> Option<Content> {
        let mut cache = self.search_index.lock().expect("search index lock");
        let files = cache.entry(lang).or_insert_with(|| {
            let mut entries: Vec<&search::SearchEntry> = self
                .entries
                .values()
                .filter(|(l, _)| *l == lang)
                .map(|(_, e)| e)
                .collect();
            entries.sort_by(|a, b| a.path.cmp(&b.path));
            let entries: Vec<search::SearchEntry> = entries.into_iter().cloned().collect();
            search::index_outputs(lang, &entries)
        });
        let file = files.iter().find(|o| o.path == path)?;
        Some(file.content.clone())
    }

    /// Every output, by path.
    pub fn outputs(&self) -> &HashMap<String, Content> {
        &self.outputs
    }

    /// Brings the served site up to date with the files. On error nothing served changes.
    pub fn update(&mut self, changes: &Changes) -> Result<Rebuilt, Diagnostics> {
        let result = self.update_site(changes);
        self.failed = result.is_err();
        result
    }

    fn update_site(&mut self, changes: &Changes) -> Result<Rebuilt, Diagnostics> {
        let started = Instant::now();
        let mut stages = Stages::start();
        let full = changes.setup || self.setup.is_none();
        if full {
            self.setup = None;
            let setup = Setup::load(&self.root, &self.options).map_err(|broken| broken.diags)?;
            self.setup = Some(setup);
            self.docs.clear();
        } else if !changes.statics.is_empty() {
            if let Some(setup) = &mut self.setup {
                setup.site_static = pipeline::static_files(&self.root);
            }
        }
        if !full && changes.statics.is_empty() && !self.failed {
            if let Some(rebuilt) = self.edit_in_place(&changes.content, started) {
                return Ok(rebuilt);
            }
        }
        let Some(setup) = &self.setup else {
            unreachable!("loaded above")
        };

        let mut diags = Diagnostics::default();
        // Walking 20,000 files costs more than the rest of a small edit: only when files came
        // or went.
        let same_files = |t: &PathBuf| self.docs.contains_key(t) && t.is_file();
        let (listing, unchanged_files) = match self.listing.take() {
            Some(listing) if !full && changes.content.iter().all(same_files) => (listing, true),
            _ => (load::list_content(&self.root, &mut diags), false),
        };
        let stale = if unchanged_files {
            // Only the touched files themselves need reading.
            let content = self.root.join("content");
            let rel = |t: &PathBuf| Some((relative(&content, t)?, t.clone()));
            changes.content.iter().filter_map(rel).collect()
        } else {
            stale_docs(&mut self.docs, &listing, &changes.content)
        };
        reload_docs(
            &self.root,
            &setup.config,
            self.options.drafts,
            &mut self.docs,
            &mut self.generation,
            stale,
        );
        stages.done("reload");
        let mut docs = Vec::with_capacity(listing.markdown.len());
        let mut generations = Vec::with_capacity(listing.markdown.len());
        let mut absent = link::Absent::default();
        for (rel, path) in &listing.markdown {
            let Some(loaded) = self.docs.get(path) else {
                continue;
            };
            diags.extend(loaded.diags.iter().cloned());
            match &loaded.doc {
                Some(doc) => {
                    docs.push(Arc::clone(doc));
                    generations.push(u128::from(loaded.generation));
                }
                // As `check` does: the pages that could not be read are known to exist, and
                // the rest of the site is linked all the same, so that the preview reports
                // every mistake `check` reports, and no more.
                None if loaded.diags.has_errors() => absent.unreadable(rel),
                None => {
                    let (key, lang) = load::page_key(rel);
                    if lang == crate::model::Lang::Ja {
                        absent.drafts.insert(key);
                    }
                }
            }
        }
        let static_paths = setup.static_paths();
        let linked = pipeline::link_and_compare(
            setup.config.clone(),
            setup.glossary.clone(),
            docs,
            listing.assets.clone(),
            &static_paths,
            &absent,
            &mut diags,
        );
        let Some((site, tables)) = linked else {
            return Err(diags);
        };
        stages.done("link");

        let renderer = Renderer::new(&site, &tables, &setup.theme, &self.root, true);
        let inputs = Inputs::new(&site, &generations);
        let jobs: Vec<(JobKey, Job, Fingerprint)> = renderer
            .jobs()
            .into_par_iter()
            .map(|job| (JobKey::of(job, &site), job, inputs.fingerprint(job)))
            .collect();
        let todo: Vec<&(JobKey, Job, Fingerprint)> = jobs
            .iter()
            .filter(|(key, _, fp)| full || self.jobs.get(key).map(|j| j.0) != Some(*fp))
            .collect();
        stages.done("fingerprint");
        let rendered = render(&renderer, &todo).map_err(|errors| {
            diags.extend(errors);
            std::mem::take(&mut diags)
        })?;
        stages.done("render");
        let files_key = files_key(inputs.feeds(), &site, &setup.site_static);
        let files = (full || files_key != self.files_key).then(|| {
            let mut files = outputs::site_files(&site, &setup.theme, &setup.site_static);
            outputs::dedup_outputs(&mut files);
            files
        });
        stages.done("files");
        self.listing = Some(listing);
        let passed = self
            .check_outputs(&renderer, &jobs, &rendered, files.as_deref(), full)
            .map_err(|errors| {
                diags.extend(errors);
                std::mem::take(&mut diags)
            })?;
        self.files_key = files_key;
        stages.done("check");

        let rendered_count = rendered.iter().map(|(_, f)| f.outputs.len()).sum();
        let fingerprints: HashMap<JobKey, Fingerprint> =
            jobs.into_iter().map(|(key, _, fp)| (key, fp)).collect();
        let changed = if full {
            self.links = links::Kept::default();
            self.replace_all(&fingerprints, rendered, files.unwrap_or_default())
        } else {
            let touched = touched_copies(&site, &setup.site_static, changes);
            self.apply(&fingerprints, rendered, files, touched)
        };
        self.links.keep(passed);
        self.last = Some((site, tables));
        self.generations = generations;
        self.absent = absent;
        stages.done("apply");
        Ok(Rebuilt {
            full,
            linked_whole: true,
            rendered: rendered_count,
            changed,
            warnings: diags,
            elapsed: started.elapsed(),
        })
    }

    /// The fast paths, for edits that add, remove and move no file: when every touched file is a
    /// known page whose front matter, links, anchors and obligation lists stay as they were (the
    /// most common edit, a page's text), no other page can change, so the last site is patched
    /// in place and only the edited pages are rendered again ([`Preview::edit_text`]). When
    /// only what other pages show of them changed (title, description, tags, links, anchors),
    /// only what they touch is linked again and only the jobs that may show it are
    /// fingerprinted ([`Preview::edit_structure`]). `None` when the edit needs the full path.
    fn edit_in_place(&mut self, touched: &[PathBuf], started: Instant) -> Option<Rebuilt> {
        let setup = self.setup.as_ref()?;
        let (site, _) = self.last.as_ref()?;
        let content = self.root.join("content");
        let mut edits = Vec::new();
        let mut text_only = true;
        for path in touched {
            let old = self.docs.get(path)?.doc.as_ref()?;
            let rel = path
                .strip_prefix(&content)
                .ok()?
                .to_str()?
                .replace('\\', "/");
            let drafts = self.options.drafts;
            let mut diags = Diagnostics::default();
            let doc = document::read(&self.root, &rel, path, &setup.config, drafts, &mut diags);
            let doc = doc.into_page()?;
            if diags.has_errors() {
                return None;
            }
            let page = *site.by_key.get(&doc.key)?;
            let p = &site.pages[page];
            let id = std::iter::once(p.ja)
                .chain(p.en)
                .find(|&d| site.docs[d].path == doc.path)?;
            if !same_structure(old, &doc) {
                let mut lists = std::iter::once(p.ja).chain(p.en);
                let lists = lists.any(|d| !site.docs[d].parsed.obligation_lists.is_empty());
                if !same_shape(old, &doc, lists) {
                    return None;
                }
                text_only = false;
            }
            edits.push((path.clone(), id, doc, diags));
        }
        if edits.is_empty() {
            return None;
        }
        if text_only {
            return self.edit_text(edits, started);
        }
        let rebuilt = self.edit_structure(edits, started);
        if rebuilt.is_none() {
            // The last site may be half-patched: the full path links everything again.
            self.last = None;
        }
        rebuilt
    }

    /// A page's text alone changed: the last site is patched in place and only the edited pages
    /// are rendered again.
    fn edit_text(&mut self, edits: Vec<Edit>, started: Instant) -> Option<Rebuilt> {
        let setup = self.setup.as_ref()?;
        let (site, tables) = self.last.as_mut()?;
        let mut warnings = Diagnostics::default();
        let mut pages = Vec::new();
        for (path, id, doc, diags) in edits {
            warnings.extend(diags.iter().cloned());
            let mut linked = doc.clone();
            link::carry_over(&site.docs[id], &mut linked);
            site.docs[id] = Arc::new(linked);
            let doc = Arc::new(doc);
            self.generation += 1;
            if let Some(g) = self.generations.get_mut(id) {
                *g = u128::from(self.generation);
            }
            let loaded = CachedDoc {
                doc: Some(doc),
                generation: self.generation,
                diags,
            };
            self.docs.insert(path, loaded);
            let page = site.by_key[&site.docs[id].key];
            if !pages.contains(&page) {
                pages.push(page);
            }
        }
        for &page in &pages {
            let state = link::translation_state(site, &site.pages[page], &mut warnings);
            site.translations[page] = state;
        }

        let (site, tables) = (&*site, &*tables);
        let renderer = Renderer::new(site, tables, &setup.theme, &self.root, true);
        let jobs: Vec<(JobKey, Job, Fingerprint)> = pages
            .iter()
            .flat_map(|&p| site.config.languages.iter().map(move |&l| Job::Page(p, l)))
            .chain(changes_jobs(site, &pages))
            // Unknown fingerprint: the next full-path rebuild renders these again.
            .map(|job| (JobKey::of(job, site), job, 0))
            .collect();
        let todo: Vec<&(JobKey, Job, Fingerprint)> = jobs.iter().collect();
        // A template error shows for any page, a broken link on some: leave both to the full
        // path to report. The paths are as they were (every page keeps its structure).
        let rendered = render(&renderer, &todo).ok()?;
        let made = rendered.iter().flat_map(|(_, f)| &f.outputs);
        let made = made.map(|o| (o.path.as_str(), &o.content));
        let passed = self.links.check(site, None, made, &self.outputs).ok()?;
        let count = rendered.iter().map(|(_, f)| f.outputs.len()).sum();
        let mut changed = Vec::new();
        // The tables are made from the compared pages' documents: the jobs made from them show no
        // body text, so their files are as they were, but their fingerprints are not.
        let compared: Vec<usize> = pages
            .into_iter()
            .filter(|&p| is_compared(site, p))
            .collect();
        let mut stale = Vec::new();
        if !compared.is_empty() {
            for &lang in &site.config.languages {
                let tables_jobs = [Job::Comparisons(lang), Job::Data(lang)].into_iter();
                let profiles = profiles_of(site, compared.iter().copied(), true);
                let profiles = profiles.into_iter().map(|p| Job::Profile(lang, p));
                stale.extend(tables_jobs.chain(profiles).map(|job| JobKey::of(job, site)));
            }
        }
        for (key, finished) in rendered {
            self.take(key, finished, 0, &mut changed);
        }
        for key in stale {
            if let Some(known) = self.jobs.get_mut(&key) {
                known.0 = 0;
            }
        }
        self.links.keep(passed);
        Some(Rebuilt {
            full: false,
            linked_whole: false,
            rendered: count,
            changed,
            warnings,
            elapsed: started.elapsed(),
        })
    }

    /// What other pages show of the edited pages changed, or where their links go, or their
    /// anchors: the edited documents are linked again in the last site with what they touch
    /// (`link::relink`), only the jobs that may show a change are fingerprinted, and of those
    /// only the ones whose fingerprint changed are rendered again. The paths of the output stay
    /// as they were (no page moves, no tag appears or goes), so the sitemap does too; the feeds
    /// are made again when a page's title, description or dates changed.
    fn edit_structure(&mut self, edits: Vec<Edit>, started: Instant) -> Option<Rebuilt> {
        let mut stages = Stages::start();
        let setup = self.setup.as_ref()?;
        let (site, tables) = self.last.as_mut()?;
        let mut warnings = Diagnostics::default();
        let static_files = setup.static_paths();
        let linked = edits
            .iter()
            .map(|(_, id, doc, _)| link::Edit {
                doc_id: *id,
                doc: doc.clone(),
            })
            .collect();
        let relinked = link::relink(site, linked, &static_files, &self.absent, &mut warnings)?;
        stages.done("relink");
        for (path, id, doc, diags) in edits {
            warnings.extend(diags.iter().cloned());
            self.generation += 1;
            *self.generations.get_mut(id)? = u128::from(self.generation);
            let loaded = CachedDoc {
                doc: Some(Arc::new(doc)),
                generation: self.generation,
                diags,
            };
            self.docs.insert(path, loaded);
        }

        let (site, tables) = (&*site, &*tables);
        let renderer = Renderer::new(site, tables, &setup.theme, &self.root, true);
        let inputs = Inputs::new(site, &self.generations);
        let affected = match affected_jobs(site, &relinked) {
            Some(jobs) => jobs,
            // The main navigation or every breadcrumb shows the page.
            None => renderer.jobs(),
        };
        let jobs: Vec<(JobKey, Job, Fingerprint)> = affected
            .into_par_iter()
            .map(|job| (JobKey::of(job, site), job, inputs.fingerprint(job)))
            .collect();
        #[cfg(debug_assertions)]
        assert_affected_cover(&self.jobs, &renderer, &inputs, &jobs);
        let todo: Vec<&(JobKey, Job, Fingerprint)> = jobs
            .iter()
            .filter(|(key, _, fp)| self.jobs.get(key).map(|j| j.0) != Some(*fp))
            .collect();
        stages.done("fingerprint");
        let rendered = render(&renderer, &todo).ok()?;
        stages.done("render");
        // The sitemap holds every page's URLs and dates, which stay as they were; the feeds show
        // titles too.
        let files_key = files_key(inputs.feeds(), site, &setup.site_static);
        let feeds = (files_key != self.files_key).then(|| feeds::outputs(site));
        let made = rendered.iter().flat_map(|(_, f)| &f.outputs);
        let made = made.chain(feeds.iter().flatten());
        let made = made.map(|o| (o.path.as_str(), &o.content));
        let passed = self.links.check(site, None, made, &self.outputs).ok()?;
        stages.done("check");
        let count = rendered.iter().map(|(_, f)| f.outputs.len()).sum();
        let fingerprints: HashMap<JobKey, Fingerprint> =
            jobs.into_iter().map(|(key, _, fp)| (key, fp)).collect();
        let mut changed = Vec::new();
        for (key, finished) in rendered {
            let fingerprint = fingerprints[&key];
            self.take(key, finished, fingerprint, &mut changed);
        }
        for o in feeds.into_iter().flatten() {
            if store(&mut self.outputs, o.path.clone(), o.content) {
                changed.push(o.path);
            }
        }
        self.files_key = files_key;
        self.links.keep(passed);
        changed.sort();
        changed.dedup();
        stages.done("apply");
        Some(Rebuilt {
            full: false,
            linked_whole: false,
            rendered: count,
            changed,
            warnings,
            elapsed: started.elapsed(),
        })
    }

    /// Takes a rendered job's files and search entry; notes the paths whose bytes changed.
    fn take(
        &mut self,
        key: JobKey,
        done: Finished,
        fingerprint: Fingerprint,
        changed: &mut Vec<String>,
    ) {
        let paths: Vec<String> = done.outputs.iter().map(|o| o.path.clone()).collect();
        if let Some((_, old_paths)) = self.jobs.get(&key) {
            for gone in old_paths.iter().filter(|p| !paths.contains(p)) {
                self.outputs.remove(gone);
                changed.push(gone.clone());
            }
        }
        for o in done.outputs {
            if store(&mut self.outputs, o.path.clone(), o.content) {
                changed.push(o.path);
            }
        }
        if let Some(entry) = done.entry {
            self.entries.insert(key.clone(), entry);
            self.search_index.lock().expect("search index lock").clear();
        }
        self.jobs.insert(key, (fingerprint, paths));
    }

    /// After a full rebuild: the new outputs replace the old ones.
    fn replace_all(
        &mut self,
        fingerprints: &HashMap<JobKey, Fingerprint>,
        rendered: Vec<(JobKey, Finished)>,
        files: Vec<Output>,
    ) -> Vec<String> {
        self.jobs.clear();
        self.outputs.clear();
        self.entries.clear();
        let mut changed = Vec::new();
        for (key, done) in rendered {
            let fingerprint = fingerprints[&key];
            self.take(key, done, fingerprint, &mut changed);
        }
        self.files = files.iter().map(|o| o.path.clone()).collect();
        self.outputs
            .extend(files.into_iter().map(|o| (o.path, o.content)));
        vec!["*".to_string()]
    }

    /// After an incremental rebuild: updates what was re-rendered and drops what went away;
    /// returns the paths whose bytes changed.
    fn apply(
        &mut self,
        fingerprints: &HashMap<JobKey, Fingerprint>,
        rendered: Vec<(JobKey, Finished)>,
        files: Option<Vec<Output>>,
        touched_copies: Vec<String>,
    ) -> Vec<String> {
        let mut changed = Vec::new();
        let outputs = &mut self.outputs;
        let entries = &mut self.entries;
        self.jobs.retain(|key, (_, paths)| {
            if fingerprints.contains_key(key) {
                return true;
            }
            entries.remove(key);
            for p in paths.iter() {
                if outputs.remove(p).is_some() {
                    changed.push(p.clone());
                }
            }
            false
        });
        self.search_index.lock().expect("search index lock").clear();
        for (key, done) in rendered {
            let fingerprint = fingerprints[&key];
            self.take(key, done, fingerprint, &mut changed);
        }
        // Files no template renders: compare bytes; a copied file changed when its source was
        // touched (its bytes are read when it is served).
        if let Some(files) = files {
            self.apply_files(files, &mut changed);
        }
        changed.extend(touched_copies);
        changed.sort();
        changed.dedup();
        changed
    }
}

impl Preview {
    /// `build`'s output checks over a rebuild, before anything served changes: every output path
    /// claimed by one source, and the links of everything made again landing in the whole site.
    /// `jobs` are every job of the rebuilt site, `rendered` those made again.
    fn check_outputs(
        &self,
        renderer: &Renderer,
        jobs: &[(JobKey, Job, Fingerprint)],
        rendered: &[(JobKey, Finished)],
        files: Option<&[Output]>,
        full: bool,
    ) -> Result<Passed, Diagnostics> {
        let made_now: HashMap<&JobKey, &Finished> = rendered.iter().map(|(k, f)| (k, f)).collect();
        // The jobs that write several files or none: their paths as made now or last time.
        let mut made = Vec::new();
        let mut streamed = Vec::new();
        for (key, job, _) in jobs {
            if renderer.output_path(*job).is_some() {
                streamed.push(*job);
            } else if let Some(finished) = made_now.get(key) {
                made.extend(finished.outputs.iter().map(|o| o.path.clone()));
            } else if let Some((_, paths)) = self.jobs.get(key) {
                made.extend(paths.iter().cloned());
            }
        }
        let site_static = &self.setup.as_ref().expect("loaded").site_static;
        let paths = outputs::plan(renderer, made, streamed.into_iter(), site_static)?;
        let outputs = rendered.iter().flat_map(|(_, f)| &f.outputs);
        let outputs = outputs.chain(files.into_iter().flatten());
        let made = outputs.map(|o| (o.path.as_str(), &o.content));
        // A full rebuild makes everything again: nothing of the last site counts.
        let nothing = links::Kept::default();
        let kept = if full { &nothing } else { &self.links };
        kept.check(renderer.site, Some(paths), made, &self.outputs)
    }

    /// Takes the outputs no template renders; drops those that went away.
    fn apply_files(&mut self, files: Vec<Output>, changed: &mut Vec<String>) {
        let file_paths: HashSet<String> = files.iter().map(|o| o.path.clone()).collect();
        for gone in self.files.difference(&file_paths) {
            self.outputs.remove(gone);
            changed.push(gone.clone());
        }
        self.files = file_paths;
        for o in files {
            if store(&mut self.outputs, o.path.clone(), o.content) {
                changed.push(o.path);
            }
        }
    }
}

/// The copied files (assets, the site's static files) whose source the edit touched.
fn touched_copies(
    site: &Site,
    site_static: &[(String, PathBuf)],
    changes: &Changes,
) -> Vec<String> {
    let touched = |source: &Path| {
        let mut all = changes.content.iter().chain(&changes.statics);
        all.any(|t| source.starts_with(t))
    };
    let assets = site.assets.iter().map(|a| (&a.rel, &a.source));
    let statics = site_static.iter().map(|(rel, source)| (rel, source));
    assets
        .chain(statics)
        .filter(|(_, source)| touched(source))
        .map(|(rel, _)| rel.clone())
        .collect()
}

/// What the feeds, the sitemap and the copied files are made from.
fn files_key(feeds: Fingerprint, site: &Site, site_static: &[(String, PathBuf)]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    feeds.hash(&mut h);
    for a in &site.assets {
        (&a.rel, &a.source).hash(&mut h);
    }
    site_static.hash(&mut h);
    h.finish()
}

/// The changes pages that show the bodies of `pages`: their own, and the one of the page that
/// supersedes each.
fn changes_jobs<'s>(site: &'s Site, pages: &[usize]) -> Vec<Job<'s>> {
    let mut newer: Vec<usize> = pages
        .iter()
        .flat_map(|&p| {
            let v = site.pages[p].versions;
            [v.older.map(|_| p), v.newer]
        })
        .flatten()
        .collect();
    newer.sort_unstable();
    newer.dedup();
    newer
        .into_iter()
        .flat_map(|p| {
            site.config
                .languages
                .iter()
                .map(move |&l| Job::Changes(p, l))
        })
        .collect()
}

/// Checks, in debug builds (the tests), that the jobs an edit fingerprinted are every job
/// whose fingerprint may have changed: any other job's must be as it was.
#[cfg(debug_assertions)]
fn assert_affected_cover(
    known: &HashMap<JobKey, (Fingerprint, Vec<String>)>,
    renderer: &Renderer,
    inputs: &Inputs,
    affected: &[(JobKey, Job, Fingerprint)],
) {
    let affected: HashSet<&JobKey> = affected.iter().map(|(k, _, _)| k).collect();
    let all = renderer.jobs();
    assert_eq!(all.len(), known.len(), "a job appeared or went away");
    for job in all {
        let key = JobKey::of(job, renderer.site);
        let known = known.get(&key).map(|j| j.0);
        let Some(known) = known else {
            panic!("a new job, {key:?}, in an edit that adds none");
        };
        // 0: rendered by the text fast path, which does not fingerprint.
        if !affected.contains(&key) && known != 0 {
            assert_eq!(known, inputs.fingerprint(job), "{key:?} changed unseen");
        }
    }
}

/// The jobs whose inputs an edit of `relinked`'s pages may have changed; `None` when every job's
/// may have (the page is the home page, or in the main navigation).
fn affected_jobs<'s>(site: &'s Site, relinked: &'s link::Relinked) -> Option<Vec<Job<'s>>> {
    let mut pages: HashSet<usize> = HashSet::new();
    for &p in &relinked.pages {
        let page = &site.pages[p];
        if p == site.home || page.parent == Some(site.home) {
            return None;
        }
        // Its own page, its section's list, the pages of its other versions and the sections
        // whose timelines show them.
        pages.insert(p);
        for v in site.version_chain(p) {
            pages.insert(v);
            pages.extend(site.pages[v].parent);
        }
        // Breadcrumbs below a section.
        if page.is_section() {
            let mut below = page.children.clone();
            while let Some(c) = below.pop() {
                pages.insert(c);
                below.extend(&site.pages[c].children);
            }
        }
    }
    // Backlinks that list an edited page, before or after.
    pages.extend(relinked.backlinked.iter().map(|&(p, _)| p));
    let mut pages: Vec<usize> = pages.into_iter().collect();
    pages.sort_unstable();
    let languages = &site.config.languages;
    let mut jobs: Vec<Job> = pages
        .iter()
        .flat_map(|&p| languages.iter().map(move |&l| Job::Page(p, l)))
        .collect();
    let versioned = pages
        .iter()
        .filter(|&&p| site.pages[p].versions.older.is_some());
    jobs.extend(versioned.flat_map(|&p| languages.iter().map(move |&l| Job::Changes(p, l))));
    // The comparisons show the compared pages and the versions next to them.
    let comparisons = relinked.pages.iter().any(|&p| {
        let v = site.pages[p].versions;
        std::iter::once(p)
            .chain(v.older)
            .chain(v.newer)
            .any(|p| is_compared(site, p))
    });
    // The prefectures' profiles show their part of the tables, and list their pages' documents
    // (each version) by title and date.
    let touched = relinked
        .pages
        .iter()
        .flat_map(|&p| std::iter::once(p).chain(site.version_chain(p)));
    let profiles = profiles_of(site, touched, comparisons);
    for &lang in languages {
        jobs.push(Job::TagIndex(lang));
        if comparisons {
            jobs.push(Job::Comparisons(lang));
        }
        jobs.extend(profiles.iter().map(|&p| Job::Profile(lang, p)));
        // The downloads name the compared pages and date the package from every page's dates.
        jobs.push(Job::Data(lang));
        let tags = site.tags.get(&lang);
        let names = relinked.tags.iter().filter_map(|name| {
            let (name, _) = tags?.get_key_value(name)?;
            Some(Job::Tag(lang, name.as_str()))
        });
        jobs.extend(names);
    }
    Some(jobs)
}

/// Whether a page is compared: it has obligation lists or facts, in either language.
fn is_compared(site: &Site, page: usize) -> bool {
    let page = &site.pages[page];
    std::iter::once(page.ja).chain(page.en).any(|d| {
        let doc = &site.docs[d];
        !doc.parsed.obligation_lists.is_empty() || !doc.front.facts.is_empty()
    })
}

/// The profiles that show `pages`: those of the prefectures the pages name, and every profile
/// when the tables changed (`tables`) with a national page among them (the guideline, which
/// every profile counts against).
fn profiles_of(
    site: &Site,
    pages: impl Iterator<Item = usize> + Clone,
    tables: bool,
) -> Vec<&'static Prefecture> {
    let prefecture = |p: usize| site.docs[site.pages[p].ja].front.prefecture;
    let national = tables
        && pages
            .clone()
            .any(|p| is_compared(site, p) && prefecture(p).is_none());
    if national {
        return site.profiles();
    }
    let mut named: Vec<&'static Prefecture> = pages.filter_map(prefecture).collect();
    named.sort();
    named.dedup();
    named
}

/// Whether a document changed only in what other pages show of it or where its links go: the
/// same page, front matter but for `title`, `description` and `tags`, and obligation lists; on
/// a page with obligation lists (`lists`) the same anchors too, which the items' anchors avoid.
fn same_shape(old: &Doc, new: &Doc, lists: bool) -> bool {
    fn items(d: &Doc) -> impl Iterator<Item = impl PartialEq + '_> {
        d.parsed.obligation_lists.iter().flat_map(|l| {
            l.items.iter().map(move |i| {
                let nested = i.nested.iter().map(|n| &n.text).collect::<Vec<_>>();
                let i = (&i.text, &i.detail, &i.markers, i.slip, &i.note);
                (&l.set, i, nested)
            })
        })
    }
    let mut front = old.front.clone();
    front.title.clone_from(&new.front.title);
    front.description.clone_from(&new.front.description);
    front.tags.clone_from(&new.front.tags);
    old.key == new.key
        && old.lang == new.lang
        && front == new.front
        && old.parsed.obligation_lists.len() == new.parsed.obligation_lists.len()
        && items(old).eq(items(new))
        && (!lists || old.parsed.anchors == new.parsed.anchors)
}

/// Whether two versions of a document show the same to every other page: same front matter,
/// link destinations, anchors and obligation lists. Only its own body text may differ.
fn same_structure(old: &Doc, new: &Doc) -> bool {
    /// The preview's documents hold their text; one that did not would count as changed.
    fn front(d: &Doc) -> Option<&str> {
        d.source.held.as_deref().and_then(|t| t.get(..d.body.start))
    }
    fn links(d: &Doc) -> impl Iterator<Item = &String> {
        d.parsed.links.iter().map(|l| &l.dest)
    }
    fn items(d: &Doc) -> impl Iterator<Item = (&String, &String, &String, &Vec<ObligationId>)> {
        d.parsed.obligation_lists.iter().flat_map(|l| {
            l.items
                .iter()
                .map(move |i| (&l.set, &i.text, &i.detail, &i.markers))
        })
    }
    old.key == new.key
        && old.lang == new.lang
        && front(old).is_some()
        && front(old) == front(new)
        && old.parsed.anchors == new.parsed.anchors
        && links(old).eq(links(new))
        && old.parsed.obligation_lists.len() == new.parsed.obligation_lists.len()
        && items(old).eq(items(new))
}

/// Stores an output; true when it is new or its bytes differ from what was there.
fn store(outputs: &mut HashMap<String, Content>, path: String, content: Content) -> bool {
    let differs = match (outputs.get(&path), &content) {
        (Some(Content::Text(old)), Content::Text(new)) => old != new,
        (Some(Content::Copy(old)), Content::Copy(new)) => old != new,
        _ => true,
    };
    outputs.insert(path, content);
    differs
}

/// `content/a/b.md` → `a/b.md`.
fn relative(content: &Path, path: &Path) -> Option<String> {
    Some(
        path.strip_prefix(content)
            .ok()?
            .to_str()?
            .replace('\\', "/"),
    )
}

/// Forgets deleted files; returns the listed files that are new or below a touched path.
fn stale_docs(
    docs: &mut HashMap<PathBuf, CachedDoc>,
    listing: &Listing,
    touched: &[PathBuf],
) -> Vec<(String, PathBuf)> {
    let known = listing
        .markdown
        .iter()
        .filter(|(_, p)| docs.contains_key(p))
        .count();
    if known < docs.len() {
        let listed: HashSet<&PathBuf> = listing.markdown.iter().map(|(_, p)| p).collect();
        docs.retain(|path, _| listed.contains(path));
    }
    // Touched files are looked up; touched folders (a folder moved away and back) by prefix.
    let touched_files: HashSet<&PathBuf> =
        touched.iter().filter(|t| docs.contains_key(*t)).collect();
    let touched_dirs: Vec<&PathBuf> = touched.iter().filter(|t| t.is_dir()).collect();
    listing
        .markdown
        .iter()
        .filter(|(_, path)| {
            !docs.contains_key(path)
                || touched_files.contains(path)
                || touched_dirs.iter().any(|d| path.starts_with(d))
        })
        .cloned()
        .collect()
}

/// Loads and parses these files again, each with a new generation.
fn reload_docs(
    root: &Path,
    config: &Config,
    drafts: bool,
    docs: &mut HashMap<PathBuf, CachedDoc>,
    generation: &mut u64,
    stale: Vec<(String, PathBuf)>,
) {
    let first = *generation + 1;
    *generation += stale.len() as u64;
    let reloaded: Vec<(PathBuf, CachedDoc)> = stale
        .par_iter()
        .enumerate()
        .map(|(i, (rel, path))| {
            let mut diags = Diagnostics::default();
            let doc = document::read(root, rel, path, config, drafts, &mut diags).into_page();
            let generation = first + i as u64;
            (
                path.clone(),
                CachedDoc {
                    doc: doc.map(Arc::new),
                    generation,
                    diags,
                },
            )
        })
        .collect();
    docs.extend(reloaded);
}

/// Renders the jobs to do with the build's render step; each job's files under its key.
fn render(
    renderer: &Renderer,
    todo: &[&(JobKey, Job, Fingerprint)],
) -> Result<Vec<(JobKey, Finished)>, Diagnostics> {
    let list: Vec<Job> = todo.iter().map(|(_, job, _)| *job).collect();
    let finished = jobs::render(renderer, &list)?;
    let keys = todo.iter().map(|(key, _, _)| key.clone());
    Ok(keys.zip(finished).collect())
}
