//! The real binary on a pseudo-terminal, as a person at a terminal runs it: keys in, the
//! screen's bytes out, and the window closed (the pty master goes away) when asked.

use alignmap::storage;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::PathBuf;
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
pub struct Session {
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    /// The process.
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    /// Everything the app printed so far.
    pub output: Arc<Mutex<Vec<u8>>>,
    stop_reading: Arc<AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

/// A data home with nothing of the real user's in it.
pub struct Home {
    /// The directory (data, state, home all inside).
    pub dir: tempfile::TempDir,
}

impl Home {
    /// An empty home in a temp directory.
    pub fn new() -> Self {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn roadmap(&self) -> PathBuf {
        self.dir.path().join("roadmap.ron")
    }

    pub fn state(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    /// Files beside the roadmap whose names contain `part`.
    pub fn beside(&self, part: &str) -> Vec<PathBuf> {
        std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().contains(part))
            .collect()
    }

    /// Starts `alignmap --file roadmap.ron` (through `wrapper` when given) on a new pty.
    pub fn start(&self, wrapper: &[&str]) -> Session {
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
    pub fn settle(&mut self) {
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
    pub fn send(&mut self, bytes: &[u8]) {
        let writer = self.writer.as_mut().unwrap();
        writer.write_all(bytes).unwrap();
        writer.flush().unwrap();
        self.settle();
    }

    /// Types text one key at a time, as a person does.
    pub fn type_text(&mut self, text: &str) {
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
    pub fn close_window(&mut self) {
        self.stop_reading.store(true, Ordering::SeqCst);
        // A resize makes the app redraw, so the reader wakes, sees the flag and lets go.
        let bigger = PtySize { rows: 31, ..SIZE };
        self.master.as_ref().unwrap().resize(bigger).unwrap();
        self.reader.take().unwrap().join().unwrap();
        self.writer = None;
        self.master = None;
    }

    /// Waits for the process to end (at most 10 s) and returns its exit code.
    pub fn exit_code(&mut self) -> u32 {
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

    /// Kills the process with SIGKILL (no chance to save or clean up) and waits for it.
    pub fn kill9(&mut self) {
        let pid = self.child.process_id().unwrap();
        let pid = rustix::process::Pid::from_raw(i32::try_from(pid).unwrap()).unwrap();
        rustix::process::kill_process(pid, rustix::process::Signal::KILL).unwrap();
        self.child.wait().unwrap();
    }
}
