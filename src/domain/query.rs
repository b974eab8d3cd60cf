//! Search and filter queries: free words match titles, summaries and notes; `#goal`,
//! `@owner`, `+tag`, `status:blocked` and `kind:run` narrow the board. Same token rules as
//! quick capture, so one syntax serves both.

use super::capture::match_goal;
use super::ids::GoalId;
use super::model::{Initiative, Kind, Roadmap, Status};
use super::people;

/// A parsed query. Every part given must match (they combine with AND).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Lower-case words that must each appear in the title, summary or notes.
    pub words: Vec<String>,
    /// Goals; an initiative must serve at least one of them.
    pub goals: Vec<GoalId>,
    /// Lower-case owner fragments matched against IT owner, sponsor and champion.
    pub owners: Vec<String>,
    /// Tags (case-insensitive); all must be present.
    pub tags: Vec<String>,
    /// Statuses; any of them.
    pub statuses: Vec<Status>,
    /// Kinds; any of them.
    pub kinds: Vec<Kind>,
}

impl Query {
    /// Parses a query; unknown goals, statuses or kinds are reported, not ignored.
    pub fn parse(text: &str, roadmap: &Roadmap) -> Result<Query, String> {
        let mut q = Query::default();
        let mut known: Option<Vec<String>> = None;
        let mut words = text.split_whitespace().peekable();
        while let Some(word) = words.next() {
            let lower = word.to_lowercase();
            if let Some(token) = word.strip_prefix('#').filter(|t| !t.is_empty()) {
                let found = match_goal(token, &roadmap.goals);
                if found.is_empty() {
                    return Err(format!("no goal matches #{token}"));
                }
                q.goals.extend(found.into_iter().map(|g| g.id.clone()));
            } else if let Some(rest) = word.strip_prefix('@').filter(|t| !t.is_empty()) {
                // One known person: their whole name; several or nobody: the words typed
                // (`@ana` keeps every Ana).
                let names = known.get_or_insert_with(|| people::names(roadmap));
                let at = people::read_at(rest, &mut words, names);
                let owner = match at.find(names) {
                    people::Found::One(name) => name,
                    people::Found::Many(_) | people::Found::New(_) => at.name,
                };
                q.owners.push(people::tidy(&owner).to_lowercase());
            } else if let Some(tag) = lower.strip_prefix('+').filter(|t| !t.is_empty()) {
                q.tags.push(tag.to_string());
            } else if let Some(status) = lower.strip_prefix("status:") {
                let found = Status::ALL.iter().find(|s| {
                    s.label()
                        .to_lowercase()
                        .replace(' ', "-")
                        .starts_with(status)
                });
                q.statuses
                    .push(*found.ok_or_else(|| format!("no status starts with \"{status}\""))?);
            } else if let Some(kind) = lower.strip_prefix("kind:") {
                let found = Kind::ALL
                    .iter()
                    .find(|k| k.label().to_lowercase().starts_with(kind));
                q.kinds.push(*found.ok_or_else(|| {
                    format!("no kind starts with \"{kind}\" (run, grow, transform)")
                })?);
            } else {
                q.words.push(lower);
            }
        }
        Ok(q)
    }

    /// True when nothing is asked.
    pub fn is_empty(&self) -> bool {
        *self == Query::default()
    }

    /// True when every part of the query matches the initiative.
    pub fn matches(&self, i: &Initiative) -> bool {
        self.matches_with(i, true)
    }

    /// Like [`Query::matches`]; with `internal` false, internal fields (notes) are not
    /// searched, so the public view never reveals what they contain.
    pub fn matches_with(&self, i: &Initiative, internal: bool) -> bool {
        let notes = if internal { i.notes.as_str() } else { "" };
        let in_text = |w: &str| {
            [&i.title, &i.summary, notes]
                .iter()
                .any(|f| contains_folded(f, w))
        };
        let in_owners = |o: &str| {
            [&i.it_owner, &i.sponsor, &i.champion]
                .iter()
                .any(|f| contains_folded(f, o))
        };
        self.words.iter().all(|w| in_text(w))
            && self.owners.iter().all(|o| in_owners(o))
            && self.matches_fields(i)
    }

    /// A matcher for initiatives whose text was lower-cased beforehand ([`Folded`]): for
    /// searching many initiatives as the user types.
    pub fn matcher(&self) -> Matcher<'_> {
        Matcher {
            query: self,
            words: self.words.iter().map(memchr::memmem::Finder::new).collect(),
            owners: self
                .owners
                .iter()
                .map(memchr::memmem::Finder::new)
                .collect(),
        }
    }

    /// The parts of the query that are not free text: goals, tags, statuses, kinds.
    fn matches_fields(&self, i: &Initiative) -> bool {
        (self.goals.is_empty() || self.goals.iter().any(|g| i.serves_goal(g)))
            && self
                .tags
                .iter()
                .all(|t| i.tags.iter().any(|it| it.eq_ignore_ascii_case(t)))
            && (self.statuses.is_empty() || self.statuses.contains(&i.status))
            && (self.kinds.is_empty() || self.kinds.contains(&i.kind))
    }
}

/// A [`Query`] ready to test many initiatives: its words are prepared for a fast substring
/// search once, not once per initiative.
#[derive(Debug)]
pub struct Matcher<'q> {
    query: &'q Query,
    words: Vec<memchr::memmem::Finder<'q>>,
    owners: Vec<memchr::memmem::Finder<'q>>,
}

impl Matcher<'_> {
    /// Like [`Query::matches_with`], on the initiative's folded text.
    pub fn matches(&self, i: &Initiative, folded: &Folded, internal: bool) -> bool {
        let text = if internal {
            folded.text.as_bytes()
        } else {
            folded
                .text
                .as_bytes()
                .get(..folded.public)
                .unwrap_or_default()
        };
        self.words.iter().all(|w| w.find(text).is_some())
            && self
                .owners
                .iter()
                .all(|o| o.find(folded.owners.as_bytes()).is_some())
            && self.query.matches_fields(i)
    }
}

/// An initiative's searchable text lower-cased once: title, summary and notes (the notes
/// last, so the public view searches only the part before them), and the owners.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    text: String,
    /// Where the notes start in `text`.
    public: usize,
    owners: String,
}

impl Folded {
    /// The folded text of `i`.
    pub fn of(i: &Initiative) -> Self {
        let mut text = format!("{}\n{}", i.title, i.summary).to_lowercase();
        let public = text.len();
        text.push('\n');
        text.push_str(&i.notes.to_lowercase());
        let owners = format!("{}\n{}\n{}", i.it_owner, i.sponsor, i.champion).to_lowercase();
        Folded {
            text,
            public,
            owners,
        }
    }
}

/// True when the lower-case `word` appears in `text` ignoring case, as in
/// `text.to_lowercase().contains(word)`, without building the lower-case copy when `text` is
/// ASCII (which it nearly always is): candidates are found by their first byte in either case.
fn contains_folded(text: &str, word: &str) -> bool {
    let Some(&first) = word.as_bytes().first() else {
        return true;
    };
    if !text.is_ascii() {
        return text.to_lowercase().contains(word);
    }
    let (text, word) = (text.as_bytes(), word.as_bytes());
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), text).any(|at| {
        text.get(at..at + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, NaiveDate};

    fn sample() -> Roadmap {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        crate::sample::sample(today, DateTime::from_timestamp(0, 0).unwrap()).unwrap()
    }

    fn titles(query: &str) -> Vec<String> {
        let r = sample();
        let q = Query::parse(query, &r).unwrap();
        r.initiatives
            .iter()
            .filter(|i| q.matches(i))
            .map(|i| i.title.clone())
            .collect()
    }

    #[test]
    fn a_two_word_name_filters_by_that_person() {
        let lena = titles("@lena");
        assert!(!lena.is_empty());
        assert_eq!(titles("@Lena Fischer"), lena, "Fischer is part of the name");
        assert_eq!(titles("@\"Lena Fischer\""), lena);
        assert_eq!(titles("@lena_fischer"), lena);
    }

    /// Searching the folded text finds exactly what searching the initiative finds, in the
    /// public view too (notes are not searched there).
    #[test]
    fn folded_matching_agrees_with_plain_matching() {
        let mut r = sample();
        r.initiatives[0].notes = "Secret ÉTÉ plan".into();
        r.initiatives[1].it_owner = "Zoë Åberg".into();
        for query in [
            "plan",
            "été",
            "secret plan",
            "@zoë",
            "@åberg sso",
            "portal",
            "e",
            "+iso",
            "x",
        ] {
            let q = Query::parse(query, &r).unwrap();
            let matcher = q.matcher();
            for i in r.initiatives.iter() {
                let folded = Folded::of(i);
                for internal in [true, false] {
                    assert_eq!(
                        matcher.matches(i, &folded, internal),
                        q.matches_with(i, internal),
                        "{query:?} {internal} {}",
                        i.title
                    );
                }
            }
        }
    }

    /// The fast case-insensitive test agrees with lower-casing the whole text.
    #[test]
    fn folded_search_agrees_with_lowercasing() {
        let texts = [
            "Single Sign-On",
            "ÉCOLE Straße",
            "abc",
            "",
            "AaA",
            "ıI İi",
            "x\u{1b}[31m",
        ];
        let words = [
            "sign-on", "école", "straße", "abcd", "", "aa", "i̇", "ı", "[31", "a",
        ];
        for text in texts {
            for word in words {
                assert_eq!(
                    contains_folded(text, word),
                    text.to_lowercase().contains(word),
                    "{text:?} {word:?}"
                );
            }
        }
    }

    #[test]
    fn words_match_title_summary_and_notes_case_insensitively() {
        assert_eq!(
            titles("PORTAL partners"),
            ["Single sign-on for the partner portal"]
        );
        assert_eq!(
            titles("procurement"),
            ["Renew the Microsoft agreement with 8% fewer seats"],
            "notes"
        );
    }

    #[test]
    fn tokens_filter_and_combine() {
        assert_eq!(
            titles("#iso @lena status:in"),
            ["Patch the VPN gateways (CVE-2026-4411)"]
        );
        assert_eq!(titles("+crm kind:transform"), ["Replace the legacy CRM"]);
        assert_eq!(titles("status:blocked").len(), 1);
        assert!(titles("#eu kind:run status:proposed").is_empty());
    }

    #[test]
    fn unknown_parts_are_reported() {
        let r = sample();
        assert_eq!(
            Query::parse("#nope", &r).unwrap_err(),
            "no goal matches #nope"
        );
        assert!(
            Query::parse("status:later", &r)
                .unwrap_err()
                .contains("later")
        );
        assert!(Query::parse("", &r).unwrap().is_empty());
    }
}
