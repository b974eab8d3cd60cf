//! Two people plan one roadmap in one git repository, each in their own branch, through
//! alignmap's own edit and save path; git merges their work. Without the driver, edits to
//! different initiatives (and initiatives added on both sides) merge as text, because the file
//! keeps one field per line and initiatives in id order. With `alignmap git-setup`'s driver,
//! different fields of one initiative merge too, and one field changed both ways becomes a
//! conflict inside a file the planner opens and settles with one key.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::app::{App, Clock, Mode, Source};
use alignmap::domain::{IdGen, InitiativeId, Roadmap, Status};
use alignmap::storage;
use common::{date, now, press, type_text};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run_git(repo: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .env("GIT_AUTHOR_DATE", "2026-11-22T09:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-11-22T09:00:00Z")
        .output()
        .expect("git is installed (CI installs it)")
}

fn git(repo: &Path, args: &[&str]) {
    let out = run_git(repo, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A repository on branch `main` holding the sample as `roadmap.ron`, committed.
fn repository() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().to_path_buf();
    git(&repo, &["init", "-q", "-b", "main"]);
    git(&repo, &["config", "user.name", "Test"]);
    git(&repo, &["config", "user.email", "test@example.invalid"]);
    let file = repo.join("roadmap.ron");
    let sample = alignmap::sample::sample(date(common::TODAY), now()).unwrap();
    storage::save(&file, &sample).unwrap();
    git(&repo, &["add", "roadmap.ron"]);
    git(&repo, &["commit", "-q", "-m", "the sample"]);
    (dir, file)
}

/// Opens the file in the planner (ids and clock per person, as on two machines),
/// applies `keys` (`type:` text is typed), saves as the planner does, commits on `branch`.
fn plan(repo: &Path, branch: &str, seed: u64, steps: &[&str]) {
    git(repo, &["checkout", "-q", "-B", branch, "main"]);
    let file = repo.join("roadmap.ron");
    // Each person edits at their own minute, so their edit stamps differ as in life.
    let at = now() + chrono::Duration::minutes(i64::try_from(seed).unwrap());
    let mut app = App::builder(
        storage::load(&file).unwrap(),
        Clock::fixed(date(common::TODAY), at),
    )
    .source(Source::File(file.clone()))
    .ids(IdGen::with_seed(seed))
    .build();
    for step in steps {
        match step.strip_prefix("type:") {
            Some(text) => type_text(&mut app, text),
            None => press(&mut app, step),
        }
    }
    storage::save(&file, &app.roadmap).unwrap();
    git(repo, &["commit", "-q", "-am", branch]);
}

/// Merges `branch` into `main`; true when git merged it without stopping.
fn merge_into_main(repo: &Path, branch: &str) -> bool {
    git(repo, &["checkout", "-q", "main"]);
    run_git(repo, &["merge", "-q", "--no-edit", branch])
        .status
        .success()
}

fn loaded(repo: &Path) -> Roadmap {
    storage::load(&repo.join("roadmap.ron")).unwrap()
}

#[test]
fn edits_to_different_initiatives_merge_as_plain_text_without_the_driver() {
    let (dir, _) = repository();
    let repo = dir.path();
    // Ana marks the first Now card done and reviews the overdue entry of the queue; Raj
    // moves the first Next week card to next month.
    plan(repo, "ana", 1, &["x", "3", "Space"]);
    plan(repo, "raj", 2, &["Right", "L"]);
    let (ana, raj) = (read_branch(repo, "ana"), read_branch(repo, "raj"));
    let (done, moved) = (changed_card(&ana), changed_card(&raj));
    assert_ne!(done, moved);
    assert!(!ana.reviews.is_empty(), "Ana reviewed an entry");
    assert!(merge_into_main(repo, "ana"));
    assert!(
        merge_into_main(repo, "raj"),
        "different initiatives merge as text"
    );
    let merged = loaded(repo);
    assert_eq!(merged.initiative(&done).unwrap().status, Status::Done);
    assert_eq!(
        merged.initiative(&moved),
        raj.initiative(&moved),
        "the move, as Raj made it"
    );
    assert_eq!(merged.reviews, ana.reviews, "the review mark");
}

#[test]
fn initiatives_added_on_both_branches_merge_as_plain_text_without_the_driver() {
    let (dir, _) = repository();
    let repo = dir.path();
    plan(
        repo,
        "ana",
        11,
        &["c", "type:Retire the fax server #COST", "Enter"],
    );
    plan(
        repo,
        "raj",
        12,
        &["c", "type:Partner portal in French #CX", "Enter"],
    );
    assert!(merge_into_main(repo, "ana"));
    assert!(
        merge_into_main(repo, "raj"),
        "additions land at their own id's place"
    );
    let titles: Vec<String> = loaded(repo)
        .initiatives
        .iter()
        .map(|i| i.title.clone())
        .collect();
    assert!(
        titles.contains(&"Retire the fax server".to_string()),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Partner portal in French".to_string()),
        "{titles:?}"
    );
    assert_eq!(titles.len(), 20);
}

fn install_driver(repo: &Path) {
    let out = common::cli_in(repo)
        .arg("git-setup")
        .env("ALIGNMAP_DIR", repo)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The driver alignmap installs names this very binary.
    let driver = run_git(repo, &["config", "merge.alignmap.driver"]);
    let driver = String::from_utf8_lossy(&driver.stdout).trim().to_string();
    assert!(driver.ends_with("merge %O %A %B --path %P"), "{driver}");
    git(repo, &["add", ".gitattributes", ".gitignore"]);
    git(repo, &["commit", "-q", "-m", "alignmap merges roadmaps"]);
}

#[test]
fn with_the_driver_two_fields_of_one_initiative_merge_and_one_field_both_ways_waits_in_the_file() {
    let (dir, _) = repository();
    let repo = dir.path();
    install_driver(repo);
    // Both edit the first Now card: one its status (x: done), the other its target (L).
    plan(repo, "ana", 1, &["x"]);
    plan(repo, "raj", 2, &["L"]);
    let (ana, raj) = (read_branch(repo, "ana"), read_branch(repo, "raj"));
    let card = changed_card(&ana);
    assert_eq!(changed_card(&raj), card, "the same card");
    assert!(merge_into_main(repo, "ana"));
    assert!(
        merge_into_main(repo, "raj"),
        "different fields of one initiative merge"
    );
    let merged = loaded(repo);
    let i = merged.initiative(&card).unwrap();
    assert_eq!(i.status, Status::Done);
    assert_eq!(i.target, raj.initiative(&card).unwrap().target);
    assert!(merged.conflicts.is_empty());

    // Now both rename one card: the merge stops with the conflict inside a valid file.
    rename_on_two_branches(repo, "Invoice matching for the top suppliers");
    assert!(
        !merge_into_main(repo, "sam"),
        "git stops: a field changed both ways"
    );
    let conflicted = loaded(repo);
    assert_eq!(conflicted.conflicts.len(), 1, "{:?}", conflicted.conflicts);
    let c = &conflicted.conflicts[0];
    assert!(c.about.ends_with("› title"), "{}", c.about);
    assert_eq!(
        c.shown(alignmap::domain::conflict::Side::Theirs),
        "Invoice matching for the top suppliers"
    );

    // git-setup's pre-commit hook keeps the unfinished merge out of a commit.
    git(repo, &["add", "roadmap.ron"]);
    let refused = run_git(repo, &["commit", "-q", "--no-edit"]);
    assert!(
        !refused.status.success(),
        "committed with a conflict waiting"
    );
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("alignmap: roadmap.ron is not ready to commit")
            && said.contains("1 conflict waiting from a merge"),
        "{said}"
    );

    let renamed = InitiativeId(c.at[1].clone());
    // Lena opens the merged file: the conflicts list is up, t takes Sam's title.
    let file = repo.join("roadmap.ron");
    let mut app = App::builder(conflicted, Clock::fixed(date(common::TODAY), now()))
        .source(Source::File(file.clone()))
        .build();
    assert!(
        matches!(app.mode, Mode::Merged { selected: 0 }),
        "{:?}",
        app.mode
    );
    press(&mut app, "t");
    assert!(matches!(app.mode, Mode::Browse), "{:?}", app.mode);
    storage::save(&file, &app.roadmap).unwrap();
    git(repo, &["commit", "-q", "-am", "settled"]);
    let settled = loaded(repo);
    assert!(settled.conflicts.is_empty());
    assert_eq!(
        settled.initiative(&renamed).unwrap().title,
        "Invoice matching for the top suppliers"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        !text.contains("about:"),
        "no conflict left in the file: {text}"
    );
}

/// Lena renames the selected card on one branch (merged into main), Sam renames it to
/// `sams_title` on another (not merged yet).
fn rename_on_two_branches(repo: &Path, sams_title: &str) {
    let lena = ["e", "C-u", "type:Invoice matching, phase 1", "Enter"];
    plan(repo, "lena", 3, &lena);
    let sams = format!("type:{sams_title}");
    plan(repo, "sam", 4, &["e", "C-u", &sams, "Enter"]);
    assert!(merge_into_main(repo, "lena"));
}

fn read_branch(repo: &Path, branch: &str) -> Roadmap {
    let out = run_git(repo, &["show", &format!("{branch}:roadmap.ron")]);
    storage::from_ron(
        &String::from_utf8(out.stdout).unwrap(),
        Path::new("roadmap.ron"),
    )
    .unwrap()
}

/// The one initiative a branch changed against the sample.
fn changed_card(branch: &Roadmap) -> InitiativeId {
    let sample = alignmap::sample::sample(date(common::TODAY), now()).unwrap();
    let changed: Vec<_> = branch
        .initiatives
        .iter()
        .filter(|i| sample.initiative(&i.id) != Some(*i))
        .map(|i| i.id.clone())
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    changed[0].clone()
}

#[test]
fn without_the_driver_a_textual_conflict_is_explained_by_check_and_refused_by_the_planner() {
    let (dir, file) = repository();
    let repo = dir.path();
    rename_on_two_branches(repo, "Invoice matching, top suppliers");
    assert!(!merge_into_main(repo, "sam"), "git leaves its markers");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("<<<<<<< HEAD"), "{text}");
    let card = changed_card(&read_branch(repo, "lena"));
    let out = common::cli_in(repo).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("holds a git merge conflict that was never resolved"),
        "{said}"
    );
    assert!(
        said.contains(&format!("{} \"", card.0)),
        "names the initiative: {said}"
    );
    assert!(
        regex::Regex::new(r"lines \d+-\d+").unwrap().is_match(&said),
        "{said}"
    );
    assert!(
        said.contains("alignmap git-setup"),
        "says how to redo it: {said}"
    );
    // The planner refuses it with the same explanation, and never writes over it.
    match alignmap::session::open_file(file.clone()) {
        Err(e) => assert!(e.to_string().contains("never resolved"), "{e}"),
        Ok(_) => panic!("a file with conflict markers opened"),
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn git_setup_leaves_a_pre_commit_hook_of_the_teams_own_alone_and_says_what_to_add() {
    let (dir, _) = repository();
    let repo = dir.path();
    let hook = repo.join(".git/hooks/pre-commit");
    std::fs::create_dir_all(hook.parent().unwrap()).unwrap();
    std::fs::write(&hook, "#!/bin/sh\nexit 0\n").unwrap();
    let out = common::cli_in(repo)
        .arg("git-setup")
        .env("ALIGNMAP_DIR", repo)
        .output()
        .unwrap();
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("is a hook of your own, left as it is"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(&hook).unwrap(),
        "#!/bin/sh\nexit 0\n"
    );
}
