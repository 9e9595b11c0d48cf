//! The last check before writing (SPEC §7, §8): every internal `href` and `src` of every HTML output —
//! written by a page body or by a template — must name a file of the output, and every `#anchor`
//! an `id` of the page it points to.
//!
//! The build hands the outputs over in batches as they are rendered and writes each batch away, so
//! a large site never holds all its HTML at once. The paths of every output are known before the
//! first batch (see `pipeline::run`), so a link's file is checked at once; what is kept of each
//! page is only its ids, hashed, for anchors into pages of later batches.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;

use aho_corasick::AhoCorasick;
use percent_encoding::percent_decode_str;
use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::model::{Content, Output, Site};

/// What one HTML output says: the ids it carries and the URLs it points to.
struct Scan<'a> {
    ids: HashSet<Cow<'a, str>>,
    urls: Vec<&'a str>,
}

/// Checks the internal links of a build's outputs, batch by batch.
pub struct Checker {
    finder: AhoCorasick,
    /// `/zaitaku/`
    base_path: String,
    /// `https://www.pref.example.lg.jp/zaitaku/`
    base_url: String,
    files: HashSet<String>,
    /// `a/b/` → `a/b/index.html`; `""` → `index.html`.
    folders: HashMap<String, String>,
    /// The ids of each HTML output checked so far, hashed and sorted.
    ids: HashMap<String, Vec<u64>>,
    /// Anchors into pages not checked yet: (target file, anchor, page, url).
    later: Vec<(String, String, String, String)>,
    /// (page, url, what is wrong)
    broken: Vec<(String, String, Problem)>,
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
}

#[derive(Debug, PartialEq)]
enum Problem {
    /// No output file at that path.
    Missing(String),
    /// The page exists, the anchor does not.
    NoAnchor { file: String, anchor: String },
    /// An absolute path that is not below the site's base path.
    OutsideBase,
}

impl Checker {
    /// A checker for a build whose outputs have these paths.
    pub fn new(base_path: &str, base_url: &str, paths: impl Iterator<Item = String>) -> Checker {
        let files: HashSet<String> = paths.collect();
        let folders = files
            .iter()
            .filter_map(|path| {
                let dir = path.strip_suffix("index.html")?;
                (dir.is_empty() || dir.ends_with('/')).then(|| (dir.to_string(), path.clone()))
            })
            .collect();
        Checker {
            finder: AhoCorasick::new(["=\""]).expect("a fixed pattern"),
            base_path: base_path.to_string(),
            base_url: base_url.to_string(),
            files,
            folders,
            ids: HashMap::new(),
            later: Vec::new(),
            broken: Vec::new(),
        }
    }

    /// Checks the links of a batch of outputs, in parallel, one pass over each page's bytes;
    /// allocation-free for a link that resolves.
    pub fn check(&mut self, outputs: &[Output]) {
        let finder = &self.finder;
        let scans: Vec<(&str, Scan)> = outputs
            .par_iter()
            .filter_map(|o| match &o.content {
                Content::Text(html) if o.path.ends_with(".html") => {
                    Some((o.path.as_str(), scan(html, finder)))
                }
                _ => None,
            })
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
                    self.later
                        .push((file, anchor, page.to_string(), url.to_string()))
                }
            }
        }
    }

    /// The broken links of everything checked, one error per page and URL.
    pub fn finish(mut self, site: &Site) -> Vec<Diagnostic> {
        for (file, anchor, page, url) in std::mem::take(&mut self.later) {
            if !self.has_id(&file, &anchor) {
                self.broken
                    .push((page, url, Problem::NoAnchor { file, anchor }));
            }
        }
        let mut broken = self.broken;
        if broken.is_empty() {
            return Vec::new();
        }
        broken.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        broken.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        let sources = page_sources(site);
        broken
            .into_iter()
            .map(|(page, url, problem)| diagnostic(&page, &url, problem, &sources))
            .collect()
    }

    /// Whether the checked HTML output `file` has the id `anchor` (true for a file that is not
    /// HTML: its anchors are not ours to check).
    fn has_id(&self, file: &str, anchor: &str) -> bool {
        self.ids
            .get(file)
            .is_none_or(|ids| ids.binary_search(&id_hash(anchor)).is_ok())
    }

    /// What becomes of `url` written on the output `page`.
    fn resolve(&self, url: &str, page: &str) -> Outcome {
        let url = unescape(url);
        let (rest, fragment) = match url.split_once('#') {
            Some((r, f)) => (r, Some(f)),
            None => (url.as_ref(), None),
        };
        let rest = rest.split_once('?').map_or(rest, |(r, _)| r);
        // The path below the base, borrowed from the URL where it can be.
        let below: Cow<str> = if rest.is_empty() {
            Cow::Borrowed(page)
        } else if let Some(b) = rest.strip_prefix(self.base_url.as_str()) {
            Cow::Borrowed(b)
        } else if is_external(rest) {
            return Outcome::Fine;
        } else if rest.starts_with('/') {
            match rest.strip_prefix(self.base_path.as_str()) {
                Some(b) => Cow::Borrowed(b),
                None if format!("{rest}/") == self.base_path => Cow::Borrowed(""),
                None => return Outcome::Broken(Problem::OutsideBase),
            }
        } else {
            Cow::Owned(join(page_dir(page), rest))
        };
        let below = percent_decode_str(&below).decode_utf8_lossy();
        let Some(target) = self.served(&below) else {
            return Outcome::Broken(Problem::Missing(below.into_owned()));
        };
        let Some(fragment) = fragment.filter(|f| !f.is_empty()) else {
            return Outcome::Fine;
        };
        let anchor = percent_decode_str(fragment).decode_utf8_lossy();
        if !target.ends_with(".html") {
            return Outcome::Fine;
        }
        let known = self.ids.get(target);
        if known.is_some_and(|ids| ids.binary_search(&id_hash(&anchor)).is_ok()) {
            return Outcome::Fine;
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
            return self.folders.get(path).map(String::as_str);
        }
        if let Some(f) = self.files.get(path) {
            return Some(f);
        }
        self.folders
            .get(format!("{path}/").as_str())
            .map(String::as_str)
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
        let kind = if named(b"href") || named(b"src") {
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

/// `https:`, `mailto:`, `//host/`: not the site's.
fn is_external(url: &str) -> bool {
    if url.starts_with("//") {
        return true;
    }
    match url.find(':') {
        Some(i) => {
            let scheme = &url[..i];
            !scheme.is_empty()
                && !url[..i].contains(['/', '?', '#'])
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

/// The folder of an output, below the base: `en/a/index.html` → `en/a/`.
fn page_dir(page: &str) -> &str {
    page.rfind('/').map_or("", |i| &page[..=i])
}

/// Joins a relative reference to a folder, resolving `.` and `..`.
fn join(dir: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let is_folder = rel.ends_with('/') || rel.ends_with("/.") || rel.ends_with("/..");
    let mut out = parts.join("/");
    if !out.is_empty() && (is_folder || rel == "." || rel == "..") {
        out.push('/');
    }
    out
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
        let template = if page.is_home() {
            "home.html"
        } else if page.is_section() {
            "section.html"
        } else {
            "page.html"
        };
        for &lang in &site.config.languages {
            let doc = site.doc(id, lang);
            out.insert(
                format!("{}{}index.html", lang.url_prefix(), page.path),
                (doc.file.path.clone(), template),
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
) -> Diagnostic {
    let what = match problem {
        Problem::Missing(path) => format!("`{path}` is not part of the site"),
        Problem::NoAnchor { file, anchor } => format!("`{file}` has no anchor `#{anchor}`"),
        Problem::OutsideBase => "it is outside the site's base path".to_string(),
    };
    let message = format!("the page {page} links to `{url}`, but {what}");
    match sources.get(page) {
        Some((file, template)) => Diagnostic::error(message).in_file(file.clone()).hint(format!(
            "the link is in {file} or in the theme's template {template} (or a partial it includes); \
             link pages with `@/path.md` so shishin writes the right URL"
        )),
        None => Diagnostic::error(message).in_file(generated_template(page)).hint(
            "a template writes this link: build URLs from the variables in docs/templates.md \
             (site.base_path, page.url, …) rather than by hand",
        ),
    }
}

/// The theme template a generated page comes from, for errors.
fn generated_template(page: &str) -> String {
    let below = page.strip_prefix("en/").unwrap_or(page);
    let name = if below == "404.html" {
        "404.html"
    } else if below == "tags/index.html" {
        "tags.html"
    } else if below.starts_with("tags/") {
        "tag.html"
    } else if below == "compare/index.html" {
        "compare-index.html"
    } else if below.starts_with("compare/") {
        "compare.html, obligation.html or facts.html"
    } else if below.starts_with("glossary/") {
        "glossary.html"
    } else {
        "base.html"
    };
    format!("themes/default/templates/{name}")
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
            Outcome::Fine => None,
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
