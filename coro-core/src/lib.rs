//! Python-style generators and async generators for stable Rust.
//!
//! - [`#[generator]`](generator) turns a fn whose body uses [`yield_!`] into an explicit enum state
//!   machine implementing [`Generator`] (and `Iterator` when it takes no resume value): no
//!   allocation, no `unsafe`, no pinning.
//! - [`#[async_gen]`](async_gen) turns an `async fn` into a [`futures_core::Stream`];
//!   [`for_await!`] consumes any stream, like Python's `async for`.
//! - [`gen_block!`] and [`async_gen_block!`] are the same machines as expressions that capture
//!   their environment like a `move` closure, like Python's generator expressions and nested
//!   generator `def`s.
//!
//! See the README for a tour.
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_op_in_unsafe_fn)]

#[cfg(feature = "alloc")]
extern crate alloc;

mod adapters;
mod delegate;
mod generator;
mod machine;
mod markers;
mod state;
mod stream;
mod throw;
mod try_op;

pub use adapters::{MapReturn, TryIter};
#[doc = include_str!("../doc/async_gen_block.md")]
pub use coro_macros::async_gen_block;
#[doc = include_str!("../doc/gen_block.md")]
pub use coro_macros::gen_block;
pub use coro_macros::generator;
pub use coro_macros::{async_gen, for_await};
pub use generator::{Generator, GeneratorExt, WithReturn};
pub use state::{GeneratorState, GeneratorStatus, YieldPoint};
pub use throw::Throw;

/// Not public API: what the macros' expansions name.
#[doc(hidden)]
pub mod __private {
    pub use crate::delegate::{
        CharsKind, Delegate, ForwardKind, ItemsKind, OtherKind, ShieldKind, Sub,
    };
    pub use crate::machine::{
        Machine, Plain, Protocol, Refusal, StateInfo, Step, Thrown, TypeOf, fallback_yield,
        fallback_yield_from, machine, resumed, resumed_after_completion, resumed_after_panicking,
        resumed_or_thrown, resumed_unit_or_thrown, return_hint, same_type, send_before_start,
        set_state, start_while_suspended, throw_before_start, throwing_machine,
    };
    pub use crate::stream::{AsyncGen, Finish, Next, Yield, Yielder, async_gen, next};
    pub use crate::try_op::{Branch, Flow, FromResidual};
    pub use crate::{Generator, GeneratorState, GeneratorStatus, Throw, YieldPoint};
    #[cfg(feature = "alloc")]
    pub use alloc::boxed::Box;
    pub use core;
    pub use coro_macros::__cfg_resolved as cfg_resolved;
    pub use futures_core::{FusedStream, Stream};
}
