//! The arms that refuse a call before any arm runs (`send` on a fresh generator, `start` where a
//! value is expected, a value sent to an async generator still waiting in an `.await`).
//!
//! Input:  the variants the step dispatches on.
//! Output: `match` arms, placed before the arms of the blocks, that put the state back untouched
//!         and return the `Refusal` (the protocol method then panics at the user's call). In a
//!         body with many suspension points, the suspended states' refusals are a method of the
//!         state enum instead, asked before the dispatch (see [`Refusals`]).

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::Emit;
use crate::lower::{BlockKind, Context};

/// Bodies with more suspended states than this ask a method of the state enum whether to refuse
/// (one path into the enum in the step), rather than listing the states in the dispatch (one
/// path per state: each instantiates every type parameter of the enum, and they waited in
/// rustc's pending obligations until the locals were typed, 16% of a 200-statement body's check).
/// Small bodies keep the arms, which LLVM folds into the dispatch's jump table.
const ARMS_MAX: usize = 32;

/// The refusals of one step.
pub struct Refusals {
    /// Arms at the top of the dispatch.
    pub arms: TokenStream,
    /// Before the dispatch: `if let Some(why) = current.refusal(resume.is_some()) { .. }`.
    pub check: TokenStream,
    /// The inherent method the check calls.
    pub method: TokenStream,
}

impl Emit<'_> {
    /// The refusals of the step: as arms, or (many suspended states) as a check and a method.
    pub(super) fn refusals(&self, variant_blocks: &[usize], current: &Ident) -> Refusals {
        let suspended = variant_blocks
            .iter()
            .filter(|&&b| matches!(self.g.blocks[b].kind, BlockKind::Resume(_)))
            .count();
        if self.ctx.resume_is_unit || suspended <= ARMS_MAX {
            return Refusals {
                arms: self.refusal_arms(variant_blocks, current),
                check: TokenStream::new(),
                method: TokenStream::new(),
            };
        }
        let Context {
            krate,
            state,
            resume,
            ..
        } = self.ctx;
        let (suspended, awaiting) = (
            self.suspended_variants(variant_blocks, false),
            self.suspended_variants(variant_blocks, true),
        );
        let refusal = Ident::new("refusal", Span::mixed_site());
        let has_value = Ident::new("has_value", Span::mixed_site());
        let why = Ident::new("why", Span::mixed_site());
        let suspended_arm = (!suspended.is_empty()).then(|| {
            quote!(#(Self::#suspended { .. })|* if !#has_value => ::core::option::Option::Some(#krate::__private::Refusal::NeedsValue),)
        });
        let awaiting_arm = (!awaiting.is_empty()).then(|| {
            quote!(#(Self::#awaiting { .. })|* if #has_value => ::core::option::Option::Some(#krate::__private::Refusal::Running),)
        });
        Refusals {
            arms: self.start_refusal_arms(current),
            check: quote! {
                if let ::core::option::Option::Some(#why) = #current.#refusal(#resume.is_some()) {
                    #krate::__private::set_state(#state, #current);
                    return ::core::result::Result::Err(#why);
                }
            },
            method: quote! {
                /// Whether the step refuses a resumption of this state (with a value or not).
                #[inline]
                fn #refusal(&self, #has_value: bool) -> ::core::option::Option<#krate::__private::Refusal> {
                    match self {
                        #suspended_arm
                        #awaiting_arm
                        _ => ::core::option::Option::None,
                    }
                }
            },
        }
    }

    /// The arms that refuse a call the state cannot take, before any arm runs: with a resume
    /// value other than `()`, `send` on a fresh generator (no `yield_!` waits for the value) and
    /// `start` on a suspended one (its `yield_!` needs one). They put the state back untouched.
    /// With `resume = ()`, `send(())` is `start()` (Python's `send(None)`): nothing to refuse.
    fn refusal_arms(&self, variant_blocks: &[usize], current: &Ident) -> TokenStream {
        let Context {
            resume, enum_name, ..
        } = self.ctx;
        let refuse = |why: TokenStream| self.refuse(current, &why);
        let start = self.start_refusal_arms(current);
        if self.ctx.resume_is_unit {
            return start;
        }
        let (suspended, awaiting) = (
            self.suspended_variants(variant_blocks, false),
            self.suspended_variants(variant_blocks, true),
        );
        let needs_value = refuse(quote!(NeedsValue));
        let suspended_arm = (!suspended.is_empty()).then(|| {
            quote! {
                #(#enum_name::#suspended { .. })|* if #resume.is_none() => #needs_value
            }
        });
        // An async generator polled on after `Pending` gets `None`; a value means a new
        // resumption while the last one still waits (its future was dropped).
        let running = refuse(quote!(Running));
        let awaiting_arm = (!awaiting.is_empty()).then(|| {
            quote! {
                #(#enum_name::#awaiting { .. })|* if #resume.is_some() => #running
            }
        });
        quote! {
            #start
            #suspended_arm
            #awaiting_arm
        }
    }

    /// The refusals of the `Start` state: `throw` (whatever the resume type) and `send` (unless
    /// the resume type is `()`) before `start`.
    fn start_refusal_arms(&self, current: &Ident) -> TokenStream {
        let Context {
            resume, enum_name, ..
        } = self.ctx;
        // `throw` before `start`: no `yield_!` waits for the error (whatever the resume type).
        let throw_arm = self.ctx.throw_ty.is_some().then(|| {
            let refused = self.refuse(current, &quote!(ThrowNotStarted));
            quote! {
                #enum_name::Start { .. }
                    if ::core::matches!(#resume, ::core::option::Option::Some(::core::result::Result::Err(_))) =>
                        #refused
            }
        });
        let send_arm = (!self.ctx.resume_is_unit).then(|| {
            let refused = self.refuse(current, &quote!(NotStarted));
            quote!(#enum_name::Start { .. } if #resume.is_some() => #refused)
        });
        quote!(#throw_arm #send_arm)
    }

    /// The variants of the states suspended at a `yield_!` (or, `awaiting`, at an `.await`).
    fn suspended_variants(&self, variant_blocks: &[usize], awaiting: bool) -> Vec<Ident> {
        variant_blocks
            .iter()
            .filter(|&&b| {
                matches!(self.g.blocks[b].kind, BlockKind::Resume(p) if self.g.points[p].is_await == awaiting)
            })
            .map(|&b| self.variant(b))
            .collect()
    }

    /// Puts `current` back untouched and returns the refusal `why`.
    fn refuse(&self, current: &Ident, why: &TokenStream) -> TokenStream {
        let Context { krate, state, .. } = self.ctx;
        quote!({
            #krate::__private::set_state(#state, #current);
            return ::core::result::Result::Err(#krate::__private::Refusal::#why);
        })
    }
}
