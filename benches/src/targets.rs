//! The targets of the issues, checked against one run's tables: a figure is "met" on the
//! medians of that run (ratios within one run, never absolute times); the callgrind ratio is
//! shown beside it because it does not move with the machine's load.

use crate::harness::Table;
use crate::verdict::{Rows, instr_ratio, ratio};
use crate::workloads::{PROPOSED, w3_names};

/// The targets table in Markdown (empty when a workload it needs was not run).
pub fn targets(tables: &[Table]) -> String {
    let find = |key: &str| {
        tables
            .iter()
            .find(|t| t.title.split_whitespace().next() == Some(key))
    };
    let mut rows = Rows(String::new());
    for (key, coro, base) in [
        ("W1", "coro (while loop)", "hand-written Iterator"),
        ("W2", "coro", "hand-written Generator"),
        ("W4", "coro", "hand-written Iterator"),
    ] {
        if let Some(t) = find(key) {
            let r = ratio(t, coro, base);
            rows.push(
                &format!("{key} within 1.05× of hand-written"),
                format!("{r:.2}×{}", instr_ratio(t, coro, base)),
                r <= 1.05,
            );
        }
    }
    // Issue #11: a stream without self-borrows, under every consumer.
    for (key, limit) in [("W3a", 1.2), ("W3b", 1.7), ("W3c", 1.7), ("W3d", 1.1)] {
        let Some(t) = find(key) else { continue };
        let (coro, hand) = (w3_names::CORO, w3_names::HAND);
        let r = ratio(t, coro, hand);
        rows.push(
            &format!("{key}: coro within {limit}× of a hand-written Stream"),
            format!("{r:.2}×{}", instr_ratio(t, coro, hand)),
            r <= limit,
        );
        let r = ratio(t, w3_names::ASYNC_STREAM, coro);
        rows.push(
            &format!("{key}: coro faster than async-stream"),
            format!(
                "async-stream is {r:.2}× coro{}",
                instr_ratio(t, w3_names::ASYNC_STREAM, coro)
            ),
            r > 1.0,
        );
        let r = ratio(t, w3_names::PINNED, w3_names::ASYNC_STREAM);
        rows.push(
            &format!("{key}: the fallback (`pinned`) no slower than async-stream"),
            format!(
                "pinned is {r:.2}× async-stream{}",
                instr_ratio(t, w3_names::PINNED, w3_names::ASYNC_STREAM)
            ),
            r <= 1.0,
        );
    }
    for (key, coro) in [("W1", "coro (while loop)"), ("W2", "coro")] {
        let Some(t) = find(key) else { continue };
        let c = t.median(coro).unwrap_or(f64::NAN);
        let best = t
            .rows
            .iter()
            .filter(|r| {
                r.skip.is_none()
                    && !r.name.starts_with("coro")
                    && !r.name.starts_with("hand")
                    && r.name != PROPOSED
            })
            .min_by(|a, b| a.median_ns.total_cmp(&b.median_ns));
        if let Some(best) = best {
            let r = best.median_ns / c;
            rows.push(
                &format!("{key}: ≥2× faster than every peer"),
                format!("fastest peer ({}) is {r:.1}× coro", best.name),
                r >= 2.0,
            );
        }
    }
    // Issue #12: pinned mode against the peers that also take bodies borrowing their own
    // locals across a yield.
    for key in ["W1", "W2"] {
        let Some(t) = find(key) else { continue };
        let best = t
            .rows
            .iter()
            .filter(|r| {
                r.skip.is_none()
                    && (r.name.starts_with("next-gen") || r.name.starts_with("genawaiter"))
            })
            .min_by(|a, b| a.median_ns.total_cmp(&b.median_ns));
        if let Some(best) = best {
            let r = ratio(t, &best.name, "coro pinned");
            rows.push(
                &format!("{key}: `pinned` faster than next-gen and genawaiter"),
                format!(
                    "the faster of them ({}) is {r:.2}× pinned{}",
                    best.name,
                    instr_ratio(t, &best.name, "coro pinned")
                ),
                r > 1.0,
            );
        }
    }
    rows.finish()
}
