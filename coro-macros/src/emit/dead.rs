//! The arms of dead code (see `lower/dead.rs`): blocks only code after a diverging expression
//! reaches. Their variants are never built; rustc type-checks their code, which never runs.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::Emit;
use crate::lower::LocalId;

impl Emit<'_> {
    /// A block of dead code that no jump reaches: where the code after a diverging expression
    /// starts.
    pub(super) fn is_cut_root(&self, b: usize) -> bool {
        self.g.blocks[b].cut_root
    }

    /// Whether a cut root's variant can hold local `l`: its type is tied where it is bound (a
    /// parameter in `Start`, a `let` or pattern at its tie site) or kept across a suspension.
    pub(super) fn tied(&self, l: LocalId) -> bool {
        // A local kept across a live suspension has its type where that variant is built.
        let suspended = |b: usize| {
            !self.g.blocks[b].dead
                && matches!(self.g.blocks[b].kind, crate::lower::BlockKind::Resume(_))
                && self.g.live_in[b].contains(&l)
        };
        // A lent local is never parked for dead code: it is bound to `unreachable!()`.
        (self.g.locals[l].state_ty.is_some() && !self.is_lent(l))
            || self.g.params.contains(&l)
            || (0..self.g.blocks.len()).any(suspended)
            || self
                .g
                .tie_sites
                .iter()
                .any(|t| t.local == l && t.decl.is_none_or(|d| self.decl_used(d)))
    }

    /// A tie site (placeholder `T`): the local's type is the one of its field in each cut root
    /// that restores it. The test never holds (the state is `Poisoned` while a step runs).
    ///
    /// Output: `if let State::B { v: __coro_tie, .. } = &*state { let _ = [__coro_tie, &v]; }`
    /// (an array of the two references ties the types without a generic call, as `type_tie`)
    pub(super) fn tie_site(&self, n: usize) -> TokenStream {
        let site = &self.g.tie_sites[n];
        // A local whose type the enum names needs no tie.
        if site.decl.is_some_and(|d| !self.decl_used(d))
            || self.g.locals[site.local].state_ty.is_some()
        {
            return TokenStream::new();
        }
        let crate::lower::Context {
            state, enum_name, ..
        } = self.ctx;
        let (field, name) = (&self.g.locals[site.local].hidden, &site.name);
        let tie = Ident::new("__coro_tie", Span::mixed_site());
        // An initialized local is borrowed right where it got its value: rustc then also sees
        // the use the dead code makes of it (no `unused_variables` on a local only dead code
        // reads). A `let x;` not yet assigned is only named in unreachable code.
        let uninit = site.decl.map(|_| quote!(::core::unreachable!();));
        self.cut_roots
            .iter()
            .copied()
            .filter(|&b| self.fields(b).contains(&site.local))
            .map(|b| {
                let v = self.variant(b);
                quote! {
                    #[allow(unreachable_code, clippy::used_underscore_binding)]
                    if let #enum_name::#v { #field: #tie, .. } = &*#state {
                        #uninit
                        let _ = [#tie, &#name];
                    }
                }
            })
            .collect()
    }

    /// The locals a cut root uses that no tie types: bound to `unreachable!()` at its entry.
    pub(super) fn unbound_at_entry(&self, b: usize) -> Vec<TokenStream> {
        if !self.is_cut_root(b) {
            return Vec::new();
        }
        self.g.live_in[b]
            .iter()
            .rev()
            .filter(|&&l| !self.tied(l))
            .map(|&l| {
                // No `mut`: nothing after it is borrow-checked. Typed as the user's annotation
                // when there is one (`let u: Tracked;` assigned only in live arms: the dead arm
                // may call a method on it first, difftest seed 98316606), else by the never-type
                // fallback.
                let name = self.target_name(b, l);
                if let Some(ty) = &self.g.locals[l].annotation {
                    return quote!(let #name: #ty = ::core::unreachable!(););
                }
                quote!(let #name = ::core::unreachable!();)
            })
            .collect()
    }
}
