//! CSV: one row per initiative (RFC 4180 quoting by the `csv` crate; text is kept exactly,
//! line breaks included). Text cells that a spreadsheet would run as a formula (starting with
//! `=`, `+`, `-`, `@`, tab or CR) get a leading `'`, which `alignmap import` removes again.

use super::Options;
use crate::domain::Roadmap;

/// The columns, in order. Cost and notes are left out of public exports.
pub const COLUMNS: [&str; 17] = [
    "id",
    "title",
    "horizon",
    "target",
    "status",
    "kind",
    "goals",
    "it_owner",
    "sponsor",
    "champion",
    "tags",
    "summary",
    "done_on",
    "first_target",
    "slips",
    "cost",
    "notes",
];

pub use super::cells::{is_risky, neutralise, restore};

/// The CSV text: a header row, then one row per initiative in roadmap order.
pub fn sheet(roadmap: &Roadmap, options: Options<'_>) -> Result<String, super::WriteError> {
    let columns: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .filter(|c| !options.public || !matches!(*c, "cost" | "notes"))
        .collect();
    let rows = roadmap.initiatives.iter().map(|i| {
        let goals: Vec<String> = i
            .serves
            .iter()
            .filter_map(|l| {
                roadmap
                    .goal(&l.goal)
                    .map(|g| format!("{}:{}", g.code, l.strength.label()))
            })
            .collect();
        let cell = |name: &str| -> String {
            match name {
                "id" => i.id.0.clone(),
                "title" => i.title.clone(),
                "horizon" => i.horizon_label(options.today).into(),
                "target" => i.target.to_string(),
                "status" => i.status.label().into(),
                "kind" => i.kind.label().into(),
                "goals" => goals.join("; "),
                "it_owner" => i.it_owner.clone(),
                "sponsor" => i.sponsor.clone(),
                "champion" => i.champion.clone(),
                "tags" => i.tags.join(", "),
                "summary" => i.summary.clone(),
                "done_on" => i
                    .done_on
                    .filter(|_| i.status == crate::domain::Status::Done)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                "first_target" => i.first_target().to_string(),
                "slips" => i.slip_count().to_string(),
                "cost" => i.case.cost.map(|c| c.to_string()).unwrap_or_default(),
                "notes" => i.notes.clone(),
                _ => String::new(),
            }
        };
        columns.iter().map(|c| cell(c)).collect::<Vec<String>>()
    });
    super::table::write(&columns, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_prefixes_are_neutralised_and_restored_exactly() {
        for risky in ["=1+1", "+31 6", "-5", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(restore(&neutralise(risky)), risky);
            assert!(neutralise(risky).starts_with('\''));
        }
        for safe in ["plain", "'quoted already", "", "1-2"] {
            assert_eq!(neutralise(safe), safe);
            assert_eq!(restore(safe), safe, "a ' a user typed stays");
        }
        assert_eq!(restore(&neutralise("'=x")), "'=x");
    }
}
