//! Working with several roadmaps in a git checkout: the merge conflicts waiting in the file
//! (what each is about, both values, which one the file holds until it is settled) and the
//! switcher's list of the folder's roadmaps.

use super::chrome;
use super::text;
use super::theme::Theme;
use crate::app::App;
use crate::app::RoadmapRow;
use crate::domain::conflict::{Conflict, Side};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Lines per conflict: what, yours, theirs, a blank.
const ROWS_EACH: usize = 4;

pub fn render_merged(app: &App, selected: usize, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let conflicts = &app.roadmap.conflicts;
    let wanted = conflicts.len() * ROWS_EACH + 4;
    let height = u16::try_from(wanted).unwrap_or(u16::MAX);
    let width = 100.min(area.width.saturating_sub(2));
    let rect = chrome::centered(area, width, height.min(area.height.saturating_sub(2)));
    let title = format!(
        "Merge conflicts · {} · m keeps yours, t takes theirs",
        conflicts.len()
    );
    let inner = chrome::frame(rect, &title, buf, theme);
    let wide = usize::from(inner.width);
    let intro = "Both sides changed these. The file holds the ● value until you choose.";
    buf.set_line(
        inner.x,
        inner.y,
        &Line::styled(text::fit(intro, wide), theme.dim),
        inner.width,
    );
    let room = usize::from(inner.height.saturating_sub(2)) / ROWS_EACH;
    let offset = text::scroll_offset(selected, room.max(1));
    let mut y = inner.y + 2;
    for (index, conflict) in conflicts.iter().enumerate().skip(offset).take(room) {
        for line in conflict_lines(conflict, index == selected, wide, theme) {
            buf.set_line(inner.x, y, &line, inner.width);
            y += 1;
        }
        y += 1;
    }
    let hidden = conflicts.len().saturating_sub(offset + room);
    if hidden > 0 && inner.height > 0 {
        let more = format!("+{hidden} more below");
        buf.set_line(
            inner.x,
            inner.y + inner.height - 1,
            &Line::styled(more, theme.dim),
            inner.width,
        );
    }
}

fn conflict_lines<'a>(
    conflict: &Conflict,
    selected: bool,
    wide: usize,
    theme: &Theme,
) -> [Line<'a>; 3] {
    let (marker, style) = if selected {
        ("▶ ", theme.selected)
    } else {
        ("  ", theme.strong)
    };
    let about = format!("{marker}{}", text::clean(&conflict.about));
    let side = |side: Side, name: &str| {
        let held = if conflict.kept == side { "● " } else { "  " };
        let label = format!("    {held}{name:<7}");
        let value = text::fit(
            &conflict.shown(side),
            wide.saturating_sub(label.chars().count()),
        );
        Line::from(vec![
            Span::styled(label, theme.key),
            Span::styled(value, theme.text),
        ])
    };
    [
        Line::styled(text::fit(&about, wide), style),
        side(Side::Ours, "yours"),
        side(Side::Theirs, "theirs"),
    ]
}

/// The switcher: the roadmaps of the folder as `alignmap list` shows them.
pub fn render_roadmaps(
    app: &App,
    rows: &[RoadmapRow],
    selected: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let height = u16::try_from(rows.len() * 2 + 2).unwrap_or(u16::MAX);
    let width = 96.min(area.width.saturating_sub(2));
    let rect = chrome::centered(area, width, height.min(area.height.saturating_sub(2)));
    let title = "Roadmaps · Enter opens one (this one is saved first)";
    let inner = chrome::frame(rect, title, buf, theme);
    let wide = usize::from(inner.width);
    let visible = (usize::from(inner.height) / 2).max(1);
    let offset = text::scroll_offset(selected, visible);
    let mut y = inner.y;
    for (index, row) in rows.iter().enumerate().skip(offset).take(visible) {
        let marker = if index == selected { "▶" } else { " " };
        let open = if app.is_open(row) { " (open)" } else { "" };
        let (name, why) = match &row.name {
            Ok(name) => (name.as_str(), None),
            Err(why) => ("cannot be read", Some(why.clone())),
        };
        let first = format!(
            "{marker} {} · {}{open}",
            text::clean(name),
            text::clean(&row.file)
        );
        let facts: Vec<String> = row.facts.iter().cloned().chain(why).collect();
        let second = format!("    {}", facts.join(" · "));
        let style = if index == selected {
            theme.selected
        } else {
            theme.strong
        };
        let lines = [
            Line::styled(text::fit(&first, wide), style),
            Line::styled(text::fit(&text::clean(&second), wide), theme.dim),
        ];
        for (at, line) in lines.iter().enumerate() {
            let at = u16::try_from(at).unwrap_or(0);
            buf.set_line(inner.x, y + at, line, inner.width);
        }
        y += 2;
    }
}
