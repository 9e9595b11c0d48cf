//! Integration tests of the glossary, language of parts and the build's own check of every
//! internal link in the HTML it writes.

mod common;

use common::TestSite;

const GLOSSARY: &str = "- id: hub\n  ja: 在宅医療に必要な連携を担う拠点\n  en: coordination hub\n  reading: ざいたくいりょうにひつようなれんけいをになうきょてん\n  definition:\n    ja: 連携を担う拠点。\n    en: The hub (拠点) that coordinates.\n- ja: 在宅医療\n  en: home medical care\n  definition: { ja: 自宅での医療。, en: Care at home. }\n";

#[test]
fn first_use_of_a_term_links_to_the_glossary_longest_match_first() {
    let site = TestSite::new();
    site.write("content/glossary.yaml", GLOSSARY);
    site.write(
        "content/a.md",
        "---\ntitle: 在宅医療の話\n---\n## 在宅医療とは\n\n在宅医療に必要な連携を担う拠点と在宅医療。再び在宅医療。\n\n`在宅医療` と [在宅医療](https://example.jp/)\n",
    );
    site.build_ok();
    let html = site.read("a/index.html");
    assert!(
        html.contains("<a class=\"term\" href=\"/zaitaku/glossary/#hub\">在宅医療に必要な連携を担う拠点</a>と<a class=\"term\" href=\"/zaitaku/glossary/#home-medical-care\">在宅医療</a>。再び在宅医療。"),
        "{html}"
    );
    // Never inside headings, code or other links.
    assert!(html.contains("在宅医療とは</h2>"), "{html}");
    assert!(html.contains("<code>在宅医療</code>"), "{html}");
    assert!(
        html.contains("<a href=\"https://example.jp/\">在宅医療</a>"),
        "{html}"
    );
    assert_eq!(html.matches("class=\"term\"").count(), 2, "{html}");
}

#[test]
fn glossary_pages_list_terms_in_both_languages_with_anchors() {
    let site = TestSite::new();
    site.write("content/glossary.yaml", GLOSSARY);
    site.build_ok();
    let ja = site.read("glossary/index.html");
    let en = site.read("en/glossary/index.html");
    assert!(ja.contains("id=\"hub\""), "{ja}");
    assert!(
        ja.contains("<dfn>在宅医療に必要な連携を担う拠点</dfn>"),
        "{ja}"
    );
    assert!(
        ja.contains("（ざいたくいりょうにひつようなれんけいをになうきょてん）"),
        "{ja}"
    );
    assert!(
        ja.contains("<span lang=\"en\">coordination hub</span>"),
        "{ja}"
    );
    assert!(en.contains("<dfn>coordination hub</dfn>"), "{en}");
    assert!(
        en.contains("<span lang=\"ja\">在宅医療に必要な連携を担う拠点</span>"),
        "{en}"
    );
    // Japanese inside an English definition is marked.
    assert!(
        en.contains("The hub (<span lang=\"ja\">拠点</span>) that coordinates."),
        "{en}"
    );
    // Every page's footer links the glossary.
    assert!(site
        .read("index.html")
        .contains("href=\"/zaitaku/glossary/\""));
}

#[test]
fn a_broken_glossary_is_a_located_error() {
    let site = TestSite::new();
    site.write(
        "content/glossary.yaml",
        "- ja: 看取り\n  en: end-of-life care\n  definiton: { ja: a, en: b }\n",
    );
    let run = site.build();
    assert!(!run.ok);
    assert!(
        run.stderr.contains("content/glossary.yaml:3:3"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("unknown key `definiton` in the glossary"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `definition`"),
        "{}",
        run.stderr
    );
}

#[test]
fn japanese_in_an_english_body_is_marked_and_tables_are_named_regions() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: ア\n---\n本文。\n");
    site.write(
        "content/a.en.md",
        "---\ntitle: A\n---\n## Costs\n\nThe hub (拠点) of 千葉県, `3,000千円` or `3 million`.\n\n| 項目 | Amount |\n|---|---|\n| 基準額 | 3,000 |\n",
    );
    site.build_ok();
    let html = site.read("en/a/index.html");
    assert!(
        html.contains(
            "The hub (<span lang=\"ja\">拠点</span>) of <span lang=\"ja\">千葉県</span>, <code lang=\"ja\">3,000千円</code> or <code>3 million</code>."
        ),
        "{html}"
    );
    assert!(
        html.contains("<th><span lang=\"ja\">項目</span></th>"),
        "{html}"
    );
    assert!(
        html.contains("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"costs\"><table>"),
        "{html}"
    );
    // The Japanese page is not touched.
    assert!(site.read("a/index.html").contains("<p>本文。</p>"));
}

#[test]
fn a_template_link_to_a_missing_page_fails_the_build_naming_the_template() {
    let site = TestSite::new();
    site.build_ok();
    let before = site.read("index.html");
    let base = std::fs::read_to_string(site.path("themes/default/templates/base.html")).unwrap();
    site.write(
        "themes/default/templates/base.html",
        &base.replace("<main id=\"main\"", "<a href=\"{{ site.base_path }}about/\">about</a><a href=\"#nowhere\">x</a><main id=\"main\""),
    );
    let run = site.build();
    assert!(!run.ok, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "the page index.html links to `/zaitaku/about/`, but `about/` is not part of the site"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("`index.html` has no anchor `#nowhere`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("content/_index.md"), "{}", run.stderr);
    assert!(run.stderr.contains("template home.html"), "{}", run.stderr);
    assert!(
        run.stderr.contains("themes/default/templates/404.html"),
        "{}",
        run.stderr
    );
    // The previous output is untouched.
    assert_eq!(site.read("index.html"), before);
}
