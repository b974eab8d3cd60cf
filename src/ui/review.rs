//! The review screen (the queue, with what each entry needs and what was delivered since the
//! last review), the check-ins screen and the archive.

use super::chrome::pane;
use super::rows::Row;
use super::text::scroll_offset;
use super::text::{clean, fit};
use super::theme::Theme;
use crate::app::{App, Command, Context};
use crate::domain::Status;
use crate::domain::checkin::chronological;
use crate::domain::dates::day_month;
use crate::domain::review::{Entry, Reason, Subject, net_slip};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

fn framed(title: String, area: Rect, buf: &mut Buffer, theme: &Theme) -> Rect {
    let block = pane(title, true, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    )
}

fn lines_into(lines: &[Line], area: Rect, buf: &mut Buffer) {
    for (y, line) in lines.iter().take(usize::from(area.height)).enumerate() {
        let y = area.y + u16::try_from(y).unwrap_or(0);
        buf.set_line(area.x, y, line, area.width);
    }
}

/// Draws rows with the selected one marked and kept in view.
fn list(rows: &[Row], selected: usize, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let offset = scroll_offset(selected, usize::from(area.height));
    list_window(
        rows.get(offset..).unwrap_or_default(),
        selected,
        area,
        buf,
        theme,
    );
}

/// Draws rows from the top of `area`: the caller built only the visible window.
fn list_window(rows: &[Row], selected: usize, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let height = usize::from(area.height);
    for (y, (row, line)) in rows.iter().take(height).enumerate() {
        let y = area.y + u16::try_from(y).unwrap_or(0);
        let chosen = *row == Some(selected);
        let marker = if chosen { "▶" } else { " " };
        let line = if chosen {
            line.clone().style(theme.selected)
        } else {
            line.clone()
        };
        buf.set_line(area.x, y, &Line::raw(marker), 1);
        buf.set_line(area.x + 1, y, &line, area.width.saturating_sub(1));
    }
}

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

/// Draws the check-ins screen: the trend of both sides, the list, the selected one in full.
pub fn render_checkins(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    if area.height < 8 {
        return;
    }
    let history = chronological(&app.roadmap.checkins);
    // The last scores as numbers: 4 of them at 80 columns, 6 when there is room.
    let shown = if area.width >= 110 { 6 } else { 4 };
    let trend = |score: fn(&crate::domain::checkin::CheckIn) -> u8| -> String {
        let text = crate::domain::checkin::trend_text(history.iter().map(|c| score(c)), shown);
        format!("{text:<width$} → ", width = shown * 2 - 1)
    };
    let due = match crate::domain::checkin::days_since_last(&app.roadmap.checkins, app.today) {
        None => Span::styled("no check-in yet: one is due now".to_string(), theme.alert),
        Some(d) if d >= app.settings.thresholds.checkin_days => {
            Span::styled(format!("last one {d} days ago: one is due"), theme.alert)
        }
        Some(d) => Span::styled(
            format!(
                "next due in {} days",
                app.settings.thresholds.checkin_days - d
            ),
            theme.dim,
        ),
    };
    let head = Line::from(vec![
        Span::styled("Relationship check-ins · ", theme.strong),
        due,
    ]);
    buf.set_line(area.x + 1, area.y, &head, area.width - 1);
    if let Some(last) = history.last() {
        let gap = last.gap();
        let gap_words = match gap {
            0 => "both sides agree".to_string(),
            g if g < 0 => format!("gap {g}: IT rates it higher"),
            g => format!("gap +{g}: the business rates it higher"),
        };
        let line = Line::from(vec![
            Span::styled("Business ", theme.dim),
            Span::styled(trend(|c| c.business.score), theme.code),
            Span::styled(format!("{}/10   ", last.business.score), theme.strong),
            Span::styled("IT ", theme.dim),
            Span::styled(trend(|c| c.it.score), theme.code),
            Span::styled(format!("{}/10   ", last.it.score), theme.strong),
            Span::styled(
                gap_words,
                if gap.abs() >= 3 {
                    theme.alert
                } else {
                    theme.dim
                },
            ),
        ]);
        buf.set_line(area.x + 1, area.y + 1, &line, area.width - 1);
    }
    let listed = app.listed_checkins();
    let selected = app.view.checkin_cursor.min(listed.len().saturating_sub(1));
    let detail_height = 8.min(area.height / 2);
    let top = Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height - 2 - detail_height,
    );
    let bottom = Rect::new(area.x, top.bottom(), area.width, detail_height);
    let inner = framed(" History (a records one, e edits) ".into(), top, buf, theme);
    if listed.is_empty() {
        let key = app.key_label(Context::CheckIns, Command::AddCheckIn);
        let text = format!(
            "No check-in yet. Press {key}: both sides rate the relationship 1-10 and say why."
        );
        buf.set_line(
            inner.x,
            inner.y,
            &Line::styled(text, theme.dim),
            inner.width,
        );
        return;
    }
    let rows: Vec<Row> = listed
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let text = format!(
                "{}   business {:>2}   IT {:>2}   gap {:+}   {}",
                c.on.format("%a %-d %b %Y"),
                c.business.score,
                c.it.score,
                c.gap(),
                clean(&c.business_who)
            );
            (Some(n), Line::styled(text, theme.text))
        })
        .collect();
    list(&rows, selected, inner, buf, theme);
    let Some(c) = listed.get(selected) else {
        return;
    };
    let inner = framed(
        format!(" {} ", c.on.format("%-d %b %Y")),
        bottom,
        buf,
        theme,
    );
    let said = |label: &str, score: u8, why: &str, closer: &str| {
        Line::from(vec![
            Span::styled(format!("{label:<9}{score:>2}/10  "), theme.strong),
            Span::styled(clean(why).into_owned(), theme.text),
            Span::styled(
                if closer.is_empty() {
                    String::new()
                } else {
                    format!(" · closer to 10: {}", clean(closer))
                },
                theme.dim,
            ),
        ])
    };
    let mut lines = vec![
        said(
            "Business",
            c.business.score,
            &c.business.why,
            &c.business.closer,
        ),
        said("IT", c.it.score, &c.it.why, &c.it.closer),
    ];
    if !c.business_who.is_empty() {
        lines.insert(
            0,
            Line::styled(format!("With {}", clean(&c.business_who)), theme.dim),
        );
    }
    for a in c
        .actions
        .iter()
        .filter_map(|id| app.roadmap.actions.iter().find(|x| &x.id == id))
    {
        let tick = if a.done_on.is_some() { "✓" } else { "·" };
        let due = a.due.map_or_else(String::new, |d| {
            format!(" (due {})", day_month(d, app.today))
        });
        lines.push(Line::styled(
            format!("  {tick} follow-up: {}{due}", clean(&a.text)),
            theme.text,
        ));
    }
    ratatui::widgets::Paragraph::new(lines)
        .wrap(ratatui::widgets::Wrap { trim: false })
        .render(inner, buf);
}

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
        buf.set_line(
            inner.x,
            inner.y,
            &Line::styled(text, theme.dim),
            inner.width,
        );
        return;
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
