//! [`Reviewed`]: a review mark as the roadmap file keeps it. Apart from the review logic, so
//! the model that stores marks does not depend on the review that makes them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A review mark: the entry was looked at while its item was in this state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reviewed {
    /// The entry's key, e.g. `overdue:i-7f3kq2mz`.
    pub entry: String,
    /// The day it was marked.
    pub on: NaiveDate,
    /// A fingerprint of the item then; a different fingerprint brings the entry back.
    pub stamp: String,
}

impl super::items::Keyed for Reviewed {
    type Key = String;
    fn key(&self) -> &String {
        &self.entry
    }
}
