//! shishin (指針): a static site generator for public planning guidance.
//!
//! One pipeline over one in-memory model, shared by every command:
//! [`load`] (walk, decode, front matter) → [`markdown`] (parse: anchors, links, obligation lists) →
//! [`link`] (pages, sections, links, backlinks, translations) → [`render`] (Tera) → [`write`].
//! [`pipeline`] runs the stages; `main.rs` is only the command line.

pub mod compare;
pub mod config;
pub mod dates;
pub mod diagnostics;
pub mod facts;
pub mod feeds;
pub mod frontmatter;
pub mod fuzzing;
pub mod glossary;
pub mod highlight;
pub mod i18n;
pub mod language;
pub mod link;
pub mod load;
pub mod markdown;
pub mod matching;
pub mod model;
pub mod names;
pub mod output_links;
pub mod output_paths;
pub mod pipeline;
pub mod prefecture;
pub mod rebuild;
pub mod render;
pub mod safety;
pub mod search;
pub mod serve;
pub mod template_functions;
pub mod theme;
pub mod timing;
pub mod write;
pub mod yaml;
