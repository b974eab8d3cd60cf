//! `check` and `restore`: looking at a roadmap file and putting a backup back.

use super::output::{Failure, out};
use super::{Cli, roadmap_path};
use crate::storage;
use std::path::Path;

/// `alignmap restore`: lists backups; `alignmap restore N` restores one.
pub(super) fn restore(
    cli: &Cli,
    number: Option<usize>,
    clock: &crate::app::Clock,
) -> Result<(), Failure> {
    let path = roadmap_path(cli, None)?;
    let backups = storage::backup::list(&path).map_err(|e| format!("cannot list backups: {e}"))?;
    let Some(number) = number else {
        if backups.is_empty() {
            out(&format!(
                "No backups of {} yet (they are taken as you edit).",
                path.display()
            ));
            return Ok(());
        }
        out(&format!("Backups of {} (newest first):", path.display()));
        for (n, backup) in backups.iter().enumerate() {
            let holds = match storage::backup::read(backup) {
                Ok(r) => r.size_label(),
                Err(e) => format!(
                    "unreadable: {}",
                    e.to_string().lines().next().unwrap_or_default()
                ),
            };
            out(&format!(
                "{:>4}  {}  {:>9}  {holds}",
                n + 1,
                backup.taken.format("%a %-d %b %Y %H:%M:%S"),
                format!("{:.1} kB", backup.bytes as f64 / 1000.0),
            ));
        }
        out("Restore one with: alignmap restore N (the current file is backed up first).");
        return Ok(());
    };
    let backup = number
        .checked_sub(1)
        .and_then(|i| backups.get(i))
        .ok_or_else(|| {
            Failure::usage(format!(
                "there is no backup {number}; `alignmap restore` lists {} (numbered from 1)",
                backups.len()
            ))
        })?;
    let _lock = super::writer_lock(&path, "alignmap restore")?;
    storage::backup::restore(&path, backup, clock.local_now()).map_err(|e| e.to_string())?;
    out(&format!(
        "Restored the backup of {} into {}; the version it replaced is the newest backup now.",
        backup.taken.format("%a %-d %b %Y %H:%M:%S"),
        path.display()
    ));
    Ok(())
}

pub(super) fn check(cli: &Cli, file: Option<&Path>) -> Result<(), Failure> {
    // A roadmap's name as `list` shows it works too (`check finance` for finance-it.ron).
    let named = file
        .filter(|f| !f.exists())
        .and_then(|f| Some((storage::data_dir(cli.dir.as_deref())?, f.to_str()?)))
        .and_then(|(dir, name)| storage::roadmaps::find(&dir, name));
    let path = match named {
        Some(path) => path,
        None => roadmap_path(cli, file)?,
    };
    let roadmap = storage::load(&path).map_err(|e| e.to_string())?;
    let on_disk = std::fs::read_to_string(&path)
        .ok()
        .and_then(|text| storage::version_on_disk(&text))
        .unwrap_or(roadmap.version);
    let version = if on_disk == roadmap.version {
        format!("schema version {on_disk}")
    } else {
        format!(
            "schema version {on_disk} (read as {}: the next save migrates it)",
            roadmap.version
        )
    };
    let active = roadmap
        .initiatives
        .iter()
        .filter(|i| i.status.is_active())
        .count();
    let described = format!(
        "{}: {version}, {} ({active} active)",
        path.display(),
        roadmap.size_label()
    );
    match roadmap.conflicts.len() {
        0 => {
            out(&format!("ok: {described}"));
            Ok(())
        }
        // A valid file, but not finished: a script or a pre-commit hook should stop here.
        n => Err(format!(
            "{described}; {} waiting from a merge: open it in alignmap to pick a side for each",
            crate::domain::counted(n, "conflict", "conflicts")
        )
        .into()),
    }
}
