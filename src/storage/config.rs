//! `config.ron` in the data directory: preferences such as the theme. Read strictly (a file
//! with a mistake is reported, not silently ignored) and written atomically.

use super::atomic::write_atomic;
use crate::domain::prefs::Config;
use ron::ser::PrettyConfig;
use std::path::{Path, PathBuf};

/// File name of the preferences in the data directory.
pub const CONFIG_FILE: &str = "config.ron";

/// The config file of a data directory.
pub fn config_path(data_dir: &Path) -> PathBuf {
    data_dir.join(CONFIG_FILE)
}

/// Reads the config; a missing file is the default. Errors name the file, line and column.
pub fn load(path: &Path) -> Result<Config, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => ron::from_str(&text).map_err(|e| {
            format!(
                "{}:{}:{}: {}",
                path.display(),
                e.span.start.line,
                e.span.start.col,
                e.code
            )
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

/// Writes the config atomically.
pub fn save(path: &Path, config: &Config) -> Result<(), String> {
    let pretty = PrettyConfig::new().new_line("\n");
    let mut text = ron::ser::to_string_pretty(config, pretty).map_err(|e| e.to_string())?;
    text.push('\n');
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    write_atomic(path, text.as_bytes()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::prefs::ThemeName;

    #[test]
    fn round_trip_missing_file_and_mistakes() {
        let dir = tempfile::tempdir().unwrap();
        let path = config_path(&dir.path().join("new-dir"));
        assert_eq!(load(&path), Ok(Config::default()));
        let config = Config {
            theme: Some(ThemeName::HighContrast),
            review: Some(crate::domain::review::Thresholds {
                stale_days: 14,
                ..Default::default()
            }),
        };
        save(&path, &config).unwrap();
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("theme: Some(\"high-contrast\")")
        );
        assert_eq!(load(&path), Ok(config));
        std::fs::write(&path, "(theme: Some(\"neon\"))").unwrap();
        assert!(
            load(&path).unwrap_err().contains("config.ron:1:"),
            "names the spot"
        );
    }
}
