//! The search / filter line: what is typed, how many cards match, or why it is not a query.

use super::chrome::{centered, frame};
use super::text::{clean, fit};
use super::theme::Theme;
use crate::app::App;
use crate::app::search::{Prompt, PromptKind};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

/// Draws the prompt box; returns where the cursor goes.
pub fn render_prompt(
    app: &App,
    prompt: &Prompt,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> Option<Position> {
    let title = match prompt.kind {
        PromptKind::Search => "Search · Enter keeps it (n/N step) · Esc cancels",
        PromptKind::Filter => "Filter · Enter keeps it (F clears) · Esc cancels",
    };
    let rect = centered(area, 100, 5);
    let inner = frame(rect, title, buf, theme);
    if inner.height < 3 {
        return None;
    }
    let width = usize::from(inner.width);
    let room = width.saturating_sub(3);
    let scroll = prompt.input.visual_scroll(room);
    let shown: String = clean(prompt.input.value()).chars().skip(scroll).collect();
    let symbol = if prompt.kind == PromptKind::Search {
        "/ "
    } else {
        "⧩ "
    };
    let line = Line::from(vec![
        Span::styled(symbol, theme.key),
        Span::styled(fit(&shown, room), theme.strong),
    ]);
    buf.set_line(inner.x, inner.y, &line, inner.width);
    let shown_cards: usize = app.columns.iter().map(Vec::len).sum();
    let (status, style) = match (&prompt.error, prompt.kind) {
        (Some(e), _) => (format!("✗ {e}"), theme.alert),
        (None, PromptKind::Search) => {
            (format!("{} card(s) match", app.matches().len()), theme.text)
        }
        (None, PromptKind::Filter) => (format!("{shown_cards} card(s) shown"), theme.text),
    };
    buf.set_line(
        inner.x,
        inner.y + 1,
        &Line::styled(fit(&status, width), style),
        inner.width,
    );
    let syntax = "words · #goal · @owner · +tag · status:blocked · kind:run — all must match";
    buf.set_line(
        inner.x,
        inner.y + 2,
        &Line::styled(fit(syntax, width), theme.dim),
        inner.width,
    );
    let x = prompt.input.visual_cursor().saturating_sub(scroll) + 2;
    Some(Position::new(
        inner.x + u16::try_from(x.min(width.saturating_sub(1))).unwrap_or(0),
        inner.y,
    ))
}
