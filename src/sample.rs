//! The bundled sample roadmap (`assets/sample.ron`), with dates resolved against today.

use crate::domain::dates::parse_date;
use crate::domain::{Goal, GoalId, Initiative, InitiativeId, Kind, Roadmap, Status, validate};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;

/// The sample as shipped: like a roadmap, but targets are date expressions such as `+3w`.
pub const SAMPLE_RON: &str = include_str!("../assets/sample.ron");

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Sample")]
struct Sample {
    name: String,
    goals: Vec<Goal>,
    initiatives: Vec<SampleInitiative>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleInitiative {
    id: InitiativeId,
    title: String,
    summary: String,
    it_owner: String,
    sponsor: String,
    goals: Vec<GoalId>,
    status: Status,
    kind: Kind,
    target: String,
    #[serde(default)]
    done: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    notes: String,
}

/// The sample roadmap as of `today`, stamped with `now`. Fails only if the shipped asset is
/// broken, which a test guards against.
pub fn sample(today: NaiveDate, now: DateTime<Utc>) -> Result<Roadmap, String> {
    let sample: Sample = ron::from_str(SAMPLE_RON).map_err(|e| format!("sample.ron: {e}"))?;
    let date = |expr: &str| parse_date(expr, today).map_err(|e| format!("sample.ron: {e}"));
    let mut initiatives = Vec::with_capacity(sample.initiatives.len());
    for s in sample.initiatives {
        initiatives.push(Initiative {
            id: s.id,
            title: s.title,
            summary: s.summary,
            it_owner: s.it_owner,
            sponsor: s.sponsor,
            goals: s.goals,
            status: s.status,
            kind: s.kind,
            target: date(&s.target)?,
            done_on: s.done.as_deref().map(date).transpose()?,
            tags: s.tags,
            notes: s.notes,
            rank: 0,
            created: now,
            updated: now,
            target_log: Vec::new(),
        });
    }
    let roadmap = Roadmap {
        name: sample.name,
        goals: sample.goals,
        initiatives,
        ..Roadmap::new("")
    };
    match validate::problems(&roadmap).as_slice() {
        [] => Ok(roadmap),
        problems => Err(format!("sample.ron: {}", problems.join("; "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Horizon;

    #[test]
    fn sample_fills_every_column_and_is_never_a_wall_of_overdue_items() {
        let now = DateTime::<Utc>::from_timestamp(0, 0).unwrap();
        let mut today: NaiveDate = "2026-01-01".parse().unwrap();
        let end: NaiveDate = "2029-01-01".parse().unwrap();
        while today < end {
            let r = sample(today, now).unwrap();
            assert!((4..=6).contains(&r.goals.len()) && (14..=18).contains(&r.initiatives.len()));
            let active: Vec<_> = r
                .initiatives
                .iter()
                .filter(|i| i.status.is_active())
                .collect();
            let overdue = active.iter().filter(|i| i.is_overdue(today)).count();
            assert!(overdue <= 1, "{overdue} overdue on {today}");
            for h in Horizon::ALL {
                let n = active.iter().filter(|i| i.horizon(today) == h).count();
                assert!(n >= 2, "only {n} in {h:?} on {today}");
            }
            today = today.succ_opt().unwrap();
        }
    }
}
