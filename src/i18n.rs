//! What changed in a Japanese page since its translation was stamped (`shishin i18n status
//! --diff PATH`, SPEC §3).
//!
//! A translation's `translated_from:` is a digest: it tells that the Japanese text changed, not
//! how. To show how, the text it was made from must be kept. `shishin i18n stamp` keeps it, the
//! Japanese body exactly as stamped, in `.shishin/i18n/` beside `content/` (one file per page,
//! at the page's path: `.shishin/i18n/prefectures/chiba/plan.md`), and the diff compares it with
//! today's text as a 新旧対照表 ([`crate::versions`]), the table staff already read.
//!
//! Why a store and not the history of git: the sites of prefectural offices often live on file
//! shares, not in a repository; where they are in one, finding the commit whose body has the
//! stamped digest means hashing every past version of the file. The store is written at the one
//! moment the text is known, and the digest in it is checked before it is used: a stamp edited
//! by hand, or made before the store existed, is said to be unrecoverable in plain words, never
//! compared with the wrong text.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::link::translations::digest;
use crate::messages::Text;
use crate::msg;
use crate::text::lang::Lang;
use crate::versions;

/// The folder of the stamped originals, below the site's folder.
pub const STORE: &str = ".shishin/i18n";

/// Where the original of the page `key` (`a/b.md`, below `content/`) is kept when stamped.
pub fn kept_path(root: &Path, key: &str) -> PathBuf {
    key.split('/')
        .fold(root.join(STORE), |path, part| path.join(part))
}

/// Keeps the Japanese body a translation is stamped from, replacing what was kept before.
pub fn keep_original(root: &Path, key: &str, body: &str) -> Result<(), Diagnostic> {
    let path = kept_path(root, key);
    let cannot = |e: std::io::Error| {
        Diagnostic::error(msg!(
            "i18n-cannot-keep",
            key = key,
            path = path.display().to_string(),
            why = e.to_string()
        ))
        .hint(msg!("i18n-cannot-keep-hint", store = STORE))
    };
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(cannot)?;
    }
    // Written beside and renamed: a stamp interrupted leaves the old text or the new, whole.
    let partial = path.with_extension("md.partial");
    std::fs::write(&partial, body).map_err(cannot)?;
    std::fs::rename(&partial, &path).map_err(cannot)
}

/// What became of a translation's original since the stamp.
#[derive(Debug, PartialEq)]
pub enum SinceStamp {
    /// The translation was never stamped.
    NotStamped,
    /// The Japanese text is the one the translation was made from.
    Unchanged,
    /// It changed, and the text the translation was made from is kept.
    Changed { old: String, new: String },
    /// It changed, but the text the translation was made from is not kept.
    NotKept,
}

/// Compares the original of the page `key` as it is (`current`, its body) with the text the
/// translation stamped `stamped` was made from.
pub fn since_stamp(root: &Path, key: &str, stamped: Option<&str>, current: &str) -> SinceStamp {
    let Some(stamped) = stamped else {
        return SinceStamp::NotStamped;
    };
    if digest(current) == stamped {
        return SinceStamp::Unchanged;
    }
    match std::fs::read_to_string(kept_path(root, key)) {
        Ok(old) if digest(&old) == stamped => SinceStamp::Changed {
            old,
            new: current.to_string(),
        },
        _ => SinceStamp::NotKept,
    }
}

/// The `translated_from:` of a translation's front matter, as written.
pub fn stamped_digest(text: &str) -> Option<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    lines
        .take_while(|l| !matches!(l.trim_end(), "---" | "..."))
        .find_map(|l| l.strip_prefix("translated_from:"))
        .map(|v| v.trim().trim_matches(['"', '\'']))
}

/// What `i18n status --diff` prints for a translation `en` (its path as shown) of `ja`, in
/// both languages: the lines around the table are messages, the table itself is printed in
/// each language.
pub fn report(since: &SinceStamp, ja: &str, en: &str) -> Text {
    let line = |text: Text| Text::both(format!("{}\n", text.ja()), format!("{}\n", text.en()));
    match since {
        SinceStamp::NotStamped => line(msg!("i18n-diff-not-stamped", ja = ja, en = en)),
        SinceStamp::Unchanged => line(msg!("i18n-diff-unchanged", ja = ja, en = en)),
        SinceStamp::NotKept => line(msg!("i18n-diff-not-kept", ja = ja, en = en)),
        SinceStamp::Changed { old, new } => {
            let rows = versions::compare(old, new);
            let heading = msg!("i18n-diff-changed", ja = ja, en = en);
            let old_caption = msg!("i18n-diff-old-caption", ja = ja, en = en);
            let new_caption = msg!("i18n-diff-new-caption", ja = ja, en = en);
            let printed = |lang: Lang| {
                let caption = versions::output::caption(
                    lang,
                    old_caption.in_lang(lang),
                    new_caption.in_lang(lang),
                );
                format!(
                    "{}\n\n{}",
                    heading.in_lang(lang),
                    versions::print(&rows, versions::Format::Md, lang, &caption)
                )
            };
            Text::both(printed(Lang::Ja), printed(Lang::En))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stamped_digest_is_read_from_the_front_matter_only() {
        let text = "---\ntitle: A\ntranslated_from: abc123\n---\ntranslated_from: no\n";
        assert_eq!(stamped_digest(text), Some("abc123"));
        assert_eq!(
            stamped_digest("---\ntitle: A\n---\ntranslated_from: x\n"),
            None
        );
        assert_eq!(stamped_digest("no front matter\n"), None);
        assert_eq!(
            stamped_digest("\u{feff}---\r\ntranslated_from: \"d\"\r\n---\r\n"),
            Some("d")
        );
    }

    #[test]
    fn a_kept_original_is_used_only_when_its_digest_is_the_stamp() {
        let root = tempfile::tempdir().unwrap();
        let key = "prefectures/chiba/plan.md";
        let old = "本文\n";
        let stamp = digest(old);
        assert_eq!(
            since_stamp(root.path(), key, None, old),
            SinceStamp::NotStamped
        );
        assert_eq!(
            since_stamp(root.path(), key, Some(&stamp), old),
            SinceStamp::Unchanged
        );
        assert_eq!(
            since_stamp(root.path(), key, Some(&stamp), "新\n"),
            SinceStamp::NotKept
        );
        keep_original(root.path(), key, old).unwrap();
        assert!(root
            .path()
            .join(".shishin/i18n/prefectures/chiba/plan.md")
            .is_file());
        assert_eq!(
            since_stamp(root.path(), key, Some(&stamp), "新\n"),
            SinceStamp::Changed {
                old: old.into(),
                new: "新\n".into()
            }
        );
        // A stamp that is not the kept text's (edited by hand): nothing is compared.
        assert_eq!(
            since_stamp(root.path(), key, Some("0000"), "新\n"),
            SinceStamp::NotKept
        );
    }

    #[test]
    fn a_store_that_cannot_be_written_is_an_error_that_says_where() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join(".shishin"), "a file, not a folder").unwrap();
        let e = keep_original(root.path(), "a.md", "本文\n").unwrap_err();
        assert!(
            e.message.starts_with(&format!(
                "cannot keep the Japanese text of content/a.md in {}: ",
                root.path().join(".shishin/i18n/a.md").display()
            )),
            "{}",
            e.message
        );
        assert_eq!(
            e.hint.as_deref(),
            Some("shishin keeps it there to show later what changed; check that the folder .shishin/i18n of the site may be written")
        );
    }
}
