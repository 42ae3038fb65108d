//! The block forms `gen_block!(options => { body })` and `async_gen_block!(options => { body })`:
//! parsing their input and options. The expansions are in [`expand`], the captures in
//! [`captures`].
//!
//! Input:  `yield = u32, resume = i32, throw = E, return = String, move(a, b), clone => { .. }`
//! Output: an [`Input`] (the options `#[generator]` also has are left as tokens for
//!         [`crate::args::parse`]; `return` and `move(..)` are the block forms' own).

mod captures;
pub mod cfg;
pub mod expand;
mod messages;

use proc_macro2::{Delimiter, Ident, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::{Expr, Token, Type};

use crate::args::{self, Args, Kind};
use crate::diag::Ctxt;

/// Which block form is expanding.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Gen,
    AsyncGen,
}

impl Form {
    fn name(self) -> &'static str {
        match self {
            Form::Gen => "gen_block!",
            Form::AsyncGen => "async_gen_block!",
        }
    }

    fn usage(self) -> &'static str {
        match self {
            Form::Gen => "`gen_block!(yield = u32 => { .. })`",
            Form::AsyncGen => "`async_gen_block!(yield = u32 => { .. })`",
        }
    }

    fn allowed(self) -> &'static str {
        match self {
            Form::Gen => {
                "`yield = Type`, `resume = Type`, `throw = Type`, `return = Type`, `move(name, ..)`, `clone`, `pinned`, `crate = path`"
            }
            Form::AsyncGen => "`yield = Type`, `return = Type`, `crate = path`",
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            Form::Gen => Kind::Generator,
            Form::AsyncGen => Kind::AsyncGen,
        }
    }
}

/// A block form's input, split but not yet validated.
pub struct Input {
    /// Each option's tokens, in order (split at top-level commas).
    pub options: Vec<TokenStream>,
    /// `move(a, b)`: the explicit capture list, replacing the heuristic.
    pub explicit: Option<Vec<Ident>>,
    pub body: syn::Block,
}

impl Input {
    /// Splits `options => { body }`. Errors are at the user's tokens.
    pub fn parse_tokens(tokens: TokenStream, form: Form) -> syn::Result<Self> {
        let tts: Vec<TokenTree> = tokens.into_iter().collect();
        let arrow = (0..tts.len()).find(|&i| {
            matches!(&tts[i], TokenTree::Punct(p) if p.as_char() == '=' && p.spacing() == proc_macro2::Spacing::Joint)
                && matches!(tts.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '>')
        });
        // `options, { body }` is the same input, in a shape rustfmt can format (it formats a
        // macro call whose arguments parse as expressions: `yield = u32` does).
        let comma = || {
            let n = tts.len();
            (n >= 2
                && matches!(&tts[n - 1], TokenTree::Group(g) if g.delimiter() == Delimiter::Brace)
                && matches!(&tts[n - 2], TokenTree::Punct(p) if p.as_char() == ','))
            .then(|| n - 2)
        };
        let Some(arrow) = arrow.or_else(comma) else {
            let message = match tts.first() {
                Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => format!(
                    "{} needs its options before the body, then `=>`: {}",
                    form.name(),
                    form.usage()
                ),
                _ => format!(
                    "expected `=>` (or `,`) between the options and the body: {}",
                    form.usage()
                ),
            };
            let all: TokenStream = tts.iter().cloned().collect();
            return Err(if all.is_empty() {
                syn::Error::new(Span::call_site(), message)
            } else {
                syn::Error::new_spanned(all, message)
            });
        };
        let options = split_options(&tts[..arrow]);
        let sep_len = match &tts[arrow] {
            TokenTree::Punct(p) if p.as_char() == ',' => 1,
            _ => 2,
        };
        let body = match &tts[arrow + sep_len..] {
            [TokenTree::Group(g)] if g.delimiter() == Delimiter::Brace => {
                syn::parse2::<syn::Block>(TokenTree::Group(g.clone()).into())?
            }
            [] => {
                return Err(syn::Error::new(
                    tts[arrow + 1].span(),
                    "expected the body in braces after `=>`",
                ));
            }
            [TokenTree::Group(g), rest @ ..] if g.delimiter() == Delimiter::Brace => {
                let rest: TokenStream = rest.iter().cloned().collect();
                return Err(syn::Error::new_spanned(
                    rest,
                    "unexpected tokens after the body: the body is one `{ .. }` block",
                ));
            }
            other => {
                let other: TokenStream = other.iter().cloned().collect();
                return Err(syn::Error::new_spanned(
                    other,
                    "expected the body in braces after `=>`: `=> { .. }`",
                ));
            }
        };
        let mut explicit = None;
        let mut rest = Vec::new();
        for opt in options {
            let mut it = opt.clone().into_iter();
            match (it.next(), it.next(), it.next()) {
                (Some(TokenTree::Ident(kw)), Some(TokenTree::Group(g)), None)
                    if kw == "move" && g.delimiter() == Delimiter::Parenthesis =>
                {
                    if explicit.is_some() {
                        return Err(syn::Error::new(kw.span(), "duplicate `move(..)` list"));
                    }
                    explicit = Some(capture_list(g.stream())?);
                }
                (Some(TokenTree::Ident(kw)), next, _) if kw == "move" => {
                    let tokens: TokenStream =
                        [TokenTree::Ident(kw)].into_iter().chain(next).collect();
                    return Err(syn::Error::new_spanned(
                        tokens,
                        "expected `move(name, ..)`: the locals to move into the block, e.g. `move(items, label)`",
                    ));
                }
                _ => rest.push(opt),
            }
        }
        Ok(Input {
            options: rest,
            explicit,
            body,
        })
    }

    /// The validated options: `#[generator]`'s through [`args::parse`], plus `return = Type`.
    pub fn args(&self, form: Form, cx: &Ctxt, whole: &TokenStream) -> Option<(Args, Option<Type>)> {
        let name = form.name();
        let mut forwarded = Vec::new();
        let mut ret: Option<Type> = None;
        let mut has_yield = false;
        let mut ok = true;
        for opt in &self.options {
            let Some(first) = opt.clone().into_iter().next() else {
                continue;
            };
            let key = match &first {
                TokenTree::Ident(i) => i.to_string(),
                _ => String::new(),
            };
            match key.as_str() {
                "return" => match return_type(opt) {
                    Some(_) if ret.is_some() => {
                        cx.error_spanned_by(&first, format!("duplicate `return` option in {name}"));
                        ok = false;
                    }
                    Some(ty) => ret = Some(ty),
                    None => {
                        cx.error_spanned_by(
                            opt,
                            "expected `return = Type`, e.g. `return = String`",
                        );
                        ok = false;
                    }
                },
                "yield" | "crate" => {
                    has_yield |= key == "yield";
                    forwarded.push(opt.clone());
                }
                "resume" | "throw" | "clone" | "pinned" if form == Form::Gen => {
                    forwarded.push(opt.clone());
                }
                "resume" | "throw" => {
                    cx.error_spanned_by(
                        &first,
                        format!("an async_gen_block! stream takes no {key} value: `{key}` is only for `gen_block!`"),
                    );
                    ok = false;
                }
                _ => {
                    let hint = if key == "boxed" || key == "boxed_local" {
                        "; to box the stream, write `Box::pin(async_gen_block!(..))`"
                    } else {
                        ""
                    };
                    cx.error_spanned_by(
                        &first,
                        format!(
                            "unknown option `{first}` in {name}: expected {}{hint}",
                            form.allowed()
                        ),
                    );
                    ok = false;
                }
            }
        }
        if form == Form::AsyncGen
            && let Some(list) = &self.explicit
        {
            let span = list.first().map_or_else(Span::call_site, Ident::span);
            cx.error_at(
                span,
                "async_gen_block! needs no `move(..)` list: its body is an `async move` block, which \
                 moves in exactly the locals it uses\nhelp: remove `move(..)`; to capture a \
                 reference, take it before the block (`let items = &items;`)",
            );
            ok = false;
        }
        if !has_yield {
            let message = format!(
                "{name} needs the type of the yielded values\nhelp: add `yield = Type` before `=>`, e.g. {}",
                form.usage()
            );
            match self.options.first() {
                Some(first) => cx.error_spanned_by(first, message),
                None => cx.error_spanned_by(whole.clone().into_iter().next(), message),
            }
            return None;
        }
        let joined: TokenStream = forwarded
            .iter()
            .enumerate()
            .flat_map(|(i, o)| {
                let comma = (i > 0).then(|| Token![,](Span::call_site()).into_token_stream());
                comma.into_iter().flatten().chain(o.clone())
            })
            .collect();
        let args = args::parse(form.kind(), joined, cx)?;
        ok.then_some((args, ret))
    }
}

/// The type of a `return = Type` option.
fn return_type(opt: &TokenStream) -> Option<Type> {
    let value: Vec<TokenTree> = opt.clone().into_iter().skip(1).collect();
    let is_eq = matches!(value.first(), Some(TokenTree::Punct(p)) if p.as_char() == '=');
    is_eq
        .then(|| syn::parse2::<Type>(value[1..].iter().cloned().collect()).ok())
        .flatten()
}

/// Splits option tokens at commas outside `<..>` (`HashMap<K, V>`); `->` and `=>` are not
/// brackets.
fn split_options(tts: &[TokenTree]) -> Vec<TokenStream> {
    let mut out = Vec::new();
    let mut cur = TokenStream::new();
    let mut depth = 0usize;
    let mut prev_joint_arrow_head = false;
    for tt in tts {
        match tt {
            TokenTree::Punct(p) if p.as_char() == ',' && depth == 0 => {
                out.push(std::mem::take(&mut cur));
                prev_joint_arrow_head = false;
                continue;
            }
            TokenTree::Punct(p) if p.as_char() == '<' => depth += 1,
            TokenTree::Punct(p) if p.as_char() == '>' && !prev_joint_arrow_head => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        prev_joint_arrow_head = matches!(tt, TokenTree::Punct(p)
            if (p.as_char() == '-' || p.as_char() == '=') && p.spacing() == proc_macro2::Spacing::Joint);
        cur.extend([tt.clone()]);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// `move(a, b, self)`: whole locals, each once.
fn capture_list(tokens: TokenStream) -> syn::Result<Vec<Ident>> {
    let exprs =
        syn::parse::Parser::parse2(Punctuated::<Expr, Token![,]>::parse_terminated, tokens)?;
    let mut out: Vec<Ident> = Vec::new();
    for e in exprs {
        let ident = match &e {
            Expr::Path(p) if p.qself.is_none() && p.path.get_ident().is_some() => {
                p.path.get_ident().cloned()
            }
            _ => None,
        };
        let Some(ident) = ident else {
            let help = match &e {
                Expr::Reference(r) => format!(
                    "to capture a reference, take it before the block and list that: `let r = {}; ... move(r)`",
                    r.to_token_stream()
                ),
                Expr::Field(f) => format!(
                    "bind the field before the block and list that: `let x = {}; ... move(x)`",
                    f.to_token_stream()
                ),
                _ => "list the names of locals: `move(items, label)`".to_string(),
            };
            return Err(syn::Error::new_spanned(
                &e,
                format!("a `move(..)` list names whole locals, moved into the block\nhelp: {help}"),
            ));
        };
        if out.contains(&ident) {
            return Err(syn::Error::new(
                ident.span(),
                format!("`{ident}` is listed twice in `move(..)`"),
            ));
        }
        out.push(ident);
    }
    Ok(out)
}

/// The captures of a `gen_block!`: the explicit list, each of whose names the body must use,
/// or those [`captures::of_block`] finds.
pub fn captures(input: &Input, cx: &Ctxt) -> Vec<Ident> {
    let Some(list) = &input.explicit else {
        return captures::of_block(&input.body);
    };
    let mut used = std::collections::HashSet::new();
    idents(&input.body.to_token_stream(), &mut used);
    for ident in list {
        if !used.contains(&ident.to_string()) {
            cx.error_spanned_by(
                ident,
                format!("`{ident}` is listed in `move(..)` but the block does not use it\nhelp: remove it from the list"),
            );
        }
    }
    list.clone()
}

fn idents(tokens: &TokenStream, out: &mut std::collections::HashSet<String>) {
    for tt in tokens.clone() {
        match tt {
            TokenTree::Ident(i) => {
                out.insert(i.to_string());
            }
            TokenTree::Group(g) => idents(&g.stream(), out),
            TokenTree::Literal(l) => {
                for i in crate::lower::captures::capture_idents(&l.to_string(), l.span()) {
                    out.insert(i.to_string());
                }
            }
            TokenTree::Punct(_) => {}
        }
    }
}
