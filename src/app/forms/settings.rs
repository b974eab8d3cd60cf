//! The roadmap's own settings: its name (exports take their titles and file names from it),
//! the currency its costs are in, and its calendar: the fiscal year's first month (for
//! `FY2027`) and how `3/4/2027` reads.

use super::{Field, FieldName, FieldValue, Form, FormTarget, choice};
use crate::app::App;
use crate::app::Mode;
use crate::domain::{Calendar, DayOrder, Roadmap};
use chrono::NaiveDate;

/// The months, as the fiscal-year field offers them (January first).
const MONTHS: [&str; 12] = [
    "January (FY = calendar year)",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Form {
    /// The settings form of `roadmap`.
    pub fn settings(roadmap: &Roadmap, today: NaiveDate) -> Self {
        let start =
            usize::try_from(roadmap.calendar.fiscal_year_start.clamp(1, 12) - 1).unwrap_or(0);
        let fields = vec![
            Field::text(FieldName::Title, "Name", &roadmap.name),
            Field::text(FieldName::Currency, "Currency", &roadmap.currency),
            Field {
                name: FieldName::FiscalYear,
                label: "FY starts in",
                value: FieldValue::Choice {
                    options: MONTHS.iter().map(|m| m.to_string()).collect(),
                    selected: start,
                },
            },
            Field {
                name: FieldName::DayOrder,
                label: "3/4/2027 is",
                value: choice(&DayOrder::ALL, DayOrder::label, roadmap.calendar.day_order),
            },
        ];
        Form::new(FormTarget::Settings, fields, today)
    }

    /// The calendar the settings form says.
    fn calendar_setting(&self) -> Calendar {
        let month = self.choice_index(FieldName::FiscalYear).unwrap_or(0);
        Calendar {
            fiscal_year_start: u32::try_from(month + 1).unwrap_or(1),
            day_order: self
                .choice_index(FieldName::DayOrder)
                .and_then(|i| DayOrder::ALL.get(i).copied())
                .unwrap_or_default(),
        }
    }
}

impl App {
    /// Opens the settings form.
    pub(in crate::app) fn open_settings(&mut self) {
        self.mode = Mode::Form(Box::new(Form::settings(&self.roadmap, self.today)));
    }

    /// Writes the settings form as one undoable step.
    pub(in crate::app) fn apply_settings(&mut self, form: &Form) {
        let name = form.value(FieldName::Title).trim().to_string();
        let currency = form.value(FieldName::Currency).trim().to_string();
        let calendar = form.calendar_setting();
        self.change(format!("Roadmap settings: \"{name}\""), |r, _, _| {
            r.name = name.clone();
            r.currency = currency.clone();
            r.calendar = calendar;
        });
    }
}
