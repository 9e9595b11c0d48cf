//! Writing with shishin as a health-department officer: one mistake gives one error, a
//! translation that lags behind the Japanese warns instead of breaking the build, obligation
//! items are anchored by what they match, translations inherit what they do not restate, and
//! the warnings that protect the comparison data (SPEC §1, §3, §5).

mod common;

use common::TestSite;

const SITE: &str = "title: { ja: テスト, en: Test }\nbase_url: https://ex.jp/\nobligations:\n  sets:\n    hub: { ja: 連携の拠点, en: Coordination hubs }\n";

const GUIDELINE: &str = "---\ntitle: 指針\nkind: guideline\n---\n## 求められる事項 {.obligations set=hub}\n\n- 地域の関係者による会議を定期的に開催し、課題の抽出を行うこと\n- 在宅医療の提供体制に関する関係機関との調整を行うこと\n- 住民への普及啓発を実施すること\n";
const GUIDELINE_EN: &str = "---\ntitle: Guideline\nkind: guideline\n---\n## Requirements {.obligations set=hub}\n\n- Hold regular meetings of local stakeholders and identify issues\n- Coordinate with the institutions concerned\n- Raise public awareness\n";

/// Chiba's list, out of the guideline's order: hub-2, hub-1, an own addition, hub-1 again.
const CHIBA: &str = "---\ntitle: 千葉県の計画\nkind: plan\nprefecture: chiba\ndate: 2024-03-29\n---\n## 拠点の事項 {.obligations set=hub}\n\n- 在宅医療の提供体制に関する関係機関との調整を行うこと\n- 地域の関係者による会議を定期的で開催し、課題の抽出を行うこと\n- 研修会を年2回、県内全域で開くこと\n- 医師会と共に会議を開く {#hub-1}\n";
const CHIBA_EN: &str = "---\ntitle: Chiba plan\n---\n## Hub requirements {.obligations set=hub}\n\n- Coordinate with the institutions concerned\n- Hold regular meetings and identify issues\n- Hold training twice a year across the prefecture\n- Hold meetings with the medical association\n";

fn site() -> TestSite {
    let site = TestSite::new();
    site.write("site.yaml", SITE);
    site.write("content/guideline.md", GUIDELINE);
    site.write("content/guideline.en.md", GUIDELINE_EN);
    site.write(
        "content/prefectures/_index.md",
        "---\ntitle: 都道府県\n---\n",
    );
    site.write("content/prefectures/chiba/plan.md", CHIBA);
    site.write("content/prefectures/chiba/plan.en.md", CHIBA_EN);
    stamp(
        &site,
        &[
            "content/guideline.en.md",
            "content/prefectures/chiba/plan.en.md",
        ],
    );
    site
}

/// `shishin i18n stamp`: these translations follow their Japanese text as it is now.
fn stamp(site: &TestSite, paths: &[&str]) {
    let paths: Vec<String> = paths
        .iter()
        .map(|p| site.path(p).display().to_string())
        .collect();
    let mut args = vec!["i18n", "stamp"];
    args.extend(paths.iter().map(String::as_str));
    let run = site.run(&args);
    assert!(run.ok, "{}", run.stderr);
}

/// The `<li>` with this id, up to its end tag.
fn item<'h>(html: &'h str, id: &str) -> &'h str {
    let start = html
        .find(&format!("<li id=\"{id}\""))
        .unwrap_or_else(|| panic!("no item #{id}:\n{html}"));
    let end = start + html[start..].find("</li>").expect("the item ends");
    &html[start..end]
}

// --- 7. anchors by what an item matches ------------------------------------------------------

#[test]
fn items_are_anchored_by_what_they_match_not_by_position() {
    let site = site();
    site.write(
        "content/links.md",
        "---\ntitle: リンク\n---\n[千葉県の拠点1](@/prefectures/chiba/plan.md#hub-1)\n[二つ目](@/prefectures/chiba/plan.md#hub-1-2)\n[独自](@/prefectures/chiba/plan.md#hub-own-1)\n",
    );
    let run = site.build_ok();
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let ja = site.read("prefectures/chiba/plan/index.html");
    assert!(item(&ja, "hub-2").contains("関係機関との調整"), "{ja}");
    assert!(item(&ja, "hub-1").contains("定期的で開催"), "{ja}");
    assert!(item(&ja, "hub-own-1").contains("研修会"), "{ja}");
    assert!(item(&ja, "hub-1-2").contains("医師会と共に"), "{ja}");
    assert!(!ja.contains("id=\"hub-3\""), "no item matches hub-3: {ja}");
    // The translation's items carry the same anchors, by position.
    let en = site.read("en/prefectures/chiba/plan/index.html");
    assert!(item(&en, "hub-1").contains("Hold regular meetings"), "{en}");
    assert!(item(&en, "hub-own-1").contains("training"), "{en}");
    let links = site.read("links/index.html");
    assert!(
        links.contains("href=\"/prefectures/chiba/plan/#hub-1\""),
        "{links}"
    );
    // The comparison links each cell to the item it shows.
    let json: serde_json::Value = serde_json::from_str(&site.read("compare/hub.json")).unwrap();
    let chiba = &json["prefectures"][0];
    assert_eq!(
        chiba["cells"]["hub-1"][0]["source"],
        "/prefectures/chiba/plan/#hub-1"
    );
    assert_eq!(
        chiba["cells"]["hub-1"][1]["source"],
        "/prefectures/chiba/plan/#hub-1-2"
    );
    assert_eq!(
        chiba["cells"]["hub-2"][0]["source"],
        "/prefectures/chiba/plan/#hub-2"
    );
    assert_eq!(
        chiba["own"][0]["source"],
        "/prefectures/chiba/plan/#hub-own-1"
    );
}

#[test]
fn a_link_to_an_obligation_the_prefecture_does_not_cover_names_its_anchors() {
    let site = site();
    site.write(
        "content/links.md",
        "---\ntitle: リンク\n---\n[千葉県の拠点3](@/prefectures/chiba/plan.md#hub-3)\n",
    );
    let run = site.build();
    run.assert_clean_failure("content/links.md:4:1");
    assert!(
        run.stderr.contains("broken link: `@/prefectures/chiba/plan.md#hub-3`: content/prefectures/chiba/plan.md has no anchor `#hub-3`"),
        "{}",
        run.stderr
    );
}

/// An item written with several markers matches each of those obligations: a link to any of
/// them lands on it, and each comparison cell links to the anchor of its own obligation.
#[test]
fn an_item_with_several_markers_has_an_anchor_for_each_obligation() {
    let site = site();
    site.write(
        "content/prefectures/chiba/plan.md",
        &CHIBA.replace(
            "- 医師会と共に会議を開く {#hub-1}",
            "- 医師会と共に会議を開き、住民にも知らせる {#hub-1 #hub-3}",
        ),
    );
    site.write(
        "content/links.md",
        "---\ntitle: リンク\n---\n[千葉県の拠点3](@/prefectures/chiba/plan.md#hub-3)\n",
    );
    stamp(&site, &["content/prefectures/chiba/plan.en.md"]);
    let run = site.build_ok();
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let ja = site.read("prefectures/chiba/plan/index.html");
    let both = item(&ja, "hub-1-2");
    assert!(
        both.contains("<span id=\"hub-3\"></span>医師会と共に"),
        "{both}"
    );
    // The translation's item carries the same anchors.
    let en = site.read("en/prefectures/chiba/plan/index.html");
    assert!(
        item(&en, "hub-1-2").contains("<span id=\"hub-3\"></span>"),
        "{en}"
    );
    let json: serde_json::Value = serde_json::from_str(&site.read("compare/hub.json")).unwrap();
    let chiba = &json["prefectures"][0];
    assert_eq!(
        chiba["cells"]["hub-1"][1]["source"],
        "/prefectures/chiba/plan/#hub-1-2"
    );
    assert_eq!(
        chiba["cells"]["hub-3"][0]["source"],
        "/prefectures/chiba/plan/#hub-3"
    );
}

// --- 6. a translation that lags behind -------------------------------------------------------

/// Chiba's Japanese plan with a fifth item, an own addition, that the English lacks.
const CHIBA_MORE: &str = "---\ntitle: 千葉県の計画\nkind: plan\nprefecture: chiba\n---\n## 拠点の事項 {.obligations set=hub}\n\n- 在宅医療の提供体制に関する関係機関との調整を行うこと\n- 地域の関係者による会議を定期的で開催し、課題の抽出を行うこと\n- 研修会を年2回、県内全域で開くこと\n- 医師会と共に会議を開く {#hub-1}\n- 住民への普及啓発を実施すること\n  - 年1回の講演会\n";

#[test]
fn a_new_japanese_item_shows_in_japanese_on_the_english_pages_with_a_warning() {
    let site = site();
    site.write("content/prefectures/chiba/plan.md", CHIBA_MORE);
    let run = site.build_ok();
    assert!(
        run.stderr.contains("warning: the translation is out of date: the list of `hub` has 5 items in content/prefectures/chiba/plan.md, but 4 here"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("translate the Japanese items this list lacks (until then the English pages show them in Japanese), then run `shishin i18n stamp content/prefectures/chiba/plan.en.md`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("content/prefectures/chiba/plan.en.md:5:1"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches("warning:").count(), 1, "{}", run.stderr);
    // The English plan page shows the new item in Japanese, where links to it land.
    let en = site.read("en/prefectures/chiba/plan/index.html");
    let new = item(&en, "hub-3");
    assert!(new.contains("lang=\"ja\""), "{new}");
    assert!(new.contains("住民への普及啓発を実施すること"), "{new}");
    assert!(en.contains("<li>年1回の講演会</li>"), "{en}");
    // The English comparison shows it in Japanese too, marked as Japanese.
    let compare = site.read("en/compare/hub/index.html");
    let text = compare
        .find("住民への普及啓発を実施すること</")
        .expect("the Japanese text on the English comparison");
    let before = &compare[..text];
    let open = before.rfind('<').expect("its element");
    assert!(
        before[open..].contains("lang=\"ja\""),
        "{}",
        &compare[open..text + 60]
    );
    assert!(
        compare.contains("/en/prefectures/chiba/plan/#hub-3"),
        "{compare}"
    );
}

#[test]
fn a_translation_without_the_list_shows_it_in_japanese() {
    let site = site();
    site.write(
        "content/prefectures/chiba/plan.en.md",
        "---\ntitle: Chiba plan\n---\nNot yet translated.\n",
    );
    stamp(&site, &["content/prefectures/chiba/plan.en.md"]);
    let run = site.build_ok();
    assert!(
        run.stderr.contains("warning: content/prefectures/chiba/plan.en.md: the translation has no list of `hub`, which content/prefectures/chiba/plan.md has: the English page shows that list in Japanese"),
        "{}",
        run.stderr
    );
    let en = site.read("en/prefectures/chiba/plan/index.html");
    assert!(
        en.contains("<ul class=\"obligation-list\" data-set=\"hub\" lang=\"ja\">"),
        "{en}"
    );
    assert!(item(&en, "hub-1-2").contains("医師会と共に"), "{en}");
}

#[test]
fn the_guideline_translation_with_another_count_is_an_error_naming_both() {
    let site = site();
    site.write(
        "content/guideline.en.md",
        "---\ntitle: Guideline\nkind: guideline\n---\n## Requirements {.obligations set=hub}\n\n- Hold regular meetings of local stakeholders and identify issues\n- Coordinate with the institutions concerned\n",
    );
    let run = site.build();
    run.assert_clean_failure("content/guideline.en.md:5:1");
    assert!(
        run.stderr.contains("error: content/guideline.en.md lists 2 obligations of `hub`, but the Japanese content/guideline.md lists 3: the canonical obligations need the same number in both languages"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
}

// --- 9. warnings that protect the data ---------------------------------------------------------

#[test]
fn an_own_item_much_like_an_obligation_names_the_marker_to_add() {
    let site = site();
    site.write(
        "content/prefectures/chiba/plan.md",
        &CHIBA.replace(
            "研修会を年2回、県内全域で開くこと",
            "住民への普及啓発の講演会を開くこと",
        ),
    );
    let run = site.build_ok();
    assert!(
        run.stderr.contains("warning: this item matches no obligation of the guideline, but it is much like `hub-3` (53% alike), so the comparison counts it as the prefecture's own addition"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("if it is this prefecture's version of `hub-3`, end its first line with `{#hub-3}`; if it is an addition of the prefecture's own, leave it as it is"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("content/prefectures/chiba/plan.md:11:1"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_page_in_one_prefectures_folder_naming_another_warns_at_its_line() {
    let site = site();
    site.write(
        "content/prefectures/chiba/plan.md",
        &CHIBA.replace("prefecture: chiba", "prefecture: 大阪府"),
    );
    let run = site.build_ok();
    assert!(
        run.stderr.contains("warning: this page is in the folder of 千葉県 (chiba/), but its `prefecture:` says 大阪府: the comparison puts it in the column of 大阪府"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("if the page is about 千葉県, write `prefecture: chiba`; if it is about 大阪府, move it to a folder named `osaka`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/prefectures/chiba/plan.md:4:1"),
        "{}",
        run.stderr
    );
}

#[test]
fn two_current_pages_of_one_prefecture_listing_a_set_warn_unless_one_supersedes_the_other() {
    let site = site();
    let draft = CHIBA.replace("千葉県の計画", "千葉県の計画（案）");
    site.write("content/prefectures/chiba/draft.md", &draft);
    let run = site.build_ok();
    assert!(
        run.stderr.contains("warning: content/prefectures/chiba/draft.md and this page both list `hub` for 千葉県, and neither replaces the other: the comparison shows the items of both in 千葉県's column"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("if this page is a newer version of the other, add `supersedes: \"@/prefectures/chiba/draft.md\"` to its front matter"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/prefectures/chiba/plan.md:7:1"),
        "{}",
        run.stderr
    );

    site.write(
        "content/prefectures/chiba/plan.md",
        &CHIBA.replace(
            "date: 2024-03-29",
            "date: 2024-03-29\nsupersedes: \"@/prefectures/chiba/draft.md\"",
        ),
    );
    let run = site.build_ok();
    assert!(!run.stderr.contains("both list"), "{}", run.stderr);
}

// --- 4. one mistake, one error -----------------------------------------------------------------

/// A site where Chiba's plan has a mistake in its front matter (an unknown key), its
/// translation and other pages pointing at it in every way a page can.
fn site_with_a_broken_plan() -> TestSite {
    let site = site();
    site.write(
        "content/prefectures/chiba/plan.md",
        &CHIBA.replace("date: 2024-03-29", "datte: 2024-03-29"),
    );
    site.write(
        "content/links.md",
        "---\ntitle: リンク\n---\n[計画](@/prefectures/chiba/plan.md#hub-1)\n[計画](/prefectures/chiba/plan/)\n[計画](prefectures/chiba/plan.md)\n",
    );
    site.write(
        "content/prefectures/chiba/plan2.md",
        "---\ntitle: 新しい計画\nsupersedes: \"@/prefectures/chiba/plan.md\"\n---\n本文\n",
    );
    site
}

#[test]
fn a_page_whose_front_matter_fails_raises_one_error_only() {
    let site = site_with_a_broken_plan();
    let run = site.run(&["check"]);
    run.assert_clean_failure("content/prefectures/chiba/plan.md:5:1");
    assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    assert!(!run.stderr.contains("does not exist"), "{}", run.stderr);
    assert!(!run.stderr.contains("broken link"), "{}", run.stderr);
}

#[test]
fn did_you_mean_never_proposes_another_prefectures_page() {
    let site = site();
    site.write(
        "content/prefectures/osaka/plan.md",
        "---\ntitle: 大阪府の計画\n---\n本文\n",
    );
    site.write(
        "content/links.md",
        "---\ntitle: リンク\n---\n[大阪](@/prefectures/osaka/plna.md)\n\n[千葉](@/prefectures/chiba/plan-2024.md)\n\n[東京](@/prefectures/tokyo/plan.md)\n",
    );
    let run = site.run(&["check"]);
    run.assert_clean_failure("content/links.md:4:1");
    // Within the prefecture's folder a suggestion is made; across prefectures never.
    assert!(
        run.stderr
            .contains("did you mean `@/prefectures/osaka/plan.md`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("did you mean `@/prefectures/chiba/plan.md`?"),
        "{}",
        run.stderr
    );
    // The link into Tokyo's folder is offered neither Chiba's nor Osaka's plan.
    for plan in ["osaka", "chiba"] {
        let suggestion = format!("did you mean `@/prefectures/{plan}/plan.md`?");
        assert_eq!(run.stderr.matches(&suggestion).count(), 1, "{}", run.stderr);
    }
}

#[test]
fn the_preview_reports_the_same_errors_as_check() {
    let site = site_with_a_broken_plan();
    // A mistake of its own in another page, which `check` finds beside the first.
    site.write(
        "content/other.md",
        "---\ntitle: 他\n---\n[壊れた](@/nowhere.md)\n",
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let from_check: Vec<&str> = run
        .stderr
        .lines()
        .filter_map(|l| l.strip_prefix("error: "))
        .collect();
    assert_eq!(from_check.len(), 2, "{}", run.stderr);

    let options = shishin::pipeline::Options {
        drafts: true,
        ..Default::default()
    };
    let mut preview = shishin::serve::rebuild::Preview::new(site.dir.path().to_path_buf(), options);
    let everything = shishin::serve::rebuild::Changes {
        setup: true,
        ..Default::default()
    };
    let Err(diags) = preview.update(&everything) else {
        panic!("the preview built a broken site");
    };
    let from_preview: Vec<String> = diags
        .0
        .iter()
        .filter(|d| d.severity == shishin::diagnostics::Severity::Error)
        .map(|d| d.message.en().to_string())
        .collect();
    assert_eq!(from_preview.len(), from_check.len(), "{from_preview:?}");
    for message in &from_preview {
        assert!(
            run.stderr.contains(message.as_str()),
            "{message}\n{}",
            run.stderr
        );
    }
}

// --- 8. what a translation takes from its original --------------------------------------------

#[test]
fn a_translation_inherits_date_source_prefecture_and_facts_it_does_not_set() {
    let site = TestSite::new();
    site.write(
        "site.yaml",
        &format!("{SITE}facts:\n  rate: {{ ja: 補助率, en: Subsidy rate, type: rate }}\n"),
    );
    site.write(
        "content/subsidy.md",
        "---\ntitle: 千葉県の補助金\nkind: subsidy\nprefecture: chiba\ndate: 2024-03-29\nsource:\n  title: 千葉県在宅医療推進事業補助金交付要綱\n  issuer: 千葉県\nfacts:\n  rate: 3分の2\n---\n本文\n",
    );
    site.write(
        "content/subsidy.en.md",
        "---\ntitle: Chiba subsidy\n---\nBody\n",
    );
    site.write(
        "content/other.md",
        "---\ntitle: 他\ndate: 2024-03-29\n---\n本文\n",
    );
    site.write(
        "content/other.en.md",
        "---\ntitle: Other\ndate: 2025-01-10\n---\nBody\n",
    );
    stamp(&site, &["content/subsidy.en.md", "content/other.en.md"]);
    site.build_ok();
    let en = site.read("en/subsidy/index.html");
    assert!(en.contains("<dd class=\"prefecture\">Chiba</dd>"), "{en}");
    assert!(
        en.contains("<time datetime=\"2024-03-29\">29 March 2024</time>"),
        "{en}"
    );
    assert!(
        en.contains("<cite lang=\"ja\">千葉県在宅医療推進事業補助金交付要綱</cite>"),
        "{en}"
    );
    assert!(en.contains("<th scope=\"row\">Subsidy rate</th>"), "{en}");
    // What the translation sets stays its own.
    let other = site.read("en/other/index.html");
    assert!(other.contains("<time datetime=\"2025-01-10\">"), "{other}");
}

#[test]
fn i18n_status_diff_shows_what_changed_in_the_japanese_since_the_stamp() {
    let site = site();
    let en = "content/prefectures/chiba/plan.en.md";
    let status = |site: &TestSite| {
        let run = site.run(&[
            "i18n",
            "status",
            "--diff",
            &site.path(en).display().to_string(),
        ]);
        assert!(run.ok, "{}", run.stderr);
        run.stdout
    };
    assert!(site
        .path(".shishin/i18n/prefectures/chiba/plan.md")
        .is_file());
    assert_eq!(
        status(&site),
        "content/prefectures/chiba/plan.md has not changed since content/prefectures/chiba/plan.en.md was stamped: the translation is up to date.\n"
    );

    site.write("content/prefectures/chiba/plan.md", CHIBA_MORE);
    let out = status(&site);
    assert!(
        out.starts_with("content/prefectures/chiba/plan.md has changed since content/prefectures/chiba/plan.en.md was stamped:\n"),
        "{out}"
    );
    // The 新旧対照表: the new item in the new column, nothing in the old.
    let row = out
        .lines()
        .find(|l| l.contains("住民への普及啓発を実施すること"))
        .unwrap_or_else(|| panic!("a row for the new item:\n{out}"));
    assert!(row.contains("<ins>"), "{row}");
    assert!(
        !out.contains("医師会と共に会議を開く"),
        "unchanged items are collapsed:\n{out}"
    );

    // Without the kept text, it says so plainly.
    std::fs::remove_dir_all(site.path(".shishin")).unwrap();
    assert!(status(&site).starts_with("content/prefectures/chiba/plan.md has changed since content/prefectures/chiba/plan.en.md was stamped, but the Japanese text it was made from was not kept, so the change cannot be shown.\n"));

    // A translation never stamped.
    site.write(en, CHIBA_EN);
    assert!(status(&site).starts_with("content/prefectures/chiba/plan.en.md is not stamped"));
}

#[test]
fn an_english_list_longer_than_the_japanese_warns_and_its_extra_item_has_no_anchor() {
    let site = site();
    // Chiba's last item was removed from the Japanese plan; the English still has it.
    site.write(
        "content/prefectures/chiba/plan.md",
        &CHIBA.replace("- 医師会と共に会議を開く {#hub-1}\n", ""),
    );
    let run = site.build_ok();
    assert!(
        run.stderr.contains("warning: the translation is out of date: the list of `hub` has 3 items in content/prefectures/chiba/plan.md, but 4 here"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("make the English list follow the Japanese one, one item each in the same order, then run `shishin i18n stamp content/prefectures/chiba/plan.en.md`"),
        "{}",
        run.stderr
    );
    let en = site.read("en/prefectures/chiba/plan/index.html");
    assert!(
        en.contains("<li class=\"obligation\">Hold meetings with the medical association"),
        "{en}"
    );
    assert!(!en.contains("hub-1-2"), "{en}");
}
