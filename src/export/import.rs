//! CSV import: a spreadsheet roadmap brought in, all or nothing, one sheet at a time
//! ([`Sheet`]). This file reads the initiatives sheet, whose columns are those of the CSV
//! export (only `title` and one of `target` / `horizon` are required). A row whose id is known
//! updates that initiative; other rows are added. Goals are named by code (a code the roadmap
//! does not know is an error naming the known ones: import the goals sheet first) or by title
//! (a title not known yet creates the goal). Re-importing the same sheet changes nothing.

use super::csv::COLUMNS;
use super::sheet_dates::{date_cell, history, horizon_target, target_cell};
pub use super::sheet_rows::Report;
use super::sheet_rows::known_codes;
pub use super::table::RowError;
use super::table::status;
use super::table::{Mapping, Row, Table};
use crate::domain::business::{GoalLink, Strength};
use crate::domain::dates::parse_target;
use crate::domain::validate::{MAX_CODE_LEN, check_id};
use crate::domain::{Calendar, Target};
use crate::domain::{Goal, Horizon, IdGen, Initiative, InitiativeId, Kind, Roadmap, Status};
use chrono::{DateTime, NaiveDate, Utc};

/// The most slips a row may claim (each becomes an entry of the target log).
const MAX_SLIPS: usize = 1000;

fn kind(text: &str) -> Option<Kind> {
    let t = text.trim().to_ascii_lowercase();
    Kind::ALL
        .into_iter()
        .find(|k| k.label().to_ascii_lowercase() == t)
}

/// `done` or `dropped` in the horizon column (as the export writes finished work): the
/// status column says the rest, and the target date is used as it is.
fn is_finished(text: &str) -> bool {
    matches!(
        text.trim().to_ascii_lowercase().as_str(),
        "done" | "dropped"
    )
}

/// `later`, `unscheduled`, `no date` or `TBD` in the horizon column (the date grammar's
/// words for unscheduled work).
fn is_unscheduled(text: &str) -> bool {
    parse_target(text, NaiveDate::MIN, &Calendar::default()) == Ok(Target::Later)
}

fn horizon(text: &str) -> Option<Horizon> {
    let t = text.trim().to_ascii_lowercase().replace(['-', '_'], " ");
    Horizon::ALL
        .into_iter()
        .find(|h| h.label().to_ascii_lowercase() == t)
}

/// True for a goal name written as a code (`ISO`, `G2`, a mistyped `MI-X`), not a title: one
/// word with no lower-case letter. A title has a space or lower-case letters.
fn looks_like_code(name: &str) -> bool {
    !name.is_empty()
        && !name.chars().any(char::is_whitespace)
        && !name.chars().any(char::is_lowercase)
        && name.chars().count() <= 2 * MAX_CODE_LEN
}

/// Parses `csv` (the initiatives sheet) and applies it to a copy of `roadmap`. On any bad
/// row nothing is applied and every problem is returned.
pub fn apply(
    roadmap: &Roadmap,
    csv: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
    ids: &mut IdGen,
) -> Result<(Roadmap, Report), Vec<RowError>> {
    apply_mapped(roadmap, csv, today, now, ids, &Mapping::default())
}

/// [`apply`] with the sheet's names mapped (`--map`, `--ignore`, `--status`).
pub fn apply_mapped(
    roadmap: &Roadmap,
    csv: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
    ids: &mut IdGen,
    mapping: &Mapping,
) -> Result<(Roadmap, Report), Vec<RowError>> {
    let required: &[&[&str]] = &[&["title"], &["target", "horizon"]];
    let table = super::table::read_mapped(csv, &COLUMNS, required, mapping)?;
    let mut out = roadmap.clone();
    let mut report = Report::default();
    let mut errors = Vec::new();
    // Which row gave each id (or title, for rows without one): two such rows would silently
    // merge into one.
    let mut rows_by_id: std::collections::HashMap<String, usize> = Default::default();
    for row in table.rows() {
        if let Err(e) = apply_row(
            &table,
            &row,
            &mut out,
            &mut report,
            &mut rows_by_id,
            today,
            now,
            ids,
        ) {
            errors.push(e);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let problems = crate::domain::validate::problems(&out);
    if let Some(p) = problems.first() {
        return Err(vec![RowError::new(
            0,
            None,
            format!("the result would not be a valid roadmap: {p}"),
        )]);
    }
    Ok((out, report))
}

/// A row's goals cell, `CODE:strength; Title of a goal`, as links (goals named by a title
/// not known yet are created).
fn links(
    row: &Row,
    goals: &str,
    out: &mut Roadmap,
    report: &mut Report,
    ids: &mut IdGen,
) -> Result<Vec<GoalLink>, RowError> {
    let mut list: Vec<GoalLink> = Vec::new();
    for part in goals.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (name, strength) = match part.rsplit_once(':') {
            Some((n, s)) => match Strength::ALL
                .into_iter()
                .find(|x| x.label().eq_ignore_ascii_case(s.trim()))
            {
                Some(s) => (n.trim(), s),
                // "Goal: the long name" is a title with a colon; "LEAD:medium" a typo.
                None if !looks_like_code(n.trim()) => (part, Strength::Strong),
                None => {
                    return Err(row.error(
                        "goals",
                        format!(
                            "\"{}\" in \"{part}\" is not strong, partial or weak",
                            s.trim()
                        ),
                    ));
                }
            },
            None => (part, Strength::Strong),
        };
        let found = out
            .goals
            .iter()
            .find(|g| {
                g.code.eq_ignore_ascii_case(name)
                    || g.title.eq_ignore_ascii_case(name)
                    || g.id.0 == name
            })
            .map(|g| g.id.clone());
        let id = match found {
            Some(id) => id,
            None if looks_like_code(name) => {
                return Err(row.error(
                    "goals",
                    format!("no goal has the code {name}; {}", known_codes(out)),
                ));
            }
            None => {
                let id = ids.goal(&out.taken_ids());
                let code = out.suggest_code(name, None);
                out.goals.push(Goal {
                    code,
                    title: name.to_string(),
                    ..Goal::blank(id.clone())
                });
                report.goals_created.push(name.to_string());
                id
            }
        };
        if !list.iter().any(|l| l.goal == id) {
            list.push(GoalLink { goal: id, strength });
        }
    }
    Ok(list)
}

#[allow(clippy::too_many_arguments)] // one row's context; a struct would only rename them
fn apply_row(
    table: &Table,
    row: &Row,
    out: &mut Roadmap,
    report: &mut Report,
    rows_by_id: &mut std::collections::HashMap<String, usize>,
    today: NaiveDate,
    now: DateTime<Utc>,
    ids: &mut IdGen,
) -> Result<(), RowError> {
    let title = row.cell("title").unwrap_or_default().to_string();
    if title.trim().is_empty() {
        return Err(row.error("title", "the title is empty"));
    }
    let given = row.text("id").map(str::to_string);
    if let Some(id) = &given {
        check_id(id).map_err(|why| row.error("id", why))?;
        if let Some(first) = rows_by_id.insert(id.clone(), row.number) {
            return Err(row.error(
                "id",
                format!("{id} is also the id of row {first}: each row needs its own id"),
            ));
        }
    }
    let existing = match &given {
        Some(id) => out.initiatives.iter().position(|i| &i.id.0 == id),
        // No id: the initiative of that title, so a sheet kept in a spreadsheet can be
        // imported again without making every row twice.
        None => {
            super::sheet_rows::once(row, rows_by_id, "initiative", "title", &title)?;
            let same: Vec<usize> = (0..out.initiatives.len())
                .filter(|at| {
                    out.initiatives[*at]
                        .title
                        .trim()
                        .eq_ignore_ascii_case(title.trim())
                })
                .collect();
            match same.as_slice() {
                [] => None,
                [one] => Some(*one),
                many => {
                    return Err(row.error(
                        "title",
                        format!(
                            "{} initiatives have this title: add an id column to say which",
                            many.len()
                        ),
                    ));
                }
            }
        }
    };
    let target = match (row.text("target"), row.text("horizon")) {
        (Some(_), _) => target_cell(row, "target", today, &out.calendar)?,
        (None, Some(h)) if is_finished(h) => match existing {
            Some(_) => None, // finished work keeps its date
            None => {
                return Err(row.error(
                    "target",
                    format!("a {} initiative needs its target date", h.to_lowercase()),
                ));
            }
        },
        (None, Some(h)) => match horizon(h) {
            // A horizon-only row moves an existing item earlier, into that horizon, never
            // later: the same sheet imported a week later must not re-date (and log a slip
            // for) its rows, and a stale sheet must not make late work look on time. To move
            // work later, give it a target.
            Some(h)
                if existing.is_some_and(|at| {
                    let i = &out.initiatives[at];
                    // Already there (Next year holds dated work after twelve months and
                    // work with no date too), or due sooner.
                    i.horizon(today) == h || !i.target.is_after(h.window_end(today))
                }) =>
            {
                let i = existing.map(|at| &out.initiatives[at]);
                if let Some(i) = i.filter(|i| i.horizon(today) != h && i.status.is_active()) {
                    report.notes.push(format!(
                        "row {}: the horizon {} does not move \"{}\" later (due {}); give it a target to move it",
                        row.number,
                        h.label(),
                        i.title,
                        i.target.in_words()
                    ));
                }
                None
            }
            Some(h) => Some(horizon_target(h, today)),
            None if is_unscheduled(h) => Some(Target::Later),
            None => {
                return Err(row.error(
                    "horizon",
                    format!("\"{h}\" is not Now, Next week, Next month, Next year or Later"),
                ));
            }
        },
        (None, None) => None,
    };
    let status = match row.text("status") {
        Some(s) => Some(
            table
                .mapping()
                .status(s)
                .or_else(|| status(s))
                .ok_or_else(|| {
                    row.error(
                "status",
                format!("\"{s}\" is not Proposed, Planned, In progress, Blocked, Done or Dropped"),
            )
                })?,
        ),
        None => None,
    };
    let kind =
        match row.text("kind") {
            Some(k) => Some(kind(k).ok_or_else(|| {
                row.error("kind", format!("\"{k}\" is not Run, Grow or Transform"))
            })?),
            None => None,
        };
    let cost = match row.text("cost") {
        Some(_) => row.number("cost")?,
        None => None,
    };
    let done_on = date_cell(row, "done_on", today)?;
    if done_on.is_some() && status.is_some_and(|s| s != Status::Done) {
        return Err(row.error(
            "done_on",
            "a delivery date is given but the status is not Done",
        ));
    }
    let first_target = target_cell(row, "first_target", today, &out.calendar)?;
    let slips = match row.text("slips") {
        Some(n) => n
            .parse::<usize>()
            .ok()
            .filter(|n| *n <= MAX_SLIPS)
            .ok_or_else(|| {
                row.error(
                    "slips",
                    format!("\"{n}\" is not a whole number from 0 to {MAX_SLIPS}"),
                )
            })?,
        None => 0,
    };
    let serves = match row.cell("goals") {
        Some(goals) => Some(links(row, goals, out, report, ids)?),
        None => None,
    };
    if let Some(at) = existing {
        // History comes in with a new initiative only: an existing one keeps its own log
        // (the sheet cannot say when each move happened).
        let i = &out.initiatives[at];
        let first_differs = first_target.is_some_and(|f| f != i.first_target());
        let slips_differ = row.text("slips").is_some() && slips != i.slip_count();
        if first_differs || slips_differ {
            report.notes.push(format!(
                "row {}: first_target and slips give a new initiative its history; \"{}\" keeps its own (first {}, {} slips)",
                row.number,
                i.title,
                i.first_target(),
                i.slip_count()
            ));
        }
    }
    let index = match existing {
        Some(at) => at,
        None => {
            let Some(target) = target else {
                return Err(RowError::new(
                    row.number,
                    None,
                    "a new initiative needs a target date or a horizon",
                ));
            };
            let id = match given {
                Some(_) => InitiativeId(super::sheet_rows::new_id(row, out, ids, 'i')?),
                None => ids.initiative(&out.taken_ids()),
            };
            let mut new = Initiative::blank(id, now);
            new.target = target;
            new.target_log = history(first_target.unwrap_or(target), target, slips, today);
            out.initiatives.push(new);
            report.added += 1;
            out.initiatives.len() - 1
        }
    };
    let before = out.initiatives[index].clone();
    let i = &mut out.initiatives[index];
    i.title = title;
    if let Some(t) = target {
        i.set_target(t, today);
    }
    let status = status.or(done_on.map(|_| Status::Done));
    if let Some(s) = status {
        i.set_status(s, today);
    }
    match (done_on, i.status) {
        (Some(day), Status::Done) => i.done_on = Some(day),
        // Work that becomes done in the sheet without a delivery date: unknown, never the
        // import day (which would count years-old work as "delivered in the last 30 days").
        (None, Status::Done) if before.status != Status::Done || existing.is_none() => {
            i.done_on = None;
        }
        _ => {}
    }
    if let Some(k) = kind {
        i.kind = k;
    }
    // An empty cell never clears what an existing initiative has: a sheet with a column
    // left blank (or a partial sheet) must not wipe summaries, links or notes.
    let new = existing.is_none();
    let given = |v: &str| new || !v.trim().is_empty();
    if let Some(l) = serves.filter(|l| new || !l.is_empty()) {
        i.serves = l;
    }
    row.fill(
        !new,
        &mut [
            ("it_owner", &mut i.it_owner),
            ("sponsor", &mut i.sponsor),
            ("champion", &mut i.champion),
            ("summary", &mut i.summary),
            ("notes", &mut i.notes),
        ],
    );
    if let Some(tags) = row.cell("tags").filter(|v| given(v)) {
        i.tags = crate::domain::parse::parse_tags(tags);
    }
    if table.has("cost") && (new || cost.is_some()) {
        i.case.cost = cost;
    }
    if existing.is_some() && *i != before {
        i.updated = now;
        report.updated += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goal_codes_and_titles_are_told_apart() {
        for code in [
            "ISO", "G2", "COST", "EU", "MI-X", "LEAD_X", "GOV.UK", "ISO27001",
        ] {
            assert!(looks_like_code(code), "{code}");
        }
        for title in [
            "Web security",
            "Cost",
            "Reduce the run cost of IT",
            "ABCDEFGHIJKLMN",
        ] {
            assert!(!looks_like_code(title), "{title}");
        }
    }
}
