//! Error collection: every problem found in one expansion is reported at once (`serde_derive`'s
//! `Ctxt`), each at the narrowest user span we have.

//!
//! A leaf: it depends on nothing else of the crate (the item emitted on error is `fallback.rs`).

use proc_macro2::TokenStream;
use quote::ToTokens;
use std::cell::RefCell;
use std::fmt::Display;

/// Collects errors during one macro expansion.
#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    pub fn new() -> Self {
        Ctxt::default()
    }

    /// Records an error spanning `tokens`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&self, tokens: T, message: M) {
        self.errors
            .borrow_mut()
            .push(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    /// Records an error at `span`.
    pub fn error_at<M: Display>(&self, span: proc_macro2::Span, message: M) {
        self.errors
            .borrow_mut()
            .push(syn::Error::new(span, message));
    }

    /// Records a ready-made error.
    pub fn syn_error(&self, err: syn::Error) {
        self.errors.borrow_mut().push(err);
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.borrow().is_empty()
    }

    /// Consumes the context: `Ok` if nothing went wrong, else every error combined.
    pub fn check(self) -> Result<(), syn::Error> {
        let mut errors = self.errors.into_inner().into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for rest in errors {
            combined.combine(rest);
        }
        Err(combined)
    }
}

/// The output of a failed expansion: the errors, plus the user's item unchanged (when we have
/// one) so that rust-analyzer keeps resolving names and completing inside the body, and one
/// mistake does not cascade into errors about a missing fn.
pub fn error_output(err: &syn::Error, fallback: Option<TokenStream>) -> TokenStream {
    let mut out = err.to_compile_error();
    if let Some(item) = fallback {
        out.extend(item);
    }
    out
}
