//! Render stage: every page in every language through the theme's templates, in parallel.
//!
//! Each template gets a typed context ([`context`]): the renderers here and in the submodules
//! build those views of the model, and nothing else decides what a template sees.

use std::borrow::Cow;
use std::path::Path;
use std::sync::LazyLock;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::guidance::prefecture::Prefecture;
use crate::markdown;
use crate::model::{FrontMatter, Kind, Lang, Output, PageId, Site, Tables, TranslationState};
use crate::msg;
use crate::render::theme::Theme;
use crate::urls::{self, tag_slug, Generated};
use chrome::{Chrome, NavMark};
use context::{
    Alternate, Breadcrumb, Card, ChromeContext, ChromeView, Context, Date, FactEntry, LangContext,
    LanguageName, NotFoundView, PageLink, PageView, Place, PrefectureName, SiteInfo, Source,
    Switch, TagCount, TagIndexView, TagLink, TagPage, TagView, TaggedPage, TimelineDocument,
    TimelineVersion, TocEntry,
};

mod changes;
pub mod chrome;
mod compare;
pub mod context;
mod data;
pub mod feeds;
pub mod functions;
mod glossary;
pub mod inputs;
mod map;
mod profile;
pub mod relative;
pub mod search;
mod search_page;
pub mod theme;

/// Where a rendered page is, for the language switcher and hreflang alternates.
pub enum Here {
    Page(PageId),
    /// A generated page: its path below the language prefix (`compare/hub/`).
    Path(String),
    /// Nowhere in particular (the 404 page).
    Nowhere,
}

/// A unit of rendering: what one call renders, and what `serve` re-renders when its inputs changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Job<'a> {
    Page(PageId, Lang),
    /// The 新旧対照表 of a page that supersedes another, at `changes/` below it.
    Changes(PageId, Lang),
    /// The list of all tags.
    TagIndex(Lang),
    /// One tag's page.
    Tag(Lang, &'a str),
    /// Every comparison page with its CSV and JSON, and the index of comparisons with its maps.
    Comparisons(Lang),
    /// One prefecture's profile (an edit of one prefecture's page makes only its own again).
    Profile(Lang, &'static Prefecture),
    /// The glossary page (none without `content/glossary.yaml`).
    Glossary(Lang),
    /// The search page (its index is made from the pages' search entries).
    Search(Lang),
    NotFound(Lang),
    /// The data downloads, the codebook, the data package and its CSVs (SPEC §11).
    Data(Lang),
}

/// One broken template fails every page alike: each message once.
pub fn once_each(Diagnostics(mut errors): Diagnostics) -> Diagnostics {
    errors.sort_by(|a, b| a.message.cmp(&b.message));
    errors.dedup_by(|a, b| a.message == b.message);
    Diagnostics(errors)
}

/// What one render job made: its files and, for a page, what the search index holds of it.
pub struct JobFiles {
    pub outputs: Vec<Result<Output, Diagnostic>>,
    pub entry: Option<(Lang, search::SearchEntry)>,
}

/// The files of a batch of render jobs, none of which failed, and the search entries of the
/// pages among them.
pub type RenderedBatch = (Vec<Output>, Vec<(Lang, search::SearchEntry)>);

pub struct Renderer<'a> {
    pub site: &'a Site,
    pub tables: &'a Tables,
    pub theme: &'a Theme,
    pub root: &'a Path,
    /// Rendered for `shishin serve` (the templates may show preview-only things).
    pub serve: bool,
    /// What every template gets that depends only on the language, per language (`Lang::ALL`).
    langs: [LangContext<'a>; 2],
    /// `langs` as Tera values, which every view's values start from.
    lang_values: [tera::Context; 2],
    /// The partials rendered once per language and section.
    chrome: Chrome,
}

/// What a view's context adds to its language's part: `Context` less `lang`.
#[derive(Serialize)]
struct ViewParts<'c, 's, V> {
    title: &'c Cow<'s, str>,
    #[serde(flatten)]
    place: &'c Place<'s>,
    chrome: &'c ChromeView<'s>,
    #[serde(flatten)]
    view: &'c V,
}

fn tera_context(ctx: &impl Serialize) -> Result<tera::Context, Diagnostic> {
    tera::Context::from_serialize(ctx).map_err(|e| {
        Diagnostic::error(msg!("template-context-failed", why = e.to_string()))
            .hint(msg!("internal-error-hint"))
    })
}

impl<'a> Renderer<'a> {
    pub fn new(
        site: &'a Site,
        tables: &'a Tables,
        theme: &'a Theme,
        root: &'a Path,
        serve: bool,
    ) -> Renderer<'a> {
        let langs = Lang::ALL.map(|lang| lang_context(site, theme, serve, lang));
        // A plain struct of strings, maps and lists always serializes.
        let lang_values = langs
            .each_ref()
            .map(|l| tera_context(l).unwrap_or_default());
        Renderer {
            lang_values,
            chrome: Chrome::new(site),
            site,
            tables,
            theme,
            root,
            serve,
            langs,
        }
    }

    /// Every job of a full render: each page in each language, the changes page of each newer
    /// version, the tag listings, the comparisons and the 404 page of each language.
    pub fn jobs(&self) -> Vec<Job<'a>> {
        let site = self.site;
        let languages = &site.config.languages;
        // A page's languages side by side: an untranslated page renders one body twice, and its
        // highlighted code is then still in the cache (`highlight::code_block`).
        let mut jobs: Vec<Job> = (0..site.pages.len())
            .flat_map(|p| languages.iter().map(move |&l| Job::Page(p, l)))
            .collect();
        jobs.extend(
            (0..site.pages.len())
                .filter(|&p| site.pages[p].versions.older.is_some())
                .flat_map(|p| languages.iter().map(move |&l| Job::Changes(p, l))),
        );
        for &lang in languages {
            jobs.extend([
                Job::TagIndex(lang),
                Job::Comparisons(lang),
                Job::Glossary(lang),
                Job::Search(lang),
                Job::NotFound(lang),
                Job::Data(lang),
            ]);
            jobs.extend(site.profiles().into_iter().map(|p| Job::Profile(lang, p)));
            let tags = site.tags.get(&lang).into_iter().flat_map(|t| t.keys());
            jobs.extend(tags.map(|name| Job::Tag(lang, name)));
        }
        jobs
    }

    /// The file a page job writes: `en/a/b/index.html`.
    pub fn page_output_path(&self, page: PageId, lang: Lang) -> String {
        urls::index_file(lang, &self.site.pages[page].path)
    }

    /// The one file a page, changes or tag job writes, known before rendering it (`None` for the other
    /// jobs, which write several files or none).
    pub fn output_path(&self, job: Job<'_>) -> Option<String> {
        match job {
            Job::Page(page, lang) => Some(self.page_output_path(page, lang)),
            Job::Changes(page, lang) => Some(self.changes_file(page, lang)),
            Job::Tag(lang, name) => Some(tag_output_path(lang, name)),
            _ => None,
        }
    }

    /// Renders one job: its files, and for a page what the search index holds of it.
    pub fn render_job(&self, job: Job<'_>) -> JobFiles {
        let files = |outputs| JobFiles {
            outputs,
            entry: None,
        };
        match job {
            Job::Page(page, lang) => match self.render_view(page, lang) {
                Ok((output, entry)) => JobFiles {
                    outputs: vec![Ok(output)],
                    entry: Some((lang, entry)),
                },
                Err(e) => files(vec![Err(e)]),
            },
            Job::Changes(page, lang) => files(vec![self.render_changes(page, lang)]),
            Job::TagIndex(lang) => files(vec![self.render_tag_index(lang)]),
            Job::Tag(lang, name) => files(vec![self.render_tag(lang, name)]),
            Job::Comparisons(lang) => files(self.render_comparisons(self.tables, lang)),
            Job::Profile(lang, p) => files(vec![self.render_profile(self.tables, p, lang)]),
            Job::Glossary(lang) => files(self.render_glossary(lang).into_iter().collect()),
            Job::Search(lang) => files(vec![self.render_search_page(lang)]),
            Job::NotFound(lang) => files(vec![self.render_404(lang)]),
            Job::Data(lang) => files(self.render_data(lang)),
        }
    }

    /// A UI string of the theme; the key itself when the theme lacks it.
    pub(crate) fn t(&self, lang: Lang, key: &str) -> String {
        self.t_or(lang, key, key).to_string()
    }

    /// A UI string of the theme, or `fallback` when the theme lacks it.
    fn t_or<'s>(&'s self, lang: Lang, key: &str, fallback: &'s str) -> &'s str {
        self.theme
            .strings
            .get(&lang)
            .and_then(|s| s.get(key))
            .and_then(Value::as_str)
            .unwrap_or(fallback)
    }

    /// A page in one language, and what the search index keeps of it.
    fn render_view(
        &self,
        page: PageId,
        lang: Lang,
    ) -> Result<(Output, search::SearchEntry), Diagnostic> {
        let site = self.site;
        let p = &site.pages[page];
        let template = theme::page_template(p);
        let (page_view, text) = self.page_view(page, lang)?;
        let entry = search::SearchEntry::new(
            p.path.clone(),
            page_view.title,
            &text,
            site.doc(page, lang).lang,
            lang,
        );
        let title = Cow::Borrowed(page_view.title);
        let ctx = self.context(lang, Here::Page(page), title, PageView { page: page_view });
        let html = self.render(template, &ctx)?;
        let output = Output::text(self.page_output_path(page, lang), html);
        Ok((output, entry))
    }

    pub(crate) fn render<V: Serialize>(
        &self,
        template: &str,
        ctx: &Context<'_, V>,
    ) -> Result<String, Diagnostic> {
        if let Some(e) = &ctx.chrome_error {
            return Err(e.clone());
        }
        // The language's part is ready as Tera values: cloned, not serialized again.
        let mut values = self.lang_values[lang_index(ctx.lang.lang)].clone();
        values.extend(tera_context(&ViewParts {
            title: &ctx.title,
            place: &ctx.place,
            chrome: &ctx.chrome,
            view: &ctx.view,
        })?);
        self.render_values(template, &values)
    }

    /// One template with any context.
    fn render_template(&self, template: &str, ctx: &impl Serialize) -> Result<String, Diagnostic> {
        self.render_values(template, &tera_context(ctx)?)
    }

    fn render_values(&self, template: &str, ctx: &tera::Context) -> Result<String, Diagnostic> {
        let dir = self
            .root
            .join("themes")
            .join(&self.site.config.theme)
            .join("templates")
            .join(template);
        self.theme
            .tera
            .render(template, ctx)
            .map_err(|e| crate::render::theme::template_error(&e, self.root, &dir))
    }

    /// A template's context: what every template gets (docs/templates.md), the title of what is
    /// rendered, and `view`, what its own template needs.
    pub(crate) fn context<'s, V>(
        &'s self,
        lang: Lang,
        here: Here,
        title: Cow<'s, str>,
        view: V,
    ) -> Context<'s, V> {
        let page = match here {
            Here::Page(p) => Some(p),
            _ => None,
        };
        let mark = self.chrome.mark(self.site, page);
        let (chrome, chrome_error) = match self.chrome.view(lang, mark, |template, mark| {
            self.render_chrome(template, lang, mark)
        }) {
            Ok(chrome) => (chrome, None),
            Err(e) => (ChromeView::default(), Some(e)),
        };
        Context {
            lang: &self.langs[lang_index(lang)],
            title,
            place: self.place(lang, here),
            chrome,
            chrome_error,
            view,
        }
    }

    /// A partial of the chrome (`render/chrome.rs`), rendered once for every view of `lang` that
    /// `mark`s the same section.
    fn render_chrome(
        &self,
        template: &str,
        lang: Lang,
        mark: NavMark,
    ) -> Result<String, Diagnostic> {
        let ctx = ChromeContext {
            lang: &self.langs[lang_index(lang)],
            nav: self.chrome.nav_items(self.site, lang, mark),
        };
        self.render_template(template, &ctx).map(chrome::trimmed)
    }

    /// Where a view is: the switcher, alternates and breadcrumbs.
    fn place(&self, lang: Lang, here: Here) -> Place<'_> {
        let page = match here {
            Here::Page(p) => Some(p),
            _ => None,
        };
        let site = self.site;
        let cfg = &site.config;
        let switch_url = |l: Lang| match &here {
            Here::Page(p) => site.url(*p, l),
            Here::Path(path) => urls::url(&cfg.base_path, l, path),
            Here::Nowhere => urls::url(&cfg.base_path, l, ""),
        };
        let switcher = cfg
            .languages
            .iter()
            .map(|&l| Switch {
                lang: l,
                name: l.native_name(),
                url: switch_url(l),
                current: l == lang,
            })
            .collect();
        let alternates = match page {
            Some(p) => cfg
                .languages
                .iter()
                .map(|&l| Alternate {
                    lang: l,
                    permalink: site.permalink(p, l),
                })
                .collect(),
            None => Vec::new(),
        };
        Place {
            switcher,
            alternates,
            breadcrumbs: self.breadcrumbs(lang, page),
        }
    }

    /// The page's parents, nearest first.
    fn ancestors(&self, page: PageId) -> Vec<PageId> {
        let mut out = Vec::new();
        let mut at = self.site.pages[page].parent;
        while let Some(p) = at {
            if out.contains(&p) {
                break;
            }
            out.push(p);
            at = self.site.pages[p].parent;
        }
        out
    }

    fn breadcrumbs(&self, lang: Lang, page: Option<PageId>) -> Vec<Breadcrumb<'_>> {
        let site = self.site;
        let Some(page) = page else {
            let title = site.title(site.home, lang);
            return vec![Breadcrumb {
                title: Cow::Borrowed(title),
                url: site.url(site.home, lang),
                lang: None,
                lang_attr: functions::guess_lang_of(title, lang),
            }];
        };
        let mut chain = self.ancestors(page);
        chain.reverse();
        chain
            .into_iter()
            .map(|p| self.page_crumb(p, lang))
            .collect()
    }

    /// A breadcrumb to a page.
    fn page_crumb(&self, page: PageId, lang: Lang) -> Breadcrumb<'_> {
        let site = self.site;
        let title_lang = site.doc(page, lang).lang;
        Breadcrumb {
            title: Cow::Borrowed(site.title(page, lang)),
            url: site.url(page, lang),
            lang: Some(title_lang),
            lang_attr: functions::lang_attr_of(title_lang, lang),
        }
    }

    /// Another page by its title, in the language `lang` shows it.
    fn page_link(&self, page: PageId, lang: Lang) -> PageLink<'_> {
        let site = self.site;
        let title_lang = site.doc(page, lang).lang;
        PageLink {
            title: site.title(page, lang),
            url: site.url(page, lang),
            lang: title_lang,
            lang_attr: functions::lang_attr_of(title_lang, lang),
        }
    }

    /// A page in `lang`, and the visible text of its body for the search index.
    fn page_view(
        &self,
        page: PageId,
        lang: Lang,
    ) -> Result<(context::Page<'_>, String), Diagnostic> {
        let site = self.site;
        let p = &site.pages[page];
        let doc_id = p.doc_for(lang);
        let doc = &site.docs[doc_id];
        let fm = &doc.front;
        let links = &site.links[doc_id];
        let terms = self.term_links(lang);
        let mut text = search::VisibleText::default();
        let source = doc.text()?;
        let content = markdown::render_observed(
            doc,
            &source,
            &|dest| links.get(dest).map(|t| site.target_url(t, lang)),
            terms.as_ref(),
            &mut |events| text.chunk(events),
        );
        let text = text.finish();
        let backlinks = site
            .backlinks
            .get(&(page, lang))
            .map(|from| from.iter().map(|&b| self.page_link(b, lang)).collect())
            .unwrap_or_default();
        let state = site.translations.get(page).copied();
        let view = context::Page {
            title: &fm.title,
            description: fm.description.as_deref(),
            url: site.url(page, lang),
            permalink: site.permalink(page, lang),
            kind: fm.kind,
            kind_label: self.kind_label(fm.kind, lang),
            content,
            content_lang: doc.lang,
            lang_attr: functions::lang_attr_of(doc.lang, lang),
            is_fallback: doc.lang != lang,
            is_stale: lang == Lang::En
                && doc.lang == Lang::En
                && state == Some(TranslationState::Stale),
            original_url: site.url(page, Lang::Ja),
            draft: fm.draft,
            date: fm.date.map(|d| Date::new(d, lang)),
            updated: fm.updated.map(|d| Date::new(d, lang)),
            prefecture: fm.prefecture.map(|pr| PrefectureName::new(pr, lang)),
            source: fm.source.as_ref().map(|s| Source {
                title: s.title.as_deref(),
                issuer: s.issuer.as_deref(),
                number: s.number.as_deref(),
                url: s.url.as_deref(),
                date: s.date.map(|d| Date::new(d, lang)),
            }),
            toc: doc
                .parsed
                .headings
                .iter()
                .filter(|h| (2..=4).contains(&h.level))
                .map(|h| TocEntry {
                    level: h.level,
                    id: &h.id,
                    title: &h.text,
                })
                .collect(),
            tags: fm
                .tags
                .iter()
                .map(|tag| TagLink {
                    name: tag,
                    url: self.tag_url(tag, lang),
                    lang_attr: functions::guess_lang_of(tag, lang),
                })
                .collect(),
            backlinks,
            superseded_by: p.versions.newer.map(|n| self.page_link(n, lang)),
            supersedes: p.versions.older.map(|o| self.page_link(o, lang)),
            changes_url: self.changes_url(page, lang),
            children: p.children.iter().map(|&c| self.card(c, lang)).collect(),
            timeline: self.timeline(page, lang),
            facts: self.facts(fm, lang),
            compared_in: self.compared_in(&site.docs[p.ja], lang),
            extra: &fm.extra,
        };
        Ok((view, text))
    }

    /// The name of a kind of page in `lang`.
    fn kind_label(&self, kind: Kind, lang: Lang) -> String {
        self.t(lang, &format!("kind_{}", kind.name()))
    }

    /// A section's documents with their versions (SPEC §10), when any of its pages has versions:
    /// each child page stands for its whole chain of versions (wherever the other versions are),
    /// listed once, by the date of its first version; undated documents follow, in the
    /// section's order.
    fn timeline(&self, page: PageId, lang: Lang) -> Vec<TimelineDocument<'_>> {
        let site = self.site;
        let p = &site.pages[page];
        let versioned = |c: &PageId| site.pages[*c].versions != Default::default();
        if !p.is_section() || !p.children.iter().any(versioned) {
            return Vec::new();
        }
        let documents = p.children.iter().copied();
        self.timeline_of(documents.filter(|&c| !site.pages[c].is_section()), lang)
    }

    /// Documents with their versions, each listed once by the date of its first version
    /// (undated ones last, in the order given): a section's timeline, a prefecture's documents.
    fn timeline_of(
        &self,
        documents: impl Iterator<Item = PageId>,
        lang: Lang,
    ) -> Vec<TimelineDocument<'_>> {
        let site = self.site;
        let mut chains: Vec<Vec<PageId>> = Vec::new();
        for c in documents {
            let chain = site.version_chain(c);
            if !chains.contains(&chain) {
                chains.push(chain);
            }
        }
        let first_date = |chain: &[PageId]| {
            chain
                .iter()
                .find_map(|&v| site.docs[site.pages[v].ja].front.date)
                .map(|d| d.sort_key())
        };
        // Stable: undated documents (None sorts first, so they are moved last) keep their order.
        chains.sort_by_key(|chain| match first_date(chain) {
            Some(d) => (0, Some(d)),
            None => (1, None),
        });
        chains
            .into_iter()
            .map(|chain| TimelineDocument {
                versions: chain
                    .into_iter()
                    .map(|v| {
                        let doc = site.doc(v, lang);
                        TimelineVersion {
                            title: &doc.front.title,
                            url: site.url(v, lang),
                            lang: doc.lang,
                            lang_attr: functions::lang_attr_of(doc.lang, lang),
                            date: doc.front.date.map(|d| Date::new(d, lang)),
                            is_current: site.pages[v].versions.newer.is_none(),
                        }
                    })
                    .collect(),
            })
            .collect()
    }

    /// A child of a section or of the home page, as a card.
    fn card(&self, page: PageId, lang: Lang) -> Card<'_> {
        let site = self.site;
        let cd = site.doc(page, lang);
        Card {
            title: &cd.front.title,
            url: site.url(page, lang),
            description: cd.front.description.as_deref(),
            kind: cd.front.kind,
            kind_label: self.kind_label(cd.front.kind, lang),
            date: cd.front.date.map(|d| Date::new(d, lang)),
            draft: cd.front.draft,
            lang: cd.lang,
            lang_attr: functions::lang_attr_of(cd.lang, lang),
            is_section: site.pages[page].is_section(),
        }
    }

    /// The comparisons of the obligation sets a page lists (its Japanese lists: a translation
    /// may lag behind), each once, in the order of `site.yaml`.
    fn compared_in(&self, ja: &crate::model::Doc, lang: Lang) -> Vec<context::ComparisonLink<'_>> {
        let lists = &ja.parsed.obligation_lists;
        self.site
            .config
            .obligations
            .sets
            .iter()
            .filter(|(set, _)| lists.iter().any(|l| &l.set == *set))
            .map(|(set, name)| context::ComparisonLink {
                name: name.get(lang),
                url: Generated::Comparison(set).url(&self.site.config.base_path, lang),
            })
            .collect()
    }

    /// The facts a page gives, in the order of `site.yaml`.
    fn facts<'s>(&'s self, fm: &'s FrontMatter, lang: Lang) -> Vec<FactEntry<'s>> {
        self.site
            .config
            .facts
            .iter()
            .filter_map(|(key, decl)| {
                let fact = fm.facts.iter().find(|f| &f.key == key)?;
                let raw = fact.raw.display();
                let value = fact.display(lang).0;
                Some(FactEntry {
                    key,
                    label: decl.label(lang),
                    raw_lang_attr: functions::guess_lang_of(&raw, lang),
                    value_lang_attr: functions::guess_lang_of(&value, lang),
                    raw,
                    value,
                })
            })
            .collect()
    }

    fn tag_url(&self, tag: &str, lang: Lang) -> String {
        let slug = percent_encoding::utf8_percent_encode(
            &tag_slug(tag),
            percent_encoding::NON_ALPHANUMERIC,
        )
        .to_string();
        Generated::Tag(&slug).url(&self.site.config.base_path, lang)
    }

    fn render_tag_index(&self, lang: Lang) -> Result<Output, Diagnostic> {
        let empty = Default::default();
        let tags = self.site.tags.get(&lang).unwrap_or(&empty);
        let view = TagIndexView {
            tags: tags
                .iter()
                .map(|(name, pages)| TagCount {
                    name,
                    url: self.tag_url(name, lang),
                    count: pages.len(),
                })
                .collect(),
        };
        let title = Cow::Owned(self.t(lang, "all_tags"));
        let ctx = self.context(lang, Here::Path(Generated::TagIndex.path()), title, view);
        self.render("tags.html", &ctx)
            .map(|html| Output::text(Generated::TagIndex.file(lang), html))
    }

    fn render_tag(&self, lang: Lang, name: &str) -> Result<Output, Diagnostic> {
        let site = self.site;
        let pages = site
            .tags
            .get(&lang)
            .and_then(|t| t.get(name))
            .map_or(&[][..], Vec::as_slice);
        let view = TagView {
            tag: TagPage {
                name,
                url: self.tag_url(name, lang),
                pages: pages
                    .iter()
                    .map(|&p| TaggedPage {
                        title: site.title(p, lang),
                        url: site.url(p, lang),
                        description: site.doc(p, lang).front.description.as_deref(),
                        lang: site.doc(p, lang).lang,
                    })
                    .collect(),
            },
        };
        let here = Here::Path(Generated::Tag(&tag_slug(name)).path());
        let mut ctx = self.context(lang, here, Cow::Borrowed(name), view);
        self.switch_to_tag_index(&mut ctx.place.switcher, name);
        self.render("tag.html", &ctx)
            .map(|html| Output::text(tag_output_path(lang, name), html))
    }

    /// Tags are per language (`計画` has no English page): where the other language lacks the tag,
    /// the switcher goes to its tag index instead of a page that does not exist.
    fn switch_to_tag_index(&self, switcher: &mut [Switch], name: &str) {
        for item in switcher {
            let l = item.lang;
            if !self.site.tags.get(&l).is_some_and(|t| t.contains_key(name)) {
                item.url = Generated::TagIndex.url(&self.site.config.base_path, l);
            }
        }
    }

    fn render_404(&self, lang: Lang) -> Result<Output, Diagnostic> {
        let title = Cow::Borrowed(self.t_or(lang, "not_found", "404"));
        let ctx = self.context(lang, Here::Nowhere, title, NotFoundView {});
        let html = self.render("404.html", &ctx)?;
        Ok(Output::text(Generated::NotFound.file(lang), html))
    }
}

/// What every template of `lang` gets that depends only on the language (docs/templates.md).
fn lang_context<'a>(site: &'a Site, theme: &'a Theme, serve: bool, lang: Lang) -> LangContext<'a> {
    static NO_STRINGS: LazyLock<Map<String, Value>> = LazyLock::new(Map::new);
    let cfg = &site.config;
    LangContext {
        lang,
        t: theme.strings.get(&lang).unwrap_or(&NO_STRINGS),
        site: SiteInfo {
            title: cfg.title.get(lang),
            description: cfg.description.as_ref().map(|d| d.get(lang)),
            base_path: &cfg.base_path,
            origin: urls::origin(&cfg.base_url),
            home_url: site.url(site.home, lang),
            feed_url: format!("{}{}", cfg.base_path, urls::feed(lang)),
            tags_url: Generated::TagIndex.url(&cfg.base_path, lang),
            glossary_url: glossary::url(site, lang),
            search_url: Generated::Search.url(&cfg.base_path, lang),
            compare_url: Generated::CompareIndex.url(&cfg.base_path, lang),
            data_url: Generated::DataIndex.url(&cfg.base_path, lang),
            languages: cfg
                .languages
                .iter()
                .map(|&l| LanguageName {
                    code: l,
                    name: l.native_name(),
                })
                .collect(),
        },
        serve,
    }
}

/// The index of a language in `Lang::ALL`.
fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Ja => 0,
        Lang::En => 1,
    }
}

fn tag_output_path(lang: Lang, name: &str) -> String {
    Generated::Tag(&tag_slug(name)).file(lang)
}
