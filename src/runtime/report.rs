//! The I/O behind the review report: the snapshots it compares with and draws its promise
//! trend from, and writing it from the app into the exports folder.

use super::exports::{export_dir, write_files};
use crate::app::{App, EffectOutcome};
use crate::export::report::html::Paper;
use crate::export::report::{self, Inputs, Version};
use crate::storage::snapshot::{self, Source, describe};
use std::path::Path;

/// The snapshots of `roadmap` as report versions, oldest first, and the ones that do not
/// read ("20261001-170000 (why)"): a report leaves those out of its trend and says so.
pub fn versions(roadmap: &Path) -> (Vec<Version>, Vec<String>) {
    let (read, unreadable) = snapshot::history(roadmap);
    let versions = read
        .into_iter()
        .map(|(s, roadmap)| Version {
            id: s.id.clone(),
            day: s.taken.date(),
            words: describe(&Source::Snapshot(s)),
            roadmap,
        })
        .collect();
    (versions, unreadable)
}

/// Writes the review report of the roadmap as the app holds it (public view: the public
/// report) as HTML into the exports folder, compared with the latest snapshot before today.
pub fn write(app: &App, roadmap: &Path) -> EffectOutcome {
    let (history, unreadable) = versions(roadmap);
    let built = report::build(
        &app.roadmap,
        &Inputs {
            today: app.today,
            public: app.view.public,
            since: report::default_since(&app.roadmap, &history, app.today),
            history: &history,
        },
    );
    let name = report::file_name(&app.roadmap, app.today, "html");
    let dir = export_dir(roadmap);
    let page = report::html::page(&built, Paper::A4);
    match write_files(&dir, vec![(name, page)]) {
        Ok(written) => {
            let public = if app.view.public { "public " } else { "" };
            let left_out = if unreadable.is_empty() {
                String::new()
            } else {
                format!(
                    " ({} unreadable snapshot{} left out of the trend)",
                    unreadable.len(),
                    if unreadable.len() == 1 { "" } else { "s" }
                )
            };
            let path = written
                .first()
                .map_or_else(|| dir.display().to_string(), |p| p.display().to_string());
            EffectOutcome::Done(format!(
                "Wrote the {public}review report, since {}, to {path}{left_out}",
                built.since.words
            ))
        }
        Err(why) => EffectOutcome::Failed(format!("Report not written: {why}")),
    }
}
