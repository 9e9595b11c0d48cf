//! `site.yaml`: the site's configuration (SPEC §2), read strictly into [`Config`].

use std::io::ErrorKind;
use std::path::Path;

use indexmap::IndexMap;
use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::guidance::facts::FactType;
use crate::load::read_text;
use crate::load::yaml::Input;
use crate::load::yaml::{find_key_line, value_range};
use crate::model::config::{
    ComparisonDecl, Config, FactDecl, Localized, MarkdownConfig, ObligationsConfig, Scope,
};
use crate::model::Lang;
use crate::msg;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Localized,
    description: Option<Localized>,
    base_url: String,
    default_language: Option<String>,
    languages: Option<Vec<String>>,
    theme: Option<String>,
    #[serde(default)]
    obligations: ObligationsConfig,
    #[serde(default)]
    facts: IndexMap<String, FactDecl>,
    #[serde(default)]
    units: IndexMap<String, String>,
    #[serde(default)]
    comparisons: IndexMap<String, ComparisonDecl>,
    #[serde(default)]
    markdown: MarkdownConfig,
}

/// The error for a folder without `site.yaml`: shishin was run outside the site's folder, or
/// `--root` names the wrong one. The folder is named in full, since "." says nothing.
fn not_a_site(root: &Path) -> Diagnostic {
    let folder = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let path = folder.display().to_string();
    let message = if folder.is_dir() {
        msg!("no-site-yaml", path = path)
    } else {
        msg!("no-site-folder", path = path)
    };
    Diagnostic::error(message).hint(msg!("not-a-site-hint"))
}

impl Config {
    /// Reads `site.yaml` from the site root.
    pub fn load(root: &Path) -> Result<Config, Diagnostics> {
        let path = root.join("site.yaml");
        if std::fs::symlink_metadata(&path).is_err_and(|e| e.kind() == ErrorKind::NotFound) {
            return Err(not_a_site(root).into());
        }
        // Its encoding warning is not reported: only content pages report theirs.
        let text = read_text(&path, "site.yaml")?.text;
        let file = SourceFile {
            path: "site.yaml".into(),
            text: text.into(),
        };
        Config::parse(file)
    }

    pub fn parse(file: SourceFile) -> Result<Config, Diagnostics> {
        let raw: RawConfig = crate::load::yaml::from_str(&file.text, &file, 0, Input::SiteYaml)?;
        let mut errors = Diagnostics::default();
        let key_line = |key: &str| find_key_line(&file.text, key);

        let base_url = with_slash_encoded(&raw.base_url);
        let base_path = match url_path(&base_url) {
            Some(p) => p,
            None => {
                errors.push(
                    Diagnostic::error(msg!("base-url-not-absolute", url = &raw.base_url))
                        .at_line(&file, key_line("base_url"))
                        .hint(msg!("url-in-full-hint")),
                );
                "/".into()
            }
        };

        if let Some(problem) = crate::text::safety::unsafe_url(&raw.base_url) {
            let line = key_line("base_url");
            errors.push(
                Diagnostic::error(msg!(
                    "value-is-unsafe",
                    what = "`base_url`",
                    problem = problem.problem()
                ))
                .at(&file, value_range(&file.text, line))
                .hint(msg!("site-address-hint")),
            );
        }

        if let Some(d) = &raw.default_language {
            if d != "ja" {
                errors.push(
                    Diagnostic::error(msg!("default-language-not-ja", lang = d))
                        .at_line(&file, key_line("default_language"))
                        .hint(msg!("default-language-not-ja-hint")),
                );
            }
        }
        let mut languages = Vec::new();
        for code in raw
            .languages
            .clone()
            .unwrap_or_else(|| vec!["ja".into(), "en".into()])
        {
            match Lang::from_code(&code) {
                Some(l) if !languages.contains(&l) => languages.push(l),
                Some(_) => {}
                None => errors.push(
                    Diagnostic::error(msg!("unknown-language", lang = &code))
                        .at_line(&file, key_line("languages"))
                        .hint(msg!("unknown-language-hint")),
                ),
            }
        }
        if !languages.contains(&Lang::Ja) {
            languages.insert(0, Lang::Ja);
        }
        languages.sort();

        let threshold = raw.obligations.match_threshold;
        if !(0.0..=1.0).contains(&threshold) {
            errors.push(
                Diagnostic::error(msg!(
                    "match-threshold-out-of-range",
                    threshold = threshold.to_string()
                ))
                .at_line(&file, key_line("match_threshold"))
                .hint(msg!("match-threshold-out-of-range-hint")),
            );
        }
        for (id, decl) in &raw.facts {
            errors.extend(codebook_problems(id, decl, &file));
        }
        for (id, cmp) in &raw.comparisons {
            if raw.obligations.sets.contains_key(id) {
                errors.push(
                    Diagnostic::error(msg!("set-and-comparison", id = id))
                        .at_line(&file, key_line(id))
                        .hint(msg!("set-and-comparison-hint")),
                );
            }
            for fact in &cmp.facts {
                if !raw.facts.contains_key(fact) {
                    let hint = match crate::diagnostics::did_you_mean(
                        fact,
                        raw.facts.keys().map(String::as_str),
                    ) {
                        Some(s) => msg!("undeclared-fact-did-you-mean", suggestion = s),
                        None => msg!("undeclared-fact-hint"),
                    };
                    errors.push(
                        Diagnostic::error(msg!("undeclared-fact", id = id, fact = fact))
                            .at_line(&file, key_line(id))
                            .hint(hint),
                    );
                } else if raw.facts[fact].scope == Scope::Obligation {
                    errors.push(obligation_fact_in_comparison(id, fact, &file));
                }
            }
        }
        let theme = raw.theme.clone().unwrap_or_else(|| "default".into());
        errors.into_result(Config {
            title: visible(raw.title),
            description: raw.description.map(visible),
            base_url,
            base_path,
            languages,
            theme,
            obligations: raw.obligations,
            facts: raw.facts,
            units: raw.units,
            comparisons: raw.comparisons,
            markdown: raw.markdown,
            file,
        })
    }

    /// Replaces the base URL (`build --base-url`, `serve`).
    pub fn set_base_url(&mut self, url: &str) -> Result<(), Diagnostic> {
        let url = with_slash_encoded(url);
        if let Some(problem) = crate::text::safety::unsafe_url(&url) {
            return Err(Diagnostic::error(msg!(
                "value-is-unsafe",
                what = format!("`{url}`"),
                problem = problem.problem()
            ))
            .hint(msg!("site-address-hint")));
        }
        let path = url_path(&url).ok_or_else(|| {
            Diagnostic::error(msg!("url-not-absolute", url = &url)).hint(msg!("url-in-full-hint"))
        })?;
        self.base_url = url;
        self.base_path = path;
        Ok(())
    }
}

/// What is wrong with one variable of the codebook (SPEC §6.1): a `type: code` fact without
/// its `values`, `values` or `multiple` on a fact of another type, a code without a label.
fn codebook_problems(id: &str, decl: &FactDecl, file: &SourceFile) -> Vec<Diagnostic> {
    let at = |key: &str| {
        let line = find_key_line(&file.text, &format!("facts.{id}.{key}"));
        let value = value_range(&file.text, line);
        if value.is_empty() {
            // A block below (`values:` and its codes): the key itself.
            let whole = crate::diagnostics::line_range(&file.text, line);
            let indent =
                file.text[whole.clone()].len() - file.text[whole.clone()].trim_start().len();
            whole.start + indent..whole.start + indent + key.len()
        } else {
            value
        }
    };
    let mut out = Vec::new();
    let is_code = decl.ty == FactType::Code;
    if is_code && decl.values.is_empty() {
        out.push(
            Diagnostic::error(msg!("fact-code-without-values", id = id))
                .at(file, at("type"))
                .hint(msg!("fact-code-without-values-hint", id = id)),
        );
    }
    if !is_code && !decl.values.is_empty() {
        out.push(
            Diagnostic::error(msg!("fact-values-not-code", id = id, kind = decl.ty.name()))
                .at(file, at("values"))
                .hint(msg!("fact-values-not-code-hint")),
        );
    }
    if !is_code && decl.multiple {
        out.push(
            Diagnostic::error(msg!(
                "fact-multiple-not-code",
                id = id,
                kind = decl.ty.name()
            ))
            .at(file, at("multiple"))
            .hint(msg!("fact-multiple-not-code-hint")),
        );
    }
    for (code, label) in &decl.values {
        if code.trim().is_empty() || label.ja.trim().is_empty() || label.en.trim().is_empty() {
            out.push(
                Diagnostic::error(msg!("fact-code-incomplete", code = code, id = id))
                    .at(file, at("values"))
                    .hint(msg!("fact-code-incomplete-hint")),
            );
        }
    }
    out
}

/// A comparison of pages lists a fact that is given per obligation item.
fn obligation_fact_in_comparison(id: &str, fact: &str, file: &SourceFile) -> Diagnostic {
    Diagnostic::error(msg!("obligation-fact-in-comparison", id = id, fact = fact))
        .at_line(
            file,
            find_key_line(&file.text, &format!("comparisons.{id}")),
        )
        .hint(msg!("obligation-fact-in-comparison-hint", fact = fact))
}

/// Both texts without the invisible characters that XML forbids (see
/// [`crate::text::safety::without_forbidden_characters`]): the site's title goes into every feed.
fn visible(text: Localized) -> Localized {
    use crate::text::safety::without_forbidden_characters as clean;
    Localized {
        ja: clean(&text.ja),
        en: text.en.as_deref().map(clean),
    }
}

/// A base URL ending with `/`, its path percent-encoded as every URL of the site writes it
/// (SPEC §8: a path with Japanese or spaces works).
fn with_slash_encoded(url: &str) -> String {
    let url = crate::urls::encode_url_path(url);
    if url.ends_with('/') {
        url
    } else {
        format!("{url}/")
    }
}

/// The path part of an absolute URL, ending with `/`.
fn url_path(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme.is_empty() || rest.is_empty() {
        return None;
    }
    let path = rest.find('/').map_or("/", |i| &rest[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    Some(if path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::config::RawHtml;

    fn parse(text: &str) -> Result<Config, Diagnostics> {
        Config::parse(SourceFile {
            path: "site.yaml".into(),
            text: text.to_string().into(),
        })
    }

    #[test]
    fn a_folder_without_site_yaml_is_named_with_the_way_out() {
        let dir = tempfile::tempdir().unwrap();
        let e = Config::load(dir.path()).unwrap_err();
        assert_eq!(e.len(), 1);
        let expected = format!(
            "there is no site.yaml in {}: it is not a site's folder",
            dir.path().display()
        );
        assert_eq!(e[0].message, expected);
        assert!(e[0].hint.as_deref().unwrap().contains("`--root DIR`"));
        let gone = dir.path().join("gone");
        let e = Config::load(&gone).unwrap_err();
        assert!(e[0].message.contains("does not exist"), "{}", e[0].message);
    }

    #[test]
    fn minimal_config_gets_defaults() {
        let c =
            parse("title: { ja: ガイド, en: Guide }\nbase_url: https://ex.jp/zaitaku\n").unwrap();
        assert_eq!(c.base_url, "https://ex.jp/zaitaku/");
        assert_eq!(c.base_path, "/zaitaku/");
        assert_eq!(c.languages, vec![Lang::Ja, Lang::En]);
        assert_eq!(c.obligations.match_threshold, 0.6);
        assert_eq!(c.title.get(Lang::En), "Guide");
    }

    #[test]
    fn unknown_key_suggests_the_right_one() {
        let err =
            parse("title: { ja: a }\nbase_url: https://ex.jp/\nlanguage: [ja]\n").unwrap_err();
        assert_eq!(err[0].message, "unknown key `language` in site.yaml");
        assert!(err[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("did you mean `languages`?"));
        assert_eq!(err[0].location(), "site.yaml:3:1");
    }

    #[test]
    fn base_url_must_be_absolute() {
        let err = parse("title: { ja: a }\nbase_url: zaitaku/\n").unwrap_err();
        assert!(err[0].message.contains("not an absolute URL"));
        assert_eq!(err[0].location(), "site.yaml:2:1");
    }

    #[test]
    fn base_url_may_not_run_script() {
        let err =
            parse("title: { ja: a }\nbase_url: \"JavaScript://x/%0aalert(1)\"\n").unwrap_err();
        assert!(
            err[0].message.contains("`javascript:` URL"),
            "{}",
            err[0].message
        );
        assert_eq!(err[0].location(), "site.yaml:2:11");
    }

    #[test]
    fn raw_html_mode_is_typed_and_safe_by_default() {
        let base = "title: { ja: a }\nbase_url: https://ex.jp/\n";
        assert_eq!(parse(base).unwrap().markdown.raw_html, RawHtml::Safe);
        let trusted = parse(&format!("{base}markdown: {{ raw_html: trusted }}\n")).unwrap();
        assert_eq!(trusted.markdown.raw_html, RawHtml::Trusted);
        let err = parse(&format!("{base}markdown:\n  raw_html: trustd\n")).unwrap_err();
        assert!(
            err[0]
                .message
                .contains("unknown value `trustd` for `markdown.raw_html`"),
            "{}",
            err[0].message
        );
        assert!(err[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("did you mean `trusted`?"));
        assert_eq!(err[0].location(), "site.yaml:4:13");
    }

    const CODEBOOK: &str = "title: { ja: a }\nbase_url: https://ex.jp/\nfacts:\n  hub_designee:\n    ja: 拠点を担う主体\n    en: Who acts as the hub\n    type: code\n    multiple: true\n    definition: { ja: 拠点に位置付ける主体, en: The bodies designated as hubs }\n    values:\n      municipality: { ja: 市町村, en: Municipalities }\n      other: { ja: その他, en: Other }\n  budget_cap: { ja: 予算上限, en: Budget cap, type: yen, scope: obligation }\nunits: { 拠点: hub, 事業区域: area }\n";

    #[test]
    fn the_codebook_is_read_with_codes_scope_and_units() {
        let c = parse(CODEBOOK).unwrap();
        let d = &c.facts["hub_designee"];
        assert_eq!(d.ty, FactType::Code);
        assert!(d.multiple);
        assert_eq!(d.values["municipality"].en, "Municipalities");
        assert_eq!(
            d.definition.as_ref().unwrap().get(Lang::En),
            "The bodies designated as hubs"
        );
        assert_eq!(d.scope, Scope::Page);
        assert_eq!(c.facts["budget_cap"].scope, Scope::Obligation);
        assert_eq!(c.units["事業区域"], "area");
        assert_eq!(c.obligation_fact("予算上限").unwrap().0, "budget_cap");
        assert_eq!(c.obligation_fact("Budget cap").unwrap().0, "budget_cap");
        assert!(c.obligation_fact("拠点を担う主体").is_none());
    }

    #[test]
    fn codebook_mistakes_are_errors_at_their_line() {
        let no_values = "title: { ja: a }\nbase_url: https://ex.jp/\nfacts:\n  who:\n    ja: 主体\n    type: code\n";
        let e = parse(no_values).unwrap_err();
        assert!(
            e[0].message.contains("lists no codes under `values:`"),
            "{}",
            e[0].message
        );
        assert_eq!(e[0].location(), "site.yaml:6:11");
        let stray = "title: { ja: a }\nbase_url: https://ex.jp/\nfacts:\n  who:\n    ja: 主体\n    type: text\n    multiple: true\n    values:\n      a: { ja: あ, en: A }\n";
        let e = parse(stray).unwrap_err();
        assert_eq!(e.len(), 2);
        assert!(
            e[0].message
                .contains("lists `values:` but its type is `text`"),
            "{}",
            e[0].message
        );
        assert_eq!(e[0].location(), "site.yaml:8:5");
        assert!(
            e[1].message.contains("`multiple: true`"),
            "{}",
            e[1].message
        );
        assert_eq!(e[1].location(), "site.yaml:7:15");
        let typo =
            "title: { ja: a }\nbase_url: https://ex.jp/\nfacts:\n  who: { ja: 主体, type: cod }\n";
        let e = parse(typo).unwrap_err();
        assert!(
            e[0].hint
                .as_deref()
                .unwrap()
                .contains("did you mean `code`?"),
            "{:?}",
            e[0]
        );
        assert_eq!(e[0].location().split(':').nth(1), Some("4"));
        let label = "title: { ja: a }\nbase_url: https://ex.jp/\nfacts:\n  who:\n    ja: 主体\n    type: code\n    values:\n      a: { ja: あ }\n";
        let e = parse(label).unwrap_err();
        assert!(
            e[0].message.contains("missing field `en`"),
            "{}",
            e[0].message
        );
        let in_cmp = format!("{CODEBOOK}comparisons:\n  c: {{ ja: 比較, facts: [budget_cap] }}\n");
        let e = parse(&in_cmp).unwrap_err();
        assert!(
            e[0].message.contains("given per obligation"),
            "{}",
            e[0].message
        );
    }

    #[test]
    fn comparisons_must_use_declared_facts() {
        let text = "title: { ja: a }\nbase_url: https://ex.jp/\nfacts:\n  rate: { ja: 補助率, type: rate }\ncomparisons:\n  subs: { ja: 比較, facts: [rat] }\n";
        let err = parse(text).unwrap_err();
        assert!(err[0].message.contains("undeclared fact `rat`"));
        assert!(err[0].hint.as_deref().unwrap().contains("`rate`"));
    }
}
