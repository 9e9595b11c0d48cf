//! The views that make comparisons usable across many prefectures (SPEC §8, §11): the profile of
//! each prefecture, the tile-grid map of coverage on `/compare/`, and the compact matrix with the
//! prefecture chooser on `/compare/SET/`, whose header row and first column stay in view while it
//! scrolls (checked in Chromium on a site of all 47 prefectures).

mod common;

use common::browser::Browser;
use common::TestSite;
use shishin::guidance::prefecture::PREFECTURES;

const SITE: &str = "title: { ja: テスト, en: Test }\nbase_url: https://ex.jp/\nobligations:\n  sets:\n    hub: { ja: 連携の拠点, en: Coordination hubs }\nfacts:\n  base_amount: { ja: 基準額, en: Base amount, type: yen }\n  rate: { ja: 補助率, en: Subsidy rate, type: rate }\n  budget_cap: { ja: 予算上限, en: Budget cap, type: yen, scope: obligation }\ncomparisons:\n  subsidies: { ja: 補助制度の比較, en: Subsidies compared, kind: subsidy, facts: [base_amount, rate] }\n";

const GUIDELINE: &str = "---\ntitle: 指針\nkind: guideline\n---\n## 求められる事項 {.obligations set=hub}\n\n- 地域の関係者による会議を定期的に開催し、課題の抽出を行うこと\n- 在宅医療の提供体制に関する関係機関との調整を行うこと\n- 住民への普及啓発を実施すること\n";
const GUIDELINE_EN: &str = "---\ntitle: Guideline\nkind: guideline\n---\n## Requirements {.obligations set=hub}\n\n- Hold regular meetings of local stakeholders and identify issues\n- Coordinate with the institutions concerned\n- Raise public awareness\n";
const CHIBA_DRAFT: &str = "---\ntitle: 千葉県の計画（案）\nkind: plan\nprefecture: chiba\ndate: 2023-12-01\n---\n## 拠点の事項 {.obligations set=hub}\n\n- 地域の関係者による会議を定期的に開催し、課題の抽出を行うこと\n";
const CHIBA: &str = "---\ntitle: 千葉県の計画\nkind: plan\nprefecture: chiba\ndate: 2024-03-29\nsupersedes: \"@/chiba/plan-draft.md\"\n---\n## 拠点の事項 {.obligations set=hub}\n\n- 地域の関係者による会議を定期的に開催し、課題の抽出を行うこと\n  - 予算上限: 1拠点あたり1,060千円\n- 在宅医療の提供体制に関する関係機関との調整を行うこと\n- 研修会を年2回開くこと\n";
const CHIBA_SUBSIDY: &str = "---\ntitle: 千葉県の補助金\nkind: subsidy\nprefecture: chiba\nfacts:\n  base_amount: 3,000千円\n---\n## 交付の条件\n\n基準額は3,000千円とする。\n";
const OSAKA: &str = "---\ntitle: 大阪府の事業\nkind: plan\nprefecture: 27\n---\n## 拠点 {.obligations set=hub}\n\n- 地域の関係者による会議を定期的に開催し、課題の抽出を行うこと\n";
/// A prefecture with a page but no obligation list: it has a profile, and no data on the map.
const TOKYO: &str =
    "---\ntitle: 東京都の調査\nkind: survey\nprefecture: tokyo\n---\n調査の結果です。\n";

fn site() -> TestSite {
    let site = TestSite::new();
    site.write("site.yaml", SITE);
    site.write("content/guideline.md", GUIDELINE);
    site.write("content/guideline.en.md", GUIDELINE_EN);
    site.write("content/chiba/plan-draft.md", CHIBA_DRAFT);
    site.write("content/chiba/plan.md", CHIBA);
    site.write("content/chiba/subsidy.md", CHIBA_SUBSIDY);
    site.write("content/osaka.md", OSAKA);
    site.write("content/tokyo.md", TOKYO);
    site
}

/// The text of `html` from the first `from` to the next `to` after it.
fn between<'h>(html: &'h str, from: &str, to: &str) -> &'h str {
    let start = html
        .find(from)
        .unwrap_or_else(|| panic!("no {from:?} in the page"));
    let rest = &html[start..];
    &rest[..rest.find(to).map_or(rest.len(), |e| e + to.len())]
}

#[test]
fn each_prefecture_with_a_page_has_a_profile_in_both_languages() {
    let site = site();
    site.build_ok();
    for slug in ["chiba", "osaka", "tokyo"] {
        assert!(site.exists(&format!("compare/prefecture/{slug}/index.html")));
        assert!(site.exists(&format!("en/compare/prefecture/{slug}/index.html")));
    }
    assert!(!site.exists("compare/prefecture/aomori/index.html"));

    let ja = site.read("compare/prefecture/chiba/index.html");
    assert!(ja.contains("<h1>千葉県</h1>"), "{ja}");
    // Coverage of the set, with the obligation it leaves out and its own addition.
    let sets = between(&ja, "id=\"sh-sets\"", "</table>");
    assert!(sets.contains("<td class=\"num\">2/3</td>"), "{sets}");
    assert!(
        sets.contains("<a href=\"/obligations/hub-3/\">hub-3</a>"),
        "{sets}"
    );
    // Every variable given per page, with its state and source: stated on the subsidy page,
    // not stated (記載なし) for the rate.
    let facts = between(&ja, "id=\"sh-facts\"", "</table>");
    assert!(facts.contains("3,000千円"), "{facts}");
    assert!(facts.contains("fact not_stated"), "{facts}");
    assert!(
        facts.contains("href=\"/chiba/subsidy/#交付の条件\""),
        "{facts}"
    );
    // The per-obligation fact of its item.
    let item_facts = between(&ja, "id=\"sh-item-facts-hub\"", "</table>");
    assert!(item_facts.contains("予算上限"), "{item_facts}");
    assert!(item_facts.contains("1拠点あたり1,060千円"), "{item_facts}");
    // Its documents by date with their versions: the draft, then the plan that supersedes it.
    let documents = between(&ja, "id=\"sh-documents\"", "</section>");
    let draft = documents.find("千葉県の計画（案）").expect("the draft");
    let plan = documents.find("千葉県の計画</a>").expect("the plan");
    assert!(draft < plan, "{documents}");
    assert!(documents.contains("千葉県の補助金"), "{documents}");

    let en = site.read("en/compare/prefecture/chiba/index.html");
    assert!(en.contains("<h1>Chiba</h1>"), "{en}");
    assert!(en.contains("href=\"/en/compare/hub/\""), "{en}");
    // Untranslated titles are marked as Japanese.
    assert!(en.contains("lang=\"ja\">千葉県の計画"), "{en}");

    // Tokyo has a page but no list of the set: no data, said in words.
    let tokyo = site.read("en/compare/prefecture/tokyo/index.html");
    assert!(
        between(&tokyo, "id=\"sh-sets\"", "</table>").contains("no data"),
        "{tokyo}"
    );
}

#[test]
fn the_index_maps_all_47_prefectures_per_set_with_the_figures_as_a_table() {
    let site = site();
    site.build_ok();
    for (file, no_data) in [
        ("compare/index.html", "データなし"),
        ("en/compare/index.html", "no data"),
    ] {
        let html = site.read(file);
        let map = between(&html, "<svg class=\"tile-map\"", "</svg>");
        assert_eq!(map.matches("<rect ").count(), 47, "{map}");
        // Chiba covers 2 of 3: a link to its profile, its figure written in the tile.
        let prefix = if file.starts_with("en/") { "/en" } else { "" };
        let chiba = between(
            map,
            &format!("<a href=\"{prefix}/compare/prefecture/chiba/\""),
            "</a>",
        );
        assert!(chiba.contains("class=\"tile most\""), "{chiba}");
        assert!(chiba.contains(">2/3</text>"), "{chiba}");
        // Tokyo has a profile but no data for the set; Aomori has no page at all: no link.
        let tokyo = between(
            map,
            &format!("<a href=\"{prefix}/compare/prefecture/tokyo/\""),
            "</a>",
        );
        assert!(tokyo.contains(&format!(">{no_data}</text>")), "{tokyo}");
        assert!(!map.contains("/compare/prefecture/aomori/"), "{map}");
        assert_eq!(map.matches("<a href=").count(), 3, "{map}");
        // The same figures as a table, by JIS code.
        let table = between(&html, "<table class=\"coverage-table\">", "</table>");
        assert_eq!(table.matches("<tr>").count(), 48, "{table}");
        let hokkaido = table.find("<td class=\"num\">").unwrap();
        assert!(table[hokkaido..].starts_with(&format!("<td class=\"num\">{no_data}</td>")));
        assert!(table.contains(">2/3</td>"), "{table}");
    }
    assert!(site.read("en/compare/index.html").contains(">Chiba</text>"));
    assert!(site.read("compare/index.html").contains(">千葉</text>"));
}

#[test]
fn the_set_page_opens_with_a_compact_matrix_linking_to_the_detail() {
    let site = site();
    site.build_ok();
    let html = site.read("en/compare/hub/index.html");
    let matrix = between(&html, "<table class=\"compare matrix\">", "</table>");
    // A badge per cell linking to its detail, a count per row and per column.
    assert!(
        matrix.contains("<a class=\"class-badge verbatim\" href=\"#hub-1-chiba\">"),
        "{matrix}"
    );
    assert!(
        matrix.contains("<a class=\"class-badge gap\" href=\"#hub-3-osaka\">"),
        "{matrix}"
    );
    assert!(matrix.contains("<td class=\"num\">2/2</td>"), "{matrix}");
    assert!(matrix.contains("<td class=\"num\">0/2</td>"), "{matrix}");
    assert!(
        matrix.contains("<td class=\"num\" data-p=\"chiba\">2/3</td>"),
        "{matrix}"
    );
    assert!(matrix.contains("<a href=\"#own-chiba\">1</a>"), "{matrix}");
    // The matrix comes first; every badge's target is a cell of the detail.
    let detail_at = html.find("id=\"sh-detail\"").unwrap();
    assert!(html.find("<table class=\"compare matrix\">").unwrap() < detail_at);
    for target in ["hub-1-chiba", "hub-3-osaka", "own-chiba"] {
        assert!(
            html[detail_at..].contains(&format!("id=\"{target}\"")),
            "{target}"
        );
    }
    // The chooser: a checkbox per prefecture, all ticked, in a fieldset with a legend.
    let chooser = between(&html, "<fieldset>", "</fieldset>");
    assert!(chooser.contains("<legend>"), "{chooser}");
    assert_eq!(chooser.matches("type=\"checkbox\"").count(), 2);
    assert_eq!(chooser.matches(" checked>").count(), 2);
    assert!(!html.contains("<script"), "the chooser needs no script");
}

/// The chooser hides a column through CSS: the stylesheet has a rule for every prefecture.
#[test]
fn the_stylesheet_can_hide_every_prefectures_column() {
    let css =
        std::fs::read_to_string(common::repo().join("themes/default/static/style.css")).unwrap();
    for p in &PREFECTURES {
        let rule = format!("body:has(#show-{0}:not(:checked)) [data-p=\"{0}\"]", p.slug);
        assert!(css.contains(&rule), "no rule for {}", p.slug);
    }
}

#[test]
fn links_to_profiles_are_checked() {
    let site = site();
    site.write(
        "content/links.md",
        "---\ntitle: リンク\n---\n[千葉](/compare/prefecture/chiba/)\n",
    );
    site.build_ok();
    site.write(
        "content/links.md",
        "---\ntitle: リンク\n---\n[青森](/compare/prefecture/aomori/)\n",
    );
    let run = site.build();
    assert!(!run.ok, "a link to a profile that does not exist is broken");
    assert!(
        run.stderr.contains("/compare/prefecture/aomori/"),
        "{}",
        run.stderr
    );
}

/// A site of all 47 prefectures, each quoting a set of eight obligations (some left out, some
/// changed).
fn site_47() -> TestSite {
    let site = TestSite::new();
    site.write("site.yaml", SITE);
    let extra: String = (1..=5)
        .map(|n| format!("- 第{n}の事項として、関係者の研修と情報共有の仕組みを整えること\n"))
        .collect();
    site.write("content/guideline.md", &format!("{GUIDELINE}{extra}"));
    let extra_en: String = (1..=5)
        .map(|n| format!("- As item {n}, arrange training and sharing of information\n"))
        .collect();
    site.write(
        "content/guideline.en.md",
        &format!("{GUIDELINE_EN}{extra_en}"),
    );
    for p in &PREFECTURES {
        let mut items =
            String::from("- 地域の関係者による会議を定期的に開催し、課題の抽出を行うこと\n");
        if p.code % 3 != 0 {
            items.push_str("- 在宅医療の提供体制に関する関係機関との調整を行うこと\n");
        }
        if p.code % 2 == 0 {
            items.push_str("- 住民への普及啓発を広く実施すること\n");
        }
        site.write(
            &format!("content/{}.md", p.slug),
            &format!(
                "---\ntitle: {}の計画\nkind: plan\nprefecture: {}\n---\n## 拠点 {{.obligations set=hub}}\n\n{items}",
                p.ja, p.slug
            ),
        );
    }
    site
}

/// Scrolls the `index`th table wrapper of the page by (`down`, `across`) and says where its
/// 20th header cell and its 3rd row's header cell were drawn before and after, with how far it
/// scrolled and whether it can scroll down at all.
const SCROLL: &str = r#"((index, down, across) => {
  const wrap = document.querySelectorAll('.scroll-both')[index];
  const header = wrap.querySelector('thead th:nth-child(20)');
  const first = wrap.querySelector('tbody tr:nth-child(3) th');
  const at = () => [header.getBoundingClientRect().top, first.getBoundingClientRect().left,
                    first.getBoundingClientRect().top];
  const before = at();
  wrap.scrollTop = down; wrap.scrollLeft = across;
  const after = at();
  const w = wrap.getBoundingClientRect();
  return JSON.stringify({ before, after, top: wrap.scrollTop, left: wrap.scrollLeft,
    wrapTop: w.top, wrapLeft: w.left, tall: wrap.scrollHeight > wrap.clientHeight });
})"#;

/// At `width` px, the `index`th wrapper scrolls across (and down, where `tall`) while its
/// header row and first column stay at its edges (within the 1px of the table's border, which
/// scrolls away).
fn assert_sticky(browser: &mut Browser, index: usize, width: u32, tall: bool) {
    let json = browser.text(&format!("{SCROLL}({index}, 120, 400)"));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let f = |k: &str, i: usize| v[k][i].as_f64().unwrap();
    let what = format!("table {index} at {width} px: {json}");
    assert!(
        v["left"].as_f64().unwrap() > 0.0,
        "does not scroll across: {what}"
    );
    assert_eq!(v["tall"].as_bool(), Some(tall), "{what}");
    if tall {
        assert!(
            v["top"].as_f64().unwrap() > 0.0,
            "does not scroll down: {what}"
        );
        assert!(
            f("after", 2) < f("before", 2),
            "rows do not move up: {what}"
        );
    }
    // Scrolled down, the header row sits at the wrapper's top edge (the caption above it has
    // scrolled away); scrolled across, the first column at its left edge.
    let (wrap_top, wrap_left) = (
        v["wrapTop"].as_f64().unwrap(),
        v["wrapLeft"].as_f64().unwrap(),
    );
    let header_at = if tall { wrap_top } else { f("before", 0) };
    assert!(
        (f("after", 0) - header_at).abs() <= 1.5,
        "the header row moved: {what}"
    );
    assert!(
        (f("after", 1) - wrap_left).abs() <= 1.5,
        "the first column moved: {what}"
    );
}

/// At 390 and 1280 px the compact matrix and the detail table scroll inside their wrappers (the
/// detail both ways) while their header row and first column stay in view; unticking a
/// prefecture hides its column, without a script.
#[test]
fn the_tables_keep_their_header_and_first_column_in_view_while_they_scroll() {
    let Some(mut browser) = Browser::start_if_installed() else {
        return;
    };
    let site = site_47();
    let run = site.run(&["build", "--relative"]);
    assert!(run.ok, "{}", run.stderr);
    let out = site.path("public").canonicalize().unwrap();
    let url = format!("file://{}/en/compare/hub/index.html", out.display());
    for width in [390, 1280] {
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({"width": width, "height": 700, "deviceScaleFactor": 1, "mobile": width < 600}),
        );
        browser.open(&url);
        // The matrix of eight obligations fits the wrapper's height: it scrolls across only.
        assert_sticky(&mut browser, 0, width, false);
        assert_sticky(&mut browser, 1, width, true);
    }
    // The chooser hides Hokkaido's column without a script.
    let shown = "getComputedStyle(document.querySelector('.matrix [data-p=hokkaido]')).display";
    assert_eq!(browser.text(shown), "table-cell");
    browser.eval("document.getElementById('show-hokkaido').click()");
    assert_eq!(browser.text(shown), "none");
    browser.eval("document.querySelector('.pref-chooser button[type=reset]').click()");
    assert_eq!(browser.text(shown), "table-cell");
}
