// TEMPORARY stand-in until the real module lands.
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
