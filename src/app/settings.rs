//! The roadmap's own settings: its name (exports take their titles and file names from it)
//! and the currency its costs are in.

use super::App;
use super::form::{Field, FieldName, Form, FormTarget};
use super::mode::Mode;
use crate::domain::Roadmap;
use chrono::NaiveDate;

impl Form {
    /// The settings form of `roadmap`.
    pub fn settings(roadmap: &Roadmap, today: NaiveDate) -> Self {
        let fields = vec![
            Field::text(FieldName::Title, "Name", &roadmap.name),
            Field::text(FieldName::Currency, "Currency", &roadmap.currency),
        ];
        Form::new(FormTarget::Settings, fields, today)
    }
}

impl App {
    /// Opens the settings form.
    pub(super) fn open_settings(&mut self) {
        self.mode = Mode::Form(Box::new(Form::settings(&self.roadmap, self.today)));
    }

    /// Writes the settings form as one undoable step.
    pub(super) fn apply_settings(&mut self, form: &Form) {
        let name = form.value(FieldName::Title).trim().to_string();
        let currency = form.value(FieldName::Currency).trim().to_string();
        self.change(format!("Roadmap settings: \"{name}\""), |r, _, _| {
            r.name = name.clone();
            r.currency = currency.clone();
        });
    }
}
