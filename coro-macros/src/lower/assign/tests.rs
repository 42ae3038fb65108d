//! Unit tests of `assign.rs`: what each construct reads, assigns and writes.

use super::*;

fn fx(src: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let e = effects(&syn::parse_str(src).unwrap());
    (
        e.reads.iter().map(ToString::to_string).collect(),
        e.assigned.into_iter().collect(),
        e.written.into_iter().collect(),
    )
}

fn assigned(src: &str) -> Vec<String> {
    fx(src).1
}

/// `src` assigns no local on every path.
fn assert_none(src: &str) {
    assert_eq!(assigned(src), Vec::<String>::new(), "{src}");
}

fn reads(src: &str) -> Vec<String> {
    fx(src).0
}

#[test]
fn assignments_on_every_path() {
    assert_eq!(assigned("if c { x = 1 } else { x = 2; y = 3 }"), ["x"]);
    assert_none("if c { x = 1 }");
    assert_eq!(assigned("match m { A => x = 1, _ => { x = 2 } }"), ["x"]);
    assert_eq!(
        assigned("if c { x = 1 } else if d { x = 2 } else { x = 3 }"),
        ["x"]
    );
    // A path that does not complete does not count.
    assert_eq!(assigned("if c { x = 1 } else { return }"), ["x"]);
    assert_eq!(assigned("{ x = 1; while c { y = 2 } }"), ["x"]);
    assert_none("c && { x = 1; true }");
}

#[test]
fn assignments_before_every_exit_of_a_loop_or_labeled_block() {
    assert_eq!(assigned("'a: { x = 1; if c { break 'a; } y = 2; }"), ["x"]);
    assert_eq!(assigned("loop { x = 1; break; }"), ["x"]);
    assert_none("loop { if c { break; } x = 1; }");
    assert_none("'o: loop { loop { break 'o; } }");
    assert_none("while c { x = 1; }");
    assert_none("for i in r { x = 1; break; }");
    assert_eq!(assigned("{ 'a: { x = 1; break 'a; }; y = x; }"), ["x", "y"]);
}

#[test]
fn conditions_assign_per_outcome() {
    let sets = |src: &str| {
        let (t, f) = condition_effects(&syn::parse_str(src).unwrap());
        (
            t.into_iter().collect::<Vec<_>>(),
            f.into_iter().collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        sets("a && { x = 1; true }"),
        (vec!["x".to_string()], vec![])
    );
    assert_eq!(
        sets("a || { x = 1; false }"),
        (vec![], vec!["x".to_string()])
    );
    assert_eq!(
        sets("!(a || { x = 1; false })"),
        (vec!["x".to_string()], vec![])
    );
    assert_eq!(
        sets("{ y = 2; a } && b"),
        (vec!["y".to_string()], vec!["y".to_string()])
    );
    // In value position the same `&&` assigns on neither path for sure.
    assert_none("a && { x = 1; true }");
}

#[test]
fn assignments_to_a_rebinding_are_not_to_the_local() {
    assert_eq!(assigned("{ x = 1; let x; x = 2; y = 3 }"), ["x", "y"]);
    assert_none("{ let x; x = 2 }");
    assert_none("if c { let x; x = 1 } else { x = 2 }");
    assert_none("match m { mut x => x = 1, _ => x = 2 }");
    assert_none("if let Some(mut x) = o { x = 1 } else { x = 2 }");
}

#[test]
fn branch_effects_leave_out_the_condition() {
    let e = syn::parse_str("if { t = f(); t.ok() } { g(t.get()) } else { t = h(); 0 }").unwrap();
    assert!(branch_effects(&e).assigned.is_empty());
    assert_eq!(effects(&e).assigned.into_iter().collect::<Vec<_>>(), ["t"]);
    let e = syn::parse_str("match { t = f(); 1 } { 1 => t = g(), _ => {} }").unwrap();
    assert!(branch_effects(&e).assigned.is_empty());
    let e = syn::parse_str("if let Some(t) = o { t = 1 } else { t = 2 }").unwrap();
    assert!(branch_effects(&e).assigned.is_empty());
}

#[test]
fn reads_before_assignment_only() {
    assert!(reads("if c { x = x + 1 } else { x = 2 }").contains(&"x".to_string()));
    assert_eq!(reads("if c { x = y } else { x = 2 }"), ["c", "y"]);
    // A maybe-moved `t` reassigned, then used, on one path only: not read before.
    assert_eq!(
        fx("if let Some(s) = o { t = f(); for i in r { bump(&mut t, s) } }"),
        (
            vec!["o".to_string(), "f".into(), "r".into(), "bump".into()],
            vec![],
            vec!["t".to_string()]
        )
    );
    // A loop body reading before assigning reads the value from before the loop.
    assert!(reads("loop { g(t); t = f(); }").contains(&"t".to_string()));
    assert!(!reads("loop { t = f(); g(t); }").contains(&"t".to_string()));
    // Closures and macros read what they mention.
    assert_eq!(reads("{ t = f(); let c = || t; }"), ["f"]);
    assert_eq!(reads("{ let c = move || t; t = f(); }"), ["t", "f"]);
    assert_eq!(reads("println!(\"{t}\")"), ["t"]);
    // Names bound inside are not the generator's.
    assert_eq!(reads("{ let y = 1; y + z }"), ["z"]);
    assert_eq!(reads("let Some(y) = o && y > z"), ["o", "z"]);
}

#[test]
fn jumps_out_of_the_code_carry_what_was_assigned_before_them() {
    let fx = |src: &str| branch_effects(&syn::parse_str(src).unwrap());
    // Difftest AL: the `continue` leaves with the old `t`.
    let e = fx("if c { t = f() } else { continue }");
    assert!(e.assigned.contains("t"));
    assert!(!e.assigned_on_every_exit("t"));
    let e = fx("match m { 0 => t = f(), _ => break }");
    assert!(!e.assigned_on_every_exit("t"));
    let e = fx("if c { t = f() } else { t = g(); continue 'outer }");
    assert!(e.assigned_on_every_exit("t"));
    // Jumps that stay inside the code, and `return`, take nothing anywhere.
    let e = fx("if c { t = f() } else { t = g(); loop { break } for i in r { continue } }");
    assert_eq!(e.escape_assigned, None);
    assert!(e.assigned_on_every_exit("t"));
    let e = fx("if c { t = f() } else { return }");
    assert!(e.assigned_on_every_exit("t"));
}

#[test]
fn reads_after_the_codes_own_assignment_are_reads_anywhere() {
    // Difftest AM: `s` is read (moved), though not before the assignment.
    let e = effects(&syn::parse_str("{ s = f(); consume(s) }").unwrap());
    assert!(!e.reads.iter().any(|r| r == "s"));
    assert!(e.read_anywhere.contains("s"));
    let e = effects(&syn::parse_str("{ let s = f(); consume(s) }").unwrap());
    assert!(!e.read_anywhere.contains("s"));
}

#[test]
fn code_that_never_completes() {
    let e = effects(&syn::parse_str("t = f({ return 2; })").unwrap());
    assert!(!e.completes);
    assert!(e.written.contains("t"));
    assert!(effects(&syn::parse_str("t = f(2)").unwrap()).completes);
    assert!(effects(&syn::parse_str("if c { return } else { t = 1 }").unwrap()).completes);
}

#[test]
fn what_each_jump_out_has_assigned() {
    let e: Expr =
        syn::parse_str("if c { t = f(); break; } else if d { continue } else { u = 1 }").unwrap();
    let fx = effects(&e);
    let mut states: Vec<Vec<String>> = fx
        .assigned_at_escape
        .values()
        .map(|s| s.iter().cloned().collect())
        .collect();
    states.sort();
    assert_eq!(states, vec![vec![], vec!["t".to_string()]]);
    // Jumps inside macro arguments are walked on a re-parsed copy: not recorded by address.
    let e: Expr = syn::parse_str("assert!({ t = f(); break; })").unwrap();
    assert!(effects(&e).assigned_at_escape.is_empty());
}
