//! What the preview shows when a rebuild fails: the error overlay that `reload.js` puts over an
//! open page, and the error page (`/__shishin/error`, and any missing path while the site is
//! broken). Both show the same panel: one block per error with `path:line:column`, the message,
//! the source line with the span marked and the carets the terminal draws under it, and the
//! hint. The errors travel as [`Parts`] (JSON on the event stream), never as terminal text.
//!
//! The panel's own words follow the page's language, so a Japanese page gets a Japanese title
//! and button; the messages themselves are the diagnostics' own. The words and the styles live
//! here once: the page is rendered from them, and the script is served with them inlined, so the
//! overlay and the page cannot drift apart.

use std::fmt::Write as _;
use std::sync::LazyLock;

use serde::Serialize;

use crate::diagnostics::{Parts, ShownLine};
use crate::markdown::escape;
use crate::text::lang::Lang;

const RELOAD_JS: &str = include_str!("reload.js");
const ERROR_HTML: &str = include_str!("error.html");
const CSS: &str = include_str!("overlay.css");
/// Where `reload.js` takes its words and styles: a valid script alone (the overlay then has
/// neither), replaced when served.
const SETTINGS_MARK: &str = "/* shishin:overlay-settings */ null";

/// The panel's own words in one language.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Words {
    /// The panel's heading.
    pub title: &'static str,
    /// Under the heading: what the browser shows meanwhile, and what to do.
    pub kept: &'static str,
    pub close: &'static str,
    /// Names a source line for screen readers, `{n}` being its number.
    pub line: &'static str,
    /// Before a diagnostic's hint.
    pub hint: &'static str,
}

pub fn words(lang: Lang) -> Words {
    match lang {
        Lang::Ja => Words {
            title: "エラーがあります",
            kept: "最後に正しく作れた版を表示しています。ファイルを直して保存すると、この表示は消えます。",
            close: "閉じる",
            line: "{n} 行目",
            hint: "ヒント",
        },
        Lang::En => Words {
            title: "The site has errors",
            kept: "The last good version is still shown. Fix the file and save it: this message goes away by itself.",
            close: "Close",
            line: "line {n}",
            hint: "Hint",
        },
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
        .replace("{{title}}", &escape(words.title))
        .replace("{{kept}}", &escape(words.kept))
        .replace("{{blocks}}", &blocks(errors, &words, 2))
}

/// One `<li class="block">` per error, headed at `level`. `reload.js` (`block`) builds the
/// same elements.
fn blocks(errors: &[Parts], words: &Words, level: u8) -> String {
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
        let _ = write!(html, "<p class=\"message\">{}</p>", escape(&parts.message));
        if let (Some(shown), Some(line)) = (&parts.source, parts.line) {
            source(&mut html, shown, line, words);
        }
        if let Some(hint) = &parts.hint {
            let _ = write!(
                html,
                "<p class=\"hint\"><b>{}:</b> {}</p>",
                escape(words.hint),
                escape(hint)
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

    fn broken() -> Vec<Parts> {
        let file = SourceFile {
            path: "content/a.md".into(),
            text: "---\ntitle: [計画案 <b>\n---\n".to_string().into(),
        };
        let at = file.text.find('[').unwrap();
        vec![
            Diagnostic::error("cannot read <front matter>")
                .at(&file, at..at + 1)
                .hint("close the `[`")
                .parts(),
            Diagnostic::error("second").in_file("site.yaml").parts(),
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

    #[test]
    fn the_script_is_served_with_its_settings() {
        let script = script();
        assert!(!script.contains(SETTINGS_MARK));
        assert!(RELOAD_JS.contains(SETTINGS_MARK));
        assert!(script.contains("エラーがあります") && script.contains("The site has errors"));
        assert!(script.contains(":host"));
    }
}
