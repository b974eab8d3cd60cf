//! [`Chord`]: a key with its modifiers, written and read as help writes it (`Ctrl-z`,
//! `Shift-Left`, `PgDn`, `?`).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers; Shift is folded into the character for letter keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt, Shift (Shift only for non-character keys).
    pub mods: KeyModifiers,
}

impl Chord {
    /// A chord from a key event, normalised so `Shift+h` and `H` are the same chord.
    pub fn from_event(key: KeyEvent) -> Self {
        let mods =
            key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        match key.code {
            KeyCode::Char(c) => Chord {
                code: KeyCode::Char(c),
                mods: mods - KeyModifiers::SHIFT,
            },
            KeyCode::BackTab => Chord {
                code: KeyCode::BackTab,
                mods: mods - KeyModifiers::SHIFT,
            },
            code => Chord { code, mods },
        }
    }

    /// How the key is written in help and hints, e.g. `Shift-←`, `Ctrl-z`, `PgDn`.
    pub fn label(self) -> String {
        let key = match self.code {
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Delete => "Del".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            out.push_str("Shift-");
        }
        out.push_str(&key);
        out
    }
}

impl std::str::FromStr for Chord {
    type Err = String;

    /// Reads a key as help writes it; see [`parse`].
    fn from_str(text: &str) -> Result<Chord, String> {
        parse(text)
    }
}

/// Parses a key as written in help: `c`, `C`, `Ctrl-z`, `Alt-x`, `Shift-Left`, `Enter`, `Esc`,
/// `Tab`, `Shift-Tab`, `Up`, `PgDn`, `Home`, `Del`, `Space`, `F5`, `?`.
fn parse(text: &str) -> Result<Chord, String> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
                text.parse::<Chord>(),
                Ok(Chord::from_event(KeyEvent::new(code, mods))),
                "{text}"
            );
        }
        assert!(
            "Hyper-x"
                .parse::<Chord>()
                .unwrap_err()
                .contains("is not a key")
        );
    }

    #[test]
    fn labels_read_like_keys() {
        let chord = |code, mods| Chord { code, mods };
        assert_eq!(chord(KeyCode::Left, KeyModifiers::SHIFT).label(), "Shift-←");
        assert_eq!(
            chord(KeyCode::Char('r'), KeyModifiers::CONTROL).label(),
            "Ctrl-r"
        );
        assert_eq!(chord(KeyCode::PageDown, KeyModifiers::NONE).label(), "PgDn");
    }
}
