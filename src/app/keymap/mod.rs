//! The key bindings in force: the defaults in `assets/keymap.ron` (embedded in the binary),
//! with the user's `keymap.ron` on top (`file`). The help overlay, the hint line and README's
//! key table are generated from the live keymap, so they always tell the truth.

mod chord;
mod file;

pub use chord::Chord;
pub use file::parse_keymap;

use super::command::Command;
use crossterm::event::KeyEvent;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Which set of bindings applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Context {
    /// The board and the goals pane.
    Browse,
    /// The detail popup.
    Detail,
    /// The help overlay.
    Help,
    /// A yes/no question.
    Confirm,
    /// A short list to pick from (status).
    Picker,
    /// The file changed on disk under us.
    Conflict,
    /// The list of backups.
    Backups,
    /// The merge conflicts waiting in the file.
    Merged,
    /// The roadmaps of the folder, to switch.
    Roadmaps,
    /// The portfolio roll-up.
    Portfolio,
    /// Presentation mode.
    Present,
    /// The decisions and action items list.
    Decisions,
    /// The people list.
    People,
    /// The session recap.
    Recap,
    /// The alignment view.
    Alignment,
    /// The review queue.
    Review,
    /// The check-ins view.
    CheckIns,
    /// The archive.
    Archive,
}

impl Context {
    /// Every context, in help-overlay order.
    pub const ALL: [Context; 18] = [
        Context::Browse,
        Context::Alignment,
        Context::Review,
        Context::CheckIns,
        Context::Archive,
        Context::Detail,
        Context::Picker,
        Context::Help,
        Context::Confirm,
        Context::Conflict,
        Context::Backups,
        Context::Merged,
        Context::Roadmaps,
        Context::Portfolio,
        Context::Present,
        Context::Decisions,
        Context::People,
        Context::Recap,
    ];

    /// Heading in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Browse => "Board",
            Context::Detail => "Detail",
            Context::Help => "Help",
            Context::Confirm => "Questions",
            Context::Picker => "Status picker",
            Context::Conflict => "File changed on disk",
            Context::Backups => "Backups",
            Context::Merged => "Merge conflicts",
            Context::Roadmaps => "Roadmaps",
            Context::Portfolio => "Portfolio",
            Context::Present => "Presentation",
            Context::Decisions => "Decisions and actions",
            Context::People => "People",
            Context::Recap => "Session recap",
            Context::Alignment => "Alignment",
            Context::Review => "Review",
            Context::CheckIns => "Check-ins",
            Context::Archive => "Archive",
        }
    }
}

/// The bindings in force, in the order help lists them.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Context, Chord, Command)>,
}

/// The default bindings as `assets/keymap.ron` writes them.
const DEFAULTS: &str = include_str!("../../../assets/keymap.ron");

/// `assets/keymap.ron`'s shape: named groups of bindings, and each screen's list.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Defaults {
    shared: BTreeMap<String, Vec<(Command, Vec<String>)>>,
    screens: BTreeMap<Context, Vec<Entry>>,
}

/// One line of a screen's list.
#[derive(Deserialize)]
enum Entry {
    /// A command and its keys.
    Keys(Command, Vec<String>),
    /// A group from `shared`, in this place.
    Shared(String),
}

/// Reads a defaults file in `assets/keymap.ron`'s shape. Errors say where, as the user's
/// keymap errors do (`:line:col: …`), or which group or key is wrong.
fn parse_defaults(text: &str) -> Result<Keymap, String> {
    let defaults: Defaults = ron::from_str(text)
        .map_err(|e| format!(":{}:{}: {}", e.span.start.line, e.span.start.col, e.code))?;
    let mut bindings = Vec::new();
    for (context, entries) in &defaults.screens {
        for entry in entries {
            let group: Vec<(Command, &[String])> = match entry {
                Entry::Keys(command, keys) => vec![(*command, keys)],
                Entry::Shared(name) => defaults
                    .shared
                    .get(name)
                    .ok_or_else(|| {
                        format!(": {context:?} uses \"{name}\", which `shared` does not have")
                    })?
                    .iter()
                    .map(|(command, keys)| (*command, keys.as_slice()))
                    .collect(),
            };
            for (command, keys) in group {
                for key in keys {
                    bindings.push((*context, key.parse::<Chord>()?, command));
                }
            }
        }
    }
    Ok(Keymap { bindings })
}

impl Default for Keymap {
    /// The bindings of `assets/keymap.ron`, read once. A test keeps that file readable and
    /// free of clashes; should it ever not be, quitting still works (`q`, `Ctrl-c`, `Esc`
    /// closes) rather than the app starting with no keys at all.
    fn default() -> Self {
        static DEFAULT: OnceLock<Keymap> = OnceLock::new();
        DEFAULT
            .get_or_init(|| parse_defaults(DEFAULTS).unwrap_or_else(|_| Keymap::emergency()))
            .clone()
    }
}

impl Keymap {
    /// Quit and close on every screen, and nothing else: what is left when the defaults
    /// cannot be read.
    fn emergency() -> Self {
        let mut bindings = Vec::new();
        for context in Context::ALL {
            for (key, command) in [
                ("q", Command::Quit),
                ("Ctrl-c", Command::Quit),
                ("Esc", Command::Close),
            ] {
                if let Ok(chord) = key.parse() {
                    bindings.push((context, chord, command));
                }
            }
        }
        Keymap { bindings }
    }

    /// Gives `command` exactly these keys in `context` (replacing its defaults there).
    pub fn rebind(&mut self, context: Context, command: Command, chords: Vec<Chord>) {
        let at = self
            .bindings
            .iter()
            .position(|(ctx, _, cmd)| *ctx == context && *cmd == command);
        self.bindings
            .retain(|(ctx, _, cmd)| !(*ctx == context && *cmd == command));
        let at = at.unwrap_or(self.bindings.len()).min(self.bindings.len());
        for (offset, chord) in chords.into_iter().enumerate() {
            self.bindings.insert(at + offset, (context, chord, command));
        }
    }

    /// The command a key triggers in a context, if any.
    pub fn resolve(&self, context: Context, key: KeyEvent) -> Option<Command> {
        let chord = Chord::from_event(key);
        self.bindings
            .iter()
            .find(|(ctx, c, _)| *ctx == context && *c == chord)
            .map(|(_, _, command)| *command)
    }

    /// The keys bound to a command in a context, in binding order.
    pub fn keys(&self, context: Context, command: Command) -> Vec<Chord> {
        self.bindings
            .iter()
            .filter(|(ctx, _, cmd)| *ctx == context && *cmd == command)
            .map(|(_, chord, _)| *chord)
            .collect()
    }

    /// The commands of a context in binding order, each once, with their keys.
    pub fn entries(&self, context: Context) -> Vec<(Command, Vec<Chord>)> {
        let mut out: Vec<(Command, Vec<Chord>)> = Vec::new();
        for (ctx, chord, command) in &self.bindings {
            if *ctx != context {
                continue;
            }
            match out.iter_mut().find(|(c, _)| c == command) {
                Some((_, chords)) => chords.push(*chord),
                None => out.push((*command, vec![*chord])),
            }
        }
        out
    }

    /// Every (context, chord) bound to more than one command: must be empty.
    pub fn collisions(&self) -> Vec<(Context, Chord)> {
        let mut seen = std::collections::HashSet::new();
        self.bindings
            .iter()
            .filter(|(ctx, chord, _)| !seen.insert((*ctx, *chord)))
            .map(|(ctx, chord, _)| (*ctx, *chord))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    #[test]
    fn the_embedded_defaults_parse_and_bind_every_screen() {
        let map = parse_defaults(DEFAULTS).unwrap();
        for context in Context::ALL {
            assert!(
                map.bindings.iter().any(|b| b.0 == context),
                "{context:?} has no keys"
            );
            assert!(
                map.bindings
                    .iter()
                    .any(|b| b.0 == context && b.2 == Command::Quit),
                "{context:?} cannot quit"
            );
        }
        assert_eq!(Keymap::default().bindings, map.bindings);
    }

    #[test]
    fn a_broken_defaults_file_says_where_and_what() {
        let unknown = parse_defaults("(shared: {}, screens: { Browse: [Shared(\"nav\")] })");
        assert_eq!(
            unknown.unwrap_err(),
            ": Browse uses \"nav\", which `shared` does not have"
        );
        let typo = parse_defaults("(shared: {},\n screens: { Browse: [Keys(Quitt, [\"q\"])] })");
        assert!(typo.unwrap_err().starts_with(":2:"), "line 2");
        let key = parse_defaults("(shared: {}, screens: { Browse: [Keys(Quit, [\"Hyper-q\"])] })");
        assert!(key.unwrap_err().contains("is not a key"));
    }

    #[test]
    fn default_bindings_never_collide_within_a_context() {
        assert_eq!(Keymap::default().collisions(), vec![]);
    }

    #[test]
    fn shifted_letters_and_shift_arrows_resolve() {
        let map = Keymap::default();
        let shifted_h = KeyEvent::new(KeyCode::Char('H'), KeyModifiers::SHIFT);
        assert_eq!(
            map.resolve(Context::Browse, shifted_h),
            Some(Command::MoveEarlier)
        );
        let shift_right = KeyEvent::new(KeyCode::Right, KeyModifiers::SHIFT);
        assert_eq!(
            map.resolve(Context::Browse, shift_right),
            Some(Command::MoveLater)
        );
        let plain_right = KeyEvent::new(KeyCode::Right, KeyModifiers::NONE);
        assert_eq!(
            map.resolve(Context::Browse, plain_right),
            Some(Command::Right)
        );
        let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
        assert_eq!(map.resolve(Context::Browse, ctrl_z), Some(Command::Undo));
        assert_eq!(map.resolve(Context::Confirm, ctrl_z), None);
    }
}
