//! What the command line prints can never take over the terminal: titles, CSV headers and
//! cells, and paths with escape sequences in them come out as visible placeholders. And
//! the exit codes say what kind of failure it was (1 bad data, 2 usage).
#![allow(clippy::unwrap_used)] // test code

mod common;

use predicates::prelude::*;
use std::path::Path;

/// The terminal-title escape sequence: ESC ] 0 ; PWNED BEL.
const HOSTILE: &str = "\u{1b}]0;PWNED\u{7}";

fn alignmap(dir: &Path) -> assert_cmd::Command {
    common::cli_in(dir)
}

/// Both streams hold no control byte but line breaks, and show the placeholders instead.
fn assert_clean(output: &std::process::Output) {
    assert_shown(output, "␛]0;pwned␇");
}

fn assert_shown(output: &std::process::Output, placeholders: &str) {
    for (name, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{name} carries a control character: {text:?}"
        );
    }
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    // (CSV headers are compared lower-cased, so they come back lower-cased.)
    assert!(
        all.to_lowercase().contains(placeholders),
        "shown, not hidden: {all}"
    );
}

#[test]
fn check_shows_a_hostile_title_in_its_problem_list_as_placeholders() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("tests/fixtures/invalid/missing_goal.ron").unwrap();
    let text = text.replace("\"Orphan\"", "\"Orphan \\u{1b}]0;PWNED\\u{7}\"");
    std::fs::write(dir.path().join("roadmap.ron"), text).unwrap();
    let output = alignmap(dir.path()).arg("check").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_clean(&output);
}

#[test]
fn check_shows_a_hostile_path_as_placeholders() {
    let dir = tempfile::tempdir().unwrap();
    let output = alignmap(dir.path())
        .arg("check")
        .arg(dir.path().join(format!("{HOSTILE}.ron")))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_clean(&output);
}

#[test]
fn import_shows_hostile_headers_cells_and_goal_names_as_placeholders() {
    let dir = tempfile::tempdir().unwrap();
    let bad_header = dir.path().join("header.csv");
    std::fs::write(
        &bad_header,
        format!("title,target,{HOSTILE}\nx,2027-01-01,1\n"),
    )
    .unwrap();
    let output = alignmap(dir.path())
        .arg("import")
        .arg(&bad_header)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_clean(&output);
    let new_goal = dir.path().join("goal.csv");
    std::fs::write(
        &new_goal,
        // No ';' here: it separates goals in that column.
        "title,target,goals\nx,2027-01-01,\u{1b}[2J PWNED\u{7}\n",
    )
    .unwrap();
    let output = alignmap(dir.path())
        .args(["import", "--dry-run"])
        .arg(&new_goal)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_shown(&output, "would create goals: ␛[2j pwned␇");
}

#[test]
fn two_import_rows_with_one_id_are_refused_naming_both_rows() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("dupes.csv");
    std::fs::write(
        &csv,
        "title,horizon,id\nFIRST,now,i-dupe1\nSECOND,next year,i-dupe1\n",
    )
    .unwrap();
    alignmap(dir.path())
        .arg("import")
        .arg(&csv)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "row 3, column id: i-dupe1 is also the id of row 2",
        ));
    let roadmap = alignmap::storage::load(&dir.path().join("roadmap.ron"));
    assert!(
        roadmap.is_err() || roadmap.unwrap().initiatives.is_empty(),
        "nothing imported"
    );
}

#[test]
fn usage_mistakes_exit_2_and_bad_data_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    alignmap::storage::save(
        &dir.path().join("roadmap.ron"),
        &alignmap::sample::sample(common::date(common::TODAY), common::now()).unwrap(),
    )
    .unwrap();
    for args in [
        &["restore", "0"][..],
        &["restore", "99"],
        &["diff", "no-such-snapshot"],
        &[
            "export",
            "--format",
            "md",
            "--snapshot",
            "nope",
            "--out",
            "-",
        ],
        &["snapshot", "--view", "nope"],
    ] {
        alignmap(dir.path()).args(args).assert().code(2);
    }
    std::fs::write(dir.path().join("roadmap.ron"), "not a roadmap").unwrap();
    alignmap(dir.path()).arg("check").assert().code(1);
}
