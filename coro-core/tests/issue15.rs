use coro_core::{Generator, GeneratorState, gen_block, yield_};

#[test]
fn smoke() {
    let v = vec![1u32, 2, 3];
    let k = 10;
    let g = gen_block!(yield = u32 => {
        for x in v {
            yield_!(x + k);
        }
    });
    assert_eq!(g.collect::<Vec<_>>(), [11, 12, 13]);
    let mut c = gen_block!(yield = u32, resume = i32 => {
        let mut total = 0;
        loop {
            let n = yield_!(total);
            if n < 0 { break; }
            total += n as u32;
        }
        format!("total {total}")
    });
    assert_eq!(c.start(), GeneratorState::Yielded(0));
    assert_eq!(c.send(5), GeneratorState::Yielded(5));
    assert_eq!(c.send(-1), GeneratorState::Complete("total 5".to_string()));
    let i = 0u32;
    let mut counter = gen_block!(yield = u32 => { loop { yield_!(i); i += 1; } });
    assert_eq!(counter.next(), Some(0));
    assert_eq!(counter.next(), Some(1));
}
