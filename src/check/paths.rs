//! One source per output file (SPEC §12): before anything is written, every path the build is
//! about to write is checked to be safe, and claimed by one source only.
//!
//! The link stage already refuses two pages at one URL, a page in one of shishin's own folders
//! (`crate::urls::RESERVED`) and tags that share a folder, with their lines. This is the last word
//! over every file of the output, whatever made it: a content file `a/index.html` beside a page
//! `a.md`, a file of `static/` over a page or over the search index. Without it the later file
//! silently replaced the earlier one.

use std::collections::hash_map::{Entry, HashMap};
use std::path::PathBuf;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::display_path;
use crate::messages::Text;
use crate::model::Lang;
use crate::msg;
use crate::render::{Job, Renderer};
use crate::text::names;
use crate::urls::{self, Generated};

/// What made an output file, which decides whether another may replace it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Rendered: a page, a tag page, a page shishin generates, the search index.
    Rendered,
    /// A file of the theme's `static/`.
    ThemeFile,
    /// A file shishin writes that is no page: feeds, `robots.txt`, `syntax.css`, the sitemap.
    Fixed,
    /// A file of the site's own `static/`.
    SiteFile,
    /// A file of `content/` that is not Markdown, copied beside its page.
    Asset,
}

/// One output file and where it comes from.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Below the output root, with `/`: `en/a/index.html`.
    pub path: String,
    /// In words, for messages: `content/a.md`, `the page of the tag “計画”`.
    pub source: Text,
    /// The file to name as the place of the problem, when there is one.
    pub file: Option<String>,
    pub origin: Origin,
}

impl Claim {
    fn of_file(path: String, file: String, origin: Origin) -> Claim {
        Claim {
            path,
            source: Text::verbatim(&file),
            file: Some(file),
            origin,
        }
    }

    fn rendered(path: String, source: Text) -> Claim {
        Claim {
            path,
            source,
            file: None,
            origin: Origin::Rendered,
        }
    }
}

/// Whether a later file may stand where an earlier one was claimed: the site's `static/` is how
/// a site replaces a theme's file or one of shishin's fixed files (`robots.txt`); nothing
/// replaces a page.
fn may_replace(later: Origin, earlier: Origin) -> bool {
    later == Origin::SiteFile && matches!(earlier, Origin::ThemeFile | Origin::Fixed)
}

/// Errors for unsafe paths and for each path claimed twice, naming both sources.
pub fn check(claims: &[Claim]) -> Result<(), Diagnostics> {
    let mut errors = Diagnostics::default();
    let mut seen: HashMap<&str, &Claim> = HashMap::with_capacity(claims.len());
    for claim in claims {
        if let Some(e) = unsafe_path(claim) {
            errors.push(e);
            continue;
        }
        match seen.entry(claim.path.as_str()) {
            Entry::Vacant(v) => {
                v.insert(claim);
            }
            Entry::Occupied(mut o) if may_replace(claim.origin, o.get().origin) => {
                o.insert(claim);
            }
            Entry::Occupied(o) => errors.push(collision(o.get(), claim)),
        }
    }
    errors.into_result(())
}

fn collision(first: &Claim, second: &Claim) -> Diagnostic {
    let d = Diagnostic::error(msg!(
        "path-collision",
        first = &first.source,
        second = &second.source,
        path = &second.path
    ))
    .hint(msg!("path-collision-hint"));
    match second.file.as_ref().or(first.file.as_ref()) {
        Some(file) => d.in_file(file.clone()),
        None => d,
    }
}

/// A path with an empty, `.`, `..` or otherwise unsafe part would land somewhere else.
fn unsafe_path(claim: &Claim) -> Option<Diagnostic> {
    let (segment, problem) = claim
        .path
        .split('/')
        .find_map(|s| names::segment_problem(s).map(|p| (s, p)))?;
    let d = Diagnostic::error(msg!(
        "path-unsafe-part",
        source = &claim.source,
        path = &claim.path,
        part = format!("{segment:?}"),
        problem = problem
    ))
    .hint(msg!("path-unsafe-part-hint"));
    Some(match &claim.file {
        Some(file) => d.in_file(file.clone()),
        None => d,
    })
}

/// What a build writes, with its sources: the paths of the files already rendered (`first`),
/// the pages and tag pages still to render (`streamed`), shishin's fixed files, the theme's and
/// the site's static files and the content's assets, in the order they are handed over.
pub fn claims<'j>(
    renderer: &Renderer,
    first: impl IntoIterator<Item = String>,
    streamed: impl Iterator<Item = Job<'j>>,
    site_static: &[(String, PathBuf)],
) -> Vec<Claim> {
    let site = renderer.site;
    let root = renderer.root;
    let mut claims: Vec<Claim> = first
        .into_iter()
        .map(|path| {
            let source = generated(&path);
            Claim::rendered(path, source)
        })
        .collect();
    claims.extend(streamed.filter_map(|job| {
        let path = renderer.output_path(job)?;
        Some(match job {
            Job::Page(page, lang) => {
                let file = site.doc(page, lang).path.clone();
                Claim::of_file(path, file, Origin::Rendered)
            }
            Job::Changes(page, lang) => {
                let file = site.doc(page, lang).path.clone();
                Claim {
                    source: msg!("source-changes", file = &file),
                    path,
                    file: Some(file),
                    origin: Origin::Rendered,
                }
            }
            Job::Tag(lang, name) => tag_claim(renderer, path, lang, name),
            _ => Claim::rendered(path.clone(), generated(&path)),
        })
    }));
    for &lang in &site.config.languages {
        let path = Generated::SearchIndex.file(lang);
        claims.push(Claim::rendered(path, msg!("source-search-index")));
        claims.push(fixed(urls::feed(lang)));
    }
    claims.extend(urls::SITE_FILES.map(|p| fixed(p.into())));
    let files = |list: &[(String, PathBuf)], origin| -> Vec<Claim> {
        list.iter()
            .map(|(rel, path)| Claim::of_file(rel.clone(), display_path(root, path), origin))
            .collect()
    };
    claims.extend(files(&renderer.theme.static_files, Origin::ThemeFile));
    claims.extend(files(site_static, Origin::SiteFile));
    let assets = site
        .assets
        .iter()
        .map(|a| (a.rel.clone(), a.source.clone()));
    claims.extend(files(&assets.collect::<Vec<_>>(), Origin::Asset));
    claims
}

fn fixed(path: String) -> Claim {
    Claim {
        source: msg!("source-fixed", path = &path),
        path,
        file: None,
        origin: Origin::Fixed,
    }
}

/// A tag page, named by its tag and the first page that carries it.
fn tag_claim(renderer: &Renderer, path: String, lang: Lang, name: &str) -> Claim {
    let site = renderer.site;
    let first = site
        .tags
        .get(&lang)
        .and_then(|t| t.get(name))
        .and_then(|pages| pages.first());
    let file = first.map(|&p| site.doc(p, lang).path.clone());
    let source = match &file {
        Some(f) => msg!("source-tag-of", tag = name, file = f),
        None => msg!("source-tag", tag = name),
    };
    Claim {
        path,
        source,
        file,
        origin: Origin::Rendered,
    }
}

/// A page shishin generates, in words, by where it goes.
fn generated(path: &str) -> Text {
    match Generated::parse(urls::split_lang(path).1) {
        Some(Generated::TagIndex) => msg!("generated-tag-index"),
        Some(Generated::Tag(_)) => msg!("generated-tag"),
        Some(
            Generated::CompareIndex
            | Generated::Comparison(_)
            | Generated::Table(..)
            | Generated::Profile(_),
        ) => {
            msg!("generated-comparison")
        }
        Some(Generated::Obligation(_)) => msg!("generated-obligation"),
        Some(Generated::Changes(_)) => msg!("generated-changes"),
        Some(Generated::Glossary) => msg!("generated-glossary"),
        Some(Generated::Search) => msg!("generated-search"),
        Some(Generated::SearchIndex | Generated::SearchIndexPart(_)) => {
            msg!("generated-search-index")
        }
        Some(Generated::NotFound) => msg!("generated-not-found"),
        Some(
            Generated::DataIndex
            | Generated::Codebook
            | Generated::DataPackage
            | Generated::FactsLong
            | Generated::DataTable(_),
        ) => msg!("generated-data"),
        None => msg!("generated-page"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every error of the check, none when it passed.
    fn clashes(claims: &[Claim]) -> Diagnostics {
        check(claims).err().unwrap_or_default()
    }

    fn file(path: &str, file: &str, origin: Origin) -> Claim {
        Claim::of_file(path.into(), file.into(), origin)
    }

    #[test]
    fn two_sources_at_one_path_are_named_both() {
        let errors = clashes(&[
            file("a/index.html", "content/a.md", Origin::Rendered),
            file("a/index.html", "content/a/index.html", Origin::Asset),
        ]);
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].message,
            "content/a.md and content/a/index.html would both be written to /a/index.html"
        );
        assert_eq!(errors[0].file.as_deref(), Some("content/a/index.html"));
    }

    #[test]
    fn the_sites_static_files_replace_the_themes_and_fixed_files_only() {
        let ok = clashes(&[
            file(
                "style.css",
                "themes/default/static/style.css",
                Origin::ThemeFile,
            ),
            fixed("robots.txt".into()),
            file("style.css", "static/style.css", Origin::SiteFile),
            file("robots.txt", "static/robots.txt", Origin::SiteFile),
        ]);
        assert!(ok.is_empty(), "{ok:?}");
        let page_over = clashes(&[
            file("index.html", "content/_index.md", Origin::Rendered),
            file("index.html", "static/index.html", Origin::SiteFile),
        ]);
        assert_eq!(page_over.len(), 1);
        let asset_over_static = clashes(&[
            file("x.css", "static/x.css", Origin::SiteFile),
            file("x.css", "content/x.css", Origin::Asset),
        ]);
        assert_eq!(asset_over_static.len(), 1);
    }

    #[test]
    fn unsafe_parts_of_a_path_are_errors() {
        for path in [
            "tags/../index.html",
            "compare//index.html",
            "tags/./index.html",
        ] {
            let errors = clashes(&[Claim::rendered(path.into(), generated(path))]);
            assert_eq!(errors.len(), 1, "{path}");
            assert!(errors[0].message.contains(path), "{}", errors[0].message);
        }
    }

    #[test]
    fn generated_pages_are_named_in_words() {
        assert_eq!(
            generated("en/glossary/index.html"),
            "the glossary page shishin makes"
        );
        assert_eq!(
            generated("tags/index.html"),
            "the list of tags shishin makes"
        );
    }
}
