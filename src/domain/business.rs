//! What ties IT work to the business (schema version 3): goal links with a strength, KPIs with
//! dated readings, the business case, risks, deliverables.

use super::ids::GoalId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How strongly an initiative serves a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Strength {
    /// The goal is a main reason for the work.
    Strong,
    /// The work helps the goal noticeably.
    Partial,
    /// A side benefit.
    Weak,
}

impl Strength {
    /// Every strength, strongest first.
    pub const ALL: [Strength; 3] = [Strength::Strong, Strength::Partial, Strength::Weak];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Strength::Strong => "strong",
            Strength::Partial => "partial",
            Strength::Weak => "weak",
        }
    }

    /// A symbol that tells strengths apart without colour: ■ ◧ □ (squares, so they never
    /// look like the round status symbols on cards).
    pub fn symbol(self) -> &'static str {
        match self {
            Strength::Strong => "■",
            Strength::Partial => "◧",
            Strength::Weak => "□",
        }
    }

    /// The share a link takes when an initiative's cost is split over its goals (3, 2, 1).
    pub fn weight(self) -> u32 {
        match self {
            Strength::Strong => 3,
            Strength::Partial => 2,
            Strength::Weak => 1,
        }
    }

    /// True for strong and partial links, the ones that count as real support for a goal.
    pub fn supports(self) -> bool {
        matches!(self, Strength::Strong | Strength::Partial)
    }

    /// The next strength when cycling in a picker; weak wraps to None (unlinked).
    pub fn cycle(current: Option<Strength>) -> Option<Strength> {
        match current {
            None => Some(Strength::Strong),
            Some(Strength::Strong) => Some(Strength::Partial),
            Some(Strength::Partial) => Some(Strength::Weak),
            Some(Strength::Weak) => None,
        }
    }
}

/// A link from an initiative to a goal it serves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalLink {
    /// The goal served.
    pub goal: GoalId,
    /// How strongly.
    pub strength: Strength,
}

impl GoalLink {
    /// A strong link to `goal`.
    pub fn strong(goal: GoalId) -> Self {
        GoalLink {
            goal,
            strength: Strength::Strong,
        }
    }
}

/// A unit as written after a number: " days", "%" (a per cent sign sits close), "" for none.
pub fn unit_after(unit: &str) -> String {
    if unit.is_empty() || unit.starts_with('%') {
        unit.to_string()
    } else {
        format!(" {unit}")
    }
}

/// Which way a KPI should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Direction {
    /// Bigger numbers are better (NPS, revenue).
    #[default]
    HigherIsBetter,
    /// Smaller numbers are better (days to cash, cost).
    LowerIsBetter,
}

impl Direction {
    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Direction::HigherIsBetter => "higher is better",
            Direction::LowerIsBetter => "lower is better",
        }
    }
}

/// One dated measurement of a KPI.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// The day it was measured.
    pub on: NaiveDate,
    /// The value measured.
    pub value: f64,
}

/// A key performance indicator of a business goal.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    /// Stable id, e.g. `k-7f3kq2mz`.
    pub id: String,
    /// What is measured, e.g. "Days sales outstanding".
    pub name: String,
    /// Unit shown after values, e.g. "days", "%", "k€".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// The value when the goal was set; None when the plan gives none (since version 4; a
    /// bare number as version 3 wrote it still reads).
    #[serde(
        default,
        deserialize_with = "number_or_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub baseline: Option<f64>,
    /// The value the goal aims for; None until agreed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// A target relative to the baseline instead (`+4` points, `-20` days), since version 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_change: Option<f64>,
    /// The target in the plan's words when it is not (only) a number ("around 80% within
    /// 5 years"), since version 4.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target_note: String,
    /// Which way is better.
    #[serde(default, skip_serializing_if = "crate::domain::is_default")]
    pub direction: Direction,
    /// Measurements, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    /// Hidden in the public view and public exports.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub confidential: bool,
}

impl Kpi {
    /// Its name with its unit: "Days sales outstanding (days)".
    pub fn label(&self) -> String {
        if self.unit.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.unit)
        }
    }

    /// The latest reading, if any (by date; on a tie the one recorded last).
    pub fn latest(&self) -> Option<Reading> {
        self.readings
            .iter()
            .enumerate()
            .max_by_key(|(n, r)| (r.on, *n))
            .map(|(_, r)| *r)
    }

    /// The current value: the latest reading, else the baseline (None: neither).
    pub fn current(&self) -> Option<f64> {
        self.latest().map(|r| r.value).or(self.baseline)
    }

    /// The value aimed for: the target, else the baseline moved by the relative target.
    pub fn aim(&self) -> Option<f64> {
        self.target
            .or_else(|| Some(self.baseline? + self.target_change?))
    }

    /// Why progress cannot be worked out, None when it can.
    pub fn why_no_progress(&self) -> Option<&'static str> {
        if self.progress().is_some() {
            return None;
        }
        Some(match (self.baseline, self.aim()) {
            (_, None) if !self.target_note.trim().is_empty() => "the target is only in words",
            (_, None) if self.target_change.is_some() => "no baseline to count the change from",
            (_, None) => "no target agreed",
            (None, Some(_)) => "no baseline",
            (Some(b), Some(t)) if b == t => "the target equals the baseline",
            _ => "the target points the wrong way for its direction",
        })
    }

    /// True when the plan gives a target: a number, a relative one, or words.
    pub fn has_target(&self) -> bool {
        self.target.is_some() || self.target_change.is_some() || !self.target_note.trim().is_empty()
    }

    /// The target in words: `45`, `+4 (to 35)`, `+4 from the baseline`, the plan's note, or
    /// `none agreed`, with `unit` after numbers.
    pub fn target_words(&self, show: impl Fn(f64) -> String) -> String {
        let number = match (self.target, self.target_change, self.aim()) {
            (Some(t), _, _) => Some(show(t)),
            (None, Some(c), Some(aim)) => Some(format!("{c:+} (to {})", show(aim))),
            (None, Some(c), None) => Some(format!("{c:+} from the baseline")),
            _ => None,
        };
        match (number, self.target_note.trim()) {
            (Some(n), "") => n,
            (Some(n), note) => format!("{n} ({note})"),
            (None, "") => "none agreed".into(),
            (None, note) => note.to_string(),
        }
    }

    /// Progress toward the target as a fraction (0.5 = half way), by the shared definition:
    /// (current − baseline) / (target − baseline); the sign works out for lower-is-better
    /// KPIs, whose target is below the baseline. None when there is no target, when
    /// target = baseline, or when the target points the wrong way for the direction.
    /// Values outside 0..=1 are returned as they are.
    pub fn progress(&self) -> Option<f64> {
        let (baseline, target) = (self.baseline?, self.aim()?);
        let span = target - baseline;
        if span == 0.0 || !span.is_finite() {
            return None;
        }
        let wrong_way = match self.direction {
            Direction::HigherIsBetter => span < 0.0,
            Direction::LowerIsBetter => span > 0.0,
        };
        if wrong_way {
            return None;
        }
        Some((self.current()? - baseline) / span)
    }

    /// Records a reading; a second reading on the same day replaces the first.
    pub fn record(&mut self, on: NaiveDate, value: f64) {
        self.readings.retain(|r| r.on != on);
        let at = self.readings.partition_point(|r| r.on < on);
        self.readings.insert(at, Reading { on, value });
    }

    /// Days since the latest reading, or None when never measured.
    pub fn days_since_reading(&self, today: NaiveDate) -> Option<i64> {
        self.latest().map(|r| (today - r.on).num_days())
    }
}

/// Whether a risk still needs attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum RiskStatus {
    /// Raised, not yet dealt with.
    #[default]
    Open,
    /// Being mitigated.
    Mitigating,
    /// No longer a concern.
    Closed,
}

impl RiskStatus {
    /// Every status.
    pub const ALL: [RiskStatus; 3] = [RiskStatus::Open, RiskStatus::Mitigating, RiskStatus::Closed];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            RiskStatus::Open => "Open",
            RiskStatus::Mitigating => "Mitigating",
            RiskStatus::Closed => "Closed",
        }
    }
}

/// Severity from which a risk counts as high (likelihood × impact ≥ 15).
pub const HIGH_SEVERITY: u8 = 15;

/// A risk of an initiative, spoken up early and kept on record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// Stable id, e.g. `r-7f3kq2mz`.
    pub id: String,
    /// What could go wrong.
    pub title: String,
    /// 1 (rare) to 5 (almost certain).
    pub likelihood: u8,
    /// 1 (minor) to 5 (severe).
    pub impact: u8,
    /// Who watches it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// What is being done about it; empty when nothing yet.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mitigation: String,
    /// Open, mitigating or closed.
    #[serde(default, skip_serializing_if = "crate::domain::is_default")]
    pub status: RiskStatus,
    /// The day it was raised.
    pub raised: NaiveDate,
    /// Hidden in the public view and public exports.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub confidential: bool,
}

impl Risk {
    /// Likelihood × impact, 1 to 25.
    pub fn severity(&self) -> u8 {
        self.likelihood.saturating_mul(self.impact)
    }

    /// Not closed.
    pub fn is_open(&self) -> bool {
        self.status != RiskStatus::Closed
    }

    /// Severity 15 or more.
    pub fn is_high(&self) -> bool {
        self.severity() >= HIGH_SEVERITY
    }

    /// Open, high, and nobody has written down what to do about it.
    pub fn needs_mitigation(&self) -> bool {
        self.is_open() && self.is_high() && self.mitigation.trim().is_empty()
    }
}

/// The business case of an initiative, in business language.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BusinessCase {
    /// What happens if we don't do it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub if_not: String,
    /// New risks or effort it brings.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub brings: String,
    /// Ongoing impact: hours of lost productivity per month while it is not done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_lost_per_month: Option<f64>,
    /// Ongoing impact: revenue at stake per year while it is not done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_at_stake: Option<f64>,
    /// Internal politics and stakeholders to consider (internal).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub politics: String,
    /// Estimated cost (internal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// Expected benefit in words (internal).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub benefit: String,
    /// The whole case is hidden in the public view and public exports.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub confidential: bool,
}

impl BusinessCase {
    /// True when the central question, "what happens if we don't?", has an answer.
    pub fn is_made(&self) -> bool {
        !self.if_not.trim().is_empty()
    }

    /// True when nothing at all is filled in.
    pub fn is_empty(&self) -> bool {
        *self == BusinessCase::default()
    }
}

/// Something the business gets, with its own date (and so its own horizon).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deliverable {
    /// What the business gets, in one short line.
    pub title: String,
    /// When it lands.
    pub date: NaiveDate,
    /// Already delivered.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
}

/// A KPI's baseline as version 4 writes it (`Some(31.0)`, `None`) or as version 3 did (`31.0`).
fn number_or_option<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    struct Visit;
    impl<'de> serde::de::Visitor<'de> for Visit {
        type Value = Option<f64>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a number, Some(number) or None")
        }
        fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v as f64))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v as f64))
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            f64::deserialize(d).map(Some)
        }
    }
    d.deserialize_any(Visit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn kpi(baseline: f64, target: Option<f64>, direction: Direction) -> Kpi {
        Kpi {
            id: "k-1".into(),
            name: "DSO".into(),
            unit: "days".into(),
            baseline: Some(baseline),
            target,
            direction,
            ..Kpi::default()
        }
    }

    #[test]
    fn progress_follows_the_shared_definition_both_directions() {
        let mut up = kpi(31.0, Some(45.0), Direction::HigherIsBetter);
        assert_eq!(up.progress(), Some(0.0), "no reading: at the baseline");
        up.record(date("2026-11-01"), 38.0);
        assert_eq!(up.progress(), Some(0.5));
        let mut down = kpi(41.0, Some(33.0), Direction::LowerIsBetter);
        down.record(date("2026-11-01"), 39.0);
        assert_eq!(down.progress(), Some(0.25));
        down.record(date("2026-11-02"), 45.0);
        assert_eq!(
            down.progress(),
            Some(-0.5),
            "worse than baseline shows as is"
        );
        down.record(date("2026-11-03"), 29.0);
        assert_eq!(down.progress(), Some(1.5), "beyond target shows as is");
    }

    #[test]
    fn progress_is_not_applicable_without_a_usable_target() {
        assert_eq!(kpi(10.0, None, Direction::HigherIsBetter).progress(), None);
        assert_eq!(
            kpi(10.0, Some(10.0), Direction::HigherIsBetter).progress(),
            None,
            "target = baseline"
        );
        assert_eq!(
            kpi(10.0, Some(5.0), Direction::HigherIsBetter).progress(),
            None,
            "a target below the baseline contradicts higher-is-better"
        );
    }

    #[test]
    fn readings_stay_in_date_order_and_one_per_day() {
        let mut k = kpi(0.0, Some(10.0), Direction::HigherIsBetter);
        k.record(date("2026-11-10"), 3.0);
        k.record(date("2026-11-01"), 1.0);
        k.record(date("2026-11-10"), 4.0);
        let days: Vec<_> = k.readings.iter().map(|r| (r.on, r.value)).collect();
        assert_eq!(
            days,
            vec![(date("2026-11-01"), 1.0), (date("2026-11-10"), 4.0)]
        );
        assert_eq!(k.current(), Some(4.0));
        assert_eq!(k.days_since_reading(date("2026-11-22")), Some(12));
    }

    #[test]
    fn severity_and_high_risk_thresholds() {
        let mut r = Risk {
            id: "r-1".into(),
            title: "Vendor late".into(),
            likelihood: 3,
            impact: 5,
            owner: String::new(),
            mitigation: String::new(),
            status: RiskStatus::Open,
            raised: date("2026-11-01"),
            confidential: false,
        };
        assert_eq!(r.severity(), 15);
        assert!(r.is_high() && r.needs_mitigation());
        r.likelihood = 2;
        assert!(!r.is_high(), "10 is not high");
        r.likelihood = 5;
        r.mitigation = "Second supplier on standby".into();
        assert!(!r.needs_mitigation());
        r.mitigation.clear();
        r.status = RiskStatus::Closed;
        assert!(!r.needs_mitigation(), "a closed risk needs nothing");
    }

    #[test]
    fn strength_cycles_through_unlinked() {
        let mut s = None;
        let mut seen = vec![];
        for _ in 0..4 {
            s = Strength::cycle(s);
            seen.push(s);
        }
        assert_eq!(
            seen,
            vec![
                Some(Strength::Strong),
                Some(Strength::Partial),
                Some(Strength::Weak),
                None
            ]
        );
        assert_eq!(
            Strength::ALL.map(Strength::weight),
            [3, 2, 1],
            "the split weights of the contract"
        );
    }
}
