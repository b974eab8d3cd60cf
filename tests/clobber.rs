//! No path clobbers a file it should not: symlinked roadmaps keep their link for every
//! command, a write-protected or newer roadmap is left alone, exports never replace a
//! roadmap or a special file, and nothing but a regular file is ever read as one.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::storage::{self, LoadError};
use predicates::prelude::*;
use std::path::Path;
use std::time::{Duration, Instant};

fn alignmap(dir: &Path) -> assert_cmd::Command {
    common::cli_in(dir)
}

fn sample() -> alignmap::domain::Roadmap {
    alignmap::sample::sample(common::date(common::TODAY), common::now()).unwrap()
}

fn mkfifo(path: &Path) {
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        path,
        rustix::fs::Mode::from_raw_mode(0o600),
    )
    .unwrap();
}

#[test]
fn import_and_restore_through_a_symlink_write_the_real_file_and_keep_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("repo");
    std::fs::create_dir(&real_dir).unwrap();
    let real = real_dir.join("roadmap.ron");
    storage::save(&real, &sample()).unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let link = data.join("roadmap.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    // The planner holds the real file's lock: import through the link must see it.
    let lock = match storage::try_lock(&real, "a planner").unwrap() {
        storage::Locking::Acquired(lock) => lock,
        storage::Locking::HeldBy(who) => panic!("held by {who}"),
    };
    let csv = dir.path().join("in.csv");
    std::fs::write(&csv, "title,horizon\nThrough the link,next month\n").unwrap();
    alignmap(&data)
        .arg("import")
        .arg(&csv)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is open in a planner"));
    drop(lock);
    alignmap(&data).arg("import").arg(&csv).assert().success();
    assert!(link.is_symlink(), "the link is still a link");
    assert!(
        storage::load(&real)
            .unwrap()
            .initiatives
            .iter()
            .any(|i| i.title == "Through the link"),
        "the real file has the import"
    );
    assert!(
        !data.join("roadmap.lock").exists(),
        "one lock, beside the real file"
    );
    alignmap(&data).args(["restore", "1"]).assert().success();
    assert!(link.is_symlink(), "restore keeps the link too");
    assert_eq!(
        storage::load(&real).unwrap(),
        sample().in_file_order(),
        "the backup is back"
    );
}

#[test]
fn a_write_protected_roadmap_opens_read_only_and_commands_refuse_to_change_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    storage::save(&path, &sample()).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let session = alignmap::session::open_file(path.clone()).unwrap();
    assert!(session.lock.is_none());
    assert!(
        session
            .read_only
            .as_deref()
            .unwrap()
            .contains("write-protected"),
        "{:?}",
        session.read_only
    );
    drop(session);
    let csv = dir.path().join("in.csv");
    std::fs::write(&csv, "title,horizon\nx,now\n").unwrap();
    alignmap(dir.path())
        .arg("import")
        .arg(&csv)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("write-protected"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_newer_roadmap_is_called_newer_not_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    std::fs::copy("tests/fixtures/invalid/future_version.ron", &path).unwrap();
    let Err(err) = alignmap::session::open_file(path.clone()) else {
        panic!("a newer file must not open for writing")
    };
    let err = err.to_string();
    assert!(err.contains("made by a newer alignmap"), "{err}");
    assert!(err.contains("upgrade alignmap"), "{err}");
    assert!(!err.contains("text editor"), "no advice to edit it: {err}");
}

#[test]
fn check_reports_the_schema_version_on_disk_and_that_it_will_be_migrated() {
    let dir = tempfile::tempdir().unwrap();
    for (file, said) in [
        (
            "v1.ron",
            "schema version 1 (read as 5: the next save migrates it)",
        ),
        (
            "v2.ron",
            "schema version 2 (read as 5: the next save migrates it)",
        ),
        (
            "v3.ron",
            "schema version 3 (read as 5: the next save migrates it)",
        ),
        (
            "v4.ron",
            "schema version 4 (read as 5: the next save migrates it)",
        ),
    ] {
        alignmap(dir.path())
            .arg("check")
            .arg(
                Path::new("tests/fixtures/versions")
                    .join(file)
                    .canonicalize()
                    .unwrap(),
            )
            .assert()
            .success()
            .stdout(predicate::str::contains(said));
    }
    // The v5 fixture holds a merge conflict: valid, but check fails until it is settled.
    alignmap(dir.path())
        .arg("check")
        .arg(
            Path::new("tests/fixtures/versions/v5.ron")
                .canonicalize()
                .unwrap(),
        )
        .assert()
        .code(1)
        .stderr(predicate::str::contains("schema version 5,"))
        .stderr(predicate::str::contains(
            "1 conflict waiting from a merge: open it in alignmap to pick a side for each",
        ));
}

#[test]
fn a_byte_order_mark_is_accepted_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    let text = storage::to_ron(&sample()).unwrap();
    std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    let roadmap = storage::load(&path).unwrap();
    assert_eq!(roadmap, sample().in_file_order());
    storage::save(&path, &roadmap).unwrap();
    assert!(!std::fs::read(&path).unwrap().starts_with(b"\xef\xbb\xbf"));
}

#[test]
fn fifos_and_devices_are_refused_before_they_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    mkfifo(&fifo);
    let start = Instant::now();
    for special in [
        fifo.as_path(),
        Path::new("/dev/null"),
        Path::new("/dev/zero"),
    ] {
        let err = storage::load(special).unwrap_err();
        assert!(
            matches!(&err, LoadError::Io { .. }) && err.to_string().contains("not a regular file"),
            "{err}"
        );
        alignmap(dir.path())
            .arg("check")
            .arg(special)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("not a regular file"));
        alignmap(dir.path())
            .arg("import")
            .arg(special)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("not a regular file"));
    }
    let opened = alignmap::session::open_file(Path::new("/dev/zero").to_path_buf());
    assert!(opened.is_err());
    assert!(
        !Path::new("/dev/zero.lock").exists(),
        "no lock beside a device"
    );
    assert!(start.elapsed() < Duration::from_secs(15), "nothing blocked");
}

#[test]
fn export_never_replaces_a_roadmap_and_streams_into_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    storage::save(&path, &sample()).unwrap();
    let before = std::fs::read(&path).unwrap();
    alignmap(dir.path())
        .args(["export", "--format", "json", "--force", "--out"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the roadmap being exported"));
    let other = dir.path().join("roadmap-copy.txt"); // reads as a roadmap, whatever its name
    storage::save(&other, &sample()).unwrap();
    alignmap(dir.path())
        .args(["export", "--format", "json", "--force", "--out"])
        .arg(&other)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is an alignmap roadmap"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let draft = dir.path().join("roadmap.draft-20261201-185000.ron");
    std::fs::write(&draft, "Draft(not a roadmap)").unwrap();
    alignmap(dir.path())
        .args(["export", "--format", "json", "--force", "--out"])
        .arg(&draft)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("exports never replace one"));
    assert_eq!(
        std::fs::read_to_string(&draft).unwrap(),
        "Draft(not a roadmap)"
    );
    // A FIFO gets the export streamed in and stays a FIFO.
    let fifo = dir.path().join("out.fifo");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    alignmap(dir.path())
        .args(["export", "--format", "md", "--out"])
        .arg(&fifo)
        .assert()
        .success();
    assert!(reader.join().unwrap().contains("Northwind"));
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    // A link's target is written; the link stays.
    let target = dir.path().join("target.md");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    alignmap(dir.path())
        .args(["export", "--format", "md", "--force", "--out"])
        .arg(&link)
        .assert()
        .success();
    assert!(link.is_symlink());
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("Northwind")
    );
}

#[test]
fn a_read_only_session_exports_beside_the_roadmap_and_never_writes_it() {
    use alignmap::app::{Effect, Source};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    storage::save(&path, &sample()).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut app = common::app_with(sample(), common::TODAY);
    app.session.source = Source::File(path.clone());
    app.session.read_only = Some("roadmap.ron is open in another alignmap".into());
    let mut saver = alignmap::runtime::saver::Saver::new(&app, None);
    app.effects
        .push(Effect::Export(alignmap::export::Format::Markdown));
    saver.tick(&mut app, Instant::now());
    let written: Vec<_> = std::fs::read_dir(dir.path().join("exports"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(app.message.unwrap().1.starts_with("Wrote the md export"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

fn take_lock(path: &Path, who: &str) -> storage::Lock {
    match storage::try_lock(path, who).unwrap() {
        storage::Locking::Acquired(lock) => lock,
        storage::Locking::HeldBy(holder) => panic!("held by {holder}"),
    }
}

#[test]
fn a_deleted_lock_file_is_taken_again_and_lost_to_a_second_writer_stops_saving() {
    use alignmap::runtime::saver::Saver;
    let mut f = common::files::Fixture::new();
    let lock_file = storage::lock_path(&f.path);
    f.saver = Saver::new(&f.app, None).with_lock(Some(take_lock(&f.path, "pid 1")));
    // Deleted, nobody else there: the writer locks a new file and carries on.
    std::fs::remove_file(&lock_file).unwrap();
    f.wait(2);
    assert!(lock_file.exists(), "locked again");
    assert!(f.app.session.read_only.is_none());
    assert!(matches!(
        storage::try_lock(&f.path, "pid 2").unwrap(),
        storage::Locking::HeldBy(_)
    ));
    // Deleted again, and a second alignmap locks the new file first.
    std::fs::remove_file(&lock_file).unwrap();
    let _second = take_lock(&f.path, "pid 2 on another laptop");
    let before = std::fs::read(&f.path).unwrap();
    common::press(&mut f.app, "x");
    f.wait(3);
    assert!(
        f.app
            .session
            .read_only
            .as_deref()
            .unwrap()
            .contains("pid 2 on another laptop"),
        "{:?}",
        f.app.session.read_only
    );
    assert_eq!(std::fs::read(&f.path).unwrap(), before, "no second writer");
    let copy = f.saver.finish(&mut f.app).unwrap_err().unwrap();
    assert_eq!(
        storage::load(&copy).unwrap(),
        f.app.roadmap,
        "the edit survives"
    );
}

#[test]
fn a_roadmap_with_a_hard_link_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    storage::save(&path, &sample()).unwrap();
    std::fs::hard_link(&path, dir.path().join("other-name.ron")).unwrap();
    for name in ["roadmap.ron", "other-name.ron"] {
        let session = alignmap::session::open_file(dir.path().join(name)).unwrap();
        assert!(session.lock.is_none(), "{name}");
        assert!(
            session.read_only.as_deref().unwrap().contains("hard link"),
            "{:?}",
            session.read_only
        );
    }
}
