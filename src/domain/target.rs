//! When an initiative is due (since version 4): a day, a period kept as it was promised
//! (`Q3 2027` is due on 30 Sep 2027 and shown as Q3 2027), or not scheduled yet (`later`).
//! The file stores it as text: `2027-03-31`, `2027-03`, `Q3 2027`, `H2 2027`, `2027`,
//! `FY2027 ends 2027-03-31`, `later`. Also the roadmap's calendar settings that reading dates
//! depends on: the fiscal year's first month and the order of day and month in `3/4/2027`.

use super::horizon::Horizon;
pub use super::periods::{DayOrder, Span};
use super::periods::{Period, iso_day, last_day, parse_period, year_of};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// When an initiative is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// Due on `day`: the day itself, or the last day of the period `span` names.
    Due {
        /// The day it is due (a period's last day).
        day: NaiveDate,
        /// What was promised: a day or a period ending on `day`.
        span: Span,
    },
    /// Not scheduled yet.
    Later,
}

impl Target {
    /// Due on a day.
    pub fn day(day: NaiveDate) -> Self {
        Target::Due {
            day,
            span: Span::Day,
        }
    }

    /// The day it is due, None when it is not scheduled.
    pub fn due(&self) -> Option<NaiveDate> {
        match self {
            Target::Due { day, .. } => Some(*day),
            Target::Later => None,
        }
    }

    /// True when it is not scheduled yet.
    pub fn is_later(&self) -> bool {
        matches!(self, Target::Later)
    }

    /// True when its day is before `today` (never for unscheduled work).
    pub fn is_before(&self, today: NaiveDate) -> bool {
        self.due().is_some_and(|d| d < today)
    }

    /// True when it is due after `day`, or not scheduled.
    pub fn is_after(&self, day: NaiveDate) -> bool {
        self.due().is_none_or(|d| d > day)
    }

    /// The period as promised when it is not a day: `Q3 2027`, `March 2027`, `H2 2027`,
    /// `2027`, `FY2027`; `no date` when unscheduled.
    pub fn period(&self) -> Option<String> {
        let Target::Due { day, span } = *self else {
            return Some("no date".into());
        };
        let year = day.year();
        Some(match span {
            Span::Day => return None,
            Span::Month => day.format("%B %Y").to_string(),
            Span::Quarter => format!("Q{} {year}", day.month().div_ceil(3)),
            Span::Half => format!("H{} {year}", day.month().div_ceil(6)),
            Span::Year => year.to_string(),
            Span::FiscalYear => format!("FY{year}"),
        })
    }

    /// The target in words: the period as promised, else `format` applied to the day.
    pub fn label(&self, format: impl FnOnce(NaiveDate) -> String) -> String {
        match (self.period(), self.due()) {
            (Some(period), _) => period,
            (None, day) => day.map(format).unwrap_or_default(),
        }
    }

    /// The target in running text: `Q3 2027`, `no date`, or the day as `30 Sep 2027`.
    pub fn in_words(&self) -> String {
        self.label(|d| d.format("%-d %b %Y").to_string())
    }

    /// The target in words with its day when it is a period: `Q3 2027 (due 30 Sep 2027)`.
    pub fn label_with_day(&self, format: impl FnOnce(NaiveDate) -> String) -> String {
        match (self.period(), self.due()) {
            (Some(period), Some(day)) => format!("{period} (due {})", format(day)),
            (Some(period), None) => period,
            (None, day) => day.map(format).unwrap_or_default(),
        }
    }

    /// True when this target is due after `other`: a later day, or unscheduled where `other`
    /// has a day. A period ending on the same day as a day is not later (it is the same
    /// promise, held less precisely).
    pub fn is_later_than(&self, other: &Target) -> bool {
        match (self.due(), other.due()) {
            (None, Some(_)) => true,
            (Some(a), Some(b)) => a > b,
            _ => false,
        }
    }

    /// The target as a person types it, reading back to the same target under `cal`:
    /// `2027-03-31`, `March 2027`, `Q3 2027`, `FY2028` (the file form for a fiscal year the
    /// settings no longer give), `later`.
    pub fn typed(&self, cal: &Calendar) -> String {
        match *self {
            Target::Due {
                day,
                span: Span::FiscalYear,
            } if cal.fiscal_year_end(day.year()) == Some(day) => format!("FY{}", day.year()),
            Target::Due {
                span: Span::Day | Span::FiscalYear,
                ..
            }
            | Target::Later => self.to_string(),
            _ => self.period().unwrap_or_default(),
        }
    }

    /// Days from this target's day to `other`'s (None when either is unscheduled).
    pub fn days_to(&self, other: &Target) -> Option<i64> {
        Some((other.due()? - self.due()?).num_days())
    }

    /// Its horizon relative to `today`: unscheduled work is beyond next month, in Next year.
    pub fn horizon(&self, today: NaiveDate) -> Horizon {
        self.due()
            .map_or(Horizon::NextYear, |day| Horizon::of(day, today))
    }

    fn sort_key(&self) -> (NaiveDate, Option<Span>) {
        match self {
            Target::Due { day, span } => (*day, Some(*span)),
            Target::Later => (NaiveDate::MAX, None),
        }
    }
}

/// Earlier first; a day before a period ending on it (the day is the sharper promise);
/// unscheduled work last. Moving to `later` is a move later, scheduling it a move earlier.
impl Ord for Target {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (self.sort_key(), other.sort_key());
        match (a.1, b.1) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Greater,
            (Some(_), None) => Ordering::Less,
            (Some(x), Some(y)) => a.0.cmp(&b.0).then(x.cmp(&y)),
        }
    }
}

impl PartialOrd for Target {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The file form: `2027-03-31`, `2027-03`, `Q3 2027`, `H2 2027`, `2027`,
/// `FY2027 ends 2027-03-31`, `later`.
impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Target::Due { day, span } = *self else {
            return f.write_str("later");
        };
        match span {
            Span::Day => write!(f, "{day}"),
            Span::Month => write!(f, "{}", day.format("%Y-%m")),
            Span::FiscalYear => write!(f, "FY{} ends {}", day.year(), day.format("%Y-%m-%d")),
            _ => f.write_str(&self.period().unwrap_or_default()),
        }
    }
}

/// A target text that is not in the file form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadTarget(pub String);

impl fmt::Display for BadTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shape: String = self
            .0
            .chars()
            .map(|c| if c.is_ascii_digit() { '9' } else { c })
            .collect();
        if shape == "9999-99-99" {
            return write!(f, "'{}' is not a valid date", self.0);
        }
        write!(
            f,
            "'{}' is not a target: write 2027-03-31, 2027-03, Q3 2027, H2 2027, 2027, \
             FY2027 ends 2027-03-31 or later",
            self.0
        )
    }
}

impl std::str::FromStr for Target {
    type Err = BadTarget;

    /// Reads the file form (and nothing relative to a day: the file means the same any day).
    fn from_str(text: &str) -> Result<Self, BadTarget> {
        let bad = || BadTarget(text.to_string());
        let normal = text.trim().to_ascii_lowercase().replace(' ', "-");
        if normal == "later" {
            return Ok(Target::Later);
        }
        if let Some(rest) = normal.strip_prefix("fy") {
            let (year, ends) = rest.split_once("-ends-").ok_or_else(bad)?;
            let day: NaiveDate = ends.parse().map_err(|_| bad())?;
            let named = year_of(year).ok_or_else(bad)?;
            let last = last_day(day.year(), day.month()) == Some(day);
            return (named == day.year() && last)
                .then_some(Target::Due {
                    day,
                    span: Span::FiscalYear,
                })
                .ok_or_else(bad);
        }
        if let Some(day) = iso_day(&normal) {
            return Ok(Target::day(day));
        }
        match parse_period(&normal, DayOrder::Either) {
            Period::Due(day, span) if span != Span::Day => Ok(Target::Due { day, span }),
            _ => Err(bad()),
        }
    }
}

impl Serialize for Target {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The roadmap's calendar settings (since version 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Calendar {
    /// The fiscal year's first month, 1 (January) to 12. FY2027 is the fiscal year that
    /// ends in 2027: starting in April, it runs from April 2026 to March 2027.
    pub fiscal_year_start: u32,
    /// How `3/4/2027` reads.
    pub day_order: DayOrder,
}

impl Default for Calendar {
    fn default() -> Self {
        Self {
            fiscal_year_start: 1,
            day_order: DayOrder::Either,
        }
    }
}

impl Calendar {
    /// True for the settings a new roadmap has (not written to the file).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }

    /// The last day of fiscal year `year` (the one ending in `year`).
    pub fn fiscal_year_end(&self, year: i32) -> Option<NaiveDate> {
        match self.fiscal_year_start {
            2..=12 => last_day(year, self.fiscal_year_start - 1),
            _ => last_day(year, 12),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn every_target_reads_back_from_its_file_form() {
        let april = Calendar {
            fiscal_year_start: 4,
            ..Calendar::default()
        };
        let targets = [
            Target::day(d("2027-03-31")),
            Target::Due {
                day: d("2027-03-31"),
                span: Span::Month,
            },
            Target::Due {
                day: d("2027-09-30"),
                span: Span::Quarter,
            },
            Target::Due {
                day: d("2027-12-31"),
                span: Span::Half,
            },
            Target::Due {
                day: d("2027-12-31"),
                span: Span::Year,
            },
            Target::Due {
                day: april.fiscal_year_end(2027).unwrap(),
                span: Span::FiscalYear,
            },
            Target::Later,
        ];
        let texts = [
            "2027-03-31",
            "2027-03",
            "Q3 2027",
            "H2 2027",
            "2027",
            "FY2027 ends 2027-03-31",
            "later",
        ];
        for (target, text) in targets.iter().zip(texts) {
            assert_eq!(target.to_string(), text);
            assert_eq!(text.parse::<Target>().as_ref(), Ok(target), "{text}");
        }
    }

    #[test]
    fn a_period_is_shown_as_promised_and_due_on_its_last_day() {
        let q3: Target = "Q3 2027".parse().unwrap();
        assert_eq!(q3.due(), Some(d("2027-09-30")));
        assert_eq!(q3.label(|d| d.to_string()), "Q3 2027");
        assert_eq!(
            q3.label_with_day(|d| d.format("%-d %b %Y").to_string()),
            "Q3 2027 (due 30 Sep 2027)"
        );
        let march: Target = "2027-03".parse().unwrap();
        assert_eq!(march.label(|d| d.to_string()), "March 2027");
        assert!(q3.is_before(d("2027-10-01")) && !q3.is_before(d("2027-09-30")));
        assert_eq!(Target::Later.label(|d| d.to_string()), "no date");
        assert!(
            !Target::Later.is_before(NaiveDate::MAX) && Target::Later.is_after(d("9999-01-01"))
        );
    }

    #[test]
    fn a_target_is_typed_back_as_people_write_it() {
        let april = Calendar {
            fiscal_year_start: 4,
            ..Calendar::default()
        };
        let today = d("2026-12-01");
        for text in [
            "2027-03-31",
            "2027-03",
            "Q3 2027",
            "H2 2027",
            "2027",
            "FY2028 ends 2028-03-31",
            "later",
        ] {
            let target: Target = text.parse().unwrap();
            let typed = target.typed(&april);
            let back = crate::domain::dates::parse_target(&typed, today, &april).unwrap();
            assert_eq!(back, target, "{text} typed as {typed}");
        }
        let fy: Target = "FY2028 ends 2028-03-31".parse().unwrap();
        assert_eq!(fy.typed(&april), "FY2028");
        assert_eq!(
            fy.typed(&Calendar::default()),
            "FY2028 ends 2028-03-31",
            "another fiscal year"
        );
        assert_eq!(
            "2027-03".parse::<Target>().unwrap().typed(&april),
            "March 2027"
        );
    }

    #[test]
    fn unscheduled_sorts_last_and_a_day_before_the_period_ending_on_it() {
        let day = Target::day(d("2027-09-30"));
        let q3: Target = "Q3 2027".parse().unwrap();
        let far = Target::day(NaiveDate::MAX);
        assert!(day < q3 && q3 < Target::Later && far < Target::Later);
        assert!(
            !day.is_later_than(&q3) && !q3.is_later_than(&day),
            "due the same day: neither is later, whatever the order of the two"
        );
        assert!(Target::day(d("2027-01-01")) < q3);
    }

    #[test]
    fn file_forms_that_do_not_fit_are_refused() {
        for text in [
            "",
            "next year",
            "+2w",
            "31/03/2027",
            "FY2027",
            "FY2027 ends 2026-03-31",
            "FY2027 ends 2027-03-30",
            "Q5 2027",
        ] {
            assert!(text.parse::<Target>().is_err(), "{text}");
        }
    }

    #[test]
    fn the_fiscal_year_is_named_by_the_year_it_ends() {
        let with = |m| Calendar {
            fiscal_year_start: m,
            ..Calendar::default()
        };
        assert_eq!(with(1).fiscal_year_end(2027), Some(d("2027-12-31")));
        assert_eq!(with(4).fiscal_year_end(2027), Some(d("2027-03-31")));
        assert_eq!(with(10).fiscal_year_end(2027), Some(d("2027-09-30")));
        assert_eq!(with(3).fiscal_year_end(2028), Some(d("2028-02-29")));
    }
}
