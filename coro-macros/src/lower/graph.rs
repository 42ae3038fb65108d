//! The lowering's output: a graph of blocks (one per arm of the step closure), the jumps
//! between them with what they save, and the locals, aliases and declarations the emitter
//! resolves placeholders against.

use proc_macro2::{Ident, Span, TokenStream};
use std::collections::{HashMap, HashSet};

use super::borrows;

pub type LocalId = usize;
pub type BlockId = usize;
pub type JumpId = usize;
pub type SeqId = usize;

/// A local of the generator body: a user binding, a parameter, or a temporary of the lowering.
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent facts about one local"
)]
pub struct Local {
    /// The name user code uses (the user's ident, span included), or a hidden name for temps.
    pub name: Ident,
    /// `name` as text, for comparisons: inside rustc, each `Ident::to_string` is a call through
    /// the proc-macro bridge, and comparing names that way was a quarter of a 2,000-statement
    /// body's whole `cargo check` (scope lookups and shadowing, per block).
    pub key: String,
    /// A mixed-site name for when the local is shadowed in an arm, and for its enum field.
    pub hidden: Ident,
    /// The enum's type parameter for this local.
    pub ty_param: Ident,
    /// The user's annotation (`let x: T`, a single binding), as written.
    pub annotation: Option<syn::Type>,
    /// The annotation, when the state enum can name it: the field's type, instead of
    /// `ty_param` (set by `state_types::resolve`).
    pub state_ty: Option<TokenStream>,
    pub mutable: bool,
    /// Mentioned after its declaration. A local never mentioned (an RAII guard) cannot have been
    /// moved, so it is kept to the end of its scope as in plain Rust.
    pub mentioned: bool,
    /// Kept alive to its scope's end regardless of mentions (e.g. a `_` parameter).
    pub pinned_guard: bool,
    /// Read after its declaration (a mention that is not a whole assignment).
    pub read: bool,
    /// The block whose code declares it.
    pub decl_block: BlockId,
    /// Certainly an owned value (so borrowing methods on it borrow the local itself).
    pub owned: bool,
    /// Initialized where it is declared (a `let` with a value, a pattern binding, a parameter):
    /// only such a local can be a guard.
    pub guard_eligible: bool,
}

impl Local {
    pub fn is_guard(&self) -> bool {
        self.pinned_guard || (self.guard_eligible && !self.mentioned)
    }

    /// Initialized where declared and only ever assigned, never read: it cannot have been moved,
    /// so it can be kept to its scope's end (its old value then drops at each assignment, as in
    /// plain Rust), and its type is inferred from every assignment together, through the state
    /// (`let mut q = None; .. q = Some(yield_!(1));` would otherwise leave `None` untyped).
    pub fn is_write_only(&self) -> bool {
        self.guard_eligible && self.mentioned && !self.read
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Start,
    Resume(usize),
    Internal,
}

/// A basic block: the code of one arm.
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent facts about one block"
)]
pub struct Block {
    pub kind: BlockKind,
    /// Locals in scope when the block is entered, outermost first.
    pub entry_scope: Vec<LocalId>,
    /// Locals in scope and visible by name at entry (the innermost of each name).
    pub entry_visible: Vec<bool>,
    pub root: SeqId,
    /// Mentions, kills and jumps in code order, for liveness.
    pub events: Vec<Event>,
    /// The sequence each event belongs to (branches of a lowered `if`/`match` are sequences of
    /// their own, so liveness can follow each path).
    pub event_seqs: Vec<SeqId>,
    /// Locals the block's code assigns as a whole (on any path): a value they held before
    /// would be dropped here.
    pub kills: Vec<LocalId>,
    /// Position in source order, for emitting arms so rustc infers types front to back.
    pub order: usize,
    /// Whether the block was ever entered (created blocks that nothing reaches are not emitted).
    pub started: bool,
    /// Its code holds a closure, an async block or a block form: it must not be copied (run in place of a
    /// goto), as each copy would be a type of its own ("expected closure, found a different
    /// closure" where one local holds it across a suspension).
    pub has_closure: bool,
    /// Only dead code reaches it: code after an expression that always diverges, which plain
    /// Rust still type-checks (see `dead.rs`).
    pub dead: bool,
    /// The lowering put statements of the user's into it.
    pub user_code: bool,
    /// Dead, and no jump reaches it: where code after a diverging expression starts. Emitted
    /// (as an arm whose variant is never built) when it leads to user code (see `dead.rs`).
    pub cut_root: bool,
    /// The user's diverging statement in live code right before this block, when the block
    /// holds what follows it (`return; let x = 1;`): where rustc's `unreachable_code` lint
    /// points, as in a plain fn.
    pub cut_by: Option<proc_macro2::Span>,
}

#[derive(Clone, Copy)]
pub enum Event {
    Mention(LocalId),
    /// A whole assignment on the sequence's own path.
    Kill(LocalId),
    /// A whole assignment on some paths of plain code, after any read: neither a use nor a kill
    /// for liveness, but the local must be declared in the arm.
    Write(LocalId),
    /// The local is dead here because the construct that follows assigns it on every path
    /// (`if c { x = 1 } else { x = 2 }`); not itself a use of the local.
    Dead(LocalId),
    /// Named only by unreachable plain code (after a `return` in a `while` body): neither a use
    /// nor a kill, but the arm must bind the name, or it would resolve to the fn's argument
    /// (captured by the step closure after its move into the state) or to nothing (difftest AR).
    Declare(LocalId),
    Jump(JumpId),
}

pub enum JumpKind {
    Goto,
    Yield {
        value: TokenStream,
        value_span: Span,
    },
    /// An `#[async_gen]` body's awaited future is not ready: save the state at the `.await`
    /// (the jump's own block) and return `Pending`.
    Pending,
}

impl JumpKind {
    /// The step returns here, so a borrow of a temporary cannot be kept across the jump.
    pub fn suspends(&self) -> bool {
        matches!(self, JumpKind::Yield { .. } | JumpKind::Pending)
    }
}

/// A transfer of control to another block, through the state enum.
pub struct Jump {
    pub from: BlockId,
    pub target: BlockId,
    pub kind: JumpKind,
    /// How each local in scope at the jump site is named there.
    pub names: HashMap<LocalId, Ident>,
    /// Locals the jump itself binds (a loop's `break` value): (local, value expression).
    pub defines: Vec<(LocalId, TokenStream)>,
    /// Locals the plain code around a jump out of it assigned on every path to the jump: the
    /// target gets their new values, so they are not live before that code on its account.
    pub assigned_before: Vec<LocalId>,
    /// Filled by liveness: the locals the target needs, innermost-declared first.
    pub save: Vec<LocalId>,
    /// The target's code may run in place of the jump: false where values the lowering does
    /// not track may be alive at the jump (locals of plain code, a `match` scrutinee's
    /// temporaries), which must drop at the jump.
    pub inline_ok: bool,
    /// The goto a sequence falls through to at its end: when the user's code before it
    /// diverges (a call returning `!`), this generated statement is what rustc finds
    /// unreachable, so it carries its own `allow(unreachable_code)`.
    pub fallthrough: bool,
}

/// A shadowing `let`: the shadowed local moves to its hidden name if a later jump in the same
/// arm needs it (known only after liveness).
pub struct Alias {
    pub local: LocalId,
    pub block: BlockId,
    /// Jumps with an id in `first_jump..end_jump`, from the same block, come after the alias
    /// and inside the scope of the shadowing `let` (other branches do not see the alias).
    pub first_jump: JumpId,
    pub end_jump: JumpId,
    pub user_name: Ident,
}

/// A `let` without initializer: emitted only if its block uses the local (otherwise rustc could
/// not infer the type of a declaration that the block never assigns).
pub struct Decl {
    pub tokens: TokenStream,
    pub locals: Vec<LocalId>,
    pub block: BlockId,
}

/// Where a `let` or a pattern binds a local: the dead arms that restore it tie its type here
/// (placeholder `__coro_ph_T<n>`, see `dead.rs`).
pub struct TieSite {
    pub local: LocalId,
    /// What the code calls it there.
    pub name: Ident,
    /// The deferred declaration (`let x;`) that binds it, emitted only if its block uses it.
    pub decl: Option<usize>,
}

/// A `yield_!`/`yield_from!` site.
pub struct Point {
    pub source: String,
    pub line: usize,
    pub column: usize,
    /// An `.await` (whose state takes no sent value), not a `yield_!`.
    pub is_await: bool,
}

/// A break/continue target of a lowered loop or labeled block.
pub struct Leap {
    pub label: Option<String>,
    pub is_loop: bool,
    pub break_target: BlockId,
    pub continue_target: Option<BlockId>,
    pub value: Option<LocalId>,
}

/// Everything the emitter needs.
pub struct Graph {
    pub locals: Vec<Local>,
    pub blocks: Vec<Block>,
    pub jumps: Vec<Jump>,
    pub seqs: Vec<Vec<TokenStream>>,
    /// The sequence each sequence branches off from (`None` for a block's root).
    pub seq_parent: Vec<Option<SeqId>>,
    pub aliases: Vec<Alias>,
    /// Locals declared by a `let` followed by a slot for their alias (`__coro_ph_P<local>`).
    pub alias_slots: HashSet<LocalId>,
    pub decls: Vec<Decl>,
    /// Where locals are bound, for the types of dead arms (see `dead.rs`).
    pub tie_sites: Vec<TieSite>,
    /// Which syntax node bound which local, for the typing prologue (see `typing.rs`).
    pub typing: super::typing::TypingMarks,
    /// The `mut` locals of each `let` that declares some (`__coro_ph_M<n>` before the `let`).
    pub mut_lets: Vec<Vec<LocalId>>,
    /// The type witness of each initialized `mut` local a `let` declares (see `witness.rs`).
    pub witnesses: Vec<super::witness::Witness>,
    /// Locals holding a value lent by a borrowed resume type, with where it was received.
    pub lent: Vec<(LocalId, proc_macro2::Span)>,
    /// Locals a `let` made a reference to a temporary value (see `temporaries.rs`).
    pub temporary_borrows: Vec<(LocalId, TokenStream)>,
    /// `for` loops over a field of a local: (local, block of the loop, the field expression).
    pub field_moves: Vec<(LocalId, BlockId, TokenStream)>,
    pub borrows: Vec<borrows::Borrow>,
    pub points: Vec<Point>,
    /// Items and `use`s found in lowered code, hoisted so every arm sees them.
    pub items: Vec<TokenStream>,
    /// Parameters in the order they sit in the `Start` variant.
    pub params: Vec<LocalId>,
    /// Filled by liveness: each block's restored locals, innermost-declared first.
    pub live_in: Vec<Vec<LocalId>>,
    /// `.await`s lowered so far: the next one's leaf in the `Awaiting` tree.
    pub awaits_lowered: usize,
}

/// How the lowering refers to generated names and user types.
pub struct Context {
    pub krate: TokenStream,
    pub state: Ident,
    pub resume: Ident,
    pub dispatch: syn::Lifetime,
    pub enum_name: Ident,
    pub resume_is_unit: bool,
    /// The yield type, for `let __y: Y = ...` (None if it cannot be written in a `let`).
    pub yield_ty: Option<TokenStream>,
    /// The return type, likewise.
    pub return_ty: Option<TokenStream>,
    /// The resume type (`()` when omitted).
    pub resume_ty: TokenStream,
    /// `throw = E`: resumptions carry `Result<R, E>`.
    pub throw_ty: Option<TokenStream>,
    /// `yield` was omitted: the generator is a sink and yields `()`.
    pub sink: bool,
    /// The fn declares no return type (so a thrown error has nowhere to go).
    pub returns_unit: bool,
    /// `resume = &T` / `&mut T` with an elided lifetime: `(is_mut, T)`; each sent value is a
    /// borrow for one resumption.
    pub lent: Option<(bool, TokenStream)>,
    /// An `#[async_gen]` body on the enum path: its `.await`s are suspension points.
    pub awaits: Option<Awaits>,
}

/// How an `#[async_gen]` body's awaits reach their pinned futures and the task context.
pub struct Awaits {
    /// The step's `Pin<&mut Awaiting<..>>` parameter.
    pub slot: Ident,
    /// The step's `&mut Context<'_>` parameter.
    pub cx: Ident,
    /// Places per level of the parked-values tree (see `async_gen/marks.rs`).
    pub levels: Vec<usize>,
    /// The stream of each `for_await!` (by level and place), for `Debug`.
    pub next_sources: Vec<((usize, usize), String)>,
    /// The fn returns `Result<(), E>`: `yield_!(y)` yields `Ok(y)`.
    pub result: bool,
    /// `resume = R`: an `AsyncGenerator<R>` rather than a stream.
    pub generator: bool,
}

impl Graph {
    /// The locals block `b` restores at its entry.
    pub fn restored(&self, b: BlockId) -> &[LocalId] {
        if b == 0 {
            &self.params
        } else {
            &self.live_in[b]
        }
    }

    /// Locals an arm declares at its entry: assigned in it, or marked dead before a construct
    /// whose branches (in this arm) assign them, and not restored.
    pub fn entry_declared(&self, b: BlockId) -> Vec<LocalId> {
        let block = &self.blocks[b];
        let restored = self.restored(b);
        let mut declared: Vec<LocalId> = Vec::new();
        for ev in &block.events {
            let l = match *ev {
                Event::Kill(l) | Event::Write(l) | Event::Declare(l) => l,
                Event::Dead(l)
                    if block
                        .events
                        .iter()
                        .any(|e| matches!(e, Event::Mention(m) if *m == l)) =>
                {
                    l
                }
                _ => continue,
            };
            if block.entry_scope.contains(&l) && !restored.contains(&l) && !declared.contains(&l) {
                declared.push(l);
            }
        }
        declared
    }
}
