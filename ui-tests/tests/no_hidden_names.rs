//! No message a user can see names a generated identifier (`__CoroState`, `__coro_r3`,
//! `coro_core::__private::...`): every expected `.stderr` under `tests/ui` is scanned.

use std::path::{Path, PathBuf};

/// Files whose message still names a generated identifier, each with why. This list only
/// shrinks: fix the message, then remove the file from here.
const ALLOWED: &[(&str, &str)] = &[];

/// The `.stderr` files under `dir`, at any depth.
fn stderr_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable dir") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            stderr_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "stderr") {
            out.push(path);
        }
    }
}

/// The generated identifiers in `text`: `__` then a letter or digit, not inside a longer
/// identifier (so `|______^` underlines do not count).
fn hidden_names(text: &str) -> Vec<String> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 2 < chars.len() {
        let starts = chars[i] == '_'
            && chars[i + 1] == '_'
            && chars[i + 2].is_alphanumeric()
            && (i == 0 || !is_ident(chars[i - 1]));
        if starts {
            let end = (i..chars.len())
                .find(|&j| !is_ident(chars[j]))
                .unwrap_or(chars.len());
            found.push(chars[i..end].iter().collect());
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

#[test]
fn the_scan_finds_generated_names_and_ignores_underlines() {
    assert_eq!(
        hidden_names("`coro_core::__private::Machine<__CoroState<T>>` |______^ a__b __"),
        ["__private", "__CoroState"]
    );
}

#[test]
fn no_expected_message_names_a_generated_identifier() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui");
    let mut files = Vec::new();
    stderr_files(&root, &mut files);
    files.sort();
    assert!(files.len() > 50, "found only {} .stderr files", files.len());
    let mut offending = Vec::new();
    let mut still_allowed = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&root).expect("under tests/ui");
        let rel = rel.to_string_lossy().replace('\\', "/");
        let names = hidden_names(&std::fs::read_to_string(file).expect("readable"));
        let allowed = ALLOWED.iter().any(|(f, _)| *f == rel);
        match (names.is_empty(), allowed) {
            (false, false) => offending.push(format!("{rel}: {}", names.join(", "))),
            (false, true) => still_allowed.push(rel),
            (true, _) => {}
        }
    }
    assert!(
        offending.is_empty(),
        "messages name generated identifiers:\n{}",
        offending.join("\n")
    );
    // An allow-listed file that is clean now must leave the list.
    for (f, _) in ALLOWED {
        assert!(
            still_allowed.iter().any(|a| a == f),
            "{f} no longer names a generated identifier: remove it from ALLOWED"
        );
    }
}
