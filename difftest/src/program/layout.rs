//! Layout variants: `if`/`match` expressions of type `i64` as statements (`if c { a } else { b
//! };`, `match x { 1 => a, _ => { b } };`), arms with and without braces and trailing commas.

use super::Gen;

impl Gen {
    pub(super) fn expr_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let d = self.expr_depth().max(2);
        let e = if self.rng.chance(50) {
            self.if_expr(d)
        } else {
            self.match_expr(d)
        };
        if self.rng.chance(50) {
            self.line(&format!("{e};"))
        } else {
            self.line(&format!("let _ = {e};"))
        }
    }
}
