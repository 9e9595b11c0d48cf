//! The form obligation texts are compared in: what a retyped quote still shares with the original.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// NFKC, then drop every whitespace and punctuation/symbol character (Unicode categories P* and S*,
/// including Japanese 、。「」（）・ and full-width ones after NFKC), keep letters, marks and digits;
/// ASCII letters lowercased. "会議を定期的に開催し、（ア）" → "会議を定期的に開催しア".
///
/// Why: prefectures retype the guideline in their own word processors, so the same sentence
/// arrives with full-width or half-width digits and brackets, different spacing and different
/// punctuation. None of that changes what is required, so none of it may count as a change.
/// Control and format characters (zero-width spaces) and variation selectors (異体字 IVS) are
/// dropped as well: they are invisible or only select a glyph of the same character.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next_is_plain = chars.peek().is_none_or(|&n| is_plain(n));
        if is_plain(c) && next_is_plain {
            push_normalized(&mut out, &pending);
            pending.clear();
            if is_plain_kept(c) {
                out.push(c.to_ascii_lowercase());
            }
        } else {
            pending.push(c);
        }
    }
    push_normalized(&mut out, &pending);
    out
}

/// Characters that NFKC leaves alone and that never combine with a neighbour: most of what
/// Japanese administrative text is made of. Between two of them there is a normalisation
/// boundary, so they skip the (comparatively slow) NFKC machinery; everything else, together
/// with the plain character before it, goes through NFKC. This matters because `match_item`
/// normalises every canonical text for every prefecture item.
fn is_plain(c: char) -> bool {
    matches!(c,
        ' '..='~'                       // ASCII
        | '\u{3001}'..='\u{3002}'       // 、。
        | '\u{300C}'..='\u{300F}'       // 「」『』
        | '\u{3041}'..='\u{3096}'       // hiragana (not ゛゜ゟ, which NFKC changes)
        | '\u{30A1}'..='\u{30FC}'       // katakana, ・, ー (not ヿ)
        | '\u{4E00}'..='\u{9FFF}'       // CJK unified ideographs (not the compatibility ones)
    )
}

/// [`is_kept`] for a plain character, answered without looking up Unicode tables.
fn is_plain_kept(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !matches!(c, '\u{3001}'..='\u{300F}' | '\u{30FB}')
    }
}

/// Appends the NFKC form of `text`, keeping only what [`normalize`] keeps.
fn push_normalized(out: &mut String, text: &str) {
    for c in text.nfkc() {
        push_kept(out, c);
    }
}

fn push_kept(out: &mut String, c: char) {
    if is_kept(c) {
        out.push(c.to_ascii_lowercase());
    }
}

/// Whether a character (after NFKC) carries meaning for comparison: letters, digits and marks.
pub(super) fn is_kept(c: char) -> bool {
    (c.is_alphanumeric() || is_combining_mark(c)) && !is_variation_selector(c)
}

/// Variation selectors are marks (Mn) but only choose a glyph; 葛 and 葛󠄀 are the same word.
fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{180B}'..='\u{180F}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guidance::obligations::fixtures::*;

    // --- normalize -------------------------------------------------------------------------

    #[test]
    fn normalize_drops_japanese_punctuation_and_brackets() {
        assert_eq!(
            normalize("会議を定期的に開催し、（ア）"),
            "会議を定期的に開催しア"
        );
        assert_eq!(normalize("（ア）"), "ア");
        assert_eq!(normalize("「在宅医療」・介護。"), "在宅医療介護");
        assert_eq!(normalize("業務継続計画（BCP）"), "業務継続計画bcp");
    }

    #[test]
    fn normalize_folds_full_width_and_half_width_forms() {
        assert_eq!(normalize("１０"), "10");
        assert_eq!(normalize("２４時間体制"), "24時間体制");
        assert_eq!(normalize("ＢＣＰ"), "bcp");
        assert_eq!(normalize("ｶﾞｲﾄﾞ"), "ガイド");
        assert_eq!(normalize("①"), "1");
        assert_eq!(normalize("㈱"), "株");
    }

    #[test]
    fn normalize_drops_whitespace_and_symbols_keeps_letters_and_digits() {
        assert_eq!(normalize(" a\tB\nc\u{3000}d "), "abcd");
        assert_eq!(normalize("3,536千円"), "3536千円");
        assert_eq!(normalize("※1拠点あたり～上限＄￥%"), "1拠点あたり上限");
        assert_eq!(normalize("ゼロ\u{200B}幅"), "ゼロ幅");
        assert_eq!(normalize("在宅医療ー々〇"), "在宅医療ー々〇");
    }

    #[test]
    fn normalize_composes_marks_and_ignores_variation_selectors() {
        // か + combining voiced mark composes to が under NFKC.
        assert_eq!(normalize("か\u{3099}"), "が");
        assert_eq!(normalize("葛\u{E0100}飾"), "葛飾");
        assert_eq!(normalize("e\u{0301}"), "é");
    }

    #[test]
    fn normalize_fast_path_agrees_with_plain_nfkc() {
        let samples = [
            HUB_1,
            HUB_2,
            HUB_1_RETYPED,
            "ｶﾞｲﾄﾞ",
            "かﾞ",
            "か\u{3099}き\u{309A}",
            "か゛ヿゟ",
            "ａか\u{3099}\u{0301}",
            "e\u{0301}a\u{0308}\u{0323}",
            "ᄀ\u{1161}ᆨ가\u{11A8}",
            "㈱㌔℡™①½",
            "\u{0F73}ア\u{0F73}",
            "Ａ\u{0301}ｂ\u{3000}Ｃ",
            "葛\u{E0100}飾区",
            "👨‍👩‍👧🏥",
            "",
        ];
        for c in ('\0'..='\u{FFFF}').filter(|&c| is_plain(c)) {
            assert_eq!(is_plain_kept(c), is_kept(c), "{c:?}");
            assert_eq!(
                normalize_reference(&c.to_string()),
                normalize(&c.to_string())
            );
        }
        for text in samples {
            assert_eq!(normalize(text), normalize_reference(text), "{text:?}");
        }
        // Every pair of characters from a mixed alphabet, in both orders.
        let alphabet: Vec<char> =
            "aZ ~、「かがカガー会ｶﾞ゛゙\u{3099}\u{0301}ᄀ\u{1161}①（１Ａ\u{FE0F}🏥"
                .chars()
                .collect();
        for &x in &alphabet {
            for &y in &alphabet {
                for &z in &alphabet {
                    let text: String = [x, y, z].iter().collect();
                    assert_eq!(normalize(&text), normalize_reference(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn normalize_handles_empty_and_emoji() {
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("👨‍👩‍👧 🏥✅"), "");
        assert_eq!(normalize("会議🏥を"), "会議を");
    }
}
