//! Parse stage: what a page's Markdown says (headings and their anchors, links, obligation lists),
//! and the rendering of a body to HTML once links are resolved.
//!
//! Both passes run pulldown-cmark over the same text with the same options, so positions found by
//! [`scan`] (byte offsets in the file) identify the same events again in [`render`].

pub mod highlight;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};

use crate::diagnostics::{Diagnostic, SourceFile};
use crate::guidance::obligations::ObligationId;
use crate::model::config::RawHtml;
use crate::model::{Doc, Glossary, Heading, LinkRef, ObligationItem, ObligationList, Parsed};
use crate::text::language::{has_japanese, mark_japanese_runs, push_escaped};

/// The Markdown dialect of pages: every reader of a body (the stages here, the 新旧対照表 of
/// [`crate::versions`]) parses with these options, so all see the same blocks.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_TASKLISTS
}

fn parser(doc: &Doc) -> pulldown_cmark::OffsetIter<'_, pulldown_cmark::DefaultBrokenLinkCallback> {
    Parser::new_ext(doc.body_text(), options()).into_offset_iter()
}

/// A heading whose text is being collected.
struct OpenHeading {
    level: u8,
    explicit_id: Option<String>,
    start: usize,
    text: String,
    is_obligations: bool,
    set: Option<String>,
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

/// Reads a document's body: headings with their anchors, links, obligation lists; and checks
/// that it publishes nothing that runs code (`raw_html` says what raw HTML may do).
pub fn scan(doc: &Doc, raw_html: RawHtml) -> (Parsed, Vec<Diagnostic>) {
    let base = doc.body.start;
    let mut parsed = Parsed::default();
    let mut diags = Vec::new();
    let mut ids = IdAllocator::reserving(THEME_IDS);
    let mut heading: Option<OpenHeading> = None;
    let mut state = ListState::Idle;
    let mut list_depth = 0usize;
    let mut guard = ScriptGuard::new(&doc.file, raw_html);

    let events = parser(doc);
    guard.definitions(events.reference_definitions(), base);
    for (event, range) in events {
        let span = base + range.start..base + range.end;
        guard.event(&event, span.clone());
        match &event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let set = attrs
                    .iter()
                    .find(|(k, _)| k.as_ref() == "set")
                    .and_then(|(_, v)| v.as_ref().map(|v| v.to_string()));
                heading = Some(OpenHeading {
                    level: heading_level(*level),
                    explicit_id: id.as_ref().map(|s| s.to_string()),
                    start: span.start,
                    text: String::new(),
                    is_obligations: classes.iter().any(|c| c.as_ref() == "obligations"),
                    set,
                });
                if let ListState::Pending { heading: h, .. } = &state {
                    diags.push(
                        Diagnostic::warning("an obligations heading is not followed by a list")
                            .at(&doc.file, h.clone())
                            .hint("put the list of 求められる事項 right below the heading"),
                    );
                    state = ListState::Idle;
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(OpenHeading {
                    level,
                    explicit_id,
                    start,
                    text,
                    is_obligations,
                    set,
                }) = heading.take()
                {
                    let id = match explicit_id {
                        Some(id) => ids.explicit(&id),
                        None => ids.derived(&slugify(&text)),
                    };
                    parsed.headings.push(Heading {
                        level,
                        id,
                        text: text.trim().to_string(),
                        offset: start,
                    });
                    if is_obligations {
                        match set {
                            Some(set) if !set.is_empty() => {
                                state = ListState::Pending {
                                    set,
                                    heading: start..span.end,
                                }
                            }
                            _ => diags.push(
                                Diagnostic::error("an obligations heading has no `set`")
                                    .at(&doc.file, start..span.end)
                                    .hint("name the set, e.g. `{.obligations set=hub}`"),
                            ),
                        }
                    }
                }
            }
            Event::Start(Tag::List(_)) => {
                list_depth += 1;
                if let ListState::Pending { set, heading } = &state {
                    state = ListState::Reading {
                        depth: list_depth,
                        list: ObligationList {
                            set: set.clone(),
                            heading_span: heading.clone(),
                            items: Vec::new(),
                        },
                        item: None,
                    };
                } else {
                    leave_first_paragraph(&mut state);
                }
            }
            Event::End(TagEnd::List(_)) => {
                if matches!(&state, ListState::Reading { depth, .. } if *depth == list_depth) {
                    if let ListState::Reading { list, .. } =
                        std::mem::replace(&mut state, ListState::Idle)
                    {
                        parsed.obligation_lists.push(list);
                    }
                }
                list_depth = list_depth.saturating_sub(1);
            }
            Event::Start(Tag::Item) => {
                if let ListState::Reading { depth, item, .. } = &mut state {
                    if *depth == list_depth {
                        *item = Some(ItemState {
                            start: span.start,
                            in_first_paragraph: true,
                            text: String::new(),
                            detail: String::new(),
                        });
                    }
                }
            }
            Event::End(TagEnd::Item) => {
                if let ListState::Reading { depth, list, item } = &mut state {
                    if *depth == list_depth {
                        if let Some(it) = item.take() {
                            let at = ItemAt {
                                set: &list.set,
                                n: list.items.len() + 1,
                                end: span.end,
                            };
                            let done = finish_item(it, at, &mut ids, &doc.file, &mut diags);
                            list.items.push(done);
                        }
                    } else if let Some(it) = item {
                        push_break(&mut it.detail);
                    }
                }
            }
            Event::Start(Tag::Paragraph) => {
                if let ListState::Reading { item: Some(it), .. } = &mut state {
                    if !it.in_first_paragraph || !it.text.is_empty() {
                        it.in_first_paragraph = false;
                    }
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if let ListState::Reading { item: Some(it), .. } = &mut state {
                    if it.in_first_paragraph {
                        it.in_first_paragraph = false;
                    } else {
                        push_break(&mut it.detail);
                    }
                }
            }
            Event::Start(Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::Table(_)) => {
                leave_first_paragraph(&mut state)
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if is_internal(dest_url) =>
            {
                parsed.links.push(LinkRef {
                    dest: dest_url.to_string(),
                    span: span.clone(),
                });
            }
            Event::FootnoteReference(_) => {}
            Event::Start(Tag::FootnoteDefinition(label)) => parsed.anchors.push(label.to_string()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.text.push_str(t);
                }
                push_item_text(&mut state, t);
            }
            Event::SoftBreak | Event::HardBreak => push_item_text(&mut state, "\n"),
            _ => {}
        }
    }
    if let ListState::Pending { heading, .. } = state {
        diags.push(
            Diagnostic::warning("an obligations heading is not followed by a list")
                .at(&doc.file, heading)
                .hint("put the list of 求められる事項 right below the heading"),
        );
    }
    parsed.anchors.extend(ids.used);
    diags.extend(guard.diags);
    (parsed, diags)
}

/// Finds what in a body would run code once published (SPEC §12): script and non-image `data:`
/// URLs in links, images, autolinks and reference definitions, and raw HTML outside the
/// allowlist of [`crate::text::safety`] unless the site trusts its authors' HTML. Each is an error at
/// its line, so nothing is dropped silently.
struct ScriptGuard<'f> {
    file: &'f SourceFile,
    raw_html: RawHtml,
    /// The HTML block being read: its lines are checked together, as a tag may span them.
    block: Option<HtmlFragment>,
    diags: Vec<Diagnostic>,
}

/// Raw HTML text with, for each piece of it, where that piece is in the file.
#[derive(Default)]
struct HtmlFragment {
    text: String,
    /// (offset in `text`, range in the file, whether the file holds the piece byte for byte).
    pieces: Vec<(usize, Range<usize>, bool)>,
}

impl HtmlFragment {
    fn push(&mut self, piece: &str, span: Range<usize>, file: &SourceFile) {
        let exact = file.text.get(span.clone()) == Some(piece);
        self.pieces.push((self.text.len(), span, exact));
        self.text.push_str(piece);
    }

    /// Where a byte offset of `text` is in the file.
    fn source_offset(&self, at: usize) -> usize {
        let piece = self.pieces.iter().rev().find(|(start, ..)| *start <= at);
        match piece {
            Some((start, span, true)) => span.start + (at - start),
            Some((_, span, false)) => span.start,
            None => 0,
        }
    }
}

impl<'f> ScriptGuard<'f> {
    fn new(file: &'f SourceFile, raw_html: RawHtml) -> Self {
        ScriptGuard {
            file,
            raw_html,
            block: None,
            diags: Vec::new(),
        }
    }

    /// `[label]: url` lines; links that use them are not checked again.
    fn definitions(&mut self, defs: &pulldown_cmark::RefDefs, base: usize) {
        for (_, def) in defs.iter() {
            let span = base + def.span.start..base + def.span.end;
            self.url(&def.dest, span, "the address of the link definition");
        }
    }

    fn event(&mut self, event: &Event, span: Range<usize>) {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) if written_in_place(*link_type) => {
                self.url(dest_url, span, "the address of the link")
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                ..
            }) if written_in_place(*link_type) => {
                self.url(dest_url, span, "the address of the image")
            }
            _ if self.raw_html == RawHtml::Trusted => {}
            Event::Start(Tag::HtmlBlock) => self.block = Some(HtmlFragment::default()),
            Event::Html(html) => match self.block.as_mut() {
                Some(block) => block.push(html, span, self.file),
                None => self.inline_html(html, span),
            },
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(block) = self.block.take() {
                    self.html(&block);
                }
            }
            Event::InlineHtml(html) => self.inline_html(html, span),
            _ => {}
        }
    }

    fn url(&mut self, url: &str, span: Range<usize>, what: &str) {
        let Some(problem) = crate::text::safety::unsafe_url(url) else {
            return;
        };
        // Point at the URL itself when it is written as it reads (not entity-encoded).
        let written = self.file.text.get(span.clone()).unwrap_or("");
        let span = match written.find(url.trim()) {
            Some(i) if !url.trim().is_empty() => span.start + i..span.start + i + url.trim().len(),
            _ => span,
        };
        self.diags.push(
            Diagnostic::error(format!("{what} {}", problem.problem()))
                .at(self.file, span)
                .hint(problem.hint()),
        );
    }

    fn inline_html(&mut self, html: &str, span: Range<usize>) {
        let mut fragment = HtmlFragment::default();
        fragment.push(html, span, self.file);
        self.html(&fragment);
    }

    fn html(&mut self, fragment: &HtmlFragment) {
        for found in crate::text::safety::check_html(&fragment.text) {
            let start = fragment.source_offset(found.range.start);
            let end = start + found.range.len();
            self.diags.push(
                Diagnostic::error(found.message)
                    .at(self.file, start..end)
                    .hint(found.hint),
            );
        }
    }
}

/// Links whose URL is written where the link is; the others use a reference definition, which
/// is checked once, where it is written.
fn written_in_place(link_type: LinkType) -> bool {
    matches!(
        link_type,
        LinkType::Inline | LinkType::Autolink | LinkType::Email
    )
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

fn leave_first_paragraph(state: &mut ListState) {
    if let ListState::Reading { item: Some(it), .. } = state {
        it.in_first_paragraph = false;
    }
}

fn push_item_text(state: &mut ListState, t: &str) {
    if let ListState::Reading { item: Some(it), .. } = state {
        if it.in_first_paragraph {
            it.text.push_str(t);
        } else {
            it.detail.push_str(t);
        }
    }
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

/// Links shishin checks and rewrites: `@/a.md`, `@ob:hub-3` and plain paths, not external ones
/// (`https:`, `mailto:`, `//host`; see [`crate::urls::is_external`]).
fn is_internal(dest: &str) -> bool {
    !dest.is_empty() && !crate::urls::is_external(dest)
}

/// GitHub-style anchor: lowercase, spaces to hyphens, punctuation removed, Japanese kept as is.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            out.extend(c.to_lowercase());
        } else if c == ' ' || c == '\u{3000}' {
            out.push('-');
        }
        // Everything else (punctuation, 「」、。・（）) is dropped, as GitHub does.
    }
    out
}

/// Ids the theme's page template uses itself: a heading must not take them.
const THEME_IDS: &[&str] = &[
    "main",
    "sh-source",
    "sh-facts",
    "sh-toc",
    "sh-tags",
    "sh-backlinks",
    "sh-children",
];

/// Hands out unique anchors within a page: `a`, `a-1`, `a-2`.
#[derive(Default)]
struct IdAllocator {
    used: Vec<String>,
    seen: HashSet<String>,
    counters: HashMap<String, usize>,
}

impl IdAllocator {
    /// An allocator for which `ids` are already taken (but not anchors of the body).
    fn reserving(ids: &[&str]) -> Self {
        IdAllocator {
            seen: ids.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
    }

    /// An id written by the author: kept as it is.
    fn explicit(&mut self, id: &str) -> String {
        self.seen.insert(id.to_string());
        self.used.push(id.to_string());
        id.to_string()
    }

    fn derived(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "section" } else { base };
        let mut id = base.to_string();
        while self.seen.contains(&id) {
            let n = self.counters.entry(base.to_string()).or_insert(0);
            *n += 1;
            id = format!("{base}-{n}");
        }
        self.seen.insert(id.clone());
        self.used.push(id.clone());
        id
    }
}

/// Renders a document's body to HTML. `resolve` turns a link destination found by [`scan`] into
/// the URL to write (it is called only for internal links); `None` leaves the link as written.
pub fn render(doc: &Doc, resolve: &dyn Fn(&str) -> Option<String>) -> String {
    render_with(doc, resolve, None)
}

/// Links from a page body to the glossary.
pub struct TermLinks<'a> {
    pub glossary: &'a Glossary,
    /// The glossary page in the reader's language: `/zaitaku/en/glossary/`.
    pub url: String,
}

/// What text events turn into: first uses of glossary terms become links, and in an English body
/// runs of Japanese are marked `lang="ja"`.
struct TextMarks<'a> {
    terms: Option<&'a TermLinks<'a>>,
    lang: crate::model::Lang,
    mark_japanese: bool,
    linked: HashSet<usize>,
}

impl TextMarks<'_> {
    /// The event for a text event's `text`; `may_link` is false inside links, headings and images.
    fn event<'e>(&mut self, text: CowStr<'e>, may_link: bool) -> Event<'e> {
        let found = match self.terms {
            Some(tl) if may_link => tl.glossary.find(self.lang, &text),
            _ => Vec::new(),
        };
        let needs_lang = self.mark_japanese && has_japanese(&text);
        if !needs_lang && found.iter().all(|(_, t)| self.linked.contains(t)) {
            return Event::Text(text);
        }
        let mut html = String::with_capacity(text.len() + 64);
        let mut at = 0;
        for (range, term) in found {
            let Some(tl) = self.terms else { break };
            if !self.linked.insert(term) {
                continue;
            }
            self.push(&text[at..range.start], &mut html);
            html.push_str("<a class=\"term\" href=\"");
            push_escaped(&tl.url, &mut html);
            html.push('#');
            push_escaped(&tl.glossary.terms[term].id, &mut html);
            html.push_str("\">");
            self.push(&text[range.clone()], &mut html);
            html.push_str("</a>");
            at = range.end;
        }
        self.push(&text[at..], &mut html);
        Event::InlineHtml(html.into())
    }

    fn push(&self, text: &str, out: &mut String) {
        if self.mark_japanese {
            mark_japanese_runs(text, out);
        } else {
            push_escaped(text, out);
        }
    }
}

/// [`render`], with glossary links when `terms` is given.
pub fn render_with(
    doc: &Doc,
    resolve: &dyn Fn(&str) -> Option<String>,
    terms: Option<&TermLinks>,
) -> String {
    let base = doc.body.start;
    let mut marks = TextMarks {
        terms,
        lang: doc.lang,
        mark_japanese: doc.lang == crate::model::Lang::En,
        linked: HashSet::new(),
    };
    // Where text may not become a glossary link: inside links, headings, images.
    let mut in_link = 0usize;
    let mut in_heading = false;
    let mut in_image = 0usize;
    let parsed = &doc.parsed;
    let items: HashMap<usize, &str> = parsed
        .obligation_lists
        .iter()
        .flat_map(|l| l.items.iter().map(|i| (i.span.start, i.id.as_str())))
        .collect();
    let lists: HashMap<usize, &str> = parsed
        .obligation_lists
        .iter()
        .filter_map(|l| l.items.first().map(|i| (i.span.start, l.set.as_str())))
        .collect();
    let marker_items: HashSet<usize> = parsed
        .obligation_lists
        .iter()
        .flat_map(|l| {
            l.items
                .iter()
                .filter(|i| !i.markers.is_empty())
                .map(|i| i.span.start)
        })
        .collect();
    let mut headings = parsed.headings.iter();
    let mut out = String::with_capacity(doc.body.len() * 3 / 2);
    let mut events: Vec<Event> = Vec::new();
    let mut code: Option<(String, String)> = None;
    let mut pending_list: Option<Event> = None;
    // Item of an obligation list whose first paragraph may end with a marker.
    let mut in_marked_item = false;

    // The heading a table sits under names its scrolling region.
    let mut last_heading: Option<String> = None;
    let mut tables = 0usize;

    for (event, range) in parser(doc) {
        let at = base + range.start;
        match &event {
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Start(Tag::Link { .. }) => in_link += 1,
            Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            _ => {}
        }
        if in_marked_item
            && matches!(
                event,
                Event::Start(Tag::List(_)) | Event::End(TagEnd::Item | TagEnd::Paragraph)
            )
        {
            in_marked_item = false;
        }
        match event {
            Event::Start(Tag::Heading {
                level,
                id: _,
                classes,
                attrs,
            }) => {
                let id = headings.next().map(|h| h.id.clone());
                last_heading.clone_from(&id);
                // Attributes other than id and class are not HTML: keep them as data-*.
                let attrs = attrs
                    .into_iter()
                    .map(|(k, v)| (CowStr::from(format!("data-{k}")), v))
                    .collect();
                events.push(Event::Start(Tag::Heading {
                    level,
                    id: id.map(CowStr::from),
                    classes,
                    attrs,
                }));
            }
            Event::Start(Tag::List(start)) => {
                // An obligation list: its first item tells which; hold the list open until then.
                pending_list = Some(Event::Start(Tag::List(start)));
            }
            Event::Start(Tag::Item) => {
                if let Some(list) = pending_list.take() {
                    match (lists.get(&at), &list) {
                        (Some(set), Event::Start(Tag::List(start))) => {
                            let tag = if start.is_some() { "ol" } else { "ul" };
                            let start_attr = match start {
                                Some(n) if *n != 1 => format!(" start=\"{n}\""),
                                _ => String::new(),
                            };
                            events.push(Event::Html(
                                format!("<{tag} class=\"obligation-list\" data-set=\"{}\"{start_attr}>\n", escape(set)).into(),
                            ));
                        }
                        _ => events.push(list),
                    }
                }
                match items.get(&at) {
                    Some(id) => {
                        events.push(Event::Html(
                            format!("<li id=\"{}\" class=\"obligation\">", escape(id)).into(),
                        ));
                        in_marked_item = marker_items.contains(&at);
                    }
                    None => events.push(Event::Start(Tag::Item)),
                }
            }
            Event::Text(t) if in_marked_item => {
                let (text, markers) = split_marker(&t);
                let may_link = in_link == 0 && !in_heading && in_image == 0;
                if markers.is_empty() {
                    events.push(marks.event(t, may_link));
                } else {
                    let text = CowStr::from(text.to_string());
                    events.push(marks.event(text, may_link));
                    in_marked_item = false;
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split([' ', ',', '{']).next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::Text(t) if code.is_some() => {
                if let Some((_, buf)) = code.as_mut() {
                    buf.push_str(&t);
                }
            }
            Event::Text(t) => {
                if let Some(list) = pending_list.take() {
                    events.push(list);
                }
                if in_image > 0 {
                    // Alt text is written as plain text: no markup inside.
                    events.push(Event::Text(t));
                } else {
                    events.push(marks.event(t, in_link == 0 && !in_heading));
                }
            }
            Event::Code(t) if marks.mark_japanese && has_japanese(&t) => {
                // Code quoted from a Japanese document (`3,000千円`) in an English body.
                let mut html = String::from("<code lang=\"ja\">");
                push_escaped(&t, &mut html);
                html.push_str("</code>");
                events.push(Event::InlineHtml(html.into()));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, buf)) = code.take() {
                    events.push(Event::Html(highlight::code_block(&buf, &lang).into()));
                }
            }
            Event::Start(Tag::Table(aligns)) => {
                // A wide table scrolls inside its wrapper: keyboard users reach it by Tab, and
                // screen readers hear the name of the heading it belongs to.
                tables += 1;
                let name = match &last_heading {
                    Some(id) => format!("aria-labelledby=\"{}\"", escape(id)),
                    None => format!(
                        "aria-label=\"{}{tables}\"",
                        if doc.lang == crate::model::Lang::En {
                            "Table "
                        } else {
                            "表"
                        }
                    ),
                };
                events.push(Event::Html(
                    format!("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" {name}>")
                        .into(),
                ));
                events.push(Event::Start(Tag::Table(aligns)));
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                events.push(Event::Html("</div>\n".into()));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = rewrite(dest_url, resolve);
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = rewrite(dest_url, resolve);
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            other => {
                if let Some(list) = pending_list.take() {
                    events.push(list);
                }
                events.push(other);
            }
        }
        // Flush in chunks so a long page does not hold every event at once.
        if events.len() > 512 && pending_list.is_none() && code.is_none() {
            pulldown_cmark::html::push_html(&mut out, events.drain(..));
        }
    }
    if let Some(list) = pending_list.take() {
        events.push(list);
    }
    pulldown_cmark::html::push_html(&mut out, events.into_iter());
    replace_controls(out)
}

/// CommonMark replaces U+0000 with U+FFFD for security; pulldown-cmark passes it through, and a
/// NUL in HTML makes browsers and tools disagree about the text. The other control characters
/// that HTML forbids (all of C0 but tab, LF, FF and CR, and DEL) are invisible and make the page
/// invalid: they are shown as U+FFFD too, so the author can find them.
fn replace_controls(html: String) -> String {
    let forbidden = |c: char| c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\u{C}' | '\r');
    if html.contains(forbidden) {
        html.replace(forbidden, "\u{FFFD}")
    } else {
        html
    }
}

fn rewrite<'a>(dest: CowStr<'a>, resolve: &dyn Fn(&str) -> Option<String>) -> CowStr<'a> {
    if !is_internal(&dest) {
        return dest;
    }
    match resolve(&dest) {
        Some(url) => CowStr::from(url),
        None => dest,
    }
}

/// Text escaped for HTML element content or an attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    push_escaped(s, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FrontMatter, Kind, Lang};

    pub(crate) fn doc(body: &str) -> Doc {
        let text = format!("---\ntitle: t\n---\n{body}");
        let start = "---\ntitle: t\n---\n".len();
        Doc {
            file: SourceFile {
                path: "content/a.md".into(),
                text: text.clone().into(),
            },
            key: "a.md".into(),
            lang: Lang::Ja,
            body: start..text.len(),
            front: FrontMatter {
                title: "t".into(),
                description: None,
                kind: Kind::Page,
                prefecture: None,
                date: None,
                updated: None,
                source: None,
                draft: false,
                weight: 0,
                facts: vec![],
                translated_from: None,
                tags: vec![],
                slug: None,
                extra: serde_json::Value::Null,
            },
            parsed: Parsed::default(),
            digest: Default::default(),
        }
    }

    fn scanned(body: &str) -> Doc {
        let mut d = doc(body);
        let (parsed, diags) = scan(&d, RawHtml::Safe);
        assert!(diags.is_empty(), "{diags:?}");
        d.parsed = parsed;
        d
    }

    #[test]
    fn nul_becomes_the_replacement_character() {
        let d = scanned("a\0b `c\0d`\n\n```\ne\0f\n```\n");
        let html = render(&d, &|_| None);
        assert!(!html.contains('\0'), "{html:?}");
        assert!(html.contains("a\u{FFFD}b"), "{html}");
        assert!(html.contains("c\u{FFFD}d"), "{html}");
    }

    #[test]
    fn other_control_characters_become_the_replacement_character() {
        let d = scanned("a\u{1}b\u{7f}c\td\u{c}e\n");
        let html = render(&d, &|_| None);
        assert!(html.contains("a\u{FFFD}b\u{FFFD}c\td\u{c}e"), "{html:?}");
    }

    fn errors(body: &str, raw_html: RawHtml) -> Vec<Diagnostic> {
        scan(&doc(body), raw_html).1
    }

    #[test]
    fn script_urls_in_links_images_autolinks_and_definitions_are_errors() {
        for (body, at) in [
            ("[x](javascript:alert(1))\n", "content/a.md:4:5"),
            ("a [x](JaVaScRiPt:alert(1))\n", "content/a.md:4:7"),
            ("![i](data:text/html,x)\n", "content/a.md:4:6"),
            (
                "![i](data:image/svg+xml;base64,PHN2Zz4=)\n",
                "content/a.md:4:6",
            ),
            ("<javascript:alert(1)>\n", "content/a.md:4:2"),
            ("[x][r]\n\n[r]: vbscript:msgbox\n", "content/a.md:6:6"),
            ("[x](<java\tscript:alert(1)>)\n", "content/a.md:4:6"),
            ("[x](&#106;avascript:alert(1))\n", "content/a.md:4:1"),
        ] {
            let diags = errors(body, RawHtml::Safe);
            assert_eq!(diags.len(), 1, "{body}: {diags:?}");
            assert_eq!(diags[0].location(), at, "{body}");
            assert!(diags[0].is_error());
            // Trusting raw HTML does not make script URLs in Markdown acceptable.
            assert_eq!(errors(body, RawHtml::Trusted).len(), 1, "{body}");
        }
    }

    #[test]
    fn raster_data_images_and_ordinary_links_pass() {
        let body = "![地図](data:image/png;base64,iVBORw0KGgo=) [a](https://ex.jp) [b](@/b.md) <https://ex.jp>\n";
        assert!(errors(body, RawHtml::Safe).is_empty());
    }

    #[test]
    fn raw_html_outside_the_allowlist_is_an_error_at_its_line() {
        let body = "本文<span onclick=\"x()\">a</span>\n\n<div>\n<script>alert(1)</script>\n</div>\n\n<iframe src=x></iframe>\n";
        let diags = errors(body, RawHtml::Safe);
        let found: Vec<(String, &str)> = diags
            .iter()
            .map(|d| (d.location(), d.source_line().unwrap()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "content/a.md:4:9".to_string(),
                    "本文<span onclick=\"x()\">a</span>"
                ),
                ("content/a.md:6:1".to_string(), "<div>"),
                ("content/a.md:7:1".to_string(), "<script>alert(1)</script>"),
                ("content/a.md:10:1".to_string(), "<iframe src=x></iframe>"),
            ]
        );
        assert!(
            diags[0].message.contains("`onclick`"),
            "{}",
            diags[0].message
        );
        assert!(
            diags[2].message.contains("`<script>`"),
            "{}",
            diags[2].message
        );
        assert!(errors(body, RawHtml::Trusted).is_empty());
    }

    #[test]
    fn a_tag_spread_over_lines_of_an_html_block_is_read_whole() {
        let body = "<span\n  lang=\"ja\"\n  style=\"color:red\">a</span>\n";
        let diags = errors(body, RawHtml::Safe);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].location(), "content/a.md:6:3");
    }

    #[test]
    fn allowed_raw_html_passes_and_is_rendered() {
        let body = "<ruby>在宅<rp>(</rp><rt>ざいたく</rt><rp>)</rp></ruby>医療<br>\nx<sup>1</sup> <span lang=\"en\">home</span> <!-- note -->\n";
        assert!(errors(body, RawHtml::Safe).is_empty());
        let html = render(&scanned(body), &|_| None);
        assert!(html.contains("<rt>ざいたく</rt>"), "{html}");
        assert!(html.contains("<span lang=\"en\">home</span>"), "{html}");
    }

    #[test]
    fn japanese_heading_anchors_are_kept_and_deduplicated() {
        let d = scanned("## 急変時の対応\n\n## 急変時の対応\n\n## 1. Goals & aims\n\n## 「看取り」・ACP {#acp}\n");
        let ids: Vec<&str> = d.parsed.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(
            ids,
            ["急変時の対応", "急変時の対応-1", "1-goals--aims", "acp"]
        );
        let html = render(&d, &|_| None);
        assert!(html.contains("<h2 id=\"急変時の対応-1\">"), "{html}");
        assert!(html.contains("<h2 id=\"acp\">"), "{html}");
    }

    #[test]
    fn obligation_list_items_text_detail_and_anchors() {
        let d = scanned(
            "## 求められる事項 {.obligations set=hub}\n\n- 会議を定期的に開催\n  すること\n  - 市町村事業: (ア)(オ)\n  - 予算上限: 1拠点あたり3,536千円\n- 調整を行うこと {#hub-3 #hub-4}\n\n段落\n\n- 別のリスト\n",
        );
        let list = &d.parsed.obligation_lists[0];
        assert_eq!(list.set, "hub");
        assert_eq!(list.items.len(), 2);
        assert_eq!(list.items[0].id, "hub-1");
        assert_eq!(list.items[0].text, "会議を定期的に開催すること");
        assert_eq!(
            list.items[0].detail,
            "市町村事業: (ア)(オ)\n予算上限: 1拠点あたり3,536千円"
        );
        assert_eq!(list.items[1].markers, ["hub-3", "hub-4"]);
        assert_eq!(list.items[1].text, "調整を行うこと");
        let html = render(&d, &|_| None);
        assert!(
            html.contains("<li id=\"hub-1\" class=\"obligation\">"),
            "{html}"
        );
        assert!(
            html.contains("<h2 id=\"求められる事項\" class=\"obligations\" data-set=\"hub\">"),
            "{html}"
        );
        assert!(
            !html.contains("{#hub-3"),
            "marker must not be rendered: {html}"
        );
        assert!(
            html.contains("<ul class=\"obligation-list\" data-set=\"hub\">"),
            "{html}"
        );
    }

    #[test]
    fn loose_obligation_lists_take_the_first_paragraph() {
        let d = scanned(
            "### 事項 {.obligations set=active}\n\n1. 一つ目\n\n   詳細の段落\n\n2. 二つ目\n",
        );
        let items = &d.parsed.obligation_lists[0].items;
        assert_eq!(items[0].text, "一つ目");
        assert_eq!(items[0].detail, "詳細の段落");
        assert_eq!(items[1].id, "active-2");
    }

    #[test]
    fn obligation_heading_without_set_is_an_error() {
        let d = doc("## 事項 {.obligations}\n\n- a\n");
        let (_, diags) = scan(&d, RawHtml::Safe);
        assert!(diags[0].message.contains("no `set`"));
        assert_eq!(diags[0].location(), "content/a.md:4:1");
    }

    #[test]
    fn internal_links_are_found_and_rewritten() {
        let d =
            scanned("[a](@/b.md#x) [b](https://ex.jp) [c](../c/) [d](@ob:hub-2) ![i](map.png)\n");
        let dests: Vec<&str> = d.parsed.links.iter().map(|l| l.dest.as_str()).collect();
        assert_eq!(dests, ["@/b.md#x", "../c/", "@ob:hub-2", "map.png"]);
        let html = render(&d, &|dest| Some(format!("/R{dest}")));
        assert!(html.contains("href=\"/R@/b.md#x\""));
        assert!(html.contains("href=\"https://ex.jp\""));
    }

    #[test]
    fn code_is_highlighted_with_classes_and_tables_wrapped() {
        let d = scanned("```rust\nfn main() {}\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        let html = render(&d, &|_| None);
        assert!(html.contains("<pre class=\"code\""), "{html}");
        assert!(html.contains("<span class="), "{html}");
        assert!(!html.contains("style="), "{html}");
        assert!(html.contains("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"表1\"><table>"), "{html}");
    }

    #[test]
    fn markers_and_ids() {
        assert_eq!(split_marker("x {#hub-1}"), ("x", vec!["hub-1".to_string()]));
        assert_eq!(split_marker("x {not}"), ("x {not}", vec![]));
        assert!(ObligationId::parse("hub-3").is_some());
        assert!(ObligationId::parse("hub").is_none());
        assert!(ObligationId::parse("hub-0").is_none());
    }
}
