#!/usr/bin/env python3
"""What one mention of the generic state enum costs rustc while its parameters are unresolved
(an experiment behind issue 10's compile-time work, not a benchmark of coro itself).

usage: site_costs.py synth unit|pat|meth|methpat|clos|early N P > src/lib.rs
       site_costs.py methods EXPANDED.rs > src/lib.rs
       site_costs.py groups K EXPANDED.rs > src/lib.rs
(then `cargo check` a scratch crate; `methods`/`groups` need coro-core as a dependency)

`synth` writes one fn holding `let mut s = E::Poisoned;`, N statements that mention `E`, and at
the end one construction per variant, which is where all P parameters of
`enum E<T0..TP> { V0 { a: T0 }, .., Poisoned }` get their types (as the state enum's do, at the
arm that first stores each saved value). The N statements are:
  unit     `if acc == k { s = E::Poisoned; }`   (a variant path in an expression)
  pat      `if let E::Poisoned = &s { .. }`     (a variant path in a pattern)
  meth     `if acc == k { s.set_p(); }`          (an inherent method doing `*self = Self::Poisoned`)
  methpat  `if s.is_p() { .. }`                  (an inherent method doing `matches!`)
  clos     `if acc == k { s = mk(); }`           (`let mk = || E::Poisoned;` once, before them)
  early    `unit`, after a dead construction of every variant that fixes all P types first
`methods` rewrites a `compile_curve` expansion (`-Zunpretty=expanded`, prelude lines dropped) so
that every construction (`__coro_current = big::X {..}`, `set_state(__coro_state, big::X {..})`)
calls an inherent `mk_X`/`set_X` method on `__coro_state`; `groups K` makes the state a
two-level enum: the top one generic over ~V/K group enums (named at `Start`), each group enum
generic over its K variants' parameters only.

Measured 2026-12-03 evening (rustc 1.95, `cargo check`, user s, CARGO_INCREMENTAL=0, quiet
machine). synth, N=1000, P=56:
  no mention    0.13        early   0.25
  unit          11.3-12.0   meth    12.2
  pat           21.4-24.0   methpat 33.7
  clos          0.34
The S=500 curve body (56 parameters, 1,529 variant paths; as generated 8.6-9.4 s):
  methods       12.3, 13.6
  groups 20     12.3-20.7 (19 groups, <= 5 parameters each); groups 8: 16-18; groups 40: 13-15
Reading: each *path* to a variant (expression or pattern; an inherent method's `Self` the same)
instantiates the enum's parameters afresh, and what that leaves pending waits for the
parameters' types; the cost is (paths) x (unresolved parameters) x (selection passes), and
mentions through a closure built once cost nothing (`clos`). Fewer parameters per path (groups)
did not help: the group enums' own fresh parameters and their well-formedness obligations stay
pending the same way. Not a fix either way; `clos` says a fix needs O(1) paths to the enum, or
types known before the paths (`early`, resolved_state.py).
"""
import re
import sys


def synth(mode, n, p):
    ps = ", ".join("T%d" % i for i in range(p))
    out = ["#![allow(unused)]",
           "enum E<%s> { %s, Poisoned }" % (ps, ", ".join("V%d { a: T%d }" % (i, i) for i in range(p))),
           "impl<%s> E<%s> { fn set_p(&mut self) { *self = Self::Poisoned } "
           "fn is_p(&self) -> bool { matches!(self, Self::Poisoned) } }" % (ps, ps),
           "pub fn f(n: i64) -> i64 { let mut s = E::Poisoned; let mut acc = 0i64;"]
    if mode == "early":
        out += ["if acc == 99999 { s = E::V%d { a: %di64 }; }" % (i, i) for i in range(p)]
    if mode == "clos":
        out.append("let mk = || E::Poisoned; s = mk();")
    stmt = {"unit": "if acc == %d { s = E::Poisoned; }", "early": "if acc == %d { s = E::Poisoned; }",
            "pat": "if let E::Poisoned = &s { acc += %d; }", "meth": "if acc == %d { s.set_p(); }",
            "methpat": "if s.is_p() { acc += %d; }", "clos": "if acc == %d { s = mk(); }"}[mode]
    out += [stmt % k for k in range(n)]
    out += ["s = E::V%d { a: %di64 };" % (i, i) for i in range(p)]
    out.append("acc }")
    return "\n".join(out)


def enum_of(s):
    m = re.search(r'enum big<([^>]*)> \{', s)
    i = m.end(); depth = 1; j = i
    while depth:
        depth += {'{': 1, '}': -1}.get(s[j], 0)
        j += 1
    variants = []
    for vm in re.finditer(r'(\w+)\s*(\{([^{}]*)\})?\s*,', s[i:j - 1]):
        fields = [tuple(x.strip() for x in f.split(':', 1))
                  for f in (vm.group(3) or '').split(',') if f.strip()]
        variants.append((vm.group(1), fields))
    return m, j, variants


def field_args(variants, name, lit):
    vals = {}
    for part in re.sub(r'#\[[^\]]*\]', '', lit or '').split(','):
        if part.strip():
            k, v = part.split(':', 1)
            vals[k.strip()] = v.strip()
    return ", ".join(vals[f] for f, _ in dict(variants)[name])


def methods(s):
    m, j, variants = enum_of(s)
    params = m.group(1)
    impl = ["impl<%s> big<%s> {" % (params, params)]
    for name, fields in variants:
        args = ", ".join("%s: %s" % f for f in fields)
        lit = "Self::%s { %s }" % (name, ", ".join(f for f, _ in fields))
        impl.append("#[inline(always)] fn mk_%s(&self, %s) -> Self { %s }" % (name, args, lit))
        impl.append("#[inline(always)] fn set_%s(&mut self, %s) { "
                    "::coro_core::__private::set_state(self, %s) }" % (name, args, lit))
    s = s[:j] + "\n" + "\n".join(impl) + "}\n" + s[j:]
    s = re.sub(r'::coro_core::__private::set_state\(__coro_state,\s*big::(\w+)(\s*\{([^{}]*)\})?\s*\)',
               lambda mm: "__coro_state.set_%s(%s)" % (mm.group(1), field_args(variants, mm.group(1), mm.group(3))), s)
    return re.sub(r'__coro_current =\s*big::(\w+)(\s*\{([^{}]*)\})?(?=\s*;)',
                  lambda mm: "__coro_current = __coro_state.mk_%s(%s)" % (mm.group(1), field_args(variants, mm.group(1), mm.group(3))), s)


def groups(s, k):
    m, j, variants = enum_of(s)
    top = [v for v in variants if v[0] in ('Start', 'Done', 'Poisoned')]
    rest = [v for v in variants if v[0] not in ('Start', 'Done', 'Poisoned')]
    chunks = [rest[i:i + k] for i in range(0, len(rest), k)]
    group_of, decls, gparams = {}, [], []
    for g, vs in enumerate(chunks):
        ps = []
        for name, fields in vs:
            group_of[name] = g
            ps += [t for _, t in fields if t.startswith('__CoroT') and t not in ps]
        gparams.append(ps)
        decls.append("#[allow(non_camel_case_types)] enum bigG%d<%s> { %s }" % (g, ", ".join(ps), ", ".join(
            "%s { %s }" % (n, ", ".join("%s: %s" % f for f in fs)) for n, fs in vs)))
    gs = ["__G%d" % g for g in range(len(chunks))]
    topdecl = "enum big<%s> { %s, %s }" % (", ".join(gs), ", ".join(
        "Start {}" if n == 'Start' else n for n, _ in top), ", ".join("G%d(__G%d)" % (g, g) for g in range(len(chunks))))
    s = s[:m.start()] + topdecl + "\n" + "\n".join(decls) + s[j:]
    full = 'big<%s>' % ", ".join("bigG%d<%s>" % (g, ", ".join(gparams[g])) for g in range(len(chunks)))
    s = re.sub(r'(?<![A-Za-z0-9_])big<[\s_A-Za-z0-9,]*__CoroT[\s_A-Za-z0-9,]*>', full, s)
    s = s.replace('big::Start {},', 'big::<%s>::Start {},' % ", ".join(
        "bigG%d<%s>" % (g, ", ".join("_" for _ in gparams[g])) for g in range(len(chunks))), 1)
    out, pos = [], 0
    for mm in re.finditer(r'\b(big|Self)::(\w+)', s):
        if mm.start() < pos or mm.group(2) not in group_of:
            continue
        g = group_of[mm.group(2)]
        b = mm.end()
        while s[b] in ' \n\t':
            b += 1
        depth, e = 1, b + 1
        while depth:
            depth += {'{': 1, '}': -1}.get(s[e], 0)
            e += 1
        out += [s[pos:mm.start()], "%s::G%d(bigG%d::%s %s)" % (mm.group(1), g, g, mm.group(2), s[b:e])]
        pos = e
    return "".join(out) + s[pos:]


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "synth":
        print(synth(sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))
    elif cmd == "methods":
        sys.stdout.write(methods(open(sys.argv[2]).read()))
    elif cmd == "groups":
        sys.stdout.write(groups(open(sys.argv[3]).read(), int(sys.argv[2])))
