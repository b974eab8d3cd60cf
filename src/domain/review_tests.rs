use super::*;
use crate::domain::business::{Kpi, Reading, Risk, RiskStatus, Strength};
use crate::domain::checkin::{CheckIn, Rating};
use crate::domain::decisions::Action;
use crate::domain::model::{Goal, Status};
use chrono::{DateTime, TimeZone, Utc};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date(s).and_hms_opt(9, 0, 0).unwrap())
}

fn initiative(id: &str, target: &str, updated: &str) -> Initiative {
    let mut i = Initiative {
        title: format!("Work {id}"),
        it_owner: "Sam".into(),
        status: Status::Planned,
        target: crate::domain::Target::day(date(target)),
        ..Initiative::blank(InitiativeId(id.into()), at(updated))
    };
    i.set_link(&GoalId("g-1".into()), Some(Strength::Strong));
    i
}

fn kpi(readings: &[(&str, f64)]) -> Kpi {
    Kpi {
        id: "k-1".into(),
        name: "DSO".into(),
        unit: "days".into(),
        baseline: Some(41.0),
        target: Some(33.0),
        target_change: None,
        target_note: String::new(),
        direction: Default::default(),
        readings: readings
            .iter()
            .map(|(on, value)| Reading {
                on: date(on),
                value: *value,
            })
            .collect(),
        confidential: false,
    }
}

fn checkin(on: &str) -> CheckIn {
    let rating = |score| Rating {
        score,
        why: String::new(),
        closer: String::new(),
    };
    CheckIn {
        id: "c-1".into(),
        on: date(on),
        business_who: String::new(),
        business: rating(6),
        it: rating(8),
        actions: vec![],
    }
}

/// A small roadmap written on 2026-11-01: one goal with a KPI read that day, a check-in that
/// day, work due in December, one item due 2026-11-20.
fn roadmap() -> Roadmap {
    let mut r = Roadmap::new("r");
    r.goals.push(Goal {
        code: "O2C".into(),
        title: "Cash".into(),
        kpis: vec![kpi(&[("2026-11-01", 39.0)])],
        ..Goal::blank(GoalId("g-1".into()))
    });
    r.initiatives = vec![
        initiative("i-1", "2026-11-20", "2026-11-01"),
        initiative("i-2", "2026-12-10", "2026-11-01"),
    ]
    .into();
    r.checkins.push(checkin("2026-11-01"));
    r
}

fn reasons(r: &Roadmap, today: &str) -> Vec<String> {
    queue(r, date(today), &Thresholds::default())
        .iter()
        .map(Entry::key)
        .collect()
}

#[test]
fn each_reason_appears_with_a_fixed_today() {
    let mut r = roadmap();
    let mut slipped = initiative("i-3", "2026-12-20", "2026-11-10");
    slipped.set_target(
        crate::domain::Target::day(date("2026-12-01")),
        date("2026-10-01"),
    );
    slipped.set_target(
        crate::domain::Target::day(date("2026-12-08")),
        date("2026-10-15"),
    );
    slipped.set_target(
        crate::domain::Target::day(date("2026-12-20")),
        date("2026-11-10"),
    );
    slipped.serves.clear();
    slipped.risks.push(Risk {
        id: "r-1".into(),
        title: "Vendor".into(),
        likelihood: 5,
        impact: 4,
        owner: String::new(),
        mitigation: String::new(),
        status: RiskStatus::Open,
        raised: date("2026-11-01"),
        confidential: false,
    });
    r.initiatives.push(slipped);
    r.actions.push(Action {
        id: "a-1".into(),
        text: "Quotes".into(),
        owner: String::new(),
        due: Some(date("2026-11-21")),
        link: None,
        session: date("2026-11-01"),
        done_on: None,
        created: at("2026-11-01"),
    });
    assert_eq!(
        reasons(&r, "2026-11-22"),
        [
            "overdue:i-1",
            "slipped:i-3",
            "unlinked:i-3",
            "risk:i-3/r-1",
            "action:a-1",
        ]
    );
    let words: Vec<String> = queue(&r, date("2026-11-22"), &Thresholds::default())
        .iter()
        .map(|e| e.reason.words())
        .collect();
    assert_eq!(words[0], "overdue by 2 days");
    assert_eq!(words[1], "slipped 2 times", "two slips and one pull-in");
    assert_eq!(words[4], "action overdue by 1 day");
}

#[test]
fn reopening_the_same_roadmap_later_gives_the_expected_queue() {
    let r = roadmap();
    assert_eq!(
        reasons(&r, "2026-11-15"),
        Vec::<String>::new(),
        "all fine two weeks on"
    );
    assert_eq!(reasons(&r, "2026-11-21"), ["overdue:i-1"]);
    // A month after writing: stale work, a KPI due a reading, a check-in due.
    assert_eq!(
        reasons(&r, "2026-12-01"),
        [
            "overdue:i-1",
            "stale:i-2",
            "kpi:g-1/k-1",
            "checkin:relationship"
        ]
    );
    // In January the December work is overdue too, and overdue work is no support the
    // goal can count on: the goal is unsupported.
    let january = reasons(&r, "2027-01-04");
    assert!(january.contains(&"overdue:i-2".to_string()), "{january:?}");
    assert!(
        january.contains(&"unsupported:g-1".to_string()),
        "{january:?}"
    );
    // Once both are delivered the goal reads delivered, not unsupported.
    let mut done = r.clone();
    for i in &mut done.initiatives {
        i.set_status(Status::Done, date("2027-01-04"));
    }
    assert_eq!(
        reasons(&done, "2027-01-04"),
        ["kpi:g-1/k-1", "checkin:relationship"]
    );
}

#[test]
fn marked_reviewed_stays_away_until_its_item_changes() {
    let mut r = roadmap();
    let today = date("2026-11-22");
    let entry = queue(&r, today, &Thresholds::default()).remove(0);
    r.reviews.push(Reviewed {
        entry: entry.key(),
        on: today,
        stamp: stamp(&r, &entry),
    });
    assert!(queue(&r, today, &Thresholds::default()).is_empty());
    assert!(
        queue(&r, date("2026-11-25"), &Thresholds::default()).is_empty(),
        "a few days more of the same does not bring it back"
    );
    // Marked when 1 day overdue; a week overdue is worse, and it is back.
    assert_eq!(
        reasons(&r, "2026-11-27"),
        ["overdue:i-1"],
        "worse brings it back"
    );
    let mut renamed = r.clone();
    renamed.initiatives[0].title = "Renamed".into();
    assert_eq!(
        reasons(&renamed, "2026-11-22"),
        ["overdue:i-1"],
        "a change does"
    );
}

#[test]
fn a_review_mark_never_hides_an_entry_for_more_than_its_days() {
    // An unlinked initiative's reason never gets worse; the mark still runs out.
    let mut r = roadmap();
    let today = date("2026-11-22");
    let mut i = initiative("i-9", "2027-06-30", "2026-11-20");
    i.serves.clear();
    r.initiatives.push(i);
    let entry = queue(&r, today, &Thresholds::default())
        .into_iter()
        .find(|e| e.key() == "unlinked:i-9")
        .unwrap();
    r.reviews.push(Reviewed {
        entry: entry.key(),
        on: today,
        stamp: stamp(&r, &entry),
    });
    let hidden = |on: &str, days: i64| {
        let t = Thresholds {
            mark_days: days,
            ..Thresholds::default()
        };
        !queue(&r, date(on), &t)
            .iter()
            .any(|e| e.key() == "unlinked:i-9")
    };
    assert!(hidden("2026-12-21", 30), "29 days on");
    assert!(!hidden("2026-12-22", 30), "30 days on it is back");
    assert!(
        !hidden("2026-11-29", 7),
        "a shorter setting from config.ron"
    );
}

#[test]
fn reasons_get_worse_in_bands_not_by_the_day() {
    assert_eq!(Reason::Overdue(1).severity(), Reason::Overdue(6).severity());
    assert!(Reason::Overdue(7).severity() > Reason::Overdue(6).severity());
    assert!(Reason::Overdue(365).severity() > Reason::Overdue(180).severity());
    assert!(Reason::Slipped(3).severity() > Reason::Slipped(2).severity());
    assert!(Reason::ActionDue(-1).severity() > Reason::ActionDue(0).severity());
    assert_eq!(
        Reason::ActionDue(5).severity(),
        Reason::ActionDue(0).severity()
    );
}

#[test]
fn thresholds_are_configurable() {
    let r = roadmap();
    let strict = Thresholds {
        stale_days: 5,
        kpi_days: 5,
        checkin_days: 5,
        slips: 1,
        mark_days: 30,
    };
    let keys: Vec<String> = queue(&r, date("2026-11-08"), &strict)
        .iter()
        .map(Entry::key)
        .collect();
    assert_eq!(
        keys,
        [
            "stale:i-1",
            "stale:i-2",
            "kpi:g-1/k-1",
            "checkin:relationship"
        ]
    );
}

#[test]
fn promises_kept_and_median_delay() {
    let mut on_time = initiative("i-1", "2026-11-20", "2026-11-01");
    on_time.set_status(Status::Done, date("2026-11-19"));
    let mut late = initiative("i-2", "2026-11-20", "2026-11-01");
    late.set_target(
        crate::domain::Target::day(date("2026-12-04")),
        date("2026-11-18"),
    );
    late.set_status(Status::Done, date("2026-12-03"));
    let mut slipping = initiative("i-3", "2026-11-20", "2026-11-01");
    slipping.set_target(
        crate::domain::Target::day(date("2026-11-30")),
        date("2026-11-10"),
    );
    let today = date("2026-11-15");
    let p = promise([&on_time, &late, &slipping], today);
    // On 15 Nov the slipping one's first date (20 Nov) has not come: not due yet.
    assert_eq!((p.kept, p.delivered_late, p.open_late), (1, 1, 0));
    assert_eq!(p.share(), Some(0.5));
    // Delays: late delivered 13 days after its first target, slipping moved 10 days later.
    assert_eq!((p.median_delay, p.delayed), (Some(11), 2));
    assert_eq!(
        p.words(),
        "1 of 2 promises kept (50%) · 1 delivered late · median delay 11 days (over 2)"
    );
    assert_eq!(promise([], today).words(), "no promise due yet");
}

#[test]
fn open_work_past_its_first_date_is_a_broken_promise_by_how_late_it_is_today() {
    // The sample's situation after a long absence: one kept, one delivered late, and work
    // that is still open long after the date first promised.
    let mut on_time = initiative("i-1", "2026-11-20", "2026-11-01");
    on_time.set_status(Status::Done, date("2026-11-19"));
    let mut late = initiative("i-2", "2026-11-20", "2026-11-01");
    late.set_status(Status::Done, date("2026-12-11"));
    let overdue = initiative("i-3", "2026-12-31", "2026-11-01");
    let mut moved = initiative("i-4", "2026-12-31", "2026-11-01");
    moved.set_target(
        crate::domain::Target::day(date("2028-03-31")),
        date("2027-06-01"),
    );
    let future = initiative("i-5", "2028-06-30", "2026-11-01");
    let mut dropped = initiative("i-6", "2026-12-01", "2026-11-01");
    dropped.set_status(Status::Dropped, date("2026-11-20"));
    let all = [&on_time, &late, &overdue, &moved, &future, &dropped];
    let today = date("2028-01-01");
    let p = promise(all, today);
    assert_eq!((p.kept, p.delivered_late, p.open_late), (1, 1, 2));
    assert_eq!(
        p.share(),
        Some(0.25),
        "not 1 of 2 (50%), as if the open work did not exist"
    );
    // Delays: 21 (delivered late), 366 (overdue since 31 Dec 2026, today 1 Jan 2028),
    // 456 (moved to 31 Mar 2028, later than today): median of 21, 366, 456.
    assert_eq!((p.median_delay, p.delayed), (Some(366), 3));
    assert_eq!(
        p.words(),
        "1 of 4 promises kept (25%) · 1 delivered late · 2 open past their date · median delay 366 days (over 3)"
    );
    assert_eq!(
        p.words_within(60),
        "1/4 kept (25%) · 1 late · 2 open late · median 366 d"
    );
    assert_eq!(p.words_within(30), "1/4 kept (25%) · 2 open late");
    // The open work on its first days: nothing is late yet.
    let early = promise([&on_time, &overdue, &moved, &future], date("2026-11-25"));
    assert_eq!(
        (early.kept, early.delivered_late, early.open_late),
        (1, 0, 0)
    );
}

#[test]
fn promises_are_counted_per_owner() {
    let mut mine = initiative("i-1", "2026-11-20", "2026-11-01");
    mine.set_status(Status::Done, date("2026-11-25"));
    let mut theirs = initiative("i-2", "2026-11-20", "2026-11-01");
    theirs.it_owner = "Lena".into();
    theirs.set_status(Status::Done, date("2026-11-18"));
    let mut nobody = initiative("i-3", "2026-11-20", "2026-11-01");
    nobody.it_owner = " ".into();
    let mut r = Roadmap::new("r");
    r.initiatives = vec![mine, theirs, nobody].into();
    let by = promise_by_owner(&r, date("2026-11-19"));
    let names: Vec<&str> = by.iter().map(|(o, _)| o.as_str()).collect();
    assert_eq!(names, ["Lena", "Sam"], "sorted, unnamed owners left out");
    assert_eq!((by[0].1.due(), by[0].1.kept), (1, 1));
    assert_eq!(
        (by[1].1.due(), by[1].1.kept),
        (1, 0),
        "done after the first target"
    );
}

#[test]
fn after_a_long_absence_the_queue_is_worst_first_within_each_group_with_counts() {
    let mut r = roadmap();
    // Last in the file, latest of all: it must come first.
    r.initiatives
        .push(initiative("i-9", "2026-06-01", "2026-05-01"));
    let today = date("2027-03-01");
    let q = queue(&r, today, &Thresholds::default());
    let overdue: Vec<i64> = q
        .iter()
        .filter_map(|e| match e.reason {
            Reason::Overdue(d) => Some(d),
            _ => None,
        })
        .collect();
    assert!(overdue.len() >= 2, "{q:?}");
    assert!(
        overdue.windows(2).all(|w| w[0] >= w[1]),
        "most days late first: {overdue:?}"
    );
    let ranks: Vec<usize> = q.iter().map(|e| e.reason.rank()).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "grouped: {ranks:?}");
    let counts = group_counts(&q);
    assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), q.len());
    assert_eq!(counts[0], ("overdue", overdue.len()));
    assert_eq!(q[0].key(), "overdue:i-9");
}

#[test]
fn dropping_late_work_leaves_its_promise_broken_and_dropping_early_breaks_none() {
    let overdue = initiative("i-3", "2026-12-31", "2026-11-01");
    let today = date("2027-03-01");
    assert_eq!(promise([&overdue], today).share(), Some(0.0));
    let mut dropped = overdue.clone();
    dropped.set_status(Status::Dropped, today);
    dropped.updated = at("2027-03-01");
    let after = promise([&dropped], today);
    assert_eq!(
        after.share(),
        Some(0.0),
        "dropping it must not make the figure look better"
    );
    assert_eq!(
        (after.dropped_late, after.open_late, after.due()),
        (1, 0, 1)
    );
    assert!(
        after.words().contains("1 dropped late"),
        "{}",
        after.words()
    );
    assert_eq!(after.words_within(30), "0/1 kept (0%) · 1 dropped late");
    // Withdrawn before its day came: no promise was broken.
    let mut early = initiative("i-4", "2027-06-30", "2027-03-01");
    early.set_status(Status::Dropped, today);
    assert_eq!(promise([&early], date("2027-09-01")).due(), 0);
}

#[test]
fn a_short_promise_line_gives_up_the_median_and_the_percentage_before_any_late_count() {
    let p = Promise {
        kept: 1,
        delivered_late: 4,
        open_late: 6,
        median_delay: Some(120),
        delayed: 10,
        ..Promise::default()
    };
    assert_eq!(p.words_within(32), "1/11 kept · 4 late · 6 open late");
    assert_eq!(p.words_within(38), "1/11 kept (9%) · 4 late · 6 open late");
    assert_eq!(p.words_within(24), "1/11 kept · 6 open late");
}
