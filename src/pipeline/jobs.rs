//! Rendering a list of jobs: the one render step of `build` (batch by batch) and of the
//! preview's rebuild (the jobs whose inputs changed). Each job's files stay apart, so the preview
//! knows which job made which file.

use rayon::prelude::*;

use crate::diagnostics::Diagnostics;
use crate::model::Lang;
use crate::model::Output;
use crate::render::{self, search, Job, JobFiles, Renderer};

/// What one render job made, once every file of it rendered.
pub struct Finished {
    pub outputs: Vec<Output>,
    /// For a page: what the search index holds of it.
    pub entry: Option<(Lang, search::SearchEntry)>,
}

/// Renders the jobs in parallel; the results are in the jobs' order. Every template error is
/// collected, each message once (one broken template fails every page alike).
pub fn render(renderer: &Renderer, jobs: &[Job]) -> Result<Vec<Finished>, Diagnostics> {
    let made: Vec<JobFiles> = jobs
        .par_iter()
        .map(|&job| renderer.render_job(job))
        .collect();
    let mut finished = Vec::with_capacity(made.len());
    let mut errors = Diagnostics::default();
    for m in made {
        let mut outputs = Vec::with_capacity(m.outputs.len());
        for o in m.outputs {
            match o {
                Ok(o) => outputs.push(o),
                Err(e) => errors.push(e),
            }
        }
        finished.push(Finished {
            outputs,
            entry: m.entry,
        });
    }
    render::once_each(errors).into_result(finished)
}

/// The files of several jobs together, and the search entries of their pages.
pub fn together(finished: Vec<Finished>) -> render::RenderedBatch {
    let mut outputs = Vec::with_capacity(finished.len() + 64);
    let mut entries = Vec::with_capacity(finished.len());
    for f in finished {
        outputs.extend(f.outputs);
        entries.extend(f.entry);
    }
    (outputs, entries)
}
