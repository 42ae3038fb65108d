//! The main demo: every synchronous program of the tutorial the project grew from, ported from
//! Python, printing what the Python prints. Run it with `cargo run -p coro-examples --bin demo`.

use coro_examples::potatoes;

fn main() {
    println!("== 普通函数 (a plain function) ==");
    plain_function::main();
    println!();
    println!("== yield 函数 (a generator function) ==");
    yield_function::main();
    println!();
    println!("== 生产者－消费者的协程 (producer–consumer) ==");
    producer_consumer::main();
    println!();
    println!("== 同步生成器 (the synchronous potato generator) ==");
    potatoes::main();
}

/// ```python
/// def consumer():
///     print('good')
///     return 2
/// b = consumer()   # runs the body: prints good
/// print(b)         # 2
/// ```
mod plain_function {
    fn consumer() -> i32 {
        println!("good");
        2
    }

    pub fn main() {
        let b = consumer();
        println!("{b}");
    }
}

/// ```python
/// def consumer():
///     print('good')
///     yield 5
/// a = consumer()   # does NOT run the body
/// print(a)         # <generator object consumer at 0x...>
/// ```
mod yield_function {
    use coro_core::{Generator, generator, yield_};

    #[generator(yield = i32)]
    fn consumer() {
        println!("good");
        yield_!(5);
    }

    pub fn main() {
        let mut a = consumer(); // nothing printed yet: the body has not started
        println!("{a:?}"); // Rust's `<generator object consumer>`: its name and state
        // Python needs a.send(None) / next(a) to start it; here `start()` (or `next()`).
        let first = a.start();
        println!("{first:?}");
        println!("{a:?}");
    }
}

/// The tutorial's producer–consumer: the consumer receives 5, 4, 3 and turns its status to
/// False at 3; the producer yields each status to the main program, which stops there.
mod producer_consumer {
    use coro_core::{Generator, generator, yield_};

    #[generator(yield = bool, resume = i32)]
    fn consumer() {
        let mut status = true;
        loop {
            let nr = yield_!(status);
            println!("我拿到了{nr}!");
            if nr == 3 {
                status = false;
            }
        }
    }

    #[generator(yield = bool)]
    fn producer(mut consumer: impl Generator<i32, Yield = bool, Return = ()>) {
        let mut n = 5;
        while n > 0 {
            // yield 给主程序返回消费者的状态; consumer.send(n) 把 n 发送给 consumer
            yield_!(
                consumer
                    .send(n)
                    .yielded()
                    .expect("the consumer never returns")
            );
            n -= 1;
        }
    }

    pub fn main() {
        let mut c = consumer(); // 有yield的话实例化时候不会执行到函数内
        c.start(); // c.send(None): run to the first yield
        let p = producer(c);
        for status in p {
            if !status {
                println!("我只要3,4,5就行啦");
                break;
            }
        }
        println!("程序结束");
    }
}
