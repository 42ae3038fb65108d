//! Attribute options shared by `#[generator]` and `#[async_gen]`.
//!
//! Input:  `yield = u32, resume = String, crate = ::my::reexport`
//! Output: an [`Args`] value; unknown, duplicate and malformed options are all reported at once.

use proc_macro2::{Span, TokenStream};
use syn::parse::{Parse, ParseStream, Parser};
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
            Kind::Generator => {
                "`yield = Type`, `resume = Type`, `throw = Type`, `crate = path`, `clone`, `pinned`"
            }
            Kind::AsyncGen => {
                "`yield = Type`, `resume = Type`, `crate = path`, `boxed`, `boxed_local`, `pinned`"
            }
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
#[derive(Clone)]
pub struct Args {
    /// `()` when omitted from a `#[generator]` that takes a resume value (a sink).
    pub yield_ty: Type,
    /// Set when `yield` was omitted (a sink): a `yield_!` with a value gets coro's own error.
    pub sink: bool,
    /// `None` when omitted: the generator takes `()` and is also an `Iterator`.
    pub resume_ty: Option<Type>,
    /// `throw = E`: the generator implements `Throw<E>`; a thrown error arrives at the pending
    /// `yield_!` (which propagates it like `?`) or `yield_catch!` (which evaluates to it).
    pub throw_ty: Option<Type>,
    /// Path to `coro_core`, `::coro_core` by default.
    pub krate: TokenStream,
    pub boxing: Option<(Boxing, Span)>,
    /// `clone` for `#[generator]`: the generator is `Clone` (forking it copies its state).
    pub clone: Option<Span>,
    /// `pinned` for `#[generator]`: the body may borrow its own locals across a `yield_!`; the
    /// generator is `!Unpin` (see `pinned.rs`). For `#[async_gen]`: the body runs as an async
    /// block whatever it holds (see `async_gen/path.rs`).
    pub pinned: Option<Span>,
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
    Throw(syn::Ident, Type),
    Crate(Token![crate], Path),
    Flag(syn::Ident),
    Other(syn::Ident),
}

/// `= value` after an option's keyword, with errors at the user's tokens that name the option.
fn value<T: Parse>(
    input: ParseStream,
    kw: &dyn quote::ToTokens,
    usage: &str,
    what: &str,
) -> syn::Result<T> {
    if !input.peek(Token![=]) || input.peek(Token![==]) {
        let next = if input.is_empty() || input.peek(Token![,]) {
            TokenStream::new()
        } else {
            input
                .fork()
                .parse::<proc_macro2::TokenTree>()
                .map(quote::ToTokens::into_token_stream)?
        };
        return Err(syn::Error::new_spanned(
            quote::quote!(#kw #next),
            format!("expected `{usage}`"),
        ));
    }
    let eq: Token![=] = input.parse()?;
    if input.is_empty() || input.peek(Token![,]) {
        return Err(syn::Error::new_spanned(
            quote::quote!(#kw #eq),
            format!("expected {what} after `=`: `{usage}`"),
        ));
    }
    input
        .parse()
        .map_err(|e| syn::Error::new(e.span(), format!("expected {what}: `{usage}`")))
}

impl RawArg {
    fn parse(input: ParseStream, kind: Kind) -> syn::Result<Self> {
        if input.peek(Token![yield]) {
            let kw: Token![yield] = input.parse()?;
            let ty = value(input, &kw, "yield = Type`, e.g. `yield = u32", "a type")?;
            return Ok(RawArg::Yield(kw, ty));
        }
        if input.peek(Token![crate]) {
            let kw: Token![crate] = input.parse()?;
            let path = value(
                input,
                &kw,
                "crate = path`, e.g. `crate = ::coro_core",
                "a path",
            )?;
            return Ok(RawArg::Crate(kw, path));
        }
        let ident: syn::Ident = input.call(syn::ext::IdentExt::parse_any).map_err(|e| {
            syn::Error::new(
                e.span(),
                format!("expected an option of {}: {}", kind.name(), kind.allowed()),
            )
        })?;
        if ident == "resume" {
            let ty = value(
                input,
                &ident,
                "resume = Type`, e.g. `resume = i32",
                "a type",
            )?;
            return Ok(RawArg::Resume(ident, ty));
        }
        if ident == "throw" {
            let ty = value(
                input,
                &ident,
                "throw = Type`, e.g. `throw = std::io::Error",
                "a type",
            )?;
            return Ok(RawArg::Throw(ident, ty));
        }
        if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            // Swallow the value up to the next comma so later options are still checked.
            skip_value(input)?;
            return Ok(RawArg::Other(ident));
        }
        Ok(RawArg::Flag(ident))
    }
}

/// Skips tokens up to the next `,` outside angle brackets (`HashMap<K, V>`).
fn skip_value(input: ParseStream) -> syn::Result<()> {
    let mut depth = 0usize;
    while !(input.is_empty() || depth == 0 && input.peek(Token![,])) {
        match input.parse::<proc_macro2::TokenTree>()? {
            proc_macro2::TokenTree::Punct(p) if p.as_char() == '<' => depth += 1,
            proc_macro2::TokenTree::Punct(p) if p.as_char() == '>' => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    Ok(())
}

/// The options, comma-separated. A malformed option is reported and skipped, so the options
/// after it are still checked.
fn parse_all(tokens: TokenStream, kind: Kind, cx: &Ctxt) -> Option<Vec<RawArg>> {
    let parser = |input: ParseStream| -> syn::Result<(Vec<RawArg>, bool)> {
        let mut out = Vec::new();
        let mut ok = true;
        while !input.is_empty() {
            match RawArg::parse(input, kind) {
                Ok(arg) => out.push(arg),
                Err(err) => {
                    cx.syn_error(err);
                    ok = false;
                    skip_value(input)?;
                }
            }
            if input.is_empty() {
                break;
            }
            if input.peek(Token![,]) {
                input.parse::<Token![,]>()?;
                continue;
            }
            let tt: proc_macro2::TokenTree = input.parse()?;
            cx.error_spanned_by(
                &tt,
                format!("expected `,` between the options of {}", kind.name()),
            );
            ok = false;
            skip_value(input)?;
            if input.peek(Token![,]) {
                input.parse::<Token![,]>()?;
            }
        }
        Ok((out, ok))
    };
    match parser.parse2(tokens) {
        Ok((raw, true)) => Some(raw),
        Ok((_, false)) => None,
        Err(err) => {
            cx.syn_error(err);
            None
        }
    }
}

/// Reports an `impl Trait` in the yield type, which the generated code cannot write out;
/// `false` if there is one.
fn check_nameable(cx: &Ctxt, ty: &Type) -> bool {
    let Some(impl_trait) = find_impl_trait(ty) else {
        return true;
    };
    cx.error_spanned_by(
        impl_trait,
        "the yield type must be nameable: `impl Trait` cannot stand in `yield = ..`, \
         whose type the generated code writes out\n\
         help: write the concrete type (e.g. `yield = u32`), or a trait object \
         (e.g. `yield = Box<dyn std::fmt::Display>`)",
    );
    false
}

/// The first `impl Trait` inside a type (`impl Display`, `Vec<impl Clone>`), if any.
fn find_impl_trait(ty: &Type) -> Option<&syn::TypeImplTrait> {
    struct Find<'a>(Option<&'a syn::TypeImplTrait>);
    impl<'a> syn::visit::Visit<'a> for Find<'a> {
        fn visit_type_impl_trait(&mut self, t: &'a syn::TypeImplTrait) {
            self.0.get_or_insert(t);
        }
    }
    let mut find = Find(None);
    syn::visit::Visit::visit_type(&mut find, ty);
    find.0
}

/// Parses the attribute's tokens, reporting every problem into `cx`.
pub fn parse(kind: Kind, tokens: TokenStream, cx: &Ctxt) -> Option<Args> {
    let all_tokens = tokens.clone();
    let raw = parse_all(tokens, kind, cx)?;
    let mut yield_ty = None;
    let mut resume_ty = None;
    let mut throw_ty = None;
    let mut krate = None;
    let mut boxing = None;
    let mut clone = None;
    let mut pinned = None;
    // A yield type with `impl Trait` in it: reported; no signature can be built from it, so the
    // fallback item is the plain fn (a signature with it would add rustc's errors to ours).
    let mut unnameable = false;
    let name = kind.name();
    for arg in raw {
        match arg {
            RawArg::Yield(kw, ty) => {
                if yield_ty.is_some() {
                    cx.error_spanned_by(kw, format!("duplicate `yield` option in {name}"));
                }
                unnameable |= !check_nameable(cx, &ty);
                yield_ty = Some(ty);
            }
            RawArg::Resume(ident, ty) => {
                if resume_ty.is_some() {
                    cx.error_spanned_by(&ident, format!("duplicate `resume` option in {name}"));
                }
                resume_ty = Some(ty);
            }
            RawArg::Throw(ident, ty) => generator_only(
                (kind, &ident, cx),
                &mut throw_ty,
                ty,
                "`#[async_gen]` streams cannot be thrown into: `throw` is only for `#[generator]`",
            ),
            RawArg::Crate(kw, path) => {
                if krate.is_some() {
                    cx.error_spanned_by(kw, format!("duplicate `crate` option in {name}"));
                }
                krate = Some(quote::ToTokens::into_token_stream(path));
            }
            RawArg::Flag(ident)
                if kind == Kind::AsyncGen && (ident == "boxed" || ident == "boxed_local") =>
            {
                let b = if ident == "boxed" {
                    Boxing::Send
                } else {
                    Boxing::Local
                };
                if boxing.is_some() {
                    cx.error_spanned_by(
                        &ident,
                        "only one of `boxed` and `boxed_local` may be given",
                    );
                }
                boxing = Some((b, ident.span()));
            }
            RawArg::Flag(ident) if kind == Kind::Generator && ident == "clone" => {
                flag_once(&ident, &mut clone, name, cx);
            }
            RawArg::Flag(ident)
                if matches!(kind, Kind::Generator | Kind::AsyncGen) && ident == "pinned" =>
            {
                flag_once(&ident, &mut pinned, name, cx);
            }
            RawArg::Flag(ident) | RawArg::Other(ident) => {
                let hint =
                    if kind == Kind::Generator && (ident == "boxed" || ident == "boxed_local") {
                        "; to box a generator, call `.boxed()` (from `GeneratorExt`) on it"
                    } else {
                        ""
                    };
                cx.error_spanned_by(
                    &ident,
                    format!(
                        "unknown option `{ident}` in {name}: expected {}{hint}",
                        kind.allowed()
                    ),
                );
            }
        }
    }
    // A generator that takes values but yields none is a sink (a consumer coroutine).
    let sink = yield_ty.is_none() && kind == Kind::Generator && resume_ty.is_some();
    if sink {
        yield_ty = Some(syn::parse_quote!(()));
    }
    let Some(yield_ty) = yield_ty else {
        missing_yield(kind, &all_tokens, cx);
        return None;
    };
    if unnameable {
        return None;
    }
    Some(Args {
        yield_ty,
        sink,
        resume_ty,
        throw_ty,
        krate: krate.unwrap_or_else(|| quote::quote!(::coro_core)),
        boxing,
        clone,
        pinned,
    })
}

/// Neither `yield` nor `resume`: ask for the yield type.
fn missing_yield(kind: Kind, all_tokens: &TokenStream, cx: &Ctxt) {
    let name = kind.name();
    let message = format!(
        "{name} needs the type of the yielded values\nhelp: add `yield = Type`, e.g. {name_with}",
        name_with = match kind {
            Kind::Generator => "`#[generator(yield = u32)]`",
            Kind::AsyncGen => "`#[async_gen(yield = u32)]`",
        }
    );
    // At the options when there are some; a bare `#[generator]` has no narrower span.
    if all_tokens.is_empty() {
        cx.error_at(Span::call_site(), message);
    } else {
        cx.error_spanned_by(all_tokens, message);
    }
}

/// A type option only `#[generator]` takes (`resume`, `throw`), given once.
fn generator_only(
    (kind, ident, cx): (Kind, &syn::Ident, &Ctxt),
    slot: &mut Option<Type>,
    ty: Type,
    not_async: &str,
) {
    if kind == Kind::AsyncGen {
        cx.error_spanned_by(ident, not_async);
    } else if slot.is_some() {
        cx.error_spanned_by(
            ident,
            format!("duplicate `{ident}` option in {}", kind.name()),
        );
    }
    *slot = Some(ty);
}

/// A flag option (`clone`, `pinned`), given once.
fn flag_once(ident: &syn::Ident, slot: &mut Option<Span>, name: &str, cx: &Ctxt) {
    if slot.is_some() {
        cx.error_spanned_by(ident, format!("duplicate `{ident}` option in {name}"));
    }
    *slot = Some(ident.span());
}
