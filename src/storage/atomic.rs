//! Crash-safe file replacement: temp file in the same directory, write, fsync, rename, fsync dir.

use super::error::SaveError;
use std::io::Write;
use std::path::Path;

/// Replaces `path` with `bytes` so that, whatever happens (crash, full disk, kill -9), the file
/// is either the complete old version or the complete new one. A failed write removes its
/// temp file and leaves the old file untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let dir = super::paths::dir_of(path);
    let io = |step: &'static str, p: &Path| {
        let p = p.to_path_buf();
        move |source| SaveError::Io {
            step,
            path: p,
            source,
        }
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io("create a temp file in", dir))?;
    if let Ok(meta) = std::fs::metadata(path) {
        // Keep the user's permissions on the replaced file; failure here is not fatal.
        let _ = tmp.as_file().set_permissions(meta.permissions());
    }
    tmp.write_all(bytes).map_err(io("write", tmp.path()))?;
    tmp.flush().map_err(io("write", tmp.path()))?;
    tmp.as_file()
        .sync_all()
        .map_err(io("flush to disk", tmp.path()))?;
    tmp.persist(path)
        .map_err(|e| io("rename onto", path)(e.error))?;
    sync_dir(dir).map_err(io("flush the directory", dir))
}

/// Removes temp files a killed save left beside `path` (`.<name>.*.tmp`). Call only while
/// holding the writer lock, so no live save's temp file is taken. Returns how many went.
pub fn clean_temp_files(path: &Path) -> std::io::Result<usize> {
    let dir = super::paths::dir_of(path);
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Ok(0);
    };
    let prefix = format!(".{name}.");
    let mut removed = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let file = entry.file_name().to_string_lossy().into_owned();
        if file.starts_with(&prefix) && file.ends_with(".tmp") && entry.file_type()?.is_file() {
            std::fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}
