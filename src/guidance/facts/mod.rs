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
//!
//! `value` holds the typed values and how they are shown and serialised; the readers of the
//! printed text are one file per family of types: `yen`, `rate` (rates and rate schedules),
//! `fiscal_years` (ranges of fiscal years and durations) and `text` (text and lists). Dates are
//! read by [`crate::guidance::dates`].

mod code;
mod fiscal_years;
mod rate;
mod text;
mod value;
mod yen;

pub use code::{parse_code, Choice};
pub use value::{Code, FactType, FactValue, Per, Rate};

use unicode_normalization::UnicodeNormalization;

use crate::guidance::dates;
use crate::messages::Text;
use crate::msg;
use fiscal_years::parse_fiscal_years;
use rate::parse_rate_or_schedule;
use text::{parse_list_text, parse_text};
use yen::parse_yen;

/// Reads the text of a fact according to its declared type.
pub fn parse_fact(ty: FactType, raw: &str) -> Result<FactValue, Text> {
    match ty {
        FactType::Yen => parse_yen(raw).map(|amount| FactValue::Yen {
            amount,
            per: yen::per_of(raw).map(|ja| Per { ja, en: None }),
        }),
        FactType::Rate => parse_rate_or_schedule(raw),
        FactType::FiscalYears => parse_fiscal_years(raw),
        FactType::Date => dates::parse_date(raw).map(FactValue::Date),
        FactType::Text => parse_text(raw),
        FactType::List => parse_list_text(raw),
        FactType::Code => Err(msg!("code-read-by-choices")),
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

/// NFKC and whitespace removal: `３，０００ 千円` → `3,000千円`; every reader starts with it.
fn normalize(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

fn all_ascii_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod fixtures;

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;
    use crate::guidance::dates::DateValue;
    use serde_json::json;

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
