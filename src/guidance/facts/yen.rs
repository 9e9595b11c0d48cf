//! Amounts in yen: `1拠点あたり1,060千円を上限`, `5万円`, `1億2,000万円`.

use super::normalize;
use crate::messages::Text;
use crate::msg;

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
pub(super) fn parse_yen(raw: &str) -> Result<u64, Text> {
    let text = normalize(raw);
    let chars: Vec<char> = text.chars().collect();
    let mut amounts = find_amounts(&chars)?;
    if amounts.is_empty() {
        amounts.extend(bare_number(&chars));
    }
    amounts.dedup();
    match amounts.as_slice() {
        [] => Err(msg!("yen-expected")),
        [one] => Ok(*one),
        [first, second, ..] => Err(msg!(
            "yen-several",
            first = yen_ja(*first),
            second = yen_ja(*second)
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
fn find_amounts(chars: &[char]) -> Result<Vec<u64>, Text> {
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
                let value = u64::try_from(value).map_err(|_| msg!("yen-too-large"))?;
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
    fn times(&self, unit: u128) -> Result<u128, Text> {
        let too_large = || msg!("yen-too-large");
        let whole = self.int.checked_mul(unit).ok_or_else(too_large)?;
        let scale = 10u128.checked_pow(self.frac_digits).ok_or_else(too_large)?;
        let frac = self.frac.checked_mul(unit).ok_or_else(too_large)?;
        if frac % scale != 0 {
            return Err(msg!("yen-not-whole"));
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
fn amount_at(chars: &[char], i: usize) -> Result<Option<(u128, usize)>, Text> {
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
fn yen_sign_amount_at(chars: &[char], i: usize) -> Result<Option<(u128, usize)>, Text> {
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

fn add(a: u128, b: u128) -> Result<u128, Text> {
    a.checked_add(b).ok_or_else(|| msg!("yen-too-large"))
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
pub(super) fn yen_ja(n: u64) -> String {
    if n != 0 && n.is_multiple_of(1000) {
        format!("{}千円", group_thousands(n / 1000))
    } else {
        format!("{}円", group_thousands(n))
    }
}

/// `¥4,657,000`: exact, never rounded, because readers compare and add these amounts.
pub(super) fn yen_en(n: u64) -> String {
    format!("¥{}", group_thousands(n))
}

/// The qualifier of an amount given per something: `1事業区域あたり4,657千円` → `事業区域`. It is
/// the text between a `1` and `あたり` (or `当たり`, `につき`) in the NFKC form of the text.
pub(super) fn per_of(raw: &str) -> Option<String> {
    let text = normalize(raw);
    let at = ["あたり", "当たり", "につき"]
        .iter()
        .filter_map(|w| text.find(w))
        .min()?;
    let before = &text[..at];
    let one = before.rfind('1')?;
    let digit_before = before[..one]
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_digit() || c == ',' || c == '.');
    let qualifier = &before[one + 1..];
    let plain = !qualifier.is_empty()
        && qualifier
            .chars()
            .all(|c| !c.is_ascii_digit() && !c.is_ascii_punctuation() && !"：、。（）".contains(c));
    (plain && !digit_before).then(|| qualifier.to_string())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guidance::facts::fixtures::*;
    use crate::guidance::facts::*;
    use serde_json::json;

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
        let v = FactValue::yen(3_000_000);
        assert_eq!(v.display_ja(), "3,000千円");
        assert_eq!(v.display_en(), "¥3,000,000");
        assert_eq!(v.to_json(), json!(3_000_000));
        assert_eq!(FactValue::yen(4_657_000).display_en(), "¥4,657,000");
        assert_eq!(FactValue::yen(4_657_000).display_ja(), "4,657千円");
        assert_eq!(FactValue::yen(162_000_000).display_en(), "¥162,000,000");
        assert_eq!(FactValue::yen(574_420_000).display_ja(), "574,420千円");
        assert_eq!(FactValue::yen(574_420_000).display_en(), "¥574,420,000");
        assert_eq!(FactValue::yen(1_000_000).display_en(), "¥1,000,000");
        assert_eq!(FactValue::yen(1_250_000).display_en(), "¥1,250,000");
        assert_eq!(FactValue::yen(999_999).display_en(), "¥999,999");
        assert_eq!(FactValue::yen(530_000).display_en(), "¥530,000");
        assert_eq!(FactValue::yen(1_234).display_ja(), "1,234円");
        assert_eq!(FactValue::yen(1_234).display_en(), "¥1,234");
        assert_eq!(FactValue::yen(0).display_ja(), "0円");
        assert_eq!(FactValue::yen(999).display_ja(), "999円");
        assert_eq!(FactValue::yen(1_000).display_ja(), "1千円");
        assert_eq!(
            FactValue::yen(1_500_000_000_000).display_en(),
            "¥1,500,000,000,000"
        );
        assert_eq!(
            FactValue::yen(u64::MAX).display_en(),
            "¥18,446,744,073,709,551,615"
        );
        assert_eq!(FactValue::yen(u64::MAX).to_json(), json!(u64::MAX));
    }

    #[test]
    fn amounts_keep_what_they_are_per() {
        let per = |s: &str| per_of(s);
        assert_eq!(per("1事業区域あたり4,657千円").as_deref(), Some("事業区域"));
        assert_eq!(
            per("１事業区域あたり 4,657 千円").as_deref(),
            Some("事業区域")
        );
        assert_eq!(
            per("①会議の開催：1拠点あたり1,060千円を上限").as_deref(),
            Some("拠点")
        );
        assert_eq!(per("1医療機関当たり304千円").as_deref(), Some("医療機関"));
        assert_eq!(per("3,000千円"), None);
        assert_eq!(per("11拠点あたり"), None);
        assert_eq!(per("21あたり"), None);
        let v = parse_fact(FactType::Yen, "１事業区域あたり 4,657 千円").unwrap();
        assert_eq!(v.display_ja(), "1事業区域あたり4,657千円");
        assert_eq!(v.display_en(), "¥4,657,000 per 事業区域");
        assert_eq!(v.to_json(), json!(4_657_000));
        let FactValue::Yen { amount, per } = v else {
            panic!("an amount")
        };
        let with_en = FactValue::Yen {
            amount,
            per: per.map(|p| Per {
                en: Some("area".into()),
                ..p
            }),
        };
        assert_eq!(with_en.display_en(), "¥4,657,000 per area");
    }

    #[test]
    fn thousands_grouping() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
        assert_eq!(group_thousands(u64::MAX), "18,446,744,073,709,551,615");
    }
}
