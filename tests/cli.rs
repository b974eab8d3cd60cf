//! The command line, run as a user would: exit codes and messages. Never touches the real home.
#![allow(clippy::unwrap_used)] // helpers outside #[test] fns may unwrap too: this is test code

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The binary with a private data dir and no inherited alignmap settings.
fn alignmap(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("alignmap").unwrap();
    cmd.env_remove("ALIGNMAP_TODAY")
        .env("ALIGNMAP_DIR", dir)
        .env("XDG_CONFIG_HOME", dir.join("xdg"))
        .env("HOME", dir.join("home"));
    cmd
}

#[test]
fn check_accepts_a_valid_file() {
    let dir = tempfile::tempdir().unwrap();
    alignmap(dir.path())
        .args(["check"])
        .arg(fixture("valid/minimal.ron"))
        .assert()
        .success()
        .stdout(
            predicate::str::contains("ok:").and(predicate::str::contains("1 goal, 1 initiative ")),
        );
}

#[test]
fn check_reports_a_corrupt_file_with_line_and_column_and_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    std::fs::copy(fixture("invalid/corrupt.ron"), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    alignmap(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("roadmap.ron:5:52: Expected comma"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn check_reports_validation_problems() {
    let dir = tempfile::tempdir().unwrap();
    alignmap(dir.path())
        .arg("check")
        .arg(fixture("invalid/missing_goal.ron"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "links to goal g-gone, which does not exist",
        ));
}

#[test]
fn check_accepts_every_schema_version_and_names_bad_risks_and_dependency_circles() {
    let dir = tempfile::tempdir().unwrap();
    for version in ["versions/v1.ron", "versions/v2.ron", "versions/v3.ron"] {
        alignmap(dir.path())
            .arg("check")
            .arg(fixture(version))
            .assert()
            .success();
    }
    alignmap(dir.path())
        .arg("check")
        .arg(fixture("invalid/bad_risk.ron"))
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("risk r-1: likelihood 7 is outside 1-5")
                .and(predicate::str::contains("circle: i-1 → i-2 → i-1")),
        );
}

#[test]
fn check_without_a_roadmap_says_where_it_looked() {
    let dir = tempfile::tempdir().unwrap();
    alignmap(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            dir.path().join("roadmap.ron").display().to_string(),
        ));
}

#[test]
fn the_planner_without_a_terminal_says_so_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&[][..], &["review"], &["present"]] {
        alignmap(dir.path())
            .args(args)
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains("alignmap needs a terminal"))
            .stderr(predicate::str::contains("for scripts use the subcommands"));
    }
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(names.is_empty(), "no roadmap, no lock: {names:?}");
}

#[test]
fn file_flag_overrides_the_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    alignmap(dir.path())
        .args(["--file"])
        .arg(fixture("valid/minimal.ron"))
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("minimal.ron"));
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    alignmap(dir.path()).arg("--no-such-flag").assert().code(2);
    alignmap(dir.path())
        .args(["--today", "2027-02-30", "check"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "not a date in the form YYYY-MM-DD",
        ));
}

fn sample_text(name: &str) -> String {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
    let mut roadmap = alignmap::sample::sample(today, now).unwrap();
    roadmap.name = name.into();
    alignmap::storage::to_ron(&roadmap).unwrap()
}

#[test]
fn restore_lists_backups_and_puts_one_back_after_backing_up_the_current_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    alignmap(dir.path())
        .arg("restore")
        .assert()
        .success()
        .stdout(predicate::str::contains("No backups"));
    let at = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap();
    std::fs::write(&path, sample_text("Monday")).unwrap();
    alignmap::storage::backup::take(&path, at("2026-11-16 09:00:00")).unwrap();
    std::fs::write(&path, "Roadmap(broken").unwrap();
    alignmap::storage::backup::take(&path, at("2026-11-20 09:00:00")).unwrap();
    std::fs::write(&path, sample_text("Today")).unwrap();
    alignmap(dir.path())
        .arg("restore")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("   1  Fri 20 Nov 2026 09:00:00")
                .and(predicate::str::contains("unreadable: "))
                .and(predicate::str::contains("   2  Mon 16 Nov 2026 09:00:00"))
                .and(predicate::str::contains("6 goals, 18 initiatives")),
        );
    alignmap(dir.path())
        .args(["restore", "1"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "backup not restored, it does not load",
        ));
    alignmap(dir.path())
        .args(["restore", "2"])
        .assert()
        .success();
    let restored = alignmap::storage::load(&path).unwrap();
    assert_eq!(restored.name, "Monday");
    let newest = &alignmap::storage::backup::list(&path).unwrap()[0];
    assert_eq!(
        alignmap::storage::load(&newest.path).unwrap().name,
        "Today",
        "replaced version kept"
    );
    alignmap(dir.path())
        .args(["restore", "9"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("there is no backup 9"));
}

/// The benchmark figures can be reproduced from the command line: a generated roadmap is
/// deterministic by seed, valid, and opens to a first frame without a terminal.
#[test]
fn dev_generate_writes_a_valid_deterministic_roadmap_that_opens_headless() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    for out in [&a, &b] {
        alignmap(dir.path())
            .args([
                "--today",
                "2026-11-22",
                "dev",
                "generate",
                "--initiatives",
                "300",
                "--out",
            ])
            .arg(out)
            .assert()
            .success()
            .stdout(predicates::str::contains("40 goals, 300 initiatives"));
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    alignmap(dir.path()).arg("check").arg(&a).assert().success();
    alignmap(dir.path())
        .args(["--today", "2026-11-22", "--file"])
        .arg(&a)
        .args(["dev", "first-frame"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "first frame of 40 goals, 300 initiatives in",
        ));
}

#[test]
fn a_pretended_today_labels_snapshots_and_backups_with_that_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    alignmap::storage::save(&path, &common::sample_app().roadmap).unwrap();
    alignmap(dir.path())
        .args(["--today", "2027-06-01", "snapshot"])
        .assert()
        .success()
        .stdout(predicate::str::contains("snapshot 20270601-"));
    let csv = dir.path().join("in.csv");
    std::fs::write(&csv, "title,horizon\nLater work,next month\n").unwrap();
    alignmap(dir.path())
        .args(["--today", "2027-06-01", "import"])
        .arg(&csv)
        .assert()
        .success();
    let backups = alignmap::storage::backup::list(&path).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(
        backups[0].taken.date(),
        chrono::NaiveDate::from_ymd_opt(2027, 6, 1).unwrap(),
        "the backup before the import is labelled with the pretended day"
    );
    let added = alignmap::storage::load(&path)
        .unwrap()
        .initiatives
        .iter()
        .find(|i| i.title == "Later work")
        .unwrap()
        .clone();
    assert_eq!(
        added.created.date_naive(),
        chrono::NaiveDate::from_ymd_opt(2027, 6, 1).unwrap(),
        "and so is what it creates"
    );
}
