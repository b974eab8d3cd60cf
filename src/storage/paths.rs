//! Where data lives: `--dir`, then `ALIGNMAP_DIR`, then the platform config dir.

use directories::ProjectDirs;
use std::path::{Path, PathBuf};

/// Environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "ALIGNMAP_DIR";

/// File name of the default roadmap inside the data directory.
pub const ROADMAP_FILE: &str = "roadmap.ron";

/// The file name of `path` without its extension (`roadmap.ron` → `roadmap`), used to name
/// the files kept beside it (lock, backups, copies aside).
pub fn stem(path: &Path) -> String {
    path.file_stem()
        .map_or_else(|| "roadmap".into(), |s| s.to_string_lossy().into_owned())
}

/// A sibling file: `roadmap.ron` + `theirs` → `roadmap.theirs-20261122-071500.ron`, labelled
/// with `at` (the session clock's local time), never the name of a file already there.
pub fn aside_path(path: &Path, what: &str, at: chrono::NaiveDateTime) -> PathBuf {
    super::away::free_name(dir_of(path), &stem(path), what, at)
}

/// The entries of `dir`, none while it does not exist (no backups or snapshots taken yet).
pub(super) fn entries(dir: &Path) -> std::io::Result<Vec<std::fs::DirEntry>> {
    match std::fs::read_dir(dir) {
        Ok(entries) => entries.collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

/// The directory holding `path` (`.` for a bare file name).
pub fn dir_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// The data directory: the explicit one (flag or env, already merged by the CLI) or the
/// platform config dir (`$XDG_CONFIG_HOME/alignmap` on Linux).
pub fn data_dir(explicit: Option<&Path>) -> Option<PathBuf> {
    match explicit {
        Some(dir) => Some(dir.to_path_buf()),
        None => ProjectDirs::from("", "", "alignmap").map(|p| p.config_dir().to_path_buf()),
    }
}

/// The file a roadmap path stands for, with symlinks followed (also a link whose target does
/// not exist yet), so every command locks and writes the same real file and none ever
/// replaces a link with a plain file. One function for the planner and every subcommand.
pub fn real_path(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&at) {
            Ok(target) => at = dir_of(&at).join(target), // an absolute target replaces
            Err(_) => break,
        }
    }
    match (
        at.parent().and_then(|d| std::fs::canonicalize(d).ok()),
        at.file_name(),
    ) {
        (Some(dir), Some(name)) => dir.join(name),
        _ => at,
    }
}

/// The metadata of `path` when it is a regular file (symlinks followed). Anything else is
/// refused before it is opened: a FIFO would block forever, `/dev/zero` never ends, and a
/// directory is no roadmap.
pub fn regular_file(path: &Path) -> std::io::Result<std::fs::Metadata> {
    let meta = std::fs::metadata(path)?;
    if meta.is_file() {
        return Ok(meta);
    }
    let kind = if meta.is_dir() {
        "a directory"
    } else {
        special_kind(&meta)
    };
    Err(std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!("it is {kind}, not a regular file"),
    ))
}

#[cfg(unix)]
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a file"
    }
}

#[cfg(not(unix))]
fn special_kind(_meta: &std::fs::Metadata) -> &'static str {
    "not a file"
}

/// True when `path` exists and its permissions forbid writing it (chmod a-w). Root could
/// write it anyway, and a save renames over it regardless of its mode: alignmap checks.
pub fn write_protected(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly())
}

/// How many names the file has (1 for a file without hard links, or none at all).
#[cfg(unix)]
pub fn hard_links(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).map_or(1, |m| m.nlink())
}

/// How many names the file has (always 1 where that cannot be known).
#[cfg(not(unix))]
pub fn hard_links(_path: &Path) -> u64 {
    1
}

/// The last part of `path` as text (`roadmap.ron`), for messages; empty when there is none.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}
