// TEMPORARY stand-in until the real module lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateValue {
    Day(chrono::NaiveDate),
    FiscalYear(i32),
}
pub fn parse_date(s: &str) -> Result<DateValue, String> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map(DateValue::Day)
        .map_err(|e| e.to_string())
}
impl DateValue {
    pub fn sort_key(&self) -> chrono::NaiveDate {
        match self {
            DateValue::Day(d) => *d,
            DateValue::FiscalYear(y) => chrono::NaiveDate::from_ymd_opt(*y, 4, 1).unwrap(),
        }
    }
    pub fn iso(&self) -> String {
        match self {
            DateValue::Day(d) => d.to_string(),
            DateValue::FiscalYear(y) => format!("FY{y}"),
        }
    }
    pub fn display_ja(&self) -> String {
        self.iso()
    }
    pub fn display_en(&self) -> String {
        self.iso()
    }
}
