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
            // The bright red and magenta: the plain ones are under 4.5:1 on a dark terminal.
            alert: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            code: Style::new()
                .fg(Color::LightMagenta)
                .add_modifier(Modifier::BOLD),
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
        // Okabe-Ito sky blue: their deeper blue is 4.05:1 on a dark terminal, under AA.
        let blue = Color::Rgb(86, 180, 233);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// xterm's default palette, for the named colours the terminal-coloured themes use.
    fn xterm(c: Color) -> Option<(u8, u8, u8)> {
        Some(match c {
            Color::Black => (0, 0, 0),
            Color::Red => (205, 0, 0),
            Color::Green => (0, 205, 0),
            Color::Yellow => (205, 205, 0),
            Color::Blue => (0, 0, 238),
            Color::Magenta => (205, 0, 205),
            Color::Cyan => (0, 205, 205),
            Color::Gray => (229, 229, 229),
            Color::DarkGray => (127, 127, 127),
            Color::LightRed => (255, 0, 0),
            Color::LightGreen => (0, 255, 0),
            Color::LightYellow => (255, 255, 0),
            Color::LightBlue => (92, 92, 255),
            Color::LightMagenta => (255, 0, 255),
            Color::LightCyan => (0, 255, 255),
            Color::White => (255, 255, 255),
            Color::Rgb(r, g, b) => (r, g, b),
            _ => return None,
        })
    }

    fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn the_contrast_formula_matches_wcag() {
        assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
        // The figures the issue measured: xterm red and Okabe-Ito blue on black.
        assert!((contrast((205, 0, 0), (0, 0, 0)) - 3.6).abs() < 0.05);
        assert!((contrast((0, 114, 178), (0, 0, 0)) - 4.05).abs() < 0.05);
    }

    /// Every style that draws text reaches WCAG AA (4.5:1) against the background it is drawn
    /// on; borders reach the 3:1 of non-text marks. The dark, colour-blind and mono themes
    /// draw on the terminal's own colours, taken as xterm's light grey on black.
    #[test]
    fn every_theme_reaches_wcag_aa_for_text() {
        let terminal = ((229, 229, 229), (0, 0, 0));
        for name in ThemeName::ALL {
            let theme = Theme::named(name);
            let fg0 = theme.text.fg.and_then(xterm).unwrap_or(terminal.0);
            let bg0 = theme.text.bg.and_then(xterm).unwrap_or(terminal.1);
            let styles = [
                ("text", theme.text, 4.5),
                ("dim", theme.dim, 4.5),
                ("strong", theme.strong, 4.5),
                ("border", theme.border, 3.0),
                ("focus", theme.focus, 4.5),
                ("selected", theme.selected, 4.5),
                ("alert", theme.alert, 4.5),
                ("code", theme.code, 4.5),
                ("header", theme.header, 4.5),
                ("badge", theme.badge, 4.5),
                ("key", theme.key, 4.5),
                ("found", theme.found, 4.5),
            ];
            for (what, style, least) in styles {
                let mut fg = style.fg.map_or(Some(fg0), xterm).unwrap_or(fg0);
                let mut bg = style.bg.map_or(Some(bg0), xterm).unwrap_or(bg0);
                if style.add_modifier.contains(Modifier::REVERSED) {
                    std::mem::swap(&mut fg, &mut bg);
                }
                let ratio = contrast(fg, bg);
                assert!(
                    ratio >= least,
                    "{name:?} {what}: {fg:?} on {bg:?} is {ratio:.2}:1, under {least}:1"
                );
            }
        }
    }
}
