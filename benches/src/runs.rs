//! One named, never-inlined function per (workload, contender) that is not already one in
//! `peers` (W3's are the monomorphized consumers of `consumers`): each is compiled once, here,
//! with a symbol of its own, so that its machine code does not depend on where the runner's
//! closures land and can be read with `--emit asm` or `perf`.

use crate::hand::Node;
use crate::{coro_blocks, coro_impls, coro_pinned, hand, proposed};

macro_rules! runs {
    ($($name:ident($arg:ident: $ty:ty) => $body:expr;)*) => {
        $(
            #[inline(never)]
            pub fn $name($arg: $ty) -> u64 {
                $body
            }
        )*
    };
}

runs! {
    w1_hand(n: u64) => hand::sum_iter(hand::count(n));
    w1_coro(n: u64) => hand::sum_iter(coro_impls::count(n));
    w1_coro_for(n: u64) => hand::sum_iter(coro_impls::count_for(n));
    w1_block(n: u64) => hand::sum_iter(coro_blocks::count(n));
    w1_pinned(n: u64) => hand::sum_iter(core::pin::pin!(coro_pinned::count(n)));
    w1_proposed(n: u64) => hand::sum_iter(proposed::count(n));
    w2_hand(n: u64) => hand::drive_send(hand::accumulate(), n);
    w2_coro(n: u64) => hand::drive_send(coro_impls::accumulate(), n);
    w2_pinned(n: u64) => hand::drive_send(core::pin::pin!(coro_pinned::accumulate()), n);
    w4_hand(t: &str) => hand::sum_tokens(hand::tokens(t));
    w4_coro(t: &str) => hand::sum_tokens(coro_impls::tokens(t));
    w4_proposed(t: &str) => hand::sum_tokens(proposed::tokens(t));
    w5_hand(root: &Node) => hand::sum_iter(hand::in_order(root));
    w5_coro(root: &Node) => hand::sum_iter(coro_impls::walk(root));
    w5_coro_flat(root: &Node) => hand::sum_iter(coro_impls::walk_flat(root));
}
