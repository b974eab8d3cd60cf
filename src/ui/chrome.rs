//! Frames shared by panes and popups: pane blocks that show focus without colour, and
//! cleared, bordered, centred popup rectangles.

use super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

/// The block around a pane: thick border and reversed title when focused (visible in
/// monochrome), plain otherwise.
pub fn pane(title: String, focused: bool, theme: &Theme) -> Block<'static> {
    let (border, title_style) = if focused {
        (theme.focus, theme.selected)
    } else {
        (theme.border, theme.strong)
    };
    let block = Block::bordered()
        .border_style(border)
        .title(Span::styled(title, title_style));
    if focused {
        block.border_type(BorderType::Thick)
    } else {
        block
    }
}

/// A rectangle of at most `width` x `height`, centred in `area` with a one-cell margin.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width.saturating_sub(2));
    let h = height.min(area.height.saturating_sub(2));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Clears `rect`, draws a titled frame, returns the inside.
pub fn frame(rect: Rect, title: &str, buf: &mut Buffer, theme: &Theme) -> Rect {
    Clear.render(rect, buf);
    buf.set_style(rect, theme.text);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.focus)
        .title(Span::styled(format!(" {title} "), theme.strong));
    let inner = block.inner(rect);
    block.render(rect, buf);
    Rect::new(
        inner.x + 1.min(inner.width),
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    )
}

/// How far a popup of at most `width` columns showing `lines` can scroll on a `screen`
/// (width, height): total wrapped rows minus the rows that fit.
pub fn max_scroll(lines: &[Line<'_>], width: u16, screen: (u16, u16)) -> u16 {
    let width = width.min(screen.0.saturating_sub(2));
    let total = wrapped_height(lines, width);
    let shown = total.min(screen.1.saturating_sub(2));
    total.saturating_sub(shown)
}

/// Rows `lines` take when word-wrapped inside a popup `width` columns wide, plus the frame's
/// two borders (exact: ratatui's own line count, behind its `unstable-rendered-line-info`).
pub fn wrapped_height(lines: &[Line<'_>], width: u16) -> u16 {
    let paragraph = Paragraph::new(lines.to_vec()).wrap(Wrap { trim: false });
    let rows = paragraph.line_count(width.saturating_sub(4).max(1));
    u16::try_from(rows + 2).unwrap_or(u16::MAX)
}

/// Writes "↓ more" (or "↑ more") on a popup's bottom border when its text continues past
/// what `inner` shows after scrolling `scroll` rows of `rows` wrapped rows.
pub fn more_marker(
    rect: Rect,
    inner: Rect,
    rows: u16,
    scroll: u16,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let below = scroll.saturating_add(inner.height) < rows;
    let label = match (scroll > 0, below) {
        (_, true) => " ↓ more ",
        (true, false) => " ↑ more ",
        (false, false) => return,
    };
    let width = u16::try_from(label.chars().count()).unwrap_or(0);
    if rect.width > width + 2 && rect.height > 0 {
        let x = rect.right() - width - 2;
        buf.set_string(x, rect.bottom() - 1, label, theme.key);
    }
}
