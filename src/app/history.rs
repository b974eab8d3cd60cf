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

    /// Steps back: returns the earlier state and the label of the undone change.
    pub fn undo(&mut self, current: Roadmap) -> Result<(Roadmap, String), Roadmap> {
        match self.undo.pop() {
            Some((before, what)) => {
                self.redo.push((current, what.clone()));
                Ok((before, what))
            }
            None => Err(current),
        }
    }

    /// Steps forward again: returns the later state and the label of the redone change.
    pub fn redo(&mut self, current: Roadmap) -> Result<(Roadmap, String), Roadmap> {
        match self.redo.pop() {
            Some((after, what)) => {
                self.undo.push((current, what.clone()));
                Ok((after, what))
            }
            None => Err(current),
        }
    }
}
