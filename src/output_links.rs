//! The last check before writing (SPEC §7, §8): every internal `href` and `src` of every HTML output —
//! written by a page body or by a template — must name a file of the output, and every `#anchor`
//! an `id` of the page it points to. Runs over the outputs in memory, in parallel, one pass over
//! each page's bytes.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use aho_corasick::AhoCorasick;
use percent_encoding::percent_decode_str;
use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::link::Site;
use crate::render::{Content, Output};

/// What one HTML output says: the ids it carries and the URLs it points to.
struct Scan<'a> {
    ids: HashSet<Cow<'a, str>>,
    urls: Vec<&'a str>,
}

/// The output's files, and the folders whose `index.html` a URL ending in `/` serves.
struct Files<'a> {
    files: HashSet<&'a str>,
    /// `a/b/` → `a/b/index.html`; `""` → `index.html`.
    folders: HashMap<&'a str, &'a str>,
}

/// Checks every internal link of the HTML outputs; one error per broken link, naming its source.
/// Linear in the size of the outputs, and allocation-free for a link that resolves.
pub fn check(outputs: &[Output], site: &Site) -> Vec<Diagnostic> {
    let finder = AhoCorasick::new(["=\""]).expect("a fixed pattern");
    let files = Files {
        files: outputs.iter().map(|o| o.path.as_str()).collect(),
        folders: outputs
            .iter()
            .filter_map(|o| {
                let dir = o.path.strip_suffix("index.html")?;
                (dir.is_empty() || dir.ends_with('/')).then_some((dir, o.path.as_str()))
            })
            .collect(),
    };
    let scans: HashMap<&str, Scan> = outputs
        .par_iter()
        .filter_map(|o| match &o.content {
            Content::Bytes(b) if o.path.ends_with(".html") => {
                let html = std::str::from_utf8(b).ok()?;
                Some((o.path.as_str(), scan(html, &finder)))
            }
            _ => None,
        })
        .collect();
    let base = Base {
        path: &site.config.base_path,
        url: &site.config.base_url,
    };
    let mut broken: Vec<(&str, &str, Problem)> = scans
        .par_iter()
        .flat_map_iter(|(&page, s)| {
            let (files, scans, base) = (&files, &scans, &base);
            s.urls.iter().filter_map(move |&url| {
                resolve(url, page, base, files, scans).map(|problem| (page, url, problem))
            })
        })
        .collect();
    if broken.is_empty() {
        return Vec::new();
    }
    broken.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    broken.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    let sources = page_sources(site);
    broken
        .into_iter()
        .map(|(page, url, problem)| diagnostic(page, url, problem, &sources))
        .collect()
}

struct Base<'a> {
    /// `/zaitaku/`
    path: &'a str,
    /// `https://www.pref.example.lg.jp/zaitaku/`
    url: &'a str,
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

/// `None` when the URL is external or resolves; otherwise what is wrong.
fn resolve(
    url: &str,
    page: &str,
    base: &Base,
    files: &Files,
    scans: &HashMap<&str, Scan>,
) -> Option<Problem> {
    let url = unescape(url);
    let (rest, fragment) = match url.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (url.as_ref(), None),
    };
    let rest = rest.split_once('?').map_or(rest, |(r, _)| r);
    // The path below the base, borrowed from the URL where it can be.
    let below: Cow<str> = if rest.is_empty() {
        Cow::Borrowed(page)
    } else if let Some(b) = rest.strip_prefix(base.url) {
        Cow::Borrowed(b)
    } else if is_external(rest) {
        return None;
    } else if rest.starts_with('/') {
        match rest.strip_prefix(base.path) {
            Some(b) => Cow::Borrowed(b),
            None if format!("{rest}/") == base.path => Cow::Borrowed(""),
            None => return Some(Problem::OutsideBase),
        }
    } else {
        Cow::Owned(join(page_dir(page), rest))
    };
    let below = percent_decode_str(&below).decode_utf8_lossy();
    let Some(target) = files.served(&below) else {
        return Some(Problem::Missing(below.into_owned()));
    };
    let fragment = fragment.filter(|f| !f.is_empty())?;
    let anchor = percent_decode_str(fragment).decode_utf8_lossy();
    match scans.get(target) {
        Some(s) if !s.ids.contains(anchor.as_ref()) => Some(Problem::NoAnchor {
            file: target.to_string(),
            anchor: anchor.into_owned(),
        }),
        _ => None,
    }
}

impl<'a> Files<'a> {
    /// The output file a path below the base serves: `a/` → `a/index.html`; `a` → `a/index.html`
    /// too when there is no file `a` (servers redirect to the folder).
    fn served(&self, path: &str) -> Option<&'a str> {
        if path.is_empty() || path.ends_with('/') {
            return self.folders.get(path).copied();
        }
        if let Some(&f) = self.files.get(path) {
            return Some(f);
        }
        self.folders.get(format!("{path}/").as_str()).copied()
    }
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
        let finder = AhoCorasick::new(["=\""]).unwrap();
        let files = Files {
            files: outputs.iter().map(|(p, _)| *p).collect(),
            folders: outputs
                .iter()
                .filter_map(|(p, _)| p.strip_suffix("index.html").map(|d| (d, *p)))
                .collect(),
        };
        let scans: HashMap<&str, Scan> = outputs
            .iter()
            .map(|(p, html)| (*p, scan(html, &finder)))
            .collect();
        let base = Base {
            path: "/zaitaku/",
            url: "https://example.lg.jp/zaitaku/",
        };
        resolve(url, page, &base, &files, &scans)
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
