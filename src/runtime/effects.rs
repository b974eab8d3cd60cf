//! Effects the user asks for that are not saves: exports, snapshots and what changed since,
//! keeping a version aside, remembering the theme, listing and restoring backups, filing a
//! handled recovery copy. Each does its I/O and returns an [`EffectOutcome`]; the app turns that
//! into a message or a mode (`App::take_outcome`). Saving, and the keep-mine / take-theirs
//! answers that end in a save, are the saver's.

use super::exports;
use crate::app::{App, BackupRow, Effect, EffectOutcome, Source};
use crate::domain::Roadmap;
use crate::storage::aside_path;
use crate::storage::{self, backup};
use std::path::Path;

/// Where an effect may read and write: the roadmap file, if there is one, and whether this
/// session may write beside it.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    /// The roadmap file (None for the in-memory demo).
    pub file: Option<&'a Path>,
    /// False when the session is read-only (a snapshot, another writer, a lost lock).
    pub writable: bool,
}

/// Carries out one effect that is not a save. Listing backups, exports and "what changed"
/// only read the roadmap file (exports write beside it, never to it), so a read-only session
/// may do them; the rest need a writable file.
pub fn run(app: &App, effect: Effect, place: Place<'_>) -> EffectOutcome {
    let file = place.file;
    match (&effect, file) {
        (Effect::SaveConfig, _) => return save_config(app),
        (Effect::ListBackups, _) => {
            return match &app.session.source {
                Source::File(file) => list_backups(file),
                Source::Demo => EffectOutcome::Quiet,
            };
        }
        (Effect::ListRoadmaps, Some(file)) => return list_roadmaps(file),
        (Effect::Portfolio, Some(file)) => return portfolio(app, file),
        (Effect::Export(format), Some(file)) => return exports::export(app, file, *format),
        (Effect::Minutes, Some(file)) => return exports::minutes(app, file),
        (Effect::Report, Some(file)) => return super::report::write(app, file),
        (Effect::Changes, Some(file)) => return exports::changes(app, file),
        _ => {}
    }
    let Some(file) = file.filter(|_| place.writable) else {
        return EffectOutcome::Done(
            match (&effect, file) {
                (Effect::Export(_) | Effect::Minutes | Effect::Report, None) => {
                    "The demo has no folder to export into: `alignmap --demo export --format html` writes one."
                }
                (_, None) => "The demo is never saved: nothing is written.",
                _ => "Read-only: that would change files beside the roadmap.",
            }
            .into(),
        );
    };
    match effect {
        Effect::ArchiveRecovery(copy) => archive(file, &copy),
        Effect::RestoreBackup(copy) => restore_backup(app, file, &copy),
        Effect::Snapshot => exports::take_snapshot(app, file),
        Effect::KeepAside {
            roadmap,
            whose,
            what,
        } => keep_aside(app, file, &roadmap, whose, &what),
        // The saver's (KeepMine, TakeTheirs) or handled above.
        Effect::KeepMine
        | Effect::MergeBoth
        | Effect::TakeTheirs
        | Effect::ListBackups
        | Effect::ListRoadmaps
        | Effect::Portfolio
        | Effect::SaveConfig
        | Effect::Export(_)
        | Effect::Minutes
        | Effect::Report
        | Effect::Changes => EffectOutcome::Quiet,
    }
}

/// Writes `roadmap` beside the file as `<stem>.<whose>-<time>.ron` and says so. When that
/// fails, nothing may overwrite the file until the user decides: the save is held back as
/// for a change on disk.
fn keep_aside(app: &App, path: &Path, roadmap: &Roadmap, whose: &str, what: &str) -> EffectOutcome {
    let aside = aside_path(path, whose, app.clock.local_now());
    let written = storage::to_ron(roadmap)
        .map_err(|e| e.to_string())
        .and_then(|text| storage::write_atomic(&aside, text.as_bytes()).map_err(|e| e.to_string()));
    match written {
        Ok(()) => {
            let name = crate::storage::file_name(&aside);
            EffectOutcome::Done(format!(
                "{what}. The version it replaced is kept in {name}."
            ))
        }
        Err(e) => EffectOutcome::HoldSaves {
            why: format!(
                "{what}, but the version it replaced could not be kept aside ({e}): not saving until you decide."
            ),
            roadmap: Box::new(roadmap.clone()),
        },
    }
}

/// Remembers the theme in `config.ron`, keeping the other settings; a config that cannot be
/// read is reported and left alone.
fn save_config(app: &App) -> EffectOutcome {
    let Some(path) = app
        .settings
        .config_path
        .as_deref()
        .filter(|_| !app.is_demo())
    else {
        return EffectOutcome::Quiet;
    };
    let mut config = match storage::config::load(path) {
        Ok(config) => config,
        Err(e) => {
            return EffectOutcome::Failed(format!(
                "Theme not remembered, the config has a mistake: {e}"
            ));
        }
    };
    config.theme = Some(app.settings.theme);
    match storage::config::save(path, &config) {
        Ok(()) => EffectOutcome::Quiet,
        Err(e) => EffectOutcome::Failed(format!("Theme not remembered: {e}")),
    }
}

/// The file's backups, newest first.
/// The roadmaps in the folder of `file` (links followed, so the open one is recognised).
fn list_roadmaps(file: &Path) -> EffectOutcome {
    let dir = file.parent().unwrap_or(Path::new("."));
    match storage::roadmaps::listed(dir) {
        Ok(rows) => EffectOutcome::Roadmaps(rows.iter().map(roadmap_row).collect()),
        Err(why) => EffectOutcome::Failed(why),
    }
}

/// The roadmaps in the folder of `file` rolled up against its `portfolio.ron` as of today
/// (this session's roadmap as in memory, so unsaved edits count).
fn portfolio(app: &App, file: &Path) -> EffectOutcome {
    let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
    let open = storage::file_name(file);
    let (company, units) =
        match storage::portfolio::read_portfolio(&dir, Some((&open, &app.roadmap))) {
            Ok(read) => read,
            Err(why) => return EffectOutcome::Failed(why),
        };
    let rollup = crate::domain::portfolio::rollup(&company, &units, app.today);
    EffectOutcome::Portfolio {
        rollup: Box::new(rollup),
        dir,
    }
}

/// A listed roadmap as the switcher shows it: what needs doing first (conflicts, a recovery
/// copy, git), then its size and when it was saved.
fn roadmap_row(listed: &storage::roadmaps::Listed) -> crate::app::RoadmapRow {
    let mut facts = storage::roadmaps::remarks(listed);
    let name = match &listed.holds {
        Ok((name, size)) => {
            facts.push(size.clone());
            Ok(name.clone())
        }
        Err(why) => Err(why.clone()),
    };
    facts.extend(listed.saved.as_ref().map(|s| format!("saved {s}")));
    crate::app::RoadmapRow {
        path: storage::real_path(&listed.path),
        file: storage::file_name(&listed.path),
        name,
        facts,
    }
}

fn list_backups(path: &Path) -> EffectOutcome {
    let backups = match backup::list(path) {
        Ok(backups) => backups,
        Err(e) => return EffectOutcome::Failed(format!("Cannot list the backups: {e}")),
    };
    if backups.is_empty() {
        return EffectOutcome::Done(
            "No backups yet: they are taken as you edit (the file as loaded first).".into(),
        );
    }
    EffectOutcome::Backups(
        backups
            .iter()
            .map(|b| BackupRow {
                path: b.path.clone(),
                taken: b.taken.format("%a %-d %b %Y %H:%M:%S").to_string(),
                bytes: b.bytes,
                holds: backup::read(b)
                    .map(|r| r.size_label())
                    .map_err(|e| e.to_string()),
            })
            .collect(),
    )
}

/// Backs up the current file, then reads `copy` back, to load as an undoable change.
fn restore_backup(app: &App, path: &Path, copy: &Path) -> EffectOutcome {
    let Some(chosen) = backup::list(path)
        .ok()
        .and_then(|l| l.into_iter().find(|b| b.path == copy))
    else {
        return EffectOutcome::Failed(format!("{} is gone", copy.display()));
    };
    let roadmap = match backup::read(&chosen) {
        Ok(roadmap) => roadmap,
        Err(e) => return EffectOutcome::Failed(format!("Not restored: {e}")),
    };
    if let Err(e) = backup::take(path, app.clock.local_now()) {
        return EffectOutcome::Failed(format!(
            "Not restored: could not back up the current file first ({e})"
        ));
    }
    EffectOutcome::Restore {
        roadmap: Box::new(roadmap),
        taken: chosen.taken.format("%a %-d %b %H:%M").to_string(),
    }
}

/// Moves a handled recovery copy into `backups/`, out of the way of the next start.
fn archive(roadmap: &Path, copy: &Path) -> EffectOutcome {
    let dir = backup::backup_dir(roadmap);
    let moved = std::fs::create_dir_all(&dir).and_then(|()| {
        let to = dir.join(copy.file_name().unwrap_or_default());
        // A copy from the state directory may sit on another filesystem: copy, then remove.
        std::fs::rename(copy, &to)
            .or_else(|_| std::fs::copy(copy, &to).and_then(|_| std::fs::remove_file(copy)))
    });
    match moved {
        Ok(()) => EffectOutcome::Quiet,
        Err(e) => EffectOutcome::Failed(format!(
            "Could not move {} into backups/: {e}",
            copy.display()
        )),
    }
}
