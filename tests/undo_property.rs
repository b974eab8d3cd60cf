//! Undo/redo property: any sequence of edits, then as many undos, gives back the exact
//! starting roadmap; as many redos then give back the exact end.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::app::Mode;
use alignmap::domain::query::Folded;
use common::{press, sample_app, type_text};
use proptest::prelude::*;

/// Key sequences that each make at most one change (or none, e.g. at a column's edge).
const EDITS: &[&str] = &[
    "x",
    "L",
    "H",
    "J",
    "K",
    "j",
    "l",
    "h",
    "d y",
    "s b Enter",
    "s p Enter",
    "e C-u TYPE Enter",
    "c TYPE Enter",
    "a TYPE Enter",
    "Tab d y Tab",
    "A TYPE Enter",
    "f s Enter",
    "F",
    "/ a Enter",
];

/// What edits and undos keep up to date one initiative at a time equals a full rebuild.
fn assert_derived_state_is_fresh(app: &alignmap::app::App) {
    let mut fresh = app.clone();
    fresh.refresh();
    assert_eq!(app.derived.columns, fresh.derived.columns, "board columns");
    assert_eq!(app.derived.tallies, fresh.derived.tallies, "goal sums");
    assert_eq!(
        app.derived.needed_by, fresh.derived.needed_by,
        "reverse dependencies"
    );
    assert_eq!(app.derived.goal_counts, fresh.derived.goal_counts);
    assert_eq!(app.derived.goal_health, fresh.derived.goal_health);
    assert_eq!(app.derived.due_actions, fresh.derived.due_actions);
    assert_eq!(
        app.alignment_summary(),
        &alignmap::domain::alignment::summary(&app.roadmap, app.today),
        "the summary line from the kept goal health equals one tallied afresh"
    );
    assert_eq!(app.matches(), fresh.matches(), "search matches");
    if let Some((_, folded)) = app.derived.lists.folded.get() {
        let fresh: Vec<Folded> = app.roadmap.initiatives.iter().map(Folded::of).collect();
        assert_eq!(folded, &fresh, "searchable text");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn undo_all_returns_the_start_and_redo_all_returns_the_end(
        steps in prop::collection::vec((0..EDITS.len(), "[a-zA-Z ]{1,12}"), 1..25)
    ) {
        let mut app = sample_app();
        let start = app.roadmap.clone();
        let mut changes = 0;
        for (edit, text) in &steps {
            let before = app.session.revision;
            for key in EDITS[*edit].split(' ') {
                if key == "TYPE" {
                    // Text goes only into a line or form that opened: with no card to edit,
                    // typed letters would be commands (`u` undoes), and an undo is no edit.
                    if !matches!(app.mode, Mode::Form(_) | Mode::Capture(_)) {
                        break;
                    }
                    type_text(&mut app, &format!("{}x", text.trim()));
                } else {
                    press(&mut app, key);
                }
            }
            // Leave any overlay a no-op edit left open (twice: leaving a presentation opens
            // the session recap).
            press(&mut app, "Esc Esc");
            changes += app.session.revision - before;
            assert_derived_state_is_fresh(&app);
        }
        let end = app.roadmap.clone();
        for _ in 0..changes {
            press(&mut app, "u");
            assert_derived_state_is_fresh(&app);
        }
        prop_assert_eq!(&app.roadmap, &start);
        press(&mut app, "u");
        prop_assert_eq!(&app.roadmap, &start, "nothing more to undo");
        for _ in 0..changes {
            press(&mut app, "C-r");
        }
        prop_assert_eq!(&app.roadmap, &end);
    }
}

/// A change that moves initiatives between positions (a backup restored with the same number of
/// initiatives in another order) updates the board, the goal sums and "needed by" exactly as a
/// full rebuild does, and so does undoing it.
#[test]
fn a_restore_that_reorders_the_initiatives_keeps_the_derived_state_fresh() {
    let mut app = sample_app();
    let mut other = app.roadmap.clone();
    let mut list: Vec<_> = other.initiatives.iter().cloned().collect();
    list.rotate_left(1);
    other.initiatives = list.into();
    assert!(
        other.initiatives.iter().any(|i| !i.needs.is_empty()),
        "the sample has dependencies"
    );
    app.restore_backup(other, "Mon 1 Jan 09:00");
    assert_derived_state_is_fresh(&app);
    press(&mut app, "u");
    assert_derived_state_is_fresh(&app);
}
