//! Moving a highlight through a list: the one place for the arithmetic every list shares
//! (the board's columns, the goals pane, the alignment tabs, pick lists, the decisions view,
//! the status chooser, the backups list).

use super::command::Command;

/// Where `command` moves a highlight at `at` in a list of `len` rows, `page` rows to a
/// page; None when `command` is not a movement. Never past either end; an empty list stays
/// at 0.
pub fn step(at: usize, len: usize, page: usize, command: Command) -> Option<usize> {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    Some(match command {
        Command::Up => at.saturating_sub(1).min(last),
        Command::Down => at.saturating_add(1).min(last),
        Command::PageUp => at.saturating_sub(page).min(last),
        Command::PageDown => at.saturating_add(page).min(last),
        Command::First => 0,
        Command::Last => last,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_highlight_moves_within_its_list_and_never_past_an_end() {
        let go = |at, command| step(at, 5, 3, command).unwrap();
        assert_eq!(go(0, Command::Up), 0);
        assert_eq!(go(2, Command::Down), 3);
        assert_eq!(go(4, Command::Down), 4);
        assert_eq!(go(1, Command::PageDown), 4);
        assert_eq!(go(4, Command::PageUp), 1);
        assert_eq!(go(1, Command::PageUp), 0);
        assert_eq!((go(3, Command::First), go(0, Command::Last)), (0, 4));
        assert_eq!(
            go(9, Command::Up),
            4,
            "a highlight past a list that shrank comes back"
        );
        assert_eq!(
            step(0, 0, 3, Command::Down),
            Some(0),
            "an empty list stays at 0"
        );
        assert_eq!(step(2, 5, 3, Command::Yes), None, "not a movement");
    }
}
