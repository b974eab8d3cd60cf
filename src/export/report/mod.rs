//! The review report, the board paper: what a review found, for people who never open a
//! terminal. Built from the figures the app shows (the alignment summary, the promise
//! figure, the review's overdue and unmitigated entries, the changes since a snapshot), then
//! written as HTML with charts ([`html`]) or as Markdown ([`markdown`]). No I/O here.

pub mod html;
pub mod markdown;
pub mod words;

use super::minutes::ActionLine;
use crate::domain::alignment::{self, Support};
use crate::domain::business::Kpi;
use crate::domain::checkin::CheckIn;
use crate::domain::public::public_copy;
use crate::domain::review::{Promise, promise};
use crate::domain::{Horizon, Roadmap, Status};
use chrono::NaiveDate;

/// After how many days without a reading a KPI, or without an update an initiative, is
/// listed as stale (the review's default threshold).
pub const STALE_DAYS: i64 = 30;

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
    /// Days after its first promise it was done (0 or less: on time; None: never promised).
    pub late: Option<i64>,
}

/// One initiative of a goal's work, as the report lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Work {
    /// Its title.
    pub title: String,
    /// When it is due, in words ("Fri 4 Dec 2026", "Q3 2027").
    pub due: String,
    /// Days late today (0 when not late).
    pub late: i64,
    /// Its IT owner ("" when none).
    pub owner: String,
    /// Its estimated cost in the roadmap's currency (None: no estimate, or a public report).
    pub cost: Option<f64>,
}

/// A risk as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskLine {
    /// What could go wrong.
    pub title: String,
    /// Likelihood × impact, of 25.
    pub severity: u8,
    /// 1 (rare) to 5 (almost certain).
    pub likelihood: u8,
    /// 1 (minor) to 5 (severe).
    pub impact: u8,
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
    /// Its active work by horizon, in board order: (horizon, its dates in words, work).
    pub work: Vec<(Horizon, String, Vec<Work>)>,
    /// Promise keeping over the work serving it (as the app's goal detail shows).
    pub promise: Promise,
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
    /// The roadmap's currency, shown with costs.
    pub currency: String,
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
    /// Open high risks without a mitigation, most severe first.
    pub unmitigated: Vec<RiskLine>,
    /// The gaps the alignment view lists: (what kind, what about), worst kind first.
    pub gaps: Vec<(String, String)>,
    /// Measurements overdue: KPIs not read for more than [`STALE_DAYS`] (or never), in words.
    pub stale_kpis: Vec<String>,
    /// Active work not updated for more than [`STALE_DAYS`]: (title, days since).
    pub stale_work: Vec<(String, i64)>,
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
    /// Its snapshot id (`20261001-170000-october-review`).
    pub id: String,
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
        cost: i.case.cost,
    }
}

fn risk_line(i: &crate::domain::Initiative, r: &crate::domain::business::Risk) -> RiskLine {
    RiskLine {
        title: r.title.clone(),
        severity: r.severity(),
        likelihood: r.likelihood,
        impact: r.impact,
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
    let changes = before.map(|b| {
        let all = crate::domain::diff::changes_between(&shown(b), *day, &roadmap, today);
        told_elsewhere(all.sections())
    });
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
                late: i.first_promise().map(|first| (done - first).num_days()),
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
    // Sorted once: the goals, the overdue list, the risks and the stale list all read it.
    let active = roadmap.active_in_board_order();
    let goals = roadmap
        .goals
        .iter()
        .map(|g| goal_part(&roadmap, &active, g, today))
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
    let mut overdue: Vec<Work> = active
        .iter()
        .filter(|i| i.is_overdue(today))
        .map(|i| work(i, today))
        .collect();
    overdue.sort_by_key(|w| std::cmp::Reverse(w.late));
    let mut unmitigated: Vec<RiskLine> = active
        .iter()
        .flat_map(|i| {
            i.risks
                .iter()
                .filter(|r| r.needs_mitigation())
                .map(move |r| risk_line(i, r))
        })
        .collect();
    unmitigated.sort_by_key(|r| std::cmp::Reverse(r.severity));
    // High risks without mitigation have their own table: each finding is told once.
    let gaps = alignment::gaps(&roadmap, today)
        .iter()
        .filter(|g| !matches!(g, alignment::Gap::Unmitigated(..)))
        .map(|g| {
            (
                g.heading().to_string(),
                crate::export::markdown::gap_subject(&roadmap, g),
            )
        })
        .collect();
    let stale_kpis = roadmap
        .goals
        .iter()
        .flat_map(|g| g.kpis.iter().map(move |k| (g, k)))
        .filter_map(|(g, k)| match k.days_since_reading(today) {
            None => Some(format!("{} {}: never measured", g.code, k.name)),
            Some(d) if d > STALE_DAYS => {
                Some(format!("{} {}: last reading {d} days ago", g.code, k.name))
            }
            Some(_) => None,
        })
        .collect();
    let mut stale_work: Vec<(String, i64)> = active
        .iter()
        .map(|i| (i.title.clone(), (today - i.updated.date_naive()).num_days()))
        .filter(|(_, d)| *d > STALE_DAYS)
        .collect();
    stale_work.sort_by_key(|(_, d)| std::cmp::Reverse(*d));
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
        currency: roadmap.currency.clone(),
        summary: alignment::summary(&roadmap, today).line(),
        since,
        delivered,
        promise: now,
        promise_trend,
        goals,
        slips,
        overdue,
        unmitigated,
        gaps,
        stale_kpis,
        stale_work,
        checkins,
        actions,
        decisions,
    }
}

/// The changes without what the report's own sections tell in full: slips (each move with
/// its reason), deliveries, decisions, actions and check-ins.
fn told_elsewhere(sections: Vec<(String, Vec<String>)>) -> Vec<(String, Vec<String>)> {
    const ELSEWHERE: [&str; 4] = ["Moved later", "Decisions", "Actions", "Check-ins"];
    sections
        .into_iter()
        .filter(|(title, _)| !ELSEWHERE.iter().any(|e| title.starts_with(e)))
        .filter_map(|(title, items)| {
            let name = title.split(" (").next().unwrap_or(&title).to_string();
            let items: Vec<String> = if name == "Status changed" {
                items
                    .into_iter()
                    .filter(|i| !i.ends_with("→ Done"))
                    .collect()
            } else {
                items
            };
            (!items.is_empty()).then(|| (format!("{name} ({})", items.len()), items))
        })
        .collect()
}

fn goal_part(
    roadmap: &Roadmap,
    active: &[&crate::domain::Initiative],
    g: &crate::domain::Goal,
    today: NaiveDate,
) -> GoalPart {
    let support = alignment::support(roadmap, &g.id, today);
    let (words, unsupported) = match support {
        s @ Support::Unsupported { .. } => (format!("unsupported: {}", s.why(today)), true),
        Support::Delivered => ("delivered, nothing open".into(), false),
        Support::Supported => ("supported".into(), false),
    };
    let serving: Vec<_> = active.iter().filter(|i| i.serves_goal(&g.id)).collect();
    let work = Horizon::ALL
        .into_iter()
        .map(|h| {
            let items = serving
                .iter()
                .filter(|i| i.horizon(today) == h)
                .map(|i| work(i, today))
                .collect();
            (h, window(h, today), items)
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
        promise: promise(
            roadmap.initiatives.iter().filter(|i| i.serves_goal(&g.id)),
            today,
        ),
        risks,
    }
}

/// A horizon's dates in words, as the board's column footers give them: "due by 6 Dec"
/// (overdue work included), "7 Dec – 13 Dec", "14 Dec – 31 Jan", "from 1 Feb 2027".
pub fn window(h: Horizon, today: NaiveDate) -> String {
    let day = |d: NaiveDate| d.format("%-d %b %Y").to_string();
    match (h, h.window_start(today)) {
        (Horizon::NextYear, Some(start)) => format!("from {}", day(start)),
        (_, Some(start)) => format!("{} – {}", day(start), day(h.window_end(today))),
        (_, None) => format!("due by {}", day(h.window_end(today))),
    }
}

/// The report's file name: `northwind-it-roadmap-2026-11-22-report.html`.
pub fn file_name(roadmap: &Roadmap, day: NaiveDate, extension: &str) -> String {
    let name = super::file_name(roadmap, super::Format::Html, day);
    format!("{}-report.{extension}", name.trim_end_matches(".html"))
}
