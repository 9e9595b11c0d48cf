//! The chrome of every page: the parts that depend only on the language and the section (the static
//! head, the header's search box, the main navigation, the footer), rendered by Tera once per key
//! and printed by `base.html` as ready HTML (docs/templates.md, "Rendered once").
//!
//! The navigation lists every top-level section, and on a large site it was most of the theme's
//! work on every page: per item a handful of lookups, conditions and a language attribute. What it
//! marks as current depends only on the top-level section a page is in and whether the page is
//! that section itself, so it is rendered once per language and [`NavMark`], lazily: the preview
//! rebuilding one page renders one navigation, not all of them.
//!
//! A `Renderer` is made for each build and each preview rebuild, and the chrome with it, so a
//! title changed in the navigation is rendered again; the page fingerprints already cover the
//! navigation (`render/inputs.rs`, `nav`).

use std::sync::OnceLock;

use crate::diagnostics::Diagnostic;
use crate::model::{Lang, PageId, Site};
use crate::render::context::{ChromeView, NavItem};
use crate::render::functions::lang_attr_of;

/// The partials rendered once per language: (template, what it becomes in `chrome`).
pub const ONCE_PER_LANGUAGE: [&str; 3] = [
    "partials/head.html",
    "partials/search-box.html",
    "partials/footer.html",
];

/// The partial rendered once per language and current section.
pub const NAV: &str = "partials/nav.html";

/// Which navigation item a view marks as current.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NavMark {
    /// None: the home page and the generated pages.
    None,
    /// The view is inside the `n`th top-level section.
    Inside(usize),
    /// The view is the `n`th top-level section itself.
    Is(usize),
}

impl NavMark {
    /// The slot of this mark among a language's rendered navigations.
    fn slot(self) -> usize {
        match self {
            NavMark::None => 0,
            NavMark::Inside(n) => 1 + 2 * n,
            NavMark::Is(n) => 2 + 2 * n,
        }
    }
}

/// A rendered partial, or the template error that every page using it reports.
type Rendered = Result<String, Diagnostic>;

/// The chrome of one language: what is rendered once, and the navigations rendered as they are
/// first asked for.
pub struct Chrome {
    /// The top-level sections, in the navigation's order.
    sections: Vec<PageId>,
    /// `partials/head.html`, `partials/search-box.html`, `partials/footer.html`, per language.
    once: [OnceLock<[Rendered; 3]>; 2],
    /// Per language, per [`NavMark::slot`].
    navs: [Vec<OnceLock<Rendered>>; 2],
}

impl Chrome {
    pub fn new(site: &Site) -> Chrome {
        let sections: Vec<PageId> = site.pages[site.home]
            .children
            .iter()
            .copied()
            .filter(|&c| site.pages[c].is_section())
            .collect();
        let slots = 1 + 2 * sections.len();
        Chrome {
            once: [OnceLock::new(), OnceLock::new()],
            navs: [0, 1].map(|_| (0..slots).map(|_| OnceLock::new()).collect()),
            sections,
        }
    }

    /// What the navigation marks for a view of `page` (none for generated views).
    pub fn mark(&self, site: &Site, page: Option<PageId>) -> NavMark {
        let Some(page) = page else {
            return NavMark::None;
        };
        // The page and its parents, nearest first; a cycle cannot make this loop forever.
        let mut at = Some(page);
        let mut steps = 0;
        while let Some(p) = at.filter(|_| steps <= site.pages.len()) {
            if let Some(n) = self.sections.iter().position(|&s| s == p) {
                return if p == page {
                    NavMark::Is(n)
                } else {
                    NavMark::Inside(n)
                };
            }
            at = site.pages[p].parent;
            steps += 1;
        }
        NavMark::None
    }

    /// The navigation items of `lang` with `mark` applied.
    pub fn nav_items<'s>(&self, site: &'s Site, lang: Lang, mark: NavMark) -> Vec<NavItem<'s>> {
        self.sections
            .iter()
            .enumerate()
            .map(|(n, &c)| {
                let title_lang = site.doc(c, lang).lang;
                let aria_current = match mark {
                    NavMark::Is(m) if m == n => Some("page"),
                    NavMark::Inside(m) if m == n => Some("true"),
                    _ => None,
                };
                NavItem {
                    title: site.title(c, lang),
                    lang: title_lang,
                    lang_attr: lang_attr_of(title_lang, lang),
                    url: site.url(c, lang),
                    current: aria_current.is_some(),
                    aria_current,
                }
            })
            .collect()
    }

    /// The chrome of a view of `lang` marked `mark`; `render` renders a partial with a context.
    pub fn view<'s>(
        &'s self,
        lang: Lang,
        mark: NavMark,
        render: impl Fn(&str, NavMark) -> Rendered,
    ) -> Result<ChromeView<'s>, Diagnostic> {
        let l = lang_slot(lang);
        let once = self.once[l].get_or_init(|| ONCE_PER_LANGUAGE.map(|t| render(t, NavMark::None)));
        let nav = self.navs[l]
            .get(mark.slot())
            .unwrap_or(&self.navs[l][0])
            .get_or_init(|| render(NAV, mark));
        let [head, search_box, footer] = once;
        Ok(ChromeView {
            head: ok(head)?,
            search_box: ok(search_box)?,
            nav: ok(nav)?,
            footer: ok(footer)?,
        })
    }
}

fn ok(rendered: &Rendered) -> Result<&str, Diagnostic> {
    rendered.as_deref().map_err(Clone::clone)
}

fn lang_slot(lang: Lang) -> usize {
    match lang {
        Lang::Ja => 0,
        Lang::En => 1,
    }
}

/// A chrome partial's output as `base.html` prints it: without whitespace at either end, so that
/// the including template decides the line breaks around it.
pub fn trimmed(mut html: String) -> String {
    let end = html.trim_end().len();
    html.truncate(end);
    let start = html.len() - html.trim_start().len();
    html.drain(..start);
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_have_distinct_slots() {
        let slots: Vec<usize> = [
            NavMark::None,
            NavMark::Inside(0),
            NavMark::Is(0),
            NavMark::Inside(1),
            NavMark::Is(1),
        ]
        .map(NavMark::slot)
        .to_vec();
        assert_eq!(slots, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn output_is_trimmed_at_both_ends() {
        assert_eq!(trimmed("\n  <nav>\n</nav>\n".into()), "<nav>\n</nav>");
        assert_eq!(trimmed("  \n".into()), "");
        assert_eq!(trimmed("<a>".into()), "<a>");
    }
}
