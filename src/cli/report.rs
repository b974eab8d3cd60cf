//! `alignmap report`: the review report for people who never open a terminal, as HTML,
//! Markdown or (through the installed Chromium) PDF. Compares with `--since` (default: the
//! latest snapshot taken before today), and draws the promise trend from every snapshot.

use super::export::{Delivery, deliver, describe};
use super::output::Failure;
use crate::domain::Roadmap;
use crate::export::report::html::Paper;
use crate::export::report::{self, Inputs};
use crate::storage::snapshot::{self, Source};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The report's formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One self-contained page with charts.
    Html,
    /// Markdown, with trends in words.
    Markdown,
    /// The HTML page printed by Chromium.
    Pdf,
}

impl Format {
    /// The format for a command-line name.
    pub fn parse(name: &str) -> Result<Format, String> {
        match name.to_ascii_lowercase().as_str() {
            "html" | "htm" => Ok(Format::Html),
            "md" | "markdown" => Ok(Format::Markdown),
            "pdf" => Ok(Format::Pdf),
            other => Err(format!("unknown format \"{other}\": use html, md or pdf")),
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Pdf => "pdf",
        }
    }
}

/// What `alignmap report` was asked for.
pub struct Request<'a> {
    /// The roadmap file (its snapshots sit beside it).
    pub roadmap: &'a Path,
    /// `--demo`: the sample in memory, with no snapshots.
    pub demo: Option<&'a Roadmap>,
    /// html, md or pdf.
    pub format: Format,
    /// Where to write (`-`: standard output).
    pub out: Option<&'a Path>,
    /// Leave out internal and confidential fields.
    pub public: bool,
    /// Replace an existing file.
    pub force: bool,
    /// The report's day.
    pub today: NaiveDate,
    /// What to compare with (a snapshot ref); None: the latest snapshot before today.
    pub since: Option<&'a str>,
    /// A4 or US Letter.
    pub paper: Paper,
}

/// The text (or PDF bytes) of the report and its default file name.
pub fn run(request: &Request) -> Result<Option<PathBuf>, Failure> {
    let roadmap = match request.demo {
        Some(demo) => demo.clone(),
        None if !request.roadmap.exists() => {
            return Err(super::no_roadmap_yet(request.roadmap, Some("report")));
        }
        None => crate::storage::load(request.roadmap).map_err(|e| e.to_string())?,
    };
    let history = if request.demo.is_some() {
        Vec::new()
    } else {
        let (versions, unreadable) = crate::runtime::report_versions(request.roadmap);
        for id in unreadable {
            super::output::err(&format!("left out of the trend: snapshot {id}"));
        }
        versions
    };
    let today = request.today;
    let loaded;
    let since = match request.since {
        Some(reference) => {
            let source = snapshot::resolve(request.roadmap, reference)?;
            let words = describe(&source);
            // A snapshot was read with the history already; a path is read here.
            let read = match &source {
                Source::Snapshot(s) => history.iter().find(|v| v.id == s.id),
                _ => None,
            };
            let before = match read {
                Some(v) => &v.roadmap,
                None => {
                    loaded = snapshot::load(request.roadmap, &source).map_err(|e| e.to_string())?;
                    &loaded
                }
            };
            let day = match &source {
                Source::Snapshot(s) => s.taken.date(),
                _ => before.last_review.unwrap_or(today),
            };
            (words, day, Some(before))
        }
        None => report::default_since(&roadmap, &history, today),
    };
    let built = report::build(
        &roadmap,
        &Inputs {
            today,
            public: request.public,
            since,
            history: &history,
        },
    );
    let name = || report::file_name(&roadmap, today, request.format.extension());
    let to = Delivery {
        roadmap: request.roadmap,
        out: request.out,
        force: request.force,
    };
    match request.format {
        Format::Html => deliver(
            &to,
            name,
            report::html::page(&built, request.paper).as_bytes(),
        ),
        Format::Markdown => deliver(&to, name, report::markdown::document(&built).as_bytes()),
        Format::Pdf => {
            use std::io::IsTerminal;
            if request.out == Some(Path::new("-")) && std::io::stdout().is_terminal() {
                return Err(Failure::usage(
                    "a PDF is not for a terminal: give --out FILE, or send it into a pipe",
                ));
            }
            let browser =
                super::browser::find().ok_or_else(|| Failure::from(super::browser::missing()))?;
            let scratch =
                tempfile::tempdir().map_err(|e| format!("cannot make a temporary folder: {e}"))?;
            let page = scratch.path().join("report.html");
            std::fs::write(&page, report::html::page(&built, request.paper))
                .map_err(|e| format!("cannot write {}: {e}", page.display()))?;
            let pdf = scratch.path().join("report.pdf");
            super::browser::render(&browser, &page, &pdf, super::browser::Output::Pdf)?;
            let bytes = std::fs::read(&pdf).map_err(|e| format!("cannot read the PDF: {e}"))?;
            deliver(&to, name, &bytes)
        }
    }
}
