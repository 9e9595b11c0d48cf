//! How alike two obligation texts are, in their normalised form, from 0.0 to 1.0.

use super::normalize::normalize;

/// The highest similarity given to texts that differ: 1.0 is kept for equal texts, so that
/// "100 %" shown next to a cell always means a verbatim quote.
const MAX_UNEQUAL_SIMILARITY: f64 = 0.999;

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
pub(super) struct Profile {
    /// The normalised characters.
    chars: Vec<char>,
    /// Sorted bigrams of `chars`, each packed into one integer.
    bigrams: Vec<u64>,
}

impl Profile {
    pub(super) fn new(text: &str) -> Self {
        let chars: Vec<char> = normalize(text).chars().collect();
        let bigrams = sorted_bigrams(chars.iter().map(|&c| u32::from(c)));
        Profile { chars, bigrams }
    }

    /// Whether the two texts are the same once normalised (a verbatim quote).
    pub(super) fn same_as(&self, other: &Profile) -> bool {
        self.chars == other.chars
    }

    pub(super) fn similarity(&self, other: &Profile) -> f64 {
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
pub(super) fn sorted_bigrams(keys: impl Iterator<Item = u32>) -> Vec<u64> {
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
pub(super) fn dice<T: Ord>(a: &[T], b: &[T]) -> f64 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guidance::obligations::fixtures::*;

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
}
