//! The search / filter line: what is typed, how many cards match, or why it is not a query.

use super::chrome::{centered, frame};
use super::form::render_input;
use super::text::fit;
use super::theme::Theme;
use crate::app::App;
use crate::app::search::{Prompt, PromptKind};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;

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
    let symbol = if prompt.kind == PromptKind::Search {
        "/ "
    } else {
        "⧩ "
    };
    buf.set_string(inner.x, inner.y, symbol, theme.key);
    let field = Rect::new(inner.x + 2, inner.y, inner.width.saturating_sub(2), 1);
    let cursor = render_input(&prompt.input, true, field, buf, theme);
    let shown_cards: usize = app.derived.columns.iter().map(Vec::len).sum();
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
    cursor
}
