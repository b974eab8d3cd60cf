//! Tests of the model: the target log and slips, done dates, goal links, suggested codes.

use super::*;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn initiative(target: &str) -> Initiative {
    let at = DateTime::<Utc>::from_timestamp(0, 0).unwrap();
    Initiative {
        title: "t".into(),
        status: Status::Planned,
        kind: Kind::Run,
        target: Target::day(date(target)),
        ..Initiative::blank(InitiativeId("i-1".into()), at)
    }
}

#[test]
fn target_changes_are_logged_and_slips_counted() {
    let mut i = initiative("2026-12-01");
    i.set_target(Target::day(date("2026-12-01")), date("2026-11-20"));
    assert!(i.target_log.is_empty(), "same date is not a move");
    i.set_target(Target::day(date("2026-12-15")), date("2026-11-20"));
    i.set_target(Target::day(date("2026-12-10")), date("2026-11-21"));
    i.set_target(Target::day(date("2027-01-31")), date("2026-11-22"));
    assert_eq!(i.target_log.len(), 3);
    assert_eq!(i.slip_count(), 2, "a pull-in is not a slip");
    assert_eq!(i.first_target(), Target::day(date("2026-12-01")));
}

#[test]
fn same_day_moves_merge_into_one_net_change() {
    let mut i = initiative("2026-12-01");
    let day = date("2026-11-22");
    i.set_target(Target::day(date("2026-12-31")), day);
    i.set_target(Target::day(date("2027-11-22")), day);
    assert_eq!(i.target_log.len(), 1);
    assert_eq!(
        (i.target_log[0].from, i.target_log[0].to),
        (
            Target::day(date("2026-12-01")),
            Target::day(date("2027-11-22"))
        )
    );
    i.set_target(Target::day(date("2026-12-01")), day);
    assert!(
        i.target_log.is_empty(),
        "back where it started: no move that day"
    );
    i.set_target(Target::day(date("2026-12-08")), date("2026-11-23"));
    i.set_target(Target::day(date("2026-12-15")), date("2026-11-24"));
    assert_eq!(i.target_log.len(), 2, "different days stay separate");
}

#[test]
fn done_on_follows_status() {
    let mut i = initiative("2026-12-01");
    i.set_status(Status::Done, date("2026-11-22"));
    assert_eq!(i.done_on, Some(date("2026-11-22")));
    assert!(
        !i.is_overdue(date("2027-01-01")),
        "done work is never overdue"
    );
    i.set_status(Status::InProgress, date("2026-11-23"));
    assert_eq!(i.done_on, None);
    assert!(i.is_overdue(date("2026-12-02")));
}

#[test]
fn removing_a_goal_removes_its_links() {
    let mut r = Roadmap::new("r");
    let g = GoalId("g-1".into());
    r.goals.push(Goal {
        id: g.clone(),
        code: "O2C".into(),
        title: "Cash".into(),
        description: String::new(),
        owner: String::new(),
        priority: 1,
        kpis: vec![],
        contributes_to: String::new(),
    });
    let mut i = initiative("2026-12-01");
    i.set_link(&g, Some(Strength::Partial));
    r.initiatives.push(i);
    assert_eq!(r.serving(&g).count(), 1);
    assert!(r.remove_goal(&g).is_some());
    assert!(r.initiatives[0].serves.is_empty());
}

#[test]
fn suggested_codes_are_initials_and_unique() {
    let mut r = Roadmap::new("r");
    assert_eq!(
        r.suggest_code("Cut order-to-cash time by 20%", None),
        "COTC"
    );
    r.goals.push(Goal {
        id: GoalId("g-1".into()),
        code: "COTC".into(),
        title: String::new(),
        description: String::new(),
        owner: String::new(),
        priority: 1,
        kpis: vec![],
        contributes_to: String::new(),
    });
    assert_eq!(r.suggest_code("Cut order-to-cash time", None), "COTC2");
    assert_eq!(
        r.suggest_code("Cut order-to-cash time", Some(&GoalId("g-1".into()))),
        "COTC"
    );
    assert_eq!(r.suggest_code("!!!", None), "G");
}
