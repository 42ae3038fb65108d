//! Which locals of the enclosing fn a block form captures, found from its syntax alone.
//!
//! A proc macro cannot see the enclosing fn, so "a local used in the block" is approximated by
//! "a name used in expression position in the block and not bound inside it":
//! - single-segment value paths (`v`, `self`), shorthand struct fields (`S { v }`), the names a
//!   format string captures (`println!("{v}")`);
//! - not: CamelCase names (types, variants, unit and tuple structs: `None`, `Point`) and
//!   `ALL_CAPS` names (consts, statics) — Rust's naming convention, as rustc's lints assume;
//! - not: the head of a call (`helper(x)`, `drop(x)`), which names a fn far more often than a
//!   closure local (capturing a generic fn item such as `drop` by value would fix its type
//!   parameter to the first use); a closure local called in the block is borrowed by the
//!   generator unless it is listed in `move(..)`;
//! - not: names bound inside the block (`let`, patterns, closure parameters, nested `fn`s,
//!   `use`), counted from the binding on, so `let v = v + 1;` still captures `v`.
//!
//! Macro calls are read as expressions where their syntax is known (`yield_!`, std's
//! expression-list macros, `matches!`, `for_await!`, nested block forms); other macros' tokens
//! are read conservatively (see [`Captures::tokens`]).
//!
//! Input:  `{ let n = v.len(); for x in v { if keep(&x) { yield_!(x + n + OFFSET) } } label }`
//! Output: `v`, `label`

use proc_macro2::{Ident, TokenStream, TokenTree};
use std::collections::HashSet;
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::visit::{self, Visit};
use syn::{Expr, Macro, Pat, Token};

use crate::lower::captures::capture_idents;
use crate::lower::macros::MacroArgs;
use crate::lower::names::pat_bindings;

/// The captures of `block`, in order of first use, each with the span of that use.
pub fn of_block(block: &syn::Block) -> Vec<Ident> {
    let mut c = Captures::default();
    c.visit_block(block);
    c.found
}

#[derive(Default)]
struct Captures {
    found: Vec<Ident>,
    scopes: Vec<HashSet<String>>,
}

/// Whether a name follows the convention of locals (`snake_case`, or `self`).
fn local_like(name: &str) -> bool {
    let name = name.trim_start_matches("r#");
    name.starts_with(|c: char| c.is_lowercase() || c == '_') && name != "_"
}

/// Keywords: they are `Ident` tokens in a macro's input, never locals.
fn is_keyword(name: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "as",
        "async",
        "await",
        "break",
        "const",
        "continue",
        "crate",
        "dyn",
        "else",
        "enum",
        "extern",
        "false",
        "fn",
        "for",
        "if",
        "impl",
        "in",
        "let",
        "loop",
        "match",
        "mod",
        "move",
        "mut",
        "pub",
        "ref",
        "return",
        "static",
        "struct",
        "super",
        "trait",
        "true",
        "type",
        "unsafe",
        "use",
        "where",
        "while",
        "yield",
        "gen",
        "box",
        "try",
        "macro_rules",
        "union",
    ];
    KEYWORDS.contains(&name)
}

impl Captures {
    crate::lower::names::scope_walk_helpers!();

    fn bound(&self, name: &str) -> bool {
        self.scopes.iter().any(|s| s.contains(name))
    }

    fn mention(&mut self, ident: &Ident) {
        let name = ident.to_string();
        if (name == "self" || local_like(&name))
            && !self.bound(&name)
            && !self.found.iter().any(|f| *f == name)
        {
            self.found.push(ident.clone());
        }
    }

    fn bind(&mut self, names: impl IntoIterator<Item = String>) {
        if self.scopes.is_empty() {
            self.scopes.push(HashSet::new());
        }
        if let Some(top) = self.scopes.last_mut() {
            top.extend(names);
        }
    }

    fn bind_pat(&mut self, pat: &Pat) {
        self.bind(pat_bindings(pat).into_iter().map(|b| b.ident.to_string()));
    }

    /// Tokens of a macro whose syntax we do not know: first as comma-separated expressions; if
    /// they are not, every identifier that can be a local (not a keyword, a path segment, a
    /// field or method name, a lifetime, a macro or call head) plus format-string captures.
    fn tokens(&mut self, tokens: &TokenStream) {
        if let Ok(exprs) = Punctuated::<Expr, Token![,]>::parse_terminated.parse2(tokens.clone()) {
            for e in &exprs {
                self.visit_expr(e);
            }
            return;
        }
        let tts: Vec<TokenTree> = tokens.clone().into_iter().collect();
        let punct = |i: Option<usize>, c: char| {
            i.and_then(|i| tts.get(i))
                .is_some_and(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == c))
        };
        for (i, tt) in tts.iter().enumerate() {
            match tt {
                TokenTree::Ident(id) => {
                    let before = i.checked_sub(1);
                    let name = id.to_string();
                    // `a.b`, `a::b`, `'a`: not a local; `b: ..` (a field or keyword argument)
                    // and `b::..` / `b!` neither.
                    let path_sep = punct(before, ':') && punct(i.checked_sub(2), ':');
                    let qualified = punct(before, '.') || path_sep || punct(before, '\'');
                    let head = punct(Some(i + 1), ':') || punct(Some(i + 1), '!');
                    let call = matches!(tts.get(i + 1), Some(TokenTree::Group(g)) if g.delimiter() == proc_macro2::Delimiter::Parenthesis);
                    if !is_keyword(&name) && !qualified && !head && !call {
                        self.mention(id);
                    }
                }
                TokenTree::Group(g) => self.tokens(&g.stream()),
                TokenTree::Literal(lit) => {
                    for ident in capture_idents(&lit.to_string(), lit.span()) {
                        self.mention(&ident);
                    }
                }
                TokenTree::Punct(_) => {}
            }
        }
    }

    /// A string literal argument of a formatting macro: its captured names.
    fn format_string(&mut self, e: &Expr) -> bool {
        if let Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) = e
        {
            for ident in capture_idents(&s.token().to_string(), s.span()) {
                self.mention(&ident);
            }
            true
        } else {
            false
        }
    }
}

/// `matches!(expr, pat [if guard])`.
struct Matches {
    expr: Expr,
    pat: Pat,
    guard: Option<Expr>,
}

impl Parse for Matches {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let expr = input.parse()?;
        input.parse::<Token![,]>()?;
        let pat = Pat::parse_multi_with_leading_vert(input)?;
        let guard = if input.peek(Token![if]) {
            input.parse::<Token![if]>()?;
            Some(input.parse()?)
        } else {
            None
        };
        input.parse::<Option<Token![,]>>()?;
        Ok(Matches { expr, pat, guard })
    }
}

impl<'ast> Visit<'ast> for Captures {
    crate::lower::names::scope_walk_visits!();
    fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
        // The head of `f(..)` is not a capture (see the module docs); `(f)(..)`, `s.f(..)` and
        // other heads are ordinary expressions.
        if !matches!(&*c.func, Expr::Path(p) if p.path.segments.len() == 1) {
            self.visit_expr(&c.func);
        }
        for a in &c.args {
            self.visit_expr(a);
        }
    }
    fn visit_macro(&mut self, m: &'ast Macro) {
        let name = m
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        if crate::scan::yield_kind(&m.path).is_some() {
            self.tokens(&m.tokens);
        } else if name == "matches" || name == "assert_matches" {
            if let Ok(mm) = m.parse_body::<Matches>() {
                self.visit_expr(&mm.expr);
                self.scoped(|this| {
                    this.bind_pat(&mm.pat);
                    if let Some(g) = &mm.guard {
                        this.visit_expr(g);
                    }
                });
            } else {
                self.tokens(&m.tokens);
            }
        } else if name == "for_await" {
            if let Ok(f) = m.parse_body::<crate::for_await::ForAwait>() {
                self.visit_expr(&f.expr);
                self.scoped(|this| {
                    this.bind_pat(&f.pat);
                    this.visit_block(&f.body);
                });
            } else {
                self.tokens(&m.tokens);
            }
        } else if crate::scan::is_block_macro(&m.path) {
            // A nested block form captures from this block: what it captures, this one uses.
            match super::Input::parse_tokens(m.tokens.clone(), super::Form::Gen) {
                Ok(inner) => {
                    let names = match inner.explicit {
                        Some(list) => list,
                        None => of_block(&inner.body),
                    };
                    for n in &names {
                        self.mention(n);
                    }
                }
                Err(_) => self.tokens(&m.tokens),
            }
        } else if let Some(args) = MacroArgs::parse(m) {
            for e in args.exprs() {
                if !self.format_string(e) {
                    self.visit_expr(e);
                }
            }
        } else {
            self.tokens(&m.tokens);
        }
    }
    fn visit_item(&mut self, item: &'ast syn::Item) {
        // Items see nothing of the block's locals; their names are bound in it.
        let name = match item {
            syn::Item::Fn(f) => Some(f.sig.ident.to_string()),
            syn::Item::Const(c) => Some(c.ident.to_string()),
            syn::Item::Static(s) => Some(s.ident.to_string()),
            syn::Item::Use(u) => {
                let mut names = Vec::new();
                use_names(&u.tree, &mut names);
                self.bind(names);
                None
            }
            _ => None,
        };
        self.bind(name);
    }
    // Patterns bind (above); their paths name constants and variants, never captures.
    fn visit_pat(&mut self, _: &'ast Pat) {}
}

/// The names a `use` tree brings into scope.
fn use_names(tree: &syn::UseTree, out: &mut Vec<String>) {
    match tree {
        syn::UseTree::Path(p) => use_names(&p.tree, out),
        syn::UseTree::Name(n) => out.push(n.ident.to_string()),
        syn::UseTree::Rename(r) => out.push(r.rename.to_string()),
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| use_names(t, out)),
        syn::UseTree::Glob(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::of_block;

    fn caps(src: &str) -> Vec<String> {
        let b: syn::Block = syn::parse_str(src).unwrap();
        of_block(&b).into_iter().map(|i| i.to_string()).collect()
    }

    #[test]
    fn locals_used_and_not_bound() {
        assert_eq!(
            caps(
                "{ let n = v.len(); for x in v.iter() { if keep(&x) { yield_!(x + n + OFFSET) } } label }"
            ),
            ["v", "label"]
        );
        assert_eq!(caps("{ let v = v + 1; v }"), ["v"]);
        assert_eq!(
            caps("{ self.items.iter().map(|i| i + k).sum::<u32>() }"),
            ["self", "k"]
        );
    }

    #[test]
    fn names_that_are_not_locals() {
        assert!(
            caps("{ Some(Point { x: 1 }); None::<u8>; MAX + std::u8::MAX; drop(a_fn()) }")
                .is_empty()
        );
        assert!(caps("{ fn helper() {} const K: u8 = 1; use std::mem::take; let h = helper; take(&mut 1); h }").is_empty());
        assert!(caps("{ match o { Some(v) => v, _ => 0 } }") == ["o"]);
    }

    #[test]
    fn macros() {
        assert_eq!(caps(r#"{ println!("{a} {}", b); }"#), ["a", "b"]);
        assert_eq!(caps("{ matches!(x, Some(y) if y > z) }"), ["x", "z"]);
        assert_eq!(
            caps("{ my_log!(target: t, \"{w}\"; items.len()) }"),
            ["t", "w", "items"]
        );
        assert_eq!(
            caps("{ gen_block!(yield = u8 => { yield_!(inner) }) }"),
            ["inner"]
        );
        assert_eq!(
            caps("{ gen_block!(yield = u8, move(a) => { yield_!(b) }) }"),
            ["a"]
        );
        assert_eq!(caps("{ for_await!(x in s { t.push(x) }) }"), ["s", "t"]);
    }
}
