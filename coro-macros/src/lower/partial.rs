//! A field moved out of a local that a later suspension saves whole.
//!
//! Input:  the `for` loops over a field of a local (`for user in page.users`), recorded by the
//!         lowering, and the graph with liveness solved.
//! Output: an error at the field, for each such local that a jump after the move saves (its
//!         other fields are used later: `cursor = page.next`).
//!
//! Why: plain Rust tracks moves per field, so `page.next` stays usable after `page.users` was
//! moved; the state enum saves a local whole, and rustc then reports "borrow of partially moved
//! value" at the attribute (E0382). The fix is the user's: destructure the local, or iterate by
//! reference.

use proc_macro2::TokenStream;

use super::{BlockId, Graph, LocalId, Lowerer};
use crate::diag::Ctxt;

impl Lowerer<'_> {
    /// `for .. in local.field`: the loop moves the field out of `local` (unless it is `Copy`,
    /// which a macro cannot tell; iterating a `Copy` field by value across a suspension is rare).
    pub fn note_field_move(&mut self, iterable: &syn::Expr) {
        let mut base = iterable;
        while let syn::Expr::Field(f) = base {
            base = &f.base;
        }
        if std::ptr::eq(base, iterable) {
            return;
        }
        let syn::Expr::Path(p) = base else {
            return;
        };
        let Some(local) = p
            .path
            .get_ident()
            .and_then(|i| self.resolve(&i.to_string()))
        else {
            return;
        };
        let block = self.current_block();
        self.g
            .field_moves
            .push((local, block, quote::ToTokens::to_token_stream(iterable)));
    }
}

pub fn check(cx: &Ctxt, g: &Graph) {
    for (local, at, field) in &g.field_moves {
        if saved_after(g, *local, *at) {
            report(cx, g, *local, field);
        }
    }
}

/// Some jump from a block that starts at or after `at` (in source order) saves `local`.
fn saved_after(g: &Graph, local: LocalId, at: BlockId) -> bool {
    let from = g.blocks[at].order;
    g.jumps
        .iter()
        .any(|j| g.blocks[j.from].order >= from && j.save.contains(&local))
}

fn report(cx: &Ctxt, g: &Graph, local: LocalId, field: &TokenStream) {
    let name = &g.locals[local].name;
    let field_text = field.to_string().replace(' ', "");
    cx.error_spanned_by(
        field,
        format!(
            "`for` over `{field_text}` moves that field out of `{name}`, whose other fields are used after a later suspension: a generator's state saves `{name}` whole, and cannot hold it partly moved\nhelp: destructure `{name}` into its fields first (`let Type {{ field, other, .. }} = {name};`), or iterate by reference (`for x in &{field_text}`)"
        ),
    );
}
