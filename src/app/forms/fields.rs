//! The parts of a form: what it edits (`FormTarget`), which value each field holds
//! (`FieldName`), and a field's editing state (`FieldValue`, `Field`).

use super::Form;
use crate::domain::business::Strength;
use crate::domain::parse::show_number;
use crate::domain::{GoalId, InitiativeId};
use chrono::NaiveDate;
use tui_input::Input;

/// What a form creates or changes.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum FormTarget {
    /// A new initiative.
    NewInitiative,
    /// An existing initiative.
    EditInitiative(InitiativeId),
    /// A new goal.
    NewGoal,
    /// An existing goal.
    EditGoal(GoalId),
    /// A new reading of one of a goal's KPIs.
    Reading(GoalId),
    /// A goal's KPI: new (None) or existing (its id).
    Kpi(GoalId, Option<String>),
    /// An initiative's risk: new (None) or existing (its id).
    Risk(InitiativeId, Option<String>),
    /// An initiative's business case (and champion).
    Case(InitiativeId),
    /// An initiative's deliverable: new (None) or existing (its position).
    Deliverable(InitiativeId, Option<usize>),
    /// A relationship check-in: new (None) or existing (its id).
    CheckIn(Option<String>),
    /// Why an initiative's target just moved later (Esc skips).
    SlipReason(InitiativeId),
    /// Why these initiatives just moved later together: one reason for all (Esc skips).
    SlipReasons(Vec<InitiativeId>),
    /// An exact target date for these initiatives.
    Retarget(Vec<InitiativeId>),
    /// The roadmap's name and currency.
    Settings,
    /// A decision of a meeting (by its id).
    Decision(String),
    /// An action item (by its id).
    Action(String),
}

impl FormTarget {
    /// True when the form creates something (every field is written).
    pub fn is_new(&self) -> bool {
        matches!(
            self,
            FormTarget::NewInitiative
                | FormTarget::NewGoal
                | FormTarget::Reading(_)
                | FormTarget::Kpi(_, None)
                | FormTarget::Risk(_, None)
                | FormTarget::Deliverable(_, None)
                | FormTarget::CheckIn(None)
        )
    }
}

/// Which value a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldName {
    /// Title of either item.
    Title,
    /// Initiative summary.
    Summary,
    /// Initiative IT owner.
    ItOwner,
    /// Initiative business sponsor.
    Sponsor,
    /// Linked goals.
    Goals,
    /// Initiative status.
    Status,
    /// Initiative portfolio kind.
    Kind,
    /// Initiative target date.
    Target,
    /// Initiative tags.
    Tags,
    /// Initiative notes.
    Notes,
    /// Goal code.
    Code,
    /// Goal business owner.
    Owner,
    /// Goal priority.
    Priority,
    /// Goal description.
    Description,
    /// The company goal (portfolio.ron id or code) a unit goal contributes to.
    ContributesTo,
    /// Which KPI a reading is for.
    Kpi,
    /// A number: a reading's value.
    Value,
    /// KPI unit.
    Unit,
    /// KPI baseline.
    Baseline,
    /// KPI target value.
    Goal,
    /// KPI target in the plan's words.
    TargetNote,
    /// The fiscal year's first month (roadmap settings).
    FiscalYear,
    /// How `3/4/2027` reads (roadmap settings).
    DayOrder,
    /// KPI direction.
    Direction,
    /// Hidden in the public view.
    Confidential,
    /// Risk likelihood 1-5.
    Likelihood,
    /// Risk impact 1-5.
    Impact,
    /// Risk mitigation.
    Mitigation,
    /// Risk status.
    RiskStatus,
    /// Business case: what happens if we don't.
    IfNot,
    /// Business case: new risks or effort it brings.
    Brings,
    /// Business case: hours of lost productivity per month.
    Hours,
    /// Business case: revenue at stake per year.
    Revenue,
    /// Business case: estimated cost (internal).
    Cost,
    /// Business case: expected benefit (internal).
    Benefit,
    /// Business case: politics and stakeholders (internal).
    Politics,
    /// The initiative's champion.
    Champion,
    /// Deliverable delivered.
    Done,
    /// Who spoke for the business in a check-in.
    Who,
    /// The business side's score 1-10.
    BusinessScore,
    /// Why the business gives that score.
    BusinessWhy,
    /// What would move the business score closer to 10.
    BusinessCloser,
    /// The IT side's score 1-10.
    ItScore,
    /// Why IT gives that score.
    ItWhy,
    /// What would move the IT score closer to 10.
    ItCloser,
    /// A follow-up action agreed in a check-in.
    FollowUp,
    /// Why a target moved later.
    Reason,
    /// The roadmap's currency.
    Currency,
    /// What a decision or action is about.
    About,
}

impl FieldName {
    /// True for fields that name a person: Tab completes them from the roadmap's people.
    pub fn is_person(self) -> bool {
        matches!(
            self,
            FieldName::ItOwner
                | FieldName::Sponsor
                | FieldName::Owner
                | FieldName::Champion
                | FieldName::Who
        )
    }

    /// True for fields the public view hides (the contract's internal fields).
    pub fn is_internal(self) -> bool {
        matches!(
            self,
            FieldName::Notes | FieldName::Cost | FieldName::Benefit | FieldName::Politics
        )
    }
}

/// The editing state of one field.
#[derive(Debug, Clone)]
pub enum FieldValue {
    /// Free text (single line, Unicode-aware cursor).
    Text(Input),
    /// A date typed as text, resolved against today.
    Date(Input),
    /// One of a fixed list; ←/→ or Space cycle, a letter jumps.
    Choice {
        /// The options' labels.
        options: Vec<String>,
        /// Index of the chosen option.
        selected: usize,
    },
    /// Several goals, each linked at a strength; ↑/↓ move, Space cycles
    /// unlinked → strong → partial → weak → unlinked.
    Goals {
        /// (goal id, "CODE  title") for every goal.
        options: Vec<(GoalId, String)>,
        /// The strength each option is linked at (None: not linked).
        checked: Vec<Option<Strength>>,
        /// The highlighted option.
        cursor: usize,
    },
}

/// One labelled field.
#[derive(Debug, Clone)]
pub struct Field {
    /// Which value it is.
    pub name: FieldName,
    /// Label shown to its left.
    pub label: &'static str,
    /// Its state.
    pub value: FieldValue,
}

impl Field {
    pub(in crate::app) fn text(name: FieldName, label: &'static str, value: &str) -> Self {
        Field {
            name,
            label,
            value: FieldValue::Text(Input::new(value.to_string())),
        }
    }

    /// The field's value as text (choices give their label, goals their ids).
    pub fn as_text(&self) -> String {
        match &self.value {
            FieldValue::Text(input) | FieldValue::Date(input) => input.value().to_string(),
            FieldValue::Choice { options, selected } => {
                options.get(*selected).cloned().unwrap_or_default()
            }
            FieldValue::Goals {
                options, checked, ..
            } => options
                .iter()
                .zip(checked)
                .filter_map(|((id, _), s)| s.map(|s| format!("{id}:{}", s.label())))
                .collect::<Vec<_>>()
                .join(","),
        }
    }
}

/// Extra help for some fields of the attached forms (shown under the field).
pub fn field_hint(name: FieldName) -> Option<&'static str> {
    Some(match name {
        FieldName::IfNot => "in business words: what happens if we don't do it?",
        FieldName::Brings => "new risks, effort or disruption it brings",
        FieldName::Mitigation => "what we do about it · a high risk without one is flagged",
        FieldName::Cost | FieldName::Benefit | FieldName::Politics => {
            "internal: hidden in the public view and public exports"
        }
        FieldName::Confidential => "Yes hides it in the public view and public exports",
        FieldName::Champion => "the person who carries the case",
        FieldName::About => "#CODE for a goal, an initiative's title, or empty for nothing",
        FieldName::Baseline => "the value when the goal was set · empty when the plan gives none",
        FieldName::Goal => {
            "45 · +4 or -20 from the baseline · =-5 for a negative value · empty for none"
        }
        FieldName::TargetNote => "the target in the plan's words, e.g. around 80% within 5 years",
        FieldName::FiscalYear => "FY2027 is the fiscal year that ends in 2027",
        FieldName::DayOrder => "how dates like 3/4/2027 read in forms, quick capture and imports",
        _ => return None,
    })
}

/// What writing an attached form did, for the undo history and the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::app) enum Applied {
    /// An item, named (`risk "…" of "…"`): "Added" or "Saved" goes before it.
    Item(String),
    /// A whole sentence already (`Recorded …`, `Removed …`).
    Said(String),
}

pub(super) fn yes_no(on: bool) -> FieldValue {
    FieldValue::Choice {
        options: vec!["No".into(), "Yes".into()],
        selected: usize::from(on),
    }
}

pub(super) fn scale(name: FieldName, label: &'static str, value: u8, words: [&str; 5]) -> Field {
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

pub(super) fn date_field(label: &'static str, date: NaiveDate) -> Field {
    Field {
        name: FieldName::Target,
        label,
        value: FieldValue::Date(Input::new(date.to_string())),
    }
}

pub(super) fn number_field(name: FieldName, label: &'static str, value: Option<f64>) -> Field {
    Field::text(name, label, &value.map(show_number).unwrap_or_default())
}

/// An existing risk or deliverable whose title was emptied: the user removes it.
pub(super) fn title_removed(form: &Form) -> bool {
    !form.target.is_new() && form.value(FieldName::Title).trim().is_empty()
}
