//! The normalisation that the index and every query go through, so that width, case and dash
//! variants do not matter.

use unicode_normalization::UnicodeNormalization;

/// Unicode compatibility normalisation (NFKC: full-width ASCII and half-width katakana to their
/// usual forms) with runs of whitespace collapsed to one space: what queries, titles and texts
/// are compared in. The index keeps the text as written, so snippets show `①` and not `1`.
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
