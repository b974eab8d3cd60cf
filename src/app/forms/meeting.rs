//! Forms of the meeting record: a decision (what, about what) and an action item (what, who,
//! by when, about what, done).

use super::fields::{Applied, yes_no};
use super::{Field, FieldName, FieldValue, Form, FormTarget};
use crate::domain::Roadmap;
use crate::domain::dates::parse_date_in;
use crate::domain::decisions::{Action, Decision, Link};
use chrono::NaiveDate;
use tui_input::Input;

/// How a form writes what a decision or action is about: `#CODE` for a goal, the title for an
/// initiative, nothing for none.
fn about_text(link: Option<&Link>, roadmap: &Roadmap) -> String {
    match link {
        Some(Link::Goal(id)) => roadmap
            .goal(id)
            .map_or_else(|| id.0.clone(), |g| format!("#{}", g.code)),
        Some(Link::Initiative(id)) => roadmap
            .initiative(id)
            .map_or_else(|| id.0.clone(), |i| i.title.clone()),
        None => String::new(),
    }
}

/// What `text` says a decision or action is about: empty for nothing, `#goal` as quick
/// capture reads it, else the initiative with that title (or the one whose title holds it).
fn parse_about(text: &str, roadmap: &Roadmap) -> Result<Option<Link>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(token) = text.strip_prefix('#') {
        return match crate::domain::capture::match_goal(token, &roadmap.goals).as_slice() {
            [goal] => Ok(Some(Link::Goal(goal.id.clone()))),
            [] => Err(format!("no goal matches #{token}")),
            many => Err(format!(
                "#{token} could be {}: type more of it",
                many.iter()
                    .map(|g| g.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        };
    }
    let lower = text.to_lowercase();
    let exact: Vec<_> = roadmap
        .initiatives
        .iter()
        .filter(|i| i.title.to_lowercase() == lower)
        .collect();
    let found = if exact.is_empty() {
        roadmap
            .initiatives
            .iter()
            .filter(|i| i.title.to_lowercase().contains(&lower))
            .collect()
    } else {
        exact
    };
    match found.as_slice() {
        [one] => Ok(Some(Link::Initiative(one.id.clone()))),
        [] => Err(format!(
            "no initiative is titled \"{text}\" (#CODE for a goal, empty for nothing)"
        )),
        many => Err(format!(
            "{} initiatives have \"{text}\" in their title: type more of it",
            many.len()
        )),
    }
}

impl Form {
    /// Edits a decision.
    pub fn decision(roadmap: &Roadmap, decision: &Decision, today: NaiveDate) -> Self {
        let fields = vec![
            Field::text(FieldName::Title, "Decided", &decision.text),
            Field::text(
                FieldName::About,
                "About",
                &about_text(decision.link.as_ref(), roadmap),
            ),
        ];
        Form::new(FormTarget::Decision(decision.id.clone()), fields, today)
    }

    /// Edits an action item.
    pub fn action(roadmap: &Roadmap, action: &Action, today: NaiveDate) -> Self {
        let due = action.due.map(|d| d.to_string()).unwrap_or_default();
        let fields = vec![
            Field::text(FieldName::Title, "To do", &action.text),
            Field::text(FieldName::Owner, "Owner", &action.owner),
            Field {
                name: FieldName::Target,
                label: "Due",
                value: FieldValue::Date(Input::new(due)),
            },
            Field::text(
                FieldName::About,
                "About",
                &about_text(action.link.as_ref(), roadmap),
            ),
            Field {
                name: FieldName::Done,
                label: "Done",
                value: yes_no(action.done_on.is_some()),
            },
        ];
        Form::new(FormTarget::Action(action.id.clone()), fields, today)
    }

    fn due(&self) -> Result<Option<NaiveDate>, (FieldName, String)> {
        let typed = self.value(FieldName::Target);
        if typed.trim().is_empty() {
            return Ok(None);
        }
        parse_date_in(&typed, self.today, &self.calendar)
            .map(Some)
            .map_err(|e| (FieldName::Target, e.to_string()))
    }

    pub(super) fn check_meeting(&self, roadmap: &Roadmap) -> Result<(), (FieldName, String)> {
        if self.value(FieldName::Title).trim().is_empty() {
            let what = match self.target {
                FormTarget::Decision(_) => "what was decided",
                _ => "what is to be done",
            };
            return Err((FieldName::Title, format!("Say {what}.")));
        }
        parse_about(&self.value(FieldName::About), roadmap).map_err(|m| (FieldName::About, m))?;
        self.due().map(|_| ())
    }

    /// Writes the decision or action back; the words for the undo history.
    pub(super) fn apply_meeting(&self, roadmap: &mut Roadmap) -> Option<Applied> {
        let text = self.value(FieldName::Title).trim().to_string();
        let link = parse_about(&self.value(FieldName::About), roadmap).ok()?;
        match &self.target {
            FormTarget::Decision(id) => {
                let decision = roadmap.decisions.find_mut(id)?;
                decision.text = text.clone();
                decision.link = link;
                Some(Applied::Item(format!("decision \"{text}\"")))
            }
            FormTarget::Action(id) => {
                let due = self.due().ok()?;
                let owner = crate::domain::people::tidy(&self.value(FieldName::Owner));
                let done = self.yes(FieldName::Done);
                let today = self.today;
                let action = roadmap.actions.find_mut(id)?;
                action.text = text.clone();
                action.owner = owner;
                action.due = due;
                action.link = link;
                action.done_on = match (done, action.done_on) {
                    (true, Some(day)) => Some(day),
                    (true, None) => Some(today),
                    (false, _) => None,
                };
                Some(Applied::Item(format!("action \"{text}\"")))
            }
            _ => None,
        }
    }
}
