//! Obligation items on a prefecture's page and on its translation (SPEC §5).
//!
//! The parse stage numbers items by position, which is right for the canonical list but not for
//! a prefecture's: its third item need not be the guideline's third obligation, and a link
//! `@/prefectures/x/plan.md#hub-3` must land on that prefecture's version of hub-3 whatever the
//! order. Once the canonical sets are known, each item of a prefecture's list is matched (as the
//! comparison matches it) and named after what it matches: `hub-3`, a second item matching hub-3
//! `hub-3-2`, own additions `hub-own-1`, `hub-own-2`, ….
//!
//! The translation's items take the anchors of the Japanese items they translate, by position.
//! When the Japanese list has more items (it was edited, the translation not yet), the items the
//! translation lacks are shown in Japanese on the English page ([`Untranslated`]), so every
//! anchor exists in both languages, and the build warns that the translation is out of date.
//!
//! An item that matches nothing but resembles an obligation warns: the author may mean it as
//! that obligation and should say so with a marker.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use indexmap::IndexMap;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::guidance::obligations::{self, MatchOutcome, RESEMBLANCE};
use crate::model::{CanonicalSet, Doc, ObligationItem, ObligationList, Place, Site, Untranslated};
use crate::msg;

/// Renames the items of every prefecture's lists after what they match, gives the translations'
/// items the same anchors, and warns where a translation lags or an item may lack its marker.
pub fn anchor_items(site: &mut Site, diags: &mut Diagnostics) {
    let threshold = site.config.obligations.match_threshold;
    for p in 0..site.pages.len() {
        let page = &site.pages[p];
        let (ja_id, en_id) = (page.ja, page.en);
        let current = page.versions.newer.is_none();
        let ja = &site.docs[ja_id];
        if ja.front.prefecture.is_none() || ja.parsed.obligation_lists.is_empty() {
            continue;
        }
        let names = item_names(ja, &site.obligations, threshold, current, diags);
        if names.iter().all(Option::is_none) {
            continue;
        }
        rename(Arc::make_mut(&mut site.docs[ja_id]), &names);
        if let Some(en_id) = en_id {
            let (ja, en) = (&site.docs[ja_id], &site.docs[en_id]);
            let follow = follow_japanese(ja, en, &names, diags);
            let en = Arc::make_mut(&mut site.docs[en_id]);
            rename(en, &follow.names);
            en.parsed
                .anchors
                .extend(follow.untranslated.iter().flat_map(|u| {
                    u.items
                        .iter()
                        .flat_map(|i| std::iter::once(i.id.clone()).chain(i.also.iter().cloned()))
                }));
            en.parsed.untranslated = follow.untranslated;
        }
    }
}

/// Whether a translation's obligation lists lag behind the Japanese: the link stage then warned
/// about them, which says all a stale translation's warning would.
pub fn lists_out_of_date(en: &Doc) -> bool {
    !en.parsed.untranslated.is_empty()
        || en
            .parsed
            .obligation_lists
            .iter()
            .any(|l| l.items.iter().any(|i| i.id.is_empty()))
}

/// An item's new anchor, and those of the further obligations it matches (several markers).
#[derive(Debug, Clone, Default, PartialEq)]
struct ItemName {
    id: String,
    also: Vec<String>,
}

/// Per list of the page: the new anchors of each item, or `None` for a list not compared (its
/// set has no canonical definition), which keeps the anchors it has.
type Names = Vec<Option<Vec<ItemName>>>;

/// Names each item of a prefecture page's compared lists after what it matches.
fn item_names(
    doc: &Doc,
    canonical: &IndexMap<String, CanonicalSet>,
    threshold: f64,
    current: bool,
    diags: &mut Diagnostics,
) -> Names {
    let mut taken = other_anchors(doc);
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut names = Vec::with_capacity(doc.parsed.obligation_lists.len());
    for list in &doc.parsed.obligation_lists {
        let Some(set) = canonical.get(&list.set) else {
            names.push(None);
            continue;
        };
        let texts: Vec<&str> = set.ja.iter().map(|i| i.text.as_str()).collect();
        let mut list_names = Vec::with_capacity(list.items.len());
        for item in &list.items {
            let markers: Vec<usize> = item
                .markers
                .iter()
                .filter(|m| m.set == list.set)
                .map(|m| m.index())
                .collect();
            let result = obligations::match_item(&item.text, &markers, &texts, threshold);
            let mut further = Vec::new();
            let base = match result.outcome {
                MatchOutcome::Matched(m) => {
                    further = m[1..]
                        .iter()
                        .map(|x| set.ja[x.canonical].id.clone())
                        .collect();
                    set.ja[m[0].canonical].id.clone()
                }
                MatchOutcome::Own => {
                    if current {
                        if let Some((i, s)) = obligations::closest(&item.text, &texts, RESEMBLANCE)
                        {
                            diags.push(resembles(doc, item, &set.ja[i].id, s));
                        }
                    }
                    format!("{}-own", list.set)
                }
            };
            let id = next_name(&base, &mut used, &mut taken);
            let also = further
                .iter()
                .map(|b| next_name(b, &mut used, &mut taken))
                .collect();
            list_names.push(ItemName { id, also });
        }
        names.push(Some(list_names));
    }
    names
}

/// The page's anchors that are not obligation items (headings, footnotes): an item's new name
/// must not take one.
fn other_anchors(doc: &Doc) -> HashSet<String> {
    let items: HashSet<&str> = doc
        .parsed
        .obligation_lists
        .iter()
        .flat_map(|l| l.items.iter())
        .flat_map(|i| std::iter::once(i.id.as_str()).chain(i.also.iter().map(String::as_str)))
        .collect();
    doc.parsed
        .anchors
        .iter()
        .filter(|a| !items.contains(a.as_str()))
        .cloned()
        .collect()
}

/// `hub-3` the first time, `hub-3-2` the second; own additions count from one: `hub-own-1`.
fn next_name(base: &str, used: &mut HashMap<String, usize>, taken: &mut HashSet<String>) -> String {
    let own = base.ends_with("-own");
    loop {
        let n = used.entry(base.to_string()).or_insert(0);
        *n += 1;
        let name = match (own, *n) {
            (false, 1) => base.to_string(),
            (_, n) => format!("{base}-{n}"),
        };
        if taken.insert(name.clone()) {
            return name;
        }
    }
}

/// Gives each item of the lists its new anchor, in the items and in the page's anchors.
fn rename(doc: &mut Doc, names: &Names) {
    let parsed = &mut doc.parsed;
    let mut old: HashSet<String> = HashSet::new();
    let mut new: Vec<String> = Vec::new();
    for (list, names) in parsed.obligation_lists.iter_mut().zip(names) {
        let Some(names) = names else { continue };
        for (item, name) in list.items.iter_mut().zip(names) {
            old.insert(std::mem::replace(&mut item.id, name.id.clone()));
            old.extend(std::mem::replace(&mut item.also, name.also.clone()));
            if !name.id.is_empty() {
                new.push(name.id.clone());
            }
            new.extend(name.also.iter().cloned());
        }
    }
    parsed.anchors.retain(|a| !old.contains(a));
    parsed.anchors.extend(new);
}

/// What a translation's lists become: each item's anchor, and the Japanese items it lacks.
struct Follow {
    names: Names,
    untranslated: Vec<Untranslated>,
}

/// Aligns the translation's lists with the Japanese ones (the n-th list of a set with the n-th,
/// item by item), warning for each list whose count differs.
fn follow_japanese(ja: &Doc, en: &Doc, ja_names: &Names, diags: &mut Diagnostics) -> Follow {
    let mut follow = Follow {
        names: vec![None; en.parsed.obligation_lists.len()],
        untranslated: Vec::new(),
    };
    for (index, (list, names)) in ja.parsed.obligation_lists.iter().zip(ja_names).enumerate() {
        if names.is_none() {
            continue;
        }
        let nth = ja.parsed.obligation_lists[..index]
            .iter()
            .filter(|l| l.set == list.set)
            .count();
        let found = en
            .parsed
            .obligation_lists
            .iter()
            .enumerate()
            .filter(|(_, l)| l.set == list.set)
            .nth(nth);
        let Some((en_index, en_list)) = found else {
            diags.push(no_translated_list(ja, en, &list.set));
            follow.untranslated.push(Untranslated {
                set: list.set.clone(),
                place: Place::EndOfBody,
                items: list.items.clone(),
            });
            continue;
        };
        let (n_ja, n_en) = (list.items.len(), en_list.items.len());
        follow.names[en_index] = Some(
            (0..n_en)
                .map(|i| {
                    list.items
                        .get(i)
                        .map_or_else(ItemName::default, |it| ItemName {
                            id: it.id.clone(),
                            also: it.also.clone(),
                        })
                })
                .collect(),
        );
        if n_ja == n_en {
            continue;
        }
        diags.push(list_out_of_date(ja, en, en_list, n_ja));
        if n_ja > n_en {
            follow.untranslated.push(Untranslated {
                set: list.set.clone(),
                place: Place::EndOfList(en_list.items[0].span.start),
                items: list.items[n_en..].to_vec(),
            });
        }
    }
    follow
}

// --- messages ------------------------------------------------------------------------------

/// An item that matches no obligation but is much like one.
fn resembles(doc: &Doc, item: &ObligationItem, id: &str, similarity: f64) -> Diagnostic {
    let percent = (similarity * 100.0).round();
    let file = doc.file();
    let first_line = item.span.start
        ..file
            .text
            .get(item.span.clone())
            .and_then(|t| t.find('\n'))
            .map_or(item.span.end, |i| item.span.start + i);
    Diagnostic::warning(msg!(
        "item-resembles-obligation",
        id = id,
        percent = percent
    ))
    .at(&file, first_line)
    .hint(msg!("item-resembles-obligation-hint", id = id))
}

/// A translation's list with another number of items than the Japanese one.
fn list_out_of_date(ja: &Doc, en: &Doc, en_list: &ObligationList, n_ja: usize) -> Diagnostic {
    let n_en = en_list.items.len();
    let hint = if n_ja > n_en {
        msg!("translated-list-lacks-items-hint", en = &en.path)
    } else {
        msg!("translated-list-follow-hint", en = &en.path)
    };
    Diagnostic::warning(msg!(
        "translated-list-out-of-date",
        set = &en_list.set,
        ja_count = n_ja,
        ja = &ja.path,
        en_count = n_en
    ))
    .at(&en.file(), en_list.heading_span.clone())
    .hint(hint)
}

/// A translation without the list of a set the Japanese page has.
fn no_translated_list(ja: &Doc, en: &Doc, set: &str) -> Diagnostic {
    Diagnostic::warning(msg!("no-translated-list", set = set, ja = &ja.path))
        .in_file(&en.path)
        .hint(msg!("no-translated-list-hint", set = set, en = &en.path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_count_repeats_and_own_additions_and_avoid_other_anchors() {
        let mut used = HashMap::new();
        let mut taken: HashSet<String> = ["hub-own-2".to_string()].into();
        let mut next = |base: &str| next_name(base, &mut used, &mut taken);
        assert_eq!(next("hub-3"), "hub-3");
        assert_eq!(next("hub-3"), "hub-3-2");
        assert_eq!(next("hub-own"), "hub-own-1");
        // A heading took `hub-own-2`: the next own addition goes on to 3.
        assert_eq!(next("hub-own"), "hub-own-3");
        assert_eq!(next("hub-1"), "hub-1");
    }
}
