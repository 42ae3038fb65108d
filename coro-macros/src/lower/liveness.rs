//! Which locals each jump must save: those live at its target's entry.
//!
//! A local is live at a point when some path from it reaches a mention of the local before a
//! whole reassignment. This is what makes moves work: `yield_!(line)` moves `line`, and a local
//! that is dead at a suspension is simply not saved (so it is dropped there). Guards (locals never
//! mentioned after their `let`) are live to their scope's end, as in plain Rust.
//!
//! Each block's events are read as one linear sequence (branches inside an arm included), which
//! over-approximates: a local used on any path counts, and only top-level assignments kill.

use std::collections::BTreeSet;

use super::{Event, Graph};

pub fn solve(g: &mut Graph) {
    let n = g.blocks.len();
    let mut live_in: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
    // Guards are live everywhere in their scope.
    for (b, block) in g.blocks.iter().enumerate() {
        for &l in &block.entry_scope {
            if g.locals[l].is_guard() {
                live_in[b].insert(l);
            }
        }
    }
    let mut changed = true;
    while changed {
        changed = false;
        for b in (0..n).rev() {
            let block = &g.blocks[b];
            let mut live = BTreeSet::new();
            for ev in block.events.iter().rev() {
                match *ev {
                    Event::Mention(l) => {
                        live.insert(l);
                    }
                    Event::Kill(l) | Event::Dead(l) => {
                        live.remove(&l);
                    }
                    Event::Jump(j) => {
                        let jump = &g.jumps[j];
                        for &l in &live_in[jump.target] {
                            if !jump.defines.iter().any(|(d, _)| *d == l) {
                                live.insert(l);
                            }
                        }
                    }
                }
            }
            let entry: BTreeSet<usize> = block.entry_scope.iter().copied().collect();
            let mut next: BTreeSet<usize> = live.intersection(&entry).copied().collect();
            next.extend(live_in[b].iter().copied());
            if next != live_in[b] {
                live_in[b] = next;
                changed = true;
            }
        }
    }
    for jump in &mut g.jumps {
        // Innermost-declared first: enum fields drop in declaration order, and Rust drops
        // locals in reverse order of declaration.
        let mut save: Vec<usize> = live_in[jump.target].iter().copied().collect();
        save.reverse();
        jump.save = save;
    }
    g.live_in = live_in
        .into_iter()
        .map(|s| s.into_iter().rev().collect())
        .collect();
}
