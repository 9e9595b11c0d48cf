//! Language of parts (WCAG 3.1.2): runs of Japanese inside English text are marked `lang="ja"`,
//! so that screen readers switch voice and browsers pick Japanese glyphs for them.

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

/// Escapes text for HTML element content and attribute values.
pub fn push_escaped(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
