//! Anchors within a page: the id a heading gets from its text, and one id per target, so that
//! links to `#急変時の対応` land on one heading only.

use std::collections::{HashMap, HashSet};

/// GitHub-style anchor: lowercase, spaces to hyphens, punctuation removed, Japanese kept as is.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            out.extend(c.to_lowercase());
        } else if c == ' ' || c == '\u{3000}' {
            out.push('-');
        }
        // Everything else (punctuation, 「」、。・（）) is dropped, as GitHub does.
    }
    out
}

/// Ids the theme's page template uses itself: a heading must not take them.
pub(super) const THEME_IDS: &[&str] = &[
    "main",
    "sh-source",
    "sh-facts",
    "sh-toc",
    "sh-tags",
    "sh-backlinks",
    "sh-compared-in",
    "sh-children",
    "sh-timeline",
];

/// Hands out unique anchors within a page: `a`, `a-1`, `a-2`.
#[derive(Default)]
pub(super) struct IdAllocator {
    used: Vec<String>,
    seen: HashSet<String>,
    counters: HashMap<String, usize>,
}

impl IdAllocator {
    /// An allocator for which `ids` are already taken (but not anchors of the body).
    pub(super) fn reserving(ids: &[&str]) -> Self {
        IdAllocator {
            seen: ids.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
    }

    /// Every id handed out, in order: the page's anchors.
    pub(super) fn into_used(self) -> Vec<String> {
        self.used
    }

    /// An id written by the author: kept as it is.
    pub(super) fn explicit(&mut self, id: &str) -> String {
        self.seen.insert(id.to_string());
        self.used.push(id.to_string());
        id.to_string()
    }

    pub(super) fn derived(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "section" } else { base };
        let mut id = base.to_string();
        while self.seen.contains(&id) {
            let n = self.counters.entry(base.to_string()).or_insert(0);
            *n += 1;
            id = format!("{base}-{n}");
        }
        self.seen.insert(id.clone());
        self.used.push(id.clone());
        id
    }
}
