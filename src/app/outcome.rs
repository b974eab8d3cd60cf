//! [`EffectOutcome`]: what an effect the runtime carried out (an export, a snapshot, the backups,
//! a version kept aside …) came to, and the one place that turns it into a mode and a
//! message. The runtime does the I/O and never sets the app's mode or session itself.

use super::{App, BackupRow, Mode};
use crate::domain::Roadmap;

/// What carrying out an effect came to.
#[derive(Debug, Clone, PartialEq)]
pub enum EffectOutcome {
    /// Nothing to say (a quiet success).
    Quiet,
    /// Done: this says what and where.
    Done(String),
    /// Not done: this says why.
    Failed(String),
    /// The file's backups, newest first, to pick one from.
    Backups(Vec<BackupRow>),
    /// The roadmaps beside the file (paths with links followed), to switch to one.
    Roadmaps(Vec<super::RoadmapRow>),
    /// The roll-up of the roadmaps in `dir`.
    Portfolio {
        /// The figures.
        rollup: Box<crate::domain::portfolio::Rollup>,
        /// The folder.
        dir: std::path::PathBuf,
    },
    /// A backup read back (taken at the time given), to load as one undoable change.
    Restore {
        /// The backup's roadmap.
        roadmap: Box<Roadmap>,
        /// When it was taken, in words.
        taken: String,
    },
    /// What changed since the latest snapshot.
    Changes {
        /// Since what, in words.
        since: String,
        /// Headed sections of changes.
        sections: Vec<(String, Vec<String>)>,
    },
    /// A version could not be kept aside before it was replaced: saves wait for the user,
    /// as for a change on disk (`roadmap` is the version that could not be kept).
    HoldSaves {
        /// What went wrong.
        why: String,
        /// The version that could not be kept.
        roadmap: Box<Roadmap>,
    },
}

impl App {
    /// Shows what an effect came to: a message, a list to pick from, a restored backup or the
    /// question a held save asks.
    pub fn take_outcome(&mut self, outcome: EffectOutcome) {
        match outcome {
            EffectOutcome::Quiet => {}
            EffectOutcome::Done(text) => self.info(text),
            EffectOutcome::Failed(text) => self.error(text),
            EffectOutcome::Backups(rows) => self.mode = Mode::Backups { rows, selected: 0 },
            EffectOutcome::Roadmaps(rows) => self.show_roadmaps(rows),
            EffectOutcome::Portfolio { rollup, dir } => {
                self.mode = Mode::Portfolio {
                    rollup,
                    dir,
                    selected: 0,
                    scroll: 0,
                };
            }
            EffectOutcome::Restore { roadmap, taken } => self.restore_backup(*roadmap, &taken),
            EffectOutcome::Changes { since, sections } => {
                self.mode = Mode::Changes {
                    since,
                    sections,
                    scroll: 0,
                };
            }
            EffectOutcome::HoldSaves { why, roadmap } => {
                self.error(why);
                self.disk_changed(Ok(*roadmap));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Clock, Tone};
    use chrono::NaiveDate;

    fn app() -> App {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let clock = Clock::fixed(today, today.and_hms_opt(9, 0, 0).unwrap().and_utc());
        App::builder(Roadmap::new("r"), clock).build()
    }

    #[test]
    fn each_outcome_becomes_its_message_or_mode() {
        let mut app = app();
        app.take_outcome(EffectOutcome::Done("Wrote it".into()));
        assert_eq!(app.message, Some((Tone::Info, "Wrote it".into())));
        app.take_outcome(EffectOutcome::Failed("Could not".into()));
        assert_eq!(app.message, Some((Tone::Error, "Could not".into())));
        app.take_outcome(EffectOutcome::Quiet);
        assert_eq!(app.message, Some((Tone::Error, "Could not".into())));
        app.take_outcome(EffectOutcome::Backups(Vec::new()));
        assert!(matches!(app.mode, Mode::Backups { selected: 0, .. }));
        app.mode = Mode::Browse;
        app.take_outcome(EffectOutcome::Changes {
            since: "the snapshot of Mon".into(),
            sections: vec![("Added".into(), vec!["x".into()])],
        });
        assert!(
            matches!(&app.mode, Mode::Changes { since, scroll: 0, .. } if since == "the snapshot of Mon")
        );
    }

    #[test]
    fn a_held_save_says_why_and_asks_what_to_do() {
        let mut app = app();
        let theirs = Roadmap::new("theirs");
        app.take_outcome(EffectOutcome::HoldSaves {
            why: "not kept aside".into(),
            roadmap: Box::new(theirs),
        });
        assert!(
            app.session.disk_change.is_some(),
            "saves wait for the answer"
        );
        assert!(matches!(app.mode, Mode::Conflict));
    }
}
