//! Consistency rules a roadmap must meet before the app works on it or writes it.

use super::decisions::Link;
use super::model::Roadmap;
use std::collections::BTreeSet;

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

/// Every rule the roadmap breaks, each as a sentence naming the item (empty when valid).
pub fn problems(roadmap: &Roadmap) -> Vec<String> {
    let mut out = Vec::new();
    let mut ids = BTreeSet::new();
    let mut codes = BTreeSet::new();
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
        let who = format!("initiative {} ({})", initiative.id, initiative.title);
        if let Err(why) = check_id(&initiative.id.0) {
            out.push(format!("{who}: {why}"));
        } else if !ids.insert(initiative.id.0.as_str()) {
            out.push(format!("{who}: id {} is used twice", initiative.id));
        }
        if initiative.title.trim().is_empty() {
            out.push(format!("initiative {}: the title is empty", initiative.id));
        }
        for goal in &initiative.goals {
            if !goal_ids.contains(goal) {
                out.push(format!("{who}: links to goal {goal}, which does not exist"));
            }
        }
        let unique: BTreeSet<_> = initiative.goals.iter().collect();
        if unique.len() != initiative.goals.len() {
            out.push(format!("{who}: links to the same goal twice"));
        }
    }
    let initiative_ids: BTreeSet<_> = roadmap.initiatives.iter().map(|i| &i.id).collect();
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
        }
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
}
