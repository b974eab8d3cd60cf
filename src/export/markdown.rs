//! Markdown: a readable document for wikis and Git hosts: the alignment summary, a table per
//! horizon, a section per goal with its KPIs, gaps, open high risks, decisions and actions.
//! All user text is escaped, so it can never become a link, an image, HTML or a table break.

use super::{Options, plain};
use crate::domain::alignment::{self, Gap, percent, progress_label};
use crate::domain::{Horizon, Initiative, Roadmap};
use std::fmt::Write;

/// User text made inert in Markdown (it is never placed at the start of a line): line breaks
/// become spaces, inline markup characters are backslash-escaped, and `<` `>` `&` become
/// entities so no HTML survives.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in plain(text).chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // User text never starts a line here, so line-start markup (#, -, +, 1.) is
            // harmless; these are the characters that act anywhere in a line or table cell
            // (`\&` stops an entity and reads as `&`, also in headings).
            '\\' | '`' | '*' | '_' | '[' | ']' | '!' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

fn goals_of(roadmap: &Roadmap, i: &Initiative) -> String {
    let codes: Vec<String> = i
        .serves
        .iter()
        .filter_map(|l| {
            roadmap
                .goal(&l.goal)
                .map(|g| format!("{} {}", escape(&g.code), l.strength.symbol()))
        })
        .collect();
    if codes.is_empty() {
        "**no goal**".into()
    } else {
        codes.join(", ")
    }
}

/// The Markdown document.
pub fn document(roadmap: &Roadmap, options: Options<'_>) -> String {
    let today = options.today;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&roadmap.name));
    let public = if options.public {
        " · public version"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "*Roadmap as of {}{public}*\n",
        today.format("%A %-d %B %Y")
    );
    let _ = writeln!(
        out,
        "**{}**\n",
        escape(&alignment::summary(roadmap, today).line())
    );
    let _ = writeln!(out, "Goal links: ■ strong · ◧ partial · □ weak\n");
    if let Some(changes) = options.changes {
        let _ = writeln!(out, "## Changes since {}\n", escape(&changes.since));
        if changes.sections.is_empty() {
            let _ = writeln!(out, "Nothing changed.\n");
        }
        for (title, items) in &changes.sections {
            let _ = writeln!(out, "**{}**\n", escape(title));
            for item in items {
                let _ = writeln!(out, "- {}", escape(item));
            }
            out.push('\n');
        }
    }
    let active: Vec<&Initiative> = roadmap
        .initiatives
        .iter()
        .filter(|i| i.status.is_active())
        .collect();
    for horizon in Horizon::ALL {
        let mut items: Vec<&&Initiative> = active
            .iter()
            .filter(|i| i.horizon(today) == horizon)
            .collect();
        items.sort_by_key(|i| (i.target, i.rank));
        let _ = writeln!(out, "## {} ({})\n", horizon.label(), items.len());
        if items.is_empty() {
            let _ = writeln!(out, "Nothing planned.\n");
            continue;
        }
        let _ = writeln!(out, "| Initiative | Goals | Target | Status | IT owner |");
        let _ = writeln!(out, "|---|---|---|---|---|");
        for i in items {
            let late = if i.is_overdue(today) {
                " **overdue**"
            } else {
                ""
            };
            let title = if i.summary.trim().is_empty() {
                escape(&i.title)
            } else {
                format!("{} — {}", escape(&i.title), escape(&i.summary))
            };
            let _ = writeln!(
                out,
                "| {title} | {} | {}{late} | {} | {} |",
                goals_of(roadmap, i),
                i.target.in_words(),
                i.status.label(),
                escape(&i.it_owner)
            );
        }
        out.push('\n');
    }
    let (delivered, recent) = super::delivered_shown(roadmap, today);
    let _ = writeln!(
        out,
        "## Delivered in the last {} days ({})\n",
        super::DELIVERED_DAYS,
        if recent { delivered.len() } else { 0 }
    );
    match (delivered.is_empty(), recent) {
        (true, _) => {
            let _ = writeln!(out, "None.\n");
        }
        (false, false) => {
            let _ = writeln!(out, "None in that time. The latest deliveries:\n");
        }
        (false, true) => {}
    }
    for i in &delivered {
        let _ = writeln!(
            out,
            "- {}: {} · for {}",
            super::done_day(i),
            escape(&i.title),
            goals_of(roadmap, i)
        );
    }
    if !delivered.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(out, "## Business goals\n");
    for goal in &roadmap.goals {
        let _ = writeln!(
            out,
            "### {} · {}\n",
            escape(&goal.code),
            escape(&goal.title)
        );
        let mut facts = vec![format!("Priority P{}", goal.priority)];
        if !goal.owner.is_empty() {
            facts.push(format!("owner {}", escape(&goal.owner)));
        }
        match alignment::support(roadmap, &goal.id, today) {
            s @ alignment::Support::Unsupported { .. } => {
                facts.push(format!("**unsupported**: {}", escape(&s.why(today))));
            }
            alignment::Support::Delivered => facts.push("delivered, nothing open".into()),
            alignment::Support::Supported => {}
        }
        let _ = writeln!(out, "{}\n", facts.join(" · "));
        if !goal.description.trim().is_empty() {
            let _ = writeln!(out, "{}\n", escape(&goal.description));
        }
        for kpi in &goal.kpis {
            let target = match kpi.target_words(|t| t.to_string()) {
                words if kpi.has_target() => format!("target {}", escape(&words)),
                _ => "no target".to_string(),
            };
            let unit = escape(&super::svg::unit_after(&kpi.unit));
            let _ = writeln!(
                out,
                "- {}: {}{} ({target}, baseline {}) · progress {}",
                escape(&kpi.name),
                kpi.current()
                    .map_or_else(|| "not measured".to_string(), |v| format!("{v}{unit}")),
                super::reading_day(kpi),
                kpi.baseline
                    .map_or_else(|| "none".to_string(), |v| v.to_string()),
                progress_label(kpi)
            );
            if let Some(trend) = super::charts::kpi_trend_words(kpi) {
                let _ = writeln!(out, "  - trend: {}", escape(&trend));
            }
        }
        let serving: Vec<String> = roadmap
            .serving(&goal.id)
            .map(|i| {
                format!(
                    "{} ({}, {})",
                    escape(&i.title),
                    i.horizon(today).label(),
                    i.target.in_words()
                )
            })
            .collect();
        if serving.is_empty() {
            let _ = writeln!(out, "- Served by: nothing active");
        } else {
            let _ = writeln!(out, "- Served by: {}", serving.join("; "));
        }
        let delivered: Vec<String> = super::delivered_for(roadmap, &goal.id)
            .iter()
            .map(|(title, day)| format!("{} ({})", escape(title), day.format("%-d %b %Y")))
            .collect();
        if !delivered.is_empty() {
            let _ = writeln!(out, "- Delivered: {}", delivered.join("; "));
        }
        out.push('\n');
    }
    let gaps = alignment::gaps(roadmap, today);
    let _ = writeln!(out, "## Gaps ({})\n", gaps.len());
    if gaps.is_empty() {
        let _ = writeln!(out, "None.\n");
    }
    for gap in &gaps {
        let _ = writeln!(
            out,
            "- {}: {}",
            gap.heading(),
            escape(&gap_subject(roadmap, gap))
        );
    }
    if !gaps.is_empty() {
        out.push('\n');
    }
    let risks: Vec<_> = active
        .iter()
        .flat_map(|i| i.risks.iter().map(move |r| (i, r)))
        .filter(|(_, r)| r.is_open() && r.is_high())
        .collect();
    let _ = writeln!(out, "## Open high risks ({})\n", risks.len());
    if risks.is_empty() {
        let _ = writeln!(out, "None.");
    }
    for (i, r) in risks {
        let mitigation = if r.mitigation.is_empty() {
            "**no mitigation**".to_string()
        } else {
            escape(&r.mitigation)
        };
        let _ = writeln!(
            out,
            "- {} (severity {}) on {} · {}",
            escape(&r.title),
            r.severity(),
            escape(&i.title),
            mitigation
        );
    }
    out.push('\n');
    let b = alignment::balance(roadmap);
    let _ = writeln!(
        out,
        "Portfolio mix: run {} · grow {} · transform {}\n",
        percent(b.kinds[0]),
        percent(b.kinds[1]),
        percent(b.kinds[2])
    );
    if !roadmap.decisions.is_empty() || !roadmap.actions.is_empty() {
        let _ = writeln!(out, "## Decisions and actions\n");
        for d in &roadmap.decisions {
            let _ = writeln!(
                out,
                "- Decided {}: {}",
                d.session.format("%-d %b %Y"),
                escape(&d.text)
            );
        }
        for a in &roadmap.actions {
            let done = if a.done_on.is_some() { "done" } else { "open" };
            let due = a
                .due
                .map_or_else(String::new, |d| format!(", due {}", d.format("%-d %b %Y")));
            let owner = if a.owner.trim().is_empty() {
                String::new()
            } else {
                format!(" · owner {}", escape(&a.owner))
            };
            let _ = writeln!(out, "- Action ({done}{due}): {}{owner}", escape(&a.text));
        }
        out.push('\n');
    }
    out
}

/// What a gap is about, in plain words (escaped by the caller).
pub fn gap_subject(roadmap: &Roadmap, gap: &Gap) -> String {
    let title = |id| {
        roadmap
            .initiative(id)
            .map_or_else(String::new, |i| i.title.clone())
    };
    let goal = |id| {
        roadmap
            .goal(id)
            .map_or_else(String::new, |g| format!("{} {}", g.code, g.title))
    };
    match gap {
        Gap::Unlinked(i) | Gap::NoCase(i) | Gap::NoOwner(i) => title(i),
        Gap::Unsupported(g) | Gap::NoKpi(g) => goal(g),
        Gap::NoTarget(g, k) => {
            let name = roadmap
                .goal(g)
                .and_then(|x| x.kpis.iter().find(|y| &y.id == k))
                .map_or_else(String::new, |y| {
                    format!("{} ({})", y.name, y.why_no_progress().unwrap_or_default())
                });
            format!("{} · {name}", goal(g))
        }
        Gap::Sequence(i, n) => format!("{} needs {}", title(i), title(n)),
        Gap::Unmitigated(i, r) => {
            let risk = roadmap
                .initiative(i)
                .and_then(|x| x.risks.iter().find(|y| &y.id == r))
                .map_or_else(String::new, |y| y.title.clone());
            format!("{risk} ({})", title(i))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_is_escaped_and_lines_stay_one() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(
            escape("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(escape("<script>"), "&lt;script&gt;");
        assert_eq!(
            escape("R&D &amp;"),
            "R\\&D \\&amp;",
            "no entity, and & reads as &"
        );
        assert_eq!(escape("one\ntwo"), "one two");
        assert_eq!(
            escape("*bold* _it_ `code`"),
            "\\*bold\\* \\_it\\_ \\`code\\`"
        );
    }
}
