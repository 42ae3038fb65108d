//! What generated bodies call, and how both compilations of a body are run and compared.
//!
//! This file is part of `coro-difftest` *and* is copied verbatim (as `mod rt`) into every
//! generated batch crate, so it depends on `std` and `coro_core` only.
//!
//! A body talks to the outside through a [`Log`]: [`Tracked`] values record their creation, their
//! uses and their drop; yields, resumes, the return value and panics are recorded by the drivers.
//! The *plain* compilation receives a [`Ctx`] whose `yield_` records the value and returns the next
//! scripted resume value; the *generator* compilation is driven by [`run_gen`] with the same script.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::fmt::{self, Debug, Write as _};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use coro_core::{Generator, GeneratorState, GeneratorStatus, YieldPoint};

pub use std::fmt::Write as _;
pub use std::ops::ControlFlow;

/// One observable event of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ev {
    /// A `Tracked` was created at source site `site`; `id` numbers creations in run order.
    New { id: u32, site: u32 },
    /// A `Tracked` was read or written.
    Use(u32),
    /// A `Tracked` was dropped.
    Drop(u32),
    /// The body yielded a value.
    Yield(i64),
    /// The driver resumed the body with a value.
    Resume(i64),
    /// The body completed with this value (`{:?}`).
    Ret(String),
    /// The body panicked (not the drop-at-suspension sentinel) with this message.
    Panic(String),
    /// Something only the harness can notice (e.g. a drop after `close()`).
    Note(String),
}

impl fmt::Display for Ev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ev::New { id, site } => write!(f, "new#{id}@{site}"),
            Ev::Use(id) => write!(f, "use#{id}"),
            Ev::Drop(id) => write!(f, "drop#{id}"),
            Ev::Yield(v) => write!(f, "yield {v}"),
            Ev::Resume(v) => write!(f, "resume {v}"),
            Ev::Ret(v) => write!(f, "ret {v}"),
            Ev::Panic(m) => write!(f, "panic {m:?}"),
            Ev::Note(m) => write!(f, "note {m:?}"),
        }
    }
}

/// The event log of one run.
#[derive(Default, Debug)]
pub struct LogData {
    pub events: Vec<Ev>,
    next_id: u32,
}

/// Shared by the body (its `log` parameter), its `Tracked` values and the driver.
pub type Log = Rc<RefCell<LogData>>;

/// Events a run may record before it counts as a runaway (a program that does not terminate is
/// a bug of the program generator; without the cap it would grow the log until the OOM killer
/// ends the whole batch).
const RUNAWAY_EVENTS: usize = 1 << 20;

/// The panic message of a runaway run.
pub const RUNAWAY: &str = "runaway program: over a million events recorded";

pub fn push(log: &Log, ev: Ev) {
    log.borrow_mut().events.push(ev);
}

/// [`push`] from the body (a creation, a yield of the plain compilation): panics, as a body
/// may, once the run is a runaway.
pub fn push_checked(log: &Log, ev: Ev) {
    push(log, ev);
    if is_runaway(log) {
        panic!("{RUNAWAY}");
    }
}

pub fn is_runaway(log: &Log) -> bool {
    log.borrow().events.len() > RUNAWAY_EVENTS
}

/// A non-`Copy` value that records its creation, uses and drop.
pub struct Tracked {
    id: u32,
    val: i64,
    log: Log,
}

impl Tracked {
    pub fn new(log: &Log, site: u32, val: i64) -> Tracked {
        let id = {
            let mut l = log.borrow_mut();
            l.next_id += 1;
            l.next_id
        };
        push_checked(log, Ev::New { id, site });
        Tracked {
            id,
            val: val % 1000,
            log: log.clone(),
        }
    }

    /// Reads the value (recorded as a use).
    pub fn get(&self) -> i64 {
        push(&self.log, Ev::Use(self.id));
        self.val
    }

    /// Same as [`Tracked::get`], under a name the lowering's borrow heuristic does not know.
    pub fn val(&self) -> i64 {
        self.get()
    }
}

/// Clones keep the id and log nothing: only the `clone` check (which compares no `Tracked`
/// events) runs bodies whose values get cloned.
impl Clone for Tracked {
    fn clone(&self) -> Tracked {
        Tracked {
            id: self.id,
            val: self.val,
            log: self.log.clone(),
        }
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        push(&self.log, Ev::Drop(self.id));
    }
}

impl Debug for Tracked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tracked#{}", self.id)
    }
}

/// Takes ownership (the value drops inside).
pub fn consume(t: Tracked) -> i64 {
    t.get() + 1
}

/// Reads through a shared borrow.
pub fn peek(t: &Tracked, x: i64) -> i64 {
    (t.get() - x) % 1000
}

/// Writes through a mutable borrow.
pub fn bump(t: &mut Tracked, x: i64) -> i64 {
    push(&t.log, Ev::Use(t.id));
    t.val = (t.val + x) % 1000;
    t.val
}

pub fn f2(a: i64, b: i64) -> i64 {
    a.wrapping_mul(3).wrapping_add(b) % 1000
}

/// `None` for multiples of 5.
pub fn opt(x: i64) -> Option<i64> {
    if x.rem_euclid(5) == 0 {
        None
    } else {
        Some(x % 100)
    }
}

/// `Err` when `x mod 7 == 3`.
pub fn res(x: i64) -> Result<i64, i64> {
    if x.rem_euclid(7) == 3 {
        Err(x % 100)
    } else {
        Ok(x % 100)
    }
}

/// Counts `c` up to `k`: `Some(new c)` while below.
pub fn below(c: &mut i64, k: i64) -> Option<i64> {
    if *c < k {
        *c += 1;
        Some(*c)
    } else {
        None
    }
}

/// A `Tracked` unless `x` is a multiple of 3.
pub fn opt_t(log: &Log, site: u32, x: i64) -> Option<Tracked> {
    if x.rem_euclid(3) == 0 {
        None
    } else {
        Some(Tracked::new(log, site, x))
    }
}

/// Between 0 and 3 `Tracked` values.
pub fn make_vec(log: &Log, site: u32, n: i64) -> Vec<Tracked> {
    (0..n.clamp(0, 3))
        .map(|i| Tracked::new(log, site, i))
        .collect()
}

/// `Break` when `x mod 6 == 4`.
pub fn flow(x: i64) -> ControlFlow<i64, i64> {
    if x.rem_euclid(6) == 4 {
        ControlFlow::Break(x % 100)
    } else {
        ControlFlow::Continue(x % 100)
    }
}

/// A struct to build in literals.
#[derive(Clone, Copy, Debug)]
pub struct S {
    pub a: i64,
    pub b: i64,
}

impl S {
    pub fn sum(&self) -> i64 {
        (self.a + self.b) % 1000
    }
}

/// The slice argument of programs that take one (`xs: &[i64]`).
pub const XS: &[i64] = &[3, -1, 4];

/// A hand-written sub-generator for `yield_from!`: holds a `Tracked` created with it, yields
/// `n mod 3` values, adds up what it is sent, returns the sum plus the value.
#[derive(Clone, Debug)]
pub struct Sub {
    t: Option<Tracked>,
    n: i64,
    left: i64,
    acc: i64,
    started: bool,
}

pub fn sub(log: &Log, site: u32, n: i64) -> Sub {
    Sub {
        t: Some(Tracked::new(log, site, n)),
        n,
        left: n.rem_euclid(3),
        acc: 0,
        started: false,
    }
}

impl Sub {
    fn step(&mut self) -> GeneratorState<i64, i64> {
        if self.left > 0 {
            self.left -= 1;
            GeneratorState::Yielded(self.n * 10 + self.left)
        } else {
            let t = self
                .t
                .take()
                .expect("sub-generator resumed after completion");
            GeneratorState::Complete((self.acc + t.get()) % 1000)
        }
    }
}

impl Generator<i64> for Sub {
    type Yield = i64;
    type Return = i64;

    fn start(&mut self) -> GeneratorState<i64, i64> {
        assert!(!self.started, "sub-generator started twice");
        self.started = true;
        self.step()
    }

    fn send(&mut self, value: i64) -> GeneratorState<i64, i64> {
        assert!(self.started, "call start() first");
        self.acc += value;
        self.step()
    }

    fn status(&self) -> GeneratorStatus {
        if !self.started {
            GeneratorStatus::Created
        } else if self.t.is_none() {
            GeneratorStatus::Completed
        } else {
            GeneratorStatus::Suspended(YieldPoint {
                index: 0,
                source: "sub",
                file: file!(),
                line: line!(),
                column: 0,
            })
        }
    }

    fn close(&mut self) {
        self.t = None;
    }
}

// ----- scripts and drivers ---------------------------------------------------------------------

pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The resume values of a run: a deterministic stream in -2..=9.
pub struct Script {
    seed: u64,
    next: Cell<u64>,
}

impl Script {
    pub fn new(seed: u64) -> Script {
        Script {
            seed,
            next: Cell::new(0),
        }
    }

    pub fn next_value(&self) -> i64 {
        let i = self.next.get();
        self.next.set(i + 1);
        let r = mix(self.seed ^ mix(i));
        #[allow(clippy::cast_possible_wrap)]
        let v = (r % 12) as i64;
        v - 2
    }
}

/// The payload of the panic that emulates "the generator is dropped at this suspension".
pub struct Stop;

/// What `yield_!` means in the plain compilation.
pub struct Ctx {
    log: Log,
    script: Script,
    yields: Cell<usize>,
    stop_at: Option<usize>,
}

impl Ctx {
    pub fn yield_(&self, x: i64) -> i64 {
        push_checked(&self.log, Ev::Yield(x));
        let n = self.yields.get() + 1;
        self.yields.set(n);
        if self.stop_at == Some(n) {
            std::panic::panic_any(Stop);
        }
        let v = self.script.next_value();
        push(&self.log, Ev::Resume(v));
        v
    }
}

impl Ctx {
    /// What `yield_from!(g)` means in the plain compilation: forwards `g`'s yields out and the
    /// resume values in; evaluates to its return value.
    pub fn yield_from<G: Generator<i64, Yield = i64, Return = i64>>(&self, mut g: G) -> i64 {
        let mut step = g.start();
        loop {
            match step {
                GeneratorState::Yielded(x) => {
                    let v = self.yield_(x);
                    step = g.send(v);
                }
                GeneratorState::Complete(r) => return r,
            }
        }
    }
}

pub fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string panic>".to_string()
    }
}

/// Silences the panic messages of bodies (they are recorded as events instead).
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}

pub fn new_log() -> Log {
    Rc::new(RefCell::new(LogData::default()))
}

pub fn take_events(log: &Log) -> Vec<Ev> {
    std::mem::take(&mut log.borrow_mut().events)
}

/// Runs the plain compilation; with `stop_at = Some(k)` the k-th yield unwinds instead.
pub fn run_plain<R: Debug>(
    f: impl FnOnce(Log, &Ctx) -> R,
    seed: u64,
    stop_at: Option<usize>,
) -> Vec<Ev> {
    let log = new_log();
    {
        let ctx = Ctx {
            log: log.clone(),
            script: Script::new(seed),
            yields: Cell::new(0),
            stop_at,
        };
        let body_log = log.clone();
        match catch_unwind(AssertUnwindSafe(|| f(body_log, &ctx))) {
            Ok(r) => push(&log, Ev::Ret(format!("{r:?}"))),
            Err(p) if p.is::<Stop>() => {}
            Err(p) => push(&log, Ev::Panic(panic_message(&*p))),
        }
    }
    take_events(&log)
}

/// How the generator compilation is abandoned at the stop point.
#[derive(Clone, Copy, Debug)]
pub enum Abandon {
    /// Drop the generator while suspended.
    Drop,
    /// `close()` it, then drop it (which must drop nothing more).
    Close,
}

/// Runs the generator compilation: `start()`, then `send(v)` for each yield, with the same
/// script; with `stop_at = Some(k)` the generator is abandoned at its k-th yield.
pub fn run_gen<G, R>(
    f: impl FnOnce(Log) -> G,
    seed: u64,
    stop_at: Option<usize>,
    how: Abandon,
) -> Vec<Ev>
where
    G: Generator<i64, Yield = i64, Return = R>,
    R: Debug,
{
    let log = new_log();
    {
        let script = Script::new(seed);
        let mut g = f(log.clone());
        let mut yields = 0;
        let mut step = catch_unwind(AssertUnwindSafe(|| g.start()));
        loop {
            match step {
                Ok(GeneratorState::Yielded(x)) => {
                    push(&log, Ev::Yield(x));
                    if is_runaway(&log) {
                        push(&log, Ev::Panic(RUNAWAY.to_string()));
                        break;
                    }
                    yields += 1;
                    if stop_at == Some(yields) {
                        if let Abandon::Close = how {
                            g.close();
                            let before = log.borrow().events.len();
                            drop(g);
                            if log.borrow().events.len() != before {
                                push(
                                    &log,
                                    Ev::Note("dropping a closed generator dropped values".into()),
                                );
                            }
                        }
                        break;
                    }
                    let v = script.next_value();
                    push(&log, Ev::Resume(v));
                    step = catch_unwind(AssertUnwindSafe(|| g.send(v)));
                }
                Ok(GeneratorState::Complete(r)) => {
                    push(&log, Ev::Ret(format!("{r:?}")));
                    break;
                }
                Err(p) => {
                    push(&log, Ev::Panic(panic_message(&*p)));
                    break;
                }
            }
        }
    }
    take_events(&log)
}

// ----- comparison ------------------------------------------------------------------------------

fn render(evs: &[Ev], around: usize) -> String {
    let lo = around.saturating_sub(12);
    let hi = (around + 6).min(evs.len());
    let mut s = String::new();
    if lo > 0 {
        s.push_str("... ");
    }
    for (i, e) in evs.iter().enumerate().take(hi).skip(lo) {
        if i == around {
            s.push_str(">>");
        }
        let _ = write!(s, "{e} ");
    }
    if hi < evs.len() {
        s.push_str("...");
    }
    s
}

/// Compares the plain run `p` with the generator run `g` of the same body and script.
///
/// What is checked (see the crate docs for why):
/// 1. the *skeleton* (every event but drops: creations, uses, yields, resumes, return value,
///    panics) is identical;
/// 2. every created `Tracked` is dropped exactly once in each run, and nothing else is dropped;
/// 3. drops of *guard* values (sites in `guards`: locals never mentioned after their `let`) sit at
///    exactly the same place in both runs, relative to the skeleton and to each other;
/// 4. every other value is dropped in the generator after its last use (or creation) and no later
///    than the plain run drops it, positions counted in skeleton-plus-guard-drop events;
/// 5. with `info.exact_order`, the values the generator drops at the same position as the plain
///    run drop in the same order as there (see [`Info::exact_order`]).
///
/// Values created at a site in `info.temps` are temporaries: in a statement containing a
/// `yield_!`, the generator may drop them at the next block boundary instead of at the end of the
/// statement (DESIGN §3.2 as documented for this implementation). Boundaries are not observable,
/// so their upper bound is the next suspension (or the end of the run) after the plain drop.
///
/// With `strict_order == false` (a switch for drop-order bugs while they are open; none is now),
/// drops that fall between the same two non-drop events are compared as a set in 3. and
/// positions in 4. are counted in skeleton events only.
pub fn compare(p: &[Ev], g: &[Ev], info: &Info) -> Result<(), String> {
    let Info {
        guards,
        temps,
        strict_order,
        lenient_locals,
        exact_order,
    } = *info;
    let skel = |evs: &[Ev]| -> Vec<Ev> {
        evs.iter()
            .filter(|e| !matches!(e, Ev::Drop(_)))
            .cloned()
            .collect()
    };
    let (sp, sg) = (skel(p), skel(g));
    same_events("traces", &sp, &sg)?;
    let mut site_of = HashMap::new();
    for e in &sp {
        if let Ev::New { id, site } = e {
            site_of.insert(*id, *site);
        }
    }
    let guard_ids: HashSet<u32> = site_of
        .iter()
        .filter(|(_, s)| guards.contains(s))
        .map(|(id, _)| *id)
        .collect();
    for (name, evs) in [("plain", p), ("generator", g)] {
        let mut count: HashMap<u32, u32> = HashMap::new();
        for e in evs {
            if let Ev::Drop(id) = e {
                *count.entry(*id).or_default() += 1;
            }
        }
        for id in site_of.keys() {
            match count.get(id).copied().unwrap_or(0) {
                1 => {}
                0 => return Err(format!("{name} run never dropped #{id} (leak)")),
                n => return Err(format!("{name} run dropped #{id} {n} times")),
            }
        }
        if let Some(id) = count.keys().find(|id| !site_of.contains_key(id)) {
            return Err(format!("{name} run dropped #{id}, which was never created"));
        }
    }
    // Skeleton plus guard drops: must be identical.
    let ext = |evs: &[Ev]| -> Vec<Ev> {
        let mut out: Vec<Ev> = evs
            .iter()
            .filter(|e| match e {
                Ev::Drop(id) => guard_ids.contains(id),
                _ => true,
            })
            .cloned()
            .collect();
        if !strict_order {
            for run in out.chunk_by_mut(|a, b| matches!((a, b), (Ev::Drop(_), Ev::Drop(_)))) {
                if matches!(run[0], Ev::Drop(_)) {
                    run.sort_by_key(|e| if let Ev::Drop(id) = e { *id } else { 0 });
                }
            }
        }
        out
    };
    let (xp, xg) = (ext(p), ext(g));
    same_events("guard drops", &xp, &xg)?;
    // Other drops: position in the extended skeleton.
    let positions = |evs: &[Ev]| -> HashMap<u32, usize> {
        let mut pos = 0;
        let mut out = HashMap::new();
        for e in evs {
            match e {
                Ev::Drop(id) if !guard_ids.contains(id) => {
                    out.insert(*id, pos);
                }
                Ev::Drop(_) if !strict_order => {}
                _ => pos += 1,
            }
        }
        out
    };
    let (pp, pg) = (positions(p), positions(g));
    let mut last_use: HashMap<u32, usize> = HashMap::new();
    let counted_use = if strict_order { &xp } else { &sp };
    for (i, e) in counted_use.iter().enumerate() {
        if let Ev::New { id, .. } | Ev::Use(id) = e {
            last_use.insert(*id, i + 1);
        }
    }
    let mut ids: Vec<u32> = site_of
        .keys()
        .copied()
        .filter(|id| !guard_ids.contains(id))
        .collect();
    ids.sort_unstable();
    let counted: Vec<&Ev> = if strict_order {
        xp.iter().collect()
    } else {
        sp.iter().collect()
    };
    for id in ids {
        let (gp, mut pl, lu) = (pg[&id], pp[&id], last_use[&id]);
        if lenient_locals || temps.contains(&site_of[&id]) {
            // Up to the next suspension (the yield event itself included) or the end.
            pl = counted
                .iter()
                .enumerate()
                .skip(pl)
                .find(|(_, e)| matches!(e, Ev::Yield(_) | Ev::Ret(_) | Ev::Panic(_)))
                .map_or(counted.len(), |(i, _)| i + 1);
        }
        if gp < lu {
            return Err(format!(
                "generator dropped #{id} before its last use:\n  plain:     {}\n  generator: {}",
                render_with_drop(p, id),
                render_with_drop(g, id)
            ));
        }
        if gp > pl {
            return Err(format!(
                "generator dropped #{id} later than plain Rust:\n  plain:     {}\n  generator: {}",
                render_with_drop(p, id),
                render_with_drop(g, id)
            ));
        }
    }
    if exact_order {
        // 5. Values the generator drops where plain Rust does (not early) keep its order.
        let in_place = |evs: &[Ev]| -> Vec<u32> {
            evs.iter()
                .filter_map(|e| match e {
                    Ev::Drop(id) if !guard_ids.contains(id) && pg[id] == pp[id] => Some(*id),
                    _ => None,
                })
                .collect()
        };
        let (op, og) = (in_place(p), in_place(g));
        if let Some(i) = op.iter().zip(&og).position(|(a, b)| a != b) {
            let (a, b) = (op[i], og[i]);
            return Err(format!(
                "generator dropped #{b} before #{a}, plain Rust the other way round:\n  plain:     {}\n  generator: {}",
                render_with_drop(p, a),
                render_with_drop(g, a)
            ));
        }
    }
    Ok(())
}

/// `Ok` if both runs recorded the same events, else where they part.
fn same_events(what: &str, p: &[Ev], g: &[Ev]) -> Result<(), String> {
    if p == g {
        return Ok(());
    }
    let i = p
        .iter()
        .zip(g)
        .position(|(a, b)| a != b)
        .unwrap_or(p.len().min(g.len()));
    Err(format!(
        "{what} differ at event {i}:\n  plain:     {}\n  generator: {}",
        render(p, i),
        render(g, i)
    ))
}

fn render_with_drop(evs: &[Ev], id: u32) -> String {
    let i = evs
        .iter()
        .position(|e| *e == Ev::Drop(id))
        .unwrap_or(evs.len());
    render(evs, i)
}

/// Runs one program under several scripts and drop points; returns the number of comparisons.
/// What the comparison needs to know about a program's `Tracked` creation sites.
#[derive(Clone, Copy, Debug)]
pub struct Info<'a> {
    /// Sites whose values are bound to locals never mentioned after their `let`.
    pub guards: &'a [u32],
    /// Sites whose values are temporaries (never bound to a local).
    pub temps: &'a [u32],
    /// Compare the order of drops between two non-drop events.
    pub strict_order: bool,
    /// Treat every non-guard value like a temporary (allowed to drop up to the next suspension
    /// after the plain drop), while bug M is open.
    pub lenient_locals: bool,
    /// Rule 5 of [`compare`]: for bodies where no value can drop early (every local used to the
    /// end of its scope), as in hand-written regression tests. Random programs leave it off: a
    /// value dropped early at a block boundary and one dropped at its scope's end can fall
    /// between the same two observable events, and boundaries are not observable.
    pub exact_order: bool,
}

pub fn check<R, G>(
    plain: impl Fn(Log, &Ctx) -> R,
    generator: impl Fn(Log) -> G,
    info: &Info,
    seed: u64,
) -> Result<usize, String>
where
    R: Debug,
    G: Generator<i64, Yield = i64, Return = R>,
{
    let mut runs = 0;
    for s in 0..3u64 {
        let script = mix(seed ^ mix(s + 1));
        let p = run_plain(&plain, script, None);
        if p.iter().any(|e| matches!(e, Ev::Panic(m) if m == RUNAWAY)) {
            return Err(format!(
                "script {script:#x}: the plain compilation does not terminate ({RUNAWAY}): a bug \
                 of the program generator"
            ));
        }
        let g = run_gen(&generator, script, None, Abandon::Drop);
        runs += 1;
        compare(&p, &g, info).map_err(|e| format!("script {script:#x}, run to completion: {e}"))?;
        let yields = p.iter().filter(|e| matches!(e, Ev::Yield(_))).count();
        if yields == 0 {
            continue;
        }
        let mut stops = vec![1, yields];
        for j in 0..2u64 {
            #[allow(clippy::cast_possible_truncation)]
            stops.push(1 + (mix(script ^ j) % yields as u64) as usize);
        }
        stops.sort_unstable();
        stops.dedup();
        for (j, &k) in stops.iter().enumerate() {
            let how = if (j + s as usize).is_multiple_of(2) {
                Abandon::Drop
            } else {
                Abandon::Close
            };
            let p = run_plain(&plain, script, Some(k));
            let g = run_gen(&generator, script, Some(k), how);
            runs += 1;
            compare(&p, &g, info).map_err(|e| {
                format!("script {script:#x}, abandoned ({how:?}) at yield {k}: {e}")
            })?;
        }
    }
    Ok(runs)
}

/// The events a clone must reproduce: yields, resumes, the return value or panic (`Tracked`
/// values are cloned with their ids, so their events are not compared).
fn visible(evs: &[Ev]) -> Vec<Ev> {
    evs.iter()
        .filter(|e| matches!(e, Ev::Yield(_) | Ev::Resume(_) | Ev::Ret(_) | Ev::Panic(_)))
        .cloned()
        .collect()
}

/// Resumes `g` with the script's next values from a step on; records yields, resumes and the
/// result in `log`.
fn drive<G, R>(
    g: &mut G,
    log: &Log,
    script: &Script,
    first: std::thread::Result<GeneratorState<i64, R>>,
    mut at_yield: impl FnMut(&G, usize),
) where
    G: Generator<i64, Yield = i64, Return = R>,
    R: Debug,
{
    let mut step = first;
    let mut yields = 0;
    loop {
        match step {
            Ok(GeneratorState::Yielded(x)) => {
                push(log, Ev::Yield(x));
                if is_runaway(log) {
                    push(log, Ev::Panic(RUNAWAY.to_string()));
                    return;
                }
                yields += 1;
                at_yield(g, yields);
                let v = script.next_value();
                push(log, Ev::Resume(v));
                step = catch_unwind(AssertUnwindSafe(|| g.send(v)));
            }
            Ok(GeneratorState::Complete(r)) => {
                push(log, Ev::Ret(format!("{r:?}")));
                return;
            }
            Err(p) => {
                push(log, Ev::Panic(panic_message(&*p)));
                return;
            }
        }
    }
}

/// For generators with the `clone` option: clones the generator at some suspensions and runs
/// both the original and the clone to completion; each must yield, take resume values and
/// return (or panic) exactly as the plain run does.
pub fn check_clone<R, G>(
    plain: impl Fn(Log, &Ctx) -> R,
    generator: impl Fn(Log) -> G,
    seed: u64,
) -> Result<usize, String>
where
    R: Debug,
    G: Generator<i64, Yield = i64, Return = R> + Clone,
{
    let mut runs = 0;
    for s in 0..2u64 {
        let script_seed = mix(seed ^ mix(s + 11));
        let p = visible(&run_plain(&plain, script_seed, None));
        let yields = p.iter().filter(|e| matches!(e, Ev::Yield(_))).count();
        if yields == 0 {
            continue;
        }
        #[allow(clippy::cast_possible_truncation)]
        let mut stops = vec![1, yields, 1 + (mix(script_seed) % yields as u64) as usize];
        stops.sort_unstable();
        stops.dedup();
        for k in stops {
            let log = new_log();
            let script = Script::new(script_seed);
            let mut g = generator(log.clone());
            let first = catch_unwind(AssertUnwindSafe(|| g.start()));
            let mut fork = None;
            drive(&mut g, &log, &script, first, |g, n| {
                if n == k {
                    fork = Some((g.clone(), script.next.get()));
                }
            });
            drop(g);
            let original = visible(&take_events(&log));
            same_events(&format!("original, cloned at yield {k}"), &p, &original)
                .map_err(|e| format!("clone script {script_seed:#x}: {e}"))?;
            let Some((mut c, pos)) = fork else {
                return Err(format!(
                    "clone script {script_seed:#x}: yield {k} never reached"
                ));
            };
            let prefix: Vec<Ev> = {
                let full = run_plain(&plain, script_seed, None);
                let mut n = 0;
                let cut = full
                    .iter()
                    .position(|e| {
                        n += usize::from(matches!(e, Ev::Yield(_)));
                        n == k
                    })
                    .map_or(full.len(), |i| i + 1);
                visible(&full[..cut])
            };
            let script = Script {
                seed: script_seed,
                next: Cell::new(pos),
            };
            let v = script.next_value();
            push(&log, Ev::Resume(v));
            let first = catch_unwind(AssertUnwindSafe(|| c.send(v)));
            drive(&mut c, &log, &script, first, |_, _| {});
            drop(c);
            let mut cloned = prefix;
            cloned.extend(visible(&take_events(&log)));
            same_events(&format!("clone made at yield {k}"), &p, &cloned)
                .map_err(|e| format!("clone script {script_seed:#x}: {e}"))?;
            runs += 2;
        }
    }
    Ok(runs)
}
