//! Definite assignment of deferred-initialized locals (`let x; if c { x = 1 } else { x = 2 }`):
//! such a statement is a kill for liveness, so `x` is not saved, uninitialized, at an earlier
//! suspension.
//!
//! Input:  `if c { x = a() } else { x = b(); }`
//! Output: `{x}` (assigned on every path), with `x` not read by the statement itself.

use std::collections::BTreeSet;

use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Stmt};

use super::names::FreeNames;

/// Names assigned as a whole on every path through `e` that completes.
pub fn definitely_assigned(e: &Expr) -> BTreeSet<String> {
    match e {
        Expr::Assign(a) => match &*a.left {
            Expr::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => {
                BTreeSet::from([p.path.segments[0].ident.to_string()])
            }
            _ => BTreeSet::new(),
        },
        Expr::Block(b) if b.label.is_none() => block_assigned(&b.block),
        Expr::Unsafe(u) => block_assigned(&u.block),
        Expr::Paren(p) => definitely_assigned(&p.expr),
        Expr::If(i) => match &i.else_branch {
            Some((_, other)) => {
                let then = block_assigned(&i.then_branch);
                then.intersection(&definitely_assigned(other))
                    .cloned()
                    .collect()
            }
            None => BTreeSet::new(),
        },
        Expr::Match(m) => {
            let mut arms = m.arms.iter().map(|a| definitely_assigned(&a.body));
            let Some(first) = arms.next() else {
                return BTreeSet::new();
            };
            arms.fold(first, |acc, s| acc.intersection(&s).cloned().collect())
        }
        _ => BTreeSet::new(),
    }
}

fn block_assigned(b: &syn::Block) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for stmt in &b.stmts {
        if let Stmt::Expr(e, _) = stmt {
            out.extend(definitely_assigned(e));
        }
    }
    out
}

/// The names `e` reads: its free names once whole-local assignments are replaced by their
/// right-hand side.
pub fn reads(e: &Expr) -> Vec<proc_macro2::Ident> {
    struct StripTargets;
    impl VisitMut for StripTargets {
        fn visit_expr_mut(&mut self, e: &mut Expr) {
            if let Expr::Assign(a) = e
                && matches!(&*a.left, Expr::Path(p) if p.qself.is_none() && p.path.segments.len() == 1)
            {
                *e = (*a.right).clone();
            }
            visit_mut::visit_expr_mut(self, e);
        }
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    let mut e = e.clone();
    StripTargets.visit_expr_mut(&mut e);
    FreeNames::of_expr(&e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assigned(src: &str) -> Vec<String> {
        definitely_assigned(&syn::parse_str(src).unwrap())
            .into_iter()
            .collect()
    }

    #[test]
    fn assignments_on_every_path() {
        assert_eq!(assigned("if c { x = 1 } else { x = 2; y = 3 }"), ["x"]);
        assert_eq!(assigned("if c { x = 1 }"), Vec::<String>::new());
        assert_eq!(assigned("match m { A => x = 1, _ => { x = 2 } }"), ["x"]);
        assert_eq!(
            assigned("if c { x = 1 } else if d { x = 2 } else { x = 3 }"),
            ["x"]
        );
        let names = |src: &str| {
            reads(&syn::parse_str(src).unwrap())
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        };
        assert!(names("if c { x = x + 1 } else { x = 2 }").contains(&"x".to_string()));
        assert_eq!(names("if c { x = y } else { x = 2 }"), ["c", "y"]);
    }
}
