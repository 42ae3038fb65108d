//! The shared checks and the lowering word their errors for fns (`#[generator] fn`, "take `v`
//! as a reference parameter"); a block form's errors say the same things in its own terms.
//! The messages are rewritten inside the `compile_error!` tokens, whose spans are the user's.
//!
//! Input:  `compile_error! { "`.await` cannot be used in a #[generator] fn, .." }`
//! Output: `compile_error! { "`.await` cannot be used in a gen_block!, .." }`

use proc_macro2::{Group, Ident, Literal, TokenStream, TokenTree};

use super::Form;

/// `err` as `compile_error!` invocations, worded for `form`; `captures` are the block's
/// captured locals (the fn wording calls them parameters).
pub fn compile_errors(err: &syn::Error, form: Form, captures: &[Ident]) -> TokenStream {
    reword_tokens(err.to_compile_error(), &|text| reword(text, form, captures))
}

fn reword(text: &str, form: Form, captures: &[Ident]) -> String {
    let mut out = match form {
        Form::Gen => text.replace("#[generator] fn", "gen_block!").replace(
            "`#[async_gen(yield = ...)] async fn`",
            "`async_gen_block!(yield = ... => { .. })`",
        ),
        Form::AsyncGen => text.replace("#[async_gen] fn", "async_gen_block!"),
    };
    for c in captures {
        out = out
            .replace(
                &format!("take `{c}` as a reference parameter (`{c}: &'a [T]`)"),
                &format!("take a reference before the block (`let {c} = &{c};`)"),
            )
            .replace(
                &format!("take `{c}` as a reference parameter"),
                &format!("take a reference before the block (`let {c} = &{c};`)"),
            );
    }
    // Block forms have no pinned mode (yet): drop that way out.
    out.replace(crate::lower::borrows::PINNED_HELP, "").replace(
        "so that the generator borrows from its caller",
        "so that the block borrows from its caller",
    )
}

fn reword_tokens(tokens: TokenStream, f: &dyn Fn(&str) -> String) -> TokenStream {
    tokens
        .into_iter()
        .map(|tt| match tt {
            TokenTree::Group(g) => {
                let mut ng = Group::new(g.delimiter(), reword_tokens(g.stream(), f));
                ng.set_span(g.span());
                TokenTree::Group(ng)
            }
            TokenTree::Literal(lit) => {
                match syn::parse2::<syn::LitStr>(TokenTree::Literal(lit.clone()).into()) {
                    Ok(s) => {
                        let mut new = Literal::string(&f(&s.value()));
                        new.set_span(lit.span());
                        TokenTree::Literal(new)
                    }
                    Err(_) => TokenTree::Literal(lit),
                }
            }
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fn_wording_becomes_block_wording() {
        let xs = Ident::new("xs", proc_macro2::Span::call_site());
        let text = "this borrows `xs`, a local of the generator\nhelp: or take `xs` as a reference \
                    parameter (`xs: &'a [T]`), so that the generator borrows from its caller";
        assert_eq!(
            reword(text, Form::Gen, &[xs]),
            "this borrows `xs`, a local of the generator\nhelp: or take a reference before the block \
             (`let xs = &xs;`), so that the block borrows from its caller"
        );
        assert_eq!(
            reword(
                "only the body of the #[async_gen] fn itself",
                Form::AsyncGen,
                &[]
            ),
            "only the body of the async_gen_block! itself"
        );
    }
}
