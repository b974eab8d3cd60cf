//! Commands that open the forms for what hangs off an item: goal links, risks, the business
//! case, deliverables, KPIs and their readings. A list to pick from comes first when there is
//! something to edit; "New …" is always its first entry.

use super::forms::fields::Applied;
use super::forms::{FieldName, Form, FormTarget};
use super::{App, Command, Item, Mode};
use crate::domain::{GoalId, InitiativeId};

/// What choosing in a pick list opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickFor {
    /// A risk form of this initiative.
    Risk(InitiativeId),
    /// A KPI form of this goal.
    Kpi(GoalId),
    /// A deliverable form of this initiative.
    Deliverable(InitiativeId),
    /// Toggles "this initiative needs that one" (the list stays open).
    Needs(InitiativeId),
    /// Moves initiatives to the chosen later horizon or an exact date (a recorded slip).
    RollForward {
        /// What moves.
        ids: Vec<InitiativeId>,
        /// The goal whose overdue work this is, when rolled forward together.
        goal: Option<GoalId>,
    },
    /// Writes an export in the chosen format.
    Export,
}

/// What an option of a pick list stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickKey {
    /// A new entry (the "New …" option).
    New,
    /// An existing risk or KPI, by its id.
    Entry(String),
    /// An existing deliverable, by its place in the list.
    At(usize),
    /// Another initiative (what this one needs).
    Initiative(InitiativeId),
    /// An export format.
    Format(crate::export::Format),
    /// Roll forward to where this horizon lands.
    Horizon(crate::domain::Horizon),
    /// Roll forward to a date asked for next.
    ExactDate,
    /// The minutes of this session.
    Minutes,
    /// The review report.
    Report,
}

/// A short list to choose from: "New …" first, then the existing entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    /// Popup title, e.g. "Risks of Patch the VPN gateways".
    pub title: String,
    /// What a choice opens.
    pub purpose: PickFor,
    /// Labels, top to bottom.
    pub options: Vec<String>,
    /// What each label stands for.
    pub keys: Vec<PickKey>,
    /// The highlighted option.
    pub selected: usize,
}

impl App {
    /// Runs a command that opens one of these forms, for `item` (the selection or the detail).
    pub(super) fn attach_command(&mut self, command: Command, item: Option<Item>) {
        let Some(item) = item else {
            return self.info("Select an initiative or a goal first.");
        };
        match (command, &item) {
            (Command::LinkGoals, Item::Initiative(_)) => {
                self.open_form_for(&item);
                if let Mode::Form(form) = &mut self.mode {
                    form.focus_field(FieldName::Goals);
                }
            }
            (Command::AddRisk, Item::Initiative(id)) => self.pick_risk(id),
            (Command::EditCase, Item::Initiative(id)) => self.open_case(id),
            (Command::AddDeliverable, Item::Initiative(id)) => self.pick_deliverable(id),
            (Command::EditNeeds, Item::Initiative(id)) => self.pick_needs(id, 0),
            (Command::RecordReading, Item::Goal(id)) => self.open_reading(id),
            (Command::AddKpi, Item::Goal(id)) => self.pick_kpi(id),
            (Command::RecordReading | Command::AddKpi, Item::Initiative(_)) => {
                self.info(if self.view.screen == super::Screen::Board {
                    "KPIs belong to goals: select a goal (Tab to the goals pane)."
                } else {
                    "KPIs belong to goals: select a goal's row (the Goals & KPIs tab lists them)."
                });
            }
            (_, Item::Goal(_)) => {
                self.info("That belongs to an initiative: select a card first.");
            }
            _ => {}
        }
    }

    fn show_form(&mut self, form: Form) {
        let form = if self.view.public {
            form.without_internal()
        } else {
            form
        };
        self.mode = Mode::Form(Box::new(form));
    }

    fn pick_or_open(&mut self, pick: Pick) {
        if pick.options.len() == 1 {
            return self.open_picked(&pick.purpose, &PickKey::New);
        }
        self.mode = Mode::Pick(pick);
    }

    fn pick_risk(&mut self, id: &InitiativeId) {
        let Some(i) = self.roadmap.initiative(id) else {
            return;
        };
        let public = self.view.public;
        let risks = i.risks.iter().filter(|r| !(public && r.confidential));
        let (mut options, mut keys) = (vec!["New risk…".to_string()], vec![PickKey::New]);
        for r in risks {
            options.push(format!(
                "{:>2}  {} · {}",
                r.severity(),
                r.title,
                r.status.label()
            ));
            keys.push(PickKey::Entry(r.id.clone()));
        }
        self.pick_or_open(Pick {
            title: format!("Risks of \"{}\"", i.title),
            purpose: PickFor::Risk(id.clone()),
            options,
            keys,
            selected: 0,
        });
    }

    fn pick_deliverable(&mut self, id: &InitiativeId) {
        let Some(i) = self.roadmap.initiative(id) else {
            return;
        };
        let (mut options, mut keys) = (vec!["New deliverable…".to_string()], vec![PickKey::New]);
        for (n, d) in i.deliverables.iter().enumerate() {
            let done = if d.done { "✓ " } else { "" };
            options.push(format!(
                "{} · {done}{}",
                d.date.format("%-d %b %Y"),
                d.title
            ));
            keys.push(PickKey::At(n));
        }
        self.pick_or_open(Pick {
            title: format!("Deliverables of \"{}\"", i.title),
            purpose: PickFor::Deliverable(id.clone()),
            options,
            keys,
            selected: 0,
        });
    }

    /// The other initiatives, active ones first by target, ticked when `id` needs them.
    fn pick_needs(&mut self, id: &InitiativeId, selected: usize) {
        let Some(i) = self.roadmap.initiative(id) else {
            return;
        };
        let mut others: Vec<_> = self
            .roadmap
            .initiatives
            .iter()
            .filter(|o| &o.id != id && (o.status.is_active() || i.needs.contains(&o.id)))
            .collect();
        others.sort_by_key(|o| (o.target, o.title.clone()));
        if others.is_empty() {
            return self.info("There is no other active initiative to depend on.");
        }
        let (mut options, mut keys) = (Vec::new(), Vec::new());
        for o in others {
            let tick = if i.needs.contains(&o.id) {
                "[x]"
            } else {
                "[ ]"
            };
            let late = if i.needs.contains(&o.id) && o.target.is_later_than(&i.target) {
                " · planned later!"
            } else {
                ""
            };
            options.push(format!(
                "{tick} {} ({}){late}",
                o.title,
                o.target.in_words()
            ));
            keys.push(PickKey::Initiative(o.id.clone()));
        }
        self.mode = Mode::Pick(Pick {
            title: format!("\"{}\" needs first (Enter ticks)", i.title),
            purpose: PickFor::Needs(id.clone()),
            options,
            keys,
            selected,
        });
    }

    fn toggle_need(&mut self, id: &InitiativeId, other: &InitiativeId, selected: usize) {
        if self.session.read_only.is_some() {
            return self.error("Read-only: nothing can be changed here (the top line says why).");
        }
        let other = other.clone();
        let Some(i) = self.roadmap.initiative(id) else {
            return;
        };
        let adding = !i.needs.contains(&other);
        let mut next = self.roadmap.clone();
        if let Some(i) = next.initiative_mut(id) {
            if adding {
                i.needs.push(other.clone());
            } else {
                i.needs.retain(|n| n != &other);
            }
        }
        let name = |r: &crate::domain::Roadmap, x: &InitiativeId| {
            r.initiative(x).map(|i| i.title.clone()).unwrap_or_default()
        };
        if crate::domain::validate::dependency_cycle(&next).is_some() {
            self.error(format!(
                "Not added: \"{}\" already needs \"{}\" (directly or through others): \
                 that would be a circle.",
                name(&next, &other),
                name(&next, id)
            ));
            return self.pick_needs(id, selected);
        }
        let what = if adding {
            format!("\"{}\" needs \"{}\"", name(&next, id), name(&next, &other))
        } else {
            format!(
                "\"{}\" no longer needs \"{}\"",
                name(&next, id),
                name(&next, &other)
            )
        };
        self.change(what, |r, _, _| *r = next);
        self.pick_needs(id, selected);
    }

    fn pick_kpi(&mut self, id: &GoalId) {
        let Some(g) = self.roadmap.goal(id) else {
            return;
        };
        let public = self.view.public;
        let (mut options, mut keys) = (vec!["New KPI…".to_string()], vec![PickKey::New]);
        for k in g.kpis.iter().filter(|k| !(public && k.confidential)) {
            options.push(k.label());
            keys.push(PickKey::Entry(k.id.clone()));
        }
        self.pick_or_open(Pick {
            title: format!("KPIs of {}", g.code),
            purpose: PickFor::Kpi(id.clone()),
            options,
            keys,
            selected: 0,
        });
    }

    fn open_case(&mut self, id: &InitiativeId) {
        let Some(i) = self.roadmap.initiative(id) else {
            return;
        };
        if self.view.public && i.case.confidential {
            return self.info("This business case is confidential: P leaves the public view.");
        }
        let form = Form::case(i, self.today);
        self.show_form(form);
    }

    fn open_reading(&mut self, id: &GoalId) {
        let Some(g) = self.roadmap.goal(id) else {
            return;
        };
        if g.kpis.is_empty() {
            let key = self.key_label(super::Context::Browse, Command::AddKpi);
            return self.info(format!(
                "{} has no KPI yet: press {key} to add one.",
                g.code
            ));
        }
        // Start on the KPI measured longest ago: the one most likely due a reading.
        let stalest = g
            .kpis
            .iter()
            .enumerate()
            .filter(|(_, k)| !(self.view.public && k.confidential))
            .min_by_key(|(_, k)| k.latest().map(|r| r.on))
            .map_or(0, |(n, _)| n);
        let form = Form::reading(g, stalest, self.today);
        self.show_form(form);
    }

    /// Opens the form for a pick-list choice.
    pub(super) fn open_picked(&mut self, purpose: &PickFor, key: &PickKey) {
        let entry = match key {
            PickKey::Entry(id) => Some(id),
            _ => None,
        };
        let today = self.today;
        let form = match purpose {
            PickFor::Risk(id) => {
                let existing = self
                    .roadmap
                    .initiative(id)
                    .and_then(|i| i.risks.iter().find(|r| Some(&r.id) == entry));
                Form::risk(id, existing, today)
            }
            PickFor::Kpi(id) => {
                let existing = self
                    .roadmap
                    .goal(id)
                    .and_then(|g| g.kpis.iter().find(|k| Some(&k.id) == entry));
                Form::kpi(id, existing, today)
            }
            PickFor::Deliverable(id) => {
                let Some(i) = self.roadmap.initiative(id) else {
                    return;
                };
                let index = match key {
                    PickKey::At(n) => Some(*n),
                    _ => None,
                };
                Form::deliverable(i, index, today)
            }
            PickFor::Needs(_) | PickFor::RollForward { .. } | PickFor::Export => return,
        };
        self.show_form(form);
    }

    /// Handles a key-command in a pick list.
    pub(super) fn pick_command(&mut self, command: Command) {
        let Mode::Pick(pick) = &mut self.mode else {
            return;
        };
        let page = self.view.metrics.page;
        if let Some(to) = super::selection::step(pick.selected, pick.options.len(), page, command) {
            pick.selected = to;
            return;
        }
        match command {
            Command::Yes => {
                let purpose = pick.purpose.clone();
                let key = pick
                    .keys
                    .get(pick.selected)
                    .cloned()
                    .unwrap_or(PickKey::New);
                let selected = pick.selected;
                match (&purpose, &key) {
                    (PickFor::Needs(id), PickKey::Initiative(other)) => {
                        self.toggle_need(id, other, selected);
                    }
                    (PickFor::Export, PickKey::Format(format)) => {
                        self.mode = Mode::Browse;
                        self.effects.push(super::Effect::Export(*format));
                    }
                    (PickFor::Export, PickKey::Minutes) => {
                        self.mode = Mode::Browse;
                        self.write_minutes();
                    }
                    (PickFor::Export, PickKey::Report) => {
                        self.mode = Mode::Browse;
                        self.write_report();
                    }
                    (PickFor::RollForward { ids, .. }, PickKey::ExactDate) => {
                        self.mode = Mode::Browse;
                        self.open_retarget(ids.clone());
                    }
                    (PickFor::RollForward { ids, goal }, PickKey::Horizon(horizon)) => {
                        self.picked_roll_forward(ids, goal.as_ref(), *horizon);
                    }
                    (PickFor::Needs(_) | PickFor::Export | PickFor::RollForward { .. }, _) => {}
                    (_, key) => self.open_picked(&purpose, key),
                }
            }
            Command::Close => self.mode = self.resume.take().unwrap_or(Mode::Browse),
            _ => {}
        }
    }

    /// Writes one of these forms into the roadmap as one undoable step.
    pub(super) fn apply_entry_form(&mut self, form: &Form) {
        let mut next = self.roadmap.clone();
        let Some(what) = form.apply_entry(&mut next, &mut self.ids) else {
            if matches!(
                form.target,
                FormTarget::SlipReason(_) | FormTarget::SlipReasons(_)
            ) {
                return; // nothing said: nothing to keep
            }
            return self.error("That item no longer exists (changed elsewhere?): nothing saved.");
        };
        let what = match what {
            Applied::Said(sentence) => sentence,
            Applied::Item(item) if form.target.is_new() => format!("Added {item}"),
            Applied::Item(item) => format!("Saved {item}"),
        };
        if next == self.roadmap {
            return self.info("Nothing changed.");
        }
        self.change(what, |r, _, _| *r = next);
    }
}
