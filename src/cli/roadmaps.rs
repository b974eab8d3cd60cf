//! Several roadmaps in one data directory: `list`, `new`, `open`, and the git side of
//! sharing them: `merge` (git's merge driver) and `git-setup`.

use super::Cli;
use super::output::{Failure, out};
use crate::app::Clock;
use crate::domain::Roadmap;
use crate::storage::{self, git, roadmaps};
use std::path::{Path, PathBuf};

/// The data directory a command works in.
pub(super) fn data_dir(cli: &Cli) -> Result<PathBuf, Failure> {
    storage::data_dir(cli.dir.as_deref()).ok_or_else(|| {
        "cannot find a config directory for this user; pass --dir DIR or set ALIGNMAP_DIR".into()
    })
}

/// `alignmap list`.
pub(super) fn list(cli: &Cli) -> Result<(), Failure> {
    let dir = data_dir(cli)?;
    let rows = roadmaps::listed(&dir)?;
    if rows.is_empty() {
        out(&format!(
            "No roadmaps in {} yet: `alignmap` makes roadmap.ron, `alignmap new NAME` another.",
            dir.display()
        ));
        return Ok(());
    }
    let current = storage::roadmap_path(None, Some(&dir));
    let listed_current = rows
        .iter()
        .any(|r| current.as_deref() == Some(r.path.as_path()));
    out(&format!(
        "Roadmaps in {}{}:",
        dir.display(),
        if listed_current {
            " (* opens by default)"
        } else {
            ""
        }
    ));
    for row in &rows {
        let mark = if current.as_deref() == Some(row.path.as_path()) {
            "*"
        } else {
            " "
        };
        let file = storage::file_name(&row.path);
        let (name, size) = match &row.holds {
            Ok((name, size)) => (name.clone(), size.clone()),
            Err(why) => ("(unreadable)".into(), why.clone()),
        };
        let saved = row
            .saved
            .as_deref()
            .map_or_else(String::new, |s| format!(" · saved {s}"));
        let notes = roadmaps::remarks(row);
        let notes = if notes.is_empty() {
            String::new()
        } else {
            format!(" · {}", notes.join(" · "))
        };
        out(&format!("{mark} {file:<24} {name} · {size}{saved}{notes}"));
    }
    if listed_current {
        out("Open another with: alignmap open NAME");
    } else {
        out(
            "`alignmap` alone makes and opens roadmap.ron; `alignmap open NAME` opens one of these.",
        );
    }
    Ok(())
}

/// `alignmap new NAME [--from-sample]`.
pub(super) fn new(cli: &Cli, name: &str, from_sample: bool, clock: &Clock) -> Result<(), Failure> {
    let dir = data_dir(cli)?;
    let file = roadmaps::file_for(name).ok_or_else(|| {
        Failure::usage(format!(
            "\"{name}\" makes no file name (use letters or digits, and not config, keymap, state or portfolio)"
        ))
    })?;
    let path = dir.join(&file);
    if path.exists() {
        return Err(Failure::usage(format!(
            "{} exists already: `alignmap open {}` opens it",
            path.display(),
            file.trim_end_matches(".ron")
        )));
    }
    let mut roadmap = if from_sample {
        crate::sample::sample(clock.today(), clock.now())?
    } else {
        Roadmap::new("")
    };
    roadmap.name = name.trim().to_string();
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let _lock = super::writer_lock(&path, "alignmap new")?;
    storage::save(&path, &roadmap).map_err(|e| e.to_string())?;
    out(&format!(
        "Made {} ({}). Open it with: alignmap open {}",
        path.display(),
        roadmap.size_label(),
        file.trim_end_matches(".ron")
    ));
    Ok(())
}

/// The roadmap `open NAME|PATH` means, remembered as the one to open from now on.
pub(super) fn choose(cli: &Cli, what: &str) -> Result<PathBuf, Failure> {
    let dir = data_dir(cli)?;
    let path = roadmaps::find(&dir, what).ok_or_else(|| {
        let similar = roadmaps::similar(&dir, what);
        let hint = if similar.is_empty() {
            format!("`alignmap list` shows them, `alignmap new \"{what}\"` makes one")
        } else {
            format!(
                "did you mean {}? (`alignmap list` shows them all)",
                similar.join(" or ")
            )
        };
        Failure::usage(format!(
            "no roadmap \"{what}\" in {}: {hint}",
            dir.display()
        ))
    })?;
    let path = storage::real_path(&path);
    roadmaps::remember(&dir, &path).map_err(|e| format!("cannot remember the choice: {e}"))?;
    Ok(path)
}

/// `alignmap merge BASE OURS THEIRS`: git's merge driver. Writes the merge into OURS (as git
/// expects); exits 0 when it merged cleanly, 1 when conflicts wait in the file (git then
/// stops the merge until the file is added, after the planner has settled them).
pub(super) fn merge(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    shown: Option<&str>,
) -> Result<(), Failure> {
    let name = shown.map_or_else(|| ours.display().to_string(), str::to_string);
    let read = |path: &Path| storage::load(path).map_err(|e| format!("{name}: not merged: {e}"));
    let (mine, other) = (read(ours)?, read(theirs)?);
    let common = match storage::load(base) {
        Ok(base) => base,
        // No common version (both added the file): everything is new on both sides.
        Err(storage::LoadError::Empty { .. }) => Roadmap::new(mine.name.clone()),
        Err(e) => return Err(format!("{name}: not merged: {e}").into()),
    };
    let merged = crate::merge::merge(&common, &mine, &other)
        .map_err(|e| format!("{name}: not merged by item ({e}); yours is left as it was"))?;
    storage::save(ours, &merged.roadmap).map_err(|e| format!("{name}: {e}"))?;
    for dropped in &merged.dropped {
        super::output::err(&format!("alignmap merge {name}: {dropped}"));
    }
    if merged.new_conflicts == 0 {
        return Ok(());
    }
    let listed: Vec<String> = merged
        .roadmap
        .conflicts
        .iter()
        .rev()
        .take(merged.new_conflicts)
        .rev()
        .map(|c| {
            format!(
                "  - {}: {} | {}",
                c.about,
                c.shown(crate::domain::conflict::Side::Ours),
                c.shown(crate::domain::conflict::Side::Theirs)
            )
        })
        .collect();
    Err(format!(
        "{name}: merged by item; {} kept in the file (yours | theirs):\n{}\nOpen the roadmap in alignmap to pick a side for each, then `git add` it and commit.",
        crate::domain::counted(merged.new_conflicts, "conflict", "conflicts"),
        listed.join("\n")
    )
    .into())
}

/// `alignmap git-setup`.
pub(super) fn git_setup(cli: &Cli) -> Result<(), Failure> {
    let dir = data_dir(cli)?;
    let program = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "alignmap".into());
    let quoted = if program.contains(' ') {
        format!("'{program}'")
    } else {
        program
    };
    for line in git::setup(&dir, &quoted)? {
        out(&line);
    }
    out(
        "Merges of roadmap files now go by item and field; conflicts wait inside the file for the planner.",
    );
    Ok(())
}

/// What `alignmap portfolio` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortfolioFormat {
    /// Markdown (also readable as plain text).
    Markdown,
    /// One self-contained page.
    Html,
    /// For other tools.
    Json,
}

/// `--format` for `portfolio`.
pub fn portfolio_format(name: &str) -> Result<PortfolioFormat, String> {
    match name.trim().to_ascii_lowercase().as_str() {
        "md" | "markdown" => Ok(PortfolioFormat::Markdown),
        "html" | "htm" => Ok(PortfolioFormat::Html),
        "json" => Ok(PortfolioFormat::Json),
        other => Err(format!("unknown format \"{other}\": use md, html or json")),
    }
}

/// The roll-up of the directory `cli` works in (the data directory, or the folder of
/// `--file`) as of the clock's today.
pub fn rollup_of(cli: &Cli, clock: &Clock) -> Result<crate::domain::portfolio::Rollup, Failure> {
    let dir = match cli.file.as_deref() {
        Some(file) => file.parent().unwrap_or(Path::new(".")).to_path_buf(),
        None => data_dir(cli)?,
    };
    let (company, units) = storage::portfolio::read_portfolio(&dir, None)?;
    if units.is_empty() {
        return Err(format!(
            "no roadmaps in {}: `alignmap new NAME` makes one per unit",
            dir.display()
        )
        .into());
    }
    Ok(crate::domain::portfolio::rollup(
        &company,
        &units,
        clock.today(),
    ))
}

/// `alignmap portfolio [--format md|html|json] [--out P]`.
pub(super) fn portfolio(
    cli: &Cli,
    format: PortfolioFormat,
    to: Option<&Path>,
    clock: &Clock,
) -> Result<(), Failure> {
    use crate::export::portfolio as write;
    let rollup = rollup_of(cli, clock)?;
    let text = match format {
        PortfolioFormat::Markdown => write::markdown(&rollup),
        PortfolioFormat::Html => write::html(&rollup),
        PortfolioFormat::Json => write::json(&rollup)?,
    };
    match to {
        None => {
            super::output::out(text.trim_end());
            Ok(())
        }
        Some(path) => {
            storage::write_atomic(path, text.as_bytes())
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            super::output::out(&format!("wrote {}", path.display()));
            Ok(())
        }
    }
}

/// `alignmap dev generate --units N --initiatives M --out DIR`: a synthetic portfolio.
pub(super) fn generate_portfolio(
    dir: &Path,
    units: usize,
    initiatives: usize,
    seed: u64,
    clock: &Clock,
) -> Result<(), Failure> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let company = crate::generate::company(seed);
    let text = storage::to_ron_value(&company).map_err(|e| e.to_string())?;
    let portfolio = dir.join(storage::portfolio::PORTFOLIO_FILE);
    storage::write_atomic(&portfolio, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", portfolio.display()))?;
    for (file, roadmap) in crate::generate::units(units, initiatives, seed, clock.today()) {
        storage::save(&dir.join(file), &roadmap).map_err(|e| e.to_string())?;
    }
    out(&format!(
        "wrote {units} roadmaps of {initiatives} initiatives and {} into {}",
        storage::portfolio::PORTFOLIO_FILE,
        dir.display()
    ));
    Ok(())
}
