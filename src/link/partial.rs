//! Linking again only what an edit touched: the preview's fast path for an edit that changes what
//! other pages show of a page (its title, description or tags) or where its links go and what
//! anchors it has, but not which pages exist, where they are, nor anything the comparisons are
//! made from. Linking all 20,000 documents of a large site again took most of such an edit's
//! time; here only the edited pages' links are resolved again (and, when their anchors changed,
//! the links of the pages that link to them, which may now be broken), and the backlinks, the
//! section's order and the tag lists are patched.
//!
//! What the caller checked before (`serve::rebuild`): every edited document is a known page's,
//! read without an error, its front matter the same but for `title`, `description` and `tags`,
//! its obligation lists the same, and, on a page with obligation lists, its anchors the same (an
//! item's anchor avoids the page's other anchors). What this module refuses, by returning `None`
//! (the site is then half-patched: link it whole again): a link that no longer resolves, and a
//! tag that appears or disappears (its page would too, a link elsewhere may name it, and a new
//! tag may share a folder with another).

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use crate::diagnostics::Diagnostics;
use crate::model::{Doc, DocId, Lang, PageId, Site, Target};

use super::{resolve_pages, translation_state, translations, Absent};

/// A document read again: its id in the site and what was read, not linked yet.
pub struct Edit {
    pub doc_id: DocId,
    pub doc: Doc,
}

/// What [`relink`] changed, for the caller to know which outputs may show it.
#[derive(Debug, Default)]
pub struct Relinked {
    /// The pages whose documents were edited.
    pub pages: Vec<PageId>,
    /// Pages, as read in a language, whose backlinks list an edited page before or after.
    pub backlinked: Vec<(PageId, Lang)>,
    /// Tags an edited page carries in some language, before or after.
    pub tags: BTreeSet<String>,
}

/// Puts the edited documents into the linked site and links again what they touch. `None` when
/// the edit needs the whole link stage (see the module doc); the site is then not to be used.
pub fn relink(
    site: &mut Site,
    edits: Vec<Edit>,
    static_files: &HashSet<String>,
    absent: &Absent,
    warnings: &mut Diagnostics,
) -> Option<Relinked> {
    let mut pages: Vec<PageId> = Vec::new();
    for e in &edits {
        let page = *site.by_key.get(&site.docs[e.doc_id].key)?;
        if !pages.contains(&page) {
            pages.push(page);
        }
    }
    let old_targets = link_targets(site, &pages);
    let old_tags = tag_lists(site, &pages);
    let mut anchors_changed = Vec::new();
    let mut titles_changed = false;
    for Edit { doc_id, doc } in edits {
        let page = site.by_key[&doc.key];
        let linked = link_again(site, page, doc_id, doc);
        let old = &site.docs[doc_id];
        if old.parsed.anchors != linked.parsed.anchors {
            anchors_changed.push(page);
        }
        titles_changed |= old.front.title != linked.front.title;
        site.docs[doc_id] = Arc::new(linked);
    }
    if titles_changed {
        for &p in &pages {
            sort_children(site, site.pages[p].parent);
        }
    }

    // The edited pages' links, and those of the pages linking to a page whose anchors changed:
    // an anchor they name may be gone.
    let mut resolve = pages.clone();
    for &p in &anchors_changed {
        for &lang in &site.config.languages {
            resolve.extend(site.backlinks.get(&(p, lang)).into_iter().flatten());
        }
    }
    resolve.sort_unstable();
    resolve.dedup();
    let mut errors = Diagnostics::default();
    let resolved = resolve_pages(site, &resolve, static_files, absent, &mut errors);
    if errors.has_errors() {
        return None;
    }
    for (doc_id, map) in resolved {
        site.links[doc_id] = map;
    }

    let new_targets = link_targets(site, &pages);
    let backlinked = patch_backlinks(site, &old_targets, &new_targets);

    let new_tags = tag_lists(site, &pages);
    patch_tags(site, &old_tags, &new_tags, titles_changed)?;

    for &p in &pages {
        let state = translation_state(site, &site.pages[p], warnings);
        site.translations[p] = state;
    }
    let tags = old_tags.into_iter().chain(new_tags).flat_map(|(_, t)| t);
    Some(Relinked {
        pages,
        backlinked,
        tags: tags.collect(),
    })
}

/// What the link stage makes of a document read again: a translation takes from its original
/// what it does not set itself; on a page with obligation lists (the same as before, the caller
/// checked) the items keep the anchors the link stage gave them.
fn link_again(site: &Site, page: PageId, doc_id: DocId, mut doc: Doc) -> Doc {
    let p = &site.pages[page];
    if doc.lang == Lang::En {
        let ja = &site.docs[p.ja].front;
        if translations::inherits(ja, &doc.front) {
            translations::inherit(ja, &mut doc.front);
        }
    }
    let has_lists = std::iter::once(p.ja)
        .chain(p.en)
        .any(|d| !site.docs[d].parsed.obligation_lists.is_empty());
    if has_lists {
        let old = &site.docs[doc_id];
        doc.parsed.anchors.clone_from(&old.parsed.anchors);
        doc.parsed.untranslated.clone_from(&old.parsed.untranslated);
        let lists = doc.parsed.obligation_lists.iter_mut();
        for (list, old) in lists.zip(&old.parsed.obligation_lists) {
            for (item, old) in list.items.iter_mut().zip(&old.items) {
                item.id.clone_from(&old.id);
            }
        }
    }
    doc
}

/// Orders a section's children again, as the link stage does ([`super::child_order`]).
fn sort_children(site: &mut Site, section: Option<PageId>) {
    let Some(section) = section else { return };
    let mut children = std::mem::take(&mut site.pages[section].children);
    children.sort_by_cached_key(|&c| super::child_order(site, c));
    site.pages[section].children = children;
}

/// Per page of `pages` and language: the other pages its links go to.
fn link_targets(site: &Site, pages: &[PageId]) -> Vec<((PageId, Lang), BTreeSet<PageId>)> {
    let mut out = Vec::new();
    for &page in pages {
        for &lang in &site.config.languages {
            let doc_id = site.pages[page].doc_for(lang);
            let targets = site.links[doc_id].values().filter_map(|t| match t {
                Target::Page { page: to, .. } if *to != page => Some(*to),
                _ => None,
            });
            out.push(((page, lang), targets.collect()));
        }
    }
    out
}

/// Takes the edited pages out of the backlinks of pages they no longer link to, adds them to
/// those of the pages they link to now, and orders every list that holds them again by title
/// (ties in the order of the pages, as the link stage leaves them). Returns those lists' keys.
fn patch_backlinks(
    site: &mut Site,
    old: &[((PageId, Lang), BTreeSet<PageId>)],
    new: &[((PageId, Lang), BTreeSet<PageId>)],
) -> Vec<(PageId, Lang)> {
    let mut touched = BTreeSet::new();
    for (((from, lang), before), (_, after)) in old.iter().zip(new) {
        for &to in before.difference(after) {
            if let Some(list) = site.backlinks.get_mut(&(to, *lang)) {
                list.retain(|p| p != from);
                if list.is_empty() {
                    site.backlinks.remove(&(to, *lang));
                }
            }
        }
        for &to in after.difference(before) {
            site.backlinks.entry((to, *lang)).or_default().push(*from);
        }
        touched.extend(before.iter().chain(after).map(|&to| (to, *lang)));
    }
    for &(to, lang) in &touched {
        let Some(mut list) = site.backlinks.remove(&(to, lang)) else {
            continue;
        };
        list.sort_by(|&a, &b| (site.title(a, lang), a).cmp(&(site.title(b, lang), b)));
        site.backlinks.insert((to, lang), list);
    }
    touched.into_iter().collect()
}

/// The tags each page carries, per language it is read in.
fn tag_lists(site: &Site, pages: &[PageId]) -> Vec<((PageId, Lang), Vec<String>)> {
    let mut out = Vec::new();
    for &page in pages {
        for &lang in &site.config.languages {
            out.push(((page, lang), site.doc(page, lang).front.tags.clone()));
        }
    }
    out
}

/// Moves the edited pages between the tag lists they left and joined, and orders every list
/// that holds them again by title (ties in the order of the pages, as the link stage leaves
/// them). `None` when a tag would appear or disappear: its page would too, and a link elsewhere
/// may name it (and a new tag may share a folder with another).
fn patch_tags(
    site: &mut Site,
    old: &[((PageId, Lang), Vec<String>)],
    new: &[((PageId, Lang), Vec<String>)],
    titles_changed: bool,
) -> Option<()> {
    for (((page, lang), before), (_, after)) in old.iter().zip(new) {
        if before == after && !titles_changed {
            continue;
        }
        let names: BTreeSet<&String> = before.iter().chain(after).collect();
        for name in names {
            let mut list = std::mem::take(site.tags.get_mut(lang)?.get_mut(name)?);
            list.retain(|p| p != page);
            // A page that names a tag twice is listed twice, as the link stage lists it.
            list.extend(after.iter().filter(|t| *t == name).map(|_| *page));
            if list.is_empty() {
                return None;
            }
            list.sort_by(|&a, &b| (site.title(a, *lang), a).cmp(&(site.title(b, *lang), b)));
            *site.tags.get_mut(lang)?.get_mut(name)? = list;
        }
    }
    Some(())
}
