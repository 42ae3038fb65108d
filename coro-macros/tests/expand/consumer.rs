// The tutorial's consumer (README): a loop that receives a value at each `yield_!`.
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
