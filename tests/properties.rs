//! Property tests: any roadmap survives save → load and JSON export → import unchanged
//! (arbitrary Unicode, control characters, empty lists, extreme dates), and no input bytes
//! make the loader panic.
#![allow(clippy::unwrap_used)] // test code

use alignmap::domain::business::{
    BusinessCase, Deliverable, Direction, GoalLink, Kpi, Reading, Risk, RiskStatus, Strength,
};
use alignmap::domain::checkin::{CheckIn, Rating};
use alignmap::domain::review::Reviewed;
use alignmap::domain::{
    Goal, GoalId, Initiative, InitiativeId, Kind, Roadmap, Status, Target, TargetChange,
};
use alignmap::storage;
use chrono::{DateTime, NaiveDate, Utc};
use proptest::prelude::*;
use std::path::Path;

/// Every kind of target: days (the calendar's ends included), each kind of period in years
/// 1900-9999, fiscal years with any first month, and `later`.
fn target() -> impl Strategy<Value = Target> {
    (date(), 0u8..10, 1u32..=12).prop_map(|(day, kind, month)| {
        use chrono::Datelike;
        let year = day.year().clamp(1900, 9999);
        let text = match kind {
            3 => format!("{year}-{month:02}"),
            4 => format!("Q{} {year}", month.div_ceil(3)),
            5 => format!("H{} {year}", month.div_ceil(6)),
            6 => year.to_string(),
            7 => {
                let cal = alignmap::domain::Calendar {
                    fiscal_year_start: month,
                    ..Default::default()
                };
                let end = cal.fiscal_year_end(year).unwrap();
                format!("FY{year} ends {end}")
            }
            8 => "later".to_string(),
            _ => return Target::day(day),
        };
        text.parse().unwrap()
    })
}

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

/// Finite numbers, including the awkward ones (tiny, huge, negative zero).
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(-0.0),
        Just(f64::MAX),
        Just(f64::MIN_POSITIVE),
        Just(0.1 + 0.2),
        -1e9f64..1e9,
    ]
}

fn kpis(goal: usize) -> impl Strategy<Value = Vec<Kpi>> {
    let kpi = (
        (
            text(),
            text(),
            prop::option::of(number()),
            prop::option::of(number()),
        ),
        (any::<bool>(), any::<bool>(), any::<bool>(), text()),
        prop::collection::vec((date(), number()), 0..4),
    );
    prop::collection::vec(kpi, 0..3).prop_map(move |list| {
        list.into_iter()
            .enumerate()
            .map(
                |(
                    n,
                    (
                        (name, unit, baseline, target),
                        (lower, confidential, relative, target_note),
                        readings,
                    ),
                )| Kpi {
                    id: format!("k-{goal}-{n}"),
                    name: if name.trim().is_empty() {
                        "k".into()
                    } else {
                        name
                    },
                    unit,
                    baseline,
                    // Plans give a value or a change from the baseline, and words beside.
                    target: target.filter(|_| !relative),
                    target_change: target.filter(|_| relative),
                    target_note,
                    direction: if lower {
                        Direction::LowerIsBetter
                    } else {
                        Direction::HigherIsBetter
                    },
                    readings: readings
                        .into_iter()
                        .map(|(on, value)| Reading { on, value })
                        .collect(),
                    confidential,
                },
            )
            .collect()
    })
}

/// Business case, risks and deliverables of initiative `n`.
#[allow(clippy::type_complexity)]
fn business(n: usize) -> impl Strategy<Value = (BusinessCase, Vec<Risk>, Vec<Deliverable>)> {
    let case = (
        (text(), text(), text(), text()),
        (
            prop::option::of(number().prop_map(f64::abs)),
            prop::option::of(number().prop_map(f64::abs)),
            prop::option::of(number().prop_map(f64::abs)),
            any::<bool>(),
        ),
    )
        .prop_map(
            |((if_not, brings, politics, benefit), (hours, revenue, cost, confidential))| {
                BusinessCase {
                    if_not,
                    brings,
                    hours_lost_per_month: hours,
                    revenue_at_stake: revenue,
                    politics,
                    cost,
                    benefit,
                    confidential,
                }
            },
        );
    let risk = (
        (text(), 1u8..=5, 1u8..=5, text(), text()),
        (0usize..3, date(), any::<bool>()),
    );
    let risks = prop::collection::vec(risk, 0..3).prop_map(move |list| {
        list.into_iter()
            .enumerate()
            .map(
                |(
                    r,
                    (
                        (title, likelihood, impact, owner, mitigation),
                        (status, raised, confidential),
                    ),
                )| {
                    Risk {
                        id: format!("r-{n}-{r}"),
                        title: if title.trim().is_empty() {
                            "r".into()
                        } else {
                            title
                        },
                        likelihood,
                        impact,
                        owner,
                        mitigation,
                        status: RiskStatus::ALL[status],
                        raised,
                        confidential,
                    }
                },
            )
            .collect()
    });
    let deliverables =
        prop::collection::vec((text(), date(), any::<bool>()), 0..3).prop_map(|list| {
            list.into_iter()
                .map(|(title, date, done)| Deliverable {
                    title: if title.trim().is_empty() {
                        "d".into()
                    } else {
                        title
                    },
                    date,
                    done,
                })
                .collect()
        });
    (case, risks, deliverables)
}

fn roadmap() -> impl Strategy<Value = Roadmap> {
    let goals = prop::collection::vec(
        (
            text(),
            text(),
            text(),
            1u8..=5,
            (0usize..4).prop_flat_map(kpis),
        ),
        0..4,
    );
    let initiatives = prop::collection::vec(
        (
            (text(), text(), text(), text(), status(), kind()),
            (
                target(),
                prop::option::of(date()),
                prop::collection::vec(text(), 0..3),
                text(),
                any::<i32>(),
            ),
            (
                instant(),
                instant(),
                prop::collection::vec((date(), target(), target()), 0..3),
                prop::collection::vec(0usize..4, 4),
                (0usize..8).prop_flat_map(business),
                prop::collection::vec(0usize..5, 0..3),
            ),
        ),
        0..5,
    );
    let checkins = prop::collection::vec(
        (
            date(),
            text(),
            (1u8..=10, text(), text()),
            (1u8..=10, text(), text()),
        ),
        0..3,
    );
    (text(), text(), goals, initiatives, checkins).prop_map(
        |(name, currency, goals, initiatives, checkins)| {
            let goals: Vec<Goal> = goals
                .into_iter()
                .enumerate()
                .map(|(n, (title, description, owner, priority, kpis))| Goal {
                    id: GoalId(format!("g-{n}")),
                    code: format!("G{n}"),
                    title: if title.trim().is_empty() {
                        "t".into()
                    } else {
                        title
                    },
                    contributes_to: description.chars().rev().collect(),
                    description,
                    owner,
                    priority,
                    kpis: kpis
                        .into_iter()
                        .map(|k| Kpi {
                            id: format!("{}-{n}", k.id),
                            ..k
                        })
                        .collect(),
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
                            (created, updated, log, links, (case, risks, deliverables), needs),
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
                        champion: sponsor.chars().rev().collect(),
                        sponsor,
                        serves: goals
                            .iter()
                            .zip(&links)
                            .filter_map(|(g, s)| {
                                Strength::ALL.get(*s).map(|strength| GoalLink {
                                    goal: g.id.clone(),
                                    strength: *strength,
                                })
                            })
                            .collect(),
                        legacy_goals: vec![],

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
                            .map(|(on, from, to)| TargetChange {
                                on,
                                from,
                                to,
                                reason: format!("{from}"),
                            })
                            .collect(),
                        risks: risks
                            .into_iter()
                            .map(|r| Risk {
                                id: format!("{}-{n}", r.id),
                                ..r
                            })
                            .collect(),
                        case,
                        deliverables,
                        // Only earlier initiatives: dependencies never form a circle.
                        needs: needs
                            .into_iter()
                            .filter(|d| *d < n)
                            .map(|d| InitiativeId(format!("i-{d}")))
                            .collect::<std::collections::BTreeSet<_>>()
                            .into_iter()
                            .collect(),
                    },
                )
                .collect();
            let checkins = checkins
                .into_iter()
                .enumerate()
                .map(|(n, (on, who, (bs, bw, bc), (is, iw, ic)))| CheckIn {
                    id: format!("c-{n}"),
                    on,
                    business_who: who,
                    business: Rating {
                        score: bs,
                        why: bw,
                        closer: bc,
                    },
                    it: Rating {
                        score: is,
                        why: iw,
                        closer: ic,
                    },
                    actions: vec![],
                })
                .collect::<Vec<_>>();
            let reviews = checkins
                .iter()
                .map(|c| Reviewed {
                    entry: format!("checkin:{}", c.business_who),
                    on: c.on,
                    stamp: c.it.why.clone(),
                })
                .collect();
            let last_review = checkins.first().map(|c| c.on);
            Roadmap {
                name,
                currency,
                checkins,
                reviews,
                last_review,
                goals,
                initiatives,
                ..Roadmap::new("")
            }
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_roadmap_survives_save_and_load(roadmap in roadmap()) {
        let text = storage::to_ron(&roadmap).unwrap();
        // Tabs indent; anything else (and any tab after a line's indent) must be escaped.
        let raw = text.lines().any(|l| l.trim_start_matches('\t').chars().any(char::is_control));
        prop_assert!(!raw, "raw control characters in the file");
        let back = storage::from_ron(&text, Path::new("p.ron")).unwrap();
        prop_assert_eq!(back, roadmap.in_file_order());
    }

    #[test]
    fn any_roadmap_survives_json_export_and_import_byte_for_byte(roadmap in roadmap()) {
        use alignmap::export::{Format, Options, export, json};
        let options = Options {
            public: false,
            today: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            changes: None,
        };
        let text = export(&roadmap, Format::Json, options).unwrap();
        let back = json::read(&text).unwrap();
        prop_assert_eq!(&back.roadmap, &roadmap.in_file_order());
        prop_assert_eq!(export(&back.roadmap, Format::Json, options).unwrap(), text);
    }

    #[test]
    fn any_roadmap_survives_the_four_csv_sheets_into_an_empty_roadmap(roadmap in roadmap()) {
        use alignmap::export::sheets::{Sheet, apply_sheet};
        use alignmap::export::{Options, export_sheet};
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let options = Options { public: false, today, changes: None };
        let now = DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let mut ids = alignmap::domain::IdGen::with_seed(3);
        let mut back = Roadmap::new("");
        for sheet in Sheet::ALL {
            let text = export_sheet(&roadmap, sheet, options).unwrap();
            back = match apply_sheet(&back, sheet, &text, today, now, &mut ids) {
                Ok((next, _)) => next,
                Err(errors) => panic!("{} sheet: {errors:?}\n{text}", sheet.name()),
            };
        }
        prop_assert_eq!(&back.goals, &roadmap.goals, "goals with their KPIs and readings");
        prop_assert_eq!(back.initiatives.len(), roadmap.initiatives.len());
        for (a, b) in roadmap.initiatives.iter().zip(&back.initiatives) {
            prop_assert_eq!(&a.id, &b.id);
            prop_assert_eq!(&a.title, &b.title);
            prop_assert_eq!(&a.serves, &b.serves, "links with their strengths");
            prop_assert_eq!((a.status, a.kind, a.target), (b.status, b.kind, b.target));
            let done = |i: &alignmap::domain::Initiative| i.done_on.filter(|_| i.status == Status::Done);
            prop_assert_eq!(done(a), done(b));
            prop_assert_eq!(a.first_target(), b.first_target());
            // A log as the app writes it (each change from where the last one ended, the last
            // ending at the target) keeps its slip count; a log edited by hand is rebuilt.
            let chained = a.target_log.windows(2).all(|w| w[0].to == w[1].from)
                && a.target_log.last().is_none_or(|c| c.to == a.target);
            if chained {
                prop_assert_eq!(a.slip_count(), b.slip_count());
            }
            prop_assert_eq!((&a.it_owner, &a.sponsor, &a.champion), (&b.it_owner, &b.sponsor, &b.champion));
            prop_assert_eq!((&a.summary, &a.notes, a.case.cost), (&b.summary, &b.notes, b.case.cost));
            prop_assert_eq!(&a.risks, &b.risks);
        }
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
        // Junk can land where it is still a valid file (inside a string, as spaces); any
        // other outcome is an error that names the file, and a syntax error its place.
        match storage::from_ron(&mangled, Path::new("mangled.ron")) {
            Ok(_) => {}
            Err(storage::LoadError::Parse { path, line, col, .. }) => {
                prop_assert_eq!(path, Path::new("mangled.ron"));
                prop_assert!(line >= 1 && col >= 1, "a place: {}:{}", line, col);
            }
            Err(e) => prop_assert!(e.to_string().starts_with("mangled.ron"), "{}", e),
        }
    }
}
