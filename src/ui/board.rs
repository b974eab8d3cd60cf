//! The board: four horizon columns of cards (see `card.rs` for one card).

use super::card::{CardLayout, render_card};
use super::text::{fit, scroll_offset, thousands};
use super::theme::Theme;
use crate::app::{App, Pane};
use crate::domain::Horizon;
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

/// How many cards fit in one column of a board drawn in `board`.
pub fn cards_per_column(board: Rect) -> usize {
    let inner = Rect::new(
        0,
        0,
        (board.width / 4).saturating_sub(2),
        board.height.saturating_sub(2),
    );
    let layout = CardLayout::for_column(inner);
    usize::from(inner.height / layout.height())
}

/// Draws the board.
pub fn render_board(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let columns = Layout::horizontal([Constraint::Ratio(1, 4); 4]).split(area);
    for (horizon, rect) in Horizon::ALL.into_iter().zip(columns.iter()) {
        render_column(app, horizon, *rect, buf, theme);
    }
    if app.roadmap.is_empty() {
        render_welcome(app, area, buf, theme);
    }
}

fn window_label(horizon: Horizon, app: &App) -> String {
    let today = app.today;
    let end = horizon.window_end(today);
    let day = |d: chrono::NaiveDate| d.format("%-d %b").to_string();
    match horizon.window_start(today) {
        None => format!("due by {}", day(end)),
        Some(start) if horizon == Horizon::NextYear => {
            format!("from {}", start.format("%-d %b %Y"))
        }
        Some(start) => format!("{} – {}", day(start), day(end)),
    }
}

/// The window in fewer columns: `7–13 Dec`, `30 Nov–31 Dec`, `by 22 Nov`; None when there is
/// no shorter way to say it.
fn short_window(horizon: Horizon, app: &App) -> Option<String> {
    let today = app.today;
    let end = horizon.window_end(today);
    match horizon.window_start(today) {
        None => Some(format!("by {}", end.format("%-d %b"))),
        Some(_) if horizon == Horizon::NextYear => None,
        Some(start) if (start.year(), start.month()) == (end.year(), end.month()) => {
            Some(format!("{}–{}", start.format("%-d"), end.format("%-d %b")))
        }
        Some(start) => Some(format!(
            "{}–{}",
            start.format("%-d %b"),
            end.format("%-d %b")
        )),
    }
}

/// Only where the window ends: `to 31 Dec` (None for the open-ended next year).
fn to_window(horizon: Horizon, app: &App) -> Option<String> {
    match (horizon, horizon.window_start(app.today)) {
        // Next year starts on the first of a month: the month says it.
        (Horizon::NextYear, Some(start)) => Some(format!("from {}", start.format("%b"))),
        (Horizon::NextYear, None) => None,
        _ => Some(format!(
            "to {}",
            horizon.window_end(app.today).format("%-d %b")
        )),
    }
}

fn render_column(app: &App, horizon: Horizon, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let cards = &app.derived.columns[horizon.index()];
    let focused = app.view.pane == Pane::Board && app.view.column == horizon;
    let title = format!(" {} · {} ", horizon.label(), thousands(cards.len()));
    let mut block = super::chrome::pane(title, focused, theme);
    let inner = block.inner(area);
    let layout = CardLayout::for_column(inner);
    let height = layout.height();
    let visible = usize::from(inner.height / height);
    let selected = app.view.cursor[horizon.index()];
    let offset = scroll_offset(selected, visible);
    let mut room = usize::from(inner.width).saturating_sub(2);
    if cards.len() > visible && visible > 0 {
        let position = format!(" {}/{} ", thousands(selected + 1), thousands(cards.len()));
        room = room.saturating_sub(position.len() + 1);
        block = block.title_bottom(Line::from(position).alignment(Alignment::Right));
    }
    let mut window = window_label(horizon, app);
    if super::text::width(&window) > room && horizon == Horizon::NextYear {
        // "from 1 Jan 2027" does not fit beside the position: the year is the next one anyway.
        window = window
            .rsplit_once(' ')
            .map_or(window.clone(), |(short, _)| short.to_string());
    }
    // "7 Dec – 13 Dec" does not fit beside the position: "7–13 Dec" says the same, and
    // "to 13 Dec" the part that matters (where the column ends).
    for shorter in [short_window(horizon, app), to_window(horizon, app)]
        .into_iter()
        .flatten()
    {
        if super::text::width(&window) > room {
            window = shorter;
        }
    }

    let window = fit(&window, room);
    block = block.title_bottom(Line::styled(format!(" {window} "), theme.dim));
    block.render(area, buf);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    if cards.is_empty() && !app.roadmap.is_empty() {
        let empty = if app.view.filter.is_some() {
            "  none match the filter"
        } else {
            "  nothing due"
        };
        let hint = Line::styled(fit(empty, usize::from(inner.width)), theme.dim);
        buf.set_line(inner.x, inner.y, &hint, inner.width);
        return;
    }
    let mut y = inner.y;
    for (pos, index) in cards.iter().enumerate().skip(offset).take(visible) {
        let Some(initiative) = app.roadmap.initiatives.get(*index) else {
            continue;
        };
        let is_selected = focused && pos == selected;
        let card = Rect::new(inner.x, y, inner.width, height);
        render_card(app, initiative, is_selected, layout, card, buf, theme);
        y += height;
    }
}

fn render_welcome(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let keys = |c| {
        app.settings
            .keymap
            .keys(crate::app::Context::Browse, c)
            .first()
            .map(|k| k.label())
            .unwrap_or_default()
    };
    use crate::app::Command::{AddGoal, AddInitiative, Help, LoadSample, Undo};
    let lines = vec![
        Line::styled("Your roadmap is empty.", theme.strong),
        Line::raw(""),
        Line::from(vec![
            Span::raw("Press "),
            Span::styled(keys(AddGoal), theme.key),
            Span::raw(" to add a business goal, "),
            Span::styled(keys(AddInitiative), theme.key),
            Span::raw(" to add an initiative,"),
        ]),
        Line::from(vec![
            Span::raw("or "),
            Span::styled(keys(LoadSample), theme.key),
            Span::raw(format!(
                " to start from a sample roadmap ({} undoes it).",
                keys(Undo)
            )),
        ]),
        Line::from(vec![
            Span::styled(keys(Help), theme.key),
            Span::raw(" shows every key."),
        ]),
    ];
    let height = 7.min(area.height);
    let width = 66.min(area.width);
    let x = area.x + (area.width - width) / 2;
    let y = area.y + (area.height.saturating_sub(height)) / 2;
    let rect = Rect::new(x, y, width, height);
    ratatui::widgets::Clear.render(rect, buf);
    Paragraph::new(lines)
        .alignment(Alignment::Center)
        .wrap(ratatui::widgets::Wrap { trim: true })
        .block(Block::bordered().border_style(theme.focus))
        .render(rect, buf);
}
