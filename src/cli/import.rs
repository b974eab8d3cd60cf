//! `alignmap import FILE.csv [--dry-run]`: bring a spreadsheet roadmap in, all or nothing,
//! under the writer lock, after a backup of the file as it was.

use crate::app::Clock;
use crate::domain::IdGen;
use crate::export::import::{Report, apply};
use crate::storage;
use std::path::Path;

/// Imports `csv_path` into the roadmap at `roadmap` (or only says what would change).
pub fn run(
    roadmap: &Path,
    csv_path: &Path,
    dry_run: bool,
    clock: &Clock,
    seed: u64,
) -> Result<(), super::output::Failure> {
    let csv = storage::regular_file(csv_path)
        .and_then(|_| std::fs::read_to_string(csv_path))
        .map_err(|e| format!("cannot read {}: {e}", csv_path.display()))?;
    // A dry run writes nothing: it may look while the planner has the file open.
    let _lock = if dry_run {
        None
    } else {
        Some(super::writer_lock(roadmap, "alignmap import")?)
    };
    let before = if roadmap.exists() {
        storage::load(roadmap).map_err(|e| e.to_string())?
    } else {
        crate::domain::Roadmap::new("IT roadmap")
    };
    let mut ids = IdGen::with_seed(seed);
    let (after, report) =
        apply(&before, &csv, clock.today(), clock.now(), &mut ids).map_err(|errors| {
            let lines: Vec<String> = errors
                .iter()
                .map(|e| format!("{}: {e}", csv_path.display()))
                .collect();
            format!("nothing imported:\n{}", lines.join("\n"))
        })?;
    print_report(&report, dry_run);
    for (title, items) in crate::domain::diff::changes(&before, &after).sections() {
        super::output::out(&format!("\n{title}"));
        for item in items {
            super::output::out(&format!(
                "  • {}",
                crate::export::plain(&item).replace('\n', " ")
            ));
        }
    }
    if dry_run {
        super::output::out("\n(dry run: nothing written)");
        return Ok(());
    }
    if roadmap.exists() {
        storage::backup::take(roadmap, clock.local_now()).map_err(|e| e.to_string())?;
    }
    storage::save(roadmap, &after).map_err(|e| e.to_string())?;
    super::output::out(&format!(
        "\nsaved {} (the version before is in backups/)",
        roadmap.display()
    ));
    Ok(())
}

fn print_report(report: &Report, dry_run: bool) {
    let verb = if dry_run { "would add" } else { "added" };
    let update = if dry_run { "would update" } else { "updated" };
    super::output::out(&format!(
        "{verb} {} initiatives, {update} {}",
        report.added, report.updated
    ));
    if !report.goals_created.is_empty() {
        let create = if dry_run {
            "would create goals"
        } else {
            "created goals"
        };
        super::output::out(&format!("{create}: {}", report.goals_created.join(", ")));
    }
}
