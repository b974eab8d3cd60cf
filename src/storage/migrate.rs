//! Schema migrations, oldest first. A file of an older version is read into today's model
//! (new fields default to empty) and brought up to [`SCHEMA_VERSION`] here. The file itself is
//! rewritten only by the first save, which is always preceded by a backup of the file as it
//! was loaded: that backup is the pre-migration copy.

use crate::domain::business::GoalLink;
use crate::domain::{Roadmap, SCHEMA_VERSION};

/// Brings a roadmap read from any released version up to the current one. Migrating a
/// current roadmap changes nothing.
pub fn migrate(mut roadmap: Roadmap) -> Roadmap {
    if roadmap.version == 1 {
        // 1 → 2: decisions and action items arrive, empty.
        roadmap.version = 2;
    }
    if roadmap.version == 2 {
        // 2 → 3: goal links gain a strength. Every old link meant "serves this goal", so it
        // becomes a strong link. KPIs, business cases, risks, deliverables and dependencies
        // arrive empty.
        for initiative in &mut roadmap.initiatives {
            for goal in std::mem::take(&mut initiative.legacy_goals) {
                if !initiative.serves_goal(&goal) {
                    initiative.serves.push(GoalLink::strong(goal));
                }
            }
        }
        roadmap.version = 3;
    }
    if roadmap.version == 3 {
        // 3 → 4: a target may be a period or `later`, and a KPI may lack a baseline. Every
        // version 3 target is a day (`2027-03-31` reads as one) and every baseline a number,
        // so nothing changes but the version; the calendar settings arrive at their defaults.
        roadmap.version = 4;
    }
    if roadmap.version == 4 {
        // 4 → 5: goals may name a company goal, merges may leave conflicts; both arrive
        // empty. The next save writes initiatives sorted by id.
        roadmap.version = 5;
    }
    debug_assert!(
        roadmap.version == SCHEMA_VERSION,
        "a migration step is missing"
    );
    roadmap
}
