//! Names that become paths (SPEC §12): what makes a safe URL segment, file names compared in
//! Unicode NFC, and the file names Windows cannot hold.
//!
//! Tags, slugs and ids end up as folder names in the output. A `..` there writes above the
//! folder it was meant for (a tag `..` replaced the home page), so every such name is checked
//! here before anything is made of it.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::messages::Text;
use crate::msg;

/// The longest file or folder name most file systems hold, in bytes.
const LONGEST_NAME: usize = 255;

/// Why `segment` cannot be one part of an output path, in plain words; `None` when it can.
/// The words complete a sentence such as "the tag `x` …" (「タグ x は…」).
pub fn segment_problem(segment: &str) -> Option<Text> {
    if segment.is_empty() {
        Some(msg!("name-is-empty"))
    } else if segment.trim().is_empty() {
        Some(msg!("name-is-only-spaces"))
    } else if segment == "." || segment == ".." {
        Some(msg!("name-is-a-dot-name"))
    } else if segment.contains('/') || segment.contains('\\') {
        Some(msg!("name-holds-a-slash"))
    } else if segment.chars().any(char::is_control) {
        Some(msg!("name-holds-a-control-character"))
    } else if segment.len() > LONGEST_NAME {
        Some(msg!("name-is-too-long"))
    } else {
        None
    }
}

/// The text in Unicode NFC: `が` saved by macOS as `か` + `゙` becomes the one character `が`.
/// Borrowed when it is NFC already, which is nearly always.
pub fn nfc(text: &str) -> Cow<'_, str> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => {
            let normalized: String = text.nfc().collect();
            if normalized == text {
                Cow::Borrowed(text)
            } else {
                Cow::Owned(normalized)
            }
        }
    }
}

/// Names Windows reserves for devices, whatever the case and extension (`CON`, `aux.md`).
const WINDOWS_DEVICES: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Characters Windows forbids in file names.
const WINDOWS_FORBIDDEN: [char; 7] = ['<', '>', ':', '"', '|', '?', '*'];

/// Why a Windows server could not hold a file or folder named `name`; `None` when it could.
/// The words complete "… because it …".
pub fn windows_problem(name: &str) -> Option<Text> {
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    if WINDOWS_DEVICES.contains(&stem.to_ascii_lowercase().as_str()) {
        return Some(msg!("windows-device-name", stem = stem));
    }
    if let Some(c) = name.chars().find(|c| WINDOWS_FORBIDDEN.contains(c)) {
        return Some(msg!("windows-forbidden-character", char = c.to_string()));
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return Some(msg!("windows-dot-or-space-at-end"));
    }
    None
}

/// A name like `name` that Windows can hold, to suggest: `CON.md` → `CON-page.md`,
/// `a?.md` → `a-.md`, `a.` → `a`.
pub fn windows_safe_name(name: &str) -> String {
    let replaced: String = name
        .chars()
        .map(|c| {
            if WINDOWS_FORBIDDEN.contains(&c) {
                '-'
            } else {
                c
            }
        })
        .collect();
    let trimmed = replaced.trim_end_matches(['.', ' ']);
    let (stem, rest) = trimmed.split_once('.').unwrap_or((trimmed, ""));
    let stem = stem.trim_end();
    if stem.is_empty() {
        return "page.md".into();
    }
    let dot = if rest.is_empty() { "" } else { "." };
    if WINDOWS_DEVICES.contains(&stem.to_ascii_lowercase().as_str()) {
        format!("{stem}-page{dot}{rest}")
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_segments_are_named() {
        for bad in [
            "", " ", "\u{3000}", ".", "..", "a/b", "a\\b", "a\tb", "a\nb",
        ] {
            assert!(segment_problem(bad).is_some(), "{bad:?}");
        }
        assert!(segment_problem(&"あ".repeat(86)).is_some());
        for good in ["計画", "home-care", "...", ".well", "a b", "在宅医療"] {
            assert_eq!(segment_problem(good), None, "{good:?}");
        }
    }

    #[test]
    fn nfd_becomes_nfc() {
        let nfd = "\u{304B}\u{3099}.md";
        assert_eq!(nfc(nfd), "\u{304C}.md");
        assert!(matches!(nfc("が.md"), Cow::Borrowed(_)));
        assert!(matches!(nfc("plain/ascii.md"), Cow::Borrowed(_)));
    }

    #[test]
    fn windows_device_names_in_any_case_and_with_any_extension() {
        for bad in [
            "CON.md",
            "con",
            "aux.md",
            "Nul.en.md",
            "COM1.md",
            "lpt1",
            "prn.txt",
        ] {
            assert!(windows_problem(bad).is_some(), "{bad}");
        }
        for good in ["console.md", "com10.md", "auxiliary.md", "a.md", "計画.md"] {
            assert_eq!(windows_problem(good), None, "{good}");
        }
    }

    #[test]
    fn safe_names_are_suggested() {
        assert_eq!(windows_safe_name("CON.md"), "CON-page.md");
        assert_eq!(windows_safe_name("aux"), "aux-page");
        assert_eq!(windows_safe_name("nul.en.md"), "nul-page.en.md");
        assert_eq!(windows_safe_name("a?b.md"), "a-b.md");
        assert_eq!(windows_safe_name("a. "), "a");
        for name in ["CON.md", "a?b.md", "a. ", "lpt1"] {
            assert_eq!(windows_problem(&windows_safe_name(name)), None, "{name}");
        }
    }

    #[test]
    fn windows_forbidden_characters_and_endings() {
        for bad in [
            "a<b.md", "a>b", "a:b.md", "a\"b", "a|b", "a?b", "a*b", "a.", "a ",
        ] {
            assert!(windows_problem(bad).is_some(), "{bad}");
        }
    }
}
