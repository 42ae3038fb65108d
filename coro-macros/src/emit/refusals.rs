//! The arms that refuse a call before any arm runs (`send` on a fresh generator, `start` where a
//! value is expected, a value sent to an async generator still waiting in an `.await`).
//!
//! Input:  the variants the step dispatches on.
//! Output: `match` arms, placed before the arms of the blocks, that put the state back untouched
//!         and return the `Refusal` (the protocol method then panics at the user's call).

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::Emit;
use crate::lower::{BlockKind, Context};

impl Emit<'_> {
    /// The arms that refuse a call the state cannot take, before any arm runs: with a resume
    /// value other than `()`, `send` on a fresh generator (no `yield_!` waits for the value) and
    /// `start` on a suspended one (its `yield_!` needs one). They put the state back untouched.
    /// With `resume = ()`, `send(())` is `start()` (Python's `send(None)`): nothing to refuse.
    pub(super) fn refusals(&self, variant_blocks: &[usize], current: &Ident) -> TokenStream {
        let Context {
            krate,
            state,
            resume,
            enum_name,
            ..
        } = self.ctx;
        let refuse = |why: TokenStream| {
            quote!({
                #krate::__private::set_state(#state, #current);
                return ::core::result::Result::Err(#krate::__private::Refusal::#why);
            })
        };
        // `throw` before `start`: no `yield_!` waits for the error (whatever the resume type).
        let throw_arm = self.ctx.throw_ty.is_some().then(|| {
            let refused = refuse(quote!(ThrowNotStarted));
            quote! {
                #enum_name::Start { .. }
                    if ::core::matches!(#resume, ::core::option::Option::Some(::core::result::Result::Err(_))) =>
                        #refused
            }
        });
        if self.ctx.resume_is_unit {
            return throw_arm.unwrap_or_default();
        }
        let at = |awaiting: bool| -> Vec<Ident> {
            variant_blocks
                .iter()
                .filter(|&&b| {
                    matches!(self.g.blocks[b].kind, BlockKind::Resume(p) if self.g.points[p].is_await == awaiting)
                })
                .map(|&b| self.variant(b))
                .collect()
        };
        let (suspended, awaiting) = (at(false), at(true));
        let not_started = refuse(quote!(NotStarted));
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
            #throw_arm
            #enum_name::Start { .. } if #resume.is_some() => #not_started
            #suspended_arm
            #awaiting_arm
        }
    }
}
