//! The chrome rendered once per language and section (docs/templates.md, "Rendered once"): each
//! page still gets the navigation marked for where it is, a broken or missing chrome partial fails
//! the build naming it, and the preview renders the navigation again when a title in it changes.

mod common;

use common::TestSite;
use shishin::pipeline::Options;
use shishin::serve::rebuild::{Changes, Preview};

/// Two top-level sections (one untranslated) with a page each, and a tag.
fn site() -> TestSite {
    let site = TestSite::new();
    site.write("content/_index.en.md", "---\ntitle: Home\n---\nWelcome.\n");
    site.write(
        "content/plans/_index.md",
        "---\ntitle: 計画\nweight: 1\n---\n計画の一覧。\n",
    );
    site.write(
        "content/plans/a.md",
        "---\ntitle: 計画A\ntags: [在宅]\n---\n本文。\n",
    );
    site.write(
        "content/notes/_index.md",
        "---\ntitle: 資料\nweight: 2\n---\n資料の一覧。\n",
    );
    site.write("content/notes/b.md", "---\ntitle: 資料B\n---\n本文。\n");
    site
}

/// The `<nav class="site-nav">` of a page.
fn nav(html: &str) -> &str {
    let start = html
        .find("<nav class=\"site-nav\"")
        .unwrap_or_else(|| panic!("no navigation in {html}"));
    let end = start + html[start..].find("</nav>").expect("the navigation ends");
    &html[start..end]
}

/// The navigation's link to `url`, up to its text.
fn nav_link<'h>(html: &'h str, url: &str) -> &'h str {
    let nav = nav(html);
    let start = nav
        .find(&format!("<a href=\"{url}\""))
        .unwrap_or_else(|| panic!("no link to {url} in {nav}"));
    let end = start + nav[start..].find('>').expect("the tag ends");
    &nav[start..end]
}

#[test]
fn the_navigation_marks_the_section_each_page_is_in() {
    let site = site();
    site.build_ok();
    let plans = "/zaitaku/plans/";
    let notes = "/zaitaku/notes/";
    // The section itself, a page inside it, and the other section's pages.
    let section = site.read("plans/index.html");
    assert!(nav_link(&section, plans).ends_with("aria-current=\"page\""));
    assert!(!nav_link(&section, notes).contains("aria-current"));
    let page = site.read("plans/a/index.html");
    assert!(nav_link(&page, plans).ends_with("aria-current=\"true\""));
    assert!(!nav_link(&page, notes).contains("aria-current"));
    let other = site.read("notes/b/index.html");
    assert!(nav_link(&other, notes).ends_with("aria-current=\"true\""));
    assert!(!nav_link(&other, plans).contains("aria-current"));
    // The home page and generated pages mark nothing.
    for path in ["index.html", "tags/index.html", "404.html"] {
        let html = site.read(path);
        assert!(!nav(&html).contains("aria-current"), "{path}");
    }
    // On English pages the untranslated sections' titles are marked Japanese.
    let en = site.read("en/plans/a/index.html");
    let link = nav_link(&en, "/zaitaku/en/plans/");
    assert!(link.contains(" lang=\"ja\""), "{link}");
    assert!(link.ends_with("aria-current=\"true\""), "{link}");
    assert!(!nav_link(&section, plans).contains("lang="));
    // Every page has the footer and the head's links, rendered once per language.
    for path in [
        "plans/a/index.html",
        "en/notes/b/index.html",
        "tags/index.html",
    ] {
        let html = site.read(path);
        assert!(html.contains("<footer class=\"site-footer\">"), "{path}");
        assert!(html.contains("style.css\">"), "{path}");
        assert!(html.contains("<form class=\"site-search\""), "{path}");
    }
    let en_footer = site.read("en/notes/b/index.html");
    assert!(en_footer.contains("href=\"/zaitaku/en/tags/\""));
}

#[test]
fn a_theme_without_a_chrome_partial_fails_naming_it() {
    let site = site();
    site.remove("themes/default/templates/partials/nav.html");
    let run = site.build();
    assert!(!run.ok);
    assert!(
        run.stderr
            .contains("the theme has no template partials/nav.html"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_error_in_a_chrome_partial_fails_the_build_once() {
    let site = site();
    site.write(
        "themes/default/templates/partials/footer.html",
        "<footer>{{ site.no_such_field }}</footer>\n",
    );
    let run = site.build();
    assert!(!run.ok);
    assert!(
        run.stderr.contains("partials/footer.html"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("no_such_field").count(),
        1,
        "{}",
        run.stderr
    );
}

#[test]
fn the_preview_renders_the_navigation_again_when_a_section_title_changes() {
    let site = site();
    let root = site.dir.path().canonicalize().unwrap();
    let options = Options {
        base_url: Some("http://127.0.0.1:1111/".into()),
        ..Options::default()
    };
    let mut preview = Preview::new(root.clone(), options);
    preview
        .update(&Changes {
            setup: true,
            ..Changes::default()
        })
        .unwrap_or_else(|d| panic!("first build: {d:?}"));
    let served = |preview: &Preview, path: &str| match preview.outputs().get(path) {
        Some(shishin::model::Content::Text(t)) => t.clone(),
        other => panic!("{path}: {other:?}"),
    };
    assert!(nav(&served(&preview, "notes/b/index.html")).contains(">計画</a>"));
    site.write(
        "content/plans/_index.md",
        "---\ntitle: 計画の一覧\nweight: 1\n---\n計画の一覧。\n",
    );
    let changes = Changes::classify(&root, [root.join("content/plans/_index.md")]);
    preview
        .update(&changes)
        .unwrap_or_else(|d| panic!("rebuild: {d:?}"));
    // A page of the other section shows the new title in its navigation.
    for path in ["notes/b/index.html", "index.html", "en/tags/index.html"] {
        let html = served(&preview, path);
        assert!(
            nav(&html).contains(">計画の一覧</a>"),
            "{path}: {}",
            nav(&html)
        );
    }
}
