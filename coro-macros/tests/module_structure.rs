//! The macro crate's structure, as issue 10 asks for it: no import circles between its files
//! (a circle means two files are one concept, or a helper lives in the wrong one), and no file
//! much over 500 lines.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, by module path (`lower/mod.rs` and `lower.rs` are `lower`).
fn modules() -> BTreeMap<Vec<String>, (PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files
        .into_iter()
        .map(|path| {
            let rel = path
                .strip_prefix(&src)
                .expect("under src")
                .with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(parts.last().map(String::as_str), Some("lib" | "mod")) {
                parts.pop();
            }
            let text = std::fs::read_to_string(&path).expect("readable");
            (parts, (path, text))
        })
        .collect()
}

/// The paths a file names: `super::a::b`, `crate::a`, `self::a`, and `use super::{a, b::c}`.
fn named_paths(module: &[String], text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let word_start = i == 0 || !(bytes[i - 1].is_alphanumeric() || bytes[i - 1] == '_');
        let rest: String = bytes[i..bytes.len().min(i + 8)].iter().collect();
        let head = ["crate::", "super::", "self::"]
            .into_iter()
            .find(|h| rest.starts_with(h));
        let Some(head) = head.filter(|_| word_start) else {
            i += 1;
            continue;
        };
        let mut base: Vec<String> = match head {
            "crate::" => Vec::new(),
            "super::" => module[..module.len().saturating_sub(1)].to_vec(),
            _ => module.to_vec(),
        };
        i += head.len();
        // `super::super::x`
        while bytes[i..].iter().collect::<String>().starts_with("super::") {
            base.pop();
            i += "super::".len();
        }
        if bytes.get(i) == Some(&'{') {
            let end = bytes[i..]
                .iter()
                .position(|&c| c == '}')
                .map_or(bytes.len(), |p| i + p);
            let group: String = bytes[i + 1..end].iter().collect();
            for item in group.split(',') {
                let first = item.trim().split("::").next().unwrap_or("").trim();
                if !first.is_empty() {
                    let mut p = base.clone();
                    p.push(first.to_string());
                    out.push(p);
                }
            }
            i = end;
            continue;
        }
        let mut path = base;
        loop {
            let start = i;
            while i < bytes.len() && (bytes[i].is_alphanumeric() || bytes[i] == '_') {
                i += 1;
            }
            if i == start {
                break;
            }
            path.push(bytes[start..i].iter().collect());
            if bytes[i..].iter().take(2).collect::<String>() == "::" {
                i += 2;
            } else {
                break;
            }
        }
        out.push(path);
    }
    out
}

#[test]
fn no_import_circles_between_files() {
    let mods = modules();
    let mut edges: BTreeMap<&Vec<String>, BTreeSet<&Vec<String>>> = BTreeMap::new();
    for (module, (_, text)) in &mods {
        let deps = edges.entry(module).or_default();
        for path in named_paths(module, text) {
            // The longest prefix that is a file of the crate; a module's own ancestors (the
            // builder type a child `impl`s) are not an import between peers.
            let target = (1..=path.len())
                .rev()
                .find_map(|k| mods.get_key_value(&path[..k]).map(|(key, _)| key));
            if let Some(t) = target
                && t != module
                && !module.starts_with(t)
            {
                deps.insert(t);
            }
        }
    }
    // A file that reaches itself through its imports is in a circle.
    let mut circles = Vec::new();
    for &start in edges.keys() {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<&Vec<String>> = edges[start].iter().copied().collect();
        while let Some(m) = stack.pop() {
            if m == start {
                circles.push(start.join("/"));
                break;
            }
            if seen.insert(m) {
                stack.extend(edges.get(m).into_iter().flatten().copied());
            }
        }
    }
    assert!(circles.is_empty(), "files in an import circle: {circles:?}");
}

#[test]
fn the_circle_finder_sees_each_kind_of_path() {
    let module = vec!["lower".to_string(), "expr".to_string()];
    let paths = named_paths(
        &module,
        "use super::{eval::Eval, Lowerer};\nlet x = super::stmt::is_control(e); crate::scan::f();",
    );
    let names: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        names,
        [
            "lower::eval",
            "lower::Lowerer",
            "lower::stmt::is_control",
            "scan::f"
        ]
    );
}

#[test]
fn no_file_much_over_500_lines() {
    let long: Vec<String> = modules()
        .values()
        .filter(|(_, text)| text.lines().count() > 530)
        .map(|(path, text)| format!("{} ({} lines)", path.display(), text.lines().count()))
        .collect();
    assert!(long.is_empty(), "split these files: {long:?}");
}
