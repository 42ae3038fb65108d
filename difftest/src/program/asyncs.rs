//! The async mode's constructs (`Config::asyncs`): the same random bodies, written for
//! `#[async_gen(yield = i64)] async fn run(log: Log) -> Result<(), Exit>`.
//!
//! A stream takes no resume values, so where the sync mode writes `yield_!(a)` for its value
//! (the resume), the async mode writes one of several awaits that read the next value of the
//! run's input queue or pass `a` through a future that is `Pending` a few times first:
//! `{ yield_!(a); input(log.clone(), k).await }`, `{ let __a1 = a; yield_!(after(k, __a1).await);
//! next_input(&log) }`, `after(k, a).await`, `f2(a, input(log.clone(), k).await)`. `?` becomes
//! `after(k, res(a)).await?` or `after(k, opt(a)).await.ok_or(Exit::None)?`; `yield_from!` takes
//! a `Nums` stream; and loops may be `for_await!(x in nums(..) { .. })`.
//!
//! Everything awaited owns what it names (by-value arguments, `log.clone()`), so the body takes
//! the enum path: an operand that is not a bare local or literal is first bound to a `__aN`
//! local. Inside a macro's arguments (`assert!`, `vec!`, `format!`, ..), where the enum path
//! refuses an `.await`, the same shapes read the input in place (`next_input(&log)`).

use super::Gen;

impl Gen {
    /// Runs `f` generating the arguments of a macro (no `.await` in async mode).
    pub(super) fn macro_args<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        self.in_macro += 1;
        let r = f(self);
        self.in_macro -= 1;
        r
    }

    /// `a` as something a future may own: itself if it is a local or a literal, else a fresh
    /// `__aN` bound first (returned as `(let statement, name)`).
    fn owned_operand(&mut self, a: String) -> (String, String) {
        let simple = !a.is_empty()
            && a.trim_start_matches('-')
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_');
        if simple {
            (String::new(), a)
        } else {
            let n = format!("__a{}", self.next_tmp);
            self.next_tmp += 1;
            (format!("let {n} = {a}; "), n)
        }
    }

    fn pend(&mut self) -> usize {
        self.rng.below(4)
    }

    /// The sync mode's `yield_!(a)` whose value is the resume: in async mode an `i64`
    /// expression that yields and/or awaits.
    pub(super) fn yield_value(&mut self, a: String) -> String {
        if !self.cfg.asyncs {
            return format!("yield_!({a})");
        }
        if self.in_macro > 0 {
            // Bug AI, see below.
            return if a.contains("yield_") {
                format!("f2({a}, next_input(&log))")
            } else {
                format!("{{ yield_!({a}); next_input(&log) }}")
            };
        }
        let k = self.pend();
        // A `yield_!` inside `a` lands in a `yield_!`'s value in the first two forms: bug AI
        // (fixed), which the reference (`pinned`) once failed to compile.
        let w: &[usize] = &[4, 2, 2, 1, 1];
        match self.rng.weighted(w) {
            0 => format!("{{ yield_!({a}); input(log.clone(), {k}).await }}"),
            1 => {
                let (bind, v) = self.owned_operand(a);
                format!("{{ {bind}yield_!(after({k}, {v}).await); next_input(&log) }}")
            }
            2 => {
                let (bind, v) = self.owned_operand(a);
                // `::<i64>`: a literal operand would leave the output `{integer}`, and a method
                // called on it ambiguous (E0689) on both paths.
                if bind.is_empty() {
                    format!("after::<i64>({k}, {v}).await")
                } else {
                    format!("{{ {bind}after::<i64>({k}, {v}).await }}")
                }
            }
            3 => format!("f2({a}, input(log.clone(), {k}).await)"),
            // An await in the operand of another await.
            _ => {
                let (bind, v) = self.owned_operand(a);
                let j = self.pend();
                format!("{{ {bind}after({k}, f2({v}, after({j}, 1).await)).await }}")
            }
        }
    }

    /// `?` on an awaited `Result` (or `Option`, through `ok_or`), by the fn's sync return type.
    pub(super) fn async_try(&mut self, a: String) -> String {
        let opt = self.ret == super::RetTy::Opt;
        if self.in_macro > 0 {
            return if opt {
                format!("opt({a}).ok_or(Exit::None)?")
            } else {
                format!("res({a})?")
            };
        }
        let k = self.pend();
        let (bind, v) = self.owned_operand(a);
        let e = if opt {
            format!("after({k}, opt({v})).await.ok_or(Exit::None)?")
        } else {
            format!("after({k}, res({v})).await?")
        };
        if bind.is_empty() {
            format!("({e})")
        } else {
            format!("{{ {bind}{e} }}")
        }
    }

    /// `yield_from!` of a `Nums` stream, then the next input (a stream returns nothing).
    pub(super) fn async_yield_from(&mut self, d: usize) -> String {
        let s = self.site();
        self.temps.push(s);
        let a = self.int_expr(d - 1);
        if self.in_macro > 0 {
            return format!("f2({a}, next_input(&log))");
        }
        let (bind, v) = self.owned_operand(a);
        let k = self.pend();
        format!(
            "{{ {bind}yield_from!(nums(log.clone(), {s}, {v})); input(log.clone(), {k}).await }}"
        )
    }

    /// `for_await!([label:] x in nums(log.clone(), site, n) { .. });`: the loop's stream is
    /// parked for the loop; its body may await, yield, `break`/`continue` (to this loop or one
    /// inside it: the frame is a barrier) and `return`.
    pub(super) fn for_await_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let s = self.site();
        if self.cfg.avoid.parked_stream_drops {
            self.temps.push(s);
        }
        let ints = self.readable(super::Ty::Int);
        let n = if ints.is_empty() || self.rng.chance(30) {
            self.rng.range(0, 5).to_string()
        } else {
            let v = ints[self.rng.below(ints.len())];
            let m = self.mention(v);
            if self.rng.chance(50) {
                format!("{m} + {}", self.rng.range(0, 3))
            } else {
                m
            }
        };
        let label = self.maybe_label();
        let head = Self::labeled(label.as_ref());
        let ((pat, body), exit) = self.in_loop(label, false, |this| {
            this.frames.last_mut().expect("frame").barrier = true;
            this.push_scope();
            let pat = if this.rng.chance(70) {
                this.bind("x", super::Ty::Int, false).1
            } else {
                "_".to_string()
            };
            let b = this.loop_body("");
            this.pop_scope();
            (pat, b)
        });
        self.set_state(exit);
        self.line(&format!(
            "for_await!({head}{pat} in nums(log.clone(), {s}, {n}) {body});"
        ))
    }
}
