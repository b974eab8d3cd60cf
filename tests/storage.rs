//! Storage: RON round trips, strict loading with line:column errors, atomic saves.
#![allow(clippy::unwrap_used)] // helpers outside #[test] fns may unwrap too: this is test code

mod common;

use alignmap::domain::Roadmap;
use alignmap::sample::sample;
use alignmap::storage::{self, LoadError, Opened};
use chrono::{DateTime, NaiveDate, Utc};
use common::files_in;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn sample_roadmap() -> Roadmap {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    sample(
        today,
        DateTime::<Utc>::from_timestamp(1_790_000_000, 0).unwrap(),
    )
    .unwrap()
}

#[test]
fn save_then_load_gives_the_same_roadmap() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    let mut roadmap = sample_roadmap();
    roadmap.initiatives[0].title =
        "Quotes \" and \\ and \u{1b}[31m escapes, 日本語, emoji 👩‍💻".into();
    roadmap.initiatives[0].set_target("2027-02-28".parse().unwrap(), "2026-11-22".parse().unwrap());
    storage::save(&path, &roadmap).unwrap();
    assert_eq!(storage::load(&path).unwrap(), roadmap.in_file_order());
    assert_eq!(
        files_in(dir.path()),
        vec!["roadmap.ron"],
        "no temp files left behind"
    );
}

#[test]
fn a_saved_file_holds_what_was_set_and_reads_back_the_defaults() {
    let mut roadmap = sample_roadmap();
    let now = DateTime::<Utc>::from_timestamp(1_790_000_000, 0).unwrap();
    let id = alignmap::domain::InitiativeId("i-blank001".into());
    let mut blank = alignmap::domain::Initiative::blank(id, now);
    blank.title = "Only a title".into();
    roadmap.initiatives.push(blank.clone());
    let text = storage::to_ron(&roadmap).unwrap();
    for default in [": \"\"", ": []", ": None", ": false", "rank: 0,"] {
        let written: Vec<&str> = text.lines().filter(|l| l.contains(default)).collect();
        assert!(written.is_empty(), "{default} is written: {written:?}");
    }
    let start = text.find("id: \"i-blank001\"").unwrap();
    let lines: Vec<&str> = text[start..]
        .lines()
        .take_while(|l| !l.ends_with("),"))
        .collect();
    assert_eq!(
        lines
            .iter()
            .map(|l| l.trim().split(':').next().unwrap())
            .collect::<Vec<_>>(),
        [
            "id", "title", "status", "kind", "target", "created", "updated"
        ],
        "a blank initiative is its required fields and nothing else"
    );
    let back = storage::from_ron(&text, Path::new("x")).unwrap();
    let read = back.initiatives.iter().find(|i| i.id == blank.id);
    assert_eq!(read, Some(&blank));
    assert_eq!(back, roadmap.in_file_order());
}

#[test]
fn saved_files_are_pretty_stable_and_hold_no_raw_control_bytes() {
    let mut roadmap = sample_roadmap();
    roadmap.initiatives[0].notes = "bell \u{7} esc \u{1b} c1 \u{9b}".into();
    let first = storage::to_ron(&roadmap).unwrap();
    let second = storage::to_ron(&storage::from_ron(&first, Path::new("x")).unwrap()).unwrap();
    assert_eq!(first, second, "saving twice gives identical bytes");
    assert!(first.starts_with("Roadmap(\n\tversion: 5,\n"));
    assert!(
        first.contains("\t\tGoal(\n"),
        "struct names make the file self-describing"
    );
    assert!(!first.contains('\r'));
    assert!(
        !first
            .lines()
            .any(|l| l.trim_start_matches('\t').chars().any(char::is_control)),
        "control characters are escaped in the file (tabs only indent)"
    );
}

#[test]
fn hand_written_minimal_file_loads_with_defaults() {
    let roadmap = storage::load(&fixture("valid/minimal.ron")).unwrap();
    assert_eq!(roadmap.goals[0].description, "");
    assert_eq!(roadmap.initiatives[0].serves[0].goal.0, "g-1");
    assert!(roadmap.initiatives[0].target_log.is_empty());
}

fn load_error(name: &str) -> (LoadError, String) {
    let path = fixture(name);
    let before = std::fs::read(&path).unwrap();
    let err = storage::load(&path).unwrap_err();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "a failed load never touches the file"
    );
    let text = err.to_string();
    (err, text)
}

#[test]
fn corrupt_file_reports_line_and_column() {
    let (err, text) = load_error("invalid/corrupt.ron");
    match err {
        LoadError::Parse { line, col, .. } => assert_eq!((line, col), (5, 52), "{text}"),
        other => panic!("expected a parse error, got {other:?}"),
    }
    assert!(text.contains("corrupt.ron:5:52"), "{text}");
    let caret_line = text.lines().last().unwrap();
    assert_eq!(
        caret_line.find('^'),
        text.lines().nth(1).unwrap().find("priority"),
        "{text}"
    );
}

#[test]
fn an_empty_file_is_refused_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    std::fs::write(&path, "  \n").unwrap();
    let err = storage::open_or_create(&path, "x").unwrap_err();
    assert!(matches!(err, LoadError::Empty { .. }), "{err:?}");
    assert!(err.to_string().contains("will not overwrite it"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"  \n");
}

#[test]
fn links_to_missing_goals_are_rejected() {
    let (err, text) = load_error("invalid/missing_goal.ron");
    assert!(matches!(err, LoadError::Invalid { .. }), "{err:?}");
    assert!(
        text.contains("links to goal g-gone, which does not exist"),
        "{text}"
    );
}

#[test]
fn newer_schema_versions_are_refused_by_name() {
    let (err, text) = load_error("invalid/future_version.ron");
    assert!(
        matches!(
            err,
            LoadError::TooNew {
                found: 99,
                supported: 5,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(text.contains("upgrade alignmap"), "{text}");
}

#[test]
fn unknown_fields_are_errors_not_silently_dropped() {
    let (_, text) = load_error("invalid/unknown_field.ron");
    assert!(text.contains("unknown_field.ron:6:"), "{text}");
    assert!(text.contains("goalz"), "{text}");
}

#[test]
fn impossible_dates_are_reported() {
    let (_, text) = load_error("invalid/bad_date.ron");
    assert!(text.contains("bad_date.ron:11:22"), "{text}");
    assert!(text.contains("not a valid date"), "{text}");
}

#[test]
fn a_wall_of_brackets_and_non_utf8_are_clear_errors() {
    // Every value in a roadmap has a fixed type, so the parser never follows nesting deeper
    // than the schema (a handful of levels): 10,000 brackets fail where the schema wants a
    // field name, at once, instead of recursing. (Deep nesting cannot reach the parser's
    // recursion limit through this schema; the limit is a second line of defence only.)
    let deep = format!("{}{}", "(".repeat(10_000), ")".repeat(10_000));
    let err = storage::from_ron(&deep, Path::new("deep.ron")).unwrap_err();
    assert!(err.to_string().starts_with("deep.ron:1:2:"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("binary.ron");
    std::fs::write(&path, b"Roadmap(\xff\xfe)").unwrap();
    let err = storage::load(&path).unwrap_err();
    assert!(err.to_string().contains("invalid UTF-8 at byte 8"), "{err}");
}

#[test]
fn first_open_creates_an_empty_roadmap_and_directories() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/alignmap/roadmap.ron");
    let opened = storage::open_or_create(&path, "My roadmap").unwrap();
    assert!(matches!(opened, Opened::Created(ref r, _) if r.is_empty()));
    assert!(matches!(
        storage::open_or_create(&path, "x").unwrap(),
        Opened::Loaded(..)
    ));
}

#[test]
fn a_corrupt_file_is_never_replaced_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    std::fs::copy(fixture("invalid/corrupt.ron"), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    assert!(storage::open_or_create(&path, "x").is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_failed_save_leaves_the_old_file_and_no_litter() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    let roadmap = sample_roadmap();
    storage::save(&path, &roadmap).unwrap();
    let before = std::fs::read(&path).unwrap();
    // Renaming over a directory fails after the temp file is written: the rename step errors.
    let blocked = dir.path().join("blocked.ron");
    std::fs::create_dir(&blocked).unwrap();
    std::fs::write(blocked.join("keep"), b"x").unwrap();
    let err = storage::save(&blocked, &roadmap).unwrap_err();
    assert!(err.to_string().starts_with("rename onto"), "{err}");
    assert_eq!(
        files_in(&blocked),
        vec!["keep"],
        "the target is left as it was"
    );
    assert_eq!(
        files_in(dir.path()),
        vec!["blocked.ron", "roadmap.ron"],
        "temp file removed"
    );
    // A directory that does not exist fails at the first step.
    let err = storage::save(&dir.path().join("missing/roadmap.ron"), &roadmap).unwrap_err();
    assert!(
        err.to_string().starts_with("create a temp file in"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_roadmap_that_would_not_open_again_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    let good = sample_roadmap();
    storage::save(&path, &good).unwrap();
    let mut bad = good.clone();
    bad.initiatives[0]
        .serves
        .push(alignmap::domain::business::GoalLink::strong(
            alignmap::domain::GoalId("no,such goal".into()),
        ));
    let err = storage::save(&path, &bad).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("not saved, it would not open again"),
        "{err}"
    );
    assert_eq!(storage::load(&path).unwrap(), good.in_file_order());
}

#[test]
fn files_over_the_size_limit_are_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(storage::MAX_FILE_BYTES + 1).unwrap(); // sparse: no disk space used
    let err = storage::load(&path).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains("larger than the 256 MB alignmap reads"),
        "{err}"
    );
    assert!(storage::open_or_create(&path, "x").is_err());
}

#[test]
fn every_released_schema_version_loads_and_resaving_changes_nothing() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/versions");
    let mut versions = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let first = storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            first.version,
            alignmap::domain::SCHEMA_VERSION,
            "loaded as the current version"
        );
        let text = storage::to_ron(&first).unwrap();
        let second = storage::from_ron(&text, &path).unwrap();
        assert_eq!(
            second,
            first.in_file_order(),
            "{}: loading twice changes nothing but the order of the list",
            path.display()
        );
        assert_eq!(storage::to_ron(&second).unwrap(), text);
        versions += 1;
    }
    assert_eq!(
        versions as u32,
        alignmap::domain::SCHEMA_VERSION,
        "one fixture per released version"
    );
}

#[test]
#[cfg(unix)]
fn a_write_that_fails_half_way_leaves_the_file_identical_and_no_litter() {
    // RLIMIT_FSIZE makes every write past 4 KB fail with EFBIG, as a full disk fails a write
    // that has already started. SIGXFSZ is ignored so the write returns the error.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    let mut small = sample_roadmap();
    small.initiatives.truncate(1);
    small.initiatives[0] = alignmap::domain::Initiative {
        title: "Small".into(),
        ..alignmap::domain::Initiative::blank(small.initiatives[0].id.clone(), chrono::Utc::now())
    };
    small.goals.clear();
    storage::save(&path, &small).unwrap();
    std::fs::create_dir(dir.path().join("backups")).unwrap();
    let big = dir.path().join("backups/roadmap-20261120-090000.ron");
    storage::save(&big, &sample_roadmap()).unwrap(); // a 13 kB backup to restore
    let before = std::fs::read(&path).unwrap();
    assert!(before.len() < 4096, "the current file fits under the limit");
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg("ulimit -f 4; trap '' XFSZ; exec \"$0\" --file \"$1\" restore 1")
        .arg(env!("CARGO_BIN_EXE_alignmap"))
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("File too large"), "{stderr}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "byte-identical");
    assert_eq!(files_in(dir.path()), vec!["backups", "roadmap.ron"]);
    let backups = files_in(&dir.path().join("backups"));
    assert!(backups.iter().all(|f| !f.ends_with(".tmp")), "{backups:?}");
}

#[test]
fn a_version_1_file_migrates_to_the_current_version_and_migrating_again_changes_nothing() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/versions");
    let v1 = std::fs::read_to_string(dir.join("v1.ron")).unwrap();
    assert!(
        v1.contains("version: 1,"),
        "the fixture really is version 1"
    );
    let migrated = storage::from_ron(&v1, Path::new("v1.ron")).unwrap();
    assert_eq!(migrated.version, alignmap::domain::SCHEMA_VERSION);
    assert!(migrated.decisions.is_empty() && migrated.actions.is_empty());
    assert_eq!(
        migrated.initiatives[0].title, "Automate invoice matching",
        "nothing lost"
    );
    assert_eq!(storage::migrate::migrate(migrated.clone()), migrated);
    let v2 = storage::load(&dir.join("v2.ron")).unwrap();
    assert_eq!(v2.actions[0].owner, "Raj");
}

#[test]
fn version_3_days_and_baselines_read_as_day_targets_and_known_baselines() {
    use alignmap::domain::Target;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/versions");
    let text = std::fs::read_to_string(dir.join("v3.ron")).unwrap();
    assert!(text.contains("version: 3,") && text.contains("baseline: 41.0,"));
    let r = storage::from_ron(&text, Path::new("v3.ron")).unwrap();
    assert_eq!(r.version, alignmap::domain::SCHEMA_VERSION);
    assert_eq!(
        r.initiatives[0].target,
        Target::day("2026-11-27".parse().unwrap())
    );
    let kpi = &r.goals[0].kpis[0];
    assert_eq!(
        (kpi.baseline, kpi.target, kpi.target_change),
        (Some(41.0), Some(33.0), None)
    );
    assert!(r.calendar.is_default());
    let written = storage::to_ron(&r).unwrap();
    assert!(written.contains("target: \"2026-11-27\""), "{written}");
    assert!(written.contains("baseline: Some(41.0)"), "{written}");
    assert!(!written.contains("calendar"), "defaults are not written");
}

#[test]
fn version_4_keeps_periods_later_the_calendar_and_kpis_as_plans_write_them() {
    use alignmap::domain::{DayOrder, Span, Target};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/versions");
    let r = storage::load(&dir.join("v4.ron")).unwrap();
    assert_eq!(
        (r.calendar.fiscal_year_start, r.calendar.day_order),
        (4, DayOrder::DayFirst)
    );
    let targets: Vec<Target> = r.initiatives.iter().map(|i| i.target).collect();
    let q3 = Target::Due {
        day: "2027-09-30".parse().unwrap(),
        span: Span::Quarter,
    };
    let fy = Target::Due {
        day: "2028-03-31".parse().unwrap(),
        span: Span::FiscalYear,
    };
    assert_eq!(targets, [q3, fy, Target::Later]);
    assert_eq!(r.initiatives[0].first_target().to_string(), "2027-03");
    assert_eq!(
        r.initiatives[0].slip_count(),
        1,
        "March 2027 to Q3 2027 is a slip"
    );
    let (words, relative) = (&r.goals[0].kpis[0], &r.goals[0].kpis[1]);
    assert_eq!(words.baseline, None);
    assert_eq!(words.progress(), None, "n/a without a baseline, never 0%");
    assert_eq!(
        words.target_words(|v| v.to_string()),
        "around 80% within 5 years"
    );
    assert_eq!(relative.aim(), Some(75.0));
    assert_eq!(relative.target_words(|v| v.to_string()), "+4 (to 75)");
}

#[test]
fn version_2_goal_links_become_strong_links_and_are_written_in_the_new_form() {
    use alignmap::domain::business::{GoalLink, Strength};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/versions");
    let text = std::fs::read_to_string(dir.join("v2.ron")).unwrap();
    assert!(text.contains("version: 2,") && text.contains("goals: [\"g-1\"]"));
    let r = storage::from_ron(&text, Path::new("v2.ron")).unwrap();
    assert_eq!(r.version, alignmap::domain::SCHEMA_VERSION);
    let i = &r.initiatives[0];
    assert_eq!(
        i.serves,
        [GoalLink::strong(alignmap::domain::GoalId("g-1".into()))]
    );
    assert_eq!(i.strength_for(&r.goals[0].id), Some(Strength::Strong));
    assert!(i.legacy_goals.is_empty() && i.risks.is_empty() && r.goals[0].kpis.is_empty());
    let written = storage::to_ron(&r).unwrap();
    assert!(written.contains("version: 5,") && written.contains("serves: ["));
    assert!(
        !written.contains("goals: [\"g-1\"]"),
        "the old form is never written"
    );
    assert_eq!(storage::from_ron(&written, Path::new("v3.ron")).unwrap(), r);
}

#[test]
fn the_version_3_fixture_loads_every_new_field() {
    use alignmap::domain::business::{Direction, RiskStatus, Strength};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/versions");
    let r = storage::load(&dir.join("v3.ron")).unwrap();
    assert_eq!(r.currency, "€");
    let kpi = &r.goals[0].kpis[0];
    assert_eq!(
        (kpi.direction, kpi.readings.len()),
        (Direction::LowerIsBetter, 2)
    );
    assert_eq!(kpi.progress(), Some(0.5));
    let i = &r.initiatives[0];
    assert_eq!(i.strength_for(&r.goals[1].id), Some(Strength::Weak));
    assert_eq!(i.case.cost, Some(45000.0));
    assert_eq!(
        (i.risks[0].severity(), i.risks[0].status),
        (15, RiskStatus::Open)
    );
    assert_eq!(i.deliverables.len(), 2);
    assert_eq!(r.initiatives[1].needs, std::slice::from_ref(&i.id));
    assert_eq!(i.champion, "Elif Yilmaz");
}

#[test]
fn a_version_3_file_with_the_old_goals_list_is_refused_with_the_new_form_named() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/versions/v3.ron"),
    )
    .unwrap()
    .replace(
        "champion: \"Elif Yilmaz\",",
        "champion: \"Elif Yilmaz\", goals: [\"g-1\"],",
    );
    let err = storage::from_ron(&text, Path::new("old-links.ron"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("`goals: [...]` is the version 1-2 form"),
        "{err}"
    );
    assert!(err.contains("serves: [GoalLink("), "{err}");
}

#[test]
fn deleting_an_initiative_or_goal_unlinks_its_decisions_and_actions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/versions");
    let mut r = storage::load(&dir.join("v2.ron")).unwrap();
    r.remove_initiative(&alignmap::domain::InitiativeId("i-1".into()));
    r.remove_goal(&alignmap::domain::GoalId("g-1".into()));
    assert!(r.decisions[0].link.is_none() && r.actions[0].link.is_none());
    assert!(
        alignmap::domain::validate::problems(&r).is_empty(),
        "still saveable"
    );
}

#[test]
fn version_5_keeps_contributions_and_conflicts_and_writes_initiatives_in_id_order() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/versions");
    let text = std::fs::read_to_string(dir.join("v5.ron")).unwrap();
    let r = storage::from_ron(&text, Path::new("v5.ron")).unwrap();
    assert_eq!(r.goals[0].contributes_to, "GROW");
    assert_eq!(r.conflicts.len(), 1);
    assert_eq!(r.conflicts[0].at, ["initiatives", "i-1", "target"]);
    assert_eq!(r.conflicts[0].theirs, "\"2027-02-28\"");
    let ids = |r: &alignmap::domain::Roadmap| -> Vec<String> {
        r.initiatives.iter().map(|i| i.id.0.clone()).collect()
    };
    assert_eq!(ids(&r), ["i-2", "i-1"], "read in the file's order");
    let written = storage::to_ron(&r).unwrap();
    let back = storage::from_ron(&written, Path::new("v5.ron")).unwrap();
    assert_eq!(ids(&back), ["i-1", "i-2"], "written in id order");
    assert!(written.contains("contributes_to: \"GROW\""), "{written}");
}
