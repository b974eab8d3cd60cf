//! Backups of a roadmap file in `backups/` beside it: copies (never renames of the main file),
//! named by the local time they were taken, pruned to the newest 20 plus the newest of each of
//! the last 30 days.

use super::atomic::write_atomic;
use super::error::{LoadError, SaveError};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

/// Backups kept regardless of age.
pub const KEEP_RECENT: usize = 20;
/// Days for which the newest backup of each day is kept.
pub const KEEP_DAYS: i64 = 30;

const STAMP: &str = "%Y%m%d-%H%M%S";

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// Where it is.
    pub path: PathBuf,
    /// When it was taken (local time).
    pub taken: NaiveDateTime,
    /// Its size.
    pub bytes: u64,
}

/// The backups folder of a roadmap file.
pub fn backup_dir(roadmap: &Path) -> PathBuf {
    roadmap.with_file_name("backups")
}

use super::paths::stem;

/// The time and same-second sequence number (1, 2 …) in a backup's file name, if it is a
/// backup of `stem`.
fn parse_name(name: &str, stem: &str) -> Option<(NaiveDateTime, u32)> {
    let rest = name
        .strip_prefix(stem)?
        .strip_prefix('-')?
        .strip_suffix(".ron")?;
    let taken = NaiveDateTime::parse_from_str(rest.get(..15)?, STAMP).ok()?;
    match rest.get(15..)? {
        "" => Some((taken, 1)),
        tail => Some((taken, tail.strip_prefix('-')?.parse().ok()?)),
    }
}

/// Every backup of `roadmap`, newest first.
pub fn list(roadmap: &Path) -> io::Result<Vec<Backup>> {
    let dir = backup_dir(roadmap);
    let stem = stem(roadmap);
    let mut found = Vec::new();
    for entry in super::paths::entries(&dir)? {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some((taken, sequence)) = parse_name(&name, &stem) {
            let bytes = entry.metadata()?.len();
            let path = entry.path();
            found.push((taken, sequence, Backup { path, taken, bytes }));
        }
    }
    found.sort_by(|(ta, sa, _), (tb, sb, _)| (tb, sb).cmp(&(ta, sa)));
    Ok(found.into_iter().map(|(_, _, backup)| backup).collect())
}

/// Copies the roadmap file as it is on disk into `backups/`, unless the newest backup already
/// holds the same bytes. Returns the new backup, or None when there was nothing new to keep.
pub fn take(roadmap: &Path, now: NaiveDateTime) -> Result<Option<PathBuf>, SaveError> {
    let io_err = |step: &'static str, path: &Path| {
        let path = path.to_path_buf();
        move |source| SaveError::Io { step, path, source }
    };
    let bytes = match std::fs::read(roadmap) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_err("read", roadmap)(e)),
    };
    let dir = backup_dir(roadmap);
    let existing = list(roadmap).map_err(io_err("list", &dir))?;
    if let Some(newest) = existing.first()
        && std::fs::read(&newest.path).is_ok_and(|b| b == bytes)
    {
        return Ok(None);
    }
    std::fs::create_dir_all(&dir).map_err(io_err("create", &dir))?;
    let base = format!("{}-{}", stem(roadmap), now.format(STAMP));
    let taken: BTreeSet<PathBuf> = existing.into_iter().map(|b| b.path).collect();
    let path = (1..)
        .map(|n| match n {
            1 => dir.join(format!("{base}.ron")),
            n => dir.join(format!("{base}-{n}.ron")),
        })
        .find(|p| !taken.contains(p) && !p.exists())
        .unwrap_or_else(|| dir.join(format!("{base}.ron")));
    write_atomic(&path, &bytes)?;
    Ok(Some(path))
}

/// The backups `prune` would keep: the newest [`KEEP_RECENT`], plus the newest of each day of
/// the last [`KEEP_DAYS`] days. `backups` must be newest first.
pub fn keep(backups: &[Backup], today: NaiveDate) -> Vec<&Backup> {
    let mut days = BTreeSet::new();
    backups
        .iter()
        .enumerate()
        .filter(|(i, b)| {
            let day = b.taken.date();
            let recent_day = (today - day).num_days() < KEEP_DAYS && days.insert(day);
            *i < KEEP_RECENT || recent_day
        })
        .map(|(_, b)| b)
        .collect()
}

/// Deletes the backups [`keep`] does not keep; returns how many went.
pub fn prune(roadmap: &Path, today: NaiveDate) -> io::Result<usize> {
    let all = list(roadmap)?;
    let kept: BTreeSet<&Path> = keep(&all, today)
        .into_iter()
        .map(|b| b.path.as_path())
        .collect();
    let mut removed = 0;
    for backup in &all {
        if !kept.contains(backup.path.as_path()) {
            std::fs::remove_file(&backup.path)?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// What a backup holds, for listings: its roadmap, or why it cannot be read.
pub fn read(backup: &Backup) -> Result<crate::domain::Roadmap, LoadError> {
    super::load(&backup.path)
}

/// Why a backup was not put back.
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    /// The backup does not load: it stays a backup, the file is untouched.
    #[error("backup not restored, it does not load: {0}")]
    DoesNotLoad(LoadError),
    /// The backup cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The backup file.
        path: std::path::PathBuf,
        /// The I/O error.
        source: io::Error,
    },
    /// The current file could not be backed up first, so it was not replaced.
    #[error("not restored: could not back up the current file first ({0})")]
    BackUpFirst(SaveError),
    /// The file could not be replaced.
    #[error(transparent)]
    Write(SaveError),
}

/// The newest backup that loads cleanly, with its roadmap.
pub fn newest_readable(roadmap: &Path) -> Option<(Backup, crate::domain::Roadmap)> {
    list(roadmap)
        .ok()?
        .into_iter()
        .find_map(|b| read(&b).ok().map(|r| (b.clone(), r)))
}

/// Puts a backup's content back as the roadmap file: checks that it loads, backs up the
/// current file first (even an unreadable one), then replaces the file atomically.
/// The caller must hold the writer lock.
pub fn restore(roadmap: &Path, backup: &Backup, now: NaiveDateTime) -> Result<(), RestoreError> {
    read(backup).map_err(RestoreError::DoesNotLoad)?;
    let bytes = std::fs::read(&backup.path).map_err(|source| RestoreError::Read {
        path: backup.path.clone(),
        source,
    })?;
    take(roadmap, now).map_err(RestoreError::BackUpFirst)?;
    write_atomic(roadmap, &bytes).map_err(RestoreError::Write)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn names_parse_only_for_the_right_stem() {
        assert_eq!(
            parse_name("roadmap-20261122-071500.ron", "roadmap"),
            Some((at("2026-11-22 07:15:00"), 1))
        );
        assert_eq!(
            parse_name("roadmap-20261122-071500-12.ron", "roadmap"),
            Some((at("2026-11-22 07:15:00"), 12))
        );
        assert_eq!(parse_name("other-20261122-071500.ron", "roadmap"), None);
        assert_eq!(
            parse_name("roadmap-20261122-071500.ron.tmp", "roadmap"),
            None
        );
        assert_eq!(parse_name("roadmap-2026.ron", "roadmap"), None);
        assert_eq!(parse_name("roadmap-20261122-071500-x.ron", "roadmap"), None);
    }

    #[test]
    fn keeps_the_newest_twenty_and_one_a_day_for_thirty_days() {
        // Four backups a day, newest first, over 60 days.
        let mut backups = Vec::new();
        let start = at("2026-11-22 18:00:00");
        for n in 0..240 {
            let taken = start - chrono::Duration::hours(6 * n);
            backups.push(Backup {
                path: PathBuf::from(format!("b{n}")),
                taken,
                bytes: 1,
            });
        }
        let kept = keep(&backups, start.date());
        let recent = &kept[..KEEP_RECENT];
        assert!(
            recent.iter().zip(&backups).all(|(k, b)| k.path == b.path),
            "the newest 20"
        );
        let older: Vec<_> = kept[KEEP_RECENT..].iter().map(|b| b.taken).collect();
        assert_eq!(
            older.len(),
            25,
            "one per day for the days not already covered: {older:?}"
        );
        assert!(
            older.iter().all(|t| t.format("%H").to_string() == "18"),
            "the newest of each day"
        );
        assert!(
            older
                .iter()
                .all(|t| (start.date() - t.date()).num_days() < KEEP_DAYS)
        );
    }

    #[test]
    fn take_copies_skips_identical_content_and_never_touches_the_original() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("roadmap.ron");
        assert_eq!(
            take(&file, at("2026-11-22 07:00:00")).unwrap(),
            None,
            "nothing to back up yet"
        );
        std::fs::write(&file, "one").unwrap();
        let first = take(&file, at("2026-11-22 07:00:00")).unwrap().unwrap();
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "one");
        assert_eq!(
            take(&file, at("2026-11-22 07:05:00")).unwrap(),
            None,
            "same bytes"
        );
        std::fs::write(&file, "two").unwrap();
        let second = take(&file, at("2026-11-22 07:00:00")).unwrap().unwrap();
        assert_ne!(first, second, "same second gets a suffix");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "two");
        let listed = list(&file).unwrap();
        assert_eq!(listed.len(), 2);
        assert_eq!(
            listed[0].path, second,
            "a later backup in the same second lists first"
        );
    }

    #[test]
    fn a_backup_that_does_not_load_is_not_restored_and_the_file_is_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let roadmap = dir.path().join("roadmap.ron");
        std::fs::write(&roadmap, "the current file").unwrap();
        let broken = dir.path().join("broken.ron");
        std::fs::write(&broken, "Roadmap(").unwrap();
        let backup = Backup {
            path: broken,
            taken: at("2026-11-22 07:15:00"),
            bytes: 8,
        };
        let err = restore(&roadmap, &backup, at("2026-11-22 08:00:00")).unwrap_err();
        assert!(matches!(err, RestoreError::DoesNotLoad(_)), "{err}");
        assert!(
            err.to_string()
                .starts_with("backup not restored, it does not load: ")
        );
        assert_eq!(
            std::fs::read_to_string(&roadmap).unwrap(),
            "the current file"
        );
    }
}
