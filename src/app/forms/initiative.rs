//! The initiative form: a new initiative in a column, or an existing one edited, and how its
//! values are written back (goal links with their strengths, the target, tags, the case).

use super::{Field, FieldName, FieldValue, Form, FormTarget, choice, parse_tags};
use crate::domain::business::GoalLink;
use crate::domain::{GoalId, Horizon, Initiative, Kind, Roadmap, Status, Target};
use chrono::NaiveDate;
use tui_input::Input;

fn goal_options(roadmap: &Roadmap, linked: &[GoalLink]) -> FieldValue {
    FieldValue::Goals {
        options: roadmap
            .goals
            .iter()
            .map(|g| (g.id.clone(), format!("{:<6} {}", g.code, g.title)))
            .collect(),
        checked: roadmap
            .goals
            .iter()
            .map(|g| linked.iter().find(|l| l.goal == g.id).map(|l| l.strength))
            .collect(),
        cursor: 0,
    }
}

impl Form {
    /// A form for a new initiative due at the end of `horizon`, linked to `goals`.
    pub fn new_initiative(
        roadmap: &Roadmap,
        horizon: Horizon,
        goals: &[GoalId],
        today: NaiveDate,
    ) -> Self {
        let target = Target::day(horizon.window_end(today));
        let goals: Vec<GoalLink> = goals.iter().cloned().map(GoalLink::strong).collect();
        Self::initiative_form(
            FormTarget::NewInitiative,
            roadmap,
            None,
            target,
            &goals,
            today,
        )
    }

    /// A form editing an existing initiative.
    pub fn edit_initiative(roadmap: &Roadmap, initiative: &Initiative, today: NaiveDate) -> Self {
        Self::initiative_form(
            FormTarget::EditInitiative(initiative.id.clone()),
            roadmap,
            Some(initiative),
            initiative.target,
            &initiative.serves,
            today,
        )
    }

    fn initiative_form(
        target_kind: FormTarget,
        roadmap: &Roadmap,
        existing: Option<&Initiative>,
        target: Target,
        goals: &[GoalLink],
        today: NaiveDate,
    ) -> Self {
        let get = |f: fn(&Initiative) -> &str| existing.map(f).unwrap_or("");
        let status = existing.map_or(Status::Proposed, |i| i.status);
        let kind = existing.map_or(Kind::Grow, |i| i.kind);
        let tags = existing.map(|i| i.tags.join(", ")).unwrap_or_default();
        let fields = vec![
            Field::text(FieldName::Title, "Title", get(|i| &i.title)),
            Field::text(FieldName::Summary, "Summary", get(|i| &i.summary)),
            Field::text(FieldName::ItOwner, "IT owner", get(|i| &i.it_owner)),
            Field::text(FieldName::Sponsor, "Sponsor", get(|i| &i.sponsor)),
            Field {
                name: FieldName::Target,
                label: "Target",
                value: FieldValue::Date(Input::new(target.typed(&roadmap.calendar))),
            },
            Field {
                name: FieldName::Status,
                label: "Status",
                value: choice(&Status::ALL, Status::label, status),
            },
            Field {
                name: FieldName::Kind,
                label: "Kind",
                value: choice(&Kind::ALL, Kind::label, kind),
            },
            Field {
                name: FieldName::Goals,
                label: "Goals",
                value: goal_options(roadmap, goals),
            },
            Field::text(FieldName::Tags, "Tags", &tags),
            Field::text(FieldName::Notes, "Notes", get(|i| &i.notes)),
        ];
        Self::new(target_kind, fields, today)
    }

    /// Writes the form's values into an initiative. Call after [`Form::validate`].
    pub fn fill_initiative(&self, initiative: &mut Initiative, today: NaiveDate) {
        // Only fields the user changed are written, so opening a form and saving it changes
        // nothing, and values the form cannot show exactly (tag spacing, link order) survive.
        let text = |name| self.value(name).trim().to_string();
        for (name, slot) in [
            (FieldName::Title, &mut initiative.title),
            (FieldName::Summary, &mut initiative.summary),
            (FieldName::ItOwner, &mut initiative.it_owner),
            (FieldName::Sponsor, &mut initiative.sponsor),
            (FieldName::Notes, &mut initiative.notes),
        ] {
            if self.is_field_changed(name) {
                *slot = text(name);
            }
        }
        if self.is_field_changed(FieldName::Tags) {
            initiative.tags = parse_tags(&self.value(FieldName::Tags));
        }
        if self.is_field_changed(FieldName::Goals) {
            let ticked = self.goal_links();
            initiative
                .serves
                .retain(|l| ticked.iter().any(|t| t.goal == l.goal));
            for link in ticked {
                initiative.set_link(&link.goal, Some(link.strength));
            }
        }
        if self.is_field_changed(FieldName::Status)
            && let Some(status) = self
                .choice_index(FieldName::Status)
                .and_then(|i| Status::ALL.get(i))
        {
            initiative.set_status(*status, today);
        }
        if self.is_field_changed(FieldName::Kind)
            && let Some(kind) = self
                .choice_index(FieldName::Kind)
                .and_then(|i| Kind::ALL.get(i))
        {
            initiative.kind = *kind;
        }
        if self.is_field_changed(FieldName::Target)
            && let Ok(date) = self.target_date()
        {
            initiative.set_target(date, today);
        }
    }

    /// The goals linked in the goal list with their strengths, in list order.
    pub fn goal_links(&self) -> Vec<GoalLink> {
        match self.field(FieldName::Goals).map(|f| &f.value) {
            Some(FieldValue::Goals {
                options, checked, ..
            }) => options
                .iter()
                .zip(checked)
                .filter_map(|((id, _), s)| {
                    s.map(|strength| GoalLink {
                        goal: id.clone(),
                        strength,
                    })
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}
