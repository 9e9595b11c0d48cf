//! The URL layout of a site (SPEC §3, §7, §8, §11): where every page and file of the output goes,
//! which top-level names shishin keeps for itself, how a relative reference is joined to a folder,
//! and which URLs are the site's own.
//!
//! Every stage asks this module instead of writing paths itself: the link stage (which pages and
//! generated pages a link may name, which page paths are taken), the renderer (the files and URLs
//! it writes), the checks (which source made an output) and the preview (which file a request
//! wants). When the layout was written out in each of them, the copies disagreed: a link to
//! `/glossary/` was refused though the glossary was built there.
//!
//! Three forms of a path, never mixed up:
//! - a **path** below the language prefix, without the base path, as [`crate::model::Page::path`]
//!   keeps it: `""` (home), `a/b/`, `compare/hub/`, `compare/hub.csv`;
//! - an **output path** below the output root, the file written: [`in_lang`] and [`index_file`]
//!   (`en/a/b/index.html`);
//! - a **URL**, with the base path ([`url`]: `/zaitaku/en/a/b/`) or the whole base URL
//!   ([`permalink`]); the base path percent-encoded ([`encode_url_path`]), and for a build opened
//!   from disk made relative to the page that carries it ([`relative`]).
//!
//! | what | path (below `en/` for English) | file written | made by |
//! |---|---|---|---|
//! | content page `a/b.md` (`slug: c` → `a/c/`) | `a/b/` ([`page_path`]) | `a/b/index.html` | `page.html` |
//! | section `a/_index.md` | `a/` | `a/index.html` | `section.html` |
//! | home `_index.md` | `` | `index.html` | `home.html` |
//! | list of tags | `tags/` | `tags/index.html` | `tags.html` |
//! | one tag ([`tag_slug`]) | `tags/SLUG/` | `tags/SLUG/index.html` | `tag.html` |
//! | index of comparisons | `compare/` | `compare/index.html` | `compare-index.html` |
//! | an obligation set or a fact comparison | `compare/ID/` | `compare/ID/index.html` | `compare.html`, `facts.html` |
//! | its tables | `compare/ID.csv`, `compare/ID.json` | the same | |
//! | a prefecture's profile (SPEC §11) | `compare/prefecture/SLUG/` | `compare/prefecture/SLUG/index.html` | `prefecture.html` |
//! | one obligation | `obligations/SET-N/` | `obligations/SET-N/index.html` | `obligation.html` |
//! | the 新旧対照表 of a page that supersedes another (SPEC §10) | `a/b/changes/` | `a/b/changes/index.html` | `changes.html` |
//! | glossary (with `content/glossary.yaml`) | `glossary/` | `glossary/index.html` | `glossary.html` |
//! | search page | `search/` | `search/index.html` | `search.html` |
//! | search index | `search/index.js`, `search/index-N.js` | the same | |
//! | “page not found” | `404.html` | `404.html` | `404.html` |
//! | Atom feed | `atom.xml` | `atom.xml` | |
//! | data downloads (SPEC §11) | `data/` | `data/index.html` | `data.html` |
//! | the codebook | `data/codebook/` | `data/codebook/index.html` | `codebook.html` |
//! | the Frictionless Data Package | `data/datapackage.json` | the same | |
//! | the long table of facts | `data/facts.csv` | the same | |
//! | a comparison's CSV, for the package | `data/compare/ID.csv` | the same | |
//! | sitemap, once per site | | `sitemap.xml` (`sitemap-N.xml` on a large site) | |
//! | robots, highlighting, once per site | | `robots.txt`, `syntax.css` | |
//!
//! The top-level folders of the table are [`RESERVED`], as is `en/`: a content page there is an
//! error naming its file, never a page silently replaced.

use std::borrow::Cow;

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use crate::messages::Text;
use crate::msg;
use crate::text::lang::Lang;

/// The English pages' folder; Japanese pages are at the root.
const EN: &str = "en/";

// --- Paths below the language prefix ------------------------------------------------------------

/// The path of a content page: `a/b.md` → `a/b/`, `a/_index.md` → `a/`, `_index.md` → ``;
/// `slug` replaces the last part.
pub fn page_path(key: &str, slug: Option<&str>) -> String {
    let stem = key.strip_suffix(".md").unwrap_or(key);
    let mut parts: Vec<&str> = stem.split('/').collect();
    if parts.last() == Some(&"_index") {
        parts.pop();
    }
    if let (Some(slug), Some(last)) = (slug, parts.last_mut()) {
        *last = slug;
    }
    let mut path = parts.join("/");
    if !path.is_empty() {
        path.push('/');
    }
    path
}

/// A tag's part of its page's path: the tag itself, with characters unsafe in a path replaced.
/// Case and spaces are folded, so `Home care` and `home-care` share one page (the link stage
/// refuses that).
pub fn tag_slug(tag: &str) -> String {
    tag.trim()
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c == '?' || c == '#' || c.is_whitespace() {
                '-'
            } else {
                c
            }
        })
        .collect::<String>()
        .to_lowercase()
}

/// The format of a comparison's table beside its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Csv,
    Json,
}

impl TableFormat {
    fn extension(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Json => "json",
        }
    }
}

/// A page or file shishin generates in each language, by what it is. [`Generated::path`] says
/// where it goes and [`Generated::parse`] reads a path back, so the two cannot disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generated<'a> {
    /// `tags/`
    TagIndex,
    /// `tags/SLUG/`, holding the slug ([`tag_slug`]), not the tag as written.
    Tag(&'a str),
    /// `compare/`
    CompareIndex,
    /// `compare/ID/`: an obligation set's matrix or a fact comparison.
    Comparison(&'a str),
    /// `compare/ID.csv`, `compare/ID.json`
    Table(&'a str, TableFormat),
    /// `obligations/SET-N/`
    Obligation(&'a str),
    /// `compare/prefecture/SLUG/`: one prefecture's profile (SPEC §11), holding its slug.
    Profile(&'a str),
    /// `a/b/changes/`: the 新旧対照表 of the page at `a/b/` (holding that page's path), which
    /// supersedes an older version. Below the page, not in a reserved folder: it belongs to it.
    Changes(&'a str),
    /// `glossary/`
    Glossary,
    /// `search/`
    Search,
    /// `search/index.js`: says how many parts the index has.
    SearchIndex,
    /// `search/index-N.js`, counted from 1.
    SearchIndexPart(usize),
    /// `404.html`
    NotFound,
    /// `data/`: the list of downloadable tables (SPEC §11).
    DataIndex,
    /// `data/codebook/`: every variable of the codebook.
    Codebook,
    /// `data/datapackage.json`: every CSV of `data/` as a Frictionless Data Package.
    DataPackage,
    /// `data/facts.csv`: every fact of every page, one row per page and variable.
    FactsLong,
    /// `data/compare/ID.csv`: a comparison's CSV, copied below the package, whose resource
    /// paths may not climb out of its folder.
    DataTable(&'a str),
}

const TAGS: &str = "tags/";
const COMPARE: &str = "compare/";
const OBLIGATIONS: &str = "obligations/";
const GLOSSARY: &str = "glossary/";
const SEARCH: &str = "search/";
const NOT_FOUND: &str = "404.html";
const CHANGES: &str = "changes/";
const DATA: &str = "data/";
/// Below `compare/`: the prefectures' profiles.
const PROFILES: &str = "prefecture/";

impl<'a> Generated<'a> {
    /// The path below the language prefix.
    pub fn path(self) -> String {
        match self {
            Generated::TagIndex => TAGS.into(),
            Generated::Tag(slug) => format!("{TAGS}{slug}/"),
            Generated::CompareIndex => COMPARE.into(),
            Generated::Comparison(id) => format!("{COMPARE}{id}/"),
            Generated::Table(id, format) => format!("{COMPARE}{id}.{}", format.extension()),
            Generated::Obligation(id) => format!("{OBLIGATIONS}{id}/"),
            Generated::Profile(slug) => format!("{COMPARE}{PROFILES}{slug}/"),
            Generated::Changes(page) => format!("{page}{CHANGES}"),
            Generated::Glossary => GLOSSARY.into(),
            Generated::Search => SEARCH.into(),
            Generated::SearchIndex => format!("{SEARCH}index.js"),
            Generated::SearchIndexPart(n) => format!("{SEARCH}index-{n}.js"),
            Generated::NotFound => NOT_FOUND.into(),
            Generated::DataIndex => DATA.into(),
            Generated::Codebook => format!("{DATA}codebook/"),
            Generated::DataPackage => format!("{DATA}datapackage.json"),
            Generated::FactsLong => format!("{DATA}facts.csv"),
            Generated::DataTable(id) => format!("{DATA}compare/{id}.csv"),
        }
    }

    /// The file it is written to in a language, below the output root: a folder's
    /// `index.html`, or the file itself.
    pub fn file(self, lang: Lang) -> String {
        let path = self.path();
        if path.ends_with('/') {
            index_file(lang, &path)
        } else {
            in_lang(lang, &path)
        }
    }

    /// Its URL in a language, from the site's base path: `/zaitaku/en/compare/hub/`.
    pub fn url(self, base_path: &str, lang: Lang) -> String {
        url(base_path, lang, &self.path())
    }

    /// What a path below the language prefix is, if shishin generates it there. A folder's
    /// `index.html` reads as the folder. Outside the reserved folders, any `…/changes/` reads as
    /// [`Generated::Changes`]. Says nothing of whether this site has that comparison,
    /// tag or obligation: only that the path has the shape of one.
    pub fn parse(path: &'a str) -> Option<Generated<'a>> {
        let path = folder_of_index(path).unwrap_or(path);
        if path == NOT_FOUND {
            return Some(Generated::NotFound);
        }
        let (top, rest) = path.split_once('/')?;
        let folder = rest.strip_suffix('/').filter(|s| is_segment(s));
        Some(match (top, rest) {
            ("tags", "") => Generated::TagIndex,
            ("tags", _) => Generated::Tag(folder?),
            ("compare", "") => Generated::CompareIndex,
            ("compare", _) => match folder {
                Some(id) => Generated::Comparison(id),
                None => profile(rest).or_else(|| table(rest))?,
            },
            ("obligations", _) => Generated::Obligation(folder?),
            ("glossary", "") => Generated::Glossary,
            ("search", "") => Generated::Search,
            ("search", "index.js") => Generated::SearchIndex,
            ("search", file) => {
                let n = file.strip_prefix("index-")?.strip_suffix(".js")?;
                Generated::SearchIndexPart(n.parse().ok().filter(|&n| n > 0)?)
            }
            ("data", rest) => data(rest)?,
            _ => changes(path)?,
        })
    }
}

/// `a/b/changes/` → the changes page of `a/b/`; `changes/` → the home page's.
fn changes(path: &str) -> Option<Generated<'_>> {
    let page = path.strip_suffix(CHANGES)?;
    let plain =
        page.is_empty() || (page.ends_with('/') && page.split_terminator('/').all(is_segment));
    plain.then_some(Generated::Changes(page))
}

/// What a path below `data/` is: `codebook/`, `facts.csv`, `compare/hub.csv`, ….
fn data(rest: &str) -> Option<Generated<'_>> {
    Some(match rest {
        "" => Generated::DataIndex,
        "codebook/" => Generated::Codebook,
        "datapackage.json" => Generated::DataPackage,
        "facts.csv" => Generated::FactsLong,
        _ => {
            let id = rest.strip_prefix("compare/")?.strip_suffix(".csv")?;
            is_segment(id).then_some(Generated::DataTable(id))?
        }
    })
}

/// `prefecture/chiba/` → the profile of Chiba.
fn profile(rest: &str) -> Option<Generated<'_>> {
    let slug = rest.strip_prefix(PROFILES)?.strip_suffix('/')?;
    is_segment(slug).then_some(Generated::Profile(slug))
}

/// `hub.csv` → the CSV table of `hub`.
fn table(file: &str) -> Option<Generated<'_>> {
    let (id, ext) = file.rsplit_once('.')?;
    let format = [TableFormat::Csv, TableFormat::Json]
        .into_iter()
        .find(|f| f.extension() == ext)?;
    is_segment(id).then_some(Generated::Table(id, format))
}

/// One plain part of a path: not empty, no separator, not `.` or `..`.
fn is_segment(s: &str) -> bool {
    !s.is_empty() && !s.contains('/') && s != "." && s != ".."
}

// --- Reserved names -----------------------------------------------------------------------------

/// A top-level folder shishin fills itself, and what it puts there, for messages.
#[derive(Debug, Clone, Copy)]
pub struct Reserved {
    /// `glossary`
    pub folder: &'static str,
    /// What shishin puts there (“the glossary page”), in both languages.
    pub owner: fn() -> Text,
}

/// A folder is reserved once: its name says which.
impl PartialEq for Reserved {
    fn eq(&self, other: &Reserved) -> bool {
        self.folder == other.folder
    }
}

impl Eq for Reserved {}

/// Every top-level folder shishin fills: no content page may be published in one.
pub const RESERVED: [Reserved; 7] = [
    Reserved {
        folder: "en",
        owner: || msg!("reserved-english-pages"),
    },
    Reserved {
        folder: "tags",
        owner: || msg!("reserved-tag-pages"),
    },
    Reserved {
        folder: "compare",
        owner: || msg!("reserved-comparison-pages"),
    },
    Reserved {
        folder: "obligations",
        owner: || msg!("reserved-obligation-pages"),
    },
    Reserved {
        folder: "glossary",
        owner: || msg!("reserved-glossary-page"),
    },
    Reserved {
        folder: "search",
        owner: || msg!("reserved-search-page"),
    },
    Reserved {
        folder: "data",
        owner: || msg!("reserved-data-downloads"),
    },
];

/// The reserved folder a page path lies in, if any. Compared without case: on the file systems
/// of Windows and macOS, and on many servers, `Glossary/` is `glossary/`.
pub fn reserved(path: &str) -> Option<&'static Reserved> {
    let top = path.split('/').next().unwrap_or("");
    RESERVED.iter().find(|r| r.folder.eq_ignore_ascii_case(top))
}

// --- Output paths and URLs ----------------------------------------------------------------------

/// A path below the language prefix as a path below the output root: `a/` → `en/a/`.
pub fn in_lang(lang: Lang, path: &str) -> String {
    format!("{}{path}", lang_prefix(lang))
}

/// The file a folder's path is written to, below the output root: `a/` → `en/a/index.html`.
pub fn index_file(lang: Lang, folder: &str) -> String {
    index_of(&in_lang(lang, folder))
}

/// The file that holds a folder's page, below the same root as the folder: `a/` →
/// `a/index.html`, `` → `index.html`. Servers answer a folder's URL with it.
pub fn index_of(folder: &str) -> String {
    format!("{folder}index.html")
}

/// The folder whose page a file is ([`index_of`] read back): `a/b/index.html` → `a/b/`,
/// `index.html` → ``; `None` for any other file.
pub fn folder_of_index(file: &str) -> Option<&str> {
    let dir = file.strip_suffix("index.html")?;
    (dir.is_empty() || dir.ends_with('/')).then_some(dir)
}

/// The language of a path below the output root, and the path below its language prefix:
/// `en/a/` → (English, `a/`).
pub fn split_lang(path: &str) -> (Lang, &str) {
    match path.strip_prefix(EN) {
        Some(rest) => (Lang::En, rest),
        None => (Lang::Ja, path),
    }
}

/// The prefix of a language's pages below the base path: `` for Japanese, `en/` for English.
pub fn lang_prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "",
        Lang::En => EN,
    }
}

/// The URL of a path in a language, from the site's base path: `/zaitaku/` + `a/` →
/// `/zaitaku/en/a/`.
pub fn url(base_path: &str, lang: Lang, path: &str) -> String {
    format!("{base_path}{}{path}", lang_prefix(lang))
}

/// The absolute URL of a path in a language, for feeds, the sitemap and hreflang.
pub fn permalink(base_url: &str, lang: Lang, path: &str) -> String {
    format!("{base_url}{}{path}", lang_prefix(lang))
}

/// From a folder below the output root back up to the root, as a relative reference:
/// `en/search/` → `../../`. For pages that must work wherever they are opened from.
pub fn up_to_root(folder: &str) -> String {
    "../".repeat(folder.matches('/').count())
}

/// A language's Atom feed, below the output root.
pub fn feed(lang: Lang) -> String {
    in_lang(lang, "atom.xml")
}

/// The site's sitemap (on a large site, the index of [`sitemap_part`]s).
pub const SITEMAP: &str = "sitemap.xml";

/// Part `n` (from 1) of a large site's sitemap.
pub fn sitemap_part(n: usize) -> String {
    format!("sitemap-{n}.xml")
}

pub const ROBOTS: &str = "robots.txt";

/// The stylesheet of highlighted code.
pub const SYNTAX_CSS: &str = "syntax.css";

/// The files shishin writes once per site, at the root, whatever the languages.
pub const SITE_FILES: [&str; 3] = [SYNTAX_CSS, SITEMAP, ROBOTS];

// --- Encoding and relative references -----------------------------------------------------------

/// The characters a URL path may not carry as they are (the WHATWG path percent-encode set
/// without `?` and `#`, which end a path, and with `\`, `|` and `^`, which some servers and
/// clients read differently): every one, and every non-ASCII character, becomes `%XX` per UTF-8
/// byte. `%` is left alone, so an already encoded path stays as it is and encoding twice changes
/// nothing.
const PATH_ESCAPES: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'\\')
    .add(b'|')
    .add(b'^');

/// A path percent-encoded as a URL carries it (SPEC §8): `/在宅 医療/` →
/// `/%E5%9C%A8%E5%AE%85%20%E5%8C%BB%E7%99%82/`. pulldown-cmark writes a page body's links this
/// way, so the base path must be written the same way for every URL of the site to agree.
pub fn encode_path(path: &str) -> Cow<'_, str> {
    utf8_percent_encode(path, PATH_ESCAPES).into()
}

/// An absolute URL with its path percent-encoded ([`encode_path`]); the scheme and host as they
/// are. `https://e.jp/在宅/` → `https://e.jp/%E5%9C%A8%E5%AE%85/`.
pub fn encode_url_path(url: &str) -> String {
    let origin = origin(url);
    format!("{origin}{}", encode_path(&url[origin.len()..]))
}

/// The scheme and host of an absolute URL, without the path: `https://e.jp/zaitaku/` →
/// `https://e.jp`. The print stylesheet writes it before a link's site-absolute path (SPEC §8).
pub fn origin(url: &str) -> &str {
    let Some(start) = url.find("://").map(|i| i + 3) else {
        return url;
    };
    match url[start..].find(['/', '?', '#']) {
        Some(i) => &url[..start + i],
        None => url,
    }
}

/// The reference from the output file `from` (`en/a/b/index.html`) to `to`, a path below the
/// base path as a URL carries it (`a/c/`, `style.css`), that works opened from a folder on disk
/// (`build --relative`, SPEC §1): `../../c/index.html`. A folder's page is named, `index.html`,
/// because a browser opening files shows a folder's listing, not its page. `None` when `to`
/// climbs above the base path.
pub fn relative(from: &str, to: &str) -> Option<String> {
    let to = join("", to)?;
    let mut from_dirs: Vec<&str> = from.split('/').collect();
    from_dirs.pop();
    let (to_dir, file) = to.rsplit_once('/').unwrap_or(("", &to));
    let to_dirs: Vec<&str> = to_dir.split('/').filter(|s| !s.is_empty()).collect();
    let common = from_dirs
        .iter()
        .zip(&to_dirs)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = "../".repeat(from_dirs.len() - common);
    for dir in &to_dirs[common..] {
        out.push_str(dir);
        out.push('/');
    }
    out.push_str(if file.is_empty() { "index.html" } else { file });
    Some(out)
}

// --- Joining and classifying --------------------------------------------------------------------

/// Joins a relative reference to a folder as a browser does (RFC 3986 §5.2.4): `.` parts are
/// dropped, `..` climbs one folder. Both sides are paths without a leading `/` (one is ignored),
/// the result has none either. The result names a folder (ends in `/`) when `rel` does: it
/// ends in `/`, `.` or `..`. `None` when `..` climbs above `dir`'s root: below the site's base
/// path that leaves the site, and for a source path it leaves `content/`.
pub fn join(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let last = rel.rsplit('/').next().unwrap_or("");
    let is_folder = rel.ends_with('/') || last == "." || last == "..";
    let mut out = parts.join("/");
    if is_folder && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// Whether a URL leaves the site: it has a scheme (`https:`, `mailto:`, `tel:`) or a host
/// (`//host/`). Everything else is the site's own and is checked. A scheme is letters, digits,
/// `+`, `-` and `.` before a `:` that comes before any `/`, `?` or `#`.
pub fn is_external(url: &str) -> bool {
    if url.starts_with("//") {
        return true;
    }
    match url.find(':') {
        Some(i) => {
            let scheme = &url[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_pages() {
        assert_eq!(page_path("_index.md", None), "");
        assert_eq!(page_path("a/_index.md", None), "a/");
        assert_eq!(page_path("a/b.md", None), "a/b/");
        assert_eq!(page_path("a/b.md", Some("c")), "a/c/");
        assert_eq!(page_path("a/_index.md", Some("z")), "z/");
    }

    #[test]
    fn tag_slugs_keep_japanese() {
        assert_eq!(tag_slug("補助金"), "補助金");
        assert_eq!(tag_slug("Home care/Hub"), "home-care-hub");
        assert_eq!(tag_slug(" 計画 "), "計画");
    }

    /// Every generated path, and each read back as what made it.
    #[test]
    fn every_generated_path_reads_back() {
        let all = [
            (Generated::TagIndex, "tags/"),
            (Generated::Tag("在宅"), "tags/在宅/"),
            (Generated::CompareIndex, "compare/"),
            (Generated::Comparison("hub"), "compare/hub/"),
            (Generated::Table("hub", TableFormat::Csv), "compare/hub.csv"),
            (
                Generated::Table("hub", TableFormat::Json),
                "compare/hub.json",
            ),
            (Generated::Obligation("hub-3"), "obligations/hub-3/"),
            (Generated::Profile("chiba"), "compare/prefecture/chiba/"),
            (Generated::Changes("a/b/"), "a/b/changes/"),
            (Generated::Changes(""), "changes/"),
            (Generated::Glossary, "glossary/"),
            (Generated::Search, "search/"),
            (Generated::SearchIndex, "search/index.js"),
            (Generated::SearchIndexPart(2), "search/index-2.js"),
            (Generated::NotFound, "404.html"),
            (Generated::DataIndex, "data/"),
            (Generated::Codebook, "data/codebook/"),
            (Generated::DataPackage, "data/datapackage.json"),
            (Generated::FactsLong, "data/facts.csv"),
            (Generated::DataTable("hub"), "data/compare/hub.csv"),
        ];
        for (made, path) in all {
            assert_eq!(made.path(), path);
            assert_eq!(Generated::parse(path), Some(made), "{path}");
        }
    }

    #[test]
    fn index_files_read_as_their_folder() {
        assert_eq!(
            Generated::parse("compare/hub/index.html"),
            Some(Generated::Comparison("hub"))
        );
        assert_eq!(
            Generated::parse("glossary/index.html"),
            Some(Generated::Glossary)
        );
    }

    #[test]
    fn other_paths_are_not_generated() {
        for path in [
            "",
            "a/",
            "tags",
            "tags/a/b/",
            "tags//",
            "tags/../",
            "compare/hub.pdf",
            "compare/.csv",
            "compare/prefecture/chiba/x/",
            "compare/prefecture//",
            "obligations/",
            "glossary/x/",
            "search/index-0.js",
            "search/x/",
            "data/x/",
            "data/compare/hub.json",
            "data/compare/.csv",
            "a/changes",
            "a//changes/",
            "../changes/",
            "tags/a/changes/",
        ] {
            assert_eq!(Generated::parse(path), None, "{path}");
        }
    }

    #[test]
    fn reserved_folders_take_everything_below_them_in_any_case() {
        for path in [
            "glossary/",
            "search/",
            "compare/hub/",
            "tags/x/",
            "data/a/",
            "en/",
        ] {
            assert!(reserved(path).is_some(), "{path}");
        }
        assert_eq!(reserved("Glossary/").map(|r| r.folder), Some("glossary"));
        assert_eq!(reserved("glossaries/"), None);
        assert_eq!(reserved("a/glossary/"), None);
        assert_eq!(reserved(""), None);
        // Every generated folder is reserved.
        for made in [
            Generated::TagIndex,
            Generated::Comparison("x"),
            Generated::Obligation("x-1"),
            Generated::Glossary,
            Generated::Search,
            Generated::DataIndex,
            Generated::Codebook,
            Generated::DataTable("hub"),
        ] {
            assert!(reserved(&made.path()).is_some(), "{made:?}");
        }
    }

    #[test]
    fn output_paths_and_urls() {
        assert_eq!(in_lang(Lang::Ja, "search/"), "search/");
        assert_eq!(in_lang(Lang::En, "search/"), "en/search/");
        assert_eq!(index_file(Lang::Ja, ""), "index.html");
        assert_eq!(index_file(Lang::En, "a/b/"), "en/a/b/index.html");
        assert_eq!(folder_of_index("en/a/index.html"), Some("en/a/"));
        assert_eq!(folder_of_index("index.html"), Some(""));
        assert_eq!(folder_of_index("a/notindex.html"), None);
        assert_eq!(index_of("en/a/"), "en/a/index.html");
        assert_eq!(split_lang("en/a/"), (Lang::En, "a/"));
        assert_eq!(split_lang("a/"), (Lang::Ja, "a/"));
        assert_eq!(split_lang("english/"), (Lang::Ja, "english/"));
        assert_eq!(url("/zaitaku/", Lang::En, "a/"), "/zaitaku/en/a/");
        assert_eq!(url("/", Lang::Ja, ""), "/");
        assert_eq!(
            permalink("https://e.jp/z/", Lang::En, "a/"),
            "https://e.jp/z/en/a/"
        );
        assert_eq!(up_to_root("en/search/"), "../../");
        assert_eq!(up_to_root(""), "");
        assert_eq!(feed(Lang::Ja), "atom.xml");
        assert_eq!(feed(Lang::En), "en/atom.xml");
        assert_eq!(sitemap_part(3), "sitemap-3.xml");
        assert_eq!(Generated::Glossary.file(Lang::En), "en/glossary/index.html");
        assert_eq!(Generated::SearchIndex.file(Lang::En), "en/search/index.js");
        assert_eq!(Generated::NotFound.file(Lang::Ja), "404.html");
        assert_eq!(
            Generated::Table("hub", TableFormat::Csv).url("/z/", Lang::En),
            "/z/en/compare/hub.csv"
        );
    }

    #[test]
    fn joining_resolves_dots_and_refuses_to_climb_out() {
        assert_eq!(join("a/b", "../c.md"), Some("a/c.md".into()));
        assert_eq!(join("a", "./x/"), Some("a/x/".into()));
        assert_eq!(join("a/b/", "c"), Some("a/b/c".into()));
        assert_eq!(join("/a/", "b/"), Some("a/b/".into()));
        assert_eq!(join("a/b/", ".."), Some("a/".into()));
        assert_eq!(join("a/b/", "."), Some("a/b/".into()));
        assert_eq!(join("a/b/", "../.."), Some("".into()));
        assert_eq!(join("a/", "x/../y"), Some("a/y".into()));
        assert_eq!(join("", "../x"), None);
        assert_eq!(join("a/", "../../x"), None);
    }

    #[test]
    fn external_urls_have_a_scheme_or_a_host() {
        for url in [
            "https://www.mhlw.go.jp/",
            "mailto:a@b.jp",
            "tel:0431234567",
            "//cdn.example/x.js",
            "HTTP://E.JP",
        ] {
            assert!(is_external(url), "{url}");
        }
        for url in [
            "/a/",
            "a/b/",
            "../x.pdf",
            "#top",
            "",
            "@/a.md",
            "@ob:hub-3",
            ":x",
            "a/b:c",
            "?q=a:b",
            "#a:b",
        ] {
            assert!(!is_external(url), "{url}");
        }
    }

    #[test]
    fn paths_are_percent_encoded_once() {
        assert_eq!(
            encode_path("/在宅 医療/"),
            "/%E5%9C%A8%E5%AE%85%20%E5%8C%BB%E7%99%82/"
        );
        assert_eq!(encode_path("/zaitaku/a-b_c.~/"), "/zaitaku/a-b_c.~/");
        let once = encode_path("/在宅 医療/").into_owned();
        assert_eq!(encode_path(&once), once);
        assert_eq!(
            encode_path("/a\"<b>`{c}|d\\^/"),
            "/a%22%3Cb%3E%60%7Bc%7D%7Cd%5C%5E/"
        );
        assert_eq!(
            encode_url_path("https://www.pref.example.lg.jp/在宅 医療/"),
            "https://www.pref.example.lg.jp/%E5%9C%A8%E5%AE%85%20%E5%8C%BB%E7%99%82/"
        );
        assert_eq!(encode_url_path("https://e.jp"), "https://e.jp");
        assert_eq!(origin("https://e.jp/在宅/a/"), "https://e.jp");
        assert_eq!(origin("http://127.0.0.1:1111/"), "http://127.0.0.1:1111");
        assert_eq!(origin("https://e.jp"), "https://e.jp");
        assert_eq!(encode_url_path("https://e.jp/"), "https://e.jp/");
    }

    #[test]
    fn relative_references_climb_to_the_common_folder_and_name_index_files() {
        assert_eq!(relative("index.html", "").as_deref(), Some("index.html"));
        assert_eq!(
            relative("index.html", "a/").as_deref(),
            Some("a/index.html")
        );
        assert_eq!(
            relative("index.html", "style.css").as_deref(),
            Some("style.css")
        );
        assert_eq!(
            relative("en/a/b/index.html", "style.css").as_deref(),
            Some("../../../style.css")
        );
        assert_eq!(
            relative("en/a/b/index.html", "en/a/c/").as_deref(),
            Some("../c/index.html")
        );
        assert_eq!(
            relative("en/a/b/index.html", "en/a/b/").as_deref(),
            Some("index.html")
        );
        assert_eq!(
            relative("en/a/b/index.html", "a/b/").as_deref(),
            Some("../../../a/b/index.html")
        );
        assert_eq!(
            relative("en/404.html", "en/compare/hub.csv").as_deref(),
            Some("compare/hub.csv")
        );
        assert_eq!(
            relative("a/index.html", "a/x/../y/").as_deref(),
            Some("y/index.html")
        );
        assert_eq!(relative("a/index.html", "../x/"), None);
    }
}
