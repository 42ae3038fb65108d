//! The fuzz test's corpus: valid inputs to mutate, attribute options, and snippets to insert.

/// Valid `#[generator]` fns: the seed programs and every construct the lowering handles.
pub const GENERATORS: &[(&str, &str)] = &[
    (
        "yield = bool, resume = i32",
        "fn consumer() { let mut status = true; loop { let nr = yield_!(status); println!(\"我拿到了{}!\", nr); if nr == 3 { status = false; } } }",
    ),
    (
        "yield = bool",
        "fn producer(mut c: impl Generator<i32, Yield = bool, Return = ()>) { for n in (1..=5).rev() { yield_!(c.send(n).yielded().unwrap()); } }",
    ),
    (
        "yield = u32",
        "fn guarded(span: &Span, v: Vec<u32>) -> usize { let _g = span.enter(); let mut n = 0; for x in v { if x % 2 == 0 { continue; } yield_!(x); n += 1; } n }",
    ),
    (
        "yield = u32",
        "fn delegate(a: u32) -> u32 { let r = yield_from!(inner(a)); let s = coro_core::yield_from!(inner(r)); yield_!(r + s); r }",
    ),
    (
        "yield = (usize, char), resume = bool",
        "pub fn labels<'a>(s: &'a str) -> Result<u32, String> where 'a: 'a { let mut i = 0; 'outer: while let Some(c) = s.chars().nth(i) { i += 1; 'inner: loop { match c { 'x' if i > 2 => break 'outer, 'y' => continue 'outer, _ => { if yield_!((i, c)) { break 'inner; } } } } } let n: u32 = s.parse().map_err(|e| format!(\"{e}\"))?; Ok(n) }",
    ),
    (
        "yield = String",
        "fn exprs(xs: &[u32]) -> Option<u32> { let Some(first) = xs.first() else { return None; }; let t = (f(yield_!(format!(\"{first}\"))), yield_!(String::new())); let v = vec![yield_!(a()), b()]; assert_eq!(v.len(), 2, \"{}\", 1); let s = S { a: yield_!(x()), ..S::default() }; if let Some(y) = g() && y > 1 { yield_!(y.to_string()); } let z = x && yield_!(String::new()).is_empty() || w; let q = match yield_!(String::new()) { m if m.len() > 3 => 1, _ => 2 }; Some(*first + q) }",
    ),
    (
        "yield = u8, crate = ::coro_core",
        "fn method<T: Clone>(&mut self, (a, b): (u8, u8), _: T) -> u8 { let x = 'blk: { if a > b { break 'blk a; } yield_!(b); b }; unsafe { yield_!(x); } let c = || x + 1; let mut k = 0; while k < 3 { k += 1; yield_!(c()); } self.n = x; x }",
    ),
    (
        "yield = T",
        "fn walk<T: Copy>(t: &Tree<T>) { yield_!(t.value); for c in &t.children { yield_from!(walk(c).boxed()); } async { 1 }; fn helper() {} struct Local; }",
    ),
];

/// Valid `#[async_gen]` fns.
pub const ASYNC_GENS: &[(&str, &str)] = &[
    (
        "yield = Potato",
        "async fn take_potatoes(num: usize) { for _ in 0..num { if stock_is_empty() { ask_for_potato().await; } yield_!(pop_potato()); } }",
    ),
    (
        "yield = u32",
        "pub async fn relay(s: impl Stream<Item = u32>) -> Result<(), Error> { for_await!(x in s { if x > 3 { break; } yield_!(x); }); 'l: for_await!(y in other() { yield_from!(more(y)); continue 'l; }); let n: u32 = parse().await?; yield_!(n); Ok(()) }",
    ),
    (
        "yield = &'a str, boxed",
        "async fn words<'a>(&'a self, text: &'a str, (a, b): (u8, u8)) { for w in text.split(' ') { yield_!(w); } println!(\"{}\", yield_!(\"x\")); }",
    ),
];

/// `for_await!` inputs.
pub const FOR_AWAITS: &[&str] = &[
    "x in numbers() { total += x; }",
    "'outer: (a, b) in pairs(1, 2) { if a { break 'outer; } continue; }",
    "Some(x) | None in s.as_mut() { println!(\"{x:?}\") },",
];

/// Options, valid and not.
pub const OPTIONS: &[&str] = &[
    "yield = u32",
    "yield = u32, resume = String",
    "yield = Vec<HashMap<u32, u32>>, resume = (), crate = ::coro_core",
    "yield = impl Display",
    "",
    "resume = u32",
    "yield",
    "yield =",
    "yield = , resume",
    "yield = u32; resume = u8",
    "yield = u32, yield = u8, resume = u8, resume = u8, crate = a, crate = b",
    "yield = u32, boxed, boxed_local, frobnicate, other = <a, b>",
    "42",
    "yield = u32,,",
    "yield == u32",
    "crate",
    "crate = 1",
];

/// Tokens worth inserting: suspensions, control flow, and what confuses a lowering.
pub const SNIPPETS: &[&str] = &[
    "yield_!(x)",
    "yield_!()",
    "yield_!(yield_!(1))",
    "yield_!(1, 2)",
    "yield_!",
    "yield_from!(g())",
    "yield_from!()",
    "coro_core::yield_!(v);",
    "?",
    ".await",
    "break",
    "break 'a",
    "break 'a 5;",
    "continue",
    "continue 'b;",
    "return",
    "return yield_!(r);",
    "'a:",
    "'a: loop { yield_!(1); }",
    "loop { break yield_!(2); }",
    "while yield_!(true) {}",
    "for i in yield_!(v) { yield_!(i); }",
    "let x = yield_!(0);",
    "let Some(y) = yield_!(o) else { return; };",
    "match yield_!(m) { _ if yield_!(g) => {} _ => {} }",
    "if let Some(z) = yield_!(q) && z { }",
    "async { yield_!(1) }",
    "|| yield_!(1)",
    "move |a| { yield_!(a) }",
    "fn inner() { yield_!(1); }",
    "println!(\"{}\", yield_!(x));",
    "format!(\"{x}\")",
    "vec![yield_!(1); yield_!(2)]",
    "assert!(a, \"{}\", yield_!(m));",
    "m!(yield_!(1))",
    "for_await!(x in s { yield_!(x); })",
    "for_await!(yield_!(1))",
    "unsafe { yield_!(u) }",
    "self",
    "&mut self",
    "_",
    "=",
    ";",
    ",",
    "::",
    "#[attr]",
    "let",
    "else",
    "mut",
    "ref",
    "impl",
    "&",
    "*",
    "..",
    "r#yield_",
    "@used",
    "'static",
    "1.5e3",
    "\"{yield_}\"",
];
