//! Errors point at the line the mistake is on, found by the key's path in the front matter: a
//! nested key is never confused with a top-level key of the same name.

mod common;

use common::TestSite;

#[test]
fn a_bad_source_date_is_reported_at_its_own_line() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: A\ndate: 2023-04-01\nsource:\n  title: 通知\n  date: 令和5年13月1日\n---\n本文\n",
    );
    let run = site.build();
    run.assert_clean_failure("content/a.md:6:");
    assert!(run.stderr.contains("source.date"), "{}", run.stderr);
    assert!(!run.stderr.contains("content/a.md:3:"), "{}", run.stderr);
}

#[test]
fn a_bad_top_level_date_after_the_source_is_reported_at_its_own_line() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: A\nsource:\n  title: 通知\n  date: 2023-04-01\ndate: 令和5年13月1日\n---\n本文\n",
    );
    let run = site.build();
    run.assert_clean_failure("content/a.md:6:");
    assert!(!run.stderr.contains("content/a.md:5:"), "{}", run.stderr);
}

#[test]
fn an_unknown_fact_is_reported_under_facts_not_at_a_key_of_the_same_name() {
    let site = TestSite::new();
    // `title` is also a top-level key: the fact of that name is the one under `facts:`.
    site.write(
        "content/a.md",
        "---\ntitle: A\nfacts:\n  title: 1/2\n---\n本文\n",
    );
    let run = site.build();
    run.assert_clean_failure("content/a.md:4:");
}
