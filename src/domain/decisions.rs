//! Decisions and action items captured in a planning session (schema version 2).

use super::ids::{GoalId, InitiativeId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// What a decision or action is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Link {
    /// An initiative.
    Initiative(InitiativeId),
    /// A business goal.
    Goal(GoalId),
}

/// Something the meeting decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Stable id, e.g. `d-7f3kq2mz`.
    pub id: String,
    /// What was decided.
    pub text: String,
    /// The day of the session.
    pub session: NaiveDate,
    /// What it is about, if anything in particular.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// When it was recorded.
    pub created: DateTime<Utc>,
}

/// Something someone agreed to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Stable id, e.g. `a-7f3kq2mz`.
    pub id: String,
    /// What is to be done.
    pub text: String,
    /// Who does it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// By when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// What it is about, if anything in particular.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// The day of the session.
    pub session: NaiveDate,
    /// The day it was done; None while open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<NaiveDate>,
    /// When it was recorded.
    pub created: DateTime<Utc>,
}

impl Action {
    /// Open and due within `days` of `today` (or overdue).
    pub fn due_soon(&self, today: NaiveDate, days: i64) -> bool {
        self.done_on.is_none() && self.due.is_some_and(|d| (d - today).num_days() <= days)
    }
}

impl super::items::Keyed for Decision {
    type Key = String;
    fn key(&self) -> &String {
        &self.id
    }
}

impl super::items::Keyed for Action {
    type Key = String;
    fn key(&self) -> &String {
        &self.id
    }
}
