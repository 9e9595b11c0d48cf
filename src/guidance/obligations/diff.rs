//! The display diff of a prefecture's wording against the canonical text (新旧対照表).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag};
use unicode_normalization::UnicodeNormalization;

use super::similarity::{dice, sorted_bigrams};
use crate::text::language::push_escaped;

/// Texts longer than this together (in characters) that are also unrelated
/// (see [`COARSE_DIFF_MAX_SIMILARITY`]) are diffed coarsely.
const COARSE_DIFF_MIN_CHARS: usize = 2_000;

/// Bigram similarity below which long texts are diffed coarsely. Myers' algorithm costs
/// O((N+M)·D), which for two unrelated 5,000-character texts is a quarter of a second, while the
/// semantic cleanup would fold its result into one deletion and one insertion anyway.
const COARSE_DIFF_MAX_SIMILARITY: f64 = 0.3;

/// Last-resort time limit for Myers' algorithm on one display diff, for input that slips past
/// the coarse diff; what is left when it expires is shown as one deletion and one insertion.
/// Never reached by the texts of a real guideline, so builds stay reproducible.
const DIFF_DEADLINE: Duration = Duration::from_secs(2);

/// A character-level diff of `canonical` → `text` for display, in the manner of a 新旧対照表:
/// a list of segments over the ORIGINAL (not normalized) characters.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "op", content = "text", rename_all = "snake_case")]
pub enum Segment {
    /// Text both share, as the prefecture (`text`) writes it.
    Equal(String),
    /// Canonical text the prefecture left out or replaced.
    Delete(String),
    /// Text the prefecture added or used instead.
    Insert(String),
}

/// A character-level diff of `canonical` → `text`, adjacent segments of the same op merged and
/// no segment empty.
///
/// Characters are compared by their NFKC form, so that `（BCP）` and `(BCP)` or `１０` and `10`
/// are not shown as changes (they are not changes to the reader either); equal runs show the
/// prefecture's own characters. The diff is Myers' (minimal) over characters, followed by a
/// semantic cleanup in the manner of diff-match-patch: a short equal run squeezed between
/// changes that are at least as long is folded into them, so a reworded phrase reads as one
/// deletion and one insertion instead of scattered single characters. Within each change the
/// deletion comes before the insertion, as in a 新旧対照表 (old, then new).
pub fn diff(canonical: &str, text: &str) -> Vec<Segment> {
    let old: Vec<char> = canonical.chars().collect();
    let new: Vec<char> = text.chars().collect();
    let blocks = semantic_cleanup(raw_blocks(&old, &new));
    segments(&blocks, &old, &new)
}

/// One equality and the change that follows it, as positions in the two texts: `equal`
/// characters the same on both sides, then `deleted` characters of the old text replaced by
/// `inserted` characters of the new one. A diff is a list of blocks that follow each other
/// without gaps; only the first may have no equality and only the last no change. Positions
/// rather than text keep folding an equality into its neighbours O(1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Block {
    old_start: usize,
    new_start: usize,
    equal: usize,
    deleted: usize,
    inserted: usize,
}

impl Block {
    fn at(old_start: usize, new_start: usize) -> Self {
        Block {
            old_start,
            new_start,
            equal: 0,
            deleted: 0,
            inserted: 0,
        }
    }

    fn has_change(&self) -> bool {
        self.deleted > 0 || self.inserted > 0
    }

    /// The size of the change, as diff-match-patch measures it: its longer side.
    fn change_size(&self) -> usize {
        self.deleted.max(self.inserted)
    }
}

/// Gives every character the number of its NFKC form, the key it is compared by in the display
/// diff. Numbers rather than strings keep Myers' inner loop cheap.
#[derive(Default)]
struct Folder {
    ids: HashMap<String, u32>,
}

impl Folder {
    fn keys(&mut self, chars: &[char]) -> Vec<u32> {
        chars.iter().map(|&c| self.key(c)).collect()
    }

    fn key(&mut self, c: char) -> u32 {
        let folded: String = std::iter::once(c).nfkc().collect();
        let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        *self.ids.entry(folded).or_insert(next)
    }
}

/// The diff of the two character sequences, before cleanup.
fn raw_blocks(old: &[char], new: &[char]) -> Vec<Block> {
    let mut folder = Folder::default();
    let old_keys = folder.keys(old);
    let new_keys = folder.keys(new);
    if is_long_and_unrelated(&old_keys, &new_keys) {
        coarse_blocks(&old_keys, &new_keys)
    } else {
        myers_blocks(&old_keys, &new_keys)
    }
}

fn myers_blocks(old_keys: &[u32], new_keys: &[u32]) -> Vec<Block> {
    let deadline = Instant::now().checked_add(DIFF_DEADLINE);
    let ops = similar::capture_diff_slices_deadline(Algorithm::Myers, old_keys, new_keys, deadline);
    let mut blocks = Vec::with_capacity(ops.len() / 2 + 1);
    let mut current = Block::at(0, 0);
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            if current.has_change() {
                blocks.push(current);
                current = Block::at(old_range.start, new_range.start);
            }
            current.equal += old_range.len();
        } else {
            current.deleted += old_range.len();
            current.inserted += new_range.len();
        }
    }
    blocks.push(current);
    blocks
}

fn is_long_and_unrelated(old_keys: &[u32], new_keys: &[u32]) -> bool {
    if old_keys.len() + new_keys.len() < COARSE_DIFF_MIN_CHARS {
        return false;
    }
    let old_bigrams = sorted_bigrams(old_keys.iter().copied());
    let new_bigrams = sorted_bigrams(new_keys.iter().copied());
    dice(&old_bigrams, &new_bigrams) < COARSE_DIFF_MAX_SIMILARITY
}

/// The common beginning and end as equalities, and everything between as one change: what the
/// semantic cleanup makes of a diff of unrelated texts, without the cost of computing it.
fn coarse_blocks(old_keys: &[u32], new_keys: &[u32]) -> Vec<Block> {
    let prefix = old_keys
        .iter()
        .zip(new_keys)
        .take_while(|(a, b)| a == b)
        .count();
    let max_suffix = old_keys.len().min(new_keys.len()) - prefix;
    let suffix = old_keys
        .iter()
        .rev()
        .zip(new_keys.iter().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    let deleted = old_keys.len() - prefix - suffix;
    let inserted = new_keys.len() - prefix - suffix;
    let head = Block {
        equal: prefix,
        deleted,
        inserted,
        ..Block::at(0, 0)
    };
    let tail = Block {
        equal: suffix,
        ..Block::at(prefix + deleted, prefix + inserted)
    };
    [head, tail]
        .into_iter()
        .filter(|b| b.equal > 0 || b.has_change())
        .collect()
}

/// Folds short equalities into the changes around them (the rule of diff-match-patch's
/// `cleanupSemantic`): an equality is folded when it is no longer than the change before it
/// and no longer than the change after it. Folding only makes changes longer, so the result
/// does not depend on the order; a stack finds it in one pass, going back whenever a fold
/// makes the equality before foldable too.
fn semantic_cleanup(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        out.push(block);
        while let [.., before, last] = out.as_mut_slice() {
            if !is_foldable(before, last) {
                break;
            }
            before.deleted += last.equal + last.deleted;
            before.inserted += last.equal + last.inserted;
            out.pop();
        }
    }
    out
}

/// Whether the equality that starts `block` should merge into the changes on either side.
fn is_foldable(before: &Block, block: &Block) -> bool {
    before.has_change()
        && block.has_change()
        && block.equal <= before.change_size()
        && block.equal <= block.change_size()
}

/// The blocks as segments of the original characters; equal text as the new text writes it.
fn segments(blocks: &[Block], old: &[char], new: &[char]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(blocks.len() * 3);
    for b in blocks {
        let new_changed = b.new_start + b.equal;
        let old_changed = b.old_start + b.equal;
        push_segment(&mut out, Segment::Equal, new, b.new_start, b.equal);
        push_segment(&mut out, Segment::Delete, old, old_changed, b.deleted);
        push_segment(&mut out, Segment::Insert, new, new_changed, b.inserted);
    }
    out
}

/// Appends `chars[start..start + len]` as a segment, merged into the last one when it has the
/// same op; nothing when empty or (impossibly) out of range.
fn push_segment(
    out: &mut Vec<Segment>,
    make: fn(String) -> Segment,
    chars: &[char],
    start: usize,
    len: usize,
) {
    let text: String = chars
        .get(start..start.saturating_add(len))
        .unwrap_or_default()
        .iter()
        .collect();
    if text.is_empty() {
        return;
    }
    let segment = make(text);
    match (out.last_mut(), segment) {
        (Some(Segment::Equal(last)), Segment::Equal(more))
        | (Some(Segment::Delete(last)), Segment::Delete(more))
        | (Some(Segment::Insert(last)), Segment::Insert(more)) => last.push_str(&more),
        (_, segment) => out.push(segment),
    }
}

/// The diff as HTML: equal text escaped as is, deletions as `<del>…</del>`, insertions as `<ins>…</ins>`
/// (readable without colour: the theme underlines ins and strikes through del). HTML-escape &<>"'.
///
/// `<del>` and `<ins>` carry their meaning to screen readers and in print, where colour is lost.
/// Empty segments produce nothing, so no empty elements reach the page.
pub fn diff_html(segments: &[Segment]) -> String {
    let mut html = String::new();
    for segment in segments {
        let (tag, text) = match segment {
            Segment::Equal(t) => (None, t),
            Segment::Delete(t) => (Some("del"), t),
            Segment::Insert(t) => (Some("ins"), t),
        };
        if text.is_empty() {
            continue;
        }
        match tag {
            Some(tag) => {
                html.push_str(&format!("<{tag}>"));
                push_escaped(text, &mut html);
                html.push_str(&format!("</{tag}>"));
            }
            None => push_escaped(text, &mut html),
        }
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guidance::obligations::fixtures::*;

    // --- diff ------------------------------------------------------------------------------

    #[test]
    fn one_changed_particle_diffs_as_one_delete_and_one_insert() {
        let segments = diff(HUB_1, HUB_1_CHANGED);
        assert_eq!(
            segments,
            vec![
                Segment::Equal("地域の医療及び介護、障害福祉の関係者による会議を定期的".into()),
                Segment::Delete("に".into()),
                Segment::Insert("で".into()),
                Segment::Equal(
                    "開催し、在宅医療における提供状況の把握、災害時対応を含む業務継続計画（BCP）の策定支援を含めた課題の抽出及び対応策の検討等を実施すること"
                        .into()
                ),
            ]
        );
        assert!(diff_html(&segments).contains("<del>に</del><ins>で</ins>"));
    }

    #[test]
    fn diff_rebuilds_both_texts() {
        let pairs = [
            (HUB_1, HUB_1_CHANGED),
            (HUB_2, UNRELATED),
            (HUB_3, "質の高い在宅医療を効率的に提供するため、関係機関の連携による急変時の対応や多職種による情報共有を図ること"),
            ("", HUB_4),
            (HUB_4, ""),
            ("👨‍👩‍👧会議", "会議👨‍👩‍👦"),
        ];
        for (old, new) in pairs {
            let segments = diff(old, new);
            assert_eq!(rebuild(&segments, false), old);
            assert_eq!(rebuild(&segments, true), new);
            assert_merged(&segments);
        }
    }

    /// The old (`new == false`) or new text a diff describes.
    /// NFKC of each character on its own: how the display diff compares characters.
    fn fold_each(text: &str) -> String {
        text.chars()
            .flat_map(|c| std::iter::once(c).nfkc())
            .collect()
    }

    fn assert_merged(segments: &[Segment]) {
        for pair in segments.windows(2) {
            let same = std::mem::discriminant(&pair[0]) == std::mem::discriminant(&pair[1]);
            assert!(!same, "unmerged: {pair:?}");
            assert!(
                !matches!(pair, [Segment::Insert(_), Segment::Delete(_)]),
                "insert before delete: {pair:?}"
            );
        }
        for s in segments {
            let (Segment::Equal(t) | Segment::Delete(t) | Segment::Insert(t)) = s;
            assert!(!t.is_empty());
        }
    }

    #[test]
    fn reworded_phrase_is_one_delete_and_one_insert() {
        let segments = diff("会議を開催すること", "打合せを実施すること");
        assert_eq!(
            segments,
            vec![
                Segment::Delete("会議を開催".into()),
                Segment::Insert("打合せを実施".into()),
                Segment::Equal("すること".into()),
            ]
        );
    }

    #[test]
    fn long_equal_runs_between_changes_are_kept() {
        let segments = diff(
            HUB_3,
            &HUB_3.replace("効率的", "効果的").replace("促進", "推進"),
        );
        let changes = segments
            .iter()
            .filter(|s| !matches!(s, Segment::Equal(_)))
            .count();
        assert_eq!(changes, 4, "{segments:?}");
    }

    #[test]
    fn width_variants_are_not_shown_as_changes() {
        let segments = diff(
            "業務継続計画（BCP）を２４時間",
            "業務継続計画(ＢＣＰ)を24時間",
        );
        assert_eq!(
            segments,
            vec![Segment::Equal("業務継続計画(ＢＣＰ)を24時間".into())]
        );
    }

    #[test]
    fn added_and_removed_text_show_as_insert_or_delete_only() {
        assert_eq!(
            diff(
                HUB_4,
                "在宅医療に関する地域住民への普及啓発を積極的に実施すること"
            ),
            vec![
                Segment::Equal("在宅医療に関する地域住民への普及啓発を".into()),
                Segment::Insert("積極的に".into()),
                Segment::Equal("実施すること".into()),
            ]
        );
        assert_eq!(
            diff(HUB_4, "在宅医療に関する普及啓発を実施すること"),
            vec![
                Segment::Equal("在宅医療に関する".into()),
                Segment::Delete("地域住民への".into()),
                Segment::Equal("普及啓発を実施すること".into()),
            ]
        );
    }

    #[test]
    fn coarse_diff_of_unrelated_texts_equals_the_cleaned_up_full_diff() {
        let old: Vec<char> = format!("{}、{HUB_3}", HUB.concat().repeat(3))
            .chars()
            .collect();
        let new: Vec<char> = format!("{}、{HUB_3}", UNRELATED.repeat(25))
            .chars()
            .collect();
        let mut folder = Folder::default();
        let (old_keys, new_keys) = (folder.keys(&old), folder.keys(&new));
        assert!(is_long_and_unrelated(&old_keys, &new_keys));
        let coarse = semantic_cleanup(coarse_blocks(&old_keys, &new_keys));
        let full = semantic_cleanup(myers_blocks(&old_keys, &new_keys));
        assert_eq!(coarse, full);
        // The shared ending stays visible.
        assert!(coarse
            .last()
            .is_some_and(|b| b.equal > HUB_3.chars().count()));
    }

    #[test]
    fn coarse_diff_of_identical_or_empty_texts() {
        let keys = [1, 2, 3];
        assert_eq!(
            coarse_blocks(&keys, &keys),
            vec![Block {
                equal: 3,
                ..Block::at(0, 0)
            }]
        );
        assert_eq!(coarse_blocks(&[], &[]), vec![]);
        let blocks = coarse_blocks(&[1, 2, 9, 3], &[1, 2, 3]);
        assert_eq!(
            segments(&blocks, &['a', 'b', 'x', 'c'], &['a', 'b', 'c']).len(),
            3
        );
    }

    #[test]
    fn cleanup_folds_cascades_in_one_pass() {
        // 会議を開催 → 打合せを実施: the equality を folds; then nothing is left to fold.
        let blocks = vec![
            Block {
                equal: 0,
                deleted: 2,
                inserted: 3,
                ..Block::at(0, 0)
            },
            Block {
                equal: 1,
                deleted: 2,
                inserted: 2,
                ..Block::at(2, 3)
            },
            Block {
                equal: 4,
                ..Block::at(5, 6)
            },
        ];
        assert_eq!(
            semantic_cleanup(blocks),
            vec![
                Block {
                    equal: 0,
                    deleted: 5,
                    inserted: 6,
                    ..Block::at(0, 0)
                },
                Block {
                    equal: 4,
                    ..Block::at(5, 6)
                },
            ]
        );
    }

    #[test]
    fn related_long_texts_get_the_full_diff() {
        let old = HUB.concat().repeat(3);
        let new = old.replace("実施", "行う");
        let mut folder = Folder::default();
        let old_keys = folder.keys(&old.chars().collect::<Vec<_>>());
        let new_keys = folder.keys(&new.chars().collect::<Vec<_>>());
        assert!(!is_long_and_unrelated(&old_keys, &new_keys));
        let segments = diff(&old, &new);
        let deleted: Vec<&Segment> = segments
            .iter()
            .filter(|s| matches!(s, Segment::Delete(_)))
            .collect();
        // 実施 occurs three times in the five obligations.
        assert_eq!(deleted, vec![&Segment::Delete("実施".into()); 9]);
    }

    #[test]
    fn cleanup_goes_back_when_a_fold_makes_the_previous_equality_foldable() {
        let block = |equal, deleted, inserted| Block {
            equal,
            deleted,
            inserted,
            ..Block::at(0, 0)
        };
        // The equality of 2 survives until the fold of the equality of 1 lengthens its change.
        let blocks = vec![
            block(0, 3, 3),
            block(2, 1, 1),
            block(1, 5, 5),
            block(10, 0, 0),
        ];
        assert_eq!(
            semantic_cleanup(blocks),
            vec![block(0, 12, 12), block(10, 0, 0)]
        );
    }

    /// Folds one equality at a time, from the left, until none is foldable: the plain definition
    /// the one-pass [`semantic_cleanup`] must agree with.
    fn cleanup_reference(mut blocks: Vec<Block>) -> Vec<Block> {
        while let Some(k) = (1..blocks.len()).find(|&k| is_foldable(&blocks[k - 1], &blocks[k])) {
            let last = blocks.remove(k);
            blocks[k - 1].deleted += last.equal + last.deleted;
            blocks[k - 1].inserted += last.equal + last.inserted;
        }
        blocks
    }

    #[test]
    fn one_pass_cleanup_agrees_with_the_definition() {
        let mut rng = Lcg(7);
        for _ in 0..2_000 {
            let count = 1 + rng.below(8);
            let blocks: Vec<Block> = (0..count)
                .map(|i| Block {
                    equal: if i == 0 {
                        rng.below(3)
                    } else {
                        1 + rng.below(4)
                    },
                    deleted: rng.below(4),
                    inserted: if i + 1 == count { 0 } else { 1 + rng.below(4) },
                    ..Block::at(0, 0)
                })
                .collect();
            assert_eq!(
                semantic_cleanup(blocks.clone()),
                cleanup_reference(blocks.clone()),
                "{blocks:?}"
            );
        }
    }

    #[test]
    fn random_diffs_rebuild_both_texts() {
        let alphabet: Vec<char> = "会議をにで開催しこと、（）()１1 🏥\u{3099}か"
            .chars()
            .collect();
        let mut rng = Lcg(42);
        for _ in 0..500 {
            let text = |rng: &mut Lcg| -> String {
                (0..rng.below(40))
                    .filter_map(|_| alphabet.get(rng.below(alphabet.len())))
                    .collect()
            };
            let (old, new) = (text(&mut rng), text(&mut rng));
            let segments = diff(&old, &new);
            // Equal runs show the new text's characters, so the new text comes back exactly
            // and the old one up to width variants.
            assert_eq!(rebuild(&segments, true), new);
            assert_eq!(fold_each(&rebuild(&segments, false)), fold_each(&old));
            assert_merged(&segments);
        }
    }
    #[test]
    fn diff_of_empty_and_emoji_texts() {
        assert_eq!(diff("", ""), vec![]);
        assert_eq!(diff("", "🏥"), vec![Segment::Insert("🏥".into())]);
        assert_eq!(diff("🏥", ""), vec![Segment::Delete("🏥".into())]);
        assert_eq!(diff("🏥", "🏥"), vec![Segment::Equal("🏥".into())]);
        let segments = diff("在宅🏥医療", "在宅🚑医療");
        assert_eq!(
            segments,
            vec![
                Segment::Equal("在宅".into()),
                Segment::Delete("🏥".into()),
                Segment::Insert("🚑".into()),
                Segment::Equal("医療".into()),
            ]
        );
    }

    #[test]
    fn diff_of_long_texts_is_complete() {
        let old = HUB.concat().repeat(14);
        let edited = old
            .replace("医療及び介護", "医療・介護")
            .replace("実施", "行う");
        let unrelated = format!(
            "{}{}",
            UNRELATED.repeat(12),
            HUB_2.replace("調整", "連絡調整")
        );
        assert!(old.chars().count() > 5_000);
        for new in [edited, unrelated] {
            let segments = diff(&old, &new);
            assert_eq!(rebuild(&segments, false), old);
            assert_eq!(rebuild(&segments, true), new);
            assert_merged(&segments);
        }
    }

    // --- diff_html -------------------------------------------------------------------------

    #[test]
    fn diff_html_escapes_every_segment() {
        let segments = vec![
            Segment::Equal("a<b>&\"c\" 'd'".into()),
            Segment::Delete("<script>".into()),
            Segment::Insert("R&D".into()),
        ];
        assert_eq!(
            diff_html(&segments),
            "a&lt;b&gt;&amp;&quot;c&quot; &#39;d&#39;<del>&lt;script&gt;</del><ins>R&amp;D</ins>"
        );
    }

    #[test]
    fn diff_html_of_a_real_diff() {
        let html = diff_html(&diff("研修を\"年1回\"実施", "研修を\"年2回\"実施"));
        assert_eq!(html, "研修を&quot;年<del>1</del><ins>2</ins>回&quot;実施");
    }

    #[test]
    fn diff_html_skips_empty_segments() {
        let segments = vec![
            Segment::Delete(String::new()),
            Segment::Equal("在宅".into()),
            Segment::Insert(String::new()),
        ];
        assert_eq!(diff_html(&segments), "在宅");
        assert_eq!(diff_html(&[]), "");
    }
}
