//! From the lowered graph to tokens: the state enum, its `StateInfo` impl, and the step closure.
//!
//! Input:  a [`Graph`] whose jumps know what they save.
//! Output:
//! ```text
//! enum __CoroState<T0, ..> { Start { .. }, Y0 { l3: T0, .. }, S5 { .. }, Done, Poisoned }
//! impl<..> StateInfo for __CoroState<..> { .. }
//! machine::<R, Y, Ret, _, _>(__CoroState::Start { .. }, |state, resume| '__dispatch: loop {
//!     match mem::replace(state, __CoroState::Poisoned) { /* one arm per block */ }
//! })
//! ```
//! The enum is generic over every saved local's type, so rustc infers the types (a local
//! annotated with a type the enum surely names gets a field of that type instead, see
//! `lower/state_types.rs`); arms are emitted in source order so that a local's type is known
//! before an arm calls its methods. Where the body allows it, the `Start` value is wrapped in
//! the typing prologue (`typing.rs`): the body as plain Rust, checked first, tying each
//! parameter where its local is bound, so every path to the enum meets known types.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, format_ident, quote};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use crate::lower::{BlockKind, Context, Graph, LocalId};

mod dead;
mod entry;
mod frame;
mod inline;
mod lent;
mod refusals;
mod render;
mod typing;

pub struct Emit<'a> {
    pub g: &'a Graph,
    pub ctx: &'a Context,
    pub fn_name: String,
    /// The expression that initializes each parameter's `Start` field.
    pub start_values: Vec<TokenStream>,
    pub yield_ty: TokenStream,
    pub return_ty: TokenStream,
    /// `#[generator(clone)]`: the state enum derives `Clone`.
    pub clone: Option<Span>,
    /// Blocks whose code is being rendered (the arm's own, then inlined targets).
    pub inlining: RefCell<Vec<usize>>,
    pub sizes: RefCell<HashMap<usize, usize>>,
    /// Tokens a large body may still copy into inlined gotos (see `spend_inline_budget`).
    pub inline_budget: RefCell<Option<usize>>,
    /// Memo of `entry_declared` per block.
    pub declared: RefCell<HashMap<usize, Vec<LocalId>>>,
    /// For each inlined jump being rendered, the locals of the outer arm still alive in it.
    pub lingering: RefCell<Vec<Vec<LocalId>>>,
    /// Locals some block restores: they live across a suspension.
    pub saved: std::collections::HashSet<LocalId>,
    /// How many jumps reach each block.
    pub incoming: Vec<usize>,
    /// The blocks where dead code starts (see `dead.rs`), in block order: listed once, as each
    /// `let`'s tie site asks for them.
    pub cut_roots: Vec<usize>,
    /// Targets of the jumps rendered as state changes (not inlined) since last drained.
    pub materialized: RefCell<std::collections::HashSet<usize>>,
    /// Targets whose variant a type tie names (see `type_tie`) since last drained: a variant
    /// is needed, an arm only if a jump also materializes it.
    pub tied: RefCell<std::collections::HashSet<usize>>,
    /// Lent locals a jump parks beside the state or an arm takes back (see `lent.rs`).
    pub lent_sides: RefCell<BTreeSet<LocalId>>,
    /// The needed witnesses that are type parameters of the enum (`lower/witness.rs`), in the
    /// order of their parameters: first in the enum's list and in [`Emit::types_fn`]'s tuple.
    pub witness_params: Vec<usize>,
    /// The body the lowering read, when it can have a typing prologue (see `typing.rs`).
    pub typing_body: RefCell<Option<syn::Block>>,
    /// The saved locals kept in the frame (see `frame.rs`), sorted.
    pub frame: Vec<LocalId>,
}

pub use frame::choose as choose_frame;

impl Emit<'_> {
    fn variant(&self, block: usize) -> Ident {
        match self.g.blocks[block].kind {
            BlockKind::Start => Ident::new("Start", Span::mixed_site()),
            BlockKind::Resume(p) => format_ident!("Yield{}", p, span = Span::mixed_site()),
            BlockKind::Internal => format_ident!("Block{}", block, span = Span::mixed_site()),
        }
    }

    /// The locals of a block's variant that are its own fields (the rest are in the frame).
    fn variant_fields(&self, block: usize) -> Vec<LocalId> {
        let mut fields = self.fields(block);
        fields.retain(|&l| !self.in_frame(l));
        fields
    }

    /// The locals restored at a block's entry, in field order.
    fn fields(&self, block: usize) -> Vec<LocalId> {
        if block == 0 {
            self.g.params.clone()
        } else if self.is_cut_root(block) {
            let mut fields = self.g.live_in[block].clone();
            fields.retain(|&l| self.tied(l));
            fields
        } else {
            self.g.live_in[block].clone()
        }
    }

    #[allow(
        clippy::too_many_lines,
        reason = "one quote! of the whole output reads best"
    )]
    pub fn emit(&self) -> TokenStream {
        let Context {
            krate,
            state,
            resume,
            dispatch,
            enum_name,
            ..
        } = self.ctx;
        let current = Ident::new("__coro_current", Span::mixed_site());
        // Render arms from the start, following the jumps that stay jumps (a goto whose target
        // was inlined needs no variant): every rendered arm's block gets a variant.
        let mut rendered: HashMap<usize, TokenStream> = HashMap::new();
        let mut constructs: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut tie_targets: BTreeSet<usize> = BTreeSet::new();
        // Live arms first, then the dead code's (see `dead.rs`).
        let mut work = self.cut_roots.clone();
        work.reverse();
        work.push(0);
        while let Some(b) = work.pop() {
            if rendered.contains_key(&b) {
                continue;
            }
            let arm = self.arm(b);
            rendered.insert(b, arm);
            // Sorted: the order arms render in decides where the inline budget goes, and a
            // hash set's order would make the expansion differ from one build to the next.
            let mut reached: Vec<usize> = self.materialized.borrow_mut().drain().collect();
            reached.sort_unstable();
            reached.reverse();
            work.extend(reached.iter().copied());
            let mut tied: Vec<usize> = self.tied.borrow_mut().drain().collect();
            tied.sort_unstable();
            tie_targets.extend(tied.iter().copied());
            reached.extend(tied);
            constructs.insert(b, reached);
        }
        // A block whose every entry runs its code in place (inlined gotos) is never a state:
        // its variant only carries type ties, and its arm would be a dead copy of code the
        // inlined copies already hold (one more copy for rustc to check and LLVM to keep: W3d,
        // a counting loop with `to_string`, kept its header's code three times).
        let unentered: Vec<usize> = tie_targets
            .into_iter()
            .filter(|b| !rendered.contains_key(b))
            .collect();
        let mut variant_blocks: Vec<usize> = rendered.keys().chain(&unentered).copied().collect();
        variant_blocks.sort_unstable();

        // One type parameter per local stored anywhere.
        let mut stored: BTreeSet<LocalId> = BTreeSet::new();
        for &b in &variant_blocks {
            stored.extend(self.fields(b));
        }
        // (Locals whose type the enum names have none: see `lower/state_types.rs`.)
        let generic: Vec<LocalId> = stored
            .iter()
            .copied()
            .filter(|&l| self.g.locals[l].state_ty.is_none())
            .collect();
        // The witnesses' parameters first (see `types_fn`).
        let witness_params: Vec<Ident> = self
            .witness_params
            .iter()
            .map(|n| format_ident!("__CoroW{}", n, span = Span::mixed_site()))
            .collect();
        let params: Vec<&Ident> = witness_params
            .iter()
            .chain(generic.iter().map(|&l| &self.g.locals[l].ty_param))
            .collect();

        let variants = variant_blocks.iter().map(|&b| {
            let v = self.variant(b);
            let fields = self.variant_fields(b).into_iter().map(|l| {
                let local = &self.g.locals[l];
                let f = &local.hidden;
                let t = local
                    .state_ty
                    .clone()
                    .unwrap_or_else(|| local.ty_param.to_token_stream());
                quote!(#f: #t)
            });
            let fields = fields.chain(self.frame_field_decl(b));
            // A cut root's variant is never built (nor, in fact, entered).
            let lint = self.is_cut_root(b).then(|| quote!(#[allow(dead_code)]));
            quote!(#lint #v { #(#fields),* })
        });

        let status_arms = variant_blocks.iter().map(|&b| {
            let v = self.variant(b);
            let status = match self.g.blocks[b].kind {
                BlockKind::Start => quote!(#krate::__private::GeneratorStatus::Created),
                BlockKind::Resume(p) => {
                    let point = &self.g.points[p];
                    let (source, line, column) =
                        (&point.source, u32::try_from(point.line).unwrap_or(0), u32::try_from(point.column).unwrap_or(0));
                    quote!(#krate::__private::GeneratorStatus::Suspended(#krate::__private::YieldPoint {
                        index: #p,
                        source: #source,
                        file: ::core::file!(),
                        line: #line,
                        column: #column,
                    }))
                }
                BlockKind::Internal => quote!(#krate::__private::GeneratorStatus::Poisoned),
            };
            quote!(Self::#v { .. } => #status,)
        });

        let refusals::Refusals {
            arms: refusals,
            check: refusal_check,
            method: refusal_method,
        } = self.refusals(&variant_blocks, &current);
        let refusal_impl = (!refusal_method.is_empty())
            .then(|| quote!(impl<#(#params),*> #enum_name<#(#params),*> { #refusal_method }));
        let mut arm_blocks: Vec<usize> = rendered.keys().copied().collect();
        arm_blocks.sort_unstable();
        let order = arm_order(&arm_blocks, &constructs, |b| self.g.blocks[b].order);
        let unentered = unentered.iter().map(|&b| {
            let v = self.variant(b);
            quote!(| #enum_name::#v { .. })
        });
        let arms = order.iter().map(|b| &rendered[b]);
        let lent_sides = self.lent_side_decls();
        let frame_struct = self.frame_struct();

        let fn_name = &self.fn_name;
        let start_fields = self.g.params.iter().zip(&self.start_values).map(|(&l, v)| {
            let f = &self.g.locals[l].hidden;
            // Moving `_guard` into the state is not a use of it in the user's code.
            let name = v.to_string();
            let lint = (name.starts_with('_') && !name.starts_with("__coro"))
                .then(|| quote!(#[allow(clippy::used_underscore_binding)]));
            quote!(#lint #f: #v)
        });
        let start = quote!(#enum_name::Start { #(#start_fields),* });
        let prologue = self.typing_prologue(&generic, &start);
        let types_fn = if prologue.is_some() || !witness_params.is_empty() {
            self.types_fn(&params)
        } else {
            TokenStream::new()
        };
        let start = prologue.unwrap_or(start);
        // The witnesses' parameters, in a variant never built (see `lower/witness.rs`).
        let (witnesses_variant, witnesses_arm) = if witness_params.is_empty() {
            (TokenStream::new(), TokenStream::new())
        } else {
            (
                quote!(#[allow(dead_code)] Witnesses(::core::marker::PhantomData<fn() -> (#(#witness_params,)*)>),),
                quote!(| #enum_name::Witnesses(..)),
            )
        };
        let items = &self.g.items;
        let (yield_ty, return_ty) = (&self.yield_ty, &self.return_ty);
        let resume_ty = &self.ctx.resume_ty;
        let derive_clone = self.clone.map(|_| quote!(#[derive(::core::clone::Clone)]));
        // The returned value carries the `clone` option's span, so an unmet `Clone` bound of the
        // opaque type is reported there rather than at the whole attribute.
        let binding = Ident::new("__coro_generator", Span::mixed_site());
        let build = match &self.ctx.throw_ty {
            None if self.ctx.awaits.as_ref().is_some_and(|a| a.generator) => quote! {
                #krate::__private::async_generator::<#resume_ty, #yield_ty, #return_ty, _, _, _>
            },
            None if self.ctx.awaits.is_some() => {
                quote!(#krate::__private::async_machine::<#yield_ty, #return_ty, _, _, _>)
            }
            // `resume = &[u8]`: the step is higher-ranked in the borrow, so each sent value is
            // lent for one resumption (`for<'r> Generator<&'r [u8]>`).
            None if self.ctx.lent.is_some() => {
                let (is_mut, inner) = self.ctx.lent.as_ref().expect("checked");
                let ctor = if *is_mut {
                    quote!(machine_lent_mut)
                } else {
                    quote!(machine_lent)
                };
                quote!(#krate::__private::#ctor::<#inner, #yield_ty, #return_ty, _, _>)
            }
            None => quote!(#krate::__private::machine::<#resume_ty, #yield_ty, #return_ty, _, _>),
            Some(e) => quote! {
                #krate::__private::throwing_machine::<#resume_ty, #e, #yield_ty, #return_ty, _, _>
            },
        };
        // `#[async_gen]`: the pinned tree of awaited futures, and the task's context.
        let (awaiting, async_params) = match &self.ctx.awaits {
            None => (TokenStream::new(), TokenStream::new()),
            Some(aw) => {
                let (slot, cx) = (&aw.slot, &aw.cx);
                let (tree, init) = crate::lower::await_point::parked_type(krate, &aw.levels);
                let mutable = (!aw.levels.is_empty()).then(|| quote!(mut));
                (
                    quote!(#init,),
                    quote! {
                        , #mutable #slot: ::core::pin::Pin<&mut #tree>,
                        #cx: &mut ::core::task::Context<'_>
                    },
                )
            }
        };
        let returned = Ident::new(
            "__coro_generator",
            self.clone
                .map_or_else(Span::mixed_site, |s| Span::mixed_site().located_at(s)),
        );
        quote! {
            #derive_clone
            #[allow(non_camel_case_types)] // named after the fn, see `generator::state_enum_name`
            enum #enum_name<#(#params),*> {
                #(#variants,)*
                #witnesses_variant
                Done,
                Poisoned,
            }
            #frame_struct
            #refusal_impl
            #types_fn
            impl<#(#params),*> #krate::__private::StateInfo for #enum_name<#(#params),*> {
                const NAME: &'static str = #fn_name;
                fn status(&self) -> #krate::__private::GeneratorStatus {
                    match self {
                        #(#status_arms)*
                        Self::Done => #krate::__private::GeneratorStatus::Completed,
                        Self::Poisoned #witnesses_arm => #krate::__private::GeneratorStatus::Poisoned,
                    }
                }
                fn close(&mut self) {
                    *self = Self::Done;
                }
            }
            let #binding = #build(
                #start,
                #awaiting
                |#state, mut #resume #async_params| {
                    #(#items)*
                    // Internal jumps go through a local, not through `*state`: LLVM then sees the
                    // constant discriminant at each `continue` and threads the jump directly.
                    let mut #current = ::core::mem::replace(#state, #enum_name::Poisoned);
                    #lent_sides
                    #refusal_check
                    #dispatch: loop {
                        match #current {
                            #refusals
                            #(#arms)*
                            #enum_name::Done => {
                                #krate::__private::set_state(#state, #enum_name::Done);
                                return ::core::result::Result::Err(#krate::__private::Refusal::Completed);
                            }
                            // Storing `Poisoned` back (it is what `*state` holds already) makes every
                            // path store the state, so LLVM can drop the `Poisoned` stored above on
                            // paths that cannot unwind (W3b: 21 instructions per item to 20).
                            #enum_name::Poisoned #(#unentered)* #witnesses_arm => {
                                #krate::__private::set_state(#state, #enum_name::Poisoned);
                                return ::core::result::Result::Err(#krate::__private::Refusal::Panicked);
                            }
                        }
                    }
                },
            );
            #returned
        }
    }

    /// `fn __coro_types(_: &Self) -> (PhantomData<W0>, .., PhantomData<T0>, ..)`: what the
    /// witness ties and the typing prologue name the enum's parameters by.
    fn types_fn(&self, all: &[&Ident]) -> TokenStream {
        let enum_name = &self.ctx.enum_name;
        let types = types_fn_name();
        quote! {
            impl<#(#all),*> #enum_name<#(#all),*> {
                fn #types(_: &Self) -> (#(::core::marker::PhantomData<#all>,)*) {
                    (#(::core::marker::PhantomData::<#all>,)*)
                }
            }
        }
    }

    /// Witness `n`'s place in [`Emit::types_fn`]'s tuple, if witnesses are type parameters.
    pub(super) fn witness_slot(&self, n: usize) -> Option<usize> {
        self.witness_params.iter().position(|&m| m == n)
    }

    fn arm(&self, b: usize) -> TokenStream {
        let Context { enum_name, .. } = self.ctx;
        let v = self.variant(b);
        let mut restored = self.restore_order(b);
        restored.retain(|&l| !self.in_frame(l));
        let fields = restored.iter().map(|&l| self.g.locals[l].hidden.clone());
        let unbound = self.unbound_at_entry(b);
        // Where dead code starts after a user's diverging statement, a diverging call with
        // that statement's span stands for it: rustc then reports the user's unreachable code
        // (`unreachable_code`) as in a plain fn, once. Not when locals are bound to
        // `unreachable!()` at the entry: that is where the dead code would start for rustc.
        let cut_by = self.g.blocks[b]
            .cut_by
            .filter(|_| self.is_cut_root(b) && unbound.is_empty());
        // A restored local may be mutated in one arm and only passed on in another; after the
        // diverging call, what the dead code does with it is no use in rustc's eyes.
        let lints = restored.iter().map(|&l| {
            let unused_mut = self.binds_mut(b, l).then(|| quote!(unused_mut,));
            let unused = cut_by.is_some().then(|| quote!(unused_variables,));
            (unused_mut.is_some() || unused.is_some())
                .then(|| quote!(#[allow(#unused_mut #unused)]))
        });
        let mut lints: Vec<Option<TokenStream>> = lints.collect();
        let mut bindings = self.bindings(b, &restored);
        let lent_rebind = self
            .lent_rebind(b, &restored)
            .map(|(first, patterns, rebind)| {
                lints.truncate(first);
                lints.resize(restored.len(), None);
                bindings.truncate(first);
                bindings.extend(patterns);
                rebind
            });
        let decls = self.entry_decls(b);
        self.inlining.borrow_mut().push(b);
        let code = self.render_seq(self.g.blocks[b].root);
        self.inlining.borrow_mut().pop();
        let follows = cut_by.map(|span| {
            let krate = &self.ctx.krate;
            respan(quote!(#krate::__private::dead_code_follows();), span)
        });
        // Dead code (never run) may follow an `unreachable!()` standing for a value of type `!`
        // (the value of a block or construct that diverges), and pass that value on.
        let dead = (self.g.blocks[b].dead && cut_by.is_none())
            .then(|| quote!(#[allow(unreachable_code, clippy::diverging_sub_expression)]));
        let frame_init = (b == 0).then(|| self.frame_init());
        let body = self.resolve_frame(
            b,
            quote! {
                #lent_rebind
                #(#unbound)*
                #(#decls)*
                #follows
                #code
            },
        );
        let frame = self.frame_field_pattern(b);
        let comma = (frame.is_some() && !restored.is_empty()).then(|| quote!(,));
        quote! {
            #dead
            #enum_name::#v { #(#lints #fields: #bindings),* #comma #frame } => {
                #frame_init
                #body
            }
        }
    }

    /// The lint level of a `let`'s `mut` bindings (see `Lowerer::mut_let`): a local mutated
    /// after a suspension is mutated in another arm, so its `let mut` looks needless in this one.
    /// Those locals keep no `unused_mut` check; locals that stay in one arm keep theirs.
    fn mut_let_lint(&self, n: usize) -> TokenStream {
        // A local declared afresh in another arm is mutated there.
        let elsewhere = |l: &LocalId| {
            let home = self.g.locals[*l].decl_block;
            (0..self.g.blocks.len()).any(|b| b != home && self.entry_declared(b).contains(l))
        };
        if self.g.mut_lets[n]
            .iter()
            .any(|l| self.saved.contains(l) || elsewhere(l))
        {
            quote!(#[allow(unused_mut)])
        } else {
            TokenStream::new()
        }
    }
}

/// The order of the arms: rustc infers a saved local's type where a variant holding it is built
/// and needs it known where an arm calls its methods, so an arm comes after one that builds its
/// variant (inlined gotos can move a block's code ahead of its own arm), and otherwise in
/// source order.
fn arm_order(
    blocks: &[usize],
    constructs: &HashMap<usize, Vec<usize>>,
    source_order: impl Fn(usize) -> usize,
) -> Vec<usize> {
    let mut remaining: Vec<usize> = blocks.iter().copied().filter(|&b| b != 0).collect();
    remaining.sort_by_key(|&b| source_order(b));
    let mut order = vec![0];
    let mut built: BTreeSet<usize> = constructs.get(&0).into_iter().flatten().copied().collect();
    while !remaining.is_empty() {
        let next = remaining
            .iter()
            .position(|b| built.contains(b))
            .unwrap_or(0);
        let b = remaining.remove(next);
        built.extend(constructs.get(&b).into_iter().flatten().copied());
        order.push(b);
    }
    order
}

/// `tokens` with every span set to `span` (groups included).
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tt| {
            if let proc_macro2::TokenTree::Group(g) = &tt {
                let mut n = proc_macro2::Group::new(g.delimiter(), respan(g.stream(), span));
                n.set_span(span);
                tt = proc_macro2::TokenTree::Group(n);
            } else {
                tt.set_span(span);
            }
            tt
        })
        .collect()
}

/// The name of [`Emit::types_fn`]'s fn, for its callers (the prologue, the witness ties).
pub(super) fn types_fn_name() -> Ident {
    Ident::new("__coro_types", Span::mixed_site())
}
