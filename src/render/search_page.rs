//! The search page of each language and its index (see [`crate::render::search`]).

use std::borrow::Cow;

use super::context::{SearchPage, SearchView};
use super::{Here, Renderer};
use crate::diagnostics::Diagnostic;
use crate::model::{Lang, Output};
use crate::urls::{self, Generated};

impl Renderer<'_> {
    /// `search/index.html` of one language (its index, `search/index.js`, comes from
    /// [`crate::render::search::index_outputs`]).
    pub fn render_search_page(&self, lang: Lang) -> Result<Output, Diagnostic> {
        // Below the language prefix, as the language switcher wants it.
        let path = Generated::Search.path();
        // Relative URLs, so the page also works opened from a folder (file://) and under any
        // base path; `..` per folder between the page and the language root / the output root.
        let to_lang_root = urls::up_to_root(&path);
        let to_root = urls::up_to_root(&urls::in_lang(lang, &path));
        let view = SearchView {
            search_page: SearchPage {
                index_url: "index.js",
                script_url: format!("{to_root}search.js"),
                results_root: to_lang_root,
            },
        };
        let title = Cow::Owned(self.t(lang, "search"));
        let ctx = self.context(lang, Here::Path(path), title, view);
        self.render("search.html", &ctx)
            .map(|html| Output::text(Generated::Search.file(lang), html))
    }
}
