//! The catalogue is whole: both languages say every message, with the same values; every
//! message is used and every message used exists; the Japanese is Japanese, in polite form.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

use super::*;

/// Every message of one `.ftl` file: its id and the variables it uses.
fn messages_of(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| {
        panic!("the catalogue does not parse: {errors:?}");
    });
    let mut found = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut variables = BTreeSet::new();
            if let Some(pattern) = &message.value {
                variables_of(pattern, &mut variables);
            }
            let id = message.id.name.to_string();
            assert!(found.insert(id.clone(), variables).is_none(), "{id} twice");
        }
    }
    found
}

fn variables_of(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, found);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, found);
            for variant in variants {
                variables_of(&variant.value, found);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, found),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, found),
        _ => {}
    }
}

#[test]
fn both_languages_have_the_same_messages_with_the_same_values() {
    let (ja, en) = (messages_of(JA_FTL), messages_of(EN_FTL));
    let only = |a: &BTreeMap<_, _>, b: &BTreeMap<String, _>| -> Vec<String> {
        a.keys().filter(|k| !b.contains_key(*k)).cloned().collect()
    };
    assert_eq!(only(&ja, &en), Vec::<String>::new(), "only in ja.ftl");
    assert_eq!(only(&en, &ja), Vec::<String>::new(), "only in en.ftl");
    for (id, variables) in &en {
        assert_eq!(
            &ja[id], variables,
            "{id}: the two languages use other values"
        );
    }
}

/// The Rust files of `src/`.
fn sources() -> Vec<PathBuf> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut found,
    );
    found.sort();
    found
}

/// The ids named in `msg!("…"` calls (the macro is the one way to a message).
fn ids_used() -> BTreeMap<String, PathBuf> {
    let call = regex::Regex::new(r#"msg!\(\s*"([a-z0-9-]+)""#).unwrap();
    let mut used = BTreeMap::new();
    for path in sources() {
        let text = std::fs::read_to_string(&path).unwrap();
        for found in call.captures_iter(&text) {
            used.entry(found[1].to_string())
                .or_insert_with(|| path.clone());
        }
    }
    used
}

#[test]
fn every_message_used_exists_and_every_message_is_used() {
    let known = messages_of(EN_FTL);
    let used = ids_used();
    // The examples in this module's doc.
    let examples = ["no-content-folder", "page-without-title"];
    let unknown: Vec<_> = used
        .iter()
        .filter(|(id, _)| !known.contains_key(*id) && !examples.contains(&id.as_str()))
        .collect();
    assert!(unknown.is_empty(), "not in the catalogue: {unknown:?}");
    let unused: Vec<_> = known.keys().filter(|id| !used.contains_key(*id)).collect();
    assert!(
        unused.is_empty(),
        "in the catalogue but never used: {unused:?}"
    );
}

fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}')
}

/// What the Japanese says with its values left out (a select's variants all taken).
/// What stands for every value in [`ja_texts`].
const VALUE: &str = "〇";

fn ja_texts() -> BTreeMap<String, String> {
    messages_of(JA_FTL)
        .into_iter()
        .map(|(id, variables)| {
            let args: Vec<(&str, Arg)> = variables
                .iter()
                .map(|v| (v.as_str(), Arg::Str(VALUE.to_string())))
                .collect();
            let text = render(Lang::Ja, &id, &args);
            (id, text)
        })
        .collect()
}

#[test]
fn the_japanese_messages_are_japanese() {
    // Words that are the same in Japanese (a separator, a path in the list of changes).
    let same_in_both = [
        "list-separator",
        "i18n-count",
        "keyed",
        "what-site-yaml",
        "versions-cycle-step",
    ];
    for (id, text) in ja_texts() {
        if same_in_both.contains(&id.as_str()) {
            continue;
        }
        assert!(
            text.chars().any(is_japanese),
            "{id} is not Japanese: {text}"
        );
    }
}

/// A sentence (a message that says what is wrong or what to do) is in the polite form; words
/// and phrases filled into other messages (`doing-write`, a state's name) are not sentences.
#[test]
fn the_japanese_sentences_are_polite() {
    let plain_endings = ["である。", "だ。", "する。", "せよ。", "しろ。", "ない。"];
    for (id, text) in ja_texts() {
        for ending in plain_endings {
            assert!(!text.contains(ending), "{id} is not polite: {text}");
        }
        let sentence = text.ends_with('。') || id.ends_with("-hint");
        // A sentence that ends with a value (a phrase such as "…は{ $problem }。") takes its
        // polite ending from the phrase, which is checked on its own.
        let ends_with_a_phrase = text.ends_with(&format!("{VALUE}。"));
        if sentence && !ends_with_a_phrase {
            let polite = ["です", "ます", "ません", "ました", "でした", "ください"];
            assert!(
                polite.iter().any(|p| text.contains(p)),
                "{id} is not in the polite form: {text}"
            );
        }
    }
}

#[test]
fn a_message_is_made_in_both_languages_with_its_values() {
    let text = msg!("serve-rebuild-failed", errors = 1);
    assert_eq!(
        text.en(),
        "failed with 1 error; still serving the last good build"
    );
    assert!(text.ja().contains("エラーが 1 件"), "{}", text.ja());
    assert_eq!(
        msg!("serve-rebuild-failed", errors = 3).en(),
        "failed with 3 errors; still serving the last good build"
    );
}

#[test]
fn a_message_filled_with_a_message_takes_it_in_the_same_language() {
    let text = msg!(
        "output-io-failed",
        doing = msg!("doing-write"),
        path = "public/a.html",
        why = "disk full"
    );
    assert_eq!(text.en(), "cannot write public/a.html: disk full");
    assert!(
        text.ja().contains("public/a.html の書き込み"),
        "{}",
        text.ja()
    );
}

#[test]
fn verbatim_text_is_the_same_in_both() {
    let text = Text::verbatim("content/a.md");
    assert_eq!((text.ja(), text.en()), ("content/a.md", "content/a.md"));
    assert_eq!(text, "content/a.md");
}

#[test]
fn the_locale_decides_in_posix_order() {
    use Lang::{En, Ja};
    let cases = [
        ((None, None, None), En),
        ((None, None, Some("ja_JP.UTF-8")), Ja),
        ((None, None, Some("ja")), Ja),
        ((None, None, Some("en_US.UTF-8")), En),
        ((None, None, Some("C")), En),
        // LC_ALL overrides both.
        ((Some("C"), None, Some("ja_JP.UTF-8")), En),
        ((Some("ja_JP.UTF-8"), Some("en_US"), Some("C")), Ja),
        // LC_MESSAGES before LANG.
        ((None, Some("ja_JP.eucJP"), Some("en_US.UTF-8")), Ja),
        ((None, Some("POSIX"), Some("ja_JP.UTF-8")), En),
        // Set but empty is not set.
        ((Some(""), Some(""), Some("ja_JP.UTF-8")), Ja),
        ((Some(""), None, None), En),
    ];
    for ((all, messages, lang), expected) in cases {
        assert_eq!(
            of_locale(all, messages, lang),
            expected,
            "LC_ALL={all:?} LC_MESSAGES={messages:?} LANG={lang:?}"
        );
    }
}

#[test]
fn the_flag_wins_over_the_locale() {
    assert_eq!(choose(Some(Lang::Ja)), Lang::Ja);
    assert_eq!(choose(Some(Lang::En)), Lang::En);
}

/// Every word comes from the catalogue: a `Text` is made by `msg!`, `Text::verbatim` or
/// `Text::both`, and the types take nothing else. What is left to check is that neither of the
/// two is handed an English sentence: `Text::verbatim` takes values (paths, names, quoted
/// text), and `Text::both` texts that exist in both languages already.
#[test]
fn no_english_sentence_is_made_into_a_text_outside_the_catalogue() {
    let sentence =
        regex::Regex::new(r#"Text::(verbatim|both)\(\s*(format!\(\s*)?"[^"]*[a-z]{2,} [a-z]{2,}"#)
            .unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for path in sources() {
        let rel = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("src/messages/") || rel.ends_with("tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // Tests build diagnostics of their own.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            if sentence.is_match(line) {
                found.push(format!("{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "text not from the catalogue:\n{}",
        found.join("\n")
    );
}
