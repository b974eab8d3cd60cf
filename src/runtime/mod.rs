//! The event loop: terminal events → app update → saver (I/O) → draw. Also restores the
//! terminal on every exit path (our panic hook covers panics), saves on signals, and notices
//! a terminal that went away.

mod effects;
mod exports;
mod input;
mod report;
pub use report::versions as report_versions;
pub mod saver;
mod shared;
pub mod terminal;
mod writer;

use crate::app::{App, SaveState};
use crate::storage::Fingerprint;
use crate::storage::away::CopyError;
use crate::ui;
use crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};
use ratatui::DefaultTerminal;
use saver::Saver;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// Longest an edit waits before it is written (the debounce window).
pub const SAVE_DELAY: Duration = Duration::from_secs(1);
/// Wait before retrying a failed save.
pub const RETRY_DELAY: Duration = Duration::from_secs(5);
/// How often the loop wakes when idle (signals, date change).
const IDLE_TICK: Duration = Duration::from_millis(250);

/// How the session ended.
#[derive(Debug)]
pub enum Outcome {
    /// Everything was saved (or nothing needed saving).
    Saved,
    /// The roadmap file could not be written (or changed on disk and the user did not
    /// decide); the edits were written to this recovery copy instead.
    Recovered(PathBuf),
    /// Nothing could be written anywhere (the reason); the caller must show the edits.
    Unsaved(CopyError),
}

impl Outcome {
    fn of(finished: Result<(), Result<PathBuf, CopyError>>) -> Outcome {
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

/// How long the signal thread waits for the event loop to notice a signal before it assumes
/// the loop is stuck (it should never be: input is read on its own thread, and the loop
/// wakes every [`IDLE_TICK`]) and saves the last committed edits itself.
const GRACE: Duration = Duration::from_secs(3);

/// Flags shared between the event loop and the signal thread.
#[derive(Debug, Default)]
struct Flags {
    /// The stop signal that arrived (0: none yet).
    stop: AtomicI32,
    /// The event loop saw the stop and is finishing (saving) on its own.
    acknowledged: AtomicBool,
    /// The event loop is done: everything is saved or recovered.
    done: AtomicBool,
}

impl Flags {
    fn stop_signal(&self) -> Option<i32> {
        Some(self.stop.load(Ordering::SeqCst)).filter(|&s| s != 0)
    }
}

/// How a session with a terminal ended.
#[derive(Debug)]
pub struct Ended {
    /// What became of the edits.
    pub outcome: Outcome,
    /// The stop signal that ended it (SIGHUP also when the terminal vanished without one);
    /// the process should exit with 128 + this, as a shell reports a signal.
    pub signal: Option<i32>,
    /// Text typed into a form or the capture line that could not be kept as an edit (not
    /// valid yet), written to this draft copy (offered at the next start), or why it could
    /// be written nowhere together with the text itself.
    pub draft: Option<Result<PathBuf, Box<(CopyError, crate::app::Draft)>>>,
}

/// Runs the TUI until the user quits, a signal (SIGTERM, SIGHUP, SIGINT) asks us to stop, or
/// the terminal goes away (a closed window or a dropped connection, with or without a
/// SIGHUP reaching us). Every way out keeps what `App::shutdown` keeps.
pub fn run(
    app: &mut App,
    known: Option<Fingerprint>,
    lock: Option<crate::storage::Lock>,
) -> io::Result<Ended> {
    let mut saver = Saver::new(app, known).with_lock(lock);
    let flags = Arc::new(Flags::default());
    // The TUI loop wakes at least every input timeout and reads the flag then.
    spawn_signal_guard(&saver, &flags, None)?;
    // Whatever fails from here, the terminal is put back as it was.
    let mut terminal = terminal::init().inspect_err(|_| terminal::restore())?;
    install_panic_recovery(&saver);
    let input = input::events().inspect_err(|_| terminal::restore())?;
    let result = event_loop(&mut terminal, app, &mut saver, &flags, &input);
    // From here on this thread saves; the signal thread only waits for it.
    flags.acknowledged.store(true, Ordering::SeqCst);
    terminal::restore();
    terminal::release(terminal);
    let (result, hung_up) = match result {
        Ok(hung_up) => (Ok(()), hung_up),
        // A write to a terminal that went away between two checks.
        Err(_) if !terminal::alive() => (Ok(()), true),
        Err(e) => (Err(e), false),
    };
    let draft = app.shutdown().and_then(|draft| keep(&saver, draft));
    let outcome = match Outcome::of(saver.finish(app)) {
        Outcome::Saved => result.map(|()| Outcome::Saved),
        other => Ok(other),
    };
    flags.done.store(true, Ordering::SeqCst);
    let signal = flags
        .stop_signal()
        .or(hung_up.then_some(signal_hook::consts::SIGHUP));
    outcome.map(|outcome| Ended {
        outcome,
        signal,
        draft,
    })
}

/// Writes the draft a shutdown returned; on failure keeps the text for the caller to show.
fn keep(
    saver: &Saver,
    draft: crate::app::Draft,
) -> Option<Result<PathBuf, Box<(CopyError, crate::app::Draft)>>> {
    saver
        .keep_draft(&draft)
        .map(|written| written.map_err(|why| Box::new((why, draft))))
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

/// On a panic, writes the last committed unsaved state to a recovery copy beside the file
/// (never over it), then lets the earlier hooks run (ours: restore the terminal quietly; then
/// the standard message), then says where the copy is, if anyone is still there to read it.
pub fn install_panic_recovery(saver: &Saver) {
    let shared = saver.shared();
    let path = saver.path().map(Path::to_path_buf);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // try_lock: the panic may have happened while this thread held the lock.
        let copy = match shared.state.try_lock() {
            Ok(mut state) => state.pending.take().and_then(|roadmap| {
                let at = state
                    .clock
                    .unwrap_or_else(crate::app::Clock::system)
                    .local_now();
                saver::write_recovery(path.as_deref(), &state.state_dir, &roadmap, at).ok()
            }),
            Err(_) => None,
        };
        previous(info);
        if let Some(copy) = copy {
            terminal::say(&format!(
                "alignmap: your unsaved edits were written to {}",
                ui::text::clean(&copy.display().to_string())
            ));
        }
    }));
}

/// Runs the app without a terminal until a signal arrives, then saves as the TUI would.
/// Lets tests prove that SIGTERM, SIGHUP and SIGINT lose nothing. `ready` runs once the
/// signals are caught, so a test that signals after it never meets the default action.
pub fn run_headless(
    app: &mut App,
    known: Option<Fingerprint>,
    ready: impl FnOnce(),
) -> io::Result<Ended> {
    let mut saver = Saver::new(app, known);
    let flags = Arc::new(Flags::default());
    let (wake, woken) = mpsc::channel();
    spawn_signal_guard(&saver, &flags, Some(wake))?;
    ready();
    while flags.stop_signal().is_none() {
        saver.tick(app, Instant::now());
        // Until the saver has work, or a signal arrives (then at once). Should the signal
        // thread be gone, the channel is closed: wait out the timeout rather than spin.
        let timeout = saver.timeout(Instant::now());
        if let Err(RecvTimeoutError::Disconnected) = woken.recv_timeout(timeout) {
            std::thread::sleep(timeout);
        }
    }
    flags.acknowledged.store(true, Ordering::SeqCst);
    let draft = app.shutdown().and_then(|draft| keep(&saver, draft));
    let outcome = Outcome::of(saver.finish(app));
    flags.done.store(true, Ordering::SeqCst);
    Ok(Ended {
        outcome,
        signal: flags.stop_signal(),
        draft,
    })
}

/// Waits for a stop signal on its own thread: records it in `flags` and wakes `wake`, then
/// gives the loop `GRACE` to save before saving the last committed state itself.
fn spawn_signal_guard(
    saver: &Saver,
    flags: &Arc<Flags>,
    wake: Option<mpsc::Sender<()>>,
) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let flags = Arc::clone(flags);
    let shared = saver.shared();
    let path = saver.path().map(Path::to_path_buf);
    std::thread::spawn(move || {
        let Some(signal) = signals.forever().next() else {
            return;
        };
        flags.stop.store(signal, Ordering::SeqCst);
        if let Some(wake) = wake {
            let _ = wake.send(());
        }
        let deadline = Instant::now() + GRACE;
        while Instant::now() < deadline || flags.acknowledged.load(Ordering::SeqCst) {
            if flags.done.load(Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        // The loop never saw the signal: save the last committed state as safely as it would.
        saver::emergency_save(&shared, path.as_deref());
        terminal::restore();
        std::process::exit(128 + signal);
    });
    Ok(())
}

/// Runs until the user quits or a stop arrives; Ok(true) when the terminal went away.
fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    saver: &mut Saver,
    flags: &Flags,
    input: &Receiver<(Event, Instant)>,
) -> io::Result<bool> {
    let mut failed_quits = 0;
    loop {
        if flags.stop_signal().is_some() {
            flags.acknowledged.store(true, Ordering::SeqCst);
            return Ok(false); // run() keeps the form, saves or writes a recovery copy
        }
        if !terminal::alive() {
            return Ok(true); // closed without a signal reaching us (nohup, trap '' HUP)
        }
        app.tick();
        let size = terminal.size()?;
        app.resize(size.width, size.height, ui::measure);
        terminal.draw(|frame| ui::render(app, frame))?;
        match input.recv_timeout(saver.timeout(Instant::now())) {
            Ok((Event::Mouse(mouse), _)) => handle_mouse(app, mouse),
            Ok((event, at)) => app.handle_event_at(&event, at),
            Err(RecvTimeoutError::Timeout) => {}
            // Input stopped: a hang-up if the terminal is gone, else a fault to report.
            Err(RecvTimeoutError::Disconnected) if !terminal::alive() => return Ok(true),
            Err(RecvTimeoutError::Disconnected) => {
                return Err(io::Error::other("terminal input stopped"));
            }
        }
        saver.tick(app, Instant::now());
        if matches!(app.session.save, SaveState::Saved(_)) {
            failed_quits = 0;
        }
        if app.quit {
            // A save still running may find the file changed by others: wait for it first.
            saver.settle(app, Instant::now());
            if app.session.disk_change.is_some() || saver.save(app, Instant::now()) {
                return Ok(false); // an undecided disk change ends in a recovery copy, see run()
            }
            failed_quits += 1;
            if failed_quits >= 2 {
                return Ok(false);
            }
            app.quit_refused("Could not save (see the right). Fix it and press q again; a second q writes a recovery copy and quits.");
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
