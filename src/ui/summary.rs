//! The session summary: what changed since this session opened the roadmap, in words a
//! business reader follows (slips and pull-ins by name, with dates).

use super::chrome::{centered, frame, max_scroll as popup_max_scroll, more_marker, wrapped_height};
use super::text::clean;
use super::theme::Theme;
use crate::app::App;
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
    let c = changes(&app.session.session_start, &app.roadmap);
    let mut lines = Vec::new();
    if c.is_empty() {
        lines.push(Line::styled(
            "Nothing has changed in this session yet.",
            theme.text,
        ));
        return lines;
    }
    for (title, items) in c.sections() {
        section(&mut lines, title, items, theme);
    }
    lines
}

fn changes_lines(sections: &[(String, Vec<String>)], theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if sections.is_empty() {
        lines.push(Line::styled("Nothing has changed since then.", theme.text));
    }
    for (title, items) in sections {
        section(&mut lines, title.clone(), items.clone(), theme);
    }
    lines
}

/// How far the changes popup can scroll.
pub fn changes_max_scroll(app: &App, sections: &[(String, Vec<String>)]) -> u16 {
    popup_max_scroll(
        &changes_lines(sections, &Theme::monochrome()),
        WIDTH,
        app.view.viewport,
    )
}

/// Draws what changed since a snapshot.
pub fn render_changes(
    since: &str,
    sections: &[(String, Vec<String>)],
    scroll: u16,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let lines = changes_lines(sections, theme);
    let width = WIDTH.min(area.width.saturating_sub(2));
    let height = wrapped_height(&lines, width);
    let rect = centered(area, width, height);
    let title = format!("Changes since {} · Esc closes", clean(since));
    let inner = frame(rect, &title, buf, theme);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(inner, buf);
    more_marker(rect, inner, height.saturating_sub(2), scroll, buf, theme);
}

/// How far the summary can scroll at the app's terminal size.
pub fn max_scroll(app: &App) -> u16 {
    popup_max_scroll(
        &summary_lines(app, &Theme::monochrome()),
        WIDTH,
        app.view.viewport,
    )
}

/// Draws the summary popup.
pub fn render_summary(app: &App, scroll: u16, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lines = summary_lines(app, theme);
    let width = WIDTH.min(area.width.saturating_sub(2));
    let height = wrapped_height(&lines, width);
    let rect = centered(area, width, height);
    let title = format!(
        "This session · {} writes the minutes · Esc closes",
        app.key_label(crate::app::Context::Recap, crate::app::Command::Minutes)
    );
    let inner = frame(rect, &title, buf, theme);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(inner, buf);
    more_marker(rect, inner, height.saturating_sub(2), scroll, buf, theme);
}
