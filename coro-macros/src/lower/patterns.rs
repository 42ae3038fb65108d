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

impl Lowerer<'_> {
    /// Renames the bindings of `pat` that shadow an in-scope local. `readers` are the
    /// expressions evaluated between the pattern and the body (a match guard, the later parts
    /// of a let chain): they must see the new binding, so the renamed binding's uses in them are
    /// renamed too; a name they cannot be renamed in (it is rebound or sits in a macro's tokens
    /// there) is an error.
    pub fn unshadow_pattern(&mut self, pat: &Pat, readers: &mut [&mut Expr]) -> (Pat, Vec<Stmt>) {
        let keep: Vec<String> = super::names::pat_bindings(pat)
            .into_iter()
            .map(|b| b.ident.to_string())
            .filter(|name| !readers.iter().all(|r| renamable(r, name)))
            .collect();
        let mut renamer = Renamer {
            lowerer: self,
            keep: &keep,
            rebinds: Vec::new(),
            renames: Vec::new(),
        };
        let mut pat = pat.clone();
        renamer.visit_pat_mut(&mut pat);
        let Renamer {
            rebinds, renames, ..
        } = renamer;
        for (user, hidden) in &renames {
            for reader in readers.iter_mut() {
                Rename {
                    from: user,
                    to: hidden,
                }
                .visit_expr_mut(reader);
            }
        }
        (pat, rebinds)
    }

    /// The same for every `let` of an `if`/`while` condition (a let chain included).
    pub fn unshadow_condition(&mut self, cond: &Expr) -> (Expr, Vec<Stmt>) {
        // A let chain parses as a left-leaning tree of `&&`: flatten it, so that each `let`
        // sees the conjuncts after it as its readers.
        let mut parts = Vec::new();
        let mut ops = Vec::new();
        flatten_and(cond, &mut parts, &mut ops);
        let mut rebinds = Vec::new();
        for i in 0..parts.len() {
            let (head, rest) = parts.split_at_mut(i + 1);
            if let Expr::Let(l) = &mut head[i] {
                let mut readers: Vec<&mut Expr> = rest.iter_mut().collect();
                let (pat, more) = self.unshadow_pattern(&l.pat, &mut readers);
                *l.pat = pat;
                rebinds.extend(more);
            }
        }
        let mut parts = parts.into_iter();
        let first = parts.next().expect("a condition has a part");
        let cond = parts.zip(ops).fold(first, |left, (right, op)| {
            Expr::Binary(syn::ExprBinary {
                attrs: Vec::new(),
                left: Box::new(left),
                op,
                right: Box::new(right),
            })
        });
        (cond, rebinds)
    }
}

/// `a && b && c` -> `[a, b, c]` and the operators between them.
fn flatten_and(e: &Expr, parts: &mut Vec<Expr>, ops: &mut Vec<syn::BinOp>) {
    match e {
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) && b.attrs.is_empty() => {
            flatten_and(&b.left, parts, ops);
            ops.push(b.op);
            parts.push((*b.right).clone());
        }
        other => parts.push(other.clone()),
    }
}

/// Whether every use of `name` in `e` can be renamed by [`Rename`]: `e` binds no `name` of its
/// own (a closure parameter, a `let`, a pattern) and no macro call mentions it in its tokens.
fn renamable(e: &Expr, name: &str) -> bool {
    use syn::visit::{self, Visit};
    struct Check<'n> {
        name: &'n str,
        ok: bool,
    }
    impl<'ast> Visit<'ast> for Check<'_> {
        fn visit_pat_ident(&mut self, pi: &'ast syn::PatIdent) {
            self.ok &= pi.ident != self.name;
            visit::visit_pat_ident(self, pi);
        }
        fn visit_macro(&mut self, m: &'ast syn::Macro) {
            self.ok &= !mentions(m.tokens.clone(), self.name);
        }
    }
    fn mentions(tokens: proc_macro2::TokenStream, name: &str) -> bool {
        tokens.into_iter().any(|t| match t {
            proc_macro2::TokenTree::Ident(i) => i == name,
            proc_macro2::TokenTree::Group(g) => mentions(g.stream(), name),
            proc_macro2::TokenTree::Literal(l) => super::captures::format_captures(&l.to_string())
                .iter()
                .any(|c| c == name),
            proc_macro2::TokenTree::Punct(_) => false,
        })
    }
    let mut check = Check { name, ok: true };
    check.visit_expr(e);
    check.ok
}

/// Renames the uses of a local in an expression that [`renamable`] accepted.
struct Rename<'a> {
    from: &'a str,
    to: &'a Ident,
}

impl VisitMut for Rename<'_> {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        if let Expr::Path(p) = e
            && p.qself.is_none()
            && p.path.leading_colon.is_none()
            && p.path.segments.len() == 1
            && p.path.segments[0].arguments.is_none()
            && p.path.segments[0].ident == self.from
        {
            p.path.segments[0].ident = self.to.clone();
            return;
        }
        visit_mut::visit_expr_mut(self, e);
    }

    fn visit_field_value_mut(&mut self, f: &mut syn::FieldValue) {
        // `S { x }` -> `S { x: hidden }`
        if f.colon_token.is_none()
            && let syn::Member::Named(m) = &f.member
            && m == self.from
        {
            f.colon_token = Some(syn::Token![:](m.span()));
        }
        visit_mut::visit_field_value_mut(self, f);
    }
}

struct Renamer<'l, 'a, 'k> {
    lowerer: &'l mut Lowerer<'a>,
    keep: &'k [String],
    rebinds: Vec<Stmt>,
    /// (user name, hidden name) of each renamed binding.
    renames: Vec<(String, Ident)>,
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
        if constant || self.lowerer.resolve(&name).is_none() {
            return;
        }
        if self.keep.contains(&name) {
            // Left unrenamed, the binding would hide the local from the jumps of the body,
            // which would save the binding in the local's place.
            self.lowerer.cx.error_spanned_by(
                &pi.ident,
                format_args!(
                    "this binding hides the generator's local `{name}`, and the guard or \
                     condition after it reads `{name}` inside a macro or rebinds it, where the \
                     lowering cannot tell the two apart: give the binding another name"
                ),
            );
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
        self.renames.push((name, hidden.clone()));
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
            // difftest AQ: `for s in vec![s.clone()] { continue 'outer }` binds `s` too.
            self.binds(&f.pat);
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
