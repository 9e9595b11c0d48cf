//! The search page of each language and its index (see [`crate::render::search`]).

use std::borrow::Cow;

use super::context::{SearchPage, SearchView};
use super::{Here, Output, Renderer};
use crate::diagnostics::Diagnostic;
use crate::model::Lang;
use crate::render::search;

impl Renderer<'_> {
    /// `search/index.html` of one language (its index, `search/index.js`, comes from
    /// [`search::index_output`]).
    pub fn render_search_page(&self, lang: Lang) -> Result<Output, Diagnostic> {
        let path = search::page_path(lang);
        // Relative URLs, so the page also works opened from a folder (file://) and under any
        // base path; `..` per folder between the page and the language root / the output root.
        let to_lang_root =
            "../".repeat(path.matches('/').count() - lang.url_prefix().matches('/').count());
        let to_root = "../".repeat(path.matches('/').count());
        let view = SearchView {
            search_page: SearchPage {
                index_url: "index.js",
                script_url: format!("{to_root}search.js"),
                results_root: to_lang_root,
            },
        };
        let title = Cow::Owned(self.t(lang, "search"));
        // Below the language prefix, as the language switcher wants it.
        let ctx = self.context(lang, Here::Path("search/".into()), title, view);
        self.render("search.html", &ctx)
            .map(|html| Output::text(format!("{path}index.html"), html))
    }
}
