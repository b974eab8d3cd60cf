//! Opening a roadmap for editing: one writer per file; the second opens read-only.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::domain::business::GoalLink;
use alignmap::domain::{Goal, GoalId, Initiative, InitiativeId, Roadmap};
use alignmap::session::open_file;
use common::press;

/// This file's own roadmap: one goal, and two cards due today serving it (one selected on
/// the board, so every key below has something to act on), whatever the sample holds.
fn fixture() -> Roadmap {
    let mut roadmap = Roadmap::new("Session fixture");
    let mut goal = Goal::blank(GoalId("g-fixture1".into()));
    goal.code = "COST".into();
    goal.title = "Cut the cost of IT by 10%".into();
    roadmap.goals.push(goal);
    for (id, title) in [
        ("i-fixture1", "Retire the old CRM"),
        ("i-fixture2", "Move mail to the cloud"),
    ] {
        let mut initiative = Initiative::blank(InitiativeId(id.into()), common::now());
        initiative.title = title.into();
        initiative
            .serves
            .push(GoalLink::strong(GoalId("g-fixture1".into())));
        roadmap.initiatives.push(initiative);
    }
    roadmap
}

/// An app on [`fixture`] as of the shared test day.
fn fixture_app() -> alignmap::app::App {
    common::app_with(fixture(), common::TODAY)
}

#[test]
fn a_second_session_on_the_same_file_is_read_only_and_names_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    let first = open_file(path.clone()).unwrap();
    assert!(first.lock.is_some() && first.read_only.is_none());
    assert!(
        first
            .note
            .as_deref()
            .unwrap()
            .starts_with("Welcome! Created")
    );
    let second = open_file(path.clone()).unwrap();
    assert!(second.lock.is_none());
    let why = second.read_only.unwrap();
    assert!(
        why.starts_with("roadmap.ron is open in alignmap pid "),
        "{why}"
    );
    assert!(why.contains(&std::process::id().to_string()), "{why}");
    drop(first);
    let third = open_file(path).unwrap();
    assert!(
        third.read_only.is_none(),
        "the lock is free again once the first session ends"
    );
}

#[test]
fn a_read_only_app_refuses_every_change() {
    let mut app = fixture_app();
    app.session.read_only = Some("roadmap.ron is open in alignmap pid 1".into());
    let before = app.roadmap.clone();
    for keys in [
        "a", "A", "e", "L", "H", "J", "K", "x", "s", "d", "u", "C-r", "o", "Enter e", "Tab d",
    ] {
        press(&mut app, keys);
        press(&mut app, "Esc");
        assert_eq!(app.roadmap, before, "{keys} changed a read-only roadmap");
        assert!(
            matches!(app.mode, alignmap::app::Mode::Browse),
            "{keys} opened an overlay"
        );
        assert_eq!(app.session.unsaved, 0);
    }
    press(&mut app, "a");
    assert!(app.message.unwrap().1.starts_with("Read-only"));
}

/// Sets a file's modification time (to order two files without sleeping).
fn set_modified(path: &std::path::Path, at: std::time::SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(at)
        .unwrap();
}

#[test]
fn a_recovery_copy_newer_than_the_file_is_offered_and_then_moved_to_backups() {
    use alignmap::app::{App, Clock, Mode, Source};
    use alignmap::runtime::saver::Saver;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    let mut older = fixture();
    older.name = "On disk".into();
    alignmap::storage::save(&path, &older).unwrap();
    let mut newer = older.clone();
    newer.name = "Recovered".into();
    let copy = dir.path().join("roadmap.recovery-20261122-101500.ron");
    alignmap::storage::save(&copy, &newer).unwrap();
    // The copy is the newer file: its modification time says so (set, not slept for).
    set_modified(
        &path,
        std::time::SystemTime::now() - std::time::Duration::from_secs(60),
    );

    let session = open_file(path.clone()).unwrap();
    let (found, roadmap, written) = session.recovery.clone().unwrap();
    assert_eq!(found, copy);
    assert!(written.starts_with("on "), "{written}");
    let clock = Clock::fixed(common::date(common::TODAY), common::now());
    let ids = alignmap::domain::IdGen::with_seed(1);
    let mut app = App::builder(session.roadmap, clock)
        .source(Source::File(path.clone()))
        .ids(ids)
        .build();
    let mut saver = Saver::new(&app, session.known);
    app.offer_recovery(found, roadmap, &written);
    let Mode::Confirm(confirm) = &app.mode else {
        panic!("must ask")
    };
    assert!(
        confirm.details[1].starts_with("It holds 1 goal and 2 initiatives"),
        "{}",
        confirm.details[1]
    );
    press(&mut app, "y");
    assert_eq!(app.roadmap.name, "Recovered");
    saver.tick(&mut app, std::time::Instant::now());
    assert!(!copy.exists(), "no longer offered");
    assert!(
        dir.path()
            .join("backups/roadmap.recovery-20261122-101500.ron")
            .exists()
    );
    press(&mut app, "u");
    assert_eq!(app.roadmap.name, "On disk", "loading it is undoable");
    drop(session.lock);
    assert!(open_file(path).unwrap().recovery.is_none());
}

#[test]
fn a_recovery_copy_is_offered_even_when_the_file_is_newer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    let copy = dir.path().join("roadmap.recovery-20261122-101500.ron");
    alignmap::storage::save(&copy, &fixture()).unwrap();
    alignmap::storage::save(&path, &fixture()).unwrap(); // touched later, e.g. by a sync tool
    set_modified(
        &copy,
        std::time::SystemTime::now() - std::time::Duration::from_secs(60),
    );
    let (found, ..) = open_file(path).unwrap().recovery.unwrap();
    assert_eq!(found, copy);
}

#[test]
fn repairing_from_a_backup_copies_the_bad_file_aside_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    let good = fixture();
    alignmap::storage::save(&path, &good).unwrap();
    let when =
        chrono::NaiveDateTime::parse_from_str("2026-11-20 09:00:00", "%Y-%m-%d %H:%M:%S").unwrap();
    alignmap::storage::backup::take(&path, when).unwrap();
    std::fs::write(&path, "Roadmap(half").unwrap();
    let Err(alignmap::session::OpenError::Unreadable { lock, .. }) = open_file(path.clone()) else {
        panic!("a corrupt file must not open")
    };
    assert!(lock.is_some(), "the lock is kept for the repair");
    let (backup, _) = alignmap::storage::backup::newest_readable(&path).unwrap();
    let aside = alignmap::session::repair_from_backup(
        &path,
        &backup,
        common::date(common::TODAY).and_hms_opt(9, 0, 0).unwrap(),
    )
    .unwrap();
    assert_eq!(std::fs::read_to_string(&aside).unwrap(), "Roadmap(half");
    assert!(
        aside
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("roadmap.corrupt-")
    );
    assert_eq!(alignmap::storage::load(&path).unwrap(), good);
}

#[test]
fn a_backup_gone_before_the_repair_leaves_the_bad_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    alignmap::storage::save(&path, &fixture()).unwrap();
    let when = common::date(common::TODAY).and_hms_opt(8, 0, 0).unwrap();
    alignmap::storage::backup::take(&path, when).unwrap();
    let (backup, _) = alignmap::storage::backup::newest_readable(&path).unwrap();
    std::fs::remove_file(&backup.path).unwrap();
    std::fs::write(&path, "Roadmap(half").unwrap();
    let err = alignmap::session::repair_from_backup(&path, &backup, when).unwrap_err();
    assert!(
        matches!(err, alignmap::session::RepairError::Backup(_)),
        "{err:?}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "Roadmap(half");
}

#[test]
#[cfg(unix)]
fn a_symlinked_roadmap_stays_a_link_and_shares_one_lock() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.ron");
    alignmap::storage::save(&real, &fixture()).unwrap();
    let link = dir.path().join("roadmap.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let first = open_file(link.clone()).unwrap();
    assert_eq!(first.path, std::fs::canonicalize(&real).unwrap());
    assert!(
        open_file(real.clone()).unwrap().read_only.is_some(),
        "the link and the file share a lock"
    );
    alignmap::storage::save(&first.path, &first.roadmap).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "still a link"
    );
}

#[test]
fn a_recovery_copy_kept_in_the_state_dir_is_found_for_its_roadmap_only() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    let mut roadmap = fixture();
    roadmap.name = "Recovered from the state dir".into();
    let text = alignmap::storage::to_ron(&roadmap).unwrap();
    let at = common::date(common::TODAY).and_hms_opt(10, 15, 0).unwrap();
    // The roadmap's own directory is gone at exit, so the copy goes to the state dir.
    let gone = dir.path().join("moved-away/roadmap.ron");
    let copy = alignmap::storage::away::write(&gone, state.path(), "recovery", &text, at).unwrap();
    assert!(copy.starts_with(state.path()));
    let (found, loaded, _) = alignmap::session::find_recovery_in(&gone, state.path()).unwrap();
    assert_eq!((found, loaded.name), (copy, roadmap.name));
    assert!(
        alignmap::session::find_recovery_in(&path, state.path()).is_none(),
        "another roadmap with the same file name is not offered it"
    );
}
