//! `build --relative` (SPEC §1): every internal URL of every HTML page made relative to the page,
//! so the output folder works opened from disk or copied to any path (a file share, a USB stick),
//! as mdBook's output does.
//!
//! It rewrites the rendered HTML rather than the contexts, because no earlier point sees both a
//! URL and the page it ends up on: a page body is rendered once per document and placed at more
//! than one depth (the page, its `changes/` page, the untranslated English page); the navigation,
//! header and footer are rendered once per language and section and shared by pages of different
//! depths; a theme builds asset URLs from `site.base_path` itself. Each of them writes
//! site-absolute URLs (`/zaitaku/a/`), and here, once the page's own path is known, each becomes
//! the reference from that page ([`urls::relative`]): one place, whatever wrote the link.
//!
//! The attributes rewritten are those shishin and the theme write URLs into, `href`, `src` and
//! `action`, quoted with `"` as templates and pulldown-cmark write every attribute. Absolute URLs
//! (`https://…`) are left alone: `<link rel="canonical">`, the hreflang alternates and links to
//! other sites keep them, as do the sitemap, the feeds and robots.txt, which are not HTML. The
//! link check then resolves every relative URL against the files of the output
//! (`check::links`), so a wrong one is a build error.
//!
//! A link (`<a>`) also gets `data-url`, its full address, which the print stylesheet writes after
//! the link's text: on paper a relative address means nothing (SPEC §8).

use rayon::prelude::*;

use crate::model::{Config, Content, Output};
use crate::urls;

/// What turns a site's site-absolute URLs into relative ones.
#[derive(Debug, Clone)]
pub struct Relative {
    /// `/zaitaku/`, as URLs carry it (percent-encoded).
    base_path: String,
    /// `https://www.pref.example.lg.jp/zaitaku/`
    base_url: String,
}

impl Relative {
    pub fn new(config: &Config) -> Relative {
        Relative {
            base_path: config.base_path.clone(),
            base_url: config.base_url.clone(),
        }
    }

    /// Rewrites the HTML outputs among `outputs`, in parallel.
    pub fn apply(&self, outputs: &mut [Output]) {
        outputs.par_iter_mut().for_each(|output| {
            if !output.path.ends_with(".html") {
                return;
            }
            if let Content::Text(html) = &output.content {
                if let Some(rewritten) = self.html(&output.path, html) {
                    output.content = Content::Text(rewritten);
                }
            }
        });
    }

    /// The HTML of the output at `page` (`en/a/index.html`) with its internal URLs relative;
    /// `None` when it has none to rewrite.
    pub fn html(&self, page: &str, html: &str) -> Option<String> {
        let mut out = String::new();
        // Up to where `html` is copied into `out`.
        let mut copied = 0;
        for (at, _) in html.match_indices("=\"") {
            let before = &html[..at];
            if !is_url_attribute(before) {
                continue;
            }
            let start = at + 2;
            let Some(len) = html[start..].find('"') else {
                break;
            };
            let value = &html[start..start + len];
            let Some(target) = self.target(page, value) else {
                continue;
            };
            if out.is_empty() {
                out.reserve(html.len() + html.len() / 8);
            }
            out.push_str(&html[copied..start]);
            let element = Element::of(html, before);
            if element == Element::Alternate {
                out.push_str(&target.absolute);
                out.push('"');
                copied = start + len + 1;
                continue;
            }
            out.push_str(&target.relative);
            out.push('"');
            if element == Element::Link {
                out.push_str(" data-url=\"");
                out.push_str(&target.absolute);
                out.push('"');
            }
            copied = start + len + 1;
        }
        if copied == 0 {
            return None;
        }
        out.push_str(&html[copied..]);
        Some(out)
    }

    /// What an attribute value becomes on the page at `page`; `None` to leave it as it is: an
    /// address of another site or an absolute one, a reference within the page (`#a`, `?q=`,
    /// empty), a site-absolute path outside the base path (the link check reports it) and a
    /// relative reference to a file, which works from disk already.
    fn target(&self, page: &str, value: &str) -> Option<Target> {
        let end = value.find(['?', '#']).unwrap_or(value.len());
        let (path, suffix) = value.split_at(end);
        if path.is_empty() || urls::is_external(path) {
            return None;
        }
        let below = match path.strip_prefix('/') {
            Some(_) => match path.strip_prefix(self.base_path.as_str()) {
                Some(below) => below.to_string(),
                None if format!("{path}/") == self.base_path => String::new(),
                None => return None,
            },
            // A folder named relatively gets its `index.html` too.
            None if is_folder(path) => urls::join(page_dir(page), path)?,
            None => return None,
        };
        let relative = format!("{}{suffix}", urls::relative(page, &below)?);
        Some(Target {
            relative,
            absolute: format!("{}{below}{suffix}", self.base_url),
        })
    }
}

/// An attribute value rewritten: the relative reference, and the full address.
struct Target {
    relative: String,
    absolute: String,
}

/// The element an attribute belongs to, as far as rewriting it goes.
#[derive(Debug, PartialEq, Eq)]
enum Element {
    /// `<a>`: gets its full address in `data-url` too, for print.
    Link,
    /// `<link rel="alternate">`: the feed, for feed readers, which keep the address they found;
    /// it gets the full address, as the hreflang alternates have.
    Alternate,
    Other,
}

impl Element {
    /// The element of the attribute whose preceding text is `before`, a prefix of `html`.
    fn of(html: &str, before: &str) -> Element {
        let Some(open) = before.rfind('<') else {
            return Element::Other;
        };
        let tag = &html[open + 1..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let name_end = tag
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(tag.len());
        let name = &tag[..name_end];
        if name.eq_ignore_ascii_case("a") {
            Element::Link
        } else if name.eq_ignore_ascii_case("link") && tag.contains("rel=\"alternate\"") {
            Element::Alternate
        } else {
            Element::Other
        }
    }
}

/// Whether the text before `="` ends with the name of an attribute that holds a URL, after
/// whitespace: `data-href="…"` or `xsrc="…"` are not ours.
fn is_url_attribute(before: &str) -> bool {
    ["href", "src", "action"].iter().any(|name| {
        before.strip_suffix(name).is_some_and(|rest| {
            rest.as_bytes()
                .last()
                .is_some_and(|b| b.is_ascii_whitespace())
        })
    })
}

/// A relative path that names a folder: `b/`, `.`, `..`, `../..`.
fn is_folder(path: &str) -> bool {
    path.ends_with('/')
        || path
            .rsplit('/')
            .next()
            .is_some_and(|l| l == "." || l == "..")
}

/// The folder of an output: `en/a/index.html` → `en/a/`.
fn page_dir(page: &str) -> &str {
    page.rfind('/').map_or("", |i| &page[..=i])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relative() -> Relative {
        Relative {
            base_path: "/zaitaku/".into(),
            base_url: "https://e.lg.jp/zaitaku/".into(),
        }
    }

    fn rewrite(page: &str, html: &str) -> String {
        relative()
            .html(page, html)
            .unwrap_or_else(|| html.to_string())
    }

    #[test]
    fn site_absolute_urls_become_relative_to_the_page() {
        assert_eq!(
            rewrite(
                "en/a/b/index.html",
                r#"<link rel="stylesheet" href="/zaitaku/style.css"><script src="/zaitaku/search.js"></script><form action="/zaitaku/en/search/">"#
            ),
            r#"<link rel="stylesheet" href="../../../style.css"><script src="../../../search.js"></script><form action="../../search/index.html">"#
        );
    }

    #[test]
    fn links_name_index_files_keep_their_suffix_and_carry_their_full_address() {
        assert_eq!(
            rewrite(
                "a/index.html",
                r#"<p><a class="x" href="/zaitaku/b/?q=1#top">b</a> <a href="/zaitaku">home</a></p>"#
            ),
            r#"<p><a class="x" href="../b/index.html?q=1#top" data-url="https://e.lg.jp/zaitaku/b/?q=1#top">b</a> <a href="../index.html" data-url="https://e.lg.jp/zaitaku/">home</a></p>"#
        );
        assert_eq!(
            rewrite("a/index.html", r#"<a href="../c/">c</a>"#),
            r#"<a href="../c/index.html" data-url="https://e.lg.jp/zaitaku/c/">c</a>"#
        );
    }

    #[test]
    fn absolute_external_in_page_and_outside_urls_stay() {
        let html = concat!(
            r#"<link rel="canonical" href="https://e.lg.jp/zaitaku/a/">"#,
            r#"<a href="https://www.mhlw.go.jp/">x</a><a href="mailto:a@b.jp">m</a>"#,
            r##"<a href="#main">s</a><a href="">e</a><a href="?q=1">q</a>"##,
            r#"<a href="/other/">o</a><img src="figure.png"><a href="../x.pdf">p</a>"#,
            r#"<a data-href="/zaitaku/a/">d</a><p title="/zaitaku/">t</p>"#,
        );
        assert_eq!(relative().html("a/index.html", html), None);
    }

    #[test]
    fn elements_are_told_apart_by_name_and_rel() {
        let of = |html: &str| {
            let at = html.find("href").unwrap();
            Element::of(html, &html[..at])
        };
        assert_eq!(
            of(r#"<link rel="stylesheet" href="/a.css">"#),
            Element::Other
        );
        assert_eq!(of(r#"<abbr href="x">"#), Element::Other);
        assert_eq!(of("<a\n  href=\"x\">"), Element::Link);
        assert_eq!(of(r#"<A class="x" href="y">"#), Element::Link);
        assert_eq!(
            of(r#"<link rel="alternate" type="application/atom+xml" href="/z/atom.xml">"#),
            Element::Alternate
        );
        assert_eq!(
            of(r#"<link href="/z/atom.xml" rel="alternate">"#),
            Element::Alternate
        );
    }

    #[test]
    fn the_feed_link_gets_its_full_address() {
        assert_eq!(
            rewrite(
                "en/a/index.html",
                r#"<link rel="alternate" type="application/atom+xml" title="t" href="/zaitaku/en/atom.xml"><link rel="icon" href="/zaitaku/favicon.svg">"#
            ),
            r#"<link rel="alternate" type="application/atom+xml" title="t" href="https://e.lg.jp/zaitaku/en/atom.xml"><link rel="icon" href="../../favicon.svg">"#
        );
    }

    #[test]
    fn a_percent_encoded_base_path_is_taken_off_as_written() {
        let relative = Relative {
            base_path: "/%E5%9C%A8%E5%AE%85%20/".into(),
            base_url: "https://e.jp/%E5%9C%A8%E5%AE%85%20/".into(),
        };
        assert_eq!(
            relative
                .html(
                    "en/index.html",
                    r#"<a href="/%E5%9C%A8%E5%AE%85%20/tags/在宅/">t</a>"#
                )
                .unwrap(),
            r#"<a href="../tags/在宅/index.html" data-url="https://e.jp/%E5%9C%A8%E5%AE%85%20/tags/在宅/">t</a>"#
        );
    }
}
