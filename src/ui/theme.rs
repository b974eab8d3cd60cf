//! Every colour and text style the UI uses. Meaning never rests on colour alone: focus is also
//! shown by a marker and reverse video, status by a symbol, overdue by a word.

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
