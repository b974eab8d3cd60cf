//! The exits people really use, on the real binary in a real pseudo-terminal: closing the
//! window (the pty master goes away) in the middle of a form or the capture line, with and
//! without a SIGHUP reaching the app, Ctrl-c in a form and in capture, and a paste that
//! carries the "paste ends" sequence. Nothing typed is lost, the exit is orderly (129 after a
//! hang-up, never an abort), and pasted text never runs commands.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::storage;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SIZE: PtySize = PtySize {
    rows: 30,
    cols: 100,
    pixel_width: 0,
    pixel_height: 0,
};

/// The app on a pseudo-terminal, with everything it prints collected.
struct Session {
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    output: Arc<Mutex<Vec<u8>>>,
    stop_reading: Arc<AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

/// A data home with nothing of the real user's in it.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Self {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn roadmap(&self) -> PathBuf {
        self.dir.path().join("roadmap.ron")
    }

    fn state(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    /// Files beside the roadmap whose names contain `part`.
    fn beside(&self, part: &str) -> Vec<PathBuf> {
        std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().contains(part))
            .collect()
    }

    /// Starts `alignmap --file roadmap.ron` (through `wrapper` when given) on a new pty.
    fn start(&self, wrapper: &[&str]) -> Session {
        let pair = native_pty_system().openpty(SIZE).unwrap();
        let bin = env!("CARGO_BIN_EXE_alignmap");
        let mut cmd = match wrapper.split_first() {
            Some((program, rest)) => {
                let mut cmd = CommandBuilder::new(program);
                cmd.args(rest);
                cmd.arg(bin);
                cmd
            }
            None => CommandBuilder::new(bin),
        };
        cmd.arg("--file");
        cmd.arg(self.roadmap());
        cmd.args(["--today", "2026-11-22"]);
        cmd.cwd(self.dir.path());
        cmd.env_remove("ALIGNMAP_DIR");
        cmd.env("HOME", self.dir.path());
        cmd.env("XDG_CONFIG_HOME", self.dir.path().join("config"));
        cmd.env("XDG_STATE_HOME", self.dir.path().join("xdg-state"));
        cmd.env(storage::away::STATE_DIR_ENV, self.state());
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let stop_reading = Arc::new(AtomicBool::new(false));
        let (out, stop) = (Arc::clone(&output), Arc::clone(&stop_reading));
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                out.lock().unwrap().extend_from_slice(&buf[..n]);
                if stop.load(Ordering::SeqCst) {
                    return; // drops our copy of the master, so closing the other is a hang-up
                }
            }
        });
        let mut session = Session {
            master: Some(pair.master),
            writer: Some(writer),
            child,
            output,
            stop_reading,
            reader: Some(reader),
        };
        session.settle();
        session
    }
}

/// How much the app has drawn, leaving out what every frame repeats when nothing changed
/// (the colour reset, then hiding the cursor or showing it at a position).
fn drawn(output: &[u8]) -> usize {
    const RESET: &[u8] = b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m\x1b[?25";
    let mut count = 0;
    let mut i = 0;
    while i < output.len() {
        if output[i..].starts_with(RESET) {
            i += RESET.len() + 1; // and the 'l' or 'h'
            if output[i..].starts_with(b"\x1b[") {
                let end = output[i + 2..]
                    .iter()
                    .position(|b| !(b.is_ascii_digit() || *b == b';'));
                if let Some(end) = end
                    && output.get(i + 2 + end) == Some(&b'H')
                {
                    i += 2 + end + 1;
                }
            }
            continue;
        }
        count += 1;
        i += 1;
    }
    count
}

impl Session {
    /// Waits until the app has drawn everything it will draw for now: nothing new drawn for
    /// 400 ms (every key is followed by a redraw, so its keys have all been handled).
    fn settle(&mut self) {
        let end = Instant::now() + Duration::from_secs(15);
        let mut seen = usize::MAX;
        let mut quiet_since = Instant::now();
        while Instant::now() < end {
            let now = drawn(&self.output.lock().unwrap());
            if now != seen {
                seen = now;
                quiet_since = Instant::now();
            } else if quiet_since.elapsed() > Duration::from_millis(400) && now > 0 {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the app never went quiet");
    }

    /// Sends bytes as typed (or pasted), then waits for the app to draw them.
    fn send(&mut self, bytes: &[u8]) {
        let writer = self.writer.as_mut().unwrap();
        writer.write_all(bytes).unwrap();
        writer.flush().unwrap();
        self.settle();
    }

    /// Types text one key at a time, as a person does.
    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let mut buf = [0u8; 4];
            let writer = self.writer.as_mut().unwrap();
            writer
                .write_all(c.encode_utf8(&mut buf).as_bytes())
                .unwrap();
            writer.flush().unwrap();
            std::thread::sleep(Duration::from_millis(5));
        }
        self.settle();
    }

    /// Closes the window: every handle on the pty master goes away.
    fn close_window(&mut self) {
        self.stop_reading.store(true, Ordering::SeqCst);
        // A resize makes the app redraw, so the reader wakes, sees the flag and lets go.
        let bigger = PtySize { rows: 31, ..SIZE };
        self.master.as_ref().unwrap().resize(bigger).unwrap();
        self.reader.take().unwrap().join().unwrap();
        self.writer = None;
        self.master = None;
    }

    /// Waits for the process to end (at most 10 s) and returns its exit code.
    fn exit_code(&mut self) -> u32 {
        let end = Instant::now() + Duration::from_secs(10);
        while Instant::now() < end {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert_eq!(status.signal(), None, "killed by a signal: {status:?}");
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("the app did not end within 10 s of the hang-up");
    }
}

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
fn a_capture_line_is_kept_when_the_window_closes() {
    let home = sample_home();
    let mut app = home.start(&[]);
    app.send(b"c");
    app.type_text("MK789 captured line +ops");
    app.close_window();
    assert_eq!(app.exit_code(), 129);
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
}
