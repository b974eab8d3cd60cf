//! The command line: flags, subcommands, exit codes (0 ok, 1 bad data, 2 usage).

mod export;
mod import;
mod snapshots;

use crate::app::{App, Clock, Source};
use crate::domain::IdGen;
use crate::runtime::{self, Outcome};
use crate::sample;
use crate::session;
use crate::storage;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
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
    },
    /// Bring initiatives in from a CSV file (the export's columns), all or nothing.
    Import {
        /// The CSV file.
        csv: PathBuf,
        /// Only say what would change.
        #[arg(long)]
        dry_run: bool,
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
    /// Developer tools (for tests and benchmarks).
    #[command(hide = true, subcommand)]
    Dev(DevCmd),
}

/// Developer subcommands.
#[derive(Debug, Subcommand)]
pub enum DevCmd {
    /// Save two different roadmaps to --file in turn, forever (the kill -9 test drives this).
    SaveLoop,
    /// Open the roadmap without a terminal, mark the first card done, print "ready", then wait
    /// for a signal and save (the signal test drives this).
    EditThenWait,
    /// Open the roadmap and draw the board once without a terminal (at 200x60), then print
    /// how long that took: for measuring open time and peak memory of a first frame.
    FirstFrame,
    /// Write a synthetic roadmap (deterministic by seed) for benchmarks and load tests.
    Generate {
        /// Number of initiatives.
        #[arg(long, default_value_t = 10_000)]
        initiatives: usize,
        /// Number of goals.
        #[arg(long, default_value_t = 40)]
        goals: usize,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the RON file.
        #[arg(long)]
        out: PathBuf,
    },
}

fn parse_today(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("'{text}' is not a date in the form YYYY-MM-DD"))
}

/// Parses the command line and runs; returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let clock = cli.today.map_or_else(Clock::system, Clock::with_today);
    let result =
        match &cli.command {
            Some(Cmd::Check { file }) => check(&cli, file.as_deref()),
            Some(Cmd::Restore { number }) => restore(&cli, *number),
            Some(Cmd::Dev(DevCmd::SaveLoop)) => save_loop(&cli, clock),
            Some(Cmd::Dev(DevCmd::EditThenWait)) => edit_then_wait(&cli, clock),
            Some(Cmd::Dev(DevCmd::FirstFrame)) => first_frame(&cli, clock),
            Some(Cmd::Dev(DevCmd::Generate {
                initiatives,
                goals,
                seed,
                out,
            })) => {
                let roadmap = crate::generate::roadmap(*goals, *initiatives, *seed, clock.today());
                storage::save(out, &roadmap)
                    .map(|()| println!("wrote {} ({})", out.display(), roadmap.size_label()))
                    .map_err(|e| e.to_string())
            }
            None => open(&cli, clock, None),
            Some(Cmd::Present) => open(&cli, clock, Some(crate::app::Command::Present)),
            Some(Cmd::Review) => open(&cli, clock, Some(crate::app::Command::Review)),
            Some(Cmd::Snapshot {
                view: Some(reference),
                ..
            }) => roadmap_path(&cli, None)
                .and_then(|path| view_snapshot(&cli, &path, reference, clock)),
            Some(Cmd::Snapshot { label, list, .. }) => roadmap_path(&cli, None)
                .and_then(|path| snapshots::run(&path, label, *list, &clock)),
            Some(Cmd::Import { csv, dry_run }) => roadmap_path(&cli, None)
                .and_then(|path| import::run(&path, csv, *dry_run, &clock, seed())),
            Some(Cmd::Diff { from, to }) => roadmap_path(&cli, None)
                .and_then(|path| snapshots::diff(&path, from.as_deref(), to.as_deref())),
            Some(Cmd::Export {
                format,
                out,
                public,
                force,
                snapshot,
                since,
            }) => roadmap_path(&cli, None).and_then(|path| {
                let request = export::Request {
                    roadmap: &path,
                    format: *format,
                    out: out.as_deref(),
                    public: *public,
                    force: *force,
                    today: clock.today(),
                    snapshot: snapshot.as_deref(),
                    since: since.as_deref(),
                };
                export::run(&request).map(|written| {
                    if let Some(p) = written {
                        println!("wrote {}", p.display());
                    }
                })
            }),
        };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("alignmap: {message}");
            ExitCode::from(1)
        }
    }
}

fn roadmap_path(cli: &Cli, file: Option<&Path>) -> Result<PathBuf, String> {
    storage::roadmap_path(file.or(cli.file.as_deref()), cli.dir.as_deref()).ok_or_else(|| {
        "cannot find a config directory for this user; pass --dir DIR or set ALIGNMAP_DIR".into()
    })
}

/// Applies `keymap.ron` from the data directory; a file with a mistake or a clash is reported
/// and the default keys stay.
fn apply_keymap(cli: &Cli, app: &mut App) {
    let Some(path) = storage::data_dir(cli.dir.as_deref()).map(|d| d.join("keymap.ron")) else {
        return;
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => match crate::app::keyfile::parse_keymap(&text) {
            Ok(keymap) => app.keymap = keymap,
            Err(e) => app.error(format!("{}{e}; using the default keys", path.display())),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => app.error(format!(
            "cannot read {}: {e}; using the default keys",
            path.display()
        )),
    }
}

/// Picks the theme: NO_COLOR, then --theme, then config.ron, then the default.
fn apply_theme(cli: &Cli, app: &mut App) {
    use crate::domain::prefs::ThemeName;
    app.config_path =
        storage::data_dir(cli.dir.as_deref()).map(|d| storage::config::config_path(&d));
    let remembered = match app.config_path.as_deref().map(storage::config::load) {
        Some(Ok(config)) => {
            app.thresholds = config.review.unwrap_or_default();
            config.theme
        }
        Some(Err(e)) => {
            app.error(format!(
                "Ignoring config.ron (theme, review thresholds): {e}"
            ));
            None
        }
        None => None,
    };
    app.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    app.theme = if app.no_color {
        ThemeName::Mono
    } else {
        cli.theme.or(remembered).unwrap_or_default()
    };
}

/// Opens the roadmap; when it does not load and a person is at the terminal, offers to open
/// the newest readable backup instead (the bad file is copied aside first).
fn open_or_repair(path: PathBuf) -> Result<session::Session, String> {
    use std::io::{BufRead, IsTerminal, Write};
    let err = match session::open_file(path) {
        Ok(session) => return Ok(session),
        Err(err) => err,
    };
    let session::OpenError::Unreadable {
        lock: Some(_),
        path,
        ..
    } = &err
    else {
        return Err(err.to_string());
    };
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let Some((backup, roadmap)) = storage::backup::newest_readable(path).filter(|_| interactive)
    else {
        return Err(err.to_string());
    };
    let mut stderr = std::io::stderr();
    let _ = writeln!(
        stderr,
        "alignmap: {err}\n\nThe newest backup that opens is from {} ({}).\n  \
         b  open that backup (the unreadable file is first copied aside as {}.corrupt-<time>.ron)\n  \
         q  quit and fix the file yourself\nChoice [b/q]: ",
        backup.taken.format("%a %-d %b %Y %H:%M"),
        roadmap.size_label(),
        storage::stem(path),
    );
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| e.to_string())?;
    if answer.trim() != "b" {
        return Err("nothing changed".into());
    }
    let aside = session::repair_from_backup(path, &backup)?;
    let path = path.clone();
    let _ = writeln!(stderr, "The unreadable file is in {}.", aside.display());
    drop(err); // releases our lock; open_file takes it again
    let mut session = session::open_file(path).map_err(|e| e.to_string())?;
    session.note = Some(format!(
        "Opened the backup of {}; the unreadable file is in {}",
        backup.taken.format("%a %-d %b %H:%M"),
        aside.display()
    ));
    Ok(session)
}

/// `alignmap restore`: lists backups; `alignmap restore N` restores one.
fn restore(cli: &Cli, number: Option<usize>) -> Result<(), String> {
    let path = roadmap_path(cli, None)?;
    let backups = storage::backup::list(&path).map_err(|e| format!("cannot list backups: {e}"))?;
    let Some(number) = number else {
        if backups.is_empty() {
            println!(
                "No backups of {} yet (they are taken as you edit).",
                path.display()
            );
            return Ok(());
        }
        println!("Backups of {} (newest first):", path.display());
        for (n, backup) in backups.iter().enumerate() {
            let holds = match storage::backup::read(backup) {
                Ok(r) => r.size_label(),
                Err(e) => format!("unreadable: {}", e.lines().next().unwrap_or_default()),
            };
            println!(
                "{:>4}  {}  {:>9}  {holds}",
                n + 1,
                backup.taken.format("%a %-d %b %Y %H:%M:%S"),
                format!("{:.1} kB", backup.bytes as f64 / 1000.0),
            );
        }
        println!("Restore one with: alignmap restore N (the current file is backed up first).");
        return Ok(());
    };
    let backup = number
        .checked_sub(1)
        .and_then(|i| backups.get(i))
        .ok_or_else(|| {
            format!(
                "there is no backup {number}; `alignmap restore` lists {}",
                backups.len()
            )
        })?;
    let _lock = match storage::try_lock(&path, "alignmap restore") {
        Ok(storage::Locking::Acquired(lock)) => lock,
        Ok(storage::Locking::HeldBy(who)) => {
            return Err(format!(
                "{} is open in {who}; quit it first",
                path.display()
            ));
        }
        Err(e) => return Err(format!("cannot lock {}: {e}", path.display())),
    };
    storage::backup::restore(&path, backup, chrono::Local::now().naive_local())?;
    println!(
        "Restored the backup of {} into {}; the version it replaced is the newest backup now.",
        backup.taken.format("%a %-d %b %Y %H:%M:%S"),
        path.display()
    );
    Ok(())
}

/// Marks the first card done without saving, says "ready", then waits for a signal.
fn edit_then_wait(cli: &Cli, clock: Clock) -> Result<(), String> {
    use std::io::Write;
    let session = session::open_file(roadmap_path(cli, None)?).map_err(|e| e.to_string())?;
    let source = Source::File(session.path.clone());
    let mut app = App::new(session.roadmap, source, clock, IdGen::with_seed(seed()));
    app.update(crate::app::Command::MarkDone);
    println!("ready");
    let _ = std::io::stdout().flush();
    let outcome = runtime::run_headless(&mut app, session.known).map_err(|e| e.to_string())?;
    report(&app, outcome)
}

/// Saves states "A" and "B" alternately until killed; prints "ready" after the first save.
fn first_frame(cli: &Cli, clock: Clock) -> Result<(), String> {
    let start = std::time::Instant::now();
    let path = roadmap_path(cli, None)?;
    let roadmap = storage::load(&path).map_err(|e| e.to_string())?;
    let size = roadmap.size_label();
    let mut app = App::new(roadmap, Source::File(path), clock, IdGen::with_seed(seed()));
    app.viewport = (200, 60);
    let backend = ratatui::backend::TestBackend::new(200, 60);
    let mut terminal = ratatui::Terminal::new(backend).map_err(|e| e.to_string())?;
    terminal
        .draw(|frame| crate::ui::render(&app, frame))
        .map_err(|e| e.to_string())?;
    println!(
        "first frame of {size} in {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    Ok(())
}

fn save_loop(cli: &Cli, clock: Clock) -> Result<(), String> {
    let path = roadmap_path(cli, None)?;
    let mut a = sample::sample(clock.today(), clock.now())?;
    a.name = "A".into();
    let mut b = a.clone();
    b.name = "B".into();
    b.initiatives.truncate(3);
    b.goals.truncate(2);
    for i in &mut b.initiatives {
        i.serves
            .retain(|l| b.goals.iter().any(|goal| goal.id == l.goal));
    }
    let mut first = true;
    loop {
        for roadmap in [&a, &b] {
            storage::save(&path, roadmap).map_err(|e| e.to_string())?;
            if first {
                println!("ready");
                first = false;
            }
        }
    }
}

fn check(cli: &Cli, file: Option<&Path>) -> Result<(), String> {
    let path = roadmap_path(cli, file)?;
    let roadmap = storage::load(&path).map_err(|e| e.to_string())?;
    let active = roadmap
        .initiatives
        .iter()
        .filter(|i| i.status.is_active())
        .count();
    println!(
        "ok: {}: schema version {}, {} goals, {} initiatives ({active} active)",
        path.display(),
        roadmap.version,
        roadmap.goals.len(),
        roadmap.initiatives.len(),
    );
    Ok(())
}

/// `/home/ana/.config/alignmap/roadmap.ron` → `~/.config/alignmap/roadmap.ron`.
fn home_relative(path: &Path) -> String {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    match home.as_deref().and_then(|h| path.strip_prefix(h).ok()) {
        Some(rest) if !rest.as_os_str().is_empty() => format!("~/{}", rest.display()),
        _ => path.display().to_string(),
    }
}

fn seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    // Fold the 128-bit nanosecond count and the process id into one seed.
    (nanos as u64) ^ ((nanos >> 64) as u64) ^ (u64::from(std::process::id()) << 32)
}

/// Opens a snapshot in the planner, read-only: look, search, export from the screen; nothing
/// can change it.
fn view_snapshot(cli: &Cli, roadmap: &Path, reference: &str, clock: Clock) -> Result<(), String> {
    let source = storage::snapshot::resolve(roadmap, reference)?;
    let storage::snapshot::Source::Snapshot(snap) = &source else {
        return Err(format!(
            "\"{reference}\" is not a snapshot (see alignmap snapshot --list)"
        ));
    };
    let shown = storage::load(&snap.path).map_err(|e| e.to_string())?;
    let mut app = App::new(
        shown,
        Source::File(snap.path.clone()),
        clock,
        IdGen::with_seed(seed()),
    );
    app.location = home_relative(&snap.path);
    app.read_only = Some(format!(
        "snapshot of {}: read-only",
        snap.taken.format("%a %-d %b %Y %H:%M")
    ));
    apply_theme(cli, &mut app);
    apply_keymap(cli, &mut app);
    let known = storage::fingerprint::read(&snap.path)
        .ok()
        .flatten()
        .map(|(_, f)| f);
    let outcome = runtime::run(&mut app, known).map_err(|e| format!("terminal error: {e}"))?;
    report(&app, outcome)
}

/// Files this large take a noticeable moment to open (about 80 ms per 10 MB here): say what
/// is happening instead of leaving the terminal still.
const SLOW_TO_OPEN_BYTES: u64 = 10_000_000;

fn say_when_slow_to_open(path: &Path) {
    use std::io::IsTerminal;
    let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
    if let Some(notice) = opening_notice(path, bytes)
        && std::io::stderr().is_terminal()
    {
        eprintln!("{notice}");
    }
}

/// What to say before opening a file of `bytes` (nothing when it opens in a blink).
fn opening_notice(path: &Path, bytes: u64) -> Option<String> {
    (bytes >= SLOW_TO_OPEN_BYTES).then(|| {
        let megabytes = bytes / 1_000_000;
        format!("alignmap: opening {} ({megabytes} MB)…", path.display())
    })
}

fn open(cli: &Cli, clock: Clock, start: Option<crate::app::Command>) -> Result<(), String> {
    let ids = IdGen::with_seed(seed());
    // Held until the function returns: we stay the one writer while the TUI runs.
    let mut _lock = None;
    let mut known = None;
    let mut app = if cli.demo {
        let roadmap = sample::sample(clock.today(), clock.now())?;
        App::new(roadmap, Source::Demo, clock, ids)
    } else {
        let path = roadmap_path(cli, None)?;
        say_when_slow_to_open(&path);
        let session = open_or_repair(path)?;
        _lock = session.lock;
        known = session.known;
        let location = home_relative(&session.path);
        let mut app = App::new(session.roadmap, Source::File(session.path), clock, ids);
        app.location = location;
        if let Some(note) = session.note {
            app.info(note);
        }
        if let Some((path, roadmap, written)) = session.recovery {
            app.offer_recovery(path, roadmap, &written);
        }
        if let Some(why) = session.read_only {
            app.error("Read-only: you can look, not change. Quit the other alignmap to edit here.");
            app.read_only = Some(why);
        }
        app
    };
    apply_theme(cli, &mut app);
    apply_keymap(cli, &mut app);
    if let Some(command) = start
        && matches!(app.mode, crate::app::Mode::Browse)
    {
        app.update(command);
    }
    let outcome = runtime::run(&mut app, known).map_err(|e| format!("terminal error: {e}"))?;
    report(&app, outcome)
}

/// Turns how a session ended into the exit: fine, or where the edits went, or (last resort,
/// when nothing could be written anywhere) the edits themselves on stderr.
fn report(app: &App, outcome: Outcome) -> Result<(), String> {
    match outcome {
        Outcome::Saved => Ok(()),
        Outcome::Recovered(path) => Err(format!(
            "the roadmap file was not written ({}); your edits are in {}",
            crate::ui::bars::save_label(app),
            path.display()
        )),
        Outcome::Unsaved(why) => {
            let text = storage::to_ron(&app.roadmap).unwrap_or_default();
            Err(format!(
                "your edits could not be written anywhere ({why}). Here they are; copy them into a file:\n{text}"
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_file_slow_to_open_is_announced() {
        let path = Path::new("/data/big.ron");
        assert_eq!(opening_notice(path, 9_999_999), None);
        assert_eq!(
            opening_notice(path, 151_866_387).as_deref(),
            Some("alignmap: opening /data/big.ron (151 MB)…")
        );
    }
}
