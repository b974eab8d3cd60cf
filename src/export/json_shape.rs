//! The JSON export's own shape: every field written, empty or not, in the order
//! `assets/roadmap.schema.json` publishes. The roadmap file leaves fields at their defaults
//! out (`skip_serializing_if` in the model); the export must not follow, so it does not
//! borrow the model's serde for anything with a default. These are views: they borrow
//! the roadmap and copy nothing.
//!
//! Each `From` destructures the model type in full (or names what it leaves out), so a
//! field added to the model does not compile until the export decides what to do with it.

use crate::domain::business::{BusinessCase, Deliverable, Direction, GoalLink, Kpi, Risk};
use crate::domain::business::{Reading, RiskStatus};
use crate::domain::checkin::{CheckIn, Rating};
use crate::domain::conflict::Conflict;
use crate::domain::decisions::{Action, Decision, Link};
use crate::domain::review::Reviewed;
use crate::domain::{Calendar, Goal, GoalId, Initiative, InitiativeId, Kind, Roadmap};
use crate::domain::{Status, Target, TargetChange};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Serialize, Serializer};

/// A list written item by item through a view, without collecting the views first.
pub(super) struct Each<I>(I);

impl<I> Serialize for Each<I>
where
    I: Iterator + Clone,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.clone())
    }
}

fn each<'a, T: 'a, V, L>(list: L, view: fn(&'a T) -> V) -> Each<impl Iterator<Item = V> + Clone>
where
    L: IntoIterator<Item = &'a T>,
    L::IntoIter: Clone,
{
    Each(list.into_iter().map(view))
}

type List<'a, T, V> = Each<std::iter::Map<std::slice::Iter<'a, T>, fn(&'a T) -> V>>;

/// The exported roadmap.
#[derive(Serialize)]
#[serde(rename = "Roadmap")]
pub(super) struct RoadmapView<'a, G, I, D, A, C, R> {
    version: u32,
    name: &'a str,
    currency: &'a str,
    /// Left out at its defaults, as in every export since schema 4.
    #[serde(skip_serializing_if = "Calendar::is_default")]
    calendar: &'a Calendar,
    goals: G,
    initiatives: I,
    decisions: D,
    actions: A,
    checkins: C,
    reviews: R,
    last_review: Option<NaiveDate>,
    /// Since schema 5.
    conflicts: &'a [Conflict],
}

/// The view of `roadmap` the export writes, saying it is of export schema `version`.
pub(super) fn roadmap(roadmap: &Roadmap, version: u32) -> impl Serialize + '_ {
    let Roadmap {
        version: _,
        name,
        currency,
        calendar,
        goals,
        initiatives,
        decisions,
        actions,
        checkins,
        reviews,
        last_review,
        conflicts,
    } = roadmap;
    RoadmapView {
        version,
        name,
        currency,
        calendar,
        goals: each(goals, GoalView::from),
        initiatives: each(by_key(initiatives), InitiativeView::from),
        decisions: each(decisions, DecisionView::from),
        actions: each(actions, ActionView::from),
        checkins: each(checkins, CheckInView::from),
        reviews: each(by_key(reviews), |r: &Reviewed| r),
        last_review: *last_review,
        conflicts,
    }
}

/// The items sorted by key, the order the roadmap file writes them in, so an export does not
/// depend on the order things were added in.
fn by_key<T>(items: &crate::domain::Items<T>) -> Vec<&T>
where
    T: crate::domain::items::Keyed + Clone,
    T::Key: Ord,
{
    let mut sorted: Vec<&T> = items.iter().collect();
    sorted.sort_unstable_by(|a, b| a.key().cmp(b.key()));
    sorted
}

#[derive(Serialize)]
#[serde(rename = "Goal")]
struct GoalView<'a> {
    id: &'a GoalId,
    code: &'a str,
    title: &'a str,
    description: &'a str,
    owner: &'a str,
    priority: u8,
    kpis: List<'a, Kpi, KpiView<'a>>,
    /// Since schema 5.
    contributes_to: &'a str,
}

impl<'a> From<&'a Goal> for GoalView<'a> {
    fn from(goal: &'a Goal) -> Self {
        let Goal {
            id,
            code,
            title,
            description,
            owner,
            priority,
            kpis,
            contributes_to,
        } = goal;
        GoalView {
            id,
            code,
            title,
            description,
            owner,
            priority: *priority,
            kpis: Each(kpis.iter().map(KpiView::from as fn(&'a Kpi) -> KpiView<'a>)),
            contributes_to,
        }
    }
}

#[derive(Serialize)]
#[serde(rename = "Kpi")]
struct KpiView<'a> {
    id: &'a str,
    name: &'a str,
    unit: &'a str,
    baseline: Option<f64>,
    target: Option<f64>,
    /// Since schema 4, and only when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    target_change: Option<f64>,
    /// Since schema 4, and only when set.
    #[serde(skip_serializing_if = "str::is_empty")]
    target_note: &'a str,
    direction: Direction,
    readings: &'a [Reading],
    confidential: bool,
}

impl<'a> From<&'a Kpi> for KpiView<'a> {
    fn from(kpi: &'a Kpi) -> Self {
        let Kpi {
            id,
            name,
            unit,
            baseline,
            target,
            target_change,
            target_note,
            direction,
            readings,
            confidential,
        } = kpi;
        KpiView {
            id,
            name,
            unit,
            baseline: *baseline,
            target: *target,
            target_change: *target_change,
            target_note,
            direction: *direction,
            readings,
            confidential: *confidential,
        }
    }
}

#[derive(Serialize)]
#[serde(rename = "Initiative")]
struct InitiativeView<'a> {
    id: &'a InitiativeId,
    title: &'a str,
    summary: &'a str,
    it_owner: &'a str,
    sponsor: &'a str,
    serves: &'a [GoalLink],
    champion: &'a str,
    status: Status,
    kind: Kind,
    target: &'a Target,
    done_on: Option<NaiveDate>,
    tags: &'a [String],
    notes: &'a str,
    rank: i32,
    created: DateTime<Utc>,
    updated: DateTime<Utc>,
    target_log: List<'a, TargetChange, TargetChangeView<'a>>,
    /// Left out when empty, as in every export since schema 3.
    #[serde(skip_serializing_if = "Option::is_none")]
    case: Option<CaseView<'a>>,
    risks: List<'a, Risk, RiskView<'a>>,
    deliverables: List<'a, Deliverable, DeliverableView<'a>>,
    needs: &'a [InitiativeId],
}

impl<'a> From<&'a Initiative> for InitiativeView<'a> {
    fn from(initiative: &'a Initiative) -> Self {
        let Initiative {
            id,
            title,
            summary,
            it_owner,
            sponsor,
            serves,
            legacy_goals: _, // moved into `serves` on load, never written
            champion,
            status,
            kind,
            target,
            done_on,
            tags,
            notes,
            rank,
            created,
            updated,
            target_log,
            case,
            risks,
            deliverables,
            needs,
        } = initiative;
        InitiativeView {
            id,
            title,
            summary,
            it_owner,
            sponsor,
            serves,
            champion,
            status: *status,
            kind: *kind,
            target,
            done_on: *done_on,
            tags,
            notes,
            rank: *rank,
            created: *created,
            updated: *updated,
            target_log: Each(target_log.iter().map(TargetChangeView::from as fn(_) -> _)),
            case: (!case.is_empty()).then(|| CaseView::from(case)),
            risks: Each(risks.iter().map(RiskView::from as fn(_) -> _)),
            deliverables: Each(deliverables.iter().map(DeliverableView::from as fn(_) -> _)),
            needs,
        }
    }
}

#[derive(Serialize)]
#[serde(rename = "TargetChange")]
struct TargetChangeView<'a> {
    on: NaiveDate,
    from: &'a Target,
    to: &'a Target,
    /// Only when someone said, as in every export since schema 3.
    #[serde(skip_serializing_if = "str::is_empty")]
    reason: &'a str,
}

impl<'a> From<&'a TargetChange> for TargetChangeView<'a> {
    fn from(change: &'a TargetChange) -> Self {
        let TargetChange {
            on,
            from,
            to,
            reason,
        } = change;
        TargetChangeView {
            on: *on,
            from,
            to,
            reason,
        }
    }
}

#[derive(Serialize)]
#[serde(rename = "BusinessCase")]
struct CaseView<'a> {
    if_not: &'a str,
    brings: &'a str,
    hours_lost_per_month: Option<f64>,
    revenue_at_stake: Option<f64>,
    politics: &'a str,
    cost: Option<f64>,
    benefit: &'a str,
    confidential: bool,
}

impl<'a> From<&'a BusinessCase> for CaseView<'a> {
    fn from(case: &'a BusinessCase) -> Self {
        let BusinessCase {
            if_not,
            brings,
            hours_lost_per_month,
            revenue_at_stake,
            politics,
            cost,
            benefit,
            confidential,
        } = case;
        CaseView {
            if_not,
            brings,
            hours_lost_per_month: *hours_lost_per_month,
            revenue_at_stake: *revenue_at_stake,
            politics,
            cost: *cost,
            benefit,
            confidential: *confidential,
        }
    }
}

#[derive(Serialize)]
#[serde(rename = "Risk")]
struct RiskView<'a> {
    id: &'a str,
    title: &'a str,
    likelihood: u8,
    impact: u8,
    owner: &'a str,
    mitigation: &'a str,
    status: RiskStatus,
    raised: NaiveDate,
    confidential: bool,
}

impl<'a> From<&'a Risk> for RiskView<'a> {
    fn from(risk: &'a Risk) -> Self {
        let Risk {
            id,
            title,
            likelihood,
            impact,
            owner,
            mitigation,
            status,
            raised,
            confidential,
        } = risk;
        RiskView {
            id,
            title,
            likelihood: *likelihood,
            impact: *impact,
            owner,
            mitigation,
            status: *status,
            raised: *raised,
            confidential: *confidential,
        }
    }
}

#[derive(Serialize)]
#[serde(rename = "Deliverable")]
struct DeliverableView<'a> {
    title: &'a str,
    date: NaiveDate,
    done: bool,
}

impl<'a> From<&'a Deliverable> for DeliverableView<'a> {
    fn from(deliverable: &'a Deliverable) -> Self {
        let Deliverable { title, date, done } = deliverable;
        DeliverableView {
            title,
            date: *date,
            done: *done,
        }
    }
}

#[derive(Serialize)]
#[serde(rename = "Decision")]
struct DecisionView<'a> {
    id: &'a str,
    text: &'a str,
    session: NaiveDate,
    link: Option<&'a Link>,
    created: DateTime<Utc>,
}

impl<'a> From<&'a Decision> for DecisionView<'a> {
    fn from(decision: &'a Decision) -> Self {
        let Decision {
            id,
            text,
            session,
            link,
            created,
        } = decision;
        DecisionView {
            id,
            text,
            session: *session,
            link: link.as_ref(),
            created: *created,
        }
    }
}

#[derive(Serialize)]
#[serde(rename = "Action")]
struct ActionView<'a> {
    id: &'a str,
    text: &'a str,
    owner: &'a str,
    due: Option<NaiveDate>,
    link: Option<&'a Link>,
    session: NaiveDate,
    done_on: Option<NaiveDate>,
    created: DateTime<Utc>,
}

impl<'a> From<&'a Action> for ActionView<'a> {
    fn from(action: &'a Action) -> Self {
        let Action {
            id,
            text,
            owner,
            due,
            link,
            session,
            done_on,
            created,
        } = action;
        ActionView {
            id,
            text,
            owner,
            due: *due,
            link: link.as_ref(),
            session: *session,
            done_on: *done_on,
            created: *created,
        }
    }
}

#[derive(Serialize)]
#[serde(rename = "CheckIn")]
struct CheckInView<'a> {
    id: &'a str,
    on: NaiveDate,
    business_who: &'a str,
    business: RatingView<'a>,
    it: RatingView<'a>,
    actions: &'a [String],
}

impl<'a> From<&'a CheckIn> for CheckInView<'a> {
    fn from(checkin: &'a CheckIn) -> Self {
        let CheckIn {
            id,
            on,
            business_who,
            business,
            it,
            actions,
        } = checkin;
        CheckInView {
            id,
            on: *on,
            business_who,
            business: business.into(),
            it: it.into(),
            actions,
        }
    }
}

#[derive(Serialize)]
#[serde(rename = "Rating")]
struct RatingView<'a> {
    score: u8,
    why: &'a str,
    closer: &'a str,
}

impl<'a> From<&'a Rating> for RatingView<'a> {
    fn from(rating: &'a Rating) -> Self {
        let Rating { score, why, closer } = rating;
        RatingView {
            score: *score,
            why,
            closer,
        }
    }
}
