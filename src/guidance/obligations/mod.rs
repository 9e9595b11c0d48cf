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
//!
//! The files follow the steps: `id` names one obligation (`hub-3`); `normalize` gives the form
//! texts are compared in; `similarity` scores two texts; `matching` places a prefecture's item
//! among the canonical obligations; `diff` shows, on the original characters, how its wording
//! differs. Callers use the items re-exported here, so the steps can change without them.

mod diff;
mod id;
mod matching;
mod normalize;
mod similarity;

pub use diff::{diff, diff_html, Segment};
pub use id::ObligationId;
pub use matching::{closest, match_item, Class, ItemResult, Match, MatchOutcome, RESEMBLANCE};
pub use normalize::normalize;
pub use similarity::similarity;

#[cfg(test)]
mod fixtures;

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;
    use std::time::Instant;

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
