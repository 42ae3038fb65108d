//! A `let` that borrows a temporary (`let x = &mut 0;`, `let s = &String::new();`) and keeps
//! the reference across a `yield_!`: rustc extends the temporary to the end of the block, which
//! in the state machine is the end of one arm, so the state would hold a dangling borrow (rustc
//! reports E0716 at the attribute). Reported here, at the `let`, naming the local.
//!
//! `&0`, `&"x"`, `&[1, 2]` and other constant expressions are promoted to `'static` by rustc and
//! are fine; a place (`&v`, `&v[0]`) is a borrow of a local, which `borrows.rs` checks.

use syn::Expr;

use super::{Graph, LocalId, Lowerer};
use crate::diag::Ctxt;

impl Lowerer<'_> {
    /// After a `let` declaring `locals` with initializer `init`.
    pub fn note_temporary_borrow(&mut self, init: &Expr, locals: std::ops::Range<LocalId>) {
        let Expr::Reference(r) = init else { return };
        if is_place(&r.expr) || (r.mutability.is_none() && is_constant(&r.expr)) {
            return;
        }
        let tokens = quote::ToTokens::to_token_stream(init);
        for l in locals {
            self.g.temporary_borrows.push((l, tokens.clone()));
        }
    }
}

fn is_place(e: &Expr) -> bool {
    match e {
        Expr::Path(_) | Expr::Field(_) | Expr::Index(_) => true,
        Expr::Unary(u) => matches!(u.op, syn::UnOp::Deref(_)),
        Expr::Paren(p) => is_place(&p.expr),
        _ => false,
    }
}

/// What rustc promotes to a `'static` constant behind a `&`.
fn is_constant(e: &Expr) -> bool {
    match e {
        Expr::Lit(_) => true,
        Expr::Array(a) => a.elems.iter().all(is_constant),
        Expr::Tuple(t) => t.elems.iter().all(is_constant),
        Expr::Unary(u) => matches!(u.op, syn::UnOp::Neg(_)) && is_constant(&u.expr),
        Expr::Paren(p) => is_constant(&p.expr),
        _ => false,
    }
}

/// Reports each such local a `yield_!` saves.
pub fn check(cx: &Ctxt, g: &Graph) {
    let mut reported: Vec<LocalId> = Vec::new();
    for jump in g.jumps.iter().filter(|j| j.kind.suspends()) {
        for (l, tokens) in &g.temporary_borrows {
            if reported.contains(l) || !jump.save.contains(l) {
                continue;
            }
            reported.push(*l);
            let name = &g.locals[*l].name;
            cx.error_spanned_by(
                tokens,
                format!(
                    "`{name}` borrows a temporary value, and the borrow is kept across a `yield_!`: the temporary lives only until the generator suspends\nhelp: bind the value to a local of its own first (`let mut value = ..;`), and keep the local rather than a reference to it{}",
                    super::borrows::PINNED_HELP
                ),
            );
        }
    }
}
