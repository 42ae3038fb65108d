//! Finding `yield_!`/`yield_from!` in a body, and the misuse checks that need no lowering.
//!
//! The visitors here never descend into closures, async blocks or nested items: a suspension
//! cannot belong there, so one found there is reported (by [`check_body`]) rather than lowered.

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::{self, Visit};
use syn::{Expr, Macro, Path};

use crate::args::Kind;
use crate::diag::Ctxt;

/// The suspension markers.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum YieldKind {
    Yield,
    YieldFrom,
    /// `yield_catch!`: a `yield_!` that evaluates to `Result<R, E>` under `throw = E`.
    YieldCatch,
}

impl YieldKind {
    pub fn name(self) -> &'static str {
        match self {
            YieldKind::Yield => "yield_!",
            YieldKind::YieldFrom => "yield_from!",
            YieldKind::YieldCatch => "yield_catch!",
        }
    }
}

/// The marker names, as written after the last `::`.
pub const MARKERS: [&str; 3] = ["yield_", "yield_from", "yield_catch"];

/// Recognizes `yield_!` / `coro_core::yield_!` / `yield_from!` / `yield_catch!` by the last
/// path segment.
pub fn yield_kind(path: &Path) -> Option<YieldKind> {
    let last = path.segments.last()?;
    if !last.arguments.is_none() {
        return None;
    }
    if last.ident == "yield_" {
        Some(YieldKind::Yield)
    } else if last.ident == "yield_from" {
        Some(YieldKind::YieldFrom)
    } else if last.ident == "yield_catch" {
        Some(YieldKind::YieldCatch)
    } else {
        None
    }
}

/// The block forms, `gen_block!` and `async_gen_block!` (by the last path segment): their
/// `yield_!`s are their own, so the enclosing generator leaves them alone, as it leaves a
/// closure's.
pub fn is_block_macro(path: &Path) -> bool {
    path.segments
        .last()
        .is_some_and(|s| s.arguments.is_none() && is_block_macro_name(&s.ident))
}

fn is_block_macro_name(ident: &proc_macro2::Ident) -> bool {
    ident == "gen_block" || ident == "async_gen_block"
}

/// `true` if the tokens contain `yield_ !` or `yield_from !` anywhere (at any depth), outside
/// block forms (`gen_block ! (..)`).
pub fn tokens_mention_yield(tokens: &TokenStream) -> bool {
    let mut prev_is_yield = false;
    let mut prev_is_block = false;
    let mut block_bang = false;
    for tt in tokens.clone() {
        match &tt {
            TokenTree::Ident(i) => {
                prev_is_yield = MARKERS.iter().any(|m| i == m);
                prev_is_block = is_block_macro_name(i);
                block_bang = false;
                continue;
            }
            TokenTree::Punct(p) if p.as_char() == '!' && prev_is_yield => return true,
            TokenTree::Punct(p) if p.as_char() == '!' && prev_is_block => {
                prev_is_block = false;
                block_bang = true;
                continue;
            }
            // The input of a block form.
            TokenTree::Group(_) if block_bang => {}
            TokenTree::Group(g) if tokens_mention_yield(&g.stream()) => {
                return true;
            }
            _ => {}
        }
        prev_is_yield = false;
        prev_is_block = false;
        block_bang = false;
    }
    false
}

/// Answers "does this syntax contain a suspension that belongs to the enclosing generator?".
struct Finder {
    found: bool,
}

impl<'ast> Visit<'ast> for Finder {
    fn visit_macro(&mut self, mac: &'ast Macro) {
        if is_block_macro(&mac.path) {
            return;
        }
        if yield_kind(&mac.path).is_some()
            || crate::lower::await_point::is_await_marker(&mac.path)
            || tokens_mention_yield(&mac.tokens)
        {
            self.found = true;
        }
    }
    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
    fn visit_item(&mut self, _: &'ast syn::Item) {}
    fn visit_expr(&mut self, e: &'ast Expr) {
        if !self.found {
            visit::visit_expr(self, e);
        }
    }
}

pub fn expr_has_yield(e: &Expr) -> bool {
    let mut f = Finder { found: false };
    f.visit_expr(e);
    f.found
}

pub fn stmt_has_yield(s: &syn::Stmt) -> bool {
    let mut f = Finder { found: false };
    f.visit_stmt(s);
    f.found
}

pub fn local_has_yield(l: &syn::Local) -> bool {
    let mut f = Finder { found: false };
    f.visit_local(l);
    f.found
}

/// Collects the paths the user wrote for the markers (`yield_`, `coro_core::yield_`, ...), so the
/// expansion can mention each once and keep the user's `use` of them from becoming unused.
pub fn marker_paths(block: &syn::Block) -> Vec<Path> {
    struct Paths(Vec<Path>);
    impl Paths {
        fn tokens(&mut self, tokens: &TokenStream) {
            let tts: Vec<TokenTree> = tokens.clone().into_iter().collect();
            for (i, tt) in tts.iter().enumerate() {
                match tt {
                    TokenTree::Group(g) => self.tokens(&g.stream()),
                    TokenTree::Ident(id) if MARKERS.iter().any(|m| id == m) => {
                        let bang = matches!(tts.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!');
                        // A qualified path inside other tokens is rare; the bare name is what imports bring in.
                        let qualified = i >= 1
                            && matches!(&tts[i - 1], TokenTree::Punct(p) if p.as_char() == ':');
                        if bang && !qualified {
                            self.push(syn::Path::from(id.clone()));
                        }
                    }
                    _ => {}
                }
            }
        }
        fn push(&mut self, path: Path) {
            let key = quote::quote!(#path).to_string();
            if !self.0.iter().any(|p| quote::quote!(#p).to_string() == key) {
                self.0.push(path);
            }
        }
    }
    impl<'ast> Visit<'ast> for Paths {
        fn visit_macro(&mut self, mac: &'ast Macro) {
            if yield_kind(&mac.path).is_some() {
                self.push(mac.path.clone());
            }
            self.tokens(&mac.tokens);
        }
    }
    let mut p = Paths(Vec::new());
    p.visit_block(block);
    p.0
}

/// Reports suspensions where they cannot belong (closures, async blocks, nested items) and, for
/// `#[generator]`, every `.await`.
#[allow(clippy::too_many_lines)] // one visitor: its cases read best together
pub fn check_body(cx: &Ctxt, block: &syn::Block, kind: Kind) {
    struct Checker<'a> {
        cx: &'a Ctxt,
        kind: Kind,
        /// What we are nested in, if anything: a closure, an async block, an item.
        inside: Option<&'static str>,
    }
    impl Checker<'_> {
        fn nested<F: FnOnce(&mut Self)>(&mut self, what: &'static str, f: F) {
            let saved = self.inside.replace(what);
            f(self);
            self.inside = saved;
        }
        fn misplaced(&self, mac: &Macro, what: &str, marker: YieldKind) {
            let owner = match self.kind {
                Kind::Generator => "#[generator]",
                Kind::AsyncGen => "#[async_gen]",
            };
            let name = marker.name();
            let (place, why, help) = match what {
                "closure" => (
                    "a closure",
                    "",
                    "use a `for` loop instead of the closure, or collect the values into a local \
                     and yield them after it"
                        .to_string(),
                ),
                "async block" if self.kind == Kind::AsyncGen => (
                    "an async block",
                    " (an async block could outlive the stream)",
                    "`.await` the block and yield its result in the body: `yield_!(fut.await)`".to_string(),
                ),
                "async block" => ("an async block", "", format!("move the `{name}` out of the async block")),
                _ => (
                    "a nested fn or other item",
                    "",
                    "make the nested fn return the value and yield it in the body (`yield_!(helper())`), \
                     or make it a generator too and delegate to it with `yield_from!(helper())`"
                        .to_string(),
                ),
            };
            self.cx.error_spanned_by(
                mac,
                format!(
                    "`{name}` cannot be used inside {place}: only the body of the {owner} fn itself can \
                     suspend{why}\nhelp: {help}"
                ),
            );
        }
    }
    impl<'ast> Visit<'ast> for Checker<'_> {
        fn visit_macro(&mut self, mac: &'ast Macro) {
            // A block form checks its own body when it expands.
            if is_block_macro(&mac.path) {
                return;
            }
            if self.kind == Kind::Generator
                && self.inside.is_none()
                && mac
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == "for_await")
            {
                self.cx.error_spanned_by(
                    mac,
                    "`for_await!` cannot be used in a #[generator] fn, which runs synchronously\n\
                     help: iterate with a plain `for` loop, or use `#[async_gen(yield = ...)] async fn` \
                     to consume a stream",
                );
                return;
            }
            if let Some(marker) = yield_kind(&mac.path)
                && let Some(what) = self.inside
            {
                self.misplaced(mac, what, marker);
                return;
            }
            // Tokens of other macros are checked when lowered; we only look for misplaced markers
            // here when inside a nested scope, where any marker is wrong.
            if let Some(what) = self.inside
                && tokens_mention_yield(&mac.tokens)
            {
                let marker = YieldKind::Yield;
                self.misplaced(mac, what, marker);
            }
        }
        fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
            self.nested("closure", |this| visit::visit_expr_closure(this, c));
        }
        fn visit_expr_async(&mut self, a: &'ast syn::ExprAsync) {
            self.nested("async block", |this| visit::visit_expr_async(this, a));
        }
        fn visit_item(&mut self, i: &'ast syn::Item) {
            self.nested("nested item", |this| visit::visit_item(this, i));
        }
        fn visit_expr_yield(&mut self, y: &'ast syn::ExprYield) {
            // Python's `yield x`: Rust's `yield` is an unstable coroutine expression, which
            // would give "yield syntax is experimental" and errors about closures.
            let write = match &y.expr {
                Some(e) => format!("yield_!({})", quote::ToTokens::to_token_stream(e)),
                None => "yield_!()".to_string(),
            };
            self.cx.error_spanned_by(
                y,
                format!(
                    "Python-style `yield` is not stable Rust: a generator suspends with the `yield_!` macro\n\
                     help: write `{write}` (with `use coro_core::yield_;`)"
                ),
            );
            visit::visit_expr_yield(self, y);
        }
        fn visit_expr_await(&mut self, a: &'ast syn::ExprAwait) {
            if self.kind == Kind::Generator && self.inside.is_none() {
                self.cx.error_spanned_by(
                    a.await_token,
                    "`.await` cannot be used in a #[generator] fn, which runs synchronously\n\
                     help: use `#[async_gen(yield = ...)] async fn` for a generator that awaits (a Stream)",
                );
            }
            visit::visit_expr_await(self, a);
        }
    }
    let mut checker = Checker {
        cx,
        kind,
        inside: None,
    };
    checker.visit_block(block);
}

/// Whether the body awaits: an `.await` or a `for_await!` outside closures, async blocks and
/// nested items.
pub fn block_awaits(block: &syn::Block) -> bool {
    struct Awaits(bool);
    impl<'ast> Visit<'ast> for Awaits {
        fn visit_expr_await(&mut self, _: &'ast syn::ExprAwait) {
            self.0 = true;
        }
        fn visit_macro(&mut self, mac: &'ast Macro) {
            if mac
                .path
                .segments
                .last()
                .is_some_and(|s| s.ident == "for_await")
            {
                self.0 = true;
            }
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut a = Awaits(false);
    a.visit_block(block);
    a.0
}

/// The checks of [`check_body`], plus those that need the whole fn: a generator that delegates
/// to itself without a box (`yield_from!(walk(child))`, `for x in walk(child) { yield_!(x) }`)
/// has an infinitely nested state, which rustc reports as "cannot resolve opaque type" at the
/// attribute; we say what it means and how to fix it, at the recursive call.
// Pending: called by generator.rs / async_gen.rs once wired (see the diagnostics report).
pub fn check_fn(cx: &Ctxt, func: &syn::ItemFn, kind: Kind) {
    check_body(cx, &func.block, kind);
    if kind == Kind::Generator {
        check_recursion(cx, func);
    }
}

fn check_recursion(cx: &Ctxt, func: &syn::ItemFn) {
    struct Recursion<'a> {
        cx: &'a Ctxt,
        name: &'a syn::Ident,
        has_self: bool,
    }
    impl Recursion<'_> {
        /// `name(..)`, `Self::name(..)`, `self.name(..)`: a direct call of the fn itself.
        fn is_self_call(&self, e: &Expr) -> bool {
            match e {
                Expr::Call(c) => match &*c.func {
                    Expr::Path(p) if p.qself.is_none() => {
                        let segs: Vec<_> = p.path.segments.iter().collect();
                        match segs.as_slice() {
                            [one] => !self.has_self && one.ident == *self.name,
                            [ty, one] => ty.ident == "Self" && one.ident == *self.name,
                            _ => false,
                        }
                    }
                    _ => false,
                },
                Expr::MethodCall(m) => {
                    self.has_self
                        && m.method == *self.name
                        && matches!(&*m.receiver, Expr::Path(p) if p.path.is_ident("self"))
                }
                Expr::Paren(p) => self.is_self_call(&p.expr),
                Expr::Reference(r) => self.is_self_call(&r.expr),
                _ => false,
            }
        }
        fn report(&self, call: &Expr) {
            let name = self.name;
            self.cx.error_spanned_by(
                call,
                format!(
                    "recursive generator without a box: `{name}` delegates to itself here, so its state \
                     would contain itself and have an infinite size\n\
                     help: box the inner generator: `yield_from!({call}.boxed())` (with `GeneratorExt` \
                     in scope), which is a `Box<dyn Generator<..>>`",
                    call = quote::ToTokens::to_token_stream(call),
                ),
            );
        }
    }
    impl<'ast> Visit<'ast> for Recursion<'_> {
        fn visit_macro(&mut self, mac: &'ast Macro) {
            if yield_kind(&mac.path) == Some(YieldKind::YieldFrom)
                && let Ok(e) = mac.parse_body::<Expr>()
                && self.is_self_call(&e)
            {
                self.report(&e);
            }
        }
        fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
            if self.is_self_call(&f.expr) && f.body.stmts.iter().any(stmt_has_yield) {
                self.report(&f.expr);
            }
            visit::visit_expr_for_loop(self, f);
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let has_self = func.sig.receiver().is_some();
    let mut r = Recursion {
        cx,
        name: &func.sig.ident,
        has_self,
    };
    r.visit_block(&func.block);
}
