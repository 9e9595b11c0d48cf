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
#[derive(Debug, Clone, PartialEq)]
pub enum FactValue {
    Text(String),
    List(Vec<String>),
}
pub fn parse_fact(_ty: FactType, raw: &str) -> Result<FactValue, String> {
    Ok(FactValue::Text(raw.into()))
}
pub fn parse_list(items: &[String]) -> FactValue {
    FactValue::List(items.to_vec())
}
impl FactValue {
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    pub fn display_ja(&self) -> String {
        String::new()
    }
    pub fn display_en(&self) -> String {
        String::new()
    }
}
