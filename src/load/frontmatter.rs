//! Front matter (SPEC §4): the YAML between `---` lines at the top of a page, read strictly and typed.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::guidance::dates::{self, DateValue};
use crate::guidance::prefecture;
use crate::load::mistakes::{lenient_bool, lenient_integer};
use crate::load::yaml::find_key_line;
use crate::load::yaml::Input;
use crate::messages::Text;
use crate::model::Config;
use crate::model::{Citation, FrontMatter, Kind, Supersedes};
use crate::msg;
use crate::text::names;
use crate::text::safety::without_forbidden_characters;

/// Front matter exactly as written; unknown keys are errors. Kept by a build's parse cache as
/// JSON ([`Raw::to_json`]), so that an unchanged page's YAML is not read again.
#[derive(Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Raw {
    title: String,
    description: Option<String>,
    kind: Option<Kind>,
    prefecture: Option<Scalar>,
    date: Option<Scalar>,
    updated: Option<Scalar>,
    source: Option<RawSource>,
    #[serde(default, deserialize_with = "lenient_bool")]
    draft: bool,
    #[serde(default, deserialize_with = "lenient_integer")]
    weight: Option<i64>,
    #[serde(default, deserialize_with = "crate::load::yaml::unique_map")]
    facts: indexmap::IndexMap<String, serde_yaml::Value>,
    translated_from: Option<String>,
    supersedes: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    slug: Option<String>,
    #[serde(default, deserialize_with = "crate::load::yaml::json_value")]
    extra: serde_json::Value,
}

#[derive(Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct RawSource {
    title: Option<String>,
    issuer: Option<String>,
    number: Option<String>,
    date: Option<Scalar>,
    url: Option<String>,
}

/// A YAML scalar that may be written as a number or a string (`12`, `"01"`, `2023-03-31`).
#[derive(Debug, Deserialize, Serialize, PartialEq)]
#[serde(untagged)]
enum Scalar {
    Int(i64),
    Float(f64),
    Text(String),
}

impl Scalar {
    fn text(&self) -> String {
        match self {
            Scalar::Int(i) => i.to_string(),
            Scalar::Float(f) => f.to_string(),
            Scalar::Text(s) => s.clone(),
        }
    }
}

/// A page's front matter, read and valid.
#[derive(Debug)]
pub struct Read {
    pub front: FrontMatter,
    /// The byte range of the Markdown body after it.
    pub body: Range<usize>,
    /// What was accepted but deserves a look (a day written in an era that had ended).
    pub warnings: Diagnostics,
}

/// Splits the front matter from the body and validates it. On error, the warnings found are
/// among the diagnostics.
pub fn read(file: &SourceFile, config: &Config) -> Result<Read, Diagnostics> {
    let (raw, _) = read_raw(file)?;
    from_raw(raw, file, config)
}

/// The front matter as written, and its JSON for the parse cache when it reads back the same
/// (`None` for facts JSON cannot hold as written, such as a YAML tag).
pub fn read_raw(file: &SourceFile) -> Result<(Raw, Option<String>), Diagnostics> {
    let (yaml, _) = split(file)?;
    let yaml_text = &file.text[yaml.clone()];
    let raw: Raw =
        crate::load::yaml::from_str_once(yaml_text, file, yaml.start, Input::FrontMatter)?;
    // `extra` is JSON already; the other fields are text, numbers and flags.
    let json = match raw.facts.values().all(reads_back_from_json) {
        true => serde_json::to_string(&raw).ok(),
        false => None,
    };
    Ok((raw, json))
}

/// Whether a YAML value reads back the same from JSON: no tags, keys that are text, numbers
/// that are finite.
fn reads_back_from_json(value: &serde_yaml::Value) -> bool {
    use serde_yaml::Value;
    match value {
        Value::Tagged(_) => false,
        Value::Number(n) => !n.is_f64() || n.as_f64().is_some_and(f64::is_finite),
        Value::Sequence(items) => items.iter().all(reads_back_from_json),
        Value::Mapping(map) => map
            .iter()
            .all(|(k, v)| k.is_string() && reads_back_from_json(v)),
        Value::Null | Value::Bool(_) | Value::String(_) => true,
    }
}

/// Validates front matter as written (read from the file, or from the parse cache).
pub fn from_raw(raw: Raw, file: &SourceFile, config: &Config) -> Result<Read, Diagnostics> {
    let (yaml, body) = split(file)?;
    let (front, warnings) = validate(raw, file, yaml, config)?;
    Ok(Read {
        front,
        body,
        warnings,
    })
}

impl Raw {
    /// Front matter kept by the parse cache ([`read_raw`]).
    pub fn from_json(json: &str) -> Option<Raw> {
        serde_json::from_str(json).ok()
    }
}

/// Finds the `---` fences: (YAML range, body range).
fn split(file: &SourceFile) -> Result<(Range<usize>, Range<usize>), Diagnostic> {
    let text = &file.text;
    let first_line = text.lines().next().unwrap_or("");
    if first_line.trim_end() != "---" {
        let message = if text.trim().is_empty() {
            msg!("page-file-empty")
        } else {
            msg!("page-without-front-matter")
        };
        return Err(Diagnostic::error(message)
            .at_line(file, 1)
            .hint(msg!("page-without-front-matter-hint")));
    }
    fences(text).ok_or_else(|| {
        Diagnostic::error(msg!("front-matter-not-closed"))
            .at_line(file, 1)
            .hint(msg!("front-matter-not-closed-hint"))
    })
}

/// The YAML and body ranges of a text that opens with a `---` line; `None` when it is not closed.
fn fences(text: &str) -> Option<(Range<usize>, Range<usize>)> {
    let first_line_end = text.find('\n')?;
    if text[..first_line_end].trim_end() != "---" {
        return None;
    }
    let yaml_start = first_line_end + 1;
    let mut pos = yaml_start;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..end].trim_end();
        if line == "---" || line == "..." {
            let body_start = (end + 1).min(text.len());
            return Some((yaml_start..pos, body_start..text.len()));
        }
        pos = end + 1;
    }
    None
}

/// The Markdown body of a page's text (after its front matter).
pub fn body_of(text: &str) -> Option<&str> {
    fences(text).map(|(_, body)| &text[body])
}

fn validate(
    raw: Raw,
    file: &SourceFile,
    yaml: Range<usize>,
    config: &Config,
) -> Result<(FrontMatter, Diagnostics), Diagnostics> {
    let mut errors = Diagnostics::default();
    let mut warnings = Diagnostics::default();
    let yaml_text = &file.text[yaml.clone()];
    let first_line = crate::diagnostics::line_col(&file.text, yaml.start).0;
    let line_of = |key: &str| first_line + find_key_line(yaml_text, key) - 1;
    let mut err = |key: &str, message: Text, hint: Text| {
        errors.push(
            Diagnostic::error(message)
                .at_line(file, line_of(key))
                .hint(hint),
        );
    };

    if raw.title.trim().is_empty() {
        err("title", msg!("title-empty"), msg!("title-empty-hint"));
    }
    let prefecture = raw
        .prefecture
        .as_ref()
        .and_then(|p| match prefecture::lookup(&p.text()) {
            Ok(p) => Some(p),
            Err(e) => {
                err("prefecture", e, msg!("prefecture-hint"));
                None
            }
        });
    let mut date_of = |key: &str, s: &Option<Scalar>| -> Option<DateValue> {
        let s = s.as_ref()?;
        match dates::parse_date(&s.text()) {
            Ok(d) => {
                warnings.extend(late_era_warning(key, &s.text(), file, line_of(key)));
                Some(d)
            }
            Err(e) => {
                err(
                    key,
                    msg!("not-a-date", key = key, why = e),
                    msg!("not-a-date-hint"),
                );
                None
            }
        }
    };
    let date = date_of("date", &raw.date);
    let updated = date_of("updated", &raw.updated);
    let source = raw.source.map(|s| Citation {
        date: date_of("source.date", &s.date),
        title: s.title,
        issuer: s.issuer,
        number: s.number,
        url: s.url,
    });

    if let Some(slug) = &raw.slug {
        if let Some(problem) = names::segment_problem(slug) {
            err(
                "slug",
                msg!("slug-unsafe", slug = format!("{slug:?}"), problem = problem),
                msg!("slug-unsafe-hint"),
            );
        } else if !slug
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            err(
                "slug",
                msg!("slug-not-ascii", slug = slug),
                msg!("slug-not-ascii-hint"),
            );
        }
    }
    let (facts, problems) = crate::load::facts::read(raw.facts, config);
    for p in problems {
        let d = p.diagnostic.at_line(file, line_of(&p.key));
        if d.is_error() {
            errors.push(d);
        } else {
            warnings.push(d);
        }
    }
    let extra = match raw.extra {
        serde_json::Value::Null => serde_json::Value::Object(Default::default()),
        v => v,
    };
    let value_at = |key: &str| crate::load::yaml::value_range(&file.text, line_of(key));
    if let Some(url) = source.as_ref().and_then(|s| s.url.as_deref()) {
        if let Some(problem) = crate::text::safety::unsafe_url(url) {
            errors.push(
                Diagnostic::error(msg!(
                    "value-is-unsafe",
                    what = "`source.url`",
                    problem = problem.problem()
                ))
                .at(file, value_at("source.url"))
                .hint(problem.hint()),
            );
        }
    }
    // Templates may put any `extra:` text into an `href`: a script URL there is refused too.
    let mut found = Vec::new();
    unsafe_urls_in(&extra, "extra", &mut found);
    for (key, problem) in found {
        errors.push(
            Diagnostic::error(msg!(
                "value-is-unsafe",
                what = msg!("extra-key", key = &key),
                problem = problem.problem()
            ))
            .at(file, value_at(&key))
            .hint(problem.hint()),
        );
    }

    let supersedes = raw.supersedes.as_deref().and_then(|written| {
        let line = line_of("supersedes");
        match supersedes_key(written) {
            Some(key) => Some(Supersedes {
                key,
                written: written.to_string(),
                line,
            }),
            None => {
                errors.push(
                    Diagnostic::error(msg!(
                        "supersedes-not-a-path",
                        written = format!("{written:?}")
                    ))
                    .at_line(file, line)
                    .hint(msg!("supersedes-not-a-path-hint")),
                );
                None
            }
        }
    });

    errors.extend(tag_errors(&raw.tags, file, yaml.clone()));
    if !errors.is_empty() {
        errors.extend(warnings);
        return Err(errors);
    }
    let front = FrontMatter {
        title: without_forbidden_characters(raw.title.trim()),
        description: raw
            .description
            .map(|d| without_forbidden_characters(d.trim())),
        kind: raw.kind.unwrap_or(Kind::Page),
        prefecture,
        date,
        updated,
        source: source.map(Box::new),
        draft: raw.draft,
        weight: raw.weight.unwrap_or(0),
        facts,
        translated_from: raw.translated_from,
        supersedes: supersedes.map(Box::new),
        // A tag typed on a Mac may arrive decomposed (NFD): one spelling, one tag page.
        tags: raw
            .tags
            .iter()
            .map(|t| names::nfc(t).into_owned())
            .collect(),
        slug: raw.slug,
        extra,
    };
    Ok((front, warnings))
}

/// A warning for a date under `key` written in an era that had ended (`平成31年5月1日`).
fn late_era_warning(
    key: &str,
    written: &str,
    file: &SourceFile,
    line: usize,
) -> Option<Diagnostic> {
    let (message, same_day) = dates::after_era_end(written)?;
    Some(
        Diagnostic::warning(msg!("keyed", key = key, message = message))
            .at(file, crate::load::yaml::value_range(&file.text, line))
            .hint(msg!("write-this-hint", fixed = same_day)),
    )
}

/// The page key `supersedes:` names: `@/a/old.md` → `a/old.md` (a translation's path names its
/// page too). `None` for anything but an `@/` path to a Markdown file without an anchor: a
/// version is a whole page.
fn supersedes_key(written: &str) -> Option<String> {
    let path = written.trim().strip_prefix("@/")?.trim_start_matches('/');
    if !path.ends_with(".md") || path.contains('#') {
        return None;
    }
    Some(crate::load::page_key(&names::nfc(path)).0)
}

/// Each tag becomes the folder `tags/<tag>/` (SPEC §12): one that is empty, `.`, `..` or holds
/// a separator would write somewhere else, even over the home page. An error at the tag's line.
fn tag_errors(tags: &[String], file: &SourceFile, yaml: Range<usize>) -> Diagnostics {
    let yaml_text = &file.text[yaml.clone()];
    let first_line = crate::diagnostics::line_col(&file.text, yaml.start).0;
    let tags_line = find_key_line(yaml_text, "tags");
    tags.iter()
        .enumerate()
        .filter_map(|(i, tag)| {
            // The tag page's folder is the tag without spaces around it (`urls::tag_slug`).
            let trimmed = Some(tag.trim()).filter(|t| !t.is_empty()).unwrap_or(tag);
            let problem = names::segment_problem(trimmed)?;
            let line = first_line + item_line(yaml_text, tags_line, i) - 1;
            Some(
                Diagnostic::error(msg!(
                    "tag-unsafe",
                    tag = format!("{tag:?}"),
                    problem = problem
                ))
                .at_line(file, line)
                .hint(msg!("tag-unsafe-hint")),
            )
        })
        .collect()
}

/// The line (1-based, in `yaml`) of item `index` of the list whose key is on line `key_line`:
/// the key's own line for a list written `[a, b]`, the `- ` line of the item for a block list.
fn item_line(yaml: &str, key_line: usize, index: usize) -> usize {
    let mut lines = yaml.lines().enumerate().skip(key_line - 1);
    let Some((_, key)) = lines.next() else {
        return key_line;
    };
    if key.contains('[') {
        return key_line;
    }
    lines
        .map(|(n, l)| (n, l.trim_start()))
        .take_while(|(_, l)| l.starts_with('-') || l.is_empty() || l.starts_with('#'))
        .filter(|(_, l)| l.starts_with('-'))
        .nth(index)
        .map_or(key_line, |(n, _)| n + 1)
}

/// Every text in `value` that is an unsafe URL, with the key it is written under.
fn unsafe_urls_in(
    value: &serde_json::Value,
    key: &str,
    found: &mut Vec<(String, crate::text::safety::UnsafeUrl)>,
) {
    match value {
        serde_json::Value::String(s) => {
            if let Some(problem) = crate::text::safety::unsafe_url(s) {
                found.push((key.to_string(), problem));
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                unsafe_urls_in(item, key, found);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                unsafe_urls_in(v, k, found);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_reads_back_from_the_parse_caches_json_or_is_not_kept() {
        let cases = [
            "title: 計画\nkind: plan\nprefecture: 12\ndate: R5.3.31\nweight: \"3\"\ndraft: true\ntags: [a, b]\n",
            "title: a\nfacts:\n  rate: 10/10\n  base_amount: { value: \"3,000千円\", per: 市町村 }\n  caps: [1, 2.5, x]\nextra:\n  banner: { a: 1, b: [true, null] }\n",
            "title: a\nsource:\n  title: 要綱\n  date: 2024-04-01\n  url: https://example.jp/\nupdated: 2024.5\n",
        ];
        for yaml in cases {
            let text = format!("---\n{yaml}---\n本文\n");
            let file = SourceFile {
                path: "p.md".into(),
                text: text.into(),
            };
            let (raw, json) = read_raw(&file).unwrap();
            let json = json.unwrap_or_else(|| panic!("not kept: {yaml}"));
            assert_eq!(Raw::from_json(&json), Some(raw), "{yaml}");
        }
        for yaml in [
            "title: a\nfacts:\n  rate: !frac 1/2\n",
            "title: a\nfacts:\n  caps: { 1: x }\n",
            "title: a\nfacts:\n  rate: .nan\n",
        ] {
            let text = format!("---\n{yaml}---\n");
            let file = SourceFile {
                path: "p.md".into(),
                text: text.into(),
            };
            let (_, json) = read_raw(&file).unwrap();
            assert_eq!(json, None, "{yaml}");
        }
    }

    fn config() -> Config {
        Config::parse(SourceFile {
            path: "site.yaml".into(),
            text: "title: { ja: a }\nbase_url: https://ex.jp/\nfacts:\n  rate: { ja: 補助率, type: rate }\n".to_string().into(),
        })
        .unwrap()
    }

    fn read_str(text: &str) -> Result<(FrontMatter, Range<usize>), Diagnostics> {
        let f = SourceFile {
            path: "content/a.md".into(),
            text: text.to_string().into(),
        };
        read(&f, &config()).map(|r| (r.front, r.body))
    }

    #[test]
    fn typed_values() {
        let (fm, body) = read_str(
            "---\ntitle: 計画\nkind: plan\nprefecture: 12\ndate: R5.3.31\nfacts:\n  rate: 10/10\n---\n本文\n",
        )
        .unwrap();
        assert_eq!(fm.kind, Kind::Plan);
        assert_eq!(fm.prefecture.unwrap().slug, "chiba");
        assert_eq!(fm.date.unwrap().iso(), "2023-03-31");
        assert_eq!(fm.facts[0].key, "rate");
        assert_eq!(
            fm.facts[0].raw,
            crate::model::FactText::Text("10/10".into())
        );
        assert_eq!(body.start, "---\ntitle: 計画\nkind: plan\nprefecture: 12\ndate: R5.3.31\nfacts:\n  rate: 10/10\n---\n".len());
    }

    #[test]
    fn prefecture_code_as_quoted_string() {
        let (fm, _) = read_str("---\ntitle: a\nprefecture: \"01\"\n---\n").unwrap();
        assert_eq!(fm.prefecture.unwrap().slug, "hokkaido");
    }

    #[test]
    fn unclosed_front_matter() {
        let e = read_str("---\ntitle: a\n本文\n").unwrap_err();
        assert!(e[0].message.contains("not closed"));
        assert_eq!(e[0].location(), "content/a.md:1:1");
    }

    #[test]
    fn empty_file_and_missing_front_matter() {
        assert!(read_str("").unwrap_err()[0].message.contains("empty"));
        assert!(read_str("# 見出し\n").unwrap_err()[0]
            .message
            .contains("does not start"));
    }

    #[test]
    fn bad_values_name_their_line() {
        let e = read_str("---\ntitle: a\ndate: 令和5年13月40日\nprefecture: 千葉府\n---\n")
            .unwrap_err();
        assert_eq!(e.len(), 2);
        let date = e.iter().find(|d| d.message.contains("`date`")).unwrap();
        assert_eq!(date.location(), "content/a.md:3:1");
        let pref = e
            .iter()
            .find(|d| d.location() == "content/a.md:4:1")
            .unwrap();
        assert!(pref.message.contains("千葉府"), "{}", pref.message);
    }

    #[test]
    fn unsafe_tags_are_errors_at_their_line() {
        let e = read_str("---\ntitle: a\ntags: [ok, \"..\"]\n---\n").unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].location(), "content/a.md:3:1");
        assert!(e[0].message.contains("\"..\""), "{}", e[0].message);
        let e =
            read_str("---\ntitle: a\ntags:\n  - ok\n  - \"a/b\"\n  - \" \"\n---\n").unwrap_err();
        let at: Vec<String> = e.iter().map(Diagnostic::location).collect();
        assert_eq!(at, ["content/a.md:5:1", "content/a.md:6:1"]);
        assert!(e[0].message.contains("`/`"), "{}", e[0].message);
        assert!(e[1].message.contains("only spaces"), "{}", e[1].message);
    }

    #[test]
    fn tags_are_read_in_nfc() {
        let (fm, _) = read_str("---\ntitle: a\ntags: [\"\u{304B}\u{3099}\"]\n---\n").unwrap();
        assert_eq!(fm.tags, ["\u{304C}"]);
    }

    #[test]
    fn a_dot_slug_is_an_error_at_its_line() {
        let e = read_str("---\ntitle: a\nslug: \"..\"\n---\n").unwrap_err();
        assert_eq!(e[0].location(), "content/a.md:3:1");
        assert!(e[0].message.contains("dot name"), "{}", e[0].message);
    }

    #[test]
    fn a_script_source_url_is_an_error_at_the_value() {
        let e = read_str(
            "---\ntitle: a\nsource:\n  title: 通知\n  url: \" JavaScript:alert(1)\"\n---\n",
        )
        .unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(
            e[0].message.contains("`source.url` is a `javascript:` URL"),
            "{}",
            e[0].message
        );
        assert_eq!(e[0].location(), "content/a.md:5:8");
        assert!(e[0].hint.as_deref().unwrap().contains("https://"));
    }

    #[test]
    fn script_urls_under_extra_are_errors() {
        let e = read_str("---\ntitle: a\nextra:\n  links:\n    - vbscript:msgbox\n  banner: \"data:text/html,x\"\n---\n")
            .unwrap_err();
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e
            .iter()
            .any(|d| d.message.contains("`links`") && d.message.contains("vbscript")));
        let banner = e.iter().find(|d| d.message.contains("`banner`")).unwrap();
        assert_eq!(banner.location(), "content/a.md:6:11");
    }

    #[test]
    fn control_characters_are_left_out_of_titles() {
        let (fm, _) =
            read_str("---\ntitle: \"在宅\\f医療\\u0001\"\ndescription: \"a\\u0008b\"\n---\n")
                .unwrap();
        assert_eq!(fm.title, "在宅医療");
        assert_eq!(fm.description.as_deref(), Some("ab"));
    }

    #[test]
    fn supersedes_names_a_page_key_and_its_line() {
        let (fm, _) = read_str("---\ntitle: a\nsupersedes: \"@/p/draft.md\"\n---\n").unwrap();
        let s = fm.supersedes.unwrap();
        assert_eq!((s.key.as_str(), s.line), ("p/draft.md", 3));
        let (fm, _) = read_str("---\ntitle: a\nsupersedes: \"@/p/draft.en.md\"\n---\n").unwrap();
        assert_eq!(fm.supersedes.unwrap().key, "p/draft.md");
        for bad in ["p/draft.md", "@/p/draft", "@/p/draft.md#x", "https://e.jp/"] {
            let e = read_str(&format!("---\ntitle: a\nsupersedes: \"{bad}\"\n---\n")).unwrap_err();
            assert_eq!(e[0].location(), "content/a.md:3:1", "{bad}");
            assert!(e[0].message.contains("`supersedes`"), "{}", e[0].message);
        }
    }

    #[test]
    fn unknown_fact_is_an_error() {
        let e = read_str("---\ntitle: a\nfacts:\n  rat: 1/2\n---\n").unwrap_err();
        assert!(e[0].message.contains("unknown fact `rat`"));
        assert!(e[0].hint.as_deref().unwrap().contains("`rate`"));
    }

    #[test]
    fn what_staff_type_is_accepted_where_its_meaning_is_sure() {
        let (fm, _) =
            read_str("---\ntitle: a\nkind: 計画\nweight: １０\ndraft: はい\n---\n").unwrap();
        assert_eq!((fm.kind, fm.weight, fm.draft), (Kind::Plan, 10, true));
        let (fm, _) = read_str("---\ntitle: a\nkind: 補助金\ndraft: いいえ\n---\n").unwrap();
        assert_eq!((fm.kind, fm.draft), (Kind::Subsidy, false));
        for kind in Kind::ALL {
            for name in kind.names_ja().iter().chain([&kind.name()]) {
                let text = format!("---\ntitle: a\nkind: {name}\n---\n");
                assert_eq!(read_str(&text).unwrap().0.kind, kind, "{name}");
            }
        }
    }

    #[test]
    fn a_misspelt_kind_is_suggested() {
        let e = read_str("---\ntitle: a\nkind: plann\n---\n").unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].location(), "content/a.md:3:7");
        assert!(e[0]
            .hint
            .as_deref()
            .unwrap()
            .starts_with("did you mean `plan`?"));
    }

    #[test]
    fn a_day_after_its_era_ended_is_a_warning_at_the_value() {
        let f = SourceFile {
            path: "content/a.md".into(),
            text: "---\ntitle: a\ndate: 平成31年5月1日\n---\n"
                .to_string()
                .into(),
        };
        let read = read(&f, &config()).unwrap();
        assert_eq!(read.front.date.unwrap().iso(), "2019-05-01");
        assert_eq!(read.warnings.len(), 1);
        let w = &read.warnings[0];
        assert!(!w.is_error());
        assert_eq!(w.location(), "content/a.md:3:7");
        assert!(w.message.contains("is 令和元年5月1日"), "{}", w.message);
        assert_eq!(w.hint.as_deref(), Some("write `令和元年5月1日`"));
        // Beside an error, the warning is still reported.
        let e = read_str("---\ntitle: a\ndate: H31.5.1\nprefecture: 千葉府\n---\n").unwrap_err();
        assert_eq!((e.errors(), e.warnings()), (1, 1));
    }
}
