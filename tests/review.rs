//! The solo review, driven by keys: the queue at several "today" dates, acting in place (roll
//! forward records a slip, done, readings, mitigations), review marks, check-ins, the archive.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::app::{App, Clock, Mode, Screen};
use alignmap::domain::review::Subject;
use alignmap::domain::{IdGen, InitiativeId, Status};
use common::{app_at, date, press, sample_app, type_text};

fn keys(app: &App) -> Vec<String> {
    app.review_queue().iter().map(|e| e.key()).collect()
}

#[test]
fn three_opens_the_queue_with_a_reason_for_each_entry() {
    let mut app = sample_app();
    press(&mut app, "3");
    assert_eq!(app.view.screen, Screen::Review);
    assert_eq!(
        keys(&app),
        [
            "overdue:i-vpn00001",
            "slipped:i-load0001",
            "unlinked:i-laptop01",
            "unsupported:g-data0001",
            "kpi:g-cx000001/k-nps00001",
            "risk:i-peppol01/r-peppol01",
            "risk:i-crm00001/r-crm00001",
        ]
    );
}

#[test]
fn rolling_forward_records_a_slip_with_its_reason_and_clears_the_entry() {
    let mut app = sample_app();
    let vpn = InitiativeId("i-vpn00001".into());
    press(&mut app, "3 f");
    let Mode::Pick(pick) = &app.mode else {
        panic!("the horizons to roll forward to")
    };
    // Overdue work can land this week, a later horizon, or an exact date.
    assert_eq!(pick.options[0], "This week (to Sun 22 Nov 2026)");
    assert!(pick.options[1].starts_with("Next week"));
    assert!(pick.options.last().unwrap().starts_with("An exact date"));
    press(&mut app, "j Enter");
    let Mode::Form(form) = &app.mode else {
        panic!("asked why")
    };
    assert_eq!(form.title(), "It moved later: why? (Esc skips)");
    type_text(&mut app, "Vendor patch was withdrawn");
    press(&mut app, "Enter");
    let i = app.roadmap.initiative(&vpn).unwrap();
    assert_eq!(i.target.due(), Some(date("2026-11-29")));
    let change = i.target_log.last().unwrap();
    assert_eq!(
        (change.from.due(), change.to.due()),
        (Some(date("2026-11-20")), Some(date("2026-11-29")))
    );
    assert_eq!(change.reason, "Vendor patch was withdrawn");
    assert!(!keys(&app).contains(&"overdue:i-vpn00001".to_string()));
    assert_eq!(app.review_handled(), 1);
    assert_eq!(app.roadmap.last_review, Some(date("2026-11-22")));
    // Undo takes back the reason, then the move.
    press(&mut app, "u u");
    assert_eq!(
        app.roadmap.initiative(&vpn).unwrap().target.due(),
        Some(date("2026-11-20"))
    );
}

#[test]
fn marking_reviewed_persists_and_a_change_brings_the_entry_back() {
    let mut app = sample_app();
    press(&mut app, "3 j Space");
    assert!(!keys(&app).contains(&"slipped:i-load0001".to_string()));
    assert_eq!(app.roadmap.reviews.len(), 1, "kept in the roadmap file");
    let text = alignmap::storage::to_ron(&app.roadmap).unwrap();
    let reloaded = alignmap::storage::from_ron(&text, std::path::Path::new("r.ron")).unwrap();
    let again = app_at(reloaded, "2026-11-22");
    assert!(
        !keys(&again).contains(&"slipped:i-load0001".to_string()),
        "after reopening"
    );
    let load = InitiativeId("i-load0001".into());
    app.roadmap.initiative_mut(&load).unwrap().it_owner = "Someone new".into();
    app.refresh();
    assert!(
        keys(&app).contains(&"slipped:i-load0001".to_string()),
        "a change resets it"
    );
}

#[test]
fn acting_in_place_clears_readings_and_risks_and_check_ins() {
    let mut app = sample_app();
    press(&mut app, "3 G");
    // The last entry: the CRM risk without a mitigation; r opens that very risk.
    press(&mut app, "r");
    let Mode::Form(form) = &app.mode else {
        panic!("the risk form")
    };
    assert_eq!(form.title(), "Edit risk");
    press(&mut app, "Tab Tab Tab Tab");
    type_text(&mut app, "Pilot with two friendly sales teams first");
    press(&mut app, "Enter");
    assert!(!keys(&app).contains(&"risk:i-crm00001/r-crm00001".to_string()));
    // The NPS reading: m opens the reading form on that KPI.
    let at = keys(&app)
        .iter()
        .position(|k| k.starts_with("kpi:"))
        .unwrap();
    press(&mut app, &format!("g {}", "j ".repeat(at)));
    assert!(matches!(
        app.review_entry().unwrap().subject,
        Subject::Kpi(..)
    ));
    press(&mut app, "m");
    type_text(&mut app, "37");
    press(&mut app, "Enter");
    assert!(
        !keys(&app).iter().any(|k| k.starts_with("kpi:")),
        "{:?}",
        keys(&app)
    );
    assert_eq!(app.roadmap.goals[2].kpis[0].current(), Some(37.0));
}

#[test]
fn two_months_later_the_queue_can_be_walked_to_zero() {
    // The sample as written on 22 Nov, opened on 22 Jan: much is overdue, stale or due.
    let written = alignmap::sample::sample(date("2026-11-22"), common::now()).unwrap();
    let mut app = app_at(written, "2027-01-22");
    press(&mut app, "3");
    let start = app.review_queue().len();
    assert!(start >= 20, "{start} entries: {:?}", keys(&app));
    assert!(keys(&app).contains(&"checkin:relationship".to_string()));
    assert!(keys(&app).contains(&"overdue:i-load0001".to_string()));
    let mut steps = 0;
    while !app.review_queue().is_empty() {
        steps += 1;
        assert!(steps < 200, "the queue must shrink: {:?}", keys(&app));
        press(&mut app, "Space");
    }
    assert_eq!(app.review_handled(), start);
    assert!(alignmap::ui::review::queue_done_text(&app).contains("Nothing needs you"));
}

#[test]
fn a_check_in_records_both_sides_and_its_follow_up_action() {
    let mut app = sample_app();
    press(&mut app, "5 a");
    // On, Business, their score, their why, closer, IT score, IT why, IT closer, follow-up.
    press(&mut app, "Tab");
    type_text(&mut app, "Priya Nair");
    press(&mut app, "Tab Right Right");
    press(&mut app, "Tab");
    type_text(&mut app, "Order tracking is finally planned");
    press(&mut app, "Tab Tab Left");
    press(&mut app, "Tab Tab Tab");
    type_text(&mut app, "Share the CRM vendor shortlist");
    press(&mut app, "Enter");
    let c = app.roadmap.checkins.last().unwrap();
    assert_eq!((c.business.score, c.it.score), (7, 4));
    assert_eq!(c.business_who, "Priya Nair");
    assert_eq!(c.on, date("2026-11-22"));
    let action = app
        .roadmap
        .actions
        .iter()
        .find(|a| a.id == c.actions[0])
        .unwrap();
    assert_eq!(action.text, "Share the CRM vendor shortlist");
    assert_eq!(action.due, Some(date("2026-12-06")));
    assert_eq!(app.listed_checkins()[0].id, c.id, "newest first");
}

#[test]
fn the_archive_lists_finished_work_and_reopens_it() {
    let mut app = sample_app();
    press(&mut app, "6");
    let titles: Vec<&str> = app.archived().iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Move email to Exchange Online",
            "Replace the firewall cluster"
        ]
    );
    press(&mut app, "j o");
    let fw = app
        .roadmap
        .initiative(&InitiativeId("i-fw000001".into()))
        .unwrap();
    assert_eq!((fw.status, fw.done_on), (Status::Planned, None));
    assert_eq!(app.archived().len(), 1);
}

#[test]
fn moving_a_card_later_on_the_board_offers_to_say_why() {
    let mut app = sample_app();
    press(&mut app, "j L");
    let said = app.message.clone().unwrap().1;
    // The keys come first, so an 80-column status line still shows them.
    assert!(
        said.starts_with("Next week (29 Nov) · y: why · T: exact date · u: undo · moved \""),
        "{said}"
    );
    press(&mut app, "y");
    type_text(&mut app, "Finance asked for a later start");
    press(&mut app, "Enter");
    let id = app.selected_initiative().unwrap().id.clone();
    let i = app.roadmap.initiative(&id).unwrap();
    assert_eq!(
        i.target_log.last().unwrap().reason,
        "Finance asked for a later start"
    );
    press(&mut app, "y");
    assert!(matches!(app.mode, Mode::Browse), "one reason per slip");
    press(&mut app, "H");
    assert!(
        !app.message.as_ref().unwrap().1.contains("y: why"),
        "back: no slip"
    );
}

#[test]
fn export_snapshot_and_changes_keys_ask_the_runtime_and_the_demo_says_why_not() {
    use alignmap::app::Effect;
    use alignmap::export::Format;
    let mut app = sample_app();
    press(&mut app, "E");
    let Mode::Pick(pick) = &app.mode else {
        panic!("the export dialog")
    };
    assert_eq!(
        pick.options.len(),
        6,
        "four formats, the minutes and the report"
    );
    press(&mut app, "j Enter");
    assert_eq!(app.effects, [Effect::Export(Format::Markdown)]);
    app.effects.clear();
    press(&mut app, "E End k Enter");
    assert_eq!(
        app.effects,
        [Effect::Minutes],
        "the last but one choice writes the minutes"
    );
    app.effects.clear();
    press(&mut app, "E End Enter");
    assert_eq!(app.effects, [Effect::Report], "the last, the review report");
    app.effects.clear();
    press(&mut app, "3 R");
    assert_eq!(
        app.effects,
        [Effect::Report],
        "R in the review writes it too"
    );
    press(&mut app, "1");
    app.effects.clear();
    press(&mut app, "R m");
    assert_eq!(
        app.effects,
        [Effect::Minutes],
        "m in the recap writes them too"
    );
    app.effects.clear();
    press(&mut app, "Esc");
    press(&mut app, "S D");
    assert_eq!(app.effects, [Effect::Snapshot, Effect::Changes]);
    let mut demo = App::builder(
        alignmap::sample::sample(date("2026-11-22"), common::now()).unwrap(),
        Clock::fixed(date("2026-11-22"), common::now()),
    )
    .ids(IdGen::with_seed(1))
    .build();
    press(&mut demo, "E");
    assert!(demo.effects.is_empty() && matches!(demo.mode, Mode::Browse));
    assert!(demo.message.as_ref().unwrap().1.contains("memory only"));
}

#[test]
fn rolling_forward_counts_as_an_update_so_the_next_review_does_not_call_it_stale() {
    // The sample two months on: the VPN patch is long overdue and was last updated in
    // November.
    let mut app = app_at(sample_app().roadmap, "2027-01-20");
    let vpn = InitiativeId("i-vpn00001".into());
    assert!(app.roadmap.initiative(&vpn).unwrap().updated < app.clock.now());
    press(&mut app, "3");
    let at = keys(&app)
        .iter()
        .position(|k| k == "overdue:i-vpn00001")
        .unwrap();
    for _ in 0..at {
        press(&mut app, "j");
    }
    press(&mut app, "f");
    let Mode::Pick(pick) = &app.mode else {
        panic!("the horizons to roll forward to")
    };
    assert!(
        pick.options[2].starts_with("Next month"),
        "{:?}",
        pick.options
    );
    press(&mut app, "j j Enter Esc"); // to the end of next month; skip the why
    let i = app.roadmap.initiative(&vpn).unwrap();
    assert_eq!(i.target.due(), Some(date("2027-02-28")));
    assert_eq!(i.updated, app.clock.now(), "rolling forward is an update");
    // Three weeks later it is neither overdue nor "not updated for 80 days".
    let later = app_at(app.roadmap.clone(), "2027-02-10");
    let keys = keys(&later);
    assert!(!keys.contains(&"stale:i-vpn00001".to_string()), "{keys:?}");
    assert!(
        !keys.contains(&"overdue:i-vpn00001".to_string()),
        "{keys:?}"
    );
}

#[test]
fn a_later_target_typed_in_the_edit_form_asks_why_and_skipping_says_the_move_stands() {
    let mut app = sample_app();
    let id = app.selected_initiative().unwrap().id.clone();
    let before = app.roadmap.initiative(&id).unwrap().target;
    press(&mut app, "e Tab Tab Tab Tab");
    for _ in 0..12 {
        press(&mut app, "Backspace");
    }
    type_text(&mut app, "2027-06-30");
    press(&mut app, "Enter");
    let Mode::Form(form) = &app.mode else {
        panic!("asked why: {:?}", app.mode)
    };
    assert_eq!(form.title(), "It moved later: why? (Esc skips)");
    press(&mut app, "Esc");
    let i = app.roadmap.initiative(&id).unwrap();
    assert_eq!(i.target.due(), Some(date("2027-06-30")));
    assert!(i.target > before);
    let said = &app.message.as_ref().unwrap().1;
    assert!(said.starts_with("The move later is kept"), "{said}");
}

#[test]
fn acting_on_an_entry_never_slides_the_highlight_onto_another_item() {
    // The data goal gets a KPI that is due a reading; its "unsupported" entry is marked
    // reviewed. Recording the reading changes the goal, which brings that entry back above
    // the one acted on: the highlight must go to the entry after, not onto the goal.
    let mut r = sample_app().roadmap;
    let data = r.goals.iter().position(|g| g.code == "DATA").unwrap();
    let mut kpi = r
        .goals
        .iter()
        .flat_map(|g| g.kpis.clone())
        .find(|k| k.target.is_some())
        .unwrap();
    kpi.id = "k-data0001".into();
    kpi.name = "Reports from one source".into();
    kpi.readings.clear();
    r.goals[data].kpis.push(kpi);
    let mut app = app_at(r, "2026-11-22");
    press(&mut app, "3");
    let queue = keys(&app);
    let unsupported = queue
        .iter()
        .position(|k| k == "unsupported:g-data0001")
        .unwrap();
    for _ in 0..unsupported {
        press(&mut app, "j");
    }
    press(&mut app, "Space");
    let queue = keys(&app);
    let at = queue
        .iter()
        .position(|k| k == "kpi:g-data0001/k-data0001")
        .unwrap();
    let after = queue[at + 1].clone();
    press(&mut app, "g");
    for _ in 0..at {
        press(&mut app, "j");
    }
    assert_eq!(
        app.review_entry().unwrap().key(),
        "kpi:g-data0001/k-data0001"
    );
    press(&mut app, "m");
    let Mode::Form(_) = &app.mode else {
        panic!("the reading form")
    };
    type_text(&mut app, "1");
    press(&mut app, "Enter");
    let queue = keys(&app);
    assert!(
        queue.contains(&"unsupported:g-data0001".to_string()),
        "{queue:?}"
    );
    assert_eq!(
        app.review_entry().unwrap().key(),
        after,
        "the entry after the one acted on: {queue:?}"
    );
}

#[test]
fn a_reading_far_outside_its_kpi_asks_before_it_is_recorded() {
    let mut app = sample_app();
    let goal = app
        .roadmap
        .goals
        .iter()
        .find(|g| g.kpis.iter().any(|k| k.target.is_some()))
        .unwrap()
        .clone();
    let at = goal.kpis.iter().position(|k| k.target.is_some()).unwrap();
    let readings = goal.kpis[at].readings.len();
    app.mode = Mode::Form(Box::new(alignmap::app::Form::reading(&goal, at, app.today)));
    type_text(&mut app, "290000");
    press(&mut app, "Enter");
    let Mode::Form(form) = &app.mode else {
        panic!("asked first")
    };
    assert!(
        form.error.as_deref().unwrap().contains("is far outside"),
        "{:?}",
        form.error
    );
    press(&mut app, "Enter");
    let now = app.roadmap.goal(&goal.id).unwrap();
    assert_eq!(
        now.kpis[at].readings.len(),
        readings + 1,
        "the second Enter records it"
    );
}

#[test]
fn every_way_of_dealing_with_an_entry_counts_as_handled() {
    let mut app = sample_app();
    press(&mut app, "3");
    let go_to = |app: &mut App, key: &str| {
        let at = keys(app).iter().position(|k| k == key).unwrap();
        press(app, "g");
        for _ in 0..at {
            press(app, "j");
        }
    };
    // m: a KPI reading, through its form.
    go_to(&mut app, "kpi:g-cx000001/k-nps00001");
    press(&mut app, "m");
    type_text(&mut app, "41");
    press(&mut app, "Enter");
    assert_eq!(app.review_handled(), 1, "{:?}", keys(&app));
    // s: a status, through the picker (dropped).
    go_to(&mut app, "unlinked:i-laptop01");
    press(&mut app, "s");
    let Mode::Status { .. } = app.mode else {
        panic!("the status picker: {:?}", app.mode)
    };
    press(&mut app, "d Enter");
    assert_eq!(app.review_handled(), 2, "{:?}", keys(&app));
}

#[test]
fn delivered_since_the_last_review_stays_put_while_other_views_are_visited() {
    let mut r = sample_app().roadmap;
    r.last_review = Some(date("2026-11-01"));
    let mut app = app_at(r, "2026-11-22");
    press(&mut app, "3");
    assert_eq!(app.view.review.since, Some(date("2026-11-01")));
    press(&mut app, "Space"); // acting records today as the file's last review
    assert_eq!(app.roadmap.last_review, Some(date("2026-11-22")));
    press(&mut app, "6 3");
    assert_eq!(
        app.view.review.since,
        Some(date("2026-11-01")),
        "still since the review before this session"
    );
}

#[test]
fn an_open_deliverable_whose_day_has_passed_reads_late_not_available_now() {
    let app = app_at(sample_app().roadmap, "2028-01-01");
    let i = app
        .roadmap
        .initiatives
        .iter()
        .find(|i| i.deliverables.iter().any(|d| !d.done))
        .unwrap();
    let theme = alignmap::ui::theme::Theme::standard();
    let text: Vec<String> = alignmap::ui::sections::deliverables(&app, i, &theme)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    let open = i.deliverables.iter().filter(|d| !d.done).count();
    let late = text.iter().filter(|l| l.contains("LATE: due ")).count();
    assert_eq!(late, open, "{text:#?}");
}

#[test]
fn a_whole_group_is_marked_reviewed_in_one_undoable_step() {
    let written = alignmap::sample::sample(date("2026-11-22"), common::now()).unwrap();
    let mut app = app_at(written, "2027-03-01");
    press(&mut app, "3");
    let overdue = |app: &App| {
        keys(app)
            .iter()
            .filter(|k| k.starts_with("overdue:"))
            .count()
    };
    let before = overdue(&app);
    let others = keys(&app).len() - before;
    assert!(before >= 5, "{:?}", keys(&app));
    press(&mut app, "V"); // the highlight is on the first overdue entry
    assert_eq!(overdue(&app), 0, "{:?}", keys(&app));
    assert_eq!(keys(&app).len(), others, "the other groups stay");
    assert_eq!(app.review_handled(), before);
    press(&mut app, "u");
    assert_eq!(
        overdue(&app),
        before,
        "one undo brings the whole group back"
    );
}

#[test]
fn after_a_whole_group_is_marked_the_highlight_goes_to_the_first_entry_after_it() {
    let written = alignmap::sample::sample(date("2026-11-22"), common::now()).unwrap();
    let mut app = app_at(written, "2027-03-01");
    press(&mut app, "3");
    let queue = keys(&app);
    let first_kpi = queue.iter().position(|k| k.starts_with("kpi:")).unwrap();
    let after = queue[first_kpi..]
        .iter()
        .find(|k| !k.starts_with("kpi:"))
        .cloned()
        .unwrap();
    for _ in 0..first_kpi {
        press(&mut app, "j");
    }
    press(&mut app, "V");
    assert_eq!(app.review_entry().unwrap().key(), after, "{:?}", keys(&app));
}

#[test]
fn work_a_goal_counts_on_without_a_date_is_queued_as_needing_one_until_it_gets_one() {
    let mut app = sample_app();
    let cloud = InitiativeId("i-cloud001".into());
    let laptops = InitiativeId("i-laptop01".into());
    for id in [&cloud, &laptops] {
        app.roadmap
            .initiative_mut(id)
            .unwrap()
            .set_target(alignmap::domain::Target::Later, date("2026-11-22"));
    }
    app.refresh();
    press(&mut app, "3");
    let queued = keys(&app);
    assert!(
        queued.contains(&"nodate:i-cloud001".to_string()),
        "{queued:?}"
    );
    assert!(
        !queued.contains(&"nodate:i-laptop01".to_string()),
        "serving no goal, it is queued for that instead: {queued:?}"
    );
    let entry = app
        .review_queue()
        .iter()
        .find(|e| e.key() == "nodate:i-cloud001")
        .unwrap();
    assert_eq!(entry.reason.words(), "needs a date");
    while app.review_entry().map(|e| e.key()).as_deref() != Some("nodate:i-cloud001") {
        press(&mut app, "j");
    }
    press(&mut app, "T");
    type_text(&mut app, "Q3 2027");
    press(&mut app, "Enter");
    let target = app.roadmap.initiative(&cloud).unwrap().target;
    assert_eq!(target.to_string(), "Q3 2027");
    assert!(!keys(&app).contains(&"nodate:i-cloud001".to_string()));
}

#[test]
fn work_delivered_after_the_day_the_review_is_for_is_not_listed_as_delivered() {
    // Reviewing as of an earlier day (--today) with a file that already records later
    // deliveries: "delivered in the last 30 days" holds only what was done by then.
    let written = alignmap::sample::sample(date("2026-11-22"), common::now()).unwrap();
    let mut app = app_at(written, "2026-10-25");
    let done: Vec<_> = app
        .roadmap
        .initiatives
        .iter()
        .filter_map(|i| i.done_on)
        .collect();
    assert!(done.contains(&date("2026-11-01")) && done.contains(&date("2026-10-18")));
    press(&mut app, "3");
    let listed: Vec<_> = app.delivered_since().iter().map(|i| i.done_on).collect();
    assert_eq!(listed, [Some(date("2026-10-18"))], "1 Nov had not come yet");
}
