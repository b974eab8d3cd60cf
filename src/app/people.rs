//! The people view: everyone the roadmap names, those with overdue work first; Enter shows
//! their cards, `r` renames them everywhere in one undoable step.

use super::{App, Command, Mode};
use crate::domain::people::{self, Duty, Person};
use crossterm::event::{Event, KeyCode, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

/// A person as the view lists them, with what they still have to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// Who.
    pub person: Person,
    /// Open duties, overdue first.
    pub duties: Vec<Duty>,
}

impl Listed {
    /// How many duties are overdue.
    pub fn overdue(&self) -> usize {
        self.duties.iter().filter(|d| d.overdue).count()
    }
}

impl App {
    /// Everyone the roadmap names, those with overdue duties first (most first), then by name.
    pub fn listed_people(&self) -> Vec<Listed> {
        let mut list: Vec<Listed> = people::people(&self.roadmap)
            .into_iter()
            .map(|person| Listed {
                duties: people::duties(&self.roadmap, &person, self.today),
                person,
            })
            .collect();
        list.sort_by_key(|l| std::cmp::Reverse(l.overdue()));
        list
    }

    /// Handles a command in the people view.
    pub(super) fn people_command(&mut self, command: Command) {
        let listed = self.listed_people();
        let Mode::People { selected, .. } = &mut self.mode else {
            return;
        };
        if let Some(to) =
            super::selection::step(*selected, listed.len(), self.view.metrics.page, command)
        {
            *selected = to;
            return;
        }
        let chosen = listed.get(*selected).map(|l| l.person.name.clone());
        match command {
            Command::Close => self.mode = Mode::Browse,
            Command::Undo | Command::Redo => {
                if self.session.read_only.is_some() {
                    return self
                        .error("Read-only: nothing can be changed here (the top line says why).");
                }
                let at = *selected;
                self.undo(command == Command::Redo);
                // Undo keeps the view open; the highlight stays in the list.
                let rows = self.listed_people().len();
                self.mode = Mode::People {
                    selected: at.min(rows.saturating_sub(1)),
                    rename: None,
                };
            }
            Command::Open => {
                let Some(name) = chosen else { return };
                self.mode = Mode::Browse;
                self.filter_by_person(&name);
            }
            Command::Rename => {
                let Some(name) = chosen else { return };
                if let Mode::People { rename, .. } = &mut self.mode {
                    *rename = Some(Box::new(Input::new(name)));
                }
            }
            _ => {}
        }
    }

    /// Shows only the cards `name` owns, sponsors or champions (the filter `@"name"`).
    fn filter_by_person(&mut self, name: &str) {
        let text = people::at_token(name);
        match crate::domain::query::Query::parse(&text, &self.roadmap) {
            Ok(query) => {
                self.view.screen = super::Screen::Board;
                let active = super::search::Active { text, query };
                self.apply(super::search::PromptKind::Filter, Some(active));
                let shown: usize = self.derived.columns.iter().map(Vec::len).sum();
                let clear = self.key_label(super::Context::Browse, Command::ClearFilters);
                self.info(format!(
                    "{} of {name} ({clear} shows all).",
                    crate::domain::counted(shown, "card", "cards")
                ));
            }
            Err(why) => self.error(why),
        }
    }

    /// Handles a key while a new name is typed: Enter renames, Esc keeps the old name.
    pub(super) fn rename_key(&mut self, key: KeyEvent) {
        let Mode::People {
            rename: Some(input),
            ..
        } = &mut self.mode
        else {
            return;
        };
        match key.code {
            KeyCode::Enter => self.apply_rename(),
            KeyCode::Esc => {
                if let Mode::People { rename, .. } = &mut self.mode {
                    *rename = None;
                }
                self.info("Not renamed.");
            }
            _ => {
                if let Some(request) = to_input_request(&Event::Key(key)) {
                    input.handle(request);
                }
            }
        }
    }

    /// Renames the highlighted person to what was typed, in every field, as one edit.
    pub(super) fn apply_rename(&mut self) {
        let listed = self.listed_people();
        let Mode::People { selected, rename } = &mut self.mode else {
            return;
        };
        let Some(input) = rename.take() else { return };
        let to = people::tidy(input.value());
        let Some(from) = listed.get(*selected).map(|l| l.person.name.clone()) else {
            return;
        };
        if to.is_empty() {
            return self.error("A name cannot be empty: type one, or Esc keeps the old name.");
        }
        if self.session.read_only.is_some() {
            return self.error("Read-only: nothing can be changed here (the top line says why).");
        }
        // A name someone else already has makes one person of two: say so (people do type
        // a name that is already there), and u splits them again.
        let merged = listed.iter().any(|l| {
            !l.person.name.eq_ignore_ascii_case(&from) && l.person.name.eq_ignore_ascii_case(&to)
        });
        let mut fields = 0;
        let what = if merged {
            format!("Merged {from} into {to}")
        } else {
            format!("Renamed {from} to {to}")
        };
        let changed = self.change(what.clone(), |r, _, _| {
            fields = people::rename(r, &from, &to);
        });
        if changed {
            let undo = self.key_label(super::Context::Browse, Command::Undo);
            self.info(format!(
                "{what} in {} ({undo} to undo)",
                crate::domain::counted(fields, "field", "fields")
            ));
        }
        // The highlight follows the person to their new place in the list.
        let at = self
            .listed_people()
            .iter()
            .position(|l| people::tidy(&l.person.name).eq_ignore_ascii_case(&to));
        if let (Some(at), Mode::People { selected, .. }) = (at, &mut self.mode) {
            *selected = at;
        }
    }
}
