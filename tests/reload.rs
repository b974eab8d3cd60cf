//! Changes made on disk by others never vanish through a side door: an undo across a reload,
//! a form whose item is deleted under it, a deleted file nobody decided about.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::app::Mode;
use alignmap::storage;
use common::files::Fixture;
use common::{press, type_text};

fn status(app: &alignmap::app::App) -> String {
    app.message
        .as_ref()
        .map(|m| m.1.clone())
        .unwrap_or_default()
}

#[test]
fn undo_across_a_reload_keeps_their_version_in_a_file_before_the_autosave() {
    let mut f = Fixture::new();
    let theirs = f.external_edit("Pulled from git");
    f.wait(2);
    assert_eq!(f.app.roadmap, theirs, "reloaded: nothing was unsaved");
    press(&mut f.app, "u");
    f.wait(3); // the autosave writes ours over theirs
    assert_ne!(f.on_disk(), theirs, "the undo was saved");
    let kept = f.siblings(".theirs-");
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(
        storage::load(&kept[0]).unwrap(),
        theirs,
        "their version survives"
    );
    assert!(
        status(&f.app).contains("kept in roadmap.theirs-"),
        "{}",
        status(&f.app)
    );
    // Redo brings theirs back; ours, replaced now, is kept too.
    press(&mut f.app, "C-r");
    f.wait(3);
    assert_eq!(f.on_disk(), theirs);
    assert_eq!(f.siblings(".mine-").len(), 1);
}

#[test]
fn a_form_whose_initiative_is_deleted_on_disk_adds_it_again_with_the_typed_text() {
    let mut f = Fixture::new();
    let id = f.app.selected_initiative().unwrap().id.clone();
    press(&mut f.app, "e");
    type_text(&mut f.app, " (typed during the meeting)");
    let mut theirs = f.on_disk();
    theirs.initiatives.retain(|i| i.id != id);
    storage::save(&f.path, &theirs).unwrap();
    f.wait(2);
    assert!(matches!(f.app.mode, Mode::Form(_)), "the form stays open");
    press(&mut f.app, "Enter");
    let kept: Vec<_> = f
        .app
        .roadmap
        .initiatives
        .iter()
        .filter(|i| i.title.ends_with("(typed during the meeting)"))
        .collect();
    assert_eq!(kept.len(), 1, "added again, typed text and all");
    assert!(
        status(&f.app).contains("deleted in the file on disk"),
        "{}",
        status(&f.app)
    );
}

#[test]
fn a_risk_form_whose_initiative_is_deleted_stays_open_and_a_stop_keeps_it_as_a_draft() {
    let mut f = Fixture::new();
    let id = f.app.selected_initiative().unwrap().id.clone();
    press(&mut f.app, "r");
    if !matches!(f.app.mode, Mode::Form(_)) {
        press(&mut f.app, "Enter"); // a pick list of its risks first: "new risk"
    }
    assert!(matches!(f.app.mode, Mode::Form(_)), "{:?}", f.app.mode);
    type_text(&mut f.app, "Vendor lock-in QQ7");
    let mut theirs = f.on_disk();
    theirs.initiatives.retain(|i| i.id != id);
    storage::save(&f.path, &theirs).unwrap();
    f.wait(2);
    press(&mut f.app, "Enter");
    assert!(
        matches!(f.app.mode, Mode::Form(_)),
        "the text is not dropped"
    );
    let draft = f.app.shutdown().expect("kept as a draft");
    assert!(
        draft
            .fields
            .iter()
            .any(|(_, text)| text == "Vendor lock-in QQ7"),
        "{draft:?}"
    );
}

#[test]
fn a_file_deleted_while_idle_is_kept_in_a_recovery_copy_when_nobody_decides() {
    let mut f = Fixture::new();
    let ours = f.app.roadmap.clone();
    std::fs::remove_file(&f.path).unwrap();
    f.wait(2);
    assert!(matches!(f.app.mode, Mode::Conflict));
    press(&mut f.app, "c"); // decide later
    press(&mut f.app, "q");
    let copy = f.saver.finish(&mut f.app).unwrap_err().unwrap();
    assert_eq!(storage::load(&copy).unwrap(), ours);
    assert!(
        !f.path.exists(),
        "the deleted file is not brought back unasked"
    );
}
