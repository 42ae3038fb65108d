//! Dead code: what follows an expression that always diverges.
//!
//! Plain Rust type-checks unreachable code (and does not borrow-check it), so a local's type may
//! come from code after a `return`: `let mut v = Vec::new(); v.push({ ..; return None; 3 } % 7);`
//! makes `v` a `Vec<i32>` though the push never runs. The lowering keeps that code: the
//! statements after a diverging one go to a block no jump reaches (a *cut root*), and the joins
//! of constructs whose every branch diverges are such blocks too. Every block that only dead code
//! reaches is emitted as an arm of its own, whose variant is never built: rustc checks its code
//! like the rest, and nothing of it ever runs.
//!
//! A cut root's locals get their types from where they are bound: after each `let` and pattern
//! that binds one of them (the user's, and the lowering's own for resumed and awaited values and
//! hoisted operands), a tie that rustc type-checks but never runs (placeholder `T`):
//!
//! Input:  `let mut v = Vec::new(); v.push({ yield_!(1); return None; 3 } % 7);`
//! Output: `let mut v = Vec::new(); if let State::Dead { v: t, .. } = &*state { unreachable!();
//!         let _ = [t, &v]; }` in the arm that declares `v`, and the dead arm
//!         `State::Dead { v } => { let t = 3; v.push(t % 7); .. }`.
//!
//! Locals no `let` or pattern binds (a construct's value that no branch gives: its type is `!`)
//! are bound in the dead arm to `unreachable!()`, whose type is the never-type fallback's, as
//! in plain Rust.

use super::{Graph, LocalId, Lowerer, TieSite, ph};

impl Lowerer<'_> {
    /// After a `let` or a pattern bound the locals `locals`: a tie site for each (rendered only
    /// if a dead arm restores it); `decl` is the deferred declaration of a `let` without value.
    pub fn tie_sites(&mut self, locals: std::ops::Range<LocalId>, decl: Option<usize>) {
        for local in locals {
            let name = self
                .names_get(local)
                .unwrap_or_else(|| self.g.locals[local].name.clone());
            let n = self.g.tie_sites.len();
            self.g.tie_sites.push(TieSite { local, name, decl });
            let p = ph("T", n);
            self.g.seqs[self.cur_seq].push(quote::quote!(#p));
        }
    }
}

/// Marks the cut roots worth an arm: dead blocks no jump reaches from which a path through dead
/// blocks leads to user code (the exit of a `loop` that never breaks, at the body's end, holds only the
/// generated completion and gets none).
pub fn mark_cut_roots(g: &mut Graph) {
    let mut incoming = vec![0usize; g.blocks.len()];
    for j in &g.jumps {
        incoming[j.target] += 1;
    }
    for (b, &n) in incoming.iter().enumerate().skip(1) {
        let block = &g.blocks[b];
        if !block.dead || !block.started || n > 0 {
            continue;
        }
        let mut seen = vec![false; g.blocks.len()];
        let mut work = vec![b];
        let mut user = false;
        while let Some(x) = work.pop() {
            if std::mem::replace(&mut seen[x], true) {
                continue;
            }
            if g.blocks[x].user_code {
                user = true;
                break;
            }
            work.extend(
                g.jumps
                    .iter()
                    .filter(|j| j.from == x && g.blocks[j.target].dead)
                    .map(|j| j.target),
            );
        }
        g.blocks[b].cut_root = user;
    }
}
