//! The URL layout (SPEC §7, §12): every page shishin generates can be linked like any other, a
//! content page where a generated one goes is one error naming its file, and a broken link a
//! template writes names that template in the site's own theme.

mod common;

use common::{TestSite, SITE_YAML};

const GLOSSARY: &str = "- id: home-care\n  ja: 在宅医療\n  en: home care\n  definition: { ja: 家で受ける医療, en: care at home }\n";

const GUIDELINE: &str = "---\ntitle: 指針\nkind: guideline\n---\n## 求められる事項 {.obligations set=hub}\n\n- 会議を開催すること\n- 調整を行うこと\n";

/// A site with a glossary, an obligation set, a tag, and `content/a/b.md` written by the test.
fn site_with_generated_pages(page: &str) -> TestSite {
    let site = TestSite::new();
    site.write("content/glossary.yaml", GLOSSARY);
    site.write("content/guideline.md", GUIDELINE);
    site.write("content/a/_index.md", "---\ntitle: A\n---\n");
    site.write(
        "content/tagged.md",
        "---\ntitle: T\ntags: [在宅]\n---\n本文\n",
    );
    site.write("content/a/b.md", page);
    site
}

#[test]
fn links_to_generated_pages_build_and_resolve_in_the_readers_language() {
    let site = site_with_generated_pages(
        "---\ntitle: B\n---\n\
         [用語集](/glossary/) [検索](/search/) [Glossary](/en/glossary/) \
         [比較](/compare/hub/) [一覧](/compare/) [CSV](/compare/hub.csv) \
         [事項](/obligations/hub-1/) [タグ](/tags/在宅/) [タグ一覧](/tags/) \
         [相対](../../glossary/#home-care)\n",
    );
    site.build_ok();
    let ja = site.read("a/b/index.html");
    for href in [
        "/zaitaku/glossary/",
        "/zaitaku/search/",
        "/zaitaku/compare/hub/",
        "/zaitaku/compare/",
        "/zaitaku/compare/hub.csv",
        "/zaitaku/obligations/hub-1/",
        // Written percent-encoded, as every non-ASCII URL of a page.
        "/zaitaku/tags/%E5%9C%A8%E5%AE%85/",
        "/zaitaku/tags/",
        "/zaitaku/glossary/#home-care",
    ] {
        assert!(ja.contains(&format!("href=\"{href}\"")), "{href}\n{ja}");
    }
    // Read in English (the page is not translated), the same links go to the English pages.
    let en = site.read("en/a/b/index.html");
    for href in [
        "/zaitaku/en/glossary/",
        "/zaitaku/en/search/",
        "/zaitaku/en/compare/hub/",
    ] {
        assert!(en.contains(&format!("href=\"{href}\"")), "{href}\n{en}");
    }
    assert!(site.exists("glossary/index.html") && site.exists("en/glossary/index.html"));
}

#[test]
fn a_link_to_the_glossary_of_a_site_without_one_is_a_broken_link_at_its_line() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: A\n---\n\n[用語集](/glossary/)\n",
    );
    let run = site.build();
    run.assert_clean_failure("content/a.md:5:1");
    assert!(
        run.stderr.contains("broken link: `/glossary/`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_link_to_a_tag_no_page_carries_is_a_broken_link() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: A\n---\n\n[タグ](/tags/なし/)\n",
    );
    let run = site.build();
    run.assert_clean_failure("content/a.md:5:1");
}

/// Errors of a run: each begins a line with `error`.
fn errors(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.starts_with("error")).collect()
}

#[test]
fn a_content_page_at_a_generated_url_is_one_error_naming_the_file() {
    for (file, url, owner) in [
        ("content/glossary.md", "/glossary/", "the glossary page"),
        ("content/search/_index.md", "/search/", "the search page"),
        (
            "content/compare/hub.md",
            "/compare/hub/",
            "the comparison pages",
        ),
        ("content/tags/x.md", "/tags/x/", "the tag pages"),
        (
            "content/obligations/hub-1.md",
            "/obligations/hub-1/",
            "the obligation pages",
        ),
        ("content/data/_index.md", "/data/", "the data downloads"),
        ("content/Glossary.md", "/Glossary/", "the glossary page"),
    ] {
        let site = site_with_generated_pages("---\ntitle: B\n---\n本文\n");
        site.write(file, "---\ntitle: 重なる\n---\n本文\n");
        let run = site.build();
        run.assert_clean_failure(file);
        let errors = errors(&run.stderr);
        assert_eq!(errors.len(), 1, "{file}: {}", run.stderr);
        assert!(
            errors[0].contains(&format!(
                "{file}: this page's URL {url} is where shishin puts {owner}"
            )),
            "{file}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("slug:"), "{}", run.stderr);
        assert!(!site.exists("index.html"), "nothing is written");
    }
}

#[test]
fn a_slug_that_lands_in_a_reserved_folder_is_the_same_error() {
    let site = TestSite::new();
    site.write(
        "content/words.md",
        "---\ntitle: 用語\nslug: search\n---\n本文\n",
    );
    let run = site.build();
    run.assert_clean_failure("content/words.md");
    assert_eq!(errors(&run.stderr).len(), 1, "{}", run.stderr);
    assert!(run
        .stderr
        .contains("/search/ is where shishin puts the search page"));
}

/// A site whose theme is a copy of the default one named `civic`.
fn site_with_own_theme() -> TestSite {
    let site = TestSite::new();
    site.write("site.yaml", &format!("{SITE_YAML}theme: civic\n"));
    common::copy_dir(&site.path("themes/default"), &site.path("themes/civic"));
    std::fs::remove_dir_all(site.path("themes/default")).unwrap();
    site.write("content/guideline.md", GUIDELINE);
    site
}

/// Adds a link to a page that does not exist at the top of a template's content block.
fn break_template(site: &TestSite, template: &str) {
    let path = format!("themes/civic/templates/{template}");
    let text = std::fs::read_to_string(site.path(&path)).unwrap();
    let marker = "{%- block content %}";
    assert!(text.contains(marker), "{template} has a content block");
    site.write(
        &path,
        &text.replacen(
            marker,
            "{%- block content %}<a href=\"{{ site.base_path }}nowhere/\">x</a>",
            1,
        ),
    );
}

#[test]
fn a_broken_link_in_a_generated_page_names_the_template_of_the_sites_theme() {
    for (template, page) in [
        ("tags.html", "tags/index.html"),
        ("obligation.html", "obligations/hub-1/index.html"),
        ("compare.html", "compare/hub/index.html"),
        ("search.html", "search/index.html"),
    ] {
        let site = site_with_own_theme();
        break_template(&site, template);
        let run = site.build();
        run.assert_clean_failure(&format!("themes/civic/templates/{template}"));
        assert!(
            run.stderr
                .contains(&format!("the page {page} links to `/zaitaku/nowhere/`")),
            "{template}: {}",
            run.stderr
        );
        assert!(!run.stderr.contains("themes/default"), "{}", run.stderr);
    }
}

#[test]
fn a_broken_link_in_a_content_page_names_the_page_and_the_themes_template() {
    let site = site_with_own_theme();
    site.write("content/a.md", "---\ntitle: A\n---\n本文\n");
    break_template(&site, "page.html");
    let run = site.build();
    run.assert_clean_failure("content/a.md");
    assert!(
        run.stderr
            .contains("the template page.html of themes/civic/templates/"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("themes/default"), "{}", run.stderr);
}
