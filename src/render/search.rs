//! Search index: one per language, built from each page's rendered text, searched in the browser.
//!
//! Japanese has no spaces between words, and a compound such as 在宅医療 must be found whole and
//! by its parts (医療), so the index holds no word list at all: it holds each page's text, folded
//! once here, and the browser (`static/search.js`) finds every query term as a substring of it.
//! Index and query are folded the same way ([`normalize`] then [`fold`]), so full-width and
//! half-width forms, letter case and dash variants do not matter, and a query longer than any
//! word still finds its page. English terms must start a word (`care` finds `caregivers`, not
//! `scare`), which stands in for stemming. The choice and its costs are in `docs/search.md`.
//!
//! The index is a script (`search/index.js`) rather than JSON fetched at run time, so the search
//! page also works opened from `file://`, where browsers refuse `fetch`.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

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
    /// The visible text of the page's body, normalised, whitespace collapsed.
    #[serde(rename = "x")]
    pub text: String,
    /// The language of the text when it differs from the index's (an untranslated page).
    #[serde(rename = "l", skip_serializing_if = "Option::is_none")]
    pub lang: Option<&'static str>,
}

impl SearchEntry {
    /// An entry from a page's title and its rendered body HTML.
    pub fn new(
        path: String,
        title: &str,
        body_html: &str,
        text_lang: Lang,
        lang: Lang,
    ) -> SearchEntry {
        SearchEntry {
            path,
            title: title.split_whitespace().collect::<Vec<_>>().join(" "),
            text: normalize(&html_text(body_html)),
            lang: (text_lang != lang).then_some(text_lang.code()),
        }
    }

    /// The entry as the index holds it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("search entries are plain strings")
    }
}

/// A part of the index is closed once it holds about this many bytes.
const PART_BYTES: usize = 2 << 20;

/// One language's index, written as the pages come: `search/index.js` says how many parts there
/// are, and each part (`search/index-1.js`, …) holds the pages of about [`PART_BYTES`]. A large
/// site's index never sits in memory whole, and the browser loads it in pieces.
///
/// Scripts, not JSON: `<script src>` loads them from file:// too. Never inlined in HTML, so a
/// `</script>` inside the text does no harm.
pub struct IndexWriter {
    lang: Lang,
    /// The open part: entries as JSON, each followed by a comma.
    part: String,
    /// Parts closed so far.
    parts: usize,
}

impl IndexWriter {
    pub fn new(lang: Lang) -> IndexWriter {
        IndexWriter {
            lang,
            part: String::new(),
            parts: 0,
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Adds a page; returns the part it completed, if it did.
    pub fn add(&mut self, entry: &SearchEntry) -> Option<Output> {
        self.add_json(&entry.to_json())
    }

    /// Adds a page already as JSON ([`SearchEntry::to_json`]), which can be made in parallel.
    pub fn add_json(&mut self, json: &str) -> Option<Output> {
        self.part.push_str(json);
        self.part.push(',');
        (self.part.len() >= PART_BYTES).then(|| self.close_part())
    }

    /// The last part, and `index.js` naming every part.
    pub fn finish(mut self) -> Vec<Output> {
        let mut outputs = Vec::new();
        if !self.part.is_empty() {
            outputs.push(self.close_part());
        }
        let head = format!(
            "window.shishinSearchIndex={{\"lang\":\"{}\",\"parts\":{}}};\n",
            self.lang.code(),
            self.parts
        );
        outputs.push(Output::text(Generated::SearchIndex.file(self.lang), head));
        outputs
    }

    fn close_part(&mut self) -> Output {
        self.parts += 1;
        let mut script = format!(
            "(self.shishinSearchParts=self.shishinSearchParts||{{}})[{}]=[",
            self.parts
        );
        let entries = std::mem::take(&mut self.part);
        script.push_str(entries.strip_suffix(',').unwrap_or(&entries));
        script.push_str("];\n");
        Output::text(
            Generated::SearchIndexPart(self.parts).file(self.lang),
            script,
        )
    }
}

/// Every file of one language's index at once.
pub fn index_outputs(lang: Lang, entries: &[SearchEntry]) -> Vec<Output> {
    let mut writer = IndexWriter::new(lang);
    let mut outputs: Vec<Output> = entries.iter().filter_map(|e| writer.add(e)).collect();
    outputs.extend(writer.finish());
    outputs
}

/// Unicode compatibility normalisation (NFKC: full-width ASCII and half-width katakana to their
/// usual forms) with runs of whitespace collapsed to one space. Stored in the index as it is, so
/// snippets show this text.
///
/// Most of a page is ASCII, kana and common kanji, which NFKC leaves alone; only the runs of other
/// characters (with the character before them, which a combining mark may join) go through the
/// normaliser, which keeps the index cheap on large sites.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    // The run not yet written starts at `start`; it is all stable characters, or (when `last` is
    // None) the stable character before it and the unstable ones after it.
    let mut start = 0;
    let mut stable_run = true;
    let mut last_stable: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let stable = is_nfkc_stable(c);
        match (stable_run, stable) {
            (true, false) => {
                // The last stable character may combine with what follows: it joins the run.
                let split = last_stable.unwrap_or(i);
                push_stable(&mut out, &mut space, &s[start..split]);
                start = split;
                stable_run = false;
            }
            (false, true) => {
                push_normalized(&mut out, &mut space, &s[start..i]);
                start = i;
                stable_run = true;
            }
            _ => {}
        }
        if stable {
            last_stable = Some(i);
        }
    }
    if stable_run {
        push_stable(&mut out, &mut space, &s[start..]);
    } else {
        push_normalized(&mut out, &mut space, &s[start..]);
    }
    out
}

fn push_stable(out: &mut String, space: &mut bool, run: &str) {
    for (k, piece) in run.split(|c: char| c.is_ascii_whitespace()).enumerate() {
        if k > 0 {
            *space = !out.is_empty();
        }
        if !piece.is_empty() {
            if *space {
                out.push(' ');
                *space = false;
            }
            out.push_str(piece);
        }
    }
}

fn push_normalized(out: &mut String, space: &mut bool, run: &str) {
    for c in run.nfkc() {
        if c.is_whitespace() {
            *space = !out.is_empty();
        } else {
            if *space {
                out.push(' ');
                *space = false;
            }
            out.push(c);
        }
    }
}

/// Characters NFKC maps to themselves and never composes with what comes before: printable
/// ASCII and its tab and line breaks, hiragana, katakana, the prolonged sound mark, Japanese commas, stops and brackets, and
/// the unified kanji block.
fn is_nfkc_stable(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | ' '..='~'
        | '\u{3001}'..='\u{3002}'
        | '\u{300C}'..='\u{300F}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{30FC}'
        | '\u{4E00}'..='\u{9FFF}')
}

/// Case and dash folding that keeps every character's UTF-16 length, so a match found in the
/// folded text is at the same offsets in the stored text (the browser marks it there).
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => '-',
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf16() == c.len_utf16() => l,
                _ => c,
            }
        }
    }
}

/// The terms of a query: normalised, folded, split at spaces and Japanese punctuation.
pub fn query_terms(query: &str) -> Vec<String> {
    fold(&normalize(query))
        .split(|c: char| c.is_whitespace() || matches!(c, '、' | '。' | ',' | '「' | '」'))
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

/// Byte offsets in `folded` where `term` occurs; a term starting with a letter or digit must
/// start a word when the text before it is a letter or digit of the Latin script.
pub fn occurrences(folded: &str, term: &str) -> Vec<usize> {
    let word_start = term.starts_with(|c: char| c.is_ascii_alphanumeric());
    folded
        .match_indices(term)
        .map(|(i, _)| i)
        .filter(|&i| {
            !word_start
                || !folded[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
        })
        .collect()
}

/// The paths of the entries that contain every term, best first: matches in the title before
/// matches in the text, then by how often the terms occur. The browser ranks the same way.
pub fn search<'a>(entries: &'a [SearchEntry], query: &str) -> Vec<&'a str> {
    let terms = query_terms(query);
    if terms.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(usize, usize, &str)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let title = fold(&normalize(&e.title));
            let text = fold(&e.text);
            let mut score = 0;
            for t in &terms {
                let in_title = occurrences(&title, t).len();
                let in_text = occurrences(&text, t).len();
                if in_title + in_text == 0 {
                    return None;
                }
                score += in_title * 10 + in_text.min(10);
            }
            Some((score, i, e.path.as_str()))
        })
        .collect();
    hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    hits.into_iter().map(|(_, _, p)| p).collect()
}

/// The text a reader sees in rendered body HTML: tags dropped, block ends as spaces, the entities
/// the Markdown renderer writes decoded.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_decoded(&mut out, &rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            rest = &rest[lt..];
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        if let Some(skipped) = skip_element(tag, rest) {
            rest = skipped;
            continue;
        }
        if is_block_boundary(tag) {
            out.push(' ');
        }
    }
    push_decoded(&mut out, rest);
    out
}

/// Elements whose content is not text for the reader: raw HTML scripts and styles.
fn skip_element<'h>(tag: &str, rest: &'h str) -> Option<&'h str> {
    let name = tag_name(tag);
    let end = ["script", "style", "template"]
        .into_iter()
        .find(|n| n.eq_ignore_ascii_case(name))?;
    let close = format!("</{end}>");
    Some(rest.find(&close).map_or("", |i| &rest[i + close.len()..]))
}

fn tag_name(tag: &str) -> &str {
    tag.trim_start_matches('/')
        .split(|c: char| c.is_whitespace() || c == '/')
        .next()
        .unwrap_or("")
}

fn is_block_boundary(tag: &str) -> bool {
    const BLOCKS: [&str; 20] = [
        "p",
        "br",
        "li",
        "td",
        "th",
        "tr",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "dt",
        "dd",
        "section",
        "figcaption",
        "hr",
    ];
    let name = tag_name(tag);
    BLOCKS.iter().any(|b| b.eq_ignore_ascii_case(name))
}

fn push_decoded(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest
            .find(';')
            .filter(|&semi| semi <= 10)
            .and_then(|semi| decode_entity(&rest[1..semi]).map(|c| (c, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn decode_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, title: &str, text: &str) -> SearchEntry {
        SearchEntry {
            path: path.into(),
            title: title.into(),
            text: normalize(text),
            lang: None,
        }
    }

    fn ja_pages() -> Vec<SearchEntry> {
        vec![
            entry(
                "hub/",
                "在宅医療に必要な連携を担う拠点",
                "急変時の対応体制の構築と看取りに向けた支援を行う。",
            ),
            entry(
                "fund/",
                "地域医療介護総合確保基金",
                "補助率は2分の1とする。普及啓発事業を含む。",
            ),
            entry("other/", "その他", "在宅での療養について。"),
        ]
    }

    #[test]
    fn a_compound_is_found_whole_and_by_its_parts() {
        let pages = ja_pages();
        assert_eq!(search(&pages, "在宅医療"), ["hub/"]);
        assert_eq!(search(&pages, "医療"), ["hub/", "fund/"]);
        assert_eq!(search(&pages, "急変時"), ["hub/"]);
        assert_eq!(search(&pages, "急変"), ["hub/"]);
        assert_eq!(search(&pages, "普及啓発"), ["fund/"]);
        assert_eq!(search(&pages, "啓発"), ["fund/"]);
        assert_eq!(search(&pages, "補助率"), ["fund/"]);
        assert_eq!(search(&pages, "看取り"), ["hub/"]);
    }

    #[test]
    fn a_query_longer_than_any_word_finds_its_page() {
        let pages = ja_pages();
        assert_eq!(search(&pages, "看取りに向けた支援"), ["hub/"]);
        assert!(search(&pages, "看取りに向けない支援").is_empty());
    }

    #[test]
    fn every_term_must_occur() {
        let pages = ja_pages();
        assert_eq!(search(&pages, "在宅　療養"), ["other/"]);
        assert_eq!(search(&pages, "在宅 急変"), ["hub/"]);
        assert!(search(&pages, "補助率 看取り").is_empty());
        assert!(search(&pages, "   ").is_empty());
    }

    #[test]
    fn a_title_match_ranks_first() {
        let pages = vec![
            entry("a/", "概要", "拠点について。拠点の説明。"),
            entry("b/", "拠点の役割", "説明。"),
        ];
        assert_eq!(search(&pages, "拠点"), ["b/", "a/"]);
    }

    #[test]
    fn width_and_case_fold_on_both_sides() {
        // Full-width Latin and digits, half-width katakana: NFKC in the index and the query.
        assert_eq!(normalize("ＡＣＰ　２０２４ ｶﾝﾄﾘ"), "ACP 2024 カントリ");
        let pages = vec![entry("a/", "ＡＣＰの実施", "ｹｱﾏﾈｼﾞｬｰと連携")];
        assert_eq!(search(&pages, "acp"), ["a/"]);
        assert_eq!(search(&pages, "ＡＣＰ"), ["a/"]);
        assert_eq!(search(&pages, "ケアマネジャー"), ["a/"]);
        assert_eq!(search(&pages, "ｹｱﾏﾈ"), ["a/"]);
    }

    #[test]
    fn the_fast_path_normalizes_exactly_as_nfkc() {
        let reference = |s: &str| {
            let n: String = s.nfkc().collect();
            n.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let pieces = [
            "看取り",
            "ｶﾞｲﾄﾞ",
            "ｶ",
            "\u{FF9E}",
            "か",
            "\u{3099}",
            "e",
            "\u{301}",
            "ＡＢＣ",
            "（注）",
            "　",
            " ",
            "\n",
            "①",
            "㈱",
            "ｰ",
            "ー",
            "、",
            "「",
            "」",
            "﨑",
            "Ⅳ",
            "ﬁ",
            "한",
            "\u{1161}",
            "\u{1100}",
            "\u{11A8}",
            "x",
        ];
        // Every pair and triple of pieces, so each boundary between runs is crossed.
        for a in pieces {
            for b in pieces {
                for c in ["", "看", "\u{3099}", "ﾟ", " ", "\n"] {
                    let s = format!("{a}{b}{c}");
                    assert_eq!(normalize(&s), reference(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn folding_keeps_utf16_offsets() {
        for s in [
            "End-of-Life Care",
            "ＡＣＰ看取り",
            "İstanbul ΣΑΣ",
            "a‐b–c—d−e",
            "𠮷野家",
        ] {
            let n = normalize(s);
            let f = fold(&n);
            assert_eq!(f.encode_utf16().count(), n.encode_utf16().count(), "{s:?}");
        }
        assert_eq!(fold("End‐of—Life"), "end-of-life");
    }

    #[test]
    fn english_terms_start_words_and_ignore_case_and_dashes() {
        let pages = vec![
            entry(
                "eol/",
                "End-of-Life Care",
                "Support for end‐of‐life care at home.",
            ),
            entry(
                "scare/",
                "Notes",
                "A scare about costs; a shared life plan.",
            ),
            entry("givers/", "Caregivers", "Support for family caregivers."),
        ];
        assert_eq!(search(&pages, "end-of-life"), ["eol/"]);
        assert_eq!(search(&pages, "END-OF-LIFE care"), ["eol/"]);
        assert_eq!(search(&pages, "care"), ["eol/", "givers/"]);
        assert_eq!(search(&pages, "life"), ["eol/", "scare/"]);
        assert!(search(&pages, "of-lif x").is_empty());
    }

    #[test]
    fn html_text_keeps_what_the_reader_sees() {
        let html = "<h2 id=\"a\">急変時の<em>対応</em></h2>\n<p>A &amp; B&nbsp;&lt;C&gt; &#x2014; &#12354;<br>next</p><ul><li>one</li><li>two</li></ul><script>var x = '<p>';</script><p>note</p>";
        let text = normalize(&html_text(html));
        assert_eq!(text, "急変時の対応 A & B <C> — あ next one two note");
    }

    #[test]
    fn a_stray_ampersand_or_bracket_stays_text() {
        assert_eq!(html_text("a & b &unknown; c"), "a & b &unknown; c");
        assert_eq!(html_text("x <unclosed"), "x <unclosed");
    }

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
            "<p>本文</p>",
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
}
