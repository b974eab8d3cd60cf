//! The app's plain state types: what has the keyboard (`Mode`), questions, effects for the
//! runtime, save state, and the screen facts the runtime measures.

use super::forms::Form;
use crate::domain::{GoalId, InitiativeId, Roadmap};
use chrono::NaiveTime;
use std::path::PathBuf;

/// Screen facts measured from the layout, so update logic never calls into rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Metrics {
    /// Cards visible in one board column (a page for PgUp/PgDn).
    pub page: usize,
    /// How far the open popup (help, detail) can scroll.
    pub scroll_limit: u16,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            page: 5,
            scroll_limit: 0,
        }
    }
}

/// Where the roadmap came from and goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file that is saved to.
    File(PathBuf),
    /// The bundled sample in memory; never saved.
    Demo,
}

/// The save state shown in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing saved yet this session; the file matches what was loaded.
    Loaded,
    /// Last save succeeded at this local time.
    Saved(NaiveTime),
    /// Last save failed, with the reason.
    Failed(String),
}

/// An item the user points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// An initiative.
    Initiative(InitiativeId),
    /// A business goal.
    Goal(GoalId),
}

/// What answering "yes" does.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// Delete this item.
    Delete(Item),
    /// Quit the demo, dropping its changes.
    QuitDemo,
    /// Load a recovery copy found at start.
    LoadRecovery {
        /// The copy.
        path: PathBuf,
        /// What it holds.
        roadmap: Box<Roadmap>,
    },
    /// Move these initiatives' open deliverables by their number of days.
    ShiftDeliverables(Vec<(crate::domain::InitiativeId, i64)>),
    /// Delete this decision or action (asked from the decisions view, which it returns to).
    DeleteRecord(super::decisions::Record),
}

impl Pending {
    /// The words for yes and no in the question's footer.
    pub fn answers(&self) -> (&'static str, &'static str) {
        match self {
            Pending::Delete(_) => ("delete", "keep"),
            Pending::QuitDemo => ("quit", "stay"),
            Pending::LoadRecovery { .. } => ("load the copy", "keep the file as it is"),
            Pending::ShiftDeliverables(_) => ("move them", "keep their dates"),
            Pending::DeleteRecord(_) => ("delete", "keep"),
        }
    }
}

/// A pending yes/no question.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    /// The question, e.g. `Delete goal "Cut order-to-cash time"?`.
    pub question: String,
    /// Consequences to read before answering.
    pub details: Vec<String>,
    /// What "yes" does.
    pub action: Pending,
}

/// The roadmap file changed on disk while this session had it open.
#[derive(Debug, Clone, PartialEq)]
pub struct DiskChange {
    /// Their version, or why it cannot be read.
    pub theirs: Result<Roadmap, String>,
}

/// I/O the user asked for, carried out by the runtime after the key is handled.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save their version aside, then write mine.
    KeepMine,
    /// Save my version aside, then take theirs.
    TakeTheirs,
    /// Merge theirs and mine by item and field (theirs kept aside first).
    MergeBoth,
    /// Move a recovery copy that was dealt with into `backups/`.
    ArchiveRecovery(PathBuf),
    /// List the backups into [`Mode::Backups`].
    ListBackups,
    /// List the roadmaps beside the file into [`Mode::Roadmaps`].
    ListRoadmaps,
    /// Roll the roadmaps beside the file up into [`Mode::Portfolio`].
    Portfolio,
    /// Back up the current file, then load this backup (as an undoable change).
    RestoreBackup(PathBuf),
    /// Remember the preferences (theme) in `config.ron`.
    SaveConfig,
    /// Write an export of the roadmap as shown (public view: public export).
    Export(crate::export::Format),
    /// Write the minutes of this session (public HTML and Markdown) into the exports folder.
    Minutes,
    /// Write the review report (HTML with charts) into the exports folder.
    Report,
    /// Keep a snapshot of the roadmap as it is in memory.
    Snapshot,
    /// Compare with the latest snapshot and show the changes.
    Changes,
    /// Write this version to `<stem>.<whose>-<time>.ron` beside the file before it is
    /// overwritten (an undo or redo across a reload from disk), then say `what` and where.
    KeepAside {
        /// The version to keep.
        roadmap: Box<crate::domain::Roadmap>,
        /// "theirs" or "mine".
        whose: &'static str,
        /// What was done, for the message.
        what: String,
    },
}

/// One roadmap of the folder as the switcher lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoadmapRow {
    /// The file, links followed.
    pub path: PathBuf,
    /// Its file name.
    pub file: String,
    /// The roadmap's name, or why it cannot be opened.
    pub name: Result<String, String>,
    /// What to know before opening it: conflicts, recovery copy, git, size, last saved.
    pub facts: Vec<String>,
}

/// One backup as listed in the TUI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupRow {
    /// The backup file.
    pub path: PathBuf,
    /// When it was taken, e.g. "Sun 22 Nov 2026 07:33:53".
    pub taken: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// "5 goals, 16 initiatives", or why it cannot be read.
    pub holds: Result<String, String>,
}

/// What has the keyboard. Each overlay carries its own state.
#[derive(Debug, Clone)]
pub enum Mode {
    /// The board and the goals pane.
    Browse,
    /// The detail popup of an item.
    Detail {
        /// The item shown.
        item: Item,
        /// Lines scrolled.
        scroll: u16,
    },
    /// An edit form.
    Form(Box<Form>),
    /// The quick-capture line.
    Capture(Box<super::capture::Capture>),
    /// The search or filter line.
    Prompt(Box<super::search::Prompt>),
    /// A yes/no question.
    Confirm(Confirm),
    /// Choosing a new status for an initiative.
    Status {
        /// The initiative.
        id: InitiativeId,
        /// Highlighted entry in [`Status::ALL`].
        selected: usize,
    },
    /// Choosing which risk, KPI or deliverable to edit (or a new one).
    Pick(super::attach::Pick),
    /// The file changed on disk: keep mine, take theirs, or decide later.
    Conflict,
    /// The backups of the file, newest first.
    Backups {
        /// The list.
        rows: Vec<BackupRow>,
        /// The highlighted row.
        selected: usize,
    },
    /// The merge conflicts waiting in the file (`Roadmap::conflicts`), one settled per key.
    Merged {
        /// The highlighted conflict.
        selected: usize,
    },
    /// The roadmaps of the folder, to switch to one.
    Roadmaps {
        /// The list, as `alignmap list` shows it.
        rows: Vec<RoadmapRow>,
        /// The highlighted row.
        selected: usize,
    },
    /// The portfolio roll-up of the folder's roadmaps (read-only).
    Portfolio {
        /// The figures, as `alignmap portfolio` writes them.
        rollup: Box<crate::domain::portfolio::Rollup>,
        /// The folder the units' files are in.
        dir: PathBuf,
        /// The highlighted unit.
        selected: usize,
        /// Lines scrolled below the units.
        scroll: u16,
    },
    /// Presentation mode, one goal per page.
    Present {
        /// The page shown (see `App::presentation_pages`).
        page: usize,
        /// The public view as it was before, restored on leaving.
        was_public: bool,
    },
    /// The people list; `rename` holds the new name while one is being typed.
    People {
        /// The highlighted person.
        selected: usize,
        /// The new name being typed, when renaming.
        rename: Option<Box<tui_input::Input>>,
    },
    /// Decisions and action items: decisions first, then actions.
    Decisions {
        /// The highlighted row.
        selected: usize,
    },
    /// What changed during this session.
    Summary {
        /// Lines scrolled.
        scroll: u16,
    },
    /// What changed since a snapshot (filled in by the runtime).
    Changes {
        /// Since what, in words.
        since: String,
        /// Headed sections of changes.
        sections: Vec<(String, Vec<String>)>,
        /// Lines scrolled.
        scroll: u16,
    },
    /// The key help.
    Help {
        /// Lines scrolled.
        scroll: u16,
    },
}

/// What a mouse pointer is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A card: its column and position in it.
    Card(crate::domain::Horizon, usize),
    /// A column, off its cards.
    Column(crate::domain::Horizon),
    /// A goal in the goals pane, by position.
    Goal(usize),
}

/// Which pane has focus in Browse mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The four horizon columns.
    Board,
    /// The business goals list.
    Goals,
}

/// Whether a status message reports success or a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Plain information.
    Info,
    /// Something the user must know went wrong.
    Error,
}
