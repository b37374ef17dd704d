//! A one-line progress display on stderr, shown only when stderr is a terminal.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub(crate) struct Progress {
    enabled: bool,
    total_bytes: u64,
    started: Instant,
    last: Instant,
}

impl Progress {
    pub(crate) fn new(total_bytes: u64) -> Progress {
        let now = Instant::now();
        Progress { enabled: std::io::stderr().is_terminal(), total_bytes, started: now, last: now }
    }

    pub(crate) fn update(&mut self, docs: u64, bytes: u64) {
        if !self.enabled || self.last.elapsed() < Duration::from_millis(150) {
            return;
        }
        self.last = Instant::now();
        let secs = self.started.elapsed().as_secs_f64().max(1e-6);
        let mb = bytes as f64 / 1e6;
        let rate = mb / secs;
        let eta = if self.total_bytes > bytes && rate > 0.0 {
            let left = (self.total_bytes - bytes) as f64 / 1e6 / rate;
            format!("  ETA {}:{:02}", left as u64 / 60, left as u64 % 60)
        } else {
            String::new()
        };
        let total = if self.total_bytes > 0 { format!("/{:.1}", self.total_bytes as f64 / 1e6) } else { String::new() };
        let _ = write!(std::io::stderr(), "\r\x1b[2K{docs} docs  {mb:.1}{total} MB  {rate:.1} MB/s{eta}");
    }

    pub(crate) fn finish(&mut self, docs: u64, problems: u64) {
        if !self.enabled {
            return;
        }
        let secs = self.started.elapsed().as_secs_f64();
        let _ = writeln!(std::io::stderr(), "\r\x1b[2K{docs} docs in {secs:.1} s, {problems} problem(s)");
    }
}
