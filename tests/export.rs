//! Exports: golden files of every format on the sample, hostile text in every format (parsed
//! back, not just searched), the public version, and the CLI that writes them.
#![allow(clippy::unwrap_used)] // test code

mod common;

use alignmap::domain::{Roadmap, Target};
use alignmap::export::{self, Format, Options};
use assert_cmd::Command;
use common::{TODAY, date, now};
use predicates::prelude::*;

fn sample() -> Roadmap {
    alignmap::sample::sample(date(TODAY), now()).unwrap()
}

fn options(public: bool) -> Options<'static> {
    Options {
        public,
        today: date(TODAY),
        changes: None,
    }
}

fn hostile() -> Roadmap {
    const EVIL: &str = "<script>alert(1)</script><img src=x onerror=alert(2)> \"quoted\" 'single' </style> | pipe \n newline =cmd|' /C calc'!A0 [link](javascript:alert(3)) \u{1b}[2J";
    let mut r = sample();
    r.name = EVIL.into();
    r.goals[0].title = EVIL.into();
    r.goals[0].kpis[0].name = EVIL.into();
    r.initiatives[0].title = EVIL.into();
    r.initiatives[1].title = "=HYPERLINK(\"http://evil\")".into();
    r.initiatives[2].title = "+1+1".into();
    r.initiatives[3].title = "-2".into();
    r.initiatives[4].title = "@SUM(A1)".into();
    r.initiatives[5].it_owner = "\tTabbed".into();
    r.initiatives[6].summary = "\rCarriage".into();
    r.initiatives[7].title = "'=already quoted".into();
    // Targets as plans write them: a quarter, a fiscal year, and no date yet.
    r.calendar = alignmap::domain::Calendar {
        fiscal_year_start: 4,
        day_order: alignmap::domain::DayOrder::DayFirst,
    };
    r.initiatives[8].target = "Q3 2027".parse().unwrap();
    r.initiatives[9].target = "FY2028 ends 2028-03-31".parse().unwrap();
    let today = date(TODAY);
    r.initiatives[10].set_target(Target::Later, today);
    r.actions = Default::default();
    r
}

#[test]
fn golden_markdown() {
    insta::assert_snapshot!(export::export(&sample(), Format::Markdown, options(false)).unwrap());
}

#[test]
fn golden_html() {
    insta::assert_snapshot!(export::export(&sample(), Format::Html, options(false)).unwrap());
}

#[test]
fn golden_csv() {
    insta::assert_snapshot!(export::export(&sample(), Format::Csv, options(false)).unwrap());
}

#[test]
fn golden_json_public() {
    insta::assert_snapshot!(export::export(&sample(), Format::Json, options(true)).unwrap());
}

#[test]
fn hostile_html_has_no_script_no_handlers_no_foreign_resources() {
    let html = export::export(&hostile(), Format::Html, options(false)).unwrap();
    let dom = tl::parse(&html, tl::ParserOptions::default()).unwrap();
    let parser = dom.parser();
    let mut tags = 0;
    for node in dom.nodes() {
        let Some(tag) = node.as_tag() else { continue };
        tags += 1;
        let name = tag.name().as_utf8_str().to_lowercase();
        assert!(
            !["script", "img", "iframe", "object", "a", "link"].contains(&name.as_str()),
            "{name}"
        );
        for (key, _) in tag.attributes().iter() {
            assert!(
                !key.to_lowercase().starts_with("on"),
                "handler {key} on {name}"
            );
        }
    }
    assert!(tags > 50, "the page really was parsed");
    let styles = dom.query_selector("style").unwrap().count();
    assert_eq!(
        styles, 1,
        "a </style> in the text did not end or start a style"
    );
    let csp = dom
        .query_selector("meta[http-equiv]")
        .unwrap()
        .filter_map(|h| h.get(parser))
        .filter_map(|n| n.as_tag())
        .filter_map(|t| {
            t.attributes()
                .get("content")
                .flatten()
                .map(|c| c.as_utf8_str().to_string())
        })
        .next()
        .unwrap();
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "shown as text"
    );
    assert!(!html.contains('\u{1b}'));
}

#[test]
fn hostile_markdown_cannot_break_tables_or_make_links_or_html() {
    let md = export::export(&hostile(), Format::Markdown, options(false)).unwrap();
    assert!(!md.contains("<script") && !md.contains("<img"));
    assert!(!md.contains("[link]("), "no link syntax survives");
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let cells = line.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 6, "five cells in every table row: {line}");
    }
    assert!(!md.contains('\u{1b}'));
}

#[test]
fn hostile_csv_cells_are_neutralised_and_read_back_exactly() {
    let original = hostile();
    let text = export::export(&original, Format::Csv, options(false)).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let title = headers.iter().position(|h| h == "title").unwrap();
    let owner = headers.iter().position(|h| h == "it_owner").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        rows.len(),
        original.initiatives.len(),
        "newlines did not split rows"
    );
    for row in &rows {
        for cell in row.iter() {
            assert!(
                !export::csv::is_risky(cell),
                "a spreadsheet would run this: {cell:?}"
            );
        }
    }
    assert_eq!(&rows[1][title], "'=HYPERLINK(\"http://evil\")");
    assert_eq!(
        export::csv::restore(&rows[1][title]),
        original.initiatives[1].title
    );
    assert_eq!(export::csv::restore(&rows[4][title]), "@SUM(A1)");
    assert_eq!(export::csv::restore(&rows[5][owner]), "\tTabbed");
    assert_eq!(export::csv::restore(&rows[7][title]), "'=already quoted");
}

#[test]
fn json_parses_and_keeps_the_model_shape() {
    let text = export::export(&hostile(), Format::Json, options(false)).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["format"], "alignmap-roadmap");
    assert_eq!(doc["schema"], alignmap::export::json::JSON_SCHEMA);
    let first = &hostile().initiatives[0];
    let written = doc["roadmap"]["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == first.id.0.as_str())
        .unwrap();
    assert_eq!(written["title"], first.title);
    assert_eq!(doc["horizons"]["i-vpn00001"], "Now");
    assert!(written["serves"][0]["strength"].is_string());
}

/// The roadmap file leaves defaults out; the published export writes every field, so a
/// consumer never has to know the storage model's defaults.
#[test]
fn the_json_export_writes_every_field_even_where_the_file_leaves_it_out() {
    let mut r = sample();
    // The file writes initiatives sorted by id: take the one it writes first.
    let id = r.initiatives.iter().map(|i| i.id.clone()).min().unwrap();
    let i = r.initiative_mut(&id).unwrap();
    (i.champion, i.notes, i.tags, i.rank) = (String::new(), String::new(), Vec::new(), 0);
    i.risks.clear();
    i.target_log.clear();
    let file = alignmap::storage::to_ron(&r).unwrap();
    let first = &file[file.find("Initiative(").unwrap()..];
    let first = &first[..first.find("\n\t\t),").unwrap()];
    for absent in [
        "champion:",
        "notes:",
        "tags:",
        "rank:",
        "risks:",
        "target_log:",
    ] {
        assert!(!first.contains(absent), "the file writes {absent}");
    }
    let doc: serde_json::Value =
        serde_json::from_str(&export::export(&r, Format::Json, options(false)).unwrap()).unwrap();
    let json = doc["roadmap"]["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id.0.as_str())
        .unwrap();
    assert_eq!(json["champion"], "");
    assert_eq!(json["notes"], "");
    assert_eq!(json["tags"], serde_json::json!([]));
    assert_eq!(json["rank"], 0);
    assert_eq!(json["risks"], serde_json::json!([]));
    assert_eq!(json["target_log"], serde_json::json!([]));
    assert_eq!(json["done_on"], serde_json::Value::Null);
    assert_eq!(doc["roadmap"]["goals"][0]["kpis"][0]["confidential"], false);
}

#[test]
fn public_exports_leave_out_internal_fields_in_every_format() {
    let mut r = sample();
    r.initiatives[0].notes = "SECRET-NOTE".into();
    r.initiatives[0].case.politics = "SECRET-POLITICS".into();
    r.initiatives[0].case.cost = Some(123_456.0);
    r.goals[0].kpis[0].name = "SECRET-KPI".into();
    r.goals[0].kpis[0].confidential = true;
    for format in Format::ALL {
        let private = export::export(&r, format, options(false)).unwrap();
        let public = export::export(&r, format, options(true)).unwrap();
        for secret in ["SECRET-NOTE", "SECRET-POLITICS", "123456", "SECRET-KPI"] {
            assert!(!public.contains(secret), "{format:?} public shows {secret}");
        }
        if matches!(format, Format::Json | Format::Csv) {
            assert!(
                private.contains("SECRET-NOTE"),
                "{format:?} private keeps notes"
            );
        }
    }
}

fn cli(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("alignmap").unwrap();
    cmd.current_dir(dir)
        .env("ALIGNMAP_DIR", dir.join("data"))
        .env("ALIGNMAP_TODAY", TODAY)
        .env("HOME", dir.join("home"))
        .env("XDG_CONFIG_HOME", dir.join("xdg"));
    cmd
}

#[test]
fn the_cli_writes_each_format_with_a_dated_name_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("data")).unwrap();
    let text = alignmap::storage::to_ron(&sample()).unwrap();
    std::fs::write(dir.path().join("data/roadmap.ron"), text).unwrap();
    for format in ["html", "md", "csv", "json"] {
        let name = format!("northwind-it-roadmap-2026-11-22.{format}");
        cli(dir.path())
            .args(["export", "--format", format])
            .assert()
            .success()
            .stdout(predicate::str::contains(name.as_str()));
        assert!(dir.path().join(&name).is_file());
    }
    let before = std::fs::read(dir.path().join("northwind-it-roadmap-2026-11-22.md")).unwrap();
    cli(dir.path())
        .args(["export", "--format", "md", "--public"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists: add --force"));
    assert_eq!(
        std::fs::read(dir.path().join("northwind-it-roadmap-2026-11-22.md")).unwrap(),
        before
    );
    cli(dir.path())
        .args(["export", "--format", "md", "--public", "--force"])
        .assert()
        .success();
    cli(dir.path())
        .args(["export", "--format", "csv", "--out", "-"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("id,title,horizon"));
    cli(dir.path())
        .args(["export", "--format", "pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("use html, md, csv or json"));
}

#[test]
fn the_html_prints_to_a_landscape_pdf_with_a_page_per_section_in_headless_chromium() {
    // No skipping: a print check that silently does not run checks nothing.
    let browser = common::render::browser();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("roadmap.html");
    std::fs::write(
        &page,
        export::export(&sample(), Format::Html, options(false)).unwrap(),
    )
    .unwrap();
    let pdf = dir.path().join("roadmap.pdf");
    let png = dir.path().join("roadmap.png");
    for (flag, out) in [("--print-to-pdf", &pdf), ("--screenshot", &png)] {
        // The browser keeps its profile and caches in the temp dir, never in the real home.
        let status = std::process::Command::new(&browser)
            .env("HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .arg(format!(
                "--user-data-dir={}",
                dir.path().join("profile").display()
            ))
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                // Offline: no background connections, updates or sync at start.
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ])
            .arg(format!("{flag}={}", out.display()))
            .arg("--window-size=1600,1000")
            .arg(format!("file://{}", page.display()))
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success() && out.is_file(), "{flag} failed");
    }
    let bytes = std::fs::read(&pdf).unwrap();
    let pages = common::render::pages(&bytes);
    assert!(pages >= 4, "one page per section at least: {pages}");
    let boxes = common::render::page_sizes(&bytes);
    assert!(
        !boxes.is_empty() && boxes.iter().all(|(w, h)| w > h),
        "landscape: {boxes:?}"
    );
    assert!(
        std::fs::metadata(&png).unwrap().len() > 10_000,
        "a real screenshot"
    );
    if let Some(keep) = std::env::var_os("ALIGNMAP_KEEP_RENDER") {
        std::fs::copy(&pdf, std::path::Path::new(&keep).join("roadmap.pdf")).unwrap();
        std::fs::copy(&png, std::path::Path::new(&keep).join("roadmap.png")).unwrap();
    }
}

#[test]
fn snapshots_are_kept_once_and_diff_names_exactly_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("data")).unwrap();
    let file = dir.path().join("data/roadmap.ron");
    let mut roadmap = sample();
    std::fs::write(&file, alignmap::storage::to_ron(&roadmap).unwrap()).unwrap();
    cli(dir.path())
        .args(["snapshot", "--label", "Q4 review/../../x"])
        .assert()
        .success()
        .stdout(predicate::str::contains("-q4-review-x saved"));
    cli(dir.path())
        .args(["snapshot"])
        .assert()
        .success()
        .stdout(predicate::str::contains("unchanged since snapshot"));
    let snaps: Vec<_> = std::fs::read_dir(dir.path().join("data/snapshots"))
        .unwrap()
        .collect();
    assert_eq!(snaps.len(), 1, "identical content is not stored twice");
    // Change three things: a slip, a pull-in, a new risk. Time passing is not a change.
    let id = |s: &str| alignmap::domain::InitiativeId(s.into());
    let (vpn, inv, crm) = (id("i-vpn00001"), id("i-inv00001"), id("i-crm00001"));
    let day = |s: &str| Target::day(date(s));
    roadmap
        .initiative_mut(&vpn)
        .unwrap()
        .set_target(day("2026-12-31"), date(TODAY));
    roadmap
        .initiative_mut(&inv)
        .unwrap()
        .set_target(day("2026-11-10"), date(TODAY));
    let crm = roadmap.initiative_mut(&crm).unwrap();
    let mut risk = crm.risks[0].clone();
    risk.id = "r-new00001".into();
    risk.title = "Auditor availability".into();
    crm.risks.push(risk);
    std::fs::write(&file, alignmap::storage::to_ron(&roadmap).unwrap()).unwrap();
    let out = cli(dir.path())
        .env("ALIGNMAP_TODAY", "2027-02-01")
        .arg("diff")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("Moved later (1)") && out.contains("Pulled in (1)"),
        "{out}"
    );
    assert!(
        out.contains("New risks (1)") && out.contains("Auditor availability"),
        "{out}"
    );
    assert!(
        !out.contains("Added") && !out.contains("Status changed"),
        "{out}"
    );
    let md = cli(dir.path())
        .args([
            "export", "--format", "md", "--since", "latest", "--out", "-",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let md = String::from_utf8(md).unwrap();
    assert!(md.contains("## Changes since the snapshot of"), "{md}");
    assert!(md.contains("Auditor availability"));
    cli(dir.path())
        .args([
            "export",
            "--format",
            "json",
            "--snapshot",
            "1",
            "--out",
            "-",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Auditor availability").not());
    cli(dir.path())
        .args(["diff", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "is not now, latest, a snapshot id or a file",
        ));
}

#[test]
fn export_csv_then_import_gives_back_the_same_initiatives_hostile_text_included() {
    let original = hostile();
    let text = export::export(&original, Format::Csv, options(false)).unwrap();
    // Into an empty roadmap the codes name nothing: an error naming them, never a new goal
    // titled with the code (which linked later rows to the wrong goals).
    let mut ids = alignmap::domain::IdGen::with_seed(1);
    let errors =
        export::import::apply(&Roadmap::new("r"), &text, date(TODAY), now(), &mut ids).unwrap_err();
    assert!(
        errors[0].to_string().ends_with(
            "column goals: no goal has the code O2C; the roadmap has no goals yet: import the goals sheet first (--sheet goals)"
        ),
        "{}",
        errors[0]
    );
    // With the goals sheet first, the initiatives keep their ids and their links.
    let goals =
        export::export_sheet(&original, export::sheets::Sheet::Goals, options(false)).unwrap();
    let (with_goals, _) = export::sheets::apply_sheet(
        &Roadmap::new("r"),
        export::sheets::Sheet::Goals,
        &goals,
        date(TODAY),
        now(),
        &mut ids,
    )
    .unwrap();
    assert_eq!(
        with_goals.goals,
        original
            .goals
            .iter()
            .map(|g| alignmap::domain::Goal {
                kpis: Vec::new(),
                ..g.clone()
            })
            .collect::<Vec<_>>()
    );
    let (imported, report) =
        export::import::apply(&with_goals, &text, date(TODAY), now(), &mut ids).unwrap();
    assert_eq!(report.added, original.initiatives.len());
    for (a, b) in original.initiatives.iter().zip(&imported.initiatives) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.title, b.title, "title of {}", a.id);
        assert_eq!(a.it_owner, b.it_owner, "owner of {}", a.id);
        assert_eq!(a.summary, b.summary, "summary of {}", a.id);
        assert_eq!(a.notes, b.notes, "notes of {}", a.id);
        assert_eq!((a.target, a.status, a.kind), (b.target, b.status, b.kind));
        assert_eq!(a.serves, b.serves, "the same goals, the same strengths");
        assert_eq!(a.case.cost, b.case.cost);
    }
    // Into the roadmap it came from: nothing changes.
    let (same, report) =
        export::import::apply(&original, &text, date(TODAY), now(), &mut ids).unwrap();
    assert_eq!((report.added, report.updated), (0, 0), "{report:?}");
    assert_eq!(same.initiatives.len(), original.initiatives.len());
}

#[test]
fn bad_rows_are_reported_by_row_and_column_and_nothing_is_half_imported() {
    let csv = "title,horizon,status,goals,cost\n\
               Good one,next month,Planned,O2C:partial,45k\n\
               ,Now,,,\n\
               Bad date,,,,\n\
               Bad status,Now,Finished,,\n\
               Bad horizon,someday,,,\n\
               Bad cost,Now,,,lots\n";
    let mut ids = alignmap::domain::IdGen::with_seed(1);
    let errors = export::import::apply(&sample(), csv, date(TODAY), now(), &mut ids).unwrap_err();
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(text.len(), 5, "{text:#?}");
    assert!(text[0].starts_with("row 3, column title: the title is empty"));
    assert!(text[1].starts_with("row 4: a new initiative needs a target date or a horizon"));
    assert!(text[2].starts_with("row 5, column status: \"Finished\" is not"));
    assert!(text[3].starts_with("row 6, column horizon: \"someday\" is not"));
    assert!(text[4].starts_with("row 7, column cost:"));
    let unknown = export::import::apply(
        &sample(),
        "title,target,budget\nx,2027-01-01,5\n",
        date(TODAY),
        now(),
        &mut ids,
    )
    .unwrap_err();
    assert!(
        unknown[0]
            .to_string()
            .starts_with("row 1, column budget: unknown column")
    );
}

#[test]
fn the_cli_imports_all_or_nothing_updates_by_id_and_dry_runs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("data")).unwrap();
    let file = dir.path().join("data/roadmap.ron");
    std::fs::write(&file, alignmap::storage::to_ron(&sample()).unwrap()).unwrap();
    let before = std::fs::read(&file).unwrap();
    let csv = dir.path().join("in.csv");
    std::fs::write(
        &csv,
        "id,title,horizon,goals\ni-vpn00001,Patch the VPN gateways (CVE-2026-4411),next week,ISO\n,Pen test of the web shop,next month,Web security:strong\n",
    )
    .unwrap();
    cli(dir.path())
        .args(["import", "--dry-run"])
        .arg(&csv)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("would add 1 initiative, would update 0")
                .and(predicate::str::contains("would create goals: Web security"))
                .and(predicate::str::contains(
                    "note: row 2: the horizon Next week does not move \"Patch the VPN gateways (CVE-2026-4411)\" later (due 20 Nov 2026); give it a target to move it",
                ))
                .and(predicate::str::contains("dry run: nothing written")),
        );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "a dry run writes nothing"
    );
    std::fs::write(
        dir.path().join("bad.csv"),
        "title,target\nok,2027-01-01\nbroken,2027-02-30\n",
    )
    .unwrap();
    cli(dir.path())
        .args(["import", "bad.csv"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bad.csv: row 3, column target"));
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "nothing half-imported"
    );
    // A horizon only pulls work in; a target moves it later.
    std::fs::write(
        &csv,
        "id,title,target,goals\ni-vpn00001,Patch the VPN gateways (CVE-2026-4411),2026-11-29,ISO\n,Pen test of the web shop,2026-12-31,Web security:strong\n",
    )
    .unwrap();
    cli(dir.path()).arg("import").arg(&csv).assert().success();
    let after = alignmap::storage::load(&file).unwrap();
    assert_eq!(after.initiatives.len(), 19);
    let vpn = after
        .initiative(&alignmap::domain::InitiativeId("i-vpn00001".into()))
        .unwrap();
    assert_eq!(
        vpn.target.due(),
        Some(date("2026-11-29")),
        "moved to next week"
    );
    assert_eq!(vpn.slip_count(), 1, "the move is logged like any other");
    assert!(after.goals.iter().any(|g| g.title == "Web security"));
    assert!(
        dir.path().join("data/backups").read_dir().unwrap().count() >= 1,
        "backed up first"
    );
}

/// Checks `value` against the subset of JSON Schema that `assets/roadmap.schema.json` uses
/// (type, const, enum, pattern, properties, required, additionalProperties, items, date
/// formats);
/// returns every mismatch with its JSON path.
fn validate(
    schema: &serde_json::Value,
    value: &serde_json::Value,
    path: &str,
    out: &mut Vec<String>,
) {
    use serde_json::Value;
    if let Some(expected) = schema.get("const")
        && expected != value
    {
        out.push(format!("{path}: {value} is not {expected}"));
    }
    if let Some(Value::Array(options)) = schema.get("enum")
        && !options.contains(value)
    {
        out.push(format!("{path}: {value} is not one of {options:?}"));
    }
    if let Some(kind) = schema.get("type") {
        let kinds: Vec<&str> = match kind {
            Value::String(k) => vec![k.as_str()],
            Value::Array(ks) => ks.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let fits = kinds.iter().any(|k| match *k {
            "string" => value.is_string(),
            "number" => value.is_number(),
            "integer" => value.is_i64() || value.is_u64(),
            "boolean" => value.is_boolean(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            "null" => value.is_null(),
            _ => false,
        });
        if !fits {
            out.push(format!("{path}: {value} is not {kinds:?}"));
            return;
        }
    }
    if let (Some(format), Some(text)) =
        (schema.get("format").and_then(Value::as_str), value.as_str())
    {
        let ok = match format {
            "date" => chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok(),
            "date-time" => chrono::DateTime::parse_from_rfc3339(text).is_ok(),
            _ => true,
        };
        if !ok {
            out.push(format!("{path}: {text} is not a {format}"));
        }
    }
    if let (Some(pattern), Some(text)) = (
        schema.get("pattern").and_then(Value::as_str),
        value.as_str(),
    ) && !regex::Regex::new(pattern).unwrap().is_match(text)
    {
        out.push(format!("{path}: {text} does not match {pattern}"));
    }
    if let Value::Object(map) = value {
        let props = schema.get("properties").and_then(Value::as_object);
        for name in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(name) = name.as_str()
                && !map.contains_key(name)
            {
                out.push(format!("{path}: missing {name}"));
            }
        }
        for (key, v) in map {
            let inner = props.and_then(|p| p.get(key));
            match (inner, schema.get("additionalProperties")) {
                (Some(s), _) => validate(s, v, &format!("{path}.{key}"), out),
                (None, Some(Value::Bool(false))) => out.push(format!("{path}: unexpected {key}")),
                (None, Some(s @ Value::Object(_))) => validate(s, v, &format!("{path}.{key}"), out),
                _ => {}
            }
        }
    }
    if let (Value::Array(items), Some(s)) = (value, schema.get("items")) {
        for (n, item) in items.iter().enumerate() {
            validate(s, item, &format!("{path}[{n}]"), out);
        }
    }
}

#[test]
fn the_json_export_matches_the_published_schema_public_or_not() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/roadmap.schema.json"),
    )
    .unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    for public in [false, true] {
        let doc = export::export(&hostile(), Format::Json, options(public)).unwrap();
        let doc: serde_json::Value = serde_json::from_str(&doc).unwrap();
        let mut problems = Vec::new();
        validate(&schema, &doc, "$", &mut problems);
        assert_eq!(problems, Vec::<String>::new());
    }
    let mut broken: serde_json::Value =
        serde_json::from_str(&export::export(&sample(), Format::Json, options(false)).unwrap())
            .unwrap();
    broken["roadmap"]["initiatives"][0]["status"] = "Finished".into();
    broken["roadmap"]["goals"][0]["kpis"][0]["readings"][0]["on"] = "yesterday".into();
    let mut problems = Vec::new();
    validate(&schema, &broken, "$", &mut problems);
    assert_eq!(problems.len(), 2, "the check can fail: {problems:#?}");
}
