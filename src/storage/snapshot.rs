//! Snapshots: dated, immutable copies of a roadmap in `snapshots/` beside it, taken on
//! purpose (after a planning session) so the next review can show what changed. A snapshot
//! identical to the newest one is not stored twice. Names are built here from a time and a
//! sanitised label, so files land only inside the snapshots folder.

use super::atomic::write_atomic;
use super::error::LoadError;
use super::paths::stem;
use crate::domain::Roadmap;
use chrono::NaiveDateTime;
use std::io;
use std::path::{Path, PathBuf};

const STAMP: &str = "%Y%m%d-%H%M%S";

/// One snapshot file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// Where it is.
    pub path: PathBuf,
    /// Its id: the file name without the roadmap's name and `.ron`, e.g. `20261122-101500-q4`.
    pub id: String,
    /// When it was taken (local time).
    pub taken: NaiveDateTime,
    /// The label given, as sanitised into the name (may be empty).
    pub label: String,
}

/// The snapshots folder of a roadmap file.
pub fn snapshot_dir(roadmap: &Path) -> PathBuf {
    roadmap.with_file_name("snapshots")
}

/// A label as it may appear in a file name: ASCII letters and digits, words joined by `-`,
/// at most 40 characters. Everything else (slashes, dots, spaces, control characters) goes.
pub fn sanitise_label(label: &str) -> String {
    let mut out = String::new();
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-')
        .chars()
        .take(40)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

fn parse(path: &Path, stem: &str) -> Option<Snapshot> {
    let name = path.file_name()?.to_str()?;
    let id = name
        .strip_prefix(stem)?
        .strip_prefix('-')?
        .strip_suffix(".ron")?;
    let taken = NaiveDateTime::parse_from_str(id.get(..15)?, STAMP).ok()?;
    let label = id.get(15..)?.trim_start_matches('-').to_string();
    Some(Snapshot {
        path: path.to_path_buf(),
        id: id.to_string(),
        taken,
        label,
    })
}

/// Every snapshot of `roadmap`, oldest first.
pub fn list(roadmap: &Path) -> io::Result<Vec<Snapshot>> {
    let dir = snapshot_dir(roadmap);
    let stem = stem(roadmap);
    let mut found = Vec::new();
    for entry in super::paths::entries(&dir)? {
        if let Some(s) = parse(&entry.path(), &stem) {
            found.push(s);
        }
    }
    found.sort_by(|a, b| (a.taken, &a.id).cmp(&(b.taken, &b.id)));
    Ok(found)
}

/// What taking a snapshot did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taken {
    /// A new snapshot was written.
    New(Snapshot),
    /// The roadmap is identical to this newest snapshot: nothing written.
    Unchanged(Snapshot),
}

/// Takes a snapshot of `content` (the roadmap as written to its file) at `now`.
pub fn take(roadmap: &Path, content: &str, label: &str, now: NaiveDateTime) -> io::Result<Taken> {
    let existing = list(roadmap)?;
    if let Some(newest) = existing.last()
        && std::fs::read_to_string(&newest.path).is_ok_and(|t| t == content)
    {
        return Ok(Taken::Unchanged(newest.clone()));
    }
    let label = sanitise_label(label);
    let base = match label.as_str() {
        "" => now.format(STAMP).to_string(),
        l => format!("{}-{l}", now.format(STAMP)),
    };
    let dir = snapshot_dir(roadmap);
    std::fs::create_dir_all(&dir)?;
    let stem = stem(roadmap);
    let mut n = 1;
    let path = loop {
        let id = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let path = dir.join(format!("{stem}-{id}.ron"));
        if !path.exists() {
            break path;
        }
        n += 1;
    };
    write_atomic(&path, content.as_bytes()).map_err(|e| io::Error::other(e.to_string()))?;
    make_read_only(&path);
    let snapshot = parse(&path, &stem).ok_or_else(|| io::Error::other("bad snapshot name"))?;
    Ok(Taken::New(snapshot))
}

#[cfg(unix)]
fn make_read_only(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    // Best effort: the name and the dedup already keep snapshots from being rewritten.
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o444));
}

#[cfg(not(unix))]
fn make_read_only(_path: &Path) {}

/// Where a roadmap to compare or export comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The roadmap file as it is now.
    Now,
    /// A snapshot.
    Snapshot(Snapshot),
    /// Any roadmap file the user named.
    File(PathBuf),
}

/// Resolves a reference: `now`, `latest`, a snapshot id (or a unique start of one, or its
/// number in the list, 1 being the oldest), or a path to a roadmap file.
pub fn resolve(roadmap: &Path, reference: &str) -> Result<Source, RefError> {
    let snapshots = list(roadmap).map_err(|e| RefError {
        message: format!("cannot list the snapshots: {e}"),
        unknown: false,
    })?;
    match reference {
        "now" => return Ok(Source::Now),
        "latest" => {
            return snapshots
                .last()
                .cloned()
                .map(Source::Snapshot)
                .ok_or_else(|| {
                    RefError::unknown(
                        "there are no snapshots yet: take one with `alignmap snapshot`",
                    )
                });
        }
        _ => {}
    }
    if let Ok(n) = reference.parse::<usize>()
        && let Some(s) = n.checked_sub(1).and_then(|i| snapshots.get(i))
    {
        return Ok(Source::Snapshot(s.clone()));
    }
    let id = reference.trim_end_matches(".ron");
    let matching: Vec<&Snapshot> = snapshots
        .iter()
        .filter(|s| {
            s.id == id || s.id.starts_with(id) || s.path.file_stem().is_some_and(|f| f == id)
        })
        .collect();
    match matching.as_slice() {
        [one] => return Ok(Source::Snapshot((*one).clone())),
        [] => {}
        many => {
            return Err(RefError::unknown(format!(
                "\"{reference}\" matches {} snapshots: give more of the id",
                many.len()
            )));
        }
    }
    let path = PathBuf::from(reference);
    if path.is_file() {
        Ok(Source::File(path))
    } else {
        Err(RefError::unknown(format!(
            "\"{reference}\" is not now, latest, a snapshot id or a file (list them with `alignmap snapshot --list`)"
        )))
    }
}

/// Why a reference names no version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefError {
    /// What is wrong.
    pub message: String,
    /// True when the reference names nothing (a usage mistake), false when the snapshots
    /// could not be read.
    pub unknown: bool,
}

impl RefError {
    fn unknown(message: impl Into<String>) -> Self {
        RefError {
            message: message.into(),
            unknown: true,
        }
    }
}

impl std::fmt::Display for RefError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<RefError> for String {
    fn from(e: RefError) -> String {
        e.message
    }
}

/// Loads the roadmap a source stands for.
pub fn load(roadmap: &Path, source: &Source) -> Result<Roadmap, LoadError> {
    match source {
        Source::Now => super::load(roadmap),
        Source::Snapshot(s) => super::load(&s.path),
        Source::File(p) => super::load(p),
    }
}

/// Words for where a roadmap came from: "the snapshot of Sun 22 Nov 2026 10:15 (q4-review)".
pub fn describe(source: &Source) -> String {
    match source {
        Source::Now => "now".into(),
        Source::Snapshot(s) => {
            let label = if s.label.is_empty() {
                String::new()
            } else {
                format!(" ({})", s.label)
            };
            format!(
                "the snapshot of {}{label}",
                s.taken.format("%a %-d %b %Y %H:%M")
            )
        }
        // The file's name only: a path on this machine has no place in a shared document.
        Source::File(p) => p.file_name().map_or_else(
            || "a file".to_string(),
            |n| format!("the file {}", n.to_string_lossy()),
        ),
    }
}

/// Every snapshot of `roadmap` that reads, oldest first, and the ids of those that do not
/// (a report leaves them out of its trend and says so).
pub fn history(roadmap: &Path) -> (Vec<(Snapshot, Roadmap)>, Vec<String>) {
    let (mut read, mut unreadable) = (Vec::new(), Vec::new());
    for s in list(roadmap).unwrap_or_default() {
        match load(roadmap, &Source::Snapshot(s.clone())) {
            Ok(r) => read.push((s, r)),
            Err(e) => unreadable.push(format!("{} ({})", s.id, e.headline())),
        }
    }
    (read, unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn labels_cannot_leave_the_folder() {
        assert_eq!(sanitise_label("../../etc/passwd"), "etc-passwd");
        assert_eq!(sanitise_label("Q4 board / final"), "q4-board-final");
        assert_eq!(sanitise_label("\u{1b}[31m日本"), "31m");
        assert_eq!(sanitise_label(&"x".repeat(99)).len(), 40);
    }

    #[test]
    fn identical_content_is_stored_once_and_refs_resolve() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("roadmap.ron");
        let first = take(&file, "A", "Q4 review", at("2026-11-22 10:15:00")).unwrap();
        let Taken::New(first) = first else {
            panic!("new")
        };
        assert_eq!(first.id, "20261122-101500-q4-review");
        assert!(first.path.starts_with(snapshot_dir(&file)));
        let again = take(&file, "A", "other", at("2026-11-23 09:00:00")).unwrap();
        assert_eq!(again, Taken::Unchanged(first.clone()));
        let Taken::New(second) = take(&file, "B", "", at("2026-11-23 09:00:00")).unwrap() else {
            panic!("new")
        };
        assert_eq!(list(&file).unwrap().len(), 2);
        assert_eq!(
            resolve(&file, "latest"),
            Ok(Source::Snapshot(second.clone()))
        );
        assert_eq!(resolve(&file, "1"), Ok(Source::Snapshot(first.clone())));
        assert_eq!(resolve(&file, "20261122"), Ok(Source::Snapshot(first)));
        assert_eq!(resolve(&file, "now"), Ok(Source::Now));
        assert!(
            resolve(&file, "2026")
                .unwrap_err()
                .message
                .contains("matches 2 snapshots")
        );
        assert!(resolve(&file, "nothing-like-it").is_err());
    }
}
