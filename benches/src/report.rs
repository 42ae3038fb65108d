//! `BENCHMARKS.md` is assembled from sections that each runner rewrites on its own, so the
//! runtime tables, the nightly reference and the compile-time results can be refreshed
//! independently. Shared with `benches/nightly` through `#[path]`.

use std::path::{Path, PathBuf};

/// The workspace root (the parent of this crate's manifest dir).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .find(|p| p.join("coro-core").is_dir())
        .expect("benches/ lives inside the coro workspace")
        .to_path_buf()
}

/// The order in which sections appear in the file.
pub const SECTIONS: &[&str] = &[
    "intro",
    "runtime",
    "analysis",
    "nightly",
    "compile-time",
    "compile-curve",
];

/// Replaces (or inserts) section `name` of the Markdown file at `path` with `body`.
pub fn update_section(path: &Path, name: &str, body: &str) -> std::io::Result<()> {
    let old = std::fs::read_to_string(path).unwrap_or_default();
    let mut out = String::new();
    for &s in SECTIONS {
        let content = if s == name {
            Some(body.trim_end().to_string())
        } else {
            extract(&old, s)
        };
        if let Some(c) = content {
            out.push_str(&format!(
                "<!-- section:{s} -->\n{c}\n<!-- /section:{s} -->\n\n"
            ));
        }
    }
    std::fs::write(path, out.trim_end().to_string() + "\n")
}

fn extract(text: &str, name: &str) -> Option<String> {
    let open = format!("<!-- section:{name} -->\n");
    let close = format!("\n<!-- /section:{name} -->");
    let start = text.find(&open)? + open.len();
    let end = start + text[start..].find(&close)?;
    Some(text[start..end].to_string())
}
