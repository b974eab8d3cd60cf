//! The decisions and action items view: what the meeting decided, and who does what by when.

use super::chrome::{centered, frame};
use super::text::{clean, fit};
use super::theme::Theme;
use crate::app::{App, Command, Context};
use crate::domain::dates::day_month;
use crate::domain::dates::short_date;
use crate::domain::decisions::Link;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

fn about(app: &App, link: Option<&Link>) -> String {
    link.and_then(|l| app.roadmap.about(l))
        .map(|about| format!(" — {about}"))
        .unwrap_or_default()
}

/// Draws the list; `selected` counts decisions first, then actions.
pub fn render_decisions(app: &App, selected: usize, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let decisions = app.listed_decisions();
    let actions = app.listed_actions();
    let mut lines: Vec<(Option<usize>, Line<'static>)> = Vec::new();
    lines.push((
        None,
        Line::styled(format!("Decisions ({})", decisions.len()), theme.strong),
    ));
    if decisions.is_empty() {
        lines.push((
            None,
            Line::styled(
                if app.view.filter.is_some() {
                    "  none match the filter"
                } else {
                    "  none yet: press c and type  decision: what was decided #goal"
                },
                theme.dim,
            ),
        ));
    }
    for (n, d) in decisions.iter().enumerate() {
        let text = format!(
            "  • {}  {}{}",
            day_month(d.session, app.today),
            d.text,
            about(app, d.link.as_ref())
        );
        lines.push((Some(n), Line::styled(text, theme.text)));
    }
    lines.push((None, Line::raw("")));
    let open = actions.iter().filter(|a| a.done_on.is_none()).count();
    lines.push((
        None,
        Line::styled(
            format!("Actions ({open} open, {} done)", actions.len() - open),
            theme.strong,
        ),
    ));
    if actions.is_empty() {
        lines.push((
            None,
            Line::styled(
                if app.view.filter.is_some() {
                    "  none match the filter"
                } else {
                    "  none yet: press c and type  action: what @owner !fri"
                },
                theme.dim,
            ),
        ));
    }
    for (n, a) in actions.iter().enumerate() {
        let due = match (a.due, a.done_on) {
            (_, Some(done)) => format!("done {}", day_month(done, app.today)),
            (Some(due), None) if due < app.today => {
                format!("OVERDUE, was due {}", short_date(due, app.today))
            }
            (Some(due), None) => format!("due {}", short_date(due, app.today)),
            (None, None) => "no due date".into(),
        };
        let mark = if a.done_on.is_some() { "☑" } else { "☐" };
        let owner = if a.owner.is_empty() {
            "no owner".to_string()
        } else {
            a.owner.clone()
        };
        let text = format!(
            "  {mark} {} · {owner} · {due}{}",
            a.text,
            about(app, a.link.as_ref())
        );
        lines.push((Some(decisions.len() + n), Line::styled(text, theme.text)));
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, 110, height);
    let key = |c| app.key_label(Context::Decisions, c);
    let filtered = app
        .view
        .filter
        .as_ref()
        .map(|f| {
            format!(
                " · FILTER {} ({} clears)",
                clean(&f.text),
                key(Command::ClearFilters)
            )
        })
        .unwrap_or_default();
    let title = format!(
        "Decisions and actions{filtered} · {} done · {} edit · {} delete · {} add · {} undo · Esc back",
        key(Command::MarkDone),
        key(Command::Edit),
        key(Command::Delete),
        key(Command::Capture),
        key(Command::Undo),
    );
    let inner = frame(
        rect,
        &fit(&title, usize::from(rect.width.saturating_sub(4))),
        buf,
        theme,
    );
    let visible = usize::from(inner.height);
    let at = lines
        .iter()
        .position(|(i, _)| *i == Some(selected))
        .unwrap_or(0);
    let offset = super::text::scroll_offset(at, visible);
    for (row, (index, line)) in lines.into_iter().enumerate().skip(offset).take(visible) {
        let y = inner.y + u16::try_from(row - offset).unwrap_or(0);
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        let style = if index == Some(selected) {
            theme.selected
        } else {
            line.style
        };
        let shown = if index == Some(selected) {
            format!("▶{}", text.get(1..).unwrap_or_default())
        } else {
            text
        };
        buf.set_line(
            inner.x,
            y,
            &Line::styled(fit(&shown, usize::from(inner.width)), style),
            inner.width,
        );
    }
}
