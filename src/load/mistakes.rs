//! The YAML mistakes that staff really make, named in plain words (SPEC §1).
//!
//! Front matter and `site.yaml` are typed with a Japanese input method, which slips into
//! full-width forms: a colon `：`, a comma `，`, a full-width space, digits `１０`. Some of these
//! are still valid YAML that means something else (`tags: [計画，拠点]` is one tag), others make
//! the YAML parser report something unrelated (`title：計画` is "expected struct"). So the text is
//! looked at before it is read ([`scan`]), and each mistake gets one message that says what was
//! typed and shows the line as it should be. Where the meaning is beyond doubt the value is
//! accepted instead ([`lenient_integer`], [`lenient_bool`]; `kind: 計画` in [`crate::model::Kind`]).
//!
//! Each mistake's words are messages of the catalogue (`messages`), made in one place here
//! ([`Mistake::words`], [`invalid_value`]).

use std::fmt;

use serde::de::{Deserializer, Error as DeError, Unexpected, Visitor};
use unicode_normalization::UnicodeNormalization;

use crate::diagnostics::{Diagnostic, SourceFile};
use crate::messages::Text;
use crate::msg;

/// A mistake found in the text of a YAML document, before it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    /// Byte offset, in the YAML text, of the character that is wrong.
    pub at: usize,
    /// The character that is wrong.
    pub found: char,
    pub kind: MistakeKind,
    /// The whole line as it should be written.
    pub fixed: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MistakeKind {
    /// A line indented with a tab or a full-width space; YAML indents with spaces only.
    Indentation,
    /// `title：計画`: a full-width colon after a key.
    FullWidthColon,
    /// `[計画，拠点]`: a full-width comma between the items of a list or map in brackets.
    FullWidthComma,
}

impl Mistake {
    /// The message and the hint, in the words of the person who typed it.
    pub fn words(&self, line: usize) -> (Text, Text) {
        let fixed = &self.fixed;
        match self.kind {
            MistakeKind::Indentation => {
                let message = match self.found {
                    '\t' => msg!("yaml-indented-with-tab", line = line),
                    _ => msg!("yaml-indented-with-full-width-space", line = line),
                };
                (message, msg!("yaml-indented-hint", fixed = fixed))
            }
            MistakeKind::FullWidthColon => (
                msg!("yaml-full-width-colon"),
                msg!("write-this-hint", fixed = fixed),
            ),
            MistakeKind::FullWidthComma => (
                msg!("yaml-full-width-comma"),
                msg!("write-this-hint", fixed = fixed),
            ),
        }
    }

    /// The mistake as an error at its character, for YAML that starts at byte `offset` of `file`.
    pub fn diagnostic(&self, file: &SourceFile, offset: usize) -> Diagnostic {
        let at = offset + self.at;
        let line = crate::diagnostics::line_col(&file.text, at).0;
        let (message, hint) = self.words(line);
        Diagnostic::error(message)
            .at(file, at..at + self.found.len_utf8())
            .hint(hint)
    }
}

/// The first mistake in `yaml`, if any. Lines inside a block scalar (`description: |`) are text,
/// not YAML, and are left alone; so are comments.
pub fn scan(yaml: &str) -> Option<Mistake> {
    let mut block_scalar_parent: Option<usize> = None;
    let mut start = 0;
    for raw in yaml.split_inclusive('\n') {
        let line_start = start;
        start += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let content = line.trim_start_matches([' ', '\t', '\u{3000}']);
        let spaces = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = block_scalar_parent {
            if content.is_empty() || spaces > parent {
                continue;
            }
            block_scalar_parent = None;
        }
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let found = indentation(line)
            .or_else(|| full_width_colon(line))
            .or_else(|| full_width_comma(line));
        if let Some(mut mistake) = found {
            mistake.at += line_start;
            return Some(mistake);
        }
        if opens_block_scalar(content) {
            block_scalar_parent = Some(spaces);
        }
    }
    None
}

/// A tab or a full-width space among the characters that indent `line`.
fn indentation(line: &str) -> Option<Mistake> {
    let content = line.trim_start_matches([' ', '\t', '\u{3000}']);
    let indent = &line[..line.len() - content.len()];
    let (at, found) = indent.char_indices().find(|&(_, c)| c != ' ')?;
    // A full-width space is as wide as two half-width ones; a tab is taken as one step of two.
    let spaces = " ".repeat(indent.chars().map(|c| if c == ' ' { 1 } else { 2 }).sum());
    Some(Mistake {
        at,
        found,
        kind: MistakeKind::Indentation,
        fixed: format!("{spaces}{content}"),
    })
}

/// `key：value`, where `key` is a word of ASCII letters, digits, `_` and `-` (every key shishin
/// reads is), at the start of the line or after `- `.
fn full_width_colon(line: &str) -> Option<Mistake> {
    let body_at = line.len() - line.trim_start_matches(' ').len();
    let body = &line[body_at..];
    let body_at = body_at + (body.len() - body.trim_start_matches("- ").len());
    let body = &line[body_at..];
    let key_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(body.len());
    let key = &body[..key_len];
    let after_key = body[key_len..].trim_start_matches(' ');
    let value = after_key.strip_prefix('：')?;
    if key.is_empty() {
        return None;
    }
    let value = value.trim_start_matches([' ', '\u{3000}']);
    let fixed = match value {
        "" => format!("{}{key}:", &line[..body_at]),
        v => format!("{}{key}: {v}", &line[..body_at]),
    };
    Some(Mistake {
        at: line.len() - after_key.len(),
        found: '：',
        kind: MistakeKind::FullWidthColon,
        fixed,
    })
}

/// A full-width comma, outside quotes, in the brackets of a value written `[a, b]` or `{a: b}`.
fn full_width_comma(line: &str) -> Option<Mistake> {
    let open = flow_start(line)?;
    let mut quote = None;
    let mut commas = Vec::new();
    let mut chars = line[open..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some('"'), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') if line[..open + i].ends_with(' ') => break,
            (None, '，') => commas.push(open + i),
            _ => {}
        }
    }
    let &first = commas.first()?;
    let mut fixed = String::with_capacity(line.len());
    let mut rest = line;
    let mut done = 0;
    for at in commas {
        fixed.push_str(&line[done..at]);
        fixed.push_str(", ");
        rest = line[at + '，'.len_utf8()..].trim_start_matches([' ', '\u{3000}']);
        done = line.len() - rest.len();
    }
    fixed.push_str(rest);
    Some(Mistake {
        at: first,
        found: '，',
        kind: MistakeKind::FullWidthComma,
        fixed,
    })
}

/// Where the value of `line` opens brackets (`key: [`, `- [`, or `[` alone), if it does.
fn flow_start(line: &str) -> Option<usize> {
    let body = line.trim_start_matches(' ');
    let body = body
        .strip_prefix("- ")
        .unwrap_or(body)
        .trim_start_matches(' ');
    let value = match body.find(": ") {
        Some(colon) if !body[..colon].contains(['"', '\'', '[', '{']) => {
            body[colon + 1..].trim_start_matches(' ')
        }
        _ => body,
    };
    value
        .starts_with(['[', '{'])
        .then(|| line.len() - value.len())
}

/// `key: |`, `key: >-`, `- |`: the lines after it, indented deeper, are one text.
fn opens_block_scalar(content: &str) -> bool {
    let before_comment = content.split(" #").next().unwrap_or(content).trim_end();
    let last = before_comment.rsplit(' ').next().unwrap_or(before_comment);
    let is_indicator = last.starts_with(['|', '>'])
        && last[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || c == '+' || c == '-');
    is_indicator
        && (before_comment == last
            || before_comment.ends_with(&format!(": {last}"))
            || before_comment.ends_with(&format!("- {last}")))
}

/// A plain-words message and hint for a value of the wrong form under `key`, when the mistake is
/// a known one: tags written as one text instead of a list.
pub fn invalid_value(key: &str, found: &str, expected: &str) -> Option<(Text, Text)> {
    let text = found.strip_prefix("string \"")?.strip_suffix('"')?;
    if key != "tags" || expected != "a sequence" {
        return None;
    }
    let items: Vec<&str> = text
        .split([',', '，', '、'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect();
    Some((
        msg!("yaml-tags-as-text"),
        msg!("yaml-tags-as-text-hint", tags = items.join(", ")),
    ))
}

/// A whole number, also when typed in full-width digits (`weight: １０`); empty is none.
pub fn lenient_integer<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    d.deserialize_any(WholeNumber)
}

/// `true` or `false`; also `はい` (yes) and `いいえ` (no), whose meaning is beyond doubt, and
/// full-width `ｔｒｕｅ`. Anything else is an error, never a guess: a draft taken for a finished
/// page would be published. Empty is `false`, as when the key is left out.
pub fn lenient_bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    d.deserialize_any(TrueOrFalse)
}

/// The visitors reject inside serde_yaml's call, so that its error carries the key and the line.
struct WholeNumber;

impl Visitor<'_> for WholeNumber {
    type Value = Option<i64>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whole number, like `10`")
    }
    fn visit_unit<E: DeError>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E: DeError>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_u64<E: DeError>(self, v: u64) -> Result<Self::Value, E> {
        i64::try_from(v)
            .map(Some)
            .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
    }
    fn visit_str<E: DeError>(self, v: &str) -> Result<Self::Value, E> {
        normalized(v)
            .parse()
            .map(Some)
            .map_err(|_| E::invalid_value(Unexpected::Str(v), &self))
    }
}

struct TrueOrFalse;

impl Visitor<'_> for TrueOrFalse {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("`true` or `false`")
    }
    fn visit_unit<E: DeError>(self) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_bool<E: DeError>(self, v: bool) -> Result<bool, E> {
        Ok(v)
    }
    fn visit_str<E: DeError>(self, v: &str) -> Result<bool, E> {
        match normalized(v).as_str() {
            "true" | "はい" => Ok(true),
            "false" | "いいえ" => Ok(false),
            _ => Err(E::invalid_value(Unexpected::Str(v), &self)),
        }
    }
}

/// NFKC (full-width digits and letters become ASCII), without surrounding spaces.
fn normalized(s: &str) -> String {
    s.nfkc().collect::<String>().trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(yaml: &str) -> (MistakeKind, usize, String) {
        let m = scan(yaml).unwrap_or_else(|| panic!("no mistake in {yaml:?}"));
        (m.kind, m.at, m.fixed)
    }

    #[test]
    fn a_full_width_colon_after_a_key() {
        let (kind, at, fixed) = found("title：計画\n");
        assert_eq!((kind, at), (MistakeKind::FullWidthColon, 5));
        assert_eq!(fixed, "title: 計画");
        let (_, at, fixed) = found("title: a\nsource:\n  title ：　通知\n");
        assert_eq!(at, "title: a\nsource:\n  title ".len());
        assert_eq!(fixed, "  title: 通知");
        assert_eq!(found("source：\n").2, "source:");
        assert_eq!(found("- term：在宅\n").2, "- term: 在宅");
    }

    #[test]
    fn full_width_colons_in_values_and_texts_are_not_mistakes() {
        for ok in [
            "title: 会議：報告\n",
            "description: |\n  日時：令和6年\n  note：x\ntitle: a\n",
            "description: >-\n  ACP：人生会議\n",
            "# memo：x\n",
            "title: \"a：b\"\n",
            "担当：保健課\n",
        ] {
            assert_eq!(scan(ok), None, "{ok}");
        }
    }

    #[test]
    fn a_block_scalar_ends_where_the_indentation_does() {
        let (kind, _, fixed) = found("description: |\n  a：b\ntitle：c\n");
        assert_eq!(
            (kind, fixed.as_str()),
            (MistakeKind::FullWidthColon, "title: c")
        );
    }

    #[test]
    fn a_full_width_comma_in_brackets() {
        let (kind, at, fixed) = found("tags: [計画，拠点]\n");
        assert_eq!(
            (kind, at),
            (MistakeKind::FullWidthComma, "tags: [計画".len())
        );
        assert_eq!(fixed, "tags: [計画, 拠点]");
        assert_eq!(found("tags: [a， b，c]\n").2, "tags: [a, b, c]");
        assert_eq!(found("- [a，b]\n").2, "- [a, b]");
        assert_eq!(
            found("title: { ja: a，en: b }\n").2,
            "title: { ja: a, en: b }"
        );
    }

    #[test]
    fn full_width_commas_in_quotes_and_plain_text_are_not_mistakes() {
        for ok in [
            "tags: [\"計画，拠点\", b]\n",
            "tags: ['計画，拠点']\n",
            "title: 計画，拠点\n",
            "title: a [計画，拠点]\n",
            "tags: [a, b] # 計画，拠点\n",
        ] {
            assert_eq!(scan(ok), None, "{ok}");
        }
    }

    #[test]
    fn tabs_and_full_width_spaces_that_indent() {
        let m = scan("title: a\nsource:\n\ttitle: b\n").unwrap();
        assert_eq!((m.kind, m.found), (MistakeKind::Indentation, '\t'));
        assert_eq!(m.at, "title: a\nsource:\n".len());
        assert_eq!(m.fixed, "  title: b");
        let m = scan("source:\n\u{3000}title: b\n").unwrap();
        assert_eq!(m.found, '\u{3000}');
        assert_eq!(m.fixed, "  title: b");
        assert_eq!(m.words(3).0, "line 3 is indented with a full-width space `　`; YAML indents with half-width spaces only");
        // A tab after the key, or inside a text, indents nothing.
        assert_eq!(scan("title:\ta\nnote: |\n  \tx\n"), None);
    }

    #[test]
    fn tags_written_as_one_text() {
        let (message, hint) = invalid_value("tags", "string \"計画, 拠点\"", "a sequence").unwrap();
        assert_eq!(message, "`tags` is written as one text, not as a list");
        assert!(hint.ends_with("`tags: [計画, 拠点]`"), "{hint}");
        assert_eq!(
            invalid_value("tags", "string \"計画、拠点\"", "a sequence")
                .unwrap()
                .1,
            "write the tags in brackets, separated by commas: `tags: [計画, 拠点]`"
        );
        assert_eq!(invalid_value("title", "string \"a\"", "a sequence"), None);
    }

    #[derive(serde::Deserialize)]
    struct T {
        #[serde(default, deserialize_with = "lenient_integer")]
        weight: Option<i64>,
        #[serde(default, deserialize_with = "lenient_bool")]
        draft: bool,
    }

    fn read(yaml: &str) -> Result<(Option<i64>, bool), String> {
        serde_yaml::from_str::<T>(yaml)
            .map(|t| (t.weight, t.draft))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn full_width_digits_and_japanese_yes_and_no() {
        assert_eq!(read("weight: １０\n"), Ok((Some(10), false)));
        assert_eq!(read("weight: -3\ndraft: はい\n"), Ok((Some(-3), true)));
        assert_eq!(read("draft: いいえ\n"), Ok((None, false)));
        assert_eq!(read("draft: ｔｒｕｅ\nweight:\n"), Ok((None, true)));
        assert_eq!(read("{}"), Ok((None, false)));
        let e = read("weight: 十\n").unwrap_err();
        assert!(e.contains("expected a whole number, like `10`"), "{e}");
        let e = read("draft: 下書き\n").unwrap_err();
        assert!(e.contains("expected `true` or `false`"), "{e}");
    }
}
