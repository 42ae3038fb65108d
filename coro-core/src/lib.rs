// The crate's documentation is its README (also the repository's README, a symlink to this
// file), so that every example in it is a doctest.
#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_op_in_unsafe_fn)]

#[cfg(feature = "alloc")]
extern crate alloc;

mod adapters;
mod async_generator;
mod async_machine;
mod delegate;
mod generator;
mod machine;
mod markers;
mod operand;
mod pinned;
mod pinned_throw;
mod state;
mod stream;
mod throw;
mod try_op;
mod typing;

pub use adapters::{MapReturn, TryIter};
pub use async_generator::{AsyncGenerator, Resume};
/// Not public API: the stream or async generator of an `#[async_gen]` fn on the enum path, and
/// the place of its parked futures. At the crate root for the same reason as `Machine`.
#[doc(hidden)]
pub use async_machine::{AsyncMachine, Awaiting, Levels};
#[doc = include_str!("../doc/async_gen_block.md")]
pub use coro_macros::async_gen_block;
#[doc = include_str!("../doc/gen_block.md")]
pub use coro_macros::gen_block;
pub use coro_macros::generator;
pub use coro_macros::{async_gen, for_await};
/// `futures_core`'s stream traits, which `#[async_gen]` fns return and `for_await!` consumes;
/// re-exported so that code depending on `coro-core` alone can name them (and compiler
/// messages do).
#[doc(no_inline)]
pub use futures_core::{FusedStream, Stream};
pub use generator::{Generator, GeneratorExt, WithReturn};
/// Not public API: the type of every generator (`#[generator]` fns return it as an opaque
/// type). At the crate root rather than in `__private` because compiler messages name it.
#[doc(hidden)]
pub use machine::Machine;
/// Not public API: the bounds through which `for_await!` and `yield_from!` check their operand
/// and items.
/// At the crate root rather than in `__private` because compiler messages name it.
#[doc(hidden)]
pub use operand::{OkItem, StreamOperand, YieldFromOk};
/// Not public API: the body of a pinned generator, named in its fn's signature.
#[doc(hidden)]
pub use pinned::Body as PinnedBody;
pub use pinned::PinnedGen;
pub use pinned_throw::PinnedThrowGen;
pub use state::{GeneratorState, GeneratorStatus, YieldPoint};
pub use throw::Throw;
/// Not public API: what `yield_from!` drives, and how `?` and a raised throw complete a
/// generator. At the crate root rather than in `__private` because compiler messages name them.
#[doc(hidden)]
pub use {delegate::Delegate, try_op::FromResidual};

/// Not public API: what the macros' expansions name.
#[doc(hidden)]
pub mod __private {
    pub use crate::async_machine::{Parked, async_generator, async_machine};
    pub use crate::delegate::{
        CharsKind, ForwardKind, ItemsKind, OtherKind, PinnedForwardKind, PinnedKind,
        PinnedShieldKind, ShieldKind, Sub,
    };
    pub use crate::machine::{
        Plain, Protocol, Refusal, StateInfo, Step, Thrown, TypeOf, dead_code_follows,
        fallback_yield, fallback_yield_from, machine, machine_lent, machine_lent_mut, resumed,
        resumed_after_completion, resumed_after_panicking, resumed_or_thrown,
        resumed_unit_or_thrown, return_hint, send_before_start, set_state, start_while_suspended,
        throw_before_start, throwing_machine,
    };
    pub use crate::pinned::{Info as PinnedInfo, Yielder as PinnedYielder, pinned};
    pub use crate::pinned_throw::pinned_throwing;
    pub use crate::stream::{AsyncGen, Finish, Next, Yield, Yielder, async_gen, next};
    pub use crate::try_op::{Branch, Flow};
    pub use crate::typing::{never_of, tie, tied, typed};
    pub use crate::{Generator, GeneratorState, GeneratorStatus, Throw, YieldPoint};
    #[cfg(feature = "alloc")]
    pub use alloc::boxed::Box;
    pub use core;
    pub use coro_macros::__cfg_resolved as cfg_resolved;
    pub use futures_core::{FusedStream, Stream};
}
