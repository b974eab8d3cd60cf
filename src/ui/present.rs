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
    let [top, heading, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(heading_height(area)),
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
    render_heading(current, heading, buf, theme);
    render_horizons(app, current, body, buf, theme);
    render_footer(app, footer, buf, theme);
}

/// Rows for the heading: big letters need 4 (quadrant pixels) or 8 (half-height) rows.
fn heading_height(area: Rect) -> u16 {
    match area.height {
        h if h >= 50 => 13,
        h if h >= 24 => 8,
        _ => 3,
    }
}

fn render_heading(page: Page<'_>, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let kpis = match page {
        Page::Goal(goal) => goal
            .kpis
            .iter()
            .filter(|k| !k.confidential)
            .map(|k| {
                let target = match k.target_words(|t| super::kpi::value(t, "")) {
                    words if k.has_target() => format!("target {}", clean(&words)),
                    _ => "no target".into(),
                };
                format!(
                    "{} {} ({target}; {} of the way)",
                    clean(&k.name),
                    k.current()
                        .map_or_else(|| "not measured".into(), |v| super::kpi::value(v, &k.unit)),
                    crate::domain::alignment::progress_label(k)
                )
            })
            .collect::<Vec<_>>()
            .join("  ·  "),
        Page::Unlinked => String::new(),
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
        Page::Unlinked => (
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
    if !kpis.is_empty() {
        let kpis = fit(&kpis, usize::from(area.width));
        lines.push(Line::styled(kpis, theme.strong).alignment(Alignment::Center));
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
                let more = format!("+{} more (on the board)", count - shown);
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
                "OVERDUE".to_string()
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
