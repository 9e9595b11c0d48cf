//! A sample of every context struct, each optional field present and each list one item long, so
//! that the sample of a template's context shows every field the template could read.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::{Map, Value};

use super::*;
use crate::guidance::dates::DateValue;

/// `extra:` is the author's own map: any key may be read from it.
pub static EXTRA: Value = Value::Null;

/// A sample of each template's whole context, by template.
pub fn templates(t: &Map<String, Value>) -> Vec<(&'static str, Value)> {
    let page = || value(&context(t, PageView { page: page() }));
    vec![
        ("home.html", page()),
        ("section.html", page()),
        ("page.html", page()),
        ("tags.html", value(&context(t, tag_index()))),
        ("tag.html", value(&context(t, tag_view()))),
        ("404.html", value(&context(t, NotFoundView {}))),
        ("search.html", value(&context(t, search()))),
        ("glossary.html", value(&context(t, glossary()))),
        ("compare-index.html", value(&context(t, compare_index()))),
        ("compare.html", value(&context(t, obligation_table()))),
        ("obligation.html", value(&context(t, obligation()))),
        ("facts.html", value(&context(t, fact_table()))),
        ("changes.html", value(&context(t, changes()))),
        ("data.html", value(&context(t, data_view()))),
        ("codebook.html", value(&context(t, codebook_view()))),
        ("prefecture.html", value(&context(t, profile()))),
        ("partials/head.html", value(&chrome_context(t))),
        ("partials/search-box.html", value(&chrome_context(t))),
        ("partials/nav.html", value(&chrome_context(t))),
        ("partials/footer.html", value(&chrome_context(t))),
    ]
}

/// A sample of each struct that docs/templates.md documents, by the struct's name (`Context` as
/// templates see it: with `LangContext` and `Place` flattened into it, and no view).
pub fn structs(t: &Map<String, Value>) -> Vec<(&'static str, Value)> {
    let p = page();
    vec![
        ("Context", value(&context(t, NotFoundView {}))),
        ("SiteInfo", value(&site())),
        ("LanguageName", value(&language())),
        ("Switch", value(&switch())),
        ("Alternate", value(&alternate())),
        ("NavItem", value(&nav_item())),
        ("ChromeView", value(&chrome())),
        ("ChromeContext", value(&chrome_context(t))),
        ("Breadcrumb", value(&breadcrumb())),
        ("Date", value(&date())),
        ("PageView", value(&PageView { page: page() })),
        ("Page", value(&p)),
        ("PrefectureName", value(&p.prefecture)),
        ("Source", value(&p.source)),
        ("TocEntry", value(&p.toc[0])),
        ("TagLink", value(&p.tags[0])),
        ("PageLink", value(&p.backlinks[0])),
        ("Card", value(&p.children[0])),
        ("FactEntry", value(&p.facts[0])),
        ("ComparisonLink", value(&p.compared_in[0])),
        ("TagIndexView", value(&tag_index())),
        ("TagCount", value(&tag_index().tags[0])),
        ("TagView", value(&tag_view())),
        ("TagPage", value(&tag_view().tag)),
        ("TaggedPage", value(&tag_view().tag.pages[0])),
        ("SearchView", value(&search())),
        ("SearchPage", value(&search().search_page)),
        ("GlossaryView", value(&glossary())),
        ("GlossaryTerm", value(&glossary().terms[0])),
        ("CompareIndexView", value(&compare_index())),
        (
            "ObligationTableLink",
            value(&compare_index().obligation_tables[0]),
        ),
        (
            "Coverage",
            value(&compare_index().obligation_tables[0].prefectures[0]),
        ),
        ("FactTableLink", value(&compare_index().fact_tables[0])),
        ("CoverageMap", value(&coverage_map())),
        ("MapTile", value(&coverage_map().tiles[0])),
        ("MatrixRow", value(&obligation_table().table.matrix[0])),
        (
            "MatrixCell",
            value(&obligation_table().table.matrix[0].cells[0]),
        ),
        ("ProfileView", value(&profile())),
        ("Profile", value(&profile().profile)),
        ("ProfileSet", value(&profile().profile.sets[0])),
        ("ObligationRef", value(&profile().profile.sets[0].gaps[0])),
        ("ProfileItemFacts", value(&profile().profile.item_facts[0])),
        ("ObligationTableView", value(&obligation_table())),
        ("ObligationTable", value(&obligation_table().table)),
        (
            "PrefectureColumn",
            value(&obligation_table().table.columns[0]),
        ),
        ("ObligationRow", value(&obligation_table().table.rows[0])),
        ("ObligationEntry", value(&entry())),
        ("ObligationCell", value(&cell())),
        ("ItemFactView", value(&item_fact())),
        ("FactMatrix", value(&fact_matrix())),
        ("FactMatrixRow", value(&fact_matrix().rows[0])),
        ("ObligationView", value(&obligation())),
        ("Obligation", value(&obligation().obligation)),
        ("Version", value(&obligation().obligation.versions[0])),
        ("TimelineDocument", value(&page().timeline[0])),
        ("TimelineVersion", value(&page().timeline[0].versions[0])),
        (
            "ObligationRevision",
            value(&obligation().obligation.revisions[0]),
        ),
        ("FactTableView", value(&fact_table())),
        ("FactTable", value(&fact_table().table)),
        ("FactColumn", value(&fact_table().table.columns[0])),
        ("FactRow", value(&fact_table().table.rows[0])),
        ("FactValue", value(&fact_value())),
        ("ChangesView", value(&changes())),
        ("DataView", value(&data_view())),
        ("DataIndex", value(&data_view().data)),
        ("DataTableLink", value(&data_view().data.tables[0])),
        ("CodebookView", value(&codebook_view())),
        ("Codebook", value(&codebook_view().codebook)),
        ("Variable", value(&codebook_view().codebook.variables[0])),
        (
            "CodeEntry",
            value(&codebook_view().codebook.variables[0].codes[0]),
        ),
        (
            "UsedBy",
            value(&codebook_view().codebook.variables[0].used_by[0]),
        ),
        ("StateEntry", value(&codebook_view().codebook.states[0])),
        ("Changes", value(&changes().changes)),
    ]
}

/// The structs that are no more than parts of others: `Context` shows their fields.
pub const FLATTENED: [&str; 3] = ["LangContext", "Place", "NotFoundView"];

fn data_view() -> DataView<'static> {
    DataView {
        data: DataIndex {
            codebook_url: "/en/data/codebook/".into(),
            package_url: "/en/data/datapackage.json".into(),
            facts_csv_url: "/en/data/facts.csv".into(),
            facts_rows: 40,
            facts_columns: 19,
            tables: vec![DataTableLink {
                name: "Hubs",
                kind: "obligations",
                url: "/en/compare/hub/".into(),
                csv_url: "/en/compare/hub.csv".into(),
                json_url: "/en/compare/hub.json".into(),
                rows: 9,
                columns: 14,
            }],
        },
    }
}

fn codebook_view() -> CodebookView<'static> {
    CodebookView {
        codebook: Codebook {
            variables: vec![Variable {
                id: "hub_designee",
                label: "Who acts as the hub",
                definition: Some("The bodies the plan designates"),
                ty: "code",
                type_label: "Code".into(),
                unit: Some("Yen".into()),
                multiple: true,
                scope: "page",
                scope_label: "Once per page".into(),
                codes: vec![CodeEntry {
                    id: "municipality",
                    label: "Municipalities",
                }],
                used_by: vec![UsedBy {
                    name: "Schemes",
                    url: "/en/compare/schemes/".into(),
                }],
            }],
            states: vec![StateEntry {
                name: "not_stated",
                meaning: "The page does not give it.".into(),
            }],
            data_url: "/en/data/".into(),
            facts_csv_url: "/en/data/facts.csv".into(),
        },
    }
}

fn changes() -> ChangesView<'static> {
    let link = |title, url: &str| PageLink {
        title,
        url: url.into(),
        lang: Lang::Ja,
        lang_attr: " lang=\"ja\"",
    };
    ChangesView {
        changes: Changes {
            newer: link("計画", "/en/a/"),
            older: link("計画（案）", "/en/b/"),
            text_lang: Lang::Ja,
            is_fallback: true,
            table: "<table class=\"sh-versions\"></table>".into(),
        },
    }
}

fn value(v: &impl Serialize) -> Value {
    serde_json::to_value(v).expect("contexts serialize")
}

fn context(t: &Map<String, Value>, view: impl Serialize) -> Value {
    let lang = LangContext {
        lang: Lang::En,
        t,
        site: site(),
        serve: true,
    };
    value(&Context {
        lang: &lang,
        title: Cow::Borrowed("Title"),
        place: Place {
            switcher: vec![switch()],
            alternates: vec![alternate()],
            breadcrumbs: vec![breadcrumb()],
        },
        chrome: chrome(),
        chrome_error: None,
        view,
    })
}

fn lang_context(t: &Map<String, Value>) -> LangContext<'_> {
    LangContext {
        lang: Lang::En,
        t,
        site: site(),
        serve: true,
    }
}

fn chrome_context(t: &Map<String, Value>) -> Value {
    value(&ChromeContext {
        lang: &lang_context(t),
        nav: vec![nav_item()],
    })
}

fn chrome() -> ChromeView<'static> {
    ChromeView {
        head: "<link rel=\"stylesheet\" href=\"/style.css\">",
        search_box: "<form></form>",
        nav: "<nav></nav>",
        footer: "<footer></footer>",
    }
}

fn site() -> SiteInfo<'static> {
    SiteInfo {
        title: "Guide",
        description: Some("About"),
        base_path: "/",
        origin: "https://www.pref.example.lg.jp",
        home_url: "/en/".into(),
        feed_url: "/en/atom.xml".into(),
        tags_url: "/en/tags/".into(),
        glossary_url: Some("/en/glossary/".into()),
        search_url: "/en/search/".into(),
        compare_url: "/en/compare/".into(),
        data_url: "/en/data/".into(),
        languages: vec![language()],
    }
}

fn language() -> LanguageName {
    LanguageName {
        code: Lang::Ja,
        name: "日本語",
    }
}

fn switch() -> Switch {
    Switch {
        lang: Lang::Ja,
        name: "日本語",
        url: "/a/".into(),
        current: false,
    }
}

fn alternate() -> Alternate {
    Alternate {
        lang: Lang::Ja,
        permalink: "https://example.jp/a/".into(),
    }
}

fn nav_item() -> NavItem<'static> {
    NavItem {
        title: "Plans",
        lang: Lang::Ja,
        lang_attr: " lang=\"ja\"",
        url: "/en/plans/".into(),
        current: true,
        aria_current: Some("page"),
    }
}

fn breadcrumb() -> Breadcrumb<'static> {
    Breadcrumb {
        title: Cow::Borrowed("Home"),
        url: "/en/".into(),
        lang: Some(Lang::En),
        lang_attr: "",
    }
}

fn date() -> Date {
    Date::new(DateValue::FiscalYear(2018), Lang::En)
}

fn page() -> Page<'static> {
    Page {
        title: "Plan",
        description: Some("A plan"),
        url: "/en/a/".into(),
        permalink: "https://example.jp/en/a/".into(),
        kind: Kind::Plan,
        kind_label: "Plan".into(),
        content: "<p>Body</p>".into(),
        content_lang: Lang::En,
        lang_attr: "",
        is_fallback: false,
        is_stale: false,
        original_url: "/a/".into(),
        draft: false,
        date: Some(date()),
        updated: Some(date()),
        prefecture: Some(PrefectureName {
            code: 12,
            slug: "chiba",
            name: "Chiba",
        }),
        source: Some(Source {
            title: Some("Notice"),
            issuer: Some("Ministry"),
            number: Some("No. 1"),
            url: Some("https://example.jp/notice"),
            date: Some(date()),
        }),
        toc: vec![TocEntry {
            level: 2,
            id: "h",
            title: "Heading",
        }],
        tags: vec![TagLink {
            name: "care",
            url: "/en/tags/care/".into(),
            lang_attr: "",
        }],
        backlinks: vec![PageLink {
            title: "Other",
            url: "/en/b/".into(),
            lang: Lang::En,
            lang_attr: "",
        }],
        superseded_by: Some(PageLink {
            title: "Plan (2030)",
            url: "/en/c/".into(),
            lang: Lang::En,
            lang_attr: "",
        }),
        supersedes: Some(PageLink {
            title: "Plan (draft)",
            url: "/en/d/".into(),
            lang: Lang::En,
            lang_attr: "",
        }),
        changes_url: Some("/en/a/changes/".into()),
        timeline: vec![TimelineDocument {
            versions: vec![TimelineVersion {
                title: "Plan",
                url: "/en/c/".into(),
                lang: Lang::En,
                lang_attr: "",
                date: Some(date()),
                is_current: true,
            }],
        }],
        children: vec![Card {
            title: "Child",
            url: "/en/a/c/".into(),
            description: Some("A child"),
            kind: Kind::Page,
            kind_label: "Page".into(),
            date: Some(date()),
            draft: true,
            lang: Lang::Ja,
            lang_attr: " lang=\"ja\"",
            is_section: false,
        }],
        facts: vec![FactEntry {
            key: "rate",
            label: "Rate",
            raw: "2/3".into(),
            raw_lang_attr: "",
            value: "2/3".into(),
            value_lang_attr: "",
        }],
        compared_in: vec![ComparisonLink {
            name: "Coordination hubs",
            url: "/en/compare/hub/".into(),
        }],
        extra: &EXTRA,
    }
}

fn tag_index() -> TagIndexView<'static> {
    TagIndexView {
        tags: vec![TagCount {
            name: "care",
            url: "/en/tags/care/".into(),
            count: 2,
        }],
    }
}

fn tag_view() -> TagView<'static> {
    TagView {
        tag: TagPage {
            name: "care",
            url: "/en/tags/care/".into(),
            pages: vec![TaggedPage {
                title: "Plan",
                url: "/en/a/".into(),
                description: Some("A plan"),
                lang: Lang::En,
            }],
        },
    }
}

fn search() -> SearchView {
    SearchView {
        search_page: SearchPage {
            index_url: "index.js",
            script_url: "../../search.js".into(),
            results_root: "../".into(),
        },
    }
}

fn glossary() -> GlossaryView<'static> {
    GlossaryView {
        terms: vec![GlossaryTerm {
            id: "hub",
            term: "hub",
            other: "拠点",
            other_lang: Lang::Ja,
            ja: "拠点",
            en: "hub",
            reading: Some("きょてん"),
            definition: "A hub.",
            url: "/en/glossary/#hub".into(),
        }],
    }
}

fn compare_index() -> CompareIndexView<'static> {
    CompareIndexView {
        obligation_tables: vec![ObligationTableLink {
            name: "Hubs",
            url: "/en/compare/hub/".into(),
            csv_url: "/en/compare/hub.csv".into(),
            json_url: "/en/compare/hub.json".into(),
            count: 9,
            prefectures: vec![Coverage {
                name: "Chiba",
                coverage: "7/9".into(),
            }],
        }],
        fact_tables: vec![FactTableLink {
            name: "Schemes",
            url: "/en/compare/schemes/".into(),
            csv_url: "/en/compare/schemes.csv".into(),
            json_url: "/en/compare/schemes.json".into(),
            count: 3,
        }],
        maps: vec![coverage_map()],
    }
}

fn coverage_map() -> CoverageMap<'static> {
    CoverageMap {
        set: "hub",
        name: "Hubs",
        total: 9,
        width: 906,
        height: 496,
        tile_width: 66,
        tile_height: 46,
        tiles: vec![MapTile {
            code: 12,
            slug: "chiba",
            name: "Chiba",
            short: "Chiba",
            covered: Some(7),
            figure: "7/9".into(),
            level: "most",
            url: Some("/en/compare/prefecture/chiba/".into()),
            x: 770,
            y: 300,
            text_x: 803,
            name_y: 319,
            figure_y: 337,
        }],
    }
}

fn profile() -> ProfileView<'static> {
    ProfileView {
        profile: Profile {
            code: 12,
            slug: "chiba",
            name: "Chiba",
            sets: vec![ProfileSet {
                set: "hub",
                name: "Hubs",
                url: "/en/compare/hub/".into(),
                total: 9,
                covered: Some(7),
                gaps: vec![ObligationRef {
                    id: "hub-3",
                    url: "/en/obligations/hub-3/".into(),
                }],
                own: 1,
            }],
            fact_columns: fact_table().table.columns,
            fact_rows: fact_table().table.rows,
            item_facts: vec![ProfileItemFacts {
                set: "hub",
                name: "Hubs",
                labels: vec!["Budget cap"],
                rows: fact_matrix().rows,
            }],
            documents: page().timeline,
        },
    }
}

fn entry() -> ObligationEntry<'static> {
    ObligationEntry {
        text: "Coordinate care.",
        detail: "With everyone.",
        lang: Lang::En,
        source: "/en/prefectures/chiba/#hub-1".into(),
        page_title: "Chiba plan",
        slip: true,
        note: Some("資料の誤記と思われる"),
        facts: vec![item_fact()],
    }
}

fn item_fact() -> ItemFactView<'static> {
    ItemFactView {
        key: "budget_cap",
        label: "Budget cap",
        state: "stated",
        value: "¥1,060,000 per hub".into(),
        lang: Lang::En,
        note: Some("報償費、旅費"),
        source: Some("/en/prefectures/osaka/hub/#hub-1".into()),
    }
}

fn fact_matrix() -> FactMatrix<'static> {
    FactMatrix {
        key: "budget_cap",
        label: "Budget cap",
        definition: Some("The cap per hub"),
        rows: vec![FactMatrixRow {
            id: "hub-1",
            url: "/en/obligations/hub-1/".into(),
            cells: vec![vec![item_fact()]],
        }],
    }
}

fn cell() -> ObligationCell<'static> {
    ObligationCell {
        entry: entry(),
        class: "modified",
        class_label: "Modified".into(),
        similarity: "87%".into(),
        diff_html: "<ins>x</ins>".into(),
    }
}

fn obligation_table() -> ObligationTableView<'static> {
    ObligationTableView {
        table: ObligationTable {
            set: "hub",
            name: "Hubs",
            source: "/en/guideline/".into(),
            source_title: "Guideline",
            csv_url: "/en/compare/hub.csv".into(),
            json_url: "/en/compare/hub.json".into(),
            columns: vec![PrefectureColumn {
                code: 12,
                slug: "chiba",
                name: "Chiba",
                covered: 7,
                total: 9,
                own: vec![entry()],
            }],
            rows: vec![ObligationRow {
                id: "hub-1",
                text: "Coordinate care.",
                lang: Lang::En,
                url: "/en/obligations/hub-1/".into(),
                source: "/en/guideline/#hub-1".into(),
                cells: vec![vec![cell()]],
            }],
            fact_matrices: vec![fact_matrix()],
            matrix: vec![MatrixRow {
                id: "hub-1",
                url: "/en/obligations/hub-1/".into(),
                covered: 1,
                cells: vec![MatrixCell {
                    slug: "chiba",
                    class: "modified",
                    label: "Modified".into(),
                    badge: "M".into(),
                    items: 1,
                    target: "hub-1-chiba".into(),
                }],
            }],
        },
    }
}

fn obligation() -> ObligationView<'static> {
    ObligationView {
        obligation: Obligation {
            id: "hub-1",
            set: "hub",
            set_name: "Hubs",
            text: "Coordinate care.",
            lang: Lang::En,
            source: "/en/guideline/#hub-1".into(),
            source_title: "Guideline",
            compare_url: "/en/compare/hub/".into(),
            versions: vec![Version {
                cell: cell(),
                prefecture: "Chiba",
            }],
            gaps: vec!["Tokyo"],
            revisions: vec![ObligationRevision {
                prefecture: "Chiba",
                older: PageLink {
                    title: "Plan (draft)",
                    url: "/en/d/".into(),
                    lang: Lang::En,
                    lang_attr: "",
                },
                newer: PageLink {
                    title: "Plan",
                    url: "/en/c/".into(),
                    lang: Lang::En,
                    lang_attr: "",
                },
                before: vec![entry()],
                after: vec![entry()],
                diff_html: "会議を<del>年1回</del><ins>定期的に</ins>開催".into(),
            }],
        },
    }
}

fn fact_value() -> FactValue {
    FactValue {
        state: "stated",
        raw: Some("3分の2".into()),
        value: "2/3".into(),
        lang: Lang::En,
        as_of: Some("FY2024".into()),
        note: Some("予算要求".into()),
        source: "/en/subsidies/chiba/#rate".into(),
    }
}

fn fact_table() -> FactTableView<'static> {
    FactTableView {
        table: FactTable {
            id: "schemes",
            name: "Schemes",
            csv_url: "/en/compare/schemes.csv".into(),
            json_url: "/en/compare/schemes.json".into(),
            columns: vec![FactColumn {
                title: "Chiba subsidy",
                url: "/en/subsidies/chiba/".into(),
                lang: Lang::En,
                prefecture: Some("Chiba"),
            }],
            rows: vec![FactRow {
                key: "rate",
                label: "Rate",
                definition: Some("The share of eligible costs paid"),
                values: vec![fact_value()],
            }],
        },
    }
}
