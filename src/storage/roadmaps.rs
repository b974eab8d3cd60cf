//! Several roadmaps in one data directory (one file each, per business unit or team), and
//! `state.ron`, which remembers the one last opened: UI state, never inside a roadmap file.

use super::atomic::write_atomic;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The data directory's own files, which are not roadmaps.
pub const RESERVED: [&str; 4] = ["config.ron", "keymap.ron", "state.ron", "portfolio.ron"];

/// File name of the UI state in the data directory.
pub const STATE_FILE: &str = "state.ron";

/// The roadmap files of `dir`, by name: every `*.ron` but the directory's own files and the
/// copies kept beside a roadmap (`roadmap.recovery-….ron`, whose stem has a dot).
pub fn list(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = super::paths::entries(dir)?
        .into_iter()
        .map(|e| e.path())
        .filter(|p| is_roadmap_name(p))
        .filter(|p| p.is_file())
        .collect();
    found.sort();
    Ok(found)
}

fn is_roadmap_name(path: &Path) -> bool {
    let name = super::paths::file_name(path);
    name.ends_with(".ron")
        && !RESERVED.contains(&name.as_str())
        && !super::paths::stem(path).contains('.')
        && !name.starts_with('.')
}

/// A file name for a roadmap called `name`: lower case, words joined by `-`, only letters,
/// digits and `-` (`Sales & Marketing` → `sales-marketing.ron`). None when nothing is left,
/// or when the name is one of the directory's own files.
pub fn file_for(name: &str) -> Option<String> {
    let mut slug = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    let file = format!("{}.ron", slug.trim_end_matches('-'));
    (!slug.is_empty() && !RESERVED.contains(&file.as_str())).then_some(file)
}

/// Finds the roadmap `what` names in `dir`: a path to a file, a file name (`sales.ron`), a
/// file stem (`sales`) or a roadmap name the way `new` turns it into a file (`Sales`).
pub fn find(dir: &Path, what: &str) -> Option<PathBuf> {
    let direct = Path::new(what);
    if direct.is_file() {
        return Some(direct.to_path_buf());
    }
    let candidates = [
        Some(what.to_string()),
        Some(format!("{what}.ron")),
        file_for(what),
    ];
    let exact = candidates
        .into_iter()
        .flatten()
        .map(|name| dir.join(name))
        .find(|p| p.is_file() && is_roadmap_name(p));
    exact.or_else(|| {
        // The one roadmap whose file name starts with what was typed ("finance" for
        // finance-it.ron); none when that could mean several.
        let start = file_for(what)?.trim_end_matches(".ron").to_string();
        let mut starting = list(dir)
            .ok()?
            .into_iter()
            .filter(|p| super::paths::stem(p).starts_with(&start));
        let first = starting.next()?;
        starting.next().is_none().then_some(first)
    })
}

/// The roadmaps of `dir` whose file names start like `what`, for a "did you mean".
pub fn similar(dir: &Path, what: &str) -> Vec<String> {
    let Some(start) = file_for(what) else {
        return Vec::new();
    };
    let start = start.trim_end_matches(".ron");
    let head: String = start.chars().take(3).collect();
    list(dir)
        .unwrap_or_default()
        .iter()
        .map(|p| super::paths::stem(p))
        .filter(|stem| stem.starts_with(&head) || stem.contains(start))
        .collect()
}

/// What `state.ron` remembers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "State", default)]
pub struct State {
    /// The roadmap last opened: a file name in the data directory, or a full path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_opened: Option<String>,
}

/// Reads `state.ron`; a missing file is the default. UI state is a convenience: a file that
/// cannot be read is reported by the caller and otherwise treated as empty.
pub fn load_state(dir: &Path) -> Result<State, String> {
    let path = dir.join(STATE_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => ron::from_str(&text).map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(State::default()),
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

/// Remembers `roadmap` as the last opened in `dir`'s `state.ron` (by file name when it is in
/// `dir`).
pub fn remember(dir: &Path, roadmap: &Path) -> Result<(), String> {
    let inside = roadmap
        .parent()
        .zip(std::fs::canonicalize(dir).ok())
        .is_some_and(|(parent, dir)| std::fs::canonicalize(parent).is_ok_and(|p| p == dir));
    let name = if inside {
        super::paths::file_name(roadmap)
    } else {
        roadmap.display().to_string()
    };
    let mut state = load_state(dir).unwrap_or_default();
    if state.last_opened.as_deref() == Some(name.as_str()) {
        return Ok(());
    }
    state.last_opened = Some(name);
    let text = super::to_ron_value(&state).map_err(|e| e.to_string())?;
    write_atomic(&dir.join(STATE_FILE), text.as_bytes()).map_err(|e| e.to_string())
}

/// The roadmap `state.ron` says was last opened, when that file still exists.
pub fn last_opened(dir: &Path) -> Option<PathBuf> {
    let name = load_state(dir).ok()?.last_opened?;
    let path = dir.join(name); // an absolute path replaces `dir`
    path.is_file().then_some(path)
}

/// The roadmap file to open: `--file` wins, else the data directory's default
/// ([`default_in`]).
pub fn roadmap_path(file: Option<&Path>, dir: Option<&Path>) -> Option<PathBuf> {
    match file {
        Some(file) => Some(file.to_path_buf()),
        None => super::paths::data_dir(dir).map(|d| default_in(&d)),
    }
}

/// The roadmap a data directory opens by default: the one last opened, else `roadmap.ron`
/// when it exists, else the first other roadmap there (`alignmap new` made it), else
/// `roadmap.ron`, to be made.
fn default_in(dir: &Path) -> PathBuf {
    let standard = dir.join(super::paths::ROADMAP_FILE);
    last_opened(dir)
        .or_else(|| (!standard.exists()).then(|| list(dir).ok()?.into_iter().next())?)
        .unwrap_or(standard)
}

/// One roadmap as `list` and the switcher show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    /// The file.
    pub path: PathBuf,
    /// Its size, e.g. "5 goals, 16 initiatives", or why it cannot be read.
    pub holds: Result<(String, String), String>,
    /// Merge conflicts waiting in it.
    pub conflicts: usize,
    /// When it was last saved (local time), if known.
    pub saved: Option<String>,
    /// Where it stands in git, when the directory is a git work tree.
    pub git: Option<super::git::Standing>,
    /// A recovery copy of unsaved edits is waiting for it.
    pub recovery: bool,
}

/// Every roadmap in `dir`, read.
pub fn listed(dir: &Path) -> Result<Vec<Listed>, String> {
    let files = list(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    Ok(files
        .into_iter()
        .map(|path| {
            let read = super::load(&path);
            let conflicts = read.as_ref().map_or(0, |r| r.conflicts.len());
            let holds = read.map(|r| (r.name.clone(), r.size_label())).map_err(|e| {
                // The list names the file already: no second, longer path.
                let file = super::paths::file_name(&path);
                e.headline().replacen(&path.display().to_string(), &file, 1)
            });
            let saved = std::fs::metadata(&path)
                .and_then(|m| m.modified())
                .ok()
                .map(|t| {
                    chrono::DateTime::<chrono::Local>::from(t)
                        .format("%a %-d %b %Y %H:%M")
                        .to_string()
                });
            Listed {
                git: super::git::standing(&path),
                recovery: !super::away::find(&path, &super::away::state_dir(), "recovery")
                    .is_empty(),
                path,
                holds,
                conflicts,
                saved,
            }
        })
        .collect())
}

/// What else a listed roadmap needs said: conflicts, a waiting recovery copy, git.
pub fn remarks(row: &Listed) -> Vec<String> {
    let mut notes = Vec::new();
    if row.conflicts > 0 {
        notes.push(crate::domain::counted(
            row.conflicts,
            "merge conflict to settle",
            "merge conflicts to settle",
        ));
    }
    if row.recovery {
        notes.push("unsaved edits in a recovery copy".into());
    }
    if let Some(standing) = row.git {
        notes.push(standing.label().into());
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_plain_file_names_and_reserved_ones_are_refused() {
        assert_eq!(
            file_for("Sales & Marketing").as_deref(),
            Some("sales-marketing.ron")
        );
        assert_eq!(
            file_for("  EU Ops 2027 ").as_deref(),
            Some("eu-ops-2027.ron")
        );
        assert_eq!(file_for("../etc/passwd").as_deref(), Some("etc-passwd.ron"));
        assert_eq!(file_for("config"), None);
        assert_eq!(file_for("!!!"), None);
    }

    #[test]
    fn the_list_leaves_out_the_directorys_own_files_and_copies_aside() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "roadmap.ron",
            "sales.ron",
            "config.ron",
            "state.ron",
            "portfolio.ron",
            "roadmap.recovery-20261202-080000.ron",
            "notes.txt",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let names: Vec<String> = list(dir.path())
            .unwrap()
            .iter()
            .map(|p| super::super::paths::file_name(p))
            .collect();
        assert_eq!(names, ["roadmap.ron", "sales.ron"]);
        assert_eq!(
            find(dir.path(), "Sales"),
            Some(dir.path().join("sales.ron"))
        );
        assert_eq!(find(dir.path(), "state"), None);
    }

    #[test]
    fn the_last_opened_roadmap_is_remembered_by_name_and_forgotten_when_gone() {
        let dir = tempfile::tempdir().unwrap();
        let sales = dir.path().join("sales.ron");
        std::fs::write(&sales, "x").unwrap();
        remember(dir.path(), &sales).unwrap();
        let text = std::fs::read_to_string(dir.path().join(STATE_FILE)).unwrap();
        assert!(text.contains("last_opened: Some(\"sales.ron\")"), "{text}");
        assert_eq!(last_opened(dir.path()), Some(sales.clone()));
        std::fs::remove_file(&sales).unwrap();
        assert_eq!(last_opened(dir.path()), None);
    }

    #[test]
    fn a_directory_opens_the_last_roadmap_else_roadmap_ron_else_the_first_other_one() {
        let dir = tempfile::tempdir().unwrap();
        let standard = dir.path().join("roadmap.ron");
        assert_eq!(
            default_in(dir.path()),
            standard,
            "nothing yet: roadmap.ron, to be made"
        );
        let (finance, retail) = (
            dir.path().join("finance.ron"),
            dir.path().join("retail.ron"),
        );
        std::fs::write(&retail, "x").unwrap();
        std::fs::write(&finance, "x").unwrap();
        assert_eq!(default_in(dir.path()), finance, "alignmap new made these");
        std::fs::write(&standard, "x").unwrap();
        assert_eq!(default_in(dir.path()), standard);
        remember(dir.path(), &retail).unwrap();
        assert_eq!(default_in(dir.path()), retail);
    }

    #[test]
    fn a_unique_start_of_a_file_name_finds_the_roadmap_and_a_shared_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["finance-it.ron", "retail-it.ron", "retail-stores.ron"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        assert_eq!(
            find(dir.path(), "finance"),
            Some(dir.path().join("finance-it.ron"))
        );
        assert_eq!(
            find(dir.path(), "Finance IT"),
            Some(dir.path().join("finance-it.ron"))
        );
        assert_eq!(find(dir.path(), "retail"), None, "two start so");
        assert_eq!(
            similar(dir.path(), "retail"),
            ["retail-it", "retail-stores"]
        );
    }
}
