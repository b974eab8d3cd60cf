//! The merge driver's promise, over random edits: two people start from one roadmap, each
//! makes a random sequence of edits (fields of initiatives, new initiatives, deletions);
//! the merge always yields a roadmap that saves and loads, holds every change only one side
//! made, keeps a change both made alike without a conflict, and lists every field changed
//! both ways differently as a conflict (holding one of the two values meanwhile).
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::domain::conflict::Side;
use alignmap::domain::{Initiative, InitiativeId, Kind, Roadmap, Status, Target};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// One edit to an initiative of the common version, by its place in the list.
#[derive(Debug, Clone)]
enum Edit {
    Title(usize, u8),
    Summary(usize, u8),
    Status(usize, u8),
    Kind(usize, u8),
    Target(usize, u8),
    Delete(usize),
    Add(u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..16usize, 0..3u8).prop_map(|(i, v)| Edit::Title(i, v)),
        (0..16usize, 0..3u8).prop_map(|(i, v)| Edit::Summary(i, v)),
        (0..16usize, 0..4u8).prop_map(|(i, v)| Edit::Status(i, v)),
        (0..16usize, 0..3u8).prop_map(|(i, v)| Edit::Kind(i, v)),
        (0..16usize, 0..3u8).prop_map(|(i, v)| Edit::Target(i, v)),
        (0..16usize).prop_map(Edit::Delete),
        (0..200u8).prop_map(Edit::Add),
    ]
}

/// A field of an initiative as the merge names it, and its value after the edits as the
/// file writes it (null: left out, being empty).
type Changes = BTreeMap<(InitiativeId, &'static str), serde_json::Value>;

/// Applies `edits` for `who`; returns the field values it set (the last one wins) and the
/// ids it deleted and added.
fn apply(
    roadmap: &mut Roadmap,
    edits: &[Edit],
    who: &str,
) -> (Changes, Vec<InitiativeId>, Vec<InitiativeId>) {
    let base = roadmap.clone();
    let base_ids: Vec<InitiativeId> = base.initiatives.iter().map(|i| i.id.clone()).collect();
    let (mut changes, mut deleted, mut added) = (Changes::new(), Vec::new(), Vec::new());
    let today = common::date(common::TODAY);
    for edit in edits {
        let id = match edit {
            Edit::Add(n) => {
                let id = InitiativeId(format!("i-{who}-{n}"));
                if roadmap.initiative(&id).is_none() {
                    let mut new = Initiative::blank(id.clone(), common::now());
                    new.title = format!("{who}'s new work {n}");
                    new.target = Target::day(today + chrono::Duration::days(i64::from(*n)));
                    roadmap.initiatives.push(new);
                    added.push(id);
                }
                continue;
            }
            Edit::Title(i, _)
            | Edit::Summary(i, _)
            | Edit::Status(i, _)
            | Edit::Kind(i, _)
            | Edit::Target(i, _)
            | Edit::Delete(i) => base_ids[i % base_ids.len()].clone(),
        };
        let Some(at) = roadmap.initiatives.iter().position(|i| i.id == id) else {
            continue; // deleted earlier in this sequence
        };
        let item = &mut roadmap.initiatives[at];
        let (field, value) = match edit {
            Edit::Title(_, v) => {
                item.title = format!("title {v}");
                ("title", serde_json::json!(item.title))
            }
            Edit::Summary(_, v) => {
                item.summary = format!("summary {v}");
                ("summary", serde_json::json!(item.summary))
            }
            Edit::Status(_, v) => {
                item.status = [
                    Status::Proposed,
                    Status::Planned,
                    Status::InProgress,
                    Status::Blocked,
                ][usize::from(*v)];
                ("status", serde_json::to_value(item.status).unwrap())
            }
            Edit::Kind(_, v) => {
                item.kind = [Kind::Run, Kind::Grow, Kind::Transform][usize::from(*v)];
                ("kind", serde_json::to_value(item.kind).unwrap())
            }
            Edit::Target(_, v) => {
                item.target = Target::day(today + chrono::Duration::days(7 * i64::from(*v + 1)));
                ("target", serde_json::to_value(item.target).unwrap())
            }
            Edit::Delete(_) => {
                // As the planner deletes: work that needed it no longer does.
                let before = roadmap.clone();
                roadmap.remove_initiative(&id);
                for i in roadmap.initiatives.iter() {
                    if before.initiative(&i.id).is_some_and(|b| b.needs != i.needs) {
                        changes.insert((i.id.clone(), "needs"), field(roadmap, &i.id, "needs"));
                    }
                }
                changes.retain(|(i, _), _| *i != id); // its own earlier edits went with it
                deleted.push(id);
                continue;
            }
            Edit::Add(_) => unreachable!("handled above"),
        };
        changes.insert((id, field), value);
    }
    // A field set back to the common version's value is no change.
    changes.retain(|(id, name), value| present(&base, id, name).as_ref() != Some(value));
    (changes, deleted, added)
}

/// A field of an initiative as written (null when left out); None when it is not there.
fn present(roadmap: &Roadmap, id: &InitiativeId, name: &str) -> Option<serde_json::Value> {
    let i = roadmap.initiative(id)?;
    Some(
        serde_json::to_value(i)
            .unwrap()
            .get(name)
            .cloned()
            .unwrap_or_default(),
    )
}

fn field(roadmap: &Roadmap, id: &InitiativeId, name: &str) -> serde_json::Value {
    present(roadmap, id, name).unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_merge_loads_and_keeps_every_change_one_side_made(
        ours_edits in prop::collection::vec(edit(), 0..12),
        theirs_edits in prop::collection::vec(edit(), 0..12),
    ) {
        let base = alignmap::sample::sample(common::date(common::TODAY), common::now()).unwrap();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        let (our_changes, our_deleted, our_added) = apply(&mut ours, &ours_edits, "ana");
        let (their_changes, their_deleted, their_added) = apply(&mut theirs, &theirs_edits, "raj");
        let merged = alignmap::merge::merge(&base, &ours, &theirs).unwrap();
        let m = &merged.roadmap;
        // It saves and loads: a valid roadmap, whatever was merged.
        let text = alignmap::storage::to_ron(m).unwrap();
        let loaded = alignmap::storage::from_ron(&text, Path::new("merged.ron")).unwrap();
        prop_assert_eq!(&loaded.in_file_order(), &m.in_file_order());

        let conflict_at = |id: &InitiativeId, name: &str| {
            m.conflicts.iter().find(|c| c.at == ["initiatives", id.0.as_str(), name])
        };
        let one_side = |changes: &Changes, other: &Changes, other_deleted: &[InitiativeId]| {
            for ((id, name), value) in changes {
                if other_deleted.contains(id) {
                    continue; // edited here, deleted there: the item-level case below
                }
                match other.get(&(id.clone(), *name)) {
                    None => assert_eq!(present(m, id, name).as_ref(), Some(value), "{id} {name}"),
                    Some(theirs) if theirs == value => {
                        assert_eq!(present(m, id, name).as_ref(), Some(value));
                        assert!(conflict_at(id, name).is_none(), "{id} {name}: same both ways");
                    }
                    Some(theirs) => {
                        let c = conflict_at(id, name).unwrap_or_else(|| panic!("{id} {name}: no conflict"));
                        let held = field(m, id, name);
                        assert!(held == *value || held == *theirs, "{id} {name}: holds {held}");
                        let kept: serde_json::Value = serde_json::from_str(c.value(c.kept)).unwrap();
                        assert_eq!(kept, held);
                    }
                }
            }
        };
        one_side(&our_changes, &their_changes, &their_deleted);
        one_side(&their_changes, &our_changes, &our_deleted);
        // Additions from both sides are there.
        for id in our_added.iter().chain(&their_added) {
            prop_assert!(m.initiative(id).is_some(), "{} added", id);
        }
        // A deletion on one side of an item the other did not touch is kept; one the other
        // edited stays, as a conflict to settle.
        let touched = |changes: &Changes, id: &InitiativeId| changes.keys().any(|(i, _)| i == id);
        for (deleted, other, other_deleted) in [
            (&our_deleted, &their_changes, &their_deleted),
            (&their_deleted, &our_changes, &our_deleted),
        ] {
            for id in deleted {
                if other_deleted.contains(id) || !touched(other, id) {
                    prop_assert!(m.initiative(id).is_none(), "{} deleted", id);
                } else {
                    prop_assert!(m.initiative(id).is_some(), "{} edited on the other side", id);
                    prop_assert!(m.conflicts.iter().any(|c| c.at == ["initiatives", id.0.as_str()]));
                }
            }
        }
        // Settling every conflict, one side or the other, leaves a valid roadmap without any.
        let mut settled = m.clone();
        while !settled.conflicts.is_empty() {
            let side = if settled.conflicts.len().is_multiple_of(2) { Side::Ours } else { Side::Theirs };
            settled = alignmap::merge::settle(&settled, 0, side).unwrap();
        }
        prop_assert!(alignmap::domain::validate::problems(&settled).is_empty());
    }
}
