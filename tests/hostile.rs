//! Hostile input: every kind of broken file gets a clear error (exit 1, the file named,
//! `path:line:col` where there is one, a hint) and never a panic; the previous `public/` survives
//! byte for byte. Inputs that are hostile but valid (huge, deep, odd names) build.

mod common;

use common::{Run, TestSite};

/// Publishes a good site, breaks it with `damage`, builds again and checks that the failed build
/// left `public/` exactly as it was.
fn broken(damage: impl FnOnce(&TestSite)) -> (TestSite, Run) {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: A\n---\n本文\n");
    site.build_ok();
    let before = site.snapshot();
    assert!(before.contains_key("a/index.html"));
    damage(&site);
    let run = site.build();
    let after = site.snapshot();
    let changed: Vec<&String> = before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert!(
        changed.is_empty(),
        "a failed build must leave public/ untouched; changed: {changed:?}\n{}",
        run.stderr
    );
    (site, run)
}

/// A page that must build; returns its HTML.
fn builds(name: &str, text: &str) -> (TestSite, String) {
    let site = TestSite::new();
    site.write(&format!("content/{name}"), text);
    let run = site.build_ok();
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let html = site.read(&format!("{}/index.html", name.trim_end_matches(".md")));
    (site, html)
}

// --- Front matter -------------------------------------------------------------------------------

#[test]
fn malformed_yaml() {
    let (_, run) = broken(|s| s.write("content/a.md", "---\ntitle: A\ntags: [a, b\n---\n"));
    run.assert_clean_failure("content/a.md:4:1");
}

#[test]
fn front_matter_without_closing_fence() {
    let (_, run) = broken(|s| s.write("content/a.md", "---\ntitle: A\n\n本文\n"));
    run.assert_clean_failure("content/a.md:1:1");
    assert!(run.stderr.contains("not closed"), "{}", run.stderr);
}

#[test]
fn unknown_key() {
    let (_, run) = broken(|s| s.write("content/a.md", "---\ntitle: A\ntitel: B\n---\n"));
    run.assert_clean_failure("content/a.md:3:1");
    assert!(run.stderr.contains("unknown key `titel`"), "{}", run.stderr);
}

#[test]
fn wrong_type() {
    let (_, run) = broken(|s| s.write("content/a.md", "---\ntitle: A\nweight: heavy\n---\n"));
    run.assert_clean_failure("content/a.md:3:");
    assert!(run.stderr.contains("weight"), "{}", run.stderr);
}

#[test]
fn title_that_is_a_mapping() {
    let (_, run) = broken(|s| s.write("content/a.md", "---\ntitle: {ja: A}\n---\n"));
    run.assert_clean_failure("content/a.md:2:");
}

#[test]
fn impossible_era_date() {
    let (_, run) = broken(|s| {
        s.write(
            "content/a.md",
            "---\ntitle: A\ndate: 令和5年13月40日\n---\n",
        )
    });
    run.assert_clean_failure("content/a.md:3:");
    assert!(run.stderr.contains("令和5年13月40日"), "{}", run.stderr);
}

#[test]
fn impossible_iso_date() {
    let (_, run) = broken(|s| s.write("content/a.md", "---\ntitle: A\ndate: 2023-02-30\n---\n"));
    run.assert_clean_failure("content/a.md:3:");
}

#[test]
fn missing_title() {
    let (_, run) = broken(|s| s.write("content/a.md", "---\ndescription: 説明\n---\n"));
    run.assert_clean_failure("content/a.md:");
    assert!(run.stderr.contains("title"), "{}", run.stderr);
}

#[test]
fn empty_title() {
    let (_, run) = broken(|s| s.write("content/a.md", "---\ntitle: \"  \"\n---\n"));
    run.assert_clean_failure("content/a.md:2:1");
}

#[test]
fn front_matter_that_is_a_list() {
    let (_, run) = broken(|s| s.write("content/a.md", "---\n- title\n- A\n---\n"));
    run.assert_clean_failure("content/a.md:");
}

#[test]
fn front_matter_that_is_a_scalar() {
    let (_, run) = broken(|s| s.write("content/a.md", "---\njust a title\n---\n"));
    run.assert_clean_failure("content/a.md:");
}

#[test]
fn empty_front_matter() {
    let (_, run) = broken(|s| s.write("content/a.md", "---\n---\n本文\n"));
    run.assert_clean_failure("content/a.md:");
    assert!(run.stderr.contains("title"), "{}", run.stderr);
}

#[test]
fn tabs_in_yaml() {
    let (_, run) = broken(|s| s.write("content/a.md", "---\ntitle: A\nsource:\n\ttitle: B\n---\n"));
    run.assert_clean_failure("content/a.md:4:");
}

#[test]
fn duplicate_keys() {
    let (_, run) = broken(|s| s.write("content/a.md", "---\ntitle: A\ntitle: B\n---\n"));
    run.assert_clean_failure("content/a.md:3:");
    assert!(run.stderr.contains("title"), "{}", run.stderr);
}

#[test]
fn yaml_nested_thousands_deep_is_refused_not_overflowed() {
    // serde_yaml stops at 128 levels; templates never need such data, so a clear error is right.
    let deep = format!("{}1{}", "[".repeat(5000), "]".repeat(5000));
    let (_, run) = broken(|s| {
        s.write(
            "content/a.md",
            &format!("---\ntitle: A\nextra:\n  deep: {deep}\n---\n"),
        )
    });
    run.assert_clean_failure("content/a.md:4:");
}

#[test]
fn yaml_alias_bomb_is_refused() {
    let mut yaml =
        String::from("---\ntitle: A\nextra:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        yaml.push_str(&format!(
            "  a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    yaml.push_str("---\n");
    let (_, run) = broken(|s| s.write("content/a.md", &yaml));
    run.assert_clean_failure("content/a.md:");
}

#[test]
fn nul_bytes_in_front_matter() {
    let (_, run) = broken(|s| s.write_bytes("content/a.md", b"---\ntitle: A\0B\n---\n"));
    run.assert_clean_failure("content/a.md:2:");
}

// --- Files and encodings ------------------------------------------------------------------------

#[test]
fn neither_utf8_nor_shift_jis() {
    let (_, run) = broken(|s| {
        s.write_bytes(
            "content/a.md",
            b"---\ntitle: A\n---\n\xFF\xFE\xFD\x80\x80\n",
        )
    });
    run.assert_clean_failure("content/a.md:4");
}

#[test]
fn lone_surrogate_bytes() {
    // CESU-8 style surrogate halves are not UTF-8.
    // Surrogate halves (as CESU-8 writes them) are not UTF-8. These bytes happen to be valid
    // Shift_JIS, but after Japanese text read as UTF-8 the file is damaged UTF-8, not Shift_JIS.
    let (_, run) = broken(|s| {
        let mut bytes = "---\ntitle: 在宅\n---\n".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xED\xA0\x80\n");
        s.write_bytes("content/a.md", &bytes)
    });
    run.assert_clean_failure("content/a.md:4");
    assert!(
        run.stderr.contains("neither UTF-8 nor Shift_JIS"),
        "{}",
        run.stderr
    );
}

#[test]
fn empty_file() {
    let (_, run) = broken(|s| s.write("content/a.md", ""));
    run.assert_clean_failure("content/a.md:1:1");
    assert!(run.stderr.contains("empty"), "{}", run.stderr);
}

#[test]
fn bom_only_file() {
    let (_, run) = broken(|s| s.write_bytes("content/a.md", b"\xEF\xBB\xBF"));
    run.assert_clean_failure("content/a.md:1:1");
    assert!(run.stderr.contains("empty"), "{}", run.stderr);
}

#[test]
fn nul_bytes_in_the_body_build() {
    let site = TestSite::new();
    site.write_bytes("content/a.md", b"---\ntitle: A\n---\nbefore\0after\n");
    site.build_ok();
    let html = site.read("a/index.html");
    assert!(!html.contains('\0'), "NUL never reaches the HTML");
    assert!(html.contains("before\u{FFFD}after"), "{html}");
}

#[test]
fn unreadable_file_dangling_symlink() {
    // Tests run as root, for whom permissions never stop a read; a link to nowhere is a file that
    // really cannot be read, whoever runs the build.
    let (_, run) = broken(|s| {
        std::os::unix::fs::symlink("nowhere.md", s.path("content/b.md")).unwrap();
    });
    run.assert_clean_failure("content/b.md");
}

#[test]
fn unreadable_file_is_a_fifo() {
    // A named pipe named like a page would block a naive reader forever.
    let (_, run) = broken(|s| {
        let made = std::process::Command::new("mkfifo")
            .arg(s.path("content/b.md"))
            .status()
            .expect("mkfifo");
        assert!(made.success());
    });
    run.assert_clean_failure("content/b.md");
    assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
}

#[test]
fn unreadable_site_yaml_is_a_directory() {
    let (_, run) = broken(|s| {
        std::fs::remove_file(s.path("site.yaml")).unwrap();
        std::fs::create_dir(s.path("site.yaml")).unwrap();
    });
    run.assert_clean_failure("site.yaml");
}

#[test]
fn symlink_loop_to_an_ancestor() {
    let (_, run) = broken(|s| {
        std::os::unix::fs::symlink("..", s.path("content/loop")).unwrap();
    });
    run.assert_clean_failure("content/loop");
    assert!(run.stderr.contains("loops"), "{}", run.stderr);
}

#[test]
fn symlink_that_points_at_itself() {
    let (_, run) = broken(|s| {
        std::os::unix::fs::symlink("self.md", s.path("content/self.md")).unwrap();
    });
    run.assert_clean_failure("content/self.md");
}

#[test]
fn directory_named_like_a_page() {
    // `x.md/` is a folder; its pages are pages, the folder itself is not one.
    let site = TestSite::new();
    site.write("content/x.md/_index.md", "---\ntitle: X\n---\n");
    site.write("content/x.md/y.md", "---\ntitle: Y\n---\nなか\n");
    site.build_ok();
    assert!(site.read("x.md/y/index.html").contains("なか"));
    assert!(site.read("x.md/index.html").contains("X"));
}

// --- Site structure -----------------------------------------------------------------------------

#[test]
fn two_files_with_the_same_url_by_slug() {
    let (_, run) = broken(|s| s.write("content/b.md", "---\ntitle: B\nslug: a\n---\n"));
    run.assert_clean_failure("content/a.md");
    assert!(run.stderr.contains("content/b.md"), "{}", run.stderr);
}

#[test]
fn urls_that_differ_only_in_case() {
    // Case-insensitive file systems (macOS, Windows) and many servers would serve one for the other.
    let (_, run) = broken(|s| s.write("content/A.md", "---\ntitle: 大文字\n---\n"));
    run.assert_clean_failure("content/A.md");
    assert!(run.stderr.contains("content/a.md"), "{}", run.stderr);
}

#[test]
fn unknown_prefecture() {
    let (_, run) = broken(|s| s.write("content/a.md", "---\ntitle: A\nprefecture: 東京府\n---\n"));
    run.assert_clean_failure("content/a.md:3:");
    assert!(run.stderr.contains("東京府"), "{}", run.stderr);
}

#[test]
fn unknown_obligation_set() {
    let (_, run) = broken(|s| {
        s.write(
            "content/a.md",
            "---\ntitle: A\n---\n## 事項 {.obligations set=nope}\n\n- a\n",
        )
    });
    run.assert_clean_failure("content/a.md:4:");
    assert!(run.stderr.contains("`nope`"), "{}", run.stderr);
}

#[test]
fn unparsable_fact() {
    let (_, run) = broken(|s| {
        s.write(
            "content/a.md",
            "---\ntitle: A\nkind: subsidy\nfacts:\n  rate: たくさん\n---\n",
        )
    });
    run.assert_clean_failure("content/a.md:5:");
    assert!(run.stderr.contains("たくさん"), "{}", run.stderr);
}

#[test]
fn unknown_fact() {
    let (_, run) =
        broken(|s| s.write("content/a.md", "---\ntitle: A\nfacts:\n  ratee: 1/2\n---\n"));
    run.assert_clean_failure("content/a.md:4:");
}

#[test]
fn link_to_a_missing_page() {
    let (_, run) = broken(|s| s.write("content/a.md", "---\ntitle: A\n---\n\n[x](@/none.md)\n"));
    run.assert_clean_failure("content/a.md:5:1");
}

#[test]
fn malformed_site_yaml() {
    let (_, run) = broken(|s| s.write("site.yaml", "title: {ja: A, en: B\n"));
    run.assert_clean_failure("site.yaml:");
}

#[test]
fn unknown_key_in_site_yaml() {
    let (_, run) = broken(|s| {
        s.write(
            "site.yaml",
            &format!("{}languagez: [ja]\n", common::SITE_YAML),
        )
    });
    run.assert_clean_failure("site.yaml:");
    assert!(run.stderr.contains("languagez"), "{}", run.stderr);
}

// --- Templates ----------------------------------------------------------------------------------

#[test]
fn template_syntax_error() {
    let (_, run) = broken(|s| {
        let page = s.path("themes/default/templates/page.html");
        let text = std::fs::read_to_string(&page).unwrap();
        std::fs::write(&page, format!("{text}\n{{% if %}}\n")).unwrap();
    });
    run.assert_clean_failure("page.html");
}

#[test]
fn template_runtime_error() {
    let (_, run) = broken(|s| {
        let page = s.path("themes/default/templates/page.html");
        let text = std::fs::read_to_string(&page).unwrap();
        let text = text.replacen(
            "{%- block content %}",
            "{%- block content %}{{ no_such_variable.field }}",
            1,
        );
        std::fs::write(&page, text).unwrap();
    });
    run.assert_clean_failure("page.html");
    assert!(run.stderr.contains("no_such_variable"), "{}", run.stderr);
}

// --- Hostile but valid --------------------------------------------------------------------------

#[test]
fn five_megabyte_single_line() {
    let line = "在宅医療の連携。".repeat(5 * 1024 * 1024 / 24);
    assert!(line.len() >= 5_000_000);
    let (_, html) = builds("long.md", &format!("---\ntitle: 長い\n---\n{line}\n"));
    assert!(html.len() > line.len(), "the whole line is on the page");
}

#[test]
fn an_error_on_a_five_megabyte_line_is_shown_briefly() {
    let line = "在宅医療の連携。".repeat(5 * 1024 * 1024 / 24);
    let (_, run) = broken(|s| {
        s.write(
            "content/a.md",
            &format!("---\ntitle: A\n---\n{line}[x](@/none.md){line}\n"),
        )
    });
    let col = line.chars().count() + 1;
    run.assert_clean_failure(&format!("content/a.md:4:{col}"));
    assert!(
        run.stderr.contains("連携。[x](@/none.md)在宅"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.len() < 4000,
        "{} bytes of stderr",
        run.stderr.len()
    );
}

#[test]
fn lists_nested_thousands_deep() {
    // `- - - x` opens one list inside another per marker.
    let deep = "- ".repeat(5000);
    let (_, html) = builds("deep.md", &format!("---\ntitle: 深い\n---\n{deep}底\n"));
    assert!(html.matches("<ul>").count() >= 5000, "every level is kept");
    assert!(html.contains("底"));
}

#[test]
fn blockquotes_nested_thousands_deep() {
    let deep = "> ".repeat(5000);
    let (_, html) = builds("quote.md", &format!("---\ntitle: 引用\n---\n{deep}底\n"));
    assert!(html.matches("<blockquote>").count() >= 5000);
}

#[test]
fn emphasis_and_links_nested_deep() {
    let depth = 3000;
    let body = format!(
        "{}x{}\n\n{}y{}\n",
        "*[".repeat(depth),
        "](https://example.jp/)*".repeat(depth),
        "[".repeat(depth),
        "]".repeat(depth)
    );
    builds("nest.md", &format!("---\ntitle: 入れ子\n---\n{body}"));
}

#[test]
fn obligation_list_nested_thousands_deep() {
    let deep = "- ".repeat(3000);
    let site = TestSite::new();
    site.write(
        "content/hub.md",
        &format!(
            "---\ntitle: 拠点\nkind: guideline\n---\n## 求められる事項 {{.obligations set=hub}}\n\n- 会議を開催すること\n  {deep}底\n"
        ),
    );
    site.build_ok();
    let html = site.read("hub/index.html");
    // One obligation; everything nested under it is its detail, every level kept.
    assert_eq!(html.matches("id=\"hub-").count(), 1, "{}", &html[..2000]);
    assert!(html.matches("<ul>").count() > 3000);
    assert!(html.contains("底"));
}

#[test]
fn fifty_megabyte_page() {
    let paragraph = "在宅医療に必要な連携を担う拠点は、地域の関係機関と協議の場を設けること。\n\n";
    let body = paragraph.repeat(50 * 1024 * 1024 / paragraph.len() + 1);
    assert!(body.len() >= 50 * 1024 * 1024);
    let site = TestSite::new();
    site.write(
        "content/big.md",
        &format!("---\ntitle: 大きい\n---\n{body}"),
    );
    site.build_ok();
    let html = std::fs::metadata(site.path("public/big/index.html")).unwrap();
    assert!(html.len() > body.len() as u64);
}

#[test]
fn huge_table() {
    let mut table = String::from("| a | b | c |\n|---|---|---|\n");
    for i in 0..20_000 {
        table.push_str(&format!("| {i} | 在宅 | 医療 |\n"));
    }
    let (_, html) = builds("table.md", &format!("---\ntitle: 表\n---\n{table}"));
    assert!(html.matches("<tr>").count() > 20_000);
}

#[test]
fn very_wide_table() {
    let cols = 5000;
    let table = format!(
        "{}|\n{}|\n{}|\n",
        "| h ".repeat(cols),
        "|---".repeat(cols),
        "| v ".repeat(cols)
    );
    let (_, html) = builds("wide.md", &format!("---\ntitle: 広い\n---\n{table}"));
    // pulldown-cmark bounds the cells it expands (against quadratic blow-up); the table is kept.
    assert!(
        html.contains("<table>") && html.contains("<td>v</td>"),
        "a table"
    );
}

#[test]
fn extremely_long_heading() {
    let heading = "見出し".repeat(30_000);
    let (_, html) = builds(
        "head.md",
        &format!("---\ntitle: 見出し\n---\n## {heading}\n\n本文\n"),
    );
    assert!(html.contains(&heading));
}

#[test]
fn many_headings_with_the_same_text() {
    let body = "## 同じ\n\n".repeat(5000);
    let (_, html) = builds("same.md", &format!("---\ntitle: 同じ\n---\n{body}"));
    assert!(
        html.contains("id=\"同じ-4999\"") && !html.contains("id=\"同じ-5000\""),
        "anchors stay unique"
    );
}

#[test]
fn emoji_anchors_link() {
    // Anchors keep letters and digits of any script; symbols such as emoji are dropped.
    let (_, html) = builds(
        "e.md",
        "---\ntitle: 絵文字\n---\n## 🏥 病院\n\n[ここ](@/e.md#-病院)\n",
    );
    assert!(html.contains("🏥 病院"), "{html}");
    let (_, run) = broken(|s| {
        s.write(
            "content/a.md",
            "---\ntitle: A\n---\n## 🏥 病院\n\n[ここ](@/a.md#🏥-病院)\n",
        )
    });
    run.assert_clean_failure("content/a.md:6:1");
    assert!(
        run.stderr.contains("did you mean `#-病院`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn front_matter_fence_inside_a_code_block() {
    let (_, html) = builds(
        "code.md",
        "---\ntitle: コード\n---\n```yaml\n---\ntitle: not this\n---\n```\n\n後\n",
    );
    assert!(
        html.contains("title: not this") || html.contains("not this"),
        "{html}"
    );
    assert!(html.contains("後"));
}

#[test]
fn link_cycle_and_self_links() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: A\n---\n## 節\n\n[B](@/b.md) [自分](@/a.md) [節](#節)\n",
    );
    site.write("content/b.md", "---\ntitle: B\n---\n[A](@/a.md)\n");
    site.build_ok();
    assert!(site.read("a/index.html").contains("href=\"/zaitaku/b/\""));
    assert!(site.read("b/index.html").contains("href=\"/zaitaku/a/\""));
}

#[test]
fn section_without_index() {
    let site = TestSite::new();
    site.write("content/sec/page.md", "---\ntitle: 中身\n---\n本文\n");
    let run = site.build();
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(run.ok, "{}", run.stderr);
    assert!(site.read("sec/page/index.html").contains("本文"));
}

#[test]
fn file_names_with_spaces_and_japanese() {
    let site = TestSite::new();
    site.write("content/my page.md", "---\ntitle: 空白\n---\n空白\n");
    site.write("content/計画.md", "---\ntitle: 計画\n---\n計画\n");
    let run = site.build_ok();
    assert!(
        run.stderr.contains("ASCII slugs"),
        "a warning: {}",
        run.stderr
    );
    assert!(site.read("my page/index.html").contains("空白"));
    assert!(site.read("計画/index.html").contains("計画"));
}

#[test]
fn many_pages() {
    let site = TestSite::new();
    for i in 0..500 {
        site.write(
            &format!("content/p/{i}.md"),
            &format!("---\ntitle: P{i}\n---\n[次](@/p/{}.md)\n", (i + 1) % 500),
        );
    }
    site.build_ok();
    assert!(site
        .read("p/499/index.html")
        .contains("href=\"/zaitaku/p/0/\""));
}

#[test]
fn an_output_folder_holding_other_files_is_refused_and_kept() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: A\n---\n本文\n");
    site.write("docs/notes.txt", "担当者のメモ");
    let docs = site.path("docs");
    let run = site.run(&["build", "--out", docs.to_str().unwrap()]);
    assert!(!run.ok, "{}", run.stdout);
    assert!(run.stderr.contains("did not make"), "{}", run.stderr);
    assert!(
        run.stderr.contains("--out"),
        "says how to fix it: {}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(docs.join("notes.txt")).unwrap(),
        "担当者のメモ"
    );
    // The site's own folder, named as `.`, is refused the same way and loses nothing.
    let dot = site.path("content/..");
    let run = site.run(&["build", "--out", dot.to_str().unwrap()]);
    assert!(
        !run.ok && run.stderr.contains("did not make"),
        "{}",
        run.stderr
    );
    assert!(site.path("content/a.md").is_file());
    // A folder a build made is updated as before.
    site.build_ok();
    site.write("content/b.md", "---\ntitle: B\n---\n本文\n");
    site.build_ok();
    assert!(site.exists("b/index.html"));
}
