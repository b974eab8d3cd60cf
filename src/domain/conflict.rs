//! A merge conflict kept inside the roadmap file: one field two people changed differently.
//! `alignmap merge` writes them; the planner shows them on open and settles each with one key.

use serde::{Deserialize, Serialize};

/// One field (or item) changed both ways since the common version. The file holds a valid
/// value meanwhile ([`Conflict::kept`] says which side's); picking a side writes that value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// Where, from the roadmap down: list names, item ids and field names, e.g.
    /// `["initiatives", "i-7f3kq2mz", "target"]`.
    pub at: Vec<String>,
    /// What it is in words, e.g. `initiative "CRM upgrade" › target`.
    pub about: String,
    /// This side's value (the branch merged into), as JSON; `null` when this side deleted it.
    pub ours: String,
    /// The other side's value, as JSON; `null` when the other side deleted it.
    pub theirs: String,
    /// Which side's value the file holds until the conflict is settled.
    #[serde(default)]
    pub kept: Side,
}

/// The two sides of a merge.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    /// The branch being merged into (git's "ours").
    #[default]
    Ours,
    /// The branch being merged in.
    Theirs,
}

impl Conflict {
    /// The value of one side, as JSON text.
    pub fn value(&self, side: Side) -> &str {
        match side {
            Side::Ours => &self.ours,
            Side::Theirs => &self.theirs,
        }
    }

    /// One side's value for people: text without quotes, `(deleted)` for a deletion, other
    /// values as compact JSON; control characters never reach a terminal.
    pub fn shown(&self, side: Side) -> String {
        let raw = self.value(side);
        let text = match serde_json::from_str::<serde_json::Value>(raw) {
            Ok(serde_json::Value::Null) => "(deleted)".to_string(),
            Ok(serde_json::Value::String(s)) => s,
            // A whole item (edited on one side, deleted on the other): its title says which.
            Ok(serde_json::Value::Object(item))
                if item.get("title").is_some_and(|t| t.is_string()) =>
            {
                format!(
                    "{} (the whole item)",
                    item["title"].as_str().unwrap_or_default()
                )
            }
            Ok(other) => other.to_string(),
            Err(_) => raw.to_string(),
        };
        text.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    }
}
