//! Checks over the rendered output, before anything is written: every output path is safe and
//! claimed by one source ([`paths`]), and every internal link and anchor resolves ([`links`]).

pub mod links;
pub mod paths;
