//! The edit form popup: one row per field, the goal checklist, a live date preview.

use super::chrome::{centered, frame};
use super::text::{clean, fit, width};
use super::theme::Theme;
use crate::app::Form;
use crate::app::forms::FieldName;
use crate::app::forms::{Field, FieldValue};
use crate::domain::Target;
use crate::domain::dates::{DateError, day_month, long_date, parse_target};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use tui_input::Input;

const LABEL_WIDTH: u16 = 14;
const MAX_GOAL_ROWS: usize = 8;

fn field_height(field: &Field) -> u16 {
    match &field.value {
        FieldValue::Goals { options, .. } => {
            u16::try_from(options.len().clamp(1, MAX_GOAL_ROWS)).unwrap_or(1)
        }
        _ => 1,
    }
}

/// Draws the form; returns where the text cursor belongs, if a text field has focus.
/// `person_hint` replaces the help line while a field that names a person has focus.
pub fn render_form(
    form: &Form,
    person_hint: Option<String>,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> Option<Position> {
    let rows: u16 = form.fields.iter().map(field_height).sum();
    let rect = centered(area, 96, rows + 5);
    let inner = frame(rect, form.title(), buf, theme);
    let value_width = inner.width.saturating_sub(LABEL_WIDTH);
    let mut cursor = None;
    let mut y = inner.y;
    let bottom = inner.bottom().saturating_sub(3);
    for (index, field) in form.fields.iter().enumerate() {
        let height = field_height(field).min(bottom.saturating_sub(y));
        if height == 0 {
            break;
        }
        let focused = index == form.focus;
        let label_style = if focused { theme.selected } else { theme.dim };
        let marker = if focused { "▶" } else { " " };
        let label = format!(
            "{marker}{:<w$}",
            field.label,
            w = usize::from(LABEL_WIDTH) - 2
        );
        buf.set_line(inner.x, y, &Line::styled(label, label_style), LABEL_WIDTH);
        let value_rect = Rect::new(inner.x + LABEL_WIDTH, y, value_width, height);
        if let Some(pos) = render_value(form, field, focused, value_rect, buf, theme) {
            cursor = Some(pos);
        }
        y += height;
    }
    let footer_y = inner.bottom().saturating_sub(2);
    if form.confirm_discard {
        let line = Line::styled(
            "Discard your changes?  y discard · any other key keeps editing",
            theme.alert,
        );
        buf.set_line(inner.x, footer_y, &line, inner.width);
        return None;
    }
    if let Some(error) = &form.error {
        let line = Line::styled(
            fit(&format!("✗ {error}"), usize::from(inner.width)),
            theme.alert,
        );
        buf.set_line(inner.x, footer_y, &line, inner.width);
    }
    let help = person_hint.unwrap_or_else(|| form.field_help());
    let help = Line::styled(fit(&help, usize::from(inner.width)), theme.dim);
    buf.set_line(inner.x, footer_y + 1, &help, inner.width);
    cursor
}

fn render_value(
    form: &Form,
    field: &Field,
    focused: bool,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> Option<Position> {
    match &field.value {
        FieldValue::Text(input) => render_input(input, focused, area, buf, theme),
        FieldValue::Date(input) => {
            // A period names its last day briefly, so the preview fits beside what is typed.
            let when = |t: Target| match t.period() {
                Some(_) => t.label_with_day(|d| day_month(d, form.today)),
                None => t.label_with_day(long_date),
            };
            let typed = form.value(FieldName::Target);
            let preview = match form.target_date() {
                Ok(Target::Later) if !form.takes_later() => "✗ needs a date".to_string(),
                Ok(Target::Later) => "→ no date yet · Next year".to_string(),
                Ok(t) if t.is_before(form.today) => format!("→ {} · overdue", when(t)),
                Ok(t) => format!("→ {} · {}", when(t), t.horizon(form.today).label()),
                Err(_) => match parse_target(&typed, form.today, &form.calendar) {
                    Err(DateError::Ambiguous(_, d, m)) => format!(
                        "✗ {} or {}? (settings: ,)",
                        d.format("%-d %b"),
                        m.format("%-d %b")
                    ),
                    _ => "✗ not a date".to_string(),
                },
            };
            let preview_width = u16::try_from(width(&preview) + 2)
                .unwrap_or(0)
                .min(area.width / 2);
            let input_rect = Rect::new(area.x, area.y, area.width - preview_width, 1);
            let pos = render_input(input, focused, input_rect, buf, theme);
            let style = if preview.starts_with('✗') {
                theme.alert
            } else {
                theme.dim
            };
            let line = Line::styled(fit(&preview, usize::from(preview_width)), style);
            buf.set_line(input_rect.right(), area.y, &line, preview_width);
            pos
        }
        FieldValue::Choice { options, selected } => {
            let value = options.get(*selected).cloned().unwrap_or_default();
            let line = if focused {
                Line::from(vec![
                    Span::styled("◀ ", theme.key),
                    Span::styled(value, theme.strong),
                    Span::styled(" ▶", theme.key),
                ])
            } else {
                Line::styled(value, theme.text)
            };
            buf.set_line(area.x, area.y, &line, area.width);
            None
        }
        FieldValue::Goals {
            options,
            checked,
            cursor,
        } => {
            if options.is_empty() {
                let line = Line::styled(
                    "no business goals yet (add them with A on the board)",
                    theme.dim,
                );
                buf.set_line(area.x, area.y, &line, area.width);
                return None;
            }
            let visible = usize::from(area.height).max(1);
            let offset = super::text::scroll_offset(*cursor, visible);
            for (row, ((_, label), on)) in options
                .iter()
                .zip(checked)
                .enumerate()
                .skip(offset)
                .take(visible)
            {
                let y = area.y + u16::try_from(row - offset).unwrap_or(0);
                let mark = match on {
                    Some(s) => format!("[{}] {:<8}", s.symbol(), s.label()),
                    None => "[ ] ".to_string() + &" ".repeat(8),
                };
                let text = format!(
                    "{mark}{}",
                    fit(label, usize::from(area.width).saturating_sub(12))
                );
                let style = match (focused && row == *cursor, on.is_some()) {
                    (true, _) => theme.selected,
                    (false, true) => theme.strong,
                    (false, false) => theme.text,
                };
                buf.set_line(area.x, y, &Line::styled(text, style), area.width);
            }
            None
        }
    }
}

/// A single-line input, scrolled so the cursor stays visible; returns the cursor position
/// when focused.
pub fn render_input(
    input: &Input,
    focused: bool,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> Option<Position> {
    let room = usize::from(area.width.saturating_sub(1));
    let scroll = if focused {
        input.visual_scroll(room)
    } else {
        0
    };
    let shown = clean(input.value());
    let mut skipped = 0;
    let visible: String = shown
        .chars()
        .skip_while(|c| {
            let w = unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            if skipped + w <= scroll && skipped < scroll {
                skipped += w;
                true
            } else {
                false
            }
        })
        .collect();
    let style = if focused { theme.strong } else { theme.text };
    buf.set_line(
        area.x,
        area.y,
        &Line::styled(fit(&visible, room), style),
        area.width,
    );
    if focused {
        let x = input.visual_cursor().saturating_sub(skipped);
        let x = area.x
            + u16::try_from(x)
                .unwrap_or(0)
                .min(area.width.saturating_sub(1));
        return Some(Position::new(x, area.y));
    }
    None
}
