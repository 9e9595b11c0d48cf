//! The machine-read files: `sitemap.xml` with language alternates (split into parts under a
//! sitemap index on a large site), an Atom feed per language, and `robots.txt`.
//!
//! Every text written into them goes through one escape, [`crate::text::safety::xml_text`], which also
//! leaves out the characters XML forbids: one of them makes a feed reader refuse the whole feed.

use std::fmt::Write as _;

use rayon::prelude::*;

use crate::model::{Lang, PageId};
use crate::model::{Output, Site};
use crate::text::safety::xml_text;
use crate::urls::{self, SITEMAP};

/// How many entries a feed carries: the newest pages.
const FEED_ENTRIES: usize = 50;

/// `robots.txt` and the feeds; the sitemap comes from [`sitemaps`].
pub fn outputs(site: &Site) -> Vec<Output> {
    let mut out = vec![robots(site)];
    out.extend(site.config.languages.iter().map(|&l| feed(site, l)));
    out
}

/// The most URLs and bytes one sitemap file may hold (sitemaps.org: 50,000 URLs, 50 MB).
const SITEMAP_URLS: usize = 50_000;
const SITEMAP_BYTES: usize = 45 << 20;

const URLSET_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_TAIL: &str = "</urlset>\n";

/// The sitemap, each file handed to `emit` as soon as it is complete: `sitemap.xml` itself while
/// the site fits one file; beyond that, parts `sitemap-1.xml`, `sitemap-2.xml`, … and
/// `sitemap.xml` as their index. A large site's sitemap is never whole in memory.
pub fn sitemaps(site: &Site, emit: &mut dyn FnMut(Output)) {
    // Made in parallel a few thousand at a time, written in order.
    let views: Vec<(PageId, Lang)> = site.views().collect();
    let entries = views.chunks(4096).flat_map(|chunk| {
        let made: Vec<String> = chunk
            .par_iter()
            .map(|&(page, lang)| url_entry(site, page, lang))
            .collect();
        made
    });
    let limit = (SITEMAP_URLS, SITEMAP_BYTES);
    split_sitemap(entries, limit, &site.config.base_url, emit);
}

/// [`sitemaps`] over its `<url>` entries, with files of at most `limit` (URLs, bytes).
fn split_sitemap(
    entries: impl Iterator<Item = String>,
    (most_urls, most_bytes): (usize, usize),
    base_url: &str,
    emit: &mut dyn FnMut(Output),
) {
    let mut parts = Parts {
        emit,
        done: 0,
        first: None,
    };
    let mut xml = String::from(URLSET_HEAD);
    let mut urls = 0;
    for entry in entries {
        if urls > 0
            && (urls == most_urls || xml.len() + entry.len() + URLSET_TAIL.len() > most_bytes)
        {
            xml.push_str(URLSET_TAIL);
            parts.close(std::mem::replace(&mut xml, String::from(URLSET_HEAD)));
            urls = 0;
        }
        xml.push_str(&entry);
        urls += 1;
    }
    xml.push_str(URLSET_TAIL);
    if parts.done == 0 {
        (parts.emit)(Output::text(SITEMAP, xml));
        return;
    }
    parts.close(xml);
    let index = sitemap_index(base_url, parts.done);
    (parts.emit)(Output::text(SITEMAP, index));
}

/// The sitemap's parts as they are closed. The first is held back until a second shows that
/// there are parts at all.
struct Parts<'a> {
    emit: &'a mut dyn FnMut(Output),
    done: usize,
    first: Option<String>,
}

impl Parts<'_> {
    fn close(&mut self, xml: String) {
        self.done += 1;
        if self.done == 1 {
            self.first = Some(xml);
            return;
        }
        if let Some(first) = self.first.take() {
            (self.emit)(Output::text(urls::sitemap_part(1), first));
        }
        (self.emit)(Output::text(urls::sitemap_part(self.done), xml));
    }
}

fn sitemap_index(base_url: &str, parts: usize) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for n in 1..=parts {
        let loc = format!("{base_url}{}", urls::sitemap_part(n));
        let _ = writeln!(xml, "  <sitemap><loc>{}</loc></sitemap>", xml_text(&loc));
    }
    xml.push_str("</sitemapindex>\n");
    xml
}

/// One page in one language, with its alternates.
fn url_entry(site: &Site, page: PageId, lang: Lang) -> String {
    let mut xml = String::new();
    let _ = writeln!(
        xml,
        "  <url>\n    <loc>{}</loc>",
        xml_text(&site.permalink(page, lang))
    );
    for &alt in &site.config.languages {
        let _ = writeln!(
            xml,
            "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
            alt.code(),
            xml_text(&site.permalink(page, alt))
        );
    }
    let front = &site.doc(page, lang).front;
    if let Some(d) = front.updated.or(front.date) {
        let _ = writeln!(
            xml,
            "    <lastmod>{}</lastmod>",
            d.sort_key().format("%Y-%m-%d")
        );
    }
    xml.push_str("  </url>\n");
    xml
}

fn robots(site: &Site) -> Output {
    Output::text(
        urls::ROBOTS,
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}{SITEMAP}\n",
            site.config.base_url
        ),
    )
}

fn feed(site: &Site, lang: Lang) -> Output {
    let mut dated: Vec<(PageId, chrono::NaiveDate)> = (0..site.pages.len())
        .filter_map(|p| {
            let f = &site.doc(p, lang).front;
            f.updated.or(f.date).map(|d| (p, d.sort_key()))
        })
        .collect();
    dated.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    dated.truncate(FEED_ENTRIES);
    let cfg = &site.config;
    let home = urls::permalink(&cfg.base_url, lang, "");
    let self_url = format!("{}{}", cfg.base_url, urls::feed(lang));
    let updated = dated.first().map_or_else(
        || "1970-01-01".to_string(),
        |d| d.1.format("%Y-%m-%d").to_string(),
    );
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  <link href=\"{}\"/>\n  <link rel=\"self\" href=\"{}\"/>\n  <id>{}</id>\n  <updated>{}T00:00:00Z</updated>\n",
        lang.code(),
        xml_text(cfg.title.get(lang)),
        xml_text(&home),
        xml_text(&self_url),
        xml_text(&home),
        updated,
    );
    for (page, date) in dated {
        let doc = site.doc(page, lang);
        let url = site.permalink(page, lang);
        let _ = write!(
            xml,
            "  <entry xml:lang=\"{}\">\n    <title>{}</title>\n    <link href=\"{}\"/>\n    <id>{}</id>\n    <updated>{}T00:00:00Z</updated>\n",
            doc.lang.code(),
            xml_text(&doc.front.title),
            xml_text(&url),
            xml_text(&url),
            date.format("%Y-%m-%d"),
        );
        if let Some(d) = &doc.front.description {
            let _ = writeln!(xml, "    <summary>{}</summary>", xml_text(d));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    Output::text(urls::feed(lang), xml)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Content;

    fn split(n: usize, limit: (usize, usize)) -> Vec<(String, String)> {
        let entries = (0..n).map(|i| format!("  <url><loc>https://x.jp/{i}/</loc></url>\n"));
        let mut files = Vec::new();
        split_sitemap(entries, limit, "https://x.jp/", &mut |o| {
            let Content::Text(text) = o.content else {
                panic!("sitemaps are text")
            };
            files.push((o.path, text));
        });
        files
    }

    #[test]
    fn forbidden_characters_never_reach_the_sitemap_index() {
        let index = sitemap_index("https://x.jp/a\u{1}b\u{c}/", 1);
        assert!(
            index.contains("<loc>https://x.jp/ab/sitemap-1.xml</loc>"),
            "{index}"
        );
    }

    #[test]
    fn a_site_that_fits_has_one_sitemap() {
        let files = split(3, (3, 1 << 20));
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].0, "sitemap.xml");
        assert_eq!(files[0].1.matches("<url>").count(), 3);
        assert!(files[0].1.starts_with(URLSET_HEAD) && files[0].1.ends_with(URLSET_TAIL));
    }

    #[test]
    fn a_larger_site_gets_parts_under_an_index() {
        let files = split(7, (3, 1 << 20));
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml",
                "sitemap.xml"
            ]
        );
        let urls: Vec<usize> = files[..3]
            .iter()
            .map(|(_, t)| t.matches("<url>").count())
            .collect();
        assert_eq!(urls, [3, 3, 1]);
        assert!(files[..3].iter().all(|(_, t)| t.ends_with(URLSET_TAIL)));
        let index = &files[3].1;
        assert!(index.contains("<sitemapindex"), "{index}");
        assert!(
            index.contains("<loc>https://x.jp/sitemap-3.xml</loc>"),
            "{index}"
        );
        assert_eq!(index.matches("<sitemap>").count(), 3);
    }

    #[test]
    fn a_part_closes_before_it_would_pass_the_byte_limit() {
        let entry = "  <url><loc>https://x.jp/0/</loc></url>\n".len();
        let limit = URLSET_HEAD.len() + 2 * entry + URLSET_TAIL.len();
        let files = split(5, (100, limit));
        assert_eq!(
            files.len(),
            4,
            "three parts of at most two URLs and the index"
        );
        assert!(files[..3].iter().all(|(_, t)| t.len() <= limit));
    }
}
