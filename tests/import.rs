//! A real roadmap in and out through the command line: JSON is lossless both ways, the demo
//! works with read-only commands (and refuses those that would write the real file), a
//! first import creates its directory, and a fresh machine gets a message, not an OS error.
#![allow(clippy::unwrap_used)] // test code

mod common;

use common::{cli_in, files_in};
use predicates::prelude::*;
use std::path::Path;

/// The sample's JSON export, written by `--demo` into `dir/sample.json`.
fn sample_json(dir: &Path) -> std::path::PathBuf {
    let out = dir.join("sample.json");
    cli_in(dir)
        .args(["--demo", "export", "--format", "json", "--out"])
        .arg(&out)
        .assert()
        .success();
    out
}

#[test]
fn json_export_import_export_is_byte_identical_into_an_empty_directory() {
    let dir = tempfile::tempdir().unwrap();
    let first = sample_json(dir.path());
    let fresh = dir.path().join("fresh");
    cli_in(dir.path())
        .arg("--dir")
        .arg(&fresh)
        .arg("import")
        .arg(&first)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("read \"Northwind IT roadmap\": 6 goals, 18 initiatives")
                .and(predicate::str::contains("(a new roadmap)")),
        );
    let second = dir.path().join("again.json");
    cli_in(dir.path())
        .arg("--dir")
        .arg(&fresh)
        .args(["export", "--format", "json", "--out"])
        .arg(&second)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        std::fs::read_to_string(&second).unwrap()
    );
    assert_eq!(
        files_in(&fresh),
        ["roadmap.ron"],
        "no lock left, no backup of nothing"
    );
}

#[test]
fn a_json_import_never_replaces_a_roadmap_with_content_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let json = sample_json(dir.path());
    cli_in(dir.path())
        .arg("import")
        .arg(&json)
        .assert()
        .success();
    let roadmap = dir.path().join("roadmap.ron");
    let before = std::fs::read(&roadmap).unwrap();
    cli_in(dir.path())
        .arg("import")
        .arg(&json)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "already holds 6 goals and 18 initiatives, and a JSON export is a whole roadmap: add --replace",
        ));
    assert_eq!(std::fs::read(&roadmap).unwrap(), before);
    // The same export again changes nothing (and writes nothing); a renamed one replaces it.
    cli_in(dir.path())
        .args(["import", "--replace"])
        .arg(&json)
        .assert()
        .success()
        .stdout(predicate::str::contains("nothing changed"));
    assert!(!dir.path().join("backups").exists());
    let text = std::fs::read_to_string(&json).unwrap();
    std::fs::write(
        &json,
        text.replacen("Northwind IT roadmap", "Northwind 2027", 1),
    )
    .unwrap();
    cli_in(dir.path())
        .args(["import", "--replace"])
        .arg(&json)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "the version before is in backups/",
        ));
    assert_eq!(files_in(&dir.path().join("backups")).len(), 1);
    std::fs::write(dir.path().join("x.csv"), "title,target\nA,2027-01-01\n").unwrap();
    cli_in(dir.path())
        .args(["import", "--replace", "x.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--replace is for a JSON export"));
}

#[test]
fn a_bad_json_file_says_where_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let json = sample_json(dir.path());
    let text = std::fs::read_to_string(&json).unwrap();
    std::fs::write(&json, text.replacen("\"title\"", "\"titel\"", 1)).unwrap();
    cli_in(dir.path())
        .arg("import")
        .arg(&json)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("nothing imported").and(predicate::str::contains("titel")),
        );
    std::fs::write(dir.path().join("jira.json"), "{\"issues\": []}").unwrap();
    cli_in(dir.path())
        .args(["import", "jira.json"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("only alignmap's own JSON export"));
    assert!(!dir.path().join("roadmap.ron").exists());
}

#[test]
fn the_demo_exports_the_sample_and_refuses_commands_that_would_use_the_real_file() {
    let dir = tempfile::tempdir().unwrap();
    cli_in(dir.path())
        .args(["--demo", "export", "--format", "md", "--out", "-"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Patch the VPN gateways"));
    std::fs::write(dir.path().join("a.csv"), "title,target\nA,2027-01-01\n").unwrap();
    for args in [
        vec!["--demo", "import", "a.csv"],
        vec!["--demo", "snapshot"],
        vec!["--demo", "diff"],
        vec!["--demo", "restore"],
        vec!["--demo", "export", "--format", "md", "--since", "latest"],
    ] {
        cli_in(dir.path())
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "--demo is the bundled sample in memory",
            ));
    }
    assert!(!dir.path().join("roadmap.ron").exists(), "nothing written");
}

#[test]
fn a_fresh_machine_gets_a_message_not_an_os_error() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["export", "--format", "html", "--out", "-"],
        vec!["diff"],
        vec!["snapshot"],
    ] {
        cli_in(dir.path()).args(&args).assert().code(1).stderr(
            predicate::str::contains("no roadmap yet at")
                .and(predicate::str::contains("run `alignmap` to create one"))
                .and(predicate::str::contains("os error").not()),
        );
    }
}

#[test]
fn a_first_import_creates_its_directory_and_a_dry_run_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.csv"), "title,target\nA,2027-01-01\n").unwrap();
    let new = dir.path().join("not/yet");
    cli_in(dir.path())
        .arg("--dir")
        .arg(&new)
        .args(["import", "--dry-run", "a.csv"])
        .assert()
        .success();
    assert!(!new.exists(), "a dry run creates nothing");
    cli_in(dir.path())
        .arg("--dir")
        .arg(&new)
        .args(["import", "a.csv"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("(a new roadmap)")
                .and(predicate::str::contains("backups").not()),
        );
    assert_eq!(files_in(&new), ["roadmap.ron"]);
}

/// The fixture files of a real roadmap.
fn real(name: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real")
        .join(name);
    ["goals", "initiatives", "kpis", "risks"]
        .iter()
        .map(|s| dir.join(format!("{s}.csv")))
        .collect()
}

/// Counts of a sheet's data rows: all, and those whose `column` is not empty.
/// The cells of `column`, trimmed, row by row.
fn cells(path: &Path, column: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let at = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == column)
        .unwrap();
    reader
        .records()
        .map(|r| r.unwrap()[at].trim().to_string())
        .collect()
}

fn rows(path: &Path, column: &str) -> (usize, usize) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let at = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == column)
        .unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let filled = records.iter().filter(|r| !r[at].trim().is_empty()).count();
    (records.len(), filled)
}

#[test]
fn two_real_roadmaps_come_in_whole_with_one_command_each() {
    for name in ["uk-gds-2012", "us-fds-2020"] {
        let dir = tempfile::tempdir().unwrap();
        let files = real(name);
        // Given in any order: the sheets are told apart by their headers.
        let mut shuffled = files.clone();
        shuffled.reverse();
        cli_in(dir.path())
            .arg("import")
            .args(&shuffled)
            .args(["--name", name])
            .assert()
            .success();
        let roadmap = alignmap::storage::load(&dir.path().join("roadmap.ron")).unwrap();
        assert_eq!(roadmap.name, name);
        let (goals, described) = rows(&files[0], "description");
        assert_eq!(
            roadmap.goals.len(),
            goals,
            "{name}: every goal, with or without work"
        );
        assert_eq!(
            roadmap
                .goals
                .iter()
                .filter(|g| !g.description.is_empty())
                .count(),
            described,
            "{name}: goal descriptions"
        );
        let (initiatives, done) = rows(&files[1], "done_on");
        assert_eq!(roadmap.initiatives.len(), initiatives, "{name}");
        let delivered: Vec<_> = roadmap
            .initiatives
            .iter()
            .filter(|i| i.done_on.is_some())
            .collect();
        assert_eq!(
            delivered.len(),
            done,
            "{name}: delivery dates from the sheet"
        );
        assert!(
            delivered
                .iter()
                .all(|i| i.done_on < Some(common::date("2022-01-01"))),
            "{name}: no delivery dated the import day"
        );
        // Every target as the sheet gives it: a day, a month or a quarter kept as written,
        // and no date where the sheet gives none (never an invented one).
        let mut written: Vec<String> = cells(&files[1], "target")
            .into_iter()
            .map(|t| if t.is_empty() { "later".into() } else { t })
            .collect();
        let mut kept: Vec<String> = roadmap
            .initiatives
            .iter()
            .map(|i| i.target.to_string())
            .collect();
        written.sort();
        kept.sort();
        assert_eq!(kept, written, "{name}: targets with their precision");
        let undated = roadmap
            .initiatives
            .iter()
            .filter(|i| i.target.is_later())
            .count();
        let (_, dated) = rows(&files[1], "target");
        assert_eq!(
            undated,
            initiatives - dated,
            "{name}: undated work stays undated"
        );
        let (_, slipped) = rows(&files[1], "slips");
        assert_eq!(
            roadmap
                .initiatives
                .iter()
                .filter(|i| i.slip_count() > 0)
                .count(),
            slipped,
            "{name}: slip histories"
        );
        let (kpis, _) = rows(&files[2], "name");
        assert_eq!(
            roadmap.goals.iter().map(|g| g.kpis.len()).sum::<usize>(),
            kpis,
            "{name}"
        );
        let (risks, _) = rows(&files[3], "title");
        assert_eq!(
            roadmap
                .initiatives
                .iter()
                .map(|i| i.risks.len())
                .sum::<usize>(),
            risks,
            "{name}"
        );
        let linked = roadmap
            .initiatives
            .iter()
            .filter(|i| !i.serves.is_empty())
            .count();
        let (_, with_goals) = rows(&files[1], "goals");
        assert_eq!(linked, with_goals, "{name}: every link kept");
        // A week later the same sheets change nothing.
        cli_in(dir.path())
            .env("ALIGNMAP_TODAY", "2026-11-29")
            .arg("import")
            .args(&files)
            .assert()
            .success()
            .stdout(predicate::str::contains("added 0 initiatives, updated 0"));
        let again = alignmap::storage::load(&dir.path().join("roadmap.ron")).unwrap();
        assert_eq!(again.goals, roadmap.goals, "{name}");
        for (a, b) in roadmap.initiatives.iter().zip(&again.initiatives) {
            assert_eq!(
                (a.target, &a.target_log),
                (b.target, &b.target_log),
                "{name}: {}",
                a.title
            );
        }
    }
}

#[test]
fn the_apps_csv_export_writes_four_sheets_that_import_back_whole() {
    use alignmap::app::{Effect, Source};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    let sample = alignmap::sample::sample(common::date(common::TODAY), common::now()).unwrap();
    alignmap::storage::save(&path, &sample).unwrap();
    let mut app = common::app_with(sample.clone(), common::TODAY);
    app.session.source = Source::File(path.clone());
    let mut saver = alignmap::runtime::saver::Saver::new(&app, None);
    app.effects
        .push(Effect::Export(alignmap::export::Format::Csv));
    saver.tick(&mut app, std::time::Instant::now());
    let said = app.message.clone().unwrap().1;
    assert!(
        said.starts_with("Wrote the CSV export as 4 sheets"),
        "{said}"
    );
    let exports = dir.path().join("exports");
    let sheets: Vec<_> = files_in(&exports).iter().map(|n| exports.join(n)).collect();
    assert_eq!(sheets.len(), 4, "{sheets:?}");
    let fresh = dir.path().join("fresh");
    cli_in(dir.path())
        .arg("--dir")
        .arg(&fresh)
        .arg("import")
        .args(&sheets)
        .assert()
        .success();
    let back = alignmap::storage::load(&fresh.join("roadmap.ron")).unwrap();
    assert_eq!(back.goals, sample.goals, "goals with their KPIs");
    let links = |r: &alignmap::domain::Roadmap| -> std::collections::BTreeMap<_, _> {
        r.initiatives
            .iter()
            .map(|i| (i.id.clone(), (i.serves.clone(), i.risks.clone())))
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    assert_eq!(
        links(&back),
        links(&sample),
        "links with strengths, and risks"
    );
}

#[test]
fn a_sheet_with_its_own_column_names_and_status_words_comes_in_with_map_ignore_and_status() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.csv"),
        "Title;Owner;Timeframe;Phase;Budget\nNew intranet;Ana Sousa;Q3 2027;Delivery;120k\nRetire fax;Raj Patel;2027-03;Idea;5k\n",
    )
    .unwrap();
    let import = |extra: &[&str]| {
        let mut cmd = cli_in(dir.path());
        cmd.args(["import", "plan.csv"]).args(extra);
        cmd
    };
    import(&[]).assert().code(1).stderr(
        predicate::str::contains("column owner: unknown column; the columns are").and(
            predicate::str::contains("--map owner=COLUMN renames it, --ignore owner leaves it out"),
        ),
    );
    import(&["--map", "ownr=it_owner"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--map ownr: no sheet has a column ownr",
        ));
    import(&[
        "--map",
        "owner=it_owner",
        "--map",
        "timeframe=target",
        "--map",
        "phase=status",
        "--ignore",
        "budget",
        "--status",
        "Delivery=In progress",
        "--status",
        "idea=Proposed",
    ])
    .assert()
    .success();
    let roadmap = alignmap::storage::load(&dir.path().join("roadmap.ron")).unwrap();
    // The file keeps initiatives in id order; compare them by title.
    let mut got: Vec<_> = roadmap
        .initiatives
        .iter()
        .map(|i| {
            (
                i.title.as_str(),
                i.it_owner.as_str(),
                i.target.to_string(),
                i.status.label(),
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            (
                "New intranet",
                "Ana Sousa",
                "Q3 2027".to_string(),
                "In progress"
            ),
            ("Retire fax", "Raj Patel", "2027-03".to_string(), "Proposed"),
        ]
    );
}

#[test]
fn updating_from_a_sheet_never_wipes_what_a_blank_cell_does_not_say() {
    use alignmap::export::import::apply;
    use alignmap::export::sheets::{Sheet, apply_sheet};
    let today = common::date(common::TODAY);
    let sample = alignmap::sample::sample(today, common::now()).unwrap();
    let mut ids = alignmap::domain::IdGen::with_seed(5);
    let vpn = sample
        .initiatives
        .iter()
        .find(|i| i.title.starts_with("Patch the VPN"))
        .unwrap();
    // A row naming the initiative by title, every other cell blank.
    let header = alignmap::export::csv::COLUMNS.join(",");
    let blanks = ",".repeat(alignmap::export::csv::COLUMNS.len() - 2);
    let csv = format!("{header}\n,{}{blanks}\n", vpn.title);
    let (after, report) = apply(&sample, &csv, today, common::now(), &mut ids).unwrap();
    let same = after.initiative(&vpn.id).unwrap();
    assert_eq!(
        (&same.summary, &same.serves, &same.tags, same.target),
        (&vpn.summary, &vpn.serves, &vpn.tags, vpn.target)
    );
    assert_eq!((report.added, report.updated), (0, 0));
    // Made done in the sheet without a delivery day: none, never the import day.
    let done = format!("title,target,status\n{},,Done\n", vpn.title);
    let (after, _) = apply(&sample, &done, today, common::now(), &mut ids).unwrap();
    assert_eq!(after.initiative(&vpn.id).unwrap().done_on, None);
    // A mistyped strength and dates relative to today are refused, naming the cell.
    let typo = format!("title,target,goals\n{},2027-01-31,ISO:medium\n", vpn.title);
    let err = apply(&sample, &typo, today, common::now(), &mut ids).unwrap_err();
    assert!(
        err[0]
            .to_string()
            .contains("column goals: \"medium\" in \"ISO:medium\" is not strong, partial or weak"),
        "{}",
        err[0]
    );
    let relative = "title,target\nNew thing,+2w\n";
    let err = apply(&sample, relative, today, common::now(), &mut ids).unwrap_err();
    assert!(
        err[0]
            .to_string()
            .contains("column target: '+2w' is relative to today"),
        "{}",
        err[0]
    );
    // A reading typed into the cell adds to the old ones.
    let kpi = &sample.goals[0].kpis[0];
    let sheet = format!(
        "goal,id,name,readings\n{},{},{},2026-11-20=1\n",
        sample.goals[0].code, kpi.id, kpi.name
    );
    let (after, _) =
        apply_sheet(&sample, Sheet::Kpis, &sheet, today, common::now(), &mut ids).unwrap();
    let readings = &after.goals[0].kpis[0].readings;
    assert_eq!(readings.len(), kpi.readings.len() + 1);
    assert!(kpi.readings.iter().all(|r| readings.contains(r)));
}

#[test]
fn an_id_of_another_kind_of_item_and_two_untitled_twins_are_refused_naming_the_row() {
    use alignmap::export::sheets::{Sheet, apply_sheet};
    let today = common::date(common::TODAY);
    let sample = alignmap::sample::sample(today, common::now()).unwrap();
    let mut ids = alignmap::domain::IdGen::with_seed(5);
    let mut apply = |sheet, csv: &str| {
        apply_sheet(&sample, sheet, csv, today, common::now(), &mut ids)
            .map(|_| ())
            .map_err(|e| e[0].to_string())
    };
    let goal_id = &sample.goals[0].id.0;
    let kpi_id = &sample.goals[0].kpis[0].id;
    let vpn = &sample.initiatives[1];
    // An initiative's row with a goal's id: an error, never a fresh id that a re-import
    // would add again.
    let err = apply(
        Sheet::Initiatives,
        &format!("id,title,target\n{goal_id},New thing,2027-01-31\n"),
    )
    .unwrap_err();
    assert!(
        err.contains("row 2, column id") && err.contains("already the id of another item"),
        "{err}"
    );
    // A KPI moved under another goal by its id is the same refusal.
    let other = &sample.goals[1].code;
    let err = apply(
        Sheet::Kpis,
        &format!("goal,id,name\n{other},{kpi_id},Moved\n"),
    )
    .unwrap_err();
    assert!(err.contains("already the id of another item"), "{err}");
    // Two id-less rows of the same title would merge into one item.
    let twins = [
        (Sheet::Goals, "title\nNew goal\nnew goal\n".to_string()),
        (
            Sheet::Kpis,
            format!("goal,name\n{other},Churn\n{other},Churn\n"),
        ),
        (
            Sheet::Risks,
            format!("initiative,title\n{0},Outage\n{0},Outage\n", vpn.id.0),
        ),
    ];
    for (sheet, csv) in twins {
        let err = apply(sheet, &csv).unwrap_err();
        assert!(
            err.contains("row 3")
                && err.contains("row 2 has the same")
                && err.contains("neither has an id"),
            "{sheet:?}: {err}"
        );
    }
    // The same title under two goals is two KPIs.
    let two = format!("goal,name\n{},Churn\n{other},Churn\n", sample.goals[0].code);
    assert!(apply(Sheet::Kpis, &two).is_ok());
}

#[test]
fn history_given_for_an_existing_initiative_is_left_aside_and_the_import_says_so() {
    use alignmap::export::import::apply;
    let today = common::date(common::TODAY);
    let sample = alignmap::sample::sample(today, common::now()).unwrap();
    let mut ids = alignmap::domain::IdGen::with_seed(5);
    let load = sample
        .initiatives
        .iter()
        .find(|i| i.slip_count() == 2)
        .unwrap();
    let row = |first: &str, slips: usize| {
        format!(
            "id,title,target,first_target,slips\n{},{},{},{first},{slips}\n",
            load.id.0, load.title, load.target
        )
    };
    let same = row(&load.first_target().to_string(), 2);
    let (_, report) = apply(&sample, &same, today, common::now(), &mut ids).unwrap();
    assert!(report.notes.is_empty(), "{:?}", report.notes);
    let (after, report) = apply(
        &sample,
        &row("2026-01-31", 5),
        today,
        common::now(),
        &mut ids,
    )
    .unwrap();
    assert_eq!(
        after.initiative(&load.id).unwrap().target_log,
        load.target_log
    );
    assert_eq!(report.notes.len(), 1);
    let note = &report.notes[0];
    assert!(
        note.starts_with("row 2: first_target and slips give a new initiative its history")
            && note.ends_with(&format!(
                "keeps its own (first {}, 2 slips)",
                load.first_target()
            )),
        "{note}"
    );
}

#[test]
fn a_horizon_only_row_pulls_work_in_but_never_re_dates_it_later_as_weeks_pass() {
    use alignmap::export::import::apply;
    let mut ids = alignmap::domain::IdGen::with_seed(5);
    let empty = alignmap::domain::Roadmap::new("r");
    let sheet = "title,horizon\nWeekly thing,Next week\nMonthly thing,Next month\n";
    let day = common::date;
    let (first, _) = apply(&empty, sheet, day("2026-12-15"), common::now(), &mut ids).unwrap();
    for later in ["2026-12-22", "2027-01-05"] {
        let (again, report) = apply(&first, sheet, day(later), common::now(), &mut ids).unwrap();
        assert_eq!((report.added, report.updated), (0, 0), "{later}");
        assert_eq!(
            again.initiatives, first.initiatives,
            "no slip logged on {later}"
        );
    }
    // Work due more than twelve months out, or with no date, is in Next year already: a
    // row saying so keeps its target.
    let mut far = first.clone();
    far.initiatives[0].target = "2028-06-30".parse().unwrap();
    let next_year = "title,horizon\nWeekly thing,Next year\n";
    let (kept, _) = apply(&far, next_year, day("2026-12-15"), common::now(), &mut ids).unwrap();
    assert_eq!(kept.initiatives[0].target, far.initiatives[0].target);
    // Pulled in: the sheet now says Now for work planned in Next month.
    let now = "title,horizon\nMonthly thing,Now\n";
    let (pulled, _) = apply(&first, now, day("2026-12-15"), common::now(), &mut ids).unwrap();
    let monthly = pulled
        .initiatives
        .iter()
        .find(|i| i.title == "Monthly thing")
        .unwrap();
    assert_eq!(monthly.target.due(), Some(day("2026-12-20")));
    assert_eq!(monthly.slip_count(), 0);
}

#[test]
fn a_kpi_target_in_words_replaces_its_number_and_a_number_in_another_unit_is_said() {
    use alignmap::export::sheets::{Sheet, apply_sheet};
    let today = common::date(common::TODAY);
    let sample = alignmap::sample::sample(today, common::now()).unwrap();
    let mut ids = alignmap::domain::IdGen::with_seed(5);
    let (goal, kpi) = (&sample.goals[1], &sample.goals[1].kpis[0]);
    assert!(kpi.target.is_some());
    let csv = format!(
        "goal,id,name,target\n{},{},{},around 50 within 2 years\n",
        goal.code, kpi.id, kpi.name
    );
    let (after, _) =
        apply_sheet(&sample, Sheet::Kpis, &csv, today, common::now(), &mut ids).unwrap();
    let k = &after.goals[1].kpis[0];
    assert_eq!(
        (k.target, k.target_change, k.target_note.as_str()),
        (None, None, "around 50 within 2 years")
    );
    assert_eq!(
        k.progress(),
        None,
        "no progress against a number the plan no longer gives"
    );
    let csv = format!(
        "goal,id,name,unit,target\n{},{},{},points,37%\n",
        goal.code, kpi.id, kpi.name
    );
    let (_, report) =
        apply_sheet(&sample, Sheet::Kpis, &csv, today, common::now(), &mut ids).unwrap();
    assert_eq!(
        report.notes,
        ["row 2: the target \"37%\" is not a number in points: kept as the target's note"]
    );
}
