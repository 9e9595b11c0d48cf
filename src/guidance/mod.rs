//! The domain: what planning guidance is about, apart from how a site is built. Japanese era
//! dates ([`dates`]), the 47 prefectures ([`prefecture`]), the facts of schemes ([`facts`]), and
//! the national obligations (求められる事項) with how a prefecture's wording matches them
//! ([`obligations`]). A leaf: it knows nothing of pages, files or the model, so the stages all
//! build on it.

pub mod dates;
pub mod facts;
pub mod obligations;
pub mod prefecture;
