//! HTML: one self-contained page (inline CSS, no scripts, no external resources, a
//! Content-Security-Policy that forbids anything else) showing the four horizon columns with
//! goal colours and a legend, the goals with KPI progress, gaps, risks and decisions. It
//! prints well: landscape, each section on its own page. All user text is escaped.

use super::Options;
use super::markdown::gap_subject;
use crate::domain::alignment::{self, percent, progress_label};
use crate::domain::dates::day_month;
use crate::domain::{Horizon, Initiative, Roadmap};
use std::fmt::Write;

pub use super::xml::escape;

/// Goal colours: Okabe-Ito, readable by colour-blind people; codes are always written too.
pub(super) const COLOURS: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F7F00", "#555555",
];

pub(super) const STYLE: &str = r#"
:root { --ink: #1a1a1a; --muted: #5a5a5a; --line: #d0d0d0; --alert: #b00020; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 24px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 10px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
.meta { color: var(--muted); margin: 0 0 8px; }
.summary { font-weight: 600; font-size: 16px; margin: 8px 0 12px; }
.legend span, .goal { display: inline-block; border-radius: 4px; padding: 1px 6px; margin: 2px 4px 2px 0; color: #fff; font-weight: 600; font-size: 12px; }
.legend { margin: 6px 0 14px; }
.board { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; }
.column { border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
.column h3 { margin: 0 0 8px; }
.card { border: 1px solid var(--line); border-left: 4px solid var(--ink); border-radius: 4px; padding: 6px 8px; margin: 0 0 8px; break-inside: avoid; }
.card .title { font-weight: 600; }
.card .line { color: var(--muted); font-size: 12px; }
.overdue, .alert { color: var(--alert); font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
thead { display: table-header-group; }
.card .about { font-size: 12px; margin: 2px 0; }
.bar { display: inline-block; width: 120px; height: 10px; border: 1px solid var(--ink); vertical-align: middle; }
.bar span { display: block; height: 100%; background: var(--ink); }
section { break-inside: auto; }
figure { margin: 8px 0 14px; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; max-width: 640px; height: auto; }
figcaption { font-size: 12px; color: var(--muted); }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; font-size: 11px; }
  section { break-before: page; }
  section.first { break-before: auto; }
  .card, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"#;

fn goal_tags(roadmap: &Roadmap, i: &Initiative) -> String {
    if i.serves.is_empty() {
        return r#"<span class="alert">no goal</span>"#.into();
    }
    i.serves
        .iter()
        .filter_map(|l| {
            let n = roadmap.goals.iter().position(|g| g.id == l.goal)?;
            let g = &roadmap.goals[n];
            Some(format!(
                r#"<span class="goal" style="background:{}" title="{} link">{} {}</span>"#,
                COLOURS[n % COLOURS.len()],
                l.strength.label(),
                escape(&g.code),
                l.strength.symbol()
            ))
        })
        .collect::<Vec<_>>()
        .join("")
}

/// The start of a self-contained page up to `<body>`: the strict Content-Security-Policy
/// (no scripts, nothing loaded from anywhere), the shared style, and `title` (escaped here).
pub fn page_start(title: &str) -> String {
    page_start_styled(title, "")
}

/// [`page_start`] with `more` CSS after the shared style (its rules win).
pub fn page_start_styled(title: &str, more: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}{more}</style>\n</head>\n<body>\n",
        escape(title)
    )
}

/// The whole page.
pub fn page(roadmap: &Roadmap, options: Options<'_>) -> String {
    let today = options.today;
    let mut out = page_start(&format!("{} · {today}", roadmap.name));
    let name = escape(&roadmap.name);
    let public = if options.public {
        " · public version"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "<section class=\"first\">\n<h1>{name}</h1>\n<p class=\"meta\">Roadmap as of {}{public}</p>",
        today.format("%A %-d %B %Y")
    );
    let _ = writeln!(
        out,
        "<p class=\"summary\">{}</p>",
        escape(&alignment::summary(roadmap, today).line())
    );
    out.push_str("<div class=\"legend\">");
    for (n, g) in roadmap.goals.iter().enumerate() {
        let _ = write!(
            out,
            "<span style=\"background:{}\">{}</span>{} ",
            COLOURS[n % COLOURS.len()],
            escape(&g.code),
            escape(&g.title)
        );
    }
    out.push_str("<br>Links: ■ strong · ◧ partial · □ weak</div>\n<div class=\"board\">\n");
    for horizon in Horizon::ALL {
        let mut items: Vec<&Initiative> = roadmap
            .initiatives
            .iter()
            .filter(|i| i.status.is_active() && i.horizon(today) == horizon)
            .collect();
        items.sort_by_key(|i| (i.target, i.rank));
        let _ = writeln!(
            out,
            "<div class=\"column\"><h3>{} ({})</h3>",
            horizon.label(),
            items.len()
        );
        for i in items {
            let when = if i.is_overdue(today) {
                format!(
                    "<span class=\"overdue\">overdue since {}</span>",
                    i.target
                        .due()
                        .map(|d| day_month(d, today))
                        .unwrap_or_default()
                )
            } else {
                i.target
                    .label_with_day(|d| d.format("%a %-d %b %Y").to_string())
            };
            let owner = if i.it_owner.trim().is_empty() {
                String::new()
            } else {
                format!("<div class=\"line\">{}</div>", escape(&i.it_owner))
            };
            let _ = writeln!(
                out,
                "<div class=\"card\"><div class=\"title\">{}</div>{}<div class=\"line\">{} · {when}</div>{owner}<div>{}</div></div>",
                escape(&i.title),
                about(&i.summary),
                i.status.label(),
                goal_tags(roadmap, i)
            );
        }
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n</section>\n");
    if let Some(changes) = options.changes {
        let _ = writeln!(
            out,
            "<section>\n<h2>Changes since {}</h2>",
            escape(&changes.since)
        );
        if changes.sections.is_empty() {
            out.push_str("<p>Nothing changed.</p>\n");
        }
        for (title, items) in &changes.sections {
            let _ = writeln!(out, "<h3>{}</h3>\n<ul>", escape(title));
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", escape(item));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    delivered_section(&mut out, roadmap, options);
    goals_section(&mut out, roadmap, options);
    gaps_section(&mut out, roadmap, options);
    decisions_section(&mut out, roadmap);
    out.push_str("</body>\n</html>\n");
    out
}

/// A summary or description, whole (a folded one would not print).
fn about(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        return String::new();
    }
    format!("<div class=\"about\">{}</div>", escape(text))
}

/// A table's header row, repeated on every printed page.
pub(super) fn table_head(columns: &[&str]) -> String {
    let cells: String = columns.iter().map(|c| format!("<th>{c}</th>")).collect();
    format!("<table><thead><tr>{cells}</tr></thead>\n")
}

fn delivered_section(out: &mut String, roadmap: &Roadmap, options: Options<'_>) {
    let (shown, recent) = super::delivered_shown(roadmap, options.today);
    let _ = writeln!(
        out,
        "<section>\n<h2>Delivered in the last {} days ({})</h2>",
        super::DELIVERED_DAYS,
        if recent { shown.len() } else { 0 }
    );
    if shown.is_empty() {
        out.push_str("<p>None.</p>\n</section>\n");
        return;
    }
    if !recent {
        out.push_str("<p>None in that time. The latest deliveries:</p>\n");
    }
    out.push_str(&table_head(&["Delivered", "Initiative", "For"]));
    for i in shown {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}{}</td><td>{}</td></tr>",
            super::done_day(i),
            escape(&i.title),
            about(&i.summary),
            goal_tags(roadmap, i)
        );
    }
    out.push_str("</table>\n</section>\n");
}

fn goals_section(out: &mut String, roadmap: &Roadmap, options: Options<'_>) {
    let today = options.today;
    out.push_str("<section>\n<h2>Business goals and KPIs</h2>\n");
    for (n, goal) in roadmap.goals.iter().enumerate() {
        let support = match alignment::support(roadmap, &goal.id, today) {
            s @ alignment::Support::Unsupported { .. } => format!(
                " · <span class=\"alert\">unsupported</span> ({})",
                escape(&s.why(today))
            ),
            alignment::Support::Delivered => " · delivered, nothing open".into(),
            alignment::Support::Supported => String::new(),
        };
        let owner = if goal.owner.trim().is_empty() {
            String::new()
        } else {
            format!(" · owner {}", escape(&goal.owner))
        };
        let _ = writeln!(
            out,
            "<h3><span class=\"goal\" style=\"background:{}\">{}</span>{}</h3>\n<p class=\"meta\">Priority P{}{owner}{support}</p>{}",
            COLOURS[n % COLOURS.len()],
            escape(&goal.code),
            escape(&goal.title),
            goal.priority,
            about(&goal.description)
        );
        let serving: Vec<String> = roadmap
            .serving(&goal.id)
            .map(|i| {
                format!(
                    "{} ({})",
                    escape(&i.title),
                    i.target.label(|d| day_month(d, today))
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "<p>Served by: {}</p>",
            if serving.is_empty() {
                "nothing active".to_string()
            } else {
                serving.join("; ")
            }
        );
        let delivered: Vec<String> = super::delivered_for(roadmap, &goal.id)
            .iter()
            .map(|(title, day)| format!("{} ({})", escape(title), day.format("%-d %b %Y")))
            .collect();
        if !delivered.is_empty() {
            let _ = writeln!(out, "<p>Delivered: {}</p>", delivered.join("; "));
        }
        if goal.kpis.is_empty() {
            out.push_str("<p class=\"alert\">No KPI yet.</p>\n");
            continue;
        }
        out.push_str(&table_head(&[
            "KPI",
            "Now",
            "Baseline → target",
            "Progress",
        ]));
        for kpi in &goal.kpis {
            let width = kpi.progress().map_or(0.0, |p| p.clamp(0.0, 1.0) * 100.0);
            let target = match kpi.target_words(|t| t.to_string()) {
                words if kpi.has_target() => escape(&words),
                _ => "no target".to_string(),
            };
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}{}{}</td><td>{} → {target}</td><td><span class=\"bar\"><span style=\"width:{width:.0}%\"></span></span> {}</td></tr>",
                escape(&kpi.name),
                kpi.current()
                    .map_or_else(|| "not measured".to_string(), |v| v.to_string()),
                if kpi.current().is_none() {
                    String::new()
                } else {
                    escape(&super::svg::unit_after(&kpi.unit))
                },
                super::reading_day(kpi),
                kpi.baseline
                    .map_or_else(|| "no baseline".to_string(), |v| v.to_string()),
                progress_label(kpi)
            );
        }
        out.push_str("</table>\n");
        kpi_charts(out, goal, today);
    }
    let b = alignment::balance(roadmap);
    let _ = writeln!(
        out,
        "<p>Portfolio mix of active work: run {} · grow {} · transform {}</p>\n</section>",
        percent(b.kinds[0]),
        percent(b.kinds[1]),
        percent(b.kinds[2])
    );
}

/// Each measured KPI of `goal` drawn: its readings over dated time, baseline and target as
/// lines (the report draws them the same way).
fn kpi_charts(out: &mut String, goal: &crate::domain::Goal, today: chrono::NaiveDate) {
    for kpi in &goal.kpis {
        let chart = super::charts::kpi(kpi, today);
        if super::charts::chartable(kpi) && super::svg::drawable(&chart) {
            figure(out, &chart, &kpi.label(), kpi.direction.label());
        }
    }
}

/// A chart under its caption: what it shows (bold), then its figures in words.
pub(super) fn figure(out: &mut String, chart: &super::svg::Chart, name: &str, words: &str) {
    let _ = writeln!(
        out,
        "<figure><figcaption><strong>{}</strong> · {}</figcaption>\n{}\n</figure>",
        escape(name),
        escape(words),
        super::svg::svg(chart)
    );
}

fn gaps_section(out: &mut String, roadmap: &Roadmap, options: Options<'_>) {
    let gaps = alignment::gaps(roadmap, options.today);
    let _ = writeln!(
        out,
        "<section>\n<h2>Gaps ({}) and open high risks</h2>",
        gaps.len()
    );
    if gaps.is_empty() {
        out.push_str("<p>No gaps.</p>\n");
    } else {
        out.push_str(&table_head(&["Gap", "About"]));
        for gap in &gaps {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td></tr>",
                escape(gap.heading()),
                escape(&gap_subject(roadmap, gap))
            );
        }
        out.push_str("</table>\n");
    }
    let risks: Vec<_> = roadmap
        .initiatives
        .iter()
        .filter(|i| i.status.is_active())
        .flat_map(|i| i.risks.iter().map(move |r| (i, r)))
        .filter(|(_, r)| r.is_open() && r.is_high())
        .collect();
    if risks.is_empty() {
        out.push_str("<p>No open high risks.</p>\n</section>\n");
        return;
    }
    out.push_str(&table_head(&[
        "Risk",
        "Severity",
        "Initiative",
        "Mitigation",
    ]));
    {
        for (i, r) in risks {
            let mitigation = if r.mitigation.is_empty() {
                "<span class=\"alert\">none</span>".to_string()
            } else {
                escape(&r.mitigation)
            };
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{mitigation}</td></tr>",
                escape(&r.title),
                r.severity(),
                escape(&i.title)
            );
        }
    }
    out.push_str("</table>\n</section>\n");
}

fn decisions_section(out: &mut String, roadmap: &Roadmap) {
    if roadmap.decisions.is_empty() && roadmap.actions.is_empty() {
        return;
    }
    out.push_str("<section>\n<h2>Decisions and actions</h2>\n<ul>\n");
    for d in &roadmap.decisions {
        let _ = writeln!(
            out,
            "<li>Decided {}: {}</li>",
            d.session.format("%-d %b %Y"),
            escape(&d.text)
        );
    }
    for a in &roadmap.actions {
        let state = if a.done_on.is_some() { "done" } else { "open" };
        let due = a
            .due
            .map_or_else(String::new, |d| format!(", due {}", d.format("%-d %b %Y")));
        let owner = if a.owner.trim().is_empty() {
            String::new()
        } else {
            format!(" · owner {}", escape(&a.owner))
        };
        let _ = writeln!(
            out,
            "<li>Action ({state}{due}): {}{owner}</li>",
            escape(&a.text)
        );
    }
    out.push_str("</ul>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn every_html_special_character_is_escaped() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(escape("</style>"), "&lt;/style&gt;");
    }
}
