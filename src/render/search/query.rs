//! The search as the browser runs it: terms of a query, where they occur, pages ranked.

use super::{fold, normalize, SearchEntry};

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
            let text = fold(&normalize(&e.text));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

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

    /// The index keeps the text as written, for snippets; the search compares it normalised.
    #[test]
    fn text_is_kept_as_written_and_found_normalised() {
        let e = SearchEntry::new(
            "chiba/".into(),
            "千葉県",
            "具体的な取組（①～⑤）、ｶﾅ",
            Lang::Ja,
            Lang::Ja,
        );
        assert_eq!(e.text, "具体的な取組（①～⑤）、ｶﾅ");
        let entries = [e];
        assert_eq!(search(&entries, "取組(1~5)"), ["chiba/"]);
        assert_eq!(search(&entries, "①"), ["chiba/"]);
        assert_eq!(search(&entries, "カナ"), ["chiba/"]);
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
}
