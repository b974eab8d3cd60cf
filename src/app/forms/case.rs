//! The business-case form: what happens if we don't, what it brings, hours and revenue at
//! stake, cost, benefit, politics and the champion.

use super::fields::Applied;
use super::fields::{number_field, yes_no};
use super::{Field, FieldName, Form, FormTarget};
use crate::domain::parse::parse_number;
use crate::domain::{Initiative, InitiativeId, Roadmap};
use chrono::NaiveDate;

impl Form {
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

    pub(super) fn check_case(&self) -> Result<(), (FieldName, String)> {
        for name in [FieldName::Hours, FieldName::Revenue, FieldName::Cost] {
            if self.number(name)?.is_some_and(|n| n < 0.0) {
                return Err((name, "Use 0 or more.".into()));
            }
        }
        Ok(())
    }

    pub(super) fn apply_case(
        &self,
        roadmap: &mut Roadmap,
        initiative: &InitiativeId,
    ) -> Option<Applied> {
        let text = |name| self.value(name).trim().to_string();
        let number = |name| parse_number(&self.value(name)).ok().flatten();
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
}
