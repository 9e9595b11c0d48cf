//! Versions of a document (SPEC §10): `supersedes: "@/a/old.md"` in a page's front matter makes
//! it the newer version of that page. Here each page learns the version it supersedes and the
//! one that supersedes it ([`Versions`]), and the mistakes that would leave a reader without a
//! next or previous version are errors at the `supersedes:` line: a page that does not exist, a
//! cycle (A → B → A), and a page superseded by two pages (which of them is the newer?). A chain
//! A → B → C is what revisions are, and is allowed.
//!
//! The translation belongs to its Japanese page's versions: an `.en.md` inherits `supersedes`,
//! so the English pages link the same versions without repeating the line.

use super::{similar_page, Absent};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::messages::{Lang, Text};
use crate::model::{Doc, PageId, Site, Supersedes, Versions};
use crate::msg;
use crate::urls::Generated;

/// Sets each page's [`Versions`]; every mistake is an error at its `supersedes:` line. A page
/// whose `supersedes:` is wrong keeps no versions, so nothing later follows a broken chain.
pub fn link_versions(site: &mut Site, absent: &Absent, diags: &mut Diagnostics) {
    let mut versions = vec![Versions::default(); site.pages.len()];
    for page in 0..site.pages.len() {
        let Some((doc, written)) = declared(site, page, diags) else {
            continue;
        };
        let older = match older_page(site, written, absent) {
            Ok(older) => older,
            // The older page's own error is the one to fix.
            Err(None) => continue,
            Err(Some((message, hint))) => {
                diags.push(at_line(doc, written, message, hint));
                continue;
            }
        };
        if let Some(other) = versions[older].newer {
            let other = &site.docs[site.pages[other].ja].path;
            let message = msg!("already-superseded", key = &written.key, other = other);
            let hint = msg!("already-superseded-hint");
            diags.push(at_line(doc, written, message, hint));
            continue;
        }
        versions[page].older = Some(older);
        versions[older].newer = Some(page);
    }
    for cycle in cycles(&versions) {
        diags.push(cycle_error(site, &cycle));
        for &page in &cycle {
            versions[page] = Versions::default();
        }
    }
    for (page, v) in versions.into_iter().enumerate() {
        site.pages[page].versions = v;
    }
    check_changes_pages(site, diags);
}

/// The Japanese document of a page and its `supersedes:`, after checking that the translation
/// says the same or nothing.
fn declared<'s>(
    site: &'s Site,
    page: PageId,
    diags: &mut Diagnostics,
) -> Option<(&'s Doc, &'s Supersedes)> {
    let p = &site.pages[page];
    let ja: &Doc = &site.docs[p.ja];
    let ours: Option<&'s Supersedes> = ja.front.supersedes.as_deref();
    if let Some(en) = p.en.map(|e| &*site.docs[e]) {
        match en.front.supersedes.as_ref() {
            Some(theirs) if Some(&theirs.key) != ours.map(|o| &o.key) => diags.push(at_line(
                en,
                theirs,
                msg!("translation-supersedes-differs"),
                msg!("translation-supersedes-differs-hint", ja = &ja.path),
            )),
            _ => {}
        }
    }
    ours.map(|s| (ja, s))
}

/// The page `supersedes:` names, or the error to report at its line (none when the page exists
/// but could not be read: its own error says why).
fn older_page(
    site: &Site,
    written: &Supersedes,
    absent: &Absent,
) -> Result<PageId, Option<(Text, Text)>> {
    if let Some(&page) = site.by_key.get(&written.key) {
        return Ok(page);
    }
    if absent.unreadable.contains(&written.key) {
        return Err(None);
    }
    if absent.drafts.contains(&written.key) {
        return Err(Some((
            msg!("supersedes-draft", key = &written.key),
            msg!("supersedes-draft-hint"),
        )));
    }
    let hint = match similar_page(&written.key, site.by_key.keys().map(String::as_str)) {
        Some(s) => msg!("link-no-page-did-you-mean", suggestion = s),
        None => msg!("supersedes-missing-hint"),
    };
    Err(Some((msg!("supersedes-missing", key = &written.key), hint)))
}

fn at_line(doc: &Doc, written: &Supersedes, message: Text, hint: Text) -> Diagnostic {
    Diagnostic::error(message)
        .at_line(&doc.file(), written.line)
        .hint(hint)
}

/// Every cycle of `older` links, each once, as its pages from the lowest id on. A page has at
/// most one older and one newer version, so the links form chains and cycles only.
fn cycles(versions: &[Versions]) -> Vec<Vec<PageId>> {
    let mut found = Vec::new();
    for start in 0..versions.len() {
        let mut cycle = vec![start];
        let mut at = versions[start].older;
        while let Some(page) = at.filter(|_| cycle.len() <= versions.len()) {
            if page == start {
                // Each cycle once: from its lowest page.
                if cycle.iter().all(|&p| p >= start) {
                    found.push(cycle);
                }
                break;
            }
            cycle.push(page);
            at = versions[page].older;
        }
    }
    found
}

/// One error for a cycle, at the `supersedes:` line of its first page, naming every file.
fn cycle_error(site: &Site, cycle: &[PageId]) -> Diagnostic {
    let doc = |p: PageId| &*site.docs[site.pages[p].ja];
    let mut names: Vec<&str> = cycle.iter().map(|&p| doc(p).path.as_str()).collect();
    names.push(names[0]);
    let step = msg!("versions-cycle-step");
    let chain = |lang| names.join(step.in_lang(lang));
    let chain = Text::both(chain(Lang::Ja), chain(Lang::En));
    let first = doc(cycle[0]);
    let line = first.front.supersedes.as_ref().map_or(1, |s| s.line);
    Diagnostic::error(msg!("versions-cycle", chain = chain))
        .at_line(&first.file(), line)
        .hint(msg!("versions-cycle-hint"))
}

/// A newer version's 新旧対照表 is generated at `changes/` below it: a content page there would
/// replace it or be replaced.
fn check_changes_pages(site: &Site, diags: &mut Diagnostics) {
    for page in site.pages.iter().filter(|p| p.versions.older.is_some()) {
        let changes = Generated::Changes(&page.path).path();
        let Some(other) = site.pages.iter().find(|p| p.path == changes) else {
            continue;
        };
        let doc = &site.docs[other.ja];
        diags.push(
            Diagnostic::error(msg!(
                "changes-url-taken",
                path = &changes,
                file = &site.docs[page.ja].path
            ))
            .in_file(&doc.path)
            .hint(msg!("changes-url-taken-hint")),
        );
    }
}
