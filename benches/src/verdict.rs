//! The pieces of a targets table: ratios of two rows of one run's table, and the table's rows.
//! Shared with `benches/nightly` through `#[path]`.

use crate::harness::Table;

/// Median of `a` over median of `b`.
pub fn ratio(t: &Table, a: &str, b: &str) -> f64 {
    t.median(a).unwrap_or(f64::NAN) / t.median(b).unwrap_or(f64::NAN)
}

/// `" (instr 1.23×)"` when both rows were counted, else empty.
pub fn instr_ratio(t: &Table, a: &str, b: &str) -> String {
    match (t.instr(a), t.instr(b)) {
        (Some(x), Some(y)) => format!(" (instr {:.2}×)", x / y),
        _ => String::new(),
    }
}

/// The rows of a targets table.
pub struct Rows(pub String);

impl Rows {
    pub fn push(&mut self, target: &str, measured: String, ok: bool) {
        self.0.push_str(&format!(
            "| {target} | {measured} | {} |\n",
            if ok { "yes" } else { "**no**" }
        ));
    }

    /// The table, or nothing if no row was pushed.
    pub fn finish(self) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        format!(
            "### Targets (this run)\n\n| target | measured | met |\n|---|---|---|\n{}\n",
            self.0
        )
    }
}
