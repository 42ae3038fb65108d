//! Gotos run in place: a jump whose target is small and whose arm keeps nothing alive that
//! must drop at the jump renders the target's code where the jump is, instead of going through
//! the dispatch loop (what lets LLVM turn a generator loop into a plain loop).
//!
//! Input:  `{ .. goto B }` with `B` small
//! Output: `{ .. let (renamed,) = (..); <B's entry declarations> <B's code> }`

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::{format_ident, quote};

use super::Emit;
use crate::lower::{Context, LocalId};

/// Targets larger than this (in tokens) are reached through the dispatch loop.
const INLINE_LIMIT: usize = 400;

/// Bodies with more suspension points than this copy at most a [`BUDGET_SHARE`]th of their own
/// size of code into the jumps that run it in place (see [`Emit::spend_inline_budget`]).
const BUDGET_FROM_POINTS: usize = 32;
/// A 500-statement body (160 yields, annotated locals) checked in 13.0 s with unlimited copies,
/// 8.1 s with a quarter of its size, 7.3 s with none.
const BUDGET_SHARE: usize = 4;

impl Emit<'_> {
    /// Whether a goto can run its target's code in place instead of going through the dispatch
    /// loop (what lets LLVM turn a generator loop into a plain loop).
    ///
    /// Locals bound in the arm but not passed to the target stay alive in the inlined code until
    /// the arm ends. That is only allowed for locals still in scope at the target (dead ones,
    /// which the documented rule lets us drop at any boundary before their scope's end); a local
    /// whose scope ends at this jump must drop here, so such a jump stays a state change.
    pub(super) fn can_inline(&self, j: usize) -> bool {
        let jump = &self.g.jumps[j];
        let target = jump.target;
        if !jump.inline_ok || self.g.blocks[target].has_closure {
            return false;
        }
        // A value the jump defines (an `if`'s or a loop's result) gets its type where all the
        // jumps that define it meet: in the target's variant. A copy of the target run in place
        // would infer it from this jump alone, and type-check the code after the join before
        // the other branches (E0282 on `if c { vec![yield_!(1)] } else { Vec::new() }`).
        if !jump.defines.is_empty() && self.incoming[target] > 1 {
            return false;
        }
        {
            let stack = self.inlining.borrow();
            // One level: a goto inlined into an arm does not inline further. Deeper nesting
            // copied each join's code into every branch that reaches it (the expansion of a
            // 300-statement body grew fourfold and its `cargo check` 22 s -> 5 s); one level is
            // what the counting loops and the tokenizer need to run at hand-written speed.
            if stack.contains(&target) || stack.len() > 1 || target == 0 {
                return false;
            }
        }
        let entry = &self.g.blocks[target].entry_scope;
        let unsaved = self.unsaved_at(j);
        let lingering = self.lingering.borrow();
        // A dead local may outlive the jump only while still in scope and never reassigned
        // (reassignment would drop its old value there, before the arm ends).
        let killed = |l: &LocalId| self.g.blocks.iter().any(|b| b.kills.contains(l));
        if !unsaved
            .iter()
            .chain(lingering.iter().flatten())
            .all(|l| entry.contains(l) && !killed(l))
        {
            return false;
        }
        // A renamed local is rebound with the restored locals declared after it (see
        // `inlined_goto`), and so are those after a local the target declares at its entry (see
        // `entry_decls`); a dead local of the arm declared after it cannot be (it may have been
        // moved out), and would then drop after them.
        let first_declared = self
            .entry_declared(target)
            .into_iter()
            .chain(self.entry_aliases(target))
            .min();
        let first_rebound = match (self.first_renamed(j), first_declared) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let Some(first) = first_rebound
            && unsaved
                .iter()
                .chain(lingering.iter().flatten())
                .any(|&l| l > first)
        {
            return false;
        }
        drop(lingering);
        self.code_size(target) <= INLINE_LIMIT
    }

    /// Where other jumps also reach the target, the types of the locals this copy of its code
    /// restores are tied to the target's variant: the copy would otherwise infer them from this
    /// arm alone (`let mut o = None;` reaching a join whose code only calls `o.is_some()`: E0282,
    /// where plain Rust types `o` from the other branch). The test never holds at run time (the
    /// state is `Poisoned` while a step runs), so it compiles to nothing.
    ///
    /// Output: `if let State::B { f: __coro_tie0, .. } = &*state { let _ = [__coro_tie0, &o]; }`
    pub(super) fn type_tie(&self, j: usize) -> TokenStream {
        let jump = &self.g.jumps[j];
        let target = jump.target;
        if self.incoming[target] < 2 {
            return TokenStream::new();
        }
        // A local the arm restored from its own variant already has the type of the target's
        // field (one type parameter per local): only locals declared in the arm, or defined by
        // the jump, need the tie. (Tying every field cost a 200-statement body a third of its
        // check.)
        let arm = match self.inlining.borrow().as_slice() {
            &[arm] => Some(arm),
            _ => None,
        };
        let (restored, declared) = arm.map_or_else(Default::default, |arm| {
            (self.fields(arm), self.entry_declared(arm))
        });
        let typed_by_variant = |l: LocalId| {
            arm.is_some_and(|arm| {
                restored.contains(&l)
                    && !declared.contains(&l)
                    && !jump.defines.iter().any(|(d, _)| *d == l)
                    && self.value_at(j, l) == self.target_name(arm, l)
            })
        };
        let all = self.fields(target);
        let fields: Vec<LocalId> = all
            .iter()
            .copied()
            .filter(|&l| self.g.locals[l].state_ty.is_none() && !typed_by_variant(l))
            .collect();
        if fields.is_empty() {
            return TokenStream::new();
        }
        self.tied.borrow_mut().insert(target);
        let Context {
            state, enum_name, ..
        } = self.ctx;
        let v = self.variant(target);
        let ties: Vec<Ident> = (0..fields.len())
            .map(|i| format_ident!("__coro_tie{}", i, span = Span::mixed_site()))
            .collect();
        let names = fields.iter().map(|&l| &self.g.locals[l].hidden);
        let rest = (fields.len() < all.len() || !self.frame.is_empty()).then(|| quote!(, ..));
        let values = fields.iter().map(|&l| self.value_at(j, l));
        // Tying `_guard`'s type is not a use of it in the user's code. An array of the two
        // references ties the types without a generic call: `same_type(tie, &value)` left an
        // obligation per field for rustc to rescan, a third of a 200-statement body's check.
        quote! {
            #[allow(clippy::used_underscore_binding)]
            if let #enum_name::#v { #(#names: #ties),* #rest } = &*#state {
                #(let _ = [#ties, &#values];)*
            }
        }
    }

    /// The first-declared local the jump's target restores under another name than the arm
    /// has for it (a value the jump defines, a local shadowed on one side only).
    fn first_renamed(&self, j: usize) -> Option<LocalId> {
        let target = self.g.jumps[j].target;
        self.restore_order(target)
            .into_iter()
            .find(|&l| self.value_at(j, l) != self.target_name(target, l))
    }

    /// Locals bound in the jump's arm that the jump does not pass on.
    pub(super) fn unsaved_at(&self, j: usize) -> Vec<LocalId> {
        let jump = &self.g.jumps[j];
        let from = jump.from;
        let entry = self.fields(from);
        let redeclared = self.entry_declared(from);
        jump.names
            .keys()
            .copied()
            .filter(|l| {
                let bound = entry.contains(l)
                    || redeclared.contains(l)
                    || self.g.locals[*l].decl_block == from;
                bound && !jump.save.contains(l) && !jump.defines.iter().any(|(d, _)| d == l)
            })
            .collect()
    }

    /// Whether jump `j`, which could run its target in place, may: in a large body the copies of
    /// joins cost rustc more than their share of tokens (every copy has its own state
    /// constructions, each instantiating all of the enum's type parameters: a 1,000-statement
    /// body checked in 45 s with no copies against 106 s with them), so past
    /// [`BUDGET_FROM_POINTS`] suspension points the copies together hold at most a
    /// [`BUDGET_SHARE`]th of the body's code, first come (in rendering order) first served.
    /// Small bodies, where the copies make loops run at hand-written speed, are not limited.
    pub(super) fn spend_inline_budget(&self, j: usize) -> bool {
        if self.g.points.len() <= BUDGET_FROM_POINTS {
            return true;
        }
        let mut budget = self.inline_budget.borrow_mut();
        let left = *budget.get_or_insert_with(|| {
            let body: usize = (0..self.g.blocks.len()).map(|b| self.code_size(b)).sum();
            body / BUDGET_SHARE
        });
        let size = self.code_size(self.g.jumps[j].target);
        if size > left {
            return false;
        }
        *budget = Some(left - size);
        true
    }

    /// Token count of a block's code (nested sequences included), memoized.
    pub(super) fn code_size(&self, b: usize) -> usize {
        if let Some(&n) = self.sizes.borrow().get(&b) {
            return n;
        }
        let mut n = 0;
        let mut stack = vec![self.g.blocks[b].root];
        while let Some(seq) = stack.pop() {
            for stmt in &self.g.seqs[seq] {
                n += count_tokens(stmt);
                collect_seq_refs(stmt, &mut stack);
            }
        }
        self.sizes.borrow_mut().insert(b, n);
        n
    }

    /// A goto run in place: the target's restored locals rebound under the names its code uses,
    /// its declarations, then its code.
    pub(super) fn inlined_goto(&self, j: usize) -> TokenStream {
        let jump = &self.g.jumps[j];
        let target = jump.target;
        // A restored local the arm already binds under the name the target's code uses is not
        // rebound: a new binding would drop before the arm's locals declared after it that stay
        // alive in the inlined code (dead, but in scope). One whose name changes (a value the
        // jump defines, a local shadowed on one side only) is rebound, and so are the restored
        // locals declared after it, so that they still drop before it.
        let first_renamed = self.first_renamed(j);
        let carried: Vec<LocalId> = self
            .restore_order(target)
            .into_iter()
            .filter(|&l| first_renamed.is_some_and(|f| l >= f))
            .collect();
        let values = carried.iter().map(|&l| self.value_at(j, l));
        let bindings = self.bindings(target, &carried);
        let decls = self.entry_decls(target);
        self.inlining.borrow_mut().push(target);
        self.lingering.borrow_mut().push(self.unsaved_at(j));
        let code = self.render_seq(self.g.blocks[target].root);
        self.lingering.borrow_mut().pop();
        self.inlining.borrow_mut().pop();
        let rebind = (!carried.is_empty()).then(|| {
            quote! {
                #[allow(unused_mut, clippy::used_underscore_binding)]
                let (#(#bindings,)*) = (#(#values,)*);
            }
        });
        quote! {
            #rebind
            #(#decls)*
            #code
        }
    }
}

/// Collects the sequences a statement nests (`__coro_ph_S<n>` placeholders).
fn collect_seq_refs(tokens: &TokenStream, out: &mut Vec<usize>) {
    for tt in tokens.clone() {
        match tt {
            TokenTree::Ident(i) => {
                if let Some(Ok(n)) = i.to_string().strip_prefix("__coro_ph_S").map(str::parse) {
                    out.push(n);
                }
            }
            TokenTree::Group(g) => collect_seq_refs(&g.stream(), out),
            _ => {}
        }
    }
}

fn count_tokens(ts: &TokenStream) -> usize {
    ts.clone()
        .into_iter()
        .map(|tt| match tt {
            TokenTree::Group(g) => 1 + count_tokens(&g.stream()),
            _ => 1,
        })
        .sum()
}
