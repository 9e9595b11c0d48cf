//! What a reader finds where (issue: writing with shishin, point 12): prefectures north to
//! south, the comparisons one click away from every page, and no two links with the same words
//! going to different places.

mod common;

use common::TestSite;

const GUIDELINE: &str = "---\ntitle: 拠点の指針\nkind: guideline\n---\n## 求められる事項 {.obligations set=hub}\n\n- 会議を定期的に開催すること\n- 関係機関との調整を行うこと\n";

fn prefecture_page(name: &str) -> String {
    format!("---\ntitle: {name}\n---\n{name}の取組です。\n")
}

/// The `href`s of the links inside the element that starts at `marker`, in order.
fn hrefs_after<'a>(html: &'a str, marker: &str) -> Vec<&'a str> {
    let start = html.find(marker).unwrap_or_else(|| panic!("no {marker}"));
    let part = &html[start..];
    let end = part.find("</ul>").unwrap_or(part.len());
    part[..end]
        .split("href=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect()
}

#[test]
fn prefecture_sections_list_north_to_south_unless_weights_say_otherwise() {
    let site = TestSite::new();
    site.write(
        "content/prefectures/_index.md",
        "---\ntitle: 都道府県\n---\n",
    );
    for (slug, name) in [
        ("osaka", "大阪府"),
        ("chiba", "千葉県"),
        ("fukuoka", "福岡県"),
        ("niigata", "新潟県"),
    ] {
        site.write(
            &format!("content/prefectures/{slug}/_index.md"),
            &prefecture_page(name),
        );
    }
    site.build_ok();
    let order = |html: &str| -> Vec<String> {
        hrefs_after(html, "<main")
            .into_iter()
            .filter_map(|h| {
                h.strip_prefix("/zaitaku/prefectures/")
                    .map(|s| s.trim_end_matches('/').to_string())
            })
            .filter(|s| !s.is_empty())
            .fold(Vec::new(), |mut v, s| {
                if !v.contains(&s) {
                    v.push(s);
                }
                v
            })
    };
    // JIS X 0401: Chiba 12, Niigata 15, Osaka 27, Fukuoka 40.
    assert_eq!(
        order(&site.read("prefectures/index.html")),
        ["chiba", "niigata", "osaka", "fukuoka"]
    );

    // Weights, where given, come first.
    site.write(
        "content/prefectures/fukuoka/_index.md",
        "---\ntitle: 福岡県\nweight: -1\n---\n福岡県の取組です。\n",
    );
    site.build_ok();
    assert_eq!(
        order(&site.read("prefectures/index.html")),
        ["fukuoka", "chiba", "niigata", "osaka"]
    );
}

#[test]
fn the_main_navigation_reaches_the_comparisons_from_every_page() {
    let site = TestSite::new();
    site.write("content/guideline/hub.md", GUIDELINE);
    site.write(
        "content/about.md",
        "---\ntitle: このサイトについて\n---\n本文。\n",
    );
    site.build_ok();
    for (page, compare) in [
        ("index.html", "/zaitaku/compare/"),
        ("about/index.html", "/zaitaku/compare/"),
        ("en/about/index.html", "/zaitaku/en/compare/"),
        ("compare/hub/index.html", "/zaitaku/compare/"),
        ("en/search/index.html", "/zaitaku/en/compare/"),
    ] {
        let html = site.read(page);
        let nav = hrefs_after(&html, "class=\"site-nav\"");
        assert!(
            nav.contains(&compare),
            "{page}: the navigation has no {compare}: {nav:?}"
        );
    }
    assert!(site
        .read("index.html")
        .contains("<a href=\"/zaitaku/compare/\">比較</a>"));
    assert!(site
        .read("en/index.html")
        .contains("<a href=\"/zaitaku/en/compare/\">Comparisons</a>"));
}

#[test]
fn a_guideline_page_links_to_its_comparison() {
    let site = TestSite::new();
    site.write("content/guideline/hub.md", GUIDELINE);
    site.write(
        "content/about.md",
        "---\ntitle: このサイトについて\n---\n本文。\n",
    );
    site.build_ok();
    let html = site.read("guideline/hub/index.html");
    assert!(
        html.contains("<h2 id=\"sh-compared-in\">都道府県の比較表</h2>"),
        "{html}"
    );
    assert_eq!(
        hrefs_after(&html, "id=\"sh-compared-in\""),
        ["/zaitaku/compare/hub/"]
    );
    let en = site.read("en/guideline/hub/index.html");
    assert!(
        en.contains("<h2 id=\"sh-compared-in\">Compared across prefectures</h2>"),
        "{en}"
    );
    assert_eq!(
        hrefs_after(&en, "id=\"sh-compared-in\""),
        ["/zaitaku/en/compare/hub/"]
    );
    // A page without obligation lists has no such section.
    assert!(!site.read("about/index.html").contains("sh-compared-in"));
}

/// WCAG 2.4.4: two links with the same words must go to the same place.
#[test]
fn an_obligation_page_never_gives_two_places_the_same_link_text() {
    let site = TestSite::new();
    site.write("content/guideline/hub.md", GUIDELINE);
    site.write(
        "content/prefectures/chiba/plan.md",
        "---\ntitle: 千葉県の計画\nkind: plan\nprefecture: 千葉県\n---\n## 拠点に求められる事項 {.obligations set=hub}\n\n- 会議を定期的に開催すること\n- 関係機関との調整を行うこと\n",
    );
    site.build_ok();
    for page in [
        "obligations/hub-1/index.html",
        "en/obligations/hub-1/index.html",
    ] {
        let html = site.read(page);
        let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
        let mut seen: std::collections::HashMap<String, String> = Default::default();
        for a in main.split("<a ").skip(1) {
            let href = &a[a.find("href=\"").unwrap() + 6..];
            let href = &href[..href.find('"').unwrap()];
            let text = &a[a.find('>').unwrap() + 1..a.find("</a>").unwrap()];
            if let Some(other) = seen.insert(text.to_string(), href.to_string()) {
                assert_eq!(
                    other, href,
                    "{page}: 「{text}」 links to {other} and to {href}"
                );
            }
        }
    }
}
