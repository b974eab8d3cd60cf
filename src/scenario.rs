//! A quarter of reviews on the bundled sample, for the report's tests, its README picture
//! and anyone who wants to see a report with history: the sample as of 1 Sep 2026, then
//! monthly reviews (1 Oct, 2 Nov) each recording KPI readings, slips with their reasons,
//! deliveries, a check-in, actions and decisions and ending with a snapshot, then the roadmap
//! as it stands on 1 Dec 2026 (readings, a check-in and a slip with no reason given).
//! `alignmap dev scenario DIR` writes it.

use crate::domain::checkin::{CheckIn, Rating};
use crate::domain::decisions::{Action, Decision, Link};
use crate::domain::{GoalId, InitiativeId, Roadmap, Status, Target};
use crate::storage::snapshot;
use chrono::{DateTime, NaiveDate, Utc};
use std::path::{Path, PathBuf};

/// The sample's day: the quarter starts here (and the first snapshot is of that day).
pub const START: &str = "2026-09-01";
/// The day the roadmap file stands at, three months later: report on it.
pub const END: &str = "2026-12-01";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap_or(NaiveDate::MIN)
}

fn at(d: NaiveDate) -> DateTime<Utc> {
    d.and_hms_opt(10, 0, 0).unwrap_or_default().and_utc()
}

fn read(r: &mut Roadmap, kpi: &str, on: NaiveDate, value: f64) {
    for g in &mut r.goals {
        for k in &mut g.kpis {
            if k.id == kpi {
                k.record(on, value);
            }
        }
    }
}

fn slip(r: &mut Roadmap, id: &str, on: NaiveDate, to: &str, reason: &str) {
    if let Some(i) = r.initiative_mut(&InitiativeId(id.into())) {
        i.set_target(Target::day(day(to)), on);
        if let Some(last) = i.target_log.last_mut() {
            last.reason = reason.into();
        }
        i.updated = at(on);
    }
}

fn done(r: &mut Roadmap, id: &str, on: NaiveDate) {
    if let Some(i) = r.initiative_mut(&InitiativeId(id.into())) {
        i.set_status(Status::Done, on);
        i.updated = at(on);
    }
}

fn checkin(
    r: &mut Roadmap,
    id: &str,
    on: NaiveDate,
    business: (u8, &str, &str),
    it: (u8, &str, &str),
) {
    let rating = |(score, why, closer): (u8, &str, &str)| Rating {
        score,
        why: why.into(),
        closer: closer.into(),
    };
    r.checkins.push(CheckIn {
        id: id.into(),
        on,
        business_who: "Dana Whitfield (CFO)".into(),
        business: rating(business),
        it: rating(it),
        actions: vec![],
    });
}

fn action(r: &mut Roadmap, id: &str, text: &str, owner: &str, due: &str, on: NaiveDate) {
    r.actions.push(Action {
        id: id.into(),
        text: text.into(),
        owner: owner.into(),
        due: Some(day(due)),
        link: None,
        session: on,
        done_on: None,
        created: at(on),
    });
}

fn decide(r: &mut Roadmap, id: &str, text: &str, goal: &str, on: NaiveDate) {
    r.decisions.push(Decision {
        id: id.into(),
        text: text.into(),
        session: on,
        link: Some(Link::Goal(GoalId(goal.into()))),
        created: at(on),
    });
}

/// The October review.
fn october(r: &mut Roadmap) {
    let on = day("2026-10-01");
    read(r, "k-dso00001", on, 36.0);
    read(r, "k-match001", on, 41.0);
    read(r, "k-find0001", on, 3.0);
    read(r, "k-nps00001", on, 36.0);
    read(r, "k-calls001", on, 398.0);
    done(r, "i-vpn00001", day("2026-09-03"));
    done(r, "i-churn001", day("2026-09-02"));
    done(r, "i-sso00001", day("2026-09-10"));
    done(r, "i-drill001", day("2026-09-12"));
    done(r, "i-ftp00001", day("2026-09-28"));
    done(r, "i-inv00001", day("2026-09-30"));
    slip(
        r,
        "i-peppol01",
        on,
        "2026-12-18",
        "The access-point provider's certification moved to December",
    );
    slip(
        r,
        "i-dun00001",
        on,
        "2026-12-11",
        "Waits for the CRM decision on dunning templates",
    );
    checkin(
        r,
        "c-q4r00001",
        on,
        (
            5,
            "Invoice matching landed late",
            "Say early when a date is at risk",
        ),
        (
            7,
            "Good month for delivery",
            "Earlier sight of Finance's priorities",
        ),
    );
    action(
        r,
        "a-q4r00001",
        "Send the supplier clean-up list to Finance",
        "Sam Okafor",
        "2026-10-15",
        on,
    );
    decide(
        r,
        "d-q4r00001",
        "Fund the Peppol access point from the EU launch budget",
        "g-eu000001",
        on,
    );
}

/// The November review.
fn november(r: &mut Roadmap) {
    let on = day("2026-11-02");
    read(r, "k-dso00001", on, 35.0);
    read(r, "k-match001", on, 52.0);
    read(r, "k-find0001", on, 2.0);
    read(r, "k-nps00001", on, 38.0);
    read(r, "k-calls001", on, 371.0);
    read(r, "k-peak0001", on, 2100.0);
    done(r, "i-ea000001", day("2026-11-02"));
    done(r, "i-load0001", day("2026-10-20"));
    slip(
        r,
        "i-crm00001",
        on,
        "2027-08-31",
        "Sales asked to wait until after the year-end quota",
    );
    slip(
        r,
        "i-track001",
        on,
        "2026-12-15",
        "The design review with Customer Success moved to November",
    );
    if let Some(a) = r.actions.find_mut(&"a-q4r00001".to_string()) {
        a.done_on = Some(day("2026-10-14"));
    }
    action(
        r,
        "a-q4r00002",
        "Agree the load-test date for the EU launch with Sales",
        "Ana Sousa",
        "2026-11-20",
        on,
    );
    action(
        r,
        "a-q4r00003",
        "Bring the CRM business case to the January board",
        "Priya Nair",
        "2027-01-15",
        on,
    );
    checkin(
        r,
        "c-q4r00002",
        on,
        (6, "Dates are more honest now", "A monthly one-page report"),
        (
            7,
            "Finance answers faster",
            "Decisions on the CRM before Christmas",
        ),
    );
    decide(
        r,
        "d-q4r00002",
        "Hold the CRM replacement until after the year-end quota",
        "g-cx000001",
        on,
    );
}

/// The state on the report's day.
fn december(r: &mut Roadmap) {
    let on = day(END);
    read(r, "k-dso00001", on, 34.0);
    read(r, "k-match001", on, 61.0);
    read(r, "k-nps00001", on, 39.0);
    slip(r, "i-track001", on, "2027-01-29", "");
    checkin(
        r,
        "c-q4r00003",
        on,
        (
            7,
            "The report answers the board's questions",
            "Keep the dates honest",
        ),
        (
            7,
            "Fewer surprises both ways",
            "A named Finance contact per goal",
        ),
    );
}

/// Writes the quarter into `dir` (created): `roadmap.ron` as of [`END`] and three snapshots
/// (1 Sep, 1 Oct, 2 Nov). Returns the roadmap file.
pub fn write(dir: &Path) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let file = dir.join("roadmap.ron");
    let start = day(START);
    let mut roadmap = crate::sample::sample(start, at(start))?;
    let take = |r: &Roadmap, on: &str, label: &str| -> Result<(), String> {
        let text = crate::storage::to_ron(r).map_err(|e| e.to_string())?;
        let when = day(on).and_hms_opt(17, 0, 0).unwrap_or_default();
        snapshot::take(&file, &text, label, when)
            .map(|_| ())
            .map_err(|e| format!("cannot take the snapshot: {e}"))
    };
    take(&roadmap, START, "q3-review")?;
    october(&mut roadmap);
    take(&roadmap, "2026-10-01", "october-review")?;
    november(&mut roadmap);
    take(&roadmap, "2026-11-02", "november-review")?;
    december(&mut roadmap);
    crate::storage::save(&file, &roadmap).map_err(|e| e.to_string())?;
    Ok(file)
}
