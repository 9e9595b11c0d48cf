//! What templates see: one typed context per template, each a borrowed view of the model made for
//! rendering.
//!
//! These structs are the source of truth of docs/templates.md: a field a template reads must be one
//! of theirs (`templates_read_only_fields_their_context_has` checks every template of the default
//! theme), and every field is documented there (`the_template_docs_list_every_field`). Serde names
//! are the Rust names. An `Option` serializes as `null`: "absent" for a template, false in `if`.
//!
//! [`LangContext`] is the part that depends only on the language: the renderer builds it once per
//! language, and each view borrows it.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::guidance::dates::DateValue;
use crate::guidance::prefecture::Prefecture;
use crate::model::{Kind, Lang};

/// A template's whole context: what every template gets, and what its kind of view adds.
#[derive(Serialize)]
pub struct Context<'a, V> {
    /// `lang`, `t`, `site`, `serve`.
    #[serde(flatten)]
    pub lang: &'a LangContext<'a>,
    /// The title of what is rendered (always set).
    pub title: Cow<'a, str>,
    /// `switcher`, `alternates`, `breadcrumbs`.
    #[serde(flatten)]
    pub place: Place<'a>,
    /// The parts rendered once per language and section, as HTML.
    pub chrome: ChromeView<'a>,
    /// Why `chrome` is empty: a chrome partial failed, and so does every view.
    #[serde(skip)]
    pub chrome_error: Option<crate::diagnostics::Diagnostic>,
    /// What the view's own template needs (`page`, `tag`, `table`, …).
    #[serde(flatten)]
    pub view: V,
}

/// The variables of every template that depend only on the language.
#[derive(Serialize)]
pub struct LangContext<'a> {
    /// The language of the page being rendered: `"ja"` or `"en"`.
    pub lang: Lang,
    /// The theme's UI strings in `lang`, from `i18n/{lang}.yaml`.
    pub t: &'a Map<String, Value>,
    /// The site in `lang`.
    pub site: SiteInfo<'a>,
    /// True when rendered by `shishin serve`.
    pub serve: bool,
}

/// The site as one language shows it.
#[derive(Serialize)]
pub struct SiteInfo<'a> {
    /// The site's title in `lang`.
    pub title: &'a str,
    /// The site's description in `lang`, or absent.
    pub description: Option<&'a str>,
    /// `/` or the path of `base_url` (`/zaitaku/`): the prefix of theme assets.
    pub base_path: &'a str,
    /// The scheme and host of `base_url` (`https://www.pref.example.lg.jp`): before a
    /// site-absolute path, a link's full address, which the print stylesheet writes out.
    pub origin: &'a str,
    /// The home page in `lang`.
    pub home_url: String,
    /// The Atom feed in `lang`.
    pub feed_url: String,
    /// The tag index in `lang`.
    pub tags_url: String,
    /// The glossary in `lang`, or absent when the site has no glossary.
    pub glossary_url: Option<String>,
    /// The search page in `lang`: the `action` of a search box.
    /// The index of the comparisons (`/compare/`), which the main navigation reaches.
    pub compare_url: String,
    pub search_url: String,
    /// The data downloads in `lang` (SPEC §11).
    pub data_url: String,
    /// The site's languages.
    pub languages: Vec<LanguageName>,
}

/// A language and its name in itself.
#[derive(Serialize)]
pub struct LanguageName {
    /// `ja` or `en`.
    pub code: Lang,
    /// 日本語, English.
    pub name: &'static str,
}

/// What the partials rendered once (`render/chrome.rs`) are rendered with.
#[derive(Serialize)]
pub struct ChromeContext<'a> {
    /// `lang`, `t`, `site`, `serve`.
    #[serde(flatten)]
    pub lang: &'a LangContext<'a>,
    /// The top-level sections in `lang`, the current one marked (none in the partials rendered
    /// once per language).
    pub nav: Vec<NavItem<'a>>,
}

/// The chrome as one view prints it: `chrome` in every template's context.
#[derive(Serialize, Default)]
pub struct ChromeView<'a> {
    /// `partials/head.html`: the head's links that depend only on the language.
    pub head: &'a str,
    /// `partials/search-box.html`: the search box of the header.
    pub search_box: &'a str,
    /// `partials/nav.html`: the main navigation, the current section marked.
    pub nav: &'a str,
    /// `partials/footer.html`: the footer.
    pub footer: &'a str,
}

/// Where a view is: the same view in each language, and the breadcrumbs.
#[derive(Serialize)]
pub struct Place<'a> {
    /// The same view in each language, for the language switcher.
    pub switcher: Vec<Switch>,
    /// The page in each language, for `<link rel="alternate" hreflang>`; empty for generated views.
    pub alternates: Vec<Alternate>,
    /// From the home page down to the parent of the current view.
    pub breadcrumbs: Vec<Breadcrumb<'a>>,
}

/// One entry of the language switcher.
#[derive(Serialize)]
pub struct Switch {
    /// The language it switches to.
    pub lang: Lang,
    /// The language's name in itself (日本語, English).
    pub name: &'static str,
    /// The same view in that language.
    pub url: String,
    /// True for the language being rendered.
    pub current: bool,
}

/// The page's address in one language.
#[derive(Serialize)]
pub struct Alternate {
    /// The language of that address.
    pub lang: Lang,
    /// Absolute (`https://…`).
    pub permalink: String,
}

/// A top-level section in the main navigation.
#[derive(Serialize)]
pub struct NavItem<'a> {
    /// The section's title, in `lang`.
    pub title: &'a str,
    /// The language of `title` (Japanese where the section is not translated).
    pub lang: Lang,
    /// ` lang="ja"` when `lang` is not the page's language, else empty: markup, print it `| safe`.
    pub lang_attr: &'static str,
    /// The section in `lang`.
    pub url: String,
    /// True when the section is the current page or one of its parents.
    pub current: bool,
    /// `page` when the section is the current page, `true` when it is one of its parents, else
    /// absent: the value of `aria-current`.
    pub aria_current: Option<&'static str>,
}

/// One step of the breadcrumbs.
#[derive(Serialize)]
pub struct Breadcrumb<'a> {
    /// The step's title.
    pub title: Cow<'a, str>,
    /// Where it goes.
    pub url: String,
    /// The language of `title`; absent on the home step of the tag, search, glossary and 404
    /// pages, where templates guess it from the title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// ` lang="…"` when `lang` (or, where it is absent, the language guessed from `title`) is
    /// not the page's, else empty: markup, print it `| safe`.
    pub lang_attr: &'static str,
}

/// A date as a reader of `lang` sees it.
#[derive(Serialize)]
pub struct Date {
    /// Machine-readable: `2023-03-31`, or `FY2018` for a fiscal year.
    pub iso: String,
    /// In `lang`: `令和5年3月31日`, `31 March 2023`, `平成30年度`, `FY2018`.
    pub display: String,
    /// True for a whole fiscal year, whose `iso` is no valid `<time datetime>`.
    pub is_fiscal_year: bool,
}

impl Date {
    pub fn new(d: DateValue, lang: Lang) -> Date {
        Date {
            iso: d.iso(),
            display: d.display(lang),
            is_fiscal_year: matches!(d, DateValue::FiscalYear(_)),
        }
    }
}

/// The view of `home.html`, `section.html` and `page.html`.
#[derive(Serialize)]
pub struct PageView<'a> {
    /// The page.
    pub page: Page<'a>,
}

/// A page in one language.
#[derive(Serialize)]
pub struct Page<'a> {
    /// The title, in `content_lang`.
    pub title: &'a str,
    /// The summary, in `content_lang`, or absent.
    pub description: Option<&'a str>,
    /// This page in `lang`.
    pub url: String,
    /// This page in `lang`, absolute.
    pub permalink: String,
    /// `guideline`, `plan`, `subsidy`, `survey` or `page`.
    pub kind: Kind,
    /// The kind's name in `lang`.
    pub kind_label: String,
    /// The body as HTML, already safe.
    pub content: String,
    /// The language of the body and title: differs from `lang` on a fallback page.
    pub content_lang: Lang,
    /// ` lang="…"` when `content_lang` is not `lang`, else empty: markup, print it `| safe`.
    pub lang_attr: &'static str,
    /// True on `/en/…` when there is no English translation and the Japanese text is shown.
    pub is_fallback: bool,
    /// True when the translation was made from an older Japanese text.
    pub is_stale: bool,
    /// The Japanese page.
    pub original_url: String,
    /// True for drafts.
    pub draft: bool,
    /// The page's date, or absent.
    pub date: Option<Date>,
    /// When the page was last updated, or absent.
    pub updated: Option<Date>,
    /// The prefecture the page is about, or absent.
    pub prefecture: Option<PrefectureName>,
    /// The official document the page reproduces, or absent.
    pub source: Option<Source<'a>>,
    /// The headings of level 2–4, in order.
    pub toc: Vec<TocEntry<'a>>,
    /// The page's tags.
    pub tags: Vec<TagLink<'a>>,
    /// The pages that link here.
    pub backlinks: Vec<PageLink<'a>>,
    /// The newer version that supersedes this page (SPEC §10), or absent.
    pub superseded_by: Option<PageLink<'a>>,
    /// The older version this page supersedes, or absent.
    pub supersedes: Option<PageLink<'a>>,
    /// The 新旧対照表 of this page against `supersedes`, or absent.
    pub changes_url: Option<String>,
    /// The pages of a section (or of the home page) as cards: by weight, then title.
    pub children: Vec<Card<'a>>,
    /// A section whose pages have versions (SPEC §10): its documents by date, each with its
    /// versions oldest first. Empty on other pages.
    pub timeline: Vec<TimelineDocument<'a>>,
    /// The facts the page gives, in the order of `site.yaml`.
    pub facts: Vec<FactEntry<'a>>,
    /// The comparisons of the obligation sets the page lists (a guideline's canonical list, a
    /// prefecture's version): `/compare/SET/`, named in `lang`.
    pub compared_in: Vec<ComparisonLink<'a>>,
    /// The page's `extra:` map, as written.
    pub extra: &'a Value,
}

/// A comparison a page is part of.
#[derive(Serialize)]
pub struct ComparisonLink<'a> {
    /// The set's name in `lang` (`site.yaml`, `obligations.sets`).
    pub name: &'a str,
    pub url: String,
}

/// A prefecture, named in `lang`.
#[derive(Serialize)]
pub struct PrefectureName {
    /// JIS X 0401 code, 1–47.
    pub code: u8,
    /// Lower-case ASCII (`chiba`).
    pub slug: &'static str,
    /// The name in `lang`.
    pub name: &'static str,
}

impl PrefectureName {
    pub fn new(p: &'static Prefecture, lang: Lang) -> PrefectureName {
        PrefectureName {
            code: p.code,
            slug: p.slug,
            name: p.name(lang),
        }
    }
}

/// The official document a page reproduces; any field may be absent.
#[derive(Serialize)]
pub struct Source<'a> {
    /// The document's title.
    pub title: Option<&'a str>,
    /// Who issued it.
    pub issuer: Option<&'a str>,
    /// Its number (`医政発0331第1号`).
    pub number: Option<&'a str>,
    /// Where it is published.
    pub url: Option<&'a str>,
    /// Its date.
    pub date: Option<Date>,
}

/// A heading of the page, for the table of contents.
#[derive(Serialize)]
pub struct TocEntry<'a> {
    /// 2, 3 or 4.
    pub level: u8,
    /// The heading's anchor.
    pub id: &'a str,
    /// The heading's text, in `content_lang`.
    pub title: &'a str,
}

/// A tag of a page.
#[derive(Serialize)]
pub struct TagLink<'a> {
    /// The tag as written.
    pub name: &'a str,
    /// The tag's page in `lang`.
    pub url: String,
    /// ` lang="…"` when the tag is written in another language than the page's (guessed from `name`), else empty: markup, print it `| safe`.
    pub lang_attr: &'static str,
}

/// Another page, by its title.
#[derive(Serialize)]
pub struct PageLink<'a> {
    /// Its title in `lang`, or in Japanese where it is not translated.
    pub title: &'a str,
    /// The page in `lang`.
    pub url: String,
    /// The language of `title`.
    pub lang: Lang,
    /// ` lang="…"` when `lang` is not the page's, else empty: markup, print it `| safe`.
    pub lang_attr: &'static str,
}

/// A page in a list of pages: a child of a section or of the home page.
#[derive(Serialize)]
pub struct Card<'a> {
    /// Its title, in `lang` (the card's language).
    pub title: &'a str,
    /// The page in the reader's language.
    pub url: String,
    /// Its summary, or absent.
    pub description: Option<&'a str>,
    /// `guideline`, `plan`, `subsidy`, `survey` or `page`.
    pub kind: Kind,
    /// The kind's name in the reader's language.
    pub kind_label: String,
    /// Its date, or absent.
    pub date: Option<Date>,
    /// True for drafts.
    pub draft: bool,
    /// The language of `title` and `description`.
    pub lang: Lang,
    /// ` lang="…"` when `lang` is not the page's, else empty: markup, print it `| safe`.
    pub lang_attr: &'static str,
    /// True when it is a section.
    pub is_section: bool,
}

/// A document of a section's timeline: the versions of one document, oldest first, the last
/// being the current one.
#[derive(Serialize)]
pub struct TimelineDocument<'a> {
    /// Its versions, oldest first.
    pub versions: Vec<TimelineVersion<'a>>,
}

/// One version of a document in a timeline.
#[derive(Serialize)]
pub struct TimelineVersion<'a> {
    /// Its title in `lang`, or in Japanese where it is not translated.
    pub title: &'a str,
    /// The page in `lang`.
    pub url: String,
    /// The language of `title`.
    pub lang: Lang,
    /// ` lang="…"` when `lang` is not the page's, else empty: markup, print it `| safe`.
    pub lang_attr: &'static str,
    /// Its date, or absent.
    pub date: Option<Date>,
    /// True for the current version: the one no other page supersedes.
    pub is_current: bool,
}

/// A fact a page gives.
#[derive(Serialize)]
pub struct FactEntry<'a> {
    /// The fact's key in `site.yaml`.
    pub key: &'a str,
    /// Its label in `lang`.
    pub label: &'a str,
    /// The value as written.
    pub raw: String,
    /// ` lang="…"` when `raw` is in another language than the page's (guessed), else empty: markup, print it `| safe`.
    pub raw_lang_attr: &'static str,
    /// The value normalised for `lang` (`¥3.0 million`).
    pub value: String,
    /// ` lang="…"` when `value` is in another language than the page's (guessed), else empty: markup, print it `| safe`.
    pub value_lang_attr: &'static str,
}

/// The view of `changes.html`.
#[derive(Serialize)]
pub struct ChangesView<'a> {
    /// The comparison of two versions.
    pub changes: Changes<'a>,
}

/// A page that supersedes another, compared with it as a 新旧対照表 (SPEC §10).
#[derive(Serialize)]
pub struct Changes<'a> {
    /// The newer version (the page this changes page belongs to).
    pub newer: PageLink<'a>,
    /// The older version it supersedes.
    pub older: PageLink<'a>,
    /// The language of the texts compared: Japanese on `/en/…` unless both versions are translated.
    pub text_lang: Lang,
    /// True on `/en/…` when the Japanese texts are compared.
    pub is_fallback: bool,
    /// The table as HTML (already safe): 新 | 旧 | 備考, changed characters in `<ins>` and
    /// `<del>`, unchanged runs collapsed in `<details>`.
    pub table: String,
}

/// The view of `tags.html`.
#[derive(Serialize)]
pub struct TagIndexView<'a> {
    /// Every tag of `lang`, by name.
    pub tags: Vec<TagCount<'a>>,
}

/// A tag and how many pages carry it.
#[derive(Serialize)]
pub struct TagCount<'a> {
    /// The tag as written.
    pub name: &'a str,
    /// The tag's page.
    pub url: String,
    /// How many pages of `lang` carry it.
    pub count: usize,
}

/// The view of `tag.html`.
#[derive(Serialize)]
pub struct TagView<'a> {
    /// The tag.
    pub tag: TagPage<'a>,
}

/// One tag and its pages.
#[derive(Serialize)]
pub struct TagPage<'a> {
    /// The tag as written.
    pub name: &'a str,
    /// This tag page.
    pub url: String,
    /// The pages that carry it.
    pub pages: Vec<TaggedPage<'a>>,
}

/// A page that carries a tag.
#[derive(Serialize)]
pub struct TaggedPage<'a> {
    /// Its title, in `lang` (the entry's language).
    pub title: &'a str,
    /// The page in the reader's language.
    pub url: String,
    /// Its summary, or absent.
    pub description: Option<&'a str>,
    /// The language of `title` and `description`.
    pub lang: Lang,
}

/// The view of `404.html`: nothing beyond what every template gets.
#[derive(Serialize)]
pub struct NotFoundView {}

/// The view of `search.html`.
#[derive(Serialize)]
pub struct SearchView {
    /// Where the search page finds its scripts and its results.
    pub search_page: SearchPage,
}

/// URLs of the search page, relative so it works under any base path and from `file://`.
#[derive(Serialize)]
pub struct SearchPage {
    /// The index script, beside the page: `index.js`.
    pub index_url: &'static str,
    /// The theme's `search.js`: `../search.js`, `../../search.js`.
    pub script_url: String,
    /// The language root (`../`): results link to it + the page's path.
    pub results_root: String,
}

/// The view of `glossary.html`.
#[derive(Serialize)]
pub struct GlossaryView<'a> {
    /// Every term, by reading (ja) or alphabetically (en).
    pub terms: Vec<GlossaryTerm<'a>>,
}

/// A glossary term.
#[derive(Serialize)]
pub struct GlossaryTerm<'a> {
    /// The term's anchor on the glossary page.
    pub id: &'a str,
    /// The term in `lang`.
    pub term: &'a str,
    /// The term in the other language.
    pub other: &'a str,
    /// The other language.
    pub other_lang: Lang,
    /// The term in Japanese.
    pub ja: &'a str,
    /// The term in English.
    pub en: &'a str,
    /// The kana reading, or absent.
    pub reading: Option<&'a str>,
    /// The definition in `lang`.
    pub definition: &'a str,
    /// The term on the glossary page.
    pub url: String,
}

/// The view of `compare-index.html`.
#[derive(Serialize)]
pub struct CompareIndexView<'a> {
    /// Every obligation set compared.
    pub obligation_tables: Vec<ObligationTableLink<'a>>,
    /// Every fact comparison of `site.yaml`.
    pub fact_tables: Vec<FactTableLink<'a>>,
    /// Per obligation set (same order as `obligation_tables`), the tile-grid map of the 47
    /// prefectures' coverage (SPEC §11).
    pub maps: Vec<CoverageMap<'a>>,
}

/// One obligation set's coverage as a tile-grid map of Japan: a tile per prefecture at its
/// conventional place (`render/map.rs`), in the SVG's units.
#[derive(Serialize)]
pub struct CoverageMap<'a> {
    /// The set's id (`hub`).
    pub set: &'a str,
    /// The set's name in `lang`.
    pub name: &'a str,
    /// How many obligations the set has.
    pub total: usize,
    /// The SVG's width and height (its `viewBox`).
    pub width: u16,
    pub height: u16,
    /// Each tile's width and height.
    pub tile_width: u16,
    pub tile_height: u16,
    /// All 47 prefectures, in the grid's order (north-east first).
    pub tiles: Vec<MapTile>,
}

/// A prefecture's tile on a coverage map.
#[derive(Serialize)]
pub struct MapTile {
    /// JIS X 0401 code.
    pub code: u8,
    /// Lower-case ASCII.
    pub slug: &'static str,
    /// The full name in `lang` (`千葉県`, `Chiba`).
    pub name: &'static str,
    /// The name written in the tile (`千葉`, `Chiba`).
    pub short: &'static str,
    /// How many obligations of the set it covers, or absent where none of its pages lists the set.
    pub covered: Option<usize>,
    /// What the tile says of it: `5/9`, or "no data" in `lang`.
    pub figure: String,
    /// `full`, `most`, `some`, `none` or `nodata`: the tile's fill.
    pub level: &'static str,
    /// Its profile, or absent where the site has no page of the prefecture (the tile is no link).
    pub url: Option<String>,
    /// The tile's top left corner.
    pub x: u16,
    pub y: u16,
    /// Where its two lines of text are centred: across, and the baselines of the name and figure.
    pub text_x: u16,
    pub name_y: u16,
    pub figure_y: u16,
}

/// An obligation comparison in the index.
#[derive(Serialize)]
pub struct ObligationTableLink<'a> {
    /// The set's name in `lang`.
    pub name: &'a str,
    /// The comparison page.
    pub url: String,
    /// Its CSV export.
    pub csv_url: String,
    /// Its JSON export.
    pub json_url: String,
    /// How many obligations the set has.
    pub count: usize,
    /// Each prefecture compared, with how much of the set it covers.
    pub prefectures: Vec<Coverage>,
}

/// How much of a set a prefecture covers.
#[derive(Serialize)]
pub struct Coverage {
    /// The prefecture's name in `lang`.
    pub name: &'static str,
    /// `covered/total` (`7/9`).
    pub coverage: String,
}

/// A fact comparison in the index.
#[derive(Serialize)]
pub struct FactTableLink<'a> {
    /// The comparison's name in `lang`.
    pub name: &'a str,
    /// The comparison page.
    pub url: String,
    /// Its CSV export.
    pub csv_url: String,
    /// Its JSON export.
    pub json_url: String,
    /// How many pages it compares.
    pub count: usize,
}

/// The view of `compare.html`.
#[derive(Serialize)]
pub struct ObligationTableView<'a> {
    /// The set against every prefecture.
    pub table: ObligationTable<'a>,
}

/// One obligation set against every prefecture that quotes it.
#[derive(Serialize)]
pub struct ObligationTable<'a> {
    /// The set's id (`hub`).
    pub set: &'a str,
    /// The set's name in `lang`.
    pub name: &'a str,
    /// The guideline page that defines the set.
    pub source: String,
    /// That page's title.
    pub source_title: &'a str,
    /// The CSV export.
    pub csv_url: String,
    /// The JSON export.
    pub json_url: String,
    /// One per prefecture, by JIS code.
    pub columns: Vec<PrefectureColumn<'a>>,
    /// One per canonical obligation.
    pub rows: Vec<ObligationRow<'a>>,
    /// One per fact that the items give per obligation (`scope: obligation`).
    pub fact_matrices: Vec<FactMatrix<'a>>,
    /// The compact matrix the page opens with: one per canonical obligation, a class badge per
    /// prefecture (SPEC §8).
    pub matrix: Vec<MatrixRow<'a>>,
}

/// A row of the compact matrix: one obligation, a badge per prefecture (same order as
/// `columns`).
#[derive(Serialize)]
pub struct MatrixRow<'a> {
    /// The obligation's id (`hub-3`).
    pub id: &'a str,
    /// The obligation's own page.
    pub url: String,
    /// How many prefectures cover it.
    pub covered: usize,
    /// One per column.
    pub cells: Vec<MatrixCell>,
}

/// A badge of the compact matrix: how a prefecture quotes an obligation.
#[derive(Serialize)]
pub struct MatrixCell {
    /// The prefecture's slug (its column's cells carry `data-p="SLUG"`).
    pub slug: &'static str,
    /// `verbatim`, `modified`, `own_wording` (of its first item), or `gap`.
    pub class: &'static str,
    /// The class's name in `lang` (`Verbatim`, `Not covered`).
    pub label: String,
    /// The short mark shown in the badge (`V`, `同`).
    pub badge: String,
    /// How many of its items match the obligation (0 for a gap).
    pub items: usize,
    /// The id of the detail table's cell the badge links to (`hub-3-chiba`).
    pub target: String,
}

/// A prefecture's column of an obligation table.
#[derive(Serialize)]
pub struct PrefectureColumn<'a> {
    /// JIS X 0401 code.
    pub code: u8,
    /// Lower-case ASCII.
    pub slug: &'static str,
    /// The name in `lang`.
    pub name: &'static str,
    /// How many obligations of the set it covers.
    pub covered: usize,
    /// How many obligations the set has.
    pub total: usize,
    /// Its items that match no obligation: its own additions.
    pub own: Vec<ObligationEntry<'a>>,
}

/// A row of an obligation table: one canonical obligation.
#[derive(Serialize)]
pub struct ObligationRow<'a> {
    /// The obligation's id (`hub-3`).
    pub id: &'a str,
    /// Its canonical text.
    pub text: &'a str,
    /// The language of `text`.
    pub lang: Lang,
    /// The obligation's own page.
    pub url: String,
    /// The obligation in its guideline.
    pub source: String,
    /// Per column (same order), the prefecture's matching items; empty for a gap.
    pub cells: Vec<Vec<ObligationCell<'a>>>,
}

/// A prefecture's obligation item.
#[derive(Serialize)]
pub struct ObligationEntry<'a> {
    /// The item's text.
    pub text: &'a str,
    /// Its detail (may be empty).
    pub detail: &'a str,
    /// The language of `text` and `detail`: Japanese where the prefecture's page is not translated.
    pub lang: Lang,
    /// The item on its page.
    pub source: String,
    /// The title of that page.
    pub page_title: &'a str,
    /// True where the author marked the difference as an apparent slip in the source (`.slip`).
    pub slip: bool,
    /// The author's note on the item (`note="…"`), or absent.
    pub note: Option<&'a str>,
    /// The facts the item gives per obligation (`scope: obligation`), in the order of site.yaml.
    pub facts: Vec<ItemFactView<'a>>,
}

/// A fact an obligation item gives (SPEC §6.1), or a cell of a per-obligation fact matrix.
#[derive(Serialize)]
pub struct ItemFactView<'a> {
    /// The fact's key in site.yaml.
    pub key: &'a str,
    /// Its label in `lang`.
    pub label: &'a str,
    /// `stated`, `not_stated`, `not_applicable`, or `gap` (a matrix cell of an obligation the
    /// prefecture does not cover).
    pub state: &'static str,
    /// The value for `lang`, or the state's name in `lang`.
    pub value: String,
    /// The language of `value`.
    pub lang: Lang,
    /// A remark given in brackets after the value, or absent.
    pub note: Option<&'a str>,
    /// The item on its page, or absent for a gap.
    pub source: Option<String>,
}

/// One per-obligation fact of a set as a matrix: obligations × prefectures.
#[derive(Serialize)]
pub struct FactMatrix<'a> {
    /// The fact's key in site.yaml.
    pub key: &'a str,
    /// Its label in `lang`.
    pub label: &'a str,
    /// What the variable records, in `lang`, or absent.
    pub definition: Option<&'a str>,
    /// One per canonical obligation.
    pub rows: Vec<FactMatrixRow<'a>>,
}

/// A row of a fact matrix: one obligation, one cell per prefecture (same order as the columns).
#[derive(Serialize)]
pub struct FactMatrixRow<'a> {
    /// The obligation's id.
    pub id: &'a str,
    /// The obligation's own page.
    pub url: String,
    /// Per column, the values of the prefecture's items for the obligation; one `gap` cell where
    /// it has none.
    pub cells: Vec<Vec<ItemFactView<'a>>>,
}

/// A cell of an obligation table: a prefecture's item and how it matches the canonical text.
#[derive(Serialize)]
pub struct ObligationCell<'a> {
    /// `text`, `detail`, `lang`, `source`, `page_title`.
    #[serde(flatten)]
    pub entry: ObligationEntry<'a>,
    /// `verbatim`, `modified` or `own_wording`.
    pub class: &'static str,
    /// The class's name in `lang`.
    pub class_label: String,
    /// How close to the canonical text (`87%`).
    pub similarity: String,
    /// The Japanese text with `<del>` and `<ins>` against the canonical text; empty for verbatim.
    pub diff_html: String,
}

/// The view of `prefecture.html`.
#[derive(Serialize)]
pub struct ProfileView<'a> {
    /// The prefecture profiled.
    pub profile: Profile<'a>,
}

/// One prefecture across the site (SPEC §11): what it covers of each set, its facts, its
/// per-obligation facts and its documents.
#[derive(Serialize)]
pub struct Profile<'a> {
    /// JIS X 0401 code.
    pub code: u8,
    /// Lower-case ASCII.
    pub slug: &'static str,
    /// The name in `lang`.
    pub name: &'static str,
    /// One per obligation set of the site, in the order of `site.yaml`.
    pub sets: Vec<ProfileSet<'a>>,
    /// The prefecture's current pages that give facts.
    pub fact_columns: Vec<FactColumn<'a>>,
    /// Every variable of the codebook given per page, with its value or state per column.
    pub fact_rows: Vec<FactRow<'a>>,
    /// Per set it lists, the facts its items give per obligation (`scope: obligation`); absent
    /// where its items give none.
    pub item_facts: Vec<ProfileItemFacts<'a>>,
    /// Its documents by date, each with its versions oldest first (SPEC §10).
    pub documents: Vec<TimelineDocument<'a>>,
}

/// What a prefecture covers of one obligation set.
#[derive(Serialize)]
pub struct ProfileSet<'a> {
    /// The set's id.
    pub set: &'a str,
    /// Its name in `lang`.
    pub name: &'a str,
    /// Its comparison page.
    pub url: String,
    /// How many obligations it has.
    pub total: usize,
    /// How many the prefecture covers, or absent where none of its pages lists the set.
    pub covered: Option<usize>,
    /// The obligations it leaves out.
    pub gaps: Vec<ObligationRef<'a>>,
    /// How many of its items match no obligation (its own additions).
    pub own: usize,
}

/// A canonical obligation, by its id.
#[derive(Serialize)]
pub struct ObligationRef<'a> {
    /// The id (`hub-3`).
    pub id: &'a str,
    /// Its own page.
    pub url: String,
}

/// A prefecture's per-obligation facts of one set: obligations × facts.
#[derive(Serialize)]
pub struct ProfileItemFacts<'a> {
    /// The set's id.
    pub set: &'a str,
    /// The set's name in `lang`.
    pub name: &'a str,
    /// The facts' labels in `lang` (the columns).
    pub labels: Vec<&'a str>,
    /// One per canonical obligation; each cell one fact (same order as `labels`).
    pub rows: Vec<FactMatrixRow<'a>>,
}

/// The view of `obligation.html`.
#[derive(Serialize)]
pub struct ObligationView<'a> {
    /// The obligation.
    pub obligation: Obligation<'a>,
}

/// One canonical obligation and every prefecture's version of it.
#[derive(Serialize)]
pub struct Obligation<'a> {
    /// Its id (`hub-3`).
    pub id: &'a str,
    /// Its set's id.
    pub set: &'a str,
    /// Its set's name in `lang`.
    pub set_name: &'a str,
    /// The canonical text.
    pub text: &'a str,
    /// The language of `text`.
    pub lang: Lang,
    /// The obligation in its guideline.
    pub source: String,
    /// The guideline's title.
    pub source_title: &'a str,
    /// The comparison of its set.
    pub compare_url: String,
    /// Every prefecture's matching items.
    pub versions: Vec<Version<'a>>,
    /// The names of the prefectures that leave it out.
    pub gaps: Vec<&'static str>,
    /// How revisions of prefectures' documents changed their items for it (SPEC §10), by
    /// prefecture, oldest first.
    pub revisions: Vec<ObligationRevision<'a>>,
}

/// One version of a prefecture's document replaced by the next, with its items for one
/// obligation before and after.
#[derive(Serialize)]
pub struct ObligationRevision<'a> {
    /// The prefecture's name in `lang`.
    pub prefecture: &'static str,
    /// The earlier version.
    pub older: PageLink<'a>,
    /// The version that replaced it.
    pub newer: PageLink<'a>,
    /// The earlier version's items for the obligation; empty when it had none.
    pub before: Vec<ObligationEntry<'a>>,
    /// The newer version's items for the obligation; empty when it has none.
    pub after: Vec<ObligationEntry<'a>>,
    /// The Japanese wording, earlier → newer, with `<del>` and `<ins>` (already safe); items
    /// separated by `<br>`.
    pub diff_html: String,
}

/// A prefecture's version of an obligation.
#[derive(Serialize)]
pub struct Version<'a> {
    /// The fields of a cell.
    #[serde(flatten)]
    pub cell: ObligationCell<'a>,
    /// The prefecture's name in `lang`.
    pub prefecture: &'static str,
}

/// The view of `facts.html`.
#[derive(Serialize)]
pub struct FactTableView<'a> {
    /// The fact comparison.
    pub table: FactTable<'a>,
}

/// Facts of several pages side by side.
#[derive(Serialize)]
pub struct FactTable<'a> {
    /// The comparison's id in `site.yaml`.
    pub id: &'a str,
    /// Its name in `lang`.
    pub name: &'a str,
    /// The CSV export.
    pub csv_url: String,
    /// The JSON export.
    pub json_url: String,
    /// One per page compared.
    pub columns: Vec<FactColumn<'a>>,
    /// One per fact.
    pub rows: Vec<FactRow<'a>>,
}

/// A page compared.
#[derive(Serialize)]
pub struct FactColumn<'a> {
    /// Its title.
    pub title: &'a str,
    /// The page.
    pub url: String,
    /// The language of `title`.
    pub lang: Lang,
    /// The name of its prefecture in `lang`, or absent.
    pub prefecture: Option<&'static str>,
}

/// One fact across the pages compared.
#[derive(Serialize)]
pub struct FactRow<'a> {
    /// The fact's key.
    pub key: &'a str,
    /// Its label in `lang`.
    pub label: &'a str,
    /// What the variable records, in `lang`, or absent.
    pub definition: Option<&'a str>,
    /// Per column (same order), the value with its state: never absent.
    pub values: Vec<FactValue>,
}

/// A fact's value on one page (SPEC §6.1).
#[derive(Serialize)]
pub struct FactValue {
    /// `stated`, `not_stated` or `not_applicable`.
    pub state: &'static str,
    /// As written, or absent where the page does not give the fact.
    pub raw: Option<String>,
    /// Normalised for `lang`; for a cell without a value, the state's name in `lang`.
    pub value: String,
    /// The language of `value`: Japanese where a text has no English.
    pub lang: Lang,
    /// When the value held, in `lang`, or absent.
    pub as_of: Option<String>,
    /// The author's note, or absent.
    pub note: Option<String>,
    /// The value's source: its page at the anchor nearest above it.
    pub source: String,
}

mod data;
pub use data::*;

#[cfg(test)]
mod samples;
#[cfg(test)]
mod tests;
