//! Opening a roadmap file for an editing session: the writer lock, then load or create.

use crate::domain::Roadmap;
use crate::storage::{self, Locking, Opened};
use std::path::{Path, PathBuf};

/// Adds what happened to the file (nothing) and what to do to a load error.
pub fn not_changed(e: &storage::LoadError) -> String {
    if matches!(e, storage::LoadError::TooNew { .. }) {
        // Not broken: made by a newer alignmap. Editing it by hand would be the mistake.
        return format!("{e}\n\nalignmap did not change the file.");
    }
    format!(
        "{e}\n\nalignmap did not change the file. Fix it in a text editor (`alignmap check` \
         checks it again), or move it aside to start a new roadmap."
    )
}

/// Who holds the lock, for a second instance to show: "alignmap pid 41 on ana-laptop since 09:12".
fn holder_note() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .map_or_else(String::new, |h| format!(" on {h}"));
    let since = chrono::Local::now().format("%a %-d %b %H:%M");
    format!("alignmap pid {}{host} since {since}", std::process::id())
}

/// The roadmap file opened for the TUI, with the lock that makes us its one writer.
pub struct Session {
    /// The roadmap as loaded (empty when the file is new).
    pub roadmap: Roadmap,
    /// The roadmap file.
    pub path: PathBuf,
    /// Our writer lock; None when another process writes the file.
    pub lock: Option<storage::Lock>,
    /// Why this session may not write, if it may not.
    pub read_only: Option<String>,
    /// A note for the status bar (e.g. the file was just created).
    pub note: Option<String>,
    /// The file as loaded, to notice changes made on disk by others.
    pub known: Option<storage::Fingerprint>,
    /// A recovery copy newer than the file, with what it holds and when it was written.
    pub recovery: Option<(PathBuf, Roadmap, String)>,
}

/// The newest readable `<stem>.recovery-*.ron` beside `path`, or kept for it in the state
/// directory (when its own directory could not be written). Handled copies are moved to
/// `backups/`, so any copy still here has not been dealt with, however old it is.
pub fn find_recovery(path: &Path) -> Option<(PathBuf, Roadmap, String)> {
    find_recovery_in(path, &storage::away::state_dir())
}

/// [`find_recovery`] with the state directory given.
pub fn find_recovery_in(path: &Path, state_dir: &Path) -> Option<(PathBuf, Roadmap, String)> {
    let copy = storage::away::find(path, state_dir, "recovery").pop()?;
    let time = std::fs::metadata(&copy).and_then(|m| m.modified()).ok()?;
    let roadmap = storage::load(&copy).ok()?;
    let written = chrono::DateTime::<chrono::Local>::from(time)
        .format("on %a %-d %b at %H:%M")
        .to_string();
    Some((copy, roadmap, written))
}

/// Why a roadmap could not be opened for editing.
#[derive(Debug)]
pub enum OpenError {
    /// The file exists but does not load. We still hold the writer lock, so the caller may
    /// offer to repair it from a backup.
    Unreadable {
        /// What is wrong, with path, line and column.
        error: Box<storage::LoadError>,
        /// Our writer lock.
        lock: Option<storage::Lock>,
        /// The file.
        path: PathBuf,
    },
    /// Anything else, as a message.
    Other(String),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Unreadable { error, .. } => f.write_str(&not_changed(error)),
            OpenError::Other(message) => f.write_str(message),
        }
    }
}

/// Why a repair from a backup did not happen. The roadmap file is unchanged after any of these.
#[derive(Debug, thiserror::Error)]
pub enum RepairError {
    /// The bad file or the backup could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The bad file could not be copied aside, or the backup not written in its place.
    #[error("not repaired: {0}")]
    Write(#[from] storage::SaveError),
    /// The backup no longer opens.
    #[error(transparent)]
    Backup(#[from] storage::LoadError),
}

/// Replaces an unreadable roadmap file with its newest readable backup, after copying the bad
/// file aside as `<stem>.corrupt-<time>.ron`. Returns that copy. Hold the writer lock.
pub fn repair_from_backup(
    path: &Path,
    backup: &storage::backup::Backup,
    at: chrono::NaiveDateTime,
) -> Result<PathBuf, RepairError> {
    let read = |path: &Path| {
        std::fs::read(path).map_err(|source| RepairError::Read {
            path: path.to_path_buf(),
            source,
        })
    };
    let bad = read(path)?;
    let aside = crate::storage::aside_path(path, "corrupt", at);
    storage::write_atomic(&aside, &bad)?;
    storage::backup::read(backup)?;
    let good = read(&backup.path)?;
    storage::write_atomic(path, &good)?;
    Ok(aside)
}

/// Opens the roadmap at `path` for the TUI: takes the writer lock (or opens read-only when
/// another process holds it), then loads the file or creates it. A file that cannot be read is
/// reported and never touched.
pub fn open_file(path: PathBuf) -> Result<Session, OpenError> {
    // Follow a symlinked roadmap (dotfile managers): saves then replace the real file, and
    // every link to it shares one lock.
    let path = storage::real_path(&path);
    if std::fs::metadata(&path).is_ok()
        && let Err(e) = storage::regular_file(&path)
    {
        // Before anything is created beside it (a lock in /dev, say).
        return Err(OpenError::Other(format!(
            "cannot open {}: {e}",
            path.display()
        )));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            OpenError::Other(format!(
                "cannot create the data directory {}: {e}",
                dir.display()
            ))
        })?;
    }
    let name = crate::storage::file_name(&path);
    let (lock, read_only) = match storage::try_lock(&path, &holder_note()) {
        Ok(Locking::Acquired(lock)) => (Some(lock), None),
        Ok(Locking::HeldBy(who)) => (None, Some(format!("{name} is open in {who}"))),
        Err(e) => {
            let lock = storage::lock_path(&path);
            (None, Some(format!("cannot lock {} ({e})", lock.display())))
        }
    };
    // A write-protected roadmap (chmod a-w) is the owner saying "do not change this": the
    // rename of a save would replace it regardless, so open it read-only.
    let (lock, read_only) = match (lock, read_only) {
        (Some(_), None) if storage::write_protected(&path) => (
            None,
            Some(format!(
                "{name} is write-protected (make it writable, e.g. chmod u+w, to edit it)"
            )),
        ),
        // Another name for the same file (a hard link) has a lock of its own, and a save
        // (a rename) would split the names into two files.
        (Some(_), None) if storage::hard_links(&path) > 1 => (
            None,
            Some(format!(
                "{name} has another name (a hard link): remove the other link, or use a symlink, to edit it"
            )),
        ),
        other => other,
    };
    if lock.is_some() {
        // Only the writer may sweep: a live save's temp file belongs to the lock holder.
        let _ = storage::clean_temp_files(&path);
    }
    let (roadmap, note, known) = if read_only.is_some() {
        let roadmap = match std::fs::symlink_metadata(&path) {
            Ok(_) => storage::load(&path).map_err(|e| OpenError::Other(not_changed(&e)))?,
            Err(_) => Roadmap::new("My roadmap"),
        };
        (roadmap, None, None)
    } else {
        let opened = match storage::open_or_create(&path, "My roadmap") {
            Ok(opened) => opened,
            Err(error) => {
                let error = Box::new(error);
                return Err(OpenError::Unreadable { error, lock, path });
            }
        };
        match opened {
            Opened::Loaded(r, print) => (r, None, Some(print)),
            Opened::Created(r, print) => {
                let note = format!("Welcome! Created {}", path.display());
                (r, Some(note), Some(print))
            }
        }
    };
    let recovery = if lock.is_some() {
        find_recovery(&path)
    } else {
        None
    };
    Ok(Session {
        roadmap,
        path,
        lock,
        read_only,
        note,
        known,
        recovery,
    })
}
