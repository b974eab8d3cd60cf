//! Presentation mode: the roadmap goal by goal for a room, in large type, with the public
//! view forced on. The pages are the goals in order, then the work that serves no goal.

use super::{App, Command, Mode};
use crate::domain::{Goal, Initiative};

/// One page of the presentation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Page<'a> {
    /// A goal and the initiatives serving it.
    Goal(&'a Goal),
    /// Active initiatives that serve no goal.
    Unlinked,
}

impl App {
    /// The pages, in order.
    pub fn presentation_pages(&self) -> Vec<Page<'_>> {
        let mut pages: Vec<Page<'_>> = self.roadmap.goals.iter().map(Page::Goal).collect();
        let unlinked = self
            .roadmap
            .initiatives
            .iter()
            .any(|i| i.status.is_active() && i.serves.is_empty());
        if unlinked || pages.is_empty() {
            pages.push(Page::Unlinked);
        }
        pages
    }

    /// The active initiatives on a page, ordered by target date.
    pub fn page_initiatives(&self, page: Page<'_>) -> Vec<&Initiative> {
        let mut items: Vec<&Initiative> = self
            .roadmap
            .initiatives
            .iter()
            .filter(|i| i.status.is_active())
            .filter(|i| match page {
                Page::Goal(goal) => i.serves_goal(&goal.id),
                Page::Unlinked => i.serves.is_empty() || self.roadmap.goals.is_empty(),
            })
            .collect();
        items.sort_by_key(|i| (i.target, i.rank));
        items
    }

    /// Enters presentation mode (public view on).
    pub(super) fn enter_presentation(&mut self) {
        let was_public = self.public;
        self.public = true;
        self.refresh();
        self.mode = Mode::Present {
            page: 0,
            was_public,
        };
    }

    /// Handles a command in presentation mode.
    pub(super) fn present_command(&mut self, command: Command) {
        let last = self.presentation_pages().len().saturating_sub(1);
        let Mode::Present { page, was_public } = &mut self.mode else {
            return;
        };
        match command {
            Command::Right => *page = (*page + 1).min(last),
            Command::Left => *page = page.saturating_sub(1),
            Command::First => *page = 0,
            Command::Last => *page = last,
            Command::NextTheme => self.next_theme(),
            Command::Close => {
                self.public = *was_public;
                self.refresh();
                let changed =
                    !crate::domain::diff::changes(&self.session_start, &self.roadmap).is_empty();
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
