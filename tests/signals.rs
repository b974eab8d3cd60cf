//! SIGTERM, SIGHUP and SIGINT save everything before exit: an edit made a moment before the
//! signal (long before the autosave would run) is in the file afterwards.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::domain::Status;
use alignmap::storage;
use rustix::process::{Pid, Signal, kill_process};

#[test]
fn every_stop_signal_saves_the_last_edit() {
    for (signal, number, sig) in [
        ("TERM", 15, Signal::TERM),
        ("HUP", 1, Signal::HUP),
        ("INT", 2, Signal::INT),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("roadmap.ron");
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        storage::save(&path, &alignmap::sample::sample(today, now).unwrap()).unwrap();
        let mut child = common::spawn_dev_tool(&path, "edit-then-wait");
        let done_before = storage::load(&path)
            .unwrap()
            .initiatives
            .iter()
            .filter(|i| i.status == Status::Done)
            .count();
        kill_process(Pid::from_child(&child), sig).unwrap();
        let status = child.wait().unwrap();
        assert_eq!(
            status.code(),
            Some(128 + number),
            "SIG{signal}: an orderly exit that says which signal ended it"
        );
        let after = storage::load(&path).unwrap();
        let done_after = after
            .initiatives
            .iter()
            .filter(|i| i.status == Status::Done)
            .count();
        assert_eq!(
            done_after,
            done_before + 1,
            "SIG{signal}: the edit reached the file"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(
            names
                .iter()
                .all(|n| !n.to_string_lossy().contains("recovery")),
            "{names:?}"
        );
    }
}
