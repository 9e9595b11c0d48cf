//! Aligning the blocks of two texts into rows (see the module doc of [`super`] for why so).

use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag};
use unicode_normalization::UnicodeNormalization;

use super::blocks::{Block, BlockKind};
use super::chars;
use super::rows::Row;

/// How alike a deleted and an inserted block must be to be shown as one block reworded rather
/// than one removed and another new. Lower than the obligation threshold (0.6) because a revision
/// may rewrite half a sentence and still be the same provision; the Chiba draft's first item and
/// its adopted wording score 0.65.
pub const SAME_BLOCK_SIMILARITY: f64 = 0.5;

/// Above this many candidate pairs (deleted × inserted blocks of one stretch), blocks are paired
/// by position instead of by the best order-keeping pairing: that costs one similarity per pair,
/// and a stretch this large is a rewrite, not an amendment.
const MAX_PAIRING_CANDIDATES: usize = 40_000;

/// Time limit for the block-level diff, for pathological input only.
const ALIGN_DEADLINE: Duration = Duration::from_secs(2);

/// The rows for two lists of blocks, in the order of both texts.
pub fn align(old: &[Block], new: &[Block]) -> Vec<Row> {
    let old_keys: Vec<Key> = old.iter().map(Key::of).collect();
    let new_keys: Vec<Key> = new.iter().map(Key::of).collect();
    let deadline = Instant::now().checked_add(ALIGN_DEADLINE);
    let ops =
        similar::capture_diff_slices_deadline(Algorithm::Myers, &old_keys, &new_keys, deadline);
    let mut rows = Vec::with_capacity(old.len().max(new.len()));
    let mut stretch = Stretch::default();
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            stretch.resolve(old, new, &mut rows);
            for (o, n) in old_range.zip(new_range) {
                rows.push(Row::Unchanged {
                    new: new[n].clone(),
                    old: old[o].clone(),
                });
            }
        } else {
            stretch.extend(old_range, new_range);
        }
    }
    stretch.resolve(old, new, &mut rows);
    rows
}

/// What makes two blocks the same: their kind and their text folded per character as the
/// character diff folds it (NFKC), so a row is unchanged exactly when the diff would mark nothing.
#[derive(Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Key {
    kind: KindKey,
    text: String,
}

#[derive(Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KindKey {
    Heading(u8),
    Paragraph,
    ListItem,
    TableRow,
    Code,
}

impl Key {
    fn of(block: &Block) -> Key {
        let kind = match block.kind {
            BlockKind::Heading(level) => KindKey::Heading(level),
            BlockKind::Paragraph => KindKey::Paragraph,
            BlockKind::ListItem => KindKey::ListItem,
            BlockKind::TableRow => KindKey::TableRow,
            BlockKind::Code => KindKey::Code,
        };
        let text = block
            .text
            .chars()
            .flat_map(|c| std::iter::once(c).nfkc())
            .collect();
        Key { kind, text }
    }
}

/// A stretch of blocks between two unchanged ones: deleted old blocks and inserted new ones.
#[derive(Default)]
struct Stretch {
    old: Option<std::ops::Range<usize>>,
    new: Option<std::ops::Range<usize>>,
}

impl Stretch {
    fn extend(&mut self, old: std::ops::Range<usize>, new: std::ops::Range<usize>) {
        self.old = Some(join(self.old.take(), old));
        self.new = Some(join(self.new.take(), new));
    }

    /// Emits the stretch's rows: paired blocks as changed, the others as removed or new, in the
    /// order of both texts (removed before new where both fall between the same pairs).
    fn resolve(&mut self, old: &[Block], new: &[Block], rows: &mut Vec<Row>) {
        let old = self.old.take().and_then(|r| old.get(r)).unwrap_or_default();
        let new = self.new.take().and_then(|r| new.get(r)).unwrap_or_default();
        let (mut o, mut n) = (0, 0);
        for (po, pn) in pairs(old, new) {
            rows.extend(old[o..po].iter().cloned().map(Row::Removed));
            rows.extend(new[n..pn].iter().cloned().map(Row::New));
            rows.push(changed(&old[po], &new[pn]));
            (o, n) = (po + 1, pn + 1);
        }
        rows.extend(old[o..].iter().cloned().map(Row::Removed));
        rows.extend(new[n..].iter().cloned().map(Row::New));
    }
}

fn join(a: Option<std::ops::Range<usize>>, b: std::ops::Range<usize>) -> std::ops::Range<usize> {
    match a {
        Some(a) => a.start.min(b.start)..a.end.max(b.end),
        None => b,
    }
}

fn changed(old: &Block, new: &Block) -> Row {
    Row::Changed {
        new_kind: new.kind,
        old_kind: old.kind,
        sides: chars::compare(&old.text, &new.text),
    }
}

/// Which deleted and inserted blocks are one block reworded: index pairs, increasing in both.
fn pairs(old: &[Block], new: &[Block]) -> Vec<(usize, usize)> {
    if old.is_empty() || new.is_empty() {
        return Vec::new();
    }
    let similar = if old.len().saturating_mul(new.len()) > MAX_PAIRING_CANDIDATES {
        old.iter()
            .zip(new)
            .enumerate()
            .filter(|(_, (o, n))| alike(o, n).is_some())
            .map(|(i, _)| (i, i))
            .collect()
    } else {
        best_pairs(old, new)
    };
    with_rewrites_in_place(&similar, old, new)
}

/// `pairs` and, between two of them, blocks rewritten in place: where as many blocks are left
/// unpaired on each side, of the same kinds in the same order, they pair in order. A table row
/// whose amount changed (`3,000千円` → `4,657千円`, too short to be similar) or a heading
/// reworded is the same provision changed, however little of its text remains; a 新旧対照表
/// shows it on one row.
fn with_rewrites_in_place(
    pairs: &[(usize, usize)],
    old: &[Block],
    new: &[Block],
) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(pairs.len());
    let (mut o, mut n) = (0, 0);
    let ends = pairs.iter().copied().chain([(old.len(), new.len())]);
    for (po, pn) in ends {
        let (gap_old, gap_new) = (&old[o..po], &new[n..pn]);
        let same_shape = gap_old.len() == gap_new.len()
            && gap_old.iter().zip(gap_new).all(|(a, b)| a.kind == b.kind);
        if same_shape {
            out.extend((0..gap_old.len()).map(|k| (o + k, n + k)));
        }
        if po < old.len() && pn < new.len() {
            out.push((po, pn));
        }
        (o, n) = (po + 1, pn + 1);
    }
    out
}

/// The similarity of two blocks when they are alike enough to be one block reworded.
fn alike(old: &Block, new: &Block) -> Option<f64> {
    let s = chars::likeness(&old.body, &new.body);
    (s >= SAME_BLOCK_SIMILARITY).then_some(s)
}

/// The order-keeping pairing with the greatest total similarity (a weighted longest common
/// subsequence): a block moved across others cannot pair, since the columns must each read in
/// their own document's order.
fn best_pairs(old: &[Block], new: &[Block]) -> Vec<(usize, usize)> {
    let width = new.len() + 1;
    let mut score = vec![0.0f64; (old.len() + 1) * width];
    let mut paired = vec![false; (old.len() + 1) * width];
    for i in 1..=old.len() {
        for j in 1..=new.len() {
            let mut best = score[(i - 1) * width + j].max(score[i * width + j - 1]);
            if let Some(s) = alike(&old[i - 1], &new[j - 1]) {
                let with = score[(i - 1) * width + j - 1] + s;
                if with > best {
                    best = with;
                    paired[i * width + j] = true;
                }
            }
            score[i * width + j] = best;
        }
    }
    let (mut i, mut j) = (old.len(), new.len());
    let mut out = Vec::new();
    while i > 0 && j > 0 {
        if paired[i * width + j] {
            out.push((i - 1, j - 1));
            (i, j) = (i - 1, j - 1);
        } else if score[(i - 1) * width + j] >= score[i * width + j - 1] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    out.reverse();
    out
}
