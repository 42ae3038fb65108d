#!/usr/bin/env python3
"""Two reshapings of the state enum that keep its fields' inferred types but change how rustc
meets them (an experiment behind issue 10's compile-time work, not a benchmark of coro itself).

usage: state_params.py payload|payload-tf|payload-tf-end|projection|projection-tf EXPANDED.rs
       > src/lib.rs   (then `cargo check` a scratch crate that depends on coro-core)

EXPANDED.rs is the `-Zunpretty=expanded` output of a `compile_curve` crate (`curve-coro`); the
nightly-only prelude lines are dropped.

  payload         one generic payload struct per variant (`Yield3(__P_Yield3<T9>)`), the enum
                  generic over the payloads: a site names only its own variant's parameters
  payload-tf      the same, the payloads' shapes named at the one `Start` construction
  payload-tf-end  the same, each payload ending in a `()` field (its `Sized` needs no field's)
  projection      the enum generic over ONE parameter `S: Tys`, each field typed
                  `<S as Tys>::Tn`, `S` a marker struct over all the old parameters
  projection-tf   the same, the marker's shape named at the `Start` construction

Measured 2026-12-03 (rustc 1.95, `cargo check`, user s, CARGO_INCREMENTAL=0, the two cores
shared with two difftest runs: compare rows, not with BENCHMARKS.md), the S=300 curve body
(35 type parameters, 597 variant paths in the expansion), two rounds each:
  as generated        1.8, 2.3
  payload             6.9, 6.7
  payload-tf          6.2, 7.0
  payload-tf-end      6.7, 6.5
  projection-tf       2.1, 1.9
  projection          2.2, 1.8
Neither is a fix. Payload structs cost 3x more: each site now instantiates the enum's ~200
payload parameters instead of 35 (resolved at once or not, every fresh variable costs). One
projected parameter changes little: the inferred types are still unresolved while most of the
closure is checked. `perf record` of the as-generated check at S=300: 45.5% of the samples in
`ObligationForest::process_obligations`, 6.4% `apply_rewrites`, 3.9% `compress`, 5.2% unification
root lookups; pending obligations on unresolved variables, re-scanned at every selection, are
the cost. With `resolved_state.py`, this says that what would scale is the types being known
where the state is first built (named by the macro, or resolved by code rustc checks before
the step closure), not a different shape of the same unknowns.
"""
import re
import sys

mode, path = sys.argv[1], sys.argv[2]


def prelude_free(s):
    for line in ('#![feature(prelude_import)]\n', '#[prelude_import]\n',
                 'use std::prelude::rust_2024::*;\n', 'extern crate std;\n'):
        s = s.replace(line, '')
    return s


def closing_brace(s, i):
    """The index just past the `}` that closes the brace opened before `i`."""
    depth = 1
    while depth:
        if s[i] == '{':
            depth += 1
        elif s[i] == '}':
            depth -= 1
        i += 1
    return i


def enum_params_and_body(s):
    """The state enum's parameters and the span of its body (after `{`, before `}`)."""
    m = re.search(r'enum big<([^>]*)> \{', s)
    params = [p.strip() for p in m.group(1).split(',') if p.strip()]
    end = closing_brace(s, m.end())
    return m, params, m.end(), end - 1


def payload(s, turbofish, end_unit):
    m, old_params, i, j = enum_params_and_body(s)
    body = s[i:j]
    j += 1
    variants = []  # (name, fields text or None)
    k = 0
    for vm in re.finditer(r'(\w+)\s*(\{([^}]*)\})?\s*,', body):
        variants.append((vm.group(1), vm.group(3)))
    data = [(n, f) for n, f in variants if f is not None]
    structs = []
    outer = []
    for n, f in data:
        ps = [p for p in old_params if re.search(r'\b%s\b' % p, f)]
        g = '<%s>' % ', '.join(ps) if ps else ''
        fields = f.strip()
        if end_unit:
            fields = (fields + (' ' if fields.endswith(',') or not fields else ', ') + '__e: (),') if fields else '__e: (),'
        structs.append((n, ps, 'struct __P_%s%s { %s }' % (n, g, fields)))
        outer.append('__V_%s' % n)
    new_enum = 'enum big<%s> { %s %s }' % (', '.join(outer), ' '.join('%s(__V_%s),' % (n, n) for n, _ in data), ' '.join('%s,' % n for n, f in variants if f is None))
    s = s[:m.start()] + new_enum + '\n' + '\n'.join('#[allow(non_camel_case_types)] ' + t for _, _, t in structs) + s[j:]
    oldg = ', '.join(old_params)
    pat = re.compile(r'impl<\s*' + r',\s*'.join(map(re.escape, old_params)) + r'\s*>')
    s = pat.sub('impl<%s>' % ', '.join(outer), s)
    pat = re.compile(r'big<\s*' + r',\s*'.join(map(re.escape, old_params)) + r'\s*>')
    s = pat.sub('big<%s>' % ', '.join(outer), s)
    names = {n for n, _ in data}
    # rewrite big::X { ... } and Self::X { .. }
    out = []; pos = 0
    rx = re.compile(r'\b(big|Self)::(\w+) \{')
    while True:
        mm = rx.search(s, pos)
        if not mm: out.append(s[pos:]); break
        if mm.group(2) not in names:
            out.append(s[pos:mm.end()]); pos = mm.end(); continue
        a = mm.end()
        b = closing_brace(s, a)
        inner = s[a:b-1]
        n = mm.group(2)
        is_pat_rest = inner.strip().endswith('..')
        if end_unit and not is_pat_rest:
            st = inner.strip()
            inner = (st + (', ' if st and not st.endswith(',') else ' ') + '__e: ()')
        head = mm.group(1)
        if head == 'Self' and inner.strip() == '..':
            out.append(s[pos:mm.start()] + 'Self::%s(..)' % n); pos = b; continue
        out.append(s[pos:mm.start()] + '%s::%s(__P_%s { %s })' % (head, n, n, inner))
        pos = b
    s = ''.join(out)
    if turbofish:
        tys = ', '.join('__P_%s%s' % (n, ('<%s>' % ', '.join('_' for _ in ps)) if ps else '') for n, ps, _ in structs)
        s = s.replace('_>(big::Start(', '_>(big::<%s>::Start(' % tys, 1)
    return s


def projection(s, turbofish):
    m, old, i, j = enum_params_and_body(s)
    body = s[i:j]
    j += 1
    for p in old:
        body = re.sub(r'\b%s\b' % p, '<__S as __Tys>::%s' % p, body)
    body += ' __Never(::core::marker::PhantomData<fn() -> __S>, ::core::convert::Infallible),'
    trait = 'trait __Tys { %s }' % ' '.join('type %s;' % p for p in old)
    rstruct = 'struct __R<%s>(::core::marker::PhantomData<(%s,)>);' % (', '.join(old), ', '.join(old))
    rimpl = 'impl<%s> __Tys for __R<%s> { %s }' % (', '.join(old), ', '.join(old), ' '.join('type %s = %s;' % (p, p) for p in old))
    s = s[:m.start()] + '@@DEFS@@' + s[j:]
    pat = re.compile(r'impl<\s*' + r',\s*'.join(map(re.escape, old)) + r'\s*>')
    s = pat.sub('impl<__S: __Tys>', s)
    pat = re.compile(r'big<\s*' + r',\s*'.join(map(re.escape, old)) + r'\s*>')
    s = pat.sub('big<__S>', s)
    s = s.replace('Self::Poisoned =>', 'Self::__Never(..) => ::core::unreachable!(), Self::Poisoned =>')
    s = s.replace('@@DEFS@@', '%s\n%s\n%s\n#[allow(non_camel_case_types)] enum big<__S: __Tys> {%s}' % (trait, rstruct, rimpl, body))
    if turbofish:
        s = s.replace('_>(big::Start {', '_>(big::<__R<%s>>::Start {' % ', '.join('_' for _ in old), 1)
    return s


s = prelude_free(open(path).read())
if mode.startswith('payload'):
    s = payload(s, mode != 'payload', mode == 'payload-tf-end')
else:
    s = projection(s, mode == 'projection-tf')
sys.stdout.write(s)
