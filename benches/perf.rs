//! Speed at 1k, 10k and 100k initiatives (synthetic roadmaps from `alignmap::generate`, the
//! same as `alignmap dev generate`). Run with `cargo bench --bench perf`; CI only compiles it.
#![allow(clippy::unwrap_used)] // benchmark code

use alignmap::app::{App, Clock, Source};
use alignmap::domain::{IdGen, Roadmap};
use alignmap::export::{self, Format, Options};
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn roadmap(n: usize) -> Roadmap {
    alignmap::generate::roadmap(40, n, 1, today())
}

fn app(n: usize) -> App {
    let now = today().and_hms_opt(9, 0, 0).unwrap().and_utc();
    let mut app = App::new(
        roadmap(n),
        Source::File("/nonexistent/roadmap.ron".into()),
        Clock::fixed(today(), now),
        IdGen::with_seed(1),
    );
    app.viewport = (200, 60);
    app
}

fn draw(app: &App, terminal: &mut Terminal<TestBackend>) {
    terminal.draw(|f| alignmap::ui::render(app, f)).unwrap();
}

/// The bare parse of the RON text, the floor the open time is compared with.
#[divan::bench(args = SIZES, sample_count = 10)]
fn parse_bare(bencher: divan::Bencher, n: usize) {
    let text = alignmap::storage::to_ron(&roadmap(n)).unwrap();
    bencher.bench(|| ron::from_str::<Roadmap>(&text).unwrap());
}

/// Parse, migrate and validate, as opening a file does (without the disk read).
#[divan::bench(args = SIZES, sample_count = 10)]
fn open_parse_validate(bencher: divan::Bencher, n: usize) {
    let text = alignmap::storage::to_ron(&roadmap(n)).unwrap();
    bencher.bench(|| alignmap::storage::from_ron(&text, Path::new("roadmap.ron")).unwrap());
}

/// Open and first frame: parse, validate, build the board, draw it at 200x60.
#[divan::bench(args = SIZES, sample_count = 10)]
fn open_to_first_frame(bencher: divan::Bencher, n: usize) {
    let text = alignmap::storage::to_ron(&roadmap(n)).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| {
        let r = alignmap::storage::from_ron(&text, Path::new("roadmap.ron")).unwrap();
        let now = today().and_hms_opt(9, 0, 0).unwrap().and_utc();
        let app = App::new(
            r,
            Source::Demo,
            Clock::fixed(today(), now),
            IdGen::with_seed(1),
        );
        draw(&app, &mut terminal);
    });
}

/// Serialising for a save (the write itself is excluded).
#[divan::bench(args = SIZES, sample_count = 10)]
fn save_serialise(bencher: divan::Bencher, n: usize) {
    let r = roadmap(n);
    bencher.bench(|| alignmap::storage::to_ron(&r).unwrap());
}

fn keystroke(bencher: divan::Bencher, n: usize, key: KeyCode) {
    let mut app = app(n);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| {
        app.handle_key(KeyEvent::new(key, KeyModifiers::NONE));
        draw(&app, &mut terminal);
    });
}

/// One key that moves the selection, then the frame it causes.
#[divan::bench(args = SIZES, sample_count = 20)]
fn key_move_selection(bencher: divan::Bencher, n: usize) {
    keystroke(bencher, n, KeyCode::Down);
}

/// One key that moves a card to another horizon (an undoable change), then the frame.
#[divan::bench(args = SIZES, sample_count = 10)]
fn key_move_card(bencher: divan::Bencher, n: usize) {
    keystroke(bencher, n, KeyCode::Char('L'));
}

/// Drawing each full screen at 200x60.
#[divan::bench(args = SIZES, sample_count = 10)]
fn render_alignment_matrix(bencher: divan::Bencher, n: usize) {
    let mut app = app(n);
    app.handle_key(KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE));
    app.handle_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    app.handle_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| draw(&app, &mut terminal));
}

/// The review queue screen at 200x60.
#[divan::bench(args = SIZES, sample_count = 10)]
fn render_review(bencher: divan::Bencher, n: usize) {
    let mut app = app(n);
    app.handle_key(KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| draw(&app, &mut terminal));
}

/// Each export format of the whole roadmap.
#[divan::bench(args = [Format::Json, Format::Csv, Format::Html, Format::Markdown], sample_count = 10)]
fn export_10k(bencher: divan::Bencher, format: Format) {
    let r = roadmap(10_000);
    let options = Options {
        public: false,
        today: today(),
        changes: None,
    };
    bencher.bench(|| export::export(&r, format, options).unwrap());
}
