//! The people view: everyone the roadmap names with what they own, sponsor or must do, those
//! with overdue work first, and the highlighted person's open duties below.

use super::chrome::{centered, frame};
use super::form::render_input;
use super::rows::{Row, list};
use super::text::{clean, fit};
use super::theme::Theme;
use crate::app::people::Listed;
use crate::app::{App, Command, Context};
use crate::domain::counted;
use crate::domain::dates::short_date;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

/// One person's line: the name, then what they hold, overdue first.
fn summary(listed: &Listed) -> String {
    let count = |role: &str| listed.duties.iter().filter(|d| d.role == role).count();
    let initiatives = listed
        .duties
        .iter()
        .filter(|d| matches!(d.role, "IT owner" | "sponsor" | "champion"))
        .count();
    let mut parts = Vec::new();
    if listed.overdue() > 0 {
        parts.push(format!("{} OVERDUE", listed.overdue()));
    }
    for (n, one, many) in [
        (initiatives, "initiative", "initiatives"),
        (count("goal owner"), "goal", "goals"),
        (count("risk owner"), "risk", "risks"),
        (count("action"), "open action", "open actions"),
    ] {
        if n > 0 {
            parts.push(counted(n, one, many));
        }
    }
    if parts.is_empty() {
        parts.push("nothing open".into());
    }
    parts.join(" · ")
}

/// Draws the view; returns where the cursor goes while a new name is typed.
pub fn render_people(
    app: &App,
    selected: usize,
    rename: Option<&tui_input::Input>,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> Option<Position> {
    let people = app.listed_people();
    // The header, the status line and the key hints stay visible around it.
    let rect = centered(area, 110, area.height.saturating_sub(4));
    let key = |c| app.key_label(Context::People, c);
    let title = format!(
        "People · {} · overdue first · {} their cards · {} rename · Esc back",
        people.len(),
        key(Command::Open),
        key(Command::Rename)
    );
    let inner = frame(rect, &title, buf, theme);
    if inner.height < 6 {
        return None;
    }
    if people.is_empty() {
        let text =
            "Nobody yet: IT owners, sponsors, goal owners, risk and action owners appear here.";
        buf.set_line(
            inner.x,
            inner.y,
            &Line::styled(text, theme.dim),
            inner.width,
        );
        return None;
    }
    let selected = selected.min(people.len() - 1);
    let width = usize::from(inner.width);
    let name_width = 24.min(width / 3);
    let rows: Vec<Row> = people
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let style = if p.overdue() > 0 {
                theme.alert
            } else {
                theme.text
            };
            let line = Line::from(vec![
                Span::styled(
                    format!(" {:<name_width$} ", fit(&clean(&p.person.name), name_width)),
                    theme.strong,
                ),
                Span::styled(
                    fit(&summary(p), width.saturating_sub(name_width + 2)),
                    style,
                ),
            ]);
            (Some(n), line)
        })
        .collect();
    // The list takes what the highlighted person's duties leave (at most half).
    let duties =
        u16::try_from(people[selected.min(people.len() - 1)].duties.len()).unwrap_or(u16::MAX);
    let below = (duties.max(1) + 1).min(inner.height / 2);
    let list_height = inner.height.saturating_sub(below).max(3);
    let top = Rect::new(inner.x, inner.y, inner.width, list_height);
    list(&rows, selected, top, buf, theme);
    let chosen = &people[selected];
    let mut y = inner.y + list_height;
    let bottom = inner.y + inner.height;
    if let Some(input) = rename {
        let label = format!("Rename {} everywhere to: ", clean(&chosen.person.name));
        let label = fit(&label, width / 2);
        let used = u16::try_from(label.chars().count()).unwrap_or(0);
        buf.set_line(inner.x, y, &Line::styled(label, theme.key), inner.width);
        let field = Rect::new(inner.x + used, y, inner.width.saturating_sub(used), 1);
        let cursor = render_input(input, true, field, buf, theme);
        let hint = "Enter renames (one undoable step) · Esc keeps the old name";
        if y + 1 < bottom {
            buf.set_line(inner.x, y + 1, &Line::styled(hint, theme.dim), inner.width);
        }
        return cursor;
    }
    let heading = format!("{} · what is open", clean(&chosen.person.name));
    buf.set_line(
        inner.x,
        y,
        &Line::styled(fit(&heading, width), theme.strong),
        inner.width,
    );
    // More people than rows: say which part of the list shows.
    let rows = usize::from(list_height);
    if people.len() > rows {
        let first = super::text::scroll_offset(selected, rows);
        let shown = format!(
            " {}–{} of {} ↑↓ ",
            first + 1,
            (first + rows).min(people.len()),
            people.len()
        );
        let x = inner
            .right()
            .saturating_sub(u16::try_from(shown.chars().count()).unwrap_or(0));
        buf.set_string(x, y, shown, theme.key);
    }
    y += 1;
    if chosen.duties.is_empty() {
        let text = "Nothing open: their work is done, or they are named only in a check-in.";
        buf.set_line(inner.x, y, &Line::styled(text, theme.dim), inner.width);
    }
    for duty in &chosen.duties {
        if y >= bottom {
            break;
        }
        // The day first: what is overdue must show however narrow the screen.
        let when = match duty.due {
            Some(day) if duty.overdue => format!("OVERDUE {}", short_date(day, app.today)),
            Some(day) => format!("due {}", short_date(day, app.today)),
            None => String::new(),
        };
        let text = format!("  {when:<18} {:<10} {}", duty.role, clean(&duty.title));
        let style = if duty.overdue {
            theme.alert
        } else {
            theme.text
        };
        buf.set_line(
            inner.x,
            y,
            &Line::styled(fit(&text, width), style),
            inner.width,
        );
        y += 1;
    }
    None
}
