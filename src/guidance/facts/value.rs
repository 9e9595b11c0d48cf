//! The typed values of facts, and how readers and JSON see them.

use serde_json::{json, Value};

use super::rate::{label_en, schedule_label_en};
use super::yen::{yen_en, yen_ja};
use crate::guidance::dates::DateValue;
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
    /// One of the codes declared for the fact in site.yaml (SPEC §6.1), or several with
    /// `multiple: true`.
    Code,
}

impl FactType {
    pub const ALL: [FactType; 7] = [
        FactType::Yen,
        FactType::Rate,
        FactType::FiscalYears,
        FactType::Date,
        FactType::Text,
        FactType::List,
        FactType::Code,
    ];

    /// The name written in site.yaml (`fiscal_years`).
    pub fn name(self) -> &'static str {
        match self {
            FactType::Yen => "yen",
            FactType::Rate => "rate",
            FactType::FiscalYears => "fiscal_years",
            FactType::Date => "date",
            FactType::Text => "text",
            FactType::List => "list",
            FactType::Code => "code",
        }
    }
}

/// What an amount is per (`1事業区域あたり4,657千円` is per 事業区域): the qualifier as the
/// document writes it, and its English from `units:` in site.yaml where declared.
#[derive(Debug, Clone, PartialEq)]
pub struct Per {
    pub ja: String,
    pub en: Option<String>,
}

impl Per {
    /// The qualifier for a reader of `lang`, and the language it is in (Japanese where no English
    /// is declared).
    pub fn text(&self, lang: Lang) -> (&str, Lang) {
        match (lang, &self.en) {
            (Lang::En, Some(en)) => (en, Lang::En),
            _ => (&self.ja, Lang::Ja),
        }
    }
}

/// A code of a `type: code` fact, with the labels readers see.
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    pub id: String,
    pub ja: String,
    pub en: String,
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
    /// An amount in yen, and what it is per where the document says (`1拠点あたり`).
    Yen {
        amount: u64,
        per: Option<Per>,
    },
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
    /// Codes of the fact's declared list; `multiple` when the fact allows several.
    Code {
        codes: Vec<Code>,
        multiple: bool,
    },
}

impl FactValue {
    /// An amount with no qualifier.
    pub fn yen(amount: u64) -> FactValue {
        FactValue::Yen { amount, per: None }
    }

    /// What the amount is per, for amounts that say.
    pub fn per(&self) -> Option<&Per> {
        match self {
            FactValue::Yen { per, .. } => per.as_ref(),
            _ => None,
        }
    }

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
            FactValue::Yen { amount, .. } => json!(amount),
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
            FactValue::Code {
                codes,
                multiple: true,
            } => {
                json!(codes.iter().map(|c| c.id.as_str()).collect::<Vec<_>>())
            }
            FactValue::Code { codes, .. } => json!(codes.first().map(|c| c.id.as_str())),
        }
    }

    /// Japanese display in the conventions of the documents: `3,000千円`, `3分の2`,
    /// `平成30年度〜令和2年度`, `3年間`.
    pub fn display_ja(&self) -> String {
        match self {
            FactValue::Yen { amount, per: None } => yen_ja(*amount),
            FactValue::Yen {
                amount,
                per: Some(per),
            } => format!("1{}あたり{}", per.ja, yen_ja(*amount)),
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
            FactValue::Code { codes, .. } => codes
                .iter()
                .map(|c| c.ja.as_str())
                .collect::<Vec<_>>()
                .join("、"),
        }
    }

    /// English display: amounts exact (`¥4,657,000 per area`, never rounded), `2/3`,
    /// `fixed amount`, `FY2018–FY2020`, `3 years`, code labels in English.
    pub fn display_en(&self) -> String {
        match self {
            FactValue::Yen { amount, per: None } => yen_en(*amount),
            FactValue::Yen {
                amount,
                per: Some(per),
            } => format!("{} per {}", yen_en(*amount), per.text(Lang::En).0),
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
            FactValue::Code { codes, .. } => codes
                .iter()
                .map(|c| c.en.as_str())
                .collect::<Vec<_>>()
                .join(", "),
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
