//! Facts that are text: a sentence, or a list of items.

use super::FactValue;
use crate::messages::Text;
use crate::msg;

pub(super) fn parse_text(raw: &str) -> Result<FactValue, Text> {
    let text = raw.trim();
    if text.is_empty() {
        Err(msg!("text-expected"))
    } else {
        Ok(FactValue::Text(text.to_string()))
    }
}

/// A list written as one string: items on separate lines (with or without `-`/`・` bullets) or
/// separated by `、` `;` or a comma that is not a thousands separator.
pub(super) fn parse_list_text(raw: &str) -> Result<FactValue, Text> {
    let chars: Vec<char> = raw.chars().collect();
    let mut items = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if is_list_separator(&chars, i, c) {
            items.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    items.push(current);
    let items: Vec<String> = items
        .iter()
        .map(|s| strip_bullet(s.trim()).trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if items.is_empty() {
        Err(msg!("list-expected"))
    } else {
        Ok(FactValue::List(items))
    }
}

fn is_list_separator(chars: &[char], i: usize, c: char) -> bool {
    match c {
        '\n' | '、' | ';' | '；' | '，' => true,
        ',' => {
            let digit_at = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(char::is_ascii_digit)
            };
            !(digit_at(i.checked_sub(1)) && digit_at(i.checked_add(1)))
        }
        _ => false,
    }
}

fn strip_bullet(item: &str) -> &str {
    ["- ", "* ", "・", "•", "〇", "○"]
        .iter()
        .find_map(|b| item.strip_prefix(b))
        .unwrap_or(item)
}

#[cfg(test)]
mod tests {
    use crate::guidance::facts::fixtures::*;
    use crate::guidance::facts::*;
    use serde_json::json;

    #[test]
    fn text_values() {
        let t = parse_fact(FactType::Text, "  市町村  ").expect("text");
        assert_eq!(t, FactValue::Text("市町村".into()));
        assert_eq!(t.display_ja(), "市町村");
        assert_eq!(t.display_en(), "市町村");
        assert_eq!(t.to_json(), json!("市町村"));
        assert_eq!(
            err(FactType::Text, " \n "),
            "expected some text, got nothing"
        );
    }

    #[test]
    fn list_values() {
        let items = vec![" 市町村 ".to_string(), String::new(), "NPO法人".to_string()];
        let l = parse_list(&items);
        assert_eq!(l, FactValue::List(vec!["市町村".into(), "NPO法人".into()]));
        assert_eq!(l.display_ja(), "市町村、NPO法人");
        assert_eq!(l.display_en(), "市町村, NPO法人");
        assert_eq!(l.to_json(), json!(["市町村", "NPO法人"]));
        assert_eq!(parse_list(&[]), FactValue::List(vec![]));

        let from_text =
            |s: &str| parse_fact(FactType::List, s).unwrap_or_else(|e| panic!("{s:?}: {e}"));
        let abc = FactValue::List(vec!["市町村".into(), "NPO法人".into(), "企業".into()]);
        assert_eq!(from_text("市町村、NPO法人、企業"), abc);
        assert_eq!(from_text("- 市町村\n- NPO法人\n- 企業\n"), abc);
        assert_eq!(from_text("・市町村\n・NPO法人\n・企業"), abc);
        assert_eq!(from_text("市町村, NPO法人; 企業"), abc);
        assert_eq!(
            from_text("上限1,000千円、市町村"),
            FactValue::List(vec!["上限1,000千円".into(), "市町村".into()])
        );
        assert!(err(FactType::List, " 、 \n").starts_with("expected a list"));
    }
}
