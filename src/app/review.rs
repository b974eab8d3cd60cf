//! The review, check-ins and archive screens: walking the review queue and acting on each
//! entry in place, recording check-ins, reopening archived work.

use super::attach::PickFor;
use super::selection::step;
use super::{App, Command, Form, Item, Mode, Screen};
use crate::domain::review::{self, Entry, Reviewed, Subject};
use crate::domain::{Initiative, Status};
use chrono::NaiveDate;

/// The review screen's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewState {
    /// The highlighted entry's position (used when the entries below do not say more).
    pub selected: usize,
    /// The keys of the highlighted entry and of those after it (up to [`FOLLOWERS`]):
    /// acting on an entry can bring others back above it, and the highlight must stay on the
    /// entry acted on (or go to the first after it still queued, when a whole group is dealt
    /// with at once), never slide onto another item.
    pub anchor: Vec<String>,
    /// Every entry key the review has shown this session: those no longer in the queue were
    /// dealt with, whatever did it (a key, a form, a pick list, the detail).
    pub seen: std::collections::BTreeSet<String>,
    /// The last review before this session's, for "delivered since" (set when the review is
    /// first opened in a session, kept while you visit other views).
    pub since: Option<NaiveDate>,
    /// The review was opened in this session.
    pub opened: bool,
}

/// How many entries after the highlighted one the anchor remembers.
const FOLLOWERS: usize = 64;

impl App {
    /// The review queue as of today (worked out once per change of the roadmap or day).
    pub fn review_queue(&self) -> &[Entry] {
        self.derived
            .lists
            .queue
            .get_or_init(|| review::queue(&self.roadmap, self.today, &self.settings.thresholds))
    }

    /// Done initiatives delivered since the last review (or in the last 30 days), newest
    /// first (worked out once per change of the roadmap and day).
    pub fn delivered_since(&self) -> Vec<&Initiative> {
        let since = self
            .view
            .review
            .since
            .unwrap_or(self.today - chrono::Days::new(30));
        let initiatives = &self.roadmap.initiatives;
        let work_out = || {
            let mut list: Vec<usize> = (0..initiatives.len())
                .filter(|n| {
                    let i = &initiatives[*n];
                    i.status == Status::Done
                        && i.done_on.is_some_and(|d| d >= since && d <= self.today)
                })
                .collect();
            list.sort_by_key(|n| std::cmp::Reverse(initiatives[*n].done_on));
            list
        };
        let (day, kept) = self
            .derived
            .lists
            .delivered
            .get_or_init(|| (since, work_out()));
        let positions = if *day == since { kept } else { &work_out() };
        positions.iter().map(|n| &initiatives[*n]).collect()
    }

    /// Promise keeping over the whole roadmap (worked out once per change).
    pub fn promise(&self) -> crate::domain::review::Promise {
        *self
            .derived
            .lists
            .promise
            .get_or_init(|| review::promise(&self.roadmap.initiatives, self.today))
    }

    /// Done and dropped initiatives, most recently finished first.
    pub fn archived(&self) -> Vec<&Initiative> {
        let initiatives = &self.roadmap.initiatives;
        let order = self.derived.lists.archived.get_or_init(|| {
            let mut list: Vec<usize> = (0..initiatives.len())
                .filter(|n| !initiatives[*n].status.is_active())
                .collect();
            list.sort_by_key(|n| {
                let i = &initiatives[*n];
                std::cmp::Reverse(i.done_on.unwrap_or(i.updated.date_naive()))
            });
            list
        });
        order.iter().map(|n| &initiatives[*n]).collect()
    }

    /// Opens the review on the first entry.
    pub(super) fn open_review(&mut self) {
        if self.view.screen != Screen::Review {
            self.view.review.selected = 0;
            self.view.review.anchor.clear();
        }
        if !self.view.review.opened {
            // The review before this session's: acting sets the file's last review to today,
            // and visiting another view must not make "delivered since" start again.
            self.view.review.opened = true;
            self.view.review.since = self.roadmap.last_review.filter(|d| *d < self.today);
        }
        self.view.screen = Screen::Review;
        self.mode = Mode::Browse;
        self.see_queue();
    }

    /// The position of the highlighted review entry: the anchored entry if it is still
    /// queued, else the first of those that came after it, else the position as it was.
    pub fn review_position(&self) -> usize {
        let queue = self.review_queue();
        let rank: std::collections::HashMap<&str, usize> = self
            .view
            .review
            .anchor
            .iter()
            .enumerate()
            .map(|(n, k)| (k.as_str(), n))
            .collect();
        let anchored = queue
            .iter()
            .enumerate()
            .filter_map(|(at, e)| rank.get(e.key().as_str()).map(|r| (*r, at)))
            .min()
            .map(|(_, at)| at);
        anchored
            .unwrap_or(self.view.review.selected)
            .min(queue.len().saturating_sub(1))
    }

    /// The highlighted review entry.
    pub fn review_entry(&self) -> Option<Entry> {
        self.review_queue().get(self.review_position()).cloned()
    }

    /// Anchors the highlight to the entry at `at` (and the one after it).
    fn anchor_review(&mut self, at: usize) {
        let anchor = self
            .review_queue()
            .iter()
            .skip(at)
            .take(FOLLOWERS + 1)
            .map(Entry::key)
            .collect();
        self.view.review.anchor = anchor;
        self.view.review.selected = at;
    }

    /// The item a review entry is about, for the detail and the forms.
    pub(super) fn review_item(&self) -> Option<Item> {
        match self.review_entry()?.subject {
            Subject::Initiative(id) | Subject::Risk(id, _) => Some(Item::Initiative(id)),
            Subject::Goal(id) | Subject::Kpi(id, _) => Some(Item::Goal(id)),
            Subject::Action(_) | Subject::CheckIn => None,
        }
    }

    /// Handles a command on the review screen.
    pub(super) fn review_command(&mut self, command: Command) {
        self.see_queue();
        let len = self.review_queue().len();
        let here = self.review_position();
        // Whatever is done next is done to this entry: the highlight stays with it.
        self.anchor_review(here);
        let entry = self.review_entry();
        match command {
            Command::Up | Command::Down | Command::First | Command::Last => {
                if let Some(at) = step(here, len, 1, command) {
                    self.anchor_review(at);
                }
            }
            Command::MarkReviewed => self.mark_reviewed(entry),
            Command::MarkGroupReviewed => self.mark_group_reviewed(entry),
            Command::RollForward => match entry.map(|e| e.subject) {
                Some(Subject::Initiative(id)) => self.pick_roll_forward(vec![id], None),
                _ => self.info("Only initiatives roll forward to a later horizon."),
            },
            Command::RollGoalForward => self.roll_goal_forward(entry),
            Command::SetTarget => match entry.map(|e| e.subject) {
                Some(Subject::Initiative(id)) => self.open_retarget(vec![id]),
                _ => self.info("T sets an initiative's target date."),
            },
            Command::MarkDone => match entry.map(|e| e.subject) {
                Some(Subject::Initiative(id)) => {
                    self.set_status(&id, Status::Done);
                }
                Some(Subject::Action(id)) => self.tick_action(&id),
                _ => self.info("x marks an initiative or an action done."),
            },
            Command::SetStatus => match entry.map(|e| e.subject) {
                Some(Subject::Initiative(id)) => {
                    let current = self.roadmap.initiative(&id).map(|i| i.status);
                    let selected = Status::ALL
                        .iter()
                        .position(|s| Some(*s) == current)
                        .unwrap_or(0);
                    self.mode = Mode::Status { id, selected };
                }
                _ => self.info("s sets the status of an initiative."),
            },
            Command::RecordReading => match entry.map(|e| e.subject) {
                Some(Subject::Kpi(goal, kpi)) => {
                    if let Some(g) = self.roadmap.goal(&goal) {
                        let at = g.kpis.iter().position(|k| k.id == kpi).unwrap_or(0);
                        let form = Form::reading(g, at, self.today);
                        self.mode = Mode::Form(Box::new(form));
                    }
                }
                _ => self.attach_command(command, self.review_item()),
            },
            Command::AddRisk => match entry.map(|e| e.subject) {
                Some(Subject::Risk(id, risk)) => {
                    self.open_picked(&PickFor::Risk(id), &super::PickKey::Entry(risk))
                }
                _ => self.attach_command(command, self.review_item()),
            },
            Command::Open => match entry.map(|e| e.subject) {
                Some(Subject::Action(id)) => {
                    let at = self.listed_actions().iter().position(|a| a.id == id);
                    let selected = self.roadmap.decisions.len() + at.unwrap_or(0);
                    self.mode = Mode::Decisions { selected };
                }
                Some(Subject::CheckIn) => self.view.screen = Screen::CheckIns,
                Some(_) => self.update_browse(Command::Open),
                None => self.info("Nothing needs you: the queue is empty."),
            },
            Command::AddCheckIn => self.open_checkin_form(None),
            Command::Board | Command::Close => self.view.screen = Screen::Board,
            Command::Review => {}
            other => self.update_browse(other),
        }
    }

    /// Notes the entries the queue shows now (see [`ReviewState::seen`]).
    fn see_queue(&mut self) {
        let keys: Vec<String> = self.review_queue().iter().map(Entry::key).collect();
        self.view.review.seen.extend(keys);
    }

    /// How many entries shown this session have left the queue: dealt with.
    pub fn review_handled(&self) -> usize {
        let now: std::collections::BTreeSet<String> =
            self.review_queue().iter().map(Entry::key).collect();
        self.view
            .review
            .seen
            .iter()
            .filter(|k| !now.contains(*k))
            .count()
    }

    /// Marks every queued entry of `entry`'s group reviewed, as one undoable step (after a
    /// long absence: "all 16 overdue entries looked at").
    fn mark_group_reviewed(&mut self, entry: Option<Entry>) {
        let Some(entry) = entry else {
            return self.info("Nothing needs you: the queue is empty.");
        };
        let group = entry.reason.group();
        let marks: Vec<Reviewed> = self
            .review_queue()
            .iter()
            .filter(|e| e.reason.group() == group)
            .map(|e| Reviewed {
                entry: e.key(),
                on: self.today,
                stamp: review::stamp(&self.roadmap, e),
            })
            .collect();
        let what = format!("Reviewed all {} \"{group}\" entries", marks.len());
        self.change(what, |r, _, today| {
            for mark in marks {
                r.reviews.retain(|m| m.entry != mark.entry);
                r.reviews.push(mark);
            }
            r.last_review = Some(today);
        });
    }

    fn mark_reviewed(&mut self, entry: Option<Entry>) {
        let Some(entry) = entry else {
            return self.info("Nothing needs you: the queue is empty.");
        };
        let mark = Reviewed {
            entry: entry.key(),
            on: self.today,
            stamp: review::stamp(&self.roadmap, &entry),
        };
        let what = format!("Reviewed: {}", entry.reason.words());
        let changed = self.change(what, |r, _, today| {
            r.reviews.retain(|m| m.entry != mark.entry);
            r.reviews.push(mark);
            r.last_review = Some(today);
        });
        if changed {}
    }

    fn tick_action(&mut self, id: &str) {
        let Some(text) = self
            .roadmap
            .actions
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.text.clone())
        else {
            return;
        };
        self.change(format!("Done: \"{text}\""), |r, _, today| {
            if let Some(a) = r.actions.iter_mut().find(|a| a.id == id) {
                a.done_on = Some(today);
            }
        });
    }

    /// Opens the check-in form (a new one, or the check-in with this id).
    pub(super) fn open_checkin_form(&mut self, id: Option<&str>) {
        let existing = id.and_then(|id| self.roadmap.checkins.iter().find(|c| c.id == id));
        let form = Form::checkin(existing, self.today);
        self.mode = Mode::Form(Box::new(form));
    }

    /// Check-ins newest first, as the view lists them.
    pub fn listed_checkins(&self) -> Vec<&crate::domain::checkin::CheckIn> {
        let mut list = crate::domain::checkin::chronological(&self.roadmap.checkins);
        list.reverse();
        list
    }

    /// Handles a command on the check-ins screen.
    pub(super) fn checkins_command(&mut self, command: Command) {
        let len = self.roadmap.checkins.len();
        match command {
            Command::Up | Command::Down => {
                if let Some(at) = step(self.view.checkin_cursor, len, 1, command) {
                    self.view.checkin_cursor = at;
                }
            }
            Command::AddCheckIn => self.open_checkin_form(None),
            Command::Edit => {
                let id = self
                    .listed_checkins()
                    .get(self.view.checkin_cursor)
                    .map(|c| c.id.clone());
                match id {
                    Some(id) => self.open_checkin_form(Some(&id)),
                    None => self.info("No check-in yet: press a to record one."),
                }
            }
            Command::Board | Command::Close => self.view.screen = Screen::Board,
            Command::CheckIns => {}
            other => self.update_browse(other),
        }
    }

    /// Handles a command on the archive screen.
    pub(super) fn archive_command(&mut self, command: Command) {
        let len = self.archived().len();
        let c = self.view.archive_cursor.min(len.saturating_sub(1));
        if let Some(at) = step(c, len, self.view.metrics.page, command) {
            self.view.archive_cursor = at;
            return;
        }
        match command {
            Command::Reopen => {
                let Some(id) = self.archived().get(c).map(|i| i.id.clone()) else {
                    return self.info("The archive is empty.");
                };
                self.set_status(&id, Status::Planned);
            }
            Command::Board | Command::Close => self.view.screen = Screen::Board,
            Command::Archive => {}
            other => self.update_browse(other),
        }
    }
}
