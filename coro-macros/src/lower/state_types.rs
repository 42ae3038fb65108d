//! State field types: a local the user annotated (`let mut n: u64 = 0;`) gets its field in
//! the state enum at that type, instead of one more type parameter for rustc to infer.
//!
//! Why: every path to a variant (each construction, each arm's pattern, each tie) instantiates
//! all of the enum's type parameters as fresh inference variables, and each stays an open
//! obligation until the local's type is known, which rustc rescans as it checks the rest of the
//! body: a body of 300 statements whose locals were all annotated spent most of its check
//! there. A named type costs nothing to instantiate, and its local needs no type witness and no
//! type tie (its type is the annotation in every arm).
//!
//! Input:  the lowered graph's locals, with the annotations the user wrote (a `let`'s, a
//!         parameter's).
//! Output: `Local::state_ty` set where the enum (an item declared in the fn's body, so it sees
//!         neither the fn's generics, nor an enclosing impl's, nor `Self`, nor the items the body
//!         declares) surely names the type exactly as the `let` does: primitives and the
//!         prelude's `Option`, `Result`, `Vec`, `String`, `Box`, `Fn*`, in tuples, arrays of a
//!         literal length, `'static` references and fn pointers. Anything else (a user's type,
//!         a path) could be misspelled, and rustc would report it twice.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;

use super::Graph;

/// What the enum cannot see from where it is declared.
pub struct Outer {
    /// The fn's own generic parameters (types, consts; lifetimes are refused anyway).
    pub generics: Vec<String>,
    /// `#[generator(clone)]` derives `Clone` on the enum: a named type would move an unmet
    /// `Clone` bound from the `clone` option (where it is reported today) into the derive.
    pub clone: bool,
}

/// Sets [`Local::state_ty`](super::Local::state_ty) for each annotated local the enum can name.
pub fn resolve(g: &mut Graph, outer: &Outer) {
    // Items the body declares move into the step closure, out of the enum's sight.
    if outer.clone || !g.items.is_empty() {
        return;
    }
    for local in &mut g.locals {
        if let Some(ty) = &local.annotation
            && nameable(ty, outer, false)
        {
            local.state_ty = Some(generated(ty.to_token_stream()));
        }
    }
}

/// The user's type, as the enum's: resolved where the user wrote it (a mixed-site span resolves
/// types at the call site), but generated code to lints, which check the user's `let` instead.
fn generated(tokens: TokenStream) -> TokenStream {
    tokens
        .into_iter()
        .map(|tt| match tt {
            TokenTree::Group(g) => {
                let mut ng = proc_macro2::Group::new(g.delimiter(), generated(g.stream()));
                ng.set_span(Span::mixed_site().located_at(g.span()));
                TokenTree::Group(ng)
            }
            mut other => {
                other.set_span(Span::mixed_site().located_at(other.span()));
                other
            }
        })
        .collect()
}

const PRELUDE: &[&str] = &[
    "bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64",
    "i128", "isize", "f32", "f64", "Option", "Result", "Vec", "String", "Box", "Fn", "FnMut",
    "FnOnce",
];

/// Whether `ty` means the same in the enum as in the `let`. `lent`: inside `fn(..)` or `Fn(..)`
/// sugar, where an elided reference lifetime is higher-ranked (so fine in an item).
fn nameable(ty: &syn::Type, outer: &Outer, lent: bool) -> bool {
    use syn::Type;
    match ty {
        Type::Path(p) => p.qself.is_none() && path_nameable(&p.path, outer, lent),
        Type::Reference(r) => {
            let lifetime_ok = match &r.lifetime {
                None => lent,
                Some(l) => l.ident == "static",
            };
            lifetime_ok && nameable(&r.elem, outer, lent)
        }
        Type::Tuple(t) => t.elems.iter().all(|t| nameable(t, outer, lent)),
        Type::Array(a) => nameable(&a.elem, outer, lent) && const_nameable(&a.len),
        Type::Slice(s) => nameable(&s.elem, outer, lent),
        Type::Paren(p) => nameable(&p.elem, outer, lent),
        Type::Group(g) => nameable(&g.elem, outer, lent),
        Type::Ptr(p) => nameable(&p.elem, outer, lent),
        Type::BareFn(f) => {
            f.lifetimes.is_none()
                && f.inputs.iter().all(|a| nameable(&a.ty, outer, true))
                && return_nameable(&f.output, outer)
        }
        Type::TraitObject(t) => t.bounds.iter().all(|b| match b {
            syn::TypeParamBound::Trait(tb) => {
                tb.lifetimes.is_none() && path_nameable(&tb.path, outer, lent)
            }
            syn::TypeParamBound::Lifetime(l) => l.ident == "static",
            _ => false,
        }),
        // `impl Trait`, `_`, `!`, macros.
        _ => false,
    }
}

fn return_nameable(output: &syn::ReturnType, outer: &Outer) -> bool {
    match output {
        syn::ReturnType::Default => true,
        syn::ReturnType::Type(_, t) => nameable(t, outer, true),
    }
}

fn path_nameable(path: &syn::Path, outer: &Outer, lent: bool) -> bool {
    // One segment, of the prelude's: a name the enum surely resolves as the `let` does. A
    // misspelled or unknown name (a user's `Frame`, `std::colections::HashMap`) would be
    // reported twice, once in the enum, and any other name might be an impl's type parameter.
    let [segment] = path.segments.iter().collect::<Vec<_>>()[..] else {
        return false;
    };
    let name = segment.ident.to_string();
    path.leading_colon.is_none()
        && PRELUDE.contains(&name.as_str())
        && !outer.generics.contains(&name)
        && args_nameable(&segment.arguments, outer, lent)
}

fn args_nameable(args: &syn::PathArguments, outer: &Outer, lent: bool) -> bool {
    match args {
        syn::PathArguments::None => true,
        syn::PathArguments::AngleBracketed(a) => a.args.iter().all(|arg| match arg {
            syn::GenericArgument::Type(t) => nameable(t, outer, lent),
            syn::GenericArgument::Lifetime(l) => l.ident == "static",
            syn::GenericArgument::Const(c) => const_nameable(c),
            syn::GenericArgument::AssocType(a) => {
                a.generics.is_none() && nameable(&a.ty, outer, lent)
            }
            _ => false,
        }),
        syn::PathArguments::Parenthesized(p) => {
            p.inputs.iter().all(|t| nameable(t, outer, true)) && return_nameable(&p.output, outer)
        }
    }
}

/// An array length or const argument: a literal (a path might be the fn's const parameter, or
/// misspelled).
fn const_nameable(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Lit(_) => true,
        syn::Expr::Block(b) => match b.block.stmts.as_slice() {
            [syn::Stmt::Expr(e, None)] => const_nameable(e),
            _ => false,
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{Outer, nameable};

    fn check(ty: &str, generics: &[&str]) -> bool {
        let outer = Outer {
            generics: generics.iter().map(ToString::to_string).collect(),
            clone: false,
        };
        nameable(&syn::parse_str(ty).expect("a type"), &outer, false)
    }

    #[test]
    fn named_where_the_enum_sees_the_same_type() {
        for ty in [
            "u64",
            "Vec<String>",
            "Option<(i64, [u8; 4])>",
            "&'static str",
            "Box<dyn Fn(&str) -> usize>",
            "fn(&[u8]) -> bool",
            "Result<Vec<u8>, String>",
        ] {
            assert!(check(ty, &["T", "N"]), "{ty}");
        }
    }

    #[test]
    fn refused_where_it_might_not() {
        for ty in [
            "T",
            "Vec<T>",
            "[u8; N]",
            "Self",
            "Self::Item",
            "U",
            "&str",
            "&'a str",
            "Vec<_>",
            "impl Fn()",
            "<T as Iterator>::Item",
            "Frame",
            "Vec<Frame>",
            "std::collections::HashMap<u8, u8>",
            "[u8; BUF_LEN]",
            "Box<dyn Error + '_>",
        ] {
            assert!(!check(ty, &["T", "N"]), "{ty}");
        }
        // A type parameter may even shadow a prelude name.
        assert!(!check("Vec<String>", &["String"]));
    }
}
