//! The company portfolio: the goals the company sets (`portfolio.ron`) and a read-only
//! roll-up of every unit's roadmap against them, worked out with the same definitions a
//! unit's own screens use (horizons, unsupported goal, promise keeping, run/grow/transform).

use super::alignment::support;
use super::review::{Promise, promise};
use super::{Horizon, Kind, Roadmap};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// `portfolio.ron`: the company's goals, shared by the roadmaps of a directory.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Portfolio {
    /// The file format's version.
    #[serde(default = "first_version")]
    pub version: u32,
    /// The company or group, e.g. "Northwind group".
    #[serde(default)]
    pub name: String,
    /// The company goals, in the company's order.
    #[serde(default)]
    pub goals: Vec<CompanyGoal>,
}

fn first_version() -> u32 {
    1
}

fn top_priority() -> u8 {
    1
}

/// One company goal that units' goals contribute to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompanyGoal {
    /// Stable id, named by a unit goal's `contributes_to` (so is the code).
    pub id: String,
    /// Short code, e.g. "GROW".
    #[serde(default)]
    pub code: String,
    /// What the company wants, in business words.
    pub title: String,
    /// Who answers for it.
    #[serde(default)]
    pub owner: String,
    /// 1 = highest.
    #[serde(default = "top_priority")]
    pub priority: u8,
}

impl CompanyGoal {
    /// True when a unit goal's `contributes_to` names this goal (its id, or its code in
    /// any case).
    pub fn is_named_by(&self, reference: &str) -> bool {
        let reference = reference.trim();
        !reference.is_empty()
            && (reference == self.id
                || (!self.code.is_empty() && reference.eq_ignore_ascii_case(&self.code)))
    }
}

/// One unit's roadmap, as read from its file.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The file name, e.g. `retail.ron`.
    pub file: String,
    /// The roadmap, or why it cannot be read.
    pub roadmap: Result<Roadmap, String>,
}

/// The roll-up across units at a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rollup {
    /// The company's name (`portfolio.ron`), or empty.
    pub company: String,
    /// The day the figures are for.
    pub today: NaiveDate,
    /// One line per readable unit, in file order.
    pub units: Vec<UnitLine>,
    /// Units whose file cannot be read, with why: left out of every figure, never hidden.
    pub unreadable: Vec<(String, String)>,
    /// Each company goal and the unit goals contributing to it.
    pub goals: Vec<CompanyLine>,
    /// Unit goals naming a company goal that `portfolio.ron` does not have.
    pub unknown: Vec<Contribution>,
    /// Active initiatives of every unit by kind: run, grow, transform.
    pub mix: [usize; 3],
    /// Open high risks across units, most severe first.
    pub high_risks: Vec<HighRisk>,
}

/// One unit in the roll-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitLine {
    /// The file name.
    pub file: String,
    /// The roadmap's name.
    pub name: String,
    /// Active initiatives per horizon: now, next week, next month, next year.
    pub horizons: [usize; 4],
    /// Its goals.
    pub goals: usize,
    /// Its goals with nothing on track to land by the end of next month.
    pub unsupported: usize,
    /// Promise keeping over all its initiatives.
    #[serde(serialize_with = "promise_fields")]
    pub promise: Promise,
    /// Active initiatives by kind: run, grow, transform.
    pub mix: [usize; 3],
    /// Open high risks.
    pub high_risks: usize,
    /// Merge conflicts waiting in the file.
    pub conflicts: usize,
}

/// A company goal with what contributes to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanyLine {
    /// The goal.
    pub goal: CompanyGoal,
    /// The unit goals contributing, in unit order.
    pub contributions: Vec<Contribution>,
}

impl CompanyLine {
    /// No unit supports it: no unit goal contributes, or every contributing goal is
    /// unsupported in its unit (the unit's own definition).
    pub fn is_unsupported(&self) -> bool {
        !self.contributions.iter().any(|c| c.supported)
    }
}

/// A unit goal contributing to a company goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    /// The unit's file.
    pub unit: String,
    /// The unit goal's code.
    pub code: String,
    /// The unit goal's title.
    pub title: String,
    /// What its `contributes_to` says.
    pub names: String,
    /// False when the unit goal is unsupported in its unit.
    pub supported: bool,
}

/// An open high risk in some unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HighRisk {
    /// The unit's file.
    pub unit: String,
    /// The initiative it threatens.
    pub initiative: String,
    /// The risk.
    pub title: String,
    /// Likelihood × impact.
    pub severity: u8,
    /// What is being done about it; empty when nothing.
    pub mitigation: String,
}

fn promise_fields<S: serde::Serializer>(p: &Promise, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    let mut out = s.serialize_struct("Promise", 7)?;
    out.serialize_field("kept", &p.kept)?;
    out.serialize_field("delivered_late", &p.delivered_late)?;
    out.serialize_field("open_late", &p.open_late)?;
    out.serialize_field("dropped_late", &p.dropped_late)?;
    out.serialize_field("due", &p.due())?;
    out.serialize_field("median_delay_days", &p.median_delay)?;
    out.serialize_field("words", &p.words())?;
    out.end()
}

/// The kind's place in run / grow / transform counts.
fn kind_at(kind: Kind) -> usize {
    match kind {
        Kind::Run => 0,
        Kind::Grow => 1,
        Kind::Transform => 2,
    }
}

/// Rolls `units` up against `portfolio` as of `today`.
pub fn rollup(portfolio: &Portfolio, units: &[Unit], today: NaiveDate) -> Rollup {
    let mut out = Rollup {
        company: portfolio.name.clone(),
        today,
        units: Vec::new(),
        unreadable: Vec::new(),
        goals: portfolio
            .goals
            .iter()
            .map(|goal| CompanyLine {
                goal: goal.clone(),
                contributions: Vec::new(),
            })
            .collect(),
        unknown: Vec::new(),
        mix: [0; 3],
        high_risks: Vec::new(),
    };
    for unit in units {
        let roadmap = match &unit.roadmap {
            Ok(roadmap) => roadmap,
            Err(why) => {
                out.unreadable.push((unit.file.clone(), why.clone()));
                continue;
            }
        };
        let line = unit_line(&unit.file, roadmap, today);
        for (total, n) in out.mix.iter_mut().zip(line.mix) {
            *total += n;
        }
        out.units.push(line);
        for goal in roadmap
            .goals
            .iter()
            .filter(|g| !g.contributes_to.trim().is_empty())
        {
            let contribution = Contribution {
                unit: unit.file.clone(),
                code: goal.code.clone(),
                title: goal.title.clone(),
                names: goal.contributes_to.clone(),
                supported: !support(roadmap, &goal.id, today).is_unsupported(),
            };
            match out
                .goals
                .iter_mut()
                .find(|c| c.goal.is_named_by(&goal.contributes_to))
            {
                Some(company) => company.contributions.push(contribution),
                None => out.unknown.push(contribution),
            }
        }
        for i in roadmap.initiatives.iter().filter(|i| i.status.is_active()) {
            for risk in i.risks.iter().filter(|r| r.is_open() && r.is_high()) {
                out.high_risks.push(HighRisk {
                    unit: unit.file.clone(),
                    initiative: i.title.clone(),
                    title: risk.title.clone(),
                    severity: risk.severity(),
                    mitigation: risk.mitigation.trim().to_string(),
                });
            }
        }
    }
    // The company's order of importance (stable: file order within a priority).
    out.goals.sort_by_key(|g| g.goal.priority);
    // Most severe first; unmitigated before mitigated at one severity; then unit order.
    out.high_risks
        .sort_by_key(|r| (std::cmp::Reverse(r.severity), !r.mitigation.is_empty()));
    out
}

fn unit_line(file: &str, roadmap: &Roadmap, today: NaiveDate) -> UnitLine {
    let mut horizons = [0; 4];
    let mut mix = [0; 3];
    let mut high_risks = 0;
    for i in roadmap.initiatives.iter().filter(|i| i.status.is_active()) {
        horizons[i.horizon(today).index()] += 1;
        mix[kind_at(i.kind)] += 1;
        high_risks += i
            .risks
            .iter()
            .filter(|r| r.is_open() && r.is_high())
            .count();
    }
    UnitLine {
        file: file.to_string(),
        name: roadmap.name.clone(),
        horizons,
        goals: roadmap.goals.len(),
        unsupported: roadmap
            .goals
            .iter()
            .filter(|g| support(roadmap, &g.id, today).is_unsupported())
            .count(),
        promise: promise(roadmap.initiatives.iter(), today),
        mix,
        high_risks,
        conflicts: roadmap.conflicts.len(),
    }
}

impl Rollup {
    /// Company goals no unit supports.
    pub fn unsupported(&self) -> impl Iterator<Item = &CompanyLine> {
        self.goals.iter().filter(|g| g.is_unsupported())
    }

    /// Active initiatives across units per horizon.
    pub fn horizons(&self) -> [usize; 4] {
        let mut total = [0; 4];
        for unit in &self.units {
            for (t, n) in total.iter_mut().zip(unit.horizons) {
                *t += n;
            }
        }
        total
    }

    /// Promise keeping across units: the sum of each unit's counts (the median delay is
    /// not combined: it is per unit).
    pub fn promise_due_and_kept(&self) -> (usize, usize) {
        self.units.iter().fold((0, 0), |(due, kept), u| {
            (due + u.promise.due(), kept + u.promise.kept)
        })
    }

    /// "run 24 (40%) · grow 21 (35%) · transform 15 (25%) of 60 active".
    pub fn mix_words(&self) -> String {
        let total: usize = self.mix.iter().sum();
        if total == 0 {
            return "no active initiatives".into();
        }
        let part =
            |name: &str, n: usize| format!("{name} {n} ({}%)", (n * 100 + total / 2) / total);
        format!(
            "{} · {} · {} of {total} active",
            part("run", self.mix[0]),
            part("grow", self.mix[1]),
            part("transform", self.mix[2])
        )
    }
}

/// The horizon names in column order, for tables.
pub fn horizon_labels() -> [&'static str; 4] {
    Horizon::ALL.map(Horizon::label)
}
