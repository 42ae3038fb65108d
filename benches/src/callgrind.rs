//! Instructions per item, counted by callgrind, beside the times: a figure that does not move
//! with the load of a shared machine, so small differences between contenders can be told from
//! noise. Shared with `benches/nightly` through `#[path]`.
//!
//! The runner re-executes itself as `EXE --one KEY INDEX N` (the child runs contender INDEX of
//! workload KEY once, for N items, and exits) under `valgrind --tool=callgrind`, for N and for
//! 2N items, and reports `(Ir(2N) − Ir(N)) / N`: process startup, building the workload and the
//! stream's setup and teardown are the same in both runs and cancel out, so what is left is the
//! cost of items N..2N. No dependency: callgrind's own output file is parsed for its totals.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::harness::Table;

/// Items per counted run (the second run takes twice as many). Callgrind runs ~50× slower than
/// native; at this size a run is dominated by valgrind's own startup (~0.4 s).
pub const ITEMS: u64 = 1 << 16;

/// The child's arguments, `--one KEY INDEX N`, if given.
pub fn one_args(args: &[String]) -> Option<(String, usize, u64)> {
    let at = args.iter().position(|a| a == "--one")?;
    let get = |k: usize| args.get(at + k).map(String::as_str);
    let (Some(key), Some(index), Some(n)) = (get(1), get(2), get(3)) else {
        panic!("usage: --one WORKLOAD INDEX ITEMS");
    };
    Some((
        key.to_string(),
        index.parse().expect("--one: INDEX is a number"),
        n.parse().expect("--one: ITEMS is a number"),
    ))
}

/// Whether `valgrind` can be run at all (otherwise the instr/item column stays empty).
pub fn available() -> bool {
    Command::new("valgrind")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The instructions executed by `exe --one key index n` under callgrind.
fn total(exe: &Path, key: &str, index: usize, n: u64) -> Result<u64, String> {
    let out = std::env::temp_dir().join(format!(
        "coro-bench-{}-{key}-{index}-{n}.callgrind",
        std::process::id()
    ));
    let run = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(exe)
        .args(["--one", key, &index.to_string(), &n.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("valgrind: {e}"))?;
    let text = std::fs::read_to_string(&out);
    let _ = std::fs::remove_file(&out);
    if !run.status.success() {
        let err = String::from_utf8_lossy(&run.stderr);
        return Err(format!("{key}#{index}: valgrind failed: {}", err.trim()));
    }
    let text = text.map_err(|e| format!("{key}#{index}: no callgrind output: {e}"))?;
    parse_total(&text).ok_or_else(|| format!("{key}#{index}: no totals in the callgrind output"))
}

/// The event count of the `totals:` line (or, in older formats, `summary:`); the only event
/// collected without cache simulation is `Ir`.
fn parse_total(text: &str) -> Option<u64> {
    let line = |tag: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(tag))
            .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
    };
    line("totals:").or_else(|| line("summary:"))
}

/// `(Ir(2n) − Ir(n)) / n` of contender `index` of workload `key`.
pub fn per_item(exe: &Path, key: &str, index: usize, n: u64) -> Result<f64, String> {
    let once = total(exe, key, index, n)?;
    let twice = total(exe, key, index, 2 * n)?;
    Ok(twice.saturating_sub(once) as f64 / n as f64)
}

/// Counts every contender of `table` that ran (only the baseline with `baseline_only`, for a
/// quick smoke test of this path), by re-running this executable for workload `key`.
pub fn count_table(table: &mut Table, key: &str, baseline_only: bool) {
    let exe = std::env::current_exe().expect("current exe");
    let first = table.rows.iter().position(|r| r.skip.is_none());
    for (i, row) in table.rows.iter_mut().enumerate() {
        if row.skip.is_some() || (baseline_only && Some(i) != first) {
            continue;
        }
        match per_item(&exe, key, i, ITEMS) {
            Ok(x) => row.instr = Some(x),
            Err(e) => eprintln!("callgrind: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_total;

    #[test]
    fn reads_the_totals_line() {
        let out = "version: 1\nevents: Ir\nfn=main\n1 5\nsummary: 1234\ntotals: 1234\n";
        assert_eq!(parse_total(out), Some(1234));
        assert_eq!(parse_total("summary: 77\n"), Some(77));
        assert_eq!(parse_total("events: Ir\n"), None);
    }
}
