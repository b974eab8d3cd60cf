//! The help overlay, generated from the live keymap so it never drifts from the real keys.

use super::chrome::{centered, frame};
use super::theme::Theme;
use crate::app::{App, Context};
use crate::domain::{DATE_FORMS_HELP, Status};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// All lines of the help text.
pub fn help_lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let lines = all_lines(app, theme);
    match app.view.help_find.as_deref() {
        Some(find) if !find.trim().is_empty() => narrowed(lines, find, theme),
        Some(_) => {
            let mut out = vec![Line::styled(
                "Type to find a key or a command · Esc shows all · Enter closes",
                theme.dim,
            )];
            out.extend(lines);
            out
        }
        None => lines,
    }
}

/// The lines that mention `find` (any case), each under its heading; headings with none
/// are left out.
fn narrowed(lines: Vec<Line<'static>>, find: &str, theme: &Theme) -> Vec<Line<'static>> {
    let find = find.to_lowercase();
    let text = |l: &Line| -> String { l.spans.iter().map(|s| s.content.as_ref()).collect() };
    let mut out = vec![Line::styled(
        format!(
            "Keys and commands with \"{}\" · Esc shows all · Enter closes",
            super::text::clean(&find)
        ),
        theme.dim,
    )];
    let mut heading: Option<Line<'static>> = None;
    for line in lines {
        let t = text(&line);
        if t.is_empty() {
            continue;
        }
        if !t.starts_with(' ') {
            heading = Some(line);
            continue;
        }
        if t.to_lowercase().contains(&find) {
            if let Some(h) = heading.take() {
                out.push(Line::raw(""));
                out.push(h);
            }
            out.push(line);
        }
    }
    if out.len() == 1 {
        out.push(Line::styled(
            "Nothing matches: Backspace to change it.",
            theme.dim,
        ));
    }
    out
}

fn all_lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    // The keys of the screen the help was opened from come first.
    let mut contexts = Context::ALL.to_vec();
    let first = app.screen_context();
    contexts.retain(|c| *c != first);
    contexts.insert(0, first);
    for context in contexts {
        lines.push(Line::styled(context.title(), theme.strong));
        for (command, chords) in app.settings.keymap.entries(context) {
            let keys: Vec<String> = chords.iter().map(|c| c.label()).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<24}", keys.join(" / ")), theme.key),
                Span::styled(command.describe(), theme.text),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("Forms", theme.strong));
    for (keys, what) in [
        ("Tab / Shift-Tab / ↑ ↓", "next / previous field"),
        ("Enter", "save the form"),
        ("Esc", "cancel (asks if something changed)"),
        (
            "←/→ Space",
            "change a choice; Space cycles a goal's link strength",
        ),
        ("Ctrl-c", "save the form if valid, then quit"),
    ] {
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys:<24}"), theme.key),
            Span::styled(what, theme.text),
        ]));
    }
    lines.push(Line::styled(
        format!("  Dates: {DATE_FORMS_HELP}"),
        theme.dim,
    ));
    lines.push(Line::raw(""));
    lines.push(Line::styled("Status symbols", theme.strong));
    let legend: Vec<String> = Status::ALL
        .iter()
        .map(|s| format!("{} {}", s.symbol(), s.label()))
        .collect();
    lines.push(Line::styled(
        format!("  {}", legend.join("   ")),
        theme.text,
    ));
    lines.push(Line::raw(""));
    lines.push(Line::styled("Goal links", theme.strong));
    let strengths: Vec<String> = crate::domain::business::Strength::ALL
        .iter()
        .map(|s| format!("{} {}", s.symbol(), s.label()))
        .collect();
    lines.push(Line::styled(
        format!("  {}   · not linked", strengths.join("   ")),
        theme.text,
    ));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Horizons (from the target date, weeks start on Monday)",
        theme.strong,
    ));
    for text in [
        "  Now: due by this Sunday, overdue included · Next week: the Mon–Sun after",
        "  Next month: to the end of next month · Next year: anything later",
    ] {
        lines.push(Line::styled(text, theme.text));
    }
    lines
}

const WIDTH: u16 = 92;

/// How far the help can scroll at the app's terminal size.
pub fn max_scroll(app: &App) -> u16 {
    super::chrome::max_scroll(
        &help_lines(app, &Theme::monochrome()),
        WIDTH,
        app.view.viewport,
    )
}

/// Draws the help overlay scrolled by `scroll` lines.
pub fn render_help(app: &App, scroll: u16, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lines = help_lines(app, theme);
    let width = WIDTH.min(area.width.saturating_sub(2));
    let height = super::chrome::wrapped_height(&lines, width);
    let rect = centered(area, width, height);
    let inner = frame(rect, "Keys · / finds · Esc closes · ↑↓ scroll", buf, theme);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(inner, buf);
    super::chrome::more_marker(rect, inner, height.saturating_sub(2), scroll, buf, theme);
}
