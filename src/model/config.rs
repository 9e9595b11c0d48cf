//! The site's configuration, validated: what `site.yaml` says (SPEC §2). The load stage reads
//! and checks it (`load::config`); the types here are what every later stage reads.

use indexmap::IndexMap;
use serde::Deserialize;

use crate::diagnostics::SourceFile;
use crate::guidance::facts::FactType;

use super::{Kind, Lang};

/// A text in both languages; English falls back to Japanese.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub ja: String,
    pub en: Option<String>,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => self.en.as_deref().unwrap_or(&self.ja),
        }
    }
}

/// How page bodies are read (`markdown:` in site.yaml).
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    #[serde(default)]
    pub raw_html: RawHtml,
}

/// What raw HTML in a page body may do (SPEC §12).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Only harmless text-level elements and attributes; anything else is an error.
    #[default]
    Safe,
    /// Passed through as written: every author can run scripts on the site.
    Trusted,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObligationsConfig {
    #[serde(default = "default_threshold")]
    pub match_threshold: f64,
    #[serde(default)]
    pub sets: IndexMap<String, Localized>,
}

impl Default for ObligationsConfig {
    fn default() -> Self {
        ObligationsConfig {
            match_threshold: default_threshold(),
            sets: IndexMap::new(),
        }
    }
}

fn default_threshold() -> f64 {
    0.6
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactDecl {
    pub ja: String,
    pub en: Option<String>,
    #[serde(rename = "type")]
    pub ty: FactType,
}

impl FactDecl {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => self.en.as_deref().unwrap_or(&self.ja),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparisonDecl {
    pub ja: String,
    pub en: Option<String>,
    pub kind: Option<Kind>,
    pub facts: Vec<String>,
}

/// The validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: Localized,
    pub description: Option<Localized>,
    /// Always ends with `/`; its path percent-encoded (`urls::encode_url_path`).
    pub base_url: String,
    /// The path of `base_url`, where the site lives on its host: `/` or `/zaitaku/`;
    /// percent-encoded, as every URL of the site carries it (`/%E5%9C%A8%E5%AE%85/`).
    pub base_path: String,
    pub languages: Vec<Lang>,
    pub theme: String,
    pub obligations: ObligationsConfig,
    pub facts: IndexMap<String, FactDecl>,
    pub comparisons: IndexMap<String, ComparisonDecl>,
    pub markdown: MarkdownConfig,
    pub file: SourceFile,
}

impl Config {
    pub fn has(&self, lang: Lang) -> bool {
        self.languages.contains(&lang)
    }
}
