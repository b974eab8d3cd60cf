//! The decisions and action items view: list them, tick actions off (undoable).

use super::{App, Command, Mode};
use crate::domain::decisions::Action;

impl App {
    /// Actions in the order the view lists them: open first (by due date), then done.
    pub fn listed_actions(&self) -> Vec<&Action> {
        let mut actions: Vec<&Action> = self.roadmap.actions.iter().collect();
        actions.sort_by_key(|a| (a.done_on.is_some(), a.due.is_none(), a.due, a.created));
        actions
    }

    /// Handles a command in the decisions view.
    pub(super) fn decisions_command(&mut self, command: Command) {
        let rows = self.roadmap.decisions.len() + self.roadmap.actions.len();
        let Mode::Decisions { selected } = &mut self.mode else {
            return;
        };
        if let Some(to) = super::selection::step(*selected, rows, self.view.metrics.page, command) {
            *selected = to;
            return;
        }
        match command {
            Command::Close => self.mode = Mode::Browse,
            Command::MarkDone => {
                let Some(index) = selected.checked_sub(self.roadmap.decisions.len()) else {
                    return self.info("x ticks off actions; decisions stand as taken.");
                };
                if self.session.read_only.is_some() {
                    return self
                        .error("Read-only: nothing can be changed here (the top line says why).");
                }
                let Some(action) = self
                    .listed_actions()
                    .get(index)
                    .map(|a| (a.id.clone(), a.text.clone(), a.done_on.is_some()))
                else {
                    return;
                };
                let (id, text, done) = action;
                let what = if done {
                    format!("Reopened \"{text}\"")
                } else {
                    format!("Done: \"{text}\"")
                };
                self.change(what, |r, _, today| {
                    if let Some(a) = r.actions.iter_mut().find(|a| a.id == id) {
                        a.done_on = if done { None } else { Some(today) };
                    }
                });
                // Keep the highlight on the same action after it moves in the list.
                if let Some(pos) = self.listed_actions().iter().position(|a| a.id == id)
                    && let Mode::Decisions { selected } = &mut self.mode
                {
                    *selected = self.roadmap.decisions.len() + pos;
                }
            }
            _ => {}
        }
    }
}
