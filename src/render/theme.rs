//! The theme: Tera templates, static files and UI strings, loaded once per build.

use crate::msg;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{OnceLock, RwLock};

use tera::Tera;
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::{display_path, read_text, Decoded};
use crate::model::{Lang, Page};

pub const TEMPLATES: [&str; 17] = [
    "base.html",
    "home.html",
    "section.html",
    "page.html",
    "tags.html",
    "tag.html",
    "404.html",
    "search.html",
    "compare-index.html",
    "compare.html",
    "obligation.html",
    "facts.html",
    "glossary.html",
    "changes.html",
    "data.html",
    "codebook.html",
    "prefecture.html",
];

/// The template a content page renders with.
pub fn page_template(page: &Page) -> &'static str {
    if page.is_home() {
        "home.html"
    } else if page.is_section() {
        "section.html"
    } else {
        "page.html"
    }
}

pub struct Theme {
    pub tera: Tera,
    /// UI strings per language, from `i18n/{ja,en}.yaml`.
    pub strings: HashMap<Lang, serde_json::Map<String, serde_json::Value>>,
    /// Files of the theme's `static/` folder: (path below the output root, source file).
    pub static_files: Vec<(String, PathBuf)>,
}

impl Theme {
    pub fn load(root: &Path, name: &str) -> Result<Theme, Diagnostics> {
        let dir = root.join("themes").join(name);
        if !dir.is_dir() {
            return Err(Diagnostic::error(msg!(
                "theme-missing",
                theme = name,
                folder = display_path(root, &dir)
            ))
            .in_file("site.yaml")
            .hint(msg!("theme-missing-hint"))
            .into());
        }
        let mut errors = Diagnostics::default();
        let tera = load_templates(root, &dir.join("templates"), &mut errors);
        let mut strings = HashMap::new();
        for lang in Lang::ALL {
            let path = dir.join("i18n").join(format!("{}.yaml", lang.code()));
            let display = display_path(root, &path);
            match read_text(&path, &display) {
                Ok(Decoded { text, .. }) => {
                    match serde_yaml::from_str::<serde_json::Map<String, serde_json::Value>>(&text)
                    {
                        Ok(map) => {
                            strings.insert(lang, map);
                        }
                        Err(e) => {
                            let file = crate::diagnostics::SourceFile {
                                path: display,
                                text: text.clone().into(),
                            };
                            errors.push(crate::load::yaml::diagnostic(
                                &e,
                                &text,
                                &file,
                                0,
                                crate::load::yaml::Input::UiStrings,
                            ));
                        }
                    }
                }
                Err(d) => errors.push(d),
            }
        }
        if let (Some(ja), Some(en)) = (strings.get(&Lang::Ja), strings.get(&Lang::En)) {
            for (a, b, missing_in) in [(ja, en, Lang::En), (en, ja, Lang::Ja)] {
                for key in a.keys().filter(|k| !b.contains_key(*k)) {
                    errors.push(
                        Diagnostic::error(msg!(
                            "theme-string-missing",
                            key = key,
                            lang = missing_in.code()
                        ))
                        .in_file(display_path(
                            root,
                            &dir.join("i18n").join(format!("{}.yaml", missing_in.code())),
                        ))
                        .hint(msg!("theme-string-missing-hint")),
                    );
                }
            }
        }
        // A link out of the site folder would publish or include a file from elsewhere.
        crate::load::outside_links(root, &dir, &mut errors);
        let static_files = list_files(root, &dir.join("static"));
        match (tera, errors.is_empty()) {
            (Some(tera), true) => Ok(Theme {
                tera,
                strings,
                static_files,
            }),
            _ => Err(errors),
        }
    }
}

/// Tera's `matching` test, with each regular expression compiled once per process instead of at
/// every call: the theme's language guesses (`\p{Han}`…) run several times on every page, and
/// compiling a Unicode class costs far more than matching it (most of the render time of a large
/// site before this cache).
fn matching(value: Option<&tera::Value>, params: &[tera::Value]) -> tera::Result<bool> {
    static CACHE: OnceLock<RwLock<HashMap<String, regex::Regex>>> = OnceLock::new();
    let (Some(pattern), 1) = (params.first().and_then(|p| p.as_str()), params.len()) else {
        return Err(tera::Error::msg(
            "Tester `matching` takes one argument, a regular expression in a string",
        ));
    };
    let Some(text) = value.and_then(|v| v.as_str()) else {
        return Err(tera::Error::msg(
            "Tester `matching` was called on a variable that isn't a string",
        ));
    };
    let cache = CACHE.get_or_init(Default::default);
    if let Some(re) = cache.read().ok().and_then(|c| c.get(pattern).cloned()) {
        return Ok(re.is_match(text));
    }
    let re = regex::Regex::new(pattern).map_err(|e| {
        tera::Error::msg(format!(
            "Tester `matching`: Invalid regular expression: {e}"
        ))
    })?;
    let found = re.is_match(text);
    if let Ok(mut c) = cache.write() {
        c.insert(pattern.to_string(), re);
    }
    Ok(found)
}

fn load_templates(root: &Path, dir: &Path, errors: &mut Diagnostics) -> Option<Tera> {
    let mut tera = Tera::default();
    // Tera's default escaping also rewrites `/` as `&#x2F;`, which makes every URL unreadable in
    // the page source; `&<>"'` are all HTML needs.
    tera.set_escape_fn(escape_html);
    tera.register_filter("mark_japanese", mark_japanese);
    tera.register_tester("matching", matching);
    crate::render::functions::register(&mut tera);
    let mut files = Vec::new();
    for (rel, path) in list_files(root, dir) {
        if rel.ends_with(".html") || rel.ends_with(".xml") {
            files.push((path, Some(rel)));
        }
    }
    let chrome = crate::render::chrome::ONCE_PER_LANGUAGE.into_iter();
    for required in TEMPLATES
        .into_iter()
        .chain(chrome)
        .chain([crate::render::chrome::NAV])
    {
        if !files.iter().any(|(_, n)| n.as_deref() == Some(required)) {
            errors.push(
                Diagnostic::error(msg!("theme-template-missing", template = required))
                    .in_file(display_path(root, &dir.join(required)))
                    .hint(msg!("theme-template-missing-hint")),
            );
        }
    }
    match tera.add_template_files(files) {
        Ok(()) => Some(tera),
        Err(e) => {
            errors.push(template_error(&e, root, dir));
            None
        }
    }
}

/// `{{ text | mark_japanese(lang=lang) | safe }}`: the text escaped, and on an English page each run
/// of Japanese in it wrapped in `<span lang="ja">` (WCAG 3.1.2).
fn mark_japanese(
    value: &tera::Value,
    args: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = match value {
        tera::Value::String(s) => s.clone(),
        tera::Value::Null => String::new(),
        other => other.to_string(),
    };
    let mut out = String::with_capacity(text.len() + 32);
    match args.get("lang").and_then(tera::Value::as_str) {
        Some("ja") => crate::text::language::push_escaped(&text, &mut out),
        _ => crate::text::language::mark_japanese_runs(&text, &mut out),
    }
    Ok(tera::Value::String(out))
}

fn escape_html(s: &str) -> String {
    crate::markdown::escape(s)
}

/// A Tera error with its whole chain of causes, which is where the useful detail is.
pub fn template_error(e: &tera::Error, root: &Path, dir: &Path) -> Diagnostic {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    Diagnostic::error(msg!("template-error", why = message))
        .in_file(display_path(root, dir))
        .hint(msg!("template-error-hint"))
}

/// Every file below `dir`: (path relative to `dir` with `/`, in NFC, full path). Missing
/// folder: none. Symbolic links out of the site folder `root` are left out: they are errors
/// ([`crate::load::outside_links`]), and never published even where that check did not run.
pub fn list_files(root: &Path, dir: &Path) -> Vec<(String, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let site = crate::load::SiteFolder::new(root);
    WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| site.link_outside(e).is_none())
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_type().is_file() && !crate::load::is_ignored(&e.file_name().to_string_lossy())
        })
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap_or(e.path())
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            (crate::text::names::nfc(&rel).into_owned(), e.into_path())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cached_matching_test_matches_like_tera() {
        let han = json!("[\\p{Han}]");
        // Twice each: the second call uses the cached expression.
        for _ in 0..2 {
            assert!(matching(Some(&json!("拠点")), std::slice::from_ref(&han)).unwrap());
            assert!(!matching(Some(&json!("hub")), std::slice::from_ref(&han)).unwrap());
        }
        assert!(matching(Some(&json!("x")), &[json!("(")]).is_err());
        assert!(matching(Some(&json!(3)), std::slice::from_ref(&han)).is_err());
        assert!(matching(Some(&json!("x")), &[]).is_err());
    }
}
