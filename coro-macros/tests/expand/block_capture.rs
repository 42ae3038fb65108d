// The input of `gen_block!`: a counter capturing `start` and `step`.
yield = u64 => {
    let mut i = start;
    loop {
        yield_!(i);
        i += step;
    }
}
