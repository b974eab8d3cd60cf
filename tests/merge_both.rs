//! A change on disk (a `git pull`) while this session has unsaved edits: `b` merges both
//! versions by item and field, with the file as this session last saw it as the common
//! version, so neither person's work is lost (found trying two clones: "keep mine" wrote
//! back over a teammate's pulled change to another card).
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::app::Mode;
use alignmap::domain::Status;
use common::files::Fixture;
use common::press;

/// This session marks the selected card done; someone else changes `other` on disk.
fn both_changed(f: &mut Fixture, theirs_edit: impl FnOnce(&mut alignmap::domain::Roadmap)) {
    press(&mut f.app, "x");
    let mut theirs = f.on_disk();
    theirs_edit(&mut theirs);
    alignmap::storage::save(&f.path, &theirs).unwrap();
    f.wait(2);
    assert!(matches!(f.app.mode, Mode::Conflict), "{:?}", f.app.mode);
}

#[test]
fn merging_both_keeps_my_unsaved_edit_and_their_change_to_another_card() {
    let mut f = Fixture::new();
    let mine = f.app.selected_initiative().unwrap().id.clone();
    let other = f
        .app
        .roadmap
        .initiatives
        .iter()
        .find(|i| i.id != mine)
        .unwrap()
        .id
        .clone();
    let other_id = other.clone();
    both_changed(&mut f, move |r| {
        r.initiative_mut(&other_id).unwrap().title = "Renamed in the pull".into();
    });
    press(&mut f.app, "b");
    f.wait(2);
    let on_disk = f.on_disk();
    assert_eq!(
        on_disk.initiative(&mine).unwrap().status,
        Status::Done,
        "mine"
    );
    assert_eq!(
        on_disk.initiative(&other).unwrap().title,
        "Renamed in the pull",
        "theirs"
    );
    assert!(on_disk.conflicts.is_empty());
    assert_eq!(f.app.session.unsaved, 0, "saved");
    assert!(f.app.session.disk_change.is_none());
    assert_eq!(f.siblings(".theirs-").len(), 1, "theirs kept aside first");
    let said = &f.app.message.as_ref().unwrap().1;
    assert!(
        said.starts_with("Merged theirs and yours by item"),
        "{said}"
    );
    // One undo gives back mine as it was before the merge.
    press(&mut f.app, "u");
    assert_eq!(
        f.app.roadmap.initiative(&other).unwrap().title,
        f.app
            .session
            .session_start
            .initiative(&other)
            .unwrap()
            .title
    );
}

#[test]
fn a_field_both_changed_is_listed_and_settled_with_one_key() {
    let mut f = Fixture::new();
    let card = f.app.selected_initiative().unwrap().id.clone();
    let id = card.clone();
    both_changed(&mut f, move |r| {
        r.initiative_mut(&id).unwrap().status = Status::Blocked;
    });
    press(&mut f.app, "b");
    f.wait(2);
    assert!(
        matches!(f.app.mode, Mode::Merged { selected: 0 }),
        "{:?}",
        f.app.mode
    );
    assert_eq!(
        f.on_disk().conflicts.len(),
        1,
        "the conflict is saved in the file meanwhile"
    );
    press(&mut f.app, "t");
    f.wait(2);
    let on_disk = f.on_disk();
    assert_eq!(on_disk.initiative(&card).unwrap().status, Status::Blocked);
    assert!(on_disk.conflicts.is_empty());
}
