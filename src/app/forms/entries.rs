//! Forms for what hangs off goals and initiatives: KPI readings, KPIs, risks, the business
//! case, deliverables. Building them, checking them, and writing them into the roadmap.

use super::fields::Applied;
use super::{Field, FieldName, FieldValue, Form, FormTarget, choice};
use crate::domain::business::{Deliverable, Direction, Kpi, Risk, RiskStatus};
use crate::domain::dates::parse_date_in;
use crate::domain::parse::{KpiTarget, parse_kpi_number, parse_kpi_target, show_kpi_target};
pub use crate::domain::parse::{NUMBER_HELP, parse_number, show_number};
use crate::domain::{Goal, GoalId, IdGen, Initiative, InitiativeId, Roadmap};
use chrono::NaiveDate;
use tui_input::Input;

fn yes_no(on: bool) -> FieldValue {
    FieldValue::Choice {
        options: vec!["No".into(), "Yes".into()],
        selected: usize::from(on),
    }
}

fn scale(name: FieldName, label: &'static str, value: u8, words: [&str; 5]) -> Field {
    Field {
        name,
        label,
        value: FieldValue::Choice {
            options: words
                .iter()
                .enumerate()
                .map(|(n, w)| format!("{} {w}", n + 1))
                .collect(),
            selected: usize::from(value.clamp(1, 5) - 1),
        },
    }
}

fn date_field(label: &'static str, date: NaiveDate) -> Field {
    Field {
        name: FieldName::Target,
        label,
        value: FieldValue::Date(Input::new(date.to_string())),
    }
}

fn number_field(name: FieldName, label: &'static str, value: Option<f64>) -> Field {
    Field::text(name, label, &value.map(show_number).unwrap_or_default())
}

impl Form {
    /// Records a reading of one of `goal`'s KPIs (the first is chosen; ←/→ picks another).
    pub fn reading(goal: &Goal, kpi: usize, today: NaiveDate) -> Self {
        let fields = vec![
            Field {
                name: FieldName::Kpi,
                label: "KPI",
                value: FieldValue::Choice {
                    options: goal.kpis.iter().map(kpi_label).collect(),
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

    /// A new risk of `initiative`, or `existing` to edit.
    pub fn risk(initiative: &InitiativeId, existing: Option<&Risk>, today: NaiveDate) -> Self {
        let fields = vec![
            Field::text(FieldName::Title, "Risk", existing.map_or("", |r| &r.title)),
            scale(
                FieldName::Likelihood,
                "Likelihood",
                existing.map_or(3, |r| r.likelihood),
                ["rare", "unlikely", "possible", "likely", "almost certain"],
            ),
            scale(
                FieldName::Impact,
                "Impact",
                existing.map_or(3, |r| r.impact),
                ["minor", "moderate", "serious", "major", "severe"],
            ),
            Field::text(FieldName::Owner, "Owner", existing.map_or("", |r| &r.owner)),
            Field::text(
                FieldName::Mitigation,
                "Mitigation",
                existing.map_or("", |r| &r.mitigation),
            ),
            Field {
                name: FieldName::RiskStatus,
                label: "Status",
                value: choice(
                    &RiskStatus::ALL,
                    RiskStatus::label,
                    existing.map_or(RiskStatus::Open, |r| r.status),
                ),
            },
            Field {
                name: FieldName::Confidential,
                label: "Confidential",
                value: yes_no(existing.is_some_and(|r| r.confidential)),
            },
        ];
        let target = FormTarget::Risk(initiative.clone(), existing.map(|r| r.id.clone()));
        Form::new(target, fields, today)
    }

    /// The business case and champion of `initiative`.
    pub fn case(initiative: &Initiative, today: NaiveDate) -> Self {
        let c = &initiative.case;
        let fields = vec![
            Field::text(FieldName::IfNot, "If we don't", &c.if_not),
            Field::text(FieldName::Brings, "Risks/effort", &c.brings),
            number_field(FieldName::Hours, "Hours/month", c.hours_lost_per_month),
            number_field(FieldName::Revenue, "Revenue/year", c.revenue_at_stake),
            number_field(FieldName::Cost, "Cost", c.cost),
            Field::text(FieldName::Benefit, "Benefit", &c.benefit),
            Field::text(FieldName::Politics, "Politics", &c.politics),
            Field::text(FieldName::Champion, "Champion", &initiative.champion),
            Field {
                name: FieldName::Confidential,
                label: "Confidential",
                value: yes_no(c.confidential),
            },
        ];
        Form::new(FormTarget::Case(initiative.id.clone()), fields, today)
    }

    /// A new deliverable of `initiative`, or the one at `index` to edit.
    pub fn deliverable(initiative: &Initiative, index: Option<usize>, today: NaiveDate) -> Self {
        let existing = index.and_then(|n| initiative.deliverables.get(n));
        let fields = vec![
            Field::text(
                FieldName::Title,
                "They get",
                existing.map_or("", |d| &d.title),
            ),
            date_field(
                "When",
                existing.map_or_else(
                    || initiative.target.due().map_or(today, |due| due.max(today)),
                    |d| d.date,
                ),
            ),
            Field {
                name: FieldName::Done,
                label: "Delivered",
                value: yes_no(existing.is_some_and(|d| d.done)),
            },
        ];
        let target = FormTarget::Deliverable(initiative.id.clone(), index);
        Form::new(target, fields, today)
    }

    fn number(&self, name: FieldName) -> Result<Option<f64>, (FieldName, String)> {
        parse_number(&self.value(name)).map_err(|m| (name, m))
    }

    pub(in crate::app) fn yes(&self, name: FieldName) -> bool {
        self.choice_index(name) == Some(1)
    }

    pub(in crate::app) fn date(&self) -> Result<NaiveDate, (FieldName, String)> {
        parse_date_in(&self.value(FieldName::Target), self.today, &self.calendar)
            .map_err(|e| (FieldName::Target, e.to_string()))
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

    pub(in crate::app) fn check_entry(&self, roadmap: &Roadmap) -> Result<(), (FieldName, String)> {
        let title = self.value(FieldName::Title);
        let unit = self.kpi_unit(roadmap);
        match &self.target {
            FormTarget::Reading(_) => {
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
            FormTarget::Kpi(..) => {
                if title.trim().is_empty() {
                    return Err((FieldName::Title, "Name the KPI.".into()));
                }
                self.kpi_number(FieldName::Baseline, &unit)?;
                parse_kpi_target(&self.value(FieldName::Goal), &unit)
                    .map(|_| ())
                    .map_err(|m| (FieldName::Goal, format!("{m}; words go in Target note")))
            }
            FormTarget::Risk(_, None) if title.trim().is_empty() => {
                Err((FieldName::Title, "Say what could go wrong.".into()))
            }
            FormTarget::Case(_) => {
                for name in [FieldName::Hours, FieldName::Revenue, FieldName::Cost] {
                    if self.number(name)?.is_some_and(|n| n < 0.0) {
                        return Err((name, "Use 0 or more.".into()));
                    }
                }
                Ok(())
            }
            FormTarget::Deliverable(_, None) if title.trim().is_empty() => Err((
                FieldName::Title,
                "Say what the business gets, in one line.".into(),
            )),
            FormTarget::Deliverable(..) => self.date().map(|_| ()),
            FormTarget::CheckIn(_) => self.date().map(|_| ()),
            FormTarget::Settings if title.trim().is_empty() => Err((
                FieldName::Title,
                "Name the roadmap: exports take their titles and file names from it.".into(),
            )),
            FormTarget::Retarget(_) => {
                let target = self.target_date().map_err(|m| (FieldName::Target, m))?;
                if target.is_before(self.today) {
                    return Err((
                        FieldName::Target,
                        format!(
                            "{} has passed: a new target is today or later",
                            target.label_with_day(crate::domain::dates::long_date)
                        ),
                    ));
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Writes the form into the roadmap; returns the words for the undo history.
    /// Call after [`Form::validate`].
    pub(in crate::app) fn apply_entry(
        &self,
        roadmap: &mut Roadmap,
        ids: &mut IdGen,
    ) -> Option<Applied> {
        let prefix = match self.target {
            FormTarget::Kpi(..) => 'k',
            _ => 'r',
        };
        let new_id = ids.entry(prefix, &roadmap.taken_ids());
        let text = |name| self.value(name).trim().to_string();
        let number = |name| parse_number(&self.value(name)).ok().flatten();
        let unit = self.kpi_unit(roadmap);
        match &self.target {
            FormTarget::Reading(goal) => {
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
            FormTarget::Kpi(goal, id) => {
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
            FormTarget::Risk(initiative, id) => {
                let initiative = roadmap.initiative_mut(initiative)?;
                if title_removed(self) {
                    let id = id.as_ref()?;
                    initiative.risks.retain(|r| &r.id != id);
                    return Some(Applied::Said("Removed a risk".into()));
                }
                let mut risk = match id {
                    Some(id) => initiative.risks.iter().find(|r| &r.id == id)?.clone(),
                    None => Risk {
                        id: new_id,
                        title: String::new(),
                        likelihood: 3,
                        impact: 3,
                        owner: String::new(),
                        mitigation: String::new(),
                        status: RiskStatus::Open,
                        raised: self.today,
                        confidential: false,
                    },
                };
                risk.title = text(FieldName::Title);
                let level = |name| {
                    self.choice_index(name)
                        .and_then(|i| u8::try_from(i + 1).ok())
                };
                risk.likelihood = level(FieldName::Likelihood).unwrap_or(risk.likelihood);
                risk.impact = level(FieldName::Impact).unwrap_or(risk.impact);
                risk.owner = text(FieldName::Owner);
                risk.mitigation = text(FieldName::Mitigation);
                risk.status = self
                    .choice_index(FieldName::RiskStatus)
                    .and_then(|i| RiskStatus::ALL.get(i).copied())
                    .unwrap_or(risk.status);
                risk.confidential = self.yes(FieldName::Confidential);
                let what = format!("risk \"{}\" (severity {})", risk.title, risk.severity());
                match initiative.risks.iter_mut().find(|r| r.id == risk.id) {
                    Some(slot) => *slot = risk,
                    None => initiative.risks.push(risk),
                }
                Some(Applied::Item(what))
            }
            FormTarget::Case(initiative) => {
                let initiative = roadmap.initiative_mut(initiative)?;
                let case = &mut initiative.case;
                for (name, slot) in [
                    (FieldName::IfNot, &mut case.if_not),
                    (FieldName::Brings, &mut case.brings),
                    (FieldName::Benefit, &mut case.benefit),
                    (FieldName::Politics, &mut case.politics),
                    (FieldName::Champion, &mut initiative.champion),
                ] {
                    if self.field(name).is_some() {
                        *slot = text(name);
                    }
                }
                for (name, slot) in [
                    (FieldName::Hours, &mut case.hours_lost_per_month),
                    (FieldName::Revenue, &mut case.revenue_at_stake),
                    (FieldName::Cost, &mut case.cost),
                ] {
                    // Untouched numbers keep their exact stored value.
                    if self.field(name).is_some() && self.is_field_changed(name) {
                        *slot = number(name);
                    }
                }
                case.confidential = self.yes(FieldName::Confidential);
                Some(Applied::Item(format!(
                    "business case of \"{}\"",
                    initiative.title
                )))
            }
            FormTarget::Deliverable(initiative, index) => {
                let initiative = roadmap.initiative_mut(initiative)?;
                if title_removed(self) {
                    let at = (*index).filter(|at| *at < initiative.deliverables.len())?;
                    initiative.deliverables.remove(at);
                    return Some(Applied::Said("Removed a deliverable".into()));
                }
                let item = Deliverable {
                    title: text(FieldName::Title),
                    date: self.date().ok()?,
                    done: self.yes(FieldName::Done),
                };
                let what = format!("deliverable \"{}\"", item.title);
                match index.and_then(|n| initiative.deliverables.get_mut(n)) {
                    Some(slot) => *slot = item,
                    None => initiative.deliverables.push(item),
                }
                initiative.deliverables.sort_by_key(|d| d.date);
                Some(Applied::Item(what))
            }
            FormTarget::CheckIn(_) | FormTarget::SlipReason(_) | FormTarget::SlipReasons(_) => {
                self.apply_review_form(roadmap, ids)
            }
            _ => None,
        }
    }
}

/// An existing risk or deliverable whose title was emptied: the user removes it.
fn title_removed(form: &Form) -> bool {
    !form.target.is_new() && form.value(FieldName::Title).trim().is_empty()
}

/// "Days sales outstanding (days)".
pub fn kpi_label(kpi: &Kpi) -> String {
    if kpi.unit.is_empty() {
        kpi.name.clone()
    } else {
        format!("{} ({})", kpi.name, kpi.unit)
    }
}
