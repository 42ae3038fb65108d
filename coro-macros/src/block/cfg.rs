//! `#[cfg(..)]` in a block form's body, resolved before lowering as the attributes do (see
//! `crate::cfg`): the macro asks rustc about one predicate at a time. In expression position
//! the two copies are `let` statements, where `#[cfg]` is stable.
//!
//! Input:  `gen_block!(yield = u8 => { #[cfg(feature = "x")] yield_!(1); yield_!(2); })`
//! Output:
//! ```text
//! { #[cfg(feature = "x")]      let b = cfg_resolved! { gen_block true (feature = "x") (yield = u8) { .. } };
//!   #[cfg(not(feature = "x"))] let b = cfg_resolved! { gen_block false (feature = "x") (yield = u8) { .. } };
//!   b }
//! ```

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::{Form, Input};

fn kind_name(form: Form) -> &'static str {
    match form {
        Form::Gen => "gen_block",
        Form::AsyncGen => "async_gen_block",
    }
}

/// If the body holds a `#[cfg]`, the expansion that resolves its first predicate.
pub fn defer(form: Form, parsed: &Input, krate: &TokenStream) -> Option<TokenStream> {
    let pred = crate::cfg::first_predicate(&parsed.body)?;
    let kind = Ident::new(kind_name(form), Span::call_site());
    let options = options_tokens(parsed);
    let body = &parsed.body;
    let b = Ident::new("__coro_block", Span::mixed_site());
    Some(quote!({
        #[cfg(#pred)]
        let #b = #krate::__private::cfg_resolved! { #kind true (#pred) (#options) #body };
        #[cfg(not(#pred))]
        let #b = #krate::__private::cfg_resolved! { #kind false (#pred) (#options) #body };
        #b
    }))
}

/// The options as written, `move(..)` included.
fn options_tokens(parsed: &Input) -> TokenStream {
    let mut out = TokenStream::new();
    let explicit = parsed
        .explicit
        .as_ref()
        .map(|list| quote!(move(#(#list),*)));
    for (i, opt) in parsed.options.iter().cloned().chain(explicit).enumerate() {
        if i > 0 {
            out.extend(quote!(,));
        }
        out.extend(opt);
    }
    out
}
