//! Statements of std macros holding yields (`assert!`, `assert_eq!`, `assert_ne!`) and panics in
//! the body (`panic!`, `unwrap` of a maybe-`None`, failing assertions): the comparison then
//! checks the panic message and the drops during unwinding.

use super::Gen;

impl Gen {
    pub(super) fn std_macro_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let d = self.expr_depth() - 1;
        let entry = self.st.clone();
        let a = self.macro_args(|g| g.operand(d));
        let k = self.lit();
        // Hold on every run: values stay far below 10^6.
        let s = match self.rng.below(4) {
            0 => format!("assert!({a} < 1_000_000, \"big {{}}\", {k});"),
            1 => format!("assert_eq!(({a}) * 0, 0);"),
            2 => format!("assert_ne!({a}, 1_000_000, \"hit\");"),
            _ => {
                // `debug_assert!`'s argument runs only `if cfg!(debug_assertions)`: to the
                // borrow checker what it assigns or moves is maybe so after it (seed 94115965:
                // a moved `u` reassigned in it, then read: E0382 in both compilations).
                let after = self.st.clone();
                let joined = self.join_states(&[entry, after]);
                self.set_state(joined);
                format!("debug_assert!({a} > -1_000_000);")
            }
        };
        self.line(&s)
    }

    pub(super) fn panic_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let d = self.expr_depth() - 1;
        // Only case 0 puts `a` outside a macro; the rest are `assert!`s.
        let a = self.macro_args(|g| g.operand(d));
        let k = self.rng.range(0, 9);
        match self.rng.below(4) {
            0 => {
                // The message runs only on the panicking path: what it assigns (a moved local
                // reassigned) is not there after the `if` (seed 41201817: E0382 in both).
                let entry = self.st.clone();
                let b = self.macro_args(|g| g.int_expr(d));
                self.set_state(entry);
                self.line(&format!("if {a} == {k} {{ panic!(\"boom {{}}\", {b}); }}"))
            }
            1 => self.line(&format!("f2(opt({a} + {k}).unwrap(), 0);")),
            2 => self.line(&format!("assert!({a} != {k}, \"assert {{}}\", {k});")),
            _ => self.line(&format!("assert_eq!(({a}) % 4, 0, \"eq\");")),
        }
    }
}
