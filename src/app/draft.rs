//! What was being typed when a session ended and could not become an edit (a form that is
//! not valid yet, a capture line that does not parse): it is kept as a draft file beside the
//! roadmap and reopened, as it was, at the next start.

use super::forms::{FieldValue, Form, FormTarget};
use super::{App, Mode, capture::Capture};
use crate::domain::business::Strength;
use crate::domain::{GoalId, Horizon, InitiativeId};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use tui_input::Input;

/// Typed text that a stop could not keep as an edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// When the session ended.
    pub written: NaiveDateTime,
    /// What was open.
    pub kind: DraftKind,
    /// Each field's label and text, top to bottom (a capture line has one, "Line").
    pub fields: Vec<(String, String)>,
}

/// What a draft was typed into.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DraftKind {
    /// The quick-capture line.
    Capture,
    /// A form, by what it edits.
    Form(FormTarget),
}

impl Draft {
    /// The draft of an open form: the fields that were changed, so reopening it over a
    /// roadmap others changed meanwhile puts back only what was typed.
    pub fn of_form(form: &Form, written: NaiveDateTime) -> Self {
        Draft {
            written,
            kind: DraftKind::Form(form.target.clone()),
            fields: form
                .edited_fields()
                .map(|f| (f.label.to_string(), f.as_text()))
                .collect(),
        }
    }

    /// The draft of a capture line.
    pub fn of_capture(line: &str, written: NaiveDateTime) -> Self {
        Draft {
            written,
            kind: DraftKind::Capture,
            fields: vec![("Line".into(), line.into())],
        }
    }

    /// True when nothing but blanks was typed.
    pub fn is_blank(&self) -> bool {
        match self.kind {
            DraftKind::Capture => self.fields.iter().all(|(_, t)| t.trim().is_empty()),
            DraftKind::Form(_) => false, // a changed form: even a cleared field is a change
        }
    }
}

/// The item a form names, if it names one: Some(None) for a new item, None when the named
/// item is gone.
fn named<'a, T>(
    id: &Option<String>,
    find: impl FnOnce(&String) -> Option<&'a T>,
) -> Option<Option<&'a T>> {
    match id {
        Some(id) => find(id).map(Some),
        None => Some(None),
    }
}

/// Puts a field's text back: text as typed, a choice by its label, goals by `id:strength`.
fn set_text(value: &mut FieldValue, text: &str) {
    match value {
        FieldValue::Text(input) | FieldValue::Date(input) => *input = Input::new(text.into()),
        FieldValue::Choice { options, selected } => {
            if let Some(n) = options.iter().position(|o| o == text) {
                *selected = n;
            }
        }
        FieldValue::Goals {
            options, checked, ..
        } => {
            let links: Vec<(&str, &str)> = text
                .split(',')
                .filter_map(|link| link.split_once(':'))
                .collect();
            for ((id, _), strength) in options.iter().zip(checked.iter_mut()) {
                *strength = links
                    .iter()
                    .find(|(linked, _)| *linked == id.to_string())
                    .and_then(|(_, s)| Strength::ALL.into_iter().find(|x| x.label() == *s));
            }
        }
    }
}

impl App {
    /// The form `target` opens on the roadmap as it is now; None when its item is gone.
    pub(super) fn form_for(&self, target: &FormTarget) -> Option<Form> {
        let today = self.today;
        let r = &self.roadmap;
        // The initiatives of a form for several that still exist (none: the form is gone).
        let still_there = |ids: &[InitiativeId]| {
            let left: Vec<InitiativeId> = ids
                .iter()
                .filter(|id| r.initiative(id).is_some())
                .cloned()
                .collect();
            (!left.is_empty()).then_some(left)
        };
        Some(match target {
            FormTarget::NewInitiative => {
                Form::new_initiative(r, Horizon::Now, &Vec::<GoalId>::new(), today)
            }
            FormTarget::EditInitiative(id) => Form::edit_initiative(r, r.initiative(id)?, today),
            FormTarget::NewGoal => Form::goal(None, today),
            FormTarget::EditGoal(id) => Form::goal(Some(r.goal(id)?), today),
            FormTarget::Reading(id) => Form::reading(r.goal(id)?, 0, today),
            FormTarget::Kpi(id, kpi) => {
                let goal = r.goal(id)?;
                let existing = named(kpi, |kpi| goal.kpis.iter().find(|k| &k.id == kpi))?;
                Form::kpi(id, existing, today)
            }
            FormTarget::Risk(id, risk) => {
                let initiative = r.initiative(id)?;
                let existing = named(risk, |risk| initiative.risks.iter().find(|k| &k.id == risk))?;
                Form::risk(id, existing, today)
            }
            FormTarget::Case(id) => Form::case(r.initiative(id)?, today),
            FormTarget::Deliverable(id, index) => {
                let initiative = r.initiative(id)?;
                // A deliverable removed meanwhile: its position now names another, or none.
                if index.is_some_and(|at| at >= initiative.deliverables.len()) {
                    return None;
                }
                Form::deliverable(initiative, *index, today)
            }
            FormTarget::CheckIn(id) => {
                let existing = named(id, |id| r.checkins.iter().find(|c| &c.id == id))?;
                Form::checkin(existing, today)
            }
            FormTarget::SlipReason(id) => {
                r.initiative(id)?;
                Form::slip_reason(id, today)
            }
            FormTarget::SlipReasons(ids) => Form::slip_reasons(still_there(ids)?, today),
            FormTarget::Retarget(ids) => Form::retarget(still_there(ids)?, today),
            FormTarget::Settings => Form::settings(r, today),
            FormTarget::Decision(id) => Form::decision(r, r.decisions.find(id)?, today),
            FormTarget::Action(id) => Form::action(r, r.actions.find(id)?, today),
        })
    }

    /// Reopens a draft left by the last session, as it was typed. Returns false (and leaves
    /// the app as it was) when what it was typed into is gone.
    pub fn reopen_draft(&mut self, draft: &Draft) -> bool {
        let when = draft.written.format("%a %-d %b %H:%M");
        match &draft.kind {
            DraftKind::Capture => {
                let mut capture = Capture::new(self.view.column);
                let line = draft.fields.first().map_or("", |(_, t)| t.as_str());
                capture.input = Input::new(line.into());
                self.mode = Mode::Capture(Box::new(capture));
            }
            DraftKind::Form(target) => {
                let Some(mut form) = self.form_for(target) else {
                    return false;
                };
                for field in &mut form.fields {
                    if let Some((_, text)) = draft.fields.iter().find(|(l, _)| l == field.label) {
                        set_text(&mut field.value, text);
                    }
                }
                self.mode = Mode::Form(Box::new(form));
            }
        }
        self.info(format!(
            "Draft from {when} reopened: Enter keeps it, Esc discards it."
        ));
        true
    }
}
