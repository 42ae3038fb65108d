//! What an awaited future (or a `for_await!`'s stream) may hold on the enum path: values it
//! owns, and borrows of what lives outside the stream; never a borrow of the body's own locals
//! or of a temporary, which the state cannot hold beside it.
//!
//! Input:  the operand of an `.await`, the body, and the parameters that are shared references.
//! Output: whether evaluating the operand can leave such a borrow in its value (conservative:
//!         `false` whenever it might).

use std::collections::HashSet;

use syn::Expr;
use syn::visit::{self, Visit};

/// Methods whose result owns its data (so a future built from it borrows nothing).
const OWNING_METHODS: &[&str] = &["clone", "to_owned", "to_string", "to_vec", "into", "len"];

pub struct Owned {
    /// Shared-reference parameters the body never rebinds: a method call on (a field of) one
    /// borrows its referent, which outlives the stream, not the state (`self.fetch(c).await`
    /// with `&self`).
    shared: Vec<String>,
}

impl Owned {
    pub fn new(body: &syn::Block, shared: &[String]) -> Self {
        let rebound = bindings(body);
        Owned {
            shared: shared
                .iter()
                .filter(|s| !rebound.contains(*s))
                .cloned()
                .collect(),
        }
    }

    /// Evaluating `e` leaves no borrow of a local or of a temporary in its value: it moves or
    /// copies what it names (`fetch(id, url.clone())`, `sleep(Duration::from_millis(ms))`,
    /// `async move { .. }`, a local future), or borrows what a shared-reference parameter
    /// points to.
    pub fn value(&self, e: &Expr) -> bool {
        let all = |args: &syn::punctuated::Punctuated<Expr, syn::Token![,]>| {
            args.iter().all(|a| self.value(a))
        };
        match e {
            // A moved or copied local, a constant; another await's output (a value computed
            // before this future is built).
            Expr::Path(_) | Expr::Lit(_) | Expr::Await(_) => true,
            Expr::Call(c) => matches!(&*c.func, Expr::Path(_)) && all(&c.args),
            // The receiver's borrows end with the call (`line.trim_end().to_owned()`).
            Expr::MethodCall(m) if OWNING_METHODS.contains(&m.method.to_string().as_str()) => {
                all(&m.args)
            }
            Expr::MethodCall(m) => self.behind_shared(&m.receiver) && all(&m.args),
            Expr::Field(_) | Expr::Index(_) => self.place(e),
            Expr::Struct(s) => {
                s.fields.iter().all(|f| self.value(&f.expr))
                    && s.rest.as_deref().is_none_or(|r| self.value(r))
            }
            Expr::Tuple(t) => all(&t.elems),
            Expr::Array(a) => all(&a.elems),
            Expr::Binary(b) => self.value(&b.left) && self.value(&b.right),
            Expr::Unary(u) => match u.op {
                syn::UnOp::Deref(_) => self.place(&u.expr),
                _ => self.value(&u.expr),
            },
            Expr::Range(r) => {
                r.start.as_deref().is_none_or(|s| self.value(s))
                    && r.end.as_deref().is_none_or(|s| self.value(s))
            }
            Expr::Paren(p) => self.value(&p.expr),
            Expr::Group(g) => self.value(&g.expr),
            Expr::Cast(c) => self.value(&c.expr),
            Expr::Try(t) => self.value(&t.expr),
            Expr::Macro(m) => {
                let name = m.mac.path.segments.last().map(|s| s.ident.to_string());
                matches!(name.as_deref(), Some("format" | "vec" | "yield_"))
                    && !mentions_await(&m.mac.tokens)
            }
            // A block's or a branch's value (its temporaries are gone before the future is
            // built).
            Expr::Block(b) => self.tail(&b.block),
            Expr::If(i) => {
                self.tail(&i.then_branch)
                    && i.else_branch.as_ref().is_none_or(|(_, e)| self.value(e))
            }
            Expr::Match(m) => m.arms.iter().all(|a| self.value(&a.body)),
            Expr::Async(a) => a.capture.is_some(),
            Expr::Closure(c) => c.capture.is_some(),
            _ => false,
        }
    }

    /// A block's value: its tail expression (`()` without one).
    fn tail(&self, b: &syn::Block) -> bool {
        match b.stmts.last() {
            Some(syn::Stmt::Expr(e, None)) => self.value(e),
            _ => true,
        }
    }

    /// A place read by value (`self.id`, `ids[i]`, `*r`), or an owned value.
    fn place(&self, e: &Expr) -> bool {
        match e {
            Expr::Field(f) => self.place(&f.base),
            Expr::Index(i) => self.place(&i.expr) && self.value(&i.index),
            Expr::Unary(syn::ExprUnary {
                op: syn::UnOp::Deref(_),
                expr,
                ..
            }) => self.place(expr),
            _ => self.value(e),
        }
    }

    /// A shared-reference parameter, or a field path through one (`self.client`).
    fn behind_shared(&self, e: &Expr) -> bool {
        match e {
            Expr::Path(p) => p
                .path
                .get_ident()
                .is_some_and(|i| self.shared.contains(&i.to_string())),
            Expr::Field(f) => self.behind_shared(&f.base),
            Expr::Paren(p) => self.behind_shared(&p.expr),
            _ => false,
        }
    }
}

/// Every name the body binds (`let`, patterns of `match`, `for`, closures): such a name may
/// shadow a parameter.
fn bindings(body: &syn::Block) -> HashSet<String> {
    struct Names(HashSet<String>);
    impl<'ast> Visit<'ast> for Names {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            self.0.insert(p.ident.to_string());
            visit::visit_pat_ident(self, p);
        }
    }
    let mut n = Names(HashSet::new());
    n.visit_block(body);
    n.0
}

/// Whether the tokens contain `await` anywhere.
pub fn mentions_await(tokens: &proc_macro2::TokenStream) -> bool {
    tokens.clone().into_iter().any(|tt| match tt {
        proc_macro2::TokenTree::Ident(i) => i == "await",
        proc_macro2::TokenTree::Group(g) => mentions_await(&g.stream()),
        _ => false,
    })
}
