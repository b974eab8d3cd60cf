//! Quick capture: one line such as `Migrate payroll to SaaS #cost @maria +hr !next-month`
//! becomes an initiative. Tokens count only at the start of a word (`C# upgrade` stays a
//! title); a backslash escapes one (`\#1 priority`).

use super::dates::parse_target;
use super::ids::GoalId;
use super::model::{Goal, Roadmap};
use super::people;
use super::target::Target;
use chrono::NaiveDate;
use thiserror::Error;

/// What a capture line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captured {
    /// The title (every word that is not a token).
    pub title: String,
    /// Goals from `#goal` tokens, in the order written.
    pub goals: Vec<GoalId>,
    /// IT owner from `@owner` (the last one wins), as the roadmap writes a known person.
    pub owner: Option<String>,
    /// True when the owner is nobody the roadmap names yet.
    pub owner_is_new: bool,
    /// Tags from `+tag`.
    pub tags: Vec<String>,
    /// Target from `!when` (a date or a horizon such as `next-month`).
    pub target: Option<Target>,
}

/// Why a capture line cannot be taken as it is.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CaptureError {
    /// Nothing but tokens.
    #[error("type a title, e.g. Migrate payroll to SaaS #cost @maria !next-month")]
    NoTitle,
    /// A `#goal` matched no goal.
    #[error("no goal matches #{token}{}", hint(.known, .nearest.as_deref()))]
    UnknownGoal {
        /// The token without `#`.
        token: String,
        /// Codes of all goals, to help.
        known: Vec<String>,
        /// The code it most likely meant (a typo away), if any.
        nearest: Option<String>,
    },
    /// A `#goal` matched several goals; the user must pick one.
    #[error("#{token} matches {} goals: pick one", .candidates.len())]
    Ambiguous {
        /// The token without `#`.
        token: String,
        /// The goals it matches.
        candidates: Vec<GoalId>,
    },
    /// An `@person` matched several people; the user must pick one.
    #[error("@{token} matches {} people: pick one", .candidates.len())]
    AmbiguousPerson {
        /// The words after `@` as typed.
        token: String,
        /// The names it matches.
        candidates: Vec<String>,
    },
    /// A `!when` is not a date.
    #[error("!{0} is not a date or horizon (try !next-week, !next-month, !eom, !2027-03-31)")]
    BadDate(String),
}

fn hint(known: &[String], nearest: Option<&str>) -> String {
    match (known.is_empty(), nearest) {
        (true, _) => " (there are no goals yet: add one with A)".into(),
        (false, Some(code)) => format!(": did you mean #{code}?"),
        (false, None) => format!(" (goals: {})", known.join(", ")),
    }
}

/// Edit distance between two short words (letters swapped count as two edits).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

/// The goal code a mistyped token most likely meant: within two edits, closest first.
fn nearest_code(token: &str, goals: &[Goal]) -> Option<String> {
    let token = token.to_lowercase();
    goals
        .iter()
        .map(|g| (distance(&token, &g.code.to_lowercase()), &g.code))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, code)| code.clone())
}

/// True when a typed word stands for a title word: the same start for at least four letters
/// (`reduction` ~ `reduce`), or all of a shorter typed word.
fn word_matches(typed: &str, word: &str) -> bool {
    let common = typed
        .chars()
        .zip(word.chars())
        .take_while(|(a, b)| a == b)
        .count();
    common == typed.chars().count() || common >= 4
}

/// The goals a `#token` could mean: an exact code or id wins; otherwise goals whose code
/// starts with it, or whose title has a word for every word of it (`-` and `_` separate
/// words; `#cost-reduction` finds "Reduce the run cost of IT").
pub fn match_goal<'a>(token: &str, goals: &'a [Goal]) -> Vec<&'a Goal> {
    let exact: Vec<&Goal> = goals
        .iter()
        .filter(|g| g.code.eq_ignore_ascii_case(token) || g.id.0 == token)
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    let lower = token.to_lowercase();
    let by_code: Vec<&Goal> = goals
        .iter()
        .filter(|g| g.code.to_lowercase().starts_with(&lower))
        .collect();
    if !by_code.is_empty() {
        return by_code; // a code prefix beats a word of a title
    }
    if token.len() <= 6
        && token
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return Vec::new(); // written like a code (FIN): never guessed from words of titles
    }
    let words: Vec<&str> = lower.split(['-', '_']).filter(|w| !w.is_empty()).collect();
    goals
        .iter()
        .filter(|g| {
            let title = g.title.to_lowercase();
            let title_words: Vec<&str> = title.split(|c: char| !c.is_alphanumeric()).collect();
            !words.is_empty()
                && words
                    .iter()
                    .all(|w| title_words.iter().any(|t| word_matches(w, t)))
        })
        .collect()
}

/// Parses a capture line against the roadmap's goals, with `today` for `!when`.
pub fn parse_capture(
    line: &str,
    roadmap: &Roadmap,
    today: NaiveDate,
) -> Result<Captured, CaptureError> {
    let mut title: Vec<String> = Vec::new();
    let mut captured = Captured {
        title: String::new(),
        goals: Vec::new(),
        owner: None,
        owner_is_new: false,
        tags: Vec::new(),
        target: None,
    };
    // The people list only when a line names someone (it reads every initiative).
    let mut known: Option<Vec<String>> = None;
    let mut words = line.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let mut chars = word.chars();
        let (first, rest) = (chars.next(), chars.as_str());
        match first {
            Some('\\') if rest.starts_with(['#', '@', '+', '!']) => title.push(rest.to_string()),
            Some('#') if !rest.is_empty() => {
                let found = match_goal(rest, &roadmap.goals);
                match found.as_slice() {
                    [] => {
                        let known = roadmap.goals.iter().map(|g| g.code.clone()).collect();
                        return Err(CaptureError::UnknownGoal {
                            token: rest.into(),
                            known,
                            nearest: nearest_code(rest, &roadmap.goals),
                        });
                    }
                    [goal] => {
                        if !captured.goals.contains(&goal.id) {
                            captured.goals.push(goal.id.clone());
                        }
                    }
                    many => {
                        let candidates = many.iter().map(|g| g.id.clone()).collect();
                        return Err(CaptureError::Ambiguous {
                            token: rest.into(),
                            candidates,
                        });
                    }
                }
            }
            Some('@') if !rest.is_empty() => {
                let names = known.get_or_insert_with(|| people::names(roadmap));
                let at = people::read_at(rest, &mut words, names);
                let (owner, new) = match at.find(names) {
                    people::Found::One(name) => (name, false),
                    people::Found::New(name) => (name, true),
                    people::Found::Many(candidates) => {
                        return Err(CaptureError::AmbiguousPerson {
                            token: at.raw,
                            candidates,
                        });
                    }
                };
                if !owner.is_empty() {
                    captured.owner = Some(owner);
                    captured.owner_is_new = new;
                }
            }
            Some('+') if !rest.is_empty() => {
                if !captured.tags.iter().any(|t| t == rest) {
                    captured.tags.push(rest.to_string());
                }
            }
            Some('!') if !rest.is_empty() => {
                // A date of two words (`!Q3 2027`, `!March 2028`, `!next thursday`): the
                // second word belongs to it when the two read as one date.
                let joined = words.peek().and_then(|next| {
                    parse_target(&format!("{rest} {next}"), today, &roadmap.calendar).ok()
                });
                let target = match joined {
                    Some(target) => {
                        words.next();
                        target
                    }
                    None => parse_target(rest, today, &roadmap.calendar)
                        .map_err(|_| CaptureError::BadDate(rest.into()))?,
                };
                captured.target = Some(target);
            }
            _ => title.push(word.to_string()),
        }
    }
    captured.title = title.join(" ");
    if captured.title.is_empty() {
        return Err(CaptureError::NoTitle);
    }
    Ok(captured)
}

/// Completes the `@name` at the end of `line` (`@len`, `@"Ana S`) to the first person the
/// roadmap names that it matches, quoted when the name has spaces.
pub fn complete_person(line: &str, roadmap: &Roadmap) -> Option<String> {
    // The last `@` that starts a word; a quoted name may hold spaces, a bare one not.
    let start = line
        .char_indices()
        .rev()
        .find(|&(i, c)| c == '@' && line[..i].chars().last().is_none_or(char::is_whitespace))
        .map(|(i, _)| i)?;
    let token = &line[start + 1..];
    let (typed, quoted) = match token.strip_prefix('"') {
        Some(open) if !open.contains('"') => (open, true),
        Some(_) => return None,
        None if token.contains(char::is_whitespace) => return None,
        None => (token, false),
    };
    if typed.trim().is_empty() && !quoted {
        return None;
    }
    let name = people::first_match(typed, &people::names(roadmap))?;
    Some(format!("{}{} ", &line[..start], people::at_token(&name)))
}

/// Completes the `#token` at the end of `line` to the first goal code it matches.
pub fn complete_goal(line: &str, goals: &[Goal]) -> Option<String> {
    // Just after the last whitespace character, whatever its width in bytes (U+3000 …).
    let start = line
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let token = line[start..].strip_prefix('#')?;
    let goal = match_goal(token, goals).into_iter().next()?;
    Some(format!("{}#{} ", &line[..start], goal.code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::GoalId;

    fn roadmap() -> Roadmap {
        let goal = |id: &str, code: &str, title: &str| Goal {
            code: code.into(),
            title: title.into(),
            priority: 2,
            ..Goal::blank(GoalId(id.into()))
        };
        let mut r = Roadmap::new("r");
        r.goals = vec![
            goal("g-1", "COST", "Reduce the run cost of IT by 10%"),
            goal("g-2", "O2C", "Cut order-to-cash time by 20%"),
            goal("g-3", "CX", "Lift customer NPS"),
            goal("g-4", "CXOPS", "Customer operations excellence"),
        ];
        r
    }

    fn today() -> NaiveDate {
        "2026-11-22".parse().unwrap()
    }

    #[test]
    fn the_example_line_gives_title_goal_owner_and_horizon() {
        let c = parse_capture(
            "Migrate payroll to SaaS #cost-reduction @maria !next-month +hr",
            &roadmap(),
            today(),
        )
        .unwrap();
        assert_eq!(c.title, "Migrate payroll to SaaS");
        assert_eq!(c.goals, [GoalId("g-1".into())]);
        assert_eq!(c.owner.as_deref(), Some("maria"));
        assert_eq!(c.tags, ["hr"]);
        assert_eq!(c.target, Some(Target::day("2026-12-31".parse().unwrap())));
    }

    #[test]
    fn goals_by_code_id_or_words_of_the_title() {
        let r = roadmap();
        let goals = |line: &str| parse_capture(line, &r, today()).unwrap().goals;
        assert_eq!(goals("x #o2c"), [GoalId("g-2".into())], "code, any case");
        assert_eq!(goals("x #g-3"), [GoalId("g-3".into())], "id");
        assert_eq!(
            goals("x #order-cash"),
            [GoalId("g-2".into())],
            "words of the title"
        );
        assert_eq!(
            goals("x #CX"),
            [GoalId("g-3".into())],
            "an exact code beats a prefix"
        );
        assert_eq!(goals("x #cost #o2c #cost").len(), 2, "no duplicates");
    }

    #[test]
    fn ambiguous_and_unknown_goals_say_so() {
        let r = roadmap();
        let err = parse_capture("x #customer", &r, today()).unwrap_err();
        assert_eq!(
            err,
            CaptureError::Ambiguous {
                token: "customer".into(),
                candidates: vec![GoalId("g-3".into()), GoalId("g-4".into())]
            }
        );
        let err = parse_capture("x #marketing", &r, today()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "no goal matches #marketing (goals: COST, O2C, CX, CXOPS)"
        );
        let err = parse_capture("x #cots", &r, today()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "no goal matches #cots: did you mean #COST?"
        );
        assert!(
            parse_capture("x #CUST", &r, today()).is_err(),
            "a code-like token never matches title words"
        );
    }

    #[test]
    fn tokens_only_at_the_start_of_a_word_and_escapes_keep_them_as_text() {
        let c = parse_capture(
            "C# upgrade \\#1 priority mail@home a+b",
            &roadmap(),
            today(),
        )
        .unwrap();
        assert_eq!(c.title, "C# upgrade #1 priority mail@home a+b");
        assert!(c.goals.is_empty() && c.owner.is_none() && c.tags.is_empty());
        let c = parse_capture("Lone # sign", &roadmap(), today()).unwrap();
        assert_eq!(c.title, "Lone # sign", "a bare # is text");
    }

    #[test]
    fn a_date_of_two_words_takes_its_year_and_leaves_the_title_alone() {
        let r = roadmap();
        let cases = [
            ("New thing !Q3 2027", "New thing", "Q3 2027"),
            ("Fourth !Q1 2028 soon", "Fourth soon", "Q1 2028"),
            ("Fifth !March 2028", "Fifth", "2028-03"),
            ("Sixth !fri review", "Sixth review", "2026-11-27"),
        ];
        for (line, title, target) in cases {
            let c = parse_capture(line, &r, today()).unwrap();
            assert_eq!(
                (c.title.as_str(), c.target.unwrap().to_string().as_str()),
                (title, target),
                "{line}"
            );
        }
    }

    #[test]
    fn bad_dates_and_empty_titles_are_errors() {
        let r = roadmap();
        assert_eq!(
            parse_capture("x !someday", &r, today()),
            Err(CaptureError::BadDate("someday".into()))
        );
        assert_eq!(
            parse_capture("#cost @maria", &r, today()),
            Err(CaptureError::NoTitle)
        );
        assert_eq!(
            parse_capture("x !fri", &r, today()).unwrap().target,
            Some("2026-11-27".parse().unwrap())
        );
    }

    #[test]
    fn completion_fills_in_the_goal_code() {
        let r = roadmap();
        assert_eq!(
            complete_goal("Payroll #run", &r.goals).as_deref(),
            Some("Payroll #COST ")
        );
        assert_eq!(complete_goal("Payroll #zzz", &r.goals), None);
        assert_eq!(complete_goal("Payroll", &r.goals), None);
        assert_eq!(
            complete_goal("給与\u{3000}#run", &r.goals).as_deref(),
            Some("給与\u{3000}#COST "),
            "wide space"
        );
    }

    fn with_people() -> Roadmap {
        let mut r = roadmap();
        let now = chrono::DateTime::from_timestamp(0, 0).unwrap();
        for (n, owner) in ["Lena Fischer", "Ana Sousa", "Anatoly Karpov"]
            .iter()
            .enumerate()
        {
            let mut i = crate::domain::Initiative::blank(
                crate::domain::InitiativeId(format!("i-{n}")),
                now,
            );
            i.it_owner = (*owner).into();
            r.initiatives.push(i);
        }
        r
    }

    fn owner(line: &str) -> (String, Option<String>, bool) {
        let c = parse_capture(line, &with_people(), today()).unwrap();
        (c.title, c.owner, c.owner_is_new)
    }

    #[test]
    fn an_at_finds_a_known_person_by_a_word_or_the_whole_name() {
        let lena = |title: &str| (title.to_string(), Some("Lena Fischer".to_string()), false);
        assert_eq!(
            owner("Cloud cost dashboard @lena"),
            lena("Cloud cost dashboard")
        );
        assert_eq!(
            owner("Cloud cost dashboard @fisch"),
            lena("Cloud cost dashboard")
        );
        assert_eq!(
            owner("Cloud cost dashboard @Lena Fischer"),
            lena("Cloud cost dashboard"),
            "the second word of a known name is not a title word"
        );
        assert_eq!(owner("Cloud cost @lena fixes"), lena("Cloud cost fixes"));
        assert_eq!(
            owner("Cloud cost dashboard @\"Ana Sousa\" +finops"),
            (
                "Cloud cost dashboard".to_string(),
                Some("Ana Sousa".to_string()),
                false
            )
        );
        assert_eq!(
            owner("Cloud cost dashboard @ana_sousa"),
            (
                "Cloud cost dashboard".to_string(),
                Some("Ana Sousa".to_string()),
                false
            )
        );
    }

    #[test]
    fn a_new_name_is_taken_as_written_and_said_to_be_new() {
        assert_eq!(
            owner("Pen test @\"Priya Nair\""),
            ("Pen test".to_string(), Some("Priya Nair".to_string()), true)
        );
        assert_eq!(
            owner("Pen test @priya"),
            ("Pen test".to_string(), Some("priya".to_string()), true)
        );
    }

    #[test]
    fn an_at_that_could_be_several_people_asks_which() {
        assert_eq!(
            parse_capture("Pen test @ana", &with_people(), today()),
            Err(CaptureError::AmbiguousPerson {
                token: "ana".into(),
                candidates: vec!["Ana Sousa".into(), "Anatoly Karpov".into()],
            })
        );
    }

    #[test]
    fn tab_completes_a_person_quoted_when_the_name_has_spaces() {
        let r = with_people();
        assert_eq!(
            complete_person("Pen test @len", &r).as_deref(),
            Some("Pen test @\"Lena Fischer\" ")
        );
        assert_eq!(
            complete_person("Pen test @\"Ana S", &r).as_deref(),
            Some("Pen test @\"Ana Sousa\" ")
        );
        assert_eq!(
            complete_person("Pen test @zed", &r),
            None,
            "nobody to complete to"
        );
        assert_eq!(complete_person("mail@lena", &r), None, "not a token");
    }
}
