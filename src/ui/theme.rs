//! Every colour and text style the UI uses. Meaning never rests on colour alone: focus is also
//! shown by a marker and reverse video, status by a symbol, overdue by a word.

use crate::domain::prefs::ThemeName;
use ratatui::style::{Color, Modifier, Style};

/// The styles of one theme.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Normal text.
    pub text: Style,
    /// Secondary text (dates, counts, hints).
    pub dim: Style,
    /// Headings and card titles.
    pub strong: Style,
    /// Borders of unfocused panes.
    pub border: Style,
    /// Border and title of the focused pane.
    pub focus: Style,
    /// The selected card or row.
    pub selected: Style,
    /// Overdue marks and errors.
    pub alert: Style,
    /// Goal codes on cards.
    pub code: Style,
    /// The top bar.
    pub header: Style,
    /// Badges such as DEMO.
    pub badge: Style,
    /// Key names in hints and help.
    pub key: Style,
    /// Search matches inside text.
    pub found: Style,
}

impl Theme {
    /// The default theme: the terminal's own foreground and background for all text (so it
    /// reads on dark and light terminals and on a washed-out projector), emphasis by bold and
    /// reverse video, colour only as an extra on borders and alerts.
    pub fn standard() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            text: Style::new(),
            dim: Style::new(),
            strong: bold,
            border: Style::new(),
            focus: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            alert: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            code: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            header: Style::new().add_modifier(Modifier::REVERSED),
            badge: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            found: Style::new()
                .add_modifier(Modifier::UNDERLINED)
                .fg(Color::Yellow),
        }
    }

    /// The styles of a named theme.
    pub fn named(name: ThemeName) -> Self {
        match name {
            ThemeName::Dark => Theme::standard(),
            ThemeName::Light => Theme::light(),
            ThemeName::HighContrast => Theme::high_contrast(),
            ThemeName::ColourBlind => Theme::colour_blind(),
            ThemeName::Mono => Theme::monochrome(),
        }
    }

    /// Black on white with deep blue accents, for projectors.
    pub fn light() -> Self {
        let ink = Color::Rgb(0, 0, 0);
        let paper = Color::Rgb(255, 255, 255);
        let blue = Color::Rgb(0, 70, 160);
        let bold = Modifier::BOLD;
        Theme {
            text: Style::new().fg(ink).bg(paper),
            dim: Style::new().fg(Color::Rgb(70, 70, 70)),
            strong: Style::new().fg(ink).add_modifier(bold),
            border: Style::new().fg(Color::Rgb(110, 110, 110)),
            focus: Style::new().fg(blue).add_modifier(bold),
            selected: Style::new().fg(paper).bg(blue).add_modifier(bold),
            alert: Style::new().fg(Color::Rgb(175, 0, 0)).add_modifier(bold),
            code: Style::new().fg(Color::Rgb(110, 0, 130)).add_modifier(bold),
            header: Style::new().fg(paper).bg(blue),
            badge: Style::new()
                .fg(ink)
                .bg(Color::Rgb(255, 200, 0))
                .add_modifier(bold),
            key: Style::new().fg(blue).add_modifier(bold),
            found: Style::new()
                .bg(Color::Rgb(255, 235, 130))
                .add_modifier(Modifier::UNDERLINED),
        }
    }

    /// White on black, yellow accents, nothing dim: for the back of the room.
    pub fn high_contrast() -> Self {
        let white = Color::Rgb(255, 255, 255);
        let black = Color::Rgb(0, 0, 0);
        let yellow = Color::Rgb(255, 230, 0);
        let bold = Modifier::BOLD;
        Theme {
            text: Style::new().fg(white).bg(black),
            dim: Style::new().fg(white),
            strong: Style::new().fg(white).add_modifier(bold),
            border: Style::new().fg(white),
            focus: Style::new().fg(yellow).add_modifier(bold),
            selected: Style::new().fg(black).bg(yellow).add_modifier(bold),
            alert: Style::new()
                .fg(Color::Rgb(255, 110, 110))
                .add_modifier(bold | Modifier::UNDERLINED),
            code: Style::new()
                .fg(Color::Rgb(120, 220, 255))
                .add_modifier(bold),
            header: Style::new().fg(black).bg(white).add_modifier(bold),
            badge: Style::new().fg(black).bg(yellow).add_modifier(bold),
            key: Style::new().fg(yellow).add_modifier(bold),
            found: Style::new().fg(yellow).add_modifier(Modifier::UNDERLINED),
        }
    }

    /// Okabe-Ito accents on the terminal's own colours: distinct with every common
    /// colour-vision deficiency (no red/green pairs).
    pub fn colour_blind() -> Self {
        let blue = Color::Rgb(0, 114, 178);
        let bold = Modifier::BOLD;
        Theme {
            focus: Style::new().fg(blue).add_modifier(bold),
            alert: Style::new().fg(Color::Rgb(213, 94, 0)).add_modifier(bold),
            code: Style::new()
                .fg(Color::Rgb(204, 121, 167))
                .add_modifier(bold),
            key: Style::new().fg(Color::Rgb(86, 180, 233)).add_modifier(bold),
            badge: Style::new()
                .fg(Color::Rgb(0, 0, 0))
                .bg(Color::Rgb(240, 228, 66))
                .add_modifier(bold),
            found: Style::new()
                .fg(Color::Rgb(230, 159, 0))
                .add_modifier(Modifier::UNDERLINED),
            ..Theme::standard()
        }
    }

    /// No colours at all (NO_COLOR): only bold, dim and reverse.
    pub fn monochrome() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            text: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            strong: bold,
            border: Style::new(),
            focus: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            alert: bold.add_modifier(Modifier::UNDERLINED),
            code: Style::new(),
            header: Style::new().add_modifier(Modifier::REVERSED),
            badge: bold.add_modifier(Modifier::REVERSED),
            key: bold,
            found: Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }
}
