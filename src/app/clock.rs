//! The injectable clock: the system clock in the app, a fixed one in tests, and with `--today`
//! the system clock moved by whole days, so the date and every time stamp (created, updated,
//! snapshot and backup labels, save times) agree.

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, SubsecRound, TimeDelta, Utc};

/// Where "today" and "now" come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// Added to the system clock (whole days; zero for the real clock).
    shift: TimeDelta,
    /// A clock that never moves: today and now.
    fixed: Option<(NaiveDate, DateTime<Utc>)>,
}

impl Clock {
    /// The system clock (local date).
    pub fn system() -> Self {
        Self {
            shift: TimeDelta::zero(),
            fixed: None,
        }
    }

    /// The system clock moved by whole days so that today is `today` (for `--today`): the
    /// time of day runs as usual, and time stamps fall on the pretended days.
    pub fn with_today(today: NaiveDate) -> Self {
        let days = (today - Local::now().date_naive()).num_days();
        Self {
            shift: TimeDelta::days(days),
            fixed: None,
        }
    }

    /// A clock that never moves (tests).
    pub fn fixed(today: NaiveDate, now: DateTime<Utc>) -> Self {
        Self {
            shift: TimeDelta::zero(),
            fixed: Some((today, now)),
        }
    }

    /// Today's date.
    pub fn today(&self) -> NaiveDate {
        match self.fixed {
            Some((today, _)) => today,
            None => (Local::now() + self.shift).date_naive(),
        }
    }

    /// The current instant, to the second (files stay readable).
    pub fn now(&self) -> DateTime<Utc> {
        match self.fixed {
            Some((_, now)) => now,
            None => (Utc::now() + self.shift).trunc_subsecs(0),
        }
    }

    /// The current local date and time, for file labels (backups, copies aside, snapshots).
    pub fn local_now(&self) -> NaiveDateTime {
        self.now().with_timezone(&Local).naive_local()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pretended_today_moves_the_time_stamps_to_that_day_too() {
        let day = NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();
        let clock = Clock::with_today(day);
        assert_eq!(clock.today(), day);
        assert_eq!(
            clock.local_now().date(),
            day,
            "labels fall on the pretended day"
        );
        let from_utc = clock.now().with_timezone(&Local).date_naive();
        assert_eq!(from_utc, day, "so do the time stamps written into the file");
    }
}
