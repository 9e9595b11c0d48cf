//! Facts as the pages give them (SPEC §6, §6.1): each a variable of the codebook with an explicit
//! state, so that "the page does not say" and "the page says it does not apply" are never read as
//! a blank, and with what the value is as of and any note the author adds.

use std::ops::Range;

use crate::guidance::dates::DateValue;
use crate::guidance::facts::{self, FactType, FactValue, Per};

use super::config::FactDecl;
use super::{Config, Lang};

impl FactDecl {
    /// Reads a value as written by the fact's type: codes against the declared list.
    pub fn read(&self, written: &FactText) -> Result<FactValue, crate::messages::Text> {
        match (self.ty, written) {
            (FactType::Code, w) => facts::parse_code(&w.parts(), &self.choices(), self.multiple),
            (_, FactText::List(items)) => Ok(facts::parse_list(items)),
            (ty, FactText::Text(text)) => facts::parse_fact(ty, text),
        }
    }
}

impl Config {
    /// Sets what an amount is per (`per`, where the author names it, else what the text says)
    /// and its English from `units:`. Returns the qualifier when `units:` has no English for it.
    pub fn qualify(&self, state: FactState, per: Option<String>) -> (FactState, Option<String>) {
        let FactState::Stated(FactValue::Yen { amount, per: found }) = state else {
            return (state, None);
        };
        let per = per.or(found.map(|p| p.ja)).map(|ja| Per {
            en: self.units.get(&ja).cloned(),
            ja,
        });
        let missing = per
            .as_ref()
            .filter(|p| p.en.is_none())
            .map(|p| p.ja.clone());
        (FactState::Stated(FactValue::Yen { amount, per }), missing)
    }
}

/// A fact a page gives: its key in site.yaml, its value as written and as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub key: String,
    pub raw: FactText,
    pub state: FactState,
    /// When the value held (`as_of: 令和6年度`).
    pub as_of: Option<DateValue>,
    /// The author's note on the value, as written.
    pub note: Option<String>,
    /// The English of a `text` or `list` value, where the author gives it.
    pub en: Option<FactText>,
}

/// Whether a value is given (SPEC §6.1): every cell of a comparison has one of these states.
#[derive(Debug, Clone, PartialEq)]
pub enum FactState {
    Stated(FactValue),
    /// The document does not give it (記載なし): a fact left out, or written `記載なし`.
    NotStated,
    /// The document says it does not apply (該当なし, `n/a`).
    NotApplicable,
}

impl FactState {
    /// The state as JSON and CSV name it.
    pub fn name(&self) -> &'static str {
        match self {
            FactState::Stated(_) => "stated",
            FactState::NotStated => "not_stated",
            FactState::NotApplicable => "not_applicable",
        }
    }

    /// What a reader of `lang` sees for a state without a value.
    pub fn label(&self, lang: Lang) -> &'static str {
        match (self, lang) {
            (FactState::Stated(_), _) => "",
            (FactState::NotStated, Lang::Ja) => "記載なし",
            (FactState::NotStated, Lang::En) => "Not stated",
            (FactState::NotApplicable, Lang::Ja) => "該当なし",
            (FactState::NotApplicable, Lang::En) => "Not applicable",
        }
    }

    /// The written text of a value that says it has none (`該当なし`, `n/a`, `記載なし`).
    pub fn of_written(text: &str) -> Option<FactState> {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        match t.to_lowercase().as_str() {
            "該当なし" | "該当無し" | "n/a" | "ｎ／ａ" | "na" => {
                Some(FactState::NotApplicable)
            }
            "記載なし" | "記載無し" | "notstated" => Some(FactState::NotStated),
            _ => None,
        }
    }

    pub fn value(&self) -> Option<&FactValue> {
        match self {
            FactState::Stated(v) => Some(v),
            _ => None,
        }
    }

    /// The value (or the state's label) for a reader of `lang`, and the language it is in.
    pub fn display(&self, lang: Lang) -> (String, Lang) {
        match self {
            FactState::Stated(v) => (v.display(lang), lang),
            other => (other.label(lang).to_string(), lang),
        }
    }
}

impl Fact {
    /// The value for a reader of `lang` and the language the text is in: a `text` or `list`
    /// value is in Japanese on English pages unless the author gave its English (`en:`).
    pub fn display(&self, lang: Lang) -> (String, Lang) {
        match (&self.state, lang) {
            (FactState::Stated(FactValue::Text(_) | FactValue::List(_)), Lang::En) => {
                match &self.en {
                    Some(FactText::Text(t)) => (t.clone(), Lang::En),
                    Some(FactText::List(items)) => (items.join(", "), Lang::En),
                    None => self.state.display(Lang::Ja),
                }
            }
            (state, lang) => state.display(lang),
        }
    }
}

/// A fact given per obligation item (`scope: obligation`): a nested item `- 予算上限: 1拠点あたり
/// 1,060千円` under a prefecture's obligation item.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemFact {
    /// The fact's key in site.yaml.
    pub key: String,
    /// The value as written after the label.
    pub raw: String,
    pub state: FactState,
    /// A remark in brackets after the value (`ア、オ（…）`, `該当なし（上記①、②で対応）`).
    pub note: Option<String>,
}

/// An item nested directly under an obligation item: its text and where it is in the file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NestedLine {
    pub text: String,
    pub span: Range<usize>,
}

/// A fact's value as written, before it is read into a typed [`FactValue`]: text, or a list of
/// texts for `list` facts.
#[derive(Debug, Clone, PartialEq)]
pub enum FactText {
    Text(String),
    List(Vec<String>),
}

impl FactText {
    pub fn display(&self) -> String {
        match self {
            FactText::Text(s) => s.clone(),
            FactText::List(items) => items.join("、"),
        }
    }

    /// Its parts: one text, or the list's items.
    pub fn parts(&self) -> Vec<String> {
        match self {
            FactText::Text(s) => vec![s.clone()],
            FactText::List(items) => items.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_states() {
        assert_eq!(
            FactState::of_written("該当なし"),
            Some(FactState::NotApplicable)
        );
        assert_eq!(
            FactState::of_written(" N/A "),
            Some(FactState::NotApplicable)
        );
        assert_eq!(
            FactState::of_written("記載なし"),
            Some(FactState::NotStated)
        );
        assert_eq!(FactState::of_written("市町村"), None);
        assert_eq!(
            FactState::NotApplicable.display(Lang::En).0,
            "Not applicable"
        );
        assert_eq!(FactState::NotStated.name(), "not_stated");
    }

    #[test]
    fn english_of_text_values_or_the_japanese() {
        let mut f = Fact {
            key: "who".into(),
            raw: FactText::Text("市町村".into()),
            state: FactState::Stated(FactValue::Text("市町村".into())),
            as_of: None,
            note: None,
            en: None,
        };
        assert_eq!(f.display(Lang::En), ("市町村".to_string(), Lang::Ja));
        f.en = Some(FactText::Text("Municipalities".into()));
        assert_eq!(
            f.display(Lang::En),
            ("Municipalities".to_string(), Lang::En)
        );
        assert_eq!(f.display(Lang::Ja), ("市町村".to_string(), Lang::Ja));
    }
}
