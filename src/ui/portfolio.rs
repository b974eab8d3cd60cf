//! The portfolio view: every unit's roadmap of the folder against the company goals, the
//! same figures `alignmap portfolio` writes (summary, units, mix, company goals no unit
//! supports, high risks). Read-only; Enter opens the highlighted unit.

use super::chrome;
use super::text;
use super::theme::Theme;
use crate::domain::portfolio::Rollup;
use crate::export::portfolio::summary;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

/// Columns after the unit's name: horizons, unsupported goals, promises, mix, high risks.
const FIGURES: usize = 52;

/// "1 of 2 kept", or "none due".
fn kept(due: usize, kept: usize) -> String {
    if due == 0 {
        "none due".into()
    } else {
        format!("{kept} of {due} kept")
    }
}

fn row(name: &str, wide: usize, cells: [String; 8]) -> String {
    let name_width = wide.saturating_sub(FIGURES + 2).max(8);
    let [a, b, c, d, unsupported, promises, mix, risks] = cells;
    format!(
        "{:<name_width$}{a:>4}{b:>4}{c:>4}{d:>4}  {unsupported:<9}{promises:<14}{mix:<7}{risks:>4}",
        text::fit(name, name_width)
    )
}

/// One line of user text made safe and cut to `wide` columns.
fn fitted<'a>(text: &str, wide: usize, style: ratatui::style::Style) -> Line<'a> {
    Line::styled(text::fit(&text::clean(text), wide), style)
}

/// The view's lines for `wide` columns: units come first, so the highlighted one shows.
pub fn lines<'a>(rollup: &Rollup, selected: usize, wide: usize, theme: &Theme) -> Vec<Line<'a>> {
    // The summary in as many lines as it takes, broken between its parts.
    let mut out: Vec<Line<'a>> = Vec::new();
    let mut line = String::new();
    for part in text::clean(&summary(rollup)).split(" · ") {
        if !line.is_empty() && text::width(&line) + 3 + text::width(part) > wide {
            out.push(Line::styled(std::mem::take(&mut line), theme.strong));
        }
        if !line.is_empty() {
            line.push_str(" · ");
        }
        line.push_str(part);
    }
    out.push(Line::styled(text::fit(&line, wide), theme.strong));
    out.push(Line::raw(""));
    let head = [
        "Now", "Wk", "Mo", "Yr", "Unsupp.", "Promises", "R/G/T", "Risk",
    ]
    .map(String::from);
    out.push(Line::styled(
        format!("  {}", row("Unit", wide, head)),
        theme.dim,
    ));
    for (index, u) in rollup.units.iter().enumerate() {
        let [a, b, c, d] = u.horizons.map(|n| n.to_string());
        let cells = [
            a,
            b,
            c,
            d,
            format!("{} of {}", u.unsupported, u.goals),
            kept(u.promise.due(), u.promise.kept),
            format!("{}/{}/{}", u.mix[0], u.mix[1], u.mix[2]),
            u.high_risks.to_string(),
        ];
        let marker = if index == selected { "▶ " } else { "  " };
        let name = match u.conflicts {
            0 => text::clean(&u.name).into_owned(),
            n => format!("{} ({n} conflicts)", text::clean(&u.name)),
        };
        let style = if index == selected {
            theme.selected
        } else {
            theme.text
        };
        out.push(Line::styled(
            format!("{marker}{}", row(&name, wide, cells)),
            style,
        ));
    }
    let [a, b, c, d] = rollup.horizons().map(|n| n.to_string());
    let (due, done) = rollup.promise_due_and_kept();
    let mix = format!("{}/{}/{}", rollup.mix[0], rollup.mix[1], rollup.mix[2]);
    let risks = rollup.high_risks.len().to_string();
    let all = [a, b, c, d, String::new(), kept(due, done), mix, risks];
    out.push(Line::styled(
        format!("  {}", row("All units", wide, all)),
        theme.strong,
    ));
    out.push(Line::styled(
        format!("  Mix: {}", rollup.mix_words()),
        theme.text,
    ));
    for (file, why) in &rollup.unreadable {
        let said = format!("  ! {file} cannot be read (left out): {why}");
        out.push(fitted(&said, wide, theme.alert));
    }
    out.push(Line::raw(""));
    out.push(Line::styled("Company goals", theme.strong));
    if rollup.goals.is_empty() {
        out.push(Line::styled(
            "  None yet: write them in portfolio.ron (README: Portfolio).",
            theme.dim,
        ));
    }
    for line in &rollup.goals {
        let g = &line.goal;
        let said = format!("  {:<6} P{} {}", g.code, g.priority, g.title);
        out.push(fitted(&said, wide, theme.text));
        let names: Vec<String> = line
            .contributions
            .iter()
            .map(|c| {
                let state = if c.supported { "" } else { " (unsupported)" };
                format!("{} {}{state}", c.unit.trim_end_matches(".ron"), c.code)
            })
            .collect();
        let by = match (line.is_unsupported(), names.is_empty()) {
            (true, true) => (
                "         NO UNIT SUPPORTS IT: no unit goal contributes".to_string(),
                theme.alert,
            ),
            (true, false) => (
                format!("         NO UNIT SUPPORTS IT: ← {}", names.join(", ")),
                theme.alert,
            ),
            (false, _) => (format!("         ← {}", names.join(", ")), theme.dim),
        };
        out.push(fitted(&by.0, wide, by.1));
    }
    for c in &rollup.unknown {
        let said = format!(
            "  ! {} {} names \"{}\": no such company goal",
            c.unit, c.code, c.names
        );
        out.push(fitted(&said, wide, theme.alert));
    }
    out.push(Line::raw(""));
    out.push(Line::styled("High risks across units", theme.strong));
    if rollup.high_risks.is_empty() {
        out.push(Line::styled("  None open.", theme.dim));
    }
    for r in &rollup.high_risks {
        let mitigation = if r.mitigation.is_empty() {
            "NO MITIGATION"
        } else {
            &r.mitigation
        };
        let said = format!(
            "  {:>2}  {} · {}: {} · {mitigation}",
            r.severity,
            r.unit.trim_end_matches(".ron"),
            r.initiative,
            r.title
        );
        let style = if r.mitigation.is_empty() {
            theme.alert
        } else {
            theme.text
        };
        out.push(fitted(&said, wide, style));
    }
    out
}

pub fn render_portfolio(
    rollup: &Rollup,
    selected: usize,
    scroll: u16,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let width = 110.min(area.width.saturating_sub(2));
    let lines = lines(
        rollup,
        selected,
        usize::from(width.saturating_sub(4)),
        theme,
    );
    let rows = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let rect = chrome::centered(area, width, rows.saturating_add(2));
    let title = match rollup.company.trim() {
        "" => format!(
            "Portfolio · {} · Enter opens a unit",
            rollup.today.format("%a %-d %b %Y")
        ),
        name => format!(
            "{} · portfolio · {} · Enter opens a unit",
            text::clean(name),
            rollup.today.format("%a %-d %b %Y")
        ),
    };
    let inner = chrome::frame(rect, &title, buf, theme);
    let scroll = scroll.min(rows.saturating_sub(inner.height));
    Paragraph::new(lines).scroll((scroll, 0)).render(inner, buf);
    chrome::more_marker(rect, inner, rows, scroll, buf, theme);
}
