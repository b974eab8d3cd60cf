//! The goal form: a new business goal or an existing one, its code (typed or suggested from
//! the title) and how its values are written back.

use super::{Field, FieldName, FieldValue, Form, FormTarget};
use crate::domain::{Goal, Roadmap};
use chrono::NaiveDate;

impl Form {
    /// A form for a new goal (or editing `existing`).
    pub fn goal(existing: Option<&Goal>, today: NaiveDate) -> Self {
        let get = |f: fn(&Goal) -> &str| existing.map(f).unwrap_or("");
        let priority = existing.map_or(3, |g| g.priority);
        let fields = vec![
            Field::text(FieldName::Title, "Goal", get(|g| &g.title)),
            Field::text(FieldName::Code, "Code", get(|g| &g.code)),
            Field::text(FieldName::Owner, "Owner", get(|g| &g.owner)),
            Field {
                name: FieldName::Priority,
                label: "Priority",
                value: FieldValue::Choice {
                    options: (1..=5).map(|p| format!("P{p}")).collect(),
                    selected: usize::from(priority.clamp(1, 5) - 1),
                },
            },
            Field::text(
                FieldName::Description,
                "Description",
                get(|g| &g.description),
            ),
            Field::text(
                FieldName::ContributesTo,
                "Company goal",
                get(|g| &g.contributes_to),
            ),
        ];
        let target = match existing {
            Some(g) => FormTarget::EditGoal(g.id.clone()),
            None => FormTarget::NewGoal,
        };
        Self::new(target, fields, today)
    }

    /// The code the goal will get: as typed (upper-cased), or suggested from the title.
    pub fn goal_code(&self, roadmap: &Roadmap) -> String {
        let typed = self.value(FieldName::Code).trim().to_ascii_uppercase();
        if typed.is_empty() {
            let own = match &self.target {
                FormTarget::EditGoal(id) => Some(id),
                _ => None,
            };
            roadmap.suggest_code(&self.value(FieldName::Title), own)
        } else {
            typed
        }
    }

    /// Writes the form's values into a goal. Call after [`Form::validate`].
    pub fn fill_goal(&self, goal: &mut Goal, roadmap: &Roadmap) {
        let text = |name| self.value(name).trim().to_string();
        for (name, slot) in [
            (FieldName::Title, &mut goal.title),
            (FieldName::Owner, &mut goal.owner),
            (FieldName::Description, &mut goal.description),
            (FieldName::ContributesTo, &mut goal.contributes_to),
        ] {
            if self.is_field_changed(name) {
                *slot = text(name);
            }
        }
        if self.is_field_changed(FieldName::Code) || goal.code.is_empty() {
            goal.code = self.goal_code(roadmap);
        }
        if self.is_field_changed(FieldName::Priority)
            && let Some(i) = self.choice_index(FieldName::Priority)
        {
            goal.priority = u8::try_from(i + 1).unwrap_or(3);
        }
    }
}
