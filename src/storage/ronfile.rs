//! The RON encoding of a roadmap: pretty, stable, human-readable; strict on the way in.

use super::error::{LoadError, SaveError};
use crate::domain::{Roadmap, SCHEMA_VERSION, validate};
use ron::Options;
use ron::ser::PrettyConfig;
use serde::Deserialize;
use std::path::Path;

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1_000_000;

/// Deepest nesting the parser follows before giving up with an error (no stack overflow).
const RECURSION_LIMIT: usize = 64;

fn options() -> Options {
    Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// How deep the file is laid out one field per line: the roadmap, its lists, each goal and
/// initiative, and their lists. Anything deeper (a goal link, a KPI with its readings, a risk,
/// a deliverable, a target change) is one record per line. With tabs for indentation this
/// halves a large file against four-space indents at every depth, and keeps every field of
/// an initiative on its own line (what people edit and git merges).
pub const LAYOUT_DEPTH: usize = 4;

/// Encodes a roadmap as RON laid out as [`LAYOUT_DEPTH`] says, with tab indents, `\n` line
/// ends and escaped control characters. Fields at their defaults are left out (the model's
/// `skip_serializing_if`), so a file holds what was set.
pub fn to_ron(roadmap: &Roadmap) -> Result<String, SaveError> {
    to_ron_value(roadmap)
}

/// Encodes any value the way roadmaps are encoded (drafts, for one).
pub fn to_ron_value<T: serde::Serialize>(value: &T) -> Result<String, SaveError> {
    let pretty = PrettyConfig::new()
        .new_line("\n")
        .indentor("\t")
        .depth_limit(LAYOUT_DEPTH)
        .struct_names(true)
        .escape_strings(true);
    let mut text = options()
        .to_string_pretty(value, pretty)
        .map_err(|e| SaveError::Encode(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Just enough of a file to read its version when the full parse fails.
#[derive(Deserialize)]
#[serde(rename = "Roadmap")]
struct Header {
    version: u32,
}

/// The schema version a roadmap file says it has, before any migration (None when the
/// text does not even have a readable header).
pub fn version_on_disk(text: &str) -> Option<u32> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    options().from_str::<Header>(text).ok().map(|h| h.version)
}

/// Parses and validates roadmap text; `path` is only used in messages. A byte-order mark
/// at the start (some Windows editors add one) is skipped; saves never write one.
pub fn from_ron(text: &str, path: &Path) -> Result<Roadmap, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
        });
    }
    let conflicted = super::markers::regions(text);
    if !conflicted.is_empty() {
        return Err(LoadError::GitConflict {
            path: path.to_path_buf(),
            regions: conflicted,
        });
    }
    let roadmap = match options().from_str::<Roadmap>(text) {
        Ok(roadmap) => roadmap,
        Err(e) => {
            // A newer file often fails on fields we do not know: say so instead.
            if let Ok(header) = options().from_str::<Header>(text) {
                check_version(header.version, path)?;
            }
            let (line, col) = (e.span.start.line, e.span.start.col);
            return Err(LoadError::Parse {
                path: path.to_path_buf(),
                line,
                col,
                message: explain(&e.code.to_string()),
                excerpt: excerpt(text, line, col),
            });
        }
    };
    check_version(roadmap.version, path)?;
    let roadmap = super::migrate::migrate(roadmap);
    let problems = validate::problems(&roadmap);
    if problems.is_empty() {
        Ok(roadmap)
    } else {
        Err(LoadError::Invalid {
            path: path.to_path_buf(),
            problems,
        })
    }
}

fn check_version(found: u32, path: &Path) -> Result<(), LoadError> {
    if found > SCHEMA_VERSION {
        return Err(LoadError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found == 0 {
        return Err(LoadError::Invalid {
            path: path.to_path_buf(),
            problems: vec!["schema version 0 does not exist (the first version is 1)".into()],
        });
    }
    Ok(())
}

/// Adds what to write where the parser's own words are terse (chrono's date errors).
fn explain(message: &str) -> String {
    const DATE_ERRORS: [&str; 5] = [
        "input is out of range",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "input is not enough for unique date",
    ];
    if DATE_ERRORS.iter().any(|m| message.contains(m)) {
        format!(
            "{message}: not a valid date (write dates as \"2027-03-31\", times as \"2027-03-31T09:00:00Z\")"
        )
    } else {
        message.to_string()
    }
}

/// The line at `line` (1-based) with a caret under `col`, for error messages.
fn excerpt(text: &str, line: usize, col: usize) -> String {
    let Some(source) = line.checked_sub(1).and_then(|n| text.lines().nth(n)) else {
        return String::new();
    };
    let shown: String = source
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(160)
        .collect();
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    let caret = " ".repeat(col.saturating_sub(1).min(160));
    format!("\n {number} | {shown}\n {pad} | {caret}^")
}
