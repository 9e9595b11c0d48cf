//! Language of parts (WCAG 3.1.2): runs of Japanese inside English text are marked `lang="ja"`,
//! so that screen readers switch voice and browsers pick Japanese glyphs for them.

use std::sync::LazyLock;

use regex::Regex;

/// Characters that belong to a Japanese run: kana, kanji, Japanese punctuation and full-width forms.
/// Circled numbers (①) and digits are shared by both languages and left unmarked.
pub fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'     // CJK symbols and punctuation: 、。「」
        | '\u{3040}'..='\u{30FF}'   // hiragana, katakana
        | '\u{31F0}'..='\u{31FF}'   // katakana extensions
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'   // compatibility ideographs
        | '\u{FF00}'..='\u{FFEF}' // full-width forms: （）～
    )
}

/// Whether the text contains any Japanese character.
pub fn has_japanese(text: &str) -> bool {
    text.chars().any(is_japanese)
}

/// Whether the text has kana or kanji: a character of the Unicode scripts Han, Hiragana or Katakana.
/// Narrower than [`has_japanese`]: Japanese punctuation and full-width forms alone (`「２」`) are not
/// enough, since English text quotes them too. Used to guess the language of short strings.
pub fn has_kana_or_kanji(text: &str) -> bool {
    static SCRIPTS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[\p{Han}\p{Hiragana}\p{Katakana}]").expect("a valid regular expression")
    });
    // No ASCII character is in these scripts: most strings of an English page end here.
    !text.is_ascii() && SCRIPTS.is_match(text)
}

/// Whether the text has two ASCII letters in a row (`[A-Za-z]{2}`): something written in Latin
/// letters rather than a code, a number or an amount.
pub fn has_latin_word(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_alphabetic() && w[1].is_ascii_alphabetic())
}

/// Escapes `text` for HTML and wraps each run of Japanese in `<span lang="ja">`.
pub fn mark_japanese_runs(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(start) = rest.find(is_japanese) {
        push_escaped(&rest[..start], out);
        let run = &rest[start..];
        let end = run.find(|c: char| !is_japanese(c)).unwrap_or(run.len());
        out.push_str("<span lang=\"ja\">");
        push_escaped(&run[..end], out);
        out.push_str("</span>");
        rest = &run[end..];
    }
    push_escaped(rest, out);
}

/// Escapes text for HTML element content and attribute values (quoted with either quote).
/// Every `{{ }}` of the templates goes through here, so it copies runs between the five
/// significant bytes whole instead of character by character.
pub fn push_escaped(text: &str, out: &mut String) {
    let mut done = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // ASCII bytes never sit inside a multi-byte character: `i` is a character boundary.
        out.push_str(&text[done..i]);
        out.push_str(entity);
        done = i + 1;
    }
    out.push_str(&text[done..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_multibyte_text_around_each_significant_character() {
        let mut out = String::new();
        push_escaped("拠点<a href=\"x\">&'連携'</a>", &mut out);
        assert_eq!(
            out,
            "拠点&lt;a href=&quot;x&quot;&gt;&amp;&#39;連携&#39;&lt;/a&gt;"
        );
        let mut plain = String::new();
        push_escaped("在宅医療", &mut plain);
        assert_eq!(plain, "在宅医療");
    }

    fn marked(text: &str) -> String {
        let mut out = String::new();
        mark_japanese_runs(text, &mut out);
        out
    }

    #[test]
    fn japanese_runs_get_their_language() {
        assert_eq!(
            marked("the hub (在宅医療に必要な連携を担う拠点) of a city"),
            "the hub (<span lang=\"ja\">在宅医療に必要な連携を担う拠点</span>) of a city"
        );
        assert_eq!(
            marked("「退院支援」 and 看取り"),
            "<span lang=\"ja\">「退院支援」</span> and <span lang=\"ja\">看取り</span>"
        );
    }

    #[test]
    fn english_only_text_is_only_escaped() {
        assert_eq!(marked("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
        assert!(!has_japanese("Chiba, 2024"));
        assert!(has_japanese("Chiba (千葉県)"));
    }

    #[test]
    fn kana_or_kanji_is_the_three_scripts_only() {
        for text in [
            "拠点",
            "ひらがな",
            "カタカナ",
            "ｶﾀｶﾅ",
            "Chiba (千葉県)",
            "々",
        ] {
            assert!(has_kana_or_kanji(text), "{text}");
        }
        for text in ["", "hub", "「」、。", "（２０２４）", "①", "ー", "Ａ"] {
            assert!(!has_kana_or_kanji(text), "{text}");
        }
    }

    #[test]
    fn latin_word_is_two_ascii_letters_in_a_row() {
        for text in ["ACP", "home care", "1a2bc", "在宅ACP"] {
            assert!(has_latin_word(text), "{text}");
        }
        for text in ["", "a", "A-1", "a b", "2024", "ＡＣＰ", "é è"] {
            assert!(!has_latin_word(text), "{text}");
        }
    }
}
