//! Dates written as people write them in plans: a month (`March 2027`, `Mar 2027`,
//! `2027-03`), a quarter (`Q3 2027`), a half (`H2 2027`), a year (`2027`), or a day in the
//! European forms `31.12.2026` and `31/03/2027`. A period is due at its last day, and says
//! which kind of period it was ([`Span`]) so a target can keep it. Also how `3/4/2027` reads
//! ([`DayOrder`]) and the strict ISO day, which every date form starts from.

use super::horizon::end_of_month;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How precisely a target was promised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Span {
    /// A day.
    Day,
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// A calendar half year.
    Half,
    /// A calendar year.
    Year,
    /// A fiscal year, named by the calendar year it ends in.
    FiscalYear,
}

/// How `3/4/2027` reads: the roadmap's setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DayOrder {
    /// Refuse a date that reads both ways, naming both readings.
    #[default]
    Either,
    /// `3/4/2027` is 3 April.
    DayFirst,
    /// `3/4/2027` is 4 March.
    MonthFirst,
}

impl DayOrder {
    /// Every order, in the order the settings form offers them.
    pub const ALL: [DayOrder; 3] = [DayOrder::Either, DayOrder::DayFirst, DayOrder::MonthFirst];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            DayOrder::Either => "ask (refuse 3/4/2027)",
            DayOrder::DayFirst => "day first (31/03/2027)",
            DayOrder::MonthFirst => "month first (03/31/2027)",
        }
    }
}

/// ISO with a year of four digits or more (`+262142-12-31` at the calendar's end): chrono's
/// %Y alone would read `27-03-31` as the year 27.
pub(super) fn iso_day(text: &str) -> Option<NaiveDate> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let year_digits = unsigned.bytes().take_while(u8::is_ascii_digit).count();
    let iso = year_digits >= 4 && unsigned.as_bytes().get(year_digits) == Some(&b'-');
    iso.then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())?
}

/// What [`parse_period`] makes of a text (already lower-case, words joined by `-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Period {
    /// A day, or the last day of a period of that span.
    Due(NaiveDate, Span),
    /// A day-first or month-first date that could be either (`3/4/2027`): both readings.
    Ambiguous(NaiveDate, NaiveDate),
    /// Not a period form.
    NotPeriod,
}

/// Parses a period or a dotted/slashed day, reading `3/4/2027` in `order`. Years run
/// 1900–9999.
pub fn parse_period(text: &str, order: DayOrder) -> Period {
    if let Some(day) = numeric_day(text, order) {
        return day;
    }
    let parts: Vec<&str> = text.split('-').filter(|p| !p.is_empty()).collect();
    let due = match parts.as_slice() {
        [year] => year_of(year)
            .and_then(|y| last_day(y, 12))
            .map(|d| (d, Span::Year)),
        [a, b] => two_parts(a, b).or_else(|| two_parts(b, a)),
        _ => None,
    };
    due.map_or(Period::NotPeriod, |(day, span)| Period::Due(day, span))
}

/// `2027-03`, `march-2027`, `q3-2027`, `h2-2027` (and the year first or last).
fn two_parts(year: &str, part: &str) -> Option<(NaiveDate, Span)> {
    let year = year_of(year)?;
    let month = |m| last_day(year, m).map(|d| (d, Span::Month));
    if let Some(m) = month_named(part) {
        return month(m);
    }
    if part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()) {
        let m: u32 = part.parse().ok()?;
        return (1..=12).contains(&m).then(|| month(m))?;
    }
    if let Some(n) = part.strip_prefix('q') {
        let n: u32 = n.parse().ok().filter(|n| (1..=4).contains(n))?;
        return last_day(year, n * 3).map(|d| (d, Span::Quarter));
    }
    let n: u32 = part
        .strip_prefix('h')?
        .parse()
        .ok()
        .filter(|n| (1..=2).contains(n))?;
    last_day(year, n * 6).map(|d| (d, Span::Half))
}

pub(super) fn year_of(text: &str) -> Option<i32> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|y| (1900..=9999).contains(y))
}

fn month_named(text: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let text = text.trim_end_matches('.');
    if text.len() < 3 {
        return None;
    }
    let at = MONTHS
        .iter()
        .position(|m| *m == text || (text.len() <= 4 && m.starts_with(text)))?;
    u32::try_from(at + 1).ok()
}

pub(super) fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1).map(end_of_month)
}

/// `31.12.2026` (day first), `31/03/2027` or `3/31/2027` (whichever order makes a date;
/// when both do, `order` decides, and without one it is ambiguous unless day and month are
/// equal).
fn numeric_day(text: &str, order: DayOrder) -> Option<Period> {
    let separator = if text.contains('.') { '.' } else { '/' };
    let parts: Vec<&str> = text.split(separator).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())?
    };
    let (a, b, year) = (number(a)?, number(b)?, year_of(y)?);
    let day = |d| Period::Due(d, Span::Day);
    let day_first = NaiveDate::from_ymd_opt(year, b, a);
    if separator == '.' {
        return Some(day_first.map_or(Period::NotPeriod, day));
    }
    let month_first = NaiveDate::from_ymd_opt(year, a, b);
    Some(match (day_first, month_first) {
        (Some(d), Some(m)) if d != m => match order {
            DayOrder::DayFirst => day(d),
            DayOrder::MonthFirst => day(m),
            DayOrder::Either => Period::Ambiguous(d, m),
        },
        (Some(d), _) | (None, Some(d)) => day(d),
        (None, None) => Period::NotPeriod,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Period {
        parse_period(text, DayOrder::Either)
    }

    fn due(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn periods_are_due_on_their_last_day() {
        let cases = [
            ("2027", "2027-12-31"),
            ("2027-03", "2027-03-31"),
            ("2028-02", "2028-02-29"),
            ("march-2027", "2027-03-31"),
            ("mar-2027", "2027-03-31"),
            ("sept-2027", "2027-09-30"),
            ("2027-june", "2027-06-30"),
            ("q1-2027", "2027-03-31"),
            ("q3-2027", "2027-09-30"),
            ("2027-q4", "2027-12-31"),
            ("h1-2027", "2027-06-30"),
            ("h2-2027", "2027-12-31"),
            ("31.12.2026", "2026-12-31"),
            ("1.2.2027", "2027-02-01"),
            ("31/03/2027", "2027-03-31"),
            ("3/31/2027", "2027-03-31"),
            ("4/4/2027", "2027-04-04"),
        ];
        for (text, want) in cases {
            let Period::Due(day, _) = parse(text) else {
                panic!("{text} is not a period");
            };
            assert_eq!(day, due(want), "{text}");
        }
    }

    #[test]
    fn a_period_says_which_kind_it_is() {
        let cases = [
            ("2027", Span::Year),
            ("2027-03", Span::Month),
            ("mar-2027", Span::Month),
            ("q3-2027", Span::Quarter),
            ("h2-2027", Span::Half),
            ("31.12.2026", Span::Day),
            ("31/03/2027", Span::Day),
        ];
        for (text, want) in cases {
            assert!(
                matches!(parse(text), Period::Due(_, s) if s == want),
                "{text}"
            );
        }
    }

    #[test]
    fn day_or_month_first_is_refused_when_both_make_a_date_unless_the_order_is_set() {
        assert_eq!(
            parse("3/4/2027"),
            Period::Ambiguous(due("2027-04-03"), due("2027-03-04"))
        );
        assert!(matches!(parse("12/11/2027"), Period::Ambiguous(..)));
        let day_first = parse_period("3/4/2027", DayOrder::DayFirst);
        assert_eq!(day_first, Period::Due(due("2027-04-03"), Span::Day));
        let month_first = parse_period("3/4/2027", DayOrder::MonthFirst);
        assert_eq!(month_first, Period::Due(due("2027-03-04"), Span::Day));
        let unambiguous = parse_period("3/31/2027", DayOrder::DayFirst);
        assert_eq!(unambiguous, Period::Due(due("2027-03-31"), Span::Day));
    }

    #[test]
    fn other_text_is_not_a_period() {
        for text in [
            "q5-2027",
            "h3-2027",
            "2027-13",
            "ma-2027",
            "march",
            "27",
            "99999",
            "31.13.2026",
            "32/13/2027",
            "été-2027",
            "2027-→",
            "1/2",
            "+3d",
            "fri",
            "2027-03-31-x",
            "0999",
        ] {
            assert_eq!(parse(text), Period::NotPeriod, "{text}");
        }
    }
}
