//! Statements of a lowered scope.
//!
//! Input:  the statements of a block that contains a suspension.
//! Output: arm code in the current block; `let`s declare locals (for liveness and naming), and a
//!         `let` that shadows a visible local keeps the old one reachable through an alias.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, quote};
use syn::{Expr, Stmt};

use super::names::pat_bindings;
use super::{Alias, BlockKind, Lowerer, ph};
use crate::scan::{self, YieldKind, local_has_yield, stmt_has_yield};

impl Lowerer<'_> {
    /// Lowers the whole fn body: statements, then the tail value completes the generator.
    pub fn lower_body(&mut self, block: &syn::Block) {
        let tail = self.lower_stmts(&block.stmts, true);
        if self.diverged {
            return;
        }
        let done = if let Some(value) = tail {
            self.complete(&value)
        } else {
            // Generated code only: unreachable when the body's last statement diverges.
            let done = self.complete(&quote!(()));
            quote!(#[allow(unreachable_code)] #done)
        };
        self.emit_raw(done);
    }

    /// Lowers statements in the current scope; returns the tail expression's value, if any
    /// (`want_value`: the value is used; see [`Self::tail_expr`]).
    pub fn lower_stmts(&mut self, stmts: &[Stmt], want_value: bool) -> Option<TokenStream> {
        let live_at_start = !self.g.blocks[self.cur_block].dead;
        for (i, stmt) in stmts.iter().enumerate() {
            self.g.blocks[self.cur_block].user_code = true;
            match stmt {
                Stmt::Expr(e, None) if i + 1 == stmts.len() => {
                    return self.tail_expr(e, want_value);
                }
                _ => self.lower_stmt(stmt),
            }
            let ends = match stmt {
                Stmt::Expr(e, _) => is_jump(e) || diverges(e),
                Stmt::Macro(m) => is_diverging_macro(&m.mac),
                _ => false,
            };
            if ends {
                if i + 1 == stmts.len() {
                    self.diverged = true;
                    return None;
                }
                // The rest of the block is unreachable, but rustc type-checks it: it goes to a
                // block no jump reaches (a dead arm, see `dead.rs`), which keeps liveness exact.
                let cut = self.new_block(BlockKind::Internal);
                // Only where the next statement is plain user code, emitted as written: the first
                // unreachable code rustc reports is then the user's (a lowered suspension, or a
                // tail value inside the generated completion, is generated code to rustc).
                let next = &stmts[i + 1];
                let tail = i + 2 == stmts.len() && matches!(next, Stmt::Expr(_, None));
                let live = !self.g.blocks[self.cur_block].dead && !tail && !stmt_has_yield(next);
                self.switch_to(cut);
                if live {
                    self.g.blocks[cut].cut_by = Some(syn::spanned::Spanned::span(stmt));
                }
            }
        }
        // A block that diverges before its end has type `!` in plain Rust, not `()`.
        (live_at_start && self.g.blocks[self.cur_block].dead)
            .then(|| quote!(::core::unreachable!()))
    }

    /// The statements of a loop's body, whose value is `()`: a tail is evaluated for its effects
    /// (a bare temporary is the `()` of a nested construct, or the `!` of dead code: nothing).
    pub(super) fn lower_body_stmts(&mut self, stmts: &[Stmt]) {
        let Some(t) = self.lower_stmts(stmts, false) else {
            return;
        };
        let generated = syn::parse2::<Ident>(t.clone())
            .is_ok_and(|i| i.to_string().starts_with("__coro"))
            || t.to_string() == quote!(::core::unreachable!()).to_string();
        if !generated {
            self.mention_hidden(&t);
            self.emit(quote!(#t;));
        }
    }

    /// The tail of a block, or a match arm's body: its value, or `None` when it jumps or
    /// diverges. A tail `break`/`continue`/`return` (no `;`, as rustfmt leaves it) is a jump like
    /// its `;` form, not a value: lowering it as a value would drop the jump.
    ///
    /// Where the value is not used (a loop's body, a branch of an `if` statement), a tail `if`,
    /// `match`, loop or block is a statement: its own branches then need no value temporary
    /// either, whose `()` would be one more local saved across each suspension in them.
    pub(super) fn tail_expr(&mut self, e: &Expr, want_value: bool) -> Option<TokenStream> {
        if is_jump(e) || diverges(e) {
            self.expr_stmt(e, None);
            self.diverged = true;
            return None;
        }
        if !want_value && is_control(e) {
            self.expr_stmt(e, None);
            return None;
        }
        let value = self.expr(e);
        // An attribute on the tail (`#[allow(..)] if c { .. }`) is allowed there but not where
        // the value goes (a `let`, a struct field): keep it a block's tail.
        let attributed = matches!(
            value.clone().into_iter().next(),
            Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == '#'
        );
        Some(if attributed {
            quote!({ #value })
        } else {
            value
        })
    }

    pub(super) fn lower_stmt(&mut self, stmt: &Stmt) {
        match stmt {
            Stmt::Item(item) => {
                // Items cannot see locals; hoisting them lets every arm use them.
                self.g.items.push(item.to_token_stream());
            }
            Stmt::Local(local) => self.lower_local(local),
            Stmt::Macro(m) => {
                let e = Expr::Macro(syn::ExprMacro {
                    attrs: m.attrs.clone(),
                    mac: m.mac.clone(),
                });
                self.expr_stmt(&e, m.semi_token.as_ref());
            }
            Stmt::Expr(e, semi) => self.expr_stmt(e, semi.as_ref()),
        }
    }

    /// An expression evaluated for its effects; `semi` is the user's `;` (kept, so that lints
    /// on the statement, such as `path_statements`, see the user's statement).
    pub fn expr_stmt(&mut self, e: &Expr, semi: Option<&syn::Token![;]>) {
        let lower = stmt_has_yield(&Stmt::Expr(e.clone(), None))
            || super::patterns::jumps_out_after_shadowing(self, e);
        if !lower {
            let code = self.verbatim_expr(e);
            let semi = semi.map_or_else(|| quote!(;), ToTokens::to_token_stream);
            self.emit(quote!(#code #semi));
            return;
        }
        match e {
            Expr::Macro(m) if super::await_point::is_await_marker(&m.mac.path) => {
                self.lower_await(&m.mac, false);
            }
            Expr::Macro(m) if scan::yield_kind(&m.mac.path) == Some(YieldKind::Yield) => {
                self.lower_yield(&m.mac, false, false);
            }
            e if is_control(e) => {
                let _ = self.control(e, false);
            }
            Expr::Assign(a) if self.local_path(&a.left).is_some() => {
                let id = self.local_path(&a.left).expect("checked");
                let rhs = self.expr(&a.right);
                self.mention_hidden(&rhs);
                let left = &a.left;
                self.assign_whole(id);
                let stmt = quote!(#left = #rhs;);
                self.emit(stmt);
            }
            _ => {
                let code = self.expr(e);
                self.emit(quote!(#code;));
            }
        }
    }

    /// Marks dead, before a lowered construct, the locals it assigns on every path without
    /// reading them first (the assignments themselves sit in its branches).
    pub(super) fn kill_definitely_assigned(&mut self, e: &Expr) {
        for id in self.definitely_assigned(e) {
            self.mark_dead(id);
        }
    }

    /// The locals a lowered construct assigns on every path out of it without reading them
    /// first: dead where its branches start.
    pub(super) fn definitely_assigned(&self, e: &Expr) -> Vec<super::LocalId> {
        let fx = super::assign::branch_effects(e);
        fx.assigned
            .iter()
            // `if c { t = new() } else { continue }`: the `continue` takes the old `t` to the
            // loop's head, which may read it (difftest AL: E0381 there).
            .filter(|name| !fx.reads.iter().any(|r| r == *name) && fx.assigned_on_every_exit(name))
            .filter_map(|name| self.resolve(name))
            .collect()
    }

    /// `x` when it names a local of the generator.
    pub fn local_path(&self, e: &Expr) -> Option<usize> {
        match e {
            Expr::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => {
                self.resolve(&p.path.segments[0].ident.to_string())
            }
            Expr::Paren(p) => self.local_path(&p.expr),
            _ => None,
        }
    }

    fn lower_local(&mut self, local: &syn::Local) {
        let (pat, ty) = match &local.pat {
            syn::Pat::Type(pt) => (&*pt.pat, Some(&pt.ty)),
            other => (other, None),
        };
        let has_yield = local_has_yield(local);
        let initialized = local.init.is_some();
        // The initializer, lowered before the pattern's names come into scope.
        let init = match &local.init {
            None => None,
            Some(init) => {
                let value = if has_yield && scan::expr_has_yield(&init.expr) {
                    let v = self.expr(&init.expr);
                    self.mention_hidden(&v);
                    v
                } else {
                    self.verbatim_expr(&init.expr)
                };
                let diverge = init.diverge.as_ref().map(|(_, d)| {
                    if scan::expr_has_yield(d) {
                        // A diverging else block that suspends: lower it as a branch.
                        self.in_seq(|this| {
                            let _ = this.control(d, false);
                        })
                    } else {
                        // Runs only when the pattern fails: what it assigns is no kill for the
                        // path that goes on (difftest AS, seed 95305530: `else { return
                        // opt({ b = ..; n2 }).unwrap_or(2) }` killed `b`, read in a later
                        // iteration: E0381).
                        self.verbatim_expr_on(d, false)
                    }
                });
                Some((value, diverge))
            }
        };
        let bindings = pat_bindings(pat);
        let shadows: Vec<usize> = bindings
            .iter()
            .filter_map(|b| {
                let id = self.resolve(&b.ident.to_string())?;
                // Only a local bound by this name in the arm can need an alias.
                (self.names_get(id).as_ref() == Some(&b.ident.clone())).then_some(id)
            })
            .collect();
        let ty_tokens = ty.map(|t| quote!(: #t));
        // The user's own `let` and `;`: lints on the statement point at it.
        let (let_, semi) = (&local.let_token, &local.semi_token);
        if shadows.is_empty() {
            let first = self.g.locals.len();
            self.declare_pattern(pat, initialized);
            self.mark_let(local, first);
            self.after_let(local, first);
            let lint = self.mut_let(first);
            let stmt = match init {
                None => self.deferred_decl(quote!(#let_ #pat #ty_tokens #semi), first),
                Some((value, None)) => {
                    let value = self.in_unsafe(value);
                    quote!(#lint #let_ #pat #ty_tokens = #value #semi)
                }
                Some((value, Some(diverge))) => {
                    // `let .. = unsafe { .. } else` does not parse: a `}` may not come before
                    // `else`.
                    let value = if self.unsafe_depth > 0 {
                        let value = self.in_unsafe(value);
                        quote!((#value))
                    } else {
                        value
                    };
                    quote!(#lint #let_ #pat #ty_tokens = #value else #diverge #semi)
                }
            };
            self.emit_let(stmt, local, first);
            return;
        }
        // Evaluate the initializer while the old names are visible, then move each shadowed
        // local to its hidden name (if a later jump in this arm needs it), then bind.
        let init_tmp = Ident::new("__coro_init", Span::mixed_site());
        // `let line = line.trim();` over a lent `line`: asked while the old name is visible.
        let init_lent = self.init_is_lent(local, init.as_ref().map(|(value, _)| value));
        if let Some((value, _)) = &init {
            let value = self.in_unsafe(value.clone());
            self.emit_raw(quote!(let #init_tmp #ty_tokens = #value #semi));
        }
        for id in shadows {
            let n = self.g.aliases.len();
            self.g.aliases.push(Alias {
                local: id,
                block: self.current_block(),
                first_jump: self.g.jumps.len(),
                end_jump: usize::MAX,
                user_name: self.g.locals[id].name.clone(),
            });
            self.note_alias(n);
            let hidden = self.g.locals[id].hidden.clone();
            self.set_name(id, hidden);
            let p = ph("A", n);
            self.emit_raw(quote!(#p));
        }
        let first = self.g.locals.len();
        self.declare_pattern(pat, initialized);
        self.mark_let(local, first);
        self.after_let(local, first);
        let lint = self.mut_let(first);
        let stmt = match init {
            None => self.deferred_decl(quote!(#let_ #pat #ty_tokens #semi), first),
            Some((_, None)) => quote!(#lint #let_ #pat = #init_tmp #semi),
            Some((_, Some(diverge))) => quote!(#lint #let_ #pat = #init_tmp else #diverge #semi),
        };
        if init_lent {
            self.mark_lent(first..self.g.locals.len(), pat);
        }
        self.emit_let(stmt, local, first);
    }

    /// Emits a lowered `let` that declared the locals from `first` on, with what follows from
    /// them: a lent resume value is tracked, and each initialized `mut` local gets its witness.
    fn emit_let(&mut self, stmt: TokenStream, local: &syn::Local, first: usize) {
        let end = self.g.locals.len();
        if let syn::Pat::Type(pt) = &local.pat
            && let syn::Pat::Ident(syn::PatIdent {
                by_ref: None,
                subpat: None,
                ..
            }) = &*pt.pat
            && end == first + 1
        {
            self.g.locals[first].annotation = Some((*pt.ty).clone());
        }
        if self.init_is_lent(local, Some(&stmt)) {
            self.mark_lent(first..end, &local.pat);
        }
        self.emit_raw(stmt);
        // A `let` without a value was just recorded as a deferred declaration.
        let decl = local.init.is_none().then(|| self.g.decls.len() - 1);
        self.tie_sites(first..end, decl);
        if local.init.is_some() {
            self.type_witnesses(first, end);
        }
    }

    /// Where a pattern declares locals (from `first` on), a place for the hidden-name alias of
    /// each, declared there if a later shadowing `let` in this arm needs one: declared with the
    /// local (just before a `let`'s statement, or at the start of the branch a pattern binds
    /// in), the alias drops where the local would, after the locals declared after it.
    fn alias_slots(&mut self, first: usize) {
        for id in first..self.g.locals.len() {
            self.g.alias_slots.insert(id);
            let p = ph("P", id);
            self.g.seqs[self.cur_seq].push(quote!(#p));
        }
    }

    /// Before a `let` that declares locals from `first` on: a placeholder for the lint level of
    /// its `mut` bindings. A local that lives across a suspension is mutated in other arms than
    /// the one that declares it, where rustc would see a needless `mut` (decided after liveness).
    pub fn mut_let(&mut self, first: usize) -> TokenStream {
        let locals: Vec<usize> = (first..self.g.locals.len())
            .filter(|&l| self.g.locals[l].mutable)
            .collect();
        if locals.is_empty() {
            return TokenStream::new();
        }
        let n = self.g.mut_lets.len();
        self.g.mut_lets.push(locals);
        let p = ph("M", n);
        quote!(#p)
    }

    /// A `let` without initializer, emitted only if its block uses what it declares (from
    /// `first` on): an arm that never assigns it could not infer its type.
    fn deferred_decl(&mut self, tokens: TokenStream, first: usize) -> TokenStream {
        let n = self.g.decls.len();
        self.g.decls.push(super::Decl {
            tokens,
            locals: (first..self.g.locals.len()).collect(),
            block: self.current_block(),
        });
        let p = ph("D", n);
        quote!(#p)
    }

    /// Ownership and borrow facts about the locals a `let` just declared (from `first` on).
    fn after_let(&mut self, local: &syn::Local, first: usize) {
        let Some(init) = &local.init else { return };
        let annotated = match &local.pat {
            syn::Pat::Type(pt) => Some(&*pt.ty),
            _ => None,
        };
        // `let c: i64 = t.get();` holds no borrow whatever the method's name.
        let plain = annotated.is_some_and(super::borrows::is_plain_owned_type);
        let owned = plain || super::borrows::is_owned_init(&init.expr);
        for id in first..self.g.locals.len() {
            self.g.locals[id].owned = owned;
        }
        if !plain {
            self.record_borrows(&init.expr, first..self.g.locals.len());
            self.note_temporary_borrow(&init.expr, first..self.g.locals.len());
        }
    }

    /// Declares the names a pattern binds in the current scope.
    pub fn declare_pattern(&mut self, pat: &syn::Pat, initialized: bool) {
        let first = self.g.locals.len();
        for b in pat_bindings(pat) {
            let id = self.declare(b.ident, b.mutable);
            self.g.locals[id].guard_eligible = initialized;
        }
        self.alias_slots(first);
    }
}

/// The expressions [`Lowerer::control`] lowers: blocks, branches and loops.
pub(super) fn is_control(e: &Expr) -> bool {
    matches!(
        e,
        Expr::If(_)
            | Expr::Match(_)
            | Expr::Loop(_)
            | Expr::While(_)
            | Expr::ForLoop(_)
            | Expr::Block(_)
            | Expr::Unsafe(_)
    )
}

/// `break`, `continue` or `return` (in parentheses too): an expression that never yields a value.
fn is_jump(e: &Expr) -> bool {
    match e {
        Expr::Break(_) | Expr::Continue(_) | Expr::Return(_) => true,
        Expr::Paren(p) => is_jump(&p.expr),
        _ => false,
    }
}

/// `panic!(..)`, `unreachable!(..)`, `todo!(..)`, `unimplemented!(..)`: a block ending with one
/// diverges, so nothing is generated after it (no goto for rustc to find unreachable).
fn diverges(e: &Expr) -> bool {
    match e {
        Expr::Macro(m) => is_diverging_macro(&m.mac),
        Expr::Paren(p) => diverges(&p.expr),
        _ => false,
    }
}

fn is_diverging_macro(mac: &syn::Macro) -> bool {
    matches!(
        super::macros::macro_name(mac).as_str(),
        "panic" | "unreachable" | "todo" | "unimplemented"
    )
}
