//! `alignmap snapshot` and `alignmap diff`: keep dated copies, and say what changed since.

use super::export::{changes_since, describe};
use super::output::Failure;
use crate::app::Clock;
use crate::storage::{self, snapshot};
use std::path::Path;

/// Takes a snapshot of the roadmap file as it is on disk (or lists them).
pub fn run(roadmap: &Path, label: &str, list: bool, clock: &Clock) -> Result<(), Failure> {
    if list {
        let all = snapshot::list(roadmap).map_err(|e| format!("cannot list the snapshots: {e}"))?;
        if all.is_empty() {
            super::output::out(&format!(
                "No snapshots of {} yet: take one with alignmap snapshot.",
                roadmap.display()
            ));
        }
        for (n, s) in all.iter().enumerate() {
            super::output::out(&format!(
                "{:>4}  {}  {}",
                n + 1,
                s.id,
                describe(&snapshot::Source::Snapshot(s.clone()))
            ));
        }
        return Ok(());
    }
    if !roadmap.exists() {
        return Err(super::no_roadmap_yet(roadmap, None));
    }
    // Read and check it first: a snapshot must be a roadmap that loads.
    let roadmap_now = storage::load(roadmap).map_err(|e| e.to_string())?;
    let text = storage::to_ron(&roadmap_now).map_err(|e| e.to_string())?;
    let now = clock.now().with_timezone(&chrono::Local).naive_local();
    match snapshot::take(roadmap, &text, label, now) {
        Ok(snapshot::Taken::New(s)) => {
            super::output::out(&format!("snapshot {} saved: {}", s.id, s.path.display()));
            Ok(())
        }
        Ok(snapshot::Taken::Unchanged(s)) => {
            super::output::out(&format!(
                "unchanged since snapshot {}: nothing new saved",
                s.id
            ));
            Ok(())
        }
        Err(e) => Err(format!("cannot save the snapshot: {e}").into()),
    }
}

/// Prints what changed from `from` (default: the latest snapshot) to `to` (default: now).
pub fn diff(
    roadmap: &Path,
    from: Option<&str>,
    to: Option<&str>,
    today: chrono::NaiveDate,
) -> Result<(), Failure> {
    if !roadmap.exists() {
        return Err(super::no_roadmap_yet(roadmap, None));
    }
    let to_source = snapshot::resolve(roadmap, to.unwrap_or("now"))?;
    let after = snapshot::load(roadmap, &to_source).map_err(|e| e.to_string())?;
    let after_day = match &to_source {
        snapshot::Source::Snapshot(s) => s.taken.date(),
        _ => today,
    };
    let changes = changes_since(roadmap, from.unwrap_or("latest"), &after, after_day)?;
    super::output::out(&format!(
        "Changes since {} (to {}):",
        changes.since,
        describe(&to_source)
    ));
    if changes.sections.is_empty() {
        super::output::out("  nothing changed");
    }
    for (title, items) in &changes.sections {
        super::output::out(&format!("\n{title}"));
        for item in items {
            super::output::out(&format!(
                "  • {}",
                crate::export::plain(item).replace('\n', " ")
            ));
        }
    }
    Ok(())
}
