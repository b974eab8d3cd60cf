//! What changed between two versions of a roadmap: initiatives added, removed, moved (their
//! target date changed, later or earlier; time passing is not a move), status changes, goals,
//! KPIs, risks, decisions, actions (recorded and ticked off), check-ins, and, between two
//! days, work that fell overdue. Used for the session recap, snapshots and `diff`.

use super::model::{Initiative, Roadmap, Status};
use super::target::Target;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One initiative's target moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    /// Its title now.
    pub title: String,
    /// Target before.
    pub from: Target,
    /// Target after.
    pub to: Target,
    /// Why, when a reason was recorded with the move (empty otherwise).
    pub reason: String,
}

impl Move {
    /// True when the target moved later (a slip).
    pub fn is_slip(&self) -> bool {
        self.to.is_later_than(&self.from)
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
    /// KPIs whose current value changed: "DSO (O2C): 38 → 37 days".
    pub kpis: Vec<String>,
    /// Risks raised: "Vendor late (severity 15) on Automate invoice matching".
    pub risks_added: Vec<String>,
    /// Decisions recorded.
    pub decisions_added: Vec<String>,
    /// Action items recorded: "text (owner, due date)".
    pub actions_added: Vec<String>,
    /// Action items ticked off: "text (done 1 Dec 2026)".
    pub actions_done: Vec<String>,
    /// Relationship check-ins recorded: "1 Dec 2026: business 6/10, IT 8/10".
    pub checkins_added: Vec<String>,
    /// Open work whose target passed between the two versions (late now, not then): time
    /// passing is no move, but work falling overdue is news.
    pub became_overdue: Vec<String>,
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
                    // The reasons recorded with the moves logged since, each once, oldest
                    // first; a move with none says so (one reason never speaks for two).
                    let new = i.target_log.get(was.target_log.len()..).unwrap_or(&[]);
                    let any = new.iter().any(|c| !c.reason.trim().is_empty());
                    let mut reasons: Vec<&str> = Vec::new();
                    for c in new {
                        let why = c.reason.trim();
                        let why = if why.is_empty() && any {
                            "(no reason given for one move)"
                        } else {
                            why
                        };
                        if !why.is_empty() && !reasons.contains(&why) {
                            reasons.push(why);
                        }
                    }
                    let reason = reasons.join("; ");
                    out.moved.push(Move {
                        title: i.title.clone(),
                        from: was.target,
                        to: i.target,
                        reason,
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
    for goal in &after.goals {
        let was = before.goal(&goal.id);
        for kpi in &goal.kpis {
            let old = was.and_then(|g| g.kpis.iter().find(|k| k.id == kpi.id));
            let unit = super::business::unit_after(&kpi.unit);
            let value =
                |v: Option<f64>| v.map_or_else(|| "not measured".to_string(), |v| v.to_string());
            match old {
                Some(o) if o.current() != kpi.current() => out.kpis.push(format!(
                    "{} ({}): {} → {}{unit}",
                    kpi.name,
                    goal.code,
                    value(o.current()),
                    value(kpi.current())
                )),
                None => out.kpis.push(format!(
                    "{} ({}): new KPI, now {}{unit}",
                    kpi.name,
                    goal.code,
                    value(kpi.current())
                )),
                _ => {}
            }
        }
    }
    for i in &after.initiatives {
        let was = old.get(i.id.0.as_str());
        for r in &i.risks {
            if !was.is_some_and(|w| w.risks.iter().any(|o| o.id == r.id)) {
                out.risks_added.push(format!(
                    "{} (severity {}) on {}",
                    r.title,
                    r.severity(),
                    i.title
                ));
            }
        }
    }
    out.decisions_added = after
        .decisions
        .iter()
        .filter(|d| !before.decisions.iter().any(|o| o.id == d.id))
        .map(|d| d.text.clone())
        .collect();
    out.actions_added = after
        .actions
        .iter()
        .filter(|a| !before.actions.iter().any(|o| o.id == a.id))
        .map(|a| {
            let owner = if a.owner.is_empty() {
                "no owner".to_string()
            } else {
                a.owner.clone()
            };
            let due = a
                .due
                .map(|d| format!(", due {}", d.format("%-d %b %Y")))
                .unwrap_or_default();
            let done = if a.done_on.is_some() { ", done" } else { "" };
            format!("{} ({owner}{due}{done})", a.text)
        })
        .collect();
    // Ticked off, having been open before: one recorded and done in the same stretch is
    // listed once, with the recorded ones (marked done there).
    out.actions_done = after
        .actions
        .iter()
        .filter(|a| a.done_on.is_some())
        .filter(|a| {
            before
                .actions
                .iter()
                .any(|o| o.id == a.id && o.done_on.is_none())
        })
        .map(|a| {
            let on = a.done_on.map(|d| d.format("%-d %b %Y").to_string());
            format!("{} (done {})", a.text, on.unwrap_or_default())
        })
        .collect();
    out.checkins_added = after
        .checkins
        .iter()
        .filter(|c| !before.checkins.iter().any(|o| o.id == c.id))
        .map(super::checkin::CheckIn::scores)
        .collect();
    out
}

/// [`changes`] between a version of `then` and one of `today`, with the open work that fell
/// overdue in between.
pub fn changes_between(
    before: &Roadmap,
    then: NaiveDate,
    after: &Roadmap,
    today: NaiveDate,
) -> Changes {
    let mut out = changes(before, after);
    out.became_overdue = after
        .initiatives
        .iter()
        .filter(|i| i.is_overdue(today))
        .filter(|i| {
            before
                .initiative(&i.id)
                .is_some_and(|was| !was.is_overdue(then))
        })
        .map(|i| {
            format!(
                "{}: due {}, {} days late",
                i.title,
                i.target.label(|d| d.format("%-d %b %Y").to_string()),
                i.target.days_to(&Target::day(today)).unwrap_or_default()
            )
        })
        .collect();
    out
}

impl Changes {
    /// The changes in words, as headed sections ("Moved later (2)", items); empty sections
    /// are left out. Slips and pull-ins are told apart; time passing is not a move.
    pub fn sections(&self) -> Vec<(String, Vec<String>)> {
        let day = |t: Target| t.label(|d| d.format("%-d %b %Y").to_string());
        let days = |a: Target, b: Target| match a.days_to(&b) {
            Some(1) => "1 day".to_string(),
            Some(n) => format!("{n} days"),
            None => String::new(),
        };
        // How far, when both ends have a day: "(+14 days)", "(3 days sooner)".
        let by = |m: &Move, later: bool| match (m.from.days_to(&m.to), later) {
            (None, true) => " (now without a date)".to_string(),
            (None, false) => " (now scheduled)".to_string(),
            (Some(_), true) => format!(" (+{})", days(m.from, m.to)),
            (Some(_), false) => format!(" ({} sooner)", days(m.to, m.from)),
        };
        // A target restated with another precision on the same day (Q3 2027 → 30 Sep 2027)
        // moved neither way.
        let slips: Vec<&Move> = self.moved.iter().filter(|m| m.is_slip()).collect();
        let pulls: Vec<&Move> = self
            .moved
            .iter()
            .filter(|m| m.from.is_later_than(&m.to))
            .collect();
        let all = [
            ("Became overdue", self.became_overdue.clone()),
            ("Added", self.added.clone()),
            (
                "Moved later",
                slips
                    .iter()
                    .map(|m| {
                        let why = if m.reason.is_empty() {
                            String::new()
                        } else {
                            format!(", because {}", m.reason)
                        };
                        format!(
                            "{}: {} → {}{}{why}",
                            m.title,
                            day(m.from),
                            day(m.to),
                            by(m, true)
                        )
                    })
                    .collect(),
            ),
            (
                "Pulled in",
                pulls
                    .iter()
                    .map(|m| {
                        format!(
                            "{}: {} → {}{}",
                            m.title,
                            day(m.from),
                            day(m.to),
                            by(m, false)
                        )
                    })
                    .collect(),
            ),
            (
                "Status changed",
                self.status
                    .iter()
                    .map(|(t, a, b)| format!("{t}: {} → {}", a.label(), b.label()))
                    .collect(),
            ),
            ("Removed", self.removed.clone()),
            ("KPIs", self.kpis.clone()),
            ("New risks", self.risks_added.clone()),
            ("Decisions", self.decisions_added.clone()),
            ("Actions", self.actions_added.clone()),
            ("Actions done", self.actions_done.clone()),
            ("Check-ins", self.checkins_added.clone()),
            ("Goals added", self.goals_added.clone()),
            ("Goals removed", self.goals_removed.clone()),
        ];
        all.into_iter()
            .filter(|(_, items)| !items.is_empty())
            .map(|(title, items)| (format!("{title} ({})", items.len()), items))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn a_target_restated_on_the_same_day_is_neither_a_slip_nor_a_pull_in() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut before =
            crate::sample::sample(today, DateTime::from_timestamp(0, 0).unwrap()).unwrap();
        before.initiatives[0].target = "Q3 2027".parse().unwrap();
        let mut after = before.clone();
        after.initiatives[0].set_target("2027-09-30".parse().unwrap(), today);
        let sections = changes(&before, &after).sections();
        assert!(
            sections
                .iter()
                .all(|(title, _)| !title.starts_with("Moved later")
                    && !title.starts_with("Pulled in")),
            "{sections:?}"
        );
        after.initiatives[0].set_target(Target::Later, today);
        let sections = changes(&before, &after).sections();
        assert_eq!(
            sections[0].1,
            [format!(
                "{}: Q3 2027 → no date (now without a date)",
                after.initiatives[0].title
            )]
        );
    }

    #[test]
    fn added_removed_moved_and_status_are_found_by_id() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let before = crate::sample::sample(today, DateTime::from_timestamp(0, 0).unwrap()).unwrap();
        let mut after = before.clone();
        let gone = after.initiatives.remove(0).title;
        after.initiatives[0].set_target(
            Target::day(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()),
            today,
        );
        after.initiatives[1].target = Target::day(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
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
        let headings: Vec<String> = c.sections().into_iter().map(|(h, _)| h).collect();
        assert_eq!(
            headings,
            [
                "Added (1)",
                "Moved later (1)",
                "Pulled in (1)",
                "Status changed (1)",
                "Removed (1)",
                "Goals removed (1)"
            ]
        );
        assert_eq!(c.goals_removed, ["One trusted number for sales and margin"]);
        assert!(
            changes(&before, &before).is_empty(),
            "time passing alone is no change"
        );
    }

    #[test]
    fn thirteen_months_on_the_work_that_fell_overdue_check_ins_and_ticked_actions_are_news() {
        let then = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let today = NaiveDate::from_ymd_opt(2028, 1, 1).unwrap();
        let before = crate::sample::sample(then, DateTime::from_timestamp(0, 0).unwrap()).unwrap();
        let untouched = changes_between(&before, then, &before, today);
        let late_then = before
            .initiatives
            .iter()
            .filter(|i| i.is_overdue(then))
            .count();
        let late_now = before
            .initiatives
            .iter()
            .filter(|i| i.is_overdue(today))
            .count();
        assert!(late_now > late_then);
        assert_eq!(
            untouched.became_overdue.len(),
            late_now - late_then,
            "every open initiative that was not late then and is now: {:?}",
            untouched.became_overdue
        );
        assert!(!untouched.is_empty(), "not 'nothing changed'");
        assert!(
            changes(&before, &before).is_empty(),
            "with no days between: nothing"
        );
        let mut before = before;
        before.actions.push(crate::domain::decisions::Action {
            id: "a-open".into(),
            text: "Send the vendor shortlist".into(),
            owner: "Raj".into(),
            due: Some(then),
            link: None,
            session: then,
            done_on: None,
            created: DateTime::from_timestamp(0, 0).unwrap(),
        });
        let mut after = before.clone();
        let mut checkin = after.checkins[0].clone();
        checkin.id = "c-new".into();
        checkin.on = today;
        after.checkins.push(checkin);
        let open = after.actions.iter().position(|a| a.id == "a-open").unwrap();
        after.actions[open].done_on = Some(today);
        let c = changes(&before, &after);
        assert_eq!(c.checkins_added.len(), 1, "{:?}", c.checkins_added);
        assert!(c.checkins_added[0].starts_with("1 Jan 2028: business "));
        assert_eq!(c.actions_done.len(), 1);
        assert!(c.actions_done[0].ends_with("(done 1 Jan 2028)"));
        let headings: Vec<String> = c.sections().into_iter().map(|(h, _)| h).collect();
        assert_eq!(headings, ["Actions done (1)", "Check-ins (1)"]);
    }
}
