//! The people of a roadmap, derived from every field that names someone: IT owners, sponsors
//! and champions of initiatives, business owners of goals, risk owners, action owners and the
//! business side of check-ins. `@word` in quick capture and filters finds a person by any word
//! of the name; renaming a person renames every field that names them.

use super::business::RiskStatus;
use super::ids::{GoalId, InitiativeId};
use super::model::Roadmap;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// What a person is named in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// IT owner of an initiative.
    ItOwner(InitiativeId),
    /// Business sponsor of an initiative.
    Sponsor(InitiativeId),
    /// Business champion of an initiative.
    Champion(InitiativeId),
    /// Business owner of a goal.
    GoalOwner(GoalId),
    /// Owner of a risk (on this initiative, by the risk's id).
    RiskOwner(InitiativeId, String),
    /// Owner of an action item (by the action's id).
    ActionOwner(String),
    /// Spoke for the business at a check-in (by the check-in's id).
    CheckIn(String),
}

/// One person and every place that names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The name as first written (spaces tidied).
    pub name: String,
    /// Where they are named, in roadmap order.
    pub roles: Vec<Role>,
}

/// A name with its spaces tidied: trimmed, runs of white space as one space.
pub fn tidy(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The name a field gives: "Dana Whitfield (CFO)" names Dana Whitfield (a role in brackets
/// after the name is how goal owners and check-ins are often written).
fn name_part(who: &str) -> &str {
    match who.find(" (") {
        Some(at) if who.trim_end().ends_with(')') => &who[..at],
        _ => who,
    }
}

/// The key two spellings of one person share: tidied and lower-cased.
fn key(name: &str) -> String {
    tidy(name).to_lowercase()
}

/// Every person the roadmap names, sorted by name (case-insensitively). Two spellings that
/// differ only in case or spacing are one person.
pub fn people(roadmap: &Roadmap) -> Vec<Person> {
    let mut found: BTreeMap<String, Person> = BTreeMap::new();
    let mut add = |name: &str, role: Role| {
        let name = tidy(name_part(name));
        if name.is_empty() {
            return;
        }
        found
            .entry(name.to_lowercase())
            .or_insert_with(|| Person {
                name,
                roles: Vec::new(),
            })
            .roles
            .push(role);
    };
    for goal in &roadmap.goals {
        add(&goal.owner, Role::GoalOwner(goal.id.clone()));
    }
    for i in roadmap.initiatives.iter() {
        add(&i.it_owner, Role::ItOwner(i.id.clone()));
        add(&i.sponsor, Role::Sponsor(i.id.clone()));
        add(&i.champion, Role::Champion(i.id.clone()));
        for risk in &i.risks {
            add(&risk.owner, Role::RiskOwner(i.id.clone(), risk.id.clone()));
        }
    }
    for action in roadmap.actions.iter() {
        add(&action.owner, Role::ActionOwner(action.id.clone()));
    }
    for checkin in &roadmap.checkins {
        add(&checkin.business_who, Role::CheckIn(checkin.id.clone()));
    }
    found.into_values().collect()
}

/// Every person's name, sorted as [`people`] sorts them: what `@` completes and matches.
pub fn names(roadmap: &Roadmap) -> Vec<String> {
    people(roadmap).into_iter().map(|p| p.name).collect()
}

/// One thing a person owns, sponsors or must do, as the people view lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duty {
    /// In what role: "IT owner", "sponsor", "champion", "goal owner", "risk owner", "action".
    pub role: &'static str,
    /// The initiative's or goal's title, the risk's title, the action's text.
    pub title: String,
    /// When it is due, if it has a day.
    pub due: Option<NaiveDate>,
    /// Open and past its day (late work, an overdue action).
    pub overdue: bool,
}

/// What `person` owns, sponsors or must do that is still open, overdue first (then by day,
/// undated last). Done and dropped work, closed risks and done actions are left out; a
/// check-in is a conversation, not a duty.
pub fn duties(roadmap: &Roadmap, person: &Person, today: NaiveDate) -> Vec<Duty> {
    let mut list = Vec::new();
    for role in &person.roles {
        let duty = match role {
            Role::ItOwner(id) | Role::Sponsor(id) | Role::Champion(id) => {
                let Some(i) = roadmap.initiative(id).filter(|i| i.status.is_active()) else {
                    continue;
                };
                let label = match role {
                    Role::ItOwner(_) => "IT owner",
                    Role::Sponsor(_) => "sponsor",
                    _ => "champion",
                };
                Duty {
                    role: label,
                    title: i.title.clone(),
                    due: i.target.due(),
                    overdue: i.target.is_before(today),
                }
            }
            Role::GoalOwner(id) => {
                let Some(goal) = roadmap.goal(id) else {
                    continue;
                };
                Duty {
                    role: "goal owner",
                    title: format!("{} {}", goal.code, goal.title),
                    due: None,
                    overdue: false,
                }
            }
            Role::RiskOwner(id, risk) => {
                let Some(risk) = roadmap
                    .initiative(id)
                    .filter(|i| i.status.is_active())
                    .and_then(|i| i.risks.iter().find(|r| r.id == *risk))
                    .filter(|r| r.status != RiskStatus::Closed)
                else {
                    continue;
                };
                Duty {
                    role: "risk owner",
                    title: risk.title.clone(),
                    due: None,
                    overdue: false,
                }
            }
            Role::ActionOwner(id) => {
                let Some(action) = roadmap.actions.find(id).filter(|a| a.done_on.is_none()) else {
                    continue;
                };
                Duty {
                    role: "action",
                    title: action.text.clone(),
                    due: action.due,
                    overdue: action.due.is_some_and(|d| d < today),
                }
            }
            Role::CheckIn(_) => continue,
        };
        list.push(duty);
    }
    list.sort_by_key(|d| (!d.overdue, d.due.is_none(), d.due));
    list
}

/// Whom an `@token` means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// One known person (their name as the roadmap writes it).
    One(String),
    /// Several known people: the user picks.
    Many(Vec<String>),
    /// Nobody known: a new person of this name.
    New(String),
}

/// Whom `token` means among `names`: an exact name (ignoring case; `_` stands for a space)
/// wins, else the one name with a word or a start that begins with it (`@lena`, `@fisch`,
/// `@ana_s`). `exact` (a quoted name) matches whole names only.
pub fn find(token: &str, names: &[String], exact: bool) -> Found {
    let wanted = tidy(&token.replace('_', " "));
    let lower = wanted.to_lowercase();
    if let Some(name) = names.iter().find(|n| key(n) == lower) {
        return Found::One(name.clone());
    }
    if exact || lower.is_empty() {
        return Found::New(wanted);
    }
    let matching: Vec<String> = names
        .iter()
        .filter(|n| {
            let k = key(n);
            k.starts_with(&lower) || k.split([' ', '-']).any(|w| w.starts_with(&lower))
        })
        .cloned()
        .collect();
    match matching.len() {
        0 => Found::New(wanted),
        1 => Found::One(matching.into_iter().next().unwrap_or_default()),
        _ => Found::Many(matching),
    }
}

/// The person Tab completes `typed` to: the one it finds, or the first of several.
pub fn first_match(typed: &str, names: &[String]) -> Option<String> {
    match find(typed, names, false) {
        Found::One(name) => Some(name),
        Found::Many(names) => names.into_iter().next(),
        Found::New(_) => None,
    }
}

/// What Tab makes of `typed` in a field that names a person: the one known person it
/// starts (or the first of several), when that is not already what is typed.
pub fn completion(roadmap: &Roadmap, typed: &str) -> Option<String> {
    if typed.trim().is_empty() {
        return None;
    }
    first_match(typed, &names(roadmap)).filter(|name| *name != tidy(typed))
}

/// What a field that names a person says under it about what is typed.
pub fn field_hint(roadmap: &Roadmap, typed: &str) -> String {
    if typed.trim().is_empty() {
        return "a person: type part of a name, Tab completes it".into();
    }
    let names = names(roadmap);
    match find(typed, &names, false) {
        Found::One(name) if name == tidy(typed) => format!("{name}: already named in this roadmap"),
        Found::One(name) => format!("Tab: {name}"),
        Found::Many(names) => format!("could be {} · Tab takes the first", names.join(", ")),
        Found::New(name) => format!("{name}: a new person (nobody of that name yet)"),
    }
}

/// True when `words` (tidied, any case) are the whole of a known name or its first words:
/// `@Lena Fischer` typed without quotes keeps "Fischer" in the name.
pub fn starts_a_name(words: &str, names: &[String]) -> bool {
    let lower = key(words);
    names.iter().any(|n| {
        let k = key(n);
        k == lower || k.starts_with(&format!("{lower} "))
    })
}

/// Reads the name an `@` token writes; `rest` is the word after `@` and `words` the words
/// after it. A quoted name (`@"Ana Sousa"`) takes words up to its closing quote (or the end
/// of the line while it is being typed); a bare one takes the next words while together they
/// are the start of a known name (`@Lena Fischer`).
pub fn read_at<'a>(
    rest: &'a str,
    words: &mut std::iter::Peekable<impl Iterator<Item = &'a str>>,
    names: &[String],
) -> At {
    if let Some(open) = rest.strip_prefix('"') {
        let mut taken = vec![rest];
        let mut closed = open.ends_with('"') && !open.is_empty();
        while !closed {
            let Some(word) = words.next() else { break };
            closed = word.ends_with('"');
            taken.push(word);
        }
        let raw = taken.join(" ");
        let name = raw
            .trim_start_matches('"')
            .trim_end_matches('"')
            .to_string();
        return At {
            name,
            quoted: true,
            raw,
        };
    }
    let mut raw = rest.to_string();
    while let Some(next) = words.peek() {
        let longer = format!("{raw} {next}");
        if next.starts_with(['#', '@', '+', '!'])
            || !starts_a_name(&longer.replace('_', " "), names)
        {
            break;
        }
        raw = longer;
        words.next();
    }
    At {
        name: raw.replace('_', " "),
        quoted: false,
        raw,
    }
}

/// A name as an `@` token wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    /// The name (quotes off, `_` as spaces).
    pub name: String,
    /// True when it was quoted: that name exactly, never a guess.
    pub quoted: bool,
    /// The words as typed after `@`, joined by single spaces.
    pub raw: String,
}

impl At {
    /// Whom it means among `names`.
    pub fn find(&self, names: &[String]) -> Found {
        find(&self.name, names, self.quoted)
    }
}

/// How a name is written after `@` so that it reads back as that name: bare when it is one
/// word, quoted when it has spaces.
pub fn at_token(name: &str) -> String {
    if name.contains(char::is_whitespace) {
        format!("@\"{name}\"")
    } else {
        format!("@{name}")
    }
}

/// Renames `from` to `to` in every field that names them (ignoring case and spacing, as
/// [`people`] does; a role in brackets after the name stays). Returns how many fields changed.
pub fn rename(roadmap: &mut Roadmap, from: &str, to: &str) -> usize {
    let from = key(from);
    let to = tidy(to);
    let same = |field: &str| key(name_part(field)) == from;
    let mut count = 0;
    let mut swap = |field: &mut String| {
        if same(field) {
            let rest = field[name_part(field).len()..].to_string();
            *field = format!("{to}{rest}");
            count += 1;
        }
    };
    for goal in &mut roadmap.goals {
        swap(&mut goal.owner);
    }
    roadmap.initiatives.update_where(
        |i| {
            same(&i.it_owner)
                || same(&i.sponsor)
                || same(&i.champion)
                || i.risks.iter().any(|r| same(&r.owner))
        },
        |i| {
            swap(&mut i.it_owner);
            swap(&mut i.sponsor);
            swap(&mut i.champion);
            for risk in &mut i.risks {
                swap(&mut risk.owner);
            }
        },
    );
    roadmap
        .actions
        .update_where(|a| same(&a.owner), |a| swap(&mut a.owner));
    for checkin in &mut roadmap.checkins {
        swap(&mut checkin.business_who);
    }
    count
}

#[cfg(test)]
#[path = "people_tests.rs"]
mod tests;
