//! Shared pieces of the example programs (each also has unit tests).

pub mod averager;
pub mod potatoes;
pub mod rng;
pub mod tokenizer;
pub mod tree;
