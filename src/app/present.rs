//! Presentation mode: the roadmap goal by goal for a room, in large type, with the public
//! view forced on. The pages are the goals in order, then the work that serves no goal.

use super::selection::step;
use super::{App, Command, Mode};
use crate::domain::{Goal, GoalId, Initiative};

/// One page of the presentation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Page<'a> {
    /// A goal and the initiatives serving it.
    Goal(&'a Goal),
    /// Active initiatives that serve no goal.
    Unlinked,
    /// The closing page: the alignment line, unsupported goals, high risks without a
    /// mitigation, and what this session decided.
    Closing,
}

impl App {
    /// The pages, in order.
    pub fn presentation_pages(&self) -> Vec<Page<'_>> {
        let mut pages: Vec<Page<'_>> = self.roadmap.goals.iter().map(Page::Goal).collect();
        if !self.by_goal().1.is_empty() || pages.is_empty() {
            pages.push(Page::Unlinked);
        }
        pages.push(Page::Closing);
        pages
    }

    /// The active initiatives on a page, ordered by target date (with no goals, every
    /// initiative is unlinked: links to goals that do not exist are refused on load).
    pub fn page_initiatives(&self, page: Page<'_>) -> Vec<&Initiative> {
        let (by_goal, unlinked) = self.by_goal();
        let positions = match page {
            Page::Goal(goal) => by_goal.get(&goal.id).map_or(&[][..], Vec::as_slice),
            Page::Unlinked => unlinked.as_slice(),
            Page::Closing => &[][..],
        };
        positions
            .iter()
            .map(|n| &self.roadmap.initiatives[*n])
            .collect()
    }

    /// The high risks without a mitigation on the active work of a page (the closing page:
    /// on all active work), leaving out confidential ones: the room sees the public view.
    /// Each with the initiative it is on; each risk once.
    pub fn page_risks(&self, page: Page<'_>) -> Vec<(&crate::domain::business::Risk, &Initiative)> {
        let on: Vec<&Initiative> = match page {
            Page::Closing => self.roadmap.active_in_board_order(),
            other => self.page_initiatives(other),
        };
        on.into_iter()
            .flat_map(|i| {
                i.risks
                    .iter()
                    .filter(|r| !r.confidential && r.needs_mitigation())
                    .map(move |r| (r, i))
            })
            .collect()
    }

    /// The decisions recorded in this session, oldest first.
    pub fn session_decisions(&self) -> Vec<&crate::domain::decisions::Decision> {
        let start = &self.session.session_start.decisions;
        self.roadmap
            .decisions
            .iter()
            .filter(|d| start.find(&d.id).is_none())
            .collect()
    }

    /// The actions recorded in this session, oldest first.
    pub fn session_actions(&self) -> Vec<&crate::domain::decisions::Action> {
        let start = &self.session.session_start.actions;
        self.roadmap
            .actions
            .iter()
            .filter(|a| start.find(&a.id).is_none())
            .collect()
    }

    /// Positions of the active initiatives by target date (then rank).
    fn active_by_date(&self) -> Vec<usize> {
        let initiatives = &self.roadmap.initiatives;
        let mut all: Vec<usize> = (0..initiatives.len())
            .filter(|n| initiatives[*n].status.is_active())
            .collect();
        all.sort_by_key(|n| (initiatives[*n].target, initiatives[*n].rank));
        all
    }

    /// The active initiatives serving each goal, and those serving none, by target date
    /// (worked out once per change of the roadmap).
    fn by_goal(&self) -> &super::ByGoal {
        self.derived.lists.by_goal.get_or_init(|| {
            let initiatives = &self.roadmap.initiatives;
            let mut by_goal: std::collections::HashMap<GoalId, Vec<usize>> = Default::default();
            let mut unlinked = Vec::new();
            for n in self.active_by_date() {
                let links = &initiatives[n].serves;
                if links.is_empty() {
                    unlinked.push(n);
                }
                for link in links {
                    by_goal.entry(link.goal.clone()).or_default().push(n);
                }
            }
            (by_goal, unlinked)
        })
    }

    /// Enters presentation mode (public view on).
    pub(super) fn enter_presentation(&mut self) {
        let was_public = self.view.public;
        self.view.public = true;
        self.refresh();
        self.mode = Mode::Present {
            page: 0,
            was_public,
        };
    }

    /// Handles a command in presentation mode.
    pub(super) fn present_command(&mut self, command: Command) {
        let pages = self.presentation_pages().len();
        let Mode::Present { page, was_public } = &mut self.mode else {
            return;
        };
        // Pages turn with the arrows a clicker sends: Right forward, Left back.
        let turn = match command {
            Command::Right => Command::Down,
            Command::Left => Command::Up,
            other => other,
        };
        match turn {
            Command::Up | Command::Down | Command::First | Command::Last => {
                *page = step(*page, pages, 1, turn).unwrap_or(*page);
            }
            Command::NextTheme => self.next_theme(),
            Command::Close => {
                self.view.public = *was_public;
                self.refresh();
                let changed =
                    !crate::domain::diff::changes(&self.session.session_start, &self.roadmap)
                        .is_empty();
                // Leaving the presentation ends the meeting's walk-through: recap the session.
                self.mode = if changed {
                    Mode::Summary { scroll: 0 }
                } else {
                    Mode::Browse
                };
                self.info("Left presentation mode.");
            }
            _ => {}
        }
    }
}
