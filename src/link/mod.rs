//! Link stage: group documents into pages, place them in sections, resolve every link, and
//! gather what depends on links (backlinks, translations, tags, canonical obligation sets, the
//! versions a page supersedes: [`versions`]). The preview links again only what an edit touches
//! when the edit moves no page ([`relink`], in `partial.rs`).

pub mod obligations;
mod partial;
pub mod prefectures;
pub mod translations;
pub mod versions;

pub use partial::{relink, Edit, Relinked};

use std::sync::Arc;

use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};

use indexmap::IndexMap;

use crate::diagnostics::{did_you_mean, par_map, Diagnostic, Diagnostics, SourceFile};
use crate::guidance::obligations::ObligationId;
use crate::guidance::prefecture;
use crate::messages::Text;
use crate::model::{
    Asset, CanonicalSet, Config, Doc, DocId, Glossary, Kind, Lang, Links, Page, PageId, Site,
    Target, TranslationState,
};
use crate::msg;
use crate::urls::{self, tag_slug, Generated};

/// Builds the linked site. `static_files` are the paths (below the root) that themes and
/// `static/` put in the output, so plain links to them can be checked; the glossary decides
/// whether links to `/glossary/` lead anywhere.
pub fn link(
    config: Config,
    glossary: Glossary,
    docs: Vec<Arc<Doc>>,
    assets: Vec<Asset>,
    static_files: &HashSet<String>,
    absent: &Absent,
    diags: &mut Diagnostics,
) -> Option<Site> {
    let (pages, by_key) = group_pages(&docs, absent, diags);
    let Some(&home) = by_key.get("_index.md") else {
        diags.push(
            Diagnostic::error(msg!("site-without-home"))
                .in_file("content/_index.md")
                .hint(msg!("site-without-home-hint")),
        );
        return None;
    };
    let mut site = Site {
        links: vec![Links::default(); docs.len()],
        translations: Vec::new(),
        backlinks: HashMap::new(),
        tags: BTreeMap::new(),
        obligations: IndexMap::new(),
        glossary,
        config,
        docs,
        pages,
        by_key,
        home,
        assets,
    };
    inherit_front_matter(&mut site);
    place_in_sections(&mut site);
    check_unique_urls(&site, diags);
    // Before the links: a link may name a newer version's `changes/` page.
    versions::link_versions(&mut site, absent, diags);
    site.obligations = canonical_sets(&site, diags);
    // Before the links: a link may name a prefecture's version of an obligation, `#hub-3`.
    obligations::anchor_items(&mut site, diags);
    prefectures::check(&site, diags);
    // Before the links: a link may name a tag's page.
    site.tags = tags(&site);
    check_tag_folders(&site, diags);
    resolve_links(&mut site, static_files, absent, diags);
    site.backlinks = backlinks(&site);
    site.translations = translation_states(&site, diags);
    Some(site)
}

/// A document read again after an edit of its text alone (the preview's fast path, which
/// checked that its front matter, anchors and obligation lists are as they were): what the link
/// stage gave the document it replaces holds for it too.
pub fn carry_over(linked: &Doc, new: &mut Doc) {
    new.front = linked.front.clone();
    new.parsed.anchors.clone_from(&linked.parsed.anchors);
    new.parsed
        .untranslated
        .clone_from(&linked.parsed.untranslated);
    let lists = new.parsed.obligation_lists.iter_mut();
    for (list, old) in lists.zip(&linked.parsed.obligation_lists) {
        for (item, old) in list.items.iter_mut().zip(&old.items) {
            item.id.clone_from(&old.id);
        }
    }
}

/// Pages that exist in `content/` but have no document in this build: their links and
/// translations are explained by why, not reported as broken.
#[derive(Debug, Clone, Default)]
pub struct Absent {
    /// Keys of pages whose Japanese document is a draft left out of this build.
    pub drafts: HashSet<String>,
    /// Keys of pages whose Japanese file could not be read (its front matter is wrong, say):
    /// that file's error is the one error of the mistake.
    pub unreadable: HashSet<String>,
}

impl Absent {
    /// The Markdown file `rel` (below `content/`) could not be read.
    pub fn unreadable(&mut self, rel: &str) {
        let (key, lang) = crate::load::page_key(rel);
        if lang == Lang::Ja {
            self.unreadable.insert(key);
        }
    }
}

/// Pairs each Japanese document with its translation and computes URLs.
fn group_pages(
    docs: &[Arc<Doc>],
    absent: &Absent,
    diags: &mut Diagnostics,
) -> (Vec<Page>, HashMap<String, PageId>) {
    let mut pages = Vec::new();
    let mut by_key = HashMap::new();
    for (id, doc) in docs.iter().enumerate().filter(|(_, d)| d.lang == Lang::Ja) {
        by_key.insert(doc.key.clone(), pages.len());
        pages.push(Page {
            key: doc.key.clone(),
            path: urls::page_path(&doc.key, doc.front.slug.as_deref()),
            ja: id,
            en: None,
            parent: None,
            children: Vec::new(),
            versions: Default::default(),
        });
    }
    for (id, doc) in docs.iter().enumerate().filter(|(_, d)| d.lang == Lang::En) {
        match by_key.get(&doc.key) {
            Some(&p) => pages[p].en = Some(id),
            // Its original's own error says what to fix.
            None if absent.unreadable.contains(&doc.key) => {}
            None => diags.push(
                Diagnostic::error(msg!(
                    "translation-without-original",
                    path = &doc.path,
                    key = &doc.key
                ))
                .in_file(&doc.path)
                .hint(msg!("translation-without-original-hint")),
            ),
        }
    }
    (pages, by_key)
}

/// Each translation takes from its original the front matter it does not restate (SPEC §3).
fn inherit_front_matter(site: &mut Site) {
    for p in 0..site.pages.len() {
        let (ja, Some(en)) = (site.pages[p].ja, site.pages[p].en) else {
            continue;
        };
        if translations::inherits(&site.docs[ja].front, &site.docs[en].front) {
            let from = Arc::clone(&site.docs[ja]);
            translations::inherit(&from.front, &mut Arc::make_mut(&mut site.docs[en]).front);
        }
    }
}

/// Sets each page's parent (the nearest folder above it with an `_index.md`) and orders children.
fn place_in_sections(site: &mut Site) {
    for p in 0..site.pages.len() {
        let key = site.pages[p].key.clone();
        let mut dir = parent_dir(&key);
        if site.pages[p].is_section() {
            // A section's own folder is itself: start one folder up.
            if key == "_index.md" {
                continue;
            }
            dir = dir.and_then(|d| parent_dir_of_dir(&d));
        }
        while let Some(d) = dir {
            let index = if d.is_empty() {
                "_index.md".to_string()
            } else {
                format!("{d}/_index.md")
            };
            if let Some(&parent) = site.by_key.get(&index) {
                site.pages[p].parent = Some(parent);
                site.pages[parent].children.push(p);
                break;
            }
            dir = parent_dir_of_dir(&d);
        }
    }
    for p in 0..site.pages.len() {
        let mut children = std::mem::take(&mut site.pages[p].children);
        children.sort_by_cached_key(|&c| child_order(site, c));
        site.pages[p].children = children;
    }
}

/// Where a page stands among its section's children: by weight, then prefectures north to south
/// (JIS code, SPEC §7), then by title, then as found.
pub(crate) fn child_order(site: &Site, page: PageId) -> (i64, u8, String, PageId) {
    let doc = &site.docs[site.pages[page].ja];
    let code = doc
        .front
        .prefecture
        .or_else(|| prefecture::of_path(&site.pages[page].key).map(|(_, p)| p))
        .map_or(u8::MAX, |p| p.code);
    (doc.front.weight, code, doc.front.title.clone(), page)
}

/// The folder of a key: `a/b.md` → `a`, `b.md` → ``.
fn parent_dir(key: &str) -> Option<String> {
    Some(
        key.rsplit_once('/')
            .map_or(String::new(), |(d, _)| d.to_string()),
    )
}

fn parent_dir_of_dir(dir: &str) -> Option<String> {
    if dir.is_empty() {
        None
    } else {
        Some(
            dir.rsplit_once('/')
                .map_or(String::new(), |(d, _)| d.to_string()),
        )
    }
}

/// Two files must never write the same URL, nor one shishin writes itself.
fn check_unique_urls(site: &Site, diags: &mut Diagnostics) {
    let mut seen: HashMap<&str, PageId> = HashMap::new();
    let mut folded: HashMap<String, PageId> = HashMap::new();
    for (p, page) in site.pages.iter().enumerate() {
        if let Some(reserved) = urls::reserved(&page.path) {
            let file = &site.docs[page.ja].path;
            diags.push(reserved_url(file, &page.path, reserved));
            // One error for the file: its page is no page of the site.
            continue;
        }
        if let Some(&other) = seen.get(page.path.as_str()) {
            let a = &site.docs[site.pages[other].ja].path;
            let b = &site.docs[page.ja].path;
            diags.push(
                Diagnostic::error(msg!(
                    "same-page-path",
                    first = a,
                    second = b,
                    path = &page.path
                ))
                .in_file(b.clone())
                .hint(msg!("same-page-path-hint")),
            );
        } else if let Some(&other) = folded.get(&page.path.to_lowercase()) {
            // Windows and macOS file systems, and many servers, treat these as one folder.
            let a = &site.docs[site.pages[other].ja].path;
            let b = &site.docs[page.ja].path;
            diags.push(
                Diagnostic::error(msg!(
                    "page-paths-differ-in-case",
                    first = a,
                    second = b,
                    first_path = &site.pages[other].path,
                    second_path = &page.path
                ))
                .in_file(b.clone())
                .hint(msg!("page-paths-differ-in-case-hint")),
            );
        } else {
            seen.insert(&page.path, p);
            folded.insert(page.path.to_lowercase(), p);
        }
    }
}

/// A content page where shishin puts its own pages: the page would replace them or be replaced.
fn reserved_url(file: &str, path: &str, reserved: &urls::Reserved) -> Diagnostic {
    let (folder, owner) = (reserved.folder, (reserved.owner)());
    Diagnostic::error(msg!("reserved-url", path = path, owner = &owner))
        .in_file(file)
        .hint(msg!(
            "reserved-url-hint",
            folder = folder,
            owner = owner,
            top = path.split('/').next().unwrap_or(folder)
        ))
}

/// Finds the one canonical definition of each obligation set and checks every list's set.
fn canonical_sets(site: &Site, diags: &mut Diagnostics) -> IndexMap<String, CanonicalSet> {
    let mut sets: IndexMap<String, CanonicalSet> = IndexMap::new();
    let known = &site.config.obligations.sets;
    for (p, page) in site.pages.iter().enumerate() {
        let doc = &site.docs[page.ja];
        for list in &doc.parsed.obligation_lists {
            if !known.contains_key(&list.set) {
                let hint = match did_you_mean(&list.set, known.keys().map(String::as_str)) {
                    Some(s) => msg!("obligation-set-unnamed-did-you-mean", suggestion = s),
                    None => msg!("obligation-set-unnamed-hint", set = &list.set),
                };
                diags.push(
                    Diagnostic::error(msg!("obligation-set-unnamed", set = &list.set))
                        .at(&doc.file(), list.heading_span.clone())
                        .hint(hint),
                );
                continue;
            }
            if doc.front.kind != Kind::Guideline || doc.front.prefecture.is_some() {
                continue;
            }
            if let Some(first) = sets.get(&list.set) {
                let other = &site.docs[site.pages[first.page].ja].path;
                diags.push(
                    Diagnostic::error(msg!("obligation-set-twice", set = &list.set, other = other))
                        .at(&doc.file(), list.heading_span.clone())
                        .hint(msg!("obligation-set-twice-hint")),
                );
                continue;
            }
            let en = page.en.and_then(|e| {
                let en_doc = &site.docs[e];
                let en_list = en_doc
                    .parsed
                    .obligation_lists
                    .iter()
                    .find(|l| l.set == list.set);
                match en_list {
                    Some(l) if l.items.len() == list.items.len() => Some(l.items.clone()),
                    Some(l) => {
                        diags.push(canonical_count_differs(doc, en_doc, l, list.items.len()));
                        None
                    }
                    None => {
                        diags.push(
                            Diagnostic::warning(msg!(
                                "translation-without-obligation-list",
                                set = &list.set
                            ))
                            .in_file(&en_doc.path)
                            .hint(msg!(
                                "translation-without-obligation-list-hint",
                                set = &list.set
                            )),
                        );
                        None
                    }
                }
            });
            sets.insert(
                list.set.clone(),
                CanonicalSet {
                    page: p,
                    ja: list.items.clone(),
                    en,
                },
            );
        }
    }
    sets
}

/// The English text of the canonical obligations must give every one of them: the ids of the
/// whole site follow the Japanese list.
fn canonical_count_differs(
    ja: &Doc,
    en: &Doc,
    en_list: &crate::model::ObligationList,
    n_ja: usize,
) -> Diagnostic {
    Diagnostic::error(msg!(
        "canonical-count-differs",
        en = &en.path,
        count = en_list.items.len(),
        set = &en_list.set,
        ja = &ja.path,
        ja_count = n_ja
    ))
    .at(&en.file(), en_list.heading_span.clone())
    .hint(msg!("canonical-count-differs-hint"))
}

/// Resolves every internal link of every published document; a broken one is an error at its line.
fn resolve_links(
    site: &mut Site,
    static_files: &HashSet<String>,
    absent: &Absent,
    diags: &mut Diagnostics,
) {
    let all: Vec<PageId> = (0..site.pages.len()).collect();
    let resolved = resolve_pages(site, &all, static_files, absent, diags);
    for (doc_id, map) in resolved {
        site.links[doc_id] = map;
    }
}

/// Resolves the links of the documents of `pages` (each read in every language it is published
/// in); a broken one is an error at its line.
fn resolve_pages(
    site: &Site,
    pages: &[PageId],
    static_files: &HashSet<String>,
    absent: &Absent,
    diags: &mut Diagnostics,
) -> Vec<Resolved> {
    let asset_paths: HashSet<&str> = site.assets.iter().map(|a| a.rel.as_str()).collect();
    let has_en = site.config.has(Lang::En);
    // URL path → page, for plain links: looking each one up by scanning every page made
    // resolving quadratic in the size of the site.
    let mut by_path: HashMap<&str, PageId> = HashMap::with_capacity(site.pages.len());
    for (id, page) in site.pages.iter().enumerate() {
        by_path.entry(page.path.as_str()).or_insert(id);
    }
    let resolved: Vec<Vec<Resolved>> = par_map(pages, diags, |&page, found| {
        let p = &site.pages[page];
        let ja_langs: &[Lang] = if has_en && p.en.is_none() {
            &[Lang::Ja, Lang::En]
        } else {
            &[Lang::Ja]
        };
        let views = [Some((p.ja, ja_langs)), p.en.map(|e| (e, &[Lang::En][..]))];
        views
            .into_iter()
            .flatten()
            .map(|(doc_id, langs)| {
                let resolver = Resolver {
                    site,
                    page,
                    doc_id,
                    langs,
                    asset_paths: &asset_paths,
                    by_path: &by_path,
                    static_files,
                    absent,
                };
                resolver.resolve_all(found)
            })
            .collect()
    });
    resolved.into_iter().flatten().collect()
}

/// A document's links: where each destination goes.
type Resolved = (DocId, Links);

struct Resolver<'a> {
    site: &'a Site,
    page: PageId,
    doc_id: DocId,
    /// The languages this document is read in (a Japanese page without translation: both).
    langs: &'a [Lang],
    asset_paths: &'a HashSet<&'a str>,
    by_path: &'a HashMap<&'a str, PageId>,
    static_files: &'a HashSet<String>,
    absent: &'a Absent,
}

/// Why a link resolves to nothing.
enum LinkError {
    /// A mistake in the link: the message and the hint.
    Broken(Text, Text),
    /// It names a page whose file could not be read: that file's error says all, so the link
    /// raises none (SPEC §1, one mistake, one error).
    ToUnreadable,
}

impl From<(Text, Text)> for LinkError {
    fn from((message, hint): (Text, Text)) -> Self {
        LinkError::Broken(message, hint)
    }
}

impl Resolver<'_> {
    /// Resolves every link of the document: where each destination goes; the errors go to
    /// `errors`.
    fn resolve_all(&self, errors: &mut Diagnostics) -> Resolved {
        let doc = &self.site.docs[self.doc_id];
        let mut map = HashMap::new();
        for link in &doc.parsed.links {
            if map.contains_key(&link.dest) {
                continue;
            }
            match self.resolve(&link.dest) {
                Ok(t) => {
                    map.insert(link.dest.clone(), t);
                }
                Err(LinkError::ToUnreadable) => {}
                Err(LinkError::Broken(message, hint)) => errors.push(
                    Diagnostic::error(message)
                        .at(&doc.file(), link.span.clone())
                        .hint(hint),
                ),
            }
        }
        (self.doc_id, map.into_iter().collect())
    }

    fn resolve(&self, dest: &str) -> Result<Target, LinkError> {
        let (path, anchor) = match dest.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (dest, None),
        };
        // Source paths are NFC (`load`); a link typed or pasted in NFD finds them all the same.
        let path = crate::text::names::nfc(path);
        let path = path.as_ref();
        if let Some(id) = dest.strip_prefix("@ob:") {
            return self.obligation(id);
        }
        if let Some(key) = path.strip_prefix("@/") {
            return self.page_target(&normalize_key(key), anchor, dest);
        }
        if path.is_empty() {
            // `#anchor` on this very page.
            return self.page_target(&self.site.pages[self.page].key, anchor, dest);
        }
        let doc_dir = parent_dir(&self.site.docs[self.doc_id].key).unwrap_or_default();
        if path.ends_with(".md") && !path.starts_with('/') {
            let key = urls::join(&doc_dir, path).ok_or_else(|| outside(dest))?;
            return self.page_target(&normalize_key(&key), anchor, dest);
        }
        // A co-located file: `map.png` next to the page's source.
        if !path.starts_with('/') {
            if let Some(rel) = urls::join(&doc_dir, path) {
                if self.asset_paths.contains(rel.as_str()) {
                    return Ok(Target::File(rel));
                }
            }
        }
        self.url_target(path, anchor, dest)
    }

    /// A plain URL path, absolute from the site root or relative to the page's URL.
    fn url_target(
        &self,
        path: &str,
        anchor: Option<&str>,
        dest: &str,
    ) -> Result<Target, LinkError> {
        let site = self.site;
        let path = match path.strip_prefix('/') {
            Some(abs) => Some(abs.to_string()),
            None => urls::join(&site.pages[self.page].path, path),
        };
        let path = path.ok_or_else(|| outside(dest))?;
        let path = path.split('?').next().unwrap_or("").to_string();
        if self.asset_paths.contains(path.as_str()) || self.static_files.contains(&path) {
            return Ok(Target::File(path));
        }
        let as_dir = if path.is_empty() || path.ends_with('/') {
            path.clone()
        } else {
            format!("{path}/")
        };
        let as_dir = as_dir
            .strip_suffix("index.html/")
            .map(str::to_string)
            .unwrap_or(as_dir);
        // `/en/a/` and `/a/` both name page `a/`; the reader's language is applied when rendering.
        let bare = urls::split_lang(&as_dir).1;
        let found = [bare, as_dir.as_str()]
            .iter()
            .filter_map(|p| self.by_path.get(p).copied())
            .min();
        match found {
            Some(page) => {
                let key = site.pages[page].key.clone();
                self.page_target(&key, anchor, dest)
            }
            None if self.is_generated(bare) || self.is_generated(urls::split_lang(&path).1) => {
                let target = if self.is_generated(bare) {
                    bare.to_string()
                } else {
                    urls::split_lang(&path).1.to_string()
                };
                Ok(Target::Generated(match anchor {
                    Some(a) => format!("{target}#{a}"),
                    None => target,
                }))
            }
            // The page of a file that could not be read, at the URL its file name gives.
            None if self
                .absent
                .unreadable
                .iter()
                .any(|k| urls::page_path(k, None) == bare) =>
            {
                Err(LinkError::ToUnreadable)
            }
            None => Err((
                msg!("link-to-nothing", dest = dest),
                msg!("link-to-nothing-hint"),
            )
                .into()),
        }
    }

    /// Whether shishin writes a page or file at `path` (below the language prefix) in every
    /// language this document is read in: what [`Generated`] names, and this site has.
    fn is_generated(&self, path: &str) -> bool {
        let site = self.site;
        let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
        let Some(generated) = Generated::parse(&path) else {
            return false;
        };
        match generated {
            Generated::TagIndex | Generated::CompareIndex | Generated::Search => true,
            Generated::DataIndex
            | Generated::Codebook
            | Generated::DataPackage
            | Generated::FactsLong => true,
            Generated::Glossary => !site.glossary.is_empty(),
            Generated::Tag(slug) => self.langs.iter().all(|lang| {
                let tags = site.tags.get(lang).into_iter().flat_map(|t| t.keys());
                tags.map(|t| tag_slug(t)).any(|t| t == slug)
            }),
            Generated::Comparison(id) | Generated::Table(id, _) | Generated::DataTable(id) => {
                site.obligations.contains_key(id) || site.config.comparisons.contains_key(id)
            }
            Generated::Profile(slug) => site.profiles().iter().any(|p| p.slug == slug),
            Generated::Obligation(id) => site
                .obligations
                .values()
                .any(|c| c.ja.iter().any(|i| i.id == id)),
            // Files, not pages, which the static paths of the output already name.
            Generated::Changes(path) => site
                .pages
                .iter()
                .any(|p| p.path == path && p.versions.older.is_some()),
            Generated::NotFound | Generated::SearchIndex | Generated::SearchIndexPart(_) => false,
        }
    }

    fn page_target(
        &self,
        key: &str,
        anchor: Option<&str>,
        dest: &str,
    ) -> Result<Target, LinkError> {
        let site = self.site;
        let Some(&page) = site.by_key.get(key) else {
            if self.absent.unreadable.contains(key) {
                return Err(LinkError::ToUnreadable);
            }
            if self.absent.drafts.contains(key) {
                return Err((
                    msg!("link-to-draft", dest = dest),
                    msg!("link-to-draft-hint"),
                )
                    .into());
            }
            let hint = match similar_page(key, site.by_key.keys().map(String::as_str)) {
                Some(s) => msg!("link-no-page-did-you-mean", suggestion = s),
                None => msg!("link-no-page-hint"),
            };
            return Err((msg!("link-no-page", dest = dest, key = key), hint).into());
        };
        let Some(anchor) = anchor.filter(|a| !a.is_empty()) else {
            return Ok(Target::Page { page, anchor: None });
        };
        // The link leads to the target in the reader's language: the anchor must exist in every
        // language this document is read in.
        let anchor = percent_encoding::percent_decode_str(anchor)
            .decode_utf8_lossy()
            .to_string();
        let missing = self
            .langs
            .iter()
            .map(|&l| site.doc(page, l))
            .find(|d| !d.parsed.anchors.contains(&anchor));
        let Some(target_doc) = missing else {
            return Ok(Target::Page {
                page,
                anchor: Some(anchor),
            });
        };
        let hint = match did_you_mean(
            &anchor,
            target_doc.parsed.anchors.iter().map(String::as_str),
        ) {
            Some(s) => msg!("link-anchor-did-you-mean", suggestion = s, anchor = &anchor),
            None if target_doc.parsed.anchors.is_empty() => msg!("link-anchor-no-headings"),
            None => msg!(
                "link-anchors-on-page",
                anchors = target_doc
                    .parsed
                    .anchors
                    .iter()
                    .take(12)
                    .map(|a| format!("#{a}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        };
        Err((
            msg!(
                "link-no-anchor-on-page",
                dest = dest,
                file = &target_doc.path,
                anchor = &anchor
            ),
            hint,
        )
            .into())
    }

    fn obligation(&self, id: &str) -> Result<Target, LinkError> {
        let site = self.site;
        let parsed = ObligationId::parse(id);
        let set = parsed.as_ref().map_or(id, |p| p.set.as_str());
        let Some(canonical) = parsed.as_ref().and_then(|p| site.obligations.get(&p.set)) else {
            let sets: Vec<&str> = site.obligations.keys().map(String::as_str).collect();
            let sets: Vec<Text> = sets.into_iter().map(Text::verbatim).collect();
            return Err((
                msg!("link-no-obligation-set", id = id, set = set),
                msg!("link-no-obligation-set-hint", sets = Text::join(&sets)),
            )
                .into());
        };
        if !canonical.ja.iter().any(|i| i.id == id) {
            return Err((
                msg!(
                    "link-no-obligation",
                    id = id,
                    set = set,
                    count = canonical.ja.len()
                ),
                msg!(
                    "link-no-obligation-hint",
                    set = set,
                    count = canonical.ja.len()
                ),
            )
                .into());
        }
        Ok(Target::Page {
            page: canonical.page,
            anchor: Some(id.to_string()),
        })
    }
}

fn outside(dest: &str) -> LinkError {
    LinkError::Broken(msg!("link-outside", dest = dest), msg!("link-outside-hint"))
}

/// The page a mistyped key most likely means. A key in a prefecture's folder is never offered
/// another prefecture's page: `prefectures/chiba/plna.md` must not lead to Osaka's plan.
pub fn similar_page<'k>(key: &str, keys: impl Iterator<Item = &'k str>) -> Option<&'k str> {
    let prefecture = crate::guidance::prefecture::of_path(key).map(|(_, p)| p.code);
    let same_prefecture = |k: &&str| {
        let theirs = crate::guidance::prefecture::of_path(k).map(|(_, p)| p.code);
        prefecture.is_none() || theirs.is_none() || theirs == prefecture
    };
    did_you_mean(key, keys.filter(same_prefecture))
}

/// `a/b.en.md` names the same page as `a/b.md`; a leading `/` is allowed.
fn normalize_key(key: &str) -> String {
    let key = key.trim_start_matches('/');
    crate::load::page_key(key).0
}

/// For each page read in each language: the other pages whose text links to it.
fn backlinks(site: &Site) -> HashMap<(PageId, Lang), Vec<PageId>> {
    let mut out: HashMap<(PageId, Lang), Vec<PageId>> = HashMap::new();
    for (page, lang) in site.views() {
        let doc_id = site.pages[page].doc_for(lang);
        let mut seen = HashSet::new();
        for target in site.links[doc_id].values() {
            if let Target::Page { page: to, .. } = target {
                if *to != page && seen.insert(*to) {
                    out.entry((*to, lang)).or_default().push(page);
                }
            }
        }
    }
    out.par_iter_mut().for_each(|((_, lang), from)| {
        from.sort_by(|&a, &b| site.title(a, *lang).cmp(site.title(b, *lang)));
    });
    out
}

fn translation_states(site: &Site, diags: &mut Diagnostics) -> Vec<TranslationState> {
    par_map(&site.pages, diags, |page, found| {
        translation_state(site, page, found)
    })
}

/// A page's translation state, with a warning when the translation needs attention.
pub fn translation_state(site: &Site, page: &Page, diags: &mut Diagnostics) -> TranslationState {
    let ja = &site.docs[page.ja];
    if ja.front.translated_from.is_some() {
        diags.push(
            Diagnostic::warning(msg!("translated-from-in-original"))
                .in_file(&ja.path)
                .hint(msg!("remove-the-line-hint")),
        );
    }
    let state = translations::state(ja, page.en.map(|e| &*site.docs[e]));
    if let Some(e) = page.en {
        let en = &site.docs[e];
        match state {
            // Its lists' warnings say it is out of date, and where: one warning is enough.
            TranslationState::Stale if obligations::lists_out_of_date(en) => {}
            TranslationState::Stale => diags.push(
                Diagnostic::warning(msg!("translation-stale", ja = &ja.path))
                    .in_file(&en.path)
                    .hint(msg!("translation-stale-hint", en = &en.path)),
            ),
            TranslationState::Unstamped => diags.push(
                Diagnostic::warning(msg!("translation-unstamped"))
                    .in_file(&en.path)
                    .hint(msg!("translation-unstamped-hint", en = &en.path)),
            ),
            _ => {}
        }
    }
    state
}

fn tags(site: &Site) -> BTreeMap<Lang, BTreeMap<String, Vec<PageId>>> {
    let mut out: BTreeMap<Lang, BTreeMap<String, Vec<PageId>>> = BTreeMap::new();
    for (page, lang) in site.views() {
        for tag in &site.doc(page, lang).front.tags {
            out.entry(lang)
                .or_default()
                .entry(tag.clone())
                .or_default()
                .push(page);
        }
    }
    for (lang, tags) in out.iter_mut() {
        let mut lists: Vec<&mut Vec<PageId>> = tags.values_mut().collect();
        lists.par_iter_mut().for_each(|pages| {
            pages.sort_by(|&a, &b| site.title(a, *lang).cmp(site.title(b, *lang)));
        });
    }
    out
}

/// Tags written differently whose pages would share a folder (`Plan` and `plan` both make
/// `tags/plan/`): one page would replace the other. An error at the second tag, naming the first.
fn check_tag_folders(site: &Site, diags: &mut Diagnostics) {
    // An untranslated page carries its Japanese tags in English too: each pair once.
    let mut reported = HashSet::new();
    for (&lang, tags) in &site.tags {
        let mut by_folder: HashMap<String, &str> = HashMap::new();
        for name in tags.keys() {
            let first = *by_folder.entry(tag_slug(name)).or_insert(name);
            if first == name || !reported.insert((first, name.as_str())) {
                continue;
            }
            let carrier = |tag: &str| site.doc(tags[tag][0], lang);
            let (a, b) = (carrier(first), carrier(name));
            let slug = tag_slug(name);
            let d = Diagnostic::error(msg!(
                "tags-share-a-page",
                first = first,
                first_file = &a.path,
                second = name,
                second_file = &b.path,
                path = urls::in_lang(lang, &Generated::Tag(&slug).path())
            ))
            .hint(msg!("tags-share-a-page-hint"));
            let file = b.file();
            diags.push(match tag_span(b, &file, name) {
                Some(span) => d.at(&file, span),
                None => d.in_file(&b.path),
            });
        }
    }
}

/// Where a tag is written in the front matter of `file`, `doc`'s.
fn tag_span(doc: &Doc, file: &SourceFile, tag: &str) -> Option<std::ops::Range<usize>> {
    let front = file.text.get(..doc.body.start)?;
    let from = front.find("tags")?;
    let at = from + front[from..].find(tag)?;
    Some(at..at + tag.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Links pages given as (path below content/, text).
    fn linked(files: &[(&str, &str)]) -> Diagnostics {
        let config = Config::parse(crate::diagnostics::SourceFile {
            path: "site.yaml".into(),
            text: "title: { ja: A, en: A }\nbase_url: https://e.jp/\n"
                .to_string()
                .into(),
        })
        .unwrap();
        let docs = files
            .iter()
            .map(|(rel, text)| {
                let file = crate::diagnostics::SourceFile {
                    path: format!("content/{rel}"),
                    text: (*text).to_string().into(),
                };
                let crate::load::frontmatter::Read { front, body, .. } =
                    crate::load::frontmatter::read(&file, &config).unwrap();
                let (key, lang) = crate::load::page_key(rel);
                Arc::new(Doc {
                    source: crate::load::source::held(&file.path, rel.into(), file.text.clone()),
                    path: file.path,
                    key,
                    lang,
                    body,
                    front,
                    parsed: Default::default(),
                    digest: Default::default(),
                })
            })
            .collect();
        let mut diags = Diagnostics::default();
        link(
            config,
            Glossary::default(),
            docs,
            vec![],
            &HashSet::new(),
            &Absent::default(),
            &mut diags,
        );
        diags
    }

    #[test]
    fn urls_that_differ_only_in_case_clash() {
        let page = "---\ntitle: T\n---\n";
        let diags = linked(&[("_index.md", page), ("Plan.md", page), ("plan.md", page)]);
        let messages: Vec<&str> = diags.0.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["content/Plan.md and content/plan.md make pages whose URLs differ only in case: /Plan/ and /plan/"]
        );
        let diags = linked(&[("_index.md", page), ("plan.md", page), ("other.md", page)]);
        assert!(diags.0.is_empty(), "{diags:?}");
    }

    #[test]
    fn tags_that_share_a_folder_are_an_error_naming_both() {
        let home = "---\ntitle: T\n---\n";
        let diags = linked(&[
            ("_index.md", home),
            ("a.md", "---\ntitle: A\ntags: [Home care]\n---\n"),
            ("b.md", "---\ntitle: B\ntags: [home-care]\n---\n"),
        ]);
        let messages: Vec<&str> = diags.0.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["the tags “Home care” (content/a.md) and “home-care” (content/b.md) would share one page, /tags/home-care/"]
        );
        assert_eq!(diags.0[0].location(), "content/b.md:3:8");
    }
}
