//! The roadmap domain: goals, initiatives, horizons and date math (serde, serde_json for merge
//! conflict values, chrono; no I/O).

pub mod alignment;
pub mod business;
pub mod capture;
pub mod checkin;
pub mod conflict;
pub mod dates;
pub mod decisions;
pub mod diff;
pub mod horizon;
pub mod ids;
pub mod items;
pub mod marks;
pub mod model;
pub mod parse;
pub mod people;
pub mod periods;
pub mod portfolio;
pub mod prefs;
pub mod public;
pub mod query;
pub mod review;
pub mod tally;
pub mod target;
pub mod validate;

pub use dates::DATE_FORMS_HELP;
pub use horizon::Horizon;
pub use ids::{GoalId, IdGen, InitiativeId};
pub use items::Items;
pub use model::{Goal, Initiative, Kind, Roadmap, SCHEMA_VERSION, Status, TargetChange};
pub use target::{Calendar, DayOrder, Span, Target};

/// True when a value is its type's default: such fields are left out of the roadmap file
/// (and read back as the default), so a file holds what was set and little else.
pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// `n` with the noun for that many: `counted(1, "goal", "goals")` is "1 goal", 0 and 2 take
/// the plural.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_takes_the_singular_and_every_other_count_the_plural() {
        assert_eq!(super::counted(1, "goal", "goals"), "1 goal");
        assert_eq!(super::counted(0, "goal", "goals"), "0 goals");
        assert_eq!(super::counted(2, "check-in", "check-ins"), "2 check-ins");
    }
}
