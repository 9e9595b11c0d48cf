//! Warnings that protect the comparison's columns (SPEC §5): a prefecture's column is made from
//! the pages that name it, so a page filed in one prefecture's folder but naming another in
//! `prefecture:`, or two current pages of one prefecture listing the same set, would put items
//! in the wrong column or the same column twice, with nothing visibly wrong on either page.

use std::collections::HashMap;
use std::ops::Range;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::guidance::prefecture::{self, Prefecture};
use crate::model::{Doc, Site};
use crate::msg;

/// Warns for each page whose folder and `prefecture:` disagree, and for each set listed by two
/// current pages of one prefecture.
pub fn check(site: &Site, diags: &mut Diagnostics) {
    let mut listed: HashMap<(u8, &str), &Doc> = HashMap::new();
    for page in &site.pages {
        let doc = &*site.docs[page.ja];
        let Some(named) = doc.front.prefecture else {
            continue;
        };
        if let Some((_, folder)) = prefecture::of_path(&doc.key) {
            if folder.code != named.code {
                diags.push(folder_differs(doc, folder, named));
            }
        }
        // A page another supersedes is an older version, not a second current page.
        if page.versions.newer.is_some() {
            continue;
        }
        for list in &doc.parsed.obligation_lists {
            match listed.get(&(named.code, list.set.as_str())) {
                Some(first) if first.key != doc.key => {
                    diags.push(listed_twice(
                        first,
                        doc,
                        named,
                        &list.set,
                        list.heading_span.clone(),
                    ));
                }
                Some(_) => {}
                None => {
                    listed.insert((named.code, list.set.as_str()), doc);
                }
            }
        }
    }
}

/// Where `prefecture:` is written in the front matter of `file`, `doc`'s, for the warning's line.
fn prefecture_span(doc: &Doc, file: &SourceFile) -> Option<Range<usize>> {
    let front = file.text.get(..doc.body.start)?;
    let mut at = 0;
    for line in front.split_inclusive('\n') {
        if line.starts_with("prefecture") {
            return Some(at..at + line.trim_end().len());
        }
        at += line.len();
    }
    None
}

fn folder_differs(doc: &Doc, folder: &Prefecture, named: &Prefecture) -> Diagnostic {
    let d = Diagnostic::warning(msg!(
        "prefecture-folder-differs",
        folder = folder.ja,
        slug = folder.slug,
        named = named.ja
    ))
    .hint(msg!(
        "prefecture-folder-differs-hint",
        folder = folder.ja,
        slug = folder.slug,
        named = named.ja,
        named_slug = named.slug
    ));
    let file = doc.file();
    match prefecture_span(doc, &file) {
        Some(span) => d.at(&file, span),
        None => d.in_file(&doc.path),
    }
}

fn listed_twice(
    first: &Doc,
    doc: &Doc,
    named: &Prefecture,
    set: &str,
    heading: Range<usize>,
) -> Diagnostic {
    Diagnostic::warning(msg!(
        "prefecture-listed-twice",
        first = &first.path,
        set = set,
        prefecture = named.ja
    ))
    .at(&doc.file(), heading)
    .hint(msg!("prefecture-listed-twice-hint", key = &first.key))
}
