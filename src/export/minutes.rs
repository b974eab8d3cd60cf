//! Minutes of a planning session, for people who were not in the room: what changed (added,
//! moved with the reasons given, status, done), the decisions and actions recorded with their
//! owners and due dates, and the alignment summary line. Always the public view: minutes
//! travel. Pure functions from two versions of a roadmap to Markdown or HTML text.

use super::{html, markdown};
use crate::domain::Roadmap;
use crate::domain::alignment;
use crate::domain::decisions::{Action, Link};
use crate::domain::diff::changes;
use crate::domain::public::public_copy;
use chrono::NaiveDate;
use std::collections::BTreeSet;
use std::fmt::Write;

/// One action as the minutes list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionLine {
    /// What is to be done.
    pub text: String,
    /// Who does it ("no owner" when nobody was named).
    pub owner: String,
    /// By when, in words ("Fri 4 Dec 2026", "no due date").
    pub due: String,
    /// What it is about ("ISO", an initiative's title), empty for nothing.
    pub about: String,
    /// True when it was done before the minutes were written.
    pub done: bool,
}

/// What the minutes say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Minutes {
    /// The roadmap's name.
    pub name: String,
    /// The day of the session.
    pub day: NaiveDate,
    /// The alignment summary line after the session.
    pub summary: String,
    /// What changed, in headed sections (decisions and actions have their own).
    pub changes: Vec<(String, Vec<String>)>,
    /// Decisions recorded in the session, with what each is about.
    pub decisions: Vec<String>,
    /// Actions recorded in the session.
    pub actions: Vec<ActionLine>,
}

fn about(link: Option<&Link>, roadmap: &Roadmap) -> String {
    link.and_then(|l| roadmap.about(l))
        .unwrap_or_default()
        .to_string()
}

/// An action in words as of `day` (an open one past its due date says OVERDUE).
pub(super) fn action_line(a: &Action, roadmap: &Roadmap, day: NaiveDate) -> ActionLine {
    let overdue = a.done_on.is_none() && a.due.is_some_and(|d| d < day);
    ActionLine {
        text: a.text.clone(),
        owner: if a.owner.is_empty() {
            "no owner".into()
        } else {
            a.owner.clone()
        },
        due: a.due.map_or_else(
            || "no due date".into(),
            |d| {
                let when = d.format("%a %-d %b %Y").to_string();
                if overdue {
                    format!("{when} (OVERDUE)")
                } else {
                    when
                }
            },
        ),
        about: about(a.link.as_ref(), roadmap),
        done: a.done_on.is_some(),
    }
}

/// The minutes of the session that turned `before` into `after`, on `day`: public copies of
/// both, so nothing internal or confidential reaches them.
pub fn minutes(before: &Roadmap, after: &Roadmap, day: NaiveDate) -> Minutes {
    let (before, after) = (public_copy(before), public_copy(after));
    let old_decisions: BTreeSet<&str> = before.decisions.iter().map(|d| d.id.as_str()).collect();
    let old_actions: BTreeSet<&str> = before.actions.iter().map(|a| a.id.as_str()).collect();
    let decisions = after
        .decisions
        .iter()
        .filter(|d| !old_decisions.contains(d.id.as_str()))
        .map(|d| {
            let about = about(d.link.as_ref(), &after);
            if about.is_empty() {
                d.text.clone()
            } else {
                format!("{} (about {about})", d.text)
            }
        })
        .collect();
    let actions = after
        .actions
        .iter()
        .filter(|a| !old_actions.contains(a.id.as_str()))
        .map(|a| action_line(a, &after, day))
        .collect();
    let mut changes: Vec<(String, Vec<String>)> = changes(&before, &after)
        .sections()
        .into_iter()
        .filter(|(title, _)| !title.starts_with("Decisions (") && !title.starts_with("Actions ("))
        .collect();
    // What was added, with who owns it, what it serves and when it is due: the minutes are
    // read by people who were not there.
    let old: BTreeSet<&str> = before.initiatives.iter().map(|i| i.id.0.as_str()).collect();
    let added: Vec<String> = after
        .initiatives
        .iter()
        .filter(|i| !old.contains(i.id.0.as_str()))
        .map(|i| {
            let owner = if i.it_owner.is_empty() {
                "no owner"
            } else {
                i.it_owner.as_str()
            };
            let codes: Vec<&str> = i
                .goal_ids()
                .filter_map(|g| after.goal(g))
                .map(|g| g.code.as_str())
                .collect();
            let goals = if codes.is_empty() {
                "no goal".to_string()
            } else {
                codes.join(" ")
            };
            let due = i.target.label(|d| d.format("%-d %b %Y").to_string());
            format!("{} — {owner}, {goals}, due {due}", i.title)
        })
        .collect();
    if let Some((_, items)) = changes.iter_mut().find(|(t, _)| t.starts_with("Added (")) {
        *items = added;
    }
    let reassigned = changed_actions(&before, &after);
    if !reassigned.is_empty() {
        changes.push((
            format!("Actions changed ({})", reassigned.len()),
            reassigned,
        ));
    }
    Minutes {
        name: after.name.clone(),
        day,
        summary: alignment::summary(&after, day).line(),
        changes,
        decisions,
        actions,
    }
}

/// Actions that were there before and now have another owner, due date or text, in words.
fn changed_actions(before: &Roadmap, after: &Roadmap) -> Vec<String> {
    let day = |d: Option<NaiveDate>| {
        d.map_or_else(|| "no date".into(), |d| d.format("%-d %b").to_string())
    };
    let who = |o: &str| {
        if o.is_empty() {
            "nobody".to_string()
        } else {
            o.to_string()
        }
    };
    after
        .actions
        .iter()
        .filter_map(|a| {
            let was = before.actions.find(&a.id)?;
            let mut what = Vec::new();
            if was.text != a.text {
                what.push(format!("was \"{}\"", was.text));
            }
            if was.owner != a.owner {
                what.push(format!("owner {} → {}", who(&was.owner), who(&a.owner)));
            }
            if was.due != a.due {
                what.push(format!("due {} → {}", day(was.due), day(a.due)));
            }
            (!what.is_empty()).then(|| format!("{}: {}", a.text, what.join(", ")))
        })
        .collect()
}

/// The file name of the minutes: `northwind-it-roadmap-2026-11-22-minutes.md`.
pub fn file_name(roadmap: &Roadmap, day: NaiveDate, format: super::Format) -> String {
    let name = super::file_name(roadmap, format, day);
    let ext = format.extension();
    format!(
        "{}-minutes.{ext}",
        name.trim_end_matches(&format!(".{ext}"))
    )
}

/// The minutes as Markdown.
pub fn to_markdown(m: &Minutes) -> String {
    let e = markdown::escape;
    let mut out = String::new();
    let _ = writeln!(out, "# Minutes: {}\n", e(&m.name));
    let _ = writeln!(
        out,
        "Planning session of {}\n",
        m.day.format("%A %-d %B %Y")
    );
    let _ = writeln!(out, "**{}**\n", e(&m.summary));
    let _ = writeln!(out, "## Decisions ({})\n", m.decisions.len());
    if m.decisions.is_empty() {
        out.push_str("None recorded.\n\n");
    }
    for d in &m.decisions {
        let _ = writeln!(out, "- {}", e(d));
    }
    if !m.decisions.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(out, "## Actions ({})\n", m.actions.len());
    if m.actions.is_empty() {
        out.push_str("None recorded.\n\n");
    } else {
        out.push_str("| Action | Owner | Due | About |\n|---|---|---|---|\n");
        for a in &m.actions {
            let done = if a.done { " (done)" } else { "" };
            let _ = writeln!(
                out,
                "| {}{done} | {} | {} | {} |",
                e(&a.text),
                e(&a.owner),
                e(&a.due),
                e(&a.about)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## What changed\n");
    if m.changes.is_empty() {
        out.push_str("Nothing on the roadmap changed.\n\n");
    }
    for (title, items) in &m.changes {
        let _ = writeln!(out, "### {}\n", e(title));
        for item in items {
            let _ = writeln!(out, "- {}", e(item));
        }
        out.push('\n');
    }
    out
}

/// The minutes as one self-contained HTML page (the export's style, no scripts).
pub fn to_html(m: &Minutes) -> String {
    let e = html::escape;
    let mut out = html::page_start(&format!("Minutes: {} · {}", m.name, m.day));
    let name = e(&m.name);
    let _ = writeln!(
        out,
        "<section class=\"first\">\n<h1>Minutes: {name}</h1>\n<p class=\"meta\">Planning session of {}</p>\n<p class=\"summary\">{}</p>",
        m.day.format("%A %-d %B %Y"),
        e(&m.summary)
    );
    let _ = writeln!(out, "<h2>Decisions ({})</h2>", m.decisions.len());
    if m.decisions.is_empty() {
        out.push_str("<p>None recorded.</p>\n");
    } else {
        out.push_str("<ul>\n");
        for d in &m.decisions {
            let _ = writeln!(out, "<li>{}</li>", e(d));
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(out, "<h2>Actions ({})</h2>", m.actions.len());
    if m.actions.is_empty() {
        out.push_str("<p>None recorded.</p>\n");
    } else {
        out.push_str(
            "<table>\n<thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>About</th></tr></thead>\n<tbody>\n",
        );
        for a in &m.actions {
            let done = if a.done { " (done)" } else { "" };
            let _ = writeln!(
                out,
                "<tr><td>{}{done}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                e(&a.text),
                e(&a.owner),
                e(&a.due),
                e(&a.about)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("<h2>What changed</h2>\n");
    if m.changes.is_empty() {
        out.push_str("<p>Nothing on the roadmap changed.</p>\n");
    }
    for (title, items) in &m.changes {
        let _ = writeln!(out, "<h3>{}</h3>\n<ul>", e(title));
        for item in items {
            let _ = writeln!(out, "<li>{}</li>", e(item));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::decisions::Decision;
    use chrono::DateTime;

    fn sample() -> Roadmap {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        crate::sample::sample(today, DateTime::from_timestamp(0, 0).unwrap()).unwrap()
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    /// A session: one slip with its reason, one decision, one action, one confidential risk
    /// raised (which the minutes must not show).
    fn session() -> (Roadmap, Roadmap) {
        let before = sample();
        let mut after = before.clone();
        let now = DateTime::from_timestamp(0, 0).unwrap();
        let id = after.initiatives.get(0).unwrap().id.clone();
        let later = crate::domain::Target::day(NaiveDate::from_ymd_opt(2027, 1, 15).unwrap());
        after.initiatives.update_where(
            |i| i.id == id,
            |i| {
                i.set_target(later, day());
                if let Some(change) = i.target_log.last_mut() {
                    change.reason = "vendor <late> & busy".into();
                }
            },
        );
        after.decisions.push(Decision {
            id: "d-1".into(),
            text: "Go with the SaaS vendor".into(),
            session: day(),
            link: Some(Link::Goal(after.goals[0].id.clone())),
            created: now,
        });
        after.actions.push(Action {
            id: "a-1".into(),
            text: "Ask procurement for quotes".into(),
            owner: "Raj Patel".into(),
            due: NaiveDate::from_ymd_opt(2026, 11, 27),
            link: None,
            session: day(),
            done_on: None,
            created: now,
        });
        (before, after)
    }

    #[test]
    fn the_minutes_hold_the_sessions_changes_decisions_and_actions_and_nothing_else() {
        let (before, after) = session();
        let m = minutes(&before, &after, day());
        let moved = after.initiatives.get(0).unwrap().title.clone();
        assert_eq!(
            m.decisions,
            [format!(
                "Go with the SaaS vendor (about {})",
                after.goals[0].code
            )]
        );
        assert_eq!(
            m.actions,
            [ActionLine {
                text: "Ask procurement for quotes".into(),
                owner: "Raj Patel".into(),
                due: "Fri 27 Nov 2026".into(),
                about: String::new(),
                done: false,
            }]
        );
        let (title, items) = &m.changes[0];
        assert_eq!(title, "Moved later (1)");
        assert!(
            items[0].starts_with(&format!("{moved}: "))
                && items[0].ends_with(", because vendor <late> & busy"),
            "{items:?}"
        );
        assert_eq!(
            m.changes.len(),
            1,
            "decisions and actions are not listed twice"
        );
        assert_eq!(
            m.summary,
            alignment::summary(&public_copy(&after), day()).line()
        );
    }

    #[test]
    fn nothing_internal_reaches_the_minutes_and_user_text_is_escaped() {
        let (before, mut after) = session();
        let note = "SECRET-NOTE-7731";
        after
            .initiatives
            .update_where(|_| true, |i| i.notes = note.into());
        let md = to_markdown(&minutes(&before, &after, day()));
        let html = to_html(&minutes(&before, &after, day()));
        for text in [&md, &html] {
            assert!(!text.contains(note), "notes are internal");
        }
        assert!(html.contains("vendor &lt;late&gt; &amp; busy"), "{html}");
        assert!(!html.contains("<late>"));
        assert!(md.contains("vendor &lt;late&gt; \\& busy"), "{md}");
        assert!(md.contains("| Ask procurement for quotes | Raj Patel | Fri 27 Nov 2026 |  |"));
        assert!(html.contains("<td>Ask procurement for quotes</td><td>Raj Patel</td>"));
    }

    #[test]
    fn actions_say_when_they_are_overdue_changed_or_done_and_each_is_listed_once() {
        let (mut before, mut after) = session();
        let now = DateTime::from_timestamp(0, 0).unwrap();
        let action = |id: &str, owner: &str, due: u32, done: bool| Action {
            id: id.into(),
            text: format!("Action {id}"),
            owner: owner.into(),
            due: NaiveDate::from_ymd_opt(2026, 11, due),
            link: None,
            session: day(),
            done_on: done.then(day),
            created: now,
        };
        before
            .actions
            .push(action("a-old", "Lena Fischer", 27, false));
        after.actions.push(action("a-old", "Priya Nair", 24, false));
        after.actions.push(action("a-late", "Raj Patel", 20, false));
        after.actions.push(action("a-done", "Raj Patel", 21, true));
        let m = minutes(&before, &after, day());
        let late = m
            .actions
            .iter()
            .find(|a| a.text == "Action a-late")
            .unwrap();
        assert_eq!(late.due, "Fri 20 Nov 2026 (OVERDUE)");
        let done = m
            .actions
            .iter()
            .find(|a| a.text == "Action a-done")
            .unwrap();
        assert!(done.done && !done.due.contains("OVERDUE"), "{done:?}");
        let changed = m
            .changes
            .iter()
            .find(|(t, _)| t == "Actions changed (1)")
            .map(|(_, items)| items.clone());
        assert_eq!(
            changed,
            Some(vec![
                "Action a-old: owner Lena Fischer → Priya Nair, due 27 Nov → 24 Nov".to_string()
            ])
        );
        assert!(
            !m.changes.iter().any(|(t, _)| t.starts_with("Actions done")),
            "recorded and done in the session: listed once, in the actions"
        );
    }

    #[test]
    fn a_session_without_changes_says_so() {
        let r = sample();
        let md = to_markdown(&minutes(&r, &r, day()));
        assert!(md.contains("## Decisions (0)\n\nNone recorded."));
        assert!(md.contains("Nothing on the roadmap changed."));
        assert_eq!(
            file_name(&r, day(), super::super::Format::Markdown),
            "northwind-it-roadmap-2026-11-22-minutes.md"
        );
    }
}
