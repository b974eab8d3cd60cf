//! The terminal as the event loop sees it: set up and restored without ever printing to a
//! terminal that has gone (a closed window makes every write fail, and a print that fails
//! panics), a panic hook that restores it quietly, and the test for "is it still there?".
//!
//! We do not use `ratatui::init`/`restore`: `restore` prints "Failed to restore terminal" when
//! the terminal has hung up, which panics inside the panic hook and aborts the process.

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{DefaultTerminal, Terminal, backend::CrosstermBackend};
use std::io::{self, IsTerminal, Write};

/// True while standard input and output are still a live terminal. After a hang-up (the
/// window closed, ssh dropped) the kernel turns the terminal's file descriptors into dead
/// ones: `isatty` says no, reads return end of file and writes fail.
pub fn alive() -> bool {
    io::stdout().is_terminal() && io::stdin().is_terminal()
}

/// Raw mode, the alternate screen, bracketed paste and mouse reporting, then a terminal to
/// draw on. Installs [`install_restore_hook`] first so a panic from here on restores.
pub fn init() -> io::Result<DefaultTerminal> {
    install_restore_hook();
    enable_raw_mode()?;
    let mut stdout = io::stdout();
    execute!(stdout, EnterAlternateScreen)?;
    // Paste and mouse are comforts: a terminal without them still works.
    let _ = execute!(stdout, EnableBracketedPaste, EnableMouseCapture);
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// Puts the terminal back as it was, if it is still there; never prints, never fails.
pub fn restore() {
    if !alive() {
        return; // nothing to restore, and writing would fail
    }
    let mut stdout = io::stdout();
    let _ = execute!(stdout, DisableMouseCapture, DisableBracketedPaste);
    let _ = disable_raw_mode();
    let _ = execute!(stdout, LeaveAlternateScreen);
    let _ = stdout.flush();
}

/// Lets go of the drawing terminal without its `Drop` printing to a terminal that has gone
/// (ratatui shows the cursor there and `eprintln!`s the failure, which panics on a dead
/// terminal). A live terminal gets its cursor back here, after [`restore`].
pub fn release(mut terminal: DefaultTerminal) {
    if alive() && terminal.show_cursor().is_ok() {
        return; // dropped now, with nothing left to print
    }
    // Only the screen buffers are left behind, once per session.
    std::mem::forget(terminal);
}

/// A panic hook that restores the terminal before the earlier hook (the standard one prints
/// the message, ignoring a dead terminal) runs.
pub fn install_restore_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Writes a line to standard error when it can; a terminal that has gone is not an error
/// worth dying for (`eprintln!` panics when the write fails).
pub fn say(text: &str) {
    let _ = writeln!(io::stderr(), "{text}");
}
