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

// --- Messages of every part of shishin come in Japanese -----------------------------------------

/// `shishin check --messages ja` on `site`: what it printed on its error stream.
fn check_in_japanese(site: &TestSite) -> String {
    site.run(&["check", "--messages", "ja"]).stderr
}

#[test]
fn a_broken_link_is_reported_in_japanese_with_its_hint() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: 計画\n---\n[指針](@/guideline/hubb.md) を見てください。\n",
    );
    site.write(
        "content/guideline/hub.md",
        "---\ntitle: 指針\n---\n本文。\n",
    );
    let err = check_in_japanese(&site);
    assert!(err.contains("content/a.md:4:"), "{err}");
    assert!(
        err.contains(
            "リンク切れです: `@/guideline/hubb.md`: content/guideline/hubb.md というページはありません。"
        ),
        "{err}"
    );
    assert!(
        err.contains("ヒント: `@/guideline/hub.md` の書き間違いではありませんか。"),
        "{err}"
    );
    assert!(!err.contains("broken link"), "{err}");
}

#[test]
fn an_obligation_count_that_differs_in_the_translation_is_reported_in_japanese() {
    let site = TestSite::new();
    site.write(
        "content/guideline.md",
        "---\ntitle: 指針\nkind: guideline\n---\n## 拠点に求められる事項 {.obligations set=hub}\n\n- 会議を開くこと\n- 関係機関と調整すること\n",
    );
    site.write(
        "content/guideline.en.md",
        "---\ntitle: Guideline\nkind: guideline\n---\n## Requirements {.obligations set=hub}\n\n- Hold meetings\n",
    );
    let err = check_in_japanese(&site);
    assert!(
        err.contains("content/guideline.en.md には `hub` の求められる事項が 1 個ありますが、日本語の content/guideline.md には 2 個あります。"),
        "{err}"
    );
    assert!(
        err.contains("ヒント: 指針の求められる事項を、日本語の一覧と同じ順に、一項目ずつすべて翻訳してください。"),
        "{err}"
    );
    assert!(!err.contains("obligations of"), "{err}");
}

#[test]
fn an_unknown_fact_is_reported_in_japanese_with_the_closest_name() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: 補助\nfacts:\n  ratee: 10/10\n---\n本文。\n",
    );
    let err = check_in_japanese(&site);
    assert!(err.contains("知らない数値 `ratee` があります。"), "{err}");
    assert!(
        err.contains("ヒント: `rate` の書き間違いではありませんか。"),
        "{err}"
    );
}

/// The reason a value cannot be read comes from the reader of the value (`guidance`): it is
/// Japanese too, not an English sentence inside a Japanese one.
#[test]
fn a_fact_that_cannot_be_read_says_why_in_japanese() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: 補助\nfacts:\n  rate: 5/0\n---\n本文。\n",
    );
    let err = check_in_japanese(&site);
    assert!(
        err.contains("数値 `rate`(`5/0`)を読み取れません: 割合の分母を 0 にはできません。"),
        "{err}"
    );
    assert!(!err.contains("denominator"), "{err}");
    let en = site.run(&["check"]).stderr;
    assert!(
        en.contains("the fact `rate` (`5/0`) cannot be read: a rate's denominator cannot be 0"),
        "{en}"
    );
}

#[test]
fn a_date_that_cannot_be_read_says_why_in_japanese() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: 計画\ndate: 4月1日\n---\n本文。\n",
    );
    let err = check_in_japanese(&site);
    assert!(
        err.contains("`date` が日付になっていません: `4月1日` には年がありません。`令和6年4月1日` のように年を付けて書いてください。"),
        "{err}"
    );
}

#[test]
fn i18n_status_diff_speaks_japanese() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: 計画\n---\n本文。\n");
    site.write("content/a.en.md", "---\ntitle: Plan\n---\nText.\n");
    let run = site.run(&[
        "i18n",
        "status",
        "--diff",
        "content/a.en.md",
        "--messages",
        "ja",
    ]);
    assert!(
        run.stdout
            .starts_with("content/a.en.md は記録(stamp)されていません。"),
        "{}{}",
        run.stdout,
        run.stderr
    );
}
