//! The rows of the goals, KPIs and risks sheets: each is checked, then added to the roadmap
//! or written over the item it names (by id, else by code, name or title).

use super::sheet_dates::sheet_date;
use super::table::{Row, RowError};
use crate::domain::business::{Direction, Kpi, Reading, Risk, RiskStatus};
use crate::domain::parse::{KpiTarget, parse_kpi_number, parse_kpi_target};
use crate::domain::validate::check_code;
use crate::domain::{Goal, GoalId, IdGen, Roadmap};
use chrono::NaiveDate;

/// What an import did (or would do).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// Items added.
    pub added: usize,
    /// Items updated (rows naming a known item whose values differ).
    pub updated: usize,
    /// Goals created by title from the initiatives sheet.
    pub goals_created: Vec<String>,
    /// What the import left aside and why, row by row (it changes nothing, but says so).
    pub notes: Vec<String>,
}

/// The known goal codes, for messages: "the known codes are COST, CX".
pub(super) fn known_codes(roadmap: &Roadmap) -> String {
    if roadmap.goals.is_empty() {
        return "the roadmap has no goals yet: import the goals sheet first (--sheet goals)".into();
    }
    let codes: Vec<&str> = roadmap.goals.iter().map(|g| g.code.as_str()).collect();
    format!("the known codes are {}", codes.join(", "))
}

/// Rows of one sheet that name their item by title, by scope and title: two such rows with
/// the same title would merge into one item, so the second is refused.
pub(super) type Named = std::collections::HashMap<String, usize>;

/// Refuses a second id-less row naming `name` within `scope` in the same sheet.
pub(super) fn once(
    row: &Row,
    seen: &mut Named,
    scope: &str,
    column: &str,
    name: &str,
) -> Result<(), RowError> {
    let key = format!("{scope}\u{0}{}", name.trim().to_lowercase());
    match seen.insert(key, row.number) {
        Some(first) => Err(row.error(
            column,
            format!("row {first} has the same {column} and neither has an id: give each an id to keep both"),
        )),
        None => Ok(()),
    }
}

/// The item a row names: by id when the row has one (none: a new item), else by name,
/// case-insensitively. `keys` gives an item's id and name.
fn find<T>(
    row: &Row,
    items: &[T],
    keys: impl Fn(&T) -> (&String, &String),
    name: &str,
) -> Option<usize> {
    match row.text("id") {
        Some(id) => items.iter().position(|t| keys(t).0 == id),
        None => items
            .iter()
            .position(|t| keys(t).1.eq_ignore_ascii_case(name)),
    }
}

/// A new item's id: the row's, else a fresh one with `prefix`. An id the roadmap already
/// gives to another item is refused (a fresh one would make every re-import add the row
/// again).
pub(super) fn new_id(
    row: &Row,
    out: &Roadmap,
    ids: &mut IdGen,
    prefix: char,
) -> Result<String, RowError> {
    match row.text("id") {
        Some(id) if out.taken_ids().contains(id) => Err(row.error(
            "id",
            format!("{id} is already the id of another item in the roadmap: give this row its own id, or none"),
        )),
        Some(id) => {
            crate::domain::validate::check_id(id).map_err(|why| row.error("id", why))?;
            Ok(id.to_string())
        }
        None => Ok(ids.entry(prefix, &out.taken_ids())),
    }
}

/// Puts a row's item in `list` (over the one at `at`, else at the end) and counts it as
/// added or updated (unchanged counts as neither).
fn store<T: PartialEq>(
    report: &mut Report,
    list: &mut Vec<T>,
    at: Option<usize>,
    before: Option<&T>,
    item: T,
) {
    match before {
        None => report.added += 1,
        Some(b) if *b != item => report.updated += 1,
        Some(_) => {}
    }
    match at.filter(|at| *at < list.len()) {
        Some(at) => list[at] = item,
        None => list.push(item),
    }
}

pub(super) fn goal_row(
    row: &Row,
    out: &mut Roadmap,
    report: &mut Report,
    codes: &mut Named,
    ids: &mut IdGen,
) -> Result<(), RowError> {
    let code = row.text("code").map(str::to_ascii_uppercase);
    if code.is_none()
        && row.text("id").is_none()
        && let Some(title) = row.text("title")
    {
        once(row, codes, "goal", "title", title)?;
    }
    if let Some(code) = &code {
        check_code(code).map_err(|why| row.error("code", why))?;
        if let Some(first) = codes.insert(code.clone(), row.number) {
            return Err(row.error("code", format!("{code} is also the code of row {first}")));
        }
    }
    let priority = match row.text("priority") {
        Some(p) => Some(
            p.trim_start_matches(['P', 'p'])
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=5).contains(n))
                .ok_or_else(|| {
                    row.error(
                        "priority",
                        format!("\"{p}\" is not a priority from 1 (highest) to 5"),
                    )
                })?,
        ),
        None => None,
    };
    let at = row
        .text("id")
        .and_then(|id| out.goals.iter().position(|g| g.id.0 == id))
        .or_else(|| {
            let code = code.as_deref()?;
            out.goals
                .iter()
                .position(|g| g.code.eq_ignore_ascii_case(code))
        })
        .or_else(|| {
            // Neither id nor code: the goal of that title (once per sheet).
            let title = row.text("title")?;
            (code.is_none() && row.text("id").is_none())
                .then(|| {
                    out.goals
                        .iter()
                        .position(|g| g.title.trim().eq_ignore_ascii_case(title))
                })
                .flatten()
        });
    let before = at.map(|at| out.goals[at].clone());
    let mut goal = match &before {
        Some(g) => g.clone(),
        None => {
            let title = row
                .text("title")
                .ok_or_else(|| row.error("title", "a new goal needs a title"))?;
            let id = match row.text("id") {
                Some(_) => GoalId(new_id(row, out, ids, 'g')?),
                None => ids.goal(&out.taken_ids()),
            };
            let mut goal = Goal::blank(id);
            goal.code = code
                .clone()
                .unwrap_or_else(|| out.suggest_code(title, None));
            goal
        }
    };
    if let Some(code) = code {
        goal.code = code;
    }
    if let Some(title) = row.cell("title").filter(|t| !t.trim().is_empty()) {
        goal.title = title.to_string();
    }
    row.fill(
        before.is_some(),
        &mut [
            ("description", &mut goal.description),
            ("owner", &mut goal.owner),
            ("contributes_to", &mut goal.contributes_to),
        ],
    );
    if let Some(p) = priority {
        goal.priority = p;
    }
    store(report, &mut out.goals, at, before.as_ref(), goal);
    Ok(())
}

fn goal_at(row: &Row, out: &Roadmap) -> Result<usize, RowError> {
    let name = row
        .text("goal")
        .ok_or_else(|| row.error("goal", "name the goal by its code"))?;
    out.goals
        .iter()
        .position(|g| g.code.eq_ignore_ascii_case(name) || g.id.0 == name)
        .ok_or_else(|| {
            row.error(
                "goal",
                format!("no goal has the code {name}; {}", known_codes(out)),
            )
        })
}

fn flag(row: &Row, column: &str) -> Result<Option<bool>, RowError> {
    match row.text(column).map(str::to_ascii_lowercase).as_deref() {
        // Blank says nothing: a confidential item stays confidential.
        None => Ok(None),
        Some("yes" | "y" | "true" | "1" | "x") => Ok(Some(true)),
        Some("no" | "n" | "false" | "0") => Ok(Some(false)),
        Some(other) => Err(row.error(column, format!("\"{other}\" is not yes or no"))),
    }
}

fn readings(row: &Row, today: NaiveDate) -> Result<Option<Vec<Reading>>, RowError> {
    let Some(cell) = row.cell("readings") else {
        return Ok(None);
    };
    let mut list = Vec::new();
    for part in cell.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let bad = || {
            row.error(
                "readings",
                format!("\"{part}\" is not a reading: write 2026-09-30=57; 2026-12-31=61"),
            )
        };
        let (on, value) = part.split_once('=').ok_or_else(bad)?;
        let on = sheet_date(on, today).map_err(|e| row.error("readings", e))?;
        let value = row
            .number_in(value)
            .map_err(|e| row.error("readings", e))?
            .ok_or_else(bad)?;
        list.push(Reading { on, value });
    }
    Ok(Some(list))
}

pub(super) fn kpi_row(
    row: &Row,
    out: &mut Roadmap,
    report: &mut Report,
    (today, seen): (NaiveDate, &mut Named),
    ids: &mut IdGen,
) -> Result<(), RowError> {
    let g = goal_at(row, out)?;
    row.text("name")
        .ok_or_else(|| row.error("name", "the KPI needs a name"))?;
    let name = row.cell("name").unwrap_or_default(); // as written: the text is kept exactly
    let direction = match row
        .text("direction")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None => None,
        Some(d) if d.starts_with("higher") || d == "up" => Some(Direction::HigherIsBetter),
        Some(d) if d.starts_with("lower") || d == "down" => Some(Direction::LowerIsBetter),
        Some(d) => return Err(row.error("direction", format!("\"{d}\" is not higher or lower"))),
    };
    let readings = readings(row, today)?;
    let confidential = flag(row, "confidential")?;
    let goal = &out.goals[g];
    if row.text("id").is_none() {
        once(row, seen, &goal.id.0, "name", name)?;
    }
    let at = find(row, &goal.kpis, |k| (&k.id, &k.name), name);
    let before = at.map(|at| goal.kpis[at].clone());
    let unit = row
        .text("unit")
        .or(before.as_ref().map(|k| k.unit.as_str()))
        .unwrap_or_default()
        .to_string();
    let baseline = row
        .text("baseline")
        .map(|b| {
            parse_kpi_number(&row.plain_number(b), &unit).map_err(|e| row.error("baseline", e))
        })
        .transpose()?
        .flatten();
    // A target in words ("around 80% within 5 years") is kept as the target's note.
    let (target, words) = match row.text("target") {
        None => (None, None),
        Some(t) => match parse_kpi_target(&row.plain_number(t), &unit) {
            Ok(target) => (Some(target), None),
            Err(_) => {
                // Words are a note; a number in another unit is kept as one too, and said.
                if t.starts_with(|c: char| c.is_ascii_digit() || "+-=.".contains(c)) {
                    report.notes.push(format!(
                        "row {}: the target \"{t}\" is not a number in {}: kept as the target's note",
                        row.number,
                        if unit.is_empty() { "this KPI's unit" } else { unit.as_str() }
                    ));
                }
                (None, Some(t.to_string()))
            }
        },
    };
    let mut kpi = match &before {
        Some(k) => k.clone(),
        None => Kpi {
            id: new_id(row, out, ids, 'k')?,
            name: name.to_string(),
            ..Kpi::default()
        },
    };
    kpi.name = name.to_string();
    // An empty cell never clears what an existing KPI has.
    let existing = before.is_some();
    row.fill(
        existing,
        &mut [
            ("unit", &mut kpi.unit),
            ("target_note", &mut kpi.target_note),
        ],
    );
    if let Some(d) = direction {
        kpi.direction = d;
    }
    if baseline.is_some() {
        kpi.baseline = baseline;
    }
    (kpi.target, kpi.target_change) = match target {
        Some(KpiTarget::Value(v)) => (Some(v), None),
        Some(KpiTarget::Change(c)) => (None, Some(c)),
        Some(KpiTarget::None) | None => (kpi.target, kpi.target_change),
    };
    // Words in the target cell are the target now: the old number goes (progress against
    // it would be against a target the plan no longer gives); a target_note cell wins.
    if let Some(note) = words {
        (kpi.target, kpi.target_change) = (None, None);
        if row.text("target_note").is_none() {
            kpi.target_note = note;
        }
    }
    // Readings are added, never taken away: a sheet lists those it knows of, and one
    // typed into the cell over the old ones must not delete them.
    match (&before, readings) {
        (None, Some(r)) => kpi.readings = r,
        (Some(_), Some(r)) => {
            for reading in r {
                if !kpi.readings.contains(&reading) {
                    kpi.readings.push(reading);
                }
            }
        }
        (_, None) => {}
    }
    if let Some(c) = confidential {
        kpi.confidential = c;
    }
    store(report, &mut out.goals[g].kpis, at, before.as_ref(), kpi);
    Ok(())
}

fn initiative_at(row: &Row, out: &Roadmap) -> Result<usize, RowError> {
    let name = row
        .text("initiative")
        .ok_or_else(|| row.error("initiative", "name the initiative by its id or title"))?;
    if let Some(at) = out.initiatives.iter().position(|i| i.id.0 == name) {
        return Ok(at);
    }
    let titled: Vec<usize> = (0..out.initiatives.len())
        .filter(|at| out.initiatives[*at].title.trim().eq_ignore_ascii_case(name))
        .collect();
    match titled.as_slice() {
        [one] => Ok(*one),
        [] => Err(row.error(
            "initiative",
            format!(
                "no initiative has the id or title \"{name}\": import the initiatives sheet first"
            ),
        )),
        _ => Err(row.error(
            "initiative",
            format!(
                "{} initiatives are titled \"{name}\": name it by its id",
                titled.len()
            ),
        )),
    }
}

fn level(row: &Row, column: &str) -> Result<Option<u8>, RowError> {
    row.text(column)
        .map(|t| {
            t.parse::<u8>()
                .ok()
                .filter(|n| (1..=5).contains(n))
                .ok_or_else(|| row.error(column, format!("\"{t}\" is not from 1 to 5")))
        })
        .transpose()
}

pub(super) fn risk_row(
    row: &Row,
    out: &mut Roadmap,
    report: &mut Report,
    (today, seen): (NaiveDate, &mut Named),
    ids: &mut IdGen,
) -> Result<(), RowError> {
    let i = initiative_at(row, out)?;
    row.text("title")
        .ok_or_else(|| row.error("title", "say what could go wrong"))?;
    let title = row.cell("title").unwrap_or_default(); // as written
    let (likelihood, impact) = (level(row, "likelihood")?, level(row, "impact")?);
    let status = match row.text("status") {
        Some(s) => Some(
            [RiskStatus::Open, RiskStatus::Mitigating, RiskStatus::Closed]
                .into_iter()
                .find(|r| r.label().eq_ignore_ascii_case(s))
                .ok_or_else(|| {
                    row.error(
                        "status",
                        format!("\"{s}\" is not Open, Mitigating or Closed"),
                    )
                })?,
        ),
        None => None,
    };
    let raised = row
        .text("raised")
        .map(|t| sheet_date(t, today).map_err(|e| row.error("raised", e)))
        .transpose()?;
    let confidential = flag(row, "confidential")?;
    let initiative = &out.initiatives[i];
    if row.text("id").is_none() {
        once(row, seen, &initiative.id.0, "title", title)?;
    }
    let at = find(row, &initiative.risks, |r| (&r.id, &r.title), title);
    let before = at.map(|at| initiative.risks[at].clone());
    let mut risk = match &before {
        Some(r) => r.clone(),
        None => Risk {
            id: new_id(row, out, ids, 'r')?,
            title: title.to_string(),
            likelihood: 3,
            impact: 3,
            owner: String::new(),
            mitigation: String::new(),
            status: RiskStatus::Open,
            raised: today,
            confidential: false,
        },
    };
    risk.title = title.to_string();
    if let Some(l) = likelihood {
        risk.likelihood = l;
    }
    if let Some(n) = impact {
        risk.impact = n;
    }
    row.fill(
        before.is_some(),
        &mut [
            ("owner", &mut risk.owner),
            ("mitigation", &mut risk.mitigation),
        ],
    );
    if let Some(s) = status {
        risk.status = s;
    }
    if let Some(r) = raised {
        risk.raised = r;
    }
    if let Some(c) = confidential {
        risk.confidential = c;
    }
    store(
        report,
        &mut out.initiatives[i].risks,
        at,
        before.as_ref(),
        risk,
    );
    Ok(())
}
