//! Integration tests: small sites in temporary folders, built by the real binary, asserted on the
//! HTML and on the error text.

mod common;

use common::TestSite;

const HUB_GUIDELINE: &str = "---\ntitle: 拠点の指針\nkind: guideline\n---\n## 求められる事項 {.obligations set=hub}\n\n- 会議を定期的に開催すること\n- 調整を行うこと\n";

#[test]
fn bilingual_pages_get_clean_urls_lang_and_alternates() {
    let site = TestSite::new();
    site.write("content/guideline/_index.md", "---\ntitle: 指針\n---\n");
    site.write("content/guideline/hub.md", HUB_GUIDELINE);
    site.write(
        "content/guideline/hub.en.md",
        "---\ntitle: Hub guideline\nkind: guideline\n---\n## Requirements {.obligations set=hub}\n\n- Hold meetings regularly\n- Coordinate\n",
    );
    site.build_ok();
    let ja = site.read("guideline/hub/index.html");
    let en = site.read("en/guideline/hub/index.html");
    assert!(ja.contains("<html lang=\"ja\""), "{ja}");
    assert!(en.contains("<html lang=\"en\""), "{en}");
    assert!(en.contains("Hold meetings regularly"));
    for html in [&ja, &en] {
        assert!(
            html.contains(
                "hreflang=\"ja\" href=\"https://www.pref.example.lg.jp/zaitaku/guideline/hub/\""
            ),
            "{html}"
        );
        assert!(
            html.contains(
                "hreflang=\"en\" href=\"https://www.pref.example.lg.jp/zaitaku/en/guideline/hub/\""
            ),
            "{html}"
        );
        // The switcher links the other language's page under the base path.
        assert!(
            html.contains("href=\"/zaitaku/en/guideline/hub/\""),
            "{html}"
        );
        assert!(html.contains("href=\"/zaitaku/guideline/hub/\""), "{html}");
    }
    // Obligation items carry their anchors in both languages.
    assert!(
        ja.contains("<li id=\"hub-2\" class=\"obligation\">"),
        "{ja}"
    );
    assert!(
        en.contains("<li id=\"hub-2\" class=\"obligation\">"),
        "{en}"
    );
}

#[test]
fn missing_translation_shows_the_japanese_text_marked_as_japanese() {
    let site = TestSite::new();
    site.write(
        "content/plan.md",
        "---\ntitle: 千葉県の計画\n---\n本文です。\n",
    );
    site.build_ok();
    let en = site.read("en/plan/index.html");
    assert!(en.contains("<html lang=\"en\""), "{en}");
    assert!(en.contains("本文です。"));
    assert!(
        en.contains("lang=\"ja\""),
        "the Japanese text must be marked lang=ja: {en}"
    );
    let notice = strings("en")["fallback_notice"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(en.contains(&notice), "fallback notice missing: {en}");
    let ja = site.read("plan/index.html");
    assert!(!ja.contains(&notice));
}

#[test]
fn stale_translation_is_noticed_warned_and_listed() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: 原文\n---\n最初の本文。\n");
    site.write(
        "content/a.en.md",
        "---\ntitle: Original\n---\nFirst text.\n",
    );
    let stamp = site.run(&["i18n", "stamp", "content/a.en.md"]);
    assert!(stamp.ok, "{}", stamp.stderr);
    let en_text = std::fs::read_to_string(site.path("content/a.en.md")).unwrap();
    assert!(en_text.contains("translated_from: "), "{en_text}");
    let status = site.run(&["i18n", "status"]);
    assert!(
        status.stdout.contains("ok         content/a.md"),
        "{}",
        status.stdout
    );

    let run = site.build_ok();
    assert!(!run.stderr.contains("out of date"), "{}", run.stderr);
    let notice = strings("en")["stale_notice"].as_str().unwrap().to_string();
    assert!(!site.read("en/a/index.html").contains(&notice));

    site.write("content/a.md", "---\ntitle: 原文\n---\n変更された本文。\n");
    let run = site.build_ok();
    assert!(run.stderr.contains("out of date"), "{}", run.stderr);
    assert!(run.stderr.contains("content/a.en.md"), "{}", run.stderr);
    assert!(site.read("en/a/index.html").contains(&notice));
    let status = site.run(&["i18n", "status"]);
    assert!(
        status.stdout.contains("stale      content/a.md"),
        "{}",
        status.stdout
    );
    assert!(
        status.stdout.contains("missing    content/_index.md"),
        "{}",
        status.stdout
    );

    // --strict turns the warning into a failure.
    assert!(!site.run(&["build", "--strict"]).ok);
    // Stamping again makes it current.
    assert!(site.run(&["i18n", "stamp", "content/a.en.md"]).ok);
    assert!(site.run(&["build", "--strict"]).ok);
}

#[test]
fn broken_link_fails_with_path_line_and_keeps_previous_output() {
    let site = TestSite::new();
    site.write(
        "content/guide.md",
        "---\ntitle: 案内\n---\n## 急変時の対応\n\n本文\n",
    );
    site.write(
        "content/a.md",
        "---\ntitle: A\n---\n[案内](@/guide.md#急変時の対応)\n",
    );
    site.build_ok();
    let before = site.read("a/index.html");
    assert!(
        // Non-ASCII in a URL is percent-encoded, as browsers send it.
        before.contains(
            "href=\"/zaitaku/guide/#%E6%80%A5%E5%A4%89%E6%99%82%E3%81%AE%E5%AF%BE%E5%BF%9C\""
        ),
        "{before}"
    );

    site.write(
        "content/a.md",
        "---\ntitle: A\n---\n一行目\n\n[なし](@/missing.md)\n",
    );
    let run = site.build();
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("content/a.md:6:1"), "{}", run.stderr);
    assert!(run.stderr.contains("@/missing.md"), "{}", run.stderr);
    assert_eq!(
        site.read("a/index.html"),
        before,
        "a failed build must not touch public/"
    );

    site.write(
        "content/a.md",
        "---\ntitle: A\n---\n[案内](@/guide.md#看取り)\n",
    );
    let run = site.build();
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("content/a.md:4:1"), "{}", run.stderr);
    assert!(run.stderr.contains("no anchor `#看取り`"), "{}", run.stderr);
    assert!(
        run.stderr.contains("#急変時の対応"),
        "hint lists the anchors: {}",
        run.stderr
    );
    assert_eq!(site.read("a/index.html"), before);
}

#[test]
fn every_error_is_listed_not_only_the_first() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: A\n---\n[x](@/nope.md)\n");
    site.write("content/b.md", "---\ntitle: B\ntitel: x\n---\n");
    site.write("content/c.md", "---\ntitle: C\n---\n[y](@/nada.md)\n");
    let run = site.build();
    assert_eq!(run.code, Some(1));
    for needle in ["content/a.md:4", "content/b.md:3", "content/c.md:4"] {
        assert!(
            run.stderr.contains(needle),
            "{needle} missing in:\n{}",
            run.stderr
        );
    }
    assert!(run.stderr.contains("3 errors"), "{}", run.stderr);
}

#[test]
fn unknown_front_matter_key_suggests_the_right_one() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: A\ndescriptoin: 説明\n---\n");
    let run = site.build();
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("unknown key `descriptoin`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `description`?"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("content/a.md:3:1"), "{}", run.stderr);
    assert!(
        run.stderr.contains("descriptoin: 説明"),
        "shows the line: {}",
        run.stderr
    );
}

#[test]
fn japanese_era_dates_and_fiscal_years() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: A\ndate: 令和5年3月31日\n---\n");
    site.write("content/b.md", "---\ntitle: B\ndate: R5.3.31\n---\n");
    site.write("content/c.md", "---\ntitle: C\ndate: 平成30年度\n---\n");
    site.write("content/d.md", "---\ntitle: D\ndate: 令和元年5月1日\n---\n");
    site.build_ok();
    for page in ["a", "b"] {
        let html = site.read(&format!("{page}/index.html"));
        assert!(html.contains("2023-03-31"), "{html}");
        assert!(html.contains("令和5年3月31日"), "{html}");
        assert!(site
            .read(&format!("en/{page}/index.html"))
            .contains("31 March 2023"));
    }
    assert!(site.read("c/index.html").contains("平成30年度"));
    assert!(site.read("en/c/index.html").contains("FY2018"));
    assert!(site.read("d/index.html").contains("令和元年5月1日"));
    let feed = site.read("atom.xml");
    assert!(
        feed.contains("<updated>2023-03-31T00:00:00Z</updated>"),
        "{feed}"
    );

    site.write(
        "content/e.md",
        "---\ntitle: E\ndate: 令和5年13月40日\n---\n",
    );
    let run = site.build();
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("content/e.md:3:1"), "{}", run.stderr);
    assert!(run.stderr.contains("13"), "{}", run.stderr);
}

#[test]
fn prefecture_by_name_slug_or_code() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: A\nkind: plan\nprefecture: 千葉県\n---\n",
    );
    site.write(
        "content/b.md",
        "---\ntitle: B\nkind: plan\nprefecture: osaka\n---\n",
    );
    site.write(
        "content/c.md",
        "---\ntitle: C\nkind: plan\nprefecture: 15\n---\n",
    );
    site.write(
        "content/d.md",
        "---\ntitle: D\nkind: plan\nprefecture: \"01\"\n---\n",
    );
    site.build_ok();
    assert!(site.read("a/index.html").contains("千葉県"));
    assert!(site.read("en/a/index.html").contains("Chiba"));
    assert!(site.read("b/index.html").contains("大阪府"));
    assert!(site.read("c/index.html").contains("新潟県"));
    assert!(site.read("d/index.html").contains("北海道"));

    site.write(
        "content/e.md",
        "---\ntitle: E\nkind: plan\nprefecture: chibaa\n---\n",
    );
    let run = site.build();
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("content/e.md:4:1"), "{}", run.stderr);
    assert!(run.stderr.contains("chibaa"), "{}", run.stderr);
}

#[test]
fn shift_jis_files_are_read_with_a_warning() {
    let site = TestSite::new();
    let text = "---\ntitle: 千葉県の在宅医療\n---\n看取りの体制を整備する。\n";
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(text);
    site.write_bytes("content/sjis.md", &bytes);
    let run = site.build_ok();
    assert!(
        run.stderr
            .contains("content/sjis.md is encoded as Shift_JIS"),
        "{}",
        run.stderr
    );
    let html = site.read("sjis/index.html");
    assert!(html.contains("看取りの体制を整備する。"), "{html}");
    assert!(html.contains("千葉県の在宅医療"));

    site.write_bytes("content/bad.md", b"---\ntitle: x\n---\n\xff\xfe\xfd\n");
    let run = site.build();
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("content/bad.md"), "{}", run.stderr);
    assert!(
        run.stderr.contains("neither UTF-8 nor Shift_JIS"),
        "{}",
        run.stderr
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let site = TestSite::new();
    site.write_bytes(
        "content/win.md",
        "\u{feff}---\r\ntitle: 改行\r\ntags: [補助金]\r\n---\r\n## 見出し\r\n\r\n本文\r\n"
            .as_bytes(),
    );
    site.build_ok();
    let html = site.read("win/index.html");
    assert!(html.contains("<h2 id=\"見出し\">"), "{html}");
    assert!(!html.contains('\r'));
    assert!(site.read("tags/補助金/index.html").contains("改行"));
}

#[test]
fn two_files_with_the_same_url_are_both_named() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: A\n---\n");
    site.write("content/a/_index.md", "---\ntitle: A section\n---\n");
    let run = site.build();
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("content/a.md"), "{}", run.stderr);
    assert!(run.stderr.contains("content/a/_index.md"), "{}", run.stderr);
    assert!(run.stderr.contains("/a/"), "{}", run.stderr);

    let site = TestSite::new();
    site.write("content/x.md", "---\ntitle: X\nslug: y\n---\n");
    site.write("content/y.md", "---\ntitle: Y\n---\n");
    let run = site.build();
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("content/x.md") && run.stderr.contains("content/y.md"),
        "{}",
        run.stderr
    );
}

#[test]
fn japanese_heading_anchors_stay_japanese() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: A\n---\n## 急変時の対応\n\n## 急変時の対応\n\n## 看取り {#mitori}\n\n## 退院支援（入院医療機関）\n",
    );
    site.build_ok();
    let html = site.read("a/index.html");
    assert!(html.contains("<h2 id=\"急変時の対応\">"), "{html}");
    assert!(html.contains("<h2 id=\"急変時の対応-1\">"), "{html}");
    assert!(html.contains("<h2 id=\"mitori\">"), "{html}");
    assert!(html.contains("<h2 id=\"退院支援入院医療機関\">"), "{html}");
    // The table of contents links the same anchors.
    assert!(html.contains("href=\"#急変時の対応-1\""), "{html}");
}

#[test]
fn sitemap_lists_both_languages_with_alternates() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: A\ndate: 2024-04-01\n---\n");
    site.build_ok();
    let sitemap = site.read("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://www.pref.example.lg.jp/zaitaku/a/</loc>"),
        "{sitemap}"
    );
    assert!(
        sitemap.contains("<loc>https://www.pref.example.lg.jp/zaitaku/en/a/</loc>"),
        "{sitemap}"
    );
    assert!(
        sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://www.pref.example.lg.jp/zaitaku/en/a/\"/>"),
        "{sitemap}"
    );
    assert!(sitemap.contains("<lastmod>2024-04-01</lastmod>"));
    assert_eq!(
        sitemap.matches("<url>").count(),
        4,
        "home and a, in two languages: {sitemap}"
    );
    assert!(site
        .read("robots.txt")
        .contains("Sitemap: https://www.pref.example.lg.jp/zaitaku/sitemap.xml"));
    assert!(site.read("en/atom.xml").contains("xml:lang=\"en\""));
    assert!(site.exists("404.html"));
    assert!(site.exists("syntax.css"));
    assert!(site.exists("style.css"));
}

#[test]
fn backlinks_sections_breadcrumbs_and_tags() {
    let site = TestSite::new();
    site.write("content/sec/_index.md", "---\ntitle: 節\n---\n");
    site.write(
        "content/sec/b.md",
        "---\ntitle: 二番目\nweight: 2\ntags: [拠点]\n---\n[一番へ](@/sec/a.md)\n",
    );
    site.write(
        "content/sec/a.md",
        "---\ntitle: 一番目\nweight: 1\ntags: [拠点]\n---\n",
    );
    site.write(
        "content/sec/c.md",
        "---\ntitle: 三番目\nweight: 3\n---\n[一番へ](a.md)\n",
    );
    site.build_ok();
    let a = site.read("sec/a/index.html");
    let backlinks = strings("ja")["backlinks"].as_str().unwrap().to_string();
    assert!(a.contains(&backlinks), "{a}");
    assert!(a.contains("href=\"/zaitaku/sec/b/\""), "{a}");
    assert!(a.contains("href=\"/zaitaku/sec/c/\""), "{a}");
    // Breadcrumbs lead from the home page through the section.
    assert!(a.contains("href=\"/zaitaku/sec/\""), "{a}");
    let section = site.read("sec/index.html");
    let (ia, ib, ic) = (
        section.find("一番目").unwrap(),
        section.find("二番目").unwrap(),
        section.find("三番目").unwrap(),
    );
    assert!(ia < ib && ib < ic, "children ordered by weight");
    let tag = site.read("tags/拠点/index.html");
    assert!(
        tag.contains("一番目") && tag.contains("二番目") && !tag.contains("三番目"),
        "{tag}"
    );
    assert!(site.read("tags/index.html").contains("拠点"));
    // English readers are sent to English pages.
    assert!(site
        .read("en/sec/b/index.html")
        .contains("href=\"/zaitaku/en/sec/a/\""));
}

#[test]
fn citations_drafts_and_assets() {
    let site = TestSite::new();
    site.write(
        "content/g.md",
        "---\ntitle: 指針\nsource:\n  title: 在宅医療の体制構築に係る指針\n  issuer: 厚生労働省\n  number: 医政地発0331第14号\n  date: 令和5年3月31日\n---\n![地図](map.png) [資料](doc.pdf)\n",
    );
    site.write_bytes("content/map.png", b"\x89PNG fake");
    site.write_bytes("content/doc.pdf", b"%PDF-1.4");
    site.write("content/draft.md", "---\ntitle: 下書き\ndraft: true\n---\n");
    site.build_ok();
    let g = site.read("g/index.html");
    assert!(
        g.contains("医政地発0331第14号") && g.contains("厚生労働省"),
        "{g}"
    );
    assert!(g.contains("src=\"/zaitaku/map.png\""), "{g}");
    assert!(g.contains("href=\"/zaitaku/doc.pdf\""), "{g}");
    assert!(site.exists("map.png") && site.exists("doc.pdf"));
    assert!(!site.exists("draft/index.html"), "drafts are left out");
    assert!(site.run(&["build", "--drafts"]).ok);
    assert!(site
        .read("draft/index.html")
        .contains(strings("ja")["draft"].as_str().unwrap()));
}

#[test]
fn check_validates_without_writing() {
    let site = TestSite::new();
    let run = site.run(&["check"]);
    assert!(run.ok, "{}", run.stderr);
    assert!(!site.path("public").exists());
    site.write("content/a.md", "---\ntitle: A\n---\n[x](@/none.md)\n");
    assert_eq!(site.run(&["check"]).code, Some(1));
}

#[test]
fn base_url_override_changes_every_link() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: A\n---\n[home](@/_index.md)\n");
    assert!(
        site.run(&["build", "--base-url", "https://example.org/"])
            .ok
    );
    let a = site.read("a/index.html");
    assert!(a.contains("href=\"/\""), "{a}");
    assert!(!a.contains("/zaitaku/"), "{a}");
}

#[test]
fn obligation_lists_are_validated() {
    let site = TestSite::new();
    site.write("content/hub.md", HUB_GUIDELINE);
    site.write(
        "content/hub.en.md",
        "---\ntitle: Hubs\nkind: guideline\n---\n## Requirements {.obligations set=hub}\n\n- Only one\n",
    );
    let run = site.build();
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains(
            "content/hub.en.md lists 1 obligation of `hub`, but the Japanese content/hub.md lists 2: the canonical obligations need the same number in both languages"
        ),
        "{}",
        run.stderr
    );

    let site = TestSite::new();
    site.write(
        "content/x.md",
        "---\ntitle: X\n---\n## 事項 {.obligations set=hubb}\n\n- a\n",
    );
    let run = site.build();
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("`hubb` is not named in site.yaml"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("did you mean `hub`?"), "{}", run.stderr);

    let site = TestSite::new();
    site.write("content/hub.md", HUB_GUIDELINE);
    site.write(
        "content/a.md",
        "---\ntitle: A\n---\n[二つ目](@ob:hub-2) [九](@ob:hub-9)\n",
    );
    let run = site.build();
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("`@ob:hub-9`"), "{}", run.stderr);
    site.write("content/a.md", "---\ntitle: A\n---\n[二つ目](@ob:hub-2)\n");
    site.build_ok();
    assert!(site
        .read("a/index.html")
        .contains("href=\"/zaitaku/hub/#hub-2\""));
}

#[test]
fn code_is_highlighted_into_classes() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: A\n---\n```yaml\ntitle: 指針\n```\n",
    );
    site.build_ok();
    let html = site.read("a/index.html");
    assert!(
        html.contains("<pre class=\"code\" data-lang=\"yaml\">"),
        "{html}"
    );
    assert!(html.contains("class=\"hl-"), "{html}");
    assert!(site.read("syntax.css").contains(".hl-"));
}

/// The theme's UI strings, so tests follow the wording wherever it is changed.
fn strings(lang: &str) -> serde_yaml::Value {
    let path = common::repo().join(format!("themes/default/i18n/{lang}.yaml"));
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn template_error_while_rendering_keeps_previous_output_and_leaves_no_staging() {
    let site = TestSite::new();
    site.write("content/a.md", "---\ntitle: A\n---\n本文\n");
    site.build_ok();
    let before = site.read("a/index.html");
    site.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}{% block content %}{{ page.no_such.field }}{% endblock content %}",
    );
    let run = site.build();
    assert!(!run.ok, "{}", run.stderr);
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert_eq!(site.read("a/index.html"), before);
    let names: Vec<String> = std::fs::read_dir(site.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    // Only the first build's manifest (docs/performance.md), its render cache and the lock
    // (README) are beside the output.
    let mut beside: Vec<&String> = names.iter().filter(|n| n.starts_with(".public")).collect();
    beside.sort();
    assert_eq!(
        beside,
        [".public.cache", ".public.lock", ".public.manifest"],
        "{names:?}"
    );
    // The failed build left nothing in the cache folder: the first build's jobs, its search
    // file and its parse cache.
    let mut cache: Vec<String> = std::fs::read_dir(site.path(".public.cache"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    cache.sort();
    assert_eq!(cache.len(), 3, "{cache:?}");
    assert_eq!(cache[0], "documents");
    assert_eq!(cache[1], "jobs");
    assert!(cache[2].starts_with("search-"), "{cache:?}");
}

/// Every template of the default theme renders over the shipped site, in both languages: Tera
/// fails the build on a variable its context lacks wherever the template prints it.
#[test]
fn the_shipped_site_renders_every_template_in_both_languages() {
    let site = TestSite::new();
    common::copy_dir(&common::repo().join("content"), &site.path("content"));
    std::fs::copy(common::repo().join("site.yaml"), site.path("site.yaml")).unwrap();
    site.build_ok();
    let mut rendered = std::collections::BTreeSet::new();
    for entry in walkdir::WalkDir::new(site.path("public")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let rel = entry.path().strip_prefix(site.path("public")).unwrap();
        let lang = if rel.starts_with("en") { "en" } else { "ja" };
        let html = std::fs::read_to_string(entry.path()).unwrap();
        let class = html
            .split("<body class=\"tpl-")
            .nth(1)
            .and_then(|rest| rest.split([' ', '"']).next())
            .unwrap_or_else(|| panic!("{} has no template class", rel.display()));
        rendered.insert((lang, format!("{class}.html")));
    }
    for template in shishin::render::theme::TEMPLATES {
        if template == "base.html" {
            continue;
        }
        for lang in ["ja", "en"] {
            assert!(
                rendered.contains(&(lang, template.to_string())),
                "no {lang} page of the shipped site is rendered by {template}: {rendered:?}"
            );
        }
    }
}

/// The summary counts in plain English: one warning is "1 warning", one tag "1 tag".
#[test]
fn the_summary_says_one_in_the_singular() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "---\ntitle: A\ntags: [在宅医療]\n---\n本文\n",
    );
    // A file name Windows servers cannot hold: one warning.
    site.write("content/con.md", "---\ntitle: B\n---\n本文\n");
    let run = site.build_ok();
    assert!(run.stdout.contains(", 1 tag, "), "{}", run.stdout);
    assert!(run.stdout.contains(", 1 warning, "), "{}", run.stdout);
    assert!(run.stdout.contains("3 pages in ja"), "{}", run.stdout);
}

/// SPEC §6.1: a `text` or `list` fact without its English is shown in Japanese on English pages,
/// and `i18n status` lists it; a code, an amount, or a text with its English is not listed.
#[test]
fn i18n_status_lists_text_facts_without_english() {
    let site = TestSite::new();
    site.write(
        "site.yaml",
        "title: { ja: テスト, en: Test }\nbase_url: https://ex.jp/\nfacts:\n  recipients: { ja: 補助先, en: Recipients, type: text }\n  costs: { ja: 対象経費, en: Costs, type: list }\n  area: { ja: 圏域, en: Area, type: text }\n  base_amount: { ja: 基準額, en: Base amount, type: yen }\n",
    );
    site.write(
        "content/a.md",
        "---\ntitle: 補助金\nfacts:\n  recipients: 市町村\n  costs: [人件費, 旅費]\n  area: { value: 二次医療圏, en: Secondary medical care areas }\n  base_amount: 3,000千円\n---\n本文\n",
    );
    let status = site.run(&["i18n", "status"]);
    assert!(status.ok, "{}", status.stderr);
    let out = &status.stdout;
    assert!(
        out.contains("untranslated fact  content/a.md  recipients"),
        "{out}"
    );
    assert!(
        out.contains("untranslated fact  content/a.md  costs"),
        "{out}"
    );
    assert!(!out.contains("  area"), "a fact with its English: {out}");
    assert!(
        !out.contains("base_amount"),
        "an amount needs no English: {out}"
    );
    assert!(out.contains("2 text facts have no English"), "{out}");
    // The English page shows the Japanese, marked as such.
    site.build_ok();
    let en = site.read("en/a/index.html");
    assert!(en.contains("lang=\"ja\">市町村<"), "{en}");
}
