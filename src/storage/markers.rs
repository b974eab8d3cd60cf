//! The conflict markers a plain-text `git merge` leaves (`<<<<<<<`, `=======`, `>>>>>>>`):
//! found before the parser trips over them, with the lines and the items they sit in, so the
//! message says what to fix instead of "expected a value at line 40".

/// One conflicted stretch of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// The `<<<<<<<` line, 1-based.
    pub from: usize,
    /// The `>>>>>>>` line (the last line of the file when it is missing).
    pub to: usize,
    /// The items it touches, as the file names them: `i-7f3kq2mz "CRM upgrade"`.
    pub items: Vec<String>,
}

/// Every conflicted stretch of `text`, none when git left no markers.
pub fn regions(text: &str) -> Vec<Region> {
    if !text.starts_with("<<<<<<<") && !text.contains("\n<<<<<<<") {
        return Vec::new(); // one pass over the bytes on every load, nothing more
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        if !lines[at].starts_with("<<<<<<<") {
            at += 1;
            continue;
        }
        let from = at;
        let to = (from + 1..lines.len())
            .find(|&n| lines[n].starts_with(">>>>>>>"))
            .unwrap_or(lines.len().saturating_sub(1));
        out.push(Region {
            from: from + 1,
            to: to + 1,
            items: items(&lines, from, to),
        });
        at = to + 1;
    }
    out
}

/// The item the stretch starts in (the nearest `id:` above it) and every item inside it.
fn items(lines: &[&str], from: usize, to: usize) -> Vec<String> {
    let above = (0..from).rev().find(|&n| field(lines[n], "id").is_some());
    let mut out: Vec<String> = Vec::new();
    for n in above.into_iter().chain(from..=to) {
        let Some(id) = field(lines[n], "id") else {
            continue;
        };
        let title = lines[n + 1..lines.len().min(n + 4)]
            .iter()
            .find_map(|l| field(l, "title").or_else(|| field(l, "text")));
        let named = match title {
            Some(title) => format!("{id} \"{title}\""),
            None => id.to_string(),
        };
        if !out.contains(&named) {
            out.push(named);
        }
    }
    out
}

/// The quoted value of `name: "…"` on a line laid out one field per line, control
/// characters blanked (this goes into an error message).
fn field<'a>(line: &'a str, name: &str) -> Option<String> {
    let rest = line.trim_start().strip_prefix(name)?.strip_prefix(": \"")?;
    let value: &'a str = rest.split('"').next()?;
    Some(
        value
            .chars()
            .take(60)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect(),
    )
}

/// The regions in words, one per line: `lines 40-52: initiative i-7f3kq2mz "CRM upgrade"`.
pub fn describe(regions: &[Region]) -> String {
    regions
        .iter()
        .map(|r| {
            let items = if r.items.is_empty() {
                "outside any item".to_string()
            } else {
                r.items.join(", ")
            };
            format!("lines {}-{}: {items}", r.from, r.to)
        })
        .collect::<Vec<_>>()
        .join("\n  - ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_stretch_names_its_lines_and_the_items_it_sits_in() {
        let text = "Roadmap(\n\tinitiatives: [\n\t\tInitiative(\n\t\t\tid: \"i-1\",\n\t\t\ttitle: \"CRM\",\n<<<<<<< HEAD\n\t\t\tstatus: Planned,\n=======\n\t\t\tstatus: Blocked,\n>>>>>>> other\n\t\t),\n\t],\n)\n";
        let found = regions(text);
        assert_eq!(
            found,
            [Region {
                from: 6,
                to: 10,
                items: vec!["i-1 \"CRM\"".into()]
            }]
        );
        assert_eq!(describe(&found), "lines 6-10: i-1 \"CRM\"");
        assert!(regions("Roadmap(\n\tname: \"<<<<<<< in a string\",\n)\n").is_empty());
    }
}
