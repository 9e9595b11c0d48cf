//! The mistakes that prefectural staff really make in front matter (SPEC §1), one test each:
//! each gives exactly one error, at `path:line:column`, with the offending line and a hint that
//! shows the line as it should be; or it is accepted, where its meaning is beyond doubt.

mod common;

use common::report::{diagnostics, the_one_error, Printed};
use common::TestSite;

/// Checks a site whose one page, `content/p.md`, has `front` as its front matter.
fn check_page(front: &str) -> (TestSite, common::Run) {
    let site = TestSite::new();
    site.write("content/p.md", &format!("---\n{front}---\n本文\n"));
    let run = site.run(&["check"]);
    (site, run)
}

/// The one error a page with front matter `front` gives.
fn one_error(front: &str) -> Printed {
    let (_, run) = check_page(front);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    the_one_error(&run.stderr)
}

/// A page with front matter `front` is accepted, without a word.
fn accepted(front: &str) {
    let (_, run) = check_page(front);
    assert!(run.ok, "{}", run.stderr);
    assert_eq!(diagnostics(&run.stderr), [], "{}", run.stderr);
}

#[test]
fn a_full_width_colon_is_named_and_the_line_shown_with_a_colon() {
    let e = one_error("title：計画\n");
    assert_eq!(
        e.message,
        "a full-width colon `：` is used after a key; YAML needs a half-width colon `:` and a space"
    );
    assert_eq!(e.location, "content/p.md:2:6");
    assert_eq!(e.line, "title：計画");
    assert_eq!(e.hint, "write `title: 計画`");
}

#[test]
fn a_full_width_comma_in_a_list_is_an_error_not_one_tag() {
    let e = one_error("title: a\ntags: [計画，拠点]\n");
    assert_eq!(
        e.message,
        "a full-width comma `，` separates the items in brackets; YAML needs a half-width comma `,`"
    );
    assert_eq!(e.location, "content/p.md:3:10");
    assert_eq!(e.line, "tags: [計画，拠点]");
    assert_eq!(e.hint, "write `tags: [計画, 拠点]`");
}

#[test]
fn a_tab_that_indents_is_named_with_its_line() {
    let e = one_error("title: a\nsource:\n\ttitle: 通知\n");
    assert_eq!(
        e.message,
        "line 4 is indented with a tab; YAML indents with half-width spaces only"
    );
    assert_eq!(e.location, "content/p.md:4:1");
    assert!(e.line.ends_with("title: 通知"), "{}", e.line);
    assert_eq!(
        e.hint,
        "indent with spaces, as the lines around it are: `  title: 通知`"
    );
}

#[test]
fn a_kind_in_japanese_is_accepted() {
    accepted("title: a\nkind: 計画\n");
    accepted("title: a\nkind: 指針\n");
}

#[test]
fn a_misspelt_kind_is_suggested() {
    let e = one_error("title: a\nkind: plann\n");
    assert_eq!(
        e.message,
        "unknown value `plann` for `kind` in front matter"
    );
    assert_eq!(e.location, "content/p.md:3:7");
    assert_eq!(e.line, "kind: plann");
    assert!(e.hint.starts_with("did you mean `plan`?"), "{}", e.hint);
}

#[test]
fn a_weight_in_full_width_digits_is_accepted() {
    accepted("title: a\nweight: １０\n");
}

#[test]
fn draft_hai_is_true_and_leaves_the_page_out() {
    let (site, run) = check_page("title: a\ndraft: はい\n");
    assert!(run.ok, "{}", run.stderr);
    site.build_ok();
    assert!(!site.exists("p/index.html"), "a draft is not published");
    site.write("content/p.md", "---\ntitle: a\ndraft: いいえ\n---\n本文\n");
    site.build_ok();
    assert!(site.exists("p/index.html"), "いいえ is not a draft");
}

#[test]
fn another_word_for_draft_is_an_error_that_shows_true_and_false() {
    let e = one_error("title: a\ndraft: 下書き\n");
    assert_eq!(
        e.message,
        "`draft` should be `true` or `false`, not `下書き`"
    );
    assert_eq!(e.location, "content/p.md:3:8");
    assert_eq!(e.hint, "write `draft: true` or `draft: false`");
}

#[test]
fn tags_written_as_one_text_show_the_list() {
    let e = one_error("title: a\ntags: 計画, 拠点\n");
    assert_eq!(e.message, "`tags` is written as one text, not as a list");
    assert_eq!(e.location, "content/p.md:3:7");
    assert_eq!(e.line, "tags: 計画, 拠点");
    assert_eq!(
        e.hint,
        "write the tags in brackets, separated by commas: `tags: [計画, 拠点]`"
    );
}

#[test]
fn a_repeated_key_is_reported_at_the_second_naming_the_first() {
    let e = one_error("title: a\nweight: 1\ntitle: b\n");
    assert_eq!(
        e.message,
        "duplicate field `title`: it is written here and on line 2"
    );
    assert_eq!(e.location, "content/p.md:4:1");
    assert_eq!(e.line, "title: b");
    assert_eq!(
        e.hint,
        "keep one of the two `title:` lines and delete the other"
    );
    let e = one_error("title: a\nextra:\n  banner: x\n  banner: y\n");
    assert_eq!(e.location, "content/p.md:5:3");
    assert!(e.message.ends_with("on line 4"), "{}", e.message);
    let e = one_error("title: a\nextra:\n  deep:\n    x: 1\n    x: 2\n");
    assert_eq!(e.location, "content/p.md:6:5");
    let e = one_error("title: a\nfacts:\n  rate: 1/2\n  rate: 1/3\n");
    assert_eq!(e.location, "content/p.md:5:3");
    assert!(e.message.ends_with("on line 4"), "{}", e.message);
}

#[test]
fn a_date_without_its_year_says_the_year_is_missing() {
    let e = one_error("title: a\ndate: 4月1日\n");
    assert_eq!(
        e.message,
        "`date` is not a date: the year is missing from `4月1日`; write it with the year, e.g. `令和6年4月1日`"
    );
    assert!(!e.message.contains("out of range"));
    assert_eq!(e.location, "content/p.md:3:1");
    assert_eq!(e.line, "date: 4月1日");
}

#[test]
fn a_heisei_day_after_the_change_of_era_warns_with_its_reiwa_name() {
    let (_, run) = check_page("title: a\ndate: 平成31年5月1日\n");
    assert!(run.ok, "a warning, not an error:\n{}", run.stderr);
    let all = diagnostics(&run.stderr);
    assert_eq!(all.len(), 1, "{}", run.stderr);
    let w = &all[0];
    assert!(!w.error);
    assert_eq!(
        w.message,
        "`date`: 平成 ended on 30 April 2019: `平成31年5月1日` is 令和元年5月1日"
    );
    assert_eq!(w.location, "content/p.md:3:7");
    assert_eq!(w.hint, "write `令和元年5月1日`");
}

#[test]
fn a_folder_without_site_yaml_is_named_and_root_suggested() {
    let dir = tempfile::tempdir().unwrap();
    let expected = format!(
        "there is no site.yaml in {}: it is not a site's folder",
        dir.path().display()
    );
    let by_root = TestSite { dir };
    let runs = [
        by_root.run(&["check"]),
        // Run in the folder itself, without `--root`: the folder is still named in full.
        common::Run::from(
            common::shishin()
                .arg("check")
                .current_dir(by_root.dir.path())
                .output()
                .unwrap(),
        ),
    ];
    for run in runs {
        let e = the_one_error(&run.stderr);
        assert_eq!(e.message, expected);
        assert_eq!(e.location, "");
        assert_eq!(
            e.hint,
            "run shishin in the site's folder (the one that holds site.yaml and content/), or name that folder with `--root DIR`"
        );
    }
}
