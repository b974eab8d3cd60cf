//! Storage errors, worded for the person who has to fix them: what, where, what to do.

use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why a roadmap file could not be loaded. The file is never modified after such an error.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("{}: not a text file (invalid UTF-8 at byte {offset})", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first bad byte.
        offset: usize,
    },
    /// The file is larger than alignmap will read.
    #[error("{}: {bytes} bytes is larger than the {} MB alignmap reads", path.display(), super::MAX_FILE_BYTES / 1_000_000)]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// The file is empty (nothing to load, and nothing alignmap will overwrite).
    #[error("{} is empty; alignmap will not overwrite it. Delete it to start a new roadmap, or restore a copy", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The text is not valid roadmap RON.
    #[error("{}:{line}:{col}: {message}{excerpt}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What was expected or found.
        message: String,
        /// The offending line with a caret under the column (starts with a newline), or empty.
        excerpt: String,
    },
    /// The file was written by a newer alignmap.
    #[error("{} was made by a newer alignmap (schema version {found}); this one reads up to version {supported}: upgrade alignmap to open it. The file is not damaged", path.display())]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Version in the file.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
    /// The file parses but breaks consistency rules.
    #[error("{}: {} problem(s):\n  - {}", path.display(), problems.len(), problems.join("\n  - "))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// One sentence per problem.
        problems: Vec<String>,
    },
    /// A plain-text `git merge` left conflict markers in the file.
    #[error("{} holds a git merge conflict that was never resolved (the <<<<<<< ======= >>>>>>> lines git leaves):\n  - {}\nKeep one side of each in an editor, or redo the merge with alignmap's driver, which merges by item and keeps a conflict inside a file the planner opens: `git merge --abort`, `alignmap git-setup`, then merge again", path.display(), super::markers::describe(regions))]
    GitConflict {
        /// The file.
        path: PathBuf,
        /// The conflicted stretches.
        regions: Vec<super::markers::Region>,
    },
    /// A new roadmap file could not be created.
    #[error("cannot create {}: {why}", path.display())]
    Create {
        /// The file.
        path: PathBuf,
        /// Why.
        why: String,
    },
}

impl LoadError {
    /// The message's first line, a sentence on its own, for lists (the rest quotes the
    /// file, for `check`).
    pub fn headline(&self) -> String {
        let text = self.to_string();
        let first = text.lines().next().unwrap_or_default();
        first.trim_end_matches(':').to_string()
    }

    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        LoadError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Why a save failed. The file on disk is unchanged after such an error.
#[derive(Debug, Error)]
pub enum SaveError {
    /// Writing failed (disk full, permission denied, I/O error).
    #[error("{step} {}: {source}", path.display())]
    Io {
        /// What was being done: "create a temp file in", "write", "rename onto" …
        step: &'static str,
        /// The path involved.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The roadmap could not be encoded (should not happen for a valid roadmap).
    #[error("cannot encode the roadmap: {0}")]
    Encode(String),
    /// The roadmap breaks a consistency rule, so the file could not be opened again.
    #[error("not saved, it would not open again: {0}")]
    Invalid(String),
}
