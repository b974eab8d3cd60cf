//! Leaving: what a quit, a signal or a closed terminal keeps of what is open. A valid form or
//! capture line becomes the edit; what cannot (not valid yet, or what it belongs to is
//! gone) is a draft for the next start, or, on Ctrl-c, a reason to stay.

use super::forms::{Form, FormTarget};
use super::{App, Command, Context, Draft, Mode};

impl App {
    /// Keeps the open form or capture line as an edit when it can; otherwise leaves it open
    /// and returns what was typed as a draft.
    fn keep_typed(&mut self) -> Result<(), Draft> {
        let written = self.clock.local_now();
        match &mut self.mode {
            Mode::Form(form) if form.is_changed() => {
                if form.validate(&self.roadmap).is_ok() {
                    self.submit_form();
                }
                match &self.mode {
                    // Not valid, or what it belongs to is gone: the text stays.
                    Mode::Form(form) if form.is_changed() => Err(Draft::of_form(form, written)),
                    _ => Ok(()),
                }
            }
            Mode::Capture(capture) if !capture.input.value().trim().is_empty() => {
                capture.pick = None;
                self.submit_capture();
                match &self.mode {
                    Mode::Capture(capture) => {
                        Err(Draft::of_capture(capture.input.value(), written))
                    }
                    _ => Ok(()),
                }
            }
            // A new name being typed is kept as the rename it would be.
            Mode::People {
                rename: Some(input),
                ..
            } if !input.value().trim().is_empty() => {
                self.apply_rename();
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// The session is ending (quit, signal, closed terminal): keep what is open as an edit
    /// when it is valid, and leave every overlay. What was typed but cannot be kept as an
    /// edit is returned as a draft, to be written beside the roadmap.
    pub fn shutdown(&mut self) -> Option<Draft> {
        // A capture line is not an edit until Enter: the closed window keeps it as a draft
        // that reopens as the capture line at the next start (Ctrl-c, a deliberate "save and
        // quit", adds it).
        if let Mode::Capture(capture) = &self.mode
            && !capture.input.value().trim().is_empty()
        {
            let draft = Draft::of_capture(capture.input.value(), self.clock.local_now());
            self.mode = Mode::Browse;
            self.quit = true;
            return Some(draft);
        }
        let draft = self.keep_typed().err();
        self.mode = Mode::Browse;
        self.quit = true;
        draft
    }

    /// Ctrl-c in a form or on the capture line: keep what was typed if it can be kept, then
    /// quit; otherwise stay and say why (typed text is never thrown away silently).
    pub(super) fn quit_keeping_typed(&mut self) {
        if self.keep_typed().is_err() {
            let why = match &self.mode {
                Mode::Form(form) => form.error.clone(),
                Mode::Capture(capture) => capture.error.clone(),
                _ => None,
            }
            .unwrap_or_else(|| "choose the goal first".into());
            return self.error(format!(
                "Fix it or press Esc to discard it before quitting: {why}"
            ));
        }
        self.mode = Mode::Browse;
        self.quit = true;
    }

    /// Submits a form whose item was deleted meanwhile (by a reload from disk): a card or
    /// goal comes back as new; a part of an item that is gone cannot, so the form stays open
    /// with its text and the reason.
    pub(super) fn submit_orphan(&mut self, mut form: Box<Form>) {
        let again = match &form.target {
            FormTarget::EditInitiative(_) => FormTarget::NewInitiative,
            FormTarget::EditGoal(_) => FormTarget::NewGoal,
            _ => {
                form.error = Some(
                    "What this form belongs to was deleted in the file on disk; Esc discards the form."
                        .into(),
                );
                self.mode = Mode::Form(form);
                return;
            }
        };
        form.target = again;
        self.mode = Mode::Browse;
        self.apply_form(&form);
        let undo = self.key_label(Context::Browse, Command::Undo);
        self.info(format!(
            "Added again from your form: it was deleted in the file on disk meanwhile ({undo} to undo)"
        ));
    }
}
