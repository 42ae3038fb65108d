//! A small benchmark harness: interleaved rounds, median ns/item, ratio to a baseline.
//!
//! Each contender is a closure that runs the whole workload once (create the generator, consume
//! every item) and returns a checksum. Every round runs every contender once, in a rotated order
//! (so no contender always runs right after the same neighbour); the reported figure is the
//! median over rounds of `elapsed / items`. Checksums must match the baseline's (the first
//! contender's), so a contender that skips work is caught rather than reported as fast.
//!
//! Shared with the separately built `benches/nightly` crate through `#[path]`.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

/// One implementation of a workload.
pub struct Contender<'a> {
    pub name: String,
    /// Runs the workload once; returns a checksum of everything it consumed.
    pub run: Box<dyn FnMut() -> u64 + 'a>,
    /// `Some(reason)`: listed in the table but not run.
    pub skip: Option<String>,
}

impl<'a> Contender<'a> {
    pub fn new(name: impl Into<String>, run: impl FnMut() -> u64 + 'a) -> Self {
        Contender {
            name: name.into(),
            run: Box::new(run),
            skip: None,
        }
    }

    pub fn skipped(name: impl Into<String>, reason: impl Into<String>) -> Self {
        Contender {
            name: name.into(),
            run: Box::new(|| 0),
            skip: Some(reason.into()),
        }
    }
}

/// How long and how often to measure.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    /// Rounds that are run but not recorded.
    pub warmup: usize,
    /// Recorded rounds (each runs every contender once).
    pub rounds: usize,
}

/// The measured figures of one contender.
#[derive(Clone, Debug)]
pub struct Row {
    pub name: String,
    pub median_ns: f64,
    pub min_ns: f64,
    /// Interquartile range relative to the median, in percent: the run-to-run noise.
    pub iqr_pct: f64,
    pub ratio: f64,
    pub skip: Option<String>,
    /// Instructions per item under callgrind (see `callgrind`), when measured.
    pub instr: Option<f64>,
}

/// The result of one workload.
#[derive(Clone, Debug)]
pub struct Table {
    pub title: String,
    pub note: String,
    pub items: u64,
    pub rows: Vec<Row>,
}

/// Runs every contender `cfg.rounds` times, interleaved; the first contender is the baseline.
pub fn measure(
    title: &str,
    note: &str,
    items: u64,
    cfg: Config,
    mut contenders: Vec<Contender<'_>>,
) -> Table {
    let active: Vec<usize> = (0..contenders.len())
        .filter(|&i| contenders[i].skip.is_none())
        .collect();
    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(cfg.rounds); contenders.len()];
    let mut checksums: Vec<Option<u64>> = vec![None; contenders.len()];
    for round in 0..cfg.warmup + cfg.rounds {
        for k in 0..active.len() {
            let i = active[(k + round) % active.len()];
            let c = &mut contenders[i];
            let start = Instant::now();
            let sum = std::hint::black_box((c.run)());
            let elapsed = start.elapsed();
            match checksums[i] {
                None => checksums[i] = Some(sum),
                Some(prev) => assert_eq!(prev, sum, "{title}: {} is not deterministic", c.name),
            }
            if round >= cfg.warmup {
                samples[i].push(per_item(elapsed, items));
            }
        }
    }
    let base = checksums[active[0]];
    for &i in &active {
        assert_eq!(
            checksums[i], base,
            "{title}: {} computed a different checksum than {}",
            contenders[i].name, contenders[active[0]].name
        );
    }
    let medians: Vec<f64> = samples.iter_mut().map(|s| quantile(s, 0.5)).collect();
    let base_median = medians[active[0]];
    let rows = contenders
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let s = &mut samples[i];
            let (median, min) = (medians[i], quantile(s, 0.0));
            let iqr = quantile(s, 0.75) - quantile(s, 0.25);
            Row {
                name: c.name.clone(),
                median_ns: median,
                min_ns: min,
                iqr_pct: if median > 0.0 {
                    100.0 * iqr / median
                } else {
                    0.0
                },
                ratio: median / base_median,
                skip: c.skip.clone(),
                instr: None,
            }
        })
        .collect();
    Table {
        title: title.to_string(),
        note: note.to_string(),
        items,
        rows,
    }
}

fn per_item(elapsed: Duration, items: u64) -> f64 {
    elapsed.as_secs_f64() * 1e9 / items as f64
}

/// The `q`-quantile (0..=1) of the samples, linearly interpolated; NaN when empty.
fn quantile(s: &mut [f64], q: f64) -> f64 {
    if s.is_empty() {
        return f64::NAN;
    }
    s.sort_by(f64::total_cmp);
    let pos = q * (s.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    s[lo] + (s[hi] - s[lo]) * (pos - lo as f64)
}

impl Table {
    /// The table as Markdown.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "### {}\n", self.title);
        if !self.note.is_empty() {
            let _ = writeln!(out, "{}\n", self.note);
        }
        // The instruction column appears once any row has a count: W4/W5 are not counted.
        let instr = self.rows.iter().any(|r| r.instr.is_some());
        let _ = writeln!(
            out,
            "| contender | ns/item (median) | min | IQR | × baseline |{}",
            if instr {
                " instr/item | × baseline |"
            } else {
                ""
            }
        );
        let _ = writeln!(
            out,
            "|---|---:|---:|---:|---:|{}",
            if instr { "---:|---:|" } else { "" }
        );
        let base_instr = self.rows.iter().find_map(|r| r.instr);
        for r in &self.rows {
            let counted = match (r.instr, base_instr) {
                (Some(i), Some(b)) => format!(" {i:.1} | {:.2}× |", i / b),
                _ => " — | — |".to_string(),
            };
            let counted = if instr { counted.as_str() } else { "" };
            match &r.skip {
                Some(why) => {
                    let _ = writeln!(out, "| {} | — | — | — | {} |{counted}", r.name, why);
                }
                None => {
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} | ±{:.0}% | {:.2}× |{counted}",
                        r.name,
                        fmt_ns(r.median_ns),
                        fmt_ns(r.min_ns),
                        r.iqr_pct / 2.0,
                        r.ratio
                    );
                }
            }
        }
        out
    }

    /// The instructions per item of the named contender, if counted.
    pub fn instr(&self, name: &str) -> Option<f64> {
        self.rows
            .iter()
            .find(|r| r.name == name)
            .and_then(|r| r.instr)
    }

    /// The median of the named contender, if it ran.
    pub fn median(&self, name: &str) -> Option<f64> {
        self.rows
            .iter()
            .find(|r| r.name == name && r.skip.is_none())
            .map(|r| r.median_ns)
    }
}

fn fmt_ns(ns: f64) -> String {
    if ns >= 100.0 {
        format!("{ns:.0}")
    } else if ns >= 10.0 {
        format!("{ns:.1}")
    } else {
        format!("{ns:.2}")
    }
}

/// Machine and toolchain facts for the report; `profile` describes the cargo profile.
pub fn machine_info(profile: &str) -> String {
    let mut out = String::new();
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let rustc =
        std::process::Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
            .arg("--version")
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default();
    let _ = writeln!(
        out,
        "- CPU: {cpu} ({cores} logical cores visible; shared with other work)"
    );
    let _ = writeln!(
        out,
        "- load average at start: {}",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    let _ = writeln!(out, "- {rustc}, {profile}");
    let _ = writeln!(
        out,
        "- OS: {} {}",
        std::env::consts::OS,
        std::env::consts::ARCH
    );
    out
}
