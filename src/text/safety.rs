//! What published files must never carry (SPEC §12): URLs that run script, raw HTML outside a
//! small allowlist, CSV cells that a spreadsheet would run as formulas, and characters that XML
//! forbids.
//!
//! The checks here are pure functions over text; the stages that read content (front matter,
//! Markdown, `site.yaml`) turn what they find into diagnostics at the line, and the writers of
//! CSV and XML pass every value through [`csv_cell`] and [`xml_text`].

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use crate::messages::Text;
use crate::msg;

// --- URLs --------------------------------------------------------------------------------------

/// Why a URL may not be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnsafeUrl {
    /// `javascript:` or `vbscript:`: following the link runs the script.
    Script(&'static str),
    /// An SVG image written inline: SVG can carry script.
    SvgData,
    /// Any other `data:` URL that is not a raster image (`data:text/html,…`).
    Data,
}

impl UnsafeUrl {
    /// What is wrong, for a message that starts with what the URL is (`the link`, `source.url`).
    pub fn problem(&self) -> Text {
        match self {
            UnsafeUrl::Script(scheme) => msg!("url-runs-a-script", scheme = *scheme),
            UnsafeUrl::SvgData => msg!("url-svg-data"),
            UnsafeUrl::Data => msg!("url-other-data"),
        }
    }

    /// How to fix it.
    pub fn hint(&self) -> Text {
        match self {
            UnsafeUrl::Script(_) => msg!("url-runs-a-script-hint"),
            UnsafeUrl::SvgData => msg!("url-svg-data-hint"),
            UnsafeUrl::Data => msg!("url-other-data-hint"),
        }
    }
}

/// Raster image types that may be written as `data:` URLs: a browser only decodes them.
const RASTER_IMAGES: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/jpg",
    "image/gif",
    "image/webp",
    "image/avif",
    "image/bmp",
];

/// Whether a URL would run code when published, judged the way a browser reads it.
pub fn unsafe_url(url: &str) -> Option<UnsafeUrl> {
    let url = as_browser_reads(url);
    let (scheme, rest) = url.split_once(':')?;
    if !scheme
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        return None;
    }
    match scheme.to_ascii_lowercase().as_str() {
        "javascript" => Some(UnsafeUrl::Script("javascript")),
        "vbscript" => Some(UnsafeUrl::Script("vbscript")),
        "data" => data_url(rest),
        _ => None,
    }
}

/// A `data:` URL's problem, from what follows `data:`.
fn data_url(rest: &str) -> Option<UnsafeUrl> {
    let media = rest
        .split([',', ';'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if RASTER_IMAGES.contains(&media.as_str()) {
        None
    } else if media.starts_with("image/svg") {
        Some(UnsafeUrl::SvgData)
    } else {
        Some(UnsafeUrl::Data)
    }
}

/// A URL as a browser's URL parser sees it (WHATWG URL): leading and trailing C0 controls and
/// spaces are stripped and tabs and newlines anywhere are removed, so `" java\tscript:"` is
/// `javascript:`.
fn as_browser_reads(url: &str) -> Cow<'_, str> {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    if trimmed.contains(['\t', '\n', '\r']) {
        Cow::Owned(trimmed.replace(['\t', '\n', '\r'], ""))
    } else {
        Cow::Borrowed(trimmed)
    }
}

// --- Raw HTML ----------------------------------------------------------------------------------

/// Elements that raw HTML in Markdown may use: text-level markup that cannot load or run
/// anything.
pub const ALLOWED_ELEMENTS: &[&str] = &[
    "br", "sup", "sub", "ruby", "rt", "rp", "span", "abbr", "small", "mark", "kbd", "del", "ins",
];

/// Attributes those elements may carry.
pub const ALLOWED_ATTRIBUTES: &[&str] = &["lang", "title", "class"];

/// Something in a raw HTML fragment outside the allowlist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlFinding {
    /// Byte range in the fragment of what is not allowed (the tag's or attribute's name).
    pub range: Range<usize>,
    pub message: Text,
    pub hint: Text,
}

/// Every element and attribute of a raw HTML fragment that is outside the allowlist. The
/// fragment is read by html5ever's tokenizer, as a browser would read it: names are compared
/// lowercased and attribute values with their character references decoded. Comments pass, end
/// tags too (they carry nothing a browser acts on).
pub fn check_html(fragment: &str) -> Vec<HtmlFinding> {
    let sink = Collector::default();
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(fragment));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let found = tokenizer.sink.found.take();
    let lower = fragment.to_ascii_lowercase();
    found
        .into_iter()
        .map(|f| {
            let start = locate(&lower, f.line, &f.needle);
            HtmlFinding {
                range: start..start + f.needle.len().min(fragment.len() - start),
                message: f.message,
                hint: f.hint,
            }
        })
        .collect()
}

/// A finding before it is located: the line the token ended on and the text to look for.
struct Pending {
    line: u64,
    needle: String,
    message: Text,
    hint: Text,
}

#[derive(Default)]
struct Collector {
    found: RefCell<Vec<Pending>>,
}

impl TokenSink for Collector {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let mut found = self.found.borrow_mut();
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                let name = tag.name.to_string();
                let attrs: Vec<(String, String)> = tag
                    .attrs
                    .iter()
                    .map(|a| (a.name.local.to_string(), a.value.to_string()))
                    .collect();
                found.extend(tag_findings(&name, &attrs, line));
            }
            Token::DoctypeToken(_) => found.push(Pending {
                line,
                needle: "<!".into(),
                message: msg!("html-doctype"),
                hint: msg!("html-doctype-hint"),
            }),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// What is wrong with one start tag: the element itself, or else each attribute.
fn tag_findings(name: &str, attrs: &[(String, String)], line: u64) -> Vec<Pending> {
    if !ALLOWED_ELEMENTS.contains(&name) {
        let url = attrs.iter().find_map(|(a, v)| {
            unsafe_url(v).map(|u| msg!("html-element-url", attribute = a, problem = u.problem()))
        });
        return vec![Pending {
            line,
            needle: format!("<{name}"),
            message: match url {
                Some(url) => msg!("html-element-with-url", element = name, url = url),
                None => msg!("html-element", element = name),
            },
            hint: element_hint(name),
        }];
    }
    attrs
        .iter()
        .filter(|(a, _)| !ALLOWED_ATTRIBUTES.contains(&a.as_str()))
        .map(|(a, _)| Pending {
            line,
            needle: a.clone(),
            message: attribute_message(name, a),
            hint: msg!(
                "html-attribute-hint",
                attribute = a,
                allowed = ALLOWED_ATTRIBUTES.join(", ")
            ),
        })
        .collect()
}

fn attribute_message(element: &str, attr: &str) -> Text {
    if attr.starts_with("on") {
        msg!("html-attribute-script", attribute = attr, element = element)
    } else if attr == "style" {
        msg!("html-attribute-style", element = element)
    } else {
        msg!("html-attribute", attribute = attr, element = element)
    }
}

/// How to do without a disallowed element, in the words of someone who writes Markdown.
fn element_hint(name: &str) -> Text {
    let allowed = ALLOWED_ELEMENTS
        .iter()
        .map(|e| format!("<{e}>"))
        .collect::<Vec<_>>()
        .join(" ");
    let how = match name {
        "script" | "noscript" | "iframe" | "frame" | "frameset" | "object" | "embed" | "applet"
        | "style" | "link" | "meta" | "base" | "form" | "input" | "button" | "textarea"
        | "select" | "svg" | "math" | "template" | "portal" => {
            msg!("html-how-remove")
        }
        "a" => msg!("html-how-link"),
        "img" | "picture" | "video" | "audio" | "source" => msg!("html-how-image"),
        "table" | "thead" | "tbody" | "tr" | "td" | "th" => msg!("html-how-table"),
        "b" | "strong" => msg!("html-how-bold"),
        "i" | "em" => msg!("html-how-emphasis"),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => msg!("html-how-heading"),
        "ul" | "ol" | "li" => msg!("html-how-list"),
        "p" | "div" => msg!("html-how-paragraph"),
        "code" | "pre" => msg!("html-how-code"),
        _ => msg!("html-how-other"),
    };
    msg!("html-element-hint", how = how, allowed = allowed)
}

/// Byte offset of `needle` (lowercase) in `lower` (the fragment lowercased): its last
/// occurrence that starts before the end of 1-based line `line`, where the tokenizer finished
/// the tag. The start of that line when it is not found.
fn locate(lower: &str, line: u64, needle: &str) -> usize {
    let mut line_start = 0;
    for _ in 1..line {
        match lower[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => break,
        }
    }
    let line_end = lower[line_start..]
        .find('\n')
        .map_or(lower.len(), |i| line_start + i);
    lower[..line_end].rfind(needle).unwrap_or(line_start)
}

// --- CSV ---------------------------------------------------------------------------------------

/// A CSV cell that a spreadsheet will not run as a formula: text beginning with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'` (OWASP's advice; Excel shows the text
/// as written). A plain number such as `-5` or `-0.25` stays as it is: it cannot be a formula,
/// and SPEC §11 wants numbers in CSV to stay numbers.
pub fn csv_cell(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// `-5`, `-0.25`, `-1e3`: an optional minus, digits, an optional fraction and exponent.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let starts_with_digit = digits.starts_with(|c: char| c.is_ascii_digit());
    starts_with_digit
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E'))
        && digits.parse::<f64>().is_ok()
}

/// Writes one record with every cell passed through [`csv_cell`].
pub fn write_csv_record<W: std::io::Write, S: AsRef<str>>(
    writer: &mut csv::Writer<W>,
    record: &[S],
) -> csv::Result<()> {
    writer.write_record(record.iter().map(|c| csv_cell(c.as_ref()).into_owned()))
}

// --- XML ---------------------------------------------------------------------------------------

/// Whether XML 1.0 allows the character in a document (its `Char` production). Rust strings
/// hold no surrogates, so what is left out is C0 controls other than tab, LF and CR, and
/// U+FFFE and U+FFFF.
pub fn is_xml_char(c: char) -> bool {
    !matches!(c, '\0'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// `text` without the characters XML forbids: what a title or description keeps of a YAML
/// escape such as `"\f"` or `"\u0001"`. They are invisible, HTML checkers flag them and XML
/// parsers (feeds, the sitemap) refuse them.
pub fn without_forbidden_characters(text: &str) -> String {
    text.chars().filter(|&c| is_xml_char(c)).collect()
}

/// Text escaped for XML element content or an attribute value, without the characters XML
/// forbids (a feed reader refuses the whole feed for one of them).
pub fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_urls_are_found_however_they_are_written() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:x",
            "java\tscript:alert(1)",
            "java\nscript:x",
            "vbscript:msgbox",
        ] {
            assert!(
                matches!(unsafe_url(url), Some(UnsafeUrl::Script(_))),
                "{url:?}"
            );
        }
    }

    #[test]
    fn ordinary_urls_pass() {
        for url in [
            "https://ex.jp/a?b=javascript:1",
            "@/a.md",
            "../b/",
            "mailto:a@ex.jp",
            "#x",
            "map.png",
            "a/javascript:x",
            "data:image/png;base64,iVBORw0KGgo=",
            "DATA:Image/JPEG;base64,/9j/",
        ] {
            assert_eq!(unsafe_url(url), None, "{url:?}");
        }
    }

    #[test]
    fn data_urls_other_than_raster_images_are_unsafe() {
        assert_eq!(
            unsafe_url("data:text/html,<script>alert(1)</script>"),
            Some(UnsafeUrl::Data)
        );
        assert_eq!(unsafe_url("data:,hello"), Some(UnsafeUrl::Data));
        assert_eq!(
            unsafe_url("data:image/svg+xml;base64,PHN2Zz4="),
            Some(UnsafeUrl::SvgData)
        );
    }

    fn names(fragment: &str) -> Vec<String> {
        check_html(fragment)
            .into_iter()
            .map(|f| fragment[f.range].to_string())
            .collect()
    }

    #[test]
    fn allowed_html_passes() {
        for ok in [
            "<ruby>在宅<rp>(</rp><rt>ざいたく</rt><rp>)</rp></ruby>",
            "<span lang=\"en\" class=\"x\" title=\"t\">home</span>",
            "<br>",
            "<br/>",
            "<sup>1</sup><sub>2</sub>",
            "<!-- a comment <script> -->",
            "</div>",
            "<KBD>Ctrl</KBD>",
        ] {
            assert_eq!(check_html(ok), vec![], "{ok}");
        }
    }

    #[test]
    fn elements_outside_the_allowlist_are_named() {
        assert_eq!(names("<script>alert(1)</script>"), ["<script"]);
        assert_eq!(names("<IFRAME src=x></IFRAME>"), ["<IFRAME"]);
        assert_eq!(names("<p>a</p>\n<style>p{}</style>"), ["<p", "<style"]);
        let f = &check_html("<img src=x onerror=alert(1)>")[0];
        assert!(f.message.contains("`<img>`"), "{}", f.message);
        assert!(f.hint.contains("![description]"), "{}", f.hint);
    }

    #[test]
    fn disallowed_attributes_are_named_one_by_one() {
        let fragment = "<span onclick=\"x()\" style=\"color:red\" lang=en>a</span>";
        assert_eq!(names(fragment), ["onclick", "style"]);
        let found = check_html(fragment);
        assert!(found[0].message.contains("runs a script"));
        assert!(found[1].message.contains("`style`"));
    }

    #[test]
    fn encoded_script_urls_in_attributes_are_decoded() {
        let f = &check_html("<a href=\"&#106;avascript:alert(1)\">x</a>")[0];
        assert!(f.message.contains("`javascript:` URL"), "{}", f.message);
    }

    #[test]
    fn a_tag_over_several_lines_is_located_on_its_line() {
        let fragment = "<span\n  lang=ja\n  onmouseover=x>a</span>";
        let found = check_html(fragment);
        assert_eq!(found.len(), 1);
        assert_eq!(&fragment[found[0].range.clone()], "onmouseover");
    }

    #[test]
    fn formula_cells_are_quoted() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("+1+2"), "'+1+2");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("-1+2"), "'-1+2");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("\rx"), "'\rx");
        assert_eq!(csv_cell("-"), "'-");
        assert_eq!(csv_cell("a=b"), "a=b");
        assert_eq!(csv_cell(""), "");
    }

    #[test]
    fn negative_numbers_stay_numbers() {
        assert_eq!(csv_cell("-5"), "-5");
        assert_eq!(csv_cell("-0.25"), "-0.25");
        assert_eq!(csv_cell("-1e3"), "-1e3");
        assert_eq!(csv_cell("-5e"), "'-5e");
    }

    #[test]
    fn the_csv_writer_quotes_every_formula_cell() {
        let mut w = csv::Writer::from_writer(Vec::new());
        write_csv_record(&mut w, &["=1+1", "ok", "-3"]).unwrap();
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(out, "'=1+1,ok,-3\n");
    }

    #[test]
    fn xml_text_drops_forbidden_characters_and_escapes() {
        assert_eq!(xml_text("a\u{c}b\u{1}c\u{FFFF}"), "abc");
        assert_eq!(xml_text("tab\tnl\ncr\r"), "tab\tnl\ncr\r");
        assert_eq!(xml_text("<&\"'>"), "&lt;&amp;&quot;&#39;&gt;");
        assert_eq!(xml_text("在宅医療"), "在宅医療");
    }
}
