//! Everything shishin says to the person running it, in Japanese and in English (SPEC §1).
//!
//! The words live in one place, two [Project Fluent](https://projectfluent.org) files beside
//! this module: `ja.ftl` and `en.ftl`. They are plain text that a translator edits without
//! reading Rust; both are built into the binary, so nothing is read at run time. A message
//! is found by a stable kebab-case id and filled with named values:
//!
//! ```text
//! # en.ftl
//! no-content-folder = there is no content folder at { $path }
//! # ja.ftl
//! no-content-folder = { $path } に content フォルダがありません。
//! ```
//!
//! and made in Rust with [`msg!`], which renders it in both languages at once into a [`Text`]:
//!
//! ```
//! use shishin::msg;
//! use shishin::messages::Lang;
//! let text = msg!("no-content-folder", path = "site/content");
//! assert_eq!(text.en(), "there is no content folder at site/content");
//! assert!(text.in_lang(Lang::Ja).contains("content フォルダ"));
//! ```
//!
//! A [`Text`] carries both languages, so one value is printed in the terminal's language and
//! shown in the preview's error overlay in the page's language. Counts use Fluent's plural
//! forms (`{ $count -> [one] 1 error *[other] { $count } errors }`); a value that is itself a
//! message (a fragment such as "is a `javascript:` URL") is passed as a [`Text`] and is filled
//! in the same language.
//!
//! # Adding a message
//!
//! 1. Pick an id that says what happened (`page-without-title`), and add it to **both**
//!    `en.ftl` and `ja.ftl`, with the same `$variables`. Say what is wrong and how to fix it, in
//!    words a health-department staff member uses; the Japanese in plain polite form (です・ます).
//! 2. Make it with `msg!("page-without-title", path = display)`; values are text, numbers or
//!    other [`Text`]s.
//! 3. `cargo test --lib messages` checks that both files have the same ids with the same
//!    variables, that every id is used in `src/` and every id used exists, and that the
//!    Japanese is Japanese.
//!
//! # Values that are not words
//!
//! Only the catalogue makes words: a [`Text`] is made by [`msg!`], and there is no way from a
//! `String` to a [`Text`] but [`Text::verbatim`], for what reads the same in every language (a
//! path, a name, a value quoted from a file, a library's own error text filled into a message),
//! and [`Text::both`], for text that already exists in both languages.
//!
//! # Which language
//!
//! [`choose`]: `--messages ja|en` when given; otherwise the locale in POSIX order (`LC_ALL`,
//! then `LC_MESSAGES`, then `LANG`, the first one set and not empty), Japanese when it starts
//! with `ja`, English for anything else or nothing. [`terminal`] is the language chosen for this
//! process's terminal, set once by the command line.

mod lang;

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, LazyLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use lang::Lang;

/// The catalogue's two files, as built into the binary.
pub const JA_FTL: &str = include_str!("ja.ftl");
pub const EN_FTL: &str = include_str!("en.ftl");

/// A message in both languages, rendered when it was made. Shared, not copied: a diagnostic
/// carries two, and is moved about in `Result`s.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Arc<Both>);

#[derive(Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Both {
    ja: String,
    en: String,
}

impl Text {
    fn pair(ja: String, en: String) -> Text {
        Text(Arc::new(Both { ja, en }))
    }

    /// The catalogue's message `id` with `args` in both languages; [`msg!`] is the short way.
    pub fn of(id: &str, args: &[(&str, Arg)]) -> Text {
        Text::pair(render(Lang::Ja, id, args), render(Lang::En, id, args))
    }

    /// A text that reads the same in every language: a path, a name, a value quoted from a file.
    pub fn verbatim(text: impl Into<String>) -> Text {
        let text = text.into();
        Text::pair(text.clone(), text)
    }

    /// Two texts that are not messages of the catalogue but already exist in both languages
    /// (a page's own title, a value quoted from a file).
    pub fn both(ja: impl Into<String>, en: impl Into<String>) -> Text {
        Text::pair(ja.into(), en.into())
    }

    pub fn in_lang(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.0.ja,
            Lang::En => &self.0.en,
        }
    }

    pub fn ja(&self) -> &str {
        &self.0.ja
    }

    pub fn en(&self) -> &str {
        &self.0.en
    }

    /// The English text; what logs and tests read. Anything shown to a person picks a
    /// language with [`Text::in_lang`].
    pub fn as_str(&self) -> &str {
        &self.0.en
    }

    /// `items` one after the other, with the catalogue's list separator (`, `, `、`).
    pub fn join(items: &[Text]) -> Text {
        let separator = crate::msg!("list-separator");
        let join = |lang| {
            items
                .iter()
                .map(|t| t.in_lang(lang))
                .collect::<Vec<_>>()
                .join(separator.in_lang(lang))
        };
        Text::pair(join(Lang::Ja), join(Lang::En))
    }
}

/// The English text, so that a test or a log line reads a message as a `str`
/// (`d.message.contains("…")`).
impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0.en
    }
}

/// The English text, for a log line or a test's failure message; a person is shown
/// [`Text::in_lang`].
impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.en)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.0.en == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.0.en == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        &self.0.en == other
    }
}

impl From<&Text> for Text {
    fn from(text: &Text) -> Text {
        text.clone()
    }
}

impl serde::Serialize for Text {
    /// `{"ja": …, "en": …}`: a page picks its language.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Text", 2)?;
        st.serialize_field("ja", &self.0.ja)?;
        st.serialize_field("en", &self.0.en)?;
        st.end()
    }
}

/// A value filled into a message.
#[derive(Debug, Clone)]
pub enum Arg {
    Str(String),
    /// A count or a measure: Fluent picks the plural form by it.
    Number(f64),
    /// A fragment that is itself a message, filled in the same language.
    Text(Text),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}

impl From<&&str> for Arg {
    fn from(s: &&str) -> Arg {
        Arg::Str(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Str(s.clone())
    }
}

impl From<std::borrow::Cow<'_, str>> for Arg {
    fn from(s: std::borrow::Cow<'_, str>) -> Arg {
        Arg::Str(s.into_owned())
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Arg {
        Arg::Text(t)
    }
}

impl From<&Text> for Arg {
    fn from(t: &Text) -> Arg {
        Arg::Text(t.clone())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(usize, u8, u16, u32, u64, i32, i64, f64);

/// A message of the catalogue in both languages: `msg!(ID, name = value, …)`. The values are
/// text, numbers (for plurals) or [`Text`]s. See the module doc.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Text::of(
            $id,
            &[$((stringify!($name), $crate::messages::Arg::from($value))),*],
        )
    };
}

/// The two catalogues, parsed once.
static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 2]> =
    LazyLock::new(|| [bundle(Lang::Ja, JA_FTL), bundle(Lang::En, EN_FTL)]);

fn bundle(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
    let id = lang
        .code()
        .parse()
        .expect("a language code is a language id");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // The bidirectional isolation marks Fluent puts around values are for right-to-left
    // scripts; in a terminal they show as stray characters.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(source.to_string())
        .unwrap_or_else(|(_, errors)| panic!("{}.ftl does not parse: {errors:?}", lang.code()));
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("{}.ftl: {errors:?}", lang.code()));
    bundle
}

/// The message `id` in `lang`. An id missing from the catalogue (which the tests rule out)
/// shows as the id and its values, never as nothing.
fn render(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = &BUNDLES[match lang {
        Lang::Ja => 0,
        Lang::En => 1,
    }];
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            Arg::Str(s) => FluentValue::from(s.clone()),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Text(t) => FluentValue::from(t.in_lang(lang).to_string()),
        };
        fluent_args.set(*name, value);
    }
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        let values: Vec<String> = args.iter().map(|(n, v)| format!("{n}={v:?}")).collect();
        return format!("{id} {}", values.join(" "));
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(errors.is_empty(), "{id}: {errors:?}");
    text.into_owned()
}

/// The language of messages: `flag` (`--messages`) when given, else the locale's.
pub fn choose(flag: Option<Lang>) -> Lang {
    flag.unwrap_or_else(|| {
        let var = |name| std::env::var(name).ok();
        of_locale(
            var("LC_ALL").as_deref(),
            var("LC_MESSAGES").as_deref(),
            var("LANG").as_deref(),
        )
    })
}

/// The language of messages for a locale given as POSIX reads it: the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty decides; Japanese when it starts with
/// `ja` (`ja_JP.UTF-8`, `ja`), English for anything else (`C`, `POSIX`, `en_US.UTF-8`) or when
/// none is set.
pub fn of_locale(lc_all: Option<&str>, lc_messages: Option<&str>, lang: Option<&str>) -> Lang {
    let locale = [lc_all, lc_messages, lang]
        .into_iter()
        .flatten()
        .find(|v| !v.is_empty());
    match locale {
        Some(l) if l.starts_with("ja") => Lang::Ja,
        _ => Lang::En,
    }
}

/// The language this process speaks in its terminal (English until [`set_terminal`]).
static TERMINAL: AtomicU8 = AtomicU8::new(1);

/// Sets the terminal's language, once, from the command line. A process has one terminal, and
/// lines are printed from deep inside (an interrupted write, the preview's rebuilds), so the
/// choice is kept here rather than passed through every call.
pub fn set_terminal(lang: Lang) {
    TERMINAL.store(
        match lang {
            Lang::Ja => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

/// The terminal's language.
pub fn terminal() -> Lang {
    match TERMINAL.load(Ordering::Relaxed) {
        0 => Lang::Ja,
        _ => Lang::En,
    }
}

/// A message in the terminal's language.
pub fn say(text: &Text) -> &str {
    text.in_lang(terminal())
}

#[cfg(test)]
mod tests;
