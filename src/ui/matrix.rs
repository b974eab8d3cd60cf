//! The traceability matrix (initiatives × goals, or goals × horizons) and the portfolio
//! balance of the alignment screen. Only visible rows are drawn.

use super::kpi::gauge;
use super::rows::{Row, draw_rows, draw_window};
use super::text::{clean, fit};
use super::theme::Theme;
use crate::app::App;
use crate::app::alignment::horizon_label;
use crate::domain::alignment::{self, percent};
use crate::domain::business::Strength;
use crate::domain::{Horizon, Kind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

const CELL: usize = 6;
const WHEN: usize = 11;
const LEGEND: &str = "■ strong  ◧ partial  □ weak  · none";

/// Draws the matrix tab.
pub fn render_matrix(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    if area.height < 3 {
        return;
    }
    let body = Rect::new(area.x, area.y + 1, area.width, area.height - 2);
    let footer = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let view = app.key_label(
        crate::app::Context::Alignment,
        crate::app::Command::MatrixView,
    );
    if app.view.align.by_horizon {
        by_horizon(app, area, body, buf, theme);
        let text = format!("{LEGEND}   {view}: initiatives × goals");
        buf.set_line(
            footer.x,
            footer.y,
            &Line::styled(text, theme.dim),
            footer.width,
        );
    } else {
        by_initiative(app, area, body, buf, theme);
        let more = if app.roadmap.goals.len() > goals_fitting(area) {
            "   ←/→ more goals"
        } else {
            ""
        };
        let text = format!("{LEGEND}{more}   {view}: goals × horizons");
        buf.set_line(
            footer.x,
            footer.y,
            &Line::styled(text, theme.dim),
            footer.width,
        );
    }
}

/// How many goal columns fit beside the initiative titles.
pub fn goals_fitting(area: Rect) -> usize {
    (usize::from(area.width).saturating_sub(24 + WHEN + 2) / CELL).max(1)
}

fn by_initiative(app: &App, area: Rect, body: Rect, buf: &mut Buffer, theme: &Theme) {
    let goals = &app.roadmap.goals;
    let total = usize::from(area.width);
    let fits = goals_fitting(area);
    // Scroll only as far as needed to show the last goal.
    let first = app
        .view
        .align
        .first_goal
        .min(goals.len().saturating_sub(fits));
    let shown: Vec<_> = goals.iter().skip(first).take(fits).collect();
    let title_width = total.saturating_sub(shown.len() * CELL + WHEN + 2);
    let mut head = vec![Span::styled(
        format!(" {:<w$}", "Initiative", w = title_width),
        theme.dim,
    )];
    for (n, goal) in shown.iter().enumerate() {
        let health = app
            .derived
            .goal_health
            .get(first + n)
            .copied()
            .unwrap_or_default();
        let unsupported = health.support.is_unsupported();
        let code = format!("{:^CELL$}", fit(&clean(&goal.code), CELL - 1));
        head.push(Span::styled(
            code,
            if unsupported { theme.alert } else { theme.code },
        ));
    }
    let more_left = if first > 0 { "◀" } else { " " };
    let more_right = if first + shown.len() < goals.len() {
        "▶"
    } else {
        " "
    };
    head.push(Span::styled(
        format!(" {more_left}{more_right}When"),
        theme.dim,
    ));
    buf.set_line(area.x, area.y, &Line::from(head), area.width);
    // Only the visible window is built: the list can be 100,000 long.
    let order = app.matrix_order();
    let selected = app.alignment_cursor(order.len());
    let height = usize::from(body.height);
    let offset = super::text::scroll_offset(selected, height);
    let window = order.iter().enumerate().skip(offset).take(height);
    let rows: Vec<Row> = window
        .map(|(n, at)| {
            let i = &app.roadmap.initiatives[*at];
            let mut spans = vec![Span::styled(
                format!(
                    "{:<w$}",
                    fit(&clean(&i.title), title_width.saturating_sub(1)),
                    w = title_width.saturating_sub(1)
                ),
                theme.text,
            )];
            for goal in &shown {
                let cell = i.strength_for(&goal.id).map_or("·", Strength::symbol);
                spans.push(Span::styled(format!("{cell:^CELL$}"), theme.code));
            }
            let when = horizon_label(i, app);
            let style = if i.is_overdue(app.today) {
                theme.alert
            } else {
                theme.dim
            };
            spans.push(Span::styled(format!("   {when}"), style));
            (Some(n), Line::from(spans))
        })
        .collect();
    let below = order.len().saturating_sub(offset + rows.len());
    draw_window(app, &rows, below, body, buf, theme);
}

fn by_horizon(app: &App, area: Rect, body: Rect, buf: &mut Buffer, theme: &Theme) {
    let cell = if area.width < 100 { 11 } else { 14 };
    let title_width = usize::from(area.width).saturating_sub(cell * 4 + 13);
    let mut head = vec![Span::styled(
        format!(" {:<w$}", "Goal", w = title_width),
        theme.dim,
    )];
    for h in Horizon::ALL {
        head.push(Span::styled(format!("{:<cell$}", h.label()), theme.dim));
    }
    head.push(Span::styled("Support", theme.dim));
    buf.set_line(area.x, area.y, &Line::from(head), area.width);
    let rows: Vec<Row> = app
        .roadmap
        .goals
        .iter()
        .enumerate()
        .map(|(n, goal)| {
            let name = format!("{:<6} {}", clean(&goal.code), clean(&goal.title));
            let mut spans = vec![Span::styled(
                format!(
                    "{:<w$}",
                    fit(&name, title_width.saturating_sub(1)),
                    w = title_width
                ),
                theme.text,
            )];
            for h in Horizon::ALL {
                let mut counts = [0usize; 3];
                for i in app.roadmap.serving(&goal.id) {
                    if i.horizon(app.today) == h
                        && let Some(s) = i.strength_for(&goal.id)
                    {
                        counts[Strength::ALL.iter().position(|x| *x == s).unwrap_or(0)] += 1;
                    }
                }
                let text: Vec<String> = Strength::ALL
                    .iter()
                    .zip(counts)
                    .filter(|(_, c)| *c > 0)
                    .map(|(s, c)| format!("{c}{}", s.symbol()))
                    .collect();
                let text = if text.is_empty() {
                    "·".to_string()
                } else {
                    text.join(" ")
                };
                spans.push(Span::styled(format!("{text:<cell$}"), theme.code));
            }
            let support = alignment::support(&app.roadmap, &goal.id, app.today);
            let style = if support.is_unsupported() {
                theme.alert
            } else {
                theme.dim
            };
            spans.push(Span::styled(support.label(app.today), style));
            (Some(n), Line::from(spans))
        })
        .collect();
    draw_rows(app, &rows, body, buf, theme);
}

fn bar(share: Option<f64>, cells: usize) -> String {
    match share {
        Some(s) => format!("{} {:>4}", gauge(Some(s), cells), percent(s)),
        None => format!("{:<w$}", "—", w = cells + 5),
    }
}

/// Draws the balance tab: shares per goal against the goal's weight, then the run / grow /
/// transform mix, and a warning when run work dominates.
pub fn render_balance(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let balance = alignment::balance(&app.roadmap);
    let show_cost = !app.view.public;
    let cells = (usize::from(area.width).saturating_sub(12 + 3 * 8 + 20) / 3).clamp(10, 30);
    let col = cells + 8;
    let mut lines: Vec<Line> = Vec::new();
    lines.push(Line::styled(
        format!(
            "Where the {} active initiatives go, against what the business said matters",
            balance.active
        ),
        theme.strong,
    ));
    if show_cost {
        let missing = balance.active - balance.costed;
        let note = if missing == 0 {
            String::new()
        } else {
            format!(" · {missing} without an estimate, left out of the cost shares")
        };
        lines.push(Line::styled(
            format!(
                "Estimated cost of active work: {} over {}{note}",
                super::sections::money(balance.total_cost, &app.roadmap.currency),
                crate::domain::counted(balance.costed, "initiative", "initiatives")
            ),
            theme.dim,
        ));
    }
    let cost_head = if show_cost {
        "Est. cost"
    } else {
        "Cost (hidden: public)"
    };
    lines.push(Line::styled(
        format!(
            "{:<12}{:<col$}{:<col$}{}",
            "", "Initiatives", cost_head, "Goal weight (from priority)"
        ),
        theme.dim,
    ));
    for row in &balance.rows {
        let (label, style) = match &row.goal {
            Some(id) => match app.roadmap.goal(id) {
                Some(g) => (format!("{:<6} P{}", clean(&g.code), g.priority), theme.text),
                None => continue,
            },
            None => ("no goal".to_string(), theme.alert),
        };
        let cost = if show_cost { row.cost } else { None };
        let mut spans = vec![
            Span::styled(format!("{:<12}", fit(&label, 11)), style),
            Span::styled(
                format!("{:<col$}", bar(Some(row.initiatives), cells)),
                theme.code,
            ),
            Span::styled(format!("{:<col$}", bar(cost, cells)), theme.code),
            Span::styled(bar(row.weight, cells), theme.dim),
        ];
        if let Some(what) = row.below_weight(show_cost) {
            spans.push(Span::styled(format!("  ▼ {what}"), theme.alert));
        } else if let Some(weight) = row.weight
            && row.initiatives > weight * 2.0
            && weight > 0.0
        {
            spans.push(Span::styled("  ▲", theme.dim));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Run / grow / transform: share of initiatives, and of estimated initiative cost (not of all IT spend)",
        theme.strong,
    ));
    for (n, kind) in Kind::ALL.iter().enumerate() {
        let cost = balance.kind_costs.filter(|_| show_cost).map(|c| c[n]);
        lines.push(Line::from(vec![
            Span::styled(format!("{:<12}", kind.label()), theme.text),
            Span::styled(
                format!("{:<col$}", bar(Some(balance.kinds[n]), cells)),
                theme.code,
            ),
            Span::styled(bar(cost, cells), theme.code),
        ]));
    }
    if let Some(warning) = balance.warning() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("⚠ {warning}"), theme.alert));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "A multi-goal initiative is split by link strength (strong 3, partial 2, weak 1).",
        theme.dim,
    ));
    lines.push(Line::styled(
        "Goal weight = 6 − priority: P1 weighs 5, P5 weighs 1.",
        theme.dim,
    ));
    lines.push(Line::styled(
        "▼ less than half its weight (in initiatives, cost, or both) · ▲ more than twice.",
        theme.dim,
    ));
    // Sentences wrap at word ends rather than stop mid-word at the edge; rows of bars fit.
    let width = usize::from(area.width);
    let lines: Vec<Line> = lines
        .into_iter()
        .flat_map(|line| match line.spans.as_slice() {
            [only] if super::text::width(&only.content) > width => {
                let style = only.style;
                super::text::wrap_title(&only.content, width, usize::MAX)
                    .into_iter()
                    .map(|part| Line::styled(part, style))
                    .collect()
            }
            _ => vec![line],
        })
        .collect();
    for (y, line) in lines.iter().take(usize::from(area.height)).enumerate() {
        let y = area.y + u16::try_from(y).unwrap_or(0);
        buf.set_line(area.x, y, line, area.width);
    }
}
