//! Lowering a `#[generator]` body into a graph of blocks (regenerator/C#-iterator style).
//!
//! Each block becomes one variant of the state enum and one arm of the step closure's `match`.
//! A block starts at a resume point (after a `yield_!`) or at a join/loop head, and its code is
//! ordinary Rust: constructs that contain no suspension are emitted as written (after rewriting
//! `return`, `?`, `self` and jumps out of lowered loops); constructs that do are split.
//!
//! Code is built as token streams holding placeholder identifiers (`__coro_ph_*`) for what is only
//! known after liveness (which locals a jump saves, whether a shadowed local needs an alias);
//! `emit` substitutes them. Data flows one way: syn AST -> [`Graph`] -> tokens.

mod assign;
pub mod await_point;
pub mod borrows;
pub(crate) mod captures;
mod condition;
mod control;
pub mod dead;
mod eval;
mod expr;
mod graph;
pub mod lent;
pub mod liveness;
mod local_set;
pub(crate) mod macros;
pub mod names;
pub mod partial;
mod patterns;
pub mod rewrite;
pub mod state_types;
mod stmt;
pub mod suspend;
pub mod taint;
pub mod temporaries;
#[cfg(test)]
mod tests;
pub mod typing;
pub mod witness;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use std::collections::HashMap;

use crate::diag::Ctxt;

pub use graph::*;

pub struct Lowerer<'a> {
    pub cx: &'a Ctxt,
    pub ctx: &'a Context,
    pub g: Graph,
    pub(crate) cur_block: BlockId,
    pub(crate) cur_seq: SeqId,
    scopes: Vec<Vec<LocalId>>,
    /// Current name of each local bound in the arm being built.
    names: HashMap<LocalId, Ident>,
    pub(crate) leaps: Vec<Leap>,
    pub(crate) unsafe_depth: usize,
    /// The current sequence ended with a `break`/`continue`/`return` statement: what follows is
    /// unreachable, so no fallthrough goto is recorded (it would make locals look live).
    pub(crate) diverged: bool,
    next_order: usize,
    temp_counter: usize,
    pub(crate) pattern_counter: usize,
    /// Per scope, the aliases made by shadowing `let`s in it.
    open_aliases: Vec<Vec<usize>>,
    /// Nonzero while lowering code where untracked values may be alive (see `Jump::inline_ok`).
    pub(crate) no_inline: usize,
}

pub fn ph(kind: &str, n: usize) -> Ident {
    Ident::new(&format!("__coro_ph_{kind}{n}"), Span::mixed_site())
}

impl<'a> Lowerer<'a> {
    pub fn new(cx: &'a Ctxt, ctx: &'a Context) -> Self {
        let mut l = Lowerer {
            cx,
            ctx,
            g: Graph {
                locals: Vec::new(),
                blocks: Vec::new(),
                jumps: Vec::new(),
                seqs: Vec::new(),
                seq_parent: Vec::new(),
                aliases: Vec::new(),
                alias_slots: std::collections::HashSet::new(),
                decls: Vec::new(),
                tie_sites: Vec::new(),
                typing: typing::TypingMarks::default(),
                mut_lets: Vec::new(),
                witnesses: Vec::new(),
                lent: Vec::new(),
                temporary_borrows: Vec::new(),
                field_moves: Vec::new(),
                borrows: Vec::new(),
                points: Vec::new(),
                items: Vec::new(),
                params: Vec::new(),
                live_in: Vec::new(),
                awaits_lowered: 0,
            },
            cur_block: 0,
            cur_seq: 0,
            scopes: vec![Vec::new()],
            names: HashMap::new(),
            leaps: Vec::new(),
            unsafe_depth: 0,
            diverged: false,
            next_order: 0,
            temp_counter: 0,
            pattern_counter: 0,
            open_aliases: vec![Vec::new()],
            no_inline: 0,
        };
        let start = l.new_block(BlockKind::Start);
        l.switch_to(start);
        l
    }

    // ----- locals and scopes -------------------------------------------------------------

    pub fn declare(&mut self, name: Ident, mutable: bool) -> LocalId {
        let id = self.g.locals.len();
        let key = name.to_string();
        let hidden = format_ident!(
            "__coro_l{}_{}",
            id,
            key.trim_start_matches("r#"),
            span = Span::mixed_site()
        );
        let ty_param = format_ident!("__CoroT{}", id, span = Span::mixed_site());
        self.g.locals.push(Local {
            name: name.clone(),
            key,
            hidden,
            ty_param,
            annotation: None,
            state_ty: None,
            mutable,
            mentioned: false,
            pinned_guard: false,
            read: false,
            guard_eligible: false,
            owned: false,
            decl_block: self.cur_block,
        });
        self.scopes.last_mut().expect("scope").push(id);
        self.names.insert(id, name);
        id
    }

    /// A hidden temporary of the lowering, declared in the current scope.
    pub fn temp(&mut self, what: &str) -> (LocalId, Ident) {
        self.temp_counter += 1;
        let ident = Ident::new(
            &format!("__coro_{what}{}", self.temp_counter),
            Span::mixed_site(),
        );
        let id = self.declare(ident.clone(), true);
        (id, ident)
    }

    pub fn push_scope(&mut self) {
        self.scopes.push(Vec::new());
        self.open_aliases.push(Vec::new());
    }

    pub fn pop_scope(&mut self) -> Vec<LocalId> {
        let end = self.g.jumps.len();
        for a in self.open_aliases.pop().unwrap_or_default() {
            self.g.aliases[a].end_jump = end;
        }
        let locals = self.scopes.pop().expect("scope");
        for l in &locals {
            self.names.remove(l);
        }
        locals
    }

    /// Registers an alias as made in the current scope (see [`Alias::end_jump`]).
    pub fn note_alias(&mut self, n: usize) {
        if let Some(open) = self.open_aliases.last_mut() {
            open.push(n);
        }
    }

    pub fn in_scope(&self) -> Vec<LocalId> {
        self.scopes.iter().flatten().copied().collect()
    }

    pub fn resolve(&self, name: &str) -> Option<LocalId> {
        for scope in self.scopes.iter().rev() {
            for &id in scope.iter().rev() {
                if self.g.locals[id].key == name {
                    return Some(id);
                }
            }
        }
        None
    }

    /// Records mentions of the given names (those that resolve to locals).
    pub fn mention_all(&mut self, idents: &[Ident]) {
        for ident in idents {
            let name = ident.to_string();
            if let Some(id) = self.resolve(&name) {
                self.mention(id);
            }
        }
    }

    pub fn mention(&mut self, id: LocalId) {
        self.g.locals[id].mentioned = true;
        self.g.locals[id].read = true;
        self.push_event(Event::Mention(id));
    }

    /// Marks a local dead before a construct that assigns it on every path.
    pub fn mark_dead(&mut self, id: LocalId) {
        self.push_event(Event::Dead(id));
    }

    /// A whole-local assignment on the current sequence's path: a kill.
    pub fn assign_whole(&mut self, id: LocalId) {
        self.g.locals[id].mentioned = true;
        self.push_event(Event::Kill(id));
        self.g.blocks[self.cur_block].kills.push(id);
    }

    /// A local named only by unreachable plain code (see [`Event::Declare`]).
    pub fn declare_unreachable_use(&mut self, id: LocalId) {
        self.push_event(Event::Declare(id));
    }

    /// A whole-local assignment on some paths of plain code (see [`Event::Write`]).
    pub fn assign_partly(&mut self, id: LocalId) {
        self.g.locals[id].mentioned = true;
        self.push_event(Event::Write(id));
        self.g.blocks[self.cur_block].kills.push(id);
    }

    fn push_event(&mut self, event: Event) {
        let block = &mut self.g.blocks[self.cur_block];
        block.events.push(event);
        block.event_seqs.push(self.cur_seq);
    }

    // ----- blocks, sequences, jumps -------------------------------------------------------

    /// The locals in scope here (outermost first), and which of them user code can name (the
    /// innermost of each name): what a block entered from here restores, and how.
    fn entry_now(&self) -> (Vec<LocalId>, Vec<bool>) {
        let entry_scope = self.in_scope();
        // Innermost first: a name is visible where it is first met.
        let mut seen = std::collections::HashSet::new();
        let mut entry_visible: Vec<bool> = entry_scope
            .iter()
            .rev()
            .map(|&id| seen.insert(self.g.locals[id].key.as_str()))
            .collect();
        entry_visible.reverse();
        (entry_scope, entry_visible)
    }

    pub fn new_block(&mut self, kind: BlockKind) -> BlockId {
        let (entry_scope, entry_visible) = self.entry_now();
        let root = self.new_seq(None);
        self.g.blocks.push(Block {
            kind,
            entry_scope,
            entry_visible,
            root,
            events: Vec::new(),
            event_seqs: Vec::new(),
            kills: Vec::new(),
            order: usize::MAX,
            started: false,
            has_closure: false,
            dead: false,
            user_code: false,
            cut_root: false,
            cut_by: None,
        });
        self.g.blocks.len() - 1
    }

    /// Recomputes a block's entry scope from the current scopes (for blocks created before the
    /// locals that are in scope at their entry, e.g. a loop's value temp).
    pub fn refresh_entry_scope(&mut self, block: BlockId) {
        let (entry_scope, entry_visible) = self.entry_now();
        self.g.blocks[block].entry_scope = entry_scope;
        self.g.blocks[block].entry_visible = entry_visible;
    }

    pub fn new_seq(&mut self, parent: Option<SeqId>) -> SeqId {
        self.g.seqs.push(Vec::new());
        self.g.seq_parent.push(parent);
        self.g.seqs.len() - 1
    }

    pub fn switch_to(&mut self, block: BlockId) {
        // Every jump into a block is known when the lowering enters it (a loop head's back
        // edges come from its body, dead when the head is).
        let dead = block != 0
            && self
                .g
                .jumps
                .iter()
                .filter(|j| j.target == block)
                .all(|j| self.g.blocks[j.from].dead);
        self.g.blocks[block].dead = dead;
        self.cur_block = block;
        self.cur_seq = self.g.blocks[block].root;
        self.diverged = false;
        let b = &mut self.g.blocks[block];
        b.order = self.next_order;
        b.started = true;
        self.next_order += 1;
        self.names.clear();
        let b = &self.g.blocks[block];
        for (i, &id) in b.entry_scope.iter().enumerate() {
            let l = &self.g.locals[id];
            let name = if b.entry_visible[i] {
                l.name.clone()
            } else {
                l.hidden.clone()
            };
            self.names.insert(id, name);
        }
    }

    pub fn emit(&mut self, tokens: TokenStream) {
        self.mention_hidden(&tokens);
        let tokens = if self.unsafe_depth > 0 {
            quote!(unsafe { #tokens })
        } else {
            tokens
        };
        self.g.seqs[self.cur_seq].push(tokens);
    }

    /// Emits a statement whose inner expression should run in an `unsafe` context if the user's
    /// code was inside an `unsafe` block (wrapping a `let` would end its scope).
    pub fn emit_raw(&mut self, tokens: TokenStream) {
        self.mention_hidden(&tokens);
        self.g.seqs[self.cur_seq].push(tokens);
    }

    /// Wraps an expression for the current unsafe context.
    pub fn in_unsafe(&self, e: TokenStream) -> TokenStream {
        if self.unsafe_depth > 0 {
            quote!(unsafe { #e })
        } else {
            e
        }
    }

    /// Runs `f` with a fresh sequence as the current one; returns the sequence's placeholder.
    /// The current block may change inside `f` (a split); the caller's block is restored after.
    pub fn in_seq<F: FnOnce(&mut Self)>(&mut self, f: F) -> TokenStream {
        let saved_seq = self.cur_seq;
        let saved_block = self.cur_block;
        let saved_names = self.names.clone();
        let saved_diverged = std::mem::replace(&mut self.diverged, false);
        let seq = self.new_seq(Some(self.cur_seq));
        self.cur_seq = seq;
        f(self);
        self.diverged = saved_diverged;
        self.cur_seq = saved_seq;
        self.cur_block = saved_block;
        self.names = saved_names;
        let p = ph("S", seq);
        quote!({ #p })
    }

    pub fn jump(
        &mut self,
        target: BlockId,
        kind: JumpKind,
        defines: Vec<(LocalId, TokenStream)>,
    ) -> TokenStream {
        // Values computed by the jump itself run where the jump is, unsafe context included.
        let defines: Vec<_> = defines
            .into_iter()
            .map(|(l, v)| (l, self.in_unsafe(v)))
            .collect();
        for (_, v) in &defines {
            self.mention_hidden(v);
        }
        if let JumpKind::Yield { value, .. } = &kind {
            self.mention_hidden(value);
        }
        let kind = match kind {
            JumpKind::Yield { value, value_span } => JumpKind::Yield {
                value: self.in_unsafe(value),
                value_span,
            },
            kind @ (JumpKind::Goto | JumpKind::Pending) => kind,
        };
        let id = self.g.jumps.len();
        let names = self
            .in_scope()
            .into_iter()
            .filter_map(|l| self.names.get(&l).map(|n| (l, n.clone())))
            .collect();
        self.g.jumps.push(Jump {
            from: self.cur_block,
            target,
            kind,
            names,
            defines,
            save: Vec::new(),
            inline_ok: self.no_inline == 0,
            fallthrough: false,
            assigned_before: Vec::new(),
        });
        self.push_event(Event::Jump(id));
        let p = ph("J", id);
        quote!(#p)
    }

    /// A jump out of plain (not lowered) code: locals and temporaries of that code may be alive
    /// at it, so its target is never run in place.
    pub fn plain_code_jump(
        &mut self,
        target: BlockId,
        kind: JumpKind,
        defines: Vec<(LocalId, TokenStream)>,
    ) -> TokenStream {
        self.no_inline += 1;
        let j = self.jump(target, kind, defines);
        self.no_inline -= 1;
        j
    }

    /// Emits a goto to `target` as the last statement of the current sequence, unless the
    /// sequence already diverged.
    pub fn goto(&mut self, target: BlockId, defines: Vec<(LocalId, TokenStream)>) {
        if self.diverged {
            return;
        }
        let j = self.jump(target, JumpKind::Goto, defines);
        if let Some(last) = self.g.jumps.last_mut() {
            last.fallthrough = true;
        }
        self.emit_raw(j);
    }

    /// The code that completes the generator with `value` (already lowered tokens).
    pub fn complete(&self, value: &TokenStream) -> TokenStream {
        let Context {
            krate,
            state,
            enum_name,
            ..
        } = self.ctx;
        let ret = Ident::new("__coro_ret", Span::mixed_site());
        let annotated = if let Some(ty) = &self.ctx.return_ty {
            quote!(let #ret: #ty = #value;)
        } else {
            quote!(let #ret = #value;)
        };
        // An `#[async_gen]` body completing inside a `for_await!` loop drops the loop's stream
        // before its own locals (they drop at the `return`), as an `async fn` does.
        let parked = self
            .ctx
            .awaits
            .as_ref()
            .filter(|a| !a.levels.is_empty())
            .map(|a| {
                let slot = &a.slot;
                quote!(#krate::__private::Parked::clear(#slot.as_mut());)
            });
        // The value may be dead code's `!` (`unreachable!()` after a diverging statement).
        quote!({
            #annotated
            #[allow(unreachable_code)]
            {
                #parked
                #krate::__private::set_state(#state, #enum_name::Done);
                return ::core::result::Result::Ok(#krate::__private::GeneratorState::Complete(#ret));
            }
        })
    }

    /// The expression a resumed arm uses for the value sent to it: with `throw = E`, a
    /// `Result<R, E>` (`Err` when resumed by `throw`).
    pub fn resume_value(&self) -> TokenStream {
        let Context { krate, resume, .. } = self.ctx;
        if self.ctx.throw_ty.is_some() {
            if self.ctx.resume_is_unit {
                quote!(#krate::__private::resumed_unit_or_thrown(&mut #resume))
            } else {
                quote!(#krate::__private::resumed_or_thrown(&mut #resume))
            }
        } else if self.ctx.resume_is_unit {
            quote!(())
        } else {
            quote!(#krate::__private::resumed(&mut #resume))
        }
    }

    pub fn current_block(&self) -> BlockId {
        self.cur_block
    }

    pub fn finish(mut self) -> Graph {
        dead::mark_cut_roots(&mut self.g);
        self.g
    }
}
