//! std's expression-list macros (`println!`, `format!`, `write!`, `vec!`, `assert_eq!`, ...):
//! their arguments are expressions we can parse, rewrite and lower like call arguments.
//!
//! Input:  `println!("{} {}", a(), yield_!(x))`
//! Output: `let mut __coro_t1 = a();`, a yield, then `println!("{} {}", __coro_t1, __coro_r2)`.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Expr, Macro, Token};

use super::Lowerer;

/// A macro call's name, without its path (`std::println!` -> `println`).
pub fn macro_name(mac: &Macro) -> String {
    mac.path
        .segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default()
}

/// Macros whose arguments are all evaluated (left to right) like a call's.
pub(crate) const EAGER: &[&str] = &[
    "print",
    "println",
    "eprint",
    "eprintln",
    "format",
    "format_args",
    "write",
    "writeln",
    "panic",
    "vec",
    "dbg",
    "todo",
    "unimplemented",
    "unreachable",
];
/// std macros that expand to a constant or to a plain expression of their arguments (no new
/// type, no item, no `.await`), beside [`EAGER`] and [`ASSERTS`].
pub(crate) const STD_VALUES: &[&str] = &[
    "matches",
    "concat",
    "stringify",
    "line",
    "column",
    "file",
    "module_path",
    "cfg",
    "env",
    "option_env",
    "include_str",
    "include_bytes",
];

/// Whether a macro (by its last path segment) is std's [`EAGER`], [`ASSERTS`] or [`STD_VALUES`].
pub(crate) fn is_std_value(name: &str) -> bool {
    EAGER.contains(&name) || ASSERTS.iter().any(|(a, _)| *a == name) || STD_VALUES.contains(&name)
}

/// Macros whose first `n` arguments are evaluated and the rest only on failure.
pub(crate) const ASSERTS: &[(&str, usize)] = &[
    ("assert", 1),
    ("debug_assert", 1),
    ("assert_eq", 2),
    ("assert_ne", 2),
    ("debug_assert_eq", 2),
    ("debug_assert_ne", 2),
];

pub struct Arg {
    name: Option<Ident>,
    expr: Expr,
}

impl Parse for Arg {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(syn::Ident) && input.peek2(Token![=]) && !input.peek2(Token![==]) {
            let name: Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            return Ok(Arg {
                name: Some(name),
                expr: input.parse()?,
            });
        }
        Ok(Arg {
            name: None,
            expr: input.parse()?,
        })
    }
}

/// The parsed arguments of a known macro.
pub struct MacroArgs {
    mac: Macro,
    kind: Shape,
}

enum Shape {
    List {
        args: Vec<Arg>,
        trailing_comma: bool,
    },
    /// `vec![elem; n]`
    Repeat(Box<Expr>, Box<Expr>),
}

impl MacroArgs {
    pub fn parse(mac: &Macro) -> Option<Self> {
        let name = mac.path.segments.last()?.ident.to_string();
        if !EAGER.contains(&name.as_str()) && !ASSERTS.iter().any(|(n, _)| *n == name) {
            return None;
        }
        if name == "vec" {
            let repeat = |input: ParseStream| -> syn::Result<(Expr, Expr)> {
                let e: Expr = input.parse()?;
                input.parse::<Token![;]>()?;
                let n: Expr = input.parse()?;
                Ok((e, n))
            };
            if let Ok((e, n)) = repeat.parse2(mac.tokens.clone()) {
                return Some(MacroArgs {
                    mac: mac.clone(),
                    kind: Shape::Repeat(Box::new(e), Box::new(n)),
                });
            }
        }
        let list = Punctuated::<Arg, Token![,]>::parse_terminated
            .parse2(mac.tokens.clone())
            .ok()?;
        let trailing_comma = list.trailing_punct();
        Some(MacroArgs {
            mac: mac.clone(),
            kind: Shape::List {
                args: list.into_iter().collect(),
                trailing_comma,
            },
        })
    }

    pub fn exprs_mut(&mut self) -> Vec<&mut Expr> {
        match &mut self.kind {
            Shape::List { args, .. } => args.iter_mut().map(|a| &mut a.expr).collect(),
            Shape::Repeat(e, n) => vec![&mut **e, &mut **n],
        }
    }

    pub fn exprs(&self) -> Vec<&Expr> {
        match &self.kind {
            Shape::List { args, .. } => args.iter().map(|a| &a.expr).collect(),
            Shape::Repeat(e, n) => vec![&**e, &**n],
        }
    }

    /// How many leading arguments are always evaluated.
    pub fn eager_count(&self) -> usize {
        let name = macro_name(&self.mac);
        ASSERTS
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(usize::MAX, |(_, k)| *k)
    }

    /// Whether the macro's arguments run only in debug builds (`debug_assert!` and kin).
    pub fn debug_only(&self) -> bool {
        macro_name(&self.mac).starts_with("debug_")
    }

    /// The macro's argument tokens, rebuilt from (possibly rewritten) expressions.
    pub fn to_tokens(&self) -> TokenStream {
        self.tokens_with(
            &self
                .exprs()
                .into_iter()
                .map(quote::ToTokens::to_token_stream)
                .collect::<Vec<_>>(),
        )
    }

    fn tokens_with(&self, values: &[TokenStream]) -> TokenStream {
        match &self.kind {
            Shape::List {
                args,
                trailing_comma,
            } => {
                let items = args.iter().zip(values).map(|(a, v)| match &a.name {
                    Some(n) => quote!(#n = #v),
                    None => v.clone(),
                });
                let trailing = trailing_comma.then(|| quote!(,));
                quote!(#(#items),* #trailing)
            }
            Shape::Repeat(..) => {
                let (e, n) = (&values[0], &values[1]);
                quote!(#e; #n)
            }
        }
    }
}

impl Lowerer<'_> {
    /// A macro call whose tokens contain a suspension.
    pub fn lower_macro(&mut self, mac: &Macro) -> TokenStream {
        let name = macro_name(mac);
        let Some(args) = MacroArgs::parse(mac) else {
            self.cx.error_spanned_by(
                mac,
                format!(
                    "`yield_!` inside `{name}!`: the generator cannot see into this macro's tokens; \
                     bind the value first: `let v = yield_!(..); {name}!(.. v ..)`"
                ),
            );
            return quote!(());
        };
        let exprs = args.exprs();
        if let Shape::Repeat(_, n) = &args.kind
            && crate::scan::expr_has_yield(n)
        {
            self.cx
                .error_spanned_by(n, "the length of `vec![x; n]` cannot suspend");
            return quote!(());
        }
        let eager = args.eager_count();
        for lazy in exprs.iter().skip(eager) {
            if crate::scan::expr_has_yield(lazy) {
                self.cx.error_spanned_by(
                    lazy,
                    format!("the message arguments of `{name}!` are only evaluated on failure and cannot suspend; bind the value with `let` first"),
                );
                return quote!(());
            }
        }
        // `vec!`'s elements are moved into the vector, left to right: a local among them is read
        // before a later element's suspension, which may assign it (`vec![a, yield_!({ a -= 1;
        // 2 })]` holds `a`'s old value). The other macros borrow their operands, and plain Rust
        // lets no later operand assign a borrowed local: a place operand (`x`, `s.f`, `&v`)
        // left of a suspension is read after it, never moved into a temporary.
        let eval = if name == "vec" {
            super::eval::Eval::Value
        } else {
            super::eval::Eval::Place
        };
        let values = self.operands_as(&exprs, |_| eval);
        for v in &values {
            self.mention_hidden(v);
        }
        // Names captured by the format string are read where the macro runs: after the yields.
        for e in &exprs {
            if let Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = e
            {
                let names = super::captures::capture_idents(&s.token().to_string(), s.span());
                self.mention_all(&names);
            }
        }
        if name == "dbg" && matches!(args.kind, Shape::List { .. }) {
            return dbg_with_source(mac, &exprs, &values);
        }
        let tokens = args.tokens_with(&values);
        let path = &mac.path;
        match &mac.delimiter {
            syn::MacroDelimiter::Paren(_) => quote!(#path!(#tokens)),
            syn::MacroDelimiter::Brace(_) => quote!(#path!{#tokens}),
            syn::MacroDelimiter::Bracket(_) => quote!(#path![#tokens]),
        }
    }
}

/// `dbg!(.. yield_!(x) ..)`: std's `dbg!` of the lowered operands would print a hidden temporary
/// (`__coro_r3 = 9`) at the attribute's line. This is std's expansion with the user's source text
/// (`yield_!(x) = 9`) at the user's `dbg!`: each operand is printed and passed through (a tuple
/// of them for several).
pub fn dbg_with_source(mac: &Macro, exprs: &[&Expr], values: &[TokenStream]) -> TokenStream {
    let span = mac
        .path
        .segments
        .last()
        .map_or_else(Span::call_site, |s| s.ident.span());
    let tmp = Ident::new("__coro_dbg", Span::mixed_site());
    let mut each = exprs.iter().zip(values).map(|(e, v)| {
        let text = as_written(quote::ToTokens::to_token_stream(*e));
        quote_spanned! {span=>
            match #v {
                #tmp => {
                    ::std::eprintln!(
                        "[{}:{}:{}] {} = {:#?}",
                        ::core::file!(),
                        ::core::line!(),
                        ::core::column!(),
                        #text,
                        &#tmp,
                    );
                    #tmp
                }
            }
        }
    });
    if values.len() == 1 {
        each.next().unwrap_or_default()
    } else {
        let each: Vec<_> = each.collect();
        quote_spanned!(span=> (#(#each),*))
    }
}

/// The operand's text as the user wrote it on one line (`yield_!(x) + 1`), rebuilt from its
/// tokens' positions: on stable a span of several tokens has no source text, and printing the
/// tokens gives `yield_! (x) + 1`. A line break becomes one space.
fn as_written(tokens: TokenStream) -> String {
    type At = proc_macro2::LineColumn;
    fn push(out: &mut String, prev: &mut Option<At>, (start, end): (At, At), text: &str) {
        if let Some(p) = *prev {
            if p.line == start.line && start.column >= p.column {
                out.extend(std::iter::repeat_n(' ', start.column - p.column));
            } else {
                out.push(' ');
            }
        }
        out.push_str(text);
        *prev = Some(end);
    }
    fn walk(out: &mut String, prev: &mut Option<At>, tokens: TokenStream) {
        for tt in tokens {
            match tt {
                proc_macro2::TokenTree::Group(g) => {
                    let (open, close) = match g.delimiter() {
                        proc_macro2::Delimiter::Parenthesis => ("(", ")"),
                        proc_macro2::Delimiter::Brace => ("{", "}"),
                        proc_macro2::Delimiter::Bracket => ("[", "]"),
                        proc_macro2::Delimiter::None => ("", ""),
                    };
                    // The whole group's span: a group rebuilt by syn has no delimiter spans.
                    let (start, end) = (g.span().start(), g.span().end());
                    let after_open = At {
                        column: start.column + open.len(),
                        ..start
                    };
                    let before_close = At {
                        column: end.column.saturating_sub(close.len()),
                        ..end
                    };
                    push(out, prev, (start, after_open), open);
                    walk(out, prev, g.stream());
                    push(out, prev, (before_close, end), close);
                }
                other => {
                    let span = other.span();
                    push(out, prev, (span.start(), span.end()), &other.to_string());
                }
            }
        }
    }
    let mut out = String::new();
    walk(&mut out, &mut None, tokens);
    out
}
