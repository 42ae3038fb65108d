//! Which locals each jump must save: those live at its target's entry.
//!
//! A local is live at a point when some path from it reaches a mention of the local before a
//! whole reassignment. This is what makes moves work: `yield_!(line)` moves `line`, and a local
//! that is dead at a suspension is simply not saved (so it is dropped there). Guards (locals never
//! mentioned after their `let`) are live to their scope's end, as in plain Rust.
//!
//! Within a block, each branch of a lowered `if`/`match` is a sequence of its own: a kill on one
//! branch does not hide a use on another. Plain (not lowered) code counts as one step: its reads
//! before any assignment are uses, its assignments on every path kills (see `assign.rs`).

use std::collections::HashMap;

use super::local_set::LocalSet;
use super::{Event, Graph};

pub fn solve(g: &mut Graph) {
    let n = g.blocks.len();
    let m = g.locals.len();
    let mut live_in: Vec<LocalSet> = vec![LocalSet::with_capacity(m); n];
    // Guards are live everywhere in their scope, and so are locals that are only ever assigned.
    for (b, block) in g.blocks.iter().enumerate() {
        for &l in &block.entry_scope {
            if g.locals[l].is_guard() || g.locals[l].is_write_only() {
                live_in[b].insert(l);
            }
        }
    }
    // A value several jumps define (an `if`'s or a loop's result) is kept to their target even
    // when nothing reads it there: its type is inferred where the jumps meet, in the target's
    // variant (`let q = if c { Some(yield_!(1)) } else { None };` with `q` unused: E0282).
    for (t, l) in shared_defines(g) {
        if g.blocks[t].entry_scope.contains(&l) {
            live_in[t].insert(l);
        }
    }
    let entry: Vec<LocalSet> = g
        .blocks
        .iter()
        .map(|block| block.entry_scope.iter().copied().collect())
        .collect();
    // A block's live-in depends on its jumps' targets': when a target's grows, the blocks that
    // jump to it are visited again (a worklist, not passes over every block: with hundreds of
    // blocks and loops nested three deep, the passes were most of the macro's time).
    let mut sources: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (b, block) in g.blocks.iter().enumerate() {
        for ev in &block.events {
            if let Event::Jump(j) = *ev {
                sources[g.jumps[j].target].push(b);
            }
        }
    }
    for s in &mut sources {
        s.sort_unstable();
        s.dedup();
    }
    // Popped last block first: most jumps go forward, so a block is mostly visited after the
    // blocks it jumps to.
    let mut work: Vec<usize> = (0..n).collect();
    let mut queued = vec![true; n];
    while let Some(b) = work.pop() {
        queued[b] = false;
        let mut next = block_live_in(g, b, &live_in);
        next.intersect_with(&entry[b]);
        if next.is_subset(&live_in[b]) {
            continue;
        }
        live_in[b].union_with(&next);
        for &src in &sources[b] {
            if !queued[src] {
                queued[src] = true;
                work.push(src);
            }
        }
    }
    for jump in &mut g.jumps {
        // Innermost-declared first: enum fields drop in declaration order, and Rust drops
        // locals in reverse order of declaration.
        jump.save = live_in[jump.target].iter().rev().collect();
    }
    g.live_in = live_in.iter().map(|s| s.iter().rev().collect()).collect();
}

/// The locals live at a block's entry, given those live at every block's entry.
///
/// The block's events are scanned backwards, each into the live set of its own sequence. Where a
/// branch's sequence starts, it forks off its parent: what is live at its start joins the
/// parent's set there. A branch ends in jumps (or diverges), so nothing after the `if` in the
/// parent flows into it; were the parent to go on after a branch in the same block (the code
/// after a `let`-`else`), the union still covers both paths.
fn block_live_in(g: &Graph, b: usize, live_in: &[LocalSet]) -> LocalSet {
    let block = &g.blocks[b];
    // Where each sequence starts in the block: its first event or its first descendant's (a
    // branch may fork before its parent has an event of its own).
    let mut first = HashMap::new();
    for (i, &seq) in block.event_seqs.iter().enumerate() {
        let mut s = seq;
        loop {
            first.entry(s).or_insert(i);
            match g.seq_parent[s] {
                Some(parent) if s != block.root => s = parent,
                _ => break,
            }
        }
    }
    let mut live: HashMap<usize, LocalSet> = HashMap::new();
    for (i, ev) in block.events.iter().enumerate().rev() {
        let seq = block.event_seqs[i];
        let set = live.entry(seq).or_default();
        match *ev {
            Event::Mention(l) => set.insert(l),
            Event::Kill(l) | Event::Dead(l) => set.remove(l),
            Event::Write(_) | Event::Declare(_) => {}
            Event::Jump(j) => {
                let jump = &g.jumps[j];
                let mut through = live_in[jump.target].clone();
                for (d, _) in &jump.defines {
                    through.remove(*d);
                }
                for &a in &jump.assigned_before {
                    through.remove(a);
                }
                set.union_with(&through);
            }
        }
        let mut s = seq;
        while first[&s] == i
            && s != block.root
            && let Some(parent) = g.seq_parent[s]
        {
            let branch = live.remove(&s).unwrap_or_default();
            live.entry(parent).or_default().union_with(&branch);
            s = parent;
        }
    }
    live.remove(&block.root).unwrap_or_default()
}

/// (target, local) for each local that two or more jumps to the same target define.
fn shared_defines(g: &Graph) -> Vec<(usize, usize)> {
    let mut count: HashMap<(usize, usize), usize> = HashMap::new();
    for jump in &g.jumps {
        for (l, _) in &jump.defines {
            *count.entry((jump.target, *l)).or_default() += 1;
        }
    }
    let mut shared: Vec<(usize, usize)> = count
        .into_iter()
        .filter_map(|(key, n)| (n > 1).then_some(key))
        .collect();
    shared.sort_unstable();
    shared
}
