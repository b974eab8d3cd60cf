//! The figures stay true as time passes: the sample, saved on 1 Dec 2026, reopened a week,
//! two weeks, a month, three, seven and thirteen months later with nothing done meanwhile.
//! At each date the app's figures (promise keeping, unsupported goals, unmitigated high
//! risks, the review queue, what changed since the first day) are checked against a plain
//! count from the file, written here from the definitions in README, so a figure that
//! leaves out late work fails.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::domain::business::Strength;
use alignmap::domain::review::{Reason, Subject};
use alignmap::domain::{Horizon, Roadmap, Status, diff};
use chrono::NaiveDate;
use std::collections::BTreeSet;

const SAVED: &str = "2026-12-01";
const DATES: [&str; 7] = [
    "2026-12-01",
    "2026-12-08",
    "2026-12-15",
    "2027-01-01",
    "2027-03-01",
    "2027-07-01",
    "2028-01-01",
];

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn sample() -> Roadmap {
    let saved = day(SAVED);
    let now = saved.and_hms_opt(9, 0, 0).unwrap().and_utc();
    alignmap::sample::sample(saved, now).unwrap()
}

/// Goals the business cannot count on, counted straight from the definition.
fn unsupported_by_hand(r: &Roadmap, today: NaiveDate) -> usize {
    let end = Horizon::NextMonth.window_end(today);
    r.goals
        .iter()
        .filter(|g| {
            let strong = |i: &&alignmap::domain::Initiative| {
                i.strength_for(&g.id).is_some_and(Strength::supports)
            };
            let counted_on = r.initiatives.iter().filter(strong).any(|i| {
                i.status.is_active() && i.target.due().is_some_and(|d| d >= today && d <= end)
            });
            let open = r
                .initiatives
                .iter()
                .any(|i| i.status.is_active() && i.strength_for(&g.id).is_some());
            let delivered = r
                .initiatives
                .iter()
                .filter(strong)
                .any(|i| i.status == Status::Done);
            !counted_on && (open || !delivered)
        })
        .count()
}

#[test]
fn seven_reviews_over_thirteen_months_never_flatter() {
    let saved = sample();
    let mut late_before = 0;
    let mut kept_share_before = f64::INFINITY;
    for date in DATES {
        let today = day(date);
        let app = common::app_with(saved.clone(), date);
        let r = &app.roadmap;

        // Promise keeping: every open initiative past its first promised date is counted.
        let p = app.promise();
        let open_late = r
            .initiatives
            .iter()
            .filter(|i| i.status.is_active() && i.first_promise().is_some_and(|f| today > f))
            .count();
        let kept = r
            .initiatives
            .iter()
            .filter(|i| i.status == Status::Done)
            .filter(|i| {
                i.done_on
                    .is_some_and(|d| i.first_promise().is_some_and(|f| d <= f))
            })
            .count();
        let done_late = r
            .initiatives
            .iter()
            .filter(|i| i.status == Status::Done)
            .filter(|i| {
                i.done_on
                    .is_some_and(|d| i.first_promise().is_some_and(|f| d > f))
            })
            .count();
        assert_eq!(
            (p.kept, p.delivered_late, p.open_late),
            (kept, done_late, open_late),
            "{date}: {}",
            p.words()
        );
        assert!(
            open_late >= late_before,
            "{date}: late work never disappears by itself"
        );
        late_before = open_late;
        let share = p.share().unwrap();
        assert!(share <= kept_share_before, "{date}: {}", p.words());
        kept_share_before = share;
        let due = kept + done_late + open_late;
        assert!(
            p.words()
                .starts_with(&format!("{kept} of {due} promises kept")),
            "{date}: {}",
            p.words()
        );

        // Unsupported goals, and the summary line never calls such a goal supported.
        let summary = app.alignment_summary();
        assert_eq!(
            summary.unsupported,
            unsupported_by_hand(r, today),
            "{date}: {}",
            summary.line()
        );

        // High risks without a mitigation, each counted once.
        let risks: BTreeSet<(&str, &str)> = r
            .initiatives
            .iter()
            .filter(|i| i.status.is_active())
            .flat_map(|i| i.risks.iter().map(move |k| (i, k)))
            .filter(|(_, k)| k.is_open() && k.severity() >= 15 && k.mitigation.trim().is_empty())
            .map(|(i, k)| (i.id.0.as_str(), k.id.as_str()))
            .collect();
        assert_eq!(summary.unmitigated, risks.len(), "{date}");

        // The queue lists every overdue initiative (nothing was marked reviewed).
        let overdue: BTreeSet<String> = r
            .initiatives
            .iter()
            .filter(|i| i.is_overdue(today))
            .map(|i| i.id.0.clone())
            .collect();
        let queued: BTreeSet<String> = app
            .review_queue()
            .iter()
            .filter(|e| matches!(e.reason, Reason::Overdue(_)))
            .filter_map(|e| match &e.subject {
                Subject::Initiative(id) => Some(id.0.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(queued, overdue, "{date}");

        // What changed since the first day: exactly the work that fell overdue.
        let changes = diff::changes_between(&saved, day(SAVED), r, today);
        let fell = r
            .initiatives
            .iter()
            .filter(|i| i.is_overdue(today) && !i.is_overdue(day(SAVED)))
            .count();
        assert_eq!(changes.became_overdue.len(), fell, "{date}");
        assert_eq!(
            changes.is_empty(),
            fell == 0,
            "{date}: nothing else was touched"
        );
    }
    // Thirteen months on, the picture is bleak, and the figures say so.
    let app = common::app_with(saved, "2028-01-01");
    let p = app.promise();
    assert!(p.open_late >= 10, "{}", p.words());
    assert!(p.share().unwrap() < 0.25, "{}", p.words());
    assert!(p.words().contains("open past their date"), "{}", p.words());
    let summary = app.alignment_summary();
    assert!(summary.unsupported > 0, "{}", summary.line());
    assert!(
        !summary.line().contains("every goal supported"),
        "{}",
        summary.line()
    );
}
