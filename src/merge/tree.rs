//! The roadmap as a value tree, and the paths into it that conflicts name.

use super::MergeError;
use crate::domain::conflict::Side;
use crate::domain::{Roadmap, validate};
use serde_json::Value;

/// The fields that identify an item in a list: an id, or a review mark's entry.
const KEYS: [&str; 2] = ["id", "entry"];

/// The roadmap as a tree of its own serde form.
pub(super) fn to_value(roadmap: &Roadmap) -> Result<Value, MergeError> {
    serde_json::to_value(roadmap).map_err(|e| MergeError::Encode(e.to_string()))
}

/// The field that identifies every item of the three lists, if one does (lists with nothing
/// in them do not decide; three empty lists have none).
pub(super) fn key_of(base: &[Value], ours: &[Value], theirs: &[Value]) -> Option<&'static str> {
    let mut items = base.iter().chain(ours).chain(theirs).peekable();
    items.peek()?;
    let items: Vec<&Value> = items.collect();
    KEYS.into_iter().find(|key| {
        items
            .iter()
            .all(|v| v.get(key).is_some_and(Value::is_string))
    })
}

/// The item of `list` whose key is `id`, by position.
pub(super) fn position(list: &[Value], id: &str) -> Option<usize> {
    list.iter().position(|v| {
        KEYS.iter()
            .any(|k| v.get(k).and_then(Value::as_str) == Some(id))
    })
}

/// Settles conflict `index` of `roadmap` by taking `side`'s value: the field is set to it (a
/// deletion removes the item), the conflict leaves the list. An error when the result would
/// break the roadmap's rules (the conflict then stays).
pub fn settle(roadmap: &Roadmap, index: usize, side: Side) -> Result<Roadmap, String> {
    let Some(conflict) = roadmap.conflicts.get(index) else {
        return Err("there is no such conflict".into());
    };
    let mut tree = to_value(roadmap).map_err(|e| e.to_string())?;
    if side != conflict.kept {
        let value: Value = serde_json::from_str(conflict.value(side))
            .map_err(|e| format!("the conflict's value cannot be read: {e}"))?;
        set(&mut tree, &conflict.at, value)?;
    }
    if let Some(Value::Array(list)) = tree.get_mut("conflicts") {
        list.remove(index);
    }
    let mut settled: Roadmap = serde_json::from_value(tree).map_err(|e| e.to_string())?;
    // Taking a deletion drops what referred to the deleted item, as deleting it would.
    super::repair::drop_dangling(&mut settled);
    let problems = validate::problems(&settled);
    if problems.is_empty() {
        Ok(settled)
    } else {
        Err(problems.join("; "))
    }
}

/// Writes `value` at `at`; `null` removes a list item or a field. A missing item on the way
/// is an error (it went since the merge); a missing last item is added back.
fn set(tree: &mut Value, at: &[String], value: Value) -> Result<(), String> {
    let Some((last, parents)) = at.split_last() else {
        return Err("the conflict names no field".into());
    };
    let mut here = tree;
    for step in parents {
        here = match here {
            Value::Object(map) => map.get_mut(step),
            Value::Array(list) => position(list, step).and_then(|p| list.get_mut(p)),
            _ => None,
        }
        .ok_or_else(|| format!("{step} is no longer in the roadmap"))?;
    }
    match here {
        Value::Object(map) if value.is_null() => {
            map.remove(last);
        }
        Value::Object(map) => {
            map.insert(last.clone(), value);
        }
        Value::Array(list) => match (position(list, last), value.is_null()) {
            (Some(p), true) => {
                list.remove(p);
            }
            (Some(p), false) => list[p] = value,
            (None, true) => {}
            (None, false) => list.push(value),
        },
        _ => return Err(format!("{last} is no longer in the roadmap")),
    }
    Ok(())
}
