//! The files of the output as a whole: every path with its source, checked for one source each
//! before anything is written or served, and the files no template renders.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::check::paths;
use crate::diagnostics::Diagnostics;
use crate::markdown::highlight;
use crate::model::Site;
use crate::model::{Content, Output};
use crate::render::theme::Theme;
use crate::render::{feeds, Job, Renderer};
use crate::urls;

/// Every path of the output, once each claimed by one source (SPEC §12): the paths the link
/// check resolves links against. `made` are the paths of the jobs already rendered that write
/// several files or none (comparisons, glossary, …); `streamed` the page and tag jobs, whose one
/// path is known before rendering.
pub fn plan<'j>(
    renderer: &Renderer,
    made: impl IntoIterator<Item = String>,
    streamed: impl Iterator<Item = Job<'j>>,
    site_static: &[(String, PathBuf)],
) -> Result<Vec<String>, Diagnostics> {
    let claims = paths::claims(renderer, made, streamed, site_static);
    paths::check(&claims)?;
    Ok(claims.into_iter().map(|c| c.path).collect())
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
pub fn fixed_files(site: &Site, theme: &Theme, site_static: &[(String, PathBuf)]) -> Vec<Output> {
    let mut outputs = feeds::outputs(site);
    outputs.push(Output::text(urls::SYNTAX_CSS, highlight::stylesheet()));
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
