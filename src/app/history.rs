//! Undo and redo: whole-roadmap snapshots with a label saying what each change was.

use crate::domain::Roadmap;

/// Undo and redo stacks, unlimited within a session.
#[derive(Debug, Default, Clone)]
pub struct History {
    undo: Vec<(Roadmap, String)>,
    redo: Vec<(Roadmap, String)>,
}

impl History {
    /// Records the state before a change labelled `what`; clears the redo stack.
    pub fn record(&mut self, before: Roadmap, what: String) {
        self.undo.push((before, what));
        self.redo.clear();
    }

    /// Steps back: puts the earlier state into `current` and returns the undone change's
    /// label; None when there is nothing to undo.
    pub fn undo(&mut self, current: &mut Roadmap) -> Option<String> {
        let (before, what) = self.undo.pop()?;
        let now = std::mem::replace(current, before);
        self.redo.push((now, what.clone()));
        Some(what)
    }

    /// Steps forward again: puts the later state into `current` and returns the redone
    /// change's label; None when there is nothing to redo.
    pub fn redo(&mut self, current: &mut Roadmap) -> Option<String> {
        let (after, what) = self.redo.pop()?;
        let now = std::mem::replace(current, after);
        self.undo.push((now, what.clone()));
        Some(what)
    }
}
