//! trybuild compile-fail tests live in tests/.
