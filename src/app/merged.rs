//! Merge conflicts that `alignmap merge` left inside the file: the planner lists them on
//! open, each with both values, and settles one per key as an undoable edit.

use super::{App, Mode, selection};
use crate::app::command::Command;
use crate::domain::conflict::Side;
use crate::domain::counted;

impl App {
    /// Opens the list when the roadmap holds merge conflicts (on open, and after taking a
    /// version from disk that has them).
    pub(super) fn offer_merge_conflicts(&mut self) {
        if self.roadmap.conflicts.is_empty() {
            return;
        }
        self.mode = Mode::Merged { selected: 0 };
        let before = match &self.message {
            Some((_, said)) => format!("{}. ", said.trim_end_matches('.')),
            None => String::new(),
        };
        let conflicts = counted(self.roadmap.conflicts.len(), "conflict", "conflicts");
        self.info(format!(
            "{before}A merge left {conflicts} (changed both ways): choose a value for each."
        ));
    }

    /// The list of merge conflicts, or says there are none.
    pub(super) fn show_merge_conflicts(&mut self) {
        if self.roadmap.conflicts.is_empty() {
            self.info("No merge conflicts wait in this roadmap.");
        } else {
            self.mode = Mode::Merged { selected: 0 };
        }
    }

    pub(super) fn merged_command(&mut self, command: Command, page: usize) {
        let Mode::Merged { selected } = &mut self.mode else {
            return;
        };
        let count = self.roadmap.conflicts.len();
        if let Some(to) = selection::step(*selected, count, page, command) {
            *selected = to;
            return;
        }
        let at = *selected;
        match command {
            Command::SettleMine => self.settle(at, Side::Ours),
            Command::SettleTheirs => self.settle(at, Side::Theirs),
            Command::Undo | Command::Redo => {
                self.undo(command == Command::Redo);
                self.keep_merged_open(at);
            }
            Command::Close => {
                self.mode = Mode::Browse;
                if count > 0 {
                    let key = self.key_label(super::Context::Browse, Command::MergeConflicts);
                    self.info(format!(
                        "{} still to settle: the file keeps the ● value meanwhile; {key} lists them.",
                        counted(count, "merge conflict", "merge conflicts")
                    ));
                }
            }
            _ => {}
        }
    }

    /// Settles conflict `at` with `side`'s value, as one undoable edit.
    fn settle(&mut self, at: usize, side: Side) {
        if let Some(why) = &self.session.read_only {
            let why = why.clone();
            return self.error(format!(
                "Read-only ({why}): conflicts cannot be settled here."
            ));
        }
        let Some(conflict) = self.roadmap.conflicts.get(at) else {
            return;
        };
        let about = conflict.about.clone();
        let chosen = conflict.shown(side);
        match crate::merge::settle(&self.roadmap, at, side) {
            Ok(settled) => {
                let whose = match side {
                    Side::Ours => "yours",
                    Side::Theirs => "theirs",
                };
                // `about` names the item as it was when merged: say what it is now.
                let what = format!("{about} is now {} ({whose})", quoted(&chosen));
                self.change(what, |r, _, _| *r = settled);
                self.keep_merged_open(at);
                if self.roadmap.conflicts.is_empty() {
                    self.info(format!(
                        "{about} is now {} ({whose}): no merge conflicts left (in the middle of a git merge, commit the file to finish it).",
                        quoted(&chosen)
                    ));
                }
            }
            Err(why) => self.error(format!("{about} cannot be settled that way: {why}")),
        }
    }

    /// After settling or undoing: the list stays open on the nearest conflict while any
    /// are left, and closes when none are.
    fn keep_merged_open(&mut self, at: usize) {
        let count = self.roadmap.conflicts.len();
        self.mode = if count == 0 {
            Mode::Browse
        } else {
            Mode::Merged {
                selected: at.min(count - 1),
            }
        };
    }
}

/// A value for the status line: quoted, at most 40 characters.
fn quoted(value: &str) -> String {
    let mut short: String = value.chars().take(40).collect();
    if short.len() < value.len() {
        short.push('…');
    }
    format!("\"{short}\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Clock;
    use crate::domain::Roadmap;
    use crate::domain::conflict::Conflict;
    use chrono::NaiveDate;

    /// The sample with its first initiative's title changed both ways by a merge.
    fn conflicted() -> (App, crate::domain::InitiativeId) {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let now = today.and_hms_opt(9, 0, 0).unwrap().and_utc();
        let mut roadmap: Roadmap = crate::sample::sample(today, now).unwrap();
        let first = &roadmap.initiatives[0];
        let id = first.id.clone();
        roadmap.conflicts.push(Conflict {
            at: vec!["initiatives".into(), id.0.clone(), "title".into()],
            about: format!("initiative \"{}\" › title", first.title),
            ours: serde_json::to_string(&first.title).unwrap(),
            theirs: "\"Theirs\\u001b[2J title\"".into(),
            kept: Side::Ours,
        });
        (App::builder(roadmap, Clock::fixed(today, now)).build(), id)
    }

    #[test]
    fn conflicts_open_on_start_and_taking_theirs_is_an_undoable_edit() {
        let (mut app, id) = conflicted();
        let mine = app.roadmap.initiative(&id).unwrap().title.clone();
        assert!(matches!(app.mode, Mode::Merged { selected: 0 }));
        app.update(Command::SettleTheirs);
        assert_eq!(
            app.roadmap.initiative(&id).unwrap().title,
            "Theirs\u{1b}[2J title"
        );
        assert!(app.roadmap.conflicts.is_empty());
        assert!(matches!(app.mode, Mode::Browse));
        assert_eq!(app.session.unsaved, 1);
        let said = app.message.as_ref().unwrap().1.clone();
        assert!(said.contains("no merge conflicts left"), "{said}");
        // Undo on the board brings the conflict back; the list shows it again.
        app.update(Command::Undo);
        assert_eq!(app.roadmap.initiative(&id).unwrap().title, mine);
        assert_eq!(app.roadmap.conflicts.len(), 1);
        app.update(Command::MergeConflicts);
        assert!(matches!(app.mode, Mode::Merged { selected: 0 }));
    }

    #[test]
    fn keeping_yours_drops_the_conflict_and_leaves_the_value() {
        let (mut app, id) = conflicted();
        let mine = app.roadmap.initiative(&id).unwrap().title.clone();
        app.update(Command::SettleMine);
        assert_eq!(app.roadmap.initiative(&id).unwrap().title, mine);
        assert!(app.roadmap.conflicts.is_empty());
        app.update(Command::Undo);
        assert_eq!(app.roadmap.conflicts.len(), 1, "undone");
    }

    #[test]
    fn closing_says_how_many_wait_and_which_key_lists_them() {
        let (mut app, _) = conflicted();
        app.update(Command::Close);
        assert!(matches!(app.mode, Mode::Browse));
        let said = app.message.as_ref().unwrap().1.clone();
        assert!(
            said.starts_with("1 merge conflict still to settle"),
            "{said}"
        );
        assert!(said.ends_with("M lists them."), "{said}");
    }

    #[test]
    fn a_read_only_session_refuses_to_settle() {
        let (mut app, _) = conflicted();
        app.session.read_only = Some("another alignmap has it open".into());
        app.update(Command::SettleTheirs);
        assert_eq!(app.roadmap.conflicts.len(), 1);
    }
}
