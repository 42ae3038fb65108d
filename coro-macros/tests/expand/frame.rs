// Nine primitive locals live across the yields: past the frame's threshold (`emit/frame.rs`),
// they stay in `__CoroFrame`, and each arm copies out only the ones its code names.
#[generator(yield = i64, resume = i64)]
fn frame(n: i64) -> i64 {
    let mut a: i64 = n;
    let b: i64 = 2;
    let c: u8 = 3;
    let d: bool = true;
    let e: char = 'e';
    let f: f64 = 0.5;
    let g: i32 = 7;
    let h: usize = 8;
    let mut i: i64 = 9;
    a += yield_!(a);
    i += yield_!(b);
    if d {
        a += yield_!(i64::from(c));
    }
    i += yield_!(i64::from(g));
    a + b + i + i64::from(c) + i64::from(d) + e as i64 + f as i64 + h as i64
}
