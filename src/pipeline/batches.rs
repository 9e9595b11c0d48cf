//! `build`'s render stage: jobs rendered batch by batch, so a large site's HTML never sits in
//! memory whole, each batch's files link-checked, their search entries added to the index, and
//! the files handed to the sink while the next batch renders.

use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::check::links;
use crate::diagnostics::Diagnostics;
use crate::model::Lang;
use crate::render::relative::Relative;
use crate::render::{self, search, Job, Renderer};

use super::jobs as job_list;
use super::Sink;

/// The render stage of a build: jobs rendered batch by batch, each batch's files link-checked,
/// their search entries added to the index, and the files handed to the sink.
pub(super) struct Render<'r, 's> {
    renderer: &'r Renderer<'r>,
    pub out: HandOver<'s>,
}

/// What happens to rendered files: link check, search index, sink.
pub(super) struct HandOver<'s> {
    sink: &'s mut dyn Sink,
    pub indexes: Vec<search::IndexWriter>,
    /// Set once every output path is known.
    pub links: Option<links::Checker<'static>>,
    /// `build --relative`: the internal URLs of each HTML file made relative before the check.
    pub relative: Option<Relative>,
    /// Template errors so far; once there is one, nothing more is handed over.
    pub errors: Diagnostics,
    pub timings: RenderTimings,
}

impl<'r, 's> Render<'r, 's> {
    pub fn new(renderer: &'r Renderer<'r>, sink: &'s mut dyn Sink) -> Self {
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
                relative: None,
                errors: Diagnostics::default(),
                timings: RenderTimings::default(),
            },
        }
    }

    pub fn jobs(&mut self, jobs: &[Job]) -> render::RenderedBatch {
        let (rendered, took) = render_timed(self.renderer, jobs);
        self.out.timings.render += took;
        self.out.keep(rendered)
    }

    /// Renders `jobs` while the previous batch is handed over. Rendering is parallel, the
    /// hand-over mostly sequential: side by side they keep every core busy.
    pub fn jobs_beside(
        &mut self,
        jobs: &[Job],
        previous: Option<render::RenderedBatch>,
    ) -> render::RenderedBatch {
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
) -> (Result<render::RenderedBatch, Diagnostics>, Duration) {
    let started = Instant::now();
    let rendered = job_list::render(renderer, jobs).map(job_list::together);
    (rendered, started.elapsed())
}

impl HandOver<'_> {
    /// The files of a rendered batch, or nothing when it failed (its errors are kept).
    fn keep(
        &mut self,
        rendered: Result<render::RenderedBatch, Diagnostics>,
    ) -> render::RenderedBatch {
        rendered.unwrap_or_else(|errors| {
            self.errors.extend(errors);
            Default::default()
        })
    }

    pub fn hand_over(&mut self, (mut outputs, entries): render::RenderedBatch) {
        if !self.errors.is_empty() || (outputs.is_empty() && entries.is_empty()) {
            return;
        }
        let started = Instant::now();
        if let Some(relative) = &self.relative {
            relative.apply(&mut outputs);
        }
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
pub(super) struct RenderTimings {
    render: Duration,
    check: Duration,
    index: Duration,
    write: Duration,
}

impl RenderTimings {
    pub fn report(&self) {
        crate::timing::report("  render", self.render);
        crate::timing::report("  check links", self.check);
        crate::timing::report("  search index", self.index);
        crate::timing::report("  write", self.write);
    }
}
