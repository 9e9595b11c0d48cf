//! Strict YAML: serde_yaml errors turned into diagnostics that point at the line and suggest a fix.

use crate::diagnostics::{did_you_mean, line_col, Diagnostic, SourceFile};
use crate::load::mistakes;
use crate::messages::Text;
use crate::msg;

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

/// Deserializes `yaml`, which starts at byte `offset` of `file`, into `T`. A known typing
/// mistake (a full-width colon, a tab that indents, …) is reported as such before the YAML is
/// read, because the parser would report it as something else, or not at all.
pub fn from_str<T: serde::de::DeserializeOwned>(
    yaml: &str,
    file: &SourceFile,
    offset: usize,
    what: Input,
) -> Result<T, Diagnostic> {
    let value = from_str_once(yaml, file, offset, what)?;
    // A key repeated in a free map (`extra:`, `facts:`) is read without a word, the last one
    // winning; as a plain YAML value it is refused, so that it is found like a repeated field.
    match serde_yaml::from_str::<serde_yaml::Value>(yaml) {
        Err(e) => Err(diagnostic(&e, yaml, file, offset, what)),
        Ok(_) => Ok(value),
    }
}

/// Like [`from_str`], for a type whose free maps refuse a repeated key themselves (read through
/// [`unique_map`] and [`json_value`]): the YAML is read once, not twice. Front matter takes this
/// way, once per page.
pub fn from_str_once<T: serde::de::DeserializeOwned>(
    yaml: &str,
    file: &SourceFile,
    offset: usize,
    what: Input,
) -> Result<T, Diagnostic> {
    if let Some(mistake) = mistakes::scan(yaml) {
        return Err(mistake.diagnostic(file, offset));
    }
    serde_yaml::from_str(yaml).map_err(|e| {
        // serde_yaml reads as far as the type needs: `title: [a` is first "a list, not text".
        // Where the YAML itself is broken, that is what needs fixing.
        match serde_yaml::from_str::<serde_yaml::Value>(yaml) {
            Err(syntax) if is_wrong_form(&e) => {
                unclosed_at_opening(&syntax, yaml, file, offset, what)
                    .unwrap_or_else(|| diagnostic(&syntax, yaml, file, offset, what))
            }
            _ => diagnostic(&e, yaml, file, offset, what),
        }
    })
}

/// A free map (`facts:`), in the order written, a repeated key refused where it repeats (a YAML
/// mapping refuses it; a map type would keep the last without a word).
pub fn unique_map<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<indexmap::IndexMap<String, serde_yaml::Value>, D::Error> {
    use serde::de::Error;
    let mapping = <serde_yaml::Mapping as serde::Deserialize>::deserialize(d)?;
    mapping
        .into_iter()
        .map(|(key, value)| match key {
            serde_yaml::Value::String(k) => Ok((k, value)),
            serde_yaml::Value::Number(n) => Ok((n.to_string(), value)),
            serde_yaml::Value::Bool(b) => Ok((b.to_string(), value)),
            _ => Err(D::Error::custom(
                "invalid type: a key must be a word or a number",
            )),
        })
        .collect()
}

/// Free YAML (`extra:`) as JSON for the templates, a repeated key refused at any depth.
pub fn json_value<'de, D: serde::Deserializer<'de>>(d: D) -> Result<serde_json::Value, D::Error> {
    use serde::de::Error;
    let value = <serde_yaml::Value as serde::Deserialize>::deserialize(d)?;
    serde_json::to_value(value).map_err(D::Error::custom)
}

/// Whether serde_yaml's error is about a value of the wrong form, at any key.
fn is_wrong_form(err: &serde_yaml::Error) -> bool {
    let message = err.to_string();
    let message = message
        .split_once(": ")
        .map_or(message.as_str(), |(path, rest)| {
            if is_key_path(path) {
                rest
            } else {
                &message
            }
        });
    wrong_form(message).is_some()
}

/// Turns a serde_yaml error into a diagnostic with the file position, a clearer message and a hint.
pub fn diagnostic(
    err: &serde_yaml::Error,
    yaml: &str,
    file: &SourceFile,
    offset: usize,
    what: Input,
) -> Diagnostic {
    let raw = err.to_string();
    if let Some(unclosed) = Unclosed::of(&raw, yaml) {
        // Where libyaml stopped (the end of the list that was never closed), naming the bracket.
        let line = line_col(&file.text, offset + unclosed.at).0;
        let position = err.location().map(|l| offset + l.index().min(yaml.len()));
        return located(
            Diagnostic::error(unclosed.message(what, Some(line))),
            file,
            yaml,
            offset,
            position,
        )
        .hint(unclosed.hint());
    }
    // serde_yaml appends " at line L column C" to its message; we show the position ourselves.
    let message = raw.split(" at line ").next().unwrap_or(&raw).trim();
    // In a list, serde_yaml names the item first (`.[3]: unknown field …`); the position says it.
    let message = match message.strip_prefix(".[") {
        Some(rest) => rest.split_once("]: ").map_or(message, |(_, m)| m),
        None => message,
    };
    // A value of the wrong form, or a repeated key, in a map comes after the key's path
    // (`markdown.raw_html: unknown variant …`, `weight: invalid type: …`).
    let (path, message) = match message.split_once(": ") {
        Some((path, rest)) if is_key_path(path) && names_a_key(rest) => (Some(path), rest),
        _ => (None, message),
    };
    let mut position = err.location().map(|l| offset + l.index().min(yaml.len()));
    if let Some(key) = repeated_key(message) {
        // serde_yaml points at the map; the repeated key is what needs fixing, and the first
        // one is named so that the author can choose which to keep.
        let at = position.map_or(0, |p| p - offset);
        let from = yaml[..at].rfind('\n').map_or(0, |i| i + 1);
        let first = nth_key_line(&yaml[from..], key, 1);
        if let (Some(first), Some(second)) = (first, nth_key_line(&yaml[from..], key, 2)) {
            position = Some(offset + from + second);
            let first_line = line_col(&file.text, offset + from + first).0;
            return located(
                Diagnostic::error(msg!("yaml-duplicate-key", key = key, line = first_line)),
                file,
                yaml,
                offset,
                position,
            )
            .hint(msg!("yaml-duplicate-key-hint", key = key));
        }
    }
    let (message, hint) = explain(message, path, what);
    let d = located(Diagnostic::error(message), file, yaml, offset, position);
    match hint {
        Some(h) => d.hint(h),
        None => d,
    }
}

/// `d` at `position` (a byte offset in `file`), underlining the whole word that starts there so
/// that the underline covers the key; at the start of the YAML when serde_yaml gave no position.
fn located(
    d: Diagnostic,
    file: &SourceFile,
    yaml: &str,
    offset: usize,
    position: Option<usize>,
) -> Diagnostic {
    match position {
        Some(p) => {
            let end = yaml[p - offset..]
                .find([':', '\n'])
                .map_or(p, |i| p + i.max(1));
            d.at(file, p..end)
        }
        None => d.at(file, offset..offset),
    }
}

/// A `[` or `{` that is never closed: libyaml notices it where the brackets should have ended
/// (often a later line) and names where they opened ("…, while parsing a flow sequence at line
/// 2 column 8").
struct Unclosed {
    open: char,
    close: char,
    /// Byte offset of the opening bracket in the YAML.
    at: usize,
}

impl Unclosed {
    fn of(raw: &str, yaml: &str) -> Option<Unclosed> {
        let (_, context) = raw.split_once(", while parsing a flow ")?;
        let (kind, at) = context.split_once(" at line ")?;
        let (open, close) = match kind {
            "sequence" => ('[', ']'),
            "mapping" => ('{', '}'),
            _ => return None,
        };
        let (line, column) = at.split_once(" column ")?;
        let line: usize = line.trim().parse().ok()?;
        let column: usize = column.trim().parse().ok()?;
        let line_start = crate::diagnostics::line_range(yaml, line).start;
        let (i, _) = yaml[line_start..]
            .char_indices()
            .nth(column.checked_sub(1)?)?;
        Some(Unclosed {
            open,
            close,
            at: line_start + i,
        })
    }

    /// The message, naming the bracket here, or on `line` when it is elsewhere.
    fn message(&self, what: Input, line: Option<usize>) -> Text {
        let open = self.open.to_string();
        match line {
            Some(line) => msg!(
                "yaml-unclosed-on-line",
                what = what.text(),
                open = open,
                line = line
            ),
            None => msg!("yaml-unclosed-here", what = what.text(), open = open),
        }
    }

    fn hint(&self) -> Text {
        msg!(
            "yaml-unclosed-hint",
            close = self.close.to_string(),
            open = self.open.to_string()
        )
    }
}

/// The error for a YAML whose value of the wrong form is an unclosed bracket (`title: [ 大阪`):
/// at the bracket, which is where the fix is.
fn unclosed_at_opening(
    err: &serde_yaml::Error,
    yaml: &str,
    file: &SourceFile,
    offset: usize,
    what: Input,
) -> Option<Diagnostic> {
    let unclosed = Unclosed::of(&err.to_string(), yaml)?;
    let at = offset + unclosed.at;
    Some(
        Diagnostic::error(unclosed.message(what, None))
            .at(file, at..at + 1)
            .hint(unclosed.hint()),
    )
}

/// The key that a "duplicate field `x`" (in a struct) or "duplicate entry with key "x"" (in a
/// map) error names.
fn repeated_key(message: &str) -> Option<&str> {
    let field = message
        .strip_prefix("duplicate field ")
        .map(|k| k.trim_matches('`'));
    field.or_else(|| {
        let key = message.strip_prefix("duplicate entry with key ")?;
        Some(key.trim_matches('"'))
    })
}

/// The errors serde_yaml puts after the path of the key they are about.
fn names_a_key(message: &str) -> bool {
    [
        "unknown variant ",
        "invalid type: ",
        "invalid value: ",
        "duplicate field ",
        "duplicate entry with key ",
    ]
    .iter()
    .any(|m| message.starts_with(m))
}

/// `markdown.raw_html`, `facts.rate.type`: the path serde_yaml puts before a nested error.
fn is_key_path(path: &str) -> bool {
    !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '[' | ']'))
}

/// Rewrites serde's wording for people who write YAML, not Rust.
fn explain(message: &str, path: Option<&str>, what: Input) -> (Text, Option<Text>) {
    let quoted = backticked(message);
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let key = quoted.first().cloned().unwrap_or_default();
        let allowed: Vec<&str> = quoted.iter().skip(1).map(String::as_str).collect();
        let list = allowed.join(", ");
        let what_text = what.text();
        let hint = match did_you_mean(&key, allowed.iter().copied()) {
            Some(s) => msg!(
                "yaml-unknown-key-did-you-mean",
                suggestion = s,
                what = &what_text,
                allowed = list
            ),
            None if rest.contains("expected") => {
                msg!(
                    "yaml-unknown-key-allowed",
                    what = &what_text,
                    allowed = list
                )
            }
            None => msg!("yaml-unknown-key-remove"),
        };
        let hint = if what == Input::FrontMatter {
            msg!("yaml-unknown-key-extra", hint = hint)
        } else {
            hint
        };
        return (
            msg!("yaml-unknown-key", key = key, what = what_text),
            Some(hint),
        );
    }
    if message.starts_with("unknown variant ") {
        let value = quoted.first().cloned().unwrap_or_default();
        let allowed: Vec<&str> = quoted.iter().skip(1).map(String::as_str).collect();
        let list = allowed.join(", ");
        let hint = match did_you_mean(&value, allowed.iter().copied()) {
            Some(s) => msg!(
                "yaml-unknown-value-did-you-mean",
                suggestion = s,
                allowed = list
            ),
            None => msg!("yaml-unknown-value-allowed", allowed = list),
        };
        let message = match path {
            Some(key) => msg!(
                "yaml-unknown-value-for",
                value = value,
                key = key,
                what = what.text()
            ),
            None => msg!("yaml-unknown-value", value = value, what = what.text()),
        };
        return (message, Some(hint));
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        let field = field.trim_matches('`');
        return (
            msg!("yaml-missing-key", what = what.text(), key = field),
            Some(msg!("yaml-missing-key-hint", key = field)),
        );
    }
    if let Some((found, expected)) = wrong_form(message) {
        if let Some(key) = path {
            if let Some((message, hint)) = mistakes::invalid_value(key, found, expected) {
                return (message, Some(hint));
            }
            return (
                msg!(
                    "yaml-wrong-form",
                    key = key,
                    expected = Form::of(expected).text(),
                    found = plain_value(found)
                ),
                Some(form_hint(key, expected)),
            );
        }
    }
    if message.starts_with("invalid type") {
        return (
            msg!("yaml-invalid-type", why = message, what = what.text()),
            Some(msg!("yaml-check-form-hint")),
        );
    }
    (
        msg!("yaml-invalid", what = what.text(), why = message),
        Some(msg!("yaml-invalid-hint")),
    )
}

/// What a YAML text is, for the messages about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    FrontMatter,
    SiteYaml,
    Glossary,
    /// A theme's `i18n/*.yaml`.
    UiStrings,
}

impl Input {
    pub fn text(self) -> Text {
        match self {
            Input::FrontMatter => msg!("what-front-matter"),
            Input::SiteYaml => msg!("what-site-yaml"),
            Input::Glossary => msg!("what-glossary"),
            Input::UiStrings => msg!("what-ui-strings"),
        }
    }
}

/// (what was found, what was expected) of `invalid type: string "x", expected a sequence`.
fn wrong_form(message: &str) -> Option<(&str, &str)> {
    let rest = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))?;
    rest.rsplit_once(", expected ")
}

/// A form serde expects, in the words of someone who writes YAML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form<'a> {
    WholeNumber,
    Boolean,
    List,
    Text,
    Map,
    /// Named by serde in words of its own.
    Other(&'a str),
}

impl<'a> Form<'a> {
    fn of(expected: &'a str) -> Form<'a> {
        match expected {
            "i64"
            | "u64"
            | "i32"
            | "u32"
            | "usize"
            | "an integer"
            | "a whole number, like `10`" => Form::WholeNumber,
            "a boolean" | "`true` or `false`" => Form::Boolean,
            "a sequence" => Form::List,
            "a string" => Form::Text,
            "a map" => Form::Map,
            e if e.starts_with("struct ") => Form::Map,
            e => Form::Other(e),
        }
    }

    fn text(self) -> Text {
        match self {
            Form::WholeNumber => msg!("form-whole-number"),
            Form::Boolean => msg!("form-boolean"),
            Form::List => msg!("form-list"),
            Form::Text => msg!("form-text"),
            Form::Map => msg!("form-map"),
            Form::Other(e) => Text::verbatim(e),
        }
    }
}

/// How to write a value of the form `expected` under `key` (its last part, as written).
fn form_hint(key: &str, expected: &str) -> Text {
    let key = key.rsplit('.').next().unwrap_or(key);
    match Form::of(expected) {
        Form::Boolean => msg!("yaml-write-boolean-hint", key = key),
        Form::WholeNumber => msg!("yaml-write-number-hint", key = key),
        Form::List => msg!("yaml-write-list-hint", key = key),
        _ => msg!("yaml-check-form-hint"),
    }
}

/// What serde found, in plain words: `string "x"` → `` `x` ``, `sequence` → `a list`; a number
/// or a boolean as serde names it (`integer `5``).
fn plain_value(found: &str) -> Text {
    if let Some(text) = found
        .strip_prefix("string \"")
        .and_then(|s| s.strip_suffix('"'))
    {
        return Text::verbatim(format!("`{text}`"));
    }
    match found {
        "sequence" => msg!("value-a-list"),
        "map" => msg!("value-a-map"),
        "unit value" => msg!("value-empty"),
        _ => Text::verbatim(found),
    }
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
        let d = from_str::<T>(yaml, &file(text), 4, Input::FrontMatter).unwrap_err();
        assert_eq!(d.message, "unknown key `titel` in front matter");
        assert_eq!(d.location(), "x.md:3:1");
        assert!(d.hint.unwrap().contains("did you mean `title`?"));
    }

    #[test]
    fn a_repeated_key_is_pointed_at_where_it_repeats() {
        let text = "---\ntitle: a\nweight: 1\ntitle: b\n---\n";
        let yaml = &text[4..text.len() - 4];
        let d = from_str::<T>(yaml, &file(text), 4, Input::FrontMatter).unwrap_err();
        assert!(
            d.message.contains("duplicate field `title`"),
            "{}",
            d.message
        );
        assert_eq!(d.location(), "x.md:4:1");
    }

    #[test]
    fn a_repeated_key_names_the_first_one_at_any_depth() {
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct S {
            source: Option<T>,
            #[serde(default)]
            extra: serde_json::Value,
        }
        let cases = [
            ("title: a\nweight: 1\ntitle: b\n", "title", "x.md:3:1", 1),
            ("source:\n  title: a\n  title: b\n", "title", "x.md:3:3", 2),
            ("extra:\n  x: 1\n  y: 2\n  x: 3\n", "x", "x.md:4:3", 2),
        ];
        for (text, key, at, first) in cases {
            let d = match text.starts_with("title") {
                true => from_str::<T>(text, &file(text), 0, Input::FrontMatter).unwrap_err(),
                false => from_str::<S>(text, &file(text), 0, Input::FrontMatter).unwrap_err(),
            };
            assert_eq!(
                d.message,
                format!("duplicate field `{key}`: it is written here and on line {first}")
            );
            assert_eq!(d.location(), at, "{text}");
            assert_eq!(
                d.hint.as_deref(),
                Some(format!("keep one of the two `{key}:` lines and delete the other").as_str())
            );
        }
    }

    #[test]
    fn a_value_of_the_wrong_form_names_its_key_in_plain_words() {
        let text = "title: a\nweight: [1]\n";
        let d = from_str::<T>(text, &file(text), 0, Input::FrontMatter).unwrap_err();
        assert_eq!(
            d.message,
            "`weight` should be a whole number, like `10`, not a list"
        );
        assert_eq!(d.location(), "x.md:2:9");
        assert_eq!(
            d.hint.as_deref(),
            Some("write the number in digits, like `weight: 10`")
        );
    }

    #[test]
    fn a_known_mistake_is_named_before_the_yaml_is_read() {
        let text = "title：a\n";
        let d = from_str::<T>(text, &file(text), 0, Input::FrontMatter).unwrap_err();
        assert!(
            d.message.starts_with("a full-width colon `：`"),
            "{}",
            d.message
        );
        assert_eq!(d.location(), "x.md:1:6");
    }

    #[test]
    fn an_unclosed_bracket_is_pointed_at_where_it_opens() {
        let text = "title: [ 大阪\nkind: plan\n";
        let d = from_str::<T>(text, &file(text), 0, Input::FrontMatter).unwrap_err();
        assert_eq!(
            d.message,
            "front matter is not valid YAML: the `[` here is never closed"
        );
        assert_eq!(d.location(), "x.md:1:8");
        assert_eq!(
            d.hint.as_deref(),
            Some("close it with `]`; a text that starts with `[` needs quotes around it")
        );
    }

    #[test]
    fn an_unclosed_bracket_is_named_where_the_yaml_ends() {
        let text = "title: a\nweight: [1, 2\n";
        let d =
            from_str::<serde_yaml::Value>(text, &file(text), 0, Input::FrontMatter).unwrap_err();
        assert_eq!(
            d.message,
            "front matter is not valid YAML: the `[` on line 2 is never closed"
        );
        assert_eq!(d.location(), "x.md:3:1");
    }

    #[test]
    fn missing_field_says_what_to_add() {
        let text = "weight: 1\n";
        let d = from_str::<T>(text, &file(text), 0, Input::FrontMatter).unwrap_err();
        assert_eq!(d.message, "front matter has no `title`");
    }

    #[test]
    fn syntax_errors_point_inside_the_file() {
        let text = "---\ntitle: [a\n---\n";
        let yaml = &text[4..13];
        let d = from_str::<T>(yaml, &file(text), 4, Input::FrontMatter).unwrap_err();
        assert!(d.message.contains("not valid YAML"), "{}", d.message);
        let (line, _) = d.line_col().unwrap();
        assert!(line >= 2, "{line}");
    }
}
