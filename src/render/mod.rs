//! Render stage: every page in every language through the theme's templates, in parallel.

use std::path::Path;

use serde_json::{json, Map, Value};

use crate::diagnostics::Diagnostic;
use crate::guidance::dates::DateValue;
use crate::markdown;
use crate::model::{Lang, Output, PageId, Site, Tables, TranslationState};
use crate::render::theme::Theme;
use crate::urls::{self, tag_slug, Generated};

mod compare;
pub mod feeds;
pub mod functions;
mod glossary;
pub mod inputs;
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
    /// The list of all tags.
    TagIndex(Lang),
    /// One tag's page.
    Tag(Lang, &'a str),
    /// Every comparison page with its CSV and JSON, and the index of comparisons.
    Comparisons(Lang),
    /// The glossary page (none without `content/glossary.yaml`).
    Glossary(Lang),
    /// The search page (its index is made from the pages' search entries).
    Search(Lang),
    NotFound(Lang),
}

/// One broken template fails every page alike: each message once.
pub fn once_each(mut errors: Vec<Diagnostic>) -> Vec<Diagnostic> {
    errors.sort_by(|a, b| a.message.cmp(&b.message));
    errors.dedup_by(|a, b| a.message == b.message);
    errors
}

/// What one render job made: each of its files (or the error that kept it from being made) and,
/// for a page, what the search index holds of it.
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
    /// RenderedBatch for `shishin serve` (the templates may show preview-only things).
    pub serve: bool,
}

impl<'a> Renderer<'a> {
    /// Every job of a full render: each page in each language, the tag listings, the
    /// comparisons and the 404 page of each language.
    pub fn jobs(&self) -> Vec<Job<'a>> {
        let site = self.site;
        let languages = &site.config.languages;
        // A page's languages side by side: an untranslated page renders one body twice, and its
        // highlighted code is then still in the cache (`highlight::code_block`).
        let mut jobs: Vec<Job> = (0..site.pages.len())
            .flat_map(|p| languages.iter().map(move |&l| Job::Page(p, l)))
            .collect();
        for &lang in languages {
            jobs.extend([
                Job::TagIndex(lang),
                Job::Comparisons(lang),
                Job::Glossary(lang),
                Job::Search(lang),
                Job::NotFound(lang),
            ]);
            let tags = site.tags.get(&lang).into_iter().flat_map(|t| t.keys());
            jobs.extend(tags.map(|name| Job::Tag(lang, name)));
        }
        jobs
    }

    /// The file a page job writes: `en/a/b/index.html`.
    pub fn page_output_path(&self, page: PageId, lang: Lang) -> String {
        urls::index_file(lang, &self.site.pages[page].path)
    }

    /// The one file a page or tag job writes, known before rendering it (`None` for the other
    /// jobs, which write several files or none).
    pub fn output_path(&self, job: Job<'_>) -> Option<String> {
        match job {
            Job::Page(page, lang) => Some(self.page_output_path(page, lang)),
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
            Job::TagIndex(lang) => files(vec![self.render_tag_index(lang)]),
            Job::Tag(lang, name) => files(vec![self.render_tag(lang, name)]),
            Job::Comparisons(lang) => files(self.render_comparisons(self.tables, lang)),
            Job::Glossary(lang) => files(self.render_glossary(lang).into_iter().collect()),
            Job::Search(lang) => files(vec![self.render_search_page(lang)]),
            Job::NotFound(lang) => files(vec![self.render_404(lang)]),
        }
    }

    /// A UI string of the theme; the key itself when the theme lacks it.
    pub(crate) fn t(&self, lang: Lang, key: &str) -> String {
        self.theme
            .strings
            .get(&lang)
            .and_then(|s| s.get(key))
            .and_then(Value::as_str)
            .unwrap_or(key)
            .to_string()
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
        let mut ctx = self.common(lang, Here::Page(page));
        let page_value = self.page_value(page, lang);
        let entry = search::SearchEntry::new(
            p.path.clone(),
            page_value["title"].as_str().unwrap_or_default(),
            page_value["content"].as_str().unwrap_or_default(),
            site.doc(page, lang).lang,
            lang,
        );
        ctx.insert("title".into(), page_value["title"].clone());
        ctx.insert("page".into(), page_value);
        let html = self.render(template, ctx)?;
        let output = Output::text(self.page_output_path(page, lang), html);
        Ok((output, entry))
    }

    pub(crate) fn render(
        &self,
        template: &str,
        ctx: Map<String, Value>,
    ) -> Result<String, Diagnostic> {
        let ctx = tera::Context::from_value(Value::Object(ctx))
            .map_err(|e| Diagnostic::error(e.to_string()))?;
        let dir = self
            .root
            .join("themes")
            .join(&self.site.config.theme)
            .join("templates")
            .join(template);
        self.theme
            .tera
            .render(template, &ctx)
            .map_err(|e| crate::render::theme::template_error(&e, self.root, &dir))
    }

    /// Variables every template gets (docs/templates.md).
    fn common(&self, lang: Lang, here: Here) -> Map<String, Value> {
        let page = match here {
            Here::Page(p) => Some(p),
            _ => None,
        };
        let site = self.site;
        let cfg = &site.config;
        let mut ctx = Map::new();
        ctx.insert("lang".into(), json!(lang.code()));
        ctx.insert(
            "t".into(),
            Value::Object(self.theme.strings.get(&lang).cloned().unwrap_or_default()),
        );
        ctx.insert(
            "site".into(),
            json!({
                "title": cfg.title.get(lang),
                "description": cfg.description.as_ref().map(|d| d.get(lang)),
                "base_path": cfg.base_path,
                "home_url": site.url(site.home, lang),
                "feed_url": format!("{}{}", cfg.base_path, urls::feed(lang)),
                "tags_url": Generated::TagIndex.url(&cfg.base_path, lang),
                "glossary_url": self.glossary_url(lang),
                "search_url": Generated::Search.url(&cfg.base_path, lang),
                "languages": cfg.languages.iter().map(|l| json!({"code": l.code(), "name": l.native_name()})).collect::<Vec<_>>(),
            }),
        );
        let switch_url = |l: Lang| match &here {
            Here::Page(p) => site.url(*p, l),
            Here::Path(path) => urls::url(&cfg.base_path, l, path),
            Here::Nowhere => urls::url(&cfg.base_path, l, ""),
        };
        ctx.insert(
            "switcher".into(),
            Value::Array(
                cfg.languages
                    .iter()
                    .map(|&l| json!({"lang": l.code(), "name": l.native_name(), "url": switch_url(l), "current": l == lang}))
                    .collect(),
            ),
        );
        ctx.insert(
            "alternates".into(),
            Value::Array(match page {
                Some(p) => cfg
                    .languages
                    .iter()
                    .map(|&l| json!({"lang": l.code(), "permalink": site.permalink(p, l)}))
                    .collect(),
                None => Vec::new(),
            }),
        );
        ctx.insert("nav".into(), self.nav(lang, page));
        ctx.insert("breadcrumbs".into(), self.breadcrumbs(lang, page));
        ctx.insert("serve".into(), json!(self.serve));
        ctx
    }

    fn nav(&self, lang: Lang, current: Option<PageId>) -> Value {
        let site = self.site;
        let ancestors = current.map(|c| self.ancestors(c)).unwrap_or_default();
        Value::Array(
            site.pages[site.home]
                .children
                .iter()
                .filter(|&&c| site.pages[c].is_section())
                .map(|&c| {
                    json!({
                        "title": site.title(c, lang),
                        "lang": site.doc(c, lang).lang.code(),
                        "url": site.url(c, lang),
                        "current": Some(c) == current || ancestors.contains(&c),
                    })
                })
                .collect(),
        )
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

    fn breadcrumbs(&self, lang: Lang, page: Option<PageId>) -> Value {
        let site = self.site;
        let Some(page) = page else {
            return json!([{"title": site.title(site.home, lang), "url": site.url(site.home, lang)}]);
        };
        let mut chain = self.ancestors(page);
        chain.reverse();
        Value::Array(
            chain
                .into_iter()
                .map(|p| json!({"title": site.title(p, lang), "lang": site.doc(p, lang).lang.code(), "url": site.url(p, lang)}))
                .collect(),
        )
    }

    fn page_value(&self, page: PageId, lang: Lang) -> Value {
        let site = self.site;
        let p = &site.pages[page];
        let doc_id = p.doc_for(lang);
        let doc = &site.docs[doc_id];
        let fm = &doc.front;
        let links = &site.links[doc_id];
        let terms = self.term_links(lang);
        let content = markdown::render_with(
            doc,
            &|dest| links.get(dest).map(|t| site.target_url(t, lang)),
            terms.as_ref(),
        );
        let kind_label = |k: &str| self.t(lang, &format!("kind_{k}"));
        let children: Vec<Value> = p
            .children
            .iter()
            .map(|&c| {
                let cd = site.doc(c, lang);
                json!({
                    "title": cd.front.title,
                    "url": site.url(c, lang),
                    "description": cd.front.description,
                    "kind": cd.front.kind.name(),
                    "kind_label": kind_label(cd.front.kind.name()),
                    "date": cd.front.date.map(|d| date_value(d, lang)),
                    "draft": cd.front.draft,
                    "lang": cd.lang.code(),
                    "is_section": site.pages[c].is_section(),
                })
            })
            .collect();
        let backlinks: Vec<Value> = site
            .backlinks
            .get(&(page, lang))
            .map(|from| {
                from.iter()
                    .map(|&b| json!({"title": site.title(b, lang), "url": site.url(b, lang), "lang": site.doc(b, lang).lang.code()}))
                    .collect()
            })
            .unwrap_or_default();
        let facts: Vec<Value> = site
            .config
            .facts
            .iter()
            .filter_map(|(key, decl)| {
                let fact = fm.facts.iter().find(|f| &f.key == key)?;
                let value = fact.value.display(lang);
                Some(json!({"key": key, "label": decl.label(lang), "raw": fact.raw.display(), "value": value}))
            })
            .collect();
        let toc: Vec<Value> = doc
            .parsed
            .headings
            .iter()
            .filter(|h| (2..=4).contains(&h.level))
            .map(|h| json!({"level": h.level, "id": h.id, "title": h.text}))
            .collect();
        let state = site.translations.get(page).copied();
        json!({
            "title": fm.title,
            "description": fm.description,
            "url": site.url(page, lang),
            "permalink": site.permalink(page, lang),
            "kind": fm.kind.name(),
            "kind_label": kind_label(fm.kind.name()),
            "content": content,
            "content_lang": doc.lang.code(),
            "is_fallback": doc.lang != lang,
            "is_stale": lang == Lang::En && doc.lang == Lang::En && state == Some(TranslationState::Stale),
            "original_url": site.url(page, Lang::Ja),
            "draft": fm.draft,
            "date": fm.date.map(|d| date_value(d, lang)),
            "updated": fm.updated.map(|d| date_value(d, lang)),
            "prefecture": fm.prefecture.map(|pr| json!({
                "code": pr.code, "slug": pr.slug, "name": pr.name(lang),
            })),
            "source": fm.source.as_ref().map(|s| json!({
                "title": s.title, "issuer": s.issuer, "number": s.number, "url": s.url,
                "date": s.date.map(|d| date_value(d, lang)),
            })),
            "toc": toc,
            "tags": fm.tags.iter().map(|tag| json!({"name": tag, "url": self.tag_url(tag, lang)})).collect::<Vec<_>>(),
            "backlinks": backlinks,
            "children": children,
            "facts": facts,
            "extra": fm.extra,
        })
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
        let mut ctx = self.common(lang, Here::Path(Generated::TagIndex.path()));
        ctx.insert("title".into(), json!(self.t(lang, "all_tags")));
        ctx.insert(
            "tags".into(),
            Value::Array(
                tags.iter()
                    .map(|(name, pages)| json!({"name": name, "url": self.tag_url(name, lang), "count": pages.len()}))
                    .collect(),
            ),
        );
        self.render("tags.html", ctx)
            .map(|html| Output::text(Generated::TagIndex.file(lang), html))
    }

    fn render_tag(&self, lang: Lang, name: &str) -> Result<Output, Diagnostic> {
        let site = self.site;
        let pages = site
            .tags
            .get(&lang)
            .and_then(|t| t.get(name))
            .map_or(&[][..], Vec::as_slice);
        let path = Generated::Tag(&tag_slug(name)).path();
        let mut ctx = self.common(lang, Here::Path(path));
        self.switch_to_tag_index(&mut ctx, name);
        ctx.insert("title".into(), json!(name));
        ctx.insert(
            "tag".into(),
            json!({
                "name": name,
                "url": self.tag_url(name, lang),
                "pages": pages.iter().map(|&p| json!({
                    "title": site.title(p, lang),
                    "url": site.url(p, lang),
                    "description": site.doc(p, lang).front.description,
                    "lang": site.doc(p, lang).lang.code(),
                })).collect::<Vec<_>>(),
            }),
        );
        self.render("tag.html", ctx)
            .map(|html| Output::text(tag_output_path(lang, name), html))
    }

    /// Tags are per language (`計画` has no English page): where the other language lacks the tag,
    /// the switcher goes to its tag index instead of a page that does not exist.
    fn switch_to_tag_index(&self, ctx: &mut Map<String, Value>, name: &str) {
        let Some(Value::Array(items)) = ctx.get_mut("switcher") else {
            return;
        };
        for item in items {
            let Some(l) = item["lang"].as_str().and_then(Lang::from_code) else {
                continue;
            };
            if !self.site.tags.get(&l).is_some_and(|t| t.contains_key(name)) {
                item["url"] = json!(Generated::TagIndex.url(&self.site.config.base_path, l));
            }
        }
    }

    fn render_404(&self, lang: Lang) -> Result<Output, Diagnostic> {
        let mut ctx = self.common(lang, Here::Nowhere);
        let title = self
            .theme
            .strings
            .get(&lang)
            .and_then(|s| s.get("not_found"))
            .cloned()
            .unwrap_or(json!("404"));
        ctx.insert("title".into(), title);
        let html = self.render("404.html", ctx)?;
        Ok(Output::text(Generated::NotFound.file(lang), html))
    }
}

fn tag_output_path(lang: Lang, name: &str) -> String {
    Generated::Tag(&tag_slug(name)).file(lang)
}

/// A date for templates: `{iso, display}` in the reader's language.
fn date_value(d: DateValue, lang: Lang) -> Value {
    json!({
        "iso": d.iso(),
        "display": d.display(lang),
    })
}
