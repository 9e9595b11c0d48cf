//! Nothing published can run code (SPEC §12): script URLs and raw HTML outside the allowlist stop
//! the build at the line and leave the previous `public/` as it was; allowed HTML renders;
//! `raw_html: trusted` lets HTML through; CSV cells never run as formulas; feeds and sitemaps
//! stay well-formed XML whatever the titles hold.

mod common;

use common::{Run, TestSite};

const PAGE_HEAD: &str = "---\ntitle: A\n---\n";

/// Publishes a good site, replaces `content/a.md` with `page`, builds again and checks that the
/// failed build left `public/` exactly as it was.
fn refused(page: &str) -> Run {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: A\n---\n本文\n");
    site.build_ok();
    let before = site.snapshot();
    site.write("content/a.md", page);
    let run = site.build();
    assert_eq!(
        before,
        site.snapshot(),
        "a refused build leaves public/ untouched\n{}",
        run.stderr
    );
    run
}

/// `body` (line 4 of the page) is refused at `location`, the line shown, the message naming
/// `what`.
fn refused_body(body: &str, location: &str, what: &str) {
    let run = refused(&format!("{PAGE_HEAD}{body}\n"));
    run.assert_clean_failure(location);
    assert!(
        run.stderr.contains(body),
        "the line is shown:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains(what), "names `{what}`:\n{}", run.stderr);
}

#[test]
fn a_javascript_link_is_refused() {
    refused_body(
        "[x](javascript:alert(1))",
        "content/a.md:4:5",
        "`javascript:` URL",
    );
}

#[test]
fn a_javascript_link_in_mixed_case_with_spaces_is_refused() {
    refused_body(
        "本文 [x](< JaVaScript:alert(1)>)",
        "content/a.md:4:",
        "`javascript:` URL",
    );
    refused_body(
        "[x](JaVaScript:alert(1))",
        "content/a.md:4:5",
        "`javascript:` URL",
    );
}

#[test]
fn a_script_url_in_a_reference_definition_is_refused() {
    let run = refused(&format!("{PAGE_HEAD}[x][r]\n\n[r]: vbscript:msgbox(1)\n"));
    run.assert_clean_failure("content/a.md:6:6");
    assert!(run.stderr.contains("`vbscript:` URL"), "{}", run.stderr);
}

#[test]
fn a_data_url_that_is_not_an_image_is_refused() {
    refused_body(
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "content/a.md:4:5",
        "`data:` URL of something other than an image",
    );
    refused_body(
        "![地図](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
        "content/a.md:4:7",
        "SVG written as a `data:` URL",
    );
}

#[test]
fn a_raw_html_link_with_a_script_url_is_refused() {
    refused_body(
        "本文 <a href=\"javascript:alert(1)\">x</a>",
        "content/a.md:4:4",
        "`<a>`",
    );
}

#[test]
fn an_entity_encoded_script_url_in_raw_html_is_seen() {
    refused_body(
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "content/a.md:4:1",
        "`javascript:` URL",
    );
}

#[test]
fn an_image_with_an_event_handler_is_refused() {
    refused_body(
        "本文 <img src=x onerror=alert(1)>",
        "content/a.md:4:4",
        "`<img>`",
    );
}

#[test]
fn an_event_handler_on_an_allowed_element_is_refused() {
    refused_body(
        "本文 <span onclick=\"alert(1)\">x</span>",
        "content/a.md:4:10",
        "`onclick`",
    );
}

#[test]
fn a_script_element_is_refused() {
    refused_body(
        "<script>alert(1)</script>",
        "content/a.md:4:1",
        "`<script>`",
    );
}

#[test]
fn an_iframe_is_refused() {
    refused_body(
        "<iframe src=\"https://evil.example/\"></iframe>",
        "content/a.md:4:1",
        "`<iframe>`",
    );
}

#[test]
fn a_style_attribute_is_refused() {
    refused_body(
        "本文 <span style=\"color:red\">x</span>",
        "content/a.md:4:10",
        "`style`",
    );
}

#[test]
fn a_script_source_url_is_refused() {
    let page = "---\ntitle: A\nsource:\n  title: 通知\n  url: \"javascript:alert(1)\"\n---\n本文\n";
    let run = refused(page);
    run.assert_clean_failure("content/a.md:5:8");
    assert!(
        run.stderr.contains("url: \"javascript:alert(1)\""),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("`source.url`"), "{}", run.stderr);
}

#[test]
fn every_problem_of_a_page_is_listed() {
    let run = refused(&format!(
        "{PAGE_HEAD}<script>alert(1)</script>\n\n[x](javascript:alert(2))\n"
    ));
    run.assert_clean_failure("content/a.md:4:1");
    assert!(run.stderr.contains("content/a.md:6:5"), "{}", run.stderr);
}

#[test]
fn allowed_html_renders() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: A\n---\n<ruby>在宅<rp>(</rp><rt>ざいたく</rt><rp>)</rp></ruby>医療<br>\n面積 m<sup>2</sup> と <span lang=\"en\">home care</span> <!-- 注 -->\n",
    );
    site.build_ok();
    let html = site.read("a/index.html");
    for part in [
        "<ruby>在宅<rp>(</rp><rt>ざいたく</rt><rp>)</rp></ruby>",
        "<br>",
        "m<sup>2</sup>",
        "<span lang=\"en\">home care</span>",
    ] {
        assert!(html.contains(part), "{part} in {html}");
    }
}

#[test]
fn trusted_raw_html_passes_scripts_but_not_script_links() {
    let site = TestSite::new();
    let trusting = format!("{}markdown:\n  raw_html: trusted\n", common::SITE_YAML);
    site.write("site.yaml", &trusting);
    site.write(
        "content/a.md",
        "---\ntitle: A\n---\n<script>document.title = \"x\";</script>\n\n<span onclick=\"go()\">a</span>\n",
    );
    site.build_ok();
    let html = site.read("a/index.html");
    assert!(
        html.contains("<script>document.title = \"x\";</script>"),
        "{html}"
    );
    assert!(html.contains("<span onclick=\"go()\">a</span>"), "{html}");

    site.write(
        "content/a.md",
        "---\ntitle: A\n---\n[x](javascript:alert(1))\n",
    );
    site.build().assert_clean_failure("content/a.md:4:5");
}

#[test]
fn a_misspelt_raw_html_mode_is_refused_with_a_suggestion() {
    let site = TestSite::new();
    site.write(
        "site.yaml",
        &format!("{}markdown:\n  raw_html: trustd\n", common::SITE_YAML),
    );
    let run = site.build();
    let line = common::SITE_YAML.lines().count() + 2;
    run.assert_clean_failure(&format!("site.yaml:{line}:13"));
    assert!(
        run.stderr.contains("did you mean `trusted`?"),
        "{}",
        run.stderr
    );
}

// --- CSV ---------------------------------------------------------------------------------------

const FORMULA: &str = "=HYPERLINK(\"https://evil.example/\",\"詳細\")";

fn csv_site() -> TestSite {
    let site = TestSite::new();
    site.write(
        "site.yaml",
        &format!(
            "{}  recipients: {{ ja: 補助先, en: Recipients, type: text }}\ncomparisons:\n  subsidies: {{ ja: 補助制度, en: Subsidies, kind: subsidy, facts: [recipients] }}\n",
            common::SITE_YAML
        ),
    );
    site.write(
        "content/guideline.md",
        "---\ntitle: 指針\nkind: guideline\n---\n## 事項 {.obligations set=hub}\n\n- 会議を定期的に開催すること\n",
    );
    let own = FORMULA.replace('"', "\\\"");
    site.write(
        "content/chiba.md",
        &format!("---\ntitle: 千葉県\nkind: plan\nprefecture: chiba\n---\n## 事項 {{.obligations set=hub}}\n\n- 会議を定期的に開催すること\n- {own}\n"),
    );
    site.write(
        "content/subsidy.md",
        &format!(
            "---\ntitle: 補助\nkind: subsidy\nprefecture: chiba\nfacts:\n  recipients: '{FORMULA}'\n---\n本文\n"
        ),
    );
    site
}

/// Every CSV field of `csv` (quoted fields unquoted).
fn fields(csv: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

fn assert_quoted(csv: &str) {
    let fields = fields(csv);
    assert!(
        fields.iter().any(|f| f == &format!("'{FORMULA}")),
        "the formula is quoted: {fields:?}"
    );
    assert!(
        !fields.iter().any(|f| f.starts_with('=')),
        "no cell starts with `=`: {fields:?}"
    );
}

#[test]
fn formula_cells_are_quoted_in_the_site_csv_files() {
    let site = csv_site();
    site.build_ok();
    assert_quoted(&site.read("compare/hub.csv"));
    assert_quoted(&site.read("compare/subsidies.csv"));
    assert_quoted(&site.read("en/compare/subsidies.csv"));
}

#[test]
fn formula_cells_are_quoted_by_compare_csv() {
    let site = csv_site();
    for id in ["hub", "subsidies"] {
        let run = site.run(&["compare", id, "--format", "csv"]);
        assert!(run.ok, "{}", run.stderr);
        assert_quoted(&run.stdout);
    }
}

// --- XML ---------------------------------------------------------------------------------------

#[test]
fn control_characters_in_titles_leave_feeds_and_sitemaps_well_formed() {
    let site = TestSite::new();
    site.write(
        "site.yaml",
        &common::SITE_YAML.replace("テストガイド", "\"テスト\\u0001ガイド\\f\""),
    );
    assert!(std::fs::read_to_string(site.path("site.yaml"))
        .unwrap()
        .contains("\\u0001"));
    site.write(
        "content/a.md",
        "---\ntitle: \"在宅\\f医療\\u0001の手引\"\ndescription: \"説明\\u0002です\\u000B\"\ndate: 2024-04-01\n---\n本文\n",
    );
    site.build_ok();
    for feed in ["atom.xml", "en/atom.xml", "sitemap.xml"] {
        let xml = site.read(feed);
        if let Err(e) = roxmltree::Document::parse(&xml) {
            panic!("{feed} is not well-formed XML: {e}\n{xml}");
        }
    }
    let atom = site.read("atom.xml");
    let doc = roxmltree::Document::parse(&atom).unwrap();
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(titles, ["テストガイド", "在宅医療の手引"]);
    let summary = doc
        .descendants()
        .find(|n| n.has_tag_name("summary"))
        .and_then(|n| n.text());
    assert_eq!(summary, Some("説明です"));

    let html = site.read("a/index.html");
    assert!(html.contains("在宅医療の手引"), "{html}");
    assert!(
        !html.contains(['\u{1}', '\u{2}', '\u{b}', '\u{c}']),
        "no control character reaches the page"
    );
}
