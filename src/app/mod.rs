//! Application state and the update logic: keys become commands, commands change the state.
//! No I/O happens here; the runtime saves when `unsaved` is non-zero and quits on `quit`.

pub mod alignment;
pub mod attach;
mod board;
mod builder;
pub mod capture;
pub mod clock;
pub mod command;
pub mod decisions;
mod delete;
mod derived;
mod disk;
pub mod draft;
mod edit;
mod exit;
pub mod forms;
pub mod history;
pub mod keymap;
mod merged;
mod mode;
mod outcome;
mod parts;
pub mod people;
pub mod present;
mod retarget;
pub mod review;
pub mod search;
mod selection;
mod submit;
mod switch;
pub mod typing;

pub use alignment::{AlignState, Screen, Tab};
pub use attach::{Pick, PickFor, PickKey};
pub use builder::Builder;
pub use clock::Clock;
pub use command::Command;
pub use derived::{ByGoal, Derived, Folded, Lists};
pub use draft::{Draft, DraftKind};
pub use forms::{Form, FormOutcome, FormTarget};
pub use keymap::{Context, Keymap};
pub use mode::{
    BackupRow, Confirm, DiskChange, Effect, Item, Metrics, Mode, Pane, Pending, RoadmapRow,
    SaveState, Source, Target, Tone,
};
pub use outcome::EffectOutcome;
pub use parts::{Session, Settings, View};

use crate::domain::{IdGen, Roadmap, Status};
use chrono::{NaiveDate, NaiveTime};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The whole state of the running app.
#[derive(Debug, Clone)]
pub struct App {
    /// The roadmap being edited.
    pub roadmap: Roadmap,
    /// What is worked out from the roadmap (columns, goal figures, lists).
    pub derived: Derived,
    /// What the user is looking at: screen, selection, search, filter, public view.
    pub view: View,
    /// The file this session edits and where its saving stands, with undo.
    pub session: Session,
    /// What `config.ron` and `keymap.ron` say.
    pub settings: Settings,
    /// Where to return when the open form closes (the detail popup it was opened from).
    pub resume: Option<Mode>,
    /// Where dates come from.
    pub clock: Clock,
    /// Today, as of the last tick.
    pub today: NaiveDate,
    /// Id generator for new items.
    pub ids: IdGen,
    /// What has the keyboard.
    pub mode: Mode,
    /// The last status message.
    pub message: Option<(Tone, String)>,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// I/O requested by the last key, for the runtime to carry out.
    pub effects: Vec<Effect>,
}

impl App {
    /// A builder for an app showing `roadmap`, with dates from `clock`: see [`Builder`].
    pub fn builder(roadmap: Roadmap, clock: Clock) -> Builder {
        Builder::new(roadmap, clock)
    }

    /// A new app showing `roadmap` (what [`Builder::build`] starts from).
    fn new(roadmap: Roadmap, source: Source, clock: Clock, ids: IdGen) -> Self {
        let session = Session::new(source, &roadmap);
        let mut app = App {
            derived: Derived::empty(clock.today()),
            view: View::new(),
            session,
            settings: Settings::default(),
            roadmap,
            today: clock.today(),
            clock,
            ids,
            mode: Mode::Browse,
            resume: None,
            message: None,
            quit: false,
            effects: Vec::new(),
        };
        app.refresh();
        app.offer_merge_conflicts();
        app
    }

    /// True when running on the in-memory sample.
    pub fn is_demo(&self) -> bool {
        self.session.source == Source::Demo
    }

    /// Re-reads today from the clock; re-derives the columns when the date changed.
    pub fn tick(&mut self) {
        let today = self.clock.today();
        if today != self.today {
            let selected = self.selected_initiative().map(|i| i.id.clone());
            self.today = today;
            self.refresh();
            if let Some(id) = selected {
                self.select_initiative(&id);
            }
        }
    }

    /// A click selects the card, column or goal under the pointer (on the board only).
    pub fn click(&mut self, target: Target) {
        if !matches!(self.mode, Mode::Browse) {
            return;
        }
        match target {
            Target::Card(horizon, index) => {
                self.view.pane = Pane::Board;
                self.view.column = horizon;
                self.view.cursor[horizon.index()] = index;
            }
            Target::Column(horizon) => {
                self.view.pane = Pane::Board;
                self.view.column = horizon;
            }
            Target::Goal(index) => {
                self.view.pane = Pane::Goals;
                self.view.goal_cursor = index;
            }
        }
    }

    /// The wheel moves through the column or the goal list under the pointer.
    pub fn wheel(&mut self, target: Target, down: bool) {
        if !matches!(self.mode, Mode::Browse) {
            return;
        }
        let step = if down { Command::Down } else { Command::Up };
        match target {
            Target::Card(horizon, _) | Target::Column(horizon) => {
                if self.view.pane != Pane::Board || self.view.column != horizon {
                    self.click(Target::Column(horizon));
                }
            }
            Target::Goal(_) => self.view.pane = Pane::Goals,
        }
        self.update(step);
    }

    /// The label of the first key bound to a command, e.g. `u` for undo.
    pub fn key_label(&self, context: Context, command: Command) -> String {
        self.settings
            .keymap
            .keys(context, command)
            .first()
            .map(|k| k.label())
            .unwrap_or_else(|| format!("{command:?}"))
    }

    /// Handles a terminal event (key presses and pastes; the rest is ignored).
    pub fn handle_event(&mut self, event: &Event) {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.handle_key(*key),
            Event::Paste(text) => match &mut self.mode {
                Mode::Form(form) => form.paste(text),
                Mode::Capture(capture) => capture.paste(text),
                Mode::People {
                    rename: Some(input),
                    ..
                } => forms::paste_into(input, text),
                Mode::Prompt(prompt) => {
                    forms::paste_into(&mut prompt.input, text);
                    // An empty key event re-applies the query as typing does.
                    self.prompt_key(KeyEvent::new(KeyCode::Null, KeyModifiers::NONE));
                }
                _ => {}
            },
            Event::Resize(w, h) => self.view.viewport = (*w, *h),
            _ => {}
        }
    }

    /// Handles a terminal event that arrived at `at` (the runtime stamps keys as it reads
    /// them): keys that come too fast to be commands are taken as typing on the board
    /// ([`typing`]).
    pub fn handle_event_at(&mut self, event: &Event, at: std::time::Instant) {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                if !self.typed(*key, at) {
                    self.handle_key(*key);
                }
            }
            other => self.handle_event(other),
        }
    }

    /// Handles one key press.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if let Mode::Prompt(_) = self.mode {
            return self.prompt_key(key);
        }
        if let Mode::People {
            rename: Some(_), ..
        } = self.mode
        {
            return self.rename_key(key);
        }
        if let (Mode::Help { scroll }, Some(find)) = (&mut self.mode, &mut self.view.help_find) {
            // Typing narrows the help; Esc shows all of it again, Enter closes it.
            match key.code {
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                    find.push(c);
                    *scroll = 0;
                }
                KeyCode::Backspace => {
                    find.pop();
                }
                KeyCode::Esc => self.view.help_find = None,
                KeyCode::Enter => {
                    self.view.help_find = None;
                    self.mode = Mode::Browse;
                }
                KeyCode::Up => *scroll = scroll.saturating_sub(1),
                KeyCode::Down => *scroll = scroll.saturating_add(1),
                _ => {}
            }
            return;
        }
        if let Mode::Capture(_) = self.mode {
            if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
                return self.quit_keeping_typed();
            }
            return self.capture_key(key);
        }
        if let Mode::Form(form) = &mut self.mode {
            if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
                self.quit_keeping_typed();
                return;
            }
            // Dates in the preview read as the roadmap's settings say.
            form.calendar = self.roadmap.calendar;
            // Tab in a field that names a person completes a known name before moving on.
            if key.code == KeyCode::Tab
                && let Some(typed) = form.person_field()
                && let Some(name) = crate::domain::people::completion(&self.roadmap, &typed)
            {
                form.complete_person(&name);
                return;
            }
            match form.handle_key(key) {
                FormOutcome::Continue => {}
                FormOutcome::Cancelled => {
                    let discarded = form.is_changed();
                    let skipped_why = matches!(
                        form.target,
                        FormTarget::SlipReason(_) | FormTarget::SlipReasons(_)
                    );
                    self.mode = self.resume.take().unwrap_or(Mode::Browse);
                    let undo = self.key_label(Context::Browse, Command::Undo);
                    self.info(if skipped_why {
                        // The move itself happened: say so, not "nothing changed".
                        format!("The move later is kept, without a reason ({undo} undoes it).")
                    } else if discarded {
                        "Discarded the form; nothing was saved from it.".into()
                    } else {
                        "Nothing changed.".into()
                    });
                }
                FormOutcome::Submit => self.submit_form(),
            }
            return;
        }
        let Some(context) = self.context() else {
            return;
        };
        match self.settings.keymap.resolve(context, key) {
            Some(command) => self.update(command),
            None if context == Context::Browse => self.unbound(key),
            None if context == Context::Picker => self.pick_status_by_letter(key),
            None => {}
        }
    }

    fn unbound(&mut self, key: KeyEvent) {
        if key.code == KeyCode::Esc {
            return; // pressed out of habit: nothing to close, nothing to say
        }
        let hint = self.key_label(Context::Browse, Command::Help);
        let pressed = keymap::Chord::from_event(key).label();
        self.info(format!(
            "{pressed} does nothing here; press {hint} for the keys."
        ));
    }

    /// Runs a command in the current mode.
    pub fn update(&mut self, command: Command) {
        let browsing = matches!(
            self.mode,
            Mode::Browse | Mode::Detail { .. } | Mode::Pick(_)
        );
        if browsing && command.changes_roadmap() {
            if self.session.read_only.is_some() {
                self.error("Read-only: nothing can be changed here (the top line says why).");
                return;
            }
            if self.session.disk_change.is_some() {
                self.mode = Mode::Conflict;
                return;
            }
        }
        if command == Command::Quit {
            let asking = matches!(self.mode, Mode::Confirm(_));
            if self.is_demo() && self.session.revision > 0 && !asking {
                self.mode = Mode::Confirm(Confirm {
                    question: "Quit the demo?".into(),
                    details: vec![
                        "This is the sample in memory: your changes are not saved anywhere.".into(),
                        "Run alignmap without --demo to work on your own roadmap.".into(),
                    ],
                    action: Pending::QuitDemo,
                });
            } else {
                self.quit = true;
            }
            return;
        }
        let (limit, page) = (self.view.metrics.scroll_limit, self.view.metrics.page);
        match &mut self.mode {
            Mode::Browse => match self.view.screen {
                Screen::Board => self.update_browse(command),
                Screen::Alignment => self.alignment_command(command),
                Screen::Review => self.review_command(command),
                Screen::CheckIns => self.checkins_command(command),
                Screen::Archive => self.archive_command(command),
            },
            Mode::Pick(_) => self.pick_command(command),
            Mode::Detail { item, scroll } => match command {
                Command::Close => self.mode = Mode::Browse,
                Command::Up => *scroll = scroll.saturating_sub(1),
                Command::Down => *scroll = scroll.saturating_add(1).min(limit),
                Command::PageUp => *scroll = scroll.saturating_sub(10),
                Command::PageDown => *scroll = scroll.saturating_add(10).min(limit),
                Command::First => *scroll = 0,
                Command::Last => *scroll = limit,
                Command::Edit => {
                    let back = Mode::Detail {
                        item: item.clone(),
                        scroll: *scroll,
                    };
                    let item = item.clone();
                    self.open_form_for(&item);
                    if matches!(self.mode, Mode::Form(_)) {
                        self.resume = Some(back);
                    }
                }
                Command::Delete => {
                    let item = item.clone();
                    self.ask_delete(&item);
                }
                c if c.opens_attached_form() => {
                    let back = Mode::Detail {
                        item: item.clone(),
                        scroll: *scroll,
                    };
                    let item = item.clone();
                    self.attach_command(command, Some(item));
                    if matches!(self.mode, Mode::Form(_) | Mode::Pick(_)) {
                        self.resume = Some(back);
                    }
                }
                Command::Help => {
                    self.view.help_find = None;
                    self.mode = Mode::Help { scroll: 0 };
                }
                _ => {}
            },
            Mode::Summary { .. } if command == Command::Minutes => self.write_minutes(),
            Mode::Help { scroll } if command == Command::Search => {
                *scroll = 0;
                self.view.help_find = Some(String::new());
            }
            Mode::Help { scroll } | Mode::Summary { scroll } | Mode::Changes { scroll, .. } => {
                match command {
                    Command::Close => self.mode = Mode::Browse,
                    Command::Up => *scroll = scroll.saturating_sub(1),
                    Command::Down => *scroll = scroll.saturating_add(1).min(limit),
                    Command::PageUp => *scroll = scroll.saturating_sub(10),
                    Command::PageDown => *scroll = scroll.saturating_add(10).min(limit),
                    _ => {}
                }
            }
            Mode::Confirm(confirm) => match command {
                Command::Yes => {
                    let action = confirm.action.clone();
                    self.mode = Mode::Browse;
                    match action {
                        Pending::Delete(item) => self.delete(&item),
                        Pending::QuitDemo => self.quit = true,
                        Pending::LoadRecovery { path, roadmap } => {
                            self.change("Loaded the recovery copy".into(), |r, _, _| *r = *roadmap);
                            self.effects.push(Effect::ArchiveRecovery(path));
                        }
                        Pending::ShiftDeliverables(moves) => self.answer_deliverables(&moves, true),
                        Pending::DeleteRecord(record) => self.delete_record(&record),
                    }
                }
                Command::No => {
                    if let Pending::ShiftDeliverables(moves) = &confirm.action {
                        let moves = moves.clone();
                        return self.answer_deliverables(&moves, false);
                    }
                    if let Pending::LoadRecovery { path, .. } = &confirm.action {
                        self.effects.push(Effect::ArchiveRecovery(path.clone()));
                    }
                    if let Pending::DeleteRecord(record) = &confirm.action {
                        let record = record.clone();
                        self.back_to_decisions(Some(&record), 0);
                    } else {
                        self.mode = Mode::Browse;
                    }
                    self.info("Kept it.");
                }
                _ => {}
            },
            Mode::Status { selected, .. }
                if let Some(to) = selection::step(*selected, Status::ALL.len(), page, command) =>
            {
                *selected = to;
            }
            Mode::Status { id, selected } => match command {
                Command::Yes => {
                    let (id, status) = (id.clone(), Status::ALL[*selected]);
                    self.mode = Mode::Browse;
                    self.set_status(&id, status);
                }
                Command::Close => self.mode = Mode::Browse,
                _ => {}
            },
            Mode::Conflict => self.decide_conflict(command),
            Mode::Merged { .. } => self.merged_command(command, page),
            Mode::Roadmaps { .. } => self.roadmaps_command(command, page),
            Mode::Portfolio { .. } => self.portfolio_command(command),
            Mode::Present { .. } => self.present_command(command),
            Mode::Decisions { .. } => self.decisions_command(command),
            Mode::People { .. } => self.people_command(command),
            Mode::Backups { rows, selected }
                if let Some(to) = selection::step(*selected, rows.len(), page, command) =>
            {
                *selected = to;
            }
            Mode::Backups { rows, selected } => match command {
                Command::Close => self.mode = Mode::Browse,
                Command::Yes => {
                    let Some(row) = rows.get(*selected) else {
                        return;
                    };
                    if let Err(why) = &row.holds {
                        let why = why.clone();
                        return self.error(format!("That backup cannot be restored: {why}"));
                    }
                    if self.session.read_only.is_some() {
                        return self.error(
                            "Read-only: nothing can be restored here (the top line says why).",
                        );
                    }
                    let path = row.path.clone();
                    self.mode = Mode::Browse;
                    self.effects.push(Effect::RestoreBackup(path));
                }
                _ => {}
            },
            Mode::Form(_) | Mode::Capture(_) | Mode::Prompt(_) => {}
        }
    }

    /// In the status picker, a letter chooses the status it starts (p twice: Proposed, Planned).
    fn pick_status_by_letter(&mut self, key: KeyEvent) {
        let (Mode::Status { selected, .. }, KeyCode::Char(c)) = (&mut self.mode, key.code) else {
            return;
        };
        let starts = |s: &Status| s.label().starts_with(c.to_ascii_uppercase());
        let next = Status::ALL
            .iter()
            .enumerate()
            .skip(*selected + 1)
            .find(|(_, s)| starts(s));
        let first = Status::ALL.iter().enumerate().find(|(_, s)| starts(s));
        if let Some((i, _)) = next.or(first) {
            *selected = i;
        }
    }

    /// Shows an information message in the status bar.
    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some((Tone::Info, text.into()));
    }

    /// Shows an error message in the status bar.
    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some((Tone::Error, text.into()));
    }

    /// Records that the roadmap as of `revision` is on disk.
    pub fn mark_saved(&mut self, revision: u64, at: NaiveTime) {
        // Edits made while it was being written are still to be saved.
        self.session.unsaved =
            u32::try_from(self.session.revision.saturating_sub(revision)).unwrap_or(u32::MAX);
        self.session.save = SaveState::Saved(at);
    }

    /// The terminal is `columns` x `rows`: `measure` works out the layout facts the keys need
    /// (page size, scroll limit) for that size.
    pub fn resize(&mut self, columns: u16, rows: u16, measure: impl FnOnce(&App) -> Metrics) {
        self.view.viewport = (columns, rows);
        self.view.metrics = measure(self);
    }

    /// Quitting did not work out (the last save failed): the app runs on and says why.
    pub fn quit_refused(&mut self, why: &str) {
        self.quit = false;
        self.error(why);
    }

    /// Records a failed save; the edits stay in memory and count as unsaved.
    pub fn mark_save_failed(&mut self, why: String) {
        self.session.save = SaveState::Failed(why);
    }

    /// The keys of the full screen under any overlay.
    pub fn screen_context(&self) -> Context {
        match self.view.screen {
            Screen::Board => Context::Browse,
            Screen::Alignment => Context::Alignment,
            Screen::Review => Context::Review,
            Screen::CheckIns => Context::CheckIns,
            Screen::Archive => Context::Archive,
        }
    }

    /// The context whose keys apply now (for hints and help).
    pub fn context(&self) -> Option<Context> {
        match self.mode {
            Mode::Browse => Some(self.screen_context()),
            Mode::Pick(_) => Some(Context::Picker),
            Mode::Detail { .. } => Some(Context::Detail),
            Mode::Summary { .. } => Some(Context::Recap),
            Mode::Help { .. } | Mode::Changes { .. } => Some(Context::Help),
            Mode::Confirm(_) => Some(Context::Confirm),
            Mode::Status { .. } => Some(Context::Picker),
            Mode::Conflict => Some(Context::Conflict),
            Mode::Backups { .. } => Some(Context::Backups),
            Mode::Merged { .. } => Some(Context::Merged),
            Mode::Roadmaps { .. } => Some(Context::Roadmaps),
            Mode::Portfolio { .. } => Some(Context::Portfolio),
            Mode::Present { .. } => Some(Context::Present),
            Mode::Decisions { .. } => Some(Context::Decisions),
            Mode::People { rename: None, .. } => Some(Context::People),
            Mode::People { .. } => None,
            Mode::Form(_) | Mode::Capture(_) | Mode::Prompt(_) => None,
        }
    }
}
