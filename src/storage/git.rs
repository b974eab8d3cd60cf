//! The little alignmap asks of git, through the `git` command (no git library: three calls,
//! and the user's own git, configuration and credentials apply): is a roadmap committed, and
//! installing the merge driver for a checkout.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Where a roadmap file stands in its git work tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Committed as it is.
    Clean,
    /// Changed since the last commit.
    Uncommitted,
    /// Never committed.
    Untracked,
    /// In the middle of a merge that git left unresolved.
    Unmerged,
}

impl Standing {
    /// In words, for `alignmap list` and the switcher.
    pub fn label(self) -> &'static str {
        match self {
            Standing::Clean => "committed",
            Standing::Uncommitted => "uncommitted changes",
            Standing::Untracked => "not in git yet",
            Standing::Unmerged => "unresolved git merge",
        }
    }
}

fn git(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(dir)
        .stdin(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// The file's standing, or None when it is not in a git work tree (or git is not installed).
pub fn standing(file: &Path) -> Option<Standing> {
    let dir = super::paths::dir_of(file);
    let name = file.file_name()?;
    let out = git(dir)
        .args(["status", "--porcelain=v1", "--ignored=no", "--"])
        .arg(name)
        .output()
        .ok()?;
    if !out.status.success() {
        return None; // not a work tree
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let code: String = text
        .lines()
        .next()
        .unwrap_or_default()
        .chars()
        .take(2)
        .collect();
    Some(match code.as_str() {
        "" => Standing::Clean,
        "??" => Standing::Untracked,
        "UU" | "AA" | "DU" | "UD" | "AU" | "UA" | "DD" => Standing::Unmerged,
        _ => Standing::Uncommitted,
    })
}

/// The `.gitattributes` lines that send roadmap files to alignmap's merge driver; the data
/// directory's own files keep git's line merge.
pub const ATTRIBUTES: &str = "# alignmap: merge roadmaps by item and field (alignmap git-setup)
*.ron merge=alignmap
config.ron merge=text
keymap.ron merge=text
portfolio.ron merge=text
";

/// The `.gitignore` lines for what never belongs in the shared repository: UI state, locks,
/// copies kept aside, backups and exports stay on each person's machine.
pub const IGNORED: &str = "# alignmap: each person's own files (alignmap git-setup)
state.ron
*.lock
*.recovery-*.ron
*.theirs-*.ron
*.mine-*.ron
*.corrupt-*.ron
backups/
exports/
";

/// Installs the merge driver for the checkout holding `dir`: the two git config lines (for
/// this clone; git does not share config through the repository) and the attribute and
/// ignore lines in `dir`, each added once. `program` is how git should call alignmap.
/// Returns what was done, line by line.
pub fn setup(dir: &Path, program: &str) -> Result<Vec<String>, String> {
    let inside = git(dir)
        .args(["rev-parse", "--is-inside-work-tree"])
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !inside.status.success() {
        return Err(format!(
            "{} is not in a git checkout: clone the team's roadmap repository (or `git init` it) first",
            dir.display()
        ));
    }
    let driver = format!("{program} merge %O %A %B --path %P");
    for (key, value) in [
        (
            "merge.alignmap.name",
            "alignmap: roadmaps merged by item and field",
        ),
        ("merge.alignmap.driver", driver.as_str()),
    ] {
        let status = git(dir)
            .args(["config", key, value])
            .status()
            .map_err(|e| format!("cannot run git: {e}"))?;
        if !status.success() {
            return Err(format!("git config {key} failed"));
        }
    }
    let mut done = vec![format!("git config merge.alignmap.driver \"{driver}\"")];
    for (file, lines) in [(".gitattributes", ATTRIBUTES), (".gitignore", IGNORED)] {
        let path = dir.join(file);
        let had = std::fs::read_to_string(&path).unwrap_or_default();
        let missing: Vec<&str> = lines
            .lines()
            .filter(|l| !had.lines().any(|h| h.trim() == l.trim()))
            .collect();
        if missing.iter().all(|l| l.starts_with('#')) {
            done.push(format!("{file} already has alignmap's lines"));
            continue;
        }
        let mut text = had.clone();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        for line in missing {
            text.push_str(line);
            text.push('\n');
        }
        super::write_atomic(&path, text.as_bytes()).map_err(|e| e.to_string())?;
        done.push(format!(
            "{} updated (commit it, so everyone's merges use it)",
            path.display()
        ));
    }
    done.push(install_hook(dir, program)?);
    Ok(done)
}

/// The first line of the pre-commit hook alignmap writes, by which it knows its own.
const HOOK_MARK: &str =
    "# alignmap git-setup: a roadmap is committed only when its merge is finished";

/// The hook: `alignmap check` on the staged copy of each roadmap file, so a commit never
/// records git's conflict markers or merge conflicts still waiting to be settled.
fn hook_script(program: &str) -> String {
    format!(
        r#"#!/bin/sh
{HOOK_MARK}
# (no merge conflicts waiting in it, no <<<<<<< lines; `git commit --no-verify` skips this).
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp" "$tmp.err"' EXIT
git diff --cached --name-only --diff-filter=ACMR -- '*.ron' | {{
  failed=0
  while IFS= read -r file; do
    case "${{file##*/}}" in config.ron|keymap.ron|state.ron|portfolio.ron) continue ;; esac
    git show ":$file" > "$tmp" || continue
    if ! {program} check "$tmp" > /dev/null 2> "$tmp.err"; then
      echo "alignmap: $file is not ready to commit:" >&2
      sed "s|$tmp|$file|g" "$tmp.err" >&2
      failed=1
    fi
  done
  exit $failed
}}
"#
    )
}

#[cfg(unix)]
fn make_runnable(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
}

#[cfg(not(unix))]
fn make_runnable(_path: &Path) -> std::io::Result<()> {
    Ok(()) // git for Windows runs hooks by their #! line
}

/// Installs the pre-commit hook, unless the checkout has a hook of its own (then says what
/// to add to it).
fn install_hook(dir: &Path, program: &str) -> Result<String, String> {
    let out = git(dir)
        .args(["rev-parse", "--git-path", "hooks"])
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let hooks = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let hooks = if hooks.is_absolute() {
        hooks
    } else {
        dir.join(hooks)
    };
    let hook = hooks.join("pre-commit");
    match std::fs::read_to_string(&hook) {
        Ok(text) if !text.contains(HOOK_MARK) => {
            return Ok(format!(
                "{} is a hook of your own, left as it is: to keep unfinished merges out of commits, make it run `{program} check` on each staged roadmap",
                hook.display()
            ));
        }
        _ => {}
    }
    std::fs::create_dir_all(&hooks)
        .map_err(|e| format!("cannot create {}: {e}", hooks.display()))?;
    super::write_atomic(&hook, hook_script(program).as_bytes()).map_err(|e| e.to_string())?;
    make_runnable(&hook).map_err(|e| format!("cannot make {} runnable: {e}", hook.display()))?;
    Ok(format!(
        "{} installed: a roadmap with merge conflicts still waiting (or git's markers) is not committed",
        hook.display()
    ))
}
