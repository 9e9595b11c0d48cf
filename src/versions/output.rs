//! The 新旧対照表 printed: a Markdown table, an HTML table (the fragment the site's pages embed,
//! and a standalone document around it) and CSV for spreadsheets.
//!
//! The columns are 新 | 旧 | 備考, new first, as Japanese administration prints them. The
//! changed characters are underlined (傍線) in both columns. Runs of unchanged blocks are
//! collapsed to one （略） row in the tables meant for reading (HTML keeps them behind a
//! `<details>` that opens in place); CSV, which is data, keeps every row.

use crate::text::lang::Lang;
use crate::text::language::{has_kana_or_kanji, mark_japanese_runs, push_escaped};
use crate::text::safety::write_csv_record;

use super::blocks::BlockKind;
use super::rows::{Cell, Row};

/// What a reader's table shows: a row, or a run of unchanged rows collapsed.
enum Shown<'a> {
    Row(&'a Row),
    Omitted(&'a [Row]),
}

fn shown(rows: &[Row]) -> Vec<Shown<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < rows.len() {
        let run = rows[start..]
            .iter()
            .take_while(|r| matches!(r, Row::Unchanged { .. }))
            .count();
        if run > 0 {
            out.push(Shown::Omitted(&rows[start..start + run]));
            start += run;
        } else {
            out.push(Shown::Row(&rows[start]));
            start += 1;
        }
    }
    out
}

/// The words of the table in each language.
struct Words {
    new: &'static str,
    old: &'static str,
    remark: &'static str,
    omitted: &'static str,
    new_changed: &'static str,
    old_changed: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Ja => Words {
            new: "新",
            old: "旧",
            remark: "備考",
            omitted: "（略）",
            new_changed: "新の傍線部",
            old_changed: "旧の傍線部",
        },
        Lang::En => Words {
            new: "New",
            old: "Old",
            remark: "Remarks",
            omitted: "(omitted)",
            new_changed: "Underlined in new",
            old_changed: "Underlined in old",
        },
    }
}

/// The caption of a table comparing `old` and `new` (file names or page titles).
pub fn caption(lang: Lang, old: &str, new: &str) -> String {
    match lang {
        Lang::Ja => format!("新旧対照表（新: {new}、旧: {old}）"),
        Lang::En => format!("Comparison of new and old text (new: {new}, old: {old})"),
    }
}

// --- Markdown -----------------------------------------------------------------------------------

/// A GitHub-style table, the caption as a paragraph above it. Changed characters are in
/// `<ins>…</ins>` in both columns: GitHub and the pages of this site (whose raw-HTML allowlist
/// has `ins`) render it underlined, which is what 傍線 is; `**bold**` would read as emphasis,
/// and `<u>` is dropped by GitHub.
pub fn markdown(rows: &[Row], lang: Lang, caption: &str) -> String {
    let w = words(lang);
    let mut out = format!("**{}**\n\n", md_escape(caption));
    out.push_str(&format!(
        "| {} | {} | {} |\n|---|---|---|\n",
        w.new, w.old, w.remark
    ));
    for item in shown(rows) {
        let (new, old, remark) = match item {
            Shown::Row(row) => (
                row.new_cell().map(|c| md_cell(&c)).unwrap_or_default(),
                row.old_cell().map(|c| md_cell(&c)).unwrap_or_default(),
                row.remark().word(lang),
            ),
            Shown::Omitted(_) => (w.omitted.to_string(), w.omitted.to_string(), ""),
        };
        out.push_str(&format!("| {new} | {old} | {remark} |\n"));
    }
    out
}

fn md_cell(cell: &Cell<'_>) -> String {
    let mut out = String::new();
    for piece in cell.pieces.iter() {
        let text = md_escape(&piece.text);
        if piece.changed {
            out.push_str(&format!("<ins>{text}</ins>"));
        } else {
            out.push_str(&text);
        }
    }
    out
}

/// Text safe inside a table cell: Markdown and HTML punctuation escaped, line breaks as `<br>`.
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("<br>"),
            '\r' => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

// --- HTML ---------------------------------------------------------------------------------------

/// The language of the texts in a table's cells, for `lang` attributes (WCAG 3.1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Texts {
    /// Unknown (two files given to `shishin diff`): a cell with kana or kanji is Japanese.
    Guess,
    /// Known, as a site knows its pages' languages: in an English table, every cell of Japanese
    /// texts is `lang="ja"`; in English texts only the runs of Japanese inside them are.
    Known(Lang),
}

/// The table as an HTML fragment, for [`html_document`]. Changed characters are `<ins>` in the
/// new column and `<del>` in the old one, which screen readers can announce as inserted and
/// deleted; [`STYLE`] underlines both, as 傍線 is drawn. In an English table, a cell whose text
/// is Japanese is marked `lang="ja"`.
pub fn html_fragment(rows: &[Row], lang: Lang, caption: &str) -> String {
    html_fragment_of(rows, lang, Texts::Guess, caption)
}

/// [`html_fragment`] of texts whose language is known or not: what the site's `changes/`
/// pages embed.
pub fn html_fragment_of(rows: &[Row], lang: Lang, texts: Texts, caption: &str) -> String {
    let w = words(lang);
    let marks = Marks { table: lang, texts };
    let mut out = String::from("<table class=\"sh-versions\">\n<caption>");
    push_escaped(caption, &mut out);
    out.push_str("</caption>\n<thead><tr>");
    for (class, label) in [("new", w.new), ("old", w.old), ("remark", w.remark)] {
        out.push_str(&format!(
            "<th scope=\"col\" class=\"sh-versions-{class}\">{label}</th>"
        ));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for item in shown(rows) {
        match item {
            Shown::Row(row) => html_row(row, marks, &mut out),
            Shown::Omitted(run) => html_omitted(run, marks, &w, &mut out),
        }
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// The table's language and its texts', which decide the `lang` marks of cells.
#[derive(Clone, Copy)]
struct Marks {
    table: Lang,
    texts: Texts,
}

impl Marks {
    /// Whether a cell is marked `lang="ja"` whole.
    fn japanese_cell(self, text: &str) -> bool {
        self.table == Lang::En
            && match self.texts {
                Texts::Guess => has_kana_or_kanji(text),
                Texts::Known(lang) => lang == Lang::Ja,
            }
    }

    /// Whether runs of Japanese inside a cell's text are marked: English texts quoting Japanese.
    fn japanese_runs(self) -> bool {
        self.table == Lang::En && self.texts == Texts::Known(Lang::En)
    }
}

fn html_row(row: &Row, marks: Marks, out: &mut String) {
    out.push_str("<tr>");
    html_cell(row.new_cell().as_ref(), "ins", marks, out);
    html_cell(row.old_cell().as_ref(), "del", marks, out);
    out.push_str(&format!(
        "<td>{}</td></tr>\n",
        row.remark().word(marks.table)
    ));
}

fn html_cell(cell: Option<&Cell<'_>>, mark: &str, marks: Marks, out: &mut String) {
    let Some(cell) = cell else {
        out.push_str("<td></td>");
        return;
    };
    out.push_str(&format!("<td{}>", cell_attributes(cell, marks)));
    for piece in cell.pieces.iter() {
        if piece.changed {
            out.push_str(&format!("<{mark}>"));
            push_html_text(&piece.text, marks, out);
            out.push_str(&format!("</{mark}>"));
        } else {
            push_html_text(&piece.text, marks, out);
        }
    }
    out.push_str("</td>");
}

/// A row standing for a run of unchanged blocks: （略）, opening in place to show them.
fn html_omitted(run: &[Row], marks: Marks, w: &Words, out: &mut String) {
    out.push_str("<tr class=\"sh-versions-omitted\">");
    for side in [Row::new_cell, Row::old_cell] {
        out.push_str("<td><details><summary>");
        out.push_str(w.omitted);
        out.push_str("</summary>");
        for cell in run.iter().filter_map(side) {
            out.push_str(&format!("<div{}>", cell_attributes(&cell, marks)));
            push_html_text(&cell.text(), marks, out);
            out.push_str("</div>");
        }
        out.push_str("</details></td>");
    }
    out.push_str("<td></td></tr>\n");
}

/// The class naming the block's kind, and `lang="ja"` for Japanese text in an English table.
fn cell_attributes(cell: &Cell<'_>, marks: Marks) -> String {
    let kind = match cell.kind {
        BlockKind::Heading(_) => "heading",
        BlockKind::Paragraph => "paragraph",
        BlockKind::ListItem => "item",
        BlockKind::TableRow => "row",
        BlockKind::Code => "code",
    };
    let lang = if marks.japanese_cell(&cell.text()) {
        " lang=\"ja\""
    } else {
        ""
    };
    format!(" class=\"sh-versions-{kind}\"{lang}")
}

/// Escaped text, line breaks as `<br>`, runs of Japanese marked where the texts are English.
fn push_html_text(text: &str, marks: Marks, out: &mut String) {
    let push = if marks.japanese_runs() {
        mark_japanese_runs
    } else {
        push_escaped
    };
    let mut lines = text.split('\n');
    if let Some(first) = lines.next() {
        push(first, out);
    }
    for line in lines {
        out.push_str("<br>");
        push(line, out);
    }
}

/// The table's own style, for the standalone document of `shishin diff`: both columns' changes
/// underlined, cells aligned at the top, A4 landscape in print. The site has no inline styles:
/// the default theme carries the same rules for `.sh-versions` in `style.css` and `print.css`.
pub const STYLE: &str = "\
.sh-versions { border-collapse: collapse; width: 100%; }
.sh-versions caption { font-weight: bold; text-align: left; padding: 0.5em 0; }
.sh-versions th, .sh-versions td { border: 1px solid #555; padding: 0.4em 0.6em; vertical-align: top; text-align: left; }
.sh-versions th { background: #eee; }
.sh-versions-new, .sh-versions-old { width: 42%; }
.sh-versions ins, .sh-versions del { text-decoration: underline; text-decoration-thickness: 0.1em; text-underline-offset: 0.2em; background: none; color: inherit; }
.sh-versions-heading { font-weight: bold; }
.sh-versions-code { font-family: monospace; white-space: pre-wrap; }
.sh-versions-omitted summary { cursor: pointer; }
@page { size: A4 landscape; margin: 12mm; }
";

/// A standalone page around [`html_fragment`]: valid HTML with its language set.
pub fn html_document(rows: &[Row], lang: Lang, caption: &str) -> String {
    let mut title = String::new();
    push_escaped(caption, &mut title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n{}</main>\n</body>\n</html>\n",
        lang.code(),
        html_fragment(rows, lang, caption)
    )
}

// --- CSV ----------------------------------------------------------------------------------------

/// Every row, unchanged ones too, with a UTF-8 BOM so that Excel reads it as UTF-8. A
/// spreadsheet cannot underline part of a cell, so the underlined runs have columns of their
/// own (one run a line). Cells a spreadsheet would run as formulas are quoted.
pub fn csv(rows: &[Row], lang: Lang) -> String {
    let w = words(lang);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header = [w.new, w.old, w.remark, w.new_changed, w.old_changed];
    let _ = write_csv_record(&mut writer, &header);
    for row in rows {
        let (new, old) = (row.new_cell(), row.old_cell());
        let text = |c: &Option<Cell<'_>>| c.as_ref().map(Cell::text).unwrap_or_default();
        let changed = |c: &Option<Cell<'_>>| {
            c.as_ref()
                .map(|c| c.changed().collect::<Vec<_>>().join("\n"))
                .unwrap_or_default()
        };
        let record = [
            text(&new),
            text(&old),
            row.remark().word(lang).to_string(),
            changed(&new),
            changed(&old),
        ];
        let _ = write_csv_record(&mut writer, &record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{FEFF}{}", String::from_utf8_lossy(&bytes))
}
