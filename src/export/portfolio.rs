//! The portfolio roll-up written out: Markdown (also what `alignmap portfolio` prints),
//! one self-contained HTML page, and JSON for other tools. Every figure comes from
//! [`Rollup`]; nothing is worked out twice.

use super::html::{self, page_start, table_head};
use super::markdown;
use crate::domain::portfolio::{CompanyLine, Rollup, UnitLine, horizon_labels};
use std::fmt::Write;

/// "4 of 7 kept (57%)", or "none due yet".
fn kept(due: usize, kept: usize) -> String {
    if due == 0 {
        return "none due yet".into();
    }
    format!("{kept} of {due} kept ({}%)", (kept * 100 + due / 2) / due)
}

fn title(rollup: &Rollup) -> String {
    match rollup.company.trim() {
        "" => "Portfolio".to_string(),
        name => format!("{name}: portfolio"),
    }
}

/// The summary line: units, active work, company goals unsupported, promises.
pub fn summary(rollup: &Rollup) -> String {
    let active: usize = rollup.horizons().iter().sum();
    let (due, done) = rollup.promise_due_and_kept();
    let unsupported = rollup.unsupported().count();
    let mut line = format!(
        "{} · {} active · company goals: {} of {} supported · promises {}",
        crate::domain::counted(rollup.units.len(), "unit", "units"),
        active,
        rollup.goals.len() - unsupported,
        rollup.goals.len(),
        kept(due, done)
    );
    if !rollup.unreadable.is_empty() {
        let _ = write!(line, " · {} unreadable (left out)", rollup.unreadable.len());
    }
    line
}

fn contributors(line: &CompanyLine, escape: fn(&str) -> String) -> String {
    if line.contributions.is_empty() {
        return "no unit goal contributes".into();
    }
    line.contributions
        .iter()
        .map(|c| {
            let state = if c.supported { "" } else { " (unsupported)" };
            format!("{} {}{state}", escape(&c.unit), escape(&c.code))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A unit's row, escaped with `escape`: name (with merge conflicts), the four horizons,
/// goals unsupported, promises, mix, high risks.
fn unit_cells(u: &UnitLine, escape: fn(&str) -> String) -> [String; 9] {
    let conflicts = if u.conflicts > 0 {
        format!(" ({} merge conflicts)", u.conflicts)
    } else {
        String::new()
    };
    let [a, b, c, d] = u.horizons.map(|n| n.to_string());
    [
        format!("{}{conflicts}", escape(&u.name)),
        a,
        b,
        c,
        d,
        format!("{} of {}", u.unsupported, u.goals),
        escape(&u.promise.words()),
        format!("{} / {} / {}", u.mix[0], u.mix[1], u.mix[2]),
        u.high_risks.to_string(),
    ]
}

/// The all-units row after its name: horizons, (no goal count), promises, mix, high risks.
fn all_cells(rollup: &Rollup) -> [String; 8] {
    let [a, b, c, d] = rollup.horizons().map(|n| n.to_string());
    let (due, done) = rollup.promise_due_and_kept();
    let m = rollup.mix;
    [
        a,
        b,
        c,
        d,
        String::new(),
        kept(due, done),
        format!("{} / {} / {}", m[0], m[1], m[2]),
        rollup.high_risks.len().to_string(),
    ]
}

/// Markdown.
pub fn markdown(rollup: &Rollup) -> String {
    let e = markdown::escape;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", e(&title(rollup)));
    let _ = writeln!(out, "As of {}.\n", rollup.today.format("%A %-d %B %Y"));
    let _ = writeln!(out, "**{}**\n", e(&summary(rollup)));
    let [now, week, month, year] = horizon_labels();
    let _ = writeln!(
        out,
        "## Units\n\n| Unit | File | {now} | {week} | {month} | {year} | Goals unsupported | Promises | Run / grow / transform | High risks |\n|---|---|---|---|---|---|---|---|---|---|"
    );
    for u in &rollup.units {
        let cells = unit_cells(u, markdown::escape);
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cells[0],
            e(&u.file),
            cells[1..].join(" | ")
        );
    }
    let _ = writeln!(out, "| **All** | | {} |\n", all_cells(rollup).join(" | "));
    let _ = writeln!(out, "Mix across units: {}.\n", rollup.mix_words());
    for (file, why) in &rollup.unreadable {
        let _ = writeln!(out, "- {} cannot be read: {}", e(file), e(why));
    }
    if !rollup.unreadable.is_empty() {
        out.push('\n');
    }
    out.push_str("## Company goals\n\n");
    if rollup.goals.is_empty() {
        out.push_str("No company goals: write them in portfolio.ron (README: Portfolio).\n\n");
    }
    for line in &rollup.goals {
        let g = &line.goal;
        let flag = if line.is_unsupported() {
            " · **NO UNIT SUPPORTS IT**"
        } else {
            ""
        };
        let owner = if g.owner.is_empty() {
            String::new()
        } else {
            format!(" · {}", e(&g.owner))
        };
        let _ = writeln!(
            out,
            "- **{}** P{} {}{owner}{flag}: {}",
            e(&g.code),
            g.priority,
            e(&g.title),
            contributors(line, markdown::escape)
        );
    }
    for c in &rollup.unknown {
        let _ = writeln!(
            out,
            "- {} {} names \"{}\", which portfolio.ron does not have",
            e(&c.unit),
            e(&c.code),
            e(&c.names)
        );
    }
    out.push_str("\n## High risks across units\n\n");
    if rollup.high_risks.is_empty() {
        out.push_str("None open.\n");
    }
    for r in &rollup.high_risks {
        let mitigation = if r.mitigation.is_empty() {
            "**no mitigation**".to_string()
        } else {
            e(&r.mitigation)
        };
        let _ = writeln!(
            out,
            "- {} · {}: {} (severity {}) · {mitigation}",
            e(&r.unit),
            e(&r.initiative),
            e(&r.title),
            r.severity
        );
    }
    out
}

/// One self-contained HTML page.
pub fn html(rollup: &Rollup) -> String {
    let e = html::escape;
    let mut out = page_start(&format!("{} · {}", title(rollup), rollup.today));
    let _ = writeln!(
        out,
        "<section class=\"first\">\n<h1>{}</h1>\n<p class=\"meta\">As of {}</p>\n<p class=\"summary\">{}</p>",
        e(&title(rollup)),
        rollup.today.format("%A %-d %B %Y"),
        e(&summary(rollup))
    );
    let [now, week, month, year] = horizon_labels();
    out.push_str(&table_head(&[
        "Unit",
        now,
        week,
        month,
        year,
        "Goals unsupported",
        "Promises",
        "Run / grow / transform",
        "High risks",
    ]));
    for u in &rollup.units {
        let mut cells = unit_cells(u, html::escape);
        cells[0] = format!("{} <span class=\"meta\">{}</span>", cells[0], e(&u.file));
        let _ = writeln!(out, "<tr><td>{}</td></tr>", cells.join("</td><td>"));
    }
    let _ = writeln!(
        out,
        "<tr><th>All</th><th>{}</th></tr></table>\n<p>Mix across units: {}.</p>",
        all_cells(rollup).join("</th><th>"),
        e(&rollup.mix_words())
    );
    for (file, why) in &rollup.unreadable {
        let _ = writeln!(
            out,
            "<p class=\"alert\">{} cannot be read: {}</p>",
            e(file),
            e(why)
        );
    }
    out.push_str("</section>\n<section>\n<h2>Company goals</h2>\n");
    out.push_str(&table_head(&["Goal", "Owner", "Contributing unit goals"]));
    for line in &rollup.goals {
        let g = &line.goal;
        let flag = if line.is_unsupported() {
            " <span class=\"alert\">no unit supports it</span>"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr><td><b>{}</b> P{} {}{flag}</td><td>{}</td><td>{}</td></tr>",
            e(&g.code),
            g.priority,
            e(&g.title),
            e(&g.owner),
            contributors(line, html::escape)
        );
    }
    out.push_str("</table>\n");
    for c in &rollup.unknown {
        let _ = writeln!(
            out,
            "<p class=\"alert\">{} {} names \"{}\", which portfolio.ron does not have</p>",
            e(&c.unit),
            e(&c.code),
            e(&c.names)
        );
    }
    out.push_str("</section>\n<section>\n<h2>High risks across units</h2>\n");
    out.push_str(&table_head(&[
        "Unit",
        "Initiative",
        "Risk",
        "Severity",
        "Mitigation",
    ]));
    for r in &rollup.high_risks {
        let mitigation = if r.mitigation.is_empty() {
            "<span class=\"alert\">none</span>".to_string()
        } else {
            e(&r.mitigation)
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{mitigation}</td></tr>",
            e(&r.unit),
            e(&r.initiative),
            e(&r.title),
            r.severity
        );
    }
    out.push_str("</table>\n</section>\n</body>\n</html>\n");
    out
}

/// JSON: the roll-up's own fields, versioned.
pub fn json(rollup: &Rollup) -> Result<String, String> {
    #[derive(serde::Serialize)]
    struct Document<'a> {
        format: &'static str,
        version: u32,
        summary: String,
        #[serde(flatten)]
        rollup: &'a Rollup,
    }
    let document = Document {
        format: "alignmap-portfolio",
        version: 1,
        summary: summary(rollup),
        rollup,
    };
    serde_json::to_string_pretty(&document).map_err(|e| e.to_string())
}
