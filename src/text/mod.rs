//! Text helpers that know nothing of the site: the two languages ([`lang`]), the language of a
//! run of text ([`language`]), names that become paths ([`names`]), and what published text may
//! not carry ([`safety`]); the digest that tells a changed text ([`digest`]).

pub mod lang;
pub mod language;
pub mod names;
pub mod safety;

use sha2::{Digest, Sha256};

/// Digest of a Japanese body: insensitive to trailing whitespace and line endings, so that
/// re-saving a file unchanged does not make its translations stale.
pub fn digest(body: &str) -> String {
    let mut hasher = Sha256::new();
    for line in body.trim().lines() {
        hasher.update(line.trim_end().as_bytes());
        hasher.update(b"\n");
    }
    let hash = hasher.finalize();
    hash.iter().take(8).map(|b| format!("{b:02x}")).collect()
}
