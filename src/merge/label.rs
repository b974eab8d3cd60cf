//! A conflict's path in words: `initiative "CRM upgrade" › target`.

use super::tree::position;
use serde_json::Value;

/// What the item kind of a list is called.
fn singular(list: &str) -> &str {
    match list {
        "goals" => "goal",
        "initiatives" => "initiative",
        "decisions" => "decision",
        "actions" => "action",
        "checkins" => "check-in",
        "reviews" => "review mark",
        "kpis" => "KPI",
        "risks" => "risk",
        other => other,
    }
}

/// The fields that name an item, best first.
const NAMES: [&str; 5] = ["title", "name", "text", "code", "entry"];

/// `at` in words, naming items from the first tree that still has them.
pub(super) fn about(at: &[String], trees: &[&Value]) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut here: Vec<Option<&Value>> = trees.iter().map(|t| Some(*t)).collect();
    let mut list: Option<&str> = None;
    for step in at {
        let next: Vec<Option<&Value>> = here
            .iter()
            .map(|v| match v {
                Some(Value::Object(map)) => map.get(step),
                Some(Value::Array(items)) => position(items, step).and_then(|p| items.get(p)),
                _ => None,
            })
            .collect();
        match list.take() {
            Some(kind) => {
                let name = next.iter().flatten().find_map(|item| {
                    NAMES
                        .iter()
                        .find_map(|n| item.get(n).and_then(Value::as_str))
                        .filter(|s| !s.is_empty())
                });
                words.push(match name {
                    Some(name) => format!("{} \"{}\"", singular(kind), clean(name)),
                    None => format!("{} {step}", singular(kind)),
                });
            }
            None if next.iter().flatten().any(|v| v.is_array()) => list = Some(step),
            None => words.push(step.replace('_', " ")),
        }
        here = next;
    }
    if let Some(kind) = list {
        words.push(kind.to_string());
    }
    words.join(" › ")
}

/// Text without control characters, at most 60 of them.
fn clean(text: &str) -> String {
    let mut out: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(60)
        .collect();
    if text.chars().count() > 60 {
        out.push('…');
    }
    out
}
