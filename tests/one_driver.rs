//! `build` and the preview are one driver: the preview's in-memory site is the built site (but
//! for the preview's banner), and a rebuild fails where `build` fails — a broken internal link
//! written by a template or left behind by an edit included — while the last good site stays
//! served.

mod common;

use std::path::{Path, PathBuf};

use shishin::model::Content;
use shishin::pipeline::Options;
use shishin::serve::rebuild::{Changes, Preview};

const BASE_URL: &str = "http://127.0.0.1:1111/";

/// A copy of the shipped site in a temporary folder.
fn shipped() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    for folder in ["content", "themes"] {
        common::copy_dir(&common::repo().join(folder), &root.join(folder));
    }
    std::fs::copy(common::repo().join("site.yaml"), root.join("site.yaml")).unwrap();
    (dir, root)
}

/// `shishin build` with drafts, at the preview's address, as the preview builds.
fn build(root: &Path) -> common::Run {
    let out = common::shishin()
        .args(["build", "--drafts", "--base-url", BASE_URL, "--root"])
        .arg(root)
        .output()
        .expect("run shishin");
    common::Run::from(out)
}

fn preview(root: &Path) -> Preview {
    let options = Options {
        base_url: Some(BASE_URL.into()),
        ..Options::default()
    };
    Preview::new(root.to_path_buf(), options)
}

fn first_build(preview: &mut Preview) -> Result<(), String> {
    let everything = Changes {
        setup: true,
        ..Changes::default()
    };
    preview.update(&everything).map(drop).map_err(plain)
}

fn plain(diags: shishin::diagnostics::Diagnostics) -> String {
    diags.0.iter().map(|d| d.plain()).collect()
}

/// The page without the banner only the preview shows (`serve` in templates), with its line.
fn without_banner(html: &str) -> String {
    let Some(banner) = html.find("<p class=\"preview-banner\">") else {
        return html.to_string();
    };
    let start = html[..banner].rfind('\n').unwrap_or(banner);
    let end = start + html[start..].find("</p>").expect("the banner ends") + "</p>".len();
    format!("{}{}", &html[..start], &html[end..])
}

fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>");
    &html[start..end]
}

#[test]
fn the_preview_serves_every_file_build_writes_with_the_same_bytes() {
    let (_dir, root) = shipped();
    let run = build(&root);
    assert!(run.ok, "build failed:\n{}", run.stderr);
    let mut preview = preview(&root);
    first_build(&mut preview).unwrap_or_else(|e| panic!("preview: {e}"));

    let public = root.join("public");
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&public) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(&public).unwrap();
        let rel = rel.to_str().unwrap().replace('\\', "/");
        let built = std::fs::read(entry.path()).unwrap();
        let served = preview
            .get(&rel)
            .unwrap_or_else(|| panic!("{rel} is built but not served"));
        let served = match served {
            Content::Text(text) => text.into_bytes(),
            Content::Copy(source) => std::fs::read(source).unwrap(),
        };
        if !rel.ends_with(".html") {
            assert!(
                built == served,
                "{rel} differs between build and the preview"
            );
            continue;
        }
        let (built, served) = (
            String::from_utf8(built).unwrap(),
            String::from_utf8(served).unwrap(),
        );
        assert_eq!(main_of(&built), main_of(&served), "the <main> of {rel}");
        // The rest of the page: only the banner differs (the live-reload script is added when a
        // page is sent, not in the site the preview builds).
        assert!(
            built == without_banner(&served),
            "{rel} differs beyond the banner"
        );
        pages += 1;
    }
    assert!(pages > 50, "only {pages} pages compared");
    // Nothing served that build leaves out (the search index is made when asked for).
    for path in preview.outputs().keys() {
        assert!(
            public.join(path).is_file(),
            "{path} is served but not built"
        );
    }
}

#[test]
fn a_template_that_writes_a_broken_link_fails_the_preview_as_it_fails_build() {
    let (_dir, root) = shipped();
    let mut preview = preview(&root);
    first_build(&mut preview).unwrap();
    let good = preview.outputs().clone();

    let template = root.join("themes/default/templates/base.html");
    let text = std::fs::read_to_string(&template).unwrap();
    let broken = text.replacen(
        "<main id=\"main\" tabindex=\"-1\">",
        "<main id=\"main\" tabindex=\"-1\"><a href=\"{{ site.base_path }}no-such-page/\">x</a>",
        1,
    );
    assert_ne!(broken, text);
    std::fs::write(&template, broken).unwrap();

    let changes = Changes::classify(&root, [template.clone()]);
    let error = plain(preview.update(&changes).unwrap_err());
    assert!(error.contains("links to `/no-such-page/`"), "{error}");
    assert!(
        error.contains("`no-such-page/` is not part of the site"),
        "{error}"
    );
    // The last good site is still what is served.
    assert!(preview.outputs() == &good, "the served site changed");

    let run = build(&root);
    assert!(!run.ok);
    assert!(
        run.stderr.contains("links to `/no-such-page/`"),
        "{}",
        run.stderr
    );

    std::fs::write(&template, text).unwrap();
    preview
        .update(&changes)
        .unwrap_or_else(|d| panic!("{}", plain(d)));
}

#[test]
fn a_page_that_loses_an_anchor_breaks_the_links_of_pages_not_rendered_again() {
    let (_dir, root) = shipped();
    // Every page links, through the theme, to an anchor of one page.
    let template = root.join("themes/default/templates/base.html");
    let text = std::fs::read_to_string(&template).unwrap();
    let linked = text.replacen(
        "<main id=\"main\" tabindex=\"-1\">",
        "<main id=\"main\" tabindex=\"-1\"><a href=\"{{ site.base_path }}guideline/demand/#kept\">x</a>",
        1,
    );
    std::fs::write(&template, linked).unwrap();
    let page = root.join("content/guideline/demand.md");
    let source = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &page,
        format!("{source}\n## 残す見出し {{#kept}}\n\n本文。\n"),
    )
    .unwrap();
    let mut preview = preview(&root);
    first_build(&mut preview).unwrap_or_else(|e| panic!("{e}"));
    assert!(build(&root).ok);

    // The heading goes: only that page is rendered again, yet every other page's link broke.
    std::fs::write(&page, &source).unwrap();
    let changes = Changes::classify(&root, [page.clone()]);
    let error = plain(preview.update(&changes).unwrap_err());
    assert!(
        error.contains("the page index.html links to `/guideline/demand/#kept`"),
        "{error}"
    );
    assert!(error.contains("has no anchor `#kept`"), "{error}");
    let run = build(&root);
    assert!(!run.ok);
    assert!(
        run.stderr.contains("has no anchor `#kept`"),
        "{}",
        run.stderr
    );
}

#[test]
fn two_sources_for_one_output_path_fail_the_preview_as_they_fail_build() {
    let (_dir, root) = shipped();
    let mut preview = preview(&root);
    first_build(&mut preview).unwrap();
    // A file of content/ where a page is rendered.
    let clash = root.join("content/guideline/demand/index.html");
    std::fs::create_dir_all(clash.parent().unwrap()).unwrap();
    std::fs::write(&clash, "<p>x</p>").unwrap();
    let changes = Changes::classify(&root, [clash.clone()]);
    let error = plain(preview.update(&changes).unwrap_err());
    assert!(
        error.contains("would both be written to /guideline/demand/index.html"),
        "{error}"
    );
    let run = build(&root);
    assert!(!run.ok);
    assert!(
        run.stderr
            .contains("would both be written to /guideline/demand/index.html"),
        "{}",
        run.stderr
    );
}
