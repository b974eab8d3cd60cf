//! The bundled sample roadmap (`assets/sample.ron`), with dates resolved against today.

use crate::domain::Calendar;
use crate::domain::business::{
    BusinessCase, Deliverable, Direction, GoalLink, Kpi, Risk, RiskStatus,
};
use crate::domain::checkin::{CheckIn, Rating};
use crate::domain::dates::{parse_date, parse_target};
use crate::domain::{
    Goal, GoalId, Initiative, InitiativeId, Kind, Roadmap, Status, TargetChange, validate,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;

/// The sample as shipped: like a roadmap, but targets are date expressions such as `+3w`.
pub const SAMPLE_RON: &str = include_str!("../assets/sample.ron");

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Sample")]
struct Sample {
    name: String,
    #[serde(default)]
    currency: String,
    goals: Vec<SampleGoal>,
    initiatives: Vec<SampleInitiative>,
    #[serde(default)]
    checkins: Vec<SampleCheckIn>,
}

/// A check-in dated by an expression; ratings as (score, why, what would move it closer).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "CheckIn")]
struct SampleCheckIn {
    id: String,
    on: String,
    business_who: String,
    business: (u8, String, String),
    it: (u8, String, String),
}

/// A goal whose KPI readings are dated by expressions such as `-30d`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Goal")]
struct SampleGoal {
    id: GoalId,
    code: String,
    title: String,
    description: String,
    owner: String,
    priority: u8,
    #[serde(default)]
    kpis: Vec<SampleKpi>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Kpi")]
struct SampleKpi {
    id: String,
    name: String,
    unit: String,
    baseline: f64,
    target: Option<f64>,
    direction: Direction,
    /// (date expression, value), oldest first.
    #[serde(default)]
    readings: Vec<(String, f64)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleInitiative {
    id: InitiativeId,
    title: String,
    summary: String,
    it_owner: String,
    sponsor: String,
    #[serde(default)]
    champion: String,
    serves: Vec<GoalLink>,
    status: Status,
    kind: Kind,
    target: String,
    #[serde(default)]
    done: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    case: BusinessCase,
    #[serde(default)]
    risks: Vec<SampleRisk>,
    /// (title, date expression).
    #[serde(default)]
    deliverables: Vec<(String, String)>,
    #[serde(default)]
    needs: Vec<InitiativeId>,
    /// Target changes as (on, from, to, reason) date expressions, oldest first.
    #[serde(default)]
    slips: Vec<(String, String, String, String)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Risk")]
struct SampleRisk {
    id: String,
    title: String,
    likelihood: u8,
    impact: u8,
    owner: String,
    #[serde(default)]
    mitigation: String,
    #[serde(default)]
    status: RiskStatus,
    raised: String,
}

/// The sample roadmap as of `today`, stamped with `now`. Fails only if the shipped asset is
/// broken, which a test guards against.
pub fn sample(today: NaiveDate, now: DateTime<Utc>) -> Result<Roadmap, String> {
    let sample: Sample = ron::from_str(SAMPLE_RON).map_err(|e| format!("sample.ron: {e}"))?;
    let date = |expr: &str| parse_date(expr, today).map_err(|e| format!("sample.ron: {e}"));
    let target = |expr: &str| {
        parse_target(expr, today, &Calendar::default()).map_err(|e| format!("sample.ron: {e}"))
    };
    let mut goals = Vec::with_capacity(sample.goals.len());
    for g in sample.goals {
        let mut kpis = Vec::with_capacity(g.kpis.len());
        for k in g.kpis {
            let mut kpi = Kpi {
                id: k.id,
                name: k.name,
                unit: k.unit,
                baseline: Some(k.baseline),
                target: k.target,
                target_change: None,
                target_note: String::new(),
                direction: k.direction,
                readings: Vec::new(),
                confidential: false,
            };
            for (on, value) in k.readings {
                kpi.record(date(&on)?, value);
            }
            kpis.push(kpi);
        }
        goals.push(Goal {
            id: g.id,
            code: g.code,
            title: g.title,
            description: g.description,
            owner: g.owner,
            priority: g.priority,
            kpis,
            contributes_to: String::new(),
        });
    }
    let mut initiatives = Vec::with_capacity(sample.initiatives.len());
    for s in sample.initiatives {
        let mut risks = Vec::with_capacity(s.risks.len());
        for r in s.risks {
            risks.push(Risk {
                id: r.id,
                title: r.title,
                likelihood: r.likelihood,
                impact: r.impact,
                owner: r.owner,
                mitigation: r.mitigation,
                status: r.status,
                raised: date(&r.raised)?,
                confidential: false,
            });
        }
        let mut deliverables = Vec::with_capacity(s.deliverables.len());
        for (title, when) in s.deliverables {
            deliverables.push(Deliverable {
                title,
                date: date(&when)?,
                done: false,
            });
        }
        let mut target_log = Vec::with_capacity(s.slips.len());
        for (on, from, to, reason) in s.slips {
            target_log.push(TargetChange {
                on: date(&on)?,
                from: target(&from)?,
                to: target(&to)?,
                reason,
            });
        }
        initiatives.push(Initiative {
            target_log,
            title: s.title,
            summary: s.summary,
            it_owner: s.it_owner,
            sponsor: s.sponsor,
            champion: s.champion,
            serves: s.serves,
            status: s.status,
            kind: s.kind,
            target: target(&s.target)?,
            done_on: s.done.as_deref().map(date).transpose()?,
            tags: s.tags,
            notes: s.notes,
            case: s.case,
            risks,
            deliverables,
            needs: s.needs,
            ..Initiative::blank(s.id, now)
        });
    }
    let mut checkins = Vec::with_capacity(sample.checkins.len());
    for c in sample.checkins {
        let rating = |(score, why, closer): (u8, String, String)| Rating { score, why, closer };
        checkins.push(CheckIn {
            id: c.id,
            on: date(&c.on)?,
            business_who: c.business_who,
            business: rating(c.business),
            it: rating(c.it),
            actions: Vec::new(),
        });
    }
    let roadmap = Roadmap {
        checkins,
        name: sample.name,
        currency: sample.currency,
        goals,
        initiatives: initiatives.into(),
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
