//! The roadmap as four CSV sheets a spreadsheet can hold: goals, initiatives, KPIs and
//! risks. Each is exported and imported on its own (`--sheet`), all or nothing, with the
//! row and column of every problem. Goals are named by code in the other sheets; an
//! initiative in the risks sheet by id or exact title. Numbers are written so they read
//! back exactly.

use super::sheet_rows::Report;
use super::sheet_rows::{Named, goal_row, kpi_row, risk_row};
use super::table::{self, Mapping, RowError};
use crate::domain::business::Direction;
use crate::domain::parse::show_kpi_target;
use crate::domain::{GoalId, IdGen, Roadmap};
use chrono::{DateTime, NaiveDate, Utc};

/// One sheet of a spreadsheet roadmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sheet {
    /// Business goals: code, title, description, owner, priority, the company goal served.
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
pub const GOAL_COLUMNS: [&str; 7] = [
    "id",
    "code",
    "title",
    "description",
    "owner",
    "priority",
    "contributes_to",
];
/// Columns of the KPIs sheet.
pub const KPI_COLUMNS: [&str; 10] = [
    "goal",
    "id",
    "name",
    "unit",
    "direction",
    "baseline",
    "target",
    "target_note",
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

    /// The sheet a header row belongs to, when `--sheet` is not given, read as `mapping`
    /// renames and leaves out its columns.
    pub fn detect(csv: &str, mapping: &Mapping) -> Sheet {
        let header = csv
            .trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap_or("");
        let names: Vec<String> = header
            .split([',', ';'])
            .map(|h| h.trim().trim_matches('"').to_lowercase())
            .filter(|h| !mapping.ignore.contains(h))
            .map(
                |h| match mapping.columns.iter().find(|(from, _)| *from == h) {
                    Some((_, to)) => to.clone(),
                    None => h,
                },
            )
            .collect();
        let has = |c: &str| names.iter().any(|h| h == c);
        if has("likelihood") || has("impact") || has("mitigation") || has("initiative") {
            Sheet::Risks
        } else if has("baseline") || has("readings") || (has("goal") && has("name")) {
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
) -> Result<String, super::WriteError> {
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
                    g.contributes_to.clone(),
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
                        k.baseline.map(number).unwrap_or_default(),
                        show_kpi_target(k.target, k.target_change),
                        k.target_note.clone(),
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
    apply_sheet_mapped(roadmap, sheet, csv, (today, now), ids, &Mapping::default())
}

/// [`apply_sheet`] with the sheet's names mapped (`--map`, `--ignore`, `--status`).
pub fn apply_sheet_mapped(
    roadmap: &Roadmap,
    sheet: Sheet,
    csv: &str,
    (today, now): (NaiveDate, DateTime<Utc>),
    ids: &mut IdGen,
    mapping: &Mapping,
) -> Result<(Roadmap, Report), Vec<RowError>> {
    let read = |columns: &[&str], required: &[&[&str]]| {
        table::read_mapped(csv, columns, required, mapping)
    };
    let mut out = roadmap.clone();
    let mut report = Report::default();
    let mut errors = Vec::new();
    match sheet {
        Sheet::Initiatives => {
            return super::import::apply_mapped(roadmap, csv, today, now, ids, mapping);
        }
        Sheet::Goals => {
            let sheet = read(&GOAL_COLUMNS, &[&["title", "code"]])?;
            let mut codes = Named::default();
            for row in sheet.rows() {
                if let Err(e) = goal_row(&row, &mut out, &mut report, &mut codes, ids) {
                    errors.push(e);
                }
            }
        }
        Sheet::Kpis => {
            let sheet = read(&KPI_COLUMNS, &[&["goal"], &["name"]])?;
            let mut seen = Named::default();
            for row in sheet.rows() {
                if let Err(e) = kpi_row(&row, &mut out, &mut report, (today, &mut seen), ids) {
                    errors.push(e);
                }
            }
        }
        Sheet::Risks => {
            let sheet = read(&RISK_COLUMNS, &[&["initiative"], &["title"]])?;
            let mut seen = Named::default();
            for row in sheet.rows() {
                if let Err(e) = risk_row(&row, &mut out, &mut report, (today, &mut seen), ids) {
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
