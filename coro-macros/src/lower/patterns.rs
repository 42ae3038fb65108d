//! Pattern bindings that shadow a local (`for x in ..` with an outer `x` still needed).
//!
//! A binding made by a pattern in an `if let`/`while let`/`for`/`match` header cannot be
//! preceded by an alias of the local it hides (the header may still read that local), so the
//! lowering renames the binding and rebinds the user's name with a `let` at the start of the
//! body, where the shadowing `let` machinery keeps the outer local reachable.
//!
//! Input:  `for x in it { body }`  (with an outer `x`)
//! Output: `for __coro_p1 in it { let x = __coro_p1; body }`

use proc_macro2::{Ident, Span};
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Pat, Stmt};

use super::Lowerer;
use super::names::FreeNames;

impl Lowerer<'_> {
    /// Renames the bindings of `pat` that shadow an in-scope local, except the names in `keep`
    /// (read by a guard or a later condition, which must see the new binding).
    pub fn unshadow_pattern(&mut self, pat: &Pat, keep: &[String]) -> (Pat, Vec<Stmt>) {
        let mut renamer = Renamer {
            lowerer: self,
            keep,
            rebinds: Vec::new(),
        };
        let mut pat = pat.clone();
        renamer.visit_pat_mut(&mut pat);
        let rebinds = renamer.rebinds;
        (pat, rebinds)
    }

    /// The same for every `let` of an `if`/`while` condition (a let chain included).
    pub fn unshadow_condition(&mut self, cond: &Expr) -> (Expr, Vec<Stmt>) {
        let mut rebinds = Vec::new();
        let cond = self.unshadow_cond_parts(cond, &[], &mut rebinds);
        (cond, rebinds)
    }

    fn unshadow_cond_parts(&mut self, cond: &Expr, later: &[String], out: &mut Vec<Stmt>) -> Expr {
        match cond {
            Expr::Let(l) => {
                let (pat, rebinds) = self.unshadow_pattern(&l.pat, later);
                out.extend(rebinds);
                let mut l = l.clone();
                *l.pat = pat;
                Expr::Let(l)
            }
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
                // Names read by the right part must stay the (new) bindings of the left part.
                let mut keep: Vec<String> = later.to_vec();
                keep.extend(
                    FreeNames::of_expr(&b.right)
                        .into_iter()
                        .map(|i| i.to_string()),
                );
                let mut b = b.clone();
                b.left = Box::new(self.unshadow_cond_parts(&b.left, &keep, out));
                b.right = Box::new(self.unshadow_cond_parts(&b.right, later, out));
                Expr::Binary(b)
            }
            Expr::Paren(p) => {
                let mut p = p.clone();
                p.expr = Box::new(self.unshadow_cond_parts(&p.expr, later, out));
                Expr::Paren(p)
            }
            other => other.clone(),
        }
    }
}

struct Renamer<'l, 'a, 'k> {
    lowerer: &'l mut Lowerer<'a>,
    keep: &'k [String],
    rebinds: Vec<Stmt>,
}

impl VisitMut for Renamer<'_, '_, '_> {
    fn visit_pat_ident_mut(&mut self, pi: &mut syn::PatIdent) {
        if let Some((_, sub)) = &mut pi.subpat {
            self.visit_pat_mut(sub);
        }
        let name = pi.ident.to_string();
        let constant = pi.by_ref.is_none()
            && pi.mutability.is_none()
            && pi.subpat.is_none()
            && name.starts_with(|c: char| c.is_ascii_uppercase());
        if constant || self.keep.contains(&name) || self.lowerer.resolve(&name).is_none() {
            return;
        }
        self.lowerer.pattern_counter += 1;
        let hidden = Ident::new(
            &format!(
                "__coro_p{}_{}",
                self.lowerer.pattern_counter,
                name.trim_start_matches("r#")
            ),
            Span::mixed_site(),
        );
        let user = std::mem::replace(&mut pi.ident, hidden.clone());
        // `mut x` moves to the rebinding `let`; `ref`/`ref mut` stay on the pattern.
        let mutability = if pi.by_ref.is_none() {
            pi.mutability.take()
        } else {
            None
        };
        self.rebinds
            .push(syn::parse_quote!(let #mutability #user = #hidden;));
    }

    fn visit_expr_mut(&mut self, _: &mut Expr) {}

    fn visit_pat_mut(&mut self, p: &mut Pat) {
        visit_mut::visit_pat_mut(self, p);
    }
}

/// Whether plain code must still be lowered: it jumps out of a lowered loop or labeled block
/// (`break`/`continue` past its own constructs) after binding a name that shadows a local of
/// the generator. As plain code, the jump would save the shadowing value under the shadowed
/// local's name; lowered, the shadowing `let` keeps the outer local reachable.
pub fn jumps_out_after_shadowing(lowerer: &Lowerer<'_>, e: &Expr) -> bool {
    use syn::visit::{self, Visit};
    struct Scan<'l, 'a> {
        lowerer: &'l Lowerer<'a>,
        inner: Vec<(Option<String>, bool)>,
        jumps_out: bool,
        shadows: bool,
    }
    impl Scan<'_, '_> {
        fn inner<F: FnOnce(&mut Self)>(&mut self, label: Option<&syn::Label>, is_loop: bool, f: F) {
            self.inner
                .push((label.map(|l| l.name.ident.to_string()), is_loop));
            f(self);
            self.inner.pop();
        }
        fn leaves(&self, label: Option<&syn::Lifetime>) -> bool {
            match label {
                Some(l) => !self
                    .inner
                    .iter()
                    .any(|(n, _)| n.as_deref() == Some(&l.ident.to_string())),
                None => !self.inner.iter().any(|(_, is_loop)| *is_loop),
            }
        }
        fn binds(&mut self, pat: &Pat) {
            for b in super::names::pat_bindings(pat) {
                if self.lowerer.resolve(&b.ident.to_string()).is_some() {
                    self.shadows = true;
                }
            }
        }
    }
    impl<'ast> Visit<'ast> for Scan<'_, '_> {
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
        fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
            self.inner(l.label.as_ref(), true, |s| visit::visit_expr_loop(s, l));
        }
        fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
            self.inner(w.label.as_ref(), true, |s| visit::visit_expr_while(s, w));
        }
        fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
            self.inner(f.label.as_ref(), true, |s| visit::visit_expr_for_loop(s, f));
        }
        fn visit_expr_block(&mut self, b: &'ast syn::ExprBlock) {
            self.inner(b.label.as_ref(), false, |s| visit::visit_expr_block(s, b));
        }
        fn visit_expr_break(&mut self, b: &'ast syn::ExprBreak) {
            self.jumps_out |= self.leaves(b.label.as_ref());
            visit::visit_expr_break(self, b);
        }
        fn visit_expr_continue(&mut self, c: &'ast syn::ExprContinue) {
            self.jumps_out |= self.leaves(c.label.as_ref());
        }
        fn visit_local(&mut self, l: &'ast syn::Local) {
            self.binds(&l.pat);
            visit::visit_local(self, l);
        }
        fn visit_arm(&mut self, a: &'ast syn::Arm) {
            self.binds(&a.pat);
            visit::visit_arm(self, a);
        }
        fn visit_expr_let(&mut self, l: &'ast syn::ExprLet) {
            self.binds(&l.pat);
            visit::visit_expr_let(self, l);
        }
    }
    let mut scan = Scan {
        lowerer,
        inner: Vec::new(),
        jumps_out: false,
        shadows: false,
    };
    scan.visit_expr(e);
    scan.jumps_out && scan.shadows
}
