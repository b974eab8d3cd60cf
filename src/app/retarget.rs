//! Moving work to another date on purpose: rolling forward in the review (one initiative, or
//! all the overdue work of a goal at once), an exact target typed as people write dates
//! (`March 2027`, `Q2 2027`), and what a move brings with it: its open deliverables, and the
//! reason for a slip.

use super::attach::{Pick, PickFor, PickKey};
use super::forms::{Form, FormTarget};
use super::mode::{Confirm, Mode, Pending};
use super::{App, Screen};
use crate::domain::dates::{day_month, long_date, short_date};
use crate::domain::review::{Entry, Subject};
use crate::domain::{GoalId, Horizon, InitiativeId, Target};
use chrono::{Days, NaiveDate};

/// The last option of the roll-forward pick, its examples in the months ahead of `today`.
fn exact_option(today: NaiveDate) -> String {
    use chrono::Datelike;
    let month = today
        .checked_add_months(chrono::Months::new(3))
        .unwrap_or(today);
    let quarter = today
        .checked_add_months(chrono::Months::new(6))
        .unwrap_or(today);
    format!(
        "An exact date: a day, a month ({}), a quarter (Q{} {})",
        month.format("%B %Y"),
        quarter.month0() / 3 + 1,
        quarter.year()
    )
}

/// Shifts a date by a signed number of days (clamped at the calendar's ends).
fn shift(date: NaiveDate, days: i64) -> NaiveDate {
    let by = Days::new(days.unsigned_abs());
    let moved = if days >= 0 {
        date.checked_add_days(by)
    } else {
        date.checked_sub_days(by)
    };
    moved.unwrap_or(date)
}

impl App {
    /// Offers where to roll `ids` forward: this week, a later horizon, or an exact date.
    pub(super) fn pick_roll_forward(&mut self, ids: Vec<InitiativeId>, goal: Option<GoalId>) {
        let latest = ids
            .iter()
            .filter_map(|id| self.roadmap.initiative(id))
            .map(|i| i.target)
            .max();
        // Unscheduled work has no day to roll past: every horizon is offered.
        let latest = latest.map(|t| t.due().unwrap_or(NaiveDate::MIN));
        let Some(latest) = latest else {
            return;
        };
        let (mut options, mut keys) = (Vec::new(), Vec::new());
        for h in Horizon::ALL {
            let to = h.landing(self.today);
            if to <= latest {
                continue;
            }
            let label = match h {
                Horizon::Now => "This week",
                other => other.label(),
            };
            options.push(format!("{label} (to {})", long_date(to)));
            keys.push(PickKey::Horizon(h));
        }
        options.push(exact_option(self.today));
        keys.push(PickKey::ExactDate);
        let title = match (&goal, ids.as_slice()) {
            (_, [one]) => self
                .roadmap
                .initiative(one)
                .map_or_else(String::new, |i| format!("Roll \"{}\" forward to", i.title)),
            (Some(goal), many) => format!(
                "Roll the {} overdue initiatives of {} forward to",
                many.len(),
                self.goal_code(goal)
            ),
            (None, many) => format!("Roll {} initiatives forward to", many.len()),
        };
        self.mode = Mode::Pick(Pick {
            title,
            purpose: PickFor::RollForward { ids, goal },
            options,
            keys,
            selected: 0,
        });
    }

    /// A goal's code (`ISO`), for titles that must fit.
    fn goal_code(&self, goal: &GoalId) -> String {
        self.roadmap
            .goal(goal)
            .map_or_else(|| goal.to_string(), |g| g.code.clone())
    }

    /// `G2 "Grow online sales"`, for messages.
    fn goal_name(&self, goal: &GoalId) -> String {
        self.roadmap.goal(goal).map_or_else(
            || goal.to_string(),
            |g| format!("{} \"{}\"", g.code, g.title),
        )
    }

    /// The roll-forward pick's answer: a horizon's landing date, or the exact-date form.
    pub(super) fn picked_roll_forward(
        &mut self,
        ids: &[InitiativeId],
        goal: Option<&GoalId>,
        horizon: Horizon,
    ) {
        self.mode = Mode::Browse;
        let to = Target::day(horizon.landing(self.today));
        let label = match horizon {
            Horizon::Now => "this week",
            other => other.label(),
        };
        let what = match (goal, ids) {
            (_, [one]) => {
                let title = self.roadmap.initiative(one).map(|i| i.title.clone());
                format!(
                    "Rolled \"{}\" forward to {label} ({})",
                    title.unwrap_or_default(),
                    to.label_with_day(long_date)
                )
            }
            (Some(goal), many) => format!(
                "Rolled {} overdue initiatives of {} forward to {label} ({})",
                many.len(),
                self.goal_name(goal),
                to.label_with_day(long_date)
            ),
            (None, many) => format!(
                "Rolled {} initiatives forward to {label} ({})",
                many.len(),
                to.label_with_day(long_date)
            ),
        };
        self.retarget(ids, to, what);
    }

    /// Rolls forward every overdue initiative of the highlighted entry's goal (for an
    /// initiative: the goal it serves most strongly).
    pub(super) fn roll_goal_forward(&mut self, entry: Option<Entry>) {
        let goal = match entry.map(|e| e.subject) {
            Some(Subject::Goal(goal) | Subject::Kpi(goal, _)) => Some(goal),
            Some(Subject::Initiative(id) | Subject::Risk(id, _)) => {
                self.roadmap.initiative(&id).and_then(|i| {
                    let strongest = i.serves.iter().min_by_key(|l| {
                        crate::domain::business::Strength::ALL
                            .iter()
                            .position(|s| *s == l.strength)
                    });
                    strongest.map(|l| l.goal.clone())
                })
            }
            _ => None,
        };
        let Some(goal) = goal else {
            return self
                .info("This entry is not about a goal's work: f rolls one initiative forward.");
        };
        let ids: Vec<InitiativeId> = self
            .roadmap
            .initiatives
            .iter()
            .filter(|i| i.is_overdue(self.today) && i.serves.iter().any(|l| l.goal == goal))
            .map(|i| i.id.clone())
            .collect();
        if ids.is_empty() {
            let name = self.goal_name(&goal);
            return self.info(format!("{name} has no overdue work to roll forward."));
        }
        self.pick_roll_forward(ids, Some(goal));
    }

    /// Opens the exact-date form for `ids`; the status line says what the target is now.
    pub(super) fn open_retarget(&mut self, ids: Vec<InitiativeId>) {
        let now = match ids.as_slice() {
            [] => return,
            [one] => match self.roadmap.initiative(one) {
                Some(i) => format!("Target now {}", i.target.label_with_day(long_date)),
                None => return,
            },
            many => format!("{} initiatives", many.len()),
        };
        self.info(format!(
            "{now}: type a day (2027-03-31, fri), a month (March 2027), a quarter (Q2 2027) or later"
        ));
        self.mode = Mode::Form(Box::new(Form::retarget(ids, self.today)));
    }

    /// Writes the exact-date form.
    pub(super) fn submit_retarget(&mut self, form: &Form) {
        let FormTarget::Retarget(ids) = &form.target else {
            return;
        };
        let Ok(to) = form.target_date() else {
            return;
        };
        let what = match ids.as_slice() {
            [one] => match self.roadmap.initiative(one) {
                Some(i) => format!(
                    "Target of \"{}\" set to {} (was {})",
                    i.title,
                    to.label_with_day(long_date),
                    i.target.label(|d| short_date(d, self.today))
                ),
                None => return self.error("That initiative no longer exists: nothing changed."),
            },
            many => format!(
                "Target of {} initiatives set to {}",
                many.len(),
                to.label_with_day(long_date)
            ),
        };
        self.retarget(ids, to, what);
    }

    /// Sets the target of `ids` to `to` as one undoable step (a later date is a recorded
    /// slip), warns when that breaks a `needs` order, then offers the follow-ups.
    pub(super) fn retarget(&mut self, ids: &[InitiativeId], to: Target, what: String) {
        // Days moved; a move to or from `later` has no number of days.
        let moves: Vec<(InitiativeId, Option<i64>)> = ids
            .iter()
            .filter_map(|id| self.roadmap.initiative(id))
            .filter(|i| i.status.is_active() && i.target != to)
            .map(|i| (i.id.clone(), i.target.days_to(&to)))
            .collect();
        if moves.is_empty() {
            return self.info(format!(
                "Nothing changed: the target is already {}.",
                to.label_with_day(long_date)
            ));
        }
        let broken = ids
            .iter()
            .map(|id| self.needs_broken_by(id, to))
            .find(|b| !b.is_empty())
            .unwrap_or_default();
        let in_review = self.view.screen == Screen::Review;
        let followed = match ids {
            [one] if !in_review => Some(one.clone()),
            _ => None,
        };
        let moved = self.change(format!("{what}{broken}"), |r, _, today| {
            for (id, _) in &moves {
                if let Some(i) = r.initiative_mut(id) {
                    i.set_target(to, today);
                }
            }
            if in_review {
                r.last_review = Some(today);
            }
        });
        if let Some(id) = followed {
            // The card stays selected in its new column, as after H or L.
            self.select_initiative(&id);
        }
        if moved {
            if to.is_later() {
                // Unscheduled: no deliverable can move by a number of days, but it is a move
                // later all the same, so it asks why.
                let ids: Vec<InitiativeId> = moves.into_iter().map(|(id, _)| id).collect();
                return self.ask_slip_reasons(&ids);
            }
            let later: Vec<(InitiativeId, i64)> = moves
                .into_iter()
                .filter_map(|(id, days)| days.filter(|d| *d > 0).map(|d| (id, d)))
                .collect();
            self.offer_deliverables(later);
        }
    }

    /// After a move later: offers to move the open deliverables by the same amount (they
    /// would read as late otherwise), then asks why.
    fn offer_deliverables(&mut self, moves: Vec<(InitiativeId, i64)>) {
        let mut details = Vec::new();
        for (id, days) in &moves {
            let Some(i) = self.roadmap.initiative(id) else {
                continue;
            };
            for d in i.deliverables.iter().filter(|d| !d.done) {
                let to = shift(d.date, *days);
                let still = if to < self.today { " (still past)" } else { "" };
                details.push(format!(
                    "{}: {} → {}{still}",
                    d.title,
                    day_month(d.date, self.today),
                    day_month(to, self.today)
                ));
            }
        }
        if details.is_empty() {
            return self.ask_slip_reasons(&ids_of(&moves));
        }
        let n = details.len();
        let question = match moves.as_slice() {
            [(_, days)] if n == 1 => format!("Move its open deliverable by {days} days too?"),
            [(_, days)] => format!("Move its {n} open deliverables by {days} days too?"),
            _ => format!("Move their {n} open deliverables by the same amount too?"),
        };
        if details.len() > 8 {
            let more = details.len() - 7;
            details.truncate(7);
            details.push(format!("… and {more} more"));
        }
        self.mode = Mode::Confirm(Confirm {
            question,
            details,
            action: Pending::ShiftDeliverables(moves),
        });
    }

    /// The answer to [`App::offer_deliverables`].
    pub(super) fn answer_deliverables(&mut self, moves: &[(InitiativeId, i64)], yes: bool) {
        self.mode = Mode::Browse;
        if yes {
            let count: usize = moves
                .iter()
                .filter_map(|(id, _)| self.roadmap.initiative(id))
                .map(|i| i.deliverables.iter().filter(|d| !d.done).count())
                .sum();
            self.change(
                format!("Moved {count} open deliverables with their work"),
                |r, _, _| {
                    for (id, days) in moves {
                        if let Some(i) = r.initiative_mut(id) {
                            for d in i.deliverables.iter_mut().filter(|d| !d.done) {
                                d.date = shift(d.date, *days);
                            }
                            i.deliverables.sort_by_key(|d| d.date);
                        }
                    }
                },
            );
        } else {
            self.info("The deliverables keep their dates.");
        }
        self.ask_slip_reasons(&ids_of(moves));
    }

    /// Asks why (skippable) for those of `ids` that slipped today without a reason: one
    /// reason for all of them.
    pub(super) fn ask_slip_reasons(&mut self, ids: &[InitiativeId]) {
        let slipped: Vec<InitiativeId> = ids
            .iter()
            .filter(|id| {
                self.roadmap
                    .initiative(id)
                    .and_then(|i| i.target_log.last())
                    .is_some_and(|c| c.on == self.today && c.is_slip() && c.reason.is_empty())
            })
            .cloned()
            .collect();
        let form = match slipped.as_slice() {
            [] => return,
            [one] => Form::slip_reason(one, self.today),
            _ => Form::slip_reasons(slipped, self.today),
        };
        self.mode = Mode::Form(Box::new(form));
    }
}

fn ids_of(moves: &[(InitiativeId, i64)]) -> Vec<InitiativeId> {
    moves.iter().map(|(id, _)| id.clone()).collect()
}
