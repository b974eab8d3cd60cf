//! `keymap.ron`: the user's key bindings on top of the defaults. Each command listed gets
//! exactly the keys given (in that context); everything else keeps its default. A file with
//! a mistake or a clash is reported and the defaults stay in force.
//!
//! ```ron
//! {
//!     Browse: { Capture: ["c", "Ctrl-n"], MarkDone: ["x", "Ctrl-d"] },
//!     Detail: { Close: ["Esc", "q"] },
//! }
//! ```

use super::{Chord, Context, Keymap};
use crate::app::command::Command;
use std::collections::BTreeMap;

/// The file's shape: context → command → keys.
type Overrides = BTreeMap<Context, BTreeMap<Command, Vec<String>>>;

/// The default keymap with the overrides in `text` applied. Errors say what and where, in a
/// form to follow the file's path: `:3:7: …` for a spot in the file, `: …` otherwise.
pub fn parse_keymap(text: &str) -> Result<Keymap, String> {
    let overrides: Overrides = ron::from_str(text)
        .map_err(|e| format!(":{}:{}: {}", e.span.start.line, e.span.start.col, e.code))?;
    let mut keymap = Keymap::default();
    for (context, commands) in overrides {
        for (command, keys) in commands {
            let chords = keys
                .iter()
                .map(|k| k.parse::<Chord>())
                .collect::<Result<Vec<_>, _>>()?;
            keymap.rebind(context, command, chords);
        }
    }
    if let Some((context, chord)) = keymap.collisions().first() {
        let commands: Vec<String> = keymap
            .entries(*context)
            .into_iter()
            .filter(|(_, chords)| chords.contains(chord))
            .map(|(c, _)| format!("{c:?}"))
            .collect();
        return Err(format!(
            ": in {context:?}, {} is bound to {} at once",
            chord.label(),
            commands.join(" and ")
        ));
    }
    Ok(keymap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn overrides_replace_a_commands_keys_and_leave_the_rest() {
        let map = parse_keymap(r#"{ Browse: { Capture: ["Ctrl-n"] } }"#).unwrap();
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(map.resolve(Context::Browse, ctrl_n), Some(Command::Capture));
        let c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(
            map.resolve(Context::Browse, c),
            None,
            "c is no longer capture"
        );
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            map.resolve(Context::Browse, q),
            Some(Command::Quit),
            "defaults stay"
        );
    }

    #[test]
    fn clashes_and_mistakes_are_clear_errors_not_panics() {
        let clash = parse_keymap(r#"{ Browse: { Capture: ["x"] } }"#).unwrap_err();
        assert_eq!(
            clash,
            ": in Browse, x is bound to Capture and MarkDone at once"
        );
        let unknown = parse_keymap(r#"{ Board: {} }"#).unwrap_err();
        assert!(
            unknown.starts_with(":1:3:") && unknown.contains("Board"),
            "{unknown}"
        );
        let unknown = parse_keymap(r#"{ Browse: { Fly: ["x"] } }"#).unwrap_err();
        assert!(unknown.contains("Fly"), "{unknown}");
        assert!(
            parse_keymap(r#"{ Browse: { Quit: ["Hyper-q"] } }"#)
                .unwrap_err()
                .contains("not a key")
        );
        assert!(parse_keymap("{ Browse: ").is_err());
    }
}
