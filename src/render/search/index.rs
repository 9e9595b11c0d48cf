//! One language's search index: an entry per page, written in parts as the pages come.

use serde::Serialize;

use crate::model::Lang;
use crate::model::Output;
use crate::urls::Generated;

/// One page as the search sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchEntry {
    /// The page's URL below the language prefix, without the base path: `guideline/hub/`.
    #[serde(rename = "u")]
    pub path: String,
    /// The title as written (spaces collapsed): shown as it is, folded in the browser.
    #[serde(rename = "t")]
    pub title: String,
    /// The visible text of the page's body as written (`①`, `（株）`), whitespace collapsed:
    /// snippets show it so; the search normalises it as it reads it.
    #[serde(rename = "x")]
    pub text: String,
    /// The language of the text when it differs from the index's (an untranslated page).
    #[serde(rename = "l", skip_serializing_if = "Option::is_none")]
    pub lang: Option<&'static str>,
}

impl SearchEntry {
    /// An entry from a page's title and the visible text of its body (collected while the body
    /// was rendered: [`super::VisibleText`]).
    pub fn new(
        path: String,
        title: &str,
        body_text: &str,
        text_lang: Lang,
        lang: Lang,
    ) -> SearchEntry {
        SearchEntry {
            path,
            title: title.split_whitespace().collect::<Vec<_>>().join(" "),
            text: body_text.split_whitespace().collect::<Vec<_>>().join(" "),
            lang: (text_lang != lang).then_some(text_lang.code()),
        }
    }

    /// The entry as the index holds it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("search entries are plain strings")
    }
}

/// A part ends, once it holds [`PART_MIN`] bytes, after a page whose URL hash is a multiple of
/// [`CUT_EVERY`], and at [`PART_MAX`] bytes in any case: parts of about a megabyte.
const PART_MIN: usize = 1 << 20;
const PART_MAX: usize = 4 << 20;
const CUT_EVERY: u64 = 16;

/// A page's entry as the index holds it: JSON ([`SearchEntry::to_json`]), which can be made in
/// parallel, with the language of the index it goes to and the hash of the page's URL, which
/// decides where parts end ([`PartEnds`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    pub lang: Lang,
    pub cut: u64,
    pub json: String,
}

impl IndexEntry {
    pub fn new(lang: Lang, entry: &SearchEntry) -> IndexEntry {
        IndexEntry {
            lang,
            cut: xxhash_rust::xxh3::xxh3_64(entry.path.as_bytes()),
            json: entry.to_json(),
        }
    }
}

/// Where one language's index is cut into parts. The cuts follow the pages' URLs, not their
/// text, so an edited page changes its own part and, unless the part crosses a size limit, no
/// other: a rebuild keeps the other parts' files (`pipeline::batches`).
#[derive(Debug, Default)]
pub struct PartEnds {
    bytes: usize,
}

impl PartEnds {
    /// Notes an entry of `len` bytes with URL hash `cut`: whether the part ends after it.
    pub fn ends_after(&mut self, len: usize, cut: u64) -> bool {
        self.bytes += len + 1;
        let ends =
            self.bytes >= PART_MAX || (self.bytes >= PART_MIN && cut.is_multiple_of(CUT_EVERY));
        if ends {
            self.bytes = 0;
        }
        ends
    }
}

/// Part `number` (from 1) of a language's index, holding `entries` (JSON) in order.
pub fn part_file<'e>(lang: Lang, number: usize, entries: impl Iterator<Item = &'e str>) -> Output {
    let mut script = format!("(self.shishinSearchParts=self.shishinSearchParts||{{}})[{number}]=[");
    for (i, json) in entries.enumerate() {
        if i > 0 {
            script.push(',');
        }
        script.push_str(json);
    }
    script.push_str("];\n");
    Output::text(Generated::SearchIndexPart(number).file(lang), script)
}

/// `search/index.js`: how many parts a language's index has.
pub fn head_file(lang: Lang, parts: usize) -> Output {
    let head = format!(
        "window.shishinSearchIndex={{\"lang\":\"{}\",\"parts\":{parts}}};\n",
        lang.code(),
    );
    Output::text(Generated::SearchIndex.file(lang), head)
}

/// One language's index, written as the pages come: `search/index.js` says how many parts there
/// are, and each part (`search/index-1.js`, …) holds the pages of about a megabyte. A large
/// site's index never sits in memory whole, and the browser loads it in pieces.
///
/// Scripts, not JSON: `<script src>` loads them from file:// too. Never inlined in HTML, so a
/// `</script>` inside the text does no harm.
pub struct IndexWriter {
    lang: Lang,
    /// The open part's entries.
    part: Vec<String>,
    ends: PartEnds,
    /// Parts closed so far.
    parts: usize,
}

impl IndexWriter {
    pub fn new(lang: Lang) -> IndexWriter {
        IndexWriter {
            lang,
            part: Vec::new(),
            ends: PartEnds::default(),
            parts: 0,
        }
    }

    /// Adds a page; returns the part it completed, if it did.
    pub fn add(&mut self, entry: IndexEntry) -> Option<Output> {
        let ends = self.ends.ends_after(entry.json.len(), entry.cut);
        self.part.push(entry.json);
        ends.then(|| self.close_part())
    }

    /// The last part, and `index.js` naming every part.
    pub fn finish(mut self) -> Vec<Output> {
        let mut outputs = Vec::new();
        if !self.part.is_empty() {
            outputs.push(self.close_part());
        }
        outputs.push(head_file(self.lang, self.parts));
        outputs
    }

    fn close_part(&mut self) -> Output {
        self.parts += 1;
        let entries = std::mem::take(&mut self.part);
        part_file(self.lang, self.parts, entries.iter().map(String::as_str))
    }
}

/// Every file of one language's index at once.
pub fn index_outputs(lang: Lang, entries: &[SearchEntry]) -> Vec<Output> {
    let mut writer = IndexWriter::new(lang);
    let mut outputs: Vec<Output> = entries
        .iter()
        .filter_map(|e| writer.add(IndexEntry::new(lang, e)))
        .collect();
    outputs.extend(writer.finish());
    outputs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script_json(out: &Output, prefix: &str) -> serde_json::Value {
        let crate::model::Content::Text(text) = &out.content else {
            panic!("index is text")
        };
        let json = text
            .strip_prefix(prefix)
            .and_then(|s| s.strip_suffix(";\n"))
            .unwrap_or_else(|| panic!("{text}"));
        serde_json::from_str(json).unwrap()
    }

    const PART: &str = "(self.shishinSearchParts=self.shishinSearchParts||{})";

    #[test]
    fn the_index_is_a_script_naming_its_parts() {
        let e = SearchEntry::new(
            "a/".into(),
            "題",
            "本文",
            crate::model::Lang::Ja,
            crate::model::Lang::En,
        );
        assert_eq!(e.lang, Some("ja"));
        let out = index_outputs(crate::model::Lang::En, &[e]);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].path, "en/search/index-1.js");
        let part = script_json(&out[0], &format!("{PART}[1]="));
        assert_eq!(part[0]["u"], "a/");
        assert_eq!(part[0]["x"], "本文");
        assert_eq!(part[0]["l"], "ja");
        assert_eq!(out[1].path, "en/search/index.js");
        let head = script_json(&out[1], "window.shishinSearchIndex=");
        assert_eq!(head, serde_json::json!({"lang": "en", "parts": 1}));
    }

    #[test]
    fn a_large_index_comes_in_parts_of_whole_pages_in_order() {
        let text = "在宅医療の連携。".repeat(20_000);
        let entries: Vec<SearchEntry> = (0..40)
            .map(|i| SearchEntry::new(format!("p{i}/"), "題", &text, Lang::Ja, Lang::Ja))
            .collect();
        let out = index_outputs(Lang::Ja, &entries);
        let head = script_json(out.last().unwrap(), "window.shishinSearchIndex=");
        let parts = head["parts"].as_u64().unwrap() as usize;
        assert!(parts > 1, "{parts} parts");
        assert_eq!(out.len(), parts + 1);
        let mut paths = Vec::new();
        for (n, o) in out[..parts].iter().enumerate() {
            assert_eq!(o.path, format!("search/index-{}.js", n + 1));
            let part = script_json(o, &format!("{PART}[{}]=", n + 1));
            let pages = part.as_array().unwrap();
            assert!(!pages.is_empty());
            paths.extend(pages.iter().map(|p| p["u"].as_str().unwrap().to_string()));
        }
        let expected: Vec<String> = (0..40).map(|i| format!("p{i}/")).collect();
        assert_eq!(paths, expected);
    }

    #[test]
    fn an_empty_index_has_no_parts() {
        let out = index_outputs(Lang::Ja, &[]);
        assert_eq!(out.len(), 1);
        let head = script_json(&out[0], "window.shishinSearchIndex=");
        assert_eq!(head["parts"], 0);
    }

    #[test]
    fn an_edited_page_changes_its_own_part_and_no_other() {
        let text = "在宅医療の連携。".repeat(2_000);
        let entries: Vec<SearchEntry> = (0..400)
            .map(|i| SearchEntry::new(format!("p{i}/"), "題", &text, Lang::Ja, Lang::Ja))
            .collect();
        let before = index_outputs(Lang::Ja, &entries);
        assert!(before.len() > 4, "{} files", before.len());
        let mut edited = entries.clone();
        edited[150].text.push_str(" 追記した一文。");
        let after = index_outputs(Lang::Ja, &edited);
        assert_eq!(before.len(), after.len());
        let changed: Vec<&str> = before
            .iter()
            .zip(&after)
            .filter(|(b, a)| b.content != a.content)
            .map(|(b, _)| b.path.as_str())
            .collect();
        assert_eq!(changed.len(), 1, "{changed:?}");
    }
}
