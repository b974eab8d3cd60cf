//! Spreadsheet cells that would run as formulas: marked with a leading `'` on the way out,
//! and unmarked on the way back in, so text survives the round trip exactly.

/// True when a spreadsheet would treat the cell as a formula.
pub fn is_risky(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// True when a cell must be marked with a `'`: it is risky, or it is a `'` followed by a cell
/// that would be marked (so a `'` typed by the user survives the round trip).
fn needs_mark(cell: &str) -> bool {
    is_risky(cell) || cell.strip_prefix('\'').is_some_and(needs_mark)
}

/// The cell as written: risky cells get a leading `'`.
pub fn neutralise(cell: &str) -> String {
    if needs_mark(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// The cell as read back: the `'` that [`neutralise`] added is removed, nothing else.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_mark(rest) => rest,
        _ => cell,
    }
}
