//! Code without suspensions, emitted as written except for what must change inside the step
//! closure: `return` and `?` complete the generator, `break`/`continue` that leave a lowered loop
//! become jumps, and `self` (captured by no closure) becomes the hidden local holding it.
//!
//! Input:  `if done { break; } total += x?;` inside a lowered `loop`
//! Output: `if done { <goto loop exit> } total += match Branch::branch(x) { .. };`

use proc_macro2::{Ident, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Macro};

use std::collections::{BTreeSet, HashMap};

use super::{JumpKind, LocalId, Lowerer};

impl Lowerer<'_> {
    /// Records what plain code `e` does to the locals — its reads before any assignment are
    /// uses; an assignment on every path is a kill, one on some paths a write (see `assign.rs`)
    /// — and returns its rewritten tokens.
    pub fn verbatim_expr(&mut self, e: &Expr) -> TokenStream {
        self.verbatim_expr_on(e, true)
    }

    /// [`Self::verbatim_expr`] for code that runs on some paths only (`always` false): its
    /// assignments are writes on some paths, never kills (the right of a let chain's `&&` runs
    /// only when the left holds, and the `else` branch may see the old values).
    pub fn verbatim_expr_on(&mut self, e: &Expr, always: bool) -> TokenStream {
        // Walked and rewritten as one copy: a jump out of it is found by its node's address.
        let mut copy = e.clone();
        let fx = super::assign::effects(&copy);
        self.mention_all(&fx.reads);
        // A read after the code's own assignment is no use before it, but the local is read:
        // it may be moved, so it is no write-only local (difftest AM: `{ s = T::new();
        // consume(s) }` kept `s` to its scope's end, saved after the move: E0382).
        for name in &fx.read_anywhere {
            if let Some(id) = self.resolve(name) {
                self.g.locals[id].read = true;
            }
        }
        for name in &fx.unreachable_reads {
            if let Some(id) = self.resolve(name) {
                self.declare_unreachable_use(id);
            }
        }
        let code = self.rewrite_in_place(&mut copy, &fx.assigned_at_escape);
        for name in &fx.written {
            if fx.reads.iter().any(|r| r == name) {
                continue;
            }
            if let Some(id) = self.resolve(name) {
                // Code that never completes assigns everything on every path that does: the
                // code after it is unreachable and needs no older value (difftest seed
                // 91100440: `t = Tracked::new(.., { return 2; })` on a `let t;` kept `t` live,
                // and a suspension before saved it uninitialized: E0381).
                if always && (fx.assigned.contains(name) || !fx.completes) {
                    self.assign_whole(id);
                } else {
                    self.assign_partly(id);
                }
            }
        }
        code
    }

    /// Rewrites `e` for the step closure without recording mentions.
    pub fn rewrite_expr(&mut self, e: &Expr) -> TokenStream {
        self.rewrite_in_place(&mut e.clone(), &HashMap::new())
    }

    /// Rewrites `e` where it is (its jumps out are found in `assigned_at_escape` by their
    /// node's address, so it must not move after it was walked).
    fn rewrite_in_place(
        &mut self,
        e: &mut Expr,
        assigned_at_escape: &HashMap<usize, BTreeSet<String>>,
    ) -> TokenStream {
        Rewriter {
            lowerer: self,
            inner: Vec::new(),
            assigned_at_escape,
        }
        .visit_expr_mut(e);
        e.to_token_stream()
    }

    /// Records mentions of the lowering's own temporaries (`__coro_*`) found in `tokens`: they are
    /// introduced by residual expressions that are emitted in a later block than they were made.
    pub fn mention_hidden(&mut self, tokens: &TokenStream) {
        for tt in tokens.clone() {
            match tt {
                TokenTree::Ident(i) => {
                    let s = i.to_string();
                    if s.starts_with("__coro_")
                        && let Some(id) = self.resolve(&s)
                    {
                        self.mention(id);
                    }
                }
                TokenTree::Group(g) => self.mention_hidden(&g.stream()),
                _ => {}
            }
        }
    }

    pub fn names_get(&self, id: LocalId) -> Option<Ident> {
        self.names.get(&id).cloned()
    }

    pub fn set_name(&mut self, id: LocalId, name: Ident) {
        self.names.insert(id, name);
    }
}

/// Rewrites one expression. `inner` tracks loops and labeled blocks *inside* it, which keep
/// their own `break`/`continue`.
struct Rewriter<'l, 'a> {
    lowerer: &'l mut Lowerer<'a>,
    /// (label, `is_loop`) of enclosing constructs within the expression.
    inner: Vec<(Option<String>, bool)>,
    /// What the expression assigned before each of its jumps out (see `assign::Effects`).
    assigned_at_escape: &'l HashMap<usize, BTreeSet<String>>,
}

impl Rewriter<'_, '_> {
    /// A jump out of the expression, from the `break`/`continue` at `node`: the locals the
    /// expression assigned on every path to it reach the target with their new values
    /// (difftest AP: `if n > 3 { t = T::new(n); break; }` on a `let t;`).
    fn escape_jump(
        &mut self,
        node: usize,
        target: usize,
        defines: Vec<(LocalId, TokenStream)>,
    ) -> TokenStream {
        let j = self
            .lowerer
            .plain_code_jump(target, JumpKind::Goto, defines);
        let assigned: Vec<LocalId> = self
            .assigned_at_escape
            .get(&node)
            .into_iter()
            .flatten()
            .filter_map(|name| self.lowerer.resolve(name))
            .collect();
        if let Some(jump) = self.lowerer.g.jumps.last_mut() {
            jump.assigned_before = assigned;
        }
        j
    }

    fn targets_inner(&self, label: Option<&syn::Lifetime>) -> bool {
        match label {
            Some(l) => {
                let name = l.ident.to_string();
                self.inner.iter().any(|(n, _)| n.as_deref() == Some(&name))
            }
            None => self.inner.iter().any(|(_, is_loop)| *is_loop),
        }
    }

    fn with_inner<F: FnOnce(&mut Self)>(
        &mut self,
        label: Option<&syn::Label>,
        is_loop: bool,
        f: F,
    ) {
        self.inner
            .push((label.map(|l| l.name.ident.to_string()), is_loop));
        f(self);
        self.inner.pop();
    }
}

impl VisitMut for Rewriter<'_, '_> {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        match e {
            Expr::Closure(_) | Expr::Async(_) => {
                let block = self.lowerer.current_block();
                self.lowerer.g.blocks[block].has_closure = true;
            }
            Expr::Const(_) => {}
            Expr::Loop(l) => {
                let label = l.label.clone();
                self.with_inner(label.as_ref(), true, |this| {
                    visit_mut::visit_expr_loop_mut(this, l);
                });
            }
            Expr::While(w) => {
                let label = w.label.clone();
                self.with_inner(label.as_ref(), true, |this| {
                    visit_mut::visit_expr_while_mut(this, w);
                });
            }
            Expr::ForLoop(f) => {
                let label = f.label.clone();
                self.with_inner(label.as_ref(), true, |this| {
                    visit_mut::visit_expr_for_loop_mut(this, f);
                });
            }
            Expr::Block(b) if b.label.is_some() => {
                let label = b.label.clone();
                self.with_inner(label.as_ref(), false, |this| {
                    visit_mut::visit_expr_block_mut(this, b);
                });
            }
            Expr::Return(r) => {
                if let Some(v) = &mut r.expr {
                    self.visit_expr_mut(v);
                }
                let value = r
                    .expr
                    .as_ref()
                    .map_or_else(|| quote!(()), quote::ToTokens::to_token_stream);
                *e = Expr::Verbatim(self.lowerer.complete(&value));
            }
            Expr::Try(t) => {
                self.visit_expr_mut(&mut t.expr);
                let v = t.expr.to_token_stream();
                *e = Expr::Verbatim(self.lowerer.try_residual(&v, t.question_token.span));
            }
            Expr::Break(b) => {
                if let Some(v) = &mut b.expr {
                    self.visit_expr_mut(v);
                }
                if self.targets_inner(b.label.as_ref()) {
                    return;
                }
                let label = b.label.as_ref().map(|l| l.ident.to_string());
                let Some(leap) = self.lowerer.find_leap(label.as_deref(), false) else {
                    return; // rustc reports a break outside of a loop
                };
                let (target, slot) = (
                    self.lowerer.leaps[leap].break_target,
                    self.lowerer.leaps[leap].value,
                );
                let node = std::ptr::from_ref(&*b).addr();
                let value = b.expr.as_ref().map(quote::ToTokens::to_token_stream);
                let defines = match (slot, value) {
                    (Some(slot), v) => vec![(slot, v.unwrap_or_else(|| quote!(())))],
                    (None, Some(v)) => {
                        let j = self.escape_jump(node, target, Vec::new());
                        *e = Expr::Verbatim(quote!({ let _ = #v; #j }));
                        return;
                    }
                    (None, None) => Vec::new(),
                };
                let j = self.escape_jump(node, target, defines);
                *e = Expr::Verbatim(j);
            }
            Expr::Continue(c) => {
                if self.targets_inner(c.label.as_ref()) {
                    return;
                }
                let label = c.label.as_ref().map(|l| l.ident.to_string());
                let Some(leap) = self.lowerer.find_leap(label.as_deref(), true) else {
                    return;
                };
                let Some(target) = self.lowerer.leaps[leap].continue_target else {
                    return;
                };
                let node = std::ptr::from_ref(&*c).addr();
                let j = self.escape_jump(node, target, Vec::new());
                *e = Expr::Verbatim(j);
            }
            _ => visit_mut::visit_expr_mut(self, e),
        }
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}

    fn visit_macro_mut(&mut self, mac: &mut Macro) {
        // A block form declares a type, like a closure: a copy of its code would be another.
        if crate::scan::is_block_macro(&mac.path) {
            let block = self.lowerer.current_block();
            self.lowerer.g.blocks[block].has_closure = true;
            return;
        }
        // `?`, `return` and jumps inside the arguments of std's expression-list macros.
        if let Some(mut args) = super::macros::MacroArgs::parse(mac) {
            for arg in args.exprs_mut() {
                self.visit_expr_mut(arg);
            }
            mac.tokens = args.to_tokens();
        }
    }
}

/// Replaces `self` in expression position with `to`: the step closure captures nothing, so the
/// receiver lives in the state as an ordinary local. Nested items keep their own `self`.
pub fn rename_self(block: &mut syn::Block, to: &Ident) {
    struct Renamer<'a>(&'a Ident);
    impl VisitMut for Renamer<'_> {
        fn visit_expr_path_mut(&mut self, p: &mut syn::ExprPath) {
            if p.qself.is_none() && p.path.segments.len() == 1 && p.path.segments[0].ident == "self"
            {
                let mut ident = self.0.clone();
                ident.set_span(p.path.segments[0].ident.span().resolved_at(self.0.span()));
                p.path.segments[0].ident = ident;
            }
        }
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
        fn visit_macro_mut(&mut self, m: &mut Macro) {
            m.tokens = rename_tokens(m.tokens.clone(), self.0);
        }
    }
    Renamer(to).visit_block_mut(block);
}

fn rename_tokens(tokens: TokenStream, to: &Ident) -> TokenStream {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(tts.len());
    for (i, tt) in tts.iter().enumerate() {
        match tt {
            TokenTree::Ident(id) if id == "self" => {
                let path_next =
                    matches!(tts.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == ':');
                let path_prev =
                    i > 0 && matches!(&tts[i - 1], TokenTree::Punct(p) if p.as_char() == ':');
                if path_next || path_prev {
                    out.push(tt.clone());
                } else {
                    let mut ident = to.clone();
                    ident.set_span(id.span().resolved_at(to.span()));
                    out.push(TokenTree::Ident(ident));
                }
            }
            TokenTree::Group(g) => {
                let mut ng = proc_macro2::Group::new(g.delimiter(), rename_tokens(g.stream(), to));
                ng.set_span(g.span());
                out.push(TokenTree::Group(ng));
            }
            other => out.push(other.clone()),
        }
    }
    out.into_iter().collect()
}
