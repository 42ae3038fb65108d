//! `#[generator]`: parse and validate, lower the body, compute liveness, emit.
//!
//! The passes, in order ([`analyze_with`], then [`emit`]):
//! 1. `signature::params`, `rewrite::rename_self`: the parameters become locals of the body;
//! 2. `Lowerer::lower_body` (`lower/`): the block graph, each binding marked with the node it
//!    came from (`lower/typing.rs`);
//! 3. `state_types::resolve`: annotated locals the enum can name get fields of that type;
//! 4. `liveness::solve`: what each jump saves; `witness::prune`: which type witnesses stay;
//! 5. the checks: `borrows`, `lent`, `temporaries`, `partial` (errors stop here);
//! 6. `typing::eligible`: whether the body keeps a typing prologue;
//! 7. `Emit::emit` (`emit/`): the enum, its `StateInfo`, the prologue (`emit/typing.rs`) and the
//!    machine.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, quote};

use crate::args::{self, Kind};
use crate::diag::{Ctxt, error_output};
use crate::emit::Emit;
use crate::lower::{self, Context, Graph, Lowerer};
use crate::{scan, signature};

#[allow(
    clippy::needless_pass_by_value,
    reason = "the entry point's signature mirrors the proc macro's"
)]
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let arg_tokens = args.clone();
    let args = args::parse(Kind::Generator, args, &cx);
    // On error the user's fn is still emitted (same signature, markers made inert), for IDEs.
    let fallback = || Some(crate::fallback::generator_fallback(&item, args.as_ref()));
    let mut func: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(f) => f,
        Err(err) => {
            let err = syn::Error::new(
                err.span(),
                format!(
                    "#[generator] applies to a fn with a body (free fn, method or trait-impl method): {err}"
                ),
            );
            return error_output(&err, fallback());
        }
    };
    if let Some(a) = &args
        && let Some(deferred) =
            crate::cfg::defer(Kind::Generator, &a.krate, &arg_tokens, &item, &func)
    {
        return match cx.check() {
            Ok(()) => deferred,
            Err(err) => error_output(&err, None),
        };
    }
    signature::check(&cx, &func.sig, Kind::Generator);
    if let Some(a) = &args {
        signature::check_lent_resume(&cx, a);
    }
    scan::check_fn(&cx, &func, Kind::Generator);
    if let Err(err) = cx.check() {
        return error_output(&err, fallback());
    }
    let Some(args) = &args else {
        unreachable!("argument errors were reported above")
    };
    if args.pinned.is_some() {
        return match crate::pinned::expand(args, &func) {
            Ok(tokens) => tokens,
            Err(err) => error_output(&err, fallback()),
        };
    }
    match lower_fn(args, &mut func) {
        Ok(tokens) => tokens,
        Err(err) => error_output(&err, fallback()),
    }
}

/// The analysed body: the block graph with liveness solved.
pub struct Analysis {
    pub graph: Graph,
    pub ctx: Context,
    pub params: Vec<signature::Param>,
    pub ret: TokenStream,
    pub yield_ty: TokenStream,
    /// The body the lowering read, kept for the typing prologue when it can have one.
    pub typing_body: Option<syn::Block>,
}

/// The state enum's name. rustc names it when it explains what a suspended generator holds
/// ("required because it appears within the type `shared<Rc<u32>>`"), so it is the fn's own
/// name, unless that could shadow something: the enum is declared in the fn's body, where a type
/// of that name mentioned by the body or the options (or a primitive type of that name) would
/// resolve to it. Then it is `__CoroState`.
fn state_enum_name(name: &Ident, mentions: &[&TokenStream]) -> Ident {
    const PRIMITIVES: &[&str] = &[
        "bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32",
        "i64", "i128", "isize", "f32", "f64",
    ];
    fn unraw(i: &Ident) -> String {
        let s = i.to_string();
        s.strip_prefix("r#")
            .map_or_else(|| s.clone(), str::to_string)
    }
    fn mentions_name(tokens: &TokenStream, name: &str) -> bool {
        tokens.clone().into_iter().any(|tt| match tt {
            proc_macro2::TokenTree::Ident(i) => unraw(&i) == name,
            proc_macro2::TokenTree::Group(g) => mentions_name(&g.stream(), name),
            _ => false,
        })
    }
    let text = unraw(name);
    if PRIMITIVES.contains(&text.as_str()) || mentions.iter().any(|t| mentions_name(t, &text)) {
        return Ident::new("__CoroState", Span::mixed_site());
    }
    let mut ident = name.clone();
    ident.set_span(Span::mixed_site());
    ident
}

/// Lowers the body and solves liveness; checks borrows held across jumps.
pub fn analyze(args: &args::Args, func: &mut syn::ItemFn) -> syn::Result<Analysis> {
    analyze_with(args, func, None)
}

/// What an `#[async_gen]` body on the enum path changes in the analysis.
pub struct AsyncShape {
    /// The stream's item (`Y`, or `Result<Y, E>`), which is what its `yield_!`s hand out.
    pub item: TokenStream,
    pub awaits: lower::Awaits,
}

/// [`analyze`], for a `#[generator]` (`shape: None`) or an `#[async_gen]` body.
pub fn analyze_with(
    args: &args::Args,
    func: &mut syn::ItemFn,
    shape: Option<AsyncShape>,
) -> syn::Result<Analysis> {
    let cx = Ctxt::new();
    let mut prologue = Vec::new();
    let (params, self_ident) = signature::params(&mut func.sig, &mut prologue);
    let mut body = (*func.block).clone();
    if let Some(s) = &self_ident {
        lower::rewrite::rename_self(&mut body, s);
    }
    body.stmts.splice(0..0, prologue);

    let ret = signature::return_type(&func.sig);
    let resume_ty = if let Some(t) = &args.resume_ty {
        quote!(#t)
    } else {
        quote!(())
    };
    let (yield_ty, awaits) = if let Some(shape) = shape {
        (shape.item, Some(shape.awaits))
    } else {
        let y = &args.yield_ty;
        (quote!(#y), None)
    };
    let ctx = Context {
        krate: args.krate.clone(),
        state: Ident::new("__coro_state", Span::mixed_site()),
        resume: Ident::new("__coro_resume", Span::mixed_site()),
        dispatch: syn::Lifetime {
            apostrophe: Span::mixed_site(),
            ident: Ident::new("__coro_dispatch", Span::mixed_site()),
        },
        enum_name: state_enum_name(
            &func.sig.ident,
            &[&body.to_token_stream(), &yield_ty, &resume_ty, &ret],
        ),
        resume_is_unit: args.resume_is_unit(),
        throw_ty: args.throw_ty.as_ref().map(quote::ToTokens::to_token_stream),
        sink: args.sink,
        returns_unit: matches!(func.sig.output, syn::ReturnType::Default),
        lent: args
            .resume_ty
            .as_ref()
            .and_then(signature::lent_reference)
            .map(|(m, t)| (m, quote::ToTokens::to_token_stream(&t))),
        yield_ty: signature::nameable_in_body(&yield_ty).then(|| yield_ty.clone()),
        return_ty: signature::nameable_in_body(&ret).then(|| ret.clone()),
        resume_ty,
        awaits,
    };

    let mut lowerer = Lowerer::new(&cx, &ctx);
    for p in &params {
        let id = lowerer.declare(p.name.clone(), p.mutable);
        let local = &mut lowerer.g.locals[id];
        local.guard_eligible = true;
        local.pinned_guard = p.wildcard;
        local.owned = p.owned;
        local.annotation.clone_from(&p.ty);
        lowerer.g.params.push(id);
    }
    lowerer.refresh_entry_scope(0);
    if func.sig.unsafety.is_some() {
        lowerer.unsafe_depth = 1;
    }
    lowerer.lower_body(&body);
    let mut graph = lowerer.finish();
    lower::state_types::resolve(
        &mut graph,
        &lower::state_types::Outer {
            generics: type_and_const_params(&func.sig.generics),
            clone: args.clone.is_some(),
        },
    );
    lower::liveness::solve(&mut graph);
    lower::witness::prune(&mut graph, args.clone.is_none());
    lower::borrows::check(&cx, &graph);
    lower::lent::check(&cx, &graph);
    lower::lent::detach(&mut graph);
    lower::temporaries::check(&cx, &graph);
    lower::partial::check(&cx, &graph);
    cx.check()?;
    let typing_body = lower::typing::eligible(
        &ctx,
        &body,
        func.sig.unsafety.is_some(),
        !graph.items.is_empty(),
    )
    .then_some(body);
    Ok(Analysis {
        graph,
        ctx,
        params,
        ret,
        yield_ty,
        typing_body,
    })
}

/// The names of the fn's type and const parameters.
fn type_and_const_params(generics: &syn::Generics) -> Vec<String> {
    generics
        .params
        .iter()
        .filter_map(|p| match p {
            syn::GenericParam::Type(t) => Some(t.ident.to_string()),
            syn::GenericParam::Const(c) => Some(c.ident.to_string()),
            syn::GenericParam::Lifetime(_) => None,
        })
        .collect()
}

// Input:  the parsed fn and its options.
// Output: the fn with the same attributes, visibility and parameters, returning the opaque
//         generator type; its body declares the state enum and builds the machine.
fn lower_fn(args: &args::Args, func: &mut syn::ItemFn) -> syn::Result<TokenStream> {
    let markers = scan::marker_paths(&func.block);
    let name = func.sig.ident.to_string();
    let machine = machine(args, func, name)?;
    let ret = signature::return_type(&func.sig);
    let opaque = signature::opaque_return(args, &ret);
    let syn::ItemFn {
        attrs, vis, sig, ..
    } = &*func;
    let mut sig = sig.clone();
    sig.output = syn::parse_quote!(-> #opaque);
    let used = markers.iter().map(|p| quote!(#p!(@used);));
    Ok(quote! {
        #(#attrs)*
        #[allow(refining_impl_trait)]
        #vis #sig {
            #(#used)*
            #machine
        }
    })
}

/// The statements that build the generator of `func`'s body, ending with the generator as
/// their value: the state enum, its `StateInfo` impl and the machine. `name` is what `Debug`
/// shows. Shared by the attribute and the block form (`gen_block!`, a synthesized fn).
pub fn machine(
    args: &args::Args,
    func: &mut syn::ItemFn,
    name: String,
) -> syn::Result<TokenStream> {
    Ok(emit(args, analyze(args, func)?, name))
}

/// The statements that build the machine of an analysed body.
pub fn emit(args: &args::Args, analysis: Analysis, name: String) -> TokenStream {
    let Analysis {
        graph,
        ctx,
        params,
        ret,
        yield_ty,
        typing_body,
    } = analysis;
    let saved: std::collections::HashSet<crate::lower::LocalId> =
        graph.live_in.iter().flatten().copied().collect();
    let emit = Emit {
        g: &graph,
        ctx: &ctx,
        fn_name: name,
        start_values: params.iter().map(|p| p.value.clone()).collect(),
        yield_ty: if ctx.yield_ty.is_some() {
            yield_ty
        } else {
            quote!(_)
        },
        return_ty: if ctx.return_ty.is_some() {
            ret.clone()
        } else {
            quote!(_)
        },
        clone: args.clone,
        inlining: std::cell::RefCell::new(Vec::new()),
        sizes: std::cell::RefCell::new(std::collections::HashMap::new()),
        inline_budget: std::cell::RefCell::new(None),
        declared: std::cell::RefCell::new(std::collections::HashMap::new()),
        materialized: std::cell::RefCell::new(std::collections::HashSet::new()),
        tied: std::cell::RefCell::new(std::collections::HashSet::new()),
        lent_sides: std::cell::RefCell::new(std::collections::BTreeSet::new()),
        saved: saved.clone(),
        frame: crate::emit::choose_frame(&graph, &saved, ctx.awaits.is_some()),
        cut_roots: (0..graph.blocks.len())
            .filter(|&b| graph.blocks[b].cut_root)
            .collect(),
        incoming: graph
            .jumps
            .iter()
            .fold(vec![0; graph.blocks.len()], |mut n, j| {
                n[j.target] += 1;
                n
            }),
        lingering: std::cell::RefCell::new(Vec::new()),
        typing_body: std::cell::RefCell::new(typing_body),
        witness_params: if args.clone.is_none() {
            (0..graph.witnesses.len())
                .filter(|&n| graph.witnesses[n].needed)
                .collect()
        } else {
            Vec::new()
        },
    };
    emit.emit()
}
