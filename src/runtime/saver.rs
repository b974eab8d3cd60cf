//! Everything that writes the roadmap file while the app runs: debounced autosave, backups,
//! noticing changes made on disk by others (by content hash), carrying out the user's choice
//! when both sides changed, and the last-resort recovery copy. No terminal here, so it is
//! tested directly.

use super::shared::{Locks, Shared, SharedState, lock, lock_writes};
use super::writer::{self, Done, Job, Running};
use super::{Autosave, effects};
use crate::app::Clock;
use crate::app::{App, Effect, Source};
use crate::domain::Roadmap;
use crate::storage::away::CopyError;
use crate::storage::{self, Fingerprint, backup, fingerprint};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How often the file on disk is looked at for changes by others.
pub const CHECK_EVERY: Duration = Duration::from_secs(1);
/// Backups while editing are taken at most this often (the first save of a session always
/// backs up the file as it was loaded).
pub const BACKUP_EVERY: Duration = Duration::from_secs(10 * 60);

/// Writes the roadmap file for one session.
#[derive(Debug)]
pub struct Saver {
    /// The file to watch (also in a read-only session, which follows the writer's saves).
    path: Option<PathBuf>,
    /// False in a read-only session: watch and reload, never write.
    writable: bool,
    shared: Shared,
    autosave: Autosave,
    last_backup: Option<Instant>,
    known: Option<Fingerprint>,
    last_check: Option<Instant>,
    published: u64,
    /// The autosave being written on its own thread, if any.
    running: Option<Running>,
    /// The writer lock, watched: if its file is deleted and another process locks a new
    /// one, this session stops writing.
    lock: Option<storage::Lock>,
    /// The lock was lost to another writer: unsaved edits end in a recovery copy.
    lost_lock: bool,
    /// The roadmap as this session last read or wrote the file: the common version when
    /// both this session and someone else (a `git pull`) changed it.
    on_disk: Roadmap,
}

/// The last-resort save when the main thread cannot finish (a hung-up terminal makes
/// crossterm spin): writes the pending edits to the file only when that is exactly as safe
/// as a normal save (same content on disk as we last saw, no undecided change, the file as
/// loaded backed up); otherwise, or when that fails, to a recovery copy beside it.
pub fn emergency_save(shared: &Shared, path: Option<&Path>) {
    let _writing = lock_writes(shared);
    let mut state = lock(shared);
    let (Some(path), Some(roadmap)) = (path, state.pending.take()) else {
        return;
    };
    let on_disk = fingerprint::read(path)
        .ok()
        .flatten()
        .map(|(_, print)| print.hash);
    let safe = !state.conflict && on_disk == state.known_hash;
    let at = state.clock.unwrap_or_else(Clock::system).local_now();
    let backed_up = state.backed_up || backup::take(path, at).is_ok();
    if safe && backed_up && storage::save(path, &roadmap).is_ok() {
        return;
    }
    let _ = write_recovery(Some(path), &state.state_dir, &roadmap, at);
}

impl Saver {
    /// A saver for the app's file (none for the demo or a read-only session). `known` is the
    /// file as loaded; when None it is read now.
    pub fn new(app: &App, known: Option<Fingerprint>) -> Self {
        let path = match &app.session.source {
            Source::File(path) => Some(path.clone()),
            Source::Demo => None,
        };
        let writable = app.session.read_only.is_none();
        let known = known.or_else(|| {
            let path = path.as_deref()?;
            fingerprint::read(path)
                .ok()
                .flatten()
                .map(|(_, print)| print)
        });
        let state = SharedState {
            known_hash: known.as_ref().map(|k| k.hash),
            state_dir: storage::away::state_dir(),
            clock: Some(app.clock),
            ..SharedState::default()
        };
        Saver {
            path,
            writable,
            shared: Locks::shared(state),
            autosave: Autosave::default(),
            last_backup: None,
            known,
            last_check: None,
            published: app.session.revision,
            running: None,
            lock: None,
            lost_lock: false,
            on_disk: app.roadmap.clone(),
        }
    }

    /// Watches the writer lock the session holds (see [`Saver::check_lock`]).
    pub fn with_lock(mut self, lock: Option<storage::Lock>) -> Self {
        self.lock = lock;
        self
    }

    /// If the lock file was deleted or replaced, takes a new lock; when another process
    /// holds it by now, stops writing (read-only from here, edits kept for a recovery copy).
    pub fn check_lock(&mut self, app: &mut App) {
        let (Some(lock), Some(path)) = (&self.lock, self.path.clone()) else {
            return;
        };
        if lock.is_current() {
            return;
        }
        let name = storage::file_name(lock.path());
        let who = match storage::try_lock(&path, lock.holder()) {
            Ok(storage::Locking::Acquired(new)) => {
                self.lock = Some(new);
                return;
            }
            Ok(storage::Locking::HeldBy(who)) => who,
            Err(e) => {
                // Cannot lock right now (a passing I/O error): try again at the next check.
                return app.error(format!("Cannot lock {name} again: {e}; retrying"));
            }
        };
        self.lock = None;
        self.writable = false;
        self.lost_lock = true;
        app.lost_the_file(
            format!("{name} was deleted; {who} writes the file now"),
            format!(
                "Stopped saving: {name} was deleted and {who} took the file. Your unsaved edits go to a recovery copy when you quit."
            ),
        );
    }

    /// Puts recovery copies and drafts that cannot go beside the roadmap into `dir` (instead
    /// of the user's state directory).
    pub fn with_state_dir(self, dir: &Path) -> Self {
        lock(&self.shared).state_dir = dir.to_path_buf();
        self
    }

    /// Writes what was typed but could not be kept as an edit to a draft copy beside the
    /// roadmap (or in the state directory), to be reopened at the next start. None when
    /// nothing was typed or there is no file (the demo, which never keeps anything); an
    /// error (with why) when it could be written nowhere, for the caller to show the text.
    pub fn keep_draft(&self, draft: &crate::app::Draft) -> Option<Result<PathBuf, CopyError>> {
        if draft.is_blank() {
            return None;
        }
        // Also after losing the lock: a draft is a file of its own, never the roadmap.
        let path = self.path.as_deref()?;
        let state_dir = lock(&self.shared).state_dir.clone();
        let written = storage::to_ron_value(draft)
            .map_err(CopyError::Encode)
            .and_then(|text| storage::away::write(path, &state_dir, "draft", &text, draft.written));
        Some(written)
    }

    /// The shared last-committed state, for the signal thread.
    pub fn shared(&self) -> Shared {
        std::sync::Arc::clone(&self.shared)
    }

    /// The file written, if any (none in the demo or a read-only session).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref().filter(|_| self.writable)
    }

    /// How long the event loop may sleep before this saver has work.
    pub fn timeout(&self, now: Instant) -> Duration {
        self.autosave.timeout(now)
    }

    /// Work after each event or idle tick: carry out effects, publish the latest state for the
    /// signal thread, look for changes on disk, autosave when due.
    pub fn tick(&mut self, app: &mut App, now: Instant) {
        if self.running.as_ref().is_some_and(Running::is_finished) {
            self.settle(app, now);
        }
        self.run_effects(app);
        self.publish(app);
        if self.running.is_some() {
            return; // the file is being written: look at it and save again afterwards
        }
        if self
            .last_check
            .is_none_or(|t| now.duration_since(t) >= CHECK_EVERY)
        {
            self.last_check = Some(now);
            self.check_lock(app);
            self.check_disk(app);
        }
        if self.autosave.due(
            app.session.unsaved > 0 && app.session.disk_change.is_none(),
            now,
        ) {
            let Some(job) = self.job(app, now) else {
                return self.autosave.saved(true, now);
            };
            match Running::start(job, self.shared()) {
                Ok(running) => self.running = Some(running),
                Err(e) => {
                    app.mark_save_failed(format!("cannot start saving: {e}"));
                    self.autosave.saved(false, now);
                }
            }
        }
    }

    /// Waits for a save running on its own thread, if any, and takes in how it went.
    pub fn settle(&mut self, app: &mut App, now: Instant) {
        if let Some(running) = self.running.take() {
            let ok = self.take_in(app, running.wait(), now);
            self.autosave.saved(ok, now);
        }
    }

    fn publish(&mut self, app: &App) {
        if self.path().is_none() && !self.lost_lock {
            return;
        }
        let mut state = lock(&self.shared);
        // After losing the lock the signal thread may only write a recovery copy.
        state.conflict = app.session.disk_change.is_some() || self.lost_lock;
        if app.session.revision != self.published {
            self.published = app.session.revision;
            state.pending = (app.session.unsaved > 0).then(|| app.roadmap.clone());
            state.pending_revision = app.session.revision;
        }
    }

    /// Records what the file now holds, here and for the signal thread.
    fn set_known(&mut self, print: Option<Fingerprint>) {
        lock(&self.shared).known_hash = print.as_ref().map(|p| p.hash);
        self.known = print;
    }

    /// Looks at the file on disk; reloads it when only others changed it, asks when both did.
    pub fn check_disk(&mut self, app: &mut App) {
        let Some(path) = self.path.clone() else {
            return;
        };
        if app.session.disk_change.is_some() {
            // Already asking; a file that became readable again is offered as theirs.
            if app.session.unsaved == 0 {
                self.reload_if_changed(app, &path);
            }
            return;
        }
        if self
            .known
            .as_ref()
            .is_some_and(|k| k.metadata_matches(&path))
        {
            return;
        }
        self.reload_if_changed(app, &path);
    }

    fn reload_if_changed(&mut self, app: &mut App, path: &Path) {
        let current = match fingerprint::read(path) {
            Ok(current) => current,
            Err(e) => return app.error(format!("Cannot read {} to check it: {e}", path.display())),
        };
        let Some((bytes, print)) = current else {
            if !self.writable {
                return app.error("The file was deleted or moved; showing the last version seen.");
            }
            if self.known.is_some() {
                self.set_known(None);
                app.disk_changed(Err("the file was deleted or moved".into()));
                self.publish(app);
            }
            return;
        };
        if self.known.as_ref().is_some_and(|k| k.hash == print.hash) {
            self.set_known(Some(print)); // touched, not changed
            return;
        }
        let theirs = storage::parse_bytes(path, bytes).map_err(|e| e.to_string());
        let name = storage::file_name(path);
        match theirs {
            Err(e) if !self.writable => {
                self.set_known(Some(print));
                app.error(format!(
                    "{name} changed but cannot be read yet ({e}); showing the last version"
                ));
            }
            Ok(roadmap) if app.session.unsaved == 0 => {
                self.set_known(Some(print));
                self.on_disk = roadmap.clone();
                app.replace_from_disk(roadmap, format!("Reloaded {name}: it changed on disk"));
            }
            theirs => {
                app.disk_changed(theirs);
                self.publish(app);
            }
        }
    }

    /// Writes the roadmap now if it has unsaved edits (after a backup when one is due),
    /// waiting for any save already running. Returns false when it could not, with the reason
    /// shown in the app.
    pub fn save(&mut self, app: &mut App, now: Instant) -> bool {
        self.settle(app, now);
        match self.job(app, now) {
            Some(job) => {
                let done = writer::write(job, &self.shared);
                self.take_in(app, done, now)
            }
            None => true,
        }
    }

    /// What a save of the app's roadmap needs; None when there is nothing to write.
    fn job(&self, app: &App, now: Instant) -> Option<Job> {
        let path = self.path()?.to_path_buf();
        (app.session.unsaved > 0).then(|| Job {
            path,
            roadmap: app.roadmap.clone(),
            revision: app.session.revision,
            known: self.known.clone(),
            backup_due: self
                .last_backup
                .is_none_or(|t| now.duration_since(t) >= BACKUP_EVERY),
            at: app.clock.local_now(),
        })
    }

    /// Takes in how a save went; true when it was written.
    fn take_in(&mut self, app: &mut App, done: Done, now: Instant) -> bool {
        if done.backed_up {
            self.last_backup = Some(now);
        }
        for note in done.notes {
            app.error(note);
        }
        match done.outcome {
            writer::Outcome::Saved {
                revision,
                print,
                roadmap,
            } => {
                self.known = Some(print);
                self.on_disk = *roadmap;
                app.mark_saved(revision, app.clock.local_now().time());
                true
            }
            writer::Outcome::ChangedOnDisk => {
                if let Some(path) = self.path.clone() {
                    self.reload_if_changed(app, &path);
                }
                false
            }
            writer::Outcome::Failed(why) => {
                app.mark_save_failed(why);
                false
            }
        }
    }

    /// Carries out the effects the last key asked for: keep mine / take theirs here (they
    /// end in a save or a reload), the rest in `effects`, whose outcome the app shows.
    fn run_effects(&mut self, app: &mut App) {
        if !app.effects.is_empty() {
            // Effects may write or replace the file: not while a save is running.
            self.settle(app, Instant::now());
        }
        for effect in std::mem::take(&mut app.effects) {
            match (&effect, self.path().map(Path::to_path_buf)) {
                (Effect::KeepMine, Some(path)) => self.keep_mine(app, &path),
                (Effect::TakeTheirs, Some(path)) => self.take_theirs(app, &path),
                (Effect::MergeBoth, Some(path)) => self.merge_both(app, &path),
                _ => {
                    let place = effects::Place {
                        file: self.path.as_deref(),
                        writable: self.writable,
                    };
                    let outcome = effects::run(app, effect, place);
                    app.take_outcome(outcome);
                }
            }
        }
    }

    fn keep_mine(&mut self, app: &mut App, path: &Path) {
        let aside = storage::aside_path(path, "theirs", app.clock.local_now());
        let current = fingerprint::read(path);
        if let Ok(Some((bytes, _))) = &current
            && let Err(e) = storage::write_atomic(&aside, bytes)
        {
            return app.error(format!(
                "Could not save their version aside ({e}); nothing changed"
            ));
        }
        self.set_known(current.ok().flatten().map(|(_, print)| print));
        app.kept_mine();
        if self.save(app, Instant::now()) {
            let name = storage::file_name(&aside);
            app.info(format!("Kept yours. Their version is in {name}."));
        }
    }

    /// Merges the version on disk with this session's edits by item and field, with the
    /// file as this session last saw it as the common version: both people's work stays;
    /// a field both changed waits as a merge conflict. Theirs is kept aside first.
    fn merge_both(&mut self, app: &mut App, path: &Path) {
        let (theirs, print, bytes) = match fingerprint::read(path) {
            Ok(Some((bytes, print))) => match storage::parse_bytes(path, bytes.clone()) {
                Ok(theirs) => (theirs, print, bytes),
                Err(e) => return app.disk_changed(Err(e.to_string())),
            },
            Ok(None) => return app.disk_changed(Err("the file was deleted or moved".into())),
            Err(e) => return app.error(format!("Cannot read their version: {e}")),
        };
        let merged = match crate::merge::merge(&self.on_disk, &app.roadmap, &theirs) {
            Ok(merged) => merged,
            Err(e) => {
                return app.error(format!(
                    "These cannot be merged by item ({e}): keep yours or take theirs."
                ));
            }
        };
        let aside = storage::aside_path(path, "theirs", app.clock.local_now());
        if let Err(e) = storage::write_atomic(&aside, &bytes) {
            return app.error(format!(
                "Could not save their version aside ({e}); nothing changed"
            ));
        }
        self.set_known(Some(print));
        self.on_disk = theirs;
        app.merged_with_disk(merged.roadmap, merged.new_conflicts, &merged.dropped);
        self.save(app, Instant::now());
    }

    fn take_theirs(&mut self, app: &mut App, path: &Path) {
        // Read theirs again now: it may have changed again since the question was asked.
        let (theirs, print) = match fingerprint::read(path) {
            Ok(Some((bytes, print))) => match storage::parse_bytes(path, bytes) {
                Ok(theirs) => (theirs, print),
                Err(e) => return app.disk_changed(Err(e.to_string())),
            },
            Ok(None) => return app.disk_changed(Err("the file was deleted or moved".into())),
            Err(e) => return app.error(format!("Cannot read their version: {e}")),
        };
        let aside = storage::aside_path(path, "mine", app.clock.local_now());
        let written = storage::to_ron(&app.roadmap)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                storage::write_atomic(&aside, text.as_bytes()).map_err(|e| e.to_string())
            });
        if let Err(e) = written {
            return app.error(format!(
                "Could not save your version aside ({e}); nothing changed"
            ));
        }
        self.set_known(Some(print));
        self.on_disk = theirs.clone();
        let name = storage::file_name(&aside);
        app.took_theirs(theirs, format!("Took their version. Yours is in {name}."));
        self.publish(app);
    }

    /// The final save when the session ends. When the file cannot be written (or others
    /// changed it and the user has not decided), the edits go to a recovery copy beside it
    /// (or in the state directory) and its path is returned.
    pub fn finish(&mut self, app: &mut App) -> Result<(), Result<PathBuf, CopyError>> {
        self.settle(app, Instant::now());
        self.check_lock(app);
        if self.lost_lock && app.session.unsaved > 0 {
            return Err(self.recover(&app.roadmap));
        }
        if self.path().is_none() {
            return Ok(());
        }
        // An undecided change on disk (the file deleted, or unreadable, or theirs and ours
        // both changed): what is in memory may be the only copy left, edited or not.
        if app.session.disk_change.is_some() {
            return Err(self.recover(&app.roadmap));
        }
        if app.session.unsaved == 0 || self.save(app, Instant::now()) {
            return Ok(());
        }
        Err(self.recover(&app.roadmap))
    }

    /// Writes `roadmap` to `<stem>.recovery-<time>.ron` beside the file, else in the state dir;
    /// the signal thread then has nothing left to write. Also after the lock was lost: a
    /// recovery copy is a file of its own, never the roadmap.
    pub fn recover(&self, roadmap: &Roadmap) -> Result<PathBuf, CopyError> {
        let mut state = lock(&self.shared);
        let at = state.clock.unwrap_or_else(Clock::system).local_now();
        let copy = write_recovery(self.path.as_deref(), &state.state_dir, roadmap, at);
        if copy.is_ok() {
            state.pending = None;
        }
        copy
    }
}

/// Writes a recovery copy beside `path` (or in `state_dir`, named after the roadmap, when
/// that fails); returns where, or why it could be written nowhere.
pub fn write_recovery(
    path: Option<&Path>,
    state_dir: &Path,
    roadmap: &Roadmap,
    at: chrono::NaiveDateTime,
) -> Result<PathBuf, CopyError> {
    let text = storage::to_ron(roadmap).map_err(CopyError::Encode)?;
    let fallback = state_dir.join("alignmap.ron");
    storage::away::write(path.unwrap_or(&fallback), state_dir, "recovery", &text, at)
}
