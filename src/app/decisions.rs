//! The decisions and action items view: list them (the board's filter narrows them too),
//! tick actions off, edit, delete, undo and redo, all without leaving the view.

use super::{App, Command, Confirm, Form, Mode, Pending};
use crate::domain::decisions::{Action, Decision, Link};

/// One row of the view: a decision or an action, by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// A decision.
    Decision(String),
    /// An action item.
    Action(String),
}

impl App {
    /// True when the active filter lets this decision or action through: its words in the
    /// text, `@person` the action's owner, `#goal` what it is about (or the goal of the card
    /// it is about).
    fn record_shown(&self, text: &str, owner: Option<&str>, link: Option<&Link>) -> bool {
        let Some(filter) = &self.view.filter else {
            return true;
        };
        let q = &filter.query;
        let lower = text.to_lowercase();
        let goal_ok = q.goals.is_empty()
            || match link {
                Some(Link::Goal(g)) => q.goals.contains(g),
                Some(Link::Initiative(i)) => self
                    .roadmap
                    .initiative(i)
                    .is_some_and(|i| q.goals.iter().any(|g| i.serves_goal(g))),
                None => false,
            };
        let owner = owner.unwrap_or_default().to_lowercase();
        q.words.iter().all(|w| lower.contains(w.as_str()))
            && q.owners.iter().all(|o| owner.contains(o.as_str()))
            && goal_ok
    }

    /// Decisions in the order the view lists them (as recorded), narrowed by the filter.
    pub fn listed_decisions(&self) -> Vec<&Decision> {
        self.roadmap
            .decisions
            .iter()
            .filter(|d| self.record_shown(&d.text, None, d.link.as_ref()))
            .collect()
    }

    /// Actions in the order the view lists them: open first (by due date), then done;
    /// narrowed by the filter.
    pub fn listed_actions(&self) -> Vec<&Action> {
        let mut actions: Vec<&Action> = self
            .roadmap
            .actions
            .iter()
            .filter(|a| self.record_shown(&a.text, Some(&a.owner), a.link.as_ref()))
            .collect();
        actions.sort_by_key(|a| (a.done_on.is_some(), a.due.is_none(), a.due, a.created));
        actions
    }

    /// The record on row `at` of the view (decisions first, then actions).
    fn record_at(&self, at: usize) -> Option<(Record, String)> {
        let decisions = self.listed_decisions();
        match decisions.get(at) {
            Some(d) => Some((Record::Decision(d.id.clone()), d.text.clone())),
            None => self
                .listed_actions()
                .get(at - decisions.len())
                .map(|a| (Record::Action(a.id.clone()), a.text.clone())),
        }
    }

    /// The row of `record` in the view, if it is listed.
    fn row_of(&self, record: &Record) -> Option<usize> {
        let decisions = self.listed_decisions();
        match record {
            Record::Decision(id) => decisions.iter().position(|d| d.id == *id),
            Record::Action(id) => self
                .listed_actions()
                .iter()
                .position(|a| a.id == *id)
                .map(|at| decisions.len() + at),
        }
    }

    /// Back to the view with `record` highlighted (or the nearest row when it is gone).
    pub(super) fn back_to_decisions(&mut self, record: Option<&Record>, near: usize) {
        let rows = self.listed_decisions().len() + self.listed_actions().len();
        let selected = record
            .and_then(|r| self.row_of(r))
            .unwrap_or(near.min(rows.saturating_sub(1)));
        self.mode = Mode::Decisions { selected };
    }

    /// Handles a command in the decisions view.
    pub(super) fn decisions_command(&mut self, command: Command) {
        let rows = self.listed_decisions().len() + self.listed_actions().len();
        let Mode::Decisions { selected } = &mut self.mode else {
            return;
        };
        if let Some(to) = super::selection::step(*selected, rows, self.view.metrics.page, command) {
            *selected = to;
            return;
        }
        let at = *selected;
        let here = self.record_at(at);
        if command.changes_roadmap() && self.session.read_only.is_some() {
            return self.error("Read-only: nothing can be changed here (the top line says why).");
        }
        match (command, here) {
            (Command::Close, _) => self.mode = Mode::Browse,
            (Command::Capture, _) => self.open_record_capture(at),
            (Command::Filter, _) => {
                self.resume = Some(Mode::Decisions { selected: at });
                self.open_prompt(super::search::PromptKind::Filter);
            }
            (Command::Undo | Command::Redo, here) => {
                self.undo(command == Command::Redo);
                self.back_to_decisions(here.as_ref().map(|(r, _)| r), at);
            }
            (Command::ClearFilters, _) => {
                self.view.filter = None;
                self.refilter();
                self.back_to_decisions(None, at);
                self.info("Filter cleared: every decision and action shows.");
            }
            (_, None) => {}
            (Command::MarkDone, Some((Record::Decision(_), _))) => {
                self.info("x ticks off actions; decisions stand as taken (e edits one).");
            }
            (Command::MarkDone, Some((Record::Action(id), text))) => {
                let done = self
                    .roadmap
                    .actions
                    .find(&id)
                    .is_some_and(|a| a.done_on.is_some());
                let what = if done {
                    format!("Reopened \"{text}\"")
                } else {
                    format!("Done: \"{text}\"")
                };
                self.change(what, |r, _, today| {
                    if let Some(a) = r.actions.find_mut(&id) {
                        a.done_on = if done { None } else { Some(today) };
                    }
                });
                // Keep the highlight on the same action after it moves in the list.
                self.back_to_decisions(Some(&Record::Action(id)), at);
            }
            (Command::Edit, Some((record, _))) => {
                let form = match &record {
                    Record::Decision(id) => self
                        .roadmap
                        .decisions
                        .find(id)
                        .map(|d| Form::decision(&self.roadmap, d, self.today)),
                    Record::Action(id) => self
                        .roadmap
                        .actions
                        .find(id)
                        .map(|a| Form::action(&self.roadmap, a, self.today)),
                };
                if let Some(form) = form {
                    self.resume = Some(Mode::Decisions { selected: at });
                    self.mode = Mode::Form(Box::new(form));
                }
            }
            (Command::Delete, Some((record, text))) => {
                let kind = match record {
                    Record::Decision(_) => "decision",
                    Record::Action(_) => "action",
                };
                let undo = self.key_label(super::Context::Decisions, Command::Undo);
                self.mode = Mode::Confirm(Confirm {
                    question: format!("Delete the {kind} \"{text}\"?"),
                    details: vec![format!("{undo} brings it back.")],
                    action: Pending::DeleteRecord(record),
                });
            }
            _ => {}
        }
    }

    /// Deletes a decision or an action (undoable), then goes back to the view.
    pub(super) fn delete_record(&mut self, record: &Record) {
        let near = self.row_of(record).unwrap_or(0);
        let what = match record {
            Record::Decision(id) => self
                .roadmap
                .decisions
                .find(id)
                .map(|d| format!("Deleted the decision \"{}\"", d.text)),
            Record::Action(id) => self
                .roadmap
                .actions
                .find(id)
                .map(|a| format!("Deleted the action \"{}\"", a.text)),
        };
        if let Some(what) = what {
            self.change(what, |r, _, _| match record {
                Record::Decision(id) => r.decisions.retain(|d| d.id != *id),
                Record::Action(id) => {
                    r.actions.retain(|a| a.id != *id);
                    for checkin in &mut r.checkins {
                        checkin.actions.retain(|a| a != id);
                    }
                }
            });
        }
        self.back_to_decisions(None, near);
    }
}
