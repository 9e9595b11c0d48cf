//! Reading an obligation list (求められる事項) item by item: the text of each item's first
//! paragraph, the rest as its detail, and the `{#hub-3}` marker that assigns it explicitly.

use std::ops::Range;

use super::anchors::IdAllocator;
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::guidance::obligations::ObligationId;
use crate::model::{ObligationItem, ObligationList};

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
                Diagnostic::error("an obligations heading has no `set`")
                    .at(self.file, heading)
                    .hint("name the set, e.g. `{.obligations set=hub}`"),
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
                });
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
        if let ListState::Reading { item: Some(it), .. } = &mut self.state {
            if it.in_first_paragraph {
                it.text.push_str(t);
            } else {
                it.detail.push_str(t);
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
    Diagnostic::warning("an obligations heading is not followed by a list")
        .at(file, heading)
        .hint("put the list of 求められる事項 right below the heading")
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
    let (text, written) = split_marker(&it.text);
    let mut markers = Vec::with_capacity(written.len());
    for m in &written {
        match ObligationId::parse(m) {
            Some(id) => markers.push(id),
            None => diags.push(
                Diagnostic::error(format!("`#{m}` is not an obligation id"))
                    .at(file, it.start..at.end.min(it.start + it.text.len() + 8))
                    .hint("a marker names obligations like `{#hub-3}` or `{#hub-3 #hub-4}`"),
            ),
        }
    }
    ObligationItem {
        id: ids.derived(&format!("{}-{}", at.set, at.n)),
        text: join_lines(text.trim()),
        detail: it
            .detail
            .lines()
            .map(|l| join_lines(l.trim()))
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        markers,
        span: it.start..at.end,
    }
}

/// Splits a trailing `{#hub-3 #hub-4}` marker off an item's text.
pub fn split_marker(text: &str) -> (&str, Vec<String>) {
    let trimmed = text.trim_end();
    if let Some(inner) = trimmed.strip_suffix('}') {
        if let Some(open) = inner.rfind('{') {
            let body = &inner[open + 1..];
            let words: Vec<&str> = body.split_whitespace().collect();
            if !words.is_empty() && words.iter().all(|w| w.len() > 1 && w.starts_with('#')) {
                let ids = words.iter().map(|w| w[1..].to_string()).collect();
                return (trimmed[..open].trim_end(), ids);
            }
        }
    }
    (text, Vec::new())
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
