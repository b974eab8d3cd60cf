//! Typing on the board by mistake (the presenter forgot `c`), or over the decisions and people
//! lists: printable keys that come faster
//! than a person presses commands stop acting as commands. Only moving the highlight still
//! works in such a run; any other command key in it is held back and said. From the third
//! fast key (not one key held down) the keys are collected as text instead, and Enter turns
//! them into a capture line (Esc drops them), so "Fix the printer" never marks a card done,
//! changes the theme or opens a form.
//!
//! The rule needs the time each key arrived: the runtime stamps keys as they are read; keys
//! given without a time (tests, scripted input) always act.

use super::{App, Command, Context, Mode};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::{Duration, Instant};

/// Keys closer together than this are typing, not commands: about 60 words a minute.
pub const TYPING_GAP: Duration = Duration::from_millis(200);

/// Fast keys in a row (not all the same key) that make a typing run.
const RUN: usize = 3;

/// The recent printable keys and the text collected from a typing run.
#[derive(Debug, Clone, Default)]
pub struct Typing {
    /// When the last printable key came.
    last: Option<Instant>,
    /// The fast printable keys so far (one key held down repeats the same one).
    run: Vec<char>,
    /// The text of a typing run, once one was seen: keys go here until Enter or Esc.
    collected: Option<String>,
}

/// The character a key types on the board: no Ctrl or Alt (Shift makes capitals).
fn printable(key: KeyEvent) -> Option<char> {
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}

/// Commands that may run in the middle of fast typing: only moving the highlight.
fn moves(command: Command) -> bool {
    matches!(
        command,
        Command::Up
            | Command::Down
            | Command::Left
            | Command::Right
            | Command::PageUp
            | Command::PageDown
            | Command::First
            | Command::Last
    )
}

impl App {
    /// Decides what a key that came at `at` is, while browsing: true when it was taken as
    /// typing (held back or collected), false when it should run as a command.
    pub(super) fn typed(&mut self, key: KeyEvent, at: Instant) -> bool {
        // The board's screens and the lists over them whose letters are commands (view 4
        // ticks off with x, view 7 renames with r); not forms, capture or prompts, where
        // letters are text.
        let lists = matches!(
            self.mode,
            Mode::Browse | Mode::Decisions { .. } | Mode::People { rename: None, .. }
        );
        if !lists {
            self.session.typing = Typing::default();
            return false;
        }
        if let Some(text) = &mut self.session.typing.collected {
            match (key.code, printable(key)) {
                (_, Some(c)) => text.push(c),
                (KeyCode::Backspace, _) => {
                    text.pop();
                }
                (KeyCode::Enter, _) => {
                    let text = text.trim().to_string();
                    self.session.typing = Typing::default();
                    self.open_capture_with(&text);
                    return true;
                }
                (KeyCode::Esc, _) => {
                    self.session.typing = Typing::default();
                    self.info("Dropped the typed text; keys are commands again.");
                    return true;
                }
                // Anything else ends the run and acts as usual.
                _ => {
                    self.session.typing = Typing::default();
                    return false;
                }
            }
            self.say_collected();
            return true;
        }
        let Some(c) = printable(key) else {
            self.session.typing.run.clear();
            return false;
        };
        let typing = &mut self.session.typing;
        let fast = typing
            .last
            .is_some_and(|last| at.saturating_duration_since(last) < TYPING_GAP);
        typing.last = Some(at);
        if !fast {
            typing.run = vec![c];
            return false;
        }
        typing.run.push(c);
        let Some(context) = self.context() else {
            return false;
        };
        let command = self.settings.keymap.resolve(context, key);
        let run = &self.session.typing.run;
        let all_moves = run.iter().all(|&c| {
            let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            self.settings
                .keymap
                .resolve(context, key)
                .is_some_and(moves)
        });
        let held_down = run.iter().all(|&k| k == run[0]);
        if run.len() >= RUN && !held_down && !all_moves {
            let text: String = run.iter().collect();
            self.session.typing.collected = Some(text);
            self.say_collected();
            return true;
        }
        match command {
            Some(command) if !moves(command) => {
                let key = super::keymap::Chord::from_event(key).label();
                self.info(format!(
                    "Typing? {key} was not run as a command (keys came too fast); press it again to run it."
                ));
                true
            }
            _ => false,
        }
    }

    fn say_collected(&mut self) {
        let text = self.session.typing.collected.clone().unwrap_or_default();
        let capture = self.key_label(Context::Browse, Command::Capture);
        self.info(format!(
            "Typing? \"{text}\" · Enter makes it a capture line · Esc drops it (press {capture} first to capture)"
        ));
    }
}
