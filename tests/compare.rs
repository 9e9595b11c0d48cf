//! Obligations and facts compared across prefectures (SPEC §5, §6): a small site with two
//! prefectures — one verbatim item, one changed word, one own addition, one gap, one item marked
//! for two obligations — asserted on the table, the CSV bytes and the JSON.

mod common;

use common::TestSite;
use serde_json::Value;

const SITE: &str = "title: { ja: テスト, en: Test }\nbase_url: https://ex.jp/\nobligations:\n  sets:\n    hub: { ja: 連携の拠点, en: Coordination hubs }\nfacts:\n  base_amount: { ja: 基準額, en: Base amount, type: yen }\n  rate: { ja: 補助率, en: Subsidy rate, type: rate }\n  period: { ja: 補助期間, en: Period, type: fiscal_years }\ncomparisons:\n  subsidies: { ja: 補助制度の比較, en: Subsidies compared, kind: subsidy, facts: [base_amount, rate, period] }\n";

const GUIDELINE: &str = "---\ntitle: 指針\nkind: guideline\n---\n## 求められる事項 {.obligations set=hub}\n\n- 地域の関係者による会議を定期的に開催し、課題の抽出を行うこと\n- 在宅医療の提供体制に関する関係機関との調整を行うこと\n- 住民への普及啓発を実施すること\n";
const GUIDELINE_EN: &str = "---\ntitle: Guideline\nkind: guideline\n---\n## Requirements {.obligations set=hub}\n\n- Hold regular meetings of local stakeholders and identify issues\n- Coordinate with the institutions concerned\n- Raise public awareness\n";
const CHIBA: &str = "---\ntitle: 千葉県の計画\nkind: plan\nprefecture: chiba\n---\n## 拠点の事項 {.obligations set=hub}\n\n- 地域の関係者による会議を定期的で開催し、課題の抽出を行うこと\n- 在宅医療の提供体制に関する関係機関との調整を行うこと\n- 研修会を年2回、\"県内全域\"で開くこと\n";
const OSAKA: &str = "---\ntitle: 大阪府の事業\nkind: plan\nprefecture: 27\n---\n## 拠点 {.obligations set=hub}\n\n- 地域の関係者による会議を定期的に開催し、課題の抽出を行うこと\n  - 予算上限: 1拠点あたり1,060千円\n- 府独自の連絡会と広報を一体で進める {#hub-2 #hub-3}\n";

fn site() -> TestSite {
    let site = TestSite::new();
    site.write("site.yaml", SITE);
    site.write("content/guideline.md", GUIDELINE);
    site.write("content/guideline.en.md", GUIDELINE_EN);
    site.write("content/chiba.md", CHIBA);
    site.write("content/osaka.md", OSAKA);
    site
}

#[test]
fn json_has_classes_gaps_own_additions_and_double_markers() {
    let site = site();
    site.build_ok();
    let json: Value = serde_json::from_str(&site.read("compare/hub.json")).unwrap();
    assert_eq!(json["set"], "hub");
    assert_eq!(json["name"], "連携の拠点");
    assert_eq!(json["obligations"].as_array().unwrap().len(), 3);
    let prefs = json["prefectures"].as_array().unwrap();
    assert_eq!(prefs.len(), 2);
    let (chiba, osaka) = (&prefs[0], &prefs[1]);
    assert_eq!(chiba["code"], 12);
    assert_eq!(chiba["slug"], "chiba");
    assert_eq!(chiba["cells"]["hub-1"][0]["class"], "modified");
    assert_eq!(chiba["cells"]["hub-1"][0]["source"], "/chiba/#hub-1");
    assert_eq!(chiba["cells"]["hub-2"][0]["class"], "verbatim");
    assert_eq!(chiba["gaps"], serde_json::json!(["hub-3"]));
    assert_eq!(
        chiba["own"][0]["text"],
        "研修会を年2回、\"県内全域\"で開くこと"
    );
    assert_eq!(chiba["own"][0]["source"], "/chiba/#hub-own-1");
    assert_eq!(osaka["code"], 27);
    assert_eq!(osaka["cells"]["hub-1"][0]["class"], "verbatim");
    assert_eq!(
        osaka["cells"]["hub-1"][0]["detail"],
        "予算上限: 1拠点あたり1,060千円"
    );
    assert_eq!(osaka["cells"]["hub-2"][0]["class"], "own_wording");
    assert_eq!(osaka["cells"]["hub-3"][0]["class"], "own_wording");
    assert_eq!(
        osaka["cells"]["hub-3"][0]["text"],
        "府独自の連絡会と広報を一体で進める"
    );
    assert_eq!(osaka["gaps"], serde_json::json!([]));

    // The command prints the same JSON.
    let run = site.run(&["compare", "hub", "--format", "json"]);
    assert!(run.ok, "{}", run.stderr);
    assert_eq!(run.stdout, site.read("compare/hub.json"));
}

#[test]
fn matrix_page_shows_coverage_classes_and_the_difference() {
    let site = site();
    site.build_ok();
    let html = site.read("compare/hub/index.html");
    assert!(html.contains("2/3"), "Chiba covers 2 of 3: {html}");
    assert!(html.contains("3/3"), "Osaka covers 3 of 3: {html}");
    assert!(html.contains("<del>に</del><ins>で</ins>"), "{html}");
    assert!(html.contains("class=\"cell modified\""), "{html}");
    assert!(html.contains("class=\"cell verbatim\""), "{html}");
    assert!(html.contains("class=\"cell own_wording\""), "{html}");
    assert!(html.contains("class=\"cell gap\""), "{html}");
    assert!(html.contains("href=\"/chiba/#hub-1\""), "{html}");
    assert!(html.contains("研修会を年2回"), "own additions row: {html}");
    // Marker text is never shown.
    assert!(!html.contains("{#hub-2"), "{html}");
    assert!(!site.read("osaka/index.html").contains("{#hub-2"));

    let one = site.read("obligations/hub-1/index.html");
    assert!(one.contains("千葉県") && one.contains("大阪府"), "{one}");
    assert!(one.contains("<del>に</del><ins>で</ins>"), "{one}");
    let index = site.read("compare/index.html");
    assert!(index.contains("href=\"/compare/hub/\""), "{index}");
    assert!(index.contains("href=\"/compare/subsidies/\""), "{index}");
}

#[test]
fn english_pages_use_english_canonical_text_and_mark_japanese() {
    let site = site();
    site.build_ok();
    let html = site.read("en/compare/hub/index.html");
    assert!(html.contains("<html lang=\"en\""));
    assert!(
        html.contains("Coordinate with the institutions concerned"),
        "{html}"
    );
    assert!(html.contains("Chiba") && html.contains("Osaka"), "{html}");
    assert!(
        html.contains("lang=\"ja\""),
        "untranslated prefecture text is marked: {html}"
    );
    let json: Value = serde_json::from_str(&site.read("en/compare/hub.json")).unwrap();
    assert_eq!(json["obligations"][2]["text"], "Raise public awareness");
    assert_eq!(json["prefectures"][0]["cells"]["hub-2"][0]["lang"], "ja");
}

#[test]
fn csv_has_bom_header_and_quoting() {
    let site = site();
    site.build_ok();
    let bytes = std::fs::read(site.path("public/compare/hub.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut lines = text.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "id,基準の文言,12 千葉県 区分,12 千葉県 記載,12 千葉県 詳細,12 千葉県 類似度,12 千葉県 注記,12 千葉県 出典,27 大阪府 区分,27 大阪府 記載,27 大阪府 詳細,27 大阪府 類似度,27 大阪府 注記,27 大阪府 出典"
    );
    assert!(lines.next().unwrap().starts_with(
        "hub-1,地域の関係者による会議を定期的に開催し、課題の抽出を行うこと,modified,"
    ));
    // Per prefecture: class, text, detail, similarity (0–1, three decimals), note, source URL.
    assert!(text.contains("\r\nhub-1,地域の関係者による会議を定期的に開催し、課題の抽出を行うこと,modified,地域の関係者による会議を定期的で開催し、課題の抽出を行うこと,,0.929,,https://ex.jp/chiba/#hub-1,verbatim,地域の関係者による会議を定期的に開催し、課題の抽出を行うこと,\"予算上限: 1拠点あたり1,060千円\",1.000,,https://ex.jp/osaka/#hub-1\r\n"), "{text}");
    // A gap says so; its other cells are empty.
    assert!(text.contains("\r\nhub-3,住民への普及啓発を実施すること,gap,,,,,,own_wording,府独自の連絡会と広報を一体で進める,"), "{text}");
    // Own additions have a unique id; a field with a quote is quoted and its quotes doubled;
    // the other prefectures' class says their cells do not apply.
    assert!(
        text.contains("\r\nhub-own-chiba-1,,own,\"研修会を年2回、\"\"県内全域\"\"で開くこと\",,,,https://ex.jp/chiba/#hub-own-1,not_applicable,,,,,\r\n"),
        "{text}"
    );
    let ids: Vec<&str> = text
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(ids, ["hub-1", "hub-2", "hub-3", "hub-own-chiba-1"]);
    let run = site.run(&["compare", "hub", "--format", "csv"]);
    assert_eq!(
        run.stdout.as_bytes(),
        std::fs::read(site.path("public/compare/hub.csv")).unwrap()
    );
}

#[test]
fn fact_comparison_normalises_amounts_rates_and_periods() {
    let site = site();
    site.write(
        "content/chiba-subsidy.md",
        "---\ntitle: 千葉県の補助金\nkind: subsidy\nprefecture: chiba\nfacts:\n  base_amount: ３，０００千円\n  rate: １０／１０\n  period: 3年間\n---\n",
    );
    site.write(
        "content/wide.md",
        "---\ntitle: 広域型\nkind: subsidy\nfacts:\n  base_amount: 1拠点あたり4,657千円を上限\n  rate: 初年度：定額、2年目：3分の2、3年目：3分の1\n  period: 平成30年度から平成32年度\n---\n",
    );
    site.build_ok();
    let json: Value = serde_json::from_str(&site.read("compare/subsidies.json")).unwrap();
    assert_eq!(json["id"], "subsidies");
    let columns = json["columns"].as_array().unwrap();
    assert_eq!(columns.len(), 2);
    assert_eq!(columns[0]["title"], "千葉県の補助金");
    assert_eq!(columns[0]["source"], "/chiba-subsidy/");
    let row = |fact: &str| {
        json["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["fact"] == fact)
            .unwrap()
            .clone()
    };
    assert_eq!(row("base_amount")["values"][0]["value"], 3_000_000);
    assert_eq!(row("base_amount")["values"][1]["value"], 4_657_000);
    assert_eq!(row("base_amount")["values"][0]["raw"], "３，０００千円");
    assert_eq!(row("rate")["values"][0]["value"], 1.0);
    assert_eq!(row("rate")["values"][1]["value"][0]["value"], "定額");
    assert_eq!(row("rate")["values"][1]["value"][1]["value"], 0.6667);
    assert_eq!(
        row("period")["values"][0]["value"],
        serde_json::json!({"years": 3})
    );
    assert_eq!(
        row("period")["values"][1]["value"],
        serde_json::json!({"from": 2018, "to": 2020})
    );
    let html = site.read("compare/subsidies/index.html");
    assert!(html.contains("3,000千円"), "{html}");
    assert!(site
        .read("en/compare/subsidies/index.html")
        .contains("¥3,000,000"));
    let md = site.run(&["compare", "subsidies", "--lang", "en"]);
    assert!(md.stdout.contains("¥4,657,000 per 拠点"), "{}", md.stdout);

    site.write(
        "content/bad.md",
        "---\ntitle: 不正\nkind: subsidy\nfacts:\n  rate: たくさん\n---\n",
    );
    let run = site.build();
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("content/bad.md:5:1"), "{}", run.stderr);
    assert!(run.stderr.contains("`rate`"), "{}", run.stderr);
}

#[test]
fn bad_markers_and_unknown_comparisons_are_errors() {
    let site = site();
    site.write(
        "content/x.md",
        "---\ntitle: X\nkind: plan\nprefecture: 新潟県\n---\n## 事項 {.obligations set=hub}\n\n- 何か {#hub-7}\n",
    );
    let run = site.build();
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("`{#hub-7}`"), "{}", run.stderr);
    assert!(run.stderr.contains("content/x.md:8"), "{}", run.stderr);
    site.remove("content/x.md");
    let run = site.run(&["compare", "nothing"]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("hub, subsidies"), "{}", run.stderr);
}

#[test]
fn plain_links_to_comparison_pages_are_checked_and_follow_the_language() {
    let site = site();
    site.write(
        "content/links.md",
        "---\ntitle: リンク\n---\n[表](/compare/hub/) [CSV](/compare/hub.csv) [一](/obligations/hub-1/) [一覧](/compare/)\n",
    );
    site.build_ok();
    let ja = site.read("links/index.html");
    assert!(
        ja.contains("href=\"/compare/hub/\"") && ja.contains("href=\"/obligations/hub-1/\""),
        "{ja}"
    );
    let en = site.read("en/links/index.html");
    assert!(
        en.contains("href=\"/en/compare/hub/\"") && en.contains("href=\"/en/compare/hub.csv\""),
        "{en}"
    );
    site.write(
        "content/links.md",
        "---\ntitle: リンク\n---\n[表](/compare/nope/)\n",
    );
    let run = site.build();
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("content/links.md:4:1"),
        "{}",
        run.stderr
    );
}

/// A guideline read in English before it is translated: the obligation pages name it by its
/// Japanese title, marked as Japanese (WCAG 3.1.2).
#[test]
fn an_untranslated_guideline_is_named_in_japanese_on_english_obligation_pages() {
    let site = site();
    site.remove("content/guideline.en.md");
    site.build_ok();
    let html = site.read("en/obligations/hub-1/index.html");
    let link = html
        .split("class=\"compare-meta\"")
        .nth(1)
        .and_then(|rest| rest.split("</a>").next())
        .unwrap_or_default();
    assert!(link.contains("lang=\"ja\""), "{link}");
    assert!(link.contains("指針"), "{link}");
    // Translated, the English title needs no mark.
    let site = self::site();
    site.build_ok();
    let html = site.read("en/obligations/hub-1/index.html");
    let link = html
        .split("class=\"compare-meta\"")
        .nth(1)
        .unwrap_or_default();
    let link = link.split("</a>").next().unwrap_or_default();
    assert!(!link.contains("lang=\"ja\""), "{link}");
}
