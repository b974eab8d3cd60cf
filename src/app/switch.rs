//! The switcher: the roadmaps beside the open one, and opening another. Choosing one ends
//! this session the ordinary way (saved, lock released); the caller then opens the chosen
//! file, so each roadmap keeps its own lock, backups and snapshots.

use super::RoadmapRow as Listed;
use super::{App, Effect, Mode, Source, selection};
use crate::app::command::Command;

impl App {
    /// Asks the runtime for the list of roadmaps beside the file.
    pub(super) fn list_roadmaps(&mut self) {
        match self.session.source {
            Source::File(_) => self.effects.push(Effect::ListRoadmaps),
            Source::Demo => self.info(
                "The demo is one roadmap in memory: run alignmap without --demo to switch between yours.",
            ),
        }
    }

    /// Shows the list with the open roadmap highlighted.
    pub(super) fn show_roadmaps(&mut self, rows: Vec<Listed>) {
        let selected = rows.iter().position(|r| self.is_open(r)).unwrap_or(0);
        if rows.len() <= 1 {
            self.info("This is the only roadmap in its folder: `alignmap new NAME` makes another.");
        }
        self.mode = Mode::Roadmaps { rows, selected };
    }

    /// True for the row of the roadmap open now.
    pub fn is_open(&self, row: &Listed) -> bool {
        matches!(&self.session.source, Source::File(path) if *path == row.path)
    }

    pub(super) fn roadmaps_command(&mut self, command: Command, page: usize) {
        let Mode::Roadmaps { rows, selected } = &mut self.mode else {
            return;
        };
        if let Some(to) = selection::step(*selected, rows.len(), page, command) {
            *selected = to;
            return;
        }
        match command {
            Command::Close => self.mode = Mode::Browse,
            Command::Yes => {
                if let Some(row) = rows.get(*selected).cloned() {
                    self.switch_to(&row);
                }
            }
            _ => {}
        }
    }

    pub(super) fn portfolio_command(&mut self, command: Command) {
        let Mode::Portfolio {
            rollup,
            dir,
            selected,
            scroll,
        } = &mut self.mode
        else {
            return;
        };
        let units = rollup.units.len();
        match command {
            Command::Up => *selected = selected.saturating_sub(1),
            Command::Down => *selected = (*selected + 1).min(units.saturating_sub(1)),
            Command::PageDown => *scroll = scroll.saturating_add(10),
            Command::PageUp => *scroll = scroll.saturating_sub(10),
            Command::Close => self.mode = Mode::Browse,
            Command::Open => {
                let Some(unit) = rollup.units.get(*selected) else {
                    return;
                };
                let row = Listed {
                    path: dir.join(&unit.file),
                    file: unit.file.clone(),
                    name: Ok(unit.name.clone()),
                    facts: Vec::new(),
                };
                self.switch_to(&row);
            }
            _ => {}
        }
    }

    /// Ends this session to open `row`'s roadmap, unless that cannot be done well.
    fn switch_to(&mut self, row: &Listed) {
        let file = &row.file;
        if self.is_open(row) {
            self.mode = Mode::Browse;
            return self.info(format!("{file} is the roadmap open now."));
        }
        if let Err(why) = &row.name {
            return self.error(format!(
                "{file} cannot be opened: {why} (alignmap check {file} says where)"
            ));
        }
        if self.session.disk_change.is_some() {
            return self.error(
                "This file changed on disk: decide about that first (m keeps yours, t takes theirs).",
            );
        }
        self.mode = Mode::Browse;
        self.session.switch_to = Some(row.path.clone());
        self.quit = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Clock;
    use crate::domain::Roadmap;
    use chrono::NaiveDate;
    use std::path::PathBuf;

    fn app() -> App {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let clock = Clock::fixed(today, today.and_hms_opt(9, 0, 0).unwrap().and_utc());
        App::builder(Roadmap::new("Finance"), clock)
            .source(Source::File(PathBuf::from("/data/finance.ron")))
            .build()
    }

    fn row(path: &str, name: Result<String, String>) -> Listed {
        let path = PathBuf::from(path);
        Listed {
            file: crate::storage::file_name(&path),
            path,
            name,
            facts: Vec::new(),
        }
    }

    fn rows() -> Vec<Listed> {
        let fine = || Ok("Unit".to_string());
        vec![
            row("/data/finance.ron", fine()),
            row("/data/retail.ron", fine()),
            row("/data/broken.ron", Err("line 3: expected a list".into())),
        ]
    }

    #[test]
    fn the_list_opens_on_the_roadmap_open_now_and_enter_on_another_ends_the_session_for_it() {
        let mut app = app();
        app.update(Command::Roadmaps);
        assert_eq!(app.effects, vec![Effect::ListRoadmaps]);
        app.take_outcome(crate::app::EffectOutcome::Roadmaps(rows()));
        assert!(matches!(app.mode, Mode::Roadmaps { selected: 0, .. }));
        app.update(Command::Yes);
        assert!(!app.quit, "Enter on the open one only says so");
        assert!(matches!(app.mode, Mode::Browse));
        app.take_outcome(crate::app::EffectOutcome::Roadmaps(rows()));
        app.update(Command::Down);
        app.update(Command::Yes);
        assert!(app.quit);
        assert_eq!(
            app.session.switch_to,
            Some(PathBuf::from("/data/retail.ron"))
        );
    }

    #[test]
    fn an_unreadable_roadmap_or_an_undecided_change_on_disk_keeps_this_one_open() {
        let mut app = app();
        app.take_outcome(crate::app::EffectOutcome::Roadmaps(rows()));
        app.update(Command::Last);
        app.update(Command::Yes);
        assert!(!app.quit);
        let said = &app.message.as_ref().unwrap().1;
        assert!(
            said.contains("broken.ron cannot be opened: line 3"),
            "{said}"
        );
        app.session.disk_change = Some(crate::app::DiskChange {
            theirs: Err("gone".into()),
        });
        app.update(Command::Up);
        app.update(Command::Yes);
        assert!(!app.quit);
        assert_eq!(app.session.switch_to, None);
    }

    #[test]
    fn the_demo_has_nothing_to_switch_to() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let clock = Clock::fixed(today, today.and_hms_opt(9, 0, 0).unwrap().and_utc());
        let mut app = App::builder(Roadmap::new("r"), clock).build();
        app.update(Command::Roadmaps);
        assert!(app.effects.is_empty());
        assert!(matches!(app.mode, Mode::Browse));
    }
}
