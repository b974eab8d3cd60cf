//! The saver against real files: autosave, backups, changes made on disk by others (reload,
//! conflict, keep mine, take theirs), and recovery copies. No terminal involved.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::app::{App, Clock, Mode, SaveState, Source};
use alignmap::domain::{IdGen, Roadmap};
use alignmap::runtime::saver::Saver;
use alignmap::storage::{self, Opened, backup};
use common::files::Fixture;
use common::{TODAY, date, now, press};
use std::time::{Duration, Instant};

#[test]
fn the_autosave_runs_beside_the_input_and_edits_made_meanwhile_are_saved_next() {
    let mut f = Fixture::new();
    press(&mut f.app, "x");
    f.wait(0);
    f.clock += Duration::from_secs(1);
    // Due: the save starts on its own thread and the tick returns without waiting for it.
    f.saver.tick(&mut f.app, f.clock);
    let first = f.app.roadmap.clone();
    press(&mut f.app, "j x");
    assert_ne!(
        f.app.roadmap, first,
        "a second edit while the first is being written"
    );
    f.saver.settle(&mut f.app, f.clock);
    assert_eq!(
        f.on_disk(),
        first,
        "the save wrote the roadmap as it was when it started"
    );
    assert!(matches!(f.app.session.save, SaveState::Saved(_)));
    assert_eq!(
        f.app.session.unsaved, 1,
        "the edit made meanwhile is not on disk yet"
    );
    f.wait(2);
    assert_eq!(f.app.session.unsaved, 0);
    assert_eq!(f.on_disk(), f.app.roadmap);
}

#[test]
fn edits_are_written_within_about_a_second_after_a_backup_of_the_loaded_file() {
    let mut f = Fixture::new();
    let loaded = std::fs::read(&f.path).unwrap();
    press(&mut f.app, "x");
    f.wait(0);
    assert_eq!(f.app.session.unsaved, 1, "debounced: not written at once");
    f.wait(1);
    assert_eq!(f.app.session.unsaved, 0);
    assert!(matches!(f.app.session.save, SaveState::Saved(_)));
    assert_eq!(f.on_disk(), f.app.roadmap);
    let backups = backup::list(&f.path).unwrap();
    assert_eq!(
        backups.len(),
        1,
        "the file as loaded is backed up before the first save"
    );
    assert_eq!(std::fs::read(&backups[0].path).unwrap(), loaded);
    press(&mut f.app, "x");
    f.wait(2);
    assert_eq!(
        backup::list(&f.path).unwrap().len(),
        1,
        "no second backup within 10 minutes"
    );
}

#[test]
fn a_change_on_disk_is_reloaded_when_nothing_is_unsaved() {
    let mut f = Fixture::new();
    let theirs = f.external_edit("Renamed in a text editor");
    f.wait(2);
    assert_eq!(f.app.roadmap, theirs);
    assert!(
        f.app
            .message
            .as_ref()
            .unwrap()
            .1
            .starts_with("Reloaded roadmap.ron")
    );
    assert_eq!(
        f.app.session.unsaved, 0,
        "a reload leaves nothing to write back"
    );
}

#[test]
fn a_change_on_disk_with_unsaved_edits_asks_and_writes_nothing() {
    let mut f = Fixture::new();
    press(&mut f.app, "x");
    let theirs = f.external_edit("Pulled from git");
    f.wait(3);
    assert!(matches!(f.app.mode, Mode::Conflict));
    assert_eq!(f.on_disk(), theirs, "their version is not clobbered");
    assert_eq!(f.app.session.unsaved, 1, "mine is still in memory");
}

#[test]
fn keep_mine_saves_theirs_aside_then_writes_mine() {
    let mut f = Fixture::new();
    press(&mut f.app, "x");
    let theirs = f.external_edit("Pulled from git");
    f.wait(2);
    press(&mut f.app, "m");
    f.wait(1);
    let aside = f.siblings(".theirs-");
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(storage::load(&aside[0]).unwrap(), theirs);
    assert_eq!(f.on_disk(), f.app.roadmap);
    assert!(f.app.session.disk_change.is_none());
    assert!(
        f.app
            .message
            .as_ref()
            .unwrap()
            .1
            .contains("Their version is in roadmap.theirs-")
    );
}

#[test]
fn take_theirs_saves_mine_aside_and_loads_theirs() {
    let mut f = Fixture::new();
    press(&mut f.app, "x");
    let mine = f.app.roadmap.clone();
    let theirs = f.external_edit("Pulled from git");
    f.wait(2);
    press(&mut f.app, "t");
    f.wait(1);
    let aside = f.siblings(".mine-");
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(storage::load(&aside[0]).unwrap(), mine);
    assert_eq!(f.app.roadmap, theirs);
    assert_eq!(f.on_disk(), theirs);
    assert_eq!(f.app.session.unsaved, 0);
    f.wait(3);
    assert_eq!(f.on_disk(), theirs, "the following autosaves keep theirs");
    press(&mut f.app, "u");
    assert_eq!(f.app.roadmap, mine, "taking theirs is undoable");
    f.wait(3);
    assert_eq!(f.on_disk(), mine, "the undo is saved");
    let kept = f.siblings(".theirs-");
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(
        storage::load(&kept[0]).unwrap(),
        theirs,
        "theirs survives the undo"
    );
}

#[test]
fn decide_later_keeps_the_file_untouched_and_changes_reopen_the_question() {
    let mut f = Fixture::new();
    press(&mut f.app, "x");
    let theirs = f.external_edit("Pulled from git");
    f.wait(2);
    press(&mut f.app, "c");
    assert!(matches!(f.app.mode, Mode::Browse));
    f.wait(5);
    assert_eq!(f.on_disk(), theirs);
    press(&mut f.app, "L");
    assert!(
        matches!(f.app.mode, Mode::Conflict),
        "read-only until decided"
    );
}

#[test]
fn a_same_size_rewrite_that_keeps_the_timestamp_is_still_caught_before_saving() {
    let mut f = Fixture::new();
    let original = std::fs::read(&f.path).unwrap();
    let modified = std::fs::metadata(&f.path).unwrap().modified().unwrap();
    // Same length, same inode, same mtime: only the content differs.
    let mut forged = original.clone();
    let at = forged.windows(9).position(|w| w == b"Northwind").unwrap();
    forged[at..at + 9].copy_from_slice(b"Southwind");
    std::fs::write(&f.path, &forged).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&f.path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    press(&mut f.app, "x");
    f.wait(3);
    assert!(
        matches!(f.app.mode, Mode::Conflict),
        "the content hash decides, not the mtime"
    );
    assert_eq!(std::fs::read(&f.path).unwrap(), forged);
}

#[test]
fn an_unreadable_change_on_disk_cannot_be_taken_but_can_be_kept_aside() {
    let mut f = Fixture::new();
    press(&mut f.app, "x");
    std::fs::write(&f.path, "Roadmap(half a save").unwrap();
    f.wait(2);
    assert!(matches!(f.app.mode, Mode::Conflict));
    press(&mut f.app, "t");
    assert!(
        f.app
            .message
            .as_ref()
            .unwrap()
            .1
            .starts_with("Their version cannot be read")
    );
    press(&mut f.app, "m");
    f.wait(1);
    let aside = f.siblings(".theirs-");
    assert_eq!(
        std::fs::read_to_string(&aside[0]).unwrap(),
        "Roadmap(half a save"
    );
    assert_eq!(f.on_disk(), f.app.roadmap);
}

#[test]
fn ending_with_an_undecided_change_writes_a_recovery_copy_beside_the_file() {
    let mut f = Fixture::new();
    press(&mut f.app, "x");
    let theirs = f.external_edit("Pulled from git");
    f.wait(2);
    let copy = f.saver.finish(&mut f.app).unwrap_err().unwrap();
    assert_eq!(copy.parent(), f.path.parent());
    assert!(
        copy.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("roadmap.recovery-")
    );
    assert_eq!(storage::load(&copy).unwrap(), f.app.roadmap);
    assert_eq!(f.on_disk(), theirs);
}

#[test]
fn a_failed_save_keeps_the_edits_and_the_old_file_and_ends_in_a_recovery_copy() {
    // A name so long that the temp file beside it cannot be created (ENAMETOOLONG): the
    // file reads fine, every write fails, as on a full disk.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{}.ron", "r".repeat(240)));
    storage::save(&path, &common::sample_app().roadmap).unwrap_or_else(|_| {
        std::fs::write(
            &path,
            storage::to_ron(&common::sample_app().roadmap).unwrap(),
        )
        .unwrap()
    });
    let before = std::fs::read(&path).unwrap();
    let Opened::Loaded(roadmap, known) = storage::open_or_create(&path, "x").unwrap() else {
        panic!("the file exists")
    };
    let clock = Clock::fixed(date(TODAY), now());
    let mut app = App::builder(roadmap, clock)
        .source(Source::File(path.clone()))
        .ids(IdGen::with_seed(3))
        .build();
    // The recovery copy cannot go beside a name that long: it goes to the state directory.
    let state = tempfile::tempdir().unwrap();
    let mut saver = Saver::new(&app, Some(known)).with_state_dir(state.path());
    press(&mut app, "x");
    let start = Instant::now();
    for n in 0..40 {
        saver.tick(&mut app, start + Duration::from_millis(250 * n));
        saver.settle(&mut app, start + Duration::from_millis(250 * n));
    }
    let SaveState::Failed(why) = &app.session.save else {
        panic!("{:?}", app.session.save)
    };
    assert!(why.contains("create a temp file in"), "{why}");
    assert_eq!(app.session.unsaved, 1, "the edit is kept in memory");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the old file is byte-identical"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(
        leftovers.len(),
        2,
        "the file and its backups folder, no temp litter"
    );
    let copy = saver.finish(&mut app).unwrap_err().unwrap();
    assert_eq!(
        storage::load(&copy).unwrap(),
        app.roadmap,
        "the edits survive in {copy:?}"
    );
    assert!(
        copy.starts_with(state.path()),
        "in the state directory: {copy:?}"
    );
}

#[test]
fn a_file_deleted_on_disk_is_asked_about_and_keep_mine_writes_it_again() {
    let mut f = Fixture::new();
    press(&mut f.app, "x");
    std::fs::remove_file(&f.path).unwrap();
    f.wait(2);
    assert!(matches!(f.app.mode, Mode::Conflict));
    press(&mut f.app, "m");
    f.wait(1);
    assert_eq!(f.on_disk(), f.app.roadmap);
}

#[test]
fn the_demo_and_read_only_sessions_never_write() {
    let f = Fixture::new();
    let before = std::fs::read(&f.path).unwrap();
    let mut app = common::app_with(Roadmap::new("x"), TODAY);
    app.session.source = Source::File(f.path.clone());
    app.session.read_only = Some("open elsewhere".into());
    let mut saver = Saver::new(&app, None);
    app.session.unsaved = 3;
    assert!(saver.save(&mut app, Instant::now()));
    assert_eq!(std::fs::read(&f.path).unwrap(), before);
    assert!(saver.path().is_none());
}

#[test]
fn the_backups_view_lists_backups_and_restores_one_as_an_undoable_change() {
    let mut f = Fixture::new();
    let original = f.app.roadmap.clone();
    press(&mut f.app, "x");
    f.wait(2); // first save: the loaded file goes to backups/
    let edited = f.app.roadmap.clone();
    press(&mut f.app, "B");
    f.wait(0);
    let Mode::Backups { rows, .. } = &f.app.mode else {
        panic!("{:?}", f.app.mode)
    };
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].holds.as_deref(), Ok("6 goals, 18 initiatives"));
    press(&mut f.app, "Enter");
    f.wait(2);
    assert_eq!(f.app.roadmap, original, "the backup is back");
    assert_eq!(f.on_disk(), original, "and saved");
    let newest = &backup::list(&f.path).unwrap()[0];
    assert_eq!(
        storage::load(&newest.path).unwrap(),
        edited,
        "the replaced version was backed up first"
    );
    press(&mut f.app, "u");
    assert_eq!(f.app.roadmap, edited, "restoring is undoable");
}

#[test]
fn the_theme_is_remembered_in_config_ron_without_touching_other_settings() {
    let mut f = Fixture::new();
    let config = f.path.with_file_name("config.ron");
    f.app.settings.config_path = Some(config.clone());
    press(&mut f.app, "t");
    f.wait(0);
    let saved = alignmap::storage::config::load(&config).unwrap();
    assert_eq!(saved.theme, Some(alignmap::domain::prefs::ThemeName::Light));
    std::fs::write(&config, "(theme: Some(\"nope\"))").unwrap();
    press(&mut f.app, "t");
    f.wait(0);
    assert!(
        f.app
            .message
            .as_ref()
            .unwrap()
            .1
            .starts_with("Theme not remembered")
    );
    assert_eq!(
        std::fs::read_to_string(&config).unwrap(),
        "(theme: Some(\"nope\"))",
        "not overwritten"
    );
}

#[test]
fn take_theirs_takes_the_version_on_disk_now_not_the_one_first_seen() {
    let mut f = Fixture::new();
    press(&mut f.app, "x");
    f.external_edit("First outside change");
    f.wait(2);
    assert!(matches!(f.app.mode, Mode::Conflict));
    let latest = f.external_edit("Second outside change");
    press(&mut f.app, "t");
    f.wait(1);
    assert_eq!(f.app.roadmap, latest);
    press(&mut f.app, "x");
    f.wait(2);
    assert_eq!(
        f.on_disk().name,
        "Second outside change",
        "saved on top of the latest, not over it"
    );
}

#[test]
fn the_emergency_save_writes_the_file_only_when_it_is_safe() {
    use alignmap::runtime::saver::emergency_save;
    // Safe: nothing changed on disk, so the pending edit goes into the file.
    let mut f = Fixture::new();
    press(&mut f.app, "x");
    f.wait(0);
    emergency_save(&f.saver.shared(), Some(&f.path));
    assert_eq!(f.on_disk(), f.app.roadmap);
    assert_eq!(
        backup::list(&f.path).unwrap().len(),
        1,
        "the file as loaded was backed up first"
    );
    // Unsafe: someone else changed the file; the edit goes to a recovery copy.
    let mut f = Fixture::new();
    press(&mut f.app, "x");
    f.wait(0);
    let theirs = f.external_edit("Changed by a colleague");
    emergency_save(&f.saver.shared(), Some(&f.path));
    assert_eq!(f.on_disk(), theirs, "never clobbered");
    let copies = f.siblings(".recovery-");
    assert_eq!(storage::load(&copies[0]).unwrap(), f.app.roadmap);
    // Unsafe: an undecided conflict; also a recovery copy.
    let mut f = Fixture::new();
    press(&mut f.app, "x");
    f.external_edit("Pulled");
    f.wait(2);
    assert!(matches!(f.app.mode, Mode::Conflict));
    emergency_save(&f.saver.shared(), Some(&f.path));
    assert_eq!(f.on_disk().name, "Pulled");
    assert_eq!(f.siblings(".recovery-").len(), 1);
}

#[test]
fn a_read_only_session_follows_the_writers_saves_and_never_writes() {
    let mut f = Fixture::new();
    f.app.session.read_only = Some("roadmap.ron is open in alignmap pid 1".into());
    f.saver = Saver::new(&f.app, None);
    let theirs = f.external_edit("Saved by the writer");
    f.wait(2);
    assert_eq!(
        f.app.roadmap, theirs,
        "the viewer shows the writer's latest save"
    );
    std::fs::write(&f.path, "Roadmap(half").unwrap();
    f.wait(2);
    assert!(
        matches!(f.app.mode, Mode::Browse),
        "no question a viewer could not act on"
    );
    assert_eq!(
        f.app.roadmap, theirs,
        "the last readable version stays on screen"
    );
    assert_eq!(
        std::fs::read_to_string(&f.path).unwrap(),
        "Roadmap(half",
        "never written"
    );
}

#[test]
fn the_first_save_waits_for_the_backup_of_the_file_as_loaded() {
    let mut f = Fixture::new();
    // A file where the backups folder should be: no backup can be taken.
    std::fs::write(f.path.with_file_name("backups"), "in the way").unwrap();
    let before = std::fs::read(&f.path).unwrap();
    press(&mut f.app, "x");
    f.wait(2);
    let SaveState::Failed(why) = &f.app.session.save else {
        panic!("{:?}", f.app.session.save)
    };
    assert!(
        why.starts_with("not saved until the file as loaded is backed up"),
        "{why}"
    );
    assert_eq!(std::fs::read(&f.path).unwrap(), before);
    std::fs::remove_file(f.path.with_file_name("backups")).unwrap();
    f.wait(6);
    assert_eq!(
        f.on_disk(),
        f.app.roadmap,
        "saved once the backup could be taken"
    );
    assert_eq!(backup::list(&f.path).unwrap().len(), 1);
}
