//! Search index: one per language, built from each page's rendered text, searched in the browser.
//!
//! Japanese has no spaces between words, and a compound such as 在宅医療 must be found whole and
//! by its parts (医療), so the index holds no word list at all: it holds each page's text, folded
//! once here, and the browser (`static/search.js`) finds every query term as a substring of it.
//! Index and query are folded the same way ([`normalize`] then [`fold`]), so full-width and
//! half-width forms, letter case and dash variants do not matter, and a query longer than any
//! word still finds its page. English terms must start a word (`care` finds `caregivers`, not
//! `scare`), which stands in for stemming. The choice and its costs are in `docs/search.md`.
//!
//! The index is a script (`search/index.js`) rather than JSON fetched at run time, so the search
//! page also works opened from `file://`, where browsers refuse `fetch`.
//!
//! `fold` is the normalisation index and query share (`static/search.js` repeats it); `text`
//! extracts the text a reader sees from a page's rendered body; `index` turns pages into entries
//! and writes one language's index in parts; `query` is the browser's search written in Rust,
//! so that tests pin down what the script finds and in which order.

mod fold;
mod index;
mod query;
mod text;

pub use fold::{fold, normalize};
pub use index::{
    head_file, index_outputs, part_file, IndexEntry, IndexWriter, PartEnds, SearchEntry,
};
pub use query::{occurrences, query_terms, search};
pub use text::{html_text, VisibleText};
