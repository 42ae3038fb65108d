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

/// The order in which sections appear in the file. The runtime and nightly tables have one
/// section per cargo profile (see [`section`]).
pub const SECTIONS: &[&str] = &[
    "intro",
    "runtime",
    "runtime-release-cgu1",
    "analysis",
    "nightly",
    "nightly-release-cgu1",
    "compile-time",
    "compile-curve",
    "compile-curve-inferred",
];

/// The cargo profile this binary was built with: the name of the directory it sits in
/// (`target/release/bench`, `target/release-cgu1/bench`), which is where cargo puts each profile's
/// output; cargo tells a running binary nothing else about its profile.
pub fn profile() -> String {
    std::env::current_exe()
        .ok()
        .and_then(|exe| {
            let dir = exe.parent()?.file_name()?.to_str()?.to_string();
            // `cargo run` of a binary: `target/<profile>/<bin>`; `deps/` for a test harness.
            (dir != "deps").then_some(dir)
        })
        .unwrap_or_else(|| "release".into())
}

/// What the profile is, for the report.
pub fn profile_description(profile: &str) -> String {
    match profile {
        "release" => {
            "profile `release` (opt-level 3, no LTO, codegen-units 16: cargo's defaults)".into()
        }
        "release-cgu1" => "profile `release-cgu1` (`release` with codegen-units = 1)".into(),
        other => format!("profile `{other}`"),
    }
}

/// The section a profile's tables go to: `base` for `release`, `base-<profile>` otherwise.
pub fn section(base: &str, profile: &str) -> String {
    if profile == "release" {
        base.to_string()
    } else {
        format!("{base}-{profile}")
    }
}

/// Replaces (or inserts) section `name` of the Markdown file at `path` with `body`.
pub fn update_section(path: &Path, name: &str, body: &str) -> std::io::Result<()> {
    // A name missing from SECTIONS would be silently dropped from the file.
    assert!(
        SECTIONS.contains(&name),
        "BENCHMARKS.md has no section {name}: add it to report::SECTIONS"
    );
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
