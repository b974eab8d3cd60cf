//! Reading and writing roadmap files: where they live, RON encoding, atomic saves.

mod atomic;
mod error;
mod lock;
mod paths;
mod ronfile;

pub use atomic::write_atomic;
pub use error::{LoadError, SaveError};
pub use lock::{Lock, Locking, lock_path, try_lock};
pub use paths::{DATA_DIR_ENV, ROADMAP_FILE, data_dir, roadmap_path};
pub use ronfile::{MAX_FILE_BYTES, from_ron, to_ron};

use crate::domain::Roadmap;
use std::path::Path;

/// Reads, parses and validates a roadmap file.
pub fn load(path: &Path) -> Result<Roadmap, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| LoadError::io(path, e))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            bytes: meta.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| LoadError::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    from_ron(&text, path)
}

/// Saves a roadmap atomically: the file on disk is always the complete old or new version.
pub fn save(path: &Path, roadmap: &Roadmap) -> Result<(), SaveError> {
    write_atomic(path, to_ron(roadmap)?.as_bytes())
}

/// What [`open_or_create`] found.
#[derive(Debug)]
pub enum Opened {
    /// An existing file, loaded.
    Loaded(Roadmap),
    /// No file was there; a new empty roadmap was written.
    Created(Roadmap),
}

/// Loads the roadmap at `path`, or creates an empty one there when no file exists yet.
/// A file that exists but cannot be read is reported and never replaced.
pub fn open_or_create(path: &Path, default_name: &str) -> Result<Opened, LoadError> {
    match std::fs::symlink_metadata(path) {
        Ok(_) => load(path).map(Opened::Loaded),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let roadmap = Roadmap::new(default_name);
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| LoadError::io(dir, e))?;
            }
            save(path, &roadmap).map_err(|e| LoadError::Create {
                path: path.to_path_buf(),
                why: e.to_string(),
            })?;
            Ok(Opened::Created(roadmap))
        }
        Err(e) => Err(LoadError::io(path, e)),
    }
}
