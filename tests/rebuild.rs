//! The preview's incremental rebuild against a full one: after every kind of edit, the site the
//! preview serves must equal the site a fresh preview builds from the same files, while an edit
//! to one page re-renders only what depends on it.

mod common;

use std::path::{Path, PathBuf};

use shishin::pipeline::Options;
use shishin::serve::rebuild::{Changes, Preview, Rebuilt};

/// A copy of the shipped site in a temporary folder, with its preview built once.
struct Shipped {
    _dir: tempfile::TempDir,
    root: PathBuf,
    preview: Preview,
}

impl Shipped {
    fn new() -> Shipped {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        for folder in ["content", "themes"] {
            common::copy_dir(&common::repo().join(folder), &root.join(folder));
        }
        std::fs::copy(common::repo().join("site.yaml"), root.join("site.yaml")).unwrap();
        let mut preview = Preview::new(root.clone(), options());
        let first = preview
            .update(&Changes {
                setup: true,
                ..Changes::default()
            })
            .unwrap_or_else(|d| panic!("first build: {d:?}"));
        assert!(first.full);
        Shipped {
            _dir: dir,
            root,
            preview,
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// Changes a file by replacing text in it, then rebuilds.
    fn edit(&mut self, rel: &str, from: &str, to: &str) -> Rebuilt {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} has no {from:?}");
        self.write(rel, &text.replacen(from, to, 1));
        self.rebuild(&[rel])
    }

    fn rebuild(&mut self, touched: &[&str]) -> Rebuilt {
        let paths = touched.iter().map(|t| self.path(t));
        let changes = Changes::classify(&self.root, paths);
        let rebuilt = self
            .preview
            .update(&changes)
            .unwrap_or_else(|d| panic!("rebuild after {touched:?}: {d:?}"));
        self.assert_same_as_full();
        rebuilt
    }

    /// Every output of the incremental preview equals a fresh full build's.
    fn assert_same_as_full(&self) {
        let mut fresh = Preview::new(self.root.clone(), options());
        fresh
            .update(&Changes {
                setup: true,
                ..Changes::default()
            })
            .unwrap_or_else(|d| panic!("full build: {d:?}"));
        let ours = self.preview.outputs();
        let full = fresh.outputs();
        let mut missing: Vec<&String> = full.keys().filter(|k| !ours.contains_key(*k)).collect();
        let mut extra: Vec<&String> = ours.keys().filter(|k| !full.contains_key(*k)).collect();
        missing.sort();
        extra.sort();
        assert!(missing.is_empty(), "not served after the edit: {missing:?}");
        assert!(extra.is_empty(), "still served after the edit: {extra:?}");
        for (path, content) in full {
            assert!(
                ours[path] == *content,
                "{path} differs from a full build after the edit"
            );
        }
    }

    fn served(&self, path: &str) -> String {
        match self.preview.outputs().get(path) {
            Some(shishin::model::Content::Text(t)) => t.clone(),
            other => panic!("{path}: {other:?}"),
        }
    }
}

fn options() -> Options {
    Options {
        base_url: Some("http://127.0.0.1:1111/".into()),
        ..Options::default()
    }
}

#[test]
fn a_body_edit_re_renders_the_page_in_both_languages_only() {
    let mut site = Shipped::new();
    let rebuilt = site.edit(
        "content/guideline/demand.md",
        "\n## ",
        "\n本文に一文を足しました。\n\n## ",
    );
    // The Japanese page and the English one (a translation now stale, so its notice changes).
    assert_eq!(rebuilt.rendered, 2, "{rebuilt:?}");
    assert!(!rebuilt.linked_whole);
    assert!(rebuilt
        .changed
        .contains(&"guideline/demand/index.html".to_string()));
    assert!(site
        .served("guideline/demand/index.html")
        .contains("本文に一文を足しました。"));

    // Text outside the obligation list of a plan: the comparisons stay as they are. The plan
    // supersedes its draft, so its changes page (in both languages) shows the text too.
    let rebuilt = site.edit(
        "content/prefectures/chiba/plan.md",
        "\n## ",
        "\n計画の本文に一文。\n\n## ",
    );
    assert_eq!(rebuilt.rendered, 4, "{rebuilt:?}");
    assert!(!rebuilt.changed.iter().any(|p| p.starts_with("compare/")));
}

#[test]
fn an_edit_of_either_version_updates_the_changes_page() {
    let mut site = Shipped::new();
    let changes = "prefectures/chiba/plan/changes/index.html";
    // The older version's body: the newer page's comparison shows it.
    let rebuilt = site.edit(
        "content/prefectures/chiba/plan-draft.md",
        "取り組むよう努めます。",
        "取り組むよう努めるものとします。",
    );
    assert!(
        rebuilt.changed.contains(&changes.to_string()),
        "{rebuilt:?}"
    );
    assert!(site.served(changes).contains("ものとし</del>ます。"));
    // The newer version's body.
    site.edit(
        "content/prefectures/chiba/plan.md",
        "①～④の機能の確保",
        "①から④までの機能の確保",
    );
    assert!(site.served(changes).contains("から④まで"));
    // A translation's body shows on the English changes page.
    site.edit(
        "content/prefectures/chiba/plan-draft.en.md",
        "in cooperation with the prefecture.",
        "in cooperation with the prefecture and others.",
    );
    assert!(site
        .served("en/prefectures/chiba/plan/changes/index.html")
        .contains("and others"));
    // A title shows on the older page's notice and in the comparison.
    site.edit(
        "content/prefectures/chiba/plan.md",
        "title: ",
        "title: 改定：",
    );
    assert!(site
        .served("prefectures/chiba/plan-draft/index.html")
        .contains("改定：千葉県保健医療計画"));
    // The link itself: taken away, the changes page goes and the draft is no longer superseded.
    site.edit(
        "content/prefectures/chiba/plan.md",
        "supersedes: \"@/prefectures/chiba/plan-draft.md\"\n",
        "",
    );
    assert!(!site.preview.outputs().contains_key(changes));
    assert!(!site
        .served("prefectures/chiba/plan-draft/index.html")
        .contains("notice-superseded"));
}

#[test]
fn title_link_and_translation_edits_update_every_page_that_shows_them() {
    let mut site = Shipped::new();
    // A title shows in its section's list, in breadcrumbs below it and in backlinks.
    let rebuilt = site.edit("content/guideline/_index.md", "title: ", "title: 改題した");
    assert!(rebuilt.rendered > 2, "{rebuilt:?}");
    // A new link gives its target a backlink.
    site.edit(
        "content/subsidies/wide-area.md",
        "\n## ",
        "\n[千葉県の予算](@/prefectures/chiba/budget.md)を参照。\n\n## ",
    );
    assert!(site
        .served("prefectures/chiba/budget/index.html")
        .contains("/subsidies/wide-area/"));
    // A translation that goes stale.
    site.edit(
        "content/prefectures/osaka/hub.md",
        "\n## ",
        "\n追記。\n\n## ",
    );
    // An English title.
    site.edit("content/prefectures/_index.en.md", "title: ", "title: All ");
}

#[test]
fn slugs_tags_and_drafts_reach_every_listing() {
    let mut site = Shipped::new();
    site.edit(
        "content/prefectures/niigata/hub.md",
        "title: ",
        "slug: hub-renamed\ntitle: ",
    );
    assert!(site
        .preview
        .outputs()
        .contains_key("prefectures/niigata/hub-renamed/index.html"));
    assert!(!site
        .preview
        .outputs()
        .contains_key("prefectures/niigata/hub/index.html"));
    site.edit(
        "content/prefectures/fukuoka/hub.md",
        "tags: [",
        "tags: [新しいタグ, ",
    );
    site.edit(
        "content/prefectures/fukuoka/hub.md",
        "title: ",
        "draft: true\ntitle: ",
    );
}

#[test]
fn obligation_and_fact_edits_update_the_comparisons() {
    let mut site = Shipped::new();
    let before = site.served("compare/hub/index.html");
    let rebuilt = site.edit(
        "content/prefectures/chiba/plan.md",
        "定期的で開催",
        "定期的に開催",
    );
    assert!(rebuilt
        .changed
        .contains(&"compare/hub/index.html".to_string()));
    assert_ne!(before, site.served("compare/hub/index.html"));
    site.edit(
        "content/prefectures/chiba/subsidy.md",
        "base_amount: { value: \"3,000千円\"",
        "base_amount: { value: \"3,500千円\"",
    );
    assert!(site
        .served("compare/subsidies/index.html")
        .contains("3,500千円"));
}

#[test]
fn new_deleted_and_moved_files_and_folders() {
    let mut site = Shipped::new();
    site.write(
        "content/topics/_index.md",
        "---\ntitle: 話題\n---\n新しい節。\n",
    );
    site.write(
        "content/topics/first.md",
        "---\ntitle: 最初の話題\ntags: [拠点]\n---\n[拠点](@/guideline/hub.md)について。\n",
    );
    site.rebuild(&["content/topics"]);
    assert!(site
        .served("topics/first/index.html")
        .contains("最初の話題"));
    // The new section is in the main navigation of every page.
    assert!(site.served("guideline/hub/index.html").contains("/topics/"));

    std::fs::rename(site.path("content/topics"), site.path("content/subjects")).unwrap();
    site.rebuild(&["content/topics", "content/subjects"]);
    assert!(site
        .preview
        .outputs()
        .contains_key("subjects/first/index.html"));

    std::fs::remove_file(site.path("content/subjects/first.md")).unwrap();
    site.rebuild(&["content/subjects/first.md"]);
    assert!(!site
        .preview
        .outputs()
        .contains_key("subjects/first/index.html"));
}

#[test]
fn a_broken_edit_changes_nothing_served_and_the_fix_recovers() {
    let mut site = Shipped::new();
    let good = site.served("prefectures/osaka/hub/index.html");
    let text = site.read("content/prefectures/osaka/hub.md");
    site.write(
        "content/prefectures/osaka/hub.md",
        &text.replacen("title:", "title: [", 1),
    );
    let changes = Changes::classify(&site.root, [site.path("content/prefectures/osaka/hub.md")]);
    let err = site.preview.update(&changes).unwrap_err();
    let message: String = err.0.iter().map(|d| d.plain()).collect();
    assert!(
        message.contains("content/prefectures/osaka/hub.md:2"),
        "{message}"
    );
    assert_eq!(site.served("prefectures/osaka/hub/index.html"), good);

    site.write(
        "content/prefectures/osaka/hub.md",
        &text.replacen("title: ", "title: 直した", 1),
    );
    site.rebuild(&["content/prefectures/osaka/hub.md"]);
    assert!(site
        .served("prefectures/osaka/hub/index.html")
        .contains("直した"));
}

#[test]
fn editor_files_are_not_content_and_theme_edits_rebuild_everything() {
    let root = Path::new("/site");
    let changes = Changes::classify(
        root,
        [
            PathBuf::from("/site/content/.a.md.swp"),
            PathBuf::from("/site/content/a.md~"),
            PathBuf::from("/site/content/4913"),
            PathBuf::from("/site/public/index.html"),
            PathBuf::from("/elsewhere/a.md"),
        ],
    );
    assert!(changes.is_empty(), "{changes:?}");

    let mut site = Shipped::new();
    let css = site.read("themes/default/static/style.css");
    site.write(
        "themes/default/static/style.css",
        &format!("{css}\n/* edited */\n"),
    );
    let rebuilt = site.rebuild(&["themes/default/static/style.css"]);
    assert!(rebuilt.full);
    site.edit("site.yaml", "title:", "# edited\ntitle:");
}

#[test]
fn a_stylesheet_edit_in_static_is_css_only() {
    let mut site = Shipped::new();
    site.write("static/extra.css", "body { margin: 0 }\n");
    site.rebuild(&["static/extra.css"]);
    site.write("static/extra.css", "body { margin: 1px }\n");
    let rebuilt = site.rebuild(&["static/extra.css"]);
    assert!(rebuilt.css_only(), "{rebuilt:?}");
    assert_eq!(rebuilt.rendered, 0);
}

#[test]
fn a_translation_removed_and_added_back_updates_the_tag_pages_switchers() {
    let mut site = Shipped::new();
    let rel = "content/guideline/demand.en.md";
    let translation = site.read(rel);
    std::fs::remove_file(site.path(rel)).unwrap();
    // The untranslated page is published in English with its Japanese tags: their Japanese tag
    // pages now switch to English tag pages, not to the tag index.
    site.rebuild(&[rel]);
    assert!(site.served("tags/推計/index.html").contains("/en/tags/"));
    site.write(rel, &translation);
    site.rebuild(&[rel]);
}

/// Changes a file by replacing text in it and rebuilds, expecting the edit to be patched into
/// the last site (no whole link stage); the output still equals a full build's.
fn patched(site: &mut Shipped, rel: &str, from: &str, to: &str) -> Rebuilt {
    let rebuilt = site.edit(rel, from, to);
    assert!(
        !rebuilt.linked_whole,
        "{rel}: {from:?} → {to:?} linked the whole site"
    );
    rebuilt
}

#[test]
fn titles_and_descriptions_are_patched_into_the_last_site() {
    let mut site = Shipped::new();
    let budget = "content/prefectures/chiba/budget.md";
    let rebuilt = patched(&mut site, budget, "title: ", "title: 改題した");
    // The page in both languages, its section's list, the pages it links to (their backlinks),
    // its tag pages, and, as the page names a prefecture, the comparisons job (whose profile of
    // Chiba lists the page) and the downloads; not the whole site.
    assert!(
        rebuilt.rendered > 2 && rebuilt.rendered < 120,
        "{rebuilt:?}"
    );
    assert!(rebuilt
        .changed
        .contains(&"compare/prefecture/chiba/index.html".to_string()));
    assert!(site
        .served("prefectures/chiba/index.html")
        .contains("改題した在宅医療関係の予算事業"));
    assert!(site.served("tags/予算/index.html").contains("改題した"));
    // The sitemap shows no title: it is not made again.
    assert!(!rebuilt.changed.contains(&"sitemap.xml".to_string()));
    // A title that moves the page within its section's order.
    patched(&mut site, budget, "title: 改題した", "title: あ");
    patched(
        &mut site,
        "content/prefectures/chiba/budget.en.md",
        "title: ",
        "title: Retitled ",
    );
    patched(
        &mut site,
        budget,
        "description: ",
        "description: 説明を変えました。",
    );
    // A section below the top level: the breadcrumbs of every page below it.
    patched(
        &mut site,
        "content/prefectures/chiba/_index.md",
        "title: ",
        "title: 改題：",
    );
    // A version of a page: the notice of the other and both changes pages.
    patched(
        &mut site,
        "content/prefectures/chiba/plan-draft.md",
        "title: ",
        "title: 旧版：",
    );
}

#[test]
fn links_added_and_removed_are_patched_into_the_last_site() {
    let mut site = Shipped::new();
    let from = "content/prefectures/osaka/budget.md";
    let link = "\n[千葉県の予算](@/prefectures/chiba/budget.md#bcp)を参照。\n";
    let text = site.read(from);
    let end = text.trim_end().to_string();
    patched(&mut site, from, &end, &format!("{end}\n{link}"));
    assert!(site
        .served("prefectures/chiba/budget/index.html")
        .contains("/prefectures/osaka/budget/"));
    // A second link to a page it did not link to; then both taken away.
    patched(
        &mut site,
        from,
        link,
        &format!("{link}\n[千葉県の計画](@/prefectures/chiba/survey-2023.md)\n"),
    );
    let now = site.read(from);
    patched(&mut site, from, &now, &text);
    assert!(!site
        .served("prefectures/chiba/budget/index.html")
        .contains("/prefectures/osaka/budget/"));
}

#[test]
fn anchors_added_and_renamed_are_patched_and_checked() {
    let mut site = Shipped::new();
    let budget = "content/prefectures/chiba/budget.md";
    patched(
        &mut site,
        budget,
        "\n## ① ",
        "\n## 追加した見出し {#added}\n\n本文。\n\n## ① ",
    );
    // A link to the new anchor, then the anchor renamed: the link would break, so the edit is
    // refused as a build refuses it, and nothing served changes.
    patched(
        &mut site,
        "content/prefectures/chiba/subsidy.md",
        "#regional-structure)",
        "#added)",
    );
    let before = site.served("prefectures/chiba/budget/index.html");
    let text = site.read(budget);
    site.write(budget, &text.replacen("{#added}", "{#renamed}", 1));
    let changes = Changes::classify(&site.root, [site.path(budget)]);
    let err = site.preview.update(&changes).unwrap_err();
    let message: String = err.0.iter().map(|d| d.plain()).collect();
    assert!(message.contains("#added"), "{message}");
    assert_eq!(site.served("prefectures/chiba/budget/index.html"), before);
    // Put back, then the link goes; the anchor no page links to is renamed.
    site.write(budget, &text);
    site.rebuild(&[budget]);
    site.edit(
        "content/prefectures/chiba/subsidy.md",
        "#added)",
        "#regional-structure)",
    );
    patched(&mut site, budget, "{#added}", "{#renamed}");
    patched(&mut site, budget, "{#startup-advisers}", "{#advisers}");
    assert!(site
        .served("prefectures/chiba/budget/index.html")
        .contains("id=\"advisers\""));
}

#[test]
fn tags_moved_between_existing_tags_are_patched_and_new_tags_are_not() {
    let mut site = Shipped::new();
    let budget = "content/prefectures/chiba/budget.md";
    patched(&mut site, budget, "tags: [予算, ", "tags: [予算, 拠点, ");
    assert!(site
        .served("tags/拠点/index.html")
        .contains("/prefectures/chiba/budget/"));
    patched(
        &mut site,
        budget,
        "tags: [予算, 拠点, 補助金, ",
        "tags: [予算, 拠点, ",
    );
    patched(
        &mut site,
        "content/prefectures/chiba/budget.en.md",
        "tags: [budget, ",
        "tags: [budget, hubs, ",
    );
    // A tag no page had before: its page is new, so the whole site is linked again.
    let rebuilt = site.edit(budget, "tags: [予算, ", "tags: [予算, 新しいタグ, ");
    assert!(rebuilt.linked_whole);
    assert!(site
        .preview
        .outputs()
        .contains_key("tags/新しいタグ/index.html"));
    // And the last page with it loses it.
    let rebuilt = site.edit(budget, "新しいタグ, ", "");
    assert!(rebuilt.linked_whole);
    assert!(!site
        .preview
        .outputs()
        .contains_key("tags/新しいタグ/index.html"));
}

#[test]
fn pages_added_and_removed_in_a_section_then_patched_edits() {
    let mut site = Shipped::new();
    let new = "content/prefectures/chiba/extra.md";
    site.write(
        new,
        "---\ntitle: 追加の頁\ntags: [予算]\n---\n[予算](@/prefectures/chiba/budget.md#bcp)\n\n## 見出し\n",
    );
    let rebuilt = site.rebuild(&[new]);
    assert!(rebuilt.linked_whole);
    // Edits of the new page are patched.
    patched(&mut site, new, "title: ", "title: 改題 ");
    patched(&mut site, new, "#bcp)", ")");
    patched(&mut site, new, "## 見出し", "## 別の見出し");
    std::fs::remove_file(site.path(new)).unwrap();
    let rebuilt = site.rebuild(&[new]);
    assert!(rebuilt.linked_whole);
    assert!(!site
        .preview
        .outputs()
        .contains_key("prefectures/chiba/extra/index.html"));
}

#[test]
fn an_id_lost_by_a_page_is_checked_against_the_pages_that_link_to_it_in_raw_html() {
    let mut site = Shipped::new();
    site.edit(
        "site.yaml",
        "# markdown: { raw_html: safe }",
        "markdown: { raw_html: trusted }",
    );
    let budget = "content/prefectures/chiba/budget.md";
    // A page that links to the Chiba budget in no other way.
    let source = "content/prefectures/osaka/budget.md";
    patched(
        &mut site,
        budget,
        "\n## ① ",
        "\n## 追加した見出し {#added}\n\n本文。\n\n## ① ",
    );
    // A link the link stage does not see: raw HTML, checked only in the output.
    let text = site.read(source);
    let end = text.trim_end().to_string();
    let link = "\n\n<a href=\"../../chiba/budget/#added\">千葉県の追加した見出し</a>\n";
    patched(&mut site, source, &end, &format!("{end}{link}"));
    // The anchor renamed: the Osaka page, not made again, is checked again and its link is
    // broken, so the edit is refused and nothing served changes.
    let before = site.served("prefectures/chiba/budget/index.html");
    let budget_text = site.read(budget);
    site.write(budget, &budget_text.replacen("{#added}", "{#renamed}", 1));
    let changes = Changes::classify(&site.root, [site.path(budget)]);
    let err = site.preview.update(&changes).unwrap_err();
    let message: String = err.0.iter().map(|d| d.plain()).collect();
    assert!(message.contains("#added"), "{message}");
    assert!(message.contains("osaka"), "{message}");
    assert_eq!(site.served("prefectures/chiba/budget/index.html"), before);
    // Put back; an id no page links to goes, and the edit passes.
    site.write(budget, &budget_text);
    site.rebuild(&[budget]);
    patched(&mut site, budget, "{#startup-advisers}", "{#advisers}");
}
