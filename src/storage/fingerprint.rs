//! What a file on disk looked like when we last read or wrote it: its content hash (the
//! judge) and cheap metadata (to decide when re-hashing is worth it).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::io;
use std::path::Path;
use std::time::SystemTime;

/// A file's identity as last seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Hash of the whole content.
    pub hash: u64,
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

/// Hash of some bytes (stable within a process, which is all a fingerprint needs).
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

#[cfg(unix)]
fn inode(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_meta: &std::fs::Metadata) -> u64 {
    0
}

impl Fingerprint {
    /// The fingerprint of `bytes` just read from or written to `path`.
    pub fn of(path: &Path, bytes: &[u8]) -> io::Result<Self> {
        let meta = std::fs::metadata(path)?;
        Ok(Fingerprint {
            hash: content_hash(bytes),
            len: meta.len(),
            modified: meta.modified().ok(),
            inode: inode(&meta),
        })
    }

    /// True when the metadata at `path` still matches (the content then almost surely does;
    /// callers hash before they overwrite anything).
    pub fn metadata_matches(&self, path: &Path) -> bool {
        std::fs::metadata(path).is_ok_and(|meta| {
            meta.len() == self.len
                && meta.modified().ok() == self.modified
                && inode(&meta) == self.inode
        })
    }
}

/// Reads a file and fingerprints it; None when it does not exist. Anything but a regular
/// file is an error, before it is opened.
pub fn read(path: &Path) -> io::Result<Option<(Vec<u8>, Fingerprint)>> {
    match super::regular_file(path).and_then(|_| std::fs::read(path)) {
        Ok(bytes) => {
            let print = Fingerprint::of(path, &bytes)?;
            Ok(Some((bytes, print)))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}
