//! The session summary: what changed since this session opened the roadmap, in words a
//! business reader follows (slips and pull-ins by name, with dates).

use super::chrome::{centered, frame, max_scroll as popup_max_scroll, more_marker, wrapped_height};
use super::text::clean;
use super::theme::Theme;
use crate::app::App;
use crate::domain::dates::days_between;
use crate::domain::diff::changes;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

const WIDTH: u16 = 90;

fn section<'a>(lines: &mut Vec<Line<'a>>, title: String, items: Vec<String>, theme: &Theme) {
    if items.is_empty() {
        return;
    }
    lines.push(Line::styled(title, theme.strong));
    lines.extend(
        items
            .into_iter()
            .map(|i| Line::styled(format!("  • {}", clean(&i)), theme.text)),
    );
    lines.push(Line::raw(""));
}

/// The summary as lines.
pub fn summary_lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let c = changes(&app.session_start, &app.roadmap);
    let mut lines = Vec::new();
    let notes_unchanged = app.roadmap.decisions.len() == app.session_start.decisions.len()
        && app.roadmap.actions.len() == app.session_start.actions.len();
    if c.is_empty() && notes_unchanged {
        lines.push(Line::styled(
            "Nothing has changed in this session yet.",
            theme.text,
        ));
        return lines;
    }
    let day = |d: chrono::NaiveDate| d.format("%-d %b %Y").to_string();
    let (slips, pulls): (Vec<_>, Vec<_>) = c.moved.iter().partition(|m| m.is_slip());
    section(
        &mut lines,
        format!("Added ({})", c.added.len()),
        c.added.clone(),
        theme,
    );
    section(
        &mut lines,
        format!("Moved later ({})", slips.len()),
        slips
            .iter()
            .map(|m| {
                format!(
                    "{}: {} → {} (+{} days)",
                    m.title,
                    day(m.from),
                    day(m.to),
                    days_between(m.from, m.to)
                )
            })
            .collect(),
        theme,
    );
    section(
        &mut lines,
        format!("Pulled in ({})", pulls.len()),
        pulls
            .iter()
            .map(|m| {
                format!(
                    "{}: {} → {} ({} days sooner)",
                    m.title,
                    day(m.from),
                    day(m.to),
                    days_between(m.to, m.from)
                )
            })
            .collect(),
        theme,
    );
    section(
        &mut lines,
        format!("Status changed ({})", c.status.len()),
        c.status
            .iter()
            .map(|(t, a, b)| format!("{t}: {} → {}", a.label(), b.label()))
            .collect(),
        theme,
    );
    section(
        &mut lines,
        format!("Removed ({})", c.removed.len()),
        c.removed.clone(),
        theme,
    );
    let new_decisions: Vec<String> = app
        .roadmap
        .decisions
        .iter()
        .filter(|d| !app.session_start.decisions.iter().any(|o| o.id == d.id))
        .map(|d| d.text.clone())
        .collect();
    section(
        &mut lines,
        format!("Decisions ({})", new_decisions.len()),
        new_decisions,
        theme,
    );
    let new_actions: Vec<String> = app
        .roadmap
        .actions
        .iter()
        .filter(|a| !app.session_start.actions.iter().any(|o| o.id == a.id))
        .map(|a| {
            let owner = if a.owner.is_empty() {
                "no owner".to_string()
            } else {
                a.owner.clone()
            };
            let due = a
                .due
                .map(|d| format!(", due {}", day(d)))
                .unwrap_or_default();
            format!("{} ({owner}{due})", a.text)
        })
        .collect();
    section(
        &mut lines,
        format!("Actions ({})", new_actions.len()),
        new_actions,
        theme,
    );
    section(
        &mut lines,
        format!("Goals added ({})", c.goals_added.len()),
        c.goals_added.clone(),
        theme,
    );
    section(
        &mut lines,
        format!("Goals removed ({})", c.goals_removed.len()),
        c.goals_removed.clone(),
        theme,
    );
    lines
}

/// How far the summary can scroll at the app's terminal size.
pub fn max_scroll(app: &App) -> u16 {
    popup_max_scroll(
        &summary_lines(app, &Theme::monochrome()),
        WIDTH,
        app.viewport,
    )
}

/// Draws the summary popup.
pub fn render_summary(app: &App, scroll: u16, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lines = summary_lines(app, theme);
    let width = WIDTH.min(area.width.saturating_sub(2));
    let height = wrapped_height(&lines, width);
    let rect = centered(area, width, height);
    let inner = frame(rect, "This session · Esc closes", buf, theme);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(inner, buf);
    more_marker(rect, inner, height.saturating_sub(2), scroll, buf, theme);
}
