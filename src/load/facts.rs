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
use crate::messages::Text;
use crate::model::config::FactDecl;
use crate::model::{Config, Fact, FactState, FactText};
use crate::msg;

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
fn value_of(decl: &FactDecl, written: &FactText) -> Result<FactValue, Text> {
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
        Some(s) => msg!("unknown-fact-did-you-mean", suggestion = s),
        None => msg!("unknown-fact-hint"),
    };
    Diagnostic::error(msg!("unknown-fact", key = key)).hint(hint)
}

fn unknown_map_key(key: &str, name: &str) -> Diagnostic {
    let hint = match did_you_mean(name, MAP_KEYS) {
        Some(s) => msg!("fact-map-keys-did-you-mean", suggestion = s),
        None => msg!("fact-map-keys-hint"),
    };
    Diagnostic::error(msg!("fact-unknown-map-key", key = key, name = name)).hint(hint)
}

fn missing_value(key: &str) -> Diagnostic {
    Diagnostic::error(msg!("fact-without-value", key = key)).hint(msg!("fact-without-value-hint"))
}

fn not_text(key: &str, part: &str) -> Diagnostic {
    Diagnostic::error(msg!("fact-part-not-text", part = part, key = key))
        .hint(msg!("fact-part-not-text-hint"))
}

fn bad_as_of(key: &str, text: &str, e: &Text) -> Diagnostic {
    Diagnostic::error(msg!(
        "fact-as-of-not-a-date",
        key = key,
        value = text,
        why = e
    ))
    .hint(msg!("fact-as-of-not-a-date-hint"))
}

fn english_not_needed(key: &str, ty: FactType) -> Diagnostic {
    Diagnostic::error(msg!("fact-english-not-needed", key = key, kind = ty.name()))
        .hint(msg!("fact-english-not-needed-hint"))
}

fn per_not_amount(key: &str) -> Diagnostic {
    Diagnostic::error(msg!("fact-per-not-amount", key = key)).hint(msg!("fact-per-not-amount-hint"))
}

fn unreadable(key: &str, written: &FactText, e: &Text) -> Diagnostic {
    Diagnostic::error(msg!(
        "fact-unreadable",
        key = key,
        value = written.display(),
        why = e
    ))
    .hint(msg!("fact-unreadable-hint"))
}

pub fn unit_without_english(ja: &str) -> Diagnostic {
    Diagnostic::warning(msg!("unit-without-english", unit = ja))
        .hint(msg!("unit-without-english-hint", unit = ja))
}
