//! The demo prints what the tutorial's Python programs print.

use std::process::Command;

fn run(bin: &str) -> String {
    let out = Command::new(bin).output().expect("run example");
    assert!(
        out.status.success(),
        "{bin} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[test]
fn demo_prints_what_the_python_prints() {
    let out = run(env!("CARGO_BIN_EXE_demo"));
    // 普通函数: print('good') runs when called, then print(b) shows the return value.
    assert!(
        out.contains("== 普通函数 (a plain function) ==\ngood\n2\n"),
        "{out}"
    );
    // yield 函数: creating the generator prints nothing; starting it prints good.
    assert!(
        out.contains(
            "== yield 函数 (a generator function) ==\nconsumer (created)\ngood\nYielded(5)\n"
        ),
        "{out}"
    );
    // The producer–consumer program, line for line.
    let expected = "我拿到了5!\n我拿到了4!\n我拿到了3!\n我只要3,4,5就行啦\n程序结束\n";
    assert!(out.contains(expected), "{out}");
    assert!(out.contains("bought 50 potatoes"), "{out}");
}

#[test]
fn tree_walk_prints_words_in_order() {
    let out = run(env!("CARGO_BIN_EXE_tree_walk"));
    assert_eq!(
        out.lines().next(),
        Some("brown dog fox jumps lazy over quick the the")
    );
}
