//! How far a background parse has got, for the status line while a big file loads. Parsers
//! call [`report`] at natural checkpoints (after a stretch, every few thousand groups); it
//! writes only on a thread that [`watch`]es a counter, so foreground parses, tests and fuzzing
//! pay one thread-local read per checkpoint and nothing else. A thread-local rather than a
//! parameter keeps the readers' signatures as they are for every caller that does not care.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

/// Parts per thousand of the parse done.
pub type Counter = Arc<AtomicU32>;

thread_local! {
    static SINK: RefCell<Option<Counter>> = const { RefCell::new(None) };
}

/// Report this thread's parses to `counter` from now on.
pub fn watch(counter: Counter) {
    SINK.with(|s| *s.borrow_mut() = Some(counter));
}

/// `done` of `total` of the stage that spans `from..to` thousandths of the whole parse.
pub fn report(done: usize, total: usize, from: u32, to: u32) {
    SINK.with(|s| {
        if let Some(c) = s.borrow().as_ref() {
            let part = if total == 0 { 1.0 } else { (done as f64 / total as f64).min(1.0) };
            let at = from + ((to.saturating_sub(from)) as f64 * part) as u32;
            // Never backwards: a stage re-parsed (a Markdown stretch with a bigger cap) must
            // not make the figure jump back.
            c.fetch_max(at.min(1000), Ordering::Relaxed);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_only_where_watched_and_never_backwards() {
        report(1, 2, 0, 1000);
        let c: Counter = Arc::default();
        std::thread::scope(|s| {
            s.spawn(|| {
                watch(c.clone());
                report(1, 4, 200, 600);
                assert_eq!(c.load(Ordering::Relaxed), 300);
                report(0, 4, 200, 600);
                assert_eq!(c.load(Ordering::Relaxed), 300, "never backwards");
                report(5, 0, 600, 1000);
                assert_eq!(c.load(Ordering::Relaxed), 1000);
            });
        });
        report(0, 1, 0, 1000);
        assert_eq!(c.load(Ordering::Relaxed), 1000, "another thread's parse reports nothing");
    }
}
