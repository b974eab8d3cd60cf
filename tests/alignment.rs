//! Flows on the alignment data, driven by keys: the alignment view, KPI readings, risks,
//! link strengths, the business case and deliverables.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::app::{Item, Mode, PickKey, Screen, Tab};
use alignmap::domain::alignment::{Gap, gaps};
use alignmap::domain::business::Strength;
use alignmap::domain::{GoalId, InitiativeId};
use common::{date, press, sample_app, type_text};

fn goal(code: &str) -> GoalId {
    GoalId(format!("g-{}", code))
}

#[test]
fn one_key_shows_the_unsupported_goal_and_the_work_serving_nothing() {
    let mut app = sample_app();
    press(&mut app, "2");
    assert_eq!(app.view.screen, Screen::Alignment);
    assert_eq!(app.view.align.tab, Tab::Gaps);
    let found = app.listed_gaps();
    assert!(
        found.contains(&Gap::Unsupported(goal("data0001"))),
        "{found:?}"
    );
    assert!(found.contains(&Gap::Unlinked(InitiativeId("i-laptop01".into()))));
    // The first row is the first gap; Enter opens its detail; Esc comes back here.
    assert_eq!(
        app.selected_item(),
        Some(Item::Initiative(InitiativeId("i-laptop01".into())))
    );
    press(&mut app, "Enter");
    assert!(matches!(app.mode, Mode::Detail { .. }));
    press(&mut app, "Esc");
    assert!(matches!(app.mode, Mode::Browse) && app.view.screen == Screen::Alignment);
    press(&mut app, "1");
    assert_eq!(app.view.screen, Screen::Board);
}

#[test]
fn tabs_cycle_and_remember_their_selection() {
    let mut app = sample_app();
    press(&mut app, "2 Tab j j");
    assert_eq!(app.view.align.tab, Tab::Goals);
    assert_eq!(
        app.selected_item(),
        Some(Item::Goal(app.roadmap.goals[2].id.clone()))
    );
    press(&mut app, "Tab Tab Tab Tab");
    assert_eq!(app.view.align.tab, Tab::Goals, "four tabs, full circle");
    assert_eq!(
        app.selected_item(),
        Some(Item::Goal(app.roadmap.goals[2].id.clone()))
    );
    press(&mut app, "BackTab");
    assert_eq!(app.view.align.tab, Tab::Gaps);
    press(&mut app, "v");
    assert_eq!(
        (app.view.align.tab, app.view.align.by_horizon),
        (Tab::Matrix, true)
    );
    assert!(
        matches!(app.selected_item(), Some(Item::Goal(_))),
        "goals × horizons"
    );
    press(&mut app, "v G");
    let last = app
        .matrix_initiatives()
        .last()
        .map(|i| i.id.clone())
        .unwrap();
    assert_eq!(app.selected_item(), Some(Item::Initiative(last)));
}

#[test]
fn recording_a_kpi_reading_moves_its_gauge_and_is_undoable() {
    let mut app = sample_app();
    let kpi = |app: &alignmap::app::App| app.roadmap.goals[0].kpis[0].clone();
    let before = kpi(&app).progress().unwrap();
    press(&mut app, "2 Tab m");
    let Mode::Form(form) = &app.mode else {
        panic!("reading form")
    };
    assert_eq!(form.title(), "Record a KPI reading");
    // The stalest KPI comes first: DSO was measured 6 days ago, matching 9 days ago.
    press(&mut app, "BackTab Left Tab");
    type_text(&mut app, "35");
    press(&mut app, "Enter");
    assert!(matches!(app.mode, Mode::Browse));
    let after = kpi(&app);
    assert_eq!(after.current(), Some(35.0));
    assert_eq!(after.latest().unwrap().on, date("2026-11-22"));
    assert_eq!(after.progress(), Some(0.75), "41 → 35 of 41 → 33");
    assert!(after.progress().unwrap() > before);
    press(&mut app, "u");
    assert_eq!(kpi(&app).progress(), Some(before));
}

#[test]
fn a_reading_must_be_a_number_and_the_form_says_so() {
    let mut app = sample_app();
    press(&mut app, "2 Tab m");
    type_text(&mut app, "about forty");
    press(&mut app, "Enter");
    let Mode::Form(form) = &app.mode else {
        panic!("still in the form")
    };
    assert!(form.error.as_deref().unwrap().contains("is not a number"));
}

#[test]
fn a_high_risk_without_mitigation_shows_on_the_goal_it_threatens_until_mitigated() {
    let mut app = sample_app();
    // The tracking page serves CX and has no risks yet.
    let id = InitiativeId("i-track001".into());
    app.select_initiative(&id);
    press(&mut app, "r");
    let Mode::Form(form) = &app.mode else {
        panic!("a card without risks goes straight to the form")
    };
    assert_eq!(form.title(), "New risk");
    type_text(&mut app, "Carrier API changes without notice");
    // Likelihood 3 → 4 (likely), impact 3 → 5 (severe).
    press(&mut app, "Tab Right Tab Right Right Enter");
    let risk = app.roadmap.initiative(&id).unwrap().risks[0].clone();
    assert_eq!((risk.likelihood, risk.impact, risk.severity()), (4, 5, 20));
    let cx = goal("cx000001");
    let exposure = alignmap::domain::alignment::exposure(&app.roadmap, &cx);
    assert_eq!(exposure.unmitigated, 2, "the CRM risk and this one");
    assert!(gaps(&app.roadmap, app.today).contains(&Gap::Unmitigated(id.clone(), risk.id.clone())));
    // r again offers the risk to edit; add a mitigation.
    press(&mut app, "r");
    assert!(matches!(app.mode, Mode::Pick(_)));
    press(&mut app, "j Enter Tab Tab Tab Tab");
    type_text(&mut app, "Contract clause: 90 days notice");
    press(&mut app, "Enter");
    assert!(
        !gaps(&app.roadmap, app.today).contains(&Gap::Unmitigated(id.clone(), risk.id.clone()))
    );
    assert_eq!(
        alignmap::domain::alignment::exposure(&app.roadmap, &cx).unmitigated,
        1
    );
}

#[test]
fn link_strength_cycles_with_space_in_the_goal_list() {
    let mut app = sample_app();
    let id = InitiativeId("i-laptop01".into());
    app.select_initiative(&id);
    press(&mut app, "#");
    // The goal list has focus: O2C first. Space: strong; on ISO twice: partial.
    press(&mut app, "Space Down Space Space Enter");
    let i = app.roadmap.initiative(&id).unwrap();
    assert_eq!(i.strength_for(&goal("o2c00001")), Some(Strength::Strong));
    assert_eq!(i.strength_for(&goal("iso00001")), Some(Strength::Partial));
    press(&mut app, "# Down Space Space Enter");
    let i = app.roadmap.initiative(&id).unwrap();
    assert_eq!(
        i.strength_for(&goal("iso00001")),
        None,
        "weak, then unlinked"
    );
    assert_eq!(i.serves.len(), 1);
}

#[test]
fn the_business_case_form_fills_the_case_and_hides_internal_fields_in_public() {
    let mut app = sample_app();
    let id = InitiativeId("i-laptop01".into());
    app.select_initiative(&id);
    press(&mut app, "b");
    type_text(
        &mut app,
        "Windows 10 support ends; unpatched laptops fail the audit",
    );
    press(&mut app, "Tab Tab");
    type_text(&mut app, "120");
    press(&mut app, "Enter");
    let i = app.roadmap.initiative(&id).unwrap();
    assert!(i.case.is_made());
    assert_eq!(i.case.hours_lost_per_month, Some(120.0));
    assert_eq!(
        i.case.cost,
        Some(540_000.0),
        "untouched numbers keep their value"
    );
    press(&mut app, "P b");
    let Mode::Form(form) = &app.mode else {
        panic!("case form")
    };
    assert!(form.field(alignmap::app::forms::FieldName::Cost).is_none());
    assert!(
        form.field(alignmap::app::forms::FieldName::Politics)
            .is_none()
    );
    press(&mut app, "Enter");
    assert_eq!(
        app.roadmap.initiative(&id).unwrap().case.cost,
        Some(540_000.0),
        "saving in public keeps the hidden figures"
    );
}

#[test]
fn deliverables_are_added_with_their_own_date_and_removed_by_emptying_the_title() {
    let mut app = sample_app();
    let id = InitiativeId("i-laptop01".into());
    app.select_initiative(&id);
    press(&mut app, "w");
    type_text(&mut app, "Finance team on new laptops");
    press(&mut app, "Tab C-u");
    type_text(&mut app, "+2w");
    press(&mut app, "Enter");
    let d = app.roadmap.initiative(&id).unwrap().deliverables.clone();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].date, date("2026-12-06"));
    press(&mut app, "w j Enter C-u Enter");
    assert!(app.roadmap.initiative(&id).unwrap().deliverables.is_empty());
    press(&mut app, "u");
    assert_eq!(app.roadmap.initiative(&id).unwrap().deliverables.len(), 1);
}

#[test]
fn kpis_are_added_from_the_goals_pane_and_a_goal_without_one_says_how() {
    let mut app = sample_app();
    app.roadmap.goals[5].kpis.clear();
    app.refresh();
    press(&mut app, "Tab G m");
    assert!(app.message.as_ref().unwrap().1.contains("has no KPI yet"));
    press(&mut app, "i");
    type_text(&mut app, "Monthly close");
    press(&mut app, "Tab");
    type_text(&mut app, "days");
    press(&mut app, "Tab");
    type_text(&mut app, "12");
    press(&mut app, "Tab");
    type_text(&mut app, "5");
    press(&mut app, "Tab Tab Right Enter"); // past the target note to "Better is"
    let kpi = &app.roadmap.goals[5].kpis[0];
    assert_eq!((kpi.baseline, kpi.target), (Some(12.0), Some(5.0)));
    assert_eq!(
        kpi.direction,
        alignmap::domain::business::Direction::LowerIsBetter
    );
    assert_eq!(kpi.progress(), Some(0.0));
    assert!(kpi.id.starts_with("k-"));
}

#[test]
fn dependencies_are_ticked_in_a_list_and_circles_are_refused() {
    let mut app = sample_app();
    let dunning = InitiativeId("i-dun00001".into());
    let crm = InitiativeId("i-crm00001".into());
    app.select_initiative(&crm);
    press(&mut app, "Enter n");
    let Mode::Pick(pick) = &app.mode else {
        panic!("the needs list")
    };
    let at = pick
        .keys
        .iter()
        .position(|k| *k == PickKey::Initiative(dunning.clone()))
        .unwrap();
    // Dunning already needs the CRM: the CRM needing dunning would close a circle.
    press(&mut app, &"j ".repeat(at));
    press(&mut app, "Enter");
    assert!(app.roadmap.initiative(&crm).unwrap().needs.is_empty());
    assert!(
        app.message.as_ref().unwrap().1.contains("circle"),
        "{:?}",
        app.message
    );
    assert!(matches!(app.mode, Mode::Pick(_)), "the list stays open");
    // Untick the existing link from the dunning side, then undo it.
    press(&mut app, "Esc Esc");
    app.select_initiative(&dunning);
    press(&mut app, "Enter n");
    let Mode::Pick(pick) = &app.mode else {
        panic!("the needs list")
    };
    let at = pick
        .keys
        .iter()
        .position(|k| *k == PickKey::Initiative(crm.clone()))
        .unwrap();
    assert!(pick.options[at].starts_with("[x]") && pick.options[at].contains("planned later"));
    press(&mut app, &"j ".repeat(at));
    press(&mut app, "Enter");
    assert!(app.roadmap.initiative(&dunning).unwrap().needs.is_empty());
    assert!(
        !app.listed_gaps()
            .iter()
            .any(|g| matches!(g, Gap::Sequence(..)))
    );
    press(&mut app, "Esc Esc u");
    assert_eq!(app.roadmap.initiative(&dunning).unwrap().needs, [crm]);
}

#[test]
fn forms_opened_from_a_detail_return_to_it_saved_or_cancelled() {
    let mut app = sample_app();
    let id = InitiativeId("i-peppol01".into());
    app.select_initiative(&id);
    press(&mut app, "Enter b");
    assert!(matches!(app.mode, Mode::Form(_)));
    type_text(&mut app, " (Germany first)");
    press(&mut app, "Enter");
    assert!(
        matches!(app.mode, Mode::Detail { .. }),
        "back in the detail after saving"
    );
    press(&mut app, "r Esc");
    assert!(
        matches!(app.mode, Mode::Detail { .. }),
        "back after closing the risk list"
    );
    press(&mut app, "e Esc");
    assert!(
        matches!(app.mode, Mode::Detail { .. }),
        "back after cancelling an edit"
    );
    press(&mut app, "Esc e Esc");
    assert!(
        matches!(app.mode, Mode::Browse),
        "a form from the board returns to the board"
    );
}
