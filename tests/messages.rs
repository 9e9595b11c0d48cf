//! Messages in the person's language (SPEC §1): Japanese when the locale is Japanese or
//! `--messages ja` is given, English otherwise; the same diagnostic, location and hint in both.

mod common;

use common::TestSite;

/// A site with one broken page: `title` written as an unclosed list.
fn broken_site() -> TestSite {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: 計画\ndraft: maybe\n---\n本文。\n",
    );
    site
}

const JA: &[(&str, &str)] = &[("LANG", "ja_JP.UTF-8")];

#[test]
fn a_japanese_locale_gets_japanese_messages_with_the_location_and_hint() {
    let run = broken_site().run_with(&["check"], JA);
    assert!(!run.ok);
    let err = &run.stderr;
    assert!(err.contains("content/a.md:3:"), "{err}");
    assert!(
        err.contains("`draft` には`true` か `false`を書いてください"),
        "{err}"
    );
    assert!(
        err.contains("ヒント: `draft: true` か `draft: false` と書いてください。"),
        "{err}"
    );
    assert!(
        err.contains("失敗しました: エラー 1 件、警告 0 件。何も書き込んでいません。"),
        "{err}"
    );
    assert!(
        !err.contains("should be") && !err.contains("help:"),
        "{err}"
    );
}

#[test]
fn the_messages_flag_chooses_japanese_without_a_locale() {
    let run = broken_site().run(&["check", "--messages", "ja"]);
    assert!(!run.ok);
    assert!(run.stderr.contains("content/a.md:3:"), "{}", run.stderr);
    assert!(run.stderr.contains("失敗しました"), "{}", run.stderr);
}

#[test]
fn the_messages_flag_wins_over_a_japanese_locale() {
    let run = broken_site().run_with(&["check", "--messages=en"], JA);
    assert!(
        run.stderr
            .contains("failed: 1 error, 0 warnings; nothing was written"),
        "{}",
        run.stderr
    );
}

#[test]
fn lc_all_c_overrides_a_japanese_lang() {
    let run = broken_site().run_with(&["check"], &[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")]);
    let err = &run.stderr;
    assert!(err.contains("`draft` should be `true` or `false`"), "{err}");
    assert!(
        err.contains("help: write `draft: true` or `draft: false`"),
        "{err}"
    );
    assert!(err.contains("failed: 1 error, 0 warnings"), "{err}");
    assert!(!err.contains("失敗"), "{err}");
}

#[test]
fn lc_messages_comes_before_lang() {
    let run = broken_site().run_with(
        &["check"],
        &[("LC_MESSAGES", "ja_JP.UTF-8"), ("LANG", "en_US.UTF-8")],
    );
    assert!(run.stderr.contains("失敗しました"), "{}", run.stderr);
}

#[test]
fn no_locale_is_english() {
    let run = broken_site().run(&["check"]);
    assert!(
        run.stderr
            .contains("failed: 1 error, 0 warnings; nothing was written"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_summary_of_a_good_build_is_in_japanese() {
    let site = TestSite::new();
    let run = site.run_with(&["check"], JA);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("確認しました: 日本語 1 ページ、英語 1 ページ(うち翻訳済み 0)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("警告 0 件"), "{}", run.stdout);
    let built = site.run_with(&["build"], JA);
    assert!(built.ok, "{}", built.stderr);
    assert!(built.stdout.contains("に作成しました"), "{}", built.stdout);
    let english = site.run(&["check"]);
    assert!(
        english
            .stdout
            .starts_with("checked 1 page in ja, 1 in en (0 translated)"),
        "{}",
        english.stdout
    );
}

#[test]
fn i18n_status_speaks_the_language() {
    let site = TestSite::new();
    let ja = site.run_with(&["i18n", "status"], JA);
    assert!(ja.ok, "{}", ja.stderr);
    assert!(ja.stdout.contains("未翻訳"), "{}", ja.stdout);
    assert!(ja.stdout.contains("1 ページ: 未翻訳 1"), "{}", ja.stdout);
    let en = site.run(&["i18n", "status"]);
    assert!(en.stdout.contains("1 pages: 1 missing"), "{}", en.stdout);
}

#[test]
fn help_is_in_the_chosen_language() {
    let site = TestSite::new();
    let ja = site.run_with(&["--help"], JA);
    assert!(ja.ok, "{}", ja.stderr);
    assert!(ja.stdout.contains("使い方:"), "{}", ja.stdout);
    assert!(
        ja.stdout.contains("サイトを public/ に作成します"),
        "{}",
        ja.stdout
    );
    assert!(ja.stdout.contains("メッセージの言語"), "{}", ja.stdout);
    assert!(!ja.stdout.contains("Usage:"), "{}", ja.stdout);
    let build = site.run(&["build", "--help", "--messages", "ja"]);
    assert!(
        build.stdout.contains("警告もエラーとして扱います"),
        "{}",
        build.stdout
    );
    let en = site.run(&["--help"]);
    assert!(en.stdout.contains("Usage:"), "{}", en.stdout);
    assert!(
        en.stdout.contains("Build the site into public/"),
        "{}",
        en.stdout
    );
}
