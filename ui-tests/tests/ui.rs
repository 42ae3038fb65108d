//! Compile-fail tests: every misuse of the macros and its exact message.
//!
//! `TRYBUILD=overwrite cargo test -p coro-ui-tests` rewrites the `.stderr` files; read each one
//! before committing it (`tests/no_hidden_names.rs` fails if one names a generated `__`
//! identifier). A case whose message still waits for a fix in the macros can live in
//! `ui/pending/<topic>/` with the `.stderr` expected once it lands; those run only with
//! `CORO_UI_PENDING=1`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/args/*.rs");
    t.compile_fail("tests/ui/generator/*.rs");
    t.compile_fail("tests/ui/types/*.rs");
    t.compile_fail("tests/ui/borrows/*.rs");
    t.compile_fail("tests/ui/async_gen/*.rs");
    t.compile_fail("tests/ui/async_send/*.rs");
    t.compile_fail("tests/ui/lints/*.rs");
    t.compile_fail("tests/ui/protocol/*.rs");
    t.compile_fail("tests/ui/pinned/*.rs");
    t.compile_fail("tests/ui/block/*.rs");
    if std::env::var_os("CORO_UI_PENDING").is_some() {
        t.compile_fail("tests/ui/pending/*/*.rs");
    }
}
