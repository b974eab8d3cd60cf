//! What the planner does when it deletes something, done after a merge for what one side
//! deleted while the other still referred to it: work that needed a deleted initiative no
//! longer does, links to a deleted goal go, decisions and actions about either stay,
//! unlinked, and a check-in forgets a deleted follow-up action. Without this, one person
//! deleting a card that another person's card needs would make the merge refuse. Each
//! reference dropped is said, so the person merging can put back what they still want.

use crate::domain::decisions::Link;
use crate::domain::{GoalId, InitiativeId, Roadmap};
use std::collections::BTreeSet;

/// Drops every reference to an item that is not in `roadmap`; says what went, in words.
pub fn drop_dangling(roadmap: &mut Roadmap) -> Vec<String> {
    let goals: BTreeSet<GoalId> = roadmap.goals.iter().map(|g| g.id.clone()).collect();
    let initiatives: BTreeSet<InitiativeId> =
        roadmap.initiatives.iter().map(|i| i.id.clone()).collect();
    let actions: BTreeSet<String> = roadmap.actions.iter().map(|a| a.id.clone()).collect();
    let mut said = Vec::new();
    for i in roadmap.initiatives.iter_mut() {
        for gone in i.needs.iter().filter(|n| !initiatives.contains(n)) {
            said.push(format!(
                "initiative \"{}\" no longer needs {gone}, deleted on one side",
                i.title
            ));
        }
        for gone in i.serves.iter().filter(|l| !goals.contains(&l.goal)) {
            said.push(format!(
                "initiative \"{}\" no longer serves goal {}, deleted on one side",
                i.title, gone.goal
            ));
        }
        i.needs.retain(|n| initiatives.contains(n));
        i.serves.retain(|l| goals.contains(&l.goal));
    }
    let gone = |link: &Option<Link>| match link {
        Some(Link::Goal(g)) => !goals.contains(g),
        Some(Link::Initiative(i)) => !initiatives.contains(i),
        None => false,
    };
    let records = roadmap
        .decisions
        .iter_mut()
        .map(|d| ("decision", &d.text, &mut d.link));
    let records = records.chain(
        roadmap
            .actions
            .iter_mut()
            .map(|a| ("action", &a.text, &mut a.link)),
    );
    for (what, text, link) in records {
        if gone(link) {
            said.push(format!(
                "{what} \"{text}\" is about nothing now: what it was about was deleted"
            ));
            *link = None;
        }
    }
    for c in &mut roadmap.checkins {
        c.actions.retain(|a| actions.contains(a));
    }
    said
}
