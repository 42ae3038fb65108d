//! `for_await!(pat in stream { body })`: Python's `async for`, for any `futures_core::Stream`.
//!
//! Input:  `'outer: for_await!(x in numbers() { total += x; })` (the label is optional)
//! Output:
//! ```text
//! {
//!     let mut __stream = ::core::pin::pin!(::coro_core::StreamOperand::into_stream(numbers()));
//!     'outer: loop {
//!         let x = match ::coro_core::__private::next(::core::pin::Pin::as_mut(&mut __stream)).await {
//!             ::core::option::Option::Some(__item) => __item,
//!             ::core::option::Option::None => break,
//!         };
//!         total += x;
//!     }
//! }
//! ```
//! The stream is pinned on the stack, so it needs no `Unpin` bound; `break`/`continue` (also
//! labeled) reach the generated `loop`; `let pat = ...` makes a refutable pattern a compile error
//! at the user's pattern instead of silently stopping the loop, as `while let` would.
//! `.await` carries the invocation's span, so using `for_await!` outside async code gives rustc's
//! "`await` is only allowed inside `async` functions and blocks" at the user's call.
//!
//! Inside `#[async_gen]` bodies the attribute expands `for_await!` itself (through [`lower`]) so
//! that it can rewrite the `yield_!`s in the loop body and check them like any other code.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{Block, Expr, Label, Pat, Token};

/// The parsed input of `for_await!`.
pub struct ForAwait {
    pub label: Option<Label>,
    pub pat: Pat,
    pub expr: Expr,
    pub body: Block,
}

impl Parse for ForAwait {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let label = if input.peek(syn::Lifetime) {
            Some(input.parse()?)
        } else {
            None
        };
        let pat = Pat::parse_multi_with_leading_vert(input).map_err(|e| usage(e.span()))?;
        input.parse::<Token![in]>().map_err(|e| usage(e.span()))?;
        // Like `for`, the stream expression cannot be a struct literal: `{` starts the body.
        let expr = Expr::parse_without_eager_brace(input)?;
        if !input.peek(syn::token::Brace) {
            return Err(usage(input.span()));
        }
        let body: Block = input.parse()?;
        // Tolerate a trailing comma, as `for_await!(x in s { .. },)` is an easy slip.
        if input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
        }
        if !input.is_empty() {
            return Err(syn::Error::new(
                input.span(),
                "unexpected tokens after the loop body of `for_await!(pattern in stream { body })`",
            ));
        }
        Ok(ForAwait {
            label,
            pat,
            expr,
            body,
        })
    }
}

impl ForAwait {
    /// The macro's input again: `'label: pat in expr { body }`.
    pub fn to_tokens(&self) -> TokenStream {
        let ForAwait {
            label,
            pat,
            expr,
            body,
        } = self;
        quote!(#label #pat in #expr #body)
    }
}

fn usage(span: Span) -> syn::Error {
    syn::Error::new(
        span,
        "expected `for_await!(pattern in stream { body })`, e.g. `for_await!(x in numbers() { println!(\"{x}\") })`",
    )
}

/// Builds the loop. `krate` is the path to `coro_core`; `await_span` is where "`await` outside
/// async" errors should point (the user's invocation).
pub fn lower(input: &ForAwait, krate: &TokenStream, await_span: Span) -> TokenStream {
    let ForAwait {
        label,
        pat,
        expr,
        body,
    } = input;
    // The body's statements go straight into the loop: a block there would trip
    // `unused_braces` on the user's `{ single_expr }`.
    let stmts = &body.stmts;
    let stream = syn::Ident::new("__stream", Span::mixed_site());
    let item = syn::Ident::new("__item", Span::mixed_site());
    // "`X` is not a stream" errors point at the user's expression.
    let next = quote_spanned!(expr.span()=> #krate::__private::next);
    let check = quote_spanned!(expr.span()=> #krate::StreamOperand::into_stream);
    let await_ = syn::Ident::new("await", await_span);
    let break_ = quote_spanned!(Span::mixed_site()=> break);
    quote! {
        {
            let mut #stream = ::core::pin::pin!(#check(#expr));
            #label loop {
                let #pat = match #next(::core::pin::Pin::as_mut(&mut #stream)).#await_ {
                    ::core::option::Option::Some(#item) => #item,
                    ::core::option::Option::None => #break_,
                };
                #(#stmts)*
            }
        }
    }
}

/// `for_await!(...)` used on its own (not inside an `#[async_gen]` body).
pub fn expand(input: TokenStream) -> TokenStream {
    // `for_await!(@used)`: emitted by `#[async_gen]` after expanding the user's `for_await!`s
    // itself, so that `use coro_core::for_await;` stays a used import.
    if is_used_marker(&input) {
        return TokenStream::new();
    }
    match syn::parse2::<ForAwait>(input) {
        Ok(parsed) => lower(&parsed, &quote!(::coro_core), Span::call_site()),
        Err(err) => err.to_compile_error(),
    }
}

fn is_used_marker(input: &TokenStream) -> bool {
    let tokens: Vec<_> = input.clone().into_iter().collect();
    matches!(tokens.as_slice(),
        [proc_macro2::TokenTree::Punct(at), proc_macro2::TokenTree::Ident(used)]
            if at.as_char() == '@' && used == "used")
}
