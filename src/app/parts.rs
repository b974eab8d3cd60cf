//! App's named parts besides the roadmap and what is derived from it: what the user is
//! looking at ([`View`]), the file being edited and how saving stands ([`Session`]), and what
//! the configuration files say ([`Settings`]).

use super::alignment::{AlignState, Screen};
use super::history::History;
use super::{DiskChange, Keymap, Metrics, Pane, SaveState, Source, review, search};
use crate::domain::{Horizon, Roadmap};

/// What the user is looking at: the screen, the selection, search and filter, public view.
#[derive(Debug, Clone)]
pub struct View {
    /// The full screen under any overlay: the board or the alignment view.
    pub screen: Screen,
    /// The alignment view's tab and selection.
    pub align: AlignState,
    /// The review screen's selection and progress.
    pub review: review::ReviewState,
    /// The highlighted check-in.
    pub checkin_cursor: usize,
    /// The highlighted archived initiative.
    pub archive_cursor: usize,
    /// Focused pane.
    pub pane: Pane,
    /// Focused column.
    pub column: Horizon,
    /// Selected card index per column.
    pub cursor: [usize; 4],
    /// Selected goal index in the goals pane.
    pub goal_cursor: usize,
    /// Terminal size (columns, rows).
    pub viewport: (u16, u16),
    /// Screen facts the update logic needs (page size, scroll limit), measured by the
    /// runtime from the layout before each key.
    pub metrics: Metrics,
    /// The active search (highlights and n/N).
    pub search: Option<search::Active>,
    /// The active filter (hides cards that do not match).
    pub filter: Option<search::Active>,
    /// Public view: internal fields (notes) are hidden everywhere, for sharing the screen.
    pub public: bool,
    /// What the help overlay is narrowed to (`/` in help), while it is open.
    pub help_find: Option<String>,
}

impl View {
    /// The board, Now focused, nothing searched or filtered, at 80x24 until measured.
    pub fn new() -> Self {
        View {
            screen: Screen::Board,
            align: AlignState::default(),
            review: review::ReviewState::default(),
            checkin_cursor: 0,
            archive_cursor: 0,
            pane: Pane::Board,
            column: Horizon::Now,
            cursor: [0; 4],
            goal_cursor: 0,
            viewport: (80, 24),
            metrics: Metrics::default(),
            search: None,
            filter: None,
            public: false,
            help_find: None,
        }
    }
}

impl Default for View {
    fn default() -> Self {
        Self::new()
    }
}

/// The file this session edits, how saving stands, and undo.
#[derive(Debug, Clone)]
pub struct Session {
    /// File or demo.
    pub source: Source,
    /// Where the roadmap lives, as shown to the user (home abbreviated to `~`).
    pub location: String,
    /// Save state for the status bar.
    pub save: SaveState,
    /// Changes not yet on disk.
    pub unsaved: u32,
    /// Bumped on every change of the roadmap (edits, undo, redo).
    pub revision: u64,
    /// Undo and redo.
    pub history: History,
    /// Why edits are refused (another instance writes the file, …); None when editable.
    pub read_only: Option<String>,
    /// An unresolved change of the file on disk; saving waits until it is decided.
    pub disk_change: Option<DiskChange>,
    /// Keys typed on the board by mistake: the run so far and any text collected from it.
    pub typing: super::typing::Typing,
    /// The roadmap as this session opened it, for the session summary.
    pub session_start: Roadmap,
    /// The roadmap chosen in the switcher: this session saves and ends, that one opens.
    pub switch_to: Option<std::path::PathBuf>,
}

impl Session {
    /// A session on `source` that opened `roadmap`, nothing edited yet.
    pub fn new(source: Source, roadmap: &Roadmap) -> Self {
        Session {
            location: match &source {
                Source::File(path) => path.display().to_string(),
                Source::Demo => "sample roadmap in memory".into(),
            },
            save: SaveState::Loaded,
            switch_to: None,
            unsaved: 0,
            revision: 0,
            history: History::default(),
            read_only: None,
            disk_change: None,
            session_start: roadmap.clone(),
            typing: super::typing::Typing::default(),
            source,
        }
    }
}

/// What `config.ron` and `keymap.ron` say (the defaults until they are read).
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Review thresholds (from `config.ron`).
    pub thresholds: crate::domain::review::Thresholds,
    /// Key bindings.
    pub keymap: Keymap,
    /// The colour theme.
    pub theme: crate::domain::prefs::ThemeName,
    /// `NO_COLOR` is set: the theme stays colourless.
    pub no_color: bool,
    /// Where preferences are remembered (`config.ron`), if anywhere.
    pub config_path: Option<std::path::PathBuf>,
}
