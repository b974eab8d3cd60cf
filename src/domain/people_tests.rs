use super::*;
use crate::domain::business::Risk;
use crate::domain::checkin::{CheckIn, Rating};
use crate::domain::{Goal, Initiative};
use chrono::{DateTime, NaiveDate};

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|n| (*n).to_string()).collect()
}

fn roadmap() -> Roadmap {
    let now = DateTime::from_timestamp(0, 0).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut r = Roadmap::new("r");
    r.goals.push(Goal {
        owner: "Dana Whitfield".into(),
        ..Goal::blank(GoalId("g-1".into()))
    });
    let mut a = Initiative::blank(InitiativeId("i-1".into()), now);
    a.it_owner = "Lena Fischer".into();
    a.sponsor = "dana  whitfield".into();
    a.risks.push(Risk {
        id: "r-1".into(),
        title: "Vendor slips".into(),
        likelihood: 3,
        impact: 3,
        owner: "Lena Fischer".into(),
        mitigation: String::new(),
        status: Default::default(),
        raised: day,
        confidential: false,
    });
    let mut b = Initiative::blank(InitiativeId("i-2".into()), now);
    b.it_owner = "Ana Sousa".into();
    b.champion = "Lena Fischer".into();
    r.initiatives.push(a);
    r.initiatives.push(b);
    let rating = || Rating {
        score: 7,
        why: String::new(),
        closer: String::new(),
    };
    r.checkins.push(CheckIn {
        id: "c-1".into(),
        on: day,
        business_who: "Dana Whitfield (CFO)".into(),
        business: rating(),
        it: rating(),
        actions: vec![],
    });
    r
}

#[test]
fn every_field_that_names_someone_makes_one_person_per_name() {
    let people = people(&roadmap());
    let listed: Vec<(&str, usize)> = people
        .iter()
        .map(|p| (p.name.as_str(), p.roles.len()))
        .collect();
    assert_eq!(
        listed,
        [("Ana Sousa", 1), ("Dana Whitfield", 3), ("Lena Fischer", 3)],
        "goal owner, sponsor (other spacing and case) and check-in are one Dana"
    );
    let lena = &people[2];
    assert_eq!(
        lena.roles,
        [
            Role::ItOwner(InitiativeId("i-1".into())),
            Role::RiskOwner(InitiativeId("i-1".into()), "r-1".into()),
            Role::Champion(InitiativeId("i-2".into())),
        ]
    );
}

#[test]
fn a_token_finds_a_person_by_any_word_or_start_of_the_name() {
    let known = names(&["Lena Fischer", "Ana Sousa", "Anatoly Karpov", "Sam"]);
    let one = |name: &str| Found::One(name.to_string());
    assert_eq!(find("lena", &known, false), one("Lena Fischer"));
    assert_eq!(find("fisch", &known, false), one("Lena Fischer"));
    assert_eq!(find("ANA_SOUSA", &known, false), one("Ana Sousa"));
    assert_eq!(find("ana_s", &known, false), one("Ana Sousa"));
    assert_eq!(find("sam", &known, false), one("Sam"));
    assert_eq!(
        find("ana", &known, false),
        Found::Many(names(&["Ana Sousa", "Anatoly Karpov"]))
    );
    assert_eq!(find("priya", &known, false), Found::New("priya".into()));
    assert_eq!(
        find("ana", &known, true),
        Found::New("ana".into()),
        "a quoted name is that name, never a guess"
    );
    assert_eq!(find("ana sousa", &known, true), one("Ana Sousa"));
}

#[test]
fn words_that_start_a_known_name_belong_to_it() {
    let known = names(&["Lena Fischer", "Mary Ann Smith"]);
    assert!(starts_a_name("Lena Fischer", &known));
    assert!(starts_a_name("mary ann", &known));
    assert!(!starts_a_name("Lena fixes", &known));
    assert!(!starts_a_name("Lena Fisch", &known), "whole words only");
}

#[test]
fn a_name_is_written_so_that_it_reads_back() {
    assert_eq!(at_token("Sam"), "@Sam");
    assert_eq!(at_token("Ana Sousa"), "@\"Ana Sousa\"");
}

#[test]
fn renaming_a_person_renames_every_field_that_names_them() {
    let mut r = roadmap();
    assert_eq!(rename(&mut r, "DANA WHITFIELD", "Dana Whitfield-Ng"), 3);
    assert_eq!(r.goals[0].owner, "Dana Whitfield-Ng");
    assert_eq!(r.initiatives.get(0).unwrap().sponsor, "Dana Whitfield-Ng");
    assert_eq!(r.checkins[0].business_who, "Dana Whitfield-Ng (CFO)");
    assert_eq!(rename(&mut r, "Lena Fischer", "Lena Fisher"), 3);
    assert_eq!(r.initiatives.get(1).unwrap().champion, "Lena Fisher");
    assert_eq!(r.initiatives.get(0).unwrap().risks[0].owner, "Lena Fisher");
    assert_eq!(r.initiatives.get(1).unwrap().it_owner, "Ana Sousa");
    assert_eq!(rename(&mut r, "Nobody", "Somebody"), 0);
}

#[test]
fn a_persons_duties_list_overdue_work_first_and_leave_out_what_is_finished() {
    use crate::domain::decisions::Action;
    let mut r = roadmap();
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let now = DateTime::from_timestamp(0, 0).unwrap();
    r.initiatives.update_where(
        |i| i.id.0 == "i-1",
        |i| {
            i.title = "Patch the gateways".into();
            i.target = crate::domain::Target::day(day("2026-11-20"));
        },
    );
    r.initiatives.update_where(
        |i| i.id.0 == "i-2",
        |i| {
            i.title = "Shipped already".into();
            i.status = crate::domain::Status::Done;
        },
    );
    let action = |id: &str, due: &str, done: bool| Action {
        id: id.into(),
        text: format!("Action {id}"),
        owner: "Lena Fischer".into(),
        due: Some(day(due)),
        link: None,
        session: day("2026-11-01"),
        done_on: done.then(|| day("2026-11-02")),
        created: now,
    };
    r.actions.push(action("a-1", "2026-12-04", false));
    r.actions.push(action("a-2", "2026-11-01", true));
    let lena = people(&r)
        .into_iter()
        .find(|p| p.name == "Lena Fischer")
        .unwrap();
    let listed: Vec<(&str, String, bool)> = duties(&r, &lena, day("2026-11-22"))
        .into_iter()
        .map(|d| (d.role, d.title, d.overdue))
        .collect();
    assert_eq!(
        listed,
        [
            ("IT owner", "Patch the gateways".to_string(), true),
            ("action", "Action a-1".to_string(), false),
            ("risk owner", "Vendor slips".to_string(), false),
        ],
        "the champion of done work and the done action are not duties"
    );
}
