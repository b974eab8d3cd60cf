//! Speed at 1k, 10k and 100k initiatives (synthetic roadmaps from `alignmap::generate`, the
//! same as `alignmap dev generate`). Run with `cargo bench --bench perf`; CI only compiles it.
#![allow(clippy::unwrap_used)] // benchmark code

use alignmap::app::{App, Clock, Source};
use alignmap::domain::{IdGen, Roadmap};
use alignmap::export::{self, Format, Options};
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::io::Write;

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
    App::builder(roadmap(n), Clock::fixed(today(), now))
        .source(Source::File("/nonexistent/roadmap.ron".into()))
        .ids(IdGen::with_seed(1))
        .viewport(200, 60)
        .build()
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

/// Load: read the file, parse, migrate and validate, as opening does.
#[divan::bench(args = SIZES, sample_count = 10)]
fn load(bencher: divan::Bencher, n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    alignmap::storage::save(&path, &roadmap(n)).unwrap();
    bencher.bench(|| alignmap::storage::load(&path).unwrap());
}

/// Open and first frame: read the file, parse, validate, build the board, draw it at 200x60.
#[divan::bench(args = SIZES, sample_count = 10)]
fn open_to_first_frame(bencher: divan::Bencher, n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    alignmap::storage::save(&path, &roadmap(n)).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| {
        let r = alignmap::storage::load(&path).unwrap();
        let now = today().and_hms_opt(9, 0, 0).unwrap().and_utc();
        let app = App::builder(r, Clock::fixed(today(), now))
            .source(Source::File(path.clone()))
            .ids(IdGen::with_seed(1))
            .viewport(200, 60)
            .build();
        draw(&app, &mut terminal);
    });
}

/// Serialising for a save (the floor a save is compared with).
#[divan::bench(args = SIZES, sample_count = 10)]
fn save_serialise(bencher: divan::Bencher, n: usize) {
    let r = roadmap(n);
    bencher.bench(|| alignmap::storage::to_ron(&r).unwrap());
}

/// A save as the saver does it (validate, serialise, write to a temporary file and rename it
/// into place), without the fsync, which measures the disk rather than the code.
#[divan::bench(args = SIZES, sample_count = 10)]
fn save_write(bencher: divan::Bencher, n: usize) {
    let r = roadmap(n);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    bencher.bench(|| {
        assert!(alignmap::domain::validate::problems(&r).is_empty());
        let text = alignmap::storage::to_ron(&r).unwrap();
        let mut tmp = tempfile::NamedTempFile::new_in(dir.path()).unwrap();
        tmp.write_all(text.as_bytes()).unwrap();
        tmp.persist(&path).unwrap();
    });
}

/// The copy an edit keeps for undo and hands to the save thread: items are shared, so this
/// costs a pointer per chunk of 64 initiatives (and the goals, which are few).
#[divan::bench(args = SIZES, sample_count = 20)]
fn snapshot_copy(bencher: divan::Bencher, n: usize) {
    let r = roadmap(n);
    bencher.bench(|| r.clone());
}

/// The pause an autosave causes on the input thread: the tick that finds a save due hands a
/// copy of the roadmap to the save thread and returns (the write itself is not timed here; it
/// is `save_write`). Each sample follows a card move, and the previous save is finished first.
#[divan::bench(args = SIZES, sample_count = 20)]
fn autosave_input_pause(bencher: divan::Bencher, n: usize) {
    use alignmap::runtime::{SAVE_DELAY, saver::Saver};
    use std::time::Instant;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roadmap.ron");
    alignmap::storage::save(&path, &roadmap(n)).unwrap();
    let mut app = app(n);
    app.session.source = Source::File(path);
    let saver = Saver::new(&app, None);
    let state = std::cell::RefCell::new((
        app,
        saver,
        [KeyCode::Char('L'), KeyCode::Char('H')].into_iter().cycle(),
    ));
    bencher
        .with_inputs(|| {
            let (app, saver, keys) = &mut *state.borrow_mut();
            saver.settle(app, Instant::now());
            press(app, &[keys.next().unwrap()]);
            saver.tick(app, Instant::now()); // arms the debounce
            assert!(app.session.unsaved > 0);
            Instant::now() + SAVE_DELAY
        })
        .bench_local_values(|due| {
            let (app, saver, _) = &mut *state.borrow_mut();
            saver.tick(app, due);
        });
    let (app, saver, _) = &mut *state.borrow_mut();
    saver.settle(app, Instant::now());
    assert_eq!(app.session.unsaved, 0, "every save was written");
}

/// Times one key and the frame it causes; the keys are pressed in turn, round and round, so
/// that a move right is followed by a move back and every press really changes something.
fn keystrokes(bencher: divan::Bencher, mut app: App, keys: &[KeyCode]) {
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    draw(&app, &mut terminal);
    let mut next = keys.iter().cycle();
    bencher.bench_local(|| {
        let key = *next.next().unwrap();
        app.handle_key(KeyEvent::new(key, KeyModifiers::NONE));
        draw(&app, &mut terminal);
    });
}

fn press(app: &mut App, keys: &[KeyCode]) {
    for key in keys {
        app.handle_key(KeyEvent::new(*key, KeyModifiers::NONE));
    }
}

/// One key that moves the selection, then the frame it causes.
#[divan::bench(args = SIZES, sample_count = 20)]
fn key_move_selection(bencher: divan::Bencher, n: usize) {
    keystrokes(
        bencher,
        app(n),
        &[KeyCode::Down, KeyCode::Down, KeyCode::Up],
    );
}

/// One key that moves a card to another horizon (an undoable change that the saver picks
/// up), then the frame: right and back left, so every press moves the card.
#[divan::bench(args = SIZES, sample_count = 20)]
fn key_move_card(bencher: divan::Bencher, n: usize) {
    keystrokes(bencher, app(n), &[KeyCode::Char('L'), KeyCode::Char('H')]);
}

/// One key typed into the title of the edit form (a letter, then Backspace), then the frame.
#[divan::bench(args = SIZES, sample_count = 20)]
fn key_edit_title(bencher: divan::Bencher, n: usize) {
    let mut app = app(n);
    press(&mut app, &[KeyCode::Char('e')]);
    assert!(matches!(app.mode, alignmap::app::Mode::Form(_)));
    keystrokes(bencher, app, &[KeyCode::Char('x'), KeyCode::Backspace]);
}

/// Search as you type: a letter added to (or taken from) the search prompt, which finds the
/// matching cards and jumps to the first, then the frame.
#[divan::bench(args = SIZES, sample_count = 20)]
fn key_search_as_you_type(bencher: divan::Bencher, n: usize) {
    let mut app = app(n);
    press(&mut app, &[KeyCode::Char('/'), KeyCode::Char('m')]);
    assert!(matches!(app.mode, alignmap::app::Mode::Prompt(_)));
    keystrokes(bencher, app, &[KeyCode::Char('i'), KeyCode::Backspace]);
}

fn render(bencher: divan::Bencher, n: usize, keys: &[KeyCode]) {
    let mut app = app(n);
    press(&mut app, keys);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| draw(&app, &mut terminal));
}

/// Drawing each full screen at 200x60: the board.
#[divan::bench(args = SIZES, sample_count = 10)]
fn render_board(bencher: divan::Bencher, n: usize) {
    render(bencher, n, &[]);
}

/// The alignment matrix (initiatives by goals).
#[divan::bench(args = SIZES, sample_count = 10)]
fn render_alignment_matrix(bencher: divan::Bencher, n: usize) {
    render(
        bencher,
        n,
        &[KeyCode::Char('2'), KeyCode::Tab, KeyCode::Tab],
    );
}

/// The alignment gaps list.
#[divan::bench(args = SIZES, sample_count = 10)]
fn render_alignment_gaps(bencher: divan::Bencher, n: usize) {
    render(bencher, n, &[KeyCode::Char('2')]);
}

/// The review queue.
#[divan::bench(args = SIZES, sample_count = 10)]
fn render_review(bencher: divan::Bencher, n: usize) {
    render(bencher, n, &[KeyCode::Char('3')]);
}

/// Presentation mode (one page per goal).
#[divan::bench(args = SIZES, sample_count = 10)]
fn render_presentation(bencher: divan::Bencher, n: usize) {
    render(bencher, n, &[KeyCode::Char('p')]);
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

/// The review report at 10k against three earlier versions (a quarter of monthly
/// snapshots), as HTML with its charts and as Markdown: compare with `export_10k` in the
/// same run.
#[divan::bench(args = ["html", "md"], sample_count = 10)]
fn report_10k(bencher: divan::Bencher, format: &str) {
    use alignmap::export::report::{self, Inputs, Version};
    let r = roadmap(10_000);
    let history: Vec<Version> = [90u64, 60, 30]
        .iter()
        .map(|ago| Version {
            id: format!("{ago}"),
            day: today() - chrono::Days::new(*ago),
            words: format!("{ago} days ago"),
            roadmap: r.clone(),
        })
        .collect();
    bencher.bench(|| {
        let built = report::build(
            &r,
            &Inputs {
                today: today(),
                public: false,
                since: report::default_since(&r, &history, today()),
                history: &history,
            },
        );
        match format {
            "html" => report::html::page(&built, report::html::Paper::A4),
            _ => report::markdown::document(&built),
        }
    });
}

/// Pasting a long text into a form field (a pasted document): one splice, not a character
/// at a time (40,000 characters took 26 s of CPU that way).
#[divan::bench(args = [1_000, 10_000, 40_000], sample_count = 10)]
fn paste_into_a_field(bencher: divan::Bencher, n: usize) {
    let text: String = "pasted text ".chars().cycle().take(n).collect();
    bencher.bench(|| {
        let mut input = tui_input::Input::new("before after".into()).with_cursor(7);
        alignmap::app::forms::paste_into(&mut input, &text);
        input
    });
}
