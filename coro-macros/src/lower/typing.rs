//! Typing marks: which of the user's syntax nodes bound which locals, for the typing prologue
//! (`emit/typing.rs`), and whether a body can have one.
//!
//! Why: the state enum has one type parameter per local stored at an unnamed type, and every
//! path to a variant instantiates all of them; rustc keeps what each instantiation leaves open
//! pending until the local's type is known, and rescans it at every step of checking what
//! follows. Tied first, in a prologue rustc checks before the arms, they are known at every path
//! (a body of 1,000 statements: over 60 s to check without, under 1 s with).
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
    /// `let` statements with a value (`syn::Local`).
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
        if node.init.is_some() {
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

/// Whether the body can be type-checked as plain Rust in a prologue whose ties mean the same as
/// the arms' locals. Each rule names what would break:
/// - a closure, `async` block or item, or a macro that might expand to one: its type is a new
///   one in each copy of the code, so a local holding it (or a type inferred from it) could not
///   be tied to the one the arms store;
/// - `yield_from!`, `yield_catch!`, `.await`s, a lent or throwing resume, a sink: the prologue
///   renders only `yield_!` (an expression of the resume type);
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
    let mut scan = PlainScan { plain: true };
    scan.visit_block(body);
    scan.plain
}

/// A `_` in a type (`-> _` of a block form): nothing for `?` to convert to.
fn has_placeholder(tokens: proc_macro2::TokenStream) -> bool {
    tokens.into_iter().any(|tt| match tt {
        proc_macro2::TokenTree::Group(g) => has_placeholder(g.stream()),
        proc_macro2::TokenTree::Ident(i) => i == "_",
        _ => false,
    })
}

/// Macros whose expansion is an expression of their arguments (no new types, no items).
const PLAIN_MACROS: &[&str] = &[
    "yield_",
    "format",
    "format_args",
    "print",
    "println",
    "eprint",
    "eprintln",
    "write",
    "writeln",
    "panic",
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "unreachable",
    "todo",
    "unimplemented",
    "vec",
    "dbg",
    "concat",
    "stringify",
    "line",
    "column",
    "file",
    "module_path",
    "cfg",
    "env",
    "option_env",
];

struct PlainScan {
    plain: bool,
}

impl PlainScan {
    fn check_macro(&mut self, mac: &syn::Macro) {
        let name = super::macros::macro_name(mac);
        if !PLAIN_MACROS.contains(&name.as_str()) || !plain_tokens(mac.tokens.clone()) {
            self.plain = false;
        }
    }
}

/// No closure (`|`), `async`/`move` block, item keyword, other marker or macro but the plain
/// ones inside macro arguments.
fn plain_tokens(tokens: proc_macro2::TokenStream) -> bool {
    use proc_macro2::TokenTree;
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    tts.iter().enumerate().all(|(n, tt)| match tt {
        TokenTree::Group(g) => plain_tokens(g.stream()),
        TokenTree::Punct(p) => p.as_char() != '|',
        TokenTree::Ident(i)
            if matches!(tts.get(n + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!') =>
        {
            PLAIN_MACROS.iter().any(|m| i == m)
        }
        TokenTree::Ident(i) => ![
            "async",
            "move",
            "fn",
            "struct",
            "enum",
            "impl",
            "trait",
            "union",
            "mod",
            "static",
            "const",
            "macro_rules",
            "yield_from",
            "yield_catch",
            "gen",
            "await",
        ]
        .iter()
        .any(|k| i == k),
        TokenTree::Literal(_) => true,
    })
}

impl<'ast> Visit<'ast> for PlainScan {
    fn visit_expr(&mut self, e: &'ast syn::Expr) {
        match e {
            syn::Expr::Closure(_) | syn::Expr::Async(_) | syn::Expr::Await(_) => {
                self.plain = false;
            }
            syn::Expr::Macro(m) => self.check_macro(&m.mac),
            _ => syn::visit::visit_expr(self, e),
        }
    }

    fn visit_stmt_macro(&mut self, m: &'ast syn::StmtMacro) {
        self.check_macro(&m.mac);
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {
        self.plain = false;
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        // In a type or pattern position.
        self.check_macro(m);
    }
}
