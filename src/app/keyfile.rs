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

use super::keymap::{Chord, Command, Context, Keymap};
use crossterm::event::{KeyCode, KeyModifiers};
use std::collections::BTreeMap;

/// The file's shape: context → command → keys.
type Overrides = BTreeMap<Context, BTreeMap<Command, Vec<String>>>;

/// Parses a key as written in help: `c`, `C`, `Ctrl-z`, `Alt-x`, `Shift-Left`, `Enter`, `Esc`,
/// `Tab`, `Shift-Tab`, `Up`, `PgDn`, `Home`, `Del`, `Space`, `F5`, `?`.
pub fn parse_chord(text: &str) -> Result<Chord, String> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = text;
    loop {
        let lower = rest.to_ascii_lowercase();
        let (flag, len) = if lower.starts_with("ctrl-") {
            (KeyModifiers::CONTROL, 5)
        } else if lower.starts_with("alt-") {
            (KeyModifiers::ALT, 4)
        } else if lower.starts_with("shift-") && rest.len() > 6 {
            (KeyModifiers::SHIFT, 6)
        } else {
            break;
        };
        mods |= flag;
        rest = &rest[len..];
    }
    let code = match rest.to_ascii_lowercase().as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "up" | "↑" => KeyCode::Up,
        "down" | "↓" => KeyCode::Down,
        "left" | "←" => KeyCode::Left,
        "right" | "→" => KeyCode::Right,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "del" | "delete" => KeyCode::Delete,
        "backspace" => KeyCode::Backspace,
        "space" => KeyCode::Char(' '),
        f if f.len() > 1 && f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
            KeyCode::F(f[1..].parse().unwrap_or(1))
        }
        _ => {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => KeyCode::Char(c),
                _ => {
                    return Err(format!(
                        "\"{text}\" is not a key (try c, Ctrl-z, Shift-Left, Enter, PgDn, F5)"
                    ));
                }
            }
        }
    };
    let event = crossterm::event::KeyEvent::new(code, mods);
    Ok(Chord::from_event(event))
}

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
                .map(|k| parse_chord(k))
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
    use crossterm::event::KeyEvent;

    #[test]
    fn keys_parse_as_help_writes_them() {
        let cases = [
            ("c", KeyCode::Char('c'), KeyModifiers::NONE),
            ("C", KeyCode::Char('C'), KeyModifiers::NONE),
            ("Ctrl-z", KeyCode::Char('z'), KeyModifiers::CONTROL),
            ("Shift-Left", KeyCode::Left, KeyModifiers::SHIFT),
            ("PgDn", KeyCode::PageDown, KeyModifiers::NONE),
            ("Shift-Tab", KeyCode::BackTab, KeyModifiers::NONE),
            ("Space", KeyCode::Char(' '), KeyModifiers::NONE),
            ("F5", KeyCode::F(5), KeyModifiers::NONE),
            ("?", KeyCode::Char('?'), KeyModifiers::NONE),
        ];
        for (text, code, mods) in cases {
            assert_eq!(
                parse_chord(text),
                Ok(Chord::from_event(KeyEvent::new(code, mods))),
                "{text}"
            );
        }
        assert!(parse_chord("Hyper-x").unwrap_err().contains("is not a key"));
    }

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
