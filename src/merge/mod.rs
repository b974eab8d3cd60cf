//! The three-way merge behind `alignmap merge BASE OURS THEIRS` (a git merge driver): by item
//! and by field, never by line. Items are matched by id, so different initiatives, or different
//! fields of one initiative, always merge; lists without ids that both sides only appended to
//! (a target log, KPI readings) keep both additions. A field changed both ways becomes a
//! [`Conflict`] kept inside the valid merged file, which the planner shows on open.
//!
//! Pure: roadmaps in, a roadmap out. The values are compared as `serde_json` trees of the
//! model's own serde form, so every field the file holds takes part with no list to maintain.

mod label;
mod repair;
mod tree;

#[cfg(test)]
mod tests;

use crate::domain::conflict::{Conflict, Side};
use crate::domain::{Roadmap, validate};
use serde_json::{Map, Value};

pub use tree::settle;

/// What a merge made.
#[derive(Debug)]
pub struct Merged {
    /// The merged roadmap; it holds every conflict (earlier ones and new ones).
    pub roadmap: Roadmap,
    /// How many conflicts this merge added.
    pub new_conflicts: usize,
    /// References to items one side deleted that were dropped, in words (see `repair`).
    pub dropped: Vec<String>,
}

/// Why two versions could not be merged into a valid roadmap.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// The model could not be turned into a tree or back (a bug, not bad data).
    #[error("the merged roadmap could not be encoded: {0}")]
    Encode(String),
    /// Each side is valid but together they are not (one deleted a goal the other linked).
    #[error("the two versions together break the roadmap's rules: {}", .0.join("; "))]
    Invalid(Vec<String>),
}

/// Merges `theirs` into `ours`, both descended from `base`.
pub fn merge(base: &Roadmap, ours: &Roadmap, theirs: &Roadmap) -> Result<Merged, MergeError> {
    let [base, ours, theirs] = [base, ours, theirs].map(tree::to_value);
    let (base, ours, theirs) = (base?, ours?, theirs?);
    let mut found = Vec::new();
    let mut path = Vec::new();
    let mut merged = three_way(
        &mut path,
        Some(&base),
        Some(&ours),
        Some(&theirs),
        &mut found,
    )
    .unwrap_or(Value::Null);
    let new_conflicts = found.len();
    let earlier = earlier_conflicts(&ours, &theirs);
    for conflict in &mut found {
        conflict.about = label::about(&conflict.at, &[&ours, &theirs, &base]);
    }
    if let Value::Object(map) = &mut merged {
        let all: Vec<Conflict> = earlier.into_iter().chain(found).collect();
        map.remove("conflicts");
        if !all.is_empty() {
            let listed =
                serde_json::to_value(all).map_err(|e| MergeError::Encode(e.to_string()))?;
            map.insert("conflicts".into(), listed);
        }
    }
    let mut roadmap: Roadmap =
        serde_json::from_value(merged).map_err(|e| MergeError::Encode(e.to_string()))?;
    let dropped = repair::drop_dangling(&mut roadmap);
    let problems = validate::problems(&roadmap);
    if !problems.is_empty() {
        return Err(MergeError::Invalid(problems));
    }
    Ok(Merged {
        roadmap,
        new_conflicts,
        dropped,
    })
}

/// Conflicts either side still holds from an earlier merge, each once.
fn earlier_conflicts(ours: &Value, theirs: &Value) -> Vec<Conflict> {
    let mut all: Vec<Conflict> = Vec::new();
    for side in [ours, theirs] {
        let listed = side.get("conflicts").cloned().unwrap_or(Value::Null);
        let conflicts: Vec<Conflict> = serde_json::from_value(listed).unwrap_or_default();
        for c in conflicts {
            if !all.iter().any(|a| a.at == c.at) {
                all.push(c);
            }
        }
    }
    all
}

/// Fields where both sides moving on is no disagreement: the later value wins (an edit stamp,
/// the day of the last review), compared as ISO text.
const LATEST_WINS: [&str; 2] = ["updated", "last_review"];

/// Merges one value; `None` is "absent" (deleted, or never there). Records a conflict and keeps
/// a side where both changed it differently.
fn three_way(
    path: &mut Vec<String>,
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    found: &mut Vec<Conflict>,
) -> Option<Value> {
    if ours == theirs || theirs == base {
        return ours.cloned();
    }
    if ours == base {
        return theirs.cloned();
    }
    if path
        .last()
        .is_some_and(|f| LATEST_WINS.contains(&f.as_str()))
    {
        return ours
            .into_iter()
            .chain(theirs)
            .max_by(|a, b| a.as_str().cmp(&b.as_str()))
            .cloned();
    }
    if path.len() == 1 && path[0] == "conflicts" {
        return ours.cloned(); // gathered separately
    }
    match (ours, theirs) {
        (Some(Value::Object(o)), Some(Value::Object(t))) => {
            let b = base.and_then(Value::as_object);
            Some(Value::Object(objects(path, b, o, t, found)))
        }
        (Some(Value::Array(o)), Some(Value::Array(t))) => {
            let empty = Vec::new();
            let b = base.and_then(Value::as_array).unwrap_or(&empty);
            if let Some(key) = tree::key_of(b, o, t) {
                return Some(Value::Array(keyed(path, key, b, o, t, found)));
            }
            if let Some(both) = appended(b, o, t) {
                return Some(Value::Array(both));
            }
            Some(conflict(path, ours, theirs, found))
        }
        _ => Some(conflict(path, ours, theirs, found)).filter(|v| !v.is_null()),
    }
}

/// Records a conflict and returns the value kept meanwhile: ours, unless ours deleted what
/// theirs changed (nothing is lost while the conflict waits).
fn conflict(
    path: &[String],
    ours: Option<&Value>,
    theirs: Option<&Value>,
    found: &mut Vec<Conflict>,
) -> Value {
    let kept = if ours.is_none() {
        Side::Theirs
    } else {
        Side::Ours
    };
    let text = |v: Option<&Value>| v.map_or_else(|| "null".into(), Value::to_string);
    found.push(Conflict {
        at: path.to_vec(),
        about: String::new(),
        ours: text(ours),
        theirs: text(theirs),
        kept,
    });
    match kept {
        Side::Ours => ours,
        Side::Theirs => theirs,
    }
    .cloned()
    .unwrap_or(Value::Null)
}

/// Field by field: every field either side has.
fn objects(
    path: &mut Vec<String>,
    base: Option<&Map<String, Value>>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    found: &mut Vec<Conflict>,
) -> Map<String, Value> {
    let mut out = Map::new();
    let names = ours
        .keys()
        .chain(theirs.keys().filter(|k| !ours.contains_key(*k)));
    for name in names.cloned().collect::<Vec<_>>() {
        path.push(name.clone());
        let b = base.and_then(|m| m.get(&name));
        if let Some(v) = three_way(path, b, ours.get(&name), theirs.get(&name), found) {
            out.insert(name, v);
        }
        path.pop();
    }
    out
}

/// Item by item, matched on `key`: ours' order, with items only theirs has placed after the
/// item they follow in theirs.
fn keyed(
    path: &mut Vec<String>,
    key: &str,
    base: &[Value],
    ours: &[Value],
    theirs: &[Value],
    found: &mut Vec<Conflict>,
) -> Vec<Value> {
    let id = |v: &Value| v.get(key).and_then(Value::as_str).map(str::to_string);
    let find = |list: &[Value], want: &str| {
        list.iter()
            .find(|v| id(v).as_deref() == Some(want))
            .cloned()
    };
    let mut order: Vec<String> = ours.iter().filter_map(id).collect();
    for (at, item) in theirs.iter().enumerate() {
        let Some(this) = id(item) else { continue };
        if order.contains(&this) {
            continue;
        }
        let pos = theirs[..at]
            .iter()
            .rev()
            .filter_map(id)
            .find_map(|p| order.iter().position(|o| *o == p))
            .map_or(0, |p| p + 1);
        order.insert(pos, this);
    }
    for gone in base.iter().filter_map(id) {
        if !order.contains(&gone) {
            order.push(gone); // deleted on both sides: merges to nothing below
        }
    }
    let mut out = Vec::new();
    for this in order {
        path.push(this.clone());
        let [b, o, t] = [base, ours, theirs].map(|list| find(list, &this));
        if let Some(v) = three_way(path, b.as_ref(), o.as_ref(), t.as_ref(), found) {
            out.push(v);
        }
        path.pop();
    }
    out
}

/// Both sides only added to the end of a list without ids (a target log, readings): the base,
/// then ours' additions, then theirs' that ours does not already have.
fn appended(base: &[Value], ours: &[Value], theirs: &[Value]) -> Option<Vec<Value>> {
    if !ours.starts_with(base) || !theirs.starts_with(base) {
        return None;
    }
    let mut out = ours.to_vec();
    for extra in &theirs[base.len()..] {
        if !ours[base.len()..].contains(extra) {
            out.push(extra.clone());
        }
    }
    Some(out)
}
