//! The header bar (roadmap, date) and the two bottom lines (message and save state; key hints).

use super::text::{clean, fit, width};
use super::theme::Theme;
use crate::app::{App, Command, Context, Mode, Pane, SaveState, Source, Tone};
use crate::domain::dates::{iso_week, long_date};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Draws the top bar: app, roadmap name, file (or DEMO), today.
pub fn render_header(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    if let Some(why) = &app.session.read_only {
        buf.set_style(area, theme.badge);
        let text = fit(&format!(" READ-ONLY · {why}"), usize::from(area.width));
        buf.set_line(area.x, area.y, &Line::styled(text, theme.badge), area.width);
        return;
    }
    buf.set_style(area, theme.header);
    let right = format!("{} · week {} ", long_date(app.today), iso_week(app.today));
    let room = usize::from(area.width).saturating_sub(width(&right) + 13);
    let source = match &app.session.source {
        Source::File(path) => path
            .file_name()
            .map(|n| format!(" · {}", n.to_string_lossy()))
            .unwrap_or_default(),
        Source::Demo => String::new(),
    };
    let filter = app
        .view
        .filter
        .as_ref()
        .map_or(0, |f| width(&fit(&f.text, 24)) + 10);
    let badge = if app.is_demo() { 6 } else { 0 } + if app.view.public { 9 } else { 0 } + filter;
    let name = fit(
        &format!("{}{source}", app.roadmap.name),
        room.saturating_sub(badge),
    );
    let mut spans = vec![Span::styled(format!(" alignmap │ {name} "), theme.header)];
    if app.is_demo() {
        spans.push(Span::styled(" DEMO ", theme.badge));
    }
    if app.view.public {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(" PUBLIC ", theme.badge));
    }
    if let Some(filter) = &app.view.filter {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            format!(" FILTER {} ", fit(&filter.text, 24)),
            theme.badge,
        ));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
    let x = area
        .right()
        .saturating_sub(u16::try_from(width(&right)).unwrap_or(0));
    buf.set_line(x, area.y, &Line::styled(right, theme.header), area.width);
}

/// The save state in the status bar's words: `Saved 14:02:31`, `Unsaved (3)`, `DEMO` …
pub fn save_label(app: &App) -> String {
    if app.session.source == Source::Demo {
        return "DEMO · not saved".into();
    }
    if app.session.read_only.is_some() {
        return "READ-ONLY".into();
    }
    if app.session.disk_change.is_some() {
        return format!("Changed on disk · {} unsaved here", app.session.unsaved);
    }
    match (&app.session.save, app.session.unsaved) {
        (SaveState::Failed(why), _) => format!("Save failed: {why}"),
        (_, n) if n > 0 => format!("Unsaved ({n})"),
        (SaveState::Saved(at), _) => format!("Saved {}", at.format("%H:%M:%S")),
        (SaveState::Loaded, _) => "Saved".into(),
    }
}

/// Draws the message line with the save state on the right.
pub fn render_status(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let save = save_label(app);
    let save_style = match (
        &app.session.save,
        app.is_demo() || app.session.read_only.is_some(),
    ) {
        (_, true) => theme.badge,
        (SaveState::Failed(_), _) => theme.alert,
        _ => theme.dim,
    };
    let save_width = width(&save).min(usize::from(area.width) / 2) + 2;
    let save_text = fit(&save, save_width - 2);
    let (style, _) = message_style(app, theme);
    let (first, _) = message_lines(app, area.width);
    buf.set_line(
        area.x,
        area.y,
        &Line::styled(format!(" {first}"), style),
        area.width,
    );
    let x = area
        .right()
        .saturating_sub(u16::try_from(width(&save_text) + 1).unwrap_or(0));
    buf.set_line(x, area.y, &Line::styled(save_text, save_style), area.width);
}

/// The message and its style: errors marked ✗, the default (where the roadmap is) dimmed.
fn message_style(app: &App, theme: &Theme) -> (ratatui::style::Style, String) {
    match &app.message {
        Some((Tone::Error, m)) => (theme.alert, format!("✗ {m}")),
        Some((Tone::Info, m)) => (theme.text, m.clone()),
        None => (theme.dim, default_message(app)),
    }
}

/// The message on the status line at `columns` wide, and what goes on the hint line when it
/// does not fit on one (a message the user must read beats the key hints they know).
pub fn message_lines(app: &App, columns: u16) -> (String, Option<String>) {
    let save_width = width(&save_label(app)).min(usize::from(columns) / 2) + 2;
    let room = usize::from(columns).saturating_sub(save_width + 3);
    let (_, message) = message_style(app, &Theme::monochrome());
    let message = clean(&message).into_owned();
    if width(&message) <= room || app.message.is_none() {
        return (fit(&message, room), None);
    }
    // Break at the last space that fits; the rest takes the whole hint line.
    let mut used = 0;
    let mut cut = 0;
    for (at, c) in message.char_indices() {
        used += c.width().unwrap_or(0);
        if used > room {
            break;
        }
        if c == ' ' {
            cut = at;
        }
    }
    if cut == 0 {
        return (fit(&message, room), None);
    }
    let rest = message[cut..].trim_start();
    (
        message[..cut].to_string(),
        Some(fit(rest, usize::from(columns).saturating_sub(2))),
    )
}

fn default_message(app: &App) -> String {
    if let Some(filter) = &app.view.filter {
        let shown: usize = app.derived.columns.iter().map(Vec::len).sum();
        return format!("Filter: {} · {shown} card(s) shown · F clears", filter.text);
    }
    match &app.session.source {
        Source::File(_) => app.session.location.clone(),
        Source::Demo => "Sample roadmap in memory: nothing you do here is saved.".into(),
    }
}

/// Draws the key hints for the current mode, taken from the live keymap.
pub fn render_hints(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    if let (_, Some(rest)) = message_lines(app, area.width) {
        let (style, _) = message_style(app, theme);
        buf.set_line(
            area.x,
            area.y,
            &Line::styled(format!(" {rest}"), style),
            area.width,
        );
        return;
    }
    let pairs: Vec<(String, &str)> = match (&app.mode, app.context()) {
        (Mode::Prompt(_), _) => vec![("Enter".into(), "keep"), ("Esc".into(), "cancel")],
        (Mode::Capture(_), _) => vec![
            ("Enter".into(), "add"),
            ("Tab".into(), "complete #goal @person"),
            ("Esc".into(), "cancel"),
        ],
        (Mode::Form(_), _) => vec![
            ("Tab".into(), "next field"),
            ("Enter".into(), "save"),
            ("Esc".into(), "cancel"),
            ("Ctrl-c".into(), "save & quit"),
        ],
        (_, Some(context)) => hint_commands(app, context)
            .iter()
            // A read-only session offers only what it can do.
            .filter(|(c, _)| app.session.read_only.is_none() || !c.changes_roadmap())
            .filter_map(|(c, word)| {
                let keys = app.settings.keymap.keys(context, *c);
                Some((arrow_label(*c, keys.first()?.label()), *word))
            })
            .collect(),
        (_, None) => Vec::new(),
    };
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (key, what) in pairs {
        let piece = width(&key) + width(what) + 3;
        if used + piece > usize::from(area.width) {
            break;
        }
        used += piece;
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {what}  "), theme.dim));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

fn arrow_label(command: Command, label: String) -> String {
    if command == Command::Up {
        "←↓↑→".into()
    } else {
        label
    }
}

/// The commands the hint line offers, with the word shown for each.
fn hint_commands(app: &App, context: Context) -> &'static [(Command, &'static str)] {
    use Command::*;
    match (context, app.view.pane) {
        // Most needed first: the line is cut where the terminal ends.
        (Context::Browse, Pane::Board) => &[
            (Up, "move"),
            (Capture, "capture"),
            (Edit, "edit"),
            (MoveEarlier, "earlier"),
            (MoveLater, "later"),
            (Alignment, "alignment"),
            (Undo, "undo"),
            (Help, "help"),
            (Quit, "quit"),
            (AddInitiative, "add"),
            (Delete, "delete"),
            (Open, "detail"),
            (AddGoal, "goal"),
            (SetStatus, "status"),
            (SwitchPane, "goals"),
        ],
        (Context::Browse, Pane::Goals) => &[
            (Up, "move"),
            (Open, "detail"),
            (Edit, "edit"),
            (AddInitiative, "add linked initiative"),
            (RecordReading, "KPI reading"),
            (SwitchPane, "board"),
            (Help, "help"),
            (Quit, "quit"),
            (AddGoal, "new goal"),
            (Delete, "delete"),
            (Undo, "undo"),
        ],
        (Context::Detail, _)
            if matches!(
                app.mode,
                crate::app::Mode::Detail {
                    item: crate::app::Item::Goal(_),
                    ..
                }
            ) =>
        {
            &[
                (Close, "close"),
                (Edit, "edit"),
                (RecordReading, "KPI reading"),
                (AddKpi, "KPIs"),
                (Delete, "delete"),
                (Help, "help"),
            ]
        }
        (Context::Detail, _) => &[
            (Close, "close"),
            (Edit, "edit"),
            (AddRisk, "risk"),
            (EditCase, "case"),
            (AddDeliverable, "deliverable"),
            (EditNeeds, "needs"),
            (Delete, "delete"),
            (Help, "help"),
        ],
        (Context::Review, _) => &[
            (Down, "move"),
            (MarkReviewed, "reviewed"),
            (RollForward, "roll forward"),
            (MarkDone, "done"),
            (Open, "detail"),
            (Board, "board"),
            (Help, "help"),
            (Report, "report"),
            (Quit, "quit"),
        ],
        (Context::CheckIns, _) => &[
            (AddCheckIn, "record a check-in"),
            (Down, "move"),
            (Edit, "edit"),
            (Board, "board"),
            (Help, "help"),
            (Quit, "quit"),
        ],
        (Context::Archive, _) => &[
            (Down, "move"),
            (Open, "detail"),
            (Reopen, "reopen"),
            (Board, "board"),
            (Help, "help"),
            (Quit, "quit"),
        ],
        (Context::Alignment, _) => &[
            (NextTab, "tab"),
            (Down, "move"),
            (Open, "detail"),
            (Board, "board"),
            (MatrixView, "matrix view"),
            (RecordReading, "KPI reading"),
            (AddRisk, "risk"),
            (EditCase, "case"),
            (Help, "help"),
            (Quit, "quit"),
        ],
        (Context::Help, _) => &[(Close, "close"), (Down, "scroll"), (Quit, "quit")],
        (Context::Confirm, _) => &[(Yes, "yes"), (No, "no")],
        (Context::Picker, _) => &[(Down, "move"), (Yes, "choose"), (Close, "close")],
        (Context::Recap, _) => &[
            (Minutes, "write minutes"),
            (Down, "scroll"),
            (Close, "close"),
        ],
        (Context::People, _) => &[
            (Down, "move"),
            (Open, "their cards"),
            (Rename, "rename"),
            (Close, "back"),
        ],
        (Context::Decisions, _) => &[
            (Down, "move"),
            (MarkDone, "tick off"),
            (Edit, "edit"),
            (Delete, "delete"),
            (Capture, "add"),
            (Undo, "undo"),
            (Close, "back"),
        ],
        (Context::Present, _) => &[
            (Right, "next goal"),
            (Left, "previous"),
            (Close, "leave"),
            (NextTheme, "theme"),
            (Quit, "quit"),
        ],
        (Context::Backups, _) => &[(Down, "move"), (Yes, "restore"), (Close, "close")],
        (Context::Portfolio, _) => &[(Down, "unit"), (Open, "open it"), (Close, "close")],
        (Context::Roadmaps, _) => &[(Down, "move"), (Yes, "open"), (Close, "close")],
        (Context::Merged, _) => &[
            (Down, "move"),
            (SettleMine, "keep yours"),
            (SettleTheirs, "take theirs"),
            (Undo, "undo"),
            (Close, "later"),
        ],
        (Context::Conflict, _) => &[
            (MergeBoth, "merge both"),
            (KeepMine, "keep mine"),
            (TakeTheirs, "take theirs"),
            (DecideLater, "later"),
        ],
    }
}
