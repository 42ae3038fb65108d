//! Placeholders decoded into tokens: the one place a sequence (`S`), a jump (`J`), a deferred
//! declaration (`D`), an alias slot (`P`), a `let`'s lint level (`M`), a type witness (`W`) or an
//! alias (`A`) becomes code, with each jump rendered as a state change or run in place.

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::quote;

use super::Emit;
use crate::lower::{Context, JumpKind, LocalId};

impl Emit<'_> {
    pub(super) fn render_seq(&self, seq: usize) -> TokenStream {
        let mut out = TokenStream::new();
        for stmt in &self.g.seqs[seq] {
            out.extend(self.render(stmt.clone()));
        }
        out
    }

    /// Substitutes placeholders at any depth: `__coro_ph_S<n>` (a sequence), `J` (a jump), `D` (a
    /// deferred declaration), `P` (an alias slot), `M` (the lint level of a `let`), `W` (a type
    /// witness), `A` (an alias).
    pub(super) fn render(&self, tokens: TokenStream) -> TokenStream {
        let mut out = TokenStream::new();
        for tt in tokens {
            match tt {
                TokenTree::Ident(ref i) => {
                    let s = i.to_string();
                    match s.strip_prefix("__coro_ph_") {
                        Some(rest) => {
                            let (kind, n) = rest.split_at(1);
                            let n: usize = n.parse().expect("placeholder index");
                            out.extend(match kind {
                                "S" => self.render_seq(n),
                                "J" => self.jump(n),
                                "D" => self.decl(n),
                                "P" => self.alias_slot(n),
                                "M" => self.mut_let_lint(n),
                                "W" => self.witness_let(n),
                                "T" => self.tie_site(n),
                                _ => self.alias(n),
                            });
                        }
                        None => out.extend([tt]),
                    }
                }
                TokenTree::Group(g) => {
                    let mut ng = proc_macro2::Group::new(g.delimiter(), self.render(g.stream()));
                    ng.set_span(g.span());
                    out.extend([TokenTree::Group(ng)]);
                }
                other => out.extend([other]),
            }
        }
        out
    }

    /// What jump `j`'s arm calls local `l` (a value the jump defines is bound to its hidden
    /// name just before it).
    pub(super) fn value_at(&self, j: usize, l: LocalId) -> Ident {
        let jump = &self.g.jumps[j];
        let hidden = &self.g.locals[l].hidden;
        if jump.defines.iter().any(|(d, _)| *d == l) {
            hidden.clone()
        } else {
            jump.names
                .get(&l)
                .cloned()
                .unwrap_or_else(|| hidden.clone())
        }
    }

    pub(super) fn jump(&self, j: usize) -> TokenStream {
        let Context {
            krate,
            state,
            dispatch,
            enum_name,
            ..
        } = self.ctx;
        let jump = &self.g.jumps[j];
        let v = self.variant(jump.target);
        let bind_defines = jump.defines.iter().map(|(l, value)| {
            let value = self.render(value.clone());
            if jump.save.contains(l) {
                let h = &self.g.locals[*l].hidden;
                quote!(let #h = #value;)
            } else {
                quote!(let _ = #value;)
            }
        });
        // Frame locals are stored in the frame before the jump (see `frame.rs`).
        let mut stores = Vec::new();
        let fields = jump.save.iter().map(|&l| {
            let f = &self.g.locals[l].hidden;
            let value = self.value_at(j, l);
            // Saving `_guard` is not a use of it in the user's code.
            let name = value.to_string();
            let lint = (name.starts_with('_') && !name.starts_with("__coro"))
                .then(|| quote!(#[allow(clippy::used_underscore_binding)]));
            if self.is_lent(l) {
                // Parked beside the state (`lent_stores`).
                return Some(quote!(#f: ()));
            }
            if self.in_frame(l) {
                stores.push(Self::frame_store(l, &value));
                return None;
            }
            Some(quote!(#lint #f: #value))
        });
        let fields: Vec<TokenStream> = fields
            .flatten()
            .chain(self.frame_field_value(jump.target))
            .collect();
        let variant = quote!(#enum_name::#v { #(#fields),* });
        let current = Ident::new("__coro_current", Span::mixed_site());
        match &jump.kind {
            JumpKind::Goto if self.can_inline(j) && self.spend_inline_budget(j) => {
                let tie = self.type_tie(j);
                let inlined = self.inlined_goto(j);
                quote!({
                    #(#bind_defines)*
                    #tie
                    #inlined
                })
            }
            JumpKind::Goto => {
                self.materialized.borrow_mut().insert(jump.target);
                // A statement (the `;`), so that it can carry an attribute.
                let lint = jump.fallthrough.then(|| quote!(#[allow(unreachable_code)]));
                let semi = jump.fallthrough.then(|| quote!(;));
                let parked = self.lent_stores(j);
                quote!(#lint {
                    #(#bind_defines)*
                    #parked
                    #(#stores)*
                    #current = #variant;
                    continue #dispatch;
                } #semi)
            }
            JumpKind::Yield { value, value_span } => {
                self.materialized.borrow_mut().insert(jump.target);
                let value = self.render(value.clone());
                let y = Ident::new("__coro_yielded", Span::mixed_site());
                let annotated = if let Some(ty) = &self.ctx.yield_ty {
                    let ty = respan(ty.clone(), *value_span);
                    quote!(let #y: #ty = #value;)
                } else {
                    quote!(let #y = #value;)
                };
                quote!({
                    #annotated
                    #(#bind_defines)*
                    #(#stores)*
                    // The old state is always `Poisoned` here; `forget` spares LLVM a drop call it
                    // cannot prove away (measured on recursive `yield_from!`).
                    #krate::__private::set_state(#state, #variant);
                    return ::core::result::Result::Ok(#krate::__private::GeneratorState::Yielded(#y));
                })
            }
            JumpKind::Pending => {
                self.materialized.borrow_mut().insert(jump.target);
                quote!({
                    #(#bind_defines)*
                    #(#stores)*
                    #krate::__private::set_state(#state, #variant);
                    return ::core::result::Result::Err(#krate::__private::Refusal::Pending);
                })
            }
        }
    }
}

/// Gives every token the span of the user's value, so a type mismatch points at it.
pub(super) fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|tt| match tt {
            TokenTree::Group(g) => {
                let mut ng = proc_macro2::Group::new(g.delimiter(), respan(g.stream(), span));
                ng.set_span(span);
                TokenTree::Group(ng)
            }
            mut other => {
                other.set_span(other.span().located_at(span));
                other
            }
        })
        .collect()
}
