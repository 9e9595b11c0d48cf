//! Texts and helpers the tests of several steps share.

use unicode_normalization::UnicodeNormalization;

use super::normalize::is_kept;
use super::Segment;

/// The hub obligations of 在宅医療の体制構築に係る指針 (医政地発0331第14号).
pub(super) const HUB_1: &str = "地域の医療及び介護、障害福祉の関係者による会議を定期的に開催し、在宅医療における提供状況の把握、災害時対応を含む業務継続計画（BCP）の策定支援を含めた課題の抽出及び対応策の検討等を実施すること";
pub(super) const HUB_2: &str = "地域包括ケアシステムを踏まえた在宅医療の提供体制を整備する観点から、地域の医療及び介護、障害福祉サービスについて、所在地や機能等を把握し、地域包括支援センターや障害者相談支援事業所等と連携しながら、退院時から看取りまでの医療や介護、障害福祉サービスにまたがる様々な支援を包括的かつ継続的に提供するよう、関係機関との調整を行うこと";
pub(super) const HUB_3: &str = "質の高い在宅医療をより効率的に提供するため、関係機関の連携による急変時の対応や24時間体制の構築や多職種による情報共有の促進を図ること";
pub(super) const HUB_4: &str = "在宅医療に関する地域住民への普及啓発を実施すること";
pub(super) const HUB_5: &str = "在宅医療に係る医療及び介護、障害福祉関係者に必要な知識・技能に関する研修の実施や情報の共有を行うこと";
pub(super) const HUB: [&str; 5] = [HUB_1, HUB_2, HUB_3, HUB_4, HUB_5];

/// HUB_1 with one particle changed: 定期的に → 定期的で.
pub(super) const HUB_1_CHANGED: &str = "地域の医療及び介護、障害福祉の関係者による会議を定期的で開催し、在宅医療における提供状況の把握、災害時対応を含む業務継続計画（BCP）の策定支援を含めた課題の抽出及び対応策の検討等を実施すること";
/// HUB_1 retyped: half-width brackets, spaces, a full stop, ideographic space.
pub(super) const HUB_1_RETYPED: &str = "地域の医療及び介護，障害福祉の関係者による会議を 定期的に開催し、在宅医療における提供状況の把握、災害時対応を含む業務継続計画 (ＢＣＰ) の策定支援を含めた課題の抽出及び対応策の検討等を実施すること。　";
/// A prefecture's own obligation on the same topic, sharing none of the canonical wording.
pub(super) const UNRELATED: &str =
    "県内の訪問看護ステーションの数と人員を毎年調査し、その結果を公表すること";

pub(super) const THRESHOLD: f64 = 0.6;

/// The definition that the fast path of [`normalize`] must agree with.
pub(super) fn normalize_reference(text: &str) -> String {
    text.nfkc()
        .filter(|&c| is_kept(c))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The old (`new == false`) or new text a diff describes.
pub(super) fn rebuild(segments: &[Segment], new: bool) -> String {
    segments
        .iter()
        .filter_map(|s| match s {
            Segment::Equal(t) => Some(t.as_str()),
            Segment::Delete(t) => (!new).then_some(t.as_str()),
            Segment::Insert(t) => new.then_some(t.as_str()),
        })
        .collect()
}

/// A tiny deterministic generator, so that the randomised tests need no dependency.
pub(super) struct Lcg(pub(super) u64);

impl Lcg {
    pub(super) fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}
