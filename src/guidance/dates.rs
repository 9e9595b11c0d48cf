//! Japanese era dates (和暦) and fiscal years (年度).
//!
//! Planning guidance is dated in the era calendar (`令和5年3月31日`, `R5.3.31`) and budgeted in
//! fiscal years that start in April (`令和5年度` = April 2023 to March 2024). Pages must be sorted
//! and compared across documents and shown in Japanese and English, so every spelling the
//! documents use is read into one [`DateValue`]. When a date cannot be read, the error says what
//! was expected, because the reader of the message is the author fixing a front matter typo.
//!
//! Input is NFKC-normalised first (full-width digits and punctuation become ASCII, `㍻` becomes
//! `平成`) and whitespace is ignored, because copied text carries such artefacts.

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;

use crate::messages::Text;
use crate::msg;
use crate::text::lang::Lang;

/// A Japanese era (元号) since the Meiji restoration; dates before 1868 are written in Gregorian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Era {
    Meiji,
    Taisho,
    Showa,
    Heisei,
    Reiwa,
}

impl Era {
    /// Every era, oldest first, so "the latest era that has started" is a reverse search.
    pub const ALL: [Era; 5] = [Era::Meiji, Era::Taisho, Era::Showa, Era::Heisei, Era::Reiwa];

    /// The Gregorian year in which the era's first year (元年) falls.
    pub fn first_year(self) -> i32 {
        self.first_day().0
    }

    /// The first day of the era as (year, month, day), used to pick the era of a particular day
    /// (2019-04-30 is 平成31年, 2019-05-01 is 令和元年). Meiji counts from the Gregorian day of
    /// 慶応4年1月1日, to which it was applied retroactively.
    pub fn first_day(self) -> (i32, u32, u32) {
        match self {
            Era::Meiji => (1868, 1, 25),
            Era::Taisho => (1912, 7, 30),
            Era::Showa => (1926, 12, 25),
            Era::Heisei => (1989, 1, 8),
            Era::Reiwa => (2019, 5, 1),
        }
    }

    /// The era's name as written in Japanese text.
    pub fn name_ja(self) -> &'static str {
        match self {
            Era::Meiji => "明治",
            Era::Taisho => "大正",
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    /// The romaji name, accepted in input (`Reiwa5.3.31`) for authors who type in English.
    pub fn name_en(self) -> &'static str {
        match self {
            Era::Meiji => "Meiji",
            Era::Taisho => "Taisho",
            Era::Showa => "Showa",
            Era::Heisei => "Heisei",
            Era::Reiwa => "Reiwa",
        }
    }

    /// The one-letter abbreviation used in forms such as `R5.3.31`.
    pub fn letter(self) -> char {
        match self {
            Era::Meiji => 'M',
            Era::Taisho => 'T',
            Era::Showa => 'S',
            Era::Heisei => 'H',
            Era::Reiwa => 'R',
        }
    }

    /// Reads an era prefix: the kanji name, the romaji name or the letter (letters in any case).
    pub fn from_prefix(s: &str) -> Option<Era> {
        Era::ALL.into_iter().find(|era| {
            s == era.name_ja()
                || s.eq_ignore_ascii_case(era.name_en())
                || s.eq_ignore_ascii_case(era.letter().encode_utf8(&mut [0; 4]))
        })
    }

    /// The era a day belongs to, or `None` before Meiji.
    pub fn of_day(date: NaiveDate) -> Option<Era> {
        let key = (date.year(), date.month(), date.day());
        Era::ALL
            .into_iter()
            .rev()
            .find(|era| era.first_day() <= key)
    }

    /// The era a fiscal year is named in: the era of the calendar year's end, which is how
    /// ministries write it (FY2019, begun under Heisei, is 令和元年度).
    pub fn of_fiscal_year(year: i32) -> Option<Era> {
        Era::ALL
            .into_iter()
            .rev()
            .find(|era| era.first_year() <= year)
    }
}

/// A date as guidance documents give it: a calendar day or a whole fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateValue {
    Day(NaiveDate),
    /// The calendar year in which the fiscal year starts (April).
    FiscalYear(i32),
}

impl DateValue {
    /// The day to sort by; a fiscal year sorts as its first day, 1 April.
    pub fn sort_key(&self) -> NaiveDate {
        match *self {
            DateValue::Day(d) => d,
            DateValue::FiscalYear(y) => NaiveDate::from_ymd_opt(y, 4, 1).unwrap_or(if y < 0 {
                NaiveDate::MIN
            } else {
                NaiveDate::MAX
            }),
        }
    }

    /// Machine-readable form for `<time datetime>` and JSON: `2023-03-31` or `FY2018`.
    pub fn iso(&self) -> String {
        match self {
            DateValue::Day(d) => d.format("%Y-%m-%d").to_string(),
            DateValue::FiscalYear(y) => format!("FY{y}"),
        }
    }

    /// The date as a reader of `lang` sees it.
    pub fn display(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => self.display_ja(),
            Lang::En => self.display_en(),
        }
    }

    /// Japanese display in the era calendar, as the documents themselves write it:
    /// `令和5年3月31日`, `令和元年5月1日`, `平成30年度`.
    pub fn display_ja(&self) -> String {
        match *self {
            DateValue::Day(d) => {
                let year = match Era::of_day(d) {
                    Some(era) => era_year_ja(era, d.year()),
                    None => d.year().to_string(),
                };
                format!("{year}年{}月{}日", d.month(), d.day())
            }
            DateValue::FiscalYear(y) => match Era::of_fiscal_year(y) {
                Some(era) => format!("{}年度", era_year_ja(era, y)),
                None => format!("{y}年度"),
            },
        }
    }

    /// English display: `31 March 2023` or `FY2018`.
    pub fn display_en(&self) -> String {
        match self {
            DateValue::Day(d) => format!("{} {} {}", d.day(), month_name_en(d.month()), d.year()),
            DateValue::FiscalYear(y) => format!("FY{y}"),
        }
    }
}

/// Converts an era year to the Gregorian year (`Era::Reiwa, 5` → 2023). Years beyond the era's
/// end are allowed because documents really write them (平成32年度 = FY2020). Saturates rather
/// than overflowing on absurd input.
pub fn era_year_to_gregorian(era: Era, year: u32) -> i32 {
    let gregorian = i64::from(era.first_year()) + i64::from(year) - 1;
    i32::try_from(gregorian).unwrap_or(i32::MAX)
}

/// Reads a date: `2023-03-31`, `2023/3/31`, `2023年3月31日`, `令和5年3月31日`, `令和元年5月1日`,
/// `R5.3.31`, `R5/3/31`, `h30.4.1`, or a fiscal year: `令和5年度`, `R6年度`, `2024年度`, `FY2024`.
/// A trailing day of the week such as `（金）` is checked against the date.
pub fn parse_date(s: &str) -> Result<DateValue, Text> {
    let text = normalize(s);
    if !text.chars().any(|c| c.is_ascii_digit() || c == '元') {
        return Err(msg!("date-expected"));
    }
    let (body, weekday) = split_weekday(&text);
    let value = parse_date_body(body)?;
    match (value, weekday) {
        (_, None) => Ok(value),
        (DateValue::Day(d), Some(w)) => check_weekday(d, w).map(|()| value),
        (DateValue::FiscalYear(_), Some(_)) => Err(msg!("fiscal-year-without-weekday")),
    }
}

/// Reads a fiscal year and returns the calendar year it starts in: `R6`, `令和6年度`,
/// `平成30年度`, `2024年度`, `FY2024`, `2024`. Used for fiscal-year ranges in facts.
pub fn parse_fiscal_year(s: &str) -> Result<i32, Text> {
    let text = normalize(s);
    if !text.chars().any(|c| c.is_ascii_digit() || c == '元') {
        return Err(msg!("fiscal-year-expected"));
    }
    let mut c = Cursor::new(&text);
    let year = if c.eat_ascii_ci("FY") {
        gregorian_year(c.digits())?
    } else {
        parse_year(&mut c)?
    };
    c.eat("年度");
    if c.rest == "年" {
        return Err(msg!("calendar-year-not-fiscal", text = &text));
    }
    c.expect_end()?;
    Ok(year)
}

/// Earliest and latest Gregorian years accepted, so that a two-digit year (`23-3-31`) is
/// reported rather than read as the year 23.
const GREGORIAN_YEARS: (i32, i32) = (1000, 9999);

/// Era years seen in documents never exceed 64 (昭和64年); 99 leaves room for 平成32年度-style
/// overruns while catching typos.
const MAX_ERA_YEAR: u32 = 99;

const WEEKDAYS_JA: [char; 7] = ['月', '火', '水', '木', '金', '土', '日'];
const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// NFKC (full-width → ASCII, ㍻ → 平成) and whitespace removal (`令和 5 年` → `令和5年`).
fn normalize(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// Separators between year, month and day in numeric forms. Besides `-./` this includes the
/// dash look-alikes that NFKC leaves alone (`−` U+2212, `ー` from Japanese input methods).
fn is_date_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '.' | '/' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | 'ー'
    )
}

fn month_name_en(month: u32) -> &'static str {
    usize::try_from(month)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|i| MONTHS_EN.get(i))
        .copied()
        .unwrap_or("?")
}

/// `令和元` for the first year of an era, `令和5` otherwise.
fn era_year_ja(era: Era, gregorian: i32) -> String {
    let n = gregorian.saturating_sub(era.first_year()).saturating_add(1);
    if n == 1 {
        format!("{}元", era.name_ja())
    } else {
        format!("{}{n}", era.name_ja())
    }
}

/// A read position in normalised text; every step either consumes a known prefix or nothing.
struct Cursor<'a> {
    rest: &'a str,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Self {
        Cursor { rest: s }
    }

    fn eat(&mut self, prefix: &str) -> bool {
        match self.rest.strip_prefix(prefix) {
            Some(r) => {
                self.rest = r;
                true
            }
            None => false,
        }
    }

    fn eat_ascii_ci(&mut self, prefix: &str) -> bool {
        match self.rest.get(..prefix.len()) {
            Some(head) if head.eq_ignore_ascii_case(prefix) => {
                self.rest = self.rest.get(prefix.len()..).unwrap_or("");
                true
            }
            _ => false,
        }
    }

    fn eat_separator(&mut self) -> bool {
        let mut chars = self.rest.chars();
        match chars.next() {
            Some(c) if is_date_separator(c) => {
                self.rest = chars.as_str();
                true
            }
            _ => false,
        }
    }

    /// Consumes characters while `keep` holds and returns them.
    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> &'a str {
        let end = self
            .rest
            .find(|c: char| !keep(c))
            .unwrap_or(self.rest.len());
        let (head, tail) = self.rest.split_at(end);
        self.rest = tail;
        head
    }

    fn digits(&mut self) -> &'a str {
        self.take_while(|c| c.is_ascii_digit())
    }

    fn expect_end(&self) -> Result<(), Text> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(msg!("date-unexpected-after-date", rest = self.rest))
        }
    }
}

fn parse_date_body(text: &str) -> Result<DateValue, Text> {
    let mut c = Cursor::new(text);
    if c.eat_ascii_ci("FY") {
        let year = gregorian_year(c.digits())?;
        c.eat("年度");
        c.expect_end()?;
        return Ok(DateValue::FiscalYear(year));
    }
    if let Some((month, day)) = month_and_day_only(text) {
        return Err(year_missing(text, month, day));
    }
    let year = parse_year(&mut c)?;
    if c.eat("年度") {
        c.expect_end()?;
        return Ok(DateValue::FiscalYear(year));
    }
    let (month, day) = parse_month_day(&mut c)?;
    c.expect_end()?;
    make_day(year, month, day)
}

/// `4月1日` or `4/1`: a month and a day that were written without the year.
fn month_and_day_only(text: &str) -> Option<(u32, u32)> {
    let mut c = Cursor::new(text);
    let month = c.digits();
    let kanji = c.eat("月");
    if !kanji && !c.eat_separator() {
        return None;
    }
    let day = c.digits();
    if kanji {
        c.eat("日");
    }
    let short = |d: &str| (1..=2).contains(&d.len());
    (short(month) && short(day) && c.rest.is_empty())
        .then(|| Some((month.parse().ok()?, day.parse().ok()?)))
        .flatten()
}

/// The message for a day written without its year, with the same day written whole.
fn year_missing(text: &str, month: u32, day: u32) -> Text {
    msg!(
        "date-year-missing",
        text = text,
        month = month.to_string(),
        day = day.to_string()
    )
}

/// A day written in an era after that era ended (`平成31年5月1日` is 令和元年5月1日; documents
/// printed before the change of era still carry such dates). The day is read as written; this
/// gives the message that says so, and the day as it is written in its own era.
pub fn after_era_end(s: &str) -> Option<(Text, String)> {
    let text = normalize(s);
    let (body, _) = split_weekday(&text);
    let prefix = body
        .split(|c: char| c.is_ascii_digit() || c == '元')
        .next()?;
    let written = Era::from_prefix(prefix)?;
    let DateValue::Day(date) = parse_date_body(body).ok()? else {
        return None;
    };
    let era = Era::of_day(date).filter(|&era| era > written)?;
    let (y, m, d) = era.first_day();
    let last_day = NaiveDate::from_ymd_opt(y, m, d)?.pred_opt()?;
    let same_day = DateValue::Day(date).display_ja();
    Some((
        msg!(
            "era-ended",
            era = written.name_ja(),
            last_day = Text::both(
                DateValue::Day(last_day).display_ja(),
                DateValue::Day(last_day).display_en()
            ),
            written = s.trim(),
            same_day = &same_day
        ),
        same_day,
    ))
}

/// Reads an optional era (or `西暦`) and the year number after it; returns the Gregorian year.
fn parse_year(c: &mut Cursor) -> Result<i32, Text> {
    let prefix = c.take_while(|ch| !ch.is_ascii_digit() && ch != '元');
    let era = match prefix {
        "" | "西暦" => None,
        p => Some(Era::from_prefix(p).ok_or_else(|| unknown_era(p))?),
    };
    match era {
        Some(era) => {
            let year = if c.eat("元") {
                1
            } else {
                number(c.digits(), msg!("date-part-year"))?
            };
            if year == 0 {
                return Err(msg!("era-year-zero"));
            }
            if year > MAX_ERA_YEAR {
                return Err(msg!(
                    "era-year-out-of-range",
                    year = year.to_string(),
                    max = MAX_ERA_YEAR.to_string()
                ));
            }
            Ok(era_year_to_gregorian(era, year))
        }
        None if c.rest.starts_with("元年") => Err(msg!("gannen-without-era")),
        None => gregorian_year(c.digits()),
    }
}

fn unknown_era(prefix: &str) -> Text {
    if prefix.chars().count() == 1 && prefix.is_ascii() {
        msg!("unknown-era-letter", prefix = prefix)
    } else {
        msg!("unknown-era", prefix = prefix)
    }
}

fn gregorian_year(digits: &str) -> Result<i32, Text> {
    let (lo, hi) = GREGORIAN_YEARS;
    let n = number(digits, msg!("date-part-year"))?;
    match i32::try_from(n) {
        Ok(y) if (lo..=hi).contains(&y) => Ok(y),
        _ => Err(msg!(
            "year-out-of-range",
            year = n.to_string(),
            lo = lo.to_string(),
            hi = hi.to_string()
        )),
    }
}

/// Reads `年3月31日` or `.3.31` (any date separator) after the year.
fn parse_month_day(c: &mut Cursor) -> Result<(u32, u32), Text> {
    if c.eat("年") {
        if c.rest.is_empty() {
            return Err(msg!("date-year-alone"));
        }
        let month = number(c.digits(), msg!("date-part-month"))?;
        if !c.eat("月") {
            return Err(msg!("month-kanji-expected"));
        }
        if c.rest.is_empty() {
            return Err(msg!("month-alone"));
        }
        let day = number(c.digits(), msg!("date-part-day"))?;
        c.eat("日");
        Ok((month, day))
    } else if c.eat_separator() {
        let month = number(c.digits(), msg!("date-part-month"))?;
        if !c.eat_separator() {
            return Err(msg!("day-separator-expected"));
        }
        let day = number(c.digits(), msg!("date-part-day"))?;
        Ok((month, day))
    } else if c.rest.is_empty() {
        Err(msg!("date-year-alone"))
    } else {
        Err(msg!("date-unexpected-after-year", rest = c.rest))
    }
}

/// Parses a run of ASCII digits; `what` names the part in the message when it is missing.
fn number(digits: &str, what: Text) -> Result<u32, Text> {
    if digits.is_empty() {
        return Err(msg!("date-number-expected", what = what));
    }
    digits
        .parse()
        .map_err(|_| msg!("date-number-too-large", what = what, digits = digits))
}

fn make_day(year: i32, month: u32, day: u32) -> Result<DateValue, Text> {
    if !(1..=12).contains(&month) {
        return Err(msg!("month-out-of-range", month = month.to_string()));
    }
    if !(1..=31).contains(&day) {
        return Err(msg!("day-out-of-range", day = day.to_string()));
    }
    NaiveDate::from_ymd_opt(year, month, day)
        .map(DateValue::Day)
        .ok_or_else(|| {
            msg!(
                "day-not-in-month",
                date = format!("{year}-{month:02}-{day:02}"),
                month = Text::both(
                    format!("{year}年{month}月"),
                    format!("{} {year}", month_name_en(month))
                ),
                days = days_in_month(year, month).to_string()
            )
        })
}

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(28)
}

/// Splits a trailing day of the week such as `(金)`, `(金曜日)` or `(月・祝)` off a date.
/// Anything else in parentheses is left in place and reported as unexpected.
fn split_weekday(text: &str) -> (&str, Option<usize>) {
    let Some(inner_and_head) = text.strip_suffix(')') else {
        return (text, None);
    };
    let Some(open) = inner_and_head.rfind('(') else {
        return (text, None);
    };
    let (head, inner) = inner_and_head.split_at(open);
    let inner = inner.get(1..).unwrap_or("");
    let mut chars = inner.chars();
    let index = chars
        .next()
        .and_then(|w| WEEKDAYS_JA.iter().position(|&x| x == w));
    let tail = chars.as_str();
    let tail = tail
        .strip_suffix("祝")
        .map(|t| t.strip_suffix('・').unwrap_or(t))
        .unwrap_or(tail);
    match index {
        Some(i) if matches!(tail, "" | "曜" | "曜日") => (head, Some(i)),
        _ => (text, None),
    }
}

fn check_weekday(date: NaiveDate, written: usize) -> Result<(), Text> {
    let actual = usize::try_from(date.weekday().num_days_from_monday()).unwrap_or(0);
    if actual == written {
        return Ok(());
    }
    let name = |i: usize| {
        let ja = WEEKDAYS_JA.get(i).copied().unwrap_or('?');
        Text::both(
            format!("{ja}曜日"),
            format!("{} ({ja})", WEEKDAYS_EN.get(i).copied().unwrap_or("?")),
        )
    };
    Err(msg!(
        "weekday-differs",
        date = date.format("%Y-%m-%d").to_string(),
        actual = name(actual),
        written = name(written)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> DateValue {
        DateValue::Day(NaiveDate::from_ymd_opt(y, m, d).expect("valid test date"))
    }

    fn err(s: &str) -> String {
        parse_date(s).expect_err(s).en().to_string()
    }

    #[test]
    fn iso_forms() {
        assert_eq!(parse_date("2023-03-31"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("2023/3/31"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("2023.3.31"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("  2023-03-31\n"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("2023年3月31日"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("西暦2023年3月31日"), Ok(day(2023, 3, 31)));
    }

    #[test]
    fn era_kanji_forms() {
        assert_eq!(parse_date("令和5年3月31日"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("令和元年5月1日"), Ok(day(2019, 5, 1)));
        assert_eq!(parse_date("平成30年4月1日"), Ok(day(2018, 4, 1)));
        assert_eq!(parse_date("昭和64年1月7日"), Ok(day(1989, 1, 7)));
        assert_eq!(parse_date("大正15年12月24日"), Ok(day(1926, 12, 24)));
        assert_eq!(parse_date("明治45年7月29日"), Ok(day(1912, 7, 29)));
        assert_eq!(parse_date("令和5年3月31"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("令和 5 年 3 月 31 日"), Ok(day(2023, 3, 31)));
    }

    #[test]
    fn era_letter_forms() {
        assert_eq!(parse_date("R5.3.31"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("R5/3/31"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("R5-3-31"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("H30.4.1"), Ok(day(2018, 4, 1)));
        assert_eq!(parse_date("r5.3.31"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("h30.4.1"), Ok(day(2018, 4, 1)));
        assert_eq!(parse_date("S64.1.7"), Ok(day(1989, 1, 7)));
        assert_eq!(parse_date("T1.8.1"), Ok(day(1912, 8, 1)));
        assert_eq!(parse_date("M45.1.1"), Ok(day(1912, 1, 1)));
        assert_eq!(parse_date("R5年3月31日"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("Reiwa5.3.31"), Ok(day(2023, 3, 31)));
    }

    #[test]
    fn full_width_input() {
        assert_eq!(parse_date("令和５年３月３１日"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("２０２３−０３−３１"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("２０２３－０３－３１"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("Ｒ５．３．３１"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("２０２３／３／３１"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("㋿5年3月31日"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("㍻30年度"), Ok(DateValue::FiscalYear(2018)));
        assert_eq!(parse_date("令和５年度"), Ok(DateValue::FiscalYear(2023)));
    }

    #[test]
    fn fiscal_years() {
        assert_eq!(parse_date("令和5年度"), Ok(DateValue::FiscalYear(2023)));
        assert_eq!(parse_date("平成30年度"), Ok(DateValue::FiscalYear(2018)));
        assert_eq!(parse_date("令和元年度"), Ok(DateValue::FiscalYear(2019)));
        assert_eq!(parse_date("R6年度"), Ok(DateValue::FiscalYear(2024)));
        assert_eq!(parse_date("2024年度"), Ok(DateValue::FiscalYear(2024)));
        assert_eq!(parse_date("FY2018"), Ok(DateValue::FiscalYear(2018)));
        assert_eq!(parse_date("fy2018"), Ok(DateValue::FiscalYear(2018)));
        // Beyond the era's end: documents written before the change of era.
        assert_eq!(parse_date("平成32年度"), Ok(DateValue::FiscalYear(2020)));
    }

    #[test]
    fn weekday_is_checked() {
        assert_eq!(parse_date("令和5年3月31日（金）"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("2023-03-31(金曜日)"), Ok(day(2023, 3, 31)));
        assert_eq!(parse_date("令和5年5月3日(水・祝)"), Ok(day(2023, 5, 3)));
        let e = err("令和5年3月31日（月）");
        assert_eq!(e, "2023-03-31 was a Friday (金), not Monday (月)");
        assert_eq!(err("令和5年度(金)"), "a fiscal year has no day of the week");
        assert!(err("令和5年3月31日(予定)").contains("unexpected `(予定)`"));
    }

    #[test]
    fn impossible_dates() {
        assert_eq!(err("令和5年13月40日"), "month 13 is out of range (1–12)");
        assert_eq!(err("令和5年0月1日"), "month 0 is out of range (1–12)");
        assert_eq!(err("令和5年3月40日"), "day 40 is out of range (1–31)");
        assert_eq!(
            err("2023-02-30"),
            "2023-02-30 is not a valid day (February 2023 has 28 days)"
        );
        assert_eq!(
            err("2024-02-30"),
            "2024-02-30 is not a valid day (February 2024 has 29 days)"
        );
        assert!(parse_date("2024-02-29").is_ok());
        assert!(err("2023-04-31").contains("April 2023 has 30 days"));
    }

    #[test]
    fn unknown_eras_and_year_zero() {
        assert!(err("慶応3年1月1日").starts_with("unknown era `慶応`"));
        assert!(err("X5.3.31").starts_with("unknown era letter `X`"));
        assert!(err("Q5年度").starts_with("unknown era letter `Q`"));
        assert!(err("令和0年1月1日").contains("era year 0 does not exist"));
        assert!(err("R0.1.1").contains("era year 0 does not exist"));
        assert!(err("0-01-01").contains("year 0 is out of range"));
        assert!(err("23-3-31").contains("write the full year"));
        assert!(err("令和150年度").contains("era year 150 is out of range"));
        assert!(err("元年5月1日").contains("needs an era name"));
    }

    #[test]
    fn garbage() {
        for s in [
            "",
            "   ",
            "hello",
            "令和",
            "未定",
            "2023",
            "令和5年",
            "2023-03",
            "2023-03-31x",
            "2023-03-31T00:00",
            "令和5年3月",
            "令和5年3",
            "R5.3.",
            "2023--03-31",
            "FY",
            "FY20",
            "99999999999-01-01",
            "R99999999999.1.1",
            "2023-99999999999-01",
            "(金)",
            ")",
            "(",
            "令和5年3月31日)",
            "令和元",
            "元",
        ] {
            assert!(parse_date(s).is_err(), "{s:?} should be rejected");
        }
        assert!(err("hello").starts_with("expected a date such as"));
        assert!(err("2023").contains("a year alone is not a date"));
        assert!(err("令和5年").contains("a year alone is not a date"));
        assert!(err("令和5年3月").contains("a month alone is not a date"));
        assert!(err("2023-03-31x").contains("unexpected `x`"));
        assert!(err("99999999999-01-01").contains("too large"));
    }

    #[test]
    fn a_day_without_its_year_says_the_year_is_missing() {
        let e = err("4月1日");
        assert_eq!(
            e,
            "the year is missing from `4月1日`; write it with the year, e.g. `令和6年4月1日`"
        );
        assert!(err("４月１日").starts_with("the year is missing"));
        assert!(err("12/31").starts_with("the year is missing from `12/31`"));
        assert!(err("23-3-31").contains("write the full year"));
    }

    #[test]
    fn a_day_after_its_era_ended_is_read_and_named() {
        assert_eq!(parse_date("平成31年5月1日"), Ok(day(2019, 5, 1)));
        let (message, same_day) = after_era_end("平成31年5月1日").unwrap();
        assert_eq!(
            message,
            "平成 ended on 30 April 2019: `平成31年5月1日` is 令和元年5月1日"
        );
        assert_eq!(same_day, "令和元年5月1日");
        assert_eq!(after_era_end("H31.5.1").unwrap().1, "令和元年5月1日");
        assert_eq!(after_era_end("昭和64年1月8日").unwrap().1, "平成元年1月8日");
        for fine in [
            "平成31年4月30日",
            "令和元年5月1日",
            "2019-05-01",
            "平成32年度",
            "x",
        ] {
            assert_eq!(after_era_end(fine), None, "{fine}");
        }
    }

    #[test]
    fn displays() {
        let d = day(2023, 3, 31);
        assert_eq!(d.iso(), "2023-03-31");
        assert_eq!(d.display_ja(), "令和5年3月31日");
        assert_eq!(d.display_en(), "31 March 2023");
        assert_eq!(day(2019, 5, 1).display_ja(), "令和元年5月1日");
        assert_eq!(day(2019, 4, 30).display_ja(), "平成31年4月30日");
        assert_eq!(day(1989, 1, 7).display_ja(), "昭和64年1月7日");
        assert_eq!(day(1989, 1, 8).display_ja(), "平成元年1月8日");
        assert_eq!(day(1850, 1, 2).display_ja(), "1850年1月2日");
        assert_eq!(day(2024, 1, 5).iso(), "2024-01-05");
        assert_eq!(day(2024, 1, 5).display_en(), "5 January 2024");

        let fy = DateValue::FiscalYear(2018);
        assert_eq!(fy.iso(), "FY2018");
        assert_eq!(fy.display_ja(), "平成30年度");
        assert_eq!(fy.display_en(), "FY2018");
        assert_eq!(DateValue::FiscalYear(2019).display_ja(), "令和元年度");
        assert_eq!(DateValue::FiscalYear(2020).display_ja(), "令和2年度");
        assert_eq!(DateValue::FiscalYear(1989).display_ja(), "平成元年度");
        assert_eq!(DateValue::FiscalYear(1800).display_ja(), "1800年度");
    }

    #[test]
    fn display_round_trips() {
        for v in [
            day(2023, 3, 31),
            day(2019, 5, 1),
            day(2019, 4, 30),
            day(1926, 12, 25),
            DateValue::FiscalYear(2018),
            DateValue::FiscalYear(2019),
        ] {
            assert_eq!(parse_date(&v.iso()), Ok(v), "{}", v.iso());
            assert_eq!(parse_date(&v.display_ja()), Ok(v), "{}", v.display_ja());
        }
    }

    #[test]
    fn sort_keys() {
        assert_eq!(
            DateValue::FiscalYear(2018).sort_key(),
            NaiveDate::from_ymd_opt(2018, 4, 1).expect("valid")
        );
        assert_eq!(
            day(2023, 3, 31).sort_key(),
            NaiveDate::from_ymd_opt(2023, 3, 31).expect("valid")
        );
        assert_eq!(DateValue::FiscalYear(i32::MAX).sort_key(), NaiveDate::MAX);
        assert_eq!(DateValue::FiscalYear(i32::MIN).sort_key(), NaiveDate::MIN);
        let mut v = [
            DateValue::FiscalYear(2023),
            day(2023, 3, 31),
            day(2023, 4, 2),
        ];
        v.sort_by_key(DateValue::sort_key);
        assert_eq!(
            v,
            [
                day(2023, 3, 31),
                DateValue::FiscalYear(2023),
                day(2023, 4, 2)
            ]
        );
    }

    #[test]
    fn era_conversion() {
        assert_eq!(era_year_to_gregorian(Era::Meiji, 1), 1868);
        assert_eq!(era_year_to_gregorian(Era::Taisho, 1), 1912);
        assert_eq!(era_year_to_gregorian(Era::Showa, 1), 1926);
        assert_eq!(era_year_to_gregorian(Era::Heisei, 1), 1989);
        assert_eq!(era_year_to_gregorian(Era::Reiwa, 1), 2019);
        assert_eq!(era_year_to_gregorian(Era::Reiwa, 5), 2023);
        assert_eq!(era_year_to_gregorian(Era::Heisei, 32), 2020);
        assert_eq!(era_year_to_gregorian(Era::Reiwa, u32::MAX), i32::MAX);
        assert_eq!(era_year_to_gregorian(Era::Reiwa, 0), 2018);
        assert_eq!(Era::from_prefix("r"), Some(Era::Reiwa));
        assert_eq!(Era::from_prefix("HEISEI"), Some(Era::Heisei));
        assert_eq!(Era::from_prefix("令"), None);
    }

    #[test]
    fn fiscal_year_parser() {
        assert_eq!(parse_fiscal_year("R6"), Ok(2024));
        assert_eq!(parse_fiscal_year("r6"), Ok(2024));
        assert_eq!(parse_fiscal_year("R6年度"), Ok(2024));
        assert_eq!(parse_fiscal_year("令和6年度"), Ok(2024));
        assert_eq!(parse_fiscal_year("令和元年度"), Ok(2019));
        assert_eq!(parse_fiscal_year("平成30年度"), Ok(2018));
        assert_eq!(parse_fiscal_year("平成32年度"), Ok(2020));
        assert_eq!(parse_fiscal_year("2024年度"), Ok(2024));
        assert_eq!(parse_fiscal_year("２０２４年度"), Ok(2024));
        assert_eq!(parse_fiscal_year("FY2024"), Ok(2024));
        assert_eq!(parse_fiscal_year("FY 2024"), Ok(2024));
        assert_eq!(parse_fiscal_year("2024"), Ok(2024));
        assert!(parse_fiscal_year("")
            .expect_err("empty")
            .starts_with("expected a fiscal year"));
        assert!(parse_fiscal_year("令和6年")
            .expect_err("calendar")
            .contains("write `令和6年度`"));
        assert!(parse_fiscal_year("R0").is_err());
        assert!(parse_fiscal_year("24年度").is_err());
        assert!(parse_fiscal_year("令和6年度4月").is_err());
        assert!(parse_fiscal_year("2024-04-01").is_err());
        assert!(parse_fiscal_year("Z6").is_err());
    }

    #[test]
    fn never_panics_on_odd_input() {
        let odd = [
            "\u{0}",
            "🙂",
            "令和🙂年",
            "R",
            "R.",
            "R5..",
            "RR5.1.1",
            "年度",
            "FY年度",
            "元年度",
            "((((",
            "(金",
            "金)",
            "()",
            "(祝)",
            "2023-03-31(・祝)",
            "ー",
            "−−−",
            "9".repeat(400).as_str(),
        ]
        .map(str::to_string);
        for s in odd {
            let _ = parse_date(&s);
            let _ = parse_fiscal_year(&s);
        }
    }
}
