//! JSON: the whole model as stored, wrapped with its format name, schema version and the
//! horizons of the day, so other tools can consume it. The shape is described by
//! `assets/roadmap.schema.json`.

use super::Options;
use crate::domain::{Roadmap, SCHEMA_VERSION};
use serde::Serialize;
use std::collections::BTreeMap;

/// The name in every export's `format` field.
pub const FORMAT_NAME: &str = "alignmap-roadmap";

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    schema: u32,
    exported: chrono::NaiveDate,
    public: bool,
    /// Each initiative's horizon as of `exported` (`Done` or `Dropped` for finished work).
    horizons: BTreeMap<&'a str, &'static str>,
    roadmap: &'a Roadmap,
}

/// The JSON document (pretty-printed, `\n` line ends).
pub fn document(roadmap: &Roadmap, options: Options<'_>) -> Result<String, String> {
    let horizons = roadmap
        .initiatives
        .iter()
        .map(|i| (i.id.0.as_str(), i.horizon_label(options.today)))
        .collect();
    let doc = Document {
        format: FORMAT_NAME,
        schema: SCHEMA_VERSION,
        exported: options.today,
        public: options.public,
        horizons,
        roadmap,
    };
    let mut text = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}
