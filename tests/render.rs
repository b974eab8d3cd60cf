//! The review report and the roadmap export rendered in a real browser (the Chromium that
//! `.ci/run` installs; without one these tests fail, never skip): page counts and sizes of
//! the PDF on A4 and US Letter, every chart drawn, and nothing wider than the printed page.
//! The PNGs stay under `target/tmp/render/` (one per page size), never in git.
#![allow(clippy::unwrap_used)] // test helpers

mod common;

use alignmap::cli::browser::{Output, render};
use common::cli_in;
use common::render::{
    artefacts, browser, dark_pixels, ink_at_bottom, ink_in_right_margin, page_sizes, pages,
};
use std::path::Path;

/// A page's printable width at 96 pixels per inch, plus the 24-pixel screen margins the
/// page has on both sides: a screenshot this wide lays the content out as wide as print.
fn window_width(paper_mm: f64, margins_mm: f64) -> u32 {
    ((paper_mm - margins_mm) / 25.4 * 96.0 + 48.0).round() as u32
}

/// Renders `page` as a PNG `width` wide and tall enough for all of it; returns its path.
fn picture(page: &Path, width: u32, name: &str) -> std::path::PathBuf {
    let png = artefacts().join(name);
    render(
        &browser(),
        page,
        &png,
        Output::Png {
            width,
            height: 12_000,
        },
    )
    .unwrap();
    png
}

#[test]
fn the_report_prints_on_a4_and_letter_a_page_per_section_with_no_overflow() {
    let dir = tempfile::tempdir().unwrap();
    alignmap::scenario::write(dir.path()).unwrap();
    // (name, width × height in points, paper width and side margins in mm)
    for (paper, size, width_mm) in [
        ("a4", (595.3, 841.9), 210.0),
        ("letter", (612.0, 792.0), 215.9),
    ] {
        let pdf = dir.path().join(format!("report-{paper}.pdf"));
        let html = dir.path().join(format!("report-{paper}.html"));
        for (format, out) in [("pdf", &pdf), ("html", &html)] {
            cli_in(dir.path())
                .env("ALIGNMAP_TODAY", alignmap::scenario::END)
                .args([
                    "report", "--since", "1", "--paper", paper, "--format", format,
                ])
                .arg("--out")
                .arg(out)
                .timeout(std::time::Duration::from_secs(120))
                .assert()
                .success();
        }
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF"), "{paper}: a PDF");
        let n = pages(&bytes);
        // Six sections, each from a new page; a five-minute read is not a book.
        assert!((6..=14).contains(&n), "{paper}: {n} pages");
        let sizes = page_sizes(&bytes);
        assert!(
            !sizes.is_empty()
                && sizes
                    .iter()
                    .all(|(w, h)| (w - size.0).abs() < 1.5 && (h - size.1).abs() < 1.5),
            "{paper} portrait: {sizes:?}"
        );
        // 12 mm margins either side, as the page's print style sets them.
        let png = picture(
            &html,
            window_width(width_mm, 24.0),
            &format!("report-{paper}.png"),
        );
        assert_eq!(
            ink_in_right_margin(&png, 12),
            0,
            "{paper}: something is wider than the page"
        );
        assert!(dark_pixels(&png) > 20_000, "{paper}: the report is drawn");
        assert_eq!(
            ink_at_bottom(&png, 200),
            0,
            "{paper}: the picture holds the whole page"
        );
    }
}

#[test]
fn the_overflow_check_sees_content_wider_than_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("wide.html");
    let html = alignmap::export::html::page_start("wide")
        + "<p>ok</p><table><tr><td>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</td></tr></table></body></html>";
    std::fs::write(&page, html).unwrap();
    let png = picture(&page, 751, "wide-control.png");
    assert!(
        ink_in_right_margin(&png, 12) > 0,
        "a control that overflows must be caught"
    );
}

#[test]
fn the_export_draws_every_measured_kpi_and_fits_its_landscape_page() {
    let dir = tempfile::tempdir().unwrap();
    let file = alignmap::scenario::write(dir.path()).unwrap();
    let roadmap = alignmap::storage::load(&file).unwrap();
    let html = dir.path().join("export.html");
    cli_in(dir.path())
        .env("ALIGNMAP_TODAY", alignmap::scenario::END)
        .args(["export", "--format", "html", "--out"])
        .arg(&html)
        .assert()
        .success();
    let text = std::fs::read_to_string(&html).unwrap();
    let measured: Vec<_> = roadmap
        .goals
        .iter()
        .flat_map(|g| &g.kpis)
        .filter(|k| alignmap::export::charts::chartable(k))
        .collect();
    assert_eq!(text.matches("<svg ").count(), measured.len());
    for kpi in measured {
        let chart = text
            .split(&format!("aria-label=\"{}\"", kpi.label()))
            .nth(1)
            .unwrap()
            .split("</svg>")
            .next()
            .unwrap();
        assert_eq!(
            chart.matches("class=\"point\"").count(),
            kpi.readings.len(),
            "{}",
            kpi.name
        );
    }
    let pdf = dir.path().join("export.pdf");
    render(&browser(), &html, &pdf, Output::Pdf).unwrap();
    let sizes = page_sizes(&std::fs::read(&pdf).unwrap());
    assert!(sizes.iter().all(|(w, h)| w > h), "landscape: {sizes:?}");
    // A4 landscape, 12 mm margins.
    let png = picture(&html, window_width(297.0, 24.0), "export-a4-landscape.png");
    assert_eq!(
        ink_in_right_margin(&png, 12),
        0,
        "something is wider than the page"
    );
}
