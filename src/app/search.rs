//! Search (`/`, `n`, `N`) and filter (`f`, `F`): a one-line prompt applied as you type.
//! Search highlights and steps through matching cards; a filter hides the others.

use super::{App, Mode};
use crate::domain::query::Query;
use crate::domain::{Horizon, InitiativeId};
use crossterm::event::{Event, KeyCode, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

/// Which prompt is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// Find cards by their words.
    Search,
    /// Show only the cards that match.
    Filter,
}

/// An active search or filter: what was typed and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Active {
    /// The text as typed.
    pub text: String,
    /// Its meaning.
    pub query: Query,
}

/// The open prompt.
#[derive(Debug, Clone)]
pub struct Prompt {
    /// Search or filter.
    pub kind: PromptKind,
    /// What is typed.
    pub input: Input,
    /// Why the text is not a valid query (the last valid one stays applied).
    pub error: Option<String>,
    /// What was active before, restored by Esc.
    before: Option<Active>,
    /// The card selected before, selected again by Esc.
    origin: Option<InitiativeId>,
}

impl App {
    /// Opens the search or filter prompt, starting from what is active.
    pub(super) fn open_prompt(&mut self, kind: PromptKind) {
        let before = match kind {
            PromptKind::Search => self.view.search.clone(),
            PromptKind::Filter => self.view.filter.clone(),
        };
        // A new search starts empty (Esc brings the old one back); a filter opens to refine.
        let start = match kind {
            PromptKind::Search => String::new(),
            PromptKind::Filter => before
                .as_ref()
                .map(|a| format!("{} ", a.text))
                .unwrap_or_default(),
        };
        let input = Input::new(start);
        let origin = self.selected_initiative().map(|i| i.id.clone());
        self.mode = Mode::Prompt(Box::new(Prompt {
            kind,
            input,
            error: None,
            before,
            origin,
        }));
    }

    /// Handles a key in the prompt, applying the query as it is typed.
    pub(super) fn prompt_key(&mut self, key: KeyEvent) {
        let Mode::Prompt(prompt) = &mut self.mode else {
            return;
        };
        let kind = prompt.kind;
        match key.code {
            KeyCode::Enter => {
                self.mode = Mode::Browse;
                self.describe_active(kind);
                self.back_from_prompt();
                return;
            }
            KeyCode::Esc => {
                let (before, origin) = (prompt.before.clone(), prompt.origin.clone());
                self.mode = Mode::Browse;
                self.apply(kind, before);
                if let Some(id) = origin {
                    self.select_initiative(&id);
                }
                self.info("Cancelled; nothing changed.");
                self.back_from_prompt();
                return;
            }
            _ => {
                if let Some(request) = to_input_request(&Event::Key(key)) {
                    prompt.input.handle(request);
                }
            }
        }
        let text = prompt.input.value().to_string();
        match Query::parse(&text, &self.roadmap) {
            Ok(query) => {
                prompt.error = None;
                let active = (!query.is_empty()).then_some(Active { text, query });
                self.apply(kind, active);
                if kind == PromptKind::Search {
                    self.jump_to_match(true, true);
                }
            }
            Err(e) => prompt.error = Some(e),
        }
    }

    /// A prompt opened from the decisions view goes back to it (the filter narrows it too).
    fn back_from_prompt(&mut self) {
        if let Some(Mode::Decisions { selected }) = self.resume.take() {
            self.back_to_decisions(None, selected);
            // Say what the filter leaves in this view, not on the board.
            if let Some(filter) = &self.view.filter {
                let text = filter.text.clone();
                let decisions = self.listed_decisions().len();
                let actions = self.listed_actions().len();
                let clear = self.key_label(super::Context::Decisions, super::Command::ClearFilters);
                self.info(format!(
                    "{} and {} match {text} ({clear} shows all)",
                    crate::domain::counted(decisions, "decision", "decisions"),
                    crate::domain::counted(actions, "action", "actions"),
                ));
            }
        }
    }

    pub(super) fn apply(&mut self, kind: PromptKind, active: Option<Active>) {
        let selected = self.selected_initiative().map(|i| i.id.clone());
        self.derived.lists.matches = std::sync::OnceLock::new();
        match kind {
            PromptKind::Search => self.view.search = active,
            PromptKind::Filter => {
                self.view.filter = active;
                self.refilter();
                if let Some(id) = selected {
                    self.select_initiative(&id);
                }
            }
        }
    }

    fn describe_active(&mut self, kind: PromptKind) {
        let shown: usize = self.derived.columns.iter().map(Vec::len).sum();
        match (kind, &self.view.search, &self.view.filter) {
            (PromptKind::Search, Some(active), _) => {
                let n = self.matches().len();
                self.info(format!(
                    "{n} card(s) match \"{}\": n next, N previous",
                    active.text
                ));
            }
            (PromptKind::Filter, _, Some(active)) => {
                self.info(format!(
                    "Showing {shown} card(s) for {}: F clears",
                    active.text
                ));
            }
            _ => self.info("Nothing to find or filter."),
        }
    }

    /// Clears the filter and the search.
    pub(super) fn clear_filters(&mut self) {
        let had = self.view.filter.is_some() || self.view.search.is_some();
        self.view.search = None;
        self.apply(PromptKind::Filter, None);
        self.info(if had {
            "Filters and search cleared: every card is shown."
        } else {
            "No filter is set."
        });
    }

    /// Board cards matching the search, in board order (column by column, top to bottom);
    /// worked out once per search and change.
    pub fn matches(&self) -> &[(usize, usize)] {
        let Some(active) = &self.view.search else {
            return &[];
        };
        self.derived.lists.matches.get_or_init(|| {
            let folded = self.folded();
            let matcher = active.query.matcher();
            let mut out = Vec::new();
            for (column, indices) in self.derived.columns.iter().enumerate() {
                for (pos, index) in indices.iter().enumerate() {
                    let initiative = &self.roadmap.initiatives[*index];
                    if matcher.matches(initiative, &folded[*index], !self.view.public) {
                        out.push((column, pos));
                    }
                }
            }
            out
        })
    }

    /// True when this initiative matches the active search (never by its notes in the
    /// public view).
    pub fn is_match(&self, id: &InitiativeId) -> bool {
        self.view.search.as_ref().is_some_and(|a| {
            self.roadmap
                .initiative(id)
                .is_some_and(|i| a.query.matches_with(i, !self.view.public))
        })
    }

    /// Selects the next (or previous) matching card; `inclusive` allows the current one.
    pub(super) fn jump_to_match(&mut self, forward: bool, inclusive: bool) {
        let matches = self.matches();
        let Some(active) = &self.view.search else {
            return self.info("No search yet: press / to find cards.");
        };
        if matches.is_empty() {
            let text = active.text.clone();
            return self.info(format!("No card matches \"{text}\"."));
        }
        let here = (
            self.view.column.index(),
            self.view.cursor[self.view.column.index()],
        );
        let found = if forward {
            matches
                .iter()
                .position(|m| if inclusive { *m >= here } else { *m > here })
                .unwrap_or(0)
        } else {
            matches
                .iter()
                .rposition(|m| *m < here)
                .unwrap_or(matches.len() - 1)
        };
        let (column, pos) = matches[found];
        let message = format!(
            "Match {}/{} for \"{}\"",
            found + 1,
            matches.len(),
            active.text
        );
        self.view.pane = super::Pane::Board;
        self.view.column = Horizon::from_index(column);
        self.view.cursor[column] = pos;
        self.info(message);
    }
}
