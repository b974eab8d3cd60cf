//! Exports for people who never open a terminal: pure functions from a roadmap to the text of
//! an HTML page, a Markdown document, a CSV sheet or a JSON document. No I/O here.

mod cells;
pub mod charts;
pub mod csv;
pub mod html;
pub mod import;
pub mod json;
mod json_shape;
pub mod markdown;
pub mod minutes;
pub mod portfolio;
pub mod report;
mod sheet_dates;
mod sheet_rows;
pub mod sheets;
pub mod svg;
pub mod table;
mod xml;

use crate::domain::Roadmap;
use crate::domain::public::public_copy;
use chrono::NaiveDate;
use std::borrow::Cow;

/// Why an export's text could not be produced. Writers fill memory only, so these stand for
/// a broken invariant rather than a full disk; they are reported, never unwrapped.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The CSV writer refused a record.
    #[error("cannot write the CSV: {0}")]
    Csv(#[from] ::csv::Error),
    /// The CSV bytes were not UTF-8.
    #[error("cannot write the CSV: {0}")]
    Utf8(#[from] std::string::FromUtf8Error),
    /// The JSON encoder refused the document.
    #[error("cannot write the JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One self-contained HTML page that prints well.
    Html,
    /// A Markdown document for wikis and Git hosts.
    Markdown,
    /// One row per initiative, for spreadsheets.
    Csv,
    /// The full model with a versioned shape, for other tools.
    Json,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 4] = [Format::Html, Format::Markdown, Format::Csv, Format::Json];

    /// The file extension, which is also the name used on the command line.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// The format for a command-line name (`html`, `md`/`markdown`, `csv`, `json`).
    pub fn parse(name: &str) -> Result<Format, String> {
        match name.to_ascii_lowercase().as_str() {
            "html" | "htm" => Ok(Format::Html),
            "md" | "markdown" => Ok(Format::Markdown),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            other => Err(format!(
                "unknown format \"{other}\": use html, md, csv or json"
            )),
        }
    }
}

/// What goes into an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options<'a> {
    /// Leave out everything internal or confidential.
    pub public: bool,
    /// The day horizons are derived from.
    pub today: NaiveDate,
    /// A "Changes since …" section: what it is since, and the changes in words.
    pub changes: Option<&'a ChangesSince>,
}

/// The changes to show in an export, and since when (e.g. "the snapshot of 22 Nov 2026").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangesSince {
    /// Since what, in words.
    pub since: String,
    /// Headed sections of changes, as [`crate::domain::diff::Changes::sections`] gives.
    pub sections: Vec<(String, Vec<String>)>,
}

/// The roadmap as the export may show it.
pub fn shown<'r>(roadmap: &'r Roadmap, options: Options<'_>) -> Cow<'r, Roadmap> {
    if options.public {
        Cow::Owned(public_copy(roadmap))
    } else {
        Cow::Borrowed(roadmap)
    }
}

/// The text of `roadmap` in `format`.
pub fn export(
    roadmap: &Roadmap,
    format: Format,
    options: Options<'_>,
) -> Result<String, WriteError> {
    let roadmap = shown(roadmap, options);
    match format {
        Format::Html => Ok(html::page(&roadmap, options)),
        Format::Markdown => Ok(markdown::document(&roadmap, options)),
        Format::Csv => csv::sheet(&roadmap, options),
        Format::Json => json::document(&roadmap, options),
    }
}

/// The text of one CSV sheet of `roadmap` (public when asked).
pub fn export_sheet(
    roadmap: &Roadmap,
    sheet: sheets::Sheet,
    options: Options<'_>,
) -> Result<String, WriteError> {
    sheets::write(&shown(roadmap, options), sheet, options)
}

/// The file name of one CSV sheet: `northwind-it-roadmap-2026-11-22-goals.csv` (the
/// initiatives sheet keeps the plain name).
pub fn sheet_file_name(roadmap: &Roadmap, sheet: sheets::Sheet, today: NaiveDate) -> String {
    let name = file_name(roadmap, Format::Csv, today);
    match sheet {
        sheets::Sheet::Initiatives => name,
        other => format!("{}-{}.csv", name.trim_end_matches(".csv"), other.name()),
    }
}

/// How far back an export's "Delivered" section looks.
pub const DELIVERED_DAYS: u64 = 90;

/// Work delivered in the [`DELIVERED_DAYS`] up to `today`, newest first.
pub fn delivered(roadmap: &Roadmap, today: NaiveDate) -> Vec<&crate::domain::Initiative> {
    let since = today - chrono::Days::new(DELIVERED_DAYS);
    let mut list: Vec<_> = roadmap
        .initiatives
        .iter()
        .filter(|i| {
            i.status == crate::domain::Status::Done
                && i.done_on.is_some_and(|d| d > since && d <= today)
        })
        .collect();
    list.sort_by_key(|i| std::cmp::Reverse(i.done_on));
    list
}

/// What an export's "Delivered" section lists: the work of the last [`DELIVERED_DAYS`]
/// (true), else the latest five deliveries (false), newest first.
pub fn delivered_shown(
    roadmap: &Roadmap,
    today: NaiveDate,
) -> (Vec<&crate::domain::Initiative>, bool) {
    let recent = delivered(roadmap, today);
    if recent.is_empty() {
        (latest_delivered(roadmap, 5), false)
    } else {
        (recent, true)
    }
}

/// A delivery day for an export: `1 Nov 2026` (empty when unknown).
pub fn done_day(i: &crate::domain::Initiative) -> String {
    i.done_on
        .map_or_else(String::new, |d| d.format("%-d %b %Y").to_string())
}

/// The latest deliveries, newest first (for a roadmap whose last one is older than
/// [`DELIVERED_DAYS`]: what it delivered is still news to a reader).
pub fn latest_delivered(roadmap: &Roadmap, n: usize) -> Vec<&crate::domain::Initiative> {
    let mut list: Vec<_> = roadmap
        .initiatives
        .iter()
        .filter(|i| i.status == crate::domain::Status::Done && i.done_on.is_some())
        .collect();
    list.sort_by_key(|i| std::cmp::Reverse(i.done_on));
    list.truncate(n);
    list
}

/// The delivered work that served a goal, with its delivery days, newest first.
pub fn delivered_for(roadmap: &Roadmap, goal: &crate::domain::GoalId) -> Vec<(String, NaiveDate)> {
    let mut list: Vec<(String, NaiveDate)> = roadmap
        .initiatives
        .iter()
        .filter(|i| i.status == crate::domain::Status::Done && i.serves_goal(goal))
        .filter_map(|i| i.done_on.map(|d| (i.title.clone(), d)))
        .collect();
    list.sort_by_key(|(_, d)| std::cmp::Reverse(*d));
    list
}

/// The day a KPI's latest reading was taken, in words: " on 30 Sep 2013", or "" with none
/// (a value shown as "now" must say how old it is).
pub fn reading_day(kpi: &crate::domain::business::Kpi) -> String {
    kpi.latest()
        .map_or_else(String::new, |r| format!(" on {}", r.on.format("%-d %b %Y")))
}

/// A file name from the roadmap's name and the date: `northwind-it-roadmap-2026-11-22.html`.
/// Only ASCII letters, digits and `-` survive, so the name is safe on every system.
pub fn file_name(roadmap: &Roadmap, format: Format, today: NaiveDate) -> String {
    let mut slug = String::new();
    for c in roadmap.name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug: String = slug.chars().take(60).collect();
    let slug = if slug.is_empty() { "roadmap" } else { &slug };
    format!("{slug}-{today}.{}", format.extension())
}

/// Control characters (other than tab and newline) become spaces: they have no business in a
/// document and some viewers act on them.
pub fn plain(text: &str) -> Cow<'_, str> {
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' || is_bidi(c))
    {
        Cow::Owned(
            text.chars()
                .map(|c| {
                    if c.is_control() && c != '\n' && c != '\t' || is_bidi(c) {
                        ' '
                    } else {
                        c
                    }
                })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_slugs_with_the_date() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut r = Roadmap::new("Northwind IT roadmap / 2027 (draft)");
        assert_eq!(
            file_name(&r, Format::Html, today),
            "northwind-it-roadmap-2027-draft-2026-11-22.html"
        );
        r.name = "../../etc/passwd".into();
        assert_eq!(
            file_name(&r, Format::Csv, today),
            "etc-passwd-2026-11-22.csv"
        );
        r.name = "日本語".into();
        assert_eq!(
            file_name(&r, Format::Json, today),
            "roadmap-2026-11-22.json"
        );
    }

    #[test]
    fn formats_parse_by_name() {
        assert_eq!(Format::parse("MD"), Ok(Format::Markdown));
        assert!(
            Format::parse("pdf")
                .unwrap_err()
                .contains("html, md, csv or json")
        );
        assert_eq!(plain("a\u{1b}[2Jb\u{202e}c\nd"), "a [2Jb c\nd");
    }
}
