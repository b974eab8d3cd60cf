//! What changed between two versions of a roadmap: initiatives added, removed, moved (their
//! target date changed, later or earlier; time passing is not a move), status changes, and
//! goals added or removed. Used for the session summary (and later for snapshots).

use super::model::{Initiative, Roadmap, Status};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One initiative's target moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    /// Its title now.
    pub title: String,
    /// Target before.
    pub from: NaiveDate,
    /// Target after.
    pub to: NaiveDate,
}

impl Move {
    /// True when the target moved later (a slip).
    pub fn is_slip(&self) -> bool {
        self.to > self.from
    }
}

/// The differences, each list in the order of the later roadmap.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Titles of initiatives that are new.
    pub added: Vec<String>,
    /// Titles of initiatives that are gone.
    pub removed: Vec<String>,
    /// Initiatives whose target date changed.
    pub moved: Vec<Move>,
    /// Initiatives whose status changed: title, before, after.
    pub status: Vec<(String, Status, Status)>,
    /// Goal titles added.
    pub goals_added: Vec<String>,
    /// Goal titles removed.
    pub goals_removed: Vec<String>,
}

impl Changes {
    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }
}

/// The changes from `before` to `after`, matched by id.
pub fn changes(before: &Roadmap, after: &Roadmap) -> Changes {
    let old: BTreeMap<&str, &Initiative> = before
        .initiatives
        .iter()
        .map(|i| (i.id.0.as_str(), i))
        .collect();
    let new: BTreeMap<&str, &Initiative> = after
        .initiatives
        .iter()
        .map(|i| (i.id.0.as_str(), i))
        .collect();
    let mut out = Changes::default();
    for i in &after.initiatives {
        match old.get(i.id.0.as_str()) {
            None => out.added.push(i.title.clone()),
            Some(was) => {
                if was.target != i.target {
                    out.moved.push(Move {
                        title: i.title.clone(),
                        from: was.target,
                        to: i.target,
                    });
                }
                if was.status != i.status {
                    out.status.push((i.title.clone(), was.status, i.status));
                }
            }
        }
    }
    out.removed = before
        .initiatives
        .iter()
        .filter(|i| !new.contains_key(i.id.0.as_str()))
        .map(|i| i.title.clone())
        .collect();
    let old_goals: Vec<&str> = before.goals.iter().map(|g| g.id.0.as_str()).collect();
    let new_goals: Vec<&str> = after.goals.iter().map(|g| g.id.0.as_str()).collect();
    out.goals_added = after
        .goals
        .iter()
        .filter(|g| !old_goals.contains(&g.id.0.as_str()))
        .map(|g| g.title.clone())
        .collect();
    out.goals_removed = before
        .goals
        .iter()
        .filter(|g| !new_goals.contains(&g.id.0.as_str()))
        .map(|g| g.title.clone())
        .collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn added_removed_moved_and_status_are_found_by_id() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let before = crate::sample::sample(today, DateTime::from_timestamp(0, 0).unwrap()).unwrap();
        let mut after = before.clone();
        let gone = after.initiatives.remove(0).title;
        after.initiatives[0].set_target(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(), today);
        after.initiatives[1].target = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        after.initiatives[2].status = Status::Done;
        let mut extra = after.initiatives[3].clone();
        extra.id = crate::domain::InitiativeId("i-new".into());
        extra.title = "New work".into();
        after.initiatives.push(extra);
        after.goals.pop();
        let c = changes(&before, &after);
        assert_eq!(c.removed, [gone]);
        assert_eq!(c.added, ["New work"]);
        assert_eq!(c.moved.len(), 2);
        assert!(
            c.moved[0].is_slip() && !c.moved[1].is_slip(),
            "a slip and a pull-in"
        );
        assert_eq!(c.status.len(), 1);
        assert_eq!(c.goals_removed, ["One trusted number for sales and margin"]);
        assert!(
            changes(&before, &before).is_empty(),
            "time passing alone is no change"
        );
    }
}
