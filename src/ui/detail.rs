//! The detail popup of an initiative or a goal.

use super::chrome::{centered, frame};
use super::sections;
use super::text::clean;
use super::theme::Theme;
use crate::app::{App, Item};
use crate::domain::dates::day_month;
use crate::domain::dates::long_date;
use crate::domain::{Goal, Horizon, Initiative};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

const WIDTH: u16 = 90;

/// The popup title and lines for an item (None when it no longer exists).
fn content<'a>(app: &App, item: &Item, theme: &Theme) -> Option<(&'static str, Vec<Line<'a>>)> {
    match item {
        Item::Initiative(id) => app
            .roadmap
            .initiative(id)
            .map(|i| ("Initiative", initiative_lines(app, i, theme))),
        Item::Goal(id) => app
            .roadmap
            .goal(id)
            .map(|g| ("Business goal", goal_lines(app, g, theme))),
    }
}

/// Draws the selected item in the side pane of a large screen (Enter shows it in full).
pub fn render_detail_pane(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let block = super::chrome::pane(" Selected · Enter opens ".into(), false, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let content = app
        .selected_item()
        .and_then(|item| content(app, &item, theme));
    let lines = match content {
        Some((_, lines)) => lines,
        None => vec![Line::styled("Nothing selected.", theme.dim)],
    };
    let inner = Rect::new(
        inner.x + 1.min(inner.width),
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

/// Where a detail's KPI charts go: below the text, or in a column beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Layout {
    /// The popup's width.
    width: u16,
    /// The popup's height.
    height: u16,
    /// Rows of charts below the text.
    below: u16,
    /// Columns of charts beside the text (a wide screen).
    beside: u16,
}

/// Columns the chart column beside the text takes, its gap included.
const BESIDE: u16 = super::charts::MIN_WIDTH + 16;

/// The popup's layout for `text` rows of text and `charts` KPI charts on a `screen` (width,
/// height). A wide screen puts the charts in a column beside the text; otherwise they go
/// below it, as many as fit once the text is whole, or one under a text that must scroll
/// anyway when the popup is tall enough for both. Never does a chart push text out of sight
/// that would have shown, and where none fits each KPI line keeps its sparkline and numbers.
fn plan(text: u16, charts: usize, screen: (u16, u16)) -> Layout {
    let charts = u16::try_from(charts).unwrap_or(u16::MAX);
    let width = WIDTH.min(screen.0.saturating_sub(2));
    let most = screen.1.saturating_sub(2);
    let plain = Layout {
        width,
        height: text.saturating_add(3).min(most),
        below: 0,
        beside: 0,
    };
    if charts == 0 {
        return plain;
    }
    let rows = |n: u16| n.saturating_mul(super::charts::ROWS);
    if screen.0.saturating_sub(2) >= WIDTH + BESIDE && most >= rows(1) + 2 {
        return Layout {
            width: WIDTH + BESIDE,
            height: text.saturating_add(3).max(rows(charts) + 2).min(most),
            below: 0,
            beside: BESIDE,
        };
    }
    if width < super::charts::MIN_WIDTH + 4 {
        return plain;
    }
    let inner = most.saturating_sub(2);
    let fit = (inner.saturating_sub(text + 1) / super::charts::ROWS).min(charts);
    if fit > 0 {
        return Layout {
            height: (text + 3 + rows(fit)).min(most),
            below: rows(fit),
            ..plain
        };
    }
    // The text scrolls whatever happens: one chart under it if both have room.
    if text + 1 > inner && inner >= 2 * super::charts::ROWS + 8 {
        return Layout {
            height: most,
            below: rows(1),
            ..plain
        };
    }
    plain
}

/// How far the detail of `item` can scroll at the app's terminal size.
pub fn max_scroll(app: &App, item: &Item) -> u16 {
    let Some((_, lines)) = content(app, item, &Theme::monochrome()) else {
        return 0;
    };
    let width = WIDTH.min(app.view.viewport.0.saturating_sub(2));
    let text = super::chrome::wrapped_height(&lines, width).saturating_sub(2);
    let layout = plan(text, kpis_to_chart(app, item).len(), app.view.viewport);
    let shown = layout.height.saturating_sub(2 + layout.below);
    (text + 1).saturating_sub(shown)
}

/// The KPIs of a goal's detail drawn as charts (visible and measured); none for an
/// initiative.
fn kpis_to_chart<'a>(app: &'a App, item: &Item) -> Vec<&'a crate::domain::business::Kpi> {
    match item {
        Item::Goal(id) => app.roadmap.goal(id).map_or_else(Vec::new, |g| {
            super::kpi::visible_kpis(app, g)
                .into_iter()
                .filter(|k| crate::export::charts::chartable(k))
                .collect()
        }),
        Item::Initiative(_) => Vec::new(),
    }
}

/// Draws the detail popup for `item`, scrolled by `scroll` lines, with its KPI charts
/// below the text where they fit.
pub fn render_detail(
    app: &App,
    item: &Item,
    scroll: u16,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let Some((title, lines)) = content(app, item, theme) else {
        return;
    };
    let width = WIDTH.min(area.width.saturating_sub(2));
    let text = super::chrome::wrapped_height(&lines, width).saturating_sub(2);
    let charts = kpis_to_chart(app, item);
    let layout = plan(text, charts.len(), (area.width, area.height));
    let rect = centered(area, layout.width, layout.height);
    let inner = frame(rect, title, buf, theme);
    let text_area = Rect {
        width: inner.width.saturating_sub(layout.beside),
        height: inner.height.saturating_sub(layout.below),
        ..inner
    };
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(text_area, buf);
    super::chrome::more_marker(rect, text_area, text + 1, scroll, buf, theme);
    // Beside the text from the top; or below it, right under the text when it is whole.
    let (x, mut y, w) = if layout.beside > 0 {
        (
            text_area.right() + 1,
            inner.y,
            layout.beside.saturating_sub(2),
        )
    } else {
        (
            inner.x + 1,
            text_area.bottom().min(inner.y + text + 1),
            inner.width.saturating_sub(2),
        )
    };
    for kpi in charts {
        if y + super::charts::ROWS > inner.bottom() {
            break;
        }
        let at = Rect::new(x, y, w, super::charts::ROWS);
        super::charts::kpi(kpi, app.today, at, buf, theme);
        y += super::charts::ROWS;
    }
}

fn field<'a>(label: &'a str, value: &str, theme: &Theme) -> Line<'a> {
    let value = if value.is_empty() {
        "—".to_string()
    } else {
        clean(value).into_owned()
    };
    Line::from(vec![
        Span::styled(format!("{label:<10}"), theme.dim),
        Span::styled(value, theme.text),
    ])
}

fn initiative_lines<'a>(app: &App, i: &Initiative, theme: &Theme) -> Vec<Line<'a>> {
    let today = app.today;
    let mut when = match i.target {
        crate::domain::Target::Later => format!("{} · no date yet", i.horizon(today).label()),
        t => format!(
            "{} · target {}",
            i.horizon(today).label(),
            t.label_with_day(long_date)
        ),
    };
    if i.is_overdue(today) {
        when.push_str(&format!(" · OVERDUE by {} days", i.days_late(today)));
    }
    if let Some(done) = i.done_on {
        when = format!("done on {}", long_date(done));
    }
    let mut lines = vec![
        Line::styled(clean(&i.title).into_owned(), theme.strong),
        Line::raw(""),
        field(
            "Status",
            &format!(
                "{} {} · {}",
                i.status.symbol(),
                i.status.label(),
                i.kind.label()
            ),
            theme,
        ),
        field("When", &when, theme),
        field("IT owner", &i.it_owner, theme),
        field("Sponsor", &i.sponsor, theme),
        field("Champion", &i.champion, theme),
        field("Tags", &i.tags.join(", "), theme),
        Line::raw(""),
        Line::styled("Serves", theme.dim),
    ];
    if i.serves.is_empty() {
        lines.push(Line::styled(
            "  no business goal: why are we doing this?",
            theme.alert,
        ));
    }
    for link in &i.serves {
        let Some(goal) = app.roadmap.goal(&link.goal) else {
            continue;
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<6} ", clean(&goal.code)), theme.code),
            Span::styled(
                format!("{} {:<8}", link.strength.symbol(), link.strength.label()),
                theme.dim,
            ),
            Span::styled(clean(&goal.title).into_owned(), theme.text),
        ]));
    }
    if !i.summary.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Summary", theme.dim));
        for line in super::text::lines(&i.summary) {
            lines.push(Line::styled(line, theme.text));
        }
    }
    lines.extend(sections::deliverables(app, i, theme));
    lines.extend(sections::case(app, i, theme));
    lines.extend(sections::risks(app, i, theme));
    lines.extend(sections::dependencies(app, i, theme));
    if !app.view.public && !i.notes.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Notes (internal)", theme.dim));
        for line in super::text::lines(&i.notes) {
            lines.push(Line::styled(line, theme.text));
        }
    }
    if !i.target_log.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Target changes", theme.dim));
        for change in &i.target_log {
            let kind = match change.from.days_to(&change.to) {
                Some(days) if days > 0 => format!("slipped +{days}d"),
                Some(0) => "restated, same day".to_string(),
                Some(days) => format!("pulled in {days}d"),
                None if change.is_slip() => "unscheduled".to_string(),
                None => "scheduled".to_string(),
            };
            let horizons = (
                change.from.horizon(change.on).label(),
                change.to.horizon(change.on).label(),
            );
            lines.push(Line::styled(
                format!(
                    "  {}: {} → {} ({kind}; then {} → {})",
                    change.on.format("%-d %b %Y"),
                    change.from.in_words(),
                    change.to.in_words(),
                    horizons.0,
                    horizons.1
                ),
                theme.text,
            ));
            if !change.reason.is_empty() {
                lines.push(Line::styled(
                    format!("      because: {}", clean(&change.reason)),
                    theme.dim,
                ));
            }
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(
            "id {} · created {} · updated {}",
            i.id,
            i.created.format("%-d %b %Y"),
            i.updated.format("%-d %b %Y")
        ),
        theme.dim,
    ));
    lines
}

fn goal_lines<'a>(app: &App, g: &Goal, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{} ", clean(&g.code)), theme.code),
            Span::styled(clean(&g.title).into_owned(), theme.strong),
        ]),
        Line::raw(""),
        field("Owner", &g.owner, theme),
        field(
            "Priority",
            &format!("P{} (1 is highest)", g.priority),
            theme,
        ),
    ];
    if !g.contributes_to.trim().is_empty() {
        let named = format!("goal {}", g.contributes_to.trim());
        lines.push(field("Company", &named, theme));
    }
    if !g.description.is_empty() {
        lines.push(Line::raw(""));
        for line in super::text::lines(&g.description) {
            lines.push(Line::styled(line, theme.text));
        }
    }
    lines.extend(sections::goal_kpis(app, g, theme));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "What IT delivers for this goal (■ strong ◧ partial □ weak)",
        theme.dim,
    ));
    let serving: Vec<&Initiative> = app.roadmap.serving(&g.id).collect();
    match crate::domain::alignment::support(&app.roadmap, &g.id, app.today) {
        crate::domain::alignment::Support::Delivered => {
            let last = app
                .roadmap
                .initiatives
                .iter()
                .filter(|i| i.serves_goal(&g.id))
                .filter_map(|i| i.done_on)
                .max();
            lines.push(Line::styled(
                format!(
                    "  delivered: all its work is done{}; nothing open",
                    last.map_or_else(String::new, |d| format!(
                        " (last on {})",
                        day_month(d, app.today)
                    ))
                ),
                theme.dim,
            ));
        }
        _ if serving.is_empty() => lines.push(Line::styled(
            "  no active initiative: who is working on this?",
            theme.alert,
        )),
        support if support.is_unsupported() => lines.push(Line::styled(
            format!(
                "  UNSUPPORTED, {}: nothing strong or partial, not overdue, lands by then",
                support.why(app.today)
            ),
            theme.alert,
        )),
        _ => {}
    }
    for horizon in Horizon::ALL {
        let mut items: Vec<&&Initiative> = serving
            .iter()
            .filter(|i| i.horizon(app.today) == horizon)
            .collect();
        if items.is_empty() {
            continue;
        }
        items.sort_by_key(|i| i.target);
        lines.push(Line::styled(format!("  {}", horizon.label()), theme.strong));
        for i in items {
            let strength = i.strength_for(&g.id).map_or("", |s| s.symbol());
            lines.push(Line::styled(
                format!(
                    "    {strength} {} {} ({})",
                    i.status.symbol(),
                    clean(&i.title),
                    i.target.label(|d| day_month(d, app.today))
                ),
                theme.text,
            ));
        }
    }
    lines.extend(sections::goal_risk_lines(app, g, theme));
    let served = app
        .roadmap
        .initiatives
        .iter()
        .filter(|i| i.serves_goal(&g.id));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(
            "Promises: {}",
            crate::domain::review::promise(served, app.today).words()
        ),
        theme.dim,
    ));
    lines.push(Line::raw(""));
    lines.push(Line::styled(format!("id {}", g.id), theme.dim));
    lines
}

#[cfg(test)]
mod tests {
    use super::{BESIDE, Layout, WIDTH, plan};
    use crate::ui::charts::ROWS;

    #[test]
    fn charts_go_beside_on_a_wide_screen_below_when_the_text_is_whole_and_never_hide_text() {
        // 160 wide: a column beside the text, the popup as tall as text or charts need.
        let wide = plan(30, 2, (160, 48));
        assert_eq!(
            (wide.width, wide.beside, wide.below),
            (WIDTH + BESIDE, BESIDE, 0)
        );
        assert_eq!(wide.height, 33);
        // 100x60: the text whole (30 rows) and both charts below it.
        let tall = plan(30, 2, (100, 60));
        assert_eq!(
            tall,
            Layout {
                width: WIDTH,
                height: 30 + 3 + 2 * ROWS,
                below: 2 * ROWS,
                beside: 0
            }
        );
        // 100x40: the whole text fits, a chart would not: no chart, no text lost.
        let short = plan(30, 2, (100, 40));
        assert_eq!((short.below, short.height), (0, 33));
        // A text that scrolls anyway keeps one chart when the popup is tall enough.
        let long = plan(80, 2, (100, 50));
        assert_eq!((long.below, long.height), (ROWS, 48));
        // 80x24: none.
        assert_eq!(plan(40, 2, (80, 24)).below, 0);
        // No KPI to draw: the plain popup.
        assert_eq!(plan(30, 0, (200, 60)).beside, 0);
    }
}
