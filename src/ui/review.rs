//! The review screen: the queue, with what each entry needs, and what was delivered since the
//! last review.

use super::chrome::pane;
use super::rows::{Row, lines_into, list_window};
use super::text::scroll_offset;
use super::text::{clean, fit};
use super::theme::Theme;
use crate::app::{App, Command, Context};
use crate::domain::dates::day_month;
use crate::domain::review::{Entry, Reason, Subject};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// What an entry is about, in words.
fn subject_text(app: &App, entry: &Entry) -> String {
    let r = &app.roadmap;
    match &entry.subject {
        Subject::Initiative(id) => r
            .initiative(id)
            .map_or_else(String::new, |i| clean(&i.title).into_owned()),
        Subject::Goal(id) => r.goal(id).map_or_else(String::new, |g| {
            format!("{}  {}", clean(&g.code), clean(&g.title))
        }),
        Subject::Kpi(g, k) => r.goal(g).map_or_else(String::new, |g| {
            let name = g.kpis.iter().find(|x| &x.id == k).map_or("", |k| &k.name);
            format!("{}  {}", clean(&g.code), clean(name))
        }),
        Subject::Risk(i, k) => r.initiative(i).map_or_else(String::new, |i| {
            let risk = i.risks.iter().find(|x| &x.id == k);
            let title = match risk {
                Some(x) if app.view.public && x.confidential => "a confidential risk".to_string(),
                Some(x) => format!("{} {}", x.severity(), clean(&x.title)),
                None => String::new(),
            };
            format!("{title} · {}", clean(&i.title))
        }),
        Subject::Action(a) => r
            .actions
            .iter()
            .find(|x| &x.id == a)
            .map_or_else(String::new, |x| clean(&x.text).into_owned()),
        Subject::CheckIn => "the business and IT rate the relationship".into(),
    }
}

/// The keys that deal with an entry, e.g. "f roll forward · x done".
fn entry_keys(app: &App, entry: &Entry) -> String {
    let key = |c| app.key_label(Context::Review, c);
    let pairs: &[(Command, &str)] = match entry.reason {
        Reason::Overdue(_) => &[
            (Command::RollForward, "roll forward"),
            (Command::RollGoalForward, "whole goal"),
            (Command::MarkDone, "done"),
            (Command::SetStatus, "status"),
        ],
        Reason::Slipped(_) | Reason::Stale(_) => &[
            (Command::RollForward, "roll forward"),
            (Command::MarkDone, "done"),
            (Command::SetStatus, "status"),
        ],
        Reason::NeedsDate => &[
            (Command::SetTarget, "set a date"),
            (Command::SetStatus, "status"),
        ],
        Reason::Unlinked => &[
            (Command::LinkGoals, "link a goal"),
            (Command::SetStatus, "status"),
        ],
        Reason::Unsupported => &[(Command::Open, "see its work")],
        Reason::KpiStale(_) => &[(Command::RecordReading, "record a reading")],
        Reason::Unmitigated => &[(Command::AddRisk, "write a mitigation")],
        Reason::ActionDue(_) => &[(Command::MarkDone, "done"), (Command::Open, "see it")],
        Reason::CheckInDue(_) => &[(Command::AddCheckIn, "record one")],
    };
    let mut parts: Vec<String> = pairs
        .iter()
        .map(|(c, w)| format!("{} {w}", key(*c)))
        .collect();
    parts.push(format!("{} reviewed", key(Command::MarkReviewed)));
    parts.join(" · ")
}

/// ` Review queue · overdue 16 · stale 4 … ` within `width` columns: as many group counts as
/// fit, worst first, and `…` when some are left out (never none: after a long absence the
/// counts are what matter).
fn queue_title(groups: &[String], width: usize) -> String {
    let mut title = " Review queue".to_string();
    for (n, group) in groups.iter().enumerate() {
        let next = format!("{title} · {group}");
        // What follows: " " at the end, and " …" before it unless this is the last group.
        let after = if n + 1 == groups.len() { 1 } else { 3 };
        if next.chars().count() + after > width {
            title.push_str(" …");
            break;
        }
        title = next;
    }
    title.push(' ');
    title
}

/// What the review says once the queue is empty.
pub fn queue_done_text(app: &App) -> String {
    match app.review_handled() {
        0 => "Nothing needs you today.".into(),
        1 => "Nothing needs you: 1 entry dealt with this session.".into(),
        n => format!("Nothing needs you: {n} entries dealt with this session."),
    }
}

/// Draws the review screen into `area` (between the header and the status bar).
pub fn render_review(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    if area.height < 6 {
        return;
    }
    let queue = app.review_queue();
    let selected = app.review_position();
    let promised = app.promise();
    let head = format!(
        "What needs me?  {} · {} handled this session",
        if queue.is_empty() {
            "queue empty".to_string()
        } else {
            format!("entry {}/{}", selected + 1, queue.len())
        },
        app.review_handled(),
    );
    buf.set_line(
        area.x + 1,
        area.y,
        &Line::styled(fit(&head, usize::from(area.width) - 1), theme.strong),
        area.width - 1,
    );
    let delivered = app.delivered_since();
    let shown = delivered.len().min(4);
    let bottom_height = u16::try_from(shown.max(1)).unwrap_or(1) + 2;
    let top = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height - 1 - bottom_height,
    );
    let bottom = Rect::new(area.x, top.bottom(), area.width, bottom_height);
    let keys = queue
        .get(selected)
        .map_or_else(String::new, |e| format!(" {} ", entry_keys(app, e)));
    let groups: Vec<String> = crate::domain::review::group_counts(queue)
        .iter()
        .map(|(group, n)| format!("{group} {n}"))
        .collect();
    let title = queue_title(&groups, usize::from(area.width).saturating_sub(4));
    let block = pane(title, true, theme)
        .title_bottom(Line::styled(keys, theme.key).alignment(ratatui::layout::Alignment::Right));
    let inner = block.inner(top);
    block.render(top, buf);
    let inner = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    if queue.is_empty() {
        let line = Line::styled(queue_done_text(app), theme.strong);
        buf.set_line(inner.x, inner.y, &line, inner.width);
    } else {
        let width = usize::from(inner.width);
        let reason_width = 32.min(width / 3);
        // Only the visible window is built: a big roadmap can queue tens of thousands.
        let offset = scroll_offset(selected, usize::from(inner.height));
        let rows: Vec<Row> = queue
            .iter()
            .enumerate()
            .skip(offset)
            .take(usize::from(inner.height))
            .map(|(n, e)| {
                let style = match e.reason {
                    Reason::Overdue(_) | Reason::Unmitigated | Reason::Unsupported => theme.alert,
                    _ => theme.text,
                };
                let subject = subject_text(app, e);
                let spans = vec![
                    Span::styled(
                        format!("{:<reason_width$} ", fit(&e.reason.words(), reason_width)),
                        style,
                    ),
                    Span::styled(subject, theme.strong),
                ];
                (Some(n), Line::from(spans))
            })
            .collect();
        list_window(&rows, selected, inner, buf, theme);
    }
    let since = app.view.review.since.map_or_else(
        || "in the last 30 days".to_string(),
        |d| format!("since the last review ({})", d.format("%-d %b %Y")),
    );
    let block = pane(
        format!(" What IT delivered {since}: {} ", delivered.len()),
        false,
        theme,
    )
    .title_bottom(
        Line::styled(
            promise_footer(&promised, usize::from(bottom.width).saturating_sub(8) / 2),
            theme.dim,
        )
        .alignment(ratatui::layout::Alignment::Right),
    );
    let inner = block.inner(bottom);
    block.render(bottom, buf);
    let inner = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    let mut lines: Vec<Line> = delivered
        .iter()
        .take(shown)
        .map(|i| {
            let goals: Vec<String> = i
                .goal_ids()
                .filter_map(|g| app.roadmap.goal(g))
                .map(|g| format!("{} {}", clean(&g.code), clean(&g.title)))
                .collect();
            let for_goals = if goals.is_empty() {
                String::new()
            } else {
                format!(" · for {}", goals.join("; "))
            };
            let when = i
                .done_on
                .map_or_else(String::new, |d| day_month(d, app.today));
            Line::styled(
                format!("✓ {} · {when}{for_goals}", clean(&i.title)),
                theme.text,
            )
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::styled("Nothing delivered in that time.", theme.dim));
    }
    lines_into(&lines, inner, buf);
}

/// The promise figure under the deliveries: every promise ever due, not only this box's
/// work, so it says "all promises" where that fits beside every count (the counts first).
fn promise_footer(promised: &crate::domain::review::Promise, room: usize) -> String {
    let words = promised.words_within(room);
    const LABEL: &str = "all promises: ";
    if words.chars().count() + LABEL.len() <= room {
        format!(" {LABEL}{words} ")
    } else {
        format!(" {words} ")
    }
}

#[cfg(test)]
mod tests {
    use super::queue_title;

    #[test]
    fn the_queue_title_keeps_the_counts_that_fit_and_marks_the_rest() {
        let groups: Vec<String> = ["overdue 17", "slipped 1", "stale 4", "KPI readings 3"]
            .iter()
            .map(|g| (*g).to_string())
            .collect();
        assert_eq!(
            queue_title(&groups, 80),
            " Review queue · overdue 17 · slipped 1 · stale 4 · KPI readings 3 "
        );
        let narrow = queue_title(&groups, 41);
        assert_eq!(narrow, " Review queue · overdue 17 · slipped 1 … ");
        assert_eq!(narrow.chars().count(), 41);
        assert_eq!(queue_title(&groups, 40), " Review queue · overdue 17 … ");
        assert_eq!(queue_title(&[], 40), " Review queue ");
    }
}
