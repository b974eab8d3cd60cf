//! Forms: the mechanics every form shares (fields, key handling, paste, validation, help),
//! with one file per kind of form: initiatives, goals, what hangs off them (`entries`), the
//! review's check-ins and slip reasons, and the settings.

use crate::domain::business::Strength;
use crate::domain::dates::{long_date, parse_target};
use crate::domain::validate::{MAX_CODE_LEN, check_code};
use crate::domain::{Calendar, GoalId, Roadmap, Target};
use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

mod case;
mod deliverable;
pub mod entries;
pub mod fields;
mod goal;
mod initiative;
mod kpi;
mod meeting;
mod review;
mod risk;
mod settings;

pub use fields::{Field, FieldName, FieldValue, FormTarget};

/// What a key did to the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormOutcome {
    /// Keep editing.
    Continue,
    /// The user asked to save (Enter).
    Submit,
    /// The user left without saving.
    Cancelled,
}

/// An open form.
#[derive(Debug, Clone)]
pub struct Form {
    /// What it edits.
    pub target: FormTarget,
    /// Its fields, top to bottom.
    pub fields: Vec<Field>,
    /// Index of the focused field.
    pub focus: usize,
    /// The last validation error, shown under the fields.
    pub error: Option<String>,
    /// True while asking "discard changes?".
    pub confirm_discard: bool,
    /// Today, for the date preview.
    pub today: NaiveDate,
    /// The roadmap's calendar settings, for reading dates (kept up to date by the app
    /// before every key and check).
    pub calendar: Calendar,
    /// A reading far outside its KPI's range that the user confirmed (the value as typed).
    pub outlier_ok: Option<String>,
    /// The roadmap was reloaded from disk (someone else's version) while the form was open:
    /// saving it keeps a copy of that version first.
    pub changed_on_disk: bool,
    pristine: Vec<String>,
}

pub(in crate::app) fn choice<T: Copy + PartialEq>(
    all: &[T],
    label: fn(T) -> &'static str,
    current: T,
) -> FieldValue {
    FieldValue::Choice {
        options: all.iter().map(|x| label(*x).to_string()).collect(),
        selected: all.iter().position(|x| *x == current).unwrap_or(0),
    }
}

impl Form {
    pub(super) fn new(target: FormTarget, fields: Vec<Field>, today: NaiveDate) -> Self {
        let pristine = fields.iter().map(Field::as_text).collect();
        Form {
            target,
            fields,
            focus: 0,
            error: None,
            confirm_discard: false,
            today,
            calendar: Calendar::default(),
            changed_on_disk: false,
            outlier_ok: None,
            pristine,
        }
    }

    /// The same form without internal fields (notes, cost, benefit, politics), for the
    /// public view.
    pub fn without_internal(mut self) -> Self {
        let keep: Vec<bool> = self.fields.iter().map(|f| !f.name.is_internal()).collect();
        let mut flags = keep.iter();
        self.fields.retain(|_| *flags.next().unwrap_or(&true));
        let mut flags = keep.iter();
        self.pristine.retain(|_| *flags.next().unwrap_or(&true));
        self.focus = self.focus.min(self.fields.len().saturating_sub(1));
        self
    }

    /// Form title.
    pub fn title(&self) -> &'static str {
        match self.target {
            FormTarget::NewInitiative => "New initiative",
            FormTarget::EditInitiative(_) => "Edit initiative",
            FormTarget::NewGoal => "New business goal",
            FormTarget::EditGoal(_) => "Edit business goal",
            FormTarget::Reading(_) => "Record a KPI reading",
            FormTarget::Kpi(_, None) => "New KPI",
            FormTarget::Kpi(_, Some(_)) => "Edit KPI",
            FormTarget::Risk(_, None) => "New risk",
            FormTarget::Risk(_, Some(_)) => "Edit risk",
            FormTarget::Case(_) => "Business case",
            FormTarget::Deliverable(_, None) => "New deliverable",
            FormTarget::Deliverable(_, Some(_)) => "Edit deliverable",
            FormTarget::CheckIn(None) => "Relationship check-in",
            FormTarget::CheckIn(Some(_)) => "Edit check-in",
            FormTarget::SlipReason(_) => "It moved later: why? (Esc skips)",
            FormTarget::SlipReasons(_) => "They moved later: why? One reason for all (Esc skips)",
            FormTarget::Retarget(_) => "Set the target date",
            FormTarget::Settings => "Roadmap settings",
            FormTarget::Decision(_) => "Edit decision",
            FormTarget::Action(_) => "Edit action",
        }
    }

    /// True when any field differs from what the form opened with.
    pub fn is_changed(&self) -> bool {
        self.fields
            .iter()
            .map(Field::as_text)
            .ne(self.pristine.iter().cloned())
    }

    /// The field with this name.
    pub fn field(&self, name: FieldName) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// A field's value as text (empty when the form has no such field).
    pub fn value(&self, name: FieldName) -> String {
        self.field(name).map(Field::as_text).unwrap_or_default()
    }

    pub(super) fn focus_field(&mut self, name: FieldName) {
        if let Some(i) = self.fields.iter().position(|f| f.name == name) {
            self.focus = i;
        }
    }

    /// Handles one key; the caller handles Ctrl-c before calling this.
    pub fn handle_key(&mut self, key: KeyEvent) -> FormOutcome {
        if self.confirm_discard {
            return match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => FormOutcome::Cancelled,
                _ => {
                    self.confirm_discard = false;
                    FormOutcome::Continue
                }
            };
        }
        let count = self.fields.len();
        match key.code {
            KeyCode::Esc => {
                if self.is_changed() {
                    self.confirm_discard = true;
                    return FormOutcome::Continue;
                }
                return FormOutcome::Cancelled;
            }
            KeyCode::Enter => return FormOutcome::Submit,
            KeyCode::Tab => self.focus = (self.focus + 1) % count,
            KeyCode::BackTab => self.focus = (self.focus + count - 1) % count,
            KeyCode::Down if !self.move_in_list(1) => self.focus = (self.focus + 1).min(count - 1),
            KeyCode::Up if !self.move_in_list(-1) => self.focus = self.focus.saturating_sub(1),
            KeyCode::Up | KeyCode::Down => {}
            _ => self.edit_focused(key),
        }
        FormOutcome::Continue
    }

    /// Moves inside a goal list; false when at its edge (so focus moves to the next field).
    fn move_in_list(&mut self, step: isize) -> bool {
        if let Some(Field {
            value: FieldValue::Goals {
                options, cursor, ..
            },
            ..
        }) = self.fields.get_mut(self.focus)
        {
            let next = cursor
                .checked_add_signed(step)
                .filter(|n| *n < options.len());
            if let Some(next) = next {
                *cursor = next;
                return true;
            }
        }
        false
    }

    fn edit_focused(&mut self, key: KeyEvent) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        match &mut field.value {
            FieldValue::Text(input) | FieldValue::Date(input) => {
                if let Some(request) = to_input_request(&Event::Key(key)) {
                    input.handle(request);
                }
            }
            FieldValue::Choice { options, selected } => {
                let n = options.len();
                match key.code {
                    KeyCode::Right | KeyCode::Char(' ') => *selected = (*selected + 1) % n,
                    KeyCode::Left => *selected = (*selected + n - 1) % n,
                    KeyCode::Char(c) => {
                        if let Some(i) = jump_to_letter(options, *selected, c) {
                            *selected = i;
                        }
                    }
                    _ => {}
                }
            }
            FieldValue::Goals {
                options,
                checked,
                cursor,
            } => match key.code {
                KeyCode::Char(' ') => {
                    if let Some(on) = checked.get_mut(*cursor) {
                        *on = Strength::cycle(*on);
                    }
                }
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                    let hit = |(_, label): &(GoalId, String)| {
                        label
                            .chars()
                            .next()
                            .is_some_and(|f| f.eq_ignore_ascii_case(&c))
                    };
                    let after = options.iter().skip(*cursor + 1).position(hit);
                    if let Some(i) = after
                        .map(|i| i + *cursor + 1)
                        .or_else(|| options.iter().position(hit))
                    {
                        *cursor = i;
                    }
                }
                _ => {}
            },
        }
        self.error = None;
    }

    /// The focused field when it names a person, with what is typed in it.
    pub fn person_field(&self) -> Option<String> {
        self.fields
            .get(self.focus)
            .filter(|f| f.name.is_person())
            .map(Field::as_text)
    }

    /// Puts `name` into the focused person field (Tab completing it).
    pub(in crate::app) fn complete_person(&mut self, name: &str) {
        if let Some(Field {
            value: FieldValue::Text(input),
            name: field,
            ..
        }) = self.fields.get_mut(self.focus)
            && field.is_person()
        {
            *input = Input::new(name.to_string());
            self.error = None;
        }
    }

    /// Inserts pasted text into the focused text field (line breaks become spaces).
    pub fn paste(&mut self, text: &str) {
        if let Some(Field {
            value: FieldValue::Text(input) | FieldValue::Date(input),
            ..
        }) = self.fields.get_mut(self.focus)
        {
            paste_into(input, text);
        }
    }

    /// The target typed in the target field (read with the roadmap's calendar settings),
    /// or why it is not one.
    pub fn target_date(&self) -> Result<Target, String> {
        parse_target(&self.value(FieldName::Target), self.today, &self.calendar)
            .map_err(|e| e.to_string())
    }

    /// True for the forms whose date may be `later` (an initiative's target).
    pub fn takes_later(&self) -> bool {
        matches!(
            self.target,
            FormTarget::NewInitiative | FormTarget::EditInitiative(_) | FormTarget::Retarget(_)
        )
    }

    /// Applies the form to the roadmap if it is valid. On error, focuses the bad field and
    /// returns the message (the roadmap is untouched).
    pub fn validate(&mut self, roadmap: &Roadmap) -> Result<(), String> {
        self.calendar = roadmap.calendar;
        let result = self
            .check(roadmap)
            .and_then(|()| self.check_outlier(roadmap));
        if let Err((field, message)) = &result {
            self.focus_field(*field);
            self.error = Some(message.clone());
        }
        result.map_err(|(_, m)| m)
    }

    fn check(&self, roadmap: &Roadmap) -> Result<(), (FieldName, String)> {
        if !matches!(
            self.target,
            FormTarget::NewInitiative
                | FormTarget::EditInitiative(_)
                | FormTarget::NewGoal
                | FormTarget::EditGoal(_)
        ) {
            return self.check_entry(roadmap);
        }
        if self.value(FieldName::Title).trim().is_empty() {
            return Err((FieldName::Title, "The title cannot be empty.".into()));
        }
        match self.target {
            FormTarget::NewInitiative | FormTarget::EditInitiative(_) => self
                .target_date()
                .map(|_| ())
                .map_err(|m| (FieldName::Target, m)),
            FormTarget::NewGoal | FormTarget::EditGoal(_) => {
                let code = self.goal_code(roadmap);
                check_code(&code).map_err(|m| (FieldName::Code, format!("The {m}.")))?;
                let own = match &self.target {
                    FormTarget::EditGoal(id) => Some(id),
                    _ => None,
                };
                let clash = roadmap
                    .goals
                    .iter()
                    .find(|g| Some(&g.id) != own && g.code.eq_ignore_ascii_case(&code));
                match clash {
                    Some(g) => Err((
                        FieldName::Code,
                        format!("Code {code} is already used by \"{}\".", g.title),
                    )),
                    None => Ok(()),
                }
            }
            _ => Ok(()),
        }
    }

    /// The fields whose text differs from what the form opened with (for a new item too).
    pub fn edited_fields(&self) -> impl Iterator<Item = &Field> {
        self.fields
            .iter()
            .zip(&self.pristine)
            .filter(|(field, before)| field.as_text() != **before)
            .map(|(field, _)| field)
    }

    /// True when the named field differs from what the form opened with (always, for a new
    /// item: every field is written).
    pub fn is_field_changed(&self, name: FieldName) -> bool {
        if self.target.is_new() {
            return true;
        }
        self.fields
            .iter()
            .zip(&self.pristine)
            .any(|(field, before)| field.name == name && field.as_text() != *before)
    }

    pub(super) fn choice_index(&self, name: FieldName) -> Option<usize> {
        match self.field(name)?.value {
            FieldValue::Choice { selected, .. } => Some(selected),
            _ => None,
        }
    }

    /// A line explaining the focused field's special keys.
    pub fn field_help(&self) -> String {
        match self.fields.get(self.focus).map(|f| (&f.value, f.name)) {
            Some((FieldValue::Choice { .. }, _)) => {
                "←/→ or Space to change, or type its first letter".into()
            }
            Some((FieldValue::Goals { .. }, _)) => {
                "↑/↓ move · Space: strong ■ → partial ◧ → weak □ → unlinked".into()
            }
            Some((FieldValue::Date(_), _)) if self.takes_later() => format!(
                "e.g. 2027-03-31, fri, Q3 2027, FY2027, later (today is {})",
                long_date(self.today)
            ),
            Some((FieldValue::Date(_), _)) => format!(
                "e.g. 2027-03-31, +2w, fri, eom, Q3 2027 (today is {})",
                long_date(self.today)
            ),
            Some((_, FieldName::Tags)) => "separate tags with commas".into(),
            Some((
                _,
                FieldName::Value | FieldName::Hours | FieldName::Revenue | FieldName::Cost,
            )) => crate::domain::parse::NUMBER_HELP.into(),
            Some((_, FieldName::Code)) => {
                format!("1-{MAX_CODE_LEN} letters or digits shown on cards; empty = initials")
            }
            Some((_, name)) => fields::field_hint(name)
                .unwrap_or("type to edit · ←/→ move the cursor")
                .into(),
            None => String::new(),
        }
    }
}

/// Inserts pasted text into a one-line input: each line break (CRLF, LF or CR) becomes a
/// space; everything else is kept exactly (it is shown inert on screen).
pub fn paste_into(input: &mut Input, text: &str) {
    // One splice, not a character at a time: inserting each character rebuilt the value,
    // so a 40,000-character paste took 26 s of CPU and froze the screen.
    let pasted: String = text
        .replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let value = input.value();
    let at = value
        .char_indices()
        .nth(input.cursor())
        .map_or(value.len(), |(byte, _)| byte);
    let cursor = input.cursor() + pasted.chars().count();
    let spliced = format!("{}{pasted}{}", &value[..at], &value[at..]);
    *input = Input::new(spliced).with_cursor(cursor);
}

/// The option a typed character picks: the next one (after `current`, wrapping) whose label
/// starts with that letter, or, for a digit, the one that ends with it ("P3").
pub fn jump_to_letter<S: AsRef<str>>(options: &[S], current: usize, c: char) -> Option<usize> {
    let n = options.len();
    let starts = |i: &usize| {
        let label = options[*i].as_ref();
        if c.is_ascii_digit() {
            label.ends_with(c)
        } else {
            label
                .chars()
                .next()
                .is_some_and(|f| f.eq_ignore_ascii_case(&c))
        }
    };
    (1..=n).map(|step| (current + step) % n).find(starts)
}

pub use crate::domain::parse::parse_tags;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_goes_in_at_the_cursor_on_one_line() {
        let mut input = Input::new("héllo wörld".into()).with_cursor(6);
        paste_into(&mut input, "dear\r\nold\n");
        assert_eq!(input.value(), "héllo dear old wörld");
        assert_eq!(input.cursor(), 6 + 9, "the cursor ends after the paste");
        let mut empty = Input::default();
        paste_into(&mut empty, "x");
        assert_eq!((empty.value(), empty.cursor()), ("x", 1));
    }

    #[test]
    fn tags_split_on_commas_only() {
        assert_eq!(
            parse_tags(" +erp, data platform,erp,#eu"),
            vec!["erp", "data platform", "eu"]
        );
        assert!(parse_tags(" , ").is_empty());
    }

    #[test]
    fn letters_cycle_through_matching_options_and_digits_match_the_end() {
        let status = [
            "Proposed",
            "Planned",
            "In progress",
            "Blocked",
            "Done",
            "Dropped",
        ];
        assert_eq!(
            jump_to_letter(&status, 0, 'd'),
            Some(4),
            "d is Done, not Proposed"
        );
        assert_eq!(jump_to_letter(&status, 4, 'd'), Some(5), "d again: Dropped");
        assert_eq!(jump_to_letter(&status, 5, 'D'), Some(4), "wraps around");
        assert_eq!(
            jump_to_letter(&status, 0, 'p'),
            Some(1),
            "from Proposed, p goes to Planned"
        );
        assert_eq!(jump_to_letter(&["Run", "Grow", "Transform"], 0, 'n'), None);
        assert_eq!(jump_to_letter(&["P1", "P2", "P3"], 0, '3'), Some(2));
    }
}
