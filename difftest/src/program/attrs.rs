//! Attributes on statements: `#[cfg(any())]` (the statement is removed: generated in a sandbox
//! whose effects on the model are undone), `#[cfg(all())]` and `#[allow(unused)]` (kept).

use super::Gen;

impl Gen {
    /// Runs `f` and undoes what it did to the model (locals, states, mentions, jumps recorded),
    /// keeping the statement budget spent: for code that `#[cfg(any())]` removes.
    fn sandbox<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        let vars = self.vars.len();
        let st = self.st.clone();
        let scopes = self.scopes.clone();
        let mentioned: Vec<bool> = self.vars.iter().map(|v| v.mentioned).collect();
        let sites: Vec<usize> = self.vars.iter().map(|v| v.sites.len()).collect();
        let frames: Vec<(usize, usize)> = self
            .frames
            .iter()
            .map(|f| (f.exits.len(), f.backs.len()))
            .collect();
        let temps = self.temps.len();
        let r = f(self);
        self.vars.truncate(vars);
        for (v, (m, n)) in self.vars.iter_mut().zip(mentioned.into_iter().zip(sites)) {
            v.mentioned = m;
            v.sites.truncate(n);
        }
        self.st = st;
        self.scopes = scopes;
        for (f, (e, b)) in self.frames.iter_mut().zip(frames) {
            f.exits.truncate(e);
            f.backs.truncate(b);
        }
        self.temps.truncate(temps);
        r
    }

    /// Whether a statement (its first line) may carry an outer attribute: `let`s, items, calls,
    /// macro calls and block-like expressions do; assignments and operators would be attributes
    /// on expressions (unstable).
    fn attr_ok(first_line: &str) -> bool {
        let t = first_line.trim_start();
        let word: String = t
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let rest = &t[word.len()..];
        [
            "let ", "if ", "match ", "while ", "for ", "loop ", "unsafe ", "fn ", "const ",
        ]
        .iter()
        .any(|k| t.starts_with(k))
            || t.starts_with('{')
            || t.starts_with('\'')
            || (!word.is_empty() && (rest.starts_with("!(") || rest.starts_with('(')))
                && t.ends_with(");")
                && !t.contains(") ")
    }

    /// A statement with an attribute.
    pub(super) fn attr_stmt(&mut self) -> String {
        if !self.cfg.avoid.cfg_out && self.rng.chance(self.cfg.mix.cfg_out) {
            // Removed: anything goes, as long as it parses; nothing of it exists afterwards.
            let s = self.sandbox(|this| {
                if this.rng.chance(50) {
                    this.simple_stmt()
                } else {
                    this.bare_stmt()
                }
            });
            let first = s.lines().next().unwrap_or_default();
            // One statement only (some kinds write two: `let mut n = 0;` then the loop).
            if s.lines().count() == 1 && Self::attr_ok(first) || s.trim_start().starts_with('{') {
                let t = s.trim_start();
                return format!("{}#[cfg(any())]\n{}{t}", self.pad(), self.pad());
            }
            return format!(
                "{}#[cfg(any())]\n{}{{\n{s}{}}}\n",
                self.pad(),
                self.pad(),
                self.pad()
            );
        }
        let s = self.bare_stmt();
        let first = s.lines().next().unwrap_or_default();
        if !Self::attr_ok(first)
            || (self.cfg.avoid.cfg_out && !first.trim_start().starts_with("let "))
        {
            return s;
        }
        let attr = if self.rng.chance(50) {
            "#[cfg(all())]"
        } else {
            "#[allow(unused)]"
        };
        format!("{}{attr} {}", self.pad(), s.trim_start())
    }
}
