//! The glossary pages (`/glossary/`, `/en/glossary/`): every term with its reading, its name in the
//! other language and its definition, one stable anchor per term.

use std::borrow::Cow;

use super::context::{GlossaryTerm, GlossaryView};
use super::{Here, Renderer};
use crate::diagnostics::Diagnostic;
use crate::markdown::TermLinks;
use crate::model::{Lang, Output, Site};
use crate::urls::Generated;

/// The glossary page in `lang`, or `None` when the site has no glossary.
pub(crate) fn url(site: &Site, lang: Lang) -> Option<String> {
    if site.glossary.is_empty() {
        return None;
    }
    Some(Generated::Glossary.url(&site.config.base_path, lang))
}

impl Renderer<'_> {
    /// The glossary page in `lang`, or `None` when the site has no glossary.
    pub(crate) fn glossary_url(&self, lang: Lang) -> Option<String> {
        url(self.site, lang)
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
        let mut terms: Vec<GlossaryTerm> = self
            .site
            .glossary
            .terms
            .iter()
            .map(|t| GlossaryTerm {
                id: &t.id,
                term: t.name(lang),
                other: t.name(other),
                other_lang: other,
                ja: &t.ja,
                en: &t.en,
                reading: t.reading.as_deref(),
                definition: t.definition(lang),
                url: format!("{url}#{}", t.id),
            })
            .collect();
        // Japanese readers look terms up in kana order, English readers alphabetically.
        let key = |t: &GlossaryTerm| match lang {
            Lang::Ja => t.reading.unwrap_or(t.ja).to_string(),
            Lang::En => t.en.to_lowercase(),
        };
        terms.sort_by_key(key);
        let title = Cow::Owned(self.t(lang, "glossary"));
        let ctx = self.context(
            lang,
            Here::Path(Generated::Glossary.path()),
            title,
            GlossaryView { terms },
        );
        Some(
            self.render("glossary.html", &ctx)
                .map(|html| Output::text(Generated::Glossary.file(lang), html)),
        )
    }
}
