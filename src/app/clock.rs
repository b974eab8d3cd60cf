//! The injectable clock: the system clock in the app, a fixed one in tests and with `--today`.

use chrono::{DateTime, Local, NaiveDate, SubsecRound, Utc};

/// Where "today" and "now" come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    today: Option<NaiveDate>,
    now: Option<DateTime<Utc>>,
}

impl Clock {
    /// The system clock (local date).
    pub fn system() -> Self {
        Self {
            today: None,
            now: None,
        }
    }

    /// The system clock, but pretending today is `today` (for `--today`).
    pub fn with_today(today: NaiveDate) -> Self {
        Self {
            today: Some(today),
            now: None,
        }
    }

    /// A clock that never moves (tests).
    pub fn fixed(today: NaiveDate, now: DateTime<Utc>) -> Self {
        Self {
            today: Some(today),
            now: Some(now),
        }
    }

    /// Today's date.
    pub fn today(&self) -> NaiveDate {
        self.today.unwrap_or_else(|| Local::now().date_naive())
    }

    /// The current instant, to the second (files stay readable).
    pub fn now(&self) -> DateTime<Utc> {
        self.now.unwrap_or_else(|| Utc::now().trunc_subsecs(0))
    }
}
