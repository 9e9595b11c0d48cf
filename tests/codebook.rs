//! The codebook (SPEC §6.1): facts as coded variables with explicit states, amounts with what
//! they are per, English values, `as_of`, notes and provenance — asserted on the built HTML, CSV
//! and JSON of a small site, and on the errors authors get.

mod common;

use common::TestSite;
use serde_json::Value;

const SITE: &str = "title: { ja: テスト, en: Test }
base_url: https://ex.jp/
facts:
  hub_designee:
    ja: 拠点を担う主体
    en: Who acts as the hub
    type: code
    multiple: true
    definition: { ja: 医療計画で拠点に位置付ける主体, en: The bodies the plan designates as hubs }
    values:
      municipality: { ja: 市町村, en: Municipalities }
      medical_association: { ja: 郡市区医師会, en: Local medical associations }
  base_amount: { ja: 基準額, en: Base amount, type: yen }
  recipients: { ja: 補助先, en: Recipients, type: text }
  rate: { ja: 補助率, en: Subsidy rate, type: rate }
units: { 事業区域: area, 市町村: municipality }
comparisons:
  subsidies: { ja: 補助制度の比較, en: Subsidies compared, kind: subsidy, facts: [hub_designee, base_amount, recipients, rate] }
";

const WIDE: &str = "---
title: 広域型
kind: subsidy
source: { title: 広域型拠点事業の概要, date: 平成30年度 }
facts:
  hub_designee: [市町村, medical_association]
  base_amount: { value: \"１事業区域あたり 4,657 千円\", as_of: 平成30年度 }
  recipients: { value: 市町村又は法人等, en: Municipalities or corporations }
  rate: 該当なし
---
## 補助制度の内容 {#scheme}

補助基準額は、１事業区域あたり 4,657 千円とする。
";

const CHIBA: &str = "---
title: 千葉県の補助金
kind: subsidy
prefecture: chiba
facts:
  hub_designee: 市町村
  base_amount: { value: \"3,000千円\", per: 市町村, note: 拠点となる市町村ごと }
  recipients: 市町村
---
本文
";

fn site() -> TestSite {
    let site = TestSite::new();
    site.write("site.yaml", SITE);
    site.write("content/wide.md", WIDE);
    site.write("content/chiba.md", CHIBA);
    site
}

fn row<'a>(json: &'a Value, fact: &str) -> &'a Vec<Value> {
    json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["fact"] == fact)
        .unwrap_or_else(|| panic!("no row {fact}"))["values"]
        .as_array()
        .unwrap()
}

#[test]
fn every_value_has_a_state_and_amounts_keep_what_they_are_per() {
    let site = site();
    let run = site.build_ok();
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let json: Value = serde_json::from_str(&site.read("compare/subsidies.json")).unwrap();
    // Columns: Chiba (code 12) first, then the page without a prefecture.
    assert_eq!(json["columns"][0]["title"], "千葉県の補助金");
    assert_eq!(
        json["columns"][1]["document"]["title"],
        "広域型拠点事業の概要"
    );
    assert_eq!(json["columns"][1]["document"]["date"], "FY2018");

    let who = row(&json, "hub_designee");
    assert_eq!(who[0]["state"], "stated");
    assert_eq!(who[0]["value"], serde_json::json!(["municipality"]));
    assert_eq!(
        who[1]["value"],
        serde_json::json!(["municipality", "medical_association"])
    );
    assert_eq!(who[1]["display"], "市町村、郡市区医師会");

    let amount = row(&json, "base_amount");
    assert_eq!(amount[0]["value"], 3_000_000);
    assert_eq!(amount[0]["per"]["ja"], "市町村");
    assert_eq!(amount[0]["note"], "拠点となる市町村ごと");
    assert_eq!(amount[1]["value"], 4_657_000);
    assert_eq!(
        amount[1]["per"],
        serde_json::json!({"ja": "事業区域", "en": "area"})
    );
    assert_eq!(amount[1]["display"], "1事業区域あたり4,657千円");
    assert_eq!(amount[1]["as_of"], "FY2018");
    // Provenance: the page, the heading above where the body writes the amount, the document.
    assert_eq!(amount[1]["provenance"]["page"], "/wide/");
    assert_eq!(amount[1]["provenance"]["anchor"], "scheme");
    assert_eq!(amount[1]["provenance"]["source"], "/wide/#scheme");
    assert_eq!(amount[1]["provenance"]["document"], "広域型拠点事業の概要");
    assert_eq!(amount[1]["provenance"]["document_date"], "FY2018");
    assert_eq!(amount[0]["provenance"]["anchor"], Value::Null);
    assert_eq!(amount[0]["provenance"]["source"], "/chiba/");

    let rate = row(&json, "rate");
    assert_eq!(rate[0]["state"], "not_stated");
    assert_eq!(rate[0]["display"], "記載なし");
    assert!(rate[0].get("value").is_none(), "{}", rate[0]);
    assert_eq!(rate[1]["state"], "not_applicable");
    assert_eq!(rate[1]["display"], "該当なし");
    assert_eq!(rate[1]["raw"], "該当なし");
    for r in json["rows"].as_array().unwrap() {
        for v in r["values"].as_array().unwrap() {
            assert!(v.is_object(), "a bare value in {r}");
            assert!(v["state"].is_string(), "no state in {v}");
        }
    }

    let en: Value = serde_json::from_str(&site.read("en/compare/subsidies.json")).unwrap();
    let amount = row(&en, "base_amount");
    assert_eq!(amount[0]["display"], "¥3,000,000 per municipality");
    assert_eq!(amount[1]["display"], "¥4,657,000 per area");
    assert_eq!(
        row(&en, "hub_designee")[1]["display"],
        "Municipalities, Local medical associations"
    );
    let recipients = row(&en, "recipients");
    assert_eq!(recipients[0]["display"], "市町村");
    assert_eq!(recipients[0]["display_lang"], "ja");
    assert_eq!(recipients[1]["display"], "Municipalities or corporations");
    assert_eq!(recipients[1]["display_lang"], "en");
    assert_eq!(row(&en, "rate")[0]["display"], "Not stated");
    assert_eq!(row(&en, "rate")[1]["display"], "Not applicable");
}

#[test]
fn the_html_shows_states_definitions_and_english_under_the_right_lang() {
    let site = site();
    site.build_ok();
    let ja = site.read("compare/subsidies/index.html");
    assert!(ja.contains("医療計画で拠点に位置付ける主体"), "{ja}");
    assert!(
        ja.contains("<td class=\"fact not_stated\"><span class=\"fact-state\">記載なし</span>"),
        "{ja}"
    );
    assert!(
        ja.contains("<td class=\"fact not_applicable\"><span class=\"fact-state\">該当なし</span>"),
        "{ja}"
    );
    assert!(ja.contains("1事業区域あたり4,657千円"), "{ja}");
    assert!(ja.contains("href=\"/wide/#scheme\""), "{ja}");
    assert!(
        !ja.contains("<td></td>") && !ja.contains("<td class=\"gap\">—</td>"),
        "{ja}"
    );
    let en = site.read("en/compare/subsidies/index.html");
    assert!(en.contains("¥4,657,000 per area"), "{en}");
    assert!(en.contains("¥3,000,000 per municipality"), "{en}");
    assert!(
        en.contains("<span class=\"fact-value\" lang=\"ja\">市町村</span>"),
        "{en}"
    );
    assert!(
        en.contains(">Municipalities or corporations</span>"),
        "{en}"
    );
    assert!(en.contains("Not stated"), "{en}");
    assert!(
        en.contains("The bodies the plan designates as hubs"),
        "{en}"
    );
}

#[test]
fn the_csv_has_state_value_per_and_source_per_page() {
    let site = site();
    site.build_ok();
    let csv = site.read("en/compare/subsidies.csv");
    assert!(csv.starts_with('\u{feff}'));
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header[0], "id");
    assert_eq!(header[2], "千葉県の補助金: state");
    let at = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}: {header:?}"))
    };
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let base = rows.iter().find(|r| r[0] == "base_amount").unwrap();
    assert_eq!(base[at("広域型: value")], "4657000");
    assert_eq!(base[at("広域型: per")], "area");
    assert_eq!(base[at("広域型: as of")], "FY2018");
    assert_eq!(base[at("広域型: number")], "4657000");
    // Absolute, from base_url: a CSV is read away from the site.
    assert_eq!(base[at("広域型: source")], "https://ex.jp/en/wide/#scheme");
    assert_eq!(base[at("広域型: document")], "広域型拠点事業の概要");
    assert_eq!(base[at("千葉県の補助金: note")], "拠点となる市町村ごと");
    let rate = rows.iter().find(|r| r[0] == "rate").unwrap();
    assert_eq!(rate[at("千葉県の補助金: state")], "not_stated");
    assert_eq!(rate[at("広域型: state")], "not_applicable");
    assert_eq!(
        rate[at("広域型: number")],
        "",
        "no number where there is no value"
    );
    let who = rows.iter().find(|r| r[0] == "hub_designee").unwrap();
    assert_eq!(
        who[at("広域型: value")],
        "[\"municipality\",\"medical_association\"]"
    );
}

#[test]
fn an_unknown_code_is_an_error_at_its_line_with_the_closest_code() {
    let site = site();
    site.write(
        "content/bad.md",
        "---\ntitle: 不正\nkind: subsidy\nfacts:\n  hub_designee: 市町\n---\n",
    );
    let run = site.build();
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("content/bad.md:5:1"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`市町` is not one of the declared codes"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `municipality` (市町村)?"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_fact_map_names_its_mistakes() {
    let site = site();
    site.write(
        "content/bad.md",
        "---\ntitle: 不正\nkind: subsidy\nfacts:\n  base_amount:\n    value: 3,000千円\n    as_off: 令和6年度\n  rate: { value: 10/10, en: Full }\n  recipients: { value: 市町村, as_of: 令和13年13月 }\n---\n",
    );
    let run = site.build();
    assert_eq!(run.code, Some(1));
    let e = &run.stderr;
    assert!(
        e.contains("unknown key `as_off`") && e.contains("did you mean `as_of`?"),
        "{e}"
    );
    assert!(e.contains("content/bad.md:5:1"), "{e}");
    assert!(e.contains("whose English is made by shishin"), "{e}");
    assert!(e.contains("content/bad.md:8:1"), "{e}");
    assert!(e.contains("`as_of` of the fact `recipients`"), "{e}");
    assert!(e.contains("content/bad.md:9:1"), "{e}");
}

#[test]
fn a_qualifier_without_english_warns() {
    let site = site();
    site.write(
        "content/x.md",
        "---\ntitle: X\nkind: subsidy\nfacts:\n  base_amount: 1拠点あたり1,060千円\n---\n",
    );
    let run = site.build();
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("the amount is per `拠点`, which has no English in `units:`"),
        "{}",
        run.stderr
    );
    let en: Value = serde_json::from_str(&site.read("en/compare/subsidies.json")).unwrap();
    assert_eq!(row(&en, "base_amount")[2]["display"], "¥1,060,000 per 拠点");
}

const HUB_SITE: &str = "title: { ja: テスト, en: Test }
base_url: https://ex.jp/
obligations:
  sets:
    hub: { ja: 連携の拠点, en: Coordination hubs }
";
const GUIDELINE: &str = "---\ntitle: 指針\nkind: guideline\n---\n## 求められる事項 {.obligations set=hub}\n\n- 地域の関係者による会議を定期的に開催し、課題の抽出を行うこと\n- 住民への普及啓発を実施すること\n";
const GUIDELINE_EN: &str = "---\ntitle: Guideline\nkind: guideline\n---\n## Requirements {.obligations set=hub}\n\n- Hold regular meetings of local stakeholders and identify issues\n- Raise public awareness\n";
const SLIP: &str = "---\ntitle: 千葉県の計画\nkind: plan\nprefecture: chiba\n---\n## 拠点の事項 {.obligations set=hub}\n\n- 地域の関係者による会議を定期的で開催し、課題の抽出を行うこと {#hub-1 .slip note=\"資料の誤記と思われる\"}\n- 住民への普及啓発を実施すること\n";

#[test]
fn a_slip_stays_modified_and_says_so_in_the_cell_csv_and_json() {
    let site = TestSite::new();
    site.write("site.yaml", HUB_SITE);
    site.write("content/guideline.md", GUIDELINE);
    site.write("content/guideline.en.md", GUIDELINE_EN);
    site.write("content/chiba.md", SLIP);
    site.build_ok();
    let json: Value = serde_json::from_str(&site.read("compare/hub.json")).unwrap();
    let cell = &json["prefectures"][0]["cells"]["hub-1"][0];
    assert_eq!(cell["class"], "modified");
    assert_eq!(cell["slip"], true);
    assert_eq!(cell["note"], "資料の誤記と思われる");
    assert_eq!(
        cell["text"],
        "地域の関係者による会議を定期的で開催し、課題の抽出を行うこと"
    );
    assert_eq!(json["prefectures"][0]["cells"]["hub-2"][0]["slip"], false);
    let provenance = &cell["provenance"];
    assert_eq!(provenance["page"], "/chiba/");
    assert_eq!(provenance["anchor"], "hub-1");
    assert_eq!(provenance["source"], "/chiba/#hub-1");
    assert_eq!(provenance["document"], "千葉県の計画");
    let en: Value = serde_json::from_str(&site.read("en/compare/hub.json")).unwrap();
    assert!(en["classes_compare"]
        .as_str()
        .unwrap()
        .contains("compare the Japanese texts"));

    let html = site.read("compare/hub/index.html");
    assert!(html.contains("<span class=\"class-label\">変更あり</span> <span class=\"class-label slip-label\">誤記と思われる差異</span>"), "{html}");
    assert!(
        html.contains("注記: <span>資料の誤記と思われる</span>"),
        "{html}"
    );
    assert!(
        html.contains("「独自の表現」") && html.contains("「独自の追加」"),
        "{html}"
    );
    // The marker is not shown on the prefecture's page.
    let page = site.read("chiba/index.html");
    assert!(!page.contains(".slip") && !page.contains("note="), "{page}");
    let en_html = site.read("en/compare/hub/index.html");
    assert!(
        en_html.contains(">Apparent slip in the source</span>"),
        "{en_html}"
    );
    assert!(
        en_html.contains("Note: <span lang=\"ja\">資料の誤記と思われる</span>"),
        "{en_html}"
    );
    assert!(en_html.contains("compare the Japanese texts"), "{en_html}");
    let obligation = site.read("en/obligations/hub-1/index.html");
    assert!(
        obligation.contains("Apparent slip in the source"),
        "{obligation}"
    );

    let csv = site.read("compare/hub.csv");
    assert!(csv.contains("12 千葉県 注記"), "{csv}");
    assert!(csv.contains("slip; 資料の誤記と思われる"), "{csv}");
    let md = site.run(&["compare", "hub"]);
    assert!(md.stdout.contains("[modified, slip]"), "{}", md.stdout);
}

#[test]
fn a_slip_marker_without_an_id_is_an_error() {
    let site = TestSite::new();
    site.write("site.yaml", HUB_SITE);
    site.write("content/guideline.md", GUIDELINE);
    site.write(
        "content/chiba.md",
        "---\ntitle: 千葉県\nkind: plan\nprefecture: chiba\n---\n## 事項 {.obligations set=hub}\n\n- 住民への普及啓発を実施すること {.slip}\n",
    );
    let run = site.build();
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("content/chiba.md:8:1"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("names no obligation"), "{}", run.stderr);
}

const ITEM_SITE: &str = "title: { ja: テスト, en: Test }
base_url: https://ex.jp/
obligations:
  sets:
    hub: { ja: 連携の拠点, en: Coordination hubs }
facts:
  budget_cap: { ja: 予算上限, en: Budget cap, type: yen, scope: obligation, definition: { ja: 取組ごとの予算の上限, en: The budget cap per activity } }
  municipal_items:
    ja: 市町村事業
    en: Municipal programme items
    type: code
    multiple: true
    scope: obligation
    values:
      a: { ja: （ア）地域の医療・介護の資源の把握, en: (a) Mapping local resources }
      b: { ja: （イ）課題の抽出と対応策の検討, en: (b) Identifying issues }
      e: { ja: （オ）相談支援, en: (e) Consultation support }
units: { 拠点: hub }
";
const OSAKA: &str = "---\ntitle: 大阪府の取組\nkind: plan\nprefecture: osaka\n---\n## 取組 {.obligations set=hub}\n\n1. 地域の関係者による会議を定期的に開催し、課題の抽出を行うこと\n   - 市町村事業：イ（課題抽出と対応策の検討）\n   - 予算上限：【R6年度予算要求額：1拠点あたり1,060千円を上限（報償費、旅費、会場費等）】\n   - 会議の内容の説明\n2. 住民への普及啓発を実施すること\n   - 市町村事業：ア、オ\n   - 予算上限：該当なし（上記①で対応）\n";
const OSAKA_EN: &str = "---\ntitle: Osaka\nkind: plan\nprefecture: osaka\n---\n## Activities {.obligations set=hub}\n\n1. Hold regular meetings of local stakeholders and identify issues\n   - Budget cap: ¥1,060,000 per hub\n   - What the meetings cover\n2. Raise public awareness\n";

fn item_site() -> TestSite {
    let site = TestSite::new();
    site.write("site.yaml", ITEM_SITE);
    site.write("content/guideline.md", GUIDELINE);
    site.write("content/guideline.en.md", GUIDELINE_EN);
    site.write("content/osaka.md", OSAKA);
    site.write("content/osaka.en.md", OSAKA_EN);
    site.write("content/chiba.md", SLIP);
    site
}

#[test]
fn per_obligation_facts_are_in_the_cell_the_json_the_csv_and_a_matrix() {
    let site = item_site();
    let run = site.build_ok();
    assert!(!run.stderr.contains("units:"), "{}", run.stderr);
    assert!(!run.stderr.contains("error"), "{}", run.stderr);
    let json: Value = serde_json::from_str(&site.read("compare/hub.json")).unwrap();
    assert_eq!(json["item_facts"][0]["fact"], "budget_cap");
    assert_eq!(json["item_facts"][1]["fact"], "municipal_items");
    let osaka = json["prefectures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["slug"] == "osaka")
        .unwrap();
    let facts = &osaka["cells"]["hub-1"][0]["facts"];
    assert_eq!(facts["budget_cap"]["state"], "stated");
    assert_eq!(facts["budget_cap"]["value"], 1_060_000);
    assert_eq!(facts["budget_cap"]["per"]["en"], "hub");
    assert_eq!(facts["municipal_items"]["value"], serde_json::json!(["b"]));
    assert_eq!(facts["municipal_items"]["note"], "課題抽出と対応策の検討");
    let facts2 = &osaka["cells"]["hub-2"][0]["facts"];
    assert_eq!(
        facts2["municipal_items"]["value"],
        serde_json::json!(["a", "e"])
    );
    assert_eq!(facts2["budget_cap"]["state"], "not_applicable");
    assert_eq!(facts2["budget_cap"]["note"], "上記①で対応");
    // The lines read as facts leave the detail; the other nested items stay.
    assert_eq!(osaka["cells"]["hub-1"][0]["detail"], "会議の内容の説明");

    let en: Value = serde_json::from_str(&site.read("en/compare/hub.json")).unwrap();
    let osaka_en = en["prefectures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["slug"] == "osaka")
        .unwrap();
    let f = &osaka_en["cells"]["hub-1"][0]["facts"];
    assert_eq!(f["budget_cap"]["display"], "¥1,060,000 per hub");
    assert_eq!(f["municipal_items"]["display"], "(b) Identifying issues");
    assert_eq!(
        osaka_en["cells"]["hub-1"][0]["detail"],
        "What the meetings cover"
    );

    let csv = site.read("compare/hub.csv");
    assert!(
        csv.contains("27 大阪府 予算上限,27 大阪府 市町村事業"),
        "{csv}"
    );
    assert!(
        csv.contains(",,https://ex.jp/osaka/#hub-1,1060000,\"[\"\"b\"\"]\"\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains(",not_applicable,\"[\"\"a\"\",\"\"e\"\"]\""),
        "{csv}"
    );
    assert!(
        csv.contains(",not_stated,not_stated"),
        "Chiba's items give neither: {csv}"
    );

    let html = site.read("compare/hub/index.html");
    assert!(
        html.contains("<dt>予算上限</dt><dd class=\"stated\"><span>1拠点あたり1,060千円</span>"),
        "{html}"
    );
    assert!(
        html.contains("<h2>予算上限</h2>") && html.contains("<h2>市町村事業</h2>"),
        "{html}"
    );
    assert!(html.contains("取組ごとの予算の上限"), "{html}");
    assert!(
        html.contains("<caption>予算上限 — 連携の拠点</caption>"),
        "{html}"
    );
    assert!(
        html.contains("href=\"/osaka/#hub-1\">1拠点あたり1,060千円</a>"),
        "{html}"
    );
    assert!(html.contains("<td class=\"fact not_applicable\""), "{html}");
    assert!(html.contains("（イ）課題の抽出と対応策の検討"), "{html}");
    let en_html = site.read("en/compare/hub/index.html");
    assert!(en_html.contains("<h2>Budget cap</h2>"), "{en_html}");
    assert!(en_html.contains(">¥1,060,000 per hub</a>"), "{en_html}");
    assert!(
        en_html.contains(">(a) Mapping local resources, (e) Consultation support</a>"),
        "{en_html}"
    );
    assert!(en_html.contains("Not applicable"), "{en_html}");
}

#[test]
fn an_unreadable_per_obligation_value_is_an_error_at_its_line() {
    let site = item_site();
    site.write(
        "content/osaka.md",
        &OSAKA.replace("市町村事業：ア、オ", "市町村事業：ア、ケ"),
    );
    let run = site.build();
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("content/osaka.md:13:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("`市町村事業` under this obligation item"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("`ケ` is not one of the declared codes"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_slip_on_a_verbatim_item_warns() {
    let site = TestSite::new();
    site.write("site.yaml", HUB_SITE);
    site.write("content/guideline.md", GUIDELINE);
    site.write(
        "content/chiba.md",
        "---\ntitle: 千葉県\nkind: plan\nprefecture: chiba\n---\n## 事項 {.obligations set=hub}\n\n- 住民への普及啓発を実施すること {#hub-2 .slip}\n",
    );
    let run = site.build();
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stderr.contains("content/chiba.md:8:1"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("marked `.slip`, but its wording is the same as `hub-2`"),
        "{}",
        run.stderr
    );
}
