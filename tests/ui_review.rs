//! Rendering of the review, check-ins and archive screens into a TestBackend.
#![allow(clippy::unwrap_used)] // test code

mod common;

use common::{draw, press, sample_app, screen_text};

#[test]
fn review_80x24() {
    let mut app = sample_app();
    press(&mut app, "3");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn review_160x48() {
    let mut app = sample_app();
    press(&mut app, "3 j");
    insta::assert_snapshot!(draw(&mut app, 160, 48).backend());
}

#[test]
fn checkins_80x24() {
    let mut app = sample_app();
    press(&mut app, "5");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn checkins_160x48() {
    let mut app = sample_app();
    press(&mut app, "5");
    insta::assert_snapshot!(draw(&mut app, 160, 48).backend());
}

#[test]
fn archive_80x24() {
    let mut app = sample_app();
    press(&mut app, "6");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn the_empty_queue_says_so_and_the_selected_entry_names_its_keys() {
    let mut app = sample_app();
    press(&mut app, "3");
    let text = screen_text(&draw(&mut app, 120, 30));
    assert!(
        text.contains("f roll forward · F whole goal · x done · s status · Space reviewed"),
        "{text}"
    );
    for _ in 0..20 {
        press(&mut app, "Space");
    }
    let text = screen_text(&draw(&mut app, 120, 30));
    assert!(
        text.contains("Nothing needs you: 7 entries dealt with this session."),
        "{text}"
    );
}
