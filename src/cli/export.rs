//! `alignmap export`: write the roadmap as HTML, Markdown, CSV or JSON for people who never
//! open a terminal. Never overwrites a file without `--force`.

use super::output::Failure;
use crate::domain::Roadmap;
use crate::export::{self, ChangesSince, Format, Options};
use crate::storage;
pub use crate::storage::snapshot::describe;
use crate::storage::snapshot::{self, Source};
use chrono::NaiveDate;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What `alignmap export` was asked for.
pub struct Request<'a> {
    /// The roadmap file.
    pub roadmap: &'a Path,
    /// The roadmap to export instead of the file (`--demo`: the sample in memory).
    pub demo: Option<&'a Roadmap>,
    /// html, md, csv or json.
    pub format: Format,
    /// Where to write: a path, `-` for standard output, or None for the default name in the
    /// current directory.
    pub out: Option<&'a Path>,
    /// Leave out internal and confidential fields.
    pub public: bool,
    /// Overwrite an existing file.
    pub force: bool,
    /// The day horizons are derived from.
    pub today: NaiveDate,
    /// Export this snapshot (or `now`, `latest`, a path) instead of the roadmap as it is.
    pub snapshot: Option<&'a str>,
    /// Add a "Changes since" section against this reference.
    pub since: Option<&'a str>,
    /// CSV: the sheet to write (None: initiatives).
    pub sheet: Option<crate::export::sheets::Sheet>,
}

/// Runs the export; returns the path written (None for standard output).
pub fn run(request: &Request) -> Result<Option<PathBuf>, Failure> {
    let source = match request.snapshot {
        Some(reference) => snapshot::resolve(request.roadmap, reference)?,
        None => snapshot::Source::Now,
    };
    let roadmap = match request.demo {
        Some(demo) => demo.clone(),
        None if source == Source::Now && !request.roadmap.exists() => {
            return Err(super::no_roadmap_yet(request.roadmap, Some("export")));
        }
        None => snapshot::load(request.roadmap, &source).map_err(|e| e.to_string())?,
    };
    let changes = match request.since {
        Some(reference) => Some(changes_since(
            request.roadmap,
            reference,
            &roadmap,
            request.today,
        )?),
        None => None,
    };
    let options = Options {
        public: request.public,
        today: request.today,
        changes: changes.as_ref(),
    };
    let text = match (request.sheet, request.format) {
        (Some(sheet), Format::Csv) => export::export_sheet(&roadmap, sheet, options)?,
        (Some(_), _) => {
            return Err(Failure::usage(
                "--sheet is for CSV: a spreadsheet holds the roadmap as four sheets (--format csv --sheet goals|initiatives|kpis|risks)",
            ));
        }
        (None, format) => export::export(&roadmap, format, options)?,
    };
    let default = || match request.sheet {
        Some(sheet) => export::sheet_file_name(&roadmap, sheet, request.today),
        None => export::file_name(&roadmap, request.format, request.today),
    };
    deliver(
        &Delivery {
            roadmap: request.roadmap,
            out: request.out,
            force: request.force,
        },
        default,
        text.as_bytes(),
    )
}

/// Where a document goes and what it may replace.
pub struct Delivery<'a> {
    /// The roadmap it is made from (never overwritten).
    pub roadmap: &'a Path,
    /// `--out`: a path, `-` for standard output, None for `default` in the current directory.
    pub out: Option<&'a Path>,
    /// `--force`: replace an existing file (never a roadmap).
    pub force: bool,
}

/// Writes `bytes` where `to` says (`default()` names the file when no `--out` was given);
/// returns the path written (None for standard output). Text for a terminal loses its
/// control characters; a file or a pipe gets the bytes exactly.
pub fn deliver(
    to: &Delivery,
    default: impl FnOnce() -> String,
    bytes: &[u8],
) -> Result<Option<PathBuf>, Failure> {
    let path = match to.out {
        Some(p) if p == Path::new("-") => {
            use std::io::IsTerminal;
            // Read on a terminal, not by a program: no control character from the data
            // reaches it (a file or a pipe gets the text exactly).
            let safe;
            let bytes = if std::io::stdout().is_terminal() {
                safe = super::output::safe(&String::from_utf8_lossy(bytes));
                safe.as_bytes()
            } else {
                bytes
            };
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(bytes)
                .and_then(|()| stdout.flush())
                .map_err(|e| format!("cannot write to standard output: {e}"))?;
            return Ok(None);
        }
        Some(p) => p.to_path_buf(),
        None => PathBuf::from(default()),
    };
    // A bare file name is written into the current directory.
    let path = if path.parent().is_some_and(|p| p.as_os_str().is_empty()) {
        Path::new(".").join(path)
    } else {
        path
    };
    let path = storage::real_path(&path); // a link's target is written, never the link
    match std::fs::metadata(&path) {
        Ok(meta) if meta.is_dir() => {
            return Err(Failure::usage(format!(
                "{} is a directory: give a file name with --out",
                path.display()
            )));
        }
        // A FIFO, a device, a terminal: stream into it, as `--out -` does.
        Ok(meta) if !meta.is_file() => {
            stream_into(&path, bytes)?;
            return Ok(Some(path));
        }
        Ok(_) => refuse_to_overwrite(&path, to)?,
        Err(_) => {}
    }
    storage::write_atomic(&path, bytes)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    share(&path);
    Ok(Some(path))
}

/// An existing regular file is replaced only with `--force`, and never when it is a roadmap
/// (the one exported, or any file that reads as one, which covers any a planner has open).
fn refuse_to_overwrite(path: &Path, request: &Delivery) -> Result<(), Failure> {
    if storage::real_path(request.roadmap) == path {
        return Err(Failure::usage(format!(
            "{} is the roadmap being exported: choose another --out",
            path.display()
        )));
    }
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
    {
        // A roadmap that does not load, a draft, a recovery copy: all are someone's data.
        return Err(Failure::usage(format!(
            "{} is a .ron file (a roadmap, a draft or a copy of one): exports never replace one; choose another --out",
            path.display()
        )));
    }
    let looks_like_a_roadmap = std::fs::read_to_string(path)
        .ok()
        .and_then(|text| storage::version_on_disk(&text))
        .is_some();
    if looks_like_a_roadmap {
        return Err(Failure::usage(format!(
            "{} is an alignmap roadmap: exports never replace one; choose another --out",
            path.display()
        )));
    }
    if !request.force {
        return Err(Failure::usage(format!(
            "{} already exists: add --force to overwrite it, or choose another --out",
            path.display()
        )));
    }
    Ok(())
}

/// Writes into a FIFO or device as it is (a rename would replace it with a plain file).
fn stream_into(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .and_then(|mut f| f.write_all(bytes))
        .map_err(|e| format!("cannot write to {}: {e}", path.display()).into())
}

/// An export is meant to be shared: readable by others like any file the user creates (the
/// atomic writer makes private files, right for the roadmap itself).
#[cfg(unix)]
fn share(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    // Best effort: the file is written either way.
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644));
}

#[cfg(not(unix))]
fn share(_path: &Path) {}

/// The changes from the roadmap `reference` names to `after`, a version of `today` (work that
/// fell overdue between the snapshot's day and `today` included).
pub fn changes_since(
    roadmap: &Path,
    reference: &str,
    after: &Roadmap,
    today: NaiveDate,
) -> Result<ChangesSince, Failure> {
    let source = snapshot::resolve(roadmap, reference)?;
    let before = snapshot::load(roadmap, &source).map_err(|e| e.to_string())?;
    let then = match &source {
        Source::Snapshot(s) => s.taken.date(),
        _ => today,
    };
    Ok(ChangesSince {
        since: describe(&source),
        sections: crate::domain::diff::changes_between(&before, then, after, today).sections(),
    })
}
