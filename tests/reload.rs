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
    f.tick(); // no time passes: the autosave is not due yet
    assert_eq!(f.on_disk(), theirs, "not written over yet");
    assert_eq!(
        f.siblings(".theirs-").len(),
        1,
        "kept aside before the autosave"
    );
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
    let copy = f.saver.keep_draft(&draft).unwrap().unwrap();
    assert_eq!(copy.parent(), f.path.parent(), "beside the roadmap");
    assert!(
        std::fs::read_to_string(&copy)
            .unwrap()
            .contains("Vendor lock-in QQ7")
    );
}

#[test]
fn a_reopened_draft_puts_back_only_what_was_typed_over_changes_made_since() {
    let mut f = Fixture::new();
    let id = f.app.selected_initiative().unwrap().id.clone();
    press(&mut f.app, "e Tab End");
    type_text(&mut f.app, " and more");
    press(&mut f.app, "Tab Tab Tab End"); // the target
    type_text(&mut f.app, "x"); // not a date: the form is not valid
    let draft = f.app.shutdown().expect("not valid: a draft");
    let labels: Vec<&str> = draft.fields.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, ["Summary", "Target"], "only what was typed");
    // Meanwhile a colleague gives the initiative another owner.
    let mut theirs = f.on_disk();
    let them = theirs.initiatives.iter_mut().find(|i| i.id == id).unwrap();
    them.it_owner = "Changed Elsewhere".into();
    storage::save(&f.path, &theirs).unwrap();
    f.wait(2);
    assert!(f.app.reopen_draft(&draft));
    press(&mut f.app, "Tab Tab Tab Tab End Backspace Enter");
    let now = f.app.roadmap.initiative(&id).unwrap();
    assert!(now.summary.ends_with(" and more"), "{}", now.summary);
    assert_eq!(now.it_owner, "Changed Elsewhere", "their change stays");
}

#[test]
fn a_deliverable_form_whose_deliverable_is_gone_stays_open_and_touches_no_other() {
    use alignmap::app::Form;
    let mut f = Fixture::new();
    let (id, index) = f
        .app
        .roadmap
        .initiatives
        .iter()
        .find(|i| i.deliverables.len() >= 2)
        .map(|i| (i.id.clone(), i.deliverables.len() - 1))
        .unwrap();
    let initiative = f.app.roadmap.initiative(&id).unwrap().clone();
    f.app.mode = Mode::Form(Box::new(Form::deliverable(
        &initiative,
        Some(index),
        f.app.today,
    )));
    // Someone removes the last deliverable on disk; the app reloads under the form.
    let mut theirs = f.on_disk();
    let them = theirs.initiatives.iter_mut().find(|i| i.id == id).unwrap();
    them.deliverables.pop();
    storage::save(&f.path, &theirs).unwrap();
    f.wait(2);
    let before = f.app.roadmap.initiative(&id).unwrap().deliverables.clone();
    // Clearing the title would remove "deliverable {index}": now there is none.
    press(&mut f.app, "End");
    for _ in 0..80 {
        press(&mut f.app, "Backspace");
    }
    assert!(
        matches!(f.app.mode, Mode::Form(_)),
        "open after the reload: {:?}",
        f.app.mode
    );
    press(&mut f.app, "Enter");
    assert!(
        matches!(f.app.mode, Mode::Form(_)),
        "the form stays open: {:?} {:?}",
        f.app.mode,
        f.app.message
    );
    assert_eq!(
        f.app.roadmap.initiative(&id).unwrap().deliverables,
        before,
        "no other deliverable changed or removed"
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

#[test]
fn saving_a_form_over_a_version_reloaded_under_it_keeps_their_version_in_a_file() {
    let mut f = Fixture::new();
    let id = f.app.selected_initiative().unwrap().id.clone();
    press(&mut f.app, "e End");
    type_text(&mut f.app, " MINE");
    // A colleague renames the same initiative in the file meanwhile.
    let mut theirs = f.on_disk();
    let them = theirs.initiatives.iter_mut().find(|i| i.id == id).unwrap();
    them.title = "COLLEAGUE TITLE".into();
    storage::save(&f.path, &theirs).unwrap();
    f.wait(2);
    assert!(matches!(f.app.mode, Mode::Form(_)), "the form stays open");
    assert!(
        status(&f.app).contains("keeps a copy of their version"),
        "{}",
        status(&f.app)
    );
    press(&mut f.app, "Enter");
    f.wait(2);
    let mine = f.on_disk();
    assert!(mine.initiative(&id).unwrap().title.ends_with(" MINE"));
    let kept = f.siblings(".theirs-");
    assert_eq!(kept.len(), 1, "{kept:?}");
    let kept = storage::load(&kept[0]).unwrap();
    assert_eq!(kept.initiative(&id).unwrap().title, "COLLEAGUE TITLE");
    assert!(
        status(&f.app).contains("kept in roadmap.theirs-"),
        "{}",
        status(&f.app)
    );
}
