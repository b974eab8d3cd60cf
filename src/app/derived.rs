//! What the app works out from the roadmap, kept apart from what the user does: the board's
//! columns, per-goal figures, reverse dependencies, due actions, and the lists views compute
//! on first use. After an edit only the initiatives that changed are taken out and put back
//! (`update`); a property test checks that this always equals a full `rebuild`.

use crate::domain::query::{Folded as FoldedText, Matcher};
use crate::domain::tally::{NeededBy, Tallies};
use crate::domain::{Initiative, InitiativeId, Roadmap};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The searchable text of every initiative, lower-cased, and the initiatives it was made
/// from (a copy sharing their items), to bring it up to date by what changed since.
pub type Folded = (
    crate::domain::Items<crate::domain::Initiative>,
    Vec<crate::domain::query::Folded>,
);

/// Positions of the active initiatives serving each goal, and of those serving none.
pub type ByGoal = (
    std::collections::HashMap<crate::domain::GoalId, Vec<usize>>,
    Vec<usize>,
);

/// Lists that cost a pass over every initiative, worked out on first use and dropped whenever
/// the roadmap, the day or the review thresholds change (see `refresh`).
#[derive(Debug, Clone, Default)]
pub struct Lists {
    /// The alignment gaps.
    pub gaps: std::sync::OnceLock<Vec<crate::domain::alignment::Gap>>,
    /// The review queue.
    pub queue: std::sync::OnceLock<Vec<crate::domain::review::Entry>>,
    /// Positions of the active initiatives in matrix order.
    pub matrix: std::sync::OnceLock<Vec<usize>>,
    /// Positions of the finished initiatives, most recently finished first.
    pub archived: std::sync::OnceLock<Vec<usize>>,
    /// Each initiative's searchable text, lower-cased (built when a search or filter needs
    /// it, then kept up to date with each change).
    pub folded: std::sync::OnceLock<Folded>,
    /// Positions of the active initiatives serving each goal, and serving none, by date.
    pub by_goal: std::sync::OnceLock<ByGoal>,
    /// Promise keeping over the whole roadmap.
    pub promise: std::sync::OnceLock<crate::domain::review::Promise>,
    /// Positions of the initiatives delivered since a day (the day, then the positions).
    pub delivered: std::sync::OnceLock<(chrono::NaiveDate, Vec<usize>)>,
    /// The alignment summary line's figures.
    pub summary: std::sync::OnceLock<crate::domain::alignment::Summary>,
    /// Every active card in board order, per column, before any filter.
    pub board: std::sync::OnceLock<[Vec<usize>; 4]>,
    /// The board cards matching the search, as (column, position).
    pub matches: std::sync::OnceLock<Vec<(usize, usize)>>,
}

/// Everything derived from the roadmap, as of one day, one filter and one view.
#[derive(Debug, Clone)]
pub struct Derived {
    /// Initiative indices per column, in display order, less any filtered out.
    pub columns: [Vec<usize>; 4],
    /// Active initiatives serving each goal, in goal order.
    pub goal_counts: Vec<usize>,
    /// Support, unmitigated risks and KPI progress of each goal.
    pub goal_health: Vec<crate::domain::alignment::Health>,
    /// Per-goal sums over the initiatives (kept up to date one initiative at a time).
    pub tallies: Tallies,
    /// Which initiatives need each initiative (kept up to date one at a time).
    pub needed_by: NeededBy,
    /// Lists worked out when a view first needs them (dropped on every change).
    pub lists: Lists,
    /// Open actions due within a week, per initiative.
    pub due_actions: BTreeMap<InitiativeId, usize>,
}

impl Derived {
    /// Nothing worked out yet: the state before the first `rebuild`.
    pub fn empty(today: NaiveDate) -> Self {
        Derived {
            columns: Default::default(),
            goal_counts: Vec::new(),
            goal_health: Vec::new(),
            tallies: Tallies::of(&Roadmap::new(""), today),
            needed_by: NeededBy::default(),
            lists: Lists::default(),
            due_actions: BTreeMap::new(),
        }
    }

    /// Works everything out again from `roadmap`.
    pub fn rebuild(
        &mut self,
        roadmap: &Roadmap,
        today: NaiveDate,
        filter: Option<&Matcher>,
        public: bool,
    ) {
        self.renew_lists(roadmap);
        self.tallies = Tallies::of(roadmap, today);
        self.needed_by = NeededBy::of(roadmap);
        self.refresh_actions(roadmap, today);
        self.refilter(roadmap, today, filter, public);
    }

    /// Rebuilds the columns after the filter (or the public view) changed: the active cards
    /// in board order, worked out once per change of the roadmap, less those filtered out.
    pub fn refilter(
        &mut self,
        roadmap: &Roadmap,
        today: NaiveDate,
        filter: Option<&Matcher>,
        public: bool,
    ) {
        let initiatives = &roadmap.initiatives;
        let all = self.lists.board.get_or_init(|| {
            let mut columns: [Vec<usize>; 4] = Default::default();
            for (index, initiative) in initiatives.iter().enumerate() {
                if initiative.status.is_active() {
                    columns[initiative.horizon(today).index()].push(index);
                }
            }
            for column in &mut columns {
                column.sort_by_key(|i| board_order(&initiatives[*i]));
            }
            columns
        });
        let columns = match filter {
            None => all.clone(),
            Some(filter) => {
                let folded = self.folded(roadmap);
                all.clone().map(|column| {
                    column
                        .into_iter()
                        .filter(|i| filter.matches(&initiatives[*i], &folded[*i], !public))
                        .collect()
                })
            }
        };
        self.columns = columns;
        self.lists.matches = std::sync::OnceLock::new();
        self.refresh_goals(roadmap);
    }

    /// Brings everything up to date after a change from `before`, touching only the
    /// initiatives that changed (a full rebuild when some were added or removed, or very
    /// many changed).
    pub fn update(
        &mut self,
        roadmap: &Roadmap,
        before: &Roadmap,
        today: NaiveDate,
        filter: Option<&Matcher>,
        public: bool,
    ) {
        let changed = roadmap.initiatives.changed_since(&before.initiatives);
        let Some(changed) = changed.filter(|c| c.len() <= 256) else {
            return self.rebuild(roadmap, today, filter, public);
        };
        self.renew_lists(roadmap);
        // Off the board as they were (the columns are in the old order), then on as they are.
        for &index in &changed {
            self.take_off(index, before, today);
        }
        // Likewise all old figures out before any new ones in: an initiative may have moved
        // from one changed position to another (a restored backup in another order).
        for &index in &changed {
            let old = &before.initiatives[index];
            self.tallies.remove(old);
            self.needed_by.remove(old);
        }
        for &index in &changed {
            let new = &roadmap.initiatives[index];
            self.tallies.add(new);
            self.needed_by.add(new);
            self.put_on(roadmap, index, today, filter, public);
        }
        if roadmap.actions != before.actions {
            self.refresh_actions(roadmap, today);
        }
        self.refresh_goals(roadmap);
    }

    /// Every initiative's searchable text, lower-cased (worked out on first use).
    pub fn folded(&self, roadmap: &Roadmap) -> &[FoldedText] {
        let initiatives = &roadmap.initiatives;
        let (_, folded) = self.lists.folded.get_or_init(|| {
            (
                initiatives.clone(),
                initiatives.iter().map(FoldedText::of).collect(),
            )
        });
        folded
    }

    /// Drops the lists worked out from the roadmap as it was, except the searchable text,
    /// which is brought up to date for the initiatives that changed (dropped too when some
    /// were added or removed).
    fn renew_lists(&mut self, roadmap: &Roadmap) {
        let folded = std::mem::take(&mut self.lists.folded).into_inner();
        self.lists = Lists::default();
        let Some((seen, mut folded)) = folded else {
            return;
        };
        let initiatives = &roadmap.initiatives;
        if let Some(changed) = initiatives.changed_since(&seen) {
            for index in changed {
                folded[index] = FoldedText::of(&initiatives[index]);
            }
            self.lists.folded = (initiatives.clone(), folded).into();
        }
    }

    /// Takes the card at `index` off the board as it was in `before`, which the columns are
    /// still sorted by (binary search).
    fn take_off(&mut self, index: usize, before: &Roadmap, today: NaiveDate) {
        let old = &before.initiatives[index];
        let key = board_order(old);
        let column = &mut self.columns[old.horizon(today).index()];
        let at = column.partition_point(|i| board_order(&before.initiatives[*i]) < key);
        if column.get(at) == Some(&index) {
            column.remove(at);
        }
    }

    /// Puts the card at `index` where it now belongs on the board, if it is shown (active,
    /// and matching any filter).
    fn put_on(
        &mut self,
        roadmap: &Roadmap,
        index: usize,
        today: NaiveDate,
        filter: Option<&Matcher>,
        public: bool,
    ) {
        let initiatives = &roadmap.initiatives;
        let initiative = &initiatives[index];
        let shown = initiative.status.is_active()
            && filter.is_none_or(|m| m.matches(initiative, &self.folded(roadmap)[index], !public));
        if !shown {
            return;
        }
        let key = board_order(initiative);
        let column = &mut self.columns[initiative.horizon(today).index()];
        let at = column.partition_point(|i| board_order(&initiatives[*i]) < key);
        column.insert(at, index);
    }

    fn refresh_actions(&mut self, roadmap: &Roadmap, today: NaiveDate) {
        self.due_actions.clear();
        for action in roadmap.actions.iter() {
            if action.due_soon(today, 7)
                && let Some(crate::domain::decisions::Link::Initiative(id)) = &action.link
            {
                *self.due_actions.entry(id.clone()).or_default() += 1;
            }
        }
    }

    /// Goal figures from the tallies.
    fn refresh_goals(&mut self, roadmap: &Roadmap) {
        self.goal_counts = self.tallies.serving(roadmap);
        self.goal_health = self.tallies.health(roadmap);
    }
}

/// The order of cards in a column: [`Initiative::board_key`].
pub(super) fn board_order(i: &Initiative) -> (crate::domain::Target, i32, &str, &InitiativeId) {
    i.board_key()
}
