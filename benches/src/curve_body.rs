//! The function bodies of the `compile_curve` benchmark: a seeded, deterministic mix of `let`s,
//! yields, `for`/`while` loops, `match`es and `if`s over `i64` locals, some of them nested (up
//! to three levels), ending in the sum of the first 20 locals.
//!
//! Every `yield_!(x)` is an `i64` expression (the resumed value), so the same body compiles both
//! inside `#[generator(yield = i64, resume = i64)]` and in a plain fn where
//! `macro_rules! yield_ { ($e:expr) => { std::hint::black_box($e) } }`.

use std::fmt::Write as _;

/// The examples' splitmix64, with a helper to pick one of `n` things.
type SplitMix64 = coro_examples::rng::Rng;

trait Below {
    /// A number in `0..n` (`n > 0`; the modulo bias is irrelevant here).
    fn below(&mut self, n: usize) -> usize;
}

impl Below for SplitMix64 {
    fn below(&mut self, n: usize) -> usize {
        // The result is < n, so it fits in usize.
        #[allow(clippy::cast_possible_truncation)]
        let r = self.range(0, n as u64 - 1) as usize;
        r
    }
}

/// A generated body.
#[derive(Debug, Clone)]
pub struct Body {
    /// The statements and the tail, one top-level statement per line (indented by 4).
    pub text: String,
    /// Statements, nested ones included (each `let`, assignment, expression statement, loop,
    /// `match`, `if` and match arm statement counts once).
    pub statements: usize,
    /// Deepest nesting of a generated compound statement inside another (0 = none nested).
    pub max_depth: usize,
    /// Number of `yield_!` calls.
    pub yields: usize,
}

/// Deepest level at which a compound statement may contain generated statements.
const MAX_DEPTH: usize = 3;

struct Gen {
    rng: SplitMix64,
    /// `let mut v3: i64 = ..` (else `let mut v3 = .. + 1i64`: typed by inference).
    annotated: bool,
    locals: Vec<String>,
    statements: usize,
    max_depth: usize,
    yields: usize,
}

impl Gen {
    fn var(&mut self) -> String {
        if self.locals.is_empty() {
            "1".into()
        } else {
            let i = self.rng.below(self.locals.len());
            self.locals[i].clone()
        }
    }

    /// The nested statements of a compound statement at `depth`: usually none, sometimes 1 to 3
    /// more compound-or-simple statements one level deeper (never `let`s, which would go out of
    /// scope at the end of the block).
    fn nested(&mut self, depth: usize) -> String {
        let mut s = String::new();
        if depth < MAX_DEPTH && self.rng.below(4) == 0 {
            self.max_depth = self.max_depth.max(depth + 1);
            for _ in 0..=self.rng.below(3) {
                s.push(' ');
                let k = 1 + self.rng.below(5);
                s.push_str(&self.stmt(k, depth + 1));
            }
        }
        s
    }

    /// Statement of kind `k` (0 = `let`, only at the top level) at nesting `depth`.
    fn stmt(&mut self, k: usize, depth: usize) -> String {
        match k {
            0 => {
                let init = self.var();
                let name = format!("v{}", self.locals.len());
                let c = self.rng.below(9);
                self.locals.push(name.clone());
                self.statements += 1;
                if self.annotated {
                    format!("let mut {name}: i64 = {init} + {c};")
                } else {
                    format!("let mut {name} = {init} + {c}i64;")
                }
            }
            1 => {
                let (a, b) = (self.var(), self.var());
                self.statements += 1;
                self.yields += 1;
                format!("{a} += yield_!({b});")
            }
            2 => {
                let a = self.var();
                self.statements += 4;
                self.yields += 1;
                let n = self.nested(depth);
                format!(
                    "for i in 0..3 {{ {a} += i; if {a} > 10 {{ {a} = yield_!({a}) % 7; }}{n} }}"
                )
            }
            3 => {
                let (a, b) = (self.var(), self.var());
                self.statements += 4;
                self.yields += 1;
                let n = self.nested(depth);
                format!(
                    "match {a} % 3 {{ 0 => {{ {b} += yield_!(1);{n} }} 1 => {b} -= 1, _ => {{ {a} += {b} % 5; }} }}"
                )
            }
            4 => {
                let a = self.var();
                self.statements += 3;
                self.yields += 1;
                let n = self.nested(depth);
                format!("while {a} < 100 {{ {a} = {a} * 2 + 1; yield_!({a});{n} }}")
            }
            _ => {
                let (a, b) = (self.var(), self.var());
                self.statements += 3;
                self.yields += 1;
                let n = self.nested(depth);
                format!("if {a} > {b} {{ {a} -= {b}; }} else {{ {b} = {b} % 11 + yield_!(0);{n} }}")
            }
        }
    }
}

/// A body of at least `statements` statements (it stops at the first top-level statement that
/// reaches the count, so it may exceed it by a few), the same for the same `seed`; `annotated`:
/// its `let`s spell out `: i64`, else the type comes from the initializer.
#[must_use]
pub fn body(statements: usize, seed: u64, annotated: bool) -> Body {
    let mut g = Gen {
        rng: SplitMix64::new(seed),
        annotated,
        locals: Vec::new(),
        statements: 0,
        max_depth: 0,
        yields: 0,
    };
    let mut text = String::new();
    while g.statements < statements {
        let mut k = g.rng.below(6);
        if g.locals.is_empty() {
            k = 0;
        }
        let s = g.stmt(k, 0);
        let _ = writeln!(text, "    {s}");
    }
    let tail = if g.locals.is_empty() {
        "0".to_string()
    } else {
        g.locals[..g.locals.len().min(20)].join(" + ")
    };
    let _ = writeln!(text, "    {tail}");
    Body {
        text,
        statements: g.statements,
        max_depth: g.max_depth,
        yields: g.yields,
    }
}

/// The whole `lib.rs` of the `#[generator]` variant (`coro-core` is a dependency).
#[must_use]
pub fn coro_source(body: &Body) -> String {
    format!(
        "#![allow(unused)]\nuse coro_core::{{generator, yield_}};\n\n#[generator(yield = i64, resume = i64)]\npub fn big() -> i64 {{\n{}}}\n",
        body.text
    )
}

/// The whole `lib.rs` of the plain variant (no dependencies).
#[must_use]
pub fn plain_source(body: &Body) -> String {
    format!(
        "#![allow(unused)]\nmacro_rules! yield_ {{\n    ($e:expr) => {{\n        std::hint::black_box($e)\n    }};\n}}\n\npub fn big() -> i64 {{\n{}}}\n",
        body.text
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_counted() {
        let a = body(300, 1, true);
        let b = body(300, 1, true);
        assert_eq!(a.text, b.text);
        assert!(a.statements >= 300 && a.statements < 300 + 200);
        assert!(a.max_depth <= MAX_DEPTH);
        assert_ne!(a.text, body(300, 2, true).text);
        assert!(
            a.text
                .trim_end()
                .lines()
                .last()
                .unwrap()
                .starts_with("    v0 + v1")
        );
        assert!(body(3000, 1, true).text.trim_end().ends_with("v18 + v19"));
        // The inferred variant differs only in its `let`s.
        let inferred = body(300, 1, false);
        assert_eq!(inferred.statements, a.statements);
        assert!(a.text.contains("let mut v3: i64 = "));
        assert!(!inferred.text.contains(": i64") && inferred.text.contains("let mut v3 = "));
    }
}
