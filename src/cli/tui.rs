//! Opening the planner: the session, theme and keys, and how the session ended.

use super::output::Failure;
use super::{Cli, roadmap_path, seed};
use crate::app::{App, Clock, Draft, Settings, Source};
use crate::domain::IdGen;
use crate::runtime::{self, Ended, Outcome};
use crate::{sample, session, storage};
use std::path::{Path, PathBuf};

/// What `config.ron` and `keymap.ron` in the data directory say, with NO_COLOR and
/// `--theme` on top, and what was wrong with either file (the defaults stay for that part).
fn settings(cli: &Cli) -> (Settings, Vec<String>) {
    use crate::domain::prefs::ThemeName;
    let mut settings = Settings::default();
    let mut problems = Vec::new();
    let dir = storage::data_dir(cli.dir.as_deref());
    // Theme: NO_COLOR, then --theme, then config.ron, then the default.
    settings.config_path = dir.as_deref().map(storage::config::config_path);
    let remembered = match settings.config_path.as_deref().map(storage::config::load) {
        Some(Ok(config)) => {
            settings.thresholds = config.review.unwrap_or_default();
            config.theme
        }
        Some(Err(e)) => {
            problems.push(format!(
                "Ignoring config.ron (theme, review thresholds): {e}"
            ));
            None
        }
        None => None,
    };
    settings.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    settings.theme = if settings.no_color {
        ThemeName::Mono
    } else {
        cli.theme.or(remembered).unwrap_or_default()
    };
    // Keys: keymap.ron on top of the defaults; a mistake or a clash keeps the defaults.
    if let Some(path) = dir.map(|d| d.join("keymap.ron")) {
        match std::fs::read_to_string(&path) {
            Ok(text) => match crate::app::keymap::parse_keymap(&text) {
                Ok(keymap) => settings.keymap = keymap,
                Err(e) => problems.push(format!("{}{e}; using the default keys", path.display())),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => problems.push(format!(
                "cannot read {}: {e}; using the default keys",
                path.display()
            )),
        }
    }
    (settings, problems)
}

/// Opens the roadmap; when it does not load and a person is at the terminal, offers to open
/// the newest readable backup instead (the bad file is copied aside first).
fn open_or_repair(path: PathBuf, clock: &Clock) -> Result<session::Session, Failure> {
    use std::io::{BufRead, IsTerminal, Write};
    let err = match session::open_file(path) {
        Ok(session) => return Ok(session),
        Err(err) => err,
    };
    let session::OpenError::Unreadable {
        lock: Some(_),
        path,
        error,
    } = &err
    else {
        return Err(err.into());
    };
    if matches!(
        **error,
        storage::LoadError::TooNew { .. } | storage::LoadError::GitConflict { .. }
    ) {
        // A newer file is not corrupt, nor is one in the middle of a git merge (an old
        // backup would drop the other side's work): never offer to replace it.
        return Err(err.to_string().into());
    }
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let Some((backup, roadmap)) = storage::backup::newest_readable(path).filter(|_| interactive)
    else {
        return Err(err.into());
    };
    let mut stderr = std::io::stderr();
    let _ = writeln!(
        stderr,
        "alignmap: {err}\n\nThe newest backup that opens is from {} ({}).\n  \
         b  open that backup (the unreadable file is first copied aside as {}.corrupt-<time>.ron)\n  \
         q  quit and fix the file yourself\nChoice [b/q]: ",
        backup.taken.format("%a %-d %b %Y %H:%M"),
        roadmap.size_label(),
        storage::stem(path),
    );
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    if answer.trim() != "b" {
        return Err("nothing changed".into());
    }
    let aside = session::repair_from_backup(path, &backup, clock.local_now())?;
    let path = path.clone();
    let _ = writeln!(stderr, "The unreadable file is in {}.", aside.display());
    drop(err); // releases our lock; open_file takes it again
    let mut session = session::open_file(path)?;
    session.note = Some(format!(
        "Opened the backup of {}; the unreadable file is in {}",
        backup.taken.format("%a %-d %b %H:%M"),
        aside.display()
    ));
    Ok(session)
}

/// Marks the first card done without saving, says "ready", then waits for a signal.
pub(super) fn edit_then_wait(cli: &Cli, clock: Clock) -> Result<(), Failure> {
    use std::io::Write;
    let session = session::open_file(roadmap_path(cli, None)?)?;
    let source = Source::File(session.path.clone());
    let mut app = App::builder(session.roadmap, clock)
        .source(source)
        .ids(IdGen::with_seed(seed()))
        .build();
    app.update(crate::app::Command::MarkDone);
    let ready = || {
        super::output::out("ready");
        let _ = std::io::stdout().flush();
    };
    let ended = runtime::run_headless(&mut app, session.known, ready)?;
    report(&app, ended)
}

/// `/home/ana/.config/alignmap/roadmap.ron` → `~/.config/alignmap/roadmap.ron`.
fn home_relative(path: &Path) -> String {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    match home.as_deref().and_then(|h| path.strip_prefix(h).ok()) {
        Some(rest) if !rest.as_os_str().is_empty() => format!("~/{}", rest.display()),
        _ => path.display().to_string(),
    }
}

/// Opens a snapshot in the planner, read-only: look, search, export from the screen; nothing
/// can change it.
pub(super) fn view_snapshot(
    cli: &Cli,
    roadmap: &Path,
    reference: &str,
    clock: Clock,
) -> Result<(), Failure> {
    needs_a_terminal()?;
    let source = storage::snapshot::resolve(roadmap, reference)?;
    let storage::snapshot::Source::Snapshot(snap) = &source else {
        return Err(Failure::usage(format!(
            "\"{reference}\" is not a snapshot (see alignmap snapshot --list)"
        )));
    };
    let shown = storage::load(&snap.path).map_err(|e| e.to_string())?;
    let why = format!(
        "snapshot of {}: read-only",
        snap.taken.format("%a %-d %b %Y %H:%M")
    );
    let (settings, problems) = settings(cli);
    let mut app = App::builder(shown, clock)
        .source(Source::File(snap.path.clone()))
        .ids(IdGen::with_seed(seed()))
        .location(home_relative(&snap.path))
        .read_only(Some(why))
        .settings(settings)
        .build();
    for problem in problems {
        app.error(problem);
    }
    let known = storage::fingerprint::read(&snap.path)
        .ok()
        .flatten()
        .map(|(_, f)| f);
    let ended = runtime::run(&mut app, known, None).map_err(|e| format!("terminal error: {e}"))?;
    report(&app, ended)
}

/// Files this large take a noticeable moment to open (about 80 ms per 10 MB here): say what
/// is happening instead of leaving the terminal still.
const SLOW_TO_OPEN_BYTES: u64 = 10_000_000;

fn say_when_slow_to_open(path: &Path) {
    use std::io::IsTerminal;
    let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
    if let Some(notice) = opening_notice(path, bytes)
        && std::io::stderr().is_terminal()
    {
        super::output::err(&notice);
    }
}

/// What to say before opening a file of `bytes` (nothing when it opens in a blink).
fn opening_notice(path: &Path, bytes: u64) -> Option<String> {
    (bytes >= SLOW_TO_OPEN_BYTES).then(|| {
        let megabytes = bytes / 1_000_000;
        format!("alignmap: opening {} ({megabytes} MB)…", path.display())
    })
}

/// The planner draws on a terminal: without one (a script, a pipe, cron) say so before
/// anything is created or locked.
fn needs_a_terminal() -> Result<(), Failure> {
    if runtime::terminal::alive() {
        return Ok(());
    }
    Err(Failure::usage(
        "alignmap needs a terminal to open the planner; for scripts use the subcommands \
         (check, export, import, snapshot, diff, restore; see alignmap --help)",
    ))
}

/// Reopens the newest draft left by the last session (text typed into a form or the capture
/// line that could not be kept as an edit), then moves its file to backups/.
fn reopen_draft(app: &mut App, path: &Path) {
    let mut drafts = storage::away::find(path, &storage::away::state_dir(), "draft");
    let Some(copy) = drafts.pop() else {
        return;
    };
    let draft = std::fs::read_to_string(&copy)
        .map_err(|e| e.to_string())
        .and_then(|text| ron::from_str::<Draft>(&text).map_err(|e| e.to_string()));
    match draft {
        Ok(draft) if app.reopen_draft(&draft) => {
            app.effects.push(crate::app::Effect::ArchiveRecovery(copy));
            if !drafts.is_empty() {
                let said = app.message.take().map(|m| m.1).unwrap_or_default();
                app.info(format!(
                    "{said} {} older draft(s) wait beside the roadmap: they reopen at the next starts.",
                    drafts.len()
                ));
            }
        }
        Ok(_) => app.error(format!(
            "A draft from the last session is kept in {}: what it was typed into is gone.",
            copy.display()
        )),
        Err(e) => app.error(format!("Cannot read the draft {}: {e}", copy.display())),
    }
}

/// Opens the planner on the roadmap `cli` names; when the user switches to another roadmap
/// (the switcher ends the session, saved), opens that one, and so on until they quit.
pub(super) fn open(
    cli: &Cli,
    clock: Clock,
    start: Option<crate::app::Command>,
) -> Result<(), Failure> {
    needs_a_terminal()?;
    let (mut start, mut next, mut notes) = (start, None, Vec::new());
    loop {
        let (app, ended) = session(cli, clock, start.take(), next.take(), &notes)?;
        let switch = app
            .session
            .switch_to
            .clone()
            .filter(|_| ended.signal.is_none() && matches!(ended.outcome, Outcome::Saved));
        report(&app, ended)?;
        let Some(path) = switch else {
            return Ok(());
        };
        notes = remember_switch(cli, &path).into_iter().collect();
        next = Some(path);
    }
}

/// A roadmap chosen in the switcher from the data directory opens by default from now on
/// (`state.ron`); one in another folder (a `--file` session's) is not remembered.
fn remember_switch(cli: &Cli, path: &Path) -> Option<String> {
    let dir = storage::data_dir(cli.dir.as_deref())?;
    let canonical = |p: &Path| std::fs::canonicalize(p).ok();
    if path.parent().and_then(canonical)? != canonical(&dir)? {
        return None;
    }
    storage::roadmaps::remember(&dir, path)
        .err()
        .map(|e| format!("Cannot remember this roadmap as the one to open: {e}"))
}

/// One planner session on `path` (or the roadmap `cli` names), until it ends.
fn session(
    cli: &Cli,
    clock: Clock,
    start: Option<crate::app::Command>,
    path: Option<PathBuf>,
    notes: &[String],
) -> Result<(App, Ended), Failure> {
    let switched = path.is_some();
    let ids = IdGen::with_seed(seed());
    // Handed to the saver, which holds and watches it: we stay the one writer.
    let mut lock = None;
    let mut known = None;
    let (settings, problems) = settings(cli);
    let mut app = if cli.demo {
        let roadmap = sample::sample(clock.today(), clock.now())?;
        App::builder(roadmap, clock)
            .ids(ids)
            .settings(settings)
            .build()
    } else {
        let path = match path {
            Some(path) => path,
            None => roadmap_path(cli, None)?,
        };
        say_when_slow_to_open(&path);
        let session = open_or_repair(path, &clock)?;
        lock = session.lock;
        known = session.known;
        let location = home_relative(&session.path);
        let mut app = App::builder(session.roadmap, clock)
            .source(Source::File(session.path))
            .ids(ids)
            .location(location)
            .read_only(session.read_only.clone())
            .settings(settings)
            .build();
        if let Some(note) = session.note {
            app.info(note);
        }
        if let Some((path, roadmap, written)) = session.recovery {
            app.offer_recovery(path, roadmap, &written);
            let file = match &app.session.source {
                Source::File(file) => file.clone(),
                Source::Demo => PathBuf::new(),
            };
            let drafts = storage::away::find(&file, &storage::away::state_dir(), "draft");
            if let (Some(_), crate::app::Mode::Confirm(confirm)) = (drafts.last(), &mut app.mode) {
                confirm.details.push(format!(
                    "What you were typing is kept too ({} draft(s)): it reopens at the next start.",
                    drafts.len()
                ));
            }
        } else if session.read_only.is_none()
            && let Source::File(path) = &app.session.source
        {
            let path = path.clone();
            reopen_draft(&mut app, &path);
        }
        if let Some(why) = session.read_only {
            app.error(format!("Read-only, you can look, not change: {why}"));
        }
        app
    };
    if switched && matches!(app.mode, crate::app::Mode::Browse) {
        let key = app.key_label(crate::app::Context::Browse, crate::app::Command::Roadmaps);
        app.info(format!(
            "Opened {} ({}): {key} lists the roadmaps again.",
            app.session.location,
            app.roadmap.size_label()
        ));
    }
    for problem in problems.iter().chain(notes) {
        app.error(problem.clone());
    }
    if let Some(command) = start
        && matches!(app.mode, crate::app::Mode::Browse)
    {
        app.update(command);
    }
    let ended = runtime::run(&mut app, known, lock).map_err(|e| format!("terminal error: {e}"))?;
    Ok((app, ended))
}

/// Turns how a session ended into the exit: fine, or where the edits went, or (last resort,
/// when nothing could be written anywhere) the edits themselves on stderr; a session ended
/// by a signal (or a vanished terminal, as SIGHUP) exits with 128 + the signal.
fn report(app: &App, ended: Ended) -> Result<(), Failure> {
    let mut lost_draft = None;
    match &ended.draft {
        Some(Ok(copy)) => super::output::err(&format!(
            "alignmap: what you were typing is kept in {}; it reopens at the next start",
            copy.display()
        )),
        Some(Err(lost)) => {
            let (why, draft) = &**lost;
            let typed: Vec<String> = draft
                .fields
                .iter()
                .map(|(label, text)| format!("  {label}: {text}"))
                .collect();
            lost_draft = Some(format!(
                "what you were typing could not be written anywhere ({why}). Here it is:\n{}",
                typed.join("\n")
            ));
        }
        None => {}
    }
    let message = match ended.outcome {
        Outcome::Saved => None,
        Outcome::Recovered(path) => Some(format!(
            "the roadmap file was not written ({}); your edits are in {}",
            crate::ui::bars::save_label(app),
            path.display()
        )),
        Outcome::Unsaved(why) => {
            let text = storage::to_ron(&app.roadmap).unwrap_or_default();
            Some(format!(
                "your edits could not be written anywhere ({why}). Here they are; copy them into a file:\n{text}"
            ))
        }
    };
    let message = match (message, lost_draft) {
        (Some(m), Some(d)) => Some(format!("{m}\n{d}")),
        (m, d) => m.or(d),
    };
    match (ended.signal, message) {
        (None, None) => Ok(()),
        (None, Some(message)) => Err(Failure::from(message)),
        (Some(signal), message) => Err(Failure {
            code: u8::try_from(128 + signal).unwrap_or(u8::MAX),
            message,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_file_slow_to_open_is_announced() {
        let path = Path::new("/data/big.ron");
        assert_eq!(opening_notice(path, 9_999_999), None);
        assert_eq!(
            opening_notice(path, 151_866_387).as_deref(),
            Some("alignmap: opening /data/big.ron (151 MB)…")
        );
    }
}
