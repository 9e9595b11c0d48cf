//! The theme's language functions (`lang_attr`, `guess_lang`) in a real build.

mod common;
use common::TestSite;

const PAGE: &str = "---\ntitle: 千葉県の計画\ntags: [在宅医療, ACP]\nsource:\n  title: Home care plan\n  issuer: 千葉県健康福祉部\n  number: A-1\n  date: 2024-03-31\n---\n本文です。\n";

#[test]
fn english_pages_mark_japanese_titles_tags_and_citations() {
    let site = TestSite::new();
    site.write("content/plan.md", PAGE);
    site.build_ok();
    let en = site.read("en/plan/index.html");
    // lang_attr: the untranslated title is Japanese on an English page.
    assert!(en.contains("<h1 lang=\"ja\">千葉県の計画</h1>"), "{en}");
    // guess_lang: a Japanese tag and issuer are marked, an English tag and title are not.
    assert!(en.contains("lang=\"ja\">在宅医療</a>"), "{en}");
    assert!(en.contains("\">ACP</a>"), "{en}");
    assert!(en.contains("<dd lang=\"ja\">千葉県健康福祉部</dd>"), "{en}");
    assert!(en.contains("<cite>Home care plan</cite>"), "{en}");
    // The date of the citation is a <time>.
    assert!(en.contains("<time datetime=\"2024-03-31\">"), "{en}");
}

#[test]
fn japanese_pages_mark_only_english_words() {
    let site = TestSite::new();
    site.write("content/plan.md", PAGE);
    site.build_ok();
    let ja = site.read("plan/index.html");
    assert!(ja.contains("<h1>千葉県の計画</h1>"), "{ja}");
    assert!(ja.contains("lang=\"en\">ACP</a>"), "{ja}");
    assert!(ja.contains("\">在宅医療</a>"), "{ja}");
    assert!(
        ja.contains("<cite lang=\"en\">Home care plan</cite>"),
        "{ja}"
    );
    // A code with one letter is not English.
    assert!(ja.contains("<dd>A-1</dd>"), "{ja}");
}

#[test]
fn a_misspelt_argument_fails_the_build_and_says_how_to_call() {
    let site = TestSite::new();
    site.write("content/plan.md", PAGE);
    site.build_ok();
    let before = site.snapshot();
    let path = site.path("themes/default/templates/tags.html");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("guess_lang(text="), "{text}");
    std::fs::write(&path, text.replace("guess_lang(text=", "guess_lang(txt=")).unwrap();
    let run = site.build();
    assert!(!run.ok, "the build must fail");
    assert!(run.stderr.contains("tags.html"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("guess_lang has no argument `txt`: call it as guess_lang(text=…, lang=…)"),
        "{}",
        run.stderr
    );
    assert_eq!(
        site.snapshot(),
        before,
        "the previous output must be untouched"
    );
}
