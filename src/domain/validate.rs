//! Consistency rules a roadmap must meet before the app works on it or writes it.

use super::decisions::Link;
use super::ids::InitiativeId;
use super::model::{Goal, Initiative, Roadmap};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;

/// Longest goal code accepted.
pub const MAX_CODE_LEN: usize = 6;

/// Longest id accepted.
pub const MAX_ID_LEN: usize = 64;

/// Checks an id: 1-64 ASCII letters, digits, `-` or `_`.
pub fn check_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "id \"{id}\" must be 1-{MAX_ID_LEN} letters, digits, - or _"
        ))
    }
}

/// Names an initiative in a problem ("initiative i-1 (Title)"), written only when there is a
/// problem to report (validation runs before every save).
struct Who<'a>(&'a Initiative);

impl fmt::Display for Who<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "initiative {} ({})", self.0.id, self.0.title)
    }
}

/// Every rule the roadmap breaks, each as a sentence naming the item (empty when valid).
pub fn problems(roadmap: &Roadmap) -> Vec<String> {
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    let mut codes = BTreeSet::new();
    if !(1..=12).contains(&roadmap.calendar.fiscal_year_start) {
        out.push(format!(
            "calendar: fiscal_year_start is {}, not a month from 1 (January) to 12",
            roadmap.calendar.fiscal_year_start
        ));
    }
    for goal in &roadmap.goals {
        let who = format!("goal {} ({})", goal.id, goal.title);
        if let Err(why) = check_id(&goal.id.0) {
            out.push(format!("{who}: {why}"));
        } else if !ids.insert(goal.id.0.as_str()) {
            out.push(format!("{who}: id {} is used twice", goal.id));
        }
        if let Err(why) = check_code(&goal.code) {
            out.push(format!("{who}: {why}"));
        } else if !codes.insert(goal.code.to_ascii_uppercase()) {
            out.push(format!("{who}: code {} is used by another goal", goal.code));
        }
        if goal.title.trim().is_empty() {
            out.push(format!("goal {}: the title is empty", goal.id));
        }
        if !(1..=5).contains(&goal.priority) {
            out.push(format!("{who}: priority {} is outside 1-5", goal.priority));
        }
    }
    let goal_ids: BTreeSet<_> = roadmap.goals.iter().map(|g| &g.id).collect();
    for initiative in &roadmap.initiatives {
        let who = Who(initiative);
        if let Err(why) = check_id(&initiative.id.0) {
            out.push(format!("{who}: {why}"));
        } else if !ids.insert(initiative.id.0.as_str()) {
            out.push(format!("{who}: id {} is used twice", initiative.id));
        }
        if initiative.title.trim().is_empty() {
            out.push(format!("initiative {}: the title is empty", initiative.id));
        }
        for goal in initiative.goal_ids() {
            if !goal_ids.contains(goal) {
                out.push(format!("{who}: links to goal {goal}, which does not exist"));
            }
        }
        let unique: BTreeSet<_> = initiative.goal_ids().collect();
        if unique.len() != initiative.serves.len() {
            out.push(format!("{who}: links to the same goal twice"));
        }
        if !initiative.legacy_goals.is_empty() {
            out.push(format!(
                "{who}: `goals: [...]` is the version 1-2 form; version 3 writes \
                 `serves: [GoalLink(goal: \"g-…\", strength: Strong)]`"
            ));
        }
        business_problems(initiative, &who, &mut ids, &mut out);
    }
    for goal in &roadmap.goals {
        kpi_problems(goal, &mut ids, &mut out);
    }
    let initiative_ids: BTreeSet<_> = roadmap.initiatives.iter().map(|i| &i.id).collect();
    for initiative in &roadmap.initiatives {
        for needed in &initiative.needs {
            if needed == &initiative.id {
                out.push(format!("initiative {}: needs itself", initiative.id));
            } else if !initiative_ids.contains(needed) {
                out.push(format!(
                    "initiative {}: needs initiative {needed}, which does not exist",
                    initiative.id
                ));
            }
        }
    }
    for c in &roadmap.checkins {
        let who = format!("check-in {} ({})", c.id, c.on);
        if let Err(why) = check_id(&c.id) {
            out.push(format!("{who}: {why}"));
        } else if !ids.insert(c.id.as_str()) {
            out.push(format!("{who}: id {} is used twice", c.id));
        }
        for (side, score) in [("business", c.business.score), ("IT", c.it.score)] {
            if !(1..=10).contains(&score) {
                out.push(format!("{who}: the {side} rating {score} is outside 1-10"));
            }
        }
        for a in &c.actions {
            if !roadmap.actions.iter().any(|x| &x.id == a) {
                out.push(format!("{who}: follow-up action {a} does not exist"));
            }
        }
    }
    if let Some(cycle) = dependency_cycle(roadmap) {
        out.push(format!("dependencies go round in a circle: {cycle}"));
    }
    let entries = roadmap
        .decisions
        .iter()
        .map(|d| ("decision", &d.id, &d.text, &d.link))
        .chain(
            roadmap
                .actions
                .iter()
                .map(|a| ("action", &a.id, &a.text, &a.link)),
        );
    for (what, id, text, link) in entries {
        let who = format!("{what} {id}");
        if let Err(why) = check_id(id) {
            out.push(format!("{who}: {why}"));
        } else if !ids.insert(id.as_str()) {
            out.push(format!("{who}: id {id} is used twice"));
        }
        if text.trim().is_empty() {
            out.push(format!("{who}: the text is empty"));
        }
        match link {
            Some(Link::Goal(g)) if !goal_ids.contains(g) => {
                out.push(format!("{who}: is about goal {g}, which does not exist"));
            }
            Some(Link::Initiative(i)) if !initiative_ids.contains(i) => {
                out.push(format!(
                    "{who}: is about initiative {i}, which does not exist"
                ));
            }
            _ => {}
        }
    }
    out
}

/// Risks (ids, 1-5 scales) and deliverables of one initiative; business numbers finite.
fn business_problems<'a>(
    initiative: &'a Initiative,
    who: &Who<'_>,
    ids: &mut HashSet<&'a str>,
    out: &mut Vec<String>,
) {
    for risk in &initiative.risks {
        let what = format_args!("{who}, risk {}", risk.id);
        if let Err(why) = check_id(&risk.id) {
            out.push(format!("{what}: {why}"));
        } else if !ids.insert(risk.id.as_str()) {
            out.push(format!("{what}: id {} is used twice", risk.id));
        }
        if risk.title.trim().is_empty() {
            out.push(format!("{what}: the title is empty"));
        }
        for (name, value) in [("likelihood", risk.likelihood), ("impact", risk.impact)] {
            if !(1..=5).contains(&value) {
                out.push(format!("{what}: {name} {value} is outside 1-5"));
            }
        }
    }
    for d in &initiative.deliverables {
        if d.title.trim().is_empty() {
            out.push(format!("{who}: a deliverable has an empty title"));
        }
    }
    let case = &initiative.case;
    let numbers = [
        ("hours lost per month", case.hours_lost_per_month),
        ("revenue at stake", case.revenue_at_stake),
        ("cost", case.cost),
    ];
    for (name, value) in numbers {
        if let Some(v) = value
            && (!v.is_finite() || v < 0.0)
        {
            out.push(format!("{who}: {name} {v} must be a number of 0 or more"));
        }
    }
}

/// KPIs of one goal: ids, names, finite numbers.
fn kpi_problems<'a>(goal: &'a Goal, ids: &mut HashSet<&'a str>, out: &mut Vec<String>) {
    for kpi in &goal.kpis {
        let what = format!("goal {} ({}), KPI {}", goal.id, goal.title, kpi.id);
        if let Err(why) = check_id(&kpi.id) {
            out.push(format!("{what}: {why}"));
        } else if !ids.insert(kpi.id.as_str()) {
            out.push(format!("{what}: id {} is used twice", kpi.id));
        }
        if kpi.name.trim().is_empty() {
            out.push(format!("{what}: the name is empty"));
        }
        let values = [kpi.baseline, kpi.target, kpi.target_change]
            .into_iter()
            .flatten()
            .chain(kpi.readings.iter().map(|r| r.value));
        if values.into_iter().any(|v| !v.is_finite()) {
            out.push(format!(
                "{what}: baseline, target and readings must be numbers"
            ));
        }
    }
}

/// A circle of "needs" links, as "A → B → A", if there is one.
pub fn dependency_cycle(roadmap: &Roadmap) -> Option<String> {
    let index: BTreeMap<&InitiativeId, usize> = roadmap
        .initiatives
        .iter()
        .enumerate()
        .map(|(n, i)| (&i.id, n))
        .collect();
    // 0 = not visited, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; roadmap.initiatives.len()];
    for start in 0..roadmap.initiatives.len() {
        if state[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some((node, next)) = stack.last().copied() {
            let needs = &roadmap.initiatives[node].needs;
            if let Some(dep) = needs.get(next) {
                if let Some(top) = stack.last_mut() {
                    top.1 += 1;
                }
                // A missing target or a self-need is reported on its own.
                let Some(&d) = index.get(dep).filter(|d| **d != node) else {
                    continue;
                };
                match state[d] {
                    0 => {
                        state[d] = 1;
                        stack.push((d, 0));
                    }
                    1 => {
                        let from = stack.iter().position(|(n, _)| *n == d).unwrap_or(0);
                        let mut names: Vec<&str> = stack[from..]
                            .iter()
                            .map(|(n, _)| roadmap.initiatives[*n].id.0.as_str())
                            .collect();
                        names.push(roadmap.initiatives[d].id.0.as_str());
                        return Some(names.join(" → "));
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
    None
}

/// Checks a goal code: 1-6 ASCII letters or digits.
pub fn check_code(code: &str) -> Result<(), String> {
    if code.is_empty() {
        Err("the code is empty".into())
    } else if code.len() > MAX_CODE_LEN || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        Err(format!(
            "code '{code}' must be 1-{MAX_CODE_LEN} letters or digits"
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Goal, GoalId};

    fn goal(id: &str, code: &str) -> Goal {
        Goal {
            id: GoalId(id.into()),
            code: code.into(),
            title: "A goal".into(),
            description: String::new(),
            owner: String::new(),
            priority: 2,
            kpis: vec![],
            contributes_to: String::new(),
        }
    }

    #[test]
    fn a_fiscal_year_start_that_is_no_month_is_reported() {
        let mut r = Roadmap::new("r");
        assert!(problems(&r).is_empty());
        r.calendar.fiscal_year_start = 13;
        assert_eq!(
            problems(&r),
            ["calendar: fiscal_year_start is 13, not a month from 1 (January) to 12"]
        );
    }

    #[test]
    fn ids_are_plain_tokens() {
        assert!(check_id("g-o2c00001").is_ok());
        assert!(check_id("i_2").is_ok());
        for bad in ["", "a,b", "a b", "ü", &"x".repeat(65)] {
            assert!(check_id(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn duplicate_ids_codes_and_bad_priority_are_reported() {
        let mut r = Roadmap::new("r");
        r.goals.push(goal("g-1", "O2C"));
        r.goals.push(goal("g-1", "o2c"));
        r.goals.push(Goal {
            priority: 9,
            ..goal("g-2", "TOO-LONG")
        });
        let found = problems(&r);
        assert_eq!(found.len(), 4, "{found:#?}");
        assert!(found[0].contains("used twice"));
        assert!(found[1].contains("code o2c is used by another goal"));
        assert!(found[2].contains("1-6 letters or digits"));
        assert!(found[3].contains("priority 9"));
    }

    fn initiative(id: &str, needs: &[&str]) -> Initiative {
        let at = chrono::DateTime::from_timestamp(0, 0).unwrap();
        Initiative {
            title: format!("Work {id}"),
            needs: needs.iter().map(|n| InitiativeId((*n).into())).collect(),
            ..Initiative::blank(InitiativeId(id.into()), at)
        }
    }

    #[test]
    fn dependencies_must_exist_and_never_go_round_in_a_circle() {
        let mut r = Roadmap::new("r");
        r.initiatives = vec![
            initiative("i-1", &["i-2"]),
            initiative("i-2", &["i-3"]),
            initiative("i-3", &[]),
            initiative("i-4", &["i-4", "i-9"]),
        ]
        .into();
        let found = problems(&r);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[0].contains("needs itself"));
        assert!(found[1].contains("i-9, which does not exist"));
        r.initiatives[2].needs.push(InitiativeId("i-1".into()));
        let found = problems(&r);
        assert!(
            found
                .iter()
                .any(|p| p.ends_with("circle: i-1 → i-2 → i-3 → i-1")),
            "{found:#?}"
        );
    }

    #[test]
    fn risks_kpis_and_business_numbers_are_checked() {
        use crate::domain::business::{Kpi, Risk, RiskStatus};
        let mut r = Roadmap::new("r");
        let mut g = goal("g-1", "O2C");
        g.kpis.push(Kpi {
            id: "k-1".into(),
            name: " ".into(),
            unit: String::new(),
            baseline: Some(f64::NAN),
            ..Kpi::default()
        });
        r.goals.push(g);
        let mut i = initiative("i-1", &[]);
        i.risks.push(Risk {
            id: "k-1".into(),
            title: "Late".into(),
            likelihood: 0,
            impact: 6,
            owner: String::new(),
            mitigation: String::new(),
            status: RiskStatus::Open,
            raised: "2026-11-22".parse().unwrap(),
            confidential: false,
        });
        i.case.cost = Some(-5.0);
        r.initiatives.push(i);
        let found = problems(&r).join("\n");
        for expected in [
            "likelihood 0 is outside 1-5",
            "impact 6 is outside 1-5",
            "cost -5 must be a number of 0 or more",
            "the name is empty",
            "must be numbers",
            "id k-1 is used twice",
        ] {
            assert!(found.contains(expected), "{expected}: {found}");
        }
    }
}
