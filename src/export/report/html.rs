//! The report as one self-contained HTML page: the export's style and strict
//! Content-Security-Policy, inline SVG charts, portrait pages (A4 or US Letter) with a page
//! per section, table headers repeated on every page, and no chart split by a page break.

use super::{GoalPart, Report, RiskLine, Work};
use crate::export::charts;
use crate::export::html::{escape, figure, page_start_styled, table_head};
use crate::export::svg;
use std::fmt::Write;

/// The paper the report prints on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    /// 210 × 297 mm.
    A4,
    /// 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// The paper for a command-line name (`a4`, `letter`).
    pub fn parse(name: &str) -> Result<Paper, String> {
        match name.to_ascii_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "letter" | "us-letter" => Ok(Paper::Letter),
            other => Err(format!("unknown paper \"{other}\": use a4 or letter")),
        }
    }

    fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}

fn style(paper: Paper, day: chrono::NaiveDate, public: bool) -> String {
    // Only the date reaches the CSS (no user text: a string there is not escaped as HTML).
    let day = day.format("%-d %b %Y");
    let public = if public { " · public version" } else { "" };
    format!(
        r#"
.goalpart {{ margin-bottom: 18px; }}
dl.reading {{ font-size: 12px; color: var(--muted); margin: 14px 0 0; }}
dl.reading dt {{ font-weight: 600; display: inline; }}
dl.reading dd {{ display: inline; margin: 0; }}
dl.reading dd::after {{ content: ""; display: block; }}
.figures {{ font-size: 15px; }}
td, th, li, p {{ overflow-wrap: break-word; }}
td.day {{ white-space: nowrap; }}
body {{ max-width: 1000px; }}
@media print {{
  @page {{ size: {} portrait; margin: 14mm 12mm; }}
  body {{ font-size: 10.5px; max-width: none; }}
  h2, h3, .goalhead, figcaption {{ break-after: avoid; page-break-after: avoid; }}
  .goalhead {{ break-inside: avoid; }}
  .goalpart {{ break-inside: avoid; }}
  section.flow {{ break-before: auto; }}
  @page {{
    @bottom-left {{ content: "Review report · {day}{public}"; font: 9px system-ui, sans-serif; color: #5a5a5a; }}
    @bottom-right {{ content: "page " counter(page) " of " counter(pages); font: 9px system-ui, sans-serif; color: #5a5a5a; }}
  }}
}}
"#,
        paper.css()
    )
}

/// The report as an HTML page printed on `paper`.
pub fn page(r: &Report, paper: Paper) -> String {
    let mut out = page_start_styled(
        &format!("Review report: {} · {}", r.name, r.today),
        &style(paper, r.today, r.public),
    );
    summary(&mut out, r);
    delivery(&mut out, r);
    out.push_str("<section id=\"goals\">\n<h2>Goals</h2>\n");
    for g in &r.goals {
        goal(&mut out, g, r);
    }
    out.push_str("</section>\n");
    attention(&mut out, r);
    checkins(&mut out, r);
    actions(&mut out, r);
    out.push_str("</body>\n</html>\n");
    out
}

fn list(out: &mut String, items: &[String], none: &str) {
    if items.is_empty() {
        let _ = writeln!(out, "<p>{none}</p>");
        return;
    }
    out.push_str("<ul>\n");
    for item in items {
        let _ = writeln!(out, "<li>{}</li>", escape(item));
    }
    out.push_str("</ul>\n");
}

fn summary(out: &mut String, r: &Report) {
    let public = if r.public { " · public version" } else { "" };
    let _ = writeln!(
        out,
        "<section class=\"first\" id=\"summary\">\n<h1>Review report: {}</h1>\n<p class=\"meta\">As of {} · since {}{public}</p>\n<p class=\"summary\">{}</p>",
        escape(&r.name),
        r.today.format("%A %-d %B %Y"),
        escape(&r.since.words),
        escape(&r.summary)
    );
    let _ = writeln!(
        out,
        "<p class=\"figures\">Promise keeping, all work ever promised: {}</p>\n<p class=\"figures\">{}<br>{}</p>",
        escape(&super::words::promise_words(&r.promise)),
        escape(&r.headline()[0]),
        escape(&r.headline()[1])
    );
    out.push_str("<h3>How to read this</h3>\n<dl class=\"reading\">\n");
    for (term, meaning) in super::words::READING {
        let _ = writeln!(out, "<dt>{term}:</dt> <dd>{}.</dd>", escape(meaning));
    }
    out.push_str("</dl>\n");
    let _ = writeln!(
        out,
        "<h2>What changed since {}</h2>",
        escape(&r.since.words)
    );
    match &r.since.changes {
        None => out.push_str(
            "<p>No earlier version to compare with: take a snapshot after each review (S in the planner, or <code>alignmap snapshot</code>).</p>\n",
        ),
        Some(sections) if sections.is_empty() => out.push_str("<p>Nothing changed.</p>\n"),
        Some(sections) => {
            for (title, items) in sections {
                let _ = writeln!(out, "<h3>{}</h3>", escape(title));
                list(out, items, "None.");
            }
            out.push_str(
                "<p class=\"meta\">Slips with their reasons, deliveries, decisions, actions and check-ins follow in their own sections.</p>\n",
            );
        }
    }
    out.push_str("</section>\n");
}

fn delivery(out: &mut String, r: &Report) {
    let _ = writeln!(
        out,
        "<section class=\"flow\" id=\"delivered\">\n<h2>Delivered since {} ({})</h2>",
        r.since.day.format("%-d %b %Y"),
        r.delivered.len()
    );
    if r.delivered.is_empty() {
        out.push_str("<p>Nothing delivered in that time.</p>\n");
    } else {
        out.push_str(&table_head(&[
            "Delivered",
            "Initiative",
            "Against its first promise",
            "Goals served",
        ]));
        for d in &r.delivered {
            let goals = if d.goals.is_empty() {
                "<span class=\"alert\">no goal</span>".to_string()
            } else {
                d.goals
                    .iter()
                    .map(|g| escape(g))
                    .collect::<Vec<_>>()
                    .join("<br>")
            };
            let promise = d.against_promise();
            let promise = if d.late.is_some_and(|l| l > 0) {
                format!("<span class=\"alert\">{promise}</span>")
            } else {
                promise
            };
            let _ = writeln!(
                out,
                "<tr><td class=\"day\">{}</td><td>{}</td><td>{promise}</td><td>{goals}</td></tr>",
                d.day.format("%-d %b %Y"),
                escape(&d.title)
            );
        }
        out.push_str("</table>\n");
    }
    let p = &r.promise;
    let _ = writeln!(
        out,
        "<h3>Promise keeping, all work ever promised</h3>\n<p>A promise is the first target ever set: kept when done on or before it; broken when done after it, dropped after it, or still open past it (even when re-planned since).</p>"
    );
    out.push_str(&table_head(&[
        "Kept",
        "Delivered late",
        "Dropped late",
        "Open past their date",
        "Median delay",
    ]));
    let _ = writeln!(
        out,
        "<tr><td>{} of {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n</table>",
        p.kept,
        p.due(),
        p.delivered_late,
        p.dropped_late,
        p.open_late,
        p.median_delay.map_or_else(
            || "none late".into(),
            |d| format!("{d} days (over {} late or moved later)", p.delayed)
        )
    );
    let points: Vec<_> = r
        .promise_trend
        .iter()
        .filter_map(|t| Some((t.day, (t.promise.share()? * 100.0).round())))
        .collect();
    if points.len() >= 2 {
        figure(
            out,
            &charts::promise(&points, r.today),
            "Promises kept over time",
            "share of due promises kept, on each snapshot's day and today",
        );
    } else {
        out.push_str(
            "<p class=\"meta\">A trend appears once snapshots exist from earlier reviews.</p>\n",
        );
    }
    out.push_str("</section>\n");
}

fn work_cell(w: &Work, currency: &str) -> String {
    let late = if w.late > 0 {
        format!(" <span class=\"alert\">{} days late</span>", w.late)
    } else {
        String::new()
    };
    let owner = if w.owner.trim().is_empty() {
        String::new()
    } else {
        format!(" · {}", escape(&w.owner))
    };
    let cost = w
        .cost_words(currency)
        .map_or_else(String::new, |c| format!(" · {}", escape(&c)));
    format!(
        "{} ({}{late}){owner}{cost}",
        escape(&w.title),
        escape(&w.due)
    )
}

fn goal(out: &mut String, g: &GoalPart, r: &Report) {
    let owner = if g.owner.trim().is_empty() {
        "no business owner".to_string()
    } else {
        format!("owner {}", escape(&g.owner))
    };
    let support = if g.unsupported {
        format!("<span class=\"alert\">{}</span>", escape(&g.support))
    } else {
        escape(&g.support)
    };
    let _ = writeln!(
        out,
        "<div class=\"goalpart\">\n<div class=\"goalhead\"><h3>{} · {}</h3>\n<p class=\"meta\">Priority P{} · {owner} · {support}<br>Promises of its work: {}</p></div>",
        escape(&g.code),
        escape(&g.title),
        g.priority,
        escape(&super::words::promise_words(&g.promise))
    );
    if g.kpis.is_empty() {
        out.push_str("<p class=\"alert\">No KPI yet.</p>\n");
    }
    for kpi in &g.kpis {
        let chart = charts::kpi(kpi, r.today);
        let words = charts::kpi_trend_words(kpi).unwrap_or_else(|| "never measured".into());
        let progress = crate::domain::alignment::progress_label(kpi);
        let words = format!("{words} · progress {progress} · {}", kpi.direction.label());
        if charts::chartable(kpi) && svg::drawable(&chart) {
            figure(out, &chart, &kpi.label(), &words);
        } else {
            let _ = writeln!(
                out,
                "<p><strong>{}</strong> · {}</p>",
                escape(&kpi.label()),
                escape(&words)
            );
        }
    }
    out.push_str(&table_head(&["Horizon", "Work serving this goal"]));
    for (h, window, items) in &g.work {
        let cell = if items.is_empty() {
            "—".to_string()
        } else {
            items
                .iter()
                .map(|w| work_cell(w, &r.currency))
                .collect::<Vec<_>>()
                .join("<br>")
        };
        let _ = writeln!(
            out,
            "<tr><td>{}<br><span class=\"meta\">{}</span></td><td>{cell}</td></tr>",
            h.label(),
            escape(window)
        );
    }
    out.push_str("</table>\n");
    if !g.risks.is_empty() {
        risks_table(out, &g.risks);
    }
    out.push_str("</div>\n");
}

fn risks_table(out: &mut String, risks: &[RiskLine]) {
    out.push_str(&table_head(&[
        "Open risk",
        "Severity",
        "Initiative",
        "Mitigation",
    ]));
    for risk in risks {
        let mitigation = if risk.mitigation.trim().is_empty() {
            "<span class=\"alert\">none</span>".to_string()
        } else {
            escape(&risk.mitigation)
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{mitigation}</td></tr>",
            escape(&risk.title),
            risk.severity_words(),
            escape(&risk.initiative)
        );
    }
    out.push_str("</table>\n");
}

fn attention(out: &mut String, r: &Report) {
    let _ = writeln!(
        out,
        "<section id=\"slips\">\n<h2>Needs attention</h2>\n<h3>Slips since {} ({})</h3>",
        r.since.day.format("%-d %b %Y"),
        r.slips.len()
    );
    if r.slips.is_empty() {
        out.push_str("<p>No target moved later.</p>\n");
    } else {
        out.push_str(&table_head(&["Moved", "Initiative", "From → to", "Why"]));
        for s in &r.slips {
            let why = if s.reason.trim().is_empty() {
                "<span class=\"alert\">no reason given</span>".to_string()
            } else {
                escape(&s.reason)
            };
            let times = if s.slips > 1 {
                format!(" (slipped {} times)", s.slips)
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "<tr><td class=\"day\">{}</td><td>{}{times}</td><td>{} → {}</td><td>{why}</td></tr>",
                s.on.format("%-d %b %Y"),
                escape(&s.title),
                escape(&s.from),
                escape(&s.to)
            );
        }
        out.push_str("</table>\n");
    }
    let _ = writeln!(
        out,
        "<h3>Past their current target now ({})</h3>",
        r.overdue.len()
    );
    if r.overdue.is_empty() {
        out.push_str("<p>No open work is past its current target (work re-planned after its first promise counts under promise keeping).</p>\n");
    } else {
        out.push_str(&table_head(&[
            "Initiative",
            "Was due",
            "Days late",
            "Owner",
        ]));
        for w in &r.overdue {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"alert\">{}</td><td>{}</td></tr>",
                escape(&w.title),
                escape(&w.due),
                w.late,
                escape(&w.owner)
            );
        }
        out.push_str("</table>\n");
    }
    let _ = writeln!(
        out,
        "<h3>High risks without mitigation ({})</h3>",
        r.unmitigated.len()
    );
    if r.unmitigated.is_empty() {
        out.push_str("<p>Every open high risk has a mitigation.</p>\n");
    } else {
        risks_table(out, &r.unmitigated);
    }
    let _ = writeln!(
        out,
        "<h3>Gaps the alignment check finds ({})</h3>",
        r.gaps.len()
    );
    if r.gaps.is_empty() {
        out.push_str("<p>No gaps.</p>\n");
    } else {
        out.push_str(&table_head(&["Gap", "About"]));
        for (kind, about) in &r.gaps {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td></tr>",
                escape(kind),
                escape(about)
            );
        }
        out.push_str("</table>\n");
    }
    let _ = writeln!(
        out,
        "<h3>Not measured or updated lately ({})</h3>",
        r.stale_kpis.len() + r.stale_work.len()
    );
    let stale = r.stale_lines();
    list(
        out,
        &stale,
        &format!(
            "Every KPI has a reading and all open work an update within {} days.",
            super::STALE_DAYS
        ),
    );
    out.push_str("</section>\n");
}

fn checkins(out: &mut String, r: &Report) {
    let _ = writeln!(
        out,
        "<section class=\"flow\" id=\"checkins\">\n<h2>Relationship check-ins ({})</h2>",
        r.checkins.len()
    );
    let Some(last) = r.checkins.last() else {
        out.push_str("<p>No check-in recorded yet.</p>\n</section>\n");
        return;
    };
    let chart = charts::checkins(&r.checkins);
    figure(
        out,
        &chart,
        "Check-in scores",
        "both sides rate the relationship from 1 to 10 at each check-in",
    );
    let gap_words = super::words::gap_words(last.gap());
    let who = if last.business_who.trim().is_empty() {
        String::new()
    } else {
        format!(" with {}", escape(&last.business_who))
    };
    let _ = writeln!(
        out,
        "<p>Latest, {}{who}: business {} · IT {} · {gap_words}.</p>",
        last.on.format("%-d %b %Y"),
        last.business.score,
        last.it.score
    );
    out.push_str(&table_head(&[
        "Side",
        "Why this score",
        "What would move it closer to 10",
    ]));
    for (side, rating) in [("Business", &last.business), ("IT", &last.it)] {
        let _ = writeln!(
            out,
            "<tr><td>{side}</td><td>{}</td><td>{}</td></tr>",
            escape(&rating.why),
            escape(&rating.closer)
        );
    }
    out.push_str("</table>\n</section>\n");
}

fn actions(out: &mut String, r: &Report) {
    let _ = writeln!(
        out,
        "<section class=\"flow\" id=\"actions\">\n<h2>Open actions ({}, {} overdue)</h2>",
        r.actions.len(),
        r.actions_overdue()
    );
    if r.actions.is_empty() {
        out.push_str("<p>No open action.</p>\n");
    } else {
        // "About" only when some action is about something.
        let about = r.actions.iter().any(|a| !a.about.trim().is_empty());
        let mut head = vec!["Action", "Owner", "Due"];
        if about {
            head.push("About");
        }
        out.push_str(&table_head(&head));
        for a in &r.actions {
            let due = if a.due.ends_with("(OVERDUE)") {
                format!("<span class=\"alert\">{}</span>", escape(&a.due))
            } else {
                escape(&a.due)
            };
            let about = if about {
                format!("<td>{}</td>", escape(&a.about))
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{due}</td>{about}</tr>",
                escape(&a.text),
                escape(&a.owner)
            );
        }
        out.push_str("</table>\n");
    }
    let _ = writeln!(
        out,
        "<h2>Decisions since {} ({})</h2>",
        r.since.day.format("%-d %b %Y"),
        r.decisions.len()
    );
    list(out, &r.decisions, "No decision recorded in that time.");
    out.push_str("</section>\n");
}
