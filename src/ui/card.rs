//! One card on the board: a title of up to two lines, a line with status, date (or OVERDUE)
//! and goal codes, and on tall screens a line with the IT owner and the business sponsor
//! followed by a blank row.

use super::text::wrap_title;
use super::text::{fit, width};
use super::theme::Theme;
use crate::app::App;
use crate::domain::Initiative;
use crate::domain::dates::{compact_date, short_date};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Rows per title.
const TITLE_LINES: u16 = 2;
/// Columns at least this tall (inside) also show owners.
const TALL: u16 = 36;

/// The shape of every card in a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardLayout {
    /// Whether cards show the owner line.
    pub owners: bool,
}

impl CardLayout {
    /// The layout for a column whose inside is `inner`.
    pub fn for_column(inner: Rect) -> Self {
        CardLayout {
            owners: inner.height >= TALL && inner.width >= 20,
        }
    }

    /// Rows per card (tall columns add the owner line and a blank row between cards).
    pub fn height(self) -> u16 {
        TITLE_LINES + 1 + 2 * u16::from(self.owners)
    }
}

/// Draws one card into `area` (as tall as `layout.height()`).
pub fn render_card(
    app: &App,
    i: &Initiative,
    selected: bool,
    layout: CardLayout,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let cells = usize::from(area.width);
    let marker = match (selected, app.is_match(&i.id)) {
        (true, _) => "▶ ",
        (false, true) => "• ",
        (false, false) => "  ",
    };
    let title_style = if selected {
        theme.selected
    } else {
        theme.strong
    };
    let lines = wrap_title(&i.title, cells.saturating_sub(2), usize::from(TITLE_LINES));
    for (row, text) in (0u16..).zip(lines) {
        let lead = if row == 0 { marker } else { "  " };
        let mut spans = vec![Span::raw(lead)];
        spans.extend(highlight(
            text,
            app.view.search.as_ref().map(|a| a.query.words.as_slice()),
            title_style,
            theme,
        ));
        buf.set_line(area.x, area.y + row, &Line::from(spans), area.width);
    }
    let meta = meta_line(app, i, cells, theme);
    buf.set_line(area.x, area.y + TITLE_LINES, &meta, area.width);
    if layout.owners {
        let owners = match (i.it_owner.is_empty(), i.sponsor.is_empty()) {
            (true, true) => String::new(),
            (false, true) => i.it_owner.clone(),
            (true, false) => format!("for {}", i.sponsor),
            (false, false) => format!("{} for {}", i.it_owner, i.sponsor),
        };
        let line = Line::styled(
            format!("  {}", fit(&owners, cells.saturating_sub(2))),
            theme.dim,
        );
        buf.set_line(area.x, area.y + TITLE_LINES + 1, &line, area.width);
    }
    if selected {
        let filled = area.height.min(layout.height() - u16::from(layout.owners));
        buf.set_style(
            Rect {
                height: filled,
                ..area
            },
            theme.selected,
        );
    }
}

/// Splits `text` into spans, underlining the search words found in it.
fn highlight<'a>(
    text: String,
    words: Option<&[String]>,
    base: ratatui::style::Style,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let words = words.unwrap_or_default();
    let lower = text.to_lowercase();
    if words.is_empty() || lower.len() != text.len() {
        return vec![Span::styled(text, base)];
    }
    let mut marks = vec![false; text.len()];
    for word in words.iter().filter(|w| !w.is_empty()) {
        for (at, _) in lower.match_indices(word.as_str()) {
            marks[at..at + word.len()]
                .iter_mut()
                .for_each(|m| *m = true);
        }
    }
    let mut spans = Vec::new();
    let mut start = 0;
    for (at, _) in text
        .char_indices()
        .skip(1)
        .chain(std::iter::once((text.len(), ' ')))
    {
        if at == text.len() || marks[at] != marks[start] {
            let style = if marks[start] {
                base.patch(theme.found)
            } else {
                base
            };
            spans.push(Span::styled(text[start..at].to_string(), style));
            start = at;
        }
    }
    spans
}

/// Status symbol (and word when there is room), date or OVERDUE, goal codes or "no goal".
fn meta_line<'a>(app: &App, i: &Initiative, cells: usize, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::raw(format!("  {} ", i.status.symbol()))];
    if cells >= 30 {
        spans.push(Span::raw(format!("{} · ", i.status.label())));
    }
    if i.is_overdue(app.today) {
        let late = i.days_late(app.today);
        let long = format!("OVERDUE {late}d");
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        let text = if used + long.len() <= cells {
            long
        } else {
            format!("LATE {late}d")
        };
        spans.push(Span::styled(text, theme.alert));
    } else if cells < 24 {
        let when = i.target.label(|d| compact_date(d, app.today));
        spans.push(Span::styled(when, theme.dim));
    } else {
        let when = i.target.label(|d| short_date(d, app.today));
        spans.push(Span::styled(when, theme.dim));
    }
    let codes_width: usize = i
        .goal_ids()
        .filter_map(|g| app.roadmap.goal(g))
        .map(|g| width(&g.code) + 1)
        .sum::<usize>()
        .max(8);
    if i.slip_count() > 0 {
        // How far the target moved (overdue days are shown separately).
        // Against the first day promised (work first planned without a date promised none).
        let net = i
            .first_promise()
            .zip(i.target.due())
            .map(|(f, t)| (t - f).num_days());
        let by = match net {
            Some(net) if net >= 14 => format!("+{}w", net / 7),
            Some(net) => format!("{net:+}d"),
            None => "no date".to_string(),
        };
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        let long = format!(" slipped {}x, {by}", i.slip_count());
        let short = format!(" ↻{} {by}", i.slip_count());
        // The goal codes matter more than the badge: it only shows where both fit.
        let text = [long, short]
            .into_iter()
            .find(|t| used + width(t) + 1 + codes_width <= cells);
        if let Some(text) = text {
            spans.push(Span::styled(text, theme.alert));
        }
    }
    let due_actions = app.derived.due_actions.get(&i.id).copied().unwrap_or(0);
    if due_actions > 0 {
        spans.push(Span::styled(format!(" ☐{due_actions}"), theme.alert));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let room = cells.saturating_sub(used + 1);
    let codes: Vec<&str> = i
        .goal_ids()
        .filter_map(|g| app.roadmap.goal(g))
        .map(|g| g.code.as_str())
        .collect();
    if room >= 2 {
        spans.push(Span::raw(" "));
        if codes.is_empty() {
            spans.push(Span::styled(fit("no goal", room), theme.alert));
        } else {
            spans.push(Span::styled(fit(&codes.join(" "), room), theme.code));
        }
    }
    Line::from(spans)
}
