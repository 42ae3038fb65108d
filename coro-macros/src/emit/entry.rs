//! What an arm binds at its entry: the restored locals (by the names its code uses), the
//! locals it declares there (assigned in the arm but not restored), and the hidden-name aliases
//! of locals that a shadowing `let` in the arm hides while a later jump still saves them.
//!
//! Input:  block `b` restoring `t`, assigning the moved-out `u` (declared before `t`)
//! Output: `State::B { t, .. } => { let mut u; let t = t; .. }` — bound in declaration order,
//!         so they drop in reverse declaration order, as in Rust.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::Emit;
use crate::lower::{Event, LocalId};

#[derive(Clone, Copy, PartialEq, Eq)]
enum AliasHome {
    Slot,
    Entry,
}

impl Emit<'_> {
    /// Patterns binding `locals` by the names block `b`'s code uses for them.
    pub(super) fn bindings(&self, b: usize, locals: &[LocalId]) -> Vec<TokenStream> {
        locals
            .iter()
            .map(|&l| {
                let name = self.target_name(b, l);
                let m = self.binds_mut(b, l).then(|| quote!(mut));
                quote!(#m #name)
            })
            .collect()
    }

    /// Whether block `b` binds restored local `l` as `mut`: the user's `mut`, or a hidden name
    /// (which a later shadowing `let` may assign through its alias).
    pub(super) fn binds_mut(&self, b: usize, l: LocalId) -> bool {
        let local = &self.g.locals[l];
        local.mutable || self.target_name(b, l) != local.name
    }

    /// The name block `b`'s code uses for a local restored at its entry: its own name when
    /// visible there, the hidden one when shadowed.
    pub(super) fn target_name(&self, b: usize, l: LocalId) -> Ident {
        let block = &self.g.blocks[b];
        let local = &self.g.locals[l];
        let pos = block.entry_scope.iter().position(|&x| x == l);
        if pos.is_some_and(|p| block.entry_visible[p]) {
            local.name.clone()
        } else {
            local.hidden.clone()
        }
    }

    /// The order an arm binds its restored locals in: declaration order. Bindings drop in
    /// reverse order, so locals restored together drop innermost-declared first, as in Rust.
    /// (The enum's fields are in the opposite order, for the same reason: fields drop in order.)
    pub(super) fn restore_order(&self, b: usize) -> Vec<LocalId> {
        let mut locals = self.fields(b);
        locals.sort_unstable();
        locals
    }

    /// Locals an arm declares at its entry: assigned in it, or marked dead before a construct
    /// whose branches (in this arm) assign them, and not restored. Memoized: asked for each
    /// alias and each inlining candidate.
    pub(super) fn entry_declared(&self, b: usize) -> Vec<LocalId> {
        if let Some(declared) = self.declared.borrow().get(&b) {
            return declared.clone();
        }
        let declared = self.g.entry_declared(b);
        self.declared.borrow_mut().insert(b, declared.clone());
        declared
    }

    /// The arm's entry declarations, in declaration order, with the restored locals declared
    /// after the first of them rebound among them (`let t = t;`): everything bound at the
    /// arm's entry then drops in reverse declaration order, as in Rust.
    ///
    /// The hidden-name aliases that shadowing `let`s in the arm will fill are declared here too,
    /// each right after its local, for the same reason.
    pub(super) fn entry_decls(&self, b: usize) -> Vec<TokenStream> {
        let declared = self.entry_declared(b);
        let aliases = self.entry_aliases(b);
        let Some(&first) = declared.iter().chain(&aliases).min() else {
            return Vec::new();
        };
        // (local, is its alias): an alias sorts right after its local.
        let mut order: Vec<(LocalId, bool)> = self
            .fields(b)
            .into_iter()
            // A frame local has no drop to order (see `frame.rs`).
            .filter(|&l| l > first && !self.in_frame(l))
            .chain(declared.iter().copied())
            .map(|l| (l, false))
            .chain(aliases.iter().map(|&l| (l, true)))
            .collect();
        order.sort_unstable();
        order
            .into_iter()
            .map(|(l, is_alias)| {
                let local = &self.g.locals[l];
                if is_alias {
                    let h = &local.hidden;
                    quote!(let mut #h;)
                } else if declared.contains(&l) {
                    let name = &local.name;
                    let m = local.mutable.then(|| quote!(mut));
                    let tie = self.witness_tie(b, l);
                    let ty = local.state_ty.as_ref().map(|t| quote!(: #t));
                    // `unused_variables`: an arm may bind a name for unreachable code alone
                    // (`Event::Declare`); the user's own declaration keeps the lint.
                    quote!(#[allow(unused_mut, unused_variables, clippy::needless_late_init)] let #m #name #ty; #tie)
                } else {
                    let name = self.target_name(b, l);
                    let m = self.binds_mut(b, l).then(|| quote!(mut));
                    quote!(#[allow(unused_mut, clippy::used_underscore_binding)] let #m #name = #name;)
                }
            })
            .collect()
    }

    /// Ties the type of a local declared afresh at an arm's entry to its first declaration's,
    /// through its witness: `if false { q = TypeOf::never(w) }` runs never and assigns in
    /// rustc's eyes, so `q` has one type across arms, as one local of a plain fn does.
    fn witness_tie(&self, b: usize, l: LocalId) -> Option<TokenStream> {
        let n = self
            .g
            .witnesses
            .iter()
            .position(|w| w.local == l && w.needed)?;
        let w = &self.g.witnesses[n];
        let krate = &self.ctx.krate;
        let name = &self.g.locals[l].name;
        if let Some(types) = self.witness_param(n) {
            return Some(quote! {
                #[allow(unused_assignments)]
                if false {
                    #name = #krate::__private::never_of(&#types);
                }
            });
        }
        let witness = self.target_name(b, w.holder);
        Some(quote! {
            #[allow(unused_assignments)]
            if false {
                #name = #krate::__private::TypeOf::never(#witness);
            }
        })
    }

    /// The witness `let` after a user's `let` (placeholder `W`), if some arm ties to it.
    pub(super) fn witness_let(&self, n: usize) -> TokenStream {
        let w = &self.g.witnesses[n];
        if !w.needed {
            return TokenStream::new();
        }
        let krate = &self.ctx.krate;
        let name = &self.g.locals[w.local].name;
        if let Some(types) = self.witness_param(n) {
            return quote! {
                if false {
                    #krate::__private::tie(&#types, &#name);
                }
            };
        }
        let witness = &self.g.locals[w.holder].name;
        quote!(let #witness = #krate::__private::TypeOf::of(&#name);)
    }

    /// `Enum::__coro_types(&*state).K`, the parameter of witness `n` (if witnesses are types).
    fn witness_param(&self, n: usize) -> Option<TokenStream> {
        let k = syn::Index::from(self.witness_slot(n)?);
        let (enum_name, state) = (&self.ctx.enum_name, &self.ctx.state);
        let types = super::types_fn_name();
        Some(quote!(#enum_name::#types(&*#state).#k))
    }

    pub(super) fn decl(&self, n: usize) -> TokenStream {
        if self.decl_used(n) {
            self.g.decls[n].tokens.clone()
        } else {
            TokenStream::new()
        }
    }

    /// Whether deferred declaration `n` is emitted: its block uses what it declares.
    pub(super) fn decl_used(&self, n: usize) -> bool {
        let decl = &self.g.decls[n];
        self.g.blocks[decl.block].events.iter().any(|e| match *e {
            Event::Mention(l) | Event::Kill(l) | Event::Write(l) | Event::Declare(l) => {
                decl.locals.contains(&l)
            }
            // A `Dead` mark is not a use: the assignments it stands for may be in other arms.
            Event::Dead(_) | Event::Jump(_) => false,
        })
    }

    /// Whether a jump after alias `n`, in its scope, saves the shadowed local.
    pub(super) fn alias_needed(&self, n: usize) -> bool {
        let alias = &self.g.aliases[n];
        let end = alias.end_jump.min(self.g.jumps.len());
        self.g.jumps[alias.first_jump.min(end)..end]
            .iter()
            .any(|jump| jump.from == alias.block && jump.save.contains(&alias.local))
    }

    /// Where alias `n`'s hidden name is declared before the shadowing `let` fills it: in the
    /// slot by the local's own declaration in the same arm, or at the arm's entry when the local
    /// is bound there; `None`: declared by the shadowing `let` itself.
    fn alias_home(&self, n: usize) -> Option<AliasHome> {
        let alias = &self.g.aliases[n];
        let local = &self.g.locals[alias.local];
        if local.decl_block == alias.block && self.g.alias_slots.contains(&alias.local) {
            Some(AliasHome::Slot)
        } else if self.fields(alias.block).contains(&alias.local)
            || self.entry_declared(alias.block).contains(&alias.local)
        {
            Some(AliasHome::Entry)
        } else {
            None
        }
    }

    /// The locals of block `b`'s entry whose alias (made in `b`) is declared at the entry.
    pub(super) fn entry_aliases(&self, b: usize) -> Vec<LocalId> {
        let mut locals: Vec<LocalId> = (0..self.g.aliases.len())
            .filter(|&n| {
                self.g.aliases[n].block == b
                    && self.alias_needed(n)
                    && self.alias_home(n) == Some(AliasHome::Entry)
            })
            .map(|n| self.g.aliases[n].local)
            .collect();
        // One declaration for a local shadowed twice in the arm (two branches, two scopes).
        locals.sort_unstable();
        locals.dedup();
        locals
    }

    /// The slot by local `l`'s declaration: its alias's declaration, if an alias made in the
    /// same block needs one.
    pub(super) fn alias_slot(&self, l: LocalId) -> TokenStream {
        let needed = (0..self.g.aliases.len()).any(|n| {
            self.g.aliases[n].local == l
                && self.alias_needed(n)
                && self.alias_home(n) == Some(AliasHome::Slot)
        });
        if needed {
            let h = &self.g.locals[l].hidden;
            quote!(let mut #h;)
        } else {
            TokenStream::new()
        }
    }

    pub(super) fn alias(&self, n: usize) -> TokenStream {
        if !self.alias_needed(n) {
            return TokenStream::new();
        }
        let alias = &self.g.aliases[n];
        let (h, name) = (&self.g.locals[alias.local].hidden, &alias.user_name);
        if self.alias_home(n).is_some() {
            quote!(#h = #name;)
        } else {
            quote!(let mut #h = #name;)
        }
    }
}
