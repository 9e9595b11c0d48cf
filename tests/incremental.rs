//! `build` with its render cache (SPEC §1): after every kind of edit, a rebuild that reuses what
//! the last build kept writes exactly the files, byte for byte, that `build --clean` writes into
//! a fresh folder; it renders only what the edit touched; and a cache that cannot be trusted
//! (damaged, random bytes, another site's) is ignored with a note.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "../examples/gen-corpus.rs"]
#[allow(dead_code)]
mod gen_corpus;

/// A site in a temporary folder, built into `public/` beside it (outside the site folder).
struct Site {
    dir: tempfile::TempDir,
    root: PathBuf,
    /// Fresh builds made so far, each into its own folder.
    fresh: usize,
}

/// What one build said.
struct Built {
    stdout: String,
    /// Render jobs kept from the cache and rendered (from `SHISHIN_TIMINGS`).
    kept: usize,
    rendered: usize,
}

impl Site {
    fn shipped() -> Site {
        let site = Site::empty();
        for folder in ["content", "themes"] {
            common::copy_dir(&common::repo().join(folder), &site.path(folder));
        }
        std::fs::copy(common::repo().join("site.yaml"), site.path("site.yaml")).unwrap();
        site
    }

    fn empty() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap().join("site");
        std::fs::create_dir_all(&root).unwrap();
        Site {
            dir,
            root,
            fresh: 0,
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    fn cache(&self) -> PathBuf {
        self.dir.path().join(".public.cache")
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.path(rel)).unwrap();
        assert!(text.contains(from), "{rel} has no {from:?}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    fn build_into(&self, out: &Path, extra: &[&str]) -> Built {
        let run = Command::new(env!("CARGO_BIN_EXE_shishin"))
            .arg("build")
            .arg("--out")
            .arg(out)
            .args(extra)
            .arg("--root")
            .arg(&self.root)
            .env("SHISHIN_TIMINGS", "1")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(run.status.success(), "build failed:\n{stdout}\n{stderr}");
        let count = |name: &str| {
            stderr
                .lines()
                .find_map(|l| l.strip_prefix("timing:")?.trim().strip_prefix(name))
                .and_then(|n| n.trim().parse().ok())
                .unwrap_or_else(|| panic!("no `{name}` in:\n{stderr}"))
        };
        Built {
            kept: count("jobs kept"),
            rendered: count("jobs rendered"),
            stdout,
        }
    }

    /// Builds into `public/` with the cache, then `--clean` into a fresh folder, and insists the
    /// two outputs are the same, byte for byte.
    fn build_and_compare(&mut self) -> Built {
        let built = self.build_into(&self.out(), &[]);
        self.fresh += 1;
        let fresh = self.dir.path().join(format!("fresh-{}", self.fresh));
        let clean = self.build_into(&fresh, &["--clean"]);
        assert_eq!(clean.kept, 0, "--clean keeps nothing");
        assert_same(&self.out(), &fresh);
        built
    }
}

/// Every file below `dir`, by path, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// `diff -r`: the same paths with the same bytes.
fn assert_same(ours: &Path, fresh: &Path) {
    let (a, b) = (files(ours), files(fresh));
    let missing: Vec<&String> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    let extra: Vec<&String> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    assert!(missing.is_empty(), "missing after the rebuild: {missing:?}");
    assert!(extra.is_empty(), "left over after the rebuild: {extra:?}");
    let differ: Vec<&String> = b.keys().filter(|k| a[*k] != b[*k]).collect();
    assert!(differ.is_empty(), "differ from a clean build: {differ:?}");
}

#[test]
fn a_rebuild_without_changes_renders_nothing_and_equals_a_clean_build() {
    let mut site = Site::shipped();
    let first = site.build_and_compare();
    assert_eq!(first.kept, 0);
    assert!(first.rendered > 100, "{}", first.rendered);
    assert!(site.cache().join("jobs").is_file());
    let again = site.build_and_compare();
    assert_eq!(again.rendered, 0, "nothing changed");
    assert_eq!(again.kept, first.rendered);
    assert!(!again.stdout.contains("note:"), "{}", again.stdout);
    // One cache folder, with the jobs, one search file and the parse cache: nothing piles up.
    let names = std::fs::read_dir(site.cache()).unwrap().count();
    assert_eq!(names, 3);
}

#[test]
fn page_edits_render_only_what_they_touch_and_equal_a_clean_build() {
    let mut site = Site::shipped();
    let all = site.build_and_compare().rendered;
    // Text: the page in both languages (the translation's stale notice).
    site.edit(
        "content/guideline/demand.md",
        "\n## ",
        "\n本文に一文を足しました。\n\n## ",
    );
    let text = site.build_and_compare();
    assert!(text.rendered <= 4, "{} of {all}", text.rendered);
    assert!(text.kept > 0);
    // A title: its section's list, breadcrumbs, backlinks.
    site.edit("content/guideline/_index.md", "title: ", "title: 改題した");
    let title = site.build_and_compare();
    assert!(title.rendered < all, "{} of {all}", title.rendered);
    // A link: its target gains a backlink.
    site.edit(
        "content/subsidies/wide-area.md",
        "\n## ",
        "\n[千葉県の予算](@/prefectures/chiba/budget.md)を参照。\n\n## ",
    );
    site.build_and_compare();
    // A new anchor with a link to it, then the anchor renamed (a page loses an id, so every kept
    // page's links are checked again).
    site.edit(
        "content/guideline/demand.md",
        "\n## ",
        "\n## 新しい見出し {#new-anchor}\n\n見出しの本文。\n\n## ",
    );
    site.edit(
        "content/guideline/area.md",
        "\n## ",
        "\n[新しい見出し](@/guideline/demand.md#new-anchor)を参照。\n\n## ",
    );
    site.build_and_compare();
    site.edit(
        "content/guideline/demand.md",
        "#new-anchor",
        "#renamed-anchor",
    );
    site.edit(
        "content/guideline/area.md",
        "#new-anchor",
        "#renamed-anchor",
    );
    site.build_and_compare();
    // Obligations and facts: the comparisons.
    site.edit(
        "content/prefectures/chiba/plan.md",
        "定期的で開催",
        "定期的に開催",
    );
    site.edit(
        "content/prefectures/chiba/subsidy.md",
        "base_amount: { value: \"3,000千円\"",
        "base_amount: { value: \"3,500千円\"",
    );
    site.build_and_compare();
    // A slug and a tag.
    site.edit(
        "content/prefectures/niigata/hub.md",
        "title: ",
        "slug: hub-renamed\ntitle: ",
    );
    site.edit(
        "content/prefectures/fukuoka/hub.md",
        "tags: [",
        "tags: [新しいタグ, ",
    );
    site.build_and_compare();
}

/// The 404, search, glossary, comparison and data pages show the home page's title in their
/// breadcrumb, though they are below no page: a new title reaches them too.
#[test]
fn the_home_page_title_reaches_every_generated_page() {
    let mut site = Site::shipped();
    site.build_and_compare();
    site.edit("content/_index.md", "title: ", "title: 改題した");
    site.edit("content/_index.en.md", "title: ", "title: Renamed ");
    let built = site.build_and_compare();
    assert!(built.rendered > 0);
    for file in [
        "404.html",
        "en/search/index.html",
        "glossary/index.html",
        "data/index.html",
    ] {
        let html = std::fs::read_to_string(site.out().join(file)).unwrap();
        assert!(
            html.contains("改題した") || html.contains("Renamed "),
            "{file} shows the new title"
        );
    }
}

#[test]
fn added_deleted_renamed_and_draft_pages_and_translations_equal_a_clean_build() {
    let mut site = Site::shipped();
    site.build_and_compare();
    site.write(
        "content/topics/_index.md",
        "---\ntitle: 話題\n---\n新しい節。\n",
    );
    site.write(
        "content/topics/first.md",
        "---\ntitle: 最初の話題\ntags: [拠点]\n---\n[拠点](@/guideline/hub.md)について。\n",
    );
    site.write(
        "content/topics/second.md",
        "---\ntitle: 二つ目の話題\n---\n二つ目。\n",
    );
    site.build_and_compare();
    // Renamed.
    std::fs::rename(
        site.path("content/topics/first.md"),
        site.path("content/topics/renamed.md"),
    )
    .unwrap();
    site.build_and_compare();
    // Deleted.
    std::fs::remove_file(site.path("content/topics/renamed.md")).unwrap();
    site.build_and_compare();
    // A draft leaves the site, and comes back.
    site.edit(
        "content/topics/second.md",
        "title: ",
        "draft: true\ntitle: ",
    );
    site.build_and_compare();
    site.edit(
        "content/topics/second.md",
        "draft: true\ntitle: ",
        "title: ",
    );
    site.build_and_compare();
    // A translation removed, then added back.
    let en = site.path("content/guideline/demand.en.md");
    let translation = std::fs::read_to_string(&en).unwrap();
    std::fs::remove_file(&en).unwrap();
    site.build_and_compare();
    site.write("content/guideline/demand.en.md", &translation);
    site.build_and_compare();
}

#[test]
fn setup_edits_render_everything_again_and_equal_a_clean_build() {
    let mut site = Site::shipped();
    let all = site.build_and_compare().rendered;
    // A theme template.
    let template = site.path("themes/default/templates/page.html");
    let text = std::fs::read_to_string(&template).unwrap();
    std::fs::write(&template, format!("{text}\n{{# edited #}}\n")).unwrap();
    assert_eq!(site.build_and_compare().rendered, all);
    site.edit(
        "themes/default/templates/partials/page-footer.html",
        "<",
        "<!-- edited -->\n<",
    );
    assert_eq!(site.build_and_compare().rendered, all);
    // site.yaml.
    site.edit("site.yaml", "title:", "# edited\ntitle:");
    assert_eq!(site.build_and_compare().rendered, all);
    // The glossary.
    site.edit(
        "content/glossary.yaml",
        "地域の関係者による協議の場の開催",
        "地域の関係者による協議の場を開くこと",
    );
    assert_eq!(site.build_and_compare().rendered, all);
    // A static file added, then changed.
    site.write("static/files/notice.txt", "お知らせ\n");
    site.build_and_compare();
    site.write("static/files/notice.txt", "お知らせ（改訂）\n");
    let changed = site.build_and_compare();
    assert_eq!(
        changed.rendered, 0,
        "a static file's bytes are no render input"
    );
}

#[test]
fn an_output_file_changed_by_hand_is_made_again() {
    let mut site = Site::shipped();
    site.build_and_compare();
    let page = site.out().join("guideline/demand/index.html");
    std::fs::write(&page, "edited by hand").unwrap();
    let built = site.build_and_compare();
    assert_eq!(built.rendered, 1, "only the page changed by hand");
    std::fs::remove_file(site.out().join("en/guideline/demand/index.html")).unwrap();
    let built = site.build_and_compare();
    assert_eq!(built.rendered, 1, "only the page removed by hand");
}

#[test]
fn a_damaged_or_foreign_cache_is_ignored_with_a_note() {
    let mut site = Site::shipped();
    site.build_and_compare();
    let jobs = site.cache().join("jobs");
    let bytes = std::fs::read(&jobs).unwrap();
    let note = "note: the render cache";
    let damaged: [(&str, Vec<u8>); 3] = [
        ("truncated", bytes[..bytes.len() / 2].to_vec()),
        (
            "random bytes",
            (0..bytes.len()).map(|i| (i * 7919 % 251) as u8).collect(),
        ),
        ("one byte changed", {
            let mut b = bytes.clone();
            b[bytes.len() / 3] ^= 0x20;
            b
        }),
    ];
    for (what, damaged) in damaged {
        std::fs::write(&jobs, damaged).unwrap();
        let built = site.build_and_compare();
        assert!(built.stdout.contains(note), "{what}: {}", built.stdout);
        assert!(built.stdout.contains("damaged"), "{what}: {}", built.stdout);
        assert_eq!(built.kept, 0, "{what}");
        // The next build trusts the cache made anew.
        let next = site.build_and_compare();
        assert!(!next.stdout.contains(note), "{what}: {}", next.stdout);
        assert_eq!(next.rendered, 0, "{what}");
    }
    // The cache of another site folder (with the same pages), put in its place.
    let mut other = Site::shipped();
    other.build_and_compare();
    std::fs::copy(other.cache().join("jobs"), &jobs).unwrap();
    let built = site.build_and_compare();
    assert!(built.stdout.contains("another site"), "{}", built.stdout);
    assert_eq!(built.kept, 0);
    // --clean ignores the cache and replaces it.
    let clean = site.build_into(&site.out(), &["--clean"]);
    assert_eq!(clean.kept, 0);
    assert!(!clean.stdout.contains(note), "{}", clean.stdout);
    assert_eq!(site.build_and_compare().rendered, 0);
}

#[test]
fn a_generated_site_rebuilt_after_an_edit_equals_a_clean_build() {
    let mut site = Site::empty();
    gen_corpus::generate(120, &site.root, 5).unwrap();
    let all = site.build_and_compare().rendered;
    assert_eq!(site.build_and_compare().rendered, 0);
    // The first ordinary page of a prefecture, its body made longer (an edit of the guideline
    // would change every comparison and profile).
    let page = walkdir::WalkDir::new(site.path("content/prefectures"))
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(".md") && !name.starts_with('_') && !name.ends_with(".en.md")
        })
        .unwrap();
    let rel = page.strip_prefix(&site.root).unwrap().display().to_string();
    let text = std::fs::read_to_string(&page).unwrap();
    site.write(&rel, &format!("{text}\n追記した段落。\n"));
    let edited = site.build_and_compare();
    assert!(edited.rendered * 10 < all, "{} of {all}", edited.rendered);
}

#[test]
fn a_search_file_changed_under_the_cache_fails_the_build_and_the_next_one_is_whole() {
    let mut site = Site::shipped();
    site.build_and_compare();
    let before = files(&site.out());
    // Every byte of the kept search entries changed, their lengths kept.
    let search = std::fs::read_dir(site.cache())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("search-")
        })
        .unwrap();
    let bytes = std::fs::read(&search).unwrap();
    std::fs::write(&search, bytes.iter().map(|b| b ^ 1).collect::<Vec<u8>>()).unwrap();
    // An edit, so the index is written again from the kept entries.
    site.edit("content/guideline/demand.md", "# ", "# 改 ");
    let run = Command::new(env!("CARGO_BIN_EXE_shishin"))
        .args(["build", "--messages", "en", "--out"])
        .arg(site.out())
        .arg("--root")
        .arg(&site.root)
        .output()
        .unwrap();
    let said =
        String::from_utf8_lossy(&run.stdout).into_owned() + &String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "{said}");
    assert!(said.contains("the render cache changed"), "{said}");
    assert!(said.contains("build again"), "{said}");
    assert!(!site.cache().join("jobs").exists(), "the cache is removed");
    assert!(before == files(&site.out()), "the output is as it was");
    let again = site.build_and_compare();
    assert_eq!(again.kept, 0, "nothing is trusted from the changed cache");
    assert_eq!(site.build_and_compare().rendered, 0);
}

#[test]
fn a_rebuild_reads_again_only_the_pages_that_changed() {
    let site = Site::shipped();
    let count = |built: &str, name: &str| -> usize {
        built
            .lines()
            .find_map(|l| l.strip_prefix("timing:")?.trim().strip_prefix(name))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("no `{name}` in:\n{built}"))
    };
    let build = |extra: &[&str]| {
        let run = Command::new(env!("CARGO_BIN_EXE_shishin"))
            .args(["build", "--out"])
            .arg(site.out())
            .args(extra)
            .arg("--root")
            .arg(&site.root)
            .env("SHISHIN_TIMINGS", "1")
            .output()
            .unwrap();
        assert!(run.status.success());
        String::from_utf8_lossy(&run.stderr).into_owned()
    };
    let first = build(&[]);
    let pages = count(&first, "documents parsed");
    assert!(pages > 40, "{pages}");
    assert_eq!(count(&first, "from the cache"), 0);
    let again = build(&[]);
    assert_eq!(count(&again, "documents parsed"), 0);
    assert_eq!(count(&again, "from the cache"), pages);
    site.edit(
        "content/guideline/demand.md",
        "\n## ",
        "\n一文を足しました。\n\n## ",
    );
    let edited = build(&[]);
    assert_eq!(count(&edited, "documents parsed"), 1);
    // --clean reads everything again; a damaged cache file is read around, never trusted.
    assert_eq!(count(&build(&["--clean"]), "documents parsed"), pages);
    let documents = site.cache().join("documents");
    let mut bytes = std::fs::read(&documents).unwrap();
    let n = bytes.len();
    for b in &mut bytes[n - 2000..] {
        *b ^= 0x55;
    }
    std::fs::write(&documents, &bytes).unwrap();
    let damaged = build(&[]);
    assert!(count(&damaged, "documents parsed") > 0);
    assert_eq!(
        count(&damaged, "documents parsed") + count(&damaged, "from the cache"),
        pages
    );
    // What the damaged cache built equals a clean build.
    let fresh = site.dir.path().join("fresh-damaged");
    let clean = Command::new(env!("CARGO_BIN_EXE_shishin"))
        .args(["build", "--clean", "--out"])
        .arg(&fresh)
        .arg("--root")
        .arg(&site.root)
        .output()
        .unwrap();
    assert!(clean.status.success());
    assert_same(&site.out(), &fresh);
}
