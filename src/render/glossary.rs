//! The glossary pages (`/glossary/`, `/en/glossary/`): every term with its reading, its name in the
//! other language and its definition, one stable anchor per term.

use serde_json::{json, Value};

use super::{Here, Renderer};
use crate::diagnostics::Diagnostic;
use crate::markdown::TermLinks;
use crate::model::Lang;
use crate::model::Output;
use crate::urls::Generated;

impl Renderer<'_> {
    /// The glossary page in `lang`, or `None` when the site has no glossary.
    pub(crate) fn glossary_url(&self, lang: Lang) -> Option<String> {
        if self.site.glossary.is_empty() {
            return None;
        }
        Some(Generated::Glossary.url(&self.site.config.base_path, lang))
    }

    /// What a page body needs to link first uses of terms.
    pub(crate) fn term_links(&self, lang: Lang) -> Option<TermLinks<'_>> {
        self.glossary_url(lang).map(|url| TermLinks {
            glossary: &self.site.glossary,
            url,
        })
    }

    pub(crate) fn render_glossary(&self, lang: Lang) -> Option<Result<Output, Diagnostic>> {
        let url = self.glossary_url(lang)?;
        let other = match lang {
            Lang::Ja => Lang::En,
            Lang::En => Lang::Ja,
        };
        let mut terms: Vec<Value> = self
            .site
            .glossary
            .terms
            .iter()
            .map(|t| {
                json!({
                    "id": t.id,
                    "term": t.name(lang),
                    "other": t.name(other),
                    "other_lang": other.code(),
                    "ja": t.ja,
                    "en": t.en,
                    "reading": t.reading,
                    "definition": t.definition(lang),
                    "url": format!("{url}#{}", t.id),
                })
            })
            .collect();
        // Japanese readers look terms up in kana order, English readers alphabetically.
        let key = |v: &Value| match lang {
            Lang::Ja => v["reading"]
                .as_str()
                .unwrap_or(v["ja"].as_str().unwrap_or(""))
                .to_string(),
            Lang::En => v["en"].as_str().unwrap_or("").to_lowercase(),
        };
        terms.sort_by_key(key);
        let title = self.t(lang, "glossary");
        let mut ctx = self.common(lang, Here::Path(Generated::Glossary.path()));
        ctx.insert("title".into(), json!(title));
        ctx.insert("terms".into(), Value::Array(terms));
        Some(
            self.render("glossary.html", ctx)
                .map(|html| Output::text(Generated::Glossary.file(lang), html)),
        )
    }
}
