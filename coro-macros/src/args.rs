//! Attribute options shared by `#[generator]` and `#[async_gen]`.
//!
//! Input:  `yield = u32, resume = String, crate = ::my::reexport`
//! Output: an [`Args`] value; unknown, duplicate and malformed options are all reported at once.

use proc_macro2::{Span, TokenStream};
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Path, Token, Type};

use crate::diag::Ctxt;

/// Which attribute is being parsed: decides which options are allowed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Generator,
    AsyncGen,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Generator => "#[generator]",
            Kind::AsyncGen => "#[async_gen]",
        }
    }

    fn allowed(self) -> &'static str {
        match self {
            Kind::Generator => "`yield = Type`, `resume = Type`, `crate = path`",
            Kind::AsyncGen => "`yield = Type`, `crate = path`, `boxed`, `boxed_local`",
        }
    }
}

/// `boxed` / `boxed_local` for `#[async_gen]`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Boxing {
    /// `Pin<Box<dyn Stream + Send + 'a>>`.
    Send,
    /// `Pin<Box<dyn Stream + 'a>>`.
    Local,
}

/// Parsed attribute options.
pub struct Args {
    pub yield_ty: Type,
    /// `None` when omitted: the generator takes `()` and is also an `Iterator`.
    pub resume_ty: Option<Type>,
    /// Path to `coro_core`, `::coro_core` by default.
    pub krate: TokenStream,
    pub boxing: Option<(Boxing, Span)>,
}

impl Args {
    /// `true` when the resume type is `()`, written or implied.
    pub fn resume_is_unit(&self) -> bool {
        match &self.resume_ty {
            None => true,
            Some(Type::Tuple(t)) => t.elems.is_empty(),
            Some(_) => false,
        }
    }
}

enum RawArg {
    Yield(Token![yield], Type),
    Resume(syn::Ident, Type),
    Crate(Token![crate], Path),
    Flag(syn::Ident),
    Other(syn::Ident),
}

impl Parse for RawArg {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(Token![yield]) {
            let kw: Token![yield] = input.parse()?;
            input.parse::<Token![=]>().map_err(|e| {
                syn::Error::new(e.span(), "expected `yield = Type`, e.g. `yield = u32`")
            })?;
            return Ok(RawArg::Yield(kw, input.parse()?));
        }
        if input.peek(Token![crate]) {
            let kw: Token![crate] = input.parse()?;
            input.parse::<Token![=]>().map_err(|e| {
                syn::Error::new(e.span(), "expected `crate = path`, e.g. `crate = ::coro_core`")
            })?;
            return Ok(RawArg::Crate(kw, input.parse()?));
        }
        let ident: syn::Ident = input.call(syn::ext::IdentExt::parse_any)?;
        if ident == "resume" {
            input.parse::<Token![=]>().map_err(|e| {
                syn::Error::new(e.span(), "expected `resume = Type`, e.g. `resume = i32`")
            })?;
            return Ok(RawArg::Resume(ident, input.parse()?));
        }
        if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            // Swallow the value up to the next comma so later options are still checked.
            let mut rest = TokenStream::new();
            while !input.is_empty() && !input.peek(Token![,]) {
                rest.extend(std::iter::once(input.parse::<proc_macro2::TokenTree>()?));
            }
            let _ = rest;
            return Ok(RawArg::Other(ident));
        }
        Ok(RawArg::Flag(ident))
    }
}

/// Parses the attribute's tokens, reporting every problem into `cx`.
pub fn parse(kind: Kind, tokens: TokenStream, cx: &Ctxt) -> Option<Args> {
    let parser = Punctuated::<RawArg, Token![,]>::parse_terminated;
    let raw = match parser.parse2(tokens) {
        Ok(raw) => raw,
        Err(err) => {
            cx.syn_error(err);
            return None;
        }
    };
    let mut yield_ty = None;
    let mut resume_ty = None;
    let mut krate = None;
    let mut boxing = None;
    let name = kind.name();
    for arg in raw {
        match arg {
            RawArg::Yield(kw, ty) => {
                if yield_ty.is_some() {
                    cx.error_spanned_by(kw, format!("duplicate `yield` option in {name}"));
                }
                yield_ty = Some(ty);
            }
            RawArg::Resume(ident, ty) => {
                if kind == Kind::AsyncGen {
                    cx.error_spanned_by(
                        &ident,
                        "`#[async_gen]` streams take no resume value: `resume` is only for `#[generator]`",
                    );
                } else if resume_ty.is_some() {
                    cx.error_spanned_by(&ident, format!("duplicate `resume` option in {name}"));
                }
                resume_ty = Some(ty);
            }
            RawArg::Crate(kw, path) => {
                if krate.is_some() {
                    cx.error_spanned_by(kw, format!("duplicate `crate` option in {name}"));
                }
                krate = Some(quote::ToTokens::into_token_stream(path));
            }
            RawArg::Flag(ident) if kind == Kind::AsyncGen && (ident == "boxed" || ident == "boxed_local") => {
                let b = if ident == "boxed" { Boxing::Send } else { Boxing::Local };
                if boxing.is_some() {
                    cx.error_spanned_by(&ident, "only one of `boxed` and `boxed_local` may be given");
                }
                boxing = Some((b, ident.span()));
            }
            RawArg::Flag(ident) | RawArg::Other(ident) => {
                let hint = if kind == Kind::Generator && (ident == "boxed" || ident == "boxed_local") {
                    "; to box a generator, call `.boxed()` (from `GeneratorExt`) on it"
                } else {
                    ""
                };
                cx.error_spanned_by(
                    &ident,
                    format!("unknown option `{ident}` in {name}: expected {}{hint}", kind.allowed()),
                );
            }
        }
    }
    let Some(yield_ty) = yield_ty else {
        cx.error_at(
            Span::call_site(),
            format!("{name} needs the type of the yielded values: add `yield = Type`, e.g. {name_with}",
                name_with = match kind {
                    Kind::Generator => "`#[generator(yield = u32)]`",
                    Kind::AsyncGen => "`#[async_gen(yield = u32)]`",
                }),
        );
        return None;
    };
    Some(Args {
        yield_ty,
        resume_ty,
        krate: krate.unwrap_or_else(|| quote::quote!(::coro_core)),
        boxing,
    })
}
