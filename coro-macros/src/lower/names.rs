//! Which names a piece of syntax binds and which it mentions.
//!
//! Liveness needs every mention of a local, including those only visible as tokens: inside macro
//! calls (`vec![x; n]`) and inside format strings (`println!("{x}")` names `x` only within a
//! string literal). A missed mention would leave a later state without the local, so macro tokens
//! are read conservatively: every identifier counts.

use proc_macro2::{Ident, TokenStream, TokenTree};
use std::collections::HashSet;
use syn::visit::{self, Visit};
use syn::{Expr, Pat};

use super::captures::capture_idents;

/// One name bound by a pattern.
#[derive(Clone)]
pub struct Binding {
    pub ident: Ident,
    pub mutable: bool,
    /// Bound by value under a `&` pattern (`Some(&b)`): a copy of what the reference points to.
    pub copied: bool,
}

/// The names a pattern binds, in source order.
pub fn pat_bindings(pat: &Pat) -> Vec<Binding> {
    let mut out = Vec::new();
    collect_bindings(pat, false, &mut out);
    out
}

/// An identifier pattern that is really a constant or unit variant (`None`, `MAX`): Rust resolves
/// these by name; we follow the naming convention (locals are `snake_case`) as rustc's lints do.
fn looks_like_constant(pi: &syn::PatIdent) -> bool {
    pi.by_ref.is_none()
        && pi.mutability.is_none()
        && pi.subpat.is_none()
        && pi
            .ident
            .to_string()
            .starts_with(|c: char| c.is_ascii_uppercase())
}

fn collect_bindings(pat: &Pat, under_ref: bool, out: &mut Vec<Binding>) {
    let mut each = |p: &Pat| collect_bindings(p, under_ref, out);
    match pat {
        Pat::Ident(pi) => {
            if !looks_like_constant(pi) {
                out.push(Binding {
                    ident: pi.ident.clone(),
                    mutable: pi.mutability.is_some(),
                    copied: under_ref && pi.by_ref.is_none(),
                });
            }
            if let Some((_, sub)) = &pi.subpat {
                collect_bindings(sub, under_ref, out);
            }
        }
        Pat::Or(po) => {
            // Every alternative binds the same names.
            if let Some(first) = po.cases.first() {
                each(first);
            }
        }
        Pat::Paren(p) => each(&p.pat),
        Pat::Reference(p) => collect_bindings(&p.pat, true, out),
        Pat::Slice(p) => p.elems.iter().for_each(each),
        Pat::Struct(p) => p.fields.iter().for_each(|f| each(&f.pat)),
        Pat::Tuple(p) => p.elems.iter().for_each(each),
        Pat::TupleStruct(p) => p.elems.iter().for_each(each),
        Pat::Type(p) => each(&p.pat),
        _ => {}
    }
}

/// The free names mentioned by some syntax: single-segment value paths not bound inside it,
/// every identifier in macro tokens, and the names captured by format strings in macro tokens.
#[derive(Default)]
pub struct FreeNames {
    pub names: Vec<Ident>,
    scopes: Vec<HashSet<String>>,
}

impl FreeNames {
    scope_walk_helpers!();

    pub fn of_expr(e: &Expr) -> Vec<Ident> {
        let mut f = FreeNames::default();
        f.visit_expr(e);
        f.names
    }

    fn bound(&self, name: &str) -> bool {
        self.scopes.iter().any(|s| s.contains(name))
    }

    fn mention(&mut self, ident: &Ident) {
        if !self.bound(&ident.to_string()) {
            self.names.push(ident.clone());
        }
    }

    fn bind_pat(&mut self, pat: &Pat) {
        let names: Vec<String> = pat_bindings(pat)
            .into_iter()
            .map(|b| b.ident.to_string())
            .collect();
        if let Some(top) = self.scopes.last_mut() {
            top.extend(names);
        } else {
            self.scopes.push(names.into_iter().collect());
        }
    }

    fn tokens(&mut self, tokens: &TokenStream) {
        for tt in tokens.clone() {
            match tt {
                TokenTree::Ident(i) => self.mention(&i),
                TokenTree::Group(g) => self.tokens(&g.stream()),
                TokenTree::Literal(lit) => {
                    for ident in capture_idents(&lit.to_string(), lit.span()) {
                        self.mention(&ident);
                    }
                }
                TokenTree::Punct(_) => {}
            }
        }
    }
}

/// The helpers of [`scope_walk_visits!`], for the visitor's inherent impl: a scope frame
/// around `f`, and an `if`/`while` condition whose `let` patterns bind for the body only (the
/// caller pushed the frame). The visitor has `scopes: Vec<HashSet<String>>`.
macro_rules! scope_walk_helpers {
    () => {
        fn scoped<F: FnOnce(&mut Self)>(&mut self, f: F) {
            self.scopes.push(HashSet::new());
            f(self);
            self.scopes.pop();
        }
        /// Visits an `if`/`while` condition: `let` patterns bind into the current scope frame, which
        /// the caller has pushed so that they are visible in the body only.
        fn cond(&mut self, cond: &Expr) {
            match cond {
                Expr::Let(l) => {
                    self.visit_expr(&l.expr);
                    self.bind_pat(&l.pat);
                }
                Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
                    self.cond(&b.left);
                    self.cond(&b.right);
                }
                other => self.visit_expr(other),
            }
        }
    };
}
pub(crate) use scope_walk_helpers;

/// The `Visit` methods that walk scopes the same way for [`FreeNames`] and the block forms'
/// capture finder (`block/captures.rs`): paths mention, patterns bind, blocks, closures, arms
/// and conditions open scopes. The visitor provides `mention`, `bind_pat`, `scoped` and `cond`.
macro_rules! scope_walk_visits {
    () => {
        fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
            if p.qself.is_none() && p.path.segments.len() == 1 && p.path.leading_colon.is_none() {
                let seg = &p.path.segments[0];
                if seg.arguments.is_none() {
                    self.mention(&seg.ident);
                }
            }
        }
        fn visit_block(&mut self, b: &'ast syn::Block) {
            self.scoped(|this| visit::visit_block(this, b));
        }
        fn visit_local(&mut self, l: &'ast syn::Local) {
            if let Some(init) = &l.init {
                self.visit_expr(&init.expr);
                if let Some((_, diverge)) = &init.diverge {
                    self.visit_expr(diverge);
                }
            }
            self.bind_pat(&l.pat);
        }
        fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
            self.scoped(|this| {
                for p in &c.inputs {
                    this.bind_pat(p);
                }
                this.visit_expr(&c.body);
            });
        }
        fn visit_arm(&mut self, a: &'ast syn::Arm) {
            self.scoped(|this| {
                this.bind_pat(&a.pat);
                if let Some((_, g)) = &a.guard {
                    this.visit_expr(g);
                }
                this.visit_expr(&a.body);
            });
        }
        fn visit_expr_if(&mut self, i: &'ast syn::ExprIf) {
            self.scoped(|this| {
                this.cond(&i.cond);
                this.visit_block(&i.then_branch);
            });
            if let Some((_, e)) = &i.else_branch {
                self.visit_expr(e);
            }
        }
        fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
            self.scoped(|this| {
                this.cond(&w.cond);
                this.visit_block(&w.body);
            });
        }
        fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
            self.visit_expr(&f.expr);
            self.scoped(|this| {
                this.bind_pat(&f.pat);
                this.visit_block(&f.body);
            });
        }
        fn visit_expr_let(&mut self, l: &'ast syn::ExprLet) {
            // A `let` outside an if/while condition (e.g. in a `matches!`-like position).
            self.visit_expr(&l.expr);
            self.bind_pat(&l.pat);
        }
    };
}
pub(crate) use scope_walk_visits;

impl<'ast> Visit<'ast> for FreeNames {
    scope_walk_visits!();
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        // The markers and std's expression-list macros hold expressions: visiting them as such
        // keeps their inner bindings (`yield_!({ let c = 1; c })`) from counting as mentions.
        if crate::scan::yield_kind(&m.path).is_some() {
            let args = m.parse_body_with(
                syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated,
            );
            if let Ok(args) = args {
                for e in &args {
                    self.visit_expr(e);
                }
                return;
            }
        }
        if let Some(args) = super::macros::MacroArgs::parse(m) {
            for e in args.exprs() {
                if let Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) = e
                {
                    for ident in capture_idents(&s.token().to_string(), s.span()) {
                        self.mention(&ident);
                    }
                } else {
                    self.visit_expr(e);
                }
            }
            return;
        }
        self.tokens(&m.tokens);
    }
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lower::captures::format_captures;

    fn names(src: &str) -> Vec<String> {
        let e: Expr = syn::parse_str(src).unwrap();
        FreeNames::of_expr(&e)
            .into_iter()
            .map(|i| i.to_string())
            .collect()
    }

    #[test]
    fn format_strings_capture_names() {
        assert_eq!(format_captures("\"{x} {y:?} {0} {{z}} {}\""), ["x", "y"]);
        assert_eq!(format_captures("r#\"{a}\"#"), ["a"]);
        assert!(format_captures("'c'").is_empty());
    }

    #[test]
    fn inner_bindings_are_not_free() {
        assert_eq!(names("{ let x = y; x + z }"), ["y", "z"]);
        assert_eq!(names("|a| a + b"), ["b"]);
        assert_eq!(names("match m { Some(v) => v, None => w }"), ["m", "w"]);
        assert_eq!(names("if let Some(v) = o { v } else { v }"), ["o", "v"]);
        assert_eq!(names("for i in it { i + k }"), ["it", "k"]);
    }

    #[test]
    fn macro_tokens_and_format_strings_count() {
        assert_eq!(names("println!(\"{line} {}\", n)"), ["line", "n"]);
        assert_eq!(names("s.field.method(arg)"), ["s", "arg"]);
    }

    #[test]
    fn pattern_bindings() {
        let p: Pat = Pat::parse_single
            .parse_str("(mut a, Some(b), S { c, d: e }, None, [f, ..])")
            .unwrap();
        let b: Vec<String> = pat_bindings(&p)
            .into_iter()
            .map(|b| b.ident.to_string())
            .collect();
        assert_eq!(b, ["a", "b", "c", "e", "f"]);
        assert!(pat_bindings(&p)[0].mutable);
    }

    use syn::parse::Parser;
}
