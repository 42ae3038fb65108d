//! Typing marks: which of the user's syntax nodes bound which locals, for the typing prologue
//! (`emit/typing.rs`), and whether a body can have one.
//!
//! Why: the state enum has one type parameter per local stored at an unnamed type, and every
//! path to a variant instantiates all of them; rustc keeps what each instantiation leaves open
//! pending until the local's type is known, and rescans it at every step of checking what
//! follows. Tied first, in a prologue rustc checks before the arms, they are known at every path
//! (the compile curve's body of 1,000 statements: over 60 s to check without, 2.6 s with). Which
//! locals are never tied: `taint.rs`.
//!
//! Input:  the lowering's bindings, each with the node it came from (`let`, pattern, `for`,
//!         hoisted operand), by the node's address in the body the lowering read.
//! Output: [`TypingMarks`], read by the prologue's rewrite of that same body (nothing moves it
//!         in between, so the addresses still name the nodes).

use std::collections::HashMap;

use syn::visit::Visit;

use super::{Context, LocalId, Lowerer};

/// Address of a syntax node of the body (an identity, never dereferenced).
pub fn addr<T>(node: &T) -> usize {
    std::ptr::from_ref(node) as usize
}

/// Locals bound by each node, by the node's address.
#[derive(Default)]
pub struct TypingMarks {
    /// `let` statements with a value, or annotated (`syn::Local`).
    pub lets: HashMap<usize, Vec<LocalId>>,
    /// Patterns of `for`, `match` arms and `let` conditions (`syn::Pat`).
    pub pats: HashMap<usize, Vec<LocalId>>,
    /// `for` loops (`syn::ExprForLoop`): the iterator the lowering keeps.
    pub iters: HashMap<usize, LocalId>,
    /// Operands hoisted into a temporary left of a suspension (`syn::Expr`).
    pub hoists: HashMap<usize, LocalId>,
}

impl Lowerer<'_> {
    pub fn mark_let(&mut self, node: &syn::Local, first: LocalId) {
        // Without a value, only an annotated one: its type is tied from the annotation.
        if node.init.is_some() || matches!(node.pat, syn::Pat::Type(_)) {
            let end = self.g.locals.len();
            self.g
                .typing
                .lets
                .entry(addr(node))
                .or_default()
                .extend(first..end);
        }
    }

    pub fn mark_pat(&mut self, node: &syn::Pat, first: LocalId) {
        let end = self.g.locals.len();
        self.g
            .typing
            .pats
            .entry(addr(node))
            .or_default()
            .extend(first..end);
    }

    pub fn mark_iter(&mut self, node: &syn::ExprForLoop, iter: LocalId) {
        self.g.typing.iters.insert(addr(node), iter);
    }

    pub fn mark_hoist(&mut self, node: &syn::Expr, temp: LocalId) {
        self.g.typing.hoists.insert(addr(node), temp);
    }
}

/// Whether the body can have a prologue at all. Each rule names what would break:
/// - `yield_from!`, `yield_catch!`, `.await`s, a lent or throwing resume, a sink: the prologue
///   renders only `yield_!` (an expression of the resume type);
/// - a block form (`gen_block!`) inside: its own `yield_!`s would be made inert with ours;
/// - a return type the body cannot name: `?` in the prologue would have nothing to convert to;
/// - items the body declares: the lowering moves them into the step closure, out of sight.
pub fn eligible(ctx: &Context, body: &syn::Block, unsafe_fn: bool, items: bool) -> bool {
    if ctx.awaits.is_some()
        || ctx.lent.is_some()
        || ctx.sink
        || ctx.throw_ty.is_some()
        || ctx
            .return_ty
            .as_ref()
            .is_none_or(|t| has_placeholder(t.clone()))
        || unsafe_fn
        || items
    {
        return false;
    }
    let mut scan = ItemScan { found: false };
    scan.visit_block(body);
    !scan.found && !mentions(quote::ToTokens::to_token_stream(body), EXCLUDED)
}

/// Markers and block forms the prologue cannot render.
const EXCLUDED: &[&str] = &[
    "yield_from",
    "yield_catch",
    "gen_block",
    "async_gen_block",
    "for_await",
];

/// A `_` in a type (`-> _` of a block form): nothing for `?` to convert to.
fn has_placeholder(tokens: proc_macro2::TokenStream) -> bool {
    tokens.into_iter().any(|tt| match tt {
        proc_macro2::TokenTree::Group(g) => has_placeholder(g.stream()),
        proc_macro2::TokenTree::Ident(i) => i == "_",
        _ => false,
    })
}

fn mentions(tokens: proc_macro2::TokenStream, names: &[&str]) -> bool {
    tokens.into_iter().any(|tt| match tt {
        proc_macro2::TokenTree::Group(g) => mentions(g.stream(), names),
        proc_macro2::TokenTree::Ident(i) => names.iter().any(|n| i == n),
        _ => false,
    })
}

struct ItemScan {
    found: bool,
}

impl<'ast> Visit<'ast> for ItemScan {
    fn visit_item(&mut self, _: &'ast syn::Item) {
        self.found = true;
    }
}
