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
use syn::spanned::Spanned;

use super::{BlockKind, JumpKind, Lowerer};

/// The marker's name (its last path segment).
pub const AWAIT_MARKER: &str = "__coro_await";

pub fn is_await_marker(path: &syn::Path) -> bool {
    path.segments
        .last()
        .is_some_and(|s| s.ident == AWAIT_MARKER && s.arguments.is_none())
}

impl Lowerer<'_> {
    // Desugar from `let v = fetch(i).await;`
    // into            awaiting.as_mut().set(Awaiting::Left(IntoFuture::into_future(fetch(i))));
    //                 goto Await3;
    //      Await3 =>  let v = match Future::poll(awaiting.as_mut().left(), cx) {
    //                     Poll::Ready(out) => { awaiting.as_mut().set(Awaiting::None); out }
    //                     Poll::Pending => { save Await3; return Pending }
    //                 };
    /// Lowers one `.await`; `used`: its value is used (otherwise the poll is a statement, so
    /// that `unused_must_use` sees the user's discarded output as in a plain `async fn`).
    pub fn lower_await(&mut self, mac: &syn::Macro, used: bool) -> TokenStream {
        let Some(aw) = &self.ctx.awaits else {
            self.cx
                .error_spanned_by(mac, "coro: an `.await` outside an `#[async_gen]` body");
            return quote!(());
        };
        let arg = match mac.parse_body::<Expr>() {
            Ok(e) => e,
            Err(err) => {
                self.cx.syn_error(err);
                return quote!(());
            }
        };
        let (slot, cx, count) = (aw.slot.clone(), aw.cx.clone(), aw.count);
        let krate = self.ctx.krate.clone();
        let fut = self.expr(&arg);
        self.mention_hidden(&fut);
        let fut = self.in_unsafe(fut);
        let leaf = self.g.awaits_lowered;
        self.g.awaits_lowered += 1;
        let path = leaf_path(leaf, count);
        // "`u32` is not a future" points at the user's operand.
        let mut parked = quote_spanned!(arg.span()=> ::core::future::IntoFuture::into_future(#fut));
        for &right in path.iter().rev() {
            parked = if right {
                quote!(#krate::__private::Awaiting::Right(#parked))
            } else {
                quote!(#krate::__private::Awaiting::Left(#parked))
            };
        }
        self.emit_raw(quote!(#slot.as_mut().set(#parked);));
        // The marker's path has the span of the user's `operand.await` (see `MarkAwaits`).
        let span = mac.path.span();
        let tokens = &mac.tokens;
        self.g.points.push(super::Point {
            source: format!("{tokens}.await"),
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
        let project = path.iter().map(|&right| {
            if right {
                quote!(.right())
            } else {
                quote!(.left())
            }
        });
        let out = Ident::new("__coro_output", Span::mixed_site());
        let poll = quote! {
            match ::core::future::Future::poll(#slot.as_mut() #(#project)*, #cx) {
                ::core::task::Poll::Ready(#out) => {
                    #slot.as_mut().set(#krate::__private::Awaiting::None);
                    #out
                }
                ::core::task::Poll::Pending => #pending,
            }
        };
        if used {
            let (_, r) = self.temp("awaited");
            self.emit_raw(quote!(let #r = #poll;));
            quote!(#r)
        } else {
            self.emit_raw(quote!(#poll;));
            quote!(())
        }
    }
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
/// then `Awaiting<_, _>`, `Awaiting<Awaiting<_, _>, _>`, ...
pub fn tree_type(krate: &TokenStream, count: usize) -> TokenStream {
    fn sub(krate: &TokenStream, n: usize) -> TokenStream {
        if n == 1 {
            return quote!(_);
        }
        let left = sub(krate, n.div_ceil(2));
        let right = sub(krate, n / 2);
        quote!(#krate::__private::Awaiting<#left, #right>)
    }
    match count {
        0 => quote!(()),
        1 => quote!(#krate::__private::Awaiting<_, ()>),
        n => sub(krate, n),
    }
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
