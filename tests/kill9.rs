//! Crash safety under `kill -9`: a process saving two different roadmaps in a loop is killed
//! at 200+ random moments; after each kill the file parses and holds one state or the other,
//! and the next writer sweeps the stray temp files.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::storage;
use std::time::Duration;

const KILLS: u64 = 220;

#[test]
fn the_file_survives_kill_9_at_any_moment_as_the_old_or_the_new_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut seen = [0usize; 2];
    let mut swept = 0;
    for _ in 0..KILLS {
        // Wait until it has saved once, then let it run a pseudo-random 0-7 ms more.
        let mut child = common::spawn_dev_tool(&path, "save-loop");
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(seed % 7_000));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let roadmap =
            storage::load(&path).unwrap_or_else(|e| panic!("unreadable after a kill: {e}"));
        match roadmap.name.as_str() {
            "A" => seen[0] += 1,
            "B" => seen[1] += 1,
            other => panic!("a state that was never saved: {other}"),
        }
        let strays = std::fs::read_dir(dir.path()).unwrap().filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        });
        swept += strays.count();
    }
    // The next writer to open the file sweeps what the kills left.
    drop(alignmap::session::open_file(path.clone()).unwrap());
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut left = left;
    left.sort();
    assert_eq!(
        left,
        ["roadmap.lock", "roadmap.ron"],
        "no temp files after the next open"
    );
    assert!(
        seen[0] > 0 && seen[1] > 0,
        "both states were caught: {seen:?}"
    );
    eprintln!("{KILLS} kills: {seen:?} (A, B); {swept} stray temp files seen");
}
