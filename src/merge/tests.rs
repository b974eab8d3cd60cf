use super::*;
use crate::domain::{IdGen, Initiative, InitiativeId, Status, Target};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use std::collections::BTreeSet;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, hour, 0, 0).unwrap()
}

fn base() -> Roadmap {
    crate::sample::sample(day("2026-12-02"), at(8)).unwrap()
}

fn nth(r: &Roadmap, n: usize) -> InitiativeId {
    r.initiatives.iter().nth(n).unwrap().id.clone()
}

fn edit(r: &mut Roadmap, id: &InitiativeId, hour: u32, f: impl FnOnce(&mut Initiative)) {
    let i = r.initiative_mut(id).unwrap();
    f(i);
    i.updated = at(hour);
}

fn added(r: &mut Roadmap, seed: u64, title: &str) -> InitiativeId {
    let taken: BTreeSet<&str> = r.initiatives.iter().map(|i| i.id.0.as_str()).collect();
    let id = IdGen::with_seed(seed).initiative(&taken);
    let mut new = Initiative::blank(id.clone(), at(9));
    new.title = title.into();
    r.initiatives.push(new);
    id
}

/// Both sides rename initiative 3: the merge and that initiative's id.
fn renamed_both_ways() -> (Merged, InitiativeId) {
    let base = base();
    let a = nth(&base, 3);
    let mut ours = base.clone();
    edit(&mut ours, &a, 9, |i| i.title = "Ours".into());
    let mut theirs = base.clone();
    edit(&mut theirs, &a, 10, |i| i.title = "Theirs".into());
    (merge(&base, &ours, &theirs).unwrap(), a)
}

#[test]
fn edits_to_different_initiatives_both_arrive_without_conflict() {
    let base = base();
    let (a, b) = (nth(&base, 0), nth(&base, 1));
    let mut ours = base.clone();
    edit(&mut ours, &a, 9, |i| i.title = "Ours renamed".into());
    let mut theirs = base.clone();
    edit(&mut theirs, &b, 10, |i| i.status = Status::Blocked);
    let merged = merge(&base, &ours, &theirs).unwrap();
    assert_eq!(merged.new_conflicts, 0);
    assert_eq!(merged.roadmap.initiative(&a).unwrap().title, "Ours renamed");
    assert_eq!(
        merged.roadmap.initiative(&b).unwrap().status,
        Status::Blocked
    );
    assert!(merged.roadmap.conflicts.is_empty());
}

#[test]
fn different_fields_of_one_initiative_merge_and_the_later_edit_stamp_wins() {
    let base = base();
    let a = nth(&base, 2);
    let mut ours = base.clone();
    edit(&mut ours, &a, 9, |i| i.it_owner = "Ana Sousa".into());
    let mut theirs = base.clone();
    edit(&mut theirs, &a, 11, |i| {
        i.notes = "Vendor shortlisted".into()
    });
    let merged = merge(&base, &ours, &theirs).unwrap();
    let i = merged.roadmap.initiative(&a).unwrap();
    assert_eq!(
        (i.it_owner.as_str(), i.notes.as_str(), i.updated),
        ("Ana Sousa", "Vendor shortlisted", at(11))
    );
    assert_eq!(merged.new_conflicts, 0);
}

#[test]
fn one_field_changed_both_ways_is_a_conflict_kept_in_the_file_and_settled_either_way() {
    let (merged, a) = renamed_both_ways();
    assert_eq!(merged.new_conflicts, 1);
    let c = &merged.roadmap.conflicts[0];
    assert_eq!(
        c.at,
        vec!["initiatives".to_string(), a.0.clone(), "title".into()]
    );
    assert_eq!(c.about, "initiative \"Ours\" › title");
    assert_eq!(
        (c.shown(Side::Ours), c.shown(Side::Theirs)),
        ("Ours".into(), "Theirs".into())
    );
    assert_eq!(
        merged.roadmap.initiative(&a).unwrap().title,
        "Ours",
        "the file holds ours meanwhile"
    );
    // The file it writes reads back with the conflict in it.
    let text = crate::storage::to_ron(&merged.roadmap).unwrap();
    let back = crate::storage::from_ron(&text, std::path::Path::new("m.ron")).unwrap();
    assert_eq!(back.conflicts, merged.roadmap.conflicts);

    let took_theirs = settle(&merged.roadmap, 0, Side::Theirs).unwrap();
    assert_eq!(took_theirs.initiative(&a).unwrap().title, "Theirs");
    assert!(took_theirs.conflicts.is_empty());
    let kept_ours = settle(&merged.roadmap, 0, Side::Ours).unwrap();
    assert_eq!(kept_ours.initiative(&a).unwrap().title, "Ours");
    assert!(kept_ours.conflicts.is_empty());
}

#[test]
fn initiatives_added_on_both_sides_are_all_kept() {
    let base = base();
    let mut ours = base.clone();
    let o = added(&mut ours, 1, "Ours new");
    let mut theirs = base.clone();
    let t = added(&mut theirs, 2, "Theirs new");
    let merged = merge(&base, &ours, &theirs).unwrap();
    assert_eq!(merged.roadmap.initiatives.len(), base.initiatives.len() + 2);
    assert!(merged.roadmap.initiative(&o).is_some() && merged.roadmap.initiative(&t).is_some());
    assert_eq!(merged.new_conflicts, 0);
}

#[test]
fn deleting_what_the_other_side_changed_keeps_the_change_until_someone_decides() {
    let base = base();
    let a = nth(&base, 4);
    let mut ours = base.clone();
    let at_ = ours.initiatives.position_of(&a).unwrap();
    ours.initiatives.remove(at_);
    let mut theirs = base.clone();
    edit(&mut theirs, &a, 10, |i| {
        i.target = Target::day(day("2027-06-30"))
    });
    let merged = merge(&base, &ours, &theirs).unwrap();
    assert_eq!(merged.new_conflicts, 1);
    let c = &merged.roadmap.conflicts[0];
    assert_eq!(
        (c.kept, c.shown(Side::Ours).as_str()),
        (Side::Theirs, "(deleted)")
    );
    assert!(
        merged.roadmap.initiative(&a).is_some(),
        "nothing is lost meanwhile"
    );
    let deleted = settle(&merged.roadmap, 0, Side::Ours).unwrap();
    assert!(deleted.initiative(&a).is_none());
    // A deletion the other side did not touch just happens.
    let merged = merge(&base, &ours, &base).unwrap();
    assert!(merged.roadmap.initiative(&a).is_none() && merged.new_conflicts == 0);
}

#[test]
fn readings_appended_on_both_sides_keep_both() {
    let mut base = base();
    let g = base.goals.iter().position(|g| !g.kpis.is_empty()).unwrap();
    base.goals[g].kpis[0].readings.clear();
    let mut ours = base.clone();
    ours.goals[g].kpis[0]
        .readings
        .push(crate::domain::business::Reading {
            on: day("2026-12-01"),
            value: 1.0,
        });
    let mut theirs = base.clone();
    theirs.goals[g].kpis[0]
        .readings
        .push(crate::domain::business::Reading {
            on: day("2026-12-02"),
            value: 2.0,
        });
    let merged = merge(&base, &ours, &theirs).unwrap();
    let values: Vec<f64> = merged.roadmap.goals[g].kpis[0]
        .readings
        .iter()
        .map(|r| r.value)
        .collect();
    assert_eq!(values, vec![1.0, 2.0]);
    assert_eq!(merged.new_conflicts, 0);
}

#[test]
fn a_link_to_a_goal_the_other_side_deleted_goes_as_deleting_the_goal_would_and_is_said() {
    let base = base();
    let mut theirs = base.clone();
    let gone = theirs.goals.remove(theirs.goals.len() - 1);
    for i in theirs.initiatives.iter_mut() {
        i.serves.retain(|l| l.goal != gone.id);
    }
    let mut ours = base.clone();
    let new = added(&mut ours, 3, "Needs the goal");
    ours.initiative_mut(&new)
        .unwrap()
        .serves
        .push(crate::domain::business::GoalLink::strong(gone.id.clone()));
    let merged = merge(&base, &ours, &theirs).unwrap();
    let kept = merged.roadmap.initiative(&new).unwrap();
    assert!(kept.serves.is_empty(), "the goal is gone on their side");
    assert_eq!(
        merged.dropped,
        [format!(
            "initiative \"Needs the goal\" no longer serves goal {}, deleted on one side",
            gone.id
        )]
    );
}

#[test]
fn conflicts_from_an_earlier_merge_survive_the_next_one() {
    let base = base();
    let first = renamed_both_ways().0.roadmap;
    let mut later = first.clone();
    let b = nth(&base, 0);
    edit(&mut later, &b, 12, |i| i.notes = "later".into());
    let second = merge(&first, &first, &later).unwrap();
    assert_eq!(second.roadmap.conflicts.len(), 1);
    assert_eq!(second.roadmap.initiative(&b).unwrap().notes, "later");
}

#[test]
fn work_kept_against_a_deletion_no_longer_needs_what_the_other_side_deleted() {
    // Found by tests/merge_property.rs: theirs deletes A and B (B needs A), ours renames B.
    let base = base();
    let b = base
        .initiatives
        .iter()
        .find(|i| !i.needs.is_empty())
        .unwrap()
        .clone();
    let a = b.needs[0].clone();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    edit(&mut ours, &b.id, 10, |i| i.title = "Renamed by ours".into());
    theirs.remove_initiative(&a);
    theirs.remove_initiative(&b.id);
    let merged = merge(&base, &ours, &theirs).unwrap();
    let kept = merged.roadmap.initiative(&b.id).unwrap();
    assert_eq!(kept.title, "Renamed by ours");
    assert!(kept.needs.is_empty(), "A went: {:?}", kept.needs);
    assert!(merged.roadmap.initiative(&a).is_none());
    assert_eq!(merged.new_conflicts, 1, "B edited here, deleted there");
    // Taking their deletion removes B as well, and the result is valid.
    let settled = settle(&merged.roadmap, 0, Side::Theirs).unwrap();
    assert!(settled.initiative(&b.id).is_none());
}
