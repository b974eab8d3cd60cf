//! Undo and redo: whole-roadmap snapshots with a label saying what each change was.

use crate::domain::Roadmap;

/// Undo and redo stacks, unlimited within a session.
#[derive(Debug, Default, Clone)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

/// One change: the state on the other side of it, and what it was.
#[derive(Debug, Clone)]
struct Step {
    roadmap: Roadmap,
    what: String,
    /// The change was a reload of someone else's version from disk.
    reload: bool,
}

/// What an undo or redo did.
#[derive(Debug, Clone, PartialEq)]
pub struct Stepped {
    /// The change's label.
    pub what: String,
    /// The step crossed a reload from disk: the version it replaced (theirs when undoing the
    /// reload, ours when redoing it), to be kept aside before the autosave overwrites it.
    pub replaced: Option<Roadmap>,
}

impl History {
    /// Records the state before a change labelled `what`; clears the redo stack.
    pub fn record(&mut self, before: Roadmap, what: String) {
        self.push(before, what, false);
    }

    /// Records the state before a reload of someone else's version from disk.
    pub fn record_reload(&mut self, before: Roadmap, what: String) {
        self.push(before, what, true);
    }

    fn push(&mut self, roadmap: Roadmap, what: String, reload: bool) {
        self.undo.push(Step {
            roadmap,
            what,
            reload,
        });
        self.redo.clear();
    }

    /// Steps back: puts the earlier state into `current` and says what was undone; None
    /// when there is nothing to undo.
    pub fn undo(&mut self, current: &mut Roadmap) -> Option<Stepped> {
        let step = self.undo.pop()?;
        Some(Self::swap(step, current, &mut self.redo))
    }

    /// Steps forward again: puts the later state into `current` and says what was redone;
    /// None when there is nothing to redo.
    pub fn redo(&mut self, current: &mut Roadmap) -> Option<Stepped> {
        let step = self.redo.pop()?;
        Some(Self::swap(step, current, &mut self.undo))
    }

    fn swap(step: Step, current: &mut Roadmap, other: &mut Vec<Step>) -> Stepped {
        let now = std::mem::replace(current, step.roadmap);
        let replaced = step.reload.then(|| now.clone());
        other.push(Step {
            roadmap: now,
            what: step.what.clone(),
            reload: step.reload,
        });
        Stepped {
            what: step.what,
            replaced,
        }
    }
}
