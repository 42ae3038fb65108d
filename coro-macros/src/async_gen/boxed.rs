//! The lifetime of `Pin<Box<dyn Stream<Item = Y> + Send + 'L>>` for `boxed`/`boxed_local`.
//!
//! The box holds every argument, so `'L` must be outlived by all of them.
//!
//! Simple case, kept as the user would write it by hand so that the signature still matches a
//! trait declaration like `fn items(&self) -> Pin<Box<dyn Stream<Item = u32> + Send + '_>>`:
//! Input:  no type parameters, no `impl Trait` argument, no by-value `self`, and exactly one
//!         lifetime in the arguments (`&self`, or one `&T`/`'a`), or none at all
//! Output: `'_` (elision picks that one lifetime), or `'static`.
//!
//! General case, as `async-trait` does:
//! Input:  `fn f<'a, T>(&self, x: &'a T, y: &str, z: impl Tr)`
//! Output: `fn f<'__coro, '__life0: '__coro, '__life1: '__coro, 'a: '__coro, T: '__coro>(
//!         &'__life0 self, x: &'a T, y: &'__life1 str, z: impl Tr + '__coro)` with
//!         `'L = '__coro` (plus `where Self: '__coro` for a by-value `self`, and `'x: '__coro`
//!         for a lifetime `'x` of the impl).

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::visit_mut::{self, VisitMut};
use syn::{FnArg, GenericParam, Lifetime, Signature, Type};

/// Counts (and, when naming, names) the lifetimes written or elided in argument types. It does
/// not enter `fn(&T)` types or `Fn(&T)` bounds, whose elided lifetimes are higher-ranked.
struct Lifetimes {
    /// Name elided lifetimes `'__lifeN` (general case) instead of only counting.
    name: bool,
    count: usize,
    named: Vec<Lifetime>,
    fresh: Vec<Lifetime>,
    impl_traits: usize,
    coro: Lifetime,
}

impl Lifetimes {
    fn fresh(&mut self) -> Lifetime {
        let lt = Lifetime::new(&format!("'__life{}", self.fresh.len()), Span::call_site());
        self.fresh.push(lt.clone());
        lt
    }
}

impl VisitMut for Lifetimes {
    fn visit_type_reference_mut(&mut self, r: &mut syn::TypeReference) {
        if r.lifetime.is_none() {
            self.count += 1;
            if self.name {
                r.lifetime = Some(self.fresh());
            }
        }
        visit_mut::visit_type_reference_mut(self, r);
    }
    fn visit_lifetime_mut(&mut self, lt: &mut Lifetime) {
        self.count += 1;
        if lt.ident == "_" {
            if self.name {
                *lt = self.fresh();
            }
        } else if lt.ident != "static" && !self.named.iter().any(|n| n.ident == lt.ident) {
            self.named.push(lt.clone());
        }
    }
    fn visit_type_impl_trait_mut(&mut self, t: &mut syn::TypeImplTrait) {
        self.impl_traits += 1;
        visit_mut::visit_type_impl_trait_mut(self, t);
        if self.name {
            t.bounds
                .push(syn::TypeParamBound::Lifetime(self.coro.clone()));
        }
    }
    fn visit_type_bare_fn_mut(&mut self, _: &mut syn::TypeBareFn) {}
    fn visit_parenthesized_generic_arguments_mut(
        &mut self,
        _: &mut syn::ParenthesizedGenericArguments,
    ) {
    }
    fn visit_bound_lifetimes_mut(&mut self, _: &mut syn::BoundLifetimes) {}
}

/// Works out `'L`, rewriting the signature in the general case.
pub fn lifetime(sig: &mut Signature) -> TokenStream {
    let coro = Lifetime::new("'__coro", Span::call_site());
    let by_value_self = sig.receiver().is_some_and(|r| r.reference.is_none());
    let has_type_params = sig.generics.type_params().next().is_some();

    // Count first, on a copy.
    let mut counter = Lifetimes {
        name: false,
        count: 0,
        named: Vec::new(),
        fresh: Vec::new(),
        impl_traits: 0,
        coro: coro.clone(),
    };
    let mut copy = sig.clone();
    for arg in &mut copy.inputs {
        visit_arg(&mut counter, arg);
    }
    if !has_type_params && counter.impl_traits == 0 && !by_value_self {
        if counter.count == 0 {
            return quote!('static);
        }
        if counter.count == 1 {
            return quote!('_);
        }
    }

    // General case.
    let mut namer = Lifetimes {
        name: true,
        ..counter
    };
    namer.count = 0;
    namer.named.clear();
    for arg in &mut sig.inputs {
        visit_arg(&mut namer, arg);
    }
    // Bounds go inline where the parameter is declared (a second place for them would trip
    // `clippy::multiple_bound_locations`); lifetimes declared outside the fn (on the impl) go
    // to the where clause.
    let mut new_params: Vec<GenericParam> = vec![syn::parse_quote!(#coro)];
    new_params.extend(
        namer
            .fresh
            .iter()
            .map(|lt| -> GenericParam { syn::parse_quote!(#lt: #coro) }),
    );
    let old = std::mem::take(&mut sig.generics.params);
    sig.generics.params.extend(new_params);
    sig.generics.params.extend(old);
    if sig.generics.lt_token.is_none() {
        sig.generics.lt_token = Some(syn::Token![<](Span::call_site()));
        sig.generics.gt_token = Some(syn::Token![>](Span::call_site()));
    }
    let mut declared: Vec<_> = namer.fresh.iter().map(|lt| lt.ident.clone()).collect();
    for param in sig.generics.params.iter_mut().skip(1 + namer.fresh.len()) {
        match param {
            GenericParam::Lifetime(lt) => {
                lt.bounds.push(coro.clone());
                declared.push(lt.lifetime.ident.clone());
            }
            GenericParam::Type(ty) => ty.bounds.push(syn::TypeParamBound::Lifetime(coro.clone())),
            GenericParam::Const(_) => {}
        }
    }
    let outer: Vec<_> = namer
        .named
        .iter()
        .filter(|lt| !declared.contains(&lt.ident))
        .collect();
    if !outer.is_empty() || by_value_self {
        let where_clause = sig.generics.make_where_clause();
        for lt in outer {
            where_clause.predicates.push(syn::parse_quote!(#lt: #coro));
        }
        if by_value_self {
            where_clause.predicates.push(syn::parse_quote!(Self: #coro));
        }
    }
    quote!(#coro)
}

fn visit_arg(v: &mut Lifetimes, arg: &mut FnArg) {
    match arg {
        FnArg::Receiver(r) => {
            if let Some((_, lt)) = &mut r.reference {
                match lt {
                    None => {
                        v.count += 1;
                        if v.name {
                            *lt = Some(v.fresh());
                        }
                    }
                    Some(lt) => v.visit_lifetime_mut(lt),
                }
            } else if r.colon_token.is_some() {
                // `self: Pin<&mut Self>` and friends.
                let ty: &mut Type = &mut r.ty;
                v.visit_type_mut(ty);
            }
        }
        FnArg::Typed(pt) => v.visit_type_mut(&mut pt.ty),
    }
}
