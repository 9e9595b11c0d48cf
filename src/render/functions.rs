//! Functions the theme's templates call to mark the language of an element (WCAG 3.1.2):
//! `lang_attr(of=…, lang=…)` and `guess_lang(text=…, lang=…)`, documented in docs/templates.md.
//!
//! They were Tera macros; a macro call builds a stack frame and renders a body, and the language
//! guess ran Tera's `matching` test twice on each string. They are called for every nav item,
//! breadcrumb, card, tag, backlink, fact and citation field of every page, so on a large site they
//! were a tenth of the build's CPU time. As functions they return the attribute directly.

use std::collections::HashMap;

use tera::{Function, Tera, Value};

use crate::model::Lang;
use crate::text::language::{has_kana_or_kanji, has_latin_word};

/// The attribute `lang_attr(of, lang)` returns, for contexts that carry it ready-made
/// (`item.lang_attr`): ` lang="ja"` when the text's language `of` is not the page's `lang`.
pub fn lang_attr_of(of: Lang, lang: Lang) -> &'static str {
    match (of, lang) {
        (Lang::Ja, Lang::En) => r#" lang="ja""#,
        (Lang::En, Lang::Ja) => r#" lang="en""#,
        _ => "",
    }
}

/// The attribute `guess_lang(text, lang)` returns, for contexts that carry it ready-made.
pub fn guess_lang_of(text: &str, lang: Lang) -> &'static str {
    match guess(text, lang.code()) {
        Some("ja") => r#" lang="ja""#,
        Some(_) => r#" lang="en""#,
        None => "",
    }
}

/// The language a text of unstated language is marked with on a page of `lang`, if any.
fn guess(text: &str, lang: &str) -> Option<&'static str> {
    match (lang == "ja", has_kana_or_kanji(text)) {
        (false, true) => Some("ja"),
        (true, false) if has_latin_word(text) => Some("en"),
        _ => None,
    }
}

/// Registers the functions on the theme's Tera instance.
pub fn register(tera: &mut Tera) {
    tera.register_function("lang_attr", LangAttr);
    tera.register_function("guess_lang", GuessLang);
}

/// `{{ lang_attr(of=page.content_lang, lang=lang) }}`: ` lang="ja"` when the language code `of`
/// differs from the page's `lang`; nothing when they are the same or `of` is null or empty.
struct LangAttr;

impl Function for LangAttr {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let [of, lang] = arguments("lang_attr", args, ["of", "lang"])?;
        let lang = code("lang", lang)?;
        let of = match of {
            Value::Null => "",
            Value::String(s) => s.as_str(),
            other => {
                return Err(tera::Error::msg(format!(
                    "`of` must be a language code such as \"ja\" or \"en\" (or null), not {}",
                    describe(other)
                )))
            }
        };
        Ok(Value::String(if of.is_empty() || of == lang {
            String::new()
        } else {
            attribute(of)
        }))
    }

    /// The attribute is markup: the code in it is escaped here.
    fn is_safe(&self) -> bool {
        true
    }
}

/// `{{ guess_lang(text=tag.name, lang=lang) }}`, for strings whose language the context does not
/// state (tag names, citation fields, fact values): ` lang="ja"` on a page that is not Japanese when
/// the text has kana or kanji; ` lang="en"` on a Japanese page when it has none but has two Latin
/// letters in a row; otherwise nothing. A `text` that is not a string (absent fact, number) gets
/// nothing.
struct GuessLang;

impl Function for GuessLang {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let [text, lang] = arguments("guess_lang", args, ["text", "lang"])?;
        let lang = code("lang", lang)?;
        let Value::String(text) = text else {
            return Ok(Value::String(String::new()));
        };
        Ok(Value::String(
            guess(text, lang).map(attribute).unwrap_or_default(),
        ))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// ` lang="…"` with the code escaped for an attribute value.
fn attribute(code: &str) -> String {
    let mut out = String::with_capacity(code.len() + 8);
    out.push_str(" lang=\"");
    crate::text::language::push_escaped(code, &mut out);
    out.push('"');
    out
}

/// A function's named arguments in the order of `takes`, checked so that a misspelt or missing
/// argument is an error rather than a silently missing attribute. One lookup per argument: these
/// run hundreds of thousands of times on a large site.
fn arguments<'a, const N: usize>(
    function: &str,
    args: &'a HashMap<String, Value>,
    takes: [&str; N],
) -> tera::Result<[&'a Value; N]> {
    let how = || {
        let list: Vec<String> = takes.iter().map(|t| format!("{t}=…")).collect();
        format!("call it as {function}({})", list.join(", "))
    };
    let unknown = || {
        let unknown = args.keys().find(|k| !takes.contains(&k.as_str()))?;
        Some(tera::Error::msg(format!(
            "{function} has no argument `{unknown}`: {}",
            how()
        )))
    };
    let mut found = [&Value::Null; N];
    for (slot, name) in found.iter_mut().zip(takes) {
        // A misspelt argument is the likelier reason for a missing one: it is named first.
        *slot = args.get(name).ok_or_else(|| {
            unknown().unwrap_or_else(|| {
                tera::Error::msg(format!("{function} needs the argument `{name}`: {}", how()))
            })
        })?;
    }
    if args.len() > N {
        if let Some(e) = unknown() {
            return Err(e);
        }
    }
    Ok(found)
}

/// A language code argument.
fn code<'a>(name: &str, value: &'a Value) -> tera::Result<&'a str> {
    match value {
        Value::String(s) => Ok(s),
        other => Err(tera::Error::msg(format!(
            "`{name}` must be a string such as \"ja\" or \"en\", not {}",
            describe(other)
        ))),
    }
}

/// What a template passed, for error messages: `null`, `the number 3`, …
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn call(f: &dyn Function, args: Value) -> tera::Result<String> {
        let args: HashMap<String, Value> = serde_json::from_value(args).unwrap();
        f.call(&args)
            .map(|v| v.as_str().expect("a string").to_string())
    }

    fn guess(text: Value, lang: &str) -> String {
        call(&GuessLang, json!({"text": text, "lang": lang})).unwrap()
    }

    fn lang_attr(of: Value, lang: &str) -> String {
        call(&LangAttr, json!({"of": of, "lang": lang})).unwrap()
    }

    #[test]
    fn lang_attr_marks_only_another_language() {
        assert_eq!(lang_attr(json!("ja"), "en"), r#" lang="ja""#);
        assert_eq!(lang_attr(json!("en"), "ja"), r#" lang="en""#);
        assert_eq!(lang_attr(json!("ja"), "ja"), "");
        assert_eq!(lang_attr(json!("en"), "en"), "");
        assert_eq!(lang_attr(json!(""), "en"), "");
        assert_eq!(lang_attr(json!(null), "en"), "");
        // The code is escaped, as `{{ of }}` was in the template.
        assert_eq!(lang_attr(json!("x\"y"), "en"), r#" lang="x&quot;y""#);
    }

    #[test]
    fn guess_lang_marks_japanese_on_english_pages() {
        assert_eq!(guess(json!("在宅医療"), "en"), r#" lang="ja""#);
        assert_eq!(guess(json!("ひらがな"), "en"), r#" lang="ja""#);
        assert_eq!(guess(json!("カタカナ"), "en"), r#" lang="ja""#);
        assert_eq!(guess(json!("Chiba (千葉県)"), "en"), r#" lang="ja""#);
        assert_eq!(guess(json!("home care"), "en"), "");
        // Japanese punctuation and full-width digits alone are not kana or kanji.
        assert_eq!(guess(json!("「２０２４」"), "en"), "");
    }

    #[test]
    fn guess_lang_marks_english_on_japanese_pages() {
        assert_eq!(guess(json!("home care"), "ja"), r#" lang="en""#);
        assert_eq!(guess(json!("ACP"), "ja"), r#" lang="en""#);
        assert_eq!(guess(json!("在宅医療"), "ja"), "");
        // Mixed text with kana or kanji is taken as Japanese.
        assert_eq!(guess(json!("ACP（人生会議）"), "ja"), "");
        // One letter or none is not a word: codes, numbers, amounts.
        assert_eq!(guess(json!("A-1"), "ja"), "");
        assert_eq!(guess(json!("2024-03-31"), "ja"), "");
        assert_eq!(guess(json!("¥3,000,000"), "ja"), "");
        // Full-width Latin letters are not ASCII letters.
        assert_eq!(guess(json!("ＡＣＰ"), "ja"), "");
    }

    #[test]
    fn guess_lang_leaves_empty_and_non_strings_alone() {
        for lang in ["ja", "en"] {
            assert_eq!(guess(json!(""), lang), "");
            assert_eq!(guess(json!(null), lang), "");
            assert_eq!(guess(json!(3), lang), "");
            assert_eq!(guess(json!(true), lang), "");
            assert_eq!(guess(json!(["在宅"]), lang), "");
            assert_eq!(guess(json!({"ja": "在宅"}), lang), "");
        }
    }

    #[test]
    fn wrong_arguments_are_errors_that_say_how_to_call() {
        let e = call(&GuessLang, json!({"txt": "a", "lang": "en"})).unwrap_err();
        assert!(e.to_string().contains("no argument `txt`"), "{e}");
        assert!(e.to_string().contains("guess_lang(text=…, lang=…)"), "{e}");
        let e = call(&LangAttr, json!({"of": "ja", "lang": "en", "x": 1})).unwrap_err();
        assert!(
            e.to_string().contains("lang_attr has no argument `x`"),
            "{e}"
        );
        let e = call(&LangAttr, json!({"of": "ja"})).unwrap_err();
        assert!(e.to_string().contains("needs the argument `lang`"), "{e}");
        let e = call(&LangAttr, json!({"of": 3, "lang": "en"})).unwrap_err();
        assert!(e.to_string().contains("not the number 3"), "{e}");
        let e = call(&GuessLang, json!({"text": "a", "lang": null})).unwrap_err();
        assert!(e.to_string().contains("`lang` must be a string"), "{e}");
    }

    #[test]
    fn ready_made_attributes_equal_what_the_functions_return() {
        for lang in Lang::ALL {
            for of in Lang::ALL {
                assert_eq!(
                    lang_attr_of(of, lang),
                    lang_attr(json!(of.code()), lang.code())
                );
            }
            for text in [
                "在宅医療",
                "home care",
                "ACP（人生会議）",
                "A-1",
                "",
                "Chiba (千葉県)",
            ] {
                assert_eq!(
                    guess_lang_of(text, lang),
                    guess(json!(text), lang.code()),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn templates_call_them_unescaped() {
        let mut tera = Tera::default();
        register(&mut tera);
        tera.add_raw_template(
            "t.html",
            r#"<a{{ lang_attr(of=of, lang=lang) }}><b{{ guess_lang(text=text, lang=lang) }}>"#,
        )
        .unwrap();
        let ctx =
            tera::Context::from_value(json!({"of": "ja", "lang": "en", "text": "拠点"})).unwrap();
        assert_eq!(
            tera.render("t.html", &ctx).unwrap(),
            r#"<a lang="ja"><b lang="ja">"#
        );
    }
}
