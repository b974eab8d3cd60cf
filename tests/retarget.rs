//! Moving work on purpose: an exact target typed as people write dates, roll forward to
//! this week or an exact date, open deliverables moving with their work, and all the
//! overdue work of a goal rolled forward with one reason, each one undoable step.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::app::{App, Mode, Screen};
use alignmap::domain::{Initiative, InitiativeId};
use common::{app_at, date, press, type_text};

/// The sample as written on 22 Nov 2026, opened on `today`.
fn sample_on(today: &str) -> App {
    let written = alignmap::sample::sample(date("2026-11-22"), common::now()).unwrap();
    app_at(written, today)
}

fn initiative<'a>(app: &'a App, id: &InitiativeId) -> &'a Initiative {
    app.roadmap.initiative(id).unwrap()
}

/// Puts the review highlight on the entry with this key.
fn highlight(app: &mut App, key: &str) {
    press(app, "g");
    while app.review_entry().map(|e| e.key()).as_deref() != Some(key) {
        let before = app.review_position();
        press(app, "j");
        assert_ne!(app.review_position(), before, "{key} is not queued");
    }
}

#[test]
fn t_sets_an_exact_month_or_quarter_and_a_later_one_asks_why() {
    let mut app = sample_on("2026-11-22");
    let id = app.selected_initiative().unwrap().id.clone();
    let before = initiative(&app, &id).target;
    assert!(before.is_before(date("2027-06-30")));
    press(&mut app, "T");
    let Mode::Form(form) = &app.mode else {
        panic!("the target form")
    };
    assert_eq!(form.title(), "Set the target date");
    assert_eq!(
        form.value(alignmap::app::forms::FieldName::Target),
        "",
        "typing replaces"
    );
    let said = &app.message.as_ref().unwrap().1;
    assert!(
        said.starts_with(&format!(
            "Target now {}",
            before.due().unwrap().format("%a %-d %b %Y")
        )),
        "{said}"
    );
    type_text(&mut app, "Q2 2027");
    press(&mut app, "Enter");
    if let Mode::Confirm(_) = app.mode {
        press(&mut app, "n");
    }
    assert_eq!(
        initiative(&app, &id).target,
        "Q2 2027".parse().unwrap(),
        "kept as the quarter it was promised in"
    );
    let Mode::Form(form) = &app.mode else {
        panic!("a later date is a slip: it asks why, got {:?}", app.mode)
    };
    assert_eq!(form.title(), "It moved later: why? (Esc skips)");
    press(&mut app, "Esc");
    let log = &initiative(&app, &id).target_log;
    assert_eq!(
        (log.last().unwrap().from, log.last().unwrap().to),
        (before, "Q2 2027".parse().unwrap())
    );
}

#[test]
fn an_ambiguous_or_unknown_date_keeps_the_form_open_and_says_why() {
    let mut app = sample_on("2026-11-22");
    let id = app.selected_initiative().unwrap().id.clone();
    let before = initiative(&app, &id).target;
    press(&mut app, "T");
    type_text(&mut app, "3/4/2027");
    press(&mut app, "Enter");
    let Mode::Form(form) = &app.mode else {
        panic!("the form stays open")
    };
    let error = form.error.clone().unwrap();
    assert!(
        error.contains("could be 3 Apr 2027 (day first) or 4 Mar 2027 (month first)"),
        "both readings are named: {error}"
    );
    assert_eq!(initiative(&app, &id).target, before);
}

#[test]
fn a_target_in_the_past_is_refused_so_late_work_cannot_look_less_late() {
    let mut app = sample_on("2027-06-01");
    let id = overdue_with_deliverables(&app);
    let before = initiative(&app, &id).target;
    press(&mut app, "3");
    highlight(&mut app, &format!("overdue:{id}"));
    press(&mut app, "T");
    type_text(&mut app, "31.05.2027");
    press(&mut app, "Enter");
    let Mode::Form(form) = &app.mode else {
        panic!("the form stays open")
    };
    assert_eq!(
        form.error.as_deref(),
        Some("Mon 31 May 2027 has passed: a new target is today or later")
    );
    assert_eq!(initiative(&app, &id).target, before);
}

#[test]
fn a_board_move_offers_the_exact_date_key() {
    let mut app = sample_on("2026-11-22");
    press(&mut app, "L");
    let status = app.message.as_ref().unwrap().1.clone();
    assert!(status.contains("T: exact date"), "{status}");
}

/// An overdue initiative with open deliverables, on `today`.
fn overdue_with_deliverables(app: &App) -> InitiativeId {
    app.roadmap
        .initiatives
        .iter()
        .find(|i| i.is_overdue(app.today) && i.deliverables.iter().any(|d| !d.done))
        .map(|i| i.id.clone())
        .unwrap()
}

#[test]
fn rolling_forward_moves_the_open_deliverables_by_the_same_days_when_asked() {
    let mut app = sample_on("2027-06-01");
    let id = overdue_with_deliverables(&app);
    let before = initiative(&app, &id).clone();
    press(&mut app, "3");
    highlight(&mut app, &format!("overdue:{id}"));
    press(&mut app, "f Enter"); // this week: Sun 6 Jun 2027
    let to = date("2027-06-06");
    let days = (to - before.target.due().unwrap()).num_days();
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("asks about the deliverables, got {:?}", app.mode)
    };
    let open = before.deliverables.iter().filter(|d| !d.done).count();
    assert!(
        confirm.question.contains(&format!("by {days} days")),
        "{}",
        confirm.question
    );
    assert_eq!(confirm.details.len(), open);
    press(&mut app, "y");
    let after = initiative(&app, &id);
    assert_eq!(after.target.due(), Some(to));
    let mut want: Vec<_> = before
        .deliverables
        .iter()
        .map(|d| {
            if d.done {
                d.date
            } else {
                d.date + chrono::Duration::days(days)
            }
        })
        .collect();
    want.sort();
    let got: Vec<_> = after.deliverables.iter().map(|d| d.date).collect();
    assert_eq!(got, want, "open ones moved by {days} days, done ones kept");
    let Mode::Form(form) = &app.mode else {
        panic!("then asks why")
    };
    assert_eq!(form.title(), "It moved later: why? (Esc skips)");
    press(&mut app, "Esc u");
    assert_eq!(initiative(&app, &id).deliverables, before.deliverables);
    assert_eq!(
        initiative(&app, &id).target.due(),
        Some(to),
        "one undo per step"
    );
}

#[test]
fn declining_keeps_the_deliverable_dates_and_still_asks_why() {
    let mut app = sample_on("2027-06-01");
    let id = overdue_with_deliverables(&app);
    let before = initiative(&app, &id).deliverables.clone();
    press(&mut app, "3");
    highlight(&mut app, &format!("overdue:{id}"));
    press(&mut app, "f Enter n");
    assert_eq!(initiative(&app, &id).deliverables, before);
    assert!(matches!(app.mode, Mode::Form(_)), "asks why");
}

#[test]
fn roll_forward_to_an_exact_date_uses_the_date_grammar() {
    let mut app = sample_on("2027-06-01");
    let id = overdue_with_deliverables(&app);
    press(&mut app, "3");
    highlight(&mut app, &format!("overdue:{id}"));
    press(&mut app, "f G Enter");
    let Mode::Form(form) = &app.mode else {
        panic!("the exact-date form")
    };
    assert_eq!(form.title(), "Set the target date");
    type_text(&mut app, "September 2027");
    press(&mut app, "Enter n Esc");
    assert_eq!(initiative(&app, &id).target.due(), Some(date("2027-09-30")));
    assert_eq!(app.roadmap.last_review, Some(date("2027-06-01")));
}

#[test]
fn all_overdue_work_of_a_goal_rolls_forward_with_one_reason_as_one_step() {
    let mut app = sample_on("2028-01-01");
    press(&mut app, "3");
    assert_eq!(app.view.screen, Screen::Review);
    // The first overdue entry, and the goal its initiative serves most strongly.
    let first = app
        .review_queue()
        .iter()
        .find(|e| e.key().starts_with("overdue:"))
        .map(|e| e.key())
        .unwrap();
    highlight(&mut app, &first);
    let id = InitiativeId(first.trim_start_matches("overdue:").into());
    let goal = initiative(&app, &id).serves[0].goal.clone();
    let of_goal: Vec<InitiativeId> = app
        .roadmap
        .initiatives
        .iter()
        .filter(|i| i.is_overdue(app.today) && i.serves.iter().any(|l| l.goal == goal))
        .map(|i| i.id.clone())
        .collect();
    assert!(of_goal.len() >= 2, "{of_goal:?}");
    let before: Vec<_> = of_goal.iter().map(|i| initiative(&app, i).target).collect();
    press(&mut app, "F");
    let Mode::Pick(pick) = &app.mode else {
        panic!("where to, got {:?}", app.mode)
    };
    assert!(
        pick.title.starts_with(&format!(
            "Roll the {} overdue initiatives of ",
            of_goal.len()
        )),
        "{}",
        pick.title
    );
    press(&mut app, "j j Enter"); // next month: the end of February 2028
    if let Mode::Confirm(_) = app.mode {
        press(&mut app, "n");
    }
    let Mode::Form(form) = &app.mode else {
        panic!("one reason for all, got {:?}", app.mode)
    };
    assert!(form.title().starts_with("They moved later: why?"));
    type_text(&mut app, "Budget freeze in 2027");
    press(&mut app, "Enter");
    for id in &of_goal {
        let i = initiative(&app, id);
        assert_eq!(i.target.due(), Some(date("2028-02-29")), "{id}");
        assert_eq!(i.target_log.last().unwrap().reason, "Budget freeze in 2027");
    }
    let queued: Vec<String> = app.review_queue().iter().map(|e| e.key()).collect();
    for id in &of_goal {
        assert!(
            !queued.contains(&format!("overdue:{id}")),
            "{id} left the queue"
        );
    }
    press(&mut app, "u u"); // the reason, then the move: all of them at once
    let after: Vec<_> = of_goal.iter().map(|i| initiative(&app, i).target).collect();
    assert_eq!(after, before);
}

#[test]
fn the_roadmap_is_renamed_in_its_settings_and_an_empty_name_is_refused() {
    let mut app = sample_on("2026-11-22");
    let before = app.roadmap.name.clone();
    press(&mut app, ",");
    let Mode::Form(form) = &app.mode else {
        panic!("the settings form")
    };
    assert_eq!(form.title(), "Roadmap settings");
    assert_eq!(form.value(alignmap::app::forms::FieldName::Title), before);
    for _ in 0..before.chars().count() {
        press(&mut app, "Backspace");
    }
    press(&mut app, "Enter");
    let Mode::Form(form) = &app.mode else {
        panic!("an empty name keeps the form open")
    };
    assert!(
        form.error
            .as_deref()
            .unwrap()
            .starts_with("Name the roadmap")
    );
    type_text(&mut app, "Northwind IT 2027");
    press(&mut app, "Enter");
    assert_eq!(app.roadmap.name, "Northwind IT 2027");
    assert_eq!(
        alignmap::export::file_name(&app.roadmap, alignmap::export::Format::Html, app.today),
        "northwind-it-2027-2026-11-22.html"
    );
    press(&mut app, "u");
    assert_eq!(app.roadmap.name, before);
}

#[test]
fn the_settings_decide_how_3_4_2027_and_fy2028_read_and_a_target_can_be_later() {
    use alignmap::domain::{DayOrder, Span, Target};
    let mut app = sample_on("2026-11-22");
    // Settings: fiscal year from April (three to the right of January), day first.
    press(&mut app, ", Tab Tab Right Right Right Tab Right Enter");
    assert_eq!(app.roadmap.calendar.fiscal_year_start, 4);
    assert_eq!(app.roadmap.calendar.day_order, DayOrder::DayFirst);
    let id = app.selected_initiative().unwrap().id.clone();
    press(&mut app, "T");
    type_text(&mut app, "3/4/2027");
    press(&mut app, "Enter");
    if let Mode::Confirm(_) = app.mode {
        press(&mut app, "n");
    }
    press(&mut app, "Esc");
    assert_eq!(
        initiative(&app, &id).target,
        Target::day(date("2027-04-03"))
    );
    press(&mut app, "T");
    type_text(&mut app, "FY2028");
    press(&mut app, "Enter");
    if let Mode::Confirm(_) = app.mode {
        press(&mut app, "n");
    }
    press(&mut app, "Esc");
    let fy = initiative(&app, &id).target;
    assert_eq!(
        fy,
        Target::Due {
            day: date("2028-03-31"),
            span: Span::FiscalYear
        }
    );
    assert_eq!(fy.in_words(), "FY2028");
    press(&mut app, "T");
    type_text(&mut app, "later");
    press(&mut app, "Enter");
    let Mode::Form(form) = &app.mode else {
        panic!(
            "unscheduling is a move later: it asks why, got {:?}",
            app.mode
        )
    };
    assert_eq!(form.title(), "It moved later: why? (Esc skips)");
    press(&mut app, "Esc");
    let i = initiative(&app, &id);
    assert_eq!(i.target, Target::Later);
    assert!(!i.is_overdue(date("2099-01-01")), "no date is never late");
    assert_eq!(i.horizon(app.today), alignmap::domain::Horizon::NextYear);
    press(&mut app, "u");
    assert_eq!(
        initiative(&app, &id).target,
        fy,
        "one undo takes the move back"
    );
}
