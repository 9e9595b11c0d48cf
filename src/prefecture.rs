// TEMPORARY stand-in until the real module lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Prefecture {
    pub code: u8,
    pub ja: &'static str,
    pub en: &'static str,
    pub slug: &'static str,
}
pub static PREFECTURES: [Prefecture; 2] = [
    Prefecture {
        code: 1,
        ja: "北海道",
        en: "Hokkaido",
        slug: "hokkaido",
    },
    Prefecture {
        code: 12,
        ja: "千葉県",
        en: "Chiba",
        slug: "chiba",
    },
];
pub fn lookup(s: &str) -> Result<&'static Prefecture, String> {
    PREFECTURES
        .iter()
        .find(|p| p.slug == s || p.ja == s || p.code.to_string() == s.trim_start_matches('0'))
        .ok_or_else(|| format!("unknown prefecture `{s}`"))
}
