//! The archive: done and dropped work, with whether each promise was kept, and promise
//! keeping by IT owner.

use super::chrome::pane;
use super::rows::{Row, empty_hint, framed, lines_into, list};
use super::text::{clean, fit};
use super::theme::Theme;
use crate::app::{App, Command, Context};
use crate::domain::Status;
use crate::domain::review::net_slip;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the archive: done and dropped work, with whether each promise was kept.
pub fn render_archive(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    if area.height < 4 {
        return;
    }
    let archived = app.archived();
    let done = archived.iter().filter(|i| i.status == Status::Done).count();
    let head = format!(
        "Archive · {done} done, {} dropped · ",
        archived.len() - done
    );
    let room = usize::from(area.width).saturating_sub(head.chars().count() + 2);
    let head = format!("{head}{}", app.promise().words_within(room));
    buf.set_line(
        area.x + 1,
        area.y,
        &Line::styled(fit(&head, usize::from(area.width) - 1), theme.strong),
        area.width - 1,
    );
    let owners = crate::domain::review::promise_by_owner(&app.roadmap, app.today);
    let owners: Vec<_> = owners
        .iter()
        .filter(|(_, p)| p.due() > 0 || p.median_delay.is_some())
        .collect();
    let owner_rows = u16::try_from(owners.len())
        .unwrap_or(0)
        .min(area.height / 3);
    let key = app.key_label(Context::Archive, Command::Reopen);
    let list_height = area.height - 1 - if owner_rows > 0 { owner_rows + 2 } else { 0 };
    if owner_rows > 0 {
        let rect = Rect::new(area.x, area.y + 1 + list_height, area.width, owner_rows + 2);
        let block = pane(" Promise keeping by IT owner ".into(), false, theme);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let lines: Vec<Line> = owners
            .iter()
            .map(|(o, p)| {
                Line::styled(
                    format!(
                        " {:<24} {}",
                        fit(&clean(o), 24),
                        p.words_within(usize::from(inner.width).saturating_sub(26))
                    ),
                    theme.text,
                )
            })
            .collect();
        lines_into(&lines, inner, buf);
    }
    let inner = framed(
        format!(" Done and dropped ({key} reopens, Enter shows) "),
        Rect::new(area.x, area.y + 1, area.width, list_height),
        buf,
        theme,
    );
    if archived.is_empty() {
        let text = "Nothing done or dropped yet: x on a card marks it done.";
        return empty_hint(text, inner, buf, theme);
    }
    let title_width = usize::from(inner.width)
        .saturating_sub(16 + 10 + 16)
        .max(10);
    let rows: Vec<Row> = archived
        .iter()
        .enumerate()
        .map(|(n, i)| {
            let when = i
                .done_on
                .unwrap_or(i.updated.date_naive())
                .format("%-d %b %Y")
                .to_string();
            let (mark, promise_text, style) = match i.status {
                Status::Done => {
                    let late = net_slip(i, app.today);
                    if late <= 0 {
                        ("✓", "on time".to_string(), theme.dim)
                    } else {
                        ("✓", format!("{late} days late"), theme.alert)
                    }
                }
                _ => ("✗", "dropped".to_string(), theme.dim),
            };
            let codes: Vec<String> = i
                .goal_ids()
                .filter_map(|g| app.roadmap.goal(g))
                .map(|g| clean(&g.code).into_owned())
                .collect();
            let line = Line::from(vec![
                Span::styled(format!("{mark} {when:<12} "), theme.text),
                Span::styled(
                    format!("{:<title_width$} ", fit(&clean(&i.title), title_width)),
                    theme.strong,
                ),
                Span::styled(format!("{:<10}", fit(&codes.join(" "), 10)), theme.code),
                Span::styled(promise_text, style),
            ]);
            (Some(n), line)
        })
        .collect();
    let selected = app.view.archive_cursor.min(archived.len() - 1);
    list(&rows, selected, inner, buf, theme);
}
