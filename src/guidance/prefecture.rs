//! The 47 prefectures of Japan, numbered by JIS X 0401.
//!
//! Guidance is issued per prefecture and compared across them, so every page names its
//! prefecture. Authors write it in whatever form is at hand (`千葉県`, `千葉`, `chiba`, `12`,
//! `１２`); [`lookup`] accepts all of them and, for a typo, suggests the nearest prefecture so
//! the message can be acted on. The JIS code orders prefectures north to south, which is the
//! order Japanese readers expect in tables, so [`Prefecture`] sorts by code.

use unicode_normalization::UnicodeNormalization;

use crate::messages::Text;
use crate::msg;
use crate::text::lang::Lang;

/// One prefecture. Fields are in sort order: the code comes first so that sorting is by code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Prefecture {
    /// JIS X 0401 code, 1–47.
    pub code: u8,
    /// Official Japanese name with its suffix: `北海道`, `東京都`, `京都府`, `千葉県`.
    pub ja: &'static str,
    /// English name in macron-free romaji: `Hyogo`, `Kochi`, `Oita`.
    pub en: &'static str,
    /// Lower-case ASCII for URLs and file names.
    pub slug: &'static str,
}

impl Prefecture {
    /// The two-digit code used in JIS tables and file names: `01` … `47`.
    pub fn code_str(&self) -> String {
        format!("{:02}", self.code)
    }

    /// The name in the page language.
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }

    /// The Japanese name without `都`, `府` or `県` (`千葉`, `東京`, `京都`), as used in running
    /// text. 北海道 keeps its name: `道` is part of it, and `北海` is not a name anyone writes.
    pub fn short_ja(&self) -> &'static str {
        self.ja.strip_suffix(['都', '府', '県']).unwrap_or(self.ja)
    }
}

const fn p(code: u8, ja: &'static str, en: &'static str, slug: &'static str) -> Prefecture {
    Prefecture { code, ja, en, slug }
}

/// All prefectures in JIS X 0401 order; `PREFECTURES[i].code == i + 1`.
pub static PREFECTURES: [Prefecture; 47] = [
    p(1, "北海道", "Hokkaido", "hokkaido"),
    p(2, "青森県", "Aomori", "aomori"),
    p(3, "岩手県", "Iwate", "iwate"),
    p(4, "宮城県", "Miyagi", "miyagi"),
    p(5, "秋田県", "Akita", "akita"),
    p(6, "山形県", "Yamagata", "yamagata"),
    p(7, "福島県", "Fukushima", "fukushima"),
    p(8, "茨城県", "Ibaraki", "ibaraki"),
    p(9, "栃木県", "Tochigi", "tochigi"),
    p(10, "群馬県", "Gunma", "gunma"),
    p(11, "埼玉県", "Saitama", "saitama"),
    p(12, "千葉県", "Chiba", "chiba"),
    p(13, "東京都", "Tokyo", "tokyo"),
    p(14, "神奈川県", "Kanagawa", "kanagawa"),
    p(15, "新潟県", "Niigata", "niigata"),
    p(16, "富山県", "Toyama", "toyama"),
    p(17, "石川県", "Ishikawa", "ishikawa"),
    p(18, "福井県", "Fukui", "fukui"),
    p(19, "山梨県", "Yamanashi", "yamanashi"),
    p(20, "長野県", "Nagano", "nagano"),
    p(21, "岐阜県", "Gifu", "gifu"),
    p(22, "静岡県", "Shizuoka", "shizuoka"),
    p(23, "愛知県", "Aichi", "aichi"),
    p(24, "三重県", "Mie", "mie"),
    p(25, "滋賀県", "Shiga", "shiga"),
    p(26, "京都府", "Kyoto", "kyoto"),
    p(27, "大阪府", "Osaka", "osaka"),
    p(28, "兵庫県", "Hyogo", "hyogo"),
    p(29, "奈良県", "Nara", "nara"),
    p(30, "和歌山県", "Wakayama", "wakayama"),
    p(31, "鳥取県", "Tottori", "tottori"),
    p(32, "島根県", "Shimane", "shimane"),
    p(33, "岡山県", "Okayama", "okayama"),
    p(34, "広島県", "Hiroshima", "hiroshima"),
    p(35, "山口県", "Yamaguchi", "yamaguchi"),
    p(36, "徳島県", "Tokushima", "tokushima"),
    p(37, "香川県", "Kagawa", "kagawa"),
    p(38, "愛媛県", "Ehime", "ehime"),
    p(39, "高知県", "Kochi", "kochi"),
    p(40, "福岡県", "Fukuoka", "fukuoka"),
    p(41, "佐賀県", "Saga", "saga"),
    p(42, "長崎県", "Nagasaki", "nagasaki"),
    p(43, "熊本県", "Kumamoto", "kumamoto"),
    p(44, "大分県", "Oita", "oita"),
    p(45, "宮崎県", "Miyazaki", "miyazaki"),
    p(46, "鹿児島県", "Kagoshima", "kagoshima"),
    p(47, "沖縄県", "Okinawa", "okinawa"),
];

/// The prefecture with a JIS code, or `None` outside 1–47.
pub fn by_code(code: u8) -> Option<&'static Prefecture> {
    PREFECTURES.iter().find(|p| p.code == code)
}

/// The prefecture whose slug a folder is named by (`chiba`), exactly: folder names are slugs.
pub fn by_slug(slug: &str) -> Option<&'static Prefecture> {
    PREFECTURES.iter().find(|p| p.slug == slug)
}

/// The prefecture a page's folders name, nearest the file first (`prefectures/chiba/plan.md` →
/// Chiba), with the position of that folder among the path's segments.
pub fn of_path(key: &str) -> Option<(usize, &'static Prefecture)> {
    let segments: Vec<&str> = key.split('/').collect();
    let folders = &segments[..segments.len().saturating_sub(1)];
    folders
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, s)| by_slug(s).map(|p| (i, p)))
}

/// Finds a prefecture by Japanese name with or without suffix (`千葉県`, `千葉`), romaji in any
/// case (`chiba`, `Chiba`, `CHIBA`, `Chiba Prefecture`, `Hyōgo`) or code (`12`, `01`, `1`, `１２`,
/// `JP-12`). Full-width characters and whitespace are tolerated.
pub fn lookup(s: &str) -> Result<&'static Prefecture, Text> {
    let key: String = s.nfkc().filter(|c| !c.is_whitespace()).collect();
    if key.is_empty() {
        return Err(msg!("prefecture-expected"));
    }
    let digits = strip_prefix_ascii_ci(&key, "JP-").unwrap_or(&key);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return lookup_code(digits);
    }
    let romaji = fold_romaji(&key);
    PREFECTURES
        .iter()
        .find(|p| p.ja == key || p.short_ja() == key || p.slug == romaji)
        .ok_or_else(|| unknown(&key, &romaji))
}

/// Reads a code written as digits; leading zeros are fine, anything outside 1–47 is an error.
fn lookup_code(digits: &str) -> Result<&'static Prefecture, Text> {
    digits.parse::<u8>().ok().and_then(by_code).ok_or_else(|| {
        let shown = digits.trim_start_matches('0');
        let shown = if shown.is_empty() { "0" } else { shown };
        msg!("prefecture-code-out-of-range", code = shown)
    })
}

fn strip_prefix_ascii_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

/// Lower-cases romaji, drops macrons and circumflexes (`Hyōgo`, `Kôchi`), hyphens and a
/// trailing `prefecture`, `-ken`, `-fu` or `-to`, so that English spellings compare to slugs.
fn fold_romaji(key: &str) -> String {
    let lower = key.to_lowercase();
    let lower = ["prefecture", "-ken", "-fu", "-to"]
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix))
        .unwrap_or(&lower);
    lower
        .chars()
        .filter(|&c| c != '-')
        .map(|c| match c {
            'ā' | 'â' => 'a',
            'ō' | 'ô' => 'o',
            'ū' | 'û' => 'u',
            'ē' | 'ê' => 'e',
            'ī' | 'î' => 'i',
            other => other,
        })
        .collect()
}

/// The error for an unrecognised prefecture, with a suggestion when one is close enough.
fn unknown(key: &str, romaji: &str) -> Text {
    match suggest(key, romaji) {
        Some(p) => msg!(
            "unknown-prefecture-did-you-mean",
            key = key,
            name = p.ja,
            slug = p.slug,
            code = p.code_str()
        ),
        None => msg!("unknown-prefecture", key = key),
    }
}

/// The prefecture whose name or slug is nearest by edit distance, if the distance is small
/// relative to the input (at most a third of its length, and at least 1 allowed).
fn suggest(key: &str, romaji: &str) -> Option<&'static Prefecture> {
    const MAX_LEN: usize = 40;
    if key.chars().count() > MAX_LEN {
        return None;
    }
    let (best, distance) = PREFECTURES
        .iter()
        .map(|p| {
            let d = [
                levenshtein(key, p.ja),
                levenshtein(key, p.short_ja()),
                levenshtein(romaji, p.slug),
            ]
            .into_iter()
            .min()
            .unwrap_or(usize::MAX);
            (p, d)
        })
        .min_by_key(|&(p, d)| (d, p.code))?;
    let allowed = (key.chars().count().saturating_add(1) / 3).max(1);
    (distance <= allowed).then_some(best)
}

/// Edit distance over characters (insertions, deletions, substitutions), two rows at a time.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = Vec::with_capacity(prev.len());
        cur.push(i.saturating_add(1));
        for (j, cb) in b.iter().enumerate() {
            let diagonal = prev.get(j).copied().unwrap_or(usize::MAX);
            let above = prev.get(j.saturating_add(1)).copied().unwrap_or(usize::MAX);
            let left = cur.last().copied().unwrap_or(usize::MAX);
            let cost = diagonal
                .saturating_add(usize::from(ca != *cb))
                .min(above.saturating_add(1))
                .min(left.saturating_add(1));
            cur.push(cost);
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> u8 {
        lookup(s).unwrap_or_else(|e| panic!("{s:?}: {e}")).code
    }

    #[test]
    fn the_folder_nearest_the_file_names_the_prefecture() {
        let code = |key: &str| of_path(key).map(|(i, p)| (i, p.code));
        assert_eq!(code("prefectures/chiba/plan.md"), Some((1, 12)));
        assert_eq!(code("osaka/chiba/plan.md"), Some((1, 12)));
        assert_eq!(code("prefectures/plan.md"), None);
        // The file's own name is no folder; a name must be the slug exactly.
        assert_eq!(code("chiba.md"), None);
        assert_eq!(code("Chiba/plan.md"), None);
        assert_eq!(code("chiba-old/plan.md"), None);
    }

    #[test]
    fn table_is_complete_and_ordered() {
        for (i, p) in PREFECTURES.iter().enumerate() {
            assert_eq!(usize::from(p.code), i + 1, "{}", p.ja);
            assert_eq!(p.slug, p.en.to_lowercase(), "{}", p.ja);
            assert!(p.slug.bytes().all(|b| b.is_ascii_lowercase()));
            assert!(
                p.ja.ends_with(['都', '道', '府', '県']),
                "{} has no suffix",
                p.ja
            );
        }
        let slugs: Vec<&str> = PREFECTURES.iter().map(|p| p.slug).collect();
        let expected = "hokkaido aomori iwate miyagi akita yamagata fukushima ibaraki tochigi \
            gunma saitama chiba tokyo kanagawa niigata toyama ishikawa fukui yamanashi nagano \
            gifu shizuoka aichi mie shiga kyoto osaka hyogo nara wakayama tottori shimane okayama \
            hiroshima yamaguchi tokushima kagawa ehime kochi fukuoka saga nagasaki kumamoto oita \
            miyazaki kagoshima okinawa";
        assert_eq!(slugs, expected.split_whitespace().collect::<Vec<_>>());
        let mut short: Vec<&str> = PREFECTURES.iter().map(Prefecture::short_ja).collect();
        short.sort_unstable();
        short.dedup();
        assert_eq!(short.len(), 47, "short names must be unique");
    }

    #[test]
    fn specific_entries() {
        let expect = |c: u8, ja: &str, en: &str| {
            let p = by_code(c).expect("code exists");
            assert_eq!((p.ja, p.en), (ja, en));
        };
        expect(1, "北海道", "Hokkaido");
        expect(12, "千葉県", "Chiba");
        expect(13, "東京都", "Tokyo");
        expect(26, "京都府", "Kyoto");
        expect(27, "大阪府", "Osaka");
        expect(28, "兵庫県", "Hyogo");
        expect(39, "高知県", "Kochi");
        expect(44, "大分県", "Oita");
        expect(47, "沖縄県", "Okinawa");
        assert!(by_code(0).is_none());
        assert!(by_code(48).is_none());
        assert!(by_code(u8::MAX).is_none());
    }

    #[test]
    fn lookup_by_japanese_name() {
        assert_eq!(code("千葉県"), 12);
        assert_eq!(code("千葉"), 12);
        assert_eq!(code("北海道"), 1);
        assert_eq!(code("東京都"), 13);
        assert_eq!(code("東京"), 13);
        assert_eq!(code("京都府"), 26);
        assert_eq!(code("京都"), 26);
        assert_eq!(code("大阪府"), 27);
        assert_eq!(code("大阪"), 27);
        assert_eq!(code("神奈川県"), 14);
        assert_eq!(code("鹿児島"), 46);
        assert_eq!(code(" 千葉県\n"), 12);
        assert_eq!(code("千 葉 県"), 12);
    }

    #[test]
    fn lookup_by_romaji() {
        assert_eq!(code("chiba"), 12);
        assert_eq!(code("Chiba"), 12);
        assert_eq!(code("CHIBA"), 12);
        assert_eq!(code("ｃｈｉｂａ"), 12);
        assert_eq!(code("Chiba Prefecture"), 12);
        assert_eq!(code("chiba-ken"), 12);
        assert_eq!(code("Tokyo-to"), 13);
        assert_eq!(code("Kyoto"), 26);
        assert_eq!(code("kyoto-fu"), 26);
        assert_eq!(code("Hyōgo"), 28);
        assert_eq!(code("Kōchi"), 39);
        assert_eq!(code("Ōita"), 44);
        assert_eq!(code("hokkaido"), 1);
    }

    #[test]
    fn lookup_by_code() {
        assert_eq!(code("12"), 12);
        assert_eq!(code("01"), 1);
        assert_eq!(code("1"), 1);
        assert_eq!(code("１２"), 12);
        assert_eq!(code("47"), 47);
        assert_eq!(code("0012"), 12);
        assert_eq!(code("JP-12"), 12);
        assert_eq!(code("jp-01"), 1);
        for bad in [
            "0",
            "00",
            "48",
            "99",
            "255",
            "256",
            "123456789012345678901234567890",
        ] {
            let e = lookup(bad).expect_err(bad);
            assert!(e.contains("is out of range (01–47)"), "{bad}: {e}");
        }
        assert_eq!(
            lookup("48").expect_err("48"),
            "prefecture code 48 is out of range (01–47)"
        );
        assert_eq!(
            lookup("00").expect_err("00"),
            "prefecture code 0 is out of range (01–47)"
        );
    }

    #[test]
    fn unknown_names_get_suggestions() {
        assert_eq!(
            lookup("chiab").expect_err("typo"),
            "unknown prefecture `chiab`; did you mean `千葉県` (chiba, 12)?"
        );
        assert_eq!(
            lookup("千葉件").expect_err("typo"),
            "unknown prefecture `千葉件`; did you mean `千葉県` (chiba, 12)?"
        );
        assert!(lookup("大阪県")
            .expect_err("wrong suffix")
            .contains("`大阪府` (osaka, 27)"));
        assert!(lookup("東京県")
            .expect_err("wrong suffix")
            .contains("`東京都` (tokyo, 13)"));
        assert!(lookup("hokaido")
            .expect_err("typo")
            .contains("`北海道` (hokkaido, 01)"));
        assert!(lookup("gumma").expect_err("old spelling").contains("gunma"));
        assert!(lookup("tokio").expect_err("typo").contains("tokyo"));
        assert_eq!(
            lookup("Atlantis").expect_err("nothing close"),
            "unknown prefecture `Atlantis`; expected a name (千葉県), romaji (chiba) or JIS code (01–47)"
        );
        assert!(lookup("")
            .expect_err("empty")
            .starts_with("expected a prefecture"));
        assert!(lookup("北海").is_err());
    }

    #[test]
    fn accessors() {
        let chiba = by_code(12).expect("chiba");
        assert_eq!(chiba.code_str(), "12");
        assert_eq!(by_code(1).expect("hokkaido").code_str(), "01");
        assert_eq!(chiba.name(Lang::En), "Chiba");
        assert_eq!(chiba.name(Lang::Ja), "千葉県");
        assert_eq!(chiba.short_ja(), "千葉");
        assert_eq!(by_code(1).expect("hokkaido").short_ja(), "北海道");
        assert!(by_code(1) < by_code(47));
    }

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein("", ""), 0);
        assert_eq!(levenshtein("abc", ""), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("千葉件", "千葉県"), 1);
    }

    #[test]
    fn never_panics_on_odd_input() {
        let long = "x".repeat(10_000);
        for s in [
            "\u{0}",
            "🙂",
            "-",
            "JP-",
            "jp",
            "ー",
            "都",
            "県",
            long.as_str(),
        ] {
            assert!(lookup(s).is_err(), "{s:?}");
        }
    }
}
