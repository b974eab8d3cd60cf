//! Commands and the key bindings that trigger them. The help overlay and the hint line are
//! generated from the live keymap, so they always tell the truth.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
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
    /// Save and quit.
    Quit,
}

impl Command {
    /// True for commands that change the roadmap (refused in read-only mode).
    pub fn changes_roadmap(self) -> bool {
        matches!(
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
                | Command::LinkGoals
                | Command::AddRisk
                | Command::EditCase
                | Command::RecordReading
                | Command::AddKpi
                | Command::AddDeliverable
                | Command::EditNeeds
                | Command::RollForward
                | Command::RollGoalForward
                | Command::SetTarget
                | Command::Settings
                | Command::MarkReviewed
                | Command::MarkGroupReviewed
                | Command::AddCheckIn
                | Command::Reopen
                | Command::SayWhy
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
            Command::Quit => "save and quit",
        }
    }
}

/// Which set of bindings applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Context {
    /// The board and the goals pane.
    Browse,
    /// The detail popup.
    Detail,
    /// The help overlay.
    Help,
    /// A yes/no question.
    Confirm,
    /// A short list to pick from (status).
    Picker,
    /// The file changed on disk under us.
    Conflict,
    /// The list of backups.
    Backups,
    /// Presentation mode.
    Present,
    /// The decisions and action items list.
    Decisions,
    /// The alignment view.
    Alignment,
    /// The review queue.
    Review,
    /// The check-ins view.
    CheckIns,
    /// The archive.
    Archive,
}

impl Context {
    /// Every context, in help-overlay order.
    pub const ALL: [Context; 13] = [
        Context::Browse,
        Context::Alignment,
        Context::Review,
        Context::CheckIns,
        Context::Archive,
        Context::Detail,
        Context::Picker,
        Context::Help,
        Context::Confirm,
        Context::Conflict,
        Context::Backups,
        Context::Present,
        Context::Decisions,
    ];

    /// Heading in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Browse => "Board",
            Context::Detail => "Detail",
            Context::Help => "Help",
            Context::Confirm => "Questions",
            Context::Picker => "Status picker",
            Context::Conflict => "File changed on disk",
            Context::Backups => "Backups",
            Context::Present => "Presentation",
            Context::Decisions => "Decisions and actions",
            Context::Alignment => "Alignment",
            Context::Review => "Review",
            Context::CheckIns => "Check-ins",
            Context::Archive => "Archive",
        }
    }
}

/// A key with its modifiers; Shift is folded into the character for letter keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt, Shift (Shift only for non-character keys).
    pub mods: KeyModifiers,
}

impl Chord {
    /// A chord from a key event, normalised so `Shift+h` and `H` are the same chord.
    pub fn from_event(key: KeyEvent) -> Self {
        let mods =
            key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        match key.code {
            KeyCode::Char(c) => Chord {
                code: KeyCode::Char(c),
                mods: mods - KeyModifiers::SHIFT,
            },
            KeyCode::BackTab => Chord {
                code: KeyCode::BackTab,
                mods: mods - KeyModifiers::SHIFT,
            },
            code => Chord { code, mods },
        }
    }

    /// How the key is written in help and hints, e.g. `Shift-←`, `Ctrl-z`, `PgDn`.
    pub fn label(self) -> String {
        let key = match self.code {
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Delete => "Del".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            out.push_str("Shift-");
        }
        out.push_str(&key);
        out
    }
}

/// The bindings in force, in the order help lists them.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Context, Chord, Command)>,
}

fn key(code: KeyCode) -> Chord {
    Chord {
        code,
        mods: KeyModifiers::NONE,
    }
}

fn ch(c: char) -> Chord {
    key(KeyCode::Char(c))
}

fn ctrl(c: char) -> Chord {
    Chord {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

fn shift(code: KeyCode) -> Chord {
    Chord {
        code,
        mods: KeyModifiers::SHIFT,
    }
}

/// Commands of one context with their keys.
type Group = Vec<(Command, Vec<Chord>)>;

impl Default for Keymap {
    fn default() -> Self {
        use Command::*;
        use Context::{Browse, Confirm, Detail};
        use KeyCode as K;
        let browse = [
            (Up, vec![key(K::Up), ch('k')]),
            (Down, vec![key(K::Down), ch('j')]),
            (Left, vec![key(K::Left), ch('h')]),
            (Right, vec![key(K::Right), ch('l')]),
            (PageUp, vec![key(K::PageUp)]),
            (PageDown, vec![key(K::PageDown)]),
            (First, vec![key(K::Home), ch('g')]),
            (Last, vec![key(K::End), ch('G')]),
            (SwitchPane, vec![key(K::Tab), key(K::BackTab)]),
            (Open, vec![key(K::Enter)]),
            (Edit, vec![ch('e')]),
            (AddInitiative, vec![ch('a')]),
            (AddGoal, vec![ch('A')]),
            (Capture, vec![ch('c')]),
            (MoveEarlier, vec![ch('H'), shift(K::Left)]),
            (MoveLater, vec![ch('L'), shift(K::Right)]),
            (SetTarget, vec![ch('T')]),
            (Settings, vec![ch(',')]),
            (ReorderUp, vec![ch('K'), shift(K::Up)]),
            (ReorderDown, vec![ch('J'), shift(K::Down)]),
            (SetStatus, vec![ch('s')]),
            (MarkDone, vec![ch('x')]),
            (Delete, vec![ch('d'), key(K::Delete)]),
            (Undo, vec![ch('u'), ctrl('z')]),
            (Redo, vec![ctrl('r'), ctrl('y')]),
            (LoadSample, vec![ch('o')]),
            (Backups, vec![ch('B')]),
            (Search, vec![ch('/')]),
            (NextMatch, vec![ch('n')]),
            (PreviousMatch, vec![ch('N')]),
            (Filter, vec![ch('f')]),
            (ClearFilters, vec![ch('F')]),
            (NextTheme, vec![ch('t')]),
            (TogglePublic, vec![ch('P')]),
            (Present, vec![ch('p')]),
            (Recap, vec![ch('R')]),
            (Alignment, vec![ch('2')]),
            (Review, vec![ch('3')]),
            (Decisions, vec![ch('4')]),
            (CheckIns, vec![ch('5')]),
            (Archive, vec![ch('6')]),
            (SayWhy, vec![ch('y')]),
            (Export, vec![ch('E')]),
            (Snapshot, vec![ch('S')]),
            (Changes, vec![ch('D')]),
            (LinkGoals, vec![ch('#')]),
            (AddRisk, vec![ch('r')]),
            (EditCase, vec![ch('b')]),
            (AddDeliverable, vec![ch('w')]),
            (RecordReading, vec![ch('m')]),
            (AddKpi, vec![ch('i')]),
            (Command::Help, vec![ch('?')]),
            (Quit, vec![ch('q'), ctrl('c')]),
        ];
        let alignment = [
            (Up, vec![key(K::Up), ch('k')]),
            (Down, vec![key(K::Down), ch('j')]),
            (PageUp, vec![key(K::PageUp)]),
            (PageDown, vec![key(K::PageDown)]),
            (First, vec![key(K::Home), ch('g')]),
            (Last, vec![key(K::End), ch('G')]),
            (NextTab, vec![key(K::Tab)]),
            (PreviousTab, vec![key(K::BackTab)]),
            (Left, vec![key(K::Left), ch('h')]),
            (Right, vec![key(K::Right), ch('l')]),
            (MatrixView, vec![ch('v')]),
            (Open, vec![key(K::Enter)]),
            (Edit, vec![ch('e')]),
            (LinkGoals, vec![ch('#')]),
            (AddRisk, vec![ch('r')]),
            (EditCase, vec![ch('b')]),
            (AddDeliverable, vec![ch('w')]),
            (RecordReading, vec![ch('m')]),
            (AddKpi, vec![ch('i')]),
            (EditNeeds, vec![ch('n')]),
            (Board, vec![ch('1'), key(K::Esc)]),
            (Review, vec![ch('3')]),
            (Decisions, vec![ch('4')]),
            (CheckIns, vec![ch('5')]),
            (Archive, vec![ch('6')]),
            (Undo, vec![ch('u'), ctrl('z')]),
            (Redo, vec![ctrl('r'), ctrl('y')]),
            (TogglePublic, vec![ch('P')]),
            (NextTheme, vec![ch('t')]),
            (Command::Help, vec![ch('?')]),
            (Quit, vec![ch('q'), ctrl('c')]),
        ];
        let review = [
            (Up, vec![key(K::Up), ch('k')]),
            (Down, vec![key(K::Down), ch('j')]),
            (First, vec![key(K::Home), ch('g')]),
            (Last, vec![key(K::End), ch('G')]),
            (Open, vec![key(K::Enter)]),
            (Edit, vec![ch('e')]),
            (MarkReviewed, vec![ch(' ')]),
            (MarkGroupReviewed, vec![ch('V')]),
            (RollForward, vec![ch('f')]),
            (RollGoalForward, vec![ch('F')]),
            (SetTarget, vec![ch('T')]),
            (MarkDone, vec![ch('x')]),
            (SetStatus, vec![ch('s')]),
            (LinkGoals, vec![ch('#')]),
            (RecordReading, vec![ch('m')]),
            (AddRisk, vec![ch('r')]),
            (EditCase, vec![ch('b')]),
            (AddCheckIn, vec![ch('c')]),
            (Board, vec![ch('1'), key(K::Esc)]),
            (Alignment, vec![ch('2')]),
            (Decisions, vec![ch('4')]),
            (CheckIns, vec![ch('5')]),
            (Archive, vec![ch('6')]),
            (Undo, vec![ch('u'), ctrl('z')]),
            (Redo, vec![ctrl('r'), ctrl('y')]),
            (TogglePublic, vec![ch('P')]),
            (NextTheme, vec![ch('t')]),
            (Command::Help, vec![ch('?')]),
            (Quit, vec![ch('q'), ctrl('c')]),
        ];
        let checkins = [
            (Up, vec![key(K::Up), ch('k')]),
            (Down, vec![key(K::Down), ch('j')]),
            (AddCheckIn, vec![ch('a'), ch('c')]),
            (Edit, vec![ch('e'), key(K::Enter)]),
            (Board, vec![ch('1'), key(K::Esc)]),
            (Alignment, vec![ch('2')]),
            (Review, vec![ch('3')]),
            (Decisions, vec![ch('4')]),
            (Archive, vec![ch('6')]),
            (Undo, vec![ch('u'), ctrl('z')]),
            (Redo, vec![ctrl('r'), ctrl('y')]),
            (TogglePublic, vec![ch('P')]),
            (NextTheme, vec![ch('t')]),
            (Command::Help, vec![ch('?')]),
            (Quit, vec![ch('q'), ctrl('c')]),
        ];
        let archive = [
            (Up, vec![key(K::Up), ch('k')]),
            (Down, vec![key(K::Down), ch('j')]),
            (PageUp, vec![key(K::PageUp)]),
            (PageDown, vec![key(K::PageDown)]),
            (First, vec![key(K::Home), ch('g')]),
            (Last, vec![key(K::End), ch('G')]),
            (Open, vec![key(K::Enter)]),
            (Reopen, vec![ch('o')]),
            (Board, vec![ch('1'), key(K::Esc)]),
            (Alignment, vec![ch('2')]),
            (Review, vec![ch('3')]),
            (Decisions, vec![ch('4')]),
            (CheckIns, vec![ch('5')]),
            (Undo, vec![ch('u'), ctrl('z')]),
            (Redo, vec![ctrl('r'), ctrl('y')]),
            (TogglePublic, vec![ch('P')]),
            (NextTheme, vec![ch('t')]),
            (Command::Help, vec![ch('?')]),
            (Quit, vec![ch('q'), ctrl('c')]),
        ];
        let detail = [
            (Close, vec![key(K::Esc), key(K::Enter)]),
            (Up, vec![key(K::Up), ch('k')]),
            (Down, vec![key(K::Down), ch('j')]),
            (Edit, vec![ch('e')]),
            (LinkGoals, vec![ch('#')]),
            (AddRisk, vec![ch('r')]),
            (EditCase, vec![ch('b')]),
            (AddDeliverable, vec![ch('w')]),
            (RecordReading, vec![ch('m')]),
            (AddKpi, vec![ch('i')]),
            (EditNeeds, vec![ch('n')]),
            (Delete, vec![ch('d'), key(K::Delete)]),
            (Command::Help, vec![ch('?')]),
            (Quit, vec![ch('q'), ctrl('c')]),
        ];
        let help = [
            (Close, vec![key(K::Esc), ch('?'), key(K::Enter)]),
            (Up, vec![key(K::Up), ch('k')]),
            (Down, vec![key(K::Down), ch('j')]),
            (PageUp, vec![key(K::PageUp)]),
            (PageDown, vec![key(K::PageDown)]),
            (Quit, vec![ch('q'), ctrl('c')]),
        ];
        let confirm = [
            (Yes, vec![ch('y'), key(K::Enter)]),
            (No, vec![ch('n'), key(K::Esc)]),
            (Quit, vec![ctrl('c')]),
        ];
        let picker = [
            (Up, vec![key(K::Up), ch('k')]),
            (Down, vec![key(K::Down), ch('j')]),
            (First, vec![key(K::Home), ch('g')]),
            (Last, vec![key(K::End), ch('G')]),
            (Yes, vec![key(K::Enter)]),
            (Close, vec![key(K::Esc)]),
            (Quit, vec![ctrl('c')]),
        ];
        let conflict = [
            (KeepMine, vec![ch('m')]),
            (TakeTheirs, vec![ch('t')]),
            (DecideLater, vec![ch('c'), key(K::Esc)]),
            (Quit, vec![ctrl('c')]),
        ];
        let backups = [
            (Up, vec![key(K::Up), ch('k')]),
            (Down, vec![key(K::Down), ch('j')]),
            (Yes, vec![key(K::Enter)]),
            (Close, vec![key(K::Esc), ch('B')]),
            (Quit, vec![ch('q'), ctrl('c')]),
        ];
        let present = [
            (
                Right,
                vec![key(K::Right), ch('l'), ch(' '), key(K::PageDown)],
            ),
            (Left, vec![key(K::Left), ch('h'), key(K::PageUp)]),
            (First, vec![key(K::Home), ch('g')]),
            (Last, vec![key(K::End), ch('G')]),
            (NextTheme, vec![ch('t')]),
            (Close, vec![key(K::Esc), ch('p')]),
            (Quit, vec![ch('q'), ctrl('c')]),
        ];
        let decisions = [
            (Up, vec![key(K::Up), ch('k')]),
            (Down, vec![key(K::Down), ch('j')]),
            (MarkDone, vec![ch('x'), ch(' ')]),
            (Close, vec![key(K::Esc), ch('1'), ch('4')]),
            (Quit, vec![ch('q'), ctrl('c')]),
        ];
        let mut bindings = Vec::new();
        let groups: [(Context, Group); 13] = [
            (Browse, browse.to_vec()),
            (Context::Alignment, alignment.to_vec()),
            (Context::Review, review.to_vec()),
            (Context::CheckIns, checkins.to_vec()),
            (Context::Archive, archive.to_vec()),
            (Detail, detail.to_vec()),
            (Context::Picker, picker.to_vec()),
            (Context::Help, help.to_vec()),
            (Confirm, confirm.to_vec()),
            (Context::Conflict, conflict.to_vec()),
            (Context::Backups, backups.to_vec()),
            (Context::Present, present.to_vec()),
            (Context::Decisions, decisions.to_vec()),
        ];
        for (context, group) in groups {
            for (command, chords) in group {
                for chord in chords {
                    bindings.push((context, chord, command));
                }
            }
        }
        Keymap { bindings }
    }
}

impl Keymap {
    /// Gives `command` exactly these keys in `context` (replacing its defaults there).
    pub fn rebind(&mut self, context: Context, command: Command, chords: Vec<Chord>) {
        let at = self
            .bindings
            .iter()
            .position(|(ctx, _, cmd)| *ctx == context && *cmd == command);
        self.bindings
            .retain(|(ctx, _, cmd)| !(*ctx == context && *cmd == command));
        let at = at.unwrap_or(self.bindings.len()).min(self.bindings.len());
        for (offset, chord) in chords.into_iter().enumerate() {
            self.bindings.insert(at + offset, (context, chord, command));
        }
    }

    /// The command a key triggers in a context, if any.
    pub fn resolve(&self, context: Context, key: KeyEvent) -> Option<Command> {
        let chord = Chord::from_event(key);
        self.bindings
            .iter()
            .find(|(ctx, c, _)| *ctx == context && *c == chord)
            .map(|(_, _, command)| *command)
    }

    /// The keys bound to a command in a context, in binding order.
    pub fn keys(&self, context: Context, command: Command) -> Vec<Chord> {
        self.bindings
            .iter()
            .filter(|(ctx, _, cmd)| *ctx == context && *cmd == command)
            .map(|(_, chord, _)| *chord)
            .collect()
    }

    /// The commands of a context in binding order, each once, with their keys.
    pub fn entries(&self, context: Context) -> Vec<(Command, Vec<Chord>)> {
        let mut out: Vec<(Command, Vec<Chord>)> = Vec::new();
        for (ctx, chord, command) in &self.bindings {
            if *ctx != context {
                continue;
            }
            match out.iter_mut().find(|(c, _)| c == command) {
                Some((_, chords)) => chords.push(*chord),
                None => out.push((*command, vec![*chord])),
            }
        }
        out
    }

    /// Every (context, chord) bound to more than one command: must be empty.
    pub fn collisions(&self) -> Vec<(Context, Chord)> {
        let mut seen = std::collections::HashSet::new();
        self.bindings
            .iter()
            .filter(|(ctx, chord, _)| !seen.insert((*ctx, *chord)))
            .map(|(ctx, chord, _)| (*ctx, *chord))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_bindings_never_collide_within_a_context() {
        assert_eq!(Keymap::default().collisions(), vec![]);
    }

    #[test]
    fn shifted_letters_and_shift_arrows_resolve() {
        let map = Keymap::default();
        let shifted_h = KeyEvent::new(KeyCode::Char('H'), KeyModifiers::SHIFT);
        assert_eq!(
            map.resolve(Context::Browse, shifted_h),
            Some(Command::MoveEarlier)
        );
        let shift_right = KeyEvent::new(KeyCode::Right, KeyModifiers::SHIFT);
        assert_eq!(
            map.resolve(Context::Browse, shift_right),
            Some(Command::MoveLater)
        );
        let plain_right = KeyEvent::new(KeyCode::Right, KeyModifiers::NONE);
        assert_eq!(
            map.resolve(Context::Browse, plain_right),
            Some(Command::Right)
        );
        let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
        assert_eq!(map.resolve(Context::Browse, ctrl_z), Some(Command::Undo));
        assert_eq!(map.resolve(Context::Confirm, ctrl_z), None);
    }

    #[test]
    fn labels_read_like_keys() {
        assert_eq!(shift(KeyCode::Left).label(), "Shift-←");
        assert_eq!(ctrl('r').label(), "Ctrl-r");
        assert_eq!(key(KeyCode::PageDown).label(), "PgDn");
    }
}
