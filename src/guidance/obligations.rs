//! Matching a prefecture's obligations (求められる事項) to the canonical ones of the national
//! guideline, and showing how its wording differs (SPEC section 5).
//!
//! Prefectures quote the guideline with small changes: different punctuation, full-width or
//! half-width characters, a particle changed, a phrase added. Comparison therefore happens on a
//! *normalised* form (NFKC, no whitespace, punctuation or symbols), and similarity is measured per
//! character because Japanese has no word boundaries. The display diff, in contrast, is computed
//! on the original characters so that readers see exactly what the prefecture wrote.
//!
//! Nothing here panics on any input: text is only ever handled as `char`s, never sliced by bytes.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::text::language::push_escaped;
use similar::{Algorithm, DiffTag};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// One obligation of a set, as markers and links name it: `hub-3` is the third obligation of the
/// set `hub`. Parsed once where it is written; the number is 1-based, as readers count.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObligationId {
    pub set: String,
    n: std::num::NonZeroU32,
}

impl ObligationId {
    /// The `n`th obligation (from 1) of `set`; `None` for an empty set name or `n` = 0.
    pub fn new(set: &str, n: u32) -> Option<ObligationId> {
        let n = std::num::NonZeroU32::new(n)?;
        (!set.is_empty()).then(|| ObligationId {
            set: set.to_string(),
            n,
        })
    }

    /// `set-N` with a non-empty set name and a positive number.
    pub fn parse(id: &str) -> Option<ObligationId> {
        let (set, n) = id.rsplit_once('-')?;
        ObligationId::new(set, n.parse().ok()?)
    }

    /// The 1-based number within the set.
    pub fn number(&self) -> u32 {
        self.n.get()
    }

    /// The position within the set's list, from 0.
    pub fn index(&self) -> usize {
        self.n.get() as usize - 1
    }
}

impl std::fmt::Display for ObligationId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.set, self.n)
    }
}

impl PartialEq<&str> for ObligationId {
    fn eq(&self, other: &&str) -> bool {
        ObligationId::parse(other).as_ref() == Some(self)
    }
}

/// How far apart the best and second-best candidates may be and still count as a tie.
const AMBIGUITY_MARGIN: f64 = 0.05;

/// Guards against floating-point noise when comparing a difference with [`AMBIGUITY_MARGIN`].
const EPSILON: f64 = 1e-9;

/// The highest similarity given to texts that differ: 1.0 is kept for equal texts, so that
/// "100 %" shown next to a cell always means a verbatim quote.
const MAX_UNEQUAL_SIMILARITY: f64 = 0.999;

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

// ---------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------

/// NFKC, then drop every whitespace and punctuation/symbol character (Unicode categories P* and S*,
/// including Japanese 、。「」（）・ and full-width ones after NFKC), keep letters, marks and digits;
/// ASCII letters lowercased. "会議を定期的に開催し、（ア）" → "会議を定期的に開催しア".
///
/// Why: prefectures retype the guideline in their own word processors, so the same sentence
/// arrives with full-width or half-width digits and brackets, different spacing and different
/// punctuation. None of that changes what is required, so none of it may count as a change.
/// Control and format characters (zero-width spaces) and variation selectors (異体字 IVS) are
/// dropped as well: they are invisible or only select a glyph of the same character.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next_is_plain = chars.peek().is_none_or(|&n| is_plain(n));
        if is_plain(c) && next_is_plain {
            push_normalized(&mut out, &pending);
            pending.clear();
            if is_plain_kept(c) {
                out.push(c.to_ascii_lowercase());
            }
        } else {
            pending.push(c);
        }
    }
    push_normalized(&mut out, &pending);
    out
}

/// Characters that NFKC leaves alone and that never combine with a neighbour: most of what
/// Japanese administrative text is made of. Between two of them there is a normalisation
/// boundary, so they skip the (comparatively slow) NFKC machinery; everything else, together
/// with the plain character before it, goes through NFKC. This matters because `match_item`
/// normalises every canonical text for every prefecture item.
fn is_plain(c: char) -> bool {
    matches!(c,
        ' '..='~'                       // ASCII
        | '\u{3001}'..='\u{3002}'       // 、。
        | '\u{300C}'..='\u{300F}'       // 「」『』
        | '\u{3041}'..='\u{3096}'       // hiragana (not ゛゜ゟ, which NFKC changes)
        | '\u{30A1}'..='\u{30FC}'       // katakana, ・, ー (not ヿ)
        | '\u{4E00}'..='\u{9FFF}'       // CJK unified ideographs (not the compatibility ones)
    )
}

/// [`is_kept`] for a plain character, answered without looking up Unicode tables.
fn is_plain_kept(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !matches!(c, '\u{3001}'..='\u{300F}' | '\u{30FB}')
    }
}

/// Appends the NFKC form of `text`, keeping only what [`normalize`] keeps.
fn push_normalized(out: &mut String, text: &str) {
    for c in text.nfkc() {
        push_kept(out, c);
    }
}

fn push_kept(out: &mut String, c: char) {
    if is_kept(c) {
        out.push(c.to_ascii_lowercase());
    }
}

/// Whether a character (after NFKC) carries meaning for comparison: letters, digits and marks.
fn is_kept(c: char) -> bool {
    (c.is_alphanumeric() || is_combining_mark(c)) && !is_variation_selector(c)
}

/// Variation selectors are marks (Mn) but only choose a glyph; 葛 and 葛󠄀 are the same word.
fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{180B}'..='\u{180F}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

// ---------------------------------------------------------------------------------------------
// Similarity
// ---------------------------------------------------------------------------------------------

/// Similarity of two texts in 0.0..=1.0 on their normalized forms: 1.0 when equal.
///
/// The measure is the Dice coefficient of character bigrams (counted as multisets):
/// `2·|A∩B| / (|A| + |B|)`. Why bigrams rather than the longest common subsequence: Japanese
/// sentences on the same topic share so many single particles and kana (の, を, に, こと) that an
/// LCS ratio rates different obligations of the same guideline up to 0.36, while shared
/// *bigrams* are rare unless the wording is really shared (at most 0.28 on the same pairs). A
/// one-character change only breaks the two bigrams around it, so a 60-character sentence still
/// scores ≈ 0.97. It costs one sort of each text's bigrams, O(n log n): about 15 µs for two
/// 500-character texts (an LCS is some 20 times slower), so tens of thousands of comparisons
/// take well under a second.
///
/// Texts of a single character have no bigram; they are compared by characters instead.
/// Different texts never score 1.0 (at most 0.999).
pub fn similarity(a: &str, b: &str) -> f64 {
    Profile::new(a).similarity(&Profile::new(b))
}

/// A normalised text prepared for repeated comparison.
struct Profile {
    /// The normalised characters.
    chars: Vec<char>,
    /// Sorted bigrams of `chars`, each packed into one integer.
    bigrams: Vec<u64>,
}

impl Profile {
    fn new(text: &str) -> Self {
        let chars: Vec<char> = normalize(text).chars().collect();
        let bigrams = sorted_bigrams(chars.iter().map(|&c| u32::from(c)));
        Profile { chars, bigrams }
    }

    /// Whether the two texts are the same once normalised (a verbatim quote).
    fn same_as(&self, other: &Profile) -> bool {
        self.chars == other.chars
    }

    fn similarity(&self, other: &Profile) -> f64 {
        if self.same_as(other) {
            return 1.0;
        }
        let score = if self.chars.len() < 2 || other.chars.len() < 2 {
            dice(&sorted(&self.chars), &sorted(&other.chars))
        } else {
            dice(&self.bigrams, &other.bigrams)
        };
        score.clamp(0.0, MAX_UNEQUAL_SIMILARITY)
    }
}

/// Sorted bigrams of a sequence of characters (or character keys), each packed into one integer.
fn sorted_bigrams(keys: impl Iterator<Item = u32>) -> Vec<u64> {
    let mut previous: Option<u32> = None;
    let mut bigrams: Vec<u64> = keys
        .filter_map(|key| {
            let pair = previous.map(|p| (u64::from(p) << 32) | u64::from(key));
            previous = Some(key);
            pair
        })
        .collect();
    bigrams.sort_unstable();
    bigrams
}

fn sorted(chars: &[char]) -> Vec<char> {
    let mut v = chars.to_vec();
    v.sort_unstable();
    v
}

/// Dice coefficient of two sorted multisets; 0.0 when both are empty.
fn dice<T: Ord>(a: &[T], b: &[T]) -> f64 {
    let total = a.len() + b.len();
    if total == 0 {
        return 0.0;
    }
    2.0 * common_count(a, b) as f64 / total as f64
}

/// Size of the multiset intersection of two sorted slices, by merging them.
fn common_count<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    count
}

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

/// How a prefecture's item relates to the canonical obligation it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// The same text once normalised.
    Verbatim,
    /// Similar text (similarity ≥ threshold): shown with a diff.
    Modified,
    /// Assigned by an explicit marker, but worded differently (similarity < threshold).
    OwnWording,
}

/// One canonical obligation that an item matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Index into the canonical texts passed to [`match_item`].
    pub canonical: usize,
    pub class: Class,
    /// [`similarity`] of the item and that canonical text.
    pub similarity: f64,
}

/// Where an item lands among the canonical obligations of its set.
#[derive(Debug, Clone, PartialEq)]
pub enum MatchOutcome {
    /// Matched one or more canonical obligations (several only through an explicit marker).
    Matched(Vec<Match>),
    /// Matches nothing: the prefecture's own addition.
    Own,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItemResult {
    pub outcome: MatchOutcome,
    /// Set when the best and second-best canonical candidates are both ≥ threshold and within
    /// 0.05 of each other: `(best, second)`, so the caller can warn and suggest a marker.
    /// Never set when explicit markers decided the match, nor when the best candidate is a
    /// verbatim quote and the second is not (an exact quote is not in doubt).
    pub ambiguous: Option<(usize, usize)>,
}

/// Matches one prefecture item to the canonical texts of a set.
/// `markers` are explicit canonical indexes from a `{#hub-3 #hub-4}` marker (already converted to
/// 0-based indexes by the caller); when non-empty they decide the match, and each is classed by
/// similarity: Verbatim if the normalized texts are equal, Modified if similarity ≥ threshold,
/// OwnWording otherwise. Without markers: the most similar canonical text if its similarity ≥
/// threshold (Verbatim when normalized-equal, else Modified); otherwise Own.
///
/// A verbatim quote matches whatever the threshold, and is preferred to any merely similar text.
/// Markers out of range are ignored and repeated markers count once, so every returned index is
/// valid for `canonical`; if no valid marker remains, the item is matched by similarity. On a tie
/// in similarity the earlier canonical obligation wins, so results are reproducible.
pub fn match_item(item: &str, markers: &[usize], canonical: &[&str], threshold: f64) -> ItemResult {
    let item = Profile::new(item);
    let markers = valid_markers(markers, canonical.len());
    if markers.is_empty() {
        match_by_similarity(&item, canonical, threshold)
    } else {
        match_by_markers(&item, &markers, canonical, threshold)
    }
}

/// The markers that point at a canonical text, in their order, without repeats.
fn valid_markers(markers: &[usize], count: usize) -> Vec<usize> {
    let mut valid: Vec<usize> = Vec::with_capacity(markers.len());
    for &m in markers {
        if m < count && !valid.contains(&m) {
            valid.push(m);
        }
    }
    valid
}

fn match_by_markers(
    item: &Profile,
    markers: &[usize],
    canonical: &[&str],
    threshold: f64,
) -> ItemResult {
    let matches = markers
        .iter()
        .filter_map(|&index| {
            let text = canonical.get(index)?;
            let candidate = Candidate::score(item, index, text);
            Some(candidate.into_match(threshold, Class::OwnWording))
        })
        .collect();
    ItemResult {
        outcome: MatchOutcome::Matched(matches),
        ambiguous: None,
    }
}

fn match_by_similarity(item: &Profile, canonical: &[&str], threshold: f64) -> ItemResult {
    let (best, second) = best_two(item, canonical);
    let Some(best) = best.filter(|b| b.verbatim || b.similarity >= threshold) else {
        return ItemResult {
            outcome: MatchOutcome::Own,
            ambiguous: None,
        };
    };
    let ambiguous = second
        .filter(|s| is_ambiguous(&best, s, threshold))
        .map(|s| (best.index, s.index));
    ItemResult {
        // Below the threshold was handled above, so the fallback class is never used.
        outcome: MatchOutcome::Matched(vec![best.into_match(threshold, Class::Modified)]),
        ambiguous,
    }
}

/// One canonical text scored against the item.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    index: usize,
    similarity: f64,
    verbatim: bool,
}

impl Candidate {
    fn score(item: &Profile, index: usize, text: &str) -> Self {
        let other = Profile::new(text);
        Candidate {
            index,
            similarity: item.similarity(&other),
            verbatim: item.same_as(&other),
        }
    }

    /// Classes the candidate; `below` is the class when similarity is under the threshold.
    fn into_match(self, threshold: f64, below: Class) -> Match {
        let class = if self.verbatim {
            Class::Verbatim
        } else if self.similarity >= threshold {
            Class::Modified
        } else {
            below
        };
        Match {
            canonical: self.index,
            class,
            similarity: self.similarity,
        }
    }

    /// Orders candidates best first: verbatim, then higher similarity (earlier index on ties).
    fn beats(&self, other: &Candidate) -> bool {
        (self.verbatim && !other.verbatim)
            || (self.verbatim == other.verbatim && self.similarity > other.similarity)
    }
}

/// The best and second-best canonical candidates, if there are that many.
fn best_two(item: &Profile, canonical: &[&str]) -> (Option<Candidate>, Option<Candidate>) {
    let mut best: Option<Candidate> = None;
    let mut second: Option<Candidate> = None;
    for (index, text) in canonical.iter().enumerate() {
        let c = Candidate::score(item, index, text);
        if best.is_none_or(|b| c.beats(&b)) {
            second = best;
            best = Some(c);
        } else if second.is_none_or(|s| c.beats(&s)) {
            second = Some(c);
        }
    }
    (best, second)
}

fn is_ambiguous(best: &Candidate, second: &Candidate, threshold: f64) -> bool {
    let exact_quote = best.verbatim && !second.verbatim;
    !exact_quote
        && second.similarity >= threshold
        && best.similarity - second.similarity <= AMBIGUITY_MARGIN + EPSILON
}

// ---------------------------------------------------------------------------------------------
// Display diff
// ---------------------------------------------------------------------------------------------

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

    #[test]
    fn obligation_ids_read_back_as_written() {
        let id = ObligationId::parse("hub-3").unwrap();
        assert_eq!((id.set.as_str(), id.number(), id.index()), ("hub", 3, 2));
        assert_eq!(id.to_string(), "hub-3");
        assert_eq!(ObligationId::parse("core-med-12").unwrap().set, "core-med");
        for bad in ["hub", "hub-0", "-3", "hub-x", "hub-", ""] {
            assert!(ObligationId::parse(bad).is_none(), "{bad}");
        }
        assert!(id == "hub-3" && id != "hub-4");
    }

    /// The hub obligations of 在宅医療の体制構築に係る指針 (医政地発0331第14号).
    const HUB_1: &str = "地域の医療及び介護、障害福祉の関係者による会議を定期的に開催し、在宅医療における提供状況の把握、災害時対応を含む業務継続計画（BCP）の策定支援を含めた課題の抽出及び対応策の検討等を実施すること";
    const HUB_2: &str = "地域包括ケアシステムを踏まえた在宅医療の提供体制を整備する観点から、地域の医療及び介護、障害福祉サービスについて、所在地や機能等を把握し、地域包括支援センターや障害者相談支援事業所等と連携しながら、退院時から看取りまでの医療や介護、障害福祉サービスにまたがる様々な支援を包括的かつ継続的に提供するよう、関係機関との調整を行うこと";
    const HUB_3: &str = "質の高い在宅医療をより効率的に提供するため、関係機関の連携による急変時の対応や24時間体制の構築や多職種による情報共有の促進を図ること";
    const HUB_4: &str = "在宅医療に関する地域住民への普及啓発を実施すること";
    const HUB_5: &str = "在宅医療に係る医療及び介護、障害福祉関係者に必要な知識・技能に関する研修の実施や情報の共有を行うこと";
    const HUB: [&str; 5] = [HUB_1, HUB_2, HUB_3, HUB_4, HUB_5];

    /// HUB_1 with one particle changed: 定期的に → 定期的で.
    const HUB_1_CHANGED: &str = "地域の医療及び介護、障害福祉の関係者による会議を定期的で開催し、在宅医療における提供状況の把握、災害時対応を含む業務継続計画（BCP）の策定支援を含めた課題の抽出及び対応策の検討等を実施すること";
    /// HUB_1 retyped: half-width brackets, spaces, a full stop, ideographic space.
    const HUB_1_RETYPED: &str = "地域の医療及び介護，障害福祉の関係者による会議を 定期的に開催し、在宅医療における提供状況の把握、災害時対応を含む業務継続計画 (ＢＣＰ) の策定支援を含めた課題の抽出及び対応策の検討等を実施すること。　";
    /// A prefecture's own obligation on the same topic, sharing none of the canonical wording.
    const UNRELATED: &str =
        "県内の訪問看護ステーションの数と人員を毎年調査し、その結果を公表すること";

    const THRESHOLD: f64 = 0.6;

    fn matches(result: &ItemResult) -> &[Match] {
        match &result.outcome {
            MatchOutcome::Matched(m) => m,
            MatchOutcome::Own => &[],
        }
    }

    // --- normalize -------------------------------------------------------------------------

    #[test]
    fn normalize_drops_japanese_punctuation_and_brackets() {
        assert_eq!(
            normalize("会議を定期的に開催し、（ア）"),
            "会議を定期的に開催しア"
        );
        assert_eq!(normalize("（ア）"), "ア");
        assert_eq!(normalize("「在宅医療」・介護。"), "在宅医療介護");
        assert_eq!(normalize("業務継続計画（BCP）"), "業務継続計画bcp");
    }

    #[test]
    fn normalize_folds_full_width_and_half_width_forms() {
        assert_eq!(normalize("１０"), "10");
        assert_eq!(normalize("２４時間体制"), "24時間体制");
        assert_eq!(normalize("ＢＣＰ"), "bcp");
        assert_eq!(normalize("ｶﾞｲﾄﾞ"), "ガイド");
        assert_eq!(normalize("①"), "1");
        assert_eq!(normalize("㈱"), "株");
    }

    #[test]
    fn normalize_drops_whitespace_and_symbols_keeps_letters_and_digits() {
        assert_eq!(normalize(" a\tB\nc\u{3000}d "), "abcd");
        assert_eq!(normalize("3,536千円"), "3536千円");
        assert_eq!(normalize("※1拠点あたり～上限＄￥%"), "1拠点あたり上限");
        assert_eq!(normalize("ゼロ\u{200B}幅"), "ゼロ幅");
        assert_eq!(normalize("在宅医療ー々〇"), "在宅医療ー々〇");
    }

    #[test]
    fn normalize_composes_marks_and_ignores_variation_selectors() {
        // か + combining voiced mark composes to が under NFKC.
        assert_eq!(normalize("か\u{3099}"), "が");
        assert_eq!(normalize("葛\u{E0100}飾"), "葛飾");
        assert_eq!(normalize("e\u{0301}"), "é");
    }

    /// The definition that the fast path of [`normalize`] must agree with.
    fn normalize_reference(text: &str) -> String {
        text.nfkc()
            .filter(|&c| is_kept(c))
            .map(|c| c.to_ascii_lowercase())
            .collect()
    }

    #[test]
    fn normalize_fast_path_agrees_with_plain_nfkc() {
        let samples = [
            HUB_1,
            HUB_2,
            HUB_1_RETYPED,
            "ｶﾞｲﾄﾞ",
            "かﾞ",
            "か\u{3099}き\u{309A}",
            "か゛ヿゟ",
            "ａか\u{3099}\u{0301}",
            "e\u{0301}a\u{0308}\u{0323}",
            "ᄀ\u{1161}ᆨ가\u{11A8}",
            "㈱㌔℡™①½",
            "\u{0F73}ア\u{0F73}",
            "Ａ\u{0301}ｂ\u{3000}Ｃ",
            "葛\u{E0100}飾区",
            "👨‍👩‍👧🏥",
            "",
        ];
        for c in ('\0'..='\u{FFFF}').filter(|&c| is_plain(c)) {
            assert_eq!(is_plain_kept(c), is_kept(c), "{c:?}");
            assert_eq!(
                normalize_reference(&c.to_string()),
                normalize(&c.to_string())
            );
        }
        for text in samples {
            assert_eq!(normalize(text), normalize_reference(text), "{text:?}");
        }
        // Every pair of characters from a mixed alphabet, in both orders.
        let alphabet: Vec<char> =
            "aZ ~、「かがカガー会ｶﾞ゛゙\u{3099}\u{0301}ᄀ\u{1161}①（１Ａ\u{FE0F}🏥"
                .chars()
                .collect();
        for &x in &alphabet {
            for &y in &alphabet {
                for &z in &alphabet {
                    let text: String = [x, y, z].iter().collect();
                    assert_eq!(normalize(&text), normalize_reference(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn normalize_handles_empty_and_emoji() {
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("👨‍👩‍👧 🏥✅"), "");
        assert_eq!(normalize("会議🏥を"), "会議を");
    }

    // --- similarity ------------------------------------------------------------------------

    #[test]
    fn similarity_is_one_for_equal_normalized_texts() {
        assert_eq!(similarity(HUB_1, HUB_1), 1.0);
        assert_eq!(similarity(HUB_1, HUB_1_RETYPED), 1.0);
        assert_eq!(similarity("", ""), 1.0);
        assert_eq!(similarity("、。", "「」"), 1.0);
    }

    #[test]
    fn similarity_of_one_changed_character_is_high() {
        let s = similarity(HUB_1, HUB_1_CHANGED);
        assert!((0.9..1.0).contains(&s), "{s}");
        // A 60-character sentence (HUB_3) with one character substituted, inserted or deleted.
        assert!(similarity(HUB_3, &HUB_3.replace("効率的", "効果的")) >= 0.9);
        assert!(similarity(HUB_3, &HUB_3.replace("促進", "推進")) >= 0.9);
        assert!(similarity(HUB_3, &HUB_3.replace("急変時", "急変")) >= 0.9);
        assert!(similarity(HUB_3, &HUB_3.replace("図る", "図っていく")) >= 0.9);
    }

    #[test]
    fn similarity_of_unrelated_sentences_on_the_same_topic_is_low() {
        for (i, a) in HUB.iter().enumerate() {
            assert!(similarity(a, UNRELATED) < 0.3, "hub-{}", i + 1);
            for b in HUB.iter().skip(i + 1) {
                assert!(similarity(a, b) < 0.3, "{a} / {b}: {}", similarity(a, b));
            }
        }
    }

    #[test]
    fn similarity_is_symmetric_and_bounded() {
        let pairs = [
            (HUB_1, HUB_1_CHANGED),
            (HUB_2, UNRELATED),
            ("ア", "アイ"),
            ("", "在宅"),
        ];
        for (a, b) in pairs {
            let (x, y) = (similarity(a, b), similarity(b, a));
            assert_eq!(x, y);
            assert!((0.0..=1.0).contains(&x), "{x}");
        }
    }

    #[test]
    fn similarity_of_single_characters_and_empty_text() {
        assert_eq!(similarity("ア", "イ"), 0.0);
        assert_eq!(similarity("", "在宅医療"), 0.0);
        assert_eq!(similarity("（ア）", "ア"), 1.0);
        let s = similarity("ア", "アイ");
        assert!(s > 0.0 && s < 1.0, "{s}");
    }

    #[test]
    fn similarity_never_reaches_one_for_different_texts() {
        // Same bigram multiset {ab, ba} in a different order.
        assert!(similarity("abab", "baba") < 1.0);
        assert!(similarity("aba", "bab") < 1.0);
    }

    #[test]
    fn similarity_does_not_panic_on_odd_input() {
        for (a, b) in [
            ("👨‍👩‍👧", "🏥"),
            ("\u{0}", "\u{10FFFF}"),
            ("\u{0301}", "e"),
            ("🏥会議", "会議🏥"),
        ] {
            let s = similarity(a, b);
            assert!((0.0..=1.0).contains(&s));
        }
    }

    // --- match_item ------------------------------------------------------------------------

    #[test]
    fn one_changed_particle_is_modified() {
        let result = match_item(HUB_1_CHANGED, &[], &HUB, THRESHOLD);
        let m = matches(&result);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].canonical, 0);
        assert_eq!(m[0].class, Class::Modified);
        assert!(m[0].similarity >= 0.9, "{}", m[0].similarity);
        assert_eq!(result.ambiguous, None);
    }

    #[test]
    fn retyped_identical_text_is_verbatim() {
        let result = match_item(HUB_1_RETYPED, &[], &HUB, THRESHOLD);
        assert_eq!(
            result.outcome,
            MatchOutcome::Matched(vec![Match {
                canonical: 0,
                class: Class::Verbatim,
                similarity: 1.0
            }])
        );
        let result = match_item(HUB_4, &[], &HUB, THRESHOLD);
        assert_eq!(matches(&result)[0].canonical, 3);
        assert_eq!(matches(&result)[0].class, Class::Verbatim);
    }

    #[test]
    fn unrelated_sentence_is_own() {
        let result = match_item(UNRELATED, &[], &HUB, THRESHOLD);
        assert_eq!(result.outcome, MatchOutcome::Own);
        assert_eq!(result.ambiguous, None);
        let result = match_item(
            "研修会を年2回、\"県内全域\"で開くこと",
            &[],
            &HUB,
            THRESHOLD,
        );
        assert_eq!(result.outcome, MatchOutcome::Own);
    }

    #[test]
    fn explicit_marker_on_unrelated_sentence_is_own_wording() {
        let result = match_item(UNRELATED, &[3], &HUB, THRESHOLD);
        let m = matches(&result);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].canonical, 3);
        assert_eq!(m[0].class, Class::OwnWording);
        assert!(m[0].similarity < THRESHOLD);
    }

    #[test]
    fn explicit_marker_overrides_the_most_similar_text() {
        // The text is HUB_1 almost verbatim, but the author assigned it to hub-2.
        let result = match_item(HUB_1_CHANGED, &[1], &HUB, THRESHOLD);
        let m = matches(&result);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].canonical, 1);
        assert_eq!(m[0].class, Class::OwnWording);
    }

    #[test]
    fn explicit_markers_class_each_match_by_similarity() {
        let result = match_item(HUB_1_CHANGED, &[0], &HUB, THRESHOLD);
        assert_eq!(matches(&result)[0].class, Class::Modified);
        let result = match_item(HUB_1_RETYPED, &[0], &HUB, THRESHOLD);
        assert_eq!(matches(&result)[0].class, Class::Verbatim);
    }

    #[test]
    fn two_markers_give_two_matches_in_marker_order() {
        let item = "府独自の連絡会と広報を一体で進める";
        let result = match_item(item, &[2, 1], &HUB, THRESHOLD);
        let m = matches(&result);
        assert_eq!(m.len(), 2);
        assert_eq!((m[0].canonical, m[1].canonical), (2, 1));
        assert!(m.iter().all(|m| m.class == Class::OwnWording));
        assert_eq!(result.ambiguous, None);
    }

    #[test]
    fn repeated_and_out_of_range_markers_are_ignored() {
        let result = match_item(HUB_4, &[3, 3, 99], &HUB, THRESHOLD);
        let m = matches(&result);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].canonical, 3);
        // Only invalid markers: matched by similarity instead.
        let result = match_item(HUB_4, &[99], &HUB, THRESHOLD);
        assert_eq!(matches(&result)[0].canonical, 3);
        let result = match_item(UNRELATED, &[usize::MAX], &HUB, THRESHOLD);
        assert_eq!(result.outcome, MatchOutcome::Own);
    }

    #[test]
    fn near_identical_candidates_are_ambiguous() {
        let canonical = [
            HUB_3,
            "在宅医療に関する地域住民への普及啓発を実施すること",
            "在宅医療に関する地域住民への普及啓発を推進すること",
        ];
        let item = "在宅医療に関する地域住民への普及啓発を行うこと";
        let result = match_item(item, &[], &canonical, THRESHOLD);
        assert_eq!(result.ambiguous, Some((1, 2)));
        // The earlier one wins the tie, reproducibly.
        let m = matches(&result);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].canonical, 1);
        assert_eq!(m[0].class, Class::Modified);
    }

    #[test]
    fn a_marker_settles_an_ambiguous_match() {
        let canonical = [
            "在宅医療に関する地域住民への普及啓発を実施すること",
            "在宅医療に関する地域住民への普及啓発を推進すること",
        ];
        let item = "在宅医療に関する地域住民への普及啓発を行うこと";
        let result = match_item(item, &[1], &canonical, THRESHOLD);
        assert_eq!(result.ambiguous, None);
        assert_eq!(matches(&result)[0].canonical, 1);
        assert_eq!(matches(&result)[0].class, Class::Modified);
    }

    #[test]
    fn a_verbatim_quote_is_not_ambiguous() {
        let canonical = [
            "在宅医療に関する地域住民への普及啓発を実施すること",
            "在宅医療に関する地域住民への普及啓発を推進すること",
        ];
        let result = match_item(canonical[1], &[], &canonical, THRESHOLD);
        assert_eq!(result.ambiguous, None);
        assert_eq!(matches(&result)[0].canonical, 1);
        assert_eq!(matches(&result)[0].class, Class::Verbatim);
        // Two identical canonical texts, however, are a real ambiguity.
        let twins = [canonical[0], canonical[0]];
        let result = match_item(canonical[0], &[], &twins, THRESHOLD);
        assert_eq!(result.ambiguous, Some((0, 1)));
    }

    #[test]
    fn distinct_candidates_are_not_ambiguous() {
        for item in [HUB_1_CHANGED, HUB_3, HUB_5] {
            assert_eq!(match_item(item, &[], &HUB, THRESHOLD).ambiguous, None);
        }
    }

    #[test]
    fn second_candidate_below_threshold_is_not_ambiguous() {
        let canonical = ["在宅医療の推進", "在宅医療の推"];
        let result = match_item("在宅医療の推進を", &[], &canonical, 0.95);
        assert_eq!(result.ambiguous, None);
    }

    #[test]
    fn threshold_is_inclusive() {
        let s = similarity(HUB_4, "在宅医療に関する地域住民への普及啓発を行うこと");
        let result = match_item(
            "在宅医療に関する地域住民への普及啓発を行うこと",
            &[],
            &[HUB_4],
            s,
        );
        assert_eq!(matches(&result)[0].class, Class::Modified);
    }

    #[test]
    fn match_item_does_not_panic_on_odd_input() {
        let odd = ["", "、。", "👨‍👩‍👧", "ア", "\u{0301}\u{0301}", "🏥在宅医療"];
        for item in odd {
            for threshold in [0.0, 0.6, 1.0, f64::NAN, -1.0, 2.0] {
                let _ = match_item(item, &[], &odd, threshold);
                let _ = match_item(item, &[0, 5, 6], &odd, threshold);
                let _ = match_item(item, &[], &[], threshold);
                let _ = match_item(item, &[0], &[], threshold);
            }
        }
        assert_eq!(match_item("", &[], &[], 0.6).outcome, MatchOutcome::Own);
        assert_eq!(
            match_item("在宅", &[], &[HUB_4], f64::NAN).outcome,
            MatchOutcome::Own
        );
        // A verbatim quote matches even under an impossible threshold.
        let result = match_item(HUB_4, &[], &HUB, f64::NAN);
        assert_eq!(matches(&result)[0].class, Class::Verbatim);
    }

    #[test]
    fn empty_item_matches_only_an_empty_canonical_text() {
        assert_eq!(
            match_item("", &[], &HUB, THRESHOLD).outcome,
            MatchOutcome::Own
        );
        let result = match_item("・", &[], &["", HUB_4], THRESHOLD);
        assert_eq!(matches(&result)[0].class, Class::Verbatim);
    }

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
    fn rebuild(segments: &[Segment], new: bool) -> String {
        segments
            .iter()
            .filter_map(|s| match s {
                Segment::Equal(t) => Some(t.as_str()),
                Segment::Delete(t) => (!new).then_some(t.as_str()),
                Segment::Insert(t) => new.then_some(t.as_str()),
            })
            .collect()
    }

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

    /// A tiny deterministic generator, so that the randomised tests need no dependency.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) as usize) % n.max(1)
        }
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
    fn arbitrary_unicode_never_panics_and_normalizes_consistently() {
        let mut rng = Lcg(2024);
        let random_char = |rng: &mut Lcg| -> char {
            let code = match rng.below(4) {
                0 => rng.below(0x80),
                1 => 0x3000 + rng.below(0x100),
                2 => 0xFF00 + rng.below(0xF0),
                _ => rng.below(0x11_0000),
            };
            char::from_u32(u32::try_from(code).unwrap_or(0)).unwrap_or('\u{FFFD}')
        };
        for _ in 0..300 {
            let a: String = (0..rng.below(30)).map(|_| random_char(&mut rng)).collect();
            let b: String = (0..rng.below(30)).map(|_| random_char(&mut rng)).collect();
            assert_eq!(normalize(&a), normalize_reference(&a), "{a:?}");
            let s = similarity(&a, &b);
            assert!((0.0..=1.0).contains(&s));
            let _ = match_item(&a, &[0, 1], &[&b, &a], 0.6);
            let segments = diff(&a, &b);
            assert_eq!(rebuild(&segments, true), b);
            let _ = diff_html(&segments);
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

    // --- figures (cargo test -- --ignored --nocapture) --------------------------------------

    /// Prints the similarity figures quoted in the design notes, next to an LCS ratio, and
    /// the time of the caller's workload. Not run by default: timings depend on the machine.
    #[test]
    #[ignore]
    fn print_figures() {
        fn lcs_ratio(a: &str, b: &str) -> f64 {
            let (a, b) = (normalize(a), normalize(b));
            let d = similar::TextDiff::from_chars(a.as_str(), b.as_str());
            f64::from(d.ratio())
        }
        let pairs = [
            ("hub-1 / one particle", HUB_1, HUB_1_CHANGED.to_string()),
            (
                "hub-3 / one kanji",
                HUB_3,
                HUB_3.replace("効率的", "効果的"),
            ),
            (
                "hub-4 / 実施→行う",
                HUB_4,
                "在宅医療に関する地域住民への普及啓発を行うこと".into(),
            ),
            ("hub-1 / unrelated", HUB_1, UNRELATED.into()),
            ("hub-2 / unrelated", HUB_2, UNRELATED.into()),
            ("hub-3 / unrelated", HUB_3, UNRELATED.into()),
            ("hub-4 / unrelated", HUB_4, UNRELATED.into()),
            ("hub-1 / hub-2", HUB_1, HUB_2.into()),
            ("hub-1 / hub-5", HUB_1, HUB_5.into()),
            ("hub-3 / hub-5", HUB_3, HUB_5.into()),
            ("hub-4 / hub-5", HUB_4, HUB_5.into()),
        ];
        for (name, a, b) in pairs {
            println!(
                "{name:24} dice {:.3}  lcs {:.3}",
                similarity(a, &b),
                lcs_ratio(a, &b)
            );
        }
        let long_a: String = HUB.concat().chars().take(500).collect();
        let long_b: String = format!("{HUB_5}{HUB_3}{HUB_2}{HUB_1}")
            .chars()
            .take(500)
            .collect();
        let start = Instant::now();
        for _ in 0..10_000 {
            std::hint::black_box(similarity(&long_a, &long_b));
        }
        println!("10,000 similarity() on 500 chars: {:?}", start.elapsed());
        let start = Instant::now();
        for _ in 0..10_000 {
            std::hint::black_box(normalize(&long_a));
            std::hint::black_box(normalize(&long_b));
        }
        println!("  of which normalize(): {:?}", start.elapsed());
        let start = Instant::now();
        for _ in 0..100 {
            std::hint::black_box(lcs_ratio(&long_a, &long_b));
        }
        println!("100 LCS ratios on 500 chars: {:?}", start.elapsed());
        let old = HUB.concat().repeat(14);
        let edited = old
            .replace("医療及び介護", "医療・介護")
            .replace("実施", "行う");
        let start = Instant::now();
        let segments = diff(&old, &edited);
        println!(
            "diff of {} / {} chars, edited: {:?}, {} segments",
            old.chars().count(),
            edited.chars().count(),
            start.elapsed(),
            segments.len()
        );
        let alternating = (
            format!("{}{}", HUB.concat().repeat(4), "医療かき".repeat(800)),
            format!("{}{}", HUB.concat().repeat(4), "医療さし".repeat(800)),
        );
        let start = Instant::now();
        let segments = diff(&alternating.0, &alternating.1);
        println!(
            "diff of 4800 / 4800 chars, every other pair changed: {:?}, {} segments",
            start.elapsed(),
            segments.len()
        );
        let new = format!("{}{}", UNRELATED.repeat(120), HUB_2);
        let start = Instant::now();
        let segments = diff(&old, &new);
        println!(
            "diff of {} / {} chars: {:?}, {} segments",
            old.chars().count(),
            new.chars().count(),
            start.elapsed(),
            segments.len()
        );
    }
}
