//! What the preview shows when a rebuild fails: the error overlay that `reload.js` puts over an
//! open page, and the error page (`/__shishin/error`, and any missing path while the site is
//! broken). Both show the same panel: one block per error with `path:line:column`, the message,
//! the source line with the span marked and the carets the terminal draws under it, and the
//! hint. The errors travel as [`Parts`] (JSON on the event stream), never as terminal text.
//!
//! The panel follows the page's language, so a Japanese page gets a Japanese title, button,
//! message and hint: the panel's words come from the catalogue (`messages`), and every
//! diagnostic carries its message and hint in both languages. The words and the styles live
//! here once: the page is rendered from them, and the script is served with them inlined, so the
//! overlay and the page cannot drift apart.

use std::fmt::Write as _;
use std::sync::LazyLock;

use serde::Serialize;

use crate::diagnostics::{Parts, ShownLine};
use crate::markdown::escape;
use crate::messages::Text;
use crate::msg;
use crate::text::lang::Lang;

const RELOAD_JS: &str = include_str!("reload.js");
const ERROR_HTML: &str = include_str!("error.html");
const CSS: &str = include_str!("overlay.css");
/// Where `reload.js` takes its words and styles: a valid script alone (the overlay then has
/// neither), replaced when served.
const SETTINGS_MARK: &str = "/* shishin:overlay-settings */ null";

/// The panel's own words in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Words {
    /// The panel's heading.
    pub title: String,
    /// Under the heading: what the browser shows meanwhile, and what to do.
    pub kept: String,
    pub close: String,
    /// Names a source line for screen readers, `{n}` being its number (filled in by the page
    /// and by the script).
    pub line: String,
    /// Before a diagnostic's hint.
    pub hint: String,
}

pub fn words(lang: Lang) -> Words {
    let say = |text: Text| text.in_lang(lang).to_string();
    Words {
        title: say(msg!("overlay-title")),
        kept: say(msg!("overlay-kept")),
        close: say(msg!("overlay-close")),
        line: say(msg!("overlay-line", n = "{n}")),
        hint: say(msg!("overlay-hint-label")),
    }
}

/// `reload.js` with the styles and the words of both languages inlined.
pub fn script() -> &'static str {
    static SCRIPT: LazyLock<String> = LazyLock::new(|| {
        let settings = serde_json::json!({
            "css": CSS,
            "words": { "ja": words(Lang::Ja), "en": words(Lang::En) },
        });
        // JSON is a JavaScript expression; the script is served as a file, never inside HTML.
        RELOAD_JS.replacen(SETTINGS_MARK, &settings.to_string(), 1)
    });
    &SCRIPT
}

/// The error page in `lang`.
pub fn page(errors: &[Parts], lang: Lang) -> String {
    let words = words(lang);
    ERROR_HTML
        .replace("{{lang}}", lang.code())
        .replace("{{css}}", CSS)
        .replace("{{title}}", &escape(&words.title))
        .replace("{{kept}}", &escape(&words.kept))
        .replace("{{blocks}}", &blocks(errors, &words, lang, 2))
}

/// One `<li class="block">` per error, headed at `level`. `reload.js` (`block`) builds the
/// same elements.
fn blocks(errors: &[Parts], words: &Words, lang: Lang, level: u8) -> String {
    let mut html = String::new();
    for parts in errors {
        html.push_str("<li class=\"block\">");
        if !parts.location.is_empty() {
            let _ = write!(
                html,
                "<h{level} class=\"where\">{}</h{level}>",
                escape(&parts.location)
            );
        }
        let _ = write!(
            html,
            "<p class=\"message\">{}</p>",
            escape(parts.message.in_lang(lang))
        );
        if let (Some(shown), Some(line)) = (&parts.source, parts.line) {
            source(&mut html, shown, line, words);
        }
        if let Some(hint) = &parts.hint {
            let _ = write!(
                html,
                "<p class=\"hint\"><b>{}:</b> {}</p>",
                escape(&words.hint),
                escape(hint.in_lang(lang))
            );
        }
        html.push_str("</li>");
    }
    html
}

/// The source line with the span in `<mark>`, and below it the carets, placed after an
/// invisible copy of the text before the span so that they start under it in any font.
fn source(html: &mut String, shown: &ShownLine, line: usize, words: &Words) {
    let chars: Vec<char> = shown.text.chars().collect();
    let part = |range: std::ops::Range<usize>| escape(&chars[range].iter().collect::<String>());
    let (before, marked, after) = (
        part(0..shown.start),
        part(shown.start..shown.end),
        part(shown.end..chars.len()),
    );
    let label = escape(&words.line.replace("{n}", &line.to_string()));
    let _ = write!(
        html,
        "<pre class=\"source\" tabindex=\"0\"><span class=\"sr\">{label} </span>\
         <span class=\"gutter\" aria-hidden=\"true\">{line} │ </span>{before}<mark>{marked}</mark>{after}\n\
         <span aria-hidden=\"true\"><span class=\"gutter\"><span class=\"pad\">{line}</span> │ </span>\
         <span class=\"pad\">{before}</span><span class=\"carets\">{}</span></span></pre>",
        "^".repeat(shown.carets)
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Diagnostic, SourceFile};
    use crate::messages::Text;

    fn broken() -> Vec<Parts> {
        let file = SourceFile {
            path: "content/a.md".into(),
            text: "---\ntitle: [計画案 <b>\n---\n".to_string().into(),
        };
        let at = file.text.find('[').unwrap();
        vec![
            Diagnostic::error(Text::verbatim("cannot read <front matter>"))
                .at(&file, at..at + 1)
                .hint(Text::verbatim("close the `[`"))
                .parts(),
            Diagnostic::error(Text::verbatim("second"))
                .in_file("site.yaml")
                .parts(),
        ]
    }

    #[test]
    fn the_page_has_one_block_per_error_with_line_and_carets() {
        let page = page(&broken(), Lang::En);
        assert_eq!(page.matches("<li class=\"block\">").count(), 2, "{page}");
        assert!(
            page.contains("<h2 class=\"where\">content/a.md:2:8</h2>"),
            "{page}"
        );
        assert!(
            page.contains("<h2 class=\"where\">site.yaml</h2>"),
            "{page}"
        );
        assert!(page.contains("cannot read &lt;front matter&gt;"), "{page}");
        assert!(
            page.contains("2 │ </span>title: <mark>[</mark>計画案 &lt;b&gt;\n"),
            "{page}"
        );
        assert!(
            page.contains("<span class=\"pad\">title: </span><span class=\"carets\">^</span>"),
            "{page}"
        );
        assert!(page.contains("<b>Hint:</b> close the `[`"), "{page}");
        assert!(page.contains("<html lang=\"en\""), "{page}");
        assert!(!page.contains("{{"), "{page}");
    }

    #[test]
    fn the_page_speaks_the_language_asked_for() {
        let ja = page(&broken(), Lang::Ja);
        assert!(ja.contains("<html lang=\"ja\""));
        assert!(
            ja.contains("エラーがあります") && ja.contains("2 行目"),
            "{ja}"
        );
        let en = page(&broken(), Lang::En);
        assert!(
            en.contains("The site has errors") && en.contains("line 2"),
            "{en}"
        );
        assert!(!en.contains("エラーがあります"));
    }

    /// A Japanese page shows each error's Japanese message and hint, an English page the
    /// English: the same diagnostic carries both.
    #[test]
    fn the_page_shows_each_message_in_its_language() {
        let errors = vec![Diagnostic::error(msg!("output-locked", out = "public"))
            .hint(msg!("output-locked-hint"))
            .parts()];
        let ja = page(&errors, Lang::Ja);
        assert!(
            ja.contains("別の shishin のビルドが、いま public に書き込んでいます。"),
            "{ja}"
        );
        assert!(
            ja.contains("<b>ヒント:</b> そのビルドが終わるのを待って"),
            "{ja}"
        );
        assert!(!ja.contains("another shishin build"), "{ja}");
        let en = page(&errors, Lang::En);
        assert!(
            en.contains("another shishin build is writing to public right now"),
            "{en}"
        );
        assert!(
            en.contains("<b>Hint:</b> wait until it has finished"),
            "{en}"
        );
        assert!(!en.contains("別の shishin"), "{en}");
    }

    #[test]
    fn the_script_is_served_with_its_settings() {
        let script = script();
        assert!(!script.contains(SETTINGS_MARK));
        assert!(RELOAD_JS.contains(SETTINGS_MARK));
        assert!(script.contains("エラーがあります") && script.contains("The site has errors"));
        assert!(script.contains(":host"));
    }
}
