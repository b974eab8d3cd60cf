//! Synthetic roadmaps for benchmarks and load tests: believable text lengths, goal links of
//! every strength, KPIs with history, risks, slips, check-ins and decisions. Deterministic:
//! the same seed and sizes give the same roadmap, so anyone can reproduce a measurement.

use crate::domain::business::{
    BusinessCase, Deliverable, Direction, GoalLink, Kpi, Reading, Risk, RiskStatus, Strength,
};
use crate::domain::checkin::{CheckIn, Rating};
use crate::domain::decisions::{Action, Decision, Link};
use crate::domain::{
    Goal, GoalId, Initiative, InitiativeId, Kind, Roadmap, Status, Target, TargetChange,
};
use chrono::{DateTime, Days, NaiveDate, Utc};

/// A small, fast, deterministic random source (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        let n = self.below(items.len() as u64) as usize;
        items.get(n).copied().unwrap_or_default()
    }
}

const VERBS: [&str; 12] = [
    "Automate",
    "Replace",
    "Migrate",
    "Consolidate",
    "Retire",
    "Upgrade",
    "Secure",
    "Integrate",
    "Monitor",
    "Standardise",
    "Outsource",
    "Rebuild",
];
const THINGS: [&str; 16] = [
    "invoice matching",
    "the CRM",
    "supplier onboarding",
    "the data warehouse",
    "payroll",
    "the VPN gateways",
    "order tracking",
    "the partner portal",
    "backup and restore",
    "laptop provisioning",
    "the ERP reports",
    "identity management",
    "the web shop checkout",
    "contract management",
    "service desk triage",
    "the EU order platform",
];
const PLACES: [&str; 8] = [
    "in Germany",
    "for finance",
    "for customer success",
    "in the warehouse",
    "for sales",
    "across all sites",
    "for the Benelux launch",
    "for the audit",
];
const PEOPLE: [&str; 10] = [
    "Sam Okafor",
    "Lena Fischer",
    "Raj Patel",
    "Ana Sousa",
    "Wei Zhang",
    "Dana Whitfield",
    "Tom Becker",
    "Priya Nair",
    "Marta Lopez",
    "Elif Yilmaz",
];

/// A roadmap with `goals` goals and `initiatives` initiatives, dated around `today`.
pub fn roadmap(goals: usize, initiatives: usize, seed: u64, today: NaiveDate) -> Roadmap {
    let mut rng = Rng(seed | 1);
    let at: DateTime<Utc> = today
        .and_hms_opt(9, 0, 0)
        .map_or_else(Utc::now, |t| t.and_utc());
    let day = |offset: i64| {
        if offset >= 0 {
            today.checked_add_days(Days::new(offset.unsigned_abs()))
        } else {
            today.checked_sub_days(Days::new(offset.unsigned_abs()))
        }
        .unwrap_or(today)
    };
    let mut r = Roadmap::new(format!("Synthetic roadmap ({initiatives} initiatives)"));
    r.currency = "€".into();
    for g in 0..goals.max(1) {
        let id = GoalId(format!("g-{g:07}"));
        let kpis = (0..1 + rng.below(2))
            .map(|k| {
                let baseline = 10.0 + rng.below(90) as f64;
                let readings = (0..rng.below(12))
                    .map(|n| Reading {
                        on: day(-30 * (12 - n as i64)),
                        value: baseline + rng.below(20) as f64 - 5.0,
                    })
                    .collect();
                Kpi {
                    id: format!("k-{g:07}{k}"),
                    name: format!("{} rate", rng.pick(&THINGS)),
                    unit: "%".into(),
                    baseline: Some(baseline),
                    target: Some(baseline + 20.0),
                    direction: Direction::HigherIsBetter,
                    readings,
                    ..Kpi::default()
                }
            })
            .collect();
        r.goals.push(Goal {
            id,
            code: format!("G{g}"),
            title: format!(
                "{} {} {}",
                rng.pick(&VERBS),
                rng.pick(&THINGS),
                rng.pick(&PLACES)
            ),
            description: "A business outcome the board asked for; measured monthly.".into(),
            owner: rng.pick(&PEOPLE).into(),
            priority: 1 + rng.below(5) as u8,
            kpis,
            contributes_to: String::new(),
        });
    }
    for n in 0..initiatives {
        let target = day(rng.below(420) as i64 - 30);
        let status = Status::ALL[rng.below(6) as usize];
        let mut i = Initiative {
            title: format!(
                "{} {} {}",
                rng.pick(&VERBS),
                rng.pick(&THINGS),
                rng.pick(&PLACES)
            ),
            summary: format!(
                "{} {} so that the business gets it {}; replaces manual work and spreadsheets.",
                rng.pick(&VERBS),
                rng.pick(&THINGS),
                rng.pick(&PLACES)
            ),
            it_owner: rng.pick(&PEOPLE).into(),
            sponsor: rng.pick(&PEOPLE).into(),
            status,
            kind: Kind::ALL[rng.below(3) as usize],
            target: Target::day(target),
            done_on: (status == Status::Done).then(|| target.min(today)),
            tags: vec![
                rng.pick(&["erp", "crm", "security", "data", "cloud"])
                    .into(),
            ],
            case: BusinessCase {
                if_not: "Manual work continues and the audit finds it.".into(),
                cost: Some(5_000.0 + rng.below(500) as f64 * 1_000.0),
                ..BusinessCase::default()
            },
            ..Initiative::blank(InitiativeId(format!("i-{n:08}")), at)
        };
        for _ in 0..rng.below(3) {
            let goal = GoalId(format!("g-{:07}", rng.below(goals.max(1) as u64)));
            if !i.serves_goal(&goal) {
                i.serves.push(GoalLink {
                    goal,
                    strength: Strength::ALL[rng.below(3) as usize],
                });
            }
        }
        if rng.below(5) == 0 {
            let from = target.checked_sub_days(Days::new(14)).unwrap_or(target);
            i.target_log.push(TargetChange {
                on: day(-20),
                from: Target::day(from),
                to: Target::day(target),
                reason: "Vendor delivery late".into(),
            });
        }
        if rng.below(4) == 0 {
            i.risks.push(Risk {
                id: format!("r-{n:08}"),
                title: "Key supplier misses the date".into(),
                likelihood: 1 + rng.below(5) as u8,
                impact: 1 + rng.below(5) as u8,
                owner: i.it_owner.clone(),
                mitigation: if rng.below(2) == 0 {
                    String::new()
                } else {
                    "Second supplier on standby".into()
                },
                status: RiskStatus::Open,
                raised: day(-10),
                confidential: false,
            });
        }
        if rng.below(3) == 0 {
            i.deliverables.push(Deliverable {
                title: "First users live".into(),
                date: target,
                done: false,
            });
        }
        r.initiatives.push(i);
    }
    for c in 0..6 {
        let rating = |score| Rating {
            score,
            why: "Fewer surprises than last quarter".into(),
            closer: "Earlier warnings when work slips".into(),
        };
        r.checkins.push(CheckIn {
            id: format!("c-{c:07}"),
            on: day(-30 * (6 - c)),
            business_who: "Dana Whitfield (CFO)".into(),
            business: rating(4 + rng.below(5) as u8),
            it: rating(5 + rng.below(5) as u8),
            actions: Vec::new(),
        });
    }
    for d in 0..(initiatives / 50).max(1) {
        let link = (initiatives > 0).then(|| {
            Link::Initiative(InitiativeId(format!(
                "i-{:08}",
                rng.below(initiatives as u64)
            )))
        });
        r.decisions.push(Decision {
            id: format!("d-{d:07}"),
            text: "Go ahead with the cheaper vendor, review in three months".into(),
            session: day(-7),
            link: link.clone(),
            created: at,
        });
        r.actions.push(Action {
            id: format!("a-{d:07}"),
            text: "Ask procurement for three quotes".into(),
            owner: rng.pick(&PEOPLE).into(),
            due: Some(day(rng.below(20) as i64 - 5)),
            link,
            session: day(-7),
            done_on: None,
            created: at,
        });
    }
    r
}

/// Company goals for a synthetic portfolio: six, of which the last is named by no unit.
pub fn company(seed: u64) -> crate::domain::portfolio::Portfolio {
    use crate::domain::portfolio::{CompanyGoal, Portfolio};
    let titles = [
        "Grow online sales by 15%",
        "Pass every audit without a major finding",
        "Cut the cost of running the group by 10%",
        "Halve customer churn",
        "Open five new markets",
        "One trusted number for sales",
    ];
    Portfolio {
        version: 1,
        name: format!("Synthetic group {seed}"),
        goals: titles
            .iter()
            .enumerate()
            .map(|(n, title)| CompanyGoal {
                id: format!("company-{}", n + 1),
                code: format!("C{}", n + 1),
                title: (*title).to_string(),
                owner: format!("Executive {}", n + 1),
                priority: u8::try_from(n / 2 + 1).unwrap_or(u8::MAX),
            })
            .collect(),
    }
}

/// `units` synthetic roadmaps of `initiatives` each, their goals contributing in turn to
/// the first five of [`company`]'s goals: (file name, roadmap).
pub fn units(
    units: usize,
    initiatives: usize,
    seed: u64,
    today: NaiveDate,
) -> Vec<(String, Roadmap)> {
    (0..units)
        .map(|n| {
            let mut unit = roadmap(
                8,
                initiatives,
                seed.wrapping_mul(1_000_003) + 7_919 * n as u64,
                today,
            );
            unit.name = format!("Unit {:02}", n + 1);
            for (g, goal) in unit.goals.iter_mut().enumerate() {
                goal.contributes_to = format!("company-{}", (n + g) % 5 + 1);
            }
            (format!("unit-{:02}.ron", n + 1), unit)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_roadmaps_are_valid_sized_and_reproducible() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let a = roadmap(20, 1_000, 7, today);
        assert_eq!((a.goals.len(), a.initiatives.len()), (20, 1_000));
        assert_eq!(crate::domain::validate::problems(&a), Vec::<String>::new());
        assert_eq!(a, roadmap(20, 1_000, 7, today), "same seed, same roadmap");
        assert_ne!(a, roadmap(20, 1_000, 8, today));
        assert!(a.initiatives.iter().any(|i| !i.risks.is_empty()));
        assert!(a.initiatives.iter().any(|i| i.slip_count() > 0));
        assert!(
            a.goals
                .iter()
                .any(|g| g.kpis.iter().any(|k| !k.readings.is_empty()))
        );
    }
}
