//! Detail sections for what ties work to the business: a goal's KPIs and open risks, an
//! initiative's deliverables by horizon, business case, risks and dependencies. Internal and
//! confidential parts are left out in the public view.

use super::kpi::{exposure_text, kpi_line};
use super::text::clean;
use super::theme::Theme;
use crate::app::App;
use crate::domain::alignment::{exposure, goal_risks};
use crate::domain::business::Risk;
use crate::domain::{Goal, Horizon, Initiative};
use ratatui::text::{Line, Span};

/// Width the detail popup gives its lines.
const WIDTH: usize = 86;

fn heading(text: impl Into<String>, theme: &Theme) -> [Line<'static>; 2] {
    [Line::raw(""), Line::styled(text.into(), theme.dim)]
}

/// "€1,200,000" (or "1,200,000" without a currency); fractions keep two decimals.
pub fn money(n: f64, currency: &str) -> String {
    crate::export::report::words::money(n, &clean(currency))
}

/// A goal's KPIs, each with its gauge and trend.
pub fn goal_kpis(app: &App, goal: &Goal, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = heading("KPIs (m records a reading, i adds or edits a KPI)", theme).to_vec();
    let kpis = super::kpi::visible_kpis(app, goal);
    if kpis.is_empty() {
        lines.push(Line::styled(
            "  no KPI: how will we know it worked?",
            theme.alert,
        ));
    }
    // The popup is at most WIDTH wide, less on a small screen.
    let width = WIDTH.min(usize::from(app.view.viewport.0).saturating_sub(6));
    let compact = width < 80;
    let rest = super::kpi::kpi_rest(compact);
    let name_width = kpis
        .iter()
        .map(|k| super::text::width(&k.label()))
        .max()
        .unwrap_or(0)
        .min(width.saturating_sub(2 + rest))
        .max(8);
    for kpi in kpis {
        let mut line = kpi_line(kpi, app.today, name_width, compact, theme);
        line.spans.insert(0, Span::raw("  "));
        lines.push(line);
        // Too narrow for the trend column (and for a chart): the sparkline and the first
        // and latest readings on a line of their own.
        let first = kpi.readings.iter().min_by_key(|r| r.on);
        if let (true, Some(first), Some(latest)) = (compact, first, kpi.latest()) {
            let at = |r: crate::domain::business::Reading| {
                format!(
                    "{} ({})",
                    super::kpi::value(r.value, ""),
                    r.on.format("%-d %b %y")
                )
            };
            lines.push(Line::styled(
                format!(
                    "    {:<8} {} → {}, {} readings",
                    super::kpi::sparkline(kpi, 8),
                    at(*first),
                    at(latest),
                    kpi.readings.len()
                ),
                theme.dim,
            ));
        }
        // A target the line cannot hold whole: relative, or in the plan's words.
        if kpi.target_change.is_some() || !kpi.target_note.trim().is_empty() {
            let words = kpi.target_words(|t| super::kpi::value(t, ""));
            lines.push(Line::styled(
                format!("    target: {}", super::text::clean(&words)),
                theme.dim,
            ));
        }
    }
    lines
}

/// The open risks of the work serving a goal, worst first, with the roll-up.
pub fn goal_risk_lines(app: &App, goal: &Goal, theme: &Theme) -> Vec<Line<'static>> {
    let e = exposure(&app.roadmap, &goal.id);
    let style = if e.unmitigated > 0 {
        theme.alert
    } else {
        theme.dim
    };
    let mut lines = vec![
        Line::raw(""),
        Line::styled(format!("Risks to this goal: {}", exposure_text(&e)), style),
    ];
    for (initiative, risk) in goal_risks(&app.roadmap, &goal.id) {
        lines.push(risk_line(app, risk, Some(initiative), theme));
    }
    lines
}

fn risk_line(app: &App, risk: &Risk, on: Option<&Initiative>, theme: &Theme) -> Line<'static> {
    if app.view.public && risk.confidential {
        return Line::styled(
            format!("  {:>2}  a confidential risk", risk.severity()),
            theme.dim,
        );
    }
    let mut spans = vec![
        Span::styled(
            format!("  {:>2} severity  ", risk.severity()),
            if risk.is_high() {
                theme.alert
            } else {
                theme.strong
            },
        ),
        Span::styled(clean(&risk.title).into_owned(), theme.text),
        Span::styled(
            format!(
                " (L{}×I{}, {})",
                risk.likelihood,
                risk.impact,
                risk.status.label().to_lowercase()
            ),
            theme.dim,
        ),
    ];
    if let Some(i) = on {
        spans.push(Span::styled(format!(" · {}", clean(&i.title)), theme.dim));
    }
    if !risk.owner.is_empty() {
        spans.push(Span::styled(
            format!(" · {}", clean(&risk.owner)),
            theme.dim,
        ));
    }
    if risk.needs_mitigation() {
        spans.push(Span::styled(" · NO MITIGATION", theme.alert));
    } else if risk.is_open() && !risk.mitigation.is_empty() {
        spans.push(Span::styled(
            format!(" · mitigation: {}", clean(&risk.mitigation)),
            theme.dim,
        ));
    }
    Line::from(spans)
}

/// What the business gets from an initiative, grouped by horizon.
pub fn deliverables(app: &App, i: &Initiative, theme: &Theme) -> Vec<Line<'static>> {
    if i.deliverables.is_empty() {
        return Vec::new();
    }
    let mut lines = heading("What you get (w adds or edits a deliverable)", theme).to_vec();
    for horizon in Horizon::ALL {
        let items: Vec<_> = i
            .deliverables
            .iter()
            .filter(|d| Horizon::of(d.date, app.today) == horizon)
            .collect();
        if items.is_empty() {
            continue;
        }
        lines.push(Line::styled(format!("  {}", horizon.label()), theme.strong));
        for d in items {
            let mark = if d.done { "✓" } else { "·" };
            // An open deliverable whose day has passed is late, not "available now".
            let late = !d.done && d.date < app.today;
            let when = if late {
                format!(
                    "LATE: due {}, {} days ago",
                    d.date.format("%-d %b %Y"),
                    (app.today - d.date).num_days()
                )
            } else {
                d.date.format("%-d %b %Y").to_string()
            };
            lines.push(Line::styled(
                format!("    {mark} {} ({when})", clean(&d.title)),
                if late { theme.alert } else { theme.text },
            ));
        }
    }
    lines
}

/// The business case in business language; internal parts only outside the public view.
pub fn case(app: &App, i: &Initiative, theme: &Theme) -> Vec<Line<'static>> {
    let c = &i.case;
    let mut lines = heading("Business case (b edits it)", theme).to_vec();
    if app.view.public && c.confidential {
        lines.push(Line::styled("  confidential", theme.dim));
        return lines;
    }
    if !c.is_made() {
        lines.push(Line::styled(
            "  no business case: what happens if we don't do it?",
            theme.alert,
        ));
    }
    let field = |label: &str, text: &str| {
        Line::from(vec![
            Span::styled(format!("  {label:<13}"), theme.dim),
            Span::styled(clean(text).into_owned(), theme.text),
        ])
    };
    let currency = &app.roadmap.currency;
    let mut impact = Vec::new();
    if let Some(h) = c.hours_lost_per_month {
        impact.push(format!(
            "{} hours of lost productivity a month while not done",
            money(h, "")
        ));
    }
    if let Some(r) = c.revenue_at_stake {
        impact.push(format!("{} of revenue at stake a year", money(r, currency)));
    }
    let mut rows = vec![
        ("If we don't", c.if_not.clone()),
        ("Risks/effort", c.brings.clone()),
        ("Impact", impact.join(" · ")),
        ("Champion", i.champion.clone()),
    ];
    if !app.view.public {
        rows.push((
            "Cost",
            c.cost.map(|n| money(n, currency)).unwrap_or_default(),
        ));
        rows.push(("Benefit", c.benefit.clone()));
        rows.push(("Politics", c.politics.clone()));
    }
    for (label, text) in rows {
        if !text.is_empty() {
            lines.push(field(label, &text));
        }
    }
    lines
}

/// The initiative's risks, worst first.
pub fn risks(app: &App, i: &Initiative, theme: &Theme) -> Vec<Line<'static>> {
    if i.risks.is_empty() {
        return Vec::new();
    }
    let mut lines = heading(
        "Risks (r adds or edits one) · severity = likelihood × impact",
        theme,
    )
    .to_vec();
    let mut sorted: Vec<&Risk> = i.risks.iter().collect();
    sorted.sort_by_key(|r| (!r.is_open(), std::cmp::Reverse(r.severity())));
    for risk in sorted {
        lines.push(risk_line(app, risk, None, theme));
    }
    lines
}

/// What the initiative needs first and what needs it, with sequencing warnings.
pub fn dependencies(app: &App, i: &Initiative, theme: &Theme) -> Vec<Line<'static>> {
    let r = &app.roadmap;
    let needed_by = app.derived.needed_by.of_initiative(r, &i.id);
    if i.needs.is_empty() && needed_by.is_empty() {
        return Vec::new();
    }
    let mut lines = heading("Dependencies", theme).to_vec();
    for n in i.needs.iter().filter_map(|id| r.initiative(id)) {
        let late = n.status.is_active() && n.target.is_later_than(&i.target);
        let mut spans = vec![Span::styled(
            format!("  needs {} ({})", clean(&n.title), n.target.in_words()),
            theme.text,
        )];
        if late {
            spans.push(Span::styled(" · planned LATER than this", theme.alert));
        }
        lines.push(Line::from(spans));
    }
    for o in needed_by {
        lines.push(Line::styled(
            format!("  needed by {} ({})", clean(&o.title), o.target.in_words()),
            theme.text,
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::money;

    #[test]
    fn money_groups_thousands_and_keeps_cents() {
        assert_eq!(money(1_200_000.0, "€"), "€1,200,000");
        assert_eq!(money(310.0, ""), "310");
        assert_eq!(money(999.5, "$"), "$999.50");
        assert_eq!(money(-45_000.0, "€"), "-€45,000");
        assert_eq!(money(0.999, ""), "1");
        assert_eq!(money(12.05, ""), "12.05");
    }
}
