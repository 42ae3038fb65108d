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

use proc_macro2::{Delimiter, Ident, Span, TokenStream, TokenTree};
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

/// `cfg_resolved!`'s input for a block form: the decided body, expanded again (which asks
/// about the next predicate, if any). `None`: the input is an attribute's.
pub fn resolve(input: &TokenStream) -> Option<TokenStream> {
    let mut tts = input.clone().into_iter();
    let form = match tts.next() {
        Some(TokenTree::Ident(i)) if i == "gen_block" => Form::Gen,
        Some(TokenTree::Ident(i)) if i == "async_gen_block" => Form::AsyncGen,
        _ => return None,
    };
    let keep = matches!(tts.next(), Some(TokenTree::Ident(i)) if i == "true");
    let mut group = |delim| match tts.next() {
        Some(TokenTree::Group(g)) if g.delimiter() == delim => Some(g.stream()),
        _ => None,
    };
    let (Some(pred), Some(options), Some(body)) = (
        group(Delimiter::Parenthesis),
        group(Delimiter::Parenthesis),
        group(Delimiter::Brace),
    ) else {
        return Some(
            syn::Error::new(
                Span::call_site(),
                "`cfg_resolved!` is an internal macro of coro",
            )
            .to_compile_error(),
        );
    };
    let mut block: syn::Block = match syn::parse2(quote!({ #body })) {
        Ok(b) => b,
        Err(err) => return Some(err.to_compile_error()),
    };
    crate::cfg::strip(&mut block, &pred, keep);
    let input = quote!(#options => #block);
    Some(match form {
        Form::Gen => super::expand::gen_block(&input),
        Form::AsyncGen => super::expand::async_gen_block(&input),
    })
}
