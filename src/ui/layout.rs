//! Screen layout shared by rendering and paging, so both agree on how much fits.

use ratatui::layout::Rect;

/// Smallest terminal the board is drawn in; below it a message asks for more room.
pub const MIN_SIZE: (u16, u16) = (60, 16);

/// Width from which the goals pane moves from the bottom to the right.
pub const WIDE: u16 = 120;

/// The regions of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// Top bar.
    pub header: Rect,
    /// The four columns.
    pub board: Rect,
    /// The goals pane.
    pub goals: Rect,
    /// Message and save state.
    pub status: Rect,
    /// Key hints.
    pub hints: Rect,
    /// True when the goals pane is on the right.
    pub goals_right: bool,
    /// On large screens, a pane showing the selected item beside the board.
    pub detail: Option<Rect>,
}

/// Size from which a detail pane appears beside the board.
pub const LARGE: (u16, u16) = (170, 36);

/// True when the terminal is too small for the board.
pub fn too_small(size: (u16, u16)) -> bool {
    size.0 < MIN_SIZE.0 || size.1 < MIN_SIZE.1
}

/// Splits a `(width, height)` screen; `goals` is the number of goals to make room for.
pub fn areas(size: (u16, u16), goals: usize) -> Areas {
    let (w, h) = size;
    let row = |y: u16, height: u16| Rect::new(0, y, w, height);
    let header = row(0, 1.min(h));
    let hints = row(h.saturating_sub(1), 1.min(h));
    let status = row(h.saturating_sub(2), 1.min(h.saturating_sub(1)));
    let middle = Rect::new(0, 1, w, h.saturating_sub(3));
    if w >= WIDE {
        let pane = (w / 4).clamp(34, 56);
        let board = Rect::new(0, middle.y, w - pane, middle.height);
        let side = Rect::new(w - pane, middle.y, pane, middle.height);
        let (goals, detail) = if w >= LARGE.0 && h >= LARGE.1 {
            let wanted = u16::try_from(goals.max(1).saturating_mul(3)).unwrap_or(u16::MAX);
            let goals_height = wanted.saturating_add(2).min(side.height / 2);
            let detail = Rect::new(side.x, side.y, side.width, side.height - goals_height);
            let goals = Rect::new(side.x, side.y + detail.height, side.width, goals_height);
            (goals, Some(detail))
        } else {
            (side, None)
        };
        return Areas {
            header,
            board,
            goals,
            status,
            hints,
            goals_right: true,
            detail,
        };
    }
    let wanted = u16::try_from(goals.max(1))
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let cap = if middle.height >= 20 { 8 } else { 3 };
    let pane = wanted.min(cap).min(middle.height / 3);
    let board = Rect::new(0, middle.y, w, middle.height - pane);
    let goals = Rect::new(0, middle.y + board.height, w, pane);
    Areas {
        header,
        board,
        goals,
        status,
        hints,
        goals_right: false,
        detail: None,
    }
}
