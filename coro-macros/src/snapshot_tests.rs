//! Expansion snapshots: each `tests/expand/<name>.rs` holds one `#[generator(..)]` or
//! `#[async_gen(..)]` fn (or, for `block_<name>.rs`, the input of one `gen_block!`); its
//! expansion, formatted by `rustfmt`, is checked in as `tests/expand/<name>.expanded.rs`.
//! They document what the macro emits and show every change to it in review.
//!
//! `CORO_BLESS=1 cargo test -p coro-macros snapshot` rewrites the `.expanded.rs` files.
//! Without a `rustfmt` binary the test is skipped (with a message).

use proc_macro2::TokenStream;
use quote::ToTokens;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The fn's expansion by its `#[generator(..)]` or `#[async_gen(..)]` attribute.
fn expand_fn(path: &Path) -> TokenStream {
    let (attr, args, item) = input(path);
    if attr == "async_gen" {
        crate::async_gen::expand(args, item)
    } else {
        crate::generator::expand(args, item)
    }
}

/// The fn, its attribute's name and options, from an input file.
fn input(path: &Path) -> (String, TokenStream, TokenStream) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file: syn::File =
        syn::parse_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for item in file.items {
        if let syn::Item::Fn(mut func) = item {
            let Some(pos) = func
                .attrs
                .iter()
                .position(|a| a.path().is_ident("generator") || a.path().is_ident("async_gen"))
            else {
                continue;
            };
            let attr = func.attrs.remove(pos);
            let name = attr.path().get_ident().expect("an ident").to_string();
            let args = match attr.meta {
                syn::Meta::List(list) => list.tokens,
                _ => TokenStream::new(),
            };
            return (name, args, func.into_token_stream());
        }
    }
    panic!("{}: no #[generator] or #[async_gen] fn", path.display());
}

/// A `block_<name>.rs` input holds a `gen_block!` call's tokens (`yield = u64 => { .. }`); its
/// snapshot is the expansion as a fn's `let`.
fn block_input(path: &Path) -> Option<TokenStream> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    if !name.starts_with("block_") {
        return None;
    }
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let tokens: TokenStream = text
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let expanded = crate::block::expand::gen_block(&tokens);
    Some(quote::quote!(fn snapshot() { let _ = #expanded; }))
}

fn rustfmt(code: &str) -> Option<String> {
    let mut child = Command::new(std::env::var("RUSTFMT").unwrap_or_else(|_| "rustfmt".into()))
        .args(["--edition", "2024"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(code.as_bytes())
        .expect("write to rustfmt");
    let out = child.wait_with_output().expect("rustfmt");
    assert!(
        out.status.success(),
        "rustfmt failed:\n{}\n{code}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).expect("utf-8"))
}

#[test]
fn expansion_snapshots() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/expand");
    let bless = std::env::var_os("CORO_BLESS").is_some();
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/expand")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "rs")
                && !p.to_string_lossy().ends_with(".expanded.rs")
        })
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no inputs in {}", dir.display());
    let mut stale = Vec::new();
    for path in &inputs {
        let expanded = block_input(path)
            .unwrap_or_else(|| expand_fn(path))
            .to_string();
        let Some(formatted) = rustfmt(&expanded) else {
            println!("expansion_snapshots: skipped, no `rustfmt` binary found");
            return;
        };
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let snapshot = format!(
            "// The expansion of `{name}`, formatted by rustfmt. Regenerate with\n\
             // `CORO_BLESS=1 cargo test -p coro-macros snapshot`.\n\n{formatted}"
        );
        let target = path.with_extension("expanded.rs");
        if bless {
            std::fs::write(&target, &snapshot).expect("write snapshot");
        } else if std::fs::read_to_string(&target).ok().as_deref() != Some(snapshot.as_str()) {
            stale.push(target.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "expansions changed (review, then bless with `CORO_BLESS=1 cargo test -p coro-macros snapshot`): {stale:?}"
    );
}

/// The same input expands to the same tokens (a hash set's iteration order once decided where a
/// large body's inline budget went, so builds differed). Large enough to spend the budget.
#[test]
fn expansion_is_deterministic() {
    use std::fmt::Write as _;
    let mut body = String::from("let mut a = 0i64; let mut b = 1i64;");
    for i in 0..120 {
        let _ = write!(
            body,
            "for i in 0..3 {{ a += i; if a > {i} {{ a = yield_!(a) % 7; }} }} \
             match b % 3 {{ 0 => {{ b += yield_!(1); }} 1 => b -= 1, _ => {{ a += b; }} }} \
             let mut v{i} = a + b; while v{i} < 100 {{ v{i} = v{i} * 2 + 1; yield_!(v{i}); }} b += v{i};"
        );
    }
    let item: TokenStream = format!("fn big() -> i64 {{ {body} a + b }}")
        .parse()
        .expect("tokens");
    let args: TokenStream = "yield = i64, resume = i64".parse().expect("tokens");
    let first = crate::generator::expand(args.clone(), item.clone()).to_string();
    for _ in 0..2 {
        assert!(crate::generator::expand(args.clone(), item.clone()).to_string() == first);
    }
}
