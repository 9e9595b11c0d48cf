//! Where a prefecture's item lands among the canonical obligations of its set.

use super::similarity::Profile;

/// How far apart the best and second-best candidates may be and still count as a tie.
const AMBIGUITY_MARGIN: f64 = 0.05;

/// Guards against floating-point noise when comparing a difference with [`AMBIGUITY_MARGIN`].
const EPSILON: f64 = 1e-9;

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
    /// [`similarity`](super::similarity) of the item and that canonical text.
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

/// How similar an item that matches nothing must be to a canonical obligation for the author
/// to be told it may be meant as that obligation (SPEC §5).
pub const RESEMBLANCE: f64 = 0.4;

/// The canonical text most like `item` and its similarity, if it reaches `floor` (earlier
/// index on ties). For an item that matched nothing: the obligation it may be meant as.
pub fn closest(item: &str, canonical: &[&str], floor: f64) -> Option<(usize, f64)> {
    let item = Profile::new(item);
    let (best, _) = best_two(&item, canonical);
    best.filter(|b| b.similarity >= floor)
        .map(|b| (b.index, b.similarity))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guidance::obligations::fixtures::*;
    use crate::guidance::obligations::similarity::similarity;

    fn matches(result: &ItemResult) -> &[Match] {
        match &result.outcome {
            MatchOutcome::Matched(m) => m,
            MatchOutcome::Own => &[],
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
    fn closest_names_the_most_similar_text_above_the_floor() {
        let item = "地域住民への講演会を開催すること";
        let (index, s) = closest(item, &HUB, RESEMBLANCE).expect("resembles hub-4");
        assert_eq!(index, 3);
        assert!((RESEMBLANCE..THRESHOLD).contains(&s), "{s}");
        assert_eq!(closest(UNRELATED, &HUB, RESEMBLANCE), None);
        assert_eq!(closest(item, &[], RESEMBLANCE), None);
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
}
