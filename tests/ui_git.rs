//! Rendering what working in a git checkout adds: the merge conflicts a merge left in the file.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::domain::Roadmap;
use common::{TODAY, app_with, draw, press, screen_text};

/// The sample merged from two versions that each retitled the first two initiatives and
/// one of them deleted a third that the other edited.
fn merged() -> Roadmap {
    let base = alignmap::sample::sample(common::date(TODAY), common::now()).unwrap();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    for (i, at) in [0, 1].into_iter().enumerate() {
        ours.initiatives[at].title = format!("Ours, version {i}");
        theirs.initiatives[at].title = format!("Theirs, a much longer title number {i}");
    }
    ours.initiatives[2].summary = "Ours: a summary added".into();
    let gone = theirs.initiatives[2].id.clone();
    theirs.initiatives.retain(|i| i.id != gone);
    let merged = alignmap::merge::merge(&base, &ours, &theirs).unwrap();
    assert_eq!(merged.new_conflicts, 3);
    merged.roadmap
}

#[test]
fn merge_conflicts_100x30() {
    let mut app = app_with(merged(), TODAY);
    insta::assert_snapshot!(draw(&mut app, 100, 30).backend());
}

#[test]
fn merge_conflicts_at_80x24_keep_the_selection_visible_and_say_how_many_more() {
    let mut app = app_with(merged(), TODAY);
    press(&mut app, "j j");
    let screen = screen_text(&draw(&mut app, 80, 24));
    assert!(screen.contains("▶ initiative"), "{screen}");
    assert!(screen.contains("Merge conflicts · 3"), "{screen}");
    press(&mut app, "t");
    let screen = screen_text(&draw(&mut app, 80, 24));
    assert!(screen.contains("Merge conflicts · 2"), "{screen}");
}
