//! What the text of a body becomes in HTML: the first use of a glossary term a link to its
//! entry, and in an English body each run of Japanese marked `lang="ja"`.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event};

use crate::model::Glossary;
use crate::text::language::{has_japanese, mark_japanese_runs, push_escaped};

/// Links from a page body to the glossary.
pub struct TermLinks<'a> {
    pub glossary: &'a Glossary,
    /// The glossary page in the reader's language: `/zaitaku/en/glossary/`.
    pub url: String,
}

/// What text events turn into: first uses of glossary terms become links, and in an English body
/// runs of Japanese are marked `lang="ja"`.
pub(super) struct TextMarks<'a> {
    terms: Option<&'a TermLinks<'a>>,
    lang: crate::model::Lang,
    pub(super) mark_japanese: bool,
    linked: HashSet<usize>,
}

impl<'a> TextMarks<'a> {
    /// Marks for a body in `lang`; glossary links only when `terms` is given.
    pub(super) fn new(terms: Option<&'a TermLinks<'a>>, lang: crate::model::Lang) -> Self {
        TextMarks {
            terms,
            lang,
            mark_japanese: lang == crate::model::Lang::En,
            linked: HashSet::new(),
        }
    }

    /// The event for a text event's `text`; `may_link` is false inside links, headings and images.
    pub(super) fn event<'e>(&mut self, text: CowStr<'e>, may_link: bool) -> Event<'e> {
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
