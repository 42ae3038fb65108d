//! Locals of types other than `i64` and `Tracked`, mostly with inferred types: `Option<i64>`,
//! `Vec<i64>`, `String`, `(i64, i64)`, `[i64; 2]`, built from expressions holding yields
//! (`let v = if c { let x = yield_!(1); vec![x] } else { Vec::new() };`, `let mut v =
//! Vec::new(); v.push(yield_!(1));`, `format!`, `write!`). They are never moved; reads borrow
//! them only for the duration of an expression without suspensions.

use super::{Gen, Lock, St, Ty};

const OPT_NAMES: &[&str] = &["o", "q"];
const VEC_NAMES: &[&str] = &["v", "vs"];
const STR_NAMES: &[&str] = &["st", "text"];
const PAIR_NAMES: &[&str] = &["p", "pr"];
const ARR_NAMES: &[&str] = &["arr"];

impl Gen {
    /// Readable locals of the types of this module (and closures, slice references).
    pub(super) fn typed_readable(&self) -> Vec<usize> {
        self.visible()
            .into_iter()
            .filter(|&v| {
                !matches!(self.vars[v].ty, Ty::Int | Ty::Tr)
                    && self.st[v] == St::Yes
                    && !matches!(self.lock_of(v), Some(Lock::Exclusive))
            })
            .collect()
    }

    /// An `i64` read of one of [`Gen::typed_readable`].
    pub(super) fn typed_read(&mut self, d: usize) -> String {
        let vs = self.typed_readable();
        let v = vs[self.rng.below(vs.len())];
        let n = self.mention(v);
        let k = self.lit();
        match self.vars[v].ty {
            Ty::Opt => match self.rng.below(3) {
                0 => format!("{n}.unwrap_or({k})"),
                1 => format!("{n}.map_or({k}, |z| z + 1)"),
                _ => format!("i64::from({n}.is_some())"),
            },
            Ty::Vec if self.no_temp_borrow > 0 => format!("({n}.len() as i64)"),
            Ty::Arr if self.no_temp_borrow > 0 => format!("{n}[{}]", self.rng.below(2)),
            Ty::Vec => match self.rng.below(3) {
                0 => format!("({n}.len() as i64)"),
                1 => format!("{n}.iter().sum::<i64>()"),
                _ => format!("{n}.first().copied().unwrap_or({k})"),
            },
            Ty::Str => format!("({n}.len() as i64)"),
            Ty::Pair => format!("{n}.{}", self.rng.below(2)),
            Ty::Arr => match self.rng.below(2) {
                0 => format!("{n}[{}]", self.rng.below(2)),
                _ => format!("{n}.iter().sum::<i64>()"),
            },
            Ty::Fn => {
                self.locks.push((v, Lock::Shared));
                let a = if d > 0 { self.int_expr(d - 1) } else { k };
                self.locks.pop();
                match self.vars[v].wrap {
                    super::Wrap::Bare | super::Wrap::Break => format!("{n}({a})"),
                    super::Wrap::Option => format!("{n}.unwrap()({a})"),
                    super::Wrap::Array | super::Wrap::Pushed => format!("{n}[0]({a})"),
                    super::Wrap::Tuple => format!("({n}.0)({a})"),
                }
            }
            Ty::Ref => format!("*{n}"),
            Ty::Int | Ty::Tr => unreachable!("not a typed local"),
        }
    }

    /// Two expressions in evaluation order (the first locked against assignment, bug F).
    fn two_exprs(&mut self, d: usize) -> (String, String) {
        let a = self.int_expr(d);
        let locked = self.lock_operand(&a);
        let b = self.int_expr(d);
        self.unlock_operand(locked);
        (a, b)
    }

    /// `if c { a } else { b }` with both branches generated from the same state.
    fn typed_if(&mut self, d: usize, then: &str, other: &str) -> String {
        let c = self.cond(d);
        let entry = self.st.clone();
        let a = self.int_expr(d);
        let s1 = self.st.clone();
        self.set_state(entry);
        let b = if other.contains("{}") {
            self.int_expr(d)
        } else {
            String::new()
        };
        let joined = self.join_states(&[s1, self.st.clone()]);
        self.set_state(joined);
        format!(
            "if {c} {{ {} }} else {{ {} }}",
            then.replace("{}", &a),
            other.replace("{}", &b)
        )
    }

    /// `: T` after the name of a new typed local while bug Y is avoided.
    fn ann(&self, ty: Ty) -> &'static str {
        if !self.cfg.avoid.inferred_dead_local {
            return "";
        }
        match ty {
            Ty::Opt => ": Option<i64>",
            Ty::Vec => ": Vec<i64>",
            Ty::Str => ": String",
            Ty::Pair => ": (i64, i64)",
            Ty::Arr => ": [i64; 2]",
            _ => "",
        }
    }

    fn typed_decl(
        &mut self,
        pool: &[&'static str],
        ty: Ty,
        mutable: bool,
    ) -> (String, &'static str) {
        let name = self.let_name(pool);

        let v = self.declare(&name, ty, mutable, St::Yes);
        self.vars[v].mentioned = true;
        (name, self.ann(ty))
    }

    /// A `let` of a typed local, or a mutation of one.
    pub(super) fn typed_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let d = self.expr_depth() - 1;
        let muts: Vec<usize> = self
            .typed_readable()
            .into_iter()
            .filter(|&v| {
                self.vars[v].mutable
                    && self.lock_of(v).is_none()
                    && matches!(self.vars[v].ty, Ty::Opt | Ty::Vec | Ty::Str)
            })
            .collect();
        if !muts.is_empty() && self.rng.chance(30) {
            let v = muts[self.rng.below(muts.len())];
            let n = self.mention(v);
            self.locks.push((v, Lock::Exclusive));
            let e = if self.vars[v].ty == Ty::Str {
                self.macro_args(|g| g.int_expr(d))
            } else {
                self.int_expr(d)
            };
            self.locks.pop();
            return match self.vars[v].ty {
                Ty::Opt => self.line(&format!("{n} = Some::<i64>({e});")),
                Ty::Vec => self.line(&format!("{n}.push({e});")),
                _ => self.line(&format!("{n} += &format!(\"-{{}}\", {e});")),
            };
        }
        // `Some::<i64>(e)` where a `let mut o = None;` takes its value: `e` alone may leave the
        // type to later uses, which a closure may need first (`o.map_or(4, |z| z + 1)` in an
        // `i64` context after `o = Some(o.unwrap_or(9))`: E0271 in the plain fn too, seeds
        // 94119978, 94313017, 94316427).
        match self.rng.below(11) {
            0 => {
                let e = self.typed_if(d, "Some({})", "None");
                let (n, ann) = self.typed_decl(OPT_NAMES, Ty::Opt, false);
                self.line(&format!("let {n}{ann} = {e};"))
            }
            1 => {
                let c = self.cond(d);
                let entry = self.st.clone();
                let e = self.int_expr(d);
                let joined = self.join_states(&[entry, self.st.clone()]);
                self.set_state(joined);
                let (n, ann) = self.typed_decl(OPT_NAMES, Ty::Opt, true);
                self.line(&format!("let mut {n}{ann} = None;"))
                    + &self.line(&format!("if {c} {{ {n} = Some::<i64>({e}); }}"))
            }
            2 => {
                let e = self.typed_if(d, "let x = {}; vec![x]", "Vec::new()");
                let (n, ann) = self.typed_decl(VEC_NAMES, Ty::Vec, false);
                self.line(&format!("let {n}{ann} = {e};"))
            }
            3 => {
                let e = self.int_expr(d);
                let (n, ann) = self.typed_decl(VEC_NAMES, Ty::Vec, true);
                self.line(&format!("let mut {n}{ann} = Vec::new();"))
                    + &self.line(&format!("{n}.push({e});"))
            }
            4 => {
                let (a, b) = self.macro_args(|g| g.two_exprs(d));
                let (n, ann) = self.typed_decl(VEC_NAMES, Ty::Vec, false);
                self.line(&format!("let {n}{ann} = vec![{a}, {b}];"))
            }
            5 => {
                let (a, b) = self.two_exprs(d);
                let (n, ann) = self.typed_decl(PAIR_NAMES, Ty::Pair, false);
                self.line(&format!("let {n}{ann} = ({a}, {b});"))
            }
            6 => {
                let (a, b) = self.two_exprs(d);
                let (n, ann) = self.typed_decl(ARR_NAMES, Ty::Arr, false);
                self.line(&format!("let {n}{ann} = [{a}, {b}];"))
            }
            7 => {
                let (a, b) = self.two_exprs(d);
                let x = self.let_name(super::INT_NAMES);
                let mut y = self.let_name(super::INT_NAMES);
                if y == x {
                    y = format!("{x}2");
                }
                self.declare(&x, Ty::Int, false, St::Yes);
                self.declare(&y, Ty::Int, false, St::Yes);
                self.line(&format!("let ({x}, {y}) = ({a}, {b});"))
            }
            8 => {
                let (a, b) = self.macro_args(|g| g.two_exprs(d));
                // Sometimes an inline capture of an `i64` local.
                let ints = self.readable(Ty::Int);
                let cap = if ints.is_empty() || self.rng.chance(50) {
                    String::new()
                } else {
                    let v = ints[self.rng.below(ints.len())];
                    format!("{{{}}}", self.mention(v))
                };
                let m = self.rng.chance(50);
                let (n, ann) = self.typed_decl(STR_NAMES, Ty::Str, m);
                let m = if self.vars.last().is_some_and(|v| v.mutable) {
                    "mut "
                } else {
                    ""
                };
                // `format_args!` borrows each argument where it is: a bare local as the first
                // one stays borrowed while the second assigns it (seed 94116758: E0506 in both
                // compilations), so the first is a temporary.
                self.line(&format!(
                    "let {m}{n}{ann} = format!(\"{{}}{cap}:{{}}\", ({a}) + 0, {b});"
                ))
            }
            9 => {
                let e = self.macro_args(|g| g.int_expr(d));
                let (n, ann) = self.typed_decl(STR_NAMES, Ty::Str, true);
                self.line(&format!("let mut {n}{ann} = String::new();"))
                    + &self.line(&format!("write!({n}, \"{{}}\", {e}).unwrap();"))
            }
            _ => {
                let e = self.int_expr(d);
                let (n, ann) = self.typed_decl(OPT_NAMES, Ty::Opt, false);
                self.line(&format!("let {n}{ann} = opt({e});"))
            }
        }
    }
}
