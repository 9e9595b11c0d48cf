//! Versions on the site (SPEC §10): `supersedes:` links a newer page to the older one, both
//! pages say so, and the newer page gets its 新旧対照表 at `changes/`.

mod common;

use common::TestSite;

const DRAFT: &str = "---\ntitle: 計画（案）\nkind: plan\n---\n## 拠点の整備\n\n前記(1)から(4)までに掲げる機能の確保を図る。\n\n県と連携して取り組む。\n\n変わらない段落その一。\n\n変わらない段落その二。\n\n消える段落です。\n\n変わらない段落その三。\n";
const PLAN: &str = "---\ntitle: 計画\nkind: plan\nsupersedes: \"@/p/draft.md\"\n---\n## 拠点の整備\n\n①～④の機能の確保を図る。\n\n医療機関及び県と連携して取り組む。\n\n変わらない段落その一。\n\n変わらない段落その二。\n\n変わらない段落その三。\n\n新しく設けた項です。\n";

/// A site with a draft plan and the plan that supersedes it.
fn versioned() -> TestSite {
    let site = TestSite::new();
    site.write("content/p/_index.md", "---\ntitle: 計画の一覧\n---\n");
    site.write("content/p/draft.md", DRAFT);
    site.write("content/p/plan.md", PLAN);
    site
}

#[test]
fn a_missing_target_is_an_error_at_the_line() {
    let site = TestSite::new();
    site.write(
        "content/plan.md",
        "---\ntitle: 計画\nsupersedes: \"@/plan-draf.md\"\n---\n本文。\n",
    );
    site.write("content/plan-draft.md", "---\ntitle: 案\n---\n本文。\n");
    let run = site.build();
    assert!(!run.ok);
    assert!(run.stderr.contains("content/plan.md:3:1"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`supersedes:` names content/plan-draf.md, which does not exist"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("@/plan-draft.md"), "{}", run.stderr);
}

#[test]
fn a_cycle_is_an_error_at_the_line() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: A\nsupersedes: \"@/b.md\"\n---\n本文。\n",
    );
    site.write(
        "content/b.md",
        "---\ntitle: B\nweight: 2\nsupersedes: \"@/c.md\"\n---\n本文。\n",
    );
    site.write(
        "content/c.md",
        "---\ntitle: C\nsupersedes: \"@/a.md\"\n---\n本文。\n",
    );
    let run = site.build();
    assert!(!run.ok);
    assert!(
        run.stderr.contains("the versions go round in a circle"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("content/a.md:3:1"), "{}", run.stderr);
    // One cycle, one error.
    assert_eq!(run.stderr.matches("go round in a circle").count(), 1);

    let site = TestSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: A\nsupersedes: \"@/a.md\"\n---\n本文。\n",
    );
    let run = site.build();
    assert!(!run.ok);
    assert!(run.stderr.contains("content/a.md:3:1"), "{}", run.stderr);
    assert!(run.stderr.contains("circle"), "{}", run.stderr);
}

#[test]
fn a_page_superseded_twice_is_an_error() {
    let site = TestSite::new();
    site.write("content/old.md", "---\ntitle: 旧\n---\n本文。\n");
    for name in ["a", "b"] {
        site.write(
            &format!("content/{name}.md"),
            &format!("---\ntitle: {name}\nsupersedes: \"@/old.md\"\n---\n本文。\n"),
        );
    }
    let run = site.build();
    assert!(!run.ok);
    assert!(
        run.stderr.contains("is already superseded by"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_chain_of_versions_builds() {
    let site = TestSite::new();
    site.write("content/v1.md", "---\ntitle: 第1版\n---\n最初の文。\n");
    site.write(
        "content/v2.md",
        "---\ntitle: 第2版\nsupersedes: \"@/v1.md\"\n---\n二番目の文。\n",
    );
    site.write(
        "content/v3.md",
        "---\ntitle: 第3版\nsupersedes: \"@/v2.md\"\n---\n三番目の文。\n",
    );
    site.build_ok();
    // The middle version is both superseded and a newer version with its own comparison.
    let v2 = site.read("v2/index.html");
    assert!(v2.contains("href=\"/zaitaku/v3/\""), "{v2}");
    assert!(v2.contains("href=\"/zaitaku/v1/\""), "{v2}");
    assert!(v2.contains("href=\"/zaitaku/v2/changes/\""), "{v2}");
    assert!(!site.read("v1/index.html").contains("href=\"/zaitaku/v3/\""));
    assert!(site.exists("v2/changes/index.html"));
    assert!(site.exists("v3/changes/index.html"));
    assert!(!site.exists("v1/changes/index.html"));
    assert!(site
        .read("v3/changes/index.html")
        .contains("<ins>三</ins>番目の文。"));
}

#[test]
fn both_versions_link_each_other_in_both_languages() {
    let site = versioned();
    site.write(
        "content/p/draft.en.md",
        "---\ntitle: Plan (draft)\n---\n## Hubs\n\nTo secure the functions in (1) to (4) above.\n",
    );
    site.build_ok();
    let draft = site.read("p/draft/index.html");
    assert!(draft.contains("notice-superseded"), "{draft}");
    assert!(
        draft.contains("このページの内容は改定されています。"),
        "{draft}"
    );
    assert!(draft.contains("href=\"/zaitaku/p/plan/\""), "{draft}");
    let plan = site.read("p/plan/index.html");
    assert!(plan.contains("notice-supersedes"), "{plan}");
    assert!(plan.contains("href=\"/zaitaku/p/draft/\""), "{plan}");
    // In English: the translated draft links the untranslated plan by its Japanese title.
    let draft = site.read("en/p/draft/index.html");
    assert!(draft.contains("This version has been revised."), "{draft}");
    assert!(
        draft.contains("href=\"/zaitaku/en/p/plan/\" lang=\"ja\""),
        "{draft}"
    );
    let plan = site.read("en/p/plan/index.html");
    assert!(plan.contains("This version revises:"), "{plan}");
    assert!(plan.contains(">Plan (draft)</a>"), "{plan}");
}

#[test]
fn a_translation_inherits_supersedes_and_may_not_contradict_it() {
    let site = versioned();
    site.write(
        "content/p/plan.en.md",
        "---\ntitle: Plan\nsupersedes: \"@/p/_index.md\"\n---\nText.\n",
    );
    let run = site.build();
    assert!(!run.ok);
    assert!(
        run.stderr.contains("content/p/plan.en.md:3:1"),
        "{}",
        run.stderr
    );
    site.write("content/p/plan.en.md", "---\ntitle: Plan\n---\nText.\n");
    site.build_ok();
    let plan = site.read("en/p/plan/index.html");
    assert!(plan.contains("href=\"/zaitaku/en/p/draft/\""), "{plan}");
}

#[test]
fn the_changes_page_is_a_table_in_both_languages() {
    let site = versioned();
    site.build_ok();
    let ja = site.read("p/plan/changes/index.html");
    assert!(ja.contains("<body class=\"tpl-changes\">"), "{ja}");
    assert!(ja.contains("<title>新旧対照表: 計画 — "), "{ja}");
    assert!(
        ja.contains("<caption>新旧対照表（新: 計画、旧: 計画（案））</caption>"),
        "{ja}"
    );
    assert!(ja.contains("<th scope=\"col\" class=\"sh-versions-new\">新</th><th scope=\"col\" class=\"sh-versions-old\">旧</th><th scope=\"col\" class=\"sh-versions-remark\">備考</th>"), "{ja}");
    // Underlined in both columns, with the remark Japanese practice gives.
    assert!(ja.contains("<ins>①～④の</ins>"), "{ja}");
    assert!(ja.contains("<del>前記(1)から(4)までに掲げる</del>"), "{ja}");
    assert!(
        ja.contains("<ins>医療機関及び</ins>県と連携して取り組む。"),
        "{ja}"
    );
    for remark in [
        "<td>変更</td>",
        "<td>追加</td>",
        "<td>新設</td>",
        "<td>全削除</td>",
    ] {
        assert!(ja.contains(remark), "{remark}: {ja}");
    }
    // The two unchanged paragraphs between changes fold to （略）, opening in place.
    assert!(ja.contains("<details><summary>（略）</summary><div class=\"sh-versions-paragraph\">変わらない段落その一。</div><div class=\"sh-versions-paragraph\">変わらない段落その二。</div></details>"), "{ja}");
    // Both versions linked; breadcrumbs through the newer page.
    assert!(ja.contains("href=\"/zaitaku/p/plan/\""), "{ja}");
    assert!(ja.contains("href=\"/zaitaku/p/draft/\""), "{ja}");
    assert!(!ja.contains("style="), "no inline style: {ja}");

    // English, neither version translated: the Japanese texts, marked, in an English table.
    let en = site.read("en/p/plan/changes/index.html");
    assert!(en.contains("<html lang=\"en\">"), "{en}");
    assert!(
        en.contains(">New</th>") && en.contains(">Remarks</th>"),
        "{en}"
    );
    assert!(
        en.contains("<td class=\"sh-versions-paragraph\" lang=\"ja\"><ins>①～④の</ins>"),
        "{en}"
    );
    assert!(en.contains("<td>Changed</td>"), "{en}");
    assert!(en.contains("Not both versions are translated"), "{en}");
    assert!(en.contains("<summary>(omitted)</summary>"), "{en}");

    // Both translated: the English texts are compared.
    site.write(
        "content/p/draft.en.md",
        "---\ntitle: Plan (draft)\n---\nTo secure the functions in (1) to (4) above.\n",
    );
    site.write(
        "content/p/plan.en.md",
        "---\ntitle: Plan\n---\nTo secure functions ① to ④.\n",
    );
    site.build_ok();
    let en = site.read("en/p/plan/changes/index.html");
    assert!(!en.contains("Not both versions are translated"), "{en}");
    assert!(
        en.contains(
            "<caption>Comparison of new and old text (new: Plan, old: Plan (draft))</caption>"
        ),
        "{en}"
    );
    assert!(!en.contains("lang=\"ja\"><ins>"), "{en}");
}

#[test]
fn a_content_page_where_the_changes_page_goes_is_an_error() {
    let site = versioned();
    site.write(
        "content/p/plan/changes.md",
        "---\ntitle: 変更点\n---\n本文。\n",
    );
    let run = site.build();
    assert!(!run.ok);
    assert!(
        run.stderr.contains("content/p/plan/changes.md"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("comparison of versions"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_link_to_a_changes_page_resolves() {
    let site = versioned();
    site.write(
        "content/about.md",
        "---\ntitle: 案内\n---\n[変更点](/p/plan/changes/)と[ない頁](/p/draft/changes/)。\n",
    );
    let run = site.build();
    assert!(!run.ok);
    assert!(run.stderr.contains("/p/draft/changes/"), "{}", run.stderr);
    assert!(!run.stderr.contains("`/p/plan/changes/`"), "{}", run.stderr);
}

/// The shipped site: Chiba's plan supersedes the draft shown to the municipalities (seed 001),
/// and its changes page shows what the adoption changed.
#[test]
fn the_shipped_chiba_plan_shows_its_changes_from_the_draft() {
    let site = TestSite::new();
    common::copy_dir(&common::repo().join("content"), &site.path("content"));
    std::fs::copy(common::repo().join("site.yaml"), site.path("site.yaml")).unwrap();
    site.build_ok();
    let ja = site.read("prefectures/chiba/plan/changes/index.html");
    let row = ja
        .lines()
        .find(|l| l.contains("機能の確保を図るため"))
        .unwrap_or_else(|| panic!("{ja}"));
    let (new, old) = row.split_once("</td><td").unwrap();
    assert!(new.contains("<ins>①～④の</ins>"), "{row}");
    assert!(
        old.contains("<del>前記(1)から(4)※までに掲げる</del>"),
        "{row}"
    );
    assert!(row.ends_with("<td>変更</td></tr>"), "{row}");
    // 「在宅医療において積極的役割を担う医療機関」及び was added on adoption.
    assert!(
        ja.contains("<ins>「在宅医療において積極的役割を担う医療機関」及び</ins>県と連携して"),
        "{ja}"
    );
    let draft = site.read("prefectures/chiba/plan-draft/index.html");
    assert!(draft.contains("notice-superseded"), "{draft}");
    assert!(
        draft.contains("href=\"/zaitaku/prefectures/chiba/plan/\""),
        "{draft}"
    );
    let plan = site.read("prefectures/chiba/plan/index.html");
    assert!(
        plan.contains("href=\"/zaitaku/prefectures/chiba/plan/changes/\""),
        "{plan}"
    );
    // Both versions are translated: the English page compares the English texts.
    let en = site.read("en/prefectures/chiba/plan/changes/index.html");
    assert!(en.contains("function<ins>s ① to ④</ins>"), "{en}");
    assert!(en.contains("<td>Changed</td>"), "{en}");
}

const COMPARED: &str = "title: { ja: テスト, en: Test }\nbase_url: https://ex.jp/\nobligations:\n  sets:\n    hub: { ja: 連携の拠点, en: Coordination hubs }\nfacts:\n  rate: { ja: 補助率, en: Subsidy rate, type: rate }\ncomparisons:\n  rates: { ja: 補助率の比較, en: Rates compared, facts: [rate] }\n";
const HUB: &str = "---\ntitle: 指針\nkind: guideline\n---\n## 求められる事項 {.obligations set=hub}\n\n- 地域の関係者による会議を定期的に開催すること\n- 関係機関との調整を行うこと\n- 住民への普及啓発を実施すること\n";
const CHIBA_DRAFT: &str = "---\ntitle: 千葉県計画（案）\nkind: plan\nprefecture: chiba\ndate: 2023-12-01\nfacts:\n  rate: 2分の1\n---\n## 拠点 {.obligations set=hub}\n\n- 地域の関係者による会議を年1回開催すること\n- 関係機関との調整を行うこと\n- 案だけの独自の事項を進めること\n";
const CHIBA_PLAN: &str = "---\ntitle: 千葉県計画\nkind: plan\nprefecture: chiba\ndate: 2024-03-29\nsupersedes: \"@/chiba/draft.md\"\nfacts:\n  rate: 10分の10\n---\n## 拠点 {.obligations set=hub}\n\n- 地域の関係者による会議を定期的に開催すること\n- 住民への普及啓発を実施すること\n";

/// A guideline, and Chiba's draft plan and the plan that supersedes it, each listing the
/// obligations differently and giving a different subsidy rate.
fn compared() -> TestSite {
    let site = TestSite::new();
    site.write("site.yaml", COMPARED);
    site.write("content/guideline.md", HUB);
    site.write(
        "content/chiba/_index.md",
        "---\ntitle: 千葉県\nprefecture: chiba\n---\n",
    );
    site.write("content/chiba/draft.md", CHIBA_DRAFT);
    site.write("content/chiba/plan.md", CHIBA_PLAN);
    site
}

#[test]
fn comparisons_use_the_current_version_only() {
    let site = compared();
    site.build_ok();
    let html = site.read("compare/hub/index.html");
    // One column for Chiba, with the plan's items: 2 of 3 covered, no draft text.
    // (Counted in the detail table, after the compact matrix the page opens with.)
    let detail = &html[html.find("id=\"sh-detail\"").unwrap()..];
    let detail = &detail[..detail.find("</table>").unwrap()];
    assert_eq!(detail.matches("<th scope=\"col\"").count() - 1, 1, "{html}");
    assert!(html.contains("2/3"), "{html}");
    assert!(!html.contains("年1回"), "{html}");
    assert!(!html.contains("案だけの独自の事項"), "{html}");
    let csv = site.read("compare/hub.csv");
    assert!(!csv.contains("年1回"), "{csv}");
    assert!(!csv.contains("案だけの独自の事項"), "{csv}");
    assert!(
        csv.contains("hub-3,住民への普及啓発を実施すること,verbatim,"),
        "{csv}"
    );
    // One column group for Chiba: class, text, detail, similarity, note, source.
    assert_eq!(
        csv.lines().next().unwrap().matches("千葉県").count(),
        6,
        "{csv}"
    );
    let run = site.run(&["compare", "hub", "--format", "csv"]);
    assert!(run.ok, "{}", run.stderr);
    assert!(!run.stdout.contains("年1回"), "{}", run.stdout);
    assert_eq!(run.stdout, csv);

    // Facts: the plan's rate, not the draft's.
    let facts = site.read("compare/rates.csv");
    assert!(facts.contains("10分の10"), "{facts}");
    assert!(!facts.contains("2分の1"), "{facts}");
    assert!(!facts.contains("/chiba/draft/"), "{facts}");
}

#[test]
fn an_obligation_page_shows_how_a_revision_changed_each_prefectures_item() {
    let site = compared();
    site.build_ok();
    let html = site.read("obligations/hub-1/index.html");
    let revisions = &html[html.find("class=\"revisions\"").expect(&html)..];
    assert!(revisions.contains("<h3>千葉県</h3>"), "{revisions}");
    assert!(revisions.contains("href=\"/chiba/draft/\""), "{revisions}");
    assert!(revisions.contains("href=\"/chiba/plan/\""), "{revisions}");
    assert!(
        revisions.contains("地域の関係者による会議を年1回開催すること"),
        "{revisions}"
    );
    assert!(
        revisions.contains("<del>年1回</del><ins>定期的に</ins>"),
        "{revisions}"
    );
    // The table above it shows the current wording only.
    let current = &html[..html.find("class=\"revisions\"").unwrap()];
    assert!(!current.contains("年1回"), "{current}");

    // An item the plan left out, and one it added: the other side says there is none.
    let dropped = site.read("obligations/hub-2/index.html");
    assert!(dropped.contains("（この事項の記載なし）"), "{dropped}");
    assert!(
        dropped.contains("<del>関係機関との調整を行うこと</del>"),
        "{dropped}"
    );
    let added = site.read("obligations/hub-3/index.html");
    assert!(
        added.contains("<ins>住民への普及啓発を実施すること</ins>"),
        "{added}"
    );

    // In English, with the Japanese wording marked as such.
    let en = site.read("en/obligations/hub-1/index.html");
    assert!(en.contains("Changed by revisions"), "{en}");
    assert!(en.contains("<p class=\"diff\" lang=\"ja\">"), "{en}");
    assert!(en.contains("href=\"/en/chiba/draft/\""), "{en}");

    // An obligation no revision touched has no such section.
    let site = compared();
    site.write(
        "content/chiba/draft.md",
        &CHIBA_PLAN.replace("supersedes: \"@/chiba/draft.md\"\n", ""),
    );
    site.build_ok();
    assert!(!site
        .read("obligations/hub-1/index.html")
        .contains("class=\"revisions\""));
}

#[test]
fn a_section_lists_its_documents_by_date_with_their_versions() {
    let site = compared();
    site.write(
        "content/chiba/memo.md",
        "---\ntitle: 覚書\nweight: 1\n---\n本文。\n",
    );
    site.write(
        "content/chiba/survey.md",
        "---\ntitle: 調査\ndate: 2023-06-01\n---\n本文。\n",
    );
    site.write(
        "content/chiba/survey.en.md",
        "---\ntitle: Survey\n---\nText.\n",
    );
    site.build_ok();
    let html = site.read("chiba/index.html");
    let timeline = &html[html.find("class=\"timeline\"").expect(&html)..];
    let timeline = &timeline[..timeline.find("</section>").unwrap()];
    let at = |s: &str| {
        timeline
            .find(s)
            .unwrap_or_else(|| panic!("{s}: {timeline}"))
    };
    // By date: the survey, then the draft and its plan as one document; the undated memo last.
    assert!(at(">調査</a>") < at(">千葉県計画（案）</a>"), "{timeline}");
    assert!(
        at(">千葉県計画（案）</a>") < at(">千葉県計画</a>"),
        "{timeline}"
    );
    assert!(at(">千葉県計画</a>") < at(">覚書</a>"), "{timeline}");
    assert_eq!(
        timeline.matches("千葉県計画（案）").count(),
        1,
        "{timeline}"
    );
    assert!(
        timeline.contains("<time datetime=\"2023-12-01\">"),
        "{timeline}"
    );
    assert!(
        timeline.contains("<time datetime=\"2024-03-29\">"),
        "{timeline}"
    );
    assert_eq!(timeline.matches("class=\"timeline-versions\"").count(), 3);
    assert!(timeline.contains("現行"), "{timeline}");

    let en = site.read("en/chiba/index.html");
    let timeline = &en[en.find("class=\"timeline\"").expect(&en)..];
    assert!(
        timeline.contains("Documents and their versions"),
        "{timeline}"
    );
    assert!(
        timeline.contains("href=\"/en/chiba/survey/\">Survey</a>"),
        "{timeline}"
    );
    assert!(timeline.contains("Current"), "{timeline}");
    assert!(
        timeline.contains("href=\"/en/chiba/draft/\" lang=\"ja\">千葉県計画（案）</a>"),
        "{timeline}"
    );

    // A section whose pages have no versions has no timeline.
    let site = versioned();
    site.remove("content/p/plan.md");
    site.build_ok();
    assert!(!site.read("p/index.html").contains("class=\"timeline\""));
}
