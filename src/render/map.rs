//! The tile-grid map of Japan on `/compare/` (SPEC §11): each prefecture one square tile at its
//! conventional place, Hokkaido at the top right and Okinawa at the bottom left, so that a reader
//! finds a prefecture where the shape of the country puts it while every tile is the same size
//! (a real map would make Tokyo or Kagawa too small to write a name and a count in).
//!
//! The grid is data, here, and the template draws it: the renderer turns it into [`MapTile`]s
//! with positions in the SVG's own units, a coverage level for the fill, and the text written in
//! the tile, so that colour is never the only cue.

use crate::guidance::prefecture::{Prefecture, PREFECTURES};
use crate::model::Lang;

use super::context::{CoverageMap, MapTile};

/// Columns and rows of the grid.
pub const COLUMNS: u16 = 13;
pub const ROWS: u16 = 10;

/// A tile's size and the gap between tiles, in the SVG's units (px at scale 1).
const TILE_W: u16 = 76;
const TILE_H: u16 = 48;
const GAP: u16 = 4;

/// (JIS code, column, row) of each prefecture: west to east, north to south, the layout of the
/// usual tile-grid maps of Japan (Kyushu and Okinawa at the left, Tohoku and Hokkaido at the
/// right, Shikoku below Chugoku).
pub const GRID: [(u8, u16, u16); 47] = [
    (1, 12, 0),  // 北海道
    (2, 12, 1),  // 青森
    (3, 12, 2),  // 岩手
    (4, 12, 3),  // 宮城
    (5, 11, 2),  // 秋田
    (6, 11, 3),  // 山形
    (7, 12, 4),  // 福島
    (8, 11, 5),  // 茨城
    (9, 11, 4),  // 栃木
    (10, 10, 4), // 群馬
    (11, 10, 5), // 埼玉
    (12, 11, 6), // 千葉
    (13, 10, 6), // 東京
    (14, 10, 7), // 神奈川
    (15, 10, 3), // 新潟
    (16, 9, 3),  // 富山
    (17, 8, 3),  // 石川
    (18, 7, 3),  // 福井
    (19, 9, 5),  // 山梨
    (20, 9, 4),  // 長野
    (21, 8, 4),  // 岐阜
    (22, 9, 6),  // 静岡
    (23, 8, 5),  // 愛知
    (24, 7, 5),  // 三重
    (25, 7, 4),  // 滋賀
    (26, 6, 4),  // 京都
    (27, 5, 5),  // 大阪
    (28, 5, 4),  // 兵庫
    (29, 6, 5),  // 奈良
    (30, 6, 6),  // 和歌山
    (31, 4, 4),  // 鳥取
    (32, 3, 4),  // 島根
    (33, 4, 5),  // 岡山
    (34, 3, 5),  // 広島
    (35, 2, 5),  // 山口
    (36, 4, 7),  // 徳島
    (37, 4, 6),  // 香川
    (38, 3, 6),  // 愛媛
    (39, 3, 7),  // 高知
    (40, 1, 6),  // 福岡
    (41, 0, 6),  // 佐賀
    (42, 0, 7),  // 長崎
    (43, 1, 7),  // 熊本
    (44, 2, 7),  // 大分
    (45, 2, 8),  // 宮崎
    (46, 1, 8),  // 鹿児島
    (47, 0, 9),  // 沖縄
];

/// How much of a set a prefecture covers, as the fill of its tile: `full`, `most` (at least
/// two thirds), `some` (at least one obligation), `none`; `nodata` where no page of the
/// prefecture lists the set.
pub fn level(covered: Option<usize>, total: usize) -> &'static str {
    match covered {
        None => "nodata",
        Some(c) if total > 0 && c >= total => "full",
        Some(c) if c * 3 >= total * 2 && c > 0 => "most",
        Some(c) if c > 0 => "some",
        Some(_) => "none",
    }
}

/// The name written in a tile: short (`千葉`, `北海道`) in Japanese, the romaji in English.
fn tile_name(p: &Prefecture, lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => p.short_ja(),
        Lang::En => p.en,
    }
}

/// One set's map: every prefecture's tile, `coverage(p)` giving what it covers (absent for no
/// data) and `profile(p)` the URL of its profile, where it has one.
pub fn coverage_map<'a>(
    set: &'a str,
    name: &'a str,
    total: usize,
    no_data: &str,
    lang: Lang,
    coverage: impl Fn(&'static Prefecture) -> Option<usize>,
    profile: impl Fn(&'static Prefecture) -> Option<String>,
) -> CoverageMap<'a> {
    let tiles = GRID
        .iter()
        .map(|&(code, col, row)| {
            let p = &PREFECTURES[usize::from(code) - 1];
            let covered = coverage(p);
            let x = col * (TILE_W + GAP);
            let y = row * (TILE_H + GAP);
            MapTile {
                code,
                slug: p.slug,
                name: p.name(lang),
                short: tile_name(p, lang),
                covered,
                figure: match covered {
                    Some(c) => format!("{c}/{total}"),
                    None => no_data.to_string(),
                },
                level: level(covered, total),
                url: profile(p),
                x,
                y,
                text_x: x + TILE_W / 2,
                name_y: y + 20,
                figure_y: y + 39,
            }
        })
        .collect();
    CoverageMap {
        set,
        name,
        total,
        width: COLUMNS * (TILE_W + GAP) - GAP,
        height: ROWS * (TILE_H + GAP) - GAP,
        tile_width: TILE_W,
        tile_height: TILE_H,
        tiles,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_prefecture_has_one_place_of_its_own() {
        let mut codes: Vec<u8> = GRID.iter().map(|g| g.0).collect();
        codes.sort();
        assert_eq!(codes, (1..=47).collect::<Vec<u8>>());
        let mut places: Vec<(u16, u16)> = GRID.iter().map(|g| (g.1, g.2)).collect();
        places.sort();
        places.dedup();
        assert_eq!(places.len(), 47, "two prefectures share a tile");
        assert!(GRID.iter().all(|g| g.1 < COLUMNS && g.2 < ROWS));
    }

    #[test]
    fn hokkaido_is_top_right_and_okinawa_bottom_left() {
        let at = |code: u8| {
            GRID.iter()
                .find(|g| g.0 == code)
                .map(|g| (g.1, g.2))
                .unwrap()
        };
        assert_eq!(at(1), (COLUMNS - 1, 0));
        assert_eq!(at(47), (0, ROWS - 1));
        // Tokyo lies east of Osaka, and Fukuoka west of Hiroshima.
        assert!(at(13).0 > at(27).0);
        assert!(at(40).0 < at(34).0);
    }

    #[test]
    fn levels_say_how_much_is_covered() {
        assert_eq!(level(None, 5), "nodata");
        assert_eq!(level(Some(5), 5), "full");
        assert_eq!(level(Some(4), 5), "most");
        assert_eq!(level(Some(1), 5), "some");
        assert_eq!(level(Some(0), 5), "none");
    }
}
