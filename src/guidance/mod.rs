//! The domain: what a planning-guidance site is about, apart from how pages are built.
//! Japanese era dates ([`dates`]), the 47 prefectures ([`prefecture`]), the facts of schemes
//! ([`facts`]), the national obligations (求められる事項) and how a prefecture's list matches
//! them ([`obligations`]), the comparisons across prefectures built from both ([`compare`]), and
//! the glossary ([`glossary`]).

pub mod compare;
pub mod dates;
pub mod facts;
pub mod glossary;
pub mod obligations;
pub mod prefecture;
