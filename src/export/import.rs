//! CSV import: a spreadsheet roadmap brought in, all or nothing. Columns are those of the CSV
//! export (only `title` and one of `target` / `horizon` are required; unknown columns are
//! refused so a typo never drops data). A row whose id is known updates that initiative;
//! other rows are added. Goals are matched by code or title and created when missing. The `'`
//! that the export adds against formula injection is removed again, nothing else.

use super::csv::{COLUMNS, restore};
use crate::domain::business::{GoalLink, Strength};
use crate::domain::dates::parse_date;
use crate::domain::validate::check_id;
use crate::domain::{Goal, Horizon, IdGen, Initiative, InitiativeId, Kind, Roadmap, Status};
use chrono::{DateTime, NaiveDate, Utc};

/// One problem, with where it is (row 1 is the header, so data starts at row 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The row in the file, counting the header as 1.
    pub row: usize,
    /// The column name, when the problem is in one cell.
    pub column: Option<String>,
    /// What is wrong and what to write instead.
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.column {
            Some(c) => write!(f, "row {}, column {c}: {}", self.row, self.message),
            None => write!(f, "row {}: {}", self.row, self.message),
        }
    }
}

/// What an import did (or would do).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// Initiatives added.
    pub added: usize,
    /// Initiatives updated (rows whose id was known and whose values differ).
    pub updated: usize,
    /// Goals created by name.
    pub goals_created: Vec<String>,
}

fn status(text: &str) -> Option<Status> {
    let t = text
        .trim()
        .to_ascii_lowercase()
        .replace([' ', '-', '_'], "");
    Status::ALL
        .into_iter()
        .find(|s| s.label().to_ascii_lowercase().replace(' ', "") == t)
}

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

fn horizon(text: &str) -> Option<Horizon> {
    let t = text.trim().to_ascii_lowercase().replace(['-', '_'], " ");
    Horizon::ALL
        .into_iter()
        .find(|h| h.label().to_ascii_lowercase() == t)
}

/// Parses `csv` and applies it to a copy of `roadmap`. On any bad row nothing is applied and
/// every problem is returned.
pub fn apply(
    roadmap: &Roadmap,
    csv: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
    ids: &mut IdGen,
) -> Result<(Roadmap, Report), Vec<RowError>> {
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(csv.as_bytes());
    let err = |row, column: Option<&str>, message: String| RowError {
        row,
        column: column.map(str::to_string),
        message,
    };
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_ascii_lowercase()).collect(),
        Err(e) => {
            return Err(vec![err(
                1,
                None,
                format!("cannot read the header row: {e}"),
            )]);
        }
    };
    let mut errors = Vec::new();
    for h in &headers {
        if !COLUMNS.contains(&h.as_str()) {
            errors.push(err(
                1,
                Some(h),
                format!("unknown column; the columns are {}", COLUMNS.join(", ")),
            ));
        }
    }
    if !headers.iter().any(|h| h == "title") {
        errors.push(err(1, None, "a title column is required".into()));
    }
    if !headers.iter().any(|h| h == "target" || h == "horizon") {
        errors.push(err(
            1,
            None,
            "a target or a horizon column is required".into(),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut out = roadmap.clone();
    let mut report = Report::default();
    // Which row gave each id: two rows with one id would silently merge into one.
    let mut rows_by_id: std::collections::HashMap<String, usize> = Default::default();
    for (n, record) in reader.records().enumerate() {
        let row = n + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(err(row, None, format!("not a valid CSV row: {e}")));
                continue;
            }
        };
        let cell = |name: &str| -> Option<String> {
            let at = headers.iter().position(|h| h == name)?;
            record.get(at).map(|c| restore(c).to_string())
        };
        let text = |name: &str| cell(name).map(|c| c.trim().to_string());
        let title = cell("title").unwrap_or_default();
        if title.trim().is_empty() {
            errors.push(err(row, Some("title"), "the title is empty".into()));
            continue;
        }
        let target = match (
            text("target").filter(|t| !t.is_empty()),
            text("horizon").filter(|h| !h.is_empty()),
        ) {
            (Some(t), _) => match parse_date(&t, today) {
                Ok(d) => Some(d),
                Err(e) => {
                    errors.push(err(row, Some("target"), e.to_string()));
                    continue;
                }
            },
            (None, Some(h)) if is_finished(&h) => {
                errors.push(err(
                    row,
                    Some("target"),
                    format!(
                        "a {} initiative needs its target date",
                        h.trim().to_lowercase()
                    ),
                ));
                continue;
            }
            (None, Some(h)) => match horizon(&h) {
                Some(h) => Some(h.window_end(today)),
                None => {
                    errors.push(err(
                        row,
                        Some("horizon"),
                        format!("\"{h}\" is not Now, Next week, Next month or Next year"),
                    ));
                    continue;
                }
            },
            (None, None) => None,
        };
        let status = match text("status").filter(|s| !s.is_empty()) {
            Some(s) => match status(&s) {
                Some(s) => Some(s),
                None => {
                    errors.push(err(row, Some("status"), format!("\"{s}\" is not Proposed, Planned, In progress, Blocked, Done or Dropped")));
                    continue;
                }
            },
            None => None,
        };
        let kind = match text("kind").filter(|s| !s.is_empty()) {
            Some(k) => match kind(&k) {
                Some(k) => Some(k),
                None => {
                    errors.push(err(
                        row,
                        Some("kind"),
                        format!("\"{k}\" is not Run, Grow or Transform"),
                    ));
                    continue;
                }
            },
            None => None,
        };
        let cost = match text("cost").filter(|s| !s.is_empty()) {
            Some(c) => match crate::domain::parse::parse_number(&c) {
                Ok(n) => n,
                Err(e) => {
                    errors.push(err(row, Some("cost"), e));
                    continue;
                }
            },
            None => None,
        };
        // Goals: "CODE:strength; Title of a goal".
        let mut links = None;
        if let Some(goals) = text("goals") {
            let mut list = Vec::new();
            for part in goals.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                let (name, strength) = match part.rsplit_once(':') {
                    Some((n, s)) => match Strength::ALL
                        .into_iter()
                        .find(|x| x.label().eq_ignore_ascii_case(s.trim()))
                    {
                        Some(s) => (n.trim(), s),
                        None => (part, Strength::Strong),
                    },
                    None => (part, Strength::Strong),
                };
                let found = out
                    .goals
                    .iter()
                    .find(|g| {
                        g.code.eq_ignore_ascii_case(name) || g.title.eq_ignore_ascii_case(name)
                    })
                    .map(|g| g.id.clone());
                let id = match found {
                    Some(id) => id,
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
                if !list.iter().any(|l: &GoalLink| l.goal == id) {
                    list.push(GoalLink { goal: id, strength });
                }
            }
            links = Some(list);
        }
        let given = text("id").filter(|i| !i.is_empty());
        if let Some(id) = &given
            && let Err(why) = check_id(id)
        {
            errors.push(err(row, Some("id"), why));
            continue;
        }
        if let Some(id) = &given
            && let Some(first) = rows_by_id.insert(id.clone(), row)
        {
            errors.push(err(
                row,
                Some("id"),
                format!("{id} is also the id of row {first}: each row needs its own id"),
            ));
            continue;
        }
        let existing = given
            .as_ref()
            .and_then(|id| out.initiatives.iter().position(|i| &i.id.0 == id));
        let index = match existing {
            Some(at) => at,
            None => {
                let Some(target) = target else {
                    errors.push(err(
                        row,
                        None,
                        "a new initiative needs a target date or a horizon".into(),
                    ));
                    continue;
                };
                let taken_by_goal = given
                    .as_ref()
                    .is_some_and(|id| out.taken_ids().contains(id.as_str()));
                let id = match given.clone() {
                    Some(id) if !taken_by_goal => InitiativeId(id),
                    _ => ids.initiative(&out.taken_ids()),
                };
                let mut new = Initiative::blank(id, now);
                new.target = target;
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
        if let Some(s) = status {
            i.set_status(s, today);
        }
        if let Some(k) = kind {
            i.kind = k;
        }
        if let Some(l) = links {
            i.serves = l;
        }
        for (name, slot) in [
            ("it_owner", &mut i.it_owner),
            ("sponsor", &mut i.sponsor),
            ("champion", &mut i.champion),
            ("summary", &mut i.summary),
            ("notes", &mut i.notes),
        ] {
            if let Some(v) = cell(name) {
                *slot = v;
            }
        }
        if let Some(tags) = cell("tags") {
            i.tags = crate::domain::parse::parse_tags(&tags);
        }
        if headers.iter().any(|h| h == "cost") {
            i.case.cost = cost;
        }
        if existing.is_some() && *i != before {
            i.updated = now;
            report.updated += 1;
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let problems = crate::domain::validate::problems(&out);
    if let Some(p) = problems.first() {
        return Err(vec![err(
            0,
            None,
            format!("the result would not be a valid roadmap: {p}"),
        )]);
    }
    Ok((out, report))
}
