//! How often the constructs beyond the core model are generated.

/// Weights of the constructs beyond the core model. `weight` fields compete with the other
/// statement kinds (a plain statement has weight 12, an `if` 3, a `while` 3) or expression kinds
/// (a literal 3, a local 6, a `yield_!` 9); `percent` fields are chances per occasion.
#[derive(Clone, Copy, Debug)]
pub struct Mix {
    /// Percent of blocks and loop bodies (where a jump is allowed) ending with a jump.
    pub tail_jump: usize,
    /// Percent of block-ending jumps (also `if c { ..; jump }`, `let .. else { jump }`) written
    /// with `;`; the others end the block as its tail expression.
    pub tail_semicolon: usize,
    /// Percent of match-statement arms that are only a jump (`=> break,`, `=> { break }`,
    /// `=> { break; }`).
    pub arm_jump: usize,
    /// Percent of statements with an attribute (`#[cfg(any())]`, `#[cfg(all())]`,
    /// `#[allow(unused)]`).
    pub attr: usize,
    /// Percent of those attributes that are `#[cfg(any())]` (the statement is removed).
    pub cfg_out: usize,
    /// Statement weight: `let`s of `Option`/`Vec`/`String`/tuple/array locals, types inferred.
    pub typed: usize,
    /// Statement weight: `assert!`/`assert_eq!`/`assert_ne!`/`write!` holding a `yield_!`.
    pub std_macros: usize,
    /// Statement weight: closures, nested `fn`s and `const`s beside yields.
    pub items: usize,
    /// Statement weight: `if let .. && ..` chains.
    pub let_chains: usize,
    /// Statement weight: `panic!`, `unwrap` of a maybe-`None`, failing `assert!`.
    pub panics: usize,
    /// Expression weight: tuple/array/struct literals, method receivers holding a `yield_!`.
    pub compound: usize,
    /// Expression weight: `yield_from!` of a sub-generator.
    pub yield_from: usize,
    /// Statement and expression weight: `unsafe` blocks.
    pub unsafe_blocks: usize,
    /// Statement weight: `if`/`match` expressions as statements (`if c { a } else { b };`).
    /// Also scales block arms with a trailing comma (5x this, percent).
    pub layout: usize,
    /// Percent of programs taking `xs: &[i64]` (loops over it, references into it across yields).
    pub slice_arg: usize,
    /// Percent of programs with `#[generator(.., clone)]`, also checked by cloning mid-way.
    pub clone: usize,
    /// Percent of programs returning `ControlFlow<i64, i64>` (`?` on `ControlFlow`).
    pub flow_ret: usize,
}

impl Default for Mix {
    fn default() -> Self {
        Mix {
            tail_jump: 12,
            tail_semicolon: 50,
            arm_jump: 15,
            attr: 6,
            cfg_out: 40,
            typed: 3,
            std_macros: 1,
            items: 1,
            let_chains: 1,
            panics: 1,
            compound: 2,
            yield_from: 1,
            unsafe_blocks: 1,
            layout: 1,
            slice_arg: 20,
            clone: 15,
            flow_ret: 15,
        }
    }
}

impl Mix {
    /// Only the core model (the generator before these constructs were added).
    pub fn core() -> Mix {
        Mix {
            tail_jump: 0,
            tail_semicolon: 100,
            arm_jump: 0,
            attr: 0,
            cfg_out: 0,
            typed: 0,
            std_macros: 0,
            items: 0,
            let_chains: 0,
            panics: 0,
            compound: 0,
            yield_from: 0,
            unsafe_blocks: 0,
            layout: 0,
            slice_arg: 0,
            clone: 0,
            flow_ret: 0,
        }
    }
}
