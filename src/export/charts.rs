//! The charts the exports and the report draw, from the model: a KPI's readings against
//! its baseline and target, both sides' check-in scores, the promise-keeping share over the
//! snapshots. Also the KPI trend in words for Markdown.

pub use super::svg::unit_after;
use super::svg::{Chart, Level, Look, Series, number};
use crate::domain::business::Kpi;
use crate::domain::checkin::{CheckIn, chronological};
use chrono::NaiveDate;

/// Readings a KPI needs before it is drawn: one point is a sentence, not a chart.
pub const MIN_READINGS: usize = 2;

/// True when a KPI has enough readings to draw.
pub fn chartable(kpi: &Kpi) -> bool {
    kpi.readings.len() >= MIN_READINGS
}

/// A KPI's readings over dated time, with its baseline and the value aimed for as lines.
/// The time axis runs to `today`, so a KPI not measured for months shows the gap.
pub fn kpi(kpi: &Kpi, today: NaiveDate) -> Chart {
    let mut readings: Vec<(NaiveDate, f64)> = kpi
        .readings
        .iter()
        .filter(|r| r.value.is_finite())
        .map(|r| (r.on, r.value))
        .collect();
    readings.sort_by_key(|r| r.0);
    let mut levels = Vec::new();
    if let Some(b) = kpi.baseline.filter(|b| b.is_finite()) {
        levels.push(Level {
            name: "baseline".into(),
            value: b,
            target: false,
        });
    }
    if let Some(t) = kpi.aim().filter(|t| t.is_finite()) {
        levels.push(Level {
            name: "target".into(),
            value: t,
            target: true,
        });
    }
    Chart {
        title: kpi.label(),
        series: vec![Series {
            name: "readings".into(),
            points: readings,
            look: Look::Solid,
        }],
        levels,
        range: None,
        unit: kpi.unit.clone(),
        also: vec![],
        today: Some(today),
        values: false,
    }
}

/// Both sides' check-in scores (1-10) over time, business solid, IT dashed.
pub fn checkins(list: &[CheckIn]) -> Chart {
    let ordered = chronological(list);
    let side = |name: &str, look, score: fn(&CheckIn) -> u8| Series {
        name: name.into(),
        points: ordered
            .iter()
            .map(|c| (c.on, f64::from(score(c))))
            .collect(),
        look,
    };
    Chart {
        title: "Relationship check-ins: both sides' scores (1-10)".into(),
        series: vec![
            side("business", Look::Solid, |c| c.business.score),
            side("IT", Look::Dashed, |c| c.it.score),
        ],
        levels: vec![],
        range: Some((0.0, 10.0)),
        unit: String::new(),
        also: vec![],
        today: None,
        values: false,
    }
}

/// The share of due promises kept (%), one point per day it was measured.
pub fn promise(points: &[(NaiveDate, f64)], today: NaiveDate) -> Chart {
    Chart {
        title: "Promises kept (% of those due)".into(),
        series: vec![Series {
            name: "kept %".into(),
            points: points.to_vec(),
            look: Look::Solid,
        }],
        levels: vec![],
        range: Some((0.0, 100.0)),
        unit: "%".into(),
        also: vec![],
        today: Some(today),
        values: true,
    }
}

/// A KPI's trend in words, first → latest → target with dates: "41 days (1 Oct 2026) → 35
/// days (15 Jan 2027), 4 readings; target 30 days". None without a reading.
pub fn kpi_trend_words(kpi: &Kpi) -> Option<String> {
    let mut readings: Vec<_> = kpi.readings.iter().collect();
    readings.sort_by_key(|r| r.on);
    let first = readings.first()?;
    let unit = unit_after(&kpi.unit);
    let at = |v: f64, d: NaiveDate| format!("{}{unit} ({})", number(v), d.format("%-d %b %Y"));
    let latest = kpi.latest()?;
    let path = if readings.len() == 1 {
        format!("{}, 1 reading", at(first.value, first.on))
    } else {
        format!(
            "{} → {}, {} readings",
            at(first.value, first.on),
            at(latest.value, latest.on),
            readings.len()
        )
    };
    let target = match kpi.aim() {
        Some(t) => format!("; target {}{unit}", number(t)),
        None => "; no target agreed".into(),
    };
    Some(format!("{path}{target}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::business::Reading;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn trend_words_read_first_latest_and_target() {
        let mut kpi = Kpi {
            id: "k".into(),
            name: "DSO".into(),
            unit: "days".into(),
            baseline: Some(45.0),
            target: Some(30.0),
            ..Kpi::default()
        };
        assert_eq!(kpi_trend_words(&kpi), None);
        kpi.readings = vec![
            Reading {
                on: day("2026-10-01"),
                value: 41.0,
            },
            Reading {
                on: day("2027-01-15"),
                value: 35.5,
            },
        ];
        assert_eq!(
            kpi_trend_words(&kpi).unwrap(),
            "41 days (1 Oct 2026) → 35.5 days (15 Jan 2027), 2 readings; target 30 days"
        );
        let chart = super::kpi(&kpi, day("2027-02-01"));
        assert_eq!(chart.levels.len(), 2);
        assert_eq!(chart.series[0].points.len(), 2);
    }
}
