//! Random generator bodies that are valid Rust (type- and borrow-correct) and always terminate.
//!
//! The model is deliberately small so that validity can be guaranteed by construction:
//! - locals are `i64` or [`Tracked`](crate::runtime::Tracked) (non-`Copy`, logs its drop);
//! - every local has a flow state (initialized / uninitialized / maybe), updated in evaluation
//!   order and joined at control-flow merges, so moved or uninitialized locals are never read;
//! - a `Tracked` declared outside the innermost loop is only moved right before a jump that
//!   leaves that loop (or a `return`), so no loop iterates with it moved;
//! - references never outlive an expression (`peek(&t, ..)`, `bump(&mut t, ..)`), and the other
//!   operands of such a call do not touch `t`: nothing borrows a local across a `yield_!`, which
//!   the lowering rejects by design (DESIGN §3.4);
//! - every loop is bounded by a counter incremented first thing in its body (or by a range or a
//!   vector of at most three elements), and loops nest at most three deep.
//!
//! The same body text is compiled twice (see [`crate::batch`]); `yield_!` is coro's macro in one
//! and a call into the scripted context in the other.
#![allow(
    clippy::bool_to_int_with_if,
    clippy::many_single_char_names,
    clippy::too_many_lines,
    clippy::struct_excessive_bools
)]

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::rng::Rng;

mod args;
mod asyncs;
mod attrs;
mod compound;
mod items;
mod jumps;
mod layout;
mod mix;
mod std_macros;
mod typed;

pub use mix::Mix;

/// The generator fn's return type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetTy {
    Int,
    Opt,
    Res,
    /// `ControlFlow<i64, i64>` (`?` on `ControlFlow`).
    Flow,
}

impl RetTy {
    pub fn rust(self) -> &'static str {
        match self {
            RetTy::Int => "i64",
            RetTy::Opt => "Option<i64>",
            RetTy::Res => "Result<i64, i64>",
            RetTy::Flow => "ControlFlow<i64, i64>",
        }
    }
}

/// Shapes the generator avoids, or differences the comparison tolerates, because of known
/// lowering bugs (each has a minimized regression test in `tests/regressions.rs`, `#[ignore]`d
/// while the bug is open). Bugs A to U are fixed and their switches are off by default (kept to
/// narrow down a regression: turn one on, does the failure go away?), and so is V; W to Z are
/// open (their minimized tests pass, larger random shapes still fail) and on in
/// [`Avoid::known_bugs`].
#[derive(Clone, Copy, Debug, Default)]
#[allow(clippy::struct_excessive_bools)]
pub struct Avoid {
    /// Bug A: a pattern binding (`for x`, `while let Some(x)`, `if let`, a match arm) that
    /// shadows a local: jumps inside its scope store the new binding in the shadowed local's
    /// slot. Pattern bindings get fresh names instead of shadowing.
    pub pattern_shadowing: bool,
    /// Bugs B and O: locals restored from the state drop at their scope's end in declaration
    /// order (plain Rust: reverse). The comparison ignores the order of drops between two
    /// non-drop events (see [`crate::runtime::compare`]).
    pub restored_drop_order: bool,
    /// Bug C: an assignment to a not-yet-initialized (or maybe-moved) local that is not at the
    /// top level of its block counts as a use, so the local is saved uninitialized at an
    /// earlier suspension: the generator fails to compile. Such locals are only assigned by the
    /// deferred-initialization `if`/`else`, whose condition then does not suspend.
    pub uninit_assign_after_split: bool,
    /// Bug D: the lowering's name-based borrow heuristic takes `let c = t.get()` (on a local
    /// initialized by a `new` call) for a borrow of `t`, and rejects it when `c` lives across a
    /// `yield_!`, though `get` returns an `i64`. Reads use `t.val()` instead.
    pub method_named_get: bool,
    /// Bug F: a local read as a plain place operand left of an operand that suspends is read
    /// after the suspension, so an assignment to it in the later operand changes the result
    /// (`a - { a = yield_!(1); a }`). Locals read that way are locked against assignment in the
    /// later operands.
    pub place_operand_mutation: bool,
    /// Bug G (fixed): `e?` at the start of a statement or block tail and followed by an operator
    /// (`{ res(x)? - 1 }`) failed to compile ("expected `()`, found `i64`" at the attribute): the
    /// rewritten `match` was parsed as a statement. When set, `?` expressions get parentheses.
    pub try_at_statement_start: bool,
    /// Bug H: a `let` that shadows a local not initialized yet (`let c;` assigned later), in a
    /// lowered scope: the generator fails to compile ("used binding `c` isn't initialized" —
    /// apparently the alias that keeps the shadowed local reachable reads it). `let`s do not
    /// shadow uninitialized locals.
    pub shadow_uninit_local: bool,
    /// Bug I: `break`/`continue` out of a lowered loop, after a `let` in plain (non-suspending)
    /// code that shadows a local live after the jump: the jump saves the shadowing local in the
    /// shadowed one's slot. No `break`/`continue` while a local is shadowed.
    pub shadow_then_jump: bool,
    /// Bug K: a goto that the emitter inlines (runs its target's code in place) keeps alive the
    /// locals of plain (non-suspending) code around the jump — e.g. `if c { let t = ..; break; }`
    /// drops `t` after the code following the loop has run. No `break`/`continue` while a
    /// `Tracked` local declared inside the target construct is in scope.
    pub inlined_jump_drops: bool,
    /// Bug L: "type annotations needed" for a method call on a restored local (trigger not fully
    /// understood, see the regression test). A generator compile error E0282 is counted as this
    /// known bug instead of a failure.
    pub type_inference: bool,
    /// Bug M (same family as K): a local assigned as a whole after a suspension (a reassignment,
    /// or the deferred initialization of `let t;`) and dead afterwards is dropped after the code
    /// of the next, inlined block instead of at its scope's end (or its reassignment). The
    /// comparison lets non-guard values drop up to the next suspension after plain Rust drops them.
    pub dead_local_drops_late: bool,
    /// Bug N (introduced in the working tree during this work): the new scrutinee-borrow check
    /// rejects any `&local` in the scrutinee of a `match` whose arms suspend, e.g.
    /// `match peek(&t, 1) { .. yield_!(..) .. }`, though `peek` returns an `i64` and nothing
    /// borrows `t` past the call. Scrutinees take no references.
    pub scrutinee_borrow: bool,
    /// Bug E: `let x;` without a type that shadows a local, initialized only after a
    /// suspension: the generator fails to compile ("type annotations needed"; the shadowing
    /// path emits the bare `let x;` in an arm that never assigns it). Such declarations get a
    /// type annotation.
    pub shadowing_uninit_let: bool,
    /// Bug V: a jump that ends a block as its tail expression (no `;`: `{ yield_!(1); break }`,
    /// `=> { break }`, `'l: { ..; break 'l }`, `else { return x }`) in code the lowering splits:
    /// E0382 "use of moved value" (the fn's arguments, moved "in previous iteration of loop").
    /// Such jumps get a `;` (`=> break,` arms are fine and stay).
    pub tail_jump: bool,
    /// Bug W: `#[cfg(any())]` on a statement is ignored: the statement runs in the generator
    /// (a removed block after a suspension can also end up as an attribute on an expression,
    /// E0658, as can `#[allow(unused)]` on an `if` statement, seed 12583074). No
    /// `#[cfg(any())]` is generated, and kept attributes go on `let` statements only.
    pub cfg_out: bool,
    /// Bug X: a closure stored in a local alive across a suspension in a loop (declared in the
    /// loop body, or before a loop and used after it, seed 12582970): E0308 "expected closure,
    /// found a different closure". No closures are generated (nested `fn`s and `const`s are).
    pub closure_in_loop: bool,
    /// Bug Y: a local whose type is only inferred (`let q = if c { Some(yield_!(1)) } else {
    /// None };`) and not used afterwards: E0282 "type annotations needed for `Option<_>`".
    /// Such `let`s get their type written out.
    pub inferred_dead_local: bool,
    /// Bug Z: a `let`-`else` whose initializer suspends, inside an `unsafe` block: "right curly
    /// brace `}` before `else` in a `let...else` statement not allowed". No `let`-`else` inside
    /// `unsafe` blocks.
    pub unsafe_let_else: bool,
    /// Async mode, what is left of bugs AG and AH (`tests/async_regressions.rs`, both fixed: the
    /// loop's stream drops while unwinding, and before the older locals): on a panic in a
    /// `for_await!` body, the enum path drops the loop's stream after the body's other locals
    /// (in the same unwinding; rustc's async block drops it before them). The `Tracked` of such
    /// a stream is compared like a temporary (may drop up to the next yield, or at the end).
    pub parked_stream_drops: bool,
    /// Bug AJ, async mode (seed 10813564, fixed with bug AD): the enum path failed with E0282
    /// "type annotations needed" on a body with awaits after a `return`. When on, a generator
    /// compile error E0282 in async mode counts as this known bug.
    pub async_type_inference: bool,
}

impl Avoid {
    /// Avoid every known bug (the default of the test): the switches of the open bugs (W to
    /// Z) are on; a newly found bug gets a switch here until it is fixed.
    pub fn known_bugs() -> Avoid {
        // W, X, Y, Z, AG, AH, AJ and AK are fixed; AG's drop order on unwinding is open.
        Avoid {
            parked_stream_drops: true,
            ..Avoid::default()
        }
    }

    /// Generate everything, compare strictly.
    pub fn nothing() -> Avoid {
        Avoid::default()
    }
}

/// Knobs of the generator.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// Statement budget of a body.
    pub max_stmts: usize,
    /// Maximum nesting of blocks.
    pub max_block_depth: usize,
    /// Maximum nesting of loops.
    pub max_loop_depth: usize,
    /// Maximum nesting of expressions.
    pub max_expr_depth: usize,
    /// Weights of the constructs beyond the core model.
    pub mix: Mix,
    pub avoid: Avoid,
    /// Async mode (`src/program/asyncs.rs`): the body is for `#[async_gen]`, its yields and
    /// `?`s become awaits, and it may hold `for_await!` loops.
    pub asyncs: bool,
}

impl Config {
    /// The async mode's defaults: the sync mix, for `#[async_gen]` (see `program/asyncs.rs`).
    pub fn async_mode() -> Config {
        Config {
            asyncs: true,
            ..Config::default()
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_stmts: 14,
            max_block_depth: 5,
            max_loop_depth: 4,
            max_expr_depth: 3,
            mix: Mix::default(),
            avoid: Avoid::default(),
            asyncs: false,
        }
    }
}

/// One generated body.
#[derive(Clone, Debug)]
pub struct Program {
    pub seed: u64,
    pub ret: RetTy,
    /// The fn body, braces included; it uses `log: Log` and `yield_!`.
    pub body: String,
    /// The `Tracked` creation sites whose values are bound to locals never mentioned again.
    pub guards: Vec<u32>,
    /// The `Tracked` creation sites of temporaries (values never bound to a local).
    pub temps: Vec<u32>,
    /// Compare the order of drops between two non-drop events (off while bug B is open).
    pub strict_order: bool,
    /// Let non-guard values drop up to the next suspension after plain Rust does (bug M).
    pub lenient_locals: bool,
    /// `#[generator(.., clone)]`: also run [`crate::runtime::check_clone`].
    pub clone: bool,
    /// The fn takes `xs: &[i64]` (called with [`crate::runtime::XS`]).
    pub slice_arg: bool,
    /// `#[generator(.., pinned)]`: the same body through the async-block runtime, boxed and
    /// pinned by the driver.
    pub pinned: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ty {
    Int,
    Tr,
    /// `Option<i64>`, inferred.
    Opt,
    /// `Vec<i64>`, inferred.
    Vec,
    /// `String`.
    Str,
    /// `(i64, i64)`, inferred.
    Pair,
    /// `[i64; 2]`, inferred.
    Arr,
    /// A closure or fn item `i64 -> i64`.
    Fn,
    /// `&i64` borrowed from the slice argument.
    Ref,
}

/// Definite-initialization state of a local at the current program point.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum St {
    Yes,
    /// Declared without a value and never assigned on any path.
    No,
    /// Moved out (reading is an error; assigning an immutable local too).
    Moved,
    Maybe,
}

fn join(a: St, b: St) -> St {
    if a == b { a } else { St::Maybe }
}

struct Var {
    name: String,
    ty: Ty,
    mutable: bool,
    /// Loops enclosing the declaration.
    loop_depth: usize,
    /// A loop counter: read-only for the body.
    counter: bool,
    /// A `_gN` guard: never mentioned.
    guard: bool,
    mentioned: bool,
    sites: Vec<u32>,
    /// A `Ty::Fn` closure held in a wrapper (see `items.rs`), which the call unwraps.
    wrap: Wrap,
}

/// How a closure local holds its closure: the typing prologue must never tie a local whose
/// type holds a closure's (each copy of the code has its own), however the type gets there.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wrap {
    /// `let f = |x| ..;`, called `f(a)` (a nested `fn` too).
    Bare,
    /// `let f = Some(|x| ..);`, called `f.unwrap()(a)`.
    Option,
    /// `let f = [|x| ..];`, called `f[0](a)`.
    Array,
    /// `let f = (|x| .., 0i64);`, called `(f.0)(a)`.
    Tuple,
    /// `let f = loop { break |x| ..; };`: the closure flows out of a `break`.
    Break,
    /// `let f = { let mut v = Vec::new(); v.push(|x| ..); v };`: the `Vec`'s type is only known
    /// from the push.
    Pushed,
}

struct Frame {
    is_loop: bool,
    label: Option<String>,
    /// Loop depth outside the construct (where a `break` lands).
    outer_depth: usize,
    /// Breaks carry an `i64`.
    value: bool,
    /// States at `break`s to this frame.
    exits: Vec<Vec<St>>,
    /// States at `continue`s (loops).
    backs: Vec<Vec<St>>,
    /// A `for_await!` body: no `break`/`continue` may leave it to an outer frame (the enum path
    /// refuses those, `async_gen/path.rs`).
    barrier: bool,
    /// `scopes.len()` where the construct starts: scopes from here on are inside it.
    scope_len: usize,
    /// No `continue` to this loop: set while the value of its exit guard's `break` is written
    /// (continuing there would skip the exit forever).
    no_continue: bool,
}

#[derive(Clone, Copy)]
enum Lock {
    Shared,
    Exclusive,
}

struct Gen {
    rng: Rng,
    cfg: Config,
    ret: RetTy,
    vars: Vec<Var>,
    st: Vec<St>,
    scopes: Vec<Vec<usize>>,
    frames: Vec<Frame>,
    loop_depth: usize,
    block_depth: usize,
    /// Locals declared at a loop depth below this may not be moved (see the module docs).
    move_floor: usize,
    locks: Vec<(usize, Lock)>,
    /// Inside a match guard: no moves, yields, `?`, blocks.
    pure: usize,
    /// No `break`/`continue` (conditions of `while`, iterables).
    no_jump: usize,
    /// No `yield_!`.
    no_yield: usize,
    /// No `&`/`&mut` of a local (and nothing that could hide one): bug N.
    no_borrow: usize,
    budget: usize,
    next_site: u32,
    next_label: u32,
    next_counter: u32,
    next_guard: u32,
    ind: usize,
    temps: Vec<u32>,
    /// The fn takes `xs: &[i64]`.
    slice_arg: bool,
    /// Names of nested items (`fn`, `const`) and closures.
    next_item: u32,
    /// In a scrutinee: no temporaries borrowing a local (`v.iter()`), which would live across
    /// the arms' suspensions (rejected by design, DESIGN §3.4).
    no_temp_borrow: usize,
    /// Inside an `unsafe` block (bug Z).
    unsafe_depth: usize,
    /// Inside a macro's arguments: no `.await` (async mode; the enum path refuses it).
    in_macro: usize,
    /// Names of the async mode's `__aN` locals.
    next_tmp: u32,
}

const INT_NAMES: &[&str] = &["a", "b", "c", "d", "e"];
const TR_NAMES: &[&str] = &["t", "u", "w"];

/// Generates the program of a seed.
pub fn generate(seed: u64, cfg: &Config) -> Program {
    let mut rng = Rng::new(seed);
    let ret = if rng.chance(cfg.mix.flow_ret) {
        RetTy::Flow
    } else {
        match rng.below(4) {
            0 | 1 => RetTy::Int,
            2 => RetTy::Opt,
            _ => RetTy::Res,
        }
    };
    let clone = rng.chance(cfg.mix.clone);
    let slice_arg = rng.chance(cfg.mix.slice_arg);
    let mut g = Gen {
        rng,
        cfg: *cfg,
        ret,
        vars: Vec::new(),
        st: Vec::new(),
        scopes: vec![Vec::new()],
        frames: Vec::new(),
        loop_depth: 0,
        block_depth: 1,
        move_floor: 0,
        locks: Vec::new(),
        pure: 0,
        no_jump: 0,
        no_yield: 0,
        no_borrow: 0,
        budget: cfg.max_stmts,
        next_site: 1,
        next_label: 1,
        next_counter: 1,
        next_guard: 1,
        ind: 1,
        temps: Vec::new(),
        slice_arg,
        next_item: 1,
        no_temp_borrow: 0,
        unsafe_depth: 0,
        in_macro: 0,
        next_tmp: 1,
    };
    let mut body = String::from("{\n");
    while g.budget > 0 {
        let s = g.stmt();
        body.push_str(&s);
    }
    let tail = g.ret_value();
    let _ = writeln!(body, "    {tail}");
    body.push('}');
    let mut guards: Vec<u32> = g
        .vars
        .iter()
        .filter(|v| v.ty == Ty::Tr && (v.guard || !v.mentioned))
        .flat_map(|v| v.sites.iter().copied())
        .collect();
    guards.sort_unstable();
    let temps = g.temps.clone();
    Program {
        seed,
        ret,
        body,
        guards,
        temps,
        strict_order: !cfg.avoid.restored_drop_order,
        lenient_locals: cfg.avoid.dead_local_drops_late,
        clone: clone && !cfg.asyncs,
        // A quarter of the programs (not the `clone` ones: pinned generators are not `Clone`)
        // run in pinned mode, chosen from the seed so that the random stream stays as it was.
        pinned: !clone && !cfg.asyncs && seed % 4 == 1,
        slice_arg,
    }
}

impl Gen {
    // ----- locals ------------------------------------------------------------------------------

    fn declare(&mut self, name: &str, ty: Ty, mutable: bool, st: St) -> usize {
        let id = self.vars.len();
        self.vars.push(Var {
            name: name.to_string(),
            ty,
            mutable,
            loop_depth: self.loop_depth,
            counter: false,
            guard: false,
            mentioned: false,
            sites: Vec::new(),
            wrap: Wrap::Bare,
        });
        self.st.push(st);
        self.scopes.last_mut().expect("scope").push(id);
        id
    }

    /// Locals visible by name, innermost first.
    fn visible(&self) -> Vec<usize> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for scope in self.scopes.iter().rev() {
            for &v in scope.iter().rev() {
                if seen.insert(self.vars[v].name.clone()) {
                    out.push(v);
                }
            }
        }
        out
    }

    fn lock_of(&self, v: usize) -> Option<Lock> {
        self.locks
            .iter()
            .rev()
            .find(|(id, _)| *id == v)
            .map(|(_, l)| *l)
    }

    fn readable(&self, ty: Ty) -> Vec<usize> {
        self.visible()
            .into_iter()
            .filter(|&v| {
                let var = &self.vars[v];
                var.ty == ty
                    && !var.guard
                    && self.st[v] == St::Yes
                    && !matches!(self.lock_of(v), Some(Lock::Exclusive))
            })
            .collect()
    }

    fn movable(&self) -> Vec<usize> {
        if self.pure > 0 {
            return Vec::new();
        }
        self.readable(Ty::Tr)
            .into_iter()
            .filter(|&v| self.lock_of(v).is_none() && self.vars[v].loop_depth >= self.move_floor)
            .collect()
    }

    fn mut_borrowable(&self) -> Vec<usize> {
        if self.pure > 0 {
            return Vec::new();
        }
        self.readable(Ty::Tr)
            .into_iter()
            .filter(|&v| self.vars[v].mutable && self.lock_of(v).is_none())
            .collect()
    }

    /// Locals that may be assigned as a whole.
    fn assignable(&self, ty: Ty) -> Vec<usize> {
        self.visible()
            .into_iter()
            .filter(|&v| {
                let var = &self.vars[v];
                var.ty == ty
                    && !var.counter
                    && !var.guard
                    && self.lock_of(v).is_none()
                    && if self.cfg.avoid.uninit_assign_after_split {
                        var.mutable && self.st[v] == St::Yes
                    } else {
                        var.mutable || (self.st[v] == St::No && var.loop_depth == self.loop_depth)
                    }
            })
            .collect()
    }

    /// Declares a pattern binding named `base` (or a fresh name when that would shadow a
    /// visible local and bug A is being avoided); returns its id and name.
    fn bind(&mut self, base: &str, ty: Ty, mutable: bool) -> (usize, String) {
        let mut name = base.to_string();
        if self.cfg.avoid.pattern_shadowing {
            let taken: HashSet<String> = self
                .visible()
                .iter()
                .map(|&v| self.vars[v].name.clone())
                .collect();
            let mut k = 1;
            while taken.contains(&name) {
                k += 1;
                name = format!("{base}{k}");
            }
        }
        let v = self.declare(&name, ty, mutable, St::Yes);
        (v, name)
    }

    /// After a left operand `left`: if it is a bare local and bug F is avoided, lock the local
    /// against assignment while the right operands are generated (pop with `unlock_operand`).
    fn lock_operand(&mut self, left: &str) -> bool {
        if !self.cfg.avoid.place_operand_mutation {
            return false;
        }
        let found = self
            .visible()
            .into_iter()
            .find(|&v| self.vars[v].name == left);
        match found {
            Some(v) => {
                self.locks.push((v, Lock::Shared));
                true
            }
            None => false,
        }
    }

    fn unlock_operand(&mut self, locked: bool) {
        if locked {
            self.locks.pop();
        }
    }

    /// A name for a new `let` from `pool` (avoiding, for bug H, names of uninitialized locals).
    fn let_name(&mut self, pool: &[&'static str]) -> String {
        let name = self.rng.pick(pool).to_string();
        if !self.cfg.avoid.shadow_uninit_local {
            return name;
        }
        let uninit = |this: &Self, n: &str| {
            this.visible()
                .into_iter()
                .any(|v| this.vars[v].name == n && this.st[v] != St::Yes)
        };
        if !uninit(self, &name) {
            return name;
        }
        let mut k = 2;
        while uninit(self, &format!("{name}{k}")) {
            k += 1;
        }
        format!("{name}{k}")
    }

    fn mention(&mut self, v: usize) -> String {
        self.vars[v].mentioned = true;
        self.vars[v].name.clone()
    }

    fn site(&mut self) -> u32 {
        let s = self.next_site;
        self.next_site += 1;
        s
    }

    fn push_scope(&mut self) {
        self.scopes.push(Vec::new());
    }

    fn pop_scope(&mut self) {
        self.scopes.pop();
    }

    fn join_states(&self, states: &[Vec<St>]) -> Vec<St> {
        let n = self.st.len();
        (0..n)
            .map(|i| {
                let mut it = states.iter().map(|s| s.get(i).copied().unwrap_or(St::No));
                let first = it.next().unwrap_or(St::No);
                it.fold(first, join)
            })
            .collect()
    }

    fn set_state(&mut self, s: Vec<St>) {
        let n = self.st.len();
        self.st = s;
        self.st.resize(n, St::No);
    }

    // ----- expressions ---------------------------------------------------------------------------

    fn lit(&mut self) -> String {
        self.rng.range(-3, 9).to_string()
    }

    fn yields_ok(&self) -> bool {
        self.pure == 0 && self.no_yield == 0
    }

    /// An `i64` expression.
    fn int_expr(&mut self, d: usize) -> String {
        let ints = self.readable(Ty::Int);
        let trs = self.readable(Ty::Tr);
        let movable = self.movable();
        let muts = self.mut_borrowable();
        let deep = d > 0;
        let impure = self.pure == 0;
        let try_ok = impure && self.ret != RetTy::Int;
        let blocks = impure && deep && self.block_depth < self.cfg.max_block_depth + 1;
        let nb = self.no_borrow == 0;
        let w = [
            3,                                                  // 0 literal
            if ints.is_empty() { 0 } else { 6 },                // 1 int local
            if trs.is_empty() { 0 } else { 3 },                 // 2 t.get()
            if deep { 4 } else { 0 },                           // 3 binary
            if deep { 2 } else { 0 },                           // 4 f2(a, b)
            if deep && nb && !trs.is_empty() { 2 } else { 0 },  // 5 peek(&t, a)
            if deep && nb && !muts.is_empty() { 2 } else { 0 }, // 6 bump(&mut t, a)
            if movable.is_empty() { 0 } else { 3 },             // 7 consume(t)
            if deep && self.yields_ok() { 9 } else { 0 },       // 8 yield_!(a)
            if deep && nb && impure { 1 } else { 0 },           // 9 Tracked::new(..).get()
            if deep && nb && impure { 1 } else { 0 },           // 10 consume(Tracked::new(..))
            if deep && try_ok { 2 } else { 0 },                 // 11 opt(a)? / res(a)?
            if deep { 1 } else { 0 },                           // 12 opt(a).unwrap_or(k)
            if deep { 1 } else { 0 },                           // 13 (a) % 7
            if blocks && nb { 2 } else { 0 },                   // 14 if-expression
            if blocks && nb { 1 } else { 0 },                   // 15 match-expression
            if blocks && nb { 1 } else { 0 },                   // 16 block expression
            if self.typed_readable().is_empty() {
                0
            } else {
                4
            }, // 17 typed local read
            if deep { self.cfg.mix.compound } else { 0 },       // 18 tuple/array/struct/receiver
            if deep && nb && self.yields_ok() {
                self.cfg.mix.yield_from
            } else {
                0
            }, // 19
            if blocks && nb {
                self.cfg.mix.unsafe_blocks
            } else {
                0
            }, // 20 unsafe { e }
            if self.slice_arg { 2 } else { 0 },                 // 21 slice read
        ];
        match self.rng.weighted(&w) {
            0 => self.lit(),
            1 => {
                let v = ints[self.rng.below(ints.len())];
                self.mention(v)
            }
            2 => {
                let v = trs[self.rng.below(trs.len())];
                let get = if self.cfg.avoid.method_named_get {
                    "val"
                } else {
                    "get"
                };
                format!("{}.{get}()", self.mention(v))
            }
            3 => {
                let a = self.operand(d - 1);
                let locked = self.lock_operand(&a);
                let b = self.operand(d - 1);
                self.unlock_operand(locked);
                let op = self.rng.pick(&["+", "-"]);
                format!("{a} {op} {b}")
            }
            4 => {
                let a = self.int_expr(d - 1);
                let locked = self.lock_operand(&a);
                let b = self.int_expr(d - 1);
                self.unlock_operand(locked);
                format!("f2({a}, {b})")
            }
            5 => {
                let v = trs[self.rng.below(trs.len())];
                let name = self.mention(v);
                self.locks.push((v, Lock::Shared));
                let a = self.int_expr(d - 1);
                self.locks.pop();
                format!("peek(&{name}, {a})")
            }
            6 => {
                let v = muts[self.rng.below(muts.len())];
                let name = self.mention(v);
                self.locks.push((v, Lock::Exclusive));
                let a = self.int_expr(d - 1);
                self.locks.pop();
                format!("bump(&mut {name}, {a})")
            }
            7 => {
                let v = movable[self.rng.below(movable.len())];
                let name = self.mention(v);
                self.st[v] = St::Moved;
                format!("consume({name})")
            }
            8 => {
                let a = self.int_expr(d - 1);
                self.yield_value(a)
            }
            9 => {
                let s = self.site();
                self.temps.push(s);
                let a = self.int_expr(d - 1);
                format!("Tracked::new(&log, {s}, {a}).get()")
            }
            10 => {
                let s = self.site();
                self.temps.push(s);
                let a = self.int_expr(d - 1);
                format!("consume(Tracked::new(&log, {s}, {a}))")
            }
            11 => {
                let a = self.int_expr(d - 1);
                let e = match self.ret {
                    _ if self.cfg.asyncs => self.async_try(a),
                    RetTy::Opt => format!("opt({a})?"),
                    RetTy::Flow => format!("flow({a})?"),
                    _ => format!("res({a})?"),
                };
                if self.cfg.avoid.try_at_statement_start {
                    format!("({e})")
                } else {
                    e
                }
            }
            12 => {
                let a = self.int_expr(d - 1);
                let k = self.lit();
                format!("opt({a}).unwrap_or({k})")
            }
            13 => {
                let a = self.operand(d - 1);
                format!("{a} % 7")
            }
            14 => self.if_expr(d),
            15 => self.match_expr(d),
            16 => self.block_expr(d),
            17 => self.typed_read(d),
            18 => self.compound_expr(d),
            19 => self.yield_from_expr(d),
            20 => {
                self.unsafe_depth += 1;
                let b = self.block_expr(d);
                self.unsafe_depth -= 1;
                format!("unsafe {b}")
            }
            _ => self.slice_read(),
        }
    }

    /// An operand of a binary operator: block-like expressions get parentheses.
    fn operand(&mut self, d: usize) -> String {
        let e = self.int_expr(d);
        if e.starts_with("if ")
            || e.starts_with("match ")
            || e.starts_with('{')
            || e.starts_with("unsafe ")
            || e.starts_with('\'')
        {
            format!("({e})")
        } else {
            e
        }
    }

    /// A `bool` condition.
    fn cond(&mut self, d: usize) -> String {
        let w = [6, if d > 0 { 2 } else { 0 }, if d > 0 { 2 } else { 0 }, 1];
        match self.rng.weighted(&w) {
            0 => {
                let a = self.operand(d);
                let op = self.rng.pick(&[">", "<", "==", "!=", ">=", "<="]);
                let locked = self.lock_operand(&a);
                let b = if self.rng.chance(70) {
                    self.lit()
                } else {
                    self.operand(d.saturating_sub(1))
                };
                self.unlock_operand(locked);
                format!("{a} {op} {b}")
            }
            k @ (1 | 2) => {
                let a = self.cond(d - 1);
                let before = self.st.clone();
                let b = self.cond(d - 1);
                // The right operand runs conditionally.
                let after = self.st.clone();
                let joined = self.join_states(&[before, after]);
                self.set_state(joined);
                let op = if k == 1 { "&&" } else { "||" };
                format!("({a}) {op} ({b})")
            }
            _ => {
                let a = self.cond(d.saturating_sub(1));
                format!("!({a})")
            }
        }
    }

    fn if_expr(&mut self, d: usize) -> String {
        let c = self.cond(d - 1);
        let entry = self.st.clone();
        let a = self.branch_expr(d - 1);
        let s1 = self.st.clone();
        self.set_state(entry);
        let b = self.branch_expr(d - 1);
        let s2 = self.st.clone();
        let joined = self.join_states(&[s1, s2]);
        self.set_state(joined);
        format!("if {c} {{ {a} }} else {{ {b} }}")
    }

    /// The value of a branch: an expression, sometimes with statements before it.
    fn branch_expr(&mut self, d: usize) -> String {
        if self.rng.chance(25) && self.block_depth < self.cfg.max_block_depth {
            self.push_scope();
            self.block_depth += 1;
            let n = 1 + self.rng.below(2);
            let mut s = String::new();
            for _ in 0..n {
                s.push_str(&self.simple_stmt());
            }
            let e = self.int_expr(d);
            self.block_depth -= 1;
            self.pop_scope();
            format!("{{\n{s}{}{e} }}", self.pad())
        } else {
            self.int_expr(d)
        }
    }

    fn match_expr(&mut self, d: usize) -> String {
        let scrut = self.scrutinee(d - 1);
        let entry = self.st.clone();
        let mut states = Vec::new();
        let mut arms = Vec::new();
        let n = 1 + self.rng.below(3);
        for i in 0..=n {
            self.set_state(entry.clone());
            self.push_scope();
            let last = i == n;
            let pat = if last {
                if self.rng.chance(50) {
                    "_".to_string()
                } else {
                    self.bind("x", Ty::Int, false).1
                }
            } else {
                self.int_pattern()
            };
            let guard = if !last && self.rng.chance(30) {
                self.guard_for(&pat)
            } else {
                String::new()
            };
            let e = self.branch_expr(d - 1);
            self.pop_scope();
            states.push(self.st.clone());
            let braces = !e.starts_with('{') && self.rng.chance(self.cfg.mix.layout * 10);
            arms.push(if braces {
                let comma = if self.rng.chance(50) { "," } else { "" };
                format!("{pat}{guard} => {{ {e} }}{comma}")
            } else {
                format!("{pat}{guard} => {e},")
            });
        }
        let joined = self.join_states(&states);
        self.set_state(joined);
        format!("match {scrut} {{ {} }}", arms.join(" "))
    }

    /// A `match` scrutinee (without references while bug N is avoided).
    fn scrutinee(&mut self, d: usize) -> String {
        let avoid = usize::from(self.cfg.avoid.scrutinee_borrow);
        self.no_borrow += avoid;
        self.no_temp_borrow += 1;
        let e = self.operand(d);
        self.no_temp_borrow -= 1;
        self.no_borrow -= avoid;
        e
    }

    fn int_pattern(&mut self) -> String {
        match self.rng.below(4) {
            0 => format!("{}..={}", self.rng.range(-3, 2), self.rng.range(3, 6)),
            1 => format!("{} | {}", self.rng.range(-3, 2), self.rng.range(3, 9)),
            2 => self.bind("y", Ty::Int, false).1,
            _ => self.rng.range(-3, 9).to_string(),
        }
    }

    /// ` if cond`: a pure condition (no moves, yields, `?`, blocks).
    fn guard_for(&mut self, _pat: &str) -> String {
        self.pure += 1;
        let c = self.cond(1);
        self.pure -= 1;
        format!(" if {c}")
    }

    fn block_expr(&mut self, d: usize) -> String {
        self.push_scope();
        self.block_depth += 1;
        let ind = self.ind;
        self.ind += 1;
        let n = 1 + self.rng.below(2);
        let mut s = String::new();
        for _ in 0..n {
            let stmt = if self.rng.chance(70) {
                self.simple_stmt()
            } else {
                self.stmt()
            };
            s.push_str(&stmt);
        }
        let e = self.int_expr(d - 1);
        self.ind = ind;
        self.block_depth -= 1;
        self.pop_scope();
        format!("{{\n{s}{}    {e}\n{}}}", self.pad(), self.pad())
    }

    /// The function's return value for a `return` or the tail.
    fn ret_value(&mut self) -> String {
        if self.ret == RetTy::Opt && self.rng.chance(10) {
            return if self.cfg.asyncs { "Ok(())" } else { "None" }.to_string();
        }
        // Anything may be moved in a returned value, since no path goes on after it: so no
        // `break`/`continue` may leave it either.
        let floor = std::mem::replace(&mut self.move_floor, 0);
        self.no_jump += 1;
        let e = self.int_expr(self.cfg.max_expr_depth - 1);
        self.no_jump -= 1;
        self.move_floor = floor;
        match self.ret {
            _ if self.cfg.asyncs => format!("Err(Exit::Ret({e}))"),
            RetTy::Int => e,
            RetTy::Opt => format!("Some({e})"),
            RetTy::Res if self.rng.chance(10) => format!("Err({e})"),
            RetTy::Res => format!("Ok({e})"),
            RetTy::Flow if self.rng.chance(10) => format!("ControlFlow::Break({e})"),
            RetTy::Flow => format!("ControlFlow::Continue({e})"),
        }
    }

    // ----- statements --------------------------------------------------------------------------

    fn pad(&self) -> String {
        "    ".repeat(self.ind)
    }

    fn line(&self, s: &str) -> String {
        format!("{}{s}\n", self.pad())
    }

    fn expr_depth(&mut self) -> usize {
        1 + self.rng.below(self.cfg.max_expr_depth)
    }

    /// A statement without nested statements.
    fn simple_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let ints = self.assignable(Ty::Int);
        let trs = self.assignable(Ty::Tr);
        let movable = self.movable();
        let w = [
            5,                                      // 0 let int
            3,                                      // 1 let tracked
            2,                                      // 2 let guard
            1,                                      // 3 let _ = Tracked
            if ints.is_empty() { 0 } else { 4 },    // 4 int assignment
            if trs.is_empty() { 0 } else { 2 },     // 5 tracked assignment
            if movable.is_empty() { 0 } else { 2 }, // 6 move then reassign
            6,                                      // 7 yield statement
            3,                                      // 8 expression statement
        ];
        let d = self.expr_depth();
        match self.rng.weighted(&w) {
            0 => {
                let e = self.int_expr(d);
                let name = self.let_name(INT_NAMES);
                let name = name.as_str();
                let m = self.rng.chance(50);
                // A literal alone leaves the type to later uses, which may not fix it before a
                // closure needs it (`let e = 6; .. q.map_or(-1, |z| z + 1) > 0 .. q = Some(e)`:
                // E0271 in the plain fn too, seed 41211203): such a local is annotated.
                let literal = e
                    .chars()
                    .all(|c| c.is_ascii_digit() || " -+*/%()".contains(c));
                let annotate = self.rng.chance(30);
                let ty = if literal || annotate { ": i64" } else { "" };
                self.declare(name, Ty::Int, m, St::Yes);
                self.line(&format!(
                    "let {}{name}{ty} = {e};",
                    if m { "mut " } else { "" }
                ))
            }
            1 => {
                let s = self.site();
                let e = self.int_expr(d);
                let name = self.let_name(TR_NAMES);
                let name = name.as_str();
                let m = self.rng.chance(50);
                let v = self.declare(name, Ty::Tr, m, St::Yes);
                self.vars[v].sites.push(s);
                self.line(&format!(
                    "let {}{name} = Tracked::new(&log, {s}, {e});",
                    if m { "mut " } else { "" }
                ))
            }
            2 => self.guard_stmt(),
            3 => {
                let s = self.site();
                self.temps.push(s);
                let e = self.int_expr(d);
                self.line(&format!("let _ = Tracked::new(&log, {s}, {e});"))
            }
            4 => {
                let v = ints[self.rng.below(ints.len())];
                // An immutable (deferred) local must not be assigned inside its own value.
                let lock = !self.vars[v].mutable;
                if lock {
                    self.locks.push((v, Lock::Shared));
                }
                let e = self.int_expr(d);
                if lock {
                    self.locks.pop();
                }
                let name = self.mention(v);
                if self.st[v] == St::Yes && self.rng.chance(40) {
                    let op = self.rng.pick(&["+=", "-="]);
                    self.line(&format!("{name} {op} {e};"))
                } else {
                    self.st[v] = St::Yes;
                    self.line(&format!("{name} = {e};"))
                }
            }
            5 => {
                let v = trs[self.rng.below(trs.len())];
                let s = self.site();
                let lock = !self.vars[v].mutable;
                if lock {
                    self.locks.push((v, Lock::Shared));
                }
                let e = self.int_expr(d);
                if lock {
                    self.locks.pop();
                }
                let name = self.mention(v);
                self.vars[v].sites.push(s);
                self.st[v] = St::Yes;
                self.line(&format!("{name} = Tracked::new(&log, {s}, {e});"))
            }
            6 => {
                // Move (even a local of an outer loop) and reassign right away.
                let v = movable[self.rng.below(movable.len())];
                let all: Vec<usize> = self
                    .readable(Ty::Tr)
                    .into_iter()
                    .filter(|&x| self.vars[x].mutable && self.lock_of(x).is_none())
                    .collect();
                let v = if all.is_empty() {
                    v
                } else {
                    all[self.rng.below(all.len())]
                };
                if !self.vars[v].mutable {
                    return self.yield_stmt();
                }
                let name = self.mention(v);
                self.st[v] = St::Moved;
                // No jump may leave `v` moved at a loop's back edge.
                self.no_jump += 1;
                let e = self.int_expr(d);
                self.no_jump -= 1;
                let s = self.site();
                let e2 = self.int_expr(d);
                self.vars[v].sites.push(s);
                self.st[v] = St::Yes;
                let first = self.line(&format!("f2(consume({name}), {e});"));
                first + &self.line(&format!("{name} = Tracked::new(&log, {s}, {e2});"))
            }
            7 => self.yield_stmt(),
            _ => {
                let e = match self.rng.below(3) {
                    0 => {
                        let a = self.int_expr(d);
                        let locked = self.lock_operand(&a);
                        let b = self.int_expr(d);
                        self.unlock_operand(locked);
                        format!("f2({a}, {b})")
                    }
                    1 if !movable.is_empty() => {
                        let v = movable[self.rng.below(movable.len())];
                        let name = self.mention(v);
                        self.st[v] = St::Moved;
                        format!("consume({name})")
                    }
                    _ => {
                        let muts = self.mut_borrowable();
                        if muts.is_empty() {
                            let a = self.int_expr(d);
                            if self.yields_ok() {
                                self.yield_value(a)
                            } else {
                                format!("f2({a}, 1)")
                            }
                        } else {
                            let v = muts[self.rng.below(muts.len())];
                            let name = self.mention(v);
                            self.locks.push((v, Lock::Exclusive));
                            let a = self.int_expr(d);
                            self.locks.pop();
                            format!("bump(&mut {name}, {a})")
                        }
                    }
                };
                self.line(&format!("{e};"))
            }
        }
    }

    fn yield_stmt(&mut self) -> String {
        let d = self.expr_depth();
        let e = self.int_expr(d - 1);
        // Async mode: see `yield_value` (a `yield_from!` in a `yield_!`'s value, E0499).
        if self.yields_ok() && !(self.cfg.asyncs && e.contains("yield_")) {
            self.line(&format!("yield_!({e});"))
        } else {
            self.line(&format!("f2({e}, 0);"))
        }
    }

    fn guard_stmt(&mut self) -> String {
        let s = self.site();
        let k = self.rng.range(0, 9);
        let name = format!("_g{}", self.next_guard);
        self.next_guard += 1;
        let v = self.declare(&name, Ty::Tr, false, St::Yes);
        self.vars[v].guard = true;
        self.vars[v].sites.push(s);
        self.line(&format!("let {name} = Tracked::new(&log, {s}, {k});"))
    }

    /// Any statement, sometimes with an attribute.
    fn stmt(&mut self) -> String {
        if self.rng.chance(self.cfg.mix.attr) {
            return self.attr_stmt();
        }
        self.bare_stmt()
    }

    /// Any statement, without an attribute.
    fn bare_stmt(&mut self) -> String {
        let nest = self.block_depth < self.cfg.max_block_depth && self.budget > 2;
        let loops = nest && self.loop_depth < self.cfg.max_loop_depth;
        // A `return` is always possible, so a jump statement is too.
        let jumps = self.no_jump == 0;
        let w = [
            12,                        // 0 simple
            if nest { 3 } else { 0 },  // 1 if / if-else
            if nest { 2 } else { 0 },  // 2 if let
            if nest { 2 } else { 0 },  // 3 match
            if loops { 3 } else { 0 }, // 4 while
            if loops { 2 } else { 0 }, // 5 loop
            if loops { 2 } else { 0 }, // 6 for over a range
            if loops { 1 } else { 0 }, // 7 for over Tracked values
            if loops { 2 } else { 0 }, // 8 while let
            if nest { 1 } else { 0 },  // 9 labeled block
            if loops { 1 } else { 0 }, // 10 let v = loop { .. break v .. }
            if nest { 1 } else { 0 },  // 11 let v = 'b: { .. }
            if nest { 1 } else { 0 },  // 12 nested block
            if jumps { 3 } else { 0 }, // 13 if cond { ..; jump }
            if jumps && !(self.cfg.avoid.unsafe_let_else && self.unsafe_depth > 0) {
                1
            } else {
                0
            }, // 14 let-else
            if nest { 1 } else { 0 },  // 15 deferred initialization
            self.cfg.mix.typed,        // 16 Option/Vec/String/tuple/array locals
            self.cfg.mix.std_macros,   // 17 assert!/assert_eq!/write! holding a yield
            self.cfg.mix.items,        // 18 closure, nested fn, const
            if nest { self.cfg.mix.let_chains } else { 0 }, // 19 if-let chain
            self.cfg.mix.panics,       // 20 panic
            if loops && self.slice_arg { 2 } else { 0 }, // 21 for over the slice argument
            if nest { self.cfg.mix.unsafe_blocks } else { 0 }, // 22 unsafe block
            if nest { self.cfg.mix.layout } else { 0 }, // 23 if/match as expression statement
            if loops && self.cfg.asyncs && self.yields_ok() && self.in_macro == 0 {
                3
            } else {
                0
            }, // 24 for_await! (async mode)
        ];
        match self.rng.weighted(&w) {
            0 => self.simple_stmt(),
            1 => self.if_stmt(),
            2 => self.if_let_stmt(),
            3 => self.match_stmt(),
            4 => self.while_stmt(),
            5 => self.loop_stmt(),
            6 => self.for_range_stmt(),
            7 => self.for_vec_stmt(),
            8 => self.while_let_stmt(),
            9 => self.labeled_block_stmt(),
            10 => self.loop_value_stmt(),
            11 => self.labeled_value_stmt(),
            12 => {
                self.budget = self.budget.saturating_sub(1);
                let b = self.block(2);
                self.line(&b)
            }
            13 => self.jump_if_stmt(),
            14 => self.let_else_stmt(),
            15 => self.deferred_stmt(),
            16 => self.typed_stmt(),
            17 => self.std_macro_stmt(),
            18 => self.item_stmt(),
            19 => self.let_chain_stmt(),
            20 => self.panic_stmt(),
            21 => self.for_slice_stmt(),
            22 => {
                self.budget = self.budget.saturating_sub(1);
                self.unsafe_depth += 1;
                let b = self.block(2);
                self.unsafe_depth -= 1;
                self.line(&format!("unsafe {b}"))
            }
            24 => self.for_await_stmt(),
            _ => self.expr_stmt(),
        }
    }

    /// `{ stmts }` in a new scope (returned without leading indentation or trailing newline).
    fn block(&mut self, max: usize) -> String {
        self.push_scope();
        self.block_depth += 1;
        self.ind += 1;
        let mut s = String::from("{\n");
        if self.rng.chance(25) {
            s.push_str(&self.guard_stmt());
        }
        let n = 1 + self.rng.below(max);
        for _ in 0..n {
            if self.budget == 0 {
                break;
            }
            s.push_str(&self.stmt());
        }
        if self.no_jump == 0 && self.rng.chance(self.cfg.mix.tail_jump) {
            s.push_str(&self.tail_jump());
        }
        self.ind -= 1;
        self.block_depth -= 1;
        self.pop_scope();
        s.push_str(&self.pad());
        s.push('}');
        s
    }

    fn if_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let d = self.expr_depth();
        let c = self.cond(d - 1);
        let entry = self.st.clone();
        let a = self.block(3);
        let s1 = self.st.clone();
        self.set_state(entry.clone());
        if self.rng.chance(50) {
            let b = self.block(3);
            let s2 = self.st.clone();
            let joined = self.join_states(&[s1, s2]);
            self.set_state(joined);
            self.line(&format!("if {c} {a} else {b}"))
        } else {
            let joined = self.join_states(&[s1, entry]);
            self.set_state(joined);
            self.line(&format!("if {c} {a}"))
        }
    }

    fn if_let_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let d = self.expr_depth();
        let tracked = self.rng.chance(50);
        let site = self.site();
        self.no_temp_borrow += 1;
        let scrut = self.int_expr(d - 1);
        self.no_temp_borrow -= 1;
        let entry = self.st.clone();
        self.push_scope();
        let (pat, init) = if tracked {
            let m = self.rng.chance(30);
            let (v, name) = self.bind("s", Ty::Tr, m);
            self.vars[v].sites.push(site);
            let m = if m { "mut " } else { "" };
            (
                format!("Some({m}{name})"),
                format!("opt_t(&log, {site}, {scrut})"),
            )
        } else {
            let (_, name) = self.bind("x", Ty::Int, false);
            (format!("Some({name})"), format!("opt({scrut})"))
        };
        let a = self.block(3);
        self.pop_scope();
        let s1 = self.st.clone();
        self.set_state(entry);
        let b = self.block(2);
        let s2 = self.st.clone();
        let joined = self.join_states(&[s1, s2]);
        self.set_state(joined);
        self.line(&format!("if let {pat} = {init} {a} else {b}"))
    }

    fn match_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let d = self.expr_depth();
        if self.rng.chance(30) && !self.cfg.avoid.scrutinee_borrow {
            // A match binding a Tracked.
            let site = self.site();
            self.no_temp_borrow += 1;
            let scrut = self.int_expr(d - 1);
            self.no_temp_borrow -= 1;
            let entry = self.st.clone();
            self.push_scope();
            let (v, name) = self.bind("s", Ty::Tr, false);
            self.vars[v].sites.push(site);
            let a = self.block(2);
            self.pop_scope();
            let s1 = self.st.clone();
            self.set_state(entry);
            let b = self.block(2);
            let s2 = self.st.clone();
            let joined = self.join_states(&[s1, s2]);
            self.set_state(joined);
            return self.line(&format!(
                "match opt_t(&log, {site}, {scrut}) {{ Some({name}) => {a} None => {b} }}"
            ));
        }
        let scrut = self.scrutinee(d - 1);
        let entry = self.st.clone();
        let mut states = Vec::new();
        let mut arms = String::new();
        let n = 1 + self.rng.below(3);
        self.ind += 1;
        for i in 0..=n {
            self.set_state(entry.clone());
            self.push_scope();
            let last = i == n;
            let pat = if last {
                if self.rng.chance(50) {
                    "_".to_string()
                } else {
                    self.bind("x", Ty::Int, false).1
                }
            } else {
                self.int_pattern()
            };
            let guard = if !last && self.rng.chance(30) {
                self.guard_for(&pat)
            } else {
                String::new()
            };
            let b = self.arm_body();
            self.pop_scope();
            states.push(self.st.clone());
            arms.push_str(&self.line(&format!("{pat}{guard} => {b}")));
        }
        self.ind -= 1;
        let joined = self.join_states(&states);
        self.set_state(joined);
        format!("{}match {scrut} {{\n{arms}{}}}\n", self.pad(), self.pad())
    }

    fn label(&mut self) -> String {
        let l = format!("'l{}", self.next_label);
        self.next_label += 1;
        l
    }

    fn counter(&mut self) -> (usize, String) {
        let name = format!("n{}", self.next_counter);
        self.next_counter += 1;
        let v = self.declare(&name, Ty::Int, true, St::Yes);
        self.vars[v].counter = true;
        self.vars[v].mentioned = true;
        (v, name)
    }

    /// Runs `f` as a loop body: a frame, one more loop level; returns (f's result, exit state).
    fn in_loop<T>(
        &mut self,
        label: Option<String>,
        value: bool,
        f: impl FnOnce(&mut Self) -> T,
    ) -> (T, Vec<St>) {
        let entry = self.st.clone();
        self.frames.push(Frame {
            is_loop: true,
            label,
            outer_depth: self.loop_depth,
            value,
            exits: Vec::new(),
            backs: Vec::new(),
            barrier: false,
            scope_len: self.scopes.len(),
            no_continue: false,
        });
        self.loop_depth += 1;
        let floor = std::mem::replace(&mut self.move_floor, self.loop_depth);
        let r = f(self);
        self.move_floor = floor;
        self.loop_depth -= 1;
        let frame = self.frames.pop().expect("frame");
        let mut states = vec![entry, self.st.clone()];
        states.extend(frame.backs);
        states.extend(frame.exits);
        (r, self.join_states(&states))
    }

    fn maybe_label(&mut self) -> Option<String> {
        self.rng.chance(40).then(|| self.label())
    }

    fn labeled(label: Option<&String>) -> String {
        label.map(|l| format!("{l}: ")).unwrap_or_default()
    }

    fn while_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let (_, n) = self.counter();
        let k = self.rng.range(1, 3);
        let label = self.maybe_label();
        let head = Self::labeled(label.as_ref());
        let extra = self.rng.chance(40);
        let ((c, body), exit) = self.in_loop(label, false, |this| {
            let c = if extra {
                this.no_jump += 1;
                let c = this.cond(1);
                this.no_jump -= 1;
                format!(" && ({c})")
            } else {
                String::new()
            };
            let body = this.loop_body(&format!("{n} += 1;"));
            (c, body)
        });
        self.set_state(exit);
        let first = self.line(&format!("let mut {n} = 0;"));
        first + &self.line(&format!("{head}while {n} < {k}{c} {body}"))
    }

    /// A loop body block starting with `first` (the counter step), in a new scope.
    fn loop_body(&mut self, first: &str) -> String {
        self.push_scope();
        self.block_depth += 1;
        self.ind += 1;
        let mut s = String::from("{\n");
        s.push_str(&self.line(first));
        if self.rng.chance(20) {
            s.push_str(&self.guard_stmt());
        }
        let n = 1 + self.rng.below(3);
        for _ in 0..n {
            if self.budget == 0 {
                break;
            }
            s.push_str(&self.stmt());
        }
        if self.no_jump == 0 && self.rng.chance(self.cfg.mix.tail_jump) {
            s.push_str(&self.tail_jump());
        }
        self.ind -= 1;
        self.block_depth -= 1;
        self.pop_scope();
        s.push_str(&self.pad());
        s.push('}');
        s
    }

    fn loop_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let (_, n) = self.counter();
        let k = self.rng.range(1, 3);
        let label = self.maybe_label();
        let head = Self::labeled(label.as_ref());
        let (body, exit) = self.in_loop(label, false, |this| {
            this.loop_body(&format!("{n} += 1; if {n} > {k} {{ break; }}"))
        });
        self.set_state(exit);
        let first = self.line(&format!("let mut {n} = 0;"));
        first + &self.line(&format!("{head}loop {body}"))
    }

    fn for_range_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let end = if self.rng.chance(40) {
            self.no_jump += 1;
            let e = self.operand(1);
            self.no_jump -= 1;
            format!("({e}) % 4")
        } else {
            self.rng.range(0, 3).to_string()
        };
        let label = self.maybe_label();
        let head = Self::labeled(label.as_ref());
        let named = self.rng.chance(70);
        let ((pat, body), exit) = self.in_loop(label, false, |this| {
            this.push_scope();
            let pat = if named {
                this.bind("i", Ty::Int, false).1
            } else {
                "_".to_string()
            };
            let b = this.loop_body("");
            this.pop_scope();
            (pat, b)
        });
        self.set_state(exit);
        self.line(&format!("{head}for {pat} in 0..{end} {body}"))
    }

    fn for_vec_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let site = self.site();
        self.no_jump += 1;
        let e = self.int_expr(1);
        self.no_jump -= 1;
        let label = self.maybe_label();
        let head = Self::labeled(label.as_ref());
        let m = self.rng.chance(30);
        let ((pat, body), exit) = self.in_loop(label, false, |this| {
            this.push_scope();
            // No site for `s`: the values not yet bound are owned by the loop's iterator, which
            // is an ordinary (mentioned) local, so they are never guards.
            let (_, name) = this.bind("s", Ty::Tr, m);
            let b = this.loop_body("");
            this.pop_scope();
            (if m { format!("mut {name}") } else { name }, b)
        });
        self.set_state(exit);
        self.line(&format!(
            "{head}for {pat} in make_vec(&log, {site}, {e}) {body}"
        ))
    }

    fn while_let_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let (ctr, n) = self.counter();
        let label = self.maybe_label();
        let head = Self::labeled(label.as_ref());
        let dynamic = self.rng.chance(40);
        let k_static = self.rng.range(1, 3);
        let ((k, body), exit) = self.in_loop(label, false, |this| {
            let k = if dynamic {
                // `below(&mut n, k)`: `k` must not read `n`.
                this.locks.push((ctr, Lock::Exclusive));
                this.no_jump += 1;
                let e = this.operand(1);
                this.no_jump -= 1;
                this.locks.pop();
                format!("i64::rem_euclid({e}, 3) + 1")
            } else {
                k_static.to_string()
            };
            this.push_scope();
            let (_, x) = this.bind("x", Ty::Int, false);
            let b = this.loop_body("");
            this.pop_scope();
            (k, (x, b))
        });
        let (x, body) = body;
        self.set_state(exit);
        let first = self.line(&format!("let mut {n} = 0;"));
        first
            + &self.line(&format!(
                "{head}while let Some({x}) = below(&mut {n}, {k}) {body}"
            ))
    }

    fn labeled_block_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let label = self.label();
        self.frames.push(Frame {
            is_loop: false,
            label: Some(label.clone()),
            outer_depth: self.loop_depth,
            value: false,
            exits: Vec::new(),
            backs: Vec::new(),
            barrier: false,
            scope_len: self.scopes.len(),
            no_continue: false,
        });
        let b = self.block(3);
        let frame = self.frames.pop().expect("frame");
        let mut states = vec![self.st.clone()];
        states.extend(frame.exits);
        let joined = self.join_states(&states);
        self.set_state(joined);
        self.line(&format!("{label}: {b}"))
    }

    fn loop_value_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let (_, n) = self.counter();
        let k = self.rng.range(1, 3);
        let label = self.maybe_label();
        let head = Self::labeled(label.as_ref());
        let (body, exit) = self.in_loop(label, true, |this| {
            this.push_scope();
            // The exit value is written first but runs only when the loop exits: what it
            // assigns or moves holds on the exit path, not in the body.
            let before = this.st.clone();
            this.frames.last_mut().expect("loop frame").no_continue = true;
            let v = this.int_expr(1);
            let frame = this.frames.last_mut().expect("loop frame");
            frame.no_continue = false;
            frame.exits.push(this.st.clone());
            this.set_state(before);
            this.pop_scope();
            let first = format!("{n} += 1; if {n} > {k} {{ break {v}; }}");
            this.loop_body(&first)
        });
        self.set_state(exit);
        let name = self.let_name(INT_NAMES);
        self.declare(&name, Ty::Int, false, St::Yes);
        let first = self.line(&format!("let mut {n} = 0;"));
        first + &self.line(&format!("let {name} = {head}loop {body};"))
    }

    fn labeled_value_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let label = self.label();
        self.frames.push(Frame {
            is_loop: false,
            label: Some(label.clone()),
            outer_depth: self.loop_depth,
            value: true,
            exits: Vec::new(),
            backs: Vec::new(),
            barrier: false,
            scope_len: self.scopes.len(),
            no_continue: false,
        });
        self.push_scope();
        self.block_depth += 1;
        self.ind += 1;
        let mut s = String::from("{\n");
        let n = 1 + self.rng.below(3);
        for _ in 0..n {
            if self.budget == 0 {
                break;
            }
            s.push_str(&self.stmt());
        }
        let d = self.expr_depth();
        let tail = self.int_expr(d - 1);
        s.push_str(&self.line(&tail));
        self.ind -= 1;
        self.block_depth -= 1;
        self.pop_scope();
        s.push_str(&self.pad());
        s.push('}');
        let frame = self.frames.pop().expect("frame");
        let mut states = vec![self.st.clone()];
        states.extend(frame.exits);
        let joined = self.join_states(&states);
        self.set_state(joined);
        let name = self.let_name(INT_NAMES);
        self.declare(&name, Ty::Int, false, St::Yes);
        self.line(&format!("let {name} = {label}: {s};"))
    }

    /// Frames a jump may target from here: (frame index, needs label).
    fn jump_targets(&self) -> Vec<(usize, bool)> {
        if self.no_jump > 0 {
            return Vec::new();
        }
        if self.cfg.avoid.shadow_then_jump {
            let mut names = HashSet::new();
            if !self
                .scopes
                .iter()
                .flatten()
                .all(|&v| names.insert(self.vars[v].name.as_str()))
            {
                return Vec::new();
            }
        }
        // Frames outside the innermost `for_await!` body are out of reach.
        let reach = self.frames.iter().rposition(|f| f.barrier).unwrap_or(0);
        let innermost_loop = self.frames.iter().rposition(|f| f.is_loop);
        let unlabeled_ok =
            innermost_loop.is_some_and(|i| self.frames[i + 1..].iter().all(|f| f.is_loop));
        let mut out = Vec::new();
        for (i, f) in self.frames.iter().enumerate().skip(reach) {
            if self.cfg.avoid.inlined_jump_drops
                && self.scopes[f.scope_len.min(self.scopes.len())..]
                    .iter()
                    .flatten()
                    .any(|&v| self.vars[v].ty == Ty::Tr)
            {
                continue;
            }
            if f.label.is_some() {
                out.push((i, true));
            } else if Some(i) == innermost_loop && unlabeled_ok {
                out.push((i, false));
            }
        }
        out
    }

    /// `if cond { stmts; jump }` where the jump is `break`, `continue` or `return`; the
    /// statements before it may move locals that the jump leaves behind.
    fn jump_if_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let d = self.expr_depth();
        let c = self.cond(d - 1);
        let entry = self.st.clone();
        let (kind, frame, labeled) = self.pick_jump();
        let floor = match kind {
            0 => 0,
            1 => self.frames[frame].outer_depth,
            _ => self.frames[frame].outer_depth + 1,
        };
        self.push_scope();
        self.ind += 1;
        let new_floor = floor.min(self.move_floor);
        let saved_floor = std::mem::replace(&mut self.move_floor, new_floor);
        let mut s = String::from("{\n");
        let n = self.rng.below(3);
        // Locals moved here (below the usual floor) must not see another jump first.
        self.no_jump += 1;
        for _ in 0..n {
            s.push_str(&self.simple_stmt());
        }
        self.no_jump -= 1;
        // The statements may have declared locals that rule the jump out (bug K, I): return.
        let kind = if kind != 0 && !self.jump_targets().iter().any(|&(f, _)| f == frame) {
            0
        } else {
            kind
        };
        let jump = self.jump_text(kind, frame, labeled);
        let semi = self.semi();
        s.push_str(&self.line(&format!("{jump}{semi}")));
        self.move_floor = saved_floor;
        self.ind -= 1;
        self.pop_scope();
        s.push_str(&self.pad());
        s.push('}');
        // Only the path that skips the jump continues.
        self.set_state(entry);
        self.line(&format!("if {c} {s}"))
    }

    fn let_else_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let d = self.expr_depth();
        let scrut = self.int_expr(d - 1);
        let targets = self.jump_targets();
        let after_scrutinee = self.st.clone();
        let jump = if targets.is_empty() || self.rng.chance(40) {
            let v = self.ret_value();
            format!("return {v};")
        } else {
            let (frame, labeled) = targets[self.rng.below(targets.len())];
            let label = if labeled {
                format!(" {}", self.frames[frame].label.clone().expect("label"))
            } else {
                String::new()
            };
            let st = self.st.clone();
            if self.frames[frame].is_loop && !self.frames[frame].no_continue && self.rng.chance(40)
            {
                self.frames[frame].backs.push(st);
                format!("continue{label};")
            } else {
                let value = if self.frames[frame].value {
                    format!(" {}", self.lit())
                } else {
                    String::new()
                };
                self.frames[frame].exits.push(st);
                format!("break{label}{value};")
            }
        };
        // Only the path that does not take the `else` continues.
        self.set_state(after_scrutinee);
        let name = self.let_name(INT_NAMES);
        self.declare(&name, Ty::Int, false, St::Yes);
        let semi = self.semi();
        let jump = jump.trim_end_matches(';');
        self.line(&format!(
            "let Some({name}) = opt({scrut}) else {{ {jump}{semi} }};"
        ))
    }

    /// `let x;` then an `if`/`else` that initializes it in both branches.
    fn deferred_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let tracked = self.rng.chance(40);
        let (name, annotated) = if tracked {
            (self.let_name(TR_NAMES), ": Tracked")
        } else {
            (self.let_name(INT_NAMES), ": i64")
        };
        let name = name.as_str();
        let shadows = self.visible().iter().any(|&v| self.vars[v].name == name);
        let ty = if self.rng.chance(50) || (shadows && self.cfg.avoid.shadowing_uninit_let) {
            annotated
        } else {
            ""
        };
        let d = self.expr_depth();
        let avoid_c = self.cfg.avoid.uninit_assign_after_split;
        // Declared first: the condition comes after the `let` in the text.
        let v = self.declare(name, if tracked { Ty::Tr } else { Ty::Int }, false, St::No);
        // Assigned below: a mention (and a `let` without value is never a guard).
        self.vars[v].mentioned = true;
        self.no_yield += usize::from(avoid_c);
        let c = self.cond(d - 1);
        self.no_yield -= usize::from(avoid_c);
        let decl = self.line(&format!("let {name}{ty};"));
        let entry = self.st.clone();
        let mut branches = Vec::new();
        let mut states = Vec::new();
        for _ in 0..2 {
            self.set_state(entry.clone());
            self.push_scope();
            self.block_depth += 1;
            self.ind += 1;
            let mut s = String::from("{\n");
            let mut inner = String::new();
            self.push_scope();
            for _ in 0..self.rng.below(3) {
                inner.push_str(&self.simple_stmt());
            }
            self.pop_scope();
            if !inner.is_empty() {
                // The statements' scope ends before the assignment (their `let`s may shadow).
                s.push_str(&self.line(&format!("{{\n{inner}{}}}", self.pad())));
            }
            // The deferred local may have been assigned by the statements above.
            if self.st[v] == St::No {
                self.locks.push((v, Lock::Shared));
                let e = self.int_expr(1);
                self.locks.pop();
                let value = if tracked {
                    let site = self.site();
                    self.vars[v].sites.push(site);
                    format!("Tracked::new(&log, {site}, {e})")
                } else {
                    e
                };
                s.push_str(&self.line(&format!("{name} = {value};")));
                self.st[v] = St::Yes;
            }
            self.ind -= 1;
            self.block_depth -= 1;
            self.pop_scope();
            s.push_str(&self.pad());
            s.push('}');
            branches.push(s);
            states.push(self.st.clone());
        }
        let joined = self.join_states(&states);
        self.set_state(joined);
        decl + &self.line(&format!("if {c} {} else {}", branches[0], branches[1]))
    }
}
