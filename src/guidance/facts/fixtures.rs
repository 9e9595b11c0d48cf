//! Readers of fact text that the tests of several families share.

use super::{parse_fact, FactType, FactValue, Rate};

pub(super) fn yen(s: &str) -> u64 {
    match parse_fact(FactType::Yen, s) {
        Ok(FactValue::Yen { amount, .. }) => amount,
        other => panic!("{s:?}: {other:?}"),
    }
}

pub(super) fn rate(s: &str) -> FactValue {
    parse_fact(FactType::Rate, s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

pub(super) fn fy(s: &str) -> FactValue {
    parse_fact(FactType::FiscalYears, s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

pub(super) fn err(ty: FactType, s: &str) -> String {
    parse_fact(ty, s).expect_err(s).en().to_string()
}

pub(super) fn frac(num: u32, den: u32) -> Rate {
    Rate::Fraction { num, den }
}

pub(super) fn fixed() -> Rate {
    Rate::Label("定額".to_string())
}

pub(super) fn schedule(entries: &[(&str, Rate)]) -> FactValue {
    FactValue::RateSchedule(
        entries
            .iter()
            .map(|(l, r)| (l.to_string(), r.clone()))
            .collect(),
    )
}
