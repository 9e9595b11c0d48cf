//! The second pass over a body: HTML, with the anchors the scan gave headings and obligation
//! items, internal links resolved, code highlighted, tables made scrollable, and glossary terms
//! linked.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Alignment, CodeBlockKind, CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::lists::split_full_marker;
use super::marks::{TermLinks, TextMarks};
use super::{escape, highlight, is_internal, parser};
use crate::model::{Doc, Heading, Lang, ObligationItem, Parsed, Place, Untranslated};
use crate::text::language::{has_japanese, push_escaped};

/// Renders a document's body to HTML; `text` is the document's whole text ([`Doc::text`]).
/// `resolve` turns a link destination found by [`scan`](super::scan) into the URL to write (it is
/// called only for internal links); `None` leaves the link as written.
pub fn render(doc: &Doc, text: &str, resolve: &dyn Fn(&str) -> Option<String>) -> String {
    render_observed(doc, text, resolve, None, &mut |_| {})
}

/// [`render`] with glossary links when `terms` is given, showing `observe` the events exactly as
/// they are written to HTML, one chunk at a time (each chunk is one `push_html`, which numbers
/// footnotes afresh). The search index reads a page's visible text from them instead of scanning
/// the HTML again.
pub fn render_observed<'a>(
    doc: &'a Doc,
    text: &'a str,
    resolve: &'a dyn Fn(&str) -> Option<String>,
    terms: Option<&'a TermLinks<'a>>,
    observe: &'a mut dyn FnMut(&[Event<'a>]),
) -> String {
    let base = doc.body.start;
    let mut renderer = Renderer::new(doc, resolve, terms, observe);
    for (event, range) in parser(doc.body_of(text)) {
        renderer.event(event, base + range.start);
    }
    renderer.finish()
}

/// The state of one rendering: the events on their way to HTML, and what is half written.
struct Renderer<'a> {
    lang: Lang,
    resolve: &'a dyn Fn(&str) -> Option<String>,
    /// Sees each chunk of events before it is written.
    observe: &'a mut dyn FnMut(&[Event<'a>]),
    marks: TextMarks<'a>,
    context: Context,
    obligations: ObligationAnchors<'a>,
    /// The headings the scan found, in order: each heading event takes the next one's anchor.
    headings: std::slice::Iter<'a, Heading>,
    out: String,
    events: Vec<Event<'a>>,
    /// The code block being read: its language and its text.
    code: Option<(String, String)>,
    /// An obligation list: its first item tells which; the list is held open until then.
    pending_list: Option<Event<'a>>,
    /// Item of an obligation list whose first paragraph may end with a marker.
    in_marked_item: bool,
    /// The heading a table sits under names its scrolling region.
    last_heading: Option<String>,
    tables: usize,
}

/// Where text may not become a glossary link: inside links, headings, images.
#[derive(Default)]
struct Context {
    links: usize,
    heading: bool,
    images: usize,
}

impl Context {
    fn track(&mut self, event: &Event) {
        match event {
            Event::Start(Tag::Heading { .. }) => self.heading = true,
            Event::End(TagEnd::Heading(_)) => self.heading = false,
            Event::Start(Tag::Link { .. }) => self.links += 1,
            Event::End(TagEnd::Link) => self.links = self.links.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => self.images += 1,
            Event::End(TagEnd::Image) => self.images = self.images.saturating_sub(1),
            _ => {}
        }
    }

    fn outside_links_and_headings(&self) -> bool {
        self.links == 0 && !self.heading
    }

    fn in_image(&self) -> bool {
        self.images > 0
    }
}

/// The obligation lists the scan found, by the offset in the file where their items start.
struct ObligationAnchors<'a> {
    /// An item's anchor (`hub-3`) and those of the further obligations it matches.
    items: HashMap<usize, (&'a str, &'a [String])>,
    /// A list's set, at its first item.
    lists: HashMap<usize, &'a str>,
    /// Items written with a `{#hub-3}` marker, which must not be rendered.
    marked: HashSet<usize>,
    /// A translation's lists that lack Japanese items, by the offset of their first item: the
    /// items shown in Japanese at the list's end.
    untranslated: HashMap<usize, &'a [ObligationItem]>,
    /// The Japanese lists a translation lacks entirely, shown after its body.
    after_body: Vec<&'a Untranslated>,
}

impl<'a> ObligationAnchors<'a> {
    fn new(parsed: &'a Parsed) -> Self {
        let lists = &parsed.obligation_lists;
        ObligationAnchors {
            items: lists
                .iter()
                .flat_map(|l| {
                    l.items
                        .iter()
                        .map(|i| (i.span.start, (i.id.as_str(), i.also.as_slice())))
                })
                .collect(),
            lists: lists
                .iter()
                .filter_map(|l| l.items.first().map(|i| (i.span.start, l.set.as_str())))
                .collect(),
            marked: lists
                .iter()
                .flat_map(|l| {
                    l.items
                        .iter()
                        .filter(|i| !i.markers.is_empty())
                        .map(|i| i.span.start)
                })
                .collect(),
            untranslated: parsed
                .untranslated
                .iter()
                .filter_map(|u| match u.place {
                    Place::EndOfList(at) => Some((at, u.items.as_slice())),
                    Place::EndOfBody => None,
                })
                .collect(),
            after_body: parsed
                .untranslated
                .iter()
                .filter(|u| u.place == Place::EndOfBody)
                .collect(),
        }
    }
}

/// The anchors of the further obligations an item matches, at its start.
fn push_also(also: &[String], out: &mut String) {
    for id in also {
        out.push_str(&format!("<span id=\"{}\"></span>", escape(id)));
    }
}

/// Japanese obligation items on a translation's page, in Japanese (SPEC §5): the translation
/// lags behind, and the anchors must exist all the same.
fn untranslated_items(items: &[ObligationItem], out: &mut String) {
    for item in items {
        out.push_str(&format!(
            "<li id=\"{}\" class=\"obligation untranslated\" lang=\"ja\">",
            escape(&item.id)
        ));
        push_also(&item.also, out);
        push_escaped(&item.text, out);
        if !item.detail.is_empty() {
            out.push_str("\n<ul>\n");
            for line in item.detail.lines() {
                out.push_str("<li>");
                push_escaped(line, out);
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</li>\n");
    }
}

impl<'a> Renderer<'a> {
    fn new(
        doc: &'a Doc,
        resolve: &'a dyn Fn(&str) -> Option<String>,
        terms: Option<&'a TermLinks<'a>>,
        observe: &'a mut dyn FnMut(&[Event<'a>]),
    ) -> Self {
        Renderer {
            lang: doc.lang,
            resolve,
            observe,
            marks: TextMarks::new(terms, doc.lang),
            context: Context::default(),
            obligations: ObligationAnchors::new(&doc.parsed),
            headings: doc.parsed.headings.iter(),
            out: String::with_capacity(doc.body.len() * 3 / 2),
            events: Vec::new(),
            code: None,
            pending_list: None,
            in_marked_item: false,
            last_heading: None,
            tables: 0,
        }
    }

    /// One event, which starts at offset `at` in the file.
    fn event(&mut self, event: Event<'a>, at: usize) {
        self.context.track(&event);
        if self.in_marked_item
            && matches!(
                event,
                Event::Start(Tag::List(_)) | Event::End(TagEnd::Item | TagEnd::Paragraph)
            )
        {
            self.in_marked_item = false;
        }
        match event {
            Event::Start(Tag::Heading {
                level,
                id: _,
                classes,
                attrs,
            }) => self.heading(level, classes, attrs),
            Event::Start(Tag::List(start)) => {
                self.pending_list = Some(Event::Start(Tag::List(start)));
            }
            Event::Start(Tag::Item) => self.item(at),
            Event::End(TagEnd::List(ordered)) => {
                if let Some(items) = self.obligations.untranslated.get(&at).copied() {
                    let mut html = String::new();
                    untranslated_items(items, &mut html);
                    self.events.push(Event::Html(html.into()));
                }
                self.events.push(Event::End(TagEnd::List(ordered)));
            }
            Event::Text(t) if self.in_marked_item => self.marked_text(t),
            Event::Start(Tag::CodeBlock(kind)) => self.code_block_started(kind),
            Event::Text(t) if self.code.is_some() => self.code_text(&t),
            Event::Text(t) => self.text(t),
            Event::Code(t) if self.marks.mark_japanese && has_japanese(&t) => {
                self.japanese_code(&t)
            }
            Event::End(TagEnd::CodeBlock) => self.code_block_ended(),
            Event::Start(Tag::Table(aligns)) => self.table_started(aligns),
            Event::End(TagEnd::Table) => self.table_ended(),
            // Links and images alike: an internal destination becomes the page's URL.
            Event::Start(mut tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag {
                    *dest_url = self.rewrite(std::mem::replace(dest_url, CowStr::Borrowed("")));
                }
                self.events.push(Event::Start(tag));
            }
            other => {
                self.open_pending_list();
                self.events.push(other);
            }
        }
        self.flush_if_long();
    }

    /// A heading with the anchor the scan gave it.
    fn heading(
        &mut self,
        level: HeadingLevel,
        classes: Vec<CowStr<'a>>,
        attrs: Vec<(CowStr<'a>, Option<CowStr<'a>>)>,
    ) {
        let id = self.headings.next().map(|h| h.id.clone());
        self.last_heading.clone_from(&id);
        // Attributes other than id and class are not HTML: keep them as data-*.
        let attrs = attrs
            .into_iter()
            .map(|(k, v)| (CowStr::from(format!("data-{k}")), v))
            .collect();
        self.events.push(Event::Start(Tag::Heading {
            level,
            id: id.map(CowStr::from),
            classes,
            attrs,
        }));
    }

    /// An item: an obligation gets its anchor, and the first item of an obligation list opens
    /// the list with its set.
    fn item(&mut self, at: usize) {
        if let Some(list) = self.pending_list.take() {
            match (self.obligations.lists.get(&at).copied(), &list) {
                (Some(set), Event::Start(Tag::List(start))) => {
                    let tag = if start.is_some() { "ol" } else { "ul" };
                    let start_attr = match start {
                        Some(n) if *n != 1 => format!(" start=\"{n}\""),
                        _ => String::new(),
                    };
                    self.events.push(Event::Html(
                        format!(
                            "<{tag} class=\"obligation-list\" data-set=\"{}\"{start_attr}>\n",
                            escape(set)
                        )
                        .into(),
                    ));
                }
                _ => self.events.push(list),
            }
        }
        match self.obligations.items.get(&at).copied() {
            Some((id, also)) => {
                // A translation's item whose Japanese was removed has no anchor (`link`).
                let mut li = match id {
                    "" => "<li class=\"obligation\">".to_string(),
                    id => format!("<li id=\"{}\" class=\"obligation\">", escape(id)),
                };
                push_also(also, &mut li);
                self.events.push(Event::Html(li.into()));
                self.in_marked_item = self.obligations.marked.contains(&at);
            }
            None => self.events.push(Event::Start(Tag::Item)),
        }
    }

    /// Text of an obligation written with a marker: the marker is not shown.
    fn marked_text(&mut self, t: CowStr<'a>) {
        let (text, marker) = split_full_marker(&t);
        let may_link = self.context.outside_links_and_headings() && !self.context.in_image();
        if marker.is_empty() {
            self.events.push(self.marks.event(t, may_link));
        } else {
            let text = CowStr::from(text.to_string());
            self.events.push(self.marks.event(text, may_link));
            self.in_marked_item = false;
        }
    }

    fn text(&mut self, t: CowStr<'a>) {
        self.open_pending_list();
        if self.context.in_image() {
            // Alt text is written as plain text: no markup inside.
            self.events.push(Event::Text(t));
        } else {
            let may_link = self.context.outside_links_and_headings();
            self.events.push(self.marks.event(t, may_link));
        }
    }

    fn code_block_started(&mut self, kind: CodeBlockKind) {
        let lang = match kind {
            CodeBlockKind::Fenced(info) => {
                info.split([' ', ',', '{']).next().unwrap_or("").to_string()
            }
            CodeBlockKind::Indented => String::new(),
        };
        self.code = Some((lang, String::new()));
    }

    fn code_text(&mut self, t: &str) {
        if let Some((_, buf)) = self.code.as_mut() {
            buf.push_str(t);
        }
    }

    fn code_block_ended(&mut self) {
        if let Some((lang, buf)) = self.code.take() {
            self.events
                .push(Event::Html(highlight::code_block(&buf, &lang).into()));
        }
    }

    /// Code quoted from a Japanese document (`3,000千円`) in an English body.
    fn japanese_code(&mut self, t: &str) {
        let mut html = String::from("<code lang=\"ja\">");
        push_escaped(t, &mut html);
        html.push_str("</code>");
        self.events.push(Event::InlineHtml(html.into()));
    }

    /// A wide table scrolls inside its wrapper: keyboard users reach it by Tab, and screen
    /// readers hear the name of the heading it belongs to.
    fn table_started(&mut self, aligns: Vec<Alignment>) {
        self.tables += 1;
        let tables = self.tables;
        let name = match &self.last_heading {
            Some(id) => format!("aria-labelledby=\"{}\"", escape(id)),
            None => format!(
                "aria-label=\"{}{tables}\"",
                if self.lang == Lang::En {
                    "Table "
                } else {
                    "表"
                }
            ),
        };
        self.events.push(Event::Html(
            format!("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" {name}>").into(),
        ));
        self.events.push(Event::Start(Tag::Table(aligns)));
    }

    fn table_ended(&mut self) {
        self.events.push(Event::End(TagEnd::Table));
        self.events.push(Event::Html("</div>\n".into()));
    }

    fn rewrite(&self, dest: CowStr<'a>) -> CowStr<'a> {
        if !is_internal(&dest) {
            return dest;
        }
        match (self.resolve)(&dest) {
            Some(url) => CowStr::from(url),
            None => dest,
        }
    }

    /// A list that turned out not to be an obligation list is an ordinary one.
    fn open_pending_list(&mut self) {
        if let Some(list) = self.pending_list.take() {
            self.events.push(list);
        }
    }

    /// Flush in chunks so a long page does not hold every event at once.
    fn flush_if_long(&mut self) {
        if self.events.len() > 512 && self.pending_list.is_none() && self.code.is_none() {
            self.write_events();
        }
    }

    fn write_events(&mut self) {
        (self.observe)(&self.events);
        pulldown_cmark::html::push_html(&mut self.out, self.events.drain(..));
    }

    fn finish(mut self) -> String {
        self.open_pending_list();
        self.write_events();
        for list in &self.obligations.after_body {
            self.out.push_str(&format!(
                "<ul class=\"obligation-list\" data-set=\"{}\" lang=\"ja\">\n",
                escape(&list.set)
            ));
            untranslated_items(&list.items, &mut self.out);
            self.out.push_str("</ul>\n");
        }
        replace_controls(self.out)
    }
}

/// CommonMark replaces U+0000 with U+FFFD for security; pulldown-cmark passes it through, and a
/// NUL in HTML makes browsers and tools disagree about the text. The other control characters
/// that HTML forbids (all of C0 but tab, LF, FF and CR, and DEL) are invisible and make the page
/// invalid: they are shown as U+FFFD too, so the author can find them.
pub fn replace_controls(html: String) -> String {
    let forbidden = |c: char| c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\u{C}' | '\r');
    if html.contains(forbidden) {
        html.replace(forbidden, "\u{FFFD}")
    } else {
        html
    }
}
