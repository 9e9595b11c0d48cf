//! Reading an obligation list (求められる事項) item by item: the text of each item's first
//! paragraph, the rest as its detail, and the `{#hub-3}` marker that assigns it explicitly.

use std::ops::Range;

use super::anchors::IdAllocator;
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::guidance::obligations::ObligationId;
use crate::model::{NestedLine, ObligationItem, ObligationList};
use crate::msg;

/// Reads the obligation lists of a body as its events come: an obligations heading makes the next
/// list one, and the items at that list's own depth are its obligations (nested lists are detail).
pub(super) struct ListReader<'f> {
    file: &'f SourceFile,
    state: ListState,
    /// How deeply lists are nested where the scan is (0 outside any list).
    depth: usize,
}

/// Where an obligation list is being read.
enum ListState {
    /// No obligation heading seen, or its list is done.
    Idle,
    /// An obligation heading was seen; its list is the next list.
    Pending { set: String, heading: Range<usize> },
    /// Inside the list, which opened at `depth`.
    Reading {
        depth: usize,
        list: ObligationList,
        item: Option<ItemState>,
    },
}

struct ItemState {
    start: usize,
    in_first_paragraph: bool,
    text: String,
    detail: String,
    /// The item of the nested list being read, directly under the obligation: where it starts
    /// and its text so far (`予算上限：1拠点あたり1,060千円`).
    nested_open: Option<(usize, String)>,
    nested: Vec<NestedLine>,
}

impl<'f> ListReader<'f> {
    pub(super) fn new(file: &'f SourceFile) -> Self {
        ListReader {
            file,
            state: ListState::Idle,
            depth: 0,
        }
    }

    /// Any heading: one right after an obligations heading means that heading has no list.
    pub(super) fn heading_started(&mut self, diags: &mut Vec<Diagnostic>) {
        if let ListState::Pending { heading, .. } = &self.state {
            diags.push(no_list(self.file, heading.clone()));
            self.state = ListState::Idle;
        }
    }

    /// An obligations heading (`{.obligations set=hub}`) at `heading`: its list comes next.
    pub(super) fn obligations_heading(
        &mut self,
        set: Option<String>,
        heading: Range<usize>,
        diags: &mut Vec<Diagnostic>,
    ) {
        match set {
            Some(set) if !set.is_empty() => self.state = ListState::Pending { set, heading },
            _ => diags.push(
                Diagnostic::error(msg!("obligations-heading-without-set"))
                    .at(self.file, heading)
                    .hint(msg!("obligations-heading-without-set-hint")),
            ),
        }
    }

    pub(super) fn list_started(&mut self) {
        self.depth += 1;
        if let ListState::Pending { set, heading } = &self.state {
            self.state = ListState::Reading {
                depth: self.depth,
                list: ObligationList {
                    set: set.clone(),
                    heading_span: heading.clone(),
                    items: Vec::new(),
                },
                item: None,
            };
        } else {
            self.leave_first_paragraph();
        }
    }

    /// The obligation list, when the list that ended is one.
    pub(super) fn list_ended(&mut self) -> Option<ObligationList> {
        let mut done = None;
        if matches!(&self.state, ListState::Reading { depth, .. } if *depth == self.depth) {
            if let ListState::Reading { list, .. } =
                std::mem::replace(&mut self.state, ListState::Idle)
            {
                done = Some(list);
            }
        }
        self.depth = self.depth.saturating_sub(1);
        done
    }

    pub(super) fn item_started(&mut self, start: usize) {
        if let ListState::Reading { depth, item, .. } = &mut self.state {
            if *depth == self.depth {
                *item = Some(ItemState {
                    start,
                    in_first_paragraph: true,
                    text: String::new(),
                    detail: String::new(),
                    nested_open: None,
                    nested: Vec::new(),
                });
            } else if self.depth == *depth + 1 {
                if let Some(it) = item {
                    it.nested_open = Some((start, String::new()));
                }
            }
        }
    }

    /// An item ended at `end`: an obligation is complete, or an item of a nested list ends a
    /// line of the obligation's detail.
    pub(super) fn item_ended(
        &mut self,
        end: usize,
        ids: &mut IdAllocator,
        diags: &mut Vec<Diagnostic>,
    ) {
        if let ListState::Reading { depth, list, item } = &mut self.state {
            if *depth == self.depth {
                if let Some(it) = item.take() {
                    let at = ItemAt {
                        set: &list.set,
                        n: list.items.len() + 1,
                        end,
                    };
                    let done = finish_item(it, at, ids, self.file, diags);
                    list.items.push(done);
                }
            } else if let Some(it) = item {
                if self.depth == *depth + 1 {
                    if let Some((start, text)) = it.nested_open.take() {
                        it.nested.push(NestedLine {
                            text: join_lines(text.trim()),
                            span: start..end,
                        });
                    }
                }
                push_break(&mut it.detail);
            }
        }
    }

    pub(super) fn paragraph_started(&mut self) {
        if let ListState::Reading { item: Some(it), .. } = &mut self.state {
            if !it.in_first_paragraph || !it.text.is_empty() {
                it.in_first_paragraph = false;
            }
        }
    }

    pub(super) fn paragraph_ended(&mut self) {
        if let ListState::Reading { item: Some(it), .. } = &mut self.state {
            if it.in_first_paragraph {
                it.in_first_paragraph = false;
            } else {
                push_break(&mut it.detail);
            }
        }
    }

    /// A block (code, quote, table, list) inside an item: what follows is detail.
    pub(super) fn leave_first_paragraph(&mut self) {
        if let ListState::Reading { item: Some(it), .. } = &mut self.state {
            it.in_first_paragraph = false;
        }
    }

    /// Text of the item being read: its first paragraph is the obligation, the rest detail.
    pub(super) fn text(&mut self, t: &str) {
        let at_depth = self.depth;
        if let ListState::Reading {
            item: Some(it),
            depth,
            ..
        } = &mut self.state
        {
            if it.in_first_paragraph {
                it.text.push_str(t);
            } else {
                it.detail.push_str(t);
                if at_depth == *depth + 1 {
                    if let Some((_, line)) = &mut it.nested_open {
                        line.push_str(t);
                    }
                }
            }
        }
    }

    /// The end of the body: an obligations heading still waiting has no list.
    pub(super) fn finish(self, diags: &mut Vec<Diagnostic>) {
        if let ListState::Pending { heading, .. } = self.state {
            diags.push(no_list(self.file, heading));
        }
    }
}

fn no_list(file: &SourceFile, heading: Range<usize>) -> Diagnostic {
    Diagnostic::warning(msg!("obligations-heading-without-list"))
        .at(file, heading)
        .hint(msg!("obligations-heading-without-list-hint"))
}

fn push_break(s: &mut String) {
    if !s.is_empty() && !s.ends_with('\n') {
        s.push('\n');
    }
}

/// Where an item of an obligation list ends, and which it is.
struct ItemAt<'a> {
    set: &'a str,
    /// 1-based position in its list.
    n: usize,
    end: usize,
}

/// The item read, with its anchor `SET-N` (unique within the page) and its markers parsed.
fn finish_item(
    it: ItemState,
    at: ItemAt,
    ids: &mut IdAllocator,
    file: &SourceFile,
    diags: &mut Vec<Diagnostic>,
) -> ObligationItem {
    let (text, marker) = split_full_marker(&it.text);
    if marker.is_empty() {
        if let Some(d) = orphan_slip_or_note(&it.text, file, it.start) {
            diags.push(d);
        }
    }
    let mut markers = Vec::with_capacity(marker.ids.len());
    for m in &marker.ids {
        match ObligationId::parse(m) {
            Some(id) => markers.push(id),
            None => diags.push(
                Diagnostic::error(msg!("not-an-obligation-id", id = m))
                    .at(file, it.start..at.end.min(it.start + it.text.len() + 8))
                    .hint(msg!("not-an-obligation-id-hint")),
            ),
        }
    }
    ObligationItem {
        id: ids.derived(&format!("{}-{}", at.set, at.n)),
        also: Vec::new(),
        text: join_lines(text.trim()),
        detail: it
            .detail
            .lines()
            .map(|l| join_lines(l.trim()))
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        markers,
        slip: marker.slip,
        note: marker.note,
        nested: it.nested,
        span: it.start..at.end,
    }
}

/// `{.slip}` or `{note="…"}` without the obligation's id: the reader would see the braces, and
/// the note would be lost.
fn orphan_slip_or_note(text: &str, file: &SourceFile, start: usize) -> Option<Diagnostic> {
    let trimmed = text.trim_end();
    let open = trimmed
        .strip_suffix('}')
        .and_then(|inner| inner.rfind('{'))?;
    let body = &trimmed[open + 1..trimmed.len() - 1];
    if !(body.contains(".slip") || body.contains("note=")) {
        return None;
    }
    Some(
        Diagnostic::error(msg!("marker-without-obligation", body = body))
            .at(file, start..start + 1)
            .hint(msg!("marker-without-obligation-hint")),
    )
}

/// What a trailing marker says (SPEC §5): the obligations it names, whether the difference is an
/// apparent slip in the source document (`.slip`), and the author's note (`note="…"`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marker {
    /// The ids after `#`, as written.
    pub ids: Vec<String>,
    pub slip: bool,
    pub note: Option<String>,
}

impl Marker {
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty() && !self.slip && self.note.is_none()
    }
}

/// Splits a trailing `{#hub-3 #hub-4}` marker off an item's text, returning the ids.
pub fn split_marker(text: &str) -> (&str, Vec<String>) {
    let (text, marker) = split_full_marker(text);
    (text, marker.ids)
}

/// Splits a trailing marker `{#hub-3 .slip note="…"}` off an item's text. Text that ends with
/// braces holding anything else is left as it is.
pub fn split_full_marker(text: &str) -> (&str, Marker) {
    let trimmed = text.trim_end();
    if let Some(inner) = trimmed.strip_suffix('}') {
        // The opening brace of the marker: the last one not inside a note's quotes.
        let mut open = inner.rfind('{');
        while let Some(at) = open {
            if let Some(marker) = parse_marker(&inner[at + 1..]) {
                return (trimmed[..at].trim_end(), marker);
            }
            open = inner[..at].rfind('{');
        }
    }
    (text, Marker::default())
}

/// The inside of a marker: `#id`s, `.slip` and `note="…"`, separated by spaces; `None` when
/// anything else is there or no id is named (`.slip` and a note go with the id they are about).
fn parse_marker(body: &str) -> Option<Marker> {
    let mut marker = Marker::default();
    let mut rest = body.trim_start();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("note=") {
            let (quote, close) = match after.chars().next()? {
                '"' => ('"', '"'),
                '“' => ('“', '”'),
                '「' => ('「', '」'),
                _ => return None,
            };
            let inside = &after[quote.len_utf8()..];
            let end = inside.find(close)?;
            marker.note = Some(inside[..end].trim().to_string());
            rest = inside[end + close.len_utf8()..].trim_start();
            continue;
        }
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..word_end];
        match word {
            ".slip" => marker.slip = true,
            w if w.len() > 1 && w.starts_with('#') => marker.ids.push(w[1..].to_string()),
            _ => return None,
        }
        rest = rest[word_end..].trim_start();
    }
    (!marker.ids.is_empty()).then_some(marker)
}

/// Joins lines broken inside a sentence: no space between Japanese characters, one between words.
fn join_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut lines = s.split('\n').map(str::trim).filter(|l| !l.is_empty());
    if let Some(first) = lines.next() {
        out.push_str(first);
    }
    for line in lines {
        let prev_ascii = out.chars().last().is_some_and(|c| c.is_ascii());
        let next_ascii = line.chars().next().is_some_and(|c| c.is_ascii());
        if prev_ascii && next_ascii {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(ids: &[&str], slip: bool, note: Option<&str>) -> Marker {
        Marker {
            ids: ids.iter().map(|s| s.to_string()).collect(),
            slip,
            note: note.map(str::to_string),
        }
    }

    #[test]
    fn markers_carry_slip_and_note() {
        assert_eq!(
            split_full_marker("定期的で開催すること {#hub-1 .slip}"),
            ("定期的で開催すること", marker(&["hub-1"], true, None))
        );
        assert_eq!(
            split_full_marker("x {#hub-1 note=\"資料では「定期的で」 {とある}\" .slip}"),
            (
                "x",
                marker(&["hub-1"], true, Some("資料では「定期的で」 {とある}"))
            )
        );
        assert_eq!(
            split_full_marker("x {#hub-2 #hub-3 note=「府独自の取組」}"),
            (
                "x",
                marker(&["hub-2", "hub-3"], false, Some("府独自の取組"))
            )
        );
        assert_eq!(
            split_full_marker("x {.slip}"),
            ("x {.slip}", Marker::default())
        );
        assert_eq!(
            split_full_marker("x {#hub-1 .other}"),
            ("x {#hub-1 .other}", Marker::default())
        );
        assert_eq!(
            split_full_marker("x {#hub-1 note=\"unclosed}"),
            ("x {#hub-1 note=\"unclosed}", Marker::default())
        );
        assert_eq!(
            split_marker("x {#hub-1 .slip}"),
            ("x", vec!["hub-1".to_string()])
        );
    }

    #[test]
    fn nested_items_are_kept_as_lines_with_their_place() {
        let text = "## 事項 {.obligations set=hub}\n\n- 会議を開催すること\n  - 予算上限：1拠点あたり\n    1,060千円\n  - 市町村事業: イ\n    - さらに下の項目\n- 次の事項\n";
        let doc = crate::markdown::tests::scanned(text);
        let items = &doc.parsed.obligation_lists[0].items;
        let lines: Vec<&str> = items[0].nested.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(lines, ["予算上限：1拠点あたり1,060千円", "市町村事業: イ"]);
        let at = items[0].nested[1].span.start;
        assert!(doc.text().unwrap()[at..].starts_with("- 市町村事業: イ"));
        assert!(items[1].nested.is_empty());
    }

    #[test]
    fn a_slip_without_its_id_is_named() {
        let file = SourceFile {
            path: "a.md".into(),
            text: "- x {.slip}\n".to_string().into(),
        };
        let d = orphan_slip_or_note("x {.slip}", &file, 0).expect("an error");
        assert!(d.message.contains("names no obligation"), "{}", d.message);
        assert!(d.hint.as_deref().unwrap().contains("{#hub-1 .slip"));
        assert!(orphan_slip_or_note("x {not}", &file, 0).is_none());
    }
}
