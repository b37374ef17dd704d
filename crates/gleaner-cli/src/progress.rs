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
        let line = format!("{docs} docs  {mb:.1}{total} MB  {rate:.1} MB/s{eta}");
        let _ = write!(std::io::stderr(), "\r\x1b[2K{}", fit(&line, width()));
    }

    /// Clears the progress line (the run's summary follows).
    pub(crate) fn finish(&mut self) {
        if self.enabled {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}

/// The terminal's width in columns (80 when it cannot be read).
fn width() -> usize {
    #[cfg(unix)]
    if let Ok(size) = rustix::termios::tcgetwinsize(std::io::stderr()) {
        if size.ws_col > 0 {
            return usize::from(size.ws_col);
        }
    }
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).unwrap_or(80)
}

/// `line` cut to `width - 1` columns (a line as wide as the terminal wraps on some of them), its
/// least useful parts first: the ETA, then the rate, then the end.
fn fit(line: &str, width: usize) -> String {
    let max = width.saturating_sub(1);
    let mut line = line.to_owned();
    for cut in ["  ETA", "  "] {
        if line.chars().count() > max {
            if let Some(i) = line.rfind(cut) {
                line.truncate(i);
            }
        }
    }
    line.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn the_line_fits_the_terminal() {
        let line = "2225 docs  4.1/5.2 MB  1.3 MB/s  ETA 0:01";
        assert_eq!(fit(line, 80), line);
        assert_eq!(fit(line, 36), "2225 docs  4.1/5.2 MB  1.3 MB/s");
        assert_eq!(fit(line, 24), "2225 docs  4.1/5.2 MB");
        assert_eq!(fit(line, 8), "2225 do");
        assert!(fit(line, 0).is_empty());
    }
}
