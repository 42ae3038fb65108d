//! Error collection: every problem found in one expansion is reported at once (`serde_derive`'s
//! `Ctxt`), each at the narrowest user span we have.

use proc_macro2::{Delimiter, Group, Spacing, TokenStream, TokenTree};
use quote::quote;
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
        self.errors.borrow_mut().push(syn::Error::new(span, message));
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

/// The user's item for [`error_output`], with every `yield_!(e)` / `yield_from!(g)` replaced by a
/// call that type-checks as a plain expression (`fallback_yield::<R, _>(e)` evaluates to an `R`),
/// so the item compiles as an ordinary fn and the reported error is the only one.
///
/// Works on tokens, so it also applies when the item does not parse, and inside other macros.
pub fn fallback_item(item: TokenStream, krate: &TokenStream, resume: &TokenStream) -> TokenStream {
    let tts: Vec<TokenTree> = item.into_iter().collect();
    let mut out: Vec<TokenTree> = Vec::with_capacity(tts.len());
    let mut i = 0;
    while i < tts.len() {
        let marker = match &tts[i] {
            TokenTree::Ident(id) if id == "yield_" => Some(false),
            TokenTree::Ident(id) if id == "yield_from" => Some(true),
            _ => None,
        };
        let bang = matches!(tts.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!');
        let args = match tts.get(i + 2) {
            Some(TokenTree::Group(g)) if g.delimiter() != Delimiter::None => Some(g.clone()),
            _ => None,
        };
        if let (Some(is_from), true, Some(args)) = (marker, bang, args) {
            // Drop a leading path (`coro_core::`, `::coro_core::`).
            while out.len() >= 2
                && matches!(&out[out.len() - 1], TokenTree::Punct(p) if p.as_char() == ':')
                && matches!(&out[out.len() - 2], TokenTree::Punct(p) if p.as_char() == ':' && p.spacing() == Spacing::Joint)
            {
                out.truncate(out.len() - 2);
                if matches!(out.last(), Some(TokenTree::Ident(_))) {
                    out.pop();
                }
            }
            let inner = fallback_item(args.stream(), krate, resume);
            let inner = if inner.is_empty() { quote!(()) } else { inner };
            let call = if is_from {
                quote!(#krate::__private::fallback_yield_from::<#resume, _>(#inner))
            } else {
                quote!(#krate::__private::fallback_yield::<#resume, _>(#inner))
            };
            let mut g = Group::new(Delimiter::Parenthesis, call);
            g.set_span(args.span());
            out.push(TokenTree::Group(g));
            i += 3;
            continue;
        }
        match &tts[i] {
            TokenTree::Group(g) => {
                let mut ng = Group::new(g.delimiter(), fallback_item(g.stream(), krate, resume));
                ng.set_span(g.span());
                out.push(TokenTree::Group(ng));
            }
            other => out.push(other.clone()),
        }
        i += 1;
    }
    out.into_iter().collect()
}
