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

/// The roadmap file to open: `--file` wins, else `roadmap.ron` in the data directory.
pub fn roadmap_path(file: Option<&Path>, dir: Option<&Path>) -> Option<PathBuf> {
    match file {
        Some(file) => Some(file.to_path_buf()),
        None => data_dir(dir).map(|d| d.join(ROADMAP_FILE)),
    }
}
