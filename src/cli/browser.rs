//! The installed Chromium (or Chrome), run headless and offline to print a page to PDF or
//! take a picture of it. No browser is bundled and nothing is fetched: where none is
//! installed, the message says how to get one.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The environment variable naming the browser to use, before the usual names on `PATH`.
pub const BROWSER_ENV: &str = "ALIGNMAP_BROWSER";

const NAMES: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// How long a print may take before the browser is stopped.
const LIMIT: Duration = Duration::from_secs(90);

/// The browser to print with: `$ALIGNMAP_BROWSER`, else the first of chromium,
/// chromium-browser, google-chrome and google-chrome-stable on `PATH`.
pub fn find() -> Option<PathBuf> {
    if let Some(named) = std::env::var_os(BROWSER_ENV).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(named));
    }
    let path = std::env::var_os("PATH")?;
    NAMES.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// What to say when no browser is installed.
pub fn missing() -> String {
    format!(
        "printing a PDF needs Chromium or Chrome, and none is installed: install it (Debian or Ubuntu: sudo apt-get install chromium; Fedora: sudo dnf install chromium; macOS: brew install --cask chromium), or set {BROWSER_ENV} to the browser's program; or write --format html and print it from any browser"
    )
}

/// What the browser makes of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// A PDF as the page's print style lays it out.
    Pdf,
    /// A PNG of the top of the page at a window `width` × `height` pixels.
    Png {
        /// Window width in pixels.
        width: u32,
        /// Window height in pixels.
        height: u32,
    },
}

/// Renders the HTML file `page` into `out` with `browser`, headless and offline, keeping
/// the browser's profile in a temporary directory (never the user's own).
pub fn render(browser: &Path, page: &Path, out: &Path, what: Output) -> Result<(), String> {
    let scratch =
        tempfile::tempdir().map_err(|e| format!("cannot make a temporary folder: {e}"))?;
    let page = std::path::absolute(page).map_err(|e| format!("{}: {e}", page.display()))?;
    let mut command = Command::new(browser);
    command
        .env("HOME", scratch.path())
        .env("XDG_CONFIG_HOME", scratch.path().join("config"))
        .env("XDG_CACHE_HOME", scratch.path().join("cache"))
        .arg(format!(
            "--user-data-dir={}",
            scratch.path().join("profile").display()
        ))
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            "--hide-scrollbars",
            // Offline: no background connections, updates or sync.
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ]);
    match what {
        Output::Pdf => command.arg(format!("--print-to-pdf={}", out.display())),
        Output::Png { width, height } => command
            .arg(format!("--screenshot={}", out.display()))
            .arg(format!("--window-size={width},{height}")),
    };
    let mut child = command
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", browser.display()))?;
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "{} did not finish printing within {} seconds",
                    browser.display(),
                    LIMIT.as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => return Err(format!("cannot wait for {}: {e}", browser.display())),
        }
    };
    let made = std::fs::metadata(out).is_ok_and(|m| m.len() > 0);
    if !status.success() || !made {
        return Err(format!(
            "{} could not print the page ({status})",
            browser.display()
        ));
    }
    Ok(())
}
