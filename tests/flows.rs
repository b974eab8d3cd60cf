//! Flow tests: drive the app with key events as a user would and check the resulting state.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::app::{Item, Mode, Pane, Pending};
use alignmap::domain::business::GoalLink;
use alignmap::domain::{Horizon, Roadmap, Status, Target};
use common::{TODAY, app_with, column_titles, date, press, sample_app, type_text};

#[test]
fn add_an_initiative_in_the_focused_column() {
    let mut app = sample_app();
    press(&mut app, "l l a");
    assert!(matches!(app.mode, Mode::Form(_)));
    type_text(&mut app, "Migrate payroll to SaaS");
    press(&mut app, "Enter");
    assert!(matches!(app.mode, Mode::Browse));
    let added = app
        .roadmap
        .initiatives
        .iter()
        .find(|i| i.title == "Migrate payroll to SaaS")
        .unwrap();
    assert_eq!(
        added.target.due(),
        Some(date("2026-12-31")),
        "end of next month"
    );
    assert_eq!(added.status, Status::Proposed);
    assert!(added.target_log.is_empty(), "a new item has no moves");
    assert_eq!(
        app.selected_initiative().unwrap().title,
        "Migrate payroll to SaaS"
    );
    assert_eq!(app.view.column, Horizon::NextMonth);
    assert_eq!(app.session.unsaved, 1);
}

#[test]
fn add_a_goal_and_link_an_initiative_to_it() {
    let mut app = app_with(Roadmap::new("Empty"), TODAY);
    press(&mut app, "A");
    type_text(&mut app, "Cut customer churn");
    press(&mut app, "Tab");
    type_text(&mut app, "chrn");
    press(&mut app, "Enter");
    assert_eq!(app.roadmap.goals[0].code, "CHRN", "codes are upper-cased");
    press(&mut app, "a");
    type_text(&mut app, "Churn dashboard");
    // Title, Summary, IT owner, Sponsor, Target, Status, Kind, Goals.
    press(&mut app, "Tab Tab Tab Tab Tab Tab Tab Space Enter");
    let initiative = &app.roadmap.initiatives[0];
    assert_eq!(
        initiative.serves,
        vec![GoalLink::strong(app.roadmap.goals[0].id.clone())],
        "Space links at full strength"
    );
    assert_eq!(app.roadmap.serving(&app.roadmap.goals[0].id).count(), 1);
}

#[test]
fn adding_from_the_goals_pane_links_the_selected_goal() {
    let mut app = sample_app();
    press(&mut app, "Tab j a");
    type_text(&mut app, "Pen test");
    press(&mut app, "Enter");
    let added = app
        .roadmap
        .initiatives
        .iter()
        .find(|i| i.title == "Pen test")
        .unwrap();
    assert_eq!(
        added.serves,
        vec![GoalLink::strong(app.roadmap.goals[1].id.clone())]
    );
}

#[test]
fn empty_goal_code_gets_initials_and_clashing_codes_are_refused() {
    let mut app = sample_app();
    press(&mut app, "A");
    type_text(&mut app, "Open two new warehouses");
    press(&mut app, "Enter");
    assert_eq!(app.roadmap.goals.last().unwrap().code, "OTNW");
    press(&mut app, "A");
    type_text(&mut app, "Another");
    press(&mut app, "Tab");
    type_text(&mut app, "o2c");
    press(&mut app, "Enter");
    let Mode::Form(form) = &app.mode else {
        panic!("form must stay open")
    };
    assert!(
        form.error.as_deref().unwrap().contains("already used"),
        "{:?}",
        form.error
    );
}

#[test]
fn edit_the_title_of_the_selected_card() {
    let mut app = sample_app();
    let id = app.selected_initiative().unwrap().id.clone();
    press(&mut app, "e C-u");
    type_text(&mut app, "Patch VPN gateways — done by Friday ✓");
    press(&mut app, "Enter");
    assert_eq!(
        app.roadmap.initiative(&id).unwrap().title,
        "Patch VPN gateways — done by Friday ✓"
    );
    assert!(app.message.as_ref().unwrap().1.starts_with("Edited"));
}

#[test]
fn printable_keys_in_a_form_are_text_not_commands() {
    let mut app = sample_app();
    press(&mut app, "a");
    type_text(&mut app, "q?dHLux");
    assert!(!app.quit, "q in a field types q");
    press(&mut app, "Enter");
    assert!(app.roadmap.initiatives.iter().any(|i| i.title == "q?dHLux"));
    press(&mut app, "q");
    assert!(app.quit, "q on the board quits");
}

#[test]
fn a_bad_date_keeps_the_form_open_and_points_at_the_field() {
    let mut app = sample_app();
    press(&mut app, "a");
    type_text(&mut app, "Something");
    press(&mut app, "Tab Tab Tab Tab C-u");
    type_text(&mut app, "someday");
    press(&mut app, "Enter");
    let Mode::Form(form) = &app.mode else {
        panic!("form must stay open")
    };
    assert!(
        form.error
            .as_deref()
            .unwrap()
            .contains("'someday' is not a date")
    );
    assert_eq!(form.fields[form.focus].label, "Target");
    press(&mut app, "C-u");
    type_text(&mut app, "+2w");
    press(&mut app, "Enter");
    let added = app
        .roadmap
        .initiatives
        .iter()
        .find(|i| i.title == "Something")
        .unwrap();
    assert_eq!(added.target.due(), Some(date("2026-12-06")));
}

#[test]
fn esc_asks_before_discarding_typed_text() {
    let mut app = sample_app();
    press(&mut app, "a Esc");
    assert!(
        matches!(app.mode, Mode::Browse),
        "an untouched form closes at once"
    );
    press(&mut app, "a");
    type_text(&mut app, "Half a thought");
    press(&mut app, "Esc");
    let Mode::Form(form) = &app.mode else {
        panic!("must ask first")
    };
    assert!(form.confirm_discard);
    press(&mut app, "n");
    let Mode::Form(form) = &app.mode else {
        panic!("n keeps editing")
    };
    assert!(!form.confirm_discard);
    press(&mut app, "Esc y");
    assert!(matches!(app.mode, Mode::Browse));
    assert!(
        !app.roadmap
            .initiatives
            .iter()
            .any(|i| i.title == "Half a thought")
    );
    assert_eq!(app.session.unsaved, 0);
}

#[test]
fn move_a_card_later_and_earlier_logs_each_target_change() {
    let mut app = sample_app();
    press(&mut app, "l");
    let id = app.selected_initiative().unwrap().id.clone();
    let first = app.roadmap.initiative(&id).unwrap().target;
    press(&mut app, "L");
    let moved = app.roadmap.initiative(&id).unwrap();
    assert_eq!(moved.target.due(), Some(date("2026-12-31")));
    assert_eq!(moved.horizon(date(TODAY)), Horizon::NextMonth);
    assert_eq!(
        app.view.column,
        Horizon::NextMonth,
        "focus follows the card"
    );
    assert_eq!(app.selected_initiative().unwrap().id, id);
    press(&mut app, "S-Right");
    assert_eq!(
        app.roadmap.initiative(&id).unwrap().target.due(),
        Some(date("2027-01-31")),
        "into Next year: the end of the month after next, not a year out"
    );
    press(&mut app, "S-Right");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .1
            .contains("already in Next year")
    );
    press(&mut app, "H H H");
    let back = app.roadmap.initiative(&id).unwrap();
    assert_eq!(
        back.target.due(),
        Some(date("2026-11-22")),
        "Now ends this Sunday"
    );
    assert_eq!(back.first_target(), first);
    assert_eq!(
        back.target_log.len(),
        1,
        "moves on one day merge into the net change"
    );
    assert_eq!(
        back.slip_count(),
        0,
        "ending earlier than promised is a pull-in"
    );
}

#[test]
fn delete_asks_first_and_undo_brings_it_back() {
    let mut app = sample_app();
    let id = app.selected_initiative().unwrap().id.clone();
    press(&mut app, "d");
    assert!(matches!(app.mode, Mode::Confirm(_)));
    press(&mut app, "n");
    assert!(app.roadmap.initiative(&id).is_some());
    press(&mut app, "d y");
    assert!(app.roadmap.initiative(&id).is_none());
    press(&mut app, "u");
    assert!(app.roadmap.initiative(&id).is_some());
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .1
            .starts_with("Undone: Deleted")
    );
    press(&mut app, "C-r");
    assert!(app.roadmap.initiative(&id).is_none(), "redo deletes again");
}

#[test]
fn deleting_a_goal_lists_its_initiatives_and_removes_the_links() {
    let mut app = sample_app();
    press(&mut app, "Tab");
    assert_eq!(app.view.pane, Pane::Goals);
    let goal = app.selected_goal().unwrap().id.clone();
    press(&mut app, "d");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("must confirm")
    };
    assert_eq!(confirm.action, Pending::Delete(Item::Goal(goal.clone())));
    assert!(confirm.details[0].starts_with("4 initiatives will lose their link to O2C"));
    assert!(
        confirm
            .details
            .iter()
            .any(|d| d.contains("Automate invoice matching in the ERP"))
    );
    press(&mut app, "y");
    assert!(app.roadmap.goal(&goal).is_none());
    assert!(
        app.roadmap
            .initiatives
            .iter()
            .all(|i| !i.serves_goal(&goal))
    );
}

#[test]
fn reorder_works_among_cards_due_the_same_day() {
    let mut app = sample_app();
    press(&mut app, "l");
    assert_eq!(
        column_titles(&app, 1),
        [
            "Churn by segment: data request for Customer Success",
            "Dunning emails straight from the CRM",
            "ERP backup restore drill",
            "Single sign-on for the partner portal",
        ]
    );
    press(&mut app, "j J");
    assert_eq!(
        column_titles(&app, 1)[2],
        "Dunning emails straight from the CRM"
    );
    assert_eq!(
        app.selected_initiative().unwrap().title,
        "Dunning emails straight from the CRM"
    );
    press(&mut app, "K K");
    assert_eq!(
        column_titles(&app, 1)[1],
        "Dunning emails straight from the CRM"
    );
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .1
            .contains("ordered by target date"),
        "different day"
    );
}

#[test]
fn mark_done_takes_the_card_off_the_board() {
    let mut app = sample_app();
    let id = app.selected_initiative().unwrap().id.clone();
    let before = app.derived.columns[0].len();
    press(&mut app, "x");
    let done = app.roadmap.initiative(&id).unwrap();
    assert_eq!(
        (done.status, done.done_on),
        (Status::Done, Some(date(TODAY)))
    );
    assert_eq!(app.derived.columns[0].len(), before - 1);
}

#[test]
fn the_sample_loads_only_into_an_empty_roadmap() {
    let mut app = app_with(Roadmap::new("Mine"), TODAY);
    press(&mut app, "o");
    assert_eq!(app.roadmap.initiatives.len(), 18);
    press(&mut app, "o");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .1
            .contains("only into an empty roadmap")
    );
    press(&mut app, "u");
    assert!(app.roadmap.is_empty());
}

#[test]
fn columns_follow_the_calendar_as_days_pass() {
    let roadmap = sample_app().roadmap;
    let target = |app: &alignmap::app::App, title: &str| {
        (0..4).find(|c| column_titles(app, *c).iter().any(|t| t == title))
    };
    let title = "E-invoicing (Peppol) for EU customers"; // due 31 Dec 2026
    assert_eq!(target(&app_with(roadmap.clone(), TODAY), title), Some(2));
    assert_eq!(
        target(&app_with(roadmap.clone(), "2026-12-21"), title),
        Some(1)
    );
    assert_eq!(
        target(&app_with(roadmap.clone(), "2026-12-28"), title),
        Some(0)
    );
    let late = app_with(roadmap, "2027-01-04");
    assert_eq!(target(&late, title), Some(0), "overdue stays in Now");
    assert!(
        late.roadmap
            .initiatives
            .iter()
            .any(|i| i.title == title && i.is_overdue(late.today))
    );
}

#[test]
fn navigation_stays_in_bounds() {
    let mut app = sample_app();
    press(&mut app, "h h k k G j j");
    assert_eq!(app.view.column, Horizon::Now);
    assert_eq!(app.view.cursor[0], 2);
    press(&mut app, "l l l l l");
    assert_eq!(app.view.column, Horizon::NextYear);
    press(&mut app, "g");
    assert_eq!(app.view.cursor[3], 0);
}

#[test]
fn help_and_detail_open_and_close() {
    let mut app = sample_app();
    press(&mut app, "?");
    assert!(matches!(app.mode, Mode::Help { .. }));
    press(&mut app, "Esc Enter");
    assert!(matches!(app.mode, Mode::Detail { .. }));
    press(&mut app, "e");
    assert!(matches!(app.mode, Mode::Form(_)), "e in the detail edits");
}

#[test]
fn help_scrolling_stops_at_the_end_so_up_responds_at_once() {
    let mut app = sample_app();
    app.view.viewport = (80, 24);
    press(&mut app, "?");
    for _ in 0..400 {
        press(&mut app, "j");
    }
    let Mode::Help { scroll: bottom } = app.mode else {
        panic!("help must be open")
    };
    assert!(
        bottom > 0 && bottom < 390,
        "scrolled to the end, not 400 lines: {bottom}"
    );
    press(&mut app, "k");
    let Mode::Help { scroll } = app.mode else {
        panic!("help must be open")
    };
    assert_eq!(scroll, bottom - 1);
}

#[test]
fn the_status_picker_sets_status_by_arrows_or_first_letter() {
    let mut app = sample_app();
    let id = app.selected_initiative().unwrap().id.clone();
    press(&mut app, "s");
    let Mode::Status { selected, .. } = app.mode else {
        panic!("picker must open")
    };
    assert_eq!(
        alignmap::domain::Status::ALL[selected],
        Status::InProgress,
        "starts at the current status"
    );
    press(&mut app, "b Enter");
    assert_eq!(app.roadmap.initiative(&id).unwrap().status, Status::Blocked);
    press(&mut app, "s p p Enter");
    assert_eq!(
        app.roadmap.initiative(&id).unwrap().status,
        Status::Planned,
        "p twice: Proposed, Planned"
    );
    press(&mut app, "s k Esc");
    assert_eq!(
        app.roadmap.initiative(&id).unwrap().status,
        Status::Planned,
        "Esc changes nothing"
    );
    press(&mut app, "s d Enter");
    assert_eq!(app.roadmap.initiative(&id).unwrap().status, Status::Done);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .1
            .contains("it leaves the board")
    );
}

#[test]
fn undo_keeps_the_selection_on_the_card_that_moved() {
    let mut app = sample_app();
    press(&mut app, "l");
    let id = app.selected_initiative().unwrap().id.clone();
    press(&mut app, "L u");
    assert_eq!(app.selected_initiative().unwrap().id, id);
    assert_eq!(app.view.column, Horizon::NextWeek);
    assert!(app.message.as_ref().unwrap().1.contains("Ctrl-r redoes it"));
}

#[test]
fn quitting_the_demo_after_changes_asks_first() {
    use alignmap::app::{App, Clock};
    let roadmap = sample_app().roadmap;
    let clock = Clock::fixed(date(TODAY), common::now());
    let mut app = App::builder(roadmap, clock)
        .ids(alignmap::domain::IdGen::with_seed(1))
        .build();
    press(&mut app, "q");
    assert!(app.quit, "nothing changed: quits at once");
    app.quit = false;
    press(&mut app, "x q");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("must ask")
    };
    assert_eq!(confirm.action, Pending::QuitDemo);
    press(&mut app, "n");
    assert!(!app.quit);
    press(&mut app, "q y");
    assert!(app.quit);
}

#[test]
fn unbound_keys_are_named_with_their_modifiers() {
    let mut app = sample_app();
    press(&mut app, "C-x");
    assert_eq!(
        app.message.as_ref().unwrap().1,
        "Ctrl-x does nothing here; press ? for the keys."
    );
    assert_eq!(app.session.revision, 0, "nothing changed");
}

#[test]
fn discarding_a_filled_form_says_so() {
    let mut app = sample_app();
    press(&mut app, "a");
    type_text(&mut app, "Discard me");
    press(&mut app, "Esc y");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .1
            .starts_with("Discarded the form")
    );
}

#[test]
fn pasted_text_lands_in_the_field_on_one_line() {
    let mut app = sample_app();
    press(&mut app, "a");
    app.handle_event(&crossterm::event::Event::Paste(
        "Line one\r\nline two\u{1b}[31m".into(),
    ));
    press(&mut app, "Enter");
    assert!(
        app.roadmap
            .initiatives
            .iter()
            .any(|i| i.title == "Line one line two\u{1b}[31m"),
        "exact text kept"
    );
}

#[test]
fn saving_an_untouched_form_changes_nothing_and_keeps_odd_values() {
    let mut app = sample_app();
    let id = app.selected_initiative().unwrap().id.clone();
    let card = app.roadmap.initiative_mut(&id).unwrap();
    card.tags = vec!["data platform".into(), "  spaced ".into()];
    card.serves.reverse();
    let before = app.roadmap.clone();
    press(&mut app, "e Enter");
    assert_eq!(app.roadmap, before, "no field edited, nothing rewritten");
    assert_eq!(app.session.unsaved, 0);
    press(&mut app, "e");
    type_text(&mut app, "!");
    press(&mut app, "Enter");
    let after = app.roadmap.initiative(&id).unwrap();
    assert!(after.title.ends_with('!'));
    assert_eq!(
        after.tags,
        ["data platform", "  spaced "],
        "tags not retyped are kept as they were"
    );
}

#[test]
fn clearing_a_goal_code_while_editing_suggests_its_own_initials_again() {
    let mut app = sample_app();
    press(&mut app, "Tab A");
    type_text(&mut app, "Grow partner revenue");
    press(&mut app, "Enter");
    assert_eq!(app.roadmap.goals.last().unwrap().code, "GPR");
    press(&mut app, "G e Tab C-u Enter");
    assert_eq!(
        app.roadmap.goals.last().unwrap().code,
        "GPR",
        "its own code does not count as taken"
    );
}

#[test]
fn typing_a_letter_in_a_choice_field_picks_the_option_it_starts() {
    let mut app = sample_app();
    let id = app.selected_initiative().unwrap().id.clone();
    // Title, Summary, IT owner, Sponsor, Target, Status.
    press(&mut app, "e Tab Tab Tab Tab Tab d Tab g Enter");
    let card = app.roadmap.initiative(&id).unwrap();
    assert_eq!(card.status, Status::Done);
    assert_eq!(card.kind, alignmap::domain::Kind::Grow);
}

#[test]
fn when_the_date_changes_the_selection_stays_on_the_same_card() {
    use alignmap::app::Clock;
    let mut app = sample_app();
    press(&mut app, "l l");
    let id = app.selected_initiative().unwrap().id.clone();
    app.clock = Clock::fixed(date("2026-12-21"), common::now());
    app.tick();
    assert_eq!(
        app.selected_initiative().unwrap().id,
        id,
        "followed its card into another column"
    );
    assert_eq!(
        app.view.column,
        Horizon::Now,
        "Load-test (13 Dec) is overdue on 21 Dec"
    );
}

#[test]
fn deleting_a_goal_with_many_links_lists_a_few_and_counts_the_rest() {
    let mut app = sample_app();
    let goal = app.roadmap.goals[0].id.clone();
    for i in &mut app.roadmap.initiatives {
        if !i.serves_goal(&goal) {
            i.set_link(&goal, Some(alignmap::domain::business::Strength::Weak));
        }
    }
    app.refresh();
    press(&mut app, "Tab d");
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("must confirm")
    };
    assert!(confirm.details[0].starts_with("18 initiatives will lose their link"));
    assert_eq!(
        confirm
            .details
            .iter()
            .filter(|d| d.starts_with("  • "))
            .count(),
        8
    );
    assert!(confirm.details.iter().any(|d| d == "  …and 10 more"));
}

#[test]
fn quick_capture_adds_a_linked_initiative_in_one_line() {
    let mut app = sample_app();
    press(&mut app, "c");
    type_text(
        &mut app,
        "Migrate payroll to SaaS #cost-reduction @maria +hr !next-month",
    );
    press(&mut app, "Enter");
    assert!(matches!(app.mode, Mode::Browse));
    let added = app.selected_initiative().unwrap();
    assert_eq!(added.title, "Migrate payroll to SaaS");
    assert_eq!(
        added.goal_ids().collect::<Vec<_>>(),
        [&alignmap::domain::GoalId("g-cost0001".into())]
    );
    assert_eq!(added.it_owner, "maria");
    assert_eq!(added.tags, ["hr"]);
    assert_eq!(added.target.due(), Some(date("2026-12-31")));
    assert_eq!(
        app.view.column,
        Horizon::NextMonth,
        "the selection follows the new card"
    );
    press(&mut app, "u");
    assert!(
        !app.roadmap
            .initiatives
            .iter()
            .any(|i| i.title == "Migrate payroll to SaaS")
    );
}

#[test]
fn quick_capture_without_a_horizon_adds_to_the_focused_column() {
    let mut app = sample_app();
    press(&mut app, "l c");
    type_text(&mut app, "C# upgrade of the build server");
    press(&mut app, "Enter");
    let added = app.selected_initiative().unwrap();
    assert_eq!(added.title, "C# upgrade of the build server");
    assert!(added.serves.is_empty());
    assert_eq!(
        added.target.due(),
        Some(date("2026-11-29")),
        "end of next week"
    );
}

#[test]
fn an_ambiguous_goal_opens_a_picker_and_an_unknown_one_explains() {
    let mut app = sample_app();
    press(&mut app, "c");
    type_text(&mut app, "Pen test #marketing");
    press(&mut app, "Enter");
    let Mode::Capture(capture) = &app.mode else {
        panic!("the line stays open")
    };
    assert!(
        capture
            .error
            .as_deref()
            .unwrap()
            .starts_with("no goal matches #marketing")
    );
    press(&mut app, "C-u");
    type_text(&mut app, "Pen test #c");
    press(&mut app, "Enter");
    let Mode::Capture(capture) = &app.mode else {
        panic!("picker")
    };
    let pick = capture.pick.as_ref().unwrap();
    let alignmap::app::capture::Candidates::Goals(goals) = &pick.candidates else {
        panic!("a goal picker")
    };
    let codes: Vec<&str> = goals
        .iter()
        .map(|g| app.roadmap.goal(g).unwrap().code.as_str())
        .collect();
    assert_eq!(
        codes,
        ["CX", "COST"],
        "codes starting with c, before words of titles"
    );
    press(&mut app, "Down Enter");
    let added = app.selected_initiative().unwrap();
    assert_eq!(added.title, "Pen test");
    assert_eq!(
        added.goal_ids().collect::<Vec<_>>(),
        [&alignmap::domain::GoalId("g-cost0001".into())]
    );
}

#[test]
fn quick_capture_is_refused_when_read_only_and_esc_cancels() {
    let mut app = sample_app();
    press(&mut app, "c");
    type_text(&mut app, "Never mind");
    press(&mut app, "Esc");
    assert!(
        matches!(app.mode, Mode::Capture(_)),
        "a typed line: Esc asks first"
    );
    press(&mut app, "y");
    assert!(matches!(app.mode, Mode::Browse));
    assert!(
        !app.roadmap
            .initiatives
            .iter()
            .any(|i| i.title == "Never mind")
    );
    app.session.read_only = Some("elsewhere".into());
    press(&mut app, "c");
    assert!(matches!(app.mode, Mode::Browse));
}

#[test]
fn search_jumps_as_you_type_and_n_steps_through_matches() {
    let mut app = sample_app();
    press(&mut app, "/");
    type_text(&mut app, "erp");
    assert_eq!(
        app.selected_initiative().unwrap().title,
        "Automate invoice matching in the ERP"
    );
    press(&mut app, "Enter");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .1
            .starts_with("2 card(s) match \"erp\""),
        "tags are not words"
    );
    press(&mut app, "n");
    assert_eq!(
        app.selected_initiative().unwrap().title,
        "ERP backup restore drill"
    );
    press(&mut app, "n");
    assert_eq!(
        app.selected_initiative().unwrap().title,
        "Automate invoice matching in the ERP",
        "wraps"
    );
    press(&mut app, "N");
    assert_eq!(
        app.selected_initiative().unwrap().title,
        "ERP backup restore drill"
    );
    assert!(app.message.as_ref().unwrap().1.starts_with("Match 2/2"));
}

#[test]
fn filters_hide_other_cards_combine_and_clear_with_one_key() {
    let mut app = sample_app();
    let all: usize = app.derived.columns.iter().map(Vec::len).sum();
    press(&mut app, "f");
    type_text(&mut app, "#iso kind:run");
    press(&mut app, "Enter");
    let shown: Vec<String> = (0..4).flat_map(|c| column_titles(&app, c)).collect();
    assert_eq!(shown.len(), 4, "{shown:?}");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .1
            .starts_with("Showing 4 card(s) for #iso kind:run")
    );
    press(&mut app, "F");
    assert_eq!(app.derived.columns.iter().map(Vec::len).sum::<usize>(), all);
    press(&mut app, "f");
    type_text(&mut app, "#nosuchgoal");
    let Mode::Prompt(prompt) = &app.mode else {
        panic!("prompt stays open")
    };
    assert_eq!(prompt.error.as_deref(), Some("no goal matches #nosuchgoal"));
    press(&mut app, "Esc");
    assert_eq!(
        app.derived.columns.iter().map(Vec::len).sum::<usize>(),
        all,
        "Esc restores what was there"
    );
}

#[test]
fn t_cycles_themes_and_asks_to_remember_unless_no_color_is_set() {
    use alignmap::app::Effect;
    use alignmap::domain::prefs::ThemeName;
    let mut app = sample_app();
    press(&mut app, "t");
    assert_eq!(app.settings.theme, ThemeName::Light);
    assert_eq!(app.effects, [Effect::SaveConfig]);
    press(&mut app, "t t t t");
    assert_eq!(app.settings.theme, ThemeName::Dark, "full circle");
    app.effects.clear();
    app.settings.no_color = true;
    app.settings.theme = ThemeName::Mono;
    press(&mut app, "t");
    assert_eq!(app.settings.theme, ThemeName::Mono);
    assert!(app.effects.is_empty());
}

#[test]
fn presentation_steps_goal_by_goal_in_the_public_view_and_restores_it_on_leaving() {
    let mut app = sample_app();
    press(&mut app, "p");
    assert!(app.view.public, "presentation forces the public view");
    assert_eq!(
        app.presentation_pages().len(),
        8,
        "six goals, the work serving none, and the closing page"
    );
    let Mode::Present { page, .. } = app.mode else {
        panic!("presenting")
    };
    assert_eq!(page, 0);
    press(&mut app, "l Space Right");
    let Mode::Present { page, .. } = app.mode else {
        panic!("presenting")
    };
    assert_eq!(page, 3);
    press(&mut app, "End l");
    let Mode::Present { page, .. } = app.mode else {
        panic!("presenting")
    };
    assert_eq!(page, 7, "stops at the last page");
    assert_eq!(
        app.presentation_pages()[7],
        alignmap::app::present::Page::Closing
    );
    let unlinked = app.presentation_pages()[6];
    let titles: Vec<&str> = app
        .page_initiatives(unlinked)
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    assert_eq!(titles, ["Laptop refresh (450 devices)"]);
    press(&mut app, "h Home");
    let Mode::Present { page, .. } = app.mode else {
        panic!("presenting")
    };
    assert_eq!(page, 0);
    press(&mut app, "Esc");
    assert!(matches!(app.mode, Mode::Browse));
    assert!(!app.view.public, "the public view is as it was before");
}

#[test]
fn decisions_and_actions_are_captured_in_one_line_listed_and_ticked_off() {
    let mut app = sample_app();
    press(&mut app, "c");
    type_text(&mut app, "decision: Go with the SaaS payroll vendor #cost");
    press(&mut app, "Enter");
    let decision = &app.roadmap.decisions[0];
    assert_eq!(decision.text, "Go with the SaaS payroll vendor");
    assert_eq!(
        decision.link,
        Some(alignmap::domain::decisions::Link::Goal(
            alignmap::domain::GoalId("g-cost0001".into())
        ))
    );
    assert_eq!(decision.session, date(TODAY));
    let card = app.selected_initiative().unwrap().id.clone();
    press(&mut app, "c");
    type_text(
        &mut app,
        "Action: Ask procurement for three quotes @raj !fri",
    );
    press(&mut app, "Enter");
    let action = &app.roadmap.actions[0];
    assert_eq!(
        (action.owner.as_str(), action.due),
        ("Raj Patel", Some(date("2026-11-27"))),
        "@raj is the one Raj the roadmap names"
    );
    assert_eq!(
        action.link, None,
        "about no card unless one is named: the highlighted {card:?} is not guessed"
    );
    press(&mut app, "4");
    assert!(matches!(app.mode, Mode::Decisions { .. }));
    press(&mut app, "j x");
    assert_eq!(app.roadmap.actions[0].done_on, Some(date(TODAY)));
    press(&mut app, "Esc u");
    assert_eq!(
        app.roadmap.actions[0].done_on, None,
        "ticking off is undoable"
    );
    press(&mut app, "u u");
    assert!(app.roadmap.actions.is_empty() && app.roadmap.decisions.is_empty());
}

#[test]
fn capture_lines_starting_with_wide_characters_never_panic() {
    for line in [
        "décision: prendre SaaS",
        "日本語 action",
        "DECISION: Keep the vendor",
        "\u{3000}#co",
        "é",
    ] {
        let mut app = sample_app();
        press(&mut app, "c");
        type_text(&mut app, line);
        press(&mut app, "Tab Enter Esc");
    }
    let mut app = sample_app();
    press(&mut app, "c");
    type_text(&mut app, "DECISION: Keep the vendor");
    press(&mut app, "Enter");
    assert_eq!(
        app.roadmap.decisions[0].text, "Keep the vendor",
        "the prefix is case-insensitive"
    );
}

#[test]
fn status_messages_name_the_undo_key_once() {
    let mut app = sample_app();
    press(&mut app, "x");
    let message = &app.message.as_ref().unwrap().1;
    assert_eq!(message.matches("to undo").count(), 1, "{message}");
}

#[test]
fn moving_a_card_after_work_that_needs_it_warns() {
    let app = sample_app();
    let x = app.selected_initiative().unwrap().id.clone();
    let mut r = app.roadmap.clone();
    let y = r
        .initiatives
        .iter()
        .find(|i| i.id != x && i.status.is_active())
        .unwrap()
        .id
        .clone();
    let yi = r.initiative_mut(&y).unwrap();
    yi.needs = vec![x.clone()];
    yi.target = Target::day(date("2026-11-22"));
    let mut app = common::app_with(r, TODAY);
    app.select_initiative(&x);
    press(&mut app, "L");
    let said = &app.message.as_ref().unwrap().1;
    assert!(said.contains("⚠ needed first by"), "{said}");
}
