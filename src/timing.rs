//! Per-stage timings, printed to stderr when `SHISHIN_TIMINGS` is set: how long each stage of a
//! build takes, to find where the time goes on a large site.

use std::sync::OnceLock;
use std::time::Instant;

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
        if enabled() {
            eprintln!(
                "timing: {name:<10} {:>8.1} ms",
                (now - self.last).as_secs_f64() * 1000.0
            );
        }
        self.last = now;
    }
}
