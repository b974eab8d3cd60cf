//! Mouse hit-testing: which card, column or goal is at a screen cell. Uses the same layout
//! functions as drawing, so a click lands on what is shown there.

use super::card::CardLayout;
use super::layout;
use super::text::scroll_offset;
use crate::app::{App, Target};
use crate::domain::Horizon;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::widgets::Block;

/// What is drawn at (`x`, `y`) on the main screen, if anything clickable.
pub fn hit(app: &App, x: u16, y: u16) -> Option<Target> {
    let size = app.view.viewport;
    if layout::too_small(size) {
        return None;
    }
    let areas = layout::areas(size, app.roadmap.goals.len());
    let at = Position::new(x, y);
    if areas.board.contains(at) {
        let columns = Layout::horizontal([Constraint::Ratio(1, 4); 4]).split(areas.board);
        let (horizon, rect) = Horizon::ALL
            .into_iter()
            .zip(columns.iter())
            .find(|(_, r)| r.contains(at))?;
        return Some(card_at(app, horizon, *rect, at));
    }
    if areas.goals.contains(at) {
        let inner = Block::bordered().inner(areas.goals);
        if !inner.contains(at) || app.roadmap.goals.is_empty() {
            return None;
        }
        let per_goal: u16 = if areas.goals_right { 3 } else { 1 };
        let visible = usize::from(inner.height / per_goal).max(1);
        let index =
            scroll_offset(app.view.goal_cursor, visible) + usize::from((y - inner.y) / per_goal);
        return (index < app.roadmap.goals.len()).then_some(Target::Goal(index));
    }
    None
}

fn card_at(app: &App, horizon: Horizon, column: Rect, at: Position) -> Target {
    let inner = Block::bordered().inner(column);
    let height = CardLayout::for_column(inner).height();
    if !inner.contains(at) || height == 0 {
        return Target::Column(horizon);
    }
    let visible = usize::from(inner.height / height);
    let offset = scroll_offset(app.view.cursor[horizon.index()], visible);
    let index = offset + usize::from((at.y - inner.y) / height);
    if index < app.derived.columns[horizon.index()].len() {
        Target::Card(horizon, index)
    } else {
        Target::Column(horizon)
    }
}
