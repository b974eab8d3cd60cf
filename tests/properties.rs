//! Property tests: any roadmap survives save → load unchanged (arbitrary Unicode, control
//! characters, empty lists, extreme dates), and no input bytes make the loader panic.
#![allow(clippy::unwrap_used)] // test code

use alignmap::domain::{
    Goal, GoalId, Initiative, InitiativeId, Kind, Roadmap, Status, TargetChange,
};
use alignmap::storage;
use chrono::{DateTime, NaiveDate, Utc};
use proptest::prelude::*;
use std::path::Path;

fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        Just(NaiveDate::from_ymd_opt(1, 1, 1).unwrap()),
        Just(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap()),
        Just(NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()),
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
        (-300_000i64..300_000)
            .prop_map(|d| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Duration::days(d)),
    ]
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..253_402_300_799).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        Just(String::new()),
        Just("\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}31m\r\n\"\\ 日本語 👩‍💻 e\u{301} \u{202e}".to_string()),
    ]
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn kind() -> impl Strategy<Value = Kind> {
    prop::sample::select(Kind::ALL.to_vec())
}

fn roadmap() -> impl Strategy<Value = Roadmap> {
    let goals = prop::collection::vec((text(), text(), text(), 1u8..=5), 0..4);
    let initiatives = prop::collection::vec(
        (
            (text(), text(), text(), text(), status(), kind()),
            (
                date(),
                prop::option::of(date()),
                prop::collection::vec(text(), 0..3),
                text(),
                any::<i32>(),
            ),
            (
                instant(),
                instant(),
                prop::collection::vec((date(), date(), date()), 0..3),
                prop::collection::vec(any::<bool>(), 4),
            ),
        ),
        0..5,
    );
    (text(), goals, initiatives).prop_map(|(name, goals, initiatives)| {
        let goals: Vec<Goal> = goals
            .into_iter()
            .enumerate()
            .map(|(n, (title, description, owner, priority))| Goal {
                id: GoalId(format!("g-{n}")),
                code: format!("G{n}"),
                title: if title.trim().is_empty() {
                    "t".into()
                } else {
                    title
                },
                description,
                owner,
                priority,
            })
            .collect();
        let initiatives = initiatives
            .into_iter()
            .enumerate()
            .map(
                |(
                    n,
                    (
                        (title, summary, it_owner, sponsor, status, kind),
                        (target, done_on, tags, notes, rank),
                        (created, updated, log, links),
                    ),
                )| Initiative {
                    id: InitiativeId(format!("i-{n}")),
                    title: if title.trim().is_empty() {
                        "t".into()
                    } else {
                        title
                    },
                    summary,
                    it_owner,
                    sponsor,
                    goals: goals
                        .iter()
                        .zip(&links)
                        .filter(|(_, on)| **on)
                        .map(|(g, _)| g.id.clone())
                        .collect(),
                    status,
                    kind,
                    target,
                    done_on,
                    tags,
                    notes,
                    rank,
                    created,
                    updated,
                    target_log: log
                        .into_iter()
                        .map(|(on, from, to)| TargetChange { on, from, to })
                        .collect(),
                },
            )
            .collect();
        Roadmap {
            name,
            goals,
            initiatives,
            ..Roadmap::new("")
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_roadmap_survives_save_and_load(roadmap in roadmap()) {
        let text = storage::to_ron(&roadmap).unwrap();
        prop_assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "raw control characters in the file");
        let back = storage::from_ron(&text, Path::new("p.ron")).unwrap();
        prop_assert_eq!(back, roadmap);
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = storage::parse_bytes(Path::new("fuzz.ron"), bytes);
    }

    #[test]
    fn mangled_roadmap_files_give_errors_not_panics(cut in 0usize..4000, junk in any::<String>()) {
        let roadmap = alignmap::sample::sample(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), DateTime::from_timestamp(0, 0).unwrap()).unwrap();
        let text = storage::to_ron(&roadmap).unwrap();
        let mut cut = cut.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let mangled = format!("{}{}{}", &text[..cut], junk, &text[cut..]);
        let _ = storage::from_ron(&mangled, Path::new("mangled.ron"));
    }
}
