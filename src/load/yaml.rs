//! Strict YAML: serde_yaml errors turned into diagnostics that point at the line and suggest a fix.

use crate::diagnostics::{did_you_mean, Diagnostic, SourceFile};

/// The 1-based line on which the key at `path` is written, or 1: `source.date` is the `date:`
/// inside the `source:` mapping, never a top-level `date:`. A first key is looked for at the top
/// level, then at any depth (site.yaml's messages name some nested keys by themselves). Where a
/// nested key is not written on a line of its own (`source: { date: … }`), its parent's line.
pub fn find_key_line(text: &str, path: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let mut keys = path.split('.');
    let first = keys.next().unwrap_or_default();
    let found = find_key(&lines, 0..lines.len(), first, Some(0))
        .or_else(|| find_key(&lines, 0..lines.len(), first, None));
    let Some(mut at) = found else {
        return 1;
    };
    for key in keys {
        let block = at + 1..block_end(&lines, at);
        match find_key(&lines, block, key, None) {
            Some(line) => at = line,
            None => break,
        }
    }
    at + 1
}

/// The index of the first line in `range` that writes `key:`, at `indent` spaces if given.
fn find_key(
    lines: &[&str],
    range: std::ops::Range<usize>,
    key: &str,
    indent: Option<usize>,
) -> Option<usize> {
    range.into_iter().find(|&i| {
        let line = lines[i].trim_start();
        let here = lines[i].len() - line.len();
        let line = line.strip_prefix("- ").unwrap_or(line);
        indent.is_none_or(|n| n == here)
            && line
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
    })
}

/// Where the block of the mapping whose key is on line `at` ends: the first later line, neither
/// blank nor a comment, indented no deeper than the key.
fn block_end(lines: &[&str], at: usize) -> usize {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let own = indent(lines[at]);
    (at + 1..lines.len())
        .find(|&i| {
            let t = lines[i].trim_start();
            !t.is_empty() && !t.starts_with('#') && indent(lines[i]) <= own
        })
        .unwrap_or(lines.len())
}

/// Byte range of the value on a 1-based line `key: value` (after the colon and spaces), or the
/// whole line when it has no colon: where a diagnostic about the value points.
pub fn value_range(text: &str, line: usize) -> std::ops::Range<usize> {
    let range = crate::diagnostics::line_range(text, line);
    let line_text = &text[range.clone()];
    match line_text.find(':') {
        Some(colon) => {
            let after = &line_text[colon + 1..];
            let value = after.trim_start();
            let start = range.start + colon + 1 + (after.len() - value.len());
            start..start + value.trim_end().len()
        }
        None => range,
    }
}

/// Deserializes `yaml`, which starts at byte `offset` of `file`, into `T`.
pub fn from_str<T: serde::de::DeserializeOwned>(
    yaml: &str,
    file: &SourceFile,
    offset: usize,
    what: &str,
) -> Result<T, Diagnostic> {
    serde_yaml::from_str(yaml).map_err(|e| diagnostic(&e, yaml, file, offset, what))
}

/// Turns a serde_yaml error into a diagnostic with the file position, a clearer message and a hint.
pub fn diagnostic(
    err: &serde_yaml::Error,
    yaml: &str,
    file: &SourceFile,
    offset: usize,
    what: &str,
) -> Diagnostic {
    let raw = err.to_string();
    // serde_yaml appends " at line L column C" to its message; we show the position ourselves.
    let message = raw.split(" at line ").next().unwrap_or(&raw).trim();
    // In a list, serde_yaml names the item first (`.[3]: unknown field …`); the position says it.
    let message = match message.strip_prefix(".[") {
        Some(rest) => rest.split_once("]: ").map_or(message, |(_, m)| m),
        None => message,
    };
    // A value not among the allowed ones, in a nested map, comes after the key's path
    // (`markdown.raw_html: unknown variant …`).
    let (path, message) = match message.split_once(": ") {
        Some((path, rest)) if is_key_path(path) && rest.starts_with("unknown variant ") => {
            (Some(path), rest)
        }
        _ => (None, message),
    };
    let mut position = err.location().map(|l| offset + l.index().min(yaml.len()));
    if let Some(key) = message.strip_prefix("duplicate field ") {
        // serde_yaml points at the map; the repeated key is what needs fixing.
        let from = position.map_or(0, |p| p - offset);
        if let Some(second) = nth_key_line(&yaml[from..], key.trim_matches('`'), 2) {
            position = Some(offset + from + second);
        }
    }
    let (message, hint) = explain(message, path, what);
    let mut d = Diagnostic::error(message);
    d = match position {
        Some(p) => {
            // Point at the whole word that starts there, so the underline covers the key.
            let end = yaml[p - offset..]
                .find([':', '\n'])
                .map_or(p, |i| p + i.max(1));
            d.at(file, p..end)
        }
        None => d.at(file, offset..offset),
    };
    match hint {
        Some(h) => d.hint(h),
        None => d,
    }
}

/// `markdown.raw_html`, `facts.rate.type`: the path serde_yaml puts before a nested error.
fn is_key_path(path: &str) -> bool {
    !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '[' | ']'))
}

/// Rewrites serde's wording for people who write YAML, not Rust.
fn explain(message: &str, path: Option<&str>, what: &str) -> (String, Option<String>) {
    let quoted = backticked(message);
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let key = quoted.first().cloned().unwrap_or_default();
        let allowed: Vec<&str> = quoted.iter().skip(1).map(String::as_str).collect();
        let hint = match did_you_mean(&key, allowed.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? {what} allows: {}", allowed.join(", ")),
            None if rest.contains("expected") => format!("{what} allows: {}", allowed.join(", ")),
            None => "remove it".into(),
        };
        let extra = if what == "front matter" {
            " (free data for templates goes under `extra:`)"
        } else {
            ""
        };
        return (
            format!("unknown key `{key}` in {what}"),
            Some(format!("{hint}{extra}")),
        );
    }
    if message.starts_with("unknown variant ") {
        let value = quoted.first().cloned().unwrap_or_default();
        let allowed: Vec<&str> = quoted.iter().skip(1).map(String::as_str).collect();
        let hint = match did_you_mean(&value, allowed.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? Allowed: {}", allowed.join(", ")),
            None => format!("allowed: {}", allowed.join(", ")),
        };
        let key = path.map(|p| format!(" for `{p}`")).unwrap_or_default();
        return (
            format!("unknown value `{value}`{key} in {what}"),
            Some(hint),
        );
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        let field = field.trim_matches('`');
        return (
            format!("{what} has no `{field}`"),
            Some(format!("add a line `{field}: …`")),
        );
    }
    if message.starts_with("invalid type") {
        return (
            format!("{message} in {what}"),
            Some(
                "check the value's form: text, a number, a list (- item) or a map (key: value)"
                    .into(),
            ),
        );
    }
    (
        format!("{what} is not valid YAML: {message}"),
        Some("check indentation and quoting; a value containing `: ` or starting with `[`, `{` or `*` needs quotes".into()),
    )
}

/// Byte offset of the start of the `n`th line (1-based) that sets `key:` at the indentation of the
/// first such line.
fn nth_key_line(yaml: &str, key: &str, n: usize) -> Option<usize> {
    let mut indent = None;
    let mut seen = 0;
    let mut start = 0;
    for line in yaml.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let this_indent = line.len() - trimmed.len();
        let sets_key = trimmed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start_matches(' ').starts_with(':'));
        if sets_key && *indent.get_or_insert(this_indent) == this_indent {
            seen += 1;
            if seen == n {
                return Some(start + this_indent);
            }
        }
        start += line.len();
    }
    None
}

/// The `…`-quoted words of a serde message, in order.
fn backticked(message: &str) -> Vec<String> {
    message
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_by_their_path() {
        let yaml = "title: a\nsource:\n  title: 通知\n  # a comment\n\n  date: R5.3.31\n  url: x\ndate: 2023-01-01\nfacts:\n  rate: 1/2\n";
        assert_eq!(
            find_key_line(yaml, "date"),
            8,
            "the top-level key, not the nested one"
        );
        assert_eq!(find_key_line(yaml, "source.date"), 6);
        assert_eq!(find_key_line(yaml, "source.url"), 7);
        assert_eq!(find_key_line(yaml, "source.title"), 3);
        assert_eq!(find_key_line(yaml, "facts.rate"), 10);
        // A nested key named alone is still found; a missing one points at its parent.
        assert_eq!(find_key_line(yaml, "rate"), 10);
        assert_eq!(find_key_line(yaml, "source.issuer"), 2);
        assert_eq!(find_key_line(yaml, "missing"), 1);
        // A key of a later mapping is not taken for one of an earlier mapping.
        assert_eq!(
            find_key_line("source:\n  title: a\ndate: x\n", "source.date"),
            1
        );
        assert_eq!(find_key_line("source: { date: R5 }\n", "source.date"), 1);
    }
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: String,
        weight: Option<i64>,
    }

    fn file(text: &str) -> SourceFile {
        SourceFile {
            path: "x.md".into(),
            text: text.to_string().into(),
        }
    }

    #[test]
    fn unknown_key_is_located_and_suggested() {
        let text = "---\ntitle: a\ntitel: b\n---\n";
        let yaml = &text[4..21];
        let d = from_str::<T>(yaml, &file(text), 4, "front matter").unwrap_err();
        assert_eq!(d.message, "unknown key `titel` in front matter");
        assert_eq!(d.location(), "x.md:3:1");
        assert!(d.hint.unwrap().contains("did you mean `title`?"));
    }

    #[test]
    fn a_repeated_key_is_pointed_at_where_it_repeats() {
        let text = "---\ntitle: a\nweight: 1\ntitle: b\n---\n";
        let yaml = &text[4..text.len() - 4];
        let d = from_str::<T>(yaml, &file(text), 4, "front matter").unwrap_err();
        assert!(
            d.message.contains("duplicate field `title`"),
            "{}",
            d.message
        );
        assert_eq!(d.location(), "x.md:4:1");
    }

    #[test]
    fn missing_field_says_what_to_add() {
        let text = "weight: 1\n";
        let d = from_str::<T>(text, &file(text), 0, "front matter").unwrap_err();
        assert_eq!(d.message, "front matter has no `title`");
    }

    #[test]
    fn syntax_errors_point_inside_the_file() {
        let text = "---\ntitle: [a\n---\n";
        let yaml = &text[4..13];
        let d = from_str::<T>(yaml, &file(text), 4, "front matter").unwrap_err();
        assert!(d.message.contains("not valid YAML"), "{}", d.message);
        let (line, _) = d.line_col().unwrap();
        assert!(line >= 2, "{line}");
    }
}
