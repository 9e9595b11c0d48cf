//! Text helpers that know nothing of the site: the language of a run of text ([`language`]),
//! names that become paths ([`names`]), and what published text may not carry ([`safety`]).

pub mod language;
pub mod names;
pub mod safety;
