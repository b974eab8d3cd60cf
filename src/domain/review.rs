//! The solo review: a queue of what needs the IT leader, built from the roadmap as it is
//! today, each entry with its reason; entries marked reviewed stay away until their item
//! changes. Also the promise-keeping figure and slip facts.

use super::alignment::is_unsupported;
use super::checkin::days_since_last;
use super::ids::{GoalId, InitiativeId};
use super::model::{Initiative, Roadmap};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How many days make something stale, overdue for a reading, or due a check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// An active initiative not updated for this long is stale.
    #[serde(default = "thirty")]
    pub stale_days: i64,
    /// A KPI without a reading for this long needs one.
    #[serde(default = "thirty")]
    pub kpi_days: i64,
    /// A check-in is due this long after the last one.
    #[serde(default = "thirty")]
    pub checkin_days: i64,
    /// Slipped this many times or more puts an initiative in the queue.
    #[serde(default = "two")]
    pub slips: usize,
}

fn thirty() -> i64 {
    30
}

fn two() -> usize {
    2
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            stale_days: 30,
            kpi_days: 30,
            checkin_days: 30,
            slips: 2,
        }
    }
}

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

/// What an entry is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// An initiative.
    Initiative(InitiativeId),
    /// A goal.
    Goal(GoalId),
    /// A KPI of a goal.
    Kpi(GoalId, String),
    /// A risk of an initiative.
    Risk(InitiativeId, String),
    /// An action item.
    Action(String),
    /// The relationship check-in.
    CheckIn,
}

/// Why an entry is in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Target passed, not done: days late.
    Overdue(i64),
    /// The target moved later this many times.
    Slipped(usize),
    /// Not updated for this many days.
    Stale(i64),
    /// Serves no goal.
    Unlinked,
    /// Nothing strong or partial by the end of next month.
    Unsupported,
    /// No reading for this many days (None: never measured).
    KpiStale(Option<i64>),
    /// A high risk without a mitigation.
    Unmitigated,
    /// An open action due within a week: days until due (negative when overdue).
    ActionDue(i64),
    /// The last check-in was this many days ago (None: never).
    CheckInDue(Option<i64>),
}

impl Reason {
    /// A short tag for the entry key.
    fn tag(self) -> &'static str {
        match self {
            Reason::Overdue(_) => "overdue",
            Reason::Slipped(_) => "slipped",
            Reason::Stale(_) => "stale",
            Reason::Unlinked => "unlinked",
            Reason::Unsupported => "unsupported",
            Reason::KpiStale(_) => "kpi",
            Reason::Unmitigated => "risk",
            Reason::ActionDue(_) => "action",
            Reason::CheckInDue(_) => "checkin",
        }
    }

    /// The reason in words.
    pub fn words(self) -> String {
        let days = |d: i64| {
            if d == 1 {
                "1 day".to_string()
            } else {
                format!("{d} days")
            }
        };
        match self {
            Reason::Overdue(d) => format!("overdue by {}", days(d)),
            Reason::Slipped(n) => format!("slipped {n} times"),
            Reason::Stale(d) => format!("not updated for {}", days(d)),
            Reason::Unlinked => "serves no business goal".into(),
            Reason::Unsupported => "goal unsupported".into(),
            Reason::KpiStale(Some(d)) => format!("no reading for {}", days(d)),
            Reason::KpiStale(None) => "never measured".into(),
            Reason::Unmitigated => "high risk, no mitigation".into(),
            Reason::ActionDue(d) if d < 0 => format!("action overdue by {}", days(-d)),
            Reason::ActionDue(0) => "action due today".into(),
            Reason::ActionDue(d) => format!("action due in {}", days(d)),
            Reason::CheckInDue(Some(d)) => format!("last relationship check-in {} ago", days(d)),
            Reason::CheckInDue(None) => "no relationship check-in yet".into(),
        }
    }
}

/// One entry of the review queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Why it is here.
    pub reason: Reason,
    /// What it is about.
    pub subject: Subject,
}

impl Entry {
    /// A stable key: reason tag and subject ids, e.g. `overdue:i-7f3kq2mz`.
    pub fn key(&self) -> String {
        let subject = match &self.subject {
            Subject::Initiative(i) => i.0.clone(),
            Subject::Goal(g) => g.0.clone(),
            Subject::Kpi(g, k) => format!("{g}/{k}"),
            Subject::Risk(i, r) => format!("{i}/{r}"),
            Subject::Action(a) => a.clone(),
            Subject::CheckIn => "relationship".into(),
        };
        format!("{}:{subject}", self.reason.tag())
    }
}

/// A fingerprint of the state of what an entry is about (FNV-1a of its debug form, so any
/// change of the item gives a new one). The check-in entry changes with the latest check-in.
pub fn stamp(roadmap: &Roadmap, subject: &Subject) -> String {
    let text = match subject {
        Subject::Initiative(id) | Subject::Risk(id, _) => format!("{:?}", roadmap.initiative(id)),
        Subject::Goal(id) | Subject::Kpi(id, _) => format!("{:?}", roadmap.goal(id)),
        Subject::Action(id) => format!("{:?}", roadmap.actions.iter().find(|a| &a.id == id)),
        Subject::CheckIn => format!("{:?}", roadmap.checkins.iter().map(|c| c.on).max()),
    };
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// True when the entry was marked reviewed and its item has not changed since.
pub fn is_reviewed(roadmap: &Roadmap, entry: &Entry) -> bool {
    let key = entry.key();
    roadmap
        .reviews
        .iter()
        .any(|r| r.entry == key && r.stamp == stamp(roadmap, &entry.subject))
}

/// Every entry the roadmap gives today, reviewed ones included, in the order of [`Reason`]:
/// overdue work first, the relationship last.
pub fn all_entries(roadmap: &Roadmap, today: NaiveDate, t: &Thresholds) -> Vec<Entry> {
    let active: Vec<&Initiative> = roadmap
        .initiatives
        .iter()
        .filter(|i| i.status.is_active())
        .collect();
    let mut out = Vec::new();
    let mut push = |reason, subject| out.push(Entry { reason, subject });
    let of = |i: &Initiative| Subject::Initiative(i.id.clone());
    for i in active.iter().filter(|i| i.is_overdue(today)) {
        push(Reason::Overdue((today - i.target).num_days()), of(i));
    }
    for i in active.iter().filter(|i| i.slip_count() >= t.slips.max(1)) {
        push(Reason::Slipped(i.slip_count()), of(i));
    }
    // Overdue work is already in the queue for a better reason: it is not listed as stale too.
    for i in active.iter().filter(|i| !i.is_overdue(today)) {
        let days = (today - i.updated.date_naive()).num_days();
        if days >= t.stale_days {
            push(Reason::Stale(days), of(i));
        }
    }
    for i in active.iter().filter(|i| i.serves.is_empty()) {
        push(Reason::Unlinked, of(i));
    }
    for g in &roadmap.goals {
        if is_unsupported(roadmap, &g.id, today) {
            push(Reason::Unsupported, Subject::Goal(g.id.clone()));
        }
    }
    for g in &roadmap.goals {
        for k in &g.kpis {
            let age = k.days_since_reading(today);
            if age.is_none_or(|d| d >= t.kpi_days) {
                push(
                    Reason::KpiStale(age),
                    Subject::Kpi(g.id.clone(), k.id.clone()),
                );
            }
        }
    }
    for i in &active {
        for r in i.risks.iter().filter(|r| r.needs_mitigation()) {
            push(
                Reason::Unmitigated,
                Subject::Risk(i.id.clone(), r.id.clone()),
            );
        }
    }
    for a in roadmap.actions.iter().filter(|a| a.due_soon(today, 7)) {
        if let Some(due) = a.due {
            push(
                Reason::ActionDue((due - today).num_days()),
                Subject::Action(a.id.clone()),
            );
        }
    }
    let since = days_since_last(&roadmap.checkins, today);
    if since.is_none_or(|d| d >= t.checkin_days) {
        push(Reason::CheckInDue(since), Subject::CheckIn);
    }
    out
}

/// The review queue: every entry not marked reviewed since its item last changed.
pub fn queue(roadmap: &Roadmap, today: NaiveDate, t: &Thresholds) -> Vec<Entry> {
    all_entries(roadmap, today, t)
        .into_iter()
        .filter(|e| !is_reviewed(roadmap, e))
        .collect()
}

/// How well promises are kept over a set of initiatives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Promise {
    /// Done initiatives counted.
    pub done: usize,
    /// Of those, done on or before the first target ever recorded.
    pub kept: usize,
    /// Median net slip in days of the initiatives that ever slipped (final target or delivery
    /// date against the first target); None when nothing slipped.
    pub median_slip: Option<i64>,
}

impl Promise {
    /// The share of promises kept, 0..=1 (None with nothing done yet).
    pub fn share(&self) -> Option<f64> {
        (self.done > 0).then(|| self.kept as f64 / self.done as f64)
    }

    /// "4 of 5 promises kept (80%) · median slip 12 days".
    pub fn words(&self) -> String {
        let kept = match self.share() {
            Some(s) => format!(
                "{} of {} promises kept ({})",
                self.kept,
                self.done,
                super::alignment::percent(s)
            ),
            None => "nothing delivered yet".into(),
        };
        match self.median_slip {
            Some(d) => format!("{kept} · median slip {d} days"),
            None => format!("{kept} · nothing slipped"),
        }
    }
}

/// Net days an initiative ended up later than first promised (delivery date when done).
pub fn net_slip(i: &Initiative) -> i64 {
    let end = i.done_on.unwrap_or(i.target);
    (end - i.first_target()).num_days()
}

/// The promise-keeping figure over `initiatives` (done and dropped ones included as given).
pub fn promise<'a>(initiatives: impl IntoIterator<Item = &'a Initiative>) -> Promise {
    let mut p = Promise::default();
    let mut slips = Vec::new();
    for i in initiatives {
        if let Some(done) = i.done_on.filter(|_| i.status == super::Status::Done) {
            p.done += 1;
            p.kept += usize::from(done <= i.first_target());
        }
        if i.slip_count() > 0 {
            slips.push(net_slip(i).max(0));
        }
    }
    slips.sort_unstable();
    p.median_slip = match slips.len() {
        0 => None,
        n if n % 2 == 1 => Some(slips[n / 2]),
        n => Some((slips[n / 2 - 1] + slips[n / 2]) / 2),
    };
    p
}

/// The promise-keeping figure per IT owner (named owners only), by owner name.
pub fn promise_by_owner(roadmap: &Roadmap) -> Vec<(String, Promise)> {
    let mut owners: Vec<&str> = roadmap
        .initiatives
        .iter()
        .map(|i| i.it_owner.trim())
        .filter(|o| !o.is_empty())
        .collect();
    owners.sort_unstable();
    owners.dedup();
    owners
        .into_iter()
        .map(|o| {
            let theirs = roadmap
                .initiatives
                .iter()
                .filter(|i| i.it_owner.trim() == o);
            (o.to_string(), promise(theirs))
        })
        .collect()
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
