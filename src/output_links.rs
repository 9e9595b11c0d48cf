//! The last check before writing (SPEC §7, §8): every internal `href` and `src` of every HTML output —
//! written by a page body or by a template — must name a file of the output, and every `#anchor`
//! an `id` of the page it points to. Runs over the outputs in memory, in parallel, one pass over
//! each page's bytes.

use std::collections::{HashMap, HashSet};

use aho_corasick::AhoCorasick;
use percent_encoding::percent_decode_str;
use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::link::Site;
use crate::render::{Content, Output};

/// What one HTML output says: the ids it carries and the URLs it points to.
struct Scan<'a> {
    ids: HashSet<String>,
    urls: Vec<&'a str>,
}

/// Checks every internal link of the HTML outputs; one error per broken link, naming its source.
pub fn check(outputs: &[Output], site: &Site) -> Vec<Diagnostic> {
    let finder = AhoCorasick::new(["href=\"", "src=\"", "id=\""]).expect("fixed patterns");
    let files: HashSet<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
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
    let sources = page_sources(site);
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
    broken.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    broken.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
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
    for m in finder.find_iter(html) {
        // An attribute starts after whitespace: `data-id="…"` or `xhref="…"` are not ours.
        if m.start() == 0 || !bytes[m.start() - 1].is_ascii_whitespace() {
            continue;
        }
        let value_start = m.end();
        let Some(len) = html[value_start..].find('"') else {
            continue;
        };
        let value = &html[value_start..value_start + len];
        if m.pattern().as_usize() == 2 {
            ids.insert(unescape(value).into_owned());
        } else {
            urls.push(value);
        }
    }
    Scan { ids, urls }
}

/// `None` when the URL is external or resolves; otherwise what is wrong.
fn resolve(
    url: &str,
    page: &str,
    base: &Base,
    files: &HashSet<&str>,
    scans: &HashMap<&str, Scan>,
) -> Option<Problem> {
    let url = unescape(url);
    let local = match url.strip_prefix(base.url) {
        Some(rest) => format!("{}{rest}", base.path),
        None if is_external(&url) => return None,
        None => url.into_owned(),
    };
    let (rest, fragment) = match local.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (local.as_str(), None),
    };
    let rest = rest.split_once('?').map_or(rest, |(r, _)| r);
    let target = if rest.is_empty() {
        page.to_string()
    } else {
        let path = if let Some(abs) = rest.strip_prefix('/') {
            match format!("/{abs}").strip_prefix(base.path) {
                Some(below) => below.to_string(),
                None => return Some(Problem::OutsideBase),
            }
        } else {
            join(page_dir(page), rest)
        };
        let path = percent_decode_str(&path).decode_utf8_lossy().into_owned();
        match file_for(&path, files) {
            Some(f) => f,
            None => return Some(Problem::Missing(path)),
        }
    };
    let fragment = fragment.filter(|f| !f.is_empty())?;
    let anchor = percent_decode_str(fragment).decode_utf8_lossy();
    match scans.get(target.as_str()) {
        Some(s) if !s.ids.contains(anchor.as_ref()) => Some(Problem::NoAnchor {
            file: target,
            anchor: anchor.into_owned(),
        }),
        _ => None,
    }
}

/// The output file a path below the base serves: `a/` → `a/index.html`; `a` → `a/index.html`
/// too when there is no file `a` (servers redirect to the folder).
fn file_for(path: &str, files: &HashSet<&str>) -> Option<String> {
    if path.is_empty() || path.ends_with('/') {
        let index = format!("{path}index.html");
        return files.contains(index.as_str()).then_some(index);
    }
    if files.contains(path) {
        return Some(path.to_string());
    }
    let index = format!("{path}/index.html");
    files.contains(index.as_str()).then_some(index)
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
fn unescape(value: &str) -> std::borrow::Cow<'_, str> {
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
        let finder = AhoCorasick::new(["href=\"", "src=\"", "id=\""]).unwrap();
        let files: HashSet<&str> = outputs.iter().map(|(p, _)| *p).collect();
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
