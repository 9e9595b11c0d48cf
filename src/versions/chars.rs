//! The character-level comparison of two blocks, and how alike two blocks are.
//!
//! Both come from the obligation matching ([`crate::guidance::obligations`]): the same
//! per-character diff (NFKC-folded, cleaned up so a reworded phrase reads as one change) and
//! the same bigram similarity. This file is the only one that reaches them, so that the 新旧対照表
//! underlines exactly what an obligation comparison would.

use crate::guidance::obligations::{diff, similarity, Segment};

/// A run of characters of one cell, underlined (傍線) when it is what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub changed: bool,
}

/// The two sides of a changed block: the new text and the old, each cut into pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sides {
    pub new: Vec<Piece>,
    pub old: Vec<Piece>,
}

impl Sides {
    /// Whether the new side has characters the old one lacks.
    pub fn adds(&self) -> bool {
        self.new.iter().any(|p| p.changed)
    }

    /// Whether the old side has characters the new one lacks.
    pub fn deletes(&self) -> bool {
        self.old.iter().any(|p| p.changed)
    }
}

/// How alike two texts are, 0.0 to 1.0 (1.0 when the same but for width, spacing and punctuation).
pub fn likeness(old: &str, new: &str) -> f64 {
    similarity(old, new)
}

/// The character diff of `old` → `new`, cut into the pieces of each column.
///
/// The diff gives equal runs in the new text's characters; the old column takes the same number
/// of its own characters instead (the diff pairs characters one to one), so each column shows
/// exactly what its document wrote, `（` or `(`.
pub fn compare(old: &str, new: &str) -> Sides {
    let old_chars: Vec<char> = old.chars().collect();
    let mut at: usize = 0;
    let mut take_old = |count: usize| -> String {
        let end = at.saturating_add(count).min(old_chars.len());
        let taken: String = old_chars.get(at..end).unwrap_or_default().iter().collect();
        at = end;
        taken
    };
    let mut sides = Sides {
        new: Vec::new(),
        old: Vec::new(),
    };
    for segment in diff(old, new) {
        match segment {
            Segment::Equal(text) => {
                let count = text.chars().count();
                push(&mut sides.old, take_old(count), false);
                push(&mut sides.new, text, false);
            }
            Segment::Delete(text) => push(&mut sides.old, take_old(text.chars().count()), true),
            Segment::Insert(text) => push(&mut sides.new, text, true),
        }
    }
    sides
}

/// Appends a piece, merged into the last one when both are (un)changed alike; nothing if empty.
pub fn push(pieces: &mut Vec<Piece>, text: String, changed: bool) {
    if text.is_empty() {
        return;
    }
    match pieces.last_mut() {
        Some(last) if last.changed == changed => last.text.push_str(&text),
        _ => pieces.push(Piece { text, changed }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| {
                if p.changed {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn each_column_keeps_its_own_characters() {
        let sides = compare("（ア）会議を開く", "(ア)会議を開催する");
        assert_eq!(marked(&sides.old), "（ア）会議を開[く]");
        assert_eq!(marked(&sides.new), "(ア)会議を開[催する]");
    }

    #[test]
    fn pieces_put_together_give_back_each_text() {
        for (old, new) in [("", "a"), ("a", ""), ("前記", "①"), ("𠮷野", "吉野家")] {
            let sides = compare(old, new);
            let join = |p: &[Piece]| p.iter().map(|p| p.text.as_str()).collect::<String>();
            assert_eq!(
                (join(&sides.old), join(&sides.new)),
                (old.into(), new.into())
            );
        }
    }
}
