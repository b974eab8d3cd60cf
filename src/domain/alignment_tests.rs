use super::*;
use crate::domain::business::{BusinessCase, Direction, Risk, RiskStatus, Strength};
use crate::domain::model::Status;
use chrono::{DateTime, Utc};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Sunday 22 Nov 2026: next week ends 29 Nov, next month ends 31 Dec.
fn today() -> NaiveDate {
    date("2026-11-22")
}

fn goal(id: &str, priority: u8) -> Goal {
    Goal {
        id: GoalId(id.into()),
        code: id.trim_start_matches("g-").to_uppercase(),
        title: format!("Goal {id}"),
        description: String::new(),
        owner: String::new(),
        priority,
        kpis: vec![],
        contributes_to: String::new(),
    }
}

fn initiative(id: &str, target: &str, links: &[(&str, Strength)]) -> Initiative {
    let at = DateTime::<Utc>::from_timestamp(0, 0).unwrap();
    let mut i = Initiative {
        title: format!("Initiative {id}"),
        it_owner: "Sam".into(),
        status: Status::Planned,
        target: crate::domain::Target::day(date(target)),
        case: BusinessCase {
            if_not: "Finance keeps matching by hand".into(),
            ..BusinessCase::default()
        },
        ..Initiative::blank(InitiativeId(id.into()), at)
    };
    for (g, s) in links {
        i.set_link(&GoalId((*g).into()), Some(*s));
    }
    i
}

fn risk(id: &str, likelihood: u8, impact: u8, mitigation: &str) -> Risk {
    Risk {
        id: id.into(),
        title: "Vendor late".into(),
        likelihood,
        impact,
        owner: String::new(),
        mitigation: mitigation.into(),
        status: RiskStatus::Open,
        raised: today(),
        confidential: false,
    }
}

fn kpi(id: &str, target: Option<f64>) -> Kpi {
    Kpi {
        id: id.into(),
        name: "NPS".into(),
        unit: String::new(),
        baseline: Some(31.0),
        target,
        direction: Direction::HigherIsBetter,
        ..Kpi::default()
    }
}

fn roadmap(goals: Vec<Goal>, initiatives: Vec<Initiative>) -> Roadmap {
    Roadmap {
        goals,
        initiatives: initiatives.into(),
        ..Roadmap::new("r")
    }
}

#[test]
fn a_goal_is_supported_only_by_active_strong_or_partial_work_not_late_and_due_by_end_of_next_month()
{
    use Strength::*;
    let g = || vec![goal("g-a", 1)];
    let support = |is: Vec<Initiative>, today: NaiveDate| {
        super::support(&roadmap(g(), is), &GoalId("g-a".into()), today)
    };
    let one = |i: Initiative| support(vec![i], today());
    assert_eq!(
        one(initiative("i-1", "2026-12-31", &[("g-a", Strong)])),
        Support::Supported,
        "last day of next month"
    );
    assert_eq!(
        one(initiative("i-1", "2026-11-22", &[("g-a", Partial)])),
        Support::Supported,
        "due today is not late yet"
    );
    let overdue = one(initiative("i-1", "2026-11-01", &[("g-a", Partial)]));
    assert!(
        overdue.is_unsupported(),
        "overdue work is no support to count on"
    );
    assert_eq!(overdue.why(today()), "none by 31 Dec: 1 overdue");
    let later = one(initiative("i-1", "2027-01-01", &[("g-a", Strong)]));
    assert_eq!(later.why(today()), "none by 31 Dec: 1 after that");
    let weak = one(initiative("i-1", "2026-11-25", &[("g-a", Weak)]));
    assert_eq!(weak.why(today()), "none by 31 Dec: 1 weak link");
    let mut done = initiative("i-1", "2026-11-25", &[("g-a", Strong)]);
    done.status = Status::Done;
    done.done_on = Some(date("2026-11-20"));
    assert_eq!(
        one(done.clone()),
        Support::Delivered,
        "all its work shipped: delivered, not abandoned"
    );
    let mut dropped = initiative("i-2", "2026-11-25", &[("g-a", Strong)]);
    dropped.status = Status::Dropped;
    assert_eq!(
        one(dropped),
        Support::Unsupported {
            overdue: 0,
            later: 0,
            weak: 0
        }
    );
    let open = initiative("i-3", "2026-10-01", &[("g-a", Strong)]);
    assert!(
        support(vec![done, open], today()).is_unsupported(),
        "delivered work and late open work: unsupported, not delivered"
    );
    let nothing = support(vec![], today());
    assert_eq!(nothing.why(today()), "no initiatives");
    // Thirteen months on, a goal whose only work was due in December 2026 is not supported,
    // and the reason names the year of the date it gives.
    let stale = support(
        vec![initiative("i-1", "2026-12-31", &[("g-a", Strong)])],
        date("2028-01-01"),
    );
    assert_eq!(stale.why(date("2028-01-01")), "none by 29 Feb: 1 overdue");
    assert_eq!(
        stale.why(date("2027-12-15")),
        "none by 31 Jan 2028: 1 overdue"
    );
}

#[test]
fn the_same_roadmap_loses_support_as_time_passes() {
    let r = roadmap(
        vec![goal("g-a", 1)],
        vec![initiative(
            "i-1",
            "2027-01-15",
            &[("g-a", Strength::Strong)],
        )],
    );
    let g = GoalId("g-a".into());
    assert!(
        is_unsupported(&r, &g, date("2026-11-30")),
        "15 Jan is beyond 31 Dec"
    );
    assert!(
        !is_unsupported(&r, &g, date("2026-12-01")),
        "in December, next month is January"
    );
}

#[test]
fn gaps_name_every_kind_of_problem_once() {
    use Strength::*;
    let mut with_kpi = goal("g-a", 1);
    with_kpi.kpis = vec![kpi("k-1", Some(45.0)), kpi("k-2", None)];
    let lonely = goal("g-b", 2);
    let mut unlinked = initiative("i-1", "2026-11-25", &[]);
    unlinked.it_owner.clear();
    unlinked.case = BusinessCase::default();
    let mut early = initiative("i-2", "2026-11-25", &[("g-a", Strong)]);
    early.needs = vec![InitiativeId("i-3".into())];
    early.risks = vec![
        risk("r-1", 5, 3, ""),
        risk("r-2", 5, 5, "Second vendor"),
        risk("r-3", 2, 2, ""),
    ];
    let later = initiative("i-3", "2027-03-01", &[("g-b", Weak)]);
    let mut dropped = initiative("i-4", "2026-11-25", &[]);
    dropped.status = Status::Dropped;
    let r = roadmap(
        vec![with_kpi, lonely],
        vec![unlinked, early, later, dropped],
    );
    let i = |s: &str| InitiativeId(s.into());
    let g = |s: &str| GoalId(s.into());
    assert_eq!(
        gaps(&r, today()),
        vec![
            Gap::Unlinked(i("i-1")),
            Gap::Unsupported(g("g-b")),
            Gap::NoKpi(g("g-b")),
            Gap::NoTarget(g("g-a"), "k-2".into()),
            Gap::NoCase(i("i-1")),
            Gap::NoOwner(i("i-1")),
            Gap::Sequence(i("i-2"), i("i-3")),
            Gap::Unmitigated(i("i-2"), "r-1".into()),
        ]
    );
}

#[test]
fn an_empty_roadmap_has_no_gaps_and_an_honest_summary() {
    let r = Roadmap::new("r");
    assert!(gaps(&r, today()).is_empty());
    assert_eq!(
        summary(&r, today()).line(),
        "no active initiatives · no goals yet · no high risk unmitigated"
    );
    let b = balance(&r);
    assert_eq!((b.active, b.rows.len(), b.kind_costs), (0, 0, None));
    assert_eq!(b.warning(), None);
}

#[test]
fn risk_exposure_rolls_up_to_every_goal_served() {
    use Strength::*;
    let mut i = initiative("i-1", "2026-11-25", &[("g-a", Strong), ("g-b", Weak)]);
    let mut closed = risk("r-3", 5, 5, "");
    closed.status = RiskStatus::Closed;
    i.risks = vec![risk("r-1", 5, 4, ""), risk("r-2", 2, 3, "Watch it"), closed];
    let r = roadmap(vec![goal("g-a", 1), goal("g-b", 3)], vec![i]);
    let expected = Exposure {
        open: 2,
        severity: 26,
        high: 1,
        unmitigated: 1,
    };
    assert_eq!(exposure(&r, &GoalId("g-a".into())), expected);
    assert_eq!(
        exposure(&r, &GoalId("g-b".into())),
        expected,
        "a weak link still carries the risk"
    );
    let worst = goal_risks(&r, &GoalId("g-a".into()));
    assert_eq!(worst.first().map(|(_, r)| r.id.as_str()), Some("r-1"));
}

#[test]
fn balance_splits_count_and_cost_by_link_strength_and_compares_with_weights() {
    use Strength::*;
    let mut both = initiative("i-1", "2026-11-25", &[("g-a", Strong), ("g-b", Partial)]);
    both.case.cost = Some(100_000.0);
    let mut only_b = initiative("i-2", "2026-11-25", &[("g-b", Weak)]);
    only_b.kind = Kind::Run;
    let mut none = initiative("i-3", "2026-11-25", &[]);
    none.kind = Kind::Transform;
    none.case.cost = Some(100_000.0);
    let r = roadmap(
        vec![goal("g-a", 1), goal("g-b", 5)],
        vec![both, only_b, none],
    );
    let b = balance(&r);
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    assert_eq!(b.rows.len(), 3);
    // i-1 splits 3:2 (0.6 / 0.4); i-2 is all g-b; i-3 serves no goal. Three active.
    assert!(close(b.rows[0].initiatives, 0.6 / 3.0));
    assert!(close(b.rows[1].initiatives, 1.4 / 3.0));
    assert!(close(b.rows[2].initiatives, 1.0 / 3.0));
    assert_eq!(b.rows[2].goal, None);
    assert!(close(b.rows[0].cost.unwrap(), 0.3) && close(b.rows[2].cost.unwrap(), 0.5));
    // Priority 1 weighs 5, priority 5 weighs 1.
    assert!(
        close(b.rows[0].weight.unwrap(), 5.0 / 6.0) && close(b.rows[1].weight.unwrap(), 1.0 / 6.0)
    );
    assert!(b.kinds.iter().all(|k| close(*k, 1.0 / 3.0)));
    assert_eq!(b.kind_costs.map(|k| k[0]), Some(0.0));
    assert_eq!(b.warning(), None);
}

#[test]
fn mostly_run_and_all_run_roadmaps_are_called_out() {
    let run = |id: &str| {
        let mut i = initiative(id, "2026-11-25", &[]);
        i.kind = Kind::Run;
        i
    };
    let all = roadmap(vec![], vec![run("i-1"), run("i-2")]);
    assert!(
        balance(&all)
            .warning()
            .unwrap()
            .starts_with("All active work")
    );
    let mut mixed = vec![run("i-1"), run("i-2"), run("i-3")];
    mixed.push(initiative("i-4", "2026-11-25", &[]));
    assert_eq!(
        balance(&roadmap(vec![], mixed.clone()))
            .warning()
            .as_deref(),
        Some("75% of active work is \"run\": mostly keeping the lights on.")
    );
    mixed.push(initiative("i-5", "2026-11-25", &[]));
    assert_eq!(
        balance(&roadmap(vec![], mixed)).warning(),
        None,
        "60% run is a mix"
    );
}

#[test]
fn summary_line_counts_linked_work_unsupported_goals_and_unmitigated_risks() {
    use Strength::*;
    let mut risky = initiative("i-1", "2026-11-25", &[("g-a", Strong)]);
    risky.risks = vec![
        risk("r-1", 5, 5, ""),
        risk("r-2", 3, 5, ""),
        risk("r-3", 3, 4, ""),
    ];
    let weak = initiative("i-2", "2026-11-25", &[("g-b", Weak)]);
    let unlinked = initiative("i-3", "2026-11-25", &[]);
    let r = roadmap(
        vec![goal("g-a", 1), goal("g-b", 2), goal("g-c", 3)],
        vec![risky, weak, unlinked],
    );
    let s = summary(&r, today());
    assert_eq!(
        (s.active, s.linked, s.unsupported, s.unmitigated),
        (3, 2, 2, 2)
    );
    assert_eq!(
        s.line(),
        "67% of initiatives serve a goal · 2 goals unsupported · 2 high risks unmitigated"
    );
}

#[test]
fn split_weights_are_three_two_one_and_sum_to_one() {
    use Strength::*;
    let i = initiative(
        "i-1",
        "2026-11-25",
        &[("g-a", Strong), ("g-b", Partial), ("g-c", Weak)],
    );
    let parts: Vec<f64> = split(&i).into_iter().map(|(_, s)| s).collect();
    assert_eq!(parts, vec![0.5, 2.0 / 6.0, 1.0 / 6.0]);
    assert!(split(&initiative("i-2", "2026-11-25", &[])).is_empty());
}

#[test]
fn percentages_show_values_outside_the_range_as_they_are() {
    assert_eq!(percent(0.834), "83%");
    assert_eq!(percent(1.5), "150%");
    assert_eq!(percent(-0.25), "-25%");
    assert_eq!(percent(f64::NAN), "n/a");
}

#[test]
fn a_goal_short_of_money_is_below_its_weight_and_a_zero_cost_is_an_estimate() {
    let row = |initiatives: f64, cost: Option<f64>| BalanceRow {
        goal: Some(GoalId("g-a".into())),
        initiatives,
        cost,
        weight: Some(0.33),
    };
    // A P1 goal (a third of the weight) with plenty of initiatives but 3% of the money.
    assert_eq!(row(0.4, Some(0.03)).below_weight(true), Some("cost"));
    assert_eq!(
        row(0.4, Some(0.03)).below_weight(false),
        None,
        "cost hidden"
    );
    assert_eq!(row(0.1, Some(0.5)).below_weight(true), Some("initiatives"));
    assert_eq!(row(0.1, None).below_weight(true), Some("initiatives"));
    assert_eq!(row(0.4, Some(0.4)).below_weight(true), None);
    let mut free = initiative("i-1", "2026-12-01", &[("g-a", Strength::Strong)]);
    free.case.cost = Some(0.0);
    let mut unknown = initiative("i-2", "2026-12-01", &[("g-a", Strength::Strong)]);
    unknown.case.cost = None;
    let b = balance(&roadmap(vec![goal("g-a", 1)], vec![free, unknown]));
    assert_eq!(
        (b.active, b.costed),
        (2, 1),
        "0 is an estimate, none is not"
    );
}
