#!/usr/bin/env python3
"""Where the state machine's type-check time goes: synthetic step functions of N states, each
saving a sliding window of W inferred-type locals, in several shapes (an experiment behind
issue 10's compile-time work, not a benchmark of coro itself).

usage: state_shapes.py STYLE N W > src/lib.rs   (then `cargo check` a scratch crate)

  plain     the body as a plain fn (the baseline)
  enum      coro's shape: an enum generic over every local, one variant per state
  flat      one frame struct of N `Option<T>` fields, reached through the closure's `&mut`
  chunk     frames of 16 fields each, reached through the closure's `&mut` tuple
  chunk2    the same, the tuple destructured once at the top of the closure
  chunk2ty  chunk2 with every frame's types written out (no inference variables)
  chunk2pro chunk2 with a dead-code prologue: the plain body, each local tied to its field

Measured 2026-12-02 (rustc 1.95, cargo check, user s, W=10, machine shared with other work):
plain 400: 0.49, 800: 1.25; enum 100: 2.2, 200: 22; chunk 400: 7.8, 800: 32; chunk2 400: 4.7,
800: 15.9; chunk2pro 400: 4.2, 800: 12.1; chunk2ty 400: 1.9, 800: 4.2. Only the typed frames
grow linearly: the cost is in type-checking against unresolved inference variables.
"""
import sys
style, N, W = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
C = 16
def live(i): return [k for k in range(max(0, i - W), i)]
def init(k): return ["vec![%du64]" % k, "String::from(\"x\")", "Some(%du32)" % k, "(%du16, vec![1u8])" % k][k % 4]
def use(k): return ["l%d.len() as u64" % k, "l%d.len() as u64" % k, "u64::from(l%d.unwrap_or(0))" % k, "l%d.1.len() as u64" % k][k % 4]
o = []
o.append("pub struct Machine<S, F> { s: S, f: F }")
o.append("fn tie<T>(_: &Option<T>, _: &T) {}")
o.append("impl<S, F: FnMut(&mut S) -> Option<u64>> Machine<S, F> { pub fn step(&mut self) -> Option<u64> { (self.f)(&mut self.s) } }")
o.append("pub fn machine<S, F: FnMut(&mut S) -> Option<u64>>(s: S, f: F) -> Machine<S, F> { Machine { s, f } }")
if style == "enum":
    o.append("#[allow(dead_code)] enum St<%s> {" % ", ".join("T%d" % k for k in range(N)))
    for i in range(N + 1):
        o.append("  S%d { %s }," % (i, ", ".join("l%d: T%d" % (k, k) for k in live(i))))
    o.append("  Done, }")
    o.append("pub fn make() -> impl Sized { machine(St::S0 {}, |st| { match std::mem::replace(st, St::Done) {")
    for i in range(N + 1):
        o.append("    St::S%d { %s } => {" % (i, ", ".join("l%d" % k for k in live(i))))
        if i == N: o.append("      None }"); continue
        o.append("      let mut acc = 0u64;")
        for k in live(i): o.append("      acc += %s;" % use(k))
        o.append("      let l%d = %s;" % (i, init(i)))
        o.append("      *st = St::S%d { %s };" % (i + 1, ", ".join("l%d" % k for k in live(i + 1))))
        o.append("      Some(acc) }")
    o.append("    St::Done => None, } }) }")
elif style in ("chunk", "flat", "chunk2", "chunk2ty", "chunk2pro"):
    prologue = style == "chunk2pro"
    split = style in ("chunk2", "chunk2ty", "chunk2pro")
    typed = style == "chunk2ty"
    if split: style = "chunk"
    nch = (N + C - 1) // C if style == "chunk" else 1
    CC = C if style == "chunk" else N
    o.append("#[allow(dead_code)] pub struct Ch<%s> { %s }" % (", ".join("T%d" % k for k in range(CC)), ", ".join("l%d: Option<T%d>" % (k, k) for k in range(CC))))
    fr = "Ch { %s }" % ", ".join("l%d: None" % k for k in range(CC))
    if typed:
        frs = ", ".join("Ch::<%s> { %s }" % (", ".join(["Vec<u64>", "String", "Option<u32>", "(u16, Vec<u8>)"][(c * CC + k) % 4] for k in range(CC)), ", ".join("l%d: None" % k for k in range(CC))) for c in range((N + CC - 1) // CC))
    if split:
        o.append("pub fn make() -> impl Sized { machine((0u32, %s), |st| { let (s, %s) = st; PROLOGUE match *s {" % (frs if typed else ", ".join([fr] * nch), ", ".join("fr%d" % c for c in range(nch))))
        f = lambda k: "fr%d.l%d" % (k // CC, k % CC)
        if prologue:
            pro = []
            o, pro = pro, o
            o.append("    if false {")
            o.append("      let mut acc = 0u64;")
            for i in range(N):
                for k in live(i): o.append("      acc += %s;" % use(k))
                o.append("      let l%d = %s; tie(&%s, &l%d);" % (i, init(i), f(i), i))
            o.append("      let _ = acc; loop {} }")
            o, pro = pro, o
            o[-1] = o[-1].replace("PROLOGUE", "\n".join(pro))
        else:
            o[-1] = o[-1].replace("PROLOGUE", "")
    else:
        o.append("pub fn make() -> impl Sized { machine((0u32, %s), |st| { match st.0 {" % ", ".join([fr] * nch))
        f = lambda k: "st.%d.l%d" % (k // CC + 1, k % CC)
    for i in range(N + 1):
        o.append("    %d => {" % i)
        if i == N: o.append("      None }"); continue
        for k in live(i): o.append("      let l%d = %s.take().unwrap();" % (k, f(k)))
        o.append("      let mut acc = 0u64;")
        for k in live(i): o.append("      acc += %s;" % use(k))
        o.append("      let l%d = %s;" % (i, init(i)))
        for k in live(i + 1): o.append("      %s = Some(l%d);" % (f(k), k))
        o.append(("      *s = %d;" if split else "      st.0 = %d;") % (i + 1))
        o.append("      Some(acc) }")
    o.append("    _ => None, } }) }")
else:
    o.append("pub fn make() -> u64 { let mut acc = 0u64;")
    for i in range(N):
        for k in live(i): o.append("  acc += %s;" % use(k))
        o.append("  let l%d = %s;" % (i, init(i)))
    o.append("  acc }")
print("\n".join(o))
