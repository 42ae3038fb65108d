//! Control flow that contains a suspension: blocks, `if`, `match`, loops, labeled blocks, `break`.
//!
//! Input:  `while cond { body }` (with a `yield_!` somewhere inside)
//! Output: a goto to a head block whose arm is `if cond { body; goto head } else { goto exit }`,
//!         the exit block becoming current. Branches without suspensions stay in the arm as
//!         plain Rust; every lowered scope ends with a goto, so its locals drop at its end.

use proc_macro2::TokenStream;
use quote::quote;
use syn::Expr;

use super::condition::{self, cond_temp_free, temp_free};
use super::names::FreeNames;
use super::{BlockKind, Leap, LocalId, Lowerer};
use crate::scan::expr_has_yield;

impl Lowerer<'_> {
    /// Lowers a control-flow expression; returns its value's residual (`()` if `!want_value`).
    pub fn control(&mut self, e: &Expr, want_value: bool) -> TokenStream {
        match e {
            Expr::Block(b) if b.label.is_some() => self.labeled_block(b, want_value),
            Expr::Block(b) => self.block_value(&b.block, want_value),
            Expr::Unsafe(u) => {
                self.unsafe_depth += 1;
                let v = self.block_value(&u.block, want_value);
                self.unsafe_depth -= 1;
                v
            }
            Expr::If(i) => self.lower_if(i, want_value),
            Expr::Match(m) => self.lower_match(m, want_value),
            Expr::Loop(l) => self.lower_loop(l, want_value),
            Expr::While(w) => self.lower_while(w),
            Expr::ForLoop(f) => self.lower_for(f),
            other => self.expr(other),
        }
    }

    /// A value temporary for a construct's result, when its value is used.
    fn value_temp(&mut self, want_value: bool) -> Option<(LocalId, TokenStream)> {
        want_value.then(|| {
            let (id, ident) = self.temp("v");
            (id, quote!(#ident))
        })
    }

    fn result(value: Option<(LocalId, TokenStream)>) -> TokenStream {
        value.map_or_else(|| quote!(()), |(_, t)| t)
    }

    /// Emits, as the end of a branch, the branch's value and a goto to `join`.
    fn finish_branch(
        &mut self,
        join: usize,
        value: Option<&(LocalId, TokenStream)>,
        tail: Option<TokenStream>,
    ) {
        match (value, tail) {
            (Some((id, _)), Some(t)) => {
                self.mention_hidden(&t);
                self.goto(join, vec![(*id, t)]);
            }
            (Some((id, _)), None) => self.goto(join, vec![(*id, quote!(()))]),
            (None, Some(t)) => {
                // A bare temporary here is the `()` of a nested construct: nothing to evaluate.
                if syn::parse2::<syn::Ident>(t.clone()).is_err() {
                    self.emit(quote!(#t;));
                }
                self.goto(join, Vec::new());
            }
            (None, None) => self.goto(join, Vec::new()),
        }
    }

    /// `{ stmts; tail }`: the scope ends with a goto so its locals drop at its end.
    fn block_value(&mut self, block: &syn::Block, want_value: bool) -> TokenStream {
        let value = self.value_temp(want_value);
        let join = self.new_block(BlockKind::Internal);
        self.push_scope();
        let tail = self.lower_stmts(&block.stmts, want_value);
        self.finish_branch(join, value.as_ref(), tail);
        self.pop_scope();
        self.switch_to(join);
        Self::result(value)
    }

    fn labeled_block(&mut self, b: &syn::ExprBlock, want_value: bool) -> TokenStream {
        // A `break 'label value` may target it even when the value is unused.
        let value = self.value_temp(true);
        let exit = self.new_block(BlockKind::Internal);
        let label = b.label.as_ref().map(|l| l.name.ident.to_string());
        self.leaps.push(Leap {
            label,
            is_loop: false,
            break_target: exit,
            continue_target: None,
            value: value.as_ref().map(|v| v.0),
        });
        self.push_scope();
        // The value temporary also takes `break 'label v`: the tail gives it a value too.
        let tail = self.lower_stmts(&b.block.stmts, true);
        self.finish_branch(exit, value.as_ref(), tail);
        self.pop_scope();
        self.leaps.pop();
        self.switch_to(exit);
        if want_value {
            Self::result(value)
        } else {
            quote!(())
        }
    }

    fn lower_if(&mut self, i: &syn::ExprIf, want_value: bool) -> TokenStream {
        let (cond_expr, rebinds) = self.unshadow_condition(&i.cond);
        let by_jumps = condition::by_jumps(&cond_expr);
        let (when_true, when_false) = self.outcome_kills(&cond_expr);
        let cond = (!by_jumps).then(|| self.condition(&cond_expr));
        // Locals assigned on every branch (and read nowhere in the `if`) are dead before the
        // branches, though the assignments sit inside them: recorded where the branches start.
        let dead = self.definitely_assigned(&Expr::If(i.clone()));
        let value = self.value_temp(want_value);
        let join = self.new_block(BlockKind::Internal);
        let guarded = !cond_temp_free(&i.cond);
        let then = |this: &mut Self| {
            this.no_inline += usize::from(guarded);
            for &id in &when_true {
                this.assign_whole(id);
            }
            this.push_scope();
            this.declare_cond_bindings(&cond_expr);
            for stmt in &rebinds {
                this.lower_stmt(stmt);
            }
            let tail = this.lower_stmts(&i.then_branch.stmts, value.is_some());
            this.finish_branch(join, value.as_ref(), tail);
            this.pop_scope();
            this.no_inline -= usize::from(guarded);
        };
        let otherwise = |this: &mut Self| {
            for &id in &when_false {
                this.assign_whole(id);
            }
            match &i.else_branch {
                Some((_, e)) => {
                    this.push_scope();
                    let tail = match &**e {
                        Expr::Block(b) if b.label.is_none() => {
                            this.lower_stmts(&b.block.stmts, value.is_some())
                        }
                        other => Some(this.control(other, value.is_some())),
                    };
                    this.finish_branch(join, value.as_ref(), tail);
                    this.pop_scope();
                }
                None => this.finish_branch(join, value.as_ref(), None),
            }
        };
        if let Some(cond) = cond {
            for &id in &dead {
                self.mark_dead(id);
            }
            let then = self.in_seq(then);
            let otherwise = self.in_seq(otherwise);
            self.emit_raw(quote!(if #cond #then else #otherwise));
        } else {
            let (yes, no) = (
                self.new_block(BlockKind::Internal),
                self.new_block(BlockKind::Internal),
            );
            self.cond_jumps(&cond_expr, yes, no);
            for (block, branch) in [(yes, &then as &dyn Fn(&mut Self)), (no, &otherwise)] {
                self.switch_to(block);
                for &id in &dead {
                    self.mark_dead(id);
                }
                branch(self);
            }
        }
        self.switch_to(join);
        Self::result(value)
    }

    fn lower_match(&mut self, m: &syn::ExprMatch, want_value: bool) -> TokenStream {
        // The scrutinee's temporaries live until the end of the `match`: jumps from its arms
        // must end the arm there (unless the scrutinee makes none that matter).
        let guarded = !temp_free(&m.expr);
        if guarded && m.arms.iter().any(|a| expr_has_yield(&a.body)) {
            self.check_scrutinee_borrows(&m.expr);
        }
        let scrutinee = self.expr(&m.expr);
        self.mention_hidden(&scrutinee);
        let scrutinee = self.in_unsafe(scrutinee);
        self.kill_definitely_assigned(&Expr::Match(m.clone()));
        let value = self.value_temp(want_value);
        let join = self.new_block(BlockKind::Internal);
        let mut arms = Vec::new();
        let scrutinee_lent = self.expr_mentions_lent(&m.expr);
        for arm in &m.arms {
            if let Some((_, guard)) = &arm.guard
                && expr_has_yield(guard)
            {
                self.cx.error_spanned_by(
                    guard,
                    "a match guard cannot suspend: compute the condition before the `match`",
                );
            }
            let mut guard_tokens = None;
            let mut guard_expr = arm.guard.as_ref().map(|(_, g)| (**g).clone());
            let (pat, rebinds) =
                self.unshadow_pattern(&arm.pat, &mut guard_expr.iter_mut().collect::<Vec<_>>());
            let mut lint = TokenStream::new();
            let body = self.in_seq(|this| {
                this.no_inline += usize::from(guarded);
                this.push_scope();
                let first = this.g.locals.len();
                this.declare_pattern(&pat, true);
                this.mark_pat(&arm.pat, first);
                if scrutinee_lent {
                    this.mark_lent(first..this.g.locals.len(), &pat);
                }
                // `match &cmd { Say(s) => .. }`: the bindings borrow what the scrutinee does.
                this.record_borrows(&m.expr, first..this.g.locals.len());
                lint = this.mut_let(first);
                this.tie_sites(first..this.g.locals.len(), None);
                if let Some(guard) = &guard_expr {
                    this.mention_all(&FreeNames::of_expr(guard));
                    guard_tokens = Some(this.rewrite_expr(guard));
                }
                for stmt in &rebinds {
                    this.lower_stmt(stmt);
                }
                let tail = match &*arm.body {
                    Expr::Block(b) if b.label.is_none() && b.attrs.is_empty() => {
                        this.lower_stmts(&b.block.stmts, value.is_some())
                    }
                    // `pat => break,` is a jump, like the same arm in braces.
                    other => this.tail_expr(other, value.is_some()),
                };
                this.finish_branch(join, value.as_ref(), tail);
                this.pop_scope();
                this.no_inline -= usize::from(guarded);
            });
            let guard = guard_tokens.map(|g| quote!(if #g));
            arms.push(quote!(#lint #pat #guard => #body));
        }
        self.emit_raw(quote!(match #scrutinee { #(#arms)* }));
        self.switch_to(join);
        Self::result(value)
    }

    fn lower_loop(&mut self, l: &syn::ExprLoop, want_value: bool) -> TokenStream {
        let value = self.value_temp(true);
        let exit = self.new_block(BlockKind::Internal);
        let head = self.new_block(BlockKind::Internal);
        self.goto(head, Vec::new());
        self.switch_to(head);
        self.leaps.push(Leap {
            label: l.label.as_ref().map(|l| l.name.ident.to_string()),
            is_loop: true,
            break_target: exit,
            continue_target: Some(head),
            value: value.as_ref().map(|v| v.0),
        });
        self.push_scope();
        self.lower_body_stmts(&l.body.stmts);
        self.goto(head, Vec::new());
        self.pop_scope();
        self.leaps.pop();
        self.switch_to(exit);
        if want_value {
            Self::result(value)
        } else {
            quote!(())
        }
    }

    fn lower_while(&mut self, w: &syn::ExprWhile) -> TokenStream {
        let exit = self.new_block(BlockKind::Internal);
        let head = self.new_block(BlockKind::Internal);
        self.goto(head, Vec::new());
        self.switch_to(head);
        self.leaps.push(Leap {
            label: w.label.as_ref().map(|l| l.name.ident.to_string()),
            is_loop: true,
            break_target: exit,
            continue_target: Some(head),
            value: None,
        });
        let (cond_expr, rebinds) = self.unshadow_condition(&w.cond);
        let (when_true, when_false) = self.outcome_kills(&cond_expr);
        let by_jumps = condition::by_jumps(&cond_expr);
        let cond = (!by_jumps).then(|| self.condition(&cond_expr));
        let guarded = !cond_temp_free(&w.cond);
        let body = |this: &mut Self| {
            this.no_inline += usize::from(guarded);
            for &id in &when_true {
                this.assign_whole(id);
            }
            this.push_scope();
            this.declare_cond_bindings(&cond_expr);
            for stmt in &rebinds {
                this.lower_stmt(stmt);
            }
            this.lower_body_stmts(&w.body.stmts);
            this.goto(head, Vec::new());
            this.pop_scope();
            this.no_inline -= usize::from(guarded);
        };
        if let Some(cond) = cond {
            let body = self.in_seq(body);
            let leave = self.in_seq(|this| {
                for &id in &when_false {
                    this.assign_whole(id);
                }
                this.goto(exit, Vec::new());
            });
            self.emit_raw(quote!(if #cond #body else #leave));
        } else {
            // No kills on either outcome (the condition suspends): it jumps to the body or out.
            let start = self.new_block(BlockKind::Internal);
            self.cond_jumps(&cond_expr, start, exit);
            self.switch_to(start);
            body(self);
        }
        self.leaps.pop();
        self.switch_to(exit);
        quote!(())
    }

    fn lower_for(&mut self, f: &syn::ExprForLoop) -> TokenStream {
        self.note_field_move(&f.expr);
        let iterable = self.expr(&f.expr);
        self.mention_hidden(&iterable);
        // The exit sits outside the scope that holds the iterator, which drops at the loop's end.
        let exit = self.new_block(BlockKind::Internal);
        self.push_scope();
        let (it_id, it) = self.temp("iter");
        self.record_borrows(&f.expr, it_id..it_id + 1);
        if !super::lent::owned_result(&f.expr) {
            self.note_lent(
                &iterable,
                it_id..it_id + 1,
                syn::spanned::Spanned::span(&*f.expr),
            );
        }
        let iterable = self.in_unsafe(iterable);
        self.emit_raw(quote!(let mut #it = ::core::iter::IntoIterator::into_iter(#iterable);));
        self.tie_sites(it_id..it_id + 1, None);
        self.mark_iter(f, it_id);
        let head = self.new_block(BlockKind::Internal);
        self.goto(head, Vec::new());
        self.switch_to(head);
        self.mention_hidden(&quote!(#it));
        self.leaps.push(Leap {
            label: f.label.as_ref().map(|l| l.name.ident.to_string()),
            is_loop: true,
            break_target: exit,
            continue_target: Some(head),
            value: None,
        });
        let (pat, rebinds) = self.unshadow_pattern(&f.pat, &mut []);
        let pat = &pat;
        let mut lint = TokenStream::new();
        let iter_lent = self.g.lent.iter().any(|&(l, _)| l == it_id);
        let body = self.in_seq(|this| {
            this.push_scope();
            let first = this.g.locals.len();
            this.declare_pattern(pat, true);
            this.mark_pat(&f.pat, first);
            if iter_lent {
                this.mark_lent(first..this.g.locals.len(), pat);
            }
            lint = this.mut_let(first);
            this.tie_sites(first..this.g.locals.len(), None);
            for stmt in &rebinds {
                this.lower_stmt(stmt);
            }
            this.lower_body_stmts(&f.body.stmts);
            this.goto(head, Vec::new());
            this.pop_scope();
        });
        let leave = self.in_seq(|this| this.goto(exit, Vec::new()));
        self.emit_raw(quote! {
            match ::core::iter::Iterator::next(&mut #it) {
                #lint ::core::option::Option::Some(#pat) => #body,
                ::core::option::Option::None => #leave,
            }
        });
        self.leaps.pop();
        self.pop_scope();
        self.switch_to(exit);
        quote!(())
    }

    /// `break 'label value` where the value suspends.
    pub fn lower_break(&mut self, b: &syn::ExprBreak) -> TokenStream {
        let value = b.expr.as_ref().map(|v| {
            let v = self.expr(v);
            self.mention_hidden(&v);
            v
        });
        let label = b.label.as_ref().map(|l| l.ident.to_string());
        let Some(leap) = self.find_leap(label.as_deref(), false) else {
            self.cx.error_spanned_by(
                b,
                "this `break` has no enclosing loop or labeled block in the generator",
            );
            return quote!(());
        };
        let (target, slot) = (self.leaps[leap].break_target, self.leaps[leap].value);
        let defines = match (slot, value) {
            (Some(slot), Some(v)) => vec![(slot, v)],
            (Some(slot), None) => vec![(slot, quote!(()))],
            (None, Some(v)) => {
                self.emit(quote!(let _ = #v;));
                Vec::new()
            }
            (None, None) => Vec::new(),
        };
        self.jump(target, super::JumpKind::Goto, defines)
    }

    /// The innermost lowered loop/labeled block a `break`/`continue` with this label targets.
    pub fn find_leap(&self, label: Option<&str>, is_continue: bool) -> Option<usize> {
        self.leaps.iter().rposition(|l| match label {
            Some(name) => l.label.as_deref() == Some(name),
            None => l.is_loop,
        } && (!is_continue || l.is_loop))
    }
}
