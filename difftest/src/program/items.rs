//! Closures, nested `fn` items and `const`s beside yields (none of them contains a yield; the
//! lowering leaves them alone). Closures are stored in locals that live across suspensions and
//! are called later (`Ty::Fn`), capturing `i64` locals by `move`.

use super::{Gen, St, Ty, Wrap};

impl Gen {
    fn item_name(&mut self, base: &str) -> String {
        let n = format!("{base}{}", self.next_item);
        self.next_item += 1;
        n
    }

    /// A closure, nested `fn` or `const` declaration.
    pub(super) fn item_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let k = self.rng.range(1, 5);
        let closures = !self.cfg.avoid.closure_in_loop;
        match self.rng.below(if closures { 4 } else { 2 }) {
            0 => {
                let n = self.item_name("h");
                let v = self.declare(&n, Ty::Fn, false, St::Yes);
                self.vars[v].mentioned = true;
                self.line(&format!("fn {n}(x: i64) -> i64 {{ (x % {k}) * 2 + 1 }}"))
            }
            1 => {
                let n = self.item_name("K");
                let v = self.declare(&n, Ty::Int, false, St::Yes);
                self.vars[v].counter = true;
                self.vars[v].mentioned = true;
                self.line(&format!("const {n}: i64 = {k};"))
            }
            _ => {
                // Captures (by copy) an `i64` local, or nothing.
                let ints = self.readable(Ty::Int);
                let (body, captures) = if ints.is_empty() || self.rng.chance(30) {
                    (format!("x * {k} % 100"), false)
                } else {
                    let v = ints[self.rng.below(ints.len())];
                    let c = self.mention(v);
                    (format!("f2(x, {c})"), true)
                };
                let n = self.item_name("fc");
                let v = self.declare(&n, Ty::Fn, false, St::Yes);
                self.vars[v].mentioned = true;
                // `move`: a captured reference would be a borrow across a suspension.
                let mv = if captures || self.cfg.asyncs || self.rng.chance(50) {
                    "move "
                } else {
                    ""
                };
                let ret = if self.rng.chance(50) { " -> i64" } else { "" };
                let b = if ret.is_empty() {
                    body
                } else {
                    format!("{{ {body} }}")
                };
                let ann = ": i64";
                let closure = format!("{mv}|x{ann}|{ret} {b}");
                // The closure's type reaches the local through a wrapper half the time.
                let wrap = if self.rng.chance(50) {
                    Wrap::Bare
                } else {
                    [
                        Wrap::Option,
                        Wrap::Array,
                        Wrap::Tuple,
                        Wrap::Break,
                        Wrap::Pushed,
                    ][self.rng.below(5)]
                };
                self.vars[v].wrap = wrap;
                let line = match wrap {
                    Wrap::Bare => format!("let {n} = {closure};"),
                    Wrap::Option => format!("let {n} = Some({closure});"),
                    Wrap::Array => format!("let {n} = [{closure}];"),
                    Wrap::Tuple => format!("let {n} = ({closure}, 0i64);"),
                    Wrap::Break => format!("let {n} = loop {{ break {closure}; }};"),
                    // One statement: the line may carry a `#[cfg]`.
                    Wrap::Pushed => {
                        format!("let {n} = {{ let mut v = Vec::new(); v.push({closure}); v }};")
                    }
                };
                self.line(&line)
            }
        }
    }
}
