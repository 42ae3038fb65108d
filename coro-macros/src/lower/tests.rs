//! Unit tests of the lowering passes on token input: what each state saves, how blocks are
//! split, and what is reported.

use proc_macro2::TokenStream;
use quote::quote;

use crate::args::{self, Kind};
use crate::diag::Ctxt;
use crate::generator::{Analysis, analyze, expand};
use crate::lower::{BlockKind, JumpKind};

fn analysis(attr: TokenStream, item: TokenStream) -> syn::Result<Analysis> {
    let cx = Ctxt::new();
    let args = args::parse(Kind::Generator, attr, &cx).expect("valid args");
    cx.check().expect("valid args");
    let mut func: syn::ItemFn = syn::parse2(item).expect("a fn");
    analyze(&args, &mut func)
}

/// The user-visible names saved at each `yield_!`, in source order.
fn saved_at_yields(attr: TokenStream, item: TokenStream) -> Vec<Vec<String>> {
    let a = analysis(attr, item).expect("lowers");
    let mut out: Vec<(usize, Vec<String>)> = a
        .graph
        .jumps
        .iter()
        .filter_map(|j| match (&j.kind, a.graph.blocks[j.target].kind) {
            (JumpKind::Yield { .. }, BlockKind::Resume(p)) => {
                let mut names: Vec<String> = j
                    .save
                    .iter()
                    .map(|&l| a.graph.locals[l].name.to_string())
                    .filter(|n| !n.starts_with("__coro_"))
                    .collect();
                names.sort();
                Some((p, names))
            }
            _ => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out.into_iter().map(|(_, n)| n).collect()
}

#[test]
fn only_live_locals_are_saved() {
    let saved = saved_at_yields(
        quote!(yield = u32),
        quote! {
            fn f(n: u32) {
                let a = 1;
                let b = 2;
                yield_!(a);
                yield_!(b + n);
            }
        },
    );
    assert_eq!(saved, [vec!["b", "n"], vec![]]);
}

#[test]
fn a_moved_and_reassigned_local_is_not_saved() {
    let saved = saved_at_yields(
        quote!(yield = String),
        quote! {
            fn f() {
                let mut line = String::new();
                loop {
                    yield_!(line);
                    line = String::from("x");
                }
            }
        },
    );
    assert_eq!(saved, [Vec::<String>::new()]);
}

#[test]
fn guards_are_saved_to_their_scope_end() {
    let saved = saved_at_yields(
        quote!(yield = u8),
        quote! {
            fn f() {
                let _guard = lock();
                {
                    let _inner = lock();
                    yield_!(1);
                }
                yield_!(2);
            }
        },
    );
    assert_eq!(saved, [vec!["_guard", "_inner"], vec!["_guard"]]);
}

#[test]
fn names_in_format_strings_and_macro_tokens_count_as_uses() {
    let saved = saved_at_yields(
        quote!(yield = u8),
        quote! {
            fn f() {
                let name = 1;
                let n = 2;
                let unused = 3;
                yield_!(0);
                println!("{name} {}", vec![n; 2].len());
                drop(unused);
            }
        },
    );
    assert_eq!(saved, [vec!["n", "name", "unused"]]);
}

#[test]
fn a_dead_local_after_a_diverging_break_is_not_saved() {
    let saved = saved_at_yields(
        quote!(yield = u8),
        quote! {
            fn f() {
                let b = String::new();
                for i in 0..2 {
                    if i == 1 {
                        yield_!(consume(b));
                        break;
                    }
                }
            }
        },
    );
    assert_eq!(saved, [Vec::<String>::new()]);
}

#[test]
fn every_yield_gets_a_resume_block_and_point() {
    let a = analysis(
        quote!(yield = u8),
        quote! {
            fn f() {
                yield_!(1);
                if c() { yield_!(2); } else { yield_from!(g()); }
            }
        },
    )
    .unwrap();
    let resumes = a
        .graph
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Resume(_)))
        .count();
    assert_eq!(resumes, 3);
    assert_eq!(a.graph.points.len(), 3);
    assert_eq!(a.graph.points[0].source.replace(' ', ""), "yield_!(1)");
}

fn expand_str(attr: TokenStream, item: TokenStream) -> String {
    expand(attr, item).to_string()
}

#[test]
fn expansion_declares_the_state_enum_and_machine() {
    let out = expand_str(
        quote!(yield = u32),
        quote!(
            fn f() {
                yield_!(1);
            }
        ),
    );
    // Named after the fn: rustc's messages about what the state holds name it.
    assert!(out.contains("enum f "), "{out}");
    assert!(out.contains("__private :: machine"), "{out}");
    assert!(!out.contains("compile_error"), "{out}");
}

#[test]
fn the_state_enum_keeps_a_generated_name_where_the_fn_name_could_shadow_a_type() {
    let mentioned = expand_str(
        quote!(yield = walk),
        quote!(
            fn walk() {
                yield_!(walk::default());
            }
        ),
    );
    assert!(mentioned.contains("enum __CoroState"), "{mentioned}");
    let primitive = expand_str(
        quote!(yield = u32),
        quote!(
            fn str() {
                yield_!(1);
            }
        ),
    );
    assert!(primitive.contains("enum __CoroState"), "{primitive}");
}

#[test]
fn errors_are_all_reported_with_the_item_kept() {
    let out = expand_str(
        quote!(yield = u32, bogus, resume = i32, resume = u8),
        quote!(
            async fn f() {
                yield_!(1);
            }
        ),
    );
    assert!(out.contains("unknown option `bogus`"), "{out}");
    assert!(out.contains("duplicate `resume`"), "{out}");
    // the item is still emitted (as a plain fn with inert markers) for IDEs
    assert!(out.contains("fallback_yield"), "{out}");
}

#[test]
fn misplaced_yields_and_awaits_are_reported() {
    let out = expand_str(
        quote!(yield = u32),
        quote! {
            fn f() {
                let c = || yield_!(1);
                let a = async { yield_!(2) };
                x.await;
            }
        },
    );
    assert!(out.contains("inside a closure"), "{out}");
    assert!(out.contains("inside an async block"), "{out}");
    assert!(
        out.contains("`.await` cannot be used in a #[generator]"),
        "{out}"
    );
}

#[test]
fn yields_inside_unknown_macros_are_reported() {
    let out = expand_str(
        quote!(yield = u32),
        quote!(
            fn f() {
                my_macro!(yield_!(1));
            }
        ),
    );
    assert!(out.contains("cannot see into this macro"), "{out}");
}

#[test]
fn missing_yield_type_is_reported() {
    // With `resume` but no `yield` the generator is a sink (it yields `()`); with neither, the
    // yield type is asked for.
    let out = expand_str(
        quote!(clone),
        quote!(
            fn f() {}
        ),
    );
    assert!(
        out.contains("needs the type of the yielded values"),
        "{out}"
    );
}

#[test]
fn self_borrows_are_reported() {
    let err = analysis(
        quote!(yield = u32),
        quote! {
            fn f() {
                let v = vec![1];
                for x in &v { yield_!(*x); }
            }
        },
    )
    .err()
    .expect("rejected");
    assert!(
        err.to_string()
            .contains("borrows `v`, a local of the generator"),
        "{err}"
    );
}

#[test]
fn closures_borrowing_locals_across_a_yield_are_reported_but_move_closures_are_fine() {
    let err = analysis(
        quote!(yield = u32),
        quote! {
            fn f() {
                let k = 3;
                let add = |x: u32| x + k;
                yield_!(1);
                yield_!(add(2));
            }
        },
    )
    .err()
    .expect("rejected");
    assert!(
        err.to_string().contains("make it a `move` closure"),
        "{err}"
    );
    assert!(
        analysis(
            quote!(yield = u32),
            quote! {
                fn f() {
                    let k = 3;
                    let add = move |x: u32| x + k;
                    yield_!(1);
                    yield_!(add(2));
                }
            },
        )
        .is_ok()
    );
}
