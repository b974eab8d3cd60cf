//! The deliverable form: what the business gets from an initiative and when. Emptying an
//! existing deliverable's title removes it.

use super::fields::Applied;
use super::fields::{date_field, title_removed, yes_no};
use super::{Field, FieldName, Form, FormTarget};
use crate::domain::business::Deliverable;
use crate::domain::{Initiative, InitiativeId, Roadmap};
use chrono::NaiveDate;

impl Form {
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

    pub(super) fn check_deliverable(&self) -> Result<(), (FieldName, String)> {
        match self.target {
            FormTarget::Deliverable(_, None) if self.value(FieldName::Title).trim().is_empty() => {
                Err((
                    FieldName::Title,
                    "Say what the business gets, in one line.".into(),
                ))
            }
            _ => self.date().map(|_| ()),
        }
    }

    pub(super) fn apply_deliverable(
        &self,
        roadmap: &mut Roadmap,
        initiative: &InitiativeId,
        index: Option<usize>,
    ) -> Option<Applied> {
        let text = |name| self.value(name).trim().to_string();
        let initiative = roadmap.initiative_mut(initiative)?;
        if title_removed(self) {
            let at = index.filter(|at| *at < initiative.deliverables.len())?;
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
}
