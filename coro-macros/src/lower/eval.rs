//! How an operation uses an operand: the one fact the expression lowering and the std macros'
//! arguments share (a value operand is read before a later suspension, a place after it).

/// How an operation uses an operand.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Eval {
    /// Read by value (moved or copied), like a call argument.
    Value,
    /// Used as a place: borrowed, assigned or indexed.
    Place,
}
