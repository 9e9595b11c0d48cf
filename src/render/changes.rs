//! The 新旧対照表 of a page that supersedes another (SPEC §10), at `changes/` below the newer
//! page (`/prefectures/chiba/plan/changes/`, and in English): the two bodies compared by
//! [`crate::versions::compare`] and printed by [`crate::versions::output::html_fragment_of`], whose
//! table the theme styles (`.sh-versions` in `style.css`, A4 landscape in `print.css`).
//!
//! Which texts an English page compares: the English ones when both versions are translated;
//! otherwise the Japanese ones (a translated newer text beside an untranslated older one would
//! mark every character as changed). The fragment marks the cells of Japanese texts
//! `lang="ja"` on an English page, and the Japanese quoted inside English texts.

use std::borrow::Cow;

use super::context::{Changes, ChangesView};
use super::{Here, Renderer};
use crate::diagnostics::Diagnostic;
use crate::model::{Doc, Lang, Output, PageId, Site};
use crate::msg;
use crate::urls::{self, Generated};
use crate::versions;

/// The path of a page's changes page below the language prefix: `a/b/changes/`.
fn path(site: &Site, page: PageId) -> String {
    Generated::Changes(&site.pages[page].path).path()
}

/// The documents compared on the changes page of `newer` in `lang`: (newer, older).
fn compared(site: &Site, newer: PageId, older: PageId, lang: Lang) -> (&Doc, &Doc) {
    let (n, o) = (&site.pages[newer], &site.pages[older]);
    let both_translated = n.en.is_some() && o.en.is_some();
    let text_lang = if lang == Lang::En && both_translated {
        Lang::En
    } else {
        Lang::Ja
    };
    (site.doc(newer, text_lang), site.doc(older, text_lang))
}

impl Renderer<'_> {
    /// The changes page of a page in `lang`, in `lang`.
    pub(crate) fn changes_url(&self, page: PageId, lang: Lang) -> Option<String> {
        self.site.pages[page].versions.older?;
        Some(urls::url(
            &self.site.config.base_path,
            lang,
            &path(self.site, page),
        ))
    }

    /// The file the changes page of `page` is written to in `lang`.
    pub(crate) fn changes_file(&self, page: PageId, lang: Lang) -> String {
        urls::index_file(lang, &path(self.site, page))
    }

    pub(crate) fn render_changes(&self, page: PageId, lang: Lang) -> Result<Output, Diagnostic> {
        let site = self.site;
        let file = self.changes_file(page, lang);
        let Some(older) = site.pages[page].versions.older else {
            // Jobs are made only for pages with an older version.
            return Err(Diagnostic::error(msg!(
                "changes-without-older",
                path = &site.doc(page, Lang::Ja).path
            ))
            .hint(msg!("internal-error-hint")));
        };
        let (new_doc, old_doc) = compared(site, page, older, lang);
        let (old_text, new_text) = (old_doc.text()?, new_doc.text()?);
        let rows = versions::compare(old_doc.body_of(&old_text), new_doc.body_of(&new_text));
        let caption = versions::output::caption(lang, &old_doc.front.title, &new_doc.front.title);
        let view = ChangesView {
            changes: Changes {
                newer: self.page_link(page, lang),
                older: self.page_link(older, lang),
                text_lang: new_doc.lang,
                is_fallback: new_doc.lang != lang,
                table: versions::output::html_fragment_of(
                    &rows,
                    lang,
                    versions::output::Texts::Known(new_doc.lang),
                    &caption,
                ),
            },
        };
        let title = Cow::Owned(self.t(lang, "changes"));
        let here = Here::Path(path(site, page));
        let mut ctx = self.context(lang, here, title, view);
        // Below the newer page: its breadcrumbs, then the page itself.
        let mut crumbs = self.breadcrumbs(lang, Some(page));
        crumbs.push(self.page_crumb(page, lang));
        ctx.place.breadcrumbs = crumbs;
        self.render("changes.html", &ctx)
            .map(|html| Output::text(file, html))
    }
}
