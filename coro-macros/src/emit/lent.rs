//! Lent values across the jumps of one resumption (`resume = &[u8]`, see `lower/lent.rs`): the
//! state enum has a `()` field for a lent local, so a jump through the dispatch loop parks the
//! value in a local of the step and the target's arm takes it back.
//!
//! Input:  `let line = yield_!(n); if line.is_empty() { yield_!(0); continue; } n += line.len();`
//! Output: `__coro_lent3 = Some(line); current = State::Block4 { line: (), .. }; continue`, and in
//!         `State::Block4 { line: _, .. } => { let (line,) = (match __coro_lent3.take() { .. },); .. }`

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use super::Emit;
use crate::lower::LocalId;

impl Emit<'_> {
    pub(super) fn is_lent(&self, l: LocalId) -> bool {
        self.g.lent.iter().any(|&(x, _)| x == l)
    }

    /// The step's local that carries lent local `l` from a jump to the arm it enters.
    fn lent_side(l: LocalId) -> Ident {
        format_ident!("__coro_lent{}", l, span = Span::mixed_site())
    }

    /// For a jump through the dispatch loop: parks the lent locals it passes on.
    pub(super) fn lent_stores(&self, j: usize) -> TokenStream {
        let jump = &self.g.jumps[j];
        jump.save
            .iter()
            .filter(|&&l| self.is_lent(l))
            .map(|&l| {
                self.lent_sides.borrow_mut().insert(l);
                let side = Self::lent_side(l);
                let value = self.value_at(j, l);
                quote!(#side = ::core::option::Option::Some(#value);)
            })
            .collect()
    }

    /// The declarations of the parked values at the start of the step (typed by their stores).
    pub(super) fn lent_side_decls(&self) -> TokenStream {
        self.lent_sides
            .borrow()
            .iter()
            .map(|&l| {
                let side = Self::lent_side(l);
                quote!(let mut #side = ::core::option::Option::None;)
            })
            .collect()
    }

    /// An arm restoring a lent local binds it, and the restored locals declared after it, in one
    /// `let` (declaration order, so that they still drop in reverse order); their fields bind
    /// temporaries (`_` for the lent ones). Returns the position in `restored` from which the
    /// fields are rebound, the field patterns from there, and the `let`.
    pub(super) fn lent_rebind(
        &self,
        b: usize,
        restored: &[LocalId],
    ) -> Option<(usize, Vec<TokenStream>, TokenStream)> {
        let first = restored.iter().position(|&l| self.is_lent(l))?;
        let rebound = &restored[first..];
        let temps: Vec<Ident> = (0..rebound.len())
            .map(|i| format_ident!("__coro_r{}", i, span = Span::mixed_site()))
            .collect();
        let patterns = rebound
            .iter()
            .zip(&temps)
            .map(|(&l, t)| {
                if self.is_lent(l) {
                    quote!(_)
                } else {
                    quote!(#t)
                }
            })
            .collect();
        let values = rebound.iter().zip(&temps).map(|(&l, t)| {
            if self.is_lent(l) {
                self.lent_sides.borrow_mut().insert(l);
                let side = Self::lent_side(l);
                // Every jump that enters this arm parked the value.
                quote!(match #side.take() {
                    ::core::option::Option::Some(v) => v,
                    ::core::option::Option::None => ::core::unreachable!(),
                })
            } else {
                quote!(#t)
            }
        });
        let bindings = self.bindings(b, rebound);
        // As in the arm's own pattern: a restored `mut` may be mutated in another arm only.
        let lint = rebound
            .iter()
            .any(|&l| self.binds_mut(b, l))
            .then(|| quote!(#[allow(unused_mut)]));
        let rebind = quote! {
            #lint
            let (#(#bindings,)*) = (#(#values,)*);
        };
        Some((first, patterns, rebind))
    }
}
