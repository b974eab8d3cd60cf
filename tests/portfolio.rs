//! The portfolio roll-up against a hand-computed fixture (tests/fixtures/portfolio: two
//! units, four company goals, one unreadable file), and `alignmap portfolio` in each format.
//!
//! By hand, on Wed 2 Dec 2026 (Now ends Sun 6 Dec; next week 7-13 Dec; next month to 31 Jan):
//! - Finance IT: active f-1 (4 Dec, Now), f-3 (30 Nov, overdue: Now), f-4 (Sep 2027, next
//!   year) → 2/0/0/1. CLOSE has f-1 strong, on time, by 31 Jan: supported; AUDIT's only
//!   work f-3 is overdue: unsupported → 1 of 2. Promises: f-2 done 20 Nov for 25 Nov kept,
//!   f-3 open past 30 Nov → 1 of 2, median delay 2 days. Mix grow, run, transform → 1/1/1.
//!   High: f-4's 4×5 = 20, no mitigation.
//! - Retail IT: r-5 (5 Dec, Now), r-1 (10 Dec, next week), r-2 (15 Jan, next month) →
//!   1/1/1/0. WEB (r-1) and PCI (r-2) supported; STORE's only work was dropped:
//!   unsupported → 1 of 3. Promises: r-3 done 14 Nov for 31 Oct (late, 14 days), r-4
//!   dropped 20 Nov after 1 Nov (dropped late) → 0 of 2, median 14. Mix run r-2 r-5, grow
//!   r-1 → 2/1/0. High: r-2's 3×5 = 15, mitigated; r-5's 5×4 is closed.
//! - Company: GROW ← retail WEB ("grow", the code in another case); SAFE ← finance AUDIT
//!   (unsupported) and retail PCI (supported): supported; COST ← finance CLOSE; DATA ← nobody.
//!   STORE names "LOYALTY", which is no company goal. All: 3/1/1/1 = 6 active, run 3 grow 2
//!   transform 1, promises 1 of 4 kept.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::domain::portfolio::rollup;
use alignmap::storage::portfolio::{load_portfolio, read_units};
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/portfolio")
}

fn at_fixture_date() -> alignmap::domain::portfolio::Rollup {
    let dir = fixture();
    let company = load_portfolio(&dir).unwrap().unwrap();
    rollup(
        &company,
        &read_units(&dir).unwrap(),
        common::date("2026-12-02"),
    )
}

#[test]
fn every_unit_figure_matches_the_hand_computation() {
    let r = at_fixture_date();
    let names: Vec<&str> = r.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["Finance IT", "Retail IT"]);
    let (finance, retail) = (&r.units[0], &r.units[1]);
    assert_eq!(finance.horizons, [2, 0, 0, 1]);
    assert_eq!(retail.horizons, [1, 1, 1, 0]);
    assert_eq!((finance.unsupported, finance.goals), (1, 2));
    assert_eq!((retail.unsupported, retail.goals), (1, 3));
    assert_eq!(
        (
            finance.promise.kept,
            finance.promise.open_late,
            finance.promise.due()
        ),
        (1, 1, 2)
    );
    assert_eq!(finance.promise.median_delay, Some(2));
    let p = retail.promise;
    assert_eq!(
        (p.kept, p.delivered_late, p.dropped_late, p.due()),
        (0, 1, 1, 2)
    );
    assert_eq!(p.median_delay, Some(14));
    assert_eq!(finance.mix, [1, 1, 1]);
    assert_eq!(retail.mix, [2, 1, 0]);
    assert_eq!((finance.high_risks, retail.high_risks), (1, 1));
}

#[test]
fn company_goals_totals_and_risks_match_the_hand_computation() {
    let r = at_fixture_date();
    let supported: Vec<(&str, bool)> = r
        .goals
        .iter()
        .map(|g| (g.goal.code.as_str(), !g.is_unsupported()))
        .collect();
    assert_eq!(
        supported,
        [
            ("GROW", true),
            ("SAFE", true),
            ("COST", true),
            ("DATA", false)
        ]
    );
    let safe: Vec<(&str, bool)> = r.goals[1]
        .contributions
        .iter()
        .map(|c| (c.code.as_str(), c.supported))
        .collect();
    assert_eq!(safe, [("AUDIT", false), ("PCI", true)]);
    assert_eq!(r.unknown.len(), 1);
    assert_eq!(
        (r.unknown[0].code.as_str(), r.unknown[0].names.as_str()),
        ("STORE", "LOYALTY")
    );
    assert_eq!(r.horizons(), [3, 1, 1, 1]);
    assert_eq!(r.mix, [3, 2, 1]);
    assert_eq!(r.promise_due_and_kept(), (4, 1));
    let risks: Vec<(&str, u8, bool)> = r
        .high_risks
        .iter()
        .map(|k| (k.unit.as_str(), k.severity, k.mitigation.is_empty()))
        .collect();
    assert_eq!(
        risks,
        [("finance.ron", 20, true), ("retail.ron", 15, false)]
    );
    assert_eq!(r.unreadable.len(), 1);
    assert_eq!(r.unreadable[0].0, "broken.ron");
    let why = &r.unreadable[0].1;
    assert!(why.starts_with("broken.ron:4:13: Expected"), "{why}");
}

#[test]
fn the_command_prints_markdown_and_writes_json_and_a_self_contained_page() {
    let dir = fixture();
    let out = common::cli_in(&dir)
        .args(["--today", "2026-12-02", "portfolio"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("**2 units · 6 active · company goals: 3 of 4 supported · promises 1 of 4 kept (25%) · 1 unreadable (left out)**"),
        "{text}"
    );
    assert!(
        text.contains("| Finance IT | finance.ron | 2 | 0 | 0 | 1 | 1 of 2 |"),
        "{text}"
    );
    assert!(
        text.contains(
            "**DATA** P3 One trusted number for sales · Priya Shah (CCO) · **NO UNIT SUPPORTS IT**"
        ),
        "{text}"
    );
    assert!(
        text.contains("run 3 (50%) · grow 2 (33%) · transform 1 (17%) of 6 active"),
        "{text}"
    );

    let out_dir = tempfile::tempdir().unwrap();
    let json = write(out_dir.path(), "json");
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(value["format"], "alignmap-portfolio");
    assert_eq!(
        value["units"][1]["horizons"],
        serde_json::json!([1, 1, 1, 0])
    );
    assert_eq!(value["units"][1]["promise"]["median_delay_days"], 14);
    assert_eq!(value["goals"][3]["contributions"], serde_json::json!([]));

    let html = write(out_dir.path(), "html");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("default-src 'none'"));
    assert!(!page.contains("<script"));
    assert!(page.contains("no unit supports it"));
    assert_eq!(
        page.matches("<tr><td>").count(),
        2 + 4 + 2,
        "units, goals, risks"
    );
}

/// `alignmap portfolio --format FORMAT --out` a file in `dir` for the fixture; its path.
fn write(dir: &Path, format: &str) -> PathBuf {
    let path = dir.join(format!("portfolio.{format}"));
    common::cli_in(&fixture())
        .args([
            "--today",
            "2026-12-02",
            "portfolio",
            "--format",
            format,
            "--out",
        ])
        .arg(&path)
        .assert()
        .success();
    path
}

#[test]
fn a_mistake_in_portfolio_ron_says_where_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    alignmap::storage::save(
        &dir.path().join("unit.ron"),
        &alignmap::domain::Roadmap::new("Unit"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("portfolio.ron"),
        "(goals: [(id: \"g\", titel: \"typo\")])",
    )
    .unwrap();
    let out = common::cli_in(dir.path()).arg("portfolio").assert().code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("portfolio.ron:1:"), "{err}");
    assert!(err.contains("titel"), "{err}");
}

/// The planner on finance.ron with the portfolio view open, as `8` opens it.
fn planner_on_portfolio() -> alignmap::app::App {
    use alignmap::app::{App, Clock, EffectOutcome, Source};
    let dir = fixture();
    let today = common::date("2026-12-02");
    let finance = alignmap::storage::load(&dir.join("finance.ron")).unwrap();
    let mut app = App::builder(finance, Clock::fixed(today, common::now()))
        .source(Source::File(dir.join("finance.ron")))
        .location("finance.ron".into())
        .build();
    app.take_outcome(EffectOutcome::Portfolio {
        rollup: Box::new(at_fixture_date()),
        dir,
    });
    app
}

#[test]
fn portfolio_view_80x24() {
    let mut app = planner_on_portfolio();
    insta::assert_snapshot!(common::draw(&mut app, 80, 24).backend());
}

#[test]
fn portfolio_view_120x40() {
    let mut app = planner_on_portfolio();
    insta::assert_snapshot!(common::draw(&mut app, 120, 40).backend());
}

#[test]
fn enter_on_a_unit_saves_this_roadmap_and_opens_that_one() {
    let mut app = planner_on_portfolio();
    common::press(&mut app, "Enter");
    assert!(!app.quit, "Finance is the roadmap open now");
    app.take_outcome(alignmap::app::EffectOutcome::Portfolio {
        rollup: Box::new(at_fixture_date()),
        dir: fixture(),
    });
    common::press(&mut app, "j Enter");
    assert!(app.quit);
    assert_eq!(app.session.switch_to, Some(fixture().join("retail.ron")));
}

#[test]
fn check_finds_a_roadmap_by_the_start_of_its_name_and_open_suggests_near_ones() {
    common::cli_in(&fixture())
        .args(["check", "fin"])
        .assert()
        .success()
        .stdout(predicates::str::contains("finance.ron: schema version 5"));
    let dir = tempfile::tempdir().unwrap();
    for name in ["retail-it", "retail-stores"] {
        common::cli_in(dir.path())
            .args(["new", name])
            .assert()
            .success();
    }
    let out = common::cli_in(dir.path())
        .args(["open", "retail"])
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("did you mean retail-it or retail-stores?"),
        "{err}"
    );
}

#[test]
fn a_goal_detail_says_which_company_goal_it_contributes_to() {
    let mut app = planner_on_portfolio();
    common::press(&mut app, "Esc Tab Enter");
    let screen = common::screen_text(&common::draw(&mut app, 100, 30));
    assert!(screen.contains("Company   goal cost-10"), "{screen}");
}
