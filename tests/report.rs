//! `alignmap report` on a quarter of reviews (`alignmap::scenario`: the sample on 1 Sep
//! 2026, reviews on 1 Oct and 2 Nov with snapshots, the roadmap as of 1 Dec): every figure
//! checked against a count by hand from the scenario, and every chart parsed back from its
//! SVG into dates and values that must match the file.
#![allow(clippy::unwrap_used)] // test helpers

mod common;

use alignmap::domain::Roadmap;
use chrono::NaiveDate;
use common::cli_in;
use predicates::prelude::*;

const END: &str = alignmap::scenario::END;

fn quarter() -> (tempfile::TempDir, Roadmap) {
    let dir = tempfile::tempdir().unwrap();
    let file = alignmap::scenario::write(dir.path()).unwrap();
    let roadmap = alignmap::storage::load(&file).unwrap();
    (dir, roadmap)
}

fn report(dir: &std::path::Path, args: &[&str]) -> String {
    let out = cli_in(dir)
        .env("ALIGNMAP_TODAY", END)
        .arg("report")
        .args(args)
        .args(["--out", "-"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_figures_match_a_count_by_hand() {
    let (dir, _) = quarter();
    let md = report(dir.path(), &["--since", "1", "--format", "md"]);
    // Since 1 Sep: vpn (3 Sep), churn (2 Sep), SSO (10 Sep), drill (12 Sep), FTP (28 Sep),
    // invoices (30 Sep), load test (20 Oct), Microsoft agreement (2 Nov).
    assert!(md.contains("## Delivered since 1 Sep 2026 (8)"), "{md}");
    // Peppol and dunning on 1 Oct; CRM and tracking on 2 Nov; tracking again on 1 Dec.
    assert!(md.contains("## Slips since 1 Sep 2026 (5)"));
    assert!(md.contains(
        "| 1 Dec 2026 | Self-service order tracking page (slipped 2 times) | 15 Dec 2026 → 29 Jan 2027 | **no reason given** |"
    ));
    assert!(md.contains(
        "| 2 Nov 2026 | Replace the legacy CRM | 1 Jun 2027 → 31 Aug 2027 | Sales asked to wait until after the year-end quota |"
    ));
    // Slips are told once, each with its own reason, not again as a net move.
    assert!(!md.contains("### Moved later"), "{md}");
    // On time against the first promise: churn, SSO, drill, FTP; late: the other four (the
    // load test was first promised for 18 Aug, before the sample slipped it to 22 Sep).
    assert!(
        md.contains(
            "Since 1 Sep 2026: 8 delivered (4 on time against the first promise) · 5 slips"
        ),
        "{md}"
    );
    assert!(md.contains("| 20 Oct 2026 | Load-test checkout at 3x volume | 63 days late |"));
    // What the alignment view flags reaches the paper: the unlinked laptop refresh.
    assert!(md.contains("Serving no goal"), "{md}");
    assert!(md.contains("Laptop refresh (450 devices)"));
    // The run cost was last read on 27 Aug (96 days before 1 Dec).
    assert!(
        md.contains("COST IT run cost, annualised: last reading 96 days ago"),
        "{md}"
    );
    assert!(md.contains("16 of 25 (likelihood 4 × impact 4)"));
    // Now: 2 KPIs unread for 30 days (run cost, reconciled reports) and 6 open initiatives
    // not updated (laptops, awareness, cloud, warehouse 91 days; dunning, Peppol 61).
    assert!(md.contains(
        "Now: 0 past their current target · 2 high risks without mitigation · 7 gaps · 2 actions open (1 overdue) · 8 not measured or updated lately"
    ), "{md}");
    // The unmitigated high risks have their table; the gaps do not list them again.
    assert!(!md.contains("High risks with no mitigation —"));
    // Promises whose first target has come by 1 Dec: kept by churn (3 Sep), SSO and drill
    // (13 Sep), FTP (29 Sep) and one of the sample's two old deliveries; delivered late:
    // invoices and the agreement (6 Sep), vpn (30 Aug), load test (18 Aug) and the other
    // old one; open past the first date: dunning, Peppol, tracking. 5 of 13.
    assert!(md.contains(
        "Promise keeping, all work ever promised: 5 of 13 promises kept (38%) · 5 delivered late · 3 open past their first date"
    ));
    // One point per snapshot (1 Sep, 1 Oct, 2 Nov) and today.
    let trend = md
        .lines()
        .find(|l| l.starts_with("Kept share over time:"))
        .unwrap();
    assert_eq!(trend.matches(" → ").count(), 3, "{trend}");
    assert!(trend.ends_with("1 Dec 2026 38%"), "{trend}");
    // Open actions: the load-test date (due 20 Nov, overdue) and the CRM case; done ones
    // are not listed.
    assert!(md.contains("## Open actions (2, 1 overdue)"));
    assert!(md.contains("Fri 20 Nov 2026 (OVERDUE)"));
    assert!(!md.contains("| Send the supplier clean-up list"));
    assert!(md.contains("## Decisions since 1 Sep 2026 (2)"));
    // Check-ins: the sample's three and the quarter's three, latest gap 7 − 7.
    assert!(md.contains("## Relationship check-ins (6)"));
    assert!(md.contains("Latest, 1 Dec 2026 with Dana Whitfield (CFO): both sides agree."));
    assert!(md.contains(
        "- IT: Fewer surprises both ways · closer to 10: A named Finance contact per goal"
    ));
    // The same summary line the app's header shows.
    let roadmap = alignmap::storage::load(&dir.path().join("roadmap.ron")).unwrap();
    let today: NaiveDate = END.parse().unwrap();
    let line = alignmap::domain::alignment::summary(&roadmap, today).line();
    assert!(md.contains(&format!(
        "**{}**",
        alignmap::export::markdown::escape(&line)
    )));
    // KPI trends in words, with dates, first → latest → target.
    assert!(
        md.contains("- Days sales outstanding: 41 days (4 May 2026) → 34 days (1 Dec 2026), 8 readings; target 33 days"),
        "{md}"
    );
}

#[test]
fn a_net_move_over_two_slips_gives_both_reasons_never_one_for_both() {
    let (dir, _) = quarter();
    let out = cli_in(dir.path())
        .env("ALIGNMAP_TODAY", END)
        .args(["diff", "1"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Self-service order tracking page: 31 Oct 2026 → 29 Jan 2027 (+90 days), because The design review with Customer Success moved to November; (no reason given for one move)"),
        "{text}"
    );
}

#[test]
fn without_since_the_report_compares_with_the_latest_snapshot_before_today() {
    let (dir, _) = quarter();
    let md = report(dir.path(), &["--format", "md"]);
    assert!(md.contains("since the snapshot of Mon 2 Nov 2026 17:00 (november-review)"));
    // Since 2 Nov: the agreement was delivered that day; tracking slipped on 1 Dec.
    assert!(md.contains("## Delivered since 2 Nov 2026 (1)"), "{md}");
    assert!(md.contains("## Slips since 2 Nov 2026 (3)"), "{md}");
}

/// The number in attribute `name` of the first tag in `tag`.
fn attr(tag: &str, name: &str) -> Option<f64> {
    let tag = format!(" {tag}");
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[at..].split('"').next()?.parse().ok()
}

/// The charts of a page: each `<svg>…</svg>`.
fn charts(html: &str) -> Vec<&str> {
    html.split("<svg ")
        .skip(1)
        .map(|s| s.split("</svg>").next().unwrap())
        .collect()
}

/// An axis label back to its number: `41`, `12.5k`, `1.2M`, `3bn`.
fn short_value(label: &str) -> f64 {
    let label = label.trim_end_matches('%');
    for (suffix, times) in [("bn", 1e9), ("M", 1e6), ("k", 1e3)] {
        if let Some(n) = label.strip_suffix(suffix) {
            return n.parse::<f64>().unwrap() * times;
        }
    }
    label.parse().unwrap()
}

/// The chart's value scale from its y ticks: (value per unit of y, value at y = 0).
fn value_scale(svg: &str) -> (f64, f64) {
    let ticks: Vec<(f64, f64)> = svg
        .split("<g class=\"ytick\">")
        .skip(1)
        .map(|g| g.split("</g>").next().unwrap())
        .map(|g| {
            let y = attr(g, "y1").unwrap();
            let label = g.split('>').nth(2).unwrap().split('<').next().unwrap();
            let value = short_value(label);
            (y, value)
        })
        .collect();
    assert!(ticks.len() >= 2, "{svg}");
    let ((y0, v0), (y1, v1)) = (ticks[0], ticks[ticks.len() - 1]);
    let per = (v1 - v0) / (y1 - y0);
    (per, v0 - per * y0)
}

/// The chart's time scale from its labelled x ticks (first of the month): (days per unit of
/// x, the day at x = 0).
fn day_scale(svg: &str) -> (f64, NaiveDate, f64) {
    let ticks: Vec<(f64, NaiveDate)> = svg
        .split("<g class=\"xtick\">")
        .skip(1)
        .map(|g| g.split("</g>").next().unwrap())
        .filter(|g| g.contains("<text"))
        .map(|g| {
            let x = attr(g, "x1").unwrap();
            let label = g
                .split("middle\">")
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap();
            let day = NaiveDate::parse_from_str(&format!("1 {label}"), "%d %b %Y").unwrap();
            (x, day)
        })
        .collect();
    assert!(ticks.len() >= 2, "{svg}");
    let ((x0, d0), (x1, d1)) = (ticks[0], ticks[ticks.len() - 1]);
    ((d1 - d0).num_days() as f64 / (x1 - x0), d0, x0)
}

/// Every data point of a chart's series `name`, read back as (day, value).
fn points(svg: &str, name: &str) -> Vec<(NaiveDate, f64)> {
    let (per, v_at_0) = value_scale(svg);
    let (days_per, d0, x0) = day_scale(svg);
    let Some(series) = svg.split(&format!("data-series=\"{name}\"")).nth(1) else {
        return Vec::new();
    };
    let series = series.split("</g>").next().unwrap();
    series
        .split("class=\"point\"")
        .skip(1)
        .map(|p| {
            let (x, y) = match (attr(p, "cx"), attr(p, "cy")) {
                (Some(x), Some(y)) => (x, y),
                // Square markers: their corner is 3.5 from the point.
                _ => (attr(p, "x").unwrap() + 3.5, attr(p, "y").unwrap() + 3.5),
            };
            let days = ((x - x0) * days_per).round() as i64;
            (d0 + chrono::TimeDelta::days(days), v_at_0 + per * y)
        })
        .collect()
}

fn level(svg: &str, name: &str) -> Option<f64> {
    let (per, v_at_0) = value_scale(svg);
    let g = svg.split(&format!("data-level=\"{name}\"")).nth(1)?;
    Some(v_at_0 + per * attr(g, "y1")?)
}

#[test]
fn every_chart_reads_back_as_the_data_it_draws() {
    let (dir, roadmap) = quarter();
    let html = report(dir.path(), &["--since", "1"]);
    let svgs = charts(&html);
    let kpis: Vec<_> = roadmap.goals.iter().flat_map(|g| &g.kpis).collect();
    let measured = kpis
        .iter()
        .filter(|k| alignmap::export::charts::chartable(k))
        .count();
    // One per measured KPI, the promise trend, the check-ins.
    assert_eq!(svgs.len(), measured + 2, "{} charts", svgs.len());
    for kpi in &kpis {
        let Some(svg) = svgs.iter().find(|s| {
            s.contains(&format!(
                "aria-label=\"{}\"",
                kpi.label().replace('&', "&amp;")
            ))
        }) else {
            assert!(
                !alignmap::export::charts::chartable(kpi),
                "{} has no chart",
                kpi.name
            );
            continue;
        };
        let read = points(svg, "readings");
        assert_eq!(read.len(), kpi.readings.len(), "{}", kpi.name);
        let span = value_scale(svg).0.abs() * 166.0;
        for ((day, value), r) in read.iter().zip(&kpi.readings) {
            assert_eq!(*day, r.on, "{}", kpi.name);
            assert!(
                (value - r.value).abs() < span * 0.005,
                "{}: {value} vs {}",
                kpi.name,
                r.value
            );
        }
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < span * 0.005,
            (None, None) => true,
            _ => false,
        };
        assert!(
            close(level(svg, "baseline"), kpi.baseline),
            "{} baseline",
            kpi.name
        );
        assert!(
            close(level(svg, "target"), kpi.aim()),
            "{} target",
            kpi.name
        );
    }
    let checkins = svgs
        .iter()
        .find(|s| s.contains("data-series=\"business\""))
        .unwrap();
    let mut ordered = roadmap.checkins.clone();
    ordered.sort_by_key(|c| c.on);
    for (side, score) in [
        (
            "business",
            (|c: &alignmap::domain::checkin::CheckIn| c.business.score) as fn(&_) -> u8,
        ),
        ("IT", |c| c.it.score),
    ] {
        let read = points(checkins, side);
        let want: Vec<(NaiveDate, f64)> = ordered
            .iter()
            .map(|c| (c.on, f64::from(score(c))))
            .collect();
        assert_eq!(read.len(), want.len(), "{side}");
        for (got, want) in read.iter().zip(&want) {
            assert_eq!(got.0, want.0, "{side}");
            assert!((got.1 - want.1).abs() < 0.05, "{side}: {got:?} vs {want:?}");
        }
    }
    let promise = svgs
        .iter()
        .find(|s| s.contains("data-series=\"kept %\""))
        .unwrap();
    let read = points(promise, "kept %");
    assert_eq!(read.len(), 4, "three snapshots and today");
    assert_eq!(read[3].0, END.parse::<NaiveDate>().unwrap());
    assert!((read[3].1 - 500.0 / 13.0).abs() < 0.5, "{read:?}");
}

#[test]
fn no_chart_text_leaves_its_drawing() {
    let (dir, _) = quarter();
    let html = report(dir.path(), &["--since", "1"]);
    let width = alignmap::export::svg::WIDTH;
    let height = alignmap::export::svg::HEIGHT;
    let mut texts = 0;
    for svg in charts(&html) {
        for t in svg.split("<text ").skip(1) {
            texts += 1;
            let x = attr(t, "x").unwrap();
            let y = attr(t, "y").unwrap();
            let body = t.split('>').nth(1).unwrap().split('<').next().unwrap();
            let chars = body.replace("&amp;", "&").chars().count() as f64;
            let w = chars * alignmap::export::svg::CHAR_WIDTH;
            let (left, right) = if t.contains("text-anchor=\"end\"") {
                (x - w, x)
            } else if t.contains("text-anchor=\"middle\"") {
                (x - w / 2.0, x + w / 2.0)
            } else {
                (x, x + w)
            };
            assert!(
                left >= 0.0 && right <= width,
                "\"{body}\" runs out sideways: {left}..{right}"
            );
            assert!(
                y - 11.0 >= 0.0 && y + 3.0 <= height,
                "\"{body}\" runs out at y {y}"
            );
        }
    }
    assert!(texts > 50, "the charts have their labels: {texts}");
}

#[test]
fn the_page_is_self_contained_and_public_hides_confidential_kpis() {
    let (dir, mut roadmap) = quarter();
    roadmap.goals[0].kpis[1].confidential = true;
    let name = roadmap.goals[0].kpis[1].name.clone();
    alignmap::storage::save(&dir.path().join("roadmap.ron"), &roadmap).unwrap();
    let private = report(dir.path(), &[]);
    let public = report(dir.path(), &["--public"]);
    assert!(private.contains(&name));
    assert!(!public.contains(&name), "a confidential KPI stays out");
    assert!(public.contains("public version"));
    for page in [&private, &public] {
        assert!(page.contains("default-src 'none'"));
        assert!(!page.contains("<script"));
        assert_eq!(
            page.matches("http://").count() + page.matches("https://").count(),
            page.matches("xmlns=\"http://www.w3.org/2000/svg\"").count(),
            "nothing links out but the SVG namespace"
        );
        assert!(page.contains("size: A4 portrait"));
        assert!(page.contains("break-inside: avoid"));
        assert!(page.contains("thead { display: table-header-group; }"));
    }
    let letter = report(dir.path(), &["--paper", "letter"]);
    assert!(letter.contains("size: letter portrait"));
}

#[test]
fn the_cli_names_the_file_refuses_what_it_cannot_do_and_says_how_to_get_a_browser() {
    let (dir, _) = quarter();
    cli_in(dir.path())
        .env("ALIGNMAP_TODAY", END)
        .args(["report"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "northwind-it-roadmap-2026-12-01-report.html",
        ));
    assert!(
        dir.path()
            .join("northwind-it-roadmap-2026-12-01-report.html")
            .is_file()
    );
    cli_in(dir.path())
        .env("ALIGNMAP_TODAY", END)
        .args(["report"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("add --force"));
    cli_in(dir.path())
        .args(["report", "--format", "docx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("use html, md or pdf"));
    cli_in(dir.path())
        .args(["report", "--since", "9"])
        .assert()
        .code(2);
    cli_in(dir.path())
        .args(["--demo", "report", "--since", "1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("run it without --demo"));
    cli_in(dir.path())
        .args(["--demo", "report", "--format", "md", "--out", "-"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "# Review report: Northwind IT roadmap",
        ));
    let empty = tempfile::tempdir().unwrap();
    cli_in(dir.path())
        .env("PATH", empty.path())
        .env_remove(alignmap::cli::browser::BROWSER_ENV)
        .args(["report", "--format", "pdf", "--out", "r.pdf"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("apt-get install chromium"));
    assert!(!dir.path().join("r.pdf").exists());
}

#[test]
fn r_in_the_review_of_the_real_app_writes_the_report_into_exports() {
    let home = common::pty::Home::new();
    alignmap::scenario::write(home.dir.path()).unwrap();
    let mut app = home.start(&[]);
    app.send(b"3");
    app.settle();
    app.send(b"R");
    app.settle();
    app.send(b"q");
    assert_eq!(app.exit_code(), 0);
    let exports = home.dir.path().join("exports");
    let written: Vec<_> = std::fs::read_dir(&exports)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let name = written[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    // The pty's day is 22 Nov 2026: the latest snapshot before it is the November review.
    assert_eq!(name, "northwind-it-roadmap-2026-11-22-report.html");
    let page = std::fs::read_to_string(&written[0]).unwrap();
    assert!(page.contains("since the snapshot of Mon 2 Nov 2026 17:00 (november-review)"));
    assert!(page.contains("<svg class=\"chart\""));
}
