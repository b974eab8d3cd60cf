//! The state the saver, the writer thread and the signal thread share: the latest edits to
//! write on a signal, what the file holds, and the lock that lets one write at a time. Here so
//! that the saver and the writer both depend on it rather than on each other.

use crate::domain::Roadmap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

/// What the signal thread and the panic hook need to save safely when the main thread cannot.
/// Every write of the roadmap file holds this lock, so two threads never write at once.
#[derive(Debug, Default)]
pub struct SharedState {
    /// The last committed roadmap not yet on disk.
    pub pending: Option<Roadmap>,
    /// The app's revision of `pending`.
    pub pending_revision: u64,
    /// Hash of the file as this session last read or wrote it.
    pub known_hash: Option<u64>,
    /// The file changed on disk and the user has not decided: never write it.
    pub conflict: bool,
    /// The file as loaded has been backed up this session.
    pub backed_up: bool,
    /// Where recovery copies and drafts go when the roadmap's directory cannot be written.
    pub state_dir: PathBuf,
    /// The session's clock, for the labels of what the signal thread writes.
    pub clock: Option<crate::app::Clock>,
}

/// What the saver shares with its save thread, the signal thread and the panic hook: the state,
/// held only briefly, and a lock that every writer of the roadmap file holds for the whole
/// write, so two threads never write at once while the input thread never waits for a write.
/// The write lock is always taken before the state.
#[derive(Debug, Default)]
pub struct Locks {
    pub(super) state: Mutex<SharedState>,
    writing: Mutex<()>,
}

/// The locks shared with the save thread, the signal thread and the panic hook.
pub type Shared = Arc<Locks>;

impl Locks {
    /// The shared state, starting as `state`, nobody writing.
    pub fn shared(state: SharedState) -> Shared {
        Arc::new(Locks {
            state: Mutex::new(state),
            writing: Mutex::new(()),
        })
    }
}

pub(super) fn lock(shared: &Shared) -> std::sync::MutexGuard<'_, SharedState> {
    shared.state.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Held for the whole of a write of the roadmap file.
pub(super) fn lock_writes(shared: &Shared) -> std::sync::MutexGuard<'_, ()> {
    shared
        .writing
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
}
