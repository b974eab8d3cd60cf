//! Drawing: reads `&App` only, never does I/O. One file per panel or popup.

pub mod alignment;
pub mod archive;
pub mod bars;
pub mod board;
pub mod capture;
pub mod card;
pub mod charts;
pub mod checkins;
pub mod chrome;
pub mod decisions;
pub mod detail;
pub mod form;
pub mod goals;
pub mod help;
pub mod hit;
pub mod kpi;
pub mod layout;
pub mod matrix;
pub mod people;
pub mod portfolio;
pub mod present;
pub mod prompt;
pub mod review;
pub mod roadmaps;
pub mod rows;
pub mod sections;
pub mod summary;
pub mod text;
pub mod theme;

use crate::app::{App, Confirm, Mode};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use theme::Theme;

/// Measures what the update logic needs from the layout at the app's terminal size: cards
/// per column and how far the open popup scrolls. The runtime stores it before each key.
pub fn measure(app: &App) -> crate::app::Metrics {
    let areas = layout::areas(app.view.viewport, app.roadmap.goals.len());
    let scroll_limit = match &app.mode {
        Mode::Detail { item, .. } => detail::max_scroll(app, item),
        Mode::Help { .. } => help::max_scroll(app),
        Mode::Summary { .. } => summary::max_scroll(app),
        Mode::Changes { sections, .. } => summary::changes_max_scroll(app, sections),
        _ => 0,
    };
    let page = match app.view.screen {
        crate::app::Screen::Board => board::cards_per_column(areas.board),
        // The alignment body: the whole screen less header, summary, tabs, frame and bars.
        _ => usize::from(app.view.viewport.1.saturating_sub(8)),
    };
    crate::app::Metrics { page, scroll_limit }
}

/// Draws the whole screen for `app`.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let theme = Theme::named(app.settings.theme);
    let cursor = draw(app, area, frame.buffer_mut(), &theme);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

fn draw(
    app: &App,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> Option<ratatui::layout::Position> {
    buf.set_style(area, theme.text); // themes with their own background paint it everywhere
    if layout::too_small((area.width, area.height)) {
        let (w, h) = layout::MIN_SIZE;
        let text = format!(
            "Enlarge the terminal to at least {w}x{h} (now {}x{}).",
            area.width, area.height
        );
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Center)
            .render(area, buf);
        return None;
    }
    if let Mode::Present { page, .. } = &app.mode {
        present::render_present(app, *page, area, buf, theme);
        return None;
    }
    let areas = layout::areas((area.width, area.height), app.roadmap.goals.len());
    bars::render_header(app, areas.header, buf, theme);
    match app.view.screen {
        crate::app::Screen::Board => {
            board::render_board(app, areas.board, buf, theme);
            goals::render_goals(app, areas.goals, areas.goals_right, buf, theme);
            if let Some(detail) = areas.detail {
                detail::render_detail_pane(app, detail, buf, theme);
            }
        }
        screen => {
            let top = areas.header.bottom();
            let body = Rect::new(area.x, top, area.width, areas.status.y.saturating_sub(top));
            match screen {
                crate::app::Screen::Review => review::render_review(app, body, buf, theme),
                crate::app::Screen::CheckIns => checkins::render_checkins(app, body, buf, theme),
                crate::app::Screen::Archive => archive::render_archive(app, body, buf, theme),
                _ => alignment::render_alignment(app, body, buf, theme),
            }
        }
    }
    bars::render_status(app, areas.status, buf, theme);
    bars::render_hints(app, areas.hints, buf, theme);
    match &app.mode {
        Mode::Browse => None,
        Mode::Detail { item, scroll } => {
            detail::render_detail(app, item, *scroll, area, buf, theme);
            None
        }
        Mode::Form(form) => {
            let hint = form
                .person_field()
                .map(|typed| crate::domain::people::field_hint(&app.roadmap, &typed));
            form::render_form(form, hint, area, buf, theme)
        }
        Mode::Capture(capture) => capture::render_capture(app, capture, area, buf, theme),
        Mode::Prompt(prompt) => prompt::render_prompt(app, prompt, area, buf, theme),
        Mode::Confirm(confirm) => {
            render_confirm(confirm, area, buf, theme);
            None
        }
        Mode::Conflict => {
            render_conflict(app, area, buf, theme);
            None
        }
        Mode::Present { .. } => None,
        Mode::People { selected, rename } => {
            people::render_people(app, *selected, rename.as_deref(), area, buf, theme)
        }
        Mode::Decisions { selected } => {
            decisions::render_decisions(app, *selected, area, buf, theme);
            None
        }
        Mode::Summary { scroll } => {
            summary::render_summary(app, *scroll, area, buf, theme);
            None
        }
        Mode::Changes {
            since,
            sections,
            scroll,
        } => {
            summary::render_changes(since, sections, *scroll, area, buf, theme);
            None
        }
        Mode::Backups { rows, selected } => {
            render_backups(rows, *selected, area, buf, theme);
            None
        }
        Mode::Portfolio {
            rollup,
            selected,
            scroll,
            ..
        } => {
            portfolio::render_portfolio(rollup, *selected, *scroll, area, buf, theme);
            None
        }
        Mode::Roadmaps { rows, selected } => {
            roadmaps::render_roadmaps(app, rows, *selected, area, buf, theme);
            None
        }
        Mode::Merged { selected } => {
            roadmaps::render_merged(app, *selected, area, buf, theme);
            None
        }
        Mode::Status { selected, .. } => {
            render_status_picker(*selected, area, buf, theme);
            None
        }
        Mode::Pick(pick) => {
            render_pick(pick, area, buf, theme);
            None
        }
        Mode::Help { scroll } => {
            help::render_help(app, *scroll, area, buf, theme);
            None
        }
    }
}

fn render_confirm(confirm: &Confirm, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let (yes, no) = confirm.action.answers();
    let mut lines = vec![
        Line::styled(text::clean(&confirm.question).into_owned(), theme.strong),
        Line::raw(""),
    ];
    lines.extend(
        confirm
            .details
            .iter()
            .map(|d| Line::styled(text::clean(d).into_owned(), theme.text)),
    );
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("y / Enter: {yes}      n / Esc: {no}"),
        theme.key,
    ));
    let width = 72.min(area.width.saturating_sub(2));
    let rect = chrome::centered(area, width, chrome::wrapped_height(&lines, width));
    let inner = chrome::frame(rect, "Please confirm", buf, theme);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

fn render_status_picker(selected: usize, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lines: Vec<Line> = crate::domain::Status::ALL
        .iter()
        .enumerate()
        .map(|(i, status)| {
            let marker = if i == selected { "▶" } else { " " };
            let text = format!("{marker} {} {}", status.symbol(), status.label());
            let style = if i == selected {
                theme.selected
            } else {
                theme.text
            };
            Line::styled(text, style)
        })
        .collect();
    let rect = chrome::centered(area, 28, 8);
    let inner = chrome::frame(rect, "Set status", buf, theme);
    Paragraph::new(lines).render(inner, buf);
}

fn render_pick(pick: &crate::app::Pick, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let width = pick
        .options
        .iter()
        .map(|o| text::width(o))
        .chain([text::width(&pick.title)])
        .max()
        .unwrap_or(20)
        .clamp(24, 90);
    let visible = usize::from(area.height.saturating_sub(6)).max(1);
    let offset = text::scroll_offset(pick.selected, visible);
    let lines: Vec<Line> = pick
        .options
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .map(|(i, option)| {
            let marker = if i == pick.selected { "▶" } else { " " };
            let style = if i == pick.selected {
                theme.selected
            } else {
                theme.text
            };
            Line::styled(format!("{marker} {}", text::clean(option)), style)
        })
        .collect();
    let height = u16::try_from(lines.len()).unwrap_or(1) + 2;
    let rect = chrome::centered(area, u16::try_from(width + 6).unwrap_or(60), height);
    let inner = chrome::frame(rect, &text::fit(&pick.title, width), buf, theme);
    Paragraph::new(lines).render(inner, buf);
}

fn render_conflict(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let file = match &app.session.source {
        crate::app::Source::File(path) => path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        crate::app::Source::Demo => String::new(),
    };
    let mut lines = vec![
        Line::styled(format!("{file} changed on disk"), theme.strong),
        Line::raw(""),
        Line::styled(
            format!(
                "Someone else, a git pull or an editor changed it while you had {} here.",
                match app.session.unsaved {
                    1 => "1 unsaved change".to_string(),
                    n => format!("{n} unsaved changes"),
                }
            ),
            theme.text,
        ),
    ];
    if let Some(Err(why)) = app.session.disk_change.as_ref().map(|c| &c.theirs) {
        lines.push(Line::styled(
            format!("Their version cannot be read: {}", text::clean(why)),
            theme.alert,
        ));
    }
    lines.push(Line::raw(""));
    for (key, what) in [
        (
            "b",
            "merge both by item: everyone's work stays; a field changed both ways is listed to settle",
        ),
        (
            "m",
            "keep mine: theirs is saved aside as a .theirs-<time>.ron copy, mine is written",
        ),
        (
            "t",
            "take theirs: mine is saved aside as a .mine-<time>.ron copy",
        ),
        ("c", "decide later: nothing is saved until you decide"),
    ] {
        lines.push(Line::from(vec![
            ratatui::text::Span::styled(format!(" {key}  "), theme.key),
            ratatui::text::Span::styled(what, theme.text),
        ]));
    }
    let width = 84.min(area.width.saturating_sub(2));
    let rect = chrome::centered(area, width, chrome::wrapped_height(&lines, width));
    let inner = chrome::frame(rect, "Nothing is discarded without a copy", buf, theme);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

fn render_backups(
    rows: &[crate::app::BackupRow],
    selected: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let height = u16::try_from(rows.len() + 2).unwrap_or(u16::MAX);
    let rect = chrome::centered(area, 84, height);
    let inner = chrome::frame(
        rect,
        "Backups · Enter restores (the current file is backed up first)",
        buf,
        theme,
    );
    let visible = usize::from(inner.height).max(1);
    let offset = text::scroll_offset(selected, visible);
    for (row_index, row) in rows.iter().enumerate().skip(offset).take(visible) {
        let marker = if row_index == selected { "▶" } else { " " };
        let holds = match &row.holds {
            Ok(holds) => holds.clone(),
            Err(why) => format!("unreadable: {}", why.lines().next().unwrap_or_default()),
        };
        let size = format!("{:.1} kB", row.bytes as f64 / 1000.0);
        let text = format!("{marker} {:<26} {size:>9}   {holds}", row.taken);
        let style = if row_index == selected {
            theme.selected
        } else {
            theme.text
        };
        let y = inner.y + u16::try_from(row_index - offset).unwrap_or(0);
        buf.set_line(
            inner.x,
            y,
            &Line::styled(text::fit(&text, usize::from(inner.width)), style),
            inner.width,
        );
    }
}
