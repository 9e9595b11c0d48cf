//! Per-stage timings, printed to stderr when `SHISHIN_TIMINGS` is set: how long each stage of a
//! build takes, to find where the time goes on a large site.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("SHISHIN_TIMINGS").is_some())
}

/// Measures the stages that follow one another; each [`Stages::done`] closes one.
pub struct Stages {
    last: Instant,
}

impl Stages {
    pub fn start() -> Stages {
        Stages {
            last: Instant::now(),
        }
    }

    /// Ends the stage `name` (printed when timings are on) and starts the next.
    pub fn done(&mut self, name: &str) {
        let now = Instant::now();
        report(name, now - self.last);
        self.last = now;
    }
}

/// Prints how long `name` took, when timings are on.
pub fn report(name: &str, took: Duration) {
    if enabled() {
        eprintln!(
            "timing: {name:<10} {:>8.1} ms   (memory {} MB, peak {} MB)",
            took.as_secs_f64() * 1000.0,
            memory("VmRSS:").unwrap_or(0) / 1024,
            memory("VmHWM:").unwrap_or(0) / 1024
        );
    }
}

/// The process's resident memory now (`VmRSS:`) or at its peak (`VmHWM:`) in kB (Linux), to see
/// which stage needs it.
fn memory(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Prints a count that goes with the timings (jobs kept, jobs rendered), when timings are on.
pub fn report_count(name: &str, count: usize) {
    if enabled() {
        eprintln!("timing: {name:<10} {count:>8}");
    }
}
