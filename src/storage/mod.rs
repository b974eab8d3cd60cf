//! Reading and writing roadmap files: where they live, RON encoding, atomic saves.

mod atomic;
pub mod away;
pub mod backup;
pub mod config;
mod error;
pub mod fingerprint;
pub mod git;
mod lock;
pub mod markers;
pub mod migrate;

mod paths;
pub mod portfolio;
pub mod roadmaps;
mod ronfile;
pub mod snapshot;

pub use atomic::{clean_temp_files, write_atomic};
pub use error::{LoadError, SaveError};
pub use lock::{Lock, Locking, lock_path, try_lock};
pub use paths::{
    DATA_DIR_ENV, ROADMAP_FILE, aside_path, data_dir, dir_of, file_name, hard_links, real_path,
    regular_file, stem, write_protected,
};
pub use roadmaps::roadmap_path;
pub use ronfile::{MAX_FILE_BYTES, from_ron, to_ron, to_ron_value, version_on_disk};

use crate::domain::Roadmap;
pub use fingerprint::Fingerprint;
use std::path::Path;

/// Reads, parses and validates a roadmap file.
pub fn load(path: &Path) -> Result<Roadmap, LoadError> {
    let meta = regular_file(path).map_err(|e| LoadError::io(path, e))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            bytes: meta.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| LoadError::io(path, e))?;
    parse_bytes(path, bytes)
}

/// Saves a roadmap atomically: the file on disk is always the complete old or new version.
/// A roadmap that breaks the consistency rules is refused (it could not be opened again).
pub fn save(path: &Path, roadmap: &Roadmap) -> Result<(), SaveError> {
    save_fingerprinted(path, roadmap).map(|_| ())
}

/// Saves like [`save`] and returns the fingerprint of what was written.
pub fn save_fingerprinted(path: &Path, roadmap: &Roadmap) -> Result<Fingerprint, SaveError> {
    let problems = crate::domain::validate::problems(roadmap);
    if !problems.is_empty() {
        return Err(SaveError::Invalid(problems.join("; ")));
    }
    let text = to_ron(roadmap)?;
    write_atomic(path, text.as_bytes())?;
    Fingerprint::of(path, text.as_bytes()).map_err(|source| SaveError::Io {
        step: "read back",
        path: path.to_path_buf(),
        source,
    })
}

/// Parses bytes read from `path` (size, UTF-8, RON, validation), as [`load`] does.
pub fn parse_bytes(path: &Path, bytes: Vec<u8>) -> Result<Roadmap, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            bytes: bytes.len() as u64,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    from_ron(&text, path)
}

/// What [`open_or_create`] found.
#[derive(Debug)]
pub enum Opened {
    /// An existing file, loaded; with the fingerprint of the bytes read.
    Loaded(Roadmap, Fingerprint),
    /// No file was there; a new empty roadmap was written; with its fingerprint.
    Created(Roadmap, Fingerprint),
}

/// Loads the roadmap at `path`, or creates an empty one there when no file exists yet.
/// A file that exists but cannot be read is reported and never replaced.
pub fn open_or_create(path: &Path, default_name: &str) -> Result<Opened, LoadError> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) => {
            if meta.len() > MAX_FILE_BYTES {
                return Err(LoadError::TooLarge {
                    path: path.to_path_buf(),
                    bytes: meta.len(),
                });
            }
            match fingerprint::read(path).map_err(|e| LoadError::io(path, e))? {
                Some((bytes, print)) => Ok(Opened::Loaded(parse_bytes(path, bytes)?, print)),
                None => Err(LoadError::io(path, std::io::ErrorKind::NotFound.into())),
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let roadmap = Roadmap::new(default_name);
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| LoadError::io(dir, e))?;
            }
            let print = save_fingerprinted(path, &roadmap).map_err(|e| LoadError::Create {
                path: path.to_path_buf(),
                why: e.to_string(),
            })?;
            Ok(Opened::Created(roadmap, print))
        }
        Err(e) => Err(LoadError::io(path, e)),
    }
}
