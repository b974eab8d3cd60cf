//! Several roadmaps: a portfolio of 20 roadmaps × 500 initiatives (as `alignmap dev generate
//! --units 20 --initiatives 500` writes it) read one after another on one thread (the
//! floor) and on the machine's threads, opened to the portfolio view's first frame, and the
//! switcher opening another roadmap of 500. Run with `cargo bench --bench team`.
#![allow(clippy::unwrap_used)] // benchmark code

use alignmap::app::{App, Clock, EffectOutcome, Source};
use alignmap::storage::portfolio::{read_all, read_portfolio};
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};

fn main() {
    divan::main();
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn clock() -> Clock {
    Clock::fixed(today(), today().and_hms_opt(9, 0, 0).unwrap().and_utc())
}

/// The 20 × 500 portfolio in a temporary directory, and its roadmap files.
fn portfolio() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let company = alignmap::generate::company(1);
    let text = alignmap::storage::to_ron_value(&company).unwrap();
    std::fs::write(dir.path().join("portfolio.ron"), text).unwrap();
    let mut files = Vec::new();
    for (file, roadmap) in alignmap::generate::units(20, 500, 1, today()) {
        let path = dir.path().join(file);
        alignmap::storage::save(&path, &roadmap).unwrap();
        files.push(path);
    }
    (dir, files)
}

/// Reading the 20 files on 1 thread (the floor the target is set against) and on 2.
#[divan::bench(args = [1, 2], sample_count = 10)]
fn portfolio_read(bencher: divan::Bencher, threads: usize) {
    let (_dir, files) = portfolio();
    bencher.bench(|| read_all(&files, threads));
}

/// From the key to the portfolio view drawn at 200x60: read every file (on the machine's
/// threads), roll up, draw.
#[divan::bench(sample_count = 10)]
fn portfolio_to_first_frame(bencher: divan::Bencher) {
    let (dir, files) = portfolio();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let open = alignmap::storage::load(&files[0]).unwrap();
    let mut app = App::builder(open, clock())
        .source(Source::File(files[0].clone()))
        .viewport(200, 60)
        .build();
    bencher.bench_local(|| {
        // As the planner does: its own roadmap as in memory, the other 19 read.
        let (company, units) =
            read_portfolio(dir.path(), Some(("unit-01.ron", &app.roadmap))).unwrap();
        let rollup = alignmap::domain::portfolio::rollup(&company, &units, today());
        app.take_outcome(EffectOutcome::Portfolio {
            rollup: Box::new(rollup),
            dir: dir.path().to_path_buf(),
        });
        terminal.draw(|f| alignmap::ui::render(&app, f)).unwrap();
    });
}

/// The switcher opening another roadmap of 500: lock and load it (as the planner does),
/// build the app, draw the first frame; the lock is let go after.
#[divan::bench(sample_count = 20)]
fn switch_to_a_roadmap_of_500(bencher: divan::Bencher) {
    let (_dir, files) = portfolio();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let path: &Path = &files[1];
    bencher.bench_local(|| {
        let session = alignmap::session::open_file(path.to_path_buf()).unwrap();
        let app = App::builder(session.roadmap, clock())
            .source(Source::File(session.path))
            .viewport(200, 60)
            .build();
        terminal.draw(|f| alignmap::ui::render(&app, f)).unwrap();
        drop(session.lock);
    });
}
