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

#[test]
fn switcher_100x30() {
    use alignmap::app::{EffectOutcome, RoadmapRow, Source};
    use std::path::PathBuf;
    let mut app = alignmap::app::App::builder(
        alignmap::sample::sample(common::date(TODAY), common::now()).unwrap(),
        alignmap::app::Clock::fixed(common::date(TODAY), common::now()),
    )
    .source(Source::File(PathBuf::from("/team/finance.ron")))
    .build();
    let row = |file: &str, name: Result<String, String>, facts: &[&str]| RoadmapRow {
        path: PathBuf::from(format!("/team/{file}")),
        file: file.into(),
        name,
        facts: facts.iter().map(|f| f.to_string()).collect(),
    };
    let saved = "saved Sun 22 Nov 2026 09:12";
    let rows = vec![
        row(
            "finance.ron",
            Ok("Finance IT".into()),
            &["committed", "5 goals, 16 initiatives", saved],
        ),
        row(
            "operations.ron",
            Err("line 4: expected `(`".into()),
            &["unsaved edits in a recovery copy", "uncommitted changes"],
        ),
        row(
            "retail.ron",
            Ok("Retail \u{1b}[2J IT".into()),
            &["2 merge conflicts to settle", "unresolved git merge", saved],
        ),
    ];
    app.take_outcome(EffectOutcome::Roadmaps(rows));
    let terminal = draw(&mut app, 100, 30);
    assert!(!screen_text(&terminal).contains('\u{1b}'));
    insta::assert_snapshot!(terminal.backend());
}
