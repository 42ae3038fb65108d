//! The slice argument `xs: &[i64]` (programs with `slice_arg`): loops over it and references
//! into it living across yields (`for x in xs { yield_!(*x); }`, `let r = &xs[1];`).

use super::{Gen, St, Ty};

impl Gen {
    /// An `i64` read of the slice argument (never empty: [`crate::runtime::XS`]).
    pub(super) fn slice_read(&mut self) -> String {
        let n = if self.no_temp_borrow > 0 { 2 } else { 3 };
        match self.rng.below(n) {
            0 => format!("xs[{}]", self.rng.below(3)),
            1 => "(xs.len() as i64)".to_string(),
            _ => "xs.iter().sum::<i64>()".to_string(),
        }
    }

    /// `for x in xs { .. }` (`x: &i64`), `for &x in xs`, `for x in xs.iter().copied()`, or a
    /// `let r = &xs[k];` read later.
    pub(super) fn for_slice_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        if self.rng.chance(25) {
            let k = self.rng.below(3);
            let n = format!("r{}", self.next_item);
            self.next_item += 1;
            let v = self.declare(&n, Ty::Ref, false, St::Yes);
            self.vars[v].mentioned = true;
            return self.line(&format!("let {n} = &xs[{k}];"));
        }
        let label = self.maybe_label();
        let head = Self::labeled(label.as_ref());
        let form = self.rng.below(3);
        let ((pat, body), exit) = self.in_loop(label, false, |this| {
            this.push_scope();
            let ty = if form == 0 { Ty::Ref } else { Ty::Int };
            let (_, x) = this.bind("x", ty, false);
            let b = this.loop_body("");
            this.pop_scope();
            (x, b)
        });
        self.set_state(exit);
        let it = match form {
            0 => format!("{pat} in xs"),
            1 => format!("&{pat} in xs"),
            _ => format!("{pat} in xs.iter().copied()"),
        };
        self.line(&format!("{head}for {it} {body}"))
    }
}
