//! The command line: flags, subcommands, exit codes (0 ok, 1 bad data, 2 usage, 128 + N
//! when signal N ended the planner).

pub mod browser;
mod dev;
mod export;
mod files;
mod import;
pub mod output;
mod report;
pub mod roadmaps;
mod snapshots;
mod tui;

use crate::app::Clock;
use crate::sample;
use crate::storage;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use output::Failure;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// alignmap: a now / next week / next month / next year roadmap that links IT initiatives to the
/// business goals they serve.
#[derive(Debug, Parser)]
#[command(name = "alignmap", version, about)]
pub struct Cli {
    /// Data directory (default: $XDG_CONFIG_HOME/alignmap).
    #[arg(long, value_name = "DIR", env = storage::DATA_DIR_ENV, global = true)]
    pub dir: Option<PathBuf>,
    /// Open this roadmap file instead of roadmap.ron in the data directory.
    #[arg(long, value_name = "PATH", global = true)]
    pub file: Option<PathBuf>,
    /// Pretend today is this date (YYYY-MM-DD), for reviews, demos and tests.
    #[arg(long, value_name = "YYYY-MM-DD", env = "ALIGNMAP_TODAY", value_parser = parse_today, global = true)]
    pub today: Option<NaiveDate>,
    /// Colour theme: dark, light, high-contrast, colour-blind or mono (remembered when set
    /// in the app with t; this flag applies to this run).
    #[arg(long, value_name = "NAME", value_parser = crate::domain::prefs::ThemeName::parse, global = true)]
    pub theme: Option<crate::domain::prefs::ThemeName>,
    /// Open the bundled sample roadmap in memory; nothing is saved.
    #[arg(long)]
    pub demo: bool,
    /// What to do (default: open the planner).
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Check a roadmap file (default: the one the planner opens) and report problems.
    Check {
        /// The file to check.
        file: Option<PathBuf>,
    },
    /// Open the planner straight in presentation mode (goal by goal, public view).
    Present,
    /// Open the planner on the review queue: what needs me?
    Review,
    /// Write the roadmap as HTML, Markdown, CSV or JSON (default name: roadmap name and date).
    Export {
        /// html, md, csv or json.
        #[arg(long, value_parser = crate::export::Format::parse)]
        format: crate::export::Format,
        /// Where to write (`-` for standard output).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Leave out internal fields (cost, benefit, politics, notes) and confidential items.
        #[arg(long)]
        public: bool,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
        /// Export a snapshot instead (`latest`, an id, its number, or a path).
        #[arg(long, value_name = "REF")]
        snapshot: Option<String>,
        /// Add a "Changes since" section against a snapshot (`latest`, an id, a path).
        #[arg(long, value_name = "REF")]
        since: Option<String>,
        /// CSV only: which sheet (goals, initiatives, kpis or risks; default initiatives).
        #[arg(long, value_parser = crate::export::sheets::Sheet::parse)]
        sheet: Option<crate::export::sheets::Sheet>,
    },
    /// Bring a roadmap in, all or nothing: a CSV sheet (the export's columns) is added to
    /// the roadmap; a JSON file (alignmap's own export) is the whole roadmap, losslessly.
    Import {
        /// A JSON export, or one or more CSV sheets (goals, initiatives, KPIs, risks: told
        /// apart by their header rows and applied in that order).
        #[arg(value_name = "FILE", required = true, num_args = 1..)]
        source: Vec<PathBuf>,
        /// Only say what would change.
        #[arg(long)]
        dry_run: bool,
        /// JSON only: replace a roadmap that already holds goals or initiatives (the
        /// version before is kept in backups/).
        #[arg(long)]
        replace: bool,
        /// CSV only: which sheet the file is (goals, initiatives, kpis or risks; default:
        /// told from its header row).
        #[arg(long, value_parser = crate::export::sheets::Sheet::parse)]
        sheet: Option<crate::export::sheets::Sheet>,
        /// Name the roadmap (exports take their titles and file names from it).
        #[arg(long)]
        name: Option<String>,
        /// CSV: a column of the sheet that means one of alignmap's, e.g. owner=it_owner
        /// (repeatable).
        #[arg(long = "map", value_name = "FROM=TO", value_parser = crate::export::table::Mapping::parse_map)]
        map: Vec<(String, String)>,
        /// CSV: a column of the sheet to leave out (repeatable).
        #[arg(long, value_name = "COLUMN")]
        ignore: Vec<String>,
        /// CSV: a status word of the sheet and the status it means, e.g. 'Delivery=In
        /// progress' (repeatable).
        #[arg(long = "status", value_name = "FROM=TO", value_parser = crate::export::table::Mapping::parse_status)]
        statuses: Vec<(String, crate::domain::Status)>,
    },
    /// Keep a dated, read-only copy of the roadmap in snapshots/ (not twice the same).
    Snapshot {
        /// A label for the snapshot's name, e.g. "Q4 review".
        #[arg(long, default_value = "")]
        label: String,
        /// List the snapshots instead.
        #[arg(long)]
        list: bool,
        /// Open a snapshot in the planner, read-only (`latest`, an id or its number).
        #[arg(long, value_name = "REF")]
        view: Option<String>,
    },
    /// What changed between two versions: FROM (default: the latest snapshot) to TO (default:
    /// now). Each is `now`, `latest`, a snapshot id or number, or a path.
    Diff {
        /// The earlier version.
        from: Option<String>,
        /// The later version.
        to: Option<String>,
    },
    /// List the backups of the roadmap, or restore backup N (the current file is backed up first).
    Restore {
        /// The backup to restore, as numbered in the list (1 is the newest).
        number: Option<usize>,
    },
    /// List the roadmaps in the data directory (one file each, per business unit or team).
    List,
    /// Make a new roadmap in the data directory (empty, or a copy of the sample).
    New {
        /// Its name, e.g. "Sales & Marketing" (the file is sales-marketing.ron).
        name: String,
        /// Start from the bundled sample instead of nothing.
        #[arg(long)]
        from_sample: bool,
    },
    /// Open a roadmap in the planner (a name from `list`, or a path) and remember it as the
    /// one to open from now on.
    Open {
        /// A name from `alignmap list`, a file name, or a path.
        roadmap: String,
    },
    /// Merge two versions of a roadmap by item and field (git's merge driver: `alignmap
    /// git-setup` installs it). Writes the merge into OURS; exit 1 when conflicts wait in it.
    Merge {
        /// The common version (git's %O).
        base: PathBuf,
        /// This branch's version, where the merge is written (git's %A).
        ours: PathBuf,
        /// The other branch's version (git's %B).
        theirs: PathBuf,
        /// The file's name in the repository, for messages (git's %P).
        #[arg(long)]
        path: Option<String>,
    },
    /// Install the roadmap merge driver for the git checkout holding the data directory.
    GitSetup,
    /// Roll every roadmap of the data directory up against the company goals in
    /// portfolio.ron: work per horizon, company goals no unit supports, promises, mix, risks.
    Portfolio {
        /// md (the default, printed), html or json.
        #[arg(long, default_value = "md", value_parser = roadmaps::portfolio_format)]
        format: roadmaps::PortfolioFormat,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write the review report (the board paper): what changed and was delivered since a
    /// snapshot, promise keeping, each goal's KPIs drawn as charts, slips, overdue work,
    /// risks, check-ins, actions and decisions.
    Report {
        /// Compare with this snapshot (`latest`, an id, its number, or a path); default: the
        /// latest snapshot taken before today.
        #[arg(long, value_name = "REF")]
        since: Option<String>,
        /// html (default), md, or pdf (printed by the installed Chromium).
        #[arg(long, default_value = "html", value_parser = report::Format::parse)]
        format: report::Format,
        /// Leave out internal fields (cost, benefit, politics, notes) and confidential items.
        #[arg(long)]
        public: bool,
        /// Where to write (`-` for standard output); default: the roadmap's name, the date
        /// and -report, in the current directory.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
        /// The paper it prints on: a4 (default) or letter.
        #[arg(long, default_value = "a4", value_parser = crate::export::report::html::Paper::parse)]
        paper: crate::export::report::html::Paper,
    },
    /// Developer tools (for tests and benchmarks).
    #[command(hide = true, subcommand)]
    Dev(dev::DevCmd),
}

fn parse_today(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("'{text}' is not a date in the form YYYY-MM-DD"))
}

/// Parses the command line and runs; returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let clock = cli.today.map_or_else(Clock::system, Clock::with_today);
    match dispatch(&cli, clock) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if let Some(message) = &failure.message {
                output::err(&format!("alignmap: {message}"));
            }
            ExitCode::from(failure.code)
        }
    }
}

fn dispatch(cli: &Cli, clock: Clock) -> Result<(), Failure> {
    let path = || roadmap_path(cli, None);
    if cli.demo {
        refuse_with_demo(cli.command.as_ref())?;
    }
    match &cli.command {
        Some(Cmd::Check { file }) => files::check(cli, file.as_deref()),
        Some(Cmd::Restore { number }) => files::restore(cli, *number, &clock),
        Some(Cmd::Dev(dev)) => dev::run(cli, dev, clock),
        None => tui::open(cli, clock, None),
        Some(Cmd::List) => roadmaps::list(cli),
        Some(Cmd::New { name, from_sample }) => roadmaps::new(cli, name, *from_sample, &clock),
        Some(Cmd::Open { .. }) if cli.file.is_some() => Err(Failure::usage(
            "`open` chooses the roadmap itself: leave out --file (or use --file alone)",
        )),
        Some(Cmd::Open { roadmap }) => {
            // Remembered in state.ron, so the planner (and every command after) opens it.
            roadmaps::choose(cli, roadmap)?;
            tui::open(cli, clock, None)
        }
        Some(Cmd::Merge {
            base,
            ours,
            theirs,
            path,
        }) => roadmaps::merge(base, ours, theirs, path.as_deref()),
        Some(Cmd::GitSetup) => roadmaps::git_setup(cli),
        Some(Cmd::Portfolio { format, out }) => {
            roadmaps::portfolio(cli, *format, out.as_deref(), &clock)
        }
        Some(Cmd::Report {
            since,
            format,
            public,
            out,
            force,
            paper,
        }) => {
            let path = path()?;
            let demo = demo(cli, &clock)?;
            let request = report::Request {
                roadmap: &path,
                demo: demo.as_ref(),
                format: *format,
                out: out.as_deref(),
                public: *public,
                force: *force,
                today: clock.today(),
                since: since.as_deref(),
                paper: *paper,
            };
            wrote(report::run(&request)?)
        }
        Some(Cmd::Present) => tui::open(cli, clock, Some(crate::app::Command::Present)),
        Some(Cmd::Review) => tui::open(cli, clock, Some(crate::app::Command::Review)),
        Some(Cmd::Snapshot {
            view: Some(reference),
            ..
        }) => tui::view_snapshot(cli, &path()?, reference, clock),
        Some(Cmd::Snapshot { label, list, .. }) => snapshots::run(&path()?, label, *list, &clock),
        Some(Cmd::Import {
            source,
            dry_run,
            replace,
            sheet,
            name,
            map,
            ignore,
            statuses,
        }) => {
            let mapping = crate::export::table::Mapping {
                columns: map.clone(),
                ignore: ignore.iter().map(|c| c.trim().to_lowercase()).collect(),
                statuses: statuses.clone(),
            };
            let request = import::Request {
                mapping: &mapping,
                roadmap: &path()?,
                files: source,
                dry_run: *dry_run,
                replace: *replace,
                sheet: *sheet,
                name: name.as_deref(),
            };
            Ok(import::run(&request, &clock, seed())?)
        }
        Some(Cmd::Diff { from, to }) => {
            snapshots::diff(&path()?, from.as_deref(), to.as_deref(), clock.today())
        }
        Some(Cmd::Export {
            format,
            out,
            public,
            force,
            snapshot,
            since,
            sheet,
        }) => {
            let path = path()?;
            let demo = demo(cli, &clock)?;
            let request = export::Request {
                roadmap: &path,
                demo: demo.as_ref(),
                format: *format,
                out: out.as_deref(),
                public: *public,
                force: *force,
                today: clock.today(),
                snapshot: snapshot.as_deref(),
                since: since.as_deref(),
                sheet: *sheet,
            };
            wrote(export::run(&request)?)
        }
    }
}

/// The sample in memory with `--demo`, else None (the command reads the file).
fn demo(cli: &Cli, clock: &Clock) -> Result<Option<crate::domain::Roadmap>, Failure> {
    Ok(if cli.demo {
        Some(sample::sample(clock.today(), clock.now())?)
    } else {
        None
    })
}

/// Says which file a command wrote (nothing for standard output).
fn wrote(path: Option<PathBuf>) -> Result<(), Failure> {
    if let Some(p) = path {
        output::out(&format!("wrote {}", p.display()));
    }
    Ok(())
}

/// `--demo` is the sample in memory, never saved: a command that writes the roadmap, or
/// reads its history, would use the real file instead, so it is refused (exit 2).
fn refuse_with_demo(command: Option<&Cmd>) -> Result<(), Failure> {
    let name = match command {
        Some(Cmd::Import { .. }) => "import",
        Some(Cmd::Restore { .. }) => "restore",
        Some(Cmd::Snapshot { .. }) => "snapshot",
        Some(Cmd::Diff { .. }) => "diff",
        Some(Cmd::Export {
            snapshot: Some(_), ..
        }) => "export --snapshot",
        Some(Cmd::Export { since: Some(_), .. }) => "export --since",
        Some(Cmd::New { .. }) => "new",
        Some(Cmd::Open { .. }) => "open",
        Some(Cmd::Merge { .. }) => "merge",
        Some(Cmd::GitSetup) => "git-setup",
        Some(Cmd::Portfolio { .. }) => "portfolio",
        Some(Cmd::Report { since: Some(_), .. }) => "report --since",
        _ => return Ok(()),
    };
    Err(Failure::usage(format!(
        "--demo is the bundled sample in memory, with no file, backups or snapshots: `{name}` works on a real roadmap, so run it without --demo"
    )))
}

/// The message for a command that reads a roadmap that does not exist yet.
/// `demo` names the command when `--demo` can show it on the sample instead.
fn no_roadmap_yet(path: &Path, demo: Option<&str>) -> Failure {
    let sample = demo.map_or_else(String::new, |command| {
        format!(", or `alignmap --demo {command} …` to see the sample")
    });
    Failure::from(format!(
        "no roadmap yet at {}: run `alignmap` to create one{sample}",
        path.display()
    ))
}

/// Takes the writer lock of `path` for a command that changes it (`who` names the command
/// for a planner that finds it held); a write-protected or hard-linked file is refused.
fn writer_lock(path: &Path, who: &str) -> Result<storage::Lock, Failure> {
    if storage::hard_links(path) > 1 {
        return Err(format!(
            "{} has another name (a hard link), and writing it would split the names: remove the other link first",
            path.display()
        )
        .into());
    }
    if storage::write_protected(path) {
        return Err(format!(
            "{} is write-protected: make it writable (e.g. chmod u+w) to change it",
            path.display()
        )
        .into());
    }
    match storage::try_lock(path, who) {
        Ok(storage::Locking::Acquired(lock)) => Ok(lock),
        Ok(storage::Locking::HeldBy(holder)) => {
            Err(format!("{} is open in {holder}; quit it first", path.display()).into())
        }
        Err(e) => Err(format!("cannot lock {}: {e}", path.display()).into()),
    }
}

/// The roadmap file a command works on, symlinks followed (the same function the planner
/// uses), so every command locks and writes the real file.
fn roadmap_path(cli: &Cli, file: Option<&Path>) -> Result<PathBuf, Failure> {
    storage::roadmap_path(file.or(cli.file.as_deref()), cli.dir.as_deref())
        .map(|path| storage::real_path(&path))
        .ok_or_else(|| {
            "cannot find a config directory for this user; pass --dir DIR or set ALIGNMAP_DIR"
                .into()
        })
}

pub(crate) fn seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    // Fold the 128-bit nanosecond count and the process id into one seed.
    (nanos as u64) ^ ((nanos >> 64) as u64) ^ (u64::from(std::process::id()) << 32)
}
