//! `i64` expressions built from literals and method calls whose parts hold yields: tuple, array,
//! struct and `vec!` literals (`(yield_!(1), 2).0`, `[yield_!(1), 3][1]`, `(S { a: yield_!(1),
//! b: 2 }).a`), method receivers (`yield_!(1).max(3)`), `Option` adaptors with closures, and
//! `yield_from!` of a sub-generator.

use super::Gen;

impl Gen {
    /// A receiver of type `i64` (never a bare literal: `3.max(1)` is ambiguous).
    fn typed_receiver(&mut self, d: usize) -> String {
        let a = self.int_expr(d);
        if self.yields_ok() && self.rng.chance(70) {
            self.yield_value(a)
        } else {
            format!("f2({a}, 0)")
        }
    }

    pub(super) fn compound_expr(&mut self, d: usize) -> String {
        let d = d - 1;
        match self.rng.below(9) {
            0 => {
                let (a, b) = self.two(d);
                format!("({a}, {b}).{}", self.rng.below(2))
            }
            1 => {
                let (a, b) = self.two(d);
                let k = self.lit();
                format!("[{a}, {b}, {k}][{}]", self.rng.below(3))
            }
            2 => {
                let (a, b) = self.two(d);
                let field = self.rng.pick(&["a", "b", "sum()"]);
                // Parenthesized: a struct literal may not start a condition or scrutinee.
                if self.rng.chance(50) {
                    format!("(S {{ a: {a}, b: {b} }}).{field}")
                } else {
                    // Fields are evaluated in the order written.
                    format!("(S {{ b: {a}, a: {b} }}).{field}")
                }
            }
            3 => {
                let r = self.typed_receiver(d);
                let k = self.lit();
                match self.rng.below(4) {
                    0 => format!("{r}.max({k})"),
                    1 => format!("{r}.min({k})"),
                    2 => format!("{r}.rem_euclid(5)"),
                    _ => {
                        let b = self.int_expr(d);
                        format!("{r}.wrapping_add({b})")
                    }
                }
            }
            4 => {
                let a = self.int_expr(d);
                let k = self.lit();
                // Async mode: `move`, or the enum path refuses the closure.
                let mv = if self.cfg.asyncs { "move " } else { "" };
                format!("opt({a}).map({mv}|z| z * 2).unwrap_or({k})")
            }
            5 => {
                let a = self.int_expr(d);
                format!("Some({a}).unwrap_or(0)")
            }
            // Not in guards and let-chain conditions: a macro there reading a binding that
            // shadows a local is rejected by design (bug P's fix).
            6 if self.pure == 0 && self.no_yield == 0 => {
                let (a, b) = self.macro_args(|g| g.two(d));
                if self.rng.chance(50) {
                    format!("vec![{a}, {b}][1]")
                } else {
                    format!("(vec![{a}, {b}].len() as i64)")
                }
            }
            7 => {
                let (a, b) = self.two(d);
                format!("f2({a}, {b},)")
            }
            _ => {
                let a = self.int_expr(d);
                format!("i64::from({a} > 2)")
            }
        }
    }

    /// Two operands in evaluation order (the first locked against assignment, bug F).
    fn two(&mut self, d: usize) -> (String, String) {
        let a = self.int_expr(d);
        let locked = self.lock_operand(&a);
        let b = self.int_expr(d);
        self.unlock_operand(locked);
        (a, b)
    }

    /// `yield_from!(sub(&log, site, n))`: the sub-generator yields `n mod 3` values and returns
    /// the sum of what it was sent plus `n`; its `Tracked` drops when it completes.
    pub(super) fn yield_from_expr(&mut self, d: usize) -> String {
        if self.cfg.asyncs {
            return self.async_yield_from(d);
        }
        let s = self.site();
        self.temps.push(s);
        let a = self.int_expr(d - 1);
        format!("yield_from!(sub(&log, {s}, {a}))")
    }
}
