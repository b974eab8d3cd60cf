//! One writer per roadmap file: an advisory lock on `<stem>.lock` beside it (never on the data
//! file itself, which is replaced by rename on every save). The OS drops the lock when the
//! holder dies, so a stale lock of a crashed process is simply taken over.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// A held lock; released when dropped (or when the process ends, however it ends).
#[derive(Debug)]
pub struct Lock {
    file: File,
    path: PathBuf,
    holder: String,
}

impl Lock {
    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Who holds it, as noted in the file.
    pub fn holder(&self) -> &str {
        &self.holder
    }

    /// True while the lock file at its path is still the one we locked. Someone deleting
    /// or replacing it would let a second writer lock a new file of that name.
    pub fn is_current(&self) -> bool {
        match (std::fs::metadata(&self.path), self.file.metadata()) {
            (Ok(there), Ok(ours)) => same_file(&there, &ours),
            _ => false,
        }
    }
}

impl Drop for Lock {
    /// Removes the lock file while still holding it, so no `.lock` is left beside the
    /// roadmap once the writer is gone. A process that opened it just before then finds,
    /// once it gets the lock, that the file is no longer at the path, and tries again.
    fn drop(&mut self) {
        if self.is_current() {
            // Best effort: a lock file left behind is harmless (the next writer takes it).
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(_a: &std::fs::Metadata, _b: &std::fs::Metadata) -> bool {
    true
}

/// What trying to lock found.
#[derive(Debug)]
pub enum Locking {
    /// We are the writer.
    Acquired(Lock),
    /// Another live process holds the lock; its note says who (pid, host, since when).
    HeldBy(String),
}

/// The lock file for a roadmap file: `roadmap.ron` → `roadmap.lock`.
pub fn lock_path(roadmap: &Path) -> PathBuf {
    roadmap.with_file_name(format!("{}.lock", super::paths::stem(roadmap)))
}

/// Tries to become the one writer of `roadmap`, noting `holder` (e.g. "pid 41 on host-a since
/// 09:12") in the lock file for a second instance to show.
pub fn try_lock(roadmap: &Path, holder: &str) -> std::io::Result<Locking> {
    // The lock file may be removed by the writer leaving between our open and our lock:
    // then what we locked is no longer at the path, and we open the new one.
    for _ in 0..8 {
        match try_lock_once(roadmap, holder)? {
            Some(locking) => return Ok(locking),
            None => continue,
        }
    }
    Err(std::io::Error::other(format!(
        "{} keeps being replaced while we try to lock it",
        lock_path(roadmap).display()
    )))
}

/// One attempt; None when the file we locked was removed from the path meanwhile.
fn try_lock_once(roadmap: &Path, holder: &str) -> std::io::Result<Option<Locking>> {
    let path = lock_path(roadmap);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)?;
    match file.try_lock() {
        Ok(()) => {
            let lock = Lock {
                file,
                path,
                holder: holder.to_string(),
            };
            if !lock.is_current() {
                // Dropping it removes nothing: what is at the path now is not ours.
                return Ok(None);
            }
            let mut file = &lock.file;
            file.set_len(0)?;
            file.seek(SeekFrom::Start(0))?;
            file.write_all(holder.as_bytes())?;
            file.sync_all()?;
            Ok(Some(Locking::Acquired(lock)))
        }
        Err(TryLockError::WouldBlock) => {
            let mut note = String::new();
            file.read_to_string(&mut note)?;
            let note = note.trim();
            Ok(Some(Locking::HeldBy(if note.is_empty() {
                "another alignmap process".into()
            } else {
                note.chars().filter(|c| !c.is_control()).take(200).collect()
            })))
        }
        Err(TryLockError::Error(e)) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_and_names_the_holder_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("roadmap.ron");
        let Locking::Acquired(first) = try_lock(&file, "pid 1 on test").unwrap() else {
            panic!("first lock must succeed")
        };
        assert_eq!(first.path(), dir.path().join("roadmap.lock"));
        match try_lock(&file, "pid 2 on test").unwrap() {
            Locking::HeldBy(note) => assert_eq!(note, "pid 1 on test"),
            Locking::Acquired(_) => panic!("two writers"),
        }
        drop(first);
        assert!(
            !dir.path().join("roadmap.lock").exists(),
            "the writer leaving takes its lock file away"
        );
        assert!(
            matches!(try_lock(&file, "pid 3").unwrap(), Locking::Acquired(_)),
            "taken over"
        );
    }

    #[test]
    fn a_lock_held_on_a_removed_file_does_not_block_the_file_at_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("roadmap.ron");
        // Someone opened the lock file of a writer that has since left (and removed it).
        let stale = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(lock_path(&file))
            .unwrap();
        std::fs::remove_file(lock_path(&file)).unwrap();
        stale.try_lock().unwrap();
        let Locking::Acquired(ours) = try_lock(&file, "pid 2").unwrap() else {
            panic!("the file at the path is free")
        };
        assert!(ours.is_current());
        drop(stale);
    }

    #[test]
    fn a_deleted_or_replaced_lock_file_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("roadmap.ron");
        let Locking::Acquired(ours) = try_lock(&file, "pid 1").unwrap() else {
            panic!("first lock must succeed")
        };
        assert!(ours.is_current());
        std::fs::remove_file(ours.path()).unwrap();
        assert!(!ours.is_current(), "deleted");
        let Locking::Acquired(theirs) = try_lock(&file, "pid 2").unwrap() else {
            panic!("a new file of that name locks")
        };
        assert!(!ours.is_current(), "replaced by another's");
        assert!(theirs.is_current());
    }
}
