//! The alignment screen: its tabs (gaps, goals & KPIs, traceability matrix, balance), the rows
//! each tab lists, and its keys. Acting on a row uses the same forms as the board.

use super::{App, Command, Item, Mode};
use crate::domain::alignment::{self, Gap};
use crate::domain::{Horizon, Initiative};

/// Which full screen is shown under any overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    /// The four horizon columns and the goals pane.
    #[default]
    Board,
    /// The alignment view.
    Alignment,
    /// The review queue.
    Review,
    /// Relationship check-ins.
    CheckIns,
    /// Done and dropped initiatives.
    Archive,
}

/// A tab of the alignment view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// What needs a question asked: unlinked work, unsupported goals, missing KPIs …
    #[default]
    Gaps,
    /// Each goal with its KPIs, support and risk exposure.
    Goals,
    /// Which initiative serves which goal, and how strongly.
    Matrix,
    /// Shares of work and cost per goal and per portfolio kind.
    Balance,
}

impl Tab {
    /// The tabs, in order.
    pub const ALL: [Tab; 4] = [Tab::Gaps, Tab::Goals, Tab::Matrix, Tab::Balance];

    /// Tab title.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Gaps => "Gaps",
            Tab::Goals => "Goals & KPIs",
            Tab::Matrix => "Matrix",
            Tab::Balance => "Balance",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn step(self, forward: bool) -> Tab {
        let n = Tab::ALL.len();
        let next = if forward {
            self.index() + 1
        } else {
            self.index() + n - 1
        };
        Tab::ALL[next % n]
    }
}

/// The alignment view's state, kept while the session lasts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlignState {
    /// The tab shown.
    pub tab: Tab,
    /// The highlighted row of each tab.
    pub selected: [usize; 4],
    /// The matrix shows goals × horizons instead of initiatives × goals.
    pub by_horizon: bool,
    /// First goal column shown in the initiative matrix (scrolls with ←/→).
    pub first_goal: usize,
}

/// The item a gap is about (the initiative, or the goal).
pub fn gap_item(gap: &Gap) -> Item {
    match gap {
        Gap::Unlinked(i)
        | Gap::NoCase(i)
        | Gap::NoOwner(i)
        | Gap::Sequence(i, _)
        | Gap::Unmitigated(i, _) => Item::Initiative(i.clone()),
        Gap::Unsupported(g) | Gap::NoKpi(g) | Gap::NoTarget(g, _) => Item::Goal(g.clone()),
    }
}

impl App {
    /// Active initiatives in matrix order: by horizon, then target date, then title (the
    /// order is worked out once per change of the roadmap or day).
    pub fn matrix_initiatives(&self) -> Vec<&Initiative> {
        let initiatives = &self.roadmap.initiatives;
        let order = self.matrix_order();
        order.iter().map(|n| &initiatives[*n]).collect()
    }

    /// Positions of the active initiatives in matrix order.
    pub fn matrix_order(&self) -> &[usize] {
        let initiatives = &self.roadmap.initiatives;
        self.derived.lists.matrix.get_or_init(|| {
            let mut list: Vec<usize> = (0..initiatives.len())
                .filter(|n| initiatives[*n].status.is_active())
                .collect();
            let today = self.today;
            list.sort_by_cached_key(|n| {
                let i = &initiatives[*n];
                (i.horizon(today), i.target, i.rank, i.title.clone())
            });
            list
        })
    }

    /// The alignment summary (worked out once per change of the roadmap or day).
    pub fn alignment_summary(&self) -> &alignment::Summary {
        self.derived.lists.summary.get_or_init(|| {
            let derived = &self.derived;
            alignment::summary_with(&self.roadmap, &derived.tallies, &derived.goal_health)
        })
    }

    /// The gaps as the view lists them (worked out once per change of the roadmap or day).
    pub fn listed_gaps(&self) -> &[Gap] {
        self.derived
            .lists
            .gaps
            .get_or_init(|| alignment::gaps(&self.roadmap, self.today))
    }

    /// How many rows the current tab has.
    pub fn alignment_row_count(&self) -> usize {
        match self.view.align.tab {
            Tab::Gaps => self.listed_gaps().len(),
            Tab::Matrix if !self.view.align.by_horizon => self.matrix_order().len(),
            Tab::Goals | Tab::Balance | Tab::Matrix => self.roadmap.goals.len(),
        }
    }

    /// The item row `n` of the current tab points at.
    fn alignment_row(&self, n: usize) -> Option<Item> {
        match self.view.align.tab {
            Tab::Gaps => self.listed_gaps().get(n).map(gap_item),
            Tab::Matrix if !self.view.align.by_horizon => {
                let at = *self.matrix_order().get(n)?;
                Some(Item::Initiative(self.roadmap.initiatives[at].id.clone()))
            }
            Tab::Goals | Tab::Balance | Tab::Matrix => {
                self.roadmap.goals.get(n).map(|g| Item::Goal(g.id.clone()))
            }
        }
    }

    /// The highlighted row of the current tab, clamped to the rows there are.
    pub fn alignment_cursor(&self, rows: usize) -> usize {
        self.view.align.selected[self.view.align.tab.index()].min(rows.saturating_sub(1))
    }

    /// The item the alignment view highlights.
    pub(super) fn alignment_item(&self) -> Option<Item> {
        self.alignment_row(self.alignment_cursor(self.alignment_row_count()))
    }

    /// Opens the alignment view (on the tab it was left on).
    pub(super) fn open_alignment(&mut self) {
        self.view.screen = super::Screen::Alignment;
        self.mode = Mode::Browse;
    }

    /// Handles a command on the alignment screen.
    pub(super) fn alignment_command(&mut self, command: Command) {
        let rows = self.alignment_row_count();
        let tab = self.view.align.tab.index();
        let page = self.view.metrics.page.max(1);
        let current = self.alignment_cursor(rows);
        if let Some(to) = super::selection::step(current, rows, page, command) {
            self.view.align.selected[tab] = to;
            return;
        }
        match command {
            Command::NextTab | Command::PreviousTab => {
                self.view.align.tab = self.view.align.tab.step(command == Command::NextTab);
            }
            Command::Left => {
                self.view.align.first_goal = self.view.align.first_goal.saturating_sub(1)
            }
            Command::Right => {
                let goals = self.roadmap.goals.len();
                self.view.align.first_goal =
                    (self.view.align.first_goal + 1).min(goals.saturating_sub(1));
            }
            Command::MatrixView => {
                self.view.align.tab = Tab::Matrix;
                self.view.align.by_horizon = !self.view.align.by_horizon;
                self.view.align.selected[Tab::Matrix.index()] = 0;
            }
            Command::AddRisk if self.view.align.tab == Tab::Gaps => {
                let gaps = self.listed_gaps();
                match gaps.get(self.alignment_cursor(gaps.len())) {
                    Some(Gap::Unmitigated(id, risk)) => self.open_picked(
                        &super::attach::PickFor::Risk(id.clone()),
                        &super::attach::PickKey::Entry(risk.clone()),
                    ),
                    _ => self.update_browse(command),
                }
            }
            Command::Board | Command::Close => self.view.screen = super::Screen::Board,
            Command::Alignment => {}
            other => self.update_browse(other),
        }
    }

    /// The words shown when the current tab has no rows.
    pub fn alignment_empty_hint(&self) -> &'static str {
        match self.view.align.tab {
            Tab::Gaps => "No gaps: every goal is supported and every initiative has a reason.",
            Tab::Matrix => "No active initiatives yet.",
            Tab::Goals | Tab::Balance => "No business goals yet: press 1, then A to add one.",
        }
    }
}

/// The horizon label of a target, for rows of the matrix.
pub fn horizon_label(initiative: &Initiative, app: &App) -> &'static str {
    match initiative.horizon(app.today) {
        Horizon::Now if initiative.is_overdue(app.today) => "Overdue",
        h => h.label(),
    }
}
