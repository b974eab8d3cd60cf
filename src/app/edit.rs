//! One undoable step: every edit goes through [`App::change`], which stamps what it changed,
//! refreshes what is derived and keeps the step for undo; undo and redo step back and forth
//! and select the card they brought back.

use super::{App, Command, Context, Effect, board, history};
use crate::domain::{IdGen, InitiativeId, Roadmap};
use chrono::NaiveDate;

impl App {
    /// Applies a change to the roadmap as one undoable step labelled `what`.
    /// Returns false (and records nothing) when the change changed nothing.
    pub(super) fn change(
        &mut self,
        what: String,
        edit: impl FnOnce(&mut Roadmap, &mut IdGen, NaiveDate),
    ) -> bool {
        let before = self.roadmap.clone();
        edit(&mut self.roadmap, &mut self.ids, self.today);
        if self.roadmap == before {
            self.info("Nothing changed.");
            return false;
        }
        self.stamp_updated(&before);
        self.session.unsaved = self.session.unsaved.saturating_add(1);
        self.session.revision += 1;
        self.refresh_from(&before);
        self.session.history.record(before, what.clone());
        let undo = self.key_label(Context::Browse, Command::Undo);
        self.info(format!("{what} ({undo} to undo)"));
        true
    }

    /// Stamps `updated` on every initiative an edit changed: the one place that does it,
    /// so every path (forms, moves, status, roll forward, links, capture) counts as an update
    /// and the review never calls freshly handled work stale.
    fn stamp_updated(&mut self, before: &Roadmap) {
        let now = self.clock.now();
        // None when items were added or removed: a new one was created just now, and an
        // edit adding or removing one changes no other.
        let changed = self
            .roadmap
            .initiatives
            .changed_since(&before.initiatives)
            .unwrap_or_default();
        for at in changed {
            if let Some(i) = self.roadmap.initiatives.get_mut(at) {
                i.updated = now;
            }
        }
    }

    pub(super) fn undo(&mut self, redo: bool) {
        let selected = self.selected_initiative().map(|i| i.id.clone());
        let before = self.roadmap.clone();
        let done = if redo {
            self.session.history.redo(&mut self.roadmap)
        } else {
            self.session.history.undo(&mut self.roadmap)
        };
        let Some(history::Stepped { what, replaced }) = done else {
            return self.info(if redo {
                "Nothing to redo."
            } else {
                "Nothing to undo."
            });
        };
        self.session.unsaved = self.session.unsaved.saturating_add(1);
        self.session.revision += 1;
        if what == board::LOADED_SAMPLE {
            // The sample is a starting point, undone or redone: the recap starts from here.
            self.session.session_start = self.roadmap.clone();
        }
        self.refresh_from(&before);
        // The card the step brought back or changed is the one to look at; else the
        // selection stays where it was.
        if let Some(id) = restored(&before, &self.roadmap).or(selected) {
            self.select_initiative(&id);
        }
        let (verb, other, again) = if redo {
            ("Redone", Command::Undo, "undoes")
        } else {
            ("Undone", Command::Redo, "redoes")
        };
        let key = self.key_label(Context::Browse, other);
        self.info(format!("{verb}: {what} ({key} {again} it)"));
        if let Some(replaced) = replaced {
            // The version this replaces came from disk: keep it in a file before the autosave
            // writes over it (the saver says where).
            let whose = if redo { "mine" } else { "theirs" };
            self.effects.push(Effect::KeepAside {
                roadmap: Box::new(replaced),
                whose,
                what: format!("{verb}: {what}"),
            });
        }
    }
}

/// The first card on the board that an undo or redo from `before` to `after` brought back or
/// changed (work undone from "done" is active again, a deleted card is back).
fn restored(before: &Roadmap, after: &Roadmap) -> Option<InitiativeId> {
    let on_board = |i: &&crate::domain::Initiative| i.status.is_active();
    match after.initiatives.changed_since(&before.initiatives) {
        Some(positions) => positions
            .into_iter()
            .filter_map(|at| after.initiatives.get(at))
            .find(on_board)
            .map(|i| i.id.clone()),
        None => after
            .initiatives
            .iter()
            .filter(|i| before.initiatives.position_of(&i.id).is_none())
            .find(on_board)
            .map(|i| i.id.clone()),
    }
}
