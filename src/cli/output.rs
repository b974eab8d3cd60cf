//! Everything the command line prints goes through here. Text from roadmap files, CSV cells
//! and paths is shown with control characters as visible placeholders (as on the screen), so
//! no file can send escape sequences to the terminal; a write to a closed terminal or pipe is
//! not a crash. The process exit code comes from [`Failure`].

use std::io::Write;

/// Text safe for a terminal: each line cleaned of control characters, line breaks kept.
pub fn safe(text: &str) -> String {
    text.split('\n')
        .map(|line| crate::ui::text::clean(line).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Prints a line to standard output, made safe.
pub fn out(text: &str) {
    let _ = writeln!(std::io::stdout(), "{}", safe(text));
}

/// Prints a line to standard error, made safe.
pub fn err(text: &str) {
    let _ = writeln!(std::io::stderr(), "{}", safe(text));
}

/// Why a command failed, and the exit code that says so.
#[derive(Debug, PartialEq, Eq)]
pub struct Failure {
    /// 1 bad data, 2 usage, 128 + N ended by signal N.
    pub code: u8,
    /// What to tell the user (nothing when the exit code says it all).
    pub message: Option<String>,
}

impl Failure {
    /// A usage mistake (a backup or snapshot that does not exist, a bad argument): exit 2.
    pub fn usage(message: impl Into<String>) -> Self {
        Failure {
            code: 2,
            message: Some(message.into()),
        }
    }
}

impl From<String> for Failure {
    /// Bad data: exit 1.
    fn from(message: String) -> Self {
        Failure {
            code: 1,
            message: Some(message),
        }
    }
}

impl From<crate::storage::snapshot::RefError> for Failure {
    /// A reference to no snapshot is a usage mistake (exit 2); unreadable snapshots are data.
    fn from(e: crate::storage::snapshot::RefError) -> Self {
        Failure {
            code: if e.unknown { 2 } else { 1 },
            message: Some(e.message),
        }
    }
}

/// Errors that are about the data (exit 1), each with its own message.
macro_rules! data_errors {
    ($($error:ty),* $(,)?) => {$(
        impl From<$error> for Failure {
            fn from(e: $error) -> Self {
                Failure::from(e.to_string())
            }
        }
    )*};
}

data_errors!(
    crate::export::WriteError,
    crate::session::OpenError,
    crate::session::RepairError,
    crate::storage::LoadError,
    crate::storage::SaveError,
    std::io::Error,
);

impl From<&str> for Failure {
    fn from(message: &str) -> Self {
        Failure::from(message.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_placeholders_and_lines_stay() {
        assert_eq!(
            safe("title \u{1b}]0;PWNED\u{7}\nnext\u{9b}line"),
            "title ␛]0;PWNED␇\nnext�line"
        );
    }
}
