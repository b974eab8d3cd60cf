//! The check-ins screen: the trend of both sides' scores, the history, the selected check-in
//! in full.

use super::rows::{Row, empty_hint, framed, list};
use super::text::clean;
use super::theme::Theme;
use crate::app::{App, Command, Context};
use crate::domain::checkin::chronological;
use crate::domain::dates::day_month;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

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
    // On a tall screen both sides' scores are drawn over time; at 80x24 the numbers above
    // carry the trend.
    let chart_rows = if area.height >= 30 && history.len() >= 2 {
        super::charts::ROWS
    } else {
        0
    };
    if chart_rows > 0 {
        let at = Rect::new(
            area.x + 1,
            area.y + 2,
            area.width.saturating_sub(2),
            chart_rows,
        );
        super::charts::checkins(&app.roadmap.checkins, at, buf, theme);
    }
    let listed = app.listed_checkins();
    let selected = app.view.checkin_cursor.min(listed.len().saturating_sub(1));
    let detail_height = 8.min(area.height / 2);
    let top = Rect::new(
        area.x,
        area.y + 2 + chart_rows,
        area.width,
        area.height - 2 - chart_rows - detail_height,
    );
    let bottom = Rect::new(area.x, top.bottom(), area.width, detail_height);
    let inner = framed(" History (a records one, e edits) ".into(), top, buf, theme);
    if listed.is_empty() {
        let key = app.key_label(Context::CheckIns, Command::AddCheckIn);
        let text = format!(
            "No check-in yet. Press {key}: both sides rate the relationship 1-10 and say why."
        );
        return empty_hint(&text, inner, buf, theme);
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
