//! Browse-mode commands: moving the selection, moving and reordering cards, adding, deleting.

use super::command::Command;
use super::derived::board_order;
use super::keymap::Context;
use super::{App, Form, Item, Mode, Pane};
use crate::domain::dates::long_date;
use crate::domain::query::Folded;
use crate::domain::{Goal, GoalId, Horizon, Initiative, InitiativeId, Roadmap, Status};
use chrono::{DateTime, Utc};

/// A new initiative with empty text, for a form to fill.
pub(super) fn blank_initiative(id: InitiativeId, now: DateTime<Utc>) -> Initiative {
    Initiative::blank(id, now)
}

/// A new goal with empty text, for a form to fill.
pub(super) fn blank_goal(id: GoalId) -> Goal {
    Goal::blank(id)
}

/// The undo history's words for loading the sample (undoing it moves the recap's start too).
pub(super) const LOADED_SAMPLE: &str = "Loaded the sample roadmap";
impl App {
    /// Rebuilds everything derived from the roadmap (columns, goal figures, due actions) and
    /// keeps the cursors in range.
    pub fn refresh(&mut self) {
        let filter = self.view.filter.as_ref().map(|f| f.query.matcher());
        self.derived
            .rebuild(&self.roadmap, self.today, filter.as_ref(), self.view.public);
        self.clamp_cursors();
    }

    /// Rebuilds the columns after the filter (or the public view) changed.
    pub(super) fn refilter(&mut self) {
        let filter = self.view.filter.as_ref().map(|f| f.query.matcher());
        self.derived
            .refilter(&self.roadmap, self.today, filter.as_ref(), self.view.public);
        self.clamp_cursors();
    }

    /// Brings what is derived from the roadmap up to date after a change from `before`.
    pub(super) fn refresh_from(&mut self, before: &Roadmap) {
        let filter = self.view.filter.as_ref().map(|f| f.query.matcher());
        let (today, public) = (self.today, self.view.public);
        self.derived
            .update(&self.roadmap, before, today, filter.as_ref(), public);
        self.clamp_cursors();
    }

    /// Every initiative's searchable text, lower-cased (worked out on first use).
    pub(super) fn folded(&self) -> &[Folded] {
        self.derived.folded(&self.roadmap)
    }

    /// Keeps the card and goal cursors in range of what is shown.
    fn clamp_cursors(&mut self) {
        for (cursor, column) in self.view.cursor.iter_mut().zip(&self.derived.columns) {
            *cursor = (*cursor).min(column.len().saturating_sub(1));
        }
        self.view.goal_cursor = self
            .view
            .goal_cursor
            .min(self.roadmap.goals.len().saturating_sub(1));
    }

    /// The selected initiative on the board, if the focused column has any.
    pub fn selected_initiative(&self) -> Option<&Initiative> {
        let column = self.view.column.index();
        let index = *self.derived.columns[column].get(self.view.cursor[column])?;
        self.roadmap.initiatives.get(index)
    }

    /// The selected goal in the goals pane.
    pub fn selected_goal(&self) -> Option<&Goal> {
        self.roadmap.goals.get(self.view.goal_cursor)
    }

    /// The item the focused pane points at.
    pub fn selected_item(&self) -> Option<Item> {
        match self.view.screen {
            super::Screen::Alignment => return self.alignment_item(),
            super::Screen::Review => return self.review_item(),
            super::Screen::Archive => {
                let at = self.view.archive_cursor;
                return self
                    .archived()
                    .get(at.min(self.archived().len().saturating_sub(1)))
                    .map(|i| Item::Initiative(i.id.clone()));
            }
            super::Screen::CheckIns => return None,
            super::Screen::Board => {}
        }
        match self.view.pane {
            Pane::Board => self
                .selected_initiative()
                .map(|i| Item::Initiative(i.id.clone())),
            Pane::Goals => self.selected_goal().map(|g| Item::Goal(g.id.clone())),
        }
    }

    /// Focuses the card of this initiative (if it is on the board).
    pub fn select_initiative(&mut self, id: &InitiativeId) {
        let Some(index) = self.roadmap.initiatives.position_of(id) else {
            return;
        };
        let initiative = &self.roadmap.initiatives[index];
        let column = initiative.horizon(self.today).index();
        let key = board_order(initiative);
        let initiatives = &self.roadmap.initiatives;
        let at =
            self.derived.columns[column].partition_point(|i| board_order(&initiatives[*i]) < key);
        if self.derived.columns[column].get(at) == Some(&index) {
            self.view.pane = Pane::Board;
            self.view.column = Horizon::from_index(column);
            self.view.cursor[column] = at;
        }
    }

    pub(super) fn update_browse(&mut self, command: Command) {
        match command {
            Command::Up
            | Command::Down
            | Command::PageUp
            | Command::PageDown
            | Command::First
            | Command::Last => self.move_cursor(command),
            Command::Left => self.focus_column(self.view.column.earlier()),
            Command::Right => self.focus_column(self.view.column.later()),
            Command::SwitchPane => {
                self.view.pane = match self.view.pane {
                    Pane::Board => Pane::Goals,
                    Pane::Goals => Pane::Board,
                };
            }
            Command::Open => match self.selected_item() {
                Some(item) => self.mode = Mode::Detail { item, scroll: 0 },
                None => self.nothing_selected(),
            },
            Command::Edit => match self.selected_item() {
                Some(item) => self.open_form_for(&item),
                None => self.nothing_selected(),
            },
            Command::AddInitiative => {
                let goals: Vec<GoalId> = match self.view.pane {
                    Pane::Goals => self
                        .selected_goal()
                        .map(|g| g.id.clone())
                        .into_iter()
                        .collect(),
                    Pane::Board => Vec::new(),
                };
                let mut form =
                    Form::new_initiative(&self.roadmap, self.view.column, &goals, self.today);
                if self.view.public {
                    form = form.without_internal();
                }
                self.mode = Mode::Form(Box::new(form));
            }
            Command::AddGoal => self.mode = Mode::Form(Box::new(Form::goal(None, self.today))),
            Command::Capture => self.open_capture(),
            Command::Search => self.open_prompt(super::search::PromptKind::Search),
            Command::Filter => self.open_prompt(super::search::PromptKind::Filter),
            Command::NextMatch => self.jump_to_match(true, false),
            Command::PreviousMatch => self.jump_to_match(false, false),
            Command::ClearFilters => self.clear_filters(),
            Command::TogglePublic => {
                self.view.public = !self.view.public;
                self.refilter();
                self.info(if self.view.public {
                    "Public view: notes and other internal fields are hidden (P shows them again)."
                } else {
                    "Internal fields are shown again."
                });
            }
            Command::NextTheme => self.next_theme(),
            Command::Present => self.enter_presentation(),
            Command::Recap => self.mode = Mode::Summary { scroll: 0 },
            Command::Decisions => self.mode = Mode::Decisions { selected: 0 },
            Command::People => {
                self.mode = Mode::People {
                    selected: 0,
                    rename: None,
                }
            }
            Command::Alignment => self.open_alignment(),
            Command::Review => self.open_review(),
            Command::CheckIns => {
                self.view.screen = super::Screen::CheckIns;
                self.mode = Mode::Browse;
            }
            Command::Archive => {
                self.view.screen = super::Screen::Archive;
                self.mode = Mode::Browse;
            }
            Command::Export | Command::Snapshot | Command::Changes if self.is_demo() => {
                self.info("The demo is kept in memory only: run alignmap without --demo to export or keep snapshots.");
            }
            Command::Export => {
                let public = if self.view.public {
                    " (public: internal fields left out)"
                } else {
                    ""
                };
                self.mode = Mode::Pick(super::Pick {
                    title: format!("Export{public} to the exports folder"),
                    purpose: super::PickFor::Export,
                    options: vec![
                        "HTML page: self-contained, prints on landscape pages".into(),
                        "Markdown: for a wiki or a Git host".into(),
                        "CSV: four sheets (goals, initiatives, KPIs, risks) for a spreadsheet"
                            .into(),
                        "JSON: the whole model, for other tools".into(),
                        "Minutes of this session: changes, decisions, actions (public HTML and Markdown)"
                            .into(),
                        "Review report: what changed, promises, KPI charts, slips, risks, check-ins, actions (HTML)"
                            .into(),
                    ],
                    keys: crate::export::Format::ALL
                        .into_iter()
                        .map(super::PickKey::Format)
                        .chain([super::PickKey::Minutes, super::PickKey::Report])
                        .collect(),
                    selected: 0,
                });
            }
            Command::Snapshot => self.effects.push(super::Effect::Snapshot),
            Command::Minutes => self.write_minutes(),
            Command::Report => self.write_report(),
            Command::Changes => self.effects.push(super::Effect::Changes),
            Command::SayWhy => match self.selected_initiative().map(|i| i.id.clone()) {
                Some(id) => {
                    self.ask_slip_reasons(std::slice::from_ref(&id));
                    if matches!(self.mode, Mode::Browse) {
                        self.info("Nothing slipped today on this card: no reason to give.");
                    }
                }
                None => self.nothing_selected(),
            },
            Command::Board => self.view.screen = super::Screen::Board,
            Command::LinkGoals
            | Command::AddRisk
            | Command::EditCase
            | Command::RecordReading
            | Command::AddKpi
            | Command::AddDeliverable
            | Command::EditNeeds => self.attach_command(command, self.selected_item()),
            Command::MoveEarlier => self.move_card(false),
            Command::MoveLater => self.move_card(true),
            Command::Settings => self.open_settings(),
            Command::SetTarget => match self.board_selection() {
                Some(id) => self.open_retarget(vec![id]),
                None => self.nothing_selected(),
            },
            Command::ReorderUp => self.reorder(false),
            Command::ReorderDown => self.reorder(true),
            Command::MarkDone => {
                if let Some(id) = self.board_selection() {
                    self.set_status(&id, Status::Done);
                }
            }
            Command::SetStatus => {
                if let Some(id) = self.board_selection() {
                    let current = self.roadmap.initiative(&id).map(|i| i.status);
                    let selected = Status::ALL
                        .iter()
                        .position(|s| Some(*s) == current)
                        .unwrap_or(0);
                    self.mode = Mode::Status { id, selected };
                }
            }
            Command::Delete => match self.selected_item() {
                Some(item) => self.ask_delete(&item),
                None => self.nothing_selected(),
            },
            Command::Undo => self.undo(false),
            Command::Redo => self.undo(true),
            Command::LoadSample => self.load_sample(),
            Command::Backups => match self.session.source {
                super::Source::File(_) => self.effects.push(super::Effect::ListBackups),
                super::Source::Demo => self.info("The demo has no file, so no backups."),
            },
            Command::MergeConflicts => self.show_merge_conflicts(),
            Command::Roadmaps => self.list_roadmaps(),
            Command::Portfolio => match self.session.source {
                super::Source::File(_) => self.effects.push(super::Effect::Portfolio),
                super::Source::Demo => self.info(
                    "The demo is one roadmap in memory: `alignmap portfolio` rolls up the roadmaps of your folder.",
                ),
            },
            Command::Help => {
                self.view.help_find = None;
                self.mode = Mode::Help { scroll: 0 };
            }
            Command::Close
            | Command::RollForward
            | Command::RollGoalForward
            | Command::MarkReviewed
            | Command::MarkGroupReviewed
            | Command::AddCheckIn
            | Command::Reopen
            | Command::Rename
            | Command::NextTab
            | Command::PreviousTab
            | Command::MatrixView
            | Command::Yes
            | Command::No
            | Command::Quit
            | Command::KeepMine
            | Command::MergeBoth
            | Command::TakeTheirs
            | Command::SettleMine
            | Command::SettleTheirs
            | Command::DecideLater => {}
        }
    }

    fn nothing_selected(&mut self) {
        match self.view.pane {
            Pane::Board => self.info(format!(
                "No card in {}: press a to add one.",
                self.view.column.label()
            )),
            Pane::Goals => self.info("No goals yet: press A to add one."),
        }
    }

    fn move_cursor(&mut self, command: Command) {
        let page = self.view.metrics.page.max(1);
        let (cursor, len) = match self.view.pane {
            Pane::Board => {
                let c = self.view.column.index();
                (&mut self.view.cursor[c], self.derived.columns[c].len())
            }
            Pane::Goals => (&mut self.view.goal_cursor, self.roadmap.goals.len()),
        };
        *cursor =
            super::selection::step(*cursor, len, page, command).unwrap_or(len.saturating_sub(1));
    }

    fn focus_column(&mut self, target: Option<Horizon>) {
        if self.view.pane == Pane::Goals {
            self.view.pane = Pane::Board;
            return;
        }
        let Some(target) = target else { return };
        let row = self.view.cursor[self.view.column.index()];
        self.view.column = target;
        let len = self.derived.columns[target.index()].len();
        self.view.cursor[target.index()] = row.min(len.saturating_sub(1));
    }

    fn move_card(&mut self, later: bool) {
        if self.view.pane != Pane::Board {
            self.info("Select a card on the board to move it (Tab switches panes).");
            return;
        }
        let Some(card) = self.selected_initiative() else {
            return self.nothing_selected();
        };
        let (id, title) = (card.id.clone(), card.title.clone());
        let from = card.horizon(self.today);
        let Some(to) = (if later { from.later() } else { from.earlier() }) else {
            let edge = if later { "latest" } else { "earliest" };
            self.info(format!(
                "\"{title}\" is already in {}, the {edge} horizon.",
                from.label()
            ));
            return;
        };
        let date = to.landing(self.today);
        let broken = self.needs_broken_by(&id, crate::domain::Target::day(date));
        let what = format!(
            "Moved \"{title}\" to {} (target {})",
            to.label(),
            long_date(date)
        );
        let moved = self.change(what, |r, _, today| {
            if let Some(i) = r.initiative_mut(&id) {
                i.set_target(crate::domain::Target::day(date), today);
            }
        });
        if moved {
            // The keys first, so they still show on a narrow screen; the card stays selected.
            let key = |c| self.key_label(Context::Browse, c);
            let why = if later {
                format!(" · {}: why", key(Command::SayWhy))
            } else {
                String::new()
            };
            self.info(format!(
                "{} ({}){why} · {}: exact date · {}: undo{broken} · moved \"{title}\"",
                to.label(),
                crate::domain::dates::day_month(date, self.today),
                key(Command::SetTarget),
                key(Command::Undo),
            ));
        }
        self.select_initiative(&id);
    }

    /// " · ⚠ needed first by X (due 5 Jan)" when moving `id` to `date` puts it after
    /// active work that needs it; empty otherwise.
    pub(super) fn needs_broken_by(
        &self,
        id: &crate::domain::InitiativeId,
        to: crate::domain::Target,
    ) -> String {
        let waiting: Vec<String> = self
            .roadmap
            .initiatives
            .iter()
            .filter(|i| i.status.is_active() && i.needs.contains(id) && to.is_later_than(&i.target))
            .map(|i| {
                format!(
                    "{} (due {})",
                    i.title.chars().take(30).collect::<String>(),
                    i.target
                        .label(|d| crate::domain::dates::day_month(d, self.today))
                )
            })
            .collect();
        match waiting.as_slice() {
            [] => String::new(),
            [one] => format!(" · ⚠ needed first by {one}"),
            [one, rest @ ..] => format!(" · ⚠ needed first by {one} and {} more", rest.len()),
        }
    }

    fn reorder(&mut self, down: bool) {
        if self.view.pane != Pane::Board {
            return;
        }
        let column = &self.derived.columns[self.view.column.index()];
        let pos = self.view.cursor[self.view.column.index()];
        let Some(&here) = column.get(pos) else {
            return self.nothing_selected();
        };
        let neighbour = if down {
            pos.checked_add(1)
        } else {
            pos.checked_sub(1)
        };
        let Some(&there) = neighbour.and_then(|n| column.get(n)) else {
            return;
        };
        let (a, b) = (
            &self.roadmap.initiatives[here],
            &self.roadmap.initiatives[there],
        );
        if a.target != b.target {
            let msg = format!(
                "Cards are ordered by target date: \"{}\" is due {}. Change the date with e to move past it.",
                b.title,
                b.target.label_with_day(long_date)
            );
            self.info(msg);
            return;
        }
        // Renumber the cards due that day in their current order, then swap the two.
        let same_day: Vec<usize> = column
            .iter()
            .copied()
            .filter(|i| self.roadmap.initiatives[*i].target == a.target)
            .collect();
        let (id, title) = (a.id.clone(), a.title.clone());
        let what = format!("Moved \"{title}\" {}", if down { "down" } else { "up" });
        self.change(what, |r, _, _| {
            for (rank, index) in same_day.iter().enumerate() {
                let rank = i32::try_from(rank).unwrap_or(i32::MAX);
                r.initiatives[*index].rank = if *index == here {
                    rank + if down { 1 } else { -1 }
                } else if *index == there {
                    rank + if down { -1 } else { 1 }
                } else {
                    rank
                };
            }
        });
        self.select_initiative(&id);
    }

    /// Switches to the next theme and asks the runtime to remember it.
    pub(super) fn next_theme(&mut self) {
        if self.settings.no_color {
            self.info("NO_COLOR is set, so colours stay off.");
        } else {
            self.settings.theme = self.settings.theme.next();
            // The demo writes nothing, its theme included: config.ron stays as it was.
            let kept = if self.is_demo() {
                "for this demo only"
            } else {
                self.effects.push(super::Effect::SaveConfig);
                "remembered"
            };
            self.info(format!(
                "Theme: {} (t for the next; {kept})",
                self.settings.theme.name()
            ));
        }
    }

    /// The selected card's id; explains why there is none otherwise.
    fn board_selection(&mut self) -> Option<InitiativeId> {
        if self.view.pane != Pane::Board {
            self.info("Select a card on the board first (Tab switches panes).");
            return None;
        }
        let id = self.selected_initiative().map(|i| i.id.clone());
        if id.is_none() {
            self.nothing_selected();
        }
        id
    }

    /// Sets an initiative's status as one undoable step.
    pub(super) fn set_status(&mut self, id: &InitiativeId, status: Status) {
        let Some(card) = self.roadmap.initiative(id) else {
            return;
        };
        let title = card.title.clone();
        let what = match status {
            Status::Done | Status::Dropped => format!(
                "Marked \"{title}\" {}: it leaves the board",
                status.label().to_lowercase()
            ),
            _ => format!("\"{title}\" is now {}", status.label().to_lowercase()),
        };
        self.change(what, |r, _, today| {
            if let Some(i) = r.initiative_mut(id) {
                i.set_status(status, today);
            }
        });
    }

    pub(super) fn open_form_for(&mut self, item: &Item) {
        let form = match item {
            Item::Initiative(id) => self
                .roadmap
                .initiative(id)
                .map(|i| Form::edit_initiative(&self.roadmap, i, self.today))
                .map(|f| {
                    if self.view.public {
                        f.without_internal()
                    } else {
                        f
                    }
                }),
            Item::Goal(id) => self
                .roadmap
                .goal(id)
                .map(|g| Form::goal(Some(g), self.today)),
        };
        if let Some(form) = form {
            self.mode = Mode::Form(Box::new(form));
        }
    }

    /// Asks for the minutes of this session to be written; says so when there is nothing
    /// to write them from, or nowhere to write them.
    pub(super) fn write_minutes(&mut self) {
        if self.is_demo() {
            return self.info(
                "The demo has no folder to write minutes into: run alignmap on a roadmap file.",
            );
        }
        self.effects.push(super::Effect::Minutes);
    }

    /// Asks for the review report to be written into the exports folder (the demo has none:
    /// the CLI writes one from it).
    pub(super) fn write_report(&mut self) {
        if self.is_demo() {
            return self.info(
                "The demo has no folder to write a report into: `alignmap --demo report` writes one.",
            );
        }
        self.effects.push(super::Effect::Report);
    }

    pub(super) fn load_sample(&mut self) {
        if !self.roadmap.is_empty() {
            self.info("The sample loads only into an empty roadmap (try alignmap --demo).");
            return;
        }
        match crate::sample::sample(self.today, self.clock.now()) {
            Ok(sample) => {
                if self.change(LOADED_SAMPLE.into(), |r, _, _| *r = sample) {
                    // Loading is where the meeting starts, not one of its changes: the
                    // recap and the minutes count from here.
                    self.session.session_start = self.roadmap.clone();
                }
            }
            Err(why) => self.error(why),
        }
    }
}
