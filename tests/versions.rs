//! Versions on the site (SPEC §10): `supersedes:` links a newer page to the older one, both
//! pages say so, and the newer page gets its 新旧対照表 at `changes/`.

mod common;

use common::TestSite;

#[allow(dead_code)]
const DRAFT: &str = "---\ntitle: 計画（案）\nkind: plan\n---\n## 拠点の整備\n\n前記(1)から(4)までに掲げる機能の確保を図る。\n\n変わらない段落その一。\n\n変わらない段落その二。\n\n消える段落です。\n";
#[allow(dead_code)]
const PLAN: &str = "---\ntitle: 計画\nkind: plan\nsupersedes: \"@/p/draft.md\"\n---\n## 拠点の整備\n\n①～④の機能の確保を図る。\n\n変わらない段落その一。\n\n変わらない段落その二。\n\n新しく設けた段落です。\n";

#[allow(dead_code)]
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
}
