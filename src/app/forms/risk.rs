//! The risk form: what could go wrong with an initiative, how likely and how bad, who owns
//! it and the mitigation. Emptying an existing risk's title removes it.

use super::fields::Applied;
use super::fields::{scale, title_removed, yes_no};
use super::{Field, FieldName, Form, FormTarget, choice};
use crate::domain::business::{Risk, RiskStatus};
use crate::domain::{InitiativeId, Roadmap};
use chrono::NaiveDate;

impl Form {
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

    pub(super) fn check_risk(&self) -> Result<(), (FieldName, String)> {
        match self.target {
            FormTarget::Risk(_, None) if self.value(FieldName::Title).trim().is_empty() => {
                Err((FieldName::Title, "Say what could go wrong.".into()))
            }
            _ => Ok(()),
        }
    }

    pub(super) fn apply_risk(
        &self,
        roadmap: &mut Roadmap,
        initiative: &InitiativeId,
        id: Option<&String>,
        new_id: String,
    ) -> Option<Applied> {
        let text = |name| self.value(name).trim().to_string();
        let initiative = roadmap.initiative_mut(initiative)?;
        if title_removed(self) {
            let id = id?;
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
}
