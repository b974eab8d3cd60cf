//! Saving the open form: validation first (the form stays open on a mistake), then the change
//! each kind of form makes, as one undoable step.

use super::{App, Effect, Form, FormTarget, Mode, board, forms};

impl App {
    pub(super) fn submit_form(&mut self) {
        let Mode::Form(form) = &mut self.mode else {
            return;
        };
        if form.validate(&self.roadmap).is_err() {
            return;
        }
        let form = form.clone();
        if form.changed_on_disk {
            // Someone else's version came in under the form; the form may write over what
            // they changed in the same fields: keep theirs in a file first.
            self.effects.push(Effect::KeepAside {
                roadmap: Box::new(self.roadmap.clone()),
                whose: "theirs",
                what: "Saved your form over a version that changed on disk".into(),
            });
        }
        if self.form_for(&form.target).is_none() {
            return self.submit_orphan(form);
        }
        self.mode = Mode::Browse;
        self.apply_form(&form);
        // A form opened from a detail popup returns to it (unless the form opened another).
        if let Some(back) = self.resume.take()
            && matches!(self.mode, Mode::Browse)
        {
            self.mode = back;
        }
    }

    pub(super) fn apply_form(&mut self, form: &Form) {
        let now = self.clock.now();
        match &form.target {
            FormTarget::NewInitiative => {
                let title = form.value(forms::FieldName::Title);
                let mut new_id = None;
                self.change(format!("Added \"{}\"", title.trim()), |r, ids, today| {
                    let id = ids.initiative(&r.taken_ids());
                    let mut initiative = board::blank_initiative(id.clone(), now);
                    initiative.target = form
                        .target_date()
                        .unwrap_or(crate::domain::Target::day(today));
                    form.fill_initiative(&mut initiative, today);
                    initiative.target_log.clear();
                    r.initiatives.push(initiative);
                    new_id = Some(id);
                });
                if let Some(id) = new_id {
                    self.select_initiative(&id);
                }
            }
            FormTarget::EditInitiative(id) => {
                let title = form.value(forms::FieldName::Title);
                let edited = self.change(format!("Edited \"{}\"", title.trim()), |r, _, today| {
                    if let Some(i) = r.initiative_mut(id) {
                        form.fill_initiative(i, today);
                    }
                });
                self.select_initiative(id);
                if edited {
                    // A later target typed in the form is a slip like any other: ask why.
                    self.ask_slip_reasons(std::slice::from_ref(id));
                }
            }
            FormTarget::NewGoal => {
                let title = form.value(forms::FieldName::Title);
                self.change(format!("Added goal \"{}\"", title.trim()), |r, ids, _| {
                    let id = ids.goal(&r.taken_ids());
                    let mut goal = board::blank_goal(id);
                    form.fill_goal(&mut goal, r);
                    r.goals.push(goal);
                });
                self.view.goal_cursor = self.roadmap.goals.len().saturating_sub(1);
            }
            FormTarget::EditGoal(id) => {
                let title = form.value(forms::FieldName::Title);
                self.change(format!("Edited goal \"{}\"", title.trim()), |r, _, _| {
                    let snapshot = r.clone();
                    if let Some(goal) = r.goal_mut(id) {
                        form.fill_goal(goal, &snapshot);
                    }
                });
            }
            FormTarget::Reading(_)
            | FormTarget::Kpi(..)
            | FormTarget::Risk(..)
            | FormTarget::Case(_)
            | FormTarget::Deliverable(..)
            | FormTarget::CheckIn(_)
            | FormTarget::SlipReason(_)
            | FormTarget::SlipReasons(_)
            | FormTarget::Decision(_)
            | FormTarget::Action(_) => self.apply_entry_form(form),
            FormTarget::Retarget(_) => self.submit_retarget(form),
            FormTarget::Settings => self.apply_settings(form),
        }
    }
}
