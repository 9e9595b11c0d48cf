//! Versions of a text compared as a 新旧対照表 (SPEC §10): the table of 新 (new) | 旧 (old) |
//! 備考 (remarks) that Japanese administration prints for every revision of a plan.
//!
//! How two texts become rows:
//!
//! 1. **Blocks** ([`blocks`]). Each Markdown text is cut into the blocks a reader cites —
//!    headings, paragraphs, list items, table rows, code blocks — as plain text, with the pages'
//!    own parser. A row of the table is one block, so a change to one list item shows as one row,
//!    not as the whole list.
//! 2. **Block alignment** ([`align`]). A Myers diff over the blocks (kind and text, folded per
//!    character as the character diff folds it) finds the unchanged blocks; they anchor the rows.
//!    Between two anchors lie deleted and inserted blocks. A deleted and an inserted block are one
//!    block reworded (変更) when their texts are similar enough ([`align::SAME_BLOCK_SIMILARITY`],
//!    by the bigram similarity the obligation matching uses, on the text without its list
//!    number); the pairing keeps the order of both texts and takes the pairs with the greatest
//!    total similarity. Blocks still unpaired between the same two pairs, as many on each side
//!    and of the same kinds, pair in order too: a table row whose amount changed is too short to
//!    be "similar", yet it is the same row rewritten in place. A block left unpaired is new
//!    (新設) or removed (全削除). Why not a line
//!    diff: lines in Japanese Markdown break anywhere inside a sentence, and a 新旧対照表 compares
//!    provisions, not lines. Why pair only between anchors: each column must read in its own
//!    document's order, so a block moved across others shows as removed where it was and new
//!    where it is.
//! 3. **Characters** ([`chars`]). Inside a reworded block, the obligation comparison's character
//!    diff (Japanese has no spaces, so there are no words to diff) marks exactly the characters
//!    that changed, 傍線 in both columns. The remark follows: 追加 when only characters were
//!    added, 削除 when only deleted, 変更 when both.
//!
//! The rows ([`Row`]) carry kinds, not words; [`output`] prints them as Markdown, HTML or CSV in
//! either language. Nothing here panics on any input: text is handled as `char`s, never sliced
//! by bytes.

pub mod align;
pub mod blocks;
pub mod chars;
pub mod output;
pub mod rows;

use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::text::lang::Lang;

pub use rows::{Cell, Remark, Row};

/// The rows of the 新旧対照表 of two Markdown texts (front matter, if any, left out).
pub fn compare(old: &str, new: &str) -> Vec<Row> {
    let old = blocks::blocks(blocks::body(old));
    let new = blocks::blocks(blocks::body(new));
    align::align(&old, &new)
}

/// How `shishin diff` prints the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Html,
    Csv,
}

/// The table printed in a format.
pub fn print(rows: &[Row], format: Format, lang: Lang, caption: &str) -> String {
    match format {
        Format::Md => output::markdown(rows, lang, caption),
        Format::Html => output::html_document(rows, lang, caption),
        Format::Csv => output::csv(rows, lang),
    }
}

/// What `shishin diff` prints, and the warnings met on the way (a file read as Shift_JIS).
pub struct Printed {
    pub text: String,
    pub warnings: Diagnostics,
}

/// The table of two files anywhere, inside a site or not, read as the site reads its pages
/// (UTF-8, or Shift_JIS with a warning); an error names the file that could not be read.
pub fn diff_files(
    old: &Path,
    new: &Path,
    format: Format,
    lang: Lang,
) -> Result<Printed, Diagnostic> {
    let (old_name, new_name) = (old.display().to_string(), new.display().to_string());
    let old_file = crate::load::read_text(old, &old_name)?;
    let new_file = crate::load::read_text(new, &new_name)?;
    let rows = compare(&old_file.text, &new_file.text);
    let caption = output::caption(lang, &old_name, &new_name);
    Ok(Printed {
        text: print(&rows, format, lang, &caption),
        warnings: old_file
            .warnings
            .into_iter()
            .chain(new_file.warnings)
            .collect(),
    })
}

#[cfg(test)]
mod tests;
