//! The exits people really use, on the real binary in a real pseudo-terminal: closing the
//! window (the pty master goes away) in the middle of a form or the capture line, with and
//! without a SIGHUP reaching the app, Ctrl-c in a form and in capture, and a paste that
//! carries the "paste ends" sequence. Nothing typed is lost, the exit is orderly (129 after a
//! hang-up, never an abort), and pasted text never runs commands.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::storage;
use common::pty::Home;
use std::path::Path;

fn titles(path: &Path) -> Vec<String> {
    storage::load(path)
        .unwrap()
        .initiatives
        .iter()
        .map(|i| i.title.clone())
        .collect()
}

fn sample_home() -> Home {
    let home = Home::new();
    let today = common::date(common::TODAY);
    storage::save(
        &home.roadmap(),
        &alignmap::sample::sample(today, common::now()).unwrap(),
    )
    .unwrap();
    home
}

#[test]
fn closing_the_window_mid_form_saves_the_typed_title_and_exits_129() {
    let home = sample_home();
    let mut app = home.start(&[]);
    app.send(b"a");
    app.type_text("MK123 typed title");
    app.close_window();
    assert_eq!(app.exit_code(), 129, "an orderly exit after SIGHUP");
    assert!(titles(&home.roadmap()).contains(&"MK123 typed title".to_string()));
    assert!(home.beside("core").is_empty(), "no core dump");
}

#[test]
fn a_hang_up_that_sends_no_sighup_is_noticed_and_saves() {
    // `setsid` puts the app in a session of its own, so closing the pty sends it no SIGHUP
    // (as when a shell ignores it, or an ssh session's leader survives); its terminal still
    // goes dead, and the app must notice that by itself.
    let home = sample_home();
    // The wrapper (the session leader, which does get the SIGHUP) ignores it and waits.
    let mut app = home.start(&["sh", "-c", "trap '' HUP; setsid -w \"$@\"", "sh"]);
    app.send(b"a");
    app.type_text("MK456 no signal");
    app.close_window();
    assert_eq!(app.exit_code(), 129);
    assert!(titles(&home.roadmap()).contains(&"MK456 no signal".to_string()));
}

#[test]
fn a_capture_line_is_kept_as_a_line_when_the_window_closes_and_comes_back() {
    let home = sample_home();
    let before = titles(&home.roadmap());
    let mut app = home.start(&[]);
    app.send(b"c");
    app.type_text("MK789 captured line +ops");
    app.close_window();
    assert_eq!(app.exit_code(), 129);
    assert_eq!(
        titles(&home.roadmap()),
        before,
        "no Enter, no card: closing the window decides nothing"
    );
    let drafts = home.beside(".draft-");
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    let mut again = home.start(&[]);
    again.send(b"\r"); // the line is back in the capture line: Enter adds it
    again.send(b"q");
    assert_eq!(again.exit_code(), 0);
    assert!(titles(&home.roadmap()).contains(&"MK789 captured line".to_string()));
}

#[test]
fn a_form_not_valid_yet_is_kept_as_a_draft_and_reopened_at_the_next_start() {
    let home = sample_home();
    let before = titles(&home.roadmap());
    let mut app = home.start(&[]);
    app.send(b"a");
    app.send(b"\t"); // to the summary: the title stays empty, so the form is not valid
    app.type_text("only a summary ZZ9");
    app.close_window();
    assert_eq!(app.exit_code(), 129);
    assert_eq!(titles(&home.roadmap()), before, "nothing invalid was saved");
    let drafts = home.beside(".draft-");
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    assert!(
        std::fs::read_to_string(&drafts[0])
            .unwrap()
            .contains("only a summary ZZ9")
    );

    let mut again = home.start(&[]);
    again.type_text("Now with a title"); // the reopened form has the title focused
    again.send(b"\r");
    again.send(b"q");
    assert_eq!(again.exit_code(), 0);
    let roadmap = storage::load(&home.roadmap()).unwrap();
    let kept = roadmap
        .initiatives
        .iter()
        .find(|i| i.title == "Now with a title")
        .expect("the draft became an initiative");
    assert_eq!(kept.summary, "only a summary ZZ9");
    assert!(
        home.beside(".draft-").is_empty(),
        "the draft moved to backups/"
    );
}

#[test]
fn ctrl_c_in_a_form_and_in_capture_keeps_what_was_typed() {
    let home = sample_home();
    let mut app = home.start(&[]);
    app.send(b"a");
    app.type_text("MK321 form then ctrl-c");
    app.send(b"\x03");
    assert_eq!(app.exit_code(), 0);
    let mut app = home.start(&[]);
    app.send(b"c");
    app.type_text("MK654 capture then ctrl-c");
    app.send(b"\x03");
    assert_eq!(app.exit_code(), 0);
    let titles = titles(&home.roadmap());
    assert!(titles.contains(&"MK321 form then ctrl-c".to_string()));
    assert!(titles.contains(&"MK654 capture then ctrl-c".to_string()));
}

#[test]
fn a_paste_that_ends_itself_early_never_runs_commands() {
    let home = sample_home();
    let before = titles(&home.roadmap());
    let mut app = home.start(&[]);
    // On the board: "d" would ask to delete the card and "y" confirm it.
    app.send(b"\x1b[200~pasted\x1b[201~dy\x1b[201~");
    app.send(b"q");
    assert_eq!(app.exit_code(), 0);
    assert_eq!(titles(&home.roadmap()), before, "no card deleted");
}

#[test]
fn a_corrupt_roadmap_is_refused_before_the_terminal_is_touched() {
    let home = Home::new();
    let corrupt = "(\n    version: 3,\n    name: \"x\",\n    goals: [\n        oops\n";
    std::fs::write(home.roadmap(), corrupt).unwrap();
    let mut app = home.start(&[]);
    assert_eq!(app.exit_code(), 1);
    let output = String::from_utf8_lossy(&app.output.lock().unwrap()).into_owned();
    assert!(output.contains("roadmap.ron:5:"), "{output}");
    assert!(
        !output.contains("\x1b[?1049h"),
        "never switched to the alternate screen: {output:?}"
    );
    assert_eq!(std::fs::read_to_string(home.roadmap()).unwrap(), corrupt);
    let mut names: Vec<String> = std::fs::read_dir(home.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["roadmap.ron"],
        "nothing left beside it, not even the lock"
    );
}
