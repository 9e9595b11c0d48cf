//! The bilingual glossary (SPEC §7): terms with a reading and a definition in each language, and
//! the matcher that finds their uses in page bodies. `load::glossary` reads and checks
//! `content/glossary.yaml`; the Markdown stage links the first use of each term to its entry.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, BuildError, MatchKind};

use super::Lang;

/// One entry, validated.
#[derive(Debug, Clone)]
pub struct Term {
    /// The entry's anchor: ASCII letters, digits and hyphens.
    pub id: String,
    pub ja: String,
    pub en: String,
    pub reading: Option<String>,
    pub definition_ja: String,
    pub definition_en: String,
}

impl Term {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
    pub fn definition(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.definition_ja,
            Lang::En => &self.definition_en,
        }
    }
}

/// Finds the terms of one language in text: leftmost-longest, so 在宅医療介護連携 wins over 在宅医療.
#[derive(Debug, Clone)]
struct Matcher {
    automaton: AhoCorasick,
    /// Pattern index → term index.
    terms: Vec<usize>,
}

/// The terms of a site, indexed for finding them in text; empty when the site has none.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    pub terms: Vec<Term>,
    /// Per language of the text searched; `None` for an empty glossary.
    matchers: HashMap<Lang, Matcher>,
}

impl Glossary {
    /// Indexes `terms` by `forms`: each form is (its language, the text, the index of its term).
    /// Forms must be unique per language; empty ones are left out.
    pub fn index<'a>(
        terms: Vec<Term>,
        forms: impl IntoIterator<Item = (Lang, &'a str, usize)>,
    ) -> Result<Glossary, BuildError> {
        let forms: Vec<(Lang, &str, usize)> = forms
            .into_iter()
            .filter(|(_, form, _)| !form.is_empty())
            .collect();
        let mut matchers = HashMap::new();
        for lang in Lang::ALL {
            // English text quotes Japanese terms too (「地域包括ケアシステム」): they link as well.
            let mut patterns: Vec<(&str, usize)> = forms
                .iter()
                .filter(|(l, _, _)| *l == lang || (lang == Lang::En && *l == Lang::Ja))
                .map(|&(_, form, t)| (form, t))
                .collect();
            patterns.sort();
            if patterns.is_empty() {
                continue;
            }
            let automaton = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .build(patterns.iter().map(|(p, _)| p))?;
            let terms = patterns.iter().map(|&(_, t)| t).collect();
            matchers.insert(lang, Matcher { automaton, terms });
        }
        Ok(Glossary { terms, matchers })
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Uses of terms in `text` (text written in `lang`): byte range and term index, in order.
    /// A match must not start or end inside an ASCII word (`ACP` is not found in `ACPs`).
    pub fn find(&self, lang: Lang, text: &str) -> Vec<(Range<usize>, usize)> {
        let Some(m) = self.matchers.get(&lang) else {
            return Vec::new();
        };
        let bytes = text.as_bytes();
        let word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
        m.automaton
            .find_iter(text)
            .filter(|f| {
                let (s, e) = (f.start(), f.end());
                let starts_word = !bytes[s].is_ascii_alphanumeric() || s == 0 || !word(s - 1);
                let ends_word = !bytes[e - 1].is_ascii_alphanumeric() || !word(e);
                starts_word && ends_word
            })
            .map(|f| (f.range(), m.terms[f.pattern().as_usize()]))
            .collect()
    }
}
