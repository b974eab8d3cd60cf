//! The app's side of the file on disk: changes made by others, recovery copies, backups.
//! The I/O itself happens in the runtime's saver; these methods only change state.

use super::{App, Command, Confirm, DiskChange, Effect, Mode, Pending};
use crate::domain::{Roadmap, counted};
use std::path::PathBuf;

impl App {
    pub(super) fn decide_conflict(&mut self, command: Command) {
        match command {
            Command::KeepMine => {
                self.effects.push(Effect::KeepMine);
                self.mode = Mode::Browse;
            }
            // Both need their version.
            Command::TakeTheirs | Command::MergeBoth => {
                match self.session.disk_change.as_ref().map(|c| &c.theirs) {
                    Some(Err(why)) => self.error(format!(
                        "Their version cannot be read ({why}): keep yours, or decide later."
                    )),
                    _ => {
                        self.effects.push(if command == Command::MergeBoth {
                            Effect::MergeBoth
                        } else {
                            Effect::TakeTheirs
                        });
                        self.mode = Mode::Browse;
                    }
                }
            }
            Command::DecideLater => {
                self.mode = Mode::Browse;
                self.info("Saving waits until you decide; your edits stay here. Any change reopens the question.");
            }
            _ => {}
        }
    }

    /// Loads a backup's roadmap as one undoable change, to be saved like any edit.
    pub fn restore_backup(&mut self, roadmap: Roadmap, taken: &str) {
        self.change(format!("Restored the backup of {taken}"), |r, _, _| {
            *r = roadmap
        });
    }

    /// Offers a recovery copy found at start (written when a session could not save or
    /// crashed), saying what it holds next to what the file holds.
    pub fn offer_recovery(&mut self, path: PathBuf, roadmap: Roadmap, written: &str) {
        let count = |r: &Roadmap| {
            format!(
                "{} and {}",
                counted(r.goals.len(), "goal", "goals"),
                counted(r.initiatives.len(), "initiative", "initiatives")
            )
        };
        let name = crate::storage::file_name(&path);
        self.mode = Mode::Confirm(Confirm {
            question: "Load the recovery copy?".into(),
            details: vec![
                format!("{name} was written {written}, when alignmap could not save or crashed."),
                format!(
                    "It holds {}; the file holds {}.",
                    count(&roadmap),
                    count(&self.roadmap)
                ),
                "Loading it is undoable. Either way the copy is moved to backups/.".into(),
            ],
            action: Pending::LoadRecovery {
                path,
                roadmap: Box::new(roadmap),
            },
        });
    }

    /// The file changed on disk and cannot simply be reloaded: ask what to do (at once when
    /// nothing else is open; an open form is left alone and asked about afterwards).
    pub fn disk_changed(&mut self, theirs: Result<Roadmap, String>) {
        self.session.disk_change = Some(DiskChange { theirs });
        if matches!(
            self.mode,
            Mode::Browse | Mode::Detail { .. } | Mode::Help { .. }
        ) {
            self.mode = Mode::Conflict;
        }
    }

    /// The user kept their version over the one on disk: saves go ahead, and write it even
    /// if nothing was edited since the question.
    pub fn kept_mine(&mut self) {
        self.session.disk_change = None;
        self.session.unsaved = self.session.unsaved.max(1);
    }

    /// The version on disk merged with this session's edits (`alignmap merge`'s rules), as
    /// one undoable step still to be saved; conflicts are listed to settle.
    pub fn merged_with_disk(&mut self, merged: Roadmap, conflicts: usize, dropped: &[String]) {
        self.session.disk_change = None;
        // Not `change`: the merge keeps both sides' edit stamps rather than stamping now.
        let selected = self.selected_initiative().map(|i| i.id.clone());
        let before = std::mem::replace(&mut self.roadmap, merged);
        let what = "Merged the version on disk with yours".to_string();
        self.session.history.record(before, what);
        self.session.revision += 1;
        self.session.unsaved = self.session.unsaved.saturating_add(1);
        self.refresh();
        if let Some(id) = selected {
            self.select_initiative(&id);
        }
        let notes = dropped.iter().map(|d| format!(" {d}.")).collect::<String>();
        self.info(format!("Merged theirs and yours by item.{notes}"));
        if conflicts > 0 {
            self.offer_merge_conflicts();
        }
    }

    /// The user took the version on disk (theirs): it replaces the roadmap as one undoable
    /// step, and the status bar says the file is as loaded.
    pub fn took_theirs(&mut self, theirs: Roadmap, what: String) {
        self.replace_from_disk(theirs, what);
        self.session.save = super::SaveState::Loaded;
    }

    /// Another process writes the file now: edits are refused from here on, for `why`, and
    /// `message` says what happens to the unsaved ones.
    pub fn lost_the_file(&mut self, why: String, message: String) {
        self.session.read_only = Some(why);
        self.error(message);
    }

    /// Replaces the roadmap with a version from disk, as one undoable step that leaves
    /// nothing unsaved (the disk already holds it).
    pub fn replace_from_disk(&mut self, theirs: Roadmap, what: String) {
        let selected = self.selected_initiative().map(|i| i.id.clone());
        let before = std::mem::replace(&mut self.roadmap, theirs);
        self.session.history.record_reload(before, what.clone());
        self.session.revision += 1;
        self.session.unsaved = 0;
        self.session.disk_change = None;
        self.refresh();
        if let Some(id) = selected {
            self.select_initiative(&id);
        }
        if let Mode::Form(form) = &mut self.mode {
            // Their version may change what the form edits: the form keeps what was typed,
            // and saving it keeps a copy of theirs first.
            form.changed_on_disk = true;
            return self.info(format!(
                "{what}. Saving this form keeps a copy of their version first."
            ));
        }
        self.info(what);
        // A `git pull` through the merge driver can bring conflicts: show them now.
        if matches!(self.mode, Mode::Browse) {
            self.offer_merge_conflicts();
        }
    }
}
