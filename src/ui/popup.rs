//! Shared popup frame: a cleared, bordered, centred rectangle.

use super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

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

/// Rows `lines` take when word-wrapped to `width` cells (an estimate that never undercounts
/// by more than a row per line), plus the frame's two borders.
pub fn wrapped_height(lines: &[Line<'_>], width: u16) -> u16 {
    let width = usize::from(width.saturating_sub(4)).max(1);
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(width).max(1)).sum();
    u16::try_from(rows + 2).unwrap_or(u16::MAX)
}
