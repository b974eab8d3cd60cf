//! The solo review: a queue of what needs the IT leader, built from the roadmap as it is
//! today, each entry with its reason; entries marked reviewed stay away until their item
//! changes. Also the promise-keeping figure and slip facts.

use super::alignment::is_unsupported;
use super::checkin::days_since_last;
use super::ids::{GoalId, InitiativeId};
pub use super::marks::Reviewed;
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
    /// A review mark hides its entry for at most this many days.
    #[serde(default = "thirty")]
    pub mark_days: i64,
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
            mark_days: 30,
        }
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
    /// Serves a goal but has no date yet (`later`).
    NeedsDate,
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
            Reason::NeedsDate => "nodate",
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
            Reason::NeedsDate => "needs a date".into(),
            Reason::Unlinked => "serves no business goal".into(),
            Reason::Unsupported => "goal unsupported".into(),
            Reason::KpiStale(Some(d)) => format!("no reading for {}", days(d)),
            Reason::KpiStale(None) => "never measured".into(),
            Reason::Unmitigated => "high risk, no mitigation".into(),
            Reason::ActionDue(d) if d < 0 => format!("action overdue by {}", days(-d)),
            Reason::ActionDue(0) => "action due today".into(),
            Reason::ActionDue(d) => format!("action due in {}", days(d)),
            Reason::CheckInDue(Some(d)) => format!("no check-in for {}", days(d)),
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

impl Reason {
    /// The group the reason is listed in, worst kind first (the order of the variants).
    pub fn rank(self) -> usize {
        match self {
            Reason::Overdue(_) => 0,
            Reason::Slipped(_) => 1,
            Reason::Stale(_) => 2,
            Reason::NeedsDate => 3,
            Reason::Unlinked => 4,
            Reason::Unsupported => 5,
            Reason::KpiStale(_) => 6,
            Reason::Unmitigated => 7,
            Reason::ActionDue(_) => 8,
            Reason::CheckInDue(_) => 9,
        }
    }

    /// The group's name for the queue's counts: "overdue 16 · stale 4 · KPI readings 3".
    pub fn group(self) -> &'static str {
        match self {
            Reason::Overdue(_) => "overdue",
            Reason::Slipped(_) => "slipped",
            Reason::Stale(_) => "stale",
            Reason::NeedsDate => "no date",
            Reason::Unlinked => "no goal",
            Reason::Unsupported => "unsupported",
            Reason::KpiStale(_) => "KPI readings",
            Reason::Unmitigated => "risks",
            Reason::ActionDue(_) => "actions",
            Reason::CheckInDue(_) => "check-in",
        }
    }

    /// How far gone it is within its group, for worst-first order: days late or unmeasured
    /// (never measured counts as longest), slips.
    fn weight(self) -> i64 {
        match self {
            Reason::Overdue(d) | Reason::Stale(d) => d,
            Reason::Slipped(n) => i64::try_from(n).unwrap_or(i64::MAX),
            Reason::KpiStale(Some(d)) | Reason::CheckInDue(Some(d)) => d,
            Reason::KpiStale(None) | Reason::CheckInDue(None) => i64::MAX,
            Reason::ActionDue(d) => -d,
            Reason::NeedsDate | Reason::Unlinked | Reason::Unsupported | Reason::Unmitigated => 0,
        }
    }

    /// How bad the reason is, in steps: a mark made at one step stops hiding its entry once
    /// the reason reaches a worse one. Days late or unmeasured count in bands (a week, two
    /// weeks, a month, two months, a quarter, half a year, a year); each further slip is a
    /// step; an action that falls overdue is one.
    pub fn severity(self) -> usize {
        const BANDS: [i64; 7] = [7, 14, 30, 60, 90, 180, 365];
        let band = |d: i64| BANDS.iter().filter(|b| d >= **b).count();
        match self {
            Reason::Overdue(d) | Reason::Stale(d) => band(d),
            Reason::Slipped(n) => n,
            Reason::KpiStale(Some(d)) | Reason::CheckInDue(Some(d)) => band(d),
            Reason::ActionDue(d) if d < 0 => 1 + band(-d),
            Reason::KpiStale(None)
            | Reason::CheckInDue(None)
            | Reason::ActionDue(_)
            | Reason::NeedsDate
            | Reason::Unlinked
            | Reason::Unsupported
            | Reason::Unmitigated => 0,
        }
    }
}

/// A fingerprint of what an entry is about and how bad its reason is (FNV-1a of the item's
/// debug form and the reason's [`Reason::severity`]): any change of the item, or the reason
/// getting worse, gives a new one. The check-in entry changes with the latest check-in.
pub fn stamp(roadmap: &Roadmap, entry: &Entry) -> String {
    let item = match &entry.subject {
        Subject::Initiative(id) | Subject::Risk(id, _) => format!("{:?}", roadmap.initiative(id)),
        Subject::Goal(id) | Subject::Kpi(id, _) => format!("{:?}", roadmap.goal(id)),
        Subject::Action(id) => format!("{:?}", roadmap.actions.iter().find(|a| &a.id == id)),
        Subject::CheckIn => format!("{:?}", roadmap.checkins.iter().map(|c| c.on).max()),
    };
    let text = format!("{item}#{}", entry.reason.severity());
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// True when `entry` was marked reviewed, its item has not changed since, its reason is no
/// worse, and the mark is younger than `t.mark_days`.
pub fn is_reviewed(roadmap: &Roadmap, entry: &Entry, today: NaiveDate, t: &Thresholds) -> bool {
    let key = entry.key();
    roadmap.reviews.iter().any(|r| {
        r.entry == key
            && (today - r.on).num_days() < t.mark_days
            && r.stamp == stamp(roadmap, entry)
    })
}

/// Every entry the roadmap gives today, reviewed ones included, in the order of [`Reason`]:
/// overdue work first, the relationship last.
pub fn all_entries(roadmap: &Roadmap, today: NaiveDate, t: &Thresholds) -> Vec<Entry> {
    let active = roadmap.active_in_board_order();
    let mut out = Vec::new();
    let mut push = |reason, subject| out.push(Entry { reason, subject });
    let of = |i: &Initiative| Subject::Initiative(i.id.clone());
    for i in active.iter().filter(|i| i.is_overdue(today)) {
        push(Reason::Overdue(i.days_late(today)), of(i));
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
    // Work a goal counts on, with no date: nobody can plan around it yet.
    for i in active
        .iter()
        .filter(|i| i.target.is_later() && !i.serves.is_empty())
    {
        push(Reason::NeedsDate, of(i));
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

/// The review queue: every entry not marked reviewed since its item last changed, grouped by
/// reason (overdue work first), worst first within a group (most days late, most slips),
/// then in roadmap order.
pub fn queue(roadmap: &Roadmap, today: NaiveDate, t: &Thresholds) -> Vec<Entry> {
    let mut queue: Vec<Entry> = all_entries(roadmap, today, t)
        .into_iter()
        .filter(|e| !is_reviewed(roadmap, e, today, t))
        .collect();
    queue.sort_by_key(|e| (e.reason.rank(), std::cmp::Reverse(e.reason.weight())));
    queue
}

/// How many entries each group of the queue holds, in queue order: `[("overdue", 16), …]`.
pub fn group_counts(queue: &[Entry]) -> Vec<(&'static str, usize)> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for e in queue {
        match counts.last_mut() {
            Some((group, n)) if *group == e.reason.group() => *n += 1,
            _ => counts.push((e.reason.group(), 1)),
        }
    }
    counts
}

/// How well promises are kept over a set of initiatives, as of a day. A promise is the
/// first target ever recorded: kept when the work was done on or before it, broken when it
/// was done after it, and broken too (still open) when the work is not done and that day has
/// passed. Open work late today counts, so the figure cannot flatter after a long absence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Promise {
    /// Done on or before the first target.
    pub kept: usize,
    /// Done after the first target.
    pub delivered_late: usize,
    /// Not done (nor dropped), and the first target has passed.
    pub open_late: usize,
    /// Dropped after its first target had passed: a promise broken and never delivered
    /// (dropping late work must not make the figure look better). The day it was dropped is
    /// its last update.
    pub dropped_late: usize,
    /// Median of how many days later than first promised, over the initiatives that are or
    /// were late (delivered late, open past the first target, or moved later): delivery date,
    /// else the later of today and the current target, against the first target.
    pub median_delay: Option<i64>,
    /// How many initiatives the median is over.
    pub delayed: usize,
}

impl Promise {
    /// Promises whose day has come: kept, delivered late, dropped late, or open past their
    /// date.
    pub fn due(&self) -> usize {
        self.kept + self.delivered_late + self.dropped_late + self.open_late
    }

    /// The share of due promises kept, 0..=1 (None when none is due yet).
    pub fn share(&self) -> Option<f64> {
        let due = self.due();
        (due > 0).then(|| self.kept as f64 / due as f64)
    }

    /// "4 of 7 promises kept (57%) · 1 delivered late · 2 open past their date · median
    /// delay 12 days (over 4)".
    pub fn words(&self) -> String {
        let Some(share) = self.share() else {
            return "no promise due yet".into();
        };
        let mut words = format!(
            "{} of {} promises kept ({})",
            self.kept,
            self.due(),
            super::alignment::percent(share)
        );
        if self.delivered_late > 0 {
            words.push_str(&format!(" · {} delivered late", self.delivered_late));
        }
        if self.dropped_late > 0 {
            words.push_str(&format!(" · {} dropped late", self.dropped_late));
        }
        if self.open_late > 0 {
            words.push_str(&format!(" · {} open past their date", self.open_late));
        }
        match self.median_delay {
            Some(d) => words.push_str(&format!(
                " · median delay {d} {} (over {})",
                if d == 1 { "day" } else { "days" },
                self.delayed
            )),
            None => words.push_str(" · nothing late"),
        }
        words
    }
}

impl Promise {
    /// [`Promise::words`] when they fit in `max` characters, else a shorter form that still
    /// names the open late work ("1/4 kept (25%) · 2 open late · median 21 d"), else the
    /// kept share alone: never cut in the middle, never leaving out late work that fits.
    pub fn words_within(&self, max: usize) -> String {
        let full = self.words();
        if full.chars().count() <= max {
            return full;
        }
        let Some(share) = self.share() else {
            return full;
        };
        // Each part with the order it gives way in when space is short: the median first,
        // then the percentage, then the late counts, the open late work last of all.
        let count = |n: usize, words: &str| (n > 0).then(|| format!("{n} {words}"));
        let parts: Vec<(u8, Option<String>)> = vec![
            (2, Some(format!("({})", super::alignment::percent(share)))),
            (3, count(self.delivered_late, "late")),
            (4, count(self.dropped_late, "dropped late")),
            (5, count(self.open_late, "open late")),
            (1, self.median_delay.map(|d| format!("median {d} d"))),
        ];
        let render = |shown: &[bool]| {
            let mut text = format!("{}/{} kept", self.kept, self.due());
            for ((_, part), on) in parts.iter().zip(shown) {
                match part {
                    Some(p) if *on && p.starts_with('(') => text.push_str(&format!(" {p}")),
                    Some(p) if *on => text.push_str(&format!(" · {p}")),
                    _ => {}
                }
            }
            text
        };
        let mut shown: Vec<bool> = parts.iter().map(|(_, p)| p.is_some()).collect();
        let mut order: Vec<usize> = (0..parts.len()).filter(|at| shown[*at]).collect();
        order.sort_by_key(|at| parts[*at].0);
        let mut dropped = Vec::new();
        for at in order {
            if render(&shown).chars().count() <= max {
                break;
            }
            shown[at] = false;
            dropped.push(at);
        }
        // Give back what fits again, the most important first (the percentage may fit once
        // a longer count is gone).
        for at in dropped.into_iter().rev() {
            shown[at] = true;
            if render(&shown).chars().count() > max {
                shown[at] = false;
            }
        }
        render(&shown)
    }
}

/// Net days an initiative ended up later than first promised: its delivery date when done,
/// else the later of `today` and its current target (open work that is late today is as
/// late as today says).
/// Unscheduled open work counts as late as today says; a target never scheduled promised
/// nothing (0).
pub fn net_slip(i: &Initiative, today: NaiveDate) -> i64 {
    let Some(first) = i.first_promise() else {
        return 0;
    };
    let end = match (
        i.done_on.filter(|_| i.status == super::Status::Done),
        i.target.due(),
    ) {
        (Some(done), _) => done,
        (None, due) if i.status.is_active() => due.map_or(today, |d| d.max(today)),
        (None, due) => due.unwrap_or(first),
    };
    (end - first).num_days()
}

/// The promise-keeping figure over `initiatives` as of `today` (dropped ones count only
/// for the delay of a target moved later).
pub fn promise<'a>(
    initiatives: impl IntoIterator<Item = &'a Initiative>,
    today: NaiveDate,
) -> Promise {
    let mut p = Promise::default();
    let mut delays = Vec::new();
    for i in initiatives {
        // Work never given a date made no promise yet.
        let Some(first) = i.first_promise() else {
            continue;
        };
        let late = match i.done_on.filter(|_| i.status == super::Status::Done) {
            Some(done) if done <= first => {
                p.kept += 1;
                false
            }
            Some(_) => {
                p.delivered_late += 1;
                true
            }
            None if i.status.is_active() && today > first => {
                p.open_late += 1;
                true
            }
            None if i.status == super::Status::Dropped && i.updated.date_naive() > first => {
                p.dropped_late += 1;
                false
            }
            None => false,
        };
        if late || i.slip_count() > 0 {
            delays.push(net_slip(i, today).max(0));
        }
    }
    delays.sort_unstable();
    p.delayed = delays.len();
    p.median_delay = match delays.len() {
        0 => None,
        n if n % 2 == 1 => Some(delays[n / 2]),
        n => Some((delays[n / 2 - 1] + delays[n / 2]) / 2),
    };
    p
}

/// The promise-keeping figure per IT owner (named owners only), by owner name.
pub fn promise_by_owner(roadmap: &Roadmap, today: NaiveDate) -> Vec<(String, Promise)> {
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
            (o.to_string(), promise(theirs, today))
        })
        .collect()
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
