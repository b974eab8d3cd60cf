//! `alignmap dev …`: tools for tests, benchmarks and the README's pictures (hidden from
//! the help).

use super::output::{self, Failure};
use super::{Cli, browser, roadmap_path, roadmaps, seed, tui};
use crate::app::{App, Clock, Source};
use crate::domain::IdGen;
use crate::{sample, storage};
use clap::Subcommand;
use std::path::PathBuf;

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
        /// Write a portfolio instead: this many unit roadmaps of --initiatives each, and
        /// portfolio.ron, into the directory --out.
        #[arg(long)]
        units: Option<usize>,
        /// Where to write the RON file (with --units: the directory).
        #[arg(long)]
        out: PathBuf,
    },
    /// Write a quarter of reviews on the sample into DIR: roadmap.ron as of 2026-12-01 and
    /// snapshots of 1 Sep, 1 Oct and 2 Nov (for the report and its README picture).
    Scenario {
        /// The directory to write (a data directory for --dir).
        dir: PathBuf,
    },
    /// Take a picture of the top of an HTML page with the installed Chromium (the README's
    /// picture of the report is made so).
    Screenshot {
        /// The HTML file.
        page: PathBuf,
        /// The PNG to write.
        out: PathBuf,
        /// Window width in pixels.
        #[arg(long, default_value_t = 794)]
        width: u32,
        /// Window height in pixels.
        #[arg(long, default_value_t = 1123)]
        height: u32,
        /// Show only the section with this id (the report's: summary, delivered, goals,
        /// slips, checkins, actions), as its printed page starts.
        #[arg(long, value_name = "ID")]
        only: Option<String>,
    },
}

/// Runs a developer subcommand.
pub fn run(cli: &Cli, dev: &DevCmd, clock: Clock) -> Result<(), Failure> {
    match dev {
        DevCmd::SaveLoop => Ok(save_loop(cli, clock)?),
        DevCmd::EditThenWait => tui::edit_then_wait(cli, clock),
        DevCmd::FirstFrame => Ok(first_frame(cli, clock)?),
        DevCmd::Generate {
            initiatives,
            seed,
            units: Some(units),
            out,
            ..
        } => roadmaps::generate_portfolio(out, *units, *initiatives, *seed, &clock),
        DevCmd::Generate {
            initiatives,
            goals,
            seed,
            out,
            units: None,
        } => {
            let roadmap = crate::generate::roadmap(*goals, *initiatives, *seed, clock.today());
            storage::save(out, &roadmap).map_err(|e| e.to_string())?;
            output::out(&format!(
                "wrote {} ({})",
                out.display(),
                roadmap.size_label()
            ));
            Ok(())
        }
        DevCmd::Scenario { dir } => {
            let file = crate::scenario::write(dir)?;
            output::out(&format!(
                "wrote {} and its snapshots: report on it with --dir {} --today {}",
                file.display(),
                dir.display(),
                crate::scenario::END
            ));
            Ok(())
        }
        DevCmd::Screenshot {
            page,
            out,
            width,
            height,
            only,
        } => {
            let browser = browser::find().ok_or_else(|| Failure::from(browser::missing()))?;
            let size = browser::Output::Png {
                width: *width,
                height: *height,
            };
            let scratch = tempfile::tempdir().map_err(|e| e.to_string())?;
            let page = match only {
                Some(id) => {
                    let text = std::fs::read_to_string(page)
                        .map_err(|e| format!("cannot read {}: {e}", page.display()))?;
                    let id: String = id.chars().filter(char::is_ascii_alphanumeric).collect();
                    let hide =
                        format!("<style>section:not(#{id}) {{ display: none; }}</style>\n</head>");
                    let copy = scratch.path().join("page.html");
                    std::fs::write(&copy, text.replacen("</head>", &hide, 1))
                        .map_err(|e| format!("cannot write {}: {e}", copy.display()))?;
                    copy
                }
                None => page.clone(),
            };
            browser::render(&browser, &page, out, size)?;
            output::out(&format!("wrote {}", out.display()));
            Ok(())
        }
    }
}

/// Opens the roadmap and draws the board once into a 200x60 test backend, then prints how
/// long the open and the first frame took (for measuring open time and peak memory).
fn first_frame(cli: &Cli, clock: Clock) -> Result<(), Failure> {
    let start = std::time::Instant::now();
    let path = roadmap_path(cli, None)?;
    let roadmap = storage::load(&path)?;
    let size = roadmap.size_label();
    let app = App::builder(roadmap, clock)
        .source(Source::File(path))
        .ids(IdGen::with_seed(seed()))
        .viewport(200, 60)
        .build();
    let backend = ratatui::backend::TestBackend::new(200, 60);
    // The test backend cannot fail (its error type is `Infallible`).
    let Ok(mut terminal) = ratatui::Terminal::new(backend);
    let Ok(_) = terminal.draw(|frame| crate::ui::render(&app, frame));
    output::out(&format!(
        "first frame of {size} in {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    ));
    Ok(())
}

/// Saves states "A" and "B" alternately until killed; prints "ready" after the first save.
fn save_loop(cli: &Cli, clock: Clock) -> Result<(), Failure> {
    let path = roadmap_path(cli, None)?;
    let mut a = sample::sample(clock.today(), clock.now())?;
    a.name = "A".into();
    let mut b = a.clone();
    b.name = "B".into();
    b.initiatives.truncate(3);
    b.goals.truncate(2);
    let kept: Vec<_> = b.initiatives.iter().map(|i| i.id.clone()).collect();
    for i in &mut b.initiatives {
        i.serves
            .retain(|l| b.goals.iter().any(|goal| goal.id == l.goal));
        i.needs.retain(|n| kept.contains(n));
    }
    let mut first = true;
    loop {
        for roadmap in [&a, &b] {
            storage::save(&path, roadmap)?;
            if first {
                output::out("ready");
                first = false;
            }
        }
    }
}
