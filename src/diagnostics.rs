//! Errors and warnings as values.
//!
//! Every problem found in the content is a [`Diagnostic`]: a message, where it is (the file, and a
//! byte range in its text so the offending line can be shown), and a hint that says how to fix it.
//! The message and the hint are [`Text`]s from the catalogue (`messages`), in both languages: the
//! terminal prints the language chosen for it, the preview's overlay the page's.
//! Stages collect them instead of stopping at the first, so one build lists every problem
//! (SPEC §1). They are printed the way rustc prints its errors, by `codespan-reporting`; a page
//! that shows them (the preview's error overlay) gets the same location, line and carets as
//! separate fields, [`Parts`], so it never reads them back out of terminal text.
//!
//! # How a function hands its diagnostics back
//!
//! The shape follows what happens after an error, so a signature says whether the caller may go on:
//!
//! - **One step that stops at its first problem** (an I/O call, decoding one file, rendering one
//!   template) returns `Result<T, Diagnostic>`: there is never more than one, and the type says so.
//!   `?` lifts it into [`Diagnostics`] where a caller collects.
//! - **One input checked whole, or a check at a stage boundary** (`site.yaml`, the glossary, a
//!   theme, a front matter; the output paths, the output links) returns `Result<T, Diagnostics>`:
//!   every problem of that input is listed, and nothing is made when there is one, because nothing
//!   after it could use a half-read file. The caller adds the list to its own, or stops.
//! - **A stage that goes on after an error to find more** (the walk of `content/`, reading every
//!   page, Markdown, links, comparisons) takes `diags: &mut Diagnostics` and returns what it made,
//!   an `Option` when it may make nothing. Going on is the point: the next page's mistakes are
//!   found in the same build. Diagnostics are added in the order found, so the report is the same
//!   on every run; parallel work goes through [`par_map`], which keeps that order.
//!
//! An error type may carry, beside the diagnostics, what was read before the error, when the
//! caller can go on with it (`BrokenSetup` keeps `site.yaml`, so the content is still checked
//! beside a broken theme).
//!
//! Warnings on success travel in the value, in a field named `warnings` (`Built`, `Prepared`,
//! `Rebuilt`, a decoded text): they are part of what was made, and the caller decides whether
//! `--strict` turns them into errors. A `Result`'s error holds the warnings found before the
//! error, in order, so a failed build still shows them.
//!
//! [`Diagnostics`] is the one collection type: no `Vec<Diagnostic>` and no `(value, diagnostics)`
//! tuple crosses a module boundary.

use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};

use crate::messages::{Lang, Text};
use crate::msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// The text of one source file, shared by every diagnostic that points into it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as the user knows it: relative to the site root (`content/a/b.md`).
    pub path: String,
    pub text: Arc<String>,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: Text,
    /// The file the problem is in, if it is in one.
    pub file: Option<String>,
    /// Where in the file, with the file's text to show the line.
    pub span: Option<(Arc<String>, Range<usize>)>,
    pub hint: Option<Text>,
}

impl Diagnostic {
    /// An error saying `message`, a [`Text`] made with [`msg!`].
    pub fn error(message: impl Into<Text>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            file: None,
            span: None,
            hint: None,
        }
    }

    pub fn warning(message: impl Into<Text>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// The whole file is concerned, no particular line.
    pub fn in_file(mut self, path: impl Into<String>) -> Self {
        self.file = Some(path.into());
        self
    }

    /// A byte range of the file's text.
    pub fn at(mut self, file: &SourceFile, range: Range<usize>) -> Self {
        let len = file.text.len();
        let start = floor_char_boundary(&file.text, range.start.min(len));
        let end = floor_char_boundary(&file.text, range.end.clamp(start, len));
        self.file = Some(file.path.clone());
        self.span = Some((file.text.clone(), start..end));
        self
    }

    /// A line (1-based) of the file, the whole line underlined.
    pub fn at_line(self, file: &SourceFile, line: usize) -> Self {
        let range = line_range(&file.text, line);
        self.at(file, range)
    }

    pub fn hint(mut self, hint: impl Into<Text>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// 1-based line and column of the start of the span.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        let (text, range) = self.span.as_ref()?;
        Some(line_col(text, range.start))
    }

    /// `path:line:column` (or just the path, or nothing).
    pub fn location(&self) -> String {
        match (&self.file, self.line_col()) {
            (Some(f), Some((l, c))) => format!("{f}:{l}:{c}"),
            (Some(f), None) => f.clone(),
            _ => String::new(),
        }
    }

    /// The source line the span starts on, without its newline.
    pub fn source_line(&self) -> Option<&str> {
        let (text, range) = self.span.as_ref()?;
        let start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
        let end = text[range.start..]
            .find('\n')
            .map_or(text.len(), |i| range.start + i);
        Some(&text[start..end])
    }

    /// The diagnostic as separate fields, for a page that lays them out itself (the preview's
    /// error overlay): the location, the line and the carets the terminal shows, so that nothing
    /// has to read them back out of the terminal text.
    pub fn parts(&self) -> Parts {
        let (line, column) = self.line_col().unzip();
        Parts {
            severity: self.severity,
            message: self.message.clone(),
            hint: self.hint.clone(),
            file: self.file.clone(),
            location: self.location(),
            line,
            column,
            source: self.shown_line(),
        }
    }

    /// The line the span starts on as the terminal draws it, or the excerpt of a line too long
    /// to show whole.
    fn shown_line(&self) -> Option<ShownLine> {
        let (text, range) = self.span.as_ref()?;
        let line = self.source_line()?;
        let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
        let span = range.start - line_start..range.end - line_start;
        Some(ShownLine::of(line, span))
    }

    /// Renders like rustc, in `lang`: the message, `--> path:line:col`, the line with the span
    /// underlined, the hint. The severity keeps codespan's own words, `error` and `warning`, in
    /// both languages: they are what the summary line counts and what a search finds.
    pub fn render(&self, color: bool, lang: Lang) -> String {
        let mut buffer = if color {
            termcolor::Buffer::ansi()
        } else {
            termcolor::Buffer::no_color()
        };
        let mut cs = match self.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
        }
        .with_message(self.message.in_lang(lang));
        if let Some(hint) = &self.hint {
            cs = cs.with_notes(vec![msg!("note-help", hint = hint)
                .in_lang(lang)
                .to_string()]);
        }
        let config = term::Config::default();
        let name = self.file.clone().unwrap_or_default();
        let emitted = match &self.span {
            Some(_) if self.excerpt().is_some() => {
                // A whole line of megabytes would flood the terminal: the location and an
                // excerpt around the spot instead.
                let excerpt = self.excerpt().unwrap_or_default();
                cs.message = format!("{}: {}", self.location(), cs.message);
                cs.notes.insert(
                    0,
                    msg!("note-here", excerpt = excerpt)
                        .in_lang(lang)
                        .to_string(),
                );
                term::emit(&mut buffer, &config, &SimpleFile::new(name, ""), &cs)
            }
            Some((text, range)) => {
                let file = SimpleFile::new(name, text.as_ref());
                let cs = cs.with_labels(vec![Label::primary((), range.clone())]);
                term::emit(&mut buffer, &config, &file, &cs)
            }
            None => {
                let file = SimpleFile::new(name.clone(), "");
                if !name.is_empty() {
                    cs.message = format!("{}: {}", name, cs.message);
                }
                term::emit(&mut buffer, &config, &file, &cs)
            }
        };
        match emitted {
            Ok(()) => String::from_utf8_lossy(buffer.as_slice()).into_owned(),
            // The renderer failed (it should not): fall back to one plain line.
            Err(_) => self.plain_in(lang),
        }
    }

    /// The text around the span when its line is too long to show whole.
    fn excerpt(&self) -> Option<String> {
        const LONGEST_SHOWN_LINE: usize = 300;
        const AROUND: usize = 60;
        let (text, range) = self.span.as_ref()?;
        let line = self.source_line()?;
        if line.len() <= LONGEST_SHOWN_LINE {
            return None;
        }
        let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
        let at = range.start - line_start;
        let from = floor_char_boundary(line, at.saturating_sub(AROUND));
        let to = floor_char_boundary(line, (at + AROUND).min(line.len()));
        let ellipsis = |cut: bool| if cut { "…" } else { "" };
        Some(format!(
            "{}{}{}",
            ellipsis(from > 0),
            &line[from..to],
            ellipsis(to < line.len())
        ))
    }

    /// One line in English: `path:line:col: error: message (help: hint)`; for logs and tests.
    pub fn plain(&self) -> String {
        self.plain_in(Lang::En)
    }

    /// One line in `lang`: `path:line:col: error: message (help: hint)`.
    pub fn plain_in(&self, lang: Lang) -> String {
        let mut s = String::new();
        let loc = self.location();
        if !loc.is_empty() {
            let _ = write!(s, "{loc}: ");
        }
        let _ = write!(
            s,
            "{}: {}",
            match self.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            self.message.in_lang(lang)
        );
        if let Some(h) = &self.hint {
            let _ = write!(s, " ({})", msg!("note-help", hint = h).in_lang(lang));
        }
        s
    }
}

/// A [`Diagnostic`] in fields, as a page shows it; serialized as JSON for the preview.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Parts {
    pub severity: Severity,
    /// In both languages (`{"ja": …, "en": …}`): the page shows its own.
    pub message: Text,
    pub hint: Option<Text>,
    pub file: Option<String>,
    /// `path:line:column`, or the path alone, or empty: what the terminal prints after `-->`.
    pub location: String,
    /// 1-based, where the span starts.
    pub line: Option<usize>,
    /// 1-based, in characters.
    pub column: Option<usize>,
    /// The line the span is on, when the diagnostic points into a file.
    pub source: Option<ShownLine>,
}

/// One source line and the span marked in it, exactly as the terminal draws them: tabs expanded
/// to the terminal's tab stops, and as many carets as the span's characters are wide there (a
/// Japanese character is two columns). A line too long to show whole is cut to the text around
/// the span, with `…` where it was cut.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ShownLine {
    pub text: String,
    /// Where the span starts in `text`, in characters (Unicode scalar values, not bytes and not
    /// UTF-16 units).
    pub start: usize,
    /// Where it ends in `text`, in characters; `start` when the span is empty.
    pub end: usize,
    /// How many `^` go under the span, starting below its first character.
    pub carets: usize,
}

impl ShownLine {
    /// The terminal's tab width (`codespan_reporting::term::Config::default`).
    const TAB_WIDTH: usize = 4;
    /// Lines longer than this (in bytes) are cut around the span, as the terminal does.
    const LONGEST_SHOWN_LINE: usize = 300;
    /// How much of a cut line is kept on each side of the span's start, in bytes.
    const AROUND: usize = 60;

    /// `line` (without its newline) with `span`, a byte range that starts in it and may run past
    /// its end (into the next lines, which are not shown).
    fn of(line: &str, span: Range<usize>) -> ShownLine {
        let (from, to) = if line.len() > Self::LONGEST_SHOWN_LINE {
            let from = floor_char_boundary(line, span.start.saturating_sub(Self::AROUND));
            let to = floor_char_boundary(line, (span.start + Self::AROUND).min(line.len()));
            (from, to)
        } else {
            (0, line.len())
        };
        let mut shown = ShownLine {
            text: String::new(),
            start: 0,
            end: 0,
            carets: 0,
        };
        if from > 0 {
            shown.text.push('…');
        }
        // As codespan-reporting draws its caret line: every character that overlaps the span
        // gets carets as wide as it is, and the end of the line counts as one column, so a span
        // on the newline is marked after the last character.
        let mut column = 0;
        let mut started = false;
        let chars = line[from..to]
            .char_indices()
            .map(|(i, c)| (from + i, Some(c)))
            .chain(std::iter::once((to, None)));
        for (at, c) in chars {
            let overlaps = {
                let end = at + c.map_or(1, char::len_utf8);
                span.start.max(at) < span.end.min(end)
            };
            if !started && (overlaps || at >= span.start) {
                started = true;
                shown.start = shown.text.chars().count();
            }
            let width = match c {
                Some('\t') => Self::TAB_WIDTH - column % Self::TAB_WIDTH,
                Some(c) => unicode_width::UnicodeWidthChar::width(c).unwrap_or(0),
                None => 1,
            };
            column += width;
            if overlaps {
                shown.carets += width;
            }
            match c {
                Some('\t') => shown.text.extend(std::iter::repeat_n(' ', width)),
                Some(c) => shown.text.push(c),
                None => {}
            }
            if overlaps {
                shown.end = shown.text.chars().count();
            }
        }
        shown.end = shown.end.max(shown.start);
        // An empty span (where a parser gave up) still gets the one caret the terminal draws.
        shown.carets = shown.carets.max(1);
        if to < line.len() {
            shown.text.push('…');
        }
        shown
    }
}

/// The diagnostics of a run, in the order found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }
    pub fn errors(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }
    pub fn warnings(&self) -> usize {
        self.0.len() - self.errors()
    }
    /// `value` when nothing was found, otherwise everything that was: for a function that reads
    /// one input whole and makes nothing of it when anything is wrong. Nothing found is dropped.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
    /// Turns every warning into an error (`--strict`).
    pub fn make_strict(&mut self) {
        for d in &mut self.0 {
            d.severity = Severity::Error;
        }
    }
    /// Errors first, then by file and position, so related problems sit together.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then_with(|| a.file.cmp(&b.file))
                .then_with(|| a.line_col().cmp(&b.line_col()))
        });
    }
}

/// Read like a slice (`len`, `iter`, `[i]`, `is_empty`); added to only through the methods above.
impl std::ops::Deref for Diagnostics {
    type Target = [Diagnostic];
    fn deref(&self) -> &[Diagnostic] {
        &self.0
    }
}

/// A step's one problem, where a list is collected (`?` in a function that returns
/// `Result<T, Diagnostics>`).
impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(ds: Vec<Diagnostic>) -> Self {
        Diagnostics(ds)
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics(iter.into_iter().collect())
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// `f` over every item in parallel, each call with diagnostics of its own, added to `diags` in
/// the items' order: a parallel stage reports exactly what a sequential one would, in the same
/// order on every run.
pub fn par_map<P, T, F>(items: P, diags: &mut Diagnostics, f: F) -> Vec<T>
where
    P: rayon::iter::IntoParallelIterator,
    T: Send,
    F: Fn(P::Item, &mut Diagnostics) -> T + Sync + Send,
{
    use rayon::prelude::*;
    let made: Vec<(T, Diagnostics)> = items
        .into_par_iter()
        .map(|item| {
            let mut found = Diagnostics::default();
            (f(item, &mut found), found)
        })
        .collect();
    made.into_iter()
        .map(|(value, found)| {
            diags.extend(found);
            value
        })
        .collect()
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = text[line_start..offset].chars().count() + 1;
    (line, col)
}

/// Byte range of a 1-based line, without its newline.
pub fn line_range(text: &str, line: usize) -> Range<usize> {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len()..text.len(),
        }
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    start..end
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_line_is_shown_as_an_excerpt() {
        let text = format!(
            "title\n{}ERROR{}\n",
            "あ".repeat(100_000),
            "い".repeat(100_000)
        );
        let file = file(&text);
        let at = text.find("ERROR").unwrap();
        let d = Diagnostic::error(Text::verbatim("bad"))
            .at(&file, at..at + 5)
            .hint(Text::verbatim("fix it"));
        let out = d.render(false, Lang::En);
        assert!(out.len() < 1000, "{} bytes", out.len());
        assert!(out.contains("content/a.md:2:100001: bad"), "{out}");
        assert!(
            out.contains("here: …ああ") && out.contains("ああERRORいい"),
            "{out}"
        );
        assert!(out.contains("help: fix it"), "{out}");
    }

    fn file(text: &str) -> SourceFile {
        SourceFile {
            path: "content/a.md".into(),
            text: text.to_string().into(),
        }
    }

    /// The overlay's line and carets are the terminal's: the line after the gutter, and the
    /// caret row below it, drawn from the parts.
    #[test]
    fn parts_show_the_line_and_carets_the_terminal_shows() {
        let cases = [
            ("---\ntitel: x\n---\n", "titel"),
            ("---\ntitle: [計画案\n---\n", "計画"),
            ("---\ntitle: 計画案\n---\n", "案"),
            ("a\tb\tここ\n", "ここ"),
            ("前置き [リンク](x.md) 後\n", "[リンク](x.md)"),
            // An empty span, at the start of a line.
            ("---\ntitle: x\n---\n", ""),
        ];
        for (text, marked) in cases {
            let f = file(text);
            let at = text.find(marked).unwrap();
            let d = Diagnostic::error(Text::verbatim("bad")).at(&f, at..at + marked.len());
            let parts = d.parts();
            let shown = parts.source.clone().unwrap();
            let terminal = d.render(false, Lang::En);
            let line = parts.line.unwrap();
            let gutter = format!("{line} │ ");
            let mut rows = terminal.lines().skip_while(|l| !l.starts_with(&gutter));
            let source = rows.next().unwrap().strip_prefix(&gutter).unwrap();
            let carets = rows.next().unwrap().trim_start_matches([' ', '│']);
            let before: String = shown.text.chars().take(shown.start).collect();
            let pad = unicode_width::UnicodeWidthStr::width(before.as_str());
            let drawn = format!("{}{}", " ".repeat(pad), "^".repeat(shown.carets));
            assert_eq!(source.trim_end(), shown.text.trim_end(), "{terminal}");
            assert_eq!(
                carets.trim_end(),
                drawn.trim_start_matches(' ').trim_end(),
                "{terminal}"
            );
            let row = terminal.lines().find(|l| l.contains('^')).unwrap();
            let column_of = |s: &str| unicode_width::UnicodeWidthStr::width(s);
            assert_eq!(
                column_of(&row[..row.find('^').unwrap()]),
                column_of(gutter.as_str()) + pad,
                "{terminal}"
            );
            assert_eq!(parts.location, d.location());
        }
    }

    #[test]
    fn parts_of_a_span_in_a_japanese_line_count_characters() {
        let text = "---\ntitle: [計画案\n---\n";
        let at = text.find('[').unwrap();
        let d = Diagnostic::error(Text::verbatim("bad")).at(&file(text), at..at + "[計画".len());
        let shown = d.parts().source.unwrap();
        assert_eq!(shown.text, "title: [計画案");
        assert_eq!((shown.start, shown.end, shown.carets), (7, 10, 5));
        assert_eq!(d.parts().column, Some(8));
    }

    #[test]
    fn parts_of_a_span_over_several_lines_mark_its_first_line_from_its_start() {
        let text = "---\ntitle: 計画案\n---\n";
        let at = text.find("計画").unwrap();
        let d = Diagnostic::error(Text::verbatim("bad")).at(&file(text), at..text.len());
        let shown = d.parts().source.unwrap();
        assert_eq!((shown.start, shown.end, shown.carets), (7, 10, 7));
    }

    #[test]
    fn parts_of_a_huge_line_are_an_excerpt_around_the_span() {
        let text = format!("{}ERROR{}\n", "あ".repeat(1000), "い".repeat(1000));
        let at = text.find("ERROR").unwrap();
        let shown = Diagnostic::error(Text::verbatim("bad"))
            .at(&file(&text), at..at + 5)
            .parts()
            .source
            .unwrap();
        assert!(shown.text.len() < 200, "{}", shown.text);
        let chars: Vec<char> = shown.text.chars().collect();
        let marked: String = chars[shown.start..shown.end].iter().collect();
        assert_eq!(marked, "ERROR");
        assert!(shown.text.starts_with('…') && shown.text.ends_with('…'));
    }

    #[test]
    fn parts_serialize_as_the_preview_sends_them() {
        let d = Diagnostic::error(Text::verbatim("bad"))
            .at(&file("---\nx\n"), 4..5)
            .hint(Text::verbatim("fix it"));
        let json = serde_json::to_value(d.parts()).unwrap();
        assert_eq!(json["severity"], "error");
        assert_eq!(json["location"], "content/a.md:2:1");
        assert_eq!(json["source"]["text"], "x");
        assert_eq!(json["hint"]["en"], "fix it");
        let whole_file =
            serde_json::to_value(Diagnostic::error(Text::verbatim("e")).in_file("a").parts())
                .unwrap();
        assert!(whole_file["source"].is_null());
        assert_eq!(whole_file["location"], "a");
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "一行目\n二行目のx";
        let off = text.find('x').unwrap();
        assert_eq!(line_col(text, off), (2, 5));
    }

    #[test]
    fn render_names_path_line_and_column_and_shows_the_line() {
        let f = file("---\ntitel: x\n---\n");
        let d = Diagnostic::error(Text::verbatim("unknown key `titel`"))
            .at(&f, 4..9)
            .hint(Text::verbatim("did you mean `title`?"));
        let out = d.render(false, Lang::En);
        assert!(out.contains("content/a.md:2:1"), "{out}");
        assert!(out.contains("titel: x"), "{out}");
        assert!(out.contains("did you mean `title`?"), "{out}");
        assert_eq!(d.location(), "content/a.md:2:1");
        assert_eq!(d.source_line(), Some("titel: x"));
    }

    #[test]
    fn spans_are_clamped_to_the_text() {
        let f = file("abc");
        let d = Diagnostic::error(Text::verbatim("x")).at(&f, 10..20);
        assert_eq!(d.line_col(), Some((1, 4)));
        assert!(!d.render(false, Lang::En).is_empty());
    }

    #[test]
    fn suggestions_only_for_close_words() {
        let keys = ["title", "description", "kind"];
        assert_eq!(did_you_mean("titel", keys), Some("title"));
        assert_eq!(did_you_mean("zzz", keys), None);
    }

    #[test]
    fn line_range_of_last_and_missing_lines() {
        assert_eq!(line_range("a\nbc", 2), 2..4);
        assert_eq!(line_range("a\nbc", 5), 4..4);
    }

    #[test]
    fn into_result_is_the_value_only_when_nothing_was_found() {
        assert_eq!(Diagnostics::default().into_result(7).unwrap(), 7);
        let warned = Diagnostics::from(Diagnostic::warning(Text::verbatim("w")));
        let kept = warned.into_result(7).unwrap_err();
        assert_eq!((kept.errors(), kept.warnings()), (0, 1));
    }

    #[test]
    fn one_diagnostic_lifts_into_a_list_with_question_mark() {
        fn step() -> Result<(), Diagnostic> {
            Err(Diagnostic::error(Text::verbatim("e")))
        }
        fn collecting() -> Result<(), Diagnostics> {
            step()?;
            Ok(())
        }
        let list = collecting().unwrap_err();
        assert_eq!(list.errors(), 1);
        assert_eq!(list.0[0].message, "e");
    }

    #[test]
    fn lists_convert_from_vectors_and_iterators_in_order() {
        let from_vec = Diagnostics::from(vec![
            Diagnostic::error(Text::verbatim("a")),
            Diagnostic::warning(Text::verbatim("b")),
        ]);
        let collected: Diagnostics = from_vec.clone().into_iter().rev().collect();
        let messages = |ds: &Diagnostics| {
            ds.iter()
                .map(|d| d.message.en().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(messages(&from_vec), ["a", "b"]);
        assert_eq!(messages(&collected), ["b", "a"]);
        let mut all = Diagnostics::default();
        assert!(all.is_empty());
        all.extend(from_vec);
        all.extend(collected);
        assert_eq!((&all).into_iter().count(), 4);
        assert_eq!((all.errors(), all.warnings()), (2, 2));
    }

    #[test]
    fn par_map_keeps_the_items_order_and_their_diagnostics_order() {
        let items: Vec<usize> = (0..500).collect();
        let mut diags = Diagnostics::from(Diagnostic::warning(Text::verbatim("before")));
        let doubled = par_map(&items, &mut diags, |&i, ds| {
            if i % 7 == 0 {
                ds.push(Diagnostic::error(Text::verbatim(format!("{i}a"))));
                ds.push(Diagnostic::warning(Text::verbatim(format!("{i}b"))));
            }
            i * 2
        });
        assert_eq!(doubled, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        let messages: Vec<String> = diags.iter().map(|d| d.message.en().to_string()).collect();
        let mut expected = vec!["before".to_string()];
        for i in (0..500).filter(|i| i % 7 == 0) {
            expected.push(format!("{i}a"));
            expected.push(format!("{i}b"));
        }
        assert_eq!(messages, expected);
    }
}
