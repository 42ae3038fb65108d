//! The taint analysis of the typing prologue: which locals' types may hold a type that is new
//! in each copy of the code (a closure's, an `async` block's, a macro's), and so must never be
//! tied (`emit/typing.rs`).
//!
//! Input:  the body the lowering read.
//! Output: [`Taint`], the names never tied and the test of a value to be tied.

use std::collections::HashSet;

use syn::visit::Visit;

/// Names whose type may hold one that is new in each copy of the code: a closure's, an `async`
/// block's, or whatever a macro the prologue does not know expands to. A local by such a name is
/// never tied (its type in the prologue might be the prologue's own closure).
///
/// Types flow between statements only through locals, so the analysis works on *units*: a
/// statement with the statements of its nested blocks taken out, but with their tails (and any
/// `break value`) kept in, since those values flow out into it. A closure's (or `async` block's)
/// body is a unit of its own: what it captures takes nothing of its type. A unit holding an
/// opaque construct taints every name it mentions; a unit mentioning a tainted name taints the
/// rest of its names; to a fixpoint. Names stand for every local they name (shadowing only
/// widens it).
///
/// Calling a closure gives its return type, not its own: a name only *called* (`scale(x)`) does
/// not taint the unit, unless the name is *call-tainted*: bound where something other than a
/// plain closure is opaque (an `async` block, a macro), or to a closure whose body is opaque
/// (`|| (0..n).map(|x| x + 1)` returns a type holding the inner closure's) or mentions a tainted
/// name (`move || scale` returns `scale`), or tainted through another name.
pub struct Taint {
    pub names: HashSet<String>,
    called: HashSet<String>,
}

impl Taint {
    pub fn of(body: &syn::Block) -> Self {
        let mut units = Units::default();
        units.visit_block(body);
        let mut all = units.out;
        all.push(units.current);
        let mut t = Taint {
            names: HashSet::new(),
            called: HashSet::new(),
        };
        let mut changed = true;
        while changed {
            changed = false;
            for unit in &all {
                let opaque_call = unit.callees.iter().any(|n| t.called.contains(n));
                // A value of a tainted name holds its type (`let g = scale;`); calling what it
                // holds gives that name's calls (plain, unless the name is call-tainted).
                let derived = opaque_call || unit.names.iter().any(|n| t.names.contains(n));
                let derived_call = opaque_call || unit.names.iter().any(|n| t.called.contains(n));
                let returns_opaque = unit.closures.iter().any(|c| {
                    c.opaque
                        || c.names.iter().any(|n| t.names.contains(n))
                        || c.callees.iter().any(|n| t.called.contains(n))
                });
                let taints = unit.opaque || derived;
                let call_taints = unit.other_opaque || returns_opaque || derived_call;
                for n in &unit.names {
                    if taints && t.names.insert(n.clone()) {
                        changed = true;
                    }
                    if call_taints && t.called.insert(n.clone()) {
                        changed = true;
                    }
                }
            }
        }
        t
    }

    /// Whether an expression's value may hold an opaque type: it holds an opaque construct,
    /// mentions a tainted name or calls a call-tainted one.
    pub fn expr(&self, e: &syn::Expr) -> bool {
        let mut units = Units::default();
        units.visit_expr(e);
        let u = &units.current;
        u.opaque
            || u.names.iter().any(|n| self.names.contains(n))
            || u.callees.iter().any(|n| self.called.contains(n))
    }
}

#[derive(Default)]
struct Unit {
    /// Names mentioned as values (bound, read, borrowed, passed, a method's receiver).
    names: Vec<String>,
    /// Names only called (`f(..)`).
    callees: Vec<String>,
    /// Holds a closure, an `async` block or an unknown macro.
    opaque: bool,
    /// Holds an opaque construct other than a closure: an `async` block, an unknown macro.
    other_opaque: bool,
    /// The bodies of the closures it holds, each as one unit.
    closures: Vec<Unit>,
    /// Holds a `break` with a value: it flows out to the enclosing unit.
    breaks: bool,
}

impl Unit {
    /// All of `inner` (its names, calls, opaqueness) folded into `self`.
    fn absorb(&mut self, inner: &Unit) {
        self.names.extend(inner.names.iter().cloned());
        self.callees.extend(inner.callees.iter().cloned());
        self.opaque |= inner.opaque;
        self.other_opaque |= inner.other_opaque;
    }
}

#[derive(Default)]
struct Units {
    current: Unit,
    out: Vec<Unit>,
}

impl Units {
    fn macro_tokens(&mut self, mac: &syn::Macro) {
        let name = super::macros::macro_name(mac);
        if !is_plain(&name) || !plain_tokens(mac.tokens.clone()) {
            self.current.opaque = true;
            self.current.other_opaque = true;
        }
        // Arguments that parse as expressions are visited as such (`yield_!(scale(x))` calls
        // `scale`); others count every identifier as a mention.
        match mac.parse_body_with(
            syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated,
        ) {
            Ok(args) => {
                for arg in &args {
                    self.visit_expr(arg);
                }
            }
            Err(_) => idents(mac.tokens.clone(), &mut self.current.names),
        }
    }

    /// A closure's or `async` block's body, as a unit of its own (and its nested statements'),
    /// summarized into one for the enclosing unit.
    fn body_unit(&mut self, visit: impl FnOnce(&mut Self)) -> Unit {
        let outer = std::mem::take(&mut self.current);
        let first = self.out.len();
        visit(self);
        let mut summary = std::mem::replace(&mut self.current, outer);
        let mut whole = Unit::default();
        whole.absorb(&summary);
        for u in &self.out[first..] {
            whole.absorb(u);
        }
        // Closures nested in it make its value opaque (counted in `absorb` as `opaque`).
        summary.breaks = false;
        self.out.push(summary);
        whole
    }
}

fn idents(tokens: proc_macro2::TokenStream, out: &mut Vec<String>) {
    for tt in tokens {
        match tt {
            proc_macro2::TokenTree::Group(g) => idents(g.stream(), out),
            proc_macro2::TokenTree::Ident(i) => out.push(i.to_string()),
            _ => {}
        }
    }
}

impl<'ast> Visit<'ast> for Units {
    fn visit_block(&mut self, block: &'ast syn::Block) {
        let last = block.stmts.len().saturating_sub(1);
        for (i, stmt) in block.stmts.iter().enumerate() {
            let tail = i == last && matches!(stmt, syn::Stmt::Expr(_, None));
            if tail {
                self.visit_stmt(stmt);
                continue;
            }
            let outer = std::mem::take(&mut self.current);
            self.visit_stmt(stmt);
            let unit = std::mem::replace(&mut self.current, outer);
            if unit.breaks {
                self.current.absorb(&unit);
                self.current.closures.extend(unit.closures.iter().map(|c| {
                    let mut copy = Unit::default();
                    copy.absorb(c);
                    copy
                }));
                self.current.breaks = true;
            }
            self.out.push(unit);
        }
    }

    fn visit_expr(&mut self, e: &'ast syn::Expr) {
        match e {
            syn::Expr::Closure(c) => {
                self.current.opaque = true;
                let body = self.body_unit(|this| {
                    for input in &c.inputs {
                        this.visit_pat(input);
                    }
                    this.visit_expr(&c.body);
                });
                self.current.closures.push(body);
            }
            syn::Expr::Async(a) => {
                self.current.opaque = true;
                self.current.other_opaque = true;
                let _ = self.body_unit(|this| this.visit_block(&a.block));
            }
            syn::Expr::Macro(m) => self.macro_tokens(&m.mac),
            syn::Expr::Call(c)
                if matches!(&*c.func, syn::Expr::Path(p)
                    if p.qself.is_none() && p.path.segments.len() == 1
                        && p.path.segments[0].arguments.is_none()) =>
            {
                if let syn::Expr::Path(p) = &*c.func {
                    self.current
                        .callees
                        .push(p.path.segments[0].ident.to_string());
                }
                for arg in &c.args {
                    self.visit_expr(arg);
                }
            }
            syn::Expr::Await(_) => {
                self.current.opaque = true;
                self.current.other_opaque = true;
                syn::visit::visit_expr(self, e);
            }
            syn::Expr::Break(b) if b.expr.is_some() => {
                self.current.breaks = true;
                syn::visit::visit_expr(self, e);
            }
            _ => syn::visit::visit_expr(self, e),
        }
    }

    fn visit_stmt_macro(&mut self, m: &'ast syn::StmtMacro) {
        self.macro_tokens(&m.mac);
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        // In a type or pattern position (expression and statement macros are handled above,
        // without descending here).
        idents(m.tokens.clone(), &mut self.current.names);
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        if let Some(seg) = p.segments.first() {
            self.current.names.push(seg.ident.to_string());
        }
        syn::visit::visit_path(self, p);
    }

    fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
        self.current.names.push(p.ident.to_string());
        syn::visit::visit_pat_ident(self, p);
    }

    fn visit_member(&mut self, _: &'ast syn::Member) {}
}

/// Macros whose expansion is an expression of their arguments (no new types, no items): std's,
/// and `yield_!` (rendered by the prologue itself).
fn is_plain(name: &str) -> bool {
    name == "yield_" || super::macros::is_std_value(name)
}

/// No closure (`|`), `async`/`move` block, item keyword, other marker or macro but the plain
/// ones inside macro arguments.
fn plain_tokens(tokens: proc_macro2::TokenStream) -> bool {
    use proc_macro2::TokenTree;
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    tts.iter().enumerate().all(|(n, tt)| match tt {
        TokenTree::Group(g) => plain_tokens(g.stream()),
        TokenTree::Punct(p) => p.as_char() != '|',
        TokenTree::Ident(i)
            if matches!(tts.get(n + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!') =>
        {
            is_plain(&i.to_string())
        }
        TokenTree::Ident(i) => ![
            "async",
            "move",
            "fn",
            "struct",
            "enum",
            "impl",
            "trait",
            "union",
            "mod",
            "static",
            "const",
            "macro_rules",
            "yield_from",
            "yield_catch",
            "gen",
            "await",
        ]
        .iter()
        .any(|k| i == k),
        TokenTree::Literal(_) => true,
    })
}

#[cfg(test)]
mod tests {
    use super::Taint;

    fn taint(body: &str) -> Taint {
        Taint::of(&syn::parse_str(&format!("{{ {body} }}")).expect("a block"))
    }

    fn tainted(t: &Taint, names: &[&str]) -> Vec<String> {
        names
            .iter()
            .filter(|n| t.names.contains(**n))
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn closures_taint_what_may_hold_them() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            // (body, tainted, not tainted)
            (
                "let scale = move |x: u64| x * n; let mut total = 0; total += yield_!(scale(1));",
                &["scale"],
                &["total", "n", "x"],
            ),
            (
                "let mk = || |y: u64| y; let inner = mk();",
                &["mk", "inner"],
                &[],
            ),
            (
                "let it = move || (0..n).map(|x| x + 1); for y in it() { yield_!(y); }",
                &["it", "y"],
                &[],
            ),
            (
                "let mut v = Vec::new(); v.push(|| 1); let k = 3;",
                &["v"],
                &["k"],
            ),
            (
                "let f = |x: u64| x; let g = f; let h = g; let r = h(2);",
                &["f", "g", "h"],
                &["r"],
            ),
            ("let f = loop { break |x: u64| x; };", &["f"], &[]),
            ("let r = async { 1 }; let s = r;", &["r", "s"], &[]),
            ("let m = my_macro!(a); let b = 1;", &["m", "a"], &["b"]),
            (
                "let mut w = Vec::new(); let c = || w.push(|| 2);",
                &["w", "c"],
                &[],
            ),
            ("let t = Some(f2); let f2 = |x: u64| x;", &["t", "f2"], &[]),
        ];
        for (body, yes, no) in cases {
            let t = taint(body);
            assert_eq!(tainted(&t, yes), yes.to_vec(), "{body}");
            assert!(tainted(&t, no).is_empty(), "{body}: {:?}", tainted(&t, no));
        }
    }

    #[test]
    fn calls_of_closures_returning_closures_are_tainted() {
        let t = taint("let it = move || (0..n).map(|x| x + 1); let plain = |x: u64| x;");
        assert!(t.expr(&syn::parse_str("it()").expect("expr")));
        assert!(!t.expr(&syn::parse_str("plain(3) + 1").expect("expr")));
        assert!(t.expr(&syn::parse_str("plain").expect("expr")));
    }
}
