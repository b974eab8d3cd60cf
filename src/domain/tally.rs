//! Per-goal sums over the initiatives (how many serve it, how many support it soon enough,
//! how many unmitigated high risks ride on it), kept up to date one initiative at a time so
//! that an edit costs the same with 100 initiatives or 100,000.

use super::business::{Kpi, Strength};
use super::horizon::Horizon;
use super::{GoalId, Initiative, InitiativeId, Roadmap};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap};

/// How a goal is doing at a glance, for the goals pane.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Health {
    /// Whether work it can count on lands by the end of next month, and if not, why.
    pub support: Support,
    /// Open high risks without a mitigation on the work serving it.
    pub unmitigated: usize,
    /// The lowest and highest progress of its KPIs with a usable target.
    pub progress: Option<(f64, f64)>,
}

/// One goal's sums.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Active initiatives linked to it at any strength.
    pub serving: usize,
    /// Of those, linked strong or partial, not overdue, and due by the end of next month:
    /// the work the goal can count on.
    pub supporting: usize,
    /// Linked strong or partial, active, and past its target.
    pub overdue: usize,
    /// Linked strong or partial, active, due after the end of next month.
    pub later: usize,
    /// Done initiatives linked strong or partial.
    pub delivered: usize,
    /// Open high risks without a mitigation on the active initiatives serving it.
    pub unmitigated: usize,
}

impl Tally {
    /// Adds `part` in (or takes it out again, never below zero).
    fn combine(&mut self, part: &Tally, add: bool) {
        let fields = [
            (&mut self.serving, part.serving),
            (&mut self.supporting, part.supporting),
            (&mut self.overdue, part.overdue),
            (&mut self.later, part.later),
            (&mut self.delivered, part.delivered),
            (&mut self.unmitigated, part.unmitigated),
        ];
        for (sum, n) in fields {
            *sum = if add { *sum + n } else { sum.saturating_sub(n) };
        }
    }

    /// Whether the goal can count on work landing soon, and if not, why.
    pub fn support(&self) -> Support {
        if self.supporting > 0 {
            Support::Supported
        } else if self.serving == 0 && self.delivered > 0 {
            Support::Delivered
        } else {
            Support::Unsupported {
                overdue: self.overdue,
                later: self.later,
                weak: self.serving - self.overdue - self.later,
            }
        }
    }
}

/// Whether a goal can count on work landing soon (the contract's unsupported goal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Support {
    /// Active strong or partial work, not overdue, lands by the end of next month.
    Supported,
    /// No active work left and some was delivered: done, not abandoned.
    Delivered,
    /// Neither; its active work instead (counts of initiatives).
    Unsupported {
        /// Strong or partial, past their target.
        overdue: usize,
        /// Strong or partial, due after the end of next month.
        later: usize,
        /// Linked only weakly.
        weak: usize,
    },
}

impl Default for Support {
    /// What a goal with no work at all has.
    fn default() -> Self {
        Tally::default().support()
    }
}

impl Support {
    /// True for [`Support::Unsupported`].
    pub fn is_unsupported(self) -> bool {
        matches!(self, Support::Unsupported { .. })
    }

    /// The support in words for a goal's line: "supported", "delivered, nothing open", or
    /// "UNSUPPORTED · none by 31 Jan: 2 overdue".
    pub fn label(self, today: NaiveDate) -> String {
        match self {
            Support::Supported => "supported".into(),
            Support::Delivered => "delivered, nothing open".into(),
            Support::Unsupported { .. } => format!("UNSUPPORTED · {}", self.why(today)),
        }
    }

    /// Why a goal is unsupported, in a few words: "no initiatives", "none by 31 Jan: 2
    /// overdue, 1 after that, 1 weak link" (strong or partial work past its target or due after
    /// next month, and work linked only weakly). Empty when it is supported or delivered.
    pub fn why(self, today: NaiveDate) -> String {
        let Support::Unsupported {
            overdue,
            later,
            weak,
        } = self
        else {
            return String::new();
        };
        if overdue + later + weak == 0 {
            return "no initiatives".into();
        }
        let end = super::dates::day_month(Horizon::NextMonth.window_end(today), today);
        let mut parts = Vec::new();
        if overdue > 0 {
            parts.push(format!("{overdue} overdue"));
        }
        if later > 0 {
            parts.push(format!("{later} after that"));
        }
        if weak > 0 {
            parts.push(format!(
                "{weak} weak {}",
                if weak == 1 { "link" } else { "links" }
            ));
        }
        format!("none by {end}: {}", parts.join(", "))
    }
}

/// Counts over the whole portfolio that the alignment summary line shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Portfolio {
    /// Active initiatives.
    pub active: usize,
    /// Active initiatives serving at least one goal (any strength).
    pub linked: usize,
    /// Open high risks without a mitigation on active initiatives.
    pub unmitigated: usize,
}

/// The sums of every goal, as of one day (support depends on the horizons), and the
/// portfolio's counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tallies {
    today: NaiveDate,
    by_goal: HashMap<GoalId, Tally>,
    portfolio: Portfolio,
}

impl Tallies {
    /// Sums over every initiative of `roadmap`.
    pub fn of(roadmap: &Roadmap, today: NaiveDate) -> Self {
        let mut tallies = Self {
            today,
            by_goal: HashMap::new(),
            portfolio: Portfolio::default(),
        };
        for initiative in &roadmap.initiatives {
            tallies.add(initiative);
        }
        tallies
    }

    /// The day the support figures are for.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// Counts `initiative` in.
    pub fn add(&mut self, initiative: &Initiative) {
        self.apply(initiative, true);
    }

    /// Counts `initiative` out again (as it was when added).
    pub fn remove(&mut self, initiative: &Initiative) {
        self.apply(initiative, false);
    }

    /// The portfolio's counts.
    pub fn portfolio(&self) -> Portfolio {
        self.portfolio
    }

    fn apply(&mut self, initiative: &Initiative, add: bool) {
        if initiative.status.is_active() {
            let step = |count: &mut usize, by: usize| {
                debug_assert!(add || *count >= by, "counted out what was never counted in");
                *count = if add {
                    *count + by
                } else {
                    count.saturating_sub(by)
                };
            };
            let p = &mut self.portfolio;
            step(&mut p.active, 1);
            step(&mut p.linked, usize::from(!initiative.serves.is_empty()));
            let open = initiative
                .risks
                .iter()
                .filter(|r| r.needs_mitigation())
                .count();
            step(&mut p.unmitigated, open);
        }
        for link in &initiative.serves {
            let part = contribution(initiative, link.strength, self.today);
            if part == Tally::default() {
                continue;
            }
            let tally = self.by_goal.entry(link.goal.clone()).or_default();
            tally.combine(&part, add);
            if !add && *tally == Tally::default() {
                self.by_goal.remove(&link.goal);
            }
        }
    }

    /// The sums for `goal` (all zero when nothing serves it).
    pub fn get(&self, goal: &GoalId) -> Tally {
        self.by_goal.get(goal).copied().unwrap_or_default()
    }

    /// The health of every goal of `roadmap`, in roadmap order.
    pub fn health(&self, roadmap: &Roadmap) -> Vec<Health> {
        roadmap
            .goals
            .iter()
            .map(|g| {
                let tally = self.get(&g.id);
                Health {
                    support: tally.support(),
                    unmitigated: tally.unmitigated,
                    progress: g
                        .kpis
                        .iter()
                        .filter_map(Kpi::progress)
                        .fold(None, |acc, p| {
                            Some(acc.map_or((p, p), |(lo, hi): (f64, f64)| (lo.min(p), hi.max(p))))
                        }),
                }
            })
            .collect()
    }

    /// Active initiatives serving each goal of `roadmap`, in roadmap order.
    pub fn serving(&self, roadmap: &Roadmap) -> Vec<usize> {
        roadmap
            .goals
            .iter()
            .map(|g| self.get(&g.id).serving)
            .collect()
    }
}

/// What one initiative adds to the sums of a goal it serves at `strength`, as of `today`.
fn contribution(initiative: &Initiative, strength: Strength, today: NaiveDate) -> Tally {
    let strong = Strength::supports(strength);
    if initiative.status == super::Status::Done {
        return Tally {
            delivered: usize::from(strong),
            ..Tally::default()
        };
    }
    if !initiative.status.is_active() {
        return Tally::default();
    }
    let overdue = initiative.target.is_before(today);
    let later = initiative
        .target
        .is_after(Horizon::NextMonth.window_end(today));
    Tally {
        serving: 1,
        supporting: usize::from(strong && !overdue && !later),
        overdue: usize::from(strong && overdue),
        later: usize::from(strong && later),
        delivered: 0,
        unmitigated: initiative
            .risks
            .iter()
            .filter(|r| r.is_open() && r.needs_mitigation())
            .count(),
    }
}

/// The sums of one goal, worked out from scratch (for a view of one goal, or an export).
pub fn tally_of(roadmap: &Roadmap, goal: &GoalId, today: NaiveDate) -> Tally {
    let mut sum = Tally::default();
    for initiative in &roadmap.initiatives {
        if let Some(strength) = initiative.strength_for(goal) {
            sum.combine(&contribution(initiative, strength, today), true);
        }
    }
    sum
}

/// Which initiatives need each initiative (the reverse of `needs`), kept up to date one
/// initiative at a time like [`Tallies`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NeededBy {
    by_need: HashMap<InitiativeId, BTreeSet<InitiativeId>>,
}

impl NeededBy {
    /// The reverse links of every initiative of `roadmap`.
    pub fn of(roadmap: &Roadmap) -> Self {
        let mut needed_by = Self::default();
        for initiative in &roadmap.initiatives {
            needed_by.add(initiative);
        }
        needed_by
    }

    /// Counts the needs of `initiative` in.
    pub fn add(&mut self, initiative: &Initiative) {
        for need in &initiative.needs {
            let by = self.by_need.entry(need.clone()).or_default();
            by.insert(initiative.id.clone());
        }
    }

    /// Counts the needs of `initiative` out again (as it was when added).
    pub fn remove(&mut self, initiative: &Initiative) {
        for need in &initiative.needs {
            if let Some(by) = self.by_need.get_mut(need) {
                by.remove(&initiative.id);
                if by.is_empty() {
                    self.by_need.remove(need);
                }
            }
        }
    }

    /// The initiatives of `roadmap` that need `id`, in roadmap order.
    pub fn of_initiative<'a>(
        &self,
        roadmap: &'a Roadmap,
        id: &InitiativeId,
    ) -> Vec<&'a Initiative> {
        let Some(by) = self.by_need.get(id) else {
            return Vec::new();
        };
        let mut at: Vec<usize> = by
            .iter()
            .filter_map(|o| roadmap.initiatives.position_of(o))
            .collect();
        at.sort_unstable();
        at.into_iter().map(|n| &roadmap.initiatives[n]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::alignment::{exposure, is_unsupported};

    fn sample(today: NaiveDate) -> Roadmap {
        let now = today.and_hms_opt(9, 0, 0).unwrap().and_utc();
        crate::sample::sample(today, now).unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The sums agree with the goal-by-goal definitions, on dates across month and year ends.
    #[test]
    fn agree_with_the_definitions_on_the_sample() {
        for today in [
            "2026-11-22",
            "2026-11-30",
            "2026-12-31",
            "2027-01-04",
            "2027-03-01",
        ] {
            let today = day(today);
            let r = sample(day("2026-11-22"));
            let tallies = Tallies::of(&r, today);
            for g in &r.goals {
                let t = tallies.get(&g.id);
                assert_eq!(t.serving, r.serving(&g.id).count(), "{} {today}", g.code);
                assert_eq!(
                    t.support().is_unsupported(),
                    is_unsupported(&r, &g.id, today)
                );
                assert_eq!(t, tally_of(&r, &g.id, today), "{} {today}", g.code);
                assert_eq!(t.unmitigated, exposure(&r, &g.id).unmitigated);
            }
        }
    }

    #[test]
    fn removing_and_adding_an_edited_initiative_gives_the_full_sums() {
        let today = day("2026-11-22");
        let mut r = sample(today);
        let mut tallies = Tallies::of(&r, today);
        let goal = r.goals[0].id.clone();
        let at = r
            .initiatives
            .iter()
            .position(|i| i.status.is_active() && !i.serves_goal(&goal))
            .unwrap();
        let old = r.initiatives[at].clone();
        r.initiatives[at].set_link(&goal, Some(Strength::Strong));
        r.initiatives[at].target = crate::domain::Target::day(today);
        tallies.remove(&old);
        tallies.add(&r.initiatives[at]);
        assert_eq!(tallies, Tallies::of(&r, today));
        assert_ne!(tallies, Tallies::of(&sample(today), today));
    }

    #[test]
    fn needed_by_is_the_reverse_of_needs_in_roadmap_order() {
        let today = day("2026-11-22");
        let mut r = sample(today);
        let (a, b, c) = (
            r.initiatives[0].id.clone(),
            r.initiatives[3].id.clone(),
            r.initiatives[5].id.clone(),
        );
        for i in r.initiatives.iter_mut() {
            i.needs.clear();
        }
        r.initiatives[5].needs.push(a.clone());
        r.initiatives[3].needs.push(a.clone());
        let mut index = NeededBy::of(&r);
        let ids = |v: Vec<&Initiative>| v.into_iter().map(|i| i.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(index.of_initiative(&r, &a)), vec![b.clone(), c.clone()]);
        let old = r.initiatives[3].clone();
        r.initiatives[3].needs.clear();
        index.remove(&old);
        index.add(&r.initiatives[3]);
        assert_eq!(ids(index.of_initiative(&r, &a)), vec![c]);
        assert_eq!(index, NeededBy::of(&r));
        assert!(index.of_initiative(&r, &b).is_empty());
    }
}
