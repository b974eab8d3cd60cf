//! Layering checks: the domain and storage layers stay free of terminal crates, and
//! rendering stays free of I/O.

use std::path::Path;

fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            out.push((path.display().to_string(), text));
        }
    }
    out
}

fn offenders(layer: &str, forbidden: &[&str]) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(layer);
    let files = sources(&dir);
    assert!(!files.is_empty(), "no sources found in {}", dir.display());
    files
        .into_iter()
        .flat_map(|(path, text)| {
            forbidden
                .iter()
                .filter(|word| text.contains(*word))
                .map(|word| format!("{path} mentions {word}"))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn domain_and_storage_know_nothing_of_the_terminal() {
    for layer in ["domain", "storage", "export"] {
        assert_eq!(
            offenders(layer, &["ratatui", "crossterm"]),
            Vec::<String>::new()
        );
    }
}

#[test]
fn domain_and_export_do_no_file_io() {
    for layer in ["domain", "export"] {
        assert_eq!(
            offenders(layer, &["std::fs", "std::io", "std::env"]),
            Vec::<String>::new()
        );
    }
}

#[test]
fn rendering_does_no_io() {
    assert_eq!(
        offenders("ui", &["std::fs", "std::env", "storage::"]),
        Vec::<String>::new()
    );
}

#[test]
fn update_logic_never_calls_into_rendering() {
    assert_eq!(
        offenders("app", &["crate::ui", "ratatui::widgets", "Buffer"]),
        Vec::<String>::new()
    );
}
