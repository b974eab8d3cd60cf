//! Opening a large roadmap on every core. In a file as this app writes it, each initiative
//! starts on a line of its own (`        Initiative(`) and no string spans lines (line breaks
//! are written as `\n`), so the list of initiatives, nearly all of a big file, can be cut at
//! those lines and the slices parsed on separate threads, while the rest of the file is parsed
//! with an empty list in its place.
//!
//! This is only ever a faster way to the same result: a file laid out in any other way, or
//! with a line like that inside a multi-line string or comment, makes a slice fail to parse
//! (a cut string or comment is never complete), and then the caller parses the whole file in
//! one piece, which also gives the exact position of any mistake.

use crate::domain::{Initiative, Items, Roadmap};
use ron::Options;

/// Below this size one thread is as quick.
const MIN_BYTES: usize = 1 << 20;
const LIST_START: &str = "\n    initiatives: [\n";
const LIST_END: &str = "\n    ],\n";
const ITEM_START: &str = "\n        Initiative(\n";
const ITEM_END: &str = "\n        ),\n";

/// The roadmap in `text` parsed on several threads, or None when the file is small, the
/// machine has one core, or the file is not laid out as this app writes it.
pub fn parse(text: &str, options: &Options) -> Option<Roadmap> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if text.len() < MIN_BYTES || threads < 2 {
        return None;
    }
    parse_in(text, options, threads.min(8))
}

/// [`parse`] with `slices` slices and no size limit (for tests).
pub fn parse_in(text: &str, options: &Options, slices: usize) -> Option<Roadmap> {
    let open = text.find(LIST_START)?;
    if text[open + 1..].contains(LIST_START) {
        return None; // two lists: leave it to the full parse to say what is wrong
    }
    let body_start = open + LIST_START.len();
    let body_end = body_start + text[body_start..].find(LIST_END)? + 1;
    let body = &text[body_start..body_end];
    let tail_start = body_end - 1 + LIST_END.len();
    if !plain(&text[..open]) || !plain(&text[tail_start..]) {
        return None;
    }
    let rest = format!(
        "{}    initiatives: [],{}",
        &text[..=open],
        &text[tail_start - 1..]
    );
    let cuts = cut(body, slices);
    // Each slice but the last must end with the comma that separates it from the next, or
    // the slices would parse where the whole list does not: on a line of its own, which no
    // line comment can hide.
    let ends = cuts
        .get(1..cuts.len().saturating_sub(1))
        .unwrap_or_default();
    if ends.iter().any(|at| !body[..*at].ends_with(ITEM_END)) {
        return None;
    }
    let parse_slice = |slice: &str| {
        options
            .from_str::<Vec<Initiative>>(&format!("[{slice}]"))
            .ok()
    };
    let (head, lists) = std::thread::scope(|scope| {
        let workers: Vec<_> = cuts
            .windows(2)
            .map(|w| {
                let slice = &body[w[0]..w[1]];
                std::thread::Builder::new().spawn_scoped(scope, move || parse_slice(slice))
            })
            .collect();
        let head = options.from_str::<Roadmap>(&rest).ok();
        // Every thread is joined (a refused or failed one gives None, never a panic here).
        let lists: Vec<Option<Vec<Initiative>>> = workers
            .into_iter()
            .map(|w| w.ok().and_then(|w| w.join().ok().flatten()))
            .collect();
        (head, lists)
    });
    let mut roadmap = head?;
    if !roadmap.initiatives.is_empty() {
        return None;
    }
    let lists: Vec<Vec<Initiative>> = lists.into_iter().collect::<Option<_>>()?;
    roadmap.initiatives = lists.into_iter().flatten().collect::<Items<Initiative>>();
    Some(roadmap)
}

/// True when `part` (the file around the list) cannot hide the markers the cut relies on or
/// change how the slices read: outside its strings there is no block comment, raw string or
/// `#` (which starts `#![enable(…)]`, also written with spaces), and no string runs over a
/// line end.
fn plain(part: &str) -> bool {
    part.lines().all(|line| {
        let mut chars = line.chars().peekable();
        let (mut in_string, mut previous) = (false, ' ');
        while let Some(c) = chars.next() {
            let next = chars.peek().copied();
            if in_string {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => in_string = false,
                    _ => {}
                }
            } else {
                match (c, next) {
                    ('"', _) => in_string = true,
                    ('/', Some('/')) => break,
                    ('/', Some('*')) | ('#', _) => return false,
                    ('r', Some('"' | '#')) if !previous.is_alphanumeric() && previous != '_' => {
                        return false;
                    }
                    _ => {}
                }
            }
            previous = c;
        }
        !in_string
    })
}

/// Offsets cutting `body` into about `slices` runs of whole initiatives: 0, the start of the
/// `Initiative(` line nearest each even share, and the end.
fn cut(body: &str, slices: usize) -> Vec<usize> {
    let mut cuts = vec![0];
    for n in 1..slices {
        let target = body.len() * n / slices;
        let last = *cuts.last().unwrap_or(&0);
        // Bytes, not str: the share may fall inside a character.
        let from = target.max(last);
        let rest = body.as_bytes().get(from..).unwrap_or_default();
        let Some(found) = memchr::memmem::find(rest, ITEM_START.as_bytes()) else {
            break;
        };
        let at = from + found + 1;
        if at > last && at < body.len() {
            cuts.push(at);
        }
    }
    cuts.push(body.len());
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn options() -> Options {
        Options::default().with_recursion_limit(64)
    }

    fn text(initiatives: usize, seed: u64) -> (Roadmap, String) {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut r = crate::generate::roadmap(7, initiatives, seed, today);
        if let Some(i) = r.initiatives.get_mut(0) {
            // Text that looks like the layout the cuts rely on, inside a string.
            i.notes = "line\n        Initiative(\n    ],\n\"quoted\" \u{1b}[31m é".into();
        }
        let text = crate::storage::to_ron(&r).unwrap();
        (r, text)
    }

    #[test]
    fn gives_exactly_what_the_one_piece_parse_gives() {
        for (n, seed) in [(1, 1), (2, 2), (3, 3), (65, 4), (300, 5)] {
            let (r, text) = text(n, seed);
            let whole: Roadmap = options().from_str(&text).unwrap();
            for slices in [1, 2, 3, 8, 500] {
                let split = parse_in(&text, &options(), slices).unwrap();
                assert_eq!(split, whole, "{n} initiatives in {slices} slices");
            }
            assert_eq!(whole, r);
        }
    }

    #[test]
    fn cuts_fall_at_initiative_lines_and_cover_the_list() {
        let (_, text) = text(40, 9);
        let body_start = text.find(LIST_START).unwrap() + LIST_START.len();
        let body = &text[body_start..];
        let cuts = cut(body, 4);
        assert_eq!(cuts.len(), 5, "{cuts:?}");
        for at in &cuts[1..cuts.len() - 1] {
            assert!(body[*at..].starts_with("        Initiative(\n"), "{at}");
        }
    }

    /// Files laid out otherwise, or with a cut line inside a multi-line string or comment,
    /// are left to the one-piece parse (which they then pass or fail exactly as before).
    #[test]
    fn anything_else_is_left_to_the_one_piece_parse() {
        let (_, text) = text(5, 1);
        let compact = text.replace("\n", " ");
        assert!(parse_in(&compact, &options(), 2).is_none());
        let notes = text
            .lines()
            .find(|l| l.starts_with("            notes: "))
            .unwrap();
        let raw = text.replacen(
            notes,
            "            notes: r#\"x\n        Initiative(\n    ],\n y\"#,",
            1,
        );
        let whole = options().from_str::<Roadmap>(&raw).unwrap();
        assert!(whole.initiatives[0].notes.contains("Initiative("));
        assert!(
            parse_in(&raw, &options(), 500).is_none(),
            "a cut inside a raw string"
        );
        let comment = text.replacen(
            "        Initiative(\n",
            "        /* a comment\n        Initiative(\n */\n        Initiative(\n",
            1,
        );
        let whole = options().from_str::<Roadmap>(&comment).ok();
        let split = parse_in(&comment, &options(), 6);
        assert!(
            split.is_none() || split == whole,
            "never a different roadmap"
        );
        // The list header inside a block comment before the real (empty) list.
        let hidden = text
            .replacen("    initiatives: [\n", "    /*\n    initiatives: [\n", 1)
            .replacen(
                "\n    ],\n    decisions: [",
                "\n    ],\n    */\n    initiatives: [],\n    decisions: [",
                1,
            );
        let whole = options().from_str::<Roadmap>(&hidden).unwrap();
        assert!(whole.initiatives.is_empty());
        assert!(parse_in(&hidden, &options(), 2).is_none());
        // A missing comma between two initiatives where a cut falls.
        let (_, many) = self::tests::text(20, 2);
        let cuts = {
            let start = many.find(LIST_START).unwrap() + LIST_START.len();
            let end = start + many[start..].find(LIST_END).unwrap() + 1;
            let c = cut(&many[start..end], 2);
            start + c[1]
        };
        let mut broken = many.clone();
        let comma = broken[..cuts].rfind("),").unwrap() + 1;
        broken.remove(comma);
        assert!(options().from_str::<Roadmap>(&broken).is_err());
        assert!(parse_in(&broken, &options(), 2).is_none());
        // An extension written with a space, which ron accepts and the slices would not see.
        let spaced = format!("# ![enable(implicit_some)]\n{text}");
        assert!(parse_in(&spaced, &options(), 2).is_none());
        // A missing comma hidden behind a line comment ending in a comma, at every cut.
        let commented = many.replace(
            "\n        ),\n        Initiative(",
            "\n        ) // first,\n        Initiative(",
        );
        assert!(options().from_str::<Roadmap>(&commented).is_err());
        assert!(parse_in(&commented, &options(), 500).is_none());
        // A share that falls inside a multibyte character still finds the next initiative.
        let wide = many.replace("Automate", "Äutomåte").replace("the", "thé");
        let start = wide.find(LIST_START).unwrap() + LIST_START.len();
        let end = start + wide[start..].find(LIST_END).unwrap() + 1;
        assert_eq!(cut(&wide[start..end], 7).len(), 8);
        let twice = text.replacen(
            "    decisions: [",
            "    initiatives: [\n    ],\n    decisions: [",
            1,
        );
        assert!(parse_in(&twice, &options(), 2).is_none());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Mangled files (junk or random bytes spliced in anywhere, any number of slices):
        /// the split parse gives way or gives exactly what the one-piece parse gives,
        /// and never panics.
        #[test]
        fn mangled_text_splits_to_the_one_piece_result_or_not_at_all(
            cut in 0usize..40_000,
            junk in proptest::prelude::any::<String>(),
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
            slices in 2usize..9,
        ) {
            let (_, text) = text(40, 9);
            let mut cut = cut.min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let noise = format!("{junk}{}", String::from_utf8_lossy(&bytes));
            let mangled = format!("{}{noise}{}", &text[..cut], &text[cut..]);
            if let Some(split) = parse_in(&mangled, &options(), slices) {
                let whole: Result<Roadmap, _> = options().from_str(&mangled);
                proptest::prop_assert_eq!(Ok(split), whole.map_err(|e| e.to_string()));
            }
        }
    }
}
