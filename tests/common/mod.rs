//! Shared test helpers: an app on the sample roadmap with a fixed clock, and key feeding.
#![allow(clippy::unwrap_used, dead_code)] // test code; not every test file uses every helper

pub mod files;
pub mod pty;
pub mod render;

use alignmap::app::{App, Clock, Source};
use alignmap::domain::{IdGen, Roadmap};
use alignmap::sample::sample;
use chrono::{DateTime, NaiveDate, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Sunday 22 November 2026, the day the fixtures are written for.
pub const TODAY: &str = "2026-11-22";

pub fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-22T09:30:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// An app on `roadmap` as of `today`, saving to a file path that is never written in tests.
pub fn app_with(roadmap: Roadmap, today: &str) -> App {
    let source = Source::File("/nonexistent/roadmap.ron".into());
    App::builder(roadmap, Clock::fixed(date(today), now()))
        .source(source)
        .ids(IdGen::with_seed(42))
        .build()
}

/// An app on `roadmap` whose clock says `today`, at 09:30 that day (time stamps move with
/// the date, as `--today` does).
pub fn app_at(roadmap: Roadmap, today: &str) -> App {
    let now = date(today).and_hms_opt(9, 30, 0).unwrap().and_utc();
    App::builder(roadmap, Clock::fixed(date(today), now))
        .source(Source::File("/nonexistent/roadmap.ron".into()))
        .ids(IdGen::with_seed(7))
        .build()
}

/// An app on the sample roadmap as of [`TODAY`].
pub fn sample_app() -> App {
    app_with(sample(date(TODAY), now()).unwrap(), TODAY)
}

/// Parses a key name: `a`, `Enter`, `Esc`, `Tab`, `BackTab`, `Up`, `S-Right`, `C-z`, `Space` …
pub fn key(name: &str) -> KeyEvent {
    let (mods, base) = match name.split_once('-') {
        Some(("S", rest)) => (KeyModifiers::SHIFT, rest),
        Some(("C", rest)) => (KeyModifiers::CONTROL, rest),
        _ => (KeyModifiers::NONE, name),
    };
    let code = match base {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "BackTab" => KeyCode::BackTab,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Delete" => KeyCode::Delete,
        "PageUp" => KeyCode::PageUp,
        "PageDown" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "Backspace" => KeyCode::Backspace,
        "Space" => KeyCode::Char(' '),
        c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap()),
        other => panic!("unknown key name {other}"),
    };
    KeyEvent::new(code, mods)
}

/// Presses keys given as space-separated names, measuring the screen before each as the
/// runtime does.
pub fn press(app: &mut App, keys: &str) {
    for name in keys.split_whitespace() {
        app.view.metrics = alignmap::ui::measure(app);
        app.handle_key(key(name));
    }
}

/// Types text character by character.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

/// Titles of the cards in a column, top to bottom.
pub fn column_titles(app: &App, column: usize) -> Vec<String> {
    app.derived.columns[column]
        .iter()
        .map(|i| app.roadmap.initiatives[*i].title.clone())
        .collect()
}

/// Starts `alignmap --file <path> --today 2026-11-22 dev <tool>` and waits until it prints
/// "ready" (its first save or edit is done).
pub fn spawn_dev_tool(path: &std::path::Path, tool: &str) -> std::process::Child {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_alignmap"))
        .arg("--file")
        .arg(path)
        .args(["--today", TODAY, "dev", tool])
        .env_remove("ALIGNMAP_DIR")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut ready = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut ready)
        .unwrap();
    assert_eq!(ready.trim(), "ready");
    child
}

/// Renders the app at `width` x `height` into a TestBackend, as the runtime would.
pub fn draw(
    app: &mut App,
    width: u16,
    height: u16,
) -> ratatui::Terminal<ratatui::backend::TestBackend> {
    app.view.viewport = (width, height);
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|frame| alignmap::ui::render(app, frame))
        .unwrap();
    terminal
}

/// The screen as plain text, one line per row.
pub fn screen_text(terminal: &ratatui::Terminal<ratatui::backend::TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// `alignmap` run as a user would in `dir`: `dir` is the data directory and the working
/// directory, the state directory and home are inside it, today is [`TODAY`].
pub fn cli_in(dir: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("alignmap").unwrap();
    cmd.current_dir(dir)
        .env("ALIGNMAP_DIR", dir)
        .env("ALIGNMAP_TODAY", TODAY)
        .env("HOME", dir.join("home"))
        .env("XDG_CONFIG_HOME", dir.join("xdg"))
        .env(alignmap::storage::away::STATE_DIR_ENV, dir.join("state"))
        .timeout(std::time::Duration::from_secs(20));
    cmd
}

/// The names in `dir`, sorted.
pub fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
