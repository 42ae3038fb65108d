//! `.await` in an `#[async_gen]` body on the enum path: one more kind of suspension point.
//!
//! Input:  `__coro_await!(operand)`: the async path rewrote `operand.await` into this marker
//!         (outside closures, async blocks and items), so that the "contains a suspension"
//!         predicate sees it like a `yield_!`.
//! Output: the future parked in its own leaf of the pinned `Awaiting` tree, a goto to a new
//!         resume block that polls it first thing (saving the state and returning `Pending`
//!         through a jump to itself), and the future's output as the expression's value.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Expr;
use syn::ext::IdentExt;
use syn::spanned::Spanned;

use super::{BlockKind, JumpKind, Lowerer};

/// The marker's name (its last path segment).
pub const AWAIT_MARKER: &str = "__coro_await";

pub fn is_await_marker(path: &syn::Path) -> bool {
    path.segments
        .last()
        .is_some_and(|s| s.ident == AWAIT_MARKER && s.arguments.is_none())
}

/// What a marker asks for (see `async_gen/marks.rs`).
enum Marker {
    /// `@d k await, operand`: park the operand's future at (d, k), poll it to its output.
    Await(usize, usize, Expr),
    /// `@d k park, stream`: park a `for_await!`'s stream at (d, k).
    Park(usize, usize, Expr),
    /// `@d k next,`: poll the stream parked at (d, k) for its next item.
    Next(usize, usize),
    /// `@d clear,`: drop what level d holds (a `for_await!` loop ended).
    Clear(usize),
}

impl syn::parse::Parse for Marker {
    fn parse(input: syn::parse::ParseStream) -> syn::Result<Self> {
        input.parse::<syn::Token![@]>()?;
        let level: usize = input.parse::<syn::LitInt>()?.base10_parse()?;
        if input.peek(syn::LitInt) {
            let place: usize = input.parse::<syn::LitInt>()?.base10_parse()?;
            let kind = Ident::parse_any(input)?;
            input.parse::<syn::Token![,]>()?;
            return Ok(match kind.to_string().as_str() {
                "await" => Marker::Await(level, place, input.parse()?),
                "park" => Marker::Park(level, place, input.parse()?),
                _ => Marker::Next(level, place),
            });
        }
        Ident::parse_any(input)?;
        input.parse::<syn::Token![,]>()?;
        Ok(Marker::Clear(level))
    }
}

impl Lowerer<'_> {
    // Desugar from `let v = fetch(i).await;`
    // into            awaiting.as_mut().set(Awaiting::Left(IntoFuture::into_future(fetch(i))));
    //                 goto Await3;
    //      Await3 =>  let v = match Future::poll(awaiting.as_mut().left(), cx) {
    //                     Poll::Ready(out) => { awaiting.as_mut().set(Awaiting::None); out }
    //                     Poll::Pending => { save Await3; return Pending }
    //                 };
    // (a `for_await!`'s next item likewise, through `Stream::poll_next`, leaving it parked).
    /// Lowers one marker; `used`: its value is used (otherwise the poll is a statement, so
    /// that `unused_must_use` sees the user's discarded output as in a plain `async fn`).
    pub fn lower_await(&mut self, mac: &syn::Macro, used: bool) -> TokenStream {
        let Some(aw) = &self.ctx.awaits else {
            self.cx
                .error_spanned_by(mac, "coro: an `.await` outside an `#[async_gen]` body");
            return quote!(());
        };
        let marker = match mac.parse_body::<Marker>() {
            Ok(m) => m,
            Err(err) => {
                self.cx.syn_error(err);
                return quote!(());
            }
        };
        self.g.awaits_lowered += 1;
        let (slot, cx, krate) = (aw.slot.clone(), aw.cx.clone(), self.ctx.krate.clone());
        let (level, place, operand) = match marker {
            Marker::Clear(level) => {
                let at = level_projection(&aw.levels, level);
                self.emit_raw(quote!(#slot.as_mut() #at.set(#krate::Awaiting::None);));
                return quote!(());
            }
            Marker::Park(level, place, stream) => {
                let s = self.expr(&stream);
                self.mention_hidden(&s);
                let s = self.in_unsafe(s);
                // "`X` is not a stream" points at the user's operand.
                let s = quote_spanned!(stream.span()=> #krate::StreamOperand::into_stream(#s));
                let parked = park_in(&krate, &aw.levels, level, place, s);
                self.emit_raw(quote!(#slot.as_mut() #parked;));
                return quote!(());
            }
            Marker::Next(level, place) => (level, place, None),
            Marker::Await(level, place, operand) => (level, place, Some(operand)),
        };
        let project = leaf_projection(&aw.levels, level, place);
        let source = if let Some(operand) = &operand {
            format!("{}.await", quote!(#operand))
        } else {
            let stream = aw
                .next_sources
                .iter()
                .find(|(at, _)| *at == (level, place))
                .map_or("", |(_, s)| s.as_str());
            format!("for_await!(.. in {stream})")
        };
        let poll = if let Some(operand) = &operand {
            let fut = self.expr(operand);
            self.mention_hidden(&fut);
            let fut = self.in_unsafe(fut);
            // "`u32` is not a future" points at the user's operand.
            let fut =
                quote_spanned!(operand.span()=> ::core::future::IntoFuture::into_future(#fut));
            let parked = park_in(&krate, &aw.levels, level, place, fut);
            self.emit_raw(quote!(#slot.as_mut() #parked;));
            quote!(::core::future::Future::poll(#slot.as_mut() #project, #cx))
        } else {
            quote!(#krate::__private::Stream::poll_next(#slot.as_mut() #project, #cx))
        };
        // The marker's path has the span of the user's `operand.await` (see `marks.rs`).
        let span = mac.path.span();
        self.g.points.push(super::Point {
            source,
            line: span.start().line,
            column: span.start().column + 1,
            is_await: true,
        });
        let point = self.g.points.len() - 1;
        let polled = self.new_block(BlockKind::Resume(point));
        let goto = self.jump(polled, JumpKind::Goto, Vec::new());
        self.emit_raw(goto);
        self.switch_to(polled);
        // Nothing runs in this block before the poll, so entering it again after `Pending`
        // repeats no effect.
        let pending = self.jump(polled, JumpKind::Pending, Vec::new());
        let out = Ident::new("__coro_output", Span::mixed_site());
        // A future's place is free again once it is ready; a stream stays for the loop.
        let done = operand.is_some().then(|| {
            let at = level_projection(&aw.levels, level);
            quote!(#slot.as_mut() #at.set(#krate::Awaiting::None);)
        });
        // The user's span: "unused `Result` that must be used" on a discarded output points at
        // the user's `.await`, as in a plain `async fn`.
        let poll = quote_spanned! {span=>
            match #poll {
                ::core::task::Poll::Ready(#out) => {
                    #done
                    #out
                }
                ::core::task::Poll::Pending => #pending,
            }
        };
        if used {
            let (r_id, r) = self.temp("awaited");
            self.emit_raw(quote!(let #r = #poll;));
            self.tie_sites(r_id..r_id + 1, None);
            quote!(#r)
        } else {
            self.emit_raw(quote!(#poll;));
            quote!(())
        }
    }
}

/// `.first()`/`.rest()` from the root of the parked-values tree to level `level`'s tree.
fn level_projection(levels: &[usize], level: usize) -> TokenStream {
    if levels.len() <= 1 {
        return TokenStream::new();
    }
    let rests = (0..level).map(|_| quote!(.rest()));
    let first = (level + 1 < levels.len()).then(|| quote!(.first()));
    quote!(#(#rests)* #first)
}

/// The projection from the root to the place's payload.
fn leaf_projection(levels: &[usize], level: usize, place: usize) -> TokenStream {
    let at = level_projection(levels, level);
    let path = leaf_path(place, levels[level]).into_iter().map(|right| {
        if right {
            quote!(.right())
        } else {
            quote!(.left())
        }
    });
    quote!(#at #(#path)*)
}

/// `.set(..)` of level `level`'s tree to `value` at `place` (after the level's projection).
fn park_in(
    krate: &TokenStream,
    levels: &[usize],
    level: usize,
    place: usize,
    value: TokenStream,
) -> TokenStream {
    let at = level_projection(levels, level);
    let mut parked = value;
    for right in leaf_path(place, levels[level]).into_iter().rev() {
        parked = if right {
            quote!(#krate::Awaiting::Right(#parked))
        } else {
            quote!(#krate::Awaiting::Left(#parked))
        };
    }
    quote!(#at.set(#parked))
}

/// The way from the root of a balanced `Awaiting` tree of `count` leaves to leaf `leaf`
/// (`true`: right). One leaf is the left of `Awaiting<F0, ()>`.
pub fn leaf_path(leaf: usize, count: usize) -> Vec<bool> {
    if count == 1 {
        return vec![false];
    }
    let (mut lo, mut hi) = (0, count);
    let mut path = Vec::new();
    while hi - lo > 1 {
        let mid = lo + (hi - lo).div_ceil(2);
        path.push(leaf >= mid);
        if leaf >= mid {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    path
}

/// The tree's type, leaves left to inference: `()` for no awaits, `Awaiting<_, ()>` for one,
/// then `Awaiting<_, _>`, `Awaiting<Awaiting<_, _>, _>`, ...; with `for_await!` loops, one tree
/// per level: `Levels<L0, Levels<L1, L2>>`. Also its empty value.
pub fn parked_type(krate: &TokenStream, levels: &[usize]) -> (TokenStream, TokenStream) {
    fn sub(krate: &TokenStream, n: usize) -> TokenStream {
        if n == 1 {
            return quote!(_);
        }
        let left = sub(krate, n.div_ceil(2));
        let right = sub(krate, n / 2);
        quote!(#krate::Awaiting<#left, #right>)
    }
    let tree = |n: usize| match n {
        0 => quote!(()),
        1 => quote!(#krate::Awaiting<_, ()>),
        n => sub(krate, n),
    };
    let empty = |n: usize| {
        if n == 0 {
            quote!(())
        } else {
            quote!(#krate::Awaiting::None)
        }
    };
    let Some((&last, outer)) = levels.split_last() else {
        return (quote!(()), quote!(()));
    };
    let (mut ty, mut value) = (tree(last), empty(last));
    for &n in outer.iter().rev() {
        let (t, v) = (tree(n), empty(n));
        ty = quote!(#krate::Levels<#t, #ty>);
        value = quote!(#krate::Levels::new(#v, #value));
    }
    (ty, value)
}

#[cfg(test)]
mod tests {
    use super::leaf_path;

    #[test]
    fn every_leaf_has_its_own_path_of_logarithmic_length() {
        for count in 1..40 {
            let paths: Vec<_> = (0..count).map(|k| leaf_path(k, count)).collect();
            for (k, p) in paths.iter().enumerate() {
                assert!(paths[..k].iter().all(|q| q != p), "{count}: {k} repeats");
                assert!(p.len() <= (usize::BITS - count.leading_zeros()) as usize);
            }
        }
        assert_eq!(leaf_path(0, 3), [false, false]);
        assert_eq!(leaf_path(2, 3), [true]);
        assert_eq!(leaf_path(1, 3), [false, true]);
    }
}
