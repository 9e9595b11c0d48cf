//! Reading the bilingual glossary (`content/glossary.yaml`, SPEC §7) into a [`Glossary`]: terms
//! with a reading and a definition in each language, checked (ids, empty fields, a word naming
//! two entries) and indexed for matching.
//!
//! ```yaml
//! - id: hub                          # optional; the entry's anchor on /glossary/ (ASCII)
//!   ja: 在宅医療に必要な連携を担う拠点
//!   en: coordination hub for home medical care
//!   reading: ざいたくいりょうにひつようなれんけいをになうきょてん   # optional
//!   also: { ja: [連携拠点], en: [coordination hub] }              # optional: other forms that link
//!   definition:
//!     ja: …
//!     en: …
//! ```

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::load::yaml::Input;
use crate::load::{display_path, read_text};
use crate::model::glossary::{Glossary, Term};
use crate::model::Lang;
use crate::msg;

/// Where the glossary lives, below the site root.
pub const PATH: &str = "content/glossary.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    id: Option<String>,
    ja: String,
    en: String,
    reading: Option<String>,
    #[serde(default)]
    also: Also,
    definition: Definition,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Also {
    #[serde(default)]
    ja: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Definition {
    ja: String,
    en: String,
}

impl Glossary {
    /// Reads `content/glossary.yaml`; a site without one has an empty glossary.
    pub fn load(root: &Path) -> Result<Glossary, Diagnostics> {
        let path = root.join(PATH);
        if !path.is_file() {
            return Ok(Glossary::default());
        }
        let display = display_path(root, &path);
        let text = read_text(&path, &display)?.text;
        Glossary::parse(SourceFile {
            path: display,
            text: text.into(),
        })
    }

    pub fn parse(file: SourceFile) -> Result<Glossary, Diagnostics> {
        let raw: Vec<RawTerm> = if file.text.trim().is_empty() {
            Vec::new()
        } else {
            crate::load::yaml::from_str(&file.text, &file, 0, Input::Glossary)?
        };
        let mut errors = Diagnostics::default();
        let mut terms = Vec::with_capacity(raw.len());
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut forms: HashMap<(Lang, String), usize> = HashMap::new();
        let mut search_from = 0;
        for r in raw {
            let at = entry_span(&file.text, &r.ja, &mut search_from);
            let id = r.id.clone().unwrap_or_else(|| slug(&r.en));
            if !is_valid_id(&id) {
                errors.push(
                    Diagnostic::error(msg!("glossary-bad-id", id = &id))
                        .at(&file, at.clone())
                        .hint(msg!("glossary-bad-id-hint")),
                );
            }
            if ids.insert(id.clone(), terms.len()).is_some() {
                errors.push(
                    Diagnostic::error(msg!("glossary-duplicate-id", id = &id))
                        .at(&file, at.clone())
                        .hint(msg!("glossary-duplicate-id-hint")),
                );
            }
            for (field, value) in [
                ("ja", &r.ja),
                ("en", &r.en),
                ("definition.ja", &r.definition.ja),
                ("definition.en", &r.definition.en),
            ] {
                if value.trim().is_empty() {
                    errors.push(
                        Diagnostic::error(msg!("glossary-empty-field", id = &id, field = field))
                            .at(&file, at.clone())
                            .hint(msg!("glossary-empty-field-hint")),
                    );
                }
            }
            let lang_forms = [
                (Lang::Ja, std::iter::once(&r.ja).chain(&r.also.ja)),
                (Lang::En, std::iter::once(&r.en).chain(&r.also.en)),
            ];
            for (lang, list) in lang_forms {
                for form in list {
                    let key = (lang, normalize(form, lang));
                    if let Some(&other) = forms.get(&key) {
                        if other != terms.len() {
                            errors.push(
                                Diagnostic::error(msg!(
                                    "glossary-form-twice",
                                    form = form,
                                    first = terms
                                        .get(other)
                                        .map_or(id.as_str(), |t: &Term| t.id.as_str()),
                                    second = &id
                                ))
                                .at(&file, at.clone())
                                .hint(msg!("glossary-form-twice-hint")),
                            );
                        }
                    }
                    forms.insert(key, terms.len());
                }
            }
            terms.push(Term {
                id,
                ja: r.ja.trim().to_string(),
                en: r.en.trim().to_string(),
                reading: r
                    .reading
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty()),
                definition_ja: r.definition.ja.trim().to_string(),
                definition_en: r.definition.en.trim().to_string(),
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let forms = forms
            .iter()
            .map(|((lang, form), &t)| (*lang, form.as_str(), t));
        Glossary::index(terms, forms).map_err(|e| {
            Diagnostic::error(msg!("glossary-not-indexed", why = e.to_string()))
                .in_file(&file.path)
                .into()
        })
    }
}

/// The form a term is matched by: English case does not matter.
fn normalize(form: &str, lang: Lang) -> String {
    let form = form.trim();
    match lang {
        Lang::Ja => form.to_string(),
        Lang::En => form.to_ascii_lowercase(),
    }
}

/// `home-visit nursing (訪問看護)` → `home-visit-nursing`.
fn slug(en: &str) -> String {
    let mut out = String::new();
    for c in en.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The span of the entry whose `ja:` is `ja`, for errors: the next line (from the last entry on)
/// that reads `ja: <term>`, optionally after `- `.
fn entry_span(text: &str, ja: &str, from: &mut usize) -> Range<usize> {
    let needle = ja.trim();
    let mut at = *from;
    for line in text[*from..].split_inclusive('\n') {
        let key = line.trim_start().trim_start_matches("- ");
        if let Some(value) = key.strip_prefix("ja:") {
            let value = value.trim().trim_matches(['"', '\'']);
            if value == needle {
                let start = at + line.find(needle).unwrap_or(0);
                *from = at + line.len();
                return start..start + needle.len();
            }
        }
        at += line.len();
    }
    *from..*from
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Glossary, Diagnostics> {
        Glossary::parse(SourceFile {
            path: "content/glossary.yaml".into(),
            text: text.to_string().into(),
        })
    }

    const TWO: &str = "- ja: 在宅医療\n  en: home medical care\n  definition: { ja: 自宅で受ける医療。, en: Care at home. }\n- id: hub\n  ja: 在宅医療に必要な連携を担う拠点\n  en: coordination hub\n  also: { en: [hub] }\n  definition: { ja: 拠点。, en: A hub. }\n";

    #[test]
    fn longest_match_wins_and_ids_default_to_the_english_slug() {
        let g = parse(TWO).unwrap();
        assert_eq!(g.terms[0].id, "home-medical-care");
        let text = "市町村は在宅医療に必要な連携を担う拠点を置き、在宅医療を支える。";
        let found: Vec<_> = g
            .find(Lang::Ja, text)
            .into_iter()
            .map(|(r, t)| (&text[r], g.terms[t].id.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("在宅医療に必要な連携を担う拠点", "hub"),
                ("在宅医療", "home-medical-care")
            ]
        );
    }

    #[test]
    fn english_matches_whole_words_in_any_case() {
        let g = parse(TWO).unwrap();
        let text = "Hubs differ; the Hub and home medical care, and 在宅医療.";
        let found: Vec<_> = g
            .find(Lang::En, text)
            .into_iter()
            .map(|(r, _)| &text[r])
            .collect();
        assert_eq!(found, ["Hub", "home medical care", "在宅医療"]);
    }

    #[test]
    fn unknown_keys_and_duplicates_are_located_errors() {
        let e = parse("- ja: 看取り\n  en: end-of-life care\n  defintion: { ja: a, en: b }\n")
            .unwrap_err();
        assert_eq!(e[0].message, "unknown key `defintion` in the glossary");
        assert_eq!(e[0].location(), "content/glossary.yaml:3:3");
        assert!(e[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("did you mean `definition`"));

        let dup =
            format!("{TWO}- ja: 拠点\n  en: Coordination Hub\n  definition: {{ ja: a, en: b }}\n");
        let e = parse(&dup).unwrap_err();
        assert!(
            e[0].message.contains("names two glossary entries"),
            "{}",
            e[0].message
        );
        assert_eq!(e[0].location(), "content/glossary.yaml:9:7");
    }

    #[test]
    fn bad_ids_and_empty_definitions_are_errors() {
        let e = parse("- id: Hub 1\n  ja: 拠点\n  en: hub\n  definition: { ja: '', en: b }\n")
            .unwrap_err();
        let messages: Vec<_> = e.iter().map(|d| d.message.as_str()).collect();
        assert!(messages[0].contains("not a plain ASCII id"), "{messages:?}");
        assert!(
            messages[1].contains("empty `definition.ja`"),
            "{messages:?}"
        );
    }
}
