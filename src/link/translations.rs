//! Translation state (SPEC §3): a translation records, in `translated_from`, a digest of the
//! Japanese body it was made from; when the Japanese body changes, the translation is stale.
//! Here the [`TranslationState`] of a page is found, and a translation is stamped.

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::guidance::facts::FactValue;
use crate::model::{Doc, FactState, FrontMatter, Lang, Site, TranslationState};
use crate::msg;

/// Translations record the digest of their Japanese body.
pub use crate::text::digest;

/// Whether a translation leaves out something it takes from its original: what the document is
/// (`date`, `source`, `prefecture`) and the `facts` it gives are the same in both languages, so a
/// translation need not repeat them.
pub fn inherits(ja: &FrontMatter, en: &FrontMatter) -> bool {
    (en.date.is_none() && ja.date.is_some())
        || (en.source.is_none() && ja.source.is_some())
        || (en.prefecture.is_none() && ja.prefecture.is_some())
        || (en.facts.is_empty() && !ja.facts.is_empty())
}

/// Gives the translation what it does not set itself of its original's `date`, `source`,
/// `prefecture` and `facts`; what it sets stays its own.
pub fn inherit(ja: &FrontMatter, en: &mut FrontMatter) {
    if en.date.is_none() {
        en.date = ja.date;
    }
    if en.source.is_none() {
        en.source.clone_from(&ja.source);
    }
    if en.prefecture.is_none() {
        en.prefecture = ja.prefecture;
    }
    if en.facts.is_empty() {
        en.facts.clone_from(&ja.facts);
    }
}

/// A `text` or `list` fact a page gives without its English (SPEC §6.1): the English outputs
/// show its Japanese (marked `lang="ja"`), and `i18n status` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UntranslatedFact<'a> {
    /// The Japanese file that gives the fact.
    pub file: &'a str,
    /// The fact's key in site.yaml.
    pub key: &'a str,
}

/// Every `text` and `list` fact of the site's pages that has no `en:`, in the order of the
/// pages; none on a site without English.
pub fn untranslated_facts(site: &Site) -> Vec<UntranslatedFact<'_>> {
    if !site.config.has(Lang::En) {
        return Vec::new();
    }
    site.pages
        .iter()
        .flat_map(|page| {
            let doc = &site.docs[page.ja];
            doc.front
                .facts
                .iter()
                .filter(|f| {
                    f.en.is_none()
                        && matches!(
                            f.state,
                            FactState::Stated(FactValue::Text(_) | FactValue::List(_))
                        )
                })
                .map(move |f| UntranslatedFact {
                    file: &doc.path,
                    key: &f.key,
                })
        })
        .collect()
}

pub fn state(ja: &Doc, en: Option<&Doc>) -> TranslationState {
    let Some(en) = en else {
        return TranslationState::Missing;
    };
    match &en.front.translated_from {
        None => TranslationState::Unstamped,
        Some(d) if d == ja.body_digest() => TranslationState::Current,
        Some(_) => TranslationState::Stale,
    }
}

/// Writes `translated_from: DIGEST` into a translation's front matter, replacing an old one,
/// keeping every other byte of the file as it was.
pub fn stamp_file(path: &Path, digest: &str) -> Result<(), Diagnostic> {
    let display = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(msg!("cannot-read", path = &display, why = e.to_string()))
            .in_file(&display)
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Diagnostic::error(msg!("stamp-not-utf8", path = &display))
            .in_file(&display)
            .hint(msg!("stamp-not-utf8-hint"))
    })?;
    let new = stamp_text(&text, digest).ok_or_else(|| {
        Diagnostic::error(msg!("stamp-without-front-matter", path = &display))
            .in_file(&display)
            .hint(msg!("stamp-without-front-matter-hint"))
    })?;
    if new != text {
        std::fs::write(path, new).map_err(|e| {
            Diagnostic::error(msg!("cannot-write", path = &display, why = e.to_string()))
                .in_file(&display)
        })?;
    }
    Ok(())
}

/// The text with its `translated_from` line set; `None` without front matter.
pub fn stamp_text(text: &str, digest: &str) -> Option<String> {
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let body_start = text
        .strip_prefix('\u{feff}')
        .map_or(0, |_| '\u{feff}'.len_utf8());
    let rest = &text[body_start..];
    let first_end = rest.find('\n')?;
    if rest[..first_end].trim_end() != "---" {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 40);
    out.push_str(&text[..body_start + first_end + 1]);
    let mut pos = body_start + first_end + 1;
    let mut written = false;
    loop {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = &text[pos..end];
        if line.trim_end() == "---" || line.trim_end() == "..." {
            if !written {
                out.push_str(&format!("translated_from: {digest}{nl}"));
            }
            out.push_str(&text[pos..]);
            return Some(out);
        }
        if line.starts_with("translated_from:") {
            out.push_str(&format!("translated_from: {digest}{nl}"));
            written = true;
        } else {
            out.push_str(line);
        }
        if end >= text.len() {
            return None;
        }
        pos = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_ignores_line_endings_and_trailing_space() {
        assert_eq!(digest("a  \nb\n"), digest("a\r\nb"));
        assert_ne!(digest("a\nb"), digest("a\nc"));
        assert_eq!(digest("x").len(), 16);
    }

    #[test]
    fn stamp_inserts_then_replaces() {
        let t = "---\ntitle: A\n---\nbody\n";
        let once = stamp_text(t, "abc").unwrap();
        assert_eq!(once, "---\ntitle: A\ntranslated_from: abc\n---\nbody\n");
        let twice = stamp_text(&once, "def").unwrap();
        assert_eq!(twice, "---\ntitle: A\ntranslated_from: def\n---\nbody\n");
    }

    #[test]
    fn stamp_keeps_crlf() {
        let t = "---\r\ntitle: A\r\n---\r\nbody\r\n";
        assert_eq!(
            stamp_text(t, "abc").unwrap(),
            "---\r\ntitle: A\r\ntranslated_from: abc\r\n---\r\nbody\r\n"
        );
        assert!(stamp_text("no front matter\n", "x").is_none());
    }
}
