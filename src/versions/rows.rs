//! The rows of a 新旧対照表: what each says, whatever the format it is printed in.

use crate::text::lang::Lang;

use super::blocks::{Block, BlockKind};
use super::chars::{Piece, Sides};

/// One row: a block of the new text beside the block of the old text it replaces.
///
/// Each variant holds only the sides it has, so a new block can never carry an old text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// The same block in both (equal but for character width, as the character diff compares).
    Unchanged { new: Block, old: Block },
    /// The same block reworded: the changed characters of each side marked.
    Changed {
        new_kind: BlockKind,
        old_kind: BlockKind,
        sides: Sides,
    },
    /// A block only the new text has (新設).
    New(Block),
    /// A block only the old text had (全削除).
    Removed(Block),
}

/// The remark (備考) of a row, named as Japanese practice names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Remark {
    Unchanged,
    /// Words added to a block (追加).
    Added,
    /// Words deleted from a block (削除).
    Deleted,
    /// Words replaced, or both added and deleted (変更).
    Changed,
    /// A new block (新設).
    New,
    /// A block removed whole (全削除).
    Removed,
}

impl Remark {
    /// The word for the 備考 column; empty for an unchanged row, as a 新旧対照表 leaves it.
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Remark::Unchanged, _) => "",
            (Remark::Added, Lang::Ja) => "追加",
            (Remark::Added, Lang::En) => "Added",
            (Remark::Deleted, Lang::Ja) => "削除",
            (Remark::Deleted, Lang::En) => "Deleted",
            (Remark::Changed, Lang::Ja) => "変更",
            (Remark::Changed, Lang::En) => "Changed",
            (Remark::New, Lang::Ja) => "新設",
            (Remark::New, Lang::En) => "New",
            (Remark::Removed, Lang::Ja) => "全削除",
            (Remark::Removed, Lang::En) => "Removed",
        }
    }
}

/// One column's content in a row: the block's kind and its text in pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell<'a> {
    pub kind: BlockKind,
    pub pieces: std::borrow::Cow<'a, [Piece]>,
}

impl Cell<'_> {
    fn whole(block: &Block, changed: bool) -> Cell<'static> {
        Cell {
            kind: block.kind,
            pieces: vec![Piece {
                text: block.text.clone(),
                changed,
            }]
            .into(),
        }
    }

    /// The cell's text, unmarked.
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    /// The changed runs of the cell, in order.
    pub fn changed(&self) -> impl Iterator<Item = &str> {
        self.pieces
            .iter()
            .filter(|p| p.changed)
            .map(|p| p.text.as_str())
    }
}

impl Row {
    pub fn remark(&self) -> Remark {
        match self {
            Row::Unchanged { .. } => Remark::Unchanged,
            Row::Changed { sides, .. } => match (sides.adds(), sides.deletes()) {
                (true, false) => Remark::Added,
                (false, true) => Remark::Deleted,
                // Both, or neither (the same words as another kind of block: a heading made a
                // paragraph).
                _ => Remark::Changed,
            },
            Row::New(_) => Remark::New,
            Row::Removed(_) => Remark::Removed,
        }
    }

    /// The new column: a new block is underlined whole, as a 新設 provision is.
    pub fn new_cell(&self) -> Option<Cell<'_>> {
        match self {
            Row::Unchanged { new, .. } => Some(Cell::whole(new, false)),
            Row::Changed {
                new_kind, sides, ..
            } => Some(Cell {
                kind: *new_kind,
                pieces: sides.new.as_slice().into(),
            }),
            Row::New(block) => Some(Cell::whole(block, true)),
            Row::Removed(_) => None,
        }
    }

    /// The old column: a removed block is underlined whole.
    pub fn old_cell(&self) -> Option<Cell<'_>> {
        match self {
            Row::Unchanged { old, .. } => Some(Cell::whole(old, false)),
            Row::Changed {
                old_kind, sides, ..
            } => Some(Cell {
                kind: *old_kind,
                pieces: sides.old.as_slice().into(),
            }),
            Row::New(_) => None,
            Row::Removed(block) => Some(Cell::whole(block, true)),
        }
    }
}
