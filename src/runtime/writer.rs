//! One save of the roadmap file, as a job that runs on its own thread so that typing never
//! waits for the disk: the input thread hands over a copy of the roadmap (cheap: the copy
//! shares every item) and picks up the outcome on a later tick.

use super::shared::{Shared, lock, lock_writes};
use crate::domain::Roadmap;
use crate::storage::{self, Fingerprint, backup, fingerprint};
use chrono::Local;
use std::path::PathBuf;
use std::thread::JoinHandle;

/// What a save needs to know, taken on the input thread.
#[derive(Debug)]
pub struct Job {
    /// The file to write.
    pub path: PathBuf,
    /// The roadmap as it was when the save was asked for.
    pub roadmap: Roadmap,
    /// The app's revision of that roadmap.
    pub revision: u64,
    /// The file as this session last read or wrote it.
    pub known: Option<Fingerprint>,
    /// A backup is due before writing.
    pub backup_due: bool,
    /// The session clock's local time, to label the backup.
    pub at: chrono::NaiveDateTime,
}

/// How a save went.
#[derive(Debug)]
pub enum Outcome {
    /// Written; the file now has this fingerprint.
    Saved {
        /// The revision written.
        revision: u64,
        /// What the file now holds.
        print: Fingerprint,
        /// The roadmap written: the common version for merging a later change on disk.
        roadmap: Box<Roadmap>,
    },
    /// Someone else changed the file since we last saw it: nothing was written.
    ChangedOnDisk,
    /// Not written, for this reason.
    Failed(String),
}

/// A finished save: its outcome, whether it took a backup, and problems worth telling that
/// did not stop it (a backup that could not be pruned, …).
#[derive(Debug)]
pub struct Done {
    /// How it went.
    pub outcome: Outcome,
    /// A backup was taken.
    pub backed_up: bool,
    /// Problems to show.
    pub notes: Vec<String>,
}

/// A save running on its own thread.
#[derive(Debug)]
pub struct Running(JoinHandle<Done>);

impl Running {
    /// Starts `job` on a new thread.
    pub fn start(job: Job, shared: Shared) -> std::io::Result<Running> {
        std::thread::Builder::new()
            .name("alignmap-save".into())
            .spawn(move || write(job, &shared))
            .map(Running)
    }

    /// True when the save has finished (its outcome can be taken without waiting).
    pub fn is_finished(&self) -> bool {
        self.0.is_finished()
    }

    /// Waits for the save to finish and returns how it went.
    pub fn wait(self) -> Done {
        self.0.join().unwrap_or_else(|_| Done {
            outcome: Outcome::Failed("the save stopped unexpectedly".into()),
            backed_up: false,
            notes: Vec::new(),
        })
    }
}

/// Carries out one save: never over a version we have not seen, after a backup when one is
/// due (and always once per session before the first write), holding the write lock shared
/// with the signal thread so that two writers never interleave; the state is locked only
/// for moments, so the input thread can publish its edits meanwhile.
pub fn write(job: Job, shared: &Shared) -> Done {
    let mut done = Done {
        outcome: Outcome::ChangedOnDisk,
        backed_up: false,
        notes: Vec::new(),
    };
    let _writing = lock_writes(shared);
    let backed_up = lock(shared).backed_up;
    let path = &job.path;
    // Compare content, not just metadata.
    match fingerprint::read(path) {
        Ok(current) => {
            let changed = match (&current, &job.known) {
                (Some((_, print)), Some(known)) => print.hash != known.hash,
                (Some(_), None) | (None, Some(_)) => true,
                (None, None) => false,
            };
            if changed {
                return done;
            }
        }
        Err(e) => {
            done.outcome =
                Outcome::Failed(format!("cannot read {} before saving: {e}", path.display()));
            return done;
        }
    }
    if job.backup_due {
        match backup::take(path, job.at) {
            Ok(_) => {
                done.backed_up = true;
                lock(shared).backed_up = true;
                // The real date, not a pretend --today: old backups are judged by the clock.
                if let Err(e) = backup::prune(path, Local::now().date_naive()) {
                    done.notes.push(format!("Could not prune old backups: {e}"));
                }
            }
            Err(e) if !backed_up => {
                // The promise: the file as loaded is copied before the first save.
                done.outcome = Outcome::Failed(format!(
                    "not saved until the file as loaded is backed up ({e})"
                ));
                return done;
            }
            Err(e) => done.notes.push(format!(
                "Backup failed ({e}); saved anyway, the earlier backup stands"
            )),
        }
    }
    done.outcome = match storage::save_fingerprinted(path, &job.roadmap) {
        Ok(print) => {
            let mut state = lock(shared);
            state.known_hash = Some(print.hash);
            if state.pending_revision <= job.revision {
                state.pending = None;
            }
            Outcome::Saved {
                revision: job.revision,
                print,
                roadmap: Box::new(job.roadmap.clone()),
            }
        }
        Err(e) => Outcome::Failed(e.to_string()),
    };
    done
}
