//! Charts in the terminal (ratatui's `Chart`, braille): a KPI's readings over dated time
//! with its baseline (dotted) and target (solid) lines, and both sides' check-in scores.
//! Where the room is too small for a readable chart the caller keeps the sparkline and the
//! numbers instead: a chart is drawn at [`MIN_WIDTH`] × [`ROWS`] or not at all.

use super::kpi::value;
use super::text::clean;
use super::theme::Theme;
use crate::domain::business::Kpi;
use crate::domain::checkin::{CheckIn, chronological};
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, LegendPosition, Widget};

/// Rows a chart takes, its two title lines (what it shows, its key) included.
pub const ROWS: u16 = 12;
/// The narrowest a chart is drawn.
pub const MIN_WIDTH: u16 = 50;

/// True when a chart fits in `area`.
pub fn fits(area: Rect) -> bool {
    area.width >= MIN_WIDTH && area.height >= ROWS
}

fn day_x(d: NaiveDate) -> f64 {
    f64::from(chrono::Datelike::num_days_from_ce(&d))
}

/// A level line across the whole time axis: a continuous one (drawn in dots, the target),
/// or a sparse one of `dots` separate dots (the baseline).
fn level(from: f64, to: f64, y: f64, dots: Option<u16>) -> Vec<(f64, f64)> {
    let Some(steps) = dots else {
        return vec![(from, y), (to, y)];
    };
    (0..=steps)
        .map(|n| (from + (to - from) * f64::from(n) / f64::from(steps), y))
        .collect()
}

/// The value range shown: the data's, widened to round values (the HTML charts' rule).
fn bounds(values: impl Iterator<Item = f64>) -> [f64; 2] {
    let (lo, hi) = values
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
    if !lo.is_finite() {
        return [0.0, 1.0];
    }
    let (lo, hi) = crate::export::svg::round_range(lo, hi);
    [lo, hi]
}

fn date_labels(from: NaiveDate, to: NaiveDate) -> Vec<Line<'static>> {
    let mid = from + chrono::Days::new(((to - from).num_days() / 2).max(0) as u64);
    [from, mid, to]
        .iter()
        .map(|d| Line::raw(d.format("%-d %b %y").to_string()))
        .collect()
}

fn value_labels(range: [f64; 2], unit: &str) -> Vec<Line<'static>> {
    let mid = (range[0] + range[1]) / 2.0;
    [range[0], mid, range[1]]
        .iter()
        .map(|v| Line::raw(value(*v, unit)))
        .collect()
}

/// Draws a KPI's chart in `area` (a title line, then the chart); nothing when it does not
/// fit or the KPI has no reading.
pub fn kpi(kpi: &Kpi, today: NaiveDate, area: Rect, buf: &mut Buffer, theme: &Theme) {
    if !fits(area) || kpi.readings.is_empty() {
        return;
    }
    let mut readings: Vec<(f64, f64)> = kpi
        .readings
        .iter()
        .filter(|r| r.value.is_finite())
        .map(|r| (day_x(r.on), r.value))
        .collect();
    readings.sort_by(|a, b| a.0.total_cmp(&b.0));
    let first = kpi.readings.iter().map(|r| r.on).min().unwrap_or(today);
    let last = today.max(kpi.readings.iter().map(|r| r.on).max().unwrap_or(today));
    let (x0, x1) = (day_x(first), day_x(last).max(day_x(first) + 1.0));
    let base = kpi.baseline.filter(|b| b.is_finite());
    let aim = kpi.aim().filter(|t| t.is_finite());
    let range = bounds(readings.iter().map(|r| r.1).chain(base).chain(aim));
    let unit = clean(&kpi.unit).into_owned();
    let base_line = base.map(|b| level(x0, x1, b, Some(area.width / 4)));
    let aim_line = aim.map(|t| level(x0, x1, t, None));
    let mut sets = vec![
        Dataset::default()
            .name("readings")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.strong)
            .data(&readings),
    ];
    if let (Some(line), Some(b)) = (&base_line, base) {
        sets.push(
            Dataset::default()
                .name(format!("baseline {}", value(b, "")))
                .marker(Marker::Dot)
                .graph_type(GraphType::Scatter)
                .style(theme.dim)
                .data(line),
        );
    }
    if let (Some(line), Some(t)) = (&aim_line, aim) {
        sets.push(
            Dataset::default()
                .name(format!("target {}", value(t, "")))
                .marker(Marker::Dot)
                .graph_type(GraphType::Line)
                .style(theme.code)
                .data(line),
        );
    }
    let arrow = match kpi.direction {
        crate::domain::business::Direction::HigherIsBetter => " ↑",
        crate::domain::business::Direction::LowerIsBetter => " ↓",
    };
    let title = Line::from(vec![
        Span::styled(clean(&kpi.label()).into_owned(), theme.strong),
        Span::styled(arrow, theme.dim),
    ]);
    let mut key = vec![Span::styled("⠤⠒ readings", theme.strong)];
    if let Some(t) = aim {
        key.push(Span::styled(
            format!("  ••• target {}", value(t, "")),
            theme.code,
        ));
    }
    if let Some(b) = base {
        key.push(Span::styled(
            format!("  • • baseline {}", value(b, "")),
            theme.dim,
        ));
    }
    draw(
        [title, Line::from(key)],
        sets,
        ([x0, x1], date_labels(first, last)),
        (range, value_labels(range, &unit)),
        area,
        buf,
        theme,
    );
}

/// Draws both sides' check-in scores over time (business bold, IT in the code colour);
/// nothing when it does not fit or there are fewer than two check-ins.
pub fn checkins(list: &[CheckIn], area: Rect, buf: &mut Buffer, theme: &Theme) {
    let ordered = chronological(list);
    if !fits(area) || ordered.len() < 2 {
        return;
    }
    let side = |score: fn(&CheckIn) -> u8| -> Vec<(f64, f64)> {
        ordered
            .iter()
            .map(|c| (day_x(c.on), f64::from(score(c))))
            .collect()
    };
    let business = side(|c| c.business.score);
    let it = side(|c| c.it.score);
    let (first, last) = (ordered[0].on, ordered[ordered.len() - 1].on);
    let sets = vec![
        Dataset::default()
            .name("business")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.strong)
            .data(&business),
        Dataset::default()
            .name("IT")
            .marker(Marker::Dot)
            .graph_type(GraphType::Line)
            .style(theme.code)
            .data(&it),
    ];
    let labels = ["0", "5", "10"].iter().map(|s| Line::raw(*s)).collect();
    draw(
        [
            Line::styled("Check-in scores over time (1-10)", theme.strong),
            Line::from(vec![
                Span::styled("⠤⠒ business", theme.strong),
                Span::styled("  ••• IT", theme.code),
            ]),
        ],
        sets,
        ([day_x(first), day_x(last)], date_labels(first, last)),
        ([0.0, 10.0], labels),
        area,
        buf,
        theme,
    );
}

type AxisSpec = ([f64; 2], Vec<Line<'static>>);

fn draw(
    title: [Line<'_>; 2],
    sets: Vec<Dataset<'_>>,
    x: AxisSpec,
    y: AxisSpec,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    for (n, line) in (0u16..).zip(&title) {
        buf.set_line(area.x, area.y + n, line, area.width);
    }
    let rest = Rect::new(area.x, area.y + 2, area.width, area.height - 2);
    Chart::new(sets)
        .x_axis(Axis::default().bounds(x.0).labels(x.1).style(theme.dim))
        .y_axis(Axis::default().bounds(y.0).labels(y.1).style(theme.dim))
        // The key is in the title line: a legend box would hide data.
        .legend_position(None::<LegendPosition>)
        .style(Style::default())
        .render(rest, buf);
}
