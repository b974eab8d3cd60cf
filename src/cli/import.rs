//! `alignmap import FILE [--dry-run] [--replace]`: bring a roadmap in, all or nothing, under
//! the writer lock, after a backup of the file as it was. A CSV sheet is applied to the
//! roadmap (rows with a known id update, others add); a JSON export replaces it whole.

use super::output::Failure;
use crate::app::Clock;
use crate::domain::{IdGen, Roadmap, counted};
use crate::export::import::Report;
use crate::export::sheets::{Sheet, apply_sheet_mapped};
use crate::export::table::Mapping;
use crate::storage;
use std::path::{Path, PathBuf};

/// What `alignmap import` was asked for.
pub struct Request<'a> {
    /// The roadmap file written.
    pub roadmap: &'a Path,
    /// The files read: one JSON export, or CSV sheets (applied goals first, then
    /// initiatives, KPIs and risks, whatever order they are given in).
    pub files: &'a [PathBuf],
    /// Only say what would change.
    pub dry_run: bool,
    /// JSON: replace a roadmap that holds something.
    pub replace: bool,
    /// CSV: which sheet (None: told from the header row).
    pub sheet: Option<Sheet>,
    /// A name for the roadmap (exports take their titles and file names from it).
    pub name: Option<&'a str>,
    /// CSV: the sheets' own column names and status words.
    pub mapping: &'a Mapping,
}

fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

fn read(file: &Path) -> Result<String, Failure> {
    let bytes = storage::regular_file(file)
        .and_then(|_| std::fs::read(file))
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        Failure::from(format!(
            "cannot read {}: {}",
            file.display(),
            crate::export::table::not_utf8(e.as_bytes())
        ))
    })
}

/// Refuses flag and file combinations that cannot mean anything.
fn check_request(request: &Request) -> Result<(), super::output::Failure> {
    let usage = |m: &str| Err(super::output::Failure::usage(m.to_string()));
    let json = request.files.iter().any(|f| is_json(f));
    if json && request.files.len() > 1 {
        return usage("a JSON export is a whole roadmap: import it on its own");
    }
    if request.sheet.is_some() && (json || request.files.len() > 1) {
        return usage(
            "--sheet names the sheet of one CSV file; several are told apart by their header rows",
        );
    }
    if request.name.is_some_and(|n| n.trim().is_empty()) {
        return usage("--name needs a name, e.g. --name \"Northwind IT roadmap\"");
    }
    let mapped = !request.mapping.columns.is_empty()
        || !request.mapping.ignore.is_empty()
        || !request.mapping.statuses.is_empty();
    if json && mapped {
        return usage(
            "--map, --ignore and --status are for CSV sheets; a JSON export has alignmap's own names",
        );
    }
    if request.replace && !json {
        return usage(
            "--replace is for a JSON export, which is a whole roadmap; a CSV sheet is added to the roadmap",
        );
    }
    Ok(())
}

/// Imports the files into the roadmap, all or nothing (or only says what would change).
pub fn run(request: &Request, clock: &Clock, seed: u64) -> Result<(), super::output::Failure> {
    check_request(request)?;
    let roadmap = request.roadmap;
    let mut texts = Vec::new();
    for file in request.files {
        texts.push((file.as_path(), read(file)?));
    }
    // A dry run writes nothing: it may look while the planner has the file open.
    let _lock = if request.dry_run {
        None
    } else {
        // A first import creates the data directory, as the planner's first run does.
        if let Some(dir) = roadmap.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        Some(super::writer_lock(roadmap, "alignmap import")?)
    };
    let existed = roadmap.exists();
    let before = if existed {
        storage::load(roadmap).map_err(|e| e.to_string())?
    } else {
        Roadmap::new("IT roadmap")
    };
    let mut after = match texts.as_slice() {
        [(file, text)] if is_json(file) => from_json(&before, file, text, request)?,
        _ => from_sheets(&before, &texts, request, clock, seed)?,
    };
    if let Some(name) = request.name {
        after.name = name.trim().to_string();
    }
    for (title, items) in crate::domain::diff::changes(&before, &after).sections() {
        super::output::out(&format!("\n{title}"));
        for item in items {
            super::output::out(&format!(
                "  • {}",
                crate::export::plain(&item).replace('\n', " ")
            ));
        }
    }
    if request.dry_run {
        super::output::out("\n(dry run: nothing written)");
        return Ok(());
    }
    if existed && after == before {
        super::output::out("\nnothing changed: the roadmap is as it was (not written again)");
        return Ok(());
    }
    if existed {
        storage::backup::take(roadmap, clock.local_now()).map_err(|e| e.to_string())?;
    }
    storage::save(roadmap, &after).map_err(|e| e.to_string())?;
    let before_note = if existed {
        " (the version before is in backups/)"
    } else {
        " (a new roadmap)"
    };
    super::output::out(&format!("\nsaved {}{before_note}", roadmap.display()));
    Ok(())
}

/// Applies CSV sheets in the order goals, initiatives, KPIs, risks, each to the result of
/// the one before; any problem in any of them and nothing is imported.
fn from_sheets(
    before: &Roadmap,
    texts: &[(&Path, String)],
    request: &Request,
    clock: &Clock,
    seed: u64,
) -> Result<Roadmap, super::output::Failure> {
    let mut sheets: Vec<(Sheet, &Path, &str)> = texts
        .iter()
        .map(|(file, text)| {
            let sheet = request
                .sheet
                .unwrap_or_else(|| Sheet::detect(text, request.mapping));
            (sheet, *file, text.as_str())
        })
        .collect();
    sheets.sort_by_key(|(sheet, ..)| Sheet::ALL.iter().position(|s| s == sheet));
    for pair in sheets.windows(2) {
        if pair[0].0 == pair[1].0 {
            return Err(super::output::Failure::usage(format!(
                "{} and {} are both {} sheets: import one at a time",
                pair[0].1.display(),
                pair[1].1.display(),
                pair[0].0.name()
            )));
        }
    }
    // A column to map or leave out that no sheet has is a typo: say so.
    let headers: Vec<String> = sheets
        .iter()
        .flat_map(|(_, _, text)| {
            let header = text
                .trim_start_matches('\u{feff}')
                .lines()
                .next()
                .unwrap_or("");
            header
                .split([',', ';'])
                .map(|h| h.trim().trim_matches('"').to_lowercase())
                .collect::<Vec<_>>()
        })
        .collect();
    let named = request
        .mapping
        .columns
        .iter()
        .map(|(from, _)| ("--map", from));
    let ignored = request.mapping.ignore.iter().map(|c| ("--ignore", c));
    for (flag, column) in named.chain(ignored) {
        if !headers.contains(column) {
            return Err(super::output::Failure::usage(format!(
                "{flag} {column}: no sheet has a column {column}"
            )));
        }
    }
    let mut ids = IdGen::with_seed(seed);
    let mut roadmap = before.clone();
    let when = (clock.today(), clock.now());
    let last_sheet = sheets.last().map_or(Sheet::Initiatives, |s| s.0);
    let mut reports = Vec::new();
    for (sheet, file, text) in sheets {
        let (next, report) =
            apply_sheet_mapped(&roadmap, sheet, text, when, &mut ids, request.mapping).map_err(
                |errors| {
                    let lines: Vec<String> = errors
                        .iter()
                        .map(|e| format!("{}: {e}", file.display()))
                        .collect();
                    let later = if sheet == last_sheet {
                        ""
                    } else {
                        "\n(the sheets after it are checked once it is right)"
                    };
                    format!("nothing imported:\n{}{later}", lines.join("\n"))
                },
            )?;
        reports.push((report, sheet));
        roadmap = next;
    }
    // The counts only once every sheet is right: all or nothing.
    for (report, sheet) in &reports {
        print_report(report, *sheet, request.dry_run);
    }
    Ok(roadmap)
}

/// The roadmap a JSON export holds, refused over a roadmap with content unless `--replace`.
fn from_json(
    before: &Roadmap,
    file: &Path,
    text: &str,
    request: &Request,
) -> Result<Roadmap, super::output::Failure> {
    let read = crate::export::json::read(text)
        .map_err(|e| format!("nothing imported: {}: {e}", file.display()))?;
    let holds = before.initiatives.len() + before.goals.len();
    if holds > 0 && !request.replace {
        return Err(super::output::Failure::usage(format!(
            "{} already holds {} and {}, and a JSON export is a whole roadmap: add --replace to replace it (the version before is kept in backups/), or import into another --dir or --file",
            request.roadmap.display(),
            counted(before.goals.len(), "goal", "goals"),
            counted(before.initiatives.len(), "initiative", "initiatives")
        )));
    }
    let verb = if request.dry_run {
        "would read"
    } else {
        "read"
    };
    super::output::out(&format!(
        "{verb} \"{}\": {}, {}, {}, {}",
        read.roadmap.name,
        read.roadmap.size_label(),
        counted(read.roadmap.decisions.len(), "decision", "decisions"),
        counted(read.roadmap.actions.len(), "action", "actions"),
        counted(read.roadmap.checkins.len(), "check-in", "check-ins")
    ));
    if read.public {
        super::output::out(
            "note: this is a public export: internal fields (cost, benefit, politics, notes) and confidential items were left out of it, so they are not in the roadmap either",
        );
    }
    Ok(read.roadmap)
}

fn print_report(report: &Report, sheet: Sheet, dry_run: bool) {
    let verb = if dry_run { "would add" } else { "added" };
    let update = if dry_run { "would update" } else { "updated" };
    let (one, many) = match sheet {
        Sheet::Goals => ("goal", "goals"),
        Sheet::Initiatives => ("initiative", "initiatives"),
        Sheet::Kpis => ("KPI", "KPIs"),
        Sheet::Risks => ("risk", "risks"),
    };
    super::output::out(&format!(
        "{verb} {}, {update} {} (the {} sheet)",
        counted(report.added, one, many),
        report.updated,
        sheet.name()
    ));
    if !report.goals_created.is_empty() {
        let create = if dry_run {
            "would create goals"
        } else {
            "created goals"
        };
        super::output::out(&format!("{create}: {}", report.goals_created.join(", ")));
    }
    for note in &report.notes {
        super::output::out(&format!("note: {note}"));
    }
}
