//! What a piece of code does to the generator's locals, as liveness needs it: which locals it
//! reads before assigning them (each such read makes the local live before the code), which it
//! assigns as a whole on every path that completes (a kill: a value the local held before is
//! not needed, so it is not saved at an earlier suspension), and which it assigns at all.
//!
//! Input:  `if c { t = make(); use_(&mut t) } else { t = other() }`
//! Output: reads `{c}`, assigned `{t}`, written `{t}` — `t` is dead before the `if`, even if it
//!         was moved out earlier (a maybe-moved local reassigned in a branch).
//!
//! Evaluation order follows the syntax (operands left to right, an assignment's right side
//! before its target); branches join by intersection; loop bodies may not run, so what they
//! assign does not count after them; closures and macro calls only read.

use std::collections::{BTreeSet, HashMap, HashSet};

use proc_macro2::Ident;
use syn::visit::{self, Visit};
use syn::{Expr, Pat};

use super::names::{FreeNames, pat_bindings};

/// See the module docs.
pub struct Effects {
    /// Names read before being assigned on the path, in first-read order.
    pub reads: Vec<Ident>,
    /// Names read anywhere, after an assignment too.
    pub read_anywhere: BTreeSet<String>,
    /// Names assigned as a whole on every path through the code that completes.
    pub assigned: BTreeSet<String>,
    /// Names assigned as a whole on some path.
    pub written: BTreeSet<String>,
    /// Some path through the code completes (`t = f({ return 2; })` never does).
    pub completes: bool,
    /// Names read only where no path arrives (after a `return`): rustc still resolves and
    /// type-checks them, but no value is needed.
    pub unreachable_reads: BTreeSet<String>,
    /// Names assigned as a whole before every `break`/`continue` that leaves the code (`None`:
    /// none does). Such a jump carries the values from before the code to its target, which may
    /// read them: a local is dead before the code only if assigned on these paths too.
    pub escape_assigned: Option<BTreeSet<String>>,
    /// For each `break`/`continue` leaving the code (by the address of its node in the walked
    /// expression, outside macro arguments), what the code assigned on every path to it.
    pub assigned_at_escape: HashMap<usize, BTreeSet<String>>,
}

impl Effects {
    /// Assigned as a whole on every path that leaves the code, however it leaves.
    pub fn assigned_on_every_exit(&self, name: &str) -> bool {
        self.assigned.contains(name)
            && self
                .escape_assigned
                .as_ref()
                .is_none_or(|e| e.contains(name))
    }
}

pub fn effects(e: &Expr) -> Effects {
    let mut walk = Walk::new();
    walk.visit_expr(e);
    walk.finish()
}

/// The effects of an `if`'s or `match`'s branches alone, as seen from where they start (the
/// condition or scrutinee has already been lowered, its effects recorded).
pub fn branch_effects(e: &Expr) -> Effects {
    let mut walk = Walk::new();
    match e {
        Expr::If(i) => walk.branches_of_if(i, false),
        Expr::Match(m) => walk.arms(m),
        other => walk.visit_expr(other),
    }
    walk.finish()
}

/// What an `if`/`while` condition assigns on each outcome: (when true, when false).
pub fn condition_effects(cond: &Expr) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut walk = Walk::new();
    let (t, f) = walk.cond_paths(cond);
    (t.unwrap_or_default(), f.unwrap_or_default())
}

/// A construct `break` can leave, with the states at its `break`s.
struct Target {
    label: Option<String>,
    is_loop: bool,
    breaks: Vec<Option<BTreeSet<String>>>,
}

struct Walk {
    /// Assigned on every path to here; `None` where no path arrives (after a `return`).
    assigned: Option<BTreeSet<String>>,
    /// Loops and labeled blocks being walked, innermost last.
    targets: Vec<Target>,
    /// Names bound inside the code itself (they are not the generator's locals).
    scopes: Vec<HashSet<String>>,
    reads: Vec<Ident>,
    read_anywhere: BTreeSet<String>,
    unreachable_reads: BTreeSet<String>,
    written: BTreeSet<String>,
    /// The states at the `break`s and `continue`s that leave the walked code.
    escapes: Vec<Option<BTreeSet<String>>>,
    assigned_at_escape: HashMap<usize, BTreeSet<String>>,
    /// Inside a macro's re-parsed arguments: their nodes are not the walked expression's.
    in_macro: usize,
}

impl Walk {
    fn new() -> Walk {
        Walk {
            assigned: Some(BTreeSet::new()),
            targets: Vec::new(),
            scopes: vec![HashSet::new()],
            reads: Vec::new(),
            read_anywhere: BTreeSet::new(),
            unreachable_reads: BTreeSet::new(),
            written: BTreeSet::new(),
            escapes: Vec::new(),
            assigned_at_escape: HashMap::new(),
            in_macro: 0,
        }
    }

    fn finish(self) -> Effects {
        Effects {
            reads: self.reads,
            read_anywhere: self.read_anywhere,
            completes: self.assigned.is_some(),
            unreachable_reads: self.unreachable_reads,
            assigned: self.assigned.unwrap_or_default(),
            written: self.written,
            escape_assigned: Walk::join(self.escapes),
            assigned_at_escape: self.assigned_at_escape,
        }
    }

    /// Walks a condition; returns what is assigned when it is true and when it is false, and
    /// leaves the state of either.
    fn cond_paths(&mut self, e: &Expr) -> (Option<BTreeSet<String>>, Option<BTreeSet<String>>) {
        let (t, f) = match e {
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
                let (lt, lf) = self.cond_paths(&b.left);
                self.assigned = lt;
                let (rt, rf) = self.cond_paths(&b.right);
                (rt, Walk::join([lf, rf]))
            }
            Expr::Binary(b) if matches!(b.op, syn::BinOp::Or(_)) => {
                let (lt, lf) = self.cond_paths(&b.left);
                self.assigned = lf;
                let (rt, rf) = self.cond_paths(&b.right);
                (Walk::join([lt, rt]), rf)
            }
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Not(_)) => {
                let (t, f) = self.cond_paths(&u.expr);
                (f, t)
            }
            Expr::Paren(p) => self.cond_paths(&p.expr),
            other => {
                self.visit_expr(other);
                (self.assigned.clone(), self.assigned.clone())
            }
        };
        self.assigned = Walk::join([t.clone(), f.clone()]);
        (t, f)
    }

    /// Walks what `f` walks as the body of a loop or labeled block; returns the states at the
    /// `break`s that leave it.
    fn breakable(
        &mut self,
        label: Option<&syn::Label>,
        is_loop: bool,
        f: impl FnOnce(&mut Self),
    ) -> Vec<Option<BTreeSet<String>>> {
        self.targets.push(Target {
            label: label.map(|l| l.name.ident.to_string()),
            is_loop,
            breaks: Vec::new(),
        });
        f(self);
        self.targets.pop().expect("target").breaks
    }

    /// The construct inside the walked code a `break` (or `continue`) with `label` targets.
    fn target(&self, label: Option<&syn::Lifetime>, is_continue: bool) -> Option<usize> {
        self.targets.iter().rposition(|t| {
            (!is_continue || t.is_loop)
                && match label {
                    Some(l) => t.label.as_deref() == Some(l.ident.to_string().as_str()),
                    None => t.is_loop,
                }
        })
    }

    fn escape(&mut self, node: usize, state: Option<BTreeSet<String>>) {
        if self.in_macro == 0
            && let Some(assigned) = &state
        {
            self.assigned_at_escape.insert(node, assigned.clone());
        }
        self.escapes.push(state);
    }

    fn inner(&self, name: &str) -> bool {
        self.scopes.iter().any(|s| s.contains(name))
    }

    fn read(&mut self, ident: &Ident) {
        let name = ident.to_string();
        if self.inner(&name) {
            return;
        }
        if self.assigned.is_none() {
            self.unreachable_reads.insert(name.clone());
        }
        let assigned = self.assigned.as_ref().is_none_or(|a| a.contains(&name));
        if !assigned && !self.reads.iter().any(|r| *r == name) {
            self.reads.push(ident.clone());
        }
        self.read_anywhere.insert(name);
    }

    fn read_all(&mut self, e: &Expr) {
        for ident in FreeNames::of_expr(e) {
            self.read(&ident);
        }
    }

    fn assign(&mut self, name: String) {
        if self.inner(&name) {
            return;
        }
        if let Some(a) = &mut self.assigned {
            a.insert(name.clone());
        }
        self.written.insert(name);
    }

    fn bind(&mut self, pat: &Pat) {
        let names = pat_bindings(pat).into_iter().map(|b| b.ident.to_string());
        self.scopes.last_mut().expect("a scope").extend(names);
    }

    fn scoped<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        self.scopes.push(HashSet::new());
        let r = f(self);
        self.scopes.pop();
        r
    }

    /// Runs `f` as one alternative path from here; returns what it assigned, and restores.
    fn path(&mut self, f: impl FnOnce(&mut Self)) -> Option<BTreeSet<String>> {
        let before = self.assigned.clone();
        f(self);
        std::mem::replace(&mut self.assigned, before)
    }

    /// Code that may run any number of times, zero included (a loop body).
    fn maybe(&mut self, f: impl FnOnce(&mut Self)) {
        let _ = self.path(f);
    }

    /// An `if` from its condition (`eval_cond`) or from its branches' start (the condition's
    /// `let` bindings still scope the `then` branch).
    fn branches_of_if(&mut self, i: &syn::ExprIf, eval_cond: bool) {
        let (then, when_false) = self.scoped(|w| {
            let (when_true, when_false) = if eval_cond {
                w.cond_paths(&i.cond)
            } else {
                for name in cond_bindings(&i.cond) {
                    w.scopes.last_mut().expect("a scope").insert(name);
                }
                (w.assigned.clone(), w.assigned.clone())
            };
            w.assigned = when_true;
            let then = w.path(|w| w.visit_block(&i.then_branch));
            (then, when_false)
        });
        self.assigned = when_false;
        let otherwise = match &i.else_branch {
            Some((_, e)) => self.path(|w| w.visit_expr(e)),
            None => self.assigned.clone(),
        };
        self.assigned = Walk::join([then, otherwise]);
    }

    /// A `match`'s arms, from after its scrutinee.
    fn arms(&mut self, m: &syn::ExprMatch) {
        let arms: Vec<_> = m
            .arms
            .iter()
            .map(|arm| {
                self.path(|w| {
                    w.scoped(|w| {
                        w.bind(&arm.pat);
                        if let Some((_, guard)) = &arm.guard {
                            w.visit_expr(guard);
                        }
                        w.visit_expr(&arm.body);
                    });
                })
            })
            .collect();
        self.assigned = Walk::join(arms);
    }

    fn join(paths: impl IntoIterator<Item = Option<BTreeSet<String>>>) -> Option<BTreeSet<String>> {
        paths
            .into_iter()
            .flatten()
            .reduce(|a, b| a.intersection(&b).cloned().collect())
    }
}

/// The names bound by the `let`s of a condition (a let chain included).
fn cond_bindings(cond: &Expr) -> Vec<String> {
    match cond {
        Expr::Let(l) => pat_bindings(&l.pat)
            .into_iter()
            .map(|b| b.ident.to_string())
            .collect(),
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            let mut names = cond_bindings(&b.left);
            names.extend(cond_bindings(&b.right));
            names
        }
        Expr::Paren(p) => cond_bindings(&p.expr),
        _ => Vec::new(),
    }
}

/// The local an assignment target names, when it is one as a whole.
fn whole_local(e: &Expr) -> Option<&Ident> {
    match e {
        Expr::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => p.path.get_ident(),
        Expr::Paren(p) => whole_local(&p.expr),
        _ => None,
    }
}

impl<'ast> Visit<'ast> for Walk {
    fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
        if p.qself.is_none()
            && let Some(ident) = p.path.get_ident()
        {
            self.read(ident);
        }
    }

    fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
        self.visit_expr(&a.right);
        match whole_local(&a.left) {
            Some(ident) => self.assign(ident.to_string()),
            None => self.visit_expr(&a.left),
        }
    }

    fn visit_block(&mut self, b: &'ast syn::Block) {
        self.scoped(|w| visit::visit_block(w, b));
    }

    fn visit_local(&mut self, l: &'ast syn::Local) {
        if let Some(init) = &l.init {
            self.visit_expr(&init.expr);
            if let Some((_, diverge)) = &init.diverge {
                let _ = self.path(|w| w.visit_expr(diverge));
            }
        }
        self.bind(&l.pat);
    }

    fn visit_expr_let(&mut self, l: &'ast syn::ExprLet) {
        // The bindings belong to the scope the `if`/`while` opened for its condition and body.
        self.visit_expr(&l.expr);
        self.bind(&l.pat);
    }

    fn visit_expr_binary(&mut self, b: &'ast syn::ExprBinary) {
        if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) {
            let _ = self.cond_paths(&Expr::Binary(b.clone()));
        } else {
            visit::visit_expr_binary(self, b);
        }
    }

    fn visit_expr_if(&mut self, i: &'ast syn::ExprIf) {
        self.branches_of_if(i, true);
    }

    fn visit_expr_match(&mut self, m: &'ast syn::ExprMatch) {
        self.visit_expr(&m.expr);
        self.arms(m);
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {}

    // Loops are left when their condition is false (first evaluation: later ones only add) or
    // by a `break`; a labeled block at its end or by a `break`.

    fn visit_expr_while(&mut self, wh: &'ast syn::ExprWhile) {
        let exits = self.scoped(|w| {
            let (when_true, when_false) = w.cond_paths(&wh.cond);
            w.assigned = when_true;
            let mut exits = w.breakable(wh.label.as_ref(), true, |w| {
                w.maybe(|w| w.visit_block(&wh.body));
            });
            exits.push(when_false);
            exits
        });
        self.assigned = Walk::join(exits);
    }

    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        self.visit_expr(&f.expr);
        let mut exits = self.breakable(f.label.as_ref(), true, |w| {
            w.maybe(|w| {
                w.scoped(|w| {
                    w.bind(&f.pat);
                    w.visit_block(&f.body);
                });
            });
        });
        exits.push(self.assigned.clone());
        self.assigned = Walk::join(exits);
    }

    fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
        let exits = self.breakable(l.label.as_ref(), true, |w| {
            w.maybe(|w| w.visit_block(&l.body));
        });
        self.assigned = Walk::join(exits);
    }

    fn visit_expr_block(&mut self, b: &'ast syn::ExprBlock) {
        if b.label.is_some() {
            let mut exits = self.breakable(b.label.as_ref(), false, |w| w.visit_block(&b.block));
            exits.push(self.assigned.clone());
            self.assigned = Walk::join(exits);
        } else {
            self.visit_block(&b.block);
        }
    }

    fn visit_expr_return(&mut self, r: &'ast syn::ExprReturn) {
        visit::visit_expr_return(self, r);
        self.assigned = None;
    }

    fn visit_expr_break(&mut self, b: &'ast syn::ExprBreak) {
        visit::visit_expr_break(self, b);
        let target = self.target(b.label.as_ref(), false);
        // A `break` out of the walked code itself does not complete it.
        let state = self.assigned.take();
        match target {
            Some(t) => self.targets[t].breaks.push(state),
            None => self.escape(std::ptr::from_ref(b).addr(), state),
        }
    }

    fn visit_expr_continue(&mut self, c: &'ast syn::ExprContinue) {
        let inner = self.target(c.label.as_ref(), true).is_some();
        let state = self.assigned.take();
        if !inner {
            self.escape(std::ptr::from_ref(c).addr(), state);
        }
    }

    fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
        // Captures are reads where the closure is made; assignments inside it are not ours.
        self.read_all(&Expr::Closure(c.clone()));
    }

    fn visit_expr_async(&mut self, a: &'ast syn::ExprAsync) {
        self.read_all(&Expr::Async(a.clone()));
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        // std's macros whose arguments are expressions: their effects in evaluation order. What
        // a debug assertion or a failure message assigns is assigned on some path only, as in
        // an `if` without `else` (`debug_assert!({ s = T::new(); true })` after `s` moved).
        if let Some(args) = super::macros::MacroArgs::parse(m) {
            self.in_macro += 1;
            let exprs = args.exprs();
            let eager = if args.debug_only() {
                0
            } else {
                args.eager_count().min(exprs.len())
            };
            for e in &exprs[..eager] {
                self.visit_expr(e);
            }
            let lazy = &exprs[eager..];
            if !lazy.is_empty() {
                let sometimes: Expr = syn::parse_quote!(if __coro_sometimes { #(let _ = #lazy;)* });
                self.visit_expr(&sometimes);
            }
            for e in exprs {
                if let Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) = e
                {
                    for name in super::captures::capture_idents(&s.token().to_string(), s.span()) {
                        self.read(&name);
                    }
                }
            }
            self.in_macro -= 1;
            return;
        }
        self.read_all(&Expr::Macro(syn::ExprMacro {
            attrs: Vec::new(),
            mac: m.clone(),
        }));
    }
}

#[cfg(test)]
mod tests;
