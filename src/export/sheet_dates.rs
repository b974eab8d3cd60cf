//! Dates in a sheet: targets as plans write them (`Q3 2027`, `FY2027`, `later`) but never
//! relative to the day of the import, the target a horizon-only row gets, and the target
//! history rebuilt from `first_target` and `slips`.

use super::table::{Row, RowError};
use crate::domain::dates::parse_target;
use crate::domain::{Calendar, Horizon, Span, Target, TargetChange};
use chrono::NaiveDate;

pub(super) fn date_cell(
    row: &Row,
    column: &str,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, RowError> {
    row.text(column)
        .map(|t| sheet_date(t, today).map_err(|e| row.error(column, e)))
        .transpose()
}

pub(super) fn target_cell(
    row: &Row,
    column: &str,
    today: NaiveDate,
    cal: &Calendar,
) -> Result<Option<Target>, RowError> {
    row.text(column)
        .map(|t| sheet_target(t, today, cal).map_err(|e| row.error(column, e)))
        .transpose()
}

/// A date in a sheet: any form of the grammar except those relative to today (`+2w`, `fri`,
/// `eom`), which would move each time the same sheet is imported. A period gives its last
/// day.
pub(super) fn sheet_date(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    sheet_target(text, today, &Calendar::default())?
        .due()
        .ok_or_else(|| format!("'{}' leaves it unscheduled: this needs a date", text.trim()))
}

/// A target in a sheet: a day, a period kept as written (`Q3 2027`, `FY2027` with the
/// roadmap's fiscal year), or `later`; never a form relative to today.
pub(super) fn sheet_target(text: &str, today: NaiveDate, cal: &Calendar) -> Result<Target, String> {
    let target = parse_target(text, today, cal).map_err(|e| e.to_string())?;
    let later = today
        .checked_add_days(chrono::Days::new(400))
        .unwrap_or(today);
    if parse_target(text, later, cal).ok() != Some(target) {
        return Err(format!(
            "'{}' is relative to today and would move each time the sheet is imported: write the date ({})",
            text.trim(),
            target.label_with_day(|d| d.to_string())
        ));
    }
    Ok(target)
}

/// The target a horizon-only row gets: the end of this or next week, the month after this
/// one as a month, and no date for Next year or Later (the sheet promised no day, and none
/// is invented).
pub(super) fn horizon_target(h: Horizon, today: NaiveDate) -> Target {
    match h {
        Horizon::Now | Horizon::NextWeek => Target::day(h.window_end(today)),
        Horizon::NextMonth => Target::Due {
            day: h.window_end(today),
            span: Span::Month,
        },
        Horizon::NextYear => Target::Later,
    }
}

/// A new initiative's history from the sheet: its first promised date and how many times it
/// moved later since, as target changes dated `today` (the sheet does not say when). The
/// slips are spread evenly from the first date to the target; when there is no room for them
/// (fewer days than slips, or a target now earlier than first promised), each is a day and a
/// pull-in to the target follows. First date, slip count and target come back exactly.
///
/// Unscheduled ends go through a dated step: to `later`, the slips but one lead to a day and
/// the last is the move to `later` (a move later too); from `later`, it is scheduled at the
/// target first and the slips follow.
pub(super) fn history(
    first: Target,
    target: Target,
    slips: usize,
    today: NaiveDate,
) -> Vec<TargetChange> {
    let change = |from, to| change_on(today, from, to);
    let mut out = Vec::new();
    match (first.due(), target.due()) {
        (Some(_), Some(_)) => return dated_history(first, target, slips, today),
        (None, None) if slips == 0 => return out,
        (None, _) => {
            let scheduled = if target.is_later() {
                Target::day(today)
            } else {
                target
            };
            out.push(change(first, scheduled));
            out.extend(history(scheduled, target, slips, today));
        }
        (Some(day), None) => {
            let before = slips.saturating_sub(1);
            let mid = u64::try_from(before)
                .ok()
                .filter(|n| *n > 0)
                .and_then(|n| day.checked_add_days(chrono::Days::new(n)))
                .map_or(first, Target::day);
            out.extend(dated_history(first, mid, before, today));
            out.push(change(mid, target));
        }
    }
    out
}

/// A target change dated `on` with no reason (the sheet gives none).
fn change_on(on: NaiveDate, from: Target, to: Target) -> TargetChange {
    TargetChange {
        on,
        from,
        to,
        reason: String::new(),
    }
}

/// [`history`] between two dated targets.
fn dated_history(
    first: Target,
    target: Target,
    slips: usize,
    today: NaiveDate,
) -> Vec<TargetChange> {
    let change = |from, to| change_on(today, from, to);
    let steps = i64::try_from(slips).unwrap_or(i64::MAX);
    let (Some(days), Some(first_day), Some(target_day)) =
        (first.days_to(&target), first.due(), target.due())
    else {
        return Vec::new();
    };
    if steps == 0 {
        return if first == target {
            Vec::new()
        } else {
            vec![change(first, target)]
        };
    }
    let day = |d: NaiveDate, n: i64| {
        d.checked_add_signed(chrono::Duration::days(n))
            .map(Target::day)
    };
    let mut out = Vec::new();
    if days >= steps {
        // Room for them: spread evenly (in i128, days × n cannot overflow); the last step
        // lands on the target as written (a period keeps its span).
        let mut from = first;
        for n in 1..=steps {
            let ahead = i128::from(days) * i128::from(n) / i128::from(steps);
            let to = if n == steps {
                Some(target)
            } else {
                i64::try_from(ahead).ok().and_then(|a| day(first_day, a))
            };
            let Some(to) = to else {
                break;
            };
            out.push(change(from, to));
            from = to;
        }
        return out;
    }
    // No room: a pull-in to `steps` days before the target, then a day's slip each (or,
    // at the calendar's start, the slips first and the pull-in after).
    let (base, pull_in_first) = match day(target_day, -steps) {
        Some(base) => (base, true),
        None => (first, false),
    };
    let base_day = base.due().unwrap_or(first_day);
    let mut from = first;
    if pull_in_first && first != base {
        out.push(change(first, base));
        from = base;
    }
    for n in 1..=steps {
        let Some(to) = day(base_day, n) else {
            break;
        };
        out.push(change(from, to));
        from = to;
    }
    if from != target {
        out.push(change(from, target));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn t(s: &str) -> Target {
        Target::day(d(s))
    }

    #[test]
    fn a_slip_history_is_spread_from_the_first_date_to_the_target() {
        let log = history(t("2027-01-31"), t("2027-04-30"), 3, d("2027-05-01"));
        assert_eq!(log.len(), 3);
        assert_eq!(log[0].from, t("2027-01-31"));
        assert_eq!(log.last().unwrap().to, t("2027-04-30"));
        assert!(log.iter().all(|c| c.is_slip()));
        assert!(log.windows(2).all(|w| w[0].to == w[1].from));
        assert!(history(t("2027-01-31"), t("2027-01-31"), 0, d("2027-05-01")).is_empty());
        let pulled_in = history(t("2027-03-31"), t("2027-01-31"), 0, d("2027-05-01"));
        assert_eq!(pulled_in.len(), 1);
        // No room for nine slips in two days, or slips ending earlier than first promised:
        // a day each, then the pull-in.
        for (first, target) in [("2027-01-01", "2027-01-03"), ("2027-03-31", "2027-01-31")] {
            let log = history(t(first), t(target), 9, d("2027-05-01"));
            assert_eq!(log.iter().filter(|c| c.is_slip()).count(), 9);
            assert_eq!((log[0].from, log.last().unwrap().to), (t(first), t(target)));
        }
    }

    #[test]
    fn a_history_to_or_from_later_keeps_its_first_target_and_slip_count() {
        let q3: Target = "Q3 2027".parse().unwrap();
        for (first, target, slips) in [
            (q3, Target::Later, 1),
            (q3, Target::Later, 4),
            (Target::Later, q3, 2),
            (Target::Later, Target::Later, 3),
            (t("2027-01-31"), Target::Later, 0),
        ] {
            let log = history(first, target, slips, d("2027-05-01"));
            let slipped = log.iter().filter(|c| c.is_slip()).count();
            // A move from a day to later is a slip itself, so none asked for still gives one.
            let want = if first.due().is_some() && target.is_later() {
                slips.max(1)
            } else {
                slips
            };
            assert_eq!(slipped, want, "{first} → {target} × {slips}");
            assert_eq!(log.first().map(|c| c.from), Some(first));
            assert_eq!(log.last().map(|c| c.to), Some(target));
            assert!(log.windows(2).all(|w| w[0].to == w[1].from));
        }
    }

    #[test]
    fn relative_dates_are_refused_in_a_sheet_and_absolute_ones_read() {
        let today = d("2026-12-01");
        assert_eq!(sheet_date("Q3 2027", today), Ok(d("2027-09-30")));
        assert_eq!(sheet_date("31.12.2026", today), Ok(d("2026-12-31")));
        for relative in ["+2w", "fri", "eom", "next-month", "today"] {
            let err = sheet_date(relative, today).unwrap_err();
            assert!(err.contains("relative to today"), "{relative}: {err}");
        }
    }
}
