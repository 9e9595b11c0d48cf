//! Periods: ranges of fiscal years (`平成30年度から平成32年度`) and durations (`3年間`).

use super::{all_ascii_digits, normalize, FactValue};
use crate::guidance::dates;
use crate::messages::Text;
use crate::msg;

/// Separators between the two ends of a fiscal-year range.
const RANGE_SEPARATORS: [&str; 10] = ["から", "〜", "~", "–", "—", "―", "−", "‐", "-", "ｰ"];

/// `3年間` (a duration), `平成30年度から平成32年度`, `R6〜R8`, `令和6年度〜8年度` (the era carries
/// over), `2024年度から2026年度まで`, or a single fiscal year.
pub(super) fn parse_fiscal_years(raw: &str) -> Result<FactValue, Text> {
    let text = normalize(raw);
    if text.is_empty() {
        return Err(msg!("fiscal-years-expected"));
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
        return Err(msg!("fiscal-years-two-ends"));
    }
    let from = fiscal_year(left)?;
    let to = fiscal_year(&inherit_era(left, right))?;
    if from > to {
        return Err(msg!(
            "fiscal-years-backwards",
            from = from.to_string(),
            to = to.to_string()
        ));
    }
    Ok(FactValue::FiscalYears { from, to })
}

fn parse_duration(years: &str) -> Result<FactValue, Text> {
    if !all_ascii_digits(years) {
        return Err(msg!("duration-not-a-number", years = years));
    }
    match years.parse::<u32>() {
        Ok(0) => Err(msg!("duration-zero")),
        Ok(years) => Ok(FactValue::Duration { years }),
        Err(_) => Err(msg!("duration-too-large", years = years)),
    }
}

fn fiscal_year(text: &str) -> Result<i32, Text> {
    if !text.chars().any(|c| c.is_ascii_digit() || c == '元') {
        return Err(msg!("fiscal-years-expected"));
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

#[cfg(test)]
mod tests {
    use crate::guidance::facts::fixtures::*;
    use crate::guidance::facts::*;
    use serde_json::json;

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
}
