//! The alignment screen: the summary line, the tab bar, and the gaps and goals tabs (the
//! matrix and balance tabs are in `matrix.rs`).

use super::chrome::pane;
use super::kpi::{exposure_text, kpi_line};
use super::rows::{Row, draw_rows};
use super::text::{clean, fit};
use super::theme::Theme;
use crate::app::{App, Tab};
use crate::domain::Horizon;
use crate::domain::alignment::{self, Gap};
use crate::domain::dates::day_month;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the alignment screen into `area` (between the header and the status bar).
pub fn render_alignment(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    if area.height < 4 {
        return;
    }
    let summary = app.alignment_summary().line();
    let margin = u16::from(super::text::width(&summary) < usize::from(area.width));
    buf.set_line(
        area.x + margin,
        area.y,
        &Line::styled(fit(&summary, usize::from(area.width)), theme.strong),
        area.width - margin,
    );
    render_tabs(
        app,
        Rect::new(area.x, area.y + 1, area.width, 1),
        buf,
        theme,
    );
    let body = Rect::new(area.x, area.y + 2, area.width, area.height - 2);
    let block = pane(format!(" {} ", app.view.align.tab.label()), true, theme);
    let inner = block.inner(body);
    block.render(body, buf);
    let inner = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    let rows = match app.view.align.tab {
        Tab::Gaps => gap_rows(app, usize::from(inner.width), inner.height, theme),
        Tab::Goals => goal_rows(app, usize::from(inner.width), theme),
        Tab::Matrix => return super::matrix::render_matrix(app, inner, buf, theme),
        Tab::Balance => return super::matrix::render_balance(app, inner, buf, theme),
    };
    draw_rows(app, &rows, inner, buf, theme);
}

fn render_tabs(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let gaps = app.listed_gaps().len();
    let mut spans = vec![Span::raw(" ")];
    for tab in Tab::ALL {
        let label = match tab {
            Tab::Gaps => format!("Gaps ({gaps})"),
            other => other.label().to_string(),
        };
        if tab == app.view.align.tab {
            spans.push(Span::styled(format!("[ {label} ]"), theme.selected));
        } else {
            spans.push(Span::styled(format!("  {label}  "), theme.text));
        }
        spans.push(Span::raw(" "));
    }
    let key = app.key_label(crate::app::Context::Alignment, crate::app::Command::NextTab);
    spans.push(Span::styled(format!(" {key} next tab"), theme.dim));
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

/// The gap rows; only those that can be on screen around the selection get their text, so
/// that a list of 100,000 gaps costs no more to draw than a list of ten.
fn gap_rows(app: &App, width: usize, height: u16, theme: &Theme) -> Vec<Row> {
    let gaps = app.listed_gaps();
    let selected = app.alignment_cursor(gaps.len());
    // Headings add at most one row per group before the selection.
    let reach = usize::from(height) + 16;
    let shown = selected.saturating_sub(reach)..selected + reach;
    let mut rows: Vec<Row> = Vec::new();
    let mut heading = "";
    for (n, gap) in gaps.iter().enumerate() {
        if gap.heading() != heading {
            heading = gap.heading();
            let count = gaps.iter().filter(|g| g.heading() == heading).count();
            let style = if matches!(
                gap,
                Gap::Unlinked(_) | Gap::Unsupported(_) | Gap::Unmitigated(..)
            ) {
                theme.alert
            } else {
                theme.strong
            };
            rows.push((None, Line::styled(format!("{heading} · {count}"), style)));
        }
        let line = if shown.contains(&n) {
            Line::raw(fit(&gap_text(app, gap), width.saturating_sub(2)))
        } else {
            Line::default()
        };
        rows.push((Some(n), line));
    }
    rows
}

/// One gap in words, naming the item and what makes it a gap.
pub fn gap_text(app: &App, gap: &Gap) -> String {
    let r = &app.roadmap;
    let title = |id| {
        r.initiative(id)
            .map_or_else(String::new, |i| clean(&i.title).into_owned())
    };
    let when = |id| {
        r.initiative(id).map_or_else(String::new, |i| {
            if i.is_overdue(app.today) {
                return format!(
                    "OVERDUE since {}",
                    i.target
                        .due()
                        .map(|d| day_month(d, app.today))
                        .unwrap_or_default()
                );
            }
            format!(
                "{}, {}",
                i.horizon(app.today).label(),
                i.target.label(|d| day_month(d, app.today))
            )
        })
    };
    let goal = |id| {
        r.goal(id).map_or_else(String::new, |g| {
            format!("{:<6} {}", clean(&g.code), clean(&g.title))
        })
    };
    match gap {
        Gap::Unlinked(i) | Gap::NoCase(i) => format!("  {} · {}", title(i), when(i)),
        Gap::NoOwner(i) => format!("  {} · {} · nobody in IT owns it", title(i), when(i)),
        Gap::Unsupported(g) => {
            let next = r
                .serving(g)
                .filter(|i| i.horizon(app.today) == Horizon::NextYear)
                .min_by_key(|i| i.target)
                .map_or_else(
                    || "nothing planned at all".to_string(),
                    |i| format!("first: {} on {}", clean(&i.title), i.target.in_words()),
                );
            format!("  {} · {next}", goal(g))
        }
        Gap::NoKpi(g) => format!("  {} · how will we know it worked?", goal(g)),
        Gap::NoTarget(g, k) => {
            let code = r.goal(g).map_or("", |g| g.code.as_str());
            let kpi = r.goal(g).and_then(|g| g.kpis.iter().find(|x| &x.id == k));
            let why = kpi.and_then(|k| k.why_no_progress()).unwrap_or_default();
            let name = kpi.map_or_else(String::new, |k| clean(&k.name).into_owned());
            format!("  {:<6} {name} · {why}", clean(code))
        }
        Gap::Sequence(i, n) => {
            let date = |id| {
                r.initiative(id)
                    .map_or_else(String::new, |x| x.target.in_words())
            };
            format!(
                "  {} ({}) needs {} ({})",
                title(i),
                date(i),
                title(n),
                date(n)
            )
        }
        Gap::Unmitigated(i, risk) => {
            let risk = r
                .initiative(i)
                .and_then(|x| x.risks.iter().find(|k| &k.id == risk));
            let (severity, name) = match risk {
                Some(k) if app.view.public && k.confidential => {
                    (k.severity(), "a confidential risk".into())
                }
                Some(k) => (k.severity(), clean(&k.title).into_owned()),
                None => (0, String::new()),
            };
            let threatens: Vec<String> = r
                .initiative(i)
                .map(|x| {
                    x.goal_ids()
                        .filter_map(|g| r.goal(g))
                        .map(|g| clean(&g.code).into_owned())
                        .collect()
                })
                .unwrap_or_default();
            let threatens = if threatens.is_empty() {
                String::new()
            } else {
                format!(" · threatens {}", threatens.join(" "))
            };
            format!("  {severity:>2} severity  {name} · {}{threatens}", title(i))
        }
    }
}

fn goal_rows(app: &App, width: usize, theme: &Theme) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let longest = app
        .roadmap
        .goals
        .iter()
        .flat_map(|g| &g.kpis)
        .map(|k| super::text::width(&k.label()))
        .max()
        .unwrap_or(0);
    let compact = width < 90;
    let rest = super::kpi::kpi_rest(compact);
    let room = width.saturating_sub(8 + rest);
    let name_width = longest.min(room).max(10);
    rows.push((
        None,
        Line::styled(
            format!("       {}", super::kpi::kpi_heading(name_width, compact)),
            theme.dim,
        ),
    ));
    for (n, goal) in app.roadmap.goals.iter().enumerate() {
        let active = app.derived.goal_counts.get(n).copied().unwrap_or(0);
        let support = alignment::support(&app.roadmap, &goal.id, app.today);
        let style = if support.is_unsupported() {
            theme.alert
        } else {
            theme.dim
        };
        let support = Span::styled(support.label(app.today), style);
        let head = format!(
            "{:<6} {}",
            clean(&goal.code),
            fit(&clean(&goal.title), width.saturating_sub(40))
        );
        rows.push((
            Some(n),
            Line::from(vec![
                Span::styled(head, theme.strong),
                Span::styled(
                    format!("  P{} · {active} active · ", goal.priority),
                    theme.dim,
                ),
                support,
            ]),
        ));
        let kpis = super::kpi::visible_kpis(app, goal);
        if kpis.is_empty() {
            rows.push((
                Some(n),
                Line::styled("       no KPI: how will we know it worked?", theme.alert),
            ));
        }
        for kpi in kpis {
            let mut line = kpi_line(kpi, app.today, name_width, compact, theme);
            line.spans.insert(0, Span::raw("       "));
            rows.push((Some(n), line));
        }
        let exposure = alignment::exposure(&app.roadmap, &goal.id);
        let style = if exposure.unmitigated > 0 {
            theme.alert
        } else {
            theme.dim
        };
        rows.push((
            Some(n),
            Line::styled(format!("       {}", exposure_text(&exposure)), style),
        ));
    }
    rows
}
