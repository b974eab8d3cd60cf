//! JSON: the whole model, every field written, wrapped with its format name, schema version
//! and the horizons of the day, so other tools can consume it, and read back losslessly by
//! `alignmap import FILE.json`. The shape is described by `assets/roadmap.schema.json` and
//! written through `json_shape`'s views, not the model's serde: the roadmap file leaves
//! defaults out, the published export does not.

use super::Options;
use super::json_shape;
use crate::domain::Roadmap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The name in every export's `format` field.
pub const FORMAT_NAME: &str = "alignmap-roadmap";

/// The export's schema version: it moves when the export's shape does, not when the
/// roadmap file's does (the file is read by the storage model, which reads every version).
pub const JSON_SCHEMA: u32 = 5;

#[derive(Serialize)]
struct Document<'a, R> {
    format: &'static str,
    schema: u32,
    exported: chrono::NaiveDate,
    public: bool,
    /// Each initiative's horizon as of `exported` (`Done` or `Dropped` for finished work).
    horizons: BTreeMap<&'a str, &'static str>,
    roadmap: R,
}

/// The JSON document (pretty-printed, `\n` line ends).
pub fn document(roadmap: &Roadmap, options: Options<'_>) -> Result<String, super::WriteError> {
    let horizons = roadmap
        .initiatives
        .iter()
        .map(|i| (i.id.0.as_str(), i.horizon_label(options.today)))
        .collect();
    let doc = Document {
        format: FORMAT_NAME,
        schema: JSON_SCHEMA,
        exported: options.today,
        public: options.public,
        horizons,
        roadmap: json_shape::roadmap(roadmap, JSON_SCHEMA),
    };
    let mut text = serde_json::to_string_pretty(&doc)?;
    text.push('\n');
    Ok(text)
}

/// What `alignmap import` needs of a JSON export: everything but the derived horizons. The
/// roadmap inside is a roadmap file's content of version `schema` with every field written,
/// so the storage model reads it (it reads every version's files) and migrates it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Incoming {
    #[allow(dead_code)] // checked on the raw value first, to say what else the file is
    format: String,
    schema: u32,
    #[allow(dead_code)] // read to be checked, not used: the day is the exporter's
    exported: chrono::NaiveDate,
    public: bool,
    #[allow(dead_code)] // derived from the targets again
    horizons: BTreeMap<String, String>,
    roadmap: Roadmap,
}

/// A roadmap read back from a JSON export.
#[derive(Debug)]
pub struct Read {
    /// The roadmap, brought up to the current schema.
    pub roadmap: Roadmap,
    /// The export was public: internal fields and confidential items were left out of it.
    pub public: bool,
}

/// Why a JSON file is not a roadmap alignmap can import.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// Not JSON, or not the export's shape, at this spot.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What serde_json says.
        message: String,
    },
    /// Another tool's JSON (its `format`, if it has one).
    #[error("{}: only alignmap's own JSON export can be imported (a spreadsheet comes in as CSV)", match .0 {
        Some(other) => format!("its format is \"{other}\", not \"{FORMAT_NAME}\""),
        None => format!("it has no \"format\": \"{FORMAT_NAME}\" field"),
    })]
    NotAnExport(Option<String>),
    /// Schema 0.
    #[error("its schema is 0, which does not exist (the first is 1)")]
    SchemaZero,
    /// Written by a newer alignmap.
    #[error(
        "it was exported with schema {0}, newer than this alignmap's {JSON_SCHEMA}: update alignmap first"
    )]
    Newer(u32),
    /// The schema and the roadmap's version disagree.
    #[error(
        "its \"schema\" is {schema} but its roadmap says version {version}: the file was edited by hand"
    )]
    Mismatch {
        /// The export's schema.
        schema: u32,
        /// The roadmap's version.
        version: u32,
    },
    /// It reads, but breaks the roadmap's rules.
    #[error("it is not a valid roadmap: {}", .0.join("; "))]
    Invalid(Vec<String>),
}

impl From<serde_json::Error> for ReadError {
    fn from(e: serde_json::Error) -> Self {
        ReadError::Syntax {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        }
    }
}

/// Reads a JSON export (this version's or an older one's). Errors say where (line:column)
/// and what.
pub fn read(text: &str) -> Result<Read, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value = serde_json::from_str(text)?;
    let format = value.get("format").and_then(serde_json::Value::as_str);
    if format != Some(FORMAT_NAME) {
        return Err(ReadError::NotAnExport(format.map(str::to_string)));
    }
    let incoming: Incoming = serde_json::from_str(text)?;
    if incoming.schema == 0 {
        return Err(ReadError::SchemaZero);
    }
    if incoming.schema > JSON_SCHEMA {
        return Err(ReadError::Newer(incoming.schema));
    }
    let mut roadmap = incoming.roadmap;
    if roadmap.version != incoming.schema {
        return Err(ReadError::Mismatch {
            schema: incoming.schema,
            version: roadmap.version,
        });
    }
    roadmap = crate::storage::migrate::migrate(roadmap);
    let problems = crate::domain::validate::problems(&roadmap);
    if !problems.is_empty() {
        return Err(ReadError::Invalid(problems));
    }
    Ok(Read {
        roadmap,
        public: incoming.public,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Roadmap {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        crate::sample::sample(today, chrono::Utc::now()).unwrap()
    }

    fn options(today: chrono::NaiveDate) -> Options<'static> {
        Options {
            public: false,
            today,
            changes: None,
        }
    }

    #[test]
    fn an_export_reads_back_as_the_same_roadmap() {
        let roadmap = sample();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let text = document(&roadmap, options(today)).unwrap();
        let read = read(&text).unwrap();
        assert_eq!(read.roadmap, roadmap.in_file_order());
        assert!(!read.public);
    }

    #[test]
    fn other_json_and_newer_schemas_are_refused_with_the_reason() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let text = document(&sample(), options(today)).unwrap();
        let newer = text.replacen(
            &format!("\"schema\": {JSON_SCHEMA}"),
            &format!("\"schema\": {}", JSON_SCHEMA + 1),
            1,
        );
        let err = read(&newer).unwrap_err();
        assert_eq!(err, ReadError::Newer(JSON_SCHEMA + 1));
        assert!(
            err.to_string().contains("newer than this alignmap"),
            "{err}"
        );
        let other = read("{\"format\": \"jira\", \"issues\": []}").unwrap_err();
        assert_eq!(other, ReadError::NotAnExport(Some("jira".into())));
        assert!(other.to_string().contains("\"jira\""), "{other}");
        let typo = text.replacen("\"title\"", "\"titel\"", 1);
        let err = read(&typo).unwrap_err();
        let line = text.lines().position(|l| l.contains("\"title\"")).unwrap() + 1;
        assert!(
            matches!(&err, ReadError::Syntax { line: l, message, .. } if *l == line && message.contains("titel")),
            "{err}"
        );
        assert!(
            err.to_string().starts_with(&format!("line {line}, column")),
            "{err}"
        );
        let broken = read("{\"format\": ").unwrap_err();
        assert!(
            matches!(broken, ReadError::Syntax { line: 1, .. }),
            "{broken}"
        );
    }
}
