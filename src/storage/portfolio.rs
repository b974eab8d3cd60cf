//! `portfolio.ron` (the company goals of a directory) and reading every roadmap of a
//! directory for the roll-up, on several threads.

use crate::domain::Roadmap;
use crate::domain::portfolio::{Portfolio, Unit};
use std::path::{Path, PathBuf};

/// File name of the company goals in the data directory.
pub const PORTFOLIO_FILE: &str = "portfolio.ron";

/// The company goals of `dir`: none when there is no `portfolio.ron`; a mistake says the
/// file, line and column.
pub fn load_portfolio(dir: &Path) -> Result<Option<Portfolio>, String> {
    let path = dir.join(PORTFOLIO_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let portfolio: Portfolio = ron::from_str(text.strip_prefix('\u{feff}').unwrap_or(&text))
        .map_err(|e| {
            format!(
                "{}:{}:{}: {}",
                path.display(),
                e.span.start.line,
                e.span.start.col,
                e.code
            )
        })?;
    let mut seen = std::collections::BTreeSet::new();
    for goal in &portfolio.goals {
        if goal.id.trim().is_empty() {
            return Err(format!("{}: a company goal has no id", path.display()));
        }
        if !seen.insert(goal.id.as_str()) {
            return Err(format!(
                "{}: two company goals have the id \"{}\"",
                path.display(),
                goal.id
            ));
        }
    }
    Ok(Some(portfolio))
}

/// Every roadmap of `dir` read, in file-name order, spread over the machine's cores: the
/// roll-up's first frame waits for the slowest thread, not for the sum of all files.
pub fn read_units(dir: &Path) -> Result<Vec<Unit>, String> {
    read_units_but(dir, None)
}

/// [`read_units`], with the roadmap of the file named `held.0` taken as given (the planner's,
/// unsaved edits included) instead of read again.
pub fn read_units_but(dir: &Path, held: Option<(&str, &Roadmap)>) -> Result<Vec<Unit>, String> {
    let files =
        super::roadmaps::list(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let Some((file, roadmap)) = held else {
        return Ok(read_all(&files, threads));
    };
    let (mine, others): (Vec<PathBuf>, Vec<PathBuf>) = files
        .into_iter()
        .partition(|p| super::paths::file_name(p) == file);
    let mut units = read_all(&others, threads);
    if !mine.is_empty() {
        // The list is in file-name order: the held one goes back in its place.
        let at = units.partition_point(|u| u.file.as_str() < file);
        let unit = Unit {
            file: file.to_string(),
            roadmap: Ok(roadmap.clone()),
        };
        units.insert(at, unit);
    }
    Ok(units)
}

/// The company goals of `dir` (none without `portfolio.ron`) and its roadmaps, as
/// [`read_units_but`] reads them: what a roll-up is made from.
pub fn read_portfolio(
    dir: &Path,
    held: Option<(&str, &Roadmap)>,
) -> Result<(Portfolio, Vec<Unit>), String> {
    let company = load_portfolio(dir)?.unwrap_or_default();
    Ok((company, read_units_but(dir, held)?))
}

/// `files` read on up to `threads` threads, in the order given.
pub fn read_all(files: &[PathBuf], threads: usize) -> Vec<Unit> {
    let read = |path: &PathBuf| {
        let file = super::paths::file_name(path);
        // The first line says where and what (by file name: the folder is the portfolio's);
        // the rest quotes the file, for `check`.
        let roadmap = super::load(path)
            .map_err(|e| e.headline().replacen(&path.display().to_string(), &file, 1));
        Unit { file, roadmap }
    };
    let threads = threads.clamp(1, files.len().max(1));
    if threads == 1 {
        return files.iter().map(read).collect();
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(read).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .zip(files.chunks(chunk))
            .flat_map(|(handle, part)| {
                // A thread that panicked (it should not) leaves its files as unread.
                handle.join().unwrap_or_else(|_| {
                    part.iter()
                        .map(|p| Unit {
                            file: super::paths::file_name(p),
                            roadmap: Err("could not be read (the reader failed)".into()),
                        })
                        .collect()
                })
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Roadmap;

    #[test]
    fn a_missing_portfolio_is_none_and_a_mistake_says_where() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load_portfolio(dir.path()), Ok(None));
        std::fs::write(
            dir.path().join(PORTFOLIO_FILE),
            "(name: \"Group\", goals: [(id: \"g1\", title: \"Grow\", colour: 3)])",
        )
        .unwrap();
        let err = load_portfolio(dir.path()).unwrap_err();
        assert!(err.contains("portfolio.ron:1:"), "{err}");
        assert!(err.contains("colour"), "{err}");
        std::fs::write(
            dir.path().join(PORTFOLIO_FILE),
            "(goals: [(id: \"g1\", title: \"A\"), (id: \"g1\", title: \"B\")])",
        )
        .unwrap();
        let err = load_portfolio(dir.path()).unwrap_err();
        assert!(
            err.contains("two company goals have the id \"g1\""),
            "{err}"
        );
    }

    #[test]
    fn threads_read_every_file_in_order_and_say_which_cannot_be_read() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = Vec::new();
        for n in 0..7 {
            let path = dir.path().join(format!("unit{n}.ron"));
            super::super::save(&path, &Roadmap::new(format!("Unit {n}"))).unwrap();
            files.push(path);
        }
        std::fs::write(&files[4], "(broken").unwrap();
        for threads in [1, 2, 3, 16] {
            let units = read_all(&files, threads);
            let names: Vec<String> = units
                .iter()
                .map(|u| match &u.roadmap {
                    Ok(r) => r.name.clone(),
                    Err(_) => format!("{} unreadable", u.file),
                })
                .collect();
            assert_eq!(
                names,
                [
                    "Unit 0",
                    "Unit 1",
                    "Unit 2",
                    "Unit 3",
                    "unit4.ron unreadable",
                    "Unit 5",
                    "Unit 6"
                ],
                "{threads} threads"
            );
        }
    }

    #[test]
    fn the_planners_own_roadmap_is_taken_as_held_in_its_place_not_read_again() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a", "c"] {
            let path = dir.path().join(format!("{name}.ron"));
            super::super::save(&path, &Roadmap::new(name.to_uppercase())).unwrap();
        }
        // On disk b.ron cannot be read; the planner holds it with unsaved edits.
        std::fs::write(dir.path().join("b.ron"), "(broken").unwrap();
        let held = Roadmap::new("B as edited");
        let units = read_units_but(dir.path(), Some(("b.ron", &held))).unwrap();
        let names: Vec<String> = units
            .iter()
            .map(|u| u.roadmap.as_ref().unwrap().name.clone())
            .collect();
        assert_eq!(names, ["A", "B as edited", "C"]);
    }
}
