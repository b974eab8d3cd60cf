//! KPI pieces shared by the goals tab, the goal detail and presentation: a progress gauge,
//! a sparkline of the readings, and one-line summaries of a KPI and of a goal's risks.

use super::text::clean;
use super::theme::Theme;
use crate::app::forms::entries::show_number;
use crate::domain::alignment::{Exposure, percent};
use crate::domain::business::{Direction, Kpi};
use chrono::NaiveDate;
use ratatui::text::{Line, Span};

const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// A gauge of `cells` cells for a progress fraction: `███░░░░░░░`. Beyond the ends it
/// shows full or empty; the percentage beside it tells the real value.
pub fn gauge(progress: Option<f64>, cells: usize) -> String {
    let Some(p) = progress.filter(|p| p.is_finite()) else {
        return "·".repeat(cells);
    };
    let filled = (p.clamp(0.0, 1.0) * cells as f64).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(cells - filled))
}

/// The last `max` readings as block characters, lowest to highest: `▁▃▄▆█`.
pub fn sparkline(kpi: &Kpi, max: usize) -> String {
    let values: Vec<f64> = kpi
        .readings
        .iter()
        .rev()
        .take(max)
        .rev()
        .map(|r| r.value)
        .collect();
    let (lo, hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    values
        .iter()
        .map(|v| {
            if hi > lo {
                let level = ((v - lo) / (hi - lo) * 7.0).round() as usize;
                BLOCKS[level.min(7)]
            } else {
                BLOCKS[3]
            }
        })
        .collect()
}

/// The goal's KPIs the current view may show (confidential ones are hidden in public).
pub fn visible_kpis<'a>(app: &crate::app::App, goal: &'a crate::domain::Goal) -> Vec<&'a Kpi> {
    goal.kpis
        .iter()
        .filter(|k| !(app.view.public && k.confidential))
        .collect()
}

/// "37 days" or "37" when there is no unit.
pub fn value(n: f64, unit: &str) -> String {
    let n = if n.abs() >= 100.0 {
        format!("{n:.0}")
    } else {
        show_number((n * 100.0).round() / 100.0)
    };
    format!("{n}{}", crate::export::svg::unit_after(&clean(unit)))
}

/// How long ago the last reading was: "today", "6d ago", "never".
pub fn freshness(kpi: &Kpi, today: NaiveDate) -> String {
    match kpi.days_since_reading(today) {
        None => "never measured".into(),
        Some(0) => "today".into(),
        Some(d) if d < 0 => "future date?".into(),
        Some(d) => format!("{d}d ago"),
    }
}

/// Columns a KPI line needs besides the name (less [`KPI_RANGE`] when compact): a space, the
/// value (8), the range, the gauge (10), the percentage (7), the trend (9) and the age of the
/// last reading (up to "never measured", 14).
pub const KPI_LINE_REST: usize = 66;

/// Columns of the "↓ 41 → 33" part.
pub const KPI_RANGE: usize = 17;

/// Columns a compact line (under 90 wide) saves: the trend (9) goes, and the age of the last
/// reading takes 8 ("never" for never measured). Baseline → target stays: it is what the
/// business asks about first.
const COMPACT_SAVES: usize = 9 + 6;

/// Columns a KPI line needs besides the name: [`KPI_LINE_REST`], less what a compact one
/// leaves out.
pub fn kpi_rest(compact: bool) -> usize {
    KPI_LINE_REST - if compact { COMPACT_SAVES } else { 0 }
}

/// The heading over KPI lines, its columns where [`kpi_line`] puts them.
pub fn kpi_heading(name_width: usize, compact: bool) -> String {
    let (trend, age) = if compact {
        ("", "reading")
    } else {
        ("trend    ", "last reading")
    };
    format!(
        "{:<name_width$} {:>7} {:<w$}{:<10} {:>4}  {trend}{age}",
        "KPI",
        "now",
        "↑↓ base → target",
        "progress",
        "",
        w = KPI_RANGE
    )
}

/// One KPI on one line: name (unit), current value, baseline → target with the better
/// direction, gauge, progress %, trend of the readings, age of the last reading.
/// `name_width` aligns the names of several KPIs.
pub fn kpi_line(
    kpi: &Kpi,
    today: NaiveDate,
    name_width: usize,
    compact: bool,
    theme: &Theme,
) -> Line<'static> {
    let arrow = match kpi.direction {
        Direction::HigherIsBetter => "↑",
        Direction::LowerIsBetter => "↓",
    };
    // The value aimed for (a relative target shows where it lands), else the plan's words.
    let target = match (kpi.aim(), kpi.target_note.trim()) {
        (Some(aim), _) => value(aim, ""),
        (None, "") if kpi.target_change.is_some() => "base+?".into(),
        (None, "") => "no target".into(),
        (None, note) => note.to_string(),
    };
    let progress = kpi.progress();
    let pct = progress.map_or_else(|| "n/a".to_string(), percent);
    let stale = kpi.days_since_reading(today).is_none_or(|d| d > 30);
    let name = super::text::fit(&clean(&kpi.label()), name_width);
    let range = format!(
        "{:<w$}",
        // A target in words is cut to fit: the detail and exports carry it whole.
        super::text::fit(
            &format!(
                "{arrow} {} → {target}",
                kpi.baseline.map_or_else(|| "?".into(), |b| value(b, ""))
            ),
            KPI_RANGE - 1
        ),
        w = KPI_RANGE
    );
    let trend = if compact {
        String::new()
    } else {
        format!("{:<8} ", sparkline(kpi, 8))
    };
    let age = match (compact, kpi.days_since_reading(today)) {
        (true, None) => "never".to_string(),
        _ => freshness(kpi, today),
    };
    Line::from(vec![
        Span::styled(format!("{name:<name_width$} "), theme.text),
        Span::styled(
            format!(
                "{:>7} ",
                kpi.current().map_or_else(|| "–".into(), |v| value(v, ""))
            ),
            theme.strong,
        ),
        Span::styled(range, theme.dim),
        Span::styled(gauge(progress, 10), theme.code),
        Span::styled(format!(" {pct:>4}  "), theme.strong),
        Span::styled(trend, theme.code),
        Span::styled(age, if stale { theme.alert } else { theme.dim }),
    ])
}

/// The risk roll-up of a goal in words, e.g. "risks: 3 open · 1 high, 1 without mitigation".
pub fn exposure_text(e: &Exposure) -> String {
    match (e.open, e.high, e.unmitigated) {
        (0, ..) => "no open risks".into(),
        (open, 0, _) => format!("{open} open risk{} (none high)", plural(open)),
        (open, high, 0) => format!("{open} open risk{} · {high} high, mitigated", plural(open)),
        (open, high, un) => format!(
            "{open} open risk{} · {high} high · {un} WITHOUT MITIGATION",
            plural(open)
        ),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::business::Reading;

    #[test]
    fn gauge_fills_by_progress_and_clamps_at_the_ends() {
        assert_eq!(gauge(Some(0.5), 10), "█████░░░░░");
        assert_eq!(gauge(Some(1.7), 4), "████");
        assert_eq!(gauge(Some(-0.2), 4), "░░░░");
        assert_eq!(gauge(None, 3), "···");
    }

    #[test]
    fn sparkline_scales_the_latest_readings() {
        let on = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let kpi = Kpi {
            id: "k".into(),
            name: "n".into(),
            unit: String::new(),
            baseline: Some(0.0),
            target: None,
            target_change: None,
            target_note: String::new(),
            direction: Direction::HigherIsBetter,
            readings: (1..=10)
                .map(|d| Reading {
                    on: on(d),
                    value: f64::from(d),
                })
                .collect(),
            confidential: false,
        };
        assert_eq!(sparkline(&kpi, 8), "▁▂▃▄▅▆▇█");
        assert_eq!(sparkline(&kpi, 2), "▁█");
    }
}
