//! Terminal input on its own thread, handed to the event loop through a channel.
//!
//! Why a thread: on a terminal that has hung up, crossterm 0.29 re-reads forever inside
//! `event::poll`/`read` (crossterm issue #793), so an event loop that read input itself
//! would be caught there and never notice the hang-up, save and leave. Here only the input thread can be caught in that
//! read; the event loop keeps waking on its own tick, sees the terminal has gone
//! ([`super::terminal::alive`]) and ends in the ordinary save.

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::{Duration, Instant};

/// Terminal events, each with the moment it was read.
pub type Events = Receiver<(Event, Instant)>;

/// The one reader of terminal input for the whole process: a session after a switch to
/// another roadmap goes on reading from it (a second reader would race the first for keys,
/// and the first may be caught in a read that never returns).
static INPUT: OnceLock<Mutex<Events>> = OnceLock::new();

/// The process's terminal events, reading them from the first call on; held by one session
/// at a time.
pub fn events() -> std::io::Result<MutexGuard<'static, Events>> {
    if INPUT.get().is_none() {
        // Only the main thread starts sessions, so nobody else sets it meanwhile.
        let _ = INPUT.set(Mutex::new(spawn()?));
    }
    let input = INPUT
        .get()
        .ok_or_else(|| std::io::Error::other("terminal input did not start"))?;
    Ok(input.lock().unwrap_or_else(PoisonError::into_inner))
}

/// Starts reading terminal events, each with the moment it was read (how fast keys come tells
/// typing from commands); the receiver disconnects when reading fails.
fn spawn() -> std::io::Result<Events> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("alignmap-input".into())
        .spawn(move || {
            let mut next = None;
            loop {
                let event = match next.take().map_or_else(event::read, Ok) {
                    Ok(event) => event,
                    Err(_) => return, // the terminal is gone: the loop sees the hang-up
                };
                let event = match event {
                    Event::Paste(text) => {
                        let (paste, after) = paste_with_tail(text);
                        next = after;
                        Event::Paste(paste)
                    }
                    event => event,
                };
                if tx.send((event, Instant::now())).is_err() {
                    return;
                }
            }
        })?;
    Ok(rx)
}

/// A pasted text may itself contain the "paste ends" sequence (`ESC [ 2 0 1 ~`): the terminal
/// then ends the paste early and sends the rest of the text as if typed, where a `d` would
/// delete a card. Keys that arrived in the same burst as the paste (already waiting, no
/// pause at all) are taken as the rest of the text. Returns the whole paste and the first
/// event that is not part of it, if one was read.
fn paste_with_tail(mut text: String) -> (String, Option<Event>) {
    while event::poll(Duration::ZERO).unwrap_or(false) {
        let Ok(event) = event::read() else {
            break;
        };
        if !absorb(&mut text, &event) {
            return (text, Some(event));
        }
    }
    (text, None)
}

/// Adds `event` to a paste's text when it is a key that types text (or a further paste).
pub fn absorb(text: &mut String, event: &Event) -> bool {
    match event {
        Event::Paste(more) => text.push_str(more),
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind,
            ..
        }) if !modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
            if *kind != KeyEventKind::Press {
                return true; // the release of a key already taken
            }
            match code {
                KeyCode::Char(c) => text.push(*c),
                KeyCode::Enter => text.push('\n'),
                KeyCode::Tab => text.push('\t'),
                _ => return false,
            }
        }
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn typed_keys_in_a_paste_burst_are_text_and_commands_are_not() {
        let mut text = "hello".to_string();
        assert!(absorb(
            &mut text,
            &key(KeyCode::Char('d'), KeyModifiers::NONE)
        ));
        assert!(absorb(
            &mut text,
            &key(KeyCode::Char('Y'), KeyModifiers::SHIFT)
        ));
        assert!(absorb(&mut text, &key(KeyCode::Enter, KeyModifiers::NONE)));
        assert!(absorb(&mut text, &Event::Paste(" more".into())));
        assert_eq!(text, "hellodY\n more");
        assert!(!absorb(
            &mut text,
            &key(KeyCode::Char('z'), KeyModifiers::CONTROL)
        ));
        assert!(!absorb(
            &mut text,
            &key(KeyCode::Delete, KeyModifiers::NONE)
        ));
        assert!(!absorb(&mut text, &Event::FocusLost));
        assert_eq!(text, "hellodY\n more", "nothing else is added");
    }
}
