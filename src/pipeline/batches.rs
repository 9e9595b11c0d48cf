//! `build`'s render stage: jobs rendered batch by batch, so a large site's HTML never sits in
//! memory whole, each batch's files link-checked, their search entries added to the index, and
//! the files handed to the sink while the next batch renders.
//!
//! With a render cache ([`super::cache`]) a job whose inputs are as the last build recorded them
//! is not rendered: its files stay as they are in the output, its ids go to the link check and its
//! search entry stays in the cache, read back only when its part of the index is written again
//! ([`super::index`]).

use std::ops::Range;
use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::check::links;
use crate::diagnostics::Diagnostics;
use crate::model::{Output, Site};
use crate::render::inputs::{Fingerprint, Inputs};
use crate::render::relative::Relative;
use crate::render::search::IndexEntry;
use crate::render::{Job, Renderer};

use super::cache::{self, Blob, Entry, JobKey, Kept, Key, Next, Part};
use super::index::{Closed, Index, Search};
use super::jobs as job_list;
use super::{Options, Sink, BATCH};

/// The render stage of a build: jobs rendered batch by batch, each batch's files link-checked,
/// their search entries added to the index, and the files handed to the sink.
pub(super) struct Render<'r, 's> {
    renderer: &'r Renderer<'r>,
    /// With a render cache: what each job is made from.
    inputs: Option<Inputs<'r>>,
    pub out: HandOver<'s>,
}

/// What happens to rendered files: link check, search index, sink.
pub(super) struct HandOver<'s> {
    sink: &'s mut dyn Sink,
    index: Index,
    /// Set once every output path is known.
    pub links: Option<links::Checker<'static>>,
    /// `build --relative`: the internal URLs of each HTML file made relative before the check.
    pub relative: Option<Relative>,
    /// Template errors so far; once there is one, nothing more is handed over.
    pub errors: Diagnostics,
    pub timings: RenderTimings,
    pub incremental: Option<Incremental>,
}

/// A build with a render cache: the one the last build left, and the one this build makes.
pub(super) struct Incremental {
    kept: Kept,
    next: Next,
    /// The HTML files kept from the previous output, for a second link check when needed.
    kept_html: Vec<String>,
    /// A page made again lost an id it had, which a kept page may point to.
    lost_id: bool,
    /// A path of the previous output is gone, which a kept page may point to.
    lost_path: bool,
    /// Jobs kept and rendered, for the timings.
    counts: (usize, usize),
}

impl Incremental {
    /// The cache in `dir` (none with `--clean`), and the note to print when it was not to be
    /// trusted.
    pub fn start(
        dir: &Path,
        key: Key,
        options: &Options,
    ) -> (Incremental, Option<crate::messages::Text>) {
        let (kept, note) = match options.clean {
            true => (Kept::default(), None),
            false => match Kept::load(dir, &key) {
                Ok(kept) => (kept, None),
                Err(why) => (Kept::default(), Some(why.note(dir))),
            },
        };
        let next = Next::new(dir, key, &kept);
        let incremental = Incremental {
            kept,
            next,
            kept_html: Vec::new(),
            lost_id: false,
            lost_path: false,
            counts: (0, 0),
        };
        (incremental, note)
    }

    /// Every path of this build's output, known before the first page is handed over.
    pub fn set_paths(&mut self, paths: &[String]) {
        let hashed: Vec<u64> = paths.iter().map(|p| cache::path_hash(p)).collect();
        let set = hashed.iter().copied().collect();
        self.lost_path = self.kept.lost_a_path(&set);
        self.next.set_paths(hashed);
    }

    /// The cache to save once the output is in place.
    pub fn finish(self) -> Next {
        crate::timing::report_count("  jobs kept", self.counts.0);
        crate::timing::report_count("  jobs rendered", self.counts.1);
        self.next
    }
}

/// What a batch made, job by job in the jobs' order (the search index keeps that order).
#[derive(Default)]
pub(super) struct Batch {
    items: Vec<Item>,
}

struct Item {
    /// The job's name and fingerprint, with a render cache.
    key: Option<(JobKey, Fingerprint)>,
    made: Made,
}

enum Made {
    Rendered {
        outputs: Vec<Output>,
        entry: Option<IndexEntry>,
    },
    /// As the last build made it: its files are in the output.
    Kept {
        files: Vec<cache::Made>,
        entry: Option<Blob>,
    },
    /// Files of no job: the search index, the sitemap, static files.
    Files(Vec<Output>),
}

impl Batch {
    pub fn files(outputs: Vec<Output>) -> Batch {
        Batch {
            items: vec![Item {
                key: None,
                made: Made::Files(outputs),
            }],
        }
    }

    /// The paths of every file of the batch.
    pub fn paths(&self) -> Vec<String> {
        let mut paths = Vec::new();
        for item in &self.items {
            match &item.made {
                Made::Rendered { outputs, .. } | Made::Files(outputs) => {
                    paths.extend(outputs.iter().map(|o| o.path.clone()))
                }
                Made::Kept { files, .. } => paths.extend(files.iter().map(|m| m.path.clone())),
            }
        }
        paths
    }
}

/// A kept job: its files and its search entry.
type KeptJob = (Vec<cache::Made>, Option<Blob>);

/// What is decided of a job before rendering: its key, and its files when it is kept.
type Plan = (Option<(JobKey, Fingerprint)>, Option<KeptJob>);

/// A rendered job: its files and its search entry.
type Rendered = (Vec<Output>, Option<IndexEntry>);

impl<'r, 's> Render<'r, 's> {
    pub fn new(
        renderer: &'r Renderer<'r>,
        sink: &'s mut dyn Sink,
        inputs: Option<Inputs<'r>>,
        incremental: Option<Incremental>,
    ) -> Self {
        let languages = &renderer.site.config.languages;
        Render {
            renderer,
            inputs,
            out: HandOver {
                sink,
                index: Index::new(languages),
                links: None,
                relative: None,
                errors: Diagnostics::default(),
                timings: RenderTimings::default(),
                incremental,
            },
        }
    }

    pub fn jobs(&mut self, jobs: &[Job]) -> Batch {
        let plans = self.plan(jobs);
        let todo = to_render(jobs, &plans);
        let (rendered, took) = render_timed(self.renderer, &todo);
        self.out.timings.render += took;
        self.out.keep(plans, rendered)
    }

    /// Renders `jobs` while the previous batch is handed over. Rendering is parallel, the
    /// hand-over mostly sequential: side by side they keep every core busy.
    pub fn jobs_beside(&mut self, jobs: &[Job], previous: Option<Batch>) -> Batch {
        let plans = self.plan(jobs);
        let todo = to_render(jobs, &plans);
        let renderer = self.renderer;
        let out = &mut self.out;
        let ((rendered, took), ()) = rayon::join(
            || render_timed(renderer, &todo),
            || out.hand_over(previous.unwrap_or_default()),
        );
        self.out.timings.render += took;
        self.out.keep(plans, rendered)
    }

    /// Which jobs are kept as the last build made them.
    fn plan(&mut self, jobs: &[Job]) -> Vec<Plan> {
        let (Some(inputs), Some(_)) = (&self.inputs, &self.out.incremental) else {
            return jobs.iter().map(|_| (None, None)).collect();
        };
        let started = Instant::now();
        let site: &Site = self.renderer.site;
        let keyed: Vec<(JobKey, Fingerprint)> = jobs
            .par_iter()
            .map(|&job| (JobKey::of(job, site), inputs.fingerprint(job)))
            .collect();
        // The jobs whose fingerprint is the one recorded may be kept: their files are looked up
        // in the previous output all at once.
        let recorded: Vec<Option<Entry>> = match &self.out.incremental {
            Some(incremental) => keyed
                .par_iter()
                .map(|(key, fp)| incremental.kept.get(key).filter(|e| e.fingerprint == *fp))
                .collect(),
            None => Vec::new(),
        };
        let files: Vec<&str> = recorded
            .iter()
            .flatten()
            .flat_map(|e| e.made.iter().map(|m| m.path.as_str()))
            .collect();
        self.out.sink.look_up(&files);
        let plans = keyed
            .into_iter()
            .zip(recorded)
            .zip(jobs)
            .map(|((key, entry), &job)| {
                let path = self.renderer.output_path(job);
                let kept = entry.and_then(|e| self.out.reusable(e, path.as_deref()));
                (Some(key), kept)
            })
            .collect();
        self.out.timings.plan += started.elapsed();
        plans
    }
}

/// The jobs of `jobs` that are not kept.
fn to_render<'j>(jobs: &[Job<'j>], plans: &[Plan]) -> Vec<Job<'j>> {
    jobs.iter()
        .zip(plans)
        .filter(|(_, (_, kept))| kept.is_none())
        .map(|(&job, _)| job)
        .collect()
}

fn render_timed(
    renderer: &Renderer,
    jobs: &[Job],
) -> (Result<Vec<Rendered>, Diagnostics>, Duration) {
    let started = Instant::now();
    let rendered = job_list::render(renderer, jobs).map(|finished| {
        finished
            .into_par_iter()
            .map(|f| (f.outputs, f.entry.map(|(l, e)| IndexEntry::new(l, &e))))
            .collect()
    });
    (rendered, started.elapsed())
}

impl HandOver<'_> {
    /// The files and search entry of a job as the last build made it (`entry`, whose fingerprint
    /// is the job's), when every file is in the output as recorded.
    fn reusable(&self, entry: Entry, path: Option<&str>) -> Option<KeptJob> {
        // A page, changes or tag job writes its one known file.
        if let Some(path) = path {
            if entry.made.len() != 1 || entry.made[0].path != path {
                return None;
            }
        }
        if !entry.made.iter().all(|m| self.sink.holds(&m.path, m.hash)) {
            return None;
        }
        Some((entry.made, entry.search))
    }

    /// A batch of planned jobs with the rendered ones, or nothing when rendering failed (its
    /// errors are kept).
    fn keep(&mut self, plans: Vec<Plan>, rendered: Result<Vec<Rendered>, Diagnostics>) -> Batch {
        let rendered = match rendered {
            Ok(rendered) => rendered,
            Err(errors) => {
                self.errors.extend(errors);
                return Batch::default();
            }
        };
        let mut rendered = rendered.into_iter();
        let items = plans
            .into_iter()
            .filter_map(|(key, kept)| {
                let made = match kept {
                    Some((files, entry)) => Made::Kept { files, entry },
                    None => {
                        let (outputs, entry) = rendered.next()?;
                        Made::Rendered { outputs, entry }
                    }
                };
                Some(Item { key, made })
            })
            .collect();
        Batch { items }
    }

    pub fn hand_over(&mut self, batch: Batch) {
        if !self.errors.is_empty() || batch.items.is_empty() {
            return;
        }
        let started = Instant::now();
        // The rendered files together, each job's as a range of them.
        let mut outputs = Vec::new();
        let mut kept_files: Vec<(String, u128)> = Vec::new();
        let mut jobs: Vec<JobRecord> = Vec::with_capacity(batch.items.len());
        for item in batch.items {
            match item.made {
                Made::Rendered {
                    outputs: made,
                    entry,
                } => {
                    let start = outputs.len();
                    outputs.extend(made);
                    let made = JobMade::Rendered(start..outputs.len());
                    jobs.push((item.key, made, entry.map(Search::Fresh)));
                }
                Made::Kept { files, entry } => {
                    kept_files.extend(files.iter().map(|m| (m.path.clone(), m.hash)));
                    jobs.push((item.key, JobMade::Kept(files), entry.map(Search::Kept)));
                }
                Made::Files(made) => outputs.extend(made),
            }
        }
        if let Some(relative) = &self.relative {
            relative.apply(&mut outputs);
        }
        if let Some(links) = &mut self.links {
            for (_, made, _) in &jobs {
                let JobMade::Kept(files) = made else { continue };
                for m in files {
                    if let Some(ids) = &m.ids {
                        links.know(&m.path, ids.clone());
                    }
                }
            }
            links.check(&outputs);
        }
        self.note_lost_ids(&jobs);
        let checked = Instant::now();
        self.timings.check += checked - started;
        let mut closed = Closed::default();
        let mut blobs = Vec::with_capacity(jobs.len());
        for (_, _, search) in &mut jobs {
            let Some(search) = search.take() else {
                blobs.push(None);
                continue;
            };
            blobs.push(Some(self.index_entry(search, &mut closed)));
        }
        let indexed = Instant::now();
        self.timings.index += indexed - checked;
        outputs.append(&mut closed.outputs);
        kept_files.append(&mut closed.kept_files);
        self.write(&outputs, &kept_files);
        self.timings.write += indexed.elapsed();
        self.record_parts(closed);
        self.record(jobs, blobs, &outputs);
    }

    /// Adds a page's search entry to the index, and to the cache this build makes: where it is
    /// kept there (`None` when it could not be).
    fn index_entry(&mut self, search: Search, closed: &mut Closed) -> Option<Blob> {
        let (hash, blob) = match (&search, &mut self.incremental) {
            (Search::Fresh(e), incremental) => {
                let hash = xxhash_rust::xxh3::xxh3_64(e.json.as_bytes());
                let next = incremental.as_mut().map(|i| &mut i.next);
                (hash, next.and_then(|n| n.add_search(e, hash)))
            }
            (Search::Kept(b), Some(i)) => (b.hash, i.next.carry(&i.kept, *b)),
            (Search::Kept(b), None) => (b.hash, None),
        };
        let kept = self.incremental.as_ref().map(|i| &i.kept);
        if let Err(e) = self.index.add(search, hash, kept, &*self.sink, closed) {
            self.cache_damaged(e);
        }
        blob
    }

    /// Closes the search index's last parts and writes `index.js`.
    pub fn finish_index(&mut self) {
        if !self.errors.is_empty() {
            return;
        }
        let mut closed = Closed::default();
        let kept = self.incremental.as_ref().map(|i| &i.kept);
        if let Err(e) = self.index.finish(kept, &*self.sink, &mut closed) {
            self.cache_damaged(e);
            return;
        }
        self.write(&closed.outputs, &closed.kept_files);
        self.record_parts(closed);
    }

    /// The cache changed under the build: it is removed, and the build fails.
    fn cache_damaged(&mut self, error: crate::diagnostics::Diagnostic) {
        if let Some(incremental) = self.incremental.take() {
            cache::forget(incremental.next.dir());
        }
        self.errors.push(error);
    }

    fn write(&mut self, outputs: &[Output], kept: &[(String, u128)]) {
        if !self.errors.is_empty() {
            return;
        }
        let written = self.sink.write(outputs).and_then(|()| self.sink.keep(kept));
        if let Err(e) = written {
            self.errors.push(e);
        }
    }

    /// The index parts this batch wrote or kept, for the cache this build makes.
    fn record_parts(&mut self, closed: Closed) {
        let Some(incremental) = &mut self.incremental else {
            return;
        };
        for part in closed.kept_parts {
            incremental.next.add_part(part);
        }
        for part in closed.written_parts {
            let path =
                crate::urls::Generated::SearchIndexPart(part.number as usize).file(part.lang);
            if let Some(hash) = self.sink.hash_of(&path) {
                incremental.next.add_part(Part { hash, ..part });
            }
        }
    }

    /// Notes whether a page made again lost an id that it had in the previous build.
    fn note_lost_ids(&mut self, jobs: &[JobRecord]) {
        let (Some(incremental), Some(links)) = (&mut self.incremental, &self.links) else {
            return;
        };
        if incremental.lost_id || incremental.kept.is_empty() {
            return;
        }
        for (key, made, _) in jobs {
            let (Some((key, _)), JobMade::Rendered(_)) = (key, made) else {
                continue;
            };
            let Some(old) = incremental.kept.get(key) else {
                continue;
            };
            // An HTML file it no longer makes (its path changed) lost every id.
            let lost = old
                .made
                .iter()
                .any(|m| match (&m.ids, links.checked_ids(&m.path)) {
                    (Some(old), Some(new)) => old.iter().any(|id| new.binary_search(id).is_err()),
                    (Some(_), None) => true,
                    (None, _) => false,
                });
            if lost {
                incremental.lost_id = true;
                return;
            }
        }
    }

    /// What the cache this build makes says of each job of the batch.
    fn record(
        &mut self,
        jobs: Vec<JobRecord>,
        blobs: Vec<Option<Option<Blob>>>,
        outputs: &[Output],
    ) {
        let Some(incremental) = &mut self.incremental else {
            return;
        };
        if !self.errors.is_empty() {
            return;
        }
        for ((key, made, _), blob) in jobs.into_iter().zip(blobs) {
            let Some((key, fingerprint)) = key else {
                continue;
            };
            // A page's entry must be kept for the job to be.
            let blob = match blob {
                Some(None) => continue,
                Some(Some(blob)) => Some(blob),
                None => None,
            };
            let made = match made {
                JobMade::Kept(files) => {
                    incremental.counts.0 += 1;
                    let html = files.iter().filter(|m| m.ids.is_some());
                    incremental.kept_html.extend(html.map(|m| m.path.clone()));
                    files
                }
                JobMade::Rendered(range) => {
                    incremental.counts.1 += 1;
                    let made: Option<Vec<cache::Made>> = outputs[range]
                        .iter()
                        .map(|o| {
                            let ids = self.links.as_ref().and_then(|l| l.checked_ids(&o.path));
                            Some(cache::Made {
                                path: o.path.clone(),
                                hash: self.sink.hash_of(&o.path)?,
                                ids: ids.map(<[u64]>::to_vec),
                            })
                        })
                        .collect();
                    match made {
                        Some(made) => made,
                        None => continue,
                    }
                }
            };
            let entry = Entry {
                fingerprint,
                made,
                search: blob,
            };
            incremental.next.add(key, entry);
        }
    }

    /// When a file of the previous output went away or a page made again lost an id, the links
    /// of the kept pages are checked again, their bytes read back from the output.
    pub fn check_kept_again(&mut self) {
        let (Some(incremental), Some(links)) = (&mut self.incremental, &mut self.links) else {
            return;
        };
        if !(incremental.lost_id || incremental.lost_path) {
            return;
        }
        let started = Instant::now();
        let paths = std::mem::take(&mut incremental.kept_html);
        for chunk in paths.chunks(BATCH) {
            let read: Vec<Output> = chunk
                .iter()
                .filter_map(|p| Some(Output::text(p.clone(), self.sink.previous(p)?)))
                .collect();
            links.check(&read);
        }
        self.timings.check += started.elapsed();
    }

    /// Hands the cache this build made to the sink, to be saved once the output is in place.
    pub fn save_cache_on_commit(&mut self) {
        let Some(incremental) = self.incremental.take() else {
            return;
        };
        if !self.errors.is_empty() {
            return;
        }
        let next = incremental.finish();
        let dir = next.dir().to_path_buf();
        self.sink.on_commit(
            Box::new(move || cache::forget(&dir)),
            Box::new(move || next.save()),
        );
    }
}

/// A job of a batch being handed over: its key, its files, its search entry.
type JobRecord = (Option<(JobKey, Fingerprint)>, JobMade, Option<Search>);

/// A job's files in a batch being handed over.
enum JobMade {
    /// These of the batch's rendered files.
    Rendered(Range<usize>),
    Kept(Vec<cache::Made>),
}

/// Where the render stage's time goes (printed with `SHISHIN_TIMINGS`).
#[derive(Default)]
pub(super) struct RenderTimings {
    plan: Duration,
    render: Duration,
    check: Duration,
    index: Duration,
    write: Duration,
}

impl RenderTimings {
    pub fn report(&self) {
        crate::timing::report("  fingerprints, cache", self.plan);
        crate::timing::report("  render", self.render);
        crate::timing::report("  check links", self.check);
        crate::timing::report("  search index", self.index);
        crate::timing::report("  write", self.write);
    }
}
