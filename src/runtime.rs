//! The event loop: terminal events → app update → autosave (I/O) → draw. Also restores the
//! terminal on every exit path (ratatui's panic hook covers panics).

use crate::app::{App, Source};
use crate::domain::Roadmap;
use crate::storage;
use crate::ui;
use chrono::Local;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Longest an edit waits before it is written (the debounce window).
pub const SAVE_DELAY: Duration = Duration::from_secs(1);
/// Wait before retrying a failed save.
pub const RETRY_DELAY: Duration = Duration::from_secs(5);
/// How often the loop wakes when idle (signals, date change).
const IDLE_TICK: Duration = Duration::from_millis(250);

/// How the session ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was saved (or nothing needed saving).
    Saved,
    /// The final save failed; the edits were written to this recovery file instead.
    Recovered(PathBuf),
}

/// Decides when to write: at most once per [`SAVE_DELAY`] during a burst, never when idle.
#[derive(Debug, Default)]
pub struct Autosave {
    deadline: Option<Instant>,
}

impl Autosave {
    /// True when a save is due at `now`; arms the timer on the first unsaved edit.
    pub fn due(&mut self, unsaved: bool, now: Instant) -> bool {
        if !unsaved {
            self.deadline = None;
            return false;
        }
        let deadline = *self.deadline.get_or_insert(now + SAVE_DELAY);
        deadline <= now
    }

    /// Records the result of a save.
    pub fn saved(&mut self, ok: bool, now: Instant) {
        self.deadline = if ok { None } else { Some(now + RETRY_DELAY) };
    }

    /// How long the loop may sleep.
    pub fn timeout(&self, now: Instant) -> Duration {
        self.deadline
            .map_or(IDLE_TICK, |d| d.saturating_duration_since(now))
            .min(IDLE_TICK)
    }
}

/// Writes the roadmap if it is a file and has unsaved edits; updates the app's save state.
pub fn save_app(app: &mut App) -> bool {
    let Source::File(path) = &app.source else {
        return true;
    };
    if app.unsaved == 0 {
        return true;
    }
    match storage::save(path, &app.roadmap) {
        Ok(()) => {
            app.mark_saved(Local::now().time());
            true
        }
        Err(e) => {
            app.mark_save_failed(e.to_string());
            false
        }
    }
}

/// Edits not yet on disk, shared with the signal thread so it can write them even when the
/// main thread is stuck (crossterm spins inside `poll` once the terminal hangs up). Saving
/// holds this lock, so the two threads never write at the same time.
type Pending = Arc<Mutex<Option<Roadmap>>>;

/// How long the signal thread lets the main loop finish on its own before saving itself.
const GRACE: Duration = Duration::from_millis(400);

/// Runs the TUI until the user quits or a signal (SIGTERM, SIGHUP, SIGINT) asks us to stop.
pub fn run(app: &mut App) -> io::Result<Outcome> {
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicBool::new(false));
    let pending: Pending = Arc::new(Mutex::new(None));
    spawn_signal_guard(app, &stop, &done, &pending)?;
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, app, &stop, &pending);
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    // Whatever ended the loop (a closed terminal makes drawing fail), write what is unsaved.
    let outcome = if app.unsaved > 0 && !save_locked(app, &pending) {
        recover(app)
    } else {
        result
    };
    done.store(true, Ordering::SeqCst);
    outcome
}

fn spawn_signal_guard(
    app: &App,
    stop: &Arc<AtomicBool>,
    done: &Arc<AtomicBool>,
    pending: &Pending,
) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let (stop, done, pending) = (Arc::clone(stop), Arc::clone(done), Arc::clone(pending));
    let path = match &app.source {
        Source::File(path) => Some(path.clone()),
        Source::Demo => None,
    };
    std::thread::spawn(move || {
        let Some(signal) = signals.forever().next() else {
            return;
        };
        stop.store(true, Ordering::SeqCst);
        let deadline = Instant::now() + GRACE;
        while Instant::now() < deadline {
            if done.load(Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        // The main loop did not finish: write the last committed state ourselves.
        let mut guard = pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let (Some(path), Some(roadmap)) = (&path, guard.take()) {
            let _ = storage::save(path, &roadmap);
        }
        ratatui::restore();
        std::process::exit(128 + signal);
    });
    Ok(())
}

/// Saves while holding the pending lock, and clears it on success.
fn save_locked(app: &mut App, pending: &Pending) -> bool {
    let mut guard = pending
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let ok = save_app(app);
    if ok {
        *guard = None;
    }
    ok
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    stop: &AtomicBool,
    pending: &Pending,
) -> io::Result<Outcome> {
    let mut autosave = Autosave::default();
    let mut failed_quits = 0;
    let mut published = app.revision;
    loop {
        if stop.load(Ordering::SeqCst) {
            app.shutdown();
            return if save_locked(app, pending) {
                Ok(Outcome::Saved)
            } else {
                recover(app)
            };
        }
        app.tick();
        let size = terminal.size()?;
        app.viewport = (size.width, size.height);
        terminal.draw(|frame| ui::render(app, frame))?;
        if event::poll(autosave.timeout(Instant::now()))? {
            let event = event::read()?;
            app.handle_event(&event);
        }
        if app.revision != published {
            published = app.revision;
            let mut guard = pending
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            *guard = (app.unsaved > 0).then(|| app.roadmap.clone());
        }
        let now = Instant::now();
        if !app.quit && autosave.due(app.unsaved > 0, now) {
            let ok = save_locked(app, pending);
            autosave.saved(ok, now);
        }
        if app.quit {
            if save_locked(app, pending) {
                return Ok(Outcome::Saved);
            }
            failed_quits += 1;
            if failed_quits >= 2 {
                return recover(app);
            }
            app.quit = false;
            app.error("Could not save (see the right). Fix it and press q again; a second q writes a recovery copy and quits.");
        }
    }
}

/// Last resort when the roadmap file cannot be written: put the edits in the temp dir.
fn recover(app: &App) -> io::Result<Outcome> {
    let name = format!(
        "alignmap-recovery-{}.ron",
        Local::now().format("%Y%m%d-%H%M%S")
    );
    let path = std::env::temp_dir().join(name);
    let text = storage::to_ron(&app.roadmap).map_err(io::Error::other)?;
    storage::write_atomic(&path, text.as_bytes()).map_err(io::Error::other)?;
    Ok(Outcome::Recovered(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn autosave_waits_for_the_window_and_never_writes_when_idle() {
        let mut a = Autosave::default();
        let t0 = Instant::now();
        assert!(!a.due(false, t0), "nothing to save");
        assert!(!a.due(true, t0), "first edit arms the timer");
        assert!(
            !a.due(true, t0 + Duration::from_millis(900)),
            "more typing does not save yet"
        );
        assert!(
            a.due(true, t0 + SAVE_DELAY),
            "due one window after the first edit"
        );
        a.saved(false, t0 + SAVE_DELAY);
        assert!(
            !a.due(true, t0 + SAVE_DELAY + Duration::from_secs(1)),
            "retry waits"
        );
        assert!(a.due(true, t0 + SAVE_DELAY + RETRY_DELAY));
        a.saved(true, t0 + SAVE_DELAY + RETRY_DELAY);
        assert!(!a.due(false, t0 + Duration::from_secs(60)));
        assert_eq!(a.timeout(t0), IDLE_TICK);
    }
}
