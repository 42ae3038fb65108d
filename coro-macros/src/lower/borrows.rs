//! The one thing a plain enum cannot hold: a value borrowing another local of the same
//! generator across a jump (DESIGN §3.4). rustc would reject the expansion with an error about
//! the generated state; we recognise the common shapes first and explain them at the borrow.
//!
//! Input:  `let v = vec![1]; for x in &v { yield_!(*x) }`
//! Output: an error at `&v` saying the state would borrow itself, with the fixes.

use quote::ToTokens;
use syn::Expr;

use super::{Graph, LocalId, Lowerer};
use crate::diag::Ctxt;

/// `borrower` holds a borrow of `borrowed`, taken at `span`.
pub struct Borrow {
    pub borrower: LocalId,
    pub borrowed: LocalId,
    /// The borrowing expression, for the error's span.
    pub tokens: proc_macro2::TokenStream,
    /// The borrow is a non-`move` closure's capture.
    pub closure: bool,
    /// The borrow is a sub-generator made by a method of an owned local (`yield_from!(self.g())`).
    pub delegation: bool,
}

/// Methods whose result keeps borrowing the receiver. Names that user types commonly give to
/// methods returning owned values (`get`, `first`, `last`) are left out: a false alarm would
/// reject valid code, a missed one only leaves rustc's own error.
const BORROWING_METHODS: &[&str] = &[
    "iter",
    "iter_mut",
    "chars",
    "char_indices",
    "bytes",
    "lines",
    "split",
    "split_whitespace",
    "windows",
    "chunks",
    "keys",
    "values",
    "values_mut",
    "as_str",
    "as_slice",
    "as_mut_slice",
    "as_ref",
    "as_mut",
    "as_deref",
    "as_deref_mut",
    "borrow",
    "borrow_mut",
    "drain",
    "peekable",
];

/// Methods whose result keeps the receiver's borrow.
const ADAPTERS: &[&str] = &[
    "map",
    "filter",
    "filter_map",
    "enumerate",
    "zip",
    "rev",
    "skip",
    "take",
    "chain",
    "step_by",
    "flat_map",
    "flatten",
    "take_while",
    "skip_while",
    "map_while",
    "cycle",
    "inspect",
    "fuse",
    "unwrap",
    "expect",
    "by_ref",
    "peekable",
    "scan",
    "windows",
    "chunks",
];

/// A type annotation that is certainly owned and borrows nothing (`i64`, `String`, `bool`).
pub fn is_plain_owned_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => p.path.segments.last().is_some_and(|s| {
            s.arguments.is_none()
                && [
                    "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128",
                    "usize", "f32", "f64", "bool", "char", "String",
                ]
                .contains(&s.ident.to_string().as_str())
        }),
        syn::Type::Tuple(t) => t.elems.iter().all(is_plain_owned_type),
        syn::Type::Paren(p) => is_plain_owned_type(&p.elem),
        _ => false,
    }
}

/// An initializer whose value is certainly owned (not a reference), so borrowing methods on the
/// local borrow the local itself.
pub fn is_owned_init(e: &Expr) -> bool {
    match e {
        Expr::Macro(m) => m
            .mac
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "vec" || s.ident == "format"),
        Expr::Array(_) | Expr::Struct(_) | Expr::Repeat(_) => true,
        Expr::Tuple(t) => !t.elems.is_empty(),
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => p.path.segments.last().is_some_and(|s| {
                ["new", "from", "with_capacity", "default", "from_iter"]
                    .contains(&s.ident.to_string().as_str())
            }),
            _ => false,
        },
        // A guard (`cell.borrow_mut()`, `m.lock().unwrap()`) is owned too: what borrows from
        // it borrows the local holding the guard.
        Expr::MethodCall(m) if ["unwrap", "expect"].contains(&m.method.to_string().as_str()) => {
            is_owned_init(&m.receiver)
        }
        Expr::MethodCall(m) => [
            "collect",
            "to_string",
            "to_vec",
            "to_owned",
            "clone",
            "into_boxed_slice",
            "borrow_mut",
            "lock",
            "write",
            "read",
        ]
        .contains(&m.method.to_string().as_str()),
        Expr::Paren(p) => is_owned_init(&p.expr),
        _ => false,
    }
}

/// An owned-looking parameter type.
pub fn is_owned_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().is_some_and(|s| {
            [
                "Vec", "String", "VecDeque", "HashMap", "BTreeMap", "HashSet", "BTreeSet", "Box",
            ]
            .contains(&s.ident.to_string().as_str())
        }),
        syn::Type::Array(_) => true,
        syn::Type::Paren(p) => is_owned_type(&p.elem),
        _ => false,
    }
}

impl Lowerer<'_> {
    /// Records that the locals bound from `borrowers` (declared from `first` on) borrow what `e` borrows.
    pub fn record_borrows(&mut self, e: &Expr, borrowers: std::ops::Range<LocalId>) {
        let mut found = Vec::new();
        self.borrowed_by(e, &mut found);
        let closure = matches!(e, Expr::Closure(_));
        for (borrowed, tokens) in found {
            for borrower in borrowers.clone() {
                self.g.borrows.push(Borrow {
                    borrower,
                    borrowed,
                    tokens: tokens.clone(),
                    closure,
                    delegation: false,
                });
            }
        }
    }

    /// `yield_from!(x.method(..))` with `x` owned by the generator: the sub-generator most likely
    /// borrows `x` (a method taking `self` by value would have moved it, which is fine too, but
    /// then the call would be on a clone or a field in practice).
    pub fn record_delegation_borrows(&mut self, e: &Expr, borrower: LocalId) {
        let mut found = Vec::new();
        self.borrowed_by(e, &mut found);
        if let Expr::MethodCall(m) = e {
            let (base, _) = place_base(&m.receiver);
            if let Some(id) = base.and_then(|b| self.resolve(&b))
                && self.g.locals[id].owned
                && found.is_empty()
            {
                self.g.borrows.push(Borrow {
                    borrower,
                    borrowed: id,
                    tokens: e.to_token_stream(),
                    closure: false,
                    delegation: true,
                });
            }
        }
        for (borrowed, tokens) in found {
            self.g.borrows.push(Borrow {
                borrower,
                borrowed,
                tokens,
                closure: false,
                delegation: false,
            });
        }
    }

    /// A `match` whose arms suspend keeps its scrutinee's temporaries alive across the
    /// suspension: one that borrows a local of the generator (`match *cell.borrow()`) cannot be
    /// held by the state.
    pub fn check_scrutinee_borrows(&mut self, scrutinee: &Expr) {
        let mut found = Vec::new();
        self.borrowed_by_temporaries(scrutinee, &mut found);
        if let Some((id, tokens)) = found.into_iter().next() {
            let name = self.g.locals[id].name.to_string();
            self.cx.error_spanned_by(
                tokens,
                format!(
                    "this temporary borrows `{name}`, a local of the generator, and lives until the end of the \
                     `match`, across the `yield_!` in its arms: the suspended state would have to borrow itself\n\
                     help: bind the value first (`let v = ...; match v {{ .. }}`) so the borrow ends before the arms{PINNED_HELP}"
                ),
            );
        }
    }

    /// Like `borrowed_by`, also looking into the receivers and arguments of method calls,
    /// where temporaries are made (`*cell.borrow()`, `v.iter().count()`).
    fn borrowed_by_temporaries(
        &self,
        e: &Expr,
        out: &mut Vec<(LocalId, proc_macro2::TokenStream)>,
    ) {
        // Only a borrowing call whose result is itself used (dereferenced, projected, called
        // on) leaves a temporary behind; `f(&x)` passes a reference and keeps nothing.
        match e {
            Expr::MethodCall(m) => self.borrowed_by_receiver(&m.receiver, out),
            Expr::Unary(u) => self.borrowed_by_receiver(&u.expr, out),
            Expr::Field(f) => self.borrowed_by_receiver(&f.base, out),
            Expr::Paren(p) => self.borrowed_by_temporaries(&p.expr, out),
            Expr::Binary(b) => {
                self.borrowed_by_temporaries(&b.left, out);
                self.borrowed_by_temporaries(&b.right, out);
            }
            _ => {}
        }
    }

    fn borrowed_by_receiver(&self, e: &Expr, out: &mut Vec<(LocalId, proc_macro2::TokenStream)>) {
        match e {
            Expr::MethodCall(m) => {
                let before = out.len();
                self.borrowed_by(e, out);
                if out.len() == before {
                    self.borrowed_by_receiver(&m.receiver, out);
                }
            }
            Expr::Paren(p) => self.borrowed_by_receiver(&p.expr, out),
            _ => {}
        }
    }

    fn borrowed_by(&self, e: &Expr, out: &mut Vec<(LocalId, proc_macro2::TokenStream)>) {
        match e {
            Expr::Reference(r) => {
                let (base, projected) = place_base(&r.expr);
                if let Some(id) = base.and_then(|b| self.resolve(&b)) {
                    // `&x` always borrows the local; `&x.f`/`&x[i]` only if `x` is owned
                    // (through a reference it borrows the pointee).
                    if !projected || self.g.locals[id].owned {
                        out.push((id, e.to_token_stream()));
                    }
                }
            }
            Expr::MethodCall(m) => {
                if BORROWING_METHODS.contains(&m.method.to_string().as_str()) {
                    let (base, projected) = place_base(&m.receiver);
                    // `self.items.iter()` borrows an owned `self`; `self.get(..)` may be the
                    // user's own method returning an owned value.
                    let is_self = base
                        .as_deref()
                        .is_some_and(|b| b.starts_with("__coro_self"));
                    if let Some(id) = base.and_then(|b| self.resolve(&b))
                        && self.g.locals[id].owned
                        && (projected || !is_self)
                    {
                        out.push((id, e.to_token_stream()));
                        return;
                    }
                }
                // Adapters keep the receiver's borrow (`v.iter().enumerate()`); any other method
                // (`.copied()`, `.len()`, `.collect()`) is assumed to return an owned value.
                if ADAPTERS.contains(&m.method.to_string().as_str()) {
                    self.borrowed_by(&m.receiver, out);
                }
            }
            Expr::Closure(c) if c.capture.is_none() => {
                // A non-`move` closure borrows every local it mentions.
                for name in super::names::FreeNames::of_expr(e) {
                    if let Some(id) = self.resolve(&name.to_string()) {
                        out.push((id, quote::ToTokens::to_token_stream(&c.or1_token)));
                    }
                }
            }
            Expr::Paren(p) => self.borrowed_by(&p.expr, out),
            Expr::Group(g) => self.borrowed_by(&g.expr, out),
            _ => {}
        }
    }
}

/// The local at the root of a place expression, and whether a projection was applied.
fn place_base(e: &Expr) -> (Option<String>, bool) {
    match e {
        Expr::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => {
            (Some(p.path.segments[0].ident.to_string()), false)
        }
        Expr::Field(f) => (place_base(&f.base).0, true),
        Expr::Index(i) => (place_base(&i.expr).0, true),
        Expr::Paren(p) => place_base(&p.expr),
        _ => (None, false),
    }
}

/// Reports every recorded borrow whose borrower some jump saves.
pub fn check(cx: &Ctxt, g: &Graph) {
    let mut reported = Vec::new();
    for b in &g.borrows {
        let held = g.jumps.iter().any(|j| j.save.contains(&b.borrower));
        if held && !reported.contains(&(b.borrower, b.borrowed)) {
            reported.push((b.borrower, b.borrowed));
            let name = g.locals[b.borrowed].name.to_string();
            let name = if name.starts_with("__coro_self") {
                "self".to_string()
            } else {
                name
            };
            if b.delegation {
                cx.error_spanned_by(
                    &b.tokens,
                    format!(
                        "this sub-generator borrows `{name}`, which the generator owns, and runs across a `yield_from!`: \
                         the suspended state would have to borrow itself, which a generator (a plain enum) cannot hold\n\
                         help: take `{name}` by reference in this generator (e.g. `&self` instead of `self`), \
                         or give the sub-generator owned data (a clone){PINNED_HELP}"
                    ),
                );
                continue;
            }
            if b.closure {
                cx.error_spanned_by(
                    &b.tokens,
                    format!(
                        "this closure borrows `{name}`, a local of the generator, and is kept across a `yield_!`: \
                         the suspended state would have to borrow itself, which a generator (a plain enum) cannot hold\n\
                         help: make it a `move` closure (clone `{name}` into it first if it is still needed), \
                         or create the closure after the `yield_!`{PINNED_HELP}"
                    ),
                );
                continue;
            }
            let borrower = g.locals[b.borrower].name.to_string();
            let message = if name == "self" {
                format!(
                    "this borrows `self`, which the generator owns, and the borrow is held across a `yield_!`: \
                 the suspended generator would have to borrow itself\n\
                 help: take `&self` (or `&mut self`) instead, so that the generator borrows from its caller, \
                 or iterate by value (`for x in self.field` rather than `self.field.iter()`){PINNED_HELP}"
                )
            } else if borrower.starts_with("__coro_") && is_mut_borrow(&b.tokens) {
                // `for x in &mut it`: by value would consume `it`, which the user keeps for later.
                format!(
                    "this borrows `{name}`, a local of the generator, and the loop holds the borrow across a `yield_!`: \
                     the suspended generator would have to borrow itself\n\
                     help: if `{name}` is an iterator, advance it by hand, which keeps it usable after the loop: \
                     `while let Some(x) = {name}.next() {{ .. }}`; otherwise iterate by index \
                     (`for i in 0..{name}.len()`) or take `{name}` as a reference parameter, so that the generator \
                     borrows from its caller{PINNED_HELP}"
                )
            } else if borrower.starts_with("__coro_") {
                // The iterator of a `for` loop, a temporary of the lowering.
                format!(
                    "this borrows `{name}`, a local of the generator, and the loop holds the borrow across a `yield_!`: \
                     the suspended generator would have to borrow itself\n\
                     help: iterate by value (`for x in {name}` or `{name}.clone()`) or by index (`for i in 0..{name}.len()`), \
                     or take `{name}` as a reference parameter (`{name}: &'a [T]`), so that the generator borrows from its caller{PINNED_HELP}"
                )
            } else {
                format!(
                    "`{borrower}` borrows `{name}`, a local of the generator, and is used after a `yield_!`: \
                     the suspended generator would have to borrow itself\n\
                     help: borrow `{name}` again after the `yield_!` instead of keeping `{borrower}` across it, \
                     own a copy (`{name}.clone()`), or take `{name}` as a reference parameter, so that the generator \
                     borrows from its caller{PINNED_HELP}"
                )
            };
            // Hidden names (`self` is renamed) carry a mixed-site span: point at the user's
            // tokens as written, without an "in this macro expansion" note.
            let tokens: proc_macro2::TokenStream = b
                .tokens
                .clone()
                .into_iter()
                .map(|mut tt| {
                    tt.set_span(tt.span().resolved_at(proc_macro2::Span::call_site()));
                    tt
                })
                .collect();
            cx.error_spanned_by(tokens, message);
        }
    }
}

/// `&mut place`: the tokens of a mutable borrow.
fn is_mut_borrow(tokens: &proc_macro2::TokenStream) -> bool {
    let mut tts = tokens.clone().into_iter();
    matches!(tts.next(), Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == '&')
        && matches!(tts.next(), Some(proc_macro2::TokenTree::Ident(i)) if i == "mut")
}

/// The way out every self-borrow message offers last: the pinned mode holds such borrows.
pub const PINNED_HELP: &str = "\nhelp: or add `pinned` (`#[generator(.., pinned)]`): a pinned generator may borrow its own locals across a `yield_!` (use it pinned: `core::pin::pin!(g)` or `Box::pin(g)`)";
