//! User preferences that outlive a session (kept in `config.ron`), starting with the theme.

use serde::{Deserialize, Serialize};

/// A colour theme by name. Meaning never rests on colour in any of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum ThemeName {
    /// The terminal's own colours with accents; made for dark terminals, fine on light ones.
    #[default]
    Dark,
    /// Black on white, for projectors that wash out dark themes.
    Light,
    /// Pure white on black with yellow accents, for the back of the room.
    HighContrast,
    /// Okabe-Ito colours that stay distinct with colour-blindness.
    ColourBlind,
    /// No colour at all (also forced by `NO_COLOR`).
    Mono,
}

impl ThemeName {
    /// Every theme, in the order `t` cycles through them.
    pub const ALL: [ThemeName; 5] = [
        ThemeName::Dark,
        ThemeName::Light,
        ThemeName::HighContrast,
        ThemeName::ColourBlind,
        ThemeName::Mono,
    ];

    /// The name used on the command line and in `config.ron`.
    pub fn name(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
            ThemeName::ColourBlind => "colour-blind",
            ThemeName::Mono => "mono",
        }
    }

    /// The theme with this name (also accepts `color-blind` and `contrast`).
    pub fn parse(text: &str) -> Result<ThemeName, String> {
        let text = text.trim().to_ascii_lowercase();
        let alias = match text.as_str() {
            "color-blind" | "colorblind" | "colourblind" => "colour-blind",
            "contrast" | "hc" => "high-contrast",
            "none" | "no-color" => "mono",
            other => other,
        };
        ThemeName::ALL
            .into_iter()
            .find(|t| t.name() == alias)
            .ok_or_else(|| {
                let names: Vec<&str> = ThemeName::ALL.iter().map(|t| t.name()).collect();
                format!("no theme \"{text}\" (themes: {})", names.join(", "))
            })
    }

    /// The next theme in the cycle.
    pub fn next(self) -> ThemeName {
        let i = ThemeName::ALL.iter().position(|t| *t == self).unwrap_or(0);
        ThemeName::ALL[(i + 1) % ThemeName::ALL.len()]
    }
}

impl From<ThemeName> for String {
    fn from(theme: ThemeName) -> String {
        theme.name().to_string()
    }
}

impl TryFrom<String> for ThemeName {
    type Error = String;

    fn try_from(text: String) -> Result<ThemeName, String> {
        ThemeName::parse(&text)
    }
}

/// The contents of `config.ron`. Every field is optional so a hand-written file can be short.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The theme to start with.
    #[serde(default)]
    pub theme: Option<ThemeName>,
    /// Review thresholds, e.g. `review: (stale_days: 14, kpi_days: 30, checkin_days: 30)`.
    #[serde(default)]
    pub review: Option<super::review::Thresholds>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back_and_the_cycle_visits_every_theme() {
        for theme in ThemeName::ALL {
            assert_eq!(ThemeName::parse(theme.name()), Ok(theme));
        }
        assert_eq!(ThemeName::parse("Color-Blind"), Ok(ThemeName::ColourBlind));
        assert!(
            ThemeName::parse("neon")
                .unwrap_err()
                .contains("themes: dark, light")
        );
        let mut seen = vec![ThemeName::Dark];
        while seen.len() < 6 {
            seen.push(seen[seen.len() - 1].next());
        }
        assert_eq!(seen[5], ThemeName::Dark, "back to the start after five");
    }
}
