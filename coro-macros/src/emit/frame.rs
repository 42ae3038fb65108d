//! The frame: in a large body, the saved locals of primitive types stay in one `Copy` struct
//! that every state carries, instead of each being a field of every variant it is live in.
//!
//! Why: a jump through the dispatch loop lists every local live at its target, and an arm's
//! pattern every local live at its entry. In a body whose locals live long (a protocol
//! machine's counters, a parser's positions) that is the number of jumps times the number of
//! live locals: two thirds of the tokens of a 2,000-statement body (`compile_curve`), and what
//! made its check grow quadratically. With a frame, an arm copies out only the locals its own
//! code names, and a jump writes back only those: the rest stay in the frame untouched.
//!
//! Only locals whose type is a primitive the enum names (`let n: u64`, see
//! `lower/state_types.rs`) go to the frame: they are `Copy` and have no drop glue, so when they
//! are copied out and back changes nothing a program can observe (no move, no drop order).
//!
//! Input:  `State::B { a, n, .. } => { n += 1; State::C { a, n, m } }` with `n`, `m` primitives
//! Output: `State::B { a, __coro_frame: mut f } => { let mut n = f.n; n += 1;
//!          f.n = n; State::C { a, __coro_frame: f } }` (`m`, not named here, stays in `f`)
//!
//! How an arm knows what its code names: jumps render their frame stores as markers, the arm's
//! code is rendered whole, and [`Emit::resolve_frame`] then collects every name it mentions and
//! keeps the stores (and the copies at the entry) of the names it finds.

use proc_macro2::{Group, Ident, Span, TokenStream, TokenTree};
use quote::quote;
use std::collections::HashSet;

use super::Emit;
use crate::lower::{Graph, LocalId};

/// Bodies with fewer frame-eligible saved locals than this keep every local in the variants:
/// the copies in and out cost nothing a small body would win back.
const FRAME_MIN: usize = 8;

/// The primitive types a frame holds (`str` is unsized; the rest are `Copy` and `Default`).
const PRIMITIVES: &[&str] = &[
    "bool", "char", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128",
    "isize", "f32", "f64",
];

/// The saved locals that go to the frame (none if fewer than [`FRAME_MIN`]).
///
/// `CORO_FRAME_MIN`, read when the macro runs, overrides the threshold: the differential tester
/// sets it to 1 (every eligible local in the frame) or to a large value (no frame) for some of
/// its batches, so both representations meet every shape it generates.
/// Not for `#[async_gen]` bodies: with the frame forced on, the async differential tester
/// found values lost across `.await` points (14 of 266 programs, seed 0xa50001, `Ret(0)` where
/// plain Rust returns `Ret(3)`), not yet understood; the async lowering keeps every local in
/// its variants.
pub fn choose(g: &Graph, saved: &HashSet<LocalId>, is_async: bool) -> Vec<LocalId> {
    if is_async {
        return Vec::new();
    }
    let min = std::env::var("CORO_FRAME_MIN")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(FRAME_MIN);
    // A jump back to `Start` would have to rebuild the parameters, which are not in the frame.
    if g.jumps.iter().any(|j| j.target == 0) {
        return Vec::new();
    }
    let mut frame: Vec<LocalId> = (0..g.locals.len())
        .filter(|l| saved.contains(l))
        .filter(|l| !g.params.contains(l) && !g.lent.iter().any(|&(x, _)| x == *l))
        .filter(|&l| g.locals[l].state_ty.as_ref().is_some_and(is_primitive))
        .collect();
    if frame.len() < min.max(1) {
        frame.clear();
    }
    frame
}

fn is_primitive(ty: &TokenStream) -> bool {
    let mut tokens = ty.clone().into_iter();
    match (tokens.next(), tokens.next()) {
        (Some(TokenTree::Ident(i)), None) => PRIMITIVES.contains(&i.to_string().as_str()),
        _ => false,
    }
}

/// The marker a jump renders for a frame store (see [`Emit::frame_store`]).
const STORE_MARKER: &str = "__coro_frame_store";

impl Emit<'_> {
    pub(super) fn in_frame(&self, l: LocalId) -> bool {
        self.frame.binary_search(&l).is_ok()
    }

    /// The arm's binding of the frame.
    pub(super) fn frame_binding() -> Ident {
        Ident::new("__coro_frame", Span::mixed_site())
    }

    fn frame_struct_name() -> Ident {
        Ident::new("__CoroFrame", Span::mixed_site())
    }

    /// The frame field of block `b`'s variant (every variant but `Start`, which builds it).
    pub(super) fn frame_field_decl(&self, b: usize) -> Option<TokenStream> {
        (!self.frame.is_empty() && b != 0).then(|| {
            let (f, ty) = (Self::frame_binding(), Self::frame_struct_name());
            quote!(#f: #ty)
        })
    }

    /// The frame passed on by a jump to block `b`.
    pub(super) fn frame_field_value(&self, b: usize) -> Option<TokenStream> {
        (!self.frame.is_empty() && b != 0).then(|| {
            let f = Self::frame_binding();
            quote!(#f: #f)
        })
    }

    /// The frame bound by block `b`'s pattern.
    pub(super) fn frame_field_pattern(&self, b: usize) -> Option<TokenStream> {
        (!self.frame.is_empty() && b != 0).then(|| {
            let f = Self::frame_binding();
            quote!(#[allow(unused_mut)] #f: mut #f)
        })
    }

    /// The frame's struct, declared beside the enum.
    pub(super) fn frame_struct(&self) -> TokenStream {
        if self.frame.is_empty() {
            return TokenStream::new();
        }
        let name = Self::frame_struct_name();
        let fields = self.frame.iter().map(|&l| {
            let local = &self.g.locals[l];
            let (f, ty) = (&local.hidden, &local.state_ty);
            quote!(#f: #ty)
        });
        quote! {
            #[derive(::core::clone::Clone, ::core::marker::Copy)]
            struct #name { #(#fields,)* }
        }
    }

    /// `Start`'s arm builds the frame: each field holds its type's default until its local is
    /// bound (no code reads a local before that).
    pub(super) fn frame_init(&self) -> TokenStream {
        if self.frame.is_empty() {
            return TokenStream::new();
        }
        let (name, f) = (Self::frame_struct_name(), Self::frame_binding());
        let fields = self.frame.iter().map(|&l| {
            let local = &self.g.locals[l];
            let (field, ty) = (&local.hidden, &local.state_ty);
            quote!(#field: <#ty as ::core::default::Default>::default())
        });
        quote!(#[allow(unused_mut)] let mut #f = #name { #(#fields,)* };)
    }

    /// A jump's store of frame local `l`, whose value the arm calls `value`: a marker, kept by
    /// [`Emit::resolve_frame`] only if the arm's code names `value` (else the frame holds it).
    pub(super) fn frame_store(l: LocalId, value: &Ident) -> TokenStream {
        let marker = Ident::new(STORE_MARKER, Span::mixed_site());
        let l = proc_macro2::Literal::usize_unsuffixed(l);
        quote!(#marker { #l #value })
    }

    /// Block `b`'s arm body with its frame stores decided, and the copies out of the frame
    /// that its code needs put first.
    pub(super) fn resolve_frame(&self, b: usize, body: TokenStream) -> TokenStream {
        if self.frame.is_empty() {
            return body;
        }
        let mut named = HashSet::new();
        collect_names(&body, &mut named);
        let loads = self.fields(b).into_iter().filter_map(|l| {
            if !self.in_frame(l) {
                return None;
            }
            let name = self.target_name(b, l);
            if !named.contains(&unraw(&name)) {
                return None;
            }
            let (f, field) = (Self::frame_binding(), &self.g.locals[l].hidden);
            // The copy is generated: the user's lints check the user's own `let` of the local.
            Some(quote! {
                #[allow(unused_mut, unused_variables, unused_assignments, clippy::used_underscore_binding)]
                let mut #name = #f.#field;
            })
        });
        let loads: TokenStream = loads.collect();
        let body = self.place_stores(body, &named);
        quote!(#loads #body)
    }

    fn place_stores(&self, tokens: TokenStream, named: &HashSet<String>) -> TokenStream {
        let mut out = TokenStream::new();
        let mut iter = tokens.into_iter().peekable();
        while let Some(tt) = iter.next() {
            match tt {
                TokenTree::Ident(ref i) if *i == STORE_MARKER => {
                    let Some(TokenTree::Group(g)) = iter.next() else {
                        unreachable!("a frame store marker is followed by its group")
                    };
                    let mut inner = g.stream().into_iter();
                    let (Some(TokenTree::Literal(l)), Some(TokenTree::Ident(value))) =
                        (inner.next(), inner.next())
                    else {
                        unreachable!("a frame store holds a local and its value")
                    };
                    if named.contains(&unraw(&value)) {
                        let l: LocalId = l.to_string().parse().expect("local index");
                        let (f, field) = (Self::frame_binding(), &self.g.locals[l].hidden);
                        out.extend(quote! {
                            #[allow(clippy::used_underscore_binding)]
                            { #f.#field = #value; }
                        });
                    }
                }
                TokenTree::Group(g) => {
                    let mut ng = Group::new(g.delimiter(), self.place_stores(g.stream(), named));
                    ng.set_span(g.span());
                    out.extend([TokenTree::Group(ng)]);
                }
                other => out.extend([other]),
            }
        }
        out
    }
}

/// Every name `tokens` mentions, frame store markers aside: identifiers at any depth, and the
/// words of string literals (a format string's `{n}` names `n`). A superset is harmless: it
/// only copies a local out of the frame that the code does not use.
fn collect_names(tokens: &TokenStream, out: &mut HashSet<String>) {
    let mut iter = tokens.clone().into_iter();
    while let Some(tt) = iter.next() {
        match tt {
            TokenTree::Ident(i) if i == STORE_MARKER => {
                iter.next();
            }
            TokenTree::Ident(i) => {
                out.insert(unraw(&i));
            }
            TokenTree::Group(g) => {
                collect_names(&g.stream(), out);
            }
            TokenTree::Literal(l) => {
                let text = l.to_string();
                if text.contains('"') {
                    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                        if !word.is_empty() {
                            out.insert(word.to_string());
                        }
                    }
                }
            }
            TokenTree::Punct(_) => {}
        }
    }
}

fn unraw(i: &Ident) -> String {
    let s = i.to_string();
    s.strip_prefix("r#").map_or(s.clone(), str::to_string)
}
