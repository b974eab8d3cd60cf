//! The business goals pane: code, priority, how many active initiatives serve each goal.

use super::text::fit;
use super::text::scroll_offset;
use super::theme::Theme;
use crate::app::{App, Pane};
use crate::domain::Goal;
use crate::domain::alignment::Support;
use crate::domain::alignment::{Health, percent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the goals pane; `tall` gives each goal two lines (pane on the right).
pub fn render_goals(app: &App, area: Rect, tall: bool, buf: &mut Buffer, theme: &Theme) {
    let focused = app.view.pane == Pane::Goals;
    let goals = &app.roadmap.goals;
    // Each goal counts the risks on its own work, so a risk on work serving two goals shows
    // under both; the title gives the total with each risk counted once, as the summary does.
    let total = app.alignment_summary().unmitigated;
    let risks = match total {
        0 => String::new(),
        1 => "1 high risk unmitigated".into(),
        n => format!("{n} high risks unmitigated"),
    };
    let n = goals.len();
    let title = [
        format!(" Business goals · {n} · {risks} in all "),
        format!(" Goals {n} · {risks} "),
    ]
    .into_iter()
    .find(|t| total > 0 && t.chars().count() + 2 <= usize::from(area.width))
    .unwrap_or_else(|| format!(" Business goals · {n} "));
    let mut block = super::chrome::pane(title, focused, theme);
    let inner = block.inner(area);
    let per_goal: u16 = if tall { 3 } else { 1 };
    let visible = usize::from(inner.height / per_goal).max(1);
    let offset = scroll_offset(app.view.goal_cursor, visible);
    if goals.len() > visible {
        let last = (offset + visible).min(goals.len());
        let range = format!(" {}–{last} of {} ", offset + 1, goals.len());
        // What needs attention must not hide below the fold: say how many unsupported
        // goals are out of view, and which way.
        let unsupported = |pos: &usize| {
            app.derived
                .goal_health
                .get(*pos)
                .is_some_and(|h| h.support.is_unsupported())
        };
        let above = (0..offset).filter(unsupported).count();
        let below = (last..goals.len()).filter(unsupported).count();
        let mut hidden = Vec::new();
        if above > 0 {
            hidden.push(format!("↑ {above} UNSUPPORTED"));
        }
        if below > 0 {
            hidden.push(format!("↓ {below} UNSUPPORTED"));
        }
        if !hidden.is_empty() {
            let warning = Span::styled(format!(" {} ", hidden.join(" · ")), theme.alert);
            block = block.title_bottom(Line::from(warning).alignment(Alignment::Left));
        }
        block = block.title_bottom(Line::from(range).alignment(Alignment::Right));
    }
    block.render(area, buf);
    if inner.height == 0 {
        return;
    }
    if goals.is_empty() {
        let hint = fit(
            "No business goals yet: press A to add one.",
            usize::from(inner.width),
        );
        buf.set_line(
            inner.x,
            inner.y,
            &Line::styled(hint, theme.dim),
            inner.width,
        );
        return;
    }
    let mut y = inner.y;
    for (pos, goal) in goals.iter().enumerate().skip(offset).take(visible) {
        let selected = focused && pos == app.view.goal_cursor;
        let count = app.derived.goal_counts.get(pos).copied().unwrap_or(0);
        let health = app
            .derived
            .goal_health
            .get(pos)
            .copied()
            .unwrap_or_default();
        let rect = Rect::new(inner.x, y, inner.width, per_goal.min(inner.bottom() - y));
        let row = GoalRow {
            goal,
            count,
            health,
            selected,
            today: app.today,
        };
        if tall {
            render_tall(&row, rect, buf, theme);
        } else {
            render_row(&row, rect, buf, theme);
        }
        y += per_goal;
    }
}

/// One goal as the pane shows it.
struct GoalRow<'a> {
    goal: &'a Goal,
    count: usize,
    health: Health,
    selected: bool,
    today: chrono::NaiveDate,
}

/// What serves the goal: "3 initiatives"; for an unsupported goal, why ("none by 31 Jan:
/// 2 overdue, 1 weak link"), so a count never seems to contradict UNSUPPORTED; for a
/// goal whose work is all done, "delivered".
fn serving_label(row: &GoalRow) -> String {
    match row.health.support {
        Support::Delivered => "delivered, nothing open".into(),
        support @ Support::Unsupported { .. } => support.why(row.today),
        Support::Supported => crate::domain::counted(row.count, "initiative", "initiatives"),
    }
}

/// Warnings and KPI progress before the count, e.g. "⚠ 2 risks · KPI 50% · ".
fn health_spans(health: &Health, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    if health.support.is_unsupported() {
        spans.push(Span::styled("UNSUPPORTED", theme.alert));
        spans.push(Span::styled(" · ", theme.dim));
    }
    match health.unmitigated {
        0 => {}
        // The measure the title names, per goal: high risks without a mitigation.
        n => spans.push(Span::styled(format!("⚠ {n} unmitigated"), theme.alert)),
    }
    if health.unmitigated > 0 {
        spans.push(Span::styled(" · ", theme.dim));
    }
    match health.progress {
        Some((lo, hi)) if percent(lo) != percent(hi) => spans.push(Span::styled(
            format!("KPIs {}–{} · ", percent(lo), percent(hi)),
            theme.dim,
        )),
        Some((p, _)) => spans.push(Span::styled(format!("KPI {} · ", percent(p)), theme.dim)),
        None => {}
    }
    spans
}

fn render_row(row: &GoalRow, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let (goal, count, selected) = (row.goal, row.count, row.selected);
    let width = usize::from(area.width);
    let marker = if selected { "▶ " } else { "  " };
    let head = format!("{marker}{:<6} P{}  ", fit(&goal.code, 6), goal.priority);
    let tail = format!("  {}", serving_label(row));
    let health = health_spans(&row.health, theme);
    let health_width: usize = health.iter().map(|s| super::text::width(&s.content)).sum();
    let room = width.saturating_sub(head.chars().count() + tail.chars().count() + health_width);
    let mut title = fit(&goal.title, room);
    if !goal.owner.is_empty() && room > title.chars().count() + 6 {
        let owner = fit(&goal.owner, room - title.chars().count() - 3);
        title = format!("{title} — {owner}");
    }
    let pad = room.saturating_sub(super::text::width(&title));
    let tail_style = if count == 0 { theme.alert } else { theme.dim };
    let mut spans = vec![
        Span::styled(head, theme.code),
        Span::styled(title, theme.strong),
        Span::raw(" ".repeat(pad + 2)),
    ];
    spans.extend(health);
    spans.push(Span::styled(serving_label(row), tail_style));
    let line = Line::from(spans);
    buf.set_line(area.x, area.y, &line, area.width);
    if selected {
        buf.set_style(area, theme.selected);
    }
}

fn render_tall(row: &GoalRow, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let (goal, count, selected) = (row.goal, row.count, row.selected);
    let width = usize::from(area.width);
    let marker = if selected { "▶ " } else { "  " };
    let tail_style = if count == 0 { theme.alert } else { theme.dim };
    let mut spans = vec![
        Span::raw(marker),
        Span::styled(format!("{} ", fit(&goal.code, 6)), theme.code),
        Span::styled(format!("P{} · ", goal.priority), theme.dim),
    ];
    let used: usize = spans.iter().map(|s| super::text::width(&s.content)).sum();
    let label = fit(&serving_label(row), width.saturating_sub(used));
    spans.push(Span::styled(label, tail_style));
    let first = Line::from(spans);
    if area.height > 2 {
        let mut health = vec![Span::raw("  ")];
        health.extend(health_spans(&row.health, theme));
        // The spans end with a separator meant for the count; drop it on a line of its own.
        if let Some(last) = health.last_mut() {
            last.content = last.content.trim_end_matches(" · ").to_string().into();
        }
        buf.set_line(area.x, area.y + 2, &Line::from(health), area.width);
    }
    buf.set_line(area.x, area.y, &first, area.width);
    if area.height > 1 {
        let title = Line::styled(
            format!("  {}", fit(&goal.title, width.saturating_sub(2))),
            theme.strong,
        );
        buf.set_line(area.x, area.y + 1, &title, area.width);
    }
    if selected {
        buf.set_style(
            Rect::new(area.x, area.y, area.width, area.height.min(2)),
            theme.selected,
        );
    }
}
