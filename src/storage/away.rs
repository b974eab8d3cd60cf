//! Copies kept for a roadmap outside the file itself: recovery copies (edits that could not be
//! saved) and drafts (text typed into a form that was not an edit yet). They go beside the
//! roadmap; when its directory cannot be written, into the user's state directory, named
//! after the roadmap (its stem and a hash of its full path), so that the next start on that
//! roadmap finds them there too. Not the temp directory, which is wiped at reboot, unless
//! the platform has no state or data directory at all.

use super::{SaveError, dir_of, stem, write_atomic};
use chrono::NaiveDateTime;
use directories::ProjectDirs;
use std::path::{Path, PathBuf};

/// Environment variable that overrides the state directory (tests, unusual set-ups).
pub const STATE_DIR_ENV: &str = "ALIGNMAP_STATE_DIR";

/// The state directory: `ALIGNMAP_STATE_DIR`, else the platform's (`$XDG_STATE_HOME/alignmap`,
/// usually `~/.local/state/alignmap`, on Linux; the local data directory elsewhere), else the
/// temp directory as a last resort.
pub fn state_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(STATE_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    ProjectDirs::from("", "", "alignmap")
        .map(|p| {
            p.state_dir()
                .unwrap_or_else(|| p.data_local_dir())
                .to_path_buf()
        })
        .unwrap_or_else(std::env::temp_dir)
}

/// 64-bit FNV-1a: stable across runs and Rust versions (the standard hasher is not).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// How a roadmap is named in the state directory: `roadmap-1f2e…`, after its full path.
pub fn away_stem(roadmap: &Path) -> String {
    let full = std::path::absolute(roadmap).unwrap_or_else(|_| roadmap.to_path_buf());
    let short: String = stem(roadmap).chars().take(40).collect();
    format!(
        "{short}-{:016x}",
        fnv1a(full.as_os_str().as_encoded_bytes())
    )
}

/// The first free name `<stem>.<what>-<stamp>[-n].ron` in `dir`.
pub fn free_name(dir: &Path, stem: &str, what: &str, at: NaiveDateTime) -> PathBuf {
    let base = format!("{stem}.{what}-{}", at.format("%Y%m%d-%H%M%S"));
    (1..1000)
        .map(|n| match n {
            1 => dir.join(format!("{base}.ron")),
            n => dir.join(format!("{base}-{n}.ron")),
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("{base}.ron")))
}

/// Why a copy could be written nowhere: the message names both places tried.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    /// The copy could not be encoded (should not happen for what the app holds).
    #[error(transparent)]
    Encode(SaveError),
    /// Beside the roadmap failed, and the state directory could not be created.
    #[error("{beside}; cannot create {}: {source}", dir.display())]
    NoStateDir {
        /// Why the copy beside the roadmap failed.
        beside: SaveError,
        /// The state directory.
        dir: PathBuf,
        /// Why it could not be created.
        source: std::io::Error,
    },
    /// Both places refused the write.
    #[error("{beside}; {away}")]
    Neither {
        /// Why the copy beside the roadmap failed.
        beside: SaveError,
        /// Why the copy in the state directory failed.
        away: SaveError,
    },
}

/// Writes `text` as a `what` copy of `roadmap` (e.g. "recovery", "draft"): beside it, else in
/// `state_dir`. Returns where, or why it could be written nowhere.
pub fn write(
    roadmap: &Path,
    state_dir: &Path,
    what: &str,
    text: &str,
    at: NaiveDateTime,
) -> Result<PathBuf, CopyError> {
    let beside = free_name(dir_of(roadmap), &stem(roadmap), what, at);
    let first = match write_atomic(&beside, text.as_bytes()) {
        Ok(()) => return Ok(beside),
        Err(e) => e,
    };
    let away = free_name(state_dir, &away_stem(roadmap), what, at);
    if let Err(source) = std::fs::create_dir_all(state_dir) {
        return Err(CopyError::NoStateDir {
            beside: first,
            dir: state_dir.to_path_buf(),
            source,
        });
    }
    write_atomic(&away, text.as_bytes())
        .map(|()| away)
        .map_err(|second| CopyError::Neither {
            beside: first,
            away: second,
        })
}

/// Every `what` copy of `roadmap`, beside it and in `state_dir`, oldest first.
pub fn find(roadmap: &Path, state_dir: &Path, what: &str) -> Vec<PathBuf> {
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
    let places = [
        (dir_of(roadmap).to_path_buf(), stem(roadmap)),
        (state_dir.to_path_buf(), away_stem(roadmap)),
    ];
    for (dir, stem) in places {
        let prefix = format!("{stem}.{what}-");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(&prefix)
                && name.ends_with(".ron")
                && let Ok(modified) = entry.metadata().and_then(|m| m.modified())
            {
                found.push((modified, entry.path()));
            }
        }
    }
    found.sort();
    found.dedup_by(|a, b| a.1 == b.1);
    found.into_iter().map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_that_cannot_go_beside_goes_to_the_state_dir_and_is_found_from_the_roadmap() {
        let dir = tempfile::tempdir().unwrap();
        let state = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone/roadmap.ron"); // its directory does not exist
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_opt(18, 50, 0)
            .unwrap();
        let copy = write(&gone, state.path(), "recovery", "text", at).unwrap();
        assert_eq!(copy.parent(), Some(state.path()));
        let name = copy.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("roadmap-"), "{name}");
        assert!(name.ends_with(".recovery-20261201-185000.ron"), "{name}");
        assert_eq!(find(&gone, state.path(), "recovery"), vec![copy.clone()]);
        let other = dir.path().join("elsewhere/roadmap.ron");
        assert!(
            find(&other, state.path(), "recovery").is_empty(),
            "another roadmap of the same name does not see it"
        );
        assert!(find(&gone, state.path(), "draft").is_empty());
        let beside = write(&dir.path().join("r.ron"), state.path(), "draft", "x", at).unwrap();
        assert_eq!(beside, dir.path().join("r.draft-20261201-185000.ron"));
    }

    #[test]
    fn a_copy_that_can_go_nowhere_says_both_places() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone/roadmap.ron");
        let not_a_dir = dir.path().join("state");
        std::fs::write(&not_a_dir, "a file where the state directory should be").unwrap();
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_opt(18, 50, 0)
            .unwrap();
        let err = write(&gone, &not_a_dir.join("sub"), "recovery", "text", at).unwrap_err();
        let CopyError::NoStateDir {
            beside, dir: named, ..
        } = &err
        else {
            panic!("expected NoStateDir, got {err:?}");
        };
        assert!(matches!(beside, SaveError::Io { .. }), "{beside:?}");
        assert_eq!(named, &not_a_dir.join("sub"));
        let message = err.to_string();
        assert!(
            message.contains("gone"),
            "names the place beside: {message}"
        );
        assert!(message.contains("cannot create"), "{message}");
    }

    #[test]
    fn the_path_hash_is_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
