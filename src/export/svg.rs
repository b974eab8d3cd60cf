//! Line charts as inline SVG for the HTML export and the review report: values over dated
//! time, with level lines (a KPI's baseline and target). No scripts, no external resources.
//! Black and white on paper: series differ by dash and marker, never by colour alone, and
//! every point carries its date and value as a `<title>` (read out by screen readers, and
//! by the tests that parse the chart back).

use super::xml::escape;
use chrono::{Datelike, Months, NaiveDate};
use std::fmt::Write;

/// The drawing's size in SVG units (the page scales it to its width).
pub const WIDTH: f64 = 640.0;
/// The drawing's height.
pub const HEIGHT: f64 = 220.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 120.0;
const TOP: f64 = 26.0;
const BOTTOM: f64 = 28.0;
/// How wide one character of chart text is taken to be, at the chart's 11-unit font (a
/// generous average, so labels laid out by it stay inside the drawing).
pub const CHAR_WIDTH: f64 = 6.6;

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// A solid line with round markers.
    Solid,
    /// A dashed line with square markers.
    Dashed,
}

/// One line of dated values.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Its name in the legend ("readings", "business").
    pub name: String,
    /// Its points, oldest first.
    pub points: Vec<(NaiveDate, f64)>,
    /// How it is drawn.
    pub look: Look,
}

/// A horizontal line across the chart at a value (a baseline, a target).
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    /// Its name ("baseline", "target").
    pub name: String,
    /// The value.
    pub value: f64,
    /// True for the target (long dashes), false for the baseline (dots).
    pub target: bool,
}

/// A chart: its series, its level lines, and how values read.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// What it shows, for the accessible name ("Days sales outstanding (days)").
    pub title: String,
    /// The lines of values.
    pub series: Vec<Series>,
    /// The level lines.
    pub levels: Vec<Level>,
    /// A fixed value range (check-in scores 0..10, shares 0..100), else from the data.
    pub range: Option<(f64, f64)>,
    /// Put after values in point titles ("days", "%").
    pub unit: String,
    /// The days the time axis must include besides the points (today, a period's start).
    pub also: Vec<NaiveDate>,
    /// Marks this day with a vertical line labelled "today".
    pub today: Option<NaiveDate>,
    /// Writes each point's value beside it (a few points to be read off paper).
    pub values: bool,
}

/// A value as charts write it: whole numbers plain, others to two decimals at most.
pub fn number(v: f64) -> String {
    if v.abs() >= 1000.0 {
        format!("{v:.0}")
    } else {
        let rounded = (v * 100.0).round() / 100.0;
        let text = format!("{rounded:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

pub use crate::domain::business::unit_after;

/// A value as an axis or a level line labels it, in at most 9 characters: `41`, `12.5k`,
/// `1.2M`, `3bn`.
pub fn short(v: f64) -> String {
    let a = v.abs();
    if a >= 1e9 {
        format!("{}bn", number(v / 1e9))
    } else if a >= 1e6 {
        format!("{}M", number(v / 1e6))
    } else if a >= 1e4 {
        format!("{}k", number(v / 1e3))
    } else {
        number(v)
    }
}

/// `lo..hi` widened to round values (1, 2 or 5 times a power of ten), as the charts' axes
/// run: `31..47` reads `30..50`.
pub fn round_range(lo: f64, hi: f64) -> (f64, f64) {
    let (lo, hi, _) = value_ticks(lo, hi);
    (lo, hi)
}

/// Nice ticks over `lo..hi`: a step of 1, 2 or 5 times a power of ten giving 3 to 6 ticks,
/// the range widened to whole steps.
fn value_ticks(lo: f64, hi: f64) -> (f64, f64, Vec<f64>) {
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        (lo - pad, hi + pad)
    };
    let rough = (hi - lo) / 4.0;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| (hi - lo) / s <= 5.0)
        .unwrap_or(10.0 * power);
    let first = (lo / step).floor() * step;
    let last = (hi / step).ceil() * step;
    let count = ((last - first) / step).round() as usize;
    let ticks = (0..=count).map(|n| first + step * n as f64).collect();
    (first, last, ticks)
}

/// Month ticks from the first of the month of `lo` to the first of a month on or after
/// `hi`, every 1, 2, 3, 6 or 12 months so that at most 7 ticks show.
fn date_ticks(lo: NaiveDate, hi: NaiveDate) -> Vec<NaiveDate> {
    let start = lo.with_day(1).unwrap_or(lo);
    let months = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let span = months(hi) - months(start) + 1;
    let step = [1, 2, 3, 6, 12, 24, 60]
        .into_iter()
        .find(|s| (span + s - 1) / s < 7)
        .unwrap_or(120);
    let mut ticks = vec![start];
    let mut at = start;
    while at <= hi {
        at = at
            .checked_add_months(Months::new(step as u32))
            .unwrap_or(NaiveDate::MAX);
        ticks.push(at);
    }
    ticks
}

/// Where values and days land in the drawing.
struct Scale {
    day0: NaiveDate,
    days: f64,
    lo: f64,
    hi: f64,
}

impl Scale {
    fn x(&self, d: NaiveDate) -> f64 {
        LEFT + (d - self.day0).num_days() as f64 / self.days * (WIDTH - LEFT - RIGHT)
    }

    fn y(&self, v: f64) -> f64 {
        HEIGHT - BOTTOM - (v - self.lo) / (self.hi - self.lo) * (HEIGHT - TOP - BOTTOM)
    }
}

/// Values a chart can place: finite and within ±10^15 (past that a reading is a typing
/// slip, and the axis arithmetic would lose its precision).
fn placeable(v: f64) -> bool {
    v.is_finite() && v.abs() <= 1e15
}

/// True when the chart has something to draw: at least one point it can place.
pub fn drawable(chart: &Chart) -> bool {
    chart
        .series
        .iter()
        .any(|s| s.points.iter().any(|p| placeable(p.1)))
}

/// The chart as an `<svg>` element (empty when it has no point).
pub fn svg(chart: &Chart) -> String {
    if !drawable(chart) {
        return String::new();
    }
    let days = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .chain(chart.also.iter().copied())
        .chain(chart.today);
    let (first, last) = days.fold((NaiveDate::MAX, NaiveDate::MIN), |(a, b), d| {
        (a.min(d), b.max(d))
    });
    let xticks = date_ticks(first, last);
    let values = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1))
        .chain(chart.levels.iter().map(|l| l.value))
        .filter(|v| placeable(*v));
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    let (lo, hi, yticks) = match chart.range {
        Some((a, b)) => {
            let (_, _, ticks) = value_ticks(a, b);
            (
                a,
                b,
                ticks.into_iter().filter(|t| *t >= a && *t <= b).collect(),
            )
        }
        None => value_ticks(lo, hi),
    };
    let day0 = xticks[0];
    let scale = Scale {
        day0,
        days: (xticks[xticks.len() - 1] - day0).num_days().max(1) as f64,
        lo,
        hi,
    };
    let mut out = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\" font-family=\"sans-serif\">\n",
        escape(&chart.title)
    );
    let percent = chart.unit == "%";
    axes(&mut out, &scale, &xticks, &yticks, percent);
    if let Some(day) = chart.today {
        let x = scale.x(day);
        let _ = writeln!(
            out,
            "<g class=\"today\"><line x1=\"{x:.1}\" y1=\"{TOP}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#777\" stroke-dasharray=\"1 2\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#555\">today</text></g>",
            HEIGHT - BOTTOM,
            x - 3.0,
            TOP + 11.0
        );
    }
    legend(&mut out, chart);
    let shown: Vec<Level> = chart
        .levels
        .iter()
        .filter(|l| placeable(l.value))
        .cloned()
        .collect();
    levels(&mut out, &scale, &shown);
    for series in &chart.series {
        let series = Series {
            points: series
                .points
                .iter()
                .copied()
                .filter(|p| placeable(p.1))
                .collect(),
            ..series.clone()
        };
        draw_series(&mut out, &scale, &series, &chart.unit);
        if chart.values {
            for (d, v) in &series.points {
                let text = format!("{}{}", number(*v), unit_after(&chart.unit));
                // Clear of the frame's sides: a label at the first point starts right of it.
                let half = text.chars().count() as f64 * CHAR_WIDTH / 2.0;
                let x = scale.x(*d).clamp(LEFT + half + 3.0, WIDTH - RIGHT - half);
                let _ = writeln!(
                    out,
                    "<text class=\"value\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                    (scale.y(*v) - 7.0).max(TOP + 9.0),
                    escape(&text)
                );
            }
        }
    }
    out.push_str("</svg>");
    out
}

fn axes(out: &mut String, scale: &Scale, xticks: &[NaiveDate], yticks: &[f64], percent: bool) {
    let sign = if percent { "%" } else { "" };
    let (x0, x1) = (LEFT, WIDTH - RIGHT);
    let (y0, y1) = (HEIGHT - BOTTOM, TOP);
    let _ = writeln!(
        out,
        "<rect x=\"{x0}\" y=\"{y1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"none\" stroke=\"#999\"/>",
        x1 - x0,
        y0 - y1
    );
    for t in yticks {
        let y = scale.y(*t);
        let _ = writeln!(
            out,
            "<g class=\"ytick\"><line x1=\"{x0}\" y1=\"{y:.1}\" x2=\"{x1}\" y2=\"{y:.1}\" stroke=\"#e0e0e0\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text></g>",
            x0 - 4.0,
            y + 4.0,
            short(*t) + sign
        );
    }
    // Label every tick when they fit, else every other one (the last always: the axis ends
    // with a date).
    let every = if xticks.len() > 5 { 2 } else { 1 };
    let last = xticks.len().saturating_sub(1);
    for (n, d) in xticks.iter().enumerate() {
        let x = scale.x(*d);
        let label = if (last - n).is_multiple_of(every) {
            format!(
                "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                y0 + 16.0,
                d.format("%b %Y")
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "<g class=\"xtick\"><line x1=\"{x:.1}\" y1=\"{y0}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#999\"/>{label}</g>",
            y0 + 4.0
        );
    }
}

const INK: &str = "#1a1a1a";
const GREY: &str = "#555555";

fn stroke(look: Look) -> (&'static str, &'static str) {
    match look {
        Look::Solid => (INK, ""),
        Look::Dashed => (GREY, " stroke-dasharray=\"6 3\""),
    }
}

fn legend(out: &mut String, chart: &Chart) {
    let mut x = LEFT;
    let y = 12.0;
    for s in &chart.series {
        let (colour, dash) = stroke(s.look);
        let _ = write!(
            out,
            "<g class=\"key\"><line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>",
            y - 4.0,
            x + 18.0,
            y - 4.0
        );
        marker(out, s.look, x + 9.0, y - 4.0, None);
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{y:.1}\">{}</text></g>",
            x + 22.0,
            escape(&s.name)
        );
        x += 30.0 + s.name.chars().count() as f64 * CHAR_WIDTH;
    }
}

/// A point's marker; with a title it is a data point (class `point`), without one the
/// legend's sample (class `mark`).
fn marker(out: &mut String, look: Look, x: f64, y: f64, title: Option<&str>) {
    let class = if title.is_some() { "point" } else { "mark" };
    let title = title.map_or_else(String::new, |t| format!("<title>{}</title>", escape(t)));
    match look {
        Look::Solid => {
            let _ = write!(
                out,
                "<circle class=\"{class}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3.5\" fill=\"{INK}\">{title}</circle>"
            );
        }
        Look::Dashed => {
            let _ = write!(
                out,
                "<rect class=\"{class}\" x=\"{:.1}\" y=\"{:.1}\" width=\"7\" height=\"7\" fill=\"#fff\" stroke=\"{GREY}\" stroke-width=\"1.5\">{title}</rect>",
                x - 3.5,
                y - 3.5
            );
        }
    }
}

fn levels(out: &mut String, scale: &Scale, levels: &[Level]) {
    let mut used: Vec<f64> = Vec::new();
    for level in levels {
        let y = scale.y(level.value);
        let dash = if level.target { "8 4" } else { "2 3" };
        // A label too close to one already placed goes below its line instead.
        let label_y = if used.iter().any(|u| (u - y).abs() < 12.0) {
            y + 12.0
        } else {
            y - 3.0
        };
        used.push(label_y);
        let _ = writeln!(
            out,
            "<g class=\"level\" data-level=\"{}\"><line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{INK}\" stroke-width=\"1.5\" stroke-dasharray=\"{dash}\"/><text x=\"{:.1}\" y=\"{label_y:.1}\">{} {}</text></g>",
            escape(&level.name),
            WIDTH - RIGHT,
            WIDTH - RIGHT + 4.0,
            escape(&level.name),
            short(level.value)
        );
    }
}

fn draw_series(out: &mut String, scale: &Scale, series: &Series, unit: &str) {
    let (colour, dash) = stroke(series.look);
    let points: Vec<String> = series
        .points
        .iter()
        .map(|(d, v)| format!("{:.1},{:.1}", scale.x(*d), scale.y(*v)))
        .collect();
    let _ = write!(
        out,
        "<g class=\"series\" data-series=\"{}\"><polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>",
        escape(&series.name),
        points.join(" ")
    );
    let unit = unit_after(unit);
    for (d, v) in &series.points {
        let title = format!("{}: {}{unit}", d.format("%Y-%m-%d"), number(*v));
        marker(out, series.look, scale.x(*d), scale.y(*v), Some(&title));
    }
    out.push_str("</g>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn ticks_are_round_and_cover_the_values() {
        let (lo, hi, ticks) = value_ticks(31.0, 47.0);
        assert_eq!((lo, hi), (30.0, 50.0));
        assert_eq!(ticks, [30.0, 35.0, 40.0, 45.0, 50.0]);
        let (lo, hi, _) = value_ticks(7.0, 7.0);
        assert!(lo < 7.0 && hi > 7.0, "one value still gets a range");
        let months = date_ticks(day("2026-10-14"), day("2027-01-03"));
        assert_eq!(
            months,
            [
                day("2026-10-01"),
                day("2026-11-01"),
                day("2026-12-01"),
                day("2027-01-01"),
                day("2027-02-01")
            ]
        );
        assert!(date_ticks(day("2020-01-01"), day("2027-01-01")).len() <= 8);
    }

    proptest::proptest! {
        #[test]
        fn any_readings_land_inside_the_plot_as_numbers(
            values in proptest::collection::vec(-1e12f64..1e12, 1..20),
            days in proptest::collection::vec(0u64..4000, 1..20),
            level in proptest::option::of(-1e12f64..1e12),
        ) {
            let start = day("2020-01-01");
            let points: Vec<(NaiveDate, f64)> = values
                .iter()
                .zip(days.iter().cycle())
                .map(|(v, d)| (start + chrono::Days::new(*d), *v))
                .collect();
            let chart = Chart {
                title: "k".into(),
                series: vec![Series { name: "r".into(), points: points.clone(), look: Look::Solid }],
                levels: level
                    .map(|v| Level { name: "target".into(), value: v, target: true })
                    .into_iter()
                    .collect(),
                range: None,
                unit: String::new(),
                also: vec![],
                today: Some(start + chrono::Days::new(4000)),
                values: true,
            };
            let drawn = svg(&chart);
            proptest::prop_assert!(!drawn.contains("NaN") && !drawn.contains("inf"), "{}", drawn);
            proptest::prop_assert_eq!(drawn.matches("class=\"point\"").count(), points.len());
            for text in drawn.split("<text ").skip(1) {
                let at = |name: &str| -> f64 {
                    let t = format!(" {text}");
                    let at = t.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                    t[at..].split('"').next().unwrap().parse().unwrap()
                };
                let body = text.split('>').nth(1).unwrap().split('<').next().unwrap();
                let w = body.chars().count() as f64 * CHAR_WIDTH;
                let x = at("x");
                let (left, right) = if text.contains("\"end\"") {
                    (x - w, x)
                } else if text.contains("\"middle\"") {
                    (x - w / 2.0, x + w / 2.0)
                } else {
                    (x, x + w)
                };
                proptest::prop_assert!(left >= 0.0 && right <= WIDTH, "{} at {}..{}", body, left, right);
            }
            for circle in drawn.split("<circle class=\"point\"").skip(1) {
                let num = |name: &str| -> f64 {
                    let at = circle.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                    circle[at..].split('"').next().unwrap().parse().unwrap()
                };
                let (x, y) = (num("cx"), num("cy"));
                proptest::prop_assert!((LEFT - 0.1..=WIDTH - RIGHT + 0.1).contains(&x), "x {}", x);
                proptest::prop_assert!((TOP - 0.1..=HEIGHT - BOTTOM + 0.1).contains(&y), "y {}", y);
            }
        }
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(number(41.0), "41");
        assert_eq!(number(0.125), "0.13");
        assert_eq!(number(12345.6), "12346");
        assert_eq!(number(-2.5), "-2.5");
        assert_eq!(short(12_500.0), "12.5k");
        assert_eq!(short(-1_234_567_890.0), "-1.23bn");
        assert_eq!(short(3_600.0), "3600");
    }

    #[test]
    fn a_chart_without_points_draws_nothing_and_user_text_is_escaped() {
        let mut chart = Chart {
            title: "<b>".into(),
            series: vec![Series {
                name: "r</text>".into(),
                points: vec![],
                look: Look::Solid,
            }],
            levels: vec![],
            range: None,
            unit: String::new(),
            also: vec![],
            today: None,
            values: false,
        };
        assert_eq!(svg(&chart), "");
        chart.series[0].points.push((day("2026-11-01"), 3.0));
        let drawn = svg(&chart);
        assert!(drawn.contains("aria-label=\"&lt;b&gt;\""), "{drawn}");
        assert!(drawn.contains("r&lt;/text&gt;"));
        assert_eq!(drawn.matches("class=\"point\"").count(), 1);
    }
}
