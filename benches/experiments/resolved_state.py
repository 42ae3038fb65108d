#!/usr/bin/env python3
"""Is the state enum's type check slow because of its generic parameters, or because they stay
unresolved? (An experiment behind issue 10's compile-time work, not a benchmark of coro itself.)

usage: resolved_state.py EXPANDED.rs LO HI > src/lib.rs   (then `cargo check` a scratch crate
that depends on coro-core)

EXPANDED.rs is the `-Zunpretty=expanded` output of a `compile_curve` crate (`curve-coro`), with
the nightly-only prelude lines removed. The script spells out the state enum's type arguments at
the one place the machine is built (`big::<..>::Start {}`): parameters LO..HI (in declaration
order) get their real type (`Range<i64>` for a saved `for` iterator, `i64` for a saved
temporary; in the curve bodies every one is one of those), the others `_`.

Measured 2026-12-03 (rustc 1.95, `cargo check`, user s, CARGO_INCREMENTAL=0, machine shared),
the S=500 curve body (56 type parameters: iterators and temporaries), the generated code
otherwise unchanged (the load moved between runs: compare a row with the first two, which were
measured twice, 13.0 s in the loaded runs beside the rows below and 8.9-9.1 s in a quieter one):
  as generated (no turbofish)          9.1 (quiet run)
  all `_` (turbofish, nothing named)   13.0 (loaded), 8.9 (quiet)
  0..14 named                           9.8
  0..28 named                           7.9
  42..56 named                          5.5
  28..56 named                          2.6
  iterators `Range<_>`, temps named     2.3
  iterators named, temps `_`            4.1
  iterators `_`, temps named            5.6
  all named                             0.25-0.89 (two runs; the plain fn: 0.1-0.25)
So the parameters themselves cost nothing; what costs is rustc checking the step closure while
they are unresolved, and a parameter defined late in the body costs more than one defined early
(it stays unresolved through more of the closure). An unresolved integer variable inside a named
type (`Range<{integer}>`) still costs. At S=300 the all-`_` turbofish measured 0.14 s against
2.1 s without it, but at S=500 it changes nothing: not a fix. What would be: a state whose
construction sites create no inference variables (inferred-type values outside the enum, e.g. in
one slots struct built once and reached by field access), or the macro naming the types it can
know (arithmetic on annotated primitive locals, ranges of typed bounds).
"""
import re
import sys

path, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
s = open(path).read()
kinds = {}
for m in re.finditer(r'__coro_l\d+___coro_(iter|t)\d+: (__CoroT\d+)', s):
    kinds[m.group(2)] = m.group(1)
decl = re.search(r'enum big<([^>]*)>', s).group(1)
params = [p.strip() for p in decl.split(',') if p.strip()]


def named(p):
    return '::core::ops::Range<i64>' if kinds[p] == 'iter' else 'i64'


tys = ', '.join(named(p) if lo <= i < hi else '_' for i, p in enumerate(params))
s, n = re.subn(r'big(::<[_,\s]*>)?::Start \{\},', 'big::<%s>::Start {},' % tys, s, count=1)
assert n == 1, "no `big::Start {},` construction found"
sys.stdout.write(s)
