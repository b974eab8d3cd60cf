//! Relationship check-ins: both sides rate the relationship 1-10, say why, and say what would
//! move it closer to 10. The trend over time is the point.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One side's view in a check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// 1 (poor) to 10 (excellent).
    pub score: u8,
    /// Why this score.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
    /// What would move it closer to 10.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub closer: String,
}

/// A dated check-in between the business and IT.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    /// Stable id, e.g. `c-7f3kq2mz`.
    pub id: String,
    /// The day it took place.
    pub on: NaiveDate,
    /// Who spoke for the business, e.g. "Dana Whitfield (CFO)".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub business_who: String,
    /// The business side's rating.
    pub business: Rating,
    /// The IT side's rating.
    pub it: Rating,
    /// Follow-up action items agreed (ids of the roadmap's actions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<String>,
}

impl CheckIn {
    /// Business score minus IT score: positive when the business is happier than IT thinks.
    pub fn gap(&self) -> i16 {
        i16::from(self.business.score) - i16::from(self.it.score)
    }

    /// "1 Oct 2026: business 5/10, IT 7/10".
    pub fn scores(&self) -> String {
        format!(
            "{}: business {}/10, IT {}/10",
            self.on.format("%-d %b %Y"),
            self.business.score,
            self.it.score
        )
    }
}

/// Check-ins sorted oldest first.
pub fn chronological(checkins: &[CheckIn]) -> Vec<&CheckIn> {
    let mut list: Vec<&CheckIn> = checkins.iter().collect();
    list.sort_by_key(|c| (c.on, c.id.clone()));
    list
}

/// Days since the latest check-in, or None when there has been none.
pub fn days_since_last(checkins: &[CheckIn], today: NaiveDate) -> Option<i64> {
    checkins
        .iter()
        .map(|c| c.on)
        .max()
        .map(|last| (today - last).num_days())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checkin(id: &str, on: &str, business: u8, it: u8) -> CheckIn {
        let rating = |score| Rating {
            score,
            why: String::new(),
            closer: String::new(),
        };
        CheckIn {
            id: id.into(),
            on: on.parse().unwrap(),
            business_who: String::new(),
            business: rating(business),
            it: rating(it),
            actions: vec![],
        }
    }

    #[test]
    fn gap_and_recency() {
        let list = vec![
            checkin("c-2", "2026-10-20", 6, 8),
            checkin("c-1", "2026-09-15", 4, 7),
        ];
        assert_eq!(
            list[0].gap(),
            -2,
            "IT thinks it is better than the business does"
        );
        let order: Vec<&str> = chronological(&list).iter().map(|c| c.id.as_str()).collect();
        assert_eq!(order, ["c-1", "c-2"]);
        let today = "2026-11-22".parse().unwrap();
        assert_eq!(days_since_last(&list, today), Some(33));
        assert_eq!(days_since_last(&[], today), None);
    }
}

/// The last `n` scores as numbers, oldest first: `4 5 6 7 6 7`. Numbers, not bar glyphs:
/// with eight block heights for ten scores, 5 and 6 (and 1 and 2) drew the same block.
pub fn trend_text(scores: impl DoubleEndedIterator<Item = u8>, n: usize) -> String {
    let mut last: Vec<u8> = scores.rev().take(n).collect();
    last.reverse();
    last.iter().map(u8::to_string).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod trend_tests {
    use super::trend_text;

    #[test]
    fn every_score_reads_differently_and_only_the_last_n_show() {
        assert_eq!(trend_text([4, 5, 6, 7, 6, 7].into_iter(), 6), "4 5 6 7 6 7");
        assert_eq!(trend_text([1, 2, 9, 10].into_iter(), 3), "2 9 10");
        let all: Vec<String> = (1..=10).map(|s| trend_text([s].into_iter(), 1)).collect();
        let mut distinct = all.clone();
        distinct.dedup();
        assert_eq!(distinct.len(), 10, "{all:?}");
    }
}
