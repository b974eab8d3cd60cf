//! The public copy of a roadmap: what may be shown to people outside the planning room. The
//! contract's internal fields (cost, benefit, politics, notes) are emptied; KPIs and risks
//! marked confidential are left out; a confidential business case is emptied whole.

use super::business::BusinessCase;
use super::model::Roadmap;

/// A copy of `roadmap` without anything internal or confidential.
pub fn public_copy(roadmap: &Roadmap) -> Roadmap {
    let mut out = roadmap.clone();
    for goal in &mut out.goals {
        goal.kpis.retain(|k| !k.confidential);
    }
    for i in &mut out.initiatives {
        i.notes.clear();
        i.risks.retain(|r| !r.confidential);
        if i.case.confidential {
            i.case = BusinessCase::default();
        } else {
            i.case.cost = None;
            i.case.benefit.clear();
            i.case.politics.clear();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, NaiveDate, Utc};

    #[test]
    fn internal_and_confidential_parts_are_gone_and_the_rest_stays() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut r =
            crate::sample::sample(today, DateTime::<Utc>::from_timestamp(0, 0).unwrap()).unwrap();
        r.goals[0].kpis[1].confidential = true;
        r.initiatives[1].risks[0].confidential = true;
        r.initiatives[2].case.confidential = true;
        let p = public_copy(&r);
        assert_eq!(p.goals[0].kpis.len(), 1);
        assert!(p.initiatives[1].risks.is_empty());
        assert!(p.initiatives[2].case.is_empty());
        assert!(p.initiatives.iter().all(|i| i.notes.is_empty()
            && i.case.cost.is_none()
            && i.case.politics.is_empty()
            && i.case.benefit.is_empty()));
        assert_eq!(p.initiatives[0].case.if_not, r.initiatives[0].case.if_not);
        assert_eq!(p.initiatives.len(), r.initiatives.len());
    }
}
