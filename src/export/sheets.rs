//! The roadmap as four CSV sheets a spreadsheet can hold: goals, initiatives, KPIs and
//! risks. Each is exported and imported on its own (`--sheet`), all or nothing, with the
//! row and column of every problem. Goals are named by code in the other sheets; an
//! initiative in the risks sheet by id or exact title. Numbers are written so they read
//! back exactly.

use super::import::{Report, known_codes};
use super::table::{self, Row, RowError};
use crate::domain::business::{Direction, Kpi, Reading, Risk, RiskStatus};
use crate::domain::dates::parse_date;
use crate::domain::parse::parse_number;
use crate::domain::validate::check_code;
use crate::domain::{Goal, GoalId, IdGen, Roadmap};
use chrono::{DateTime, NaiveDate, Utc};

/// One sheet of a spreadsheet roadmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sheet {
    /// Business goals: code, title, description, owner, priority.
    Goals,
    /// Initiatives, one row each (the default).
    #[default]
    Initiatives,
    /// Goals' KPIs with their readings.
    Kpis,
    /// Initiatives' risks.
    Risks,
}

/// Columns of the goals sheet.
pub const GOAL_COLUMNS: [&str; 6] = ["id", "code", "title", "description", "owner", "priority"];
/// Columns of the KPIs sheet.
pub const KPI_COLUMNS: [&str; 9] = [
    "goal",
    "id",
    "name",
    "unit",
    "direction",
    "baseline",
    "target",
    "readings",
    "confidential",
];
/// Columns of the risks sheet.
pub const RISK_COLUMNS: [&str; 10] = [
    "initiative",
    "id",
    "title",
    "likelihood",
    "impact",
    "owner",
    "mitigation",
    "status",
    "raised",
    "confidential",
];

impl Sheet {
    /// Every sheet, in the order a whole roadmap is best imported.
    pub const ALL: [Sheet; 4] = [Sheet::Goals, Sheet::Initiatives, Sheet::Kpis, Sheet::Risks];

    /// Its name on the command line and in file names.
    pub fn name(self) -> &'static str {
        match self {
            Sheet::Goals => "goals",
            Sheet::Initiatives => "initiatives",
            Sheet::Kpis => "kpis",
            Sheet::Risks => "risks",
        }
    }

    /// Parses a `--sheet` value.
    pub fn parse(text: &str) -> Result<Sheet, String> {
        let text = text.trim().to_ascii_lowercase();
        Sheet::ALL
            .into_iter()
            .find(|s| s.name() == text || s.name().trim_end_matches('s') == text)
            .ok_or_else(|| {
                format!("'{text}' is not a sheet: use goals, initiatives, kpis or risks")
            })
    }

    /// The sheet a header row belongs to, when `--sheet` is not given.
    pub fn detect(csv: &str) -> Sheet {
        let header = csv.lines().next().unwrap_or("").to_ascii_lowercase();
        let has = |c: &str| {
            header
                .split([',', ';'])
                .any(|h| h.trim().trim_matches('"').trim_start_matches('\u{feff}') == c)
        };
        if has("likelihood") || has("impact") || has("mitigation") {
            Sheet::Risks
        } else if has("baseline") || has("readings") {
            Sheet::Kpis
        } else if (has("code") || has("priority") || has("description"))
            && !has("target")
            && !has("horizon")
        {
            Sheet::Goals
        } else {
            Sheet::Initiatives
        }
    }
}

fn number(n: f64) -> String {
    format!("{n}")
}

fn yes(on: bool) -> String {
    if on { "yes".into() } else { String::new() }
}

/// The CSV text of one sheet of `roadmap` (already made public when asked).
pub fn write(
    roadmap: &Roadmap,
    sheet: Sheet,
    options: super::Options<'_>,
) -> Result<String, String> {
    let code = |id: &GoalId| {
        roadmap
            .goal(id)
            .map_or_else(|| id.0.clone(), |g| g.code.clone())
    };
    match sheet {
        Sheet::Initiatives => super::csv::sheet(roadmap, options),
        Sheet::Goals => table::write(
            &GOAL_COLUMNS,
            roadmap.goals.iter().map(|g| {
                vec![
                    g.id.0.clone(),
                    g.code.clone(),
                    g.title.clone(),
                    g.description.clone(),
                    g.owner.clone(),
                    g.priority.to_string(),
                ]
            }),
        ),
        Sheet::Kpis => table::write(
            &KPI_COLUMNS,
            roadmap.goals.iter().flat_map(|g| {
                g.kpis.iter().map(|k| {
                    let readings: Vec<String> = k
                        .readings
                        .iter()
                        .map(|r| format!("{}={}", r.on, number(r.value)))
                        .collect();
                    vec![
                        code(&g.id),
                        k.id.clone(),
                        k.name.clone(),
                        k.unit.clone(),
                        match k.direction {
                            Direction::HigherIsBetter => "higher".into(),
                            Direction::LowerIsBetter => "lower".into(),
                        },
                        number(k.baseline),
                        k.target.map(number).unwrap_or_default(),
                        readings.join("; "),
                        yes(k.confidential),
                    ]
                })
            }),
        ),
        Sheet::Risks => table::write(
            &RISK_COLUMNS,
            roadmap.initiatives.iter().flat_map(|i| {
                i.risks.iter().map(|r| {
                    vec![
                        i.id.0.clone(),
                        r.id.clone(),
                        r.title.clone(),
                        r.likelihood.to_string(),
                        r.impact.to_string(),
                        r.owner.clone(),
                        r.mitigation.clone(),
                        r.status.label().into(),
                        r.raised.to_string(),
                        yes(r.confidential),
                    ]
                })
            }),
        ),
    }
}

/// Applies one sheet to a copy of `roadmap`, all or nothing.
pub fn apply_sheet(
    roadmap: &Roadmap,
    sheet: Sheet,
    csv: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
    ids: &mut IdGen,
) -> Result<(Roadmap, Report), Vec<RowError>> {
    let mut out = roadmap.clone();
    let mut report = Report::default();
    let mut errors = Vec::new();
    match sheet {
        Sheet::Initiatives => return super::import::apply(roadmap, csv, today, now, ids),
        Sheet::Goals => {
            let sheet = table::read(csv, &GOAL_COLUMNS, &[&["title", "code"]])?;
            let mut codes: std::collections::HashMap<String, usize> = Default::default();
            for row in sheet.rows() {
                if let Err(e) = goal_row(&row, &mut out, &mut report, &mut codes, ids) {
                    errors.push(e);
                }
            }
        }
        Sheet::Kpis => {
            let sheet = table::read(csv, &KPI_COLUMNS, &[&["goal"], &["name"]])?;
            for row in sheet.rows() {
                if let Err(e) = kpi_row(&row, &mut out, &mut report, today, ids) {
                    errors.push(e);
                }
            }
        }
        Sheet::Risks => {
            let sheet = table::read(csv, &RISK_COLUMNS, &[&["initiative"], &["title"]])?;
            for row in sheet.rows() {
                if let Err(e) = risk_row(&row, &mut out, &mut report, today, ids) {
                    errors.push(e);
                }
            }
        }
    }
    if errors.is_empty()
        && let Some(p) = crate::domain::validate::problems(&out).first()
    {
        errors.push(RowError::new(
            0,
            None,
            format!("the result would not be a valid roadmap: {p}"),
        ));
    }
    if errors.is_empty() {
        Ok((out, report))
    } else {
        Err(errors)
    }
}

/// Counts a row as added or updated.
fn count<T: PartialEq>(report: &mut Report, before: Option<&T>, after: &T) {
    match before {
        None => report.added += 1,
        Some(b) if b != after => report.updated += 1,
        Some(_) => {}
    }
}

fn goal_row(
    row: &Row,
    out: &mut Roadmap,
    report: &mut Report,
    codes: &mut std::collections::HashMap<String, usize>,
    ids: &mut IdGen,
) -> Result<(), RowError> {
    let code = row.text("code").map(str::to_ascii_uppercase);
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
        });
    let before = at.map(|at| out.goals[at].clone());
    let mut goal = match &before {
        Some(g) => g.clone(),
        None => {
            let title = row
                .text("title")
                .ok_or_else(|| row.error("title", "a new goal needs a title"))?;
            let id = match row.text("id") {
                Some(id) if !out.taken_ids().contains(id) => {
                    crate::domain::validate::check_id(id).map_err(|why| row.error("id", why))?;
                    GoalId(id.to_string())
                }
                _ => ids.goal(&out.taken_ids()),
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
    for (name, slot) in [
        ("description", &mut goal.description),
        ("owner", &mut goal.owner),
    ] {
        if let Some(v) = row.cell(name) {
            *slot = v.to_string();
        }
    }
    if let Some(p) = priority {
        goal.priority = p;
    }
    count(report, before.as_ref(), &goal);
    match at {
        Some(at) => out.goals[at] = goal,
        None => out.goals.push(goal),
    }
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

fn num(row: &Row, column: &str) -> Result<Option<f64>, RowError> {
    row.text(column).map_or(Ok(None), |t| {
        parse_number(t).map_err(|e| row.error(column, e))
    })
}

fn flag(row: &Row, column: &str) -> Result<Option<bool>, RowError> {
    match row.text(column).map(str::to_ascii_lowercase).as_deref() {
        None => Ok(if row.cell(column).is_some() {
            Some(false)
        } else {
            None
        }),
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
        let on = parse_date(on, today).map_err(|e| row.error("readings", e.to_string()))?;
        let value = parse_number(value)
            .map_err(|e| row.error("readings", e))?
            .ok_or_else(bad)?;
        list.push(Reading { on, value });
    }
    Ok(Some(list))
}

fn kpi_row(
    row: &Row,
    out: &mut Roadmap,
    report: &mut Report,
    today: NaiveDate,
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
    let (baseline, target) = (num(row, "baseline")?, num(row, "target")?);
    let readings = readings(row, today)?;
    let confidential = flag(row, "confidential")?;
    let goal = &out.goals[g];
    // By id when the row has one (a new KPI otherwise), else by name.
    let at = match row.text("id") {
        Some(id) => goal.kpis.iter().position(|k| k.id == id),
        None => goal
            .kpis
            .iter()
            .position(|k| k.name.eq_ignore_ascii_case(name)),
    };
    let before = at.map(|at| goal.kpis[at].clone());
    let mut kpi = match &before {
        Some(k) => k.clone(),
        None => Kpi {
            id: match row.text("id") {
                Some(id) if !out.taken_ids().contains(id) => id.to_string(),
                _ => ids.entry('k', &out.taken_ids()),
            },
            name: name.to_string(),
            unit: String::new(),
            baseline: baseline.ok_or_else(|| {
                row.error(
                    "baseline",
                    "a new KPI needs its baseline: the value when the goal was set",
                )
            })?,
            target: None,
            direction: Direction::default(),
            readings: Vec::new(),
            confidential: false,
        },
    };
    kpi.name = name.to_string();
    if let Some(unit) = row.cell("unit") {
        kpi.unit = unit.to_string();
    }
    if let Some(d) = direction {
        kpi.direction = d;
    }
    if let Some(b) = baseline {
        kpi.baseline = b;
    }
    if row.cell("target").is_some() {
        kpi.target = target;
    }
    if let Some(r) = readings {
        kpi.readings = r;
    }
    if let Some(c) = confidential {
        kpi.confidential = c;
    }
    count(report, before.as_ref(), &kpi);
    let kpis = &mut out.goals[g].kpis;
    match at {
        Some(at) => kpis[at] = kpi,
        None => kpis.push(kpi),
    }
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

fn risk_row(
    row: &Row,
    out: &mut Roadmap,
    report: &mut Report,
    today: NaiveDate,
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
        .map(|t| parse_date(t, today).map_err(|e| row.error("raised", e.to_string())))
        .transpose()?;
    let confidential = flag(row, "confidential")?;
    let initiative = &out.initiatives[i];
    // By id when the row has one (a new risk otherwise), else by title.
    let at = match row.text("id") {
        Some(id) => initiative.risks.iter().position(|r| r.id == id),
        None => initiative
            .risks
            .iter()
            .position(|r| r.title.eq_ignore_ascii_case(title)),
    };
    let before = at.map(|at| initiative.risks[at].clone());
    let mut risk = match &before {
        Some(r) => r.clone(),
        None => Risk {
            id: match row.text("id") {
                Some(id) if !out.taken_ids().contains(id) => id.to_string(),
                _ => ids.entry('r', &out.taken_ids()),
            },
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
    for (name, slot) in [
        ("owner", &mut risk.owner),
        ("mitigation", &mut risk.mitigation),
    ] {
        if let Some(v) = row.cell(name) {
            *slot = v.to_string();
        }
    }
    if let Some(s) = status {
        risk.status = s;
    }
    if let Some(r) = raised {
        risk.raised = r;
    }
    if let Some(c) = confidential {
        risk.confidential = c;
    }
    count(report, before.as_ref(), &risk);
    let risks = &mut out.initiatives[i].risks;
    match at {
        Some(at) => risks[at] = risk,
        None => risks.push(risk),
    }
    Ok(())
}
