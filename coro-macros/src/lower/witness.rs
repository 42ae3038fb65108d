//! Type witnesses: one type per local across arms.
//!
//! A plain fn infers a local's type from all its uses together. The lowering splits a body into
//! arms, and an arm that declares a `mut` local whose first value dies at a suspension (it is
//! overwritten in a later arm before being read) sees only that first value: `let mut q = None;`
//! alone is E0282. The later arms declare the local afresh (`let mut q;`) and assign it. An arm
//! whose unreachable code names a local the state no longer holds (moved before) declares it
//! afresh too, with no value, and needs its type just the same (difftest AR).
//!
//! Input:  `let mut q = None; if c { q = Some(yield_!(1)); } q = Some(yield_!(2)); q.map_or(..)`
//! Output: after the `let`, `let __coro_w = TypeOf::of(&q);`: a zero-sized value kept to the end of
//!         `q`'s scope in the state like a guard; in each arm that declares `q` afresh,
//!         `if false { q = TypeOf::never(__coro_w) }`, which never runs but ties the type.
//!
//! Witnesses no arm ties to are pruned after liveness: they cost a type parameter each.
//!
//! Unless the enum derives `Clone` (which would bound every parameter by `Clone`), a needed
//! witness is no value at all: it is a type parameter of the enum that no state stores (held by
//! a variant never built, `Witnesses`), tied after the `let` by `tie(&Enum::__coro_types(s).K,
//! &q)` and read by `q = never_of(&Enum::__coro_types(s).K)`: the holders' fields, one per
//! witness in every state their scope spans, were a third of a large body's expansion.

use super::{Graph, LocalId, Lowerer, ph};

/// The witness of one local.
pub struct Witness {
    /// The user's `mut` local.
    pub local: LocalId,
    /// The hidden local holding `TypeOf<T>` of it.
    pub holder: LocalId,
    /// Some arm declares `local` afresh and ties to it (decided by [`prune`]).
    pub needed: bool,
}

impl Lowerer<'_> {
    /// After a `let` that initialized the locals from `first` to `end`: a witness for each
    /// (placeholder `W`, emitted if [`prune`] keeps it).
    pub fn type_witnesses(&mut self, first: LocalId, end: LocalId) {
        // Not only `mut` locals: an immutable one moved before unreachable code that names it
        // is declared afresh there too (`Event::Declare`, difftest AR).
        for local in first..end {
            let (witness, _) = self.temp("w");
            let w = &mut self.g.locals[witness];
            w.pinned_guard = true;
            w.guard_eligible = true;
            w.owned = true;
            let n = self.g.witnesses.len();
            self.g.witnesses.push(Witness {
                local,
                holder: witness,
                needed: false,
            });
            let p = ph("W", n);
            self.emit_raw(quote::quote!(#p));
        }
    }
}

/// Keeps the witnesses of locals some arm declares afresh (and restores the witness in); drops
/// the others from every saved set, and with `by_type` (see the module doc) all of them.
pub fn prune(g: &mut Graph, by_type: bool) {
    if g.witnesses.is_empty() {
        return;
    }
    // Once per block, not once per witness and block.
    let declared: Vec<Vec<LocalId>> = (0..g.blocks.len()).map(|b| g.entry_declared(b)).collect();
    let mut unneeded = Vec::new();
    for n in 0..g.witnesses.len() {
        let Witness {
            local,
            holder: witness,
            ..
        } = g.witnesses[n];
        // A local the state names the type of is declared afresh with its annotation.
        let needed = g.locals[local].state_ty.is_none()
            && (0..g.blocks.len())
                .any(|b| g.restored(b).contains(&witness) && declared[b].contains(&local));
        g.witnesses[n].needed = needed;
        if !needed {
            unneeded.push(witness);
        }
    }
    if by_type {
        unneeded = g.witnesses.iter().map(|w| w.holder).collect();
    }
    if unneeded.is_empty() {
        return;
    }
    let unneeded: std::collections::HashSet<LocalId> = unneeded.into_iter().collect();
    for set in &mut g.live_in {
        set.retain(|l| !unneeded.contains(l));
    }
    for jump in &mut g.jumps {
        jump.save.retain(|l| !unneeded.contains(l));
    }
}
