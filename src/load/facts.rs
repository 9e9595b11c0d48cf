//! The `facts:` of a page's front matter (SPEC §6, §6.1), read against the codebook of
//! site.yaml: a bare value, or a map `{ value, as_of, note, en, per }`; `該当なし` and `n/a` are
//! explicit states, codes are checked against the declared list, and an amount's qualifier gets
//! its English from `units:`.
//!
//! Every message is written in the function beside its check, so it can move into the message
//! catalogue as one piece.

use indexmap::IndexMap;
use serde_yaml::Value;

use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::guidance::dates;
use crate::guidance::facts::{FactType, FactValue};
use crate::model::config::FactDecl;
use crate::model::{Config, Fact, FactState, FactText};

/// The keys a fact's map may hold.
const MAP_KEYS: [&str; 5] = ["value", "as_of", "note", "en", "per"];

/// A problem with one fact: the key path it is at (`facts.rate.as_of`), and the diagnostic
/// without its location, which the caller knows how to find.
pub struct Problem {
    pub key: String,
    pub diagnostic: Diagnostic,
}

/// Reads every fact of a page. Problems come back with the key they are at.
pub fn read(raw: IndexMap<String, Value>, config: &Config) -> (Vec<Fact>, Vec<Problem>) {
    let mut facts = Vec::new();
    let mut problems = Vec::new();
    for (key, value) in raw {
        let at = format!("facts.{key}");
        let Some(decl) = config.facts.get(&key) else {
            problems.push(Problem {
                key: at,
                diagnostic: unknown_fact(&key, config),
            });
            continue;
        };
        match read_one(&key, decl, value, config) {
            Ok((fact, warnings)) => {
                facts.push(fact);
                problems.extend(warnings.into_iter().map(|diagnostic| Problem {
                    key: at.clone(),
                    diagnostic,
                }));
            }
            Err((sub, diagnostic)) => problems.push(Problem {
                key: match sub {
                    Some(sub) => format!("{at}.{sub}"),
                    None => at,
                },
                diagnostic,
            }),
        }
    }
    (facts, problems)
}

/// An error and the key of the map it is at, if any.
type Failure = (Option<&'static str>, Diagnostic);

fn read_one(
    key: &str,
    decl: &FactDecl,
    value: Value,
    config: &Config,
) -> Result<(Fact, Vec<Diagnostic>), Failure> {
    let mut map = match value {
        Value::Mapping(m) => m,
        bare => {
            let mut m = serde_yaml::Mapping::new();
            m.insert(Value::from("value"), bare);
            m
        }
    };
    for k in map.keys() {
        let name = k.as_str().unwrap_or_default();
        if !MAP_KEYS.contains(&name) {
            return Err((None, unknown_map_key(key, name)));
        }
    }
    let written = map
        .remove("value")
        .ok_or((None, missing_value(key)))
        .and_then(|v| text_of(&v).ok_or((Some("value"), not_text(key, "value"))))?;
    let as_of = match map.remove("as_of") {
        None => None,
        Some(v) => {
            let text = text_of(&v)
                .map(|t| t.display())
                .ok_or((Some("as_of"), not_text(key, "as_of")))?;
            Some(dates::parse_date(&text).map_err(|e| (Some("as_of"), bad_as_of(key, &text, &e)))?)
        }
    };
    let note = match map.remove("note") {
        None => None,
        Some(v) => Some(
            text_of(&v)
                .map(|t| t.display())
                .ok_or((Some("note"), not_text(key, "note")))?,
        ),
    };
    let en = match map.remove("en") {
        None => None,
        Some(_) if !matches!(decl.ty, FactType::Text | FactType::List) => {
            return Err((Some("en"), english_not_needed(key, decl.ty)))
        }
        Some(v) => Some(text_of(&v).ok_or((Some("en"), not_text(key, "en")))?),
    };
    let per = match map.remove("per") {
        None => None,
        Some(_) if decl.ty != FactType::Yen => return Err((Some("per"), per_not_amount(key))),
        Some(v) => Some(
            text_of(&v)
                .map(|t| t.display().trim().to_string())
                .ok_or((Some("per"), not_text(key, "per")))?,
        ),
    };
    let state = match state_of(&written) {
        Some(state) => state,
        None => FactState::Stated(
            value_of(decl, &written).map_err(|e| (None, unreadable(key, &written, &e)))?,
        ),
    };
    let (state, warnings) = with_units(state, per, config);
    Ok((
        Fact {
            key: key.to_string(),
            raw: written,
            state,
            as_of,
            note,
            en,
        },
        warnings,
    ))
}

/// A value written as `該当なし`, `n/a` or `記載なし` is that state, whatever the type.
fn state_of(written: &FactText) -> Option<FactState> {
    match written {
        FactText::Text(t) => FactState::of_written(t),
        FactText::List(_) => None,
    }
}

/// Reads the value by the fact's type.
fn value_of(decl: &FactDecl, written: &FactText) -> Result<FactValue, String> {
    decl.read(written)
}

/// Sets an amount's qualifier and its English; a qualifier without English warns.
fn with_units(
    state: FactState,
    per: Option<String>,
    config: &Config,
) -> (FactState, Vec<Diagnostic>) {
    let (state, missing) = config.qualify(state, per);
    (
        state,
        missing.iter().map(|ja| unit_without_english(ja)).collect(),
    )
}

/// A YAML value as fact text: a scalar, or a list of scalars.
fn text_of(v: &Value) -> Option<FactText> {
    match v {
        Value::Sequence(items) => items
            .iter()
            .map(scalar)
            .collect::<Option<Vec<_>>>()
            .map(FactText::List),
        other => scalar(other).map(FactText::Text),
    }
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn unknown_fact(key: &str, config: &Config) -> Diagnostic {
    let hint = match did_you_mean(key, config.facts.keys().map(String::as_str)) {
        Some(s) => {
            format!("did you mean `{s}`? Facts must be declared under `facts:` in site.yaml")
        }
        None => "declare it under `facts:` in site.yaml (labels and type), or move it to `extra:`"
            .into(),
    };
    Diagnostic::error(format!("unknown fact `{key}`")).hint(hint)
}

fn unknown_map_key(key: &str, name: &str) -> Diagnostic {
    let hint = match did_you_mean(name, MAP_KEYS) {
        Some(s) => format!(
            "did you mean `{s}`? A fact's map holds `value`, `as_of`, `note`, `en` and `per`"
        ),
        None => "a fact's map holds `value`, `as_of`, `note`, `en` and `per`".to_string(),
    };
    Diagnostic::error(format!("the fact `{key}` has an unknown key `{name}`")).hint(hint)
}

fn missing_value(key: &str) -> Diagnostic {
    Diagnostic::error(format!("the fact `{key}` has no `value`")).hint(
        "write the value as the document does, e.g. `{ value: 3,000千円, as_of: 令和6年度 }`; \
         if the document says it does not apply, write `value: 該当なし`",
    )
}

fn not_text(key: &str, part: &str) -> Diagnostic {
    Diagnostic::error(format!("`{part}` of the fact `{key}` is empty or not a text"))
        .hint("write a text or a number after the colon (a list for `list` facts); leave the fact out if the document does not give it")
}

fn bad_as_of(key: &str, text: &str, e: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "`as_of` of the fact `{key}` (`{text}`) is not a date: {e}"
    ))
    .hint("write when the value held, e.g. `令和6年度`, `R6.4.1` or `2024-04-01`")
}

fn english_not_needed(key: &str, ty: FactType) -> Diagnostic {
    Diagnostic::error(format!(
        "the fact `{key}` is of type `{}`, whose English is made by shishin",
        ty.name()
    ))
    .hint(
        "`en:` gives the English of `text` and `list` facts; amounts, rates, periods and dates \
         are translated from the value, codes by their labels in site.yaml",
    )
}

fn per_not_amount(key: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "`per` is given for the fact `{key}`, which is not an amount"
    ))
    .hint("`per:` says what an amount in yen is per (e.g. `per: 市町村`); remove it here")
}

fn unreadable(key: &str, written: &FactText, e: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "the fact `{key}` (`{}`) cannot be read: {e}",
        written.display()
    ))
    .hint("write the value as the source document does, e.g. `3,000千円`, `10/10`, `3分の2`, `平成30年度から平成32年度`; if the document says it does not apply, write `該当なし`")
}

pub fn unit_without_english(ja: &str) -> Diagnostic {
    Diagnostic::warning(format!(
        "the amount is per `{ja}`, which has no English in `units:`"
    ))
    .hint(format!(
        "add it to site.yaml, e.g. `units: {{ {ja}: … }}`, so English pages say what the amount is per"
    ))
}
