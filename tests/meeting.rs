//! A planning meeting driven by key events: capture work for people with two-word names,
//! record an action, find a person's cards, rename a person everywhere, undo it.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::app::{App, Mode};
use alignmap::domain::Initiative;
use common::{press, sample_app, type_text};

fn capture(app: &mut App, line: &str) {
    press(app, "c");
    type_text(app, line);
    press(app, "Enter");
    assert!(
        matches!(app.mode, Mode::Browse),
        "the line was taken: {line}"
    );
}

fn find<'a>(app: &'a App, title: &str) -> &'a Initiative {
    app.roadmap
        .initiatives
        .iter()
        .find(|i| i.title == title)
        .unwrap_or_else(|| panic!("no card titled {title:?}"))
}

/// Opens the people view and moves the highlight to `name`, as a user would.
fn select_person(app: &mut App, name: &str) {
    press(app, "7");
    let at = app
        .listed_people()
        .iter()
        .position(|l| l.person.name == name)
        .unwrap_or_else(|| panic!("{name} is not listed"));
    for _ in 0..at {
        press(app, "Down");
    }
}

fn names_person(i: &Initiative, name: &str) -> bool {
    [&i.it_owner, &i.sponsor, &i.champion]
        .iter()
        .any(|f| f.to_lowercase().contains(&name.to_lowercase()))
}

#[test]
fn a_meeting_captures_work_for_people_finds_their_cards_and_renames_them() {
    let mut app = sample_app();
    // Five initiatives, each owner written a different way.
    capture(&mut app, "Cloud cost dashboard @Lena Fischer #cost +finops");
    capture(&mut app, "Chatbot for order status @\"Ana Sousa\" #cx");
    capture(&mut app, "Supplier portal @raj !Q2 2027");
    capture(&mut app, "Data retention policy @priya_nair #iso");
    capture(&mut app, "Printer fleet refresh @\"Joana Reis\"");
    let owners: Vec<(&str, &str)> = [
        "Cloud cost dashboard",
        "Chatbot for order status",
        "Supplier portal",
        "Data retention policy",
        "Printer fleet refresh",
    ]
    .iter()
    .map(|t| (*t, find(&app, t).it_owner.as_str()))
    .collect();
    assert_eq!(
        owners,
        [
            ("Cloud cost dashboard", "Lena Fischer"),
            ("Chatbot for order status", "Ana Sousa"),
            ("Supplier portal", "Raj Patel"),
            ("Data retention policy", "Priya Nair"),
            ("Printer fleet refresh", "Joana Reis"),
        ],
        "no name is cut in two, no word of a name lands in a title"
    );
    let cost = app.roadmap.goals.iter().find(|g| g.code == "COST").unwrap();
    assert!(find(&app, "Cloud cost dashboard").serves_goal(&cost.id));

    // Tab completes a person, quoted, and the action takes the whole name.
    press(&mut app, "c");
    type_text(&mut app, "action: Ask procurement for quotes @fisch");
    press(&mut app, "Tab");
    let Mode::Capture(line) = &app.mode else {
        panic!("the capture line stays open")
    };
    assert_eq!(
        line.input.value(),
        "action: Ask procurement for quotes @\"Lena Fischer\" "
    );
    type_text(&mut app, "!fri");
    press(&mut app, "Enter");
    let action = app.roadmap.actions.last().unwrap();
    assert_eq!(
        (action.text.as_str(), action.owner.as_str()),
        ("Ask procurement for quotes", "Lena Fischer")
    );

    // A filter by a two-word name shows exactly that person's cards.
    press(&mut app, "f");
    type_text(&mut app, "@Lena Fischer");
    press(&mut app, "Enter");
    let mut shown: Vec<&str> = app
        .derived
        .columns
        .iter()
        .flatten()
        .map(|&n| app.roadmap.initiatives.get(n).unwrap().title.as_str())
        .collect();
    let mut expected: Vec<&str> = app
        .roadmap
        .initiatives
        .iter()
        .filter(|i| i.status.is_active() && names_person(i, "Lena Fischer"))
        .map(|i| i.title.as_str())
        .collect();
    shown.sort_unstable();
    expected.sort_unstable();
    assert!(shown.contains(&"Cloud cost dashboard"));
    assert_eq!(shown, expected);
    press(&mut app, "F");

    // The people view lists the new person; renaming them is one undoable step.
    select_person(&mut app, "Joana Reis");
    press(&mut app, "r C-u");
    type_text(&mut app, "Joana  Reis Silva");
    press(&mut app, "Enter");
    assert_eq!(
        find(&app, "Printer fleet refresh").it_owner,
        "Joana Reis Silva"
    );
    assert!(
        app.listed_people()
            .iter()
            .all(|l| l.person.name != "Joana Reis"),
        "nobody is left with the old name"
    );
    press(&mut app, "Esc u");
    assert_eq!(find(&app, "Printer fleet refresh").it_owner, "Joana Reis");

    // Enter on a person shows their cards on the board.
    select_person(&mut app, "Ana Sousa");
    press(&mut app, "Enter");
    assert!(matches!(app.mode, Mode::Browse));
    let shown: Vec<&Initiative> = app
        .derived
        .columns
        .iter()
        .flatten()
        .map(|&n| app.roadmap.initiatives.get(n).unwrap())
        .collect();
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|i| names_person(i, "Ana Sousa")));
    assert!(shown.iter().any(|i| i.title == "Chatbot for order status"));

    // Minutes in one key from the recap: the session's work, owners and the action.
    press(&mut app, "F R m");
    assert_eq!(app.effects, [alignmap::app::Effect::Minutes]);
    let m = alignmap::export::minutes::minutes(&app.session.session_start, &app.roadmap, app.today);
    let added = m
        .changes
        .iter()
        .find(|(title, _)| title == "Added (5)")
        .map(|(_, items)| items.clone())
        .unwrap();
    assert_eq!(
        added,
        [
            "Cloud cost dashboard — Lena Fischer, COST, due 22 Nov 2026",
            "Chatbot for order status — Ana Sousa, CX, due 22 Nov 2026",
            "Supplier portal — Raj Patel, no goal, due Q2 2027",
            // The highlight followed the supplier portal into Next year, so these land there.
            "Data retention policy — Priya Nair, ISO, due 22 Nov 2027",
            "Printer fleet refresh — Joana Reis, no goal, due 22 Nov 2027",
        ],
        "who owns each, what it serves, when it is due"
    );
    assert_eq!(m.actions.len(), 1);
    assert_eq!(
        (m.actions[0].text.as_str(), m.actions[0].owner.as_str()),
        ("Ask procurement for quotes", "Lena Fischer")
    );
    let md = alignmap::export::minutes::to_markdown(&m);
    assert!(
        md.contains("| Ask procurement for quotes | Lena Fischer |"),
        "{md}"
    );
}

#[test]
fn loading_the_sample_is_where_the_recap_starts_not_one_of_its_changes() {
    let mut app = common::app_with(alignmap::domain::Roadmap::new("New"), common::TODAY);
    press(&mut app, "o");
    assert!(app.roadmap.initiatives.len() > 10);
    let recap = |app: &App| {
        alignmap::domain::diff::changes(&app.session.session_start, &app.roadmap).sections()
    };
    assert!(recap(&app).is_empty(), "the sample itself is no change");
    capture(&mut app, "Pen test @priya");
    assert_eq!(
        recap(&app),
        [("Added (1)".to_string(), vec!["Pen test".to_string()])]
    );
    press(&mut app, "u u");
    assert!(app.roadmap.initiatives.is_empty(), "the load is undone too");
    assert!(
        recap(&app).is_empty(),
        "and the recap starts from the empty roadmap again"
    );
}

#[test]
fn a_rename_being_typed_when_the_session_ends_is_kept() {
    let mut app = sample_app();
    press(&mut app, "7");
    let first = app.listed_people()[0].person.name.clone();
    press(&mut app, "r C-u");
    type_text(&mut app, "Lena Fischer-Braun");
    assert!(app.shutdown().is_none(), "nothing left over as a draft");
    assert!(
        app.roadmap
            .initiatives
            .iter()
            .any(|i| i.it_owner == "Lena Fischer-Braun"),
        "{first} was renamed at the exit"
    );
    assert!(
        app.roadmap.initiatives.iter().all(|i| i.it_owner != first),
        "{first} is gone"
    );
}

#[test]
fn decisions_and_actions_are_edited_ticked_deleted_and_undone_inside_their_view() {
    let mut app = sample_app();
    press(&mut app, "4 c");
    type_text(&mut app, "decision: Patch this week, not next #iso");
    press(&mut app, "Enter c");
    type_text(&mut app, "action: Book the window @lena !fri");
    press(&mut app, "Enter");
    assert!(
        matches!(app.mode, Mode::Decisions { .. }),
        "recording from the view comes back to it"
    );
    let action = app.roadmap.actions.last().unwrap().clone();
    assert_eq!(action.owner, "Lena Fischer");
    assert_eq!(
        action.link, None,
        "from the view: about no card out of sight"
    );
    let Mode::Decisions { selected } = app.mode else {
        unreachable!()
    };
    assert_eq!(
        selected, 1,
        "the new action is highlighted (after the decision)"
    );

    // Edit: the owner completes with Tab, the due date and what it is about change.
    press(&mut app, "e Tab C-u");
    type_text(&mut app, "tom");
    press(&mut app, "Tab");
    let Mode::Form(form) = &app.mode else {
        panic!("the edit form")
    };
    assert_eq!(
        form.value(alignmap::app::forms::FieldName::Owner),
        "Tom Becker"
    );
    press(&mut app, "Tab C-u");
    type_text(&mut app, "2026-12-04");
    press(&mut app, "Tab");
    type_text(&mut app, "#iso");
    press(&mut app, "Enter");
    assert!(
        matches!(app.mode, Mode::Decisions { .. }),
        "back to the view"
    );
    let edited = app.roadmap.actions.find(&action.id).unwrap();
    let iso = app.roadmap.goals.iter().find(|g| g.code == "ISO").unwrap();
    assert_eq!(
        (edited.owner.as_str(), edited.due, edited.link.clone()),
        (
            "Tom Becker",
            Some(common::date("2026-12-04")),
            Some(alignmap::domain::decisions::Link::Goal(iso.id.clone()))
        )
    );

    // Tick it off, then delete it (asked), then undo brings it back, all in the view.
    press(&mut app, "x");
    assert!(
        app.roadmap
            .actions
            .find(&action.id)
            .unwrap()
            .done_on
            .is_some()
    );
    press(&mut app, "d");
    assert!(matches!(app.mode, Mode::Confirm(_)));
    press(&mut app, "y");
    assert!(app.roadmap.actions.find(&action.id).is_none());
    assert!(matches!(app.mode, Mode::Decisions { .. }));
    press(&mut app, "u");
    assert!(
        app.roadmap.actions.find(&action.id).is_some(),
        "undo in the view"
    );
    assert!(matches!(app.mode, Mode::Decisions { .. }));

    // A filter by a person narrows the view to what they owe.
    press(&mut app, "c");
    type_text(&mut app, "action: Send the audit plan @Lena Fischer !eow");
    press(&mut app, "Enter f");
    type_text(&mut app, "@lena");
    press(&mut app, "Enter");
    assert!(matches!(app.mode, Mode::Decisions { .. }));
    let owed: Vec<&str> = app
        .listed_actions()
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(owed, ["Send the audit plan"]);
    assert!(app.listed_decisions().is_empty(), "decisions have no owner");
    press(&mut app, "F");
    assert_eq!(app.listed_actions().len(), 2);
    assert_eq!(app.listed_decisions().len(), 1);
}

#[test]
fn a_person_field_in_any_form_completes_from_the_people_list() {
    let mut app = sample_app();
    press(&mut app, "e");
    let Mode::Form(form) = &app.mode else {
        panic!("the edit form")
    };
    let owner = form
        .fields
        .iter()
        .position(|f| f.name == alignmap::app::forms::FieldName::ItOwner)
        .unwrap();
    for _ in 0..owner {
        press(&mut app, "Down");
    }
    press(&mut app, "C-u");
    type_text(&mut app, "okaf");
    press(&mut app, "Tab");
    let Mode::Form(form) = &app.mode else {
        panic!("still the form")
    };
    assert_eq!(
        form.value(alignmap::app::forms::FieldName::ItOwner),
        "Sam Okafor"
    );
    assert_eq!(form.focus, owner, "Tab completed instead of moving on");
    press(&mut app, "Tab");
    let Mode::Form(form) = &app.mode else {
        panic!("still the form")
    };
    assert_eq!(form.focus, owner + 1, "a complete name: Tab moves on");
}

#[test]
fn a_board_that_forgives_undo_selects_what_came_back_and_esc_asks_before_dropping_a_line() {
    let mut app = sample_app();
    press(&mut app, "l j");
    let card = app.selected_initiative().unwrap().id.clone();
    press(&mut app, "x");
    assert_ne!(
        app.selected_initiative().map(|i| i.id.clone()),
        Some(card.clone()),
        "done work leaves the board"
    );
    press(&mut app, "h h");
    press(&mut app, "u");
    assert_eq!(
        app.selected_initiative().map(|i| i.id.clone()),
        Some(card.clone()),
        "undo selects the card it brought back, wherever the highlight was"
    );
    press(&mut app, "C-r");
    press(&mut app, "u");
    assert_eq!(app.selected_initiative().map(|i| i.id.clone()), Some(card));

    press(&mut app, "c");
    type_text(&mut app, "Chatbot for order status #cx");
    press(&mut app, "Esc");
    let Mode::Capture(line) = &app.mode else {
        panic!("Esc on a typed line asks first")
    };
    assert!(line.confirm_discard);
    press(&mut app, "n");
    let Mode::Capture(line) = &app.mode else {
        panic!("any other key keeps editing")
    };
    assert_eq!(
        line.input.value(),
        "Chatbot for order status #cx",
        "nothing typed by the answer"
    );
    press(&mut app, "Enter");
    assert!(
        app.roadmap
            .initiatives
            .iter()
            .any(|i| i.title == "Chatbot for order status")
    );
    let count = app.roadmap.initiatives.len();
    press(&mut app, "c");
    type_text(&mut app, "Not this one");
    press(&mut app, "Esc y");
    assert!(matches!(app.mode, Mode::Browse));
    assert_eq!(
        app.roadmap.initiatives.len(),
        count,
        "discarded when confirmed"
    );
}

#[test]
fn the_theme_key_in_the_demo_writes_no_config() {
    use alignmap::app::{Clock, Effect};
    let mut demo = App::builder(
        alignmap::sample::sample(common::date(common::TODAY), common::now()).unwrap(),
        Clock::fixed(common::date(common::TODAY), common::now()),
    )
    .build();
    assert!(demo.is_demo());
    press(&mut demo, "t");
    assert!(demo.effects.is_empty(), "{:?}", demo.effects);
    assert!(
        demo.message
            .as_ref()
            .unwrap()
            .1
            .contains("for this demo only")
    );
    let mut app = sample_app();
    press(&mut app, "t");
    assert_eq!(app.effects, [Effect::SaveConfig]);
}

/// Types `text` on the board as a person would, a key every `gap`, from `start`; returns
/// when the last key came.
fn type_at(
    app: &mut App,
    text: &str,
    start: std::time::Instant,
    gap: std::time::Duration,
) -> std::time::Instant {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let mut at = start;
    for c in text.chars() {
        at += gap;
        let mods = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        app.handle_event_at(&Event::Key(KeyEvent::new(KeyCode::Char(c), mods)), at);
    }
    at
}

fn done_count(app: &App) -> usize {
    app.roadmap
        .initiatives
        .iter()
        .filter(|i| i.status == alignmap::domain::Status::Done)
        .count()
}

#[test]
fn typing_on_the_board_by_mistake_changes_nothing_and_becomes_a_capture_line() {
    use std::time::{Duration, Instant};
    let mut app = sample_app();
    let (done, theme, before) = (done_count(&app), app.settings.theme, app.roadmap.clone());
    let start = Instant::now();
    // A typist at about 100 words a minute: a key every 120 ms.
    let end = type_at(
        &mut app,
        "Fix the printer",
        start,
        Duration::from_millis(120),
    );
    assert_eq!(done_count(&app), done, "x did not mark a card done");
    assert_eq!(app.settings.theme, theme, "t did not change the theme");
    assert!(app.effects.is_empty(), "nothing written: {:?}", app.effects);
    assert!(matches!(app.mode, Mode::Browse), "e opened no form");
    assert_eq!(app.roadmap, before, "the roadmap is as it was");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .1
            .contains("\"Fix the printer\""),
        "{:?}",
        app.message
    );
    app.handle_event_at(
        &crossterm::event::Event::Key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Enter,
            crossterm::event::KeyModifiers::NONE,
        )),
        end + Duration::from_millis(900),
    );
    let Mode::Capture(line) = &app.mode else {
        panic!("Enter makes the typing a capture line")
    };
    assert_eq!(line.input.value(), "Fix the printer");
}

#[test]
fn keys_pressed_as_commands_still_act_and_a_key_held_down_acts_once() {
    use std::time::{Duration, Instant};
    let mut app = sample_app();
    let done = done_count(&app);
    let start = Instant::now();
    // A person pressing commands: half a second apart.
    let at = type_at(&mut app, "jx", start, Duration::from_millis(500));
    assert_eq!(done_count(&app), done + 1, "x marked the card done");
    // x held down: the keyboard repeats it every 30 ms; only the first press acts.
    let at = type_at(
        &mut app,
        "xxxxx",
        at + Duration::from_secs(1),
        Duration::from_millis(30),
    );
    assert_eq!(done_count(&app), done + 2, "one more, not five");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .1
            .starts_with("Typing? x was not run")
    );
    // j tapped fast moves the highlight every time: moving is never held back.
    let before = app.view.cursor;
    type_at(
        &mut app,
        "jjj",
        at + Duration::from_secs(1),
        Duration::from_millis(60),
    );
    let column = app.view.column.index();
    assert_eq!(
        app.view.cursor[column],
        (before[column] + 3).min(app.derived.columns[column].len() - 1)
    );
}

#[test]
fn page_down_scrolls_the_detail_a_page_and_home_goes_back() {
    let mut app = sample_app();
    press(&mut app, "Enter");
    press(&mut app, "PageDown");
    let Mode::Detail { scroll: paged, .. } = app.mode else {
        panic!("the detail")
    };
    assert!(paged > 1, "more than a line at a time: {paged}");
    press(&mut app, "End");
    let Mode::Detail { scroll: end, .. } = app.mode else {
        panic!("the detail")
    };
    assert!(end >= paged);
    press(&mut app, "Home");
    assert!(matches!(app.mode, Mode::Detail { scroll: 0, .. }));
}

#[test]
fn the_help_overlay_finds_a_key_by_what_it_does() {
    let text = |app: &App| -> String {
        alignmap::ui::help::help_lines(app, &alignmap::ui::theme::Theme::monochrome())
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut app = sample_app();
    press(&mut app, "?");
    let all = text(&app);
    press(&mut app, "/");
    type_text(&mut app, "minutes");
    let found = text(&app);
    assert!(found.contains("minutes of this session"), "{found}");
    assert!(
        found.contains("Session recap"),
        "under its heading: {found}"
    );
    assert!(!found.contains("next theme"), "{found}");
    assert!(found.lines().count() < all.lines().count() / 5);
    press(&mut app, "Esc");
    assert_eq!(text(&app), all, "Esc shows all of it again");
    assert!(matches!(app.mode, Mode::Help { .. }));
}

#[test]
fn renaming_to_a_name_someone_has_says_it_merges_them_and_u_undoes_it_in_the_view() {
    let mut app = sample_app();
    select_person(&mut app, "Marco Rossi");
    press(&mut app, "r C-u");
    type_text(&mut app, "Jo Kim");
    press(&mut app, "Enter");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .1
            .starts_with("Merged Marco Rossi into Jo Kim"),
        "{:?}",
        app.message
    );
    let names: Vec<String> = app
        .listed_people()
        .iter()
        .map(|l| l.person.name.clone())
        .collect();
    assert!(!names.contains(&"Marco Rossi".to_string()));
    press(&mut app, "u");
    assert!(
        matches!(app.mode, Mode::People { .. }),
        "undo stays in the view"
    );
    let names: Vec<String> = app
        .listed_people()
        .iter()
        .map(|l| l.person.name.clone())
        .collect();
    assert!(
        names.contains(&"Marco Rossi".to_string()),
        "split again: {names:?}"
    );
}

#[test]
fn typing_over_the_decisions_and_people_lists_ticks_off_and_renames_nothing() {
    use std::time::{Duration, Instant};
    let mut app = sample_app();
    press(&mut app, "c");
    type_text(&mut app, "action: Book the window @lena !fri");
    press(&mut app, "Enter 4");
    let before = app.roadmap.clone();
    // "x" ticks off, "e" edits, "d" deletes in view 4: typed fast, none of them runs.
    // (The first key of a burst acts; "t" does nothing in view 4.)
    let at = type_at(
        &mut app,
        "the ledger is fixed",
        Instant::now(),
        Duration::from_millis(110),
    );
    assert_eq!(app.roadmap, before);
    assert!(
        matches!(app.mode, Mode::Decisions { .. }),
        "no form, no question"
    );
    let esc = crossterm::event::Event::Key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Esc,
        crossterm::event::KeyModifiers::NONE,
    ));
    app.handle_event_at(&esc, at + Duration::from_secs(1));
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .1
            .starts_with("Dropped the typed text"),
        "{:?}",
        app.message
    );
    press(&mut app, "Esc 7");
    type_at(
        &mut app,
        "great work",
        at + Duration::from_secs(2),
        Duration::from_millis(110),
    );
    assert!(
        matches!(app.mode, Mode::People { rename: None, .. }),
        "r did not start a rename"
    );
    assert_eq!(app.roadmap, before);
}
