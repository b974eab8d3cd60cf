//! What the forms for what hangs off goals and initiatives share: their field builders, the
//! checks and the writing into the roadmap, each handed to its form's own file (`kpi`,
//! `risk`, `case`, `deliverable`; check-ins and slip reasons in `review`).

use super::fields::Applied;
use super::{FieldName, Form, FormTarget};
use crate::domain::dates::parse_date_in;
pub use crate::domain::parse::{NUMBER_HELP, parse_number, show_number};
use crate::domain::{IdGen, Roadmap};
use chrono::NaiveDate;

impl Form {
    pub(super) fn number(&self, name: FieldName) -> Result<Option<f64>, (FieldName, String)> {
        parse_number(&self.value(name)).map_err(|m| (name, m))
    }

    pub(in crate::app) fn yes(&self, name: FieldName) -> bool {
        self.choice_index(name) == Some(1)
    }

    pub(in crate::app) fn date(&self) -> Result<NaiveDate, (FieldName, String)> {
        parse_date_in(&self.value(FieldName::Target), self.today, &self.calendar)
            .map_err(|e| (FieldName::Target, e.to_string()))
    }

    pub(in crate::app) fn check_entry(&self, roadmap: &Roadmap) -> Result<(), (FieldName, String)> {
        let title = self.value(FieldName::Title);
        match &self.target {
            FormTarget::Reading(_) => self.check_reading(roadmap),
            FormTarget::Kpi(..) => self.check_kpi(roadmap),
            FormTarget::Risk(..) => self.check_risk(),
            FormTarget::Case(_) => self.check_case(),
            FormTarget::Deliverable(..) => self.check_deliverable(),
            FormTarget::CheckIn(_) => self.date().map(|_| ()),
            FormTarget::Decision(_) | FormTarget::Action(_) => self.check_meeting(roadmap),
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
        match &self.target {
            FormTarget::Reading(goal) => self.apply_reading(roadmap, goal),
            FormTarget::Kpi(goal, id) => self.apply_kpi(roadmap, goal, id.as_ref(), new_id),
            FormTarget::Risk(initiative, id) => {
                self.apply_risk(roadmap, initiative, id.as_ref(), new_id)
            }
            FormTarget::Case(initiative) => self.apply_case(roadmap, initiative),
            FormTarget::Deliverable(initiative, index) => {
                self.apply_deliverable(roadmap, initiative, *index)
            }
            FormTarget::CheckIn(_) | FormTarget::SlipReason(_) | FormTarget::SlipReasons(_) => {
                self.apply_review_form(roadmap, ids)
            }
            FormTarget::Decision(_) | FormTarget::Action(_) => self.apply_meeting(roadmap),
            _ => None,
        }
    }
}
