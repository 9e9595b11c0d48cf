// TEMPORARY stand-in until the real module lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    Verbatim,
    Modified,
    OwnWording,
}
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub canonical: usize,
    pub class: Class,
    pub similarity: f64,
}
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Matched(Vec<Match>),
    Own,
}
#[derive(Debug, Clone, PartialEq)]
pub struct ItemResult {
    pub outcome: Outcome,
    pub ambiguous: Option<(usize, usize)>,
}
pub fn match_item(
    item: &str,
    markers: &[usize],
    canonical: &[&str],
    _threshold: f64,
) -> ItemResult {
    let m: Vec<Match> = if markers.is_empty() {
        canonical
            .iter()
            .position(|c| *c == item)
            .into_iter()
            .collect()
    } else {
        markers.to_vec()
    }
    .into_iter()
    .map(|i| Match {
        canonical: i,
        class: Class::Verbatim,
        similarity: 1.0,
    })
    .collect();
    ItemResult {
        outcome: if m.is_empty() {
            Outcome::Own
        } else {
            Outcome::Matched(m)
        },
        ambiguous: None,
    }
}
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "op", content = "text", rename_all = "snake_case")]
pub enum Segment {
    Equal(String),
    Delete(String),
    Insert(String),
}
pub fn diff(_canonical: &str, text: &str) -> Vec<Segment> {
    vec![Segment::Equal(text.into())]
}
pub fn diff_html(_segments: &[Segment]) -> String {
    String::new()
}
