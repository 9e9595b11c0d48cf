//! The machine-read files: `sitemap.xml` with language alternates, an Atom feed per language,
//! and `robots.txt`.

use std::fmt::Write as _;

use crate::link::Site;
use crate::markdown::escape;
use crate::model::{Lang, PageId};
use crate::render::Output;

/// How many entries a feed carries: the newest pages.
const FEED_ENTRIES: usize = 50;

pub fn outputs(site: &Site) -> Vec<Output> {
    let mut out = vec![sitemap(site), robots(site)];
    out.extend(site.config.languages.iter().map(|&l| feed(site, l)));
    out
}

fn sitemap(site: &Site) -> Output {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for (page, lang) in site.views() {
        let _ = writeln!(
            xml,
            "  <url>\n    <loc>{}</loc>",
            escape(&site.permalink(page, lang))
        );
        for &alt in &site.config.languages {
            let _ = writeln!(
                xml,
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                alt.code(),
                escape(&site.permalink(page, alt))
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
    }
    xml.push_str("</urlset>\n");
    Output::text("sitemap.xml", xml)
}

fn robots(site: &Site) -> Output {
    Output::text(
        "robots.txt",
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
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
    let home = format!("{}{}", cfg.base_url, lang.url_prefix());
    let self_url = format!("{home}atom.xml");
    let updated = dated.first().map_or_else(
        || "1970-01-01".to_string(),
        |d| d.1.format("%Y-%m-%d").to_string(),
    );
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  <link href=\"{}\"/>\n  <link rel=\"self\" href=\"{}\"/>\n  <id>{}</id>\n  <updated>{}T00:00:00Z</updated>\n",
        lang.code(),
        escape(cfg.title.get(lang)),
        escape(&home),
        escape(&self_url),
        escape(&home),
        updated,
    );
    for (page, date) in dated {
        let doc = site.doc(page, lang);
        let url = site.permalink(page, lang);
        let _ = write!(
            xml,
            "  <entry xml:lang=\"{}\">\n    <title>{}</title>\n    <link href=\"{}\"/>\n    <id>{}</id>\n    <updated>{}T00:00:00Z</updated>\n",
            doc.lang.code(),
            escape(&doc.front.title),
            escape(&url),
            escape(&url),
            date.format("%Y-%m-%d"),
        );
        if let Some(d) = &doc.front.description {
            let _ = writeln!(xml, "    <summary>{}</summary>", escape(d));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    Output::text(format!("{}atom.xml", lang.url_prefix()), xml)
}
