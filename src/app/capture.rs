//! The quick-capture line: type `title #goal @owner +tag !when`, press Enter, and the
//! initiative is on the board. An ambiguous `#goal` or `@person` opens a small picker.

use super::board::blank_initiative;
use super::{App, Mode};
use crate::domain::business::GoalLink;
use crate::domain::capture::{CaptureError, complete_goal, complete_person, parse_capture};
use crate::domain::dates::long_date;
use crate::domain::people;
use crate::domain::{GoalId, Horizon, Target};
use crossterm::event::{Event, KeyCode, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

/// What an ambiguous token may mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Candidates {
    /// The goals a `#token` matched.
    Goals(Vec<GoalId>),
    /// The people an `@token` matched, by name.
    People(Vec<String>),
}

impl Candidates {
    /// How many there are.
    pub fn len(&self) -> usize {
        match self {
            Candidates::Goals(goals) => goals.len(),
            Candidates::People(names) => names.len(),
        }
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Choosing among what an ambiguous `#token` or `@token` matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    /// The token as typed, without its `#` or `@`.
    pub token: String,
    /// What it matched.
    pub candidates: Candidates,
    /// The highlighted one.
    pub selected: usize,
}

impl Pick {
    /// The line with the token replaced by the chosen candidate, written so that it reads
    /// back as that one (`#COST`, `@"Ana Sousa"`).
    fn resolve(&self, line: &str, roadmap: &crate::domain::Roadmap) -> Option<String> {
        let (sigil, chosen) = match &self.candidates {
            Candidates::Goals(goals) => {
                let goal = roadmap.goal(goals.get(self.selected)?)?;
                ('#', format!("#{}", goal.code))
            }
            Candidates::People(names) => ('@', people::at_token(names.get(self.selected)?)),
        };
        let typed = format!("{sigil}{}", self.token);
        // The token where a word starts (not inside another word).
        let at = line.match_indices(&typed).map(|(i, _)| i).find(|&i| {
            line[..i].chars().last().is_none_or(char::is_whitespace)
                && line[i + typed.len()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })?;
        Some(format!(
            "{}{chosen}{}",
            &line[..at],
            &line[at + typed.len()..]
        ))
    }
}

/// The state of the capture line.
#[derive(Debug, Clone)]
pub struct Capture {
    /// What is typed.
    pub input: Input,
    /// Why the last Enter was refused.
    pub error: Option<String>,
    /// The goal picker, when a `#token` was ambiguous.
    pub pick: Option<Pick>,
    /// The column whose window end is the target when no `!when` is given.
    pub column: Horizon,
    /// True while asking whether to discard the typed line (Esc on a line with text).
    pub confirm_discard: bool,
}

impl Capture {
    /// An empty line that adds to `column` unless told otherwise.
    pub fn new(column: Horizon) -> Self {
        Capture {
            input: Input::default(),
            error: None,
            pick: None,
            column,
            confirm_discard: false,
        }
    }

    /// Inserts pasted text (line breaks become spaces).
    pub fn paste(&mut self, text: &str) {
        super::forms::paste_into(&mut self.input, text);
    }
}

/// A capture line that records a decision or an action instead of an initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// `decision: …`
    Decision,
    /// `action: …`
    Action,
}

/// Splits `decision: text …` / `action: text …` (any case) from the rest of the line.
pub fn split_entry(line: &str) -> (Option<Entry>, &str) {
    let trimmed = line.trim_start();
    for (prefix, entry) in [("decision:", Entry::Decision), ("action:", Entry::Action)] {
        // `get` rather than slicing: the line may start with multi-byte characters.
        if trimmed
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
        {
            return (Some(entry), trimmed.get(prefix.len()..).unwrap_or_default());
        }
    }
    (None, line)
}

impl App {
    /// Records a decision or an action from a capture line: about its `#goal`, else about
    /// nothing; an action's `@owner` and `!when` are its owner and due date.
    fn record_entry(&mut self, entry: Entry, captured: crate::domain::capture::Captured) {
        use crate::domain::decisions::{Action, Decision, Link};
        // About the `#goal` named, else nothing: never guessed from the highlighted card,
        // which the minutes would then repeat as fact (e in view 4 sets it).
        let link = captured.goals.first().map(|goal| Link::Goal(goal.clone()));
        let about = link
            .as_ref()
            .and_then(|l| self.roadmap.about(l))
            .map(|about| format!(" about {about}"))
            .unwrap_or_default();
        let now = self.clock.now();
        let today = self.today;
        let text = captured.title;
        match entry {
            Entry::Decision => {
                self.change(format!("Decision recorded{about}: {text}"), |r, ids, _| {
                    let id = ids.entry('d', &r.taken_ids());
                    r.decisions.push(Decision {
                        id,
                        text,
                        session: today,
                        link,
                        created: now,
                    });
                });
            }
            Entry::Action => {
                let due = captured.target.and_then(|t| t.due());
                let owner = captured.owner.unwrap_or_default();
                let what = format!("Action recorded{about}: {text}");
                self.change(what, |r, ids, _| {
                    let id = ids.entry('a', &r.taken_ids());
                    r.actions.push(Action {
                        id,
                        text,
                        owner,
                        due,
                        link,
                        session: today,
                        done_on: None,
                        created: now,
                    });
                });
            }
        }
    }

    /// Opens the capture line over the decisions view (row `at` highlighted), to which it
    /// returns; what it records is about its `#goal` or nothing, never a card out of sight.
    pub(super) fn open_record_capture(&mut self, at: usize) {
        let capture = Capture::new(self.view.column);
        self.resume = Some(Mode::Decisions { selected: at });
        self.mode = Mode::Capture(Box::new(capture));
    }

    /// Opens the capture line holding `text` (keys typed on the board by mistake).
    pub(super) fn open_capture_with(&mut self, text: &str) {
        if self.session.read_only.is_some() {
            return self.error("Read-only: nothing can be changed here (the top line says why).");
        }
        let mut capture = Capture::new(self.view.column);
        capture.input = Input::new(text.to_string());
        self.mode = Mode::Capture(Box::new(capture));
        self.info("Your typing is a capture line now: Enter adds it, Esc asks before dropping it.");
    }

    /// Closes the capture line without adding anything, back where it was opened from.
    fn leave_capture(&mut self, said: &str) {
        self.mode = Mode::Browse;
        self.info(said);
        if let Some(Mode::Decisions { selected }) = self.resume.take() {
            self.back_to_decisions(None, selected);
        }
    }

    /// Opens the capture line.
    pub(super) fn open_capture(&mut self) {
        self.mode = Mode::Capture(Box::new(Capture::new(self.view.column)));
    }

    /// Handles a key while the capture line is open.
    pub(super) fn capture_key(&mut self, key: KeyEvent) {
        let Mode::Capture(capture) = &mut self.mode else {
            return;
        };
        if let Some(pick) = &mut capture.pick {
            let step = match key.code {
                KeyCode::Up => Some(super::Command::Up),
                KeyCode::Down => Some(super::Command::Down),
                _ => None,
            };
            if let Some(at) = step
                .and_then(|c| super::selection::step(pick.selected, pick.candidates.len(), 1, c))
            {
                pick.selected = at;
                return;
            }
            match key.code {
                KeyCode::Esc => capture.pick = None,
                KeyCode::Enter => {
                    let line = pick.resolve(capture.input.value(), &self.roadmap);
                    capture.pick = None;
                    if let Some(line) = line {
                        capture.input = Input::new(line);
                        self.submit_capture();
                    }
                }
                _ => {}
            }
            return;
        }
        if capture.confirm_discard {
            // Asked "discard this line?": y discards, any other key goes back to editing.
            capture.confirm_discard = false;
            if matches!(key.code, KeyCode::Char('y' | 'Y')) {
                self.leave_capture("Discarded the line; nothing was added.");
            }
            return;
        }
        match key.code {
            // Esc is easy to hit in a meeting: a typed line is dropped only when confirmed.
            KeyCode::Esc if !capture.input.value().trim().is_empty() => {
                capture.confirm_discard = true;
            }
            KeyCode::Esc => self.leave_capture("Capture cancelled."),
            KeyCode::Enter => self.submit_capture(),
            KeyCode::Tab => {
                let line = capture.input.value();
                let completed = complete_goal(line, &self.roadmap.goals)
                    .or_else(|| complete_person(line, &self.roadmap));
                if let Some(line) = completed {
                    capture.input = Input::new(line);
                    capture.error = None;
                }
            }
            _ => {
                if let Some(request) = to_input_request(&Event::Key(key)) {
                    capture.input.handle(request);
                    capture.error = None;
                }
            }
        }
    }

    pub(super) fn submit_capture(&mut self) {
        let Mode::Capture(capture) = &mut self.mode else {
            return;
        };
        let line = capture.input.value().to_string();
        let column = capture.column;
        let (entry, line) = split_entry(&line);
        let captured = match parse_capture(line, &self.roadmap, self.today) {
            Ok(captured) => captured,
            Err(CaptureError::Ambiguous { token, candidates }) => {
                capture.pick = Some(Pick {
                    token,
                    candidates: Candidates::Goals(candidates),
                    selected: 0,
                });
                return;
            }
            Err(CaptureError::AmbiguousPerson { token, candidates }) => {
                capture.pick = Some(Pick {
                    token,
                    candidates: Candidates::People(candidates),
                    selected: 0,
                });
                return;
            }
            Err(e) => {
                capture.error = Some(e.to_string());
                return;
            }
        };
        self.mode = Mode::Browse;
        if let Some(Mode::Decisions { .. }) = self.resume {
            self.resume = None;
            if let Some(entry) = entry {
                self.record_entry(entry, captured);
                let newest = match entry {
                    Entry::Decision => self
                        .roadmap
                        .decisions
                        .last()
                        .map(|d| super::decisions::Record::Decision(d.id.clone())),
                    Entry::Action => self
                        .roadmap
                        .actions
                        .last()
                        .map(|a| super::decisions::Record::Action(a.id.clone())),
                };
                return self.back_to_decisions(newest.as_ref(), 0);
            }
        }
        if let Some(entry) = entry {
            return self.record_entry(entry, captured);
        }
        let target = captured
            .target
            .unwrap_or_else(|| Target::day(column.window_end(self.today)));
        let codes: Vec<String> = captured
            .goals
            .iter()
            .filter_map(|g| self.roadmap.goal(g))
            .map(|g| g.code.clone())
            .collect();
        let mut what = format!(
            "Captured \"{}\" in {} ({}{})",
            captured.title,
            target.horizon(self.today).label(),
            target.label(long_date),
            if target.is_before(self.today) {
                ", already overdue"
            } else {
                ""
            }
        );
        if !codes.is_empty() {
            what.push_str(&format!(" for {}", codes.join(", ")));
        }
        let now = self.clock.now();
        let mut new_id = None;
        self.change(what, |r, ids, _| {
            let id = ids.initiative(&r.taken_ids());
            let mut initiative = blank_initiative(id.clone(), now);
            initiative.title = captured.title;
            initiative.serves = captured.goals.into_iter().map(GoalLink::strong).collect();
            initiative.it_owner = captured.owner.unwrap_or_default();
            initiative.tags = captured.tags;
            initiative.target = target;
            r.initiatives.push(initiative);
            new_id = Some(id);
        });
        if let Some(id) = new_id {
            self.select_initiative(&id);
            let shown = self
                .derived
                .columns
                .iter()
                .flatten()
                .any(|i| self.roadmap.initiatives[*i].id == id);
            if !shown {
                let undo = self.key_label(super::Context::Browse, super::Command::Undo);
                let clear = self.key_label(super::Context::Browse, super::Command::ClearFilters);
                self.info(format!(
                    "Captured \"{}\", but the filter hides it: {clear} shows every card ({undo} to undo)",
                    self.roadmap.initiatives.last().map(|i| i.title.as_str()).unwrap_or_default()
                ));
            }
        }
    }
}
