//! Coded facts (SPEC §6.1): a value chosen from the list of codes that site.yaml declares for the
//! fact, written as the code (`municipality`) or as its label in either language (`市町村`,
//! `Municipalities`), so authors can copy the document's word.

use super::{normalize, Code, FactValue};
use crate::messages::Text;
use crate::msg;

/// A declared code and its labels, as the codebook gives them.
#[derive(Debug, Clone, Copy)]
pub struct Choice<'a> {
    pub id: &'a str,
    pub ja: &'a str,
    pub en: &'a str,
}

/// Reads one code, or with `multiple` several (a YAML list, or one text separated by `、`),
/// each an id or a label of `choices`. Every unknown word is named, with the closest choice.
pub fn parse_code(
    written: &[String],
    choices: &[Choice],
    multiple: bool,
) -> Result<FactValue, Text> {
    let words: Vec<String> = written
        .iter()
        .flat_map(|w| w.split(['、', ',', '，', ';', '；']))
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .flat_map(split_marks)
        .collect();
    if words.is_empty() {
        return Err(msg!("code-expected", codes = ids(choices)));
    }
    if words.len() > 1 && !multiple {
        return Err(msg!("code-one-expected", count = words.len()));
    }
    let mut codes: Vec<Code> = Vec::with_capacity(words.len());
    for word in &words {
        let choice = find(word, choices).ok_or_else(|| unknown(word, choices))?;
        if !codes.iter().any(|c| c.id == choice.id) {
            codes.push(Code {
                id: choice.id.to_string(),
                ja: choice.ja.to_string(),
                en: choice.en.to_string(),
            });
        }
    }
    Ok(FactValue::Code { codes, multiple })
}

/// The choice a word names: its id, or its label in Japanese or English (compared in NFKC,
/// without spaces, English case-insensitively).
/// Brackets around a word are ignored, and a label's leading bracketed mark counts as a name:
/// `イ` and `(イ)` both name `（イ）在宅医療・介護連携の課題の抽出と対応策の検討`, as documents cite
/// the items of a programme by their mark.
fn find<'c, 'a>(word: &str, choices: &'c [Choice<'a>]) -> Option<&'c Choice<'a>> {
    let w = normalize(word).to_lowercase();
    let bare_w = bare(&w);
    choices.iter().find(|c| {
        [c.id, c.ja, c.en].iter().any(|name| {
            let n = normalize(name).to_lowercase();
            n == w || bare(&n) == bare_w || lead(&n) == Some(bare_w)
        })
    })
}

fn bare(s: &str) -> &str {
    s.trim_start_matches('(').trim_end_matches(')')
}

/// The bracketed mark a label starts with: `(イ)在宅医療…` → `イ`.
fn lead(s: &str) -> Option<&str> {
    let rest = s.strip_prefix('(')?;
    rest.find(')').map(|end| &rest[..end])
}

/// `(ア)(オ)` → `(ア)`, `(オ)`: marks written one after another.
fn split_marks(word: &str) -> Vec<String> {
    normalize(word)
        .replace(")(", ")\u{1}(")
        .split('\u{1}')
        .map(str::to_string)
        .collect()
}

fn unknown(word: &str, choices: &[Choice]) -> Text {
    let names = choices.iter().flat_map(|c| [c.id, c.ja, c.en]);
    let closest = crate::diagnostics::did_you_mean(word, names).and_then(|name| {
        choices
            .iter()
            .find(|c| c.id == name || c.ja == name || c.en == name)
    });
    match closest {
        Some(c) => msg!(
            "code-unknown-did-you-mean",
            word = word,
            id = c.id,
            label = c.ja,
            codes = ids(choices)
        ),
        None => msg!("code-unknown", word = word, codes = ids(choices)),
    }
}

fn ids(choices: &[Choice]) -> Text {
    let ids: Vec<Text> = choices
        .iter()
        .map(|c| Text::verbatim(format!("`{}` ({})", c.id, c.ja)))
        .collect();
    Text::join(&ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const CHOICES: [Choice; 3] = [
        Choice {
            id: "municipality",
            ja: "市町村",
            en: "Municipalities",
        },
        Choice {
            id: "medical_association",
            ja: "郡市区医師会",
            en: "Local medical associations",
        },
        Choice {
            id: "other",
            ja: "その他",
            en: "Other",
        },
    ];

    fn read(words: &[&str], multiple: bool) -> Result<FactValue, String> {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        parse_code(&words, &CHOICES, multiple).map_err(|e| e.en().to_string())
    }

    #[test]
    fn codes_are_read_by_id_or_label_in_either_language() {
        let v = read(&["市町村"], false).unwrap();
        assert_eq!(v.to_json(), json!("municipality"));
        assert_eq!(v.display_ja(), "市町村");
        assert_eq!(v.display_en(), "Municipalities");
        let v = read(
            &["medical_association", "ｍｕｎｉｃｉｐａｌｉｔｉｅｓ"],
            true,
        )
        .unwrap();
        assert_eq!(v.to_json(), json!(["medical_association", "municipality"]));
        assert_eq!(v.display_ja(), "郡市区医師会、市町村");
        assert_eq!(v.display_en(), "Local medical associations, Municipalities");
        let v = read(&["市町村、その他、市町村"], true).unwrap();
        assert_eq!(v.to_json(), json!(["municipality", "other"]));
    }

    #[test]
    fn programme_items_are_named_by_their_marks() {
        let choices = [
            Choice {
                id: "a",
                ja: "（ア）地域の医療・介護の資源の把握",
                en: "(a) Mapping local resources",
            },
            Choice {
                id: "e",
                ja: "（オ）在宅医療・介護連携に関する相談支援",
                en: "(e) Consultation support",
            },
        ];
        let words = |w: &str| vec![w.to_string()];
        for written in ["ア、オ", "(ア)(オ)", "（ア）（オ）", "a, e"] {
            let v = parse_code(&words(written), &choices, true).unwrap();
            assert_eq!(v.to_json(), json!(["a", "e"]), "{written}");
        }
        assert!(parse_code(&words("カ"), &choices, true).is_err());
    }

    #[test]
    fn unknown_codes_are_named_with_the_closest() {
        let e = read(&["municipalty"], false).unwrap_err();
        assert!(
            e.contains("`municipalty` is not one of the declared codes"),
            "{e}"
        );
        assert!(e.contains("did you mean `municipality` (市町村)?"), "{e}");
        let e = read(&["市町村", "その他"], false).unwrap_err();
        assert!(e.contains("`multiple: true`"), "{e}");
        assert!(read(&[" "], true).unwrap_err().contains("got nothing"));
    }
}
