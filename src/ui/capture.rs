//! The quick-capture box: the typed line, a live preview of what Enter will add (or why it
//! cannot), the syntax, and the goal picker when a `#goal` is ambiguous.

use super::chrome::{centered, frame};
use super::form::render_input;
use super::text::{clean, fit, wrap_title};
use super::theme::Theme;
use crate::app::App;
use crate::app::capture::{Candidates, Capture};
use crate::domain::Target;
use crate::domain::capture::{CaptureError, parse_capture};
use crate::domain::dates::long_date;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;

/// A person as the preview names them: a name the roadmap does not know yet says so, so a
/// typo does not quietly become somebody.
fn person(name: &str, new: bool) -> String {
    if new {
        format!("{name} (new person)")
    } else {
        name.to_string()
    }
}

/// What Enter would do, in words.
fn preview(app: &App, capture: &Capture) -> Result<String, String> {
    if capture.input.value().trim().is_empty() {
        return Err(String::new());
    }
    let (entry, line) = crate::app::capture::split_entry(capture.input.value());
    match parse_capture(line, &app.roadmap, app.today) {
        Ok(c) if entry.is_some() => {
            let kind = match entry {
                Some(crate::app::capture::Entry::Decision) => "a decision",
                _ => "an action",
            };
            let mut text = format!("Enter records {kind}: \"{}\"", c.title);
            let about = c
                .goals
                .first()
                .and_then(|g| app.roadmap.goal(g))
                .map_or_else(
                    || "about nothing in particular (#goal names one)".to_string(),
                    |g| format!("about {}", g.code),
                );
            text.push_str(&format!(" · {about}"));
            if let Some(owner) = &c.owner {
                text.push_str(&format!(" · owner {}", person(owner, c.owner_is_new)));
            }
            if let Some(due) = c.target.and_then(|t| t.due()) {
                text.push_str(&format!(" · due {}", long_date(due)));
            }
            Ok(text)
        }
        Ok(c) => {
            let target = c
                .target
                .unwrap_or_else(|| Target::day(capture.column.window_end(app.today)));
            let mut parts = vec![
                format!("\"{}\"", c.title),
                format!(
                    "{} ({}{})",
                    target.horizon(app.today).label(),
                    target.label(long_date),
                    if target.is_before(app.today) {
                        ", already OVERDUE"
                    } else {
                        ""
                    }
                ),
            ];
            let codes: Vec<&str> = c
                .goals
                .iter()
                .filter_map(|g| app.roadmap.goal(g))
                .map(|g| g.code.as_str())
                .collect();
            parts.push(if codes.is_empty() {
                "no goal".into()
            } else {
                codes.join(" ")
            });
            if let Some(owner) = &c.owner {
                parts.push(format!("IT owner {}", person(owner, c.owner_is_new)));
            }
            if !c.tags.is_empty() {
                parts.push(format!("tags {}", c.tags.join(", ")));
            }
            Ok(format!("Enter adds: {}", parts.join(" · ")))
        }
        Err(CaptureError::Ambiguous { token, .. }) => Ok(format!(
            "#{token} matches several goals: Enter lets you pick"
        )),
        Err(CaptureError::AmbiguousPerson { token, candidates }) => Ok(format!(
            "@{token} could be {}: Tab takes the first, Enter lets you pick",
            candidates.join(", ")
        )),
        Err(e) => Err(e.to_string()),
    }
}

/// Draws the capture box; returns where the cursor goes.
pub fn render_capture(
    app: &App,
    capture: &Capture,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> Option<Position> {
    let rect = centered(area, 100, 6);
    let inner = frame(
        rect,
        "Quick capture · Enter adds · Tab completes #goal and @person · Esc cancels",
        buf,
        theme,
    );
    if inner.height < 3 {
        return None;
    }
    let width = usize::from(inner.width);
    buf.set_string(inner.x, inner.y, "› ", theme.key);
    let field = Rect::new(inner.x + 2, inner.y, inner.width.saturating_sub(2), 1);
    let cursor = render_input(&capture.input, true, field, buf, theme);
    let (text, style) = match (&capture.error, preview(app, capture)) {
        _ if capture.confirm_discard => (
            "Discard this line?  y discards · any other key keeps editing".to_string(),
            theme.alert,
        ),
        (Some(error), _) => (format!("✗ {error}"), theme.alert),
        (None, Ok(text)) => (text, theme.text),
        (None, Err(e)) if e.is_empty() => (String::new(), theme.text),
        (None, Err(e)) => (format!("✗ {e}"), theme.alert),
    };
    // Two lines when one is full: what the line attaches to and who owns it come last and
    // must still show.
    let room = if inner.height >= 4 { 2 } else { 1 };
    for (n, line) in wrap_title(&text, width, room).iter().enumerate() {
        let y = inner.y + 1 + u16::try_from(n).unwrap_or(0);
        buf.set_line(inner.x, y, &Line::styled(line.as_str(), style), inner.width);
    }
    let syntax = format!(
        "decision: or action: first records one · #goal @owner +tag !when (fri, Q3 2027, later) · adds to {} · \\# a plain #",
        capture.column.label()
    );
    buf.set_line(
        inner.x,
        inner.y + 3.min(inner.height - 1),
        &Line::styled(fit(&syntax, width), theme.dim),
        inner.width,
    );
    if let Some(pick) = &capture.pick {
        render_pick(app, pick, area, buf, theme);
        return None;
    }
    cursor
}

fn render_pick(
    app: &App,
    pick: &crate::app::capture::Pick,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let height = u16::try_from(pick.candidates.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, 70, height);
    let (title, rows): (String, Vec<String>) = match &pick.candidates {
        Candidates::Goals(goals) => (
            format!("Which goal is #{}? ↑↓ Enter", clean(&pick.token)),
            goals
                .iter()
                .filter_map(|id| app.roadmap.goal(id))
                .map(|g| format!("{:<6} {}", clean(&g.code), clean(&g.title)))
                .collect(),
        ),
        Candidates::People(names) => (
            format!("Who is @{}? ↑↓ Enter", clean(&pick.token)),
            names.iter().map(|n| clean(n).into_owned()).collect(),
        ),
    };
    let inner = frame(rect, &title, buf, theme);
    for (row, label) in rows.iter().enumerate().take(usize::from(inner.height)) {
        let selected = row == pick.selected;
        let marker = if selected { "▶" } else { " " };
        let text = fit(&format!("{marker} {label}"), usize::from(inner.width));
        let style = if selected { theme.selected } else { theme.text };
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        buf.set_line(inner.x, y, &Line::styled(text, style), inner.width);
    }
}
