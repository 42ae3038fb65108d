//! The typing prologue: the user's body as plain Rust, in a closure rustc type-checks before
//! the step closure's arms and that nothing calls, tying each local the state stores at a type
//! parameter to that parameter where the local is bound (see `lower/typing.rs` for why).
//!
//! Input:  the body the lowering read, its [`TypingMarks`], the enum's type parameters' locals.
//! Output: the witness fn (`__coro_types`, one `PhantomData` per parameter) and the `Start`
//!         value wrapped in `typed`:
//! ```text
//! typed::<_, Ret>(State::Start { l0: n }, |s| {
//!     let w = State::__coro_types(&s);
//!     let State::Start { l0: n } = s else { unreachable!() };
//!     let total = n * 2;            tie(&w.0, &total);
//!     for i in tied(&w.1, IntoIterator::into_iter(0..n)) { tie(&w.2, &i); .. }
//!     f(tied(&w.3, g(total)), { yield_!(@used); fallback_yield::<R, _>((i,)) })
//! })
//! ```
//! A local bound where the prologue has no mark (a macro's argument, a `let` without value)
//! stays untied: rustc infers it in the arms, as it would without a prologue.

use std::collections::HashMap;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use syn::visit_mut::VisitMut;

use super::Emit;
use crate::lower::LocalId;
use crate::lower::names::pat_bindings;
use crate::lower::taint::Taint;
use crate::lower::typing::{TypingMarks, addr};

impl Emit<'_> {
    /// The `Start` value wrapped in the prologue, if the lowering kept a body for one and some
    /// parameter gets a tie. `generic`: the locals of the enum's parameters, in order, after the
    /// witnesses' (see [`Emit::types_fn`]).
    pub fn typing_prologue(&self, generic: &[LocalId], start: &TokenStream) -> Option<TokenStream> {
        let mut body = self.typing_body.borrow_mut().take()?;
        let krate = &self.ctx.krate;
        let witness = Ident::new("__coro_w", Span::mixed_site());
        let mut ties = Ties {
            taint: Taint::of(&body),
            marks: &self.g.typing,
            position: generic
                .iter()
                .enumerate()
                .map(|(i, &l)| (l, self.witness_params.len() + i))
                .collect(),
            emit: self,
            witness: &witness,
            tied: 0,
        };
        ties.visit_block_mut(&mut body);
        if ties.tied == 0 {
            return None;
        }
        // The statements, not the block: the user's braces (`gen_block!(.. => { .. })`) are no
        // block of a plain fn.
        let stmts = &body.stmts;
        let body = crate::fallback::inert_markers_typed(
            quote!(#(#stmts)*),
            krate,
            Some(&self.ctx.resume_ty),
            self.ctx.yield_ty.as_ref(),
        );
        let enum_name = &self.ctx.enum_name;
        let types = super::types_fn_name();
        let state = Ident::new("__coro_s", Span::mixed_site());
        let fields = self.g.params.iter().map(|&l| {
            let local = &self.g.locals[l];
            let (field, name) = (&local.hidden, &local.name);
            let mutable = local.mutable.then(|| quote!(mut));
            quote!(#field: #mutable #name)
        });
        let ret = &self.return_ty;
        let start = quote! {
            #krate::__private::typed::<_, #ret>(#start, |#state| {
                let #witness = #enum_name::#types(&#state);
                let #enum_name::Start { #(#fields),* } = #state else {
                    ::core::unreachable!()
                };
                #body
            })
        };
        Some(start)
    }
}

/// The rewrite that inserts the ties (its marks are addresses of nodes of the body it walks).
struct Ties<'a> {
    /// Names never tied, and what a tied value must not mention.
    taint: Taint,
    marks: &'a TypingMarks,
    /// Each parameter's local, to its place in the witness tuple.
    position: HashMap<LocalId, usize>,
    emit: &'a Emit<'a>,
    witness: &'a Ident,
    tied: usize,
}

impl Ties<'_> {
    /// `w.N`, for a local the enum stores at a parameter.
    fn slot(&self, local: LocalId) -> Option<TokenStream> {
        let n = syn::Index::from(*self.position.get(&local)?);
        let w = self.witness;
        Some(quote!(&#w.#n))
    }

    /// `tie(&w.N, &x);` for each of `locals` that `pat` binds by that name.
    fn ties(&mut self, locals: Option<&Vec<LocalId>>, pat: &syn::Pat) -> Vec<syn::Stmt> {
        let Some(locals) = locals else {
            return Vec::new();
        };
        let bound: Vec<String> = pat_bindings(pat)
            .iter()
            .map(|b| b.ident.to_string())
            .collect();
        let krate = &self.emit.ctx.krate;
        let mut out = Vec::new();
        for &l in locals {
            let name = &self.emit.g.locals[l].name;
            if !bound.contains(&name.to_string()) || self.taint.names.contains(&name.to_string()) {
                continue;
            }
            let lint = name
                .to_string()
                .starts_with('_')
                .then(|| quote!(#[allow(clippy::used_underscore_binding)]));
            if let Some(slot) = self.slot(l) {
                self.tied += 1;
                out.push(syn::parse_quote!(#lint #krate::__private::tie(#slot, &#name);));
            }
            // Its type witness (`lower/witness.rs`), even when no state stores the local: a
            // parameter `T` of its own, or the holder's, `TypeOf<T>`.
            for (n, w) in self.emit.g.witnesses.iter().enumerate() {
                if w.local != l {
                    continue;
                }
                if let Some(k) = self.emit.witness_slot(n) {
                    self.tied += 1;
                    let k = syn::Index::from(k);
                    let w = self.witness;
                    out.push(syn::parse_quote!(#lint #krate::__private::tie(&#w.#k, &#name);));
                } else if let Some(slot) = self.slot(w.holder) {
                    self.tied += 1;
                    out.push(syn::parse_quote!(
                        #lint #krate::__private::tie(#slot, &#krate::__private::TypeOf::of(&#name));
                    ));
                }
            }
        }
        out
    }

    /// `let x: T;` has no value to borrow yet: `let _: &PhantomData<T> = &w.N;` ties `T` (a
    /// dead arm may call a method on `x` before any arm assigns it, difftest seed 98316606).
    fn annotated_ties(&mut self, locals: Option<&Vec<LocalId>>, pat: &syn::Pat) -> Vec<syn::Stmt> {
        let (Some(locals), syn::Pat::Type(pt)) = (locals, pat) else {
            return Vec::new();
        };
        let syn::Pat::Ident(pi) = &*pt.pat else {
            return Vec::new();
        };
        let ty = &pt.ty;
        let mut out = Vec::new();
        for &l in locals {
            if self.emit.g.locals[l].name != pi.ident {
                continue;
            }
            if let Some(slot) = self.slot(l) {
                self.tied += 1;
                out.push(syn::parse_quote!(let _: &::core::marker::PhantomData<#ty> = #slot;));
            }
        }
        out
    }

    /// `tied(&w.N, value)`.
    fn wrap(&mut self, local: Option<&LocalId>, value: &mut syn::Expr) {
        let Some(slot) = local.and_then(|&l| self.slot(l)) else {
            return;
        };
        self.tied += 1;
        let krate = &self.emit.ctx.krate;
        let inner = &*value;
        *value = syn::parse_quote!(#krate::__private::tied(#slot, #inner));
    }

    /// The ties of the patterns of a condition's `let`s (`if let A = a && let B = b`).
    fn cond_ties(&mut self, cond: &syn::Expr, out: &mut Vec<syn::Stmt>) {
        match cond {
            syn::Expr::Let(l) => {
                let marks = self.marks.pats.get(&addr::<syn::Pat>(&l.pat));
                out.extend(self.ties(marks, &l.pat));
            }
            syn::Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
                self.cond_ties(&b.left, out);
                self.cond_ties(&b.right, out);
            }
            syn::Expr::Paren(p) => self.cond_ties(&p.expr, out),
            _ => {}
        }
    }
}

fn prepend(block: &mut syn::Block, stmts: Vec<syn::Stmt>) {
    if !stmts.is_empty() {
        block.stmts.splice(0..0, stmts);
    }
}

impl VisitMut for Ties<'_> {
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        let mut inserts = Vec::new();
        for (i, stmt) in block.stmts.iter_mut().enumerate() {
            // The marks are addresses: read them before anything under the node changes.
            let ties = match &*stmt {
                syn::Stmt::Local(l) if l.init.is_none() => {
                    let marks = self.marks.lets.get(&addr(l));
                    self.annotated_ties(marks, &l.pat)
                }
                syn::Stmt::Local(l) => {
                    let marks = self.marks.lets.get(&addr(l));
                    self.ties(marks, &l.pat)
                }
                _ => Vec::new(),
            };
            self.visit_stmt_mut(stmt);
            if !ties.is_empty() {
                inserts.push((i + 1, ties));
            }
        }
        for (at, ties) in inserts.into_iter().rev() {
            block.stmts.splice(at..at, ties);
        }
    }

    fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
        let hoist = self
            .marks
            .hoists
            .get(&addr(&*e))
            .copied()
            .filter(|_| !self.taint.expr(e));
        let mut head = Vec::new();
        let mut iter = None;
        let mut arms = Vec::new();
        match &*e {
            syn::Expr::ForLoop(f) => {
                iter = self
                    .marks
                    .iters
                    .get(&addr(f))
                    .copied()
                    .filter(|_| !self.taint.expr(&f.expr));
                let marks = self.marks.pats.get(&addr::<syn::Pat>(&f.pat));
                head = self.ties(marks, &f.pat);
            }
            syn::Expr::If(i) => self.cond_ties(&i.cond, &mut head),
            syn::Expr::While(w) => self.cond_ties(&w.cond, &mut head),
            syn::Expr::Match(m) => {
                for arm in &m.arms {
                    let marks = self.marks.pats.get(&addr(&arm.pat));
                    arms.push(self.ties(marks, &arm.pat));
                }
            }
            _ => {}
        }
        syn::visit_mut::visit_expr_mut(self, e);
        match e {
            syn::Expr::ForLoop(f) => {
                if iter.is_some_and(|l| self.position.contains_key(&l)) {
                    let iterable = &f.expr;
                    let mut value: syn::Expr =
                        syn::parse_quote!(::core::iter::IntoIterator::into_iter(#iterable));
                    self.wrap(iter.as_ref(), &mut value);
                    *f.expr = value;
                }
                prepend(&mut f.body, head);
            }
            syn::Expr::If(i) => prepend(&mut i.then_branch, head),
            syn::Expr::While(w) => prepend(&mut w.body, head),
            syn::Expr::Match(m) => {
                for (arm, ties) in m.arms.iter_mut().zip(arms) {
                    if !ties.is_empty() {
                        let body = &arm.body;
                        *arm.body = syn::parse_quote!({ #(#ties)* #body });
                    }
                }
            }
            _ => {}
        }
        self.wrap(hoist.as_ref(), e);
    }
}
