//! Forms of the review: a relationship check-in, and the reason for a slip.

use super::fields::Applied;
use super::{Field, FieldName, FieldValue, Form, FormTarget};
use crate::domain::checkin::{CheckIn, Rating};
use crate::domain::decisions::Action;
use crate::domain::{IdGen, InitiativeId, Roadmap};
use chrono::{DateTime, NaiveDate, Utc};
use tui_input::Input;

fn score(name: FieldName, label: &'static str, value: u8) -> Field {
    Field {
        name,
        label,
        value: FieldValue::Choice {
            options: (1..=10).map(|n| n.to_string()).collect(),
            selected: usize::from(value.clamp(1, 10) - 1),
        },
    }
}

impl Form {
    /// A new check-in dated today (or `existing` to edit).
    pub fn checkin(existing: Option<&CheckIn>, today: NaiveDate) -> Self {
        let text = |f: fn(&CheckIn) -> &str| existing.map_or("", f);
        let fields = vec![
            Field {
                name: FieldName::Target,
                label: "On",
                value: FieldValue::Date(Input::new(existing.map_or(today, |c| c.on).to_string())),
            },
            Field::text(FieldName::Who, "Business", text(|c| &c.business_who)),
            score(
                FieldName::BusinessScore,
                "Their score",
                existing.map_or(5, |c| c.business.score),
            ),
            Field::text(
                FieldName::BusinessWhy,
                "Their why",
                text(|c| &c.business.why),
            ),
            Field::text(
                FieldName::BusinessCloser,
                "Closer to 10",
                text(|c| &c.business.closer),
            ),
            score(
                FieldName::ItScore,
                "IT score",
                existing.map_or(5, |c| c.it.score),
            ),
            Field::text(FieldName::ItWhy, "IT why", text(|c| &c.it.why)),
            Field::text(FieldName::ItCloser, "IT: closer", text(|c| &c.it.closer)),
            Field::text(FieldName::FollowUp, "Follow-up", ""),
        ];
        Form::new(
            FormTarget::CheckIn(existing.map(|c| c.id.clone())),
            fields,
            today,
        )
    }

    /// Asks why `initiative` just slipped; Esc or an empty answer leaves no reason.
    pub fn slip_reason(initiative: &InitiativeId, today: NaiveDate) -> Self {
        let fields = vec![Field::text(FieldName::Reason, "Because", "")];
        Form::new(FormTarget::SlipReason(initiative.clone()), fields, today)
    }

    /// Asks why `initiatives` just slipped together: one reason is written to each.
    pub fn slip_reasons(initiatives: Vec<InitiativeId>, today: NaiveDate) -> Self {
        let fields = vec![Field::text(FieldName::Reason, "Because", "")];
        Form::new(FormTarget::SlipReasons(initiatives), fields, today)
    }

    /// An exact target for `initiatives`: a day, a month or a quarter (due at its end). The
    /// field starts empty (what is typed replaces the target; the status line says what it
    /// is now).
    pub fn retarget(initiatives: Vec<InitiativeId>, today: NaiveDate) -> Self {
        let fields = vec![Field {
            name: FieldName::Target,
            label: "Target",
            value: FieldValue::Date(Input::default()),
        }];
        Form::new(FormTarget::Retarget(initiatives), fields, today)
    }

    /// Writes a check-in or a slip reason; returns the words for the undo history.
    pub(in crate::app) fn apply_review_form(
        &self,
        roadmap: &mut Roadmap,
        ids: &mut IdGen,
    ) -> Option<Applied> {
        let text = |name| self.value(name).trim().to_string();
        match &self.target {
            FormTarget::SlipReason(id) => {
                let reason = text(FieldName::Reason);
                let change = roadmap.initiative_mut(id)?.target_log.last_mut()?;
                if reason.is_empty() {
                    return None;
                }
                change.reason = reason.clone();
                Some(Applied::Said(format!(
                    "Recorded why it slipped: \"{reason}\""
                )))
            }
            FormTarget::SlipReasons(ids) => {
                let reason = text(FieldName::Reason);
                if reason.is_empty() {
                    return None;
                }
                let mut given = 0;
                for id in ids {
                    let last = roadmap
                        .initiative_mut(id)
                        .and_then(|i| i.target_log.last_mut());
                    if let Some(change) = last.filter(|c| c.on == self.today && c.reason.is_empty())
                    {
                        change.reason = reason.clone();
                        given += 1;
                    }
                }
                (given > 0)
                    .then(|| Applied::Said(format!("Recorded why {given} slipped: \"{reason}\"")))
            }
            FormTarget::CheckIn(id) => {
                let level = |name| {
                    self.choice_index(name)
                        .and_then(|i| u8::try_from(i + 1).ok())
                        .unwrap_or(5)
                };
                let on = self.date().ok()?;
                let mut checkin = match id {
                    Some(id) => roadmap.checkins.iter().find(|c| &c.id == id)?.clone(),
                    None => CheckIn {
                        id: ids.entry('c', &roadmap.taken_ids()),
                        on,
                        business_who: String::new(),
                        business: Rating {
                            score: 5,
                            why: String::new(),
                            closer: String::new(),
                        },
                        it: Rating {
                            score: 5,
                            why: String::new(),
                            closer: String::new(),
                        },
                        actions: Vec::new(),
                    },
                };
                checkin.on = on;
                checkin.business_who = text(FieldName::Who);
                checkin.business = Rating {
                    score: level(FieldName::BusinessScore),
                    why: text(FieldName::BusinessWhy),
                    closer: text(FieldName::BusinessCloser),
                };
                checkin.it = Rating {
                    score: level(FieldName::ItScore),
                    why: text(FieldName::ItWhy),
                    closer: text(FieldName::ItCloser),
                };
                let follow_up = text(FieldName::FollowUp);
                if !follow_up.is_empty() {
                    let action = ids.entry('a', &roadmap.taken_ids());
                    let created: DateTime<Utc> = on
                        .and_hms_opt(12, 0, 0)
                        .map_or_else(Utc::now, |t| t.and_utc());
                    roadmap.actions.push(Action {
                        id: action.clone(),
                        text: follow_up,
                        owner: String::new(),
                        due: on.checked_add_days(chrono::Days::new(14)),
                        link: None,
                        session: on,
                        done_on: None,
                        created,
                    });
                    checkin.actions.push(action);
                }
                let what = format!(
                    "check-in of {}: business {}/10, IT {}/10",
                    on.format("%-d %b %Y"),
                    checkin.business.score,
                    checkin.it.score
                );
                match roadmap.checkins.iter_mut().find(|c| c.id == checkin.id) {
                    Some(slot) => *slot = checkin,
                    None => roadmap.checkins.push(checkin),
                }
                Some(Applied::Item(what))
            }
            _ => None,
        }
    }
}
