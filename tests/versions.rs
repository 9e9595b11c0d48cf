//! Versions on the site (SPEC §10): `supersedes:` links a newer page to the older one, both
//! pages say so, and the newer page gets its 新旧対照表 at `changes/`.

mod common;

use common::TestSite;

const DRAFT: &str = "---\ntitle: 計画（案）\nkind: plan\n---\n## 拠点の整備\n\n前記(1)から(4)までに掲げる機能の確保を図る。\n\n変わらない段落その一。\n\n変わらない段落その二。\n\n消える段落です。\n";
const PLAN: &str = "---\ntitle: 計画\nkind: plan\nsupersedes: \"@/p/draft.md\"\n---\n## 拠点の整備\n\n①～④の機能の確保を図る。\n\n変わらない段落その一。\n\n変わらない段落その二。\n\n新しく設けた段落です。\n";

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
    // The middle version is both superseded and a newer version.
    let v2 = site.read("v2/index.html");
    assert!(v2.contains("href=\"/zaitaku/v3/\""), "{v2}");
    assert!(v2.contains("href=\"/zaitaku/v1/\""), "{v2}");
    assert!(!site.read("v1/index.html").contains("href=\"/zaitaku/v3/\""));
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
