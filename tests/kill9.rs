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
        ["roadmap.ron"],
        "no temp files (and no lock) after the next open"
    );
    assert!(
        seen[0] > 0 && seen[1] > 0,
        "both states were caught: {seen:?}"
    );
    eprintln!("{KILLS} kills: {seen:?} (A, B); {swept} stray temp files seen");
}

/// Temp files a save is writing (or a killed save left) beside `path`.
fn temp_files(path: &std::path::Path) -> usize {
    let prefix = format!(".{}.", path.file_name().unwrap().to_string_lossy());
    std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter(|e| {
            let name = e
                .as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .into_owned();
            name.starts_with(&prefix) && name.ends_with(".tmp")
        })
        .count()
}

fn done(path: &std::path::Path) -> usize {
    storage::load(path)
        .unwrap_or_else(|e| panic!("unreadable after a kill: {e}"))
        .initiatives
        .iter()
        .filter(|i| i.status == alignmap::domain::Status::Done)
        .count()
}

#[test]
fn the_planner_killed_during_its_own_saves_keeps_a_whole_file_and_sweeps_its_temp_files() {
    // The real binary on a terminal, editing through its own saver (debounce, the first
    // save's backup, the hash check, the save thread): each round marks a card done and is
    // killed -9, half the rounds the moment a save's temp file appears (mid-write), half at
    // a pseudo-random moment. A big roadmap makes each save take a while.
    let home = common::pty::Home::new();
    let today = common::date(common::TODAY);
    storage::save(
        &home.roadmap(),
        &alignmap::generate::roadmap(30, 1_500, 7, today),
    )
    .unwrap();
    let path = home.roadmap();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut caught_mid_write = 0;
    for round in 0..12 {
        let mut app = home.start(&[]);
        assert_eq!(
            temp_files(&path),
            0,
            "round {round}: the new writer swept them"
        );
        let before = done(&path);
        app.send(b"x");
        if round % 2 == 0 {
            let end = std::time::Instant::now() + Duration::from_secs(10);
            while temp_files(&path) == 0 && std::time::Instant::now() < end {
                std::thread::sleep(Duration::from_micros(200));
            }
        } else {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            std::thread::sleep(Duration::from_millis(seed % 1_500));
        }
        app.kill9();
        if temp_files(&path) > 0 {
            caught_mid_write += 1;
        }
        let after = done(&path);
        assert!(
            after == before || after == before + 1,
            "round {round}: the old or the new version ({before} → {after})"
        );
    }
    eprintln!("12 kills of the planner, {caught_mid_write} during a write");
    assert!(
        caught_mid_write > 0,
        "no kill landed during a write, so the sweep was never tested"
    );
    let backups =
        std::fs::read_dir(path.parent().unwrap().join("backups")).map_or(0, |d| d.count());
    assert!(backups > 0, "the first save of a session backs the file up");
    let _last = home.start(&[]);
    assert_eq!(
        temp_files(&path),
        0,
        "the last kill's temp file is swept too"
    );
}
