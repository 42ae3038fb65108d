//! Expressions that contain a suspension.
//!
//! Input:  `f(a(), yield_!(x), b)`
//! Output: `let mut __coro_t1 = a();` in the current block, a yield jump, then in the resumed
//!         block the residual `f(__coro_t1, __coro_r2, b)`.
//! Operands left of a suspension are hoisted into temporaries only when they have effects; place
//! expressions (`b`, `&v`, `s.f`) are evaluated after it, which is observably the same and does
//! not hold a borrow of a local across the suspension.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::{Expr, Member};

use super::eval::Eval;
use super::{BlockKind, Lowerer};
use crate::scan::{self, YieldKind, expr_has_yield};

impl Lowerer<'_> {
    /// Lowers an expression; returns the residual tokens valid in the (possibly new) current block.
    #[allow(clippy::too_many_lines, reason = "one arm per expression kind")]
    pub fn expr(&mut self, e: &Expr) -> TokenStream {
        if !expr_has_yield(e) && !super::patterns::jumps_out_after_shadowing(self, e) {
            return self.verbatim_expr(e);
        }
        match e {
            Expr::Macro(m) if super::await_point::is_await_marker(&m.mac.path) => {
                self.lower_await(&m.mac, true)
            }
            Expr::Macro(m) => match scan::yield_kind(&m.mac.path) {
                Some(YieldKind::Yield) => self.lower_yield(&m.mac, true, false),
                Some(YieldKind::YieldCatch) => self.lower_yield(&m.mac, true, true),
                Some(YieldKind::YieldFrom) => self.lower_yield_from(&m.mac),
                None => self.lower_macro(&m.mac),
            },
            e if super::stmt::is_control(e) => self.control(e, true),
            Expr::Paren(p) => {
                let inner = self.expr(&p.expr);
                quote!((#inner))
            }
            Expr::Group(g) => self.expr(&g.expr),
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                self.short_circuit(b)
            }
            Expr::Binary(b) => {
                // Comparisons and compound assignments take their left operand as a place.
                let left = if is_place_op(&b.op) {
                    Eval::Place
                } else {
                    Eval::Value
                };
                let ops = self.operands_as(&[&b.left, &b.right], |i| {
                    if i == 0 { left } else { Eval::Value }
                });
                let (l, r, op) = (&ops[0], &ops[1], &b.op);
                quote!(#l #op #r)
            }
            Expr::Unary(u) => {
                let ops = self.operands_as(&[&u.expr], |_| Eval::Value);
                let (op, v) = (&u.op, &ops[0]);
                quote!(#op #v)
            }
            Expr::Cast(c) => {
                let ops = self.operands_as(&[&c.expr], |_| Eval::Value);
                let (v, ty) = (&ops[0], &c.ty);
                quote!(#v as #ty)
            }
            Expr::Reference(r) => {
                let ops = self.operands_as(&[&r.expr], |_| Eval::Place);
                let (m, v) = (&r.mutability, &ops[0]);
                quote!(& #m #v)
            }
            Expr::Field(f) => {
                let ops = self.operands_as(&[&f.base], |_| Eval::Place);
                let (b, m) = (&ops[0], &f.member);
                quote!(#b . #m)
            }
            Expr::Index(i) => {
                let ops = self.operands_as(&[&i.expr, &i.index], |i| {
                    if i == 0 { Eval::Place } else { Eval::Value }
                });
                let (a, b) = (&ops[0], &ops[1]);
                quote!(#a [#b])
            }
            Expr::Call(c) => {
                let mut all: Vec<&Expr> = vec![&c.func];
                all.extend(c.args.iter());
                let ops =
                    self.operands_as(&all, |i| if i == 0 { Eval::Place } else { Eval::Value });
                let (f, args) = (&ops[0], &ops[1..]);
                quote!(#f (#(#args),*))
            }
            Expr::MethodCall(m) => {
                let mut all: Vec<&Expr> = vec![&m.receiver];
                all.extend(m.args.iter());
                let ops =
                    self.operands_as(&all, |i| if i == 0 { Eval::Place } else { Eval::Value });
                let (recv, args, method, turbofish) = (&ops[0], &ops[1..], &m.method, &m.turbofish);
                quote!(#recv . #method #turbofish (#(#args),*))
            }
            Expr::Tuple(t) => {
                let all: Vec<&Expr> = t.elems.iter().collect();
                let ops = self.operands_as(&all, |_| Eval::Value);
                if ops.len() == 1 {
                    let v = &ops[0];
                    quote!((#v,))
                } else {
                    quote!((#(#ops),*))
                }
            }
            Expr::Array(a) => {
                let all: Vec<&Expr> = a.elems.iter().collect();
                let ops = self.operands_as(&all, |_| Eval::Value);
                quote!([#(#ops),*])
            }
            Expr::Struct(s) => {
                let mut all: Vec<&Expr> = s.fields.iter().map(|f| &f.expr).collect();
                if let Some(rest) = &s.rest {
                    all.push(rest);
                }
                let ops = self.operands_as(&all, |_| Eval::Value);
                let members: Vec<&Member> = s.fields.iter().map(|f| &f.member).collect();
                let values = &ops[..members.len()];
                let path = &s.path;
                let qself = s.qself.as_ref().map(|q| {
                    let ty = &q.ty;
                    quote!(<#ty>::)
                });
                let rest = s.rest.as_ref().map(|_| {
                    let r = &ops[members.len()];
                    quote!(.. #r)
                });
                quote!(#qself #path { #(#members: #values,)* #rest })
            }
            Expr::Range(r) => {
                let mut all = Vec::new();
                if let Some(s) = &r.start {
                    all.push(&**s);
                }
                if let Some(e) = &r.end {
                    all.push(&**e);
                }
                let ops = self.operands_as(&all, |_| Eval::Value);
                let mut it = ops.iter();
                let start = r.start.as_ref().map(|_| it.next().expect("start"));
                let end = r.end.as_ref().map(|_| it.next().expect("end"));
                let limits = &r.limits;
                quote!(#start #limits #end)
            }
            Expr::Assign(a) => {
                // The right operand runs first, then the place is evaluated and written.
                let rhs = self.expr(&a.right);
                self.mention_hidden(&rhs);
                let left = if let Some(id) = self.local_path(&a.left) {
                    // A whole local: a kill, not a use (`c = yield_!(1)` with `let c;`).
                    self.assign_whole(id);
                    self.rewrite_expr(&a.left)
                } else {
                    self.verbatim_expr(&a.left)
                };
                quote!(#left = #rhs)
            }
            Expr::Return(r) => {
                let value = if let Some(v) = &r.expr {
                    self.expr(v)
                } else {
                    quote!(())
                };
                self.mention_hidden(&value);
                self.complete(&value)
            }
            Expr::Break(b) => self.lower_break(b),
            Expr::Try(t) => {
                let v = self.expr(&t.expr);
                self.try_residual(&v, t.question_token.span)
            }
            Expr::Let(l) => {
                self.cx.error_spanned_by(l, "a suspension inside a `let` condition is only supported as the scrutinee of the first `let` of an `if`/`while` condition; bind it to a local first");
                quote!(false)
            }
            other => {
                self.cx.error_spanned_by(
                    other,
                    "`yield_!` cannot be lowered in this position; bind the yielded value to a local with `let` first",
                );
                quote!(())
            }
        }
    }

    /// Lowers operands left to right. Left of the last suspension, an operand with effects is
    /// hoisted into a temporary; an operand evaluated as a value (`a` in `a - yield_!(x)`) is
    /// copied/moved into one too, as Rust evaluates it before the operands to its right, which
    /// may assign it; an operand used as a place (a receiver, the left of `+=` or `==`, an indexed
    /// base, `&x`) is left in place, so no borrow of a local is held across the suspension.
    pub fn operands_as(&mut self, ops: &[&Expr], eval: impl Fn(usize) -> Eval) -> Vec<TokenStream> {
        let Some(last) = ops.iter().rposition(|e| expr_has_yield(e)) else {
            return ops.iter().map(|e| self.verbatim_expr(e)).collect();
        };
        let mut out: Vec<Option<TokenStream>> = vec![None; ops.len()];
        for (i, op) in ops.iter().enumerate().take(last) {
            // A local read by value is copied before the operands to its right only when they
            // mention it (they may assign it); otherwise reading it later is the same, and a
            // `&mut` local passed on is reborrowed by the call rather than moved into a temporary.
            let read_first = eval(i) == Eval::Value
                && self.local_root(op).is_some_and(|name| {
                    ops[i + 1..].iter().any(|later| {
                        super::names::FreeNames::of_expr(later)
                            .iter()
                            .any(|n| *n == name)
                    })
                });
            if expr_has_yield(op) {
                let v = self.expr(op);
                out[i] = Some(self.hoist(v));
                self.mark_hoist(op, self.g.locals.len() - 1);
            } else if needs_hoist(op) || read_first {
                let v = self.verbatim_expr(op);
                out[i] = Some(self.hoist(v));
                self.mark_hoist(op, self.g.locals.len() - 1);
            }
        }
        out[last] = Some(self.expr(ops[last]));
        // Places left of the suspension are read after it: record their mentions here.
        for (i, op) in ops.iter().enumerate() {
            if out[i].is_none() {
                out[i] = Some(self.verbatim_expr(op));
            }
        }
        out.into_iter().map(|o| o.expect("lowered")).collect()
    }

    /// The local at the root of a place read by value (`x`, `s.f`, `t.0`).
    fn local_root(&self, e: &Expr) -> Option<String> {
        match e {
            Expr::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => {
                let name = p.path.segments[0].ident.to_string();
                self.resolve(&name).map(|_| name)
            }
            Expr::Field(f) => self.local_root(&f.base),
            Expr::Paren(p) => self.local_root(&p.expr),
            Expr::Group(g) => self.local_root(&g.expr),
            _ => None,
        }
    }

    /// Binds a value to a new hidden temporary; returns the temporary's name.
    pub fn hoist(&mut self, value: TokenStream) -> TokenStream {
        self.mention_hidden(&value);
        let (t_id, t) = self.temp("t");
        let value = self.in_unsafe(value);
        self.emit_raw(quote!(let mut #t = #value;));
        self.tie_sites(t_id..t_id + 1, None);
        quote!(#t)
    }

    /// `a && b` / `a || b` with a suspension: becomes a branch so `b` only runs when needed.
    fn short_circuit(&mut self, b: &syn::ExprBinary) -> TokenStream {
        let left = self.expr(&b.left);
        self.mention_hidden(&left);
        let (out_id, out) = self.temp("sc");
        let join = self.new_block(BlockKind::Internal);
        let is_and = matches!(b.op, syn::BinOp::And(_));
        let evaluate = self.in_seq(|this| {
            let r = this.expr(&b.right);
            this.mention_hidden(&r);
            this.goto(join, vec![(out_id, r)]);
        });
        let shortcut = self.in_seq(|this| {
            let v = if is_and { quote!(false) } else { quote!(true) };
            this.goto(join, vec![(out_id, v)]);
        });
        let left = self.in_unsafe(left);
        let stmt = if is_and {
            quote!(if #left #evaluate else #shortcut)
        } else {
            quote!(if #left #shortcut else #evaluate)
        };
        self.emit_raw(stmt);
        self.switch_to(join);
        quote!(#out)
    }

    /// `v?` on an already lowered operand; `at` is where a return type that cannot take the
    /// residual is reported (the user's `?`, or the `yield_!` that raises a thrown error).
    pub fn try_residual(&self, v: &TokenStream, at: Span) -> TokenStream {
        let krate = &self.ctx.krate;
        let c = proc_macro2::Ident::new("__coro_c", Span::mixed_site());
        let r = proc_macro2::Ident::new("__coro_res", Span::mixed_site());
        let done =
            // Led by a token of its own, so that the call's span is `at`: `#krate` has the
            // attribute's.
            self.complete(&quote_spanned!(at=> <_ as #krate::FromResidual<_>>::from_residual(#r)));
        // Parenthesized: `e?` may stand where a bare `match` would not parse (`e? = x`).
        quote! {
            (match #krate::__private::Branch::branch(#v) {
                #krate::__private::Flow::Continue(#c) => #c,
                #krate::__private::Flow::Break(#r) => #done,
            })
        }
    }
}

/// Comparisons borrow their operands; compound assignments write their left one.
fn is_place_op(op: &syn::BinOp) -> bool {
    use syn::BinOp::{
        AddAssign, BitAndAssign, BitOrAssign, BitXorAssign, DivAssign, Eq, Ge, Gt, Le, Lt,
        MulAssign, Ne, RemAssign, ShlAssign, ShrAssign, SubAssign,
    };
    matches!(
        op,
        Eq(_)
            | Ne(_)
            | Lt(_)
            | Le(_)
            | Gt(_)
            | Ge(_)
            | AddAssign(_)
            | SubAssign(_)
            | MulAssign(_)
            | DivAssign(_)
            | RemAssign(_)
            | BitAndAssign(_)
            | BitOrAssign(_)
            | BitXorAssign(_)
            | ShlAssign(_)
            | ShrAssign(_)
    )
}

/// Whether an operand left of a suspension must be evaluated (into a temporary) before it.
fn needs_hoist(e: &Expr) -> bool {
    match e {
        Expr::Lit(_) | Expr::Path(_) | Expr::Closure(_) => false,
        Expr::Reference(r) => needs_hoist(&r.expr),
        Expr::Field(f) => needs_hoist(&f.base),
        Expr::Paren(p) => needs_hoist(&p.expr),
        Expr::Group(g) => needs_hoist(&g.expr),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => needs_hoist(&u.expr),
        _ => true,
    }
}
