//! The KPI forms: a KPI of a goal (its unit, baseline, target as plans write it, direction)
//! and a reading of one, with the check that catches a value typed into the wrong KPI.

use super::fields::Applied;
use super::fields::{date_field, number_field, yes_no};
use super::{Field, FieldName, FieldValue, Form, FormTarget, choice};
use crate::domain::business::{Direction, Kpi};
use crate::domain::parse::show_number;
use crate::domain::parse::{KpiTarget, parse_kpi_number, parse_kpi_target, show_kpi_target};
use crate::domain::{Goal, GoalId, Roadmap};
use chrono::NaiveDate;

impl Form {
    /// Records a reading of one of `goal`'s KPIs (the first is chosen; ←/→ picks another).
    pub fn reading(goal: &Goal, kpi: usize, today: NaiveDate) -> Self {
        let fields = vec![
            Field {
                name: FieldName::Kpi,
                label: "KPI",
                value: FieldValue::Choice {
                    options: goal.kpis.iter().map(Kpi::label).collect(),
                    selected: kpi.min(goal.kpis.len().saturating_sub(1)),
                },
            },
            Field::text(FieldName::Value, "Value", ""),
            date_field("Measured on", today),
        ];
        let mut form = Form::new(FormTarget::Reading(goal.id.clone()), fields, today);
        form.focus_field(FieldName::Value);
        form
    }

    /// A new KPI for `goal`, or `existing` to edit.
    pub fn kpi(goal: &GoalId, existing: Option<&Kpi>, today: NaiveDate) -> Self {
        let fields = vec![
            Field::text(FieldName::Title, "KPI", existing.map_or("", |k| &k.name)),
            Field::text(FieldName::Unit, "Unit", existing.map_or("", |k| &k.unit)),
            number_field(
                FieldName::Baseline,
                "Baseline",
                existing.and_then(|k| k.baseline),
            ),
            Field::text(
                FieldName::Goal,
                "Target",
                &existing.map_or_else(String::new, |k| show_kpi_target(k.target, k.target_change)),
            ),
            Field::text(
                FieldName::TargetNote,
                "Target note",
                existing.map_or("", |k| &k.target_note),
            ),
            Field {
                name: FieldName::Direction,
                label: "Better is",
                value: choice(
                    &[Direction::HigherIsBetter, Direction::LowerIsBetter],
                    Direction::label,
                    existing.map_or(Direction::HigherIsBetter, |k| k.direction),
                ),
            },
            Field {
                name: FieldName::Confidential,
                label: "Confidential",
                value: yes_no(existing.is_some_and(|k| k.confidential)),
            },
        ];
        let target = FormTarget::Kpi(goal.clone(), existing.map(|k| k.id.clone()));
        Form::new(target, fields, today)
    }

    /// The unit of the KPI this form is about: the one picked for a reading, the one typed
    /// for a KPI.
    fn kpi_unit(&self, roadmap: &Roadmap) -> String {
        match &self.target {
            FormTarget::Reading(goal) => roadmap
                .goal(goal)
                .and_then(|g| g.kpis.get(self.choice_index(FieldName::Kpi)?))
                .map(|k| k.unit.clone())
                .unwrap_or_default(),
            _ => self.value(FieldName::Unit),
        }
    }

    fn kpi_number(&self, name: FieldName, unit: &str) -> Result<Option<f64>, (FieldName, String)> {
        parse_kpi_number(&self.value(name), unit).map_err(|m| (name, m))
    }

    /// Checks the fields of the forms in this file.
    /// A reading more than ten times its KPI's span away from baseline and target is
    /// probably typed into the wrong KPI (NPS 2900, run cost 12 M€): the first Enter says so,
    /// a second Enter with the same value records it.
    pub(in crate::app) fn check_outlier(
        &mut self,
        roadmap: &Roadmap,
    ) -> Result<(), (FieldName, String)> {
        let FormTarget::Reading(goal) = &self.target else {
            return Ok(());
        };
        let kpi = match self.field(FieldName::Kpi).map(|f| &f.value) {
            Some(FieldValue::Choice { selected, .. }) => {
                roadmap.goal(goal).and_then(|g| g.kpis.get(*selected))
            }
            _ => None,
        };
        let Some(kpi) = kpi else {
            return Ok(());
        };
        let Ok(Some(value)) = self.kpi_number(FieldName::Value, &kpi.unit) else {
            return Ok(());
        };
        let (Some(baseline), Some(target)) = (kpi.baseline, kpi.aim()) else {
            return Ok(());
        };
        let (lo, hi) = (baseline.min(target), baseline.max(target));
        let span = (hi - lo).max(lo.abs().max(hi.abs()) * 0.01).max(1e-9);
        let typed = self.value(FieldName::Value);
        if (lo - 10.0 * span..=hi + 10.0 * span).contains(&value)
            || self.outlier_ok.as_deref() == Some(typed.trim())
        {
            return Ok(());
        }
        self.outlier_ok = Some(typed.trim().to_string());
        Err((
            FieldName::Value,
            format!(
                "{} is far outside {}'s range ({} → {}): is it the right KPI? Enter again records it.",
                typed.trim(),
                kpi.name,
                show_number(baseline),
                show_number(target)
            ),
        ))
    }

    pub(super) fn check_reading(&self, roadmap: &Roadmap) -> Result<(), (FieldName, String)> {
        let unit = self.kpi_unit(roadmap);
        if self.kpi_number(FieldName::Value, &unit)?.is_none() {
            return Err((FieldName::Value, "Type the value measured.".into()));
        }
        if self.date()? > self.today {
            return Err((
                FieldName::Target,
                "A reading cannot be in the future: measure first, then record it.".into(),
            ));
        }
        Ok(())
    }

    pub(super) fn check_kpi(&self, roadmap: &Roadmap) -> Result<(), (FieldName, String)> {
        let title = self.value(FieldName::Title);
        let unit = self.kpi_unit(roadmap);
        if title.trim().is_empty() {
            return Err((FieldName::Title, "Name the KPI.".into()));
        }
        self.kpi_number(FieldName::Baseline, &unit)?;
        parse_kpi_target(&self.value(FieldName::Goal), &unit)
            .map(|_| ())
            .map_err(|m| (FieldName::Goal, format!("{m}; words go in Target note")))
    }

    pub(super) fn apply_reading(&self, roadmap: &mut Roadmap, goal: &GoalId) -> Option<Applied> {
        let unit = self.kpi_unit(roadmap);
        let goal = roadmap.goal_mut(goal)?;
        let kpi = goal.kpis.get_mut(self.choice_index(FieldName::Kpi)?)?;
        let value = self.kpi_number(FieldName::Value, &unit).ok().flatten()?;
        let on = self.date().ok()?;
        kpi.record(on, value);
        Some(Applied::Said(format!(
            "Recorded {} {} for \"{}\"",
            show_number(value),
            kpi.unit,
            kpi.name
        )))
    }

    pub(super) fn apply_kpi(
        &self,
        roadmap: &mut Roadmap,
        goal: &GoalId,
        id: Option<&String>,
        new_id: String,
    ) -> Option<Applied> {
        let text = |name| self.value(name).trim().to_string();
        let unit = self.kpi_unit(roadmap);
        let goal = roadmap.goal_mut(goal)?;
        let mut kpi = match id {
            Some(id) => goal.kpis.iter().find(|k| &k.id == id)?.clone(),
            None => Kpi {
                id: new_id,
                ..Kpi::default()
            },
        };
        kpi.name = text(FieldName::Title);
        kpi.unit = text(FieldName::Unit);
        if self.is_field_changed(FieldName::Baseline) {
            kpi.baseline = self.kpi_number(FieldName::Baseline, &unit).ok()?;
        }
        if self.is_field_changed(FieldName::Goal) {
            (kpi.target, kpi.target_change) =
                match parse_kpi_target(&self.value(FieldName::Goal), &unit).ok()? {
                    KpiTarget::None => (None, None),
                    KpiTarget::Value(v) => (Some(v), None),
                    KpiTarget::Change(c) => (None, Some(c)),
                };
        }
        if self.is_field_changed(FieldName::TargetNote) {
            kpi.target_note = text(FieldName::TargetNote);
        }
        kpi.direction = if self.choice_index(FieldName::Direction) == Some(1) {
            Direction::LowerIsBetter
        } else {
            Direction::HigherIsBetter
        };
        kpi.confidential = self.yes(FieldName::Confidential);
        let what = format!("KPI \"{}\"", kpi.name);
        match goal.kpis.iter_mut().find(|k| k.id == kpi.id) {
            Some(slot) => *slot = kpi,
            None => goal.kpis.push(kpi),
        }
        Some(Applied::Item(what))
    }
}
