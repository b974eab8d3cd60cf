//! `config.ron` in the data directory: preferences such as the theme. Read strictly (a file
//! with a mistake is reported, not silently ignored) and written atomically.

use super::atomic::write_atomic;
use super::error::SaveError;
use crate::domain::prefs::Config;
use ron::ser::PrettyConfig;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why `config.ron` could not be read or written.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// The file has a mistake at this spot.
    #[error("{}:{line}:{col}: {message}", path.display())]
    Parse {
        /// The config file.
        path: PathBuf,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        col: usize,
        /// What is wrong there.
        message: String,
    },
    /// The file exists but cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The config file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The preferences could not be encoded.
    #[error("cannot encode the preferences: {0}")]
    Encode(String),
    /// The data directory could not be made.
    #[error("cannot create {}: {source}", path.display())]
    CreateDir {
        /// The directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file could not be written.
    #[error(transparent)]
    Write(#[from] SaveError),
}

/// File name of the preferences in the data directory.
pub const CONFIG_FILE: &str = "config.ron";

/// The config file of a data directory.
pub fn config_path(data_dir: &Path) -> PathBuf {
    data_dir.join(CONFIG_FILE)
}

/// Reads the config; a missing file is the default. Errors name the file, line and column.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => ron::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(source) => Err(ConfigError::Read {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Writes the config atomically.
pub fn save(path: &Path, config: &Config) -> Result<(), ConfigError> {
    let pretty = PrettyConfig::new().new_line("\n");
    let mut text = ron::ser::to_string_pretty(config, pretty)
        .map_err(|e| ConfigError::Encode(e.to_string()))?;
    text.push('\n');
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| ConfigError::CreateDir {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    Ok(write_atomic(path, text.as_bytes())?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::prefs::ThemeName;

    #[test]
    fn round_trip_missing_file_and_mistakes() {
        let dir = tempfile::tempdir().unwrap();
        let path = config_path(&dir.path().join("new-dir"));
        assert_eq!(load(&path).unwrap(), Config::default());
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
        assert_eq!(load(&path).unwrap(), config);
        std::fs::write(&path, "(theme: Some(\"neon\"))").unwrap();
        let err = load(&path).unwrap_err();
        assert!(
            matches!(&err, ConfigError::Parse { line: 1, .. }),
            "names the spot: {err}"
        );
        assert!(err.to_string().contains("config.ron:1:"), "{err}");
    }
}
