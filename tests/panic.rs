//! A panic never loses committed edits: they go to a recovery copy beside the file, never
//! over it; and the hook chain the planner installs (write the recovery copy, then restore
//! the terminal quietly and print the message, then say where the copy is) survives a
//! terminal that is not there: no second panic, no abort. (Its own test binary: a panic hook is process-wide.)
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::app::Source;
use alignmap::runtime::{install_panic_recovery, saver::Saver, terminal};
use alignmap::storage;
use std::time::Instant;

#[test]
fn a_panic_writes_unsaved_edits_to_a_recovery_copy_beside_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    let mut app = common::sample_app();
    storage::save(&path, &app.roadmap).unwrap();
    let before = std::fs::read(&path).unwrap();
    app.session.source = Source::File(path.clone());
    let mut saver = Saver::new(&app, None);
    common::press(&mut app, "x");
    saver.tick(&mut app, Instant::now()); // publishes the edit; not yet due for saving
    assert_eq!(app.session.unsaved, 1);
    // The chain as `runtime::run` builds it.
    terminal::install_restore_hook();
    install_panic_recovery(&saver);
    let result = std::panic::catch_unwind(|| panic!("a bug"));
    assert!(result.is_err());
    let copies: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("roadmap.recovery-")
        })
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(
        storage::load(&copies[0]).unwrap(),
        app.roadmap.in_file_order()
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "never over the main file"
    );
}

/// Set in the child process of the next test: the directory to work in.
const CHILD: &str = "ALIGNMAP_PANIC_TEST_DIR";

#[test]
fn an_uncaught_panic_without_a_terminal_ends_as_a_panic_not_an_abort() {
    if let Some(dir) = std::env::var_os(CHILD) {
        // The child: the planner's hook chain, no terminal on any standard stream, and a
        // panic nobody catches.
        let path = std::path::Path::new(&dir).join("roadmap.ron");
        let mut app = common::sample_app();
        storage::save(&path, &app.roadmap).unwrap();
        app.session.source = Source::File(path.clone());
        let mut saver = Saver::new(&app, None);
        common::press(&mut app, "x");
        saver.tick(&mut app, Instant::now());
        assert!(!terminal::alive());
        terminal::install_restore_hook();
        install_panic_recovery(&saver);
        panic!("a bug with nobody at the terminal");
    }
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "an_uncaught_panic_without_a_terminal_ends_as_a_panic_not_an_abort",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, dir.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(output.status.signal(), None, "aborted: {output:?}");
    assert_ne!(
        output.status.code(),
        Some(0),
        "the child must have panicked"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("a bug with nobody at the terminal"),
        "{stderr}"
    );
    assert!(
        stderr.contains("your unsaved edits were written to"),
        "{stderr}"
    );
    let copies: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("roadmap.recovery-"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
}
