//! Subsidy rates (補助率) and schedules of rates over the years of a project.

use unicode_normalization::UnicodeNormalization;

use super::{all_ascii_digits, FactValue, Rate};
use crate::guidance::dates;
use crate::messages::Text;
use crate::msg;

/// Rates given in words, with their English.
const RATE_LABELS: [(&str, &str); 3] = [
    ("定額", "fixed amount"),
    ("全額", "full amount"),
    ("実費", "actual cost"),
];

pub(super) fn label_en(label: &str) -> Option<&'static str> {
    RATE_LABELS
        .iter()
        .find(|(ja, _)| *ja == label)
        .map(|&(_, en)| en)
}

/// Characters that separate schedule entries, or a label from its rate, and can be trimmed.
fn is_entry_separator(c: char) -> bool {
    matches!(c, '、' | ',' | ';' | ':' | '/' | '・' | '。')
}

/// A single rate or a schedule of rates. Whitespace is dropped (`1 / 2`), but if that leaves
/// nothing readable and the text had spaces, they are tried as entry separators
/// (`初年度 定額 2年目 3分の2`), since without them `3分の2` and `3年目` would run together.
pub(super) fn parse_rate_or_schedule(raw: &str) -> Result<FactValue, Text> {
    let compact = parse_rate_text(&rate_text(raw, false));
    if compact.is_ok() || !raw.trim().contains(char::is_whitespace) {
        return compact;
    }
    parse_rate_text(&rate_text(raw, true)).or(compact)
}

/// Normalised rate text. Newlines always separate schedule entries, so they become `;` before
/// the other whitespace is dropped (or, with `spaces_separate`, also turned into `;`).
fn rate_text(raw: &str, spaces_separate: bool) -> String {
    raw.nfkc()
        .filter_map(|c| match c {
            '\n' | '\r' => Some(';'),
            c if c.is_whitespace() => spaces_separate.then_some(';'),
            c => Some(c),
        })
        .collect()
}

fn parse_rate_text(text: &str) -> Result<FactValue, Text> {
    let text = text.trim_matches(is_entry_separator);
    if text.is_empty() {
        return Err(msg!("rate-expected"));
    }
    if let Some(rate) = single_rate(text)? {
        return Ok(FactValue::Rate(rate));
    }
    if let Some(entries) = colon_schedule(text)? {
        return Ok(FactValue::RateSchedule(entries));
    }
    if let Some(entries) = labelled_schedule(text)? {
        return Ok(FactValue::RateSchedule(entries));
    }
    Err(msg!("rate-expected"))
}

/// One rate: `10/10`, `3分の2`, `50%`, `定額`, `定額(10/10)` (the fraction wins), with `補助率`
/// before or `以内`/`以下` after ignored. `Ok(None)` means the text is not shaped like a rate;
/// `Err` means it is, but the rate is impossible (`1/0`, `3/2`).
fn single_rate(text: &str) -> Result<Option<Rate>, Text> {
    let text = text.strip_prefix("補助率").unwrap_or(text);
    let text = ["以内", "以下"]
        .iter()
        .find_map(|s| text.strip_suffix(s))
        .unwrap_or(text);
    if let Some((outer, inner)) = split_parenthesis(text) {
        for part in [outer, inner] {
            if let Some(rate) = fraction(part)? {
                return Ok(Some(rate));
            }
        }
        return Ok(label(outer).or_else(|| label(inner)));
    }
    Ok(fraction(text)?.or_else(|| label(text)))
}

/// `定額(10/10)` → (`定額`, `10/10`); only a single trailing parenthesis.
fn split_parenthesis(text: &str) -> Option<(&str, &str)> {
    let body = text.strip_suffix(')')?;
    let (outer, inner) = body.split_once('(')?;
    (!outer.is_empty() && !inner.is_empty() && !inner.contains(['(', ')']))
        .then_some((outer, inner))
}

fn label(text: &str) -> Option<Rate> {
    RATE_LABELS
        .iter()
        .find(|(ja, _)| *ja == text)
        .map(|(ja, _)| Rate::Label((*ja).to_string()))
}

/// `a/b`, `b分のa` or `n%`.
fn fraction(text: &str) -> Result<Option<Rate>, Text> {
    let parts = if let Some((num, den)) = text.split_once('/') {
        Some((num, den))
    } else if let Some((den, num)) = text.split_once("分の") {
        Some((num, den))
    } else {
        text.strip_suffix('%').map(|num| (num, "100"))
    };
    let Some((num, den)) = parts else {
        return Ok(None);
    };
    if !all_ascii_digits(num) || !all_ascii_digits(den) {
        return Ok(None);
    }
    let num: u32 = num
        .parse()
        .map_err(|_| msg!("rate-numerator-too-large", num = num))?;
    let den: u32 = den
        .parse()
        .map_err(|_| msg!("rate-denominator-too-large", den = den))?;
    if den == 0 {
        return Err(msg!("rate-denominator-zero"));
    }
    if num > den {
        return Err(msg!(
            "rate-over-whole",
            num = num.to_string(),
            den = den.to_string()
        ));
    }
    Ok(Some(Rate::Fraction { num, den }))
}

/// `初年度:定額、2年目:3分の2` with any labels: entries split on `、` `,` `;`, each `label:rate`.
/// `Ok(None)` if the text is not in this shape.
fn colon_schedule(text: &str) -> Result<Option<Vec<(String, Rate)>>, Text> {
    if !text.contains(':') {
        return Ok(None);
    }
    let mut entries = Vec::new();
    for entry in text.split(['、', ',', ';']).filter(|e| !e.is_empty()) {
        let Some((label, rate)) = entry.split_once(':') else {
            return Ok(None);
        };
        if label.is_empty() {
            return Ok(None);
        }
        match single_rate(rate)? {
            Some(rate) => entries.push((label.to_string(), rate)),
            None => return Ok(None),
        }
    }
    Ok((!entries.is_empty()).then_some(entries))
}

/// Labels that mark the years of a schedule and can be found without a colon, longest first.
const YEAR_WORDS: [&str; 6] = ["最終年度", "初年度", "初年目", "次年度", "翌年度", "初年"];
/// What may follow the digits in a numbered year label (`2年目`, `2年度目`, `2年次`).
const YEAR_SUFFIXES: [&str; 3] = ["年度目", "年目", "年次"];

/// `初年度定額/2年目3分の2/3年目3分の1`: entries found by their year labels, the rate being
/// whatever lies between one label and the next (separators trimmed). `Ok(None)` if the text
/// does not start with such a label.
fn labelled_schedule(text: &str) -> Result<Option<Vec<(String, Rate)>>, Text> {
    let chars: Vec<char> = text.chars().collect();
    let labels = find_year_labels(&chars);
    if labels.first().map(|&(start, _)| start) != Some(0) {
        return Ok(None);
    }
    let mut entries = Vec::new();
    for (k, &(start, end)) in labels.iter().enumerate() {
        let next = labels.get(k + 1).map_or(chars.len(), |&(s, _)| s);
        let label: String = chars.get(start..end).unwrap_or(&[]).iter().collect();
        let rate_text: String = chars.get(end..next).unwrap_or(&[]).iter().collect();
        let rate_text = rate_text.trim_matches(is_entry_separator);
        match single_rate(rate_text)? {
            Some(rate) => entries.push((label, rate)),
            None => {
                return Err(msg!(
                    "rate-after-label-expected",
                    label = &label,
                    rate = rate_text
                ))
            }
        }
    }
    Ok(Some(entries))
}

/// Spans (start, end) of year labels, scanning left to right without overlaps.
fn find_year_labels(chars: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match year_label_at(chars, i) {
            Some(end) => {
                spans.push((i, end));
                i = end;
            }
            None => i += 1,
        }
    }
    spans
}

/// The end of a year label starting at `i`: a year word, or `第` and digits and a year suffix,
/// optionally followed by `以降` (`3年目以降`). Digits must not continue an earlier number.
fn year_label_at(chars: &[char], i: usize) -> Option<usize> {
    let word_end = YEAR_WORDS
        .iter()
        .find_map(|w| match_at(chars, i, w))
        .or_else(|| numbered_label_at(chars, i))?;
    Some(match_at(chars, word_end, "以降").unwrap_or(word_end))
}

fn numbered_label_at(chars: &[char], i: usize) -> Option<usize> {
    let after_dai = match_at(chars, i, "第").unwrap_or(i);
    let continues_number = i
        .checked_sub(1)
        .and_then(|j| chars.get(j))
        .is_some_and(char::is_ascii_digit);
    if continues_number {
        return None;
    }
    let digits_end = (after_dai..chars.len())
        .find(|&j| !chars.get(j).is_some_and(char::is_ascii_digit))
        .unwrap_or(chars.len());
    if digits_end == after_dai {
        return None;
    }
    let suffixes: &[&str] = if after_dai > i {
        &["年度目", "年目", "年次", "年度"]
    } else {
        &YEAR_SUFFIXES
    };
    suffixes.iter().find_map(|s| match_at(chars, digits_end, s))
}

/// The end of `word` if it occurs at `i`.
fn match_at(chars: &[char], i: usize, word: &str) -> Option<usize> {
    let mut j = i;
    for w in word.chars() {
        if chars.get(j) != Some(&w) {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// English for a schedule label: `初年度` → `year 1`, `2年目` → `year 2`, `3年目以降` →
/// `year 3 onwards`, `令和6年度` → `FY2024`; other labels are kept as written.
pub(super) fn schedule_label_en(label: &str) -> String {
    let (base, onwards) = match label.strip_suffix("以降") {
        Some(base) => (base, true),
        None => (label, false),
    };
    let english = match base {
        "初年度" | "初年目" | "初年" => Some("year 1".to_string()),
        "次年度" | "翌年度" => Some("the following year".to_string()),
        "最終年度" => Some("the final year".to_string()),
        _ => numbered_year(base)
            .map(|n| format!("year {n}"))
            .or_else(|| {
                dates::parse_fiscal_year(base)
                    .ok()
                    .map(|y| format!("FY{y}"))
            }),
    };
    match (english, onwards) {
        (Some(e), true) => format!("{e} onwards"),
        (Some(e), false) => e,
        (None, _) => label.to_string(),
    }
}

/// `2年目`, `2年度目`, `2年次`, `第2年度` → 2.
fn numbered_year(label: &str) -> Option<u32> {
    let rest = label.strip_prefix('第').unwrap_or(label);
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, suffix) = rest.split_at(digits_end);
    let known = YEAR_SUFFIXES.contains(&suffix) || (label.starts_with('第') && suffix == "年度");
    if known && all_ascii_digits(digits) {
        digits.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guidance::facts::fixtures::*;
    use crate::guidance::facts::*;
    use serde_json::{json, Value};

    #[test]
    fn single_rates() {
        assert_eq!(rate("10/10"), FactValue::Rate(frac(10, 10)));
        assert_eq!(rate("１０／１０"), FactValue::Rate(frac(10, 10)));
        assert_eq!(rate("3分の2"), FactValue::Rate(frac(2, 3)));
        assert_eq!(rate("３分の２"), FactValue::Rate(frac(2, 3)));
        assert_eq!(rate("2/3"), FactValue::Rate(frac(2, 3)));
        assert_eq!(rate("定額"), FactValue::Rate(fixed()));
        assert_eq!(rate("定額（10/10）"), FactValue::Rate(frac(10, 10)));
        assert_eq!(rate("10/10(定額)"), FactValue::Rate(frac(10, 10)));
        assert_eq!(rate("定額(上限あり)"), FactValue::Rate(fixed()));
        assert_eq!(rate("1/2以内"), FactValue::Rate(frac(1, 2)));
        assert_eq!(rate("2分の1以内"), FactValue::Rate(frac(1, 2)));
        assert_eq!(rate("補助率1/2以内"), FactValue::Rate(frac(1, 2)));
        assert_eq!(rate("50%"), FactValue::Rate(frac(50, 100)));
        assert_eq!(rate(" 1 / 2 "), FactValue::Rate(frac(1, 2)));
        assert_eq!(rate("全額"), FactValue::Rate(Rate::Label("全額".into())));
    }

    #[test]
    fn rate_errors() {
        let expected = msg!("rate-expected").en().to_string();
        assert_eq!(err(FactType::Rate, ""), expected);
        assert_eq!(err(FactType::Rate, "未定"), expected);
        assert_eq!(err(FactType::Rate, "1/2/3"), expected);
        assert_eq!(err(FactType::Rate, "a/b"), expected);
        assert_eq!(
            err(FactType::Rate, "1/0"),
            "a rate's denominator cannot be 0"
        );
        assert_eq!(
            err(FactType::Rate, "3/2"),
            "the rate 3/2 is more than 10/10"
        );
        assert!(err(FactType::Rate, "99999999999/99999999999").contains("too large"));
        assert_eq!(
            err(FactType::Rate, "初年度定額/2年目たくさん"),
            "expected a rate such as `3分の2` or `定額` after `2年目`, got `たくさん`"
        );
    }

    #[test]
    fn rate_schedules() {
        let three = schedule(&[
            ("初年度", fixed()),
            ("2年目", frac(2, 3)),
            ("3年目", frac(1, 3)),
        ]);
        assert_eq!(rate("初年度：定額、2年目：3分の2、3年目：3分の1"), three);
        assert_eq!(rate("初年度定額／2年目3分の2／3年目3分の1"), three);
        assert_eq!(rate("初年度: 定額\n2年目: 3分の2\n3年目: 3分の1\n"), three);
        assert_eq!(rate("初年度：定額；2年目：3分の2；3年目：3分の1"), three);
        assert_eq!(rate("初年度 定額 2年目 3分の2 3年目 3分の1"), three);
        assert_eq!(rate("初年度:定額/2年目:3分の2/3年目:3分の1"), three);
        assert_eq!(rate("初年度定額、2年目2/3、3年目1/3"), three);
        assert_eq!(rate("初年度定額/2年目2/3/3年目1/3"), three);
        assert_eq!(
            rate("初年度: 定額, 2年目: 3分の2"),
            schedule(&[("初年度", fixed()), ("2年目", frac(2, 3))])
        );
        assert_eq!(
            rate("初年度，定額，2年目，3分の2"),
            schedule(&[("初年度", fixed()), ("2年目", frac(2, 3))])
        );
        assert_eq!(
            rate("令和6年度：10/10、令和7年度：1/2"),
            schedule(&[("令和6年度", frac(10, 10)), ("令和7年度", frac(1, 2))])
        );
        assert_eq!(
            rate("1年目：10/10、2年目以降：1/2以内"),
            schedule(&[("1年目", frac(10, 10)), ("2年目以降", frac(1, 2))])
        );
        assert_eq!(
            rate("第1年度定額、第2年度1/2"),
            schedule(&[("第1年度", fixed()), ("第2年度", frac(1, 2))])
        );
    }

    #[test]
    fn rate_displays() {
        let r = FactValue::Rate(frac(10, 10));
        assert_eq!(r.display_ja(), "10/10");
        assert_eq!(r.display_en(), "100%");
        assert_eq!(r.to_json(), json!(1.0));
        assert_eq!(r.to_json().to_string(), "1.0");
        let r = FactValue::Rate(frac(2, 3));
        assert_eq!(r.display_ja(), "3分の2");
        assert_eq!(r.display_en(), "2/3");
        assert_eq!(r.to_json(), json!(0.6667));
        assert_eq!(FactValue::Rate(frac(1, 3)).to_json(), json!(0.3333));
        assert_eq!(FactValue::Rate(frac(9, 10)).display_ja(), "9/10");
        assert_eq!(FactValue::Rate(frac(9, 10)).display_en(), "9/10");
        assert_eq!(FactValue::Rate(frac(50, 100)).display_ja(), "50%");
        assert_eq!(FactValue::Rate(frac(50, 100)).display_en(), "50%");
        assert_eq!(FactValue::Rate(frac(1, 2)).to_json(), json!(0.5));
        assert_eq!(FactValue::Rate(frac(1, 0)).to_json(), Value::Null);
        let f = FactValue::Rate(fixed());
        assert_eq!(f.display_ja(), "定額");
        assert_eq!(f.display_en(), "fixed amount");
        assert_eq!(f.to_json(), json!("定額"));
        assert_eq!(
            FactValue::Rate(Rate::Label("その他".into())).display_en(),
            "その他"
        );
    }

    #[test]
    fn schedule_displays() {
        let s = schedule(&[
            ("初年度", fixed()),
            ("2年目", frac(2, 3)),
            ("3年目", frac(1, 3)),
        ]);
        assert_eq!(s.display_ja(), "初年度：定額、2年目：3分の2、3年目：3分の1");
        assert_eq!(
            s.display_en(),
            "year 1: fixed amount, year 2: 2/3, year 3: 1/3"
        );
        assert_eq!(
            s.to_json(),
            json!([
                {"label": "初年度", "value": "定額"},
                {"label": "2年目", "value": 0.6667},
                {"label": "3年目", "value": 0.3333},
            ])
        );
        let s = schedule(&[
            ("令和6年度", frac(10, 10)),
            ("2年目以降", frac(1, 2)),
            ("最終年度", frac(1, 3)),
        ]);
        assert_eq!(
            s.display_en(),
            "FY2024: 100%, year 2 onwards: 1/2, the final year: 1/3"
        );
        assert_eq!(schedule_label_en("第3年度"), "year 3");
        assert_eq!(schedule_label_en("2年度目"), "year 2");
        assert_eq!(schedule_label_en("次年度"), "the following year");
        assert_eq!(schedule_label_en("前期"), "前期");
    }
}
