//! Which path an `#[async_gen]` body takes: the enum state machine of `#[generator]` (its
//! `.await`s become suspension points), or an async block over a yield slot (the fallback,
//! which holds anything the compiler's own async lowering holds).
//!
//! Input:  the body, after `scan::check_body` accepted it.
//! Output: [`Path::Enum`], or [`Path::AsyncBlock`] with why and where.
//!
//! The enum path keeps every local of the body in a plain enum that the step moves in and out,
//! and parks the awaited future beside it in a pinned slot. So it cannot hold anything that
//! borrows a local of the body across a suspension, and its step is an ordinary closure, where
//! an `.await` hidden inside another macro's expansion would not compile. [`check`] lists the
//! rules; the lowering's own borrow checks (a reference to a local held across a `yield_!` or an
//! `.await`) send the remaining self-borrowing bodies to the async block too (see
//! `machine.rs`). A user can always ask for the async block with `#[async_gen(.., pinned)]`.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::{Expr, Macro};

use super::owned::{Owned, mentions_await};

#[derive(Clone, Copy)]
pub enum Path {
    Enum,
    /// Why, and where in the body.
    AsyncBlock(&'static str, Span),
}

/// Macros known not to expand to an `.await` (by the last segment of their path), beside std's
/// (`lower/macros.rs`, `is_std_value`): the logging macros of `log` and `tracing`. Any other
/// macro may (`join!`, `select!`, ...).
const OTHER_PLAIN_MACROS: &[&str] = &["trace", "debug", "info", "warn", "error", "yield_"];

fn is_plain_macro(name: &str) -> bool {
    crate::lower::macros::is_std_value(name) || OTHER_PLAIN_MACROS.contains(&name)
}

/// The rules, each with its reason. `shared`: the parameters that are shared references
/// (`&self`, `stock: &Stock`), whose referents live outside the stream.
pub fn check(body: &syn::Block, shared: &[String]) -> Path {
    let mut v = Rules {
        fallback: None,
        owned: Owned::new(body, shared),
    };
    v.visit_block(body);
    match v.fallback {
        Some((why, span)) => Path::AsyncBlock(why, span),
        None => Path::Enum,
    }
}

struct Rules {
    fallback: Option<(&'static str, Span)>,
    owned: Owned,
}

impl Rules {
    fn refuse(&mut self, why: &'static str, at: Span) {
        self.fallback.get_or_insert((why, at));
    }
}

impl<'ast> Visit<'ast> for Rules {
    fn visit_macro(&mut self, mac: &'ast Macro) {
        let Some(last) = mac.path.segments.last() else {
            return;
        };
        let name = last.ident.to_string();
        if name == "yield_" {
            // Its value is part of the body (`yield_!(fetch(i).await)`).
            if let Ok(value) = mac.parse_body::<Expr>() {
                self.visit_expr(&value);
            }
        } else if name == "for_await" || name == "yield_from" {
            // Their stream is parked for the loop; a jump out of the loop to an outer label
            // would skip the end of the loop, where the stream is dropped.
            let Some((label, stream, body)) = loop_parts(mac, &name) else {
                return;
            };
            if !self.owned.value(&stream) {
                // `for_await!(x in &mut s { .. })`: the parked stream would borrow `s`.
                self.refuse("a stream that may borrow a local", stream.span());
            }
            self.visit_expr(&stream);
            if let Some(body) = body {
                if let Some(at) = outer_jump(&body, label.as_ref()) {
                    self.refuse(
                        "a `break`/`continue` out of a `for_await!` body to an outer label",
                        at,
                    );
                }
                self.visit_block(&body);
            }
        } else if !is_plain_macro(&name) {
            self.refuse("a macro that may expand to an `.await`", mac.path.span());
        } else if mentions_await(&mac.tokens) {
            self.refuse("an `.await` inside a macro's arguments", mac.path.span());
        }
    }

    fn visit_expr_await(&mut self, e: &'ast syn::ExprAwait) {
        if !self.owned.value(&e.base) {
            // `reader.read(&mut buf).await`, `rx.recv().await`: the future borrows a local,
            // which lives in the state beside it.
            self.refuse("an awaited future that may borrow a local", e.base.span());
        }
        visit::visit_expr_await(self, e);
    }

    // A closure or async block that captures by reference borrows the locals it names; one
    // held across a suspension would borrow the state. `move` ones own their captures. Their
    // insides are not this body's suspensions.
    fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
        if c.capture.is_none() {
            self.refuse("a closure that is not `move`", c.or1_token.span);
        }
    }

    fn visit_expr_async(&mut self, a: &'ast syn::ExprAsync) {
        if a.capture.is_none() {
            self.refuse("an async block that is not `move`", a.async_token.span);
        }
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// A `for_await!`'s label, stream and body, or a `yield_from!`'s stream.
fn loop_parts(mac: &Macro, name: &str) -> Option<(Option<syn::Label>, Expr, Option<syn::Block>)> {
    if name == "yield_from" {
        return Some((None, mac.parse_body().ok()?, None));
    }
    let f: crate::for_await::ForAwait = mac.parse_body().ok()?;
    Some((f.label, f.expr, Some(f.body)))
}

/// A labeled `break`/`continue` in `body` that leaves it: its label is neither `own` nor
/// declared inside `body`.
fn outer_jump(body: &syn::Block, own: Option<&syn::Label>) -> Option<Span> {
    struct Jumps {
        labels: Vec<String>,
        found: Option<Span>,
    }
    impl Jumps {
        fn check(&mut self, label: Option<&syn::Lifetime>) {
            if let Some(l) = label
                && !self.labels.contains(&l.ident.to_string())
            {
                self.found.get_or_insert(l.span());
            }
        }
        fn scoped(&mut self, label: Option<&syn::Label>, visit: impl FnOnce(&mut Self)) {
            let n = self.labels.len();
            if let Some(l) = label {
                self.labels.push(l.name.ident.to_string());
            }
            visit(self);
            self.labels.truncate(n);
        }
    }
    impl<'ast> Visit<'ast> for Jumps {
        fn visit_expr_break(&mut self, b: &'ast syn::ExprBreak) {
            self.check(b.label.as_ref());
            visit::visit_expr_break(self, b);
        }
        fn visit_expr_continue(&mut self, c: &'ast syn::ExprContinue) {
            self.check(c.label.as_ref());
        }
        fn visit_expr_loop(&mut self, e: &'ast syn::ExprLoop) {
            self.scoped(e.label.as_ref(), |v| visit::visit_expr_loop(v, e));
        }
        fn visit_expr_while(&mut self, e: &'ast syn::ExprWhile) {
            self.scoped(e.label.as_ref(), |v| visit::visit_expr_while(v, e));
        }
        fn visit_expr_for_loop(&mut self, e: &'ast syn::ExprForLoop) {
            self.scoped(e.label.as_ref(), |v| visit::visit_expr_for_loop(v, e));
        }
        fn visit_expr_block(&mut self, e: &'ast syn::ExprBlock) {
            self.scoped(e.label.as_ref(), |v| visit::visit_expr_block(v, e));
        }
        // An inner `for_await!`'s own label and body.
        fn visit_macro(&mut self, mac: &'ast Macro) {
            let name = mac.path.segments.last().map(|s| s.ident.to_string());
            if name.as_deref() == Some("for_await")
                && let Some((label, _, Some(body))) = loop_parts(mac, "for_await")
            {
                self.scoped(label.as_ref(), |v| v.visit_block(&body));
            }
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut j = Jumps {
        labels: own.map(|l| l.name.ident.to_string()).into_iter().collect(),
        found: None,
    };
    j.visit_block(body);
    j.found
}
