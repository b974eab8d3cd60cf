//! Deleting an initiative or a goal: the question first (for a goal, which initiatives lose
//! their link to it), then one undoable change.

use super::{App, Command, Confirm, Context, Item, Mode, Pending};

impl App {
    /// Asks before deleting `item`; for a goal, names the initiatives that lose their link.
    pub(super) fn ask_delete(&mut self, item: &Item) {
        let confirm = match item {
            Item::Initiative(id) => {
                let Some(i) = self.roadmap.initiative(id) else {
                    return;
                };
                Confirm {
                    question: format!("Delete initiative \"{}\"?", i.title),
                    details: vec![format!(
                        "You can undo this with {}.",
                        self.key_label(Context::Browse, Command::Undo)
                    )],
                    action: Pending::Delete(item.clone()),
                }
            }
            Item::Goal(id) => {
                let Some(g) = self.roadmap.goal(id) else {
                    return;
                };
                const SHOWN: usize = 8;
                let mut all: Vec<_> = self
                    .roadmap
                    .initiatives
                    .iter()
                    .filter(|i| i.serves_goal(id))
                    .collect();
                all.sort_by_key(|i| i.board_key());
                let all: Vec<&str> = all.iter().map(|i| i.title.as_str()).collect();
                let mut linked: Vec<String> =
                    all.iter().take(SHOWN).map(|t| format!("  • {t}")).collect();
                if all.len() > SHOWN {
                    linked.push(format!("  …and {} more", all.len() - SHOWN));
                }
                let mut details = if linked.is_empty() {
                    vec!["No initiative is linked to it.".to_string()]
                } else {
                    let count = crate::domain::counted(all.len(), "initiative", "initiatives");
                    let mut d = vec![format!(
                        "{count} will lose their link to {}; they stay on the roadmap:",
                        g.code
                    )];
                    d.extend(linked);
                    d
                };
                details.push(format!(
                    "You can undo this with {}.",
                    self.key_label(Context::Browse, Command::Undo)
                ));
                Confirm {
                    question: format!("Delete goal {} \"{}\"?", g.code, g.title),
                    details,
                    action: Pending::Delete(item.clone()),
                }
            }
        };
        self.mode = Mode::Confirm(confirm);
    }

    /// Deletes `item` as one undoable change (a goal's links go with it).
    pub(super) fn delete(&mut self, item: &Item) {
        match item {
            Item::Initiative(id) => {
                let title = self
                    .roadmap
                    .initiative(id)
                    .map(|i| i.title.clone())
                    .unwrap_or_default();
                self.change(format!("Deleted \"{title}\""), |r, _, _| {
                    r.remove_initiative(id);
                });
            }
            Item::Goal(id) => {
                let title = self
                    .roadmap
                    .goal(id)
                    .map(|g| g.title.clone())
                    .unwrap_or_default();
                self.change(format!("Deleted goal \"{title}\""), |r, _, _| {
                    r.remove_goal(id);
                });
            }
        }
    }
}
