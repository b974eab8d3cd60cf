//! Horizons (now, next week, next month, next year), derived from a target date and today.
//! Weeks start on Monday. "Now" ends on this week's Sunday and keeps overdue work; "Next week"
//! is the following Monday to Sunday; "Next month" runs from then to the end of next calendar
//! month; "Next year" is anything later.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// One of the four roadmap columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Horizon {
    /// Due by the end of this week, or overdue.
    Now,
    /// Due during next week.
    NextWeek,
    /// Due after next week, up to the end of next calendar month.
    NextMonth,
    /// Due later than that.
    NextYear,
}

impl Horizon {
    /// The four horizons, earliest first.
    pub const ALL: [Horizon; 4] = [
        Horizon::Now,
        Horizon::NextWeek,
        Horizon::NextMonth,
        Horizon::NextYear,
    ];

    /// Column title.
    pub fn label(self) -> &'static str {
        match self {
            Horizon::Now => "Now",
            Horizon::NextWeek => "Next week",
            Horizon::NextMonth => "Next month",
            Horizon::NextYear => "Next year",
        }
    }

    /// Position in [`Horizon::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The horizon at a column index (clamped to the last).
    pub fn from_index(index: usize) -> Horizon {
        Horizon::ALL[index.min(3)]
    }

    /// The next earlier horizon, if any.
    pub fn earlier(self) -> Option<Horizon> {
        self.index().checked_sub(1).map(Horizon::from_index)
    }

    /// The next later horizon, if any.
    pub fn later(self) -> Option<Horizon> {
        (self.index() < 3).then(|| Horizon::from_index(self.index() + 1))
    }

    /// The horizon a target date falls in, seen from `today`.
    pub fn of(target: NaiveDate, today: NaiveDate) -> Horizon {
        let week_end = end_of_week(today);
        if target <= week_end {
            Horizon::Now
        } else if target <= add_days(week_end, 7) {
            Horizon::NextWeek
        } else if target <= end_of_next_month(today) {
            Horizon::NextMonth
        } else {
            Horizon::NextYear
        }
    }

    /// The date a card gets when it is moved into this horizon: the window's last day
    /// (for "Next year": twelve months from today).
    pub fn window_end(self, today: NaiveDate) -> NaiveDate {
        match self {
            Horizon::Now => end_of_week(today),
            Horizon::NextWeek => add_days(end_of_week(today), 7),
            Horizon::NextMonth => end_of_next_month(today),
            Horizon::NextYear => today.checked_add_months(Months::new(12)).unwrap_or(today),
        }
    }

    /// Where a one-key move into this horizon lands: the end of its window, except for
    /// Next year, whose window runs twelve months: there the nearest sensible date, the end of
    /// the month after next (one `L` from Next month is a month or so later, not a year).
    pub fn landing(self, today: NaiveDate) -> NaiveDate {
        match self {
            Horizon::NextYear => self
                .window_start(today)
                .map_or_else(|| self.window_end(today), end_of_month),
            _ => self.window_end(today),
        }
    }

    /// The window's first day (for "Now": none, since overdue work stays there).
    pub fn window_start(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            Horizon::Now => None,
            Horizon::NextWeek => Some(add_days(end_of_week(today), 1)),
            Horizon::NextMonth => Some(add_days(end_of_week(today), 8)),
            Horizon::NextYear => Some(add_days(end_of_next_month(today), 1)),
        }
    }
}

fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

/// The Sunday ending the Monday-first week that contains `date`.
pub fn end_of_week(date: NaiveDate) -> NaiveDate {
    add_days(date, u64::from(6 - date.weekday().num_days_from_monday()))
}

/// The last day of the month containing `date`.
pub fn end_of_month(date: NaiveDate) -> NaiveDate {
    let first = date.with_day(1).unwrap_or(date);
    first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// The last day of the month after the one containing `date`.
pub fn end_of_next_month(date: NaiveDate) -> NaiveDate {
    let first = date.with_day(1).unwrap_or(date);
    first
        .checked_add_months(Months::new(1))
        .map_or(NaiveDate::MAX, end_of_month)
}

/// The last day of the year containing `date`.
pub fn end_of_year(date: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(date.year(), 12, 31).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Horizon::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn week_ends_on_sunday() {
        assert_eq!(end_of_week(d("2026-11-23")), d("2026-11-29"), "Monday");
        assert_eq!(end_of_week(d("2026-11-29")), d("2026-11-29"), "Sunday");
        assert_eq!(
            end_of_week(d("2026-12-31")),
            d("2027-01-03"),
            "across a year"
        );
    }

    #[test]
    fn month_ends_including_leap_february() {
        assert_eq!(end_of_month(d("2028-02-10")), d("2028-02-29"));
        assert_eq!(end_of_month(d("2027-02-10")), d("2027-02-28"));
        assert_eq!(end_of_next_month(d("2028-01-31")), d("2028-02-29"));
        assert_eq!(end_of_next_month(d("2026-12-15")), d("2027-01-31"));
        assert_eq!(end_of_year(d("2026-03-01")), d("2026-12-31"));
    }

    #[test]
    fn horizons_on_a_sunday() {
        let today = d("2026-11-22"); // Sunday
        assert_eq!(
            Horizon::of(d("2026-11-01"), today),
            Now,
            "overdue stays in Now"
        );
        assert_eq!(Horizon::of(today, today), Now);
        assert_eq!(
            Horizon::of(d("2026-11-23"), today),
            NextWeek,
            "Monday is next week"
        );
        assert_eq!(Horizon::of(d("2026-11-29"), today), NextWeek);
        assert_eq!(Horizon::of(d("2026-11-30"), today), NextMonth);
        assert_eq!(Horizon::of(d("2026-12-31"), today), NextMonth);
        assert_eq!(Horizon::of(d("2027-01-01"), today), NextYear);
    }

    #[test]
    fn horizons_on_a_monday_at_a_month_end() {
        let today = d("2026-08-31"); // Monday, last day of August
        assert_eq!(Horizon::of(d("2026-09-06"), today), Now);
        assert_eq!(Horizon::of(d("2026-09-13"), today), NextWeek);
        assert_eq!(Horizon::of(d("2026-09-30"), today), NextMonth);
        assert_eq!(
            Horizon::of(d("2026-10-01"), today),
            NextYear,
            "past next calendar month"
        );
    }

    #[test]
    fn horizons_across_new_year_and_leap_day() {
        let today = d("2027-12-30"); // Thursday
        assert_eq!(
            Horizon::of(d("2028-01-02"), today),
            Now,
            "week spans the new year"
        );
        assert_eq!(Horizon::of(d("2028-01-09"), today), NextWeek);
        assert_eq!(Horizon::of(d("2028-01-31"), today), NextMonth);
        let leap = d("2028-01-31");
        assert_eq!(Horizon::NextMonth.window_end(leap), d("2028-02-29"));
        assert_eq!(Horizon::of(d("2028-02-29"), leap), NextMonth);
        assert_eq!(Horizon::of(d("2028-03-01"), leap), NextYear);
    }

    #[test]
    fn window_ends_land_in_their_own_horizon() {
        let mut today = d("2026-01-01");
        while today < d("2029-01-01") {
            for h in Horizon::ALL {
                let end = h.window_end(today);
                assert_eq!(Horizon::of(end, today), h, "{h:?} from {today}");
                if let Some(start) = h.window_start(today) {
                    assert_eq!(Horizon::of(start, today), h, "{h:?} start from {today}");
                }
            }
            today = today.succ_opt().unwrap();
        }
    }

    #[test]
    fn next_year_window_is_twelve_months_and_clamps_leap_day() {
        assert_eq!(NextYear.window_end(d("2028-02-29")), d("2029-02-28"));
        assert_eq!(NextYear.window_end(d("2026-11-22")), d("2027-11-22"));
        // A one-key move into Next year lands at the end of the month after next.
        assert_eq!(NextYear.landing(d("2026-11-22")), d("2027-01-31"));
        assert_eq!(NextYear.landing(d("2026-12-01")), d("2027-02-28"));
        assert_eq!(NextYear.landing(d("2027-12-31")), d("2028-02-29"));
        assert_eq!(
            NextMonth.landing(d("2026-11-22")),
            NextMonth.window_end(d("2026-11-22"))
        );
        for today in ["2026-11-22", "2026-12-31", "2027-02-28"] {
            let today = d(today);
            assert_eq!(
                Horizon::of(NextYear.landing(today), today),
                NextYear,
                "{today}"
            );
        }
    }

    #[test]
    fn earlier_and_later_stop_at_the_ends() {
        assert_eq!(Now.earlier(), None);
        assert_eq!(Now.later(), Some(NextWeek));
        assert_eq!(NextYear.later(), None);
        assert_eq!(NextYear.earlier(), Some(NextMonth));
    }
}
