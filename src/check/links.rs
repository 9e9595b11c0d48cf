//! The last check before writing (SPEC §7, §8): every internal `href`, `src` and `action` of
//! every HTML output — written by a page body or by a template — must name a file of the output,
//! and every `#anchor` an `id` of the page it points to.
//!
//! A build for opening from disk (`build --relative`, [`Checker::for_files`]) checks what a
//! browser opening the files would do: a URL from the server's root (`/zaitaku/a/`) leads to the
//! root of the disk, and a folder's URL (`../a/`) to a list of files, so both are errors; a
//! relative URL must name the file itself (`../a/index.html`).
//!
//! The build hands the outputs over in batches as they are rendered and writes each batch away, so
//! a large site never holds all its HTML at once. The paths of every output are known before the
//! first batch (see `pipeline::run`), so a link's file is checked at once; what is kept of each
//! page is only its ids, hashed, for anchors into pages of later batches.
//!
//! The preview runs the same check on what each rebuild re-renders ([`Kept`]): it keeps the paths
//! and the hashed ids of the site it serves, so a re-rendered page's links are checked against
//! the whole site. It also keeps, for each page, the pages that link into it with an anchor: when
//! a re-rendered page lost an id, only the pages that linked to that id are checked again. When a
//! file went away, every page is: any page may have linked there.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;

use aho_corasick::AhoCorasick;
use percent_encoding::percent_decode_str;
use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Content, Output, Site};
use crate::msg;
use crate::render::theme::page_template;
use crate::urls::{self, is_external, Generated};

/// What one HTML output says: the ids it carries and the URLs it points to.
struct Scan<'a> {
    ids: HashSet<Cow<'a, str>>,
    urls: Vec<&'a str>,
}

/// Checks the internal links of a build's outputs, batch by batch. `'k` is the life of what
/// the preview kept of the site it serves ([`Kept`]); a build keeps nothing (`'static`).
pub struct Checker<'k> {
    finder: AhoCorasick,
    /// `/zaitaku/`
    base_path: String,
    /// `https://www.pref.example.lg.jp/zaitaku/`
    base_url: String,
    /// `build --relative`: the pages are opened from files, where only a relative URL naming a
    /// file works.
    on_disk: bool,
    paths: Cow<'k, Paths>,
    /// The ids of the HTML outputs not checked here, as the preview last served them.
    known: Option<&'k Ids>,
    /// The ids of each HTML output checked so far, hashed and sorted.
    ids: Ids,
    /// Anchors into pages not checked yet: (target file, anchor, page, url).
    later: Vec<(String, String, String, String)>,
    /// For the preview: every link with an anchor into another page, as (page, target file,
    /// hashed id).
    anchored: Option<Vec<Anchored>>,
    /// (page, url, what is wrong)
    broken: Vec<(String, String, Problem)>,
}

/// Output path → the ids of that HTML output, hashed and sorted.
type Ids = HashMap<String, Vec<u64>>;

/// A link with an anchor into another page: (page, target file, hashed id).
type Anchored = (String, String, u64);

/// Every output path of a site, as links resolve against them.
#[derive(Clone, Default)]
struct Paths {
    files: HashSet<String>,
    /// `a/b/` → `a/b/index.html`; `""` → `index.html`.
    folders: HashMap<String, String>,
}

impl Paths {
    fn new(paths: impl Iterator<Item = String>) -> Paths {
        let files: HashSet<String> = paths.collect();
        let folders = files
            .iter()
            .filter_map(|path| Some((urls::folder_of_index(path)?.to_string(), path.clone())))
            .collect();
        Paths { files, folders }
    }
}

/// What became of one URL.
#[derive(Debug, PartialEq)]
enum Outcome {
    /// External, or it resolves.
    Fine,
    Broken(Problem),
    /// An anchor into a page whose ids are not known yet.
    Later {
        file: String,
        anchor: String,
    },
    /// It resolves, to an id of another page (told only when the checker keeps such links).
    Anchored {
        file: String,
        id: u64,
    },
}

#[derive(Debug, PartialEq)]
enum Problem {
    /// No output file at that path.
    Missing(String),
    /// The page exists, the anchor does not.
    NoAnchor { file: String, anchor: String },
    /// An absolute path that is not below the site's base path, or a relative one whose `..`
    /// climb above it.
    OutsideBase,
    /// In a build for opening from disk: a path from the root of the server (`/zaitaku/a/`),
    /// which from a file is the root of the disk.
    NotRelative,
    /// In a build for opening from disk: a relative URL that names a folder (`a/`), which a
    /// browser opening files shows as a list of files; holds the folder's page.
    Folder(String),
}

impl Checker<'static> {
    /// A checker for a build whose outputs have these paths.
    pub fn new(base_path: &str, base_url: &str, paths: impl Iterator<Item = String>) -> Self {
        Checker::with(base_path, base_url, Cow::Owned(Paths::new(paths)), None)
    }

    /// The checker of a build opened from disk (`build --relative`): every internal URL must be
    /// relative and name a file.
    pub fn for_files(mut self) -> Self {
        self.on_disk = true;
        self
    }
}

impl<'k> Checker<'k> {
    fn with(
        base_path: &str,
        base_url: &str,
        paths: Cow<'k, Paths>,
        known: Option<&'k Ids>,
    ) -> Self {
        Checker {
            finder: AhoCorasick::new(["=\""]).expect("a fixed pattern"),
            base_path: base_path.to_string(),
            base_url: base_url.to_string(),
            on_disk: false,
            paths,
            known,
            ids: HashMap::new(),
            later: Vec::new(),
            anchored: known.is_some().then(Vec::new),
            broken: Vec::new(),
        }
    }

    /// Checks the links of a batch of outputs, in parallel, one pass over each page's bytes;
    /// allocation-free for a link that resolves.
    pub fn check(&mut self, outputs: &[Output]) {
        self.check_html(outputs.iter().map(|o| (o.path.as_str(), &o.content)));
    }

    /// The ids of an HTML output checked here, hashed and sorted (what a build's render cache
    /// keeps of it).
    pub fn checked_ids(&self, path: &str) -> Option<&[u64]> {
        self.ids.get(path).map(Vec::as_slice)
    }

    /// Takes the ids of an HTML output that is not checked here because it is as a previous
    /// build checked it (kept from that build's render cache).
    pub fn know(&mut self, path: &str, ids: Vec<u64>) {
        self.ids.insert(path.to_string(), ids);
    }

    /// [`Checker::check`] for outputs held by path (what the preview serves).
    fn check_html<'o>(&mut self, outputs: impl Iterator<Item = (&'o str, &'o Content)>) {
        let html: Vec<(&str, &str)> = outputs
            .filter_map(|(path, content)| match content {
                Content::Text(html) if path.ends_with(".html") => Some((path, html.as_str())),
                _ => None,
            })
            .collect();
        let finder = &self.finder;
        let scans: Vec<(&str, Scan)> = html
            .into_par_iter()
            .map(|(path, html)| (path, scan(html, finder)))
            .collect();
        for (path, s) in &scans {
            let mut ids: Vec<u64> = s.ids.iter().map(|id| id_hash(id)).collect();
            ids.sort_unstable();
            self.ids.insert(path.to_string(), ids);
        }
        let this = &*self;
        let found: Vec<(&str, &str, Outcome)> = scans
            .par_iter()
            .flat_map_iter(|(page, s)| {
                s.urls
                    .iter()
                    .filter_map(move |&url| match this.resolve(url, page) {
                        Outcome::Fine => None,
                        outcome => Some((*page, url, outcome)),
                    })
            })
            .collect();
        for (page, url, outcome) in found {
            match outcome {
                Outcome::Fine => {}
                Outcome::Broken(problem) => {
                    self.broken
                        .push((page.to_string(), url.to_string(), problem))
                }
                Outcome::Later { file, anchor } => {
                    if let Some(anchored) = &mut self.anchored {
                        anchored.push((page.to_string(), file.clone(), id_hash(&anchor)));
                    }
                    self.later
                        .push((file, anchor, page.to_string(), url.to_string()))
                }
                Outcome::Anchored { file, id } => {
                    if let Some(anchored) = &mut self.anchored {
                        anchored.push((page.to_string(), file, id));
                    }
                }
            }
        }
    }

    /// The broken links of everything checked, one error per page and URL.
    pub fn finish(mut self, site: &Site) -> Result<(), Diagnostics> {
        self.broken(site).into_result(())
    }

    /// [`Checker::finish`], leaving the paths and ids for the preview to keep.
    fn broken(&mut self, site: &Site) -> Diagnostics {
        for (file, anchor, page, url) in std::mem::take(&mut self.later) {
            if !self.has_id(&file, &anchor) {
                self.broken
                    .push((page, url, Problem::NoAnchor { file, anchor }));
            }
        }
        let mut broken = std::mem::take(&mut self.broken);
        if broken.is_empty() {
            return Diagnostics::default();
        }
        broken.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        broken.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        let sources = page_sources(site);
        broken
            .into_iter()
            .map(|(page, url, problem)| diagnostic(&page, &url, problem, &sources, site))
            .collect()
    }

    /// Whether the checked HTML output `file` has the id `anchor` (true for a file that is not
    /// HTML: its anchors are not ours to check).
    fn has_id(&self, file: &str, anchor: &str) -> bool {
        self.ids_of(file)
            .is_none_or(|ids| ids.binary_search(&id_hash(anchor)).is_ok())
    }

    /// The ids of an HTML output: as checked here, else as the preview last served it.
    fn ids_of(&self, file: &str) -> Option<&Vec<u64>> {
        self.ids
            .get(file)
            .or_else(|| self.known.and_then(|known| known.get(file)))
    }

    /// What becomes of `url` written on the output `page`.
    fn resolve(&self, url: &str, page: &str) -> Outcome {
        let url = unescape(url);
        let (rest, fragment) = match url.split_once('#') {
            Some((r, f)) => (r, Some(f)),
            None => (url.as_ref(), None),
        };
        let rest = rest.split_once('?').map_or(rest, |(r, _)| r);
        // Whether the URL is followed from the file of the page, on disk.
        let mut from_file = false;
        // The path below the base, borrowed from the URL where it can be.
        let below: Cow<str> = if rest.is_empty() {
            Cow::Borrowed(page)
        } else if let Some(b) = rest.strip_prefix(self.base_url.as_str()) {
            Cow::Borrowed(b)
        } else if is_external(rest) {
            return Outcome::Fine;
        } else if rest.starts_with('/') {
            let below = match rest.strip_prefix(self.base_path.as_str()) {
                Some(b) => b,
                None if format!("{rest}/") == self.base_path => "",
                None => return Outcome::Broken(Problem::OutsideBase),
            };
            if self.on_disk {
                return Outcome::Broken(Problem::NotRelative);
            }
            Cow::Borrowed(below)
        } else {
            from_file = self.on_disk;
            match urls::join(page_dir(page), rest) {
                Some(joined) => Cow::Owned(joined),
                None => return Outcome::Broken(Problem::OutsideBase),
            }
        };
        let below = percent_decode_str(&below).decode_utf8_lossy();
        let Some(target) = self.served(&below) else {
            return Outcome::Broken(Problem::Missing(below.into_owned()));
        };
        // A folder's URL reached its page: a server does that, a browser opening files does not.
        if from_file && target != below {
            return Outcome::Broken(Problem::Folder(target.to_string()));
        }
        let Some(fragment) = fragment.filter(|f| !f.is_empty()) else {
            return Outcome::Fine;
        };
        let anchor = percent_decode_str(fragment).decode_utf8_lossy();
        if !target.ends_with(".html") {
            return Outcome::Fine;
        }
        let known = self.ids_of(target);
        let id = id_hash(&anchor);
        if known.is_some_and(|ids| ids.binary_search(&id).is_ok()) {
            return match self.anchored.is_some() && target != page {
                true => Outcome::Anchored {
                    file: target.to_string(),
                    id,
                },
                false => Outcome::Fine,
            };
        }
        let (file, anchor) = (target.to_string(), anchor.into_owned());
        match known {
            Some(_) => Outcome::Broken(Problem::NoAnchor { file, anchor }),
            None => Outcome::Later { file, anchor },
        }
    }

    /// The output file a path below the base serves: `a/` → `a/index.html`; `a` → `a/index.html`
    /// too when there is no file `a` (servers redirect to the folder).
    fn served(&self, path: &str) -> Option<&str> {
        if path.is_empty() || path.ends_with('/') {
            return self.paths.folders.get(path).map(String::as_str);
        }
        if let Some(f) = self.paths.files.get(path) {
            return Some(f);
        }
        self.paths
            .folders
            .get(format!("{path}/").as_str())
            .map(String::as_str)
    }
}

/// What the preview keeps of the site it serves, for the link check of its next rebuild: every
/// output path, the hashed ids of every HTML output, and the links with an anchor between pages.
#[derive(Default)]
pub struct Kept {
    paths: Paths,
    ids: Ids,
    /// Page → its links with an anchor into other pages: (target file, hashed id).
    anchors_from: HashMap<String, Vec<(String, u64)>>,
    /// Target file → the pages that link into it with an anchor, with the hashed id.
    anchors_into: HashMap<String, Vec<(u64, String)>>,
}

/// A rebuild whose links all resolve: what to keep of it once its outputs are served.
pub struct Passed {
    /// `None`: the paths did not change.
    paths: Option<Paths>,
    ids: Ids,
    anchored: Vec<Anchored>,
    /// Paths served before and not any more.
    gone: Vec<String>,
}

impl Kept {
    /// Checks the links of a rebuild against the whole site. `paths` are every output path of
    /// the rebuilt site when they may have changed (`None`: the same as last time); `made` the
    /// outputs made again; `served` every output served before the rebuild, of which the pages
    /// not made again are checked too when a file went away or a page made again lost an id.
    pub fn check<'o>(
        &self,
        site: &Site,
        paths: Option<Vec<String>>,
        made: impl Iterator<Item = (&'o str, &'o Content)>,
        served: &'o HashMap<String, Content>,
    ) -> Result<Passed, Diagnostics> {
        let (paths, gone) = match paths {
            Some(paths) => {
                let paths = Paths::new(paths.into_iter());
                let gone = self
                    .paths
                    .files
                    .iter()
                    .filter(|p| !paths.files.contains(*p));
                let gone: Vec<String> = gone.cloned().collect();
                (Cow::Owned(paths), gone)
            }
            None => (Cow::Borrowed(&self.paths), Vec::new()),
        };
        let config = &site.config;
        let mut checker =
            Checker::with(&config.base_path, &config.base_url, paths, Some(&self.ids));
        checker.check_html(made);
        // The pages not made again that may point where something went: every page when a file
        // went away, else those that linked to an id a page made again lost.
        let again: Vec<&String> = match gone.is_empty() {
            false => served.keys().collect(),
            true => self.linking_to_lost_ids(&checker.ids),
        };
        let others: Vec<(&str, &Content)> = again
            .into_iter()
            .filter(|path| !checker.ids.contains_key(*path) && checker.paths.files.contains(*path))
            .filter_map(|path| Some((path.as_str(), served.get(path)?)))
            .collect();
        checker.check_html(others.into_iter());
        let broken = checker.broken(site);
        if !broken.is_empty() {
            return Err(broken);
        }
        let paths = match checker.paths {
            Cow::Owned(paths) => Some(paths),
            Cow::Borrowed(_) => None,
        };
        Ok(Passed {
            paths,
            anchored: checker.anchored.unwrap_or_default(),
            ids: checker.ids,
            gone,
        })
    }

    /// The pages that link to an id that a page checked again no longer has.
    fn linking_to_lost_ids(&self, checked: &Ids) -> Vec<&String> {
        let mut pages = Vec::new();
        for (path, ids) in checked {
            let (Some(old), Some(into)) = (self.ids.get(path), self.anchors_into.get(path)) else {
                continue;
            };
            let lost: HashSet<u64> = old
                .iter()
                .filter(|id| ids.binary_search(id).is_err())
                .copied()
                .collect();
            if !lost.is_empty() {
                let linking = into.iter().filter(|(id, _)| lost.contains(id));
                pages.extend(linking.map(|(_, page)| page));
            }
        }
        pages
    }

    /// Keeps what a passed check learnt, once its outputs are served.
    pub fn keep(&mut self, passed: Passed) {
        if let Some(paths) = passed.paths {
            self.paths = paths;
        }
        // A page checked again or gone: its old links with an anchor go; its new ones come.
        let checked = passed.ids.keys().chain(&passed.gone);
        for page in checked {
            let files: HashSet<String> = self
                .anchors_from
                .remove(page)
                .into_iter()
                .flatten()
                .map(|(file, _)| file)
                .collect();
            for file in files {
                if let Some(into) = self.anchors_into.get_mut(&file) {
                    into.retain(|(_, p)| p != page);
                }
            }
        }
        for (page, file, id) in passed.anchored {
            let into = self.anchors_into.entry(file.clone()).or_default();
            into.push((id, page.clone()));
            self.anchors_from.entry(page).or_default().push((file, id));
        }
        for path in &passed.gone {
            self.ids.remove(path);
        }
        self.ids.extend(passed.ids);
    }
}

/// An id as kept for later anchors: a hash, so a large site's ids cost 8 bytes each.
fn id_hash(id: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(id)
}

fn scan<'a>(html: &'a str, finder: &AhoCorasick) -> Scan<'a> {
    let bytes = html.as_bytes();
    let mut ids = HashSet::new();
    let mut urls = Vec::new();
    // Every attribute value `name="…"`; one fast search for `="`, then the name is read backwards.
    for m in finder.find_iter(html) {
        let before = &bytes[..m.start()];
        // The attribute's name, after whitespace: `data-id="…"` or `xhref="…"` are not ours.
        let named = |name: &[u8]| {
            before.ends_with(name)
                && before
                    .len()
                    .checked_sub(name.len() + 1)
                    .is_some_and(|i| before[i].is_ascii_whitespace())
        };
        let kind = if named(b"href") || named(b"src") || named(b"action") {
            Attr::Url
        } else if named(b"id") {
            Attr::Id
        } else {
            continue;
        };
        let value_start = m.end();
        let Some(len) = html[value_start..].find('"') else {
            continue;
        };
        let value = &html[value_start..value_start + len];
        match kind {
            Attr::Id => {
                ids.insert(unescape(value));
            }
            Attr::Url => urls.push(value),
        }
    }
    Scan { ids, urls }
}

enum Attr {
    Url,
    Id,
}

/// The folder of an output, below the base: `en/a/index.html` → `en/a/`.
fn page_dir(page: &str) -> &str {
    page.rfind('/').map_or("", |i| &page[..=i])
}

/// The entities templates and pulldown-cmark write inside attribute values.
fn unescape(value: &str) -> Cow<'_, str> {
    if !value.contains('&') {
        return value.into();
    }
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .into()
}

/// Output path of each content page → its source file and template.
fn page_sources(site: &Site) -> HashMap<String, (String, &'static str)> {
    let mut out = HashMap::new();
    for (id, page) in site.pages.iter().enumerate() {
        let template = page_template(page);
        for &lang in &site.config.languages {
            let doc = site.doc(id, lang);
            out.insert(
                urls::index_file(lang, &page.path),
                (doc.path.clone(), template),
            );
        }
    }
    out
}

fn diagnostic(
    page: &str,
    url: &str,
    problem: Problem,
    sources: &HashMap<String, (String, &'static str)>,
    site: &Site,
) -> Diagnostic {
    let (message, on_disk) = match problem {
        Problem::Missing(path) => (
            msg!("link-missing", page = page, url = url, path = path),
            None,
        ),
        Problem::NoAnchor { file, anchor } => (
            msg!(
                "link-no-anchor",
                page = page,
                url = url,
                file = file,
                anchor = anchor
            ),
            None,
        ),
        Problem::OutsideBase => (msg!("link-outside-base", page = page, url = url), None),
        Problem::NotRelative => (
            msg!("link-not-relative", page = page, url = url),
            Some(msg!("link-on-disk-hint")),
        ),
        Problem::Folder(file) => (
            msg!("link-names-folder", page = page, url = url, file = &file),
            Some(msg!("link-folder-on-disk-hint", file = &file)),
        ),
    };
    let templates = templates_dir(site);
    if let Some(hint) = on_disk {
        let file = match sources.get(page) {
            Some((file, _)) => file.clone(),
            None => format!("{templates}{}", generated_template(site, page)),
        };
        return Diagnostic::error(message).in_file(file).hint(hint);
    }
    match sources.get(page) {
        Some((file, template)) => Diagnostic::error(message).in_file(file.clone()).hint(msg!(
            "link-in-page-hint",
            file = file,
            template = *template,
            templates = &templates
        )),
        None => Diagnostic::error(message)
            .in_file(format!("{templates}{}", generated_template(site, page)))
            .hint(msg!("link-in-template-hint")),
    }
}

/// The folder of the configured theme's templates, as the user finds it: `themes/NAME/templates/`.
fn templates_dir(site: &Site) -> String {
    format!("themes/{}/templates/", site.config.theme)
}

/// The theme template a generated page comes from, for errors; `base.html`, which every page
/// extends, when the page is none shishin knows.
fn generated_template(site: &Site, page: &str) -> &'static str {
    match Generated::parse(urls::split_lang(page).1) {
        Some(Generated::NotFound) => "404.html",
        Some(Generated::TagIndex) => "tags.html",
        Some(Generated::Tag(_)) => "tag.html",
        Some(Generated::CompareIndex) => "compare-index.html",
        Some(Generated::Comparison(id)) if site.obligations.contains_key(id) => "compare.html",
        Some(Generated::Comparison(_)) => "facts.html",
        Some(Generated::Obligation(_)) => "obligation.html",
        Some(Generated::Profile(_)) => "prefecture.html",
        Some(Generated::Glossary) => "glossary.html",
        Some(Generated::Search) => "search.html",
        Some(Generated::Changes(_)) => "changes.html",
        Some(Generated::DataIndex) => "data.html",
        Some(Generated::Codebook) => "codebook.html",
        Some(
            Generated::Table(..)
            | Generated::SearchIndex
            | Generated::SearchIndexPart(_)
            | Generated::DataPackage
            | Generated::FactsLong
            | Generated::DataTable(_),
        )
        | None => "base.html",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_one(url: &str, page: &str, outputs: &[(&str, &str)]) -> Option<Problem> {
        let outputs: Vec<Output> = outputs
            .iter()
            .map(|(path, html)| Output::text(*path, html.to_string()))
            .collect();
        let paths = outputs.iter().map(|o| o.path.clone());
        let mut checker = Checker::new("/zaitaku/", "https://example.lg.jp/zaitaku/", paths);
        checker.check(&outputs);
        match checker.resolve(url, page) {
            Outcome::Fine | Outcome::Anchored { .. } => None,
            Outcome::Broken(p) => Some(p),
            Outcome::Later { .. } => panic!("every page was checked"),
        }
    }

    const SITE: &[(&str, &str)] = &[
        (
            "index.html",
            "<main id=\"main\"><a href=\"a/\">a</a></main>",
        ),
        (
            "a/index.html",
            "<h2 id=\"急変時の対応\">x</h2><p data-id=\"fake\"></p>",
        ),
        ("a/b/index.html", ""),
        ("style.css", ""),
    ];

    #[test]
    fn paths_below_the_base_resolve_to_files_or_folders() {
        assert_eq!(check_one("/zaitaku/a/", "index.html", SITE), None);
        assert_eq!(check_one("/zaitaku/a", "index.html", SITE), None);
        assert_eq!(
            check_one("/zaitaku/style.css?v=1", "a/index.html", SITE),
            None
        );
        assert_eq!(
            check_one("https://example.lg.jp/zaitaku/a/b/", "index.html", SITE),
            None
        );
        assert_eq!(
            check_one("/zaitaku/c/", "index.html", SITE),
            Some(Problem::Missing("c/".into()))
        );
        assert_eq!(
            check_one("/a/", "index.html", SITE),
            Some(Problem::OutsideBase)
        );
    }

    #[test]
    fn relative_links_resolve_from_the_page_folder() {
        assert_eq!(check_one("b/", "a/index.html", SITE), None);
        assert_eq!(check_one("../", "a/b/index.html", SITE), None);
        assert_eq!(check_one("../../style.css", "a/b/index.html", SITE), None);
        assert_eq!(
            check_one("../c/", "a/b/index.html", SITE),
            Some(Problem::Missing("a/c/".into()))
        );
    }

    #[test]
    fn relative_links_that_climb_above_the_base_leave_the_site() {
        // From /zaitaku/, `../style.css` is /style.css: another site's file.
        assert_eq!(
            check_one("../style.css", "index.html", SITE),
            Some(Problem::OutsideBase)
        );
        assert_eq!(
            check_one("../../../style.css", "a/b/index.html", SITE),
            Some(Problem::OutsideBase)
        );
    }

    #[test]
    fn anchors_must_exist_on_the_target_page() {
        assert_eq!(check_one("#main", "index.html", SITE), None);
        assert_eq!(
            check_one(
                "/zaitaku/a/#%E6%80%A5%E5%A4%89%E6%99%82%E3%81%AE%E5%AF%BE%E5%BF%9C",
                "index.html",
                SITE
            ),
            None
        );
        assert_eq!(
            check_one("/zaitaku/a/#fake", "index.html", SITE),
            Some(Problem::NoAnchor {
                file: "a/index.html".into(),
                anchor: "fake".into()
            })
        );
        assert_eq!(
            check_one("#nowhere", "a/b/index.html", SITE),
            Some(Problem::NoAnchor {
                file: "a/b/index.html".into(),
                anchor: "nowhere".into()
            })
        );
    }

    #[test]
    fn anchors_into_pages_of_a_later_batch_are_checked_at_the_end() {
        let first = [Output::text(
            "a/index.html",
            "<a href=\"../b/#x\">ok</a><a href=\"../b/#gone\">broken</a><a href=\"../c/\">no page</a>"
                .to_string(),
        )];
        let later = [Output::text(
            "b/index.html",
            "<h2 id=\"x\">x</h2>".to_string(),
        )];
        let paths = first.iter().chain(&later).map(|o| o.path.clone());
        let mut checker = Checker::new("/", "https://example.lg.jp/", paths);
        checker.check(&first);
        // A missing page is known at once; the anchors wait for their page.
        assert_eq!(checker.broken.len(), 1);
        assert_eq!(checker.later.len(), 2);
        checker.check(&later);
        let mut broken: Vec<(String, String)> = checker
            .later
            .iter()
            .filter(|(file, anchor, ..)| !checker.has_id(file, anchor))
            .map(|(_, _, page, url)| (page.clone(), url.clone()))
            .collect();
        broken.extend(
            checker
                .broken
                .iter()
                .map(|(p, u, _)| (p.clone(), u.clone())),
        );
        broken.sort();
        assert_eq!(
            broken,
            [
                ("a/index.html".to_string(), "../b/#gone".to_string()),
                ("a/index.html".to_string(), "../c/".to_string()),
            ]
        );
    }

    #[test]
    fn scan_reads_attributes_after_any_whitespace_and_only_those() {
        let finder = AhoCorasick::new(["=\""]).unwrap();
        let html = "<a class=\"x\"\n  href=\"/a/\" data-href=\"/no/\"><img\tsrc=\"i.png\" data-id=\"d\" id=\"k&amp;v\">";
        let s = scan(html, &finder);
        assert_eq!(s.urls, ["/a/", "i.png"]);
        assert_eq!(s.ids.len(), 1);
        assert!(s.ids.contains("k&v"));
    }

    fn check_on_disk(url: &str, page: &str) -> Option<Problem> {
        let outputs: Vec<Output> = SITE
            .iter()
            .map(|(path, html)| Output::text(*path, html.to_string()))
            .collect();
        let paths = outputs.iter().map(|o| o.path.clone());
        let mut checker =
            Checker::new("/zaitaku/", "https://example.lg.jp/zaitaku/", paths).for_files();
        checker.check(&outputs);
        match checker.resolve(url, page) {
            Outcome::Fine | Outcome::Anchored { .. } => None,
            Outcome::Broken(p) => Some(p),
            Outcome::Later { .. } => panic!("every page was checked"),
        }
    }

    #[test]
    fn opened_from_disk_a_relative_url_must_name_the_file() {
        assert_eq!(check_on_disk("b/index.html", "a/index.html"), None);
        assert_eq!(check_on_disk("../../style.css", "a/b/index.html"), None);
        assert_eq!(check_on_disk("../index.html#main", "a/index.html"), None);
        assert_eq!(check_on_disk("#main", "index.html"), None);
        assert_eq!(check_on_disk("", "index.html"), None);
        assert_eq!(
            check_on_disk("b/", "a/index.html"),
            Some(Problem::Folder("a/b/index.html".into()))
        );
        assert_eq!(
            check_on_disk("../b", "a/b/index.html"),
            Some(Problem::Folder("a/b/index.html".into()))
        );
        assert_eq!(
            check_on_disk("../", "a/index.html"),
            Some(Problem::Folder("index.html".into()))
        );
        assert_eq!(
            check_on_disk("c/index.html", "a/index.html"),
            Some(Problem::Missing("a/c/index.html".into()))
        );
        // The full address leads to the web site, where a server answers for a folder.
        assert_eq!(
            check_on_disk("https://example.lg.jp/zaitaku/a/", "index.html"),
            None
        );
    }

    #[test]
    fn opened_from_disk_a_path_from_the_server_root_is_an_error() {
        assert_eq!(
            check_on_disk("/zaitaku/a/b/index.html", "index.html"),
            Some(Problem::NotRelative)
        );
        assert_eq!(
            check_on_disk("/zaitaku/style.css", "a/index.html"),
            Some(Problem::NotRelative)
        );
        assert_eq!(
            check_on_disk("/other/", "index.html"),
            Some(Problem::OutsideBase)
        );
    }

    #[test]
    fn form_actions_are_checked_like_links() {
        let finder = AhoCorasick::new(["=\""]).unwrap();
        let s = scan("<form action=\"/zaitaku/search/\" method=\"get\">", &finder);
        assert_eq!(s.urls, ["/zaitaku/search/"]);
    }

    #[test]
    fn external_links_are_not_checked() {
        for url in [
            "https://www.mhlw.go.jp/",
            "mailto:a@b.jp",
            "//cdn.example/x.js",
            "tel:0431234567",
        ] {
            assert_eq!(check_one(url, "index.html", SITE), None, "{url}");
        }
    }
}
