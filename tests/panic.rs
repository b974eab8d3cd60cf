//! A panic never loses committed edits: they go to a recovery copy beside the file, never
//! over it. (Its own test binary: a panic hook is process-wide.)
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::app::Source;
use alignmap::runtime::{install_panic_recovery, saver::Saver};
use alignmap::storage;
use std::time::Instant;

#[test]
fn a_panic_writes_unsaved_edits_to_a_recovery_copy_beside_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    let mut app = common::sample_app();
    storage::save(&path, &app.roadmap).unwrap();
    let before = std::fs::read(&path).unwrap();
    app.source = Source::File(path.clone());
    let mut saver = Saver::new(&app, None);
    common::press(&mut app, "x");
    saver.tick(&mut app, Instant::now()); // publishes the edit; not yet due for saving
    assert_eq!(app.unsaved, 1);
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
    assert_eq!(storage::load(&copies[0]).unwrap(), app.roadmap);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "never over the main file"
    );
}
