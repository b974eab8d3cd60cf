//! The report as Markdown for a wiki: the same sections as the HTML page, with each chart
//! given as its trend in words (first → latest → target, with dates).

use super::{Report, RiskLine};
use crate::export::charts::kpi_trend_words;
use crate::export::markdown::escape as e;
use std::fmt::Write;

fn list(out: &mut String, items: &[String], none: &str) {
    if items.is_empty() {
        let _ = writeln!(out, "{none}\n");
        return;
    }
    for item in items {
        let _ = writeln!(out, "- {}", e(item));
    }
    out.push('\n');
}

fn risks(out: &mut String, risks: &[RiskLine]) {
    out.push_str("| Open risk | Severity | Initiative | Mitigation |\n|---|---|---|---|\n");
    for r in risks {
        let mitigation = if r.mitigation.trim().is_empty() {
            "**none**".to_string()
        } else {
            e(&r.mitigation)
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {mitigation} |",
            e(&r.title),
            r.severity_words(),
            e(&r.initiative)
        );
    }
    out.push('\n');
}

/// The report as a Markdown document.
pub fn document(r: &Report) -> String {
    let mut out = String::new();
    let since_day = r.since.day.format("%-d %b %Y");
    let public = if r.public { " · public version" } else { "" };
    let _ = writeln!(out, "# Review report: {}\n", e(&r.name));
    let _ = writeln!(
        out,
        "As of {} · since {}{public}\n\n**{}**\n",
        r.today.format("%A %-d %B %Y"),
        e(&r.since.words),
        e(&r.summary)
    );
    let _ = writeln!(
        out,
        "Promise keeping, all work ever promised: {}  \n{}  \n{}\n",
        e(&super::words::promise_words(&r.promise)),
        e(&r.headline()[0]),
        e(&r.headline()[1])
    );
    out.push_str("How to read this:\n\n");
    for (term, meaning) in super::words::READING {
        let _ = writeln!(out, "- **{term}**: {}.", e(meaning));
    }
    out.push('\n');
    let _ = writeln!(out, "## What changed since {}\n", e(&r.since.words));
    match &r.since.changes {
        None => out.push_str("No earlier version to compare with: take a snapshot after each review (S in the planner, or `alignmap snapshot`).\n\n"),
        Some(s) if s.is_empty() => out.push_str("Nothing changed.\n\n"),
        Some(sections) => {
            for (title, items) in sections {
                let _ = writeln!(out, "### {}\n", e(title));
                list(&mut out, items, "None.");
            }
            out.push_str("Slips with their reasons, deliveries, decisions, actions and check-ins follow in their own sections.\n\n");
        }
    }
    let _ = writeln!(
        out,
        "## Delivered since {since_day} ({})\n",
        r.delivered.len()
    );
    if r.delivered.is_empty() {
        out.push_str("Nothing delivered in that time.\n\n");
    } else {
        out.push_str("| Delivered | Initiative | Against its first promise | Goals served |\n|---|---|---|---|\n");
        for d in &r.delivered {
            let goals = if d.goals.is_empty() {
                "**no goal**".to_string()
            } else {
                d.goals.iter().map(|g| e(g)).collect::<Vec<_>>().join("; ")
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {goals} |",
                d.day.format("%-d %b %Y"),
                e(&d.title),
                d.against_promise()
            );
        }
        out.push('\n');
    }
    let trend: Vec<String> = r
        .promise_trend
        .iter()
        .filter_map(|t| {
            let share = t.promise.share()?;
            Some(format!(
                "{} {}",
                t.day.format("%-d %b %Y"),
                crate::domain::alignment::percent(share)
            ))
        })
        .collect();
    let _ = writeln!(
        out,
        "### Promise keeping, all work ever promised\n\nA promise is the first target ever set: kept when done on or before it; broken when done after it, dropped after it, or still open past it (even when re-planned since).\n\n{}\n\nKept share over time: {}\n",
        e(&super::words::promise_words(&r.promise)),
        if trend.is_empty() {
            "no promise due yet".to_string()
        } else {
            trend.join(" → ")
        }
    );
    out.push_str("## Goals\n\n");
    for g in &r.goals {
        let owner = if g.owner.trim().is_empty() {
            "no business owner".to_string()
        } else {
            format!("owner {}", e(&g.owner))
        };
        let support = if g.unsupported {
            format!("**{}**", e(&g.support))
        } else {
            e(&g.support)
        };
        let _ = writeln!(
            out,
            "### {} · {}\n\nPriority P{} · {owner} · {support}  \nPromises of its work: {}\n",
            e(&g.code),
            e(&g.title),
            g.priority,
            e(&super::words::promise_words(&g.promise))
        );
        if g.kpis.is_empty() {
            out.push_str("No KPI yet.\n\n");
        }
        for kpi in &g.kpis {
            let _ = writeln!(
                out,
                "- {}: {} · progress {} · baseline {} · {}",
                e(&kpi.name),
                e(&kpi_trend_words(kpi).unwrap_or_else(|| "never measured".into())),
                crate::domain::alignment::progress_label(kpi),
                kpi.baseline
                    .map_or_else(|| "none".to_string(), crate::export::svg::number),
                kpi.direction.label()
            );
        }
        out.push('\n');
        for (h, window, items) in &g.work {
            if items.is_empty() {
                continue;
            }
            let titles: Vec<String> = items
                .iter()
                .map(|w| {
                    let late = if w.late > 0 {
                        format!(", **{} days late**", w.late)
                    } else {
                        String::new()
                    };
                    let owner = if w.owner.trim().is_empty() {
                        String::new()
                    } else {
                        format!(", {}", e(&w.owner))
                    };
                    let cost = w
                        .cost_words(&r.currency)
                        .map_or_else(String::new, |c| format!(", {}", e(&c)));
                    format!("{} ({}{late}{owner}{cost})", e(&w.title), e(&w.due))
                })
                .collect();
            let _ = writeln!(
                out,
                "- {} ({}): {}",
                h.label(),
                e(window),
                titles.join("; ")
            );
        }
        out.push('\n');
        if !g.risks.is_empty() {
            risks(&mut out, &g.risks);
        }
    }
    out.push_str("## Needs attention\n\n");
    let _ = writeln!(out, "### Slips since {since_day} ({})\n", r.slips.len());
    if r.slips.is_empty() {
        out.push_str("No target moved later.\n\n");
    } else {
        out.push_str("| Moved | Initiative | From → to | Why |\n|---|---|---|---|\n");
        for s in &r.slips {
            let why = if s.reason.trim().is_empty() {
                "**no reason given**".to_string()
            } else {
                e(&s.reason)
            };
            let times = if s.slips > 1 {
                format!(" (slipped {} times)", s.slips)
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "| {} | {}{times} | {} → {} | {why} |",
                s.on.format("%-d %b %Y"),
                e(&s.title),
                e(&s.from),
                e(&s.to)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "### Past their current target now ({})\n",
        r.overdue.len()
    );
    if r.overdue.is_empty() {
        out.push_str("No open work is past its current target (work re-planned after its first promise counts under promise keeping).\n\n");
    } else {
        out.push_str("| Initiative | Was due | Days late | Owner |\n|---|---|---|---|\n");
        for w in &r.overdue {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                e(&w.title),
                e(&w.due),
                w.late,
                e(&w.owner)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "### High risks without mitigation ({})\n",
        r.unmitigated.len()
    );
    if r.unmitigated.is_empty() {
        out.push_str("Every open high risk has a mitigation.\n\n");
    } else {
        risks(&mut out, &r.unmitigated);
    }
    let _ = writeln!(
        out,
        "### Gaps the alignment check finds ({})\n",
        r.gaps.len()
    );
    let gaps: Vec<String> = r
        .gaps
        .iter()
        .map(|(kind, about)| format!("{kind} — {about}"))
        .collect();
    list(&mut out, &gaps, "No gaps.");
    let stale = r.stale_lines();
    let _ = writeln!(
        out,
        "### Not measured or updated lately ({})\n",
        stale.len()
    );
    list(
        &mut out,
        &stale,
        &format!(
            "Every KPI has a reading and all open work an update within {} days.",
            super::STALE_DAYS
        ),
    );
    let _ = writeln!(out, "## Relationship check-ins ({})\n", r.checkins.len());
    match r.checkins.last() {
        None => out.push_str("No check-in recorded yet.\n\n"),
        Some(last) => {
            let scores: Vec<String> = r.checkins.iter().map(|c| c.scores()).collect();
            let _ = writeln!(
                out,
                "Scores over time: {}\n\nLatest, {}{}: {}.\n",
                scores.join(" → "),
                last.on.format("%-d %b %Y"),
                if last.business_who.trim().is_empty() {
                    String::new()
                } else {
                    format!(" with {}", e(&last.business_who))
                },
                super::words::gap_words(last.gap())
            );
            for (side, rating) in [("Business", &last.business), ("IT", &last.it)] {
                let _ = writeln!(
                    out,
                    "- {side}: {} · closer to 10: {}",
                    e(&rating.why),
                    e(&rating.closer)
                );
            }
            out.push('\n');
        }
    }
    let _ = writeln!(
        out,
        "## Open actions ({}, {} overdue)\n",
        r.actions.len(),
        r.actions_overdue()
    );
    if r.actions.is_empty() {
        out.push_str("No open action.\n\n");
    } else {
        // "About" only when some action is about something.
        let about = r.actions.iter().any(|a| !a.about.trim().is_empty());
        out.push_str(if about {
            "| Action | Owner | Due | About |\n|---|---|---|---|\n"
        } else {
            "| Action | Owner | Due |\n|---|---|---|\n"
        });
        for a in &r.actions {
            let about = if about {
                format!(" {} |", e(&a.about))
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} |{about}",
                e(&a.text),
                e(&a.owner),
                e(&a.due)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "## Decisions since {since_day} ({})\n",
        r.decisions.len()
    );
    list(&mut out, &r.decisions, "No decision recorded in that time.");
    out
}
