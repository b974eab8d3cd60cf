//! The event loop: terminal events → app update → saver (I/O) → draw. Also restores the
//! terminal on every exit path (ratatui's panic hook covers panics) and saves on signals.

mod exports;
pub mod saver;
mod writer;

use crate::app::{App, SaveState};
use crate::storage::Fingerprint;
use crate::ui;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::execute;
use saver::Saver;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
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
    /// The roadmap file could not be written (or changed on disk and the user did not
    /// decide); the edits were written to this recovery copy instead.
    Recovered(PathBuf),
    /// Nothing could be written anywhere (the reason); the caller must show the edits.
    Unsaved(String),
}

impl Outcome {
    fn of(finished: Result<(), Result<PathBuf, String>>) -> Outcome {
        match finished {
            Ok(()) => Outcome::Saved,
            Err(Ok(copy)) => Outcome::Recovered(copy),
            Err(Err(why)) => Outcome::Unsaved(why),
        }
    }
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

/// How long the signal thread waits for the main loop to notice a signal before it assumes
/// the loop is stuck (crossterm spins inside `poll` once the terminal hangs up) and saves itself.
const GRACE: Duration = Duration::from_millis(400);

/// Flags shared between the event loop and the signal thread.
#[derive(Debug, Default)]
struct Flags {
    /// A stop signal arrived.
    stop: AtomicBool,
    /// The event loop saw the stop and is finishing (saving) on its own.
    acknowledged: AtomicBool,
    /// The event loop is done: everything is saved or recovered.
    done: AtomicBool,
}

/// Runs the TUI until the user quits or a signal (SIGTERM, SIGHUP, SIGINT) asks us to stop.
pub fn run(app: &mut App, known: Option<Fingerprint>) -> io::Result<Outcome> {
    let mut saver = Saver::new(app, known);
    let flags = Arc::new(Flags::default());
    spawn_signal_guard(&saver, &flags)?;
    let mut terminal = ratatui::init();
    install_panic_recovery(&saver);
    let _ = execute!(io::stdout(), EnableBracketedPaste, EnableMouseCapture);
    let result = event_loop(&mut terminal, app, &mut saver, &flags);
    // From here on this thread saves; the signal thread only waits for it.
    flags.acknowledged.store(true, Ordering::SeqCst);
    release_terminal();
    ratatui::restore();
    // Whatever ended the loop (a closed terminal makes drawing fail), keep a valid half-typed
    // form and leave nothing unsaved.
    app.shutdown();
    let outcome = match Outcome::of(saver.finish(app)) {
        Outcome::Saved => result.map(|()| Outcome::Saved),
        other => Ok(other),
    };
    flags.done.store(true, Ordering::SeqCst);
    outcome
}

/// Mouse: a click selects what is under the pointer, the wheel moves through a column.
fn handle_mouse(app: &mut App, mouse: MouseEvent) {
    let Some(target) = ui::hit::hit(app, mouse.column, mouse.row) else {
        return;
    };
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => app.click(target),
        MouseEventKind::ScrollDown => app.wheel(target, true),
        MouseEventKind::ScrollUp => app.wheel(target, false),
        _ => {}
    }
}

/// Undoes what `run` turned on beyond ratatui's own setup (mouse reporting, bracketed paste).
fn release_terminal() {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
}

/// On a panic, writes the last committed unsaved state to a recovery copy beside the file
/// (never over it), then lets the earlier hook (ratatui's: restore the terminal) run, then
/// says where the copy is.
pub fn install_panic_recovery(saver: &Saver) {
    let shared = saver.shared();
    let path = saver.path().map(Path::to_path_buf);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // try_lock: the panic may have happened while this thread held the lock.
        let copy = match shared.state.try_lock() {
            Ok(mut state) => state
                .pending
                .take()
                .and_then(|roadmap| saver::write_recovery(path.as_deref(), &roadmap).ok()),
            Err(_) => None,
        };
        release_terminal();
        previous(info);
        if let Some(copy) = copy {
            eprintln!(
                "alignmap: your unsaved edits were written to {}",
                copy.display()
            );
        }
    }));
}

/// Runs the app without a terminal until a signal arrives, then saves as the TUI would.
/// Lets tests prove that SIGTERM, SIGHUP and SIGINT lose nothing.
pub fn run_headless(app: &mut App, known: Option<Fingerprint>) -> io::Result<Outcome> {
    let mut saver = Saver::new(app, known);
    let flags = Arc::new(Flags::default());
    spawn_signal_guard(&saver, &flags)?;
    while !flags.stop.load(Ordering::SeqCst) {
        saver.tick(app, Instant::now());
        std::thread::sleep(Duration::from_millis(20));
    }
    flags.acknowledged.store(true, Ordering::SeqCst);
    app.shutdown();
    let outcome = Outcome::of(saver.finish(app));
    flags.done.store(true, Ordering::SeqCst);
    Ok(outcome)
}

fn spawn_signal_guard(saver: &Saver, flags: &Arc<Flags>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let flags = Arc::clone(flags);
    let shared = saver.shared();
    let path = saver.path().map(Path::to_path_buf);
    std::thread::spawn(move || {
        let Some(signal) = signals.forever().next() else {
            return;
        };
        flags.stop.store(true, Ordering::SeqCst);
        let deadline = Instant::now() + GRACE;
        while Instant::now() < deadline || flags.acknowledged.load(Ordering::SeqCst) {
            if flags.done.load(Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        // The loop never saw the signal: save the last committed state as safely as it would.
        saver::emergency_save(&shared, path.as_deref());
        release_terminal();
        ratatui::restore();
        std::process::exit(128 + signal);
    });
    Ok(())
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    saver: &mut Saver,
    flags: &Flags,
) -> io::Result<()> {
    let mut failed_quits = 0;
    loop {
        if flags.stop.load(Ordering::SeqCst) {
            flags.acknowledged.store(true, Ordering::SeqCst);
            app.shutdown();
            return Ok(()); // run() saves or writes a recovery copy
        }
        app.tick();
        let size = terminal.size()?;
        app.viewport = (size.width, size.height);
        app.metrics = ui::measure(app);
        terminal.draw(|frame| ui::render(app, frame))?;
        if event::poll(saver.timeout(Instant::now()))? {
            match event::read()? {
                Event::Mouse(mouse) => handle_mouse(app, mouse),
                event => app.handle_event(&event),
            }
        }
        saver.tick(app, Instant::now());
        if matches!(app.save, SaveState::Saved(_)) {
            failed_quits = 0;
        }
        if app.quit {
            // A save still running may find the file changed by others: wait for it first.
            saver.settle(app, Instant::now());
            if app.disk_change.is_some() || saver.save(app, Instant::now()) {
                return Ok(()); // an undecided disk change ends in a recovery copy, see run()
            }
            failed_quits += 1;
            if failed_quits >= 2 {
                return Ok(());
            }
            app.quit = false;
            app.error("Could not save (see the right). Fix it and press q again; a second q writes a recovery copy and quits.");
        }
    }
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
