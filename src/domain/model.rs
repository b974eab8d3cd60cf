//! The roadmap data model as stored in RON: `Roadmap`, `Goal`, `Initiative` and their enums.

use super::business::{BusinessCase, Deliverable, GoalLink, Kpi, Risk, Strength};
use super::checkin::CheckIn;
use super::conflict::Conflict;
use super::decisions::{Action, Decision, Link};
use super::horizon::Horizon;
use super::ids::{GoalId, InitiativeId};
use super::items::{Items, Keyed};
use super::marks::Reviewed;
use super::target::{Calendar, Target};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The schema version this build writes. Older versions are migrated on load.
/// 1: goals and initiatives. 2: adds decisions and action items. 3: goal links with a
/// strength (`serves`), KPIs, business cases, risks, deliverables, dependencies, currency,
/// slip reasons, relationship check-ins, review marks. 4: targets keep the period they were
/// promised in (`Q3 2027`) or are `later`; the calendar settings (fiscal year, day order); KPIs
/// without a baseline, with a relative target or a target note. 5: a goal may name the company
/// goal it contributes to (`contributes_to`), merge conflicts kept in the file (`conflicts`);
/// initiatives and review marks are written sorted by id, so two people adding items do not
/// both append at the same place.
pub const SCHEMA_VERSION: u32 = 5;

/// A whole roadmap: the goals the business wants and the IT initiatives serving them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roadmap {
    /// Schema version of the file.
    pub version: u32,
    /// Display name, e.g. "IT roadmap 2027".
    pub name: String,
    /// Currency symbol or code shown with costs and revenue, e.g. "€" (since version 3).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub currency: String,
    /// The fiscal year and how `3/4/2027` reads (since version 4).
    #[serde(default, skip_serializing_if = "Calendar::is_default")]
    pub calendar: Calendar,
    /// Business goals, in the order the user keeps them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    /// IT initiatives, including done and dropped ones.
    #[serde(
        default,
        skip_serializing_if = "Items::is_empty",
        serialize_with = "super::items::by_key"
    )]
    pub initiatives: Items<Initiative>,
    /// Decisions taken in planning sessions (since version 2).
    #[serde(default, skip_serializing_if = "Items::is_empty")]
    pub decisions: Items<Decision>,
    /// Action items agreed in planning sessions (since version 2).
    #[serde(default, skip_serializing_if = "Items::is_empty")]
    pub actions: Items<Action>,
    /// Relationship check-ins, in the order recorded (since version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkins: Vec<CheckIn>,
    /// Review queue entries marked reviewed (since version 3).
    #[serde(
        default,
        skip_serializing_if = "Items::is_empty",
        serialize_with = "super::items::by_key"
    )]
    pub reviews: Items<Reviewed>,
    /// The day of the last finished review (since version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_review: Option<NaiveDate>,
    /// Fields two people changed differently, kept by `alignmap merge` until someone picks
    /// a side (since version 5). The file holds a valid value for each meanwhile.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

/// An outcome the business wants, owned on the business side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Stable id, never reused.
    pub id: GoalId,
    /// Short code shown on cards, e.g. `O2C` (1-6 letters or digits, unique).
    pub code: String,
    /// The outcome in business words, e.g. "Cut order-to-cash time by 20%".
    pub title: String,
    /// Longer description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Business owner.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Priority 1 (highest) to 5; its weight in the balance is 6 − priority.
    #[serde(default = "default_priority")]
    pub priority: u8,
    /// How the business measures it (since version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<Kpi>,
    /// The company goal (an id or code from `portfolio.ron`) this unit goal contributes to
    /// (since version 5).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contributes_to: String,
}

impl Goal {
    /// A goal with empty text and priority 3, for a form to fill.
    pub fn blank(id: GoalId) -> Self {
        Goal {
            id,
            code: String::new(),
            title: String::new(),
            description: String::new(),
            owner: String::new(),
            priority: default_priority(),
            kpis: Vec::new(),
            contributes_to: String::new(),
        }
    }

    /// The goal's weight for the portfolio balance: priority 1 weighs 5, priority 5 weighs 1.
    pub fn weight(&self) -> u32 {
        6u32.saturating_sub(u32::from(self.priority.clamp(1, 5)))
    }
}

fn default_priority() -> u8 {
    3
}

/// Where an initiative stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Asked for, not yet agreed.
    Proposed,
    /// Agreed and scheduled.
    Planned,
    /// Being worked on.
    InProgress,
    /// Cannot move until something else happens.
    Blocked,
    /// Delivered.
    Done,
    /// Abandoned.
    Dropped,
}

impl Status {
    /// Every status, in workflow order.
    pub const ALL: [Status; 6] = [
        Status::Proposed,
        Status::Planned,
        Status::InProgress,
        Status::Blocked,
        Status::Done,
        Status::Dropped,
    ];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Status::Proposed => "Proposed",
            Status::Planned => "Planned",
            Status::InProgress => "In progress",
            Status::Blocked => "Blocked",
            Status::Done => "Done",
            Status::Dropped => "Dropped",
        }
    }

    /// A symbol that tells the status apart without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Proposed => "◇",
            Status::Planned => "○",
            Status::InProgress => "◐",
            Status::Blocked => "⊘",
            Status::Done => "✓",
            Status::Dropped => "✗",
        }
    }

    /// Active means neither done nor dropped.
    pub fn is_active(self) -> bool {
        !matches!(self, Status::Done | Status::Dropped)
    }
}

/// Portfolio kind: keeping the lights on, improving, or strategic change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// Keep the lights on.
    Run,
    /// Improve what exists.
    Grow,
    /// Strategic change.
    Transform,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 3] = [Kind::Run, Kind::Grow, Kind::Transform];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Run => "Run",
            Kind::Grow => "Grow",
            Kind::Transform => "Transform",
        }
    }
}

/// One change of an initiative's target date, kept so slips are never lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetChange {
    /// The day the change was made.
    pub on: NaiveDate,
    /// Target before the change.
    pub from: Target,
    /// Target after the change.
    pub to: Target,
    /// Why it moved, when someone said (since version 3).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

impl TargetChange {
    /// True when the target moved later (a slip): a later day, or from a day to unscheduled.
    pub fn is_slip(&self) -> bool {
        self.to.is_later_than(&self.from)
    }
}

/// A piece of IT work, placed on the roadmap by its target date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    /// Stable id, never reused.
    pub id: InitiativeId,
    /// Short title.
    pub title: String,
    /// One-paragraph summary in business language.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// IT owner.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub it_owner: String,
    /// Business sponsor.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sponsor: String,
    /// Goals this initiative serves, each with a strength (since version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub serves: Vec<GoalLink>,
    /// Version 1-2 goal links (all strong); moved into `serves` on load, never written.
    #[serde(default, rename = "goals", skip_serializing)]
    pub legacy_goals: Vec<GoalId>,
    /// The person who carries the initiative's case (since version 3).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub champion: String,
    /// Workflow status.
    pub status: Status,
    /// Portfolio kind.
    pub kind: Kind,
    /// When it is due (a day, a period as promised, or later); its horizon is derived from
    /// it relative to today.
    pub target: Target,
    /// The day it was marked done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<NaiveDate>,
    /// Free tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Notes (internal).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Manual order among cards with the same target date (lower first).
    #[serde(default, skip_serializing_if = "crate::domain::is_default")]
    pub rank: i32,
    /// When it was created.
    pub created: DateTime<Utc>,
    /// When it was last changed.
    pub updated: DateTime<Utc>,
    /// Every change of the target date, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_log: Vec<TargetChange>,
    /// The business case (since version 3).
    #[serde(default, skip_serializing_if = "BusinessCase::is_empty")]
    pub case: BusinessCase,
    /// Risks, in the order raised (since version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Risk>,
    /// What the business gets and when (since version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deliverables: Vec<Deliverable>,
    /// Initiatives this one needs first (since version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<InitiativeId>,
}

impl Keyed for Initiative {
    type Key = InitiativeId;
    fn key(&self) -> &InitiativeId {
        &self.id
    }
}

impl Initiative {
    /// The order of cards in a column, and of every list of initiatives: by target date,
    /// then rank, title and id.
    pub fn board_key(&self) -> (Target, i32, &str, &InitiativeId) {
        (self.target, self.rank, &self.title, &self.id)
    }

    /// A proposed "grow" initiative with empty text, due on the day it was created.
    pub fn blank(id: InitiativeId, now: DateTime<Utc>) -> Self {
        Initiative {
            id,
            title: String::new(),
            summary: String::new(),
            it_owner: String::new(),
            sponsor: String::new(),
            serves: Vec::new(),
            legacy_goals: Vec::new(),
            champion: String::new(),
            status: Status::Proposed,
            kind: Kind::Grow,
            target: Target::day(now.date_naive()),
            done_on: None,
            tags: Vec::new(),
            notes: String::new(),
            rank: 0,
            created: now,
            updated: now,
            target_log: Vec::new(),
            case: BusinessCase::default(),
            risks: Vec::new(),
            deliverables: Vec::new(),
            needs: Vec::new(),
        }
    }

    /// The ids of the goals it serves, in link order.
    pub fn goal_ids(&self) -> impl Iterator<Item = &GoalId> {
        self.serves.iter().map(|l| &l.goal)
    }

    /// How strongly it serves `goal`, None when it does not.
    pub fn strength_for(&self, goal: &GoalId) -> Option<Strength> {
        self.serves
            .iter()
            .find(|l| &l.goal == goal)
            .map(|l| l.strength)
    }

    /// True when it serves `goal` at any strength.
    pub fn serves_goal(&self, goal: &GoalId) -> bool {
        self.strength_for(goal).is_some()
    }

    /// Links it to `goal` at `strength` (None unlinks), keeping the order of existing links.
    pub fn set_link(&mut self, goal: &GoalId, strength: Option<Strength>) {
        match (self.serves.iter_mut().find(|l| &l.goal == goal), strength) {
            (Some(link), Some(s)) => link.strength = s,
            (Some(_), None) => self.serves.retain(|l| &l.goal != goal),
            (None, Some(s)) => self.serves.push(GoalLink {
                goal: goal.clone(),
                strength: s,
            }),
            (None, None) => {}
        }
    }

    /// The first target ever recorded (what was first promised; may be `later`).
    pub fn first_target(&self) -> Target {
        self.target_log.first().map_or(self.target, |c| c.from)
    }

    /// The day first promised: the first target ever recorded that had a day. None while
    /// it was never scheduled (no promise made yet).
    pub fn first_promise(&self) -> Option<NaiveDate> {
        self.target_log
            .iter()
            .map(|c| c.from)
            .chain([self.target])
            .find_map(|t| t.due())
    }

    /// Number of times the target moved later.
    pub fn slip_count(&self) -> usize {
        self.target_log.iter().filter(|c| c.is_slip()).count()
    }

    /// True when the target has passed and the initiative is still active.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_active() && self.target.is_before(today)
    }

    /// Days past its target as of `today` (0 when not past, or not scheduled).
    pub fn days_late(&self, today: NaiveDate) -> i64 {
        self.target
            .due()
            .map_or(0, |due| (today - due).num_days().max(0))
    }

    /// Its horizon relative to `today`.
    /// Unscheduled work is beyond next month: in Next year, after every dated card.
    pub fn horizon(&self, today: NaiveDate) -> Horizon {
        self.target.horizon(today)
    }

    /// Where it stands for an export: its horizon while active, else `Done` or `Dropped`
    /// (finished work has no horizon; calling it "Now" would count it as work to do).
    pub fn horizon_label(&self, today: NaiveDate) -> &'static str {
        match self.status {
            Status::Done => "Done",
            Status::Dropped => "Dropped",
            _ => self.horizon(today).label(),
        }
    }

    /// Sets the target date and logs the change. Changes made on the same day are merged into
    /// one net change (moving a card back and forth in a meeting is not a slip); a day whose
    /// net change is nothing leaves no entry.
    pub fn set_target(&mut self, to: Target, today: NaiveDate) {
        if to == self.target {
            return;
        }
        let from = std::mem::replace(&mut self.target, to);
        match self.target_log.last_mut() {
            Some(last) if last.on == today => {
                last.to = to;
                if last.from == to {
                    self.target_log.pop();
                }
            }
            _ => self.target_log.push(TargetChange {
                on: today,
                from,
                to,
                reason: String::new(),
            }),
        }
    }

    /// Sets the status, keeping `done_on` consistent with it.
    pub fn set_status(&mut self, status: Status, today: NaiveDate) {
        if status == Status::Done && self.status != Status::Done {
            self.done_on = Some(today);
        } else if status != Status::Done {
            self.done_on = None;
        }
        self.status = status;
    }
}

impl Roadmap {
    /// An empty roadmap with the current schema version.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            version: SCHEMA_VERSION,
            name: name.into(),
            currency: String::new(),
            calendar: Calendar::default(),
            goals: Vec::new(),
            initiatives: Items::new(),
            decisions: Items::new(),
            actions: Items::new(),
            checkins: Vec::new(),
            reviews: Items::new(),
            last_review: None,
            conflicts: Vec::new(),
        }
    }

    /// The roadmap as its file holds it: initiatives and review marks in id order (the board's
    /// order is their targets and ranks, never the list's). Loading a saved roadmap gives this.
    pub fn in_file_order(&self) -> Self {
        Self {
            initiatives: self.initiatives.sorted_by_key(),
            reviews: self.reviews.sorted_by_key(),
            ..self.clone()
        }
    }

    /// Its size in words, e.g. "5 goals, 16 initiatives".
    pub fn size_label(&self) -> String {
        format!(
            "{}, {}",
            super::counted(self.goals.len(), "goal", "goals"),
            super::counted(self.initiatives.len(), "initiative", "initiatives")
        )
    }

    /// True when there is nothing in it yet.
    pub fn is_empty(&self) -> bool {
        self.goals.is_empty() && self.initiatives.is_empty()
    }

    /// Every id in use, goals and initiatives alike.
    pub fn taken_ids(&self) -> BTreeSet<&str> {
        let goals = self.goals.iter().map(|g| g.id.0.as_str());
        let inits = self.initiatives.iter().map(|i| i.id.0.as_str());
        let decisions = self.decisions.iter().map(|d| d.id.as_str());
        let actions = self.actions.iter().map(|a| a.id.as_str());
        let kpis = self
            .goals
            .iter()
            .flat_map(|g| g.kpis.iter().map(|k| k.id.as_str()));
        let risks = self
            .initiatives
            .iter()
            .flat_map(|i| i.risks.iter().map(|r| r.id.as_str()));
        let checkins = self.checkins.iter().map(|c| c.id.as_str());
        goals
            .chain(inits)
            .chain(decisions)
            .chain(actions)
            .chain(kpis)
            .chain(risks)
            .chain(checkins)
            .collect()
    }

    /// What a decision or action is about, in a word: the goal's code or the initiative's
    /// title (None when it is gone).
    pub fn about(&self, link: &Link) -> Option<&str> {
        match link {
            Link::Goal(g) => self.goal(g).map(|g| g.code.as_str()),
            Link::Initiative(i) => self.initiative(i).map(|i| i.title.as_str()),
        }
    }

    /// The goal with this id.
    pub fn goal(&self, id: &GoalId) -> Option<&Goal> {
        self.goals.iter().find(|g| &g.id == id)
    }

    /// The goal with this id, mutably.
    pub fn goal_mut(&mut self, id: &GoalId) -> Option<&mut Goal> {
        self.goals.iter_mut().find(|g| &g.id == id)
    }

    /// The initiative with this id.
    pub fn initiative(&self, id: &InitiativeId) -> Option<&Initiative> {
        self.initiatives.find(id)
    }

    /// The initiative with this id, mutably.
    pub fn initiative_mut(&mut self, id: &InitiativeId) -> Option<&mut Initiative> {
        self.initiatives.find_mut(id)
    }

    /// Active initiatives linked to a goal.
    pub fn serving(&self, goal: &GoalId) -> impl Iterator<Item = &Initiative> {
        let mut serving: Vec<&Initiative> = self
            .initiatives
            .iter()
            .filter(move |i| i.status.is_active() && i.serves_goal(goal))
            .collect();
        serving.sort_by_key(|i| i.board_key());
        serving.into_iter()
    }

    /// The active initiatives in board order (by target, rank, title, id): the order every
    /// list of them takes, never the order of the list in memory or in the file.
    pub fn active_in_board_order(&self) -> Vec<&Initiative> {
        let mut active: Vec<&Initiative> = self
            .initiatives
            .iter()
            .filter(|i| i.status.is_active())
            .collect();
        active.sort_by_key(|i| i.board_key());
        active
    }

    /// Removes a goal and every link to it; returns the removed goal.
    pub fn remove_goal(&mut self, id: &GoalId) -> Option<Goal> {
        let pos = self.goals.iter().position(|g| &g.id == id)?;
        self.initiatives
            .update_where(|i| i.serves_goal(id), |i| i.set_link(id, None));
        self.unlink(&Link::Goal(id.clone()));
        Some(self.goals.remove(pos))
    }

    /// Removes an initiative; returns it. Decisions and actions about it stay, unlinked;
    /// initiatives that needed it no longer do.
    pub fn remove_initiative(&mut self, id: &InitiativeId) -> Option<Initiative> {
        let pos = self.initiatives.position_of(id)?;
        self.unlink(&Link::Initiative(id.clone()));
        self.initiatives
            .update_where(|i| i.needs.contains(id), |i| i.needs.retain(|n| n != id));
        Some(self.initiatives.remove(pos))
    }

    fn unlink(&mut self, link: &Link) {
        let links = self.decisions.iter_mut().map(|d| &mut d.link);
        for slot in links.chain(self.actions.iter_mut().map(|a| &mut a.link)) {
            if slot.as_ref() == Some(link) {
                *slot = None;
            }
        }
    }

    /// A short code for a new goal title, unique in this roadmap: initials, at most 4 letters
    /// (e.g. "Cut order-to-cash time" gives `COTC`), with a digit added on a clash.
    /// `own` is the goal being edited, whose current code does not count as taken.
    pub fn suggest_code(&self, title: &str, own: Option<&GoalId>) -> String {
        let initials: String = title
            .split(|c: char| !c.is_alphanumeric())
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_ascii_alphanumeric())
            .take(4)
            .collect::<String>()
            .to_ascii_uppercase();
        let base = if initials.is_empty() {
            "G".to_string()
        } else {
            initials
        };
        let taken = |code: &str| {
            self.goals
                .iter()
                .any(|g| Some(&g.id) != own && g.code.eq_ignore_ascii_case(code))
        };
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}{n}"))
            .find(|c| !taken(c))
            .unwrap_or(base)
    }
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
