//! The selectable rows the alignment tabs, the matrix, the review queue, the check-ins and the
//! archive draw: one line each, headings unselectable, the selected row marked ▶ and scrolled
//! into view.

use super::chrome::pane;
use super::text::scroll_offset;
use super::theme::Theme;
use crate::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// One drawn line of a tab, and the selectable row it belongs to (None for headings).
pub type Row = (Option<usize>, Line<'static>);

/// Draws rows scrolled so the selected one (with its heading, when it fits) is visible; the
/// selected row is marked ▶ and highlighted. No rows: says why the tab is empty.
pub fn draw_rows(app: &App, rows: &[Row], area: Rect, buf: &mut Buffer, theme: &Theme) {
    draw_window(app, rows, 0, area, buf, theme);
}

/// Like [`draw_rows`] for a window of a longer list that holds the selected row: `below` more
/// rows follow the window (and are counted in the "↓ N more" hint).
pub fn draw_window(
    app: &App,
    rows: &[Row],
    below: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    if rows.is_empty() {
        let line = Line::styled(app.alignment_empty_hint(), theme.dim);
        buf.set_line(area.x, area.y, &line, area.width);
        return;
    }
    let count = rows
        .iter()
        .filter_map(|(n, _)| *n)
        .max()
        .map_or(0, |n| n + 1);
    let selected = app.alignment_cursor(count);
    let first = rows
        .iter()
        .position(|(n, _)| *n == Some(selected))
        .unwrap_or(0);
    let last = rows
        .iter()
        .rposition(|(n, _)| *n == Some(selected))
        .unwrap_or(first);
    let height = usize::from(area.height);
    // Show the heading above the first row of a group when there is room.
    let top = first.saturating_sub(usize::from(first > 0 && rows[first - 1].0.is_none()));
    let offset = (last + 1).saturating_sub(height).min(top);
    for (y, (row_index, (row, line))) in rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .enumerate()
    {
        let y = area.y + u16::try_from(y).unwrap_or(0);
        let chosen = *row == Some(selected);
        let marker = if chosen && row_index == first {
            "▶"
        } else {
            " "
        };
        let mut line = line.clone();
        if chosen {
            line = line.style(theme.selected);
        }
        buf.set_line(area.x, y, &Line::raw(marker), 1);
        buf.set_line(area.x + 1, y, &line, area.width.saturating_sub(1));
    }
    if offset + height < rows.len() + below {
        let more = format!(" ↓ {} more ", rows.len() + below - offset - height);
        let x = area
            .right()
            .saturating_sub(u16::try_from(more.len()).unwrap_or(0));
        buf.set_line(x, area.bottom(), &Line::styled(more, theme.dim), area.width);
    }
}

/// A focused pane titled `title`; returns its inside, a column in from each side.
pub(super) fn framed(title: String, area: Rect, buf: &mut Buffer, theme: &Theme) -> Rect {
    let block = pane(title, true, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    )
}

/// Draws `lines` from the top of `area`, as many as fit.
pub(super) fn lines_into(lines: &[Line], area: Rect, buf: &mut Buffer) {
    for (y, line) in lines.iter().take(usize::from(area.height)).enumerate() {
        let y = area.y + u16::try_from(y).unwrap_or(0);
        buf.set_line(area.x, y, line, area.width);
    }
}

/// Draws rows with the selected one marked and kept in view.
pub(super) fn list(rows: &[Row], selected: usize, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let offset = scroll_offset(selected, usize::from(area.height));
    list_window(
        rows.get(offset..).unwrap_or_default(),
        selected,
        area,
        buf,
        theme,
    );
}

/// Draws rows from the top of `area`: the caller built only the visible window.
pub(super) fn list_window(
    rows: &[Row],
    selected: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let height = usize::from(area.height);
    for (y, (row, line)) in rows.iter().take(height).enumerate() {
        let y = area.y + u16::try_from(y).unwrap_or(0);
        let chosen = *row == Some(selected);
        let marker = if chosen { "▶" } else { " " };
        let line = if chosen {
            line.clone().style(theme.selected)
        } else {
            line.clone()
        };
        buf.set_line(area.x, y, &Line::raw(marker), 1);
        buf.set_line(area.x + 1, y, &line, area.width.saturating_sub(1));
    }
}

/// Says why a list is empty, dimmed, on the first row of `area`.
pub(super) fn empty_hint(text: &str, area: Rect, buf: &mut Buffer, theme: &Theme) {
    buf.set_line(area.x, area.y, &Line::styled(text, theme.dim), area.width);
}
