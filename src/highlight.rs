//! Code highlighting by syntect into CSS classes, with one generated stylesheet.

use std::sync::OnceLock;

use syntect::highlighting::ThemeSet;
use syntect::html::{css_for_theme_with_class_style, ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::markdown::escape;

const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Loaded on first use: most pages have no code, and loading takes a few milliseconds.
fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// A fenced code block as `<pre class="code">`, highlighted when the language is known.
pub fn code_block(code: &str, lang: &str) -> String {
    let set = syntaxes();
    let syntax = (!lang.is_empty())
        .then(|| set.find_syntax_by_token(lang))
        .flatten();
    let lang_attr = if lang.is_empty() {
        String::new()
    } else {
        format!(" data-lang=\"{}\"", escape(lang))
    };
    let body = match syntax {
        Some(syntax) => {
            let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, STYLE);
            let ok = LinesWithEndings::from(code).all(|line| {
                generator
                    .parse_html_for_line_which_includes_newline(line)
                    .is_ok()
            });
            if ok {
                generator.finalize()
            } else {
                escape(code)
            }
        }
        None => escape(code),
    };
    format!("<pre class=\"code\"{lang_attr}><code>{body}</code></pre>\n")
}

/// The stylesheet for the classes above (`syntax.css`).
pub fn stylesheet() -> String {
    let themes = ThemeSet::load_defaults();
    themes
        .themes
        .get("InspiredGitHub")
        .and_then(|t| css_for_theme_with_class_style(t, STYLE).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_language_gets_classes_unknown_is_escaped() {
        let html = code_block("let x = 1;\n", "rust");
        assert!(html.contains("class=\"hl-"), "{html}");
        let plain = code_block("<b>\n", "nosuchlang");
        assert!(plain.contains("&lt;b&gt;"), "{plain}");
    }

    #[test]
    fn stylesheet_uses_the_same_prefix() {
        assert!(stylesheet().contains(".hl-"));
    }
}
