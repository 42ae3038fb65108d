//! Jumps in every position plain Rust accepts: `if c { ..; jump }`, a jump ending any block or
//! loop body (with or without `;`), a match arm that is only a jump (`=> break,`,
//! `=> { break }`, `=> { break; }`), and `if let` chains.

use super::Gen;

impl Gen {
    /// `""` or `";"` after a jump that ends a block (same meaning in plain Rust).
    pub(super) fn semi(&mut self) -> &'static str {
        if self.cfg.avoid.tail_jump || self.rng.chance(self.cfg.mix.tail_semicolon) {
            ";"
        } else {
            ""
        }
    }

    /// A jump from here: (kind, frame, labeled); kind 0 = `return` (frame `usize::MAX`),
    /// 1 = `break`, 2 = `continue`.
    pub(super) fn pick_jump(&mut self) -> (u8, usize, bool) {
        let targets = self.jump_targets();
        let kind = if targets.is_empty() || self.rng.chance(25) {
            0
        } else if self.rng.chance(65) {
            1
        } else {
            2
        };
        if kind == 0 {
            return (0, usize::MAX, false);
        }
        let (frame, labeled) = targets[self.rng.below(targets.len())];
        let kind = if kind == 2 && (!self.frames[frame].is_loop || self.frames[frame].no_continue) {
            1
        } else {
            kind
        };
        (kind, frame, labeled)
    }

    /// The text of a jump (without `;`); records the state it leaves with in its frame.
    pub(super) fn jump_text(&mut self, kind: u8, frame: usize, labeled: bool) -> String {
        let label = if labeled && kind != 0 {
            format!(" {}", self.frames[frame].label.clone().expect("label"))
        } else {
            String::new()
        };
        match kind {
            0 => {
                let v = self.ret_value();
                format!("return {v}")
            }
            1 => {
                let value = if self.frames[frame].value {
                    let e = self.int_expr(1);
                    format!(" {e}")
                } else {
                    String::new()
                };
                let st = self.st.clone();
                self.frames[frame].exits.push(st);
                format!("break{label}{value}")
            }
            _ => {
                let st = self.st.clone();
                self.frames[frame].backs.push(st);
                format!("continue{label}")
            }
        }
    }

    /// A line that ends the current block with a jump (with or without `;`). The state after it
    /// stays the state at the jump: code after it is unreachable, and joining that state in at
    /// merges only makes fewer locals usable.
    pub(super) fn tail_jump(&mut self) -> String {
        let (kind, frame, labeled) = self.pick_jump();
        let j = self.jump_text(kind, frame, labeled);
        let semi = self.semi();
        self.line(&format!("{j}{semi}"))
    }

    /// The body of a match-statement arm: a block, or (at `mix.arm_jump` percent) only a jump in
    /// one of its layouts. Arms that are an expression are followed by a comma; blocks sometimes.
    pub(super) fn arm_body(&mut self) -> String {
        if self.no_jump == 0 && self.rng.chance(self.cfg.mix.arm_jump) {
            let (kind, frame, labeled) = self.pick_jump();
            let j = self.jump_text(kind, frame, labeled);
            return match self.rng.below(3) {
                0 => format!("{j},"),
                1 if !self.cfg.avoid.tail_jump => format!("{{ {j} }}"),
                _ => format!("{{ {j}; }}"),
            };
        }
        let b = self.block(2);
        if self.rng.chance(self.cfg.mix.layout * 5) {
            format!("{b},")
        } else {
            b
        }
    }

    /// `if let Some(x) = opt(e) && cond { .. } else { .. }` or `if cond && let Some(x) = .. {`:
    /// the parts after the first run only when it holds.
    pub(super) fn let_chain_stmt(&mut self) -> String {
        self.budget = self.budget.saturating_sub(1);
        let d = self.expr_depth();
        let let_first = self.rng.chance(60);
        let entry;
        let mut mid = None;
        let head;
        self.push_scope();
        self.no_temp_borrow += 1;
        if let_first {
            let scrut = self.int_expr(d - 1);
            entry = self.st.clone();
            let (_, x) = self.bind("x", super::Ty::Int, false);
            // Only the first condition of a let chain may suspend (a documented limitation);
            // pure (no blocks, matches): a later condition that rebinds the binding's name or
            // reads it inside a macro is rejected by design (bug P's fix).
            self.pure += 1;
            let c = self.cond(d - 1);
            self.pure -= 1;
            head = format!("let Some({x}) = opt({scrut}) && ({c})");
        } else {
            let c = self.cond(d - 1);
            entry = self.st.clone();
            self.no_yield += 1;
            let scrut = self.int_expr(d - 1);
            let (_, x) = self.bind("x", super::Ty::Int, false);
            mid = Some(self.st.clone());
            let more = if self.rng.chance(40) {
                self.pure += 1;
                let c2 = self.cond(d - 1);
                self.pure -= 1;
                format!(" && ({c2})")
            } else {
                String::new()
            };
            self.no_yield -= 1;
            head = format!("({c}) && let Some({x}) = opt({scrut}){more}");
        }
        self.no_temp_borrow -= 1;
        let taken = self.st.clone();
        let a = self.block(3);
        self.pop_scope();
        let s1 = self.st.clone();
        let mut outs = vec![entry, taken];
        outs.extend(mid);
        let not_taken = self.join_states(&outs);
        self.set_state(not_taken);
        let b = self.block(2);
        let s2 = self.st.clone();
        let joined = self.join_states(&[s1, s2]);
        self.set_state(joined);
        self.line(&format!("if {head} {a} else {b}"))
    }
}
