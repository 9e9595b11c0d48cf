//! Typed fact values: the amounts, rates and periods that subsidy documents state.
//!
//! Facts are compared across prefectures (`上限額` in Chiba against Osaka), so each is read from
//! the text the document actually prints (`1拠点あたり1,060千円を上限`, `3分の2`,
//! `平成30年度から平成32年度`) into a typed [`FactValue`] that can be sorted, serialised to JSON
//! and redisplayed in Japanese or English. When the text cannot be read, the error says what
//! kind of value was expected, so the author can rewrite it in a readable form.
//!
//! Input is NFKC-normalised (full-width digits and punctuation become ASCII) and whitespace is
//! ignored, because text copied from PDFs carries artefacts such as `3, 000 千円`.

use serde_json::{json, Value};
use unicode_normalization::UnicodeNormalization;

use crate::guidance::dates::{self, DateValue};
use crate::text::lang::Lang;

/// The declared type of a fact (in `site.yaml`), which decides how its text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FactType {
    Yen,
    Rate,
    FiscalYears,
    Date,
    Text,
    List,
}

impl FactType {
    pub const ALL: [FactType; 6] = [
        FactType::Yen,
        FactType::Rate,
        FactType::FiscalYears,
        FactType::Date,
        FactType::Text,
        FactType::List,
    ];
}

/// A subsidy rate (補助率): a fraction of the eligible cost, or a label such as 定額.
#[derive(Debug, Clone, PartialEq)]
pub enum Rate {
    /// Kept as written (10/10 stays 10/10, not 1/1) so the Japanese display matches the source.
    Fraction { num: u32, den: u32 },
    /// A rate given in words: `定額` (fixed amount), `全額` (full amount), `実費` (actual cost).
    Label(String),
}

/// A parsed fact.
#[derive(Debug, Clone, PartialEq)]
pub enum FactValue {
    /// An amount in yen.
    Yen(u64),
    Rate(Rate),
    /// Rates that change over the years of a project: label (`初年度`, `2年目`, …) → rate.
    RateSchedule(Vec<(String, Rate)>),
    /// An inclusive range of fiscal years, each given as the calendar year it starts in.
    FiscalYears {
        from: i32,
        to: i32,
    },
    /// A period given as a length rather than as years (`3年間`).
    Duration {
        years: u32,
    },
    Date(DateValue),
    Text(String),
    List(Vec<String>),
}

/// Reads the text of a fact according to its declared type.
pub fn parse_fact(ty: FactType, raw: &str) -> Result<FactValue, String> {
    match ty {
        FactType::Yen => parse_yen(raw).map(FactValue::Yen),
        FactType::Rate => parse_rate_or_schedule(raw),
        FactType::FiscalYears => parse_fiscal_years(raw),
        FactType::Date => dates::parse_date(raw).map(FactValue::Date),
        FactType::Text => parse_text(raw),
        FactType::List => parse_list_text(raw),
    }
}

/// A YAML list value: its items, trimmed, with empty items dropped. Lists need no parsing, so
/// this cannot fail.
pub fn parse_list(items: &[String]) -> FactValue {
    FactValue::List(
        items
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

impl FactValue {
    /// The value as a reader of `lang` sees it.
    pub fn display(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => self.display_ja(),
            Lang::En => self.display_en(),
        }
    }

    /// The value for JSON output and client-side comparison tables: numbers where the value is
    /// numeric (yen as an integer, fractions rounded to 4 decimals), strings otherwise.
    pub fn to_json(&self) -> Value {
        match self {
            FactValue::Yen(n) => json!(n),
            FactValue::Rate(r) => r.to_json(),
            FactValue::RateSchedule(entries) => Value::Array(
                entries
                    .iter()
                    .map(|(label, rate)| json!({ "label": label, "value": rate.to_json() }))
                    .collect(),
            ),
            FactValue::FiscalYears { from, to } => json!({ "from": from, "to": to }),
            FactValue::Duration { years } => json!({ "years": years }),
            FactValue::Date(d) => json!(d.iso()),
            FactValue::Text(s) => json!(s),
            FactValue::List(items) => json!(items),
        }
    }

    /// Japanese display in the conventions of the documents: `3,000千円`, `3分の2`,
    /// `平成30年度〜令和2年度`, `3年間`.
    pub fn display_ja(&self) -> String {
        match self {
            FactValue::Yen(n) => yen_ja(*n),
            FactValue::Rate(r) => r.display_ja(),
            FactValue::RateSchedule(entries) => entries
                .iter()
                .map(|(label, rate)| format!("{label}：{}", rate.display_ja()))
                .collect::<Vec<_>>()
                .join("、"),
            FactValue::FiscalYears { from, to } => {
                let from_ja = DateValue::FiscalYear(*from).display_ja();
                if from == to {
                    from_ja
                } else {
                    format!("{from_ja}〜{}", DateValue::FiscalYear(*to).display_ja())
                }
            }
            FactValue::Duration { years } => format!("{years}年間"),
            FactValue::Date(d) => d.display_ja(),
            FactValue::Text(s) => s.clone(),
            FactValue::List(items) => items.join("、"),
        }
    }

    /// English display: `¥3.0 million`, `¥530,000`, `2/3`, `fixed amount`, `FY2018–FY2020`,
    /// `3 years`.
    pub fn display_en(&self) -> String {
        match self {
            FactValue::Yen(n) => yen_en(*n),
            FactValue::Rate(r) => r.display_en(),
            FactValue::RateSchedule(entries) => entries
                .iter()
                .map(|(label, rate)| format!("{}: {}", schedule_label_en(label), rate.display_en()))
                .collect::<Vec<_>>()
                .join(", "),
            FactValue::FiscalYears { from, to } if from == to => format!("FY{from}"),
            FactValue::FiscalYears { from, to } => format!("FY{from}–FY{to}"),
            FactValue::Duration { years: 1 } => "1 year".to_string(),
            FactValue::Duration { years } => format!("{years} years"),
            FactValue::Date(d) => d.display_en(),
            FactValue::Text(s) => s.clone(),
            FactValue::List(items) => items.join(", "),
        }
    }
}

impl Rate {
    /// A fraction as a number rounded to 4 decimals (2/3 → 0.6667); a label as its text.
    pub fn to_json(&self) -> Value {
        match self {
            Rate::Fraction { num, den } => {
                let value = (f64::from(*num) / f64::from(*den) * 10_000.0).round() / 10_000.0;
                serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number)
            }
            Rate::Label(label) => json!(label),
        }
    }

    /// `10/10` for tenths (as documents print them), `50%` for hundredths, `3分の2` otherwise.
    pub fn display_ja(&self) -> String {
        match self {
            Rate::Fraction { num, den: 10 } => format!("{num}/10"),
            Rate::Fraction { num, den: 100 } => format!("{num}%"),
            Rate::Fraction { num, den } => format!("{den}分の{num}"),
            Rate::Label(label) => label.clone(),
        }
    }

    /// `100%` for a whole rate, `50%` for hundredths, `2/3` otherwise; labels in English.
    pub fn display_en(&self) -> String {
        match self {
            Rate::Fraction { num, den } if num == den => "100%".to_string(),
            Rate::Fraction { num, den: 100 } => format!("{num}%"),
            Rate::Fraction { num, den } => format!("{num}/{den}"),
            Rate::Label(label) => label_en(label).map_or_else(|| label.clone(), str::to_string),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

/// NFKC and whitespace removal: `３，０００ 千円` → `3,000千円`.
fn normalize(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// `1234567` → `1,234,567`.
fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn all_ascii_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

// ---------------------------------------------------------------------------------------------
// Yen

const EXPECTED_YEN: &str =
    "expected an amount in yen such as `3,000千円`, `5万円` or `1,500,000円`";

/// Units that may be followed by further digits (`1億2,000万円`), largest first.
const LARGE_UNITS: [(char, u128); 3] = [
    ('兆', 1_000_000_000_000),
    ('億', 100_000_000),
    ('万', 10_000),
];

/// Multipliers written directly before `円` (`3,000千円`, `3.5百万円`), longest first.
const SMALL_UNITS: [(&str, u128); 5] = [
    ("千万", 10_000_000),
    ("百万", 1_000_000),
    ("十万", 100_000),
    ("千", 1_000),
    ("百", 100),
];

/// Reads the one amount of yen in a text, ignoring the words around it
/// (`1拠点あたり1,060千円を上限` → 1,060,000). A number counts as an amount only with a yen unit
/// (`千円`, `万円`, `円`, `¥`), so `1拠点` is not one; a text that is only a number is taken as yen.
fn parse_yen(raw: &str) -> Result<u64, String> {
    let text = normalize(raw);
    let chars: Vec<char> = text.chars().collect();
    let mut amounts = find_amounts(&chars)?;
    if amounts.is_empty() {
        amounts.extend(bare_number(&chars));
    }
    amounts.dedup();
    match amounts.as_slice() {
        [] => Err(EXPECTED_YEN.to_string()),
        [one] => Ok(*one),
        [first, second, ..] => Err(format!(
            "several amounts ({} and {}); expected one amount in yen",
            yen_ja(*first),
            yen_ja(*second)
        )),
    }
}

/// A text that is nothing but a number (`3000`, `1,500,000`), as YAML integers arrive.
fn bare_number(chars: &[char]) -> Option<u64> {
    let (num, end) = number_at(chars, 0)?;
    if end == chars.len() && num.frac_digits == 0 {
        u64::try_from(num.int).ok()
    } else {
        None
    }
}

/// Every amount in the text, in order, with repeats of the same amount removed later.
fn find_amounts(chars: &[char]) -> Result<Vec<u64>, String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let found = if chars.get(i) == Some(&'¥') {
            yen_sign_amount_at(chars, i.saturating_add(1))?
        } else if starts_number(chars, i) {
            amount_at(chars, i)?
        } else {
            None
        };
        match found {
            Some((value, end)) => {
                let value =
                    u64::try_from(value).map_err(|_| "the amount is too large".to_string())?;
                if out.last() != Some(&value) {
                    out.push(value);
                }
                i = end.max(i.saturating_add(1));
            }
            None => i = i.saturating_add(1),
        }
    }
    Ok(out)
}

/// A number may start at `i` if there is a digit there that does not continue another number.
fn starts_number(chars: &[char], i: usize) -> bool {
    let here = chars.get(i).is_some_and(char::is_ascii_digit);
    let before = i
        .checked_sub(1)
        .and_then(|j| chars.get(j))
        .is_some_and(|c| c.is_ascii_digit() || *c == ',' || *c == '.');
    here && !before
}

/// A decimal number as written: integer part and fraction digits, kept exact.
struct Number {
    int: u128,
    frac: u128,
    frac_digits: u32,
}

impl Number {
    /// The number times a unit, which must come out as a whole number of yen.
    fn times(&self, unit: u128) -> Result<u128, String> {
        let too_large = || "the amount is too large".to_string();
        let whole = self.int.checked_mul(unit).ok_or_else(too_large)?;
        let scale = 10u128.checked_pow(self.frac_digits).ok_or_else(too_large)?;
        let frac = self.frac.checked_mul(unit).ok_or_else(too_large)?;
        if frac % scale != 0 {
            return Err("the amount is not a whole number of yen".to_string());
        }
        whole.checked_add(frac / scale).ok_or_else(too_large)
    }
}

/// Reads `1,060` or `3.5` at `i`. Commas must separate groups of exactly three digits, so a
/// comma used as a list separator (`1,2`) ends the number instead.
fn number_at(chars: &[char], i: usize) -> Option<(Number, usize)> {
    let mut j = i;
    let mut int: u128 = 0;
    let mut any = false;
    loop {
        match chars.get(j).and_then(|c| c.to_digit(10)) {
            Some(d) => {
                int = int.saturating_mul(10).saturating_add(u128::from(d));
                any = true;
                j += 1;
            }
            None if any && is_thousands_group(chars, j) => j += 1,
            None => break,
        }
    }
    if !any {
        return None;
    }
    let mut frac: u128 = 0;
    let mut frac_digits = 0u32;
    if chars.get(j) == Some(&'.') && chars.get(j + 1).is_some_and(char::is_ascii_digit) {
        j += 1;
        while let Some(d) = chars.get(j).and_then(|c| c.to_digit(10)) {
            frac = frac.saturating_mul(10).saturating_add(u128::from(d));
            frac_digits = frac_digits.saturating_add(1);
            j += 1;
        }
    }
    Some((
        Number {
            int,
            frac,
            frac_digits,
        },
        j,
    ))
}

/// A comma at `j` followed by exactly three digits.
fn is_thousands_group(chars: &[char], j: usize) -> bool {
    chars.get(j) == Some(&',')
        && (1..=3).all(|k| chars.get(j + k).is_some_and(char::is_ascii_digit))
        && !chars.get(j + 4).is_some_and(char::is_ascii_digit)
}

/// Reads an amount in yen at `i`: groups of number + large unit (`1億2,000万`), then an optional
/// multiplier and `円`. Returns the value in yen and the position after it, or `None` when the
/// number at `i` is not followed by a yen unit.
fn amount_at(chars: &[char], i: usize) -> Result<Option<(u128, usize)>, String> {
    let mut total: u128 = 0;
    let mut j = i;
    let mut previous_unit = u128::MAX;
    loop {
        let Some((num, after)) = number_at(chars, j) else {
            return Ok(None);
        };
        if let Some((unit, after_unit)) =
            large_unit_at(chars, after).filter(|(u, _)| *u < previous_unit)
        {
            total = add(total, num.times(unit)?)?;
            previous_unit = unit;
            j = after_unit;
            if chars.get(j).is_some_and(char::is_ascii_digit) {
                continue;
            }
            return Ok((chars.get(j) == Some(&'円')).then_some((total, j + 1)));
        }
        let (unit, after_unit) = small_unit_at(chars, after).unwrap_or((1, after));
        if chars.get(after_unit) != Some(&'円') {
            return Ok(None);
        }
        return Ok(Some((add(total, num.times(unit)?)?, after_unit + 1)));
    }
}

/// `¥1,500,000` (an optional trailing `円` is consumed too).
fn yen_sign_amount_at(chars: &[char], i: usize) -> Result<Option<(u128, usize)>, String> {
    let Some((num, after)) = number_at(chars, i) else {
        return Ok(None);
    };
    let end = if chars.get(after) == Some(&'円') {
        after + 1
    } else {
        after
    };
    num.times(1).map(|v| Some((v, end)))
}

fn add(a: u128, b: u128) -> Result<u128, String> {
    a.checked_add(b)
        .ok_or_else(|| "the amount is too large".to_string())
}

fn large_unit_at(chars: &[char], i: usize) -> Option<(u128, usize)> {
    let c = chars.get(i)?;
    LARGE_UNITS
        .iter()
        .find(|(u, _)| u == c)
        .map(|&(_, value)| (value, i + 1))
}

fn small_unit_at(chars: &[char], i: usize) -> Option<(u128, usize)> {
    SMALL_UNITS.iter().find_map(|&(unit, value)| {
        let len = unit.chars().count();
        let matches = unit
            .chars()
            .enumerate()
            .all(|(k, u)| chars.get(i + k) == Some(&u));
        matches.then_some((value, i + len))
    })
}

/// `3,000千円` when the amount is whole thousands (how budgets are printed), else `1,234円`.
fn yen_ja(n: u64) -> String {
    if n != 0 && n.is_multiple_of(1000) {
        format!("{}千円", group_thousands(n / 1000))
    } else {
        format!("{}円", group_thousands(n))
    }
}

/// `¥4.7 million` from a million up (one decimal, rounded half up), `¥530,000` below.
fn yen_en(n: u64) -> String {
    if n >= 1_000_000 {
        let tenths = (u128::from(n) + 50_000) / 100_000;
        let whole = u64::try_from(tenths / 10).unwrap_or(u64::MAX);
        format!("¥{}.{} million", group_thousands(whole), tenths % 10)
    } else {
        format!("¥{}", group_thousands(n))
    }
}

// ---------------------------------------------------------------------------------------------
// Rates

const EXPECTED_RATE: &str = "expected a rate such as `10/10`, `3分の2` or `定額`, or a schedule such as `初年度：定額、2年目：3分の2`";

/// Rates given in words, with their English.
const RATE_LABELS: [(&str, &str); 3] = [
    ("定額", "fixed amount"),
    ("全額", "full amount"),
    ("実費", "actual cost"),
];

fn label_en(label: &str) -> Option<&'static str> {
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
fn parse_rate_or_schedule(raw: &str) -> Result<FactValue, String> {
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

fn parse_rate_text(text: &str) -> Result<FactValue, String> {
    let text = text.trim_matches(is_entry_separator);
    if text.is_empty() {
        return Err(EXPECTED_RATE.to_string());
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
    Err(EXPECTED_RATE.to_string())
}

/// One rate: `10/10`, `3分の2`, `50%`, `定額`, `定額(10/10)` (the fraction wins), with `補助率`
/// before or `以内`/`以下` after ignored. `Ok(None)` means the text is not shaped like a rate;
/// `Err` means it is, but the rate is impossible (`1/0`, `3/2`).
fn single_rate(text: &str) -> Result<Option<Rate>, String> {
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
fn fraction(text: &str) -> Result<Option<Rate>, String> {
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
        .map_err(|_| format!("the rate's numerator {num} is too large"))?;
    let den: u32 = den
        .parse()
        .map_err(|_| format!("the rate's denominator {den} is too large"))?;
    if den == 0 {
        return Err("a rate's denominator cannot be 0".to_string());
    }
    if num > den {
        return Err(format!("the rate {num}/{den} is more than 10/10"));
    }
    Ok(Some(Rate::Fraction { num, den }))
}

/// `初年度:定額、2年目:3分の2` with any labels: entries split on `、` `,` `;`, each `label:rate`.
/// `Ok(None)` if the text is not in this shape.
fn colon_schedule(text: &str) -> Result<Option<Vec<(String, Rate)>>, String> {
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
fn labelled_schedule(text: &str) -> Result<Option<Vec<(String, Rate)>>, String> {
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
                return Err(format!(
                    "expected a rate such as `3分の2` or `定額` after `{label}`, got `{rate_text}`"
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
fn schedule_label_en(label: &str) -> String {
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

// ---------------------------------------------------------------------------------------------
// Fiscal years

const EXPECTED_FISCAL_YEARS: &str = "expected fiscal years such as `令和6年度〜令和8年度` or `2024年度`, or a duration such as `3年間`";

/// Separators between the two ends of a fiscal-year range.
const RANGE_SEPARATORS: [&str; 10] = ["から", "〜", "~", "–", "—", "―", "−", "‐", "-", "ｰ"];

/// `3年間` (a duration), `平成30年度から平成32年度`, `R6〜R8`, `令和6年度〜8年度` (the era carries
/// over), `2024年度から2026年度まで`, or a single fiscal year.
fn parse_fiscal_years(raw: &str) -> Result<FactValue, String> {
    let text = normalize(raw);
    if text.is_empty() {
        return Err(EXPECTED_FISCAL_YEARS.to_string());
    }
    if let Some(years) = text.strip_suffix("年間") {
        return parse_duration(years);
    }
    let text = text.strip_suffix("まで").unwrap_or(&text);
    let Some((left, right)) = split_range(text) else {
        let year = fiscal_year(text)?;
        return Ok(FactValue::FiscalYears {
            from: year,
            to: year,
        });
    };
    if left.is_empty() || right.is_empty() || split_range(right).is_some() {
        return Err(format!("{EXPECTED_FISCAL_YEARS}; a range has two ends"));
    }
    let from = fiscal_year(left)?;
    let to = fiscal_year(&inherit_era(left, right))?;
    if from > to {
        return Err(format!(
            "the fiscal years run backwards (FY{from} to FY{to})"
        ));
    }
    Ok(FactValue::FiscalYears { from, to })
}

fn parse_duration(years: &str) -> Result<FactValue, String> {
    if !all_ascii_digits(years) {
        return Err(format!(
            "{EXPECTED_FISCAL_YEARS}; `{years}年間` is not a number of years"
        ));
    }
    match years.parse::<u32>() {
        Ok(0) => Err("a duration must be at least 1 year".to_string()),
        Ok(years) => Ok(FactValue::Duration { years }),
        Err(_) => Err(format!("the duration {years}年間 is too large")),
    }
}

fn fiscal_year(text: &str) -> Result<i32, String> {
    if !text.chars().any(|c| c.is_ascii_digit() || c == '元') {
        return Err(EXPECTED_FISCAL_YEARS.to_string());
    }
    dates::parse_fiscal_year(text)
}

/// Splits at the first range separator.
fn split_range(text: &str) -> Option<(&str, &str)> {
    RANGE_SEPARATORS
        .iter()
        .filter_map(|sep| text.find(sep).map(|at| (at, sep.len())))
        .min_by_key(|&(at, _)| at)
        .and_then(|(at, len)| Some((text.get(..at)?, text.get(at + len..)?)))
}

/// `令和6年度〜8年度`: an end written as a bare one- or two-digit year takes the era of the start.
fn inherit_era(left: &str, right: &str) -> String {
    let digits = right.chars().take_while(char::is_ascii_digit).count();
    let era = left
        .split(|c: char| c.is_ascii_digit() || c == '元')
        .next()
        .unwrap_or("");
    if (1..=2).contains(&digits) && !era.is_empty() {
        format!("{era}{right}")
    } else {
        right.to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// Text and lists

fn parse_text(raw: &str) -> Result<FactValue, String> {
    let text = raw.trim();
    if text.is_empty() {
        Err("expected some text, got nothing".to_string())
    } else {
        Ok(FactValue::Text(text.to_string()))
    }
}

/// A list written as one string: items on separate lines (with or without `-`/`・` bullets) or
/// separated by `、` `;` or a comma that is not a thousands separator.
fn parse_list_text(raw: &str) -> Result<FactValue, String> {
    let chars: Vec<char> = raw.chars().collect();
    let mut items = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if is_list_separator(&chars, i, c) {
            items.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    items.push(current);
    let items: Vec<String> = items
        .iter()
        .map(|s| strip_bullet(s.trim()).trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if items.is_empty() {
        Err("expected a list of items separated by `、` or on separate lines".to_string())
    } else {
        Ok(FactValue::List(items))
    }
}

fn is_list_separator(chars: &[char], i: usize, c: char) -> bool {
    match c {
        '\n' | '、' | ';' | '；' | '，' => true,
        ',' => {
            let digit_at = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(char::is_ascii_digit)
            };
            !(digit_at(i.checked_sub(1)) && digit_at(i.checked_add(1)))
        }
        _ => false,
    }
}

fn strip_bullet(item: &str) -> &str {
    ["- ", "* ", "・", "•", "〇", "○"]
        .iter()
        .find_map(|b| item.strip_prefix(b))
        .unwrap_or(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yen(s: &str) -> u64 {
        match parse_fact(FactType::Yen, s) {
            Ok(FactValue::Yen(n)) => n,
            other => panic!("{s:?}: {other:?}"),
        }
    }

    fn rate(s: &str) -> FactValue {
        parse_fact(FactType::Rate, s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    fn fy(s: &str) -> FactValue {
        parse_fact(FactType::FiscalYears, s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    fn err(ty: FactType, s: &str) -> String {
        parse_fact(ty, s).expect_err(s)
    }

    fn frac(num: u32, den: u32) -> Rate {
        Rate::Fraction { num, den }
    }

    fn fixed() -> Rate {
        Rate::Label("定額".to_string())
    }

    fn schedule(entries: &[(&str, Rate)]) -> FactValue {
        FactValue::RateSchedule(
            entries
                .iter()
                .map(|(l, r)| (l.to_string(), r.clone()))
                .collect(),
        )
    }

    // --- yen -------------------------------------------------------------------------------

    #[test]
    fn yen_forms() {
        assert_eq!(yen("3,000千円"), 3_000_000);
        assert_eq!(yen("３，０００千円"), 3_000_000);
        assert_eq!(yen("3, 000 千円"), 3_000_000);
        assert_eq!(yen("4,657千円"), 4_657_000);
        assert_eq!(yen("1拠点あたり1,060千円を上限"), 1_060_000);
        assert_eq!(yen("574,420千円"), 574_420_000);
        assert_eq!(yen("162,000千円"), 162_000_000);
        assert_eq!(yen("1,500,000円"), 1_500_000);
        assert_eq!(yen("5万円"), 50_000);
        assert_eq!(yen("1億2,000万円"), 120_000_000);
        assert_eq!(yen("1億円"), 100_000_000);
        assert_eq!(yen("1億5千万円"), 150_000_000);
        assert_eq!(yen("1万5千円"), 15_000);
        assert_eq!(yen("3.5百万円"), 3_500_000);
        assert_eq!(yen("1.5億円"), 150_000_000);
        assert_eq!(yen("530,000円"), 530_000);
        assert_eq!(yen("¥1,500,000"), 1_500_000);
        assert_eq!(yen("￥1,500,000"), 1_500_000);
        assert_eq!(yen("3000"), 3000);
        assert_eq!(yen("1,500,000"), 1_500_000);
        assert_eq!(yen("0円"), 0);
        assert_eq!(yen("上限額：3,000千円（税込）"), 3_000_000);
        assert_eq!(yen("3,000千円以内"), 3_000_000);
        // The same amount twice is still one amount.
        assert_eq!(yen("3,000千円（3,000千円）"), 3_000_000);
        assert_eq!(yen("補助率1/2、上限500万円"), 5_000_000);
    }

    #[test]
    fn yen_errors() {
        let expected = "expected an amount in yen such as `3,000千円`, `5万円` or `1,500,000円`";
        assert_eq!(err(FactType::Yen, ""), expected);
        assert_eq!(err(FactType::Yen, "未定"), expected);
        assert_eq!(err(FactType::Yen, "1拠点"), expected);
        assert_eq!(err(FactType::Yen, "3.5"), expected);
        assert_eq!(
            err(FactType::Yen, "1,000千円～3,000千円"),
            "several amounts (1,000千円 and 3,000千円); expected one amount in yen"
        );
        assert!(err(FactType::Yen, "1.5円").contains("not a whole number of yen"));
        assert!(err(FactType::Yen, "99999999999999999999円").contains("too large"));
        assert!(err(
            FactType::Yen,
            "99999999999999999999999999999999999999999兆円"
        )
        .contains("too large"));
        assert!(err(
            FactType::Yen,
            "1.00000000000000000000000000000000000000001千円"
        )
        .contains("too large"));
    }

    #[test]
    fn yen_displays() {
        let v = FactValue::Yen(3_000_000);
        assert_eq!(v.display_ja(), "3,000千円");
        assert_eq!(v.display_en(), "¥3.0 million");
        assert_eq!(v.to_json(), json!(3_000_000));
        assert_eq!(FactValue::Yen(4_657_000).display_en(), "¥4.7 million");
        assert_eq!(FactValue::Yen(4_657_000).display_ja(), "4,657千円");
        assert_eq!(FactValue::Yen(162_000_000).display_en(), "¥162.0 million");
        assert_eq!(FactValue::Yen(574_420_000).display_ja(), "574,420千円");
        assert_eq!(FactValue::Yen(574_420_000).display_en(), "¥574.4 million");
        assert_eq!(FactValue::Yen(1_000_000).display_en(), "¥1.0 million");
        assert_eq!(FactValue::Yen(1_250_000).display_en(), "¥1.3 million");
        assert_eq!(FactValue::Yen(999_999).display_en(), "¥999,999");
        assert_eq!(FactValue::Yen(530_000).display_en(), "¥530,000");
        assert_eq!(FactValue::Yen(1_234).display_ja(), "1,234円");
        assert_eq!(FactValue::Yen(1_234).display_en(), "¥1,234");
        assert_eq!(FactValue::Yen(0).display_ja(), "0円");
        assert_eq!(FactValue::Yen(999).display_ja(), "999円");
        assert_eq!(FactValue::Yen(1_000).display_ja(), "1千円");
        assert_eq!(
            FactValue::Yen(1_500_000_000_000).display_en(),
            "¥1,500,000.0 million"
        );
        assert_eq!(
            FactValue::Yen(u64::MAX).display_en(),
            "¥18,446,744,073,709.6 million"
        );
        assert_eq!(FactValue::Yen(u64::MAX).to_json(), json!(u64::MAX));
    }

    #[test]
    fn thousands_grouping() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
        assert_eq!(group_thousands(u64::MAX), "18,446,744,073,709,551,615");
    }

    // --- rates -----------------------------------------------------------------------------

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
        let expected = EXPECTED_RATE;
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

    // --- fiscal years ----------------------------------------------------------------------

    #[test]
    fn fiscal_year_forms() {
        let range = |from, to| FactValue::FiscalYears { from, to };
        assert_eq!(fy("3年間"), FactValue::Duration { years: 3 });
        assert_eq!(fy("３年間"), FactValue::Duration { years: 3 });
        assert_eq!(fy("平成30年度から平成32年度"), range(2018, 2020));
        assert_eq!(fy("平成30年度～平成32年度"), range(2018, 2020));
        assert_eq!(fy("平成30年度〜平成32年度"), range(2018, 2020));
        assert_eq!(fy("R6–R8"), range(2024, 2026));
        assert_eq!(fy("R6〜R8"), range(2024, 2026));
        assert_eq!(fy("R6-R8"), range(2024, 2026));
        assert_eq!(fy("令和6年度〜令和8年度"), range(2024, 2026));
        assert_eq!(fy("令和6年度から令和8年度まで"), range(2024, 2026));
        assert_eq!(fy("2024年度から2026年度"), range(2024, 2026));
        assert_eq!(fy("令和6年度〜8年度"), range(2024, 2026));
        assert_eq!(fy("R6〜8"), range(2024, 2026));
        assert_eq!(fy("平成30年度から令和2年度"), range(2018, 2020));
        assert_eq!(fy("令和6年度"), range(2024, 2024));
        assert_eq!(fy("FY2024"), range(2024, 2024));
        assert_eq!(fy("令和 6 年度 〜 令和 8 年度"), range(2024, 2026));
    }

    #[test]
    fn fiscal_year_errors() {
        assert!(err(FactType::FiscalYears, "").starts_with("expected fiscal years"));
        assert!(err(FactType::FiscalYears, "未定").starts_with("expected fiscal years"));
        assert_eq!(
            err(FactType::FiscalYears, "0年間"),
            "a duration must be at least 1 year"
        );
        assert!(err(FactType::FiscalYears, "数年間").contains("not a number of years"));
        assert!(err(FactType::FiscalYears, "99999999999年間").contains("too large"));
        assert_eq!(
            err(FactType::FiscalYears, "令和8年度〜令和6年度"),
            "the fiscal years run backwards (FY2026 to FY2024)"
        );
        assert!(err(FactType::FiscalYears, "R6〜R7〜R8").contains("a range has two ends"));
        assert!(err(FactType::FiscalYears, "〜R8").contains("a range has two ends"));
        assert!(err(FactType::FiscalYears, "R6から").contains("a range has two ends"));
        assert!(err(FactType::FiscalYears, "慶応6年度").contains("unknown era"));
        assert!(err(FactType::FiscalYears, "令和6年〜令和8年").contains("calendar year"));
    }

    #[test]
    fn fiscal_year_displays() {
        let v = FactValue::FiscalYears {
            from: 2018,
            to: 2020,
        };
        assert_eq!(v.display_ja(), "平成30年度〜令和2年度");
        assert_eq!(v.display_en(), "FY2018–FY2020");
        assert_eq!(v.to_json(), json!({"from": 2018, "to": 2020}));
        let v = FactValue::FiscalYears {
            from: 2019,
            to: 2019,
        };
        assert_eq!(v.display_ja(), "令和元年度");
        assert_eq!(v.display_en(), "FY2019");
        let d = FactValue::Duration { years: 3 };
        assert_eq!(d.display_ja(), "3年間");
        assert_eq!(d.display_en(), "3 years");
        assert_eq!(d.to_json(), json!({"years": 3}));
        assert_eq!(FactValue::Duration { years: 1 }.display_en(), "1 year");
    }

    // --- dates, text, lists ----------------------------------------------------------------

    #[test]
    fn dates_delegate() {
        let d = parse_fact(FactType::Date, "令和5年3月31日").expect("date");
        assert_eq!(d.display_ja(), "令和5年3月31日");
        assert_eq!(d.display_en(), "31 March 2023");
        assert_eq!(d.to_json(), json!("2023-03-31"));
        let fy = parse_fact(FactType::Date, "平成30年度").expect("fiscal year");
        assert_eq!(fy, FactValue::Date(DateValue::FiscalYear(2018)));
        assert_eq!(fy.to_json(), json!("FY2018"));
        assert_eq!(fy.display_ja(), "平成30年度");
        assert_eq!(
            err(FactType::Date, "令和5年13月40日"),
            "month 13 is out of range (1–12)"
        );
    }

    #[test]
    fn text_values() {
        let t = parse_fact(FactType::Text, "  市町村  ").expect("text");
        assert_eq!(t, FactValue::Text("市町村".into()));
        assert_eq!(t.display_ja(), "市町村");
        assert_eq!(t.display_en(), "市町村");
        assert_eq!(t.to_json(), json!("市町村"));
        assert_eq!(
            err(FactType::Text, " \n "),
            "expected some text, got nothing"
        );
    }

    #[test]
    fn list_values() {
        let items = vec![" 市町村 ".to_string(), String::new(), "NPO法人".to_string()];
        let l = parse_list(&items);
        assert_eq!(l, FactValue::List(vec!["市町村".into(), "NPO法人".into()]));
        assert_eq!(l.display_ja(), "市町村、NPO法人");
        assert_eq!(l.display_en(), "市町村, NPO法人");
        assert_eq!(l.to_json(), json!(["市町村", "NPO法人"]));
        assert_eq!(parse_list(&[]), FactValue::List(vec![]));

        let from_text =
            |s: &str| parse_fact(FactType::List, s).unwrap_or_else(|e| panic!("{s:?}: {e}"));
        let abc = FactValue::List(vec!["市町村".into(), "NPO法人".into(), "企業".into()]);
        assert_eq!(from_text("市町村、NPO法人、企業"), abc);
        assert_eq!(from_text("- 市町村\n- NPO法人\n- 企業\n"), abc);
        assert_eq!(from_text("・市町村\n・NPO法人\n・企業"), abc);
        assert_eq!(from_text("市町村, NPO法人; 企業"), abc);
        assert_eq!(
            from_text("上限1,000千円、市町村"),
            FactValue::List(vec!["上限1,000千円".into(), "市町村".into()])
        );
        assert!(err(FactType::List, " 、 \n").starts_with("expected a list"));
    }

    #[test]
    fn fact_type_serde() {
        let t: FactType = serde_json::from_str("\"fiscal_years\"").expect("snake case");
        assert_eq!(t, FactType::FiscalYears);
        assert_eq!(
            serde_json::to_string(&FactType::Yen).expect("serialise"),
            "\"yen\""
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        let long_digits = "9".repeat(500);
        let odd = [
            "\u{0}",
            "🙂",
            "円",
            "千円",
            "万円",
            "¥",
            "¥¥",
            "1,",
            ",000円",
            "1,000,",
            "1.",
            ".5円",
            "1..5円",
            "億円",
            "1億",
            "1億2",
            "1億2万",
            "1万2億円",
            "1兆2兆円",
            "/",
            "分の",
            "1分の",
            "(",
            ")",
            "()",
            "定額(",
            "(10/10)",
            ":",
            "::",
            "初年度",
            "初年度:",
            "2年目",
            "第",
            "第年度",
            "〜",
            "から",
            "年間",
            "-",
            "–R8",
            "R6〜",
            long_digits.as_str(),
        ];
        for s in odd {
            for ty in FactType::ALL {
                if let Ok(v) = parse_fact(ty, s) {
                    let _ = (v.to_json(), v.display_ja(), v.display_en());
                }
            }
        }
        let _ = parse_fact(FactType::Yen, &format!("{long_digits}円"));
        let _ = parse_fact(FactType::Yen, &format!("0.{long_digits}円"));
        let _ = parse_fact(FactType::Rate, &format!("{long_digits}/{long_digits}"));
    }
}
