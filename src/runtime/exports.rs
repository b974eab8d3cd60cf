//! The I/O behind the export dialog, snapshots and "what changed since the last snapshot".

use crate::app::{App, EffectOutcome};
use crate::export::sheets::Sheet;
use crate::export::{self, Format, Options};
use crate::storage::{self, snapshot};
use std::path::{Path, PathBuf};

/// Where the TUI writes exports: `exports/` beside the roadmap file.
pub fn export_dir(roadmap: &Path) -> PathBuf {
    roadmap.with_file_name("exports")
}

/// A free file name in `dir`: the dated name, else with `-2`, `-3` … before the extension.
fn free_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    (2..)
        .map(|n| dir.join(format!("{stem}-{n}.{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// Writes the roadmap as shown (public view: public export) and says where it went. CSV
/// is written as its four sheets (goals, initiatives, KPIs, risks), so what goes out to a
/// spreadsheet can come back whole.
pub fn export(app: &App, roadmap: &Path, format: Format) -> EffectOutcome {
    let options = Options {
        public: app.view.public,
        today: app.today,
        changes: None,
    };
    let files: Result<Vec<(String, String)>, export::WriteError> = match format {
        Format::Csv => Sheet::ALL
            .iter()
            .map(|sheet| {
                let text = export::export_sheet(&app.roadmap, *sheet, options)?;
                Ok((
                    export::sheet_file_name(&app.roadmap, *sheet, app.today),
                    text,
                ))
            })
            .collect(),
        _ => export::export(&app.roadmap, format, options)
            .map(|text| vec![(export::file_name(&app.roadmap, format, app.today), text)]),
    };
    let files = match files {
        Ok(files) => files,
        Err(e) => return EffectOutcome::Failed(format!("Export failed: {e}")),
    };
    let dir = export_dir(roadmap);
    let written = match write_files(&dir, files) {
        Ok(written) => written,
        Err(why) => return EffectOutcome::Failed(format!("Export failed: {why}")),
    };
    let public = if app.view.public { "public " } else { "" };
    match written.as_slice() {
        [one] => EffectOutcome::Done(format!(
            "Wrote the {public}{} export to {}",
            format.extension(),
            one.display()
        )),
        many => EffectOutcome::Done(format!(
            "Wrote the {public}CSV export as {} sheets to {} ({})",
            many.len(),
            dir.display(),
            many.iter()
                .filter_map(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Writes `files` (name, text) into `dir`, each under a free name, readable by others (exports
/// are for sharing); returns where, or why not.
pub(super) fn write_files(
    dir: &Path,
    files: Vec<(String, String)>,
) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut written = Vec::new();
    for (name, text) in files {
        let path = free_path(dir, &name);
        storage::write_atomic(&path, text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644));
        }
        written.push(path);
    }
    Ok(written)
}

/// Writes the minutes of this session, public HTML and Markdown, into the exports folder.
pub fn minutes(app: &App, roadmap: &Path) -> EffectOutcome {
    use crate::export::minutes;
    let m = minutes::minutes(&app.session.session_start, &app.roadmap, app.today);
    let files = vec![
        (
            minutes::file_name(&app.roadmap, app.today, Format::Html),
            minutes::to_html(&m),
        ),
        (
            minutes::file_name(&app.roadmap, app.today, Format::Markdown),
            minutes::to_markdown(&m),
        ),
    ];
    let dir = export_dir(roadmap);
    match write_files(&dir, files) {
        Ok(written) => {
            use crate::domain::counted;
            let names: Vec<String> = written
                .iter()
                .filter_map(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect();
            // Where first (exports/ beside the roadmap), then what they hold.
            let changes = m.changes.iter().map(|(_, i)| i.len()).sum();
            EffectOutcome::Done(format!(
                "Minutes (public) in {}: {} · {}, {}, {}",
                dir.display(),
                names.join(" and "),
                counted(changes, "change", "changes"),
                counted(m.decisions.len(), "decision", "decisions"),
                counted(m.actions.len(), "action", "actions"),
            ))
        }
        Err(why) => EffectOutcome::Failed(format!("Minutes not written: {why}")),
    }
}

/// Keeps a snapshot of the roadmap as it is now in the app.
pub fn take_snapshot(app: &App, roadmap: &Path) -> EffectOutcome {
    let text = match storage::to_ron(&app.roadmap) {
        Ok(text) => text,
        Err(e) => return EffectOutcome::Failed(format!("Snapshot failed: {e}")),
    };
    let now = app.clock.now().with_timezone(&chrono::Local).naive_local();
    match snapshot::take(roadmap, &text, "", now) {
        Ok(snapshot::Taken::New(s)) => EffectOutcome::Done(format!(
            "Snapshot {} kept in {} (D shows what changed since)",
            s.id,
            snapshot::snapshot_dir(roadmap).display()
        )),
        Ok(snapshot::Taken::Unchanged(s)) => EffectOutcome::Done(format!(
            "Nothing changed since snapshot {}: none taken.",
            s.id
        )),
        Err(e) => EffectOutcome::Failed(format!("Snapshot failed: {e}")),
    }
}

/// Opens the changes since the latest snapshot.
pub fn changes(app: &App, roadmap: &Path) -> EffectOutcome {
    let latest = match snapshot::resolve(roadmap, "latest") {
        Ok(source) => source,
        Err(_) => {
            return EffectOutcome::Done(
                "No snapshot yet: S takes one (after a session, say).".into(),
            );
        }
    };
    let before = match snapshot::load(roadmap, &latest) {
        Ok(r) => r,
        Err(e) => return EffectOutcome::Failed(format!("Cannot read the snapshot: {e}")),
    };
    let since = match &latest {
        snapshot::Source::Snapshot(s) => {
            format!("the snapshot of {}", s.taken.format("%a %-d %b %Y %H:%M"))
        }
        _ => "the last snapshot".into(),
    };
    let then = match &latest {
        snapshot::Source::Snapshot(s) => s.taken.date(),
        _ => app.today,
    };
    EffectOutcome::Changes {
        since,
        sections: crate::domain::diff::changes_between(&before, then, &app.roadmap, app.today)
            .sections(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Clock, Source};
    use crate::domain::decisions::Decision;
    use chrono::{DateTime, NaiveDate};

    #[test]
    fn the_minutes_go_into_the_exports_folder_as_html_and_markdown() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("roadmap.ron");
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let now = DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let roadmap = crate::sample::sample(today, now).unwrap();
        let mut app = App::builder(roadmap, Clock::fixed(today, now))
            .source(Source::File(file.clone()))
            .build();
        app.roadmap.decisions.push(Decision {
            id: "d-1".into(),
            text: "Go with the SaaS vendor".into(),
            session: today,
            link: None,
            created: now,
        });
        let EffectOutcome::Done(said) = minutes(&app, &file) else {
            panic!("written")
        };
        assert!(
            said.starts_with(&format!(
                "Minutes (public) in {}",
                export_dir(&file).display()
            )) && said.ends_with("· 0 changes, 1 decision, 0 actions"),
            "{said}"
        );
        let exports = dir.path().join("exports");
        for ext in ["html", "md"] {
            let path = exports.join(format!("northwind-it-roadmap-2026-11-22-minutes.{ext}"));
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(text.contains("Go with the SaaS vendor"), "{ext}: {text}");
        }
        let EffectOutcome::Done(again) = minutes(&app, &file) else {
            panic!("written again")
        };
        assert!(
            again.contains("minutes-2.html"),
            "a second copy never overwrites: {again}"
        );
    }
}
