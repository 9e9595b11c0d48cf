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

/// A variable of the site's codebook (SPEC §6.1): a fact's labels, type, definition and, for
/// `type: code`, the codes it may take.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactDecl {
    pub ja: String,
    pub en: Option<String>,
    #[serde(rename = "type")]
    pub ty: FactType,
    /// What the variable records, in both languages.
    pub definition: Option<Localized>,
    /// For `type: code`: the codes, in order, with their labels.
    #[serde(default)]
    pub values: IndexMap<String, CodeLabel>,
    /// For `type: code`: a page may give several codes.
    #[serde(default)]
    pub multiple: bool,
    /// Whether pages give the fact once, or per obligation item (`scope: obligation`).
    #[serde(default)]
    pub scope: Scope,
}

/// A code's labels: both are required, since readers of each language see only the label.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeLabel {
    pub ja: String,
    pub en: String,
}

/// Where a fact is given (SPEC §6.1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Under `facts:` in a page's front matter.
    #[default]
    Page,
    /// As a nested item `- LABEL: value` under a prefecture's obligation item.
    Obligation,
}

impl FactDecl {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => self.en.as_deref().unwrap_or(&self.ja),
        }
    }

    /// The declared codes as the fact readers take them.
    pub fn choices(&self) -> Vec<crate::guidance::facts::Choice<'_>> {
        self.values
            .iter()
            .map(|(id, l)| crate::guidance::facts::Choice {
                id,
                ja: &l.ja,
                en: &l.en,
            })
            .collect()
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
    /// The English of amounts' qualifiers (`事業区域: area`), SPEC §6.1.
    pub units: IndexMap<String, String>,
    pub comparisons: IndexMap<String, ComparisonDecl>,
    pub markdown: MarkdownConfig,
    pub file: SourceFile,
}

impl Config {
    pub fn has(&self, lang: Lang) -> bool {
        self.languages.contains(&lang)
    }

    /// The fact a nested item of an obligation names: `予算上限` (its Japanese label), `Budget
    /// cap` (its English) or `budget_cap` (its id); only `scope: obligation` facts.
    pub fn obligation_fact(&self, name: &str) -> Option<(&str, &FactDecl)> {
        let name = name.trim();
        self.facts
            .iter()
            .filter(|(_, d)| d.scope == Scope::Obligation)
            .find(|(id, d)| id.as_str() == name || d.ja == name || d.en.as_deref() == Some(name))
            .map(|(id, d)| (id.as_str(), d))
    }
}
