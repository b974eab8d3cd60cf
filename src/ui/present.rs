//! Presentation mode: one goal per screen for a room. No chrome; the goal's code in large
//! block letters where the width allows, its title, then what IT delivers now / next week /
//! next month / next year, with generous spacing. A footer names the few keys that work.

use super::text::wrap_title;
use super::text::{clean, fit, width};
use super::theme::Theme;
use crate::app::present::Page;
use crate::app::{App, Context};
use crate::domain::dates::short_date;
use crate::domain::{Horizon, Initiative};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

/// Draws page `page` of the presentation over the whole `area`.
pub fn render_present(app: &App, page: usize, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let pages = app.presentation_pages();
    let Some(current) = pages.get(page.min(pages.len().saturating_sub(1))).copied() else {
        return;
    };
    let lines = match current {
        Page::Goal(goal) => {
            2 + flags(app, current, area.width).len()
                + goal.kpis.iter().filter(|k| !k.confidential).count()
        }
        _ => 2,
    };
    let [top, heading, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(heading_height(area, lines)),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let counter = format!("{} of {}  ", page + 1, pages.len());
    let top_line = Line::from(vec![
        Span::styled(" PUBLIC ", theme.badge),
        Span::styled(format!("  {}", clean(&app.roadmap.name)), theme.dim),
    ]);
    buf.set_line(top.x, top.y, &top_line, top.width);
    let right = top
        .right()
        .saturating_sub(u16::try_from(width(&counter)).unwrap_or(0));
    buf.set_string(right, top.y, &counter, theme.dim);
    if current == Page::Closing {
        let rest = Rect::new(area.x, heading.y, area.width, footer.y - heading.y);
        render_closing(app, rest, buf, theme);
    } else {
        render_heading(app, current, heading, buf, theme);
        render_horizons(app, current, body, buf, theme);
    }
    render_footer(app, footer, buf, theme);
}

/// Rows for the heading: big letters need 4 (quadrant pixels) or 8 (half-height) rows and a
/// blank one, then `lines` of text (title, owner, flags, KPIs); never more than half the
/// screen, so the horizons keep the rest.
fn heading_height(area: Rect, lines: usize) -> u16 {
    let big: u16 = match area.height {
        h if h >= 50 => 9,
        h if h >= 24 => 5,
        _ => 0,
    };
    let lines = u16::try_from(lines).unwrap_or(u16::MAX);
    big.saturating_add(lines.max(3))
        .min((area.height / 2).max(3))
}

/// One KPI for the room: its value, its target with the unit, how far along (only when that
/// can be said), or that no target is set.
fn kpi_line(k: &crate::domain::business::Kpi) -> String {
    let now = k
        .current()
        .map_or_else(|| "not measured".into(), |v| super::kpi::value(v, &k.unit));
    let how = if !k.has_target() {
        "no target set".to_string()
    } else {
        let target = clean(&k.target_words(|t| super::kpi::value(t, &k.unit))).into_owned();
        match k.progress() {
            Some(p) => format!(
                "target {target}; {} of the way",
                crate::domain::alignment::percent(p)
            ),
            None => format!("target {target}"),
        }
    };
    format!("{} {now} ({how})", clean(&k.name))
}

/// The same in fewer words, for a narrow screen: `DSO 37 days → 33 days (50%)`.
fn kpi_short(k: &crate::domain::business::Kpi) -> String {
    let now = k
        .current()
        .map_or_else(|| "not measured".into(), |v| super::kpi::value(v, &k.unit));
    if !k.has_target() {
        return format!("{} {now} (no target set)", clean(&k.name));
    }
    let target = clean(&k.target_words(|t| super::kpi::value(t, &k.unit))).into_owned();
    let pct = k
        .progress()
        .map(|p| format!(" ({})", crate::domain::alignment::percent(p)))
        .unwrap_or_default();
    format!("{} {now} → {target}{pct}", clean(&k.name))
}

/// What the room must not miss about a goal: unsupported, and high risks nobody mitigates.
fn flags(app: &App, page: Page<'_>, columns: u16) -> Vec<String> {
    let Page::Goal(goal) = page else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let at = app.roadmap.goals.iter().position(|g| g.id == goal.id);
    let health = at.and_then(|at| app.derived.goal_health.get(at)).copied();
    if let Some(h) = health.filter(|h| h.support.is_unsupported()) {
        out.push(h.support.label(app.today));
    }
    // A line per risk, up to three; the closing page lists them all.
    let risks = app.page_risks(page);
    for (risk, on) in risks.iter().take(3) {
        let line = format!("⚠ High risk, no mitigation: {}", clean(&risk.title));
        let with_work = format!("{line} (on {})", clean(&on.title));
        // Which work it is on only when the whole line fits: the risk itself comes first.
        out.push(if width(&with_work) <= usize::from(columns) {
            with_work
        } else {
            line
        });
    }
    if risks.len() > 3 {
        out.push(format!(
            "⚠ {} more high risks without a mitigation (the last page lists them)",
            risks.len() - 3
        ));
    }
    out
}

fn render_heading(app: &App, page: Page<'_>, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let kpis: Vec<String> = match page {
        Page::Goal(goal) => goal
            .kpis
            .iter()
            .filter(|k| !k.confidential)
            .map(|k| {
                let full = kpi_line(k);
                if width(&full) <= usize::from(area.width) {
                    full
                } else {
                    kpi_short(k)
                }
            })
            .collect(),
        Page::Unlinked | Page::Closing => Vec::new(),
    };
    let (code, title, owner) = match page {
        Page::Goal(goal) => (
            clean(&goal.code).into_owned(),
            clean(&goal.title).into_owned(),
            format!(
                "{} · owner {} · priority P{}",
                clean(&goal.code),
                clean(&goal.owner),
                goal.priority
            ),
        ),
        Page::Unlinked | Page::Closing => (
            String::new(),
            "Not yet linked to a business goal".into(),
            "Which goal does each of these serve?".into(),
        ),
    };
    let fits = |text: &str, per_char: u16| {
        u16::try_from(text.chars().count())
            .unwrap_or(u16::MAX)
            .saturating_mul(per_char)
            <= area.width
    };
    // The title in block letters when it fits; else the code; else plain bold text.
    let big = if area.height >= 7 && fits(&title, 4) {
        Some((title.clone(), PixelSize::Quadrant, 4u16, true))
    } else if area.height >= 12 && !code.is_empty() && fits(&code, 8) {
        Some((code, PixelSize::Full, 8, false))
    } else if area.height >= 7 && !code.is_empty() && fits(&code, 4) {
        Some((code, PixelSize::Quadrant, 4, false))
    } else {
        None
    };
    let mut y = area.y;
    let mut title_shown = false;
    if let Some((text, size, rows, is_title)) = big {
        let big_text = BigText::builder()
            .pixel_size(size)
            .style(theme.strong)
            .lines(vec![Line::from(text)])
            .centered()
            .build();
        big_text.render(Rect::new(area.x, y, area.width, rows.min(area.height)), buf);
        y += rows + 1;
        title_shown = is_title;
    }
    let rest = Rect::new(
        area.x,
        y.min(area.bottom()),
        area.width,
        area.bottom().saturating_sub(y),
    );
    let mut lines = Vec::new();
    if !title_shown {
        lines.push(Line::styled(title, theme.strong).alignment(Alignment::Center));
    }
    lines.push(Line::styled(owner, theme.dim).alignment(Alignment::Center));
    let width = usize::from(area.width);
    for flag in flags(app, page, area.width) {
        lines.push(Line::styled(fit(&flag, width), theme.alert).alignment(Alignment::Center));
    }
    // A KPI a line, as many as the heading holds; the rest are counted, not cut.
    let room = usize::from(rest.height).saturating_sub(lines.len());
    let shown = if kpis.len() > room {
        room.saturating_sub(1)
    } else {
        kpis.len()
    };
    for kpi in kpis.iter().take(shown) {
        lines.push(Line::styled(fit(kpi, width), theme.strong).alignment(Alignment::Center));
    }
    if shown < kpis.len() {
        let more = format!("+{} more KPIs on the goal's detail", kpis.len() - shown);
        lines.push(Line::styled(more, theme.dim).alignment(Alignment::Center));
    }
    Paragraph::new(lines).render(rest, buf);
}

fn render_horizons(app: &App, page: Page<'_>, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let items = app.page_initiatives(page);
    let columns = Layout::horizontal([Constraint::Ratio(1, 4); 4])
        .spacing(2)
        .split(area.inner(ratatui::layout::Margin::new(2, 1)));
    for (horizon, rect) in Horizon::ALL.into_iter().zip(columns.iter()) {
        let here: Vec<&&Initiative> = items
            .iter()
            .filter(|i| i.horizon(app.today) == horizon)
            .collect();
        let head = format!("{} ({})", horizon.label().to_uppercase(), here.len());
        buf.set_line(
            rect.x,
            rect.y,
            &Line::styled(fit(&head, usize::from(rect.width)), theme.focus),
            rect.width,
        );
        let mut y = rect.y + 2;
        if here.is_empty() {
            buf.set_line(rect.x, y, &Line::styled("—", theme.dim), rect.width);
        }
        // Roomy on big screens; no blank line between items on small ones.
        let (title_lines, gap) = if area.height >= 30 { (3, 1) } else { (3, 0) };
        let count = here.len();
        for (shown, initiative) in here.into_iter().enumerate() {
            let title = wrap_title(&initiative.title, usize::from(rect.width), title_lines);
            let needed = u16::try_from(title.len()).unwrap_or(3) + 1 + gap;
            let last_row = rect.bottom().saturating_sub(1);
            // Keep the last row for "+N more" unless this is the last item.
            let limit = if shown + 1 < count {
                last_row
            } else {
                rect.bottom()
            };
            if y + needed > limit {
                let more = format!("+{} more", count - shown);
                buf.set_line(
                    rect.x,
                    y.min(last_row),
                    &Line::styled(fit(&more, usize::from(rect.width)), theme.key),
                    rect.width,
                );
                break;
            }
            for line in title {
                buf.set_line(rect.x, y, &Line::styled(line, theme.strong), rect.width);
                y += 1;
            }
            let when = if initiative.is_overdue(app.today) {
                // Since when, so the room hears how late, not only that it is.
                initiative.target.due().map_or_else(
                    || "OVERDUE".to_string(),
                    |d| format!("OVERDUE {}", short_date(d, app.today)),
                )
            } else {
                initiative.target.label(|d| short_date(d, app.today))
            };
            let meta = if rect.width >= 26 {
                format!(
                    "{} {} · {}",
                    initiative.status.symbol(),
                    initiative.status.label(),
                    when
                )
            } else {
                format!("{} {when}", initiative.status.symbol())
            };
            let style = if initiative.is_overdue(app.today) {
                theme.alert
            } else {
                theme.dim
            };
            buf.set_line(
                rect.x,
                y,
                &Line::styled(fit(&meta, usize::from(rect.width)), style),
                rect.width,
            );
            y += 1 + gap;
        }
    }
}

/// The closing page: where the roadmap stands, what needs a decision, what was decided.
fn render_closing(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    // Whole lines, wrapped rather than cut: this page is read, not glanced at.
    let center = |text: String, style| Line::styled(text, style).alignment(Alignment::Center);
    let mut lines = vec![
        center("Where we stand".into(), theme.strong),
        Line::raw(""),
        // Its risk count is the list below (confidential ones left out, as the public view
        // does), not the count kept for the board: no copy of the roadmap per frame.
        center(
            crate::domain::alignment::Summary {
                unmitigated: app.page_risks(Page::Closing).len(),
                ..*app.alignment_summary()
            }
            .line(),
            theme.strong,
        ),
        Line::raw(""),
    ];
    let unsupported: Vec<String> = app
        .roadmap
        .goals
        .iter()
        .zip(&app.derived.goal_health)
        .filter(|(_, h)| h.support.is_unsupported())
        .map(|(g, h)| {
            format!(
                "{} {} — {}",
                clean(&g.code),
                clean(&g.title),
                h.support.why(app.today)
            )
        })
        .collect();
    let risks: Vec<String> = app
        .page_risks(Page::Closing)
        .into_iter()
        .map(|(r, i)| {
            format!(
                "{} (severity {}) on {}",
                clean(&r.title),
                r.severity(),
                clean(&i.title)
            )
        })
        .collect();
    let decisions: Vec<String> = app
        .session_decisions()
        .into_iter()
        .map(|d| clean(&d.text).into_owned())
        .collect();
    let actions: Vec<String> = app
        .session_actions()
        .into_iter()
        .map(|a| {
            let owner = if a.owner.is_empty() {
                "no owner"
            } else {
                a.owner.as_str()
            };
            let due = a
                .due
                .map_or_else(|| "no due date".into(), |d| short_date(d, app.today));
            format!("{} — {}, {due}", clean(&a.text), clean(owner))
        })
        .collect();
    for (title, items, none) in [
        (
            "Goals with no work they can count on",
            unsupported,
            "none: every goal has work landing by the end of next month",
        ),
        ("High risks without a mitigation", risks, "none"),
        (
            "Decided in this session",
            decisions,
            "nothing recorded yet (c, then decision: …)",
        ),
        (
            "Actions agreed in this session",
            actions,
            "none yet (c, then action: … @who !when)",
        ),
    ] {
        let style = if items.is_empty() {
            theme.strong
        } else {
            theme.alert
        };
        lines.push(center(format!("{title} ({})", items.len()), style));
        if items.is_empty() {
            lines.push(center(none.into(), theme.dim));
        }
        for item in items {
            lines.push(center(item, theme.text));
        }
        lines.push(Line::raw(""));
    }
    Paragraph::new(lines)
        .wrap(ratatui::widgets::Wrap { trim: true })
        .render(area.inner(ratatui::layout::Margin::new(2, 1)), buf);
}

fn render_footer(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let key = |c| app.key_label(Context::Present, c);
    use crate::app::Command::{Close, Left, NextTheme, Quit, Right};
    let text = format!(
        " {} {} goal · {} leave · {} theme · {} quit",
        key(Left),
        key(Right),
        key(Close),
        key(NextTheme),
        key(Quit)
    );
    buf.set_line(
        area.x,
        area.y,
        &Line::styled(fit(&text, usize::from(area.width)), theme.dim),
        area.width,
    );
}
