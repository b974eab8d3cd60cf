//! Rendering of the alignment view and the goal and initiative details into a TestBackend:
//! snapshots at 80x24 and 160x48, plus style, public-view and hostile-text checks.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::domain::InitiativeId;
use common::{draw, press, sample_app, screen_text};
use ratatui::style::Modifier;

#[test]
fn alignment_gaps_80x24() {
    let mut app = sample_app();
    press(&mut app, "2");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn alignment_gaps_160x48() {
    let mut app = sample_app();
    press(&mut app, "2");
    insta::assert_snapshot!(draw(&mut app, 160, 48).backend());
}

#[test]
fn alignment_goals_80x24() {
    let mut app = sample_app();
    press(&mut app, "2 Tab");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn alignment_goals_160x48() {
    let mut app = sample_app();
    press(&mut app, "2 Tab");
    insta::assert_snapshot!(draw(&mut app, 160, 48).backend());
}

#[test]
fn alignment_matrix_80x24() {
    let mut app = sample_app();
    press(&mut app, "2 Tab Tab");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn alignment_matrix_160x48() {
    let mut app = sample_app();
    press(&mut app, "2 Tab Tab");
    insta::assert_snapshot!(draw(&mut app, 160, 48).backend());
}

#[test]
fn alignment_matrix_by_horizon_80x24() {
    let mut app = sample_app();
    press(&mut app, "2 v");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn alignment_balance_80x24() {
    let mut app = sample_app();
    press(&mut app, "2 BackTab");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn alignment_balance_160x48() {
    let mut app = sample_app();
    press(&mut app, "2 BackTab");
    insta::assert_snapshot!(draw(&mut app, 160, 48).backend());
}

#[test]
fn goal_detail_80x24() {
    let mut app = sample_app();
    app.view.viewport = (80, 24);
    press(&mut app, "Tab Enter");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn goal_detail_160x48() {
    let mut app = sample_app();
    app.view.viewport = (160, 48);
    press(&mut app, "Tab Enter");
    insta::assert_snapshot!(draw(&mut app, 160, 48).backend());
}

#[test]
fn initiative_detail_with_case_risks_and_deliverables_160x48() {
    let mut app = sample_app();
    app.select_initiative(&InitiativeId("i-peppol01".into()));
    press(&mut app, "Enter");
    insta::assert_snapshot!(draw(&mut app, 160, 48).backend());
}

#[test]
fn the_matrix_scrolls_to_keep_the_selection_in_view_with_hundreds_of_initiatives() {
    let mut app = sample_app();
    let template = app.roadmap.initiatives[0].clone();
    for n in 0..300 {
        let mut extra = template.clone();
        extra.id = InitiativeId(format!("i-bulk{n:05}"));
        extra.title = format!("Bulk item {n:03}");
        extra.target = alignmap::domain::Target::day(common::date("2027-06-30"));
        app.roadmap.initiatives.push(extra);
    }
    app.refresh();
    press(&mut app, "2 Tab Tab G");
    let text = screen_text(&draw(&mut app, 80, 24));
    let last = app.matrix_initiatives().last().unwrap().title.clone();
    assert!(text.contains(&format!("▶{}", &last[..12])), "{text}");
    assert!(!text.contains("Patch the VPN"), "the top has scrolled away");
    press(&mut app, "g");
    let text = screen_text(&draw(&mut app, 80, 24));
    assert!(text.contains("▶Patch the VPN"), "{text}");
    assert!(text.contains("more"), "says there is more below: {text}");
}

/// Only the gaps near the selection get their text drawn, so every row on screen must have
/// it wherever the selection goes in a long list.
#[test]
fn every_gap_on_screen_has_its_text_anywhere_in_a_long_list() {
    let mut app = sample_app();
    let template = app.roadmap.initiatives[0].clone();
    for n in 0..400 {
        let mut extra = template.clone();
        extra.id = InitiativeId(format!("i-bulk{n:05}"));
        extra.title = format!("Unlinked item {n:03}");
        extra.serves.clear();
        app.roadmap.initiatives.push(extra);
    }
    app.refresh();
    press(&mut app, "2");
    let total = app.listed_gaps().len();
    assert!(total > 400, "{total}");
    for keys in ["", "PageDown PageDown", "G", "g", "G PageUp PageUp PageUp"] {
        press(&mut app, keys);
        for (w, h) in [(80, 24), (160, 48)] {
            let text = screen_text(&draw(&mut app, w, h));
            let blank_rows = text
                .lines()
                .filter(|l| l.starts_with('┃') && l.trim_matches(['┃', ' ', '▶']).is_empty())
                .count();
            assert_eq!(blank_rows, 0, "after {keys:?} at {w}x{h}:\n{text}");
            assert!(text.contains("▶"), "{text}");
        }
    }
    press(&mut app, "G");
    let text = screen_text(&draw(&mut app, 80, 24));
    let last = alignmap::ui::alignment::gap_text(&app, app.listed_gaps().last().unwrap());
    assert!(text.contains(last.trim().get(..20).unwrap()), "{text}");
}

#[test]
fn the_selected_row_is_highlighted_and_unsupported_goals_stand_out_without_colour() {
    let mut app = sample_app();
    app.settings.theme = alignmap::domain::prefs::ThemeName::Mono;
    press(&mut app, "2 Tab j");
    let terminal = draw(&mut app, 100, 30);
    let text = screen_text(&terminal);
    let buffer = terminal.backend().buffer();
    let row = text.lines().position(|l| l.contains("▶ISO")).unwrap();
    let x = text
        .lines()
        .nth(row)
        .unwrap()
        .chars()
        .position(|c| c == 'I')
        .unwrap();
    let cell = &buffer[(u16::try_from(x).unwrap(), u16::try_from(row).unwrap())];
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    assert!(
        text.contains("UNSUPPORTED"),
        "said in words, not only colour"
    );
}

#[test]
fn the_public_view_hides_costs_politics_and_confidential_risks() {
    let mut app = sample_app();
    let id = InitiativeId("i-crm00001".into());
    app.roadmap.initiative_mut(&id).unwrap().risks[0].confidential = true;
    app.refresh();
    app.select_initiative(&id);
    press(&mut app, "Enter");
    let private = screen_text(&draw(&mut app, 160, 48));
    assert!(private.contains("€600,000") && private.contains("Sales leadership wants"));
    assert!(private.contains("Sales resists"));
    press(&mut app, "Esc P Enter");
    let public = screen_text(&draw(&mut app, 160, 48));
    assert!(!public.contains("€600,000"), "{public}");
    assert!(!public.contains("Sales leadership wants"));
    assert!(!public.contains("Sales resists") && public.contains("a confidential risk"));
    press(&mut app, "Esc 2 BackTab");
    let balance = screen_text(&draw(&mut app, 100, 30));
    assert!(balance.contains("Cost (hidden: public)"), "{balance}");
}

#[test]
fn hostile_kpi_and_risk_text_is_shown_inert() {
    let mut app = sample_app();
    app.roadmap.goals[0].kpis[0].name = "DSO\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}".into();
    let risky = app
        .roadmap
        .initiatives
        .iter()
        .position(|i| !i.risks.is_empty())
        .unwrap();
    app.roadmap.initiatives[risky].risks[0].title = "\u{202e}evil\u{9b}31m".into();
    app.refresh();
    press(&mut app, "2 Tab");
    let text = screen_text(&draw(&mut app, 120, 40));
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'));
    press(&mut app, "1 Tab Enter");
    let text = screen_text(&draw(&mut app, 120, 40));
    assert!(!text.contains('\u{1b}') && !text.contains('\u{9b}') && !text.contains('\u{202e}'));
}
