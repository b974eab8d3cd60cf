//! Everything a key can do outside text fields: the [`Command`]s, with the words help shows
//! for each. Which keys trigger them is the keymap's business (`keymap/`).

use serde::{Deserialize, Serialize};

/// Everything a key can do outside text fields. Names are stable: a keymap file can use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Command {
    /// Move the selection up.
    Up,
    /// Move the selection down.
    Down,
    /// Move to the column on the left.
    Left,
    /// Move to the column on the right.
    Right,
    /// Move a page up.
    PageUp,
    /// Move a page down.
    PageDown,
    /// Jump to the first card of the column.
    First,
    /// Jump to the last card of the column.
    Last,
    /// Switch focus between the board and the goals pane.
    SwitchPane,
    /// Open the detail of the selected item.
    Open,
    /// Edit the selected item.
    Edit,
    /// Add an initiative in the focused column.
    AddInitiative,
    /// Add a business goal.
    AddGoal,
    /// Quick capture: add an initiative from one line (`title #goal @owner +tag !when`).
    Capture,
    /// Move the card to the earlier horizon.
    MoveEarlier,
    /// Move the card to the later horizon.
    MoveLater,
    /// Move the card up among cards due the same day.
    ReorderUp,
    /// Move the card down among cards due the same day.
    ReorderDown,
    /// Pick a new status for the selected initiative.
    SetStatus,
    /// Mark the selected initiative done.
    MarkDone,
    /// Delete the selected item (asks first; undoable).
    Delete,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Load the bundled sample into an empty roadmap.
    LoadSample,
    /// List the backups of the roadmap file, to restore one.
    Backups,
    /// Search cards by their words.
    Search,
    /// Go to the next search match.
    NextMatch,
    /// Go to the previous search match.
    PreviousMatch,
    /// Filter the board (`#goal @owner +tag status:… kind:…`).
    Filter,
    /// Clear the filter and the search.
    ClearFilters,
    /// Switch to the next colour theme (remembered).
    NextTheme,
    /// Public view on/off: hides internal fields everywhere.
    TogglePublic,
    /// Presentation mode: goal by goal, large type, public view.
    Present,
    /// What changed during this session: added, moved, status, goals.
    Recap,
    /// The decisions and action items view.
    Decisions,
    /// The people view: who owns, sponsors or must do what.
    People,
    /// Write the minutes of this session (public HTML and Markdown) to the exports folder.
    Minutes,
    /// Write the review report (the board paper, HTML with charts) to the exports folder.
    Report,
    /// Rename the selected person everywhere (one undoable step).
    Rename,
    /// Back to the board.
    Board,
    /// The alignment view: gaps, goals and KPIs, traceability matrix, balance.
    Alignment,
    /// Next tab of the view.
    NextTab,
    /// Previous tab of the view.
    PreviousTab,
    /// Traceability matrix: by initiative or by horizon.
    MatrixView,
    /// Link or unlink goals of the selected initiative (with strength).
    LinkGoals,
    /// Add or edit a risk of the selected initiative.
    AddRisk,
    /// Edit the business case and champion of the selected initiative.
    EditCase,
    /// Record a KPI reading for the selected goal.
    RecordReading,
    /// Add or edit a KPI of the selected goal.
    AddKpi,
    /// Add or edit a deliverable of the selected initiative.
    AddDeliverable,
    /// Choose the initiatives the selected one needs first.
    EditNeeds,
    /// The review queue: what needs me?
    Review,
    /// Relationship check-ins.
    CheckIns,
    /// Done and dropped initiatives.
    Archive,
    /// Move an overdue initiative to a later horizon (a recorded slip).
    RollForward,
    /// Roll every overdue initiative of the highlighted entry's goal forward at once.
    RollGoalForward,
    /// Set the selected initiative's target to an exact date, month or quarter.
    SetTarget,
    /// The roadmap's settings: its name and currency.
    Settings,
    /// Mark the review entry reviewed (it stays away until its item changes).
    MarkReviewed,
    /// Mark every entry of the highlighted entry's group reviewed, as one undoable step.
    MarkGroupReviewed,
    /// Record a relationship check-in.
    AddCheckIn,
    /// Put a done or dropped initiative back on the board.
    Reopen,
    /// Say why the selected initiative's target just moved later.
    SayWhy,
    /// Export the roadmap (HTML, Markdown, CSV, JSON) into the data folder.
    Export,
    /// Keep a dated snapshot of the roadmap.
    Snapshot,
    /// What changed since the last snapshot.
    Changes,
    /// Show the key bindings.
    Help,
    /// Close the overlay.
    Close,
    /// Answer yes.
    Yes,
    /// Answer no.
    No,
    /// The file changed on disk: keep my version (theirs is saved aside).
    KeepMine,
    /// The file changed on disk: take their version (mine is saved aside).
    TakeTheirs,
    /// The file changed on disk: decide later (read-only until then).
    DecideLater,
    /// The file changed on disk: merge both versions by item and field.
    MergeBoth,
    /// The roadmaps in this folder, to switch to another.
    Roadmaps,
    /// The portfolio: every roadmap of the folder rolled up against the company goals.
    Portfolio,
    /// List the merge conflicts waiting in the file, to settle each.
    MergeConflicts,
    /// Settle the highlighted merge conflict with your value.
    SettleMine,
    /// Settle the highlighted merge conflict with their value.
    SettleTheirs,
    /// Save and quit.
    Quit,
}

impl Command {
    /// True for commands that change the roadmap (refused in read-only mode).
    pub fn changes_roadmap(self) -> bool {
        self.opens_attached_form()
            || matches!(
                self,
                Command::Edit
                    | Command::AddInitiative
                    | Command::AddGoal
                    | Command::Capture
                    | Command::MoveEarlier
                    | Command::MoveLater
                    | Command::ReorderUp
                    | Command::ReorderDown
                    | Command::SetStatus
                    | Command::MarkDone
                    | Command::Delete
                    | Command::Undo
                    | Command::Redo
                    | Command::LoadSample
                    | Command::RollForward
                    | Command::RollGoalForward
                    | Command::SetTarget
                    | Command::Settings
                    | Command::MarkReviewed
                    | Command::MarkGroupReviewed
                    | Command::AddCheckIn
                    | Command::Reopen
                    | Command::SettleMine
                    | Command::SettleTheirs
                    | Command::SayWhy
                    | Command::Rename
            )
    }

    /// True for commands that open a form for what hangs off the selected item (links,
    /// risks, business case, KPIs, readings, deliverables, dependencies).
    pub fn opens_attached_form(self) -> bool {
        matches!(
            self,
            Command::LinkGoals
                | Command::AddRisk
                | Command::EditCase
                | Command::RecordReading
                | Command::AddKpi
                | Command::AddDeliverable
                | Command::EditNeeds
        )
    }

    /// A short description for the help overlay.
    pub fn describe(self) -> &'static str {
        match self {
            Command::Up => "move up",
            Command::Down => "move down",
            Command::Left => "column to the left",
            Command::Right => "column to the right",
            Command::PageUp => "page up",
            Command::PageDown => "page down",
            Command::First => "first card",
            Command::Last => "last card",
            Command::SwitchPane => "board ⇄ goals pane",
            Command::Open => "open the detail",
            Command::Edit => "edit the selected item",
            Command::AddInitiative => "add an initiative in this column",
            Command::AddGoal => "add a business goal",
            Command::Capture => "quick capture: title #goal @owner +tag !when",
            Command::MoveEarlier => "move card to the earlier horizon",
            Command::MoveLater => "move card to the later horizon",
            Command::ReorderUp => "move card up (same due date)",
            Command::ReorderDown => "move card down (same due date)",
            Command::SetStatus => "set status (picker)",
            Command::MarkDone => "mark done (leaves the board)",
            Command::Delete => "delete (asks first)",
            Command::Undo => "undo",
            Command::Redo => "redo",
            Command::LoadSample => "load the sample roadmap (empty roadmap only)",
            Command::Backups => "backups: list them, restore one",
            Command::Search => "search titles, summaries, notes",
            Command::NextMatch => "next match",
            Command::PreviousMatch => "previous match",
            Command::Filter => "filter: #goal @owner +tag status:… kind:…",
            Command::ClearFilters => "clear filter and search",
            Command::TogglePublic => "public view on/off (hides internal fields)",
            Command::Present => "presentation mode (goal by goal, public view)",
            Command::Recap => "what changed this session",
            Command::Decisions => "decisions and action items",
            Command::People => "people: who owns, sponsors or must do what",
            Command::Minutes => "minutes of this session (public HTML and Markdown)",
            Command::Report => "review report: the board paper, with charts (HTML)",
            Command::Rename => "rename the person everywhere (undoable)",
            Command::Board => "back to the board",
            Command::Alignment => "alignment: gaps, goals & KPIs, matrix, balance",
            Command::NextTab => "next tab",
            Command::PreviousTab => "previous tab",
            Command::MatrixView => "matrix by initiative / by horizon",
            Command::LinkGoals => "link goals (strong, partial, weak)",
            Command::AddRisk => "risks of the initiative: add or edit",
            Command::EditCase => "business case and champion",
            Command::RecordReading => "record a KPI reading for the goal",
            Command::AddKpi => "KPIs of the goal: add or edit",
            Command::AddDeliverable => "deliverables: what the business gets, when",
            Command::EditNeeds => "dependencies: what this initiative needs first",
            Command::Review => "review: what needs me? (overdue, slipped, stale, gaps …)",
            Command::CheckIns => "relationship check-ins: ratings over time",
            Command::Archive => "archive: done and dropped initiatives",
            Command::RollForward => "roll forward: this week, a later horizon or an exact date",
            Command::RollGoalForward => "roll all overdue work of this goal forward (one reason)",
            Command::SetTarget => "set the target: a day, Q2 2027, FY2027 or later",
            Command::Settings => "settings: name, currency, fiscal year, day order",
            Command::MarkReviewed => "mark reviewed (back when something changes)",
            Command::MarkGroupReviewed => {
                "mark the whole group reviewed (all overdue, all stale …; one undo)"
            }
            Command::AddCheckIn => "record a relationship check-in",
            Command::Reopen => "reopen: back on the board",
            Command::SayWhy => "say why the card just slipped (kept in its target log)",
            Command::Export => "export: HTML, Markdown, CSV or JSON (P: public)",
            Command::Snapshot => "take a dated snapshot (for \"what changed since\")",
            Command::Changes => "what changed since the last snapshot",
            Command::NextTheme => "next theme: dark, light, high contrast, colour-blind, mono",
            Command::Help => "this help",
            Command::Close => "close",
            Command::Yes => "yes / choose",
            Command::No => "no",
            Command::KeepMine => "keep mine (theirs is saved aside)",
            Command::TakeTheirs => "take theirs (mine is saved aside)",
            Command::DecideLater => "decide later (read-only until then)",
            Command::MergeBoth => "merge both by item (fields changed both ways are listed)",
            Command::Roadmaps => "roadmaps in this folder: switch to another",
            Command::Portfolio => "portfolio: all units against the company goals (read-only)",
            Command::MergeConflicts => "merge conflicts: both values, settle each",
            Command::SettleMine => "keep your value (the other goes)",
            Command::SettleTheirs => "take their value (yours goes)",
            Command::Quit => "save and quit",
        }
    }
}
