//! Effects the user asks for that are not saves: keeping a version aside, remembering the
//! theme, listing and restoring backups, filing a handled recovery copy. Each reports back to
//! the app as a message or a mode.

use crate::app::{App, BackupRow, Mode};
use crate::domain::Roadmap;
use crate::storage::aside_path;
use crate::storage::{self, backup};
use std::path::Path;

/// Writes `roadmap` beside the file as `<stem>.<whose>-<time>.ron` and says so. When that
/// fails, nothing may overwrite the file until the user decides: the save is held back as
/// for a change on disk.
pub(super) fn keep_aside(app: &mut App, path: &Path, roadmap: &Roadmap, whose: &str, what: &str) {
    let aside = aside_path(path, whose, app.clock.local_now());
    let written = storage::to_ron(roadmap)
        .map_err(|e| e.to_string())
        .and_then(|text| storage::write_atomic(&aside, text.as_bytes()).map_err(|e| e.to_string()));
    match written {
        Ok(()) => {
            let name = crate::storage::file_name(&aside);
            app.info(format!(
                "{what}. The version it replaced is kept in {name}."
            ));
        }
        Err(e) => {
            app.error(format!(
                "{what}, but the version it replaced could not be kept aside ({e}): not saving until you decide."
            ));
            app.disk_changed(Ok(roadmap.clone()));
        }
    }
}

/// Remembers the theme in `config.ron`, keeping the other settings; a config that cannot be
/// read is reported and left alone.
pub(super) fn save_config(app: &mut App) {
    let Some(path) = app.settings.config_path.clone() else {
        return;
    };
    let mut config = match storage::config::load(&path) {
        Ok(config) => config,
        Err(e) => {
            return app.error(format!(
                "Theme not remembered, the config has a mistake: {e}"
            ));
        }
    };
    config.theme = Some(app.settings.theme);
    if let Err(e) = storage::config::save(&path, &config) {
        app.error(format!("Theme not remembered: {e}"));
    }
}

/// Fills [`Mode::Backups`] with the file's backups, newest first.
pub(super) fn list_backups(app: &mut App, path: &Path) {
    let backups = match backup::list(path) {
        Ok(backups) => backups,
        Err(e) => return app.error(format!("Cannot list the backups: {e}")),
    };
    if backups.is_empty() {
        return app.info("No backups yet: they are taken as you edit (the file as loaded first).");
    }
    let rows = backups
        .iter()
        .map(|b| BackupRow {
            path: b.path.clone(),
            taken: b.taken.format("%a %-d %b %Y %H:%M:%S").to_string(),
            bytes: b.bytes,
            holds: backup::read(b).map(|r| r.size_label()),
        })
        .collect();
    app.mode = Mode::Backups { rows, selected: 0 };
}

/// Backs up the current file, then loads `copy` into the app as an undoable change.
pub(super) fn restore_backup(app: &mut App, path: &Path, copy: &Path) {
    let Some(chosen) = backup::list(path)
        .ok()
        .and_then(|l| l.into_iter().find(|b| b.path == copy))
    else {
        return app.error(format!("{} is gone", copy.display()));
    };
    let roadmap = match backup::read(&chosen) {
        Ok(roadmap) => roadmap,
        Err(e) => return app.error(format!("Not restored: {e}")),
    };
    if let Err(e) = backup::take(path, app.clock.local_now()) {
        return app.error(format!(
            "Not restored: could not back up the current file first ({e})"
        ));
    }
    app.restore_backup(roadmap, &chosen.taken.format("%a %-d %b %H:%M").to_string());
}

/// Moves a handled recovery copy into `backups/`, out of the way of the next start.
pub(super) fn archive(app: &mut App, roadmap: &Path, copy: &Path) {
    let dir = backup::backup_dir(roadmap);
    let moved = std::fs::create_dir_all(&dir).and_then(|()| {
        let to = dir.join(copy.file_name().unwrap_or_default());
        // A copy from the state directory may sit on another filesystem: copy, then remove.
        std::fs::rename(copy, &to)
            .or_else(|_| std::fs::copy(copy, &to).and_then(|_| std::fs::remove_file(copy)))
    });
    if let Err(e) = moved {
        app.error(format!(
            "Could not move {} into backups/: {e}",
            copy.display()
        ));
    }
}
