//! Names that become paths (SPEC §12): tags, slugs and file names never write outside their
//! place, two sources never share an output file, links out of the site folder never publish a
//! file from elsewhere, names are compared in NFC and Windows-reserved names warn.

mod common;

use common::{Run, TestSite};

/// Publishes a good site, breaks it with `damage`, builds again, and checks that the build failed
/// cleanly at `location` and left `public/` byte for byte as it was.
fn fails_at(location: &str, damage: impl FnOnce(&TestSite)) -> (TestSite, Run) {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: A\n---\n本文\n");
    site.build_ok();
    let before = site.snapshot();
    assert!(before.contains_key("index.html") && before.contains_key("en/index.html"));
    damage(&site);
    let run = site.build();
    run.assert_clean_failure(location);
    assert_eq!(
        before,
        site.snapshot(),
        "a failed build leaves public/ untouched\n{}",
        run.stderr
    );
    (site, run)
}

fn tagged(tag_yaml: &str) -> String {
    format!("---\ntitle: B\ntags: [{tag_yaml}]\n---\n本文\n")
}

// --- Tags and slugs -----------------------------------------------------------------------------

#[test]
fn a_tag_dot_dot_is_an_error_at_its_line_and_keeps_the_home_page() {
    let (_, run) = fails_at("content/b.md:3:1", |s| {
        s.write("content/b.md", &tagged("\"..\""))
    });
    assert!(run.stderr.contains("the tag \"..\""), "{}", run.stderr);
}

#[test]
fn an_empty_tag_is_an_error() {
    let (_, run) = fails_at("content/b.md:3:1", |s| {
        s.write("content/b.md", &tagged("\"\""))
    });
    assert!(run.stderr.contains("is empty"), "{}", run.stderr);
}

#[test]
fn a_tag_dot_is_an_error() {
    fails_at("content/b.md:3:1", |s| {
        s.write("content/b.md", &tagged("\".\""))
    });
}

#[test]
fn a_tag_of_spaces_is_an_error() {
    let (_, run) = fails_at("content/b.md:3:1", |s| {
        s.write("content/b.md", &tagged("\" \""))
    });
    assert!(run.stderr.contains("only spaces"), "{}", run.stderr);
}

#[test]
fn a_tag_with_a_slash_is_an_error() {
    let (_, run) = fails_at("content/b.md:3:1", |s| {
        s.write("content/b.md", &tagged("\"a/b\""))
    });
    assert!(run.stderr.contains("`/`"), "{}", run.stderr);
}

#[test]
fn a_tag_in_a_block_list_is_named_at_its_own_line() {
    fails_at("content/b.md:5:1", |s| {
        s.write(
            "content/b.md",
            "---\ntitle: B\ntags:\n  - 在宅医療\n  - \"..\"\n---\n本文\n",
        )
    });
}

#[test]
fn a_slug_dot_dot_is_an_error_at_its_line() {
    fails_at("content/b.md:3:1", |s| {
        s.write("content/b.md", "---\ntitle: B\nslug: \"..\"\n---\n本文\n")
    });
}

#[test]
fn safe_japanese_tags_still_build() {
    let site = TestSite::new();
    site.write("content/a.md", &tagged("在宅医療, Home care"));
    site.build_ok();
    assert!(site.read("tags/在宅医療/index.html").contains("B"));
    assert!(site.read("tags/home-care/index.html").contains("B"));
}

// --- Two sources at one path --------------------------------------------------------------------

#[test]
fn two_tags_for_one_folder_fail_naming_both_pages() {
    let (_, run) = fails_at("content/c.md:3:", |s| {
        s.write("content/b.md", &tagged("Plan"));
        s.write("content/c.md", "---\ntitle: C\ntags: [plan]\n---\n本文\n");
    });
    assert!(
        run.stderr
            .contains("“Plan” (content/b.md) and “plan” (content/c.md)"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_content_file_where_a_page_goes_fails_naming_both() {
    let (_, run) = fails_at("content/a/index.html", |s| {
        s.write("content/a/index.html", "<p>手書き</p>");
    });
    assert!(
        run.stderr.contains(
            "content/a.md and content/a/index.html would both be written to /a/index.html"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_static_file_over_the_home_page_fails_naming_both() {
    let (_, run) = fails_at("static/index.html", |s| {
        s.write("static/index.html", "<p>old site</p>");
    });
    assert!(
        run.stderr
            .contains("content/_index.md and static/index.html"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_page_where_the_glossary_goes_fails_naming_both() {
    let (_, run) = fails_at("content/glossary.md", |s| {
        s.write(
            "content/glossary.yaml",
            "- ja: 在宅医療\n  en: home care\n  definition: { ja: 家で受ける医療, en: care at home }\n",
        );
        s.write("content/glossary.md", "---\ntitle: 用語\n---\n本文\n");
    });
    assert!(
        run.stderr.contains("the glossary page shishin makes"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_sites_static_files_still_replace_the_themes() {
    let site = TestSite::new();
    site.write("static/style.css", "body { color: red }");
    site.write("static/robots.txt", "User-agent: *\n");
    site.build_ok();
    assert_eq!(site.read("style.css"), "body { color: red }");
    assert_eq!(site.read("robots.txt"), "User-agent: *\n");
}

// --- Symbolic links -----------------------------------------------------------------------------

const SECRET: &str = "sentinel-3f9a: not for publishing";

/// A file beside the site folder, outside it.
fn outside_file(site: &TestSite) -> std::path::PathBuf {
    let outside = site.dir.path().parent().unwrap().join(format!(
        "outside-{}.txt",
        site.dir.path().file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&outside, SECRET).unwrap();
    outside
}

fn published_anywhere(site: &TestSite, needle: &str) -> Vec<String> {
    site.snapshot()
        .into_iter()
        .filter(|(_, bytes)| String::from_utf8_lossy(bytes).contains(needle))
        .map(|(path, _)| path)
        .collect()
}

#[test]
fn a_content_link_to_a_file_outside_the_site_fails_and_publishes_nothing() {
    let mut outside = None;
    let (site, run) = fails_at("content/passwd.txt", |s| {
        let target = outside_file(s);
        std::os::unix::fs::symlink(&target, s.path("content/passwd.txt")).unwrap();
        outside = Some(target);
    });
    let outside = outside.unwrap();
    assert!(
        run.stderr.contains("outside the site folder"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&outside.display().to_string()),
        "names where it points: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("copy the file into the site folder"),
        "{}",
        run.stderr
    );
    assert!(!site.exists("passwd.txt"));
    assert!(published_anywhere(&site, "sentinel-3f9a").is_empty());
    std::fs::remove_file(outside).unwrap();
}

#[test]
fn a_content_folder_linked_from_outside_fails() {
    let site = TestSite::new();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        format!("---\ntitle: S\n---\n{SECRET}\n"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), site.path("content/linked")).unwrap();
    let run = site.build();
    run.assert_clean_failure("content/linked");
    assert!(!site.path("public").exists() || published_anywhere(&site, "sentinel-3f9a").is_empty());
}

#[test]
fn a_static_link_to_a_file_outside_the_site_fails() {
    let site = TestSite::new();
    let target = outside_file(&site);
    std::fs::create_dir_all(site.path("static")).unwrap();
    std::os::unix::fs::symlink(&target, site.path("static/leak.txt")).unwrap();
    let run = site.build();
    run.assert_clean_failure("static/leak.txt");
    assert!(!site.exists("leak.txt"));
    std::fs::remove_file(target).unwrap();
}

#[test]
fn a_theme_link_to_a_file_outside_the_site_fails() {
    let site = TestSite::new();
    let target = outside_file(&site);
    std::os::unix::fs::symlink(&target, site.path("themes/default/static/leak.txt")).unwrap();
    let run = site.build();
    run.assert_clean_failure("themes/default/static/leak.txt");
    assert!(!site.exists("leak.txt"));
    std::fs::remove_file(target).unwrap();
}

#[test]
fn a_link_inside_the_site_folder_keeps_working() {
    let site = TestSite::new();
    site.write("shared/map.txt", "地図");
    site.write("content/b.md", "---\ntitle: B\n---\n共有\n");
    std::os::unix::fs::symlink("../shared/map.txt", site.path("content/map.txt")).unwrap();
    std::os::unix::fs::symlink("b.md", site.path("content/c.md")).unwrap();
    site.build_ok();
    assert_eq!(site.read("map.txt"), "地図");
    assert!(site.read("c/index.html").contains("共有"));
}

// --- File names ---------------------------------------------------------------------------------

#[test]
fn an_nfd_file_name_is_found_by_an_nfc_link() {
    let site = TestSite::new();
    let nfd = "\u{304B}\u{3099}"; // が as macOS saves it
    let nfc = "\u{304C}";
    site.write(&format!("content/{nfd}.md"), "---\ntitle: ガ\n---\n本文\n");
    site.write(
        "content/a.md",
        &format!("---\ntitle: A\n---\n[リンク](@/{nfc}.md)\n"),
    );
    site.build_ok();
    assert!(site.exists(&format!("{nfc}/index.html")), "output in NFC");
    assert!(!site.exists(&format!("{nfd}/index.html")));
    // `が` in NFC, percent-encoded: one character of three bytes.
    let html = site.read("a/index.html");
    assert!(html.contains("href=\"/zaitaku/%E3%81%8C/\""), "{html}");
}

#[test]
fn a_windows_device_name_warns_with_the_file_and_a_new_name() {
    let site = TestSite::new();
    site.write("content/CON.md", "---\ntitle: C\n---\n本文\n");
    let run = site.build_ok();
    assert!(
        run.stderr.contains(
            "warning: content/CON.md: Windows servers cannot hold the file name `CON.md`: it is the name of a device (`CON`) on Windows"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("for example to `CON-page.md`"),
        "{}",
        run.stderr
    );
    assert!(site.read("CON/index.html").contains("本文"));
}

#[test]
fn lower_case_device_names_and_forbidden_characters_warn() {
    let site = TestSite::new();
    site.write("content/aux.md", "---\ntitle: X\n---\n本文\n");
    site.write("content/nul/_index.md", "---\ntitle: N\n---\n本文\n");
    site.write("content/q?.pdf", "%PDF");
    let run = site.build_ok();
    for name in ["`aux.md`", "folder name `nul`", "`q?.pdf`"] {
        assert!(run.stderr.contains(name), "{name}: {}", run.stderr);
    }
}
