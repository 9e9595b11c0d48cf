//! Facts given per obligation item (SPEC §6.1, `scope: obligation`): a nested item
//! `- 予算上限：1拠点あたり1,060千円` or `- 市町村事業：ア、オ（…）` under a prefecture's obligation
//! item is that fact of that item when its label names a `scope: obligation` fact (by its id or
//! its label in either language). Other nested items stay detail.
//!
//! They are read here rather than in the parse stage because the labels come from site.yaml.
//! Messages are written beside their checks, one function each.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::guidance::facts::FactType;
use crate::messages::Text;
use crate::model::config::FactDecl;
use crate::model::{Config, Doc, FactState, FactText, ItemFact, NestedLine};
use crate::msg;

/// The facts among the nested lines of an item of `doc`, and the lines read as facts (to leave out of the
/// detail, which would repeat them).
pub fn read(
    config: &Config,
    nested: &[NestedLine],
    doc: &Doc,
    diags: &mut Diagnostics,
) -> (Vec<ItemFact>, Vec<String>) {
    let mut facts: Vec<ItemFact> = Vec::new();
    let mut lines = Vec::new();
    for line in nested {
        let Some((label, value)) = split_label(&line.text) else {
            continue;
        };
        let Some((key, decl)) = config.obligation_fact(label) else {
            continue;
        };
        lines.push(line.text.clone());
        if facts.iter().any(|f| f.key == key) {
            diags.push(
                given_twice(key, label).at(&doc.file(), line.span.start..line.span.start + 1),
            );
            continue;
        }
        match read_value(config, decl, value) {
            Ok((fact_state, note, missing_unit)) => {
                if let Some(ja) = missing_unit {
                    diags.push(
                        unit_without_english(&ja)
                            .at(&doc.file(), line.span.start..line.span.start + 1),
                    );
                }
                facts.push(ItemFact {
                    key: key.to_string(),
                    raw: value.to_string(),
                    state: fact_state,
                    note,
                });
            }
            Err(e) => diags.push(
                unreadable(key, label, value, &e)
                    .at(&doc.file(), line.span.start..line.span.start + 1),
            ),
        }
    }
    (facts, lines)
}

/// Whether a line of an (English) detail gives a per-obligation fact, by its label.
pub fn is_fact_line(config: &Config, line: &str) -> bool {
    split_label(line).is_some_and(|(label, _)| config.obligation_fact(label).is_some())
}

/// The detail without the lines read as facts.
pub fn without_lines(detail: &str, drop: impl Fn(&str) -> bool) -> String {
    detail
        .lines()
        .filter(|l| !drop(l.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `予算上限：…` → (`予算上限`, `…`): the label before the first colon (full-width or not).
fn split_label(line: &str) -> Option<(&str, &str)> {
    let at = line.find(['：', ':'])?;
    let colon = line[at..].chars().next()?.len_utf8();
    let (label, value) = (line[..at].trim(), line[at + colon..].trim());
    (!label.is_empty()).then_some((label, value))
}

/// The state and value, a remark in brackets after a code or `該当なし` (kept as the note), and
/// an amount's qualifier that `units:` does not translate.
fn read_value(
    config: &Config,
    decl: &FactDecl,
    value: &str,
) -> Result<(FactState, Option<String>, Option<String>), Text> {
    let (head, remark) = split_remark(value);
    if let Some(state) = FactState::of_written(head) {
        return Ok((state, remark, None));
    }
    // Amounts and texts are read whole: the words around an amount are ignored by its reader.
    let (written, note) = match decl.ty {
        FactType::Code => (head, remark),
        _ => (value, None),
    };
    let parsed = decl.read(&FactText::Text(written.to_string()))?;
    let (state, missing) = config.qualify(FactState::Stated(parsed), None);
    Ok((state, note, missing))
}

/// `ア、オ（地域の…）` → (`ア、オ`, `地域の…`); a value without a closing bracket is whole.
fn split_remark(value: &str) -> (&str, Option<String>) {
    let v = value.trim();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = v.strip_suffix(close) {
            if let Some(at) = inner.find(open) {
                let head = inner[..at].trim();
                if !head.is_empty() {
                    return (head, Some(inner[at + open.len_utf8()..].trim().to_string()));
                }
            }
        }
    }
    (v, None)
}

fn unreadable(key: &str, label: &str, value: &str, e: &Text) -> Diagnostic {
    Diagnostic::error(msg!(
        "item-fact-unreadable",
        label = label,
        key = key,
        value = value,
        why = e
    ))
    .hint(msg!("item-fact-unreadable-hint"))
}

fn given_twice(key: &str, label: &str) -> Diagnostic {
    Diagnostic::error(msg!("item-fact-twice", label = label, key = key))
        .hint(msg!("item-fact-twice-hint"))
}

fn unit_without_english(ja: &str) -> Diagnostic {
    Diagnostic::warning(msg!("unit-without-english", unit = ja))
        .hint(msg!("unit-without-english-hint", unit = ja))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_remarks() {
        assert_eq!(split_label("予算上限：1拠点"), Some(("予算上限", "1拠点")));
        assert_eq!(
            split_label("Budget cap: x: y"),
            Some(("Budget cap", "x: y"))
        );
        assert_eq!(split_label("：x"), None);
        assert_eq!(split_label("ただの説明"), None);
        assert_eq!(
            split_remark("ア、オ（地域の医療・介護の資源の把握、相談支援）"),
            (
                "ア、オ",
                Some("地域の医療・介護の資源の把握、相談支援".to_string())
            )
        );
        assert_eq!(
            split_remark("該当なし(上記で対応)"),
            ("該当なし", Some("上記で対応".to_string()))
        );
        assert_eq!(split_remark("（全体）"), ("（全体）", None));
        assert_eq!(
            without_lines("a\n予算上限：1\nb", |l| l.starts_with("予算")),
            "a\nb"
        );
    }
}
