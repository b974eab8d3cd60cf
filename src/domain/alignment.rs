//! The alignment figures: gaps, risk roll-ups, portfolio balance and the summary line. Every
//! figure follows the definitions in CONTRACTS.md (active, high risk, unsupported goal, weights).

use super::business::{Kpi, Risk};
use super::ids::{GoalId, InitiativeId};
use super::model::{Goal, Initiative, Kind, Roadmap};
pub use super::tally::{Health, Support};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Share of "run" work from which the balance calls the roadmap out as mostly maintenance.
pub const MOSTLY_RUN: f64 = 0.7;

/// One reason to look again at the roadmap, naming the item concerned.
#[derive(Debug, Clone, PartialEq)]
pub enum Gap {
    /// An active initiative that serves no goal: why are we doing this?
    Unlinked(InitiativeId),
    /// A goal with no active strong or partial support due by the end of next month.
    Unsupported(GoalId),
    /// A goal without any KPI.
    NoKpi(GoalId),
    /// A KPI without an agreed target (or one pointing the wrong way).
    NoTarget(GoalId, String),
    /// An active initiative without a business case ("what if we don't?" unanswered).
    NoCase(InitiativeId),
    /// An active initiative without an IT owner.
    NoOwner(InitiativeId),
    /// An active initiative planned before something it needs: (it, what it needs).
    Sequence(InitiativeId, InitiativeId),
    /// An open high risk without a mitigation: (initiative, risk id).
    Unmitigated(InitiativeId, String),
}

impl Gap {
    /// The heading the gap is listed under.
    pub fn heading(&self) -> &'static str {
        match self {
            Gap::Unlinked(_) => "Serving no goal: why are we doing this?",
            Gap::Unsupported(_) => "Goals with nothing on track to land by the end of next month",
            Gap::NoKpi(_) => "Goals with no KPI",
            Gap::NoTarget(..) => "KPIs whose progress cannot be worked out",
            Gap::NoCase(_) => "No business case (what happens if we don't?)",
            Gap::NoOwner(_) => "No IT owner",
            Gap::Sequence(..) => "Planned before what they need",
            Gap::Unmitigated(..) => "High risks with no mitigation",
        }
    }
}

/// Goals with no active, not overdue initiative linked strong or partial whose target is on
/// or before the end of next month (the contract's "unsupported goal"); a goal whose work is
/// all done is delivered, not unsupported.
pub fn is_unsupported(roadmap: &Roadmap, goal: &GoalId, today: NaiveDate) -> bool {
    support(roadmap, goal, today).is_unsupported()
}

/// Whether `goal` can count on work landing soon, and if not, why.
pub fn support(roadmap: &Roadmap, goal: &GoalId, today: NaiveDate) -> Support {
    super::tally::tally_of(roadmap, goal, today).support()
}

/// Every gap, grouped in the order of [`Gap`]'s variants and, within a group, in board order.
pub fn gaps(roadmap: &Roadmap, today: NaiveDate) -> Vec<Gap> {
    let active = roadmap.active_in_board_order();
    let mut out = Vec::new();
    out.extend(
        active
            .iter()
            .filter(|i| i.serves.is_empty())
            .map(|i| Gap::Unlinked(i.id.clone())),
    );
    out.extend(
        roadmap
            .goals
            .iter()
            .filter(|g| is_unsupported(roadmap, &g.id, today))
            .map(|g| Gap::Unsupported(g.id.clone())),
    );
    out.extend(
        roadmap
            .goals
            .iter()
            .filter(|g| g.kpis.is_empty())
            .map(|g| Gap::NoKpi(g.id.clone())),
    );
    for goal in &roadmap.goals {
        out.extend(
            goal.kpis
                .iter()
                .filter(|k| k.progress().is_none())
                .map(|k| Gap::NoTarget(goal.id.clone(), k.id.clone())),
        );
    }
    out.extend(
        active
            .iter()
            .filter(|i| !i.case.is_made())
            .map(|i| Gap::NoCase(i.id.clone())),
    );
    out.extend(
        active
            .iter()
            .filter(|i| i.it_owner.trim().is_empty())
            .map(|i| Gap::NoOwner(i.id.clone())),
    );
    for i in &active {
        for needed in &i.needs {
            if let Some(n) = roadmap.initiative(needed)
                && n.status.is_active()
                && n.target.is_later_than(&i.target)
            {
                out.push(Gap::Sequence(i.id.clone(), n.id.clone()));
            }
        }
    }
    for i in &active {
        out.extend(
            i.risks
                .iter()
                .filter(|r| r.needs_mitigation())
                .map(|r| Gap::Unmitigated(i.id.clone(), r.id.clone())),
        );
    }
    out
}

/// The risk picture of one goal: open risks of the active initiatives that serve it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exposure {
    /// Open risks counted.
    pub open: usize,
    /// Sum of their severities.
    pub severity: u32,
    /// Open high risks.
    pub high: usize,
    /// Open high risks without a mitigation.
    pub unmitigated: usize,
}

/// Open risks of active initiatives serving `goal`, each with its initiative, worst first.
pub fn goal_risks<'a>(roadmap: &'a Roadmap, goal: &GoalId) -> Vec<(&'a Initiative, &'a Risk)> {
    let mut out: Vec<_> = roadmap
        .serving(goal)
        .flat_map(|i| i.risks.iter().filter(|r| r.is_open()).map(move |r| (i, r)))
        .collect();
    out.sort_by_key(|(_, r)| std::cmp::Reverse(r.severity()));
    out
}

/// Rolls the open risks of the active initiatives serving `goal` up to the goal.
pub fn exposure(roadmap: &Roadmap, goal: &GoalId) -> Exposure {
    let mut e = Exposure::default();
    for (_, r) in goal_risks(roadmap, goal) {
        e.open += 1;
        e.severity += u32::from(r.severity());
        e.high += usize::from(r.is_high());
        e.unmitigated += usize::from(r.needs_mitigation());
    }
    e
}

impl BalanceRow {
    /// Where a goal gets less than half its weight: "initiatives", "cost" or "initiatives
    /// and cost" (cost only when `with_cost`, and only once some cost is known); None when
    /// it gets its share. A P1 goal with many small initiatives but 3% of the money is
    /// flagged.
    pub fn below_weight(&self, with_cost: bool) -> Option<&'static str> {
        let weight = self.weight?;
        let few = self.initiatives < weight / 2.0;
        let poor = with_cost && self.cost.is_some_and(|c| c < weight / 2.0);
        match (few, poor) {
            (true, true) => Some("both"),
            (true, false) => Some("initiatives"),
            (false, true) => Some("cost"),
            (false, false) => None,
        }
    }
}

/// One row of the balance: a goal (or "no goal") with its shares.
#[derive(Debug, Clone, PartialEq)]
pub struct BalanceRow {
    /// The goal; None for the active initiatives serving no goal.
    pub goal: Option<GoalId>,
    /// Share of active initiatives (split over goals by link strength), 0..=1.
    pub initiatives: f64,
    /// Share of estimated cost (split the same way), 0..=1; None when no cost is known.
    pub cost: Option<f64>,
    /// The goal's share of all goal weights, 0..=1 (None for "no goal").
    pub weight: Option<f64>,
}

/// The portfolio balance of active initiatives.
#[derive(Debug, Clone, PartialEq)]
pub struct Balance {
    /// One row per goal in roadmap order, then "no goal" when any initiative serves none.
    pub rows: Vec<BalanceRow>,
    /// Share of active initiatives per kind, in [`Kind::ALL`] order.
    pub kinds: [f64; 3],
    /// Share of estimated cost per kind (None when no cost is known).
    pub kind_costs: Option<[f64; 3]>,
    /// Active initiatives counted.
    pub active: usize,
    /// Active initiatives with a cost estimate.
    pub costed: usize,
    /// Their estimated cost in total.
    pub total_cost: f64,
}

impl Balance {
    /// A warning when run work dominates (≥ 70 % of active initiatives), else None.
    pub fn warning(&self) -> Option<String> {
        let run = self.kinds[0];
        if self.active == 0 || run < MOSTLY_RUN {
            return None;
        }
        Some(if run >= 1.0 {
            "All active work is \"run\": nothing improves or transforms the business.".into()
        } else {
            format!(
                "{} of active work is \"run\": mostly keeping the lights on.",
                percent(run)
            )
        })
    }
}

/// How an initiative's one unit (of count or cost) splits over its goals: strong 3, partial 2,
/// weak 1, normalised to sum to 1. Empty for an initiative serving no goal.
pub fn split(initiative: &Initiative) -> Vec<(&GoalId, f64)> {
    let total: u32 = initiative.serves.iter().map(|l| l.strength.weight()).sum();
    initiative
        .serves
        .iter()
        .map(|l| (&l.goal, f64::from(l.strength.weight()) / f64::from(total)))
        .collect()
}

/// The balance of the roadmap's active initiatives.
pub fn balance(roadmap: &Roadmap) -> Balance {
    let active: Vec<&Initiative> = roadmap
        .initiatives
        .iter()
        .filter(|i| i.status.is_active())
        .collect();
    let mut count: BTreeMap<Option<&GoalId>, f64> = BTreeMap::new();
    let mut cost: BTreeMap<Option<&GoalId>, f64> = BTreeMap::new();
    let mut kinds = [0.0; 3];
    let mut kind_costs = [0.0; 3];
    for i in &active {
        let parts = split(i);
        let money = i.case.cost.filter(|c| c.is_finite() && *c > 0.0);
        if parts.is_empty() {
            *count.entry(None).or_default() += 1.0;
            *cost.entry(None).or_default() += money.unwrap_or(0.0);
        }
        for (goal, share) in parts {
            *count.entry(Some(goal)).or_default() += share;
            *cost.entry(Some(goal)).or_default() += share * money.unwrap_or(0.0);
        }
        let k = kind_index(i.kind);
        kinds[k] += 1.0;
        kind_costs[k] += money.unwrap_or(0.0);
    }
    let n = active.len() as f64;
    let total_cost: f64 = kind_costs.iter().sum();
    let total_weight: u32 = roadmap.goals.iter().map(Goal::weight).sum();
    let share = |x: f64, of: f64| if of > 0.0 { x / of } else { 0.0 };
    let cost_share = |key| (total_cost > 0.0).then(|| share(cost_of(&cost, key), total_cost));
    let mut rows: Vec<BalanceRow> = roadmap
        .goals
        .iter()
        .map(|g| BalanceRow {
            goal: Some(g.id.clone()),
            initiatives: share(cost_of(&count, Some(&g.id)), n),
            cost: cost_share(Some(&g.id)),
            weight: Some(share(f64::from(g.weight()), f64::from(total_weight))),
        })
        .collect();
    if count.contains_key(&None) {
        rows.push(BalanceRow {
            goal: None,
            initiatives: share(cost_of(&count, None), n),
            cost: cost_share(None),
            weight: None,
        });
    }
    Balance {
        rows,
        kinds: kinds.map(|k| share(k, n)),
        kind_costs: (total_cost > 0.0).then(|| kind_costs.map(|k| share(k, total_cost))),
        active: active.len(),
        // A cost of 0 is an estimate (nothing to spend); none is no estimate.
        costed: active
            .iter()
            .filter(|i| i.case.cost.is_some_and(|c| c.is_finite() && c >= 0.0))
            .count(),
        total_cost,
    }
}

fn cost_of(map: &BTreeMap<Option<&GoalId>, f64>, key: Option<&GoalId>) -> f64 {
    map.get(&key).copied().unwrap_or(0.0)
}

fn kind_index(kind: Kind) -> usize {
    match kind {
        Kind::Run => 0,
        Kind::Grow => 1,
        Kind::Transform => 2,
    }
}

/// The health of every goal, in roadmap order.
pub fn health(roadmap: &Roadmap, today: NaiveDate) -> Vec<Health> {
    super::tally::Tallies::of(roadmap, today).health(roadmap)
}

/// The headline figures of the alignment summary line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Active initiatives.
    pub active: usize,
    /// Active initiatives serving at least one goal (any strength).
    pub linked: usize,
    /// Unsupported goals.
    pub unsupported: usize,
    /// Goals.
    pub goals: usize,
    /// Open high risks without a mitigation, on active initiatives.
    pub unmitigated: usize,
}

impl Summary {
    /// The summary as one line, e.g.
    /// "83% of initiatives serve a goal · 2 goals unsupported · 3 high risks unmitigated".
    pub fn line(&self) -> String {
        let served = if self.active == 0 {
            "no active initiatives".to_string()
        } else {
            format!(
                "{} of initiatives serve a goal",
                percent(self.linked as f64 / self.active as f64)
            )
        };
        let goals = match (self.goals, self.unsupported) {
            (0, _) => "no goals yet".to_string(),
            (_, 0) => "every goal supported".to_string(),
            (_, 1) => "1 goal unsupported".to_string(),
            (_, n) => format!("{n} goals unsupported"),
        };
        let risks = match self.unmitigated {
            0 => "no high risk unmitigated".to_string(),
            1 => "1 high risk unmitigated".to_string(),
            n => format!("{n} high risks unmitigated"),
        };
        format!("{served} · {goals} · {risks}")
    }
}

/// Computes the summary figures.
pub fn summary(roadmap: &Roadmap, today: NaiveDate) -> Summary {
    let tallies = super::tally::Tallies::of(roadmap, today);
    summary_with(roadmap, &tallies, &tallies.health(roadmap))
}

/// [`summary`] from tallies and goal health already worked out (`health` in roadmap order, as
/// [`Tallies::health`](super::tally::Tallies::health) gives it): the app keeps both up to date
/// one initiative at a time, so the summary need not go over every initiative again.
pub fn summary_with(
    roadmap: &Roadmap,
    tallies: &super::tally::Tallies,
    health: &[Health],
) -> Summary {
    let portfolio = tallies.portfolio();
    Summary {
        active: portfolio.active,
        linked: portfolio.linked,
        unsupported: health.iter().filter(|h| h.support.is_unsupported()).count(),
        goals: roadmap.goals.len(),
        unmitigated: portfolio.unmitigated,
    }
}

/// A fraction as a whole percentage, e.g. 0.834 → "83%" (values outside 0..=1 as they are).
pub fn percent(x: f64) -> String {
    if x.is_finite() {
        // Round first so a tiny negative value never shows as "-0%".
        let whole = (x * 100.0).round();
        format!("{:.0}%", if whole == 0.0 { 0.0 } else { whole })
    } else {
        "n/a".into()
    }
}

/// KPI progress as text: "62%" or "n/a".
pub fn progress_label(kpi: &Kpi) -> String {
    kpi.progress().map_or_else(|| "n/a".into(), percent)
}

#[cfg(test)]
#[path = "alignment_tests.rs"]
mod tests;
