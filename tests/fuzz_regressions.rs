//! Every input the fuzz targets (fuzz/) ever crashed on, kept in `fuzz/regressions/<target>/` and
//! replayed through the same entry points, so they run in every `cargo test` without cargo-fuzz.

use std::path::PathBuf;

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.is_file()
                && p.file_name()
                    .is_some_and(|n| n != "README.md" && !n.to_string_lossy().starts_with('.'))
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

fn replay(target: &str, run: fn(&[u8])) {
    let inputs = inputs(target);
    for (path, bytes) in &inputs {
        eprintln!("replaying {}", path.display());
        run(bytes);
    }
    eprintln!("{target}: {} inputs replayed", inputs.len());
}

#[test]
fn page() {
    replay("page", shishin::fuzzing::page);
}

#[test]
fn markdown() {
    replay("markdown", shishin::fuzzing::markdown);
}

#[test]
fn obligations() {
    replay("obligations", shishin::fuzzing::obligations);
}

#[test]
fn facts() {
    replay("facts", shishin::fuzzing::facts);
}

#[test]
fn versions() {
    replay("versions", shishin::fuzzing::versions);
}
