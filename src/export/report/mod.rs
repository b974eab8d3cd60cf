//! The review report, the board paper: what a review found, for people who never open a
//! terminal. Built from the figures the app shows (the alignment summary, the promise
//! figure, the review's overdue and unmitigated entries, the changes since a snapshot), then
//! written as HTML with charts ([`html`]) or as Markdown ([`markdown`]). No I/O here.

pub mod html;
pub mod markdown;

use super::minutes::ActionLine;
use crate::domain::alignment::{self, Support};
use crate::domain::business::Kpi;
use crate::domain::checkin::CheckIn;
use crate::domain::public::public_copy;
use crate::domain::review::{Promise, promise};
use crate::domain::{Horizon, Roadmap, Status};
use chrono::NaiveDate;

/// What the report compares with.
#[derive(Debug, Clone, PartialEq)]
pub struct Since {
    /// In words: "the snapshot of Sun 22 Nov 2026 10:15 (q4-review)", "the review of 1 Nov".
    pub words: String,
    /// The day it stands for: delivered, slipped and decided on or after it count as new.
    pub day: NaiveDate,
    /// What changed, in headed sections; None when there was no earlier version to compare.
    pub changes: Option<Vec<(String, Vec<String>)>>,
}

/// The promise figure as it stood on a day (a snapshot's, or today).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PromisePoint {
    /// The day.
    pub day: NaiveDate,
    /// The figure that day.
    pub promise: Promise,
}

/// Something delivered since the report's day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    /// Its title.
    pub title: String,
    /// The day it was done.
    pub day: NaiveDate,
    /// The goals it served: "FIN Cut days sales outstanding".
    pub goals: Vec<String>,
}

/// One initiative of a goal's work, as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Work {
    /// Its title.
    pub title: String,
    /// When it is due, in words ("Fri 4 Dec 2026", "Q3 2027").
    pub due: String,
    /// Days late today (0 when not late).
    pub late: i64,
    /// Its IT owner ("" when none).
    pub owner: String,
}

/// A risk as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskLine {
    /// What could go wrong.
    pub title: String,
    /// Likelihood × impact.
    pub severity: u8,
    /// The initiative it threatens.
    pub initiative: String,
    /// What is being done ("" when nothing).
    pub mitigation: String,
}

/// A goal's part of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalPart {
    /// Its code ("FIN").
    pub code: String,
    /// Its title.
    pub title: String,
    /// Its business owner ("" when none).
    pub owner: String,
    /// 1 is the highest.
    pub priority: u8,
    /// Supported, delivered, or unsupported and why, in words.
    pub support: String,
    /// True when unsupported.
    pub unsupported: bool,
    /// Its KPIs (the public ones in a public report), each drawn as a chart.
    pub kpis: Vec<Kpi>,
    /// Its active work by horizon, in board order: (horizon, work).
    pub work: Vec<(Horizon, Vec<Work>)>,
    /// The open risks of the work serving it.
    pub risks: Vec<RiskLine>,
}

/// A slip since the report's day, with the reason given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    /// The initiative.
    pub title: String,
    /// The day it moved.
    pub on: NaiveDate,
    /// From and to, in words.
    pub from: String,
    /// The new target.
    pub to: String,
    /// Why, as given ("" when nobody said).
    pub reason: String,
    /// How many times it has slipped in all.
    pub slips: usize,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The roadmap's name.
    pub name: String,
    /// The day of the report.
    pub today: NaiveDate,
    /// The public version (internal and confidential fields left out).
    pub public: bool,
    /// The alignment summary line, as the app's header shows it.
    pub summary: String,
    /// What it compares with.
    pub since: Since,
    /// Delivered since then, newest first.
    pub delivered: Vec<Delivered>,
    /// The promise figure today, as the review view shows it.
    pub promise: Promise,
    /// The promise figure on each snapshot's day, then today, oldest first.
    pub promise_trend: Vec<PromisePoint>,
    /// Each goal, in the roadmap's order.
    pub goals: Vec<GoalPart>,
    /// Slips since then, newest first.
    pub slips: Vec<Slip>,
    /// Active work past its target, most days late first.
    pub overdue: Vec<Work>,
    /// Open high risks without a mitigation.
    pub unmitigated: Vec<RiskLine>,
    /// Every check-in, oldest first.
    pub checkins: Vec<CheckIn>,
    /// Open actions, soonest due first (no due date last).
    pub actions: Vec<ActionLine>,
    /// Decisions since then, in words, oldest first.
    pub decisions: Vec<String>,
}

/// An earlier version of the roadmap (a snapshot): its day, where it came from in words,
/// and the roadmap as it was.
#[derive(Debug, Clone)]
pub struct Version {
    /// The day it was taken.
    pub day: NaiveDate,
    /// "the snapshot of Tue 1 Sep 2026 17:00 (q3-review)".
    pub words: String,
    /// The roadmap then.
    pub roadmap: Roadmap,
}

/// What the report is built from besides the roadmap.
pub struct Inputs<'a> {
    /// The day of the report.
    pub today: NaiveDate,
    /// Leave out internal and confidential fields.
    pub public: bool,
    /// What it compares with: words, the day, and the earlier version if there is one.
    pub since: (String, NaiveDate, Option<&'a Roadmap>),
    /// The earlier versions (the snapshots), oldest first, for the promise trend.
    pub history: &'a [Version],
}

/// What a report compares with when nobody says: the latest version taken before today
/// (else the latest), else the last finished review, else the last 90 days.
pub fn default_since<'a>(
    roadmap: &Roadmap,
    history: &'a [Version],
    today: NaiveDate,
) -> (String, NaiveDate, Option<&'a Roadmap>) {
    let chosen = history
        .iter()
        .rev()
        .find(|v| v.day < today)
        .or_else(|| history.last());
    if let Some(v) = chosen {
        return (v.words.clone(), v.day, Some(&v.roadmap));
    }
    match roadmap.last_review {
        Some(day) => (
            format!("the review of {}", day.format("%a %-d %b %Y")),
            day,
            None,
        ),
        None => {
            let day = today - chrono::Days::new(90);
            (
                format!("{} (the last 90 days)", day.format("%a %-d %b %Y")),
                day,
                None,
            )
        }
    }
}

fn due_words(i: &crate::domain::Initiative) -> String {
    i.target
        .label_with_day(|d| d.format("%a %-d %b %Y").to_string())
}

fn work(i: &crate::domain::Initiative, today: NaiveDate) -> Work {
    Work {
        title: i.title.clone(),
        due: due_words(i),
        late: if i.is_overdue(today) {
            i.days_late(today)
        } else {
            0
        },
        owner: i.it_owner.clone(),
    }
}

fn risk_line(i: &crate::domain::Initiative, r: &crate::domain::business::Risk) -> RiskLine {
    RiskLine {
        title: r.title.clone(),
        severity: r.severity(),
        initiative: i.title.clone(),
        mitigation: r.mitigation.clone(),
    }
}

/// The report on `roadmap` as of `inputs.today`.
pub fn build(roadmap: &Roadmap, inputs: &Inputs<'_>) -> Report {
    let today = inputs.today;
    let shown = |r: &Roadmap| {
        if inputs.public {
            public_copy(r)
        } else {
            r.clone()
        }
    };
    let roadmap = shown(roadmap);
    let (words, day, before) = &inputs.since;
    let changes = before
        .map(|b| crate::domain::diff::changes_between(&shown(b), *day, &roadmap, today).sections());
    let since = Since {
        words: words.clone(),
        day: *day,
        changes,
    };
    let goal_name =
        |id: &crate::domain::GoalId| roadmap.goal(id).map(|g| format!("{} {}", g.code, g.title));
    let mut delivered: Vec<Delivered> = roadmap
        .initiatives
        .iter()
        .filter(|i| i.status == Status::Done)
        .filter_map(|i| {
            let done = i.done_on.filter(|d| *d >= since.day && *d <= today)?;
            Some(Delivered {
                title: i.title.clone(),
                day: done,
                goals: i.goal_ids().filter_map(goal_name).collect(),
            })
        })
        .collect();
    delivered.sort_by(|a, b| b.day.cmp(&a.day).then(a.title.cmp(&b.title)));
    let now = promise(&roadmap.initiatives, today);
    let mut promise_trend: Vec<PromisePoint> = inputs
        .history
        .iter()
        .filter(|v| v.day < today)
        .map(|v| PromisePoint {
            day: v.day,
            promise: promise(&v.roadmap.initiatives, v.day),
        })
        .collect();
    promise_trend.push(PromisePoint {
        day: today,
        promise: now,
    });
    let goals = roadmap
        .goals
        .iter()
        .map(|g| goal_part(&roadmap, g, today))
        .collect();
    let mut slips: Vec<Slip> = roadmap
        .initiatives
        .iter()
        .flat_map(|i| {
            i.target_log
                .iter()
                .filter(|c| c.is_slip() && c.on >= since.day && c.on <= today)
                .map(move |c| Slip {
                    title: i.title.clone(),
                    on: c.on,
                    from: c.from.label(|d| d.format("%-d %b %Y").to_string()),
                    to: c.to.label(|d| d.format("%-d %b %Y").to_string()),
                    reason: c.reason.clone(),
                    slips: i.slip_count(),
                })
        })
        .collect();
    slips.sort_by(|a, b| b.on.cmp(&a.on).then(a.title.cmp(&b.title)));
    let mut overdue: Vec<Work> = roadmap
        .active_in_board_order()
        .into_iter()
        .filter(|i| i.is_overdue(today))
        .map(|i| work(i, today))
        .collect();
    overdue.sort_by_key(|w| std::cmp::Reverse(w.late));
    let unmitigated = roadmap
        .active_in_board_order()
        .into_iter()
        .flat_map(|i| {
            i.risks
                .iter()
                .filter(|r| r.needs_mitigation())
                .map(move |r| risk_line(i, r))
        })
        .collect();
    let mut checkins = roadmap.checkins.clone();
    checkins.sort_by(|a, b| (a.on, &a.id).cmp(&(b.on, &b.id)));
    let mut open: Vec<_> = roadmap
        .actions
        .iter()
        .filter(|a| a.done_on.is_none())
        .collect();
    open.sort_by_key(|a| (a.due.is_none(), a.due, a.session));
    let actions = open
        .into_iter()
        .map(|a| super::minutes::action_line(a, &roadmap, today))
        .collect();
    let mut decided: Vec<_> = roadmap
        .decisions
        .iter()
        .filter(|d| d.session >= since.day)
        .collect();
    decided.sort_by_key(|d| (d.session, d.created));
    let decisions = decided
        .into_iter()
        .map(|d| {
            let about = d.link.as_ref().and_then(|l| roadmap.about(l));
            let when = d.session.format("%-d %b %Y");
            match about {
                Some(about) => format!("{when}: {} (about {about})", d.text),
                None => format!("{when}: {}", d.text),
            }
        })
        .collect();
    Report {
        name: roadmap.name.clone(),
        today,
        public: inputs.public,
        summary: alignment::summary(&roadmap, today).line(),
        since,
        delivered,
        promise: now,
        promise_trend,
        goals,
        slips,
        overdue,
        unmitigated,
        checkins,
        actions,
        decisions,
    }
}

fn goal_part(roadmap: &Roadmap, g: &crate::domain::Goal, today: NaiveDate) -> GoalPart {
    let support = alignment::support(roadmap, &g.id, today);
    let (words, unsupported) = match support {
        s @ Support::Unsupported { .. } => (format!("unsupported: {}", s.why(today)), true),
        Support::Delivered => ("delivered, nothing open".into(), false),
        Support::Supported => ("supported".into(), false),
    };
    let serving: Vec<_> = roadmap
        .active_in_board_order()
        .into_iter()
        .filter(|i| i.serves_goal(&g.id))
        .collect();
    let work = Horizon::ALL
        .into_iter()
        .map(|h| {
            let items = serving
                .iter()
                .filter(|i| i.horizon(today) == h)
                .map(|i| work(i, today))
                .collect();
            (h, items)
        })
        .collect();
    let risks = alignment::goal_risks(roadmap, &g.id)
        .into_iter()
        .filter(|(i, r)| i.status.is_active() && r.is_open())
        .map(|(i, r)| risk_line(i, r))
        .collect();
    GoalPart {
        code: g.code.clone(),
        title: g.title.clone(),
        owner: g.owner.clone(),
        priority: g.priority,
        support: words,
        unsupported,
        kpis: g.kpis.clone(),
        work,
        risks,
    }
}

/// The report's file name: `northwind-it-roadmap-2026-11-22-report.html`.
pub fn file_name(roadmap: &Roadmap, day: NaiveDate, extension: &str) -> String {
    let name = super::file_name(roadmap, super::Format::Html, day);
    format!("{}-report.{extension}", name.trim_end_matches(".html"))
}
