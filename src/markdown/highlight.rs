//! Code highlighting by syntect into CSS classes, with one generated stylesheet.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

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

/// Highlighted blocks by language and code. The same block is usually rendered twice in a row: an
/// untranslated page is published in both languages from one body, a translation keeps the code
/// of its original, and a page's languages are rendered side by side. Highlighting is the
/// costliest part of rendering Markdown.
type Cache = Mutex<HashMap<(String, String), String>>;

/// Past this many blocks the cache starts again: the repeats are close together, and a large
/// site's code must not stay in memory.
const CACHE_LIMIT: usize = 4096;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(Cache::default)
}

/// A fenced code block as `<pre class="code">`, highlighted when the language is known.
pub fn code_block(code: &str, lang: &str) -> String {
    let key = (lang.to_string(), code.to_string());
    // A poisoned lock only means another thread panicked while holding it; the map is still whole.
    if let Some(html) = cache().lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return html.clone();
    }
    let html = highlight(code, lang);
    let mut cache = cache().lock().unwrap_or_else(|e| e.into_inner());
    if cache.len() >= CACHE_LIMIT {
        cache.clear();
    }
    cache.insert(key, html.clone());
    html
}

fn highlight(code: &str, lang: &str) -> String {
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

/// At least as dark as the background of `pre.code` in the default theme (#f7f7f9): text colours
/// are checked on it.
const CODE_BACKGROUND: [u8; 3] = [0xf6, 0xf6, 0xf9];

/// WCAG AA for normal text.
const MIN_CONTRAST: f64 = 4.5;

/// The stylesheet for the classes above (`syntax.css`). The syntect theme's colours are darkened
/// where needed so that every one reaches 4.5:1 on the darkest background the sheet uses.
pub fn stylesheet() -> String {
    let themes = ThemeSet::load_defaults();
    let css = themes
        .themes
        .get("InspiredGitHub")
        .and_then(|t| css_for_theme_with_class_style(t, STYLE).ok())
        .unwrap_or_default();
    readable(&css)
}

/// Rewrites each `color: #rrggbb` of `css` to a colour with at least [`MIN_CONTRAST`] against
/// every `background-color` of the sheet and [`CODE_BACKGROUND`].
fn readable(css: &str) -> String {
    let darkest = hex_values(css, "background-color: #")
        .chain(std::iter::once(CODE_BACKGROUND))
        .map(luminance)
        .fold(1.0_f64, f64::min);
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(i) = rest.find("color: #") {
        let is_background = rest[..i].ends_with("background-");
        let start = i + "color: #".len();
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        match parse_hex(rest) {
            Some(rgb) if !is_background => {
                let fixed = darken_until(rgb, darkest);
                out.push_str(&format!("{:02x}{:02x}{:02x}", fixed[0], fixed[1], fixed[2]));
                rest = &rest[6..];
            }
            _ => {}
        }
    }
    out.push_str(rest);
    out
}

fn hex_values<'a>(css: &'a str, prefix: &'a str) -> impl Iterator<Item = [u8; 3]> + 'a {
    css.match_indices(prefix)
        .filter_map(move |(i, _)| parse_hex(&css[i + prefix.len()..]))
}

fn parse_hex(s: &str) -> Option<[u8; 3]> {
    let hex = s.get(..6)?;
    let n = u32::from_str_radix(hex, 16).ok()?;
    Some([(n >> 16) as u8, (n >> 8) as u8, n as u8])
}

/// Relative luminance (WCAG 2.1).
fn luminance(rgb: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

fn contrast(fg: f64, bg: f64) -> f64 {
    (fg.max(bg) + 0.05) / (fg.min(bg) + 0.05)
}

/// The colour, darkened in small steps (keeping its hue) until it reads on `background`.
fn darken_until(mut rgb: [u8; 3], background: f64) -> [u8; 3] {
    while contrast(luminance(rgb), background) < MIN_CONTRAST && rgb != [0, 0, 0] {
        rgb = rgb.map(|c| (f64::from(c) * 0.94) as u8);
    }
    rgb
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
    fn a_block_seen_before_is_the_same_and_the_language_is_part_of_the_key() {
        let code = "key: value # a_block_seen_before\n";
        let first = code_block(code, "yaml");
        assert!(first.contains("class=\"hl-"), "{first}");
        assert_eq!(code_block(code, "yaml"), first);
        let plain = code_block(code, "");
        assert!(!plain.contains("class=\"hl-"), "{plain}");
        assert_eq!(code_block(code, "yaml"), first);
    }

    #[test]
    fn stylesheet_uses_the_same_prefix() {
        assert!(stylesheet().contains(".hl-"));
    }

    #[test]
    fn every_text_colour_reaches_aa_contrast_on_every_background() {
        let css = stylesheet();
        let darkest = hex_values(&css, "background-color: #")
            .chain(std::iter::once(CODE_BACKGROUND))
            .map(luminance)
            .fold(1.0_f64, f64::min);
        let colours: Vec<[u8; 3]> = css
            .match_indices("color: #")
            .filter(|(i, _)| !css[..*i].ends_with("background-"))
            .filter_map(|(i, m)| parse_hex(&css[i + m.len()..]))
            .collect();
        assert!(colours.len() > 10, "{css}");
        for c in colours {
            let ratio = contrast(luminance(c), darkest);
            assert!(ratio >= MIN_CONTRAST, "{c:?}: {ratio:.2}");
        }
    }

    #[test]
    fn readable_darkens_light_colours_and_keeps_dark_ones() {
        let css =
            readable(".a { color: #b3b3b3; }\n.b { color: #323232; background-color: #ffffff; }\n");
        assert!(!css.contains("#b3b3b3"), "{css}");
        assert!(css.contains("color: #323232"), "{css}");
        assert!(css.contains("background-color: #ffffff"), "{css}");
    }
}
