//! Date input and display: ISO dates, periods (`Q3 2027`, `FY2027`), `later`, and short
//! forms relative to today (`+2w`, `fri`, `eom`). One grammar for forms, quick capture,
//! import and the CLI.

use super::horizon::{Horizon, end_of_month, end_of_week, end_of_year};
use super::periods::{Period, iso_day, parse_period};
use super::target::{Calendar, Span, Target};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use thiserror::Error;

/// A date the user typed that could not be understood.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    /// Not a form the grammar knows.
    #[error(
        "'{0}' is not a date: use 2027-03-31, +2w, fri, eom, next-month, March 2027, Q3 2027 or 2027"
    )]
    Unknown(String),
    /// Day-first and month-first both make a date: the text and both readings.
    #[error(
        "'{0}' could be {d1} (day first) or {d2} (month first): write {1} or {2}, or set the day order in the roadmap settings (,)",
        d1 = .1.format("%-d %b %Y"), d2 = .2.format("%-d %b %Y")
    )]
    Ambiguous(String, NaiveDate, NaiveDate),
    /// `later` where a day is needed.
    #[error("'{0}' leaves it unscheduled: this needs a date")]
    Unscheduled(String),
}

/// The short forms accepted by [`parse_target`], for help text.
pub const DATE_FORMS_HELP: &str = "2027-03-31 · 31.12.2026 · 31/03/2027 · today · +3d +2w +1m +1y · fri, next thursday · eow eom eoy · now next-week next-month next-year · March 2027, 2027-03, Q3 2027, H2 2027, 2027, FY2027, end of March, Q2 (kept as written, due at the period's end) · later (no date yet)";

/// Parses what a user typed into a date field, relative to `today`, reading `3/4/2027` as
/// nothing (ambiguous) and FY as the calendar year. A period gives its last day.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    parse_date_in(input, today, &Calendar::default())
}

/// [`parse_date`] with the roadmap's calendar settings.
pub fn parse_date_in(
    input: &str,
    today: NaiveDate,
    cal: &Calendar,
) -> Result<NaiveDate, DateError> {
    parse_target(input, today, cal)?
        .due()
        .ok_or_else(|| DateError::Unscheduled(input.trim().to_string()))
}

/// Parses what a user typed as an initiative's target, relative to `today`: a day, a
/// period kept as written (`Q3 2027`, `FY2027`, `Q2` for the next one not yet over), or
/// `later`.
///
/// Weekday names mean the next such day after today (`fri` on a Friday is a week later).
pub fn parse_target(input: &str, today: NaiveDate, cal: &Calendar) -> Result<Target, DateError> {
    // The file form first (`FY2027 ends 2027-03-31`, as exports write it).
    if let Ok(target) = input.parse::<Target>() {
        return Ok(target);
    }
    let text = input
        .trim()
        .to_ascii_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    let fail = || DateError::Unknown(input.trim().to_string());
    if let Some(date) = iso_day(&text) {
        return Ok(Target::day(date));
    }
    if matches!(text.as_str(), "later" | "unscheduled" | "no-date" | "tbd") {
        return Ok(Target::Later);
    }
    match parse_period(&text, cal.day_order) {
        Period::Due(day, span) => return Ok(Target::Due { day, span }),
        Period::Ambiguous(d, m) => {
            return Err(DateError::Ambiguous(input.trim().to_string(), d, m));
        }
        Period::NotPeriod => {}
    }
    if let Some(target) = fiscal_year(&text, cal).or_else(|| coming_period(&text, today)) {
        return Ok(target);
    }
    if let Some(day) = parse_day(&text, today) {
        return Ok(Target::day(day));
    }
    // A day as the app shows it, `Thu 31 Dec 2026`: the weekday must be that day's.
    let (weekday, rest) = text.split_once('-').ok_or_else(fail)?;
    let weekday: Weekday = weekday.parse().map_err(|_| fail())?;
    let day = iso_day(rest)
        .or_else(|| day_month_year(rest))
        .or_else(|| day_month_next(rest, today))
        .ok_or_else(fail)?;
    if day.weekday() != weekday {
        return Err(DateError::Unknown(format!(
            "{} ({} is a {})",
            input.trim(),
            day.format("%-d %b %Y"),
            day.format("%A")
        )));
    }
    Ok(Target::day(day))
}

/// `31 dec`, `4 march` (joined by `-`): that day this year, or next year when it has passed.
fn day_month_next(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let (day, month) = text.split_once('-')?;
    [today.year(), today.year() + 1]
        .into_iter()
        .filter_map(|year| day_month_year(&format!("{day}-{month}-{year}")))
        .find(|d| *d >= today)
}

/// `fy2027`, `fy-2027`, `fy27`: the fiscal year ending in that year.
fn fiscal_year(text: &str, cal: &Calendar) -> Option<Target> {
    let digits = text.strip_prefix("fy")?.trim_start_matches('-');
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = match digits.len() {
        2 => 2000 + digits.parse::<i32>().ok()?,
        4 => digits.parse().ok().filter(|y| (1900..=9999).contains(y))?,
        _ => return None,
    };
    let day = cal.fiscal_year_end(year)?;
    Some(Target::Due {
        day,
        span: Span::FiscalYear,
    })
}

/// `q2`, `h2`, `march`, `end-of-march`: the next such period that is not over yet.
fn coming_period(text: &str, today: NaiveDate) -> Option<Target> {
    let name = text.strip_prefix("end-of-").unwrap_or(text);
    // A bare number (`12`) is no period: `12` alone is not December.
    if name.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    [today.year(), today.year() + 1]
        .into_iter()
        .find_map(
            |year| match parse_period(&format!("{name}-{year}"), Default::default()) {
                Period::Due(day, span) if day >= today && span != Span::Year => {
                    Some(Target::Due { day, span })
                }
                _ => None,
            },
        )
}

/// The forms that name one day: `4 mar 2027`, `today`, `eom`, `fri`, `+2w`.
fn parse_day(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    if let Some(date) = day_month_year(text).or_else(|| day_month_next(text, today)) {
        return Some(date);
    }
    let named = match text {
        "today" | "tod" => Some(today),
        "tomorrow" | "tom" => today.succ_opt(),
        "eow" => Some(end_of_week(today)),
        "eom" => Some(end_of_month(today)),
        "eoy" => Some(end_of_year(today)),
        "now" => Some(Horizon::Now.window_end(today)),
        "next-week" | "nw" | "eonw" => Some(Horizon::NextWeek.window_end(today)),
        "next-month" | "nm" | "eonm" => Some(Horizon::NextMonth.window_end(today)),
        "next-year" | "ny" => Some(Horizon::NextYear.window_end(today)),
        _ => None,
    };
    if named.is_some() {
        return named;
    }
    let weekday_text = text.strip_prefix("next-").unwrap_or(text);
    if let Ok(weekday) = weekday_text.parse::<Weekday>() {
        let ahead =
            (7 + weekday.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
        let ahead = if ahead == 0 { 7 } else { ahead };
        return today.checked_add_days(Days::new(u64::from(ahead)));
    }
    parse_offset(text, today)
}

/// `4 mar 2027`, `4 march 2027` (joined by `-`): a day with a month name.
fn day_month_year(text: &str) -> Option<NaiveDate> {
    let [day, month, year] = text.split('-').collect::<Vec<_>>()[..] else {
        return None;
    };
    // The month by name: `04-03-2027` could be either order, as `04/03/2027` could.
    if day.len() > 2 || year.len() != 4 || month.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let month = match parse_period(&format!("{month}-{year}"), Default::default()) {
        Period::Due(end, Span::Month) => end.month(),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?)
}

/// `+3d`, `-2w`, `+1m`, `+1y` (sign optional for `+`).
fn parse_offset(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let (negative, rest) = match text.as_bytes().first()? {
        b'+' => (false, &text[1..]),
        b'-' => (true, &text[1..]),
        _ => (false, text),
    };
    let unit = rest.chars().last()?;
    let amount: u32 = rest[..rest.len() - unit.len_utf8()].parse().ok()?;
    let days = |n: u32| Days::new(u64::from(n));
    let months = |n: u32| Months::new(n);
    match (unit, negative) {
        ('d', false) => today.checked_add_days(days(amount)),
        ('d', true) => today.checked_sub_days(days(amount)),
        ('w', false) => today.checked_add_days(days(amount.checked_mul(7)?)),
        ('w', true) => today.checked_sub_days(days(amount.checked_mul(7)?)),
        ('m', false) => today.checked_add_months(months(amount)),
        ('m', true) => today.checked_sub_months(months(amount)),
        ('y', false) => today.checked_add_months(months(amount.checked_mul(12)?)),
        ('y', true) => today.checked_sub_months(months(amount.checked_mul(12)?)),
        _ => None,
    }
}

/// True when a date is twelve months or more from today: cards then show its year.
pub fn is_far(date: NaiveDate, today: NaiveDate) -> bool {
    date >= Horizon::NextYear.window_end(today)
}

/// A compact date for cards: `Fri 27 Nov`, `Nov 2028` when twelve months or more away, or
/// `27 Nov 2025` when it passed in an earlier year.
pub fn short_date(date: NaiveDate, today: NaiveDate) -> String {
    use chrono::Datelike;
    if is_far(date, today) {
        date.format("%b %Y").to_string()
    } else if date < today && date.year() != today.year() {
        day_month(date, today)
    } else {
        date.format("%a %-d %b").to_string()
    }
}

/// The shortest card date: `27 Nov`, `Nov 2028` when twelve months or more away, or
/// `27 Nov 2025` when it passed in an earlier year.
pub fn compact_date(date: NaiveDate, today: NaiveDate) -> String {
    if is_far(date, today) {
        date.format("%b %Y").to_string()
    } else if date < today {
        day_month(date, today)
    } else {
        date.format("%-d %b").to_string()
    }
}

/// A day in running text: `31 Jan`, with its year when that is not the current one
/// (`1 Mar 2027` read in 2028): every view and export names dates this way, so a past date
/// can never pass for this year's.
pub fn day_month(date: NaiveDate, today: NaiveDate) -> String {
    use chrono::Datelike;
    if date.year() == today.year() {
        date.format("%-d %b").to_string()
    } else {
        date.format("%-d %b %Y").to_string()
    }
}

/// A full date for details and forms: `Fri 27 Nov 2026`.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// Whole days between two dates (positive when `later` is after `earlier`).
pub fn days_between(earlier: NaiveDate, later: NaiveDate) -> i64 {
    (later - earlier).num_days()
}

/// ISO week number of `date`.
pub fn iso_week(date: NaiveDate) -> u32 {
    date.iso_week().week()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const SUNDAY: &str = "2026-11-22";

    #[test]
    fn iso_and_relative_forms() {
        let today = d(SUNDAY);
        let cases = [
            ("2027-03-31", "2027-03-31"),
            ("  today ", SUNDAY),
            ("tomorrow", "2026-11-23"),
            ("+3d", "2026-11-25"),
            ("3d", "2026-11-25"),
            ("-3d", "2026-11-19"),
            ("+2w", "2026-12-06"),
            ("+1m", "2026-12-22"),
            ("+1y", "2027-11-22"),
            ("eow", SUNDAY),
            ("eom", "2026-11-30"),
            ("eoy", "2026-12-31"),
            ("next-week", "2026-11-29"),
            ("next-month", "2026-12-31"),
            ("NM", "2026-12-31"),
            ("next  month", "2026-12-31"),
            ("fri", "2026-11-27"),
            ("Sunday", "2026-11-29"),
            ("next thursday", "2026-11-26"),
            ("March 2027", "2027-03-31"),
            ("Q3 2027", "2027-09-30"),
            ("h1 2027", "2027-06-30"),
            ("2027", "2027-12-31"),
            ("2027-03", "2027-03-31"),
            ("31.12.2026", "2026-12-31"),
            ("31/03/2027", "2027-03-31"),
            ("4 Mar 2027", "2027-03-04"),
            ("15 september 2027", "2027-09-15"),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input, today), Ok(d(want)), "{input}");
        }
    }

    #[test]
    fn month_offsets_clamp_to_month_end() {
        assert_eq!(parse_date("+1m", d("2027-01-31")), Ok(d("2027-02-28")));
        assert_eq!(parse_date("+1m", d("2028-01-31")), Ok(d("2028-02-29")));
    }

    #[test]
    fn a_day_as_the_app_shows_it_reads_back() {
        let today = d(SUNDAY);
        let next = |s: &str| parse_date(s, today).unwrap();
        assert_eq!(next("31 Dec"), d("2026-12-31"));
        assert_eq!(
            next("1 jan"),
            d("2027-01-01"),
            "passed this year: next year's"
        );
        assert_eq!(next("Thu 31 Dec 2026"), d("2026-12-31"));
        assert_eq!(next("thu 31 dec"), d("2026-12-31"));
        let wrong = parse_date("Fri 31 Dec 2026", today)
            .unwrap_err()
            .to_string();
        assert!(wrong.contains("31 Dec 2026 is a Thursday"), "{wrong}");
    }

    #[test]
    fn nonsense_is_rejected_with_the_input_named() {
        for bad in [
            "",
            "2027-02-30",
            "+",
            "+3x",
            "fri day",
            "+99999999999d",
            "+4294967295y",
            "Q5 2027",
            "31 Feb 2027",
            "3/4/2027",
            "04-03-2027",
            "27-03-31",
            "Été 2027",
        ] {
            let err = parse_date(bad, d(SUNDAY)).unwrap_err();
            assert!(err.to_string().contains(bad.trim()), "{err}");
        }
    }

    #[test]
    fn short_dates_show_the_year_only_far_out() {
        let today = d(SUNDAY);
        assert_eq!(short_date(d("2026-11-27"), today), "Fri 27 Nov");
        assert_eq!(short_date(d("2027-11-21"), today), "Sun 21 Nov");
        assert_eq!(
            short_date(d("2027-11-22"), today),
            "Nov 2027",
            "a year out is not today"
        );
        assert_eq!(compact_date(d("2026-11-27"), today), "27 Nov");
        assert_eq!(compact_date(d("2028-01-02"), today), "Jan 2028");
        assert_eq!(long_date(d("2026-11-27")), "Fri 27 Nov 2026");
    }
}
