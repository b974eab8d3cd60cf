//! Layering checks: the domain and storage layers stay free of terminal crates, rendering
//! stays free of I/O, and no source files import each other round a loop.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns may unwrap too: this is test code
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

/// The module path of a source file: `src/app/keymap/mod.rs` is `crate::app::keymap`.
fn module_of(path: &Path, src: &Path) -> String {
    let rel = path.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    std::iter::once("crate".to_string())
        .chain(parts)
        .collect::<Vec<_>>()
        .join("::")
}

/// Which source file a path written in `module` (`super::a::b`, `crate::x::{y, z}` …) names:
/// the longest prefix that is a file's module.
fn resolve(
    module: &str,
    path: &str,
    modules: &std::collections::BTreeSet<String>,
) -> Option<String> {
    let mut segs: Vec<&str> = path.split("::").collect();
    let mut base: Vec<&str> = match segs.first() {
        Some(&"crate") => vec!["crate"],
        Some(&"self") => module.split("::").collect(),
        Some(&"super") => {
            let mut base: Vec<&str> = module.split("::").collect();
            while segs.first() == Some(&"super") {
                base.pop();
                segs.remove(0);
            }
            segs.insert(0, "self");
            base
        }
        _ => return None,
    };
    segs.remove(0);
    let mut best = None;
    for seg in std::iter::once(None).chain(segs.iter().map(Some)) {
        if let Some(seg) = seg {
            base.push(seg);
        }
        let candidate = base.join("::");
        if modules.contains(&candidate) {
            best = Some(candidate);
        }
    }
    best
}

/// No two source files depend on each other, directly or round a longer loop: each `use` or
/// path (`super::`, `crate::`, `self::`, groups included) outside tests is an edge to the file
/// it names, except a file naming its own parent module, and every strongly connected
/// component of that graph must be one file.
#[test]
fn no_import_cycle_between_source_files() {
    use std::collections::{BTreeMap, BTreeSet};
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files: Vec<(String, String)> = sources(&src)
        .into_iter()
        .map(|(path, text)| (module_of(Path::new(&path), &src), text))
        .collect();
    let modules: BTreeSet<String> = files.iter().map(|(m, _)| m.clone()).collect();
    let path = regex::Regex::new(r"\b((?:crate|super|self)(?:::\w+)+)(?:::\{([^}]*)\})?").unwrap();
    let group_path = regex::Regex::new(r"\b((?:crate|super|self)(?:::\w+)*)::\{([^}]*)\}").unwrap();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, text) in &files {
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let mut named: Vec<String> = path.captures_iter(code).map(|c| c[1].to_string()).collect();
        for c in group_path.captures_iter(code) {
            for name in c[2].split(|ch: char| !(ch.is_alphanumeric() || ch == '_')) {
                if !name.is_empty() {
                    named.push(format!("{}::{name}", &c[1]));
                }
            }
        }
        let out = edges.entry(module.clone()).or_default();
        for target in named.iter().filter_map(|p| resolve(module, p, &modules)) {
            if target != *module && !module.starts_with(&format!("{target}::")) {
                out.insert(target);
            }
        }
    }
    // A file reaches itself through others: it is in a cycle.
    let mut cycles = Vec::new();
    for start in edges.keys() {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<&String> = edges[start].iter().collect();
        while let Some(next) = stack.pop() {
            if next == start {
                cycles.push(start.clone());
                break;
            }
            if seen.insert(next) {
                stack.extend(edges.get(next).into_iter().flatten());
            }
        }
    }
    assert!(edges.len() > 100, "only {} files read", edges.len());
    assert!(
        edges.values().map(BTreeSet::len).sum::<usize>() > 300,
        "too few imports found: the parser reads nothing"
    );
    assert_eq!(cycles, Vec::<String>::new(), "files in an import cycle");
}
