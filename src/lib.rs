//! shishin (指針): a static site generator for public planning guidance.
//!
//! One pipeline over one in-memory model, shared by every command (ARCHITECTURE.md is the map):
//! [`load`] (walk, decode, front matter, site.yaml) → [`markdown`] (parse: anchors, links,
//! obligation lists, facts) → [`link`] (pages, sections, links, backlinks, translations) →
//! [`compare`] (obligations matched, comparisons) → [`render`] (Tera) → [`check`]
//! (output paths and links) → [`write`] (all or nothing). [`pipeline`] runs the stages for
//! `build` and `check`; [`serve`] reruns what an edit touches; `main.rs` is only the command line.
//! The model the stages share is in [`model`]; the domain (dates, prefectures, facts,
//! obligations) in [`guidance`]; text helpers in [`text`]; the URL layout (every generated path,
//! the reserved names, joining and classifying URLs) in [`urls`]. What shishin says, in Japanese and
//! English, is in one catalogue, [`messages`]. [`versions`] compares two
//! versions of a text as a 新旧対照表 (`shishin diff`, and the `changes/` page of a revised plan).

pub mod check;
pub mod compare;
pub mod diagnostics;
pub mod fuzzing;
pub mod guidance;
pub mod i18n;
pub mod link;
pub mod load;
pub mod markdown;
pub mod messages;
pub mod model;
pub mod pipeline;
pub mod render;
pub mod serve;
pub mod text;
pub mod timing;
pub mod urls;
pub mod versions;
pub mod write;
